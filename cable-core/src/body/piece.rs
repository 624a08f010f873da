//! One piece of text (a line, or the part of a joined line between two cuts): a numbered
//! paragraph, a table of contents entry, a rule, a caption, or more of the open paragraph.

use super::*;

impl<'l, 'a> Walk<'l, 'a> {
    /// The text `at..end` of line `i`: a numbered paragraph, a rule, a caption, or text of the
    /// open paragraph.
    /// (Inlined, the fast path alone: most lines take it, and the call into the rest cost
    /// them more than the test.)
    #[inline]
    pub(super) fn piece(&mut self, i: usize, at: usize, end: usize) {
        let line = &self.lines[i];
        if at == line.indent as usize && end == line.text.len() && self.plain_text(i) {
            self.continue_open(line.span().end);
            return;
        }
        self.structured_piece(i, at, end);
    }

    /// [`Walk::piece`] for a piece that may be more than text of the open paragraph.
    #[inline(never)]
    pub(super) fn structured_piece(&mut self, i: usize, at: usize, end: usize) {
        self.line = i;
        let line = self.lines[i];
        let t = &line.text[at..end];
        // (A piece from the line's indent has no space before it: the split measured it. Most
        // pieces are whole lines, and are not read for spaces again.)
        let lead = if at == line.indent as usize { 0 } else { scan::leading_space_len(t.as_bytes()) };
        let t_trim = scan::trim_end_space(&t[lead..]);
        if t_trim.is_empty() {
            if at == 0 || end == line.text.len() {
                self.blank();
            }
            return;
        }
        // (A whole line is asked as a line: the line above asked it whether it underlines, and
        // its shape tells whether its last byte lets it clean to nothing, without the call.)
        let whole_line = at + lead == line.indent as usize && t_trim.len() == line.trimmed().len();
        // A rule (`-----`): taken first, most often answered already (the line above asked
        // whether it underlines). None of the readers below applies to it: its first byte opens
        // no number, marking or table entry, it is no separator (three marks at least) and
        // cleans to itself; it ends in no capital, so no classification is glued to it.
        if whole_line && self.rule_line(i) {
            self.contents_open = false;
            return self.rule_piece();
        }
        let start = line.start + (at + lead) as u32;
        // `... ESSENTIALLY, A  CONFIDENTIAL` / `PAGE 04 HARARE ...`: a partial record glues the
        // page-foot classification to the end of the line before the page banner.
        let (t_trim, glued) =
            if end == line.text.len() { split_glued_classification(self.lines, i, t_trim) } else { (t_trim, None) };
        // (A glued classification cut from the line leaves a piece shorter than the line.)
        let whole_line = whole_line && glued.is_none();
        let end = start + t_trim.len() as u32;
        // `(C) 1. The Embassy ...`: the marking before the number.
        let (pre, num_at) = match Marking::parse_prefix(t_trim) {
            Some((m, n)) if number::written(t_trim[n..].trim_start()).is_some() => {
                let rest = t_trim[n..].trim_start();
                (Some(m), t_trim.len() - rest.len())
            }
            _ => (None, 0),
        };
        let numbered_text = &t_trim[num_at..];
        let numbered_start = start + num_at as u32;
        // A table of contents: numbered one-line entries under its caption (`SUBJECTS COVERED
        // IN THIS REPORT:` / `1.  Mideast` / `2.  Syrian-Lebanese Track`, the media reaction
        // reports of Tel Aviv, 04TELAVIV6071) are one unnumbered paragraph headed by the caption,
        // not paragraphs 1 and 2 (the report's own paragraph 1 comes after them).
        // (Only a line that opens like a number can be an entry: the caption is not asked about
        // the others, since its answer would change nothing for them.)
        // (An entry takes one line: `1.  (S/NF) This telegram replaces Ref A ...` under
        // `SUMMARY AND TABLE OF CONTENTS`, 09STATE119085, is paragraph 1. The first line of a
        // paragraph that goes on is no entry either: the caption is not asked about it.)
        // (Nor is the next line read without a table open or a caption pending: most numbered
        // lines have neither.)
        let may_be_entry = t_trim.as_bytes().first().is_some_and(|&b| crate::lines::shape::opens_number(b))
            && (self.contents_open || self.pending.is_some_and(|p| p.first_caption.is_some()));
        let one_line = may_be_entry
            && end == line.span().end
            && self.lines.get(i + 1).is_none_or(|l| is_blank_line(l) || contents_entry(l.trimmed()));
        if self.contents_open || (one_line && self.pending_contents_caption()) {
            if one_line && contents_entry(t_trim) {
                if self.contents_open {
                    self.continue_open(end);
                } else {
                    self.unnumbered_paragraph(t_trim, start, end);
                    self.contents_open = true;
                }
                self.after_blank = false;
                return;
            }
            self.contents_open = false;
        }
        // (Every form of number opens with a digit, a pilcrow's byte or a parenthesis: the shape's
        // bytes. Most pieces here open with a letter and are asked none of the four readers.)
        let may_be_number = numbered_text
            .as_bytes()
            .first()
            .is_some_and(|&b| crate::lines::shape::opens_number(b) || crate::lines::shape::opens_marking(b));
        let read = may_be_number
            .then(|| {
                self.written(numbered_text)
                    .or_else(|| number::glued(numbered_text, self.previous))
                    .or_else(|| number::odd(numbered_text, self.previous))
                    .or_else(|| number::parenthesised(numbered_text))
            })
            .flatten();
        if let Some(w) = read {
            let mut fit = number::fit(w.value, self.previous);
            // A pilcrow written before the digits means none of them is a mangled pilcrow.
            if w.digits.0 > 0 && matches!(fit, number::Fit::Recovered(_)) {
                fit = number::fit_as_written(w.value, self.previous);
            }
            // A lower number with a portion marking or a pilcrow is a paragraph out of order
            // (06MOSCOW9533 has ¶10 after ¶11), not a list inside the paragraph.
            if fit == number::Fit::Inner
                && (w.digits.0 > 0 || pre.is_some() || Marking::parse_prefix(&numbered_text[w.len..]).is_some())
            {
                fit = number::Fit::Unordered;
            }
            // `... for November` / `6.  LASCO members ...`: a number out of sequence right
            // after a line that ends mid-sentence is a wrapped word, not a paragraph.
            // So is a number alone on its line, whatever its order (`... ON THE PSI MEETING IN
            // KRAKOW MAY 31 - JUNE` / `1.`, 04BRATISLAVA512; `... among the EU-` / `15.`,
            // 04BRUSSELS1431): a paragraph of no text.
            // (Asked only after a line of text: most numbers follow a blank line.)
            let mid_sentence = !self.after_blank && {
                let alone = numbered_text[w.len..].trim().is_empty();
                (alone || matches!(fit, number::Fit::Skipped | number::Fit::Unordered | number::Fit::Recovered(_)))
                    && i > 0
                    && ends_in_a_wrap(text::clean_line(self.lines[i - 1].text), alone)
            };
            if (fit != number::Fit::Inner && !mid_sentence) || self.open.is_none() {
                // A number line framed by rules is the paragraph's title (`------------` /
                // `1.  Mideast:` / `------------`, the sections of Tel Aviv's media reaction
                // reports, 04TELAVIV6071): its words are the heading, the text starts below.
                // (The rules first: few numbered lines have them, and reading the words costs
                // more.)
                let framed_title = end == line.span().end
                    && numbered_text.len() - w.len <= 60
                    && self.pending.is_some_and(|p| p.ruled && p.first_caption.is_none())
                    && self.rule_line(i + 1)
                    && !ends_sentence(&numbered_text[w.len..]);
                self.numbered_paragraph(numbered_text, numbered_start, end, w, fit, pre.map(|m| (m, start)));
                if framed_title {
                    self.title_as_heading(end);
                }
                self.after_blank = false;
                self.glued_break(i, glued, end);
                return;
            }
        }
        // A rule wrapped at the line width leaves its last dashes on the next line
        // (`-------- ------------` / `--`, 01VATICAN1286).
        // (Asked once: both tests below need it.)
        let separator = is_separator(t_trim);
        let wrapped_rule = separator && i > 0 && self.rule_line(i - 1);
        // (A whole line is the trimmed line: its shape answers first.)
        let cleans_to_nothing =
            if whole_line { line_cleans_to_nothing(&line) } else { text::cleans_to_nothing(t_trim) };
        if (cleans_to_nothing || separator) && !wrapped_rule && self.pending.is_none_or(|p| p.first_caption.is_none()) {
            // A teletype paragraph separator or `SIPDIS` between paragraphs.
            self.blank();
            return;
        }
        // (A whole line that is a rule was taken above.)
        if wrapped_rule || (!whole_line && is_rule(t_trim)) {
            return self.rule_piece();
        }
        if self.caption(i, t_trim, start, end, glued) {
            return;
        }
        // Text.
        let same_block = !self.after_blank;
        if let Some(p) = self.pending.filter(|p| p.first_caption.is_some() && same_block && self.open.is_none()) {
            self.pending = None;
            self.captions_as_text(p);
        }
        // In a numbered text, a block under a heading that opens with a portion marking is a
        // portion of its own: an unnumbered paragraph (`(U) Communications and Information
        // Minister ...` under a framed heading, 04CARACAS2689), not more of the one before.
        // (Without a heading, marked blocks are as often the sub-portions of a numbered
        // paragraph: `A. (S/NF) USG Concern: ...` / `(S/NF) GOA Response: ...`, 06VIENNA515.)
        // (The next marked block after one needs no heading: `(SBU) ...` / blank / `(C) ...`.)
        let headed = self.pending.is_some_and(|p| p.first_caption.is_some());
        // So is any block under a heading that carries a portion marking itself (`(U) Status of
        // Host Nation Laws:` / rule / `-- UAE Federal Law 4 of 2002 ...`, 07ABUDHABI1838).
        let marked_heading = || {
            self.pending.and_then(|p| p.first_caption).is_some_and(|(from, to)| {
                let caption = Span::new(from, to).slice(self.source);
                Marking::parse_prefix(caption).is_some_and(|(_, n)| !caption[n..].trim().is_empty())
            })
        };
        let marked_block = self.numbered
            && !same_block
            && (((self.marked_block_open || headed) && opens_with_marking(t_trim)) || marked_heading())
            && !self.continues_labels(t_trim);
        if self.open.is_some() && (self.numbered || same_block) && !marked_block {
            self.continue_open(end);
        } else {
            self.unnumbered_paragraph(t_trim, start, end);
            self.marked_block_open = marked_block;
        }
        self.after_blank = false;
        self.glued_break(i, glued, end);
    }

