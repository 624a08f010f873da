//! Classification levels and portion markings (`(C)`, `(S//NF)`, `(C/REL GERMANY)`, ...).

use crate::scan;
use std::fmt;

/// A classification level, from the banner, the security line, a portion marking or an envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level {
    /// `UNCLASSIFIED`, `UNCLAS`, `(U)`.
    Unclassified,
    /// `SENSITIVE BUT UNCLASSIFIED`, `(SBU)`: an administrative control on unclassified text.
    SensitiveButUnclassified,
    /// `LIMITED OFFICIAL USE`, `(LOU)`: the older administrative control that SBU replaced.
    LimitedOfficialUse,
    /// `CONFIDENTIAL`, `C O N F I D E N T I A L`, `(C)`.
    Confidential,
    /// `SECRET`, `S E C R E T`, `(S)`.
    Secret,
    /// `TOP SECRET`, `(TS)` (none in Cablegate).
    TopSecret,
}

crate::names::names!(Level {
    Unclassified => "UNCLASSIFIED",
    SensitiveButUnclassified => "SBU",
    LimitedOfficialUse => "LIMITED OFFICIAL USE",
    Confidential => "CONFIDENTIAL",
    Secret => "SECRET",
    TopSecret => "TOP SECRET",
});

impl Level {
    /// The level in the vocabulary of the WikiLeaks metadata (page table, `cables.csv`), which has
    /// no SBU or LOU: both are published as `UNCLASSIFIED` (with `//FOR OFFICIAL USE ONLY`).
    pub fn published(self) -> Level {
        match self {
            Level::SensitiveButUnclassified | Level::LimitedOfficialUse => Level::Unclassified,
            other => other,
        }
    }

