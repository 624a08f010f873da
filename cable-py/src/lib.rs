//! `import cable`: Python bindings of `cable-core`, built with maturin into one abi3 wheel for
//! CPython 3.8+.
//!
//! Thin by design: the parsing is `cable-core`'s; this crate turns Python arguments into
//! documents, runs the parser with the interpreter released, and hands out read-only objects
//! whose properties are converted from the cable's text when they are read.

#![deny(unsafe_code)]
#![warn(missing_docs)]

mod arrow;
mod cable;
mod errors;
mod frame;
mod ids;
mod input;
mod objects;
mod pysource;
mod reader;
mod topy;

use crate::cable::PyCable;
use crate::input::{Source, choice, options};
use crate::reader::CableReader;
use cable_core::envelope::corpus::{Corpus, Form};
use pyo3::prelude::*;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Parses the text of one cable: the whole telegram (routing header and body), the body alone,
/// the header alone, or a fragment such as a TAGS and SUBJECT block.
///
/// ``data`` is a ``str`` or ``bytes``: bytes that are not UTF-8 are decoded as Windows-1252 (or
/// replaced) and reported as ``lossy_decoding`` warnings, or raise ``EncodingError`` with
/// ``errors="strict"``. ``year`` is the year of cables whose text has no date-time group.
/// Raises ``NotACableError`` when the input holds no cable (empty, binary, no cable line).
/// The interpreter is released while parsing.
#[pyfunction]
#[pyo3(signature = (data, /, *, year = None, errors = "replace"))]
fn parse(py: Python<'_>, data: &Bound<'_, PyAny>, year: Option<i32>, errors: &str) -> PyResult<PyCable> {
    let (opts, strict) = options(year, errors)?;
    let src = Source::extract(data, "parse")?;
    input::parse_source(py, src, Form::Text, &opts, strict).map(|c| PyCable::new(c, year))
}

/// Parses a cablegate HTML page (``<table class='cable'>`` and ``<pre>`` blocks), given as
/// ``str`` or ``bytes``. The page's table becomes the cable's ``envelope``.
///
/// Raises ``NotACableError`` (``kind="no_pre_block"``) for a page without a ``<pre>`` block.
#[pyfunction]
#[pyo3(signature = (page, /, *, year = None, errors = "replace"))]
fn parse_html(py: Python<'_>, page: &Bound<'_, PyAny>, year: Option<i32>, errors: &str) -> PyResult<PyCable> {
    let (opts, strict) = options(year, errors)?;
    let src = Source::extract(page, "parse_html")?;
    input::parse_source(py, src, Form::Html, &opts, strict).map(|c| PyCable::new(c, year))
}

/// Reads and parses a file holding one cable: plain text or a cablegate page, detected from its
/// content, also gzip- or zstd-compressed (detected from the first bytes). ``path`` is a path or
/// a binary file object (``gzip.open(p)``, ``io.BytesIO``). A cables.csv file raises
/// ``NotACableError`` (``kind="csv_file"``): read it with ``read_csv()``. A missing file raises
/// ``FileNotFoundError``.
#[pyfunction]
#[pyo3(signature = (path, /, *, year = None, errors = "replace"))]
fn parse_file(py: Python<'_>, path: &Bound<'_, PyAny>, year: Option<i32>, errors: &str) -> PyResult<PyCable> {
    let (opts, strict) = options(year, errors)?;
    input::parse_file(py, path, &opts, strict).map(|c| PyCable::new(c, year))
}

/// Streams the rows of a cables.csv file: an iterator of ``Cable`` holding one row in memory at
/// a time, whatever the file size. Each cable's ``envelope`` holds the row's other columns.
///
/// A malformed row raises ``CsvRowError`` (with ``row`` and ``position``, its byte offset in the
/// file) from ``next()``, and the iterator can be resumed after it; with ``on_error="skip"``
/// bad rows are collected in the reader's ``errors`` list instead. A missing file raises
/// ``FileNotFoundError`` here, not when iterating.
///
/// ``byte_range=(start, end)`` reads only the rows whose first byte lies in ``[start, end)`` of
/// a plain (uncompressed) file: consecutive ranges give every row once, in order (the
/// partitions of ``cable.dask.read_csv``, or of a Spark or Ray job).
///
/// ``path`` may also be a binary file object (``open(p, "rb")``, ``gzip.open(p)``,
/// ``io.BytesIO``): it is read as it goes. Files and file objects compressed with gzip or zstd
/// are decompressed, detected by their first bytes.
#[pyfunction]
#[pyo3(signature = (path, /, *, year = None, errors = "replace", on_error = "raise", byte_range = None, progress = false))]
#[allow(clippy::too_many_arguments)]
fn read_csv(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    year: Option<i32>,
    errors: &str,
    on_error: &str,
    byte_range: Option<(u64, u64)>,
    progress: bool,
) -> PyResult<CableReader> {
    let (opts, strict) = options(year, errors)?;
    let skip = choice("on_error", on_error, ["raise", "skip"])?;
    let path: PathBuf = match path.extract::<PathBuf>() {
        Ok(p) => p,
        Err(e) => {
            let corpus = Corpus::from_reader("<file object>", Some(Form::Csv), input::PyFileReader::of(path).ok_or(e)?);
            return CableReader::new(py, corpus, opts, strict, skip).with_progress(py, None, progress, "read_csv");
        }
    };
    let range = match byte_range {
        Some((start, end)) if start > end => {
            let message = format!("byte_range must be (start, end) with start <= end, not ({start}, {end})");
            return Err(pyo3::exceptions::PyValueError::new_err(message));
        }
        range => range.map(|(start, end)| start..end),
    };
    let (corpus, total) = open(py, &path, true, range)?;
    CableReader::new(py, corpus, opts, strict, skip).with_progress(py, total, progress, "read_csv")
}

