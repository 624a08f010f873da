//! Unit tests of the CSV reader.

use super::*;

fn read_all(data: &str) -> Vec<Result<CsvRecord, CsvError>> {
    CsvReader::new(data.as_bytes()).collect()
}

const ROW1: &str = "\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\",\"66STATE106206\",\"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\",\"UNCLASSIFIED BUENOS AIRES 2481 \nOF \\\"PREFERENTIAL JURISDICTION\\\" AND IRAN\\'S\"\n";

#[test]
fn one_row_with_escapes_and_newlines() {
    let rows = read_all(ROW1);
    assert_eq!(rows.len(), 1);
    let r = rows[0].as_ref().unwrap();
    assert_eq!(r.row(), 1);
    assert_eq!(r.row_id(), Some(1));
    assert_eq!(
        r.text(),
        "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n\nUNCLASSIFIED BUENOS AIRES 2481 \nOF \"PREFERENTIAL JURISDICTION\" AND IRAN'S"
    );
    let doc = r.document();
    let env = doc.envelope().unwrap();
    assert_eq!(env.reference_id.as_deref(), Some("66BUENOSAIRES2481"));
    assert_eq!(env.created.as_deref(), Some("12/28/1966 18:48"));
    assert_eq!(env.origin.as_deref(), Some("Embassy Buenos Aires"));
    assert_eq!(env.reference_ids().collect::<Vec<_>>(), ["66STATE106206"]);
}

#[test]
fn the_one_copy_path_decodes_as_the_field_by_field_path() {
    let data = format!("{ROW1}\"2\",\"1/1/2000 0:00\",\"00X1\",\"o\",\"c\",\"\",\"HEAD \\\\ \n\n \",\"b\\\"q\\\"\"\n");
    let mut reader = CsvReader::new(data.as_bytes());
    let mut n = 0;
    while let Some(raw) = reader.read_raw() {
        let raw = raw.unwrap();
        let fast = raw.clone().decode_clean().expect("clean UTF-8");
        assert_eq!(fast, raw.decode_lossy());
        n += 1;
    }
    assert_eq!(n, 2);
}

#[test]
fn malformed_row_is_reported_and_skipped() {
    let bad = "\"2\",\"1/1/2000 0:00\",\"00X1\",\"o\",\"c\",\"\",\"h\" oops,\"b\"\n";
    let data = format!("{ROW1}\n{bad}{}", ROW1.replace("\"1\"", "\"3\""));
    let rows = read_all(&data);
    assert_eq!(rows.len(), 3);
    assert!(rows[0].is_ok());
    let e = rows[1].as_ref().unwrap_err();
    assert_eq!(e.kind(), CsvErrorKind::ExpectedSeparator);
    assert_eq!(e.row(), 2);
    assert_eq!(e.offset(), ROW1.len() as u64 + 1);
    let r3 = rows[2].as_ref().unwrap();
    assert_eq!((r3.row(), r3.row_id()), (3, Some(3)));
}

#[test]
fn truncated_file() {
    let rows = read_all(&ROW1[..ROW1.len() - 20]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].as_ref().unwrap_err().kind(), CsvErrorKind::Truncated);
}

#[test]
fn offsets_stay_inside_the_input_after_resync_and_truncation() {
    // Found by fuzzing (csv_rows): a junk line, then a row start in the second half of the
    // buffer whose row the file cuts short. The buffer is compacted before the end of the
    // file is seen; the truncation error must still carry the row's true offset.
    let junk = "-- THE ORGANS OF THE REPUBLIC\n".repeat(40);
    let data = format!("{junk}\"503\",\"3/26/1992 12:14\",\"92LIMA4541\",\"Embassy Lima\",\"CONF");
    let rows = read_all(&data);
    assert_eq!(rows.len(), 2);
    let e = rows[1].as_ref().unwrap_err();
    assert_eq!(e.kind(), CsvErrorKind::Truncated);
    assert_eq!(e.offset(), junk.len() as u64);
    assert_eq!(rows[0].as_ref().unwrap_err().offset(), 0);
}

#[test]
fn short_row_is_a_field_count_error() {
    let rows = read_all("\"1\",\"a\",\"b\"\n");
    assert_eq!(rows[0].as_ref().unwrap_err().kind(), CsvErrorKind::FieldCount);
    // Issue 14: the message said "a row has 8 fields" for a row of 7 or 9.
    assert!(rows[0].as_ref().unwrap_err().to_string().contains("the row has 3 fields, not 8"));
    let seven = "\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"\n";
    assert!(read_all(seven)[0].as_ref().unwrap_err().to_string().contains("the row has 7 fields, not 8"));
    let nine = "\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"\n";
    let e = read_all(nine).remove(0).unwrap_err();
    assert_eq!(e.kind(), CsvErrorKind::FieldCount);
    assert!(e.to_string().contains("the row has more than 8 fields"), "{e}");
}

