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

mod error;
mod record;
mod scan;

pub use error::{CsvError, CsvErrorKind};
pub use record::{CsvRecord, RawRow};
pub use scan::looks_like_csv;

/// The source of row `row` of the CSV file labelled `path` (`cables.csv:17`): how the corpus
/// walk, and so every surface, names a row's input.
pub fn row_source(path: &str, row: u64) -> String {
    // Built by hand: `format!` cost some 1,100 instructions a row in its formatting machinery.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = row;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut source = String::with_capacity(path.len() + 1 + digits.len() - at);
    source.push_str(path);
    source.push(':');
    source.extend(digits[at..].iter().map(|&d| char::from(d)));
    source
}
use scan::{Scan, looks_like_row_start, scan_row};

use std::io::{self, BufRead, Read, Seek, SeekFrom};
use std::ops::Range;

/// Number of fields in a row.
const FIELDS: usize = 8;
/// Bytes read from the source at a time.
const CHUNK: usize = 256 * 1024;
/// How far before a range's start the range reader looks for the line end that precedes a row
/// start: the blank space allowed between a line end and a row that starts in the range.
const LOOK_BACK: u64 = 4096;

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
    /// The read buffer; only `buf[..filled]` holds input (the rest was read into before and is
    /// kept, so that it is not zeroed again).
    buf: Vec<u8>,
    filled: usize,
    /// Start of unread data in `buf`.
    pos: usize,
    /// File offset of `buf[0]`.
    base: u64,
    eof: bool,
    rows: u64,
    max_row_len: usize,
    /// The file offset where reading stops: no row starting there or later is read.
    end: Option<u64>,
    /// The escaping backslashes of the row being read (see [`scan_row`]), kept between rows
    /// so that it is not allocated for each.
    escapes: Vec<usize>,
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
            buf: Vec::new(),
            filled: 0,
            escapes: Vec::new(),
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
        if self.pos > 0 && (self.pos >= self.filled / 2 || self.pos >= CHUNK) {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.base += self.pos as u64;
            self.pos = 0;
        }
        // Grow geometrically while a long row is being read, so that rescanning it stays linear,
        // but never past what the caller needs (the row limit).
        let old = self.filled;
        let grow = CHUNK.max(old - self.pos).min(most).max(1);
        if self.buf.len() < old + grow {
            // Zeroed once, when the buffer grows, rather than before every read (a memset of
            // each chunk was 1.2% of `cable parse --jsonl`).
            self.buf.reserve_exact(old + grow - self.buf.len());
            self.buf.resize(old + grow, 0);
        }
        let n = loop {
            match self.src.read(&mut self.buf[old..old + grow]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.filled = old + n;
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
            let q = self.buf[..self.filled].iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(self.filled);
            if q as u64 >= start && looks_like_row_start(&self.buf[q..self.filled]) == Some(true) {
                self.pos = q;
                return Ok(());
            }
        }
        let mut i = self.pos;
        loop {
            let line = match memchr::memchr2(b'\n', b'\r', &self.buf[i..self.filled]) {
                Some(k) => i + k,
                None => {
                    // No line end in the buffer: drop it and read on.
                    self.pos = self.filled;
                    if !self.fill()? {
                        return Ok(());
                    }
                    i = self.pos;
                    continue;
                }
            };
            let mut q = line + 1;
            while q < self.filled && matches!(self.buf[q], b'\n' | b'\r' | b' ' | b'\t') {
                q += 1;
            }
            let at = self.base + q as u64;
            let decided = if q < self.filled { looks_like_row_start(&self.buf[q..self.filled]) } else { None };
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
                        self.pos = if at >= start { q.min(self.filled) } else { self.filled };
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

    /// Reads the next row without decoding it: its fields are only copied out of the read buffer
    /// (unescaped on the way, as the scan found the escapes), so that checking and decoding
    /// them ([`RawRow::decode`]) can run on another thread.
    pub fn read_raw(&mut self) -> Option<Result<RawRow, CsvError>> {
        // Skip blank lines between rows.
        loop {
            while self.pos < self.filled && matches!(self.buf[self.pos], b'\n' | b'\r' | b' ' | b'\t') {
                self.pos += 1;
            }
            if self.pos < self.filled {
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
            self.pos = self.filled;
            self.eof = true;
            return None;
        }
        self.rows += 1;
        let mut start = self.pos;
        loop {
            match scan_row(&self.buf[start..self.filled], &mut self.escapes) {
                Scan::Row(fields, len) => {
                    let at = self.base + start as u64;
                    let raw = RawRow::unescaped(self.rows, at, &self.buf[start..start + len], &fields, &self.escapes);
                    self.pos = start + len;
                    return Some(Ok(raw));
                }
                Scan::NeedMore => {
                    let have = self.filled - start;
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
                            self.pos = self.filled;
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
        self.pos = self.filled;
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
            while let Some(nl) = memchr::memchr(b'\n', &self.buf[i..self.filled]) {
                let line = i + nl + 1;
                match looks_like_row_start(&self.buf[line..self.filled]) {
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
                memchr::memrchr(b'\n', &self.buf[from.min(self.filled)..self.filled]).map_or(self.filled, |n| from + n)
            });
            self.pos = keep.min(self.filled);
            match self.fill() {
                Ok(true) => from = self.pos,
                _ => {
                    self.pos = self.filled;
                    return;
                }
            }
        }
    }
}

impl<R: Read> Iterator for CsvReader<R> {
    type Item = Result<CsvRecord, CsvError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.read_record()
    }
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
mod tests;
