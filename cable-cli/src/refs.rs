//! `cable refs`: the citation edge list of a corpus — citing id → cited id, with the REF
//! item's label and kind, and whether the cited cable is in the corpus.

use cable_core::Cable;
use std::collections::HashSet;

/// Columns of the edge list.
pub const COLUMNS: &[&str] = &["citing", "cited", "label", "kind", "in_corpus", "source"];

/// What one cable contributes: the ids it is known by, and its edges.
#[derive(Debug, Default)]
pub struct CableEdges {
    /// Its reference id and its envelope's canonical id (they differ on the site's mix-ups).
    pub ids: Vec<String>,
    /// (cited, label, kind) per citation.
    pub edges: Vec<(String, String, &'static str)>,
    /// The citing id.
    pub citing: String,
}

impl CableEdges {
    /// The edges of a parsed cable.
    pub fn of(cable: &Cable<'_>) -> CableEdges {
        let mut ids: Vec<String> = cable.reference_id().map(str::to_owned).into_iter().collect();
        if let Some(env) =
            cable.envelope().and_then(|e| e.reference_id.as_deref()).and_then(cable_core::ids::canonical_id)
        {
            if !ids.iter().any(|i| i == env.as_str()) {
                ids.push(env.to_string());
            }
        }
        let citations = cable_core::ids::citations(cable);
        CableEdges {
            citing: citations.first().map(|c| c.citing.to_string()).unwrap_or_default(),
            edges: citations
                .iter()
                .map(|c| (c.cited.to_string(), c.label.unwrap_or_default().to_owned(), c.kind.as_str()))
                .collect(),
            ids,
        }
    }
}

/// The rows of the edge list, with `in_corpus` resolved against every id of the corpus.
pub fn rows(cables: &[(String, CableEdges)]) -> Vec<[String; 6]> {
    let known: HashSet<&str> = cables.iter().flat_map(|(_, c)| c.ids.iter().map(String::as_str)).collect();
    let mut out = Vec::new();
    for (source, c) in cables {
        for (cited, label, kind) in &c.edges {
            out.push([
                c.citing.clone(),
                cited.clone(),
                label.clone(),
                (*kind).to_owned(),
                known.contains(cited.as_str()).to_string(),
                source.clone(),
            ]);
        }
    }
    out
}
