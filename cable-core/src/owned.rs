//! `OwnedCable`: a cable that owns its text, for callers that cannot hold a borrow (the C library,
//! the Python package, worker threads).

use crate::ParseOptions;
use crate::envelope::Document;
use crate::envelope::corpus::{Form, Input};
use crate::envelope::html::HtmlError;
use crate::error::ParseError;
use crate::model::Cable;

self_cell::self_cell!(
    /// The document and the cable parsed from it, in one value.
    struct Inner {
        owner: Document<'static>,
        #[covariant]
        dependent: Cable,
    }
    impl {Debug}
);

/// A parsed cable together with the text (and envelope) it borrows from.
///
/// The text is moved in, never copied again: every field of [`cable`](Self::cable) is still a
/// slice of it. `OwnedCable` is `Send + Sync`.
///
/// ```
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
/// let owned = cable_core::OwnedCable::parse(text)?;
/// assert_eq!(owned.cable().reference_id(), Some("07MOSCOW5434"));
/// # Ok::<(), cable_core::ParseError>(())
/// ```
#[derive(Debug)]
pub struct OwnedCable(Inner);

impl OwnedCable {
    /// Parses `text` with default options.
    pub fn parse(text: String) -> Result<Self, ParseError> {
        Self::from_document(Document::plain(text), &ParseOptions::default())
    }

    /// Parses a document (plain text, a page, a CSV row) with `options`.
    pub fn from_document(doc: Document<'static>, options: &ParseOptions) -> Result<Self, ParseError> {
        Inner::try_new(doc, |doc| {
            // A held cable does not keep the split's line table (32 bytes a line, about half
            // the text's size again): it only spares the JSON writer finding the lines anew,
            // and a caller that holds many cables (Python, C) would pay for it in memory.
            options.parse_document(doc).map(|mut cable| {
                cable.lines = Vec::new();
                cable
            })
        })
        .map(OwnedCable)
    }

    /// [`from_document`](Self::from_document), refusing with `strict` a document whose text
    /// was decoded lossily (a CSV row with bytes that are not UTF-8), as
    /// [`from_bytes`](Self::from_bytes) refuses such bytes: [`BytesError::Encoding`] at the first
    /// replaced character (0 when only their number is known).
    pub fn from_document_strict(
        doc: Document<'static>,
        options: &ParseOptions,
        strict: bool,
    ) -> Result<Self, BytesError> {
        if strict && doc.replaced() > 0 {
            let offset = doc.replaced_spans().first().map_or(0, |s| s.start as usize);
            let pos = crate::LineCol::find(doc.text(), offset);
            return Err(BytesError::Encoding { offset: offset as u64, pos });
        }
        Ok(Self::from_document(doc, options)?)
    }

    /// Parses bytes as read from a file or handed over by a binding: the one byte entry point
    /// of the C library and the Python package. In order: the size limit and the binary check
    /// on the bytes themselves (decoding would hide the NUL and control bytes that reveal binary
    /// data); with `strict`, the first byte that decoding would replace is an error; then the
    /// bytes are decoded (see [`crate::decode`]) and read as `form` (a page's table becomes the
    /// envelope). A `cables.csv` file holds many cables and is refused: read it with
    /// [`CsvReader`](crate::envelope::csv::CsvReader) or walk it with
    /// [`Corpus`](crate::envelope::corpus::Corpus).
    pub fn from_bytes(bytes: &[u8], form: Form, options: &ParseOptions, strict: bool) -> Result<Self, BytesError> {
        Self::from_labelled_bytes(bytes, form, options, strict, None)
    }

    /// One file opened by [`read_file`](crate::envelope::corpus::read_file) (or a stream by
    /// [`read_limited`](crate::envelope::corpus::read_limited)), read as
    /// [`from_bytes`](Self::from_bytes) reads bytes, with `source` (its path) as the cable's
    /// [`source`](Self::source). A file over the size limit is
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge), a `cables.csv` file
    /// [`BytesError::Csv`].
    pub fn from_input(input: Input, source: &str, options: &ParseOptions, strict: bool) -> Result<Self, BytesError> {
        match input {
            Input::Bytes(form, bytes) => Self::from_labelled_bytes(&bytes, form, options, strict, Some(source)),
            Input::TooLarge { limit } => Err(ParseError::too_large(limit).into()),
            Input::Csv(_) => Err(BytesError::Csv),
        }
    }

    fn from_labelled_bytes(
        bytes: &[u8],
        form: Form,
        options: &ParseOptions,
        strict: bool,
        source: Option<&str>,
    ) -> Result<Self, BytesError> {
        options.check_bytes(bytes)?;
        let decoded = crate::decode::decode(bytes);
        if strict && decoded.replaced > 0 {
            let offset = decoded.spans.first().map_or(0, |s| s.start as usize);
            let pos = crate::LineCol::find(&decoded.text, offset);
            return Err(BytesError::Encoding { offset: offset as u64, pos });
        }
        let doc = match form {
            Form::Text => Document::from_decoded(decoded).into_owned(),
            Form::Html => crate::envelope::html::page_from_decoded(&decoded)?,
            _ => return Err(BytesError::Csv),
        };
        let doc = match source {
            Some(s) => doc.with_source(s),
            None => doc,
        };
        Ok(Self::from_document(doc, options)?)
    }

    /// The parsed cable.
    pub fn cable(&self) -> &Cable<'_> {
        self.0.borrow_dependent()
    }

    /// The document it was parsed from (text and envelope).
    pub fn document(&self) -> &Document<'static> {
        self.0.borrow_owner()
    }

    /// Where the cable was read: see [`Document::source`] (`cables.csv:17`, a page's path).
    pub fn source(&self) -> Option<&str> {
        self.document().source()
    }

    /// The text every span of the cable indexes into.
    pub fn text(&self) -> &str {
        self.0.borrow_owner().text()
    }
}

