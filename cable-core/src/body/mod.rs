//! The text of the cable after the metadata block: paragraphs with their numbers, portion
//! markings and headings, page and section breaks, summary, comment, action request, inline
//! notes, signature, trailer and redactions.
//!
//! [`parse`] walks the body's lines once, left to right, and records spans only: a paragraph
//! is its number, marking, heading and the span of its text plus the breaks cut out of it.
//! Cleaned text, sub-items, signers and the lossless element list are computed on access, so
//! parsing copies no text and allocates a handful of vectors per cable, not one per paragraph.

pub(crate) mod doubt;
pub(crate) mod elements;
pub(crate) mod number;
pub(crate) mod passages;
pub(crate) mod signature;

use crate::classification::Marking;
use crate::lines::Line;
use crate::model::{Body, Break, BreakKind, Cable, Paragraph, Passage, PassageKind, TextSection};
use crate::scan;
use crate::shape::banner;
use crate::shape::pagebreak;
use crate::shape::routing::{is_strong_header_line, partial_control_line};
use crate::shape::rule::{is_rule, is_separator};
use crate::span::Span;
use crate::spanned::Spanned;
use crate::text;
use crate::warning::{Warning, WarningKind};

pub use elements::{Element, ElementKind};

/// Rules and caption lines met after the text of a paragraph: a heading if a paragraph
/// follows, text otherwise.
#[derive(Debug, Clone, Copy, Default)]
struct Pending {
    /// Span of the caption lines (start of the first, end of the last).
    first_caption: Option<(u32, u32)>,
    /// Number of caption lines.
    captions: u32,
    /// A break came after the first caption line: the caption ends there (and stays a heading
    /// only if it reads as one, see [`is_clean_caption`]).
    bad: bool,
    /// That break was a section's header: the caption was the end of the section before it
    /// (`SUBJECT: ... FOR` / `DOHA`, 01VATICAN5650), no heading.
    section_break: bool,
    /// The captions had a rule above or below them.
    ruled: bool,
    /// The first caption line had the rule two lines below it: the next line belongs to it.
    two_lines: bool,
}

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
    /// First break not yet assigned to a paragraph's gaps.
    breaks_done: usize,
    /// Offset where the text ends (a glued signature starts after it).
    content_end: u32,
    /// Each later section's header block and its number and count.
    section_blocks: Vec<(Span, Option<crate::model::Section>)>,
    /// The routing of the first later section whose header block is complete (date-time group
    /// and originator): the cable's own when its top has none (partial records, issue 13).
    section_routing: Option<SectionRouting<'a>>,
}

