//! Unit tests of the `_io` helpers that need no interpreter: where a chunk of encoded
//! bytes may be cut (textio.rs) and universal-newline translation (newlines.rs).

use super::newlines::NlState;
use super::textio::complete_len;
use crate::types::codecs::Codec;

#[test]
fn utf8_chunks_cut_before_an_incomplete_character() {
    let s = "aé€😀".as_bytes(); // 1 + 2 + 3 + 4 bytes
    assert_eq!(complete_len(Codec::Utf8, s), s.len());
    for cut in 0..s.len() {
        let n = complete_len(Codec::Utf8, &s[..cut]);
        assert!(std::str::from_utf8(&s[..n]).is_ok(), "cut {cut} kept {n}");
        assert!(cut - n < 4);
    }
    // Invalid bytes are left to the decoder (its error handler decides).
    assert_eq!(complete_len(Codec::Utf8, &[0x80, 0x80, 0x80, 0x80]), 4);
}

#[test]
fn utf16_and_utf32_chunks_keep_whole_units_and_surrogate_pairs() {
    let le: Vec<u8> = "a😀".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    assert_eq!(complete_len(Codec::Utf16(Some(true)), &le), 6);
    assert_eq!(complete_len(Codec::Utf16(Some(true)), &le[..5]), 2);
    assert_eq!(complete_len(Codec::Utf16(Some(true)), &le[..4]), 2); // high surrogate alone
    let be: Vec<u8> = "a😀".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    assert_eq!(complete_len(Codec::Utf16(Some(false)), &be[..4]), 2);
    assert_eq!(complete_len(Codec::Utf32(Some(true)), &[0; 7]), 4);
    assert_eq!(complete_len(Codec::Latin1, &[0xff; 3]), 3);
}

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

#[test]
fn newline_translation_holds_a_final_cr_until_the_next_chunk() {
    let mut d = NlState::new(true);
    assert_eq!(d.decode(&cps("a\r"), false), cps("a"));
    assert!(d.pendingcr);
    assert_eq!(d.decode(&cps("\nb\r\rc"), false), cps("\nb\n\nc"));
    assert_eq!(d.decode(&cps("\r"), true), cps("\n"));
    assert_eq!(d.seennl, 2 | 4); // CR and CRLF, no lone LF
    let mut u = NlState::new(false);
    assert_eq!(u.decode(&cps("x\r\ny\n"), true), cps("x\r\ny\n"));
    assert_eq!(u.seennl, 1 | 4);
}
