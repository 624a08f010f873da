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
use crate::lines::Line;
use crate::model::Body;
use crate::scan;
use crate::span::Span;
use crate::text;
use crate::warning::{Warning, WarningKind};

/// Adds the doubts about `body` to `warnings`; `lines` are the text's lines as the walk split them.
pub(crate) fn find(body: &Body<'_>, lines: &[Line<'_>], source: &str, warnings: &mut Vec<Warning>) {
    let paragraphs = &body.paragraphs;
    // Index of the last numbered paragraph: an unnumbered one before it stands among numbered
    // paragraphs (found once, not by looking ahead from each paragraph).
    let last_numbered = paragraphs.iter().rposition(|p| p.number.is_some());
    for (k, p) in paragraphs.iter().enumerate() {
        let before_a_numbered = p.number.is_none() && last_numbered.is_some_and(|l| l > k);
        let cuts = p.cuts();
        // Whole-paragraph tests first: the per-line searches below run only where they can find
        // something (searching every line of every paragraph cost a third of the parse).
        let raw = p.text_span.slice(source);
        let scan = LineScan {
            source,
            maybe_trailer: trailer_at(raw).is_some(),
            maybe_number: memchr::memchr_iter(b'(', raw.as_bytes()).any(|j| {
                j >= 2 && raw.as_bytes()[j - 1] == b' ' && matches!(raw.as_bytes()[j - 2], b'0'..=b'9' | b',')
            }),
        };
        // One pass over the lines, holding back one non-blank line until the next is known (the
        // rule test looks at both neighbours): no buffer, whatever the paragraph's size.
        let mut before: Option<&str> = None;
        let mut last: Option<(&str, bool)> = None;
        let mut count = 0usize;
        // A numbered paragraph goes on over blank lines (its quotations and sub-items): a block
        // of prose after one may be an unnumbered paragraph of its own.
        let mut split = (p.number.is_some(), false, ""); // (looking, blank after a sentence, previous line)
        for_each_clean_piece(source, lines, p.text_span, &cuts, |l, may_be_rule| {
            if split.0 {
                if l.is_empty() {
                    split.1 = split.2.ends_with(['.', '"', '\u{201d}', ')']);
                } else if split.1 && reads_as_prose(l) {
                    warnings.push(Warning::new(WarningKind::DoubtParagraphSplit, Span::of(source, l, 0)));
                    split.0 = false;
                } else {
                    split = (true, false, l);
                }
            }
            if l.is_empty() {
                return;
            }
            count += 1;
            if let Some(held) = last {
                scan.line(before, held, Some(l), warnings);
            }
            before = last.map(|(b, _)| b);
            last = Some((l, may_be_rule));
        });
        if let Some(held) = last {
            scan.line(before, held, None, warnings);
        }
        let last = last.map(|(l, _)| l);
        // The items view stops at its limit: say so (counted again only where the lines could
        // be that many).
        if count > crate::warning::MAX_ITEMS {
            let mut previous = "";
            let items = text::pieces(source, p.text_span, &cuts)
                .map(text::clean_line)
                .filter(|l| !l.is_empty())
                .filter(|&l| text::item_start(std::mem::replace(&mut previous, l), l).is_some());
            if items.count() > crate::warning::MAX_ITEMS {
                warnings.push(Warning::new(WarningKind::TooManyItems, p.span));
            }
        }
        // Before paragraph 1, a block holding a field's keyword: the field wrapped into the text.
        if before_a_numbered {
            let head = p.text_span.slice(source);
            let head = scan::head(head, 80);
            // (`RIO DE JANEIRO 353 RIO DE JAN 00000365 001.2 OF 002 CLASSIFIED BY: Dennis W.
            // Hearne, ...`, 09RIODEJANEIRO365: a REF item, a page marker and the field on one
            // joined line.)
            let field = (head.starts_with("CLASSIFIED") && head.contains(" BY "))
                || scan::find_ci(head, "CLASSIFIED BY:").is_some()
                || crate::shape::reflist::reads_as_ref_list(head);
            if field {
                warnings.push(Warning::new(WarningKind::DoubtStrayText, p.span));
            }
        }
        let t = p.text_span.slice(source);
        // A marking read by its letters out of order (`(N/SF)`): a guess.
        if let Some(m) = p.marking.filter(|m| m.is_scrambled()) {
            warnings.push(Warning::new(WarningKind::DoubtMarkingInText, Span::of(source, m.raw, 0)));
        }
        if let Some(n) = unread_marking(t) {
            warnings.push(Warning::new(WarningKind::DoubtMarkingInText, Span::of(source, &t[..n], 0)));
        }
        if let (Some(before), Some(last)) = (before, last) {
            // (Also a caption with a colon: `Ministry of Social Affairs and Labor:` above a page
            // marker and the rest of the heading, 07KUWAIT808.)
            // (A lead-in, `TEXT OF THE POPE'S STATEMENT FOLLOWS:`, introduces what follows.)
            let caption = reads_as_caption(before, last)
                || last
                    .strip_suffix(':')
                    .is_some_and(|l| reads_as_caption(before, l) && !scan::ends_with_ci(l, "FOLLOWS"));
            if caption && k + 1 < paragraphs.len() {
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

/// Hands each line of `span` to `visit` as [`text::pieces`] gives them, cleaned
/// ([`text::clean_line`]), with whether it may be a rule (false only where its shape says it
/// cannot). Read off the walk's line table when nothing is cut out of the span and it holds no
/// `\r` (nearly every paragraph): each line's end was found once already, and finding it again
/// (memchr per line) was most of this pass; a whole line that cleans to itself by its shape is
/// its trimmed text, which the split found too. (A loop calling `visit`, not an iterator: this
/// runs on every line of the body, and the iterator's dispatch between its two sources cost more
/// than the lines' own tests.)
fn for_each_clean_piece<'a>(
    source: &'a str,
    lines: &[Line<'a>],
    span: Span,
    cuts: &[Span],
    mut visit: impl FnMut(&'a str, bool),
) {
    let text = span.slice(source);
    if !cuts.is_empty() || memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text::each_piece(source, span, cuts, |piece| visit(text::clean_line(piece), true));
        return;
    }
    let bytes = source.as_bytes();
    // From `at` to the end of each line (before its `\n`), the last one cut at the span's end;
    // no empty piece after a final line break, and none for an empty span (as `text::pieces`).
    let mut at = span.start;
    let first = lines.partition_point(|l| l.next <= span.start);
    for line in &lines[first..] {
        if at >= span.end {
            break;
        }
        let ends_in_break = line.next > line.start && bytes[line.next as usize - 1] == b'\n';
        let line_end = if ends_in_break { line.next - 1 } else { line.next };
        let stop = line_end.min(span.end);
        // A whole line (no byte-order mark in it) whose end was trimmed of spaces only, not of
        // tags, and whose shape cleans to itself: `clean_line` of it is its trimmed text, and
        // its shape tells whether it may be a rule.
        let text_end = line.start as usize + line.text.len();
        if at == line.start
            && stop == line_end
            && line.start > 0
            && line.shape.cleans_to_itself()
            && bytes[text_end..line_end as usize].iter().all(|&b| scan::is_ascii_ws(b) || b == 0xC2 || b == 0xA0)
        {
            debug_assert_eq!(line.trimmed(), text::clean_line(&source[at as usize..stop as usize]));
            visit(line.trimmed(), line.shape.may_be_rule());
        } else {
            let piece = &source[at as usize..stop as usize];
            debug_assert!(!piece.contains('\n'), "the line table is the source's");
            visit(text::clean_line(piece), true);
        }
        at = if stop == line_end && ends_in_break { line.next } else { span.end };
    }
}

/// The per-line doubts of one paragraph, with what its whole text said can be found.
struct LineScan<'s> {
    source: &'s str,
    /// The text holds a trailer's words somewhere (`NNNN`, a website footer).
    maybe_trailer: bool,
    /// The text holds a digit or comma, a space and `(` somewhere (`2, (U)`).
    maybe_number: bool,
}

impl LineScan<'_> {
    /// The doubts of line `l`, between the non-blank lines `before` and `next` (`may_be_rule`
    /// false: its shape says it is no rule). (Always inlined: it runs on every line of the
    /// body, its tests are mostly skipped by flags, and the call cost more than they did.)
    #[inline(always)]
    fn line(
        &self,
        before: Option<&str>,
        (l, may_be_rule): (&str, bool),
        next: Option<&str>,
        warnings: &mut Vec<Warning>,
    ) {
        let source = self.source;
        if let Some(at) = self.maybe_trailer.then(|| trailer_at(l)).flatten() {
            warnings.push(Warning::new(WarningKind::DoubtTrailerInText, Span::of(source, &l[at..], 0)));
        }
        if let Some(n) = self.maybe_number.then(|| odd_number_at(l)).flatten() {
            warnings.push(Warning::new(WarningKind::DoubtNumberInText, Span::of(source, &l[n..], 0)));
        }
        // (The cheap test first: this runs on every line of every paragraph.)
        if before.is_some()
            && may_be_rule
            && crate::shape::rule::is_rule(l)
            && (before.is_some_and(is_caption_like)
                || next.is_some_and(|n| is_caption_like(n) || marking_after_mangled_number(n)))
        {
            // A rule inside the text next to a caption: a heading, probably, read as text.
            warnings.push(Warning::new(WarningKind::DoubtHeadingInText, Span::of(source, l, 0)));
        }
    }
}

/// A line below a rule that opens with a portion marking, maybe after a mangled number
/// (`Q (C/NF) Several interlocutors ...` for `8. (C/NF)`, 08LONDON2651; `(U) Russian
/// presentation ...`, 10STATE17263): a paragraph's start read as text.
fn marking_after_mangled_number(l: &str) -> bool {
    let l = match l.split_once(' ') {
        // (Not an item label: `A. (U) Ghana is ...` under `Para 16: Overview` is a sub-item.)
        Some((garbled, rest)) if garbled.len() <= 2 && garbled.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            rest.trim_start()
        }
        _ => l,
    };
    l.starts_with('(') && crate::classification::Marking::parse_prefix(l).is_some()
}

/// A line of prose: long, opening with a capital, mostly lower case, no item label.
fn reads_as_prose(l: &str) -> bool {
    l.len() >= 40
        && l.starts_with(|c: char| c.is_uppercase())
        && crate::text::item_label(l).is_none()
        && l.bytes().filter(u8::is_ascii_lowercase).count() * 2 > l.len()
}

/// A short line in capitals without a sentence end (`FOREIGN MINISTER SAYS ...`).
fn is_caption_like(l: &str) -> bool {
    let letters = l.bytes().filter(u8::is_ascii_alphabetic).count();
    let upper = l.bytes().filter(u8::is_ascii_uppercase).count();
    l.len() <= 80 && letters >= 4 && upper * 10 >= letters * 9 && !l.ends_with(['.', ',', ';', ':'])
}

/// Where transmission debris starts in a line of text. One leftmost-first search for all the
/// forms (the crate's SIMD searcher): the earliest start of any of them, as five separate
/// finders gave, in one pass instead of five (they took 3% of the parse).
fn trailer_at(l: &str) -> Option<usize> {
    use aho_corasick::{AhoCorasick, MatchKind};
    use std::sync::LazyLock;
    static FORMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(["NNNN", "@@@OASYS", "Classified Website", "Classified Web Site", "CLASSIFIED WEBSITE"])
            .expect("short literal patterns build")
    });
    FORMS.find(l).map(|m| m.start())
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
///
/// Found from the `(` of the marking backwards, one byte search per line, rather than by testing
/// every byte as a possible start (this runs on every line of a paragraph that has a digit, a
/// space and `(` somewhere): a number is a whole run of one or two digits, maybe a comma, then
/// ` (`, so each `(` names the one run that can stand before it, and the first `(` that fits
/// gives the leftmost number.
fn odd_number_at(l: &str) -> Option<usize> {
    let b = l.as_bytes();
    memchr::memchr_iter(b'(', b).find_map(|paren| {
        // `NN (`, `NN, (`: the space before `(`, the comma, the digits.
        let space = paren.checked_sub(1).filter(|&j| b[j] == b' ')?;
        let end = if space > 0 && b[space - 1] == b',' { space - 1 } else { space };
        let digits = b[..end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let i = end - digits;
        let at_start = i == 0 || (i >= 2 && b[i - 1] == b' ' && matches!(b[i - 2], b'.' | b' ' | b'"'));
        let number = (1..=2).contains(&digits) && at_start;
        (number && crate::classification::Marking::parse_prefix(&l[space..]).is_some()).then_some(i)
    })
}

/// A portion marking the parser did not read at the start of a paragraph's text (a code of
/// capitals with a slash, `(XS/NF)`): its length. (`C - ENTIRE TEXT.` is read since
/// `Marking::parse_entire_text` takes a level's letter: no test for it here.)
fn unread_marking(t: &str) -> Option<usize> {
    let t0 = t.trim_start();
    let lead = t.len() - t0.len();
    let inner = t0.strip_prefix('(')?;
    let close = inner.find(')')?;
    let code = &inner[..close];
    let ok = (1..=10).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
        && code.contains('/');
    ok.then_some(lead + close + 2)
}

#[cfg(test)]
mod tests {
    use super::odd_number_at;

    #[test]
    fn odd_numbers_inside_a_line() {
        // 04SANTODOMINGO1823's `2, (U) Drafted by`, joined to the line before it.
        let l = "visitor (IV) grantee. 2, (U) Drafted by Bainbridge Cowell.";
        assert_eq!(odd_number_at(l), Some(22));
        assert_eq!(odd_number_at("15 (SBU) He said"), Some(0));
        // Not after a sentence end, three digits, no marking, no space before `(`.
        assert_eq!(odd_number_at("in 1988 (U) he went"), None);
        assert_eq!(odd_number_at("grantee. 123 (U) Drafted"), None);
        assert_eq!(odd_number_at("grantee. 2 (IV) Drafted"), None);
        assert_eq!(odd_number_at("grantee. 2,(U) Drafted"), None);
        // The leftmost of two.
        assert_eq!(odd_number_at("x. 3 (C) y. 4 (S) z"), Some(3));
    }
}
