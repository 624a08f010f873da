//! Tests of the public C ABI: the extern fns called directly as C would call them (through the
//! crate's rlib), with real values, NULL arguments, out-of-range indexes and every error status.
//! Integration tests, not unit tests: they use only what the header exports, as a C caller
//! does (the panic guard itself is unit-tested in `src/boundary.rs`).

use cable::*;
use std::ffi::{CStr, c_char, c_int};
use std::ptr::{null, null_mut};

const SEED: &str = include_str!("../../examples/07MOSCOW5434.txt");

/// The Rust view of a `CableStr` (None for `{NULL, 0}`).
fn s<'a>(v: CableStr) -> Option<&'a str> {
    if v.ptr.is_null() {
        assert_eq!(v.len, 0, "an absent string has length 0");
        return None;
    }
    // SAFETY: every non-NULL `CableStr` of these tests comes from a handle that outlives its use,
    // and points to `len` bytes of UTF-8.
    let bytes = unsafe { std::slice::from_raw_parts(v.ptr.cast::<u8>(), v.len) };
    Some(std::str::from_utf8(bytes).expect("CableStr is UTF-8"))
}

fn message(e: &CableError) -> &str {
    // SAFETY: `message` is always NUL-terminated within its array.
    unsafe { CStr::from_ptr(e.message.as_ptr()) }.to_str().expect("UTF-8 message")
}

/// The absent string `{NULL, 0}`.
const NONE: CableStr = CableStr { ptr: null(), len: 0 };

/// String `i` of a list, or `NONE` past its end.
fn str_at(l: CableStrs, i: usize) -> CableStr {
    // SAFETY: a list from the library holds `len` strings at `items`, alive while its handle is.
    if i < l.len { unsafe { *l.items.add(i) } } else { NONE }
}

/// The span `field` of a record, `{0, 0}` when absent.
fn rec_span(r: Option<&CableRecord>, field: CableField) -> CableSpan {
    let mut span = CableSpan::default();
    cable_span(r, field, Some(&mut span));
    span
}

/// Paragraph `i` of a cable.
fn paragraph(root: Option<&CableRecord>, i: usize) -> Option<&CableRecord> {
    cable_record(root, CABLE_FIELD_PARAGRAPHS, i)
}

/// The portion marking of paragraph `i` of a cable (a list of none or one record).
fn marking_of(root: Option<&CableRecord>, i: usize) -> Option<&CableRecord> {
    cable_record(paragraph(root, i), CABLE_FIELD_MARKING, 0)
}

/// The paragraphs a passage covers: `CABLE_FIELD_FIRST_PARAGRAPH` and `_LAST_PARAGRAPH`.
fn passage_paragraphs(p: Option<&CableRecord>, first: Option<&mut i64>, last: Option<&mut i64>) -> bool {
    cable_int(p, CABLE_FIELD_FIRST_PARAGRAPH, first) & cable_int(p, CABLE_FIELD_LAST_PARAGRAPH, last)
}

/// `CABLE_FIELD_PARTIAL` as a flag.
fn is_partial(h: Option<&Cable>) -> bool {
    let mut partial = 0;
    assert!(cable_int(cable_root(h), CABLE_FIELD_PARTIAL, Some(&mut partial)) || h.is_none());
    partial == 1
}

/// A `CableError` that no call has written yet.
fn blank_error() -> CableError {
    // SAFETY: all zeros is a valid `CableError`: status 0 is `CABLE_OK`, the rest are integers.
    unsafe { std::mem::zeroed() }
}

/// Parses `data` as text with `opts`; the handle or the error.
fn parse_with(data: &[u8], opts: Option<&CableOptions>) -> Result<*mut Cable, Box<CableError>> {
    let mut out = null_mut();
    let mut err = blank_error();
    // SAFETY: `data` is valid for its length, `opts` is NULL or valid, `out` and `err` are
    // writable.
    let st =
        unsafe { cable_parse_as(data.as_ptr().cast(), data.len(), 0, opts.map_or(null(), |o| o), &mut out, &mut err) };
    assert_eq!(st, err.status);
    if st == CableStatus::CableOk {
        assert!(!out.is_null());
        Ok(out)
    } else {
        assert!(out.is_null(), "no handle on failure");
        Err(Box::new(err))
    }
}

fn parse(data: &[u8]) -> *mut Cable {
    parse_with(data, None).unwrap_or_else(|e| panic!("parse failed: {}", message(&e)))
}

/// Frees a handle at the end of a scope.
struct Owned(*mut Cable);

impl Owned {
    /// The handle, as the accessors take it.
    fn get(&self) -> Option<&Cable> {
        // SAFETY: the handle is live until `self` is dropped.
        unsafe { self.0.as_ref() }
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: the handle came from `cable_parse*` and is freed once, here.
        unsafe { cable_free(self.0) }
    }
}

