//! The text of the cable after the metadata block: paragraphs with their numbers, portion
//! markings and headings, page and section breaks, summary, comment, action request, inline
//! notes, signature, trailer and redactions.
//!
//! [`parse`] walks the body's lines once, left to right, and records spans only: a paragraph
//! is its number, marking, heading and the span of its text plus the breaks cut out of it.
//! Cleaned text, sub-items, signers and the lossless element list are computed on access, so
//! parsing copies no text and allocates a handful of vectors per cable, not one per paragraph.

mod doubt;
mod elements;
mod ending;
mod heading;
mod marker;
mod number;
mod paragraph;
mod passages;
mod section;
mod signature;

use crate::classification::Marking;
use crate::lines::Line;
use crate::model::{Body, Break, BreakKind, Cable, Paragraph, TextSection};
use crate::scan;
use crate::shape::banner;
use crate::shape::pagebreak;
use crate::shape::routing::{is_strong_header_line, partial_control_line};
use crate::shape::rule::{is_rule, is_separator};
use crate::span::Span;
use crate::spanned::Spanned;
use crate::text;
use crate::warning::{Warning, WarningKind};
use heading::{
    Pending, could_be_heading, ends_sentence, is_clean_caption, loose_caption, ruled_caption, trailing_caption,
};
use marker::{inline_marker, inline_paragraph_number, page_number, redactions, split_glued_classification};
use paragraph::marking_and_text;
use section::{SectionRouting, sections};

pub use elements::{Element, ElementKind};

struct Walk<'l, 'a> {
    lines: &'l [Line<'a>],
    /// Reads a later section's header block (the driver's header and metadata walk).
    read_head: ReadHead,
    source: &'a str,
    /// The station of the banner (`RIO DE JANEIRO`), which page markers write cut to ten
    /// letters (`RIO DE JAN 00000285 002 OF 002`).
    station: Option<&'a str>,
    numbered: bool,
    body: Body<'a>,
    warnings: Vec<Warning>,
    /// The paragraph being read.
    open: Option<usize>,
    /// The line before was blank (or a rule or break): a new block starts.
    after_blank: bool,
    /// Number of the last numbered paragraph.
    previous: Option<u32>,
    pending: Option<Pending>,
    /// The paragraph limit was reached and said so.
    warned_paragraph_limit: bool,
    /// The open paragraph is a marked block of a numbered text (see `piece`): it goes on over
    /// blank lines like a numbered one, until the next number or marked block.
    marked_block_open: bool,
    /// The open paragraph is a table of contents (numbered one-line entries under `SUBJECTS
    /// COVERED IN THIS REPORT:`): it goes on over blank lines while entries come.
    contents_open: bool,
    /// First break not yet assigned to a paragraph's gaps.
    breaks_done: usize,
    /// Offset where the text ends (a glued signature starts after it).
    content_end: u32,
    /// Each later section's header block and its number and count.
    section_blocks: Vec<(Span, Option<crate::model::Section>)>,
    /// The routing of the first later section whose header block is complete (date-time group
    /// and originator): the cable's own when its top has none (partial records, issue 13).
    section_routing: Option<SectionRouting<'a>>,
    /// The next ` OF ` of the text (every page marker glued into a line has one) and the next
    /// `(` (a paragraph number inside a joined line is followed by a marking).
    next_of: marker::Ahead,
    next_paren: marker::Ahead,
}

/// Reads a header and metadata block from `lines[at]` into a cable; returns the line where the
/// body starts. The driver (`crate::walk`) passes its own, so that the body reads a later
/// section's header block without importing the header and metadata walkers.
pub(crate) type ReadHead = for<'x> fn(&[Line<'x>], usize, &mut Cable<'x>) -> usize;

