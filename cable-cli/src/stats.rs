//! `cable stats`: a corpus report — counts by year, classification, caveat and origin, how often
//! each field was found, warnings by kind, top tags, most cited cables (in-degree). This is how parser quality is seen at
//! corpus scale.

use cable_core::Cable;
use chrono::Datelike;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Tells whether a cable has a field.
type Has = fn(&Cable<'_>) -> bool;

/// Fields whose presence is counted, with how to tell.
const COVERAGE: &[(&str, Has)] = &[
    ("date-time group", |c| c.dtg().is_some()),
    ("recipients (TO/INFO)", |c| !c.to().is_empty() || !c.info().is_empty()),
    ("classification banner", |c| c.banner().is_some()),
    ("E.O. line", |c| c.eo().is_some()),
    ("TAGS", |c| !c.tags().is_empty()),
    ("SUBJECT", |c| c.subject().is_some()),
    ("REF", |c| !c.references().is_empty()),
    ("classified by", |c| c.classified_by().is_some()),
    ("numbered paragraphs", |c| c.paragraphs().iter().any(|p| p.number().is_some())),
    ("summary", |c| c.summary().is_some()),
    ("comment", |c| c.comment().is_some()),
    ("signature", |c| c.signature().is_some()),
];

/// What one cable contributes to the report.
#[derive(Debug, Default)]
pub struct Summary {
    year: Option<i32>,
    level: Option<String>,
    caveats: Vec<String>,
    origin: Option<String>,
    found: Vec<bool>,
    warnings: Vec<String>,
    tags: Vec<String>,
    partial: bool,
    /// The parser guessed somewhere in the body (a `doubt_*` warning).
    doubt: bool,
    /// The ids the cable is known by (reference id, envelope id).
    ids: Vec<String>,
    /// The cables it cites, each once.
    cited: Vec<String>,
}

impl Summary {
    /// The summary of a parsed cable.
    pub fn of(cable: &Cable<'_>) -> Summary {
        Summary {
            year: cable.reference().and_then(|r| r.year).or(cable.created().map(|c| c.year())),
            level: cable.classification().map(|l| l.to_string()),
            caveats: cable.caveats().iter().map(|c| c.as_str().to_owned()).collect(),
            origin: cable.origin().map(str::to_owned),
            found: COVERAGE.iter().map(|(_, f)| f(cable)).collect(),
            // The names of the JSON contract (`unrecognised_line`), not the Rust variants.
            warnings: cable
                .warnings()
                .iter()
                .map(|w| {
                    serde_json::to_value(w.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
                })
                .collect(),
            tags: cable.tags().iter().map(|t| t.as_str().to_owned()).collect(),
            partial: cable.partial(),
            doubt: cable.warnings().iter().any(|w| w.kind.as_str().starts_with("doubt_")),
            ids: crate::refs::CableEdges::of(cable).ids,
            cited: {
                let mut v: Vec<String> =
                    cable_core::ids::citations(cable).into_iter().map(|c| c.cited.to_string()).collect();
                v.sort();
                v.dedup();
                v
            },
        }
    }
}

/// The report.
#[derive(Debug, Default, Serialize)]
pub struct Stats {
    cables: u64,
    errors: u64,
    partial: u64,
    /// Cables whose body structure rests on no guess (no `doubt_*` warning).
    without_doubt: u64,
    by_year: BTreeMap<String, u64>,
    by_classification: BTreeMap<String, u64>,
    by_caveat: BTreeMap<String, u64>,
    by_origin: BTreeMap<String, u64>,
    coverage: BTreeMap<String, u64>,
    warnings: BTreeMap<String, u64>,
    tags: BTreeMap<String, u64>,
    /// Citing cables per cited id (in-degree); reported as `most_cited`.
    #[serde(skip)]
    cited_by: BTreeMap<String, u64>,
    #[serde(skip)]
    known_ids: std::collections::HashSet<String>,
}

/// A line of the most-cited report.
#[derive(Debug, Serialize)]
struct Cited {
    id: String,
    citations: u64,
    in_corpus: bool,
}

impl Stats {
    /// Adds one cable.
    pub fn add(&mut self, s: Summary) {
        self.cables += 1;
        self.partial += u64::from(s.partial);
        self.without_doubt += u64::from(!s.doubt);
        *self.by_year.entry(s.year.map_or("unknown".into(), |y| y.to_string())).or_default() += 1;
        *self.by_classification.entry(s.level.unwrap_or_else(|| "unknown".into())).or_default() += 1;
        for c in s.caveats {
            *self.by_caveat.entry(c).or_default() += 1;
        }
        *self.by_origin.entry(s.origin.unwrap_or_else(|| "unknown".into())).or_default() += 1;
        for ((name, _), found) in COVERAGE.iter().zip(s.found) {
            *self.coverage.entry((*name).to_string()).or_default() += u64::from(found);
        }
        for w in s.warnings {
            *self.warnings.entry(w).or_default() += 1;
        }
        for t in s.tags {
            *self.tags.entry(t).or_default() += 1;
        }
        for c in s.cited {
            *self.cited_by.entry(c).or_default() += 1;
        }
        self.known_ids.extend(s.ids);
    }

    /// The `k` most cited cables: how many cables of the corpus cite each, and whether it is in
    /// the corpus itself.
    fn most_cited(&self, k: usize) -> Vec<Cited> {
        top(&self.cited_by, k)
            .into_iter()
            .map(|(id, citations)| Cited { in_corpus: self.known_ids.contains(&id), id, citations })
            .collect()
    }

    /// Counts an input that could not be read or parsed.
    pub fn error(&mut self) {
        self.errors += 1;
    }

    /// The report as JSON (`--json`).
    pub fn to_json(&self) -> String {
        let top_tags = top(&self.tags, 50);
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["tags"] = serde_json::to_value(top_tags).unwrap_or_default();
        v["most_cited"] = serde_json::to_value(self.most_cited(50)).unwrap_or_default();
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }

    /// The report as aligned text tables.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let n = self.cables.max(1) as f64;
        let _ = writeln!(
            out,
            "cables: {}   partial records: {}   unreadable inputs: {}",
            self.cables, self.partial, self.errors
        );
        let _ = writeln!(
            out,
            "cables whose paragraph structure is certain (no doubt_ warning): {} ({:.1}%)",
            self.without_doubt,
            100.0 * self.without_doubt as f64 / n
        );
        let coverage: Vec<(String, u64)> =
            COVERAGE.iter().map(|(k, _)| ((*k).to_string(), self.coverage.get(*k).copied().unwrap_or(0))).collect();
        table(&mut out, "field coverage", &coverage, Some(n));
        table(&mut out, "by year", &self.by_year.iter().map(|(k, v)| (k.clone(), *v)).collect::<Vec<_>>(), Some(n));
        table(&mut out, "by classification", &top(&self.by_classification, usize::MAX), Some(n));
        table(&mut out, "by caveat", &top(&self.by_caveat, usize::MAX), Some(n));
        table(&mut out, "by origin (top 25)", &top(&self.by_origin, 25), Some(n));
        table(&mut out, "warnings by kind (cables × warnings)", &top(&self.warnings, usize::MAX), None);
        table(&mut out, "top tags", &top(&self.tags, 25), Some(n));
        let cited: Vec<(String, u64)> = self
            .most_cited(25)
            .into_iter()
            .map(|c| (if c.in_corpus { format!("{} (in corpus)", c.id) } else { c.id }, c.citations))
            .collect();
        table(&mut out, "most cited cables (citing cables)", &cited, None);
        out
    }
}

/// The `k` largest counts, largest first (ties by name).
fn top(map: &BTreeMap<String, u64>, k: usize) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(k);
    v
}

fn table(out: &mut String, title: &str, rows: &[(String, u64)], total: Option<f64>) {
    let _ = writeln!(out, "\n{title}");
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).max(8);
    for (k, v) in rows {
        match total {
            Some(n) => {
                let _ = writeln!(out, "  {k:<width$}  {v:>9}  {:>6.2}%", 100.0 * *v as f64 / n);
            }
            None => {
                let _ = writeln!(out, "  {k:<width$}  {v:>9}");
            }
        }
    }
}
