//! Paragraph numbers at the start of a line (`1.`, `¶4.`, `[¶](#)9.`, `12 .`).

/// Length of a paragraph number at the start of `t` (`1.`, `1 .`, `¶1.`, `[¶](#)9.`, `11.`,
/// `1.(S)`), up to and including the period; `None` when `t` does not start with one.
pub(crate) fn numbered_paragraph_prefix(t: &str) -> Option<usize> {
    numbered_paragraph_parts(t).map(|(len, _)| len)
}

/// [`numbered_paragraph_prefix`] and where its digits are: their byte offset and count (the
/// digits are read where the prefix found them, not looked for again).
/// (Inlined: the body's number reader asks it of every line that opens with a digit, and the
/// call cost about as much as the reading.)
#[inline]
pub(crate) fn numbered_paragraph_parts(t: &str) -> Option<(usize, (usize, usize))> {
    // A digit, or the first byte of `¶` (C2), `[¶](#)` or U+FFFD (EF): most lines stop here.
    if !matches!(t.as_bytes().first(), Some(b'0'..=b'9' | 0xC2 | b'[' | 0xEF)) {
        return None;
    }
    let b = t.as_bytes();
    let mut i = 0;
    // (Most numbers open with their digits: the pilcrows are looked for only before others.)
    if !b[0].is_ascii_digit() {
        for p in ["[¶](#)", "¶", "\u{fffd}"] {
            if t.starts_with(p) {
                i = p.len();
                break;
            }
        }
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    // (Four at most: a fourth digit already says no.)
    let digits = b[i..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let at = i;
    i += digits;
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) != Some(&b'.') {
        return None;
    }
    i += 1;
    match b.get(i) {
        None | Some(b' ' | b'\t' | b'(') => Some((i, (at, digits))),
        _ => None,
    }
}

/// True when `t` starts with a paragraph number.
pub(crate) fn is_numbered_paragraph(t: &str) -> bool {
    numbered_paragraph_prefix(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_numbers() {
        assert_eq!(numbered_paragraph_prefix("1. (C) Summary"), Some(2));
        assert_eq!(numbered_paragraph_prefix("11. (C) Summary"), Some(3));
        assert_eq!(numbered_paragraph_prefix("¶4. (C) Lavrov"), Some(4));
        assert_eq!(numbered_paragraph_prefix("[¶](#)9. (C) By"), Some(9));
        assert_eq!(numbered_paragraph_prefix("1.(S) x"), Some(2));
        assert_eq!(numbered_paragraph_prefix("1 . x"), Some(3));
        assert_eq!(numbered_paragraph_prefix("2007. x"), None);
        assert_eq!(numbered_paragraph_prefix("3.5 PERCENT"), None);
        assert_eq!(numbered_paragraph_prefix("A. STATE 1"), None);
    }
}
