//! The `Classified By:` line: who classified the cable and for which reasons.

use crate::ids::Hashed;
use crate::scan;
use smallvec::SmallVec;
use std::sync::LazyLock;

/// Words of titles, offices and roles that surround a classifier's name
/// (`Ambassador`, `Charge d'Affaires, a.i.`, `DCM`, `PolCouns`, `ISN/MTR DIRECTOR`).
const ROLE_WORDS: &[&str] = &[
    "A.I",
    "A.I.",
    "ACTING",
    "ADMIN",
    "ADVISER",
    "ADVISOR",
    "AF",
    "AFFAIRES",
    "AFFAIRS",
    "AI",
    "AIT",
    "AMB",
    "AMB.",
    "AMBASSADOR",
    "AND",
    "ARSO",
    "ASSISTANT",
    "ATTACHE",
    "BUREAU",
    "CDA",
    "CG",
    "CHARGE",
    "CHARGE'",
    "CHARGÉ",
    "CHIEF",
    "COL",
    "COM",
    "COMMERCIAL",
    "CONS",
    "CONSUL",
    "CONSULAR",
    "CONSULATE",
    "COORDINATOR",
    "COUN",
    "COUNS",
    "COUNSEL",
    "COUNSELLOR",
    "COUNSELOR",
    "D'AFFAIRES",
    "D'AFFAIRS",
    "DAS",
    "DCM",
    "DEPUTY",
    "DIR",
    "DIR.",
    "DIRECTOR",
    "DOS",
    "DR.",
    "DS",
    "D’AFFAIRES",
    "EAP",
    "ECMIN",
    "ECON",
    "ECONCOUNS",
    "ECONOFF",
    "ECONOMIC",
    "ECONOMICS",
    "ECOPOL",
    "ECPO",
    "EMBASSY",
    "ENVIRONMENT",
    "EST",
    "EUR",
    "EXEC",
    "GENERAL",
    "GSO",
    "HEAD",
    "INTERAGENCY",
    "INTERIM",
    "ISN",
    "LARGE",
    "LEADER",
    "LEGAL",
    "LTC",
    "M-C",
    "MANAGEMENT",
    "MC",
    "MIL",
    "MIN",
    "MINISTER",
    "MINISTER-COUNSELOR",
    "MISSION",
    "MR.",
    "MRS.",
    "MS.",
    "NAS",
    "NEA",
    "OF",
    "OFFICE",
    "OFFICER",
    "PA",
    "PAO",
    "POL",
    "POL-ECON",
    "POLCOUNS",
    "POLECON",
    "POLECONCOUNS",
    "POLITICAL",
    "POLITICAL-ECONOMIC",
    "POLMIL",
    "POLMILOFF",
    "POLOFF",
    "PRINCIPAL",
    "PROVINCIAL",
    "PRT",
    "PUBLIC",
    "REGIONAL",
    "RSO",
    "SCA",
    "SECRETARY",
    "SECTION",
    // An office's word (`Assistant Secretary for Diplomatic Security Gregory B. Starr`).
    "SECURITY",
    "SENIOR",
    "SPECIAL",
    "THE",
    "UNDER",
    "USEU",
    "USNATO",
    "USUN",
    "WHA",
];

/// Person names in the part of a `Classified By` line before its reasons, with role words
/// removed: `Ambassador William J. Burns: Reasons 1.4 (b/d).` → `William J. Burns`;
/// `Julieta Valls Noyes, DCM.` → `Julieta Valls Noyes`;
/// `MINISTER-COUNSELOR FOR POLITICAL AFFAIRS GARY A. GRAPPO` → `GARY A. GRAPPO`.
///
/// The line is cut into parts at `,`, `;`, `:` and `and`. In each part a name is the last run of
/// capitalised words that follows a title or role word (`Deputy Director Hoyt Yee`); failing
/// that, a run that opens the part (`Robin D. Meyer, Political Counselor`) when no name was
/// found before, or a lone word that is the whole first part (`CAULFIELD, CDA`). A suffix part
/// (`, Jr.`) joins the name before it.
#[cfg(test)]
pub(crate) fn names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    names_into(text, &mut out, |n| n);
    out
}

