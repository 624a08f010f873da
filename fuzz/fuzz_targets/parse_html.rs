#![no_main]
//! Arbitrary bytes as a cablegate page.

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = cable_core::decode::decode(data);
    if let Ok(doc) = cable_core::envelope::html::parse_page(&decoded.text) {
        check::parse_and_check(&doc);
    }
});
