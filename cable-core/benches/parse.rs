//! Criterion benchmarks of parse-only throughput per input form, over the real corpus.
//! Run with `cargo bench -p cable-core --bench parse`.

mod common;

use cable_core::envelope::{csv::CsvReader, html};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn forms(c: &mut Criterion) {
    let dir = common::corpus_dir();
    let texts = common::texts(&dir);
    let pages = common::pages(&dir);
    let csv = std::fs::read(dir.join("cables-real-dev.csv")).unwrap();

    let mut g = c.benchmark_group("parse");
    g.sample_size(20);
    let text_bytes: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(text_bytes as u64));
    g.bench_function("text", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(cable_core::parse(t).ok());
            }
        })
    });
    let page_bytes: usize = pages.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(page_bytes as u64));
    g.bench_function("html_page", |b| {
        b.iter(|| {
            for p in &pages {
                let doc = html::parse_page(p).unwrap();
                black_box(doc.parse().ok());
            }
        })
    });
    g.throughput(Throughput::Bytes(csv.len() as u64));
    g.bench_function("csv_row", |b| {
        b.iter(|| {
            for r in CsvReader::new(&csv[..]) {
                let r = r.unwrap();
                black_box(r.document().parse().ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, forms);
criterion_main!(benches);
