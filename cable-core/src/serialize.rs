//! The JSON output contract, shared by the `cable` command, the C library and the Python
//! package: one object per cable, keys in a fixed order, absent values `null` (lists `[]`).

use crate::classification::Marking;
use crate::model::{Cable, Recipient};
use crate::model::{Drafting, Item, Link, Paragraph, Passage};
use crate::span::Span;
use crate::spanned::Spanned;
use crate::warning::Warning;
use chrono::SecondsFormat;
use serde::Serialize;
use serde::ser::{SerializeSeq, SerializeStruct, Serializer};

impl Serialize for Cable<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WithSource { cable: self, source: None }.serialize(s)
    }
}

/// The cable's object, opened by a `source` key when there is one (JSON Lines of a corpus).
struct WithSource<'c, 'a> {
    cable: &'c Cable<'a>,
    source: Option<&'c str>,
}

impl Serialize for WithSource<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Cable", 40)?;
        if let Some(source) = self.source {
            m.serialize_field("source", source)?;
        }
        let this = self.cable;
        this.serialize_fields(&mut m)?;
        m.end()
    }
}

impl Cable<'_> {
    fn serialize_fields<M: SerializeStruct>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_field("reference_id", &self.reference_id())?;
        m.serialize_field("transmission_id", &self.transmission_id())?;
        // chrono's own RFC 3339 writer, as its `Serialize` writes the date, but into a String it
        // writes to directly: its `Serialize` goes through `collect_str`, a `Display` whose
        // characters each take a call through the formatter (about 2,100 instructions a cable).
        let created = self.created().map(|d| d.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        m.serialize_field("created", &created)?;
        m.serialize_field("dtg", &self.dtg.as_ref().map(|d| d.raw))?;
        m.serialize_field("precedence", &self.precedence())?;
        m.serialize_field("info_precedence", &self.dtg.as_ref().and_then(|d| d.info_precedence))?;
        m.serialize_field("sender", &self.sender())?;
        m.serialize_field("origin", &self.origin())?;
        m.serialize_field("serial", &self.serial())?;
        m.serialize_field("to", &Recipients(&self.to))?;
        m.serialize_field("info", &Recipients(&self.info))?;
        m.serialize_field("routing", &self.routing)?;
        m.serialize_field("classification", &self.classification())?;
        m.serialize_field("caveats", &self.caveats)?;
        m.serialize_field("document_marking", &self.document_marking().map(DocumentMarking))?;
        m.serialize_field("distribution", &self.distribution)?;
        m.serialize_field("section", &self.section)?;
        m.serialize_field("eo", &self.eo)?;
        m.serialize_field("tags", &self.tags)?;
        m.serialize_field("tags_raw", self.tags_raw())?;
        m.serialize_field("subject", &self.subject())?;
        m.serialize_field("subject_marking", &self.subject_marking)?;
        m.serialize_field("references", &self.references)?;
        m.serialize_field("classified_by", &self.classified_by)?;
        m.serialize_field("partial", &self.partial)?;
        m.serialize_field("envelope", &self.envelope)?;
        m.serialize_field("paragraphs", &Paragraphs(self.paragraphs()))?;
        m.serialize_field("summary", &self.summary().map(PassageJson))?;
        m.serialize_field("comment", &self.comment().map(PassageJson))?;
        m.serialize_field("action_request", &self.action_request().map(PassageJson))?;
        m.serialize_field("notes", &Notes(self))?;
        // One pass over the text finds the words of both the links and the drafting block.
        let keywords = crate::text::keywords::find(self.source);
        m.serialize_field("links", &Links(self.links_with(&keywords)))?;
        m.serialize_field("signature", &self.signature().map(|s| s.value))?;
        m.serialize_field("signers", &self.signers())?;
        m.serialize_field("drafting", &self.drafting_with(&keywords).map(DraftingJson))?;
        m.serialize_field("redactions", &Redactions(self.redactions()))?;
        m.serialize_field("breaks", self.breaks())?;
        m.serialize_field("sections", self.sections())?;
        m.serialize_field("warnings", &Warnings(self))?;
        m.serialize_field("spans", &Spans(self))?;
        Ok(())
    }
}

/// `{level, caveats, raw, span}`: a paragraph's marking and where it stands.
struct DocumentMarking<'m, 'a>(Spanned<&'m Marking<'a>>);

impl Serialize for DocumentMarking<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DocumentMarking", 4)?;
        self.0.value.serialize_fields(&mut st)?;
        st.serialize_field("span", &self.0.span)?;
        st.end()
    }
}

