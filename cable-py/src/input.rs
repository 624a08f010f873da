//! Turning Python arguments and files into parsed cables: argument checks, decoding policy, input
//! form detection, and the streaming reader behind `read_csv` and `read_dir`.
//!
//! All parsing (and file reading) runs with the interpreter released (`py.detach`), inside
//! `catch_unwind`, so other Python threads run meanwhile and a bug never unwinds into Python.

use crate::cable::PyCable;
use crate::errors::Failure;
use cable_core::envelope::corpus::{self, Form};
use cable_core::envelope::csv::CsvReader;
use cable_core::envelope::html;
use cable_core::{Document, OwnedCable, ParseOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What to do with bytes that are not valid UTF-8 (or control characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoding {
    /// Decode them (as Windows-1252, or U+FFFD) and report `lossy_decoding` warnings.
    Replace,
    /// Raise `EncodingError`.
    Strict,
}

impl Decoding {
    pub(crate) fn from_arg(errors: &str) -> PyResult<Self> {
        match errors {
            "replace" => Ok(Decoding::Replace),
            "strict" => Ok(Decoding::Strict),
            other => Err(PyValueError::new_err(format!("errors must be 'replace' or 'strict', not {other:?}"))),
        }
    }

    /// Refuses a lossily decoded document in strict mode.
    fn check(self, doc: &Document<'_>) -> Result<(), Failure> {
        match (self, doc.replaced_spans().first()) {
            (Decoding::Strict, Some(span)) => Err(Failure::encoding(span.start as u64)),
            (Decoding::Strict, None) if doc.replaced() > 0 => Err(Failure::encoding(0)),
            _ => Ok(()),
        }
    }
}

/// What `read_csv` / `read_dir` do with a row or file that cannot be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnError {
    /// Raise the error from `__next__`; the iterator can be resumed.
    Raise,
    /// Keep the error in `reader.errors` and go on.
    Skip,
}

impl OnError {
    pub(crate) fn from_arg(on_error: &str) -> PyResult<Self> {
        match on_error {
            "raise" => Ok(OnError::Raise),
            "skip" => Ok(OnError::Skip),
            other => Err(PyValueError::new_err(format!("on_error must be 'raise' or 'skip', not {other:?}"))),
        }
    }
}

/// The parse options from the keyword arguments.
pub(crate) fn options(year: Option<i32>) -> ParseOptions {
    match year {
        Some(y) => ParseOptions::default().with_year(y),
        None => ParseOptions::default(),
    }
}

/// Runs `f` with the interpreter released, turning a panic into a `Failure`.
pub(crate) fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, Failure> + Send) -> Result<T, Failure> {
    py.detach(|| guarded(f))
}

/// Runs `f`, turning a panic into a `Failure`.
fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned());
            Err(Failure::internal(msg))
        }
    }
}

