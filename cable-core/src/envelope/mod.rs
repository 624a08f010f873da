//! Envelopes: the containers cables are published in (a cablegate HTML page, a `cables.csv`
//! row) and the metadata they carry beside the telegram text.
//!
//! An envelope adapter turns its container into a [`Document`]: the telegram text (header and
//! body joined by a blank line) plus the container's own metadata as an [`Envelope`]. The parser
//! reads fields from the text; the envelope only fills gaps, and a disagreement becomes a
//! warning.

pub mod corpus;
pub mod csv;
pub mod html;
pub mod stream;

use crate::classification::Level;
use crate::span::Span;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::borrow::Cow;

/// Which container an [`Envelope`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnvelopeKind {
    /// A page of the cablegate site (`<table class='cable'>` + `<pre>` blocks).
    CablegateHtml,
    /// A row of `cables.csv`.
    CablesCsv,
}

crate::names::names!(EnvelopeKind {
    CablegateHtml => "cablegate_html",
    CablesCsv => "cables_csv",
});

/// Metadata the container holds about the cable, kept apart from what the text says.
///
/// Values are as written in the container (decoded from HTML character references or CSV
/// escapes).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Envelope<'a> {
    /// The container kind.
    pub kind: EnvelopeKind,
    /// Row id (first CSV column).
    pub row_id: Option<u64>,
    /// `Reference ID` cell / third CSV column.
    pub reference_id: Option<Cow<'a, str>>,
    /// `Created` cell (`2007-11-17 12:12`) / second CSV column (`11/17/2007 12:31`).
    pub created: Option<Cow<'a, str>>,
    /// `Released` cell (HTML only).
    pub released: Option<Cow<'a, str>>,
    /// `Classification` cell / fifth CSV column (`SECRET//NOFORN`).
    pub classification: Option<Cow<'a, str>>,
    /// `Origin` cell / fourth CSV column (`Embassy Moscow`).
    pub origin: Option<Cow<'a, str>>,
    /// Referenced ids, `|`-separated as in the sixth CSV column (HTML pages have none).
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_refs"))]
    pub references: Option<Cow<'a, str>>,
}

#[cfg(feature = "serde")]
fn serialize_refs<S: serde::Serializer>(refs: &Option<Cow<'_, str>>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(refs.as_deref().unwrap_or("").split('|').map(str::trim).filter(|r| !r.is_empty()))
}

impl<'a> Envelope<'a> {
    /// An envelope of `kind` with no field set.
    pub fn new(kind: EnvelopeKind) -> Self {
        Envelope {
            kind,
            row_id: None,
            reference_id: None,
            created: None,
            released: None,
            classification: None,
            origin: None,
            references: None,
        }
    }

    /// The referenced ids, split on `|`.
    pub fn reference_ids(&self) -> impl Iterator<Item = &str> {
        self.references.as_deref().unwrap_or("").split('|').map(str::trim).filter(|r| !r.is_empty())
    }

    /// The `created` value as a UTC date and time (`YYYY-MM-DD HH:MM` or `M/D/YYYY H:MM`).
    pub fn created_at(&self) -> Option<DateTime<Utc>> {
        parse_envelope_date(self.created.as_deref()?)
    }

    /// The classification level named by the envelope (`SECRET//NOFORN` → `Secret`).
    pub fn level(&self) -> Option<Level> {
        Level::from_published(self.classification.as_deref()?)
    }

    /// True when the envelope's minutes are known to be wrong, so dates compare to the hour
    /// only: the first cablegate pages carry the right date and hour, and as minute the hour on a
    /// 12-hour clock (`18:06` for `281848Z`, `12:12` for noon and midnight), and CSV files made
    /// from those pages (`cables-dev.csv`) carry the same minutes.
    pub fn minutes_unreliable(&self) -> bool {
        use chrono::Timelike;
        self.kind == EnvelopeKind::CablegateHtml
            || self.created_at().is_some_and(|t| t.minute() == if t.hour() % 12 == 0 { 12 } else { t.hour() % 12 })
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Envelope<'static> {
        fn own(c: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
            c.map(|c| Cow::Owned(c.into_owned()))
        }
        Envelope {
            kind: self.kind,
            row_id: self.row_id,
            reference_id: own(self.reference_id),
            created: own(self.created),
            released: own(self.released),
            classification: own(self.classification),
            origin: own(self.origin),
            references: own(self.references),
        }
    }
}

