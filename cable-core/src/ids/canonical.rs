//! Canonical cable ids: `07MOSCOW5434` from whatever form an id was published or cited in.

use super::stations::canonical_station;
use crate::model::ReferenceId;
use crate::scan;
use compact_str::CompactString;
use std::borrow::Cow;

/// The canonical form of a cable id: two-digit year, station, serial without leading zeros
/// (`07MOSCOW5434`); `None` when the text has no year, station or serial. See the
/// [module documentation](super) for every rule.
///
/// ```
/// use cable_core::ids::canonical_id;
/// assert_eq!(canonical_id("07MOSCOW5434").as_deref(), Some("07MOSCOW5434"));
/// assert_eq!(canonical_id("08ECTION01OF02MANAMA492").as_deref(), Some("08MANAMA492"));
/// assert_eq!(canonical_id("2007 SECSTATE 012345").as_deref(), Some("07STATE12345"));
/// assert_eq!(canonical_id("06MADRID002583ZFR2585").as_deref(), Some("06MADRID2583"));
/// assert_eq!(canonical_id("MOSCOW 5434"), None); // no year
/// ```
pub fn canonical_id(id: &str) -> Option<CompactString> {
    let parts = parse_id(id)?;
    parts.year?;
    Some(parts.text())
}

/// The parts of a cable id, repaired as [`canonical_id`] does, with the year optional (REF
/// items often give none: `STATE 12345`). The station is borrowed from the input or the
/// station table when it needs no cleaning.
///
/// ```
/// let r = cable_core::ids::parse_id("RIO DE JANEIRO 000138").unwrap();
/// assert_eq!((r.year, r.station.as_ref(), r.serial), (None, "RIODEJANEIRO", 138));
/// ```
pub fn parse_id(id: &str) -> Option<ReferenceId<'_>> {
    let mut runs = Runs::new(id).peekable();
    let first = runs.peek()?;
    // Rule 2: the year, two or four digits, or doubled.
    let year = if first.digits {
        let text = first.text;
        runs.next();
        match year_of(text) {
            Some(y) => Some(y),
            // The year glued to a section number whose `SECTION` was cut off
            // (`0901OF02RPODUBAI288`: 09, section 01 of 02).
            None if text.len() == 4 && runs.peek().is_some_and(|r| is_of(r.text)) => {
                runs.next();
                if runs.peek().is_some_and(|r| r.digits) {
                    runs.next();
                }
                Some(year_of(&text[..2])?)
            }
            None => return None,
        }
    } else {
        None
    };
    // Rule 3: section-marker remnants (`SECTION 01 OF 02`, `ECTION01OF02`, `SCTION`).
    let mut words: Vec<Run<'_>> = Vec::new();
    let mut serial = None;
    while let Some(run) = runs.next() {
        if run.digits {
            if words.last().is_some_and(|w| is_section_word(w.text)) {
                // `SECTION 01 OF 02`: skip the number, `OF` and the total.
                words.pop();
                if runs.peek().is_some_and(|r| is_of(r.text)) {
                    runs.next();
                    if runs.peek().is_some_and(|r| r.digits) {
                        runs.next();
                    }
                }
                continue;
            }
            if words.is_empty() {
                return None;
            }
            serial = Some(run);
            break;
        }
        words.push(run);
    }
    // Rule 6: whatever follows the serial (operating signals `ZFR2585`, `TOSEC140301`, PlusD
    // `_a`, `(NOTAL)`) is not part of the id.
    let serial = scan::parse_u32(serial?.text).filter(|&n| n > 0)?;
    let station = station_of(&words)?;
    Some(ReferenceId { year, station, serial })
}

/// Rule 2: `07` → 2007; `2007`, `1975` → the year; a doubled `7575` → 1975 (the CSV's
/// `7575LIBREVILLE1895`). Any other digit run before the station makes the id unreadable.
fn year_of(digits: &str) -> Option<i32> {
    let b = digits.as_bytes();
    match b.len() {
        2 => scan::parse_u32(digits).map(scan::expand_year),
        4 if matches!(&digits[..2], "19" | "20") => scan::parse_u32(digits).map(|y| y as i32),
        4 if b[..2] == b[2..] => scan::parse_u32(&digits[..2]).map(scan::expand_year),
        _ => None,
    }
}

/// `OF` of a section marker, or its remnant `O` (`SECTION01O02`).
fn is_of(w: &str) -> bool {
    matches!(w, "OF" | "O")
}

/// Rule 3: a word that is `SECTION` damaged by at most two letters (`ECTION`, `SCTION`,
/// `SECTIN`), as glued into published ids.
fn is_section_word(w: &str) -> bool {
    (4..=9).contains(&w.len()) && crate::scan::edit_distance_at_most(w, "SECTION", 2)
}

/// Rules 4 and 5: the station from its words. Words are joined without spaces and upper-cased;
/// leading words that are no part of a known station are dropped when the rest is one (label
/// remnants `B.HANOI`, offices `EMBASSY VIENNA`, captions `EFTO LONDON`); aliases and
/// misspellings become the table's station ([`canonical_station`]).
fn station_of<'a>(words: &[Run<'a>]) -> Option<Cow<'a, str>> {
    if words.is_empty() {
        return None;
    }
    let joined = |ws: &[Run<'a>]| -> Cow<'a, str> {
        if ws.len() == 1 { Cow::Borrowed(ws[0].text) } else { Cow::Owned(ws.iter().map(|w| w.text).collect()) }
    };
    let whole = joined(words);
    if super::stations::by_station(&upper(&whole)).is_none() {
        for skip in 1..words.len() {
            let rest = joined(&words[skip..]);
            if let Some(row) = super::stations::by_station(&upper(&rest)) {
                return Some(Cow::Borrowed(row.station()));
            }
        }
    }
    let station: Cow<'a, str> = match whole {
        Cow::Borrowed(s) => canonical_station(s),
        Cow::Owned(s) => Cow::Owned(canonical_station(&s).into_owned()),
    };
    // A station is at least two letters (`A 1234` is a label and a number).
    (station.len() >= 2).then_some(station)
}

fn upper(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_lowercase()) { Cow::Owned(s.to_ascii_uppercase()) } else { Cow::Borrowed(s) }
}

/// A maximal run of ASCII letters or of ASCII digits; anything else separates runs (rule 1:
/// spaces, hyphens, dots, slashes, apostrophes, underscores are dropped).
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    text: &'a str,
    digits: bool,
}

struct Runs<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Runs<'a> {
    fn new(s: &'a str) -> Self {
        Runs { s, at: 0 }
    }
}

impl<'a> Iterator for Runs<'a> {
    type Item = Run<'a>;
    fn next(&mut self) -> Option<Run<'a>> {
        let b = self.s.as_bytes();
        while self.at < b.len() && !b[self.at].is_ascii_alphanumeric() {
            self.at += 1;
        }
        if self.at >= b.len() {
            return None;
        }
        let start = self.at;
        let digits = b[start].is_ascii_digit();
        while self.at < b.len() && b[self.at].is_ascii_alphanumeric() && b[self.at].is_ascii_digit() == digits {
            self.at += 1;
        }
        Some(Run { text: &self.s[start..self.at], digits })
    }
}
