//! Accessors of the body: paragraphs (number, portion marking, heading, cleaned text,
//! sub-items), summary, comment, action request, inline notes, signature and signers,
//! redactions, page and section breaks.
//!
//! The core records spans only and makes cleaned text when asked (paragraph text, headings,
//! passages, sub-items). The first call for such a value computes it and keeps it in the handle
//! (a `OnceLock` per paragraph and per passage), so that the `CableStr` stays valid until
//! `cable_free` and every thread gets the same bytes; when the core could borrow the value from
//! the input, only its range is kept. The rules of the header's opening comment hold for every
//! function here.

use crate::boundary::{Fallback, guard, put, read, read_value};
use crate::handle::Cable;
use crate::types::*;
use cable_core::{Paragraph, Passage};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A computed string kept by the handle: a range of the cable's text when the core borrowed it
/// from there, else an owned copy.
pub(crate) enum Kept {
    Slice(usize, usize),
    Owned(Box<str>),
}

impl Kept {
    fn new(text: &str, value: Cow<'_, str>) -> Kept {
        match value {
            Cow::Borrowed(s) => match offset_in(text, s) {
                Some(start) => Kept::Slice(start, start + s.len()),
                None => Kept::Owned(s.into()),
            },
            Cow::Owned(s) => Kept::Owned(s.into_boxed_str()),
        }
    }

    fn get<'t>(&'t self, text: &'t str) -> &'t str {
        match self {
            Kept::Slice(start, end) => &text[*start..*end],
            Kept::Owned(s) => s,
        }
    }
}

/// Where `part`, a slice of `text`, starts in it; None when it is not a slice of `text` (a
/// static string).
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len()).then_some(start)
}

/// What the handle keeps of the body, each filled on first use.
#[derive(Default)]
pub(crate) struct BodyCache {
    paragraphs: OnceLock<Box<[ParagraphCache]>>,
    summary: OnceLock<Option<CablePassage>>,
    comment: OnceLock<Option<CablePassage>>,
    action_request: OnceLock<Option<CablePassage>>,
    notes: OnceLock<Box<[CablePassage]>>,
}

/// The computed values of one paragraph.
#[derive(Default)]
struct ParagraphCache {
    text: OnceLock<Kept>,
    heading: OnceLock<Option<Kept>>,
    items: OnceLock<Box<[ItemCache]>>,
}

struct ItemCache {
    label: Kept,
    text: Kept,
    span: CableSpan,
}

fn paragraph(c: &Cable, i: usize) -> Option<&Paragraph<'_>> {
    c.core().paragraphs().get(i)
}

/// The cache of paragraph `i` (None when out of range).
fn paragraph_cache(c: &Cable, i: usize) -> Option<&ParagraphCache> {
    c.cache()
        .body
        .paragraphs
        .get_or_init(|| c.core().paragraphs().iter().map(|_| ParagraphCache::default()).collect())
        .get(i)
}

fn paragraph_text(c: &Cable, i: usize) -> Option<&str> {
    let p = paragraph(c, i)?;
    let kept = paragraph_cache(c, i)?.text.get_or_init(|| Kept::new(c.text(), p.text()));
    Some(kept.get(c.text()))
}

fn paragraph_heading(c: &Cable, i: usize) -> Option<&str> {
    let p = paragraph(c, i)?;
    let kept = paragraph_cache(c, i)?.heading.get_or_init(|| p.heading().map(|h| Kept::new(c.text(), h)));
    kept.as_ref().map(|k| k.get(c.text()))
}

fn items(c: &Cable, i: usize) -> &[ItemCache] {
    let (Some(p), Some(cache)) = (paragraph(c, i), paragraph_cache(c, i)) else { return &[] };
    cache.items.get_or_init(|| {
        p.items()
            .into_iter()
            .map(|item| ItemCache {
                label: Kept::new(c.text(), Cow::Borrowed(item.label)),
                text: Kept::new(c.text(), item.text),
                span: item.span.into(),
            })
            .collect()
    })
}

fn item(c: &Cable, i: usize, j: usize) -> Option<&ItemCache> {
    items(c, i).get(j)
}

// ----------------------------------------------------------------------------------------------
// Paragraphs

