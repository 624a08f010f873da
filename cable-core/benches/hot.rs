//! A profiling harness: parses the corpus texts (or, with `csv` as argument, the CSV rows) over
//! and over for `CABLE_HOT_SECS` seconds (default 10) or `CABLE_HOT_ROUNDS` rounds and nothing else, so that `perf record`
//! sees the parse alone. Build with `cargo bench -p cable-core --profile profiling --bench hot
//! --no-run` and run the printed executable under perf.

mod common;

use cable_core::envelope::csv::CsvReader;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let dir = common::corpus_dir();
    let secs = std::env::var("CABLE_HOT_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let csv_mode = std::env::args().any(|a| a == "csv");
    let texts = if csv_mode { Vec::new() } else { common::texts(&dir) };
    let csv = std::fs::read(dir.join("cables-real-dev.csv")).unwrap();
    // `CABLE_HOT_ROUNDS=n`: exactly n rounds instead, for counting instructions (`perf stat`),
    // which the machine's noise moves less than time.
    let rounds: Option<u32> = std::env::var("CABLE_HOT_ROUNDS").ok().and_then(|s| s.parse().ok());
    let start = Instant::now();
    let mut bytes = 0usize;
    let mut round = 0;
    while rounds.map_or(start.elapsed() < Duration::from_secs(secs), |n| round < n) {
        round += 1;
        if csv_mode {
            for r in CsvReader::new(&csv[..]) {
                black_box(r.unwrap().document().parse().ok());
            }
            bytes += csv.len();
        } else {
            for x in &texts {
                black_box(cable_core::parse(x).ok());
                bytes += x.len();
            }
        }
    }
    println!("{:.1} MB/s", bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
}
