//! Walking a corpus: files and directories of cables in any of the three forms, yielded one
//! document at a time. A `cables.csv` file is streamed row by row, a directory is walked in
//! sorted order, and no more than one file (or one CSV row plus a read chunk) is held in memory.
//! Compressed files (gzip, zstd) are read through [`stream::open`](super::stream::open), as are
//! streams handed over by the caller (standard input, a Python file object).

use super::csv::{CsvError, CsvReader};
use super::stream::{self, Stream, read_up_to};
use super::{Document, html};
use std::collections::VecDeque;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The form of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// The text of one cable.
    Text,
    /// A cablegate HTML page.
    Html,
    /// A `cables.csv` file: many cables.
    Csv,
}

/// Detects the form of an input from its first bytes, decompressed (and its name, as a hint for
/// pages: `x.html`, `x.html.gz`).
pub fn detect(name: &str, head: &[u8]) -> Form {
    if super::csv::looks_like_csv(head) {
        return Form::Csv;
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(64 * 1024)]);
    let name = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".zst")).unwrap_or(name);
    if name.ends_with(".html") || name.ends_with(".htm") || html::looks_like_page(&text) {
        return Form::Html;
    }
    Form::Text
}

/// Reads a whole (non-CSV) input of form `form` into a document: pages are decoded, text is
/// decoded lossily (see [`crate::decode`]; replaced bytes become `lossy_decoding` warnings).
pub fn document_from_bytes(form: Form, bytes: &[u8]) -> Result<Document<'static>, html::HtmlError> {
    match form {
        Form::Html => html::parse_page_bytes(bytes),
        Form::Text | Form::Csv => Ok(Document::from_bytes(bytes).into_owned()),
    }
}

/// Why one input of a corpus could not be read. The walk goes on with the next one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file looked like a page but has no `<pre>` block.
    #[error("{path}: {source}")]
    Html {
        /// The path.
        path: String,
        /// What is wrong with the page.
        #[source]
        source: html::HtmlError,
    },
    /// A file is rejected before parsing, as the bindings reject bytes
    /// ([`ParseOptions::check_bytes`](crate::ParseOptions::check_bytes)): longer than the size
    /// limit (found while reading it: no more than the limit and one read is held), or binary.
    #[error("{path}: {source}")]
    Rejected {
        /// The path.
        path: String,
        /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) naming the limit, or
        /// [`ErrorKind::Binary`](crate::ErrorKind::Binary).
        #[source]
        source: crate::ParseError,
    },
    /// A CSV row is malformed.
    #[error("{path}: {source}")]
    Csv {
        /// The path of the CSV file.
        path: String,
        /// The row error (row number and byte offset).
        #[source]
        source: CsvError,
    },
}

/// One cable's document and where it came from: the path, and `:<row>` for a CSV row.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `path` or `path:row` (the document carries it too: [`Document::source`]).
    pub source: String,
    /// The document.
    pub document: Document<'static>,
}

/// A document, or a CSV row whose unescaping and decoding is left to the caller (so that it can
/// run on a worker thread): see [`Corpus::next_raw`].
#[derive(Debug)]
pub enum RawEntry {
    /// A document read from a file.
    Document(Entry),
    /// A CSV row, split out of its file but not decoded.
    CsvRow {
        /// `path:row`.
        source: String,
        /// The row.
        row: super::csv::RawRow,
    },
}

impl RawEntry {
    /// The file the entry comes from: a document's source, a CSV row's without its `:row`.
    pub fn path(&self) -> &str {
        match self {
            RawEntry::Document(e) => &e.source,
            RawEntry::CsvRow { source, row } => {
                let n = row.row().to_string();
                source.strip_suffix(n.as_str()).and_then(|s| s.strip_suffix(':')).unwrap_or(source)
            }
        }
    }

    /// The entry, decoding a CSV row if needed.
    pub fn into_entry(self) -> Entry {
        match self {
            RawEntry::Document(e) => e,
            RawEntry::CsvRow { source, row } => {
                let document = row.decode().into_document().with_source(source.as_str());
                Entry { source, document }
            }
        }
    }
}

