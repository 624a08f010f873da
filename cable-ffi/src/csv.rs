//! The `cables.csv` iterator: `cable_csv_open`, `cable_csv_next`, `cable_csv_close`, over the
//! core's corpus walk (`Corpus::csv`), the one the `cable` command and Python use: the same rows,
//! errors and sources (`path:row`).

use crate::boundary::{Failure, guard, run_out};
use crate::handle::Cable;
use crate::types::{CableError, CableOptions, CableStatus};
use cable_core::envelope::corpus::{Corpus, CorpusError, RawEntry};
use cable_core::envelope::csv::CsvErrorKind;
use cable_core::{OwnedCable, ParseOptions};
use std::ffi::{CStr, c_char};

/// An open `cables.csv` file, read one row at a time: an opaque handle made by
/// `cable_csv_open` and freed by `cable_csv_close`. It holds one row (plus a 256 KiB read
/// buffer) in memory, whatever the file size. Use it from one thread at a time; the `Cable`
/// handles it yields are independent of it and of each other.
pub struct CableCsv {
    corpus: Corpus,
    options: ParseOptions,
    /// Set once the file is exhausted, after an I/O error, or after a panic (the reader's state
    /// is then unknown): every later call returns `CABLE_END`.
    done: bool,
    /// Number of the row last returned or reported.
    row: u64,
}

/// Opens a `cables.csv` file (8 quoted columns per row, backslash escapes; the layout of the
/// unofficial full-corpus file), also gzip- or zstd-compressed (detected from the first bytes),
/// for reading row by row with `cable_csv_next`.
///
/// `path` is a NUL-terminated file name (bytes as the OS takes them); it is only read during the
/// call. `opts` may be NULL (defaults); its size limit applies to each row, its year to undated
/// rows (the CSV's own date column comes first). Rows are always decoded lossily.
///
/// On success returns `CABLE_OK` and stores in `*out` a new iterator owned by the caller, to be
/// released with `cable_csv_close`. On failure stores NULL in `*out` (when `out` is not NULL),
/// fills `*err` (when not NULL) and returns `CABLE_NULL_ARGUMENT` (`path` or `out` is NULL),
/// `CABLE_IO_ERROR` (the file cannot be opened; the message names it) or `CABLE_INTERNAL`.
/// Thread-safe.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `opts` NULL or a readable `CableOptions`;
/// `out` NULL or a writable `CableCsv *`; `err` NULL or a writable `CableError`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_csv_open(
    path: *const c_char,
    opts: *const CableOptions,
    out: *mut *mut CableCsv,
    err: *mut CableError,
) -> CableStatus {
    let make = || {
        if path.is_null() {
            return Err(Failure::null("path"));
        }
        // SAFETY: `path` is not NULL and NUL-terminated (this function's contract).
        let path = path_of(unsafe { CStr::from_ptr(path) });
        // SAFETY: `opts` is NULL or readable (this function's contract).
        let opts = unsafe { opts.as_ref() }.copied().unwrap_or(CableOptions::DEFAULT);
        let options = opts.core();
        // The walk opens the file when first read: a file that cannot be opened fails here.
        let io = |e: std::io::Error| Failure::new(CableStatus::CableIoError, format!("{}: {e}", path.display()));
        if std::fs::File::open(&path).and_then(|f| f.metadata()).map_err(io)?.is_dir() {
            return Err(io(std::io::Error::other("is a directory, not a CSV file")));
        }
        let corpus = Corpus::csv(&path).with_max_row_len(options.max_input_len);
        Ok(Box::new(CableCsv { corpus, options, done: false, row: 0 }))
    };
    // SAFETY: `out` and `err` are NULL or writable (this function's contract).
    unsafe { run_out(out, err, make) }
}

#[cfg(unix)]
fn path_of(p: &CStr) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(p.to_bytes()).into()
}

#[cfg(not(unix))]
fn path_of(p: &CStr) -> std::path::PathBuf {
    p.to_string_lossy().into_owned().into()
}

