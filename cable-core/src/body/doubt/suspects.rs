//! Which paragraphs of a body the doubt pass reads line by line for transmission debris or an
//! odd paragraph number (see the parent module): one search of the body for both, read as the paragraphs
//! come in order, where each paragraph was searched for `(` on its own and the body for the
//! debris's words once more.

use crate::model::Paragraph;
use crate::span::Span;
use crate::text::literals::Literals;
use std::ops::Range;
use std::sync::LazyLock;

/// A piece of three bytes or more of each of `doubt`'s forms of transmission debris (`NNNN`,
/// `@@@OASYS`, `Classified Website`, ...): the SIMD searcher reads each block of text through
/// one pair of byte tables per byte of its patterns' shortest length, up to four, so pieces of
/// three cost a quarter less than the forms, and their first bytes are as rare in text (`Cla`
/// and `CLA` were not).
pub(super) const FORM_PIECES: [&str; 5] = ["NNN", "@@@", "Website", "Web Site", "WEBSITE"];

/// What stands before the marking of an odd paragraph number (`2, (U)`, `15 (SBU)`): a digit
/// or a comma, a space and `(`. Each ends in `(`, which no piece of [`FORM_PIECES`] holds.
const NUMBER_PIECES: [&str; 11] = ["0 (", "1 (", "2 (", "3 (", "4 (", "5 (", "6 (", "7 (", "8 (", "9 (", ", ("];

/// [`FORM_PIECES`] and [`NUMBER_PIECES`], searched for at once (leftmost first, the packed
/// SIMD searcher itself: behind `AhoCorasick` each match was confirmed again). No piece of one list can overlap a piece of the other (a number's ends in
/// `(`, a form's starts with none of `(`, a digit or a comma), so every number piece of the
/// text is found, and every form piece is found or lies within a form piece found.
static PIECES: LazyLock<Literals> = LazyLock::new(|| Literals::new(FORM_PIECES.into_iter().chain(NUMBER_PIECES)));

/// What a paragraph's text may hold, by [`Suspects::of`].
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Marks {
    /// A piece of a form of transmission debris (`NNN`, `Website`): the per-line search for
    /// the forms runs.
    pub trailer: bool,
    /// A digit or a comma, a space and `(` (`2, (U)`): an odd paragraph number may stand in it.
    pub number: bool,
}

/// The matches of one search of a body's paragraphs (from the first one's start to the
/// furthest end) for [`PIECES`], handed out to its paragraphs in order.
///
/// A piece inside a paragraph is found by the one search or lies within a match it found,
/// which then overlaps the paragraph: a paragraph that no match overlaps holds none. (An
/// overlapping match may run past the paragraph's ends: the marks only let exact per-line
/// tests run, so that one too many costs a little time and never a change of output.)
pub(super) struct Suspects<'s, M> {
    matches: M,
    /// Where the searched text starts in the source.
    from: u32,
    /// The first match not yet handed out wholly.
    next: Option<Span>,
    /// Where the last paragraph asked about ends: one that starts before is searched on its own.
    last_end: u32,
    source: &'s str,
}

/// The search of the text of `paragraphs` in `source`.
pub(super) fn suspects<'s>(
    source: &'s str,
    paragraphs: &[Paragraph<'_>],
) -> Suspects<'s, impl Iterator<Item = Range<usize>> + 's> {
    let from = paragraphs.first().map_or(0, |p| p.text_span.start);
    let to = paragraphs.iter().map(|p| p.text_span.end).max().unwrap_or(from).max(from);
    let text = Span::new(from, to).slice(source);
    let mut suspects = Suspects { matches: PIECES.matches(text.as_bytes()), from, next: None, last_end: from, source };
    suspects.next = suspects.next_match();
    suspects
}

impl<M: Iterator<Item = Range<usize>>> Suspects<'_, M> {
    fn next_match(&mut self) -> Option<Span> {
        let m = self.matches.next()?;
        Some(Span::new(self.from + m.start as u32, self.from + m.end as u32))
    }

    /// What the text of `span` (a paragraph's) may hold.
    pub(super) fn of(&mut self, span: Span) -> Marks {
        if span.start < self.last_end {
            // (Out of order or overlapping the last one: its matches may be handed out.)
            let text = span.slice(self.source);
            let mut marks = Marks::default();
            for m in PIECES.matches(text.as_bytes()) {
                let m = Span::new(span.start + m.start as u32, span.start + m.end as u32);
                mark(&mut marks, self.source.as_bytes(), m, span);
            }
            return marks;
        }
        self.last_end = span.end;
        let mut marks = Marks::default();
        while let Some(m) = self.next.filter(|m| m.start < span.end) {
            if m.end > span.start {
                mark(&mut marks, self.source.as_bytes(), m, span);
            }
            if m.end > span.end {
                // (It may overlap the next paragraph too.)
                break;
            }
            self.next = self.next_match();
        }
        marks
    }
}

/// Marks what the match `m` in `bytes` (the source) overlapping `span` is a piece of. A
/// number's piece counts only inside the span (the number `1 ` before a paragraph's `(C)` is
/// not its text's): every one of the text is found whole.
fn mark(marks: &mut Marks, bytes: &[u8], m: Span, span: Span) {
    if bytes.get(m.end as usize - 1) == Some(&b'(') {
        marks.number |= m.start >= span.start && m.end <= span.end;
    } else {
        marks.trailer = true;
    }
}
