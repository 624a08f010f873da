//! The Rust examples of the README, compiled by `cargo test` so that they stay true.
//! Run: `cargo run -q -p cable-core --example readme` (from the repository root; the envelope
//! part reads the corpus in ../shared/corpus when it is there).

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    // --- Rust
    let text = std::fs::read_to_string("examples/07MOSCOW5434.txt")?;
    let cable = cable_core::parse(&text)?; // Cable<'_> borrows `text`
    assert_eq!(cable.reference_id(), Some("07MOSCOW5434"));
    assert_eq!(cable.info()[1].name, "EUROPEAN POLITICAL COLLECTIVE");
    let subject = cable.subject_text().unwrap(); // value + span
    println!("{} at {}", subject.as_str(), subject.span);

    // Pages and CSV rows carry an envelope.
    let corpus = std::path::Path::new("../shared/corpus");
    if corpus.is_dir() {
        let page = std::fs::read_to_string(corpus.join("cablegate-html/2009/03/09SANAA495.html"))?;
        let doc = cable_core::envelope::html::parse_page(&page)?;
        let cable = doc.parse()?;
        println!("{:?} {:?}", cable.reference_id(), cable.envelope().and_then(|e| e.origin.as_deref()));
        for row in cable_core::envelope::csv::CsvReader::open(corpus.join("cables-real-dev.csv"))?.take(3) {
            let row = row?; // a malformed row is an error naming row and offset
            let doc = row.document();
            let cable = doc.parse()?;
            println!("{:?}", cable.reference_id());
        }
    }

    // --- Paragraphs and markings
    // Paragraph 4 and its classification.
    let p4 = cable.paragraph(4).unwrap();
    assert_eq!(p4.level(), Some(cable_core::Level::Confidential));
    assert_eq!(p4.marking().unwrap().raw, "(C)");
    println!("{}", p4.text());

    // All SECRET paragraphs (with or without caveats such as NOFORN).
    let secret: Vec<_> = cable.paragraphs().iter().filter(|p| p.level() == Some(cable_core::Level::Secret)).collect();
    assert!(secret.is_empty());

    // The summary, its span in the text and the paragraphs it covers.
    let summary = cable.summary().unwrap();
    assert!(summary.text().starts_with("Russia's Kosovo Troika Envoy"));
    println!("{} in paragraphs {:?}", summary.span(), summary.paragraphs());

    // Headings, sub-items, signature, breaks.
    assert_eq!(cable.paragraph(2).unwrap().heading().as_deref(), Some("Lavrov's Letter"));
    assert_eq!(cable.signers(), ["BURNS"]);
    for b in cable.breaks() {
        println!("{:?} page {:?} at {}", b.kind, b.page, b.span);
    }

    // Lossless: the elements tile the input.
    let joined: String = cable.elements().iter().map(|e| cable.text_of(e.span)).collect();
    assert_eq!(joined, text);
    Ok(())
}
