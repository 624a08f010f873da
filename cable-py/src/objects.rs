//! The small read-only value objects a `Cable` hands out: recipients, routing, references,
//! markings, warnings, the envelope. Each is built (copied out of the cable's text) when the
//! property that returns it is read; each has `__repr__`, `__eq__` and `to_dict()` with the keys
//! of the JSON contract.

use crate::topy::to_py_at;
use cable_core::OwnedCable;
use cable_core::pick::Step;
use chrono::NaiveDate;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use std::sync::Arc;

/// A `(start, end)` byte span into `Cable.text`.
pub(crate) type PySpan = (u32, u32);

pub(crate) fn span(s: cable_core::Span) -> PySpan {
    (s.start, s.end)
}

/// A tuple of strings.
pub(crate) fn str_tuple<'py, S: AsRef<str>>(py: Python<'py>, items: &[S]) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, items.iter().map(|s| s.as_ref()))
}

/// Where an object lies in its cable's serialisation (the JSON contract): its `to_dict()` is
/// that value, serialised from the core when asked, so there is one definition of every dict.
/// It holds the cable (shared, not copied). Equality and hashing ignore it: two objects are
/// equal when their values are.
#[derive(Clone)]
pub(crate) struct At(Arc<OwnedCable>, Vec<Step>);

impl At {
    pub(crate) fn new(cable: &Arc<OwnedCable>, path: &[Step]) -> At {
        At(cable.clone(), path.to_vec())
    }

    /// The place `path` below this one.
    fn child(&self, path: &[Step]) -> At {
        At(self.0.clone(), [&self.1[..], path].concat())
    }

    /// The list index of the last step (a paragraph's position).
    fn index(&self) -> usize {
        match self.1.last() {
            Some(Step::Index(i)) => *i,
            _ => 0,
        }
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(to_py_at(py, self.0.cable(), &self.1)?.unwrap_or_else(|| py.None().into_bound(py)))
    }
}

impl PartialEq for At {
    fn eq(&self, _: &At) -> bool {
        true
    }
}

impl Eq for At {}

impl std::hash::Hash for At {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl std::fmt::Debug for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "At({:?})", self.1)
    }
}

/// `Name(a=..., b=...)`, with Python reprs of the values; `None` values are left out.
fn repr_of(name: &str, fields: &[(&str, Bound<'_, PyAny>)]) -> PyResult<String> {
    let mut out = format!("{name}(");
    let mut first = true;
    for (k, v) in fields {
        if v.is_none() {
            continue;
        }
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(k);
        out.push('=');
        out.push_str(&v.repr()?.to_string());
    }
    out.push(')');
    Ok(out)
}

fn any<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> PyResult<Bound<'py, PyAny>> {
    v.into_bound_py_any(py)
}

/// An addressee of the ``TO`` or ``INFO`` list: ``RUEHC/SECSTATE WASHDC IMMEDIATE 5322``.
#[pyclass(frozen, eq, hash, module = "cable", name = "Recipient", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Recipient {
    at: At,
    /// Routing indicator before the slash (``"RUEHC"``), or None.
    #[pyo3(get)]
    route: Option<String>,
    /// Plain-language address (``"SECSTATE WASHDC"``).
    #[pyo3(get)]
    name: String,
    /// Office after a ``//`` (``"ECJ3/ECJ4/ECJ5"``), or None.
    #[pyo3(get)]
    office: Option<String>,
    /// Delivery precedence (``"IMMEDIATE"``, ``"PRIORITY"``, ...), or None.
    #[pyo3(get)]
    precedence: Option<&'static str>,
    /// Message continuity number as written (``"5322"``, ``"0121"``, ``"2276-2279"``), or None.
    #[pyo3(get)]
    mcn: Option<String>,
    excluded: Vec<String>,
    /// ``(start, end)`` byte span of the addressee line in ``Cable.text``.
    #[pyo3(get)]
    span: PySpan,
}

