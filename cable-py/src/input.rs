//! Turning Python arguments and files into parsed cables: argument checks, decoding policy,
//! input form detection and file objects (the streaming reader built on them is `reader.rs`).
//!
//! All parsing (and file reading) runs with the interpreter released (`py.detach`), inside
//! `catch_unwind`, so other Python threads run meanwhile and a bug never unwinds into Python.

use crate::errors::Failure;
use cable_core::envelope::corpus::{self, Form};
use cable_core::{Document, OwnedCable, ParseOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

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
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
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
pub(crate) fn parse_source(
    py: Python<'_>,
    src: Source,
    opts: &ParseOptions,
    decoding: Decoding,
) -> PyResult<OwnedCable> {
    let result = match src {
        Source::Str(s) => detached(py, || parse_doc(Document::shared(s), opts, decoding)),
        Source::Bytes(b) => detached(py, || from_bytes(&b, Form::Text, opts, decoding)),
    };
    result.map_err(|f| f.into_pyerr(py))
}

/// Parses a cablegate page given as text or bytes.
pub(crate) fn parse_page_source(
    py: Python<'_>,
    src: &Source,
    opts: &ParseOptions,
    decoding: Decoding,
) -> PyResult<OwnedCable> {
    let bytes: &[u8] = match src {
        Source::Str(s) => s.as_bytes(),
        Source::Bytes(b) => b,
    };
    detached(py, || from_bytes(bytes, Form::Html, opts, decoding)).map_err(|f| f.into_pyerr(py))
}

pub(crate) fn parse_doc(
    doc: Document<'static>,
    opts: &ParseOptions,
    decoding: Decoding,
) -> Result<OwnedCable, Failure> {
    OwnedCable::from_document_strict(doc, opts, decoding == Decoding::Strict).map_err(|e| Failure::bytes(&e))
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
    one_input(input, &label, opts, decoding)
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
    one_input(input, label, opts, decoding)
}

fn one_input(
    input: corpus::Input,
    label: &str,
    opts: &ParseOptions,
    decoding: Decoding,
) -> Result<OwnedCable, Failure> {
    let strict = decoding == Decoding::Strict;
    OwnedCable::from_input(input, label, opts, strict).map_err(|e| Failure::bytes(&e).in_file(label))
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
