//! The body as the model holds it: paragraphs, sub-items, breaks, sections and passages
//! (summary, comment, action request, notes), as spans into the source. The body walker (`crate::body`) fills these; cleaned text is computed on access.

use super::Cable;
use crate::classification::{Level, Marking};
use crate::lines::Line;
use crate::span::Span;
use crate::spanned::Spanned;
use crate::text;
use std::borrow::Cow;
use std::ops::Range;

mod item;
pub use item::Item;
use item::Reader;

/// One paragraph of the body: numbered (`1. (C) ...`) or, in cables without numbers, a block
/// of text between blank lines.
///
/// ```text
/// Lavrov's Letter                       heading
///
/// 12. (C) In a November 16 meeting, ... number 2 (written `12.`), marking (C), text
/// ```
#[derive(Debug, Clone)]
pub struct Paragraph<'a> {
    pub(crate) source: &'a str,
    pub(crate) span: Span,
    pub(crate) text_span: Span,
    pub(crate) number: Option<u32>,
    pub(crate) written: Option<Span>,
    pub(crate) marking: Option<Marking<'a>>,
    pub(crate) heading: Option<Span>,
    /// Breaks (page markers, section headers) inside the paragraph, cut out of its text.
    pub(crate) gaps: Vec<Span>,
    /// The portion marking when it follows a caption word (`Summary: (C) In a ...`): cut out of
    /// the text as well.
    pub(crate) inner_marking: Option<Span>,
    /// Index in the cable's line table of the line where the text starts, as the walk knew it
    /// when it opened the paragraph (`u32::MAX` when it did not): the writer starts there instead
    /// of searching the table, once it has checked that the line holds the text's first byte.
    pub(crate) first_line: u32,
}

impl<'a> Paragraph<'a> {
    /// The paragraph number: as written, or the true number recovered from the sequence when
    /// the written one is mangled (`12.` for ¶2; a warning records it). `None` for unnumbered
    /// paragraphs.
    pub fn number(&self) -> Option<u32> {
        self.number
    }

