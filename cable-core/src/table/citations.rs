//! The citations table: one row per cable cited in a REF block, with whether the cited cable is
//! in the corpus. That is known only once every cable is in, so the rows are held (owned, a few
//! short strings per edge) until the end of the corpus; the edges and `in_corpus` are those of
//! `cable refs` and Python's `cable.citations()` ([`crate::ids::corpus_citations`]).

use crate::Cable;
use crate::ids::{CableCitations, corpus_citations};
use arrow_array::builder::{BooleanBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use std::sync::Arc;

pub(super) fn fields() -> Vec<Field> {
    vec![
        Field::new("source", DataType::Utf8, false),
        Field::new("citing", DataType::Utf8, false),
        Field::new("cited", DataType::Utf8, false),
        Field::new("label", DataType::Utf8, true),
        Field::new("kind", DataType::Utf8, false),
        Field::new("in_corpus", DataType::Boolean, false),
    ]
}

pub(super) struct CitationsBuilder {
    schema: SchemaRef,
    /// Every cable pushed: its source, ids and edges.
    cables: Vec<(String, CableCitations)>,
}

impl CitationsBuilder {
    pub fn new() -> Self {
        CitationsBuilder { schema: Arc::new(Schema::new(fields())), cables: Vec::new() }
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    pub fn push(&mut self, source: &str, cable: &Cable<'_>) {
        self.push_citations(source, CableCitations::of(cable));
    }

    pub fn push_citations(&mut self, source: &str, c: CableCitations) {
        self.cables.push((source.to_owned(), c));
    }

    /// No rows: they wait for [`end`](Self::end).
    pub fn finish(&mut self) -> RecordBatch {
        RecordBatch::new_empty(self.schema.clone())
    }

    /// Every edge of the cables pushed, resolved against all of them; the builder starts over.
    pub fn end(&mut self) -> RecordBatch {
        let mut source = StringBuilder::new();
        let mut citing = StringBuilder::new();
        let mut cited = StringBuilder::new();
        let mut label = StringBuilder::new();
        let mut kind = StringBuilder::new();
        let mut in_corpus = BooleanBuilder::new();
        for e in corpus_citations(&self.cables) {
            source.append_value(e.source);
            citing.append_value(e.citing);
            cited.append_value(e.cited);
            // `corpus_citations` gives "" for an item without a label: null here, as in the JSON.
            label.append_option((!e.label.is_empty()).then_some(e.label));
            kind.append_value(e.kind);
            in_corpus.append_value(e.in_corpus);
        }
        self.cables.clear();
        let columns: Vec<ArrayRef> = vec![
            Arc::new(source.finish()),
            Arc::new(citing.finish()),
            Arc::new(cited.finish()),
            Arc::new(label.finish()),
            Arc::new(kind.finish()),
            Arc::new(in_corpus.finish()),
        ];
        RecordBatch::try_new(self.schema.clone(), columns).expect("the columns follow the schema")
    }
}