#[test]
fn an_over_long_row_is_rejected_while_reading() {
    // Issue 14: a 300 MB row was read whole (809 MB) before the 256 MiB limit rejected it.
    // Here a 3 MB row against a 1 MB limit: the buffer never holds much more than the limit.
    let limit = 1 << 20;
    let mut data = String::from("\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"");
    data.push_str(&"x".repeat(3 << 20));
    data.push_str("\"\n\"2\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"UNCLASSIFIED\"\n");
    let mut reader = CsvReader::new(data.as_bytes()).with_max_row_len(limit);
    let e = reader.read_raw().expect("a row").unwrap_err();
    assert_eq!(e.kind(), CsvErrorKind::RowTooLong);
    assert!(e.to_string().contains("row longer than 1048576 bytes"), "{e}");
    assert!(reader.buf.capacity() <= limit + 2 * CHUNK, "buffer of {} bytes", reader.buf.capacity());
    assert_eq!(reader.read_raw().expect("the next row").unwrap().row(), 2);
}

#[test]
fn rows_longer_than_a_chunk() {
    let body = "X".repeat(3 * CHUNK);
    let data = format!(
        "\"1\",\"1/1/2000 0:00\",\"00STATE1\",\"o\",\"c\",\"\",\"h\",\"{body}\"\n\"2\",\"1/1/2000 0:00\",\"00STATE2\",\"o\",\"c\",\"\",\"h\",\"b\"\n"
    );
    let rows = read_all(&data);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].as_ref().unwrap().text().len(), 3 + 3 * CHUNK);
    assert_eq!(rows[1].as_ref().unwrap().row_id(), Some(2));
}

#[test]
fn detection() {
    assert!(looks_like_csv(ROW1.as_bytes()));
    assert!(!looks_like_csv(b"VZCZCXRO9060"));
}

/// The error kinds' names (the JSON and the C and Python errors write them): snake_case, one
/// per kind, and what serde writes. (Here rather than with the other enums' names in
/// `names.rs`, so that the name table's module does not import the reader.)
#[cfg(feature = "serde")]
#[test]
fn error_kind_names() {
    let mut seen = std::collections::HashSet::new();
    for &k in CsvErrorKind::ALL {
        let name = k.as_str();
        assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
        assert!(seen.insert(name), "{name} twice");
        assert_eq!(serde_json::to_value(k).unwrap(), serde_json::Value::String(name.to_owned()));
    }
    assert!(seen.contains("row_too_long"));
}

/// A row that is not clean UTF-8: each field decoded on its own (Windows-1252, NUL replaced),
/// escapes removed before decoding, the header trimmed and joined to the body by a blank line,
/// and the replacements' spans at their place in the joined text.
#[test]
fn a_row_with_invalid_bytes_is_decoded_field_by_field() {
    let mut data = b"\"7\",\"1/1/2000 0:00\",\"00X1\",\"Embassy \x93Q\x94\",\"c\",\"\",".to_vec();
    data.extend_from_slice(b"\"HEAD\x92S \\\"X\\\"\n \",\"caf\xe9\\\\\x00\"\n");
    let raw = CsvReader::new(&data[..]).read_raw().expect("a row").expect("well-formed");
    let record = raw.clone().decode_clean().expect_err("not clean UTF-8").decode();
    assert_eq!(record, raw.decode());
    assert_eq!(record.text(), "HEAD\u{2019}S \"X\"\n\ncaf\u{e9}\\\u{fffd}");
    assert_eq!(record.document().envelope().unwrap().origin.as_deref(), Some("Embassy \u{201c}Q\u{201d}"));
    assert_eq!(record.replaced, 5);
    let spans: Vec<&str> = record.replaced_spans.iter().map(|s| &record.text()[s.range()]).collect();
    assert_eq!(spans, ["\u{2019}", "\u{e9}", "\u{fffd}"]);
}

/// A row is checked for UTF-8 once as read, but what must be valid is its fields unescaped: a
/// backslash between the bytes of a character makes the row invalid and the field valid.
#[test]
fn a_row_valid_only_without_its_escapes_is_clean() {
    let data =
        b"\"7\",\"1/1/2000 0:00\",\"00X1\",\"caf\xc3\\\xa9\",\"c\",\"\",\"HEAD\",\"caf\xc3\\\xa9 \xe2\x80\x94\"\n";
    let raw = CsvReader::new(&data[..]).read_raw().expect("a row").expect("well-formed");
    let record = raw.decode_clean().expect("clean once unescaped");
    assert_eq!(record.text(), "HEAD\n\ncaf\u{e9} \u{2014}");
    assert_eq!(record.document().envelope().unwrap().origin.as_deref(), Some("caf\u{e9}"));
    assert_eq!(record.replaced, 0);
}

#[test]
fn a_row_source_is_the_path_and_the_row() {
    for row in [0, 1, 9, 10, 17, 99_999, 1_000_000, u64::MAX] {
        assert_eq!(super::row_source("cables.csv", row), format!("cables.csv:{row}"));
    }
    assert_eq!(super::row_source("", 3), ":3");
}
