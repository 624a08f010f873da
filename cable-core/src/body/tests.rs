//! Tests of the body parser on small texts and on the seed cable.

use crate::{ElementKind, Level};

fn seed() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap()
}

#[test]
fn seed_paragraphs() {
    let text = seed();
    let cable = crate::parse(&text).unwrap();
    let ps = cable.paragraphs();
    let numbers: Vec<_> = ps.iter().map(|p| p.number()).collect();
    assert_eq!(numbers, (1..=9).map(Some).collect::<Vec<_>>());
    assert!(ps.iter().all(|p| p.level() == Some(Level::Confidential)));
    assert_eq!(ps[1].heading().as_deref(), Some("Lavrov's Letter"));
    assert_eq!(ps[5].heading().as_deref(), Some("Tadic and Kostunica"));
    assert_eq!(ps[6].heading().as_deref(), Some("Bosnia"));
    assert_eq!(ps[8].heading().as_deref(), Some("Comment"));
    assert!(ps[5].text().contains("without hesitation, and reconfirmed"));
    assert!(!ps[5].text().contains("MOSCOW 00005434"));
    assert_eq!(cable.signers(), ["BURNS"]);
    let summary = cable.summary().unwrap();
    assert!(summary.text().starts_with("Russia's Kosovo Troika Envoy"));
    assert!(summary.text().ends_with("unilateral independence."), "{}", summary.text());
    assert!(cable.comment().unwrap().text().starts_with("By hinting at differences"));
}

#[test]
fn elements_tile_the_seed() {
    let text = seed();
    let cable = crate::parse(&text).unwrap();
    let els = cable.elements();
    let mut at = 0;
    for e in &els {
        assert_eq!(e.span.start, at, "{e:?}");
        at = e.span.end;
    }
    assert_eq!(at as usize, text.len());
    assert!(!els.iter().any(|e| e.kind == ElementKind::Unrecognised), "{els:?}");
}

#[test]
fn unnumbered_text_splits_on_blank_lines() {
    let text = "UNCLAS STATE 000001\n\nSUBJECT: X\n\nFirst block\ngoes on.\n\nSecond block.\n\nRICE\n";
    let cable = crate::parse(text).unwrap();
    let texts: Vec<_> = cable.paragraphs().iter().map(|p| p.text().into_owned()).collect();
    assert_eq!(texts, ["First block goes on.", "Second block."]);
    assert_eq!(cable.signers(), ["RICE"]);
}

#[test]
fn items_keep_their_labels() {
    let text = "UNCLAS STATE 000001\n\nSUBJECT: X\n\n1. (U) We ask:\n\nA. one thing;\nand more\n\nB. another.\n\n2. (U) End.\n";
    let cable = crate::parse(text).unwrap();
    let items = cable.paragraphs()[0].items();
    let got: Vec<_> = items.iter().map(|i| (i.label, i.text.as_ref())).collect();
    assert_eq!(got, [("A.", "one thing; and more"), ("B.", "another.")]);
    assert_eq!(cable.paragraphs()[0].text(), "We ask:\nA. one thing; and more\nB. another.");
}

#[test]
fn redactions_are_counted() {
    let text = "UNCLAS STATE 000001\n\nSUBJECT: X\n\n1. (C) XXXXXXXXXXXX told us that xxxxxxxxxxxx and XXX.\n";
    let cable = crate::parse(text).unwrap();
    assert_eq!(cable.redactions().len(), 2);
}

#[test]
fn readme_example() {
    let text = seed();
    let cable = crate::parse(&text).unwrap();
    let p4 = cable.paragraph(4).unwrap();
    assert_eq!(p4.level(), Some(Level::Confidential));
    assert_eq!(p4.marking().unwrap().raw, "(C)");
    assert!(p4.text().starts_with("Lavrov will underscore Russia's"));
    assert_eq!(cable.paragraphs().iter().filter(|p| p.level() == Some(Level::Secret)).count(), 0);
    let summary = cable.summary().unwrap();
    assert_eq!(summary.paragraphs(), 0..1);
    assert_eq!(cable.paragraph(2).unwrap().heading().as_deref(), Some("Lavrov's Letter"));
    assert_eq!(cable.breaks().len(), 1);
    assert_eq!(cable.breaks()[0].page, Some(2));
}

#[test]
fn underlined_marked_caption_is_a_heading() {
    let text = "UNCLAS STATE 000001\n\nSUBJECT: X\n\n(C) SUMMARY \n------------- \n \n1.    (C)  During their visit.\n\n2. (C) More.\n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert_eq!(ps[0].heading().as_deref(), Some("(C) SUMMARY"));
    assert_eq!(cable.summary().unwrap().paragraphs(), 0..2);
}

