//! Turning bytes into text at the byte-input entry points (files, CSV rows, the C and Python
//! bindings). The parser itself works on `&str`.
//!
//! Valid UTF-8 is used as is. Bytes that are not valid UTF-8 are read as Windows-1252, the
//! encoding of the cables that were not UTF-8 (0x92 `’`, 0x93 `“`, 0x94 `”`, 0x96 `–`); the
//! five bytes that Windows-1252 leaves undefined become U+FFFD. NUL and the other C0 controls
//! except tab, newline, form feed and carriage return become U+FFFD too. Every replacement is
//! recorded, so that the parse can report it as a
//! [`LossyDecoding`](crate::WarningKind::LossyDecoding) warning.

use crate::span::Span;
use std::borrow::Cow;

/// Text decoded from bytes, and where it differs from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Spans (in `text`) of the characters that replaced invalid bytes or control characters,
    /// at most [`MAX_RECORDED`]; `replaced` counts them all.
    pub spans: Vec<Span>,
    /// How many replacements were made.
    pub replaced: usize,
}

/// At most this many replacement spans are recorded per input.
pub const MAX_RECORDED: usize = 64;

/// Windows-1252 for bytes 0x80–0x9F (`None` where the code page defines no character).
const CP1252: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decodes `bytes` as described in the module documentation.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !has_bad_control(bytes) {
            return Decoded { text: Cow::Borrowed(s), spans: Vec::new(), replaced: 0 };
        }
    }
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut spans = Vec::new();
    let mut replaced = 0;
    let mut record = |out: &String, len: usize, spans: &mut Vec<Span>| {
        replaced += 1;
        if spans.len() < MAX_RECORDED {
            let end = out.len() as u32;
            spans.push(Span::new(end - len as u32, end));
        }
    };
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                push_checked(&mut out, s, &mut spans, &mut record);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid UTF-8 by construction.
                push_checked(&mut out, std::str::from_utf8(good).unwrap_or(""), &mut spans, &mut record);
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for &b in &bad[..n] {
                    let c = match b {
                        0x80..=0x9f => CP1252[(b - 0x80) as usize].unwrap_or('\u{fffd}'),
                        0xa0..=0xff => b as char,
                        _ => '\u{fffd}',
                    };
                    out.push(c);
                    record(&out, c.len_utf8(), &mut spans);
                }
                rest = &bad[n..];
            }
        }
    }
    Decoded { text: Cow::Owned(out), spans, replaced }
}

/// A control character other than tab, newline, form feed and carriage return. Byte
/// comparisons joined with the non-short-circuit `&` (no branch, table lookup or variable
/// shift).
fn is_bad_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != 0x0c) & (b != b'\r')
}

/// True when `bytes` holds a control character other than tab, newline, form feed and carriage
/// return. Runs on every input, so in two steps: a branch-free pass over chunks of 64 bytes
/// (which vectorises) asks only "a control character other than a newline?", the one text files
/// are full of; a chunk that has one (a tab, a carriage return: rare) is then looked at byte by
/// byte. The pass keeps, in 16 lanes, the minimum of `(b ^ b'\n') - 1` (wrapping), which is
/// below 0x1F exactly for the control bytes other than the newline (a newline maps to 0xFF, the
/// other controls to 0x00..=0x1E, every other byte to 0x1F or more): three vector operations a
/// 16 bytes, and one comparison of the 16 lanes a chunk. (The OR of `b < 0x20 & b != b'\n'`
/// folded to one byte a chunk took 1.26 times the instructions, most in the fold; the same
/// minimum folded to one byte a chunk, about 1.2 times; chunks of 128 or 256 bytes do not
/// vectorise in this form. Testing the four allowed characters in the vectorised step took 1.6
/// times the OR's.)
pub(crate) fn has_bad_control(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(64);
    for chunk in &mut chunks {
        if chunk_suspect(chunk) && chunk.iter().any(|&b| is_bad_control(b)) {
            return true;
        }
    }
    // The last bytes, fewer than 64, tested as the last 64 of `bytes` (those before them were
    // found clean) or, in a shorter input, padded with spaces: a byte at a time, they cost
    // about a tenth of a row's text, and three quarters of a row's short columns.
    let tail = chunks.remainder();
    if tail.is_empty() {
        return false;
    }
    let mut padded = [b' '; 64];
    let last = match bytes.len().checked_sub(64) {
        Some(from) => &bytes[from..],
        None => {
            padded[..tail.len()].copy_from_slice(tail);
            &padded[..]
        }
    };
    chunk_suspect(last) && last.iter().any(|&b| is_bad_control(b))
}

