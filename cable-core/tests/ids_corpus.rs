//! The ids knowledge against the dev corpus (all pages and both CSV files):
//!
//! - tag kinds cover at least 98% of the distinct (canonical) tags, the share printed;
//! - the station table holds every station/origin, station/sender, station/DE-line RI and
//!   addressee RI/PLAD combination that the corpus shows at least twice (or the combination
//!   is listed below with the reason it is not in the table).

mod common;

use cable_core::envelope::{csv::CsvReader, html};
use cable_core::ids::{self, TagKind};
use cable_core::{Document, ParseOptions};
use std::collections::{BTreeMap, BTreeSet};

fn corpus() -> Option<Vec<Document<'static>>> {
    let dir = common::corpus_dir()?;
    let mut docs = Vec::new();
    for p in common::html_pages(&dir) {
        let page = std::fs::read_to_string(&p).expect("pages are UTF-8");
        docs.push(html::parse_page(&page).expect("page").into_owned());
    }
    for file in ["cables-dev.csv", "cables-real-dev.csv"] {
        for row in CsvReader::open(dir.join(file)).expect("CSV file") {
            docs.push(row.expect("row").into_document());
        }
    }
    Some(docs)
}

#[test]
fn tag_kinds_cover_the_corpus() {
    let Some(docs) = corpus() else { return };
    let (mut canonical, mut raw) = (BTreeSet::new(), BTreeSet::new());
    for doc in &docs {
        let cable = ParseOptions::default().parse_document(doc).expect("corpus cables parse");
        canonical.extend(cable.tags().iter().map(|t| t.as_str().to_owned()));
        raw.extend(cable.tags_raw().iter().map(|t| t.as_str().to_owned()));
    }
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unknown = Vec::new();
    for t in &canonical {
        let k = ids::tag_kind(t);
        *by_kind.entry(k.as_str()).or_default() += 1;
        if k == TagKind::Unknown {
            unknown.push(t.as_str());
        }
    }
    // A tag as written is known when every canonical tag it stands for is.
    let raw_known = raw.iter().filter(|t| ids::canonical_tags(t).iter().all(|c| ids::tag_kind(c) != TagKind::Unknown));
    let raw_share = raw_known.count() as f64 / raw.len() as f64;
    let share = 1.0 - unknown.len() as f64 / canonical.len() as f64;
    println!(
        "tag kinds: {} of {} distinct canonical tags known ({:.2}%); as written: {} distinct, {:.2}% known",
        canonical.len() - unknown.len(),
        canonical.len(),
        100.0 * share,
        raw.len(),
        100.0 * raw_share
    );
    println!("by kind: {by_kind:?}");
    println!("unknown: {unknown:?}");
    assert!(share >= 0.98, "tag kinds cover only {:.2}% of the distinct tags", 100.0 * share);
}

/// Combinations the corpus shows that the table leaves out on purpose:
/// (check, station, value, why).
const NOT_IN_TABLE: &[(&str, &str, &str, &str)] = &[
    (
        "origin",
        "BRUSSELS",
        "USEU Brussels",
        "USEU cables of 2003-2004 whose banner reads BRUSSELS: the site gives them the station BRUSSELS and the origin USEU Brussels; the table keeps Embassy Brussels for BRUSSELS",
    ),
    ("sender", "BRUSSELS", "USEU BRUSSELS", "the same USEU cables with BRUSSELS in the banner (see origin BRUSSELS)"),
    (
        "addressee",
        "AMEMBASSY LA PAZ DEC",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
    (
        "addressee",
        "AMEMBASSY LA PAZ FEB",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
    (
        "addressee",
        "AMEMBASSY LA PAZ JAN",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
    (
        "addressee",
        "AMEMBASSY LA PAZ JUN",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
    (
        "addressee",
        "AMEMBASSY LA PAZ MAY LIMA",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
    (
        "addressee",
        "AMEMBASSY LA PAZ NOV MONTEVIDEO",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
    (
        "addressee",
        "AMEMBASSY LA PAZ SEP LIMA",
        "RUEHLP",
        "La Paz cables of 2003 whose INFO lines put a month (and another post) between the address and the MCN (`RUEHLP/AMEMBASSY LA PAZ DEC 9085`): the parser keeps them in the name",
    ),
];

#[test]
fn station_table_covers_the_corpus() {
    let Some(docs) = corpus() else { return };
    // (check, station, value) → how many cables show it.
    let mut seen: BTreeMap<(&'static str, String, String), usize> = BTreeMap::new();
    for doc in &docs {
        let cable = ParseOptions::default().parse_document(doc).expect("corpus cables parse");
        let env = doc.envelope().expect("corpus documents have envelopes");
        let Some(env_id) = env.reference_id.as_deref().and_then(ids::parse_id) else { continue };
        let station = env_id.station.to_string();
        // Only cables whose text and envelope agree on the station: the others are the site's
        // mix-ups listed in corpus_disagreements.txt.
        if cable.origin() != Some(station.as_str()) {
            continue;
        }
        let mut add = |check: &'static str, value: &str| {
            *seen.entry((check, station.clone(), value.to_owned())).or_default() += 1;
        };
        if let Some(o) = env.origin.as_deref() {
            add("origin", o);
        }
        if let Some(s) = cable.sender() {
            add("sender", s);
        }
        if let Some(ri) = cable.routing().station {
            add("route", ri.value);
        }
        for r in cable.to().iter().chain(cable.info()) {
            let post = ["AMEMBASSY ", "AMCONSUL ", "USMISSION ", "USINT ", "AIT ", "USEU ", "SECSTATE "]
                .iter()
                .any(|p| r.name.starts_with(p));
            if let (Some(route), true) = (r.route, post) {
                *seen.entry(("addressee", r.name.to_owned(), route.to_owned())).or_default() += 1;
            }
        }
    }
    let mut missing = Vec::new();
    let (mut checked, mut ok) = (0, 0);
    for ((check, station, value), n) in &seen {
        if *n < 2 {
            continue;
        }
        checked += 1;
        let row = match *check {
            "addressee" => ids::by_plad(station),
            _ => ids::by_station(station),
        };
        let good = row.is_some_and(|r| match *check {
            "origin" => r.origins().contains(&value.as_str()),
            "sender" => r.plads().contains(&value.as_str()),
            "route" | "addressee" => r.routes().contains(&value.as_str()),
            _ => false,
        });
        let listed = NOT_IN_TABLE.iter().any(|(c, s, v, _)| c == check && s == station && v == value);
        if good {
            ok += 1;
        } else if !listed {
            missing.push(format!("{check}\t{station}\t{value}\t({n} cables)"));
        }
    }
    println!(
        "station table: {ok} of {checked} combinations seen at least twice are in the table; {} listed as left out",
        NOT_IN_TABLE.len()
    );
    assert!(missing.is_empty(), "combinations missing from data/stations.tsv:\n{}", missing.join("\n"));
}
