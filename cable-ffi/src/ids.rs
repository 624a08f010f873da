//! Identifiers and knowledge without a cable: canonical ids, tag kinds, the station table.
//!
//! These functions take a string as `(pointer, length)` (UTF-8; other bytes are decoded lossily)
//! and need no handle. Strings they return are static: valid for the life of the program.

use crate::boundary::guard;
use crate::make;
use crate::records::CableRecord;
use crate::types::CableStr;
use std::borrow::Cow;
use std::ffi::c_char;
use std::sync::OnceLock;

/// The rows of the station table as records, made once, so that pointers to them are stable.
fn rows() -> &'static [CableRecord] {
    static ROWS: OnceLock<Vec<CableRecord>> = OnceLock::new();
    ROWS.get_or_init(|| cable_core::ids::stations().iter().map(make::station).collect())
}

/// The text of `(ptr, len)`, or `None` for a NULL pointer.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes.
unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Option<Cow<'a, str>> {
    // No object is larger than `isize::MAX` bytes: such a `len` is a caller's bug (`SIZE_MAX`
    // for "NUL-terminated"), read as "absent" rather than building an invalid slice.
    if ptr.is_null() || len > isize::MAX as usize {
        return None;
    }
    // SAFETY: `ptr` is not NULL and points to `len` readable bytes (the caller's contract).
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    Some(String::from_utf8_lossy(bytes))
}

/// Writes the canonical form of the cable id in `id` (`len` bytes) — 2-digit year, station,
/// serial without leading zeros: `08ECTION01OF02MANAMA492` → `08MANAMA492`, `2007 SECSTATE
/// 012345` → `07STATE12345` (the rules are in the README) — into `buf` as a NUL-terminated
/// string, when `buf_len` leaves room for it and its NUL.
///
/// Returns its length without the NUL (like `snprintf`: a result ≥ `buf_len` means `buf` was
/// too small and holds nothing), or 0 when `id` has no canonical form (no year, station or
/// serial) or is NULL. `buf` may be NULL when `buf_len` is 0, to ask for the length.
/// Thread-safe.
///
/// # Safety
/// `id` must be NULL or point to `len` readable bytes; `buf` must be NULL or point to
/// `buf_len` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_canonical_id(id: *const c_char, len: usize, buf: *mut c_char, buf_len: usize) -> usize {
    // SAFETY: the caller's contract for `id`.
    let Some(input) = (unsafe { text(id, len) }) else { return 0 };
    let Some(canonical) = guard(|| cable_core::ids::canonical_id(&input)) else { return 0 };
    let n = canonical.len();
    if !buf.is_null() && n < buf_len {
        // SAFETY: `buf` holds `buf_len` > n writable bytes (the caller's contract).
        unsafe {
            std::ptr::copy_nonoverlapping(canonical.as_ptr().cast::<c_char>(), buf, n);
            buf.add(n).write(0);
        }
    }
    n
}

/// The kind of a tag (`tag`, `len` bytes; any case): `subject` (`PREL`, `HUMAN RIGHTS`),
/// `geo` (`RS`, `XF`), `org` (`NATO`), `program` (`KPAO`), `person` (`OVIP (CLINTON,
/// HILLARY)`) or `unknown`. Glued tags take the kind of their first part (`ECONEFIN`:
/// `subject`). Static; `{NULL, 0}` when `tag` is NULL. Thread-safe.
///
/// # Safety
/// `tag` must be NULL or point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_tag_kind(tag: *const c_char, len: usize) -> CableStr {
    // SAFETY: the caller's contract for `tag`.
    let Some(t) = (unsafe { text(tag, len) }) else { return CableStr::NONE };
    guard(|| CableStr::new(cable_core::ids::tag_kind(&t).as_str()))
}

/// Looks a post up in the station table by any of its names: reference-id station or alias
/// (`MOSCOW`, `Tel Aviv`, `HCMC`), plain-language address (`AMEMBASSY MOSCOW`), routing
/// indicator (`RUEHMO`) or envelope origin (`Embassy Moscow`); case and spacing do not matter.
/// Returns a static record (never freed) with `CABLE_FIELD_STATION`, `_PLAD`, `_PLADS`,
/// `_ROUTES`, `_ORIGIN`, `_COUNTRY` and `_GEO`, or NULL when no post has that name or `name` is
/// NULL. Thread-safe.
///
/// # Safety
/// `name` must be NULL or point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_station(name: *const c_char, len: usize) -> Option<&'static CableRecord> {
    // SAFETY: the caller's contract for `name`.
    let q = unsafe { text(name, len) }?;
    let table = cable_core::ids::stations();
    guard(|| cable_core::ids::station(&q).and_then(|row| rows().get(table.iter().position(|r| std::ptr::eq(r, row))?)))
}

/// Number of rows of the station table. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_station_count() -> usize {
    guard(|| rows().len())
}

/// Row `i` of the station table (file order), as `cable_station`; NULL when `i` is out of
/// range. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_station_at(i: usize) -> Option<&'static CableRecord> {
    guard(|| rows().get(i))
}