/// The core's walk of `path` (see `Corpus::open`), or the `OSError` of a path it cannot open.
fn open(py: Python<'_>, path: &Path, csv: bool, range: Option<Range<u64>>) -> PyResult<(Corpus, Option<u64>)> {
    py.detach(|| Corpus::open(path, csv, range))
        .map_err(|e| errors::os_error(py, &e, Some(&path.display().to_string())))
}

/// Walks a directory (sorted, subdirectories included, hidden files and folders skipped: the walk
/// of the ``cable`` command) and yields a
/// ``Cable`` for each text file and page, and for each row of each cables.csv file, read as it
/// goes. Files are picked by extension: ``.txt``, ``.html``, ``.htm``, ``.csv`` or none.
/// Errors are handled as in ``read_csv()``.
#[pyfunction]
#[pyo3(signature = (path, /, *, year = None, errors = "replace", on_error = "raise", progress = false))]
fn read_dir(
    py: Python<'_>,
    path: PathBuf,
    year: Option<i32>,
    errors: &str,
    on_error: &str,
    progress: bool,
) -> PyResult<CableReader> {
    let (opts, strict) = options(year, errors)?;
    let skip = choice("on_error", on_error, ["raise", "skip"])?;
    let (corpus, total) = open(py, &path, false, None)?;
    CableReader::new(py, corpus, opts, strict, skip).with_progress(py, total, progress, "read_dir")
}

/// The files a ``read_dir(path)`` walk reads, in its order, each with its size in bytes and
/// whether it is a plain cables.csv file (readable by ``read_csv(..., byte_range=...)``): the
/// core's walk, for ``cable.dask.read_dir``.
#[pyfunction]
fn _corpus_files(py: Python<'_>, path: PathBuf) -> Vec<(PathBuf, u64, bool)> {
    py.detach(|| cable_core::envelope::corpus::walk_plan(&path))
}

/// The cables of the given files and directories, read by the core's walk in order (as
/// ``read_dir`` reads one directory): a partition of ``cable.dask.read_dir``.
#[pyfunction]
#[pyo3(signature = (paths, /, *, year = None, errors = "replace", on_error = "raise"))]
fn _read_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    year: Option<i32>,
    errors: &str,
    on_error: &str,
) -> PyResult<CableReader> {
    let (opts, strict) = options(year, errors)?;
    let skip = choice("on_error", on_error, ["raise", "skip"])?;
    Ok(CableReader::new(py, Corpus::new(paths), opts, strict, skip))
}

/// Parser for US diplomatic cables (State Department telegrams as in the 2010–11 Cablegate
/// release): ``parse()``, ``parse_html()``, ``parse_file()``, ``read_csv()``, ``read_dir()``,
/// pandas DataFrames with ``to_dataframe()``, ``paragraphs_frame()`` and ``citations()``, and the
/// ids knowledge:
/// ``canonical_id()``, ``tag_kind()``, ``station()``, ``stations()``.
#[pymodule(name = "cable", gil_used = false)]
mod module {
    #[pymodule_export]
    use super::{_corpus_files, _read_paths, parse, parse_file, parse_html, read_csv, read_dir};
    #[pymodule_export]
    use crate::arrow::{ArrowStream, arrow_stream, to_arrow};
    #[pymodule_export]
    use crate::cable::PyCable;
    #[pymodule_export]
    use crate::errors::{CableError, CsvRowError, EncodingError, NotACableError};
    #[pymodule_export]
    use crate::frame::{paragraphs_frame, to_dataframe};
    #[pymodule_export]
    use crate::ids::{Station, canonical_id, citations, station, stations, tag_kind};
    #[pymodule_export]
    use crate::objects::{
        Break, ClassifiedBy, DocumentMarking, Drafting, Envelope, ExecutiveOrder, Item, Link, Marking, Paragraph,
        ParseWarning, Passage, Recipient, Reference, Routing, Section,
    };
    #[pymodule_export]
    use crate::reader::CableReader;
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        crate::errors::init_classes(m.py())?;
        crate::pysource::add_submodules(m)
    }
}
