//! TAGS knowledge: the kind of a tag, and the canonical tags a written tag stands for.
//!
//! The lists are the project's data files `cable-core/data/tags.tsv` (tag → kind, each group
//! with its source) and `cable-core/data/tag_fixes.tsv` (misspellings and glued tags → the
//! tags meant), compiled in. [`tag_kind`] applies, in order:
//!
//! 1. the tables (`PREL` subject, `RS` geo, `NATO` org, `KPAO` program, `ASSK` person);
//! 2. the fixes (`PG0V` → `PGOV`: the kind of the fixed tag);
//! 3. a person in parentheses or a `SURNAME, GIVEN` name (`OVIP (CLINTON, HILLARY)`,
//!    `SP (ESPARZA LURI, FELIX IGNACIO ET AL)`, `(BELHADJ, YOUSEFF)`): person;
//! 4. tags glued together or joined by `;` or `.` (`ECONEFIN`, `VTPREL`, `TW.PREL`,
//!    `PREL;PGOV`): the kind of the first part;
//! 5. two letters starting with `X` or `Z`: the TAGS region codes (`XA` with African
//!    countries, `XF` with Middle Eastern ones, `ZL` with `EUN`): geo;
//! 6. other codes of four letters: program when they start with `K` (K-codes), else subject
//!    (TAGS subject codes are four letters: `PREL`, `EFIN`): cablemap's rule for codes no list
//!    has, which the dev corpus has many of (post-local codes such as `BFIF`, `MAPP`);
//! 7. a post or country of the station table written out (`ISTANBUL`, `USEU BRUSSELS`,
//!    `Russia`): geo;
//! 8. free text — words of letters, one of three letters or more, nothing that is a page
//!    banner: organisation when a word names one (`LIBERAL PARTY`, `BANK OF CANADA`,
//!    `ANTI CORRUPTION BUREAU`), else subject (`HUMAN RIGHTS`, `COUNTRY VISITS`,
//!    `AGRICULTURE`): posts that wrote their TAGS in words described the subject;
//! 9. anything else: unknown (unlisted two- and four-letter codes, name fragments, numbers).

use super::hashed::Hashed;
use super::stations;
use std::borrow::Cow;
use std::sync::OnceLock;

const KINDS: &str = include_str!("../../data/tags.tsv");
const FIXES: &str = include_str!("../../data/tag_fixes.tsv");

/// What a tag names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TagKind {
    /// A subject code (`PREL`, `PGOV`, `ECON`) or a subject in words (`HUMAN RIGHTS`).
    Subject,
    /// A country (`RS`), region (`XF`) or place (`ISTANBUL`).
    Geo,
    /// An organisation (`NATO`, `UNSC`, `EUN`, `LIBERAL PARTY`).
    Org,
    /// A program code (`KIPR`, `KPAO`, `KDEM`).
    Program,
    /// A person (`OVIP (CLINTON, HILLARY)`, `ASSK`).
    Person,
    /// None of the above.
    Unknown,
}

crate::names::names!(TagKind {
    Subject => "subject",
    Geo => "geo",
    Org => "org",
    Program => "program",
    Person => "person",
    Unknown => "unknown",
});

impl TagKind {
    fn parse(s: &str) -> Option<TagKind> {
        Some(match s {
            "subject" => TagKind::Subject,
            "geo" => TagKind::Geo,
            "org" => TagKind::Org,
            "program" => TagKind::Program,
            "person" => TagKind::Person,
            _ => return None,
        })
    }
}