#[test]
fn a_summary_heading_over_a_summary_keyword() {
    // 91KHARTOUM4769 (cables-real-dev.csv): the heading names the summary, which then starts
    // with the keyword again; the passage's text starts after it.
    let text = "1.  CONFIDENTIAL - ENTIRE TEXT. \n \n \nINTRODUCTION AND SUMMARY \n- - - - - - - - - - - - - \n \n\
        2.  SUMMARY:  THERE IS CLEAR AND MOUNTING EVIDENCE THAT \nTHE NIF-DOMINATED GOVERNMENT IN KHARTOUM HAS EMBARKED ON \n\
        A CAMPAIGN TO ISLAMIZE SOUTHERN SUDAN. \n \n3.  IN THE NORTH, NON-MUSLIM SOUTHERNERS FACE ROUTINE HARASSMENT. \n";
    let cable = crate::parse(text).unwrap();
    assert_eq!(cable.paragraph(2).unwrap().heading().as_deref(), Some("INTRODUCTION AND SUMMARY"));
    let summary = cable.summary().unwrap();
    assert!(summary.text().starts_with("THERE IS CLEAR AND MOUNTING EVIDENCE"), "{:?}", summary.text());
    assert_eq!(summary.paragraphs(), 1..3);
    // 04BRASILIA1291 (cables-real-dev.csv): `Summary and Introduction:` opens the summary.
    let text = "1.   (C)  Summary and Introduction:  Annual U.S.-Brazil \nPolitical-Military consultations, held in Brasilia, May 14, \n\
        reflected general accord on the health of the bilateral \npol-mil relationship but identified areas where collaboration \n\
        and coordination remained thin.\n";
    let cable = crate::parse(text).unwrap();
    assert!(
        cable.summary().unwrap().text().starts_with("Annual U.S.-Brazil Political-Military"),
        "{:?}",
        cable.summary()
    );
}

#[test]
fn a_dash_pair_between_paragraphs_is_a_rule_not_a_heading() {
    // 86DAMASCUS7104 (cables-real-dev.csv row 145) puts `--` above paragraphs 4, 6 and 8.
    let text = "SUBJECT:  CONTINUED WAR FOR THE PALESTINIAN CAMPS \n \n\
        3.  WE CONCUR WITH EMBASSY BEIRUT (REFTEL) THAT THE \nCONTINUED FIGHTING IS A DILEMMA. \n \n\
        -- \n4.  A JORDANIAN JOURNALIST WITH EXCELLENT PALESTINIAN \nCONTACTS HAS TOLD US. \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.iter().map(|p| p.number()).collect::<Vec<_>>(), [Some(3), Some(4)]);
    assert_eq!(ps[1].heading(), None);
    assert!(ps[1].text().starts_with("A JORDANIAN JOURNALIST"));
    assert!(cable.elements().iter().any(|e| e.kind == ElementKind::Rule));
}

#[test]
fn a_two_line_caption_between_wrapped_rules_is_one_heading() {
    // 01VATICAN1286: the rule wraps at the line width and leaves `--` on the next line.
    let text = "SUBJECT: POPE\n \n3.  WHICH SEEKS TO SUSTAIN THE CHRISTIAN PRESENCE IN THE \nREGION. END COMMENT). \n \n\
        --------------------------------------------- ------------ \n-- \n\
        POPE ACKNOWLEDGES 1915 SUFFERING OF TURKISH ARMENIANS; \nDOES NOT MENTION GENOCIDE \n\
        --------------------------------------------- ------------ \n-- \n \n\
        4.   POPE JOHN PAUL II HAS ACKNOWLEDGED THE \"UNHEARD OF \nSUFFERINGS\". \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 2);
    assert!(ps[0].text().ends_with("END COMMENT)."), "{}", ps[0].text());
    assert_eq!(
        ps[1].heading().as_deref(),
        Some("POPE ACKNOWLEDGES 1915 SUFFERING OF TURKISH ARMENIANS; DOES NOT MENTION GENOCIDE")
    );
}

#[test]
fn an_underlined_two_line_caption_is_one_heading_but_a_footnote_is_not() {
    // 03GUATEMALA2937 and 04TAIPEI3110.
    let text = "SUBJECT: ELECTIONS\n \n1. Relatively peaceful election (by Guatemalan \nstandards). End Summary. \n \n\
        Heat and Poor Logistics Produce Isolated Violence on Election \nDay \n------------------- \n \n\
        2. While protests against the election results continue. \n \n\
        *Ratio equals average leads per company \nAttendance \n---------- \n \n\
        3. Two hundred and six companies pre-registered. \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 3);
    assert_eq!(ps[1].heading().as_deref(), Some("Heat and Poor Logistics Produce Isolated Violence on Election Day"));
    assert_eq!(ps[2].heading().as_deref(), Some("Attendance"));
    assert!(ps[1].text().ends_with("*Ratio equals average leads per company"), "{}", ps[1].text());
}

