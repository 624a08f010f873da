//! Summary, comment, action request and inline notes: stretches of the body marked by words
//! (`Summary:` ... `End Summary.`, `(Note: ... End note.)`) or by a heading (`Comment`).

pub(super) mod end_word;

use super::doubt::Found;
use crate::model::{Body, Paragraph, PassageData, PassageKind};
use crate::scan;
use crate::span::Span;
use crate::text;
use end_word::EndWord;

/// Keywords that open a passage at the start of a paragraph's text, longest first.
const OPENERS: &[(&str, PassageKind)] = &[
    ("BEGIN SUMMARY", PassageKind::Summary),
    ("SUMMARY AND COMMENT", PassageKind::Summary),
    ("SUMMARY AND ACTION REQUEST", PassageKind::Summary),
    // 09PORTAUPRINCE575, 03OTTAWA334: a heading over the summary.
    ("SUMMARY AND INTRODUCTION", PassageKind::Summary),
    ("SUMMARY/INTRODUCTION", PassageKind::Summary),
    ("SUMMARY/COMMENT", PassageKind::Summary),
    ("INTRODUCTION AND SUMMARY", PassageKind::Summary),
    ("EXECUTIVE SUMMARY", PassageKind::Summary),
    ("SUMMARY", PassageKind::Summary),
    ("BEGIN COMMENT", PassageKind::Comment),
    ("FURTHER COMMENT", PassageKind::Comment),
    ("EMBASSY COMMENT", PassageKind::Comment),
    ("POST COMMENT", PassageKind::Comment),
    ("COMMENT AND ACTION REQUEST", PassageKind::Comment),
    // 85BEIRUT1683: `COMMENTS:  HASHEM WAS OBVIOUSLY TIRED ...`.
    ("COMMENTS", PassageKind::Comment),
    ("COMMENT", PassageKind::Comment),
    ("THIS IS AN ACTION REQUEST", PassageKind::ActionRequest),
    ("ACTION REQUESTED", PassageKind::ActionRequest),
    ("ACTION REQUEST", PassageKind::ActionRequest),
];

/// The first four bytes of each of [`OPENERS`] and the last four, packed without case (see
/// [`key4`]): an opener is compared with a text only where these match, so that the nineteen
/// case-insensitive comparisons at the start and at the end of every paragraph are nineteen
/// integer comparisons (they took a third of this pass).
static OPENER_KEYS: [(u32, u32); OPENERS.len()] = opener_keys();

const fn opener_keys() -> [(u32, u32); OPENERS.len()] {
    let mut keys = [(0, 0); OPENERS.len()];
    let mut i = 0;
    while i < OPENERS.len() {
        let w = OPENERS[i].0.as_bytes();
        keys[i] =
            (key4([w[0], w[1], w[2], w[3]]), key4([w[w.len() - 4], w[w.len() - 3], w[w.len() - 2], w[w.len() - 1]]));
        i += 1;
    }
    keys
}

/// The sets of [`OPENER_KEYS`]' first and last keys, one bit per key (see [`key_bit`]): most
/// paragraphs start and end with four bytes that no opener has, and one bit test tells so
/// before the nineteen comparisons (the test of the first letter it replaces let through most
/// paragraphs, `The`, `In`, `According`; the last key had none).
const KEY_SETS: (u64, u64) = {
    let keys = opener_keys();
    let (mut firsts, mut lasts) = (0, 0);
    let mut i = 0;
    while i < keys.len() {
        firsts |= key_bit(keys[i].0);
        lasts |= key_bit(keys[i].1);
        i += 1;
    }
    (firsts, lasts)
};

/// The bit of a [`key4`] in a set of 64: six bits of a multiplicative hash.
const fn key_bit(key: u32) -> u64 {
    1 << (key.wrapping_mul(0x9E37_79B1) >> 26)
}

/// Four bytes packed into an integer, each without its case bit (0x20): two texts' keys are
/// equal when their four bytes are equal ignoring ASCII case (and for a few other pairs, `@`
/// and `` ` ``, a space and NUL: a key only lets a comparison run, which decides). One AND for
/// the four bytes, where upper-casing each byte cost about twenty instructions a key, and a
/// key is read at both ends of every paragraph.
const fn key4(b: [u8; 4]) -> u32 {
    u32::from_le_bytes(b) & 0xDFDF_DFDF
}

