//! The plain C types: strings, spans, status codes, the error struct and parse options.

use std::ffi::{c_char, c_int};

/// A borrowed UTF-8 string: `len` bytes at `ptr`. NOT NUL-terminated (print it with
/// `printf("%.*s", (int)s.len, s.ptr)`), never containing NUL.
///
/// Borrowed from the handle it came from and valid until that handle is freed; never free it.
/// `{NULL, 0}` means the value is absent. A present but empty value has a non-NULL `ptr` (that
/// must not be read) and `len` 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CableStr {
    /// First byte, or NULL when the value is absent.
    pub ptr: *const c_char,
    /// Length in bytes.
    pub len: usize,
}

impl CableStr {
    /// The absent value `{NULL, 0}`.
    pub(crate) const NONE: CableStr = CableStr { ptr: std::ptr::null(), len: 0 };

    /// A view of `s` (which must outlive every use of the view on the C side).
    pub(crate) fn new(s: &str) -> CableStr {
        CableStr { ptr: s.as_ptr().cast(), len: s.len() }
    }

    /// A view of `s`, or `{NULL, 0}`.
    pub(crate) fn opt(s: Option<&str>) -> CableStr {
        s.map_or(CableStr::NONE, CableStr::new)
    }
}

/// A borrowed list of strings, in the rustls-ffi style (`rustls_slice_str`): `len` strings at
/// `items` (`items[i]` for `i < len`), borrowed as the strings are (from the handle until
/// `cable_free`, or static) and never freed; `{NULL, 0}` when empty or absent.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CableStrs {
    /// The first string, or NULL when the list is empty.
    pub items: *const CableStr,
    /// Number of strings.
    pub len: usize,
}

impl CableStrs {
    /// The empty list `{NULL, 0}`.
    pub(crate) const NONE: CableStrs = CableStrs { items: std::ptr::null(), len: 0 };
}

/// A half-open byte range `[start, end)` into the text of a cable (see `cable_text`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CableSpan {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl From<cable_core::Span> for CableSpan {
    fn from(s: cable_core::Span) -> Self {
        CableSpan { start: s.start as usize, end: s.end as usize }
    }
}

/// What a function that can fail returns. `CABLE_OK` is 0; every other value is an error, and
/// `cable_status_message` describes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // C names: CABLE_OK, CABLE_NULL_ARGUMENT, ...
pub enum CableStatus {
    /// Success.
    CableOk = 0,
    /// A required pointer argument was NULL.
    CableNullArgument = 1,
    /// The input is not valid UTF-8 and the caller asked for strict decoding
    /// (`CABLE_OPTION_STRICT_UTF8`). Without that flag invalid bytes are decoded lossily and
    /// reported as `lossy_decoding` warnings, so this status is never returned.
    CableInvalidUtf8 = 2,
    /// The input is empty or holds only whitespace.
    CableEmpty = 3,
    /// The input looks like binary data (NUL bytes, mostly control characters).
    CableBinary = 4,
    /// The input is longer than the size limit (`CableOptions.max_input_len`, 256 MiB by
    /// default).
    CableTooLarge = 5,
    /// The input is text, but no line of it belongs to a cable.
    CableNotACable = 6,
    /// `cable_parse_as` a page: the input is not a cablegate page (it has no `<pre>` block).
    CableNotAPage = 7,
    /// A file could not be opened or read.
    CableIoError = 8,
    /// `cable_csv_next`: a malformed row (broken quoting, wrong field count, truncated, too
    /// long). The error gives its row number and byte offset; the next call reads on.
    CableCsvRow = 9,
    /// `cable_csv_next`: no more rows. Not an error.
    CableEnd = 10,
    /// A bug in the library (a Rust panic, caught at the boundary). The call had no effect
    /// beyond what its documentation says for failure; please report it.
    CableInternal = 11,
}

