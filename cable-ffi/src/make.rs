//! What each record holds: the fields of the cable and of its records, read from the core's
//! model, under the names of the JSON contract (`fields.rs`). Everything is the core's: this
//! only files its values under a field.

use crate::fields::*;
use crate::records::CableRecord;
use cable_core::{Break, Cable, Marking, Paragraph, Passage, Recipient, Reference, Span, TextSection, Warning};

/// The cable's own fields (strings, lists of strings, numbers and spans; the lists of records
/// are made one by one by [`list`]).
pub(crate) fn root(c: &Cable<'_>, text: &str, source: Option<&str>) -> CableRecord {
    let (r, eo, by, env, section) = (c.routing(), c.eo(), c.classified_by(), c.envelope(), c.section());
    let non_empty = |s: Span| (!s.is_empty()).then_some(s);
    let declassify = eo.and_then(|e| e.declassify_on).and_then(|d| d.and_hms_opt(0, 0, 0));
    CableRecord::new()
        .str(CABLE_FIELD_TEXT, Some(text))
        .str(CABLE_FIELD_SOURCE, source)
        .str(CABLE_FIELD_REFERENCE_ID, c.reference_id())
        .str(CABLE_FIELD_TRANSMISSION_ID, c.transmission_id())
        .span(CABLE_FIELD_TRANSMISSION_ID, r.transmission_id.map(|t| t.span))
        .int(CABLE_FIELD_CREATED, c.created().map(|d| d.timestamp()))
        .str(CABLE_FIELD_DTG, c.dtg().map(|d| d.raw))
        .span(CABLE_FIELD_DTG, c.dtg().map(|d| d.span))
        .str(CABLE_FIELD_PRECEDENCE, c.precedence().map(|p| p.as_str()))
        .str(CABLE_FIELD_INFO_PRECEDENCE, c.dtg().and_then(|d| d.info_precedence).map(|p| p.as_str()))
        .str(CABLE_FIELD_SENDER, c.sender())
        .span(CABLE_FIELD_SENDER, c.sender_span())
        .str(CABLE_FIELD_ORIGIN, c.origin())
        .int(CABLE_FIELD_SERIAL, c.serial())
        .str(CABLE_FIELD_ROUTING_RELAY_PRECEDENCE, r.relay_precedence.map(|s| s.value))
        .strs(CABLE_FIELD_ROUTING_RELAYS, r.relays.iter().map(|s| s.value))
        .str(CABLE_FIELD_ROUTING_STATION, r.station.map(|s| s.value))
        .str(CABLE_FIELD_ROUTING_SERIAL, r.station_serial.map(|s| s.value))
        .int(CABLE_FIELD_ROUTING_SECTION, r.section)
        .str(CABLE_FIELD_ROUTING_JULIAN_TIME, r.julian_time.map(|s| s.value))
        .str(CABLE_FIELD_ROUTING_SECURITY, r.security.map(|s| s.value))
        .str(CABLE_FIELD_ROUTING_SIGNALS, r.signals.map(|s| s.value))
        .str(CABLE_FIELD_CLASSIFICATION, c.classification().map(|l| l.as_str()))
        .strs(CABLE_FIELD_CAVEATS, c.caveats().iter().map(|t| t.as_str()))
        .strs(CABLE_FIELD_DISTRIBUTION, c.distribution().iter().map(|t| t.as_str()))
        .int(CABLE_FIELD_SECTION_NUMBER, section.map(|s| s.number))
        .int(CABLE_FIELD_SECTION_TOTAL, section.and_then(|s| s.total))
        .span(CABLE_FIELD_EO, eo.map(|e| e.span))
        .str(CABLE_FIELD_EO_ORDER, eo.and_then(|e| e.order))
        .int(CABLE_FIELD_EO_DECLASSIFY_ON, declassify.map(|d| d.and_utc().timestamp()))
        .str(CABLE_FIELD_EO_DECLASSIFY_RAW, eo.and_then(|e| e.declassify_raw))
        .strs(CABLE_FIELD_TAGS, c.tags().iter().map(|t| t.as_str()))
        .strs(CABLE_FIELD_TAGS_RAW, c.tags_raw().iter().map(|t| t.as_str()))
        .str(CABLE_FIELD_SUBJECT, c.subject())
        .span(CABLE_FIELD_SUBJECT, c.subject_text().map(|t| t.span))
        .str(CABLE_FIELD_CLASSIFIED_BY, by.map(|b| b.text.as_str()))
        .span(CABLE_FIELD_CLASSIFIED_BY, by.map(|b| b.text.span))
        .strs(CABLE_FIELD_CLASSIFIED_BY_NAMES, by.iter().flat_map(|b| b.names.iter().map(|n| &**n)))
        .strs(CABLE_FIELD_CLASSIFIED_BY_REASONS, by.iter().flat_map(|b| b.reasons.iter().copied()))
        .int(CABLE_FIELD_PARTIAL, Some(c.partial() as i64))
        .str(CABLE_FIELD_ENVELOPE_KIND, env.map(|e| e.kind.as_str()))
        .int(CABLE_FIELD_ENVELOPE_ROW_ID, env.and_then(|e| e.row_id))
        .str(CABLE_FIELD_ENVELOPE_REFERENCE_ID, env.and_then(|e| e.reference_id.as_deref()))
        .str(CABLE_FIELD_ENVELOPE_CREATED, env.and_then(|e| e.created.as_deref()))
        .str(CABLE_FIELD_ENVELOPE_RELEASED, env.and_then(|e| e.released.as_deref()))
        .str(CABLE_FIELD_ENVELOPE_CLASSIFICATION, env.and_then(|e| e.classification.as_deref()))
        .str(CABLE_FIELD_ENVELOPE_ORIGIN, env.and_then(|e| e.origin.as_deref()))
        .strs(CABLE_FIELD_ENVELOPE_REFERENCES, env.into_iter().flat_map(|e| e.reference_ids()))
        .str(CABLE_FIELD_SIGNATURE, c.signature().map(|s| s.value))
        .span(CABLE_FIELD_SIGNATURE, c.signature().map(|s| s.span))
        .strs(CABLE_FIELD_SIGNERS, c.signers())
        .span(CABLE_FIELD_HEADER, non_empty(c.header_span()))
        .span(CABLE_FIELD_METADATA, non_empty(c.metadata_span()))
        .span(CABLE_FIELD_BODY, Some(c.body_span()))
        .span(CABLE_FIELD_BANNER, c.banner().map(|b| b.span))
}