#[test]
fn seed_values_through_the_accessors() {
    let h = Owned(parse(SEED.as_bytes()));
    let h = h.get();
    let root = cable_root(h);
    assert_eq!(s(cable_str(root, CABLE_FIELD_REFERENCE_ID)), Some("07MOSCOW5434"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_TRANSMISSION_ID)), Some("VZCZCXRO9060"));
    let mut created = 0i64;
    assert!(cable_int(root, CABLE_FIELD_CREATED, Some(&mut created)));
    assert_eq!(created, 1_195_302_660); // 2007-11-17T12:31:00Z
    assert!(cable_int(root, CABLE_FIELD_CREATED, None), "presence without an out-parameter");
    assert_eq!(s(cable_str(root, CABLE_FIELD_DTG)), Some("171231Z NOV 07"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_PRECEDENCE)), Some("IMMEDIATE"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_INFO_PRECEDENCE)), None);
    assert_eq!(s(cable_str(root, CABLE_FIELD_SENDER)), Some("AMEMBASSY MOSCOW"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_ORIGIN)), Some("MOSCOW"));
    let mut serial = 0i64;
    assert!(cable_int(root, CABLE_FIELD_SERIAL, Some(&mut serial)));
    assert_eq!(serial, 5434);

    assert_eq!(cable_count(root, CABLE_FIELD_TO), 1);
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_ROUTE)), Some("RUEHC"));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_NAME)), Some("SECSTATE WASHDC"));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_OFFICE)), None);
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_PRECEDENCE)), Some("IMMEDIATE"));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_MCN)), Some("5322"));
    assert_eq!(cable_strs(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_EXCLUDED).len, 0);
    assert_eq!(cable_count(root, CABLE_FIELD_INFO), 2);
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_INFO, 1), CABLE_FIELD_ROUTE)), Some("RUEHZL"));
    assert_eq!(
        s(cable_str(cable_record(root, CABLE_FIELD_INFO, 1), CABLE_FIELD_NAME)),
        Some("EUROPEAN POLITICAL COLLECTIVE")
    );
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_INFO, 0), CABLE_FIELD_PRECEDENCE)), Some("PRIORITY"));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_INFO, 0), CABLE_FIELD_MCN)), None);
    let line = rec_span(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_SPAN);
    assert_eq!(&SEED[line.start..line.end], "RUEHC/SECSTATE WASHDC IMMEDIATE 5322");

    assert_eq!(s(cable_str(root, CABLE_FIELD_ROUTING_RELAY_PRECEDENCE)), Some("OO"));
    assert_eq!(cable_strs(root, CABLE_FIELD_ROUTING_RELAYS).len, 6);
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_ROUTING_RELAYS), 5)), Some("RUEHSR"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_ROUTING_STATION)), Some("RUEHMO"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_ROUTING_SERIAL)), Some("5434"));
    let mut section = 0i64;
    assert!(cable_int(root, CABLE_FIELD_ROUTING_SECTION, Some(&mut section)));
    assert_eq!(section, 1);
    assert_eq!(s(cable_str(root, CABLE_FIELD_ROUTING_JULIAN_TIME)), Some("3211231"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_ROUTING_SECURITY)), Some("ZNY CCCCC"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_ROUTING_SIGNALS)), Some("ZZH"));

    assert_eq!(s(cable_str(root, CABLE_FIELD_CLASSIFICATION)), Some("CONFIDENTIAL"));
    assert_eq!(cable_strs(root, CABLE_FIELD_CAVEATS).len, 1);
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_CAVEATS), 0)), Some("SIPDIS"));
    assert_eq!(cable_strs(root, CABLE_FIELD_DISTRIBUTION).len, 0);
    let (mut number, mut total) = (0, 0);
    assert!(cable_int(root, CABLE_FIELD_SECTION_NUMBER, Some(&mut number)));
    assert!(cable_int(root, CABLE_FIELD_SECTION_TOTAL, Some(&mut total)));
    assert_eq!((number, total), (1, 2));

    assert_eq!(s(cable_str(root, CABLE_FIELD_EO_ORDER)), Some("12958"));
    assert_eq!(s(cable_str(root, CABLE_FIELD_EO_DECLASSIFY_RAW)), Some("11/16/2017"));
    let mut decl = 0i64;
    assert!(cable_int(root, CABLE_FIELD_EO_DECLASSIFY_ON, Some(&mut decl)));
    assert_eq!(decl, 1_510_790_400); // 2017-11-16T00:00:00Z

    let tags: Vec<_> = (0..cable_strs(root, CABLE_FIELD_TAGS).len)
        .map(|i| s(str_at(cable_strs(root, CABLE_FIELD_TAGS), i)).unwrap())
        .collect();
    assert_eq!(tags, ["PREL", "PGOV", "PTER", "KS", "RS"]);
    let first = rec_span(cable_record(root, CABLE_FIELD_TAGS, 0), CABLE_FIELD_SPAN);
    assert_eq!(&SEED[first.start..first.end], "PREL");
    assert_eq!(s(cable_str(root, CABLE_FIELD_SUBJECT)), Some("KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\" BOSNIA"));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_LEVEL)), None);
    assert_eq!(cable_strs(cable_record(root, CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_CAVEATS).len, 0);
    assert_eq!(cable_count(root, CABLE_FIELD_REFERENCES), 0);

    assert_eq!(s(cable_str(root, CABLE_FIELD_CLASSIFIED_BY)), Some("Ambassador William J. Burns: Reasons 1.4 (b/d)."));
    assert_eq!(cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_NAMES).len, 1);
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_NAMES), 0)), Some("William J. Burns"));
    assert_eq!(cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_REASONS).len, 2);
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_REASONS), 0)), Some("1.4(b)"));
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_REASONS), 1)), Some("1.4(d)"));
    assert!(!is_partial(h));
    assert_eq!(s(cable_str(root, CABLE_FIELD_ENVELOPE_KIND)), None);
    assert_eq!(cable_strs(root, CABLE_FIELD_ENVELOPE_REFERENCES).len, 0);
    // The seed's only warnings: its three mangled paragraph numbers (11. 12. 13.).
    assert_eq!(cable_count(root, CABLE_FIELD_WARNINGS), 3);
    assert_eq!(
        s(cable_str(cable_record(root, CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_KIND)),
        Some("recovered_paragraph_number")
    );
    assert_eq!(
        s(cable_span_text(h, rec_span(cable_record(root, CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_SPAN))),
        Some("11.")
    );

    assert_eq!(s(cable_str(root, CABLE_FIELD_TEXT)), Some(SEED));
    let mut span = CableSpan::default();
    for (field, text) in [
        (CABLE_FIELD_TRANSMISSION_ID, "VZCZCXRO9060"),
        (CABLE_FIELD_DTG, "O 171231Z NOV 07"),
        (CABLE_FIELD_SENDER, "AMEMBASSY MOSCOW"),
        (CABLE_FIELD_SUBJECT, "KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\"  \nBOSNIA"),
    ] {
        assert!(cable_span(root, field, Some(&mut span)), "field {field}");
        assert_eq!(&SEED[span.start..span.end], text, "field {field}");
    }
    assert!(cable_span(root, CABLE_FIELD_BODY, Some(&mut span)));
    assert!(SEED[span.start..].starts_with("11. (C) Summary."));
    assert!(!cable_span(root, 99, Some(&mut span)), "unknown field");
}

#[test]
fn json_is_the_contract() {
    let h = Owned(parse(SEED.as_bytes()));
    for pretty in [false, true] {
        let mut out: *mut c_char = null_mut();
        let mut len = 0usize;
        let st = {
            if pretty {
                cable_to_json_pretty(h.get(), Some(&mut out), Some(&mut len))
            } else {
                cable_to_json(h.get(), Some(&mut out), Some(&mut len))
            }
        };
        assert_eq!(st, CableStatus::CableOk);
        // SAFETY: `out` is the NUL-terminated string just returned.
        let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        assert_eq!(json.len(), len);
        assert_eq!(json.contains('\n'), pretty);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["reference_id"], "07MOSCOW5434");
        assert_eq!(v["to"][0]["mcn"], "5322");
        // SAFETY: `out` came from `cable_to_json*` and is freed once.
        unsafe { cable_string_free(out) };
    }
    let mut out: *mut c_char = std::ptr::dangling_mut::<c_char>();
    // SAFETY: NULL handle and NULL out are allowed; `out` is a writable local.
    unsafe {
        assert_eq!(cable_to_json(None, Some(&mut out), None), CableStatus::CableNullArgument);
        assert!(out.is_null(), "*out is NULL on failure");
        assert_eq!(cable_to_json(h.get(), None, None), CableStatus::CableNullArgument);
        cable_string_free(null_mut());
    }
}

