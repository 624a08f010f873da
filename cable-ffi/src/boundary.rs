//! The panic boundary and the error plumbing shared by every exported function.
//!
//! Each `extern "C" fn` stays a plain function (so cbindgen reads its real signature) and runs
//! its body through [`guard`] (accessors: a panic gives the type's [`Fallback`] value) or
//! [`run`] (fallible functions: a panic gives `CABLE_INTERNAL`, reported in the caller's
//! `CableError`). Since Rust 1.81 a panic leaving an `extern "C"` function aborts the host
//! process, so nothing may escape.

use crate::types::{CABLE_ERROR_MESSAGE_LEN, CableError, CableFormat, CableSpan, CableStatus, CableStr, CableStrs};
use cable_core::failure::panic_message;
use std::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The value an accessor returns when its handle is NULL or it panicked.
pub(crate) trait Fallback {
    fn fallback() -> Self;
}

/// The fallback of each type an exported function returns.
macro_rules! fallback {
    ($($t:ty => $v:expr,)*) => {$(
        impl Fallback for $t {
            fn fallback() -> Self {
                $v
            }
        }
    )*};
}
fallback! {
    CableStr => CableStr::NONE,
    CableStrs => CableStrs::NONE,
    CableSpan => CableSpan::default(),
    usize => 0,
    bool => false,
    CableStatus => CableStatus::CableInternal,
    CableFormat => CableFormat::CableFormatText,
    () => (),
}

impl<T> Fallback for Option<T> {
    fn fallback() -> Self {
        None
    }
}

/// Runs `f`, turning a panic into `T::fallback()`.
pub(crate) fn guard<T: Fallback>(f: impl FnOnce() -> T) -> T {
    // The closure only reads shared data or owns what it changes; after a panic nothing it
    // touched is used again (the handle is immutable, the CSV iterator marks itself done).
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| T::fallback())
}

/// Writes `value` to `out` when `value` is present and `out` is not NULL; returns whether
/// `value` is present.
pub(crate) fn put<T>(out: Option<&mut T>, value: Option<T>) -> bool {
    match (value, out) {
        (Some(v), Some(out)) => {
            *out = v;
            true
        }
        (v, _) => v.is_some(),
    }
}

/// Why a fallible function failed: what goes into the caller's `CableError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub status: CableStatus,
    pub message: String,
    pub offset: u64,
    pub line: u32,
    pub column: u32,
    pub row: u64,
}

impl Failure {
    /// A failure with a status and a message, at no particular position.
    pub fn new(status: CableStatus, message: impl Into<String>) -> Failure {
        Failure { status, message: message.into(), offset: 0, line: 0, column: 0, row: 0 }
    }

    /// A NULL required argument.
    pub fn null(what: &str) -> Failure {
        Failure::new(CableStatus::CableNullArgument, format!("{what} is NULL"))
    }

    /// The failure for bytes the core could not turn into a cable.
    pub fn bytes(e: &cable_core::BytesError) -> Failure {
        use cable_core::BytesError;
        match e {
            BytesError::Parse(e) => Failure::parse(e),
            BytesError::Encoding { offset, pos } => Failure {
                offset: *offset,
                line: pos.line,
                column: pos.column,
                ..Failure::new(CableStatus::CableInvalidUtf8, e.to_string())
            },
            BytesError::Html(_) => Failure::new(CableStatus::CableNotAPage, e.to_string()),
            BytesError::Csv => Failure::new(CableStatus::CableNotACable, e.to_string()),
            _ => Failure::new(CableStatus::CableInternal, e.to_string()),
        }
    }

    /// The failure for a parse error of the core.
    pub fn parse(e: &cable_core::ParseError) -> Failure {
        use cable_core::ErrorKind;
        let status = match e.kind() {
            ErrorKind::Empty => CableStatus::CableEmpty,
            ErrorKind::Binary => CableStatus::CableBinary,
            ErrorKind::TooLarge => CableStatus::CableTooLarge,
            _ => CableStatus::CableNotACable,
        };
        let pos = e.line_col();
        Failure {
            status,
            message: e.to_string(),
            offset: e.offset() as u64,
            line: pos.line,
            column: pos.column,
            row: 0,
        }
    }
}