/// A text argument: a `str` (used as UTF-8) or bytes (decoded).
pub(crate) enum Source {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Source {
    /// Accepts `str`, `bytes` and `bytearray`; anything else is a `TypeError`.
    pub(crate) fn extract(data: &Bound<'_, PyAny>, func: &str) -> PyResult<Source> {
        if let Ok(s) = data.cast::<PyString>() {
            return match s.extract::<PyBackedStr>() {
                Ok(s) => Ok(Source::Str(s)),
                // Lone surrogates: those of `errors="surrogateescape"` stand for the bytes a
                // decoder could not read, and go back to being those bytes; others are not text.
                Err(_) => match s.call_method1("encode", ("utf-8", "surrogateescape")) {
                    Ok(b) => Ok(Source::Bytes(b.extract::<PyBackedBytes>()?)),
                    Err(_) => Err(Failure::surrogate(surrogate_offset(s)?).into_pyerr(data.py())),
                },
            };
        }
        if data.is_instance_of::<PyBytes>() || data.is_instance_of::<PyByteArray>() {
            return Ok(Source::Bytes(data.extract::<PyBackedBytes>()?));
        }
        Err(PyTypeError::new_err(format!(
            "{func}() expects str or bytes, not {}",
            data.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
        )))
    }
}

/// Byte offset (in UTF-8, surrogates counted as 3 bytes) of the first character of `s` that
/// cannot be encoded.
fn surrogate_offset(s: &Bound<'_, PyString>) -> PyResult<u64> {
    let err = match s.call_method1("encode", ("utf-8",)) {
        Ok(_) => return Ok(0),
        Err(e) => e,
    };
    let start: usize = err.value(s.py()).getattr("start")?.extract()?;
    let head = s.get_item(pyo3::types::PySlice::new(s.py(), 0, start as isize, 1))?;
    let bytes = head.call_method1("encode", ("utf-8", "surrogatepass"))?;
    Ok(bytes.len()? as u64)
}

/// Parses text or bytes as the text of one cable.
pub(crate) fn parse_source(py: Python<'_>, src: &Source, opts: &ParseOptions, decoding: Decoding) -> PyResult<PyCable> {
    let result = match src {
        Source::Str(s) => {
            let text: &str = s;
            detached(py, || parse_doc(Document::plain(text.to_owned()), opts, decoding))
        }
        Source::Bytes(b) => {
            let bytes: &[u8] = b;
            detached(py, || text_doc(bytes, opts, decoding))
        }
    };
    result.map(|c| PyCable::new(c, opts.year)).map_err(|f| f.into_pyerr(py))
}

/// Parses a cablegate page given as text or bytes.
pub(crate) fn parse_page_source(
    py: Python<'_>,
    src: &Source,
    opts: &ParseOptions,
    decoding: Decoding,
) -> PyResult<PyCable> {
    let result = match src {
        Source::Str(s) => {
            let text: &str = s;
            detached(py, || page_doc(text.as_bytes(), opts, decoding))
        }
        Source::Bytes(b) => {
            let bytes: &[u8] = b;
            detached(py, || page_doc(bytes, opts, decoding))
        }
    };
    result.map(|c| PyCable::new(c, opts.year)).map_err(|f| f.into_pyerr(py))
}

fn parse_doc(doc: Document<'static>, opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    decoding.check(&doc)?;
    OwnedCable::from_document(doc, opts).map_err(|e| Failure::parse(&e))
}

/// Parses the bytes of a text: size and binary checks on the bytes (decoding would hide the NUL
/// and control bytes that reveal binary data), then lossy decoding.
fn text_doc(bytes: &[u8], opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    opts.check_bytes(bytes).map_err(|e| Failure::parse(&e))?;
    parse_doc(Document::from_bytes(bytes).into_owned(), opts, decoding)
}

/// Parses the bytes of a page. Bytes replaced while decoding cannot be located in the text once
/// the markup is removed: `html::parse_page_bytes` reports them as one `lossy_decoding` warning
/// about the whole text, and strict mode checks the page's bytes first.
fn page_doc(bytes: &[u8], opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    opts.check_bytes(bytes).map_err(|e| Failure::parse(&e))?;
    if decoding == Decoding::Strict {
        if let Some(span) = cable_core::decode::decode(bytes).spans.first() {
            return Err(Failure::encoding(span.start as u64));
        }
    }
    let doc = html::parse_page_bytes(bytes).map_err(|_| Failure::no_pre_block())?;
    OwnedCable::from_document(doc, opts).map_err(|e| Failure::parse(&e))
}

/// The start of a file, for detection.
fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut f = File::open(path)?;
    let mut head = vec![0u8; 4096];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    head.truncate(n);
    Ok(head)
}

/// Reads and parses a file holding one cable (plain text or a page).
pub(crate) fn parse_one_file(path: &Path, opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    let label = path.display().to_string();
    let fail = |f: Failure| f.in_file(&label);
    let head = head(path).map_err(|e| Failure::io(e, &label))?;
    // The form is detected as the `cable` command does (content first, `.html` as a hint).
    match corpus::detect(&label, &head) {
        Form::Csv => Err(fail(Failure::csv_file())),
        form => {
            let bytes = std::fs::read(path).map_err(|e| Failure::io(e, &label))?;
            let r = match form {
                Form::Html => page_doc(&bytes, opts, decoding),
                _ => text_doc(&bytes, opts, decoding),
            };
            r.map_err(fail)
        }
    }
}

/// Files a directory walk picks up, as `corpus::Corpus` (the `cable` command) does: pages, texts
/// and CSV files, not hidden files.
fn is_cable_file(p: &Path) -> bool {
    let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    !hidden && matches!(ext, "html" | "htm" | "txt" | "csv" | "")
}