#[test]
fn null_handles_read_as_absent() {
    let h: Option<&Cable> = None;
    let root = cable_root(h);
    let mut n = 7i64;
    let mut t = 7i64;
    let mut span = CableSpan { start: 7, end: 7 };
    // SAFETY: NULL handles are allowed everywhere.
    unsafe {
        assert_eq!(cable_str(root, CABLE_FIELD_REFERENCE_ID), NONE);
        assert_eq!(cable_str(root, CABLE_FIELD_SUBJECT), NONE);
        assert_eq!(cable_str(root, CABLE_FIELD_TEXT), NONE);
        assert_eq!(cable_strs(root, CABLE_FIELD_TAGS).len, 0);
        assert_eq!(str_at(cable_strs(root, CABLE_FIELD_TAGS), 0), NONE);
        assert_eq!(rec_span(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_SPAN), CableSpan::default());
        assert_eq!(cable_str(cable_record(root, CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_KIND), NONE);
        assert_eq!(cable_str(root, CABLE_FIELD_ENVELOPE_KIND), NONE);
        assert!(!cable_int(root, CABLE_FIELD_SERIAL, Some(&mut n)));
        assert!(!cable_int(root, CABLE_FIELD_CREATED, Some(&mut t)));
        assert!(!cable_int(root, CABLE_FIELD_SECTION_NUMBER, Some(&mut n)));
        assert!(!cable_span(root, CABLE_FIELD_BODY, Some(&mut span)));
        assert!(!is_partial(h));
        assert_eq!((n, t, span), (7, 7, CableSpan { start: 7, end: 7 }), "nothing written");
        cable_free(null_mut());
        cable_csv_close(null_mut());
        assert_eq!(cable_csv_row(null()), 0);
        assert_eq!(cable_detect_format(null(), 10), CableFormat::CableFormatText);
    }
}

#[test]
fn out_of_range_indexes_read_as_absent() {
    let h = Owned(parse(SEED.as_bytes()));
    let h = h.get();
    let root = cable_root(h);
    let mut n = 7i64;
    assert_eq!(str_at(cable_strs(root, CABLE_FIELD_TAGS), 5), NONE);
    assert_eq!(str_at(cable_strs(root, CABLE_FIELD_TAGS), usize::MAX), NONE);
    assert_eq!(cable_str(cable_record(root, CABLE_FIELD_TO, 1), CABLE_FIELD_NAME), NONE);
    assert_eq!(str_at(cable_strs(cable_record(root, CABLE_FIELD_TO, 0), CABLE_FIELD_EXCLUDED), 0), NONE);
    assert_eq!(str_at(cable_strs(cable_record(root, CABLE_FIELD_TO, 9), CABLE_FIELD_EXCLUDED), 0), NONE);
    assert_eq!(cable_strs(cable_record(root, CABLE_FIELD_TO, 9), CABLE_FIELD_EXCLUDED).len, 0);
    assert_eq!(cable_str(cable_record(root, CABLE_FIELD_INFO, 2), CABLE_FIELD_ROUTE), NONE);
    assert_eq!(rec_span(cable_record(root, CABLE_FIELD_INFO, 2), CABLE_FIELD_SPAN), CableSpan::default());
    assert_eq!(str_at(cable_strs(root, CABLE_FIELD_ROUTING_RELAYS), 6), NONE);
    assert_eq!(str_at(cable_strs(root, CABLE_FIELD_CAVEATS), 1), NONE);
    assert_eq!(cable_str(cable_record(root, CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_KIND), NONE);
    assert!(!cable_int(cable_record(root, CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_SERIAL, Some(&mut n)));
    assert_eq!(str_at(cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_REASONS), 2), NONE);
    assert!(
        cable_record(root, CABLE_FIELD_WARNINGS, 3).is_none()
            && cable_record(root, CABLE_FIELD_REFERENCES, 0).is_none()
            && paragraph(root, 99).is_none()
    );
    assert_eq!(rec_span(cable_record(root, CABLE_FIELD_WARNINGS, 3), CABLE_FIELD_SPAN), CableSpan::default());
    assert_eq!(str_at(cable_strs(root, CABLE_FIELD_ENVELOPE_REFERENCES), 0), NONE);
    assert_eq!(str_at(cable_strs(cable_record(root, CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_CAVEATS), 0), NONE);
    assert_eq!(n, 7);
}

#[test]
fn error_statuses() {
    let mut out = std::ptr::dangling_mut::<Cable>();
    let mut err = blank_error();
    // SAFETY: NULL arguments are allowed; the others point to locals.
    unsafe {
        assert_eq!(cable_parse(null(), 5, &mut out, &mut err), CableStatus::CableNullArgument);
        assert!(out.is_null());
        assert_eq!(message(&err), "data is NULL");
        assert_eq!(cable_parse(c"x".as_ptr(), 1, null_mut(), &mut err), CableStatus::CableNullArgument);
        assert_eq!(cable_parse(c"x".as_ptr(), 1, null_mut(), null_mut()), CableStatus::CableNullArgument);
        assert_eq!(
            cable_parse_as(null(), 0, CableFormat::CableFormatHtml as c_int, null(), &mut out, null_mut()),
            CableStatus::CableNullArgument
        );
    }
    let status = |data: &[u8]| parse_with(data, None).map(|h| drop(Owned(h))).err().map(|e| e.status);
    assert_eq!(status(b""), Some(CableStatus::CableEmpty));
    assert_eq!(status(b" \n\t\n"), Some(CableStatus::CableEmpty));
    assert_eq!(status(b"just some words"), Some(CableStatus::CableNotACable));
    assert_eq!(status(&[0u8, 1, 2, 3, 0, 0, 0xff, 0x10, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0]), Some(CableStatus::CableBinary));
    // A truncated cable still gives what it has.
    assert_eq!(status(&SEED.as_bytes()[..60]), None);
    let e = parse_with(b"hello\nworld\n", None).unwrap_err();
    assert_eq!((e.line, e.column, e.offset), (1, 1, 0));
    assert!(message(&e).starts_with("no recognisable cable line"), "{}", message(&e));

    let mut out = null_mut();
    // SAFETY: a length no object can have is reported, not used.
    let st = unsafe { cable_parse(c"x".as_ptr(), usize::MAX, &mut out, null_mut()) };
    assert_eq!(st, CableStatus::CableTooLarge);

    let small = CableOptions { max_input_len: 100, ..cable_options_default() };
    let e = parse_with(SEED.as_bytes(), Some(&small)).unwrap_err();
    assert_eq!(e.status, CableStatus::CableTooLarge);

    let mut out = null_mut();
    // SAFETY: valid input, `out` writable, NULL `err`.
    let st = unsafe {
        cable_parse_as(
            c"<html>no pre</html>".as_ptr(),
            19,
            CableFormat::CableFormatHtml as c_int,
            null(),
            &mut out,
            null_mut(),
        )
    };
    assert_eq!(st, CableStatus::CableNotAPage);
}

#[test]
fn invalid_utf8_is_lossy_by_default_and_rejected_on_request() {
    let mut text = SEED.as_bytes().to_vec();
    let at = SEED.find("Russia's").unwrap() + 6;
    text[at] = 0x92; // Windows-1252 apostrophe
    let h = Owned(parse(&text));
    assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_REFERENCE_ID)), Some("07MOSCOW5434"));
    // Warnings are in text order: the recovered number `11.` of paragraph 1, then the byte
    // replaced in its text, then `12.` and `13.`.
    assert_eq!(cable_count(cable_root(h.get()), CABLE_FIELD_WARNINGS), 4);
    assert_eq!(
        s(cable_str(cable_record(cable_root(h.get()), CABLE_FIELD_WARNINGS, 1), CABLE_FIELD_KIND)),
        Some("lossy_decoding")
    );
    assert_eq!(
        s(cable_str(cable_record(cable_root(h.get()), CABLE_FIELD_WARNINGS, 1), CABLE_FIELD_MESSAGE)),
        Some("invalid bytes replaced while decoding")
    );
    assert_eq!(
        s(cable_span_text(
            h.get(),
            rec_span(cable_record(cable_root(h.get()), CABLE_FIELD_WARNINGS, 1), CABLE_FIELD_SPAN)
        )),
        Some("\u{2019}")
    );
    assert_eq!(rec_span(cable_record(cable_root(h.get()), CABLE_FIELD_WARNINGS, 1), CABLE_FIELD_SPAN).start, at);
    let strict = CableOptions { flags: CABLE_OPTION_STRICT_UTF8, ..cable_options_default() };
    let e = parse_with(&text, Some(&strict)).unwrap_err();
    assert_eq!(e.status, CableStatus::CableInvalidUtf8);
    assert_eq!(e.offset, at as u64);
    assert!(e.line > 1);
    assert!(parse_with(SEED.as_bytes(), Some(&strict)).map(|h| drop(Owned(h))).is_ok());
}