    /// A rule: the pending captions are ruled (framed, when it comes under them before any
    /// break), and the next line starts a block.
    fn rule_piece(&mut self) {
        let p = self.pending.get_or_insert(Pending::default());
        p.ruled = true;
        // A rule under the captions, before any break: they are framed.
        p.framed |= p.first_caption.is_some() && !p.bad;
        self.after_blank = true;
    }

    /// Whether the whole line `i` is more of the open paragraph, by its shape and its place
    /// alone: the classifier's fast path, which takes most lines of a paragraph past every
    /// recogniser below. The line opens with no number, marking, rule or tag and ends in no
    /// rule (its shape is plain); it is not the first of a block (no blank line before it), no
    /// caption is pending and no table of contents open (captions and entries are decided by
    /// the lines around them), no rule below underlines it, no page-foot classification is
    /// glued to its end before a `PAGE` banner, and it is not `SIPDIS` alone. Everything
    /// [`Walk::piece`] asks of such a line answers "text of the open paragraph".
    /// (Always inlined: it is the test of every line's fast path, and the call cost a third of
    /// it.)
    #[inline(always)]
    pub(super) fn plain_text(&self, i: usize) -> bool {
        let line = &self.lines[i];
        let next_line = self.lines.get(i + 1);
        let next = next_line.map_or(crate::lines::Shape::default(), |l| l.shape);
        line.shape.is_plain()
            && !self.after_blank
            && self.open.is_some()
            && self.pending.is_none()
            && !self.contents_open
            && !next.may_be_rule()
            // (A line that opens with `P` is seldom a banner: its first five bytes tell, which
            // took the lines above `PRESIDENT ...` past the slow path.)
            && !(line.shape.ends_upper()
                && next.may_be_page_banner()
                && next_line.is_some_and(|l| pagebreak::opens_page_banner(l.trimmed())))
            && !line_cleans_to_nothing(line)
    }