impl std::fmt::Display for TagKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Sorted vectors searched by binary search (see the station table's `Index` for why not hash
/// maps), but for the short kinds, in a [`Hashed`] table.
struct Tables {
    kinds: Vec<(&'static str, TagKind)>,
    /// Where the kinds whose tag starts with each byte begin (`kind_starts[b]..kind_starts[b +
    /// 1]`): the binary search runs over a few dozen entries, not all of them (every tag of
    /// every cable is looked up).
    kind_starts: Vec<u32>,
    /// The kinds of the tags of at most eight bytes (nearly all), keyed by the tag's bytes
    /// packed into an integer ([`pack`]), hashed: a lookup is one multiplication and an
    /// integer compare or two, not a search.
    short_kinds: Hashed<TagKind>,
    fixes: Vec<(&'static str, Vec<&'static str>)>,
    /// The fixes of the tags of at most eight bytes, packed as in `short_kinds`: (key, index
    /// into `fixes`).
    short_fixes: Vec<(u64, usize)>,
    countries: Vec<String>,
    /// The codes of five letters or more by length, each with its letter set
    /// ([`crate::scan::letter_mask`]): what [`repaired`] compares an unknown tag with.
    repair_codes: Vec<Vec<(&'static str, u32)>>,
}

/// The value of `key` in a vector sorted by key.
fn lookup<'t, V>(v: &'t [(&'static str, V)], key: &str) -> Option<&'t V> {
    v.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| &v[i].1)
}

impl Tables {
    fn kind(&self, tag: &str) -> Option<TagKind> {
        if let Some(key) = pack(tag) {
            return self.short_kinds.get(u128::from(key)).copied();
        }
        let Some(&b) = tag.as_bytes().first() else { return lookup(&self.kinds, tag).copied() };
        let (from, to) = (self.kind_starts[b as usize] as usize, self.kind_starts[b as usize + 1] as usize);
        lookup(&self.kinds[from..to], tag).copied()
    }

    fn fix(&self, tag: &str) -> Option<&Vec<&'static str>> {
        if let Some(key) = pack(tag) {
            let i = self.short_fixes.binary_search_by_key(&key, |&(k, _)| k).ok()?;
            return Some(&self.fixes[self.short_fixes[i].1].1);
        }
        lookup(&self.fixes, tag)
    }

    fn is_country(&self, name: &str) -> bool {
        self.countries.binary_search_by(|c| c.as_str().cmp(name)).is_ok()
    }
}

/// A tag of one to eight bytes as an integer, its bytes big-endian and zero-padded: two tags
/// compare as their integers do. `None` for longer or empty tags, and for a zero byte (which
/// the padding could not be told from).
fn pack(tag: &str) -> Option<u64> {
    if tag.len() > 8 {
        return None;
    }
    // The high half of the 16-byte key is this 8-byte one: the same bytes, big-endian and
    // zero-padded.
    crate::scan::pack16(tag.as_bytes(), |b| b).map(|key| (key >> 64) as u64)
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let rows = |text: &'static str| {
            text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| l.split_once('\t'))
        };
        // The first line for a tag wins (stable sort, then dedup keeps the first).
        let mut kinds: Vec<(&'static str, TagKind)> =
            rows(KINDS).filter_map(|(tag, kind)| TagKind::parse(kind.trim()).map(|k| (tag.trim(), k))).collect();
        kinds.sort_by(|a, b| a.0.cmp(b.0));
        kinds.dedup_by(|later, first| later.0 == first.0);
        kinds.shrink_to_fit();
        let mut fixes: Vec<(&'static str, Vec<&'static str>)> = rows(FIXES)
            .map(|(tag, meant)| {
                let mut m: Vec<&'static str> = meant.split_whitespace().collect();
                m.shrink_to_fit();
                (tag.trim(), m)
            })
            .collect();
        fixes.sort_by(|a, b| a.0.cmp(b.0));
        fixes.dedup_by(|later, first| later.0 == first.0);
        fixes.shrink_to_fit();
        let mut countries: Vec<String> =
            stations::stations().iter().map(|s| s.country().to_ascii_uppercase()).collect();
        countries.sort();
        countries.dedup();
        countries.shrink_to_fit();
        // (Sorted by bytes: the tags with one first byte are together, after the empty one.)
        let kind_starts = (0..=256)
            .map(|b| kinds.partition_point(|(k, _)| k.as_bytes().first().is_none_or(|&f| usize::from(f) < b)) as u32)
            .collect();
        let short_kinds = Hashed::new(kinds.iter().filter_map(|&(tag, kind)| Some((u128::from(pack(tag)?), kind))));
        let mut short_fixes: Vec<(u64, usize)> =
            fixes.iter().enumerate().filter_map(|(i, &(tag, _))| Some((pack(tag)?, i))).collect();
        short_fixes.sort_by_key(|&(k, _)| k);
        short_fixes.shrink_to_fit();
        let mut repair_codes: Vec<Vec<(&'static str, u32)>> = Vec::new();
        for &(k, _) in kinds.iter().filter(|(k, _)| k.len() >= 5) {
            if repair_codes.len() <= k.len() {
                repair_codes.resize(k.len() + 1, Vec::new());
            }
            repair_codes[k.len()].push((k, crate::scan::letter_mask(k.as_bytes())));
        }
        Tables { kinds, kind_starts, short_kinds, fixes, short_fixes, countries, repair_codes }
    })
}

/// True when `tag` (upper case) is a code of the tag tables, or a known misspelling of one.
pub(crate) fn is_known_tag(tag: &str) -> bool {
    let tabs = tables();
    tabs.kind(tag).is_some() || tabs.fix(tag).is_some()
}

/// The kind of a tag, as written or canonical (see the [module documentation](self) for the
/// rules). Case does not matter.
///
/// ```
/// use cable_core::ids::{TagKind, tag_kind};
/// assert_eq!(tag_kind("PREL"), TagKind::Subject);
/// assert_eq!(tag_kind("RS"), TagKind::Geo);
/// assert_eq!(tag_kind("NATO"), TagKind::Org);
/// assert_eq!(tag_kind("KPAO"), TagKind::Program);
/// assert_eq!(tag_kind("OVIP (CLINTON, HILLARY)"), TagKind::Person);
/// assert_eq!(tag_kind("ECONEFIN"), TagKind::Subject);
/// assert_eq!(tag_kind("FAB5"), TagKind::Unknown);
/// ```
pub fn tag_kind(tag: &str) -> TagKind {
    let t = tag.trim();
    let upper: Cow<'_, str> =
        if t.bytes().any(|b| b.is_ascii_lowercase()) { Cow::Owned(t.to_ascii_uppercase()) } else { Cow::Borrowed(t) };
    let t = upper.as_ref();
    let tabs = tables();
    if let Some(k) = tabs.kind(t) {
        return k;
    }
    if let Some(parts) = tabs.fix(t) {
        return parts.first().map_or(TagKind::Unknown, |p| tag_kind(p));
    }
    if t.contains(['(', ')']) || is_name(t) {
        return TagKind::Person;
    }
    if let Some(first) = split_parts(t).and_then(|p| p.into_iter().next()) {
        return tag_kind(first);
    }
    if is_region(t) {
        return TagKind::Geo;
    }
    let b = t.as_bytes();
    if b.len() == 4 && b.iter().all(u8::is_ascii_uppercase) {
        return if b[0] == b'K' { TagKind::Program } else { TagKind::Subject };
    }
    if t.len() > 2
        && (stations::by_station(&stations::token_key(t)).is_some()
            || stations::by_plad(t).is_some()
            || tabs.is_country(t))
    {
        return TagKind::Geo;
    }
    free_text_kind(t)
}

/// `SURNAME, GIVEN` (VISAS VIPER tags): two name parts around one comma.
fn is_name(t: &str) -> bool {
    let Some((a, b)) = t.split_once(',') else { return false };
    let word = |s: &str| {
        let s = s.trim();
        s.len() >= 2 && s.bytes().all(|c| c.is_ascii_uppercase() || matches!(c, b' ' | b'-' | b'.' | b'\''))
    };
    !b.contains(',') && word(a) && word(b)
}

/// Words that make free text an organisation.
const ORG_WORDS: &[&str] = &[
    "PARTY",
    "PARTIES",
    "FRONT",
    "UNION",
    "COMMISSION",
    "COUNCIL",
    "BANK",
    "ORGANIZATION",
    "ORGANIZATIONS",
    "ASSEMBLY",
    "CONGRESS",
    "BUREAU",
    "AGENCY",
    "MINISTRY",
    "QUEBECOIS",
    "POLICE",
    "PARLIAMENT",
    "CABINET",
];

/// Words of a page banner that leaked into a TAGS line: such text is no tag.
const BANNER_WORDS: &[&str] = &["PAGE", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "SECTION"];

fn free_text_kind(t: &str) -> TagKind {
    let words: Vec<&str> = t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let lettered = |w: &&str| w.bytes().all(|b| b.is_ascii_uppercase());
    let long_word = words.iter().any(|w| w.len() >= 3 && lettered(w));
    // A single word of letters must be a word, not a code (codes are two to four letters).
    let single_ok = words.len() > 1 || words.first().is_some_and(|w| w.len() >= 5);
    let years_only = words.iter().all(|w| lettered(w) || (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())));
    // A tag saying `UNKNOWN` names no subject.
    if words.is_empty()
        || !long_word
        || !single_ok
        || !years_only
        || words == ["UNKNOWN"]
        || words.iter().any(|w| BANNER_WORDS.contains(w))
    {
        return TagKind::Unknown;
    }
    if words.iter().any(|w| ORG_WORDS.contains(w)) { TagKind::Org } else { TagKind::Subject }
}