/// The records of the list `field` of the cable (empty for a field that is no such list).
pub(crate) fn list(c: &Cable<'_>, field: CableField) -> Box<[CableRecord]> {
    let text = |s: Span| c.text_of(s);
    let spanned = |t: &str, s: Span| CableRecord::new().str(CABLE_FIELD_TEXT, Some(t)).span(CABLE_FIELD_SPAN, Some(s));
    match field {
        CABLE_FIELD_TO => c.to().iter().map(recipient).collect(),
        CABLE_FIELD_INFO => c.info().iter().map(recipient).collect(),
        CABLE_FIELD_SUBJECT_MARKING => c.subject_marking().map(|m| marking(m, None)).into_iter().collect(),
        CABLE_FIELD_DOCUMENT_MARKING => {
            c.document_marking().map(|m| marking(m.value, Some(m.span))).into_iter().collect()
        }
        CABLE_FIELD_REFERENCES => c.references().iter().map(reference).collect(),
        CABLE_FIELD_PARAGRAPHS => c.paragraphs().iter().map(paragraph).collect(),
        CABLE_FIELD_SUMMARY => c.summary().map(passage).into_iter().collect(),
        CABLE_FIELD_COMMENT => c.comment().map(passage).into_iter().collect(),
        CABLE_FIELD_ACTION_REQUEST => c.action_request().map(passage).into_iter().collect(),
        CABLE_FIELD_NOTES => c.notes().map(passage).collect(),
        CABLE_FIELD_LINKS => c.links().iter().map(link).collect(),
        CABLE_FIELD_DRAFTING => c.drafting().map(drafting).into_iter().collect(),
        CABLE_FIELD_REDACTIONS => c.redactions().iter().map(|&s| spanned(text(s), s)).collect(),
        CABLE_FIELD_BREAKS => c.breaks().iter().map(brk).collect(),
        CABLE_FIELD_SECTIONS => c.sections().iter().map(section).collect(),
        // (The text as the JSON and Python give it: at most 200 bytes of the span's.)
        CABLE_FIELD_WARNINGS => c.warnings().iter().map(|w| warning(w, c.warning_text(w))).collect(),
        CABLE_FIELD_TAGS => c.tags().iter().map(|t| spanned(t.as_str(), t.span)).collect(),
        _ => Box::default(),
    }
}

fn recipient(r: &Recipient<'_>) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_ROUTE, r.route)
        .str(CABLE_FIELD_NAME, Some(r.name))
        .str(CABLE_FIELD_OFFICE, r.office)
        .str(CABLE_FIELD_PRECEDENCE, r.precedence.map(|p| p.as_str()))
        .str(CABLE_FIELD_MCN, r.mcn)
        .strs(CABLE_FIELD_EXCLUDED, r.excluded.iter().copied())
        .span(CABLE_FIELD_SPAN, Some(r.span))
}