    /// The level named at the start of a WikiLeaks classification string
    /// (`SECRET//NOFORN` → `Secret`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY` → `Unclassified`).
    pub fn from_published(s: &str) -> Option<Level> {
        let head = s.split("//").next().unwrap_or("").trim();
        const NAMES: [(&str, Level); 6] = [
            ("UNCLASSIFIED", Level::Unclassified),
            ("UNCLAS", Level::Unclassified),
            ("LIMITED OFFICIAL USE", Level::LimitedOfficialUse),
            ("CONFIDENTIAL", Level::Confidential),
            ("SECRET", Level::Secret),
            ("TOP SECRET", Level::TopSecret),
        ];
        NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(head)).map(|&(_, l)| l)
    }

    /// The level for a security-line letter group (`CCCCC` → `Confidential`).
    pub(crate) fn from_security_group(group: &str) -> Option<Level> {
        match group.as_bytes().first()? {
            b'U' | b'E' => Some(Level::Unclassified),
            b'C' => Some(Level::Confidential),
            b'S' => Some(Level::Secret),
            b'T' => Some(Level::TopSecret),
            _ => None,
        }
    }

    /// The level for a portion-marking abbreviation (`C`, `S//NF` head, `SBU`, ...).
    fn from_mark(s: &str) -> Option<Level> {
        const MARKS: [(&str, Level); 10] = [
            ("U", Level::Unclassified),
            ("UNCLASSIFIED", Level::Unclassified),
            ("UNCLAS", Level::Unclassified),
            ("SBU", Level::SensitiveButUnclassified),
            ("LOU", Level::LimitedOfficialUse),
            ("C", Level::Confidential),
            ("CONFIDENTIAL", Level::Confidential),
            ("S", Level::Secret),
            ("SECRET", Level::Secret),
            ("TS", Level::TopSecret),
        ];
        MARKS.iter().find(|(m, _)| m.eq_ignore_ascii_case(s)).map(|&(_, l)| l)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a classification word was found at the start of a banner line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BannerWord {
    pub level: Level,
    /// Bytes of the line taken by the word(s).
    pub len: usize,
    /// The word was damaged (letters missing at the front, a doubled first letter).
    pub damaged: bool,
    /// An `EFTO` / `E F T O` suffix followed `UNCLAS`.
    pub efto: bool,
    /// `SENSITIVE BUT UNCLASSIFIED`, `UNCLAS SENSITIVE`: an SBU caption is part of the banner.
    pub sensitive: bool,
}

/// Words a banner may start with, longest first so that `UNCLASSIFIED` wins over `UNCLAS`.
const BANNER_WORDS: &[(&str, Level)] = &[
    ("SENSITIVE BUT UNCLASSIFIED", Level::SensitiveButUnclassified),
    ("LIMITED OFFICIAL USE", Level::LimitedOfficialUse),
    ("UNCLASSIFIED", Level::Unclassified),
    ("CONFIDENTIAL", Level::Confidential),
    ("TOP SECRET", Level::TopSecret),
    ("UNCLAS", Level::Unclassified),
    ("SECRET", Level::Secret),
];

/// [`BANNER_WORDS`] of one word letter-spaced (`S E C R E T`), in the same places; empty for the
/// others.
const SPACED_WORDS: [&str; 7] =
    ["", "", "U N C L A S S I F I E D", "C O N F I D E N T I A L", "", "U N C L A S", "S E C R E T"];

/// Recognises the classification word(s) at the start of `line`: letter-spaced or not, any case,
/// and damaged forms seen in the corpus (`E C R E T`, `O N F I D E N T I A L`,
/// `CC O N F I D E N T I A L`, `UUNCLAS`).
pub(crate) fn banner_word(line: &str) -> Option<BannerWord> {
    read_banner_word(line, true)
}

/// [`banner_word`] without the damaged forms, for a test that takes none of them: looking for
/// them cost most of a miss, and most lines asked are no banner at all.
pub(crate) fn undamaged_banner_word(line: &str) -> Option<BannerWord> {
    read_banner_word(line, false)
}

fn read_banner_word(line: &str, damaged_too: bool) -> Option<BannerWord> {
    let (level, mut len, damaged) = exact_word(line).or_else(|| if damaged_too { damaged_word(line) } else { None })?;
    let mut word = BannerWord { level, len, damaged, efto: false, sensitive: false };
    // `UNCLASSIFIED LIMITED OFFICIAL USE` (partial imports prefix the real banner) and
    // `UNCLAS E F T O`, `UNCLAS SENSITIVE`.
    let rest = &line[len..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    let after = &rest[gap..];
    if gap > 0 && level == Level::Unclassified {
        if let Some(n) = scan::match_spaced(after, "LIMITED OFFICIAL USE").filter(|&n| scan::at_word_end(after, n)) {
            word.level = Level::LimitedOfficialUse;
            len += gap + n;
        } else if let Some(n) = scan::match_spaced(after, "EFTO").filter(|&n| scan::at_word_end(after, n)) {
            word.efto = true;
            len += gap + n;
        } else if let Some(n) = scan::match_spaced(after, "SENSITIVE").filter(|&n| scan::at_word_end(after, n)) {
            word.sensitive = true;
            len += gap + n;
        }
    }
    if level == Level::SensitiveButUnclassified {
        word.sensitive = true;
    }
    word.len = len;
    Some(word)
}

fn exact_word(line: &str) -> Option<(Level, usize, bool)> {
    let b = line.as_bytes();
    // The words that open with the line's first letter, from a table (most lines asked open
    // with none: one look-up, not a pass over the list), and of those only the ones whose
    // second letter, or the space of a letter-spaced form, is the line's second byte: most
    // lines that open with such a letter (`SUBJECT`, `CLASSIFIED BY`, `TAGS`) end there
    // without a call to the spaced match.
    let mut set = WORDS_BY_FIRST[usize::from(b.first()?.to_ascii_uppercase())];
    let second = *b.get(1)?;
    while set != 0 {
        let k = set.trailing_zeros() as usize;
        set &= set - 1;
        let (w, level) = BANNER_WORDS[k];
        if second != b' ' && !second.eq_ignore_ascii_case(&w.as_bytes()[1]) {
            continue;
        }
        // The word as written in the list, or letter-spaced in upper case (`C O N F I D E N T I A
        // L`: most banners and page footers), is one comparison of bytes; the spaced match,
        // letter by letter, gives the same length for them but costs some twenty instructions a
        // letter.
        let spaced = SPACED_WORDS[k];
        let n = if b.starts_with(w.as_bytes()) {
            Some(w.len())
        } else if !spaced.is_empty() && b.starts_with(spaced.as_bytes()) {
            Some(spaced.len())
        } else {
            scan::match_spaced(line, w)
        };
        if let Some(n) = n.filter(|&n| scan::at_word_end(line, n)) {
            return Some((level, n, false));
        }
    }
    None
}

/// For each upper-case first byte, the [`BANNER_WORDS`] that open with it, as bits of their
/// places in the list (low bits first: the list's order, longest first, is kept).
const WORDS_BY_FIRST: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < BANNER_WORDS.len() {
        t[BANNER_WORDS[i].0.as_bytes()[0] as usize] |= 1 << i;
        i += 1;
    }
    t
};

fn damaged_word(line: &str) -> Option<(Level, usize, bool)> {
    // A doubled first letter: `CC O N F I D E N T I A L`, `UUNCLAS`.
    let b = line.as_bytes();
    if b.len() > 2 && b[0].eq_ignore_ascii_case(&b[1]) {
        if let Some((level, n, _)) = exact_word(&line[1..]) {
            return Some((level, n + 1, true));
        }
    }
    // A stray letter before a letter-spaced word (`CSE C R E T`).
    if b.len() > 4 && b[0].is_ascii_alphabetic() && b[1].is_ascii_alphabetic() {
        if let Some((level, n, _)) = exact_word(&line[1..]) {
            if line[1..1 + n].contains(' ')
                && !BANNER_WORDS.iter().any(|(w, _)| w.contains(' ') && line[1..].starts_with(w))
            {
                return Some((level, n + 1, true));
            }
        }
    }
    // Letters lost at the front of a letter-spaced word (`E C R E T`, `O N F I D E N T I A L`):
    // only spaced forms, so that ordinary words (`CRETE`) never qualify.
    for &(w, level) in &[("CONFIDENTIAL", Level::Confidential), ("SECRET", Level::Secret)] {
        for skip in 1..=2 {
            let tail = &w[skip..];
            // (A match opens with the tail's first letter: most lines are passed over here.)
            if !b.first().is_some_and(|c| c.eq_ignore_ascii_case(&tail.as_bytes()[0])) {
                continue;
            }
            if let Some(n) = scan::match_spaced(line, tail) {
                let spaced = n >= tail.len() * 2 - 1;
                if spaced && scan::at_word_end(line, n) {
                    return Some((level, n, true));
                }
            }
        }
    }
    None
}

/// The most bytes between a portion marking's parentheses: longer is prose in parentheses.
const MAX_INNER: usize = 40;

/// A portion marking such as `(C)`, `(S//NF)`, `(C/REL GERMANY)`, `(C - ENTIRE TEXT)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Marking<'a> {
    /// The classification level the marking names.
    pub level: Level,
    /// The marking as written, parentheses included.
    pub raw: &'a str,
    /// The text after the level inside the parentheses (`/NF`, `//REL ISAF`, ` - ENTIRE TEXT`),
    /// from which [`caveats`](Self::caveats) are read.
    caveat_text: &'a str,
}