#[test]
fn status_messages_cover_every_value() {
    for v in 0..=11 {
        // SAFETY: `cable_status_message` returns a static NUL-terminated string.
        let m = unsafe { CStr::from_ptr(cable_status_message(v)) }.to_str().unwrap();
        assert_ne!(m, "unknown status", "status {v}");
    }
    for v in [-1, 12, i32::MAX] {
        // SAFETY: as above.
        assert_eq!(unsafe { CStr::from_ptr(cable_status_message(v)) }.to_str().unwrap(), "unknown status");
    }
    // SAFETY: static NUL-terminated string.
    assert_eq!(unsafe { CStr::from_ptr(cable_version()) }.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn long_messages_are_cut_at_a_character_boundary() {
    // The message of an unopenable file names the path: 300 two-byte characters, longer than
    // the message buffer, so it is cut, on a character boundary.
    let path = std::ffi::CString::new(format!("/nonexistent/{}", "é".repeat(300))).unwrap();
    let (mut csv, mut err) = (null_mut(), blank_error());
    // SAFETY: a NUL-terminated path and writable out-parameters.
    assert_eq!(unsafe { cable_csv_open(path.as_ptr(), null(), &mut csv, &mut err) }, CableStatus::CableIoError);
    let m = message(&err);
    // `message` checked it is UTF-8: cut after the last whole character that fits.
    assert!(m.len() >= CABLE_ERROR_MESSAGE_LEN - 2 && m.len() < CABLE_ERROR_MESSAGE_LEN, "{}", m.len());
    assert!(m.starts_with("/nonexistent/é") && m.ends_with('é'));
}

#[test]
fn csv_walk_reports_bad_rows_and_goes_on() {
    let dir = std::env::temp_dir().join(format!("cable-ffi-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("rows.csv");
    let good = |id: u32| {
        format!(
            "\"{id}\",\"11/17/2007 12:31\",\"07MOSCOW5434\",\"Embassy Moscow\",\"CONFIDENTIAL\",\"07STATE1|07STATE2\",\"O 171231Z NOV 07\nFM AMEMBASSY MOSCOW\",\"C O N F I D E N T I A L MOSCOW 005434\n\nSUBJECT: X\n\"\n"
        )
    };
    let bad = "\"2\",\"11/17/2007 12:31\",broken,\"x\"\n";
    std::fs::write(&path, format!("{}{}{}", good(1), bad, good(3))).unwrap();
    let cpath = std::ffi::CString::new(path.to_str().unwrap()).unwrap();

    let mut csv = null_mut();
    let mut err = blank_error();
    // SAFETY: valid path, writable out-parameters.
    assert_eq!(unsafe { cable_csv_open(cpath.as_ptr(), null(), &mut csv, &mut err) }, CableStatus::CableOk);
    let mut seen = Vec::new();
    loop {
        let mut h = null_mut();
        // SAFETY: `csv` is live and used by this thread only.
        let st = unsafe { cable_csv_next(csv, &mut h, &mut err) };
        if st == CableStatus::CableEnd {
            break;
        }
        // SAFETY: `csv` is live.
        let row = unsafe { cable_csv_row(csv) };
        if st == CableStatus::CableOk {
            let h = Owned(h);
            assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_REFERENCE_ID)), Some("07MOSCOW5434"));
            assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_ENVELOPE_KIND)), Some("cables_csv"));
            assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_ENVELOPE_ORIGIN)), Some("Embassy Moscow"));
            assert_eq!(cable_strs(cable_root(h.get()), CABLE_FIELD_ENVELOPE_REFERENCES).len, 2);
            assert_eq!(
                s(str_at(cable_strs(cable_root(h.get()), CABLE_FIELD_ENVELOPE_REFERENCES), 1)),
                Some("07STATE2")
            );
            let mut id = 0;
            assert!(cable_int(cable_root(h.get()), CABLE_FIELD_ENVELOPE_ROW_ID, Some(&mut id)));
            assert_eq!(id as u64, row);
        } else {
            assert!(h.is_null());
            assert_eq!(err.row, row);
        }
        seen.push((st, row, err.offset));
    }
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0].0, CableStatus::CableOk);
    assert_eq!(seen[1], (CableStatus::CableCsvRow, 2, good(1).len() as u64));
    assert_eq!(seen[2].0, CableStatus::CableOk);
    let mut h = null_mut();
    // SAFETY: `csv` is live; closing it once.
    unsafe {
        assert_eq!(cable_csv_next(csv, &mut h, null_mut()), CableStatus::CableEnd, "END stays END");
        assert_eq!(cable_csv_next(null_mut(), &mut h, null_mut()), CableStatus::CableNullArgument);
        assert_eq!(cable_csv_next(csv, null_mut(), null_mut()), CableStatus::CableNullArgument);
        cable_csv_close(csv);
    }

    let missing = std::ffi::CString::new(dir.join("missing.csv").to_str().unwrap()).unwrap();
    let mut csv = std::ptr::dangling_mut::<CableCsv>();
    // SAFETY: valid path, writable out-parameters.
    assert_eq!(unsafe { cable_csv_open(missing.as_ptr(), null(), &mut csv, &mut err) }, CableStatus::CableIoError);
    assert!(csv.is_null());
    assert!(message(&err).contains("missing.csv"), "{}", message(&err));
    // SAFETY: NULL path is allowed.
    assert_eq!(unsafe { cable_csv_open(null(), null(), &mut csv, null_mut()) }, CableStatus::CableNullArgument);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn html_pages_carry_their_table() {
    let page = "<table class='cable'><tr><th>Reference ID</th><th>Created</th></tr><tr><td>07MOSCOW5434</td><td>2007-11-17 12:12</td></tr></table>\
                <code><pre>O 171231Z NOV 07&#x000A;FM AMEMBASSY MOSCOW</pre></code><code><pre>C O N F I D E N T I A L MOSCOW 005434&#x000A;&#x000A;SUBJECT: IRAN\u{92}S PLAN</pre></code>";
    let mut bytes = page.as_bytes().to_vec();
    // Make the apostrophe (U+0092, two bytes in UTF-8) a raw Windows-1252 byte.
    let pos = page.find('\u{92}').unwrap();
    bytes.splice(pos..pos + 2, [0x92]);
    let mut out = null_mut();
    // SAFETY: valid input, writable out-parameter, NULL err.
    let st = unsafe {
        cable_parse_as(
            bytes.as_ptr().cast(),
            bytes.len(),
            CableFormat::CableFormatHtml as c_int,
            null(),
            &mut out,
            null_mut(),
        )
    };
    assert_eq!(st, CableStatus::CableOk);
    let h = Owned(out);
    assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_REFERENCE_ID)), Some("07MOSCOW5434"));
    assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_SUBJECT)), Some("IRAN\u{2019}S PLAN"));
    assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_ENVELOPE_KIND)), Some("cablegate_html"));
    assert_eq!(s(cable_str(cable_root(h.get()), CABLE_FIELD_ENVELOPE_CREATED)), Some("2007-11-17 12:12"));
    let kinds: Vec<_> = (0..cable_count(cable_root(h.get()), CABLE_FIELD_WARNINGS))
        .map(|i| s(cable_str(cable_record(cable_root(h.get()), CABLE_FIELD_WARNINGS, i), CABLE_FIELD_KIND)).unwrap())
        .collect();
    assert!(kinds.contains(&"lossy_decoding"), "{kinds:?}");
    // SAFETY: valid input.
    unsafe {
        assert_eq!(cable_detect_format(bytes.as_ptr().cast(), bytes.len()), CableFormat::CableFormatHtml);
        assert_eq!(cable_detect_format(SEED.as_ptr().cast(), SEED.len()), CableFormat::CableFormatText);
        let row = b"\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\"";
        assert_eq!(cable_detect_format(row.as_ptr().cast(), row.len()), CableFormat::CableFormatCsv);
    }
}

