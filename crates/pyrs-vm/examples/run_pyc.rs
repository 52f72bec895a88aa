//! Run a .pyc with the VM alone (without the `pyrs` command and the front end):
//! `cargo run -p pyrs-vm --example run_pyc -- FILE.pyc [ARGS...]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: run_pyc FILE.pyc [ARGS...]");
        std::process::exit(2);
    };
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("run_pyc: can't open file {path:?}: {e}");
            std::process::exit(2);
        }
    };
    std::process::exit(pyrs_vm::run_pyc(&data, path, &args));
}
