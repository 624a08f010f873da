//! Sub-item labels at the start of a line inside a paragraph: `A.`, `B)`, `(C)`, `(1)`, `1)`,
//! `(ii)`, `--`, `-`, `–`, `*`, `•`, `o`.

/// Length in bytes of the sub-item label at the start of `t` (already left-trimmed), without
/// the space after it; `None` when the line does not start with one.
#[inline]
pub(crate) fn item_label(t: &str) -> Option<usize> {
    // Most lines open with a letter or digit that is no bullet: only the `A.` / `1)` form can
    // apply, tested inline (this runs on every line of every paragraph whose text or items are
    // asked for); the other forms out of line.
    let first = *t.as_bytes().first()?;
    if first.is_ascii_alphanumeric() && first != b'o' {
        return counter_label(t);
    }
    other_label(t)
}

/// `A.`, `1.`, `b)`, `12)`, `iv.` at the start of `t`.
#[inline]
fn counter_label(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // (Five bytes at most are looked at: a longer word is no counter.)
    let word = b.iter().take(5).take_while(|c| c.is_ascii_alphanumeric()).count();
    if word == 0 || word > 4 {
        return None;
    }
    match b.get(word) {
        Some(b'.' | b')') if is_counter(&t[..word]) && followed_by_text(t, word + 1) => Some(word + 1),
        _ => None,
    }
}

/// [`item_label`] for a line that opens with a bullet, a parenthesis or another character.
#[inline(never)]
fn other_label(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let first = *b.first()?;
    // Only these first bytes can open a bullet. (The bullets are a constant: a literal array in
    // the loop was built on the stack at every call, bullet or not.)
    let maybe_bullet = matches!(first, b'-' | b'*' | b'o' | 0xE2);
    // Bullets: `--`, `-`, `*`, and the en dash, bullet and `o` of word-processor lists.
    const BULLETS: [&str; 7] = ["--", "\u{2013}", "\u{2014}", "\u{2022}", "-", "*", "o "];
    for bullet in BULLETS {
        if !maybe_bullet {
            break;
        }
        if t.starts_with(bullet) {
            let n = if bullet == "o " { 1 } else { bullet.len() };
            let rest = &t[n..];
            // `--` may be followed directly by text (`--Erdogan's character`); a single `-`
            // or `*` needs a space so that `-5 degrees` and `*Note` stay text.
            let spaced = rest.starts_with(' ');
            let ok = match bullet {
                "-" | "*" => spaced,
                _ => spaced || rest.starts_with(|c: char| c.is_alphanumeric() || c == '(' || c == '"'),
            };
            if bullet == "-" && rest.starts_with('-') {
                continue;
            }
            return ok.then_some(n);
        }
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
