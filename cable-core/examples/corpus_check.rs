//! Development helper: compares text-only parses with the corpus envelopes and prints
//! disagreements.
use cable_core::envelope::{csv::CsvReader, html};
use cable_core::{Document, ParseOptions};

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or("../../shared/corpus".into()));
    let mut docs: Vec<(String, Document<'static>)> = Vec::new();
    let mut stack = vec![dir.join("cablegate-html")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p)
            } else {
                let s = std::fs::read_to_string(&p).unwrap();
                docs.push((
                    format!("html:{}", p.file_name().unwrap().to_string_lossy()),
                    html::parse_page(&s).unwrap().into_owned(),
                ));
            }
        }
    }
    for f in ["cables-dev.csv", "cables-real-dev.csv"] {
        for r in CsvReader::open(dir.join(f)).unwrap() {
            let r = r.unwrap();
            docs.push((format!("{f}:{}", r.row()), r.into_document()));
        }
    }
    let (mut n, mut station_ok, mut dated, mut id_ok, mut date_ok, mut cls_n, mut cls_ok, mut errs) =
        (0, 0, 0, 0, 0, 0, 0, 0);
    for (name, doc) in &docs {
        n += 1;
        let env = doc.envelope().unwrap();
        let env_id = env.reference_id.as_deref().unwrap_or("");
        let cable = match ParseOptions::default().parse(doc.text()) {
            Ok(c) => c,
            Err(e) => {
                errs += 1;
                println!("ERROR {name} {env_id}: {e}");
                continue;
            }
        };
        let ours = cable.reference().map(|r| format!("{}{}", r.station, r.serial)).unwrap_or_default();
        let theirs = env_id.get(2..).unwrap_or("");
        if ours == theirs {
            station_ok += 1
        } else {
            println!("STATION {name} {env_id}: text {ours:?}");
        }
        if cable.date_time_group().is_some() || cable.created().is_some() {
            dated += 1;
            if cable.reference_id() == Some(env_id) {
                id_ok += 1
            } else {
                println!("ID {name} {env_id}: text {:?}", cable.reference_id());
            }
            let (a, b) = (cable.created().unwrap(), env.created_at().unwrap());
            if a.date_naive() == b.date_naive() && a.format("%H").to_string() == b.format("%H").to_string() {
                date_ok += 1
            } else {
                println!("DATE {name} {env_id}: text {a} env {b}");
            }
        }
        if let (Some(l), Some(e)) = (cable.banner().map(|b| b.level), env.level()) {
            cls_n += 1;
            if l.published() == e {
                cls_ok += 1
            } else {
                println!("CLASS {name} {env_id}: text {l} env {e}");
            }
        } else {
            println!("NOCLASS {name} {env_id}: banner {:?}", cable.banner().map(|b| b.level));
        }
    }
    println!(
        "cables {n} errors {errs}\nstation+serial {station_ok}/{n}\ndated {dated}: id {id_ok} date {date_ok}\nclassification {cls_ok}/{cls_n}"
    );
}
