//! Splitting the text into physical lines, each with its byte offsets and its shape (what it
//! may be, told by its ends: [`shape`]).

pub(crate) mod shape;

use crate::scan;
use crate::span::Span;
pub(crate) use shape::Shape;

/// One physical line of the input.
///
/// `text` is the line without its terminator (`\n` or `\r\n`) and without trailing whitespace
/// (the seed's markdown conversion ends lines in two spaces) or trailing `<br>` tags; `start` is
/// the offset of its first byte and `next` the offset of the line after it, so consecutive lines
/// tile the input.
#[derive(Clone, Copy, Debug)]
#[allow(dead_code, reason = "`next` and `full_span` serve the lossless element tiling of the body")]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub start: u32,
    pub next: u32,
    /// Bytes of leading whitespace (ASCII and the no-break space) in `text`.
    pub indent: u32,
    /// What the line may be, by its ends (the classifier, found once here).
    pub shape: Shape,
}

impl<'a> Line<'a> {
    /// Span of the visible text (no terminator, no trailing whitespace).
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len() as u32)
    }

    /// Span of the whole line, terminator included.
    #[allow(dead_code, reason = "used by the lossless element tiling of the body")]
    pub fn full_span(&self) -> Span {
        Span::new(self.start, self.next)
    }

    /// The text without leading whitespace either (computed once, when the line was split).
    pub fn trimmed(&self) -> &'a str {
        &self.text[self.indent as usize..]
    }

    /// True for a line of whitespace only.
    pub fn is_blank(&self) -> bool {
        self.indent as usize == self.text.len()
    }

    /// The span of `part`, a sub-slice of this line's text.
    pub fn span_of(&self, part: &str) -> Span {
        Span::of(self.text, part, self.start)
    }
}

/// Splits `text` into lines. A final line without terminator is included; an input ending in a
/// newline has no empty last line. Lone `\r` (old Mac) counts as a line break too.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    // Cable lines average about 60 bytes: one allocation for most texts, a rare regrowth.
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 8);
    // A byte-order mark, or its mojibake from a file decoded twice, counts as indentation of the
    // first line: skipped by `trimmed()`, still inside the line so that lines tile the text.
    let bom = ["\u{feff}", "\u{ef}\u{bb}\u{bf}"].iter().find(|b| text.starts_with(**b)).map_or(0, |b| b.len());
    let mut push = |start: usize, end: usize, next: usize| lines.push(line_at(text, start, end, next, bom));
    let mut start = 0;
    if memchr::memchr(b'\r', bytes).is_none() {
        // Most texts have `\n` alone: one single-byte search, cheaper on short lines than
        // looking for two bytes at each line.
        for end in newlines(bytes) {
            push(start, end, end + 1);
            start = end + 1;
        }
        if start < bytes.len() {
            push(start, bytes.len(), bytes.len());
        }
    } else {
        // One pass over the line breaks (an iterator keeps its search state between lines).
        let mut breaks = line_breaks(bytes);
        while start < bytes.len() {
            let (end, next) = match breaks.find(|&i| i >= start) {
                Some(end) => {
                    if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                        (end, end + 2)
                    } else {
                        (end, end + 1)
                    }
                }
                None => (bytes.len(), bytes.len()),
            };
            push(start, end, next);
            start = next;
        }
    }
    lines
}

/// The offsets of the `\n` bytes of `bytes`. Cable lines are short (about 60 bytes): on x86-64
/// the SSE2 searcher (16 bytes a step, always present there) is used directly, as the crate's
/// default search paid its run-time choice of AVX2 and its 32-byte set-up on every line.
fn newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    #[cfg(target_arch = "x86_64")]
    {
        static NEWLINE: std::sync::LazyLock<memchr::arch::x86_64::sse2::memchr::One> = std::sync::LazyLock::new(|| {
            memchr::arch::x86_64::sse2::memchr::One::new(b'\n').expect("SSE2 is part of x86-64")
        });
        NEWLINE.iter(bytes)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        memchr::memchr_iter(b'\n', bytes)
    }
}

