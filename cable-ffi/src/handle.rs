//! The `Cable` handle and its root record: parsing, freeing, JSON, version and status strings.

use crate::boundary::{Failure, guard, put, run, run_out};
use crate::make;
use crate::records::CableRecord;
use crate::types::{CableError, CableFormat, CableOptions, CableStatus};
use cable_core::OwnedCable;
use cable_core::envelope::corpus::{self, Form};
use std::ffi::{CString, c_char, c_int};
use std::sync::OnceLock;

/// A parsed cable: an opaque handle that owns a copy of the input text and everything parsed
/// from it.
///
/// Made by `cable_parse`, `cable_parse_as` and `cable_csv_next`; freed by `cable_free`. Immutable:
/// any number of threads may read one handle at once.
pub struct Cable {
    /// The cable's own record, made on first use: kept so that what is handed to C has a stable
    /// address until the handle is freed.
    root: OnceLock<CableRecord>,
    owned: OwnedCable,
}

impl Cable {
    pub(crate) fn new(owned: OwnedCable) -> Cable {
        Cable { root: OnceLock::new(), owned }
    }

    /// The parsed cable.
    pub(crate) fn core(&self) -> &cable_core::Cable<'_> {
        self.owned.cable()
    }

    /// The record of the cable's own fields.
    pub(crate) fn root(&self) -> &CableRecord {
        let make = || make::root(self.core(), self.owned.text(), self.owned.source());
        // SAFETY: the cable is the handle's, and so is the record.
        self.root.get_or_init(|| unsafe { make().of_cable(self.core(), make::list) })
    }
}

/// Parses bytes into a boxed handle, or says why not (the core's one byte entry point).
fn parse_bytes(bytes: &[u8], form: Form, opts: &CableOptions) -> Result<Box<Cable>, Failure> {
    let owned =
        OwnedCable::from_bytes(bytes, form, &opts.core(), opts.strict_utf8()).map_err(|e| Failure::bytes(&e))?;
    Ok(Box::new(Cable::new(owned)))
}

/// The body shared by the four parse functions.
///
/// # Safety
/// As for `cable_parse_as`.
unsafe fn parse_entry(
    data: *const c_char,
    len: usize,
    opts: *const CableOptions,
    out: *mut *mut Cable,
    err: *mut CableError,
    form: Form,
) -> CableStatus {
    let make = || {
        if data.is_null() {
            return Err(Failure::null("data"));
        }
        // SAFETY: `opts` is NULL or points to a readable `CableOptions` (callers' contract).
        let opts = unsafe { opts.as_ref() }.copied().unwrap_or(CableOptions::DEFAULT);
        if len > isize::MAX as usize {
            // No object is that large: a caller's bug, reported before building a slice.
            return Err(Failure::new(CableStatus::CableTooLarge, format!("input too large: {len} bytes")));
        }
        // SAFETY: `data` is not NULL and points to `len` readable bytes (callers' contract);
        // `len` fits in `isize`.
        let bytes = unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) };
        parse_bytes(bytes, form, &opts)
    };
    // SAFETY: `out` and `err` are NULL or writable (callers' contract).
    unsafe { run_out(out, err, make) }
}