    /// [`is_rule_line`] of line `i` (false past the last line), remembered (see
    /// [`RulesAsked`]).
    pub(super) fn rule_line(&self, i: usize) -> bool {
        self.rules_asked.rule_line(self.lines, i)
    }

    /// Records the break that a glued classification starts at the end of line `i`.
    /// (Inlined, the test: every piece that is taken asks it, and few have a classification
    /// glued to them; the call cost them more than the test.)
    #[inline(always)]
    pub(super) fn glued_break(&mut self, i: usize, glued: Option<usize>, text_end: u32) {
        if glued.is_some() {
            self.push_glued_break(i, text_end);
        }
    }

    /// The rest of [`Walk::glued_break`], for a piece with a classification glued after it.
    #[inline(never)]
    fn push_glued_break(&mut self, i: usize, text_end: u32) {
        let line = self.lines[i];
        let rest = &self.source[text_end as usize..line.span().end as usize];
        let word = scan::trim_start_space(rest);
        let start = line.span().end - word.len() as u32;
        // The banner line is handled as a page break when the walk reaches it; the glued
        // classification is its own page break.
        self.push_break(BreakKind::Page, Span::new(start, line.span().end), None);
        self.after_blank = false;
    }
}

/// An entry of a table of contents: a paragraph number and a short title without a sentence's
/// end (`1.  Mideast`, `2.  Syrian-Lebanese Track`).
pub(super) fn contents_entry(t: &str) -> bool {
    number::written(t).is_some_and(|w| {
        let title = text::clean_line(&t[w.len..]);
        !title.is_empty()
            && title.len() <= 80
            && !ends_sentence(title)
            && !title.ends_with(':')
            && Marking::parse_prefix(title).is_none()
    })
}

