//! Headings that stand apart from their paragraph (issue 19): a page break between the caption
//! and the paragraph leaves it the paragraph's heading.

use cable_core::parse;

#[test]
fn a_heading_separated_from_its_paragraph_by_a_page_break() {
    // 92LIMA4541 (cables-real-dev.csv; tests/fixtures/eval/92LIMA4541.csv), lines as written.
    let text = "CONFIDENTIAL LIMA 04541\n\nSUBJECT: GARCIA\n\n\
                3.  (U)  GARCIA DENOUNCED THE GOP FOR USING EVEN THE TAX \nOFFICE TO PERSECUTE HIM. \n \n\
                GARCIA CALLS FOR A NATIONAL ANTI-FUJIMORI FRONT \n--------------------------------------------- -- \n \n\
                \x20                      CONFIDENTIAL \n \n \n                       CONFIDENTIAL \n \n\
                PAGE 03        LIMA  04541  01 OF 02  261219Z \n4.  (C)  REFERRING TO FAILURE OF MOTHERS.\n";
    let cable = parse(text).unwrap();
    let p = cable.paragraphs();
    assert_eq!(p[0].text(), "GARCIA DENOUNCED THE GOP FOR USING EVEN THE TAX OFFICE TO PERSECUTE HIM.");
    assert_eq!(p[1].number(), Some(4));
    assert_eq!(p[1].heading().as_deref(), Some("GARCIA CALLS FOR A NATIONAL ANTI-FUJIMORI FRONT"));
}

#[test]
fn transmission_ends_and_page_feet_before_a_break_are_no_headings() {
    // Partial records end a section with `NNNN` (and the archive's `PTQ` number) before the
    // next section's header.
    let text = "UNCLASSIFIED ZAGREB 01002\n\nSUBJECT: X\n\n1. FIRST.\n\nNNNNPTQ6056\n\n\
                PAGE 02        ZAGREB  01002  01 OF 02  261219Z \n2. SECOND.\n";
    let cable = parse(text).unwrap();
    assert!(cable.paragraphs().iter().all(|p| p.heading().is_none()));
}