/// Parses the body starting at `lines[start]` into `cable`.
pub(crate) fn parse<'a>(lines: &[Line<'a>], start: usize, cable: &mut Cable<'a>, read_head: ReadHead) {
    let source = cable.source;
    let station =
        cable.banner.as_ref().and_then(|b| b.station).map(|s| s.value).or(cable.page_origin.map(|p| p.0.value));
    let numbered_lines = lines[start.min(lines.len())..]
        .iter()
        .filter(|l| {
            let t = l.trimmed();
            number::written(t).is_some()
                || number::parenthesised(t).is_some()
                || Marking::parse_prefix(t).is_some_and(|(_, n)| number::written(t[n..].trim_start()).is_some())
        })
        .count();
    let mut w = Walk {
        lines,
        read_head,
        source,
        station,
        numbered: numbered_lines > 0,
        // One vector for all paragraphs, sized once (not one allocation per paragraph).
        body: Body { paragraphs: Vec::with_capacity(numbered_lines.max(4) + 2), ..Body::default() },
        // The cable's own warnings, handed back at the end: no second vector.
        warnings: std::mem::take(&mut cable.warnings),
        open: None,
        after_blank: true,
        previous: None,
        pending: None,
        warned_paragraph_limit: false,
        marked_block_open: false,
        contents_open: false,
        breaks_done: 0,
        content_end: source.len() as u32,
        section_routing: None,
        section_blocks: Vec::new(),
        next_of: marker::Ahead::default(),
        next_paren: marker::Ahead::default(),
    };
    let end = w.ending(start);
    let mut i = start;
    while i < end {
        i = w.step(i, end);
    }
    w.flush_pending(None);
    w.assign_gaps(u32::MAX);
    w.repeated_signature();
    passages::find(&mut w.body, source);
    doubt::find(&w.body, w.lines, source, &mut w.warnings);
    w.body.redactions = redactions(source);
    cable.warnings = w.warnings;
    cable.body_parts = w.body;
    cable.body_parts.sections = sections(cable, &w.section_blocks);
    // A partial record whose first section lost its routing lines: the first complete block of a
    // later section gives the date-time group, originator and addressees.
    if let Some(r) = w.section_routing {
        if cable.dtg.is_none() {
            cable.created = cable.created.or(r.dtg.created);
            cable.dtg = Some(r.dtg);
            cable.sender = cable.sender.take().or(r.sender);
            // The top may hold the addressee list's last page only (`PAGE 02 ... 01 OF 07` /
            // `USMISSION USNATO` / ..., 92ZAGREB527): the later block's complete lists win.
            if cable.to.is_empty() && r.info.len() >= cable.info.len() {
                cable.to = r.to;
                cable.info = r.info;
            }
        } else if let (Some(own), Some(theirs)) = (cable.dtg.as_ref().and_then(|d| d.created), r.dtg.created) {
            // Sections of one cable share its date-time group: a different one is worth a look.
            if own != theirs {
                cable.warnings.push(Warning::new(WarningKind::SectionDtgMismatch, r.dtg.span));
            }
        }
    }
}

impl<'l, 'a> Walk<'l, 'a> {
    /// Handles the line at `i` (and the lines a break takes); returns the next line to read.
    fn step(&mut self, i: usize, end: usize) -> usize {
        let line = &self.lines[i];
        // (Most lines have text that opens with no `<`: not blank, without the full test,
        // which also reads `<br>` lines as blank.)
        let visible = line.trimmed();
        if (visible.is_empty() || visible.starts_with('<')) && text::is_blank(line.text) {
            self.blank();
            return i + 1;
        }
        // Breaks, banners and header lines are short; a long line is text (page markers inside
        // it are found by `text_at`).
        let t = line.trimmed();
        if t.len() > 96 && !t.starts_with("PAGE ") {
            self.text_at(i, line.text.len() - t.len());
            return i + 1;
        }
        if let Some(n) = self.section_break(i, end) {
            return n;
        }
        if let Some(b) = pagebreak::page_break_at(self.lines, i) {
            let n = (i + b.lines).min(end);
            let last = &self.lines[n - 1];
            let stop = match b.content_at {
                Some(at) if n == i + b.lines => last.start + at as u32,
                _ => last.span().end,
            };
            let first = line.span_of(line.trimmed()).start;
            self.push_break(BreakKind::Page, Span::new(first, stop), page_number(self.lines, i, b.lines));
            if let (Some(at), true) = (b.content_at, n == i + b.lines) {
                self.text_at(n - 1, at);
            }
            return n;
        }
        self.text_at(i, line.text.len() - line.trimmed().len());
        i + 1
    }