/// Whether a caption holds `SUBJECTS COVERED`, `CONTENTS`, `IN THIS ISSUE`, `IN THIS REPORT` or
/// `TOPICS COVERED` (in any case): the words that introduce a table of contents.
/// (One pass over the caption, each `C` or `I` tried against the words it may open: five
/// case-blind searches, one per phrase, cost five times as much on the caption of every
/// numbered paragraph.)
pub(super) fn heads_contents(caption: &str) -> bool {
    let b = caption.as_bytes();
    let at = |i: usize, w: &[u8]| b.len() - i >= w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w);
    let before = |i: usize, w: &[u8]| i >= w.len() && b[i - w.len()..i].eq_ignore_ascii_case(w);
    (0..b.len()).any(|i| match b[i] | 0x20 {
        b'c' => at(i, b"CONTENTS") || (at(i, b"COVERED") && (before(i, b"SUBJECTS ") || before(i, b"TOPICS "))),
        b'i' => at(i, b"IN THIS ISSUE") || at(i, b"IN THIS REPORT"),
        _ => false,
    })
}

/// The line before ends inside a sentence, or (before a number alone) inside a word broken at
/// a hyphen (`EU-` / `15.`).
pub(super) fn ends_in_a_wrap(before: &str, alone: bool) -> bool {
    let hyphen_broken = || {
        let b = before.as_bytes();
        b.len() >= 2 && b[b.len() - 1] == b'-' && b[b.len() - 2].is_ascii_alphanumeric()
    };
    text::ends_mid_sentence(before) || (alone && hyphen_broken())
}

impl<'l, 'a> Walk<'l, 'a> {
    /// The open paragraph's text so far (up to `end`, its number line) is its heading.
    pub(super) fn title_as_heading(&mut self, end: u32) {
        if let Some(p) = self.open.and_then(|o| self.body.paragraphs.get_mut(o)) {
            if p.heading.is_none() && p.text_span.start < p.text_span.end {
                p.heading = Some(p.text_span);
                p.text_span = Span::new(end, end);
            }
        }
    }

