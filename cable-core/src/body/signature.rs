//! The end of a cable: the signer's name (`BURNS`, `KEEGAN PAAL`, `Stapleton`), and the trailer
//! lines that may follow it (`NNNN`, a classification footer, `Declassified/Released US
//! Department of State EO Systematic Review ...`, `GP-3`, HTML debris).

use crate::scan;
use crate::shape::pagebreak;

/// A trailer line: transmission end signals, classification footers, declassification stamps,
/// classification group marks, HTML debris and page markers.
pub(crate) fn is_trailer_line(t: &str) -> bool {
    let t = scan::trim(t);
    let Some(&first) = t.as_bytes().first() else { return false };
    // (Each prefix test behind its first byte, in either case: the lines asked are mostly the
    // text's last lines and signatures, which open with none of them, and each test read them.)
    let first = first.to_ascii_uppercase();
    // (`.` alone: a stray full stop after the signature.)
    // (`MINIMIZE CONSIDERED` alone: the handling line above the signature, 04BRUSSELS3057;
    // with a full stop in 03STATE72951.)
    matches!(
        t,
        "NNNN" | "BT" | ">" | "<" | "#" | "." | "End Cable Text" | "END CABLE TEXT" | "MINIMIZE CONSIDERED" | "MINIMIZE CONSIDERED."
    )
        || (first == b'<' && (t.ends_with('>') && !t.contains(' ') || t.starts_with("</")))
        || (first == b'#' && is_ssn_line(t))
        || (first == b'G' && is_group_mark(t))
        || pagebreak::is_lone_classification(t)
        || pagebreak::is_page_marker(t)
        || (first == b'D' && scan::starts_with_ci(t, "Declassified/Released"))
        || (first == b'S' && scan::starts_with_ci(t, "Systematic Review"))
        || declassified_stamp(t.as_bytes())
        // (The next three behind the first byte each opens with: each was a call for every line.)
        || (first.is_ascii_digit() && is_archive_number_line(t))
        || ((first == b'T' || first == b'I') && is_print_stamp(t))
        // An empty last page: its banner (`PAGE 03 ZAGREB 00558 02 OF 02 141320Z`, 92ZAGREB558).
        || (first == b'P' && pagebreak::page_banner_len(t).is_some_and(|n| n == t.len()))
        // 01HOCHIMINHCITY260.
        || (first == b'N' && scan::starts_with_ci(t, "NOTE: NOT PASSED TO "))
        // The post's website footer (`"Visit Ankara's Classified Web Site at http://www.intelink.s`
        // / `gov.gov/wiki/Portal:Turkey"`, 09ANKARA1472).
        || is_website_footer(t)
        // The archive's version stamp after the document number (`v1.6.2`).
        || (first == b'V' && is_version_stamp(t))
}

/// Whether `t` holds the archive's stamp `Declassified/Released US Department of State`
/// anywhere. (A searcher built once: `str::contains` set one up for each line, and this is asked
/// of the lines above every signature.)
fn declassified_stamp(t: &[u8]) -> bool {
    const STAMP_TEXT: &str = "Declassified/Released US Department of State";
    // (A shorter line, most of those asked, holds none: no call of the searcher.)
    if t.len() < STAMP_TEXT.len() {
        return false;
    }
    static STAMP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(STAMP_TEXT));
    STAMP.find(t).is_some()
}