/// A code of the tables: listed with a kind (free text excluded).
fn is_code(s: &str) -> bool {
    (2..=6).contains(&s.len()) && !s.contains(' ') && (tables().kind(s).is_some() || is_region(s))
}

/// Two letters starting with `X` or `Z`: a TAGS region code.
fn is_region(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 2 && matches!(b[0], b'X' | b'Z') && b[1].is_ascii_uppercase()
}

/// The parts of a tag written as several: joined by `;` or `.` (`TW.PREL`, `PREL;PGOV;HU`), or
/// glued (`ECONEFIN`, `VTPREL`, `NATOPREL`). Glued tags are split only into codes of the tables
/// with at least one part of four letters or more, so that words made of two-letter country
/// codes stay whole (`MANITOBA` is not `MA NI TO BA`). `None` when the tag is not such.
fn split_parts(t: &str) -> Option<Vec<&str>> {
    if t.contains([';', '.']) {
        let parts: Vec<&str> = t.split([';', '.']).map(str::trim).filter(|p| !p.is_empty()).collect();
        let ok = parts.len() > 1 && parts.iter().all(|p| is_code(p) || tables().fix(p).is_some());
        return ok.then_some(parts);
    }
    if t.len() < 5 || t.len() > 24 || !t.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // Fewest parts first: best[i] = the shortest split of t[..i] (linear: parts are ≤ 6 bytes).
    let n = t.len();
    let mut best: Vec<Option<(usize, usize, bool)>> = vec![None; n + 1]; // (parts, previous cut, has a long part)
    best[0] = Some((0, 0, false));
    for i in 1..=n {
        for len in 2..=6.min(i) {
            let j = i - len;
            if let Some((parts, _, long)) = best[j] {
                if is_code(&t[j..i]) {
                    let cand = (parts + 1, j, long || len >= 4);
                    if best[i].is_none_or(|b| (cand.0, !cand.2) < (b.0, !b.2)) {
                        best[i] = Some(cand);
                    }
                }
            }
        }
    }
    let (parts, _, long) = best[n]?;
    if parts < 2 || !long {
        return None;
    }
    let mut cuts = vec![n];
    let mut i = n;
    while i > 0 {
        let (_, j, _) = best[i]?;
        cuts.push(j);
        i = j;
    }
    cuts.reverse();
    Some(cuts.windows(2).map(|w| &t[w[0]..w[1]]).collect())
}

