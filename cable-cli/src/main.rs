//! `cable`: parse US diplomatic cables (plain text, cablegate HTML pages, `cables.csv`) into JSON.

mod input;

use clap::{Parser, Subcommand};
use input::Unit;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cable", version, about = "Parse US diplomatic cables into structured JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse cables and print their JSON: one pretty object for a single cable, JSON Lines (each
    /// with a `source` key) for several inputs, CSV files or `--jsonl`.
    Parse {
        /// Files or directories (walked recursively); `-` reads standard input. The form of each
        /// (plain text, cablegate HTML page, cables.csv) is detected from its content.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Always print JSON Lines.
        #[arg(long)]
        jsonl: bool,
        /// The year of cables whose text has no date-time group (completes their reference ids).
        #[arg(long)]
        year: Option<i32>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { inputs, jsonl, year } => parse(&inputs, jsonl, year),
    }
}

fn parse(args: &[PathBuf], jsonl: bool, year: Option<i32>) -> ExitCode {
    let mut errors = Vec::new();
    let paths = input::expand(args, &mut errors);
    let mut options = cable_core::ParseOptions::default();
    options.year = year;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // One input that holds one cable prints a pretty object; anything else, JSON Lines. A single
    // input is buffered until we know whether it held one cable or many.
    let single = !jsonl && paths.len() == 1;
    let mut pending: Option<(String, String)> = None;
    let mut count = 0usize;
    for path in &paths {
        input::read(path, |unit| match unit {
            Unit::Error(e) => errors.push(e),
            Unit::Doc(source, doc) => match options.parse_document(&doc) {
                Ok(cable) => {
                    count += 1;
                    let line = with_source(&source, &cable.to_json());
                    if single && count == 1 {
                        pending = Some((line, cable.to_json_pretty()));
                        return;
                    }
                    // The single input turned out to hold several cables (a CSV file).
                    if let Some((first, _)) = pending.take() {
                        let _ = writeln!(out, "{first}");
                    }
                    let _ = writeln!(out, "{line}");
                }
                Err(e) => errors.push(format!("{source}: {e}")),
            },
        });
    }
    if let Some((_, pretty)) = pending {
        let _ = writeln!(out, "{pretty}");
    }
    let _ = out.flush();
    for e in &errors {
        eprintln!("cable: {e}");
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Prefixes a cable's JSON object with a `source` key.
fn with_source(source: &str, json: &str) -> String {
    let key = serde_json::to_string(source).unwrap_or_else(|_| "\"?\"".into());
    format!("{{\"source\":{key},{}", &json[1..])
}