/// A line of the post's website footer: it starts with the invitation (a line that ends the
/// text and then invites, `... in Europe. Visit London's Classified Website: ...`, is text), or
/// is the address wrapped onto a line of its own.
///
/// The whole block, as posts framed it between the text and the signature (07KUWAIT808,
/// 05TELAVIV1593): a rule of asterisks, `For more reporting from Embassy Kuwait, visit:`,
/// `Visit Embassy Tel Aviv's Classified Website:`, the address (`http://www.state.sgov.gov/p/nea/
/// kuwait/?cable s`, broken by the archive's wrapping), `You can also access this site through
/// the State Department's` / `Classified SIPRNET website.`, the closing rule.
pub(crate) fn is_website_footer(t: &str) -> bool {
    // (After the opening rule of asterisks when the lines were joined, 05TELAVIV1580.)
    // (By bytes: the three are ASCII, and the character pattern decoded each line's first
    // character.)
    let invitation = &t[t.bytes().take_while(|b| matches!(b, b'"' | b'*' | b' ')).count()..];
    // (Each opening behind its first byte: most lines asked open with none of them.)
    let invites = match invitation.as_bytes().first().map(u8::to_ascii_uppercase) {
        Some(b'V') => scan::starts_with_ci(invitation, "Visit "),
        Some(b'P') => scan::starts_with_ci(invitation, "Please visit "),
        Some(b'F') => scan::starts_with_ci(invitation, "For more reporting from "),
        _ => false,
    };
    let first = t.as_bytes().first().map(u8::to_ascii_uppercase);
    (invites
        && (scan::find_ci(t, "Classified Web").is_some() || scan::ends_with_ci(t, "visit:"))
        // (`... index.c fm STAPLETON`, 06PARIS7755: the signature glued to it.)
        && glued_signature(t).is_none())
        // (The length first, then a space among the first eight bytes, then in the rest: most
        // lines asked are short names without a space, or open with a short word, and the
        // substring search had set up its searcher for each name, the byte search for each line.)
        || (t.len() >= WIKI_PORTAL.len()
            && !has_space_in_head(t.as_bytes())
            && !t.as_bytes().contains(&b' ')
            && t.contains(WIKI_PORTAL))
        || (first == Some(b'H') && is_classified_address(t))
        || (first == Some(b'Y') && scan::starts_with_ci(t, "You can also access this site through"))
        // (The length first: the search costs more than the test, and most lines are longer,
        // or shorter than the words.)
        || ((26..60).contains(&t.len()) && scan::find_ci(t, "Classified SIPRNET website").is_some())
        || (t.len() >= 10 && t.bytes().all(|b| b == b'*' || b == b' '))
}

/// The intelink wiki's path to a post's page, the address's second half wrapped onto a line of
/// its own (`gov.gov/wiki/Portal:Turkey"`).
const WIKI_PORTAL: &str = "/wiki/Portal:";

