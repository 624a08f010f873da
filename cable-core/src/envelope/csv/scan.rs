//! Finding a row's fields, a row's start, and removing backslash escapes.

use super::{CsvErrorKind, FIELDS};
use std::borrow::Cow;
use std::ops::Range;

/// What scanning a row found.
pub(super) enum Scan {
    /// The field ranges (inside the quotes, escapes not yet removed) and the row length.
    Row([Range<usize>; FIELDS], usize),
    /// The buffer ends inside the row.
    NeedMore,
    /// Malformed at the given offset, after the given number of complete fields.
    Bad(CsvErrorKind, usize, usize),
}

/// Scans one row at the start of `b`.
pub(super) fn scan_row(b: &[u8]) -> Scan {
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
pub(super) fn looks_like_row_start(b: &[u8]) -> Option<bool> {
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
pub(super) fn unescape(raw: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr(b'\\', raw).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    unescape_into(raw, &mut out);
    Cow::Owned(out)
}

/// Appends `raw` to `out` without its backslash escapes (`\X` → `X`).
pub(super) fn unescape_into(raw: &[u8], out: &mut Vec<u8>) {
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
