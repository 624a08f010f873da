//! # libcable
//!
//! The C library of the cable parser: `libcable.so` / `libcable.a` with the generated header
//! `include/cable.h`. This crate holds no parsing logic; it only moves ownership across the
//! boundary, converts values to C types and maps errors to status codes, over
//! [`cable_core`].
//!
//! Design (see the header's opening comment for the rules a C caller follows):
//!
//! - [`Cable`] is an opaque handle around a [`cable_core::OwnedCable`] (the input text, copied
//!   once, plus the parse over it) and the records made from it on first use, kept so that
//!   every value handed out has a stable address for the handle's lifetime.
//! - Fields are named, not given one function each: one `CABLE_FIELD_*` constant per key of the
//!   JSON contract (`fields.rs`), read from a record by one accessor per type (`access.rs`):
//!   `cable_str`, `cable_strs`, `cable_int`, `cable_span`, and `cable_count` / `cable_record`
//!   for the records under it (addressees, paragraphs, warnings, ...). The cable itself is the
//!   root record (`cable_root`), as in the JSON. A record ([`CableRecord`], `records.rs`) is the list of its
//!   fields' values, filed by `make.rs` from the core's model. Strings go out as borrowed
//!   [`CableStr`] `{ptr, len}`, lists of strings as a borrowed array [`CableStrs`]
//!   `{items, len}` (rustls-ffi's slices), numbers and dates as `int64_t` through out-parameters.
//! - Accessors take the handle and records as `Option<&T>` and out-parameters as
//!   `Option<&mut T>` (C passes a pointer or NULL; the layout is the pointer's), so they are
//!   safe Rust functions with no `unsafe` in them; only parsing, freeing and the functions that
//!   read caller memory (`data, len`, paths, buffers) are `unsafe`. Every exported function
//!   runs its body inside a panic guard ([`boundary`]): a panic becomes `CABLE_INTERNAL` or an
//!   empty value, never an unwind into C or an abort. NULL arguments become
//!   `CABLE_NULL_ARGUMENT` or an empty value.
//! - Errors: a [`CableStatus`] return value plus an optional caller-owned [`CableError`]
//!   (message, byte offset, line, column, CSV row). No thread-local last error.

#![deny(clippy::missing_safety_doc, clippy::undocumented_unsafe_blocks)]
#![warn(missing_docs)]

// The header lists items in the order of these declarations (kept apart so that rustfmt does
// not sort them): types, field names, parsing and the handle, the CSV iterator, the accessors.
mod types;

mod fields;

mod handle;

mod csv;

mod records;

mod access;

mod ids;

mod boundary;
mod make;

pub use access::*;
pub use csv::*;
pub use fields::*;
pub use handle::*;
pub use ids::*;
pub use records::CableRecord;
pub use types::*;
