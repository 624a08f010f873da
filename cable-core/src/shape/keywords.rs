//! The keywords that open metadata fields (`E.O.`, `TAGS:`, `SUBJECT:`, `REF:`,
//! `Classified By:`), in all the spellings the corpus has, and the splitting of lines where
//! several fields are glued together (`E.O. 12958: N/A TAGS: ASEC ...`).

use crate::classification::Marking;
use crate::scan;

/// A metadata field keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Eo,
    Tags,
    Subject,
    Ref,
    ClassifiedBy,
}

/// A keyword found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Keyword {
    pub field: Field,
    /// Offset of the keyword in the line.
    pub at: usize,
    /// Offset where the field's content starts (after the keyword and its colon).
    pub content: usize,
    /// The keyword was misspelled (`TAGE`, `SUBJ`-less typos), still understood.
    pub damaged: bool,
}

/// Spellings: (text, needs upper case, damaged). Colon forms match in any case (sentence-cased
/// retypes write `Tags:`); bare forms only in upper case, so prose (`Subject to ...`) never
/// opens a field.
const TAGS: &Spellings<[Spelling]> = &spellings([
    ("TAGS:", false, false),
    ("TAGS :", false, false),
    ("TAGS -", true, false),
    ("TAGS", true, false),
    ("TAG:", false, true),
    // Bare and singular (`TAG MASS, PREL, BR`, 09BRASILIA952): only before a list of tags.
    ("TAG", true, true),
    ("TAGE:", false, true),
    ("TAGE", true, true),
    ("TAS:", false, true),
    ("TABS:", false, true),
    ("TGS:", false, true),
    ("AGS:", true, true),
]);

const SUBJECT: &Spellings<[Spelling]> = &spellings([
    ("SUBJECT:", false, false),
    ("SUBJECT :", false, false),
    ("SUBJECT-", true, false),
    ("SUBJECT", true, false),
    ("SUBJ:", false, false),
    ("SUBJ :", false, false),
    ("SUBJ", true, false),
    ("SUBJET:", false, true),
    ("SUJBECT:", false, true),
    // The first letter lost (a fragment cut at the margin): `UBJECT: BAHRAIN WILL ...`.
    ("UBJECT:", true, true),
]);

const REF: &Spellings<[Spelling]> = &spellings([
    ("REF(S):", false, false),
    ("REFS:", false, false),
    ("REFTELS:", false, false),
    ("REFTEL:", false, false),
    ("REFERENCES:", false, false),
    ("REFERENCE:", false, false),
    ("REF:", false, false),
    ("REF :", false, false),
    ("REFS :", false, false),
    ("RETELS:", false, true),
    ("RETEL:", false, true),
    ("PROGRAM REF:", false, false),
    ("REFTELS", true, false),
    ("REFTEL", true, false),
    ("REFS", true, false),
    ("REF", true, false),
]);

const CLASSIFIED_BY: &Spellings<[Spelling]> = &spellings([
    ("CLASSIFIED BY", false, false),
    ("CLASSIFIED  BY", false, false),
    // The level named in the line (`CLASSIFIED CONFIDENTIAL BY NEW DELHI POLITICAL COUNSELOR`,
    // 98NEWDELHI2879; `1.  Classified confidential by Ambassador ...`).
    ("CLASSIFIED CONFIDENTIAL BY", false, false),
    ("CLASSIFIED SECRET BY", false, false),
    ("CLASSIFED BY", false, true),
    ("CLASIFIED BY", false, true),
    ("CLASSIFIEDBY", false, true),
]);

/// A keyword spelling with its first eight bytes packed, so that a line is compared with each
/// spelling by one integer test ([`spelled`]).
#[derive(Clone, Copy)]
struct Spelling {
    kw: &'static str,
    /// Matched in upper case only.
    upper: bool,
    /// A misspelt keyword.
    damaged: bool,
    /// The first eight bytes of `kw` (fewer for a shorter one), little-endian.
    key: u64,
    /// The bytes of `key` that `kw` has.
    mask: u64,
}