impl<'a> Marking<'a> {
    /// The caveats of the marking, normalised to upper case with `NF`/`N` expanded to `NOFORN`:
    /// `(S//FGI//NF)` → `FGI`, `NOFORN`; `(C/REL GERMANY)` → `REL GERMANY`;
    /// `(S/NF - ENTIRE TEXT)` → `NOFORN` (the scope of the marking is
    /// [`is_entire_text`](Self::is_entire_text)).
    pub fn caveats(&self) -> impl Iterator<Item = &'a str> + 'a {
        // `ENTIRE TEXT` says what the marking covers, not how to handle it: not a caveat.
        let text = self.caveat_text;
        let text = match find_entire_text(text) {
            Some(at) => &text[..at],
            None => text,
        };
        text.split(['/', ',', ';'])
            .map(|p| p.trim_matches(|c: char| c == ' ' || c == '-'))
            .filter(|p| !p.is_empty())
            .flat_map(split_bare_caveats)
            .map(|p| if p.eq_ignore_ascii_case("NF") || p.eq_ignore_ascii_case("N") { "NOFORN" } else { p })
    }

    /// Parses a marking at the start of `s` (leading spaces allowed); returns it and the number
    /// of bytes it takes, closing parenthesis included.
    #[inline]
    pub fn parse_prefix(s: &'a str) -> Option<(Marking<'a>, usize)> {
        // Inlined into the callers: most lines fail this first test, and the parsers ask it of
        // every line.
        if !matches!(s.as_bytes().first(), Some(b'(' | b' ')) {
            return None;
        }
        Self::parse_prefix_at(s)
    }

