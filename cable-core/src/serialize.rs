//! The JSON output contract, shared by the `cable` command, the C library and the Python
//! package: one object per cable, keys in a fixed order, absent values `null` (lists `[]`).

use crate::classification::Marking;
use crate::model::{Cable, Recipient};
use crate::model::{Drafting, Item, Link, Paragraph, Passage};
use crate::span::Span;
use crate::spanned::Spanned;
use crate::warning::Warning;
use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
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
        this.serialize_fields(&mut Struct(&mut m))?;
        m.end()
    }
}

/// Where an object's fields are written: a struct of any serde serializer ([`Struct`]), or the
/// JSON Lines writer's object (`json::Object`), which writes the hot values (the paragraphs'
/// strings, numbers and spans) straight into its buffer. One list of fields for both, so that
/// they cannot drift apart.
trait Fields {
    type Error;

    /// A field written by its `Serialize` impl.
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Self::Error>;

    /// A string or `null`.
    fn str(&mut self, key: &'static str, value: Option<&str>) -> Result<(), Self::Error> {
        self.field(key, &value)
    }

    /// A number or `null`.
    fn number(&mut self, key: &'static str, value: Option<u32>) -> Result<(), Self::Error> {
        self.field(key, &value)
    }

    /// A span, `[start,end]`.
    fn span(&mut self, key: &'static str, value: Span) -> Result<(), Self::Error> {
        self.field(key, &value)
    }

    /// A span or `null`.
    fn opt_span(&mut self, key: &'static str, value: Option<Span>) -> Result<(), Self::Error> {
        self.field(key, &value)
    }

    /// A list of spans, `[[start,end],...]`.
    fn spans<I: Iterator<Item = Span> + Clone>(&mut self, key: &'static str, values: I) -> Result<(), Self::Error> {
        self.field(key, &Seq(values))
    }

    /// An object of the contract, or `null`.
    fn object<O: Object>(&mut self, key: &'static str, value: Option<O>) -> Result<(), Self::Error> {
        self.field(key, &value.map(AsStruct))
    }

    /// A list of objects of the contract, from the iterator that `values` makes (made again
    /// each time the list is written).
    fn objects<O: Object, I: Iterator<Item = O>>(
        &mut self,
        key: &'static str,
        values: impl Fn() -> I,
    ) -> Result<(), Self::Error> {
        self.field(key, &SeqOf(|| values().map(AsStruct)))
    }
}

/// An object of the contract: its fields, written to any [`Fields`] sink.
trait Object {
    /// The struct's name for serde.
    const NAME: &'static str;
    /// The number of fields for serde.
    const LEN: usize;

    /// Writes the object's fields, in the contract's order, to `f`.
    fn fields<F: Fields>(&self, f: &mut F) -> Result<(), F::Error>;
}

/// An [`Object`] as a serde struct.
struct AsStruct<O>(O);

impl<O: Object> Serialize for AsStruct<O> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct(O::NAME, O::LEN)?;
        self.0.fields(&mut Struct(&mut m))?;
        m.end()
    }
}

/// The fields of a struct of a serde serializer.
struct Struct<'m, M>(&'m mut M);

impl<M: SerializeStruct> Fields for Struct<'_, M> {
    type Error = M::Error;

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), M::Error> {
        self.0.serialize_field(key, value)
    }
}