#[test]
fn handles_are_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Cable>();
    let h = Owned(parse(SEED.as_bytes()));
    let shared = h.get();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(move || {
                let h = shared;
                let root = cable_root(h);
                for _ in 0..20 {
                    assert_eq!(s(cable_str(root, CABLE_FIELD_REFERENCE_ID)), Some("07MOSCOW5434"));
                    assert_eq!(cable_str(cable_record(root, CABLE_FIELD_WARNINGS, 3), CABLE_FIELD_KIND), NONE);
                    let own = Owned(parse(SEED.as_bytes()));
                    assert_eq!(
                        s(cable_str(cable_record(cable_root(own.get()), CABLE_FIELD_TO, 0), CABLE_FIELD_MCN)),
                        Some("5322")
                    );
                }
            });
        }
    });
}

#[test]
fn canonical_ids_through_c() {
    let canon = |id: &str| {
        let mut buf = [0 as c_char; 32];
        // SAFETY: `id` is valid for its length, `buf` for 32 bytes.
        let n = unsafe { cable_canonical_id(id.as_ptr().cast(), id.len(), buf.as_mut_ptr(), buf.len()) };
        // SAFETY: on success the buffer holds a NUL-terminated string.
        (n, (n > 0).then(|| unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap().to_owned()))
    };
    assert_eq!(canon("08ECTION01OF02MANAMA492"), (11, Some("08MANAMA492".into())));
    assert_eq!(canon("2007 SECSTATE 012345"), (12, Some("07STATE12345".into())));
    assert_eq!(canon("MOSCOW 5434"), (0, None));
    // Asking for the length only, and a buffer too small: nothing written.
    let id = "7575LIBREVILLE1895";
    // SAFETY: NULL buffer of length 0.
    assert_eq!(unsafe { cable_canonical_id(id.as_ptr().cast(), id.len(), null_mut(), 0) }, 16);
    let mut small = [b'x' as c_char; 4];
    // SAFETY: `small` holds 4 writable bytes.
    assert_eq!(unsafe { cable_canonical_id(id.as_ptr().cast(), id.len(), small.as_mut_ptr(), 4) }, 16);
    assert_eq!(small, [b'x' as c_char; 4]);
    // SAFETY: a NULL id.
    assert_eq!(unsafe { cable_canonical_id(null(), 5, null_mut(), 0) }, 0);
}

#[test]
fn tag_kinds_and_stations_through_c() {
    // SAFETY: `t` is valid for its length.
    let kind = |t: &str| s(unsafe { cable_tag_kind(t.as_ptr().cast(), t.len()) });
    assert_eq!(kind("PREL"), Some("subject"));
    assert_eq!(kind("KPAO"), Some("program"));
    assert_eq!(kind("OVIP (CLINTON, HILLARY)"), Some("person"));
    assert_eq!(kind("UX"), Some("unknown"));
    // SAFETY: a NULL tag.
    assert_eq!(s(unsafe { cable_tag_kind(null(), 0) }), None);

    // SAFETY: `q` is valid for its length.
    let find = |q: &str| unsafe { cable_station(q.as_ptr().cast(), q.len()) };
    let st = find("RUEHMO");
    assert!(st.is_some());
    assert_eq!(s(cable_str(st, CABLE_FIELD_STATION)), Some("MOSCOW"));
    assert_eq!(s(cable_str(st, CABLE_FIELD_PLAD)), Some("AMEMBASSY MOSCOW"));
    assert_eq!(s(cable_str(st, CABLE_FIELD_ORIGIN)), Some("Embassy Moscow"));
    assert_eq!(s(cable_str(st, CABLE_FIELD_COUNTRY)), Some("Russia"));
    assert_eq!(s(cable_str(st, CABLE_FIELD_GEO)), Some("RS"));
    assert_eq!(cable_strs(st, CABLE_FIELD_ROUTES).len, 1);
    assert_eq!(s(str_at(cable_strs(st, CABLE_FIELD_ROUTES), 0)), Some("RUEHMO"));
    assert_eq!(s(str_at(cable_strs(st, CABLE_FIELD_ROUTES), 1)), None);
    assert_eq!(cable_strs(st, CABLE_FIELD_PLADS).len, 1);
    assert_eq!(s(str_at(cable_strs(st, CABLE_FIELD_PLADS), 0)), Some("AMEMBASSY MOSCOW"));
    assert_eq!(s(cable_str(None, CABLE_FIELD_STATION)), None);
    assert_eq!(cable_strs(None, CABLE_FIELD_ROUTES).len, 0);
    assert!(std::ptr::eq(find("hcmc").unwrap(), find("AMCONSUL HO CHI MINH CITY").unwrap()));
    assert!(find("ATLANTIS").is_none());
    // SAFETY: a NULL name.
    assert!(unsafe { cable_station(null(), 3) }.is_none());
    assert!(cable_station_count() > 250);
    assert!(cable_station_at(0).is_some());
    assert!(cable_station_at(100_000).is_none());
}

#[test]
fn raw_and_canonical_tags() {
    let text = b"UNCLAS MOSCOW 001234\n\nTAGS: ECONEFIN, PG0V, RS\nSUBJECT: X\n\n1. Text.\n";
    let h = parse_with(text, None).expect("parses");
    // SAFETY: `h` is live until freed below.
    unsafe {
        assert_eq!(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS).len, 4);
        assert_eq!(s(str_at(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS), 0)), Some("ECON"));
        assert_eq!(s(str_at(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS), 1)), Some("EFIN"));
        assert_eq!(s(str_at(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS), 2)), Some("PGOV"));
        assert_eq!(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS_RAW).len, 3);
        assert_eq!(s(str_at(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS_RAW), 0)), Some("ECONEFIN"));
        assert_eq!(s(str_at(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS_RAW), 1)), Some("PG0V"));
        assert_eq!(s(str_at(cable_strs(cable_root(h.as_ref()), CABLE_FIELD_TAGS_RAW), 3)), None);
        assert_eq!(cable_strs(cable_root(None), CABLE_FIELD_TAGS_RAW).len, 0);
        cable_free(h);
    }
}

