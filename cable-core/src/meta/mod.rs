//! The metadata block at the top of the body: classification banner, captions, distribution
//! lines, `E.O.`, `TAGS`, `SUBJECT`, `REF` and `Classified By`, in whatever order and spelling
//! the cable has them, with page breaks anywhere in between.
//!
//! [`parse`] walks the lines after the routing header and stops at the first line that belongs
//! to the text of the cable (a numbered paragraph, a heading, prose).

pub(crate) mod classified_by;
mod clues;
pub(crate) mod eo;
pub(crate) mod refs;
mod store;
pub(crate) mod tags;

use crate::classification::Marking;
use crate::clean;
use crate::lines::Line;
use crate::model::{Banner, Cable, ClassifiedBy, ExecutiveOrder};
use crate::scan;
use crate::shape::number::is_numbered_paragraph;
use crate::shape::pagebreak;
use crate::shape::routing::is_strong_header_line;
use crate::shape::rule::is_rule;
use crate::shape::{banner, captions, keywords, reflist};
use crate::span::Span;
use crate::spanned::{Spanned, Text};
use crate::warning::{Warning, WarningKind};
use clues::{
    cut_sbu_banner, ends_in_label, is_declassification_stamp, is_release_date_line, keyword_follows, metadata_ahead,
    prose_after_upper_case, ref_label_line, ref_list_line, wrapped_serial,
};
use keywords::{Field, Keyword};
use smallvec::SmallVec;
use std::borrow::Cow;
use store::{push_captions, set_banner};

/// The pieces of a field, one per line (see `Meta::pieces`).
type Pieces<'a> = SmallVec<[&'a str; 8]>;

/// Which field continuation lines belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Subject,
    Tags,
    /// `after_blank`: a blank line was seen; only a lettered item continues the block.
    Ref {
        after_blank: bool,
    },
    ClassifiedBy,
    Distribution,
}

struct Meta<'l, 'a> {
    lines: &'l [Line<'a>],
    open: Open,
    /// Pieces (slices of the source, one per line) of the open field: on the stack unless a
    /// field runs over more than 8 lines (a heap list here was one allocation per cable).
    pieces: Pieces<'a>,
    /// A field keyword was seen: unrecognised lines from now on start the body.
    seen_field: bool,
    first: Option<usize>,
    last: usize,
    /// Length in characters of the line that gave the last piece of an open subject.
    last_line_len: usize,
    /// The line where a subject that looked wrapped ended at a blank line: a lone line after
    /// the blank, with more metadata below it, continues it.
    subject_cut: Option<usize>,
}

/// What [`Meta::step`] has already read of a line when it asks whether the line continues the
/// open field: the continuation tests take it rather than read the line again.
#[derive(Clone, Copy)]
struct Asked<'a> {
    /// `captions::captions` found the line no caption line.
    no_captions: bool,
    /// `banner::parse` of the line, when it was asked.
    banner: Option<Option<banner::BannerLine<'a>>>,
}

impl<'a> Asked<'a> {
    /// Nothing read yet.
    const NOTHING: Asked<'static> = Asked { no_captions: false, banner: None };

    /// [`captions::is_caption_line`] of `t`, the line asked about.
    fn caption_line(&self, t: &str) -> bool {
        !self.no_captions && captions::is_caption_line(t)
    }

    /// [`banner::parse`] of `t`, the line asked about.
    fn banner(&self, t: &'a str) -> Option<banner::BannerLine<'a>> {
        self.banner.unwrap_or_else(|| banner::parse(t))
    }
}

/// Where the metadata block ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The body starts at this line.
    Body(usize),
    /// A routing header starts at this line (inbox printouts put a summary block, and sometimes
    /// the banner, above the header); the metadata block goes on after it.
    Header(usize),
}

