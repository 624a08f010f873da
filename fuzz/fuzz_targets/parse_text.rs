#![no_main]
//! Arbitrary bytes as a cable: decoded as the byte entry points do, then parsed.

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check::parse_and_check(&cable_core::Document::from_bytes(data));
});
