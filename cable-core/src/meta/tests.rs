//! Unit tests of the metadata walker.

use super::*;

#[test]
fn ref_items_after_dashes_and_serials_wrapped_to_the_next_line() {
    let serials = |text: &str| {
        crate::parse(text)
            .unwrap()
            .references()
            .iter()
            .map(|r| (r.label.map(str::to_owned), r.serial))
            .collect::<Vec<_>>()
    };
    // cables-real-dev.csv (a 2004 Lagos cable): items led by dashes.
    assert_eq!(
        serials("SUBJECT: X\n\nREF: (A) Abuja 2934 \n-      (B) Abuja 2833\n-      (C) Abuja 2721\n\n1. x\n"),
        [(Some("A".into()), Some(2934)), (Some("B".into()), Some(2833)), (Some("C".into()), Some(2721))]
    );
    // The peer parser's case: `(C) LAGOS` / `01583, (D) Lagos 1678`.
    assert_eq!(
        serials("SUBJECT: X\n\nREF: (A) LAGOS O1512, (B) LAGOS 01545, (C) LAGOS \n01583, (D) Lagos 1678 \n\n1. x\n"),
        [
            (Some("A".into()), Some(1512)),
            (Some("B".into()), Some(1545)),
            (Some("C".into()), Some(1583)),
            (Some("D".into()), Some(1678))
        ]
    );
}

#[test]
fn a_subject_ends_where_a_glued_field_starts() {
    // 08LONDON1991 (page and cables-dev.csv): REF glued to the subject's last word.
    let c = crate::parse(
        "SUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN AS UK PRIMEREF: A. LONDON 1939  B. LONDON 1704\n\n1. x\n",
    )
    .unwrap();
    assert_eq!(c.subject(), Some("WHO WOULD REPLACE GORDON BROWN AS UK PRIME"));
    assert_eq!(c.references().iter().map(|r| r.serial).collect::<Vec<_>>(), [Some(1939), Some(1704)]);
    // cables-dev.csv row 763: Classified By, then REFTELS, on the subject's line.
    let c = crate::parse(
        "SUBJECT: BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS Classified By: Charge d'Affaires Cherie Jackson, \
         Reasons 1.4 (b) and (d). REFTELS: A) 2008 BRASILIA 672, B) 2008 BRASILIA 593\n\n1. x\n",
    )
    .unwrap();
    assert_eq!(c.subject(), Some("BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS"));
    assert_eq!(c.classified_by().unwrap().names, ["Cherie Jackson"]);
    assert_eq!(c.references().len(), 2);
}

