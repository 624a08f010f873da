//! Invariants every fuzz target checks on every parse.

use cable_core::{Document, ParseOptions};
use serde_json::Value;

/// Parses `doc` and checks: no panic (the fuzzer catches those), every span in the JSON lies
/// inside the text and on character boundaries, the JSON serialisation succeeds and is valid.
pub fn parse_and_check(doc: &Document<'_>) {
    let text = doc.text();
    let options = ParseOptions::default();
    let Ok(cable) = options.parse_document(doc) else { return };
    assert_eq!(cable.source(), text);
    let json = cable.to_json();
    let value: Value = serde_json::from_str(&json).expect("the JSON output is valid JSON");
    check_spans(&value, text);
    let body = cable.body_span();
    assert!(body.end as usize == text.len(), "the body runs to the end of the text");
}

/// Walks the JSON and checks every `span` value and every span inside `spans`.
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
            let (s, e) = (a[0].as_u64().unwrap() as usize, a[1].as_u64().unwrap() as usize);
            assert!(s <= e && e <= text.len(), "span {s}..{e} outside the text ({} bytes)", text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} not on char boundaries");
        }
        Value::Array(a) => a.iter().for_each(|x| check_span_values(x, text)),
        Value::Object(m) => m.values().for_each(|x| check_span_values(x, text)),
        _ => {}
    }
}