    /// The rest of [`Marking::parse_prefix`], for a text that opens with `(` or a space.
    #[inline(never)]
    fn parse_prefix_at(s: &'a str) -> Option<(Marking<'a>, usize)> {
        let b = s.as_bytes();
        let lead = b.iter().take_while(|&&c| c == b' ').count();
        if b.get(lead) != Some(&b'(') {
            return None;
        }
        let open = lead + 1;
        // The level's letters after the spaces inside: read before the search for the `)`, which
        // no space or letter is, so that both runs end at it or before; most text in
        // parentheses that is no marking (`(1)`, `(Cairo)`) is done here.
        let head_at = open + b[open..].iter().take_while(|&&c| c == b' ').count();
        let head_end = head_at + b[head_at..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let level = Level::from_mark(&s[head_at..head_end])?;
        // A marking's inside is at most 40 bytes: the `)` is looked for there only, not through
        // the rest of a paragraph that opens with prose in parentheses and closes them late.
        // (Most markings close right after the level, `(C)`: that byte is the first `)`.)
        let close = if b.get(head_end) == Some(&b')') {
            head_end - open
        } else {
            memchr::memchr(b')', &b[open..][..(b.len() - open).min(MAX_INNER + 1)])?
        };
        if close > MAX_INNER {
            return None;
        }
        let caveat_text = &s[head_end..open + close];
        // What follows the level must be a separator, or the whole thing is prose in parentheses
        // (`(Cairo)`, `(Source)`).
        if !caveat_text.is_empty() && !caveat_text.starts_with([' ', '/', '-', ',', ';']) {
            return None;
        }
        if !caveats_look_valid(caveat_text) {
            return None;
        }
        let end = lead + 1 + close + 1;
        Some((Marking { level, raw: &s[lead..end], caveat_text }, end))
    }
}

impl<'a> Marking<'a> {
    /// A NOFORN marking whose letters were typed out of order at the start of `s` (`(N/SF)`,
    /// `(SN/F)` for `(S/NF)`, 09KABUL1892, 03SANAA1675): the marking it must be, by its letters
    /// (a guess: the body flags it as a doubt), and the bytes it takes.
    pub(crate) fn parse_scrambled_prefix(s: &'a str) -> Option<(Marking<'a>, usize)> {
        let lead = s.len() - s.trim_start_matches(' ').len();
        let inner = s[lead..].strip_prefix('(')?;
        let close = inner.find(')')?;
        let code = &inner[..close];
        if !(3..=6).contains(&code.len())
            || !code.contains('/')
            || !code.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
        {
            return None;
        }
        let mut letters: Vec<u8> = code.bytes().filter(|&b| b != b'/').collect();
        letters.sort_unstable();
        let level = match &letters[..] {
            b"FNS" => Level::Secret,
            b"CFN" => Level::Confidential,
            b"FNST" => Level::TopSecret,
            _ => return None,
        };
        let end = lead + close + 2;
        Some((Marking { level, raw: &s[lead..end], caveat_text: "/NF" }, end))
    }

    /// Whether the marking's letters were read out of order ([`Self::parse_scrambled_prefix`]).
    pub(crate) fn is_scrambled(&self) -> bool {
        self.caveat_text == "/NF" && !self.raw.contains("/NF")
    }

    /// Whether the marking covers the whole text (`(C - ENTIRE TEXT)`, `SECRET - ENTIRE TEXT`,
    /// `(C) ENTIRE TEXT`): the document's marking rather than one paragraph's.
    pub fn is_entire_text(&self) -> bool {
        find_entire_text(self.raw).is_some()
    }

