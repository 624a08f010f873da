//! Accessors: every field of the JSON contract, read from a `Cable` handle.
//!
//! All of them follow the rules of the header's opening comment: strings are borrowed from the
//! handle until `cable_free`, `{NULL, 0}` when absent; lists of strings are a `CableStrs`, other
//! lists a count and an index getter (out of range: `{NULL, 0}`, 0 or false); numbers are
//! written through an out-parameter and the function returns whether the value is present; a NULL handle reads as "absent"; every
//! accessor may be called from any number of threads at once.

use crate::boundary::{guarded, put};
use crate::handle::Cable;
use crate::records::{CableMarking, CableRecipient, CableRef, CableWarning, Strs};
use crate::types::*;

// ----------------------------------------------------------------------------------------------
// Identity and date

/// The reference id: 2-digit year, station and serial without leading zeros (`07MOSCOW5434`).
/// `{NULL, 0}` when the year or the station and serial are unknown (see `cable_origin`,
/// `cable_serial`) or `h` is NULL. Borrowed from `h` until `cable_free(h)`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_reference_id(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().reference_id()))
}

/// The transmission id, format line 1 (`VZCZCXRO9060`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_transmission_id(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().transmission_id()))
}

/// When the cable was sent: the date-time group, or the envelope's date when the text has none.
/// Returns true and stores seconds since 1970-01-01T00:00:00Z in `*out` (when `out` is not
/// NULL) if known; false when unknown or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_created(h: Option<&Cable>, out: Option<&mut i64>) -> bool {
    guarded(h, |c| put(out, c.core().created().map(|d| d.timestamp())))
}

/// The date-time group as written (`171231Z NOV 07`). Borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_dtg(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().dtg().map(|d| d.raw)))
}

/// The action precedence of the date-time group: `ROUTINE`, `PRIORITY`, `IMMEDIATE`,
/// `NIACT IMMEDIATE`, `FLASH` or `EMERGENCY`. Static (valid for the life of the program);
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_precedence(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().precedence().map(|p| p.as_str())))
}

/// The info precedence, when the date-time group line has two letters (`O P 071948Z OCT 08` →
/// `PRIORITY`). Static; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_info_precedence(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().dtg().and_then(|d| d.info_precedence).map(|p| p.as_str())))
}

/// The originator of the `FM` line (`AMEMBASSY MOSCOW`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_sender(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().sender()))
}

/// The station of the reference id (`MOSCOW`, `TELAVIV`), known even when the year is not.
/// Borrowed from `h` until `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_origin(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().origin()))
}

/// The serial of the reference id (`5434`). Returns true and stores it in `*out` (when `out`
/// is not NULL) if known; false when unknown or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_serial(h: Option<&Cable>, out: Option<&mut u32>) -> bool {
    guarded(h, |c| put(out, c.core().serial()))
}

// ----------------------------------------------------------------------------------------------
// Addressees: borrowed sub-handles

/// Number of action addressees (`TO` lines). 0 when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_to_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().to().len())
}

/// Action addressee `i`, borrowed from `h` until `cable_free(h)` (read it with the
/// `cable_recipient_*` functions); NULL when `i` is out of range or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_to(h: Option<&Cable>, i: usize) -> Option<&CableRecipient> {
    guarded(h, |c| c.nth(|r| &r.to, |c| c.to(), CableRecipient::of, i))
}

/// Number of information addressees (`INFO` lines). 0 when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_info_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().info().len())
}

/// Information addressee `i`, as `cable_to`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_info(h: Option<&Cable>, i: usize) -> Option<&CableRecipient> {
    guarded(h, |c| c.nth(|r| &r.info, |c| c.info(), CableRecipient::of, i))
}

/// Routing indicator before the slash (`RUEHC` in `RUEHC/SECSTATE WASHDC`). Borrowed from the
/// cable's handle; `{NULL, 0}` when absent or `r` is NULL. Thread-safe, as every
/// `cable_recipient_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_route(r: Option<&CableRecipient>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.route))
}

