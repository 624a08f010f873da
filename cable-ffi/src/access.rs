//! The field accessors: every field of the JSON contract, read from a record (the cable's own,
//! `cable_root`, or one under it) by its name, a `CABLE_FIELD_*` constant (`fields.rs` says
//! which field holds what, and of which type).
//!
//! All of them follow the rules of the header's opening comment: strings are borrowed from the
//! handle until `cable_free` (or static), `{NULL, 0}` when absent; lists of strings are a
//! `CableStrs`; lists of records a count and an index getter (out of range: NULL); numbers are
//! written through an out-parameter and the function returns whether the value is present. A
//! NULL handle or record, an unknown field and a field of another type or of another kind of
//! record all read as absent. Every accessor may be called from any number of threads at once.

use crate::boundary::{guarded, put};
use crate::fields::CableField;
use crate::handle::Cable;
use crate::records::CableRecord;
use crate::types::*;

/// The cable's own record: its fields are the top-level keys of the JSON contract
/// (`CABLE_FIELD_SUBJECT`, `CABLE_FIELD_ROUTING_STATION`, `CABLE_FIELD_TEXT`, ...; lists of
/// records such as `CABLE_FIELD_PARAGRAPHS`), read with the accessors below. Borrowed from `h`
/// until `cable_free(h)`; NULL when `h` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_root(h: Option<&Cable>) -> Option<&CableRecord> {
    guarded(h, |c| Some(c.root()))
}

/// The string `field` of a record (`CABLE_FIELD_SUBJECT` of the cable, `CABLE_FIELD_NAME` of an
/// addressee, ...), borrowed as the record is (or static); `{NULL, 0}` when absent.
#[unsafe(no_mangle)]
pub extern "C" fn cable_str(r: Option<&CableRecord>, field: CableField) -> CableStr {
    guarded(r, |r| r.get_str(field))
}

/// The list of strings `field` of a record (`CABLE_FIELD_TAGS` of the cable, `CABLE_FIELD_CAVEATS`
/// of a marking, ...), borrowed as its strings are; `{NULL, 0}` when empty or absent.
#[unsafe(no_mangle)]
pub extern "C" fn cable_strs(r: Option<&CableRecord>, field: CableField) -> CableStrs {
    guarded(r, |r| r.get_strs(field))
}

/// The number `field` of a record (`CABLE_FIELD_CREATED` of the cable, `CABLE_FIELD_NUMBER` of a
/// paragraph, ...). Returns true and stores it in `*out` (when `out` is not NULL) if present;
/// false when absent (`*out` is left alone).
#[unsafe(no_mangle)]
pub extern "C" fn cable_int(r: Option<&CableRecord>, field: CableField, out: Option<&mut i64>) -> bool {
    guarded(r, |r| put(out, r.get_int(field)))
}

/// The span `field` of a record (the cable's: the `spans` object of the JSON, such as
/// `CABLE_FIELD_HEADER`; a record's: `CABLE_FIELD_SPAN`, `CABLE_FIELD_TEXT_SPAN`, ...). Returns
/// true and stores it in `*out` (when `out` is not NULL) if present; false when absent (the
/// header and metadata when empty).
#[unsafe(no_mangle)]
pub extern "C" fn cable_span(r: Option<&CableRecord>, field: CableField, out: Option<&mut CableSpan>) -> bool {
    guarded(r, |r| put(out, r.get_span(field)))
}

/// Number of records of the list `field` of a record (`CABLE_FIELD_PARAGRAPHS` of the cable,
/// `CABLE_FIELD_ITEMS` of a paragraph, ...; 0 or 1 for a single record such as
/// `CABLE_FIELD_SUMMARY` or a paragraph's `CABLE_FIELD_MARKING`). The cable's lists are made on
/// first use (paragraphs with their cleaned text) and kept by the handle.
#[unsafe(no_mangle)]
pub extern "C" fn cable_count(r: Option<&CableRecord>, field: CableField) -> usize {
    guarded(r, |r| r.get_records(field).len())
}

/// Record `i` of the list `field` of a record (`cable_record(root, CABLE_FIELD_SUMMARY, 0)`: the
/// summary; `cable_record(p, CABLE_FIELD_MARKING, 0)`: a paragraph's marking), borrowed as the
/// record is; NULL when `i` is out of range or the field is no list.
#[unsafe(no_mangle)]
pub extern "C" fn cable_record(r: Option<&CableRecord>, field: CableField, i: usize) -> Option<&CableRecord> {
    guarded(r, |r| r.get_records(field).get(i))
}

/// The text of `span` in the cable's text (`CABLE_FIELD_TEXT`): borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when the span is not inside the text or does not fall on
/// character boundaries.
#[unsafe(no_mangle)]
pub extern "C" fn cable_span_text(h: Option<&Cable>, span: CableSpan) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().source().get(span.start..span.end)))
}

/// Finds the paragraph numbered `number` (the first one, if the number repeats). Returns true
/// and stores its index (for `cable_record(cable_root(h), CABLE_FIELD_PARAGRAPHS, i)`) in `*out`
/// (when `out` is not NULL) if there is one; false otherwise.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_find(h: Option<&Cable>, number: u32, out: Option<&mut usize>) -> bool {
    guarded(h, |c| put(out, c.core().paragraphs().iter().position(|p| p.number() == Some(number))))
}