/// [`key4`] of the four bytes of `b` from `at`, if there are four.
#[inline]
fn key_at(b: &[u8], at: usize) -> Option<u32> {
    let four: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(key4(four))
}

/// How far (in paragraphs) an `End Summary.` / `End Comment.` is looked for.
const MAX_PARAGRAPHS: usize = 12;

/// Finds the passages of `body`; `found` is the [`super::doubt::search`] of its paragraphs.
pub(crate) fn find(body: &mut Body<'_>, source: &str, found: &Found) {
    let paragraphs = &body.paragraphs;
    let mut passages: Vec<PassageData> = Vec::new();
    let mut seen = [false; 3];
    let mut i = 0;
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        let t = p.text_span.slice(source);
        // A heading names the passage: the paragraphs under it, up to the next heading.
        if let Some(kind) = p.heading.and_then(|h| heading_kind(h.slice(source))) {
            // `INTRODUCTION AND SUMMARY` / `SUMMARY: THERE IS ...` (91KHARTOUM4769): the keyword
            // repeated in the text is not part of the passage either.
            let start = p.text_span.start + opener(t).filter(|o| o.0 == kind).map_or(0, |o| o.1 as u32);
            let mut last = i;
            while last + 1 < paragraphs.len() && paragraphs[last + 1].heading.is_none() && last + 1 - i < MAX_PARAGRAPHS
            {
                last += 1;
            }
            // Under a `Summary` heading the summary still ends at `End Summary.`, if it stands
            // before the next heading (looked for up to there only: an end word after it was
            // found and thrown away, reading on to the twelfth paragraph).
            let (last, end) = find_end(&paragraphs[..=last], (source, found), i, start, end_word(kind))
                .unwrap_or((last, paragraphs[last].text_span.end));
            push(&mut passages, &mut seen, kind, Span::new(start, end), i, last);
            i = last + 1;
            continue;
        }
        if let Some((kind, at)) = opener(t) {
            let start = p.text_span.start + at as u32;
            match find_end(paragraphs, (source, found), i, start, end_word(kind)) {
                Some((k, end)) => {
                    push(&mut passages, &mut seen, kind, Span::new(start, end), i, k);
                    i = k + 1;
                }
                None => {
                    push(&mut passages, &mut seen, kind, Span::new(start, p.text_span.end), i, i);
                    i += 1;
                }
            }
            continue;
        }
        if let Some(kind) = trailing_opener(t).filter(|_| i + 1 < paragraphs.len()) {
            let next = &paragraphs[i + 1];
            if let Some((k, end)) = find_end(paragraphs, (source, found), i + 1, next.text_span.start, end_word(kind)) {
                push(&mut passages, &mut seen, kind, Span::new(next.text_span.start, end), i + 1, k);
                i = k + 1;
                continue;
            }
        }
        i += 1;
    }
    // No opening word, but `End Summary.` in the first paragraphs: the summary is the text up
    // to it (the opening was lost, e.g. in a metadata line or a joined page).
    if !seen[0] {
        if let Some(first) = paragraphs.first() {
            if let Some((k, end)) = find_end(
                &paragraphs[..paragraphs.len().min(3)],
                (source, found),
                0,
                first.text_span.start,
                &end_word::SUMMARY,
            ) {
                push(&mut passages, &mut seen, PassageKind::Summary, Span::new(first.text_span.start, end), 0, k);
            }
        }
    }
    for (i, p) in paragraphs.iter().enumerate() {
        inline_notes(p, source, i, found.note_opens(p.text_span), &mut passages);
    }
    passages.sort_by_key(|d| (d.span.start, d.span.end));
    body.passages = passages;
}