impl Fields for crate::json::Object<'_> {
    type Error = crate::json::Error;

    // (Inlined: the key's length stays a constant, see `json::write_key`.)
    #[inline(always)]
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Self::Error> {
        crate::json::Object::field(self, key, value)
    }

    #[inline(always)]
    fn str(&mut self, key: &'static str, value: Option<&str>) -> Result<(), Self::Error> {
        crate::json::write_opt_str(self.key(key), value);
        Ok(())
    }

    #[inline(always)]
    fn number(&mut self, key: &'static str, value: Option<u32>) -> Result<(), Self::Error> {
        crate::json::write_opt_unsigned(self.key(key), value);
        Ok(())
    }

    #[inline(always)]
    fn span(&mut self, key: &'static str, value: Span) -> Result<(), Self::Error> {
        crate::json::write_span(self.key(key), value);
        Ok(())
    }

    #[inline(always)]
    fn opt_span(&mut self, key: &'static str, value: Option<Span>) -> Result<(), Self::Error> {
        match value {
            Some(span) => self.span(key, span),
            None => self.str(key, None),
        }
    }

    // Each span written straight: through serde, a span cost some 130 instructions as a list
    // of two numbers (the tags' spans of the `spans` object, the redactions').
    fn spans<I: Iterator<Item = Span> + Clone>(&mut self, key: &'static str, values: I) -> Result<(), Self::Error> {
        let out = self.key(key);
        out.push(b'[');
        for (i, span) in values.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            crate::json::write_span(out, span);
        }
        out.push(b']');
        Ok(())
    }

    fn object<O: Object>(&mut self, key: &'static str, value: Option<O>) -> Result<(), Self::Error> {
        let out = self.key(key);
        match value {
            Some(v) => write_object(out, &v),
            None => {
                out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    fn objects<O: Object, I: Iterator<Item = O>>(
        &mut self,
        key: &'static str,
        values: impl Fn() -> I,
    ) -> Result<(), Self::Error> {
        let out = self.key(key);
        out.push(b'[');
        for (i, v) in values().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_object(out, &v)?;
        }
        out.push(b']');
        Ok(())
    }
}

/// Writes `v` as an object straight into `out`.
#[inline(always)]
fn write_object<O: Object>(out: &mut Vec<u8>, v: &O) -> Result<(), crate::json::Error> {
    let mut o = crate::json::Object::open(out);
    v.fields(&mut o)?;
    o.close();
    Ok(())
}

impl Cable<'_> {
    fn serialize_fields<M: Fields>(&self, m: &mut M) -> Result<(), M::Error> {
        m.field("reference_id", &self.reference_id())?;
        m.field("transmission_id", &self.transmission_id())?;
        // chrono's RFC 3339 form, as its `Serialize` writes the date: not through that
        // `Serialize`, which goes through `collect_str`, a `Display` whose characters each take
        // a call through the formatter (about 2,100 instructions a cable); see `Rfc3339`.
        let created = self.created().map(Rfc3339::of);
        m.str("created", created.as_ref().map(Rfc3339::as_str))?;
        m.field("dtg", &self.dtg.as_ref().map(|d| d.raw))?;
        m.field("precedence", &self.precedence())?;
        m.field("info_precedence", &self.dtg.as_ref().and_then(|d| d.info_precedence))?;
        m.field("sender", &self.sender())?;
        m.field("origin", &self.origin())?;
        m.field("serial", &self.serial())?;
        m.field("to", &Recipients(&self.to))?;
        m.field("info", &Recipients(&self.info))?;
        m.field("routing", &self.routing)?;
        m.field("classification", &self.classification())?;
        m.field("caveats", &self.caveats)?;
        m.field("document_marking", &self.document_marking().map(DocumentMarking))?;
        m.field("distribution", &self.distribution)?;
        m.field("section", &self.section)?;
        m.field("eo", &self.eo)?;
        m.field("tags", &self.tags)?;
        m.field("tags_raw", self.tags_raw())?;
        m.field("subject", &self.subject())?;
        m.field("subject_marking", &self.subject_marking)?;
        m.field("references", &self.references)?;
        m.field("classified_by", &self.classified_by)?;
        m.field("partial", &self.partial)?;
        m.field("envelope", &self.envelope)?;
        m.objects("paragraphs", || self.paragraphs().iter().map(|p| ParagraphJson(p, &self.lines)))?;
        m.object("summary", self.summary().map(PassageJson))?;
        m.object("comment", self.comment().map(PassageJson))?;
        m.object("action_request", self.action_request().map(PassageJson))?;
        m.objects("notes", || self.notes().map(PassageJson))?;
        // One pass over the text finds the words of both the links and the drafting block.
        let keywords = crate::text::keywords::find(self.source);
        let links = self.links_with(&keywords);
        m.objects("links", || links.iter().map(LinkJson))?;
        m.field("signature", &self.signature().map(|s| s.value))?;
        m.field("signers", &self.signers())?;
        m.object("drafting", self.drafting_with(&keywords).map(DraftingJson))?;
        m.object("redactions", Some(Redactions(self.redactions())))?;
        m.field("breaks", self.breaks())?;
        m.field("sections", self.sections())?;
        m.field("warnings", &Warnings(self))?;
        m.object("spans", Some(Spans(self)))?;
        Ok(())
    }
}

/// A date and time in chrono's RFC 3339 form with `Z` and the seconds' fraction as needed
/// (`SecondsFormat::AutoSi`), as chrono's `Serialize` writes it. A whole second of the years 0
/// to 9999 (every cable's date) is written from its fields into twenty bytes; any other by
/// chrono's own writer, into a String (which, with the allocation, took some 500 instructions
/// a cable).
enum Rfc3339 {
    Whole([u8; 20]),
    Other(String),
}

