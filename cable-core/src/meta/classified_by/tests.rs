//! Unit tests of the Classified By field parser.

use super::*;

#[test]
fn role_words_are_sorted_upper_case_for_the_binary_search() {
    assert!(ROLE_WORDS.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
    assert!(ROLE_WORDS.iter().all(|w| w.bytes().all(|b| !b.is_ascii_lowercase())));
    assert!(is_role_word("Ambassador") && is_role_word("dcm") && !is_role_word("Burns"));
}

#[test]
fn reasons_in_all_spellings() {
    assert_eq!(reasons("Ambassador William J. Burns: Reasons 1.4 (b/d)."), ["1.4(b)", "1.4(d)"]);
    assert_eq!(reasons("X for reasons 1.4(b), (c), and (d)"), ["1.4(b)", "1.4(c)", "1.4(d)"]);
    assert_eq!(reasons("AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D)."), ["1.5(b)", "1.5(d)"]);
    assert_eq!(reasons("X reasons 1.5 (B & D)"), ["1.5(b)", "1.5(d)"]);
    assert_eq!(reasons("W STANTON, COORDINATOR.  REASONS 1.5 B AND D."), ["1.5(b)", "1.5(d)"]);
    assert_eq!(reasons("X 1.4(C)."), ["1.4(c)"]);
    assert_eq!(reasons("X FOR REASONS 1.4 (B) A ND (D)"), ["1.4(b)", "1.4(d)"]);
    // 10SHENYANG5: `1.4 (b) an d (d)`.
    assert_eq!(reasons("Stephen B. Wickman for Reasons 1.4 (b) an d (d)"), ["1.4(b)", "1.4(d)"]);
    assert_eq!(reasons("X 1.4 (b) an (c)"), ["1.4(b)"]);
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

#[test]
fn names_after_misspelt_titles_and_typed_zeros() {
    // Lines of real cables as the peer parser's cases quote them.
    assert_eq!(names("Ambassaor Joseph LeBaron for reasons 1.4 (b and d)."), ["Joseph LeBaron"]);
    assert_eq!(names("AMBSSADOR JOHN F. TEFFT.  REASONS:  1.4 (B) AND (D)."), ["JOHN F. TEFFT"]);
    assert_eq!(names("ISN/MTR Direcotr Pam Durham. \nReason:  1.4 (B), (D)."), ["Pam Durham"]);
    assert_eq!(names("Acting P/E Counsleor Jon Martinson, reasons 1.4 (b,d)"), ["Jon Martinson"]);
    assert_eq!(names("DEPUTY POLITICAL COUNSEL0R HOWARD STOFFER \nPER 1.5 (B) AND (D)."), ["HOWARD STOFFER"]);
    assert_eq!(names("AMBASSAD0R R0BIN L. RAPHEL BASED 0N 1.5 (B) \nAND (D)."), ["R0BIN L. RAPHEL"]);
    // cables-real-dev.csv row 593.
    assert_eq!(names("C0NSUL D0UGLAS NEUMANN"), ["D0UGLAS NEUMANN"]);
    assert_eq!(names("AMBASSADOR-AT-LARGE PIERRE-RICHARD PROSPER \nFOR REASONS 1.5 (B)"), ["PIERRE-RICHARD PROSPER"]);
    assert_eq!(names("Charge d'Afairs (AI) Thomas Vajda for Reasons 1.4 (b) &"), ["Thomas Vajda"]);
    assert_eq!(names("PRM/AFR Dir. Margaret McKelvey-reasons 1.4(b/d)"), ["Margaret McKelvey"]);
    assert_eq!(
        names("Ambassador Richard L. Baltimore, III. \nReasons: 1.4 (b) and (d)."),
        ["Richard L. Baltimore, III"]
    );
}

#[test]
fn names_after_long_titles_and_with_suffixes() {
    // 10BAGHDAD290: the office after `FOR` is part of the title.
    assert_eq!(names("MINISTER-COUNSELOR FOR POLITICAL AFFAIRS GARY A. GRAPPO "), ["GARY A. GRAPPO"]);
    // 10KABUL693: title words the list does not know come before the last role word.
    assert_eq!(names("Interagency Provincial Affairs Deputy Director Hoyt Yee"), ["Hoyt Yee"]);
    // 05NEWDELHI74 (cables-real-dev.csv): `, Jr.` belongs to the name.
    assert_eq!(names("DCM Robert O. Blake, Jr.  Reasons 1.4 (B,D)."), ["Robert O. Blake, Jr."]);
    assert_eq!(names("POL-MIL COUNSELOR RONALD E. NEUMANN FOR REASONS 1.4"), ["RONALD E. NEUMANN"]);
    assert_eq!(names("COUNSELOR FOR POLITICAL AND ECONOMIC AFFAIRS DAVID C BECKER FOR REASONS"), ["DAVID C BECKER"]);
    assert_eq!(names("ISN - C. S. ELIOT KANG, ACTING FOR REASONS 1.4(B) AND (D)"), ["C. S. ELIOT KANG"]);
    assert_eq!(names("Ramin Asgard, Director, Iran Regional Presence"), ["Ramin Asgard"]);
    assert_eq!(names("Acting Economic Minister Counselor Robert W. Forden. Rea sons 1.4 (b/d)."), ["Robert W. Forden"]);
    assert_eq!(names("Derived from Multiple Sources"), Vec::<&str>::new());
    assert_eq!(names("CLASSIFIED BY D. BRENT HARDT, CDA, REASON E.O. 12958 1.5 (B,D)"), ["D. BRENT HARDT"]);
    assert_eq!(names("USEU Defense Policy officer, Mark Brunner for reasons 1."), ["Mark Brunner"]);
    assert_eq!(names("CONSUL-GENERAL RONALD SCHLICHER PER 1.5 (D)."), ["RONALD SCHLICHER"]);
    assert_eq!(names("DONALD CAMP DEPUTY ASSISTANT SECRETARY FOR SOUTH ASIAN AFFAIRS; REASON"), ["DONALD CAMP"]);
    assert_eq!(names("This message has been classified by Labor Officer"), Vec::<&str>::new());
    assert_eq!(names("EUR/PRA Dir. Anita Friedt, Reason 1.4 (b)"), ["Anita Friedt"]);
    assert_eq!(names("GSO, Sarah Hall for reason 1. 5 (b)"), ["Sarah Hall"]);
    assert_eq!(names("AMB: EJHULL FOR REASONS 1.5 (B) AND (D)"), ["EJHULL"]);
    assert_eq!(names("susan keogh, consul general, Quebec, State. REASON: 1.5 (B)"), Vec::<&str>::new());
    assert_eq!(names("Charge d'Affairs Milton K. Drucker, Reasons 1.4 (b) and (d)."), ["Milton K. Drucker"]);
    assert_eq!(names("ACTING ASSISTANT SECRETARY FOR DS GREG STARR; REASON 1.5 (C) AND (D)"), ["GREG STARR"]);
    assert_eq!(names("USEU NAS:Frank Kerber. Reasons: 1.4 (b) and (d)"), ["Frank Kerber"]);
    assert_eq!(names("BRIAN FLORA, MINISTER-COUNSELOR FOR POLITICAL AFFAIRS FO R REASONS 1.5(B)"), ["BRIAN FLORA"]);
    assert_eq!(
        names("Charge D'Affaires Gene A. Cretz (Releasable to Former NEA A/S Richard Murphy)"),
        ["Gene A. Cretz"]
    );
    assert_eq!(names("Ambassador Christopher W. Dell under Section 1.4b/d"), ["Christopher W. Dell"]);
    assert_eq!(names("PUBLIC DIPLOMACY COUNSELOR"), Vec::<&str>::new());
    assert_eq!(names("D/Political Advisor A. \"Hoot\" Baez. Reasons: 1.4 (b)"), Vec::<&str>::new());
    assert_eq!(
        names("Coordinating Director for Development and Economic Affairs Ambassador E. Anthony Wayne for"),
        ["E. Anthony Wayne"]
    );
    assert_eq!(names("Charge d'Affaires, for reasons 1.4 (b) and (d)"), Vec::<&str>::new());
    assert_eq!(names("Ambassador Richard L. Baltimore III. Reason: 1.4(c)."), ["Richard L. Baltimore III"]);
}

#[test]
fn tokens_cut_in_two_by_the_wrapping() {
    // 03JERUSALEM2293: `... per 1.5 (b) an` / `d (d).`; 09BEIJING2963: `... Reasons 1.` /
    // `4 (b) and (d).`.
    assert!(word_broken_at_line_end("Jeffrey Feltman, per 1.5 (b) an", "d (d)."));
    assert!(word_broken_at_line_end("Counselor Kathy Fitzpatrick; reasons 1.5 (B) a", "nd (D)."));
    assert!(word_broken_at_line_end("Aubrey Carlson. Reasons 1.", "4 (b) and (d)."));
    assert!(word_broken_at_line_end("Bob Manzanares; reasons 1.4 (B) and (D", ")"));
    assert!(!word_broken_at_line_end("reasons 1.4 (B) and (D)", ") more"));
    assert!(!word_broken_at_line_end("the plan", "d (d)."));
    assert!(!word_broken_at_line_end("Aubrey Carlson. Reasons 1.4", "(b) and (d)."));
}

/// The former cut, by `str::split` on characters, which [`super::parts`] must match.
fn parts_by_split(head: &str) -> Vec<&str> {
    head.split([',', ';', ':'])
        .flat_map(|chunk| {
            let mut rest = Some(chunk);
            std::iter::from_fn(move || {
                let r = rest?;
                let mut at = 0;
                for tok in r.split(' ') {
                    let end = at + tok.len();
                    if tok.eq_ignore_ascii_case("and") || tok == "&" {
                        rest = Some(r.get(end + 1..).unwrap_or(""));
                        return Some(&r[..at]);
                    }
                    at = end + 1;
                }
                rest = None;
                Some(r)
            })
        })
        .collect()
}

#[test]
fn the_parts_are_those_of_the_char_split() {
    for head in [
        "Ambassador William J. Burns: ",
        "Julieta Valls Noyes, DCM.",
        "CDA Kent Brokenshire and Econ Chief J. Smith; and & AND",
        "Charg\u{e9} d'Affaires a.i. Jos\u{e9} ,; : and",
        "",
        "and",
    ] {
        assert_eq!(parts(head).collect::<Vec<_>>(), parts_by_split(head), "{head:?}");
    }
}