#[test]
fn a_subject_cut_by_a_blank_line_goes_on_when_metadata_follows() {
    // 10SHENYANG4: the REF and Classified By lines were lost to the body.
    let text = "SE C R E T SECTION 01 OF 02 XXXXXXXXXXXX 000004\n\nE.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION\n\
                SUBJECT: WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY\n\nREFORM\n\nREF: 09 XXXXXXXXXXXX 167\n\n\
                Classified By: Consul General Stephen B. Wickman. For\nReasons 1.4 (b) and (d)\n\n1. (S) Summary.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.subject(), Some("WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY REFORM"));
    assert_eq!(c.references().len(), 1);
    assert_eq!(c.classified_by().unwrap().names, ["Stephen B. Wickman"]);
    // 09STATE30049: the first paragraph holds the Classified By line.
    let text = "S E C R E T STATE 030049\n\nSUBJECT: (U) Secretary Clinton's March 24, 2009\n\n\
                Conversation with Australian Prime Minister Kevin Rudd\n\n\
                1. Classified by Acting EAP A/S Alexander A. Arvizu. Reason: 1.4 (d)\n\n2. (U) March 24.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(
        c.subject(),
        Some("Secretary Clinton's March 24, 2009 Conversation with Australian Prime Minister Kevin Rudd")
    );
    assert_eq!(c.classified_by().unwrap().reasons, ["1.4(d)"]);
    // 93ALEXANDRIA190 (cables-real-dev.csv): a short first line wraps too.
    let text = "C O N F I D E N T I A L ALEXANDRIA 00190\n\nSUBJECT:  UPTURN IN FUNDAMENTALIST\nACTIVITY IN THE DELTA\n\n\
                REF:  (A) CAIRO 4357, (B) ALEXANDRIA 150\n\n1.  CONFIDENTIAL - ENTIRE TEXT.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.subject(), Some("UPTURN IN FUNDAMENTALIST ACTIVITY IN THE DELTA"));
    assert_eq!(c.references().len(), 2);
    // A classification line (page footer) and a caption after a cut are not the subject.
    let text = "UNCLAS MUNICH 000025\n\nSUBJECT: YOUTHFUL POLITICIANS SHAKE UP GERMAN STATUS QUO\n\n\
                SENSITIVE BUT UNCLASSIFIED.\n\nREFS: A) BERLIN 169\n\n1. Text.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.subject(), Some("YOUTHFUL POLITICIANS SHAKE UP GERMAN STATUS QUO"));
    let text = "UNCLAS HOLY SEE 000001\n\nSUBJECT: VATICAN VERBATIM\n                       UNCLASSIFIED\n\n1. Text.\n";
    assert_eq!(crate::parse(text).unwrap().subject(), Some("VATICAN VERBATIM"));
    // 92ZAGREB66 (cables-real-dev.csv): the text follows a wrapped subject directly.
    let text = "UNCLAS ZAGREB 000001\n\nSUBJECT:  TUDJMAN LETTER TO PRESIDENT OF THE WORLD\nJEWISH CONGRESS\n\
                FOLLOWING IS A LETTER FROM CROATIAN PRESIDENT FRANJO\nTUDJMAN TO EDGAR BRONFMAN\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.subject(), Some("TUDJMAN LETTER TO PRESIDENT OF THE WORLD JEWISH CONGRESS"));
    // A short subject followed by prose is not continued.
    let text = "UNCLAS STATE 1\n\nSUBJECT: SHORT ONE\n\nSOME PROSE LINE\n\nREF: STATE 2\n\n1. Text.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.subject(), Some("SHORT ONE"));
    assert_eq!(c.references().len(), 1);
}

#[test]
fn text_after_a_page_banner_continues_the_open_field() {
    // 00HARARE6677: the subject goes on after `PAGE 02 HARARE 06677 01 OF 03 291400Z`.
    let text = "C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677\nEO 12958 DECL: 11/29/10\n\
                SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE\n CONFIDENTIAL\n\
                PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER\nREFTEL: HARARE 6584\n1. (C) SUMMARY.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.subject(), Some("ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER"));
    assert_eq!(c.references().len(), 1);
    assert!(c.warnings().iter().any(|w| w.kind == crate::WarningKind::PageBreakInField));
}

#[test]
fn a_distribution_line_wrapped_after_and() {
    // 05RIODEJANEIRO1238.
    let text = "UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 001238\n\nSIPDIS\n\n\
                STATE FOR WHA/BSC, WHA/PDA-LGOULD, DS/ITA AND\nDS/IP/WHA\nDEPT FOR INL\n\n\
                E.O. 12958: N/A TAGS: ASEC SNAR KCRM CASC BR\n\nSUBJECT: DRUGLORD ORDERS RIO BUS BURNED\n\n1. Text.\n";
    let c = crate::parse(text).unwrap();
    let d: Vec<&str> = c.distribution().iter().map(|d| d.value.as_ref()).collect();
    assert_eq!(d, ["STATE FOR WHA/BSC, WHA/PDA-LGOULD, DS/ITA AND DS/IP/WHA", "DEPT FOR INL"]);
    let text =
        "S E C R E T STATE 1\n\nLONDON FOR MURRAY; BAKU FOR\nHAUGEN; DUBAI FOR IRPO\n\nE.O. 12958: N/A\n\n1. Text.\n";
    let c = crate::parse(text).unwrap();
    let d: Vec<&str> = c.distribution().iter().map(|d| d.value.as_ref()).collect();
    assert_eq!(d, ["LONDON FOR MURRAY; BAKU FOR HAUGEN; DUBAI FOR IRPO"]);
    assert!(!c.warnings().iter().any(|w| w.kind == crate::WarningKind::UnrecognisedLine));
}