/// Parses the metadata block starting at `lines[start]` into `cable`; returns where it ended.
pub(crate) fn parse<'a>(lines: &[Line<'a>], start: usize, cable: &mut Cable<'a>) -> End {
    let mut m = Meta {
        lines,
        open: Open::None,
        pieces: SmallVec::new(),
        seen_field: false,
        first: None,
        last: start,
        last_line_len: 0,
        subject_cut: None,
    };
    let mut i = start;
    let body = loop {
        if i >= lines.len() {
            break lines.len();
        }
        if is_strong_header_line(lines[i].trimmed()) {
            m.close(cable);
            m.record_span(cable);
            return End::Header(i);
        }
        match m.step(i, cable) {
            Some(n) => {
                if !lines[i].is_blank() {
                    m.first.get_or_insert(i);
                    m.last = i + n - 1;
                }
                i += n;
            }
            None => break i,
        }
    };
    m.close(cable);
    m.record_span(cable);
    // `1. (U) Classified by ...` opens the text: the paragraph stays in the body, and the line is
    // read as the Classified By field too.
    if cable.classified_by.is_none() && body < lines.len() {
        let t = lines[body].trimmed();
        if let Some(k) = keywords::classified_by_at_start(t) {
            m.pieces.push(&t[k.content..]);
            m.open = Open::ClassifiedBy;
            // Its name and reasons may wrap onto the next lines of the paragraph (`... CHARGE
            // D'AFFAIRES THEODORE` / `KATTOUF: 1.5 B, D.`).
            for line in &lines[body + 1..] {
                let next = line.trimmed();
                // (A page footer, `CONFIDENTIAL`, ends it.)
                let footer = crate::classification::banner_word(next).is_some();
                if next.is_empty() || footer || !m.continues(next, line.text.starts_with(scan::is_space)) {
                    break;
                }
                m.pieces.push(next);
            }
            m.close(cable);
        }
    }
    End::Body(body)
}

impl<'l, 'a> Meta<'l, 'a> {
    fn record_span(&self, cable: &mut Cable<'a>) {
        if let Some(f) = self.first {
            let span = Span::new(self.lines[f].start, self.lines[self.last].span().end);
            cable.metadata_span = if cable.metadata_span.is_empty() { span } else { cable.metadata_span.to(span) };
        }
    }

