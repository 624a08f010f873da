//! The words of a field value, read byte by byte.

use crate::scan;

/// The whitespace-separated words of `s`: the same words as `scan::tokens`, which splits at
/// each character that `scan::is_space` takes, but found byte by byte (ASCII whitespace, or the
/// two bytes of a no-break space) without decoding each character: the readers of REF lists,
/// TAGS and Classified By cut every field into words, and the character search was much of their
/// cost.
pub(crate) fn tokens(s: &str) -> Tokens<'_> {
    Tokens { rest: s }
}

/// Iterator of [`tokens`].
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = scan::trim_start_space(self.rest);
        let b = rest.as_bytes();
        if b.is_empty() {
            self.rest = rest;
            return None;
        }
        let mut len = 1;
        while len < b.len() && !scan::is_ascii_ws(b[len]) && !(b[len] == 0xC2 && b.get(len + 1) == Some(&0xA0)) {
            len += 1;
        }
        // (`len` stops at an ASCII byte, a no-break space's first byte or the end: a char
        // boundary.)
        let (word, after) = rest.split_at(len);
        self.rest = after;
        Some(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_as_the_char_split() {
        for s in [
            "Classified By: Ambassador William J. Burns: Reasons 1.4 (b/d).",
            "  PREL,\u{a0}PGOV\tKV\u{a0}\u{a0}SR  ",
            "É\u{a0}é ü\r\n\u{c}x",
            "",
            "   ",
        ] {
            assert_eq!(tokens(s).collect::<Vec<_>>(), scan::tokens(s).collect::<Vec<_>>(), "{s:?}");
        }
    }
}
