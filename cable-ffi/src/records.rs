//! Borrowed sub-handles, in the rustls-ffi style: a record of a cable (an addressee, a
//! reference, a marking, a warning, a break, a section of the text) is handed out as a
//! `const CableX *` that points into its `Cable` handle, valid until `cable_free` of that handle
//! and never freed by itself; one family of `cable_x_*` functions reads every record of that
//! kind, wherever it came from (`TO` or `INFO`, subject or paragraph).
//!
//! Each sub-handle is a small value the handle keeps (made for a whole list on first use): a
//! pointer to the core's record. So the accessors take `Option<&CableX>` (C passes a pointer or
//! NULL) and are safe functions. The `unsafe` is confined to making a sub-handle, where the
//! handle's cache is filled from the handle's own records ([`nth`], [`one`], the paragraph
//! cache of `body.rs`), and to reading it (`Core::get`).

use crate::access::{CableMarking, CableRecipient, CableRef, CableWarning};
use crate::body::{CableBreak, CableTextSection};
use crate::handle::Cable;
use cable_core::{Break, Marking, Recipient, Reference, TextSection, Warning};
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
    /// The pointer to `record`, a `T` up to lifetimes.
    ///
    /// # Safety
    /// `record` must outlive the `Core` (it belongs to the handle that keeps the `Core`).
    pub(crate) unsafe fn new<U>(record: &U) -> Core<T> {
        const { assert!(size_of::<U>() == size_of::<T>()) };
        Core((record as *const U).cast())
    }

    pub(crate) fn get(&self) -> &T {
        // SAFETY: made by `new` from a record that outlives `self` (its contract).
        unsafe { &*self.0 }
    }
}

/// Each sub-handle type: made from its core record, read as it.
macro_rules! records {
    ($($name:ident => $record:ty as $target:ty,)*) => {$(
        impl $name {
            /// The sub-handle of `record`.
            ///
            /// # Safety
            /// `record` must outlive the sub-handle (it belongs to the handle that keeps it).
            pub(crate) unsafe fn of(record: &$record) -> $name {
                // SAFETY: the same contract.
                $name(unsafe { Core::new(record) })
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
    CableRecipient => Recipient<'_> as Recipient<'static>,
    CableRef => Reference<'_> as Reference<'static>,
    CableMarking => Marking<'_> as Marking<'static>,
    CableWarning => Warning as Warning,
    CableBreak => Break as Break,
    CableTextSection => TextSection as TextSection,
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

/// Record `i` of a list of `c`'s cable (`items`), as a sub-handle kept in `c`'s records
/// (`slot`), the sub-handles of the whole list made on first use.
pub(crate) fn nth<'c, T: 'c, W>(
    c: &'c Cable,
    slot: impl FnOnce(&'c Records) -> &'c OnceLock<Box<[W]>>,
    items: impl FnOnce(&'c cable_core::Cable<'c>) -> &'c [T],
    wrap: unsafe fn(&'c T) -> W,
    i: usize,
) -> Option<&'c W> {
    let items = items(c.core());
    // SAFETY: the records are `c`'s and so is the slot keeping their sub-handles, which are read
    // only while the handle lives (in Rust through a borrow of `c`; in C, the contract).
    slot(c.records()).get_or_init(|| items.iter().map(|r| unsafe { wrap(r) }).collect()).get(i)
}

/// The sub-handle of `c`'s single record `value`, kept in `slot`.
pub(crate) fn one<'c, T: 'c, W>(
    c: &'c Cable,
    slot: &'c OnceLock<Option<W>>,
    value: impl FnOnce(&'c cable_core::Cable<'c>) -> Option<&'c T>,
    wrap: unsafe fn(&'c T) -> W,
) -> Option<&'c W> {
    // SAFETY: as in `nth`: the record and the slot are `c`'s.
    slot.get_or_init(|| value(c.core()).map(|r| unsafe { wrap(r) })).as_ref()
}