    /// A whole-text marking spelled out without parentheses at the start of `s`
    /// (`CONFIDENTIAL - ENTIRE TEXT`, old telegrams); returns it and the bytes it takes.
    /// The level is spelled out (`SECRET`, `C O N F I D E N T I A L`) or given by its letter
    /// (`C - ENTIRE TEXT.`, 86CAIRO26111), caveats may follow it (`SECRET/NOFORN - ENTIRE
    /// TEXT`), and the dash may be doubled, unspaced or missing (`C-ENTIRE TEXT`, `SECRET
    /// ENTIRE TEXT`, `CONFIDENTIAL -- ENTIRE TEXT`).
    pub(crate) fn parse_entire_text(s: &'a str) -> Option<(Marking<'a>, usize)> {
        let lead = s.len() - s.trim_start_matches(' ').len();
        let t = &s[lead..];
        let entire = |level: Level, word_len: usize| {
            let rest = &t[word_len..];
            // Caveats glued to the level (`/NOFORN`), then the dash(es) and `ENTIRE TEXT`.
            let cav = if rest.starts_with('/') {
                rest.find(|c: char| !(c.is_ascii_uppercase() || c == '/')).unwrap_or(rest.len())
            } else {
                0
            };
            let tail = rest[cav..].trim_start_matches([' ', '-']);
            if tail.len() == rest[cav..].len() {
                return None;
            }
            let n = scan::strip_prefix_ci(tail, "ENTIRE TEXT").map(|r| tail.len() - r.len())?;
            let end = lead + (t.len() - tail.len()) + n;
            let caveat_text = &s[lead + word_len..end];
            Some((Marking { level, raw: &s[lead..end], caveat_text }, end))
        };
        let letter = match t.as_bytes() {
            [b'C' | b'S' | b'U', b' ' | b'-', ..] => Level::from_mark(&t[..1]),
            _ => None,
        };
        letter.and_then(|level| entire(level, 1)).or_else(|| {
            let word = undamaged_banner_word(t).filter(|w| !t[..w.len].contains("  "))?;
            entire(word.level, word.len)
        })
    }

    /// A marking in parentheses followed by `ENTIRE TEXT` outside them (`(C) ENTIRE TEXT.`,
    /// `(C) - ENTIRE TEXT.`) at the start of `s`: one whole-text marking. `read` is the marking
    /// [`Marking::parse_prefix`] read at the start of `s` (read once by the caller); returns the
    /// whole marking and its bytes.
    pub(crate) fn entire_text_after(s: &'a str, (m, n): (Marking<'a>, usize)) -> Option<(Marking<'a>, usize)> {
        let rest = &s[n..];
        let tail = rest.trim_start_matches([' ', '-']);
        if tail.len() == rest.len() {
            return None;
        }
        let left = scan::strip_prefix_ci(tail, "ENTIRE TEXT")?;
        let end = s.len() - left.len();
        let lead = s.len() - s.trim_start_matches(' ').len();
        Some((Marking { raw: &s[lead..end], ..m }, end))
    }
}

/// Where `ENTIRE TEXT` (any case) starts in `s` (a marking: a few dozen bytes).
fn find_entire_text(s: &str) -> Option<usize> {
    s.as_bytes().windows(11).position(|w| w.eq_ignore_ascii_case(b"ENTIRE TEXT"))
}

/// `C NF` has its caveat after a space; split such bare runs into words unless they form a
/// phrase that belongs together (`REL GERMANY`, `ENTIRE TEXT`).
fn split_bare_caveats(p: &str) -> impl Iterator<Item = &str> {
    let keep_whole = p.starts_with("REL") || p.starts_with("rel") || !p.contains(' ') || p.contains("ENTIRE");
    let mut whole = Some(p);
    let mut words = if keep_whole { None } else { Some(p.split(' ').filter(|w| !w.is_empty())) };
    std::iter::from_fn(move || match &mut words {
        Some(it) => it.next(),
        None => whole.take(),
    })
}

/// Caveat text is short upper-case words and separators (`/NF`, `//REL ISAF, GBR`, ` - ENTIRE
/// TEXT`); lower-case text means prose in parentheses (`(C and D are ...)`).
fn caveats_look_valid(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b" /-,;.&".contains(&b))
}