/// Plain-language address (`SECSTATE WASHDC`). `{NULL, 0}` when `r` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_name(r: Option<&CableRecipient>) -> CableStr {
    guarded(r, |r| CableStr::new(r.name))
}

/// Office after a `//` (`ECJ3/ECJ4`). `{NULL, 0}` when absent or `r` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_office(r: Option<&CableRecipient>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.office))
}

/// Delivery precedence (`IMMEDIATE`, `PRIORITY`), the JSON's `precedence`. Static; `{NULL, 0}`
/// when absent or `r` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_precedence(r: Option<&CableRecipient>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.precedence.map(|p| p.as_str())))
}

/// Message continuity number as written (`5322`, `0121`, `2276-2279`). `{NULL, 0}` when absent
/// or `r` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_mcn(r: Option<&CableRecipient>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.mcn))
}

/// Posts excluded (`XMT`) from this collective (`AMEMBASSY PARIS`); `{NULL, 0}` when none or
/// `r` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_excluded(r: Option<&CableRecipient>) -> CableStrs {
    guarded(r, |r| r.strs(|x| Strs::new(x.excluded.iter().copied())))
}

/// Span of the addressee line; `{0, 0}` when `r` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_recipient_span(r: Option<&CableRecipient>) -> CableSpan {
    guarded(r, |r| CableSpan::from(r.span))
}

// ----------------------------------------------------------------------------------------------
// Routing (format lines 1-4)

/// Precedence prosign of the relay line (`OO`). Borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_relay_precedence(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().routing().relay_precedence.map(|s| s.value)))
}

/// Routing indicators of the relay line (`RUEHDBU`; relays, not addressees). `{NULL, 0}` when
/// none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_relays(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.relays, |c| c.routing().relays.iter().map(|s| s.value).collect()))
}

/// Originating station routing indicator of the `DE` line (`RUEHMO`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_station(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().routing().station.map(|s| s.value)))
}

/// Station serial number of the `DE` line, as written (`5434`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_serial(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().routing().station_serial.map(|s| s.value)))
}

/// Section number of the `DE` line (`#5434/01` → 1). Returns true and stores it in `*out`
/// (when `out` is not NULL) if present; false when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_section(h: Option<&Cable>, out: Option<&mut u32>) -> bool {
    guarded(h, |c| put(out, c.core().routing().section))
}

/// Julian day and time of transmission of the `DE` line (`3211231`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_julian_time(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().routing().julian_time.map(|s| s.value)))
}

/// The security warning group (`ZNY CCCCC`). Borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_security(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().routing().security.map(|s| s.value)))
}

/// Operating signals after the security group (`ZZH`). Borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_routing_signals(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().routing().signals.map(|s| s.value)))
}

// ----------------------------------------------------------------------------------------------
// Classification

/// The classification level: `UNCLASSIFIED`, `SBU`, `LIMITED OFFICIAL USE`, `CONFIDENTIAL`,
/// `SECRET` or `TOP SECRET` (from the banner, else the security line, else the envelope).
/// Static; `{NULL, 0}` when unknown or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_classification(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().classification().map(|l| l.as_str())))
}

/// Captions and handling caveats (`SIPDIS`, `NOFORN`, ...), in order of appearance, without
/// repeats. `{NULL, 0}` when none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_caveats(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.caveats, |c| c.caveats().iter().map(|t| t.as_str()).collect()))
}

/// Distribution lines (`STATE FOR EUR/WE`, `PASS TO USAID`), each joined when it wraps.
/// `{NULL, 0}` when none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_distribution(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.distribution, |c| c.distribution().iter().map(|t| t.as_str()).collect()))
}

/// `SECTION 01 OF 02`: returns true and stores the section number in `*number` and the total
/// in `*total` (0 when only the `DE` line gives the number), each when not NULL, if the cable
/// has a section; false when it has none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_section(h: Option<&Cable>, number: Option<&mut u32>, total: Option<&mut u32>) -> bool {
    guarded(h, |c| {
        let s = c.core().section();
        put(number, s.map(|s| s.number));
        put(total, s.map(|s| s.total.unwrap_or(0)))
    })
}