/// The body of the seed through the accessors: paragraphs, markings, headings, cleaned text,
/// summary, comment, signature, the page break.
#[test]
fn seed_body_through_the_accessors() {
    let h = Owned(parse(SEED.as_bytes()));
    let h = h.get();
    let root = cable_root(h);
    let mut n = 0i64;
    let mut at = 0usize;
    let (mut first, mut last) = (9i64, 9i64);
    let mut span = CableSpan::default();
    assert_eq!(cable_count(root, CABLE_FIELD_PARAGRAPHS), 9);
    for i in 0..9 {
        assert!(cable_int(paragraph(root, i), CABLE_FIELD_NUMBER, Some(&mut n)));
        assert_eq!(n as usize, i + 1);
        assert_eq!(s(cable_str(marking_of(root, i), CABLE_FIELD_LEVEL)), Some("CONFIDENTIAL"));
        assert_eq!(s(cable_str(marking_of(root, i), CABLE_FIELD_RAW)), Some("(C)"));
        assert_eq!(cable_strs(marking_of(root, i), CABLE_FIELD_CAVEATS).len, 0);
        assert_eq!(cable_count(paragraph(root, i), CABLE_FIELD_ITEMS), 0);
    }
    assert_eq!(s(cable_str(paragraph(root, 1), CABLE_FIELD_WRITTEN_NUMBER)), Some("12."));
    assert_eq!(s(cable_str(paragraph(root, 3), CABLE_FIELD_WRITTEN_NUMBER)), Some("¶4."));
    let headings: Vec<_> = (0..9).map(|i| s(cable_str(paragraph(root, i), CABLE_FIELD_HEADING))).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("Lavrov's Letter"),
            None,
            None,
            None,
            Some("Tadic and Kostunica"),
            Some("Bosnia"),
            None,
            Some("Comment")
        ]
    );
    assert!(cable_span(paragraph(root, 1), CABLE_FIELD_HEADING_SPAN, Some(&mut span)));
    assert_eq!(&SEED[span.start..span.end], "Lavrov's Letter");
    assert!(!cable_span(paragraph(root, 0), CABLE_FIELD_HEADING_SPAN, Some(&mut span)));

    // ¶6 runs over the page break: the marker is cut out and the sentence rejoined.
    assert!(cable_paragraph_find(h, 6, Some(&mut at)));
    assert_eq!(at, 5);
    let p6 = s(cable_str(paragraph(root, at), CABLE_FIELD_TEXT)).unwrap();
    assert!(p6.starts_with("Botsan-Kharchenko reiterated"), "{p6}");
    assert!(p6.contains("without hesitation, and reconfirmed"), "{p6}");
    assert!(!p6.contains("MOSCOW 00005434"));
    let raw = rec_span(paragraph(root, at), CABLE_FIELD_SPAN);
    assert!(SEED[raw.start..raw.end].starts_with("¶6. (C) Botsan-Kharchenko"));
    assert!(SEED[raw.start..raw.end].contains("MOSCOW 00005434 002 OF 002"));
    let text = rec_span(paragraph(root, at), CABLE_FIELD_TEXT_SPAN);
    assert!(SEED[text.start..text.end].starts_with("Botsan-Kharchenko"));
    // The text is computed once and kept: the same bytes at the same address.
    assert_eq!(cable_str(paragraph(root, at), CABLE_FIELD_TEXT), cable_str(paragraph(root, at), CABLE_FIELD_TEXT));
    assert_eq!(cable_str(paragraph(root, 8), CABLE_FIELD_HEADING), cable_str(paragraph(root, 8), CABLE_FIELD_HEADING));
    assert!(!cable_paragraph_find(h, 10, Some(&mut at)));
    assert_eq!(at, 5, "nothing written");

    let summary = s(cable_str(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT)).unwrap();
    assert!(summary.starts_with("Russia's Kosovo Troika Envoy"), "{summary}");
    assert!(summary.ends_with("unilateral independence."), "{summary}");
    assert!(cable_span(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_SPAN, Some(&mut span)));
    assert_eq!(&SEED[span.start..span.start + 8], "Russia's");
    assert!(passage_paragraphs(cable_record(root, CABLE_FIELD_SUMMARY, 0), Some(&mut first), Some(&mut last)));
    assert_eq!((first, last), (0, 0));
    let comment = s(cable_str(cable_record(root, CABLE_FIELD_COMMENT, 0), CABLE_FIELD_TEXT)).unwrap();
    assert!(comment.starts_with("By hinting at differences"), "{comment}");
    assert!(passage_paragraphs(cable_record(root, CABLE_FIELD_COMMENT, 0), Some(&mut first), Some(&mut last)));
    assert_eq!((first, last), (8, 8));
    assert!(cable_span(cable_record(root, CABLE_FIELD_COMMENT, 0), CABLE_FIELD_SPAN, None));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_TEXT)), None);
    assert!(!cable_span(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_SPAN, Some(&mut span)));
    assert!(!passage_paragraphs(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), None, None));
    assert_eq!(cable_count(root, CABLE_FIELD_NOTES), 0);

    assert_eq!(s(cable_str(root, CABLE_FIELD_SIGNATURE)), Some("BURNS"));
    assert!(cable_span(root, CABLE_FIELD_SIGNATURE, Some(&mut span)));
    assert_eq!(&SEED[span.start..span.end], "BURNS");
    assert_eq!(cable_strs(root, CABLE_FIELD_SIGNERS).len, 1);
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_SIGNERS), 0)), Some("BURNS"));
    assert_eq!(cable_count(root, CABLE_FIELD_REDACTIONS), 0);
    assert_eq!(cable_count(root, CABLE_FIELD_BREAKS), 1);
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_BREAKS, 0), CABLE_FIELD_KIND)), Some("page"));
    assert!(cable_int(cable_record(root, CABLE_FIELD_BREAKS, 0), CABLE_FIELD_PAGE, Some(&mut n)));
    assert_eq!(n, 2);
    let b = rec_span(cable_record(root, CABLE_FIELD_BREAKS, 0), CABLE_FIELD_SPAN);
    assert_eq!(&SEED[b.start..b.end], "MOSCOW 00005434 002 OF 002");
}

/// Caveats, sub-items, notes, an action request, several signers and redactions: what the seed
/// lacks, on a small cable written for the test.
#[test]
fn body_fields_the_seed_lacks() {
    let text = "S E C R E T STATE 000001\n\nSUBJECT: X\n\n\
                1. (S//NF) ACTION REQUEST: Department asks posts to:\n\
                A. deliver the points;\n\
                B. report XXXXXXXXXXXX reactions.\n\n\
                2. (C/REL GERMANY) Text (Note: a remark. End note.) goes on.\n\n\
                3. Unmarked.\n\n\
                KEEGAN PAAL\n";
    let h = Owned(parse(text.as_bytes()));
    let h = h.get();
    let root = cable_root(h);
    let (mut first, mut last) = (9i64, 9i64);
    assert_eq!(cable_count(root, CABLE_FIELD_PARAGRAPHS), 3);
    assert_eq!(s(cable_str(marking_of(root, 0), CABLE_FIELD_LEVEL)), Some("SECRET"));
    assert_eq!(cable_strs(marking_of(root, 0), CABLE_FIELD_CAVEATS).len, 1);
    assert_eq!(s(str_at(cable_strs(marking_of(root, 0), CABLE_FIELD_CAVEATS), 0)), Some("NOFORN"));
    assert_eq!(s(str_at(cable_strs(marking_of(root, 0), CABLE_FIELD_CAVEATS), 1)), None);
    assert_eq!(s(cable_str(marking_of(root, 1), CABLE_FIELD_LEVEL)), Some("CONFIDENTIAL"));
    assert_eq!(s(str_at(cable_strs(marking_of(root, 1), CABLE_FIELD_CAVEATS), 0)), Some("REL GERMANY"));
    assert_eq!(s(cable_str(marking_of(root, 2), CABLE_FIELD_LEVEL)), None);
    assert_eq!(s(cable_str(marking_of(root, 2), CABLE_FIELD_RAW)), None);
    assert_eq!(cable_strs(marking_of(root, 2), CABLE_FIELD_CAVEATS).len, 0);

    assert_eq!(cable_count(paragraph(root, 0), CABLE_FIELD_ITEMS), 2);
    assert_eq!(s(cable_str(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 0), CABLE_FIELD_LABEL)), Some("A."));
    assert_eq!(
        s(cable_str(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 0), CABLE_FIELD_TEXT)),
        Some("deliver the points;")
    );
    assert_eq!(s(cable_str(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 1), CABLE_FIELD_LABEL)), Some("B."));
    assert_eq!(
        s(cable_str(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 1), CABLE_FIELD_TEXT)),
        Some("report XXXXXXXXXXXX reactions.")
    );
    let sp = rec_span(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 1), CABLE_FIELD_SPAN);
    assert_eq!(&text[sp.start..sp.end], "B. report XXXXXXXXXXXX reactions.");
    assert_eq!(s(cable_str(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 2), CABLE_FIELD_LABEL)), None);
    assert_eq!(
        rec_span(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, 2), CABLE_FIELD_SPAN),
        CableSpan::default()
    );
    // A sub-item starts a new line of the cleaned text.
    assert_eq!(
        s(cable_str(paragraph(root, 0), CABLE_FIELD_TEXT)),
        Some("ACTION REQUEST: Department asks posts to:\nA. deliver the points;\nB. report XXXXXXXXXXXX reactions.")
    );

    let request = s(cable_str(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_TEXT)).unwrap();
    assert!(request.starts_with("Department asks posts to:"), "{request}");
    assert!(passage_paragraphs(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), Some(&mut first), Some(&mut last)));
    assert_eq!((first, last), (0, 0));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT)), None);

    assert_eq!(cable_count(root, CABLE_FIELD_NOTES), 1);
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_NOTES, 0), CABLE_FIELD_KIND)), Some("note"));
    assert_eq!(s(cable_str(cable_record(root, CABLE_FIELD_NOTES, 0), CABLE_FIELD_TEXT)), Some("a remark."));
    let mut sp = CableSpan::default();
    assert!(cable_span(cable_record(root, CABLE_FIELD_NOTES, 0), CABLE_FIELD_SPAN, Some(&mut sp)));
    assert_eq!(&text[sp.start..sp.end], "a remark.");
    assert!(passage_paragraphs(cable_record(root, CABLE_FIELD_NOTES, 0), Some(&mut first), None));
    assert_eq!(first, 1);

    assert_eq!(s(cable_str(root, CABLE_FIELD_SIGNATURE)), Some("KEEGAN PAAL"));
    assert_eq!(cable_strs(root, CABLE_FIELD_SIGNERS).len, 2);
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_SIGNERS), 0)), Some("KEEGAN"));
    assert_eq!(s(str_at(cable_strs(root, CABLE_FIELD_SIGNERS), 1)), Some("PAAL"));
    assert_eq!(cable_count(root, CABLE_FIELD_REDACTIONS), 1);
    let sp = rec_span(cable_record(root, CABLE_FIELD_REDACTIONS, 0), CABLE_FIELD_SPAN);
    assert_eq!(&text[sp.start..sp.end], "XXXXXXXXXXXX");
    assert_eq!(cable_count(root, CABLE_FIELD_BREAKS), 0);
}