/// The routing lines of a later section's header block.
struct SectionRouting<'a> {
    dtg: crate::model::DateTimeGroup<'a>,
    sender: Option<crate::spanned::Spanned<&'a str>>,
    to: Vec<crate::model::Recipient<'a>>,
    info: Vec<crate::model::Recipient<'a>>,
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
        breaks_done: 0,
        content_end: source.len() as u32,
        section_routing: None,
        section_blocks: Vec::new(),
    };
    let end = w.ending(start);
    let mut i = start;
    while i < end {
        i = w.step(i, end);
    }
    w.flush_pending(None);
    w.assign_gaps(u32::MAX);
    passages::find(&mut w.body, source);
    doubt::find(&w.body, source, &mut w.warnings);
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
            if cable.to.is_empty() && cable.info.is_empty() {
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

/// The end of a section's transmission in partial records: `NNNN`, `NNNNPTQ8737`, the archive's
/// `@@@OASYS@@@` and `PTQ6056` lines.
fn is_transmission_end(t: &str) -> bool {
    t.starts_with("NNNN") || t.starts_with("@@@OASYS") || t.strip_prefix("PTQ").is_some_and(scan::is_digits)
}

/// The section a partial record's page banner names: `PAGE 01 VATICA 00283 02 OF 05 241034Z`
/// → section 2 of 5.
fn page_banner_section(line: &str) -> Option<crate::model::Section> {
    let (number, total) = pagebreak::page_banner(line)?.section?;
    (number >= 1 && number <= total).then_some(crate::model::Section { number, total: Some(total) })
}

/// The sections of the text: the first up to the first later header block, then one per block.
/// None when the text holds no later block (a page's text runs its sections together under the
/// first banner; only the banner's `section` says which it is).
fn sections(cable: &Cable<'_>, blocks: &[(Span, Option<crate::model::Section>)]) -> Vec<TextSection> {
    let first = cable.section;
    if blocks.is_empty() {
        return Vec::new();
    }
    let end = cable.source.len() as u32;
    let mut out = Vec::with_capacity(blocks.len() + 1);
    let first_end = blocks.first().map_or(end, |b| b.0.start);
    out.push(TextSection {
        number: first.map(|s| s.number).or(Some(1)),
        total: first.and_then(|s| s.total).or(blocks.iter().find_map(|b| b.1.and_then(|s| s.total))),
        span: Span::new(0, first_end),
        header_span: Span::new(0, cable.body.start.min(first_end)),
    });
    for (k, (block, section)) in blocks.iter().enumerate() {
        let next = blocks.get(k + 1).map_or(end, |b| b.0.start);
        out.push(TextSection {
            number: section.map(|s| s.number),
            total: section.and_then(|s| s.total),
            span: Span::new(block.start, next),
            header_span: *block,
        });
    }
    out
}

/// Closing words of the text that a signature may follow on the next line.
const CLOSINGS: &[&str] = &["END COMMENT", "END SUMMARY", "END NOTE", "END OF CABLE"];

impl<'l, 'a> Walk<'l, 'a> {
    /// Finds the signature and the trailer at the end; returns the index of the first line
    /// after the text.
    fn ending(&mut self, start: usize) -> usize {
        let lines = self.lines;
        let mut k = lines.len();
        let mut trailer_from = k;
        while k > start {
            let t = lines[k - 1].text;
            if text::is_blank(t) {
                k -= 1;
            } else if signature::is_trailer_line(t) {
                k -= 1;
                trailer_from = k;
            } else {
                break;
            }
        }
        if k == start {
            self.push_trailer(trailer_from);
            return k;
        }
        let last = &lines[k - 1];
        let mut t = text::clean_line(last.trimmed());
        // `MINIMIZE CONSIDERED SHANNON`.
        let mut closing = None;
        if let Some(rest) = scan::strip_prefix_ci(t, "MINIMIZE CONSIDERED") {
            if rest.starts_with(' ') {
                closing = Some(last.span_of(&t[..t.len() - rest.len()]));
                t = scan::trim(rest);
            }
        }
        // `MCNAMARA.`, `HORAN##`: a lone name in capitals with a full stop or end marks after it.
        let bare = t.trim_end_matches(['.', '#']);
        let mut end_marks = None;
        if bare.len() < t.len() && bare.len() >= 3 && scan::is_upper_alpha(bare) {
            // The marks are a trailer of their own, so that the elements still tile the line.
            end_marks = Some(last.span_of(&t[bare.len()..]));
            t = bare;
        }
        let separated = k - 1 == start || {
            let prev = text::clean_line(lines[k - 2].text);
            prev.is_empty()
                || prev.ends_with(['.', '!', '?', ':', ';', '"', ')', '\'', '\u{201d}', '\u{2019}'])
                || signature::is_trailer_line(prev)
                || is_rule(prev)
                // `... CONFLICT.  END COMMENT` / `PALMER` (04TEGUCIGALPA56), `END OF CABLE` /
                // `TALBOTT` (00STATE228771), the website line of Paris cables (06PARIS4247). (An
                // empty page's banner before it, 95ZAGREB2174, is a trailer line.)
                || CLOSINGS.iter().any(|e| scan::ends_with_ci(prev, e))
                || prev.contains("://")
        };
        if separated && signature::is_signature_line(t) && number::written(t).is_none() {
            self.body.signature = Some(Spanned::new(t, last.span_of(t)));
            // `MINIMIZE CONSIDERED` before the name is a closing line of its own.
            self.body.trailer.extend(closing);
            self.body.trailer.extend(end_marks);
            // Trailer lines between the text and the signature (`GP-3`).
            let mut j = k - 1;
            while j > start && (text::is_blank(lines[j - 1].text) || signature::is_trailer_line(lines[j - 1].text)) {
                j -= 1;
            }
            let mut before = j;
            while before < k - 1 && text::is_blank(lines[before].text) {
                before += 1;
            }
            for l in &lines[before..k - 1] {
                if !text::is_blank(l.text) {
                    self.body.trailer.push(l.span_of(l.trimmed()));
                }
            }
            self.push_trailer(trailer_from);
            return j;
        }
        // `... RIO DE JAN 00000285 002 OF 002 HEARNE`: the signature after a page marker.
        let mut from = 0;
        while let Some((_, me, _)) = inline_marker(&last.text[from..], self.station) {
            from += me;
        }
        let after = scan::trim(&last.text[from..]);
        if from > 0 && signature::is_signature_line(after) {
            self.body.signature = Some(Spanned::new(after, last.span_of(after)));
            self.content_end = last.start + from as u32;
            self.push_trailer(trailer_from);
            return k;
        }
        if let Some(at) = signature::glued_signature(last.text) {
            let name = &last.text[at..];
            self.body.signature = Some(Spanned::new(name, last.span_of(name)));
            let before = last.text[..at].trim_end_matches(scan::is_space);
            self.content_end = last.start + before.len() as u32;
        }
        self.push_trailer(trailer_from);
        k
    }

    fn push_trailer(&mut self, from: usize) {
        for l in &self.lines[from..] {
            if !text::is_blank(l.text) {
                self.body.trailer.push(l.span_of(l.trimmed()));
            }
        }
    }

    /// Handles the line at `i` (and the lines a break takes); returns the next line to read.
    fn step(&mut self, i: usize, end: usize) -> usize {
        let line = &self.lines[i];
        if text::is_blank(line.text) {
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
        // Unnumbered paragraphs end at a blank line; a numbered one goes on until the next
        // number (its sub-items and quotations are separated by blank lines).
        let numbered_open = self.open.and_then(|o| self.body.paragraphs.get(o)).is_some_and(|p| p.number.is_some());
        if !numbered_open {
            self.close();
        }
        self.after_blank = true;
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

    /// Recognises the repeated header of a later section (partial records) at line `i`.
    fn section_break(&mut self, i: usize, end: usize) -> Option<usize> {
        let t = self.lines[i].trimmed();
        // Header and banner lines are short and start with an upper-case letter or a digit.
        if t.len() > 80 || !t.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            return None;
        }
        let trigger = |t: &str| {
            is_strong_header_line(t)
                || partial_control_line(t)
                || pagebreak::page_banner(t).is_some_and(|b| b.page == 1)
                || ((t.contains("SECTION") || t.contains("section"))
                    && banner::parse(t).is_some_and(|b| b.section.is_some_and(|s| s.number > 1)))
        };
        // Header, banner and control lines end in a digit or the `Z` of a time (`ZNY CCCCC ZZH`
        // aside): a cheap test before the parsers.
        let header_like = |t: &str| t.ends_with(|c: char| c.is_ascii_digit() || c == 'Z') || t.starts_with("ZN");
        let mut starts = header_like(t) && trigger(t);
        let lone = !starts && (pagebreak::is_lone_classification(t) || is_transmission_end(t));
        let mut at = i;
        if lone {
            // The classification line at the foot of the last page of the section before, and the
            // end of its transmission (`NNNNPTQ8737`, `NNNN` / `@@@OASYS@@@` / `PTQ6056`): the
            // block starts at the first other line.
            let next = self.lines[i + 1..end.min(i + 40)]
                .iter()
                .position(|l| {
                    !l.is_blank()
                        && !is_transmission_end(l.trimmed())
                        && !pagebreak::is_lone_classification(l.trimmed())
                })
                .map(|k| i + 1 + k);
            if let Some(k) = next.filter(|&k| header_like(self.lines[k].trimmed()) && trigger(self.lines[k].trimmed()))
            {
                starts = true;
                at = k;
            }
        }
        if !starts {
            return None;
        }
        let mut scratch = Cable::empty(self.source);
        let block_at = at;
        let stop = (self.read_head)(&self.lines[..end], at, &mut scratch);
        // `1. (U) Classified by` opens a section's text: the meta parser stops before it.
        let mut last = stop;
        while last > i && self.lines[last - 1].is_blank() {
            last -= 1;
        }
        if last <= block_at {
            return None;
        }
        let first = self.lines[i].span_of(t).start;
        let span = Span::new(first, self.lines[last - 1].span().end);
        let page = self.lines[i..last].iter().find_map(|l| pagebreak::page_banner(l.trimmed())).map(|b| b.page);
        self.push_break(BreakKind::Section, span, page);
        // (The break may have merged with a page break right before it: its span is the block's.)
        let block = self.body.breaks.last().map_or(span, |b| b.span);
        let section =
            scratch.section.or_else(|| self.lines[i..last].iter().find_map(|l| page_banner_section(l.trimmed())));
        self.section_blocks.push((block, section));
        if let Some(dtg) = scratch.dtg.take().filter(|d| d.created.is_some() && scratch.sender.is_some()) {
            self.section_routing.get_or_insert(SectionRouting {
                dtg,
                sender: scratch.sender.take(),
                to: std::mem::take(&mut scratch.to),
                info: std::mem::take(&mut scratch.info),
            });
        }
        Some(last)
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
        while let Some((ms, me, page)) = inline_marker(&line.text[from..end], self.station) {
            self.piece(i, from, from + ms);
            let span = Span::new(line.start + (from + ms) as u32, line.start + (from + me) as u32);
            self.push_break(BreakKind::Page, span, page);
            self.after_blank = false;
            from += me;
        }
        if line.text[from..end].trim_start_matches(scan::is_space).is_empty() && from > at {
            return;
        }
        // `... in Georgia and Ukraine. Concerns about Russia -----`: the heading of the next
        // paragraph at the end of a joined line.
        if let Some(c) = trailing_caption(&line.text[from..end]) {
            let head_end = from + line.text[from..from + c].trim_end_matches(scan::is_space).len();
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
        let start = line.start + (at + t.len() - t.trim_start_matches(scan::is_space).len()) as u32;
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
        if let Some(w) = number::written(numbered_text)
            .or_else(|| number::glued(numbered_text, self.previous))
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
            let mid_sentence = !self.after_blank
                && matches!(fit, number::Fit::Skipped | number::Fit::Unordered | number::Fit::Recovered(_))
                && i > 0
                && text::ends_mid_sentence(text::clean_line(self.lines[i - 1].text));
            if (fit != number::Fit::Inner && !mid_sentence) || self.open.is_none() {
                self.numbered_paragraph(numbered_text, numbered_start, end, w, fit, pre.map(|m| (m, start)));
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
            self.pending.get_or_insert(Pending::default()).ruled = true;
            self.after_blank = true;
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
        let caption = ((self.after_blank || underlined) && could_be_heading(t_trim))
            || ruled_caption(t_trim)
            || ((framed || underlined || (self.after_blank && !ends_sentence(t_trim) && rule_below()))
                && loose_caption(t_trim));
        let caption_goes_on = !self.after_blank
            && self.pending.is_some_and(|p| p.first_caption.is_some() && p.captions < 3 && !p.bad)
            // `SIPDIS` stamped inside a framed heading (00HARARE6677).
            && (could_be_heading(t_trim) || text::cleans_to_nothing(t_trim)); // A caption after a blank line, or an underlined one without a rule above the captions
        // before it (`*Ratio equals ...` / `Attendance` / `-----`), starts a new caption block.
        if caption
            && self.pending.is_some_and(|p| {
                p.first_caption.is_some() && (self.after_blank || (underlined && !p.ruled && !p.two_lines))
            })
        {
            // A second caption block: the first was text.
            let p = self.pending.take().expect("checked");
            self.pending = Some(Pending { ruled: p.ruled && p.first_caption.is_none(), ..Pending::default() });
            self.captions_as_text(p);
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
            p.ruled |= ruled_caption(t_trim);
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
        if self.open.is_some() && (self.numbered || same_block) {
            self.continue_open(end);
        } else {
            self.unnumbered_paragraph(t_trim, start, end);
        }
        self.after_blank = false;
        self.glued_break(i, glued, end);
    }

    /// Records the break that a glued classification starts at the end of line `i`.
    fn glued_break(&mut self, i: usize, glued: Option<usize>, text_end: u32) {
        let Some(_) = glued else { return };
        let line = self.lines[i];
        let rest = &self.source[text_end as usize..line.span().end as usize];
        let word = rest.trim_start_matches(scan::is_space);
        let start = line.span().end - word.len() as u32;
        // The banner line is handled as a page break when the walk reaches it; the glued
        // classification is its own page break.
        self.push_break(BreakKind::Page, Span::new(start, line.span().end), None);
        self.after_blank = false;
    }

    /// A numbered paragraph; `pre` is a marking written before the number, and where it starts.
    fn numbered_paragraph(
        &mut self,
        t: &'a str,
        start: u32,
        end: u32,
        w: number::Written,
        fit: number::Fit,
        pre: Option<(Marking<'a>, u32)>,
    ) {
        let heading = self.flush_pending(Some(start));
        let written = Span::new(start, start + w.len as u32);
        let number = match fit {
            number::Fit::Recovered(n) => {
                self.warnings.push(Warning::new(WarningKind::RecoveredParagraphNumber, written));
                n
            }
            number::Fit::Duplicate => {
                self.warnings.push(Warning::new(WarningKind::DuplicateParagraphNumber, written));
                w.value
            }
            number::Fit::Unordered => {
                self.warnings.push(Warning::new(WarningKind::UnorderedParagraphNumber, written));
                w.value
            }
            number::Fit::Skipped if self.previous.is_some() => {
                self.warnings.push(Warning::new(WarningKind::SkippedParagraphNumber, written));
                w.value
            }
            _ => w.value,
        };
        self.previous = Some(number);
        let rest = &t[w.len..];
        let (mut marking, text_start) = marking_and_text(rest);
        let text_start = start + (w.len + text_start) as u32;
        let mut first = start;
        if let Some((m, at)) = pre {
            marking = marking.or(Some(m));
            first = at;
        }
        self.open_paragraph(Paragraph {
            source: self.source,
            span: Span::new(first, end),
            text_span: Span::new(text_start.min(end), end),
            number: Some(number),
            written: Some(written),
            marking,
            heading,
            gaps: Vec::new(),
        });
    }

    fn unnumbered_paragraph(&mut self, t: &'a str, start: u32, end: u32) {
        let heading = self.flush_pending(Some(start));
        let (marking, text_start) = marking_and_text(t);
        let text_start = start + text_start as u32;
        self.open_paragraph(Paragraph {
            source: self.source,
            span: Span::new(start, end),
            text_span: Span::new(text_start.min(end), end),
            number: None,
            written: None,
            marking,
            heading,
            gaps: Vec::new(),
        });
    }

    fn open_paragraph(&mut self, p: Paragraph<'a>) {
        self.close();
        // Breaks before the paragraph belong to no paragraph; those after its start (a caption
        // line that turned out to be text) are its own.
        self.breaks_done = self.body.breaks.len();
        while self.breaks_done > 0 && self.body.breaks[self.breaks_done - 1].span.start >= p.span.start {
            self.breaks_done -= 1;
        }
        self.body.paragraphs.push(p);
        self.open = Some(self.body.paragraphs.len() - 1);
    }

    /// Text that continues the open paragraph up to `end`: pending captions and rules become
    /// part of it too.
    fn continue_open(&mut self, end: u32) {
        self.pending = None;
        self.assign_gaps(end);
        if let Some(p) = self.open.and_then(|o| self.body.paragraphs.get_mut(o)) {
            p.span.end = end;
            p.text_span.end = end;
        }
    }

    /// Gives the breaks recorded since the last call that fall before `end` to the open
    /// paragraph when they lie inside it.
    fn assign_gaps(&mut self, end: u32) {
        let Some(o) = self.open else {
            self.breaks_done = self.body.breaks.len();
            return;
        };
        let p = &mut self.body.paragraphs[o];
        while let Some(b) = self.body.breaks.get(self.breaks_done) {
            if b.span.start >= end || end == u32::MAX {
                break;
            }
            if b.span.start >= p.span.start {
                p.gaps.push(b.span);
            }
            self.breaks_done += 1;
        }
        if end == u32::MAX {
            self.breaks_done = self.body.breaks.len();
        }
    }

    fn close(&mut self) {
        if self.open.is_some() {
            self.assign_gaps(0);
            self.breaks_done = self.body.breaks.len();
        }
        self.open = None;
    }

    /// Decides what the pending captions were, now that a paragraph starts at `next` (or the
    /// text ended): a heading for that paragraph, or text.
    fn flush_pending(&mut self, next: Option<u32>) -> Option<Span> {
        let p = self.pending.take()?;
        let (first, last) = p.first_caption?;
        // Without paragraph numbers, a short line between blank lines is a heading only when
        // it is short; a rule makes it one.
        let short = last - first <= 40;
        // A caption of link remnants or stray marks alone is no heading: `""` helps nobody.
        let caption = text::clean(self.source, Span::new(first, last), &[]);
        let caption = caption.trim_end_matches(['-', ' ']);
        // (`NNNN`, `NN`: the end of a section's transmission in partial records, before the next
        // section's header; never a heading.)
        // Nor is a caption without letters or digits (`)`), a redaction (`XXXXXXXXXXXX`), or the
        // closing words of the paragraph before (`END SUMMARY AND COMMENT`, 89MOSCOW31607).
        let empty = caption.is_empty()
            || (caption.len() >= 2 && caption.bytes().all(|b| b == b'N'))
            || !caption.bytes().any(|b| b.is_ascii_alphanumeric())
            || (caption.len() >= 4 && caption.bytes().all(|b| b == b'X' || b == b'x'))
            || is_closing_words(caption);
        // A page or section break between the caption and the paragraph (`GARCIA CALLS FOR A
        // NATIONAL ANTI-FUJIMORI FRONT` / rule / page foot and banner / `4. ...`, 92LIMA4541)
        // leaves it a heading if it reads as one: not the end of a section's transmission
        // (`NNNNPTQ6056`, `> @@@OASYS@@@`) or a page-foot classification.
        // A caption right after a section's header is the header's last words (`SUBJECT: ...
        // FOR` / blank lines / `DOHA`, 01VATICAN5650), no heading.
        let after_section = self.body.breaks.iter().rev().find(|b| b.span.end <= first).is_some_and(|b| {
            b.kind == BreakKind::Section && Span::new(b.span.end, first).slice(self.source).trim().is_empty()
        });
        let across_break = p.bad && !p.section_break && !after_section && is_clean_caption(caption);
        if (!p.bad || across_break)
            && !empty
            && next.is_some()
            && (self.numbered || p.ruled || (p.captions == 1 && short))
        {
            return Some(Span::new(first, last));
        }
        self.captions_as_text(p);
        None
    }

    /// Caption lines that were no heading: text of the open paragraph, or a paragraph of
    /// their own.
    fn captions_as_text(&mut self, p: Pending) {
        let Some((first, last)) = p.first_caption else { return };
        if self.open.is_some() && self.numbered {
            self.continue_open(last);
        } else {
            let t = Span::new(first, last).slice(self.source);
            let (marking, text_start) = marking_and_text(t);
            self.open_paragraph(Paragraph {
                source: self.source,
                span: Span::new(first, last),
                text_span: Span::new((first + text_start as u32).min(last), last),
                number: None,
                written: None,
                marking,
                heading: None,
                gaps: Vec::new(),
            });
            self.assign_gaps(last);
        }
    }
}

/// The portion marking after a paragraph number (or at the start of an unnumbered paragraph)
/// and the offset in `rest` where the text starts.
fn marking_and_text(rest: &str) -> (Option<Marking<'_>>, usize) {
    let (marking, mut at) = match Marking::parse_prefix(rest).or_else(|| Marking::parse_entire_text(rest)) {
        Some((m, n)) => (Some(m), n),
        None => (None, 0),
    };
    let b = rest.as_bytes();
    while at < b.len() && (b[at] == b' ' || b[at] == b'\t') {
        at += 1;
    }
    // `1. (C - ENTIRE TEXT).` and `(C) - text`.
    if marking.is_some() && at < b.len() && matches!(b[at], b'.' | b':') {
        at += 1;
        while at < b.len() && b[at] == b' ' {
            at += 1;
        }
    }
    (marking, at)
}

/// `Comment -------`: a caption with its rule on the same line (pages whose lines were joined).
fn ruled_caption(t: &str) -> bool {
    // The rule ends the line (before any `<br>`): most lines are rejected on their last byte.
    if !matches!(t.trim_end_matches(scan::is_space).bytes().last(), Some(b'-' | b'>')) {
        return false;
    }
    let t = text::clean_line(t);
    let head = t.trim_end_matches(['-', ' ']);
    t.len() - head.len() >= 4 && t[head.len()..].starts_with(' ') && loose_caption(head)
}

/// Where a caption with its rule starts at the end of a line of text (`... and Ukraine.
/// Concerns about Russia ---------`), after the last sentence of the line.
fn trailing_caption(t: &str) -> Option<usize> {
    let t = t.trim_end_matches(scan::is_space);
    let head = t.trim_end_matches('-');
    if t.len() - head.len() < 4 || !head.ends_with(' ') {
        return None;
    }
    let head = head.trim_end_matches(scan::is_space);
    let cut = [". ", ") ", "? ", "! ", ".\" ", ".\u{201d} "]
        .iter()
        .filter_map(|p| head.rfind(p).map(|at| at + p.len()))
        .max()?;
    let caption = &head[cut..];
    (caption.len() >= 3
        && caption.len() <= 60
        && caption.starts_with(|c: char| c.is_uppercase())
        && loose_caption(caption))
    .then_some(cut)
}

/// A line that ends a sentence: text, not the first line of a two-line caption (`This was what
/// Deputy Secretary Negroponte conveyed in his letter to Sargsian.` above `GOAM READY TO DISCUSS
/// MOU` / `-----` in 09YEREVAN20).
fn ends_sentence(t: &str) -> bool {
    text::clean_line(t).ends_with(['.', '"', '\u{201d}'])
}

/// A caption that a rule marks as one (underlined, framed, or with its rule on the line): it may
/// end in punctuation or start with a portion marking (`(C) SUMMARY`, `... AND...`).
fn loose_caption(t: &str) -> bool {
    let t = text::clean_line(t);
    t.contains(|c: char| c.is_alphanumeric())
        && t.len() <= 100
        && !t.starts_with(|c: char| c.is_lowercase())
        && number::written(t).is_none()
        && (text::item_label(t).is_none() || Marking::parse_prefix(t).is_some())
        && !has_sentence_break(t)
        // `NNNN`, a page-foot classification: the end of a transmission, not a caption.
        && !signature::is_trailer_line(t)
}

/// `END TEXT`, `End Summary`, `END TEXT OF LETTER`, `End talking points`: the closing words of
/// a passage (not `End Use and Security Considerations`, a heading).
fn is_closing_words(c: &str) -> bool {
    let Some(rest) = scan::strip_prefix_ci(c, "END ") else { return false };
    let next = rest.split([' ', '/', '.']).next().unwrap_or("");
    ["TEXT", "SUMMARY", "COMMENT", "COMMENTS", "NOTE", "REPORT", "TRANSLATION", "QUOTE", "TALKING", "CABLE", "MESSAGE"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w))
}

/// A caption that reads as a heading even with a break after it: three letters or more, no
/// transmission debris (`NNNN`, `@@@`, `>`), no classification at either end, not a REF line.
fn is_clean_caption(c: &str) -> bool {
    let last_word = c.rsplit(' ').next().unwrap_or(c);
    c.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
        && c.starts_with(|ch: char| ch.is_alphanumeric() || ch == '"' || ch == '\'')
        && !c.contains("NNNN")
        && !c.contains("@@@")
        && !scan::starts_with_ci(c, "REF")
        && crate::classification::banner_word(c).is_none()
        && crate::classification::banner_word(last_word).is_none()
        && !pagebreak::is_lone_classification(c)
}

/// A caption line: short, no sentence punctuation at the end, not a sub-item, not lower case
/// at the start (`Lavrov's Letter`, `TSVANGIRAI LOOKS INTO THE CRYSTAL BALL`, `Comment`).
fn could_be_heading(t: &str) -> bool {
    let t = text::clean_line(t);
    !t.is_empty()
        && t.len() <= 100
        && !t.ends_with(['.', ',', ';', ':', '"', '\u{201d}'])
        && !t.starts_with(|c: char| c.is_lowercase() || c == '(' || c == '"' || c == '\u{201c}')
        && text::item_label(t).is_none()
        && Marking::parse_prefix(t).is_none()
        && !has_sentence_break(t)
}

/// A `. ` that ends a sentence: after a lower-case word of four letters or more, so that
/// `U.S. Engagement with Iran` and `Amb. Smith` stay one caption.
fn has_sentence_break(t: &str) -> bool {
    static STOP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b". "));
    let b = t.as_bytes();
    STOP.find_iter(b).any(|i| {
        let word = b[..i].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
        word >= 4 && b[i - 1].is_ascii_lowercase()
    })
}

/// A page marker inside a line of text, as pages whose lines were joined have them
/// (`... in Georgia and Ukraine. STOCKHOLM 00000051 002 OF 002 Comment`): its start and end in
/// `t` and the page it starts. The place is the banner's station cut to ten letters (any
/// upper-case words of at most ten letters when the station is unknown).
fn inline_marker(t: &str, station: Option<&str>) -> Option<(usize, usize, Option<u32>)> {
    let b = t.as_bytes();
    if b.len() < 26 {
        return None;
    }
    // Each ` OF ` of the line, found through its `F` (memchr: cheap on the short lines of
    // text, where a substring searcher's set-up would cost more than the search).
    let ofs = memchr::memchr_iter(b'F', b)
        .filter(|&f| f >= 2 && b[f - 1] == b'O' && b[f - 2] == b' ' && b.get(f + 1) == Some(&b' '))
        .map(|f| f - 2);
    for of in ofs {
        // `002 OF 002`, `001.2 OF 003`: the counts.
        let after = &t[of + 4..];
        let total = after.bytes().take_while(u8::is_ascii_digit).count();
        if total == 0 || after.as_bytes().get(total).is_some_and(|c| !c.is_ascii_whitespace()) {
            continue;
        }
        let before = &t[..of];
        let Some(sp) = before.rfind(' ') else { continue };
        let count = &before[sp + 1..];
        if count.len() < 3 || !count.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
            continue;
        }
        let before = before[..sp].trim_end_matches(' ');
        let Some(sp) = before.rfind(' ') else { continue };
        let serial = &before[sp + 1..];
        if serial.len() != 8 || !scan::is_digits(serial) {
            continue;
        }
        // The place words before the serial.
        let head = before[..sp].trim_end_matches(' ');
        let mut place_start = None;
        let mut at = head.len();
        for _ in 0..4 {
            let word_start = head[..at].rfind(' ').map_or(0, |p| p + 1);
            let word = &head[word_start..at];
            if !scan::is_upper_alpha(word.trim_end_matches(['.', '-'])) {
                break;
            }
            let place = &head[word_start..];
            match station {
                // `JAN`, `DE JAN`, `RIO DE JAN` are all in `RIO DE JANEIRO`; only the last
                // starts it.
                Some(st) if st.contains(place) => {
                    if st.starts_with(place) {
                        place_start = Some(word_start);
                    }
                }
                // A marker may name another place than the banner (`DUBAI` for `RPO DUBAI`).
                Some(_) if place_start.is_none() && word.len() <= 10 && !place.contains(' ') => {
                    place_start = Some(word_start);
                    break;
                }
                None if place.len() <= 10 => place_start = Some(word_start),
                _ => break,
            }
            if word_start == 0 {
                break;
            }
            at = head[..word_start].trim_end_matches(' ').len();
            if at == 0 {
                break;
            }
        }
        let start = place_start?;
        let page = scan::parse_u32(count.rsplit('.').next().unwrap_or(count));
        return Some((start, of + 4 + total, page));
    }
    None
}

/// `ESSENTIALLY, A  CONFIDENTIAL` followed by a `PAGE nn` banner line: the text without the
/// glued classification, and where that starts.
fn split_glued_classification<'a>(lines: &[Line<'a>], i: usize, t: &'a str) -> (&'a str, Option<usize>) {
    if !t.ends_with(|c: char| c.is_ascii_uppercase()) {
        return (t, None);
    }
    let next_is_banner = lines.get(i + 1).is_some_and(|l| pagebreak::page_banner(l.trimmed()).is_some());
    if !next_is_banner {
        return (t, None);
    }
    let Some(gap) = t.rfind("  ") else { return (t, None) };
    let word = scan::trim(&t[gap..]);
    if word.is_empty() || !pagebreak::is_lone_classification(word) {
        return (t, None);
    }
    let head = t[..gap].trim_end_matches(scan::is_space);
    if head.is_empty() {
        return (t, None);
    }
    (head, Some(gap))
}

