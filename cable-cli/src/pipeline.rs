//! The corpus pipeline: a reader thread walks the inputs and hands out batches of documents,
//! worker threads (one per thread of rayon's pool: all cores, or `--threads`) each take a whole
//! batch, and the caller's thread gets the results back in input order. Reading, parsing and
//! writing overlap: a worker never waits for the others to finish a batch, nor for the output to
//! be written. Memory stays flat: a fixed number of batches is alive at a time (read, being
//! parsed, or waiting for their turn to be written), whatever the corpus size.

use cable_core::envelope::corpus::{Corpus, Entry, RawEntry};
use cable_core::failure::panic_message;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Most documents per batch: enough to amortise the hand-offs.
const BATCH: usize = 64;
/// Most input bytes per batch (a batch closes at the first document past it): batches of a
/// CSV file of ~6 KB rows hold ~40 of them, a few hundred KB of JSON, so that what is alive stays
/// small (peak RSS streaming 2 GB) and the output flows.
const BATCH_BYTES: u64 = 256 << 10;
/// Batches alive at once, per worker (one being parsed, one ready for it), plus one: the one the
/// writer holds.
const SLOTS_PER_WORKER: usize = 2;
/// An output buffer that grew past this (a huge document) is freed rather than reused.
const KEEP_BUFFER: usize = 4 << 20;

/// One item of the walk: a document (CSV rows still undecoded, so that decoding runs on the
/// workers), or a one-line error about an input that could not be read.
type Item = Result<RawEntry, String>;

/// How the pipeline reports progress.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Never draw a progress bar.
    pub quiet: bool,
}

/// Walks `inputs` (files, directories, `-` for standard input), applies `work` to every document
/// on all cores and gives the results to `sink` in input order; an input that could not be read
/// reaches `sink` as an error in its place. `sink` returns [`ControlFlow::Break`] to stop the walk
/// (the output is closed: `cable parse big.csv | head`).
///
/// A bug (a panic) while reading the inputs fails the run with the returned error, and a panic
/// while parsing one document is that document's error: the run never ends with success and
/// output missing.
pub fn run<T: Send>(
    inputs: &[PathBuf],
    progress: Progress,
    work: impl Fn(Entry) -> Result<T, String> + Sync,
    mut sink: impl FnMut(Result<T, String>) -> ControlFlow<()>,
) -> Result<(), String> {
    run_written(
        inputs,
        progress,
        |entry, _| work(entry),
        |_, results| {
            for r in results {
                if sink(r).is_break() {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        },
    )
}

/// As [`run`], but `work` also writes each document's output into a buffer that it shares with
/// the other documents of its batch; `sink` gets, in input order, each batch's buffer (to be
/// written with one call, not copied document by document) and its results. A document whose
/// `work` fails or panics leaves nothing in the buffer. The buffers are reused from batch to
/// batch (allocating and freeing one per document was most of the pipeline's own cost).
pub fn run_written<T: Send>(
    inputs: &[PathBuf],
    progress: Progress,
    work: impl Fn(Entry, &mut Vec<u8>) -> Result<T, String> + Sync,
    mut sink: impl FnMut(&[u8], Vec<Result<T, String>>) -> ControlFlow<()>,
) -> Result<(), String> {
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    drive(
        inputs,
        progress,
        |batch| {
            let mut out = spare.lock().ok().and_then(|mut s| s.pop()).unwrap_or_default();
            let results = batch
                .into_iter()
                .map(|item| {
                    let raw = item?;
                    let mark = out.len();
                    let done = guarded(&work, raw.into_entry(), &mut out);
                    if done.is_err() {
                        out.truncate(mark);
                    }
                    done
                })
                .collect();
            (out, results)
        },
        |(mut out, results)| {
            let flow = sink(&out, results);
            if out.capacity() <= KEEP_BUFFER {
                out.clear();
                if let Ok(mut s) = spare.lock() {
                    s.push(out);
                }
            }
            flow
        },
    )
}

/// As [`run`], but the documents of each batch go into one accumulator made by `new` (a table
/// builder: one Arrow batch per batch of documents rather than per document), which `sink` gets
/// in input order with the batch's errors. `work` adds one document to an accumulator; when it
/// panics (a bug), the batch is redone without that document, which becomes an error: the
/// accumulator never holds half a document.
pub fn run_grouped<A: Send>(
    inputs: &[PathBuf],
    progress: Progress,
    new: impl Fn() -> A + Sync,
    work: impl Fn(&mut A, &Entry) -> Result<(), String> + Sync,
    mut sink: impl FnMut(A, Vec<String>) -> ControlFlow<()>,
) -> Result<(), String> {
    drive(inputs, progress, |batch| fold_stretch(batch, &new, &work), |(acc, errors)| sink(acc, errors))
}

/// One batch of [`run_grouped`] into a new accumulator, redone without each document whose
/// `work` panicked.
fn fold_stretch<A>(
    stretch: Vec<Item>,
    new: &impl Fn() -> A,
    work: &impl Fn(&mut A, &Entry) -> Result<(), String>,
) -> (A, Vec<String>) {
    let mut unread = Vec::new();
    let mut entries = Vec::with_capacity(stretch.len());
    for item in stretch {
        match item {
            Ok(raw) => entries.push(raw.into_entry()),
            Err(e) => unread.push(e),
        }
    }
    let mut panicked: Vec<(usize, String)> = Vec::new();
    'again: loop {
        let mut acc = new();
        let mut errors = unread.clone();
        for (i, entry) in entries.iter().enumerate() {
            if panicked.iter().any(|(p, _)| *p == i) {
                continue;
            }
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut acc, entry))) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => errors.push(e),
                Err(panic) => {
                    panicked.push((i, format!("{}: internal error: {}", entry.source, panic_message(&*panic))));
                    continue 'again;
                }
            }
        }
        errors.extend(panicked.into_iter().map(|(_, e)| e));
        return (acc, errors);
    }
}

