//! The body's line loop: blank lines, page breaks and section breaks, and the text between
//! them cut at the page markers and paragraph numbers that joined lines hide.

use super::*;

impl<'l, 'a> Walk<'l, 'a> {
    /// Handles the line at `i` (and the lines a break takes); returns the next line to read.
    pub(super) fn step(&mut self, i: usize, end: usize) -> usize {
        let line = &self.lines[i];
        let shape = line.shape;
        // (Most lines have text that opens with no `<`: not blank, without the full test,
        // which also reads `<br>` lines as blank.)
        if is_blank_line(line) {
            self.blank();
            return i + 1;
        }
        let indent = line.indent as usize;
        if asks_breaks(line) {
            let mut read = pagebreak::Read::default();
            if shape.may_be_header() {
                if let Some(n) = self.section_break(i, end, &mut read) {
                    return n;
                }
            }
            if let Some(b) = pagebreak::page_break_read(self.lines, i, &read) {
                let n = (i + b.lines).min(end);
                let last = &self.lines[n - 1];
                let stop = match b.content_at {
                    Some(at) if n == i + b.lines => last.start + at as u32,
                    _ => last.span().end,
                };
                let first = line.span_of(line.trimmed()).start;
                self.push_break(BreakKind::Page, Span::new(first, stop), b.page);
                if let (Some(at), true) = (b.content_at, n == i + b.lines) {
                    // (Text after a banner on its line: not a whole line, no fast path.)
                    self.cut_text_at(n - 1, at);
                }
                return n;
            }
        }
        // (One call of `text_at` for every line of text, long or short: its fast path is
        // inlined here once.)
        self.text_at(i, indent, end)
    }

    /// A blank line.
    pub(super) fn blank(&mut self) {
        self.close_at_blank();
        self.after_blank = true;
    }

    /// Unnumbered paragraphs end at a blank line; a numbered one goes on until the next number
    /// (its sub-items and quotations are separated by blank lines).
    pub(super) fn close_at_blank(&mut self) {
        let numbered_open = self.marked_block_open
            || self.contents_open
            || self.open.and_then(|o| self.body.paragraphs.get(o)).is_some_and(|p| p.number.is_some());
        if !numbered_open {
            self.close();
        }
    }

    /// Records a break; it interrupts the open paragraph if the text goes on after it.
    pub(super) fn push_break(&mut self, kind: BreakKind, span: Span, page: Option<u32>) {
        if let Some(p) = &mut self.pending {
            if p.first_caption.is_some() {
                p.bad = true;
                p.section_break |= kind == BreakKind::Section;
            }
        }
        // A page-foot classification glued to the line before, and the banner on the next
        // line, are one break; so are a page break and the section header right after it.
        if let Some(last) = self.body.breaks.last_mut() {
            let between = Span::new(last.span.end, span.start).slice(self.source);
            if last.span.end <= span.start && last.kind == BreakKind::Page && between.trim().is_empty() {
                let old = last.span;
                last.span.end = span.end;
                last.kind = kind;
                last.page = last.page.or(page);
                let merged = last.span;
                if let Some(p) = self.open.and_then(|o| self.body.paragraphs.get_mut(o)) {
                    if let Some(g) = p.gaps.last_mut().filter(|g| **g == old) {
                        *g = merged;
                    }
                }
                return;
            }
        }
        self.body.breaks.push(Break { kind, page, span });
    }

    /// Text starting at byte `at` of line `i`, up to the end of the line (or of the text):
    /// page markers inside it (pages whose lines were joined) are cut out as breaks. Returns
    /// the next line to read: past the lines before `end` that go on as plain text too (see
    /// [`Walk::plain_run`]).
    #[inline]
    pub(super) fn text_at(&mut self, i: usize, at: usize, end: usize) -> usize {
        // Most lines are whole lines of prose inside a paragraph: no page marker or inline
        // paragraph number to cut, no caption at the end (a plain shape ends in no dash), and
        // more of the open paragraph ([`Walk::plain_text`]). They take this path alone, past
        // the cutting below and its per-line set-up.
        // A whole line with nothing to cut that is no plain text (the first line of a block,
        // most often) is one piece, its end perhaps a caption: it skips the cutting's set-up
        // and searches too (the same answer: with no place in the line, every search of
        // [`Walk::cut_text_at`] finds none).
        let line = &self.lines[i];
        let whole = at == line.indent as usize && line.span().end <= self.content_end;
        if whole && !self.has_cuts(i, at) {
            if self.plain_text(i) {
                let next = self.plain_run(i + 1, end);
                self.continue_open(self.lines[next - 1].span().end);
                return next;
            }
            self.last_piece(i, at, line.text.len(), false);
            return i + 1;
        }
        self.cut_text_at(i, at);
        i + 1
    }

