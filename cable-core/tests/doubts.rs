//! `doubt_*` warnings (issue 19): each kind on a real cable of the hand-checked evaluation set
//! (tests/fixtures/eval) whose structure the parser gets wrong there, and none on cables it gets
//! right.

use cable_core::envelope::corpus::Corpus;
use std::path::PathBuf;

/// The `doubt_*` warning kinds of the eval fixture `name` (and the text each points at).
fn doubts(name: &str) -> Vec<(String, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval").join(name);
    let entry = Corpus::new([&path]).next().expect("one cable").expect("readable");
    let cable = entry.document.parse().expect("parses");
    cable
        .warnings()
        .iter()
        .filter(|w| w.kind.as_str().starts_with("doubt_"))
        .map(|w| (w.kind.as_str().to_owned(), cable.text_of(w.span).to_owned()))
        .collect()
}

fn has(name: &str, kind: &str, text_start: &str) {
    let found = doubts(name);
    assert!(
        found.iter().any(|(k, t)| k == kind && t.starts_with(text_start)),
        "{name}: {kind} {text_start:?} not in {found:?}"
    );
}

#[test]
fn each_kind_of_doubt_on_a_cable_where_the_guess_went_wrong() {
    // `... CANNOT BE RULED OUT.` / rule / `END SUMMARY AND COMMENT`: a rule inside the text
    // beside closing words (89MOSCOW31607). (92LIMA4541's `COMMENT` before a section's foot,
    // the first example here, is read as the next paragraph's heading now.)
    has("89MOSCOW31607.csv", "doubt_heading_in_text", "-----------------------");
    // `(N/SF)`: a marking written backwards, not read.
    has("09KABUL1892.html", "doubt_marking_in_text", "(N/SF)");
    // `Unclassified but Sensitive` / blank / `SIPDIS` before paragraph 1: a short block among
    // numbered paragraphs (a handling line, read as a paragraph of its own).
    has("03LAGOS2232.csv", "doubt_stray_text", "Unclassified but Sensitive");
    // `Ministry of Social Affairs and Labor:` ending paragraph 8, above a page marker and the
    // rest of paragraph 9's heading.
    has("07KUWAIT808.html", "doubt_heading_in_text", "Ministry of Social Affairs and Labor:");
    // `Afghanistan: Getting the Message Right` / rule / `Q (C/NF) Several interlocutors ...`:
    // paragraph 8 with its number mangled, read as text of paragraph 7 (08LONDON2651).
    has("08LONDON2651.html", "doubt_heading_in_text", "--------------------------------------");
    // (98NEWDELHI2879's `CLASSIFIED CONFIDENTIAL BY` block and 09RANGOON378's repeated `DINGER`,
    // the first examples here, are read right now: 70192d5, 5d92933.)
}

#[test]
fn no_doubt_where_the_structure_is_right() {
    for name in ["01VATICAN5650.csv", "07MOSCOW5434.html", "04BRATISLAVA925.csv"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval").join(name);
        if !path.exists() {
            continue;
        }
        let found = doubts(name);
        assert!(
            found.iter().all(|(k, _)| k != "doubt_heading_in_text" && k != "doubt_stray_text"),
            "{name}: {found:?}"
        );
    }
}

/// Found by the property test: the look at the first 60 bytes of a block before paragraph 1 cut
/// a character in two (a panic).
#[test]
fn a_block_of_multibyte_text_before_paragraph_one() {
    let text = format!(
        "SUBJECT: X\n\nCLASSIFIED {} BY THE EMBASSY.\nMORE TEXT.\n\n1. The text of the cable.\n",
        "é".repeat(40)
    );
    let cable = cable_core::parse(&text).expect("parses");
    assert_eq!(cable.paragraphs().len(), 2);
}

/// Transmission debris left inside the text is flagged: 92ZAGREB557 (cables-real-dev.csv:355),
/// the end of section 1 with the lines as written (`SIPDIS` and `ADP408` among the foot lines
/// keep the section's header block from being recognised).
#[test]
fn transmission_debris_inside_the_text() {
    let text = "UNCLASSIFIED\n\nSUBJECT: X\n\n\
                2. SERBIA, MONTENEGRO, AND THE \nYUGOSLAV NATIONAL ARMY HAVE EXTENDED THEIR VIOLENCE TO \n\
                BOSNIA-HERZEGOVINA IN ORDER TO PREVENT THE CONVENING \nOF TALKS ON THE CONSTITUTIONAL FRAMEWORK OF \n\
                UNCLASSIFIED \n \nSIPDIS \n \n \n                       UNCLASSIFIED \n \n \nNNNN \n      ADP408 \n\
                \x20                      UNCLASSIFIED \n \nPAGE 01        ZAGREB  00557  02 OF 02  141422Z \n\
                ACTION EUR-01 \n \nBOSNIA-HERZEGOVINA AND THE CONCLUSION OF THE PEACE CONFERENCE.\n";
    let cable = cable_core::parse(text).expect("parses");
    let doubt = cable.warnings().iter().find(|w| w.kind.as_str() == "doubt_trailer_in_text").expect("a doubt");
    assert_eq!(cable.text_of(doubt.span), "NNNN");
}

/// A name in capitals after the last sentence that the signature rules do not take (they want a
/// full stop before a glued name): a doubt. (No cable of the corpus is left with one since the
/// date after the name is read, 05BRASILIA1207; this text is made for the rule.)
#[test]
fn a_name_after_a_question_ending_the_text() {
    let text = "UNCLASSIFIED\n\nSUBJECT: X\n\n1. Will the ministry act on these cases before the summit? WOLFF\n";
    let cable = cable_core::parse(text).expect("parses");
    let doubt = cable.warnings().iter().find(|w| w.kind.as_str() == "doubt_signature_in_text").expect("a doubt");
    assert_eq!(cable.text_of(doubt.span), "WOLFF");
    assert!(cable.signature().is_none());
}

/// A paragraph number with odd punctuation inside a line (lines joined): a doubt. The one such
/// line of the corpus, 04SANTODOMINGO1823's `2, (U) Drafted by`, stands at a line start and is
/// read as paragraph 2 now; this is its text with the lines joined, made for the rule.
#[test]
fn a_paragraph_number_inside_a_line() {
    let text = "UNCLASSIFIED\n\nSUBJECT: X\n\n1. (U) In 1988, he went to the United States as an international \
                visitor (IV) grantee. 2, (U) Drafted by Bainbridge Cowell.\n";
    let cable = cable_core::parse(text).expect("parses");
    let doubt = cable.warnings().iter().find(|w| w.kind.as_str() == "doubt_number_in_text").expect("a doubt");
    assert!(cable.text_of(doubt.span).starts_with("2, (U)"));
}
