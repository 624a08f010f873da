//! The error returned when the input holds no cable at all.

use crate::span::{LineCol, Span};

/// Why an input could not be parsed as a cable.
///
/// The parser is lenient: everything odd but usable becomes a [`Warning`](crate::Warning) on the
/// result. These are the only reasons it gives up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or holds only whitespace.
    #[error("empty input")]
    Empty,
    /// The input looks like binary data (NUL bytes or mostly control characters).
    #[error("binary data, not text")]
    Binary,
    /// The input is text, but no line of it belongs to a cable (no routing header line, no
    /// classification banner, no metadata line, no numbered paragraph).
    #[error("no recognisable cable line")]
    NotACable,
    /// The input is longer than [`ParseOptions::max_input_len`](crate::ParseOptions::max_input_len).
    #[error("input too large")]
    TooLarge,
}

crate::names::names!(ErrorKind {
    Empty => "empty",
    Binary => "binary",
    NotACable => "not_a_cable",
    TooLarge => "too_large",
});

/// The error returned by [`parse`](crate::parse): a kind and where it was detected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(*.kind, *.pos, *.limit))]
pub struct ParseError {
    kind: ErrorKind,
    span: Span,
    pos: LineCol,
    /// The size limit, for [`ErrorKind::TooLarge`].
    limit: usize,
}

/// `not a cable at line 3, column 1`; the size limit is named (`input too large: more than
/// 1000 bytes (the size limit)`), as a position means nothing there.
fn describe(kind: ErrorKind, pos: LineCol, limit: usize) -> String {
    match kind {
        ErrorKind::TooLarge => format!("{kind}: more than {limit} bytes (the size limit)"),
        _ => format!("{kind} at {pos}"),
    }
}

impl ParseError {
    pub(crate) fn new(kind: ErrorKind, text: &str, span: Span) -> Self {
        ParseError { kind, span, pos: LineCol::find(text, span.start as usize), limit: 0 }
    }

    /// The error for an input longer than `limit` bytes ([`ErrorKind::TooLarge`]).
    pub fn too_large(limit: usize) -> Self {
        ParseError { kind: ErrorKind::TooLarge, span: Span::default(), pos: LineCol { line: 1, column: 1 }, limit }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The bytes the error is about (empty at offset 0 for an empty input).
    pub fn span(&self) -> Span {
        self.span
    }

    /// Byte offset where the problem was detected.
    pub fn offset(&self) -> usize {
        self.span.start as usize
    }

    /// Line and column of [`offset`](Self::offset).
    pub fn line_col(&self) -> LineCol {
        self.pos
    }
}
