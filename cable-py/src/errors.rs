//! The exception hierarchy and the conversion of core errors into it.
//!
//! ```text
//! ValueError
//! └── CableError          message, kind, position, row, path
//!     ├── NotACableError  the input holds no cable (empty, binary, no cable line, too large)
//!     ├── EncodingError   bytes that are not UTF-8, with errors="strict"
//!     └── CsvRowError     a malformed cables.csv row
//! ```
//!
//! `create_exception!` classes are used (not `#[pyclass(extends = PyValueError)]`) because
//! subclassing exceptions is only possible on abi3 from Python 3.12 on; the attributes are set on
//! each instance, with class-level defaults so that they always exist.

use cable_core::envelope::csv::{CsvError, CsvErrorKind};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyType;
use std::io;

pyo3::create_exception!(
    cable,
    CableError,
    PyValueError,
    "Base class of the errors raised for input that cannot be read as a cable.\n\n\
     A ``ValueError``. Attributes: ``message`` (str), ``kind`` (str, e.g. ``\"not_a_cable\"``), \
     ``position`` (int: byte offset in the text, or in the file for a CSV row), ``row`` (int or \
     None: the 1-based CSV row) and ``path`` (str or None: the file)."
);
pyo3::create_exception!(
    cable,
    NotACableError,
    CableError,
    "The input holds no cable: ``kind`` is ``\"empty\"``, ``\"binary\"``, ``\"not_a_cable\"`` (no \
     line of it belongs to a cable), ``\"too_large\"``, ``\"no_pre_block\"`` (an HTML page without \
     a ``<pre>`` block) or ``\"csv_file\"`` (``parse_file`` was given a cables.csv file)."
);
pyo3::create_exception!(
    cable,
    EncodingError,
    CableError,
    "Bytes that had to be replaced while decoding, raised only with ``errors=\"strict\"`` (by \
     default they are decoded lossily and reported as ``lossy_decoding`` warnings). ``position`` \
     is the byte offset of the first one."
);
pyo3::create_exception!(
    cable,
    CsvRowError,
    CableError,
    "A malformed row of a cables.csv file. ``row`` is its 1-based number, ``position`` the byte \
     offset in the file where it starts; ``kind`` is ``\"expected_quote\"``, \
     ``\"expected_separator\"``, ``\"field_count\"``, ``\"truncated\"`` or ``\"row_too_long\"``. \
     The reader goes on with the next row."
);

/// Sets the class-level defaults of the exception attributes.
pub(crate) fn init_classes(py: Python<'_>) -> PyResult<()> {
    let base: Bound<'_, PyType> = py.get_type::<CableError>();
    base.setattr("message", "")?;
    base.setattr("kind", "")?;
    base.setattr("position", 0)?;
    base.setattr("row", py.None())?;
    base.setattr("path", py.None())?;
    Ok(())
}

/// Which exception class a [`Failure`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Base,
    NotACable,
    Encoding,
    CsvRow,
}

/// Why a document could not be turned into a cable, built without the interpreter (it crosses
/// `py.detach`) and turned into a Python exception afterwards.
#[derive(Debug)]
pub(crate) enum Failure {
    /// One of the `CableError` classes.
    Cable { class: Class, kind: String, message: String, position: u64, row: Option<u64>, path: Option<String> },
    /// A file that could not be read: `OSError` (`FileNotFoundError`, ...) with its filename.
    Io { error: io::Error, path: Option<String> },
}

impl Failure {
    fn cable(class: Class, kind: impl Into<String>, message: impl Into<String>, position: u64) -> Self {
        Failure::Cable { class, kind: kind.into(), message: message.into(), position, row: None, path: None }
    }

    /// A core parse error.
    pub(crate) fn parse(e: &cable_core::ParseError) -> Self {
        let kind = e.kind().as_str();
        Failure::cable(Class::NotACable, kind, e.to_string(), e.offset() as u64)
    }

    /// Bytes the core could not turn into a cable.
    pub(crate) fn bytes(e: &cable_core::BytesError) -> Self {
        use cable_core::BytesError;
        match e {
            BytesError::Parse(e) => Failure::parse(e),
            BytesError::Encoding { offset, .. } => Failure::encoding(*offset),
            BytesError::Html(_) => Failure::no_pre_block(),
            BytesError::Csv => Failure::csv_file(),
            e => Failure::internal(e.to_string()),
        }
    }

    /// Text that had to be decoded lossily, refused with `errors="strict"`.
    pub(crate) fn encoding(position: u64) -> Self {
        Failure::cable(
            Class::Encoding,
            "invalid_bytes",
            format!("bytes that are not UTF-8 text at byte {position} (errors=\"strict\")"),
            position,
        )
    }