/// A batch of the walk: its place in the input order, its items and the input bytes they stand
/// for (for the progress bar).
struct Batch {
    seq: u64,
    items: Vec<Item>,
    bytes: u64,
}

/// A batch done: its place, its size (bytes, documents) and what `work` made of it (or the
/// panic that `work` raised outside any one document).
type Done<B> = (u64, u64, usize, std::thread::Result<B>);

/// The walk of [`run_written`] and [`run_grouped`]: a reader thread reads ahead, each worker
/// applies `work` to one whole batch at a time, and `each` gets the outputs in input order on
/// the calling thread (and returns [`ControlFlow::Break`] to stop), the bar following.
fn drive<B: Send>(
    inputs: &[PathBuf],
    progress: Progress,
    work: impl Fn(Vec<Item>) -> B + Sync,
    mut each: impl FnMut(B) -> ControlFlow<()>,
) -> Result<(), String> {
    let bar = progress_bar(inputs, progress);
    let started = Instant::now();
    let workers = rayon::current_num_threads().max(1);
    let slots = SLOTS_PER_WORKER * workers + 1;
    // The reader takes a slot for each batch, and the batch gives it back once `each` had it:
    // however unequal the batches' parse times, no more than `slots` are alive.
    let (free_tx, free_rx) = sync_channel::<()>(slots);
    for _ in 0..slots {
        let _ = free_tx.send(());
    }
    let (batch_tx, batch_rx) = sync_channel::<Batch>(slots);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    let (done_tx, done_rx) = sync_channel::<Done<B>>(slots);
    let stop = AtomicBool::new(false);
    let (work, stop) = (&work, &stop);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_batches(inputs, &free_rx, &batch_tx, stop));
        let pool: Vec<_> = (0..workers)
            .map(|_| {
                let (batch_rx, done_tx) = (Arc::clone(&batch_rx), done_tx.clone());
                scope.spawn(move || work_batches(&batch_rx, &done_tx, work, stop))
            })
            .collect();
        drop((batch_rx, done_tx));
        let mut waiting = BTreeMap::new();
        let (mut next, mut docs) = (0u64, 0u64);
        let mut failed = None;
        'receive: for (seq, bytes, n, out) in &done_rx {
            waiting.insert(seq, (bytes, n, out));
            while let Some((bytes, n, out)) = waiting.remove(&next) {
                next += 1;
                let out = match out {
                    Ok(out) => out,
                    Err(panic) => {
                        failed = Some(format!("internal error while parsing: {}", panic_message(&*panic)));
                        break 'receive;
                    }
                };
                if each(out).is_break() {
                    break 'receive;
                }
                docs += n as u64;
                if let Some(bar) = &bar {
                    bar.inc(bytes);
                    let secs = started.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!("{docs} cables, {:.0} cables/s", docs as f64 / secs));
                }
                let _ = free_tx.send(());
            }
        }
        // Stopped early or done: the other threads end at their next look at `stop`, or when a
        // channel they wait on is closed.
        stop.store(true, Ordering::Relaxed);
        drop((done_rx, free_tx));
        for worker in pool {
            let _ = worker.join();
        }
        let read = reader
            .join()
            .map_err(|panic| format!("internal error while reading the inputs: {}", panic_message(&*panic)));
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        failed.map_or(read, Err)
    })
}