// ----------------------------------------------------------------------------------------------
// E.O., tags, subject

/// Number of the executive order of the `E.O.` line (`12958`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_eo_order(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().eo().and_then(|e| e.order)))
}

/// The declassification instruction as written (`11/16/2017`, `OADR`, `1.6X1`). Borrowed from
/// `h` until `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_eo_declassify_raw(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().eo().and_then(|e| e.declassify_raw)))
}

/// The declassification date, when the instruction is one. Returns true and stores the date's
/// midnight UTC as seconds since 1970-01-01 in `*out` (when `out` is not NULL) if present;
/// false when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_eo_declassify_on(h: Option<&Cable>, out: Option<&mut i64>) -> bool {
    guarded(h, |c| {
        put(
            out,
            c.core()
                .eo()
                .and_then(|e| e.declassify_on)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc().timestamp()),
        )
    })
}

/// TAGS, canonical: upper case, in order, without repeats, misspellings fixed and glued tags
/// split (`PREL`, `WAR CRIMES`; `ECONEFIN` gives `ECON` and `EFIN`; `cable_tags_raw` has them as
/// written); tag `i`'s span is `cable_tag_span(h, i)`. `{NULL, 0}` when none or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_tags(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.tags, |c| c.tags().iter().map(|t| t.as_str()).collect()))
}

/// Span of tag `i` in the text; `{0, 0}` when `i` is out of range or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_tag_span(h: Option<&Cable>, i: usize) -> CableSpan {
    guarded(h, |c| c.core().tags().get(i).map(|t| t.span.into()).unwrap_or_default())
}

/// The subject, joined into one line, case kept. Borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_subject(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().subject()))
}

/// The portion marking that starts the subject (`SUBJECT: (C) ...`), borrowed from `h` until
/// `cable_free(h)` (read it with the `cable_marking_*` functions); NULL when the subject has no
/// marking or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_subject_marking(h: Option<&Cable>) -> Option<&CableMarking> {
    // SAFETY: the marking is the handle's, and so is the slot keeping its sub-handle.
    guarded(h, |c| c.one(|r| &r.subject_marking, |core| core.subject_marking().map(|m| unsafe { CableMarking::of(m) })))
}

/// The level a marking names: `UNCLASSIFIED`, `SBU`, `LIMITED OFFICIAL USE`, `CONFIDENTIAL`,
/// `SECRET` or `TOP SECRET` (`(S//NF)` → `SECRET`). Static; `{NULL, 0}` when `m` is NULL.
/// Thread-safe, as every `cable_marking_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_marking_level(m: Option<&CableMarking>) -> CableStr {
    guarded(m, |m| CableStr::new(m.level.as_str()))
}

/// The marking as written, parentheses included (`(S//NF)`). `{NULL, 0}` when `m` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_marking_raw(m: Option<&CableMarking>) -> CableStr {
    guarded(m, |m| CableStr::new(m.raw))
}

/// Caveats of a marking, upper case, `NF` expanded (`(S//NF)` → `NOFORN`; `REL GERMANY`);
/// `{NULL, 0}` when none (`(C)`) or `m` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_marking_caveats(m: Option<&CableMarking>) -> CableStrs {
    guarded(m, |m| m.strs(|m| Strs::new(m.caveats())))
}

// ----------------------------------------------------------------------------------------------
// References

/// Number of references of the REF block(s). 0 when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().references().len())
}

/// Reference `i` of the REF block(s), borrowed from `h` until `cable_free(h)` (read it with the
/// `cable_ref_*` functions); NULL when `i` is out of range or `h` is NULL. Thread-safe, as every
/// `cable_ref_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref(h: Option<&Cable>, i: usize) -> Option<&CableRef> {
    guarded(h, |c| c.nth(|r| &r.references, |c| c.references(), CableRef::of, i))
}