/// Number of paragraphs of the body, in text order: numbered paragraphs (`1. (C) ...`) or, in
/// cables without numbers, blocks of text between blank lines. 0 when there are none or `h` is
/// NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_count(h: *const Cable) -> usize {
    read!(h, |c| c.core().paragraphs().len())
}

/// Finds the paragraph numbered `number` (the first one, if the number repeats). Returns true
/// and stores its index (for the other `cable_paragraph_*` functions) in `*out` (when `out` is
/// not NULL) if there is one; false otherwise or when `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_find(h: *const Cable, number: u32, out: *mut usize) -> bool {
    read_value!(h, out, |c| c.core().paragraphs().iter().position(|p| p.number() == Some(number)))
}

/// Number of paragraph `i`: as written, or the true number recovered from the sequence when the
/// written one is mangled (`12.` read as 2, with a `recovered_paragraph_number` warning).
/// Returns true and stores it in `*out` (when `out` is not NULL) if the paragraph is numbered;
/// false for an unnumbered paragraph, when `i` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_number(h: *const Cable, i: usize, out: *mut u32) -> bool {
    read_value!(h, out, |c| paragraph(c, i).and_then(|p| p.number()))
}

/// The number of paragraph `i` as written, pilcrow and period included (`12.`, `¶4.`). Borrowed
/// from `h` until `cable_free(h)`; `{NULL, 0}` for an unnumbered paragraph, when `i` is out of
/// range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_written_number(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(paragraph(c, i).and_then(|p| p.written_number())))
}

/// Level of the portion marking of paragraph `i` (`(S//NF)` → `SECRET`): `UNCLASSIFIED`,
/// `SBU`, `LIMITED OFFICIAL USE`, `CONFIDENTIAL`, `SECRET` or `TOP SECRET`, as
/// `cable_classification`. Static; `{NULL, 0}` when the paragraph has no marking, `i` is out of
/// range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_level(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(paragraph(c, i).and_then(|p| p.level()).map(|l| l.as_str())))
}

/// The portion marking of paragraph `i` as written, parentheses included (`(C)`, `(S//NF)`).
/// Borrowed from `h` until `cable_free(h)`; `{NULL, 0}` when the paragraph has no marking, `i`
/// is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_marking_raw(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(paragraph(c, i).and_then(|p| p.marking()).map(|m| m.raw)))
}

/// Number of caveats of the portion marking of paragraph `i` (`(S//NF)` → 1, `(C)` → 0). 0
/// when the paragraph has no marking, `i` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_caveat_count(h: *const Cable, i: usize) -> usize {
    read!(h, |c| paragraph(c, i).and_then(|p| p.marking()).map_or(0, |m| m.caveats().count()))
}

/// Caveat `j` of the portion marking of paragraph `i`, upper case, `NF` expanded (`NOFORN`,
/// `REL GERMANY`). Borrowed from `h` until `cable_free(h)` (or static); `{NULL, 0}` when `i` or
/// `j` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_caveat(h: *const Cable, i: usize, j: usize) -> CableStr {
    read!(h, |c| CableStr::opt(paragraph(c, i).and_then(|p| p.marking()).and_then(|m| m.caveats().nth(j))))
}

/// The heading above paragraph `i` (`Lavrov's Letter`, `Comment`), joined into one line when it
/// takes several. Computed on first access and kept by the handle: borrowed from `h` until
/// `cable_free(h)`; `{NULL, 0}` when the paragraph has no heading, `i` is out of range or `h`
/// is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_heading(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(paragraph_heading(c, i)))
}

/// Span of the caption line(s) of the heading above paragraph `i` (rules excluded). Returns
/// true and stores it in `*out` (when `out` is not NULL) if the paragraph has a heading; false
/// otherwise, when `i` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `CableSpan`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_heading_span(h: *const Cable, i: usize, out: *mut CableSpan) -> bool {
    read_value!(h, out, |c| paragraph(c, i).and_then(|p| p.heading_span()).map(CableSpan::from))
}

/// The text of paragraph `i` after its number and marking, cleaned: page and section breaks cut
/// out (the interrupted sentence rejoined), wrapped lines joined with a space, a sub-item
/// starting a new line (`\n`). Computed on first access and kept by the handle: borrowed from
/// `h` until `cable_free(h)`; `{NULL, 0}` when `i` is out of range or `h` is NULL (an empty
/// text is `{ptr, 0}` with a non-NULL `ptr`). Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_text(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(paragraph_text(c, i)))
}

