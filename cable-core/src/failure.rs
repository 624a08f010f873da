//! Why an input gave no cable, described once for the bindings that report failures one at a
//! time (Python raises them as exceptions): a class, a stable kind name, a message that names
//! the file and the row as the `cable` command does, and the place (byte offset, CSV row, file).

use crate::envelope::corpus::{CorpusError, RawEntry};
use crate::{BytesError, OwnedCable, ParseError, ParseOptions};
use std::any::Any;
use std::io;

/// The family of a [`Failure`] (Python has one exception class per family).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailureClass {
    /// The input holds no cable: a [`ParseError`], a page without a `<pre>` block, a
    /// `cables.csv` file where one cable was expected.
    NotACable,
    /// Bytes that strict decoding refuses (`invalid_bytes`), or text that is not Unicode.
    Encoding,
    /// A malformed `cables.csv` row: the reader can go on with the next one.
    CsvRow,
    /// A file or stream that could not be read: [`Failure::io`] holds the error.
    Io,
    /// A bug: a panic caught at a boundary ([`Failure::panic`]).
    Internal,
}

/// One input that gave no cable.
#[derive(Debug)]
pub struct Failure {
    /// The family.
    pub class: FailureClass,
    /// Stable name: an [`ErrorKind`](crate::ErrorKind) name (`empty`, `not_a_cable`, ...),
    /// `invalid_bytes`, `no_pre_block`, `csv_file`, a
    /// [`CsvErrorKind`](crate::envelope::csv::CsvErrorKind) name, `io` or `internal_error`.
    pub kind: &'static str,
    /// What went wrong, after the file (`path: ...`) or the row (`path:17: ...`) when known.
    pub message: String,
    /// Byte offset of the problem: in the text, or in the file for a CSV row.
    pub offset: u64,
    /// The 1-based CSV row the failure concerns, if any.
    pub row: Option<u64>,
    /// The file the failure concerns, if known.
    pub path: Option<String>,
    /// The error of a [`FailureClass::Io`] failure.
    pub io: Option<io::Error>,
}

impl Failure {
    /// A failure at `offset` of the input, with no file or row.
    pub fn new(class: FailureClass, kind: &'static str, message: impl Into<String>, offset: u64) -> Self {
        Failure { class, kind, message: message.into(), offset, row: None, path: None, io: None }
    }

    /// A file that could not be read.
    pub fn io(error: io::Error, path: &str) -> Self {
        let message = error.to_string();
        Failure { io: Some(error), ..Failure::new(FailureClass::Io, "io", message, 0) }.in_file(path)
    }

    /// A panic (a bug) caught at a boundary, with its message.
    pub fn panic(payload: &(dyn Any + Send)) -> Self {
        let message =
            format!("internal error in the cable parser (a bug, please report it): {}", panic_message(payload));
        Failure::new(FailureClass::Internal, "internal_error", message, 0)
    }

    /// The same failure, said to concern the file `path` (its message then starts with it).
    pub fn in_file(mut self, path: &str) -> Self {
        if self.path.is_none() {
            self.message = format!("{path}: {}", self.message);
            self.path = Some(path.to_owned());
        }
        self
    }
}

/// The message of a panic payload (a `&str` or a `String`; `"panic"` otherwise).
pub fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

impl From<ParseError> for Failure {
    fn from(e: ParseError) -> Self {
        Failure::new(FailureClass::NotACable, e.kind().as_str(), e.to_string(), e.offset() as u64)
    }
}

impl From<BytesError> for Failure {
    fn from(e: BytesError) -> Self {
        let (class, kind, offset) = match &e {
            BytesError::Parse(p) => return p.clone().into(),
            BytesError::Encoding { offset, .. } => (FailureClass::Encoding, "invalid_bytes", *offset),
            BytesError::Html(_) => (FailureClass::NotACable, "no_pre_block", 0),
            BytesError::Csv => (FailureClass::NotACable, "csv_file", 0),
        };
        Failure::new(class, kind, e.to_string(), offset)
    }
}

impl From<CorpusError> for Failure {
    fn from(e: CorpusError) -> Self {
        let (failure, path) = match e {
            CorpusError::Io { path, source } => return Failure::io(source, &path),
            CorpusError::Html { path, source } => (BytesError::from(source).into(), path),
            CorpusError::Rejected { path, source } => (source.into(), path),
            CorpusError::Csv { path, source } => {
                let kind = source.kind().as_str();
                if kind == "io" {
                    // The reader's I/O error, under the CSV error's message (which has the row).
                    let io = std::error::Error::source(&source).and_then(|s| s.downcast_ref::<io::Error>());
                    let error = io::Error::new(io.map_or(io::ErrorKind::Other, io::Error::kind), source.to_string());
                    return Failure::io(error, &path);
                }
                let (row, offset) = (Some(source.row()), source.offset());
                (Failure { row, ..Failure::new(FailureClass::CsvRow, kind, source.to_string(), offset) }, path)
            }
        };
        failure.in_file(&path)
    }
}

