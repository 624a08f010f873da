//! Pathological inputs complete (in linear time; timings are measured by the benches, not here)
//! and keep every invariant: a million blank lines, a 10 MB TAGS line, 100,000 paragraphs, a
//! million recipients, a line of 10 MB without spaces, and the size limit.

mod common;

use cable_core::{Document, ErrorKind, ParseOptions};
use common::invariants;

const HEAD: &str = "O 171231Z NOV 07\nFM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5322\n\nC O N F I D E N T I A L MOSCOW 005434\n\n";

fn check(text: &str) -> serde_json::Value {
    invariants::parse_and_check(&Document::plain(text)).expect("still a cable")
}

#[test]
fn a_million_blank_lines() {
    let text = format!(
        "{HEAD}E.O. 12958: DECL: 11/16/2017\n{}TAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n",
        "\n".repeat(1_000_000)
    );
    let v = check(&text);
    assert_eq!(v["tags"][0], "PREL");
}

#[test]
fn a_ten_megabyte_tags_line() {
    let tags = "PREL PGOV ".repeat(1_000_000);
    let text = format!("{HEAD}TAGS: {tags}\nSUBJECT: X\n");
    let v = check(&text);
    // Repeats are dropped: two tags remain.
    assert_eq!(v["tags"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_hundred_thousand_paragraphs() {
    let mut text = format!("{HEAD}SUBJECT: X\n\n");
    for i in 1..=100_000 {
        text.push_str(&format!("{i}. (C) Paragraph {i}.\n\n"));
    }
    let v = check(&text);
    assert_eq!(v["subject"], "X");
}

#[test]
fn a_million_recipients() {
    let mut text = String::from("O 171231Z NOV 07\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC POSTS\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("AMEMBASSY POST{i} IMMEDIATE {:04}\n", i % 10_000));
    }
    text.push_str("\nUNCLAS STATE 012345\n");
    let v = check(&text);
    assert_eq!(v["to"].as_array().map(Vec::len), Some(1_000_001));
    assert_eq!(v["reference_id"], "07STATE12345");
}

#[test]
fn one_ten_megabyte_line() {
    let text = format!("{HEAD}SUBJECT: {}\n", "X".repeat(10_000_000));
    let v = check(&text);
    assert_eq!(v["subject"].as_str().map(str::len), Some(10_000_000));
}

#[test]
fn the_size_limit_is_a_clear_error() {
    let text = format!("{HEAD}{}", "A".repeat(2000));
    let err = ParseOptions::default().with_max_input_len(1000).parse(&text).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge);
    assert_eq!(err.to_string(), "input too large: more than 1000 bytes (the size limit)");
}
