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

/// Past 4,000 paragraphs the rest of the text continues the last one (no text is lost) and one
/// `too_many_paragraphs` warning says where: 10,000 blocks split by blank lines.
#[test]
fn ten_thousand_unnumbered_paragraphs() {
    let mut text = format!("{HEAD}SUBJECT: X\n\n");
    for i in 1..=10_000 {
        text.push_str(&format!("Block {i} of the text.\n\n"));
    }
    let v = check(&text);
    let paragraphs = v["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), cable_core::MAX_PARAGRAPHS);
    assert_eq!(paragraphs[3998]["text"], "Block 3999 of the text.");
    let last = paragraphs.last().unwrap()["text"].as_str().unwrap();
    assert!(last.starts_with("Block 4000 of the text. Block 4001 of the text."), "{}", &last[..60]);
    assert!(last.ends_with("Block 10000 of the text."));
    let limit: Vec<_> =
        v["warnings"].as_array().unwrap().iter().filter(|w| w["kind"] == "too_many_paragraphs").collect();
    assert_eq!(limit.len(), 1);
    assert_eq!(limit[0]["text"], "Block 4001 of the text.");
}

/// A paragraph's sub-items stop at 1,000: the lines after the last one continue it (the text
/// keeps them all) and `too_many_items` says so once.
#[test]
fn two_thousand_sub_items() {
    let mut text = format!("{HEAD}SUBJECT: X\n\n1. (C) The list:\n");
    for i in 1..=2_000 {
        text.push_str(&format!("-- item {i};\n"));
    }
    let v = check(&text);
    let items = v["paragraphs"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), cable_core::MAX_ITEMS);
    assert_eq!(items[998]["text"], "item 999;");
    let last = items.last().unwrap()["text"].as_str().unwrap();
    assert!(last.starts_with("item 1000;\n-- item 1001;"), "{}", &last[..40]);
    assert!(last.ends_with("-- item 2000;"));
    let kinds: Vec<_> = v["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "too_many_items").count(), 1, "{kinds:?}");
    // A real list is far from it: no warning.
    let v = check(&format!("{HEAD}SUBJECT: X\n\n1. (C) The list:\n-- one;\n-- two.\n"));
    assert_eq!(v["paragraphs"][0]["items"].as_array().unwrap().len(), 2);
    assert!(v["warnings"].as_array().unwrap().iter().all(|w| w["kind"] != "too_many_items"));
}
