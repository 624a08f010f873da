//! The `cables.csv` corpus file, read as a stream of rows.
//!
//! Layout: one row per cable, 8 fields, each in double quotes, separated by commas — row id,
//! created (`M/D/YYYY H:MM`), reference id, origin, classification, referenced ids
//! (`|`-separated), header, body. Inside a field a backslash escapes the next character (`\"`,
//! `\'`, `\\`); newlines are raw. Rows end with a newline; blank lines may come between rows.
//!
//! The reader holds one row (plus one read chunk) in memory, whatever the file size. A malformed
//! row yields a [`CsvError`] naming its row number and byte offset; reading then resumes at the
//! next line that starts a row.
//!
//! ## Byte ranges
//!
//! [`CsvReader::range`] reads exactly the rows whose first byte lies in `[start, end)`, so that
//! a file can be cut at arbitrary byte offsets (Dask partitions, Spark `mapPartitions`, Ray
//! tasks) and the union of the ranges is the sequential reading, in order, with nothing lost or
//! repeated. A range starting after byte 0 looks for the first *row start* at or after `start`:
//! a line end (`\n` or `\r`), optional blank space, then `"<digits>","`. The reader then goes
//! on sequentially and stops before the first row that starts at or after `end` (it reads that
//! row's first bytes only to see where it starts).
//!
//! Why a row start cannot be mistaken for a line inside a multi-line field, backslash escapes
//! included: a backslash escapes exactly the one byte after it, so a `"` preceded by a line end
//! or a blank is never escaped — it is a structural quote. Structural quotes open a field
//! (after a comma, or at the start of a row) or close one (followed by a comma or the end of the
//! row). A quote after a line end and blanks is not after a comma, so it either starts a row or
//! closes a field; a closing quote followed by a digit would make the row malformed. So in a
//! well-formed file the pattern occurs exactly at row starts, whatever the fields hold (`\"`,
//! `\\` before a line end, raw newlines, lines that begin with `\"123\",\"`). Two limits: the
//! blank space between a line end and a row is looked for at most 4 KiB before `start`, and in
//! a malformed file a range may begin at another row than the one a sequential reading
//! resynchronises to after an error (each range still reports the errors it meets), so the
//! exact union is promised for well-formed files.
//!
//! This is a hand-written reader rather than the `csv` crate because the file is not RFC 4180
//! (backslash escapes, no doubled quotes) and because recovery needs to know what a row start
//! looks like (`"<digits>","`), which a generic reader cannot.

use super::{Document, Envelope, EnvelopeKind};
use crate::span::Span;
use std::borrow::Cow;
use std::io::{self, BufRead, Read, Seek, SeekFrom};
use std::ops::Range;

/// Number of fields in a row.
const FIELDS: usize = 8;
/// Bytes read from the source at a time.
const CHUNK: usize = 256 * 1024;
/// How far before a range's start the range reader looks for the line end that precedes a row
/// start: the blank space allowed between a line end and a row that starts in the range.
const LOOK_BACK: u64 = 4096;

/// Why a row could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvErrorKind {
    /// A field does not start with a double quote.
    ExpectedQuote,
    /// After a closing quote came something other than a comma or the end of the row.
    ExpectedSeparator,
    /// The row has fewer or more than 8 fields.
    FieldCount,
    /// The file ends inside a row.
    Truncated,
    /// The row is longer than the reader's limit.
    RowTooLong,
    /// Reading the file failed.
    Io,
}

crate::names::names!(CsvErrorKind {
    ExpectedQuote => "expected_quote",
    ExpectedSeparator => "expected_separator",
    FieldCount => "field_count",
    Truncated => "truncated",
    RowTooLong => "row_too_long",
    Io => "io",
});

/// A malformed row (or an I/O failure), with where it happened.
#[derive(Debug, thiserror::Error)]
#[error("row {row} at byte {offset}: {message}")]
pub struct CsvError {
    kind: CsvErrorKind,
    row: u64,
    offset: u64,
    message: String,
    #[source]
    source: Option<io::Error>,
}

