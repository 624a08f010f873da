//! The envelope's date against the date-time group: the pages' minutes are the hour on a
//! 12-hour clock (a flaw of the cablegate site, carried into `cables-dev.csv`), the real CSV's
//! minutes are exact. Rows are the first row of each file (66BUENOSAIRES2481), cut short.

use cable_core::WarningKind;
use cable_core::envelope::csv::CsvReader;

fn date_warnings(created: &str) -> usize {
    let row = format!(
        "\"1\",\"{created}\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\",\"\",\
         \"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\",\
         \"UNCLASSIFIED BUENOS AIRES 2481 \n \nE.O. 11652: N/A\n\"\n"
    );
    let record = CsvReader::new(row.as_bytes()).read_record().unwrap().unwrap();
    let doc = record.document();
    let cable = doc.parse().unwrap();
    assert_eq!(cable.reference_id(), Some("66BUENOSAIRES2481"));
    cable.warnings().iter().filter(|w| w.kind == WarningKind::EnvelopeDateMismatch).count()
}

#[test]
fn exact_minutes_agree() {
    // cables-real-dev.csv row 1.
    assert_eq!(date_warnings("12/28/1966 18:48"), 0);
}

#[test]
fn the_pages_twelve_hour_minutes_are_not_a_disagreement() {
    // cables-dev.csv row 1: 18:06 for 1848Z.
    assert_eq!(date_warnings("12/28/1966 18:06"), 0);
}

#[test]
fn other_minutes_and_other_hours_disagree() {
    assert_eq!(date_warnings("12/28/1966 18:30"), 1);
    assert_eq!(date_warnings("12/28/1966 19:07"), 1);
    assert_eq!(date_warnings("12/29/1966 18:06"), 1);
}
