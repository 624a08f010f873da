//! `OwnedCable`: a cable that owns its text, for callers that cannot hold a borrow (the C library,
//! the Python package, worker threads).

use crate::ParseOptions;
use crate::envelope::Document;
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
        Inner::try_new(doc, |doc| options.parse_document(doc)).map(OwnedCable)
    }

    /// The parsed cable.
    pub fn cable(&self) -> &Cable<'_> {
        self.0.borrow_dependent()
    }

    /// The document it was parsed from (text and envelope).
    pub fn document(&self) -> &Document<'static> {
        self.0.borrow_owner()
    }

    /// The text every span of the cable indexes into.
    pub fn text(&self) -> &str {
        self.0.borrow_owner().text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn errors_come_back() {
        let e = OwnedCable::parse(String::new()).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Empty);
    }
}