#[test]
fn a_signature_repeated_at_a_paragraphs_end_is_a_trailer() {
    // 86ALEXANDRIA806: the section's end printed the signer under paragraph 6.
    let text = "CONFIDENTIAL ALEXANDRIA 00806\n\nSUBJECT: NEW GOVERNOR\n\n\
                6. (C)  MUBARAK \nAS SUPPOSEDLY VERY IMPRESSED WITH HIS FRIEND'S \n\
                DMINISTRATION, AND ON JULY 10 HE REWARDED HIM WITH \nLEXANDRIA. \nHAMBLEY \n \n\
                7. (C)  ANY ADDITIONAL INFORMATION INR CAN SHED ON \nGAWSAQI WOULD BE APPRECIATED. \n \n \nHAMBLEY \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert!(ps[0].text().ends_with("HE REWARDED HIM WITH LEXANDRIA."), "{}", ps[0].text());
    assert_eq!(cable.signature().unwrap().value, "HAMBLEY");
    let trailers: Vec<_> = cable
        .elements()
        .into_iter()
        .filter(|e| e.kind == ElementKind::Trailer)
        .map(|e| cable.text_of(e.span))
        .collect();
    assert_eq!(trailers, ["HAMBLEY \n"]);
}

#[test]
fn a_marked_block_under_a_heading_is_a_paragraph() {
    // 04CARACAS2689: an unnumbered, marked block under a framed heading after paragraph 6.
    let text = "UNCLAS CARACAS 002689\n\nSUBJECT: X\n\n6. (U) The article claims that observers were only permitted to oversee testing \n\
                of 4 out of the 10 machines previously agreed to. \n \n\
                --------------------------------------------- --------------- \n\
                Commando Maisanta Announces Start of Regional Election \nCampaign \n\
                --------------------------------------------- --------------- \n \n\
                (U)  Communications and Information Minister Jesse Chacon \nannounced that the campaign would begin August \n20. \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 2);
    assert!(ps[0].text().ends_with("previously agreed to."), "{}", ps[0].text());
    assert_eq!(ps[1].number(), None);
    assert_eq!(ps[1].marking().unwrap().raw, "(U)");
    assert_eq!(ps[1].heading().as_deref(), Some("Commando Maisanta Announces Start of Regional Election Campaign"));
    // 85TOKYO364: `(C)` after `(A)` and `(B)` is the next item, not a marking.
    let text = "CONFIDENTIAL TOKYO 00364\n\nSUBJECT: X\n\n2. ON JANUARY 8, REGFISHATT MET WITH SUSUMU AKIYAMA: \n\
                (A) THE MOST RECENT HARVEST LEVELS; (B) CONSULTATIONS WITH CONCERNED COUNTRIES; AND \n \n\
                ------------ \nWHALING \n------------ \n \n\
                (C) THE FINDINGS OF THE IWC SCIENTIFIC COMMITTEE AT THE 1984 IWC MEETING. \n";
    let cable = crate::parse(text).unwrap();
    assert_eq!(cable.paragraphs().len(), 1);
}

#[test]
fn a_caption_with_a_colon_ending_a_paragraph_is_a_doubt() {
    // 07KUWAIT808: the first line of a heading, cut from the rest by a page marker, ends
    // paragraph 8; a lead-in (`... FOLLOWS:`) is no doubt.
    let text = "SECRET KUWAIT 000808\n\nSUBJECT: X\n\n8. (S/NF) O'Brien reiterated\nhis call for GOK action noting that public action against a\n\
                bad actor engenders greater confidence in a country's AML/CTF\nregime.\n\n\
                Ministry of Social Affairs and Labor:\n\n\n\
                9. (C/NF) Text of the next paragraph.\n";
    let doubts = |text: &str| {
        let cable = crate::parse(text).unwrap();
        cable.warnings().iter().filter(|w| w.kind == crate::WarningKind::DoubtHeadingInText).count()
    };
    assert_eq!(doubts(text), 1);
    assert_eq!(doubts(&text.replace("Ministry of Social Affairs and Labor:", "TEXT OF THE STATEMENT FOLLOWS:")), 0);
}

#[test]
fn a_framed_caption_broken_at_the_width_is_one_heading() {
    // 04FRANKFURT3169: the caption's second line is one lower-case word.
    let text = "UNCLAS FRANKFURT 003169\n\nSUBJECT: X\n\n8. (SBU) ... reaching implications for the audit industry. \n \n\
                --------------------------------------------- ---------- \n\
                Regulatory and oversight arrangements between EU member \nstates \n\
                --------------------------------------------- ---------- \n \n\
                9. (SBU) The Commission would require the national \nauthorities to establish oversight. \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[1].heading().as_deref(), Some("Regulatory and oversight arrangements between EU member states"));
    assert!(ps[0].text().ends_with("audit industry."), "{}", ps[0].text());
}

