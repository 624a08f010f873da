//! Captions and handling instructions (`SIPDIS`, `NOFORN`, `EXDIS`, `SENSITIVE`, `REL TO ...`)
//! and distribution lines (`STATE FOR EUR/WE`, `PASS TO USAID FOR AA/LAC`).

use crate::scan;
use smallvec::SmallVec;

/// Single-word captions and handling caveats, upper case (5 FAH-2 H-440; PlusD handling table).
const CAPTION_WORDS: &[&str] = &[
    "SIPDIS",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "ORCON",
    "SENSITIVE",
    "SBU",
    "NOCONTRACT",
    "PROPIN",
    "WNINTEL",
    "TERREP",
    "ROGER",
    "CHEROKEE",
    "CONDIS",
    "FOUO",
    "EFTO",
    "SPECAT",
    "NF",
    "CODEL",
    "INFORM",
    // The AID addressee caption (5 FAH-2 H-440).
    "AIDAC",
];

/// The length of the longest of [`CAPTION_WORDS`] (`NOCONTRACT`).
const LONGEST_WORD: usize = 10;

/// Multi-word captions, upper case, matched as whole phrases.
const CAPTION_PHRASES: &[&str] = &[
    "FOR OFFICIAL USE ONLY",
    "TERREP EXCLUSIVE",
    "SPECAT EXCLUSIVE",
    "EYES ONLY",
    "DEPT PASS AID",
    "SENSITIVE BUT UNCLASSIFIED",
    // As misspelled in 14 cables of cables-real-dev.csv (03HALIFAX52).
    "SENSITIVE BUT UNCLASSIFED",
    "INFORM CONSULS",
    "OFFICIAL INFORMAL",
    "BACKGROUND USE ONLY",
    "E F T O",
    "CORRECTED COPY",
    "C O R R E C T E D C O P Y",
    // Visa lookout submissions on suspected terrorists (63 cables of cables-real-dev.csv).
    "VISAS VIPER",
];

/// One caption found on a line, as written, and its canonical upper-case form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Caption<'a> {
    pub raw: &'a str,
    pub canonical: &'static str,
}

/// Splits a caption line into its captions (`NOFORN SIPDIS` → two). `None` when any part of the
/// line is not a caption. `REL TO ...` takes the rest of the line.
pub(crate) fn captions(line: &str) -> Option<CaptionIter<'_>> {
    // The captions are kept as they are read (on the stack): the line is read once, not once
    // to test it and again to iterate.
    let mut rest = scan::trim(line);
    if rest.is_empty() {
        return None;
    }
    let mut found = SmallVec::new();
    while !rest.is_empty() {
        let (canonical, len) = next_caption(rest)?;
        found.push(Caption { raw: &rest[..len], canonical });
        rest = after_caption(rest, len);
    }
    Some(CaptionIter { found: found.into_iter() })
}

/// True when the whole line consists of captions.
pub(crate) fn is_caption_line(line: &str) -> bool {
    let mut rest = scan::trim(line);
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match next_caption(rest) {
            Some((_, len)) => rest = after_caption(rest, len),
            None => return false,
        }
    }
    true
}

/// What follows a caption of `len` bytes: spaces and `/` separators (`SBU/NOFORN`) skipped.
fn after_caption(s: &str, len: usize) -> &str {
    s[len..].trim_start_matches(|c: char| c == '/' || scan::is_space(c))
}

/// Iterator over the captions of a caption line.
pub(crate) struct CaptionIter<'a> {
    found: smallvec::IntoIter<[Caption<'a>; 4]>,
}

impl<'a> Iterator for CaptionIter<'a> {
    type Item = Caption<'a>;
    fn next(&mut self) -> Option<Caption<'a>> {
        self.found.next()
    }
}

