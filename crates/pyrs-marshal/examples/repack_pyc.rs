//! `cargo run -p pyrs-marshal --example repack_pyc -- IN.pyc OUT.pyc`: read a .pyc and
//! write it again with pyrs's writer (its reference-flag policy, no replay hints).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: repack_pyc IN.pyc OUT.pyc");
        std::process::exit(2);
    }
    let data = std::fs::read(&args[1]).expect("read input");
    let (header, code) = pyrs_marshal::pyc::read_pyc(&data).expect("parse input");
    std::fs::write(&args[2], pyrs_marshal::pyc::write_pyc(&header, &code)).expect("write output");
}
