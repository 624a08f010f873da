//! The body over the whole real corpus: for every cablegate page and every row of both CSV
//! files, the elements tile the input (no gap, no overlap), no paragraph text holds a page-break
//! line, paragraphs come in text order with numbers that only go up (or repeat, or go back, with
//! a warning), and every text with a numbered paragraph yields numbered paragraphs. Prints how many cables
//! have a summary, a comment and a signature.

mod common;

use cable_core::envelope::{csv::CsvReader, html};
use cable_core::{Cable, Document, ElementKind, WarningKind};
use std::time::Instant;

/// A paragraph-number line as the issue describes them: optional pilcrow (or its markdown
/// link), one to three digits, optional space, a period, then a space, `(` or the line end.
fn numbered_line(t: &str) -> bool {
    let t = t.trim_start();
    let t = t.strip_prefix("[¶](#)").or_else(|| t.strip_prefix('¶')).unwrap_or(t).trim_start_matches(' ');
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = t[digits..].strip_prefix(' ').unwrap_or(&t[digits..]);
    match rest.strip_prefix('.') {
        Some(r) => r.is_empty() || r.starts_with([' ', '(', '\t']),
        None => false,
    }
}

/// A page-break line inside cleaned text: `MOSCOW 00005434 002 OF 002` or a `PAGE 02 HARARE
/// 06677 01 OF 03 291400Z` banner.
fn holds_page_break(text: &str) -> Option<String> {
    let toks: Vec<&str> = text.split_whitespace().collect();
    for i in 0..toks.len() {
        let eight = toks[i].len() == 8 && toks[i].bytes().all(|b| b.is_ascii_digit());
        if eight
            && i > 0
            && toks[i - 1].bytes().all(|b| b.is_ascii_uppercase())
            && toks.get(i + 2) == Some(&"OF")
            && toks.get(i + 1).is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        {
            return Some(toks[i - 1..(i + 4).min(toks.len())].join(" "));
        }
        if toks[i] == "PAGE"
            && toks.get(i + 1).is_some_and(|t| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
            && toks.get(i + 2).is_some_and(|t| t.len() > 2 && t.bytes().all(|b| b.is_ascii_uppercase()))
            && toks.get(i + 3).is_some_and(|t| t.len() >= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(toks[i..(i + 4).min(toks.len())].join(" "));
        }
    }
    None
}

/// A routing line of a section's header block: the date-time group with its precedence
/// (`P 180503Z APR 02`), the originator (`FM AMEMBASSY VATICAN`), the partial records' `ACTION
/// EUR-00` and `INFO  LOG-00 ...` distribution lines.
fn is_routing_line(t: &str) -> bool {
    let dtg = {
        let mut w = t.split(' ');
        let prec = w.next().unwrap_or("");
        let time = w.next().unwrap_or("");
        (1..=2).contains(&prec.len())
            && prec.bytes().all(|b| matches!(b, b'O' | b'P' | b'R' | b'Z'))
            && time.len() == 7
            && time.ends_with('Z')
            && time[..6].bytes().all(|b| b.is_ascii_digit())
            && w.next().is_some_and(|m| m.len() == 3 && m.bytes().all(|b| b.is_ascii_uppercase()))
    };
    let office = ["FM AMEMBASSY ", "FM AMCONSUL ", "FM SECSTATE ", "FM USMISSION "].iter().any(|f| t.starts_with(f));
    let distribution = t.starts_with("INFO  LOG-") || (t.starts_with("ACTION ") && t.ends_with("-00") && t.len() < 20);
    dtg || office || distribution
}

#[derive(Default)]
struct Counts {
    cables: usize,
    numbered: usize,
    summary: usize,
    comment: usize,
    signature: usize,
    action: usize,
    notes: usize,
    with_breaks: usize,
    redacted: usize,
    body_unrecognised: usize,
}

fn check(source: &str, cable: &Cable<'_>, counts: &mut Counts, failures: &mut Vec<String>) {
    let text = cable.source();
    counts.cables += 1;
    // Lossless: the elements tile the input.
    let mut at = 0u32;
    for e in cable.elements() {
        if e.span.start != at || e.span.end < e.span.start {
            failures.push(format!("{source}: element {e:?} does not start at {at}"));
            return;
        }
        if e.kind == ElementKind::Unrecognised && e.span.start >= cable.body_span().start {
            counts.body_unrecognised += 1;
            if std::env::var_os("SHOW_UNRECOGNISED").is_some() {
                println!("unrecognised body line in {source}: {:?}", cable.text_of(e.span));
            }
        }
        at = e.span.end;
    }
    if at as usize != text.len() {
        failures.push(format!("{source}: elements end at {at}, the text at {}", text.len()));
    }
    // Paragraphs in text order; numbers go up, or repeat with a warning.
    let ps = cable.paragraphs();
    let mut end = 0;
    let mut previous: Option<u32> = None;
    for (i, p) in ps.iter().enumerate() {
        if p.span().start < end || p.span().end < p.span().start {
            failures.push(format!("{source}: paragraph {i} at {} overlaps the one before", p.span()));
        }
        end = p.span().end;
        if let Some(n) = p.number() {
            if let Some(prev) = previous {
                let warned = |kind| cable.warnings().iter().any(|w| w.kind == kind && w.span.start == p.span().start);
                if (n < prev && !warned(WarningKind::UnorderedParagraphNumber))
                    || (n == prev && !warned(WarningKind::DuplicateParagraphNumber))
                {
                    failures.push(format!("{source}: paragraph {n} follows paragraph {prev}"));
                }
            }
            previous = Some(n);
        }
        if let Some(b) = holds_page_break(&p.text()) {
            failures.push(format!("{source}: paragraph {i} holds the page break `{b}`"));
        }
        // Issue 13: the routing lines of a later section's header never stay in a paragraph.
        for raw in cable.text_of(p.text_span()).lines() {
            if is_routing_line(raw.trim()) && !p.breaks().iter().any(|b| cable.text_of(*b).contains(raw.trim())) {
                failures.push(format!("{source}: paragraph {i} holds the header line `{}`", raw.trim()));
            }
        }
    }
    // A text with a numbered paragraph yields numbered paragraphs.
    let body = cable.body();
    // A numbered line that starts a block (after a blank line): a line that starts with a
    // number after a line ending mid-sentence is a wrapped number (`for November` / `6.  X`).
    let mut after_blank = true;
    let mut numbered = false;
    for l in body.lines() {
        numbered |= after_blank && numbered_line(l);
        after_blank = l.trim().is_empty();
    }
    if numbered {
        counts.numbered += 1;
        if !ps.iter().any(|p| p.number().is_some()) {
            failures.push(format!("{source}: numbered paragraphs in the text, none found"));
        }
    }
    counts.summary += usize::from(cable.summary().is_some());
    counts.comment += usize::from(cable.comment().is_some());
    counts.action += usize::from(cable.action_request().is_some());
    counts.notes += usize::from(cable.notes().next().is_some());
    counts.signature += usize::from(cable.signature().is_some());
    counts.with_breaks += usize::from(!cable.breaks().is_empty());
    counts.redacted += usize::from(!cable.redactions().is_empty());
}

fn pct(n: usize, of: usize) -> String {
    format!("{n}/{of} ({:.1}%)", 100.0 * n as f64 / of.max(1) as f64)
}

#[test]
fn body_over_the_corpus() {
    let Some(dir) = common::corpus_dir() else { return };
    let mut docs: Vec<(String, Document<'static>)> = Vec::new();
    for p in common::html_pages(&dir) {
        let page = std::fs::read_to_string(&p).expect("pages are UTF-8");
        let rel = p.strip_prefix(dir.join("cablegate-html")).unwrap().display().to_string();
        docs.push((
            format!("html:{rel}"),
            html::parse_page(&page).unwrap_or_else(|e| panic!("{rel}: {e}")).into_owned(),
        ));
    }
    for file in ["cables-dev.csv", "cables-real-dev.csv"] {
        for row in CsvReader::open(dir.join(file)).expect("CSV file") {
            let row = row.unwrap_or_else(|e| panic!("{file}: {e}"));
            docs.push((format!("csv:{file}:{}", row.row()), row.into_document()));
        }
    }
    let bytes: usize = docs.iter().map(|(_, d)| d.text().len()).sum();
    let started = Instant::now();
    for (source, doc) in &docs {
        let _ = doc.parse().unwrap_or_else(|e| panic!("{source}: {e}"));
    }
    let parse_time = started.elapsed();

    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for (source, doc) in &docs {
        let cable = doc.parse().unwrap_or_else(|e| panic!("{source}: {e}"));
        check(source, &cable, &mut counts, &mut failures);
    }
    let n = counts.cables;
    println!(
        "body: {n} cables ({:.1} MB) parsed in {:.2?} (debug build unless --release)",
        bytes as f64 / 1e6,
        parse_time
    );
    println!("  with a numbered paragraph: {}", pct(counts.numbered, n));
    println!("  summary found:             {}", pct(counts.summary, n));
    println!("  comment found:             {}", pct(counts.comment, n));
    println!("  signature found:           {}", pct(counts.signature, n));
    println!("  action request found:      {}", pct(counts.action, n));
    println!("  inline notes found:        {}", pct(counts.notes, n));
    println!("  with page/section breaks:  {}", pct(counts.with_breaks, n));
    println!("  with redactions:           {}", pct(counts.redacted, n));
    println!("  unrecognised body lines:   {}", counts.body_unrecognised);
    // Every byte of a body belongs to a paragraph, heading, rule, break, blank run, signature or
    // trailer: unrecognised elements only come from the header and metadata parsers, which warn.
    assert_eq!(counts.body_unrecognised, 0, "unrecognised lines in bodies (SHOW_UNRECOGNISED=1 lists them)");
    assert!(
        failures.is_empty(),
        "{} failure(s), first 40:\n{}",
        failures.len(),
        failures.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}
