//! The corpus pipeline: a reader thread walks the inputs and hands out batches of documents;
//! the batches are parsed on all cores (rayon) and their results come back in input order.
//! Memory stays flat: at most a few batches are in flight, whatever the corpus size.

use cable_core::envelope::corpus::{Corpus, Entry, RawEntry};
use cable_core::failure::panic_message;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// Documents per batch: large enough to amortise the hand-off, small enough to keep the output
/// flowing and memory flat.
const BATCH: usize = 256;
/// Batches read ahead of the parsers.
const IN_FLIGHT: usize = 4;

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
    drive(inputs, progress, |batch| {
        let results: Vec<Result<T, String>> =
            batch.into_par_iter().map(|item| item.and_then(|raw| guarded(&work, raw.into_entry()))).collect();
        for r in results {
            if sink(r).is_break() {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    })
}

/// As [`run`], but the documents of each stretch of the input (a few dozen, one per task) go
/// into one accumulator made by `new` (a table builder: one Arrow batch per stretch rather than
/// per document), which `sink` gets in input order with the stretch's errors. `work` adds one
/// document to an accumulator; when it panics (a bug), the stretch is redone without that
/// document, which becomes an error: the accumulator never holds half a document.
pub fn run_grouped<A: Send>(
    inputs: &[PathBuf],
    progress: Progress,
    new: impl Fn() -> A + Sync,
    work: impl Fn(&mut A, &Entry) -> Result<(), String> + Sync,
    mut sink: impl FnMut(A, Vec<String>) -> ControlFlow<()>,
) -> Result<(), String> {
    // Two stretches per thread keep both busy when one stretch is slower.
    let per_stretch = BATCH.div_ceil(2 * rayon::current_num_threads()).max(1);
    drive(inputs, progress, |batch| {
        let mut stretches: Vec<Vec<Item>> = Vec::new();
        let mut items = batch.into_iter().peekable();
        while items.peek().is_some() {
            stretches.push(items.by_ref().take(per_stretch).collect());
        }
        let done: Vec<(A, Vec<String>)> =
            stretches.into_par_iter().map(|stretch| fold_stretch(stretch, &new, &work)).collect();
        for (acc, errors) in done {
            if sink(acc, errors).is_break() {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    })
}

/// One stretch of [`run_grouped`] into a new accumulator, redone without each document whose
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

/// The walk of [`run`] and [`run_grouped`]: a reader thread reads ahead, `each` gets the
/// batches in input order (and returns [`ControlFlow::Break`] to stop), the bar follows.
fn drive(
    inputs: &[PathBuf],
    progress: Progress,
    mut each: impl FnMut(Vec<Item>) -> ControlFlow<()>,
) -> Result<(), String> {
    let bar = progress_bar(inputs, progress);
    let started = Instant::now();
    let (tx, rx) = sync_channel::<Vec<Item>>(IN_FLIGHT);
    let owned_inputs = inputs.to_vec();
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH);
        for input in owned_inputs {
            for item in items(&input) {
                batch.push(item);
                if batch.len() == BATCH && tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).is_err() {
                    return;
                }
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
    });
    let mut done = 0u64;
    for batch in rx {
        let bytes: u64 = batch.iter().map(|i| i.as_ref().map_or(0, raw_len)).sum();
        done += batch.len() as u64;
        if each(batch).is_break() {
            // Dropping the receiver makes the reader's next send fail: it stops.
            break;
        }
        if let Some(bar) = &bar {
            bar.inc(bytes);
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{done} cables, {:.0} cables/s", done as f64 / secs));
        }
    }
    let read =
        reader.join().map_err(|panic| format!("internal error while reading the inputs: {}", panic_message(&*panic)));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    read
}

/// `work` on one entry, a panic (a bug in the parser) becoming that entry's error.
fn guarded<T>(work: &(impl Fn(Entry) -> Result<T, String> + Sync), entry: Entry) -> Result<T, String> {
    let source = entry.source.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(entry)))
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
}
