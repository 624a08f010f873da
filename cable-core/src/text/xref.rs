//! Cross-references in a paragraph's text, as written: `REF A`, `REFS B and C`, `reftel`,
//! `septel`, `para 13`, `paras 3-5`, `para 2 of REF A`, `REFTEL PARA 4`. The scanner finds them
//! in one pass over the raw text (wrapped lines are just space to it); the model resolves them
//! against the cable's references and paragraphs ([`crate::model::Link`]).

/// What a cross-reference names, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cited<'a> {
    /// A reference by its label (`REF A` → `A`), or the only one (`reftel`: `None`).
    Reference(Option<&'a str>),
    /// A separate telegram (`septel`): no target in this cable.
    Septel,
    /// A paragraph by its number, and whose it is.
    Paragraph { number: u32, of: Whose<'a> },
}

/// Whose paragraph a `para N` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Whose<'a> {
    /// This cable's own (`see para 13`).
    Own,
    /// A reference's, by its label (`para 2 of REF A`: `Some("A")`) or the only one
    /// (`REFTEL para 4`: `None`).
    Reference(Option<&'a str>),
}

/// One cross-reference: what it names and the bytes of `text` it takes (the label or number
/// as written; the word itself for `reftel` and `septel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found<'a> {
    pub(crate) cited: Cited<'a>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// At most this many labels or numbers in one list (`paras 2, 3, 5 and 7`): a longer run of
/// numbers after `para` is a table, not a citation, and stops being read.
const MAX_LIST: usize = 8;

use super::literals::Literals;
use std::sync::OnceLock;

/// The cross-references in `text`, appended to `out` in text order.
pub(crate) fn scan<'a>(text: &'a str, out: &mut Vec<Found<'a>>) {
    scan_from(text, keyword_starts(text.as_bytes()), out);
}

/// [`scan`] from the keywords' starts in `text` ([`keyword_starts`], or those of a search of
/// a larger text that it holds whole), in text order.
pub(crate) fn scan_from<'a>(text: &'a str, starts: impl IntoIterator<Item = usize>, out: &mut Vec<Found<'a>>) {
    let b = text.as_bytes();
    let mut resume = 0;
    for at in starts {
        if at < resume || (at > 0 && b[at - 1].is_ascii_alphanumeric()) || !keyword_follows(&b[at..]) {
            continue;
        }
        let mut t = Tokens { text, at };
        if let Some(Some(k)) = t.word().map(|(_, w)| keyword(w)) {
            resume = read_citation(k, at, &mut t, out).unwrap_or(at + 1);
        }
    }
}

/// The keywords as written (lower, upper and title case): `ref`, `para`, `sept`. (Ten short
/// patterns let the crate use its slim Teddy searcher, twice the bytes a step of the fat one
/// that the 51 patterns of the stems and what may follow them needed; [`keyword_follows`]
/// tests what follows.)
pub(crate) const PATTERNS: [&str; 10] = ["ref", "REF", "Ref", "para", "PARA", "Para", "sept", "SEPT", "Sept", "SepT"];

/// Where [`PATTERNS`] start in `b`, left to right: one SIMD pass over the text finds them all.
pub(crate) fn keyword_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    static STARTS: OnceLock<Literals> = OnceLock::new();
    STARTS.get_or_init(|| Literals::new(PATTERNS)).matches(b).map(|m| m.start)
}

