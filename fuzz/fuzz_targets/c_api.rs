#![no_main]
//! The C entry points with arbitrary bytes: `cable_parse_as` a text or a page (with and
//! without strict UTF-8), every field of the handle and of its records read out through the
//! field accessors (each returned `CableStr` must point inside memory the handle owns, which
//! AddressSanitizer checks when the bytes are read), `cable_to_json`, and the frees.

use cable::*;
use libfuzzer_sys::fuzz_target;
use std::ptr;

/// Reads every byte of a borrowed string (so that ASan sees any bad pointer) and checks it is
/// UTF-8.
fn touch(s: CableStr) {
    if s.ptr.is_null() {
        assert_eq!(s.len, 0, "absent strings have length 0");
        return;
    }
    // SAFETY: the library promises `len` readable bytes while the handle lives.
    let bytes = unsafe { std::slice::from_raw_parts(s.ptr.cast::<u8>(), s.len) };
    assert!(std::str::from_utf8(bytes).is_ok(), "CableStr is UTF-8");
}

/// Every string and list of strings of `r` and of the records under it (the cable's own
/// record: its lists, their records, and a paragraph's items and marking), for every field name
/// and one past the last (unknown: absent). The index one past the end of a list gives NULL.
fn touch_record(r: Option<&CableRecord>, depth: u32) {
    for f in 0..=CABLE_FIELD_GEO + 1 {
        touch(cable_str(r, f));
        let list = cable_strs(r, f);
        // SAFETY: a list holds `len` strings while its handle lives.
        (0..list.len).for_each(|i| touch(unsafe { *list.items.add(i) }));
        let count = cable_count(r, f);
        assert!(cable_record(r, f, count).is_none(), "past the end of a list: NULL");
        if depth < 2 {
            (0..count).for_each(|i| touch_record(cable_record(r, f, i), depth + 1));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    let mut h: *mut Cable = ptr::null_mut();
    let mut err = CableError {
        status: CableStatus::CableOk,
        line: 0,
        column: 0,
        offset: 0,
        row: 0,
        message: [0; CABLE_ERROR_MESSAGE_LEN],
    };
    let mut opts = cable_options_default();
    if mode & 2 != 0 {
        opts.flags |= CABLE_OPTION_STRICT_UTF8;
    }
    // SAFETY: valid pointers to a live buffer, options, handle slot and error struct.
    let format = if mode & 1 == 0 { CableFormat::CableFormatText } else { CableFormat::CableFormatHtml };
    let status = unsafe { cable_parse_as(data.as_ptr().cast(), data.len(), format as i32, &opts, &mut h, &mut err) };
    if status != CableStatus::CableOk {
        assert!(h.is_null(), "no handle on failure");
        assert_eq!(err.status, status, "the error struct carries the status");
        // Offsets index the decoded text: at most 3 bytes (U+FFFD) per input byte.
        assert!(err.offset as usize <= 3 * data.len(), "error offset inside the input");
        return;
    }
    let raw = h;
    // SAFETY: `raw` is a live handle from `cable_parse_as`, freed at the end; indexes past the
    // end are allowed (they return the absent value); a list holds `len` strings.
    unsafe {
        let h = raw.as_ref();
        touch_record(cable_root(h), 0);
        let mut json: *mut std::ffi::c_char = ptr::null_mut();
        let mut len = 0usize;
        assert_eq!(cable_to_json(h, Some(&mut json), Some(&mut len)), CableStatus::CableOk);
        let bytes = std::slice::from_raw_parts(json.cast::<u8>(), len);
        let _: serde_json::Value = serde_json::from_slice(bytes).expect("valid JSON");
        cable_string_free(json);
        cable_free(raw);
    }
});