/// The reader thread of [`drive`]: the items of `inputs` in batches, each batch started once a
/// slot is free.
fn read_batches(inputs: &[PathBuf], free: &Receiver<()>, batches: &SyncSender<Batch>, stop: &AtomicBool) {
    // Room for a whole batch from the start: grown from empty, the list of rows (some 200
    // bytes an item) was reallocated and copied five times a batch.
    let mut batch = Batch { seq: 0, items: Vec::with_capacity(BATCH), bytes: 0 };
    for input in inputs {
        for item in items(input) {
            if batch.items.is_empty() && (stop.load(Ordering::Relaxed) || free.recv().is_err()) {
                return;
            }
            batch.bytes += item.as_ref().map_or(0, raw_len);
            batch.items.push(item);
            if batch.items.len() == BATCH || batch.bytes >= BATCH_BYTES {
                let seq = batch.seq + 1;
                if batches
                    .send(std::mem::replace(&mut batch, Batch { seq, items: Vec::with_capacity(BATCH), bytes: 0 }))
                    .is_err()
                {
                    return;
                }
            }
        }
    }
    if !batch.items.is_empty() {
        let _ = batches.send(batch);
    }
}

/// A worker thread of [`drive`]: takes batches until there are no more (or the walk stopped),
/// sends what `work` made of each.
fn work_batches<B>(
    batches: &Mutex<Receiver<Batch>>,
    done: &SyncSender<Done<B>>,
    work: &(impl Fn(Vec<Item>) -> B + Sync),
    stop: &AtomicBool,
) {
    loop {
        // (The lock is held while waiting: the other workers wait for it instead.)
        let next = batches.lock().ok().and_then(|rx| rx.recv().ok());
        let Some(Batch { seq, items, bytes }) = next else { return };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let n = items.len();
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(items)));
        if done.send((seq, bytes, n, out)).is_err() {
            return;
        }
    }
}

/// `work` on one entry, a panic (a bug in the parser) becoming that entry's error.
fn guarded<T>(
    work: &(impl Fn(Entry, &mut Vec<u8>) -> Result<T, String> + Sync),
    entry: Entry,
    out: &mut Vec<u8>,
) -> Result<T, String> {
    let source = entry.source.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(entry, out)))
        .unwrap_or_else(|panic| Err(format!("{source}: internal error: {}", panic_message(&*panic))))
}

/// The items of one input.
fn items(input: &PathBuf) -> Box<dyn Iterator<Item = Item>> {
    if input.as_os_str() == "-" {
        return stdin_items();
    }
    let mut corpus = Corpus::new([input]);
    Box::new(std::iter::from_fn(move || corpus.next_raw()).map(|r| r.map_err(|e| e.to_string())))
}

/// The items of standard input, read as the walk reads a file: decompressed (gzip, zstd),
/// its form detected, CSV rows streamed, a text or page read up to the size limit.
fn stdin_items() -> Box<dyn Iterator<Item = Item>> {
    let mut corpus = Corpus::from_reader("-", None, std::io::stdin());
    Box::new(std::iter::from_fn(move || corpus.next_raw()).map(|r| r.map_err(|e| e.to_string())))
}

/// Bytes of input an entry stands for (for the progress bar).
fn raw_len(r: &RawEntry) -> u64 {
    match r {
        RawEntry::Document(e) => e.document.text().len() as u64,
        RawEntry::CsvRow { row, .. } => row.len() as u64,
    }
}

