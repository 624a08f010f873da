//! Paragraph numbers: `1.`, `1 .`, `¶1.`, `[¶](#)9.`, `1.(S)`, and the mangled `11.` `12.` `13.`
//! of a markdown conversion (a pilcrow that became the digit 1), recovered from the sequence.

use crate::shape::number::numbered_paragraph_parts;

/// A paragraph number as written at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Written {
    /// The number the digits say (`11` for `11.`).
    pub value: u32,
    /// Bytes taken by the number, pilcrow and period included (`[¶](#)9.` → 9).
    pub len: usize,
    /// Byte offset and length of the digits within the number.
    pub digits: (usize, usize),
}

/// Reads the paragraph number at the start of `t` (already left-trimmed).
#[inline]
pub(crate) fn written(t: &str) -> Option<Written> {
    // The first byte of every form (a digit, `¶`, `[¶](#)`, U+FFFD), tested inline: most
    // lines are no number, and this is asked of each line up to three times.
    if !t.as_bytes().first().copied().is_some_and(crate::lines::shape::opens_number) {
        return None;
    }
    written_number(t)
}

/// The rest of [`written`].
#[inline(never)]
fn written_number(t: &str) -> Option<Written> {
    let (len, (start, n)) = numbered_paragraph_parts(t)?;
    let b = t.as_bytes();
    // (The prefix has one to three digits, the first of the text: read here, not by the general
    // parser, which cost more than the rest of this.)
    let value = b[start..start + n].iter().fold(0, |v, d| v * 10 + u32::from(d - b'0'));
    Some(Written { value, len, digits: (start, n) })
}

/// A number glued to the first word (`12.A press release`): taken only when it is the next
/// number of the sequence, so that `3.A` in prose is left alone.
pub(crate) fn glued(t: &str, previous: Option<u32>) -> Option<Written> {
    let b = t.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 || b.get(n) != Some(&b'.') || !b.get(n + 1).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let value = crate::scan::parse_u32(&t[..n])?;
    (value == previous.map_or(1, |p| p + 1)).then_some(Written { value, len: n + 1, digits: (0, n) })
}

/// A number with odd punctuation before a portion marking (`2, (U) Drafted by ...`,
/// 04SANTODOMINGO1823; `15 (SBU) He said ...`): taken only when it is the next number of the
/// sequence, as with [`glued`].
/// (Inlined, the first digit: a piece that opens with none, a marking or a label in
/// parentheses, is done without the call.)
#[inline]
pub(crate) fn odd(t: &str, previous: Option<u32>) -> Option<Written> {
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    odd_number(t, previous)
}

/// The rest of [`odd`], for a text that opens with a digit.
#[inline(never)]
fn odd_number(t: &str, previous: Option<u32>) -> Option<Written> {
    let b = t.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return None;
    }
    let len = if b.get(n) == Some(&b',') { n + 1 } else { n };
    if b.get(len) != Some(&b' ') {
        return None;
    }
    crate::classification::Marking::parse_prefix(&t[len..])?;
    let value = crate::scan::parse_u32(&t[..n])?;
    (value == previous.map_or(1, |p| p + 1)).then_some(Written { value, len, digits: (0, n) })
}

/// A number in parentheses followed by a portion marking (`(1)  (U)  SUMMARY: ...`): the
/// paragraph numbers of some 2003 cables. Without the marking `(1)` is a sub-item label.
/// (Inlined, the parenthesis and the digit after it: a piece that opens otherwise, a marking
/// `(C)` or a number, is done without the call.)
#[inline]
pub(crate) fn parenthesised(t: &str) -> Option<Written> {
    if !matches!(t.as_bytes(), [b'(', d, ..] if d.is_ascii_digit()) {
        return None;
    }
    parenthesised_number(t)
}

/// The rest of [`parenthesised`], for a text that opens with `(` and a digit.
#[inline(never)]
fn parenthesised_number(t: &str) -> Option<Written> {
    let inner = t.strip_prefix('(')?;
    let n = inner.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 || inner.as_bytes().get(n) != Some(&b')') {
        return None;
    }
    let value = crate::scan::parse_u32(&inner[..n])?;
    crate::classification::Marking::parse_prefix(inner[n + 1..].trim_start())?;
    Some(Written { value, len: n + 2, digits: (1, n) })
}

/// How a written number relates to the paragraph sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    /// The number expected next (or the first paragraph's 1).
    Next,
    /// A mangled number whose true value is given (`12.` for ¶2: the pilcrow read as `1`).
    Recovered(u32),
    /// The same number as the paragraph before (10USNATO52 has two paragraph 2s).
    Duplicate,
    /// A number past the expected one: paragraphs skipped.
    Skipped,
    /// A number below the expected one: a numbered list inside the current paragraph.
    Inner,
    /// A number below the expected one that is still a paragraph (it has a portion marking
    /// or a pilcrow): the cable's numbering goes back.
    Unordered,
}

