//! Shared helpers for tests that read the real corpus in `../shared/corpus`.

#![allow(dead_code)]

pub mod invariants;

use std::path::PathBuf;

/// The corpus directory: `$CABLE_CORPUS`, or `shared/corpus` beside the repository.
///
/// When it is missing the test is skipped: this prints `SKIPPED: <test>: <why>` (straight to
/// stderr, past the test harness's capture, so that `cargo test` shows it) and returns `None`.
/// With `CABLE_REQUIRE_CORPUS=1` (set by CI, which has the corpus) a missing corpus panics
/// instead, so that the corpus tests cannot silently stop running there.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    if dir.join("cablegate-html").is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "the real-cable corpus is missing: expected {} (with cablegate-html/, cables-dev.csv, cables-real-dev.csv); \
         set CABLE_CORPUS to its path",
        dir.display()
    );
    if std::env::var("CABLE_REQUIRE_CORPUS").as_deref() == Ok("1") {
        panic!("{msg} (CABLE_REQUIRE_CORPUS=1)");
    }
    skipped(&msg);
    None
}

/// Prints `SKIPPED: <test name>: <why>` where `cargo test` shows it even for a passing test.
pub fn skipped(why: &str) {
    use std::io::Write;
    let test = std::thread::current().name().unwrap_or("test").to_string();
    let _ = writeln!(std::io::stderr(), "SKIPPED: {test}: {why}");
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