/// The words that close a passage of `kind` (`End Summary.`).
fn end_word(kind: PassageKind) -> &'static EndWord {
    match kind {
        PassageKind::Summary => &end_word::SUMMARY,
        PassageKind::Comment | PassageKind::InlineComment => &end_word::COMMENT,
        PassageKind::Note => &end_word::NOTE,
        PassageKind::ActionRequest => &end_word::ACTION_REQUEST,
    }
}

fn push(found: &mut Vec<PassageData>, seen: &mut [bool; 3], kind: PassageKind, span: Span, first: usize, last: usize) {
    let slot = match kind {
        PassageKind::Summary => 0,
        PassageKind::Comment => 1,
        _ => 2,
    };
    // One summary per cable; later comments and action requests are kept too.
    if slot == 0 && seen[0] {
        return;
    }
    seen[slot] = true;
    if span.start < span.end {
        found.push(PassageData { kind, span, first, last });
    }
}

/// The passage a heading names (`Summary`, `COMMENT`, `Comment and Action Request`).
pub(super) fn heading_kind(h: &str) -> Option<PassageKind> {
    // (`//COMMENT//`, 04MADRID3914: a heading framed by slashes.)
    let h = scan::trim(scan::trim(text::clean_line(h)).trim_matches('/')).trim_end_matches([':', '.']);
    // `(C) SUMMARY`.
    let h = match crate::classification::Marking::parse_prefix(h) {
        Some((_, n)) => scan::trim(&h[n..]),
        None => h,
    };
    // (Every opener is longer than four bytes: a heading whose first four are none of theirs
    // is passed over without a comparison.)
    let key = key_at(h.as_bytes(), 0).filter(|&k| KEY_SETS.0 & key_bit(k) != 0)?;
    let (word, kind, n) = OPENERS
        .iter()
        .zip(OPENER_KEYS)
        .filter(|(_, k)| k.0 == key)
        .find_map(|(&(w, k), _)| scan::strip_prefix_ci(h, w).map(|rest| (w, k, h.len() - rest.len())))?;
    let rest = &h[n..];
    let word_end = rest.is_empty() || rest.starts_with([' ', ':', '-', ',']);
    let rest = scan::trim(rest);
    // `Comment on X` is a comment heading; `Comments of Concern` (04BRATISLAVA437) is a topic.
    let more_allowed = kind != PassageKind::Summary && word != "COMMENTS";
    (word_end && (rest.is_empty() || more_allowed && rest.len() < 30 && !rest.contains('.'))).then_some(kind)
}

/// A passage keyword at the start of a paragraph's text, followed by `:`, `.`, `-`, or `and
/// ...:`; returns the kind and where the passage's text starts.
fn opener(t: &str) -> Option<(PassageKind, usize)> {
    // (Bytes, not chars: this runs on every paragraph, and the pattern's ASCII.)
    let lead = t.bytes().take_while(|b| matches!(b, b' ' | b'\t' | b'-')).count();
    let s = &t[lead..];
    // (No opener is four bytes or shorter; one whose first four bytes differ is passed over
    // without a comparison, and most paragraphs by the set of first keys.)
    let key = key_at(s.as_bytes(), 0).filter(|&k| KEY_SETS.0 & key_bit(k) != 0)?;
    for (&(w, kind), &(first, _)) in OPENERS.iter().zip(&OPENER_KEYS) {
        if first != key {
            continue;
        }
        let Some(rest) = scan::strip_prefix_ci(s, w) else { continue };
        let after = rest.trim_start_matches([' ', '\t']);
        let punct = after.len() - after.trim_start_matches([':', '.', '-', ';', ',']).len();
        let ok = punct > 0
            || (kind == PassageKind::ActionRequest && !after.starts_with(|c: char| c.is_lowercase()))
            || after.is_empty();
        if !ok {
            // `Summary` as the first word of a sentence (`Summary executions were ...`).
            continue;
        }
        let mut body = after[punct..].trim_start_matches([' ', '\t', '\n', '\r']);
        // `1. Summary: (SBU) Japanese ...`: a portion marking after the keyword is no part of
        // the passage's text.
        if let Some((_, n)) = crate::classification::Marking::parse_prefix(body) {
            body = body[n..].trim_start_matches([' ', '\t', '\n', '\r']);
        }
        return Some((kind, lead + (s.len() - body.len())));
    }
    None
}

