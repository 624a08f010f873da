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

mod suspects;

use super::heading::reads_as_caption;
use crate::lines::Line;
use crate::lines::shape::opens_rule;
use crate::model::Body;
use crate::scan;
use crate::span::Span;
use crate::text;
use crate::warning::{Warning, WarningKind};
pub(super) use suspects::{Found, search};

/// Adds the doubts about `body` to `warnings`; `lines` are the text's lines as the walk split them,
/// `found` the [`search`] of its paragraphs.
pub(crate) fn find<'a>(
    body: &Body<'_>,
    lines: &[Line<'a>],
    source: &'a str,
    found: &Found,
    warnings: &mut Vec<Warning>,
) {
    let paragraphs = &body.paragraphs;
    // Index of the last numbered paragraph: an unnumbered one before it stands among numbered
    // paragraphs (found once, not by looking ahead from each paragraph).
    let last_numbered = paragraphs.iter().rposition(|p| p.number.is_some());
    let mut suspects = found.suspects(source);
    // Where in `lines` the last paragraph's reading stopped (see [`text::first_ending_after`]).
    let mut cursor = 0;
    for (k, p) in paragraphs.iter().enumerate() {
        let before_a_numbered = p.number.is_none() && last_numbered.is_some_and(|l| l > k);
        let cuts = p.cuts();
        // Whole-paragraph tests first: the per-line searches below run only where they can find
        // something (searching every line of every paragraph cost a third of the parse).
        let marks = suspects.of(p.text_span);
        let scan = LineScan { source, maybe_trailer: marks.trailer, maybe_number: marks.number };
        // One pass over the lines, holding back one non-blank line until the next is known (the
        // rule test looks at both neighbours): no buffer, whatever the paragraph's size.
        let mut reader = Reader::new(scan, p.number.is_some());
        reader.read((lines, &mut cursor), p.text_span, &cuts, warnings);
        let Reader { before, last, count, .. } = reader;
        let (before, last) = (Some(before).filter(|b| !b.is_empty()), Some(last).filter(|l| !l.is_empty()));
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

/// The per-line doubts of one paragraph, with what its whole text said can be found.
#[derive(Clone, Copy)]
struct LineScan<'s> {
    source: &'s str,
    /// The text holds a trailer's words somewhere (`NNNN`, a website footer).
    maybe_trailer: bool,
    /// The text holds a digit or comma, a space and `(` somewhere (`2, (U)`).
    maybe_number: bool,
}

/// What the pass keeps of a paragraph's lines as it reads them in turn: the last two non-blank
/// lines (the rule test looks at both neighbours of a line, the caption test at the last two),
/// their count and the state of the split test. No buffer, whatever the paragraph's size.
///
/// A line is handed to [`Reader::push`], always inlined into the loops of [`Reader::read`]: it
/// runs on every line of the body, and as a closure called from two loops it was a call per line
/// that kept this state in memory (about 80 instructions a line, more than the tests it made).
#[derive(Clone, Copy)]
struct Reader<'a> {
    scan: LineScan<'a>,
    /// The non-blank line before `last`, `""` before there is one (a non-blank line is never
    /// empty).
    before: &'a str,
    /// The last non-blank line, held back until the next one is known; `""` before the first.
    last: &'a str,
    /// `last` is a rule (`shape::rule::is_rule`, asked when the line is read where its shape
    /// allows one: a line opening with `-` or `*`, an item, then keeps no run from forming).
    last_is_rule: bool,
    /// Non-blank lines so far.
    count: usize,
    /// A numbered paragraph goes on over blank lines (its quotations and sub-items): a block of
    /// prose after one may be an unnumbered paragraph of its own. Still looking for one.
    looking: bool,
    /// The last blank line came after a sentence's end (of `last`, the line before it).
    blank_after_sentence: bool,
}

impl<'a> Reader<'a> {
    fn new(scan: LineScan<'a>, numbered: bool) -> Self {
        Reader {
            scan,
            before: "",
            last: "",
            last_is_rule: false,
            count: 0,
            looking: numbered,
            blank_after_sentence: false,
        }
    }

    /// Reads the cleaned line `l` (`may_be_rule` false: its shape says it is no rule).
    #[inline(always)]
    fn push(&mut self, l: &'a str, may_be_rule: bool, warnings: &mut Vec<Warning>) {
        if self.looking {
            if l.is_empty() {
                self.blank_after_sentence = self.last.ends_with(['.', '"', '\u{201d}', ')']);
            } else if self.blank_after_sentence && reads_as_prose(l) {
                warnings.push(Warning::new(WarningKind::DoubtParagraphSplit, Span::of(self.scan.source, l, 0)));
                // (The split test's state is read no more: the next lines may form runs.)
                self.looking = false;
                self.blank_after_sentence = false;
            } else {
                self.blank_after_sentence = false;
            }
        }
        if l.is_empty() {
            return;
        }
        self.count += 1;
        // (The held line's tests can fire only where the text's flags or its shape allow.)
        if !self.last.is_empty() && (self.last_is_rule || self.scan.maybe_trailer || self.scan.maybe_number) {
            self.test_held(Some(l), warnings);
        }
        self.before = self.last;
        self.last = l;
        self.last_is_rule = may_be_rule && crate::shape::rule::is_rule(l);
    }

