//! The `Classified By:` line: who classified the cable and for which reasons.

use crate::scan;

/// Words of titles, offices and roles that surround a classifier's name
/// (`Ambassador`, `Charge d'Affaires, a.i.`, `DCM`, `PolCouns`, `ISN/MTR DIRECTOR`).
const ROLE_WORDS: &[&str] = &[
    "A.I.",
    "A.I",
    "ACTING",
    "ADMIN",
    "ADVISOR",
    "AFFAIRES",
    "AIT",
    "AMB",
    "AMB.",
    "AMBASSADOR",
    "ASSISTANT",
    "ATTACHE",
    "BUREAU",
    "CDA",
    "CG",
    "CHARGE",
    "CHARGE'",
    "CHIEF",
    "COM",
    "COMMERCIAL",
    "CONS",
    "CONSUL",
    "CONSULAR",
    "COORDINATOR",
    "COUNS",
    "COUNSELLOR",
    "COUNSELOR",
    "D'AFFAIRES",
    "D’AFFAIRES",
    "DAS",
    "DCM",
    "DEPUTY",
    "DIRECTOR",
    "DOS",
    "DR.",
    "ECON",
    "ECONCOUNS",
    "ECONOFF",
    "ECONOMIC",
    "EMBASSY",
    "ENVIRONMENT",
    "EST",
    "EUR",
    "EXEC",
    "GENERAL",
    "HEAD",
    "INTERIM",
    "LEGAL",
    "MANAGEMENT",
    "MINISTER",
    "MINISTER-COUNSELOR",
    "MISSION",
    "MR.",
    "MRS.",
    "MS.",
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
    "PUBLIC",
    "REGIONAL",
    "RSO",
    "SECRETARY",
    "SECTION",
    "SENIOR",
    "SPECIAL",
    "THE",
    "UNDER",
    "USEU",
    "USNATO",
    "USUN",
    "AND",
    "CHARGÉ",
];