/// The caption at the start of `s`: its canonical form (`""` for `REL TO ...`, whose canonical
/// form is its own text) and length.
fn next_caption(s: &str) -> Option<(&'static str, usize)> {
    // A caption opens with the first letter of a caption word or phrase, `REL`, or the marks
    // before `CORRECTED COPY`: other lines (most of those asked) end here.
    let first = usize::from(s.as_bytes().first()?.to_ascii_uppercase());
    if !CAPTION_FIRST[first] {
        return None;
    }
    // `C O R R E C T E D  C O P Y (TEXT)`: the reason after it is part of the caption.
    if corrected_copy_len(s).is_some() {
        return Some(("CORRECTED COPY", s.len()));
    }
    // (Only the phrases and words that open with the line's first letter are compared, in the
    // order of their lists: a table of bits by first letter, not a pass over each list.)
    let mut phrases = PHRASES_BY_FIRST[first];
    while phrases != 0 {
        let p = CAPTION_PHRASES[phrases.trailing_zeros() as usize];
        phrases &= phrases - 1;
        if let Some(n) = scan::match_spaced(s, p) {
            if scan::at_word_end(s, n) && (n == p.len() || !p.contains(' ')) {
                return Some((canonical_phrase(p), n));
            }
        }
    }
    if first == usize::from(b'R') && (scan::starts_with_ci(s, "REL TO ") || scan::starts_with_ci(s, "RELEASABLE TO ")) {
        return Some(("", s.len()));
    }
    let mut words = WORDS_BY_FIRST[first];
    if words == 0 {
        return None;
    }
    let word_len = s.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(s.len());
    // (No caption word is longer than ten letters: longer words are not compared.)
    if word_len > LONGEST_WORD {
        return None;
    }
    let word = &s[..word_len];
    let canonical = loop {
        if words == 0 {
            return None;
        }
        let w = CAPTION_WORDS[words.trailing_zeros() as usize];
        words &= words - 1;
        if w.eq_ignore_ascii_case(word) {
            break w;
        }
    };
    // Trailing punctuation of a caption line (`SIPDIS.`) belongs to it.
    let mut len = word_len;
    while s[len..].starts_with(['.', ',', ';']) {
        len += 1;
    }
    Some((if canonical == "NF" { "NOFORN" } else { canonical }, len))
}

/// The bytes a caption may open with (upper case): see [`next_caption`]. The first letters of the
/// caption words and phrases (read off their tables below), and the others.
const CAPTION_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = WORDS_BY_FIRST[b] != 0 || PHRASES_BY_FIRST[b] != 0;
        b += 1;
    }
    // `REL TO`, `RELEASABLE TO`; `CORRECTED COPY` and the marks before it.
    let others = *b"RC-/> ";
    let mut i = 0;
    while i < others.len() {
        t[others[i] as usize] = true;
        i += 1;
    }
    t
};

/// For each upper-case first byte, the [`CAPTION_WORDS`] that open with it, as bits of their
/// places in the list.
const WORDS_BY_FIRST: [u32; 256] = bits_by_first(CAPTION_WORDS);

/// For each upper-case first byte, the [`CAPTION_PHRASES`] that open with it, as bits of their
/// places in the list.
const PHRASES_BY_FIRST: [u32; 256] = bits_by_first(CAPTION_PHRASES);

/// For each first byte, the entries of `list` (at most 32) that open with it, as bits of their
/// places in the list: one table for the words and one for the phrases.
const fn bits_by_first(list: &[&str]) -> [u32; 256] {
    assert!(list.len() <= 32);
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < list.len() {
        t[list[i].as_bytes()[0] as usize] |= 1 << i;
        i += 1;
    }
    t
}

/// Bytes taken by `CORRECTED COPY` at the start of `s`, its letters spaced out or not, in any
/// mix (`C O R R E C T E D COPY`, `C O R R E C T E D C O PY`), after marks such as `- -`, `//`,
/// `>>>>>`; `None` when `s` does not start with it.
fn corrected_copy_len(s: &str) -> Option<usize> {
    const WORD: &[u8] = b"CORRECTEDCOPY";
    let b = s.as_bytes();
    let mut i = b.iter().take_while(|c| matches!(c, b'-' | b'/' | b'>' | b' ')).count();
    for (k, &want) in WORD.iter().enumerate() {
        if k > 0 {
            // Spaces may separate the letters.
            while b.get(i) == Some(&b' ') {
                i += 1;
            }
        }
        if !b.get(i)?.eq_ignore_ascii_case(&want) {
            return None;
        }
        i += 1;
    }
    scan::at_word_end(s, i).then_some(i)
}

