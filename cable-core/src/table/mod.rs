//! Arrow tables of parsed cables (feature `arrow`): one builder for the three tables that the
//! `cable` command exports (`cable export --format parquet`) and the bindings hand to the data
//! ecosystem, with typed columns rather than strings.
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | [`Table::Cables`] | cable | `source`, `reference_id`, `created` (timestamp µs UTC), `origin`, `serial` (uint32), `classification` (dictionary), `caveats` (list), `precedence`, `sender`, `to`, `info` (`list<struct>` `{route, name, office, precedence, mcn, excluded, span}`), `tags` (list), `subject`, `references` (`list<struct>` `{label, kind, id, station, serial, year, text}`), `classified_by` (list of names), `reasons` (list), `eo_order`, `declassify_on` (date32), `partial` (bool), `paragraphs` (`list<struct>` `{number, written_number, marking: {level, caveats, raw}, heading, span}`), `signers` (list), `warnings` (uint32 count), `doubt` (bool: a `doubt_*` warning) |
//! | [`Table::Paragraphs`] | paragraph | `source`, `reference_id`, `index` (uint32), `number` (uint32), `level` (dictionary), `caveats` (list), `heading`, `text` |
//! | [`Table::Citations`] | REF citation of a cable | `source`, `citing`, `cited`, `label`, `kind`, `in_corpus` (bool: the cited cable is among those pushed) |
//! | [`Table::Links`] | cross-reference in a paragraph's text ([`Cable::links`]) | `source`, `reference_id`, `paragraph` (uint32 index), `kind` (dictionary), `target` (uint32 index), `number` (uint32), `cited` (the id of the reference's cable, for reference links), `span` |
//!
//! The structs have the keys of the JSON contract (spans are `{start, end}`); a paragraph's
//! `items` are left out, and its `text` is there only in [`TableBuilder::with_text`]'s table.
//! Rows of the citations table wait for [`TableBuilder::end`]: whether a cited cable is in the
//! corpus is known only then.
//!
//! ```
//! use cable_core::table::{Table, TableBuilder};
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
//! let cable = cable_core::parse(&text)?;
//! let mut b = TableBuilder::new(Table::Paragraphs);
//! b.push("07MOSCOW5434.txt", &cable);
//! let batch = b.end();
//! assert_eq!(batch.num_rows(), cable.paragraphs().len());
//! # Ok::<(), cable_core::ParseError>(())
//! ```

mod cables;
mod citations;
mod columns;
mod links;
mod nested;
mod paragraphs;

use crate::Cable;
use crate::ids::CableCitations;
use arrow_array::RecordBatch;
use arrow_schema::{Schema, SchemaRef};
use std::sync::Arc;

/// Which table a [`TableBuilder`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// One row per cable.
    Cables,
    /// One row per paragraph.
    Paragraphs,
    /// One row per citation of a cable in a REF block.
    Citations,
    /// One row per cross-reference in a paragraph's text (`REF A`, `para 13`, `septel`).
    Links,
}

crate::names::names!(Table {
    Cables => "cables",
    Paragraphs => "paragraphs",
    Citations => "citations",
    Links => "links",
});

impl Table {
    /// The table named `name` (`cables`, `paragraphs`, `citations`, `links`).
    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    /// The table's schema.
    pub fn schema(self) -> SchemaRef {
        let fields = match self {
            Table::Cables => cables::fields(false),
            Table::Paragraphs => paragraphs::fields(),
            Table::Citations => citations::fields(),
            Table::Links => links::fields(),
        };
        Arc::new(Schema::new(fields))
    }
}

/// The builder of one of the tables.
// Boxed: the builders hold dozens of column builders each.
enum Builder {
    Cables(Box<cables::CablesBuilder>),
    Paragraphs(Box<paragraphs::ParagraphsBuilder>),
    Citations(citations::CitationsBuilder),
    Links(Box<links::LinksBuilder>),
}

/// Builds one table from cables pushed one at a time. [`finish`](Self::finish) hands over the
/// rows so far as a record batch and starts a new one (batches of a stream); [`end`](Self::end)
/// hands over the last rows once every cable is pushed (the citations table's all of them).
pub struct TableBuilder {
    table: Table,
    builder: Builder,
}

impl std::fmt::Debug for TableBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableBuilder").field("table", &self.table).field("rows", &self.len()).finish()
    }
}