/// Label of a reference, without punctuation (`A` for `A.`); `{NULL, 0}` when absent.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_label(r: Option<&CableRef>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.label))
}

/// Kind of document a reference cites: `cable`, `email`, `telcon`, `memcon`, `report` or
/// `other`. Static.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_kind(r: Option<&CableRef>) -> CableStr {
    guarded(r, |r| CableStr::new(r.kind.as_str()))
}

/// Canonical id of the cable a reference cites (`07STATE12345`); `{NULL, 0}` for other kinds
/// and when the year is unknown.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_id(r: Option<&CableRef>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.id.as_deref()))
}

/// Station of the cable a reference cites, spaces removed (`SAOPAULO`); `{NULL, 0}` when absent.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_station(r: Option<&CableRef>) -> CableStr {
    guarded(r, |r| CableStr::opt(r.station.as_deref()))
}

/// Serial of the cable a reference cites. Returns true and stores it in `*out` (when `out` is
/// not NULL) if present; false when absent.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_serial(r: Option<&CableRef>, out: Option<&mut u32>) -> bool {
    guarded(r, |r| put(out, r.serial))
}

/// Four-digit year of the cable a reference cites (written in the item, else the citing
/// cable's year). Returns true and stores it in `*out` (when `out` is not NULL) if known.
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_year(r: Option<&CableRef>, out: Option<&mut i32>) -> bool {
    guarded(r, |r| put(out, r.year))
}

/// A reference as written (its own words when its item cites several cables).
#[unsafe(no_mangle)]
pub extern "C" fn cable_ref_text(r: Option<&CableRef>) -> CableStr {
    guarded(r, |r| CableStr::new(r.text.as_str()))
}

// ----------------------------------------------------------------------------------------------
// Classified by, partial

/// The `Classified By:` line after the keyword, as written (joined when it wraps). Borrowed
/// from `h` until `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_classified_by_text(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().classified_by().map(|b| b.text.as_str())))
}

/// Person names of the `Classified By:` line, titles removed (`William J. Burns`). `{NULL, 0}`
/// when none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_classified_by_names(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| {
        c.strs(|r| &r.classified_by_names, |c| c.classified_by().map_or(vec![], |b| b.names.iter().collect()))
    })
}

/// Classification reasons of the `Classified By:` line, normalised (`1.4 (b/d)` → `1.4(b)`,
/// `1.4(d)`). `{NULL, 0}` when none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_classified_by_reasons(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.classified_by_reasons, |c| c.classified_by().map_or(vec![], |b| b.reasons.to_vec())))
}

/// True for a partial record (`This record is a partial extract ...`, `PAGE 01` /
/// `INFO LOG-00` header blocks); false otherwise or when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_partial(h: Option<&Cable>) -> bool {
    guarded(h, |c| c.core().partial())
}

// ----------------------------------------------------------------------------------------------
// Envelope

/// The container the cable came in: `cablegate_html` (a page) or `cables_csv`
/// (`cable_csv_next`). Borrowed from `h` until `cable_free(h)`; `{NULL, 0}` for plain text or
/// when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_kind(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().envelope().map(|e| e.kind.as_str())))
}

/// Row id of a CSV row (its first column). Returns true and stores it in `*out` (when `out` is
/// not NULL) if present; false otherwise or when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_row_id(h: Option<&Cable>, out: Option<&mut u64>) -> bool {
    guarded(h, |c| put(out, c.core().envelope().and_then(|e| e.row_id)))
}

/// The container's reference id (page table / third CSV column), as written. Borrowed from `h`
/// until `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_reference_id(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().envelope().and_then(|e| e.reference_id.as_deref())))
}

/// The container's creation date as written (`2007-11-17 12:12`, `11/17/2007 12:31`).
/// Borrowed from `h` until `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_created(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().envelope().and_then(|e| e.created.as_deref())))
}

/// The page's release date as written (pages only). Borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_released(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().envelope().and_then(|e| e.released.as_deref())))
}