struct Paragraphs<'r, 'a>(&'r [Paragraph<'a>]);

impl Serialize for Paragraphs<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ParagraphJson))
    }
}

/// `{number, written_number, marking, heading, text, span, items}`.
struct ParagraphJson<'r, 'a>(&'r Paragraph<'a>);

impl Serialize for ParagraphJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut m = s.serialize_struct("Paragraph", 7)?;
        m.serialize_field("number", &p.number())?;
        m.serialize_field("written_number", &p.written_number())?;
        m.serialize_field("marking", &p.marking())?;
        m.serialize_field("heading", &p.heading())?;
        let (text, items) = p.text_and_items();
        m.serialize_field("text", &text)?;
        m.serialize_field("span", &p.span())?;
        m.serialize_field("items", &Items(&items))?;
        m.end()
    }
}

/// The items of an iterator as a JSON list, written as they come: a list collected into a Vec
/// only to be written cost an allocation and its free.
struct Seq<I>(I);

impl<I: Iterator<Item: Serialize> + Clone> Serialize for Seq<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// `{drafted, cleared, approved, span}`: the names as written, the span of the block.
struct DraftingJson<'a>(Drafting<'a>);

impl Serialize for DraftingJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = &self.0;
        let mut m = s.serialize_struct("Drafting", 4)?;
        m.serialize_field("drafted", d.drafted.value)?;
        m.serialize_field("cleared", &Seq(d.cleared.iter().map(|c| c.value)))?;
        m.serialize_field("approved", &d.approved.map(|a| a.value))?;
        m.serialize_field("span", &d.span)?;
        m.end()
    }
}

/// `[{kind, paragraph, target, number, span}]`.
struct Links(Vec<Link>);

impl Serialize for Links {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(LinkJson))
    }
}

struct LinkJson<'l>(&'l Link);

impl Serialize for LinkJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let l = self.0;
        let mut m = s.serialize_struct("Link", 5)?;
        m.serialize_field("kind", &l.kind)?;
        m.serialize_field("paragraph", &l.paragraph)?;
        m.serialize_field("target", &l.target)?;
        m.serialize_field("number", &l.number)?;
        m.serialize_field("span", &l.span)?;
        m.end()
    }
}

struct Items<'r, 'a>(&'r [Item<'a>]);

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ItemJson))
    }
}

struct ItemJson<'r, 'a>(&'r Item<'a>);

impl Serialize for ItemJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Item", 3)?;
        m.serialize_field("label", self.0.label)?;
        m.serialize_field("text", &self.0.text)?;
        m.serialize_field("span", &self.0.span)?;
        m.end()
    }
}

/// `{text, span, paragraphs}` (and `kind` for notes); `paragraphs` are indexes into the
/// `paragraphs` list.
struct PassageJson<'c, 'a>(Passage<'c, 'a>);

impl Serialize for PassageJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.0;
        let mut m = s.serialize_struct("Passage", 4)?;
        m.serialize_field("kind", &p.kind())?;
        m.serialize_field("text", &p.text())?;
        m.serialize_field("span", &p.span())?;
        m.serialize_field("paragraphs", &Seq(p.paragraphs()))?;
        m.end()
    }
}

struct Notes<'c, 'a>(&'c Cable<'a>);

impl Serialize for Notes<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.notes().map(PassageJson))
    }
}

/// `{count, spans}`.
struct Redactions<'r>(&'r [Span]);

impl Serialize for Redactions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Redactions", 2)?;
        m.serialize_field("count", &self.0.len())?;
        m.serialize_field("spans", self.0)?;
        m.end()
    }
}

struct Recipients<'r, 'a>(&'r [Recipient<'a>]);

impl Serialize for Recipients<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

/// Warnings with their message and the text they concern.
struct Warnings<'c, 'a>(&'c Cable<'a>);

impl Serialize for Warnings<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.warnings.len()))?;
        for w in &self.0.warnings {
            seq.serialize_element(&WarningJson { w, text: self.0.warning_text(w) })?;
        }
        seq.end()
    }
}

struct WarningJson<'w> {
    w: &'w Warning,
    text: &'w str,
}

impl Serialize for WarningJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Warning", 4)?;
        m.serialize_field("kind", &self.w.kind)?;
        m.serialize_field("message", self.w.kind.message())?;
        m.serialize_field("span", &self.w.span)?;
        m.serialize_field("text", self.text)?;
        m.end()
    }
}

