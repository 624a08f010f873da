//! `Spanned<T>`: a parsed value together with the bytes it was read from.

use crate::span::Span;
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// A value parsed from the cable and the span of the source text it came from.
///
/// Derefs to the value, so `cable.subject().unwrap().len()` works on the text directly.
/// Serialises as the bare value: spans are reported separately in the JSON (`spans`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The parsed value.
    pub value: T,
    /// Where in the source it was found.
    pub span: Span,
}

/// Text read from the cable: borrowed from the input when it could be used as is, owned when it
/// had to be cleaned (lines joined, page-break markers or link remnants removed).
pub type Text<'a> = Spanned<Cow<'a, str>>;

impl<T> Spanned<T> {
    /// Pairs `value` with `span`.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<'a> Spanned<Cow<'a, str>> {
    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// True when the text is a slice of the input (nothing had to be cleaned).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.value, Cow::Borrowed(_))
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} @ {}", self.value, self.span)
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq<T> for Spanned<T> {
    fn eq(&self, other: &T) -> bool {
        self.value == *other
    }
}

impl PartialEq<str> for Spanned<&str> {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

impl PartialEq<&str> for Spanned<Cow<'_, str>> {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

#[cfg(feature = "serde")]
impl<T: serde::Serialize> serde::Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}