/// The offsets of the `\n` and `\r` bytes of `bytes` (the line ends of a text with `\r` in
/// [`split`]; each a cut of the cleaned text's lines in `text::each_piece`), by the same SSE2
/// searcher on x86-64 as [`newlines`], for the same reason.
pub(crate) fn line_breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    #[cfg(target_arch = "x86_64")]
    {
        static BREAKS: std::sync::LazyLock<memchr::arch::x86_64::sse2::memchr::Two> = std::sync::LazyLock::new(|| {
            memchr::arch::x86_64::sse2::memchr::Two::new(b'\n', b'\r').expect("SSE2 is part of x86-64")
        });
        BREAKS.iter(bytes)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        memchr::memchr2_iter(b'\n', b'\r', bytes)
    }
}

/// The line of `text` from `start` to `end` (its terminator ends at `next`); `bom` is the length
/// of a byte-order mark at the start of the text. (Inlined into the loops of [`split`]: this
/// runs on every line, and a call cost a tenth of it.)
#[inline(always)]
fn line_at(text: &str, start: usize, end: usize, next: usize, bom: usize) -> Line<'_> {
    let content = trim_end(&text[start..end]);
    let skip = if start == 0 { bom.min(content.len()) } else { 0 };
    let indent = (skip + indent(&content[skip..])) as u32;
    let shape = Shape::of(&content[indent as usize..]);
    Line { text: content, start: start as u32, next: next as u32, indent, shape }
}

/// Bytes of leading whitespace: ASCII whitespace and the no-break space (U+00A0, a copy/paste
/// artefact).
fn indent(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        if i < b.len() && scan::is_ascii_ws(b[i]) {
            i += 1;
        } else if i + 1 < b.len() && b[i] == 0xC2 && b[i + 1] == 0xA0 {
            i += 2;
        } else {
            return i;
        }
    }
}

/// `line` without trailing whitespace and trailing `<br>` tags (HTML line breaks left in the
/// text of some pages and CSV rows: `E.O. 12958: DECL: 01/21/2019 <br>`, a line of `<br>` alone).
#[inline(always)]
fn trim_end(line: &str) -> &str {
    let l = scan::trim_end_space(line);
    if l.ends_with('>') { trim_end_tags(l) } else { l }
}

/// The rest of [`trim_end`], for a line that ends in `>`.
#[inline(never)]
fn trim_end_tags(mut l: &str) -> &str {
    while l.ends_with('>') {
        let Some(open) = l.rfind('<') else { break };
        let tag = &l[open..];
        if !matches!(tag, "<br>" | "<br/>" | "<br />" | "<BR>" | "<BR/>" | "<BR />") {
            break;
        }
        l = scan::trim_end_space(&l[..open]);
    }
    l
}

#[cfg(test)]
mod tests {
    #[test]
    fn br_tags_are_line_ends() {
        let ls = super::split("E.O. 12958: DECL: 01/21/2019 <br>\n<br>\nx <br/> <BR>\n");
        let texts: Vec<_> = ls.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["E.O. 12958: DECL: 01/21/2019", "", "x"]);
    }

    use super::*;

    #[test]
    fn byte_order_marks_are_skipped_but_kept_in_the_line() {
        // Found by fuzzing (parse_text): a mojibake mark outside every line broke the tiling.
        let l = split("\u{feff}R 231726Z JUN 04\n")[0];
        assert_eq!((l.trimmed(), l.start), ("R 231726Z JUN 04", 0));
        let l = split("ï»¿R 231726Z JUN 04\n")[0];
        assert_eq!((l.trimmed(), l.start), ("R 231726Z JUN 04", 0));
        let l = split("ï»¿")[0];
        assert!(l.is_blank());
    }

    #[test]
    fn lines_tile_the_input_and_drop_trailing_space() {
        let text = "VZCZCXRO9060  \r\nOO RUEHDBU\n\n  BURNS";
        let lines = split(text);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["VZCZCXRO9060", "OO RUEHDBU", "", "  BURNS"]);
        assert_eq!(lines[0].full_span(), Span::new(0, 16));
        assert_eq!(lines[3].trimmed(), "BURNS");
        let mut at = 0;
        for l in &lines {
            assert_eq!(l.start, at);
            at = l.next;
        }
        assert_eq!(at as usize, text.len());
    }
}
