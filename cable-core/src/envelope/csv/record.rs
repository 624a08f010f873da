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
    /// The first six fields and the text, unescaped.
    pub(super) fields: Unescaped,
    pub(super) ranges: [Range<usize>; 6],
    /// Where the body starts in the text (0 when the header is empty).
    pub(super) body_at: usize,
}

/// A row's first six fields, unescaped, one after the other (`columns`), and its header and
/// body, unescaped and joined as [`Document::join_parts`] joins them (`text`): as text when the
/// row as read was valid UTF-8 (checked once, whole: its fields, cut at ASCII bytes and without
/// their escaping backslashes, are then valid too), else as bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unescaped {
    /// Of a row that is valid UTF-8.
    Text { columns: String, text: String },
    /// Of a row that is not (its fields, unescaped, may still be).
    Bytes { columns: Vec<u8>, text: Vec<u8> },
}

impl Unescaped {
    /// The columns' and the text's bytes.
    fn bytes(&self) -> (&[u8], &[u8]) {
        match self {
            Unescaped::Text { columns, text } => (columns.as_bytes(), text.as_bytes()),
            Unescaped::Bytes { columns, text } => (columns, text),
        }
    }
}

impl RawRow {
    /// The row `bytes` (its fields at `fields`, its escaping backslashes at `escapes`, as
    /// [`scan_row`](super::scan::scan_row) found them), copied out of the read buffer once:
    /// each field straight into its final buffer, without its escapes. A row that is valid
    /// UTF-8 is copied as text, so that decoding it checks it no more.
    pub(super) fn unescaped(
        row: u64,
        offset: u64,
        bytes: &[u8],
        fields: &[Range<usize>; FIELDS],
        escapes: &[usize],
    ) -> RawRow {
        let (fields, ranges, body_at) = match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => {
                let (columns, ranges, text, body_at) = split::<String>(text, fields, escapes);
                (Unescaped::Text { columns, text }, ranges, body_at)
            }
            Err(_) => {
                let (columns, ranges, text, body_at) = split::<Vec<u8>>(bytes, fields, escapes);
                (Unescaped::Bytes { columns, text }, ranges, body_at)
            }
        };
        RawRow { row, offset, len: bytes.len(), fields, ranges, body_at }
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
        let (columns, text) = self.fields.bytes();
        if crate::decode::has_bad_control(columns) || crate::decode::has_bad_control(text) {
            return Err(Box::new(self));
        }
        let RawRow { row, offset, len, fields, ranges, body_at } = self;
        let (columns, text) = match fields {
            Unescaped::Text { columns, text } => {
                return Ok(CsvRecord { row, offset, text, columns, ranges, replaced: 0, replaced_spans: Vec::new() });
            }
            Unescaped::Bytes { columns, text } => (columns, text),
        };
        // (The UTF-8 check is the conversion's own: checking first and converting after read
        // the text twice.)
        let back = |columns, text| {
            Box::new(RawRow {
                row,
                offset,
                len,
                fields: Unescaped::Bytes { columns, text },
                ranges: ranges.clone(),
                body_at,
            })
        };
        let columns = match String::from_utf8(columns) {
            Ok(c) => c,
            Err(e) => return Err(back(e.into_bytes(), text)),
        };
        match String::from_utf8(text) {
            Ok(text) => Ok(CsvRecord { row, offset, text, columns, ranges, replaced: 0, replaced_spans: Vec::new() }),
            Err(e) => Err(back(columns.into_bytes(), e.into_bytes())),
        }
    }

    /// Field by field, decoding invalid bytes (see [`crate::decode`]) and recording where.
    pub(super) fn decode_lossy(self) -> CsvRecord {
        let (raw_columns, raw_text) = self.fields.bytes();
        let mut columns = String::new();
        let mut ranges: [Range<usize>; 6] = Default::default();
        let mut lossy = 0;
        for (range, raw) in ranges.iter_mut().zip(&self.ranges) {
            let d = crate::decode::decode(&raw_columns[raw.clone()]);
            lossy += d.replaced;
            let from = columns.len();
            columns.push_str(&d.text);
            *range = from..columns.len();
        }
        // The header is decoded on its own, as its field was: the blank line joining it to the
        // body is not part of it. (Trimming its end before decoding or after is the same: only
        // ASCII blanks go.)
        let header_raw = &raw_text[..self.body_at.saturating_sub(2)];
        let body_raw = &raw_text[self.body_at..];
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

/// The row's first six fields unescaped into one buffer, with their ranges in it, and its
/// header and body joined as [`Document::join_parts`] joins them, with where the body starts.
fn split<B: Buffer>(
    row: &B::Row,
    fields: &[Range<usize>; FIELDS],
    escapes: &[usize],
) -> (B, [Range<usize>; 6], B, usize) {
    let mut escapes = escapes;
    let mut columns = B::with_capacity(fields[..6].iter().map(|r| r.len()).sum());
    let mut ranges: [Range<usize>; 6] = Default::default();
    for (range, field) in ranges.iter_mut().zip(fields) {
        let from = columns.bytes().len();
        escapes = copy_unescaped(row, field, escapes, &mut columns);
        *range = from..columns.bytes().len();
    }
    let mut text = B::with_capacity(fields[6].len() + fields[7].len() + 2);
    escapes = copy_unescaped(row, &fields[6], escapes, &mut text);
    // As `Document::join_parts`: the header without trailing newlines, a blank line.
    let blanks = text.bytes().iter().rev().take_while(|b| matches!(b, b'\n' | b'\r' | b' ')).count();
    text.cut(text.bytes().len() - blanks);
    if !text.bytes().is_empty() {
        text.push_blank_line();
    }
    let body_at = text.bytes().len();
    copy_unescaped(row, &fields[7], escapes, &mut text);
    (columns, ranges, text, body_at)
}

/// What a row is unescaped into: text (a row that is a `str`) or bytes.
trait Buffer {
    /// The row's type, whose pieces are pushed.
    type Row: ?Sized + std::ops::Index<Range<usize>, Output = Self::Row>;
    fn with_capacity(n: usize) -> Self;
    fn bytes(&self) -> &[u8];
    fn push(&mut self, piece: &Self::Row);
    /// Appends the blank line that joins the header to the body.
    fn push_blank_line(&mut self);
    /// Keeps the first `n` bytes (`n` falls after an ASCII byte).
    fn cut(&mut self, n: usize);
}

impl Buffer for String {
    type Row = str;
    fn with_capacity(n: usize) -> Self {
        String::with_capacity(n)
    }
    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
    fn push(&mut self, piece: &str) {
        self.push_str(piece);
    }
    fn push_blank_line(&mut self) {
        self.push_str("\n\n");
    }
    fn cut(&mut self, n: usize) {
        self.truncate(n);
    }
}

impl Buffer for Vec<u8> {
    type Row = [u8];
    fn with_capacity(n: usize) -> Self {
        Vec::with_capacity(n)
    }
    fn bytes(&self) -> &[u8] {
        self
    }
    fn push(&mut self, piece: &[u8]) {
        self.extend_from_slice(piece);
    }
    fn push_blank_line(&mut self) {
        self.extend_from_slice(b"\n\n");
    }
    fn cut(&mut self, n: usize) {
        self.truncate(n);
    }
}

/// Appends `row[field]` to `out` without its escaping backslashes, the first of `escapes`
/// (offsets in `row`, in order; none before `field`); returns the escapes after `field`. (A
/// backslash is one ASCII byte: the pieces around it of a `str` row are cut at characters.)
fn copy_unescaped<'e, B: Buffer>(row: &B::Row, field: &Range<usize>, escapes: &'e [usize], out: &mut B) -> &'e [usize] {
    let mut from = field.start;
    let mut rest = escapes;
    while let Some((&at, tail)) = rest.split_first() {
        if at >= field.end {
            break;
        }
        out.push(&row[from..at]);
        // The escaped byte is kept: the next copy starts with it.
        from = at + 1;
        rest = tail;
    }
    out.push(&row[from..field.end]);
    rest
}