    /// Handles `lines[i]`; returns how many lines it took, or `None` when the body starts there.
    fn step(&mut self, i: usize, cable: &mut Cable<'a>) -> Option<usize> {
        let line = &self.lines[i];
        let t = line.trimmed();
        if t.is_empty() {
            match self.open {
                Open::Ref { .. } => self.open = Open::Ref { after_blank: true },
                // `Classified By: AMBASSADOR ROBERT H. TUTTLE FOR REASONS` / `` / `1.4 B, D`.
                Open::ClassifiedBy if self.reason_pending() => {}
                Open::Subject => {
                    if self.subject_wrapped() {
                        self.subject_cut = Some(i);
                    }
                    self.close(cable);
                }
                _ => self.close(cable),
            }
            return Some(1);
        }
        if let Some(b) = pagebreak::page_break_at(self.lines, i) {
            let last = &self.lines[i + b.lines - 1];
            if self.open != Open::None {
                let span = Span::new(line.start, last.span().end);
                cable.warnings.push(Warning::new(WarningKind::PageBreakInField, span));
            }
            if let Some(at) = b.content_at {
                let content = &last.text[at..];
                if self.continues(content, false) {
                    self.pieces.push(content);
                    self.note_line_len(content, 0);
                } else {
                    self.close(cable);
                    self.fragment(last, content, cable);
                }
            }
            return Some(b.lines);
        }
        if is_numbered_paragraph(t) {
            self.close(cable);
            return None;
        }
        if let Open::Ref { after_blank: true } = self.open {
            // `REF: (A) STATE 238760, (B) WELLINGTON 847, (C) STATE` / `` / `201391`
            // (04WELLINGTON932), `... (C) WELLINGTON` / `` / `66` (04WELLINGTON882), `C) 2003
            // Sao Paulo` / `` / `1186` (04BRASILIA1668): a serial alone, below a REF line that
            // ends in a station without its serial.
            let serial = t.trim_end_matches(['.', ',', ';']);
            let lone_serial = (1..=7).contains(&serial.len())
                && scan::is_digits(serial)
                && self.pieces.last().is_some_and(|l| l.trim_end().ends_with(|c: char| c.is_alphabetic()));
            // `... C) 2003` / `` / `TAIPEI 03339 D) 2004 TAIPEI 00479 ...` (05TAIPEI58): the list
            // goes on where its item broke off.
            let mid_item = self.pieces.last().is_some_and(|l| reflist::ends_mid_item(l));
            let wrapped_list = mid_item && reflist::reads_as_ref_list(t);
            // `... C) SANTO` / `` / `DOMINGO 4680` (03SANTODOMINGO4736): the rest of the item.
            let rest = mid_item && reflist::rest_of_item(t);
            if (ref_label_line(t) || lone_serial || wrapped_list || rest) && keywords::at_start(t).is_none() {
                self.open = Open::Ref { after_blank: false };
                self.pieces.push(t);
                return Some(1);
            }
            self.close(cable);
        }
        if let Some(k) = keywords::at_start(t) {
            self.close(cable);
            self.fields(line, t, k, cable);
            return Some(1);
        }
        // The banner; a page-top line of a partial record (`UNCLASSIFIED` alone) gives way to the
        // full banner below it.
        // After other fields (inbox printouts and re-published pages put a summary block above
        // the telegram), only a full banner with station and serial is taken.
        let banner_open = cable.banner.as_ref().is_none_or(|b| b.station.is_none());
        let mut asked: Asked<'a> = Asked::NOTHING;
        if banner_open {
            let wanted =
                |b: &banner::BannerLine<'_>| (cable.banner.is_none() && !self.seen_field) || b.station.is_some();
            let b = banner::parse(t);
            asked.banner = Some(b);
            if let Some(b) = b.filter(wanted) {
                self.close(cable);
                set_banner(line, t, b, cable);
                return Some(1);
            }
        }
        if let Some(caps) = captions::captions(t) {
            self.close(cable);
            push_captions(line, caps, cable);
            return Some(1);
        }
        asked.no_captions = true;
        // A distribution line ending in a joining word goes on (`... BAKU FOR` / `HAUGEN; ...`).
        // After four lines of `;`-joined offices a line starts an entry of its own (04TELAVIV6149).
        let may_start_distribution = self.open == Open::None
            || (self.open == Open::Distribution && (!self.distribution_wrapped() || self.pieces.len() >= 4));
        if may_start_distribution && captions::is_distribution_line(t) {
            self.close(cable);
            self.distribution(line, t, cable);
            return Some(1);
        }
        // `TAGS: PREL ... MNUC` / `ECON, PHUM, RS, UK SUBJECT: MILIBAND'S ...`: a line of more
        // tags with the next field glued after them.
        if self.open == Open::Tags {
            if let Some(k) = keywords::glued_after(t, 0, Some(Field::Tags)).filter(|k| k.at > 0) {
                let head = scan::trim(&t[..k.at]);
                if tags::is_tag_line(head) {
                    self.pieces.push(head);
                    self.close(cable);
                    self.fields(line, t, k, cable);
                    return Some(1);
                }
            }
        }
        // (No keyword opens the line: `keywords::at_start` was asked above.)
        if self.goes_on(t, line.text.starts_with(scan::is_space), asked) {
            self.pieces.push(t);
            self.note_line_len(t, 0);
            return Some(1);
        }
        if is_release_date_line(t) || is_declassification_stamp(t) || asked.banner(t).is_some() {
            self.close(cable);
            return Some(1);
        }
        if pagebreak::is_lone_classification(t) {
            self.close(cable);
            return Some(1);
        }
        // A subject cut by a blank line (`... NORTH KOREA AFTER CURRENCY` / `` / `REFORM` / `` /
        // `REF: ...`): the lone line goes on with it when more metadata follows.
        if self.open == Open::None
            && self.subject_cut.is_some_and(|b| b + 1 == i)
            && t.chars().count() <= 80
            && crate::classification::banner_word(t).is_none()
            && keyword_follows(self.lines, i + 1)
        {
            self.append_to_subject(line, t, cable);
            return Some(1);
        }
        // `CARDINAL HUMMES DISCUSSES LULA GOVERNMENT, ... AND FTAA REF: (A) 05 SAO PAULO 405`: a
        // subject that lost its keyword, with the REF field glued after it (upper case only).
        if self.open == Open::None {
            let glued_ref = keywords::glued_after(t, 0, Some(Field::Subject))
                .filter(|k| k.field == Field::Ref && k.at > 0 && scan::is_upper_text(&t[..k.at]));
            if let Some(k) = glued_ref {
                cable.warnings.push(Warning::new(WarningKind::UnrecognisedLine, line.span_of(scan::trim(&t[..k.at]))));
                self.fields(line, t, k, cable);
                return Some(1);
            }
        }
        // `tags something, ` / `here`: a fragment that starts with the keyword in any case.
        // (The keyword test first: the look back over the lines before runs only for such lines.)
        if let Some(k) = keywords::tags_in_any_case(t).filter(|_| self.lines[..i].iter().all(|l| l.is_blank())) {
            self.fields(line, t, k, cable);
            return Some(1);
        }
        // `SIPDIS E.O. 12958: N/A` (09BRASILIA1540): captions with a field glued after them.
        if let Some(k) = keywords::glued_after(t, 0, None) {
            if let Some(caps) = captions::captions(&t[..k.at]) {
                self.close(cable);
                push_captions(line, caps, cable);
                self.fields(line, t, k, cable);
                return Some(1);
            }
        }
        self.close(cable);
        let want_banner = cable.banner.as_ref().is_none_or(|b| b.station.is_none());
        if metadata_ahead(self.lines, i + 1, want_banner, !self.seen_field) || keyword_follows(self.lines, i + 1) {
            cable.warnings.push(Warning::new(WarningKind::UnrecognisedLine, line.span()));
            return Some(1);
        }
        None
    }

