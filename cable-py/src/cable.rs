//! `cable.Cable`: one parsed cable, owning its text.

use crate::objects::At;
use crate::objects::{
    Break, ClassifiedBy, DocumentMarking, Drafting, Envelope, ExecutiveOrder, Link, Marking, Paragraph, ParseWarning,
    Passage, Recipient, Reference, Routing, Section, py_repr, py_span, shorten,
};
use crate::topy::to_py;
use cable_core::OwnedCable;
use cable_core::pick::Step;
use chrono::{DateTime, Utc};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;
use std::sync::Arc;

/// A parsed cable. Read-only; every property is computed from the cable's text when it is read.
///
/// Obtained from ``cable.parse()``, ``cable.parse_html()``, ``cable.parse_file()``, or by
/// iterating ``cable.read_csv()`` / ``cable.read_dir()``. The object holds the text it was parsed
/// from (``text``); spans are ``(start, end)`` byte offsets into its UTF-8 encoding.
/// ``to_dict()`` and ``to_json()`` give the JSON contract of the README.
#[pyclass(frozen, module = "cable", name = "Cable", skip_from_py_object)]
pub struct PyCable {
    owned: Arc<OwnedCable>,
    /// `paragraphs`, made on first read (their text is cleaned then) and kept.
    paragraphs: PyOnceLock<Py<PyTuple>>,
    /// The `year=` option it was parsed with (kept for pickling).
    year: Option<i32>,
}

impl PyCable {
    pub(crate) fn new(owned: OwnedCable, year: Option<i32>) -> Self {
        PyCable { owned: Arc::new(owned), paragraphs: PyOnceLock::new(), year }
    }

    pub(crate) fn owned(&self) -> &OwnedCable {
        &self.owned
    }

    pub(crate) fn cable(&self) -> &cable_core::Cable<'_> {
        self.owned.cable()
    }

    /// The place `path` of this cable's serialisation, for an object's `to_dict()`.
    fn at(&self, path: &[Step]) -> At {
        At::new(&self.owned, path)
    }

    /// The object made from the value of `key`, knowing its place; None when absent.
    fn one<T, O>(&self, key: &'static str, value: Option<T>, make: impl Fn(T, At) -> O) -> Option<O> {
        value.map(|v| make(v, self.at(&[Step::Key(key)])))
    }

    /// Objects made from the elements of a list, each knowing its place (`key`, index).
    fn list<'py, T, O: IntoPyObject<'py>>(
        &self,
        py: Python<'py>,
        key: &'static str,
        items: impl IntoIterator<Item = T>,
        make: impl Fn(T, At) -> O,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let at = |i| self.at(&[Step::Key(key), Step::Index(i)]);
        let objects: Vec<O> = items.into_iter().enumerate().map(|(i, v)| make(v, at(i))).collect();
        PyTuple::new(py, objects)
    }
}

