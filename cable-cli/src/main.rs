//! `cable`: parse US diplomatic cables (plain text, cablegate HTML pages, `cables.csv`) into JSON,
//! corpus statistics and flat CSV, on all cores.

mod export;
mod pipeline;
mod refs;
mod stats;
mod tables;

use cable_core::envelope::corpus::Entry;
use cable_core::table::Table;
use cable_core::{EnvelopeKind, OwnedCable, ParseOptions};
use clap::{Parser, Subcommand, ValueEnum};
use pipeline::Progress;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cable", version, about = "Parse US diplomatic cables into structured data")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Write the output to this file instead of standard output (created or truncated).
    #[arg(long, short, global = true, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Where a command prints: the `--output` file, or standard output; buffered either way (and
/// `Send`, for the Parquet writer).
fn open_output(path: Option<&std::path::Path>) -> std::io::Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::with_capacity(OUTPUT_BUFFER, std::fs::File::create(p)?)),
        None => Box::new(std::io::BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout())),
    })
}

/// The output buffer: enough to gather small writes (CSV records, statistics) into few system
/// calls, and smaller than the batches of JSON lines that `cable parse` writes, which then go
/// straight to the file instead of being copied into it (a copy of all the JSON: 1.5% of the
/// instructions of `cable parse --jsonl`).
const OUTPUT_BUFFER: usize = 64 << 10;

