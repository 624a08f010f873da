//! The drafting line: who drafted, cleared and approved the telegram, in the forms the corpus
//! shows.
//!
//! ```text
//! DRAFTED BY: NEA/RA:SAOKI:INR/TNA:SUZANNE MCCORMICK        Department telegrams (partial
//! APPROVED BY:NEA:ARAPHEL                                   records), above the addressees;
//! CLEARANCES:                                               clearances may follow APPROVED BY
//! NEA/RA:WCHAMBERLIN     S/CT:DLONG     NEA/AFN:RDANKERT    without a keyword
//!
//! (DRAFTED:POL:MBURROWS;CLEARED:POL:PHILBURN;               embassy telegrams, above the
//! ADCM:JGREENWALD; APPROVED:AMB:SEEIZENSTAT.)               signature
//!
//! 2.  (U) Drafted by: Michael Meigs.                        a paragraph of its own
//! ```

use memchr::memmem::Finder;
use std::ops::Range;
use std::sync::LazyLock;

/// A drafting block found in a text, as byte ranges of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Found {
    /// The whole block, from its first keyword (or opening parenthesis) to its last value.
    pub(crate) block: Range<usize>,
    pub(crate) drafted: Option<Range<usize>>,
    pub(crate) cleared: Vec<Range<usize>>,
    pub(crate) approved: Option<Range<usize>>,
}

/// At most this many lines in a block: clearance lists of the corpus take up to seven.
const MAX_LINES: usize = 16;

/// The words a drafting block starts with, as [`starts`] finds them.
pub(crate) const PATTERNS: [&str; 3] = ["DRAFTED", "Drafted", "drafted"];

/// The first drafting block of `text`.
pub(crate) fn find(text: &str) -> Option<Found> {
    find_from(text, starts(text.as_bytes()))
}

/// The first drafting block of `text` from the starts of [`PATTERNS`] in it, in text order
/// ([`starts`], or [`super::keywords::find`]'s).
pub(crate) fn find_from(text: &str, starts: impl IntoIterator<Item = usize>) -> Option<Found> {
    starts.into_iter().find_map(|at| block_at(text, at))
}

/// Where `DRAFTED`, `Drafted` or `drafted` start, left to right and not overlapping. Found as
/// `RAFTED` / `rafted` with memmem (whose rare-byte prefilter skips most of the text) and the
/// byte before checked: an automaton over the three words stopped at every `D` and `d`. (The
/// JSON writer, which asks every cable for its drafting block and its links, has them from
/// [`super::keywords::find`], whose one pass finds the links' words too.)
pub(crate) fn starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    static UPPER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"RAFTED"));
    static LOWER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"rafted"));
    let mut from = 0;
    std::iter::from_fn(move || {
        let upper = after_d(&UPPER, b, from, |d| d == b'D');
        let lower = after_d(&LOWER, b, from, |d| d == b'D' || d == b'd');
        let at = upper.into_iter().chain(lower).min()?;
        from = at + "DRAFTED".len();
        Some(at)
    })
}

/// The first match of `tail` (the word without its `D`) at or after `from + 1` whose byte before
/// passes `d`, as the index of that byte.
fn after_d(tail: &Finder<'_>, b: &[u8], from: usize, d: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = from + 1;
    loop {
        let k = i + tail.find(b.get(i..)?)?;
        if d(b[k - 1]) {
            return Some(k - 1);
        }
        i = k + 1;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Drafted,
    Cleared,
    Approved,
}

/// The keyword at the start of `s` (`DRAFTED BY:`, `Cleared:`, `CLEARANCES:`, `APPROVED BY:`,
/// any case, the colon required) and its length.
fn keyword(s: &str) -> Option<(Field, usize)> {
    const WORDS: [(&str, Field); 5] = [
        ("DRAFTED", Field::Drafted),
        ("CLEARANCES", Field::Cleared),
        ("CLEARANCE", Field::Cleared),
        ("CLEARED", Field::Cleared),
        ("APPROVED", Field::Approved),
    ];
    let (field, word) = WORDS.iter().find_map(|&(w, f)| {
        (s.len() >= w.len() && s.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())).then_some((f, w.len()))
    })?;
    let mut n = word;
    let rest = &s[n..];
    let by = rest.trim_start_matches(' ');
    if by.len() >= 2 && by.as_bytes()[..2].eq_ignore_ascii_case(b"BY") {
        n += rest.len() - by.len() + 2;
    }
    let colon = s[n..].trim_start_matches(' ');
    colon.starts_with(':').then(|| (field, s.len() - colon.len() + 1))
}