    /// A `str` holding lone surrogates that no decoder produces.
    pub(crate) fn surrogate(position: u64) -> Self {
        Failure::cable(
            Class::Encoding,
            "lone_surrogate",
            format!("the str holds a lone surrogate at byte {position}: not Unicode text"),
            position,
        )
    }

    /// An HTML page without a `<pre>` block.
    pub(crate) fn no_pre_block() -> Self {
        Failure::cable(Class::NotACable, "no_pre_block", "no <pre> block: not a cablegate cable page", 0)
    }

    /// `parse_file` given a CSV file.
    pub(crate) fn csv_file() -> Self {
        Failure::cable(
            Class::NotACable,
            "csv_file",
            "a cables.csv file holds many cables: read it with cable.read_csv()",
            0,
        )
    }

    /// A panic in the parser (a bug): reported, never allowed to unwind into the interpreter.
    pub(crate) fn internal(message: String) -> Self {
        Failure::cable(
            Class::Base,
            "internal_error",
            format!("internal error in the cable parser (a bug, please report it): {message}"),
            0,
        )
    }

    /// A malformed CSV row, or a read error while streaming the file.
    pub(crate) fn csv(e: CsvError) -> Self {
        if e.kind() == CsvErrorKind::Io {
            let error = match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<io::Error>()) {
                Some(src) => io::Error::new(src.kind(), e.to_string()),
                None => io::Error::other(e.to_string()),
            };
            return Failure::Io { error, path: None };
        }
        let kind = e.kind().as_str();
        let (row, position) = (e.row(), e.offset());
        Failure::Cable {
            class: Class::CsvRow,
            kind: kind.into(),
            message: e.to_string(),
            position,
            row: Some(row),
            path: None,
        }
    }

    /// A file that could not be read.
    pub(crate) fn io(error: io::Error, path: &str) -> Self {
        Failure::Io { error, path: Some(path.to_owned()) }
    }

    /// The same failure, said to concern `row` of a CSV file.
    pub(crate) fn at_row(mut self, r: u64) -> Self {
        if let Failure::Cable { row, message, .. } = &mut self {
            if row.is_none() {
                *row = Some(r);
                *message = format!("row {r}: {message}");
            }
        }
        self
    }

    /// The same failure, said to concern the file `p`.
    pub(crate) fn in_file(mut self, p: &str) -> Self {
        match &mut self {
            Failure::Cable { message, path: path @ None, .. } => {
                *message = format!("{p}: {message}");
                *path = Some(p.to_owned());
            }
            Failure::Io { path: path @ None, .. } => *path = Some(p.to_owned()),
            _ => {}
        }
        self
    }

    /// The Python exception.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Cable { class, kind, message, position, row, path } => {
                let err = match class {
                    Class::Base => CableError::new_err(message.clone()),
                    Class::NotACable => NotACableError::new_err(message.clone()),
                    Class::Encoding => EncodingError::new_err(message.clone()),
                    Class::CsvRow => CsvRowError::new_err(message.clone()),
                };
                let value = err.value(py);
                let set = || -> PyResult<()> {
                    value.setattr("message", message)?;
                    value.setattr("kind", kind)?;
                    value.setattr("position", position)?;
                    value.setattr("row", row)?;
                    value.setattr("path", path)?;
                    Ok(())
                };
                match set() {
                    Ok(()) => err,
                    Err(e) => e,
                }
            }
            Failure::Io { error, path } => os_error(py, &error, path.as_deref()),
        }
    }
}

/// `OSError(errno, strerror, filename)`: Python picks the subclass (`FileNotFoundError`,
/// `IsADirectoryError`, ...) from the errno.
pub(crate) fn os_error(py: Python<'_>, error: &io::Error, path: Option<&str>) -> PyErr {
    let strerror = match error.raw_os_error() {
        Some(_) => strip_os_suffix(&error.to_string()),
        None => error.to_string(),
    };
    let errno = error.raw_os_error().unwrap_or(match error.kind() {
        io::ErrorKind::NotFound => 2,
        io::ErrorKind::PermissionDenied => 13,
        io::ErrorKind::IsADirectory => 21,
        _ => 5,
    });
    let made = match path {
        Some(p) => py.get_type::<PyOSError>().call1((errno, strerror, p)),
        None => py.get_type::<PyOSError>().call1((errno, strerror)),
    };
    match made {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// `No such file or directory (os error 2)` → `No such file or directory`.
fn strip_os_suffix(s: &str) -> String {
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}
