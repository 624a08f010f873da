//! The streaming reader behind `read_csv` and `read_dir` (`CableReader`, over the core's corpus
//! walk), and the one loop over "cables" arguments (a reader, drained in Rust, or any iterable of
//! `Cable`) that the tables, frames and citations share.

use crate::cable::PyCable;
use crate::errors::to_pyerr;
use crate::input::{guarded, type_name};
use cable_core::envelope::corpus::Corpus;
use cable_core::failure::Failure;
use cable_core::{OwnedCable, ParseOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::sync::{Mutex, MutexGuard};

/// The core's walk, and whether it is over.
struct ReaderState {
    corpus: Corpus,
    done: bool,
}

impl ReaderState {
    /// The next cable or failure, `None` at the end. A panic (a bug) ends the walk: it cannot
    /// be trusted to go on.
    fn step(&mut self, opts: &ParseOptions, strict: bool) -> Option<Result<OwnedCable, Failure>> {
        if self.done {
            return None;
        }
        let corpus = &mut self.corpus;
        let parse = |r: Result<_, _>| r.map_err(Failure::from).and_then(|e| OwnedCable::from_entry(e, opts, strict));
        guarded(|| Ok(corpus.next_raw().map(parse))).unwrap_or_else(|f| {
            self.done = true;
            Some(Err(f))
        })
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
    /// `errors="strict"`.
    strict: bool,
    /// `on_error="skip"`.
    skip: bool,
    errors: Py<PyList>,
    /// Size of the input when known (plain files).
    total_bytes: Option<u64>,
    /// The tqdm bar of `progress=True`, and the bytes it shows.
    bar: Mutex<Option<(Py<PyAny>, u64)>>,
}

impl CableReader {
    pub(crate) fn new(py: Python<'_>, corpus: Corpus, opts: ParseOptions, strict: bool, skip: bool) -> Self {
        CableReader {
            state: Mutex::new(ReaderState { corpus, done: false }),
            opts,
            strict,
            skip,
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
    fn next_cable(&self, py: Python<'_>) -> PyResult<Option<OwnedCable>> {
        loop {
            // `list(read_csv(...))` runs no Python code between items, so the interpreter never
            // looked at its signals: Ctrl-C waited for the whole file. A pending
            // KeyboardInterrupt is raised here, before the next row (the reader can be resumed).
            py.check_signals()?;
            let step = py.detach(|| self.state().step(&self.opts, self.strict));
            self.report(py, step.is_none())?;
            match step.transpose() {
                Ok(c) => return Ok(c),
                Err(f) if self.skip => self.errors.bind(py).append(to_pyerr(py, f).value(py))?,
                Err(f) => return Err(to_pyerr(py, f)),
            }
        }
    }

    /// The walk, also after a panic while it was locked (it is then `done`).
    fn state(&self) -> MutexGuard<'_, ReaderState> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Moves the progress bar to the bytes read; closes it at the end.
    fn report(&self, py: Python<'_>, end: bool) -> PyResult<()> {
        let mut bar = self.bar.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let Some((b, shown)) = bar.as_mut() else { return Ok(()) };
        let now = self.state().corpus.bytes_read();
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
        Ok(self.next_cable(py)?.map(|c| PyCable::new(c, self.opts.year)))
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
        self.state().corpus.bytes_read()
    }

    /// Size of the input in bytes when known (a plain file, a byte range, a directory of plain
    /// files), else None.
    #[getter]
    fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn __repr__(&self) -> String {
        format!("<CableReader {}>", if self.state().done { "done" } else { "reading" })
    }
}

/// Each item of `cables` as a `Cable`, or a `TypeError` naming the first that is not one.
pub(crate) fn for_each_cable<'py>(
    cables: &Bound<'py, PyAny>,
    func: &str,
    mut each: impl FnMut(&OwnedCable) -> PyResult<()>,
) -> PyResult<()> {
    // A reader is drained in Rust: no `Cable` object per row.
    if let Ok(reader) = cables.cast::<CableReader>() {
        while let Some(c) = reader.get().next_cable(cables.py())? {
            each(&c)?;
        }
        return Ok(());
    }
    let not_iterable =
        |_| PyTypeError::new_err(format!("{func}() expects an iterable of Cable, not {}", type_name(cables)));
    for (i, item) in cables.try_iter().map_err(not_iterable)?.enumerate() {
        let item = item?;
        let not_a_cable =
            |_| PyTypeError::new_err(format!("{func}() expects Cable objects; item {i} is {}", type_name(&item)));
        each(item.cast::<PyCable>().map_err(not_a_cable)?.get().owned())?;
    }
    Ok(())
}