/// Parses the plain text of one cable (header and body, body alone, header alone, or a fragment
/// such as a TAGS and SUBJECT block) with the default options.
///
/// `data` holds `len` bytes: UTF-8, or any bytes, which are decoded lossily (see the opening
/// comment) with a `lossy_decoding` warning per replaced character (the first 64 are recorded).
/// They are copied: the caller may free `data` as soon as the call returns.
///
/// On success returns `CABLE_OK` and stores in `*out` a new handle, owned by the caller, to be
/// released with `cable_free`. On failure stores NULL in `*out` (when `out` is not NULL), fills
/// `*err` (when `err` is not NULL) and returns: `CABLE_NULL_ARGUMENT` (`data` or `out` is
/// NULL), `CABLE_EMPTY`, `CABLE_BINARY`, `CABLE_TOO_LARGE`, `CABLE_NOT_A_CABLE`, or
/// `CABLE_INTERNAL`. The parser is lenient: anything odd but usable is a warning, not an error.
///
/// Thread-safe: may be called from any number of threads at once.
///
/// # Safety
/// `data` must be NULL or point to `len` readable bytes; `out` must be NULL or point to a
/// writable `Cable *`; `err` must be NULL or point to a writable `CableError`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_parse(
    data: *const c_char,
    len: usize,
    out: *mut *mut Cable,
    err: *mut CableError,
) -> CableStatus {
    // SAFETY: the same contract as this function's.
    unsafe { parse_entry(data, len, std::ptr::null(), out, err, Form::Text) }
}

/// Parses one cable in `format` with options: `CABLE_FORMAT_TEXT` as `cable_parse`, or
/// `CABLE_FORMAT_HTML`, a cablegate HTML page (`<table class='cable'>` metadata and `<pre>`
/// blocks): the telegram text is the decoded `<pre>` blocks joined by a blank line, and the
/// table becomes the cable's envelope (`cable_envelope_*`), which fills gaps in what the text
/// says. `cable_detect_format` tells which from the first bytes. A page's bytes that are not
/// UTF-8 are decoded lossily with one `lossy_decoding` warning (empty span at 0: positions in the
/// page do not map onto the text); spans index the extracted text (`cable_text`), not the page.
/// `CABLE_FORMAT_CSV` fails with `CABLE_NOT_A_CABLE` (many cables: use `cable_csv_open`); any
/// other value reads as `CABLE_FORMAT_TEXT`.
///
/// `opts` may be NULL (the defaults); it is only read during the call; the size limit applies
/// to the page. With `CABLE_OPTION_STRICT_UTF8` in `opts->flags`, input that is not valid UTF-8
/// fails with `CABLE_INVALID_UTF8` and `err->offset` is the first invalid byte.
///
/// Returns and stores as `cable_parse` does, plus `CABLE_NOT_A_PAGE` when a page has no `<pre>`
/// block. Thread-safe. (It replaces `cable_parse_with_options`, `cable_parse_html` and
/// `cable_parse_html_with_options` of 0.1.)
///
/// # Safety
/// As `cable_parse`; `opts` must be NULL or point to a readable `CableOptions`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_parse_as(
    data: *const c_char,
    len: usize,
    format: c_int,
    opts: *const CableOptions,
    out: *mut *mut Cable,
    err: *mut CableError,
) -> CableStatus {
    // An `int`, not the enum: any value a C caller passes is safe.
    let form = match format {
        f if f == CableFormat::CableFormatHtml as c_int => Form::Html,
        f if f == CableFormat::CableFormatCsv as c_int => Form::Csv,
        _ => Form::Text,
    };
    // SAFETY: the same contract as this function's.
    unsafe { parse_entry(data, len, opts, out, err, form) }
}

/// Frees a handle and everything borrowed from it (every `CableStr` it returned becomes
/// invalid). NULL is a no-op. Must be called once per handle, after every thread is done
/// with it.
///
/// # Safety
/// `h` must be NULL or a handle from this library that has not been freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_free(h: *mut Cable) {
    if h.is_null() {
        return;
    }
    guard(|| {
        // SAFETY: `h` came from `Box::into_raw` in this library and is freed only once
        // (the caller's contract).
        drop(unsafe { Box::from_raw(h) });
    })
}

/// The options `cable_parse` uses: no size limit change (256 MiB), no year, lossy decoding.
/// Returned by value. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_options_default() -> CableOptions {
    CableOptions::DEFAULT
}

