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
    let mut start = 0;
    // The text from `start` on: each line is split off its front at the next line's start,
    // which follows a line break, so the one check of that `split_at` always passes (a slice
    // of the text at both ends of each line checked two boundaries).
    let mut rest = text;
    if memchr::memchr(b'\r', bytes).is_none() {
        // Most texts have `\n` alone: their newlines are found by one pass of bit masks.
        each_newline(bytes, |end| {
            let (line, after) = rest.split_at(end + 1 - start);
            lines.push(line_of(line, start));
            rest = after;
            start = end + 1;
        });
        if !rest.is_empty() {
            lines.push(line_of(rest, start));
        }
    } else {
        // One pass over the line breaks (an iterator keeps its search state between lines).
        let mut breaks = line_breaks(bytes);
        while start < bytes.len() {
            let next = match breaks.find(|&i| i >= start) {
                Some(end) if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') => end + 2,
                Some(end) => end + 1,
                None => bytes.len(),
            };
            let (line, after) = rest.split_at(next - start);
            lines.push(line_of(line, start));
            rest = after;
            start = next;
        }
    }
    // A byte-order mark, or its mojibake from a file decoded twice, counts as indentation of the
    // first line: skipped by `trimmed()`, still inside the line so that lines tile the text.
    // (Looked at once here rather than at every line of the loops.)
    let bom = ["\u{feff}", "\u{ef}\u{bb}\u{bf}"].iter().find(|b| text.starts_with(**b)).map_or(0, |b| b.len());
    if bom > 0 {
        if let Some(l) = lines.first_mut() {
            let skip = bom.min(l.text.len());
            let (indent, shape) = Shape::indent_and_shape(&l.text.as_bytes()[skip..], indent_from);
            l.indent = (skip + indent) as u32;
            l.shape = shape;
        }
    }
    lines
}

/// Calls `f` with the offset of each `\n` byte of `bytes`, in order. The text is read once, 64
/// bytes a step, into a bit mask of its newlines; each line then costs a bit scan. (A search
/// per line, even memchr's SSE2 one, set up its unaligned first load, its alignment and its
/// four-vector loop again at every line of about 60 bytes: about 55 instructions a line.)
#[inline(always)]
fn each_newline(bytes: &[u8], mut f: impl FnMut(usize)) {
    let mut base = 0;
    while base < bytes.len() {
        let mut m = mask_at(bytes, base, b'\n', b'\n');
        // (One call of `f`, so that it is inlined.)
        while m != 0 {
            f(base + m.trailing_zeros() as usize);
            m &= m - 1;
        }
        base += 64;
    }
}

/// The offsets of the `\n` and `\r` bytes of `bytes` (the line ends of a text with `\r` in
/// [`split`]; each a cut of the cleaned text's lines in `text::each_piece`), found 64 bytes a
/// step as in [`each_newline`].
pub(crate) fn line_breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    Breaks { bytes, base: 0, next: 0, mask: 0 }
}

/// The iterator of [`line_breaks`].
struct Breaks<'a> {
    bytes: &'a [u8],
    /// Offset of the block that `mask` covers.
    base: usize,
    /// Offset of the next block to read.
    next: usize,
    /// The line breaks of the block not yet handed out.
    mask: u64,
}

impl Iterator for Breaks<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            if self.next >= self.bytes.len() {
                return None;
            }
            self.base = self.next;
            self.mask = mask_at(self.bytes, self.base, b'\n', b'\r');
            self.next += 64;
        }
        let at = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

/// The bits of the bytes equal to `a` or `b` among the 64 bytes of `bytes` from `base` (bit `i`
/// for byte `base + i`); bytes past the end count as neither. Every load lies inside `bytes`:
/// the last bytes are read as the last 64 (or 16) of the slice, their bits shifted down past
/// those already read, so that no byte is copied out (a copy into a padded block cost more than
/// a memchr search on a line's piece of 30 bytes).
#[inline(always)]
fn mask_at(bytes: &[u8], base: usize, a: u8, b: u8) -> u64 {
    let len = bytes.len();
    if let Some(block) = bytes.get(base..base + 64) {
        return mask64(block, a, b);
    }
    if len >= 64 {
        // (The block ending at the end, `64 - (len - base)` bytes of it read already.)
        return mask64(&bytes[len - 64..], a, b) >> (64 - (len - base));
    }
    // A slice shorter than a block (then `base` is 0): its whole 16 bytes, and the 16 that
    // end it, overlapping them.
    if len >= 16 {
        let mut m = 0;
        let mut k = 0;
        while k + 16 <= len {
            m |= u64::from(mask16(&bytes[k..k + 16], a, b)) << k;
            k += 16;
        }
        return m | u64::from(mask16(&bytes[len - 16..], a, b)) << (len - 16);
    }
    bytes.iter().enumerate().fold(0, |m, (i, &c)| m | u64::from((c == a) | (c == b)) << i)
}

/// The bits of the first 64 bytes of `block` equal to `a` or `b` (bit `i` for byte `i`).
#[inline(always)]
fn mask64(block: &[u8], a: u8, b: u8) -> u64 {
    (0..4).fold(0, |m, k| m | u64::from(mask16(&block[16 * k..16 * k + 16], a, b)) << (16 * k))
}

/// The bits of the 16 bytes of `chunk` equal to `a` or `b` (bit `i` for byte `i`).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
#[allow(unsafe_code)]
fn mask16(chunk: &[u8], a: u8, b: u8) -> u16 {
    use std::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    assert!(chunk.len() >= 16);
    // SAFETY: SSE2 is part of every x86-64 processor, and the unaligned load reads the first 16
    // bytes of `chunk`, which has them (asserted: the callers' constant slices let the compiler
    // drop the test).
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        let eq = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(a as i8)), _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)));
        _mm_movemask_epi8(eq) as u16
    }
}