/// Person names in the part of a `Classified By` line before its reasons, with role words
/// removed: `Ambassador William J. Burns: Reasons 1.4 (b/d).` → `William J. Burns`;
/// `Julieta Valls Noyes, DCM.` → `Julieta Valls Noyes`.
pub(crate) fn names(text: &str) -> Vec<&str> {
    let head = &text[..reason_start(text)];
    let mut names = Vec::new();
    let chunks: Vec<&str> = head.split([',', ';', ':']).collect();
    for (n, chunk) in chunks.iter().enumerate() {
        let toks: Vec<&str> = scan::tokens(chunk).collect();
        // The name ends where an office description starts (`Counselor for Nuclear Policy`).
        let end = toks
            .iter()
            .position(|t| t.eq_ignore_ascii_case("for") || t.eq_ignore_ascii_case("based"))
            .unwrap_or(toks.len());
        let toks = &toks[..end];
        let lead = toks.iter().take_while(|t| is_role(t)).count();
        let mut rest = &toks[lead..];
        while let Some(last) = rest.last() {
            if is_role(last) {
                rest = &rest[..rest.len() - 1]
            } else {
                break;
            }
        }
        if rest.is_empty() || rest.len() > 5 || !rest.iter().all(|t| is_name_token(t)) {
            continue;
        }
        // A lone word is a name only after a title (`Ambassador Ordway`) or first in the line
        // (`CAULFIELD, CDA, DOS`).
        if rest.len() == 1 && lead == 0 && n > 0 {
            continue;
        }
        let first = rest[0];
        let last = rest[rest.len() - 1];
        let start = first.as_ptr() as usize - text.as_ptr() as usize;
        let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
        let name = text[start..end].trim_end_matches(['.', ',']);
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn is_role(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', '.']);
    tok.contains('/') || ROLE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(tok) || w.eq_ignore_ascii_case(t))
}

/// A word of a person's name: capitalised (`Burns`, `MCDONALD`, `McDonald`), an initial (`J.`,
/// `W`), or a particle (`de`, `van`, `al-`).
fn is_name_token(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', '.']);
    let first = t.chars().next();
    if matches!(t, "de" | "van" | "von" | "da" | "del" | "la" | "der" | "bin" | "di" | "du" | "le") {
        return true;
    }
    first.is_some_and(|c| c.is_uppercase())
        && t.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// Offset where the reasons part begins (`for reasons`, `Reason:`, `1.4`, `E.O.`), or the end.
fn reason_start(text: &str) -> usize {
    let mut cut = text.len();
    for marker in ["REASON", "1.4", "1.5", "1.6", "E.O.", "E.O 1", "EO 1"] {
        if let Some(i) = scan::find_ci(text, marker) {
            cut = cut.min(i);
        }
    }
    cut
}

/// Classification reasons, normalised as `1.4(b)`: from `1.4 (b/d)`, `1.4(b), (d)`,
/// `1.4 (B) and (D)`, `1.5 (B & D)`, `1.4 b and d`, `1.4(C).`.
pub(crate) fn reasons(text: &str) -> Vec<String> {
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
        let section = &text[i..i + 3];
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
            if word.len() == 1 && matches!(word.as_bytes()[0].to_ascii_lowercase(), b'a'..=b'h') {
                let r = format!("{section}({})", word.to_ascii_lowercase());
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
mod tests {
    use super::*;

    #[test]
    fn reasons_in_all_spellings() {
        assert_eq!(reasons("Ambassador William J. Burns: Reasons 1.4 (b/d)."), ["1.4(b)", "1.4(d)"]);
        assert_eq!(reasons("X for reasons 1.4(b), (c), and (d)"), ["1.4(b)", "1.4(c)", "1.4(d)"]);
        assert_eq!(reasons("AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D)."), ["1.5(b)", "1.5(d)"]);
        assert_eq!(reasons("X reasons 1.5 (B & D)"), ["1.5(b)", "1.5(d)"]);
        assert_eq!(reasons("W STANTON, COORDINATOR.  REASONS 1.5 B AND D."), ["1.5(b)", "1.5(d)"]);
        assert_eq!(reasons("X 1.4(C)."), ["1.4(c)"]);
        assert_eq!(reasons("X FOR REASONS 1.4 (B) A ND (D)"), ["1.4(b)", "1.4(d)"]);
        assert_eq!(reasons("Amb. Charles H. Rivkin for Reasons 1.5 (b)(d)"), ["1.5(b)", "1.5(d)"]);
        assert_eq!(reasons("X, Reason: 1.4 (d) 1. (C) Summary: The"), ["1.4(d)"]);
        assert!(reasons("AMBASSADOR MARGUERITA D. RAGSDALE").is_empty());
    }

    #[test]
    fn names_without_roles() {
        assert_eq!(names("Ambassador William J. Burns: Reasons 1.4 (b/d)."), ["William J. Burns"]);
        assert_eq!(names("CDA Angie Bryan for reasons 1.4(b), (c), and (d)"), ["Angie Bryan"]);
        assert_eq!(names("ACTING PRINCIPAL OFFICER MARY DRAPER, REASONS 1.5 (B) AND (D)."), ["MARY DRAPER"]);
        assert_eq!(names("Charge d'Affaires, a.i., Robert P. Jackson for reasons 1"), ["Robert P. Jackson"]);
        assert_eq!(names("Julieta Valls Noyes, DCM. REASON: 1.4 (b), (d)"), ["Julieta Valls Noyes"]);
        assert_eq!(names("Mark Scheland, Counselor for Nuclear Policy; reasons 1.4"), ["Mark Scheland"]);
        assert_eq!(names("ISN/MTR DIRECTOR PAM DURHAM FOR REASONS"), ["PAM DURHAM"]);
        assert_eq!(names("CAULFIELD, CDA, DOS, CDA; REASON: 1.4(B), (D)"), ["CAULFIELD"]);
        assert_eq!(names("Ambassador Ordway for reasons 1.5 (b) and (D)"), ["Ordway"]);
        assert_eq!(names("Deputy Chief of Mission Daniel A. Russell. Reason 1.4 ( b, d)"), ["Daniel A. Russell"]);
        assert_eq!(names("W STANTON, COORDINATOR.  REASONS 1.5 B AND D."), ["W STANTON"]);
        assert_eq!(names("Econ: Carl Schonander based upon reasons 1.4(b) and (d)"), ["Carl Schonander"]);
    }
}
