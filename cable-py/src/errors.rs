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

use cable_core::failure::{Failure, FailureClass};
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

/// The Python exception of a core [`Failure`]: `OSError` for a file that could not be read, else
/// the `CableError` class of its family with its attributes set.
pub(crate) fn to_pyerr(py: Python<'_>, f: Failure) -> PyErr {
    if let Some(error) = &f.io {
        return os_error(py, error, f.path.as_deref());
    }
    let err = match f.class {
        FailureClass::NotACable => NotACableError::new_err(f.message.clone()),
        FailureClass::Encoding => EncodingError::new_err(f.message.clone()),
        FailureClass::CsvRow => CsvRowError::new_err(f.message.clone()),
        _ => CableError::new_err(f.message.clone()),
    };
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("message", f.message)?;
        value.setattr("kind", f.kind)?;
        value.setattr("position", f.offset)?;
        value.setattr("row", f.row)?;
        value.setattr("path", f.path)
    };
    set().err().unwrap_or(err)
}

/// `OSError(errno, strerror, filename)`: Python picks the subclass (`FileNotFoundError`,
/// `IsADirectoryError`, ...) from the errno; `strerror` is the error's text without Rust's
/// ` (os error 2)`.
pub(crate) fn os_error(py: Python<'_>, error: &io::Error, path: Option<&str>) -> PyErr {
    let text = error.to_string();
    let strerror = text.rsplit_once(" (os error ").map_or(text.as_str(), |(s, _)| s);
    let errno = error.raw_os_error().unwrap_or(match error.kind() {
        io::ErrorKind::NotFound => 2,
        io::ErrorKind::PermissionDenied => 13,
        io::ErrorKind::IsADirectory => 21,
        _ => 5,
    });
    let os_error = py.get_type::<PyOSError>();
    let made = match path {
        Some(p) => os_error.call1((errno, strerror, p)),
        None => os_error.call1((errno, strerror)),
    };
    made.map_or_else(|e| e, PyErr::from_value)
}
