//! Byte spans into the parsed text, and line/column positions computed from them.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into the text a [`Cable`](crate::Cable) was parsed from.
///
/// Offsets are `u32`: one cable is far below 4 GiB, and [`ParseOptions::max_input_len`]
/// (crate::ParseOptions::max_input_len) rejects larger inputs before parsing. Both ends always
/// fall on UTF-8 character boundaries, so `&text[span.range()]` never panics.
///
/// ```text
/// SUBJECT: ANNUAL TIP REPORT
///          ^^^^^^^^^^^^^^^^^ span of the subject
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// The span as a `usize` range, for slicing the source text.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `source`.
    ///
    /// Returns `""` if the span does not lie inside `source` (a span from another text).
    pub fn slice(self, source: &str) -> &str {
        source.get(self.range()).unwrap_or("")
    }

    /// The span of `part`, a sub-slice of `whole`, itself starting at `base`. A `part` that is
    /// not inside `whole` (a bug) gets the empty span at `base` rather than a wrong one.
    pub(crate) fn of(whole: &str, part: &str, base: u32) -> Span {
        let (w, p) = (whole.as_ptr() as usize, part.as_ptr() as usize);
        match p.checked_sub(w) {
            Some(start) if start + part.len() <= whole.len() => {
                Span::new(base + start as u32, base + (start + part.len()) as u32)
            }
            _ => {
                debug_assert!(part.is_empty(), "span of a slice outside the text");
                Span::new(base, base)
            }
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Span {
    /// Serialised as `[start, end]`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A sequence, not a tuple: the same JSON, and a list (as `json.loads` gives) when
        // serialised into Python objects.
        use serde::ser::SerializeSeq;
        let mut t = s.serialize_seq(Some(2))?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}

/// A 1-based line and column (in characters) of a byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column in Unicode scalar values, starting at 1.
    pub column: u32,
}

impl LineCol {
    /// The line and column of byte `offset` in `text` (clamped to the text's length and
    /// moved back to a character boundary).
    pub fn find(text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() as u32 + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() as u32 + 1;
        LineCol { line, column }
    }
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let text = "VZCZC\n¶1. (C) X";
        assert_eq!(LineCol::find(text, 0), LineCol { line: 1, column: 1 });
        // "¶" is two bytes: offset of "1" is 6 + 2.
        assert_eq!(LineCol::find(text, 8), LineCol { line: 2, column: 2 });
        // Inside the pilcrow: moved back to its start.
        assert_eq!(LineCol::find(text, 7), LineCol { line: 2, column: 1 });
        assert_eq!(LineCol::find(text, 999), LineCol { line: 2, column: 10 });
    }

    #[test]
    fn slice_of_foreign_span_is_empty() {
        assert_eq!(Span::new(3, 40).slice("short"), "");
        assert_eq!(Span::new(1, 3).slice("short"), "ho");
    }
}
