//! Finding a row's fields (and its backslash escapes) and a row's start.

use super::{CsvErrorKind, FIELDS};
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

/// Scans one row at the start of `b`, noting in `escapes` (cleared first) the offset of every
/// escaping backslash in it: the scan meets each one anyway, so that unescaping the row
/// ([`RawRow::unescaped`](super::RawRow::unescaped)) is then copies between them, without looking for them again.
pub(super) fn scan_row(b: &[u8], escapes: &mut Vec<usize>) -> Scan {
    escapes.clear();
    let marks = Marks::new();
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
            match marks.find(&b[i..]) {
                None => return Scan::NeedMore,
                Some(k) => {
                    i += k;
                    if b[i] == b'\\' {
                        escapes.push(i);
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

/// The search for the next `"` or `\\` of a field: memchr's AVX2 searcher, set up once a row,
/// where `memchr2` chose its searcher and set it up again at each search (a row's fields and
/// escapes, some 25 a row: the choice was a sixth of the search); `memchr2` where there is no
/// AVX2.
struct Marks {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Two>,
}

impl Marks {
    fn new() -> Marks {
        Marks {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Two::new(b'"', b'\\'),
        }
    }

    /// The offset of the first `"` or `\\` of `haystack`.
    #[inline]
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(searcher) = &self.avx2 {
            return searcher.find(haystack);
        }
        memchr::memchr2(b'"', b'\\', haystack)
    }
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

/// True when `head` (the start of a file) looks like `cables.csv`.
pub fn looks_like_csv(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(head.len());
    looks_like_row_start(&head[start..]) == Some(true)
}