/// The page a break starts: `PAGE 03 ...` → 3, `MOSCOW 00005434 002 OF 002` → 2.
fn page_number(lines: &[Line<'_>], i: usize, n: usize) -> Option<u32> {
    for l in &lines[i..i + n] {
        let t = l.trimmed();
        if let Some(b) = pagebreak::page_banner(t) {
            return Some(b.page);
        }
        if pagebreak::is_page_marker(t) {
            let mut toks = scan::tokens(t).skip_while(|w| !(scan::is_digits(w) && w.len() == 8)).skip(1);
            let count = toks.next()?;
            let page = count.rsplit('.').next().unwrap_or(count);
            return scan::parse_u32(page);
        }
    }
    None
}

/// Runs of four or more `X` (or `x`): names the publishers removed (`XXXXXXXXXXXX`).
fn redactions(source: &str) -> Vec<Span> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'X', b'x', &b[at..]) {
        let s = at + i;
        let c = b[s];
        let n = b[s..].iter().take_while(|&&x| x == c).count();
        if n >= 4 {
            out.push(Span::new(s as u32, (s + n) as u32));
        }
        at = s + n;
    }
    out
}

impl<'a> Cable<'a> {
    /// The paragraphs of the body, in text order.
    ///
    /// ```
    /// let text = "UNCLAS STATE 000001\n\nSUBJECT: X\n\n1. (C) First.\n\n2. (S//NF) Second.\n\nRICE\n";
    /// let cable = cable_core::parse(text)?;
    /// let p = &cable.paragraphs()[1];
    /// assert_eq!(p.number(), Some(2));
    /// assert_eq!(p.marking().unwrap().raw, "(S//NF)");
    /// assert_eq!(p.text(), "Second.");
    /// assert_eq!(cable.signers(), ["RICE"]);
    /// # Ok::<(), cable_core::ParseError>(())
    /// ```
    pub fn paragraphs(&self) -> &[Paragraph<'a>] {
        &self.body_parts.paragraphs
    }

