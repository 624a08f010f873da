//! The words that close a passage (`End Summary.`, `END NOTE`), found by a piece of three or
//! four letters of their second word (`MMA` of `SUMMARY`) in every case, with the crate's SIMD
//! searcher of literals.
//!
//! (They were found by a byte search for the rarest letter of that word, `Y` of `SUMMARY`:
//! but a `y` stands every fifty bytes or so of English, and each restarted the byte search,
//! two instructions a byte of the paragraphs searched. The cases of a piece have the same low
//! half-bytes, so the searcher keeps them in one bucket whose test lets through those letters
//! in any case and nothing else, and such a piece is rare in text. Three letters where they
//! are rare enough (`MMA`, `MME`): the searcher tests one byte table less per block than for
//! four, and `comma` or `Mohammed` cost less than that.)

use crate::text::literals::Literals;
use std::sync::LazyLock;

/// A word that closes a passage: upper-case ASCII words separated by single spaces, found in
/// any case and with any run of whitespace, line ends included, between its words (`END` /
/// `SUMMARY.` over two lines).
pub(super) struct EndWord {
    word: &'static str,
    /// Where the anchor piece starts in `word`, in its second word (or its only one).
    at: usize,
    /// Where the word holding the anchor starts in `word`.
    from: usize,
    /// The anchor piece in each of its cases.
    anchors: Literals,
    /// The body's one search (`body::doubt::search`) finds the anchor piece's places too
    /// ([`SUMMARY`]'s alone, by [`SUMMARY_PIECE`]): they are read from it, not searched for again.
    pub(super) found_by_body_search: bool,
}

/// The anchor piece of [`SUMMARY`], whose cases the body's one search finds too
/// (`body::doubt::search`): the summary's end is looked for from the opening of nearly every
/// cable, and a search of its own read the paragraphs again.
pub(crate) const SUMMARY_PIECE: &str = "MMA";
/// `END SUMMARY`.
pub(super) static SUMMARY: LazyLock<EndWord> =
    LazyLock::new(|| EndWord { found_by_body_search: true, ..EndWord::new("END SUMMARY", SUMMARY_PIECE) });
/// `END COMMENT`.
pub(super) static COMMENT: LazyLock<EndWord> = LazyLock::new(|| EndWord::new("END COMMENT", "MME"));
/// `END NOTE`.
pub(super) static NOTE: LazyLock<EndWord> = LazyLock::new(|| EndWord::new("END NOTE", "NOTE"));
/// `END ACTION REQUEST`.
pub(super) static ACTION_REQUEST: LazyLock<EndWord> = LazyLock::new(|| EndWord::new("END ACTION REQUEST", "ACTI"));

impl EndWord {
    /// `word` found by `piece`, letters of its second word (or of its only one) of which no
    /// end is also a start (`MMA`): two of its matches never overlap, so the searcher, which
    /// hands out matches that do not overlap, misses none.
    pub(super) fn new(word: &'static str, piece: &str) -> Self {
        let w = word.as_bytes();
        let first_len = w.iter().position(|&c| c == b' ').unwrap_or(w.len());
        let from = if first_len < w.len() { first_len + 1 } else { 0 };
        let to = from + w[from..].iter().position(|&c| c == b' ').unwrap_or(w.len() - from);
        let at = from + word[from..to].find(piece).expect("the piece is in the anchor word");
        debug_assert!((1..piece.len()).all(|k| piece[..k] != piece[piece.len() - k..]), "{piece} overlaps itself");
        let cases = cases(piece);
        EndWord {
            word,
            at,
            from,
            anchors: Literals::new(cases.iter().map(String::as_str)),
            found_by_body_search: false,
        }
    }

    /// Offset of the word in `t`: where it starts after a byte that is no letter (or at the
    /// start), the first one by the place of its anchor.
    pub(super) fn find(&self, t: &str) -> Option<usize> {
        self.find_at(t, self.anchors.matches(t.as_bytes()).map(|m| m.start))
    }

    /// [`find`](Self::find) where the anchor piece's matches in `t` are known: `anchors`, the
    /// offsets of every one of them in order.
    pub(super) fn find_at(&self, t: &str, mut anchors: impl Iterator<Item = usize>) -> Option<usize> {
        let b = t.as_bytes();
        let w = self.word.as_bytes();
        let first_len = if self.from == 0 { 0 } else { self.from - 1 };
        anchors.find_map(|anchor| {
            // Where the word would start for this anchor: back to its word's start, then (for
            // a second word) over the whitespace run before it and the first word.
            let word_start = anchor.checked_sub(self.at - self.from)?;
            let s = if self.from == 0 {
                word_start
            } else {
                let gap = b[..word_start].iter().rev().take_while(|c| c.is_ascii_whitespace()).count();
                (word_start - gap).checked_sub(first_len)?
            };
            ((s == 0 || !b[s - 1].is_ascii_alphabetic()) && matches_spaced(&b[s..], w)).then_some(s)
        })
    }
}

/// `piece` in each of its cases (ASCII letters).
pub(crate) fn cases(piece: &str) -> Vec<String> {
    // (Bit `k` of `m` lowers the case of the piece's letter `k`.)
    (0..1u32 << piece.len())
        .map(|m| {
            let lower = |(k, c): (usize, u8)| char::from(if m >> k & 1 == 1 { c.to_ascii_lowercase() } else { c });
            piece.bytes().enumerate().map(lower).collect()
        })
        .collect()
}

/// True when `b` starts with `w`, a space in `w` matching any run of whitespace in `b`.
fn matches_spaced(b: &[u8], w: &[u8]) -> bool {
    let (mut i, mut j) = (0, 0);
    while j < w.len() {
        if w[j] == b' ' {
            let start = i;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == start {
                return false;
            }
        } else if i < b.len() && b[i].eq_ignore_ascii_case(&w[j]) {
            i += 1;
        } else {
            return false;
        }
        j += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_words() {
        assert_eq!(SUMMARY.find("x. End Summary."), Some(3));
        assert_eq!(SUMMARY.find("x. BEND SUMMARY"), None);
        assert_eq!(SUMMARY.find("GOVERNMENT. END \nSUMMARY."), Some(12));
        // The anchor also stands in other words; the first whole match is found.
        assert_eq!(SUMMARY.find("Grammar, SUMMARY y END. End  summary"), Some(24));
        assert_eq!(NOTE.find("END NOTE"), Some(0));
        assert_eq!(NOTE.find("denoted. end note"), Some(9));
        assert_eq!(COMMENT.find("(END COMMENT)"), Some(1));
        assert_eq!(COMMENT.find("recommend ENDCOMMENT"), None);
        assert_eq!(ACTION_REQUEST.find("x END ACTION REQUEST."), Some(2));
        assert_eq!(ACTION_REQUEST.find("END ACTION. END ACTION  REQUEST"), Some(12));
        assert_eq!(EndWord::new("SUMMARY", "MMAR").find("summary"), Some(0));
        assert_eq!(EndWord::new("SUMMARY", "MMAR").find("a summary"), Some(2));
    }
}