    /// The number as written, pilcrow and period included (`12.`, `¶4.`, `[¶](#)9.`).
    pub fn written_number(&self) -> Option<&'a str> {
        self.written.map(|s| s.slice(self.source))
    }

    /// The portion marking (`(C)`, `(S//NF)`), if the paragraph has one.
    pub fn marking(&self) -> Option<&Marking<'a>> {
        self.marking.as_ref()
    }

    /// The classification level of the portion marking.
    pub fn level(&self) -> Option<Level> {
        self.marking.map(|m| m.level)
    }

    /// The heading above the paragraph (`Lavrov's Letter`, `Comment`), joined into one line
    /// when it takes several.
    pub fn heading(&self) -> Option<Cow<'a, str>> {
        // The paragraph's marking written at the start of its heading (`(U) Status of Host
        // Nation Laws:`) is the marking, not part of the heading's words.
        let h = self.heading?;
        // (Only a marking read from the heading's own line: `(C) SUMMARY` above `1. (C) ...` keeps
        // its words.)
        let from_heading = self.marking.filter(|m| {
            let at = (m.raw.as_ptr() as usize).wrapping_sub(self.source.as_ptr() as usize);
            (h.start as usize..h.end as usize).contains(&at)
        });
        let words = |s: &str| -> std::ops::Range<usize> {
            let start = match from_heading {
                Some(m) if s.starts_with(m.raw) => s.len() - s[m.raw.len()..].trim_start().len(),
                _ => 0,
            };
            // `Comment -------` (a caption and its rule on one line).
            start..start.max(s.trim_end_matches(['-', ' ']).len())
        };
        Some(match text::clean_without_rules(self.source, h) {
            Cow::Borrowed(s) => Cow::Borrowed(&s[words(s)]),
            Cow::Owned(s) => Cow::Owned(s[words(&s)].to_owned()),
        })
    }

    /// Span of the heading's caption lines (rules above and below it excluded).
    pub fn heading_span(&self) -> Option<Span> {
        self.heading
    }

    /// The text after the number and marking, cleaned: page and section breaks removed (the
    /// interrupted sentence rejoined), wrapped lines joined, `<br>` debris dropped; a sub-item
    /// starts a new line. Borrowed from the input when the paragraph is one clean line.
    pub fn text(&self) -> Cow<'a, str> {
        text::clean(self.source, self.text_span, &self.cuts())
    }

    /// [`text`](Self::text) and [`items`](Self::items) in one pass over the lines (the JSON
    /// writer wants both).
    pub fn text_and_items(&self) -> (Cow<'a, str>, Vec<Item<'a>>) {
        self.read_lines(true, &[])
    }

    /// [`text_and_items`](Self::text_and_items) read off `lines`, the split of the cable's whole
    /// text (`Cable::lines`): the lines are not found and measured again.
    pub(crate) fn text_and_items_in(&self, lines: &[Line<'a>]) -> (Cow<'a, str>, Vec<Item<'a>>) {
        self.read_lines(true, lines)
    }

    /// Span of the text as written (from after the marking to the end of the paragraph,
    /// breaks included).
    pub fn text_span(&self) -> Span {
        self.text_span
    }

    /// Span of the whole paragraph as written, from its number to the end of its text (the
    /// heading is not included; breaks inside are).
    pub fn span(&self) -> Span {
        self.span
    }

    /// Spans of the page and section breaks that fall inside the paragraph.
    pub fn breaks(&self) -> &[Span] {
        &self.gaps
    }

    /// The sub-items (`A.`, `(1)`, `--`, `-`) that start lines of the paragraph, with their
    /// labels. They stay part of [`text`](Self::text); this is a second view of it.
    pub fn items(&self) -> Vec<Item<'a>> {
        self.read_lines(false, &[]).1
    }

    /// The items and, when `with_text`, the text, in one pass over the cleaned lines: each line
    /// is found, cleaned and its item label read once, then joined to the paragraph's text and
    /// to the open item's. (The item's text is what [`text::clean`] of its span gives: its first
    /// line after the label cleaned again, its other lines as the paragraph has them, joined
    /// after the item's own text rather than the paragraph's. Cleaning each item's span again
    /// cost as much as the rest of the items.) The lines come from `lines`, the split of the whole
    /// text, when it is given and the paragraph has no cuts; else they are found in the text.
    fn read_lines(&self, with_text: bool, lines: &[Line<'a>]) -> (Cow<'a, str>, Vec<Item<'a>>) {
        let mut r = Reader::new(self.source, self.text_span, with_text);
        let cuts = self.cuts();
        if cuts.is_empty() && !lines.is_empty() {
            text::each_clean_line(self.source, self.text_span, (lines, self.first_line), |t| r.read(t));
        } else {
            text::each_piece(self.source, self.text_span, &cuts, |piece| r.read(text::clean_line(piece)));
        }
        r.finish()
    }

    /// What is cut out of the text: the breaks and an inner marking, in text order.
    pub(crate) fn cuts(&self) -> Cow<'_, [Span]> {
        match self.inner_marking {
            None => Cow::Borrowed(&self.gaps),
            Some(m) => {
                let mut all = self.gaps.clone();
                all.push(m);
                all.sort_by_key(|s| s.start);
                Cow::Owned(all)
            }
        }
    }
}

/// What interrupted the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BreakKind {
    /// A page marker (`MOSCOW 00005434 002 OF 002`) or an old-format page banner with its
    /// classification lines (`CONFIDENTIAL` / `PAGE 03 HARARE 06677 02 OF 03 291400Z`).
    Page,
    /// The repeated routing header and metadata block at the start of a later section of a
    /// partial record (`SECRET PTQ9873`, `PAGE 01 ...`, `INFO LOG-00 ...`, `FM`/`TO`, the
    /// banner `SECTION 02 OF 03`, `E.O.`, `TAGS` ...).
    Section,
}

crate::names::names!(BreakKind {
    Page => "page",
    Section => "section",
});

/// A page or section break inside the body, removed from the text it interrupts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Break {
    /// Page or section.
    pub kind: BreakKind,
    /// The page number the break starts, when it says (`PAGE 03` → 3, `002 OF 002` → 2).
    pub page: Option<u32>,
    /// The break's lines (for a banner followed by text on its line, up to that text).
    pub span: Span,
}

/// One section of a telegram sent in sections (`SECTION 02 OF 05`), as the text holds it: a
/// partial record keeps each later section's header block where the section starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TextSection {
    /// The section's number, from its banner (`SECTION 02 OF 05`) or page banner (`02 OF 05`).
    pub number: Option<u32>,
    /// How many sections the telegram has, when a banner says.
    pub total: Option<u32>,
    /// The section: from its header block to the next section's (the first from the start of
    /// the text), the end of the text for the last.
    pub span: Span,
    /// The section's header block (the first section's: the cable's header and metadata, up to
    /// the body).
    pub header_span: Span,
}