/// The spellings of a field, and the first two bytes they open with (`TA`, `AG`, `TG` for the
/// tags; zeros for the unused): most lines are passed over on those before any spelling.
struct Spellings<L: ?Sized> {
    heads: [u16; 4],
    list: L,
}

/// The spellings of a table (text, needs upper case, damaged), packed.
const fn spellings<const N: usize>(table: [(&'static str, bool, bool); N]) -> Spellings<[Spelling; N]> {
    let mut list = [Spelling { kw: "", upper: false, damaged: false, key: 0, mask: 0 }; N];
    let mut heads = [0u16; 4];
    let mut i = 0;
    while i < N {
        let (kw, upper, damaged) = table[i];
        let b = kw.as_bytes();
        let (mut key, mut mask, mut j) = (0u64, 0u64, 0);
        while j < b.len() && j < 8 {
            key |= (b[j] as u64) << (8 * j);
            mask |= 0xFF << (8 * j);
            j += 1;
        }
        list[i] = Spelling { kw, upper, damaged, key, mask };
        let head = (key & 0xFFFF) as u16;
        let mut h = 0;
        while heads[h] != 0 && heads[h] != head {
            h += 1; // (more than four openings fail the build here)
        }
        heads[h] = head;
        i += 1;
    }
    Spellings { heads, list }
}

/// `w`'s ASCII letters in upper case, eight bytes at once (other bytes are left as they are).
fn upper_case(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = w & !HIGH;
    // Per byte (no carry between bytes: `low7` bytes are below 0x80): the high bit set from
    // `a` on, and from the byte after `z` on; bytes with their own high bit are no letters.
    let from_a = low7 + 0x1F1F_1F1F_1F1F_1F1F;
    let past_z = low7 + 0x0505_0505_0505_0505;
    let lower = from_a & !past_z & !w & HIGH;
    w - (lower >> 2)
}

/// The keyword at the very start of `t` (a trimmed line or segment).
pub(crate) fn at_start(t: &str) -> Option<Keyword> {
    // Every spelling starts with one of these bytes (`Classified by` may come after a paragraph
    // number, a pilcrow or a marking): most lines are rejected on their first byte.
    let first = t.as_bytes().first()?.to_ascii_uppercase();
    if !matches!(
        first,
        b'E' | b'T' | b'A' | b'S' | b'U' | b'D' | b'R' | b'P' | b'C' | b'(' | b'0'..=b'9' | 0xC2 | b'[' | 0xEF
    ) {
        return None;
    }
    match first {
        b'E' => eo_at(t, 0),
        b'D' => decl_at_start(t),
        b'T' | b'A' => spelled(t, 0, Field::Tags, TAGS),
        b'S' | b'U' => spelled(t, 0, Field::Subject, SUBJECT),
        b'R' | b'P' => spelled(t, 0, Field::Ref, REF),
        _ => classified_by_at_start(t),
    }
}

/// `Classified By:` at the start, also after a paragraph number and a marking
/// (`1. (U) Classified by ...`, `(U) CLASSIFIED BY ...`).
pub(crate) fn classified_by_at_start(t: &str) -> Option<Keyword> {
    // Every spelling holds `BY`: a line without it (most lines that open with a `C`, a digit or
    // a parenthesis) is passed over before its number and marking are read.
    scan::find_ci(t, "BY")?;
    let mut at = 0;
    if let Some(n) = super::number::numbered_paragraph_prefix(t) {
        at = n;
    }
    let rest = &t[at..];
    let lead = rest.len() - rest.trim_start().len();
    at += lead;
    if let Some((_, n)) = Marking::parse_prefix(&t[at..]) {
        at += n;
        let rest = &t[at..];
        at += rest.len() - rest.trim_start().len();
    }
    // `1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY: ...`: the document's marking first.
    if let Some(n) = entire_text_marking(&t[at..]) {
        at += n;
        let rest = &t[at..];
        at += rest.len() - rest.trim_start().len();
    }
    spelled(t, at, Field::ClassifiedBy, CLASSIFIED_BY)
}

/// The length of a marking for the whole text at the start of `s` (`CONFIDENTIAL - ENTIRE
/// TEXT.`, `SECRET--ENTIRE TEXT`), full stop included.
fn entire_text_marking(s: &str) -> Option<usize> {
    let level =
        ["CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "LIMITED OFFICIAL USE"].iter().find(|l| s.starts_with(**l))?;
    let rest = s[level.len()..].trim_start_matches([' ', '-']);
    let after = rest.strip_prefix("ENTIRE TEXT")?;
    let after = after.strip_prefix('.').unwrap_or(after);
    Some(s.len() - after.len())
}

fn spelled(t: &str, at: usize, field: Field, table: &Spellings<[Spelling]>) -> Option<Keyword> {
    let s = &t[at..];
    // The line's first eight bytes as they are and upper-cased, packed as the spellings are
    // (zeros past its end, which no keyword byte is): a spelling of up to eight bytes matches
    // on one integer test, a longer one compares its rest only then. (Comparing byte by byte,
    // the spellings sharing their first letters, `REF(S):`, `REFS:`, `REFTELS:`, ..., each
    // cost a loop.)
    let raw = match s.as_bytes().first_chunk::<8>() {
        Some(&head) => u64::from_le_bytes(head),
        None => s.bytes().rev().fold(0, |w, c| w << 8 | u64::from(c)),
    };
    let up = upper_case(raw);
    if !table.heads.contains(&((up & 0xFFFF) as u16)) {
        return None;
    }
    for &Spelling { kw, upper, damaged, key, mask } in &table.list {
        if (if upper { raw } else { up }) & mask != key {
            continue;
        }
        let matched = kw.len() <= 8 || if upper { s.starts_with(kw) } else { scan::starts_with_ci(s, kw) };
        if !matched {
            continue;
        }
        let mut content = at + kw.len();
        let after = &t[content..];
        let bare = !kw.ends_with(':') && !kw.ends_with('-');
        if bare {
            // A bare keyword needs a space or colon after it (`TAGS PREL`), not more letters.
            if !scan::at_word_end(t, content) {
                continue;
            }
            let a = after.trim_start();
            if let Some(a2) = a.strip_prefix(':').or_else(|| a.strip_prefix('-')) {
                content = t.len() - a2.len();
            } else if a.is_empty() && field != Field::Ref && field != Field::ClassifiedBy {
                // `TAGS` alone on a line is a heading, not a field.
                continue;
            }
        }
        if field == Field::Ref && bare && !ref_content_plausible(&t[content..]) {
            continue;
        }
        if kw == "TAG" && !is_tag_line(&t[content..]) {
            continue;
        }
        return Some(Keyword { field, at, content, damaged });
    }
    None
}

/// Bare `REF` must be followed by a list (`REF A. STATE 1`, `REFTEL STATE 12345`), not prose
/// (`REFERRING TO ...` never gets here; `REF IS MADE TO` does).
fn ref_content_plausible(rest: &str) -> bool {
    let r = rest.trim_start();
    r.is_empty() || r.starts_with(['(', '[', '¶']) || {
        let first = r.split(scan::is_space).next().unwrap_or("");
        // `REF A. ...`, `REF B) ...`, `REF A: ...`, and a bare upper-case label (`REF A SECRETARY'S`).
        (first.len() == 2 && first.ends_with(['.', ')', ':']))
            || (first.len() == 1 && first.as_bytes()[0].is_ascii_uppercase() && r.len() > 2)
            || scan::is_digits(first)
            || (scan::is_upper_alpha(first.trim_end_matches(',')) && first.len() >= 3)
    }
}

/// `E.O. 12958: ...`, `EO 12958 DECL: ...`, `E. O. 12958`, `E.o. 12958: decl:`, `E.O.12958`.
fn eo_at(t: &str, at: usize) -> Option<Keyword> {
    let s = &t[at..];
    for kw in ["E. O.", "E.O.", "E.0.", "E.O", "EO:", "EO"] {
        if let Some(rest) = scan::strip_prefix_ci(s, kw) {
            if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let r = rest.trim_start_matches([' ', ':', '.']);
            let looks_like_order = r.starts_with(|c: char| c.is_ascii_digit()) || scan::starts_with_ci(r, "N/A");
            if !looks_like_order {
                continue;
            }
            let damaged = kw == "E.0.";
            return Some(Keyword { field: Field::Eo, at, content: at + kw.len(), damaged });
        }
    }
    None
}

/// `tags something`, `tAgs ...`: the bare TAGS keyword in any case, followed by words. Only for
/// the first line of a text (a fragment), where prose is unlikely to start with the word.
pub(crate) fn tags_in_any_case(t: &str) -> Option<Keyword> {
    let rest = scan::strip_prefix_ci(t, "TAGS ")?;
    rest.trim_start().starts_with(|c: char| c.is_ascii_alphabetic()).then_some(Keyword {
        field: Field::Tags,
        at: 0,
        content: 4,
        damaged: false,
    })
}

/// The E.O. line cut before its order (`DECL: 08/22/2017 AGS: PGOV, ...`, a fragment starting
/// at the declassification date): the line is the E.O. field. Not flagged as a damaged
/// keyword: nothing is misspelt, the order is missing (the content keeps `DECL:` for `eo::parse`).
fn decl_at_start(t: &str) -> Option<Keyword> {
    let rest = t.strip_prefix("DECL:").or_else(|| t.strip_prefix("DECL "))?;
    rest.trim_start().starts_with(|c: char| c.is_ascii_digit()).then_some(Keyword {
        field: Field::Eo,
        at: 0,
        content: 0,
        damaged: false,
    })
}

/// The next keyword glued inside a field's content, after byte `from` of `t`: an `E.O.` inside a
/// distribution line, `TAGS:` after an E.O. line, `SUBJECT:` after TAGS. Only forms that cannot
/// be prose are looked for.
pub(crate) fn glued_after(t: &str, from: usize, field: Option<Field>) -> Option<Keyword> {
    let look_for: &[Field] = match field {
        None => &[Field::Eo, Field::Tags],
        Some(Field::Eo) => &[Field::Tags, Field::Subject],
        Some(Field::Tags) => &[Field::Subject],
        Some(Field::Ref) => &[Field::ClassifiedBy],
        // `Classified By: ... Reasons 1.4 (b) and (d). REFTELS: A) 2008 BRASILIA 672, ...`
        Some(Field::ClassifiedBy) => &[Field::Ref],
        // `SUBJECT: WHAT'S BEHIND THE RAIDS ON TNK-BP AND BP REF: A. MOSCOW 816 ...`
        Some(Field::Subject) => &[Field::Ref, Field::ClassifiedBy],
    };
    // Only the sets looked for after no field or an E.O. hold forms without a colon (`E.O.`,
    // `EO `, `TAGS `): the other sets are found from the line's colons, few in a line, not by a
    // pass over its words.
    if look_for.iter().all(|f| matches!(f, Field::Subject | Field::Ref | Field::ClassifiedBy)) {
        return glued_at_colons(t, from, look_for);
    }
    let bytes = t.as_bytes();
    // The first letters of the forms looked for (`E.O.`, `TAGS`/`AGS:`, `SUBJECT`): other words
    // are passed over by a bit test of their first byte.
    let firsts = look_for.iter().fold(0u64, |m, &f| m | first_letters(f));
    let mut word_start = from == 0 || bytes.get(from - 1).is_some_and(|&b| scan::is_ascii_ws(b));
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i].wrapping_sub(b'A');
        if word_start && b < 64 && firsts & (1 << b) != 0 {
            for &f in look_for {
                let k = match f {
                    // (The written form first: `eo_at` tries every spelling.)
                    Field::Eo if t[i..].starts_with("E.O.") || t[i..].starts_with("EO ") => eo_at(t, i),
                    // `AGS:`: the damaged form is known only in upper case, after an E.O. line.
                    Field::Tags => glued_colon_form(t, i, Field::Tags, glued_forms(Field::Tags)).or_else(|| {
                        (field == Some(Field::Eo) && t[i..].starts_with("AGS:")).then_some(Keyword {
                            field: Field::Tags,
                            at: i,
                            content: i + 4,
                            damaged: true,
                        })
                    }),
                    Field::Eo | Field::Subject | Field::Ref | Field::ClassifiedBy => {
                        glued_colon_form(t, i, f, glued_forms(f))
                    }
                };
                if k.is_some() {
                    return k;
                }
            }
        }
        // On to the next word: after the next whitespace byte.
        match bytes[i..].iter().position(|&b| scan::is_ascii_ws(b)) {
            Some(p) => {
                i += p + 1;
                word_start = true;
            }
            None => break,
        }
    }
    None
}

/// The forms of `field` that [`glued_after`] takes besides `E.O.` and `AGS:`: colon forms in
/// any case, `TAGS ` in upper case.
fn glued_forms(field: Field) -> &'static [&'static str] {
    match field {
        Field::Eo => &[],
        Field::Tags => &["TAGS:", "TAGS "],
        Field::Subject => &["SUBJECT:", "SUBJ:"],
        Field::ClassifiedBy => &["CLASSIFIED BY:"],
        Field::Ref => &["REF:", "REFS:", "REF(S):", "REFTEL:", "REFTELS:"],
    }
}

