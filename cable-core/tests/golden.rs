//! Golden tests: hand-checked expectations for real cables.
//!
//! Each file under `tests/golden/` (any depth) is a JSON object:
//!
//! ```json
//! { "source": "html:2009/03/09SANAA495.html",
//!   "note": "why this cable is here",
//!   "expect": { "reference_id": "09SANAA495", "tags": ["KDRG", "PGOV"], "to": [{"mcn": "1456"}] } }
//! ```
//!
//! `source` is `html:<path under cablegate-html>`, `csv:<file>:<row>` (row numbers as the CSV
//! reader counts them, from 1) or `repo:<path from the repository root>`. `expect` is compared with
//! the cable's JSON as a subset: objects compare only the keys listed (recursively), lists compare
//! element by element and must have the same length, everything else must be equal; an expected
//! string with ` … ` in it (`"Russia's Kosovo … unilateral independence."`) matches a string that
//! starts with the part before the first one, ends with the part after the last one and has the
//! parts between in that order. Values were
//! written by reading the cable, not copied from the parser's output. On a mismatch the test
//! names each differing path and writes the full actual JSON next to the golden file as
//! `<name>.failed` (ignored by git).

mod common;

use cable_core::Document;
use cable_core::envelope::{csv::CsvReader, html};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn golden_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("golden directory") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            golden_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

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

#[test]
fn golden_cables() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    golden_files(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden"), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no golden files found");
    let goldens: Vec<(PathBuf, Value)> = files
        .into_iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v)
        })
        .collect();
    let needs_corpus = goldens.iter().any(|(_, g)| !g["source"].as_str().unwrap_or("").starts_with("repo:"));
    let corpus = if needs_corpus { common::corpus_dir() } else { None };

    // Read each CSV file once, keeping the rows the goldens ask for.
    let mut wanted: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for (_, g) in &goldens {
        if let Some(rest) = g["source"].as_str().and_then(|s| s.strip_prefix("csv:")) {
            let (file, row) = rest.rsplit_once(':').expect("csv:<file>:<row>");
            wanted.entry(file.to_string()).or_default().insert(row.parse().expect("row number"));
        }
    }
    let mut rows: BTreeMap<(String, u64), Document<'static>> = BTreeMap::new();
    if let Some(dir) = &corpus {
        for (file, want) in &wanted {
            for r in CsvReader::open(dir.join(file)).expect("CSV file") {
                let r = r.expect("corpus rows are well-formed");
                if want.contains(&r.row()) {
                    rows.insert((file.clone(), r.row()), r.into_document());
                }
            }
        }
    }

    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, golden) in &goldens {
        let source = golden["source"].as_str().unwrap_or_else(|| panic!("{}: no source", path.display()));
        let doc: Document<'static> = if let Some(rel) = source.strip_prefix("repo:") {
            let bytes = std::fs::read(repo.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
            Document::from_bytes(&bytes).into_owned()
        } else {
            let Some(dir) = &corpus else { continue };
            if let Some(rel) = source.strip_prefix("html:") {
                let page = std::fs::read_to_string(dir.join("cablegate-html").join(rel))
                    .unwrap_or_else(|e| panic!("{rel}: {e}"));
                html::parse_page(&page).unwrap_or_else(|e| panic!("{rel}: {e}")).into_owned()
            } else if let Some(rest) = source.strip_prefix("csv:") {
                let (file, row) = rest.rsplit_once(':').unwrap();
                rows.remove(&(file.to_string(), row.parse().unwrap()))
                    .unwrap_or_else(|| panic!("{source}: no such row"))
            } else {
                panic!("{}: unknown source {source}", path.display());
            }
        };
        let cable = doc.parse().unwrap_or_else(|e| panic!("{source}: {e}"));
        let actual: Value = serde_json::from_str(&cable.to_json()).unwrap();
        let mut diffs = Vec::new();
        compare("", &golden["expect"], &actual, &mut diffs);
        let failed = path.with_extension("failed");
        if diffs.is_empty() {
            let _ = std::fs::remove_file(&failed);
        } else {
            let _ = std::fs::write(&failed, cable.to_json_pretty());
            failures.push(format!("{} ({source}):\n  {}", path.display(), diffs.join("\n  ")));
        }
        checked += 1;
    }
    println!("{checked} golden cables checked");
    assert!(failures.is_empty(), "{} golden file(s) differ:\n{}", failures.len(), failures.join("\n"));
}
