//! Addressee lines of `TO`, `INFO` and `XMT` lists (format lines 7–9):
//! `[RI/]PLAD [//office//] [precedence] [MCN]`.

use crate::model::Precedence;
use crate::scan;

/// The parts of one addressee line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Addressee<'a> {
    pub route: Option<&'a str>,
    pub name: &'a str,
    pub office: Option<&'a str>,
    pub precedence: Option<Precedence>,
    pub mcn: Option<&'a str>,
    /// The precedence word was misspelled (`PIORITY`).
    pub damaged: bool,
}

/// Parses an addressee (the line without its `TO `/`INFO ` keyword), e.g.
/// `RUEHC/SECSTATE WASHDC IMMEDIATE 5322`, `ZEN/AMEMBASSY BELMOPAN NIACT IMMEDIATE 2276-2279`,
/// `USCINCEUR VAIHINGEN GE//ECJ3/ECJ4/ECJ5//`, `SECSTATE WASHINGTON DC//PRIORITY7899`.
pub(crate) fn parse(text: &str) -> Addressee<'_> {
    let mut rest = scan::trim(text);
    // `ZEN/` is an operating signal (delivered by other means), not a routing indicator.
    if let Some(r) = rest.strip_prefix("ZEN/") {
        rest = r;
    }
    let mut route = None;
    if let Some(slash) = memchr::memchr(b'/', rest.as_bytes()) {
        let ri = &rest[..slash];
        if is_routing_indicator(ri) && !rest[slash + 1..].starts_with('/') {
            route = Some(ri);
            rest = scan::trim(&rest[slash + 1..]);
        }
    }
    let mut office = None;
    let mut tail = "";
    if let Some(i) = double_slash(rest) {
        let after = rest[i + 2..].trim_end_matches('/');
        rest = rest[..i].trim_end();
        // `//PRIORITY7899`: what follows the slashes is the precedence and MCN, not an office.
        if leading_precedence(after).is_some() {
            tail = after;
        } else {
            match double_slash(after) {
                Some(j) => {
                    office = Some(&after[..j]).filter(|o| !o.is_empty());
                    // `//CCJ2// PRIORITY`: the precedence may follow after a space.
                    tail = scan::trim(after[j + 2..].trim_matches('/'));
                }
                None => office = Some(after).filter(|o| !o.is_empty()),
            }
        }
    }
    let mut a = Addressee { route, name: rest, office, precedence: None, mcn: None, damaged: false };
    if !tail.is_empty() {
        read_precedence_and_mcn(tail, &mut a, true);
    } else {
        let name = read_precedence_and_mcn(rest, &mut a, false);
        a.name = name;
    }
    a
}

/// The offset of the first `//` in `s`. (Slashes found by `memchr`: the set-up of a substring
/// search cost more than the search itself, twice an addressee.)
fn double_slash(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b'/', b).find(|&i| b.get(i + 1) == Some(&b'/'))
}

/// Reads `[precedence] [mcn]` from the end of `s`; returns what is left of `s` before them.
/// With `whole`, `s` holds only those (the part after `//`), possibly glued (`PRIORITY7899`).
fn read_precedence_and_mcn<'a>(s: &'a str, a: &mut Addressee<'a>, whole: bool) -> &'a str {
    let mut s = s.trim_end();
    if whole {
        if let Some((p, len, damaged)) = leading_precedence(s) {
            a.precedence = Some(p);
            a.damaged = damaged;
            let mcn = scan::trim(&s[len..]);
            a.mcn = (!mcn.is_empty()).then_some(mcn);
        }
        return s;
    }
    // The last word is split off once, and again only when it was the MCN.
    let mut split = split_last_word(s);
    if let Some((before, last)) = split {
        if is_mcn(last) {
            a.mcn = Some(last);
            s = before.trim_end();
            split = split_last_word(s);
        } else if let Some((p, len, damaged)) = leading_precedence(last) {
            // Glued `PRIORITY7899`.
            if len < last.len() && is_mcn(&last[len..]) {
                a.precedence = Some(p);
                a.damaged = damaged;
                a.mcn = Some(&last[len..]);
                return before.trim_end();
            }
        }
    }
    if let Some((before, last)) = split {
        if let Some((p, damaged)) = precedence_word(last) {
            a.damaged = damaged;
            // `NIACT IMMEDIATE`
            if p == Precedence::Immediate {
                if let Some(b) = before.trim_end().strip_suffix("NIACT") {
                    if b.is_empty() || b.ends_with(scan::is_space) {
                        a.precedence = Some(Precedence::NiactImmediate);
                        return b.trim_end();
                    }
                }
            }
            a.precedence = Some(p);
            return before.trim_end();
        }
    }
    s
}

