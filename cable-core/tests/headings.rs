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

/// A caption on the last line of a numbered paragraph, below its last sentence and above a blank
/// line and the next paragraph, heads that paragraph (09PRISTINA148, tests/fixtures/eval: the
/// page joined each paragraph's lines into one).
#[test]
fn a_caption_below_the_last_sentence_heads_the_next_paragraph() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval/09PRISTINA148.html");
    let doc = cable_core::envelope::corpus::Corpus::new([&path]).next().unwrap().unwrap().document;
    let cable = doc.parse().unwrap();
    let heading = |n: u32| cable.paragraph(n).and_then(|p| p.heading()).map(|h| h.into_owned());
    assert_eq!(heading(7).as_deref(), Some("JUSTICE"));
    assert_eq!(heading(10).as_deref(), Some("CUSTOMS"));
    assert_eq!(heading(14).as_deref(), Some("EULEX BEYOND FOC"));
    assert_eq!(heading(16).as_deref(), Some("COMMENT"));
    let six = cable.paragraph(6).unwrap().text();
    assert!(six.ends_with("EPD officers cannot conduct effective investigations."), "{six}");
    // `... decisive manner. END SUMMARY` / `POLICE`: closing words end the text as a sentence does.
    assert_eq!(heading(2).as_deref(), Some("POLICE"));
    let one = cable.paragraph(1).unwrap().text();
    assert!(one.ends_with("in a far more decisive manner. END SUMMARY"), "{one}");
}

/// In a text of capitals, a line of capitals below the last sentence is no caption: here the
/// signature the page repeats (86ALEXANDRIA806, `... HE REWARDED HIM WITH` / `LEXANDRIA.` /
/// `HAMBLEY` / `` / `7. (C) ANY ADDITIONAL INFORMATION ...`).
#[test]
fn a_name_below_a_text_in_capitals_heads_nothing() {
    let text = "CONFIDENTIAL ALEXANDRIA 00806\n\nSUBJECT: X\n\n\
                6. (C) DMINISTRATION, AND ON JULY 10 HE REWARDED HIM WITH \nLEXANDRIA. \nHAMBLEY \n \n\
                7. (C)  ANY ADDITIONAL INFORMATION INR CAN SHED ON \nGAWSAQI WOULD BE APPRECIATED.\n";
    let cable = parse(text).unwrap();
    assert_eq!(cable.paragraph(7).unwrap().heading(), None);
    // A text in mixed case sets the same line apart as a heading.
    let text = "CONFIDENTIAL PRISTINA 000148\n\nSUBJECT: X\n\n\
                6. (C) EPD officers cannot conduct effective investigations.\nJUSTICE\n\n\
                7. (C) The EULEX Justice component enjoys a mandate.\n";
    let cable = parse(text).unwrap();
    assert_eq!(cable.paragraph(7).unwrap().heading().as_deref(), Some("JUSTICE"));
    assert_eq!(cable.paragraph(6).unwrap().text(), "EPD officers cannot conduct effective investigations.");
}

/// A heading broken over two lines, each underlined (06PARIS7424, tests/fixtures/eval): one
/// heading, the rule between its lines dropped; the paragraph before it keeps none of it.
#[test]
fn a_heading_of_two_underlined_lines() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval/06PARIS7424.html");
    let doc = cable_core::envelope::corpus::Corpus::new([&path]).next().unwrap().unwrap().document;
    let cable = doc.parse().unwrap();
    let heading = |n: u32| cable.paragraph(n).and_then(|p| p.heading()).map(|h| h.into_owned());
    assert_eq!(heading(4).as_deref(), Some("A FIFTY PERCENT CHANCE OF BEING FRANCE'S NEXT PRESIDENT"));
    assert_eq!(heading(5).as_deref(), Some("FUSING HER POPULARITY (AND HER CURRENT ORGANIZATION) WITH HER PARTY"));
    let three = cable.paragraph(3).unwrap().text();
    assert!(three.ends_with("to be elected France's next president."), "{three}");
    // A short section caption above a topic stays apart (04PRETORIA5319: `HOT ISSUES` / rule /
    // `ISPAT ISCOR Looks for a Power Alternative` / rule).
    let text = "UNCLASSIFIED PRETORIA 005319\n\nSUBJECT: X\n\n1. The first paragraph ends here.\n\n\
                HOT ISSUES\n----------\nISPAT ISCOR Looks for a Power Alternative\n-----------------------------------------\n\n\
                2. ISPAT ISCOR said so.\n";
    let cable = parse(text).unwrap();
    assert_eq!(
        cable.paragraph(2).and_then(|p| p.heading()).as_deref(),
        Some("ISPAT ISCOR Looks for a Power Alternative")
    );
}

