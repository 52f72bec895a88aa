//! `cargo run -p pyrs-marshal --example dis_pyc -- FILE.pyc`: print pyrs's `dis` text of
//! the code object in a .pyc, for comparison with `python3 -m dis FILE.py` (normalise
//! `at 0x[0-9a-f]+` first: code object addresses differ per process).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dis_pyc FILE.pyc");
        std::process::exit(2);
    };
    let data = match std::fs::read(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dis_pyc: {path}: {e}");
            std::process::exit(1);
        }
    };
    match pyrs_marshal::pyc::read_pyc(&data) {
        Ok((_, code)) => print!("{}", pyrs_bytecode::dis::dis(&code)),
        Err(e) => {
            eprintln!("dis_pyc: {path}: {e}");
            std::process::exit(1);
        }
    }
}
