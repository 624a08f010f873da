//! Accessors of what the body's text says about itself beyond its structure: the whole text's
//! marking (`1. CONFIDENTIAL - ENTIRE TEXT.`), cross-references from paragraph text (`REF A`,
//! `para 13`, `septel`) and the drafting block (`DRAFTED BY:` ...). The rules of the header's
//! opening comment hold for every function here.

use crate::boundary::{guarded, put};
use crate::handle::Cable;
use crate::records::{CableDrafting, CableLink, CableMarking};
use crate::types::*;

// ----------------------------------------------------------------------------------------------
// The document's marking

/// The marking of the whole text, when a paragraph declares one (`1. CONFIDENTIAL - ENTIRE
/// TEXT.`, `1. (C - ENTIRE TEXT).`), borrowed from `h` until `cable_free(h)` (read it with the
/// `cable_marking_*` functions; `ENTIRE TEXT` is its scope, not a caveat); NULL when there is
/// none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_document_marking(h: Option<&Cable>) -> Option<&CableMarking> {
    guarded(h, |c| {
        c.one(
            |r| &r.document_marking,
            |core| {
                let marking = core.document_marking()?.value;
                // SAFETY: the marking is a paragraph's of the handle's cable, and so is the slot
                // keeping its sub-handle.
                Some(unsafe { CableMarking::of(marking) })
            },
        )
    })
}

/// Span of the whole text's marking (as `cable_document_marking`); `{0, 0}` when there is none
/// or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_document_marking_span(h: Option<&Cable>) -> CableSpan {
    guarded(h, |c| c.core().document_marking().map(|m| m.span.into()).unwrap_or_default())
}

// ----------------------------------------------------------------------------------------------
// Links

fn links(c: &Cable) -> &[CableLink] {
    c.all(|r| &r.links, |c| c.links().iter().map(CableLink::new).collect())
}

/// Number of cross-references in the paragraphs' text (the JSON's `links`). 0 when there are
/// none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| links(c).len())
}

/// Cross-reference `i`, in text order, borrowed from `h` until `cable_free(h)`; NULL when `i` is
/// out of range or `h` is NULL. Thread-safe, as every `cable_link_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link(h: Option<&Cable>, i: usize) -> Option<&CableLink> {
    guarded(h, |c| links(c).get(i))
}

/// Kind of a link: `reference` (`REF A`, `reftel`), `paragraph` (`para 13`),
/// `reference_paragraph` (`para 2 of REF A`) or `septel`. Static; `{NULL, 0}` when `l` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link_kind(l: Option<&CableLink>) -> CableStr {
    guarded(l, |l| CableStr::new(l.kind))
}

/// Index of the paragraph (`cable_paragraph`) whose text holds the link; 0 when `l` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link_paragraph(l: Option<&CableLink>) -> usize {
    guarded(l, |l| l.paragraph)
}

/// What the link names: the index of a reference (`cable_ref`; `reference` and
/// `reference_paragraph` links) or of a paragraph (`cable_paragraph`; `paragraph` links).
/// Returns true and stores it in `*out` (when `out` is not NULL) if the cable has it; false
/// otherwise (`septel`, `REF D` without a reference D) or when `l` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link_target(l: Option<&CableLink>, out: Option<&mut usize>) -> bool {
    guarded(l, |l| put(out, l.target))
}

/// The paragraph number a link cites (`para 13` → 13). Returns true and stores it in `*out`
/// (when `out` is not NULL) for paragraph links; false otherwise or when `l` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link_number(l: Option<&CableLink>, out: Option<&mut u32>) -> bool {
    guarded(l, |l| put(out, l.number))
}

/// Span of the label or number as written (`A` of `REF A`); `{0, 0}` when `l` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_link_span(l: Option<&CableLink>) -> CableSpan {
    guarded(l, |l| l.span)
}

// ----------------------------------------------------------------------------------------------
// Drafting

/// The drafting block (`DRAFTED BY:`, `CLEARED:`, `APPROVED BY:`), borrowed from `h` until
/// `cable_free(h)`; NULL when the text has none or `h` is NULL. Thread-safe, as every
/// `cable_drafting_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_drafting(h: Option<&Cable>) -> Option<&CableDrafting> {
    guarded(h, |c| c.one(|r| &r.drafting, |core| core.drafting().map(CableDrafting::new)))
}

/// The drafter as written (`POL:MBURROWS`); `{NULL, 0}` when `d` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_drafting_drafted(d: Option<&CableDrafting>) -> CableStr {
    guarded(d, |d| d.drafted.view)
}

/// Clearances, in order (`POL:PHILBURN`); `{NULL, 0}` when none or `d` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_drafting_cleared(d: Option<&CableDrafting>) -> CableStrs {
    guarded(d, |d| d.cleared.view())
}

/// The approver (`AMB:SEEIZENSTAT`); `{NULL, 0}` when not named or `d` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_drafting_approved(d: Option<&CableDrafting>) -> CableStr {
    guarded(d, |d| d.approved.as_ref().map_or(CableStr::NONE, |a| a.view))
}

/// Span of the whole block, keywords included; `{0, 0}` when `d` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_drafting_span(d: Option<&CableDrafting>) -> CableSpan {
    guarded(d, |d| d.span)
}
