//! `cable refs`: the citation edges of a corpus. The network is the core's
//! ([`cable_core::ids::CableCitations`], [`cable_core::ids::corpus_citations`]), shared with
//! Python's `cable.citations()`; this module only lays out the rows.

/// Columns of the edge table.
pub const COLUMNS: &[&str] = &["citing", "cited", "label", "kind", "in_corpus", "source"];

/// A cable's ids and edges (the core's).
pub use cable_core::ids::CableCitations as CableEdges;

/// The rows of the edge table, in order of the cables and of their REF blocks.
pub fn rows(cables: &[(String, CableEdges)]) -> Vec<[String; 6]> {
    cable_core::ids::corpus_citations(cables)
        .into_iter()
        .map(|e| {
            [
                e.citing.to_owned(),
                e.cited.to_owned(),
                e.label.to_owned(),
                e.kind.to_owned(),
                e.in_corpus.to_string(),
                e.source.to_owned(),
            ]
        })
        .collect()
}