/// [`names`], pushing each name as `make(name)` onto `out` (so that the caller chooses borrowed or
/// owned text without a second vector).
pub(crate) fn names_into<'t, T: AsRef<str>>(text: &'t str, names: &mut Vec<T>, make: impl Fn(&'t str) -> T) {
    let head = &text[..reason_start(text)];
    // Where the last name starts in `text`, to extend it with a `Jr.` part.
    let mut last_start = 0;
    // The part that gave the last name, to attach a `Jr.` part to it.
    let mut named_part: Option<usize> = None;
    // The part before ends with a title word (`AMB: EJHULL`).
    let mut after_title_part = false;
    // Reused for every part, on the stack unless a part has more than 24 words.
    let mut toks: SmallVec<[&str; 24]> = SmallVec::new();
    let mut kinds: SmallVec<[Word; 24]> = SmallVec::new();
    for (n, part) in parts(head).enumerate() {
        toks.clear();
        toks.extend(scan::tokens(part));
        kinds.clear();
        kinds.extend(toks.iter().map(|t| word_kind(t)));
        // Whether the part ends with a title word, from the kind of its last word where that
        // tells (a `Role` is one, but for the lower-case `a.`/`i.` of `a. i.`; a `Name` is not):
        // the slip test of `is_role` is the dearest part of a word's kind, asked once a word.
        let last_is_role = match (toks.last(), kinds.last()) {
            (Some(t), Some(Word::Role)) => !matches!(t.trim_end_matches(','), "a." | "i." | "a.i.") || is_role(t),
            (Some(_), Some(Word::Name)) | (None, _) | (_, None) => false,
            (Some(t), Some(_)) => is_role(t),
        };
        let title_before = std::mem::replace(&mut after_title_part, last_is_role);
        // `Blake, Jr.` (also `Blake, Jr. for reasons`: joining words may follow the suffix).
        if let (Some((suffix, _)), Some(prev)) = (toks.split_first(), named_part) {
            if prev + 1 == n && is_suffix(suffix) && kinds[1..].iter().all(|&k| k == Word::Other) {
                if let Some(last) = names.last_mut() {
                    let end = suffix.as_ptr() as usize - text.as_ptr() as usize + suffix.len();
                    *last = make(name_end(&text[last_start..end]));
                }
                continue;
            }
        }
        let mut pick = None;
        let mut i = 0;
        while i < toks.len() {
            if kinds[i] != Word::Name {
                i += 1;
                continue;
            }
            let s = i;
            while i < toks.len() && kinds[i] == Word::Name {
                i += 1;
                // A name ends at a word with a full stop (`Forden. Rea sons`), not at an initial.
                if ends_sentence(toks[i - 1]) {
                    break;
                }
            }
            // A lone word after a title is a surname (`Ambassador Ordway`) only for the first
            // name: later ones are office words (`Director, Iran Regional Presence`). Words
            // followed by a title are part of it (`USEU Defense Policy officer`).
            let size_ok = i - s <= 5 && (i - s > 1 || (names.is_empty() && pick.is_none() && !is_initial(toks[s])));
            let after_title = s > 0 && kinds[s - 1] == Word::Role;
            let after_dash = s > 0 && kinds[s - 1] == Word::Dash;
            if (after_dash || after_title) && !title_follows(&toks, &kinds, i) && size_ok {
                pick = Some((s, i));
            }
        }
        if pick.is_none() && kinds.first() == Some(&Word::Name) {
            let mut e = 0;
            while e < toks.len() && kinds[e] == Word::Name {
                e += 1;
                if ends_sentence(toks[e - 1]) {
                    break;
                }
            }
            // A name first in the line may be followed by its title (`DONALD CAMP DEPUTY
            // ASSISTANT SECRETARY`).
            let ok = if e == 1 {
                let long = toks[0].trim_end_matches([',', '.']).len() >= 4;
                long && ((n == 0 && toks.len() == 1) || (n == 1 && title_before && names.is_empty()))
            } else {
                e <= 5 && names.is_empty()
            };
            if ok {
                pick = Some((0, e));
            }
        }
        let Some((s, e)) = pick else { continue };
        let first = toks[s];
        let last = toks[e - 1];
        let start = first.as_ptr() as usize - text.as_ptr() as usize;
        let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
        let name = name_end(&text[start..end]);
        if !name.is_empty() && !names.iter().any(|x| x.as_ref() == name) {
            names.push(make(name));
            last_start = start;
            named_part = Some(n);
        }
    }
}

