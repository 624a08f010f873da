//! The `cable` command, run as a process: output forms, exit statuses, stdin, errors, stats and
//! export, on the seed and the real corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn cable(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cable")).args(args).current_dir(repo()).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The corpus, or `None` when it is missing: the test is then skipped, saying so on stderr (past
/// the harness's capture), unless `CABLE_REQUIRE_CORPUS=1` (CI), which makes it a failure.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("CABLE_CORPUS").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared/corpus"));
    if dir.join("cables-real-dev.csv").is_file() {
        return Some(dir);
    }
    let msg = format!("the corpus is missing: {} (set CABLE_CORPUS)", dir.display());
    assert!(std::env::var("CABLE_REQUIRE_CORPUS").as_deref() != Ok("1"), "{msg} (CABLE_REQUIRE_CORPUS=1)");
    let test = std::thread::current().name().unwrap_or("test").to_string();
    let _ = writeln!(std::io::stderr(), "SKIPPED: {test}: {msg}");
    None
}

#[test]
fn one_cable_prints_one_pretty_object() {
    let (code, out, err) = cable(&["parse", "examples/07MOSCOW5434.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("{\n  \"reference_id\": \"07MOSCOW5434\""), "{}", &out[..80]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["to"][0]["mcn"], "5322");
    assert_eq!(v["signers"][0], "BURNS");
    assert!(v.get("source").is_none());
}

#[test]
fn jsonl_lines_carry_their_source() {
    let (code, out, _) = cable(&["parse", "--jsonl", "examples/07MOSCOW5434.txt"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["source"], "examples/07MOSCOW5434.txt");
    assert_eq!(v["subject"], "KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\" BOSNIA");
}

#[test]
fn standard_input_and_a_bad_input_among_good_ones() {
    let seed = std::fs::read(repo().join("examples/07MOSCOW5434.txt")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cable"))
        .args(["parse", "-", "missing-file.txt", "examples/07MOSCOW5434.txt"])
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&seed).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a missing file makes the exit status 1");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let sources: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(sources, ["-", "examples/07MOSCOW5434.txt"], "the other inputs are still parsed, in order");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("cable: missing-file.txt: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn not_a_cable_is_a_one_line_error() {
    let dir = std::env::temp_dir().join(format!("cable-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let junk = dir.join("junk.txt");
    std::fs::write(&junk, "just some words\n").unwrap();
    let (code, out, err) = cable(&["parse", junk.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim(), format!("cable: {}: no recognisable cable line at line 1, column 1", junk.display()));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_csv_file_streams_every_row_in_order() {
    let Some(dir) = corpus() else { return };
    let csv = dir.join("cables-real-dev.csv");
    let (code, out, err) = cable(&["parse", "-q", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 8791);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["source"], format!("{}:1", csv.display()));
    assert_eq!(first["reference_id"], "66BUENOSAIRES2481");
    let last: serde_json::Value = serde_json::from_str(lines[8790]).unwrap();
    assert_eq!(last["source"], format!("{}:8791", csv.display()));
}

#[test]
fn stats_report_counts_and_coverage() {
    let Some(dir) = corpus() else { return };
    let (code, out, err) = cable(&["stats", "--json", "-q", dir.join("cables-dev.csv").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cables"], 976);
    assert_eq!(v["errors"], 0);
    // The dev CSV holds the 976 pages: 1966 has one cable (66BUENOSAIRES2481).
    assert_eq!(v["by_year"]["1966"], 1);
    let sum: u64 = v["by_classification"].as_object().unwrap().values().map(|x| x.as_u64().unwrap()).sum();
    assert_eq!(sum, 976);
    assert!(v["coverage"]["SUBJECT"].as_u64().unwrap() > 950);
    let (code, table, _) = cable(&["stats", "-q", dir.join("cables-dev.csv").to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(table.starts_with("cables: 976 "));
    assert!(table.contains("\nfield coverage\n"));
}

#[test]
fn export_writes_one_row_per_cable_or_paragraph() {
    let (code, out, _) = cable(&["export", "examples/07MOSCOW5434.txt"]);
    assert_eq!(code, 0);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    let get = |k: &str| row.get(header.iter().position(|h| h == k).unwrap()).unwrap().to_owned();
    assert_eq!(get("reference_id"), "07MOSCOW5434");
    assert_eq!(get("tags"), "PREL|PGOV|PTER|KS|RS");
    assert_eq!(get("reasons"), "1.4(b)|1.4(d)");
    assert_eq!(get("paragraphs"), "9");
    let (code, out, _) = cable(&["export", "--paragraphs", "examples/07MOSCOW5434.txt"]);
    assert_eq!(code, 0);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(out.as_bytes()).records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(&rows[1][6], "Lavrov's Letter");
    assert!(rows[5][7].contains("without hesitation, and reconfirmed"));
}

#[test]
fn completions_and_man_page_come_from_the_argument_parser() {
    let (code, out, _) = cable(&["completions", "bash"]);
    assert_eq!(code, 0);
    // Every subcommand is offered.
    for sub in ["parse", "stats", "refs", "export", "completions", "man"] {
        assert!(out.contains(sub), "{sub} missing from the bash completions");
    }
    let (code, out, _) = cable(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH cable 1"), "not a roff man page: {}", &out[..out.len().min(200)]);
    assert!(out.contains("Parse US diplomatic cables into structured data"));
}

/// `-o/--output FILE` on every command that prints: the file holds what standard output would.
#[test]
fn output_goes_to_the_file_given() {
    let dir = std::env::temp_dir().join(format!("cable-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (code, stdout, _) = cable(&["parse", "examples/07MOSCOW5434.txt"]);
    assert_eq!(code, 0);
    let file = dir.join("moscow.json");
    let (code, printed, _) = cable(&["parse", "examples/07MOSCOW5434.txt", "-o", file.to_str().unwrap()]);
    assert_eq!((code, printed.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    // Global: before the command too, and for the commands without a walk.
    let file = dir.join("cable.bash");
    let (code, _, _) = cable(&["--output", file.to_str().unwrap(), "completions", "bash"]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&file).unwrap().contains("_cable()"));
    let file = dir.join("refs.csv");
    let (code, _, _) = cable(&["refs", "examples/07MOSCOW5434.txt", "-o", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("citing,cited,"));
    // A file that cannot be created is a clear error, before any work.
    let (code, _, stderr) = cable(&["parse", "examples/07MOSCOW5434.txt", "-o", "/nonexistent/dir/x.json"]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("cable: cannot write /nonexistent/dir/x.json:"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Compressed inputs (issue 15): gzip and zstd files, and a gzip stream on standard input, give
/// the JSON of the plain text; detected by their bytes, not their names.
#[test]
fn compressed_inputs_read_like_plain_ones() {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("cable-compressed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::fs::read(repo().join("examples/07MOSCOW5434.txt")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&seed).unwrap();
    let gz = gz.finish().unwrap();
    // A gzip file named like plain text.
    let file = dir.join("seed.txt");
    std::fs::write(&file, &gz).unwrap();
    let (code, plain, _) = cable(&["parse", "examples/07MOSCOW5434.txt"]);
    let (code2, from_gz, stderr) = cable(&["parse", file.to_str().unwrap()]);
    assert_eq!((code, code2), (0, 0), "{stderr}");
    assert_eq!(from_gz, plain);
    // On standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cable"))
        .args(["parse", "-"])
        .current_dir(repo())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&gz).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), plain);
    // An archive it does not read is named.
    let zip = dir.join("cables.zip");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x00\x00").unwrap();
    let (code, _, stderr) = cable(&["parse", zip.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("a zip archive, not cables"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `cable export --format parquet` (issue 15): typed columns, read back with the parquet crate;
/// the paragraphs table has a row per paragraph.
#[test]
fn export_parquet_writes_typed_tables() {
    use arrow_array::cast::AsArray;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let dir = std::env::temp_dir().join(format!("cable-parquet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let read = |file: &std::path::Path| -> Vec<arrow_array::RecordBatch> {
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(file).unwrap()).unwrap();
        reader.build().unwrap().map(|b| b.unwrap()).collect()
    };
    let file = dir.join("seed.parquet");
    let (code, _, stderr) =
        cable(&["export", "--format", "parquet", "examples/07MOSCOW5434.txt", "-o", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let batches = read(&file);
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 1);
    let b = &batches[0];
    assert_eq!(b.column_by_name("reference_id").unwrap().as_string::<i32>().value(0), "07MOSCOW5434");
    let created = b.column_by_name("created").unwrap();
    assert_eq!(format!("{:?}", created.data_type()), "Timestamp(Microsecond, Some(\"UTC\"))");
    let serial = b.column_by_name("serial").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
    assert_eq!(serial.value(0), 5434);
    // Addressees are lists of structs with the JSON's keys.
    let to = b.column_by_name("to").unwrap().as_list::<i32>().value(0);
    let to = to.as_struct();
    assert_eq!(to.column_by_name("name").unwrap().as_string::<i32>().value(0), "SECSTATE WASHDC");
    assert_eq!(to.column_by_name("mcn").unwrap().as_string::<i32>().value(0), "5322");
    let file = dir.join("paragraphs.parquet");
    let args =
        ["export", "--format", "parquet", "--paragraphs", "examples/07MOSCOW5434.txt", "-o", file.to_str().unwrap()];
    assert_eq!(cable(&args).0, 0);
    assert_eq!(read(&file).iter().map(|b| b.num_rows()).sum::<usize>(), 9);
    // Citations, with whether the cited cable is among the inputs: the MOSCOW cable cites the
    // STATE cable (given after it) and a cable that is not there.
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    let citing = "UNCLAS MOSCOW 001234\n\nTAGS: PREL\nSUBJECT: X\nREF: A. STATE 12345 B. 06 MOSCOW 77\n\n1. Text.\n";
    std::fs::write(texts.join("a.txt"), citing).unwrap();
    std::fs::write(texts.join("b.txt"), "UNCLAS STATE 012345\n\nTAGS: PREL\nSUBJECT: Y\n\n1. Text.\n").unwrap();
    let file = dir.join("citations.parquet");
    let args = ["export", "--format", "parquet", "--citations", "--year", "2007", "-o", file.to_str().unwrap()];
    let (code, _, stderr) = cable(&[&args[..], &[texts.to_str().unwrap()]].concat());
    assert_eq!(code, 0, "{stderr}");
    let batches = read(&file);
    let b = &batches[0];
    let cited = b.column_by_name("cited").unwrap().as_string::<i32>();
    assert_eq!(cited.iter().flatten().collect::<Vec<_>>(), ["07STATE12345", "06MOSCOW77"]);
    let in_corpus = b.column_by_name("in_corpus").unwrap().as_boolean();
    assert_eq!(in_corpus.iter().flatten().collect::<Vec<_>>(), [true, false]);
    // Links: the golden 09STATE28302 cites REFS A and B and its own paragraph 5.
    let file = dir.join("links.parquet");
    let args =
        ["export", "--format", "parquet", "--links", "tests/fixtures/09STATE28302.html", "-o", file.to_str().unwrap()];
    let (code, _, stderr) = cable(&args);
    assert_eq!(code, 0, "{stderr}");
    let batches = read(&file);
    let b = &batches[0];
    let number = b.column_by_name("number").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
    assert_eq!(number.iter().collect::<Vec<_>>(), [None, None, Some(5)]);
    let cited = b.column_by_name("cited").unwrap().as_string::<i32>();
    assert_eq!(cited.iter().flatten().count(), 2);
    assert_eq!(cable(&["export", "--links", "examples/07MOSCOW5434.txt"]).0, 1);
    // The same tables as JSON Lines: typed values, absent ones null.
    let (code, stdout, stderr) = cable(&["export", "--format", "jsonl", "examples/07MOSCOW5434.txt"]);
    assert_eq!(code, 0, "{stderr}");
    let row: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(row["created"], "2007-11-17T12:31:00Z");
    assert_eq!(row["declassify_on"], "2017-11-16");
    assert_eq!(row["serial"], 5434);
    assert_eq!(row["to"][0]["name"], "SECSTATE WASHDC");
    assert!(row["to"][0]["office"].is_null());
    let args = ["export", "--format", "jsonl", "--links", "tests/fixtures/09STATE28302.html"];
    let (code, stdout, _) = cable(&args);
    assert_eq!(code, 0);
    let numbers: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["number"].clone()).collect();
    assert_eq!(numbers, [serde_json::Value::Null, serde_json::Value::Null, serde_json::json!(5)]);
    std::fs::remove_dir_all(&dir).unwrap();
}