#[test]
fn body_accessors_out_of_range_and_null() {
    let h = Owned(parse(SEED.as_bytes()));
    let h = h.get();
    let mut n = 7i64;
    let mut at = 7usize;
    let (mut first, mut last) = (7i64, 7i64);
    let mut span = CableSpan { start: 7, end: 7 };
    for h in [h, None] {
        let root = cable_root(h);
        let count = if h.is_none() { 0 } else { 9 };
        assert_eq!(cable_count(root, CABLE_FIELD_PARAGRAPHS), count);
        for i in [count, 99, usize::MAX] {
            // No such paragraph: NULL, whose every field, of every type, reads as absent
            // (what a paragraph has: NUMBER, WRITTEN_NUMBER, MARKING, HEADING, TEXT, ITEMS, spans).
            let p = paragraph(root, i);
            assert!(p.is_none());
            for f in 0..=CABLE_FIELD_GEO + 1 {
                assert_eq!(cable_str(p, f), NONE);
                assert_eq!(cable_strs(p, f).len, 0);
                assert!(!cable_int(p, f, Some(&mut n)));
                assert!(!cable_span(p, f, Some(&mut span)));
                assert_eq!(cable_count(p, f), 0);
                assert!(cable_record(p, f, 0).is_none());
            }
        }
        assert_eq!(str_at(cable_strs(marking_of(root, 0), CABLE_FIELD_CAVEATS), 0), NONE);
        assert_eq!(cable_str(cable_record(paragraph(root, 0), CABLE_FIELD_ITEMS, usize::MAX), CABLE_FIELD_TEXT), NONE);
        assert!(!cable_paragraph_find(h, 0, Some(&mut at)));
        assert!(!cable_paragraph_find(h, u32::MAX, Some(&mut at)));
        assert_eq!(cable_str(cable_record(root, CABLE_FIELD_NOTES, 0), CABLE_FIELD_KIND), NONE);
        assert_eq!(cable_str(cable_record(root, CABLE_FIELD_NOTES, 0), CABLE_FIELD_TEXT), NONE);
        assert!(!cable_span(cable_record(root, CABLE_FIELD_NOTES, 0), CABLE_FIELD_SPAN, None));
        assert!(!passage_paragraphs(cable_record(root, CABLE_FIELD_NOTES, 0), Some(&mut first), None));
        assert_eq!(str_at(cable_strs(root, CABLE_FIELD_SIGNERS), 1), NONE);
        assert_eq!(rec_span(cable_record(root, CABLE_FIELD_REDACTIONS, 0), CABLE_FIELD_SPAN), CableSpan::default());
        assert_eq!(cable_str(cable_record(root, CABLE_FIELD_BREAKS, 1), CABLE_FIELD_KIND), NONE);
        assert!(!cable_int(cable_record(root, CABLE_FIELD_BREAKS, 1), CABLE_FIELD_PAGE, Some(&mut n)));
        assert_eq!(rec_span(cable_record(root, CABLE_FIELD_BREAKS, 1), CABLE_FIELD_SPAN), CableSpan::default());
        assert!(!cable_span(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_SPAN, Some(&mut span)));
        assert!(!passage_paragraphs(
            cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0),
            Some(&mut first),
            Some(&mut last)
        ));
    }
    let h: Option<&Cable> = None;
    let root = cable_root(h);
    assert_eq!(cable_str(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT), NONE);
    assert!(!cable_span(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_SPAN, Some(&mut span)));
    assert!(!passage_paragraphs(cable_record(root, CABLE_FIELD_SUMMARY, 0), Some(&mut first), Some(&mut last)));
    assert_eq!(cable_str(cable_record(root, CABLE_FIELD_COMMENT, 0), CABLE_FIELD_TEXT), NONE);
    assert!(!passage_paragraphs(cable_record(root, CABLE_FIELD_COMMENT, 0), Some(&mut first), Some(&mut last)));
    assert_eq!(cable_str(root, CABLE_FIELD_SIGNATURE), NONE);
    assert!(!cable_span(root, CABLE_FIELD_SIGNATURE, Some(&mut span)));
    assert_eq!(
        (
            cable_strs(root, CABLE_FIELD_SIGNERS).len,
            cable_count(root, CABLE_FIELD_NOTES),
            cable_count(root, CABLE_FIELD_REDACTIONS),
            cable_count(root, CABLE_FIELD_BREAKS)
        ),
        (0, 0, 0, 0)
    );
    assert_eq!((n, at, first, last, span), (7, 7, 7, 7, CableSpan { start: 7, end: 7 }), "nothing written");
}

