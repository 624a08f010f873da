#![no_main]
//! Arbitrary bytes as a cablegate page.

#[path = "../../cable-core/tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = cable_core::decode::decode(data);
    if let Ok(doc) = cable_core::envelope::html::parse_page(&decoded.text) {
        let _ = invariants::parse_and_check(&doc);
    }
});
