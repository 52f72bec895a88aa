//! Tests of the eval loop's own tables.

use super::INLINE_CACHES;
use pyrs_bytecode::opcode::{cache_entries, deopt};

/// Every base opcode with CACHE units is in `INLINE_CACHES` with 3.11's count (its arm
/// skips them); specialized opcodes never reach the loop (.pyc files hold base opcodes,
/// and an unknown opcode raises SystemError before any cache matters).
#[test]
fn inline_cache_counts_match_the_opcode_table() {
    for op in 0..=255u8 {
        let mine = INLINE_CACHES
            .iter()
            .find(|(o, _)| *o == op)
            .map(|(_, n)| *n);
        match mine {
            Some(n) => assert_eq!(n, cache_entries(op), "opcode {op}"),
            None => assert!(
                cache_entries(op) == 0 || deopt(op) != op,
                "opcode {op} has {} CACHE units but no skip in eval/mod.rs",
                cache_entries(op)
            ),
        }
    }
}
