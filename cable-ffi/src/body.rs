//! Accessors of the body: paragraphs (number, portion marking, heading, cleaned text,
//! sub-items), summary, comment, action request, inline notes, signature and signers,
//! redactions, page and section breaks, sections.
//!
//! Paragraphs, items and passages are borrowed sub-handles kept by the handle (see
//! [`crate::view`]). The core records spans only and makes cleaned text when asked (paragraph
//! text, headings, passages, sub-items): the first call for such a value computes it and keeps
//! it (a `OnceLock` per paragraph and per passage), so that the `CableStr` stays valid until
//! `cable_free` and every thread gets the same bytes; when the core could borrow the value from
//! the input, nothing is copied. The rules of the header's opening comment hold for every
//! function here.

use crate::boundary::{guarded, put};
use crate::handle::Cable;
use crate::records::{CableBreak, CableItem, CableMarking, CableParagraph, CablePassage, CableTextSection};
use crate::types::*;

// ----------------------------------------------------------------------------------------------
// Paragraphs

/// Number of paragraphs of the body, in text order: numbered paragraphs (`1. (C) ...`) or, in
/// cables without numbers, blocks of text between blank lines. 0 when there are none or `h` is
/// NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().paragraphs().len())
}

/// Paragraph `i`, borrowed from `h` until `cable_free(h)`; NULL when `i` is out of range or `h`
/// is NULL. Thread-safe, as every `cable_paragraph_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph(h: Option<&Cable>, i: usize) -> Option<&CableParagraph> {
    guarded(h, |c| c.nth(|r| &r.paragraphs, |c| c.paragraphs(), CableParagraph::of, i))
}

/// Finds the paragraph numbered `number` (the first one, if the number repeats). Returns true
/// and stores its index (for `cable_paragraph`) in `*out` (when `out` is not NULL) if there is
/// one; false otherwise or when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_find(h: Option<&Cable>, number: u32, out: Option<&mut usize>) -> bool {
    guarded(h, |c| put(out, c.core().paragraphs().iter().position(|p| p.number() == Some(number))))
}

/// Number of a paragraph: as written, or the true number recovered from the sequence when the
/// written one is mangled (`12.` read as 2, with a `recovered_paragraph_number` warning).
/// Returns true and stores it in `*out` (when `out` is not NULL) if the paragraph is numbered;
/// false for an unnumbered paragraph or when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_number(p: Option<&CableParagraph>, out: Option<&mut u32>) -> bool {
    guarded(p, |p| put(out, p.core().number()))
}

/// The number of a paragraph as written, pilcrow and period included (`12.`, `¶4.`);
/// `{NULL, 0}` for an unnumbered paragraph or when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_written_number(p: Option<&CableParagraph>) -> CableStr {
    guarded(p, |p| CableStr::opt(p.core().written_number()))
}

/// The portion marking of a paragraph (`(C)`, `(S//NF)`), read with the `cable_marking_*`
/// functions; NULL when the paragraph has none or `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_marking(p: Option<&CableParagraph>) -> Option<&CableMarking> {
    guarded(p, |p| p.marking.as_ref())
}

/// The heading above a paragraph (`Lavrov's Letter`, `Comment`), joined into one line when it
/// takes several; `{NULL, 0}` when the paragraph has none or `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_heading(p: Option<&CableParagraph>) -> CableStr {
    guarded(p, |p| p.heading())
}

/// Span of the caption line(s) of the heading above a paragraph (rules excluded). Returns true
/// and stores it in `*out` (when `out` is not NULL) if the paragraph has a heading.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_heading_span(p: Option<&CableParagraph>, out: Option<&mut CableSpan>) -> bool {
    guarded(p, |p| put(out, p.core().heading_span().map(CableSpan::from)))
}

/// The text of a paragraph after its number and marking, cleaned: page and section breaks cut
/// out (the interrupted sentence rejoined), wrapped lines joined with a space, a sub-item
/// starting a new line (`\n`). `{NULL, 0}` when `p` is NULL (an empty text is `{ptr, 0}` with a
/// non-NULL `ptr`).
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_text(p: Option<&CableParagraph>) -> CableStr {
    guarded(p, |p| p.text())
}

/// Span of the text of a paragraph as written (from after its marking to its end, breaks
/// included); `{0, 0}` when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_text_span(p: Option<&CableParagraph>) -> CableSpan {
    guarded(p, |p| p.core().text_span().into())
}

/// Span of a paragraph as written, from its number to the end of its text (the heading
/// excluded, breaks inside included); `{0, 0}` when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_span(p: Option<&CableParagraph>) -> CableSpan {
    guarded(p, |p| p.core().span().into())
}

