//! `to_arrow()`: the core's Arrow tables (`cable_core::table`) handed to pyarrow through the
//! Arrow C stream interface (a `PyCapsule` named `arrow_array_stream`), with no Python object per
//! cable or per value. The table logic is the core's; this is only the hand-over.

use crate::reader::for_each_cable;
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
/// lists of strings, ``to``/``info``/``references``/``paragraphs`` lists of structs with the
/// JSON's keys), ``"paragraphs"`` or ``"citations"`` (with ``in_corpus``); the schemas are the
/// README's. Needs
/// pyarrow (``pip install cable-parser[arrow]``); polars (``pl.from_arrow``), DuckDB and pandas
/// (``.to_pandas()``) take the result as it is. ``text=True`` adds the cables table's ``text``
/// (the whole telegram) and ``body`` columns, and each paragraph's ``text``.
#[pyfunction]
#[pyo3(signature = (cables, /, *, table = "cables", text = false))]
pub(crate) fn to_arrow<'py>(
    py: Python<'py>,
    cables: &Bound<'py, PyAny>,
    table: &str,
    text: bool,
) -> PyResult<Bound<'py, PyAny>> {
    arrow_table(py, cables, table_kind(table)?, text, "to_arrow")
}

/// `import module`, or an `ImportError` that says what `cable.func()` needs installed.
pub(crate) fn import<'py>(py: Python<'py>, module: &str, install: &str, func: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        if !e.is_instance_of::<PyImportError>(py) {
            return e;
        }
        let err = PyImportError::new_err(format!("cable.{func}() needs {module}: pip install {install}"));
        err.set_cause(py, Some(e));
        err
    })
}

/// The record batches of `kind` over `cables`.
fn batches(cables: &Bound<'_, PyAny>, kind: Table, text: bool, func: &str) -> PyResult<Vec<RecordBatch>> {
    let mut builder = if text { TableBuilder::with_text(kind) } else { TableBuilder::new(kind) };
    let mut batches: Vec<RecordBatch> = Vec::new();
    for_each_cable(cables, func, |c| {
        // The cable's source (`cables.csv:17`, as the command names it), empty when it has none.
        builder.push(c.source().unwrap_or_default(), c.cable());
        if builder.len() >= BATCH_ROWS {
            batches.push(builder.finish());
        }
        Ok(())
    })?;
    // The last rows; the citations table's all of them (`in_corpus` needs every cable).
    batches.push(builder.end());
    Ok(batches)
}

/// The batches as an Arrow C stream in a capsule named ``arrow_array_stream``.
fn capsule<'py>(py: Python<'py>, kind: Table, batches: Vec<RecordBatch>) -> PyResult<Bound<'py, PyCapsule>> {
    // The batches' own schema (with the text columns when asked for); there is always one.
    let schema = batches.first().map_or_else(|| kind.schema(), RecordBatch::schema);
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
}

/// The ``pyarrow.Table`` of `kind` over `cables` (for `to_arrow` and the pandas frames).
pub(crate) fn arrow_table<'py>(
    py: Python<'py>,
    cables: &Bound<'py, PyAny>,
    kind: Table,
    text: bool,
    func: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let pa = import(py, "pyarrow", "'cable-parser[arrow]'", func)?;
    let capsule = capsule(py, kind, batches(cables, kind, text, func)?)?;
    let reader = pa.getattr("RecordBatchReader")?.call_method1("_import_from_c_capsule", (capsule,))?;
    reader.call_method0("read_all")
}

/// A table of the cables as record batches that any reader of the Arrow PyCapsule interface
/// (``__arrow_c_stream__``) takes without pyarrow: ``polars.from_arrow(s)``, DuckDB (``FROM s``),
/// ``pyarrow.table(s)``. It can be read more than once (the batches are shared, not copied).
#[pyclass(frozen, module = "cable", name = "ArrowStream", skip_from_py_object)]
pub struct ArrowStream {
    kind: Table,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowStream {
    /// The Arrow C stream of the batches, in a capsule named ``arrow_array_stream``. A
    /// requested schema is a hint the producer may ignore (the interface says so): ignored.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        capsule(py, self.kind, self.batches.clone())
    }

    /// Rows in the stream.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    fn __repr__(&self) -> String {
        format!("<ArrowStream {} table, {} rows>", self.kind.as_str(), self.num_rows())
    }
}

/// The table ``to_arrow()`` returns, as an ``ArrowStream`` (``__arrow_c_stream__``), for
/// consumers that do not need pyarrow (polars, DuckDB).
#[pyfunction]
#[pyo3(signature = (cables, /, *, table = "cables"))]
pub(crate) fn arrow_stream(cables: &Bound<'_, PyAny>, table: &str) -> PyResult<ArrowStream> {
    let kind = table_kind(table)?;
    Ok(ArrowStream { kind, batches: batches(cables, kind, false, "arrow_stream")? })
}

fn table_kind(table: &str) -> PyResult<Table> {
    Table::from_name(table).ok_or_else(|| {
        PyValueError::new_err(format!("table must be 'cables', 'paragraphs' or 'citations', not {table:?}"))
    })
}