/// Everything the body walker found in the body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Body<'a> {
    pub paragraphs: Vec<Paragraph<'a>>,
    pub breaks: Vec<Break>,
    /// The sections, when the text holds later sections' header blocks.
    pub sections: Vec<TextSection>,
    /// Headings followed by no paragraph (at the end of the text).
    pub orphan_headings: Vec<Span>,
    pub passages: Vec<PassageData>,
    pub signature: Option<Spanned<&'a str>>,
    /// Trailer lines after the text (and the signature): from the first to the last.
    pub trailer: Vec<Span>,
    pub redactions: Vec<Span>,
}

/// What a [`Passage`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PassageKind {
    /// `Summary:` ... `End Summary.`, `BEGIN SUMMARY` ... `END SUMMARY`, a `Summary` heading.
    Summary,
    /// `Comment:` ... `End Comment.` at the start of a paragraph, or a `Comment` heading.
    Comment,
    /// `ACTION REQUEST:`, `Action requested.`, `This is an action request`, an `Action
    /// Request` heading.
    ActionRequest,
    /// `(Note: ... End note.)` inside a paragraph.
    Note,
    /// `(Comment: ... End comment.)` inside a paragraph.
    InlineComment,
}

crate::names::names!(PassageKind {
    Summary => "summary",
    Comment => "comment",
    ActionRequest => "action_request",
    Note => "note",
    InlineComment => "inline_comment",
});

/// Where a passage is: its kind, span and the paragraphs it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PassageData {
    pub kind: PassageKind,
    pub span: Span,
    pub first: usize,
    pub last: usize,
}

/// A summary, comment, action request or note: a stretch of one or more paragraphs.
#[derive(Debug, Clone, Copy)]
pub struct Passage<'c, 'a> {
    pub(crate) data: &'c PassageData,
    pub(crate) paragraphs: &'c [Paragraph<'a>],
    pub(crate) source: &'a str,
    /// The cable's lines, which the text is read off.
    pub(crate) lines: &'c [Line<'a>],
}

impl<'c, 'a> Passage<'c, 'a> {
    pub(crate) fn new(
        data: &'c PassageData,
        paragraphs: &'c [Paragraph<'a>],
        source: &'a str,
        lines: &'c [Line<'a>],
    ) -> Self {
        Passage { data, paragraphs, source, lines }
    }

    /// What the passage is.
    pub fn kind(&self) -> PassageKind {
        self.data.kind
    }

    /// From the first to the last byte of its text as written (the keywords `Summary:` and
    /// `End Summary.` excluded).
    pub fn span(&self) -> Span {
        self.data.span
    }

    /// Indexes into [`Cable::paragraphs`](crate::Cable::paragraphs) of the paragraphs the
    /// passage covers.
    pub fn paragraphs(&self) -> Range<usize> {
        self.data.first..self.data.last + 1
    }

    /// The text, cleaned like paragraph text; paragraphs are separated by a blank line.
    pub fn text(&self) -> Cow<'a, str> {
        let mut out: Option<String> = None;
        let mut first: Option<Cow<'a, str>> = None;
        for p in self.paragraphs.get(self.paragraphs()).unwrap_or(&[]) {
            let start = p.text_span.start.max(self.data.span.start);
            let end = p.text_span.end.min(self.data.span.end);
            if start >= end {
                continue;
            }
            let part = text::clean_in(self.source, Span::new(start, end), &p.cuts(), (self.lines, p.first_line));
            match (&mut out, first.take()) {
                (None, None) => first = Some(part),
                (None, Some(f)) => {
                    let mut s = f.into_owned();
                    s.push_str("\n\n");
                    s.push_str(&part);
                    out = Some(s);
                }
                (Some(s), _) => {
                    s.push_str("\n\n");
                    s.push_str(&part);
                }
            }
        }
        match (out, first) {
            (Some(s), _) => Cow::Owned(s),
            (None, Some(f)) => f,
            (None, None) => Cow::Borrowed(""),
        }
    }
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

    /// The marking of the whole document, when a paragraph declares one (`1. CONFIDENTIAL -
    /// ENTIRE TEXT.`, `1. (C - ENTIRE TEXT).`, `1. (C) ENTIRE TEXT.`): the first such marking,
    /// with its span. It is that paragraph's own marking, borrowed from it.
    ///
    /// ```
    /// let text = "UNCLAS STATE 000001\n\nSUBJECT: X\n\n1. SECRET/NOFORN - ENTIRE TEXT.\n\n2. Second.\n";
    /// let cable = cable_core::parse(text)?;
    /// let m = cable.document_marking().unwrap();
    /// assert_eq!((m.value.level, m.value.raw), (cable_core::Level::Secret, "SECRET/NOFORN - ENTIRE TEXT"));
    /// assert_eq!(m.value.caveats().collect::<Vec<_>>(), ["NOFORN"]);
    /// assert_eq!(cable.text_of(m.span), "SECRET/NOFORN - ENTIRE TEXT");
    /// # Ok::<(), cable_core::ParseError>(())
    /// ```
    pub fn document_marking(&self) -> Option<Spanned<&Marking<'a>>> {
        let m = self.paragraphs().iter().filter_map(|p| p.marking.as_ref()).find(|m| m.is_entire_text())?;
        Some(Spanned::new(m, Span::of(self.source, m.raw, 0)))
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
        self.body_parts.passages.iter().map(|d| Passage::new(d, &self.body_parts.paragraphs, self.source, &self.lines))
    }

    fn passage(&self, kind: PassageKind) -> Option<Passage<'_, 'a>> {
        self.passages().find(|p| p.kind() == kind)
    }

    /// The signature as written (`BURNS`, `KEEGAN PAAL`), with its span.
    pub fn signature(&self) -> Option<Spanned<&'a str>> {
        self.body_parts.signature
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
}