/// Parses `YYYY-MM-DD HH:MM` (cablegate pages) or `M/D/YYYY H:MM` (`cables.csv`) as UTC.
fn parse_envelope_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    // Nearly every date is `cables.csv`'s plain form, read here without chrono's format
    // interpreter (about 1,700 instructions a date, 1% of the parse of CSV rows); anything else,
    // and anything this does not take, goes the general way below, which gives the same result
    // for the form read here (a test holds them together).
    if let Some(d) = plain_csv_date(s.as_bytes()) {
        return d;
    }
    let (date, time) = s.split_once(' ').unwrap_or((s, "0:00"));
    let date = if date.contains('-') {
        NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?
    } else {
        NaiveDate::parse_from_str(date, "%m/%d/%Y").ok()?
    };
    let (h, m) = time.trim().split_once(':')?;
    let dt: NaiveDateTime = date.and_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)?;
    Some(dt.and_utc())
}

/// `M/D/YYYY H:MM` with one or two digits for month, day and hour, four for the year and two for
/// the minutes, nothing else: `Some` of the date (`None` in it when there is no such day or time),
/// or `None` when `b` is not in this form.
fn plain_csv_date(b: &[u8]) -> Option<Option<DateTime<Utc>>> {
    let mut at = 0;
    // Digits up to `max` of them, then `end` (or the end of `b` for the minutes).
    let mut number = |min: usize, max: usize, end: Option<u8>| -> Option<u32> {
        let start = at;
        let mut n = 0u32;
        while at < b.len() && b[at].is_ascii_digit() && at - start < max {
            n = n * 10 + u32::from(b[at] - b'0');
            at += 1;
        }
        if at - start < min {
            return None;
        }
        match end {
            Some(e) if b.get(at) == Some(&e) => at += 1,
            Some(_) => return None,
            None if at != b.len() => return None,
            None => {}
        }
        Some(n)
    };
    let month = number(1, 2, Some(b'/'))?;
    let day = number(1, 2, Some(b'/'))?;
    let year = number(4, 4, Some(b' '))?;
    let hour = number(1, 2, Some(b':'))?;
    let minute = number(2, 2, None)?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day);
    Some(date.and_then(|d| d.and_hms_opt(hour, minute, 0)).map(|dt| dt.and_utc()))
}

/// The text of a [`Document`]: borrowed, owned, or a buffer shared with its owner (a Python
/// `str`), so that a binding can hand its string to the parser without copying it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DocText<'a> {
    Cow(Cow<'a, str>),
    Shared(SharedText),
}

impl DocText<'_> {
    fn as_str(&self) -> &str {
        match self {
            DocText::Cow(c) => c,
            DocText::Shared(s) => s.0.as_ref().as_ref(),
        }
    }
}

/// Text kept alive by reference counting, never copied (see [`Document::shared`]).
#[derive(Clone)]
struct SharedText(std::sync::Arc<dyn AsRef<str> + Send + Sync>);

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_ref().as_ref() == other.0.as_ref().as_ref()
    }
}

impl Eq for SharedText {}

impl std::fmt::Debug for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0.as_ref().as_ref(), f)
    }
}

/// A [`Document`] as plain values ([`Document::to_parts`]): the text; the envelope's kind name,
/// row id and text fields in declaration order; the number of replaced characters and their
/// spans as `(start, end)`; the source.
pub type DocumentParts =
    (String, Option<(String, Option<u64>, [Option<String>; 6])>, usize, Vec<(u32, u32)>, Option<String>);

/// One unit of input: the telegram text and, when it came in a container, the envelope.
///
/// Plain text is borrowed as is; HTML pages and CSV rows yield owned text (decoding character
/// references and escapes is the one place where text is copied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    text: DocText<'a>,
    envelope: Option<Envelope<'a>>,
    /// Characters that replaced invalid bytes when the text was decoded.
    replaced: usize,
    replaced_spans: Vec<Span>,
    /// Where it was read (see [`Document::source`]).
    source: Option<Box<str>>,
}

impl<'a> Document<'a> {
    /// A document of plain telegram text with no envelope.
    pub fn plain(text: impl Into<Cow<'a, str>>) -> Self {
        Document {
            text: DocText::Cow(text.into()),
            envelope: None,
            replaced: 0,
            replaced_spans: Vec::new(),
            source: None,
        }
    }