impl Recipient {
    pub(crate) fn new(r: &cable_core::Recipient<'_>, at: At) -> Self {
        Recipient {
            at,
            route: r.route.map(str::to_owned),
            name: r.name.to_owned(),
            office: r.office.map(str::to_owned),
            precedence: r.precedence.map(|p| p.as_str()),
            mcn: r.mcn.map(str::to_owned),
            excluded: r.excluded.iter().map(|s| (*s).to_owned()).collect(),
            span: span(r.span),
        }
    }
}

#[pymethods]
impl Recipient {
    /// Members of this collective excluded from delivery by ``XMT`` lines.
    #[getter]
    fn excluded<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.excluded)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Recipient",
            &[
                ("route", any(py, &self.route)?),
                ("name", any(py, &self.name)?),
                ("office", any(py, &self.office)?),
                ("precedence", any(py, self.precedence)?),
                ("mcn", any(py, &self.mcn)?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// Format lines 1–4 of the routing header (transmission id, relay line, ``DE`` line, security
/// line). The relay line's routing indicators are where the relay sent the message, not its
/// addressees.
#[pyclass(frozen, eq, hash, module = "cable", name = "Routing", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Routing {
    at: At,
    /// ``"VZCZCXRO9060"``, or None.
    #[pyo3(get)]
    transmission_id: Option<String>,
    /// Precedence prosign of the relay line (``"OO"``), or None.
    #[pyo3(get)]
    relay_precedence: Option<String>,
    relays: Vec<String>,
    /// Originating station routing indicator of the ``DE`` line (``"RUEHMO"``), or None.
    #[pyo3(get)]
    station: Option<String>,
    /// Station serial number of the ``DE`` line as written (``"5434"``), or None.
    #[pyo3(get)]
    serial: Option<String>,
    /// Section number of the ``DE`` line (``/01`` → 1), or None.
    #[pyo3(get)]
    section: Option<u32>,
    /// Julian day and time of transmission (``"3211231"``), or None.
    #[pyo3(get)]
    julian_time: Option<String>,
    /// Security warning group (``"ZNY CCCCC"``), or None.
    #[pyo3(get)]
    security: Option<String>,
    /// Operating signals after the security group (``"ZZH"``), or None.
    #[pyo3(get)]
    signals: Option<String>,
}

impl Routing {
    pub(crate) fn new(r: &cable_core::Routing<'_>, at: At) -> Self {
        let s = |v: &Option<cable_core::Spanned<&str>>| v.map(|v| v.value.to_owned());
        Routing {
            at,
            transmission_id: s(&r.transmission_id),
            relay_precedence: s(&r.relay_precedence),
            relays: r.relays.iter().map(|v| v.value.to_owned()).collect(),
            station: s(&r.station),
            serial: s(&r.station_serial),
            section: r.section,
            julian_time: s(&r.julian_time),
            security: s(&r.security),
            signals: s(&r.signals),
        }
    }
}

#[pymethods]
impl Routing {
    /// Routing indicators of the relay line (``("RUEHDBU", "RUEHFL", ...)``).
    #[getter]
    fn relays<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.relays)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Routing",
            &[
                ("transmission_id", any(py, &self.transmission_id)?),
                ("station", any(py, &self.station)?),
                ("serial", any(py, &self.serial)?),
                ("section", any(py, self.section)?),
                ("security", any(py, &self.security)?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// ``SECTION 01 OF 02``: this telegram is part ``number`` of ``total``.
#[pyclass(frozen, eq, hash, module = "cable", name = "Section", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Section {
    at: At,
    /// This section's number (1-based).
    #[pyo3(get)]
    number: u32,
    /// How many sections the telegram has; None when only the ``DE`` line's ``/01`` gives it.
    #[pyo3(get)]
    total: Option<u32>,
}

impl Section {
    pub(crate) fn new(s: cable_core::Section, at: At) -> Self {
        Section { at, number: s.number, total: s.total }
    }
}

#[pymethods]
impl Section {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of("Section", &[("number", any(py, self.number)?), ("total", any(py, self.total)?)])
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// The ``E.O.`` line: ``E.O. 12958: DECL: 11/16/2017``.
#[pyclass(frozen, eq, hash, module = "cable", name = "ExecutiveOrder", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExecutiveOrder {
    at: At,
    /// Number of the executive order (``"12958"``), or None.
    #[pyo3(get)]
    order: Option<String>,
    /// The declassification date (``datetime.date``) when the instruction is one, else None.
    #[pyo3(get)]
    declassify_on: Option<NaiveDate>,
    /// The declassification instruction as written (``"11/16/2017"``, ``"OADR"``, ``"X1"``), or None.
    #[pyo3(get)]
    declassify_raw: Option<String>,
    /// ``(start, end)`` byte span of the line in ``Cable.text``.
    #[pyo3(get)]
    span: PySpan,
}

impl ExecutiveOrder {
    pub(crate) fn new(e: &cable_core::ExecutiveOrder<'_>, at: At) -> Self {
        ExecutiveOrder {
            at,
            order: e.order.map(str::to_owned),
            declassify_on: e.declassify_on,
            declassify_raw: e.declassify_raw.map(str::to_owned),
            span: span(e.span),
        }
    }
}

#[pymethods]
impl ExecutiveOrder {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "ExecutiveOrder",
            &[
                ("order", any(py, &self.order)?),
                ("declassify_on", any(py, self.declassify_on)?),
                ("declassify_raw", any(py, &self.declassify_raw)?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// A reference of the ``REF`` block: ``A. 07 STATE 12345``.
#[pyclass(frozen, eq, hash, module = "cable", name = "Reference", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference {
    at: At,
    /// Bullet label without punctuation (``"A"``), or None.
    #[pyo3(get)]
    label: Option<String>,
    /// What is cited: ``"cable"``, ``"email"``, ``"telcon"``, ``"memcon"``, ``"report"`` or ``"other"``.
    #[pyo3(get)]
    kind: String,
    /// Canonical id of a cited cable (``"07STATE12345"``), or None.
    #[pyo3(get)]
    id: Option<String>,
    /// Station of a cited cable, spaces removed (``"MOSCOW"``), or None.
    #[pyo3(get)]
    station: Option<String>,
    /// Serial of a cited cable, or None.
    #[pyo3(get)]
    serial: Option<u32>,
    /// Four-digit year of a cited cable, or None.
    #[pyo3(get)]
    year: Option<i32>,
    /// The item as written (its own words when the item cites several cables).
    #[pyo3(get)]
    text: String,
}

impl Reference {
    pub(crate) fn new(r: &cable_core::Reference<'_>, at: At) -> Self {
        Reference {
            at,
            label: r.label.map(str::to_owned),
            kind: r.kind.as_str().to_owned(),
            id: r.id.as_ref().map(|i| i.to_string()),
            station: r.station.as_ref().map(|s| s.to_string()),
            serial: r.serial,
            year: r.year,
            text: r.text.as_str().to_owned(),
        }
    }
}

#[pymethods]
impl Reference {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = if self.id.is_none() { Some(self.text.as_str()) } else { None };
        repr_of(
            "Reference",
            &[
                ("label", any(py, &self.label)?),
                ("kind", any(py, &self.kind)?),
                ("id", any(py, &self.id)?),
                ("text", any(py, text)?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// The ``Classified By:`` line.
#[pyclass(frozen, eq, hash, module = "cable", name = "ClassifiedBy", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassifiedBy {
    at: At,
    /// The line after the keyword, as written.
    #[pyo3(get)]
    text: String,
    names: Vec<String>,
    reasons: Vec<String>,
}

impl ClassifiedBy {
    pub(crate) fn new(c: &cable_core::ClassifiedBy<'_>, at: At) -> Self {
        ClassifiedBy {
            at,
            text: c.text.as_str().to_owned(),
            names: c.names.iter().map(|n| n.to_string()).collect(),
            reasons: c.reasons.iter().map(|r| r.to_string()).collect(),
        }
    }
}

#[pymethods]
impl ClassifiedBy {
    /// Person names, titles removed (``("William J. Burns",)``).
    #[getter]
    fn names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.names)
    }

    /// Classification reasons, normalised (``("1.4(b)", "1.4(d)")``).
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.reasons)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of("ClassifiedBy", &[("names", self.names(py)?.into_any()), ("reasons", self.reasons(py)?.into_any())])
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// A portion marking such as ``(C)``, ``(S//NF)``, ``(C/REL GERMANY)``.
#[pyclass(frozen, eq, hash, module = "cable", name = "Marking", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Marking {
    at: At,
    /// The level it names (``"CONFIDENTIAL"``).
    #[pyo3(get)]
    level: &'static str,
    caveats: Vec<String>,
    /// The marking as written, parentheses included (``"(S//NF)"``).
    #[pyo3(get)]
    raw: String,
}

impl Marking {
    pub(crate) fn new(m: &cable_core::Marking<'_>, at: At) -> Self {
        Marking {
            at,
            level: m.level.as_str(),
            caveats: m.caveats().map(str::to_owned).collect(),
            raw: m.raw.to_owned(),
        }
    }
}

#[pymethods]
impl Marking {
    /// Caveats, upper case, ``NF`` expanded (``("NOFORN",)``).
    #[getter]
    fn caveats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.caveats)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Marking",
            &[("level", any(py, self.level)?), ("caveats", self.caveats(py)?.into_any()), ("raw", any(py, &self.raw)?)],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// Something odd but usable that the parser met: its kind and the bytes it concerns.
#[pyclass(frozen, eq, hash, module = "cable", name = "ParseWarning", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseWarning {
    at: At,
    /// ``"unrecognised_line"``, ``"invalid_date"``, ``"lossy_decoding"``, ... (see the README).
    #[pyo3(get)]
    kind: String,
    /// A short description (``"unrecognised line"``).
    #[pyo3(get)]
    message: &'static str,
    /// ``(start, end)`` byte span in ``Cable.text`` (empty at 0 for the cable as a whole).
    #[pyo3(get)]
    span: PySpan,
    /// The text concerned (at most 200 bytes of it).
    #[pyo3(get)]
    text: String,
}

/// At most 200 bytes of `text`, cut at a character boundary (as the JSON contract does).
fn excerpt(text: &str) -> &str {
    let mut end = text.len().min(200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl ParseWarning {
    pub(crate) fn new(w: &cable_core::Warning, cable: &cable_core::Cable<'_>, at: At) -> Self {
        ParseWarning {
            at,
            kind: w.kind.as_str().to_owned(),
            message: w.kind.message(),
            span: span(w.span),
            text: excerpt(cable.text_of(w.span)).to_owned(),
        }
    }
}

#[pymethods]
impl ParseWarning {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "ParseWarning",
            &[("kind", any(py, &self.kind)?), ("span", any(py, self.span)?), ("text", any(py, &self.text)?)],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// What the container (a cablegate page or a cables.csv row) says about the cable, kept apart
/// from what the text says. Values are as the container writes them.
#[pyclass(frozen, eq, hash, module = "cable", name = "Envelope", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Envelope {
    at: At,
    /// ``"cablegate_html"`` or ``"cables_csv"``.
    #[pyo3(get)]
    kind: String,
    /// Row id (first CSV column), or None.
    #[pyo3(get)]
    row_id: Option<u64>,
    /// The container's reference id, or None.
    #[pyo3(get)]
    reference_id: Option<String>,
    /// The container's date as written (``"11/17/2007 12:31"``), or None.
    #[pyo3(get)]
    created: Option<String>,
    /// Release date of a page (``"2010-11-28 18:18"``), or None.
    #[pyo3(get)]
    released: Option<String>,
    /// The container's classification (``"SECRET//NOFORN"``), or None.
    #[pyo3(get)]
    classification: Option<String>,
    /// The container's origin (``"Embassy Moscow"``), or None.
    #[pyo3(get)]
    origin: Option<String>,
    references: Vec<String>,
}

impl Envelope {
    pub(crate) fn new(e: &cable_core::Envelope<'_>, at: At) -> Self {
        let s = |v: &Option<std::borrow::Cow<'_, str>>| v.as_ref().map(|v| v.to_string());
        Envelope {
            at,
            kind: e.kind.as_str().to_owned(),
            row_id: e.row_id,
            reference_id: s(&e.reference_id),
            created: s(&e.created),
            released: s(&e.released),
            classification: s(&e.classification),
            origin: s(&e.origin),
            references: e.reference_ids().map(str::to_owned).collect(),
        }
    }
}

#[pymethods]
impl Envelope {
    /// Referenced ids (the sixth CSV column, split on ``|``).
    #[getter]
    fn references<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.references)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Envelope",
            &[
                ("kind", any(py, &self.kind)?),
                ("row_id", any(py, self.row_id)?),
                ("reference_id", any(py, &self.reference_id)?),
                ("created", any(py, &self.created)?),
                ("classification", any(py, &self.classification)?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// Python's `repr()` of a string.
pub(crate) fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// `text` cut after a whole word near `max` characters, with ` ...` when cut (for reprs).
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max + 4 {
        return s.to_owned();
    }
    let mut out = String::new();
    for word in s.split([' ', '\n']) {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = s.chars().take(max).collect();
    }
    out.push_str(" ...");
    out
}

/// A sub-item of a paragraph: a line starting with a label (``A.``, ``(1)``, ``--``) and the
/// lines continuing it. It stays part of the paragraph's ``text``; this is a second view of it.
#[pyclass(frozen, eq, hash, module = "cable", name = "Item", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Item {
    at: At,
    /// The label as written (``"A."``, ``"(1)"``, ``"--"``).
    #[pyo3(get)]
    label: String,
    /// The item's text after the label, cleaned like paragraph text.
    #[pyo3(get)]
    text: String,
    /// ``(start, end)`` byte span in ``Cable.text``, from the label to the end of the item.
    #[pyo3(get)]
    span: PySpan,
}

impl Item {
    pub(crate) fn new(i: cable_core::Item<'_>, at: At) -> Self {
        Item { at, label: i.label.to_owned(), text: i.text.into_owned(), span: span(i.span) }
    }
}

#[pymethods]
impl Item {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of("Item", &[("label", any(py, &self.label)?), ("text", any(py, shorten(&self.text, 40))?)])
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// A paragraph of the body: numbered (``1. (C) ...``) or, in cables without numbers, a block of
/// text between blank lines; with its portion marking, the heading above it and its cleaned text.
#[pyclass(frozen, eq, hash, module = "cable", name = "Paragraph", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Paragraph {
    at: At,
    /// Position in ``Cable.paragraphs`` (0-based); ``Passage.paragraphs`` hold these.
    #[pyo3(get)]
    index: usize,
    /// The paragraph number: as written, or the true number recovered from the sequence when
    /// the written one is mangled (``12.`` read as 2, with a warning); None when unnumbered.
    #[pyo3(get)]
    number: Option<u32>,
    /// The number as written, pilcrow and period included (``"12."``, ``"¶4."``), or None.
    #[pyo3(get)]
    written_number: Option<String>,
    marking: Option<Marking>,
    /// The heading above the paragraph (``"Lavrov's Letter"``), joined into one line, or None.
    #[pyo3(get)]
    heading: Option<String>,
    /// The text after the number and marking, cleaned: page and section breaks cut out, wrapped
    /// lines joined, a sub-item starting a new line.
    #[pyo3(get)]
    text: String,
    /// ``(start, end)`` byte span of the paragraph as written, from its number to the end of its
    /// text (breaks inside included, the heading not).
    #[pyo3(get)]
    span: PySpan,
    /// ``(start, end)`` byte span of the text as written (after the marking).
    #[pyo3(get)]
    text_span: PySpan,
    /// ``(start, end)`` byte span of the heading's caption lines, or None.
    #[pyo3(get)]
    heading_span: Option<PySpan>,
    items: Vec<Item>,
}

impl Paragraph {
    pub(crate) fn new(p: &cable_core::Paragraph<'_>, at: At) -> Self {
        Paragraph {
            index: at.index(),
            marking: p.marking().map(|m| Marking::new(m, at.child(&[Step::Key("marking")]))),
            items: p
                .items()
                .into_iter()
                .enumerate()
                .map(|(j, i)| Item::new(i, at.child(&[Step::Key("items"), Step::Index(j)])))
                .collect(),
            at,
            number: p.number(),
            written_number: p.written_number().map(str::to_owned),
            heading: p.heading().map(|h| h.into_owned()),
            text: p.text().into_owned(),
            span: span(p.span()),
            text_span: span(p.text_span()),
            heading_span: p.heading_span().map(span),
        }
    }
}

#[pymethods]
impl Paragraph {
    /// The portion marking (``(C)``, ``(S//NF)``) as a ``Marking``, or None.
    #[getter]
    fn marking(&self) -> Option<Marking> {
        self.marking.clone()
    }

    /// The level of the portion marking (``"SECRET"``), or None when the paragraph has none.
    #[getter]
    fn level(&self) -> Option<&'static str> {
        self.marking.as_ref().map(|m| m.level)
    }

    /// The sub-items (``A.``, ``(1)``, ``--``) that start lines of the paragraph, a tuple of ``Item``.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.items.iter().cloned())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Paragraph",
            &[
                ("number", any(py, self.number)?),
                ("marking", any(py, self.marking.as_ref().map(|m| m.raw.as_str()))?),
                ("heading", any(py, &self.heading)?),
                ("text", any(py, shorten(&self.text, 40))?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// A summary, comment, action request or inline note: a stretch of one or more paragraphs.
#[pyclass(frozen, eq, hash, module = "cable", name = "Passage", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Passage {
    at: At,
    /// ``"summary"``, ``"comment"``, ``"action_request"``, ``"note"`` or ``"inline_comment"``.
    #[pyo3(get)]
    kind: String,
    /// The text, cleaned like paragraph text, paragraphs separated by a blank line; the keywords
    /// (``Summary:``, ``End Summary.``, ``(Note:``) are not part of it.
    #[pyo3(get)]
    text: String,
    /// ``(start, end)`` byte span of the text as written in ``Cable.text`` (keywords excluded).
    #[pyo3(get)]
    span: PySpan,
    paragraphs: Vec<usize>,
}

impl Passage {
    pub(crate) fn new(p: cable_core::Passage<'_, '_>, at: At) -> Self {
        Passage {
            at,
            kind: p.kind().as_str().to_owned(),
            text: p.text().into_owned(),
            span: span(p.span()),
            paragraphs: p.paragraphs().collect(),
        }
    }
}

#[pymethods]
impl Passage {
    /// Indexes into ``Cable.paragraphs`` of the paragraphs the passage covers.
    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.paragraphs)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Passage",
            &[
                ("kind", any(py, &self.kind)?),
                ("paragraphs", self.paragraphs(py)?.into_any()),
                ("text", any(py, shorten(&self.text, 40))?),
            ],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}

/// A page or section break in the body, cut out of the text it interrupts.
#[pyclass(frozen, eq, hash, module = "cable", name = "Break", skip_from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Break {
    at: At,
    /// ``"page"`` (a page marker such as ``MOSCOW 00005434 002 OF 002``, or a ``PAGE nn`` banner)
    /// or ``"section"`` (the repeated header of a later section of a partial record).
    #[pyo3(get)]
    kind: String,
    /// The page the break starts, when it says (``002 OF 002`` → 2), or None.
    #[pyo3(get)]
    page: Option<u32>,
    /// ``(start, end)`` byte span of the break's lines in ``Cable.text``.
    #[pyo3(get)]
    span: PySpan,
}

impl Break {
    pub(crate) fn new(b: &cable_core::Break, at: At) -> Self {
        Break { at, kind: b.kind.as_str().to_owned(), page: b.page, span: span(b.span) }
    }
}

#[pymethods]
impl Break {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr_of(
            "Break",
            &[("kind", any(py, &self.kind)?), ("page", any(py, self.page)?), ("span", any(py, self.span)?)],
        )
    }

    /// The value as in the JSON contract (serialised from the core when called).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.at.to_dict(py)
    }
}