    /// [`number::written`] of `t`, remembered for the last text asked: a line that may be cut
    /// is read for its number by [`Walk::cut_text_at`] (to know which number to look for after
    /// it), then again as its piece, the same text.
    pub(super) fn written(&mut self, t: &str) -> Option<number::Written> {
        let key = (t.as_ptr() as usize, t.len());
        if let Some((_, w)) = self.number_read.filter(|(k, _)| *k == key) {
            return w;
        }
        let w = number::written(t);
        self.number_read = Some((key, w));
        w
    }

    /// The pending caption introduces a table of contents (`SUBJECTS COVERED IN THIS REPORT:`,
    /// `CONTENTS`, `IN THIS ISSUE`).
    /// (Asked of every line while a caption is pending: the answer is kept for the caption's
    /// span, not searched for again.)
    pub(super) fn pending_contents_caption(&mut self) -> bool {
        let Some(span) = self.pending.and_then(|p| p.first_caption) else { return false };
        if let Some((seen, answer)) = self.contents_caption.filter(|(seen, _)| *seen == span) {
            debug_assert_eq!(seen, span);
            return answer;
        }
        let answer = heads_contents(Span::new(span.0, span.1).slice(self.source));
        self.contents_caption = Some((span, answer));
        answer
    }

    /// Whether `t` opens with a letter that goes on the open paragraph's list of lettered
    /// items (`(C) THE FINDINGS ...` after `(A)` and `(B)`, 85TOKYO364; after `B)`, 05PARIS196):
    /// a label, not a marking.
    pub(super) fn continues_labels(&self, t: &str) -> bool {
        let Some(&[b'(', letter, b')']) = t.as_bytes().get(..3) else { return false };
        let Some(p) = self.open.and_then(|o| self.body.paragraphs.get(o)) else { return false };
        let Some(previous) = letter.checked_sub(1) else { return false };
        // `(B)`, or `B)` after a space or at a line start (05PARIS196's `B) SUMMARY OF ...`).
        let text = p.span.slice(self.source).as_bytes();
        memchr::memmem::find_iter(text, &[previous, b')'])
            .any(|at| at == 0 || matches!(text[at - 1], b'(' | b' ' | b'\n' | b'\t'))
    }
}

/// A line that opens with a portion marking and then a sentence or a caption (`(U)
/// Communications ...`, `(SBU) MARTIN TORRIJOS: ...`), not a wrapped field (`(U) CLASSIFIED BY`).
pub(super) fn opens_with_marking(t: &str) -> bool {
    let Some((_, n)) = Marking::parse_prefix(t) else { return false };
    let rest = scan::trim_start_space(&t[n..]);
    rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201c}')
        && scan::strip_prefix_ci(rest, "CLASSIFIED").is_none()
}

/// The last two lines asked whether they are a rule, and the answers: a rule, or a line that
/// opens like one (`-- The minister ...`), is asked from the lines above it (does it underline
/// or frame a caption?) and then as a piece of its own, and the answer was read off the line's
/// characters each time.
/// (A `Cell`: the caption's tests ask it from closures that borrow the walk.)
pub(super) struct RulesAsked(std::cell::Cell<[(usize, bool); 2]>);

impl Default for RulesAsked {
    fn default() -> Self {
        RulesAsked(std::cell::Cell::new([(usize::MAX, false); 2]))
    }
}

impl RulesAsked {
    /// [`is_rule_line`] of `lines[i]` (false past the last line).
    pub(super) fn rule_line(&self, lines: &[Line<'_>], i: usize) -> bool {
        let Some(line) = lines.get(i) else { return false };
        if !line.shape.may_be_rule() {
            return false;
        }
        let asked = self.0.get();
        if let Some(&(_, answer)) = asked.iter().find(|(at, _)| *at == i) {
            return answer;
        }
        let answer = is_rule_line(line);
        self.0.set([asked[1], (i, answer)]);
        answer
    }
}