/// Options shared by the commands that walk a corpus.
#[derive(clap::Args)]
struct Walk {
    /// Files or directories (walked recursively, sorted); `-` reads standard input. The form of
    /// each (plain text, cablegate HTML page, cables.csv) is detected from its content.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The year of cables whose text has no date-time group (completes their reference ids).
    #[arg(long)]
    year: Option<i32>,
    /// No progress bar (it is only drawn when standard error is a terminal anyway).
    #[arg(long, short)]
    quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Parse cables and print their JSON: one pretty object for a single cable; JSON Lines (each
    /// with a `source` key) for several inputs, CSV files, directories or `--jsonl`.
    Parse {
        #[command(flatten)]
        walk: Walk,
        /// Always print JSON Lines.
        #[arg(long)]
        jsonl: bool,
    },
    /// Print a corpus report: counts by year, classification, caveat, origin; field coverage;
    /// warnings by kind; top tags.
    Stats {
        #[command(flatten)]
        walk: Walk,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the citation edge list: citing id, cited id, REF label, kind, whether the cited
    /// cable is in the corpus, source. Self-citations are left out.
    Refs {
        #[command(flatten)]
        walk: Walk,
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: EdgeFormat,
    },
    /// Export tables for spreadsheets, DuckDB, pandas and polars: flat CSV, or Parquet / JSON
    /// Lines with typed columns (`--format parquet -o cables.parquet`: addressees, references and
    /// paragraphs as lists of structs).
    Export {
        #[command(flatten)]
        walk: Walk,
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// One row per paragraph (reference id, index, number, level, caveats, heading, text)
        /// instead of one per cable.
        #[arg(long, conflicts_with_all = ["citations", "links"])]
        paragraphs: bool,
        /// One row per REF citation of a cable (citing id, cited id, label, kind, whether the cited
        /// cable is among the inputs); Parquet only.
        #[arg(long, conflicts_with = "links")]
        citations: bool,
        /// One row per cross-reference in a paragraph's text (`REF A`, `para 13`, `septel`: kind,
        /// paragraph, target, number, the cited cable's id); Parquet only.
        #[arg(long)]
        links: bool,
    },
    /// Print a shell completion script: `cable completions bash > ~/.local/share/bash-completion/completions/cable`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `cable man > ~/.local/share/man/man1/cable.1`.
    Man,
}

#[derive(Clone, Copy, ValueEnum)]
enum EdgeFormat {
    /// Comma-separated values with a header line.
    Csv,
    /// One JSON object per edge.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Comma-separated values, lists joined with `|`.
    Csv,
    /// Apache Parquet (snappy-compressed), typed columns: timestamps, dates, lists, dictionaries.
    Parquet,
    /// JSON Lines, one object per row of the same typed table as Parquet.
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = match open_output(cli.output.as_deref()) {
        Ok(out) => out,
        Err(e) => {
            let path = cli.output.as_deref().unwrap_or(std::path::Path::new("-"));
            eprintln!("cable: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let walk = match &cli.command {
        Command::Parse { walk, .. }
        | Command::Stats { walk, .. }
        | Command::Refs { walk, .. }
        | Command::Export { walk, .. } => walk,
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut <Cli as clap::CommandFactory>::command(), "cable", &mut out);
            return finish(out.flush().err().and_then(|e| write_failure(&e)).into_iter().collect());
        }
        Command::Man => {
            let man = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            let written = man.render(&mut out).and_then(|()| out.flush());
            return finish(written.err().and_then(|e| write_failure(&e)).into_iter().collect());
        }
    };
    if let Some(n) = walk.threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let mut options = ParseOptions::default();
    options.year = walk.year;
    let progress = Progress { quiet: walk.quiet };
    let errors = match &cli.command {
        Command::Parse { walk, jsonl } => parse(&walk.inputs, *jsonl, &options, progress, &mut out),
        Command::Stats { walk, json } => stats(&walk.inputs, *json, &options, progress, &mut out),
        Command::Refs { walk, format } => refs(&walk.inputs, *format, &options, progress, &mut out),
        Command::Export { walk, format: Format::Csv, paragraphs, citations: false, links: false } => {
            export(&walk.inputs, *paragraphs, &options, progress, &mut out)
        }
        Command::Export { format: Format::Csv, citations: true, .. } => {
            vec!["--citations needs --format parquet or jsonl (the CSV form is `cable refs`)".to_owned()]
        }
        Command::Export { format: Format::Csv, links: true, .. } => {
            vec!["--links needs --format parquet or jsonl".to_owned()]
        }
        Command::Export { walk, format: format @ (Format::Parquet | Format::Jsonl), paragraphs, citations, links } => {
            let table = if *links {
                Table::Links
            } else if *citations {
                Table::Citations
            } else if *paragraphs {
                Table::Paragraphs
            } else {
                Table::Cables
            };
            tables::export_table(&walk.inputs, table, *format, &options, progress, out)
        }
        // (Answered before the walk options are read.)
        Command::Completions { .. } | Command::Man => Vec::new(),
    };
    finish(errors)
}

/// Prints the errors; the exit status says whether there were any.
fn finish(errors: Vec<String>) -> ExitCode {
    for e in &errors {
        eprintln!("cable: {e}");
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// `cable parse`. One input that is a single cable prints a pretty object; anything else JSON
/// Lines.
fn parse(
    inputs: &[PathBuf],
    jsonl: bool,
    options: &ParseOptions,
    progress: Progress,
    out: &mut dyn Write,
) -> Vec<String> {
    let mut out = out;
    let mut errors = Vec::new();
    let one_input = inputs.len() == 1 && !inputs[0].is_dir();
    let single = !jsonl && one_input;
    // A single CSV file is held back one row until we know whether it held one cable or many:
    // its line, and its pretty object.
    let mut first: Option<(Vec<u8>, String)> = None;
    let mut whole: Option<(Box<OwnedCable>, String)> = None;
    let mut count = 0usize;
    let mut write_err = None;
    let run = pipeline::run_written(
        inputs,
        progress,
        |entry, out| {
            let csv_row = entry.document.envelope().is_some_and(|e| e.kind == EnvelopeKind::CablesCsv);
            if one_input && !csv_row {
                // One text or page: one cable. It is kept whole and serialised straight into the
                // output, not into a string of up to 30 times the input (plus the JSON line,
                // which was built too: 67 times the input in all, issue 14).
                let Entry { source, document } = entry;
                return match OwnedCable::from_document(document, options) {
                    Ok(c) => Ok(Parsed::Whole(Box::new(c), source)),
                    Err(e) => Err(format!("{source}: {e}")),
                };
            }
            parsed(options, &entry, |cable| {
                // The pretty object only for the first line of a batch (nothing written yet):
                // the first line of the file is one of those (it was made for every row).
                let pretty = (single && out.is_empty()).then(|| cable.to_json_pretty());
                // Written straight into the batch's buffer, which the writer writes whole.
                cable.write_json_line(Some(&entry.source), out);
                out.push(b'\n');
                Parsed::Line(pretty)
            })
        },
        |lines, results| {
            let mut new_lines = 0;
            for result in results {
                match result {
                    Ok(Parsed::Whole(cable, source)) => whole = Some((cable, source)),
                    Ok(Parsed::Line(pretty)) => {
                        new_lines += 1;
                        if single && count + new_lines == 1 {
                            first = Some((Vec::new(), pretty.unwrap_or_default()));
                        }
                    }
                    Err(e) => errors.push(e),
                }
            }
            count += new_lines;
            match &mut first {
                // Still one line in all: it waits.
                Some((held, _)) if count == 1 => held.extend_from_slice(lines),
                _ => {
                    if let Some((held, _)) = first.take() {
                        write_all(&mut out, &held, &mut write_err);
                    }
                    write_all(&mut out, lines, &mut write_err);
                }
            }
            stop_on(&write_err)
        },
    );
    errors.extend(run.err());
    if let Some((_, pretty)) = first {
        // A CSV file of one row: its cable alone, pretty, as for a text.
        write_line(&mut out, pretty.as_bytes(), &mut write_err);
    }
    if let Some((cable, source)) = whole {
        if write_err.is_none() {
            let written = if jsonl {
                cable.cable().write_json_line_to(Some(&source), &mut out)
            } else {
                serde_json::to_writer_pretty(&mut out, cable.cable()).map_err(std::io::Error::from)
            };
            write_err = written.err();
        }
        write_line(&mut out, b"", &mut write_err);
    }
    if let Err(e) = out.flush() {
        write_err.get_or_insert(e);
    }
    if let Some(e) = write_err {
        errors.extend(write_failure(&e));
    }
    errors
}

/// Writes `bytes` unless the output already failed.
fn write_all(out: &mut impl Write, bytes: &[u8], err: &mut Option<std::io::Error>) {
    if err.is_none() {
        if let Err(e) = out.write_all(bytes) {
            *err = Some(e);
        }
    }
}

fn write_line(out: &mut impl Write, line: &[u8], err: &mut Option<std::io::Error>) {
    if err.is_none() {
        if let Err(e) = out.write_all(line).and_then(|()| out.write_all(b"\n")) {
            *err = Some(e);
        }
    }
}

/// What `cable parse` makes of one document.
enum Parsed {
    /// A JSON line (several inputs, `--jsonl`, CSV rows), written into the batch's output; for
    /// the first row of each batch of a single CSV file, the pretty object too (printed instead
    /// when the file holds one row).
    Line(Option<String>),
    /// The cable of a single text or page (and where it came from), written at the end.
    Whole(Box<OwnedCable>, String),
}

/// Stops the walk once the output failed (a closed pipe): nothing more can be written.
fn stop_on<E>(write_err: &Option<E>) -> ControlFlow<()> {
    if write_err.is_some() { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
}

/// Parses an entry's document and applies `f` to the cable; a failure is a one-line error naming
/// the entry.
fn parsed<T>(
    options: &ParseOptions,
    entry: &cable_core::envelope::corpus::Entry,
    f: impl FnOnce(&cable_core::Cable<'_>) -> T,
) -> Result<T, String> {
    options.parse_document(&entry.document).map(|c| f(&c)).map_err(|e| format!("{}: {e}", entry.source))
}

/// The error message for a failed write, or `None` for a closed pipe (`cable … | head`), which is
/// not worth one.
fn write_failure(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let broken_pipe = |e: &(dyn std::error::Error + 'static)| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    };
    (!broken_pipe(e)).then(|| format!("writing the output: {e}"))
}

/// `cable stats`.
fn stats(
    inputs: &[PathBuf],
    json: bool,
    options: &ParseOptions,
    progress: Progress,
    out: &mut dyn Write,
) -> Vec<String> {
    let mut report = stats::Stats::default();
    let mut errors = Vec::new();
    let run = pipeline::run(
        inputs,
        progress,
        |entry| parsed(options, &entry, stats::Summary::of),
        |r| {
            match r {
                Ok(s) => report.add(s),
                Err(e) => {
                    report.error();
                    errors.push(e);
                }
            }
            ControlFlow::Continue(())
        },
    );
    errors.extend(run.err());
    // Not `println!`, which panics when standard output is a closed pipe (`cable stats | head`).
    if let Err(e) =
        writeln!(out, "{}", if json { report.to_json() } else { report.to_table() }).and_then(|()| out.flush())
    {
        errors.extend(write_failure(&e));
    }
    errors
}

/// `cable refs`: the edges are collected first (whether a cited cable is in the corpus is known
/// only at the end), then written.
fn refs(
    inputs: &[PathBuf],
    format: EdgeFormat,
    options: &ParseOptions,
    progress: Progress,
    out: &mut dyn Write,
) -> Vec<String> {
    let mut errors = Vec::new();
    let mut cables: Vec<(String, refs::CableEdges)> = Vec::new();
    let run = pipeline::run(
        inputs,
        progress,
        |entry| parsed(options, &entry, |c| (entry.source.clone(), refs::CableEdges::of(c))),
        |r| {
            match r {
                Ok(c) => cables.push(c),
                Err(e) => errors.push(e),
            }
            ControlFlow::Continue(())
        },
    );
    errors.extend(run.err());
    let rows = refs::rows(&cables);
    let result: Result<(), Box<dyn std::error::Error>> = match format {
        EdgeFormat::Csv => (|| {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(refs::COLUMNS)?;
            for row in &rows {
                w.write_record(row)?;
            }
            w.flush()?;
            Ok(())
        })(),
        EdgeFormat::Jsonl => (|| {
            for row in &rows {
                let obj = serde_json::json!({
                    "citing": row[0], "cited": row[1], "label": (!row[2].is_empty()).then_some(&row[2]),
                    "kind": row[3], "in_corpus": row[4] == "true", "source": row[5],
                });
                writeln!(out, "{obj}")?;
            }
            out.flush()?;
            Ok(())
        })(),
    };
    if let Err(e) = result {
        errors.extend(write_failure(e.as_ref()));
    }
    errors
}

/// `cable export --format csv` (`--paragraphs`: one row per paragraph).
fn export(
    inputs: &[PathBuf],
    paragraphs: bool,
    options: &ParseOptions,
    progress: Progress,
    out: &mut dyn Write,
) -> Vec<String> {
    let mut errors = Vec::new();
    let mut w = csv::Writer::from_writer(out);
    let columns = if paragraphs { export::PARAGRAPH_COLUMNS } else { export::CABLE_COLUMNS };
    let mut write_err = w.write_record(columns).err();
    let run = pipeline::run(
        inputs,
        progress,
        |entry| {
            parsed(options, &entry, |cable| {
                if paragraphs {
                    export::paragraph_rows(&entry.source, cable)
                } else {
                    vec![export::cable_row(&entry.source, cable)]
                }
            })
        },
        |r| {
            match r {
                Ok(rows) => {
                    for row in rows {
                        if write_err.is_none() {
                            write_err = w.write_record(&row).err();
                        }
                    }
                }
                Err(e) => errors.push(e),
            }
            stop_on(&write_err)
        },
    );
    errors.extend(run.err());
    if let Err(e) = w.flush() {
        write_err.get_or_insert(e.into());
    }
    if let Some(e) = write_err {
        errors.extend(write_failure(&e));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cable parse` of the CSV file `data` (in a temporary directory), not `--jsonl`: what it
    /// prints and its errors.
    fn parse_csv(name: &str, data: &str) -> (String, Vec<String>) {
        let dir = std::env::temp_dir().join(format!("cable-main-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("rows.csv");
        std::fs::write(&path, data).expect("write");
        let mut out = Vec::new();
        let errors = parse(&[path], false, &ParseOptions::default(), Progress { quiet: true }, &mut out);
        std::fs::remove_dir_all(&dir).ok();
        (String::from_utf8(out).expect("UTF-8"), errors)
    }

    /// A CSV file of one cable prints it pretty, as a text: also when a malformed row comes
    /// first (the pretty object is made for the first line of each batch, not only for row 1);
    /// two cables print two JSON lines.
    #[test]
    fn a_csv_file_of_one_cable_prints_it_pretty() {
        let row = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/00LIMA2475.csv"))
            .expect("fixture");
        let (out, errors) = parse_csv("one", &format!("\"1\",\"a\",\"b\"\n{row}"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(out.starts_with("{\n  \"reference_id\": \"00LIMA2475\""), "{out}");
        let (out, errors) = parse_csv("two", &format!("{row}\n{row}"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(out.lines().count(), 2);
        assert!(out.lines().all(|l| l.starts_with("{\"source\":") && l.contains("\"00LIMA2475\"")), "{out}");
    }
}