impl CableStatus {
    /// The static, NUL-terminated description of a status value.
    pub(crate) fn message(status: c_int) -> &'static std::ffi::CStr {
        match status {
            0 => c"ok",
            1 => c"a required argument is NULL",
            2 => c"input is not valid UTF-8",
            3 => c"empty input",
            4 => c"binary data, not text",
            5 => c"input too large",
            6 => c"not a cable: no recognisable cable line",
            7 => c"not a cablegate page: no <pre> block",
            8 => c"I/O error",
            9 => c"malformed CSV row",
            10 => c"end of the CSV file",
            11 => c"internal error (a bug in libcable)",
            _ => c"unknown status",
        }
    }
}

/// The form of an input, as `cable_detect_format` finds it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // C names: CABLE_FORMAT_TEXT, ...
pub enum CableFormat {
    /// The plain text of one cable: `cable_parse`.
    CableFormatText = 0,
    /// A cablegate HTML page: `cable_parse_as`.
    CableFormatHtml = 1,
    /// A `cables.csv` file (many cables): `cable_csv_open`.
    CableFormatCsv = 2,
}

/// Size of `CableError.message`, NUL included.
pub const CABLE_ERROR_MESSAGE_LEN: usize = 256;

/// Details of a failure, filled by the functions that take a `CableError *` (which may be NULL).
///
/// Owned by the caller (typically on the stack); nothing in it needs freeing. On success the
/// functions set `status` to `CABLE_OK` and clear the rest.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct CableError {
    /// The status the function returned.
    pub status: CableStatus,
    /// 1-based line of `offset` in the parsed text; 0 when not applicable (I/O and CSV errors).
    pub line: u32,
    /// 1-based column (in characters) of `offset`; 0 when not applicable.
    pub column: u32,
    /// Byte offset of the problem: in the input text for parse errors (the text after decoding,
    /// which is the input itself when it was valid UTF-8; for pages and CSV rows, the extracted
    /// telegram text), in the file for CSV row errors.
    pub offset: u64,
    /// `cable_csv_next`: number of the row concerned (1-based, counting every row, good or
    /// bad); 0 otherwise.
    pub row: u64,
    /// A one-line description, NUL-terminated UTF-8 (cut at `CABLE_ERROR_MESSAGE_LEN - 1`
    /// bytes), e.g. `no recognisable cable line at line 1, column 1`.
    pub message: [c_char; CABLE_ERROR_MESSAGE_LEN],
}

/// Option flag: reject input that is not valid UTF-8 with `CABLE_INVALID_UTF8` instead of
/// decoding it lossily (applies to `cable_parse*`; CSV rows are always decoded lossily).
pub const CABLE_OPTION_STRICT_UTF8: u32 = 1;

/// Options for `cable_parse_as` and `cable_csv_open`. Start from
/// `cable_options_default()` and change fields; a zero field means "default".
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CableOptions {
    /// Longest input accepted, in bytes (for CSV files: longest row); longer inputs fail with
    /// `CABLE_TOO_LARGE`. 0 means the default, 256 MiB; values above 4 GiB are capped there.
    pub max_input_len: u64,
    /// The year of cables whose text has no date-time group (many partial records), e.g.
    /// 2004; 0 when unknown. The date-time group and the envelope take precedence.
    pub year: i32,
    /// Bitwise OR of `CABLE_OPTION_*` flags; 0 for none.
    pub flags: u32,
}

impl CableOptions {
    /// The defaults: no limit change, no year, lossy decoding.
    pub(crate) const DEFAULT: CableOptions = CableOptions { max_input_len: 0, year: 0, flags: 0 };

    /// The core's options for these.
    pub(crate) fn core(&self) -> cable_core::ParseOptions {
        let mut o = cable_core::ParseOptions::default();
        if self.max_input_len > 0 {
            o = o.with_max_input_len(usize::try_from(self.max_input_len).unwrap_or(usize::MAX).min(u32::MAX as usize));
        }
        if self.year != 0 {
            o = o.with_year(self.year);
        }
        o
    }

    /// True when the caller asked to reject invalid UTF-8.
    pub(crate) fn strict_utf8(&self) -> bool {
        self.flags & CABLE_OPTION_STRICT_UTF8 != 0
    }
}