    /// A document of bytes in whatever encoding the file had: UTF-8 is borrowed, other bytes are
    /// decoded as described in [`crate::decode`], and each replacement becomes a
    /// [`LossyDecoding`](crate::WarningKind::LossyDecoding) warning when the document is parsed.
    pub fn from_bytes(bytes: &'a [u8]) -> Self {
        Self::from_decoded(crate::decode::decode(bytes))
    }

    /// A document of text already decoded from bytes, with its replacements.
    pub(crate) fn from_decoded(d: crate::decode::Decoded<'a>) -> Self {
        Document {
            text: DocText::Cow(d.text),
            envelope: None,
            replaced: d.replaced,
            replaced_spans: d.spans,
            source: None,
        }
    }

    /// A document of plain text owned by someone else and shared, not copied: a binding's
    /// string object (a Python `str`) that stays alive as long as the document.
    pub fn shared(text: impl AsRef<str> + Send + Sync + 'static) -> Document<'static> {
        let text = DocText::Shared(SharedText(std::sync::Arc::new(text)));
        Document { text, envelope: None, replaced: 0, replaced_spans: Vec::new(), source: None }
    }

    /// Records that the text was decoded lossily: `replaced` characters, at `spans` (each becomes
    /// a [`LossyDecoding`](crate::WarningKind::LossyDecoding) warning when the document is
    /// parsed). For byte-input entry points that decode themselves, e.g. a page decoded before
    /// its markup is removed, where only an empty span at the start can stand for the whole text.
    pub fn with_replacements(mut self, replaced: usize, spans: Vec<Span>) -> Self {
        self.replaced = replaced;
        self.replaced_spans = spans;
        self
    }

    /// How many characters of the text replaced bytes that were not valid UTF-8 (or control
    /// characters) when it was decoded.
    pub fn replaced(&self) -> usize {
        self.replaced
    }

    /// Spans of the first replaced characters (at most [`crate::decode::MAX_RECORDED`]).
    pub fn replaced_spans(&self) -> &[Span] {
        &self.replaced_spans
    }

    /// A document of `text` that came with `envelope`.
    pub fn with_envelope(text: impl Into<Cow<'a, str>>, envelope: Envelope<'a>) -> Self {
        Document {
            text: DocText::Cow(text.into()),
            envelope: Some(envelope),
            replaced: 0,
            replaced_spans: Vec::new(),
            source: None,
        }
    }

    /// Joins a header and a body the way both containers store them (two blocks, two columns)
    /// into one telegram text, separated by a blank line.
    pub fn join_parts(header: &str, body: &str) -> String {
        let header = header.trim_end_matches(['\n', '\r', ' ']);
        let mut text = String::with_capacity(header.len() + body.len() + 2);
        text.push_str(header);
        if !header.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(body);
        text
    }

    /// The document, labelled with where it was read (see [`source`](Self::source)).
    pub fn with_source(mut self, source: impl Into<Box<str>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Where the document was read, as the corpus walk names it: the file's path, `path:row`
    /// for a row of a `cables.csv` file (see [`csv::row_source`]), the label of a stream (`-`
    /// for standard input). `None` for text handed over directly. It travels with the parsed
    /// cable ([`OwnedCable::source`](crate::OwnedCable::source)), so that every surface names a
    /// table row's input the same way.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The telegram text; spans of the parsed cable index into it.
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// The container's metadata.
    pub fn envelope(&self) -> Option<&Envelope<'a>> {
        self.envelope.as_ref()
    }

    /// Parses the text with default options, attaching the envelope.
    pub fn parse(&self) -> Result<crate::Cable<'_>, crate::ParseError> {
        crate::ParseOptions::default().parse_document(self)
    }

    /// The document as plain values, to carry it across a process boundary (Python's pickling)
    /// and rebuild it with [`from_parts`](Self::from_parts).
    pub fn to_parts(&self) -> DocumentParts {
        let envelope = self.envelope.as_ref().map(|e| {
            let fields = [&e.reference_id, &e.created, &e.released, &e.classification, &e.origin, &e.references];
            (e.kind.as_str().to_owned(), e.row_id, fields.map(|f| f.as_deref().map(str::to_owned)))
        });
        let spans = self.replaced_spans.iter().map(|s| (s.start, s.end)).collect();
        (self.text().to_owned(), envelope, self.replaced, spans, self.source().map(str::to_owned))
    }