/// Number of sub-items of a paragraph: lines starting with a label (`A.`, `(1)`, `--`, `-`) and
/// the lines continuing them. They stay part of the paragraph's text; this is a second view of
/// it. 0 when there are none or `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_item_count(p: Option<&CableParagraph>) -> usize {
    guarded(p, |p| p.items().len())
}

/// Sub-item `j` of a paragraph, read with the `cable_item_*` functions; NULL when `j` is out of
/// range or `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_paragraph_item(p: Option<&CableParagraph>, j: usize) -> Option<&CableItem> {
    guarded(p, |p| p.items().get(j))
}

/// Label of a sub-item, as written (`A.`, `(1)`, `--`); `{NULL, 0}` when `i` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_item_label(i: Option<&CableItem>) -> CableStr {
    guarded(i, |i| i.label.view)
}

/// Text of a sub-item after its label, cleaned like paragraph text; `{NULL, 0}` when `i` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_item_text(i: Option<&CableItem>) -> CableStr {
    guarded(i, |i| i.text.view)
}

/// Span of a sub-item, from its label to the end of its last line; `{0, 0}` when `i` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_item_span(i: Option<&CableItem>) -> CableSpan {
    guarded(i, |i| i.span)
}

// ----------------------------------------------------------------------------------------------
// Summary, comment, action request, notes: borrowed sub-handles

/// The summary (`Summary:` ... `End Summary.`, `BEGIN SUMMARY`, a `Summary` heading), borrowed
/// from `h` until `cable_free(h)`; NULL when the cable has none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_summary(h: Option<&Cable>) -> Option<&CablePassage> {
    guarded(h, |c| c.one(|r| &r.summary, |c| c.summary().map(CablePassage::new)))
}

/// The comment (`Comment:` ... `End Comment.` at the start of a paragraph, or the paragraphs
/// under a `Comment` heading), as `cable_summary`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_comment(h: Option<&Cable>) -> Option<&CablePassage> {
    guarded(h, |c| c.one(|r| &r.comment, |c| c.comment().map(CablePassage::new)))
}

/// The action request (`ACTION REQUEST:`, `Action requested.`, an `Action Request` heading), as
/// `cable_summary`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_action_request(h: Option<&Cable>) -> Option<&CablePassage> {
    guarded(h, |c| c.one(|r| &r.action_request, |c| c.action_request().map(CablePassage::new)))
}

fn notes(c: &Cable) -> &[CablePassage] {
    c.all(|r| &r.notes, |c| c.notes().map(CablePassage::new).collect())
}

/// Number of inline notes and comments in parentheses (`(Note: ... End note.)`,
/// `(Comment: ...)`), in text order. 0 when there are none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_note_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| notes(c).len())
}

/// Inline note `i`, as `cable_summary`; NULL when `i` is out of range or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_note(h: Option<&Cable>, i: usize) -> Option<&CablePassage> {
    guarded(h, |c| notes(c).get(i))
}

/// Kind of a passage: `summary`, `comment`, `action_request`, `note` (`(Note: ...)`) or
/// `inline_comment` (`(Comment: ...)`), as in the JSON. Static; `{NULL, 0}` when `p` is NULL.
/// Thread-safe, as every `cable_passage_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_passage_kind(p: Option<&CablePassage>) -> CableStr {
    guarded(p, |p| CableStr::new(p.kind))
}

/// The text of a passage, cleaned like paragraph text, its paragraphs separated by a blank line;
/// the keywords (`Summary:`, `End Summary.`, `(Note:`) are not part of it. Borrowed from the
/// handle; `{NULL, 0}` when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_passage_text(p: Option<&CablePassage>) -> CableStr {
    guarded(p, |p| p.text.view)
}

/// Span of a passage as written (keywords excluded). Returns true and stores it in `*out`
/// (when `out` is not NULL); false when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_passage_span(p: Option<&CablePassage>, out: Option<&mut CableSpan>) -> bool {
    guarded(p, |p| put(out, Some(p.span)))
}

/// The paragraphs a passage covers (an inline note: the one it is in): stores the index of the
/// first in `*first` and of the last in `*last` (each when not NULL) and returns true; false
/// when `p` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_passage_paragraphs(
    p: Option<&CablePassage>,
    first: Option<&mut usize>,
    last: Option<&mut usize>,
) -> bool {
    guarded(p, |p| {
        let r = &p.paragraphs;
        put(first, Some(r.start));
        put(last, Some(r.end.max(r.start + 1) - 1))
    })
}

// ----------------------------------------------------------------------------------------------
// Signature, redactions

/// The signature as written, the last line of names (`BURNS`, `KEEGAN PAAL`). Borrowed from `h`
/// until `cable_free(h)`; `{NULL, 0}` when the cable has none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_signature(h: Option<&Cable>) -> CableStr {
    guarded(h, |c| CableStr::opt(c.core().signature().map(|s| s.value)))
}

