//! The paragraphs table: one row per paragraph.

use super::columns::{list_of_strings, push_strs};
use crate::Cable;
use arrow_array::builder::{ArrayBuilder, ListBuilder, StringBuilder, StringDictionaryBuilder, UInt32Builder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use std::sync::Arc;

pub(super) fn fields() -> Vec<Field> {
    vec![
        Field::new("source", DataType::Utf8, false),
        Field::new("reference_id", DataType::Utf8, true),
        Field::new("index", DataType::UInt32, false),
        Field::new("number", DataType::UInt32, true),
        Field::new("level", DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)), true),
        Field::new("caveats", list_of_strings(), false),
        Field::new("heading", DataType::Utf8, true),
        Field::new("text", DataType::Utf8, false),
    ]
}

pub(super) struct ParagraphsBuilder {
    schema: SchemaRef,
    source: StringBuilder,
    reference_id: StringBuilder,
    index: UInt32Builder,
    number: UInt32Builder,
    level: StringDictionaryBuilder<Int32Type>,
    caveats: ListBuilder<StringBuilder>,
    heading: StringBuilder,
    text: StringBuilder,
}

impl ParagraphsBuilder {
    pub fn new() -> Self {
        ParagraphsBuilder {
            schema: Arc::new(Schema::new(fields())),
            source: StringBuilder::new(),
            reference_id: StringBuilder::new(),
            index: UInt32Builder::new(),
            number: UInt32Builder::new(),
            level: StringDictionaryBuilder::new(),
            caveats: ListBuilder::new(StringBuilder::new()),
            heading: StringBuilder::new(),
            text: StringBuilder::new(),
        }
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn push(&mut self, source: &str, cable: &Cable<'_>) {
        let id = cable.reference_id();
        for (i, p) in cable.paragraphs().iter().enumerate() {
            self.source.append_value(source);
            self.reference_id.append_option(id);
            self.index.append_value(i as u32);
            self.number.append_option(p.number());
            match p.level() {
                Some(l) => {
                    self.level.append_value(l.as_str());
                }
                None => self.level.append_null(),
            }
            push_strs(&mut self.caveats, p.marking().into_iter().flat_map(|m| m.caveats()));
            self.heading.append_option(p.heading());
            self.text.append_value(p.text());
        }
    }

    pub fn finish(&mut self) -> RecordBatch {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.source.finish()),
            Arc::new(self.reference_id.finish()),
            Arc::new(self.index.finish()),
            Arc::new(self.number.finish()),
            Arc::new(self.level.finish()),
            Arc::new(self.caveats.finish()),
            Arc::new(self.heading.finish()),
            Arc::new(self.text.finish()),
        ];
        RecordBatch::try_new(self.schema.clone(), columns).expect("the columns follow the schema")
    }
}