    /// The document of [`to_parts`](Self::to_parts); without an envelope if its kind's name is
    /// unknown.
    pub fn from_parts((text, envelope, replaced, spans, source): DocumentParts) -> Document<'static> {
        let envelope = envelope.and_then(|(kind, row_id, fields)| {
            let kind = *EnvelopeKind::ALL.iter().find(|k| k.as_str() == kind)?;
            let [reference_id, created, released, classification, origin, references] =
                fields.map(|f| f.map(Cow::Owned));
            Some(Envelope { kind, row_id, reference_id, created, released, classification, origin, references })
        });
        let replaced_spans = spans.into_iter().map(|(start, end)| Span::new(start, end)).collect();
        let text = DocText::Cow(Cow::Owned(text));
        Document { text, envelope, replaced, replaced_spans, source: source.map(Into::into) }
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Document<'static> {
        Document {
            text: match self.text {
                DocText::Cow(c) => DocText::Cow(Cow::Owned(c.into_owned())),
                DocText::Shared(s) => DocText::Shared(s),
            },
            envelope: self.envelope.map(Envelope::into_owned),
            replaced: self.replaced,
            replaced_spans: self.replaced_spans,
            source: self.source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Timelike};

    #[test]
    fn envelope_dates_in_both_layouts() {
        let d = parse_envelope_date("2007-11-17 12:12").unwrap();
        assert_eq!((d.year(), d.month(), d.day(), d.hour(), d.minute()), (2007, 11, 17, 12, 12));
        let d = parse_envelope_date("12/28/1966 18:48").unwrap();
        assert_eq!((d.year(), d.month(), d.day(), d.hour(), d.minute()), (1966, 12, 28, 18, 48));
        assert!(parse_envelope_date("13/45/2000 1:00").is_none());
    }

    #[test]
    fn plain_csv_dates_read_as_chrono_reads_them() {
        // The general way, as `parse_envelope_date` has it after its shortcut.
        fn general(s: &str) -> Option<DateTime<Utc>> {
            let (date, time) = s.split_once(' ')?;
            let date = NaiveDate::parse_from_str(date, "%m/%d/%Y").ok()?;
            let (h, m) = time.trim().split_once(':')?;
            Some(date.and_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)?.and_utc())
        }
        let mut taken = 0;
        for month in ["1", "01", "12", "13", "0", "123"] {
            for day in ["1", "09", "28", "29", "31", "32", "0"] {
                for year in ["1966", "2000", "2010", "1900", "0999"] {
                    for time in ["0:00", "9:05", "18:48", "23:59", "24:00", "12:60", "1:5", "001:00"] {
                        let s = format!("{month}/{day}/{year} {time}");
                        if let Some(d) = plain_csv_date(s.as_bytes()) {
                            taken += 1;
                            assert_eq!(d, general(&s), "{s}");
                        }
                        assert_eq!(parse_envelope_date(&s), general(&s), "{s}");
                    }
                }
            }
        }
        assert!(taken > 1000, "{taken}");
        // Not the plain form: left to the general way.
        for s in ["2/29/2000", "2/29/2000 1:00 ", "+2/29/2000 1:00", "2/29/20000 1:00", "2/29/2000 1:00:00"] {
            assert!(plain_csv_date(s.as_bytes()).is_none(), "{s}");
        }
    }

    #[test]
    fn parts_join_with_one_blank_line() {
        assert_eq!(Document::join_parts("P 1\nFM X\n", "UNCLAS X 1"), "P 1\nFM X\n\nUNCLAS X 1");
        assert_eq!(Document::join_parts("", "UNCLAS X 1"), "UNCLAS X 1");
    }

    #[test]
    fn documents_rebuild_from_their_parts() {
        let mut e = Envelope::new(EnvelopeKind::CablesCsv);
        e.row_id = Some(17);
        e.created = Some("11/17/2007 12:31".into());
        e.references = Some("07MOSCOW1|07STATE2".into());
        let doc =
            Document::with_envelope("UNCLAS X 1", e).with_replacements(1, vec![Span::new(3, 4)]).with_source("a:2");
        let parts = doc.to_parts();
        let (kind, row_id, fields) = parts.1.clone().unwrap();
        assert_eq!((kind.as_str(), row_id, fields[1].as_deref()), ("cables_csv", Some(17), Some("11/17/2007 12:31")));
        assert_eq!(Document::from_parts(parts.clone()), doc);
        let unknown = (parts.0, Some(("zip".to_owned(), None, fields)), 0, vec![], None);
        assert_eq!(Document::from_parts(unknown), Document::plain("UNCLAS X 1"));
    }
}