/// Runs a fallible function body: returns its status and, when `err` is not NULL, fills it
/// (cleared on success). A panic becomes `CABLE_INTERNAL` with the panic's message.
///
/// # Safety
/// `err` must be NULL or point to writable memory for one `CableError`.
pub(crate) unsafe fn run(err: *mut CableError, f: impl FnOnce() -> Result<(), Failure>) -> CableStatus {
    let result = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            Err(Failure::new(CableStatus::CableInternal, format!("internal error: {}", panic_message(&*payload))))
        }
    };
    let status = match &result {
        Ok(()) => CableStatus::CableOk,
        Err(f) => f.status,
    };
    if !err.is_null() {
        let value = match &result {
            Ok(()) => error_value(&Failure::new(CableStatus::CableOk, "")),
            Err(f) => error_value(f),
        };
        // SAFETY: `err` is not NULL and the caller guarantees it is valid for one write;
        // `write` does not read (the memory may be uninitialised).
        unsafe { err.write(value) };
    }
    status
}

/// Runs a function that makes a new object for the caller: `*out` is set to NULL first, then
/// to the object when `make` succeeds (ownership passes to the caller); status and `err` as
/// [`run`]. A NULL `out` is `CABLE_NULL_ARGUMENT`.
///
/// # Safety
/// `out` must be NULL or point to writable memory for one pointer; `err` as for [`run`].
pub(crate) unsafe fn run_out<T>(
    out: *mut *mut T,
    err: *mut CableError,
    make: impl FnOnce() -> Result<Box<T>, Failure>,
) -> CableStatus {
    let body = || {
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        // SAFETY: `out` is not NULL and writable (this function's contract).
        unsafe { out.write(std::ptr::null_mut()) };
        let made = make()?;
        // SAFETY: as above.
        unsafe { out.write(Box::into_raw(made)) };
        Ok(())
    };
    // SAFETY: `err` is NULL or writable (this function's contract).
    unsafe { run(err, body) }
}

/// The `CableError` describing `f`.
pub(crate) fn error_value(f: &Failure) -> CableError {
    let mut message = [0 as c_char; CABLE_ERROR_MESSAGE_LEN];
    let mut end = f.message.len().min(CABLE_ERROR_MESSAGE_LEN - 1);
    while !f.message.is_char_boundary(end) {
        end -= 1;
    }
    for (dst, &b) in message.iter_mut().zip(&f.message.as_bytes()[..end]) {
        *dst = if b == 0 { b' ' } else { b } as c_char;
    }
    CableError { status: f.status, line: f.line, column: f.column, offset: f.offset, row: f.row, message }
}

/// Runs `f` on `value`, or returns `T::fallback()` when it is None (a NULL argument) or `f`
/// panics.
pub(crate) fn guarded<'a, A: ?Sized, T: Fallback>(value: Option<&'a A>, f: impl FnOnce(&'a A) -> T) -> T {
    match value {
        Some(v) => guard(|| f(v)),
        None => T::fallback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The guard itself: no exported function panics on purpose, so the C ABI tests
    // (`tests/abi.rs`) cannot reach this path.
    #[test]
    fn panics_are_caught_at_the_boundary() {
        assert_eq!(guard(|| -> CableStr { panic!("boom") }), CableStr::NONE);
        assert!(!guarded(Some(&1), |_| -> bool { panic!("in an accessor") }));
        assert_eq!(guard(|| -> CableStatus { panic!("boom") }), CableStatus::CableInternal);
        let mut err = error_value(&Failure::new(CableStatus::CableOk, "untouched"));
        // SAFETY: `err` is a writable local.
        let st = unsafe { run(&mut err, || panic!("exploded at {}", 42)) };
        assert_eq!((st, err.status), (CableStatus::CableInternal, CableStatus::CableInternal));
        // SAFETY: `message` is NUL-terminated within its array.
        let m = unsafe { std::ffi::CStr::from_ptr(err.message.as_ptr()) };
        assert_eq!(m.to_str(), Ok("internal error: exploded at 42"));
    }
}