/// Span of the signature. Returns true and stores it in `*out` (when `out` is not NULL) if the
/// cable has a signature; false otherwise or when `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_signature_span(h: Option<&Cable>, out: Option<&mut CableSpan>) -> bool {
    guarded(h, |c| put(out, c.core().signature().map(|s| s.span.into())))
}

/// Signers: the names of the signature, split (`KEEGAN PAAL` → `KEEGAN`, `PAAL`). `{NULL, 0}`
/// when there is no signature or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_signers(h: Option<&Cable>) -> CableStrs {
    guarded(h, |c| c.strs(|r| &r.signers, |c| c.signers().to_vec()))
}

/// Number of redactions: runs of four or more `X` (`XXXXXXXXXXXX`, names the publishers
/// removed) anywhere in the text. 0 when there are none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_redaction_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().redactions().len())
}

/// Span of redaction `i`, in text order; `{0, 0}` when `i` is out of range or `h` is NULL.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_redaction_span(h: Option<&Cable>, i: usize) -> CableSpan {
    guarded(h, |c| c.core().redactions().get(i).map(|s| (*s).into()).unwrap_or_default())
}

// ----------------------------------------------------------------------------------------------
// Breaks and sections

/// Number of page and section breaks in the body, cut out of the text they interrupt. 0 when
/// there are none or `h` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_break_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().breaks().len())
}

/// Break `i`, in text order, read with the `cable_break_*` functions; NULL when `i` is out of
/// range or `h` is NULL. Thread-safe, as every `cable_break_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_break(h: Option<&Cable>, i: usize) -> Option<&CableBreak> {
    guarded(h, |c| c.nth(|r| &r.breaks, |c| c.breaks(), CableBreak::of, i))
}

/// Kind of a break: `page` (a page marker such as `MOSCOW 00005434 002 OF 002`, or a `PAGE nn`
/// banner with its classification lines) or `section` (the repeated header of a later section
/// of a partial record). Static; `{NULL, 0}` when `b` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_break_kind(b: Option<&CableBreak>) -> CableStr {
    guarded(b, |b| CableStr::new(b.kind.as_str()))
}

/// The page a break starts, when it says (`PAGE 03` → 3, `002 OF 002` → 2). Returns true and
/// stores it in `*out` (when `out` is not NULL) if known; false otherwise or when `b` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_break_page(b: Option<&CableBreak>, out: Option<&mut u32>) -> bool {
    guarded(b, |b| put(out, b.page))
}

/// Span of a break (its lines); `{0, 0}` when `b` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_break_span(b: Option<&CableBreak>) -> CableSpan {
    guarded(b, |b| b.span.into())
}

/// Number of sections of a telegram sent in sections (`SECTION 02 OF 05`), as the text holds
/// them: the first, then one per later section's header block (the JSON's `sections`; the
/// cable's own `SECTION` line is `cable_section`). 0 for a text of one section or when `h` is
/// NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn cable_section_count(h: Option<&Cable>) -> usize {
    guarded(h, |c| c.core().sections().len())
}

/// Section `i` of the text, read with the `cable_text_section_*` functions; NULL when `i` is out
/// of range or `h` is NULL. Thread-safe, as every `cable_text_section_*` function.
#[unsafe(no_mangle)]
pub extern "C" fn cable_section_at(h: Option<&Cable>, i: usize) -> Option<&CableTextSection> {
    guarded(h, |c| c.nth(|r| &r.sections, |c| c.sections(), CableTextSection::of, i))
}

/// Number of a section (from its banner or page banner). Returns true and stores it in `*out`
/// (when `out` is not NULL) if known; false otherwise or when `s` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_text_section_number(s: Option<&CableTextSection>, out: Option<&mut u32>) -> bool {
    guarded(s, |s| put(out, s.number))
}

/// How many sections the telegram has, as a section's banner says. Returns true and stores it
/// in `*out` (when `out` is not NULL) if known; false otherwise or when `s` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_text_section_total(s: Option<&CableTextSection>, out: Option<&mut u32>) -> bool {
    guarded(s, |s| put(out, s.total))
}

/// Span of a section (from its header block to the next section's); `{0, 0}` when `s` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_text_section_span(s: Option<&CableTextSection>) -> CableSpan {
    guarded(s, |s| s.span.into())
}

/// Span of a section's header block (the first section's: the cable's header and metadata);
/// `{0, 0}` when `s` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn cable_text_section_header_span(s: Option<&CableTextSection>) -> CableSpan {
    guarded(s, |s| s.header_span.into())
}