/// The `Cable` methods: each simple getter is a line `name(s) -> Type = value` (`s` the
/// object; `name(s, py)` also takes the interpreter), the others are written out after
/// `@methods`. One `#[pymethods]` block is made of both.
macro_rules! cable_methods {
    (
        $($(#[$doc:meta])* $name:ident($s:ident $(, $py:ident)?) -> $ret:ty = $value:expr;)*
        @methods { $($extra:tt)* }
    ) => {
        #[pymethods]
        impl PyCable {
            $(
                $(#[$doc])*
                #[getter]
                #[allow(clippy::extra_unused_lifetimes)]
                fn $name<'py>(&self $(, $py: Python<'py>)?) -> $ret {
                    let $s = self;
                    $value
                }
            )*
            $($extra)*
        }
    };
}

cable_methods! {
    /// Reference id: two-digit year, station, serial without leading zeros (``"07MOSCOW5434"``);
    /// None when the station and serial or the year are unknown.
    reference_id(s) -> Option<&str> = s.cable().reference_id();
    /// Transmission id, format line 1 (``"VZCZCXRO9060"``), or None.
    transmission_id(s) -> Option<&str> = s.cable().transmission_id();
    /// When the cable was sent: the date-time group as a timezone-aware ``datetime`` in UTC (the
    /// envelope's date when the text has none), or None.
    created(s) -> Option<DateTime<Utc>> = s.cable().created();
    /// The date-time group as written (``"171231Z NOV 07"``), or None.
    dtg(s) -> Option<&str> = s.cable().dtg().map(|d| d.raw);
    /// Action precedence of the date-time group: ``"ROUTINE"``, ``"PRIORITY"``,
    /// ``"IMMEDIATE"``, ``"NIACT IMMEDIATE"``, ``"FLASH"``, ``"EMERGENCY"``, or None.
    precedence(s) -> Option<&'static str> = s.cable().precedence().map(|p| p.as_str());
    /// Info precedence, when the date-time-group line gives two (``O P 071948Z ...``), or None.
    info_precedence(s) -> Option<&'static str> = s.cable().dtg().and_then(|d| d.info_precedence).map(|p| p.as_str());
    /// The originator, the ``FM`` line (``"AMEMBASSY MOSCOW"``), or None.
    sender(s) -> Option<&str> = s.cable().sender();
    /// Station of the reference id (``"MOSCOW"``), known even when the year is not; or None.
    origin(s) -> Option<&str> = s.cable().origin();
    /// Serial of the reference id (``5434``), or None.
    serial(s) -> Option<u32> = s.cable().serial();
    /// Action addressees (``TO``), a tuple of ``Recipient``.
    to(s, py) -> PyResult<Bound<'py, PyTuple>> = s.list(py, "to", s.cable().to(), Recipient::new);
    /// Information addressees (``INFO``), a tuple of ``Recipient``.
    info(s, py) -> PyResult<Bound<'py, PyTuple>> = s.list(py, "info", s.cable().info(), Recipient::new);
    /// Format lines 1–4 of the routing header (a ``Routing``; its fields are None when the
    /// cable has no routing header).
    routing(s) -> Routing = Routing::new(s.cable().routing(), s.at(&[Step::Key("routing")]));
    /// Classification level: ``"UNCLASSIFIED"``, ``"SBU"``, ``"LIMITED OFFICIAL USE"``,
    /// ``"CONFIDENTIAL"``, ``"SECRET"``, ``"TOP SECRET"``, or None.
    classification(s) -> Option<&'static str> = s.cable().classification().map(|l| l.as_str());
    /// Captions and handling caveats in order, without repeats (``("SIPDIS", "NOFORN")``).
    caveats(s, py) -> PyResult<Bound<'py, PyTuple>> =
        PyTuple::new(py, s.cable().caveats().iter().map(|c| c.value.as_ref()));
    /// The marking of the whole text when a paragraph declares one (``1. CONFIDENTIAL - ENTIRE
    /// TEXT.``) as a ``DocumentMarking``, or None.
    document_marking(s) -> Option<DocumentMarking> =
        s.one("document_marking", s.cable().document_marking().as_ref(), DocumentMarking::new);
    /// Distribution lines (``STATE FOR ...``, ``PASS TO ...``), joined when they wrap.
    distribution(s, py) -> PyResult<Bound<'py, PyTuple>> =
        PyTuple::new(py, s.cable().distribution().iter().map(|t| t.as_str()));
    /// ``SECTION 01 OF 02`` as a ``Section``, or None.
    section(s) -> Option<Section> = s.one("section", s.cable().section(), Section::new);
    /// The ``E.O.`` line as an ``ExecutiveOrder``, or None.
    eo(s) -> Option<ExecutiveOrder> = s.one("eo", s.cable().eo(), ExecutiveOrder::new);
    /// TAGS, canonical: upper case, in order, without repeats, misspellings fixed and glued
    /// tags split (``("PREL", "PGOV", ...)``; ``ECONEFIN`` gives ``"ECON", "EFIN"``).
    tags(s, py) -> PyResult<Bound<'py, PyTuple>> = PyTuple::new(py, s.cable().tags().iter().map(|t| t.as_str()));
    /// TAGS as written (upper case, in order, without repeats), before canonicalisation.
    tags_raw(s, py) -> PyResult<Bound<'py, PyTuple>> =
        PyTuple::new(py, s.cable().tags_raw().iter().map(|t| t.as_str()));
    /// The subject joined into one line, case kept, or None.
    subject(s) -> Option<&str> = s.cable().subject();
    /// A portion marking at the start of the subject (``SUBJECT: (C) ...``) as a ``Marking``,
    /// or None.
    subject_marking(s) -> Option<Marking> = s.one("subject_marking", s.cable().subject_marking(), Marking::new);
    /// The ``REF`` block, a tuple of ``Reference``.
    references(s, py) -> PyResult<Bound<'py, PyTuple>> =
        s.list(py, "references", s.cable().references(), Reference::new);
    /// The ``Classified By:`` line as a ``ClassifiedBy``, or None.
    classified_by(s) -> Option<ClassifiedBy> = s.one("classified_by", s.cable().classified_by(), ClassifiedBy::new);
    /// True for a partial record (``This record is a partial extract ...``, ``PAGE 01`` /
    /// ``INFO LOG-00`` header blocks).
    partial(s) -> bool = s.cable().partial();
    /// The container's metadata (an ``Envelope``) for pages and CSV rows; None for plain text.
    envelope(s) -> Option<Envelope> = s.one("envelope", s.cable().envelope(), Envelope::new);
    /// The summary (``Summary:`` ... ``End Summary.``, ``BEGIN SUMMARY``, a ``Summary`` heading) as
    /// a ``Passage``, or None.
    summary(s) -> Option<Passage> = s.one("summary", s.cable().summary(), Passage::new);
    /// The comment (``Comment:`` ... ``End Comment.``, or the paragraphs under a ``Comment``
    /// heading) as a ``Passage``, or None.
    comment(s) -> Option<Passage> = s.one("comment", s.cable().comment(), Passage::new);
    /// The action request (``ACTION REQUEST:``, ``Action requested.``, an ``Action Request``
    /// heading) as a ``Passage``, or None.
    action_request(s) -> Option<Passage> = s.one("action_request", s.cable().action_request(), Passage::new);
    /// Inline notes and comments in parentheses (``(Note: ... End note.)``, ``(Comment: ...)``),
    /// a tuple of ``Passage`` of kind ``"note"`` or ``"inline_comment"``.
    notes(s, py) -> PyResult<Bound<'py, PyTuple>> = s.list(py, "notes", s.cable().notes(), Passage::new);
    /// Cross-references in the paragraphs' text (``REF A``, ``reftel``, ``septel``, ``para 13``,
    /// ``para 2 of REF A``), a tuple of ``Link`` in text order.
    links(s, py) -> PyResult<Bound<'py, PyTuple>> = s.list(py, "links", s.cable().links().iter(), Link::new);
    /// The signature as written, the last line of names (``"BURNS"``, ``"KEEGAN PAAL"``), or None.
    signature(s) -> Option<&str> = s.cable().signature().map(|s| s.value);
    /// The names of the signature, split (``"KEEGAN PAAL"`` → ``("KEEGAN", "PAAL")``).
    signers(s, py) -> PyResult<Bound<'py, PyTuple>> = PyTuple::new(py, s.cable().signers());
    /// The drafting block (``DRAFTED BY:``, ``CLEARED:``, ``APPROVED BY:``) as a ``Drafting``, or
    /// None.
    drafting(s) -> Option<Drafting> = s.one("drafting", s.cable().drafting().as_ref(), Drafting::new);
    /// ``(start, end)`` byte spans of the redactions (``XXXXXXXXXXXX`` runs), in text order; the
    /// JSON has them as ``{"count": ..., "spans": [...]}``.
    redactions(s, py) -> PyResult<Bound<'py, PyTuple>> =
        PyTuple::new(py, s.cable().redactions().iter().map(|s| py_span(*s)));
    /// Page and section breaks in the body, cut out of the text they interrupt: a tuple of
    /// ``Break``.
    breaks(s, py) -> PyResult<Bound<'py, PyTuple>> = s.list(py, "breaks", s.cable().breaks(), Break::new);
    /// The sections of a telegram sent in sections, as the JSON's ``sections``: a list of dicts
    /// ``{"number", "total", "span", "header_span"}`` (spans as ``[start, end]``); empty for a
    /// text of one section.
    sections(s, py) -> PyResult<Bound<'py, PyAny>> = crate::topy::to_py(py, &s.cable().sections());
    /// The text the cable was parsed from (for pages and CSV rows: the decoded header and body
    /// joined by a blank line). Spans index into its UTF-8 encoding.
    text(s) -> &str = s.owned.text();
    /// The body: everything after the metadata block, as written.
    body(s) -> &str = s.cable().body();
    /// Where the cable was read, as the ``cable`` command names it (the ``source`` column of
    /// the tables): ``"cables.csv:17"`` for a row (``read_csv``, ``read_dir``), the path of a
    /// file (``parse_file``, ``read_dir``); None for text handed to ``parse()``.
    source(s) -> Option<&str> = s.owned.source();
    /// Everything odd but usable the parser met, in text order: a tuple of ``ParseWarning``.
    /// Bytes replaced while decoding are ``lossy_decoding`` warnings.
    warnings(s, py) -> PyResult<Bound<'py, PyTuple>> =
        s.list(py, "warnings", s.cable().warnings(), |w, at| ParseWarning::new((w, s.cable()), at));
    /// Byte spans ``(start, end)`` of the parts and single-valued fields, as in the JSON
    /// ``spans`` object: ``header``, ``metadata``, ``body``, ``transmission_id``, ``dtg``,
    /// ``sender``, ``banner``, ``eo``, ``tags`` (a list, one per tag), ``subject``,
    /// ``classified_by``. Absent parts are None. Spans are ``[start, end]`` lists here, as in JSON.
    // The core's serialisation of that one key, so that it is the JSON's `spans` object.
    spans(s, py) -> PyResult<Bound<'py, PyAny>> = to_py(py, &s.cable().spans_serialized());

    @methods {
        /// The paragraphs of the body in text order, a tuple of ``Paragraph``: numbered paragraphs
        /// (``1. (C) ...``) or, in cables without numbers, blocks of text between blank lines. Their
        /// text is cleaned (page breaks cut out, lines joined) when this property is read.
        #[getter]
        fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let make = || self.list(py, "paragraphs", self.cable().paragraphs(), Paragraph::new).map(Bound::unbind);
            Ok(self.paragraphs.get_or_try_init(py, make)?.bind(py).clone())
        }

        /// The paragraph numbered ``number`` (the first, if the number repeats), or None.
        fn paragraph(&self, number: u32) -> Option<Paragraph> {
            let c = self.cable();
            let i = c.paragraphs().iter().position(|p| p.number() == Some(number))?;
            Some(Paragraph::new(&c.paragraphs()[i], self.at(&[Step::Key("paragraphs"), Step::Index(i)])))
        }

        /// The cable as a dict with exactly the keys and values of the JSON contract
        /// (``json.loads(cable.to_json())``).
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, self.cable())
        }

        /// The cable as a JSON object (the output contract); ``indent=True`` pretty-prints it.
        #[pyo3(signature = (*, indent = false))]
        fn to_json(&self, indent: bool) -> String {
            if indent { self.cable().to_json_pretty() } else { self.cable().to_json() }
        }

        /// Pickling (``copy``, ``multiprocessing``): the document (text, envelope, decoding
        /// replacements) and the options, parsed again when unpickled.
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
            let rebuild = py.get_type::<PyCable>().getattr(intern!(py, "_rebuild"))?;
            Ok((rebuild, (self.owned.document().to_parts(), self.year).into_pyobject(py)?))
        }

        /// Rebuilds a pickled cable (used by ``__reduce__``; not part of the API).
        #[classmethod]
        fn _rebuild(
            _cls: &Bound<'_, pyo3::types::PyType>,
            py: Python<'_>,
            parts: cable_core::envelope::DocumentParts,
            year: Option<i32>,
        ) -> PyResult<PyCable> {
            let doc = cable_core::Document::from_parts(parts);
            let (opts, _) = crate::input::options(year, "replace")?;
            let parsed = crate::input::detached(py, || Ok(cable_core::OwnedCable::from_document(doc, &opts)?));
            parsed.map(|c| PyCable::new(c, year))
        }

        /// ``<Cable 07MOSCOW5434 CONFIDENTIAL 2007-11-17 'KOSOVO: RUSSIAN FORECAST ...'>``.
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            let c = self.cable();
            let reference = || c.reference().map_or_else(|| "?".to_owned(), |r| r.to_string());
            let id = c.reference_id().map_or_else(reference, str::to_owned);
            let level = c.classification().map_or("?", |l| l.as_str());
            let date = c.created().map_or_else(|| "?".to_owned(), |d| d.format("%Y-%m-%d").to_string());
            let mut out = format!("<Cable {id} {level} {date}");
            if let Some(subject) = c.subject() {
                out.push(' ');
                out.push_str(&py_repr(py, &shorten(subject, 25))?);
            }
            out.push('>');
            Ok(out)
        }
    }
}