/// A file number alone on a line above the first paragraph (`T-IA-F-03-0004`, the treasury
/// attaché's numbering in Frankfurt's cables, 04FRANKFURT3169 in tests/fixtures/eval) is text of
/// its own, not the heading of the paragraph below it; `G-20` still heads one.
#[test]
fn a_file_number_is_no_heading() {
    let text = "UNCLAS SECTION 01 OF 04 FRANKFURT 003169 \n \nE.O. 12958: N/A \nTAGS: ECON, EFIN, EUN \n\
                SUBJECT: Commission proposes directive on auditor regulation \nand oversight \n \n \n\
                T-IA-F-03-0004 \n \nThis cable is sensitive but unclassified.  Not/not for \nInternet distribution. \n \n \n\
                1. (SBU) Summary:  The European Commission has proposed a \ndirective.\n";
    let cable = parse(text).unwrap();
    let p = cable.paragraphs();
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].text(), "T-IA-F-03-0004");
    assert!(p[0].heading().is_none() && p[1].heading().is_none());
    assert!(p[1].text().starts_with("This cable is sensitive"));
    let text = "UNCLAS PARIS 000001 \n \nSUBJECT: X \n \n1. First. \n \nG-20 \n \n2. The G-20 met.\n";
    assert_eq!(parse(text).unwrap().paragraphs()[1].heading().as_deref(), Some("G-20"));
}

/// A framed caption above a block whose first line is short enough to read as a caption
/// (04TELAVIV6232, cables-real-dev.csv, lines as written): the block is prose, since text runs
/// on below that line, and the caption heads it.
#[test]
fn a_short_first_line_of_prose_is_no_caption() {
    let text = "UNCLAS TEL AVIV 006232 \n \nSUBJECT: ISRAEL MEDIA REACTION \n \n \n\
                Mideast \n \n------------------------- \nKey stories in the media: \n------------------------- \n \n\
                Israel Radio reported that, commenting on reports from \nCairo, Deputy State Department Spokesman J. Adam Ereli, \n\
                said on Wednesday: \"We're not party to any reported \ngrant initiative.\" \n";
    let cable = parse(text).unwrap();
    let p = cable.paragraphs();
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].text(), "Mideast");
    assert_eq!(p[1].heading().as_deref(), Some("Key stories in the media:"));
    assert!(p[1].text().starts_with("Israel Radio reported that"));
}

/// A letter quoted in an unnumbered cable (04MANAMA280, tests/fixtures/eval, lines as written):
/// short blocks between blank lines are paragraphs of their own, and a date line heads nothing.
#[test]
fn the_blocks_of_a_quoted_letter() {
    let text = "UNCLAS MANAMA 000280 \n \nSUBJECT: X \n \n\
                On February 25, 2004, post received the following diplomatic \nnote from the Ministry of Foreign Affairs. \n \n\
                Kingdom of Bahrain \nMinistry of Foreign Affairs \n \nRef: 16/2/6-10763 \nDated 2/23/2004 \n \n\
                The Ministry of Foreign Affairs of the Kingdom of Bahrain \npresents its compliments to the Embassy. \n \n\
                Begin text of the letter: \n \n14 February 2004 \n \nHis Excellency Mr. George W. Bush \nPresident, \n\
                United States of America \n \nYour Excellency, \n";
    let cable = parse(text).unwrap();
    let texts: Vec<_> = cable.paragraphs().iter().map(|p| p.text().into_owned()).collect();
    assert_eq!(
        texts[1..6],
        [
            "Kingdom of Bahrain Ministry of Foreign Affairs",
            "Ref: 16/2/6-10763 Dated 2/23/2004",
            "The Ministry of Foreign Affairs of the Kingdom of Bahrain presents its compliments to the Embassy.",
            "Begin text of the letter:",
            "14 February 2004",
        ]
    );
    assert!(cable.paragraphs().iter().all(|p| p.heading().is_none()));
}

