//! Prints the JSON of a cable (development helper): `dump FILE` or `dump FILE.csv ROW`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: dump FILE [ROW]");
    if let Some(row) = args.next() {
        let row: u64 = row.parse().expect("row number");
        for r in cable_core::envelope::csv::CsvReader::open(&path).expect("file") {
            let r = r.expect("row");
            if r.row() == row {
                let doc = r.document();
                match doc.parse() {
                    Ok(c) => println!("{}", c.to_json_pretty()),
                    Err(e) => eprintln!("error: {e}"),
                }
                if std::env::var("SHOW").is_ok() {
                    println!("{}", doc.text());
                }
                return;
            }
        }
        return;
    }
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = if path.ends_with(".html") {
        cable_core::envelope::html::parse_page(&text).expect("page")
    } else {
        cable_core::Document::plain(text.as_str())
    };
    match doc.parse() {
        Ok(c) => println!("{}", c.to_json_pretty()),
        Err(e) => eprintln!("error: {e}"),
    }
}
