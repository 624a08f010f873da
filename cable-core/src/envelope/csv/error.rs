//! Why a row could not be read.

use std::io;

/// Why a row could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvErrorKind {
    /// A field does not start with a double quote.
    ExpectedQuote,
    /// After a closing quote came something other than a comma or the end of the row.
    ExpectedSeparator,
    /// The row has fewer or more than 8 fields.
    FieldCount,
    /// The file ends inside a row.
    Truncated,
    /// The row is longer than the reader's limit.
    RowTooLong,
    /// Reading the file failed.
    Io,
}

crate::names::names!(CsvErrorKind {
    ExpectedQuote => "expected_quote",
    ExpectedSeparator => "expected_separator",
    FieldCount => "field_count",
    Truncated => "truncated",
    RowTooLong => "row_too_long",
    Io => "io",
});

/// A malformed row (or an I/O failure), with where it happened.
#[derive(Debug, thiserror::Error)]
#[error("row {row} at byte {offset}: {message}")]
pub struct CsvError {
    pub(super) kind: CsvErrorKind,
    pub(super) row: u64,
    pub(super) offset: u64,
    pub(super) message: String,
    #[source]
    pub(super) source: Option<io::Error>,
}

impl CsvError {
    /// What went wrong.
    pub fn kind(&self) -> CsvErrorKind {
        self.kind
    }

    /// Number of the row (1-based, counting every row the reader met, good or bad).
    pub fn row(&self) -> u64 {
        self.row
    }

    /// Byte offset in the file where the row starts.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// What is wrong with the row, and the byte offset in the file where it was found.
    pub fn message(&self) -> &str {
        &self.message
    }
}
