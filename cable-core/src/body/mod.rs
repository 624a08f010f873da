//! The text of the cable after the metadata block: paragraphs with their numbers, portion
//! markings and headings, page and section breaks, summary, comment, action request, inline
//! notes, signature, trailer and redactions.
//!
//! [`parse`] walks the body's lines once, left to right, and records spans only: a paragraph
//! is its number, marking, heading and the span of its text plus the breaks cut out of it.
//! Cleaned text, sub-items, signers and the lossless element list are computed on access, so
//! parsing copies no text and allocates a handful of vectors per cable, not one per paragraph.

mod caption;
mod doubt;
mod elements;
mod ending;
mod heading;
mod marker;
mod number;
mod paragraph;
mod passages;
mod piece;
mod section;
mod signature;
mod step;

use crate::classification::Marking;
use crate::lines::Line;
use crate::model::{Body, Break, BreakKind, Cable, Paragraph, TextSection};
use crate::scan;
use crate::shape::banner;
use crate::shape::pagebreak;
use crate::shape::routing::{is_strong_header_line, partial_control_line};
use crate::shape::rule::{is_rule, is_rule_line, is_separator};
use crate::span::Span;
use crate::spanned::Spanned;
use crate::text;
use crate::warning::{Warning, WarningKind};
use heading::{
    Pending, could_be_heading, ends_sentence, is_clean_caption, loose_caption, ruled_caption, trailing_caption,
};
use marker::{inline_marker, inline_paragraph_number, redactions, split_glued_classification};
use paragraph::marking_and_text;
use piece::RulesAsked;
use section::{SectionRouting, sections};
use step::{is_blank_line, line_cleans_to_nothing};

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
    /// The line of the piece being read (see `piece`).
    line: usize,
    /// The paragraph limit was reached and said so.
    warned_paragraph_limit: bool,
    /// The open paragraph is a marked block of a numbered text (see `piece`): it goes on over
    /// blank lines like a numbered one, until the next number or marked block.
    marked_block_open: bool,
    /// The open paragraph is a table of contents (numbered one-line entries under `SUBJECTS
    /// COVERED IN THIS REPORT:`): it goes on over blank lines while entries come.
    contents_open: bool,
    /// The last pending caption asked whether it heads a table of contents, and the answer.
    contents_caption: Option<((u32, u32), bool)>,
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
    /// Offsets known to hold neither pattern (see [`Walk::has_cuts`]): the intersection of both
    /// searches' free ranges when they last answered no.
    no_cuts: (usize, usize),
    /// The last text read for a paragraph number at its start (its address and length) and the
    /// number: a line's cut and its piece ask about the same text (see [`Walk::written`]).
    number_read: Option<((usize, usize), Option<number::Written>)>,
    /// The last lines asked whether they are a rule (see [`Walk::rule_line`]).
    rules_asked: RulesAsked,
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
    // Whether the text has a paragraph number, and the lines that open like one (by their
    // shape: a digit, pilcrow or parenthesis first), an upper bound of the numbered paragraphs
    // that sizes their vector. (The numbers are read only up to the first one found: the walk
    // reads every line's number again in its place, and a count of them all read each numbered
    // line a third time.)
    let (mut numbered, mut shaped) = (false, 0);
    for l in lines[start.min(lines.len())..].iter().filter(|l| l.shape.may_open_number()) {
        shaped += 1;
        numbered = numbered || {
            let t = l.trimmed();
            number::written(t).is_some()
                || number::parenthesised(t).is_some()
                || Marking::parse_prefix(t).is_some_and(|(_, n)| number::written(t[n..].trim_start()).is_some())
        };
    }
    let mut w = Walk {
        lines,
        read_head,
        source,
        station,
        numbered,
        // One vector for all paragraphs, sized once (not one allocation per paragraph).
        body: Body { paragraphs: Vec::with_capacity(shaped.max(4) + 2), ..Body::default() },
        // The cable's own warnings, handed back at the end: no second vector.
        warnings: std::mem::take(&mut cable.warnings),
        open: None,
        after_blank: true,
        previous: None,
        pending: None,
        line: start,
        warned_paragraph_limit: false,
        marked_block_open: false,
        contents_open: false,
        contents_caption: None,
        breaks_done: 0,
        content_end: source.len() as u32,
        section_routing: None,
        section_blocks: Vec::new(),
        next_of: marker::Ahead::default(),
        next_paren: marker::Ahead::default(),
        no_cuts: (usize::MAX, 0),
        number_read: None,
        rules_asked: RulesAsked::default(),
    };
    let end = w.ending(start);
    let mut i = start;
    while i < end {
        i = w.step(i, end);
    }
    w.flush_pending(None);
    w.assign_gaps(u32::MAX);
    w.repeated_signature();
    // (One search of the paragraphs for what both passes look for.)
    let found = doubt::search(source, &w.body.paragraphs);
    passages::find(&mut w.body, source, &found);
    doubt::find(&w.body, w.lines, source, &found, &mut w.warnings);
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