/// The canonical tags a written tag stands for, upper case: itself when it is a code or free
/// text; none for `N/A` and `NONE`; the codes around a page banner that ran into the TAGS line;
/// the tags meant when it is misspelled (`PG0V` → `PGOV`, from `tag_fixes.tsv`); its
/// parts when tags were glued or joined (`ECONEFIN` → `ECON`, `EFIN`; `TW.PREL` → `TW`,
/// `PREL`). Borrowed from the input or the tables when no cleaning was needed.
///
/// ```
/// use cable_core::ids::canonical_tags;
/// assert_eq!(canonical_tags("ECONEFIN"), ["ECON", "EFIN"]);
/// assert_eq!(canonical_tags("PG0V"), ["PGOV"]);
/// assert_eq!(canonical_tags("PREL;PGOV;KCOR;HU;HR"), ["PREL", "PGOV", "KCOR", "HU", "HR"]);
/// assert_eq!(canonical_tags("prel"), ["PREL"]);
/// assert_eq!(canonical_tags("MANITOBA"), ["MANITOBA"]);
/// ```
pub fn canonical_tags(tag: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::with_capacity(1);
    canonical_into(tag, &mut |t| out.push(t));
    out
}

/// True when [`canonical_into`] gives `tag` back, alone: the tag as written is canonical (what
/// the finishing asks of every tag of every cable). A code of the tables written trimmed in
/// upper case, nearly every tag, is answered by the table look-up alone: no trim by
/// characters, no call through `emit` for each tag.
pub(crate) fn is_canonical(tag: &str) -> bool {
    let b = tag.as_bytes();
    // (Graphic ASCII at both ends: `str::trim` would change nothing.)
    let plain = b.first().is_some_and(u8::is_ascii_graphic)
        && b.last().is_some_and(u8::is_ascii_graphic)
        && !b.iter().any(u8::is_ascii_lowercase);
    if plain && (tables().kind(tag).is_some() || is_region(tag)) {
        return true;
    }
    let (mut n, mut same) = (0, true);
    canonical_into(tag, &mut |c| {
        n += 1;
        same &= c == tag;
    });
    n == 1 && same
}

