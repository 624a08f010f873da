//! The structs of the cables table's list columns, with the keys of the JSON contract:
//! `to`/`info` (addressees), `references` (the REF block) and `paragraphs`.

use super::columns::{SpanColumns, StructColumns, list_of_strings, push_strs, span_field};
use crate::classification::Marking;
use crate::model::{Paragraph, Recipient, Reference};
use arrow_array::builder::{ArrayBuilder, Int32Builder, ListBuilder, NullBufferBuilder, StringBuilder, UInt32Builder};
use arrow_array::{ArrayRef, StructArray};
use arrow_schema::{DataType, Field, Fields};
use std::sync::Arc;

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

/// `{route, name, office, precedence, mcn, excluded, span}` of each addressee.
#[derive(Default)]
pub(super) struct RecipientColumns {
    route: StringBuilder,
    name: StringBuilder,
    office: StringBuilder,
    precedence: StringBuilder,
    mcn: StringBuilder,
    excluded: ListBuilder<StringBuilder>,
    span: SpanColumns,
}

impl RecipientColumns {
    pub fn fields() -> Fields {
        Fields::from(vec![
            utf8("route", true),
            utf8("name", false),
            utf8("office", true),
            utf8("precedence", true),
            utf8("mcn", true),
            Field::new("excluded", list_of_strings(), false),
            span_field(),
        ])
    }

    pub fn push(&mut self, r: &Recipient<'_>) {
        self.route.append_option(r.route);
        self.name.append_value(r.name);
        self.office.append_option(r.office);
        self.precedence.append_option(r.precedence.map(|p| p.as_str()));
        self.mcn.append_option(r.mcn);
        push_strs(&mut self.excluded, r.excluded.iter().copied());
        self.span.push(r.span);
    }
}

impl StructColumns for RecipientColumns {
    fn len(&self) -> usize {
        self.name.len()
    }

    fn finish(&mut self) -> StructArray {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.route.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.office.finish()),
            Arc::new(self.precedence.finish()),
            Arc::new(self.mcn.finish()),
            Arc::new(self.excluded.finish()),
            Arc::new(self.span.finish()),
        ];
        StructArray::new(Self::fields(), columns, None)
    }
}

/// `{label, kind, id, station, serial, year, text}` of each REF item.
#[derive(Default)]
pub(super) struct ReferenceColumns {
    label: StringBuilder,
    kind: StringBuilder,
    id: StringBuilder,
    station: StringBuilder,
    serial: UInt32Builder,
    year: Int32Builder,
    text: StringBuilder,
}

impl ReferenceColumns {
    pub fn fields() -> Fields {
        Fields::from(vec![
            utf8("label", true),
            utf8("kind", false),
            utf8("id", true),
            utf8("station", true),
            Field::new("serial", DataType::UInt32, true),
            Field::new("year", DataType::Int32, true),
            utf8("text", false),
        ])
    }

    pub fn push(&mut self, r: &Reference<'_>) {
        self.label.append_option(r.label);
        self.kind.append_value(r.kind.as_str());
        self.id.append_option(r.id.as_deref());
        self.station.append_option(r.station.as_deref());
        self.serial.append_option(r.serial);
        self.year.append_option(r.year);
        self.text.append_value(&r.text.value);
    }
}

impl StructColumns for ReferenceColumns {
    fn len(&self) -> usize {
        self.kind.len()
    }

    fn finish(&mut self) -> StructArray {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.label.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.id.finish()),
            Arc::new(self.station.finish()),
            Arc::new(self.serial.finish()),
            Arc::new(self.year.finish()),
            Arc::new(self.text.finish()),
        ];
        StructArray::new(Self::fields(), columns, None)
    }
}

/// `{number, written_number, marking: {level, caveats, raw}, heading, [text,] span}` of each
/// paragraph: the JSON's keys but `items`, and `text` only when the table has the texts (the
/// paragraphs table has it always).
pub(super) struct ParagraphColumns {
    number: UInt32Builder,
    written_number: StringBuilder,
    marking: MarkingColumns,
    heading: StringBuilder,
    text: Option<StringBuilder>,
    span: SpanColumns,
}

impl ParagraphColumns {
    pub fn new(text: bool) -> Self {
        ParagraphColumns {
            number: UInt32Builder::new(),
            written_number: StringBuilder::new(),
            marking: MarkingColumns::default(),
            heading: StringBuilder::new(),
            text: text.then(StringBuilder::new),
            span: SpanColumns::default(),
        }
    }

    pub fn fields(text: bool) -> Fields {
        let mut fields = vec![
            Field::new("number", DataType::UInt32, true),
            utf8("written_number", true),
            Field::new("marking", DataType::Struct(MarkingColumns::fields()), true),
            utf8("heading", true),
        ];
        if text {
            fields.push(utf8("text", false));
        }
        fields.push(span_field());
        Fields::from(fields)
    }

    pub fn push(&mut self, p: &Paragraph<'_>) {
        self.number.append_option(p.number());
        self.written_number.append_option(p.written_number());
        self.marking.push(p.marking());
        self.heading.append_option(p.heading());
        if let Some(t) = &mut self.text {
            t.append_value(p.text());
        }
        self.span.push(p.span());
    }
}

impl StructColumns for ParagraphColumns {
    fn len(&self) -> usize {
        self.number.len()
    }

    fn finish(&mut self) -> StructArray {
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.number.finish()),
            Arc::new(self.written_number.finish()),
            Arc::new(self.marking.finish()),
            Arc::new(self.heading.finish()),
        ];
        if let Some(t) = &mut self.text {
            columns.push(Arc::new(t.finish()));
        }
        columns.push(Arc::new(self.span.finish()));
        StructArray::new(Self::fields(self.text.is_some()), columns, None)
    }
}

/// `{level, caveats, raw}` of a portion marking, null for a paragraph without one (its fields
/// are then null too: Arrow asks that a non-nullable child be valid wherever its parent is).
struct MarkingColumns {
    level: StringBuilder,
    caveats: ListBuilder<StringBuilder>,
    raw: StringBuilder,
    valid: NullBufferBuilder,
}

impl Default for MarkingColumns {
    fn default() -> Self {
        MarkingColumns {
            level: StringBuilder::new(),
            caveats: ListBuilder::new(StringBuilder::new()),
            raw: StringBuilder::new(),
            valid: NullBufferBuilder::new(0),
        }
    }
}

impl MarkingColumns {
    fn fields() -> Fields {
        Fields::from(vec![utf8("level", true), Field::new("caveats", list_of_strings(), true), utf8("raw", true)])
    }

    fn push(&mut self, m: Option<&Marking<'_>>) {
        match m {
            Some(m) => {
                self.level.append_value(m.level.as_str());
                push_strs(&mut self.caveats, m.caveats());
                self.raw.append_value(m.raw);
                self.valid.append_non_null();
            }
            None => {
                self.level.append_null();
                self.caveats.append_null();
                self.raw.append_null();
                self.valid.append_null();
            }
        }
    }

    fn finish(&mut self) -> StructArray {
        let columns: Vec<ArrayRef> =
            vec![Arc::new(self.level.finish()), Arc::new(self.caveats.finish()), Arc::new(self.raw.finish())];
        StructArray::new(Self::fields(), columns, self.valid.finish())
    }
}
