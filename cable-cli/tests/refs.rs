//! `cable refs` and the most-cited report of `cable stats` on the real CSV of the dev corpus.
//! Edges checked here were read off the cables' REF lines by hand.

use std::path::PathBuf;
use std::process::Command;

/// The real CSV, or `None` when it is missing: the test is then skipped, saying so on stderr (past
/// the harness's capture), unless `CABLE_REQUIRE_CORPUS=1` (CI), which makes it a failure.
fn corpus_csv() -> Option<PathBuf> {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let csv = dir.join("cables-real-dev.csv");
    if csv.is_file() {
        return Some(csv);
    }
    let msg = format!("the corpus is missing: {} (set CABLE_CORPUS)", csv.display());
    assert!(std::env::var("CABLE_REQUIRE_CORPUS").as_deref() != Ok("1"), "{msg} (CABLE_REQUIRE_CORPUS=1)");
    let test = std::thread::current().name().unwrap_or("test").to_string();
    let _ = std::io::Write::write_fmt(&mut std::io::stderr(), format_args!("SKIPPED: {test}: {msg}\n"));
    None
}

fn cable(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cable")).args(args).output().expect("run cable");
    assert!(out.status.success(), "cable {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn edge_list_of_the_real_csv() {
    let Some(csv) = corpus_csv() else { return };
    let path = csv.to_str().unwrap();
    let out = cable(&["refs", "-q", path]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("citing,cited,label,kind,in_corpus,source"));
    let edges: Vec<&str> = lines.collect();
    assert!(edges.len() > 8000, "{} edges", edges.len());
    let has = |prefix: &str| edges.iter().any(|e| e.starts_with(prefix));
    // 04LILONGWE155: `REF: A. LILONGWE 149` (row 14188 of the CSV: in the corpus) and
    // `B. 03 LILONGWE 1202` (not in it).
    assert!(has("04LILONGWE155,04LILONGWE149,A,cable,true,"));
    assert!(has("04LILONGWE155,03LILONGWE1202,B,cable,false,"));
    // 04LILONGWE652: `REF: HARARE ZI 861`, no label.
    assert!(has("04LILONGWE652,04HARARE861,,cable,false,"));
    // 7575LIBREVILLE1895 (its text says 75LIBREVILLE1895): `REF: STATE 272523; USUN 6028`.
    assert!(has("75LIBREVILLE1895,75STATE272523,,cable,false,"));
    assert!(has("75LIBREVILLE1895,75USUNNEWYORK6028,,cable,false,"));
    // No cable cites itself.
    assert!(edges.iter().all(|e| {
        let mut c = e.split(',');
        c.next() != c.next()
    }));

    let jsonl = cable(&["refs", "-q", "--format", "jsonl", path]);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["citing"], "66BUENOSAIRES2481");
    assert_eq!(first["cited"], "66STATE106206");
    assert_eq!(first["label"], serde_json::Value::Null);
    assert_eq!(first["in_corpus"], false);
    assert_eq!(jsonl.lines().count(), edges.len());
}

#[test]
fn stats_report_the_most_cited_cables() {
    let Some(csv) = corpus_csv() else { return };
    let json: serde_json::Value =
        serde_json::from_str(&cable(&["stats", "--json", "-q", csv.to_str().unwrap()])).unwrap();
    let top = json["most_cited"].as_array().unwrap();
    // 03LILONGWE1202 is cited by 23 cables of the file (`03 LILONGWE 1202`, `A)03 Lilongwe 1202`
    // in their REF blocks, counted with a regular expression over the text before paragraph 1;
    // 04LILONGWE154's is in the REF list's tail after a blank line).
    assert_eq!(top[0]["id"], "03LILONGWE1202");
    assert_eq!(top[0]["citations"], 23);
    assert_eq!(top[0]["in_corpus"], false);
    let table = cable(&["stats", "-q", csv.to_str().unwrap()]);
    assert!(table.contains("most cited cables"));
    assert!(table.contains("04LILONGWE404 (in corpus)"));
}
