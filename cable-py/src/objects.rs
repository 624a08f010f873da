//! The small read-only value objects a `Cable` hands out: recipients, routing, references,
//! markings, warnings, the envelope, paragraphs, passages. Each is built (copied out of the
//! cable's text) when the property that returns it is read; each has `__repr__`, `__eq__`,
//! `__hash__` and `to_dict()` with the keys of the JSON contract. They are all made by one
//! definition, [`record!`]: what differs between them is only their fields.

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

pub(crate) fn py_span(s: cable_core::Span) -> PySpan {
    (s.start, s.end)
}

/// A list field that Python reads as a tuple.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub(crate) struct Tuple<T>(Vec<T>);

impl<T> FromIterator<T> for Tuple<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Tuple(iter.into_iter().collect())
    }
}

impl<'py, T: Clone + IntoPyObject<'py>> IntoPyObject<'py> for &Tuple<T> {
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.iter().cloned())
    }
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

/// `Name(a=..., b=...)`, with Python reprs of the values; `None` values are left out.
fn repr_of(name: &str, fields: &[(&str, Bound<'_, PyAny>)]) -> PyResult<String> {
    let mut parts = Vec::new();
    for (k, v) in fields.iter().filter(|(_, v)| !v.is_none()) {
        parts.push(format!("{k}={}", v.repr()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// One frozen Python class per record: its fields (each a read-only attribute, documented),
/// made from the core's record by `new(record, at)`; `__repr__` from the listed values;
/// `to_dict()` from the cable's serialisation at `at`; `==` and `hash` by value. Extra
/// methods go in `@methods`.
macro_rules! record {
    ($(
        $(#[$doc:meta])*
        $name:ident($arg:ident: $argty:ty, $at:ident) {
            $($(#[$fdoc:meta])* $field:ident: $fty:ty = $value:expr,)*
        }
        repr($s:ident) { $($rk:ident: $rv:expr),* $(,)? }
        $(@methods { $($extra:tt)* })?
    )*) => {$(
        $(#[$doc])*
        #[pyclass(frozen, eq, hash, module = "cable", skip_from_py_object)]
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name {
            at: At,
            $($(#[$fdoc])* #[pyo3(get)] $field: $fty,)*
        }

        impl $name {
            pub(crate) fn new($arg: $argty, $at: At) -> Self {
                $(let $field: $fty = $value;)*
                $name { $($field,)* at: $at }
            }
        }

        #[pymethods]
        impl $name {
            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let $s = self;
                repr_of(stringify!($name), &[$((stringify!($rk), ($rv).into_bound_py_any(py)?)),*])
            }

            /// The value as in the JSON contract (serialised from the core when called).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.at.to_dict(py)
            }

            $($($extra)*)?
        }
    )*};
}

/// An owned copy of a string.
fn own(s: impl AsRef<str>) -> String {
    s.as_ref().to_owned()
}

record! {
    /// An addressee of the ``TO`` or ``INFO`` list: ``RUEHC/SECSTATE WASHDC IMMEDIATE 5322``.
    Recipient(r: &cable_core::Recipient<'_>, at) {
        /// Routing indicator before the slash (``"RUEHC"``), or None.
        route: Option<String> = r.route.map(own),
        /// Plain-language address (``"SECSTATE WASHDC"``).
        name: String = own(r.name),
        /// Office after a ``//`` (``"ECJ3/ECJ4/ECJ5"``), or None.
        office: Option<String> = r.office.map(own),
        /// Delivery precedence (``"IMMEDIATE"``, ``"PRIORITY"``, ...), or None.
        precedence: Option<&'static str> = r.precedence.map(|p| p.as_str()),
        /// Message continuity number as written (``"5322"``, ``"0121"``, ``"2276-2279"``), or None.
        mcn: Option<String> = r.mcn.map(own),
        /// Members of this collective excluded from delivery by ``XMT`` lines.
        excluded: Tuple<String> = r.excluded.iter().map(own).collect(),
        /// ``(start, end)`` byte span of the addressee line in ``Cable.text``.
        span: PySpan = py_span(r.span),
    }
    repr(s) { route: &s.route, name: &s.name, office: &s.office, precedence: s.precedence, mcn: &s.mcn }

    /// Format lines 1–4 of the routing header (transmission id, relay line, ``DE`` line, security
    /// line). The relay line's routing indicators are where the relay sent the message, not its
    /// addressees.
    Routing(r: &cable_core::Routing<'_>, at) {
        /// ``"VZCZCXRO9060"``, or None.
        transmission_id: Option<String> = r.transmission_id.map(|v| own(v.value)),
        /// Precedence prosign of the relay line (``"OO"``), or None.
        relay_precedence: Option<String> = r.relay_precedence.map(|v| own(v.value)),
        /// Routing indicators of the relay line (``("RUEHDBU", "RUEHFL", ...)``).
        relays: Tuple<String> = r.relays.iter().map(|v| own(v.value)).collect(),
        /// Originating station routing indicator of the ``DE`` line (``"RUEHMO"``), or None.
        station: Option<String> = r.station.map(|v| own(v.value)),
        /// Station serial number of the ``DE`` line as written (``"5434"``), or None.
        serial: Option<String> = r.station_serial.map(|v| own(v.value)),
        /// Section number of the ``DE`` line (``/01`` → 1), or None.
        section: Option<u32> = r.section,
        /// Julian day and time of transmission (``"3211231"``), or None.
        julian_time: Option<String> = r.julian_time.map(|v| own(v.value)),
        /// Security warning group (``"ZNY CCCCC"``), or None.
        security: Option<String> = r.security.map(|v| own(v.value)),
        /// Operating signals after the security group (``"ZZH"``), or None.
        signals: Option<String> = r.signals.map(|v| own(v.value)),
    }
    repr(s) {
        transmission_id: &s.transmission_id, station: &s.station, serial: &s.serial, section: s.section,
        security: &s.security,
    }

    /// ``SECTION 01 OF 02``: this telegram is part ``number`` of ``total``.
    Section(s: cable_core::Section, at) {
        /// This section's number (1-based).
        number: u32 = s.number,
        /// How many sections the telegram has; None when only the ``DE`` line's ``/01`` gives it.
        total: Option<u32> = s.total,
    }
    repr(s) { number: s.number, total: s.total }

    /// The ``E.O.`` line: ``E.O. 12958: DECL: 11/16/2017``.
    ExecutiveOrder(e: &cable_core::ExecutiveOrder<'_>, at) {
        /// Number of the executive order (``"12958"``), or None.
        order: Option<String> = e.order.map(own),
        /// The declassification date (``datetime.date``) when the instruction is one, else None.
        declassify_on: Option<NaiveDate> = e.declassify_on,
        /// The declassification instruction as written (``"11/16/2017"``, ``"OADR"``, ``"X1"``), or None.
        declassify_raw: Option<String> = e.declassify_raw.map(own),
        /// ``(start, end)`` byte span of the line in ``Cable.text``.
        span: PySpan = py_span(e.span),
    }
    repr(s) { order: &s.order, declassify_on: s.declassify_on, declassify_raw: &s.declassify_raw }

    /// A reference of the ``REF`` block: ``A. 07 STATE 12345``.
    Reference(r: &cable_core::Reference<'_>, at) {
        /// Bullet label without punctuation (``"A"``), or None.
        label: Option<String> = r.label.map(own),
        /// What is cited: ``"cable"``, ``"email"``, ``"telcon"``, ``"memcon"``, ``"report"`` or ``"other"``.
        kind: &'static str = r.kind.as_str(),
        /// Canonical id of a cited cable (``"07STATE12345"``), or None.
        id: Option<String> = r.id.as_deref().map(own),
        /// Station of a cited cable, spaces removed (``"MOSCOW"``), or None.
        station: Option<String> = r.station.as_deref().map(own),
        /// Serial of a cited cable, or None.
        serial: Option<u32> = r.serial,
        /// Four-digit year of a cited cable, or None.
        year: Option<i32> = r.year,
        /// The item as written (its own words when the item cites several cables).
        text: String = own(r.text.as_str()),
    }
    // The text only when there is no id to name the reference by.
    repr(s) { label: &s.label, kind: s.kind, id: &s.id, text: s.id.is_none().then_some(&s.text) }

    /// The ``Classified By:`` line.
    ClassifiedBy(c: &cable_core::ClassifiedBy<'_>, at) {
        /// The line after the keyword, as written.
        text: String = own(c.text.as_str()),
        /// Person names, titles removed (``("William J. Burns",)``).
        names: Tuple<String> = c.names.iter().map(own).collect(),
        /// Classification reasons, normalised (``("1.4(b)", "1.4(d)")``).
        reasons: Tuple<String> = c.reasons.iter().map(own).collect(),
    }
    repr(s) { names: &s.names, reasons: &s.reasons }

    /// A portion marking such as ``(C)``, ``(S//NF)``, ``(C/REL GERMANY)``.
    Marking(m: &cable_core::Marking<'_>, at) {
        /// The level it names (``"CONFIDENTIAL"``).
        level: &'static str = m.level.as_str(),
        /// Caveats, upper case, ``NF`` expanded (``("NOFORN",)``).
        caveats: Tuple<String> = m.caveats().map(own).collect(),
        /// The marking as written, parentheses included (``"(S//NF)"``).
        raw: String = own(m.raw),
    }
    repr(s) { level: s.level, caveats: &s.caveats, raw: &s.raw }

    /// Something odd but usable that the parser met: its kind and the bytes it concerns.
    ParseWarning(w: (&cable_core::Warning, &cable_core::Cable<'_>), at) {
        /// ``"unrecognised_line"``, ``"invalid_date"``, ``"lossy_decoding"``, ... (see the README).
        kind: &'static str = w.0.kind.as_str(),
        /// A short description (``"unrecognised line"``).
        message: &'static str = w.0.kind.message(),
        /// ``(start, end)`` byte span in ``Cable.text`` (empty at 0 for the cable as a whole).
        span: PySpan = py_span(w.0.span),
        /// The text concerned (at most 200 bytes of it).
        text: String = own(w.1.warning_text(w.0)),
    }
    repr(s) { kind: s.kind, span: s.span, text: &s.text }

    /// What the container (a cablegate page or a cables.csv row) says about the cable, kept apart
    /// from what the text says. Values are as the container writes them.
    Envelope(e: &cable_core::Envelope<'_>, at) {
        /// ``"cablegate_html"`` or ``"cables_csv"``.
        kind: &'static str = e.kind.as_str(),
        /// Row id (first CSV column), or None.
        row_id: Option<u64> = e.row_id,
        /// The container's reference id, or None.
        reference_id: Option<String> = e.reference_id.as_deref().map(own),
        /// The container's date as written (``"11/17/2007 12:31"``), or None.
        created: Option<String> = e.created.as_deref().map(own),
        /// Release date of a page (``"2010-11-28 18:18"``), or None.
        released: Option<String> = e.released.as_deref().map(own),
        /// The container's classification (``"SECRET//NOFORN"``), or None.
        classification: Option<String> = e.classification.as_deref().map(own),
        /// The container's origin (``"Embassy Moscow"``), or None.
        origin: Option<String> = e.origin.as_deref().map(own),
        /// Referenced ids (the sixth CSV column, split on ``|``).
        references: Tuple<String> = e.reference_ids().map(own).collect(),
    }
    repr(s) {
        kind: s.kind, row_id: s.row_id, reference_id: &s.reference_id, created: &s.created,
        classification: &s.classification,
    }

    /// A sub-item of a paragraph: a line starting with a label (``A.``, ``(1)``, ``--``) and the
    /// lines continuing it. It stays part of the paragraph's ``text``; this is a second view of it.
    Item(i: cable_core::Item<'_>, at) {
        /// The label as written (``"A."``, ``"(1)"``, ``"--"``).
        label: String = own(i.label),
        /// The item's text after the label, cleaned like paragraph text.
        text: String = i.text.into_owned(),
        /// ``(start, end)`` byte span in ``Cable.text``, from the label to the end of the item.
        span: PySpan = py_span(i.span),
    }
    repr(s) { label: &s.label, text: shorten(&s.text, 40) }

    /// A paragraph of the body: numbered (``1. (C) ...``) or, in cables without numbers, a block of
    /// text between blank lines; with its portion marking, the heading above it and its cleaned text.
    Paragraph(p: &cable_core::Paragraph<'_>, at) {
        /// Position in ``Cable.paragraphs`` (0-based); ``Passage.paragraphs`` hold these.
        index: usize = at.index(),
        /// The paragraph number: as written, or the true number recovered from the sequence when
        /// the written one is mangled (``12.`` read as 2, with a warning); None when unnumbered.
        number: Option<u32> = p.number(),
        /// The number as written, pilcrow and period included (``"12."``, ``"¶4."``), or None.
        written_number: Option<String> = p.written_number().map(own),
        /// The portion marking (``(C)``, ``(S//NF)``) as a ``Marking``, or None.
        marking: Option<Marking> = p.marking().map(|m| Marking::new(m, at.child(&[Step::Key("marking")]))),
        /// The heading above the paragraph (``"Lavrov's Letter"``), joined into one line, or None.
        heading: Option<String> = p.heading().map(|h| h.into_owned()),
        /// The text after the number and marking, cleaned: page and section breaks cut out, wrapped
        /// lines joined, a sub-item starting a new line.
        text: String = p.text().into_owned(),
        /// ``(start, end)`` byte span of the paragraph as written, from its number to the end of its
        /// text (breaks inside included, the heading not).
        span: PySpan = py_span(p.span()),
        /// ``(start, end)`` byte span of the text as written (after the marking).
        text_span: PySpan = py_span(p.text_span()),
        /// ``(start, end)`` byte span of the heading's caption lines, or None.
        heading_span: Option<PySpan> = p.heading_span().map(py_span),
        /// The sub-items (``A.``, ``(1)``, ``--``) that start lines of the paragraph, a tuple of ``Item``.
        items: Tuple<Item> = p.items().into_iter().enumerate().map(|(j, i)| {
            Item::new(i, at.child(&[Step::Key("items"), Step::Index(j)]))
        }).collect(),
    }
    repr(s) {
        number: s.number, marking: s.marking.as_ref().map(|m| m.raw.as_str()), heading: &s.heading,
        text: shorten(&s.text, 40),
    }
    @methods {
        /// The level of the portion marking (``"SECRET"``), or None when the paragraph has none.
        #[getter]
        fn level(&self) -> Option<&'static str> {
            self.marking.as_ref().map(|m| m.level)
        }
    }

    /// A summary, comment, action request or inline note: a stretch of one or more paragraphs.
    Passage(p: cable_core::Passage<'_, '_>, at) {
        /// ``"summary"``, ``"comment"``, ``"action_request"``, ``"note"`` or ``"inline_comment"``.
        kind: &'static str = p.kind().as_str(),
        /// The text, cleaned like paragraph text, paragraphs separated by a blank line; the keywords
        /// (``Summary:``, ``End Summary.``, ``(Note:``) are not part of it.
        text: String = p.text().into_owned(),
        /// ``(start, end)`` byte span of the text as written in ``Cable.text`` (keywords excluded).
        span: PySpan = py_span(p.span()),
        /// Indexes into ``Cable.paragraphs`` of the paragraphs the passage covers.
        paragraphs: Tuple<usize> = p.paragraphs().collect(),
    }
    repr(s) { kind: s.kind, paragraphs: &s.paragraphs, text: shorten(&s.text, 40) }

    /// A page or section break in the body, cut out of the text it interrupts.
    Break(b: &cable_core::Break, at) {
        /// ``"page"`` (a page marker such as ``MOSCOW 00005434 002 OF 002``, or a ``PAGE nn`` banner)
        /// or ``"section"`` (the repeated header of a later section of a partial record).
        kind: &'static str = b.kind.as_str(),
        /// The page the break starts, when it says (``002 OF 002`` → 2), or None.
        page: Option<u32> = b.page,
        /// ``(start, end)`` byte span of the break's lines in ``Cable.text``.
        span: PySpan = py_span(b.span),
    }
    repr(s) { kind: s.kind, page: s.page, span: s.span }

    /// The marking of the whole text, declared by a paragraph (``1. CONFIDENTIAL - ENTIRE
    /// TEXT.``): a ``Marking`` with its place.
    DocumentMarking(m: &cable_core::Spanned<&cable_core::Marking<'_>>, at) {
        /// The level it names (``"CONFIDENTIAL"``).
        level: &'static str = m.value.level.as_str(),
        /// Caveats, upper case (``ENTIRE TEXT`` is the scope, not a caveat).
        caveats: Tuple<String> = m.value.caveats().map(own).collect(),
        /// The marking as written (``"CONFIDENTIAL - ENTIRE TEXT"``).
        raw: String = own(m.value.raw),
        /// ``(start, end)`` byte span of the marking in ``Cable.text``.
        span: PySpan = py_span(m.span),
    }
    repr(s) { level: s.level, raw: &s.raw }

    /// A cross-reference in a paragraph's text: ``REF A``, ``reftel``, ``septel``, ``para 13``,
    /// ``para 2 of REF A``.
    Link(l: &cable_core::Link, at) {
        /// ``"reference"``, ``"paragraph"``, ``"reference_paragraph"`` or ``"septel"``.
        kind: &'static str = l.kind.as_str(),
        /// Index of the paragraph whose text holds it.
        paragraph: usize = l.paragraph,
        /// Index into ``Cable.references`` (reference links) or ``Cable.paragraphs`` (paragraph
        /// links) of what it names, or None when the cable has no such reference or paragraph.
        target: Option<usize> = l.target,
        /// The paragraph number cited (``para 13`` → 13), or None.
        number: Option<u32> = l.number,
        /// ``(start, end)`` byte span of the label or number as written in ``Cable.text``.
        span: PySpan = py_span(l.span),
    }
    repr(s) { kind: s.kind, paragraph: s.paragraph, target: s.target, number: s.number }

    /// Who drafted, cleared and approved the telegram (``DRAFTED BY:`` ... ``APPROVED BY:`` ...).
    Drafting(d: &cable_core::Drafting<'_>, at) {
        /// The drafter as written (``"POL:MBURROWS"``).
        drafted: String = own(d.drafted.value),
        /// The clearances, in order (``("POL:PHILBURN", "ADCM:JGREENWALD")``).
        cleared: Tuple<String> = d.cleared.iter().map(|c| own(c.value)).collect(),
        /// The approver (``"AMB:SEEIZENSTAT"``), or None.
        approved: Option<String> = d.approved.map(|a| own(a.value)),
        /// ``(start, end)`` byte span of the block in ``Cable.text``.
        span: PySpan = py_span(d.span),
    }
    repr(s) { drafted: &s.drafted, approved: &s.approved }
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
