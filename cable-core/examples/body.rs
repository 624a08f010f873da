//! Prints the body as the parser sees it (development helper): the elements, one per line
//! with their kind, then the paragraphs and passages. `body FILE` (text or page) or
//! `body FILE.csv ROW`.
use cable_core::{Cable, Document};

fn show(c: &Cable<'_>) {
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
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: body FILE [ROW]");
    if let Some(row) = args.next() {
        let row: u64 = row.parse().expect("row number");
        for r in cable_core::envelope::csv::CsvReader::open(&path).expect("file") {
            let r = r.expect("row");
            if r.row() == row {
                show(&r.document().parse().expect("a cable"));
                return;
            }
        }
        return;
    }
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = if path.ends_with(".html") {
        cable_core::envelope::html::parse_page(&text).expect("page")
    } else {
        Document::plain(text.as_str())
    };
    show(&doc.parse().expect("a cable"));
}