#[test]
fn body_caches_fill_from_many_threads() {
    let h = Owned(parse(SEED.as_bytes()));
    let shared = h.get();
    let texts: Vec<usize> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(move || {
                    let h = shared;
                    let root = cable_root(h);
                    for i in (0..9).rev() {
                        assert!(s(cable_str(paragraph(root, i), CABLE_FIELD_TEXT)).is_some_and(|t| !t.is_empty()));
                    }
                    assert!(
                        s(cable_str(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT))
                            .unwrap()
                            .starts_with("Russia's")
                    );
                    assert_eq!(s(cable_str(paragraph(root, 6), CABLE_FIELD_HEADING)), Some("Bosnia"));
                    cable_str(paragraph(root, 5), CABLE_FIELD_TEXT).ptr as usize
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert!(texts.windows(2).all(|w| w[0] == w[1]), "every thread sees the one kept copy");
}

/// Issue 14: the C edge cases (a head cut inside a character, `SIZE_MAX` lengths, NULL handles,
/// a directory given as a CSV file).
#[test]
fn edge_cases_of_the_c_api() {
    // A character across the 64 KiB that `cable_detect_format` reads panicked (and printed the
    // panic on the host's stderr).
    let mut head = vec![b'a'; 65_535];
    head.extend("é\nCONFIDENTIAL\n\n1. x\n".as_bytes());
    // SAFETY: valid input.
    assert_eq!(unsafe { cable_detect_format(head.as_ptr().cast(), head.len()) }, CableFormat::CableFormatText);
    let mut page = b"<pre>".to_vec();
    page.extend(std::iter::repeat_n(b'a', 65_530));
    page.extend("é</pre>".as_bytes());
    // SAFETY: valid input.
    assert_eq!(unsafe { cable_detect_format(page.as_ptr().cast(), page.len()) }, CableFormat::CableFormatHtml);

    // `len = SIZE_MAX` (a caller passing "NUL-terminated") aborted on the allocation: absent.
    let id = b"07MOSCOW5434\0";
    // SAFETY: the pointers are valid; the length is the bug under test, rejected before use.
    unsafe {
        assert_eq!(cable_canonical_id(id.as_ptr().cast(), usize::MAX, null_mut(), 0), 0);
        assert_eq!(s(cable_tag_kind(id.as_ptr().cast(), usize::MAX)), None);
        assert!(cable_station(id.as_ptr().cast(), usize::MAX).is_none());
    }

    // `cable_to_json(NULL, &s, &l)` left `l` unset.
    let (mut out, mut len) = (std::ptr::dangling_mut::<c_char>(), 77usize);
    assert_eq!({ cable_to_json(None, Some(&mut out), Some(&mut len)) }, CableStatus::CableNullArgument);
    assert!(out.is_null());
    assert_eq!(len, 0);

    // A directory is no CSV file: it opened with CABLE_OK and failed at the first row.
    let dir = std::ffi::CString::new(env!("CARGO_MANIFEST_DIR")).unwrap();
    let mut csv = std::ptr::dangling_mut::<CableCsv>();
    let mut err = blank_error();
    // SAFETY: valid path, writable out-parameters.
    assert_eq!(unsafe { cable_csv_open(dir.as_ptr(), null(), &mut csv, &mut err) }, CableStatus::CableIoError);
    assert!(csv.is_null());
    assert!(message(&err).contains("is a directory"), "{}", message(&err));
}

/// Issue 13: the sections of a multi-section partial record (tests/fixtures/02VATICAN1922.csv,
/// whose date-time group comes from section 2's header block).
#[test]
fn sections_of_a_partial_record() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/02VATICAN1922.csv");
    let cpath = std::ffi::CString::new(path).unwrap();
    let mut csv = null_mut();
    let mut err = blank_error();
    // SAFETY: valid path, writable out-parameters.
    assert_eq!(unsafe { cable_csv_open(cpath.as_ptr(), null(), &mut csv, &mut err) }, CableStatus::CableOk);
    let mut h = null_mut();
    // SAFETY: `csv` is live and used by this thread only.
    assert_eq!(unsafe { cable_csv_next(csv, &mut h, &mut err) }, CableStatus::CableOk);
    let h = Owned(h);
    let h = h.get();
    let root = cable_root(h);
    let (mut number, mut total) = (0i64, 0i64);
    // SAFETY: `h` is live; out-parameters point to locals.
    unsafe {
        assert_eq!(s(cable_str(root, CABLE_FIELD_DTG)), Some("180503Z APR 02"));
        assert_eq!(cable_count(root, CABLE_FIELD_SECTIONS), 2);
        assert!(
            cable_int(cable_record(root, CABLE_FIELD_SECTIONS, 1), CABLE_FIELD_NUMBER, Some(&mut number))
                && cable_int(cable_record(root, CABLE_FIELD_SECTIONS, 1), CABLE_FIELD_TOTAL, Some(&mut total))
        );
        assert_eq!((number, total), (2, 2));
        let header = rec_span(cable_record(root, CABLE_FIELD_SECTIONS, 1), CABLE_FIELD_HEADER_SPAN);
        let span = rec_span(cable_record(root, CABLE_FIELD_SECTIONS, 1), CABLE_FIELD_SPAN);
        assert_eq!((header.start, span.start), (span.start, 4650));
        assert!(header.end > header.start && span.end > header.end);
        assert!(
            !cable_int(cable_record(root, CABLE_FIELD_SECTIONS, 2), CABLE_FIELD_NUMBER, Some(&mut number)),
            "out of range"
        );
        assert_eq!(cable_count(cable_root(None), CABLE_FIELD_SECTIONS), 0);
        cable_csv_close(csv);
    }
}

#[test]
fn fields_are_read_by_name_and_type() {
    let h = Owned(parse(SEED.as_bytes()));
    let h = h.get();
    let root = cable_root(h);
    assert!(std::ptr::eq(root.unwrap(), cable_root(h).unwrap()), "one root per handle");
    let (mut n, mut span) = (7i64, CableSpan::default());
    // One field, two types: the subject is a string and a span; not a number, list or records.
    assert_eq!(s(cable_str(root, CABLE_FIELD_SUBJECT)), Some("KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\" BOSNIA"));
    assert!(cable_span(root, CABLE_FIELD_SUBJECT, Some(&mut span)));
    assert!(SEED[span.start..span.end].starts_with("KOSOVO: RUSSIAN FORECAST"));
    assert!(!cable_int(root, CABLE_FIELD_SUBJECT, Some(&mut n)) && n == 7);
    assert_eq!((cable_strs(root, CABLE_FIELD_SUBJECT).len, cable_count(root, CABLE_FIELD_SUBJECT)), (0, 0));
    // The tags: a list of strings, and records with each tag's text and span as written.
    assert_eq!(cable_str(root, CABLE_FIELD_TAGS), NONE);
    assert_eq!((cable_strs(root, CABLE_FIELD_TAGS).len, cable_count(root, CABLE_FIELD_TAGS)), (5, 5));
    let tag = cable_record(root, CABLE_FIELD_TAGS, 2);
    assert_eq!(s(cable_str(tag, CABLE_FIELD_TEXT)), Some("PTER"));
    assert_eq!(s(cable_span_text(h, rec_span(tag, CABLE_FIELD_SPAN))), Some("PTER"));
    // A field another kind of record has reads as absent: an addressee has no subject.
    let to = cable_record(root, CABLE_FIELD_TO, 0);
    assert_eq!((cable_str(to, CABLE_FIELD_SUBJECT), cable_str(to, CABLE_FIELD_HEADING)), (NONE, NONE));
    assert_eq!(s(cable_str(to, CABLE_FIELD_NAME)), Some("SECSTATE WASHDC"));
    // A warning's text is the text of its span.
    let w = cable_record(root, CABLE_FIELD_WARNINGS, 1);
    assert_eq!(s(cable_str(w, CABLE_FIELD_TEXT)), Some("12."));
    assert_eq!(s(cable_str(w, CABLE_FIELD_MESSAGE)), Some("mangled paragraph number recovered from the sequence"));
    // A paragraph's marking: a list of one record.
    let p = paragraph(root, 1);
    assert_eq!(cable_count(p, CABLE_FIELD_MARKING), 1);
    assert_eq!(s(cable_str(cable_record(p, CABLE_FIELD_MARKING, 0), CABLE_FIELD_LEVEL)), Some("CONFIDENTIAL"));
    assert!(cable_record(p, CABLE_FIELD_MARKING, 1).is_none());
    // Flags are numbers: the seed is no partial record.
    assert!(cable_int(root, CABLE_FIELD_PARTIAL, Some(&mut n)) && n == 0);
    // Unknown field names read as absent, whatever the accessor.
    for f in [CABLE_FIELD_GEO + 1, 1000, u32::MAX] {
        assert_eq!((cable_str(root, f), cable_strs(root, f).len, cable_count(root, f)), (NONE, 0, 0));
        assert!(!cable_int(root, f, Some(&mut n)) && !cable_span(root, f, Some(&mut span)));
        assert!(cable_record(root, f, 0).is_none() && cable_record(p, f, 0).is_none());
    }
}