/// Why bytes could not be turned into a cable (see [`OwnedCable::from_bytes`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BytesError {
    /// The text holds no cable (empty, binary, too large, no cable line).
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// Strict decoding: the bytes are not UTF-8 (or hold a control character) at `offset`.
    #[error("invalid UTF-8 at byte {offset} ({pos})")]
    Encoding {
        /// Offset of the first byte that would be replaced.
        offset: u64,
        /// Its line and column.
        pos: crate::LineCol,
    },
    /// A page without a `<pre>` block.
    #[error(transparent)]
    Html(#[from] HtmlError),
    /// A `cables.csv` file: many cables, not one.
    #[error("a cables.csv file holds many cables: read it row by row (read_csv() in Python, cable_csv_open() in C)")]
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A held cable drops the line table, and its JSON (paragraph texts and items found in the
    /// text again) is the same as a borrowed parse's (read off the table).
    #[test]
    fn held_cables_drop_the_line_table_and_write_the_same_json() {
        let seed = include_str!("../../examples/07MOSCOW5434.txt");
        let borrowed = crate::parse(seed).expect("the seed parses");
        let owned = OwnedCable::parse(seed.to_owned()).expect("the seed parses");
        assert!(!borrowed.lines.is_empty());
        assert!(owned.cable().lines.is_empty());
        assert!(owned.cable().paragraphs().len() > 5);
        assert_eq!(owned.cable().to_json(), borrowed.to_json());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        owned.cable().write_json_line(None, &mut a);
        borrowed.write_json_line(None, &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn owned_cables_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<OwnedCable>();
        send_sync::<Cable<'static>>();
        let owned = OwnedCable::parse(
            "O 171231Z NOV 07\nFM AMEMBASSY MOSCOW\n\nC O N F I D E N T I A L MOSCOW 005434\n".into(),
        )
        .expect("a cable");
        let id = std::thread::spawn(move || owned.cable().reference_id().map(str::to_owned)).join().unwrap();
        assert_eq!(id.as_deref(), Some("07MOSCOW5434"));
    }

    #[test]
    fn bytes_are_decoded_checked_and_read_as_their_form() {
        let opts = ParseOptions::default();
        let text = b"UNCLAS MOSCOW 005434\n\nSUBJECT: CAF\xc9 TALKS\n";
        let c = OwnedCable::from_bytes(text, Form::Text, &opts, false).unwrap();
        assert_eq!(c.cable().subject(), Some("CAF\u{c9} TALKS"));
        assert!(c.cable().warnings().iter().any(|w| w.kind == crate::WarningKind::LossyDecoding));
        let e = OwnedCable::from_bytes(text, Form::Text, &opts, true).unwrap_err();
        assert_eq!(e, BytesError::Encoding { offset: 34, pos: crate::LineCol { line: 3, column: 13 } });
        // A document decoded already (a CSV row) is refused the same way.
        let doc = || Document::from_bytes(text).into_owned();
        assert_eq!(OwnedCable::from_document_strict(doc(), &opts, true).unwrap_err(), e);
        assert!(OwnedCable::from_document_strict(doc(), &opts, false).is_ok());
        let page = b"<table class='cable'></table><pre>UNCLAS MOSCOW 005434</pre>";
        let c = OwnedCable::from_bytes(page, Form::Html, &opts, false).unwrap();
        assert_eq!(c.cable().envelope().map(|e| e.kind), Some(crate::EnvelopeKind::CablegateHtml));
        assert_eq!(
            OwnedCable::from_bytes(b"<html></html>", Form::Html, &opts, false).unwrap_err(),
            HtmlError::NoPreBlock.into()
        );
        assert_eq!(OwnedCable::from_bytes(b"x", Form::Csv, &opts, false).unwrap_err(), BytesError::Csv);
        let e = OwnedCable::from_bytes(b"\0\0\0\0PK", Form::Text, &opts, false).unwrap_err();
        assert!(matches!(e, BytesError::Parse(p) if p.kind() == crate::ErrorKind::Binary));
    }

    #[test]
    fn shared_text_is_not_copied() {
        let text: std::sync::Arc<str> = "UNCLAS MOSCOW 005434\n\nSUBJECT: TALKS\n".into();
        let owned = OwnedCable::from_document(Document::shared(text.clone()), &ParseOptions::default()).unwrap();
        assert_eq!(owned.text().as_ptr(), text.as_ptr());
        assert_eq!(owned.cable().subject(), Some("TALKS"));
    }

    #[test]
    fn errors_come_back() {
        let e = OwnedCable::parse(String::new()).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Empty);
    }
}
