//! Invariants of every parse, whatever the input: checked by the property tests, the
//! pathological-size tests and the fuzz targets (which include this file by path).

use cable_core::{Cable, Document, ParseOptions};
use serde_json::Value;

/// Parses `doc` and checks the invariants; returns the cable's JSON (or `None` when the input is
/// not a cable, which is a legitimate outcome).
pub fn parse_and_check(doc: &Document<'_>) -> Option<Value> {
    let options = ParseOptions::default();
    let cable = options.parse_document(doc).ok()?;
    Some(check(&cable, doc.text()))
}

/// Checks the invariants of a parsed cable: its source is the text; every span in its JSON lies
/// inside the text on character boundaries; the JSON serialisation is valid; the body runs to the
/// end of the text; the elements tile the text. Panics (with the reason) when one does not hold.
pub fn check(cable: &Cable<'_>, text: &str) -> Value {
    assert_eq!(cable.source(), text, "the cable's source is the parsed text");
    let json = cable.to_json();
    let value: Value = serde_json::from_str(&json).expect("the JSON output is valid JSON");
    check_spans(&value, text);
    assert_eq!(cable.body_span().end as usize, text.len(), "the body runs to the end of the text");
    for w in cable.warnings() {
        assert!(w.span.end as usize <= text.len() && text.is_char_boundary(w.span.start as usize));
    }
    // Lossless: the elements tile the text, in order, on character boundaries.
    let mut at = 0u32;
    for e in cable.elements() {
        assert_eq!(e.span.start, at, "element {e:?} leaves a gap or overlaps the one before");
        assert!(e.span.end >= e.span.start && text.is_char_boundary(e.span.end as usize), "element {e:?}");
        at = e.span.end;
    }
    assert_eq!(at as usize, text.len(), "the elements end where the text ends");
    value
}

fn check_spans(v: &Value, text: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "span" || k == "spans" {
                    check_span_values(x, text);
                }
                check_spans(x, text);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| check_spans(x, text)),
        _ => {}
    }
}

fn check_span_values(v: &Value, text: &str) {
    match v {
        Value::Array(a) if a.len() == 2 && a.iter().all(Value::is_u64) => {
            let (s, e) = (a[0].as_u64().unwrap_or(0) as usize, a[1].as_u64().unwrap_or(0) as usize);
            assert!(s <= e && e <= text.len(), "span {s}..{e} outside the text ({} bytes)", text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} not on char boundaries");
        }
        Value::Array(a) => a.iter().for_each(|x| check_span_values(x, text)),
        Value::Object(m) => m.values().for_each(|x| check_span_values(x, text)),
        _ => {}
    }
}