/// Span of the text of paragraph `i` as written (from after its marking to its end, breaks
/// included); `{0, 0}` when `i` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_text_span(h: *const Cable, i: usize) -> CableSpan {
    read!(h, |c| paragraph(c, i).map(|p| p.text_span().into()).unwrap_or_default())
}

/// Span of paragraph `i` as written, from its number to the end of its text (the heading
/// excluded, breaks inside included); `{0, 0}` when `i` is out of range or `h` is NULL.
/// Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_span(h: *const Cable, i: usize) -> CableSpan {
    read!(h, |c| paragraph(c, i).map(|p| p.span().into()).unwrap_or_default())
}

/// Number of sub-items of paragraph `i`: lines starting with a label (`A.`, `(1)`, `--`, `-`)
/// and the lines continuing them. They stay part of the paragraph's text; this is a second
/// view of it. 0 when there are none, `i` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_item_count(h: *const Cable, i: usize) -> usize {
    read!(h, |c| items(c, i).len())
}

/// Label of sub-item `j` of paragraph `i`, as written (`A.`, `(1)`, `--`). Borrowed from `h`
/// until `cable_free(h)`; `{NULL, 0}` when `i` or `j` is out of range or `h` is NULL.
/// Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_item_label(h: *const Cable, i: usize, j: usize) -> CableStr {
    read!(h, |c| CableStr::opt(item(c, i, j).map(|it| it.label.get(c.text()))))
}

/// Text of sub-item `j` of paragraph `i` after its label, cleaned like paragraph text.
/// Computed on first access and kept by the handle: borrowed from `h` until `cable_free(h)`;
/// `{NULL, 0}` when `i` or `j` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_item_text(h: *const Cable, i: usize, j: usize) -> CableStr {
    read!(h, |c| CableStr::opt(item(c, i, j).map(|it| it.text.get(c.text()))))
}

/// Span of sub-item `j` of paragraph `i`, from its label to the end of its last line; `{0, 0}`
/// when `i` or `j` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_paragraph_item_span(h: *const Cable, i: usize, j: usize) -> CableSpan {
    read!(h, |c| item(c, i, j).map(|it| it.span).unwrap_or_default())
}

// ----------------------------------------------------------------------------------------------
// Summary, comment, action request, notes: borrowed sub-handles

/// A summary, comment, action request or inline note: an opaque view borrowed from its `Cable`
/// handle (`cable_summary`, `cable_comment`, `cable_action_request`, `cable_note`), valid
/// until `cable_free` of that handle; never freed by itself. Made on first access and kept by
/// the handle. Read with the `cable_passage_*` functions.
pub struct CablePassage {
    kind: &'static str,
    text: Box<str>,
    span: CableSpan,
    paragraphs: std::ops::Range<usize>,
}

impl CablePassage {
    fn new(p: Passage<'_, '_>) -> Self {
        CablePassage {
            kind: p.kind().as_str(),
            text: p.text().into(),
            span: p.span().into(),
            paragraphs: p.paragraphs(),
        }
    }
}

fn handle(p: Option<&CablePassage>) -> *const CablePassage {
    p.map_or(std::ptr::null(), |p| p as *const CablePassage)
}

fn kept(slot: &OnceLock<Option<CablePassage>>, make: impl FnOnce() -> Option<CablePassage>) -> *const CablePassage {
    handle(slot.get_or_init(make).as_ref())
}

/// Reads a passage sub-handle: NULL reads as absent.
///
/// # Safety
/// `p` must be NULL or a pointer from this module's functions whose handle is live.
unsafe fn with_passage<T: Fallback>(p: *const CablePassage, f: impl FnOnce(&CablePassage) -> T) -> T {
    // SAFETY: `p` is NULL or points into the cache of a live handle (the caller's contract).
    match unsafe { p.as_ref() } {
        Some(p) => guard(|| f(p)),
        None => T::fallback(),
    }
}

/// The summary (`Summary:` ... `End Summary.`, `BEGIN SUMMARY`, a `Summary` heading), borrowed
/// from `h` until `cable_free(h)`; NULL when the cable has none or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_summary(h: *const Cable) -> *const CablePassage {
    read!(h, |c| kept(&c.cache().body.summary, || c.core().summary().map(CablePassage::new)))
}