/// [`canonical_tags`] without the vector: each canonical tag goes to `emit`.
pub(crate) fn canonical_into<'a>(tag: &'a str, emit: &mut dyn FnMut(Cow<'a, str>)) {
    let t = tag.trim();
    if t.bytes().any(|b| b.is_ascii_lowercase()) {
        let upper = t.to_ascii_uppercase();
        let mut parts: Vec<Cow<'static, str>> = Vec::new();
        canonical_into(&upper, &mut |p| parts.push(Cow::Owned(p.into_owned())));
        parts.into_iter().for_each(&mut *emit);
        return;
    }
    let tabs = tables();
    if tabs.kind(t).is_some() || is_region(t) {
        return emit(Cow::Borrowed(t));
    }
    // `N/A`, `NONE`: the cable has no tags.
    if matches!(t, "N/A" | "NONE" | "NA") {
        return;
    }
    // A page banner that ran into the TAGS line (`PE SECRET PAGE 02 LIMA 02475 01 OF 03
    // 251228Z PINR`): the codes around it are the tags.
    if t.contains(" PAGE ") {
        for w in t.split_whitespace().filter(|w| is_code(w) && *w != "OF") {
            emit(Cow::Borrowed(w));
        }
        return;
    }
    if let Some(meant) = tabs.fix(t) {
        return meant.iter().for_each(|m| emit(Cow::Borrowed(m)));
    }
    if !t.contains(['(', ')', ' ']) {
        if let Some(parts) = split_parts(t) {
            for p in parts {
                match tabs.fix(p) {
                    Some(meant) => meant.iter().for_each(|m| emit(Cow::Borrowed(m))),
                    None => emit(Cow::Borrowed(p)),
                }
            }
            return;
        }
    }
    if let Some(meant) = repaired(t) {
        return emit(Cow::Borrowed(meant));
    }
    emit(Cow::Borrowed(t))
}

