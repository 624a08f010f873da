//! Lines of the routing header that nothing else writes: the transmission id (`VZCZC…`), the
//! `DE` line, `ZNY`/`ZNR`, a date-time group with precedence, partial records' control lines
//! and the archive's document number line.

use super::dtg;
use crate::scan;

/// `VZCZCXRO9060`.
pub(crate) fn transmission_id(t: &str) -> Option<&str> {
    // (The prefix first: the id opens the line, and the word is cut out only for lines that can
    // be one, not for every header line asked.)
    if !t.starts_with("VZCZC") {
        return None;
    }
    let id = t.split(scan::is_space).next()?;
    ((8..=16).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(id)
}

/// `------------------A54E38  291401Z /38` (partial records), `--------------------- 053129`
/// (1970s), and the centred `CONFIDENTIAL     PTQ1859` line above a partial record's first page.
pub(crate) fn partial_control_line(t: &str) -> bool {
    if t.starts_with("-----") {
        let rest = t.trim_start_matches('-');
        return !rest.is_empty() && rest.bytes().any(|b| b.is_ascii_alphanumeric());
    }
    // The code ends the line: three upper-case letters and digits after them, three at least
    // (the code's six bytes or more). Other lines (most of those asked, header lines of every
    // kind: `RUEHC/SECSTATE WASHDC IMMEDIATE 5322`) end here, before the banner word's damaged
    // forms are looked for.
    let end = scan::trim_end_space(t).as_bytes();
    let digits = end.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let letters = end[..end.len() - digits].iter().rev().take(3).filter(|b| b.is_ascii_uppercase()).count();
    if digits < 3 || letters < 3 {
        return false;
    }
    if let Some(w) = crate::classification::banner_word(t) {
        let mut rest = scan::tokens(&t[w.len..]);
        return match (rest.next(), rest.next()) {
            (Some(code), None) => {
                code.len() >= 6 && code.bytes().take(3).all(|b| b.is_ascii_uppercase()) && scan::is_digits(&code[3..])
            }
            _ => false,
        };
    }
    false
}

/// The document number line of NARA's Access to Archival Databases copies:
/// `2000HOCHI00838 - UNCLASSIFIED` (four-digit year, station cut to six letters, serial).
pub(crate) fn is_aad_number_line(t: &str) -> bool {
    archive_number(t).is_some_and(|rest| crate::classification::banner_word(rest.trim()).is_some())
}

/// The year of an archive document number line (`2002HOCHI00719 - UNCLASSIFIED` → 2002).
pub(crate) fn archive_year(t: &str) -> Option<i32> {
    scan::parse_u32(t.get(..4)?).map(|y| y as i32).filter(|y| (1960..=2030).contains(y))
}

/// The archive's document number at the start of `t` (four-digit year, station cut short,
/// serial: `2000HOCHI00838`, `2002VATICA05546`) followed by ` - `: the text after it.
pub(crate) fn archive_number(t: &str) -> Option<&str> {
    // Four digits first: almost every line is rejected before the search for ` - `.
    if !t.as_bytes().get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let (id, rest) = t.split_once(" - ")?;
    let b = id.as_bytes();
    let letters = b.iter().skip(4).take_while(|c| c.is_ascii_uppercase()).count();
    (b.len() > 8 && letters > 0 && b.len() > 4 + letters && b[4 + letters..].iter().all(u8::is_ascii_digit))
        .then_some(rest)
}

/// True for a line that can only open or continue a routing header: `VZCZC…`, `DE RUEH… #`,
/// `ZNY …`/`ZNR …`, a date-time group with precedence.
pub(crate) fn is_strong_header_line(t: &str) -> bool {
    // Dispatch on the first byte: this runs on every line of the metadata block and the body.
    let dtg = || dtg::parse(t).is_some_and(|d| d.precedence.is_some());
    match t.as_bytes() {
        [b'V', ..] => transmission_id(t).is_some(),
        [b'D', b'E', b' ', ..] => t.starts_with("DE R") && t.contains('#'),
        [b'Z', b'N', b'Y' | b'R', b' ', ..] => true,
        // A precedence letter (`0` typed for `O` in old cables) and a space.
        [b'Z' | b'O' | b'P' | b'R' | b'Y' | b'0', b' ', ..] => dtg(),
        _ => false,
    }
}