    /// The paragraph numbered `n` (the first one, if the number repeats).
    pub fn paragraph(&self, n: u32) -> Option<&Paragraph<'a>> {
        self.body_parts.paragraphs.iter().find(|p| p.number == Some(n))
    }

    /// Page and section breaks in the body, in text order.
    pub fn breaks(&self) -> &[Break] {
        &self.body_parts.breaks
    }

    /// The sections of a telegram sent in sections, in text order, when the text holds the
    /// header blocks of later sections (partial records): each with its number and count, its
    /// span and its header block's span. Empty otherwise (the banner's [`section`](Self::section)
    /// says which section a text of one section is).
    pub fn sections(&self) -> &[TextSection] {
        &self.body_parts.sections
    }

    /// The summary (`Summary:` ... `End Summary.`, `BEGIN SUMMARY`, a `Summary` heading).
    pub fn summary(&self) -> Option<Passage<'_, 'a>> {
        self.passage(PassageKind::Summary)
    }

    /// The comment (`Comment:` ... `End Comment.`, or the paragraphs under a `Comment`
    /// heading).
    pub fn comment(&self) -> Option<Passage<'_, 'a>> {
        self.passage(PassageKind::Comment)
    }

    /// The action request (`ACTION REQUEST:`, `Action requested.`, an `Action Request` heading).
    pub fn action_request(&self) -> Option<Passage<'_, 'a>> {
        self.passage(PassageKind::ActionRequest)
    }

    /// Inline notes and comments in parentheses (`(Note: ... End note.)`, `(Comment: ...)`).
    pub fn notes(&self) -> impl Iterator<Item = Passage<'_, 'a>> + '_ {
        self.passages().filter(|p| p.kind() == PassageKind::Note || p.kind() == PassageKind::InlineComment)
    }

    /// Every summary, comment, action request and note, in text order.
    pub fn passages(&self) -> impl Iterator<Item = Passage<'_, 'a>> + '_ {
        self.body_parts.passages.iter().map(|d| Passage::new(d, &self.body_parts.paragraphs, self.source))
    }

    fn passage(&self, kind: PassageKind) -> Option<Passage<'_, 'a>> {
        self.passages().find(|p| p.kind() == kind)
    }

    /// The signature as written (`BURNS`, `KEEGAN PAAL`), with its span.
    pub fn signature(&self) -> Option<Spanned<&'a str>> {
        self.body_parts.signature
    }

    /// The signers: the names of the signature, split (`KEEGAN PAAL` → `KEEGAN`, `PAAL`).
    pub fn signers(&self) -> Vec<&'a str> {
        self.body_parts.signature.map(|s| signature::signers(s.value)).unwrap_or_default()
    }

    /// Trailer lines after the text (`NNNN`, a classification footer, a declassification
    /// stamp), each with its span.
    pub fn trailer(&self) -> &[Span] {
        &self.body_parts.trailer
    }

    /// Spans of the redactions (`XXXXXXXXXXXX` runs) anywhere in the text.
    pub fn redactions(&self) -> &[Span] {
        &self.body_parts.redactions
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