/// The comment (`Comment:` ... `End Comment.` at the start of a paragraph, or the paragraphs
/// under a `Comment` heading), as `cable_summary`. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_comment(h: *const Cable) -> *const CablePassage {
    read!(h, |c| kept(&c.cache().body.comment, || c.core().comment().map(CablePassage::new)))
}

/// The action request (`ACTION REQUEST:`, `Action requested.`, an `Action Request` heading), as
/// `cable_summary`. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_action_request(h: *const Cable) -> *const CablePassage {
    read!(h, |c| kept(&c.cache().body.action_request, || c.core().action_request().map(CablePassage::new)))
}

fn notes(c: &Cable) -> &[CablePassage] {
    c.cache().body.notes.get_or_init(|| c.core().notes().map(CablePassage::new).collect())
}

/// Number of inline notes and comments in parentheses (`(Note: ... End note.)`,
/// `(Comment: ...)`), in text order. 0 when there are none or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_note_count(h: *const Cable) -> usize {
    read!(h, |c| notes(c).len())
}

/// Inline note `i`, as `cable_summary`; NULL when `i` is out of range or `h` is NULL.
/// Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_note(h: *const Cable, i: usize) -> *const CablePassage {
    read!(h, |c| handle(notes(c).get(i)))
}

/// Kind of a passage: `summary`, `comment`, `action_request`, `note` (`(Note: ...)`) or
/// `inline_comment` (`(Comment: ...)`), as in the JSON. Static; `{NULL, 0}` when `p` is NULL.
/// Thread-safe, as every `cable_passage_*` function.
///
/// # Safety
/// `p` must be NULL or a passage of a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_passage_kind(p: *const CablePassage) -> CableStr {
    // SAFETY: forwarded contract.
    unsafe { with_passage(p, |p| CableStr::new(p.kind)) }
}

/// The text of a passage, cleaned like paragraph text, its paragraphs separated by a blank line;
/// the keywords (`Summary:`, `End Summary.`, `(Note:`) are not part of it. Borrowed from the
/// handle; `{NULL, 0}` when `p` is NULL.
///
/// # Safety
/// `p` must be NULL or a passage of a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_passage_text(p: *const CablePassage) -> CableStr {
    // SAFETY: forwarded contract.
    unsafe { with_passage(p, |p| CableStr::new(&p.text)) }
}

/// Span of a passage as written (keywords excluded). Returns true and stores it in `*out`
/// (when `out` is not NULL); false when `p` is NULL.
///
/// # Safety
/// `p` must be NULL or a passage of a live handle; `out` NULL or a writable `CableSpan`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_passage_span(p: *const CablePassage, out: *mut CableSpan) -> bool {
    // SAFETY: forwarded contract.
    unsafe { with_passage(p, |p| put(out, Some(p.span))) }
}

/// The paragraphs a passage covers (an inline note: the one it is in): stores the index of the
/// first in `*first` and of the last in `*last` (each when not NULL) and returns true; false
/// when `p` is NULL.
///
/// # Safety
/// `p` must be NULL or a passage of a live handle; `first` and `last` must each be NULL or
/// point to a writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_passage_paragraphs(p: *const CablePassage, first: *mut usize, last: *mut usize) -> bool {
    // SAFETY: forwarded contract.
    unsafe {
        with_passage(p, |p| {
            let r = &p.paragraphs;
            put(first, Some(r.start));
            put(last, Some(r.end.max(r.start + 1) - 1))
        })
    }
}

// ----------------------------------------------------------------------------------------------
// Signature, redactions, breaks

/// The signature as written, the last line of names (`BURNS`, `KEEGAN PAAL`). Borrowed from `h`
/// until `cable_free(h)`; `{NULL, 0}` when the cable has none or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_signature(h: *const Cable) -> CableStr {
    read!(h, |c| CableStr::opt(c.core().signature().map(|s| s.value)))
}

/// Span of the signature. Returns true and stores it in `*out` (when `out` is not NULL) if the
/// cable has a signature; false otherwise or when `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `CableSpan`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_signature_span(h: *const Cable, out: *mut CableSpan) -> bool {
    read_value!(h, out, |c| c.core().signature().map(|s| s.span.into()))
}

