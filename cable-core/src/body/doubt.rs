//! Doubts: where the body's structure rests on a guess, a `doubt_*` warning with the span, so
//! that a user can keep the cables whose paragraphs are certain (issue 19).
//!
//! Each check reads the parsed body, never the walk's state: the structure is what it is, and
//! these say where it may be wrong.
//!
//! - `doubt_heading_in_text`: a paragraph ends in a line that reads as a caption (short, no
//!   sentence end, after a line that ended a sentence): the next paragraph's heading, probably,
//!   read as text.
//! - `doubt_signature_in_text`: the text ends in a name in capitals after the last sentence and
//!   no signature was found (`... under the JADE Act. DINGER`).
//! - `doubt_trailer_in_text`: transmission ends, website footers or archive stamps inside a
//!   paragraph (`NNNN`, `Classified Website`, `@@@OASYS@@@`).
//! - `doubt_stray_text`: an unnumbered block of the text among numbered paragraphs, or before
//!   the first of them (a wrapped field's tail, `d (d).`, a serial): it may belong elsewhere.

use super::heading::reads_as_caption;
use crate::model::Body;
use crate::scan;
use crate::span::Span;
use crate::text;
use crate::warning::{Warning, WarningKind};

/// Adds the doubts about `body` to `warnings`.
pub(crate) fn find(body: &Body<'_>, source: &str, warnings: &mut Vec<Warning>) {
    let paragraphs = &body.paragraphs;
    // Index of the last numbered paragraph: an unnumbered one before it stands among numbered
    // paragraphs (found once, not by looking ahead from each paragraph).
    let last_numbered = paragraphs.iter().rposition(|p| p.number.is_some());
    // Buffers of lines for all paragraphs: every line, and the non-blank ones.
    let mut all: Vec<&str> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for (k, p) in paragraphs.iter().enumerate() {
        let before_a_numbered = p.number.is_none() && last_numbered.is_some_and(|l| l > k);
        // The paragraph's lines, blank ones kept (the split test below reads them): split once.
        all.clear();
        all.extend(text::pieces(source, p.text_span, &p.cuts()).map(text::clean_line));
        lines.clear();
        lines.extend(all.iter().copied().filter(|l| !l.is_empty()));
        // Whole-paragraph tests first: the per-line searches below run only where they can find
        // something (searching every line of every paragraph cost a third of the parse).
        let raw = p.text_span.slice(source);
        let maybe_trailer = trailer_at(raw).is_some();
        let maybe_number = memchr::memchr_iter(b'(', raw.as_bytes())
            .any(|j| j >= 2 && raw.as_bytes()[j - 1] == b' ' && matches!(raw.as_bytes()[j - 2], b'0'..=b'9' | b','));
        let mut before: Option<&str> = None;
        let mut last: Option<&str> = None;
        for (n, &l) in lines.iter().enumerate() {
            before = last;
            last = Some(l);
            if let Some(at) = maybe_trailer.then(|| trailer_at(l)).flatten() {
                let span = Span::of(source, &l[at..], 0);
                warnings.push(Warning::new(WarningKind::DoubtTrailerInText, span));
            }
            if let Some(n) = maybe_number.then(|| odd_number_at(l)).flatten() {
                warnings.push(Warning::new(WarningKind::DoubtNumberInText, Span::of(source, &l[n..], 0)));
            }
            // (The cheap test first: this runs on every line of every paragraph.)
            if before.is_some()
                && crate::shape::rule::is_rule(l)
                && (before.is_some_and(is_caption_like) || lines.get(n + 1).is_some_and(|x| is_caption_like(x)))
            {
                // A rule inside the text next to a caption: a heading, probably, read as text.
                warnings.push(Warning::new(WarningKind::DoubtHeadingInText, Span::of(source, l, 0)));
            }
        }
        // A numbered paragraph goes on over blank lines (its quotations and sub-items): a block
        // of prose after one may be an unnumbered paragraph of its own.
        if p.number.is_some() {
            let mut blank_after_sentence = false;
            let mut prev = "";
            for &l in &all {
                if l.is_empty() {
                    blank_after_sentence = prev.ends_with(['.', '"', '\u{201d}', ')']);
                    continue;
                }
                let prose = || {
                    l.len() >= 40
                        && l.starts_with(|c: char| c.is_uppercase())
                        && crate::text::item_label(l).is_none()
                        && l.bytes().filter(u8::is_ascii_lowercase).count() * 2 > l.len()
                };
                if blank_after_sentence && prose() {
                    warnings.push(Warning::new(WarningKind::DoubtParagraphSplit, Span::of(source, l, 0)));
                    break;
                }
                blank_after_sentence = false;
                prev = l;
            }
        }
        // Before paragraph 1, a block holding a field's keyword: the field wrapped into the text.
        if before_a_numbered {
            let head = p.text_span.slice(source);
            let head = scan::head(head, 60);
            let field = head.starts_with("CLASSIFIED") && head.contains(" BY ");
            if field {
                warnings.push(Warning::new(WarningKind::DoubtStrayText, p.span));
            }
        }
        let t = p.text_span.slice(source);
        if let Some(n) = unread_marking(t) {
            warnings.push(Warning::new(WarningKind::DoubtMarkingInText, Span::of(source, &t[..n], 0)));
        }
        if let (Some(before), Some(last)) = (before, last) {
            if reads_as_caption(before, last) && k + 1 < paragraphs.len() {
                warnings.push(Warning::new(WarningKind::DoubtHeadingInText, Span::of(source, last, 0)));
            }
        }
        // (Short: a field's wrapped tail, `d (d).`, a stray serial; longer unnumbered blocks
        // before paragraph 1 are introductions and handling notes.)
        let short = p.text_span.end - p.text_span.start < 30;
        if short && before_a_numbered {
            warnings.push(Warning::new(WarningKind::DoubtStrayText, p.span));
        }
    }
    if body.signature.is_none() {
        if let Some(p) = paragraphs.last() {
            let t = Span::new(p.text_span.start, p.text_span.end).slice(source).trim_end();
            if let Some(name) = trailing_name(t) {
                warnings.push(Warning::new(WarningKind::DoubtSignatureInText, Span::of(source, name, 0)));
            }
        }
    }
}