#[cfg(test)]
mod tests {
    use crate::span::Span;
    use crate::text;

    /// Each item's text as cleaning its span again gives it (how it was computed before the one
    /// pass): the first line after the label, the breaks inside cut out.
    fn items_cleaned_again(cable: &crate::Cable<'_>) -> Vec<String> {
        let mut out = Vec::new();
        for p in cable.paragraphs() {
            for item in p.items() {
                let start = item.span.start + item.label.len() as u32;
                let cuts = p.cuts();
                let gaps: Vec<Span> =
                    cuts.iter().copied().filter(|g| g.start >= start && g.end <= item.span.end).collect();
                out.push(text::clean(p.source, Span::new(start, item.span.end), &gaps).into_owned());
            }
        }
        out
    }

    #[test]
    fn items_read_in_one_pass_are_their_spans_cleaned() {
        // Lines ending in a space (as in `cables.csv`), a page break inside an item, a `SIPDIS`
        // stamp, `<br>` debris, a dash aside and a date that looks like a number label.
        let text = "UNCLAS STATE 000001 \n\nSUBJECT: X \n\n\
                    1. (SBU) The points: \n\
                    A. first point, which goes on \n\
                    to a second line <br>\n\
                    B. second point with a page break \n\
                    \n\
                    STATE 00000001 002 OF 002 \n\
                    \n\
                    inside it, and \n\
                    SIPDIS more \n\
                    -- a bullet that goes on \n\
                    -- and a dash aside on \n\
                    O/A August \n\
                    15. In addition \n\
                    (2) last,\n\
                    \n\
                    2. Next paragraph.\n\nRICE\n";
        let cable = crate::parse(text).unwrap();
        let p = &cable.paragraphs()[0];
        let (all, items) = p.text_and_items();
        // (The first `--` goes on a line that ends in `and`: an aside, no item of its own.)
        let labels: Vec<&str> = items.iter().map(|i| i.label).collect();
        assert_eq!(labels, ["A.", "B.", "--", "(2)"]);
        assert_eq!(items[1].text, "second point with a page break inside it, and more -- a bullet that goes on");
        assert_eq!(items[2].text, "and a dash aside on O/A August 15. In addition");
        assert_eq!(all, p.text());
        assert_eq!(items, p.items());
        let texts: Vec<String> = items.iter().map(|i| i.text.to_string()).collect();
        assert_eq!(texts, items_cleaned_again(&cable));
        let moscow = include_str!("../../../tests/fixtures/07MOSCOW5434.txt");
        let cable = crate::parse(moscow).unwrap();
        let texts: Vec<String> =
            cable.paragraphs().iter().flat_map(|p| p.items()).map(|i| i.text.into_owned()).collect();
        assert_eq!(texts, items_cleaned_again(&cable));
    }

    /// The items read beside the text (most items' text taken as the end of the paragraph's) are
    /// the items read alone (each joined on its own), off the line table and off the text, in
    /// every paragraph of the CSV fixtures.
    #[test]
    fn items_beside_the_text_are_the_items_read_alone() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
        let mut items = 0;
        for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.extension().is_none_or(|x| x != "csv") {
                continue;
            }
            for row in crate::envelope::csv::CsvReader::open(&path).unwrap() {
                let record = row.unwrap();
                let doc = record.document();
                let Ok(cable) = doc.parse() else { continue };
                for p in cable.paragraphs() {
                    let alone = p.items();
                    items += alone.len();
                    assert_eq!(p.text_and_items().1, alone, "{path:?}");
                    let (text, beside) = p.text_and_items_in(&cable.lines);
                    assert_eq!((text, beside), (p.text(), alone), "{path:?}");
                }
            }
        }
        assert!(items > 50, "{items}");
    }
}