/// A progress bar on standard error, when it is a terminal and not `--quiet`: cables done,
/// cables/s and an ETA from the bytes read out of the total size of the inputs.
fn progress_bar(inputs: &[PathBuf], progress: Progress) -> Option<ProgressBar> {
    if progress.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    // The bytes the walk reads (no total when a file is compressed: it reads more than its size).
    let total = cable_core::envelope::corpus::plain_size(inputs);
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:30} {percent:>3}% {msg} [{elapsed_precise}, ETA {eta}]")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cable_core::envelope::Document;

    fn item(source: &str) -> Item {
        Ok(RawEntry::Document(Entry { source: source.to_owned(), document: Document::plain(source.to_owned()) }))
    }

    /// A document whose work panics is left out of its stretch's accumulator, which is redone
    /// without it (no half document), and becomes that document's error; an unreadable input
    /// stays an error; the others keep their order.
    #[test]
    fn a_stretch_is_redone_without_a_panicking_document() {
        let stretch = vec![item("a"), item("b"), Err("x: unreadable".to_owned()), item("c"), item("d")];
        let work = |acc: &mut Vec<String>, e: &Entry| {
            acc.push(e.source.clone());
            if e.source == "c" {
                panic!("boom");
            }
            if e.source == "d" { Err("d: not a cable".to_owned()) } else { Ok(()) }
        };
        let (acc, errors) = fold_stretch(stretch, &Vec::new, &work);
        // `d` failed after pushing: a failure (not a panic) is the work's own business.
        assert_eq!(acc, ["a", "b", "d"]);
        assert_eq!(errors, ["x: unreadable", "d: not a cable", "c: internal error: boom"]);
    }

    /// A CSV file of `rows` small rows in a fresh temporary directory (removed by the caller).
    fn csv_of(name: &str, rows: usize) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("cable-pipeline-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mut data = String::new();
        for i in 1..=rows {
            data.push_str(&format!(
                "\"{i}\",\"1/1/2000 0:00\",\"00X{i}\",\"o\",\"c\",\"\",\"h\",\"{}\"\n",
                "b".repeat(i % 7 * 900)
            ));
        }
        let path = dir.join("rows.csv");
        std::fs::write(&path, data).expect("write");
        (dir, path)
    }

    /// The workers finish batches out of order (their times differ); the sink still gets every
    /// document once, in input order, and each document's output is its own bytes.
    #[test]
    fn results_and_output_come_back_in_input_order() {
        let (dir, path) = csv_of("order", 700);
        let mut seen = Vec::new();
        let mut written = Vec::new();
        let run = run_written(
            std::slice::from_ref(&path),
            Progress { quiet: true },
            |entry, out| {
                let row: usize = entry.source.rsplit(':').next().and_then(|n| n.parse().ok()).expect("row");
                std::thread::sleep(std::time::Duration::from_micros((row % 5 * 40) as u64));
                if row % 100 == 0 {
                    out.extend_from_slice(b"half");
                    return Err(format!("row {row} fails"));
                }
                out.extend_from_slice(format!("{row};").as_bytes());
                Ok(row)
            },
            |bytes, results| {
                written.extend_from_slice(bytes);
                seen.extend(results.into_iter().map(|r| r.unwrap_or(0)));
                ControlFlow::Continue(())
            },
        );
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(run, Ok(()));
        let expected: Vec<usize> = (1..=700).map(|i| if i % 100 == 0 { 0 } else { i }).collect();
        assert_eq!(seen, expected);
        let lines: String = (1..=700).filter(|i| i % 100 != 0).map(|i| format!("{i};")).collect();
        assert_eq!(String::from_utf8(written).unwrap(), lines);
    }

    /// A sink that stops (a closed output) ends the walk: no more results, and the run returns.
    #[test]
    fn a_sink_that_stops_ends_the_walk() {
        let (dir, path) = csv_of("stop", 2000);
        let mut got = 0;
        let run = run(
            std::slice::from_ref(&path),
            Progress { quiet: true },
            |entry| Ok(entry.source),
            |_| {
                got += 1;
                if got == 3 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
            },
        );
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(run, Ok(()));
        assert_eq!(got, 3);
    }
}