/// A name without the punctuation after it: the comma or full stop that ends its part, a dash
/// right before the reasons (`McKelvey-reasons`); `Jr.` and `Sr.` keep their full stop, `III.`
/// does not (there it ends the sentence).
fn name_end(name: &str) -> &str {
    let name = name.trim_end_matches([',', '-']);
    if ["JR.", "SR."].iter().any(|w| scan::ends_with_ci(name, w)) {
        name
    } else {
        name.trim_end_matches(['.', ',', '-'])
    }
}

/// The parts of a `Classified By` head: cut at `,`, `;`, `:` and the word `and`/`&`.
///
/// (Cut at the bytes found by `memchr`, not by `str::split` with a pattern of characters, which
/// decoded every character of the line: the split was a sixth of the names' cost.)
fn parts(head: &str) -> impl Iterator<Item = &str> {
    let b = head.as_bytes();
    // The chunks between the separators, the last one (perhaps empty) included, as `split`
    // gives them; the separators are ASCII, so every cut is a char boundary.
    let mut cuts = memchr::memchr3_iter(b',', b';', b':', b).chain(std::iter::once(b.len()));
    let mut from = 0;
    let chunks = std::iter::from_fn(move || {
        let end = cuts.next()?;
        let chunk = &head[from..end];
        from = end + 1;
        Some(chunk)
    });
    chunks.flat_map(|chunk| {
        // Cut the chunk at each `and`/`&` word (the words between single spaces).
        let mut rest = Some(chunk);
        std::iter::from_fn(move || {
            let r = rest?;
            let rb = r.as_bytes();
            let mut at = 0;
            for end in memchr::memchr_iter(b' ', rb).chain(std::iter::once(rb.len())) {
                let tok = &rb[at..end];
                if tok.eq_ignore_ascii_case(b"and") || tok == b"&" {
                    rest = Some(r.get(end + 1..).unwrap_or(""));
                    return Some(&r[..at]);
                }
                at = end + 1;
            }
            rest = None;
            Some(r)
        })
    })
}

/// What a word of a `Classified By` head is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// A title, role or office (`Ambassador`, `DCM`, `POL/ECON`).
    Role,
    /// A dash between an office and a name (`ISN - C. S. ELIOT KANG`).
    Dash,
    /// A word of a person's name.
    Name,
    /// Anything else (`for`, `per`, `based`, lower-case words, numbers).
    Other,
}

fn word_kind(tok: &str) -> Word {
    let t = tok.trim_end_matches([',', '.']);
    // `BASED 0N`: a zero typed for the letter O. The word upper-cased with its zeros read as O,
    // on the stack, is matched with the joining words (which hold no zero) once.
    let mut buf = [0u8; 12];
    let up = buf.get_mut(..t.len()).map(|up| {
        for (d, s) in up.iter_mut().zip(t.bytes()) {
            *d = if s == b'0' { b'O' } else { s.to_ascii_uppercase() };
        }
        &*up
    });
    // `?`: a dash lost to the character set (`ISN ? PATRICIA A. MCNERNEA`).
    if matches!(tok, "-" | "–" | "--" | "?") || t.eq_ignore_ascii_case("BY") {
        Word::Dash
    } else if up.is_some_and(is_joining_word) {
        Word::Other
    } else if is_role(tok) || matches!(tok.trim_end_matches(','), "a." | "i." | "a.i.") {
        // (`Charge d'Affaires a. i. James F. Entwistle`: ad interim, in lower case, where the
        // capital `A.` would be an initial.)
        Word::Role
    } else if is_name_token(tok) {
        Word::Name
    } else {
        Word::Other
    }
}

/// The words of a `Classified By` head that join or introduce (upper case, zeros read as O):
/// `FOR`, `PER`, `BASED ON`, the level. (A match on the bytes, which the compiler turns into a
/// test of the length and integer compares, not a comparison with each word in turn.)
fn is_joining_word(up: &[u8]) -> bool {
    matches!(
        up,
        b"FOR"
            | b"FO" // `FO R REASONS`
            | b"PER"
            | b"BASED"
            | b"ON"
            | b"UPON"
            | b"WITH"
            | b"TO"
            | b"FROM"
            | b"AT"
            | b"IN"
            | b"CLASSIFIED"
            | b"CONFIDENTIAL"
            | b"SECRET"
    )
}

