//! Loading the real corpus for the benchmarks.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The corpus directory (`$CABLE_CORPUS` or `shared/corpus` beside the repository).
pub fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    assert!(
        dir.join("cablegate-html").is_dir(),
        "benchmarks need the corpus: {} is missing (set CABLE_CORPUS)",
        dir.display()
    );
    dir
}

/// Every cablegate page, as read from disk.
pub fn pages(dir: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.join("cablegate-html")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// The telegram texts of all pages and of all rows of `cables-real-dev.csv`: plain cable text.
pub fn texts(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> =
        pages(dir).iter().map(|p| cable_core::envelope::html::parse_page(p).unwrap().text().to_owned()).collect();
    for r in cable_core::envelope::csv::CsvReader::open(dir.join("cables-real-dev.csv")).unwrap() {
        out.push(r.unwrap().text().to_owned());
    }
    out
}
