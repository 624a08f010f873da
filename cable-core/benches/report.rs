//! The performance report of issue 6: parse-only throughput per input form (MB/s and cables/s,
//! one core), JSON writing apart (issue 16), heap allocations per cable, parallel speed-up, and
//! linearity in input size.
//! Run with `cargo bench -p cable-core --bench report` (or `scripts/bench`, which adds the
//! end-to-end command-line measurements).

mod common;

use cable_core::envelope::{csv::CsvReader, html};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Counts fresh heap allocations and reallocations (a growing vector) apart; frees are not counted.
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static REALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` repeatedly for at least `min` and returns the best time of one run.
fn best_of(min: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < 3 || start.elapsed() < min {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

fn mb_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to configure.
    let dir = common::corpus_dir();
    let texts = common::texts(&dir);
    let pages = common::pages(&dir);
    let csv = std::fs::read(dir.join("cables-real-dev.csv")).unwrap();
    let min = Duration::from_secs(3);
    println!(
        "cable-core performance report ({} cores available)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // Parse-only, one core, per input form.
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let t = best_of(min, || texts.iter().for_each(|x| _ = black_box(cable_core::parse(x).ok())));
    println!(
        "parse text      : {:>7.1} MB/s  {:>8.0} cables/s  ({} cables, {:.1} MB)",
        mb_s(text_bytes, t),
        texts.len() as f64 / t.as_secs_f64(),
        texts.len(),
        text_bytes as f64 / 1e6
    );
    // Writing the JSON of the parsed texts (issue 16: serialisation measured apart from parsing),
    // one line at a time into a buffer, with the crate's writer and, beside it, serde_json's.
    let cables: Vec<_> = texts.iter().filter_map(|x| cable_core::parse(x).ok()).collect();
    let mut line = Vec::new();
    let mut json_bytes = 0;
    let t = best_of(min, || {
        json_bytes = 0;
        for c in &cables {
            line.clear();
            c.write_json_line(None, &mut line);
            json_bytes += line.len();
            black_box(&line);
        }
    });
    let serde = best_of(min, || {
        for c in &cables {
            line.clear();
            serde_json::to_writer(&mut line, c).unwrap();
            black_box(&line);
        }
    });
    println!(
        "write json      : {:>7.1} MB/s of text {:>7.1} MB/s of JSON  ({:.1} MB; serde_json: {:.1} MB/s of text, {:.2}x the time)",
        mb_s(text_bytes, t),
        mb_s(json_bytes, t),
        json_bytes as f64 / 1e6,
        mb_s(text_bytes, serde),
        serde.as_secs_f64() / t.as_secs_f64()
    );
    drop(cables);
    let page_bytes: usize = pages.iter().map(String::len).sum();
    let t = best_of(min, || {
        for p in &pages {
            let doc = html::parse_page(p).unwrap();
            black_box(doc.parse().ok());
        }
    });
    println!(
        "parse html page : {:>7.1} MB/s  {:>8.0} cables/s  ({} pages, {:.1} MB)",
        mb_s(page_bytes, t),
        pages.len() as f64 / t.as_secs_f64(),
        pages.len(),
        page_bytes as f64 / 1e6
    );
    let rows = CsvReader::new(&csv[..]).count();
    let t = best_of(min, || {
        for r in CsvReader::new(&csv[..]) {
            black_box(r.unwrap().document().parse().ok());
        }
    });
    println!(
        "parse csv row   : {:>7.1} MB/s  {:>8.0} cables/s  ({} rows, {:.1} MB)",
        mb_s(csv.len(), t),
        rows as f64 / t.as_secs_f64(),
        rows,
        csv.len() as f64 / 1e6
    );

    // Heap allocations per cable, parse only (the text is already in memory).
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let before_re = REALLOCATIONS.load(Ordering::Relaxed);
    let mut parsed = 0u64;
    for x in &texts {
        if let Ok(c) = cable_core::parse(x) {
            parsed += 1;
            black_box(&c);
        }
    }
    let allocs = ALLOCATIONS.load(Ordering::Relaxed) - before;
    let reallocs = REALLOCATIONS.load(Ordering::Relaxed) - before_re;
    println!(
        "allocations     : {:.1} per cable + {:.1} reallocations (parse only, {} cables)",
        allocs as f64 / parsed as f64,
        reallocs as f64 / parsed as f64,
        parsed
    );

    // Linearity: one input of 1, 10 and 100 MB made of cable texts back to back.
    let mut big = String::new();
    let mut k = 0;
    while big.len() < 100_000_000 {
        big.push_str(&texts[k % texts.len()]);
        big.push('\n');
        k += 1;
    }
    let mut per_mb = Vec::new();
    for size in [1_000_000usize, 10_000_000, 100_000_000] {
        let mut end = size.min(big.len());
        while !big.is_char_boundary(end) {
            end -= 1;
        }
        let input = &big[..end];
        let t = best_of(Duration::from_secs(2), || _ = black_box(cable_core::parse(input).ok()));
        let ms_per_mb = t.as_secs_f64() * 1e3 / (end as f64 / 1e6);
        per_mb.push(ms_per_mb);
        println!(
            "single input    : {:>5.0} MB in {:>8.2} ms = {:.3} ms/MB",
            end as f64 / 1e6,
            t.as_secs_f64() * 1e3,
            ms_per_mb
        );
    }
    let (lo, hi) = per_mb.iter().fold((f64::MAX, 0f64), |(l, h), &x| (l.min(x), h.max(x)));
    println!("linearity       : per-MB times within {:.2}x of each other", hi / lo);
}