/// Number of signers: the names of the signature, split (`KEEGAN PAAL` → 2). 0 when there is
/// no signature or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_signer_count(h: *const Cable) -> usize {
    read!(h, |c| c.core().signers().len())
}

/// Signer `i` (`KEEGAN`, `PAAL`). Borrowed from `h` until `cable_free(h)`; `{NULL, 0}` when `i`
/// is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_signer(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(c.core().signers().get(i).copied()))
}

/// Number of redactions: runs of four or more `X` (`XXXXXXXXXXXX`, names the publishers
/// removed) anywhere in the text. 0 when there are none or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_redaction_count(h: *const Cable) -> usize {
    read!(h, |c| c.core().redactions().len())
}

/// Span of redaction `i`, in text order; `{0, 0}` when `i` is out of range or `h` is NULL.
/// Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_redaction_span(h: *const Cable, i: usize) -> CableSpan {
    read!(h, |c| c.core().redactions().get(i).map(|s| (*s).into()).unwrap_or_default())
}

/// Number of page and section breaks in the body, cut out of the text they interrupt. 0 when
/// there are none or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_break_count(h: *const Cable) -> usize {
    read!(h, |c| c.core().breaks().len())
}

/// Kind of break `i`: `page` (a page marker such as `MOSCOW 00005434 002 OF 002`, or a
/// `PAGE nn` banner with its classification lines) or `section` (the repeated header of a later
/// section of a partial record). Borrowed from `h` until `cable_free(h)`; `{NULL, 0}` when `i`
/// is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_break_kind(h: *const Cable, i: usize) -> CableStr {
    read!(h, |c| CableStr::opt(c.core().breaks().get(i).map(|b| b.kind.as_str())))
}

/// The page break `i` starts, when it says (`PAGE 03` → 3, `002 OF 002` → 2). Returns true and
/// stores it in `*out` (when `out` is not NULL) if known; false otherwise, when `i` is out of
/// range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_break_page(h: *const Cable, i: usize, out: *mut u32) -> bool {
    read_value!(h, out, |c| c.core().breaks().get(i).and_then(|b| b.page))
}

/// Span of break `i` (its lines); `{0, 0}` when `i` is out of range or `h` is NULL.
/// Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_break_span(h: *const Cable, i: usize) -> CableSpan {
    read!(h, |c| c.core().breaks().get(i).map(|b| b.span.into()).unwrap_or_default())
}

// Sections (telegrams sent in sections: issue 13)

/// Number of sections of a telegram sent in sections (`SECTION 02 OF 05`), as the text holds
/// them: the first, then one per later section's header block. 0 for a text of one section or
/// when `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_section_count(h: *const Cable) -> usize {
    read!(h, |c| c.core().sections().len())
}

/// Number of section `i` (from its banner or page banner). Returns true and stores it in `*out`
/// (when `out` is not NULL) if known; false otherwise, when `i` is out of range or `h` is NULL.
/// Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_section_number(h: *const Cable, i: usize, out: *mut u32) -> bool {
    read_value!(h, out, |c| c.core().sections().get(i).and_then(|s| s.number))
}

/// How many sections the telegram has, as section `i`'s banner says. Returns true and stores it
/// in `*out` (when `out` is not NULL) if known; false otherwise. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle; `out` must be NULL or point to a writable `uint32_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_section_total(h: *const Cable, i: usize, out: *mut u32) -> bool {
    read_value!(h, out, |c| c.core().sections().get(i).and_then(|s| s.total))
}

/// Span of section `i` (from its header block to the next section's); `{0, 0}` when `i` is out
/// of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_section_span(h: *const Cable, i: usize) -> CableSpan {
    read!(h, |c| c.core().sections().get(i).map(|s| s.span.into()).unwrap_or_default())
}

/// Span of section `i`'s header block (the first section's: the cable's header and metadata);
/// `{0, 0}` when `i` is out of range or `h` is NULL. Thread-safe.
///
/// # Safety
/// `h` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cable_section_header_span(h: *const Cable, i: usize) -> CableSpan {
    read!(h, |c| c.core().sections().get(i).map(|s| s.header_span.into()).unwrap_or_default())
}
