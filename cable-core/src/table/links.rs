//! The links table: one row per cross-reference in a paragraph's text ([`Cable::links`]), with
//! the id of the cited cable where the link names a reference that has one, so that
//! `para 2 of REF A` can be joined to the cable it cites.

use super::columns::{SpanColumns, StructColumns, span_field};
use crate::{Cable, LinkKind};
use arrow_array::builder::{ArrayBuilder, StringBuilder, StringDictionaryBuilder, UInt32Builder};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use std::sync::Arc;

pub(super) fn fields() -> Vec<Field> {
    let dictionary = DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
    vec![
        Field::new("source", DataType::Utf8, false),
        Field::new("reference_id", DataType::Utf8, true),
        Field::new("paragraph", DataType::UInt32, false),
        Field::new("kind", dictionary, false),
        Field::new("target", DataType::UInt32, true),
        Field::new("number", DataType::UInt32, true),
        Field::new("cited", DataType::Utf8, true),
        span_field(),
    ]
}

pub(super) struct LinksBuilder {
    schema: SchemaRef,
    source: StringBuilder,
    reference_id: StringBuilder,
    paragraph: UInt32Builder,
    kind: StringDictionaryBuilder<Int8Type>,
    target: UInt32Builder,
    number: UInt32Builder,
    cited: StringBuilder,
    span: SpanColumns,
}

impl LinksBuilder {
    pub fn new() -> Self {
        LinksBuilder {
            schema: Arc::new(Schema::new(fields())),
            source: StringBuilder::new(),
            reference_id: StringBuilder::new(),
            paragraph: UInt32Builder::new(),
            kind: StringDictionaryBuilder::new(),
            target: UInt32Builder::new(),
            number: UInt32Builder::new(),
            cited: StringBuilder::new(),
            span: SpanColumns::default(),
        }
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    pub fn len(&self) -> usize {
        self.paragraph.len()
    }

    pub fn push(&mut self, source: &str, cable: &Cable<'_>) {
        let refs = cable.references();
        for l in cable.links() {
            self.source.append_value(source);
            self.reference_id.append_option(cable.reference_id());
            self.paragraph.append_value(l.paragraph as u32);
            self.kind.append_value(l.kind.as_str());
            self.target.append_option(l.target.map(|t| t as u32));
            self.number.append_option(l.number);
            let names_reference = matches!(l.kind, LinkKind::Reference | LinkKind::ReferenceParagraph);
            let cited = l.target.filter(|_| names_reference).and_then(|t| refs.get(t)).and_then(|r| r.id.as_deref());
            self.cited.append_option(cited);
            self.span.push(l.span);
        }
    }

    pub fn finish(&mut self) -> RecordBatch {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.source.finish()),
            Arc::new(self.reference_id.finish()),
            Arc::new(self.paragraph.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.target.finish()),
            Arc::new(self.number.finish()),
            Arc::new(self.cited.finish()),
            Arc::new(self.span.finish()),
        ];
        RecordBatch::try_new(self.schema.clone(), columns).expect("the columns follow the schema")
    }
}