/// A passage keyword left at the end of a paragraph (`... Counterterrorism Partnership.
/// COMMENT`, 08RABAT194; `... septel. END NOTE.) Comment:`, 09SAOPAULO660): it opens the
/// passage of the paragraphs after it. Written in capitals or with a colon, after the end of a
/// sentence (not `... would make no comment.`); taken only when the passage's end word follows.
fn trailing_opener(t: &str) -> Option<PassageKind> {
    // (Bytes, not chars, as in `opener`.)
    let trail = t.bytes().rev().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b':' | b'.' | b'-')).count();
    let s = &t[..t.len() - trail];
    // (By the last four bytes first, as `opener` by the first four: this runs on every
    // paragraph, and a paragraph's last word is nearly never an opener's.)
    let key = key_at(s.as_bytes(), s.len().checked_sub(4)?).filter(|&k| KEY_SETS.1 & key_bit(k) != 0)?;
    for (&(w, kind), &(_, last)) in OPENERS.iter().zip(&OPENER_KEYS) {
        if last != key {
            continue;
        }
        let Some(at) = s.len().checked_sub(w.len()) else { continue };
        if !s.is_char_boundary(at) || !s[at..].eq_ignore_ascii_case(w) {
            continue;
        }
        let before = s[..at].trim_end_matches([' ', '\t', '\n', '\r']);
        let boundary = before.is_empty() || before.ends_with(['.', ')', ':', '"', '!', '?']);
        let cased = !s[at..].bytes().any(|b| b.is_ascii_lowercase()) || t.trim_end().ends_with(':');
        if boundary && cased {
            return Some(kind);
        }
    }
    None
}