/// True when a title word follows at `i` (`USEU Defense Policy officer`): the words before it
/// belong to the title. Joining words do not count (`Christopher W. Dell under Section 1.4`).
fn title_follows(toks: &[&str], kinds: &[Word], i: usize) -> bool {
    kinds.get(i) == Some(&Word::Role)
        && !["UNDER", "OF", "THE", "AND"].iter().any(|w| w.eq_ignore_ascii_case(toks[i].trim_end_matches([',', '.'])))
}

/// `J.`, `W`: one letter, with or without its full stop.
fn is_initial(tok: &str) -> bool {
    tok.trim_end_matches(['.', ',']).chars().count() == 1
}

/// `Jr.`, `Sr.`, `II`, `III`, `IV`.
fn is_suffix(tok: &str) -> bool {
    let t = tok.trim_end_matches(',');
    ["JR.", "JR", "SR.", "SR", "II", "III", "IV"].iter().any(|w| w.eq_ignore_ascii_case(t))
        // `Baltimore, III.`: the full stop ends the sentence, not an abbreviation.
        || ["II.", "III.", "IV."].contains(&t)
}

/// A word ending with a full stop that is not an initial or a suffix (`Forden.`).
fn ends_sentence(tok: &str) -> bool {
    tok.ends_with('.') && tok.trim_end_matches('.').len() > 1 && !is_suffix(tok) && !tok[..tok.len() - 1].contains('.')
}

/// `w` is one of [`ROLE_WORDS`] (any case, `0` read as `O`): a probe of the hashed words (this
/// runs for every word of every Classified By line).
fn is_role_word(w: &str) -> bool {
    let upper = |s: u8| if s == b'0' { b'O' } else { s.to_ascii_uppercase() }; // `C0NSUL`: a zero for O
    // Words of up to 16 bytes (all but two role words) as integers, hashed: one probe rather
    // than a binary search over the words. Upper-cased as they are packed: no copy first.
    if let Some(key) = scan::pack16(w.as_bytes(), upper) {
        return packed_roles().get(key).is_some();
    }
    let mut buf = [0u8; 32];
    let Some(up) = buf.get_mut(..w.len()) else { return false };
    up.iter_mut().zip(w.bytes()).for_each(|(d, s)| *d = upper(s));
    ROLE_WORDS.iter().any(|r| r.as_bytes() == up)
}

/// [`ROLE_WORDS`] of up to 16 bytes, packed ([`scan::pack16`]) and hashed.
fn packed_roles() -> &'static Hashed<()> {
    static PACKED: LazyLock<Hashed<()>> =
        LazyLock::new(|| Hashed::new(ROLE_WORDS.iter().filter_map(|r| Some((scan::pack16(r.as_bytes(), |b| b)?, ())))));
    &PACKED
}

fn is_role(tok: &str) -> bool {
    // `(AI)`, `(A.I.)`: a title's remark in brackets.
    let t = tok.trim_end_matches([',', '.']).trim_start_matches('(').trim_end_matches(')');
    let known = |w: &str| is_role_word(w) || is_misspelt_role_word(w);
    // `CONSUL-GENERAL`, `POL-MIL`, `AMBASSADOR-AT-LARGE`, `Minister-Counselour`: hyphenated
    // titles open with a role word.
    // (`t` is `tok` itself for most words: asked once.)
    tok.contains('/')
        || known(tok)
        || (t.len() != tok.len() && known(t))
        || t.split_once('-').is_some_and(|(first, _)| known(first))
}

