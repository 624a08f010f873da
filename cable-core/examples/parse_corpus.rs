//! Parses every cable of the corpus CSV files many times (profiling helper):
//! `parse_corpus [ROUNDS]`.
fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"));
    let mut texts = Vec::new();
    for f in ["cables-dev.csv", "cables-real-dev.csv"] {
        for r in cable_core::envelope::csv::CsvReader::open(dir.join(f)).expect("csv") {
            texts.push(r.expect("row").document().text().to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for t in &texts {
            n += cable_core::parse(t).map(|c| c.paragraphs().len()).unwrap_or(0);
        }
    }
    let s = t0.elapsed().as_secs_f64();
    println!("{} MB/s ({n} paragraphs)", (bytes * rounds) as f64 / 1e6 / s);
}