/// Iterator over the documents of files and directories (see the module documentation).
///
/// ```no_run
/// for entry in cable_core::envelope::corpus::Corpus::new(["../shared/corpus/cablegate-html"]) {
///     match entry {
///         Ok(e) => println!("{}: {:?}", e.source, e.document.parse().ok().and_then(|c| c.reference_id().map(str::to_owned))),
///         Err(err) => eprintln!("{err}"),
///     }
/// }
/// ```
///
/// This is the one walk of the project: the `cable` command, the Python readers (`read_dir`,
/// `read_csv`) and the C iterator all use it, so they see the same files in the same order.
#[derive(Debug)]
pub struct Corpus {
    /// Inputs still to read.
    pending: VecDeque<Pending>,
    csv: Option<(String, CsvReader<Stream>)>,
    max_row_len: Option<usize>,
    max_file_len: usize,
    /// The directories walked so far (canonical paths): a symlink loop is walked once.
    visited: std::collections::HashSet<PathBuf>,
    /// Bytes of the inputs finished so far (see [`Corpus::bytes_read`]).
    done_bytes: u64,
    /// Where the current CSV reader started counting (a range reader starts mid-file).
    csv_start: u64,
}

/// An input of a [`Corpus`] not read yet.
enum Pending {
    /// A path, with the form it is known to have (see [`Corpus::csv`]), and whether it was found
    /// by walking a directory (see [`Corpus::new`]).
    Path(PathBuf, Option<Form>, bool),
    /// A stream handed over by the caller, with its label (see [`Corpus::from_reader`]).
    Stream(String, Option<Form>, Stream),
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pending::Path(p, form, walked) => f.debug_tuple("Path").field(p).field(form).field(walked).finish(),
            Pending::Stream(label, form, _) => f.debug_tuple("Stream").field(label).field(form).finish(),
        }
    }
}

impl Corpus {
    /// A walk over `paths` (files or directories), in the order given; directories are walked
    /// recursively in sorted order, taking `.html`, `.htm`, `.txt`, `.csv` and extension-less
    /// files. Hidden entries (a name starting with `.`: `.git`, `.ipynb_checkpoints`,
    /// `.DS_Store`) are skipped while walking, files and directories alike; a hidden path given
    /// here is read. Each file's form is detected from its content ([`detect`]).
    ///
    /// While walking, what is neither a regular file nor a directory (a FIFO, a socket, a
    /// device) is skipped, since reading it may block forever; symbolic links are followed, but
    /// a directory reached twice (a link loop) is walked once. Files longer than the size limit
    /// ([`with_max_input_len`](Self::with_max_input_len)) are errors found while reading.
    pub fn new<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Self {
        let pending = paths.into_iter().map(|p| Pending::Path(p.as_ref().to_path_buf(), None, false)).collect();
        Corpus::with_pending(pending)
    }

    fn with_pending(pending: VecDeque<Pending>) -> Self {
        let max_file_len = crate::ParseOptions::default().limit();
        Corpus {
            pending,
            csv: None,
            max_row_len: None,
            max_file_len,
            visited: Default::default(),
            done_bytes: 0,
            csv_start: 0,
        }
    }

    /// A walk over one `cables.csv` file, read as CSV whatever its first bytes look like (a
    /// file that is not CSV gives row errors, not a text cable).
    pub fn csv(path: impl AsRef<Path>) -> Self {
        let pending = VecDeque::from([Pending::Path(path.as_ref().to_path_buf(), Some(Form::Csv), false)]);
        Corpus::with_pending(pending)
    }

