//! Gives libcable.so its SONAME, so that programs record the ABI they were linked against
//! (`NEEDED libcable.so.0.1`) rather than the unversioned name, and a later incompatible
//! library is not loaded in its place.
//!
//! The ABI version follows the crate version as Cargo's semver reads it: the major version,
//! or `0.MINOR` while the major is 0 (0.1 → 0.2 may break, so 0.1 and 0.2 must not share a
//! SONAME). scripts/install-c and scripts/dist name the file after it and add the unversioned
//! `libcable.so` link for the linker.

fn main() {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").expect("set by cargo");
    let abi = if major == "0" { format!("0.{minor}") } else { major };
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcable.so.{abi}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