/// [`glued_after`] for fields whose forms all end in a colon (and hold no other): each colon
/// after `from` is the end of the candidates, tried at the starts their lengths give. A form
/// opens a word (any case), or is a REF keyword glued to an upper-case word (`... VISIT TO
/// EGYPTREF: CAIRO 493`, upper case only). A form found at a colon starts before any found at a
/// later colon (no form holds a colon inside): the first colon with a form gives the keyword.
fn glued_at_colons(t: &str, from: usize, look_for: &[Field]) -> Option<Keyword> {
    let bytes = t.as_bytes();
    let ref_glues = look_for.contains(&Field::Ref);
    for colon in memchr::memchr_iter(b':', bytes.get(from..)?).map(|c| from + c) {
        let mut best: Option<Keyword> = None;
        for &field in look_for {
            for kw in glued_forms(field) {
                let Some(at) = (colon + 1).checked_sub(kw.len()).filter(|&at| at >= from) else { continue };
                let word_start = at == 0 || scan::is_ascii_ws(bytes[at - 1]);
                let found = if word_start {
                    bytes[at..=colon].eq_ignore_ascii_case(kw.as_bytes())
                } else {
                    ref_glues
                        && matches!(*kw, "REF:" | "REFS:")
                        && bytes[at - 1].is_ascii_uppercase()
                        && &bytes[at..=colon] == kw.as_bytes()
                };
                // (At most one form matches at one start: the forms part before their colon.)
                if found && best.is_none_or(|b| at < b.at) {
                    best = Some(Keyword { field, at, content: colon + 1, damaged: false });
                }
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

/// The letters that the glued forms of `field` open with, as bits (`1 << (letter - b'A')`),
/// in the cases [`glued_after`] takes them: colon forms in either case, `E.O.`, `EO ` and
/// `AGS:` in upper case only.
fn first_letters(field: Field) -> u64 {
    let bit = |c: u8| 1u64 << (c - b'A');
    match field {
        Field::Eo => bit(b'E'),
        Field::Tags => bit(b'T') | bit(b't') | bit(b'A'),
        Field::Subject => bit(b'S') | bit(b's'),
        Field::Ref => bit(b'R') | bit(b'r'),
        Field::ClassifiedBy => bit(b'C') | bit(b'c'),
    }
}

fn glued_colon_form(t: &str, i: usize, field: Field, forms: &[&str]) -> Option<Keyword> {
    let s = &t[i..];
    forms.iter().find_map(|kw| {
        // `TAGS ` (bare) only in upper case; colon forms in any case.
        let ok = if kw.ends_with(':') { scan::starts_with_ci(s, kw) } else { s.starts_with(kw) };
        ok.then_some(Keyword { field, at: i, content: i + kw.len(), damaged: false })
    })
}

/// True when `t` opens a metadata field (`E.O.`, `TAGS:`, `SUBJECT:`, `REF:`, `Classified By`).
pub(crate) fn starts_metadata_field(t: &str) -> bool {
    at_start(t).is_some()
}

/// True when a line looks like more tags (a TAGS continuation line): short upper-case codes.
pub(crate) fn is_tag_line(line: &str) -> bool {
    let mut n = 0;
    for tok in line.split([' ', ',']).filter(|t| !t.is_empty()) {
        let tok = scan::unwrap_link(tok);
        if !(tok.len() <= 6 && scan::is_upper_alpha(tok)) {
            return false;
        }
        n += 1;
    }
    n > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_upper_cased_at_once() {
        let all: Vec<u8> = (0..=255).collect();
        for w in all.chunks(8) {
            let w: [u8; 8] = w.try_into().unwrap();
            assert_eq!(upper_case(u64::from_le_bytes(w)).to_le_bytes(), w.map(|c| c.to_ascii_uppercase()));
        }
    }

    fn field(t: &str) -> Option<(Field, &str, bool)> {
        at_start(t).map(|k| (k.field, &t[k.content..], k.damaged))
    }

    #[test]
    fn keyword_spellings() {
        assert_eq!(field("E.O. 12958: DECL: 11/16/2017"), Some((Field::Eo, " 12958: DECL: 11/16/2017", false)));
        assert_eq!(field("EO 12958 DECL: 11/29/10"), Some((Field::Eo, " 12958 DECL: 11/29/10", false)));
        assert_eq!(field("E.o. 12958: decl: 01/07/2014"), Some((Field::Eo, " 12958: decl: 01/07/2014", false)));
        assert_eq!(field("TAGS: PREL"), Some((Field::Tags, " PREL", false)));
        assert_eq!(field("TAGS PGOV, PREL"), Some((Field::Tags, " PGOV, PREL", false)));
        assert_eq!(field("TAGE: PREL"), Some((Field::Tags, " PREL", true)));
        assert_eq!(field("Tags: prel, pgov"), Some((Field::Tags, " prel, pgov", false)));
        assert_eq!(field("SUBJ: X"), Some((Field::Subject, " X", false)));
        assert_eq!(field("REF: STATE 1"), Some((Field::Ref, " STATE 1", false)));
        assert_eq!(field("REFTEL: HARARE 6584"), Some((Field::Ref, " HARARE 6584", false)));
        assert_eq!(field("REF A. STATE 1"), Some((Field::Ref, " A. STATE 1", false)));
        // 09ABUDHABI754 and 05KINSHASA11: labels without a period.
        assert_eq!(field("REF B SECSTATE 76108"), Some((Field::Ref, " B SECSTATE 76108", false)));
        assert_eq!(field("REF A: 04 STATE 099987"), Some((Field::Ref, " A: 04 STATE 099987", false)));
        assert_eq!(field("Classified By: Ambassador"), Some((Field::ClassifiedBy, " Ambassador", false)));
        assert_eq!(field("1. (U) CLASSIFIED BY X"), Some((Field::ClassifiedBy, " X", false)));
        assert_eq!(
            field("CLASSIFIED CONFIDENTIAL BY NEW DELHI POLITICAL"),
            Some((Field::ClassifiedBy, " NEW DELHI POLITICAL", false))
        );
    }

    #[test]
    fn prose_is_not_a_keyword() {
        assert_eq!(field("Subject to approval, the"), None);
        assert_eq!(field("EOD teams arrived"), None);
        assert_eq!(field("TAGS"), None);
        assert_eq!(field("REFUGEES ARRIVED"), None);
        assert_eq!(field("REF IS MADE TO"), None);
        assert_eq!(field("Reference is made"), None);
    }

    #[test]
    fn glued_fields() {
        let t = "E.O. 12958: N/A TAGS: ASEC SNAR";
        let k = glued_after(t, 4, Some(Field::Eo)).unwrap();
        assert_eq!((k.field, &t[k.content..]), (Field::Tags, " ASEC SNAR"));
        let t = "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m.";
        let k = glued_after(t, 4, Some(Field::Eo)).unwrap();
        assert_eq!(k.field, Field::Tags);
        let k2 = glued_after(t, k.content, Some(Field::Tags)).unwrap();
        assert_eq!(&t[k2.content..], " turkish p.m.");
        let t = "DEPARTMENT FOR WHA AND PM E.O. 12958: DECL: 03/26/2018 TAGS: PREL";
        assert_eq!(glued_after(t, 0, None).unwrap().field, Field::Eo);
    }
}