impl TableBuilder {
    /// An empty builder of `table`.
    pub fn new(table: Table) -> Self {
        TableBuilder::build(table, false)
    }

    /// A builder of `table` whose cables table also has the texts: `text` (the whole telegram)
    /// and `body` (as written: everything after the metadata block) as the last two columns,
    /// and each paragraph's cleaned `text` in `paragraphs`. Other tables are as
    /// [`new`](Self::new) makes them (paragraphs have their text already).
    pub fn with_text(table: Table) -> Self {
        TableBuilder::build(table, true)
    }

    fn build(table: Table, text: bool) -> Self {
        let builder = match table {
            Table::Cables => Builder::Cables(Box::new(cables::CablesBuilder::new(text))),
            Table::Paragraphs => Builder::Paragraphs(Box::new(paragraphs::ParagraphsBuilder::new())),
            Table::Citations => Builder::Citations(citations::CitationsBuilder::new()),
            Table::Links => Builder::Links(Box::new(links::LinksBuilder::new())),
        };
        TableBuilder { table, builder }
    }

    /// The table's schema (with the text columns of [`with_text`](Self::with_text)).
    pub fn schema(&self) -> SchemaRef {
        match &self.builder {
            Builder::Cables(b) => b.schema(),
            Builder::Paragraphs(b) => b.schema(),
            Builder::Citations(b) => b.schema(),
            Builder::Links(b) => b.schema(),
        }
    }

    /// Rows that [`finish`](Self::finish) would hand over (the citations table's wait for
    /// [`end`](Self::end): 0).
    pub fn len(&self) -> usize {
        match &self.builder {
            Builder::Cables(b) => b.len(),
            Builder::Paragraphs(b) => b.len(),
            Builder::Citations(_) => 0,
            Builder::Links(b) => b.len(),
        }
    }

    /// True when [`finish`](Self::finish) would hand over no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the rows of `cable` (one, one per paragraph, citation or link), read from
    /// `source` (a path, `file.csv:row`).
    pub fn push(&mut self, source: &str, cable: &Cable<'_>) {
        match &mut self.builder {
            Builder::Cables(b) => b.push(source, cable),
            Builder::Paragraphs(b) => b.push(source, cable),
            Builder::Citations(b) => b.push(source, cable),
            Builder::Links(b) => b.push(source, cable),
        }
    }

    /// Adds a cable to the citations table by its ids and edges ([`CableCitations::of`],
    /// owned: made where the cable was parsed, on another thread). The other tables ignore it:
    /// their rows need the cable itself.
    pub fn push_citations(&mut self, source: &str, citations: CableCitations) {
        if let Builder::Citations(b) = &mut self.builder {
            b.push_citations(source, citations);
        }
    }

    /// The rows ready so far as a record batch; the builder starts over, empty. The citations
    /// table has none before [`end`](Self::end).
    pub fn finish(&mut self) -> RecordBatch {
        match &mut self.builder {
            Builder::Cables(b) => b.finish(),
            Builder::Paragraphs(b) => b.finish(),
            Builder::Citations(b) => b.finish(),
            Builder::Links(b) => b.finish(),
        }
    }

