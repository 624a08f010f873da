//! Partial records read from their text alone (issue 13): the year from the archive's document
//! number line, the date-time group from a later section's header block.

use cable_core::envelope::corpus::Corpus;
use std::path::PathBuf;

/// The text of a one-row fixture CSV (its envelope left out).
fn text_of(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name);
    let entry = Corpus::new([&path]).next().expect("one row").expect("readable");
    entry.document.text().to_owned()
}

#[test]
fn the_archive_number_line_gives_the_year() {
    // `2001HOCHI00197 - UNCLASSIFIED` above a record with no date-time group nor its echo.
    let text = text_of("01HOCHIMINHCITY197.csv");
    let cable = cable_core::parse(&text).unwrap();
    assert!(cable.dtg().is_none() && cable.created().is_none());
    assert_eq!(cable.reference_id(), Some("01HOCHIMINHCITY197"));
}

#[test]
fn a_later_section_gives_the_date_time_group() {
    let text = text_of("02VATICAN1922.csv");
    let cable = cable_core::parse(&text).unwrap();
    assert_eq!(cable.dtg().map(|d| d.raw), Some("180503Z APR 02"));
    assert_eq!(cable.reference_id(), Some("02VATICAN1922"));
    assert_eq!(cable.sender(), Some("AMEMBASSY VATICAN"));
    let sections: Vec<_> = cable.sections().iter().map(|s| (s.number, s.total)).collect();
    assert_eq!(sections, [(Some(1), Some(2)), (Some(2), Some(2))]);
    // The block is no paragraph text.
    assert!(cable.paragraphs().iter().all(|p| !p.text().contains("FM AMEMBASSY VATICAN")));
}

#[test]
fn without_banner_the_de_line_gives_station_and_serial() {
    // 09LAPAZ96: the text goes from SIPDIS to E.O. without a banner line; `DE RUEHLP #0096/01`.
    let text = text_of("09LAPAZ96.csv");
    let cable = cable_core::parse(&text).unwrap();
    assert_eq!(cable.reference_id(), Some("09LAPAZ96"));
}