    /// True when the open subject's last line looks wrapped: long, or ending in a hyphen,
    /// comma or joining word.
    fn subject_wrapped(&self) -> bool {
        let l = self.pieces.last().copied().unwrap_or("").trim_end();
        self.last_line_len >= 40
            || l.ends_with(['-', ',', ':', '&', '/'])
            || [" AND", " OF", " THE", " TO", " FOR", " IN", " ON", " and", " of", " the", " to", " for", " in", " on"]
                .iter()
                .any(|w| l.ends_with(w))
    }

    /// True when the open distribution line ends in a joining word or comma.
    fn distribution_wrapped(&self) -> bool {
        let l = self.pieces.last().copied().unwrap_or("").trim_end();
        l.ends_with([',', '&', ';']) || l.ends_with(" AND") || l.ends_with(" FOR")
    }

    /// True when the open `Classified By` field ends with `REASONS` and no reason yet.
    fn reason_pending(&self) -> bool {
        let l = self.pieces.last().copied().unwrap_or("").trim_end().trim_end_matches([':', ' ']);
        self.pieces.len() < 3
            && (scan::ends_with_ci(l, "reason") || scan::ends_with_ci(l, "reasons"))
            && !self.pieces.iter().any(|p| p.contains("1."))
    }

    /// Adds a line to the subject read before it (the subject was cut by a blank line).
    fn append_to_subject(&mut self, line: &Line<'a>, t: &'a str, cable: &mut Cable<'a>) {
        self.subject_cut = None;
        if let Some(subject) = cable.subject.take() {
            let more = clean::join_lines(&[t]);
            let value = format!("{} {}", subject.value, more);
            cable.subject = Some(Text::new(Cow::Owned(value), subject.span.to(line.span_of(t))));
        }
    }

    /// Content found after a `PAGE` banner that does not continue the open field: a field of
    /// its own or nothing we know.
    fn fragment(&mut self, line: &Line<'a>, content: &'a str, cable: &mut Cable<'a>) {
        if let Some(k) = keywords::at_start(content) {
            self.fields(line, content, k, cable);
        }
    }

    /// True when `t` continues the open field.
    fn continues(&self, t: &'a str, indented: bool) -> bool {
        keywords::at_start(t).is_none() && self.goes_on(t, indented, Asked::NOTHING)
    }

    /// [`Meta::continues`] for a line known to open no field (`step` asked the keywords first);
    /// `asked` holds what else `step` read of the line.
    fn goes_on(&self, t: &'a str, indented: bool, asked: Asked<'a>) -> bool {
        if is_rule(t) {
            return false;
        }
        let last = self.pieces.last().copied().unwrap_or("");
        match self.open {
            Open::None => false,
            // A subject wraps like any line of the text: the line before a continuation is
            // long, or ends in a hyphen, comma or joining word. Its first line wraps whatever its
            // length (`SUBJECT:  UPTURN IN FUNDAMENTALIST` / `ACTIVITY IN THE DELTA`) unless a
            // distribution or authority line follows. Captions, markings and classification
            // lines (page footers) never continue it.
            Open::Subject => {
                // (Asked only when the subject does not look wrapped.)
                let second_line = || {
                    self.pieces.len() == 1
                        && !captions::is_distribution_line(t)
                        && !scan::starts_with_ci(t, "DERIVED FROM")
                        && !is_release_date_line(t)
                        && t.bytes().any(|b| b.is_ascii_alphanumeric())
                };
                (self.subject_wrapped() || second_line())
                    && self.pieces.len() < 6
                    && !prose_after_upper_case(&self.pieces, t)
                    && !asked.caption_line(t)
                    && Marking::parse_prefix(t).is_none()
                    && crate::classification::banner_word(t).is_none()
            }
            Open::Tags => {
                last.trim_end().ends_with(',')
                    || tags::is_tag_line(t)
                    || tags::is_paren_group(t)
                    || (tags::wraps_free_text(last, t)
                        && !asked.caption_line(t)
                        && crate::classification::banner_word(t).is_none())
            }
            Open::Ref { after_blank } => {
                !after_blank
                    && self.pieces.len() < 60
                    && (indented
                        || ref_label_line(t)
                        // `-      (B) State 348253`: items listed after dashes.
                        || (t.starts_with('-') && ref_label_line(t.trim_start_matches(['-', ' '])))
                        || wrapped_serial(t)
                        || last.trim_end().ends_with([',', ';', '-', '&'])
                        // `C: 06 Sao Paulo 1059 D:` / `Brasilia 00593; ...`: a label ends the line.
                        || ends_in_label(last)
                        || last.trim_end().ends_with(" AND")
                        || ref_list_line(t))
            }
            Open::ClassifiedBy => {
                let l = last.trim_end();
                self.pieces.len() < 3
                    && t.len() < 120
                    && (scan::starts_with_ci(t, "reason")
                        || scan::starts_with_ci(t, "for reason")
                        // `... REASONS 1.4 B` / `AND D.`
                        || scan::starts_with_ci(t, "and ")
                        || t.starts_with('&')
                        || t.starts_with('(')
                        || ["1.4", "1.5", "1.6"].iter().any(|s| t.contains(s))
                        || l.ends_with(',')
                        // `... 1.4 (B) AND (` / `D).`
                        || l.ends_with('(')
                        // A token broken by the wrapping (`... per 1.5 (b) an` / `d (d).`).
                        || classified_by::word_broken_at_line_end(l, t)
                        || l.ends_with(" and")
                        || l.ends_with(" AND")
                        || scan::find_ci(l, "reason").is_some_and(|p| !l[p..].contains(|c: char| c.is_ascii_digit())))
            }
            Open::Distribution => {
                // A single word continues a line ending in a joining word (`DS/ITA AND` / `DS/IP/WHA`).
                self.pieces.len() < 4
                    && scan::is_upper_text(t)
                    && (scan::tokens(t).nth(1).is_some() || self.distribution_wrapped())
                    && !asked.caption_line(t)
                    && asked.banner(t).is_none()
            }
        }
    }