    /// Reads each line of `span` as [`text::pieces`] gives them, cleaned
    /// ([`text::clean_line`]), then the held last line. Read off the walk's line table when
    /// nothing is cut out of the span and it holds no `\r` (nearly every paragraph): each line's
    /// end was found once already, and finding it again (memchr per line) was most of this pass;
    /// a whole line that cleans to itself by its shape is its trimmed text, which the split found
    /// too. (A `\r` is seen on the way, where a line ends: the reading starts again from the
    /// text, which spared a search of every paragraph for one.)
    ///
    /// `lines` comes with the index where the last paragraph's reading stopped, moved on here.
    fn read(&mut self, lines: (&[Line<'a>], &mut usize), span: Span, cuts: &[Span], warnings: &mut Vec<Warning>) {
        let source = self.scan.source;
        let (start, pushed) = (*self, warnings.len());
        if !cuts.is_empty() || !self.read_lines(lines, span, warnings) {
            *self = start;
            warnings.truncate(pushed);
            text::each_piece(source, span, cuts, |piece| self.push(text::clean_line(piece), true, warnings));
        }
        if !self.last.is_empty() {
            self.test_held(None, warnings);
        }
    }

    /// The doubts of the held line `last`, now that the non-blank line after it (`next`, if
    /// any) is known.
    #[inline(always)]
    fn test_held(&self, next: Option<&str>, warnings: &mut Vec<Warning>) {
        let before = Some(self.before).filter(|b| !b.is_empty());
        self.scan.line(before, (self.last, self.last_is_rule), next, warnings);
    }

    /// [`Reader::read`] off the line table (no cuts); false, the lines read in part, where
    /// the span holds a `\r`.
    ///
    /// Runs of plain whole lines (see [`plain_whole`]: nearly every line) are taken at once
    /// where nothing can fire on them (no trailer or odd number in the text, no rule held back,
    /// no blank line after a sentence before them): such a line only counts and becomes the last
    /// one. Handed to [`Reader::push`] one by one they cost about 150 instructions each (the
    /// state lived on the stack), the run's test a tenth of that.
    fn read_lines(
        &mut self,
        (lines, cursor): (&[Line<'a>], &mut usize),
        span: Span,
        warnings: &mut Vec<Warning>,
    ) -> bool {
        let source = self.scan.source;
        let bytes = source.as_bytes();
        let quiet = !self.scan.maybe_trailer && !self.scan.maybe_number;
        // From `at` to the end of each line (before its `\n`), the last one cut at the span's
        // end; no empty piece after a final line break, and none for an empty span (as
        // `text::pieces`).
        let mut at = span.start;
        let first = text::first_ending_after(lines, *cursor, span.start);
        let lines = &lines[first..];
        let mut i = 0;
        while let Some(line) = lines.get(i) {
            if at >= span.end {
                break;
            }
            if quiet && at == line.start && !self.blank_after_sentence && !self.last_is_rule {
                let run = lines[i..].iter().take_while(|l| plain_whole(l, source, span.end)).count();
                if run > 0 {
                    // (As `push` of each: every line non-blank, none a rule, the split test's
                    // state unchanged.)
                    self.count += run;
                    self.before = if run >= 2 { lines[i + run - 2].trimmed() } else { self.last };
                    self.last = lines[i + run - 1].trimmed();
                    at = lines[i + run - 1].next;
                    i += run;
                    continue;
                }
            }
            let ends_in_break = line.next > line.start && bytes[line.next as usize - 1] == b'\n';
            let line_end = if ends_in_break { line.next - 1 } else { line.next };
            let stop = line_end.min(span.end);
            // A whole line (no byte-order mark in it) whose end was trimmed of spaces only, not
            // of tags, and whose shape cleans to itself: `clean_line` of it is its trimmed text,
            // and its shape tells whether it may be a rule.
            if at == line.start
                && stop == line_end
                && line.start > 0
                && line.shape.cleans_to_itself()
                && spaces_after(line, bytes, line_end)
            {
                debug_assert_eq!(line.trimmed(), text::clean_line(&source[at as usize..stop as usize]));
                self.push(line.trimmed(), line.shape.may_be_rule(), warnings);
            } else {
                let piece = &source[at as usize..stop as usize];
                debug_assert!(!piece.contains('\n'), "the line table is the source's");
                // (Every `\r` ends a line of the table, alone or before its `\n`: it is the
                // last byte of its line's piece, which is read here, never as a whole plain
                // line, since `spaces_after` does not take it for a space.)
                if piece.ends_with('\r') {
                    return false;
                }
                // (A rule opens with a rule's byte: any other line is no rule, and holding it
                // back as one would keep the next lines out of a run.)
                let l = text::clean_line(piece);
                self.push(l, scan::first_non_ws(l).is_some_and(opens_rule), warnings);
            }
            at = if stop == line_end && ends_in_break { line.next } else { span.end };
            i += 1;
        }
        // (The last line read may hold the next paragraph's start too.)
        *cursor = first + i.saturating_sub(1);
        true
    }
}

/// Only whitespace (ASCII or no-break space) between the end of `line`'s text and `line_end`:
/// its end was trimmed of spaces, not of tags.
#[inline(always)]
fn spaces_after(line: &Line<'_>, bytes: &[u8], line_end: u32) -> bool {
    let text_end = line.start as usize + line.text.len();
    match &bytes[text_end..line_end as usize] {
        // (Nothing, or the one space that ends every line of `cables.csv`: no loop.)
        [] | [b' '] => true,
        // (Not a `\r`: a line ending in one is read in pieces, where it is seen.)
        rest => rest.iter().all(|&b| (scan::is_ascii_ws(b) && b != b'\r') || b == 0xC2 || b == 0xA0),
    }
}

/// A whole line of a span ending at `end` (its text ending at `end` at the latest, not the text's
/// first line) that [`Reader::read_lines`] hands on as its trimmed text: non-blank, no rule by
/// its shape, trimmed of spaces only, and cleaning to itself: by its shape, or opening with an
/// `S` that starts no `SIPDIS` stamp (the shape's bit leaves out every line opening with `S`,
/// one line of text in twenty) and ending in an ASCII byte other than a tag's `>`.
///
/// What the split trimmed off the end is told by the line's lengths first: the `\n` alone, or a
/// space and the `\n` (every line of `cables.csv`), one byte compared, where cutting out that
/// end to read it cost about twenty instructions a line of the body.
#[inline(always)]
fn plain_whole(line: &Line<'_>, source: &str, end: u32) -> bool {
    let bytes = source.as_bytes();
    let line_end = line.next.wrapping_sub(1);
    let cleans = (line.shape.cleans_to_itself() && !line.shape.may_be_blank() && !line.shape.may_be_rule())
        || matches!(line.trimmed().as_bytes(), [b'S', s, .., z] if *s | 0x20 != b'i' && (b'!'..0x80).contains(z) && *z != b'>');
    let trimmed_off = line.next.wrapping_sub(line.start).wrapping_sub(line.text.len() as u32);
    let ends_in_break = || match trimmed_off {
        // (A `\r` or the text's last byte otherwise, neither a break.)
        1 => bytes.get(line_end as usize) == Some(&b'\n'),
        2 if bytes.get(line_end as usize - 1..=line_end as usize) == Some(b" \n") => true,
        // (A tab, a no-break space, a `\r`, a tag: looked at.)
        _ => line.next > line.start && bytes[line_end as usize] == b'\n' && spaces_after(line, bytes, line_end),
    };
    // (The span may end before the line's end, in what the split trimmed off: the text ends
    // in the span, and the rest is spaces.)
    let plain = cleans && line.start > 0 && line.start + line.text.len() as u32 <= end && ends_in_break();
    debug_assert!(!plain || line.trimmed() == text::clean_line(&source[line.start as usize..line_end as usize]));
    plain
}

impl LineScan<'_> {
    /// The doubts of line `l`, between the non-blank lines `before` and `next` (`is_rule`: it
    /// is a rule). (Always inlined: it runs on every line of the
    /// body, its tests are mostly skipped by flags, and the call cost more than they did.)
    #[inline(always)]
    fn line(&self, before: Option<&str>, (l, is_rule): (&str, bool), next: Option<&str>, warnings: &mut Vec<Warning>) {
        let source = self.source;
        if let Some(at) = self.maybe_trailer.then(|| trailer_at(l)).flatten() {
            warnings.push(Warning::new(WarningKind::DoubtTrailerInText, Span::of(source, &l[at..], 0)));
        }
        if let Some(n) = self.maybe_number.then(|| odd_number_at(l)).flatten() {
            warnings.push(Warning::new(WarningKind::DoubtNumberInText, Span::of(source, &l[n..], 0)));
        }
        // (The cheap test first: this runs on every line of every paragraph.)
        if before.is_some()
            && is_rule
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

/// The forms of transmission debris.
const FORMS: [&str; 5] = ["NNNN", "@@@OASYS", "Classified Website", "Classified Web Site", "CLASSIFIED WEBSITE"];

/// The forms of transmission debris, searched for at once: one leftmost-first search for all
/// of them (the crate's SIMD searcher) gives the earliest start of any, as five separate finders
/// did, in one pass instead of five (they took 3% of the parse).
static TRAILER_FORMS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(FORMS)
        .expect("short literal patterns build")
});

/// Where transmission debris starts in a line of text.
fn trailer_at(l: &str) -> Option<usize> {
    TRAILER_FORMS.find(l).map(|m| m.start())
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
    use super::suspects::FORM_PIECES;
    use super::{FORMS, odd_number_at};

    #[test]
    fn each_trailer_form_holds_a_piece() {
        // (The body's search for the pieces flags every paragraph that holds a form.)
        for form in FORMS {
            assert!(FORM_PIECES.iter().any(|p| form.contains(p)), "{form}");
        }
    }

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