impl OwnedCable {
    /// Parses an entry of a [`Corpus`](crate::envelope::corpus::Corpus) walk, refusing with
    /// `strict` a lossily decoded text (see [`from_document_strict`](Self::from_document_strict));
    /// a failure names the entry's file and, for a CSV row, the row (`path:17: ...`).
    pub fn from_entry(entry: RawEntry, options: &ParseOptions, strict: bool) -> Result<Self, Failure> {
        let path = entry.path().to_owned();
        let row = match &entry {
            RawEntry::CsvRow { row, .. } => Some(row.row()),
            RawEntry::Document(_) => None,
        };
        let entry = entry.into_entry();
        OwnedCable::from_document_strict(entry.document, options, strict).map_err(|e| {
            let f = Failure::from(e);
            Failure { row, path: Some(path), message: format!("{}: {}", entry.source, f.message), ..f }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::corpus::{Corpus, Form};

    /// The failures of a CSV walk, in order, as kind, class, row, offset and message.
    fn walk(csv: &'static str) -> Vec<(&'static str, FailureClass, Option<u64>, u64, String)> {
        let mut corpus = Corpus::from_reader("cables.csv", None, csv.as_bytes());
        let opts = ParseOptions::default();
        std::iter::from_fn(|| corpus.next_raw())
            .filter_map(|r| r.map_err(Failure::from).and_then(|e| OwnedCable::from_entry(e, &opts, true)).err())
            .map(|f| (f.kind, f.class, f.row, f.offset, f.message))
            .collect()
    }

    #[test]
    fn corpus_failures_name_the_file_and_the_row() {
        // Row 1 holds no cable, row 2 is malformed (text after a closing quote), row 3 has a
        // byte that strict decoding refuses, row 4 is a cable.
        let csv = "\"1\",\"d\",\"00X1\",\"o\",\"c\",\"\",\"\",\"just words\"\n\
                   \"2\",\"d\",\"00X2\",\"o\",\"c\",\"\",\"h\" oops,\"b\"\n\
                   \"3\",\"d\",\"00X3\",\"o\",\"c\",\"\",\"\",\"UNCLAS MOSCOW 1\x01\"\n\
                   \"4\",\"d\",\"00X4\",\"o\",\"c\",\"\",\"\",\"UNCLAS MOSCOW 1\"\n";
        let failures = walk(csv);
        assert_eq!(failures.len(), 3);
        let (kind, class, row, _, message) = &failures[0];
        assert_eq!((*kind, *class, *row), ("not_a_cable", FailureClass::NotACable, Some(1)));
        assert!(message.starts_with("cables.csv:1: no recognisable cable line"), "{message}");
        let (kind, class, row, offset, message) = &failures[1];
        assert_eq!((*kind, *class, *row), ("expected_separator", FailureClass::CsvRow, Some(2)));
        assert_eq!(*offset, csv.find("\"2\"").unwrap() as u64);
        assert!(message.starts_with("cables.csv: row 2 at byte"), "{message}");
        let (kind, class, row, _, _) = &failures[2];
        assert_eq!((*kind, *class, *row), ("invalid_bytes", FailureClass::Encoding, Some(3)));
    }

    #[test]
    fn bytes_and_panics() {
        let opts = ParseOptions::default();
        let f = Failure::from(OwnedCable::from_bytes(b"<html></html>", Form::Html, &opts, false).unwrap_err());
        assert_eq!((f.kind, f.class, f.path), ("no_pre_block", FailureClass::NotACable, None));
        let f = Failure::from(OwnedCable::from_bytes(b"x", Form::Csv, &opts, false).unwrap_err()).in_file("a.csv");
        assert_eq!((f.kind, f.path.as_deref()), ("csv_file", Some("a.csv")));
        assert!(f.message.starts_with("a.csv: a cables.csv file holds many cables"), "{}", f.message);
        let payload = std::panic::catch_unwind(|| panic!("boom {}", 1)).unwrap_err();
        let f = Failure::panic(&*payload);
        assert_eq!((f.kind, f.class), ("internal_error", FailureClass::Internal));
        assert!(f.message.ends_with("please report it): boom 1"), "{}", f.message);
        let f = Failure::io(io::ErrorKind::NotFound.into(), "gone.txt");
        assert_eq!((f.class, f.io.map(|e| e.kind())), (FailureClass::Io, Some(io::ErrorKind::NotFound)));
    }
}