fn canonical_phrase(p: &'static str) -> &'static str {
    match p {
        "SENSITIVE BUT UNCLASSIFED" => "SENSITIVE BUT UNCLASSIFIED",
        "E F T O" => "EFTO",
        "C O R R E C T E D C O P Y" => "CORRECTED COPY",
        other => other,
    }
}

/// A distribution or passing line: `DEPT FOR WHA/CEN`, `PASS TO USAID FOR AA/LAC`,
/// `NSC FOR LEVERETT`, `STATE PASS USTR`, `FOR ...` — upper-case text with a `FOR` or `PASS`;
/// a list of offices (`NEA/ARP, NEA/RA`); a `FROM THE AMBASSADOR` line.
pub(crate) fn is_distribution_line(line: &str) -> bool {
    let t = scan::trim(line);
    // (A paragraph number glued to its text, `1.THE VATICAN'S ... FOR LIFE`, is no address.)
    if t.len() < 5 || t.len() > 200 || t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let upper = scan::is_upper_text(t);
    // A list of offices (`NEA/ARP, NEA/RA`, `DS/DSS, DS/IP/NEA, S/CT,`, `EAP/ANP - TRAMSEY`).
    // (The first word cut at the first separator byte, ASCII: no character decoded.)
    if upper && is_office_symbol(&t[..t.bytes().position(|b| matches!(b, b' ' | b',' | b';')).unwrap_or(t.len())]) {
        return true;
    }
    // Who the message is from, above the E.O. line (`FROM THE AMBASSADOR`, `FROM EMBASSY
    // VATICAN/MESSAGE NO. 28/01`, `FROM AIT KAOHSIUNG BRANCH OFFICE`).
    // Only these forms: in upper-case text a wrapped sentence may start a line with `FROM`.
    const FROM: &[&str] = &[
        "FROM THE AMBASSADOR",
        "FROM AMBASSADOR",
        "FROM THE CHARGE",
        "FROM CHARGE",
        "FROM EMBASSY ",
        "FROM AMEMBASSY ",
        "FROM AMCONSUL ",
        "FROM USMISSION ",
        "FROM AIT ",
    ];
    // (Every form opens with `FROM `: other lines skip the list.)
    if upper
        && t.len() <= 80
        && t.starts_with("FROM ")
        && (FROM.iter().any(|f| t.starts_with(f)) || t.ends_with(" EMBASSY OFFICE"))
    {
        return true;
    }
    // (`PLEASE PASS` holds the word `PASS`.)
    if upper {
        return contains_word(t, "FOR") || contains_word(t, "PASS");
    }
    // Other lines need `for` or `pass` as their second word, which holds the word: the search of
    // the whole line for it (through every `f` of the prose) is not needed.
    // Sentence-cased retypes write `Department for EUR/RPM`; an office in capitals may come
    // first (`CDC for Global Health Office (Cox)`, `EMBASSIES FOR PAOS, IOs`).
    let mut words = t.split(' ');
    let first = words.next().unwrap_or("");
    let second_is_for = words.next().is_some_and(|w| w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("pass"));
    if !second_is_for {
        return false;
    }
    let starts_passing = ["PASS ", "FOR ", "DEPT ", "DEPARTMENT ", "ALSO FOR ", "STATE ", "SECSTATE "]
        .iter()
        .any(|p| scan::starts_with_ci(t, p));
    let office_first = first.len() >= 2 && scan::is_upper_alpha(first);
    starts_passing || office_first
}

/// An office symbol: a bureau of up to five letters, then offices after single slashes
/// (`NEA/ARP`, `DS/IP/NEA`, `G/TIP`, `WHA/PDA-LGOULD`) — not a routing indicator
/// (`RUEHLO/AMEMBASSY`) or a classification (`SECRET//NOFORN`).
fn is_office_symbol(w: &str) -> bool {
    let Some((bureau, offices)) = w.split_once('/') else { return false };
    (1..=5).contains(&bureau.len())
        && bureau.bytes().all(|b| b.is_ascii_uppercase())
        && !offices.is_empty()
        && !offices.contains("//")
        && !offices.ends_with('/')
        && offices.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'/' || b == b'-')
        && crate::classification::banner_word(bureau).is_none()
        // A portion marking without its parentheses (`S/NF`, `C/REL`) is no office.
        && !matches!(offices.split('/').next(), Some("NF" | "NOFORN" | "REL" | "FGI" | "OC" | "ORCON" | "SBU"))
}