/// The container's classification as written (`SECRET//NOFORN`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_classification(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().envelope().and_then(|e| e.classification.as_deref())))
}

/// The container's origin as written (`Embassy Moscow`). Borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when absent or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_origin(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().envelope().and_then(|e| e.origin.as_deref())))
}

/// Referenced ids the container lists (sixth CSV column: `66STATE106206`). `{NULL, 0}` when
/// none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_envelope_references(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.envelope_references, |c| c.envelope().map_or(vec![], |e| e.reference_ids().collect())))
}

// ----------------------------------------------------------------------------------------------
// Warnings

/// Number of warnings: everything odd but usable the parser met, in text order. 0 when `h` is
/// NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_warning_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().warnings().len())
}

/// Warning `i`, borrowed from `h` until `cable_free(h)` (read it with the `cable_warning_*`
/// functions); NULL when `i` is out of range or `h` is NULL. Thread-safe, as every
/// `cable_warning_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_warning(h: Option<&Cable>, i: usize) -> Option<&CableWarning> {
    guarded(h, |c| c.nth(|r| &r.warnings, |c| c.warnings(), CableWarning::of, i))
}

/// Kind of a warning, as in the JSON (`unrecognised_line`, `lossy_decoding`, ...; the README
/// lists them). Static; `{NULL, 0}` when `w` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_warning_kind(w: Option<&CableWarning>) -> CableStr {
    guarded(w, |w| CableStr::new(w.kind.as_str()))
}

/// A short lowercase description of a warning (`unrecognised line`). Static; `{NULL, 0}` when
/// `w` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_warning_message(w: Option<&CableWarning>) -> CableStr {
    guarded(w, |w| CableStr::new(w.kind.message()))
}

/// Span of the text a warning is about (empty at 0 when it is about the whole cable); `{0, 0}`
/// when `w` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_warning_span(w: Option<&CableWarning>) -> CableSpan {
    guarded(w, |w| w.span.into())
}

/// The text of `span` in `cable_text(h)` (a warning's, a field's): borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when the span is not inside the text, does not fall on character
/// boundaries, or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_span_text(h: Option<&Cable>, span: CableSpan) -> CableStr {
    guarded(h, |c| CableStr::opt(c.text().get(span.start..span.end)))
}

// ----------------------------------------------------------------------------------------------
// Spans

/// The span of a part or field of the cable, `field` being one of the `CABLE_FIELD_*`
/// constants (the `spans` object of the JSON; tags: `cable_tag_span`). Returns true and stores
/// the span in `*out` (when `out` is not NULL) if the part is present; false when it is absent
/// (the header and metadata when empty), `field` is not a known value, or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_span(h: Option<&Cable>, field: CableField, out: Option<&mut CableSpan>) -> bool {
    guarded(h, |c| put(out, field_span(c, field)))
}

fn field_span(c: &Cable, field: CableField) -> Option<CableSpan> {
    let core = c.core();
    let non_empty = |s: cable_core::Span| (!s.is_empty()).then_some(s);
    let span = match field {
        CABLE_FIELD_HEADER => non_empty(core.header_span()),
        CABLE_FIELD_METADATA => non_empty(core.metadata_span()),
        CABLE_FIELD_BODY => Some(core.body_span()),
        CABLE_FIELD_TRANSMISSION_ID => core.routing().transmission_id.map(|t| t.span),
        CABLE_FIELD_DTG => core.dtg().map(|d| d.span),
        CABLE_FIELD_SENDER => core.sender_span(),
        CABLE_FIELD_BANNER => core.banner().map(|b| b.span),
        CABLE_FIELD_EO => core.eo().map(|e| e.span),
        CABLE_FIELD_SUBJECT => core.subject_text().map(|t| t.span),
        CABLE_FIELD_CLASSIFIED_BY => core.classified_by().map(|b| b.text.span),
        _ => None,
    };
    span.map(CableSpan::from)
}
