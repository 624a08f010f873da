#![no_main]
//! Arbitrary bytes as a cables.csv file: the reader must end (no hang), report malformed rows
//! with offsets inside the input, and every row it yields must parse safely.

#[path = "../../cable-core/tests/common/invariants.rs"]
mod invariants;

use cable_core::envelope::csv::CsvReader;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut rows = 0usize;
    for row in CsvReader::new(data) {
        rows += 1;
        // Each row or error consumes at least one byte: the reader cannot loop forever.
        assert!(rows <= data.len() + 1, "more rows than bytes");
        match row {
            Ok(r) => {
                assert!(r.offset() as usize <= data.len());
                let _ = invariants::parse_and_check(&r.document());
            }
            Err(e) => assert!(e.offset() as usize <= data.len(), "error offset {} outside the input", e.offset()),
        }
    }
});
