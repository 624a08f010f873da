//! What follows the text is no text (issue 19): the post's website footer, `MINIMIZE
//! CONSIDERED`, and the end of a section's transmission in a partial record. Each case is a
//! real cable of the hand-checked evaluation set (tests/fixtures/eval) or its lines as written.

use cable_core::envelope::corpus::Corpus;
use cable_core::{Cable, Document, parse};
use std::path::PathBuf;

/// The eval fixture `name`, read as the command reads it.
fn fixture(name: &str) -> Document<'static> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval").join(name);
    Corpus::new([&path]).next().expect("one cable").expect("readable").document
}

fn last_text(cable: &Cable<'_>) -> String {
    cable.paragraphs().last().expect("paragraphs").text().into_owned()
}

fn no_trailer_doubt(cable: &Cable<'_>) {
    assert!(cable.warnings().iter().all(|w| w.kind.as_str() != "doubt_trailer_in_text"), "{:?}", cable.warnings());
}

#[test]
fn the_website_footer_between_the_text_and_the_signature() {
    // 06PARIS2069: `9. (U) Tripoli minimize considered.` / `Please visit Paris' Classified
    // Website at:` / `http://www.state.sgov.gov/p/eur/paris/index.c fm` / `` / `Stapleton`.
    let doc = fixture("06PARIS2069.html");
    let cable = doc.parse().unwrap();
    assert_eq!(last_text(&cable), "Tripoli minimize considered.");
    assert_eq!(cable.signature().map(|s| s.value), Some("Stapleton"));
    assert!(cable.trailer().iter().any(|s| cable.text_of(*s).starts_with("http://www.state.sgov.gov/p/eur/paris")));
    no_trailer_doubt(&cable);

    // 07KUWAIT808: the footer framed by rules of asterisks, with two invitations.
    let doc = fixture("07KUWAIT808.html");
    let cable = doc.parse().unwrap();
    assert_eq!(last_text(&cable), "A/S O'Brien cleared this cable.");
    assert_eq!(cable.signature().map(|s| s.value), Some("LeBaron"));
    no_trailer_doubt(&cable);

    // 05TELAVIV1593: `You can also access this site through the State Department's` /
    // `Classified SIPRNET website.` as well.
    let doc = fixture("05TELAVIV1593.html");
    let cable = doc.parse().unwrap();
    assert!(last_text(&cable).ends_with("may not match current USG assessments."), "{}", last_text(&cable));
    assert_eq!(cable.signature().map(|s| s.value), Some("KURTZER"));
    no_trailer_doubt(&cable);
}

#[test]
fn the_website_footer_glued_to_the_last_sentence() {
    // 06PARIS5975 (cables-dev.csv:117): the page joined the text's lines.
    let text = "CONFIDENTIAL PARIS 005975\n\nSUBJECT: X\n\n\
                6. (C) Louis filled the room with gleeful laughter. Please visit Paris\u{2019} Classified \
                Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm\nSTAPLETON\n";
    let cable = parse(text).unwrap();
    assert_eq!(last_text(&cable), "Louis filled the room with gleeful laughter.");
    assert_eq!(cable.signature().map(|s| s.value), Some("STAPLETON"));
    let joined: String = cable.elements().iter().map(|e| cable.text_of(e.span)).collect();
    assert_eq!(joined, text, "the elements still tile the input");
    no_trailer_doubt(&cable);
}

#[test]
fn minimize_considered_above_the_signature() {
    // 04BRUSSELS3057: `incurred.` / `MINIMIZE CONSIDERED` / `` / `McKinley`.
    let doc = fixture("04BRUSSELS3057.csv");
    let cable = doc.parse().unwrap();
    assert!(last_text(&cable).ends_with("retroactive to expenses already incurred."), "{}", last_text(&cable));
    assert_eq!(cable.signature().map(|s| s.value), Some("McKinley"));
}

#[test]
fn the_end_of_a_sections_transmission_leaves_the_text() {
    // 02VATICAN1176 (cables-real-dev.csv:985), the end of section 1 and the header of section
    // 2 as written: the page-foot classification, `>` and `@@@OASYS@@@` join the section break.
    let text = "CONFIDENTIAL\n\nSUBJECT: ANDORRA TO OPEN EMBASSY TO THE VATICAN\n\n\
                2.(C) MINOVES VOLUNTEERED THAT ANDORRA PLANNED TO OPEN AN \n\
                EMBASSY TO THE VATICAN (AND CO-LOCATE IT WITH ONE TO ROME) \n\
                WITHIN THE NEXT YEAR.  THIS WILL BE ANDORRA'S EIGHTH (AND \n\
                NINTH) OVERSEAS EMBASSY.   NICHOLSON \n \n                       CONFIDENTIAL \n \n> \n\
                @@@OASYS@@@ \n \n                           CONFIDENTIAL     PTO4926 \n \n\
                PAGE 01        VATICA  01176  061428Z \nACTION EUR-00 \n \n\
                O 061354Z MAR 02 \nFM AMEMBASSY VATICAN \nTO SECSTATE WASHDC IMMEDIATE \n \n\
                C O N F I D E N T I A L VATICAN 001176 \n \nSIPDIS \n \n\
                1.(C) ANDORRAN FOREIGN MINISTER JOLI MINOVES INVITED DCM TO \nLUNCH FRIDAY, MARCH 1.\n";
    let cable = parse(text).unwrap();
    let p = cable.paragraphs();
    assert_eq!(p[0].number(), Some(2));
    assert!(p[0].text().ends_with("OVERSEAS EMBASSY.   NICHOLSON"), "{}", p[0].text());
    assert_eq!(p[1].number(), Some(1));
    assert_eq!(cable.sections().len(), 2);
    no_trailer_doubt(&cable);
}

#[test]
fn a_date_after_a_signature_glued_to_the_last_sentence() {
    // 05BRASILIA1207: `... his continued presence at GSI bodes well for U.S. interests.
    // DANILOVICH 2005-05-06` on one line.
    let doc = fixture("05BRASILIA1207.html");
    let cable = doc.parse().unwrap();
    assert_eq!(cable.signature().map(|s| s.value), Some("DANILOVICH"));
    assert!(cable.trailer().iter().any(|s| cable.text_of(*s) == "2005-05-06"));
    let text = cable.paragraphs().iter().map(|p| p.text().into_owned()).find(|t| t.contains("bodes well")).unwrap();
    assert!(text.ends_with("bodes well for U.S. interests."), "{text}");
    let joined: String = cable.elements().iter().map(|e| cable.text_of(e.span)).collect();
    assert_eq!(joined, cable.source(), "the elements still tile the input");
}
