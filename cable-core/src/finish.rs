//! After the line walk: completing what depends on several parts (the year, the reference id,
//! cited ids, declassification dates) and reconciling the text with its envelope.

use crate::envelope::Envelope;
use crate::model::{Cable, ReferenceId};
use crate::span::Span;
use crate::spanned::{Spanned, Text};
use crate::warning::{Warning, WarningKind};
use chrono::{Datelike, Timelike};
use std::borrow::Cow;

/// Completes `cable`. `year` is the caller's year for cables whose text has no date.
// Kept out of line: LLVM loads `reference_id`'s year ahead of the test whether there is an id
// (the result does not depend on it), and the C tests' valgrind suppression of that report
// (cable-ffi/ctest/valgrind.supp) names this function's own frame. Inlined into `parse_text` (as
// unrelated changes elsewhere made the compiler do), the report came back under another frame.
// One call per cable costs nothing measurable.
#[inline(never)]
pub(crate) fn complete<'a>(cable: &mut Cable<'a>, envelope: Option<&'a Envelope<'a>>, caller_year: Option<i32>) {
    cable.envelope = envelope;
    if let Some(canonical) = canonical_tags(&cable.tags) {
        cable.tags_raw = Some(std::mem::replace(&mut cable.tags, canonical));
    }
    let env_id = envelope.and_then(|e| e.reference_id.as_deref()).and_then(crate::ids::parse_id);
    let env_created = envelope.and_then(Envelope::created_at);

    // Station and serial: banner, else the first PAGE banner of a partial record.
    let mut station_serial: Option<(Cow<'a, str>, u32, Span)> = None;
    if let Some(b) = &cable.banner {
        if let (Some(st), Some(se)) = (b.station, b.serial) {
            if let Some(n) = crate::scan::parse_u32(se.value) {
                station_serial = Some((station_token(st.value), n, st.span.to(se.span)));
            }
        }
    }
    if station_serial.is_none() {
        if let Some((st, se)) = cable.page_origin {
            if let Some(n) = crate::scan::parse_u32(se.value) {
                station_serial = Some((station_token(st.value), n, st.span.to(se.span)));
            }
        }
    }

    // No banner nor page marker: format line 3 (`DE RUEHLP #3262/01 3482321`) names the
    // originating station's route and its serial (the idea of the helper's branch `partial`).
    // Its serial is the reference serial modulo 10,000: not for the Department, whose serials
    // pass 10,000 every year (a STATE id from it would be wrong, not missing).
    if station_serial.is_none() {
        if let (Some(route), Some(se)) = (cable.routing.station, cable.routing.station_serial) {
            let station = crate::ids::by_route(route.value).map(|s| s.station()).filter(|s| *s != "STATE");
            if let (Some(st), Some(n)) = (station, crate::scan::parse_u32(se.value).filter(|&n| n > 0)) {
                station_serial = Some((Cow::Borrowed(st), n, route.span.to(se.span)));
            }
        }
    }

    // The year: the date-time group, else the archive's document number line, else the
    // envelope, else the caller.
    let text_year = cable.created.map(|c| c.year()).or(cable.archive_year);
    let year = text_year.or(env_created.map(|c| c.year())).or(env_id.as_ref().and_then(|e| e.year)).or(caller_year);

    match station_serial {
        Some((station, serial, span)) => {
            if year.is_none() {
                cable.warnings.push(Warning::new(WarningKind::UnknownYear, span));
            }
            cable.reference_id = Some(ReferenceId { year, station, serial });
        }
        None => {
            if cable.banner.is_some() {
                let span = cable.banner.as_ref().map(|b| b.span).unwrap_or_default();
                cable.warnings.push(Warning::new(WarningKind::MissingStationSerial, span));
            }
            // The envelope fills the gap.
            if let Some(e) = env_id.clone() {
                cable.reference_id = Some(ReferenceId {
                    year: e.year.or(year),
                    station: Cow::Owned(e.station.into_owned()),
                    serial: e.serial,
                });
            }
        }
    }
    cable.reference_id_text = cable.reference_id.as_ref().filter(|r| r.year.is_some()).map(ReferenceId::text);

    if cable.created.is_none() {
        cable.created = env_created;
    }
    if cable.section.is_none() {
        cable.section = cable.routing.section.map(|n| crate::model::Section { number: n, total: None });
    }

    // Classification: banner, else security line, else envelope.
    let security = cable.routing.security_level();
    match (cable.classification, security) {
        (Some(c), Some(s)) if c.value.published() != s.published() => {
            let span = cable.routing.security.map(|s| s.span).unwrap_or_default();
            cable.warnings.push(Warning::new(WarningKind::SecurityLineMismatch, span));
        }
        (None, Some(s)) => {
            cable.classification = Some(Spanned::new(s, cable.routing.security.map(|s| s.span).unwrap_or_default()))
        }
        _ => {}
    }
    if cable.classification.is_none() {
        if let Some(l) = envelope.and_then(Envelope::level) {
            cable.classification = Some(Spanned::new(l, Span::default()));
        }
    }

    // Declassification date and cited ids need the year.
    let cable_year = cable.reference_id.as_ref().and_then(|r| r.year).or(year);
    if let Some(eo) = &mut cable.eo {
        eo.declassify_on = eo.declassify_raw.and_then(|raw| crate::meta::eo::declassify_date(raw, cable_year));
    }
    for r in &mut cable.references {
        if let (Some(station), Some(serial)) = (&r.station, r.serial) {
            r.year = r.year.or(cable_year);
            r.id =
                r.year.map(|y| ReferenceId { year: Some(y), station: Cow::Borrowed(station.as_ref()), serial }.text());
        }
    }

    if let Some(env) = envelope {
        reconcile(cable, env, env_created, text_year.is_some());
    }
    cable.warnings.sort_by_key(|w| (w.span.start, w.span.end));
    crate::warning::limit(&mut cable.warnings);
}

/// Warnings where the envelope disagrees with the text. `env_created` is the envelope's date,
/// read once by [`complete`] (a date parse of about 1,800 instructions, twice a CSV row before).
fn reconcile(
    cable: &mut Cable<'_>,
    env: &Envelope<'_>,
    env_created: Option<chrono::DateTime<chrono::Utc>>,
    text_dated: bool,
) {
    if let (Some(ours), Some(theirs)) = (&cable.reference_id_text, env.reference_id.as_deref()) {
        if ours != theirs.trim() {
            let span = cable.banner.as_ref().map(|b| b.span).unwrap_or_default();
            cable.warnings.push(Warning::new(WarningKind::EnvelopeReferenceIdMismatch, span));
        }
    }
    if let (true, Some(ours), Some(theirs)) = (text_dated, cable.created, env_created) {
        let differs = if env.minutes_unreliable() {
            ours.date_naive() != theirs.date_naive() || ours.hour() != theirs.hour()
        } else {
            ours != theirs
        };
        if differs {
            let span = cable.dtg.as_ref().map(|d| d.span).or(cable.dtg_echo.map(|d| d.span)).unwrap_or_default();
            cable.warnings.push(Warning::new(WarningKind::EnvelopeDateMismatch, span));
        }
    }
    if let (Some(b), Some(theirs)) = (&cable.banner, env.level()) {
        if b.level.published() != theirs {
            cable.warnings.push(Warning::new(WarningKind::EnvelopeClassificationMismatch, b.span));
        }
    }
}

/// A station as reference ids write it: the table's canonical station (spaces removed, upper
/// case, aliases such as `SECSTATE` → `STATE`; see [`crate::ids::canonical_station`]).
pub(crate) fn station_token(station: &str) -> Cow<'_, str> {
    crate::ids::canonical_station(station)
}

