//! Property tests: random mutations of real cables (truncation, deleted, repeated and swapped
//! lines, binary junk, lost newlines, CRLF, inserted page breaks) never break the invariants.
//! Bounded to a few hundred cases per property so that the test command stays fast.

mod common;

use cable_core::Document;
use common::invariants;
use proptest::prelude::*;

fn seed() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).expect("seed")
}

/// A few real cables of different shapes: the seed, a partial record and an old ACP-126 cable
/// (committed fixtures), and when the corpus is there an inbox printout.
fn bases() -> Vec<String> {
    let mut out = vec![seed()];
    let fixtures = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"));
    for page in ["00HARARE6677.html", "66BUENOSAIRES2481.html"] {
        let p = std::fs::read_to_string(fixtures.join(page)).expect("committed fixture");
        out.push(cable_core::envelope::html::parse_page(&p).expect("a cablegate page").text().to_owned());
    }
    if let Some(dir) = std::env::var_os("CABLE_CORPUS")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"))))
        .filter(|d| d.join("cablegate-html").is_dir())
    {
        if let Ok(p) = std::fs::read_to_string(dir.join("cablegate-html/2003/06/03ABUDHABI2641.html")) {
            if let Ok(doc) = cable_core::envelope::html::parse_page(&p) {
                out.push(doc.text().to_owned());
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    DeleteLine(usize),
    RepeatLine(usize),
    SwapLines(usize, usize),
    InsertBytes(usize, Vec<u8>),
    StripNewlines,
    Crlf,
    InsertPageBreak(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::RepeatLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..32)).prop_map(|(a, b)| Mutation::InsertBytes(a, b)),
        Just(Mutation::StripNewlines),
        Just(Mutation::Crlf),
        any::<usize>().prop_map(Mutation::InsertPageBreak),
    ]
}

fn apply(text: &[u8], m: &Mutation) -> Vec<u8> {
    let lines: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
    let n = lines.len().max(1);
    let join = |ls: Vec<&[u8]>| ls.concat();
    match m {
        Mutation::Truncate(at) => text[..at % (text.len() + 1)].to_vec(),
        Mutation::DeleteLine(i) => {
            let mut ls = lines.clone();
            if !ls.is_empty() {
                ls.remove(i % n);
            }
            join(ls)
        }
        Mutation::RepeatLine(i) => {
            let mut ls = lines.clone();
            if !ls.is_empty() {
                let l = ls[i % n];
                ls.insert(i % n, l);
            }
            join(ls)
        }
        Mutation::SwapLines(a, b) => {
            let mut ls = lines.clone();
            if !ls.is_empty() {
                ls.swap(a % n, b % n);
            }
            join(ls)
        }
        Mutation::InsertBytes(at, bytes) => {
            let at = at % (text.len() + 1);
            [&text[..at], bytes, &text[at..]].concat()
        }
        Mutation::StripNewlines => text.iter().map(|&b| if b == b'\n' { b' ' } else { b }).collect(),
        Mutation::Crlf => text.iter().flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] }).collect(),
        Mutation::InsertPageBreak(i) => {
            let mut ls = lines.clone();
            let brk: &[u8] = b"\n CONFIDENTIAL\nPAGE 02 MOSCOW 05434 01 OF 02 171231Z \nMOSCOW 00005434 002 OF 002\n";
            ls.insert(i % (ls.len() + 1), brk);
            join(ls)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_cables_keep_the_invariants(base in 0usize..4, ms in proptest::collection::vec(mutation(), 1..6)) {
        let bases = bases();
        let mut text = bases[base % bases.len()].clone().into_bytes();
        for m in &ms {
            text = apply(&text, m);
        }
        let _ = invariants::parse_and_check(&Document::from_bytes(&text));
    }

    #[test]
    fn arbitrary_bytes_keep_the_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = invariants::parse_and_check(&Document::from_bytes(&bytes));
    }
}

/// Found by fuzzing (parse_text): a byte-order mark decoded twice (`ï»¿`) before the header was
/// left outside every element.
#[test]
fn byte_order_mark_mojibake_keeps_the_invariants() {
    for mark in ["\u{feff}", "ï»¿"] {
        let text = format!("{mark}{}", seed().trim_start());
        let v = invariants::parse_and_check(&Document::plain(text.as_str())).expect("still a cable");
        assert_eq!(v["transmission_id"], "VZCZCXRO9060");
        // The fuzzer's case: the mark glued to a line of text that opens the body.
        let text = format!("{mark}effectively published on the Internet.\n\n3.  (C) XXXXXXXXXXXX said so.\n");
        let v = invariants::parse_and_check(&Document::plain(text.as_str())).expect("still a cable");
        assert_eq!(v["paragraphs"][1]["number"], 3);
    }
}
