//! The parts of the package written in Python (`cable.dask`): their sources are compiled into
//! the extension and registered as submodules when `cable` is imported, so that the wheel stays
//! one extension module (no mixed layout: the stub, the stubtest check and the C-free install
//! stay as they are). Each file is an ordinary Python module, also importable on its own for
//! tests; it holds glue to other libraries only, no parsing logic.

use pyo3::prelude::*;

/// (name, source) of each submodule.
const SUBMODULES: &[(&str, &str)] = &[("dask", include_str!("../python/cable/dask.py"))];

/// Runs each submodule's source as `cable.<name>`, sets it as an attribute of `cable` and in
/// `sys.modules` (so that `import cable.dask` and pickling by reference find it).
pub(crate) fn add_submodules(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let modules = py.import("sys")?.getattr("modules")?;
    for (name, source) in SUBMODULES {
        let full = format!("cable.{name}");
        let code =
            std::ffi::CString::new(*source).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let file = std::ffi::CString::new(format!("cable/{name}.py")).unwrap_or_default();
        let module_name = std::ffi::CString::new(full.clone()).unwrap_or_default();
        let sub = PyModule::from_code(py, &code, &file, &module_name)?;
        // (`from_code` registers it under its name already; said again so as not to depend on it.)
        modules.set_item(&full, &sub)?;
        m.add(*name, sub)?;
    }
    Ok(())
}
