//! The CSV range reader (`CsvReader::range`): cutting a `cables.csv` file at arbitrary byte
//! offsets and reading each range gives exactly the sequential rows, in order, nothing lost or
//! repeated — also when a cut falls inside a quoted multi-line field, on an escaped quote, or on
//! the blank line between rows.

use cable_core::envelope::csv::{CsvReader, RawRow};
use std::io::Cursor;

/// The rows of a whole reading: (file offset, row length) and the raw row.
fn sequential(data: &[u8]) -> Vec<(u64, RawRow)> {
    let mut reader = CsvReader::new(data);
    let mut out = Vec::new();
    while let Some(row) = reader.read_raw() {
        let row = row.expect("a well-formed file");
        out.push((row.offset(), row));
    }
    out
}

/// The rows of one range.
fn range(data: &[u8], from: u64, to: u64) -> Vec<(u64, RawRow)> {
    let mut reader = CsvReader::range(Cursor::new(data), from..to).expect("seek in memory");
    let mut out = Vec::new();
    while let Some(row) = reader.read_raw() {
        let row = row.expect("a well-formed file");
        out.push((row.offset(), row));
    }
    out
}

/// A small deterministic generator (xorshift), so that a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Checks that the ranges cut at `cuts` (sorted, inside the file) together read `whole`.
fn check_partition(data: &[u8], whole: &[(u64, RawRow)], cuts: &[u64]) {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(data.len() as u64);
    let mut got = Vec::new();
    for w in bounds.windows(2) {
        let part = range(data, w[0], w[1]);
        for (offset, _) in &part {
            assert!((w[0]..w[1]).contains(offset), "row at {offset} read by range {}..{}", w[0], w[1]);
        }
        got.extend(part);
    }
    let offsets = |rows: &[(u64, RawRow)]| rows.iter().map(|(o, r)| (*o, r.len())).collect::<Vec<_>>();
    // Same offsets and lengths in the same bytes: the same rows, byte for byte. (Row numbers
    // differ: a range counts its own.)
    assert_eq!(offsets(&got), offsets(whole), "cuts {cuts:?}");
}

/// The committed CSV fixtures, one file: real rows of `cables.csv` with multi-line header and
/// body fields and backslash escapes.
fn fixture() -> Vec<u8> {
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("committed fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for n in names {
        out.extend(std::fs::read(n).expect("fixture"));
        if out.last() != Some(&b'\n') {
            out.push(b'\n');
        }
    }
    out
}

#[test]
fn every_cut_in_the_first_rows_of_the_fixture() {
    let data = fixture();
    let whole = sequential(&data);
    assert!(whole.len() >= 30, "{} rows", whole.len());
    // Every byte of the first three rows as a cut point: on the row start, inside the quoted
    // multi-line header and body, on escapes, on the line ends between rows.
    let end = whole[3].0;
    let text = &data[..end as usize];
    assert!(text.windows(2).any(|w| w == b"\\\""), "the first rows hold escaped quotes");
    for cut in 1..end {
        let before = range(&data, 0, cut);
        let after = range(&data, cut, end + 1);
        let n = whole.iter().filter(|(o, _)| *o < cut).count();
        assert_eq!(before.len(), n, "rows before {cut}");
        assert_eq!(after.len(), 4 - n, "rows from {cut}");
        assert_eq!(after.first().map(|r| r.0), whole.get(n).map(|r| r.0), "first row from {cut}");
    }
}

#[test]
fn random_partitions_of_the_fixture() {
    let data = fixture();
    let whole = sequential(&data);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..200 {
        let mut cuts: Vec<u64> = (0..1 + rng.below(12)).map(|_| 1 + rng.below(data.len() as u64 - 1)).collect();
        cuts.sort_unstable();
        cuts.dedup();
        check_partition(&data, &whole, &cuts);
    }
}