/// `s.rsplit_once(scan::is_space)`: `s` cut at its last space (ASCII whitespace or a no-break
/// space), found byte by byte from the end rather than by decoding characters.
fn split_last_word(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let mut j = b.len();
    while j > 0 {
        // (Both cuts are at an ASCII byte or around a whole no-break space: char boundaries.)
        if scan::is_ascii_ws(b[j - 1]) {
            return Some((&s[..j - 1], &s[j..]));
        }
        // (0xC2 is a lead byte: before 0xA0 it opens a no-break space.)
        if j >= 2 && b[j - 1] == 0xA0 && b[j - 2] == 0xC2 {
            return Some((&s[..j - 2], &s[j..]));
        }
        j -= 1;
    }
    None
}

/// A routing indicator: 4–8 upper-case letters starting with `R`.
pub(crate) fn is_routing_indicator(s: &str) -> bool {
    (4..=8).contains(&s.len()) && s.starts_with('R') && scan::is_upper_alpha(s)
}

/// A message continuity number: digits, or a range of them (`2276-2279`).
fn is_mcn(s: &str) -> bool {
    match s.split_once('-') {
        Some((a, b)) => scan::is_digits(a) && scan::is_digits(b),
        None => scan::is_digits(s) && s.len() <= 6,
    }
}

/// A precedence word, with `true` when it was misspelled.
fn precedence_word(s: &str) -> Option<(Precedence, bool)> {
    Some(match s {
        "FLASH" => (Precedence::Flash, false),
        "IMMEDIATE" => (Precedence::Immediate, false),
        "PRIORITY" => (Precedence::Priority, false),
        "ROUTINE" => (Precedence::Routine, false),
        "PIORITY" | "PRIORTY" | "PRIOIRTY" => (Precedence::Priority, true),
        "IMMEDAITE" | "IMMEDIAT" | "IMMEDITE" => (Precedence::Immediate, true),
        _ => return None,
    })
}

/// A precedence word at the start of `s`: the precedence, its length and whether it was damaged.
fn leading_precedence(s: &str) -> Option<(Precedence, usize, bool)> {
    let word_len = s.find(|c: char| !c.is_ascii_uppercase()).unwrap_or(s.len());
    let (p, damaged) = precedence_word(&s[..word_len])?;
    Some((p, word_len, damaged))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> (Option<&str>, &str, Option<&str>, Option<Precedence>, Option<&str>) {
        let a = parse(s);
        (a.route, a.name, a.office, a.precedence, a.mcn)
    }

    #[test]
    fn last_word_split_as_rsplit_once() {
        for s in ["SECSTATE WASHDC IMMEDIATE 5322", "WASHDC", "A\u{a0}B", "A \u{a0}B", "A\tB C", "", " "] {
            assert_eq!(split_last_word(s), s.rsplit_once(scan::is_space), "{s:?}");
        }
    }

    #[test]
    fn seed_addressees() {
        assert_eq!(
            parts("RUEHC/SECSTATE WASHDC IMMEDIATE 5322"),
            (Some("RUEHC"), "SECSTATE WASHDC", None, Some(Precedence::Immediate), Some("5322"))
        );
        assert_eq!(
            parts("RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY"),
            (Some("RUEHZL"), "EUROPEAN POLITICAL COLLECTIVE", None, Some(Precedence::Priority), None)
        );
    }

    #[test]
    fn corpus_forms() {
        assert_eq!(
            parts("ZEN/AMEMBASSY BELMOPAN NIACT IMMEDIATE 2276-2279"),
            (None, "AMEMBASSY BELMOPAN", None, Some(Precedence::NiactImmediate), Some("2276-2279"))
        );
        assert_eq!(
            parts("USCINCEUR VAIHINGEN GE//ECJ3/ECJ4/ECJ5//"),
            (None, "USCINCEUR VAIHINGEN GE", Some("ECJ3/ECJ4/ECJ5"), None, None)
        );
        assert_eq!(
            parts("SECSTATE WASHINGTON DC//PRIORITY7899"),
            (None, "SECSTATE WASHINGTON DC", None, Some(Precedence::Priority), Some("7899"))
        );
        assert_eq!(parts("AMEMBASSY TEL AVIV 0121"), (None, "AMEMBASSY TEL AVIV", None, None, Some("0121")));
        assert_eq!(parts("SECSTATE WASHDC 475"), (None, "SECSTATE WASHDC", None, None, Some("475")));
        assert_eq!(parts("RUEAIIA/CIA WASHDC"), (Some("RUEAIIA"), "CIA WASHDC", None, None, None));
        assert_eq!(parts("JOINT STAFF WASHDC//J-5/J-2//"), (None, "JOINT STAFF WASHDC", Some("J-5/J-2"), None, None));
        // 10BAGHDAD290: a precedence after the office.
        assert_eq!(
            parts("RUMICEA/USCENTCOM INTEL CEN MACDILL AFB FL//CCJ2// PRIORITY"),
            (Some("RUMICEA"), "USCENTCOM INTEL CEN MACDILL AFB FL", Some("CCJ2"), Some(Precedence::Priority), None)
        );
        let a = parse("AMEMBASSY BAKU PIORITY 1234");
        assert_eq!((a.precedence, a.damaged, a.name), (Some(Precedence::Priority), true, "AMEMBASSY BAKU"));
    }
}
