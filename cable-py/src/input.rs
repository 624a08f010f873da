//! Turning Python arguments and files into parsed cables: keyword arguments, text and bytes,
//! files and file objects (the streaming reader built on them is `reader.rs`). Decoding, form
//! detection and the failures are the core's.
//!
//! All parsing (and file reading) runs with the interpreter released (`py.detach`), inside
//! `catch_unwind`, so other Python threads run meanwhile and a bug never unwinds into Python.

use crate::errors::to_pyerr;
use cable_core::envelope::corpus::{self, Form};
use cable_core::failure::{Failure, FailureClass};
use cable_core::{Document, OwnedCable, ParseOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

/// The value of a keyword argument that takes one of two words: true for the second
/// (`errors="strict"`, `on_error="skip"`).
pub(crate) fn choice(name: &str, value: &str, [no, yes]: [&str; 2]) -> PyResult<bool> {
    if value != no && value != yes {
        return Err(PyValueError::new_err(format!("{name} must be '{no}' or '{yes}', not {value:?}")));
    }
    Ok(value == yes)
}

/// The parse options of `year=`, and whether `errors=` asks for strict decoding (bytes that are
/// not UTF-8 raise `EncodingError` instead of being decoded with `lossy_decoding` warnings).
pub(crate) fn options(year: Option<i32>, errors: &str) -> PyResult<(ParseOptions, bool)> {
    let opts = year.map_or_else(ParseOptions::default, |y| ParseOptions::default().with_year(y));
    Ok((opts, choice("errors", errors, ["replace", "strict"])?))
}

/// Runs `f` with the interpreter released, a failure or a panic becoming the Python exception.
pub(crate) fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, Failure> + Send) -> PyResult<T> {
    py.detach(|| guarded(f)).map_err(|f| to_pyerr(py, f))
}

/// Runs `f`, turning a panic into a `Failure`.
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| Err(Failure::panic(&*payload)))
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
                    Err(_) => {
                        // Surrogates encode as ED A0..BF, bytes that UTF-8 text never holds.
                        let all = s.call_method1("encode", ("utf-8", "surrogatepass"))?.extract::<PyBackedBytes>()?;
                        let at = all.windows(2).position(|w| w[0] == 0xED && w[1] >= 0xA0).unwrap_or(0) as u64;
                        let message = format!("the str holds a lone surrogate at byte {at}: not Unicode text");
                        Err(to_pyerr(data.py(), Failure::new(FailureClass::Encoding, "lone_surrogate", message, at)))
                    }
                },
            };
        }
        if data.is_instance_of::<PyBytes>() || data.is_instance_of::<PyByteArray>() {
            return Ok(Source::Bytes(data.extract::<PyBackedBytes>()?));
        }
        Err(PyTypeError::new_err(format!("{func}() expects str or bytes, not {}", type_name(data))))
    }
}

/// The name of an object's type, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Parses text or bytes as one cable of `form` (a text or a page): a `str` read as text is
/// shared with the parser, not copied; bytes go through the core's byte entry.
pub(crate) fn parse_source(
    py: Python<'_>,
    src: Source,
    form: Form,
    opts: &ParseOptions,
    strict: bool,
) -> PyResult<OwnedCable> {
    let bytes = |b: &[u8]| Ok(OwnedCable::from_bytes(b, form, opts, strict)?);
    match src {
        Source::Str(s) if form == Form::Text => {
            detached(py, || Ok(OwnedCable::from_document(Document::shared(s), opts)?))
        }
        Source::Str(s) => detached(py, || bytes(s.as_bytes())),
        Source::Bytes(b) => detached(py, || bytes(&b)),
    }
}

/// Reads and parses a file holding one cable, given as a path or a binary file object:
/// decompressed and its form detected as the walk does.
pub(crate) fn parse_file(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    opts: &ParseOptions,
    strict: bool,
) -> PyResult<OwnedCable> {
    let (label, src) = match path.extract::<PathBuf>() {
        Ok(p) => (p.display().to_string(), Ok(p)),
        Err(e) => ("<file object>".to_owned(), Err(PyFileReader::of(path).ok_or(e)?)),
    };
    detached(py, || {
        let input = match src {
            Ok(p) => corpus::read_file_limited(&p, None, opts.limit()),
            Err(file) => corpus::read_limited(file, &label, None, opts.limit(), None),
        };
        let input = input.map_err(|e| Failure::io(e, &label))?;
        OwnedCable::from_input(input, &label, opts, strict).map_err(|e| Failure::from(e).in_file(&label))
    })
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
