//! Arrow tables of parsed cables (feature `arrow`): one builder for the three tables that the
//! `cable` command exports (`cable export --format parquet`) and the bindings hand to the data
//! ecosystem, with typed columns rather than strings.
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | [`Table::Cables`] | cable | `source`, `reference_id`, `created` (timestamp µs UTC), `origin`, `serial` (uint32), `classification` (dictionary), `caveats` (list), `precedence`, `sender`, `to`, `info` (lists of addressee names), `tags` (list), `subject`, `references` (list of cited ids), `classified_by` (list of names), `reasons` (list), `eo_order`, `declassify_on` (date32), `partial` (bool), `paragraphs`, `signers` (list), `warnings` (uint32 counts), `doubt` (bool: a `doubt_*` warning) |
//! | [`Table::Paragraphs`] | paragraph | `source`, `reference_id`, `index` (uint32), `number` (uint32), `level` (dictionary), `caveats` (list), `heading`, `text` |
//! | [`Table::Citations`] | REF citation of a cable | `source`, `citing`, `cited`, `label`, `kind` |
//!
//! ```
//! use cable_core::table::{Table, TableBuilder};
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
//! let cable = cable_core::parse(&text)?;
//! let mut b = TableBuilder::new(Table::Paragraphs);
//! b.push("07MOSCOW5434.txt", &cable);
//! let batch = b.finish();
//! assert_eq!(batch.num_rows(), cable.paragraphs().len());
//! # Ok::<(), cable_core::ParseError>(())
//! ```

use crate::Cable;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, ListBuilder, StringBuilder, StringDictionaryBuilder, TimestampMicrosecondBuilder,
    UInt32Builder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
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
}

crate::names::names!(Table {
    Cables => "cables",
    Paragraphs => "paragraphs",
    Citations => "citations",
});

impl Table {
    /// The table named `name` (`cables`, `paragraphs`, `citations`).
    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    /// The table's schema.
    pub fn schema(self) -> SchemaRef {
        let s = |n: &str| Field::new(n, DataType::Utf8, true);
        let list = |n: &str| Field::new(n, DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), false);
        let u32f = |n: &str| Field::new(n, DataType::UInt32, true);
        let dict =
            |n: &str| Field::new(n, DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)), true);
        let fields = match self {
            Table::Cables => vec![
                Field::new("source", DataType::Utf8, false),
                s("reference_id"),
                Field::new("created", DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), true),
                s("origin"),
                u32f("serial"),
                dict("classification"),
                list("caveats"),
                s("precedence"),
                s("sender"),
                list("to"),
                list("info"),
                list("tags"),
                s("subject"),
                list("references"),
                list("classified_by"),
                list("reasons"),
                s("eo_order"),
                Field::new("declassify_on", DataType::Date32, true),
                Field::new("partial", DataType::Boolean, false),
                Field::new("paragraphs", DataType::UInt32, false),
                list("signers"),
                Field::new("warnings", DataType::UInt32, false),
                Field::new("doubt", DataType::Boolean, false),
            ],
            Table::Paragraphs => vec![
                Field::new("source", DataType::Utf8, false),
                s("reference_id"),
                Field::new("index", DataType::UInt32, false),
                u32f("number"),
                dict("level"),
                list("caveats"),
                s("heading"),
                Field::new("text", DataType::Utf8, false),
            ],
            Table::Citations => vec![
                Field::new("source", DataType::Utf8, false),
                Field::new("citing", DataType::Utf8, false),
                Field::new("cited", DataType::Utf8, false),
                s("label"),
                Field::new("kind", DataType::Utf8, false),
            ],
        };
        Arc::new(Schema::new(fields))
    }
}

/// A column being built.
enum Column {
    Str(StringBuilder),
    List(ListBuilder<StringBuilder>),
    Dict(StringDictionaryBuilder<Int32Type>),
    U32(UInt32Builder),
    Bool(BooleanBuilder),
    Time(TimestampMicrosecondBuilder),
    Date(Date32Builder),
}

