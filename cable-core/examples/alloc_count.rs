//! Heap allocations per cable for parse only (development helper).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
struct Counting;
static N: AtomicU64 = AtomicU64::new(0);
// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        N.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: same contract.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, s: usize) -> *mut u8 {
        N.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract.
        unsafe { System.realloc(p, l, s) }
    }
}
#[global_allocator]
static G: Counting = Counting;
fn main() {
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"));
    let mut texts = Vec::new();
    for f in ["cables-dev.csv", "cables-real-dev.csv"] {
        for r in cable_core::envelope::csv::CsvReader::open(dir.join(f)).expect("csv") {
            texts.push(r.expect("row").document().text().to_string());
        }
    }
    let before = N.load(Ordering::Relaxed);
    for t in &texts {
        let _ = std::hint::black_box(cable_core::parse(t));
    }
    let n = N.load(Ordering::Relaxed) - before;
    println!("{:.1} allocations per cable", n as f64 / texts.len() as f64);
}
