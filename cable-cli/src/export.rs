//! `cable export --format csv`: one flat row per cable (lists joined with `|`), for spreadsheets
//! and DuckDB. The `csv` crate writes the rows so that quoting is always right.

use cable_core::Cable;

/// Columns of the per-cable table.
pub const CABLE_COLUMNS: &[&str] = &[
    "source",
    "reference_id",
    "created",
    "origin",
    "serial",
    "classification",
    "caveats",
    "precedence",
    "sender",
    "to",
    "info",
    "tags",
    "subject",
    "references",
    "classified_by",
    "reasons",
    "eo_order",
    "declassify_on",
    "partial",
    "paragraphs",
    "signers",
    "warnings",
];

/// Columns of the per-paragraph table (`--paragraphs`).
pub const PARAGRAPH_COLUMNS: &[&str] =
    &["source", "reference_id", "index", "number", "level", "caveats", "heading", "text"];

/// One row of the per-cable table.
pub fn cable_row(source: &str, c: &Cable<'_>) -> Vec<String> {
    let join = |it: &mut dyn Iterator<Item = String>| it.collect::<Vec<_>>().join("|");
    vec![
        source.to_owned(),
        c.reference_id().unwrap_or_default().to_owned(),
        c.created().map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_default(),
        c.origin().unwrap_or_default().to_owned(),
        c.serial().map(|s| s.to_string()).unwrap_or_default(),
        c.classification().map(|l| l.to_string()).unwrap_or_default(),
        join(&mut c.caveats().iter().map(|x| x.as_str().to_owned())),
        c.precedence().map(|p| p.to_string()).unwrap_or_default(),
        c.sender().unwrap_or_default().to_owned(),
        join(&mut c.to().iter().map(|r| r.name.to_owned())),
        join(&mut c.info().iter().map(|r| r.name.to_owned())),
        join(&mut c.tags().iter().map(|t| t.as_str().to_owned())),
        c.subject().unwrap_or_default().to_owned(),
        join(&mut c.references().iter().filter_map(|r| r.id.as_ref().map(|i| i.to_string()))),
        join(&mut c.classified_by().into_iter().flat_map(|b| b.names.iter().map(|n| n.to_string()))),
        join(&mut c.classified_by().into_iter().flat_map(|b| b.reasons.iter().map(|r| r.to_string()))),
        c.executive_order().and_then(|e| e.order).unwrap_or_default().to_owned(),
        c.executive_order().and_then(|e| e.declassify_on).map(|d| d.to_string()).unwrap_or_default(),
        c.is_partial().to_string(),
        c.paragraphs().len().to_string(),
        c.signers().join("|"),
        c.warnings().len().to_string(),
    ]
}

/// The rows of the per-paragraph table: one per paragraph, in text order.
pub fn paragraph_rows(source: &str, c: &Cable<'_>) -> Vec<Vec<String>> {
    let id = c.reference_id().unwrap_or_default();
    c.paragraphs()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                source.to_owned(),
                id.to_owned(),
                i.to_string(),
                p.number().map(|n| n.to_string()).unwrap_or_default(),
                p.level().map(|l| l.to_string()).unwrap_or_default(),
                p.marking().map(|m| m.caveats().collect::<Vec<_>>().join("|")).unwrap_or_default(),
                p.heading().map(|h| h.into_owned()).unwrap_or_default(),
                p.text().into_owned(),
            ]
        })
        .collect()
}
