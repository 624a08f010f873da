//! Cleaned text read off the split's line table (the `lines` a cable keeps after the walk)
//! instead of finding each line in the text again: the JSON writer's path to a paragraph's and
//! a passage's text.

use super::{Joined, clean, clean_line};
use crate::lines::Line;
use crate::span::Span;
use std::borrow::Cow;

/// [`clean`], the lines read off `lines`, the split of all of `source` ([`each_clean_line`]),
/// when there are no gaps (and a table).
pub(crate) fn clean_in<'a>(source: &'a str, span: Span, gaps: &[Span], lines: (&[Line<'a>], u32)) -> Cow<'a, str> {
    if !gaps.is_empty() || lines.0.is_empty() {
        return clean(source, span, gaps);
    }
    let mut joined = Joined::new(span.len());
    each_clean_line(source, span, lines, |t| joined.push_clean(t));
    joined.finish()
}

/// [`each_piece`](super::each_piece) of a `span` without gaps, each piece cleaned ([`clean_line`]), read off
/// `lines.0`, the split of all of `source`, from `lines.1` on, a line at or before the span's
/// first (as the walk knew it; searched for when it is not): the split found each line's end, trimmed its end and
/// measured its indent and shape already. A whole line that is its own cleaned text (no indent,
/// a clean shape, no tag in what the split trimmed off its end) is handed on as it is, without
/// a search for its end or a byte of it read again; other lines are cut from the table's offsets
/// and cleaned. (The empty piece between `\r` and `\n`, which cleans to nothing and adds
/// nothing to a text, is not handed on.)
#[inline]
pub(crate) fn each_clean_line<'a>(
    source: &'a str,
    span: Span,
    (lines, hint): (&[Line<'a>], u32),
    mut f: impl FnMut(&'a str),
) {
    if span.is_empty() {
        return;
    }
    let first = first_ending_after(lines, hint as usize, span.start);
    for l in lines.get(first..).unwrap_or_default() {
        if l.start >= span.end {
            break;
        }
        let text_end = l.start + l.text.len() as u32;
        // (What the split trimmed off the end, terminator included, is at most three bytes:
        // whitespace, too short for a `<br>` that `clean_line` would leave.)
        let whole = l.start >= span.start && text_end <= span.end && l.next - text_end <= 3;
        let t = if whole && l.indent == 0 && l.shape.cleans_to_itself() {
            l.text
        } else {
            clean_line(cut(source, l, span))
        };
        f(t);
    }
}

/// The index of the first of `lines` (a text's line table) that ends after `at`, looked for
/// from `from`, where the caller last was: paragraphs come in order, a few lines apart, so the
/// line is found a few steps on from there, where a binary search of the table per paragraph
/// cost about a hundred instructions. Any `from` gives the same index: one past that line, or
/// out of the table (`u32::MAX as usize` for "not known"), falls back to that search.
#[inline]
pub(crate) fn first_ending_after(lines: &[Line<'_>], from: usize, at: u32) -> usize {
    const STEPS: usize = 8;
    let before_ok = from.checked_sub(1).is_none_or(|b| lines.get(b).is_some_and(|l| l.next <= at));
    match lines.get(from..).filter(|_| before_ok) {
        Some(rest) => {
            let ahead = rest.iter().take(STEPS).take_while(|l| l.next <= at).count();
            if ahead < STEPS { from + ahead } else { from + ahead + rest[ahead..].partition_point(|l| l.next <= at) }
        }
        None => lines.partition_point(|l| l.next <= at),
    }
}

/// The piece of `line` inside `span`, as [`each_piece`] cuts it: up to its terminator.
#[inline(never)]
fn cut<'a>(source: &'a str, line: &Line<'a>, span: Span) -> &'a str {
    let raw = source.get(line.start as usize..line.next as usize).unwrap_or_default();
    let raw = raw.strip_suffix('\n').unwrap_or(raw);
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let from = line.start.max(span.start);
    let to = (line.start + raw.len() as u32).min(span.end).max(from);
    source.get(from as usize..to as usize).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::each_piece;

    /// The lines read off the split's table are the pieces [`each_piece`] finds, cleaned (but
    /// for the empty ones, which add nothing): for every span between two offsets of texts with
    /// every kind of line end, trailing space, tag, indent, stamp and anchor.
    #[test]
    fn clean_lines_off_the_table_are_the_pieces_cleaned() {
        let texts = [
            "one \ntwo  \n\n  three\t\nfour <br>\nfive <BR/>\n\u{a0}six\u{a0}\nSIPDIS seven\n-\n[\u{b6}](#)9. x",
            "one\r\ntwo \r\n\r\nthree\rfour\r\r\nfive",
            "\u{feff}first line\nSince then\n\u{b6}15.  In addition\nends in a tag>\nab\na\n",
            "text\x0c\nmore\u{a0} \nxy<br />  \n",
        ];
        for text in texts {
            let lines = crate::lines::split(text);
            let cuts: Vec<u32> = (0..=text.len() as u32).filter(|&i| text.is_char_boundary(i as usize)).collect();
            for &start in &cuts {
                for &end in cuts.iter().filter(|&&e| e >= start) {
                    let span = Span::new(start, end);
                    let mut want = Vec::new();
                    each_piece(text, span, &[], |p| want.push(clean_line(p)));
                    want.retain(|t| !t.is_empty());
                    // (With no hint, and with every hint: right, before, after the line.)
                    for hint in [u32::MAX].into_iter().chain(0..=lines.len() as u32) {
                        let mut got = Vec::new();
                        each_clean_line(text, span, (&lines, hint), |t| got.push(t));
                        got.retain(|t| !t.is_empty());
                        assert_eq!(got, want, "{text:?} {span:?} {hint}");
                    }
                }
            }
        }
    }
}