/// Whether a keyword may start `b`, which starts with one of [`keyword_starts`]: `ref` with what
/// may follow it in a keyword or after one (so that `reform`, `refugee` are not candidates),
/// `para`, `septel` as written in lower, upper or title case or `SepTel` (not `september`).
fn keyword_follows(b: &[u8]) -> bool {
    match b[0] {
        b'r' | b'R' => matches!(
            b.get(3),
            Some(
                b' ' | b'.'
                    | b','
                    | b')'
                    | b'('
                    | b':'
                    | b';'
                    | b'\t'
                    | b'\n'
                    | b'\r'
                    | b's'
                    | b'S'
                    | b't'
                    | b'T'
                    | b'e'
                    | b'E'
            )
        ),
        b'p' | b'P' => true,
        _ => b.get(..6).is_some_and(|w| [&b"septel"[..], b"SEPTEL", b"Septel", b"SepTel"].contains(&w)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    /// `REF`, `REFTEL`: one reference, labelled or the only one.
    Ref,
    /// `REFS`, `REFTELS`, `REFERENCE(S)`: labels must follow.
    Refs,
    Septel,
    Para,
}

fn keyword(w: &str) -> Option<Keyword> {
    const WORDS: [(&str, Keyword); 12] = [
        ("REF", Keyword::Ref),
        ("REFTEL", Keyword::Ref),
        ("REFS", Keyword::Refs),
        ("REFTELS", Keyword::Refs),
        ("REFERENCE", Keyword::Refs),
        ("REFERENCES", Keyword::Refs),
        ("SEPTEL", Keyword::Septel),
        ("SEPTELS", Keyword::Septel),
        ("PARA", Keyword::Para),
        ("PARAS", Keyword::Para),
        ("PARAGRAPH", Keyword::Para),
        ("PARAGRAPHS", Keyword::Para),
    ];
    WORDS.iter().find(|(k, _)| k.eq_ignore_ascii_case(w)).map(|&(_, k)| k)
}

/// Reads the citation opened by keyword `k` (read from `t`, starting at `word_start`); returns where scanning
/// goes on, or `None` when the keyword cites nothing.
fn read_citation<'a>(k: Keyword, word_start: usize, t: &mut Tokens<'a>, out: &mut Vec<Found<'a>>) -> Option<usize> {
    let word_end = t.at;
    match k {
        Keyword::Septel => {
            out.push(Found { cited: Cited::Septel, start: word_start, end: word_end });
            Some(word_end)
        }
        Keyword::Ref | Keyword::Refs => {
            t.skip_punct(b'.');
            let labels = read_labels(t);
            let after_labels = t.at;
            if labels.is_empty() && k == Keyword::Refs {
                return None;
            }
            let first = out.len();
            if labels.is_empty() {
                out.push(Found { cited: Cited::Reference(None), start: word_start, end: word_end });
            }
            for &(s, e) in &labels {
                out.push(Found { cited: Cited::Reference(Some(&t.text[s..e])), start: s, end: e });
            }
            // `REFTEL PARA 4`, `REF A, PARA 3`: the reference's paragraphs.
            let of = match &labels[..] {
                [] => Some(Whose::Reference(None)),
                [(s, e)] => Some(Whose::Reference(Some(&t.text[*s..*e]))),
                _ => None,
            };
            let mut p = *t;
            p.skip_punct(b',');
            if let (Some(of), Some((_, w))) = (of, p.word()) {
                if keyword(w) == Some(Keyword::Para) {
                    p.skip_punct(b'.');
                    let numbers = read_numbers(&mut p);
                    for &(n, s, e) in &numbers {
                        out.push(Found { cited: Cited::Paragraph { number: n, of }, start: s, end: e });
                    }
                    if !numbers.is_empty() {
                        return Some(p.at);
                    }
                }
            }
            debug_assert!(out.len() > first);
            Some(after_labels)
        }
        Keyword::Para => {
            if of_another_document(&t.text[..word_start]) {
                return None;
            }
            t.skip_punct(b'.');
            let numbers = read_numbers(t);
            if numbers.is_empty() {
                return None;
            }
            let after = t.at;
            let of = paragraphs_of(t)?;
            for &(n, s, e) in &numbers {
                out.push(Found { cited: Cited::Paragraph { number: n, of }, start: s, end: e });
            }
            // The reference after `of` is read again as a citation of its own.
            Some(after)
        }
    }
}

/// Whose paragraphs a list of numbers names, from what follows it: this cable's, a reference's
/// (`of REF A`, `of reftel`, `REFTEL` right after), or nobody's here (`paragraph 5 of the
/// resolution`: `None`).
fn paragraphs_of<'a>(t: &Tokens<'a>) -> Option<Whose<'a>> {
    let mut p = *t;
    let joined = match p.word() {
        Some((_, w)) if w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("in") => true,
        Some(_) => false,
        None => return Some(Whose::Own),
    };
    let reference = {
        let mut q = if joined { p } else { *t };
        match q.word().map(|(_, w)| keyword(w)) {
            Some(Some(Keyword::Ref | Keyword::Refs)) => {
                q.skip_punct(b'.');
                match &read_labels(&mut q)[..] {
                    [] => Some(Whose::Reference(None)),
                    [(s, e)] => Some(Whose::Reference(Some(&t.text[*s..*e]))),
                    _ => None,
                }
            }
            _ => None,
        }
    };
    match (joined, reference) {
        (_, Some(r)) => Some(r),
        (true, None) => None,
        (false, None) => Some(Whose::Own),
    }
}

