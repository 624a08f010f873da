//! Borrowed sub-handles, in the rustls-ffi style: a record of a cable (an addressee, a
//! reference, a marking, a warning, a paragraph, a passage, ...) is handed out as a
//! `const CableX *` that points into its `Cable` handle, valid until `cable_free` of that handle
//! and never freed by itself; one family of `cable_x_*` functions reads every record of that
//! kind, wherever it came from (`TO` or `INFO`, subject or paragraph).
//!
//! Each sub-handle is a small value the handle keeps ([`Records`], made for a whole list on
//! first use): a pointer to the core's record, plus the cleaned text the core computes on
//! access. So the accessors take `Option<&CableX>` (C passes a pointer or NULL) and are safe
//! functions. The `unsafe` is confined to making a sub-handle from the handle's own records
//! (`Core::new`, the `of` functions, used by `Cable::nth`) and to reading it (`Core::get`).
//! This module knows nothing of the handle: it sits below it.

use crate::types::{CableSpan, CableStr, CableStrs};
use cable_core::{Break, Marking, Paragraph, Passage, Recipient, Reference, TextSection, Warning};
use std::borrow::Cow;
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
    unsafe fn new<U>(record: &U) -> Core<T> {
        const { assert!(size_of::<U>() == size_of::<T>()) };
        Core((record as *const U).cast())
    }

    fn get(&self) -> &T {
        // SAFETY: made by `new` from a record that outlives `self` (its contract).
        unsafe { &*self.0 }
    }
}

/// A string the core computed, kept by the handle: a view of the cable's text when the core
/// could borrow it from there, else of the copy held here. Its bytes stay put until the handle
/// is freed (a string's heap buffer does not move when its owner does). A `String`, not a
/// `Box<str>`: moving a `Box` asserts unique access to its bytes, which invalidates the view
/// taken from it under Rust's aliasing rules (Miri's Stacked Borrows found it: scripts/miri).
pub(crate) struct Held {
    _owned: Option<String>,
    pub view: CableStr,
}

// SAFETY: `view` points to immutable bytes owned by the handle's text or by `_owned`, both
// freed only with the handle; reading them from any thread is sound.
unsafe impl Send for Held {}
// SAFETY: as for `Send`: nothing is ever written through `view`.
unsafe impl Sync for Held {}

impl Held {
    fn new(value: Cow<'_, str>) -> Held {
        match value {
            Cow::Borrowed(s) => Held { _owned: None, view: CableStr::new(s) },
            Cow::Owned(owned) => Held { view: CableStr::new(&owned), _owned: Some(owned) },
        }
    }
}

/// A list of strings the handle keeps, handed out as a `CableStrs`: views of the cable's text
/// (or of static strings), which stay put until the handle is freed.
pub(crate) struct Strs(Box<[CableStr]>);

// SAFETY: as for `Held`: the views point to immutable bytes that outlive the handle keeping
// them, and nothing is written through them.
unsafe impl Send for Strs {}
// SAFETY: as for `Send`.
unsafe impl Sync for Strs {}

impl Strs {
    /// The list of `items`, which must outlive it (the handle's text, or static).
    pub(crate) fn new<'s>(items: impl IntoIterator<Item = &'s str>) -> Strs {
        Strs(items.into_iter().map(CableStr::new).collect())
    }

    /// The C view of the list.
    pub(crate) fn view(&self) -> CableStrs {
        match self.0.len() {
            0 => CableStrs::NONE,
            len => CableStrs { items: self.0.as_ptr(), len },
        }
    }
}