/// The canonical tags of the tags as written: misspellings fixed, glued tags split
/// ([`crate::ids::canonical_tags`]), in order, without repeats; each keeps the span of the tag
/// it comes from. `None` when the tags as written are canonical already (most cables): then no
/// second list is made.
fn canonical_tags<'a>(raw: &[Text<'a>]) -> Option<Vec<Text<'a>>> {
    if raw.iter().all(|t| crate::ids::is_canonical(&t.value)) {
        return None;
    }
    let mut out: Vec<Text<'a>> = Vec::with_capacity(raw.len());
    for t in raw {
        let span = t.span;
        let mut push = |value: Cow<'a, str>| {
            if !out.iter().any(|o| o.value == value) {
                out.push(Text::new(value, span));
            }
        };
        match &t.value {
            Cow::Borrowed(v) => crate::ids::canonical_into(v, &mut push),
            Cow::Owned(v) => {
                let mut parts: Vec<String> = Vec::new();
                crate::ids::canonical_into(v, &mut |p| parts.push(p.into_owned()));
                parts.into_iter().for_each(|p| push(Cow::Owned(p)));
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_ids() {
        let r = crate::ids::parse_id("07MOSCOW5434").unwrap();
        assert_eq!((r.year, r.station.as_ref(), r.serial), (Some(2007), "MOSCOW", 5434));
        assert_eq!(r.to_string(), "07MOSCOW5434");
        let r = crate::ids::parse_id("66BUENOSAIRES2481").unwrap();
        assert_eq!(r.year, Some(1966));
        assert!(crate::ids::parse_id("MOSCOW").is_none());
        assert_eq!(station_token("HCMC"), "HOCHIMINHCITY");
        assert_eq!(station_token("TEL AVIV"), "TELAVIV");
        assert_eq!(station_token("ankara"), "ANKARA");
        assert_eq!(station_token("SECSTATE"), "STATE");
        assert!(matches!(station_token("MOSCOW"), Cow::Borrowed(_)));
        // The id text pushed by hand: the year's last two digits, the station, the serial.
        for (year, serial, text) in [
            (Some(2007), 5434, "07BUENOSAIRES5434"),
            (Some(1966), 0, "66BUENOSAIRES0"),
            (Some(2000), 4_294_967_295, "00BUENOSAIRES4294967295"),
            (Some(-1), 7, "99BUENOSAIRES7"),
            (None, 12, "BUENOSAIRES12"),
        ] {
            let r = ReferenceId { year, station: Cow::Borrowed("BUENOSAIRES"), serial };
            assert_eq!((r.text().as_str(), r.to_string().as_str()), (text, text));
        }
    }
}
