//! A leftmost-first searcher of a few short literals, shared by the cross-reference keywords
//! ([`super::xref`]), the one keyword pass of the JSON writer ([`super::keywords`]), the body's
//! search for debris and notes and the passages' end words, each of which builds its own from
//! its own patterns.

use aho_corasick::packed::{self, Config, Searcher};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// A leftmost-first searcher of short literals: the packed (Teddy) searcher itself where the
/// machine has one (behind `AhoCorasick` each candidate it found was confirmed again by the
/// automaton), the automaton elsewhere.
pub(crate) enum Literals {
    Packed(Searcher),
    Automaton(AhoCorasick),
}

impl Literals {
    /// The searcher of `patterns`.
    pub(crate) fn new<'p>(patterns: impl IntoIterator<Item = &'p str> + Clone) -> Self {
        let mut config = Config::new();
        match config.match_kind(packed::MatchKind::LeftmostFirst).builder().extend(patterns.clone()).build() {
            Some(s) => Literals::Packed(s),
            None => Literals::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(patterns)
                    .expect("short literal patterns build"),
            ),
        }
    }

    /// The matches in `b`, left to right and not overlapping.
    pub(crate) fn matches<'s>(&'s self, b: &'s [u8]) -> impl Iterator<Item = Range<usize>> + 's {
        let mut from = 0;
        std::iter::from_fn(move || {
            let rest = b.get(from..)?;
            let m = match self {
                Literals::Packed(s) => s.find(rest)?,
                Literals::Automaton(a) => a.find(rest)?,
            };
            let at = from + m.start()..from + m.end();
            from = at.end;
            Some(at)
        })
    }
}