fn contains_word(hay: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = scan::find_ci(&hay[from..], word) {
        let at = from + i;
        let before_ok = at == 0 || !hay.as_bytes()[at - 1].is_ascii_alphanumeric();
        if before_ok && scan::at_word_end(hay, at + word.len()) {
            return true;
        }
        from = at + word.len();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_caption_word_is_longer_than_the_bound() {
        assert_eq!(CAPTION_WORDS.iter().map(|w| w.len()).max(), Some(LONGEST_WORD));
    }

    fn canon(line: &str) -> Vec<&str> {
        captions(line)
            .map(|it| it.map(|c| if c.canonical.is_empty() { c.raw } else { c.canonical }).collect())
            .unwrap_or_default()
    }

    #[test]
    fn caption_lines() {
        assert_eq!(canon("SIPDIS"), ["SIPDIS"]);
        assert_eq!(canon("Sipdis"), ["SIPDIS"]);
        assert_eq!(canon("NOFORN SIPDIS"), ["NOFORN", "SIPDIS"]);
        assert_eq!(canon("FOR OFFICIAL USE ONLY"), ["FOR OFFICIAL USE ONLY"]);
        assert_eq!(canon("REL TO USA, AUS, GBR"), ["REL TO USA, AUS, GBR"]);
        assert_eq!(canon("C O R R E C T E D C O P Y"), ["CORRECTED COPY"]);
        assert_eq!(canon("SIPDIS."), ["SIPDIS"]);
        // 09STATE28302 and 08STATE103511: corrected copies give their reason on the line.
        assert_eq!(canon("C O R R E C T E D C O P Y - CAPTION ADDED "), ["CORRECTED COPY"]);
        assert_eq!(canon("C O R R E C T E D C O PY (TEXT)"), ["CORRECTED COPY"]);
        assert_eq!(canon("C O R R E C T E D  COPY (ADDING PRISTINA)"), ["CORRECTED COPY"]);
        assert_eq!(canon("//CORRECTED COPY// ADDING \"CLASSIFIED BY\" LINE"), ["CORRECTED COPY"]);
        assert!(canon("CORRECTEDNESS").is_empty());
        assert!(canon("CORRECTED COPYING").is_empty());
        // 95ZAGREB5178 (cables-real-dev.csv): `SBU/NOFORN`.
        assert_eq!(canon("SBU/NOFORN "), ["SBU", "NOFORN"]);
        assert!(canon("SIPDIS/EUR").is_empty());
        // 04MADRID1523, 99MASERU1721 (cables-real-dev.csv).
        assert_eq!(canon("VISAS VIPER "), ["VISAS VIPER"]);
        assert_eq!(canon("AIDAC "), ["AIDAC"]);
        // 03HALIFAX52, 90STATE284025, 03TEGUCIGALPA1499.
        assert_eq!(canon("SENSITIVE BUT UNCLASSIFED"), ["SENSITIVE BUT UNCLASSIFIED"]);
        assert_eq!(canon("INFORM CONSULS"), ["INFORM CONSULS"]);
        assert_eq!(canon("OFFICIAL INFORMAL"), ["OFFICIAL INFORMAL"]);
        assert!(canon("SIPDIS SCENARIOS UNDER WHICH").is_empty());
        assert!(!is_caption_line("FOR THE RECORD"));
    }

    #[test]
    fn distribution_lines() {
        assert!(is_distribution_line("DEPT FOR WHA/CEN"));
        assert!(is_distribution_line("PASS TO USAID FOR AA/LAC"));
        assert!(is_distribution_line("NSC FOR APDNSA JOHN BRENNAN AND JOHN DUNCAN"));
        assert!(is_distribution_line("STATE PASS USTR"));
        assert!(is_distribution_line("Department for EUR/RPM"));
        assert!(!is_distribution_line("He asked for more time."));
        assert!(!is_distribution_line("SUMMARY"));
        // 10KUWAIT88, 03SANAA2908, 04WELLINGTON916: lists of offices.
        assert!(is_distribution_line("NEA/ARP, NEA/RA"));
        assert!(is_distribution_line("DS/DSS, DS/IP/NEA, DS/DSS/ITA, DS/ICI/PII, S/CT, NEA,"));
        assert!(is_distribution_line("EAP/ANP - TRAMSEY"));
        assert!(!is_distribution_line("SECRET//NOFORN"));
        assert!(!is_distribution_line("RUEHLO/AMEMBASSY LONDON PRIORITY 2525"));
        assert!(!is_distribution_line("S/NF SOMETHING"));
        // 01VATICAN1192, 86MOGADISHU4325 (cables-real-dev.csv).
        assert!(is_distribution_line("FROM EMBASSY VATICAN/MESSAGE NO. 28/01"));
        assert!(is_distribution_line("FROM THE AMBASSADOR"));
        assert!(!is_distribution_line("From the Ambassador's point of view, the talks failed."));
        // 02HOCHIMINHCITY1270: a sentence wrapped after a page banner.
        assert!(!is_distribution_line("FROM IT, IN DAK LAK AND GIA LAI PROVINCES"));
        // 03OTTAWA1061, 03TEGUCIGALPA65.
        assert!(is_distribution_line("CDC for Global Health Office (Cox) and Epidemiology"));
        assert!(is_distribution_line("EMBASSIES FOR PAOS, IOs"));
        assert!(!is_distribution_line("UN forces left the town."));
        // 03VATICAN1378, 04MADRID1764: paragraphs whose number the metadata does not know.
        assert!(!is_distribution_line("1.THE VATICAN'S PONTIFICAL ACADEMY FOR LIFE HAS ISSUED A"));
        assert!(!is_distribution_line("1) SUMMARY: POST SENT A FORMAL REQUEST FOR INFORMATION TO THE MINISTRY"));
    }
}
