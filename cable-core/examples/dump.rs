//! Development helper: prints what the parser makes of one cable.
//! `dump FILE` (text or page) or `dump FILE.csv ROW`: the JSON; with `--elements`, the elements
//! one per line with their kind, then the paragraphs and passages. `SHOW=1` also prints the text.
use cable_core::{Cable, Document};

fn show_elements(c: &Cable<'_>) {
    for e in c.elements() {
        let t = c.text_of(e.span);
        let t: String = t.chars().take(90).collect::<String>().replace('\n', "⏎");
        println!(
            "{:<14} {:>4} {:>6}..{:<6} {t}",
            format!("{:?}", e.kind),
            e.index.map(|i| i.to_string()).unwrap_or_default(),
            e.span.start,
            e.span.end
        );
    }
    println!();
    for (i, p) in c.paragraphs().iter().enumerate() {
        let text = p.text();
        let head: String = text.chars().take(60).collect();
        let tail: String = text.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        println!(
            "[{i}] {:?} {:?} {:?} heading={:?} items={} | {head} … {tail}",
            p.number(),
            p.written_number(),
            p.marking().map(|m| m.raw),
            p.heading(),
            p.items().len()
        );
    }
    for p in c.passages() {
        let text = p.text();
        let head: String = text.chars().take(60).collect();
        let tail: String = text.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        println!("{:?} {:?} | {head} … {tail}", p.kind(), p.paragraphs());
    }
    println!(
        "signature {:?} signers {:?} redactions {} breaks {:?}",
        c.signature().map(|s| s.value),
        c.signers(),
        c.redactions().len(),
        c.breaks()
    );
    for w in c.warnings() {
        println!("warning {w} {:?}", c.text_of(w.span));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--elements").collect();
    let elements = std::env::args().any(|a| a == "--elements");
    let path = args.first().expect("usage: dump FILE [ROW] [--elements]");
    let show = |doc: &Document<'_>| {
        let cable = doc.parse().expect("a cable");
        if elements {
            show_elements(&cable)
        } else {
            println!("{}", cable.to_json_pretty())
        }
        if std::env::var("SHOW").is_ok() {
            println!("{}", doc.text());
        }
    };
    if let Some(row) = args.get(1) {
        let row: u64 = row.parse().expect("row number");
        let record = cable_core::envelope::csv::CsvReader::open(path)
            .expect("file")
            .map(|r| r.expect("row"))
            .find(|r| r.row() == row)
            .expect("no such row");
        show(&record.document());
        return;
    }
    let bytes = std::fs::read(path).expect("readable file");
    let form = cable_core::envelope::corpus::detect(path, &bytes);
    show(&cable_core::envelope::corpus::document_from_bytes(form, &bytes).expect("a page"));
}
