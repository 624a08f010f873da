// The crate's front page is its README (the quick start is compiled as a doctest), so that
// crates.io, docs.rs and the repository show the same text.
#![doc = include_str!("../README.md")]
// No unsafe code but one commented block of `lines` (the SSE2 compare of 16 bytes behind the
// newline masks), allowed where it stands.
#![deny(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

mod body;
mod classification;
mod clean;
pub mod decode;
pub mod envelope;
mod error;
pub mod failure;
mod finish;
mod header;
pub mod ids;
#[cfg(feature = "serde")]
mod json;
mod lines;
mod meta;
mod model;
mod names;
mod owned;
#[cfg(feature = "serde")]
pub mod pick;
mod scan;
#[cfg(feature = "serde")]
mod serialize;
mod shape;
mod span;
mod spanned;
#[cfg(feature = "arrow")]
pub mod table;
mod text;
mod walk;
mod warning;

pub use body::{Element, ElementKind};
pub use classification::{Level, Marking};
pub use envelope::{Document, Envelope, EnvelopeKind};
pub use error::{ErrorKind, ParseError};
pub use model::{
    Banner, Break, BreakKind, Cable, Caveat, ClassifiedBy, DateTimeGroup, Drafting, ExecutiveOrder, Item, Link,
    LinkKind, Paragraph, Passage, PassageKind, Precedence, Recipient, Reference, ReferenceId, ReferenceKind, Routing,
    Section, TextSection,
};
pub use owned::{BytesError, OwnedCable};
pub use span::{LineCol, Span};
pub use spanned::{Spanned, Text};
pub use warning::{MAX_ITEMS, MAX_PARAGRAPHS, Warning, WarningKind};

/// Options for [`ParseOptions::parse`]. `ParseOptions::default()` is what [`parse`] uses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The year of the cable, for texts without a date-time group (many partial records): it
    /// completes the reference id and the ids of references that give no year.
    /// The date-time group and the envelope take precedence. Default: `None`.
    pub year: Option<i32>,
    /// Longest input accepted, in bytes; longer inputs fail with [`ErrorKind::TooLarge`].
    /// Default: 256 MiB (the longest real cable is under 1 MiB). At most `u32::MAX`, because
    /// spans are 32-bit.
    pub max_input_len: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { year: None, max_input_len: 256 << 20 }
    }
}

impl ParseOptions {
    /// Options with the caller's year for cables whose text has no date.
    pub fn with_year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }

    /// Options with a different input size limit.
    pub fn with_max_input_len(mut self, len: usize) -> Self {
        self.max_input_len = len;
        self
    }

    /// The size limit in force: [`max_input_len`](Self::max_input_len), at most `u32::MAX`.
    pub fn limit(&self) -> usize {
        self.max_input_len.min(u32::MAX as usize)
    }

    /// Checks bytes before they are decoded into text (at the byte-input entry points: files,
    /// the bindings): fails with [`ErrorKind::TooLarge`] or [`ErrorKind::Binary`] as [`parse`]
    /// would on text. Needed because lossy decoding ([`Document::from_bytes`]) replaces the NUL
    /// and control bytes that reveal binary data.
    ///
    /// ```
    /// let opts = cable_core::ParseOptions::default();
    /// assert_eq!(opts.check_bytes(b"\0\x01\x02PK\x03\x04").unwrap_err().kind(), cable_core::ErrorKind::Binary);
    /// assert!(opts.check_bytes(b"UNCLAS KABUL 1234").is_ok());
    /// ```
    pub fn check_bytes(&self, bytes: &[u8]) -> Result<(), ParseError> {
        if bytes.len() > self.limit() {
            return Err(ParseError::too_large(self.limit()));
        }
        match binary_span(bytes) {
            Some(span) => {
                let before = String::from_utf8_lossy(&bytes[..span.start as usize]);
                Err(ParseError::new(ErrorKind::Binary, &before, span))
            }
            None => Ok(()),
        }
    }

    /// Parses the text of one cable. See [`parse`].
    pub fn parse<'a>(&self, text: &'a str) -> Result<Cable<'a>, ParseError> {
        parse_text(text, self, None)
    }

    /// Parses a [`Document`]'s text and attaches its envelope, which fills the gaps of the text
    /// (year, date, station and serial, classification) and is compared with it (disagreements
    /// become warnings).
    pub fn parse_document<'a>(&self, doc: &'a Document<'a>) -> Result<Cable<'a>, ParseError> {
        let mut cable = parse_text(doc.text(), self, doc.envelope())?;
        if doc.replaced() > 0 {
            for &span in doc.replaced_spans() {
                cable.warnings.push(Warning::new(WarningKind::LossyDecoding, span));
            }
            cable.warnings.sort_by_key(|w| (w.span.start, w.span.end));
        }
        Ok(cable)
    }
}