#[test]
fn a_marking_opening_the_heading_of_an_unmarked_paragraph_is_its_marking() {
    // 09DOHA214: `(S/NF) KEY POINTS` above unnumbered `--` items, before paragraph 1.
    let text = "SECRET DOHA 000214\n\nSUBJECT: X\n\n(S/NF) KEY POINTS\n-----------------\n\n\
                --  Post  assesses that U.S. investments in Qatar's energy industry are at risk.\n\n\
                1. (C) Qatar shares with Iran the largest non-associated gas field in the world.\n";
    let cable = crate::parse(text).unwrap();
    let p = &cable.paragraphs()[0];
    assert_eq!(p.number(), None);
    assert_eq!(p.marking().unwrap().raw, "(S/NF)");
    assert_eq!(p.heading().as_deref(), Some("KEY POINTS"));
    assert_eq!(cable.text_of(p.heading_span().unwrap()), "(S/NF) KEY POINTS");
    // A paragraph with a marking of its own keeps the heading as written (09DOHA502's
    // `(C) SUMMARY` above `1. (C) ...`).
    let text = "SECRET DOHA 000502\n\nSUBJECT: X\n\n(C) SUMMARY\n-----------\n\n1. (C) The Amir said so.\n";
    let cable = crate::parse(text).unwrap();
    assert_eq!(cable.paragraphs()[0].heading().as_deref(), Some("(C) SUMMARY"));
}

#[test]
fn a_block_under_a_marked_heading_is_a_paragraph() {
    // 07ABUDHABI1838: marked, underlined captions over `--` items after paragraph 4.
    let text = "CONFIDENTIAL ABU DHABI 001838\n\nSUBJECT: X\n\n\
                4. (C) Specific responses to questions follow (see 05 Abu\nDhabi 4592 for more details).\n\n\
                (U) Status of Host Nation Laws:\n---------------------------\n\n\
                -- UAE Federal Law 4 of 2002 is the relevant law\n\n\
                (SBU) Key Elements of UAE Federal Law 4 (2002) with regard to\nbulk cash smuggling):\n\
                --------------------------------------------- ----------\n\n\
                -- The law permits the import and export of any amount of\ncurrency.\n\n\
                -- Although there is a requirement to declare cash imports,\nthe UAE does not provide forms.\n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 3, "{:?}", ps.iter().map(|p| p.text()).collect::<Vec<_>>());
    assert!(ps[0].text().ends_with("for more details)."));
    assert_eq!((ps[1].number(), ps[1].marking().unwrap().raw), (None, "(U)"));
    assert_eq!(ps[1].heading().as_deref(), Some("Status of Host Nation Laws:"));
    assert_eq!(ps[2].marking().unwrap().raw, "(SBU)");
    assert!(ps[2].text().starts_with("-- The law permits") && ps[2].text().ends_with("does not provide forms."));
}

#[test]
fn a_framed_heading_stays_one_across_a_sections_end() {
    // 01VATICAN2955: the framed caption, then the section's foot (`PTQ4911`) and the next
    // section's header, then the paragraph it heads.
    let text = "UNCLASSIFIED VATICAN 002955\n\nSUBJECT: X\n\n\
                3. THE VATICAN DELEGATE SPOKE. TO ENSURE FREEDOM FROM HUNGER FOR EVERYONE. \n \n\
                --------------------------------------------- ----------- \n\
                FOREIGN MINISTER SAYS PAPAL TRIP TO UKRAINE NOT A THREAT \n\
                --------------------------------------------- ----------- \n \n\
                \x20                      UNCLASSIFIED \n \n                           UNCLASSIFIED     PTQ4911 \n \n\
                PAGE 01        VATICA  02955  02 OF 02  151456Z \nACTION EUR-00 \n \n\
                R 151456Z JUN 01\nFM AMEMBASSY VATICAN\nTO SECSTATE WASHDC 5550\n\n\
                UNCLAS SECTION 02 OF 02 VATICAN 002955\n\n\
                4. UKRAINE'S FOREIGN MINISTER SAID THE TRIP WAS NO THREAT. \n";
    let cable = crate::parse(text).unwrap();
    let ps = cable.paragraphs();
    assert_eq!(ps.len(), 2, "{:?}", ps.iter().map(|p| p.text()).collect::<Vec<_>>());
    assert!(ps[0].text().ends_with("FOR EVERYONE."), "{}", ps[0].text());
    assert_eq!(ps[1].heading().as_deref(), Some("FOREIGN MINISTER SAYS PAPAL TRIP TO UKRAINE NOT A THREAT"));
}