/// The bits of the 16 bytes of `chunk` equal to `a` or `b` (bit `i` for byte `i`).
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn mask16(chunk: &[u8], a: u8, b: u8) -> u16 {
    chunk[..16].iter().enumerate().fold(0, |m, (i, &c)| m | u16::from((c == a) | (c == b)) << i)
}

/// The line `line` (its terminator included) that starts at offset `start` of the text. Trims
/// and reads the `&str` without slicing it again: `strip_suffix` and `trim_ascii_end` cut a
/// string without the boundary checks of a slice. (Inlined into the loops of [`split`]: this
/// runs on every line, and a call cost a tenth of it.)
#[inline(always)]
fn line_of(line: &str, start: usize) -> Line<'_> {
    let next = start + line.len();
    let text = trim_line_end(line);
    let (indent, shape) = Shape::indent_and_shape(text.as_bytes(), indent_from);
    Line { text, start: start as u32, next: next as u32, indent: indent as u32, shape }
}

/// Bytes of leading whitespace: ASCII whitespace and the no-break space (U+00A0, a copy/paste
/// artefact), for a line whose first byte may open them (the shape's first-byte table says so:
/// see [`Shape::indent_and_shape`]; not inlined: few lines take it).
#[inline(never)]
fn indent_from(b: &[u8]) -> usize {
    scan::leading_space_len(b)
}

/// `line` without its terminator, trailing whitespace and trailing `<br>` tags (HTML line
/// breaks left in the text of some pages and CSV rows: `E.O. 12958: DECL: 01/21/2019 <br>`, a
/// line of `<br>` alone). Most lines end in a letter or a full stop after at most one space
/// (nine lines in ten of the corpus texts: every line of `cables.csv` ends in one): the newline
/// and that space are dropped by one test each, and a visible byte before them ends the line,
/// without the loop over whitespace (whose steps were a tenth of the split).
#[inline(always)]
fn trim_line_end(line: &str) -> &str {
    let t = line.strip_suffix('\n').unwrap_or(line);
    let t = t.strip_suffix(' ').unwrap_or(t);
    match t.as_bytes().last() {
        // (Above a space, and neither 0xA0, the end of a no-break space, nor a tag's `>`.)
        Some(&c) if Shape::ends_visibly(c) => t,
        _ => trim_line_end_slow(t),
    }
}

/// The rest of [`trim_line_end`]: more whitespace, a no-break space or a tag at the end.
#[inline(always)]
fn trim_line_end_slow(t: &str) -> &str {
    let t = t.trim_ascii_end();
    match t.as_bytes().last() {
        // (The length stops at an ASCII byte or a no-break space's first byte: a boundary.)
        Some(0xA0 | b'>') => &t[..trimmed_len_rare(t.as_bytes())],
        _ => t,
    }
}

/// The length of `line` without trailing whitespace and `<br>` tags, for a line that ends in a
/// no-break space or a tag (see [`trim_line_end`]).
#[inline(never)]
fn trimmed_len_rare(line: &[u8]) -> usize {
    let mut j = scan::len_without_trailing_space(line);
    while line[..j].ends_with(b">") {
        let Some(open) = memchr::memrchr(b'<', &line[..j]) else { break };
        if !matches!(&line[open..j], b"<br>" | b"<br/>" | b"<br />" | b"<BR>" | b"<BR/>" | b"<BR />") {
            break;
        }
        j = scan::len_without_trailing_space(&line[..open]);
    }
    j
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

    /// The 64-byte masks find every break wherever it falls in or across their blocks, and
    /// none in the padding after the last bytes.
    #[test]
    fn line_breaks_across_blocks() {
        for len in [0, 1, 2, 15, 16, 17, 31, 33, 40, 63, 64, 65, 100, 127, 128, 129, 200] {
            for at in [0, 1, 15, 16, 62, 63, 64, 65, 100, 127, 128, 199] {
                let mut b = vec![b'x'; len];
                for (k, i) in [at, at + 3, len.saturating_sub(1)].into_iter().enumerate() {
                    if i < len {
                        b[i] = if k == 1 { b'\r' } else { b'\n' };
                    }
                }
                let want: Vec<usize> = (0..len).filter(|&i| b[i] == b'\n' || b[i] == b'\r').collect();
                assert_eq!(line_breaks(&b).collect::<Vec<_>>(), want, "{len} {at}");
                let mut newlines = Vec::new();
                each_newline(&b, |i| newlines.push(i));
                let want: Vec<usize> = (0..len).filter(|&i| b[i] == b'\n').collect();
                assert_eq!(newlines, want, "{len} {at}");
            }
        }
    }

    /// Lines of every length up to three blocks, with trailing spaces, tabs and no-break
    /// spaces, split as the plain line iterator and trims would.
    #[test]
    fn lines_of_any_length_match_the_plain_split() {
        let mut text = String::new();
        for n in 0..200 {
            let word = ["x", "PAGE 02", "-- ", "\u{a0}1.", "(C)"][n % 5];
            let body: String = word.chars().cycle().take(n).collect();
            let end = [" ", "", "\t ", " \u{a0}", ""][n % 5];
            text.push_str(&format!("{}{body}{end}\n", if n % 7 == 0 { "  " } else { "" }));
        }
        let lines = split(&text);
        let plain: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(lines.len(), plain.len());
        for (l, p) in lines.iter().zip(&plain) {
            assert_eq!(l.text, crate::scan::trim_end_space(p));
            assert_eq!(l.trimmed(), crate::scan::trim(p));
            assert_eq!(l.shape, Shape::of(crate::scan::trim(p)));
        }
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