/// Words naming a document whose paragraphs a text may cite (`Resolution 1747, paragraph 5`).
const DOCUMENT_WORDS: [&str; 11] = [
    "resolution",
    "unscr",
    "article",
    "section",
    "chapter",
    "annex",
    "law",
    "act",
    "treaty",
    "convention",
    "agreement",
];

/// Whether the text `before` a `paragraph` keyword names another document, right before it:
/// a number or a document word, maybe followed by a comma and `per`/`in`/`under`
/// (`Resolution 1747, paragraph 5`, `UNSCR 1737 per paragraph 3`, `section 7.5, paragraph 3`).
fn of_another_document(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != ',')
        .flat_map(|w| w.split_inclusive(','))
        .map(|w| w.trim_end_matches(','))
        .filter(|w| !w.is_empty());
    let mut w = words.next();
    if w.is_some_and(|w| ["per", "in", "under"].iter().any(|p| p.eq_ignore_ascii_case(w))) {
        w = words.next();
    }
    w.is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) || DOCUMENT_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// Labels after `REF`: `A`, `(A)`, `A and B`, `A-C`, `A, B, AND C`, as byte ranges of the
/// letters. A lower-case `a` before a lower-case word is the article (`reftel a meeting`),
/// unless in parentheses (`ref (a) points`, 05VIENNA39).
fn read_labels(t: &mut Tokens<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    loop {
        let mut p = *t;
        let paren = p.skip_punct(b'(');
        let Some((s, w)) = p.word() else { break };
        if w.len() != 1 || !w.as_bytes()[0].is_ascii_alphabetic() {
            break;
        }
        if paren && !p.skip_punct(b')') {
            break;
        }
        let mut after = p;
        if !paren && w == "a" && matches!(after.word(), Some((_, n)) if n.as_bytes()[0].is_ascii_lowercase()) {
            break;
        }
        out.push((s, s + 1));
        *t = p;
        if out.len() >= MAX_LIST || !t.list_separator() {
            break;
        }
    }
    out
}

/// Paragraph numbers after `para`: `13`, `3-5` (both ends), `2, 3 and 5`, `4(B)`, as numbers
/// with the byte ranges of their digits.
fn read_numbers(t: &mut Tokens<'_>) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    loop {
        let mut p = *t;
        let Some((s, w)) = p.word() else { break };
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        // `4B` (a sub-paragraph) is paragraph 4; more than one letter is a word.
        if digits == 0 || digits > 3 || w.len() - digits > 1 {
            break;
        }
        let Some(n) = w[..digits].parse::<u32>().ok().filter(|&n| n > 0) else { break };
        out.push((n, s, s + digits));
        *t = p;
        // `4(B)`, `4 (b)`.
        let mut q = *t;
        if q.skip_punct(b'(') && matches!(q.word(), Some((_, l)) if l.len() <= 3) && q.skip_punct(b')') {
            *t = q;
        }
        if out.len() >= MAX_LIST || !t.list_separator() {
            break;
        }
    }
    out
}