    /// A walk over the rows of one plain (uncompressed) `cables.csv` file whose first byte lies
    /// in `range`: see [`CsvReader::range`]. Consecutive ranges give every row once, in order
    /// (the partitions of `cable.dask.read_csv`). Sources are `path:row` with rows counted from
    /// the range's start.
    pub fn csv_range(path: impl AsRef<Path>, range: std::ops::Range<u64>) -> std::io::Result<Self> {
        use std::io::{Seek, SeekFrom};
        let path = path.as_ref();
        let mut file = File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory, not a CSV file"));
        }
        file.seek(SeekFrom::Start(super::csv::range_seek_position(range.start)))?;
        let src = Stream::new(std::io::BufReader::with_capacity(256 * 1024, file));
        let start = range.start;
        let reader = CsvReader::range_after_seek(src, range)?;
        let mut corpus = Corpus::with_pending(VecDeque::new());
        corpus.csv_start = reader.bytes_consumed().max(start);
        corpus.csv = Some((path.display().to_string(), reader));
        Ok(corpus)
    }

    /// A walk over one stream of bytes (standard input, a binding's file object), labelled
    /// `label` in sources and errors: decompressed and detected like a file, then read as a CSV
    /// file (row by row) or as one text or page. `form` forces the form, as [`Corpus::csv`]
    /// does.
    pub fn from_reader(label: impl Into<String>, form: Option<Form>, reader: impl Read + Send + 'static) -> Self {
        Corpus::with_pending(VecDeque::from([Pending::Stream(label.into(), form, Stream::new(reader))]))
    }

    /// The walk of a binding's reader, checked now rather than at its first entry: over the
    /// directory `path` ([`Corpus::new`]; a file is an error), or with `csv` over the rows of
    /// the CSV file `path` ([`Corpus::csv`]), or of its byte `range` ([`Corpus::csv_range`]).
    /// With it the bytes it will read when known: the [`plain_size`] of `path`, or the range's
    /// part of the file.
    pub fn open(path: &Path, csv: bool, range: Option<std::ops::Range<u64>>) -> std::io::Result<(Self, Option<u64>)> {
        if let Some(range) = range {
            let size = std::fs::metadata(path)?.len().min(range.end).saturating_sub(range.start);
            return Ok((Corpus::csv_range(path, range)?, Some(size)));
        }
        let corpus = if csv {
            File::open(path)?;
            Corpus::csv(path)
        } else {
            std::fs::read_dir(path)?;
            Corpus::new([path])
        };
        Ok((corpus, plain_size(&[path])))
    }

    /// Sets the longest CSV row read (see [`CsvReader::with_max_row_len`]).
    pub fn with_max_row_len(mut self, len: usize) -> Self {
        self.max_row_len = Some(len);
        // A range walk (`csv_range`) has its reader already.
        if let Some((label, reader)) = self.csv.take() {
            self.csv = Some((label, reader.with_max_row_len(len)));
        }
        self
    }

    /// Sets the longest file read (default: [`ParseOptions`](crate::ParseOptions)'s limit,
    /// 256 MiB) and, unless set, the longest CSV row. A longer file is a
    /// [`CorpusError::TooLarge`] after reading at most `len` + 1 bytes of it.
    pub fn with_max_input_len(mut self, len: usize) -> Self {
        self.max_file_len = len;
        self.max_row_len.get_or_insert(len);
        self
    }

    /// Opens the next file (walking into directories): its document, or `None` when it is a CSV
    /// file whose rows now follow, or `None` from the outer option when nothing is left.
    fn next_file(&mut self) -> Option<Result<Option<Entry>, CorpusError>> {
        loop {
            let (path, form, walked) = match self.pending.pop_front()? {
                Pending::Path(path, form, walked) => (path, form, walked),
                Pending::Stream(label, form, src) => {
                    let limit = self.max_file_len;
                    let input = read_limited(src, &label, form, limit, None);
                    return Some(self.open_input(input, label));
                }
            };
            let label = path.display().to_string();
            if form.is_none() && path.is_dir() {
                // A directory reached again through a symbolic link: already walked.
                if !std::fs::canonicalize(&path).is_ok_and(|c| self.visited.insert(c)) {
                    continue;
                }
                match sorted_children(&path) {
                    Ok(children) => {
                        for c in children.into_iter().rev() {
                            self.pending.push_front(Pending::Path(c, None, true));
                        }
                        continue;
                    }
                    Err(source) => return Some(Err(CorpusError::Io { path: label, source })),
                }
            }
            // A FIFO in a walked directory would block the walk forever: only regular files are
            // read there (a path given by the caller is read whatever it is: `/dev/stdin`).
            if walked && !path.metadata().is_ok_and(|m| m.is_file()) {
                continue;
            }
            return Some(self.open_file(&path, form, label));
        }
    }

    fn open_file(&mut self, path: &Path, form: Option<Form>, label: String) -> Result<Option<Entry>, CorpusError> {
        let input = read_file_limited(path, form, self.max_file_len);
        self.open_input(input, label)
    }

    fn open_input(&mut self, input: std::io::Result<Input>, label: String) -> Result<Option<Entry>, CorpusError> {
        let io = |source| CorpusError::Io { path: label.clone(), source };
        match input.map_err(io)? {
            Input::Csv(reader) => {
                let reader = match self.max_row_len {
                    Some(len) => reader.with_max_row_len(len),
                    None => reader,
                };
                self.csv = Some((label, reader));
                self.csv_start = 0;
                Ok(None)
            }
            Input::Bytes(form, bytes) => {
                self.done_bytes += bytes.len() as u64;
                // Binary data is found in the bytes: decoding replaces the NULs that reveal it
                // (`/bin/ls` was "binary" in Python and C but "not a cable" here).
                crate::ParseOptions::default()
                    .check_bytes(&bytes)
                    .map_err(|source| CorpusError::Rejected { path: label.clone(), source })?;
                let document = document_from_bytes(form, &bytes)
                    .map_err(|source| CorpusError::Html { path: label.clone(), source })?;
                Ok(Some(Entry { document: document.with_source(label.as_str()), source: label }))
            }
            Input::TooLarge { limit } => {
                Err(CorpusError::Rejected { path: label, source: crate::ParseError::too_large(limit) })
            }
        }
    }
}