/// Looks for `end_word` (`END SUMMARY`) from `start` in paragraph `i` and the following
/// paragraphs; returns the paragraph where it is and where the passage's text ends (before
/// the end word and its sentence's leading punctuation). An end word the body's one search looks
/// for (`END SUMMARY`) by the pieces of it that search found (`found`), the others by a search of
/// their own.
fn find_end(
    paragraphs: &[Paragraph<'_>],
    (source, found): (&str, &Found),
    i: usize,
    start: u32,
    end_word: &EndWord,
) -> Option<(usize, u32)> {
    for (k, p) in paragraphs.iter().enumerate().skip(i).take(MAX_PARAGRAPHS) {
        let from = if k == i { start } else { p.text_span.start };
        let span = Span::new(from, p.text_span.end);
        let t = span.slice(source);
        let at = if end_word.found_by_body_search {
            end_word.find_at(t, found.summary_pieces(span))
        } else {
            end_word.find(t)
        };
        if let Some(at) = at {
            let before = t[..at].trim_end_matches([' ', '\t', '\n', '\r', '(', '-']);
            let end = from + before.len() as u32;
            if end <= start && k == i {
                return None;
            }
            return Some((k, end));
        }
    }
    None
}

/// `(Note: ... End note.)` and `(Comment: ...)` inside a paragraph; `opens` are the offsets in
/// the source of the parentheses of its text that may open one, in order
/// ([`Found::note_opens`]: the body's one search found them, where each paragraph was searched
/// for every `(` again here).
fn inline_notes(
    p: &Paragraph<'_>,
    source: &str,
    i: usize,
    opens: impl Iterator<Item = u32>,
    out: &mut Vec<PassageData>,
) {
    let t = p.text_span.slice(source);
    let b = t.as_bytes();
    let mut at = 0;
    for open in opens {
        let open = (open - p.text_span.start) as usize;
        // (A parenthesis inside the note before is part of it.)
        if open < at {
            continue;
        }
        at = open + 1;
        let inner = &t[open + 1..];
        let (kind, n) = if let Some(r) = scan::strip_prefix_ci(inner, "NOTE") {
            (PassageKind::Note, inner.len() - r.len())
        } else if let Some(r) = scan::strip_prefix_ci(inner, "COMMENT") {
            (PassageKind::InlineComment, inner.len() - r.len())
        } else {
            continue;
        };
        let rest = &inner[n..];
        let r = rest.trim_start_matches(' ');
        if !r.starts_with([':', '.', '-']) {
            continue;
        }
        let body_off = open + 1 + n + (rest.len() - r.len()) + 1;
        // The closing parenthesis, nested ones counted.
        let mut depth = 1;
        let mut close = None;
        for (k, &c) in b[body_off..].iter().enumerate() {
            match c {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(body_off + k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close.unwrap_or(b.len());
        let body = &t[body_off..close];
        let closing = if kind == PassageKind::Note { &end_word::NOTE } else { &end_word::COMMENT };
        let body_end = match closing.find(body) {
            Some(e) => body_off + body[..e].trim_end_matches([' ', '\n', '\r', '\t']).len(),
            None => {
                body_off
                    + body.trim_end_matches([' ', '\n', '\r', '\t', '.']).len()
                    + usize::from(body.trim_end().ends_with('.'))
            }
        };
        let start = body_off + (body.len() - body.trim_start().len());
        if start < body_end {
            let base = p.text_span.start;
            out.push(PassageData {
                kind,
                span: Span::new(base + start as u32, base + body_end as u32),
                first: i,
                last: i,
            });
        }
        at = close.max(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers() {
        assert_eq!(opener("Summary. Russia's"), Some((PassageKind::Summary, 9)));
        // 09ISLAMABAD155 (page, cables-dev.csv), 08LONDON2556: the marking after the keyword.
        assert_eq!(opener("Summary: (C) In a January 20 meeting"), Some((PassageKind::Summary, 13)));
        assert_eq!(opener("(SBU) Summary: (SBU) After winning"), None);
        assert_eq!(opener("SUMMARY: ASSISTANT"), Some((PassageKind::Summary, 9)));
        assert_eq!(opener("Summary and Comment: The"), Some((PassageKind::Summary, 21)));
        assert_eq!(opener("BEGIN SUMMARY: X"), Some((PassageKind::Summary, 15)));
        assert_eq!(opener("Comment: Despite"), Some((PassageKind::Comment, 9)));
        assert_eq!(opener("COMMENT AND ACTION REQUEST. We"), Some((PassageKind::Comment, 28)));
        assert_eq!(opener("ACTION REQUESTED. COUNTRY"), Some((PassageKind::ActionRequest, 18)));
        assert_eq!(opener("Summary executions were reported"), None);
        assert_eq!(opener("Commenting on the vote"), None);
    }

    #[test]
    fn heading_kinds() {
        assert_eq!(heading_kind("Comment"), Some(PassageKind::Comment));
        assert_eq!(heading_kind("SUMMARY"), Some(PassageKind::Summary));
        assert_eq!(heading_kind("Comment and Action Request"), Some(PassageKind::Comment));
        assert_eq!(heading_kind("Lavrov's Letter"), None);
        assert_eq!(heading_kind("Commentary on the press"), None);
        assert_eq!(heading_kind("Summary and Introduction"), Some(PassageKind::Summary));
        assert_eq!(heading_kind("SUMMARY/INTRODUCTION"), Some(PassageKind::Summary));
        assert_eq!(heading_kind("//COMMENT//"), Some(PassageKind::Comment));
        assert_eq!(heading_kind("Comments of Concern"), None);
        assert_eq!(heading_kind("COMMENTS"), Some(PassageKind::Comment));
        assert_eq!(opener("COMMENTS:  HASHEM WAS OBVIOUSLY TIRED"), Some((PassageKind::Comment, 11)));
    }

    #[test]
    fn trailing_openers() {
        assert_eq!(
            trailing_opener("East Partnership Initiative and the Trans-Saharan Counterterrorism Partnership. COMMENT"),
            Some(PassageKind::Comment)
        );
        assert_eq!(
            trailing_opener("plans to report more on religion and the upcoming elections septel. END NOTE.) Comment:"),
            Some(PassageKind::Comment)
        );
        assert_eq!(trailing_opener("The minister would make no comment."), None);
        assert_eq!(trailing_opener("He declined to comment."), None);
    }
}
