//! Parses many files in one process and reports the time spent parsing (not reading).
//! Used by `benches/parse_lib.py`. Usage: `parse_files [--repeat N] FILE...`
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 1;
    if args.first().map(String::as_str) == Some("--repeat") {
        repeat = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
        args.drain(..2);
    }
    let sources: Vec<Vec<u8>> = args.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let mut best = f64::INFINITY;
    let mut ok = 0;
    for _ in 0..repeat {
        let t = Instant::now();
        ok = 0;
        for s in &sources {
            if pyrs_parser::parse_module_bytes(s).is_ok() {
                ok += 1;
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{best:.6} {ok} {}", sources.len());
}