/// The block whose `DRAFTED` keyword starts at `at`: only when nothing but an opening
/// parenthesis, or a paragraph number and marking, stands before it on its line (prose such
/// as `REFTEL HAD BEEN DRAFTED PRIOR` is no block).
fn block_at(text: &str, at: usize) -> Option<Found> {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let before = text[line_start..at].trim();
    if !(before.is_empty() || before == "(" || is_number_and_marking(before)) {
        return None;
    }
    keyword(&text[at..])?;
    let open = before.ends_with('(');
    // `APPROVED:` and `CLEARED:` lines may come first (embassy trailers after the signature:
    // `APPROVED: AMB:JDCROUCH` / `DRAFTED: POL:RG; CP` / `CLEARED: DAO:RMCCLELLAN`).
    let mut at = at;
    let mut line_start = line_start;
    if before.is_empty() {
        for _ in 0..2 {
            // The line before ends at the `\n` before this one.
            let Some(prev_end) = line_start.checked_sub(1) else { break };
            let prev_start = text[..prev_end].rfind('\n').map_or(0, |n| n + 1);
            let prev = &text[prev_start..prev_end];
            let lead = prev.len() - prev.trim_start().len();
            match keyword(&prev[lead..]) {
                Some((Field::Approved | Field::Cleared, _)) => {
                    at = prev_start + lead;
                    line_start = prev_start;
                }
                _ => break,
            }
        }
    }
    let mut found = Found { block: at..at, ..Found::default() };
    let mut field = None;
    let mut line = at..text[at..].find('\n').map_or(text.len(), |n| at + n);
    for k in 0..MAX_LINES {
        let l = &text[line.clone()];
        if k > 0 && !continues(l, field) {
            break;
        }
        let closed = read_line(text, line.clone(), &mut field, &mut found);
        found.block.end = line.start + l.trim_end().len();
        if closed || line.end >= text.len() || (open && l.contains(')')) {
            break;
        }
        let next = line.end + 1;
        line = next..text[next..].find('\n').map_or(text.len(), |n| next + n);
    }
    found.drafted.is_some().then_some(found)
}

/// `2.`, `3. (U)`, `2.  (SBU)`: a paragraph number and maybe a portion marking.
fn is_number_and_marking(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = s[digits..].strip_prefix('.').filter(|_| (1..=3).contains(&digits)) else { return false };
    let rest = rest.trim_start();
    rest.is_empty()
        || (rest.starts_with('(')
            && rest.ends_with(')')
            && rest[1..rest.len() - 1].bytes().all(|b| b.is_ascii_uppercase() || b == b'/'))
}

/// Whether a line after the first one belongs to the block: it starts with a keyword, or it
/// is a list of offices and initials (`NEA/RA:WCHAMBERLIN     S/CT:DLONG`) after a clearance
/// or approval line. A blank line, a rule, `DESIRED DISTRIBUTION:`, a signature or a date-time
/// group ends the block.
fn continues(line: &str, field: Option<Field>) -> bool {
    let t = line.trim();
    if t.is_empty() || t.starts_with(['-', '=', '_']) {
        return false;
    }
    if keyword(t).is_some() {
        return true;
    }
    let upper = t.len() >= 2 && t.bytes().take(30).any(|b| b.is_ascii_uppercase());
    let listish = t.contains(':')
        && !t.contains(": ")
        && t.bytes().all(|b| !b.is_ascii_lowercase())
        && !t.starts_with("DESIRED DISTRIBUTION");
    matches!(field, Some(Field::Cleared | Field::Approved)) && upper && listish
}

/// Reads one line of the block into `found`; `field` is the field being read (continued from
/// the line before). Returns whether the block closed (`)` after a value).
fn read_line(text: &str, line: Range<usize>, field: &mut Option<Field>, found: &mut Found) -> bool {
    let l = &text[line.clone()];
    let mut at = 0;
    let mut closed = false;
    // A line after `APPROVED BY` without a keyword holds clearances.
    if keyword(l.trim_start()).is_none() && *field == Some(Field::Approved) {
        *field = Some(Field::Cleared);
    }
    while at < l.len() {
        let rest = &l[at..];
        let skip = rest.len() - rest.trim_start_matches([' ', ';', ',', '(']).len();
        at += skip;
        if at >= l.len() {
            break;
        }
        if let Some((f, n)) = keyword(&l[at..]) {
            *field = Some(f);
            at += n;
            continue;
        }
        // A value runs to the next keyword (`POL:MBURROWS;CLEARED:...`) or the line's end.
        let value_end = next_keyword(&l[at..]).map_or(l.len(), |n| at + n);
        let value = &l[at..value_end];
        let (value, close) = match value.find(')') {
            Some(p) if !value[..p].contains('(') => (&value[..p], true),
            _ => (value, false),
        };
        let start = line.start + at;
        match field {
            Some(Field::Drafted) if found.drafted.is_none() => {
                found.drafted = trimmed(value, start, &[" -- "]);
            }
            Some(Field::Approved) if found.approved.is_none() => {
                found.approved = trimmed(value, start, &[" -- "]);
            }
            Some(Field::Cleared) => {
                found.cleared.extend(split_clearances(value, start));
            }
            _ => {}
        }
        if close {
            closed = true;
            break;
        }
        at = value_end;
    }
    closed
}