    /// The last rows, once every cable of the corpus is pushed: those [`finish`](Self::finish)
    /// has not handed over, and for the citations table all its rows, with `in_corpus` resolved
    /// against every cable pushed. The builder starts over, empty.
    pub fn end(&mut self) -> RecordBatch {
        match &mut self.builder {
            Builder::Citations(b) => b.end(),
            _ => self.finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_schema::{DataType, TimeUnit};

    fn seed() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap()
    }

    #[test]
    fn the_seed_in_each_table() {
        let text = seed();
        let cable = crate::parse(&text).unwrap();
        let mut b = TableBuilder::new(Table::Cables);
        b.push("seed", &cable);
        let batch = b.finish();
        assert_eq!(batch.num_rows(), 1);
        let id = batch.column_by_name("reference_id").unwrap().as_string::<i32>();
        assert_eq!(id.value(0), "07MOSCOW5434");
        let created = batch.column_by_name("created").unwrap();
        assert_eq!(created.data_type(), &DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())));
        let serial = batch.column_by_name("serial").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!(serial.value(0), 5434);
        let mut p = TableBuilder::new(Table::Paragraphs);
        p.push("seed", &cable);
        assert_eq!(p.len(), cable.paragraphs().len());
        let batch = p.finish();
        assert!(p.is_empty());
        let number = batch.column_by_name("number").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!(number.value(1), 2);
        assert!(number.is_valid(1));
    }

    /// A struct field of row `i` of a `list<struct>` column, as its array.
    fn items(batch: &RecordBatch, column: &str) -> arrow_array::StructArray {
        batch.column_by_name(column).unwrap().as_list::<i32>().value(0).as_struct().clone()
    }

    #[test]
    fn addressees_references_and_paragraphs_are_lists_of_structs() {
        let text = seed();
        let cable = crate::parse(&text).unwrap();
        let mut b = TableBuilder::new(Table::Cables);
        b.push("seed", &cable);
        let batch = b.finish();
        // As in the JSON: `to` is one addressee, `info` two.
        let to = items(&batch, "to");
        assert_eq!(to.len(), 1);
        assert_eq!(to.column_by_name("name").unwrap().as_string::<i32>().value(0), "SECSTATE WASHDC");
        assert_eq!(to.column_by_name("route").unwrap().as_string::<i32>().value(0), "RUEHC");
        assert_eq!(to.column_by_name("mcn").unwrap().as_string::<i32>().value(0), "5322");
        assert_eq!(to.column_by_name("precedence").unwrap().as_string::<i32>().value(0), "IMMEDIATE");
        assert!(to.column_by_name("office").unwrap().is_null(0));
        let span = to.column_by_name("span").unwrap().as_struct();
        let start = span.column_by_name("start").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        let end = span.column_by_name("end").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!((start.value(0), end.value(0)), (155, 191));
        let info = items(&batch, "info");
        let names = info.column_by_name("name").unwrap().as_string::<i32>();
        assert_eq!(names.iter().flatten().collect::<Vec<_>>(), ["CIS COLLECTIVE", "EUROPEAN POLITICAL COLLECTIVE"]);
        assert_eq!(items(&batch, "references").len(), 0);
        // Paragraph 2 (the second): `12.` read as 2, marked (C), with its heading.
        let ps = items(&batch, "paragraphs");
        assert_eq!(ps.len(), 9);
        assert!(ps.column_by_name("text").is_none());
        let number = ps.column_by_name("number").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!(number.value(1), 2);
        assert_eq!(ps.column_by_name("written_number").unwrap().as_string::<i32>().value(1), "12.");
        assert_eq!(ps.column_by_name("heading").unwrap().as_string::<i32>().value(1), "Lavrov's Letter");
        let marking = ps.column_by_name("marking").unwrap().as_struct();
        assert_eq!(marking.column_by_name("level").unwrap().as_string::<i32>().value(1), "CONFIDENTIAL");
        assert_eq!(marking.column_by_name("raw").unwrap().as_string::<i32>().value(1), "(C)");
        let span = ps.column_by_name("span").unwrap().as_struct();
        let start = span.column_by_name("start").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!(start.value(1), 1625);
    }

    /// A cable with a REF block and an unmarked paragraph, and the cable it cites.
    fn citing() -> (String, String) {
        let a = "UNCLAS MOSCOW 001234\n\nTAGS: PREL\nSUBJECT: X\nREF: A. STATE 12345 B. 06 MOSCOW 77\n\n1. Text.\n";
        let b = "UNCLAS STATE 012345\n\nTAGS: PREL\nSUBJECT: Y\n\n1. Text.\n";
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn references_as_in_the_json_and_a_null_marking() {
        let (a, _) = citing();
        let cable = crate::ParseOptions::default().with_year(2007).parse(&a).unwrap();
        let mut b = TableBuilder::new(Table::Cables);
        b.push("a", &cable);
        let batch = b.finish();
        let refs = items(&batch, "references");
        assert_eq!(refs.len(), 2);
        let s = |f: &str, i: usize| refs.column_by_name(f).unwrap().as_string::<i32>().value(i).to_owned();
        assert_eq!(
            [s("label", 0), s("kind", 0), s("id", 0), s("station", 0), s("text", 0)],
            ["A", "cable", "07STATE12345", "STATE", "STATE 12345"]
        );
        assert_eq!(s("id", 1), "06MOSCOW77");
        let year = refs.column_by_name("year").unwrap().as_primitive::<arrow_array::types::Int32Type>();
        assert_eq!((year.value(0), year.value(1)), (2007, 2006));
        let serial = refs.column_by_name("serial").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!(serial.value(1), 77);
        let ps = items(&batch, "paragraphs");
        assert_eq!(ps.len(), 1);
        assert!(ps.column_by_name("marking").unwrap().is_null(0));
    }

    #[test]
    fn citations_know_which_cited_cables_are_in_the_corpus() {
        let (a, b) = citing();
        let options = crate::ParseOptions::default().with_year(2007);
        let (a, b) = (options.parse(&a).unwrap(), options.parse(&b).unwrap());
        let mut t = TableBuilder::new(Table::Citations);
        t.push("a", &a);
        // Nothing before the end: the cited cable comes later.
        assert!(t.is_empty());
        assert_eq!(t.finish().num_rows(), 0);
        t.push("b", &b);
        let batch = t.end();
        let cited = batch.column_by_name("cited").unwrap().as_string::<i32>();
        assert_eq!(cited.iter().flatten().collect::<Vec<_>>(), ["07STATE12345", "06MOSCOW77"]);
        let in_corpus = batch.column_by_name("in_corpus").unwrap().as_boolean();
        assert_eq!(in_corpus.iter().flatten().collect::<Vec<_>>(), [true, false]);
        assert_eq!(batch.column_by_name("label").unwrap().as_string::<i32>().value(1), "B");
        // The builder starts over: the next corpus resolves on its own.
        t.push("a", &a);
        let again = t.end();
        assert_eq!(
            again.column_by_name("in_corpus").unwrap().as_boolean().iter().flatten().collect::<Vec<_>>(),
            [false, false]
        );
    }

    #[test]
    fn links_with_the_cited_cable() {
        let a = "UNCLAS MOSCOW 001234\n\nTAGS: PREL\nSUBJECT: X\nREF: A. STATE 12345 B. 06 MOSCOW 77\n\n\
                 1. As REF B said, see para 2.\n\n2. Per para 3 of REF A, septel.\n";
        let cable = crate::ParseOptions::default().with_year(2007).parse(a).unwrap();
        let mut t = TableBuilder::new(Table::Links);
        t.push("a", &cable);
        assert_eq!(t.len(), 5);
        let batch = t.end();
        let kind = batch.column_by_name("kind").unwrap().as_dictionary::<arrow_array::types::Int8Type>();
        let kinds: Vec<_> = kind.downcast_dict::<arrow_array::StringArray>().unwrap().into_iter().flatten().collect();
        assert_eq!(kinds, ["reference", "paragraph", "reference_paragraph", "reference", "septel"]);
        let cited = batch.column_by_name("cited").unwrap().as_string::<i32>();
        assert_eq!(
            cited.iter().collect::<Vec<_>>(),
            [Some("06MOSCOW77"), None, Some("07STATE12345"), Some("07STATE12345"), None]
        );
        let number = batch.column_by_name("number").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!((number.value(1), number.value(2)), (2, 3));
        let target = batch.column_by_name("target").unwrap().as_primitive::<arrow_array::types::UInt32Type>();
        assert_eq!(target.value(1), 1);
    }

    #[test]
    fn the_text_columns_on_request() {
        let text = seed();
        let cable = crate::parse(&text).unwrap();
        let mut b = TableBuilder::with_text(Table::Cables);
        b.push("seed", &cable);
        let batch = b.finish();
        assert_eq!(batch.num_columns(), Table::Cables.schema().fields().len() + 2);
        assert_eq!(batch.column_by_name("text").unwrap().as_string::<i32>().value(0), text);
        let body = batch.column_by_name("body").unwrap().as_string::<i32>().value(0);
        assert!(body.ends_with("BURNS") && text.ends_with(body) && body.len() < text.len());
        // Each paragraph's cleaned text, as the JSON's.
        let ps = items(&batch, "paragraphs");
        let texts = ps.column_by_name("text").unwrap().as_string::<i32>();
        assert_eq!(texts.value(1), cable.paragraphs()[1].text());
        assert!(texts.value(1).starts_with("In a November 16 meeting"));
        let mut plain = TableBuilder::new(Table::Cables);
        plain.push("seed", &cable);
        assert!(plain.finish().column_by_name("text").is_none());
    }
}
