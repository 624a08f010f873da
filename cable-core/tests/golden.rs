//! Golden tests: hand-checked expectations for real cables, read from the committed fixtures.
//!
//! Every `tests/fixtures/<ID>.json` at the top level (not `tests/fixtures/eval/`, issue 19's
//! evaluation set, whose goldens record known flaws and are scored by `scripts/eval-score`) is
//!
//! ```json
//! { "sources": ["09LAPAZ96.csv", "09LAPAZ96.html"],
//!   "note": "why this cable is here",
//!   "expect": { "reference_id": "09LAPAZ96", "tags": ["PGOV"], "to": [{"mcn": "1456"}] } }
//! ```
//!
//! Each source is a file beside the golden, read by its extension: `.txt` the cable's text,
//! `.html` a cablegate page, `.csv` a one-row `cables.csv` file. Every source must give the
//! expected values. The comparison is the subset matching documented in
//! `tests/fixtures/README.md`, shared with the Python (`cable-py/tests/test_golden.py`) and C
//! (`scripts/test-c`, through `tests/golden_match.py`) golden tests. No corpus is needed. On a
//! mismatch the test names each differing path and writes the full actual JSON next to the
//! golden file as `<source>.failed` (ignored by git).

use cable_core::Document;
use cable_core::envelope::{csv::CsvReader, html};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Collects the paths where `actual` differs from `expected` (subset semantics).
fn compare(path: &str, expected: &Value, actual: &Value, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => compare(&format!("{path}.{k}"), ev, av, diffs),
                    None => diffs.push(format!("{path}.{k}: expected {ev}, key absent")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                diffs.push(format!("{path}: expected {} items, got {}: {actual}", e.len(), a.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                compare(&format!("{path}[{i}]"), ev, av, diffs);
            }
        }
        (Value::String(e), Value::String(a)) if e.contains(" … ") => {
            if !elided_match(e, a) {
                diffs.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
        _ if expected == actual => {}
        _ => diffs.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// `head … middle … tail`: `a` starts with `head`, ends with `tail` and has the middle parts in
/// between, in order.
fn elided_match(e: &str, a: &str) -> bool {
    let parts: Vec<&str> = e.split(" … ").collect();
    let (head, tail) = (parts[0], parts[parts.len() - 1]);
    if !a.starts_with(head) || !a.ends_with(tail) || a.len() < head.len() + tail.len() {
        return false;
    }
    let mut rest = &a[head.len()..a.len() - tail.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

/// The document of one fixture source, by its extension.
fn document(path: &Path) -> Document<'static> {
    let name = path.display();
    match path.extension().and_then(|x| x.to_str()) {
        Some("txt") => {
            Document::from_bytes(&std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"))).into_owned()
        }
        Some("html") => html::parse_page_bytes(&std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}")))
            .unwrap_or_else(|e| panic!("{name}: {e}")),
        Some("csv") => {
            let mut rows = CsvReader::open(path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let row = rows.next().unwrap_or_else(|| panic!("{name}: no row")).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(rows.next().is_none(), "{name}: a fixture CSV holds one row");
            row.into_document()
        }
        _ => panic!("{name}: a source is .txt, .html or .csv"),
    }
}

#[test]
fn golden_cables() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 60, "expected the ~68 golden cables in {}, found {}", dir.display(), files.len());

    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &files {
        let golden: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let sources = golden["sources"].as_array().unwrap_or_else(|| panic!("{}: no sources", path.display()));
        assert!(!sources.is_empty(), "{}: no sources", path.display());
        for source in sources {
            let source = dir.join(source.as_str().expect("a source is a file name"));
            let doc = document(&source);
            let cable = doc.parse().unwrap_or_else(|e| panic!("{}: {e}", source.display()));
            let actual: Value = serde_json::from_str(&cable.to_json()).unwrap();
            let mut diffs = Vec::new();
            compare("", &golden["expect"], &actual, &mut diffs);
            let failed = source.with_extension(format!("{}.failed", source.extension().unwrap().to_str().unwrap()));
            if diffs.is_empty() {
                let _ = std::fs::remove_file(&failed);
            } else {
                let _ = std::fs::write(&failed, cable.to_json_pretty());
                failures.push(format!("{}:\n  {}", source.display(), diffs.join("\n  ")));
            }
            checked += 1;
        }
    }
    println!("{checked} sources of {} golden cables checked", files.len());
    assert!(failures.is_empty(), "{} source(s) differ from their golden:\n{}", failures.len(), failures.join("\n"));
}
