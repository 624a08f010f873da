//! The lossless view of a cable: every byte of the input in exactly one element, in order.
//!
//! Built on access from what the parsers recorded: the header and metadata parsers' field
//! spans, warnings and block spans, and the body's paragraphs, headings, breaks, signature and
//! trailer. Whatever lies between recorded spans is split into blank runs, rules and
//! unrecognised lines, so the elements tile the input whatever the parsers found.

use crate::lines;
use crate::model::Cable;
use crate::shape::rule::{is_rule, is_separator};
use crate::span::Span;
use crate::warning::WarningKind;

/// What an [`Element`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ElementKind {
    /// A line of the routing header (`VZCZC…`, `FM`, `TO`, the partial-record banner, ...).
    Header,
    /// The classification banner line.
    Banner,
    /// A caption or handling line (`SIPDIS`, `NOFORN`).
    Caption,
    /// A distribution or passing line (`STATE FOR EUR/WE`).
    Distribution,
    /// The `E.O.` line.
    ExecutiveOrder,
    /// The `TAGS` line(s).
    Tags,
    /// The `SUBJECT` line(s).
    Subject,
    /// The `REF` block.
    References,
    /// The `Classified By` line(s).
    ClassifiedBy,
    /// Another line of the metadata block (a release date line, a declassification stamp).
    Metadata,
    /// A paragraph, or the part of one between two breaks (`index` names the paragraph).
    Paragraph,
    /// The caption line(s) above a paragraph (`index` names the paragraph, if any).
    Heading,
    /// A line of dashes around a heading or between paragraphs.
    Rule,
    /// A page or section break (`index` into [`Cable::breaks`]).
    Break,
    /// Blank lines (and the line ends and trailing spaces of the element before them).
    Blank,
    /// The signature.
    Signature,
    /// A trailer line after the text (`NNNN`, a classification footer, a declassification
    /// stamp).
    Trailer,
    /// A line no parser recognised (the header and metadata parsers report it as a warning).
    Unrecognised,
}

crate::names::names!(ElementKind {
    Header => "header",
    Banner => "banner",
    Caption => "caption",
    Distribution => "distribution",
    ExecutiveOrder => "executive_order",
    Tags => "tags",
    Subject => "subject",
    References => "references",
    ClassifiedBy => "classified_by",
    Metadata => "metadata",
    Paragraph => "paragraph",
    Heading => "heading",
    Rule => "rule",
    Break => "break",
    Blank => "blank",
    Signature => "signature",
    Trailer => "trailer",
    Unrecognised => "unrecognised",
});

/// One element of the lossless view; see [`Cable::elements`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Element {
    /// What it is.
    pub kind: ElementKind,
    /// The bytes it takes, its line end included.
    pub span: Span,
    /// For paragraphs and headings, the index into [`Cable::paragraphs`]; for breaks, the
    /// index into [`Cable::breaks`].
    pub index: Option<usize>,
}

/// Builds the elements of `cable`.
pub(crate) fn tile(cable: &Cable<'_>) -> Vec<Element> {
    let source = cable.source;
    let body_start = (cable.body.start as usize).min(source.len()) as u32;
    let mut out: Vec<Element> = Vec::new();
    before_body(cable, body_start, &mut out);
    let mut cursor = body_start;
    for (kind, span, index) in body_spans(cable, body_start) {
        if span.end <= cursor {
            continue;
        }
        let start = span.start.max(cursor);
        fill(source, cursor, start, &mut out);
        let end = line_rest(source, span.end);
        push(&mut out, Element { kind, span: Span::new(start, end), index });
        cursor = end;
    }
    fill(source, cursor, source.len() as u32, &mut out);
    out
}

