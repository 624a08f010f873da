//! Adversarial inputs (issue 14): the shapes that crashed or blew up the parser, each parsed on a
//! thread with a 256 KiB stack, so that recursion whose depth follows the input shows up at
//! sizes a test can afford. A stack overflow cannot be caught: it aborts this test binary, which
//! fails the run. Every input is generated here; none is committed.
//!
//! Each parse must finish, keep the invariants of `common::invariants` and print JSON no larger
//! than [`OUTPUT_BOUND`] times the input.

mod common;

use cable_core::envelope::{corpus, html};

/// The largest JSON output allowed per input byte (of at least 4 KiB of input; every input here
/// is 30 KB or more). The JSON contract gives every paragraph seven keys, about 130 bytes for an
/// empty paragraph `12.` of 4 bytes, and its warnings (a repeated or recovered number) about 115
/// more; what keeps a text made only of such paragraphs within 20 times its size is the limits:
/// at most 4,000 paragraphs (`too_many_paragraphs`) and 500 warnings of a kind
/// (`too_many_warnings`). (Short texts between 4 and about 30 KB can reach 60 times: the fuzz
/// target `parse_repeated` checks 64 at any size.)
const OUTPUT_BOUND: usize = 20;

/// The stack of the test threads: small, so that a recursion per line or per word overflows.
const STACK: usize = 256 * 1024;

/// Runs `f` on a thread with a [`STACK`]-byte stack and returns its result; a panic fails the
/// test with the thread's message.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let handle = std::thread::Builder::new().stack_size(STACK).spawn(f).expect("spawn a test thread");
    match handle.join() {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e),
    }
}

/// Reads `bytes` the way the command does (form detected from the content), parses it and checks
/// the invariants and the output bound. Returns the JSON, or `None` when the input is not a cable.
fn parse_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Option<serde_json::Value> {
    let name: String = name.into();
    on_small_stack(move || {
        let form = corpus::detect(&name, &bytes);
        let doc = match corpus::document_from_bytes(form, &bytes) {
            Ok(doc) => doc,
            Err(html::HtmlError::NoPreBlock) => return None,
            Err(e) => panic!("{name}: {e}"),
        };
        let value = common::invariants::parse_and_check(&doc)?;
        let json = value.to_string();
        assert!(
            json.len() <= OUTPUT_BOUND * bytes.len().max(4096),
            "{name}: {} bytes of JSON for {} bytes of input",
            json.len(),
            bytes.len()
        );
        Some(value)
    })
}

fn parse_text(name: impl Into<String>, text: String) -> Option<serde_json::Value> {
    parse_bytes(name, text.into_bytes())
}

/// Issue 14, item 1: a word repeated at the end of the last line was a call per repeat
/// (`glued_signature`), a stack overflow that killed the CLI, the Python interpreter and C hosts.
#[test]
fn a_word_repeated_on_the_last_line() {
    // The input: no cable line at all, an error (it aborted while finding that out).
    assert_eq!(parse_text("repeat.txt", format!("x y\n{}\n", "A ".repeat(60_000))), None);
    let v = parse_text("repeat-cable.txt", format!("UNCLASSIFIED\n\n1. It ended. {}\n", "ORDWAY ".repeat(100_000)))
        .expect("a cable");
    assert_eq!(v["signers"], serde_json::json!(["ORDWAY"]));
    // A real doubled signature is still read (03YEREVAN2883).
    let v = parse_text("ordway.txt", "UNCLASSIFIED\n\n1. It was necessary at this time. ORDWAY ORDWAY\n".into())
        .expect("a cable");
    assert_eq!(v["signers"], serde_json::json!(["ORDWAY"]));
}

/// The other shapes of item 1: redaction runs on one line, an unclosed `(Note:` run, `<a ` tags.
#[test]
fn long_runs_on_one_line() {
    let v = parse_text("redactions.txt", format!("UNCLASSIFIED\n\n1. x {}\n", "XXXXXXXXXXXX ".repeat(100_000)))
        .expect("a cable");
    assert_eq!(v["redactions"]["count"], 100_000);
    parse_text("notes.txt", format!("UNCLASSIFIED\n\n1. x {}\n", "(Note: ".repeat(100_000))).expect("a cable");
    parse_text("notes-words.txt", format!("UNCLASSIFIED\n\n1. x {}\n", "(Note: a ".repeat(100_000))).expect("a cable");
    parse_text("anchors.html", format!("<html><pre>UNCLASSIFIED\n\n1. x {}</pre>", "<a ".repeat(100_000)))
        .expect("a cable");
    parse_text("no-spaces.txt", format!("UNCLASSIFIED\n\n1. {}", "x.".repeat(2_000_000))).expect("a cable");
    // No cable line: an error, after reading 2 MB without newlines.
    assert_eq!(parse_text("no-newlines.txt", "A. B ".repeat(400_000)), None);
}

/// Issue 14, item 2: every citation of an item copied the item's text: `REF: STATE 1, 2, …,
/// 10000` (59 KB) gave 590 MB of JSON, a 440 KB REF line made the allocator abort.
#[test]
fn a_ref_line_citing_many_cables() {
    let serials: Vec<String> = (1..=60_000).map(|n| n.to_string()).collect();
    let text = format!("UNCLASSIFIED\n\nSUBJECT: X\n\nREF: STATE {}\n\n1. Text.\n", serials.join(", "));
    let v = parse_text("refs.txt", text).expect("a cable");
    assert_eq!(v["references"].as_array().map(Vec::len), Some(60_000));
    assert_eq!(v["references"][59_999]["text"], "60000");
    // Lettered items past Z.
    let items: String = (0..2_000).map(|i| format!(" {}. STATE {}", (b'A' + (i % 26) as u8) as char, i + 1)).collect();
    let v =
        parse_text("labels.txt", format!("UNCLASSIFIED\n\nSUBJECT: X\n\nREF:{items}\n\n1. Text.\n")).expect("a cable");
    assert_eq!(v["references"][25]["label"], "Z");
    assert_eq!(v["references"][25]["text"], "STATE 26");
}