/// Words and punctuation of the text from a position; spaces and line breaks between them
/// are skipped.
#[derive(Debug, Clone, Copy)]
struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    fn skip_space(&mut self) {
        let b = self.text.as_bytes();
        while self.at < b.len() && matches!(b[self.at], b' ' | b'\t' | b'\n' | b'\r') {
            self.at += 1;
        }
    }

    /// The next run of ASCII letters and digits, with where it starts.
    fn word(&mut self) -> Option<(usize, &'a str)> {
        self.skip_space();
        let b = self.text.as_bytes();
        let start = self.at;
        let mut end = start;
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end == start {
            return None;
        }
        self.at = end;
        Some((start, &self.text[start..end]))
    }

    /// Skips the punctuation byte `c` if it comes next.
    fn skip_punct(&mut self, c: u8) -> bool {
        let mut p = *self;
        p.skip_space();
        if p.text.as_bytes().get(p.at) == Some(&c) {
            *self = Tokens { at: p.at + 1, ..p };
            true
        } else {
            false
        }
    }

    /// Skips what joins two items of a list (`,`, `and`, `&`, `-`, `through`, `to`, `/`, or a
    /// comma and `and`) if it comes next and an item may follow.
    fn list_separator(&mut self) -> bool {
        let mut p = *self;
        let comma = p.skip_punct(b',');
        if p.skip_punct(b'&') || p.skip_punct(b'-') || p.skip_punct(b'/') {
            *self = p;
            return true;
        }
        let mut q = p;
        if let Some((_, w)) = q.word() {
            if ["and", "or", "through", "thru", "to"].iter().any(|s| s.eq_ignore_ascii_case(w)) {
                *self = q;
                return true;
            }
        }
        if comma {
            *self = p;
        }
        comma
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<(Cited<'_>, &str)> {
        let mut out = Vec::new();
        scan(text, &mut out);
        out.into_iter().map(|f| (f.cited, &text[f.start..f.end])).collect()
    }

    use Cited::{Paragraph, Reference, Septel};

    #[test]
    fn references_by_label() {
        // 07MOSCOW5434-like prose; labels in parentheses and lists.
        assert_eq!(cited("As reported in REF A, the GOR"), [(Reference(Some("A")), "A")]);
        assert_eq!(cited("(REF (B))"), [(Reference(Some("B")), "B")]);
        assert_eq!(cited("REFS B and C\nreported"), [(Reference(Some("B")), "B"), (Reference(Some("C")), "C")]);
        assert_eq!(cited("REFTELS A-C"), [(Reference(Some("A")), "A"), (Reference(Some("C")), "C")]);
        assert_eq!(cited("per reftel, the"), [(Reference(None), "reftel")]);
        // A line break inside (`REF` / `A`).
        assert_eq!(cited("in REF\nA."), [(Reference(Some("A")), "A")]);
        // The article after `reftel`, and words that only start like a keyword.
        assert_eq!(cited("reftel a meeting"), [(Reference(None), "reftel")]);
        assert_eq!(cited("reviewed ref (a) points"), [(Reference(Some("a")), "a")]);
        assert!(cited("the referendum, a prefab and paratroopers").is_empty());
        assert!(cited("REFERENCES to the past").is_empty());
        assert_eq!(cited("as noted septel."), [(Septel, "septel")]);
    }

    #[test]
    fn paragraphs_here_and_in_references() {
        assert_eq!(cited("(see para 13)"), [(Paragraph { number: 13, of: Whose::Own }, "13")]);
        assert_eq!(
            cited("paras 3-5 below"),
            [(Paragraph { number: 3, of: Whose::Own }, "3"), (Paragraph { number: 5, of: Whose::Own }, "5")]
        );
        assert_eq!(
            cited("PARAS 2, 4 AND 7."),
            [
                (Paragraph { number: 2, of: Whose::Own }, "2"),
                (Paragraph { number: 4, of: Whose::Own }, "4"),
                (Paragraph { number: 7, of: Whose::Own }, "7")
            ]
        );
        assert_eq!(cited("para 4(B) above"), [(Paragraph { number: 4, of: Whose::Own }, "4")]);
        // A reference's paragraphs, either way round; the reference is cited too.
        assert_eq!(
            cited("PARA 2 OF REF A"),
            [(Paragraph { number: 2, of: Whose::Reference(Some("A")) }, "2"), (Reference(Some("A")), "A")]
        );
        assert_eq!(
            cited("PARA 3 REFTEL"),
            [(Paragraph { number: 3, of: Whose::Reference(None) }, "3"), (Reference(None), "REFTEL")]
        );
        assert_eq!(
            cited("REFTEL PARA 4"),
            [(Reference(None), "REFTEL"), (Paragraph { number: 4, of: Whose::Reference(None) }, "4")]
        );
        assert_eq!(
            cited("REF B, para. 6,"),
            [(Reference(Some("B")), "B"), (Paragraph { number: 6, of: Whose::Reference(Some("B")) }, "6")]
        );
        // Another document's paragraph is no link here (09STATE28302).
        assert!(cited("paragraph 5 of the resolution").is_empty());
        assert!(cited("paragraphs 3 or 4\nof the resolution.").is_empty());
        assert!(cited("Security Council\nResolution 1747, paragraph 5.").is_empty());
        assert!(cited("a violation of UNSCR 1737 per paragraph 3.").is_empty());
        assert!(cited("in section 7.5, paragraph 3.").is_empty());
        assert_eq!(cited("the points in paragraph 5, which"), [(Paragraph { number: 5, of: Whose::Own }, "5")]);
        assert!(cited("PARA").is_empty());
        assert!(cited("paragraph 2005").is_empty());
    }

    #[test]
    fn long_lists_stop() {
        let text = "paras 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11";
        assert_eq!(cited(text).len(), MAX_LIST);
    }
}