/// The elements before the body: one per header line, one per metadata field (its lines
/// together), blank runs.
fn before_body(cable: &Cable<'_>, body_start: u32, out: &mut Vec<Element>) {
    let source = cable.source;
    if body_start == 0 {
        return;
    }
    let mut fields: Vec<(Span, ElementKind)> = Vec::new();
    let r = &cable.routing;
    for s in [r.transmission_id, r.relay_precedence, r.station, r.station_serial, r.julian_time, r.security, r.signals]
        .into_iter()
        .flatten()
    {
        fields.push((s.span, ElementKind::Header));
    }
    fields.extend(r.relays.iter().map(|s| (s.span, ElementKind::Header)));
    fields.extend(cable.dtg.as_ref().map(|d| (d.span, ElementKind::Header)));
    fields.extend(cable.dtg_echo.map(|d| (d.span, ElementKind::Header)));
    fields.extend(cable.sender.map(|d| (d.span, ElementKind::Header)));
    fields.extend(cable.to.iter().chain(&cable.info).map(|r| (r.span, ElementKind::Header)));
    fields.extend(cable.banner.as_ref().map(|b| (b.span, ElementKind::Banner)));
    fields.extend(cable.caveats.iter().map(|c| (c.span, ElementKind::Caption)));
    fields.extend(cable.distribution.iter().map(|d| (d.span, ElementKind::Distribution)));
    fields.extend(cable.eo.as_ref().map(|e| (e.span, ElementKind::ExecutiveOrder)));
    fields.extend(cable.tags.iter().map(|t| (t.span, ElementKind::Tags)));
    fields.extend(cable.subject.as_ref().map(|s| (s.span, ElementKind::Subject)));
    fields.extend(cable.references.iter().map(|r| (r.text.span, ElementKind::References)));
    fields.extend(cable.classified_by.as_ref().map(|c| (c.text.span, ElementKind::ClassifiedBy)));
    fields.extend(
        cable
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::UnrecognisedLine)
            .map(|w| (w.span, ElementKind::Unrecognised)),
    );
    fields.retain(|(s, _)| s.start < body_start && !s.is_empty());
    fields.sort_by_key(|(s, k)| (s.start, *k != ElementKind::Unrecognised));
    let meta_start = cable.metadata_span.start;
    let mut f = 0;
    let lines = lines::split(&source[..body_start as usize]);
    if let Some(first) = lines.first().filter(|l| l.start > 0) {
        // A byte-order mark before the first line.
        out.push(Element { kind: ElementKind::Blank, span: Span::new(0, first.start), index: None });
    }
    for line in lines {
        let full = line.full_span();
        if line.is_blank() {
            push(out, Element { kind: ElementKind::Blank, span: full, index: None });
            continue;
        }
        let text_end = line.span().end;
        while f < fields.len() && fields[f].0.end <= line.start && fields[f].0.start < line.start {
            f += 1;
        }
        let mut kind = None;
        for (s, k) in fields[f..].iter().take_while(|(s, _)| s.start < text_end) {
            if s.end > line.start {
                if *k == ElementKind::Unrecognised {
                    kind = Some(*k);
                    break;
                }
                kind.get_or_insert(*k);
            }
        }
        let kind = kind.unwrap_or({
            if cable.header_span.start <= line.start && line.start < cable.header_span.end && line.start < meta_start {
                ElementKind::Header
            } else if crate::shape::pagebreak::is_page_marker(line.trimmed())
                || crate::shape::pagebreak::page_banner(line.trimmed()).is_some()
            {
                ElementKind::Break
            } else if line.start < meta_start || cable.metadata_span.is_empty() {
                ElementKind::Header
            } else {
                ElementKind::Metadata
            }
        });
        let joinable = !matches!(kind, ElementKind::Header | ElementKind::Unrecognised | ElementKind::Break);
        match out.last_mut() {
            Some(last) if joinable && last.kind == kind && last.span.end == full.start => last.span.end = full.end,
            _ => out.push(Element { kind, span: full, index: None }),
        }
    }
}

/// The recorded spans of the body, in order.
fn body_spans(cable: &Cable<'_>, body_start: u32) -> Vec<(ElementKind, Span, Option<usize>)> {
    let b = &cable.body_parts;
    let mut v: Vec<(ElementKind, Span, Option<usize>)> =
        Vec::with_capacity(b.paragraphs.len() * 2 + b.breaks.len() + 4);
    for (i, p) in b.paragraphs.iter().enumerate() {
        if let Some(h) = p.heading {
            v.push((ElementKind::Heading, h, Some(i)));
        }
        let mut at = p.span.start;
        for g in &p.gaps {
            if g.start > at {
                v.push((ElementKind::Paragraph, Span::new(at, g.start), Some(i)));
            }
            at = at.max(g.end);
        }
        if p.span.end > at {
            v.push((ElementKind::Paragraph, Span::new(at, p.span.end), Some(i)));
        }
    }
    v.extend(b.orphan_headings.iter().map(|&h| (ElementKind::Heading, h, None)));
    v.extend(b.breaks.iter().enumerate().map(|(i, br)| (ElementKind::Break, br.span, Some(i))));
    v.extend(b.signature.map(|s| (ElementKind::Signature, s.span, None)));
    v.extend(b.trailer.iter().map(|&t| (ElementKind::Trailer, t, None)));
    v.retain(|(_, s, _)| s.start >= body_start && !s.is_empty());
    v.sort_by_key(|(_, s, _)| (s.start, s.end));
    v
}

/// `end`, moved past the spaces and line end that follow it when nothing else is on the rest
/// of its line: elements take their line ends.
fn line_rest(source: &str, end: u32) -> u32 {
    let b = source.as_bytes();
    let mut i = end as usize;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    match b.get(i) {
        Some(b'\n') => i as u32 + 1,
        Some(b'\r') if b.get(i + 1) == Some(&b'\n') => i as u32 + 2,
        Some(b'\r') => i as u32 + 1,
        None => i as u32,
        _ => end,
    }
}

/// Elements for the unrecorded bytes `from..to`: blank runs, rules, unrecognised lines.
fn fill(source: &str, from: u32, to: u32, out: &mut Vec<Element>) {
    if from >= to {
        return;
    }
    let mut at = from as usize;
    let to = to as usize;
    let b = source.as_bytes();
    while at < to {
        let nl = memchr::memchr(b'\n', &b[at..to]).map_or(to, |i| at + i + 1);
        let line = &source[at..nl];
        let clean = super::text::clean_line(line);
        let kind = if super::text::is_blank(line) {
            ElementKind::Blank
        } else if is_rule(line) || is_separator(line) {
            ElementKind::Rule
        } else if clean.is_empty() {
            // `SIPDIS` on a line of its own.
            ElementKind::Caption
        } else {
            ElementKind::Unrecognised
        };
        push(out, Element { kind, span: Span::new(at as u32, nl as u32), index: None });
        at = nl;
    }
}

/// Appends `e`, merging it into the element before when both are blank.
fn push(out: &mut Vec<Element>, e: Element) {
    if let Some(last) = out.last_mut() {
        if last.kind == ElementKind::Blank && e.kind == ElementKind::Blank && last.span.end == e.span.start {
            last.span.end = e.span.end;
            return;
        }
    }
    out.push(e);
}