/// A short line in capitals without a sentence end (`FOREIGN MINISTER SAYS ...`).
fn is_caption_like(l: &str) -> bool {
    let letters = l.bytes().filter(u8::is_ascii_alphabetic).count();
    let upper = l.bytes().filter(u8::is_ascii_uppercase).count();
    l.len() <= 80 && letters >= 4 && upper * 10 >= letters * 9 && !l.ends_with(['.', ',', ';', ':'])
}

/// Where transmission debris starts in a line of text. Searched with finders built once: a
/// `str::find` per pattern and line set up a searcher each time and took a fifth of the parse.
fn trailer_at(l: &str) -> Option<usize> {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static FINDERS: LazyLock<[Finder<'static>; 5]> = LazyLock::new(|| {
        ["NNNN", "@@@OASYS", "Classified Website", "Classified Web Site", "CLASSIFIED WEBSITE"].map(Finder::new)
    });
    let b = l.as_bytes();
    FINDERS.iter().filter_map(|f| f.find(b)).min()
}

/// A name in capitals after the text's last sentence (`... Act. DINGER`, `... SUCCESS. BROWNFIELD`).
fn trailing_name(t: &str) -> Option<&str> {
    // (`... bodes well for U.S. interests. DANILOVICH 2005-05-06`: a date after the name.)
    let t = match t.rsplit_once(char::is_whitespace) {
        Some((head, date))
            if date.bytes().any(|b| b.is_ascii_digit()) && date.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            head.trim_end()
        }
        _ => t,
    };
    let (head, name) = t.rsplit_once(char::is_whitespace)?;
    let head = head.trim_end();
    let ok = name.len() >= 3
        && scan::is_upper_alpha(name)
        && head.ends_with(['.', '?', '!', '"', '\u{201d}'])
        && head.bytes().any(|b| b.is_ascii_lowercase());
    ok.then_some(name)
}

/// A paragraph number with odd punctuation inside a line (`... grantee. 2, (U) Drafted by`,
/// `15 (SBU) He said`): where it starts. Numbers and a portion marking after a sentence end or at
/// the start of the line.
fn odd_number_at(l: &str) -> Option<usize> {
    let b = l.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let at_start = i == 0 || (i >= 2 && b[i - 1] == b' ' && matches!(b[i - 2], b'.' | b' ' | b'"'));
        if at_start && b[i].is_ascii_digit() {
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let mut j = i + digits;
            if digits <= 2 && b.get(j) == Some(&b',') {
                j += 1;
            }
            let paren = b.get(j) == Some(&b' ') && b.get(j + 1) == Some(&b'(');
            if digits <= 2 && paren && crate::classification::Marking::parse_prefix(&l[j..]).is_some() {
                return Some(i);
            }
            i += digits;
            continue;
        }
        i += 1;
    }
    None
}

/// A portion marking the parser did not read at the start of a paragraph's text (`(N/SF) I then
/// raised`, `C - ENTIRE TEXT.`): its length.
fn unread_marking(t: &str) -> Option<usize> {
    let t0 = t.trim_start();
    let lead = t.len() - t0.len();
    if let Some(inner) = t0.strip_prefix('(') {
        let close = inner.find(')')?;
        let code = &inner[..close];
        let ok = (1..=10).contains(&code.len())
            && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
            && code.contains('/');
        return ok.then_some(lead + close + 2);
    }
    let level = t0.as_bytes().first()?;
    let entire = matches!(level, b'C' | b'S' | b'U') && t0[1..].trim_start().starts_with("- ENTIRE TEXT");
    entire.then(|| lead + t0.find("TEXT").map_or(1, |n| n + 4))
}