/// The cable files under `dir`, sorted, subdirectories walked.
pub(crate) fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if p.is_dir() {
            if !hidden {
                out.extend(walk(&p)?);
            }
        } else if is_cable_file(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// What the reader produced next.
enum Step {
    Cable(Box<OwnedCable>),
    Fail(Failure),
    End,
}

struct ReaderState {
    /// Files still to read, with the form they are known to have (`read_csv` says CSV).
    pending: VecDeque<(PathBuf, Option<Form>)>,
    /// The CSV file being streamed.
    csv: Option<(String, CsvReader<BufReader<File>>)>,
}

impl ReaderState {
    fn step(&mut self, opts: &ParseOptions, decoding: Decoding) -> Step {
        loop {
            if let Some((label, reader)) = &mut self.csv {
                match reader.next() {
                    Some(Ok(record)) => {
                        let row = record.row();
                        let doc = record.into_document();
                        let r = parse_doc(doc, opts, decoding).map_err(|f| f.at_row(row).in_file(label));
                        return match r {
                            Ok(c) => Step::Cable(Box::new(c)),
                            Err(f) => Step::Fail(f),
                        };
                    }
                    Some(Err(e)) => return Step::Fail(Failure::csv(e).in_file(label)),
                    None => {
                        self.csv = None;
                        continue;
                    }
                }
            }
            let Some((path, form)) = self.pending.pop_front() else {
                return Step::End;
            };
            let label = path.display().to_string();
            let form = match form {
                Some(f) => f,
                None => match head(&path) {
                    Ok(h) => corpus::detect(&label, &h),
                    Err(e) => return Step::Fail(Failure::io(e, &label)),
                },
            };
            if form == Form::Csv {
                match CsvReader::open(&path) {
                    Ok(r) => self.csv = Some((label, r)),
                    Err(e) => return Step::Fail(Failure::io(e, &label)),
                }
                continue;
            }
            return match parse_one_file(&path, opts, decoding) {
                Ok(c) => Step::Cable(Box::new(c)),
                Err(f) => Step::Fail(f),
            };
        }
    }
}

/// An iterator of ``Cable`` over the rows of a cables.csv file (``cable.read_csv()``) or the
/// files of a directory (``cable.read_dir()``), read as it goes: one row or file in memory at a
/// time.
///
/// What happens with a malformed row or a file that holds no cable depends on ``on_error``:
/// with ``"raise"`` (the default) ``next()`` raises the error (a ``CsvRowError`` with the row
/// number and byte offset, a ``NotACableError``, an ``OSError``...) and the iterator stays
/// usable: calling ``next()`` again goes on with the next row or file. With ``"skip"`` the
/// error is appended to ``errors`` and iteration goes on. Reading and parsing run with the
/// interpreter released, so other Python threads run meanwhile.
#[pyclass(frozen, module = "cable", name = "CableReader", skip_from_py_object)]
pub struct CableReader {
    state: Mutex<ReaderState>,
    opts: ParseOptions,
    decoding: Decoding,
    on_error: OnError,
    errors: Py<PyList>,
}

impl CableReader {
    pub(crate) fn new(
        py: Python<'_>,
        files: Vec<(PathBuf, Option<Form>)>,
        opts: ParseOptions,
        decoding: Decoding,
        on_error: OnError,
    ) -> Self {
        CableReader {
            state: Mutex::new(ReaderState { pending: files.into(), csv: None }),
            opts,
            decoding,
            on_error,
            errors: PyList::empty(py).unbind(),
        }
    }
}

#[pymethods]
impl CableReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyCable>> {
        loop {
            let step = py.detach(|| {
                let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                match guarded(|| Ok(state.step(&self.opts, self.decoding))) {
                    Ok(step) => step,
                    Err(f) => {
                        // A bug while reading: the stream cannot be trusted to go on.
                        state.pending.clear();
                        state.csv = None;
                        Step::Fail(f)
                    }
                }
            });
            match step {
                Step::Cable(c) => return Ok(Some(PyCable::new(*c, self.opts.year))),
                Step::End => return Ok(None),
                Step::Fail(f) => {
                    let err = f.into_pyerr(py);
                    match self.on_error {
                        OnError::Raise => return Err(err),
                        OnError::Skip => self.errors.bind(py).append(err.value(py))?,
                    }
                }
            }
        }
    }

    /// The errors met so far with ``on_error="skip"`` (exception objects, in order: a
    /// ``CsvRowError`` has the ``row`` and ``position`` of the row that was skipped).
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> Bound<'py, PyList> {
        self.errors.bind(py).clone()
    }

    fn __repr__(&self) -> String {
        let state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match &state.csv {
            Some((label, _)) => format!("<CableReader reading {label}, {} more files>", state.pending.len()),
            None => format!("<CableReader {} files to go>", state.pending.len()),
        }
    }
}