/// Issue 14, item 3: a character across the 64 KiB read for detecting the form panicked.
#[test]
fn a_character_across_the_detection_window() {
    let mut input = vec![b'a'; 65_535];
    input.extend("é\nCONFIDENTIAL\n\n1. x\n".as_bytes());
    parse_bytes("-", input).expect("a cable");
    let mut page = b"<pre>".to_vec();
    page.extend(std::iter::repeat_n(b'a', 65_530));
    page.extend("é\nCONFIDENTIAL\n\n1. x</pre>".as_bytes());
    assert_eq!(corpus::detect("-", &page), corpus::Form::Html);
    parse_bytes("-", page).expect("a cable");
}

/// Issue 14, item 4: a page of many `<pre>` blocks was joined by a fold that copied the text so
/// far once per block (100,000 blocks: 15 s).
#[test]
fn a_page_of_many_pre_blocks() {
    let blocks: String = (0..100_000).map(|i| format!("<pre>UNCLASSIFIED\n\n{i}. x\n</pre>")).collect();
    // The invariants (checked by `parse_text`) hold: the elements tile the joined text.
    parse_text("blocks.html", format!("<html>{blocks}")).expect("a cable");
}

/// The tokens of every recogniser (header, banner, metadata fields, paragraphs, markings,
/// passages, notes, breaks, redactions, signature, trailer, page and CSV debris) and a few
/// characters that are multi-byte or structural: the generator's alphabet.
const TOKENS: &[&str] = &[
    "VZCZCXRO9060",
    "OO RUEHDBU RUEHFL",
    "DE RUEHMO #5434/01 3211231",
    "ZNY CCCCC ZZH",
    "O 171231Z NOV 07",
    "O P 071948Z",
    "FM AMEMBASSY MOSCOW",
    "TO RUEHC/SECSTATE WASHDC IMMEDIATE 5322",
    "INFO EUROPEAN POLITICAL COLLECTIVE",
    "XMT AMEMBASSY",
    "BT",
    "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434",
    "CC O N F I D E N T I A L",
    "UNCLAS",
    "SIPDIS",
    "NOFORN",
    "STATE FOR EUR/WE",
    "E.O. 12958: DECL: 11/16/2017",
    "TAGS: PREL PGOV ECONEFIN OVIP (CLINTON, HILLARY)",
    "SUBJECT: KOSOVO:",
    "REF: A. STATE 1",
    "B) 07 MOSCOW 5432, 5433 AND 5434",
    "Classified By: Ambassador William J. Burns. Reasons 1.4 (b) and (d).",
    "1. (C)",
    "12.",
    "[¶](#)9.",
    "¶",
    "(S//NF)",
    "(SBU)",
    "A.",
    "(a)",
    "--",
    "-----",
    "Summary:",
    "End Summary.",
    "Comment:",
    "End Comment.",
    "(Note:",
    "End Note.)",
    "(Comment:",
    "MOSCOW 00005434 002 OF 002",
    "PAGE 02 HARARE 06677 01 OF 03 291400Z",
    "INFO LOG-00 AF-00",
    "ACTION AF-00",
    "This record is a partial extract of the original cable.",
    "XXXXXXXXXXXX",
    "BURNS",
    "KEEGAN PAAL",
    "NNNN",
    "END CABLE TEXT",
    "GP-3",
    "#5434",
    "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005",
    "<a href='#par1'>",
    "</a>",
    "<pre>",
    "&#x000A;",
    "&amp;",
    "\"1\",\"12/28/1966 18:48\",\"",
    "é",
    "\u{2019}",
    "\u{feff}",
    "\t",
    "(",
    ")",
    ".",
    "x",
];

/// A deterministic xorshift generator: the same inputs on every run, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Every token repeated 10^4 times on one line, and on lines of their own, after a banner line
/// and a numbered paragraph (so that the text is a cable and the body recognisers run), and
/// the short tokens 10^5 times (one line, and lines).
#[test]
fn every_token_repeated() {
    for token in TOKENS {
        let times = if token.len() <= 12 { 100_000 } else { 10_000 };
        let one_line = format!("UNCLASSIFIED\n\n1. Text. {}\n", [*token].repeat(times).join(" "));
        parse_text(format!("{token:?} on one line"), one_line);
        // (10^5 short lines: joining 80,000 lines of `12.` into one paragraph's text was
        // quadratic, 0.9 s in a release build; a regression shows as a slow test.)
        let lines = format!("UNCLASSIFIED\n\n1. Text.\n{}\n", [*token].repeat(times).join("\n"));
        parse_text(format!("{token:?} on lines"), lines);
        let glued = format!("UNCLASSIFIED\n\n1. {}", token.repeat(10_000));
        parse_text(format!("{token:?} glued"), glued);
    }
}

/// Structured garbage: lines built from random tokens, separated by spaces, line breaks or
/// blank lines, as plain text and inside a page.
#[test]
fn random_cable_like_texts() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..40 {
        let mut text = String::new();
        for _ in 0..2_000 + rng.below(20_000) {
            text.push_str(TOKENS[rng.below(TOKENS.len())]);
            text.push_str(["", " ", " ", "\n", "\n\n", "  ", "\r\n"][rng.below(7)]);
        }
        if round % 4 == 3 {
            parse_text("random.html", format!("<html><pre>{text}</pre>"));
        } else {
            parse_text("random.txt", text);
        }
    }
}