/// Places `written` in the sequence, given the number of the paragraph before (`None` at the
/// start).
///
/// A mangled number is the digit 1 followed by the expected number (`11.` for ¶1, `110.` for
/// ¶10): only when the written number is not itself the expected one.
pub(crate) fn fit(written: u32, previous: Option<u32>) -> Fit {
    let expected = previous.map_or(1, |p| p.saturating_add(1));
    if written == expected {
        return Fit::Next;
    }
    if let Some(rest) = strip_leading_one(written) {
        if rest == expected {
            return Fit::Recovered(rest);
        }
    }
    match previous {
        Some(p) if written == p => Fit::Duplicate,
        Some(_) if written < expected => Fit::Inner,
        // A first paragraph numbered 3 (the cable's second section) is not a list item.
        _ => Fit::Skipped,
    }
}

/// Places `written` in the sequence without reading a leading 1 as a mangled pilcrow.
pub(crate) fn fit_as_written(written: u32, previous: Option<u32>) -> Fit {
    let expected = previous.map_or(1, |p| p.saturating_add(1));
    match previous {
        _ if written == expected => Fit::Next,
        Some(p) if written == p => Fit::Duplicate,
        Some(_) if written < expected => Fit::Inner,
        _ => Fit::Skipped,
    }
}

/// `11` → `1`, `110` → `10`; `None` when the number does not start with the digit 1 followed
/// by a non-zero number.
fn strip_leading_one(n: u32) -> Option<u32> {
    let mut pow = 1u32;
    while pow <= n / 10 {
        pow *= 10;
    }
    if pow < 10 || n / pow != 1 {
        return None;
    }
    let rest = n % pow;
    // `105` → `05` is no paragraph number: the rest must have one digit less.
    (rest >= pow / 10 && rest > 0).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_numbers() {
        let w = written("11. (C) Summary").unwrap();
        assert_eq!((w.value, w.len, w.digits), (11, 3, (0, 2)));
        let w = written("[¶](#)9. (C) By").unwrap();
        assert_eq!((w.value, w.len), (9, 9));
        assert_eq!(written("¶4. (C) Lavrov").unwrap().value, 4);
        assert_eq!(written("1 . text").unwrap().len, 3);
        assert_eq!(written("1.(S) x").unwrap().len, 2);
        assert!(written("2007. x").is_none());
        assert!(written("A. x").is_none());
    }

    #[test]
    fn numbers_and_markings_open_with_the_bytes_of_the_shape_bit() {
        // The body's count of numbered lines, and the piece's number readers, ask the shape's
        // bytes first: every line of the golden fixtures that a reader takes must have the bit.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
        let mut opened = 0;
        for path in std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x != "json"))
        {
            let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            for line in crate::lines::split(&text) {
                let t = line.trimmed();
                // (`glued` and `odd` take only the next number: asked with the one before the
                // line's leading digits, they take any.)
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                let before = crate::scan::parse_u32(&t[..digits]).and_then(|v| v.checked_sub(1));
                if written(t).is_some()
                    || parenthesised(t).is_some()
                    || glued(t, before).is_some()
                    || odd(t, before).is_some()
                    || crate::classification::Marking::parse_prefix(t).is_some()
                {
                    opened += 1;
                    assert!(line.shape.may_open_number(), "{t:?}");
                }
            }
        }
        assert!(opened > 200, "{opened}");
    }

    #[test]
    fn parenthesised_numbers_need_a_marking() {
        assert_eq!(parenthesised("(1)  (U)  SUMMARY: x").map(|w| (w.value, w.len)), Some((1, 3)));
        assert_eq!(parenthesised("(12) (SBU) x").map(|w| w.value), Some(12));
        assert_eq!(parenthesised("(1) the first point"), None);
    }

    #[test]
    fn glued_numbers_need_the_sequence() {
        assert_eq!(glued("12.A press release", Some(11)).map(|w| w.len), Some(3));
        assert_eq!(glued("12.A press release", Some(3)), None);
        assert_eq!(glued("3.5 PERCENT", Some(2)), None);
    }

    #[test]
    fn mangled_numbers_are_recovered_from_the_sequence() {
        assert_eq!(fit(11, None), Fit::Recovered(1));
        assert_eq!(fit(12, Some(1)), Fit::Recovered(2));
        assert_eq!(fit(13, Some(2)), Fit::Recovered(3));
        assert_eq!(fit(4, Some(3)), Fit::Next);
        assert_eq!(fit(110, Some(9)), Fit::Recovered(10));
        // A real paragraph 11 after 10 stays 11.
        assert_eq!(fit(11, Some(10)), Fit::Next);
        assert_eq!(fit(1, None), Fit::Next);
    }

    #[test]
    fn duplicates_skips_and_inner_lists() {
        assert_eq!(fit(2, Some(2)), Fit::Duplicate);
        assert_eq!(fit(5, Some(3)), Fit::Skipped);
        assert_eq!(fit(1, Some(4)), Fit::Inner);
        assert_eq!(fit(3, None), Fit::Skipped);
        assert_eq!(strip_leading_one(105), None);
        assert_eq!(strip_leading_one(1), None);
        assert_eq!(strip_leading_one(19), Some(9));
    }
}