#[cfg(feature = "serde")]
impl serde::Serialize for Marking<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Marking", 3)?;
        self.serialize_fields(&mut st)?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl Marking<'_> {
    /// The keys `level`, `caveats`, `raw`, written into a struct being serialised (a marking of
    /// its own, or the document's marking with its span).
    pub(crate) fn serialize_fields<S: serde::ser::SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("level", &self.level)?;
        // Most markings (`(C)`, `(SBU)`) have no caveat text: no iterator and no Vec for them.
        if self.caveat_text.is_empty() {
            st.serialize_field("caveats", &[] as &[&str])?;
        } else {
            st.serialize_field("caveats", &self.caveats().collect::<Vec<_>>())?;
        }
        st.serialize_field("raw", self.raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marking(s: &str) -> (Level, Vec<&str>) {
        let (m, _) = Marking::parse_prefix(s).unwrap_or_else(|| panic!("no marking in {s:?}"));
        (m.level, m.caveats().collect())
    }

    #[test]
    fn noforn_markings_typed_out_of_order() {
        // 09KABUL1892 (page), 03SANAA1675 (cables-real-dev.csv).
        for s in ["(N/SF) I then raised", " (SN/F) Turning to"] {
            let (m, n) = Marking::parse_scrambled_prefix(s).unwrap();
            assert_eq!((m.level, m.caveats().collect::<Vec<_>>()), (Level::Secret, vec!["NOFORN"]));
            assert!(m.is_scrambled() && s[n..].starts_with(' '));
        }
        assert!(Marking::parse_scrambled_prefix("(NFS/X) text").is_none());
        assert!(Marking::parse_scrambled_prefix("(S/NF) text").is_some_and(|(m, _)| !m.is_scrambled()));
    }

    #[test]
    fn markings_from_the_corpus() {
        assert_eq!(marking("(C)"), (Level::Confidential, vec![]));
        assert_eq!(marking("( C )"), (Level::Confidential, vec![]));
        assert_eq!(marking("(SBU)"), (Level::SensitiveButUnclassified, vec![]));
        assert_eq!(marking("(S/NF)"), (Level::Secret, vec!["NOFORN"]));
        assert_eq!(marking("(S//NF)"), (Level::Secret, vec!["NOFORN"]));
        assert_eq!(marking("(C/REL GERMANY)"), (Level::Confidential, vec!["REL GERMANY"]));
        assert_eq!(marking("(S//FGI//NF)"), (Level::Secret, vec!["FGI", "NOFORN"]));
        assert_eq!(marking("(C NF)"), (Level::Confidential, vec!["NOFORN"]));
        assert_eq!(marking("(C - ENTIRE TEXT)"), (Level::Confidential, vec![]));
        assert_eq!(marking("(S/NF - ENTIRE TEXT)"), (Level::Secret, vec!["NOFORN"]));
        assert_eq!(marking("(U//FOUO)"), (Level::Unclassified, vec!["FOUO"]));
        assert_eq!(marking("(SBU/N)"), (Level::SensitiveButUnclassified, vec!["NOFORN"]));
        assert_eq!(marking("(C//REL ISAF)"), (Level::Confidential, vec!["REL ISAF"]));
        assert_eq!(marking("(TS)"), (Level::TopSecret, vec![]));
    }

    #[test]
    fn spelled_whole_text_markings() {
        let (m, n) = Marking::parse_entire_text("CONFIDENTIAL - ENTIRE TEXT. x").unwrap();
        assert_eq!((m.level, m.raw, n), (Level::Confidential, "CONFIDENTIAL - ENTIRE TEXT", 26));
        assert_eq!(m.caveats().count(), 0);
        assert!(m.is_entire_text());
        assert!(Marking::parse_entire_text("CONFIDENTIAL SOURCES SAY").is_none());
        // Caveats after the level (85MOGADISHU1242), no dash (85STATE38496), no spaces
        // (85BEIRUT1014), a doubled dash.
        let (m, _) = Marking::parse_entire_text("SECRET/NOFORN - ENTIRE TEXT.").unwrap();
        assert_eq!((m.level, m.raw), (Level::Secret, "SECRET/NOFORN - ENTIRE TEXT"));
        assert_eq!(m.caveats().collect::<Vec<_>>(), ["NOFORN"]);
        let (m, _) = Marking::parse_entire_text("SECRET ENTIRE TEXT.").unwrap();
        assert_eq!((m.level, m.raw), (Level::Secret, "SECRET ENTIRE TEXT"));
        let (m, _) = Marking::parse_entire_text("C-ENTIRE TEXT.").unwrap();
        assert_eq!((m.level, m.raw), (Level::Confidential, "C-ENTIRE TEXT"));
        let (m, _) = Marking::parse_entire_text("CONFIDENTIAL -- ENTIRE TEXT").unwrap();
        assert_eq!(m.raw, "CONFIDENTIAL -- ENTIRE TEXT");
        assert!(Marking::parse_entire_text("SECRETARY ENTIRE TEXT").is_none());
        assert!(Marking::parse_entire_text("CONFIDENTIALENTIRE TEXT").is_none());
        // A marking in parentheses, then the scope outside them.
        let prefix_entire_text = |s| Marking::parse_prefix(s).and_then(|read| Marking::entire_text_after(s, read));
        let (m, n) = prefix_entire_text("(C) ENTIRE TEXT. x").unwrap();
        assert_eq!((m.level, m.raw, n), (Level::Confidential, "(C) ENTIRE TEXT", 15));
        assert!(m.is_entire_text());
        let (m, _) = prefix_entire_text("(C) - ENTIRE TEXT.").unwrap();
        assert_eq!(m.raw, "(C) - ENTIRE TEXT");
        assert!(prefix_entire_text("(C) The entire text of").is_none());
        assert!(!Marking::parse_prefix("(C)").unwrap().0.is_entire_text());
        // The level's letter (86CAIRO26111).
        let (m, n) = Marking::parse_entire_text("C - ENTIRE TEXT.").unwrap();
        assert_eq!((m.level, m.raw, n), (Level::Confidential, "C - ENTIRE TEXT", 15));
        assert!(Marking::parse_entire_text("C - SOME TEXT").is_none());
        assert!(Marking::parse_entire_text("A - ENTIRE TEXT").is_none());
        let (m, _) = Marking::parse_entire_text("C O N F I D E N T I A L- ENTIRE TEXT.").unwrap();
        assert_eq!(m.raw, "C O N F I D E N T I A L- ENTIRE TEXT");
    }

    #[test]
    fn prose_in_parentheses_is_not_a_marking() {
        assert!(Marking::parse_prefix("(Cairo)").is_none());
        assert!(Marking::parse_prefix("(Source: press)").is_none());
        assert!(Marking::parse_prefix("(US)").is_none());
        assert!(Marking::parse_prefix("(Note: x)").is_none());
    }

    #[test]
    fn spaced_words_are_the_banner_words_spaced() {
        for (k, (w, _)) in BANNER_WORDS.iter().enumerate() {
            let spaced: Vec<String> = w.chars().map(String::from).collect();
            let want = if w.contains(' ') { String::new() } else { spaced.join(" ") };
            assert_eq!(SPACED_WORDS[k], want);
        }
    }

    #[test]
    fn banner_words() {
        let w = banner_word("C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434").unwrap();
        assert_eq!((w.level, w.len, w.damaged), (Level::Confidential, 23, false));
        assert_eq!(banner_word("UNCLAS MANAGUA 001002").unwrap().len, 6);
        assert_eq!(banner_word("UNCLASSIFIED BUENOS AIRES").unwrap().len, 12);
        let w = banner_word("UUNCLAS MANAGUA 001002").unwrap();
        assert_eq!((w.level, w.damaged), (Level::Unclassified, true));
        let w = banner_word("E C R E T SANAA 000473").unwrap();
        assert_eq!((w.level, w.damaged), (Level::Secret, true));
        let w = banner_word("CC O N F I D E N T I A L ROME 1").unwrap();
        assert_eq!((w.level, w.damaged), (Level::Confidential, true));
        let w = banner_word("UNCLASSIFIED LIMITED OFFICIAL USE SECTION 01 OF 09 ZAGREB 02038").unwrap();
        assert_eq!(w.level, Level::LimitedOfficialUse);
        assert!(banner_word("UNCLAS E F T O SECTION 01 OF 02 X 1").unwrap().efto);
        assert!(banner_word("CRETE is an island").is_none());
        let w = banner_word("CSE C R E T SECTION 01 OF 02 SHENYANG 000004").unwrap();
        assert_eq!((w.level, w.damaged, w.len), (Level::Secret, true, 11));
        assert!(banner_word("ASECRET").is_none());
        assert!(banner_word("SECRETARY RICE").is_none());
        assert_eq!(banner_word("C o n f i d e n t i a l section 01").unwrap().level, Level::Confidential);
    }
}