    /// The first line from `i` on (before `end`) that is not plain text going on as line
    /// `i - 1` did, that line being plain text of the open paragraph: every test [`Walk::step`]
    /// would ask of the lines in between answers "more of the open paragraph" (no break or
    /// header is possible by their shapes, nothing to cut by the ranges known free of ` OF `
    /// and `(`, [`Walk::plain_text`]), and nothing the walk knows changes along them, so the
    /// paragraph is continued once, to the last of them. (Most lines of a paragraph: the step's
    /// tests and the paragraph's update, once per line, cost several times these.)
    #[inline]
    fn plain_run(&self, i: usize, end: usize) -> usize {
        let mut j = i;
        while j < end {
            let line = &self.lines[j];
            let span = line.span();
            // (The tests of `step`, `text_at` and `has_cuts` before `plain_text`, as they
            // answer for a line that goes on: a line that fails one is read by `step`.)
            if asks_breaks(line)
                || span.end > self.content_end
                || !self.surely_no_cuts(span.start as usize + line.indent as usize, span.end as usize)
                || !self.plain_text(j)
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// Whether line `i` from byte `at` holds what [`Walk::cut_text_at`] may cut: a ` OF ` (a
    /// page marker) or, in a numbered text, a `(` (a paragraph number before its marking).
    /// (Most lines lie in the range that the last answer found free of both patterns
    /// ([`Walk::no_cuts`]): one pair of comparisons, not the two searches' tests.)
    #[inline]
    fn has_cuts(&mut self, i: usize, at: usize) -> bool {
        let span = self.lines[i].span();
        let (a, b) = (span.start as usize + at, span.end as usize);
        if self.surely_no_cuts(a, b) {
            return false;
        }
        let source = self.source.as_bytes();
        let cuts = self.next_of.holds(source, (a, b), 5, marker::find_marker_of)
            || (self.numbered && self.next_paren.holds(source, (a, b), 1, marker::find_number_paren));
        if !cuts {
            let (from, next) = self.next_of.free();
            self.no_cuts = if self.numbered {
                let (paren_from, paren_next) = self.next_paren.free();
                (from.max(paren_from), next.min(paren_next))
            } else {
                (from, next)
            };
        }
        cuts
    }

    /// Whether the offsets `a..b` lie in the range known to hold neither pattern of
    /// [`Walk::has_cuts`] (false says nothing).
    #[inline(always)]
    fn surely_no_cuts(&self, a: usize, b: usize) -> bool {
        a >= self.no_cuts.0 && b < self.no_cuts.1
    }

    /// [`Walk::text_at`] for a line that may need cutting.
    #[inline(never)]
    fn cut_text_at(&mut self, i: usize, at: usize) {
        let line = self.lines[i];
        let mut end = line.text.len();
        if line.start + end as u32 > self.content_end {
            end = (self.content_end.saturating_sub(line.start) as usize).max(at);
        }
        let mut from = at;
        let source = self.source.as_bytes();
        let abs = |from: usize| (line.start as usize + from, line.start as usize + end);
        // (The same searches as [`Walk::has_cuts`]: each `Ahead` remembers the places of one.)
        while self.next_of.holds(source, abs(from), 5, marker::find_marker_of) {
            let Some((ms, me, page)) = inline_marker(&line.text[from..end], self.station) else { break };
            self.piece(i, from, from + ms);
            let span = Span::new(line.start + (from + ms) as u32, line.start + (from + me) as u32);
            self.push_break(BreakKind::Page, span, page);
            self.after_blank = false;
            from += me;
        }
        if from > at && scan::trim_start_space(&line.text[from..end]).is_empty() {
            return;
        }
        // `... along those lines. 6.(S) Embassy Comment: ...`: the next paragraph starts inside
        // a joined line.
        // (Each split's segment becomes the expected number when it is read, so the next split
        // looks for the one after it.)
        // (A line that opens with the expected number, or with the first one, is that
        // paragraph: look for the one after it.)
        // (Asked only of a numbered text; a piece that opens with a printable byte that opens
        // no number has none after a trim either.)
        // (The look for a number starts past the parenthesis of the line's own marking, when it
        // opens with a number and one: `6. (S) ...` holds that paragraph's number before a
        // marking, which is never the next one, but made the search below read the line.)
        // (`from` or past it: the marking lies inside the piece.)
        let mut look_from = from;
        let mut expected = if !self.numbered {
            None
        } else {
            let opening = match line.text.as_bytes().get(from) {
                Some(&b) if b.is_ascii_graphic() && !crate::lines::shape::opens_number(b) => None,
                _ => {
                    let t = line.text[from..end].trim_start();
                    self.written(t).map(|w| {
                        let marking = t[w.len..].trim_start_matches(' ');
                        if marking.starts_with('(') {
                            look_from = end - marking.len() + 1;
                        }
                        w.value
                    })
                }
            };
            match (self.previous, opening) {
                (Some(p), Some(w)) if w == p + 1 => Some(w + 1),
                (Some(p), _) => Some(p + 1),
                (None, Some(w)) => Some(w + 1),
                (None, None) => None,
            }
        };
        while let Some(next) = expected {
            if !self.next_paren.holds(source, abs(look_from), 1, marker::find_number_paren) {
                break;
            }
            let Some(n) = inline_paragraph_number(&line.text[from..end], next) else { break };
            let cut = from + scan::trim_end_space(&line.text[from..from + n]).len();
            self.piece(i, from, cut);
            self.after_blank = false;
            from += n;
            expected = Some(next + 1);
        }
        self.last_piece(i, from, end, true);
    }

    /// The text `from..end` of line `i` after its cuts: one piece, or two when it ends in a
    /// caption with its rule. `may_be_plain` is false for a whole line that [`Walk::plain_text`]
    /// already refused: its piece goes past that test, not asked it twice.
    fn last_piece(&mut self, i: usize, from: usize, end: usize, may_be_plain: bool) {
        let line = self.lines[i];
        // `... in Georgia and Ukraine. Concerns about Russia -----`: the heading of the next
        // paragraph at the end of a joined line.
        if let Some(c) = trailing_caption(&line.text[from..end]) {
            let head_end = from + scan::trim_end_space(&line.text[from..from + c]).len();
            self.piece(i, from, head_end);
            let span = (line.start + (from + c) as u32, line.start + end as u32);
            self.pending = Some(Pending { first_caption: Some(span), captions: 1, ruled: true, ..Pending::default() });
            self.after_blank = false;
            return;
        }
        if may_be_plain {
            self.piece(i, from, end);
        } else {
            self.structured_piece(i, from, end);
        }
    }
}

/// Whether [`Walk::step`] asks `line` whether it is a section or page break: breaks, banners
/// and header lines are short, and their shapes tell (a long line is text, page markers inside
/// it found by `text_at`, unless a `PAGE` banner with content after it; a long line that opens
/// with no `P` opens with no `PAGE`: its shape tells, not a slice of its text).
#[inline(always)]
fn asks_breaks(line: &Line<'_>) -> bool {
    let shape = line.shape;
    (shape.may_be_header() || shape.may_be_page_break())
        && (!shape.is_long() || (shape.may_be_page_banner() && line.trimmed().starts_with("PAGE ")))
}

/// [`text::is_blank`] of a whole line, its first test read off the line's shape (empty, or
/// opening with a tag): most lines asked are text, and the trim cost them more than the test.
#[inline]
pub(super) fn is_blank_line(line: &Line<'_>) -> bool {
    line.shape.may_be_blank() && text::is_blank(line.text)
}

/// [`text::cleans_to_nothing`] of a whole line, asked only where its shape says its end lets it
/// (most lines end otherwise, and the call cost them more than the test).
#[inline]
pub(super) fn line_cleans_to_nothing(line: &Line<'_>) -> bool {
    line.shape.may_clean_to_nothing() && text::cleans_to_nothing(line.trimmed())
}