/// Whether one of the first eight bytes of `b` is a space: one word's test for a zero byte after
/// the spaces were turned into zeros (a shorter `b` is searched whole).
fn has_space_in_head(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let Some(head) = b.first_chunk::<8>() else { return b.contains(&b' ') };
    let x = u64::from_le_bytes(*head) ^ u64::from_le_bytes([b' '; 8]);
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// The address of a post's page on the State Department's classified network, alone on its
/// line (`http://www.state.sgov.gov/p/eur/paris/index.c fm`; the intelink wiki).
fn is_classified_address(t: &str) -> bool {
    // (In capitals too: `HTTP://WWW.STATE.SGOV.GOV/P/EUR/PARIS/INDEX.C FM`, 07PARIS2440.)
    let Some(rest) = scan::strip_prefix_ci(t, "http://").or_else(|| scan::strip_prefix_ci(t, "https://")) else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or_default();
    scan::ends_with_ci(host, ".sgov.gov") || scan::starts_with_ci(host, "www.intelink.")
}

/// Where the post's website footer starts inside a line of text whose lines were joined
/// (`... filled the room with gleeful laughter. Please visit Paris' Classified Website at:
/// http://...`, 06PARIS5975): after a sentence's end, the invitation to the end of the line.
pub(crate) fn glued_website_footer(line: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = scan::find_ci(&line[from..], "visit ").map(|n| from + n) {
        from = at + 1;
        let mut start = at;
        if scan::ends_with_ci(&line[..start], "please ") {
            start -= "please ".len();
        }
        let before = line[..start].trim_end_matches([' ', '*']);
        if !before.is_empty()
            && before.ends_with(['.', '!', '?', '"', ')', '\u{201d}'])
            && is_website_footer(&line[start..])
        {
            // (From the text's end: a rule of asterisks that opened the footer goes with it.)
            return Some(before.len());
        }
    }
    None
}

/// `v1.6.2`.
fn is_version_stamp(t: &str) -> bool {
    t.strip_prefix('v').is_some_and(|v| {
        v.contains('.') && v.split('.').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The print stamp of the newspaper site some pages were saved from
/// (`Track impresión: asegovia @ Sat Dec 4 19:20:36 2010. Este documento es propiedad de EL PAÍS`,
/// `ID: 187536`).
fn is_print_stamp(t: &str) -> bool {
    t.starts_with("Track impresi") || t.strip_prefix("ID:").is_some_and(|r| scan::is_digits(scan::trim(r)))
}

/// The archive's document number line: `2002VATICA05546 - Classification: UNCLASSIFIED`, or
/// NARA's `2000HOCHI00838 - UNCLASSIFIED` ([`crate::header::is_aad_number_line`]).
fn is_archive_number_line(t: &str) -> bool {
    crate::shape::routing::archive_number(t)
        .is_some_and(|rest| rest.len() < 60 || crate::classification::banner_word(rest.trim()).is_some())
}

/// `#5434` (the station serial repeated at the end of a transmission).
fn is_ssn_line(t: &str) -> bool {
    t.strip_prefix('#').is_some_and(scan::is_digits)
}

/// `GP-3`, `GP-1`: the classification group (downgrading schedule) of 1960s–70s telegrams.
fn is_group_mark(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    t.strip_prefix("GP-").or_else(|| t.strip_prefix("GP ")).is_some_and(|n| scan::is_digits(n) && n.len() == 1)
}

/// True when `t` (trimmed) looks like a signature line: one to four names, each starting with
/// an upper-case letter, no sentence punctuation at the end (`BURNS`, `KEEGAN PAAL`,
/// `Stapleton`, `KUBISKE KUBISKE`, `SOBEL 2008-01-08`).
pub(crate) fn is_signature_line(t: &str) -> bool {
    let t = scan::trim(t);
    // (The last byte, not the last character: the marks are ASCII.)
    if t.is_empty()
        || t.len() > 48
        || matches!(t.as_bytes()[t.len() - 1], b'.' | b':' | b';' | b'?' | b'!' | b',' | b')')
    {
        return false;
    }
    let mut names = 0;
    let mut words = 0;
    for w in scan::tokens(t) {
        words += 1;
        if words > 5 {
            return false;
        }
        if is_date_token(w) {
            continue;
        }
        // (A word that is no name fails the line here, in the one pass over its words.)
        if is_not_name(w) {
            return false;
        }
        let w = &w[..w.len() - w.bytes().rev().take_while(|b| matches!(b, b',' | b'/')).count()];
        if !is_name_word(w) {
            return false;
        }
        names += 1;
    }
    names > 0 && !pagebreak::is_lone_classification(t) && !is_common_closing(t)
}

/// A word of a signature: an upper-case letter, then letters, initials' full stops (`J.`),
/// apostrophes or hyphens (`O'BRIEN`, `ABU-ZEID`).
fn is_name_word(w: &str) -> bool {
    let b = w.as_bytes();
    // (Bytes first: almost every name is ASCII, and the character tests decoded each letter.)
    if b.iter().all(|&c| c.is_ascii_alphabetic() || matches!(c, b'.' | b'\'' | b'-')) {
        return b.first().is_some_and(u8::is_ascii_uppercase);
    }
    !w.is_ascii()
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '\u{2019}'))
}

/// A word of closing lines that is not a name (`MISSING CLASSIFIED PARAGRAPH`), in any case.
/// (Upper-cased once into a buffer and matched, where each of the 18 words was compared with
/// every word of the line.)
fn is_not_name(w: &str) -> bool {
    const LONGEST: usize = "CLASSIFIED".len();
    let b = w.as_bytes();
    if !(2..=LONGEST).contains(&b.len()) {
        return false;
    }
    let mut up = [0u8; LONGEST];
    for (u, c) in up.iter_mut().zip(b) {
        *u = c.to_ascii_uppercase();
    }
    matches!(
        &up[..b.len()],
        b"CLASSIFIED"
            | b"PARAGRAPH"
            | b"PARAGRAPHS"
            | b"TEXT"
            | b"SECTION"
            | b"MESSAGE"
            | b"CABLE"
            | b"CONSIDERED"
            | b"MINIMIZE"
            | b"END"
            | b"SIPDIS"
            | b"NOFORN"
            | b"PAGE"
            | b"THE"
            | b"OF"
            | b"AND"
            | b"FOR"
            | b"TO"
    )
}

/// Lines that end a cable but are not names.
fn is_common_closing(t: &str) -> bool {
    ["END CABLE TEXT", "MINIMIZE CONSIDERED", "SIPDIS", "NOFORN", "UNCLASSIFIED", "END"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
        || scan::starts_with_ci(t, "END ")
}

/// `2008-01-08`, `01/08/2008`: a date written after a signature.
fn is_date_token(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
}

/// An ISO date ending the line after a space (`... DANILOVICH 2005-05-06`, 05BRASILIA1207: the
/// date some retypes stamp after the signature): where it starts.
pub(crate) fn trailing_iso_date(line: &str) -> Option<usize> {
    let line = line.trim_end();
    let (head, date) = line.rsplit_once(' ')?;
    let b = date.as_bytes();
    let iso = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    (iso && !head.trim_end().is_empty()).then_some(line.len() - date.len())
}

/// A signature glued to the end of the last line of text by a retype that lost the line
/// breaks: `... integrated into Europe. Edelman`, `... Minimize considered. SHANNON`. Returns
/// the byte offset of the name in `line` (trimmed at the end).
pub(crate) fn glued_signature(line: &str) -> Option<usize> {
    // The name repeated (`... NECESSARY AT THIS TIME. ORDWAY ORDWAY`, 03YEREVAN2883): look at
    // the line without the repeats. A loop, not a call per repeat: a line of 100,000 repeated
    // words must not take 100,000 stack frames.
    let mut line = line.trim_end();
    while let Some((head, last)) = line.rsplit_once(' ') {
        match head.rsplit_once(' ') {
            Some((_, previous)) if previous == last => line = head.trim_end(),
            _ => break,
        }
    }
    // After a full stop, also inside a closing quote or parenthesis (`... PEOPLE OF FRANCE."
    // WOLFF`, 04PARIS8990), or after the post's website address (`Visit London's Classified
    // Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom TUTTLE`, 08LONDON1176).
    let space = line.rfind(' ')?;
    let before = line[..space].trim_end().trim_end_matches(['"', ')', '\u{201d}', '\'']);
    let after_website = line[..space]
        .rfind("Website")
        .is_some_and(|w| line[w..space].contains("http") && !line[w..space].contains(". "));
    if !before.ends_with('.') && !after_website {
        return None;
    }
    let at = space + 1;
    let name = line[at..].trim_start();
    let start = line.len() - name.len();
    // A full stop after the name (`... ARE APT TO BE OVERTURNED. MCNAMARA.`, 88BOGOTA19003).
    let name = name.strip_suffix('.').unwrap_or(name);
    let upper = name.len() >= 3 && name.bytes().all(|b| b.is_ascii_uppercase());
    let title = name.len() >= 3
        && name.as_bytes()[0].is_ascii_uppercase()
        && name.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && !STOP_WORDS.contains(&name);
    ((upper || title) && !pagebreak::is_lone_classification(name)).then_some(start)
}

/// Capitalised words that end a cut-off sentence rather than sign a cable.
const STOP_WORDS: &[&str] = &[
    "The", "This", "That", "These", "They", "There", "Then", "And", "But", "For", "With", "From", "Our", "His", "Her",
    "Its", "She", "Post", "Embassy", "Comment", "Summary", "Note", "End", "See", "Ref", "Reftel", "Septel",
];

/// Splits a signature into signers: several surnames on one line (`KEEGAN PAAL`,
/// `FORDEN.  PAAL`) are several signers; a name in title case with initials (`David J.
/// Hazarian`) is one; particles and suffixes stay with their name (`LA LIME`, `DEL VECCHIO`,
/// `TIMKEN JR`). Repeats and dates are dropped.
pub(crate) fn signers(sig: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let all_upper = !sig.bytes().any(|b| b.is_ascii_lowercase());
    let separator = |c: char| matches!(c, '/' | ',' | ';') || (all_upper && (c == ' ' || c == '\t'));
    // (start, end) of the name being built, in `sig`.
    let mut open: Option<(usize, usize)> = None;
    let mut joins_next = false;
    let base = sig.as_ptr() as usize;
    for p in sig.split(separator) {
        let p = scan::trim(p).trim_end_matches('.');
        if p.is_empty() || is_date_token(p) {
            continue;
        }
        let (s, e) = (p.as_ptr() as usize - base, p.as_ptr() as usize - base + p.len());
        let upper = p.to_ascii_uppercase();
        if ROLES.contains(&upper.as_str()) {
            continue;
        }
        // A lone letter is an initial, never a signer of its own (`JOHN F KENNEDY`, and the
        // garbled `E I NI K` of 92ZAGREB557 stays one name).
        let initial = all_upper && p.len() == 1;
        let suffix = all_upper && (initial || matches!(upper.as_str(), "JR" | "SR" | "II" | "III" | "IV"));
        match open {
            Some((os, _)) if joins_next || suffix => open = Some((os, e)),
            Some((os, oe)) => {
                push_name(&mut out, &sig[os..oe]);
                open = Some((s, e));
            }
            None => open = Some((s, e)),
        }
        joins_next = all_upper && (initial || PARTICLES.contains(&upper.as_str()));
    }
    if let Some((os, oe)) = open {
        push_name(&mut out, &sig[os..oe]);
    }
    out
}

/// Words that join the surname after them (`LA LIME`, `DEL VECCHIO`, `VAN VOORST`).
const PARTICLES: &[&str] =
    &["LA", "LE", "DE", "DEL", "DELLA", "DA", "DI", "DU", "DOS", "VAN", "VON", "ST", "MAC", "MC"];

/// Words of a signature that name a role, not a person (`JGREGOIRE, ACTING`).
const ROLES: &[&str] = &["ACTING", "CHARGE", "AMBASSADOR", "AMB", "DCM", "CDA", "SECSTATE"];

fn push_name<'a>(out: &mut Vec<&'a str>, name: &'a str) {
    let name = name.trim_end_matches(['.', ' ']);
    if !name.is_empty() && !out.contains(&name) {
        out.push(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_lines() {
        for s in [
            "BURNS",
            "KEEGAN PAAL",
            "Stapleton",
            "KUBISKE KUBISKE",
            "SOBEL 2008-01-08",
            "O'BRIEN",
            "LeBaron",
            "O\u{2019}BRIEN",
            "Ögren J",
            "ÖGREN/ SMITH",
        ] {
            assert!(is_signature_line(s), "{s}");
        }
        for s in [
            "End Cable Text",
            "CONFIDENTIAL",
            "the end",
            "FALKLAND ISLANDS.",
            "Comment:",
            "GP-3 x y z w v",
            "MISSING Classified PARAGRAPH",
            "SMITH Of",
            "SMITH ögren",
            "SMITH O\u{2019}BRIEN\u{2019}S?",
            "SMITH 1A",
            "SMITH ,",
        ] {
            assert!(!is_signature_line(s), "{s}");
        }
    }

    #[test]
    fn space_in_head() {
        for (s, space) in [("ABCDEFGH", false), ("ABCDEFG ", true), (" BCDEFGH", true), ("ABC DEFGHIJK", true)] {
            assert_eq!(has_space_in_head(s.as_bytes()), space, "{s}");
        }
        assert!(!has_space_in_head("ABCDEFGH IJ".as_bytes()));
        assert!(!has_space_in_head("\u{a0}\u{a0}\u{a0}\u{a0}".as_bytes()));
        assert!(is_website_footer("gov.gov/wiki/Portal:Turkey\""));
        assert!(!is_website_footer("gov.gov /wiki/Portal:Turkey"));
    }

    #[test]
    fn trailer_lines() {
        for s in ["NNNN", "GP-3", " CONFIDENTIAL", "</table>", "</td></tr>", "#5434", ">", "End Cable Text"] {
            assert!(is_trailer_line(s), "{s}");
        }
        assert!(is_trailer_line("Declassified/Released US Department of State EO Systematic Review 30 JUN 2005"));
        assert!(is_trailer_line("2002VATICA05546 - Classification: UNCLASSIFIED"));
        assert!(is_trailer_line("ID:\t187536"));
        assert!(!is_trailer_line("BURNS"));
        assert!(!is_trailer_line("MOSCOW"));
        assert!(is_trailer_line("PAGE 03        ZAGREB  00558  02 OF 02  141320Z"));
        assert!(is_trailer_line("NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)"));
        assert!(is_trailer_line("v1.6.2"));
        assert!(is_trailer_line("\"Visit Ankara's Classified Web Site at http://www.intelink.s"));
        assert!(is_trailer_line("gov.gov/wiki/Portal:Turkey\""));
        assert!(!is_trailer_line(
            "of Europe. Visit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom TUTTLE"
        ));
        assert!(!is_trailer_line("v. the United States"));
    }

    #[test]
    fn glued_signatures() {
        let l = "integrated into Europe. Edelman";
        assert_eq!(&l[glued_signature(l).unwrap()..], "Edelman");
        let l = "(U) Minimize considered. SHANNON";
        assert_eq!(&l[glued_signature(l).unwrap()..], "SHANNON");
        assert_eq!(glued_signature("it is difficult to"), None);
        assert_eq!(glued_signature("He said so. The"), None);
        assert_eq!(glued_signature("He said so. Then he left"), None);
        let l = "REFORMS AND THE PEOPLE OF FRANCE.\" WOLFF";
        assert_eq!(&l[glued_signature(l).unwrap()..], "WOLFF");
        let l =
            "Visit London\u{2019}s Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom TUTTLE";
        assert_eq!(&l[glued_signature(l).unwrap()..], "TUTTLE");
        assert_eq!(glued_signature("Portal:Unit ed_Kingdom"), None);
        // 10MOSCOW228: two spaces after the full stop.
        let l = "are not adversely affected.  END COMMENT.  Beyrle";
        assert_eq!(&l[glued_signature(l).unwrap()..], "Beyrle");
        // 88BOGOTA19003, 03YEREVAN2883.
        let l = "FOR SOME MURDER TRIALS, ARE APT TO BE OVERTURNED. MCNAMARA.";
        assert_eq!(&l[glued_signature(l).unwrap()..], "MCNAMARA.");
        assert_eq!(signers("MCNAMARA."), ["MCNAMARA"]);
        let l = "rm of the military was necessary at this time. ORDWAY ORDWAY";
        assert_eq!(&l[glued_signature(l).unwrap()..], "ORDWAY ORDWAY");
        assert_eq!(signers("ORDWAY ORDWAY"), ["ORDWAY"]);
        assert_eq!(glued_signature("He said so. Then then"), None);
    }

    #[test]
    fn signer_lists() {
        assert_eq!(signers("BURNS"), ["BURNS"]);
        assert_eq!(signers("KEEGAN PAAL"), ["KEEGAN", "PAAL"]);
        assert_eq!(signers("KUBISKE KUBISKE"), ["KUBISKE"]);
        assert_eq!(signers("SOBEL 2008-01-08"), ["SOBEL"]);
        assert_eq!(signers("David J. Hazarian"), ["David J. Hazarian"]);
        assert_eq!(signers("RICE/CLINTON"), ["RICE", "CLINTON"]);
        assert_eq!(signers("FORDEN.  PAAL"), ["FORDEN", "PAAL"]);
        assert_eq!(signers("TIMKEN JR"), ["TIMKEN JR"]);
        assert_eq!(signers("LA LIME"), ["LA LIME"]);
        assert_eq!(signers("DEL VECCHIO"), ["DEL VECCHIO"]);
        // 92ZAGREB557 and 03LAGOS2149.
        assert_eq!(signers("E I NI K"), ["E I NI K"]);
        assert_eq!(signers("JGREGOIRE, ACTING"), ["JGREGOIRE"]);
        assert_eq!(signers("JOHN F KENNEDY"), ["JOHN F KENNEDY"]);
    }
}