/// An unknown tag of five to eight letters that is one typing slip (a letter added or changed,
/// or two swapped) from exactly one code of the tables of five letters or more: `UNDESCO` →
/// `UNESCO`. Shorter codes are too dense for a slip to point at one; a missing letter is not
/// repaired, because words cut short are free text (`HUMAN` of `HUMAN RIGHTS` is not `HUMANR`).
fn repaired(t: &str) -> Option<&'static str> {
    if !(5..=8).contains(&t.len()) || !t.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // Only the codes one letter shorter or as long (a missing letter is not repaired), whose
    // letters are the tag's but one either way: the codes of five letters or more are grouped
    // by length with their letter sets once, not walked whole for each unknown tag.
    let by_len = &tables().repair_codes;
    let mask = crate::scan::letter_mask(t.as_bytes());
    let mut hits = (t.len() - 1..=t.len())
        .flat_map(|n| by_len.get(n).into_iter().flatten())
        .filter(|&&(k, k_mask)| {
            (mask & !k_mask).count_ones() <= 1
                && (k_mask & !mask).count_ones() <= 1
                && crate::scan::edit_distance_at_most(t, k, 1)
        })
        .map(|&(k, _)| k);
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_byte_index_finds_every_kind_and_nothing_else() {
        let t = tables();
        for (tag, kind) in &t.kinds {
            assert_eq!(t.kind(tag), Some(*kind), "{tag}");
        }
        for other in ["", "ZZZZZZ", "A", "PREL2", "\u{e9}TAT", "~"] {
            assert_eq!(t.kind(other), lookup(&t.kinds, other).copied(), "{other:?}");
        }
    }

    #[test]
    fn tables_parse() {
        let t = tables();
        assert!(t.kinds.len() > 500);
        for (raw, meant) in &t.fixes {
            assert!(!meant.is_empty(), "{raw}");
            for m in meant {
                assert!(t.kind(m).is_some(), "fix {raw} -> {m}: {m} is not in tags.tsv");
            }
        }
    }

    #[test]
    fn kinds_by_rule() {
        assert_eq!(tag_kind("SP (ESPARZA LURI, FELIX IGNACIO ET AL)"), TagKind::Person);
        assert_eq!(tag_kind("(BELHADJ, YOUSEFF)"), TagKind::Person);
        assert_eq!(tag_kind("XF"), TagKind::Geo);
        assert_eq!(tag_kind("KZZZ"), TagKind::Program);
        assert_eq!(tag_kind("ISTANBUL"), TagKind::Geo);
        assert_eq!(tag_kind("HUMAN RIGHTS"), TagKind::Subject);
        assert_eq!(tag_kind("LIBERAL PARTY"), TagKind::Org);
        assert_eq!(tag_kind("PE SECRET PAGE 02 LIMA 02475 01 OF 03 251228Z PINR"), TagKind::Unknown);
        assert_eq!(tag_kind("HT13"), TagKind::Subject);
        assert_eq!(tag_kind("BFIF"), TagKind::Subject);
        assert_eq!(tag_kind("UX"), TagKind::Unknown);
        assert_eq!(tag_kind("VTPREL"), TagKind::Geo);
        assert_eq!(tag_kind("pgov"), TagKind::Subject);
    }

    #[test]
    fn splits() {
        assert_eq!(canonical_tags("PHUMPGOV"), ["PHUM", "PGOV"]);
        assert_eq!(canonical_tags("NATOPREL"), ["NATO", "PREL"]);
        assert_eq!(canonical_tags("TW.PREL"), ["TW", "PREL"]);
        assert_eq!(canonical_tags("HRPGOV"), ["HR", "PGOV"]);
        assert_eq!(canonical_tags("HAITI"), ["HAITI"]);
        assert_eq!(canonical_tags("CUBA"), ["CUBA"]);
        assert_eq!(canonical_tags("OVIP (CLINTON, HILLARY)"), ["OVIP (CLINTON, HILLARY)"]);
        assert_eq!(canonical_tags("HUMAN RIGHTS"), ["HUMAN RIGHTS"]);
        assert!(matches!(canonical_tags("PREL")[0], Cow::Borrowed(_)));
    }
}
