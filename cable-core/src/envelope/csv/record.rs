//! A row of the file: split out of it (`RawRow`), then unescaped and decoded (`CsvRecord`).

use super::FIELDS;
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

    /// The row's envelope, borrowing its columns.
    fn envelope(&self) -> Envelope<'_> {
        let field = |i: usize| Some(Cow::Borrowed(self.column(i).trim())).filter(|c| !c.is_empty());
        Envelope {
            kind: EnvelopeKind::CablesCsv,
            row_id: self.row_id(),
            created: field(1),
            reference_id: field(2),
            origin: field(3),
            classification: field(4),
            references: field(5),
            released: None,
        }
    }

    /// The row as a [`Document`] borrowing from it.
    pub fn document(&self) -> Document<'_> {
        Document::with_envelope(Cow::Borrowed(self.text.as_str()), self.envelope())
            .with_replacements(self.replaced, self.replaced_spans.clone())
    }

    /// The row as an owned [`Document`]: the text moved into it, not copied (a copy of every
    /// row was 1% of `cable parse --jsonl`), the short columns copied straight into the owned
    /// envelope (not through a borrowing document, cloned and dropped for every row).
    pub fn into_document(self) -> Document<'static> {
        let env = self.envelope().into_owned();
        Document::with_envelope(Cow::Owned(self.text), env).with_replacements(self.replaced, self.replaced_spans)
    }
}

/// A row split out of the file and unescaped, but not yet checked or decoded (see
/// [`CsvReader::read_raw`](super::CsvReader::read_raw)): the text and the columns as bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub(super) row: u64,
    pub(super) offset: u64,
    /// Length of the row in the file.
    pub(super) len: usize,
    /// The first six fields, unescaped, one after the other.
    pub(super) columns: Vec<u8>,
    pub(super) ranges: [Range<usize>; 6],
    /// The header and the body, unescaped and joined as [`Document::join_parts`] joins them.
    pub(super) text: Vec<u8>,
    /// Where the body starts in `text` (0 when the header is empty).
    pub(super) body_at: usize,
}

impl RawRow {
    /// The row `bytes` (its fields at `fields`, its escaping backslashes at `escapes`, as
    /// [`scan_row`](super::scan::scan_row) found them), copied out of the read buffer once:
    /// each field straight into its final buffer, without its escapes.
    pub(super) fn unescaped(
        row: u64,
        offset: u64,
        bytes: &[u8],
        fields: &[Range<usize>; FIELDS],
        escapes: &[usize],
    ) -> RawRow {
        let mut escapes = escapes;
        let mut columns = Vec::with_capacity(fields[..6].iter().map(|r| r.len()).sum());
        let mut ranges: [Range<usize>; 6] = Default::default();
        for (range, field) in ranges.iter_mut().zip(fields) {
            let from = columns.len();
            escapes = copy_unescaped(bytes, field, escapes, &mut columns);
            *range = from..columns.len();
        }
        let mut text = Vec::with_capacity(fields[6].len() + fields[7].len() + 2);
        escapes = copy_unescaped(bytes, &fields[6], escapes, &mut text);
        // As `Document::join_parts`: the header without trailing newlines, a blank line.
        while matches!(text.last(), Some(b'\n' | b'\r' | b' ')) {
            text.pop();
        }
        if !text.is_empty() {
            text.extend_from_slice(b"\n\n");
        }
        let body_at = text.len();
        copy_unescaped(bytes, &fields[7], escapes, &mut text);
        RawRow { row, offset, len: bytes.len(), columns, ranges, text, body_at }
    }

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
        self.len
    }

    /// True for an empty row (never returned by the reader).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Checks and decodes the row (lossily: see [`crate::decode`]).
    pub fn decode(self) -> CsvRecord {
        match self.decode_clean() {
            Ok(record) => record,
            Err(raw) => (*raw).decode_lossy(),
        }
    }

    /// The common case: the row's bytes checked once and moved, not copied, into the record.
    /// The row back (boxed: the rare case) when it needs lossy decoding.
    pub(super) fn decode_clean(self) -> Result<CsvRecord, Box<RawRow>> {
        if crate::decode::has_bad_control(&self.columns) || crate::decode::has_bad_control(&self.text) {
            return Err(Box::new(self));
        }
        let RawRow { row, offset, len, columns, ranges, text, body_at } = self;
        // (The UTF-8 check is the conversion's own: checking first and converting after read
        // the text twice.)
        let columns = match String::from_utf8(columns) {
            Ok(c) => c,
            Err(e) => {
                return Err(Box::new(RawRow { row, offset, len, columns: e.into_bytes(), ranges, text, body_at }));
            }
        };
        let text = match String::from_utf8(text) {
            Ok(t) => t,
            Err(e) => {
                let columns = columns.into_bytes();
                return Err(Box::new(RawRow { row, offset, len, columns, ranges, text: e.into_bytes(), body_at }));
            }
        };
        Ok(CsvRecord { row, offset, text, columns, ranges, replaced: 0, replaced_spans: Vec::new() })
    }

    /// Field by field, decoding invalid bytes (see [`crate::decode`]) and recording where.
    pub(super) fn decode_lossy(self) -> CsvRecord {
        let mut columns = String::new();
        let mut ranges: [Range<usize>; 6] = Default::default();
        let mut lossy = 0;
        for (range, raw) in ranges.iter_mut().zip(&self.ranges) {
            let d = crate::decode::decode(&self.columns[raw.clone()]);
            lossy += d.replaced;
            let from = columns.len();
            columns.push_str(&d.text);
            *range = from..columns.len();
        }
        // The header is decoded on its own, as its field was: the blank line joining it to the
        // body is not part of it. (Trimming its end before decoding or after is the same: only
        // ASCII blanks go.)
        let header_raw = &self.text[..self.body_at.saturating_sub(2)];
        let body_raw = &self.text[self.body_at..];
        let (header, body) = (crate::decode::decode(header_raw), crate::decode::decode(body_raw));
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

/// Appends `bytes[field]` to `out` without its escaping backslashes, the first of `escapes`
/// (offsets in `bytes`, in order; none before `field`); returns the escapes after `field`.
fn copy_unescaped<'e>(bytes: &[u8], field: &Range<usize>, escapes: &'e [usize], out: &mut Vec<u8>) -> &'e [usize] {
    let mut from = field.start;
    let mut rest = escapes;
    while let Some((&at, tail)) = rest.split_first() {
        if at >= field.end {
            break;
        }
        out.extend_from_slice(&bytes[from..at]);
        // The escaped byte is kept: the next copy starts with it.
        from = at + 1;
        rest = tail;
    }
    out.extend_from_slice(&bytes[from..field.end]);
    rest
}