/// Where the next keyword after a separator (`;`, `,`, two spaces) starts in `s`.
fn next_keyword(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (1..b.len()).find(|&i| matches!(b[i - 1], b';' | b',' | b' ') && keyword(&s[i..]).is_some())
}

/// `value` (starting at `start`) up to the first of `stops`, without trailing punctuation.
fn trimmed(value: &str, start: usize, stops: &[&str]) -> Option<Range<usize>> {
    let cut = stops.iter().filter_map(|s| value.find(s)).min().unwrap_or(value.len());
    let mut v = value[..cut].trim_end_matches([' ', '.', ';', ',']);
    // A closing parenthesis of the block, not of `(SUBS)`.
    if v.ends_with(')') && !v.contains('(') {
        v = v[..v.len() - 1].trim_end_matches([' ', '.', ';', ',']);
    }
    let lead = v.len() - v.trim_start().len();
    (v.len() > lead).then(|| start + lead..start + v.len())
}

/// Clearances: entries separated by `;` or `,`, or standing side by side
/// (`NEA/RA:WCHAMBERLIN     S/CT:DLONG`): within a piece between separators, a word with a
/// colon starts an entry and the words after it join it (`DS/TAD:SSTARUFFER WHITEHEAD`,
/// `EAP/EX:BFLAHERTY (SUBS)`, `P/E: DFABRYCKY`).
fn split_clearances(value: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut piece_start = 0;
    for piece in value.split([';', ',']) {
        let mut entry: Option<Range<usize>> = None;
        let mut at = piece_start;
        for word in piece.split([' ', '\t']) {
            if !word.is_empty() {
                let w = at..at + word.len();
                let starts_entry = word.contains(':') && !word.starts_with('(') && !word.ends_with(':');
                match &mut entry {
                    Some(e) if !starts_entry || value[e.clone()].ends_with(':') => e.end = w.end,
                    _ => {
                        if let Some(e) = entry.take() {
                            out.extend(trimmed(&value[e.clone()], start + e.start, &[]));
                        }
                        entry = Some(w);
                    }
                }
            }
            at += word.len() + 1;
        }
        if let Some(e) = entry {
            out.extend(trimmed(&value[e.clone()], start + e.start, &[]));
        }
        piece_start += piece.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, Vec<&str>, Option<&str>, &str)> {
        let f = find(text)?;
        let s = |r: &Range<usize>| &text[r.clone()];
        Some((
            f.drafted.as_ref().map(s).unwrap_or_default().to_owned(),
            f.cleared.iter().map(s).collect(),
            f.approved.as_ref().map(s),
            s(&f.block),
        ))
    }

    #[test]
    fn department_form() {
        // A partial record of a Department telegram (the real CSV, 1986).
        let text = "LIBYA. \n \nDRAFTED BY: NEA/RA:SAOKI:INR/TNA:SUZANNE MCCORMICK \nAPPROVED BY:NEA:ARAPHEL \n\
                    CLEARANCES: \nNEA/RA:WCHAMBERLIN     S/CT:DLONG     NEA/AFN:RDANKERT \n\
                    INR/TNA:MSTEINITZ      DS/TAD:SSTARUFFER WHITEHEAD \n \n \n";
        let (d, c, a, _) = read(text).unwrap();
        assert_eq!(d, "NEA/RA:SAOKI:INR/TNA:SUZANNE MCCORMICK");
        assert_eq!(a, Some("NEA:ARAPHEL"));
        assert_eq!(
            c,
            [
                "NEA/RA:WCHAMBERLIN",
                "S/CT:DLONG",
                "NEA/AFN:RDANKERT",
                "INR/TNA:MSTEINITZ",
                "DS/TAD:SSTARUFFER WHITEHEAD"
            ]
        );
        // Clearances right after APPROVED BY, and the drafter's date and telephone cut off (00STATE).
        let text = "SOURCE: DISKETTE.013542\nDRAFTED BY: HR/CDA/AO:SKRIX -- 12/01/00 EXT. 7-4213\n\
                    APPROVED BY: HR/CDA/AO:AMARWITZ\nEAP/EX:BFLAHERTY (SUBS) EUR/EX:LMDENT (SUBS)\n\
                    S/S-O:WBAIRD\nDESIRED DISTRIBUTION:\nEX ONLY\n";
        let (d, c, a, block) = read(text).unwrap();
        assert_eq!((d.as_str(), a), ("HR/CDA/AO:SKRIX", Some("HR/CDA/AO:AMARWITZ")));
        assert_eq!(c, ["EAP/EX:BFLAHERTY (SUBS)", "EUR/EX:LMDENT (SUBS)", "S/S-O:WBAIRD"]);
        let (_, c, _, _) =
            read("DRAFTED BY: X:Y\nAPPROVED BY: Z:W\nWHA/EX:PRHAYES  (SUBS) IO/EX:JABRAND  (SUBS)\n").unwrap();
        assert_eq!(c, ["WHA/EX:PRHAYES  (SUBS)", "IO/EX:JABRAND  (SUBS)"]);
        assert!(block.ends_with("S/S-O:WBAIRD"));
    }

    #[test]
    fn embassy_forms() {
        // Above the signature, in parentheses (94 Tel Aviv-era form).
        let text = "TIES \nCAN BE STRENGTHENED. \n \n(DRAFTED:POL:MBURROWS;CLEARED:POL:PHILBURN; \n\
                    ADCM:JGREENWALD; APPROVED:AMB:SEEIZENSTAT.) \n \nEIZENSTAT \n";
        let (d, c, a, block) = read(text).unwrap();
        assert_eq!((d.as_str(), a), ("POL:MBURROWS", Some("AMB:SEEIZENSTAT")));
        assert_eq!(c, ["POL:PHILBURN", "ADCM:JGREENWALD"]);
        assert!(block.starts_with("DRAFTED:") && block.ends_with("SEEIZENSTAT.)"));
        let (d, c, a, _) = read("future. \n \n \n(DRAFTED:POL:MVANAVERBEKE) \nSAMMIS \n").unwrap();
        assert_eq!((d.as_str(), c.len(), a), ("POL:MVANAVERBEKE", 0, None));
        // A paragraph of its own; the signature on the next line stays out.
        let (d, c, _, _) = read("(end text) \n \n2.  (U) Drafted by: Michael Meigs. \nKUBISKE \n").unwrap();
        assert_eq!((d.as_str(), c.len()), ("Michael Meigs", 0));
        let (d, _, _, _) = read("cash flows. \n(Drafted: PAS: Victoria Alvarado.) \nSHAPIRO \n").unwrap();
        assert_eq!(d, "PAS: Victoria Alvarado");
        // Mixed-case lines of the keywords (09 embassy cables).
        let text = "DRAFTED: P/E:MZEBLEY\nCLEARED: P/E: DFABRYCKY, P/E: RICE, DCM: MRATNEY\nAPPROVED: AMB:JLABARON\n";
        let (d, c, a, _) = read(text).unwrap();
        assert_eq!((d.as_str(), a), ("P/E:MZEBLEY", Some("AMB:JLABARON")));
        assert_eq!(c, ["P/E: DFABRYCKY", "P/E: RICE", "DCM: MRATNEY"]);
        // The approver's line before the drafter's (05BUCHAREST31); a drafter of two.
        let text =
            "GROWTH. \n \nCROUCH \n \nAPPROVED: AMB:JDCROUCH \nDRAFTED: POL:RG; CP \nCLEARED: DAO:RMCCLELLAN \n \n";
        let (d, c, a, block) = read(text).unwrap();
        assert_eq!((d.as_str(), a, c), ("POL:RG; CP", Some("AMB:JDCROUCH"), vec!["DAO:RMCCLELLAN"]));
        assert!(block.starts_with("APPROVED") && block.ends_with("RMCCLELLAN"));
    }

    #[test]
    fn prose_is_no_drafting_line() {
        assert!(find("REFTEL HAD BEEN DRAFTED PRIOR TO THE NEWS OF").is_none());
        assert!(find("SHARIA BILLS DRAFTED BY THE ISLAMIC RIGHT").is_none());
        assert!(find("Drafted in 1990, the law").is_none());
        assert!(find("").is_none());
    }
}
