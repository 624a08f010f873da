#![no_main]
//! Arbitrary bytes as a cable: decoded as the byte entry points do, then parsed.

#[path = "../../cable-core/tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = invariants::parse_and_check(&cable_core::Document::from_bytes(data));
});