/// An addressee of the `TO` or `INFO` list (`RUEHC/SECSTATE WASHDC IMMEDIATE 5322`): an opaque
/// view borrowed from its `Cable` handle (`cable_to`, `cable_info`), valid until `cable_free`
/// of that handle; never freed by itself. Read with the `cable_recipient_*` functions.
pub struct CableRecipient(Core<Recipient<'static>>, OnceLock<Strs>);

/// A portion marking such as `(C)`, `(S//NF)`, `(C/REL GERMANY)`: an opaque view borrowed from
/// its `Cable` handle (`cable_subject_marking`, `cable_paragraph_marking`), valid until
/// `cable_free` of that handle. Read with the `cable_marking_*` functions.
pub struct CableMarking(Core<Marking<'static>>, OnceLock<Strs>);

/// A reference of the REF block (`A. 07 STATE 12345`): an opaque view borrowed from its `Cable`
/// handle (`cable_ref`). Read with the `cable_ref_*` functions; a NULL `r` reads as absent.
pub struct CableRef(Core<Reference<'static>>, OnceLock<Strs>);

/// A warning: an opaque view borrowed from its `Cable` handle (`cable_warning`). The text it is
/// about is `cable_span_text(h, cable_warning_span(w))` (the JSON shows at most 200 bytes of it).
pub struct CableWarning(Core<Warning>, OnceLock<Strs>);

/// A page or section break: an opaque view borrowed from its `Cable` handle (`cable_break`).
pub struct CableBreak(Core<Break>, OnceLock<Strs>);

/// A section of the text: an opaque view borrowed from its `Cable` handle (`cable_section_at`).
pub struct CableTextSection(Core<TextSection>, OnceLock<Strs>);

/// Each sub-handle over a core record: made from it, read as it.
macro_rules! records {
    ($($name:ident => $record:ty as $target:ty,)*) => {$(
        impl $name {
            /// The sub-handle of `record`.
            ///
            /// # Safety
            /// `record` must outlive the sub-handle (it belongs to the handle that keeps it).
            pub(crate) unsafe fn of(record: &$record) -> $name {
                // SAFETY: the same contract.
                $name(unsafe { Core::new(record) }, OnceLock::new())
            }

            /// A list of strings of the record, made by `make` on first use and kept.
            #[allow(dead_code)] // Not every record has one.
            pub(crate) fn strs<'s>(&'s self, make: impl FnOnce(&'s $target) -> Strs) -> CableStrs {
                self.1.get_or_init(|| make(self.0.get())).view()
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

/// A paragraph of the body: an opaque view borrowed from its `Cable` handle (`cable_paragraph`),
/// valid until `cable_free` of that handle; never freed by itself. Read with the
/// `cable_paragraph_*` functions; a NULL `p` reads as absent. Its cleaned text, heading and
/// sub-items are computed on first access and kept.
pub struct CableParagraph {
    core: Core<Paragraph<'static>>,
    pub(crate) marking: Option<CableMarking>,
    text: OnceLock<Held>,
    heading: OnceLock<Option<Held>>,
    items: OnceLock<Box<[CableItem]>>,
}

impl CableParagraph {
    /// The sub-handle of `p`.
    ///
    /// # Safety
    /// `p` must outlive the sub-handle (it belongs to the handle that keeps it).
    pub(crate) unsafe fn of(p: &Paragraph<'_>) -> CableParagraph {
        // SAFETY: the paragraph and its marking are the handle's (this function's contract).
        let (core, marking) = unsafe { (Core::new(p), p.marking().map(|m| CableMarking::of(m))) };
        CableParagraph { core, marking, text: OnceLock::new(), heading: OnceLock::new(), items: OnceLock::new() }
    }

    /// The paragraph of the core.
    pub(crate) fn core(&self) -> &Paragraph<'static> {
        self.core.get()
    }

    /// The cleaned text, made on first use.
    pub(crate) fn text(&self) -> CableStr {
        self.text.get_or_init(|| Held::new(self.core().text())).view
    }

    /// The heading, made on first use.
    pub(crate) fn heading(&self) -> CableStr {
        self.heading.get_or_init(|| self.core().heading().map(Held::new)).as_ref().map_or(CableStr::NONE, |h| h.view)
    }

    /// The sub-items, made on first use.
    pub(crate) fn items(&self) -> &[CableItem] {
        self.items.get_or_init(|| {
            let item = |i: cable_core::Item<'_>| CableItem {
                label: Held::new(Cow::Borrowed(i.label)),
                text: Held::new(i.text),
                span: i.span.into(),
            };
            self.core().items().into_iter().map(item).collect()
        })
    }
}

/// A sub-item of a paragraph (`A.`, `(1)`, `--`): an opaque view borrowed from its `Cable`
/// handle (`cable_paragraph_item`). Read with the `cable_item_*` functions.
pub struct CableItem {
    pub(crate) label: Held,
    pub(crate) text: Held,
    pub(crate) span: CableSpan,
}

/// A summary, comment, action request or inline note: an opaque view borrowed from its `Cable`
/// handle (`cable_summary`, `cable_comment`, `cable_action_request`, `cable_note`), valid
/// until `cable_free` of that handle; never freed by itself. Made on first access and kept by
/// the handle. Read with the `cable_passage_*` functions.
pub struct CablePassage {
    pub(crate) kind: &'static str,
    pub(crate) text: Held,
    pub(crate) span: CableSpan,
    pub(crate) paragraphs: std::ops::Range<usize>,
}

impl CablePassage {
    /// The sub-handle of a passage (its text cleaned now: it is asked for).
    pub(crate) fn new(p: Passage<'_, '_>) -> Self {
        CablePassage {
            kind: p.kind().as_str(),
            text: Held::new(p.text()),
            span: p.span().into(),
            paragraphs: p.paragraphs(),
        }
    }
}

/// A cross-reference in a paragraph's text (`REF A`, `para 13`, `septel`): an opaque view
/// borrowed from its `Cable` handle (`cable_link`). Read with the `cable_link_*` functions.
pub struct CableLink {
    pub(crate) kind: &'static str,
    pub(crate) paragraph: usize,
    pub(crate) target: Option<usize>,
    pub(crate) number: Option<u32>,
    pub(crate) span: CableSpan,
}

impl CableLink {
    pub(crate) fn new(l: &cable_core::Link) -> Self {
        CableLink {
            kind: l.kind.as_str(),
            paragraph: l.paragraph,
            target: l.target,
            number: l.number,
            span: l.span.into(),
        }
    }
}

/// The drafting block (`DRAFTED BY:` ... `APPROVED BY:` ...): an opaque view borrowed from its
/// `Cable` handle (`cable_drafting`). Read with the `cable_drafting_*` functions.
pub struct CableDrafting {
    pub(crate) drafted: Held,
    pub(crate) cleared: Strs,
    pub(crate) approved: Option<Held>,
    pub(crate) span: CableSpan,
}

impl CableDrafting {
    pub(crate) fn new(d: cable_core::Drafting<'_>) -> Self {
        let held = |s: cable_core::Spanned<&str>| Held::new(Cow::Borrowed(s.value));
        CableDrafting {
            drafted: held(d.drafted),
            cleared: Strs::new(d.cleared.iter().map(|c| c.value)),
            approved: d.approved.map(held),
            span: d.span.into(),
        }
    }
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
    pub paragraphs: OnceLock<Box<[CableParagraph]>>,
    pub summary: OnceLock<Option<CablePassage>>,
    pub comment: OnceLock<Option<CablePassage>>,
    pub action_request: OnceLock<Option<CablePassage>>,
    pub notes: OnceLock<Box<[CablePassage]>>,
    pub document_marking: OnceLock<Option<CableMarking>>,
    pub links: OnceLock<Box<[CableLink]>>,
    pub drafting: OnceLock<Option<CableDrafting>>,
    pub caveats: OnceLock<Strs>,
    pub distribution: OnceLock<Strs>,
    pub tags: OnceLock<Strs>,
    pub tags_raw: OnceLock<Strs>,
    pub classified_by_names: OnceLock<Strs>,
    pub classified_by_reasons: OnceLock<Strs>,
    pub envelope_references: OnceLock<Strs>,
    pub signers: OnceLock<Strs>,
    pub relays: OnceLock<Strs>,
}