impl Rfc3339 {
    fn of(d: DateTime<Utc>) -> Rfc3339 {
        // The fields read off the UTC date and time (each read off the `DateTime` took the
        // offset's addition again).
        let t = d.naive_utc();
        let year = t.year();
        if t.nanosecond() != 0 || !(0..=9999).contains(&year) {
            return Rfc3339::Other(d.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        }
        let two = |n: u32| [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
        let year = year.unsigned_abs();
        let ([c0, c1], [y0, y1]) = (two(year / 100), two(year));
        let ([m0, m1], [d0, d1]) = (two(t.month()), two(t.day()));
        let ([h0, h1], [i0, i1], [s0, s1]) = (two(t.hour()), two(t.minute()), two(t.second()));
        Rfc3339::Whole([c0, c1, y0, y1, b'-', m0, m1, b'-', d0, d1, b'T', h0, h1, b':', i0, i1, b':', s0, s1, b'Z'])
    }

    fn as_str(&self) -> &str {
        match self {
            // ASCII digits and marks: always UTF-8.
            Rfc3339::Whole(b) => std::str::from_utf8(b).unwrap_or_default(),
            Rfc3339::Other(s) => s,
        }
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

/// `{number, written_number, marking, heading, text, span, items}`.
/// (With the cable's lines, which its text is read off.)
struct ParagraphJson<'r, 'a>(&'r Paragraph<'a>, &'r [crate::lines::Line<'a>]);

impl Object for ParagraphJson<'_, '_> {
    const NAME: &'static str = "Paragraph";
    const LEN: usize = 7;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        let p = self.0;
        m.number("number", p.number())?;
        m.str("written_number", p.written_number())?;
        m.field("marking", &p.marking())?;
        m.str("heading", p.heading().as_deref())?;
        let (text, items) = p.text_and_items_in(self.1);
        m.str("text", Some(&text))?;
        m.span("span", p.span())?;
        m.objects("items", || items.iter().map(ItemJson))
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

/// The items of the iterator a function makes as a JSON list (for an iterator that cannot be
/// cloned).
struct SeqOf<F>(F);

impl<I: Iterator<Item: Serialize>, F: Fn() -> I> Serialize for SeqOf<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// `{drafted, cleared, approved, span}`: the names as written, the span of the block.
struct DraftingJson<'a>(Drafting<'a>);

impl Object for DraftingJson<'_> {
    const NAME: &'static str = "Drafting";
    const LEN: usize = 4;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        let d = &self.0;
        m.str("drafted", Some(d.drafted.value))?;
        m.field("cleared", &Seq(d.cleared.iter().map(|c| c.value)))?;
        m.str("approved", d.approved.map(|a| a.value))?;
        m.span("span", d.span)
    }
}

/// `{kind, paragraph, target, number, span}`.
struct LinkJson<'l>(&'l Link);

impl Object for LinkJson<'_> {
    const NAME: &'static str = "Link";
    const LEN: usize = 5;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        let l = self.0;
        m.str("kind", Some(l.kind.as_str()))?;
        m.field("paragraph", &l.paragraph)?;
        m.field("target", &l.target)?;
        m.number("number", l.number)?;
        m.span("span", l.span)
    }
}

/// `{label, text, span}`.
struct ItemJson<'r, 'a>(&'r Item<'a>);

impl Object for ItemJson<'_, '_> {
    const NAME: &'static str = "Item";
    const LEN: usize = 3;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        m.str("label", Some(self.0.label))?;
        m.str("text", Some(&self.0.text))?;
        m.span("span", self.0.span)
    }
}

/// `{kind, text, span, paragraphs}`; `paragraphs` are indexes into the `paragraphs` list.
struct PassageJson<'c, 'a>(Passage<'c, 'a>);

impl Object for PassageJson<'_, '_> {
    const NAME: &'static str = "Passage";
    const LEN: usize = 4;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        let p = &self.0;
        m.str("kind", Some(p.kind().as_str()))?;
        m.str("text", Some(&p.text()))?;
        m.span("span", p.span())?;
        m.field("paragraphs", &Seq(p.paragraphs()))
    }
}

/// `{count, spans}`.
struct Redactions<'r>(&'r [Span]);

impl Object for Redactions<'_> {
    const NAME: &'static str = "Redactions";
    const LEN: usize = 2;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        m.field("count", &self.0.len())?;
        m.spans("spans", self.0.iter().copied())
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

