//! A row of the file: split out of it (`RawRow`), then unescaped and decoded (`CsvRecord`).

use super::FIELDS;
use super::scan::{unescape, unescape_into};
use crate::envelope::{Document, Envelope, EnvelopeKind};
use crate::span::Span;
use std::borrow::Cow;
use std::ops::Range;

/// One row of `cables.csv`: the telegram text (header and body joined by a blank line) and the
/// other columns, unescaped. Owns its text, so rows can be sent to other threads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub(super) row: u64,
    pub(super) offset: u64,
    pub(super) text: String,
    pub(super) columns: String,
    pub(super) ranges: [Range<usize>; 6],
    pub(super) replaced: usize,
    pub(super) replaced_spans: Vec<Span>,
}

impl CsvRecord {
    /// Number of the row in the file (1-based).
    pub fn row(&self) -> u64 {
        self.row
    }

    /// Byte offset of the row in the file.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The telegram text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Column `i` (0 = row id … 5 = referenced ids).
    fn column(&self, i: usize) -> &str {
        &self.columns[self.ranges[i].clone()]
    }

    /// The first column, the row id.
    pub fn row_id(&self) -> Option<u64> {
        self.column(0).trim().parse().ok()
    }

    /// The row as a [`Document`] borrowing from it.
    pub fn document(&self) -> Document<'_> {
        let field = |i: usize| Some(Cow::Borrowed(self.column(i).trim())).filter(|c| !c.is_empty());
        let env = Envelope {
            kind: EnvelopeKind::CablesCsv,
            row_id: self.row_id(),
            created: field(1),
            reference_id: field(2),
            origin: field(3),
            classification: field(4),
            references: field(5),
            released: None,
        };
        Document::with_envelope(Cow::Borrowed(self.text.as_str()), env)
            .with_replacements(self.replaced, self.replaced_spans.clone())
    }

    /// The row as an owned [`Document`]: the text moved into it, not copied (a copy of every
    /// row was 1% of `cable parse --jsonl`), the short columns copied.
    pub fn into_document(self) -> Document<'static> {
        let env = self.document().envelope().cloned().expect("a row's document has its envelope").into_owned();
        Document::with_envelope(Cow::Owned(self.text), env).with_replacements(self.replaced, self.replaced_spans)
    }
}

/// A row split out of the file but not yet unescaped or decoded (see [`CsvReader::read_raw`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub(super) row: u64,
    pub(super) offset: u64,
    pub(super) bytes: Vec<u8>,
    pub(super) fields: [Range<usize>; FIELDS],
}

impl RawRow {
    /// Number of the row in the file (1-based).
    pub fn row(&self) -> u64 {
        self.row
    }

    /// Byte offset of the row in the file.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Length of the row in the file, in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// True for an empty row (never returned by the reader).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Unescapes and decodes the row (lossily: see [`crate::decode`]).
    pub fn decode(self) -> CsvRecord {
        match self.decode_clean() {
            Some(record) => record,
            None => self.decode_lossy(),
        }
    }

    /// The common case, with one copy of the text: every field unescaped straight into its
    /// final buffer, then checked once. `None` when the row needs lossy decoding.
    pub(super) fn decode_clean(&self) -> Option<CsvRecord> {
        let field = |i: usize| &self.bytes[self.fields[i].clone()];
        let mut columns = Vec::with_capacity(self.fields[..6].iter().map(|r| r.len()).sum());
        let mut ranges: [Range<usize>; 6] = Default::default();
        for (i, range) in ranges.iter_mut().enumerate() {
            let from = columns.len();
            unescape_into(field(i), &mut columns);
            *range = from..columns.len();
        }
        let mut text = Vec::with_capacity(self.fields[6].len() + self.fields[7].len() + 2);
        unescape_into(field(6), &mut text);
        // As `Document::join_parts`: the header without trailing newlines, a blank line.
        while matches!(text.last(), Some(b'\n' | b'\r' | b' ')) {
            text.pop();
        }
        if !text.is_empty() {
            text.extend_from_slice(b"\n\n");
        }
        unescape_into(field(7), &mut text);
        // (The UTF-8 check is the conversion's own: checking first and converting after read
        // the text twice.)
        if crate::decode::has_bad_control(&columns) || crate::decode::has_bad_control(&text) {
            return None;
        }
        let (Ok(text), Ok(columns)) = (String::from_utf8(text), String::from_utf8(columns)) else { return None };
        Some(CsvRecord {
            row: self.row,
            offset: self.offset,
            text,
            columns,
            ranges,
            replaced: 0,
            replaced_spans: Vec::new(),
        })
    }

    /// Field by field, decoding invalid bytes (see [`crate::decode`]) and recording where.
    pub(super) fn decode_lossy(self) -> CsvRecord {
        let field = |i: usize| &self.bytes[self.fields[i].clone()];
        let mut columns = String::new();
        let mut ranges: [Range<usize>; 6] = Default::default();
        let mut lossy = 0;
        for (i, range) in ranges.iter_mut().enumerate() {
            let raw = unescape(field(i));
            let d = crate::decode::decode(&raw);
            lossy += d.replaced;
            let from = columns.len();
            columns.push_str(&d.text);
            *range = from..columns.len();
        }
        let (header_raw, body_raw) = (unescape(field(6)), unescape(field(7)));
        let (header, body) = (crate::decode::decode(&header_raw), crate::decode::decode(&body_raw));
        let text = Document::join_parts(&header.text, &body.text);
        // Replacement spans, moved to their place in the joined text.
        let body_at = (text.len() - body.text.len()) as u32;
        let mut spans = header.spans;
        spans.extend(body.spans.iter().map(|s| Span::new(s.start + body_at, s.end + body_at)));
        spans.truncate(crate::decode::MAX_RECORDED);
        let replaced = lossy + header.replaced + body.replaced;
        CsvRecord { row: self.row, offset: self.offset, text, columns, ranges, replaced, replaced_spans: spans }
    }
}