impl Column {
    fn for_type(t: &DataType) -> Column {
        match t {
            DataType::Utf8 => Column::Str(StringBuilder::new()),
            DataType::List(_) => Column::List(ListBuilder::new(StringBuilder::new())),
            DataType::Dictionary(..) => Column::Dict(StringDictionaryBuilder::new()),
            DataType::UInt32 => Column::U32(UInt32Builder::new()),
            DataType::Boolean => Column::Bool(BooleanBuilder::new()),
            DataType::Timestamp(..) => Column::Time(TimestampMicrosecondBuilder::new().with_timezone("UTC")),
            _ => Column::Date(Date32Builder::new()),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Str(b) => Arc::new(b.finish()),
            Column::List(b) => Arc::new(b.finish()),
            Column::Dict(b) => Arc::new(b.finish()),
            Column::U32(b) => Arc::new(b.finish()),
            Column::Bool(b) => Arc::new(b.finish()),
            Column::Time(b) => Arc::new(b.finish()),
            Column::Date(b) => Arc::new(b.finish()),
        }
    }
}

/// One value of a row, appended to its column.
enum Value<'v> {
    Str(Option<&'v str>),
    List(Vec<String>),
    U32(Option<u32>),
    Bool(bool),
    Time(Option<i64>),
    Date(Option<i32>),
}

/// Builds one table from cables pushed one at a time; [`finish`](Self::finish) hands over the
/// rows so far as a record batch and starts a new one (batches of a stream).
pub struct TableBuilder {
    table: Table,
    schema: SchemaRef,
    columns: Vec<Column>,
    rows: usize,
    /// Whether the cables table ends with the `text` and `body` columns.
    text: bool,
}

impl std::fmt::Debug for TableBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableBuilder").field("table", &self.table).field("rows", &self.rows).finish()
    }
}

impl TableBuilder {
    /// An empty builder of `table`.
    pub fn new(table: Table) -> Self {
        TableBuilder::with_schema(table, table.schema(), false)
    }

    /// A builder of `table` whose cables table also has the texts: `text` (the whole telegram)
    /// and `body` (as written: everything after the metadata block), as the last two columns. Other tables are as
    /// [`new`](Self::new) makes them (paragraphs have their text already).
    pub fn with_text(table: Table) -> Self {
        if table != Table::Cables {
            return TableBuilder::new(table);
        }
        let base = table.schema();
        let mut fields: Vec<Field> = base.fields().iter().map(|f| f.as_ref().clone()).collect();
        fields.push(Field::new("text", DataType::Utf8, false));
        fields.push(Field::new("body", DataType::Utf8, false));
        TableBuilder::with_schema(table, Arc::new(Schema::new(fields)), true)
    }

    fn with_schema(table: Table, schema: SchemaRef, text: bool) -> Self {
        let columns = schema.fields().iter().map(|f| Column::for_type(f.data_type())).collect();
        TableBuilder { table, schema, columns, rows: 0, text }
    }

    /// The table's schema.
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Rows pushed since the last [`finish`](Self::finish).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no row was pushed since the last [`finish`](Self::finish).
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Adds the rows of `cable` (one, one per paragraph, or one per citation), read from
    /// `source` (a path, `file.csv:row`).
    pub fn push(&mut self, source: &str, cable: &Cable<'_>) {
        match self.table {
            Table::Cables => self.cable_row(source, cable),
            Table::Paragraphs => {
                let id = cable.reference_id();
                for (i, p) in cable.paragraphs().iter().enumerate() {
                    let level = p.level().map(|l| l.as_str());
                    let caveats = p.marking().map(|m| m.caveats().map(str::to_owned).collect()).unwrap_or_default();
                    let heading = p.heading();
                    let text = p.text();
                    self.row(&[
                        Value::Str(Some(source)),
                        Value::Str(id),
                        Value::U32(Some(i as u32)),
                        Value::U32(p.number()),
                        Value::Str(level),
                        Value::List(caveats),
                        Value::Str(heading.as_deref()),
                        Value::Str(Some(&text)),
                    ]);
                }
            }
            Table::Citations => {
                for c in crate::ids::citations(cable) {
                    self.row(&[
                        Value::Str(Some(source)),
                        Value::Str(Some(&c.citing)),
                        Value::Str(Some(&c.cited)),
                        Value::Str(c.label),
                        Value::Str(Some(c.kind.as_str())),
                    ]);
                }
            }
        }
    }