/// A caption above a block of nothing but `SIPDIS` heads nothing: it is the text of its
/// paragraph (03LAGOS2232, tests/fixtures/eval: `Unclassified but Sensitive` / blank / `SIPDIS`
/// before paragraph 1), never a paragraph with empty text.
#[test]
fn a_caption_above_a_stamp_is_text() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval/03LAGOS2232.csv");
    let doc = cable_core::envelope::corpus::Corpus::new([&path]).next().unwrap().unwrap().document;
    let cable = doc.parse().unwrap();
    let p = &cable.paragraphs()[0];
    assert_eq!((p.number(), p.heading()), (None, None));
    assert_eq!(p.text(), "Unclassified but Sensitive");
    assert!(cable.paragraphs().iter().all(|p| !p.text().is_empty()));
}

/// An underlined caption that opens with the site's redaction of a name (07KUWAIT808,
/// tests/fixtures/eval: `xxxxxxxxxxxx` / `Cash Couriers Continue to Be Problematic` / rule) heads
/// the next paragraph whole, instead of leaving its first line at the end of the one before.
#[test]
fn a_redacted_name_opens_an_underlined_caption() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval/07KUWAIT808.html");
    let doc = cable_core::envelope::corpus::Corpus::new([&path]).next().unwrap().unwrap().document;
    let cable = doc.parse().unwrap();
    let p = cable.paragraph(16).unwrap();
    assert_eq!(p.heading().as_deref(), Some("xxxxxxxxxxxx Cash Couriers Continue to Be Problematic"));
    assert!(cable.paragraph(15).unwrap().text().ends_with("may allow the GOK to reconsider."));
}

/// A row of figures above a blank line is part of a table, not a heading (91BERLIN3009,
/// tests/fixtures/eval: `TOTAL      1,968,477  22.1 1,898,937  21.4 1,615,893  18.3` ends the
/// table of paragraph 4).
#[test]
fn a_row_of_figures_is_no_heading() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval/91BERLIN3009.csv");
    let doc = cable_core::envelope::corpus::Corpus::new([&path]).next().unwrap().unwrap().document;
    let cable = doc.parse().unwrap();
    assert_eq!(cable.paragraph(5).unwrap().heading(), None);
    let table_end = cable.paragraph(4).unwrap().text().into_owned();
    assert!(table_end.ends_with("1,615,893  18.3") && table_end.contains("TOTAL      1,968,477"));
}

/// A table of contents (04TELAVIV6071, tests/fixtures/eval: `SUBJECTS COVERED IN THIS REPORT:`
/// framed, then `1.  Mideast` / blank / `2.  Syrian-Lebanese Track`) is one unnumbered
/// paragraph under its caption; the report's paragraphs 1 and 2 come after the news blocks.
#[test]
fn a_table_of_contents_is_one_paragraph() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/eval/04TELAVIV6071.csv");
    let doc = cable_core::envelope::corpus::Corpus::new([&path]).next().unwrap().unwrap().document;
    let cable = doc.parse().unwrap();
    let p = cable.paragraphs();
    assert_eq!(p[0].heading().as_deref(), Some("SUBJECTS COVERED IN THIS REPORT:"));
    assert_eq!((p[0].number(), p[0].text().as_ref()), (None, "1.  Mideast 2.  Syrian-Lebanese Track"));
    assert_eq!(p[1].heading().as_deref(), Some("Key stories in the media:"));
    let numbers: Vec<_> = p.iter().filter_map(|p| p.number()).collect();
    assert_eq!(numbers, [1, 2]);
    // Paragraph 1's number line is framed by rules (`------------` / `1.  Mideast:` /
    // `------------`): its words are the heading.
    let first = cable.paragraph(1).unwrap();
    assert_eq!(first.heading().as_deref(), Some("Mideast:"));
    assert!(first.text().starts_with("Summary: Veteran journalist Yaron London wrote"));
    // A numbered paragraph of prose under such a caption stays paragraph 1 (09STATE119085).
    let text = "SECRET STATE 119085 \n \nSUBJECT: X \n \n------------------------------ \n\
                SUMMARY AND TABLE OF CONTENTS \n------------------------------ \n \n\
                1.  (S/NF) This telegram replaces Ref A as the Department's \ncomprehensive guidance.\n";
    let cable = parse(text).unwrap();
    assert_eq!(cable.paragraphs()[0].number(), Some(1));
}