impl CsvError {
    /// What went wrong.
    pub fn kind(&self) -> CsvErrorKind {
        self.kind
    }

    /// Number of the row (1-based, counting every row the reader met, good or bad).
    pub fn row(&self) -> u64 {
        self.row
    }

    /// Byte offset in the file where the row starts.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// What is wrong with the row, and the byte offset in the file where it was found.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// One row of `cables.csv`: the telegram text (header and body joined by a blank line) and the
/// other columns, unescaped. Owns its text, so rows can be sent to other threads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    row: u64,
    offset: u64,
    text: String,
    columns: String,
    ranges: [Range<usize>; 6],
    replaced: usize,
    replaced_spans: Vec<Span>,
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

    /// The row as an owned [`Document`].
    pub fn into_document(self) -> Document<'static> {
        self.document().into_owned()
    }
}

/// Streams the rows of a `cables.csv` file.
///
/// ```no_run
/// use cable_core::envelope::csv::CsvReader;
/// for row in CsvReader::open("cables.csv")? {
///     match row {
///         Ok(record) => {
///             let doc = record.document();
///             if let Ok(cable) = doc.parse() {
///                 println!("{:?}", cable.reference_id());
///             }
///         }
///         Err(e) => eprintln!("skipped: {e}"),
///     }
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CsvReader<R> {
    src: R,
    buf: Vec<u8>,
    /// Start of unread data in `buf`.
    pos: usize,
    /// File offset of `buf[0]`.
    base: u64,
    eof: bool,
    rows: u64,
    max_row_len: usize,
    /// The file offset where reading stops: no row starting there or later is read.
    end: Option<u64>,
}

impl CsvReader<io::BufReader<std::fs::File>> {
    /// Opens a file for reading.
    pub fn open(path: impl AsRef<std::path::Path>) -> io::Result<Self> {
        let file = std::fs::File::open(path)?;
        // A directory opens on Unix and fails only at the first read: say so now.
        if file.metadata()?.is_dir() {
            return Err(io::Error::other("is a directory, not a CSV file"));
        }
        Ok(CsvReader::new(io::BufReader::with_capacity(CHUNK, file)))
    }

    /// Opens a file for reading the rows whose first byte lies in `range` (see
    /// [`CsvReader::range`]).
    pub fn open_range(path: impl AsRef<std::path::Path>, range: Range<u64>) -> io::Result<Self> {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(io::Error::other("is a directory, not a CSV file"));
        }
        CsvReader::range(io::BufReader::with_capacity(CHUNK, file), range)
    }
}

impl<R: Read + Seek> CsvReader<R> {
    /// A reader of the rows of `src` whose first byte lies in `range` (file offsets), found as
    /// the module documentation says: cutting a file into consecutive ranges and reading each
    /// gives every row once, in order. Row numbers ([`CsvRecord::row`]) count from the range's
    /// start; offsets are the file's.
    pub fn range(mut src: R, range: Range<u64>) -> io::Result<Self> {
        src.seek(SeekFrom::Start(range_seek_position(range.start)))?;
        CsvReader::range_after_seek(src, range)
    }
}

/// Where a range reader of `range` (see [`CsvReader::range`]) starts reading the file: a little
/// before the range, to see the line end before its first row.
pub(crate) fn range_seek_position(start: u64) -> u64 {
    start.saturating_sub(LOOK_BACK + 1)
}

impl<R: Read> CsvReader<R> {
    /// A range reader over `src`, already positioned at
    /// [`range_seek_position`]`(range.start)` (for sources whose seeking is done outside).
    pub(crate) fn range_after_seek(src: R, range: Range<u64>) -> io::Result<Self> {
        let mut reader = CsvReader::new(src);
        reader.base = range_seek_position(range.start);
        reader.end = Some(range.end);
        if range.start > 0 {
            reader.seek_row_start(range.start)?;
        }
        Ok(reader)
    }
}

