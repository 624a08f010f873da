//! Sub-item labels at the start of a line inside a paragraph: `A.`, `B)`, `(C)`, `(1)`, `1)`,
//! `(ii)`, `--`, `-`, `–`, `*`, `•`, `o`.

/// Length in bytes of the sub-item label at the start of `t` (already left-trimmed), without
/// the space after it; `None` when the line does not start with one.
#[inline(always)]
pub(crate) fn item_label(t: &str) -> Option<usize> {
    // Most lines open with a letter or digit that is no bullet and a word with no `.` or `)` in
    // bytes 1 to 4: no label, tested inline (this runs on every line of every paragraph whose
    // text or items are asked for); the `A.` / `1)` form and the other forms out of line.
    let b = t.as_bytes();
    let first = *b.first()?;
    if opens_word(first) {
        if !period_or_paren_within_four(b) {
            return None;
        }
        return counter_label(t);
    }
    other_label(t)
}

/// True when `t` opens like prose: a letter or digit that is no bullet (`o`), and a first word
/// with no `.` or `)` in bytes 1 to 4. Such a line has no item label ([`item_label`] is `None`)
/// and is no rule (a rule opens with a mark): the joining of a paragraph's lines takes it as
/// more text without asking anything else.
#[inline(always)]
pub(crate) fn opens_prose(t: &str) -> bool {
    let b = t.as_bytes();
    b.first().is_some_and(|&first| opens_word(first)) && !period_or_paren_within_four(b)
}

/// A first byte that opens a word, not a bullet: an ASCII letter or digit other than `o`.
#[inline(always)]
fn opens_word(first: u8) -> bool {
    first.is_ascii_alphanumeric() && first != b'o'
}

/// `A.`, `1.`, `b)`, `12)`, `iv.` at the start of `t`.
#[inline(never)]
fn counter_label(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // (Five bytes at most are looked at: a longer word is no counter.)
    let mut word = 0;
    while word < 5 && word < b.len() && b[word].is_ascii_alphanumeric() {
        word += 1;
    }
    if word == 0 || word > 4 {
        return None;
    }
    match b.get(word) {
        Some(b'.' | b')') if is_counter(&t[..word]) && followed_by_text(t, word + 1) => Some(word + 1),
        _ => None,
    }
}

/// Whether a `.` or `)` is among bytes 1 to 4 of `b` (where a counter's first word of one to four
/// letters or digits ends).
#[inline]
fn period_or_paren_within_four(b: &[u8]) -> bool {
    match b.get(1..5) {
        Some(four) => {
            let w = u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
            // (A zero byte in `w` xor a repeated byte: one of the four is that byte; exact.)
            let has_zero = |x: u32| x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080 != 0;
            has_zero(w ^ 0x2e2e_2e2e) || has_zero(w ^ 0x2929_2929)
        }
        None => b.iter().skip(1).any(|&c| c == b'.' || c == b')'),
    }
}

/// [`item_label`] for a line that opens with a bullet, a parenthesis or another character.
#[inline(never)]
fn other_label(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let first = *b.first()?;
    // Bullets: `--`, `-`, `*`, the en dash, em dash and bullet (`\u{2013}`, `\u{2014}`,
    // `\u{2022}`) and the `o` of word-processor lists, told apart by their first byte (a loop
    // over all of them ran for every line that opens with `o`: `of`, `on`, `or`).
    // `--` and the long dashes may be followed directly by text (`--Erdogan's character`); a
    // single `-` or `*` needs a space so that `-5 degrees` and `*Note` stay text.
    let bullet = match first {
        b'-' if b.get(1) == Some(&b'-') => Some((2, false)),
        b'-' | b'*' => Some((1, true)),
        b'o' if b.get(1) == Some(&b' ') => return Some(1),
        0xE2 if ["\u{2013}", "\u{2014}", "\u{2022}"].iter().any(|d| t.starts_with(d)) => Some((3, false)),
        _ => None,
    };
    if let Some((n, needs_space)) = bullet {
        let rest = &t[n..];
        let spaced = rest.starts_with(' ');
        let ok = spaced || !needs_space && rest.starts_with(|c: char| c.is_alphanumeric() || c == '(' || c == '"');
        return ok.then_some(n);
    }
    // `(A)`, `(1)`, `(ii)`, `(a)`.
    if first == b'(' {
        let close = b.iter().take(6).position(|&c| c == b')')?;
        let inner = &t[1..close];
        return (is_counter(inner) && followed_by_text(t, close + 1)).then_some(close + 1);
    }
    // `A.`, `1.`, `b)`, `12)`, `iv.`.
    counter_label(t)
}

/// A list counter: one letter, up to three digits, or a short roman numeral.
fn is_counter(s: &str) -> bool {
    let b = s.as_bytes();
    match b.len() {
        0 => false,
        1 => b[0].is_ascii_alphanumeric(),
        _ => {
            b.iter().all(u8::is_ascii_digit) && b.len() <= 3
                || b.iter().all(|c| matches!(c, b'i' | b'v' | b'x'))
                || b.iter().all(|c| matches!(c, b'I' | b'V' | b'X'))
        }
    }
}

/// The label ends a word: a space follows (or the end of the line).
fn followed_by_text(t: &str, at: usize) -> bool {
    t.as_bytes().get(at).is_none_or(|&c| c == b' ' || c == b'\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(item_label("A. The first"), Some(2));
        assert_eq!(item_label("b) second"), Some(2));
        assert_eq!(item_label("(C) third"), Some(3));
        assert_eq!(item_label("(12) twelfth"), Some(4));
        assert_eq!(item_label("(ii) roman"), Some(4));
        assert_eq!(item_label("iv. roman"), Some(3));
        assert_eq!(item_label("-- a bullet"), Some(2));
        assert_eq!(item_label("--Erdogan's character"), Some(2));
        assert_eq!(item_label("\u{2013}Erdogan's character"), Some(3));
        assert_eq!(item_label("- a dash"), Some(1));
        assert_eq!(item_label("* star"), Some(1));
        assert_eq!(item_label("\u{2022} bullet"), Some(3));
    }

    #[test]
    fn text_is_not_a_label() {
        assert_eq!(item_label("U.S. officials said"), None);
        assert_eq!(item_label("-5 degrees"), None);
        assert_eq!(item_label("(Note: x)"), None);
        assert_eq!(item_label("Ambassador said"), None);
        assert_eq!(item_label("2007. was"), None);
        assert_eq!(item_label("on the table"), None);
        assert_eq!(item_label("(SBU) marking"), None);
        assert_eq!(item_label(""), None);
    }
}