impl Corpus {
    /// The next entry, with CSV rows left undecoded (for parallel pipelines: the walk itself then
    /// only copies bytes).
    pub fn next_raw(&mut self) -> Option<Result<RawEntry, CorpusError>> {
        loop {
            if let Some((label, reader)) = &mut self.csv {
                match reader.read_raw() {
                    Some(Ok(row)) => {
                        let source = super::csv::row_source(label, row.row());
                        return Some(Ok(RawEntry::CsvRow { source, row }));
                    }
                    Some(Err(source)) => return Some(Err(CorpusError::Csv { path: label.clone(), source })),
                    None => {
                        self.done_bytes += self.csv_bytes();
                        self.csv = None;
                    }
                }
            }
            match self.next_file()? {
                Ok(Some(entry)) => return Some(Ok(RawEntry::Document(entry))),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Corpus {
    /// Bytes read so far: of the files finished (a page or text counts whole once read) and of
    /// the CSV file being read up to its current row, counted in the decompressed stream; for a
    /// range walk ([`Corpus::csv_range`]), from the range's start. For progress reports.
    pub fn bytes_read(&self) -> u64 {
        self.done_bytes + self.csv_bytes()
    }

    fn csv_bytes(&self) -> u64 {
        self.csv.as_ref().map_or(0, |(_, r)| r.bytes_consumed().saturating_sub(self.csv_start))
    }
}

impl Iterator for Corpus {
    type Item = Result<Entry, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_raw().map(|r| r.map(RawEntry::into_entry))
    }
}

/// One file, opened: a CSV file to stream, or the whole bytes of a text or page.
#[derive(Debug)]
pub enum Input {
    /// A `cables.csv` file, positioned at its start (decompressed).
    Csv(CsvReader<Stream>),
    /// A text or a page, read whole, with its detected form.
    Bytes(Form, Vec<u8>),
    /// A text or a page longer than the limit given to [`read_file_limited`] (no more than the
    /// limit and one read was read).
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
}

/// Opens one file the way the walk does: decompressed when it is gzip or zstd (see
/// [`stream::open`]), its form is `form`, or detected from its first 4 KiB (content first,
/// `.html` as a hint); a CSV file is not read further. For callers that read
/// single files (Python's `parse_file`). Files longer than the default size limit (see
/// [`read_file_limited`]) are [`Input::TooLarge`].
pub fn read_file(path: &Path, form: Option<Form>) -> std::io::Result<Input> {
    read_file_limited(path, form, crate::ParseOptions::default().limit())
}

/// [`read_file`] with a size limit: a text or page longer than `limit` bytes is
/// [`Input::TooLarge`], found from its size or, for a pipe, after reading `limit` + 1 bytes —
/// never by reading it whole (a 500 MB file took 974 MB before it was rejected).
pub fn read_file_limited(path: &Path, form: Option<Form>, limit: usize) -> std::io::Result<Input> {
    let file = File::open(path)?;
    // A directory opens on Unix and fails only at the first read: say so now.
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory, not a file of cables"));
    }
    let size = meta.is_file().then_some(meta.len());
    read_limited(file, &path.display().to_string(), form, limit, size)
}

/// [`read_file_limited`] on a stream named `name` (for the `.html` hint), whose stored size is
/// `size` when known (a file): a file stored in more than `limit` bytes without compression is
/// [`Input::TooLarge`] before it is read.
pub fn read_limited(
    src: impl Read + Send + 'static,
    name: &str,
    form: Option<Form>,
    limit: usize,
    size: Option<u64>,
) -> std::io::Result<Input> {
    let src = std::io::BufReader::with_capacity(256 * 1024, src);
    let (mut stream, compression) = stream::open(src)?;
    let mut head = vec![0u8; 4096];
    let n = read_up_to(&mut stream, &mut head)?;
    head.truncate(n);
    let forced = form;
    let form = form.unwrap_or_else(|| detect(name, &head));
    if form == Form::Csv {
        return Ok(Input::Csv(CsvReader::new(Stream::new(std::io::Cursor::new(head).chain(stream)))));
    }
    let too_large = Input::TooLarge { limit };
    if compression.is_none() && size.is_some_and(|s| s > limit as u64) {
        return Ok(too_large);
    }
    let mut bytes = head;
    let room = (limit as u64 + 1).saturating_sub(bytes.len() as u64);
    (&mut stream).take(room).read_to_end(&mut bytes)?;
    // A page's markers (`<pre>`, `class='cable'`) come after several KB of head and style: a
    // page without a name that says so (a file object, standard input) is told from a text by
    // its first 64 KB, not by the 4 KB read to tell a CSV file.
    let form = if forced.is_none() && form == Form::Text { detect(name, &bytes) } else { form };
    Ok(if bytes.len() > limit { too_large } else { Input::Bytes(form, bytes) })
}

/// The files a [`Corpus::new`] walk of `root` reads, in its order (the same rules: sorted,
/// hidden entries skipped, only regular files with a cable extension, a directory reached twice
/// through links walked once), without reading them: for callers that split the work
/// (`cable.dask.read_dir`). Unreadable directories are left out (the walk reports them).
pub fn walk_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut visited = std::collections::HashSet::new();
    // An explicit stack, not recursion: the depth follows the file tree.
    let mut stack = vec![(root.to_path_buf(), false)];
    while let Some((path, walked)) = stack.pop() {
        if path.is_dir() {
            if !std::fs::canonicalize(&path).is_ok_and(|c| visited.insert(c)) {
                continue;
            }
            if let Ok(children) = sorted_children(&path) {
                stack.extend(children.into_iter().rev().map(|c| (c, true)));
            }
        } else if !walked || path.metadata().is_ok_and(|m| m.is_file()) {
            out.push(path);
        }
    }
    out
}

/// [`walk_files`] with each file's size in bytes and whether it [`is_plain_csv`]: the plan of a
/// job that splits the walk (`cable.dask.read_dir` reads plain CSV files by byte ranges).
pub fn walk_plan(root: &Path) -> Vec<(PathBuf, u64, bool)> {
    let plan = |p: PathBuf| {
        let (size, csv) = (p.metadata().map_or(0, |m| m.len()), is_plain_csv(&p));
        (p, size, csv)
    };
    walk_files(root).into_iter().map(plan).collect()
}

/// The bytes a [`Corpus::new`] walk of `paths` reads, when none of its files is compressed
/// (the walk counts the bytes of a compressed file decompressed, so no size on disk gives
/// them): the total of a progress bar over [`Corpus::bytes_read`]. `None` when a file is
/// compressed or cannot be read.
pub fn plain_size<P: AsRef<Path>>(paths: &[P]) -> Option<u64> {
    let file_size = |p: &Path| {
        let mut head = Vec::new();
        File::open(p).ok()?.take(8).read_to_end(&mut head).ok()?;
        stream::compression(&head).is_none().then_some(())?;
        p.metadata().ok().map(|m| m.len())
    };
    paths.iter().flat_map(|p| walk_files(p.as_ref())).map(|p| file_size(&p)).sum()
}

/// True when `path` is an uncompressed `cables.csv` file (by its first bytes): one whose rows
/// can be read by byte ranges ([`Corpus::csv_range`]).
pub fn is_plain_csv(path: &Path) -> bool {
    let mut head = Vec::new();
    let Ok(file) = File::open(path) else { return false };
    if file.take(64).read_to_end(&mut head).is_err() {
        return false;
    }
    stream::compression(&head).is_none() && super::csv::looks_like_csv(&head)
}

fn sorted_children(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if !hidden && (p.is_dir() || is_cable_file(&p)) {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// Files a directory walk takes: pages, texts and CSV files, also compressed (`x.csv.gz`,
/// `x.txt.zst`, `x.gz`).
fn is_cable_file(p: &Path) -> bool {
    let ext = |p: &Path| p.extension().and_then(|e| e.to_str()).unwrap_or("").to_owned();
    let mut e = ext(p);
    if e == "gz" || e == "zst" {
        e = ext(Path::new(p.file_stem().unwrap_or_default()));
    }
    matches!(e.as_str(), "html" | "htm" | "txt" | "csv" | "")
}

#[cfg(test)]
mod tests;
