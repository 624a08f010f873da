//! Identifiers and knowledge: `canonical_id()`, `tag_kind()`, `station()`, `stations()` and
//! `citations()` (a pandas DataFrame of the citation edges of a corpus).

use crate::objects::Tuple;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The canonical form of a cable id — 2-digit year, station, serial without leading zeros —
/// from an id as published or cited: ``canonical_id("08ECTION01OF02MANAMA492")`` is
/// ``"08MANAMA492"``, ``canonical_id("2007 SECSTATE 012345")`` is ``"07STATE12345"``. None when
/// the text has no year, station or serial. The rules are in the README.
#[pyfunction]
pub(crate) fn canonical_id(id: &str) -> Option<String> {
    cable_core::ids::canonical_id(id).map(|c| c.to_string())
}

/// The kind of a TAGS tag: ``"subject"`` (``PREL``), ``"geo"`` (``RS``, ``XF``), ``"org"``
/// (``NATO``), ``"program"`` (``KPAO``), ``"person"`` (``OVIP (CLINTON, HILLARY)``) or
/// ``"unknown"``. Case does not matter; glued tags take the kind of their first part.
#[pyfunction]
pub(crate) fn tag_kind(tag: &str) -> &'static str {
    cable_core::ids::tag_kind(tag).as_str()
}

/// A post of the station table: the station of its reference ids, its plain-language
/// addresses, routing indicators, envelope origin names, country and TAGS country code.
#[pyclass(frozen, eq, hash, module = "cable", name = "Station", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Station {
    /// The station of reference ids (``"MOSCOW"``).
    #[pyo3(get)]
    station: &'static str,
    /// Every plain-language address known for the post, the usual one first.
    #[pyo3(get)]
    plads: Tuple<&'static str>,
    /// Routing indicators (``("RUEHMO",)``); empty when the corpus never showed one.
    #[pyo3(get)]
    routes: Tuple<&'static str>,
    /// The usual plain-language address (``"AMEMBASSY MOSCOW"``).
    #[pyo3(get)]
    #[serde(skip)]
    plad: &'static str,
    /// The envelope origin name (``"Embassy Moscow"``).
    #[pyo3(get)]
    origin: &'static str,
    /// Every origin name known for the post, the usual one first.
    #[pyo3(get)]
    origins: Tuple<&'static str>,
    /// The host country (``"Russia"``).
    #[pyo3(get)]
    country: &'static str,
    /// The host country's TAGS code (``"RS"``).
    #[pyo3(get)]
    geo: &'static str,
    /// Other spellings of the station that ``canonical_id()`` rewrites to it (``("HCMC",)``).
    #[pyo3(get)]
    aliases: Tuple<&'static str>,
}

impl From<&'static cable_core::ids::Station> for Station {
    fn from(row: &'static cable_core::ids::Station) -> Self {
        Station {
            station: row.station(),
            plads: row.plads().iter().copied().collect(),
            routes: row.routes().iter().copied().collect(),
            plad: row.plad(),
            origin: row.origin(),
            origins: row.origins().iter().copied().collect(),
            country: row.country(),
            geo: row.geo(),
            aliases: row.aliases().iter().copied().collect(),
        }
    }
}

#[pymethods]
impl Station {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = |s: &str| crate::objects::py_repr(py, s);
        Ok(format!("Station({}, plad={}, origin={})", r(self.station)?, r(self.plad)?, r(self.origin)?))
    }

    /// ``{station, plads, routes, origin, origins, country, geo, aliases}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::topy::to_py(py, self)
    }
}

/// Looks a post up by any of its names: station or alias (``"MOSCOW"``, ``"Tel Aviv"``,
/// ``"HCMC"``), plain-language address (``"AMEMBASSY MOSCOW"``), routing indicator
/// (``"RUEHMO"``) or envelope origin (``"Embassy Moscow"``). None when no post has that name.
#[pyfunction]
pub(crate) fn station(name: &str) -> Option<Station> {
    cable_core::ids::station(name).map(Station::from)
}

/// Every post of the station table, in file order.
#[pyfunction]
pub(crate) fn stations(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, cable_core::ids::stations().iter().map(Station::from))
}

/// The citation edges of a corpus as a pandas DataFrame: one row per cable cited in a REF
/// block, with columns ``citing``, ``cited`` (canonical ids), ``label`` (the REF item's
/// letter, or None), ``kind``, ``in_corpus`` (whether the cited cable is among ``cables``) and
/// ``source`` (the citing cable's, as ``Cable.source``; empty when it has none).
/// Self-citations are left out. Reads ``cables`` once (a reader is fine). The network is the
/// core's citations table (``to_arrow(cables, table="citations")``; ``cable refs`` gives the
/// same edges). Needs pandas and pyarrow.
#[pyfunction]
pub(crate) fn citations<'py>(py: Python<'py>, cables: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let columns = ["citing", "cited", "label", "kind", "in_corpus", "source"].map(String::from);
    crate::frame::frame(py, cables, cable_core::table::Table::Citations, Some(columns.into()), "citations")
}