/// A caption framed by dashes on its own line (07MADRID911, a page of the corpus not in the
/// evaluation set, lines as written): `-- US USE OF SPANISH BASES --` heads paragraph 2 and is
/// neither a `--` sub-item nor the end of paragraph 1's text; a handling line between dashes
/// heads nothing (04PRAGUE1859).
#[test]
fn a_caption_between_dashes() {
    let text = "CONFIDENTIAL MADRID 000911 \n \nSUBJECT: X \n \n\
                1. (C/NF) This meeting should reassure the GOS that we have high \nexpectations of such important partners. \n \n\
                -- US USE OF SPANISH BASES -- \n \n\
                2. (C/NF) The DCM, the Embassy's political-military team, and \nI travel regularly to Rota and Moron.\n";
    let cable = parse(text).unwrap();
    let p = cable.paragraphs();
    assert!(p[0].text().ends_with("such important partners."));
    assert!(p[0].items().is_empty());
    assert_eq!(p[1].heading().as_deref(), Some("US USE OF SPANISH BASES"));
    let text = "UNCLAS PRAGUE 001859 \n \nSUBJECT: X \n \n-- SENSITIVE BUT UNCLASSIFIED. PROTECT ACCORDINGLY -- \n \n\
                1. SUMMARY. Attorney General Ashcroft met separately.\n";
    let cable = parse(text).unwrap();
    assert!(cable.paragraphs().iter().all(|p| p.heading().is_none()));
}

/// In a text without paragraph numbers, a caption below framed captions is the first line of
/// the text they head (04TELAVIV1644, a partial record of cables-real-dev.csv outside the
/// evaluation set, lines as written).
#[test]
fn a_caption_below_framed_captions_starts_their_text() {
    let text = "UNCLAS TEL AVIV 001644 \n \nSUBJECT: ISRAEL MEDIA REACTION \n \n\
                -------------------------------- \nSUBJECTS COVERED IN THIS REPORT: \n-------------------------------- \n \n\
                Mideast \n \n------------------------- \nKey stories in the media: \n------------------------- \n \n\
                Israel Radio reported that, commenting on reports from \nCairo, the spokesman said so. \n \n\
                -------- \nMideast: \n-------- \n \n                       Summary: \n                       -------- \n \n\
                Chief Economic Editor and senior columnist Sever \nPlotker wrote in the lead editorial.\n";
    let cable = parse(text).unwrap();
    let p = cable.paragraphs();
    let shape: Vec<_> = p.iter().map(|p| (p.heading().map(|h| h.into_owned()), p.text().into_owned())).collect();
    assert_eq!(shape[0], (Some("SUBJECTS COVERED IN THIS REPORT:".to_owned()), "Mideast".to_owned()));
    assert_eq!(shape[1].0.as_deref(), Some("Key stories in the media:"));
    assert_eq!(shape[2].0.as_deref(), Some("Mideast:"));
    assert_eq!(
        shape[2].1,
        "Summary: Chief Economic Editor and senior columnist Sever Plotker wrote in the lead editorial."
    );
    assert_eq!(p.len(), 3);
}

/// Block quotes under numbered titles in a text without paragraph numbers (04TELAVIV1644, lines
/// as written): `II.  "The British Are Here, With Arafat's Approval"` heads the column below it,
/// however long; it is no sub-item and no paragraph of its own.
#[test]
fn numbered_titles_of_block_quotes() {
    let text = "UNCLAS TEL AVIV 001644 \n \nSUBJECT: X \n \nSome text here that is long enough to be prose. \n \n\
                II.  \"The British Are Here, With Arafat's Approval\" \n \n\
                Senior columnist and chief defense commentator Zeev \nSchiff wrote in independent, left-leaning Ha'aretz \n\
                (March 17): \"It is.\" \n \nIII.  \"Child Sacrifice\" \n \n\
                Conservative, independent Jerusalem Post editorialized \n(March 17): \"Is it.\" \n";
    let cable = parse(text).unwrap();
    let headings: Vec<_> = cable.paragraphs().iter().map(|p| p.heading().map(|h| h.into_owned())).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("II.  \"The British Are Here, With Arafat's Approval\"".to_owned()),
            Some("III.  \"Child Sacrifice\"".to_owned())
        ]
    );
}