/// Says which reader suits an input, from its first bytes (4 KiB are plenty; the whole input
/// is fine): `CABLE_FORMAT_CSV` for a cables.csv file (a row start `"<digits>","`),
/// `CABLE_FORMAT_HTML` for a cablegate page, else `CABLE_FORMAT_TEXT`. The same rule as the
/// `cable` command. NULL gives `CABLE_FORMAT_TEXT`. Thread-safe.
///
/// # Safety
/// `data` must be NULL or point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_detect_format(data: *const c_char, len: usize) -> CableFormat {
    if data.is_null() {
        return CableFormat::CableFormatText;
    }
    // Only the head matters.
    let len = len.min(64 * 1024);
    // SAFETY: `data` is not NULL and points to at least `len` readable bytes (the caller's
    // contract).
    let head = unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) };
    guard(|| match corpus::detect("", head) {
        Form::Csv => CableFormat::CableFormatCsv,
        Form::Html => CableFormat::CableFormatHtml,
        _ => CableFormat::CableFormatText,
    })
}

/// Serialises the cable as one JSON object on one line: the JSON contract shared with the
/// `cable` command and the Python package (see the README).
///
/// On success stores in `*out` a new NUL-terminated UTF-8 string owned by the caller, to be
/// released with `cable_string_free`, and its length without the NUL in `*len` (when `len` is
/// not NULL). On failure stores NULL in `*out` and 0 in `*len` (when not NULL) and returns
/// `CABLE_NULL_ARGUMENT` (`h` or `out` is NULL) or `CABLE_INTERNAL`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_to_json(
    h: Option<&Cable>,
    out: Option<&mut *mut c_char>,
    len: Option<&mut usize>,
) -> CableStatus {
    json_entry(h, out, len, false)
}

/// `cable_to_json`, indented over several lines (two spaces per level). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_to_json_pretty(
    h: Option<&Cable>,
    out: Option<&mut *mut c_char>,
    len: Option<&mut usize>,
) -> CableStatus {
    json_entry(h, out, len, true)
}

fn json_entry(
    h: Option<&Cable>,
    out: Option<&mut *mut c_char>,
    mut len: Option<&mut usize>,
    pretty: bool,
) -> CableStatus {
    let body = move || {
        // Set first, so that they are never left unset on failure.
        put(len.as_deref_mut(), Some(0));
        let out = out.ok_or_else(|| Failure::null("out"))?;
        *out = std::ptr::null_mut();
        let cable = h.ok_or_else(|| Failure::null("h"))?;
        let json = if pretty { cable.core().to_json_pretty() } else { cable.core().to_json() };
        // JSON escapes control characters, so the text holds no NUL.
        let json = CString::new(json).map_err(|_| Failure::new(CableStatus::CableInternal, "NUL in JSON"))?;
        put(len, Some(json.as_bytes().len()));
        *out = json.into_raw();
        Ok(())
    };
    // SAFETY: a NULL `err` is allowed.
    unsafe { run(std::ptr::null_mut(), body) }
}

/// Frees a string returned by `cable_to_json` or `cable_to_json_pretty`. NULL is a no-op. Never
/// pass any other pointer (not a `CableStr`, not a `malloc`ed string), never free twice.
/// Thread-safe.
///
/// # Safety
/// `s` must be NULL or a string from `cable_to_json*` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    guard(|| {
        // SAFETY: `s` came from `CString::into_raw` in `cable_to_json*` and is freed once (the
        // caller's contract).
        drop(unsafe { CString::from_raw(s) });
    })
}

/// A static, NUL-terminated English description of a status value (`"empty input"`, ...);
/// `"unknown status"` for a value that is not a `CableStatus`. Never NULL, never to be freed.
/// Takes an `int` so that any value is safe to pass. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_status_message(status: c_int) -> *const c_char {
    CableStatus::message(status).as_ptr()
}

/// The library version (`"0.1.0"`): static, NUL-terminated, never to be freed. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_version() -> *const c_char {
    const VERSION: &std::ffi::CStr =
        match std::ffi::CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => c"unknown",
        };
    VERSION.as_ptr()
}