impl<R: Read> CsvReader<R> {
    /// A reader over `src`.
    pub fn new(src: R) -> Self {
        CsvReader {
            src,
            buf: Vec::with_capacity(CHUNK),
            pos: 0,
            base: 0,
            eof: false,
            rows: 0,
            max_row_len: 256 << 20,
            end: None,
        }
    }

    /// Sets the longest row accepted (default 256 MiB); longer rows are skipped with
    /// [`CsvErrorKind::RowTooLong`]. Memory use is bounded by this plus one read chunk.
    pub fn with_max_row_len(mut self, len: usize) -> Self {
        self.max_row_len = len;
        self
    }

    /// Reads more input; returns false at the end of the file.
    fn fill(&mut self) -> io::Result<bool> {
        self.fill_at_most(usize::MAX)
    }

    /// Reads more input, at most `most` bytes (at least one); returns false at the end of the
    /// file.
    fn fill_at_most(&mut self, most: usize) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        // Consumed bytes are dropped once they are half the buffer or a chunk: the buffer holds
        // the current row and at most a chunk more.
        if self.pos > 0 && (self.pos >= self.buf.len() / 2 || self.pos >= CHUNK) {
            self.buf.drain(..self.pos);
            self.base += self.pos as u64;
            self.pos = 0;
        }
        // Grow geometrically while a long row is being read, so that rescanning it stays linear,
        // but never past what the caller needs (the row limit).
        let old = self.buf.len();
        let grow = CHUNK.max(old - self.pos).min(most).max(1);
        self.buf.reserve_exact(grow);
        self.buf.resize(old + grow, 0);
        let n = loop {
            match self.src.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Moves to the first row start (a line end, blanks, `"<digits>","`) whose quote is at file
    /// offset `start` or later, or to the end of the file. The buffer starts before `start`.
    fn seek_row_start(&mut self, start: u64) -> io::Result<()> {
        if self.base == 0 && self.fill()? {
            // The file's start counts as a line end (the sequential reader skips blanks there).
            let q = self.buf.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(self.buf.len());
            if q as u64 >= start && looks_like_row_start(&self.buf[q..]) == Some(true) {
                self.pos = q;
                return Ok(());
            }
        }
        let mut i = self.pos;
        loop {
            let line = match memchr::memchr2(b'\n', b'\r', &self.buf[i..]) {
                Some(k) => i + k,
                None => {
                    // No line end in the buffer: drop it and read on.
                    self.pos = self.buf.len();
                    if !self.fill()? {
                        return Ok(());
                    }
                    i = self.pos;
                    continue;
                }
            };
            let mut q = line + 1;
            while q < self.buf.len() && matches!(self.buf[q], b'\n' | b'\r' | b' ' | b'\t') {
                q += 1;
            }
            let at = self.base + q as u64;
            let decided = if q < self.buf.len() { looks_like_row_start(&self.buf[q..]) } else { None };
            match decided {
                Some(true) if at >= start => {
                    self.pos = q;
                    return Ok(());
                }
                Some(_) => i = q,
                None => {
                    // Too short to tell: keep the line end onwards and read more.
                    self.pos = line;
                    let before = self.base;
                    if !self.fill()? {
                        // The end of the file: what is left is a truncated row (reported as
                        // such by `read_raw`) when it starts in the range, else nothing.
                        self.pos = if at >= start { q.min(self.buf.len()) } else { self.buf.len() };
                        return Ok(());
                    }
                    i = line - (self.base - before) as usize;
                }
            }
        }
    }

    fn error(&self, kind: CsvErrorKind, row_start: usize, message: impl Into<String>) -> CsvError {
        CsvError { kind, row: self.rows, offset: self.base + row_start as u64, message: message.into(), source: None }
    }

    /// Reads the next row, or `None` at the end of the file.
    pub fn read_record(&mut self) -> Option<Result<CsvRecord, CsvError>> {
        self.read_raw().map(|r| r.map(RawRow::decode))
    }

    /// Reads the next row without decoding it: its bytes are only copied out of the read buffer,
    /// so that the unescaping and decoding ([`RawRow::decode`]) can run on another thread.
    pub fn read_raw(&mut self) -> Option<Result<RawRow, CsvError>> {
        // Skip blank lines between rows.
        loop {
            while self.pos < self.buf.len() && matches!(self.buf[self.pos], b'\n' | b'\r' | b' ' | b'\t') {
                self.pos += 1;
            }
            if self.pos < self.buf.len() {
                break;
            }
            match self.fill() {
                Ok(true) => continue,
                Ok(false) => return None,
                Err(e) => return Some(Err(self.io_error(e))),
            }
        }
        // A range reader stops before the first row that starts at or after its end.
        if self.end.is_some_and(|end| self.base + self.pos as u64 >= end) {
            self.pos = self.buf.len();
            self.eof = true;
            return None;
        }
        self.rows += 1;
        let mut start = self.pos;
        loop {
            match scan_row(&self.buf[start..]) {
                Scan::Row(fields, len) => {
                    let raw = RawRow {
                        row: self.rows,
                        offset: self.base + start as u64,
                        bytes: self.buf[start..start + len].to_vec(),
                        fields,
                    };
                    self.pos = start + len;
                    return Some(Ok(raw));
                }
                Scan::NeedMore => {
                    let have = self.buf.len() - start;
                    if have > self.max_row_len {
                        let e = self.error(
                            CsvErrorKind::RowTooLong,
                            start,
                            format!("row longer than {} bytes", self.max_row_len),
                        );
                        self.resync(start);
                        return Some(Err(e));
                    }
                    let before = self.base;
                    // Reading one byte past the limit is enough to reject the row: memory stays
                    // within the limit and a chunk (a 300 MB row took 809 MB).
                    let filled = self.fill_at_most(self.max_row_len + 1 - have);
                    // `fill` may have dropped consumed bytes from the front of the buffer, also
                    // when it then found the end of the file.
                    start -= (self.base - before) as usize;
                    match filled {
                        Ok(true) => {}
                        Ok(false) => {
                            let e = self.error(CsvErrorKind::Truncated, start, "file ends inside the row");
                            self.pos = self.buf.len();
                            return Some(Err(e));
                        }
                        Err(e) => return Some(Err(self.io_error(e))),
                    }
                }
                Scan::Bad(kind, at, complete) => {
                    // (It said "a row has 8 fields" for a row of 7 or 9.)
                    let what = match kind {
                        CsvErrorKind::ExpectedQuote => "expected a double quote to open a field".to_string(),
                        CsvErrorKind::ExpectedSeparator => {
                            "expected a comma or the end of the row after a field".to_string()
                        }
                        CsvErrorKind::FieldCount if complete >= FIELDS => {
                            format!("the row has more than {FIELDS} fields")
                        }
                        CsvErrorKind::FieldCount => format!("the row has {complete} fields, not {FIELDS}"),
                        _ => "malformed row".to_string(),
                    };
                    let e = self.error(kind, start, format!("{what} (byte {})", self.base + (start + at) as u64));
                    self.resync(start);
                    return Some(Err(e));
                }
            }
        }
    }

    fn io_error(&mut self, e: io::Error) -> CsvError {
        self.eof = true;
        self.pos = self.buf.len();
        CsvError {
            kind: CsvErrorKind::Io,
            row: self.rows,
            offset: self.base + self.pos as u64,
            message: e.to_string(),
            source: Some(e),
        }
    }

    /// Moves to the first line after `start` that begins like a row (`"<digits>","`), reading
    /// more input as needed; at the end of the file, moves to the end.
    fn resync(&mut self, start: usize) {
        let mut from = start + 1;
        loop {
            let mut undecided = None;
            let mut i = from;
            while let Some(nl) = memchr::memchr(b'\n', &self.buf[i..]) {
                let line = i + nl + 1;
                match looks_like_row_start(&self.buf[line..]) {
                    Some(true) => {
                        self.pos = line;
                        return;
                    }
                    Some(false) => i = line,
                    None => {
                        undecided = Some(i + nl);
                        break;
                    }
                }
            }
            // Nothing found in the buffer: keep only the last newline onwards and read more.
            let keep = undecided.unwrap_or_else(|| {
                memchr::memrchr(b'\n', &self.buf[from.min(self.buf.len())..]).map_or(self.buf.len(), |n| from + n)
            });
            self.pos = keep.min(self.buf.len());
            match self.fill() {
                Ok(true) => from = self.pos,
                _ => {
                    self.pos = self.buf.len();
                    return;
                }
            }
        }
    }
}

/// A row split out of the file but not yet unescaped or decoded (see [`CsvReader::read_raw`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    row: u64,
    offset: u64,
    bytes: Vec<u8>,
    fields: [Range<usize>; FIELDS],
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
    fn decode_clean(&self) -> Option<CsvRecord> {
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
        let clean = |b: &[u8]| std::str::from_utf8(b).is_ok() && !crate::decode::has_bad_control(b);
        if !clean(&columns) || !clean(&text) {
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
    fn decode_lossy(self) -> CsvRecord {
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

impl<R: Read> Iterator for CsvReader<R> {
    type Item = Result<CsvRecord, CsvError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.read_record()
    }
}

/// What scanning a row found.
enum Scan {
    /// The field ranges (inside the quotes, escapes not yet removed) and the row length.
    Row([Range<usize>; FIELDS], usize),
    /// The buffer ends inside the row.
    NeedMore,
    /// Malformed at the given offset, after the given number of complete fields.
    Bad(CsvErrorKind, usize, usize),
}

/// Scans one row at the start of `b`.
fn scan_row(b: &[u8]) -> Scan {
    let mut fields: [Range<usize>; FIELDS] = Default::default();
    let mut i = 0;
    for (n, field) in fields.iter_mut().enumerate() {
        if i >= b.len() {
            return Scan::NeedMore;
        }
        if b[i] != b'"' {
            return Scan::Bad(
                if matches!(b[i], b'\n' | b'\r') { CsvErrorKind::FieldCount } else { CsvErrorKind::ExpectedQuote },
                i,
                n,
            );
        }
        i += 1;
        let start = i;
        loop {
            match memchr::memchr2(b'"', b'\\', &b[i..]) {
                None => return Scan::NeedMore,
                Some(k) => {
                    i += k;
                    if b[i] == b'\\' {
                        i += 2;
                        if i > b.len() {
                            return Scan::NeedMore;
                        }
                    } else {
                        break;
                    }
                }
            }
        }
        *field = start..i;
        i += 1;
        let last = n == FIELDS - 1;
        match b.get(i) {
            None => {
                // The end of the buffer: more input, or the end of the file after the last field.
                return if last { Scan::Row(fields, i) } else { Scan::NeedMore };
            }
            Some(b',') if !last => i += 1,
            Some(b'\n') if last => return Scan::Row(fields, i + 1),
            Some(b'\r') if last => return Scan::Row(fields, i + 1),
            Some(b',') => return Scan::Bad(CsvErrorKind::FieldCount, i, n + 1),
            Some(b'\n' | b'\r') => return Scan::Bad(CsvErrorKind::FieldCount, i, n + 1),
            Some(_) => return Scan::Bad(CsvErrorKind::ExpectedSeparator, i, n + 1),
        }
    }
    unreachable!("the loop returns on its last field")
}

/// `Some(true)` when `b` starts like a row (`"<digits>","`), `Some(false)` when it does not,
/// `None` when it is too short to tell.
fn looks_like_row_start(b: &[u8]) -> Option<bool> {
    if b.is_empty() {
        return None;
    }
    if b[0] != b'"' {
        return Some(false);
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[1 + digits..];
    if rest.len() < 3 {
        return if 1 + digits + rest.len() == b.len() { None } else { Some(false) };
    }
    Some(digits > 0 && rest.starts_with(b"\",\""))
}

/// Removes backslash escapes (`\X` → `X`); borrowed when there are none.
fn unescape(raw: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr(b'\\', raw).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    unescape_into(raw, &mut out);
    Cow::Owned(out)
}

/// Appends `raw` to `out` without its backslash escapes (`\X` → `X`).
fn unescape_into(raw: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &raw[i..]) {
        out.extend_from_slice(&raw[i..i + k]);
        if let Some(&c) = raw.get(i + k + 1) {
            out.push(c);
        }
        i += k + 2;
    }
    if i < raw.len() {
        out.extend_from_slice(&raw[i..]);
    }
}

/// True when `head` (the start of a file) looks like `cables.csv`.
pub fn looks_like_csv(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(head.len());
    looks_like_row_start(&head[start..]) == Some(true)
}

impl<R> CsvReader<R> {
    /// Bytes of the input consumed so far, from where the reader started (for a range reader,
    /// a little before the range: see [`CsvReader::range`]), counted in the decompressed
    /// stream: for progress reports.
    pub fn bytes_consumed(&self) -> u64 {
        self.base + self.pos as u64
    }
}

impl<R: BufRead> CsvReader<R> {
    /// The underlying reader (for callers that want to know how far it got).
    pub fn get_ref(&self) -> &R {
        &self.src
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(data: &str) -> Vec<Result<CsvRecord, CsvError>> {
        CsvReader::new(data.as_bytes()).collect()
    }

    const ROW1: &str = "\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\",\"66STATE106206\",\"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\",\"UNCLASSIFIED BUENOS AIRES 2481 \nOF \\\"PREFERENTIAL JURISDICTION\\\" AND IRAN\\'S\"\n";

    #[test]
    fn one_row_with_escapes_and_newlines() {
        let rows = read_all(ROW1);
        assert_eq!(rows.len(), 1);
        let r = rows[0].as_ref().unwrap();
        assert_eq!(r.row(), 1);
        assert_eq!(r.row_id(), Some(1));
        assert_eq!(
            r.text(),
            "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n\nUNCLASSIFIED BUENOS AIRES 2481 \nOF \"PREFERENTIAL JURISDICTION\" AND IRAN'S"
        );
        let doc = r.document();
        let env = doc.envelope().unwrap();
        assert_eq!(env.reference_id.as_deref(), Some("66BUENOSAIRES2481"));
        assert_eq!(env.created.as_deref(), Some("12/28/1966 18:48"));
        assert_eq!(env.origin.as_deref(), Some("Embassy Buenos Aires"));
        assert_eq!(env.reference_ids().collect::<Vec<_>>(), ["66STATE106206"]);
    }

    #[test]
    fn the_one_copy_path_decodes_as_the_field_by_field_path() {
        let data =
            format!("{ROW1}\"2\",\"1/1/2000 0:00\",\"00X1\",\"o\",\"c\",\"\",\"HEAD \\\\ \n\n \",\"b\\\"q\\\"\"\n");
        let mut reader = CsvReader::new(data.as_bytes());
        let mut n = 0;
        while let Some(raw) = reader.read_raw() {
            let raw = raw.unwrap();
            let fast = raw.decode_clean().expect("clean UTF-8");
            assert_eq!(fast, raw.decode_lossy());
            n += 1;
        }
        assert_eq!(n, 2);
    }

    #[test]
    fn malformed_row_is_reported_and_skipped() {
        let bad = "\"2\",\"1/1/2000 0:00\",\"00X1\",\"o\",\"c\",\"\",\"h\" oops,\"b\"\n";
        let data = format!("{ROW1}\n{bad}{}", ROW1.replace("\"1\"", "\"3\""));
        let rows = read_all(&data);
        assert_eq!(rows.len(), 3);
        assert!(rows[0].is_ok());
        let e = rows[1].as_ref().unwrap_err();
        assert_eq!(e.kind(), CsvErrorKind::ExpectedSeparator);
        assert_eq!(e.row(), 2);
        assert_eq!(e.offset(), ROW1.len() as u64 + 1);
        let r3 = rows[2].as_ref().unwrap();
        assert_eq!((r3.row(), r3.row_id()), (3, Some(3)));
    }

    #[test]
    fn truncated_file() {
        let rows = read_all(&ROW1[..ROW1.len() - 20]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].as_ref().unwrap_err().kind(), CsvErrorKind::Truncated);
    }

    #[test]
    fn offsets_stay_inside_the_input_after_resync_and_truncation() {
        // Found by fuzzing (csv_rows): a junk line, then a row start in the second half of the
        // buffer whose row the file cuts short. The buffer is compacted before the end of the
        // file is seen; the truncation error must still carry the row's true offset.
        let junk = "-- THE ORGANS OF THE REPUBLIC\n".repeat(40);
        let data = format!("{junk}\"503\",\"3/26/1992 12:14\",\"92LIMA4541\",\"Embassy Lima\",\"CONF");
        let rows = read_all(&data);
        assert_eq!(rows.len(), 2);
        let e = rows[1].as_ref().unwrap_err();
        assert_eq!(e.kind(), CsvErrorKind::Truncated);
        assert_eq!(e.offset(), junk.len() as u64);
        assert_eq!(rows[0].as_ref().unwrap_err().offset(), 0);
    }

    #[test]
    fn short_row_is_a_field_count_error() {
        let rows = read_all("\"1\",\"a\",\"b\"\n");
        assert_eq!(rows[0].as_ref().unwrap_err().kind(), CsvErrorKind::FieldCount);
        // Issue 14: the message said "a row has 8 fields" for a row of 7 or 9.
        assert!(rows[0].as_ref().unwrap_err().to_string().contains("the row has 3 fields, not 8"));
        let seven = "\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"\n";
        assert!(read_all(seven)[0].as_ref().unwrap_err().to_string().contains("the row has 7 fields, not 8"));
        let nine = "\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"\n";
        let e = read_all(nine).remove(0).unwrap_err();
        assert_eq!(e.kind(), CsvErrorKind::FieldCount);
        assert!(e.to_string().contains("the row has more than 8 fields"), "{e}");
    }

    #[test]
    fn an_over_long_row_is_rejected_while_reading() {
        // Issue 14: a 300 MB row was read whole (809 MB) before the 256 MiB limit rejected it.
        // Here a 3 MB row against a 1 MB limit: the buffer never holds much more than the limit.
        let limit = 1 << 20;
        let mut data = String::from("\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"");
        data.push_str(&"x".repeat(3 << 20));
        data.push_str("\"\n\"2\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"UNCLASSIFIED\"\n");
        let mut reader = CsvReader::new(data.as_bytes()).with_max_row_len(limit);
        let e = reader.read_raw().expect("a row").unwrap_err();
        assert_eq!(e.kind(), CsvErrorKind::RowTooLong);
        assert!(e.to_string().contains("row longer than 1048576 bytes"), "{e}");
        assert!(reader.buf.capacity() <= limit + 2 * CHUNK, "buffer of {} bytes", reader.buf.capacity());
        assert_eq!(reader.read_raw().expect("the next row").unwrap().row(), 2);
    }

    #[test]
    fn rows_longer_than_a_chunk() {
        let body = "X".repeat(3 * CHUNK);
        let data = format!(
            "\"1\",\"1/1/2000 0:00\",\"00STATE1\",\"o\",\"c\",\"\",\"h\",\"{body}\"\n\"2\",\"1/1/2000 0:00\",\"00STATE2\",\"o\",\"c\",\"\",\"h\",\"b\"\n"
        );
        let rows = read_all(&data);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].as_ref().unwrap().text().len(), 3 + 3 * CHUNK);
        assert_eq!(rows[1].as_ref().unwrap().row_id(), Some(2));
    }

    #[test]
    fn detection() {
        assert!(looks_like_csv(ROW1.as_bytes()));
        assert!(!looks_like_csv(b"VZCZCXRO9060"));
    }
}
