//! `to_arrow()`: the core's Arrow tables (`cable_core::table`) handed to pyarrow through the
//! Arrow C stream interface (a `PyCapsule` named `arrow_array_stream`), with no Python object per
//! cable or per value. The table logic is the core's; this is only the hand-over.

use crate::frame::for_each_cable;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use cable_core::table::{Table, TableBuilder};
use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// Rows per record batch handed over.
const BATCH_ROWS: usize = 8192;

/// A table of the cables as a ``pyarrow.Table``: ``table="cables"`` (one row per cable, typed
/// columns: ``created`` timestamp[us, UTC], ``classification`` dictionary, ``serial`` uint32,
/// lists of strings), ``"paragraphs"`` or ``"citations"``; the schemas are the README's. Needs
/// pyarrow (``pip install cable-parser[arrow]``); polars (``pl.from_arrow``), DuckDB and pandas
/// (``.to_pandas()``) take the result as it is.
#[pyfunction]
#[pyo3(signature = (cables, /, *, table = "cables"))]
pub(crate) fn to_arrow<'py>(py: Python<'py>, cables: &Bound<'py, PyAny>, table: &str) -> PyResult<Bound<'py, PyAny>> {
    let kind = Table::from_name(table).ok_or_else(|| {
        PyValueError::new_err(format!("table must be 'cables', 'paragraphs' or 'citations', not {table:?}"))
    })?;
    arrow_table(py, cables, kind, "to_arrow")
}

/// `import pyarrow`, or an `ImportError` that says what to install.
pub(crate) fn pyarrow<'py>(py: Python<'py>, func: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("pyarrow")
        .map_err(|_| PyImportError::new_err(format!("{func}() needs pyarrow: pip install 'cable-parser[arrow]'")))
}

/// The ``pyarrow.Table`` of `kind` over `cables` (for `to_arrow` and the pandas frames).
pub(crate) fn arrow_table<'py>(
    py: Python<'py>,
    cables: &Bound<'py, PyAny>,
    kind: Table,
    func: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let pa = pyarrow(py, func)?;
    let mut builder = TableBuilder::new(kind);
    let mut batches: Vec<RecordBatch> = Vec::new();
    let mut n = 0usize;
    for_each_cable(cables, func, |c| {
        n += 1;
        // The source a row names: the cable's reference id, else its position in the input.
        let source = c.reference_id().map_or_else(|| format!("#{n}"), str::to_owned);
        builder.push(&source, c);
        if builder.len() >= BATCH_ROWS {
            batches.push(builder.finish());
        }
        Ok(())
    })?;
    batches.push(builder.finish());
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), kind.schema());
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    let capsule = PyCapsule::new_with_value(py, stream, c"arrow_array_stream")?;
    let reader = pa.getattr("RecordBatchReader")?.call_method1("_import_from_c_capsule", (capsule,))?;
    reader.call_method0("read_all")
}