    /// Handles one or more glued fields starting with keyword `k` on `t`.
    fn fields(&mut self, line: &Line<'a>, t: &'a str, mut k: Keyword, cable: &mut Cable<'a>) {
        self.seen_field = true;
        loop {
            let next = keywords::glued_after(t, k.content, Some(k.field));
            let end = next.map_or(t.len(), |n| n.at);
            if k.damaged {
                cable.warnings.push(Warning::new(WarningKind::DamagedKeyword, line.span_of(&t[k.at..k.content])));
            }
            let content = &t[k.content..end];
            match k.field {
                Field::Eo => {
                    let whole = scan::trim(&t[k.at..end]);
                    self.eo(line.span_of(whole), content, cable);
                }
                Field::Tags => self.open_field(Open::Tags, content),
                Field::Subject => self.open_field(Open::Subject, content),
                Field::Ref => self.open_field(Open::Ref { after_blank: false }, content),
                Field::ClassifiedBy => self.open_field(Open::ClassifiedBy, content.trim_start_matches([':', ' ', '-'])),
            }
            match next {
                Some(n) => {
                    self.close(cable);
                    k = n;
                }
                None => break,
            }
        }
    }

    fn open_field(&mut self, open: Open, content: &'a str) {
        self.open = open;
        self.pieces.clear();
        self.pieces.push(content);
        // The keyword counts towards the length of the line (`SUBJECT: ` + content).
        self.note_line_len(content.trim_end(), 9);
    }

    /// Records the length of the line that gave the last piece (`extra` characters more), which
    /// only the subject's wrapping test reads: counted only while a subject is open.
    fn note_line_len(&mut self, piece: &str, extra: usize) {
        if self.open == Open::Subject {
            self.last_line_len = piece.chars().count() + extra;
        }
    }

    fn eo(&mut self, span: Span, content: &'a str, cable: &mut Cable<'a>) {
        if cable.eo.is_some() {
            cable.warnings.push(Warning::new(WarningKind::DuplicateField, span));
            return;
        }
        let parts = eo::parse(content);
        cable.eo = Some(ExecutiveOrder {
            order: parts.order,
            declassify_on: None,
            declassify_raw: parts.declassify_raw,
            span,
        });
    }

    fn distribution(&mut self, line: &Line<'a>, t: &'a str, cable: &mut Cable<'a>) {
        // `DEPARTMENT FOR WHA AND PM E.O. 12958: DECL: ... TAGS: ...`
        if let Some(k) = keywords::glued_after(t, 0, None).filter(|k| k.at > 0) {
            let head = scan::trim(&t[..k.at]);
            self.open_field(Open::Distribution, head);
            self.close(cable);
            self.fields(line, t, k, cable);
            return;
        }
        self.open_field(Open::Distribution, t);
    }
}

#[cfg(test)]
mod tests;
