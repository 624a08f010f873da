//! pandas DataFrames of cables (one row per cable) and of paragraphs (one row per paragraph).
//! pandas is imported when a function is called, never at import.

use crate::cable::PyCable;
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyImportError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyList};

/// `import pandas`, or an `ImportError` that says what to install.
pub(crate) fn pandas<'py>(py: Python<'py>, func: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("pandas").map_err(|e| {
        if e.is_instance_of::<PyImportError>(py) {
            let err = PyImportError::new_err(format!("cable.{func}() needs pandas: pip install pandas"));
            err.set_cause(py, Some(e));
            err
        } else {
            e
        }
    })
}

/// Each item of `cables` as a `Cable`, or a `TypeError` naming the first that is not one.
pub(crate) fn for_each_cable<'py>(
    cables: &Bound<'py, PyAny>,
    func: &str,
    mut each: impl FnMut(&cable_core::Cable<'_>) -> PyResult<()>,
) -> PyResult<()> {
    let iter = cables.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{func}() expects an iterable of Cable, not {}",
            cables.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
        ))
    })?;
    for (i, item) in iter.enumerate() {
        let item = item?;
        let cable = item.cast::<PyCable>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{func}() expects Cable objects; item {i} is {}",
                item.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
            ))
        })?;
        each(cable.get().cable())?;
    }
    Ok(())
}

/// Columns of `to_dataframe`, in order.
const CABLE_COLUMNS: &[&str] = &[
    "reference_id",
    "created",
    "dtg",
    "precedence",
    "sender",
    "origin",
    "serial",
    "classification",
    "caveats",
    "tags",
    "subject",
    "to",
    "info",
    "references",
    "declassify_on",
    "classified_by",
    "partial",
    "warnings",
    "row_id",
];

/// One row per cable.
#[pyfunction]
pub(crate) fn to_dataframe<'py>(py: Python<'py>, cables: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let pd = pandas(py, "to_dataframe")?;
    let cols: Vec<Bound<'py, PyList>> = CABLE_COLUMNS.iter().map(|_| PyList::empty(py)).collect();
    for_each_cable(cables, "to_dataframe", |c| {
        let names = |rs: &[cable_core::Recipient<'_>]| PyList::new(py, rs.iter().map(|r| r.name));
        let values: [Bound<'py, PyAny>; 19] = [
            c.reference_id().into_bound_py_any(py)?,
            c.created().into_bound_py_any(py)?,
            c.date_time_group().map(|d| d.raw).into_bound_py_any(py)?,
            c.precedence().map(|p| p.as_str()).into_bound_py_any(py)?,
            c.sender().into_bound_py_any(py)?,
            c.origin().into_bound_py_any(py)?,
            c.serial().into_bound_py_any(py)?,
            c.classification().map(|l| l.as_str()).into_bound_py_any(py)?,
            PyList::new(py, c.caveats().iter().map(|t| t.value.as_ref()))?.into_any(),
            PyList::new(py, c.tags().iter().map(|t| t.as_str()))?.into_any(),
            c.subject().into_bound_py_any(py)?,
            names(c.to())?.into_any(),
            names(c.info())?.into_any(),
            PyList::new(py, c.references().iter().filter_map(|r| r.id.as_deref()))?.into_any(),
            c.executive_order().and_then(|e| e.declassify_on).into_bound_py_any(py)?,
            PyList::new(py, c.classified_by().map_or(&[][..], |b| &b.names[..]).iter().map(|n| n.as_ref()))?.into_any(),
            c.is_partial().into_bound_py_any(py)?,
            PyList::new(py, c.warnings().iter().map(|w| crate::objects::variant_name(&w.kind)))?.into_any(),
            c.envelope().and_then(|e| e.row_id).into_bound_py_any(py)?,
        ];
        for (col, v) in cols.iter().zip(values) {
            col.append(v)?;
        }
        Ok(())
    })?;
    let data = PyDict::new(py);
    for (name, col) in CABLE_COLUMNS.iter().zip(&cols) {
        data.set_item(*name, col)?;
    }
    let df = pd.call_method1("DataFrame", (data,))?;
    // Integers that may be missing: pandas' nullable integer type rather than floats with NaN.
    for name in ["serial", "row_id"] {
        let col = df.get_item(name)?.call_method1("astype", ("Int64",))?;
        df.set_item(name, col)?;
    }
    // Timezone-aware datetimes (None → NaT), also when every value is missing.
    let created =
        pd.call_method("to_datetime", (df.get_item("created")?,), Some(&[("utc", true)].into_py_dict(py)?))?;
    df.set_item("created", created)?;
    Ok(df)
}

/// Columns of `paragraphs_frame`, in order (those of `cable export --paragraphs`).
const PARAGRAPH_COLUMNS: &[&str] = &["reference_id", "index", "number", "level", "caveats", "heading", "text"];

/// One row per paragraph.
#[pyfunction]
pub(crate) fn paragraphs_frame<'py>(py: Python<'py>, cables: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let pd = pandas(py, "paragraphs_frame")?;
    let cols: Vec<Bound<'py, PyList>> = PARAGRAPH_COLUMNS.iter().map(|_| PyList::empty(py)).collect();
    for_each_cable(cables, "paragraphs_frame", |c| {
        let id = c.reference_id().into_bound_py_any(py)?;
        for (i, p) in c.paragraphs().iter().enumerate() {
            let values: [Bound<'py, PyAny>; 7] = [
                id.clone(),
                i.into_bound_py_any(py)?,
                p.number().into_bound_py_any(py)?,
                p.level().map(|l| l.as_str()).into_bound_py_any(py)?,
                PyList::new(py, p.marking().into_iter().flat_map(|m| m.caveats()))?.into_any(),
                p.heading().as_deref().into_bound_py_any(py)?,
                p.text().as_ref().into_bound_py_any(py)?,
            ];
            for (col, v) in cols.iter().zip(values) {
                col.append(v)?;
            }
        }
        Ok(())
    })?;
    let data = PyDict::new(py);
    for (name, col) in PARAGRAPH_COLUMNS.iter().zip(&cols) {
        data.set_item(*name, col)?;
    }
    let df = pd.call_method1("DataFrame", (data,))?;
    // Unnumbered paragraphs: pandas' nullable integer type rather than floats with NaN.
    let number = df.get_item("number")?.call_method1("astype", ("Int64",))?;
    df.set_item("number", number)?;
    Ok(df)
}
