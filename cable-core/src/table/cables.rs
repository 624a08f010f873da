//! The cables table: one row per cable.

use super::columns::{ListOf, list_of, list_of_strings, push_strs};
use super::nested::{ParagraphColumns, RecipientColumns, ReferenceColumns};
use crate::Cable;
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, ListBuilder, StringBuilder, StringDictionaryBuilder,
    TimestampMicrosecondBuilder, UInt32Builder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use std::sync::Arc;

/// The fields of the cables table, with the `text` and `body` columns (and the paragraphs'
/// `text`) when `text`.
pub(super) fn fields(text: bool) -> Vec<Field> {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    let list = |n: &str| Field::new(n, list_of_strings(), false);
    let mut fields = vec![
        Field::new("source", DataType::Utf8, false),
        s("reference_id"),
        Field::new("created", DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), true),
        s("origin"),
        Field::new("serial", DataType::UInt32, true),
        Field::new("classification", DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)), true),
        list("caveats"),
        s("precedence"),
        s("sender"),
        Field::new("to", list_of(RecipientColumns::fields()), false),
        Field::new("info", list_of(RecipientColumns::fields()), false),
        list("tags"),
        s("subject"),
        Field::new("references", list_of(ReferenceColumns::fields()), false),
        list("classified_by"),
        list("reasons"),
        s("eo_order"),
        Field::new("declassify_on", DataType::Date32, true),
        Field::new("partial", DataType::Boolean, false),
        Field::new("paragraphs", list_of(ParagraphColumns::fields(text)), false),
        list("signers"),
        Field::new("warnings", DataType::UInt32, false),
        Field::new("doubt", DataType::Boolean, false),
    ];
    if text {
        fields.push(Field::new("text", DataType::Utf8, false));
        fields.push(Field::new("body", DataType::Utf8, false));
    }
    fields
}

/// The columns of the cables table being built, in the order of [`fields`].
pub(super) struct CablesBuilder {
    schema: SchemaRef,
    source: StringBuilder,
    reference_id: StringBuilder,
    created: TimestampMicrosecondBuilder,
    origin: StringBuilder,
    serial: UInt32Builder,
    classification: StringDictionaryBuilder<Int32Type>,
    caveats: ListBuilder<StringBuilder>,
    precedence: StringBuilder,
    sender: StringBuilder,
    to: ListOf<RecipientColumns>,
    info: ListOf<RecipientColumns>,
    tags: ListBuilder<StringBuilder>,
    subject: StringBuilder,
    references: ListOf<ReferenceColumns>,
    classified_by: ListBuilder<StringBuilder>,
    reasons: ListBuilder<StringBuilder>,
    eo_order: StringBuilder,
    declassify_on: Date32Builder,
    partial: BooleanBuilder,
    paragraphs: ListOf<ParagraphColumns>,
    signers: ListBuilder<StringBuilder>,
    warnings: UInt32Builder,
    doubt: BooleanBuilder,
    /// `text` and `body`, when asked for.
    texts: Option<(StringBuilder, StringBuilder)>,
}

