//! Unit tests of the REF field parser.

use super::*;

type Parts = (Option<&'static str>, ReferenceKind, Option<String>, Option<u32>, Option<i32>);

fn refs(src: &'static str) -> Vec<Parts> {
    let pieces: Vec<&str> = src.split('\n').collect();
    let mut out = Vec::new();
    parse(&pieces, src, &mut out);
    out.into_iter().map(|r| (r.label, r.kind, r.station.map(|s| s.into_owned()), r.serial, r.year)).collect()
}

fn cable(label: Option<&'static str>, station: &str, serial: u32, year: Option<i32>) -> Parts {
    (label, ReferenceKind::Cable, Some(station.to_string()), Some(serial), year)
}

#[test]
fn lettered_items_over_lines() {
    let r = refs(" A. SANAA 1546\n     B. SANAA 1414\n     C. STATE 163627");
    assert_eq!(
        r,
        [
            cable(Some("A"), "SANAA", 1546, None),
            cable(Some("B"), "SANAA", 1414, None),
            cable(Some("C"), "STATE", 163627, None)
        ]
    );
}

#[test]
fn inline_labels_and_years() {
    let r = refs(" A) TEL AVIV 4184 B) JERUSALEM 2729");
    assert_eq!(r, [cable(Some("A"), "TELAVIV", 4184, None), cable(Some("B"), "JERUSALEM", 2729, None)]);
    let r = refs(" A. 03 LILONGWE 1202 B. 2007 MANAGUA 2135");
    assert_eq!(r, [cable(Some("A"), "LILONGWE", 1202, Some(2003)), cable(Some("B"), "MANAGUA", 2135, Some(2007))]);
}

#[test]
fn several_serials_and_non_cables() {
    let r = refs(" STATE 188314, 259032");
    assert_eq!(r, [cable(None, "STATE", 188314, None), cable(None, "STATE", 259032, None)]);
    let r = refs(" STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966");
    assert_eq!(r[0], cable(None, "STATE", 106206, None));
    assert_eq!(r[1].1, ReferenceKind::Other);
    assert_eq!(r.len(), 2);
    let r = refs(" A. LEE-GOLDSTEIN EMAIL 05/11/07 B. SECSTATE 271552");
    assert_eq!(r[0].1, ReferenceKind::Email);
    assert_eq!(r[1], cable(Some("B"), "STATE", 271552, None));
    let r = refs(" 09 FOO 12 AND 13");
    assert_eq!(r, [cable(None, "FOO", 12, Some(2009)), cable(None, "FOO", 13, Some(2009))]);
}

#[test]
fn doubled_labels_are_not_stations() {
    // 04KINSHASA1339 (cables-real-dev.csv): `REF: A. A. STATE 150717` gave ASTATE.
    let r = refs(" A. A. STATE 150717\n     B. B. E-MAIL SANDERSON-EASTHAM 7/8/04\n     C. C. KINSHASA 1050");
    assert_eq!(r[0], cable(Some("A"), "STATE", 150717, None));
    assert_eq!(r[1].1, ReferenceKind::Email);
    assert_eq!(r[2], cable(Some("C"), "KINSHASA", 1050, None));
}

#[test]
fn blocks_that_start_at_a_later_letter_or_without_punctuation() {
    // 09ABUDHABI754: `REF A SECRETARY'S LETTER ...` then `REF B SECSTATE 76108`.
    let r = refs(" A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS");
    assert_eq!((r.len(), r[0].0, r[0].1), (1, Some("A"), ReferenceKind::Other));
    assert_eq!(refs(" B SECSTATE 76108"), [cable(Some("B"), "STATE", 76108, None)]);
    // 01VATICAN2531 (cables-real-dev.csv): `REF A: STATE 72589  REF B: VATICAN 00747`.
    let r = refs(" A: STATE 72589  REF B: VATICAN 00747");
    assert_eq!(r, [cable(Some("A"), "STATE", 72589, None), cable(Some("B"), "VATICAN", 747, None)]);
    assert_eq!(refs(" C: BEIJING 3977"), [cable(Some("C"), "BEIJING", 3977, None)]);
    // 05KINSHASA11 (cables-real-dev.csv): `REF A: 04 STATE 099987`.
    assert_eq!(refs(" A: 04 STATE 099987"), [cable(Some("A"), "STATE", 99987, Some(2004))]);
    // No label: a station first.
    assert_eq!(refs(" STATE 1234"), [cable(None, "STATE", 1234, None)]);
}

#[test]
fn a_year_after_the_serial_and_o_for_zero() {
    // 09DOHA214: `C. DOHA 152 (08)`; the peer parser's cases: `QUITO 4525-91`, `00789/08`.
    assert_eq!(refs(" C. DOHA 152 (08)"), [cable(Some("C"), "DOHA", 152, Some(2008))]);
    assert_eq!(refs(" A. QUITO 4525-91"), [cable(Some("A"), "QUITO", 4525, Some(1991))]);
    assert_eq!(refs(" B. B: PANAMA 00930/08"), [cable(Some("B"), "PANAMA", 930, Some(2008))]);
    // cables-real-dev.csv row 3767: `Panama O417`; the peer's `(B)O4 CHENNAI 0944`.
    assert_eq!(refs(" B. Panama O417"), [cable(Some("B"), "PANAMA", 417, None)]);
    assert_eq!(refs(" (B)O4 CHENNAI 0944"), [cable(Some("B"), "CHENNAI", 944, Some(2004))]);
    // Month and day of an e-mail are no serial and year (row 1947: `HARDT-KEEGAN 4/28 E-MAIL`).
    assert!(refs(" A. HARDT-KEEGAN 4/28 E-MAIL").iter().all(|p| p.1 != ReferenceKind::Cable));
}

#[test]
fn a_year_glued_to_the_station() {
    // 10SHENYANG5: `REF: A. 10SHENYANG 003  B. 09SHENYANG 167`.
    let r = refs(" A. 10SHENYANG 003  B. 09SHENYANG 167");
    assert_eq!(r, [cable(Some("A"), "SHENYANG", 3, Some(2010)), cable(Some("B"), "SHENYANG", 167, Some(2009))]);
}

#[test]
fn a_month_before_the_number_is_a_date() {
    // `DEMARCHE DECEMBER 12` (a dated demarche) is no cable; `STATE 12` is.
    let r = refs(" A. DEMARCHE DECEMBER 12 B. STATE 12");
    assert_eq!(r[0].1, ReferenceKind::Other);
    assert_eq!(r[1], cable(Some("B"), "STATE", 12, None));
}

#[test]
fn a_month_before_a_year_is_a_date() {
    // 03OTTAWA160 (cables-real-dev.csv): `A. TREAS 041955Z DECEMBER 2002` gave 03DECEMBER2002.
    let r = refs(" A. TREAS 041955Z DECEMBER 2002\n     B. OTTAWA 3113");
    assert_eq!(r[0].1, ReferenceKind::Other);
    assert_eq!(r[1], cable(Some("B"), "OTTAWA", 3113, None));
    // 87DAMASCUS3020: `A. FBIS AMMAN JO 040709Z JUN 87 --` gave 87JUN87.
    assert_eq!(refs(" A. FBIS AMMAN JO 040709Z JUN 87 --")[0].1, ReferenceKind::Report);
    // 04MADRID822: `... TO SPAIN DESK ON 25 FEB 2004` gave 25FEB2004.
    assert_eq!(refs(" C. CLASSIFIED EMAIL FROM MADRID TO SPAIN DESK ON 25 FEB 2004")[0].1, ReferenceKind::Email);
    // A station spelled with a month abbreviation stays a station.
    assert_eq!(refs(" RIO DE JAN 38"), [cable(None, "RIODEJANEIRO", 38, None)]);
    // 04TEGUCIGALPA1197: `C. TEGUCIGALPA 00883 QUARTERLY STATUS REPORT 1 QUARTER 2004` gave
    // 04QUARTER2004 besides the cable.
    let r = refs(" C. TEGUCIGALPA 00883 QUARTERLY STATUS REPORT 1 QUARTER 2004");
    assert_eq!(r, [cable(Some("C"), "TEGUCIGALPA", 883, None)]);
}

#[test]
fn labels_glued_to_their_text() {
    // 04TELAVIV1389 (cables-real-dev.csv): `REF: A)Tel Aviv 000935` / `B)03 Tel Aviv 6216`
    // gave station AVIV and lost the labels.
    let r = refs(" A)Tel Aviv 000935\n     B)03 Tel Aviv 6216");
    assert_eq!(r, [cable(Some("A"), "TELAVIV", 935, None), cable(Some("B"), "TELAVIV", 6216, Some(2003))]);
    // 04BRASILIA2526: `REF: A)SAO PAULO 1326 B) BRASILIA 2253` gave station PAULO.
    let r = refs(" A)SAO PAULO 1326 B) BRASILIA 2253");
    assert_eq!(r, [cable(Some("A"), "SAOPAULO", 1326, None), cable(Some("B"), "BRASILIA", 2253, None)]);
    // 87RIYADH8409: `(A)FBIS LD211453 AUG 87 AND FF.`
    let r = refs(" (A)FBIS LD211453 AUG 87 AND FF. (11 SECTIONS)\n     - (B)FBIS LD211046 AUG 87 AND FF.");
    assert_eq!((r.len(), r[0].0, r[0].1, r[1].0), (2, Some("A"), ReferenceKind::Report, Some("B")));
    // Only a parenthesis may be glued: `A.B.` are initials.
    assert_eq!(refs(" A.B. SMITH MEMCON")[0].0, None);
}

#[test]
fn other_messages_are_no_cables() {
    // 04TEGUCIGALPA2063: `A. BOGOTA TWX 07868 DATED 091639ZAUG04` gave BOGOTATWX.
    assert_eq!(refs(" A. BOGOTA TWX 07868 DATED 091639ZAUG04")[0].1, ReferenceKind::Other);
    // 04DJIBOUTI1142: `A. DJIBOUTI DIP NOTE 041` gave DJIBOUTIDIPNOTE.
    assert_eq!(refs(" A. DJIBOUTI DIP NOTE 041")[0].1, ReferenceKind::Other);
    // 01STATE61624: `... TELCON 04/06/01 AT APPROX. 1400 EDT` gave APPROX.
    assert_eq!(refs(" C. NEA A/S WALKER - QATAR FM TELCON 04/06/01 AT APPROX. 1400 EDT")[0].1, ReferenceKind::Telcon);
}

fn texts(src: &'static str) -> Vec<(Option<&'static str>, String)> {
    let pieces: Vec<&str> = src.split('\n').collect();
    let mut out = Vec::new();
    parse(&pieces, src, &mut out);
    for r in &out {
        assert_eq!(r.text.span.slice(src).split_whitespace().next(), r.text.value.split_whitespace().next());
    }
    out.into_iter().map(|r| (r.label, r.text.value.into_owned())).collect()
}

#[test]
fn each_citation_of_an_item_has_its_own_text() {
    // 72TEHRAN1091 (cables-dev.csv row 2): every citation had the whole item as its text.
    let t = texts(" TEHRAN 1091: TEHRAN 263: MOSCOW 1603");
    assert_eq!(t, [(None, "TEHRAN 1091".into()), (None, "TEHRAN 263".into()), (None, "MOSCOW 1603".into())]);
    let t = texts(" A. 04 STATE 297614 AND PREVIOUS 03 RANGOON\n     1427 B. STATE 1 (NOTAL)");
    assert_eq!(
        t,
        [
            (Some("A"), "04 STATE 297614".into()),
            (Some("A"), "03 RANGOON 1427".into()),
            (Some("B"), "STATE 1 (NOTAL)".into())
        ]
    );
    assert_eq!(texts(" STATE 188314, 259032"), [(None, "STATE 188314".into()), (None, "259032".into())]);
    // Issue 14: 10,000 serials on one line gave 590 MB of JSON.
    let line: &'static str = Box::leak(
        format!(" STATE {}", (1..=10_000).map(|n| n.to_string()).collect::<Vec<_>>().join(", ")).into_boxed_str(),
    );
    let t = texts(line);
    assert_eq!(t.len(), 10_000);
    assert!(t.iter().map(|(_, s)| s.len()).sum::<usize>() <= line.len());
    assert_eq!(t[9_999].1, "10000");
}