/// A long role word typed with one slip, two in the longest (`Ambassaor`, `Ambassadro`,
/// `AMBSSADOR`, `Counsleor`, `Direcotr`, `COUNSEL0R`): such titles are common in the archive and
/// otherwise end up in the name. Short words are left alone: too many names lie one letter
/// from a short title.
fn is_misspelt_role_word(w: &str) -> bool {
    const SHORTEST: usize = 7;
    if !(4..=16).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'0' || b == b'\'') {
        return false;
    }
    if w.len() < SHORTEST {
        // Short words only with a letter missing (`CIEF`): a changed letter would turn names
        // into titles (`CHIEN` is a surname, one letter from `CHIEF`). Only upper-case words,
        // and only against the role words one letter longer (most words end at the case test).
        // (Every letter of `w` is one of the role word's: the letter sets rule out most role
        // words before a comparison.)
        return w.bytes().all(|c| c.is_ascii_uppercase()) && w.len() + 1 >= 5 && {
            let mask = scan::letter_mask(w.as_bytes());
            roles_of_len(w.len() + 1)
                .iter()
                .any(|&(r, role_mask)| mask & !role_mask == 0 && is_one_letter_missing(w, r))
        };
    }
    // A zero for the letter O (`COUNSEL0R`) read as one in a copy; the tests below fold case.
    let mut buf = [0u8; 16];
    let up = match buf.get_mut(..w.len()) {
        Some(up) if w.contains('0') => {
            up.iter_mut().zip(w.bytes()).for_each(|(d, s)| *d = if s == b'0' { b'O' } else { s });
            std::str::from_utf8(up).unwrap_or_default()
        }
        _ => w,
    };
    let slips = if w.len() >= 9 { 2 } else { 1 };
    // The distance's own cheap bounds (lengths, letters missing either way) first, with the
    // role words' letter sets computed once: most pairs end there without a call. Only the
    // role words whose length is within the slips are asked.
    let mask = scan::letter_mask(up.as_bytes());
    (up.len().saturating_sub(slips).max(SHORTEST)..=up.len() + slips).any(|n| {
        roles_of_len(n).iter().any(|&(r, role_mask)| {
            (mask & !role_mask).count_ones() as usize <= slips
                && (role_mask & !mask).count_ones() as usize <= slips
                && scan::edit_distance_at_most(up, r, slips)
        })
    })
}

/// The role words of `n` bytes, each with its letter set ([`scan::letter_mask`]), grouped by
/// length once: the misspelling test asks only the lengths a slip can reach.
fn roles_of_len(n: usize) -> &'static [(&'static str, u32)] {
    static BY_LEN: LazyLock<Vec<Vec<(&'static str, u32)>>> = LazyLock::new(|| {
        let longest = ROLE_WORDS.iter().map(|r| r.len()).max().unwrap_or(0);
        let mut by_len = vec![Vec::new(); longest + 1];
        for r in ROLE_WORDS {
            by_len[r.len()].push((*r, scan::letter_mask(r.as_bytes())));
        }
        by_len
    });
    BY_LEN.get(n).map_or(&[], Vec::as_slice)
}

/// True when a `Classified By` line broke a word at its end, as fixed-width wrapping does:
/// `... Coordinator Hoyt Y` / `ee for reasons` (a capital alone, then lower-case letters) or
/// `... FOR ECONOMIC AFFAIR` / `S ROBERT LUKE` (a title word missing its last letter).
pub(crate) fn word_broken_at_line_end(before: &str, next: &str) -> bool {
    // `... 1.4 (B) AND (` / `D).`: a parenthesis opened at the line end.
    if before.ends_with('(') {
        return true;
    }
    // A token cut in two: `... per 1.5 (b) an` / `d (d).` (03JERUSALEM2293), `... Reasons 1.` /
    // `4 (b/d).`.
    if (before.ends_with(" an") && next.starts_with("d "))
        || (before.ends_with(" a") && next.starts_with("nd "))
        || (before.ends_with(" 1.") && next.starts_with(|c: char| c.is_ascii_digit()))
        // `... reasons 1.4 (B) and (D` / `)` (05MADRID1178): the parenthesis closed on its own line.
        || (next.starts_with(')') && before.rfind('(') > before.rfind(')'))
    {
        return true;
    }
    let last = before.rsplit(' ').next().unwrap_or("");
    let first = next.split(' ').next().unwrap_or("");
    let capital_alone = last.len() == 1 && last.as_bytes()[0].is_ascii_uppercase();
    if capital_alone && first.len() >= 2 && first.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let letter_alone = first.len() == 1 && first.as_bytes()[0].is_ascii_uppercase() && next.len() > 1;
    letter_alone && last.len() >= 3 && !is_role_word(last) && is_role_word(&format!("{last}{first}"))
}

/// True when `long` is `short` with one letter inserted somewhere.
fn is_one_letter_missing(short: &str, long: &str) -> bool {
    let (s, l) = (short.as_bytes(), long.as_bytes());
    let i = s.iter().zip(l).take_while(|(a, b)| a == b).count();
    s[i..] == l[i + 1..]
}

