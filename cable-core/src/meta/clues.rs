//! What the lines around a metadata field say: a REF label or list line, a wrapped serial, a
//! release or declassification stamp, metadata ahead, prose after an upper-case subject.

use super::keywords;
use crate::lines::Line;
use crate::scan;
use crate::shape::banner;
use crate::shape::number::is_numbered_paragraph;
use crate::shape::routing::is_strong_header_line;

/// A line that starts with a REF item label (`B.`, `(C)`, `D)`, `¶E.`).
pub(super) fn ref_label_line(t: &str) -> bool {
    let t = t.trim_start_matches("[¶](#)").trim_start_matches('¶');
    let b = t.as_bytes();
    match b {
        [b'(', l, b')', ..] => l.is_ascii_alphabetic(),
        [l, b'.' | b')', rest @ ..] => l.is_ascii_alphabetic() && rest.first().is_none_or(|c| *c == b' '),
        _ => false,
    }
}

/// A continuation of a REF list without label: short, upper case, with a serial
/// (`STATE 23456`, `06 MOSCOW 1234 (NOTAL)`).
/// `01583, (D) Lagos 1678` after `(C) LAGOS`: a serial wrapped onto the next line, three digits
/// or more (paragraph numbers are shorter and end with a full stop).
pub(super) fn wrapped_serial(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits >= 3 && t.as_bytes().get(digits).is_none_or(|b| matches!(b, b',' | b';' | b' ' | b'\r'))
}

pub(super) fn ref_list_line(t: &str) -> bool {
    scan::tokens(t).count() <= 12
        && scan::tokens(t).any(|w| scan::is_digits(w.trim_end_matches([',', '.', ';', ')'])))
        && !t.bytes().any(|b| b.is_ascii_lowercase())
}

/// The first-release pages' human date line: `Wednesday, 29 November 2000, 13:59`.
pub(super) fn is_release_date_line(t: &str) -> bool {
    const DAYS: [&str; 7] = ["Monday,", "Tuesday,", "Wednesday,", "Thursday,", "Friday,", "Saturday,", "Sunday,"];
    DAYS.iter().any(|d| t.starts_with(d)) && t.len() < 48 && t.contains(':')
}

/// `Declassified/Released US Department of State EO Systematic Review 30 JUN 2005` and its
/// wrapped second line.
pub(super) fn is_declassification_stamp(t: &str) -> bool {
    scan::starts_with_ci(t, "Declassified/Released") || scan::starts_with_ci(t, "Systematic Review")
}

/// True when the next non-blank line (within two lines) opens a metadata field, or is a
/// numbered paragraph holding the `Classified By` line (`¶1. Classified by ...`).
pub(super) fn keyword_follows(lines: &[Line<'_>], from: usize) -> bool {
    lines.iter().skip(from).take(3).find(|l| !l.is_blank()).is_some_and(|l| {
        keywords::at_start(l.trimmed()).is_some() || keywords::classified_by_at_start(l.trimmed()).is_some()
    })
}

/// True when more of the metadata block comes within the next lines, before any numbered
/// paragraph: a metadata keyword (when none was seen yet), a full banner (when there is none
/// yet), or a routing header. Lines we do not know in between are kept as warnings instead of
/// starting the body.
pub(super) fn metadata_ahead(lines: &[Line<'_>], from: usize, want_banner: bool, want_keyword: bool) -> bool {
    for l in lines.iter().skip(from).take(40) {
        let t = l.trimmed();
        if is_numbered_paragraph(t) {
            return false;
        }
        if (want_keyword && keywords::at_start(t).is_some())
            || (want_banner && banner::parse(t).is_some_and(|b| b.serial.is_some()))
            || is_strong_header_line(t)
        {
            return true;
        }
    }
    false
}

/// True when the line ends in a REF label whose item is on the next line (`... D:`, `... E.`).
pub(super) fn ends_in_label(line: &str) -> bool {
    let b = line.trim_end().as_bytes();
    let n = b.len();
    n >= 2 && b[n - 2].is_ascii_uppercase() && matches!(b[n - 1], b':' | b'.' | b')') && (n == 2 || b[n - 3] == b' ')
}

/// True when `t` is sentence-case prose (most of its letters lower case) and the subject so far
/// is written in capitals: `SUBJECT: ... AT U.S.-EU SUMMIT` / `This is an Action request.` —
/// a subject in capitals never wraps into a line of prose.
pub(super) fn prose_after_upper_case(pieces: &[&str], t: &str) -> bool {
    // The line first: most lines asked are no prose (more capitals of the subject), and the
    // test ends there, without a count over the subject's pieces.
    let (mut t_lower, mut t_letters) = (0usize, 0usize);
    for b in t.bytes() {
        t_lower += b.is_ascii_lowercase() as usize;
        t_letters += b.is_ascii_alphabetic() as usize;
    }
    if t_lower * 2 <= t_letters {
        return false;
    }
    // A subject cut after a hyphen or comma goes on whatever the case (`(PC-` / `123) September`).
    if pieces.last().is_some_and(|p| p.trim_end().ends_with(['-', ','])) {
        return false;
    }
    let (mut upper, mut lower) = (0usize, 0usize);
    for p in pieces {
        for b in p.bytes() {
            upper += b.is_ascii_uppercase() as usize;
            lower += b.is_ascii_lowercase() as usize;
        }
    }
    let capitals = upper >= 8 && lower * 10 <= upper;
    capitals && t.split(' ').filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic())).count() >= 3
}

/// Cuts the sensitivity banner glued after a subject (`... ANOTHER CHILD Sensitive but` /
/// `unclassified`, `... SENSITIVE BUT UNCLASSIFIED`): it is the page's handling caveat, not
/// part of the subject. Pieces after it go too.
pub(super) fn cut_sbu_banner(pieces: &mut super::Pieces<'_>) {
    for i in 0..pieces.len() {
        let p = pieces[i];
        // Both forms open with `SENSITIVE` after a space: the candidates are found by a byte
        // search for its `V`, rare in a subject (its `S`, the letter first tried, is common),
        // eight bytes after the space; in the order of the text, so the first is found first.
        let found = memchr::memchr2_iter(b'V', b'v', p.as_bytes())
            .filter_map(|j| j.checked_sub(8))
            .filter(|&at| p.as_bytes()[at] == b' ')
            .find(|&at| {
                let rest = &p[at + 1..];
                rest.starts_with("Sensitive but") || scan::starts_with_ci(rest, "SENSITIVE BUT UNCLAS")
            });
        if let Some(at) = found {
            pieces[i] = p[..at].trim_end();
            pieces.truncate(i + 1);
            return;
        }
    }
}