    /// A blank line.
    fn blank(&mut self) {
        self.close_at_blank();
        self.after_blank = true;
    }

    /// Unnumbered paragraphs end at a blank line; a numbered one goes on until the next number
    /// (its sub-items and quotations are separated by blank lines).
    fn close_at_blank(&mut self) {
        let numbered_open = self.marked_block_open
            || self.contents_open
            || self.open.and_then(|o| self.body.paragraphs.get(o)).is_some_and(|p| p.number.is_some());
        if !numbered_open {
            self.close();
        }
    }

    /// Records a break; it interrupts the open paragraph if the text goes on after it.
    fn push_break(&mut self, kind: BreakKind, span: Span, page: Option<u32>) {
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
    /// page markers inside it (pages whose lines were joined) are cut out as breaks.
    fn text_at(&mut self, i: usize, at: usize) {
        let line = self.lines[i];
        let mut end = line.text.len();
        if line.start + end as u32 > self.content_end {
            end = (self.content_end.saturating_sub(line.start) as usize).max(at);
        }
        let mut from = at;
        let source = self.source.as_bytes();
        let abs = |from: usize| (line.start as usize + from, line.start as usize + end);
        while self.next_of.holds(source, abs(from), 4, marker::find_of) {
            let Some((ms, me, page)) = inline_marker(&line.text[from..end], self.station) else { break };
            self.piece(i, from, from + ms);
            let span = Span::new(line.start + (from + ms) as u32, line.start + (from + me) as u32);
            self.push_break(BreakKind::Page, span, page);
            self.after_blank = false;
            from += me;
        }
        if scan::trim_start_space(&line.text[from..end]).is_empty() && from > at {
            return;
        }
        // `... along those lines. 6.(S) Embassy Comment: ...`: the next paragraph starts inside
        // a joined line.
        // (Each split's segment becomes the expected number when it is read, so the next split
        // looks for the one after it.)
        // (A line that opens with the expected number, or with the first one, is that
        // paragraph: look for the one after it.)
        let opening = number::written(line.text[from..end].trim_start()).map(|w| w.value);
        let mut expected = match (self.previous, opening) {
            _ if !self.numbered => None,
            (Some(p), Some(w)) if w == p + 1 => Some(w + 1),
            (Some(p), _) => Some(p + 1),
            (None, Some(w)) => Some(w + 1),
            (None, None) => None,
        };
        while let Some(next) = expected {
            if !self.next_paren.holds(source, abs(from), 1, |h| memchr::memchr(b'(', h)) {
                break;
            }
            let Some(n) = inline_paragraph_number(&line.text[from..end], next) else { break };
            let cut = from + scan::trim_end_space(&line.text[from..from + n]).len();
            self.piece(i, from, cut);
            self.after_blank = false;
            from += n;
            expected = Some(next + 1);
        }
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
        self.piece(i, from, end);
    }

    /// The text `at..end` of line `i`: a numbered paragraph, a rule, a caption, or text of the
    /// open paragraph.
    fn piece(&mut self, i: usize, at: usize, end: usize) {
        let line = self.lines[i];
        let t = &line.text[at..end];
        let t_trim = scan::trim(t);
        if t_trim.is_empty() {
            if at == 0 || end == line.text.len() {
                self.blank();
            }
            return;
        }
        let start = line.start + (at + t.len() - scan::trim_start_space(t).len()) as u32;
        // `... ESSENTIALLY, A  CONFIDENTIAL` / `PAGE 04 HARARE ...`: a partial record glues the
        // page-foot classification to the end of the line before the page banner.
        let (t_trim, glued) =
            if end == line.text.len() { split_glued_classification(self.lines, i, t_trim) } else { (t_trim, None) };
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
        if self.contents_open || self.pending_contents_caption() {
            // (An entry takes one line: `1.  (S/NF) This telegram replaces Ref A ...` under
            // `SUMMARY AND TABLE OF CONTENTS`, 09STATE119085, is paragraph 1.)
            let one_line = end == line.span().end
                && self.lines.get(i + 1).is_none_or(|l| text::is_blank(l.text) || contents_entry(l.trimmed()));
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
        if let Some(w) = number::written(numbered_text)
            .or_else(|| number::glued(numbered_text, self.previous))
            .or_else(|| number::odd(numbered_text, self.previous))
            .or_else(|| number::parenthesised(numbered_text))
        {
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
            let alone = numbered_text[w.len..].trim().is_empty();
            let mid_sentence = !self.after_blank
                && (alone || matches!(fit, number::Fit::Skipped | number::Fit::Unordered | number::Fit::Recovered(_)))
                && i > 0
                && ends_in_a_wrap(text::clean_line(self.lines[i - 1].text), alone);
            if (fit != number::Fit::Inner && !mid_sentence) || self.open.is_none() {
                // A number line framed by rules is the paragraph's title (`------------` /
                // `1.  Mideast:` / `------------`, the sections of Tel Aviv's media reaction
                // reports, 04TELAVIV6071): its words are the heading, the text starts below.
                let framed_title = end == line.span().end
                    && numbered_text.len() - w.len <= 60
                    && !ends_sentence(&numbered_text[w.len..])
                    && self.pending.is_some_and(|p| p.ruled && p.first_caption.is_none())
                    && self.lines.get(i + 1).is_some_and(|l| is_rule(l.trimmed()));
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
        let wrapped_rule = is_separator(t_trim) && i > 0 && is_rule(self.lines[i - 1].trimmed());
        if (text::cleans_to_nothing(t_trim) || is_separator(t_trim))
            && !wrapped_rule
            && self.pending.is_none_or(|p| p.first_caption.is_none())
        {
            // A teletype paragraph separator or `SIPDIS` between paragraphs.
            self.blank();
            return;
        }
        if wrapped_rule || is_rule(t_trim) {
            let p = self.pending.get_or_insert(Pending::default());
            p.ruled = true;
            // A rule under the captions, before any break: they are framed.
            p.framed |= p.first_caption.is_some() && !p.bad;
            self.after_blank = true;
            return;
        }
        // `-- US USE OF SPANISH BASES --` after a blank line: a caption framed by dashes on its
        // own line (07MADRID911, 03OTTAWA619), not a `--` sub-item; the dashes stay out of it.
        if let Some((a, b)) = dashed_caption(t_trim).filter(|_| self.after_blank) {
            if let Some(p) = self.pending.take().filter(|p| p.first_caption.is_some()) {
                // A second caption block: the first was text.
                self.captions_as_text(p);
                self.close_at_blank();
            }
            let (from, to) = (start + a as u32, start + b as u32);
            self.pending = Some(Pending {
                first_caption: Some((from, to)),
                captions: 1,
                ruled: true,
                framed: true,
                ..Pending::default()
            });
            self.after_blank = false;
            self.glued_break(i, glued, end);
            return;
        }
        // A caption underlined by a rule on the next line needs no blank line above it.
        let underlined = end == line.span().end && self.lines.get(i + 1).is_some_and(|l| is_rule(l.trimmed()));
        // Between two rules, a caption may end in punctuation (`Comment: "What, Won't Haggle?"`,
        // `Saleh Promises No New MANPADS...`).
        // A framed caption may take two lines (`POPE ACKNOWLEDGES 1915 SUFFERING OF TURKISH
        // ARMENIANS;` / `DOES NOT MENTION GENOCIDE`, 01VATICAN1286).
        // Looks two lines ahead, so it is only asked where it can matter (most lines are text).
        let rule_below = || {
            underlined
                || (end == line.span().end
                    && self.lines.get(i + 1).is_some_and(|l| !text::is_blank(l.text))
                    // A footnote is no caption (`*Ratio equals average leads per company` /
                    // `Attendance` / `----------` in 04TAIPEI3110 underlines only the second line).
                    && !t_trim.starts_with('*')
                    && self.lines.get(i + 2).is_some_and(|l| is_rule(l.trimmed())))
        };
        let framed = self.pending.is_some_and(|p| p.ruled && p.first_caption.is_none()) && rule_below();
        // A short line after a blank line with text right below it is the first line of a
        // block, not a caption (`Israel Radio reported that, commenting on reports from` /
        // `Cairo, Deputy State Department Spokesman ...` below the framed `Key stories in the
        // media:`, 04TELAVIV6232): the caption before it keeps its claim to the block.
        // (A caption takes three lines at most: the block is prose when a line that reads as
        // no caption, or a fourth line, comes before its end, a blank line or a rule.)
        let runs_on = || {
            end == line.span().end
                && self.lines[i + 1..]
                    .iter()
                    .take(3)
                    .map(|l| l.trimmed())
                    .find(|next| !could_be_heading(next) || is_rule(next))
                    .is_none_or(|next| {
                        !next.is_empty()
                            && !is_rule(next)
                            // (A number or a marking opens a paragraph: `COMMENT` / `6.(C) After
                            // months ...`, 04MANAMA448.)
                            && number::written(next).is_none()
                            && !next.split_once('.').is_some_and(|(n, _)| n.len() <= 2 && scan::is_digits(n))
                            && Marking::parse_prefix(next).is_none()
                            && !text::cleans_to_nothing(next)
                    })
                && self.lines.len() > i + 1
        };
        // (`xxxxxxxxxxxx` / `Cash Couriers Continue to Be Problematic` / rule, 07KUWAIT808: the
        // site's redaction of a name opens an underlined caption; it stands for a capitalised
        // word. Not above a blank line: a redacted name ends many lists of participants.)
        let redacted_caption = || {
            let rest = t_trim.trim_start_matches('x');
            t_trim.len() - rest.len() >= 4 && rest.len() <= 100 && !ends_sentence(rest) && rule_below()
        };
        // (`II.  "The British Are Here, With Arafat's Approval"` above a quoted column, the block
        // quotes of Tel Aviv's media reaction reports without paragraph numbers, 04TELAVIV1644:
        // a numbered title, not a sub-item.)
        let roman_title = || !self.numbered && self.after_blank && roman_quoted_title(t_trim) && !runs_on();
        let caption = ((self.after_blank || underlined)
            && (could_be_heading(t_trim) || redacted_caption())
            && (underlined || !runs_on()))
            || roman_title()
            || ruled_caption(t_trim)
            || ((framed || underlined || (self.after_blank && !ends_sentence(t_trim) && rule_below()))
                && loose_caption(t_trim));
        let caption_goes_on = !self.after_blank
            && self.pending.is_some_and(|p| p.first_caption.is_some() && p.captions < 3 && !p.bad)
            // `SIPDIS` stamped inside a framed heading (00HARARE6677); the rest of a framed
            // caption broken at the width, whatever it reads like (`Regulatory and oversight
            // arrangements between EU member` / `states` / rule, 04FRANKFURT3169).
            && (could_be_heading(t_trim)
                || text::cleans_to_nothing(t_trim)
                || self.pending.is_some_and(|p| p.two_lines && p.captions == 1 && rule_below_next(self.lines, i)));
        // A caption after a blank line, or an underlined one without a rule above the captions
        // before it (`*Ratio equals ...` / `Attendance` / `-----`), starts a new caption block.
        // A heading of two lines, each underlined (`A FIFTY PERCENT CHANCE OF BEING FRANCE'S` /
        // rule / `NEXT PRESIDENT` / rule, 06PARIS7424): the second line goes on with the first
        // when the first is a caption of its own block, long enough to have been broken at the
        // width (not `HOT ISSUES` / rule / `ISPAT ISCOR Looks for ...`, a section and its topic),
        // and no sentence (`... END SUMMARY.` above the rule that frames the next heading).
        let second_underlined = underlined
            && i >= 3
            && is_rule(self.lines[i - 1].trimmed())
            && text::is_blank(self.lines[i - 3].text)
            && self.pending.is_some_and(|p| {
                p.captions == 1
                    && !p.bad
                    && p.first_caption.is_some_and(|c| {
                        let first = Span::new(c.0, c.1).slice(self.source);
                        c.1 == self.lines[i - 2].span().end && first.len() >= 30 && could_be_heading(first)
                    })
            });
        // Without paragraph numbers, a caption below framed captions is the first line of the
        // text they head (`Summary:` under `Mideast:`).
        if caption
            && !self.numbered
            && i > 0
            && text::is_blank(self.lines[i - 1].text)
            // (A numbered title heads its own block: `Block Quotes:` / `I.  "Going to Gaza"`.)
            && !roman_quoted_title(t_trim)
            && self.pending.is_some_and(|p| {
                p.framed
                    && !p.bad
                    && p.sub.is_none()
                    && p.first_caption.is_some_and(|(a, b)| is_clean_caption(Span::new(a, b).slice(self.source).trim()))
            })
        {
            if let Some(p) = &mut self.pending {
                p.sub = Some((start, end));
            }
            self.after_blank = false;
            self.glued_break(i, glued, end);
            return;
        }
        if caption
            && !second_underlined
            && self.pending.is_some_and(|p| {
                p.first_caption.is_some() && (self.after_blank || (underlined && !p.ruled && !p.two_lines))
            })
        {
            // A second caption block: the first was text.
            let p = self.pending.take().expect("checked");
            self.pending = Some(Pending { ruled: p.ruled && p.first_caption.is_none(), ..Pending::default() });
            self.captions_as_text(p);
            // The blank line between the blocks ends the paragraph the first one became
            // (`Dated 2/23/2004` / blank / `The Ministry of Foreign Affairs of the Kingdom of
            // Bahrain` / `presents its compliments ...`, 04MANAMA280: two paragraphs).
            // (A blank line, not a rule: `CONTENTS` framed, then its entries, 05MAPUTO1, stay
            // one block.)
            if i > 0 && text::is_blank(self.lines[i - 1].text) {
                self.close_at_blank();
            }
        }
        if caption || caption_goes_on {
            let p = self.pending.get_or_insert(Pending::default());
            match &mut p.first_caption {
                Some(c) => c.1 = end,
                None => {
                    p.first_caption = Some((start, end));
                    p.two_lines = !underlined && rule_below();
                }
            }
            p.captions += 1;
            // (A numbered title is a heading at any length, as a ruled caption is.)
            p.ruled |= ruled_caption(t_trim) || (!self.numbered && roman_quoted_title(t_trim));
            self.after_blank = false;
            self.glued_break(i, glued, end);
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

    /// Records the break that a glued classification starts at the end of line `i`.
    fn glued_break(&mut self, i: usize, glued: Option<usize>, text_end: u32) {
        let Some(_) = glued else { return };
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

/// The caption between the dashes of `-- AFGHANISTAN --` (offsets in `t`): dashes at both
/// ends, a short caption in between.
fn dashed_caption(t: &str) -> Option<(usize, usize)> {
    if !t.starts_with("- ") && !t.starts_with("-- ") && !t.starts_with("--- ") {
        return None;
    }
    let inner = t.trim_start_matches('-');
    let inner_end = t.trim_end_matches('-');
    if inner_end.len() == t.len() || !inner_end.ends_with(' ') || inner.len() <= t.len() - inner_end.len() {
        return None;
    }
    let a = t.len() - inner.trim_start().len();
    let b = inner_end.trim_end().len();
    let caption = &t[a..b.max(a)];
    // (Not a handling line: `-- SENSITIVE BUT UNCLASSIFIED. PROTECT ACCORDINGLY --`, 04PRAGUE1859.)
    (b > a && caption.len() <= 70 && could_be_heading(caption) && is_clean_caption(caption)).then_some((a, b))
}

/// `II.  "Child Sacrifice"`: a roman numeral and a quoted title, nothing else.
fn roman_quoted_title(t: &str) -> bool {
    let Some((numeral, rest)) = t.split_once(". ") else { return false };
    let rest = rest.trim();
    !numeral.is_empty()
        && numeral.len() <= 4
        && numeral.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && rest.len() <= 80
        && rest.starts_with(['"', '\u{201c}'])
        && rest.ends_with(['"', '\u{201d}'])
}

/// An entry of a table of contents: a paragraph number and a short title without a sentence's
/// end (`1.  Mideast`, `2.  Syrian-Lebanese Track`).
fn contents_entry(t: &str) -> bool {
    number::written(t).is_some_and(|w| {
        let title = text::clean_line(&t[w.len..]);
        !title.is_empty()
            && title.len() <= 80
            && !ends_sentence(title)
            && !title.ends_with(':')
            && Marking::parse_prefix(title).is_none()
    })
}

/// The line before ends inside a sentence, or (before a number alone) inside a word broken at
/// a hyphen (`EU-` / `15.`).
fn ends_in_a_wrap(before: &str, alone: bool) -> bool {
    let hyphen_broken = || {
        let b = before.as_bytes();
        b.len() >= 2 && b[b.len() - 1] == b'-' && b[b.len() - 2].is_ascii_alphanumeric()
    };
    text::ends_mid_sentence(before) || (alone && hyphen_broken())
}

impl<'l, 'a> Walk<'l, 'a> {
    /// The open paragraph's text so far (up to `end`, its number line) is its heading.
    fn title_as_heading(&mut self, end: u32) {
        if let Some(p) = self.open.and_then(|o| self.body.paragraphs.get_mut(o)) {
            if p.heading.is_none() && p.text_span.start < p.text_span.end {
                p.heading = Some(p.text_span);
                p.text_span = Span::new(end, end);
            }
        }
    }

    /// The pending caption introduces a table of contents (`SUBJECTS COVERED IN THIS REPORT:`,
    /// `CONTENTS`, `IN THIS ISSUE`).
    fn pending_contents_caption(&self) -> bool {
        let Some((from, to)) = self.pending.and_then(|p| p.first_caption) else { return false };
        let caption = Span::new(from, to).slice(self.source);
        ["SUBJECTS COVERED", "CONTENTS", "IN THIS ISSUE", "IN THIS REPORT", "TOPICS COVERED"]
            .iter()
            .any(|w| scan::find_ci(caption, w).is_some())
    }

    /// Whether `t` opens with a letter that goes on the open paragraph's list of lettered
    /// items (`(C) THE FINDINGS ...` after `(A)` and `(B)`, 85TOKYO364; after `B)`, 05PARIS196):
    /// a label, not a marking.
    fn continues_labels(&self, t: &str) -> bool {
        let Some(&[b'(', letter, b')']) = t.as_bytes().get(..3) else { return false };
        let Some(p) = self.open.and_then(|o| self.body.paragraphs.get(o)) else { return false };
        let Some(previous) = letter.checked_sub(1) else { return false };
        // `(B)`, or `B)` after a space or at a line start (05PARIS196's `B) SUMMARY OF ...`).
        let text = p.span.slice(self.source).as_bytes();
        memchr::memmem::find_iter(text, &[previous, b')'])
            .any(|at| at == 0 || matches!(text[at - 1], b'(' | b' ' | b'\n' | b'\t'))
    }
}

/// Whether the line after line `i` is a rule (the frame under a caption's second line).
fn rule_below_next(lines: &[Line<'_>], i: usize) -> bool {
    lines.get(i + 1).is_some_and(|l| is_rule(l.trimmed()))
}

/// A line that opens with a portion marking and then a sentence or a caption (`(U)
/// Communications ...`, `(SBU) MARTIN TORRIJOS: ...`), not a wrapped field (`(U) CLASSIFIED BY`).
fn opens_with_marking(t: &str) -> bool {
    let Some((_, n)) = Marking::parse_prefix(t) else { return false };
    let rest = scan::trim_start_space(&t[n..]);
    rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201c}')
        && scan::strip_prefix_ci(rest, "CLASSIFIED").is_none()
}

impl<'a> Cable<'a> {
    /// The signers: the names of the signature, split (`KEEGAN PAAL` → `KEEGAN`, `PAAL`).
    pub fn signers(&self) -> Vec<&'a str> {
        self.body_parts.signature.map(|s| signature::signers(s.value)).unwrap_or_default()
    }

    /// Every byte of the input, as elements in text order: header lines, metadata fields,
    /// paragraphs, headings, rules, breaks, blank runs, signature, trailer, unrecognised
    /// lines. Their spans tile the input: concatenated, they give it back exactly.
    ///
    /// ```
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
    /// let cable = cable_core::parse(&text)?;
    /// let joined: String = cable.elements().iter().map(|e| cable.text_of(e.span)).collect();
    /// assert_eq!(joined, text);
    /// # Ok::<(), cable_core::ParseError>(())
    /// ```
    pub fn elements(&self) -> Vec<Element> {
        elements::tile(self)
    }
}

#[cfg(test)]
mod tests;