impl Object for Spans<'_, '_> {
    // A struct, not a map: its keys are static, so a binding converts each once.
    const NAME: &'static str = "Spans";
    const LEN: usize = 11;

    fn fields<F: Fields>(&self, m: &mut F) -> Result<(), F::Error> {
        let c = self.0;
        let non_empty = |sp: Span| (!sp.is_empty()).then_some(sp);
        m.opt_span("header", non_empty(c.header_span))?;
        m.opt_span("metadata", non_empty(c.metadata_span))?;
        m.span("body", c.body)?;
        m.opt_span("transmission_id", c.routing.transmission_id.map(|t| t.span))?;
        m.opt_span("dtg", c.dtg.as_ref().map(|d| d.span))?;
        m.opt_span("sender", c.sender.map(|t| t.span))?;
        m.opt_span("banner", c.banner.as_ref().map(|b| b.span))?;
        m.opt_span("eo", c.eo.as_ref().map(|e| e.span))?;
        m.spans("tags", c.tags.iter().map(|t| t.span))?;
        m.opt_span("subject", c.subject.as_ref().map(|t| t.span))?;
        m.opt_span("classified_by", c.classified_by.as_ref().map(|t| t.text.span))
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
        self.write_json_line(None, &mut out);
        String::from_utf8(out).expect("JSON of str values is UTF-8")
    }

    /// The JSON contract's `spans` object alone (byte spans of the parts and single-valued
    /// fields), for bindings that read one key without serialising the whole cable.
    pub fn spans_serialized(&self) -> impl Serialize + '_ {
        AsStruct(Spans(self))
    }

    /// The cable as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("serialising a cable cannot fail: no map has non-string keys")
    }

    /// Appends the cable's JSON object to `out`, with a first key `source` when given (one line
    /// of a JSON Lines corpus dump: `{"source":"cables.csv:17","reference_id":...}`), without a
    /// newline.
    pub fn write_json_line(&self, source: Option<&str>, out: &mut Vec<u8>) {
        // The same fields as the `Serialize` impl (`WithSource`), written into an object of
        // the buffer: the hot ones straight, without serde.
        let mut o = crate::json::Object::open(out);
        if let Some(source) = source {
            o.str("source", Some(source)).expect("a string cannot fail");
        }
        self.serialize_fields(&mut o).expect("serialising a cable into memory cannot fail: no map has non-string keys");
        o.close();
    }

    /// [`write_json_line`](Self::write_json_line) into any writer, without building the line
    /// in memory first (a cable of many short paragraphs has JSON of 17 times its text).
    pub fn write_json_line_to(&self, source: Option<&str>, out: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(out, &WithSource { cable: self, source }).map_err(std::io::Error::from)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Datelike, NaiveDate, Utc};

    /// The JSON Lines writer (`json::Object`, hot values straight) and the `Serialize` impl
    /// (through serde_json) give the same bytes on every fixture that parses.
    #[test]
    fn the_json_lines_writer_writes_what_serde_writes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
        let mut cables = 0;
        for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.extension().is_none_or(|x| x == "json") {
                continue;
            }
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let Ok(cable) = crate::parse(&text) else { continue };
            cables += 1;
            assert_eq!(cable.to_json(), serde_json::to_string(&cable).unwrap(), "{path:?}");
            let mut line = Vec::new();
            cable.write_json_line(Some("fixtures:1"), &mut line);
            let serde = serde_json::to_vec(&super::WithSource { cable: &cable, source: Some("fixtures:1") }).unwrap();
            assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(serde).unwrap(), "{path:?}");
        }
        assert!(cables > 25, "{cables} fixtures parsed");
    }

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
            let ours = serde_json::to_string(super::Rfc3339::of(d).as_str()).unwrap();
            assert_eq!(ours, serde_json::to_string(&d).unwrap(), "{t:?}");
        }
        // Every day of some years, at times that reach every digit of the clock.
        for y in [0, 1, 9, 10, 99, 100, 999, 1000, 1966, 2000, 2010, 9999] {
            let Some(mut day) = NaiveDate::from_ymd_opt(y, 1, 1) else { continue };
            while day.year() == y {
                let (h, m, s) = (day.ordinal() % 24, day.ordinal() * 7 % 60, day.ordinal() * 13 % 60);
                let d = DateTime::<Utc>::from_naive_utc_and_offset(day.and_hms_opt(h, m, s).unwrap(), Utc);
                assert_eq!(super::Rfc3339::of(d).as_str(), serde_json::to_value(d).unwrap().as_str().unwrap());
                day = day.succ_opt().unwrap();
            }
        }
    }
}