    fn cable_row(&mut self, source: &str, c: &Cable<'_>) {
        let names = |rs: &[crate::Recipient<'_>]| rs.iter().map(|r| r.name.to_owned()).collect();
        let eo = c.eo();
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
        let by = c.classified_by();
        self.row(&[
            Value::Str(Some(source)),
            Value::Str(c.reference_id()),
            Value::Time(c.created().map(|d| d.timestamp_micros())),
            Value::Str(c.origin()),
            Value::U32(c.serial()),
            Value::Str(c.classification().map(|l| l.as_str())),
            Value::List(c.caveats().iter().map(|x| x.as_str().to_owned()).collect()),
            Value::Str(c.precedence().map(|p| p.as_str())),
            Value::Str(c.sender()),
            Value::List(names(c.to())),
            Value::List(names(c.info())),
            Value::List(c.tags().iter().map(|t| t.as_str().to_owned()).collect()),
            Value::Str(c.subject()),
            Value::List(c.references().iter().filter_map(|r| r.id.as_ref().map(|i| i.to_string())).collect()),
            Value::List(by.map(|b| b.names.iter().map(|n| n.to_string()).collect()).unwrap_or_default()),
            Value::List(by.map(|b| b.reasons.iter().map(|r| r.to_string()).collect()).unwrap_or_default()),
            Value::Str(eo.and_then(|e| e.order)),
            Value::Date(eo.and_then(|e| e.declassify_on).map(|d| (d - epoch).num_days() as i32)),
            Value::Bool(c.is_partial()),
            Value::U32(Some(c.paragraphs().len() as u32)),
            Value::List(c.signers().into_iter().map(str::to_owned).collect()),
            Value::U32(Some(c.warnings().len() as u32)),
            Value::Bool(c.warnings().iter().any(|w| w.kind.as_str().starts_with("doubt_"))),
            Value::Str(Some(c.source())),
            Value::Str(Some(c.body())),
        ]);
    }

    fn row(&mut self, values: &[Value<'_>]) {
        // The cables row always carries the two text values; without the text columns they
        // are left out here (the columns run out first).
        debug_assert!(values.len() == self.columns.len() || (self.table == Table::Cables && !self.text));
        for (col, v) in self.columns.iter_mut().zip(values) {
            match (col, v) {
                (Column::Str(b), Value::Str(s)) => b.append_option(*s),
                (Column::Dict(b), Value::Str(s)) => match s {
                    Some(s) => {
                        b.append_value(s);
                    }
                    None => b.append_null(),
                },
                (Column::List(b), Value::List(items)) => {
                    for i in items {
                        b.values().append_value(i);
                    }
                    b.append(true);
                }
                (Column::U32(b), Value::U32(n)) => b.append_option(*n),
                (Column::Bool(b), Value::Bool(x)) => b.append_value(*x),
                (Column::Time(b), Value::Time(t)) => b.append_option(*t),
                (Column::Date(b), Value::Date(d)) => b.append_option(*d),
                // The schema and the rows are written side by side above: a mismatch is a bug
                // caught by the tests, never input-dependent.
                _ => unreachable!("column and value of different types"),
            }
        }
        self.rows += 1;
    }

    /// The rows pushed so far as a record batch; the builder starts over, empty.
    pub fn finish(&mut self) -> RecordBatch {
        let columns: Vec<ArrayRef> = self.columns.iter_mut().map(Column::finish).collect();
        self.rows = 0;
        RecordBatch::try_new(self.schema.clone(), columns).expect("the columns follow the schema")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use arrow_array::cast::AsArray;

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
        let mut plain = TableBuilder::new(Table::Cables);
        plain.push("seed", &cable);
        assert!(plain.finish().column_by_name("text").is_none());
    }
}