#[test]
fn blank_space_and_carriage_returns_between_rows() {
    let row = |n: u32, body: &str| format!("\"{n}\",\"1/1/2000 0:00\",\"00X{n}\",\"o\",\"c\",\"\",\"h\",\"{body}\"");
    // Row 2's body has lines that begin like rows, but escaped: `\"3\",\"` is inside a field.
    let data = format!(
        "  {}\r\n\n  \t{}\n\n\n{}\r{}",
        row(1, "a"),
        row(2, "x\n\\\"3\\\",\\\"y\\\\\n z"),
        row(3, "b"),
        row(4, "c")
    );
    let data = data.as_bytes();
    let whole = sequential(data);
    assert_eq!(whole.len(), 4);
    for a in 1..data.len() as u64 {
        check_partition(data, &whole, &[a]);
        for b in (a + 1..data.len() as u64).step_by(7) {
            check_partition(data, &whole, &[a, b]);
        }
    }
}

#[test]
fn random_partitions_of_the_real_csv() {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")));
    let path = dir.join("cables-real-dev.csv");
    let Ok(data) = std::fs::read(&path) else {
        assert!(std::env::var_os("CABLE_REQUIRE_CORPUS").is_none(), "{} is missing", path.display());
        println!("SKIPPED: random_partitions_of_the_real_csv: {} is missing", path.display());
        return;
    };
    let whole = sequential(&data);
    assert_eq!(whole.len(), 8791);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..4 {
        let mut cuts: Vec<u64> = (0..1 + rng.below(30)).map(|_| 1 + rng.below(data.len() as u64 - 1)).collect();
        cuts.sort_unstable();
        cuts.dedup();
        check_partition(&data, &whole, &cuts);
    }
    // Cuts inside multi-line fields: the middle of random rows (their header and body span
    // many lines).
    let mut cuts: Vec<u64> =
        (0..40).map(|_| &whole[rng.below(whole.len() as u64) as usize]).map(|(o, r)| o + r.len() as u64 / 2).collect();
    cuts.sort_unstable();
    cuts.dedup();
    check_partition(&data, &whole, &cuts);
    // The file-path entry gives the same rows as the in-memory one.
    let mid = data.len() as u64 / 2;
    let mut reader = CsvReader::open_range(&path, mid..data.len() as u64).expect("open");
    let first = reader.read_raw().expect("a row").expect("well-formed");
    assert_eq!(Some(first.offset()), whole.iter().map(|r| r.0).find(|o| *o >= mid));
}

#[test]
fn corpus_ranges_and_bytes_read() {
    use cable_core::envelope::corpus::Corpus;
    // A committed fixture as a file: the range walk reads it through the file system.
    let data = fixture();
    let dir = std::env::temp_dir().join(format!("cable-csv-range-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("rows.csv");
    std::fs::write(&path, &data).expect("write");
    let ids = |c: Corpus| c.map(|e| e.expect("a row").document.envelope().and_then(|v| v.row_id)).collect::<Vec<_>>();
    let whole = ids(Corpus::csv(&path));
    let mid = data.len() as u64 / 3;
    let mut parts = ids(Corpus::csv_range(&path, 0..mid).expect("open"));
    parts.extend(ids(Corpus::csv_range(&path, mid..data.len() as u64).expect("open")));
    assert_eq!(parts, whole);
    assert!(whole.len() >= 30);
    // bytes_read: the whole file once read; a range from its start.
    let mut walk = Corpus::csv(&path);
    assert_eq!(walk.bytes_read(), 0);
    for e in walk.by_ref() {
        e.expect("a row");
    }
    assert_eq!(walk.bytes_read(), data.len() as u64);
    let mut tail = Corpus::csv_range(&path, mid..data.len() as u64).expect("open");
    for e in tail.by_ref() {
        e.expect("a row");
    }
    assert!(tail.bytes_read() <= data.len() as u64 - mid && tail.bytes_read() > (data.len() as u64 - mid) / 2);
    std::fs::remove_dir_all(&dir).ok();
}