/// A word of a person's name: capitalised (`Burns`, `MCDONALD`, `McDonald`), an initial (`J.`,
/// `W`), or a particle (`de`, `van`, `al-`).
fn is_name_token(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', '.']);
    let first = t.chars().next();
    if matches!(t, "de" | "van" | "von" | "da" | "del" | "la" | "der" | "bin" | "di" | "du" | "le") {
        return true;
    }
    // A zero typed for the letter O (`R0BIN`, the initial `0.`) in an upper-case name.
    let zero_for_o = t.contains('0') && t.chars().all(|c| c == '0' || c == '.' || c.is_uppercase());
    (first.is_some_and(|c| c.is_uppercase()) || zero_for_o)
        && t.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’') || (zero_for_o && c == '0'))
}

/// Offset where the reasons part begins (`for reasons`, `Reason:`, `1.4`, `E.O.`), or the end.
fn reason_start(text: &str) -> usize {
    // One pass, the first byte of a marker first (the earliest match of any marker is the
    // cut), rather than a search of the whole text for each marker.
    const MARKERS: [&[u8]; 7] = [b"REASON", b"1.4", b"1.5", b"1.6", b"E.O.", b"E.O 1", b"EO 1"];
    let b = text.as_bytes();
    (0..b.len())
        .find(|&i| {
            matches!(b[i], b'R' | b'r' | b'1' | b'E' | b'e')
                && MARKERS.iter().any(|m| b.get(i..i + m.len()).is_some_and(|w| w.eq_ignore_ascii_case(m)))
        })
        .unwrap_or(b.len())
}

/// Every reason a cable can give: sections 1.4–1.6 of the executive orders, categories (a)–(h).
/// Reasons are returned from this table, so reading them allocates nothing.
const REASONS: [[&str; 8]; 3] = [
    ["1.4(a)", "1.4(b)", "1.4(c)", "1.4(d)", "1.4(e)", "1.4(f)", "1.4(g)", "1.4(h)"],
    ["1.5(a)", "1.5(b)", "1.5(c)", "1.5(d)", "1.5(e)", "1.5(f)", "1.5(g)", "1.5(h)"],
    ["1.6(a)", "1.6(b)", "1.6(c)", "1.6(d)", "1.6(e)", "1.6(f)", "1.6(g)", "1.6(h)"],
];

/// Classification reasons, normalised as `1.4(b)`: from `1.4 (b/d)`, `1.4(b), (d)`,
/// `1.4 (B) and (D)`, `1.5 (B & D)`, `1.4 b and d`, `1.4(C).`.
pub(crate) fn reasons(text: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let section_at = b[i] == b'1'
            && b[i + 1] == b'.'
            && (b'4'..=b'6').contains(&b[i + 2])
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'.')
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit());
        if !section_at {
            i += 1;
            continue;
        }
        let section = usize::from(b[i + 2] - b'4');
        let mut j = i + 3;
        // Letters until a word that is not a single letter a–h or a joining word.
        loop {
            while j < b.len() && !b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let start = j;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let word = &text[start..j];
            // `(B) A ND (D)`: a typed-apart `AND`.
            let split_and = word.eq_ignore_ascii_case("a") && {
                let rest = text[j..].trim_start_matches(' ');
                rest.len() >= 2 && rest.as_bytes()[..2].eq_ignore_ascii_case(b"nd") && crate::scan::at_word_end(rest, 2)
            };
            if split_and {
                continue;
            }
            // `(b) an d (d)`: a typed-apart `and` the other way round.
            let split_and2 = word.eq_ignore_ascii_case("an") && {
                let rest = &text[j..];
                let d = rest.trim_start_matches(' ');
                d.len() >= 2 && d.as_bytes()[0].eq_ignore_ascii_case(&b'd') && !d.as_bytes()[1].is_ascii_alphanumeric()
            };
            if split_and2 {
                j = text.len() - text[j..].trim_start_matches(' ').len() + 1;
                continue;
            }
            if word.len() == 1 && matches!(word.as_bytes()[0].to_ascii_lowercase(), b'a'..=b'h') {
                let r = REASONS[section][usize::from(word.as_bytes()[0].to_ascii_lowercase() - b'a')];
                if !out.contains(&r) {
                    out.push(r);
                }
            } else if !(word.eq_ignore_ascii_case("and")
                || word.eq_ignore_ascii_case("nd")
                || word.eq_ignore_ascii_case("or"))
            {
                break;
            }
        }
        i = j.max(i + 3);
    }
    out
}

#[cfg(test)]
mod tests;
