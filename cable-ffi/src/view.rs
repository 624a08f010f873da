//! Borrowed sub-handles, in the rustls-ffi style: a list element or a part of a cable (an
//! addressee, a reference, a paragraph, a marking) is handed out as a `const CableX *` that
//! points into its `Cable` handle, valid until `cable_free` of that handle and never freed by
//! itself; one family of `cable_x_*` functions reads every element of that kind, wherever it
//! came from (`TO` or `INFO`, subject or paragraph). NULL reads as absent.

/// An opaque C type and the Rust value its pointers point to.
///
/// # Safety
/// A `*const Self` handed to C must point to a live `Target` (the implementing module makes
/// them with [`view`] only, from values owned by a `Cable` handle).
pub(crate) unsafe trait View {
    /// The value viewed, borrowing from its handle for `'a`. It is read back as
    /// `Target<'static>`: what is read from it leaves only as raw `CableStr` views, whose
    /// validity is the handle's (the C contract).
    type Target<'a>;
}

/// The sub-handle of `value`, NULL when absent.
pub(crate) fn view<'a, V: View>(value: Option<&V::Target<'a>>) -> *const V {
    value.map_or(std::ptr::null(), |v| (v as *const V::Target<'a>).cast())
}

/// The value behind a sub-handle; None when `v` is NULL.
///
/// # Safety
/// `v` must be NULL or a sub-handle from this library whose `Cable` handle is live for `'x`.
pub(crate) unsafe fn target<'x, V: View>(v: *const V) -> Option<&'x V::Target<'static>> {
    // SAFETY: `v` is NULL or was made by `view` from a value its live handle owns (the
    // caller's contract and `View`'s).
    unsafe { v.cast::<V::Target<'static>>().as_ref() }
}

/// Reads a sub-handle in an accessor body: `read_view!(r, |r| expr)`. The accessor's own
/// `# Safety` section requires `r` to be NULL or a sub-handle of a live handle.
macro_rules! read_view {
    ($v:expr, |$r:ident| $body:expr) => {{
        // SAFETY: every sub-handle accessor documents that its argument is NULL or live.
        let target = unsafe { $crate::view::target($v) };
        $crate::boundary::guarded(target, |$r| $body)
    }};
}
pub(crate) use read_view;

/// [`read_view!`] for an optional number stored through an out-parameter.
macro_rules! read_view_value {
    ($v:expr, $out:expr, |$r:ident| $value:expr) => {
        $crate::view::read_view!($v, |$r| { $crate::boundary::put($out, $value) })
    };
}
pub(crate) use read_view_value;
