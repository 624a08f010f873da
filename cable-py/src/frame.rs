//! pandas DataFrames of cables (one row per cable) and of paragraphs (one row per paragraph): the
//! core's Arrow tables (`cable_core::table`, as `to_arrow`) converted by pyarrow, so that the
//! columns have one definition for the CLI's export, `to_arrow` and these frames. pandas and
//! pyarrow are imported when a function is called, never at import.

use crate::arrow::import;
use cable_core::table::Table;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};

/// The table `kind` over `cables` as a pandas DataFrame, with `columns` only when given.
/// pyarrow's conversion, with two choices: unsigned integers that may be missing become pandas'
/// nullable `UInt32` (not floats with NaN), and lists stay Arrow lists (`pd.ArrowDtype`), whose
/// values read as Python lists (pyarrow's default gives NumPy arrays).
pub(crate) fn frame<'py>(
    py: Python<'py>,
    cables: &Bound<'py, PyAny>,
    kind: Table,
    columns: Option<Vec<String>>,
    func: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let pd = import(py, "pandas", "pandas", func)?;
    let pa = import(py, "pyarrow", "'cable-parser[arrow]'", func)?;
    // The text columns (`text`, `body`) are built only when asked for: they hold the corpus.
    let text = columns.as_ref().is_some_and(|c| c.iter().any(|n| n == "text" || n == "body"));
    let mut table = crate::arrow::arrow_table(py, cables, kind, text, func)?;
    if let Some(columns) = columns {
        let names: Vec<String> = table.getattr("column_names")?.extract()?;
        if let Some(bad) = columns.iter().find(|c| !names.contains(c)) {
            return Err(PyValueError::new_err(format!(
                "{func}(): no column {bad:?}; the columns are {}",
                names.join(", ")
            )));
        }
        table = table.call_method1("select", (columns,))?;
    }
    // The columns' types that convert otherwise than by default (see above).
    let (uint32, is_list) = (pa.call_method0("uint32")?, pa.getattr("types")?.getattr("is_list")?);
    let mapping = PyDict::new(py);
    for t in table.getattr("schema")?.getattr("types")?.try_iter()? {
        let t = t?;
        if t.eq(&uint32)? {
            mapping.set_item(&t, pd.call_method0("UInt32Dtype")?)?;
        } else if is_list.call1((&t,))?.is_truthy()? {
            mapping.set_item(&t, pd.getattr("ArrowDtype")?.call1((&t,))?)?;
        }
    }
    table.call_method("to_pandas", (), Some(&[("types_mapper", mapping.getattr("get")?)].into_py_dict(py)?))
}

/// One row per cable: the columns of ``to_arrow(cables)`` (and of ``cable export``), or those
/// named in ``columns``, which may also name ``text`` (the whole telegram) and ``body``.
/// ``created`` is a UTC datetime, ``classification`` a category, ``serial`` a nullable integer,
/// list columns hold lists (``to``, ``info``, ``references``, ``paragraphs``: lists of dicts with
/// the JSON's keys). Needs pandas and pyarrow.
#[pyfunction]
#[pyo3(signature = (cables, /, *, columns = None))]
pub(crate) fn to_dataframe<'py>(
    py: Python<'py>,
    cables: &Bound<'py, PyAny>,
    columns: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    frame(py, cables, Table::Cables, columns, "to_dataframe")
}

/// One row per paragraph: the columns of ``to_arrow(cables, table="paragraphs")`` (and of
/// ``cable export --paragraphs``), or those named in ``columns``. Needs pandas and pyarrow.
#[pyfunction]
#[pyo3(signature = (cables, /, *, columns = None))]
pub(crate) fn paragraphs_frame<'py>(
    py: Python<'py>,
    cables: &Bound<'py, PyAny>,
    columns: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    frame(py, cables, Table::Paragraphs, columns, "paragraphs_frame")
}