/// Reads the next row and parses it.
///
/// Returns:
/// - `CABLE_OK`: `*out` is a new `Cable` handle owned by the caller (free it with
///   `cable_free`; it stays valid after `cable_csv_close`). Its envelope holds the other
///   columns (`cable_envelope_*`), its `cable_source` is `path:row`.
/// - `CABLE_END`: no more rows; `*out` is NULL. Every later call returns `CABLE_END` too.
/// - `CABLE_CSV_ROW`: the row is malformed; `err->row` is its number and `err->offset` its byte
///   offset in the file. The walk goes on: the next call reads the next row.
/// - `CABLE_EMPTY`, `CABLE_BINARY`, `CABLE_TOO_LARGE`, `CABLE_NOT_A_CABLE`: the row is read but
///   its text holds no cable; `err->row` is its number, `err->offset` the position in the row's
///   text. The walk goes on.
/// - `CABLE_IO_ERROR`: reading the file failed; the walk ends (later calls: `CABLE_END`).
/// - `CABLE_NULL_ARGUMENT` (`csv` or `out` is NULL), `CABLE_INTERNAL` (the walk ends).
///
/// On every status but `CABLE_OK`, `*out` is NULL (when `out` is not NULL). `err` may be NULL.
/// Not thread-safe for one `csv`: call it from one thread at a time.
///
/// # Safety
/// `csv` must be NULL or a live iterator not used by another thread during the call; `out` NULL
/// or a writable `Cable *`; `err` NULL or a writable `CableError`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_csv_next(csv: *mut CableCsv, out: *mut *mut Cable, err: *mut CableError) -> CableStatus {
    let make = || {
        // SAFETY: `csv` is NULL or a live iterator used by this thread only (this function's
        // contract).
        let Some(csv) = (unsafe { csv.as_mut() }) else {
            return Err(Failure::null("csv"));
        };
        csv.next()
    };
    // SAFETY: `out` and `err` are NULL or writable (this function's contract).
    unsafe { run_out(out, err, make) }
}

impl CableCsv {
    fn next(&mut self) -> Result<Box<Cable>, Failure> {
        if self.done {
            return Err(Failure::new(CableStatus::CableEnd, "end of the CSV file"));
        }
        // Stays set if reading panics: the reader's state is then unknown.
        self.done = true;
        let entry = match self.corpus.next_raw() {
            None => return Err(Failure::new(CableStatus::CableEnd, "end of the CSV file")),
            Some(Err(CorpusError::Csv { source: e, .. })) => {
                self.row = e.row();
                let status = if e.kind() == CsvErrorKind::Io {
                    CableStatus::CableIoError
                } else {
                    self.done = false;
                    CableStatus::CableCsvRow
                };
                return Err(Failure { row: e.row(), offset: e.offset(), ..Failure::new(status, e.to_string()) });
            }
            Some(Err(e)) => return Err(Failure::new(CableStatus::CableIoError, e.to_string())),
            Some(Ok(entry)) => entry,
        };
        self.done = false;
        let row = match &entry {
            RawEntry::CsvRow { row, .. } => row.row(),
            RawEntry::Document(_) => self.row + 1,
        };
        self.row = row;
        OwnedCable::from_document(entry.into_entry().document, &self.options)
            .map(|owned| Box::new(Cable::new(owned)))
            .map_err(|e| {
                let f = Failure::parse(&e);
                Failure { row, message: format!("row {row}: {}", f.message), ..f }
            })
    }
}

/// Number of the row (1-based, counting every row, good or bad) that the last
/// `cable_csv_next` returned or reported; 0 before the first call or when `csv` is NULL.
/// Call it from the thread that uses `csv`.
///
/// # Safety
/// `csv` must be NULL or a live iterator not used by another thread during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_csv_row(csv: *const CableCsv) -> u64 {
    // SAFETY: `csv` is NULL or a live iterator (this function's contract).
    unsafe { csv.as_ref() }.map_or(0, |c| c.row)
}

/// Closes the file and frees the iterator. NULL is a no-op. `Cable` handles it returned stay
/// valid. Never close twice.
///
/// # Safety
/// `csv` must be NULL or an iterator from `cable_csv_open` not yet closed, not in use by
/// another thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_csv_close(csv: *mut CableCsv) {
    if csv.is_null() {
        return;
    }
    guard(|| {
        // SAFETY: `csv` came from `Box::into_raw` in `cable_csv_open` and is closed once (the
        // caller's contract).
        drop(unsafe { Box::from_raw(csv) });
    })
}