impl CablesBuilder {
    pub fn new(text: bool) -> Self {
        let strings = || ListBuilder::new(StringBuilder::new());
        CablesBuilder {
            schema: Arc::new(Schema::new(fields(text))),
            source: StringBuilder::new(),
            reference_id: StringBuilder::new(),
            created: TimestampMicrosecondBuilder::new().with_timezone("UTC"),
            origin: StringBuilder::new(),
            serial: UInt32Builder::new(),
            classification: StringDictionaryBuilder::new(),
            caveats: strings(),
            precedence: StringBuilder::new(),
            sender: StringBuilder::new(),
            to: ListOf::new(RecipientColumns::default(), RecipientColumns::fields()),
            info: ListOf::new(RecipientColumns::default(), RecipientColumns::fields()),
            tags: strings(),
            subject: StringBuilder::new(),
            references: ListOf::new(ReferenceColumns::default(), ReferenceColumns::fields()),
            classified_by: strings(),
            reasons: strings(),
            eo_order: StringBuilder::new(),
            declassify_on: Date32Builder::new(),
            partial: BooleanBuilder::new(),
            paragraphs: ListOf::new(ParagraphColumns::new(text), ParagraphColumns::fields(text)),
            signers: strings(),
            warnings: UInt32Builder::new(),
            doubt: BooleanBuilder::new(),
            texts: text.then(|| (StringBuilder::new(), StringBuilder::new())),
        }
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn push(&mut self, source: &str, c: &Cable<'_>) {
        self.source.append_value(source);
        self.reference_id.append_option(c.reference_id());
        self.created.append_option(c.created().map(|d| d.timestamp_micros()));
        self.origin.append_option(c.origin());
        self.serial.append_option(c.serial());
        match c.classification() {
            Some(l) => {
                self.classification.append_value(l.as_str());
            }
            None => self.classification.append_null(),
        }
        push_strs(&mut self.caveats, c.caveats().iter().map(|x| x.as_str()));
        self.precedence.append_option(c.precedence().map(|p| p.as_str()));
        self.sender.append_option(c.sender());
        for r in c.to() {
            self.to.values.push(r);
        }
        self.to.end_row();
        for r in c.info() {
            self.info.values.push(r);
        }
        self.info.end_row();
        push_strs(&mut self.tags, c.tags().iter().map(|t| t.as_str()));
        self.subject.append_option(c.subject());
        for r in c.references() {
            self.references.values.push(r);
        }
        self.references.end_row();
        let by = c.classified_by();
        push_strs(&mut self.classified_by, by.iter().flat_map(|b| b.names.iter().map(|n| n.as_ref())));
        push_strs(&mut self.reasons, by.iter().flat_map(|b| b.reasons.iter().copied()));
        let eo = c.eo();
        self.eo_order.append_option(eo.and_then(|e| e.order));
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
        self.declassify_on.append_option(eo.and_then(|e| e.declassify_on).map(|d| (d - epoch).num_days() as i32));
        self.partial.append_value(c.is_partial());
        for p in c.paragraphs() {
            self.paragraphs.values.push(p);
        }
        self.paragraphs.end_row();
        push_strs(&mut self.signers, c.signers());
        self.warnings.append_value(c.warnings().len() as u32);
        self.doubt.append_value(c.warnings().iter().any(|w| w.kind.as_str().starts_with("doubt_")));
        if let Some((text, body)) = &mut self.texts {
            text.append_value(c.source());
            body.append_value(c.body());
        }
    }

    pub fn finish(&mut self) -> RecordBatch {
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.source.finish()),
            Arc::new(self.reference_id.finish()),
            Arc::new(self.created.finish()),
            Arc::new(self.origin.finish()),
            Arc::new(self.serial.finish()),
            Arc::new(self.classification.finish()),
            Arc::new(self.caveats.finish()),
            Arc::new(self.precedence.finish()),
            Arc::new(self.sender.finish()),
            self.to.finish(),
            self.info.finish(),
            Arc::new(self.tags.finish()),
            Arc::new(self.subject.finish()),
            self.references.finish(),
            Arc::new(self.classified_by.finish()),
            Arc::new(self.reasons.finish()),
            Arc::new(self.eo_order.finish()),
            Arc::new(self.declassify_on.finish()),
            Arc::new(self.partial.finish()),
            self.paragraphs.finish(),
            Arc::new(self.signers.finish()),
            Arc::new(self.warnings.finish()),
            Arc::new(self.doubt.finish()),
        ];
        if let Some((text, body)) = &mut self.texts {
            columns.push(Arc::new(text.finish()));
            columns.push(Arc::new(body.finish()));
        }
        RecordBatch::try_new(self.schema.clone(), columns).expect("the columns follow the schema")
    }
}
