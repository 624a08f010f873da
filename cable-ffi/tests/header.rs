//! `include/cable.h` is generated from this crate by cbindgen and committed. This test
//! regenerates it in memory and fails when the committed file differs, so no cbindgen binary is
//! needed anywhere. To update the header after changing the API or its docs:
//!
//! ```sh
//! CABLE_BLESS=1 cargo test -p cable-ffi header
//! ```

use std::path::Path;

#[test]
fn header_is_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cable-ffi/cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen reads the crate")
        .write(&mut generated);
    let path = dir.join("../include/cable.h");
    if std::env::var_os("CABLE_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write include/cable.h");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/cable.h is stale: regenerate it with `CABLE_BLESS=1 cargo test -p cable-ffi header` and commit it"
    );
}