#[test]
fn a_field_glued_after_a_caption() {
    // 09BRASILIA1540 (cablegate page): the E.O. line was lost, reported unrecognised.
    let text = "UNCLAS BRASILIA 001540 \n\nSIPDIS E.O. 12958: N/A \nTAGS: PTER PREL PGOV BR\n\
                SUBJECT: BRAZIL: 2009 COUNTRY REPORT ON TERRORISM \n\n1. (U) The Brazilian government ...\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.eo().map(|e| (e.order, e.declassify_raw)), Some((Some("12958"), Some("N/A"))));
    assert_eq!(c.caveats().iter().map(|c| c.value.as_ref()).collect::<Vec<_>>(), ["SIPDIS"]);
    assert!(!c.warnings().iter().any(|w| w.kind == crate::WarningKind::UnrecognisedLine));
}

#[test]
fn a_bare_singular_tag_keyword_before_tags() {
    // 09BRASILIA952 (cablegate page): `TAG MASS, PREL, BR`.
    let text = "S E C R E T BRASILIA 000952 \n\nNOFORN \nSIPDIS \n\nSTATE FOR D, P, T, AND WHA \n\n\
                E.O. 12958: DECL: 07/31/2019 \n\nTAG MASS, PREL, BR \n\
                SUBJECT: BRAZIL,S AIR FORCE COMMANDER ASKS FOR STATE ASSURANCES\n\n1. (S/NF) At a July 30 dinner\n";
    let c = crate::parse(text).unwrap();
    let tags: Vec<&str> = c.tags().iter().map(|t| t.value.as_ref()).collect();
    assert_eq!(tags, ["MASS", "PREL", "BR"]);
    let kinds: Vec<_> = c.warnings().iter().map(|w| w.kind).collect();
    assert!(kinds.contains(&crate::WarningKind::DamagedKeyword), "{kinds:?}");
    assert!(!kinds.contains(&crate::WarningKind::UnrecognisedLine), "{kinds:?}");
    // Not before prose.
    let c = crate::parse("UNCLAS STATE 1\n\nTAG TEAM OF NEGOTIATORS\nE.O. 12958: N/A\n\n1. Text.\n").unwrap();
    assert!(c.tags().is_empty());
}

#[test]
fn classified_by_reasons_wrapped_before_and() {
    // 09ABUDHABI754: `FOR REASONS 1.4 B` / `AND D.`, then two REF blocks.
    let text = "S E C R E T ABU DHABI 000754\n\nSUBJECT: (S) MBZ HOSTS DINNER\n\n\
                CLASSIFIED BY CHARGE D'AFFAIRES DOUGLAS C.GREENE FOR REASONS 1.4 B\nAND D.\n\n\
                REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS\nREF B SECSTATE 76108\n\n\n1. (S) Summary.\n";
    let c = crate::parse(text).unwrap();
    assert_eq!(c.classified_by().unwrap().reasons, ["1.4(b)", "1.4(d)"]);
    let labels: Vec<_> = c.references().iter().map(|r| r.label).collect();
    assert_eq!(labels, [Some("A"), Some("B")]);
}

#[test]
fn classified_by_reasons_after_a_blank_line() {
    // 07LONDON4472: `FOR REASONS` / `` / `1.4 B, D`.
    let text = "C O N F I D E N T I A L LONDON 004472\n\nSUBJECT: SCENESETTER\n\n\
                Classified By: AMBASSADOR ROBERT H. TUTTLE FOR REASONS\n\n1.4 B, D\n\n1. (SBU) Summary.\n";
    let c = crate::parse(text).unwrap();
    let cb = c.classified_by().unwrap();
    assert_eq!(cb.names, ["ROBERT H. TUTTLE"]);
    assert_eq!(cb.reasons, ["1.4(b)", "1.4(d)"]);
}

#[test]
fn rules_and_labels() {
    assert!(ref_label_line("B. SANAA 1414"));
    assert!(ref_label_line("(C) STATE 1"));
    assert!(!ref_label_line("BOSNIA"));
}
