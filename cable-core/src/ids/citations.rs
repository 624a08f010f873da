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