fn marking(m: &Marking<'_>, span: Option<Span>) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_LEVEL, Some(m.level.as_str()))
        .str(CABLE_FIELD_RAW, Some(m.raw))
        .strs(CABLE_FIELD_CAVEATS, m.caveats())
        .span(CABLE_FIELD_SPAN, span)
}

fn reference(r: &Reference<'_>) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_LABEL, r.label)
        .str(CABLE_FIELD_KIND, Some(r.kind.as_str()))
        .str(CABLE_FIELD_ID, r.id.as_deref())
        .str(CABLE_FIELD_STATION, r.station.as_deref())
        .int(CABLE_FIELD_SERIAL, r.serial)
        .int(CABLE_FIELD_YEAR, r.year)
        .str(CABLE_FIELD_TEXT, Some(r.text.as_str()))
}

fn paragraph(p: &Paragraph<'_>) -> CableRecord {
    let item = |i: cable_core::Item<'_>| {
        let r = CableRecord::new().str(CABLE_FIELD_LABEL, Some(i.label));
        r.text(CABLE_FIELD_TEXT, Some(i.text)).span(CABLE_FIELD_SPAN, Some(i.span))
    };
    let (text, items) = p.text_and_items();
    CableRecord::new()
        .int(CABLE_FIELD_NUMBER, p.number())
        .str(CABLE_FIELD_WRITTEN_NUMBER, p.written_number())
        .records(CABLE_FIELD_MARKING, p.marking().map(|m| marking(m, None)))
        .text(CABLE_FIELD_HEADING, p.heading())
        .span(CABLE_FIELD_HEADING_SPAN, p.heading_span())
        .text(CABLE_FIELD_TEXT, Some(text))
        .span(CABLE_FIELD_TEXT_SPAN, Some(p.text_span()))
        .span(CABLE_FIELD_SPAN, Some(p.span()))
        .records(CABLE_FIELD_ITEMS, items.into_iter().map(item))
}

fn passage(p: Passage<'_, '_>) -> CableRecord {
    let r = p.paragraphs();
    CableRecord::new()
        .str(CABLE_FIELD_KIND, Some(p.kind().as_str()))
        .text(CABLE_FIELD_TEXT, Some(p.text()))
        .span(CABLE_FIELD_SPAN, Some(p.span()))
        .int(CABLE_FIELD_FIRST_PARAGRAPH, Some(r.start))
        .int(CABLE_FIELD_LAST_PARAGRAPH, Some(r.end.max(r.start + 1) - 1))
}

fn link(l: &cable_core::Link) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_KIND, Some(l.kind.as_str()))
        .int(CABLE_FIELD_PARAGRAPH, Some(l.paragraph))
        .int(CABLE_FIELD_TARGET, l.target)
        .int(CABLE_FIELD_NUMBER, l.number)
        .span(CABLE_FIELD_SPAN, Some(l.span))
}

fn drafting(d: cable_core::Drafting<'_>) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_DRAFTED, Some(d.drafted.value))
        .strs(CABLE_FIELD_CLEARED, d.cleared.iter().map(|c| c.value))
        .str(CABLE_FIELD_APPROVED, d.approved.map(|a| a.value))
        .span(CABLE_FIELD_SPAN, Some(d.span))
}

fn brk(b: &Break) -> CableRecord {
    let r = CableRecord::new().str(CABLE_FIELD_KIND, Some(b.kind.as_str()));
    r.int(CABLE_FIELD_PAGE, b.page).span(CABLE_FIELD_SPAN, Some(b.span))
}

fn section(s: &TextSection) -> CableRecord {
    let r = CableRecord::new().int(CABLE_FIELD_NUMBER, s.number).int(CABLE_FIELD_TOTAL, s.total);
    r.span(CABLE_FIELD_SPAN, Some(s.span)).span(CABLE_FIELD_HEADER_SPAN, Some(s.header_span))
}

fn warning(w: &Warning, text: &str) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_KIND, Some(w.kind.as_str()))
        .str(CABLE_FIELD_MESSAGE, Some(w.kind.message()))
        .span(CABLE_FIELD_SPAN, Some(w.span))
        .str(CABLE_FIELD_TEXT, Some(text))
}

/// A row of the station table (its strings are static).
pub(crate) fn station(s: &'static cable_core::ids::Station) -> CableRecord {
    CableRecord::new()
        .str(CABLE_FIELD_STATION, Some(s.station()))
        .str(CABLE_FIELD_PLAD, Some(s.plad()))
        .strs(CABLE_FIELD_PLADS, s.plads().iter().copied())
        .strs(CABLE_FIELD_ROUTES, s.routes().iter().copied())
        .str(CABLE_FIELD_ORIGIN, Some(s.origin()))
        .str(CABLE_FIELD_COUNTRY, Some(s.country()))
        .str(CABLE_FIELD_GEO, Some(s.geo()))
}
