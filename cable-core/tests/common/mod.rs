//! Shared helpers for tests that read the real corpus in `../shared/corpus`.

#![allow(dead_code)]

pub mod invariants;

use std::path::PathBuf;

/// The corpus directory: `$CABLE_CORPUS`, or `shared/corpus` beside the repository.
///
/// Panics with a clear message when it is missing, unless `CABLE_ALLOW_MISSING_CORPUS=1`, in which
/// case it returns `None` and the caller skips (printing why).
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    if dir.join("cablegate-html").is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "the real-cable corpus is missing: expected {} (with cablegate-html/, cables-dev.csv, cables-real-dev.csv). \
         Set CABLE_CORPUS to its path, or CABLE_ALLOW_MISSING_CORPUS=1 to skip the corpus tests.",
        dir.display()
    );
    if std::env::var("CABLE_ALLOW_MISSING_CORPUS").as_deref() == Ok("1") {
        eprintln!("SKIPPED: {msg}");
        return None;
    }
    panic!("{msg}");
}

/// Every HTML page of the corpus, sorted by path.
pub fn html_pages(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.join("cablegate-html")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable corpus directory") {
            let p = e.expect("directory entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