/// Whether `chunk` (64 bytes) may hold a control byte other than a newline: the vectorised step
/// of [`has_bad_control`]. (Four such steps folded into the same lanes before one comparison
/// took a tenth fewer instructions in a small program but were vectorised across the steps,
/// a byte from each, in the crate: ten times as many.)
#[inline(always)]
fn chunk_suspect(chunk: &[u8]) -> bool {
    let mut low = [u8::MAX; 16];
    for part in chunk.chunks_exact(16) {
        for (m, &b) in low.iter_mut().zip(part) {
            *m = (*m).min((b ^ b'\n').wrapping_sub(1));
        }
    }
    low.iter().fold(0u8, |acc, &m| acc | u8::from(m < 0x1f)) != 0
}

fn push_checked(
    out: &mut String,
    s: &str,
    spans: &mut Vec<Span>,
    record: &mut impl FnMut(&String, usize, &mut Vec<Span>),
) {
    if !s.bytes().any(is_bad_control) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if c.is_ascii() && is_bad_control(c as u8) {
            out.push('\u{fffd}');
            record(out, 3, spans);
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed() {
        let d = decode("Kosovo’s".as_bytes());
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.replaced, 0);
    }

    #[test]
    fn windows_1252_quotes_and_latin1() {
        let d = decode(b"IRAN\x92S \x93NEW\x94 caf\xe9 \x81");
        assert_eq!(d.text, "IRAN’S “NEW” café \u{fffd}");
        assert_eq!(d.replaced, 5);
        assert_eq!(d.spans[0], Span::new(4, 7));
        assert_eq!(&d.text[d.spans[3].range()], "é");
    }

    /// Every control character but the four allowed ones is found wherever it is: in the
    /// vectorised chunks or in the tail, alone or beside allowed ones.
    #[test]
    fn bad_controls_are_found_in_chunks_and_tails() {
        let text = "LINE ONE\tTAB\r\n\x0cNEXT PAGE\n".repeat(5);
        assert!(!has_bad_control(text.as_bytes()));
        for bad in (0u8..0x20).filter(|b| !matches!(b, b'\t' | b'\n' | 0x0c | b'\r')) {
            for at in [0, 31, 32, 63, 64, 70, text.len() - 1] {
                let mut bytes = text.clone().into_bytes();
                bytes[at] = bad;
                assert!(has_bad_control(&bytes), "byte {bad:#x} at {at}");
            }
        }
        assert!(!has_bad_control("Kosovo\u{2019}s \u{7f}".as_bytes()));
        // Every byte value, at every place of a chunk and of the tail: the vectorised test
        // flags a chunk exactly when the plain test would.
        for b in 0..=255u8 {
            for at in [0, 15, 16, 47, 63, 64, 70] {
                let mut bytes = vec![b'a'; 72];
                bytes[at] = b;
                assert_eq!(has_bad_control(&bytes), is_bad_control(b), "byte {b:#x} at {at}");
            }
        }
        // Inputs of every length up to past two chunks: the tail, padded or read again as the
        // last 64 bytes, is tested as a whole chunk is.
        for len in 1..=140 {
            for at in [0, len / 2, len - 1] {
                for (b, bad) in [(0x01, true), (0x1f, true), (b'\t', false), (b'\r', false), (b' ', false)] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(has_bad_control(&bytes), bad, "byte {b:#x} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn nul_and_controls() {
        let d = decode(b"A\0B\x07C\tD\n");
        assert_eq!(d.text, "A\u{fffd}B\u{fffd}C\tD\n");
        assert_eq!(d.replaced, 2);
    }
}