#[test]
fn labels_past_z_are_doubled_letters() {
    let letters: Vec<String> = (b'A'..=b'Z').map(|c| (c as char).to_string()).collect();
    let mut src: String = letters.iter().enumerate().map(|(i, l)| format!(" {l}. STATE {}", i + 1)).collect();
    src.push_str(" AA. STATE 27 BB. STATE 28 CC. STATE 29");
    let src: &'static str = Box::leak(src.into_boxed_str());
    let r = refs(src);
    assert_eq!(r.len(), 29);
    assert_eq!(r[25], cable(Some("Z"), "STATE", 26, None));
    assert_eq!(r[26], cable(Some("AA"), "STATE", 27, None));
    assert_eq!(r[28], cable(Some("CC"), "STATE", 29, None));
    // Past ZZ no label is looked for: the last item holds the rest, each citation its words.
    let mut src: String = (0..60).map(|i| format!(" {}. STATE {}", label(i), i + 1)).collect();
    src.push('\n');
    let src: &'static str = Box::leak(src.into_boxed_str());
    let t = texts(src);
    assert_eq!(t.len(), 60);
    assert_eq!(t[51], (Some("ZZ"), "STATE 52".into()));
    assert_eq!(t[59], (Some("ZZ"), "STATE 60".into()));
}

fn label(i: usize) -> String {
    let c = (b'A' + (i % 26) as u8) as char;
    std::iter::repeat_n(c, i / 26 + 1).collect()
}

#[test]
fn initials_are_not_labels() {
    let r = refs(" A. MEMCON WITH J. SMITH B. STATE 1234");
    assert_eq!(r[0].1, ReferenceKind::Memcon);
    assert_eq!(r[1], cable(Some("B"), "STATE", 1234, None));
}

#[test]
fn words_that_are_never_stations() {
    use super::cables::{NOT_STATION, is_not_station};
    assert!(is_not_station("REFTEL") && is_not_station("reftel") && is_not_station("E-MAIL"));
    assert!(!is_not_station("STATE") && !is_not_station("") && !is_not_station("PARAGRAPHS"));
    assert!(NOT_STATION.iter().all(|w| is_not_station(w)));
}
