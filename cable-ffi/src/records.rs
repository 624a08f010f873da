//! Borrowed sub-handles, in the rustls-ffi style: a record of a cable (an addressee, a
//! reference, a marking, a warning, a break, a section of the text) is handed out as a
//! `const CableX *` that points into its `Cable` handle, valid until `cable_free` of that handle
//! and never freed by itself; one family of `cable_x_*` functions reads every record of that
//! kind, wherever it came from (`TO` or `INFO`, subject or paragraph).
//!
//! Each sub-handle is a small value the handle keeps (made for a whole list on first use): a
//! pointer to the core's record. So the accessors take `Option<&CableX>` (C passes a pointer or
//! NULL) and are safe functions; the one `unsafe` is the dereference below.

use crate::access::{CableMarking, CableRecipient, CableRef, CableWarning};
use crate::body::{CableBreak, CableTextSection};
use std::sync::OnceLock;

/// A pointer to a record of the handle's cable. The record borrows the handle's text; its
/// lifetime is written `'static` here because the handle owns both (they are freed together)
/// and what is read from it leaves only as raw `CableStr` views, whose validity is the
/// handle's (the C contract).
pub(crate) struct Core<T: 'static>(*const T);

// SAFETY: the record belongs to the handle's immutable cable, which is `Send + Sync` and
// outlives the cache holding this pointer; nothing is written through it.
unsafe impl<T: Sync> Send for Core<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: Sync> Sync for Core<T> {}

impl<T> Core<T> {
    /// The pointer to `record` (of a lifetime-erased type `T`: see the type's comment).
    pub(crate) fn new<U>(record: &U) -> Core<T> {
        const { assert!(size_of::<U>() == size_of::<T>()) };
        Core((record as *const U).cast())
    }

    pub(crate) fn get(&self) -> &T {
        // SAFETY: made by `new` from a record of the handle that keeps `self` (see `Core`).
        unsafe { &*self.0 }
    }
}

/// Each sub-handle type reads as the core record it points to.
macro_rules! records {
    ($($name:ident => $target:ty,)*) => {$(
        impl $name {
            /// The sub-handle of `record` (the core's record, of any lifetime).
            pub(crate) fn of<U>(record: &U) -> $name {
                $name(Core::new(record))
            }
        }

        impl std::ops::Deref for $name {
            type Target = $target;
            fn deref(&self) -> &$target {
                self.0.get()
            }
        }
    )*};
}
records! {
    CableRecipient => cable_core::Recipient<'static>,
    CableRef => cable_core::Reference<'static>,
    CableMarking => cable_core::Marking<'static>,
    CableWarning => cable_core::Warning,
    CableBreak => cable_core::Break,
    CableTextSection => cable_core::TextSection,
}

/// The sub-handles a handle keeps, each list made on first use.
#[derive(Default)]
pub(crate) struct Records {
    pub to: OnceLock<Box<[CableRecipient]>>,
    pub info: OnceLock<Box<[CableRecipient]>>,
    pub references: OnceLock<Box<[CableRef]>>,
    pub subject_marking: OnceLock<Option<CableMarking>>,
    pub warnings: OnceLock<Box<[CableWarning]>>,
    pub breaks: OnceLock<Box<[CableBreak]>>,
    pub sections: OnceLock<Box<[CableTextSection]>>,
}

/// Record `i` of a list: the sub-handles of `items`, made on first use and kept in `slot`.
pub(crate) fn nth<'c, T, W>(
    slot: &'c OnceLock<Box<[W]>>,
    items: &[T],
    wrap: impl Fn(&T) -> W,
    i: usize,
) -> Option<&'c W> {
    slot.get_or_init(|| items.iter().map(wrap).collect()).get(i)
}