/// At most 200 bytes of the text a warning concerns (cut at a character boundary).
fn excerpt(text: &str) -> &str {
    if text.len() <= 200 {
        return text;
    }
    let mut end = 200;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Byte spans of the cable's parts and single-valued fields.
struct Spans<'c, 'a>(&'c Cable<'a>);

impl Serialize for Spans<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let non_empty = |sp: Span| (!sp.is_empty()).then_some(sp);
        // A struct, not a map: its keys are static, so a binding converts each once.
        let mut m = s.serialize_struct("Spans", 11)?;
        m.serialize_field("header", &non_empty(c.header_span))?;
        m.serialize_field("metadata", &non_empty(c.metadata_span))?;
        m.serialize_field("body", &c.body)?;
        m.serialize_field("transmission_id", &c.routing.transmission_id.map(|t| t.span))?;
        m.serialize_field("dtg", &c.dtg.as_ref().map(|d| d.span))?;
        m.serialize_field("sender", &c.sender.map(|t| t.span))?;
        m.serialize_field("banner", &c.banner.as_ref().map(|b| b.span))?;
        m.serialize_field("eo", &c.eo.as_ref().map(|e| e.span))?;
        m.serialize_field("tags", &Seq(c.tags.iter().map(|t| t.span)))?;
        m.serialize_field("subject", &c.subject.as_ref().map(|t| t.span))?;
        m.serialize_field("classified_by", &c.classified_by.as_ref().map(|t| t.text.span))?;
        m.end()
    }
}

impl<'a> Cable<'a> {
    /// The text warning `w` concerns as the JSON gives it: at most 200 bytes of it, cut at a
    /// character boundary.
    pub fn warning_text(&self, w: &Warning) -> &'a str {
        excerpt(self.text_of(w.span))
    }
}

impl Cable<'_> {
    /// The cable as one JSON object (the output contract; see the README).
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(self.source.len() * 2);
        crate::json::to_vec(&mut out, self).expect("serialising a cable cannot fail: no map has non-string keys");
        String::from_utf8(out).expect("JSON of str values is UTF-8")
    }

    /// The JSON contract's `spans` object alone (byte spans of the parts and single-valued
    /// fields), for bindings that read one key without serialising the whole cable.
    pub fn spans_serialized(&self) -> impl Serialize + '_ {
        Spans(self)
    }

    /// The cable as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("serialising a cable cannot fail: no map has non-string keys")
    }

    /// Appends the cable's JSON object to `out`, with a first key `source` when given (one line
    /// of a JSON Lines corpus dump: `{"source":"cables.csv:17","reference_id":...}`), without a
    /// newline.
    pub fn write_json_line(&self, source: Option<&str>, out: &mut Vec<u8>) {
        crate::json::to_vec(out, &WithSource { cable: self, source })
            .expect("serialising a cable into memory cannot fail: no map has non-string keys");
    }

    /// [`write_json_line`](Self::write_json_line) into any writer, without building the line
    /// in memory first (a cable of many short paragraphs has JSON of 17 times its text).
    pub fn write_json_line_to(&self, source: Option<&str>, out: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(out, &WithSource { cable: self, source }).map_err(std::io::Error::from)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    #[test]
    fn created_is_written_as_chrono_serialises_it() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let times = [
            day(2007, 11, 16).and_hms_opt(10, 12, 0).unwrap(),
            day(1966, 1, 2).and_hms_opt(0, 0, 59).unwrap(),
            day(2010, 2, 28).and_hms_milli_opt(23, 59, 59, 1_500).unwrap(), // a leap second
            day(2010, 2, 28).and_hms_micro_opt(1, 2, 3, 4).unwrap(),
            day(2010, 2, 28).and_hms_nano_opt(1, 2, 3, 5).unwrap(),
            day(2010, 2, 28).and_hms_milli_opt(1, 2, 3, 120).unwrap(),
            day(12345, 6, 7).and_hms_opt(8, 9, 10).unwrap(),
            day(-44, 3, 15).and_hms_opt(12, 0, 0).unwrap(),
            day(7, 3, 15).and_hms_opt(12, 0, 0).unwrap(),
        ];
        for t in times {
            let d = DateTime::<Utc>::from_naive_utc_and_offset(t, Utc);
            let ours = serde_json::to_string(&d.to_rfc3339_opts(super::SecondsFormat::AutoSi, true)).unwrap();
            assert_eq!(ours, serde_json::to_string(&d).unwrap(), "{t:?}");
        }
    }
}
