//! Finding and reading inputs: files, directories, standard input; each as plain text, a
//! cablegate page or a `cables.csv` file, detected from the content.

use cable_core::Document;
use cable_core::envelope::csv::{CsvError, CsvReader};
use cable_core::envelope::html;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The form of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The text of one cable.
    Text,
    /// A cablegate HTML page.
    Html,
    /// A `cables.csv` file (many cables).
    Csv,
}

/// Detects the form from the start of the content (and the file name as a hint).
pub fn detect(name: &str, head: &[u8]) -> Form {
    if cable_core::envelope::csv::looks_like_csv(head) {
        return Form::Csv;
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(64 * 1024)]);
    if name.ends_with(".html") || name.ends_with(".htm") || html::looks_like_page(&text) {
        return Form::Html;
    }
    Form::Text
}

/// Expands the command-line arguments into input paths: directories are walked (sorted, so output
/// order is stable), `-` stands for standard input.
pub fn expand(args: &[PathBuf], errors: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        if a.as_os_str() == "-" {
            out.push(a.clone());
        } else if a.is_dir() {
            walk(a, &mut out, errors);
        } else {
            out.push(a.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, errors);
        } else if is_cable_file(&p) {
            out.push(p);
        }
    }
}

/// Files a directory walk picks up: pages, texts and CSV files (not hidden files).
fn is_cable_file(p: &Path) -> bool {
    let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    !hidden && matches!(ext, "html" | "htm" | "txt" | "csv" | "")
}

/// One unit of work read from an input.
pub enum Unit {
    /// A document ready to parse, with a label saying where it came from.
    Doc(String, Box<Document<'static>>),
    /// An input (or a CSV row) that could not be read.
    Error(String),
}

/// Reads every document of one input path, calling `each` for each.
pub fn read(path: &Path, mut each: impl FnMut(Unit)) {
    let label = if path.as_os_str() == "-" { "-".to_string() } else { path.display().to_string() };
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        // CSV files are streamed, never loaded whole: peek at the head only.
        let mut head = [0u8; 4096];
        match std::fs::File::open(path).and_then(|mut f| f.read(&mut head).map(|n| head[..n].to_vec())) {
            Ok(h) if detect(&label, &h) == Form::Csv => {
                return read_csv(&label, CsvReader::open(path), each);
            }
            Ok(_) => std::fs::read(path).map(|b| bytes = b),
            Err(e) => Err(e),
        }
    };
    if let Err(e) = read {
        each(Unit::Error(format!("{label}: {e}")));
        return;
    }
    match detect(&label, &bytes) {
        Form::Csv => read_csv(&label, Ok(CsvReader::new(std::io::Cursor::new(bytes))), each),
        Form::Html => {
            let decoded = cable_core::decode::decode(&bytes);
            match html::parse_page(&decoded.text) {
                Ok(doc) => each(Unit::Doc(label, Box::new(doc.into_owned()))),
                Err(e) => each(Unit::Error(format!("{label}: {e}"))),
            }
        }
        Form::Text => each(Unit::Doc(label, Box::new(Document::from_bytes(&bytes).into_owned()))),
    }
}

fn read_csv<R: Read>(label: &str, reader: std::io::Result<CsvReader<R>>, mut each: impl FnMut(Unit)) {
    let reader = match reader {
        Ok(r) => r,
        Err(e) => return each(Unit::Error(format!("{label}: {e}"))),
    };
    for row in reader {
        match row {
            Ok(r) => {
                let name = format!("{label}:{}", r.row());
                each(Unit::Doc(name, Box::new(r.into_document())));
            }
            Err(e) => each(Unit::Error(csv_error(label, &e))),
        }
    }
}

fn csv_error(label: &str, e: &CsvError) -> String {
    format!("{label}: {e}")
}
