//! Citations: the edges of the graph of cables, from a cable's REF block.

use crate::model::{Cable, ReferenceKind};
use compact_str::{CompactString, ToCompactString};

/// One citation: a cable citing another cable in its REF block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Citation<'a> {
    /// The citing cable's id ([`cable_id`]).
    pub citing: CompactString,
    /// The cited cable's canonical id.
    pub cited: CompactString,
    /// The bullet label of the REF item (`A`), if any.
    pub label: Option<&'a str>,
    /// The kind of the reference (always [`ReferenceKind::Cable`]: other kinds cite no id).
    pub kind: ReferenceKind,
}

/// The id a cable is known by in a corpus: its reference id, else (texts without a year or a
/// banner) the canonical form of its envelope's id.
pub fn cable_id(cable: &Cable<'_>) -> Option<CompactString> {
    if let Some(id) = cable.reference_id() {
        return Some(id.to_compact_string());
    }
    cable.envelope().and_then(|e| e.reference_id.as_deref()).and_then(super::canonical_id)
}

/// A cable's part of a corpus' citation network, owned (so that cables can be parsed on other
/// threads and dropped): the ids it is known by and the edges it starts. The CLI's `cable refs`
/// and `cable stats`, and Python's `cable.citations()`, all build the network from these with
/// [`corpus_citations`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CableCitations {
    /// The ids the cable is known by: its reference id and the canonical form of its envelope's
    /// id, without repeats.
    pub ids: Vec<String>,
    /// The citing id ([`cable_id`]); empty when the cable has no edges.
    pub citing: String,
    /// (cited canonical id, REF label or `""`, kind name) of each edge, in REF order.
    pub edges: Vec<(String, String, &'static str)>,
}

impl CableCitations {
    /// The ids and edges of `cable`.
    pub fn of(cable: &Cable<'_>) -> CableCitations {
        let mut ids: Vec<String> = cable.reference_id().map(str::to_owned).into_iter().collect();
        if let Some(env) = cable.envelope().and_then(|e| e.reference_id.as_deref()).and_then(super::canonical_id) {
            if !ids.iter().any(|i| i == env.as_str()) {
                ids.push(env.to_string());
            }
        }
        let citations = citations(cable);
        CableCitations {
            citing: citations.first().map(|c| c.citing.to_string()).unwrap_or_default(),
            edges: citations
                .iter()
                .map(|c| (c.cited.to_string(), c.label.unwrap_or_default().to_owned(), c.kind.as_str()))
                .collect(),
            ids,
        }
    }
}

/// One edge of a corpus' citation network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusCitation<'c> {
    /// Where the citing cable came from (a path, `file.csv:row`).
    pub source: &'c str,
    /// The citing cable's id.
    pub citing: &'c str,
    /// The cited cable's canonical id.
    pub cited: &'c str,
    /// The REF item's label, `""` when it has none.
    pub label: &'c str,
    /// The reference kind's name (`cable`).
    pub kind: &'static str,
    /// Whether the cited cable is one of the corpus' cables (by any of its [`CableCitations::ids`]).
    pub in_corpus: bool,
}

/// The edges of a corpus, in order of its cables and of their REF blocks, each with whether the
/// cited cable is in the corpus.
pub fn corpus_citations<S: AsRef<str>>(cables: &[(S, CableCitations)]) -> Vec<CorpusCitation<'_>> {
    let known: std::collections::HashSet<&str> =
        cables.iter().flat_map(|(_, c)| c.ids.iter().map(String::as_str)).collect();
    let mut out = Vec::new();
    for (source, c) in cables {
        for (cited, label, kind) in &c.edges {
            out.push(CorpusCitation {
                source: source.as_ref(),
                citing: &c.citing,
                cited,
                label,
                kind,
                in_corpus: known.contains(cited.as_str()),
            });
        }
    }
    out
}

/// The cables a cable cites, one edge per REF item with a cable id, in REF order. A cable
/// citing itself (cablemap issue 4: `08TRIPOLI402`) and repeats of the same item are left
/// out. Empty when the cable's own id is unknown.
///
/// ```
/// let text = "UNCLAS MOSCOW 001234\n\nTAGS: PREL\nSUBJECT: X\nREF: A. STATE 12345 B. 06 MOSCOW 77\n\n1. Text.\n";
/// let cable = cable_core::ParseOptions::default().with_year(2007).parse(text).unwrap();
/// let edges = cable_core::ids::citations(&cable);
/// assert_eq!(edges.len(), 2);
/// assert_eq!((edges[0].citing.as_str(), edges[0].cited.as_str(), edges[0].label), ("07MOSCOW1234", "07STATE12345", Some("A")));
/// assert_eq!(edges[1].cited, "06MOSCOW77");
/// ```
pub fn citations<'a>(cable: &Cable<'a>) -> Vec<Citation<'a>> {
    let Some(citing) = cable_id(cable) else { return Vec::new() };
    let mut out: Vec<Citation<'a>> = Vec::new();
    for r in cable.references() {
        let Some(cited) = r.id.as_ref() else { continue };
        if *cited == citing || out.iter().any(|c| c.cited == *cited && c.label == r.label) {
            continue;
        }
        out.push(Citation { citing: citing.clone(), cited: cited.clone(), label: r.label, kind: r.kind });
    }
    out
}
