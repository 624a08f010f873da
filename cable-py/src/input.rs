//! Turning Python arguments and files into parsed cables: argument checks, decoding policy, input
//! form detection, and the streaming reader behind `read_csv` and `read_dir`.
//!
//! All parsing (and file reading) runs with the interpreter released (`py.detach`), inside
//! `catch_unwind`, so other Python threads run meanwhile and a bug never unwinds into Python.

use crate::cable::PyCable;
use crate::errors::Failure;
use cable_core::envelope::corpus::{self, Corpus, CorpusError, Form, RawEntry};
use cable_core::{Document, OwnedCable, ParseOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
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

/// Parses text or bytes as the text of one cable: a `str` is shared with the parser, not
/// copied; bytes go through the core's byte entry.
pub(crate) fn parse_source(py: Python<'_>, src: Source, opts: &ParseOptions, decoding: Decoding) -> PyResult<PyCable> {
    let result = match src {
        Source::Str(s) => detached(py, || parse_doc(Document::shared(s), opts, decoding)),
        Source::Bytes(b) => detached(py, || from_bytes(&b, Form::Text, opts, decoding)),
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
    let bytes: &[u8] = match src {
        Source::Str(s) => s.as_bytes(),
        Source::Bytes(b) => b,
    };
    detached(py, || from_bytes(bytes, Form::Html, opts, decoding))
        .map(|c| PyCable::new(c, opts.year))
        .map_err(|f| f.into_pyerr(py))
}

fn parse_doc(doc: Document<'static>, opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    decoding.check(&doc)?;
    OwnedCable::from_document(doc, opts).map_err(|e| Failure::parse(&e))
}

fn from_bytes(bytes: &[u8], form: Form, opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    OwnedCable::from_bytes(bytes, form, opts, decoding == Decoding::Strict).map_err(|e| Failure::bytes(&e))
}

/// Reads and parses a file holding one cable (plain text or a page, detected as the walk does).
pub(crate) fn parse_one_file(path: &Path, opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    let label = path.display().to_string();
    if path.is_dir() {
        return Err(Failure::io(std::io::ErrorKind::IsADirectory.into(), &label));
    }
    let input = corpus::read_file_limited(path, None, opts.limit()).map_err(|e| Failure::io(e, &label))?;
    one_input(input, opts, decoding).map_err(|f| f.in_file(&label))
}

/// Reads and parses a binary file object holding one cable, as `parse_one_file` (decompressed
/// and detected by the core).
pub(crate) fn parse_one_stream(
    src: PyFileReader,
    label: &str,
    opts: &ParseOptions,
    decoding: Decoding,
) -> Result<OwnedCable, Failure> {
    let input = corpus::read_limited(src, label, None, opts.limit(), None).map_err(|e| Failure::io(e, label))?;
    one_input(input, opts, decoding).map_err(|f| f.in_file(label))
}

fn one_input(input: corpus::Input, opts: &ParseOptions, decoding: Decoding) -> Result<OwnedCable, Failure> {
    match input {
        corpus::Input::Bytes(form, bytes) => from_bytes(&bytes, form, opts, decoding),
        corpus::Input::TooLarge { limit } => Err(Failure::parse(&cable_core::ParseError::too_large(limit))),
        _ => Err(Failure::csv_file()),
    }
}

/// What the reader produced next.
enum Step {
    Cable(Box<OwnedCable>),
    Fail(Failure),
    End,
}

/// The core's walk, and what is left of the entry it last gave.
struct ReaderState {
    corpus: Corpus,
    done: bool,
}

impl ReaderState {
    fn step(&mut self, opts: &ParseOptions, decoding: Decoding) -> Step {
        let entry = match self.corpus.next_raw() {
            None => return Step::End,
            Some(Ok(e)) => e,
            Some(Err(CorpusError::Io { path, source })) => return Step::Fail(Failure::io(source, &path)),
            Some(Err(CorpusError::Html { path, .. })) => return Step::Fail(Failure::no_pre_block().in_file(&path)),
            Some(Err(CorpusError::Csv { path, source })) => return Step::Fail(Failure::csv(source).in_file(&path)),
            Some(Err(CorpusError::Rejected { path, source })) => {
                return Step::Fail(Failure::parse(&source).in_file(&path));
            }
            Some(Err(e)) => return Step::Fail(Failure::internal(e.to_string())),
        };
        let r = match entry {
            RawEntry::CsvRow { source, row } => {
                let n = row.row();
                let path = source.strip_suffix(&format!(":{n}")).unwrap_or(&source).to_owned();
                parse_doc(row.decode().into_document(), opts, decoding).map_err(|f| f.at_row(n).in_file(&path))
            }
            RawEntry::Document(e) => parse_doc(e.document, opts, decoding).map_err(|f| f.in_file(&e.source)),
        };
        match r {
            Ok(c) => Step::Cable(Box::new(c)),
            Err(f) => Step::Fail(f),
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
    /// Size of the input when known (plain files).
    total_bytes: Option<u64>,
    /// The tqdm bar of `progress=True`, and the bytes it shows.
    bar: Mutex<Option<(Py<PyAny>, u64)>>,
}

impl CableReader {
    pub(crate) fn new(
        py: Python<'_>,
        corpus: Corpus,
        opts: ParseOptions,
        decoding: Decoding,
        on_error: OnError,
    ) -> Self {
        CableReader {
            state: Mutex::new(ReaderState { corpus, done: false }),
            opts,
            decoding,
            on_error,
            errors: PyList::empty(py).unbind(),
            total_bytes: None,
            bar: Mutex::new(None),
        }
    }

    /// Sets the input's size (`total_bytes`) and, with `progress`, starts a tqdm bar over it
    /// when tqdm is installed (a warning says so when it is not).
    pub(crate) fn with_progress(
        mut self,
        py: Python<'_>,
        total_bytes: Option<u64>,
        progress: bool,
        desc: &str,
    ) -> PyResult<Self> {
        self.total_bytes = total_bytes;
        if progress {
            match py.import("tqdm") {
                Ok(tqdm) => {
                    let kwargs = pyo3::types::PyDict::new(py);
                    kwargs.set_item("total", total_bytes)?;
                    kwargs.set_item("unit", "B")?;
                    kwargs.set_item("unit_scale", true)?;
                    kwargs.set_item("desc", desc)?;
                    let bar = tqdm.getattr("tqdm")?.call((), Some(&kwargs))?;
                    self.bar = Mutex::new(Some((bar.unbind(), 0)));
                }
                Err(_) => {
                    let warn = py.import("warnings")?;
                    warn.call_method1("warn", ("progress=True needs tqdm: pip install tqdm",))?;
                }
            }
        }
        Ok(self)
    }

    /// The next cable, after the errors that `on_error="skip"` keeps, or `None` at the end.
    fn next_cable(&self, py: Python<'_>) -> PyResult<Option<Box<OwnedCable>>> {
        loop {
            // `list(read_csv(...))` runs no Python code between items, so the interpreter never
            // looked at its signals: Ctrl-C waited for the whole file. A pending
            // KeyboardInterrupt is raised here, before the next row (the reader can be resumed).
            py.check_signals()?;
            let step = py.detach(|| {
                let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if state.done {
                    return Step::End;
                }
                match guarded(|| Ok(state.step(&self.opts, self.decoding))) {
                    Ok(step) => step,
                    Err(f) => {
                        // A bug while reading: the stream cannot be trusted to go on.
                        state.done = true;
                        Step::Fail(f)
                    }
                }
            });
            self.report(py, matches!(step, Step::End))?;
            match step {
                Step::Cable(c) => return Ok(Some(c)),
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

    /// Reads the rest of the input, handing each cable to `each` without making a Python object
    /// of it (`to_arrow(read_csv(...))` and the frames); errors as in `__next__`.
    pub(crate) fn for_each(
        &self,
        py: Python<'_>,
        mut each: impl FnMut(&cable_core::Cable<'_>) -> PyResult<()>,
    ) -> PyResult<()> {
        while let Some(c) = self.next_cable(py)? {
            each(c.cable())?;
        }
        Ok(())
    }

    fn bytes_read_now(&self) -> u64 {
        let state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        state.corpus.bytes_read()
    }

    /// Moves the progress bar to the bytes read; closes it at the end.
    fn report(&self, py: Python<'_>, end: bool) -> PyResult<()> {
        let mut bar = self.bar.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let Some((b, shown)) = bar.as_mut() else { return Ok(()) };
        let now = self.bytes_read_now();
        if now > *shown {
            b.bind(py).call_method1("update", (now - *shown,))?;
            *shown = now;
        }
        if end {
            b.bind(py).call_method0("close")?;
            *bar = None;
        }
        Ok(())
    }
}

#[pymethods]
impl CableReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyCable>> {
        Ok(self.next_cable(py)?.map(|c| PyCable::new(*c, self.opts.year)))
    }

    /// The errors met so far with ``on_error="skip"`` (exception objects, in order: a
    /// ``CsvRowError`` has the ``row`` and ``position`` of the row that was skipped).
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> Bound<'py, PyList> {
        self.errors.bind(py).clone()
    }

    /// Bytes of the input read so far (of the decompressed stream; for a ``byte_range``, from
    /// its start).
    #[getter]
    fn bytes_read(&self) -> u64 {
        self.bytes_read_now()
    }

    /// Size of the input in bytes when known (a plain file, a byte range, a directory of plain
    /// files), else None.
    #[getter]
    fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn __repr__(&self) -> String {
        let state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        format!("<CableReader {}>", if state.done { "done" } else { "reading" })
    }
}

/// A binary Python file object (`open(p, "rb")`, `gzip.open(p)`, `io.BytesIO`) as a byte
/// stream for the core's readers: each read calls its `read(n)` with the interpreter attached.
/// The core does the rest (decompression, detection, CSV streaming): nothing of it is here.
pub(crate) struct PyFileReader(Py<PyAny>);

impl PyFileReader {
    /// `obj` when it has a `read` method, else `None`.
    pub(crate) fn of(obj: &Bound<'_, PyAny>) -> Option<Self> {
        obj.hasattr("read").ok()?.then(|| PyFileReader(obj.clone().unbind()))
    }
}

impl std::io::Read for PyFileReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        Python::attach(|py| {
            let data =
                self.0.bind(py).call_method1("read", (buf.len(),)).map_err(|e| std::io::Error::other(e.to_string()))?;
            let bytes = data.cast::<PyBytes>().map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "the file object's read() returned text, not bytes: open the file in binary mode ('rb')",
                )
            })?;
            let b = bytes.as_bytes();
            let n = b.len().min(buf.len());
            buf[..n].copy_from_slice(&b[..n]);
            Ok(n)
        })
    }
}
