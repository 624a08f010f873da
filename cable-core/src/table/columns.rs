//! Column builders the Arrow crates do not have ready-made: lists of structs (`to`, `info`,
//! `references`, `paragraphs` of the cables table) and spans, built straight from the parsed
//! values (`&str` into the string builders: no owned copy per value).

use arrow_array::builder::{ArrayBuilder, ListBuilder, OffsetBufferBuilder, StringBuilder, UInt32Builder};
use arrow_array::{ArrayRef, ListArray, StructArray};
use arrow_schema::{DataType, Field, FieldRef, Fields};
use std::sync::Arc;

use crate::span::Span;

/// The columns of a struct type, one value per struct pushed.
pub(super) trait StructColumns {
    /// Structs pushed since the last [`finish`](Self::finish).
    fn len(&self) -> usize;
    /// The structs pushed so far; the columns start over, empty.
    fn finish(&mut self) -> StructArray;
}

/// A `list<struct>` column: the items of each row are pushed into [`values`](Self::values),
/// then [`end_row`](Self::end_row) closes the row.
pub(super) struct ListOf<S> {
    /// The struct columns of the items.
    pub values: S,
    offsets: OffsetBufferBuilder<i32>,
    /// Items already counted in a row.
    counted: usize,
    item: FieldRef,
}

impl<S: StructColumns> ListOf<S> {
    /// An empty list column whose items are `values`, of the struct type `fields`.
    pub fn new(values: S, fields: Fields) -> Self {
        let item = Arc::new(Field::new("item", DataType::Struct(fields), false));
        ListOf { values, offsets: OffsetBufferBuilder::new(0), counted: 0, item }
    }

    /// Closes a row: its items are those pushed since the last row.
    pub fn end_row(&mut self) {
        let n = self.values.len();
        self.offsets.push_length(n - self.counted);
        self.counted = n;
    }

    /// The rows so far; the column starts over, empty.
    pub fn finish(&mut self) -> ArrayRef {
        let values = self.values.finish();
        let offsets = std::mem::replace(&mut self.offsets, OffsetBufferBuilder::new(0)).finish();
        self.counted = 0;
        Arc::new(ListArray::new(self.item.clone(), offsets, Arc::new(values), None))
    }
}

/// The type of a `list<struct>` column of `fields`, as [`ListOf`] builds it.
pub(super) fn list_of(fields: Fields) -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Struct(fields), false)))
}

/// The type of a `list<utf8>` column, as `ListBuilder<StringBuilder>` builds it.
pub(super) fn list_of_strings() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// A `span` field: `{start, end}` byte offsets, as the JSON's `[start, end]`.
pub(super) fn span_field() -> Field {
    Field::new("span", DataType::Struct(SpanColumns::fields()), false)
}

/// The columns of spans.
#[derive(Default)]
pub(super) struct SpanColumns {
    start: UInt32Builder,
    end: UInt32Builder,
}

impl SpanColumns {
    fn fields() -> Fields {
        Fields::from(vec![Field::new("start", DataType::UInt32, false), Field::new("end", DataType::UInt32, false)])
    }

    pub fn push(&mut self, span: Span) {
        self.start.append_value(span.start);
        self.end.append_value(span.end);
    }
}

impl StructColumns for SpanColumns {
    fn len(&self) -> usize {
        self.start.len()
    }

    fn finish(&mut self) -> StructArray {
        let columns: Vec<ArrayRef> = vec![Arc::new(self.start.finish()), Arc::new(self.end.finish())];
        StructArray::new(SpanColumns::fields(), columns, None)
    }
}

/// A list of strings pushed item by item.
pub(super) fn push_strs<'s>(b: &mut ListBuilder<StringBuilder>, items: impl IntoIterator<Item = &'s str>) {
    for s in items {
        b.values().append_value(s);
    }
    b.append(true);
}