/// Parses the text of one cable: the whole telegram (routing header and body), the body alone,
/// the header alone, or a fragment such as a TAGS and SUBJECT block.
///
/// Never panics; best effort. Fails only when the input holds no cable at all: empty, binary,
/// larger than [`ParseOptions::max_input_len`], or without a single line that belongs to a cable.
///
/// ```
/// let err = cable_core::parse("just some words").unwrap_err();
/// assert_eq!(err.kind(), cable_core::ErrorKind::NotACable);
/// ```
pub fn parse(text: &str) -> Result<Cable<'_>, ParseError> {
    ParseOptions::default().parse(text)
}

fn parse_text<'a>(
    text: &'a str,
    opts: &ParseOptions,
    envelope: Option<&'a Envelope<'a>>,
) -> Result<Cable<'a>, ParseError> {
    check_input(text, opts)?;
    let lines = lines::split(text);
    let mut cable = walk::walk(text, &lines);
    let has_paragraph = cable.body_parts.paragraphs.iter().any(|p| p.number().is_some());
    // Prose that ends in a signature is a cable fragment too (a snippet of a cable's last
    // paragraphs, as quoted in research notes and tests): its signer is worth reading.
    // (A lone word is no fragment: `V`, the first letter of a cut-off routing line.)
    let prose = cable.body_parts.paragraphs.iter().any(|p| p.text_span().start < p.text_span().end);
    let signed = cable.body_parts.signature.is_some() && prose;
    if !recognised(&cable) && !has_paragraph && !signed {
        let first = lines.iter().find(|l| !l.is_blank()).map(|l| l.span()).unwrap_or_default();
        return Err(ParseError::new(ErrorKind::NotACable, text, first));
    }
    finish::complete(&mut cable, envelope, opts.year);
    cable.lines = lines;
    Ok(cable)
}

/// Rejects inputs that cannot hold a cable before any parsing work.
fn check_input(text: &str, opts: &ParseOptions) -> Result<(), ParseError> {
    if text.len() > opts.limit() {
        return Err(ParseError::too_large(opts.limit()));
    }
    if text.trim().is_empty() {
        return Err(ParseError::new(ErrorKind::Empty, text, Span::default()));
    }
    if let Some(span) = binary_span(text.as_bytes()) {
        return Err(ParseError::new(ErrorKind::Binary, text, span));
    }
    Ok(())
}

/// Binary data: NUL bytes, or control characters making up more than a tenth of the start.
/// The span of the first NUL, or an empty span at 0.
fn binary_span(bytes: &[u8]) -> Option<Span> {
    let head = &bytes[..bytes.len().min(1024)];
    // Branch-free and counted in bytes (a run of 128 at most per count) so that it vectorises
    // sixteen bytes a step: this runs on every input, and a count in machine words cost as
    // much as reading a whole short cable's lines. (Runs of 255 left 15 bytes of each to a
    // byte loop: a third more instructions.)
    let control = |b: u8| u8::from(b < 0x20) & !u8::from((b == b'\n') | (b == b'\r') | (b == b'\t') | (b == 0x0c));
    let controls: usize =
        head.chunks(128).map(|c| usize::from(c.iter().fold(0u8, |n, &b| n.wrapping_add(control(b))))).sum();
    if let Some(nul) = memchr::memchr(0, head) {
        if controls * 10 > head.len() || nul < 16 {
            let at = nul as u32;
            return Some(Span::new(at, at + 1));
        }
    }
    (controls * 10 > head.len()).then_some(Span::default())
}

/// True when at least one line was recognised as part of a cable.
fn recognised(c: &Cable<'_>) -> bool {
    !c.routing.is_empty()
        || c.dtg.is_some()
        || c.dtg_echo.is_some()
        || c.sender.is_some()
        || !c.to.is_empty()
        || !c.info.is_empty()
        || c.banner.is_some()
        || c.eo.is_some()
        || !c.tags.is_empty()
        || c.subject.is_some()
        || !c.references.is_empty()
        || c.classified_by.is_some()
        || c.partial
        // `Summary: ... End Summary.`: a passage the text marks as the cable's own.
        || c.summary().is_some()
        || c.comment().is_some()
}

#[cfg(test)]
mod tests {
    use super::{Span, binary_span};

    #[test]
    fn binary_is_a_tenth_of_control_bytes_at_the_start() {
        // 1,024 bytes looked at, over several counting runs: 102 controls are a tenth or less,
        // 103 more; tabs, line and form feeds are text.
        let with = |controls: usize, byte: u8| {
            let mut b = vec![b'x'; 3000];
            for k in 0..controls {
                b[k * 9] = byte;
            }
            b
        };
        assert_eq!(binary_span(&with(102, 0x01)), None);
        assert_eq!(binary_span(&with(103, 0x01)), Some(Span::default()));
        assert_eq!(binary_span(&with(300, b'\t')), None);
        assert_eq!(binary_span(&with(300, 0x0c)), None);
        // Controls after the first 1,024 bytes are not counted.
        let mut late = vec![b'x'; 4000];
        late[2000..2500].fill(0x02);
        assert_eq!(binary_span(&late), None);
        // A NUL near the start is binary whatever the rest.
        let mut nul = vec![b'x'; 100];
        nul[3] = 0;
        assert_eq!(binary_span(&nul), Some(Span::new(3, 4)));
    }
}
