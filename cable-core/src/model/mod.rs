//! The parsed cable: typed, borrowed views of its routing header and metadata block.
//!
//! Every string is a slice of the parsed text (or a `Cow` where it had to be cleaned) and every
//! value knows its [`Span`]. The types here hold data only; the grammar of each part lives in
//! the walkers (`header`, `meta`, `body`), which fill them.

mod body;
mod drafting;
mod links;

pub(crate) use body::{Body, PassageData};
pub use body::{Break, BreakKind, Item, Paragraph, Passage, PassageKind, TextSection};
pub use drafting::Drafting;
pub use links::{Link, LinkKind};

use crate::classification::{Level, Marking};
use crate::envelope::Envelope;
use crate::lines::Line;
use crate::span::Span;
use crate::spanned::{Spanned, Text};
use crate::warning::Warning;
use chrono::{DateTime, NaiveDate, Utc};
use compact_str::{CompactString, ToCompactString};
use std::borrow::Cow;
use std::fmt;

/// A telegram precedence (`FLASH` … `ROUTINE`), from a date-time-group letter, a prosign or an
/// addressee line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Precedence {
    /// `R`, `RR`, `ROUTINE`.
    Routine,
    /// `P`, `PP`, `PRIORITY`.
    Priority,
    /// `O`, `OO`, `IMMEDIATE`.
    Immediate,
    /// `NIACT IMMEDIATE`: immediate, and the addressee is to be woken at night.
    NiactImmediate,
    /// `Z`, `ZZ`, `FLASH`.
    Flash,
    /// `Y`, `YY`: emergency command precedence.
    Emergency,
}

crate::names::names!(Precedence {
    Routine => "ROUTINE",
    Priority => "PRIORITY",
    Immediate => "IMMEDIATE",
    NiactImmediate => "NIACT IMMEDIATE",
    Flash => "FLASH",
    Emergency => "EMERGENCY",
});

impl Precedence {
    /// The precedence of a date-time-group letter or prosign letter (`O` → `Immediate`).
    pub fn from_letter(c: u8) -> Option<Precedence> {
        Some(match c {
            b'R' => Precedence::Routine,
            b'P' => Precedence::Priority,
            b'O' => Precedence::Immediate,
            b'Z' => Precedence::Flash,
            b'Y' => Precedence::Emergency,
            _ => return None,
        })
    }
}

impl fmt::Display for Precedence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The transmission part of an ACP-127 header: format lines 1–4.
///
/// ```text
/// VZCZCXRO9060                                   transmission_id
/// OO RUEHDBU RUEHFL RUEHKW RUEHLA RUEHROV RUEHSR relay_precedence, relays
/// DE RUEHMO #5434/01 3211231                     station, station_serial, section, julian_time
/// ZNY CCCCC ZZH                                  security, signals
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Routing<'a> {
    /// `VZCZCXRO9060`: start-of-transmission, channel designator and channel sequence number.
    pub transmission_id: Option<Spanned<&'a str>>,
    /// The precedence prosign of the relay line (`OO`).
    pub relay_precedence: Option<Spanned<&'a str>>,
    /// Routing indicators of the relay line (`RUEHDBU`, ...). They are where the relay sent the
    /// message, not its addressees: never merged into `to`/`info`.
    pub relays: Vec<Spanned<&'a str>>,
    /// Originating station routing indicator from the `DE` line (`RUEHMO`).
    pub station: Option<Spanned<&'a str>>,
    /// Station serial number from the `DE` line (`5434`; the reference serial modulo 10,000).
    /// Serialised as `serial`.
    #[cfg_attr(feature = "serde", serde(rename = "serial"))]
    pub station_serial: Option<Spanned<&'a str>>,
    /// Section number from the `DE` line (`/01` → 1).
    pub section: Option<u32>,
    /// Julian day and time of transmission from the `DE` line (`3211231`: day 321, 12:31 UTC).
    pub julian_time: Option<Spanned<&'a str>>,
    /// The security warning group (`ZNY CCCCC`, `ZNR UUUUU`).
    pub security: Option<Spanned<&'a str>>,
    /// Operating signals after the security group (`ZZH`), as written.
    pub signals: Option<Spanned<&'a str>>,
}

impl Routing<'_> {
    /// The classification level that the security group implies (`CCCCC` → `Confidential`).
    pub fn security_level(&self) -> Option<Level> {
        let group = self.security.as_ref()?.value.split(' ').nth(1)?;
        Level::from_security_group(group)
    }

    /// True when no routing field was found.
    pub fn is_empty(&self) -> bool {
        self.transmission_id.is_none()
            && self.relay_precedence.is_none()
            && self.station.is_none()
            && self.security.is_none()
    }
}

/// The precedence and date-time group line (`O 171231Z NOV 07`), format line 5.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DateTimeGroup<'a> {
    /// Action precedence (`O` → `IMMEDIATE`).
    pub precedence: Option<Precedence>,
    /// Info precedence, when two letters are given (`O P 071948Z OCT 08` → `PRIORITY`).
    pub info_precedence: Option<Precedence>,
    /// The date-time group as written (`171231Z NOV 07`).
    pub raw: &'a str,
    /// The moment it names; `None` (with an [`InvalidDate`](crate::WarningKind::InvalidDate)
    /// warning) when it is not a real date.
    pub created: Option<DateTime<Utc>>,
    /// Operating signals after the date (`ZFF4`).
    pub signals: Option<&'a str>,
    /// The whole line.
    pub span: Span,
}

/// One addressee of a `TO` or `INFO` list.
///
/// `RUEHC/SECSTATE WASHDC IMMEDIATE 5322` → route `RUEHC`, name `SECSTATE WASHDC`,
/// precedence `IMMEDIATE`, mcn `5322`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Recipient<'a> {
    /// Routing indicator before the slash (`RUEHC`), when given.
    pub route: Option<&'a str>,
    /// Plain-language address (`SECSTATE WASHDC`, `EUROPEAN POLITICAL COLLECTIVE`).
    pub name: &'a str,
    /// Office after a `//` (`USCINCEUR VAIHINGEN GE//ECJ3/ECJ4/ECJ5//` → `ECJ3/ECJ4/ECJ5`).
    pub office: Option<&'a str>,
    /// Delivery precedence for this addressee.
    pub precedence: Option<Precedence>,
    /// Message continuity number, as written (`5322`, `0121`, a range `2276-2279`).
    pub mcn: Option<&'a str>,
    /// Members of this collective excluded from delivery by `XMT` lines.
    pub excluded: Vec<&'a str>,
    /// The addressee line.
    pub span: Span,
}

/// The classification banner, first line of the body:
/// `C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Banner<'a> {
    /// The level it names.
    pub level: Level,
    /// `SECTION 01 OF 02`.
    pub section: Option<Section>,
    /// Station as written (`MOSCOW`, `TEL AVIV`, `ankara` in sentence-cased retypes).
    pub station: Option<Spanned<&'a str>>,
    /// Serial as written (`005434`).
    pub serial: Option<Spanned<&'a str>>,
    /// The whole line.
    pub span: Span,
}

/// `SECTION 01 OF 02`: this is part `number` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Section {
    /// This section's number (1-based).
    pub number: u32,
    /// How many sections the telegram has; `None` when only the `DE` line's `/01` gives it.
    pub total: Option<u32>,
}

/// The `E.O.` line: executive order and declassification instruction.
///
/// `E.O. 12958: DECL: 11/16/2017` → order `12958`, declassify_on 2017-11-16,
/// declassify_raw `11/16/2017`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ExecutiveOrder<'a> {
    /// Number of the executive order (`12958`, `12356`, `11652`, typos kept as written).
    pub order: Option<&'a str>,
    /// The declassification date, when the instruction is or starts with a date.
    pub declassify_on: Option<NaiveDate>,
    /// The declassification instruction as written after `DECL:` (or after the order when there
    /// is no `DECL`): a date, `OADR`, `X1`, `1.6X1`, `N/A`, `GDS`, free text.
    pub declassify_raw: Option<&'a str>,
    /// The E.O. line (its own part when glued to other fields).
    pub span: Span,
}

/// A reference listed in the `REF` block.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Reference<'a> {
    /// Bullet label without punctuation (`A` for `A.`, `B)`, `(B)`, `¶B.`).
    pub label: Option<&'a str>,
    /// What kind of document is cited.
    pub kind: ReferenceKind,
    /// Canonical id of a cited cable (`07STATE12345`); `None` for other kinds, and for cables
    /// whose year is unknown. Stored inline (no heap allocation for ids up to 24 bytes).
    pub id: Option<CompactString>,
    /// Station of a cited cable, spaces removed (`MOSCOW`, `SAOPAULO`).
    pub station: Option<Cow<'a, str>>,
    /// Serial of a cited cable.
    pub serial: Option<u32>,
    /// Four-digit year of a cited cable: written in the item (`06 MOSCOW 1234`) or, when the
    /// item gives none, the citing cable's year.
    pub year: Option<i32>,
    /// The item as written; when an item cites several cables, the words of each citation
    /// (`STATE 188314,` `259032` give `STATE 188314` and `259032`), so that the output stays
    /// proportional to the REF block.
    pub text: Text<'a>,
}

/// The kind of document a [`Reference`] cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReferenceKind {
    /// Another telegram (`STATE 12345`, `06 MOSCOW 1234`).
    Cable,
    /// An e-mail (`LEE-GOLDSTEIN EMAIL 05/11/07`).
    Email,
    /// A telephone conversation (`TELCON`, `TELECON`).
    Telcon,
    /// A memorandum of conversation (`MEMCON`).
    Memcon,
    /// A report (`IIR`, `OSC`, `... REPORT`).
    Report,
    /// Anything else (airgrams, DTG references, meetings, documents).
    Other,
}

crate::names::names!(ReferenceKind {
    Cable => "cable",
    Email => "email",
    Telcon => "telcon",
    Memcon => "memcon",
    Report => "report",
    Other => "other",
});

impl ReferenceKind {}

/// The `Classified By:` line.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ClassifiedBy<'a> {
    /// The line after the keyword, as written (joined when it continues on the next line).
    pub text: Text<'a>,
    /// Person names with titles and role words removed (`William J. Burns`).
    pub names: Vec<Cow<'a, str>>,
    /// Classification reasons, normalised (`1.4 (b/d)` → `1.4(b)`, `1.4(d)`).
    pub reasons: Vec<&'static str>,
}

/// A cable's reference id: two-digit year, station and serial (`07MOSCOW5434`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ReferenceId<'a> {
    /// The four-digit year, when known.
    pub year: Option<i32>,
    /// The station as it appears in ids: spaces removed, upper case (`TELAVIV`).
    pub station: Cow<'a, str>,
    /// The serial without leading zeros.
    pub serial: u32,
}

impl ReferenceId<'_> {
    /// The id as text (`07MOSCOW5434`; without a year, just `MOSCOW5434`): what `Display`
    /// writes, pushed into one string sized once. (Through `fmt` an id cost about 1,070
    /// instructions, and the parse makes one for every cable and every REF item.)
    pub(crate) fn text(&self) -> CompactString {
        let mut out = CompactString::with_capacity(2 + self.station.len() + 10);
        if let Some(y) = self.year {
            // The year's last two digits, `{:02}`.
            let y = y.rem_euclid(100);
            out.push(char::from(b'0' + (y / 10) as u8));
            out.push(char::from(b'0' + (y % 10) as u8));
        }
        out.push_str(&self.station);
        // (compact_str writes integers without `fmt`.)
        out.push_str(&self.serial.to_compact_string());
        out
    }
}

impl fmt::Display for ReferenceId<'_> {
    /// `07MOSCOW5434`; without a year, just `MOSCOW5434` ([`ReferenceId::text`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// One caption or handling caveat (`SIPDIS`, `NOFORN`, `EXDIS`, `REL TO ...`).
pub type Caveat<'a> = Spanned<Cow<'a, str>>;

/// A cable parsed from text: its routing header, metadata block and the span of its body.
///
/// Obtained from [`parse`](crate::parse) or [`ParseOptions::parse`](crate::ParseOptions::parse).
/// Borrows the text it was parsed from; every accessor returns views into it.
#[derive(Debug, Clone)]
pub struct Cable<'a> {
    pub(crate) source: &'a str,
    pub(crate) partial: bool,
    /// The year of the archive's document number line (`2002HOCHI00719 - UNCLASSIFIED`): the
    /// cable's year when the text has no date-time group.
    pub(crate) archive_year: Option<i32>,
    pub(crate) routing: Routing<'a>,
    pub(crate) dtg: Option<DateTimeGroup<'a>>,
    pub(crate) dtg_echo: Option<Spanned<&'a str>>,
    pub(crate) sender: Option<Spanned<&'a str>>,
    pub(crate) to: Vec<Recipient<'a>>,
    pub(crate) info: Vec<Recipient<'a>>,
    pub(crate) banner: Option<Banner<'a>>,
    pub(crate) classification: Option<Spanned<Level>>,
    pub(crate) caveats: Vec<Caveat<'a>>,
    pub(crate) distribution: Vec<Text<'a>>,
    pub(crate) eo: Option<ExecutiveOrder<'a>>,
    pub(crate) tags: Vec<Text<'a>>,
    /// The tags as written, when they differ from the canonical `tags`.
    pub(crate) tags_raw: Option<Vec<Text<'a>>>,
    pub(crate) subject: Option<Text<'a>>,
    pub(crate) subject_marking: Option<Marking<'a>>,
    pub(crate) references: Vec<Reference<'a>>,
    pub(crate) classified_by: Option<ClassifiedBy<'a>>,
    pub(crate) reference_id: Option<ReferenceId<'a>>,
    pub(crate) reference_id_text: Option<CompactString>,
    pub(crate) created: Option<DateTime<Utc>>,
    pub(crate) page_origin: Option<(Spanned<&'a str>, Spanned<&'a str>)>,
    pub(crate) section: Option<Section>,
    pub(crate) header_span: Span,
    pub(crate) metadata_span: Span,
    pub(crate) body: Span,
    pub(crate) envelope: Option<&'a Envelope<'a>>,
    pub(crate) warnings: Vec<Warning>,
    /// Paragraphs, breaks, passages, signature: see [`crate::body`].
    pub(crate) body_parts: Body<'a>,
    /// The lines the text was split into, kept (moved, not copied) after the walk: the JSON
    /// writer reads each paragraph's lines off them rather than finding them in the text again.
    pub(crate) lines: Vec<Line<'a>>,
}

impl<'a> Cable<'a> {
    pub(crate) fn empty(source: &'a str) -> Self {
        Cable {
            source,
            partial: false,
            archive_year: None,
            routing: Routing::default(),
            dtg: None,
            dtg_echo: None,
            sender: None,
            to: Vec::new(),
            info: Vec::new(),
            banner: None,
            classification: None,
            caveats: Vec::new(),
            distribution: Vec::new(),
            eo: None,
            tags: Vec::new(),
            tags_raw: None,
            subject: None,
            subject_marking: None,
            references: Vec::new(),
            classified_by: None,
            reference_id: None,
            reference_id_text: None,
            created: None,
            page_origin: None,
            section: None,
            header_span: Span::default(),
            metadata_span: Span::default(),
            body: Span::default(),
            envelope: None,
            warnings: Vec::new(),
            body_parts: Body::default(),
            lines: Vec::new(),
        }
    }

    /// The text the cable was parsed from; every span indexes into it.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The text a span covers.
    pub fn text_of(&self, span: Span) -> &'a str {
        span.slice(self.source)
    }

    /// The reference id (`07MOSCOW5434`): year, station and serial of the classification banner.
    /// `None` when the station and serial are unknown or the year is (see [`reference`](Self::reference)
    /// for the parts).
    pub fn reference_id(&self) -> Option<&str> {
        self.reference_id_text.as_deref()
    }

    /// The parts of the reference id, also when the year is unknown.
    pub fn reference(&self) -> Option<&ReferenceId<'a>> {
        self.reference_id.as_ref()
    }

    /// Station of the reference id (`MOSCOW`, `TELAVIV`).
    pub fn origin(&self) -> Option<&str> {
        self.reference_id.as_ref().map(|r| r.station.as_ref())
    }

    /// Serial of the reference id (`5434`).
    pub fn serial(&self) -> Option<u32> {
        self.reference_id.as_ref().map(|r| r.serial)
    }

    /// The transmission id (`VZCZCXRO9060`).
    pub fn transmission_id(&self) -> Option<&'a str> {
        self.routing.transmission_id.map(|t| t.value)
    }

    /// When the cable was released: the date-time group, or the envelope's date when the text
    /// has none.
    pub fn created(&self) -> Option<DateTime<Utc>> {
        self.created
    }

    /// The precedence and date-time group line (the JSON's `dtg` is its `raw` text).
    pub fn dtg(&self) -> Option<&DateTimeGroup<'a>> {
        self.dtg.as_ref()
    }

    /// The old name of [`Cable::dtg`], kept while other branches move over.
    #[doc(hidden)]
    pub fn date_time_group(&self) -> Option<&DateTimeGroup<'a>> {
        self.dtg()
    }

    /// Action precedence of the date-time group (`IMMEDIATE`).
    pub fn precedence(&self) -> Option<Precedence> {
        self.dtg.as_ref().and_then(|d| d.precedence)
    }

    /// The originator (`FM` line): `AMEMBASSY MOSCOW`.
    pub fn sender(&self) -> Option<&'a str> {
        self.sender.map(|s| s.value)
    }

    /// Span of the originator (the JSON's `spans.sender`).
    pub fn sender_span(&self) -> Option<Span> {
        self.sender.map(|s| s.span)
    }

    /// Action addressees (`TO`).
    pub fn to(&self) -> &[Recipient<'a>] {
        &self.to
    }

    /// Information addressees (`INFO`).
    pub fn info(&self) -> &[Recipient<'a>] {
        &self.info
    }

    /// Format lines 1–4 of the routing header.
    pub fn routing(&self) -> &Routing<'a> {
        &self.routing
    }

    /// The classification banner line.
    pub fn banner(&self) -> Option<&Banner<'a>> {
        self.banner.as_ref()
    }

    /// The classification level: from the banner, else the security line, else the envelope.
    pub fn classification(&self) -> Option<Level> {
        self.classification.map(|c| c.value)
    }

    /// Captions and handling caveats of the metadata block, in order, without repeats
    /// (`SIPDIS`, `NOFORN`, `EXDIS`, `SENSITIVE`, `REL TO ...`).
    pub fn caveats(&self) -> &[Caveat<'a>] {
        &self.caveats
    }

    /// Distribution, passing and addressing lines above the E.O. line (`STATE FOR EUR/WE`,
    /// `PASS TO USAID`, `NEA/ARP, NEA/RA`, `FROM THE AMBASSADOR`).
    pub fn distribution(&self) -> &[Text<'a>] {
        &self.distribution
    }

    /// `SECTION 01 OF 02` of the banner (or the `DE` line's section).
    pub fn section(&self) -> Option<Section> {
        self.section
    }

    /// The `E.O.` line (named `eo` as in the JSON, Python and C).
    pub fn eo(&self) -> Option<&ExecutiveOrder<'a>> {
        self.eo.as_ref()
    }

    /// The old name of [`Cable::eo`], kept while other branches move over.
    #[doc(hidden)]
    pub fn executive_order(&self) -> Option<&ExecutiveOrder<'a>> {
        self.eo()
    }

    /// TAGS, canonical: upper case, in order, without repeats, misspellings fixed and glued tags
    /// split (`ECONEFIN` → `ECON`, `EFIN`; see [`crate::ids::canonical_tags`]). Each keeps the
    /// span of the tag as written.
    pub fn tags(&self) -> &[Text<'a>] {
        &self.tags
    }

    /// TAGS as written (upper case, in order, without repeats), before canonicalisation.
    pub fn tags_raw(&self) -> &[Text<'a>] {
        self.tags_raw.as_deref().unwrap_or(&self.tags)
    }

    /// The subject, joined into one line.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_ref().map(|s| s.as_str())
    }

    /// The subject with its span.
    pub fn subject_text(&self) -> Option<&Text<'a>> {
        self.subject.as_ref()
    }

    /// A portion marking at the start of the subject (`SUBJECT: (C) ...`).
    pub fn subject_marking(&self) -> Option<&Marking<'a>> {
        self.subject_marking.as_ref()
    }

    /// The references of the REF block(s).
    pub fn references(&self) -> &[Reference<'a>] {
        &self.references
    }

    /// The `Classified By:` line.
    pub fn classified_by(&self) -> Option<&ClassifiedBy<'a>> {
        self.classified_by.as_ref()
    }

    /// True for a partial record (`This record is a partial extract ...`, or a header of
    /// `PAGE 01` / `INFO LOG-00` blocks).
    pub fn partial(&self) -> bool {
        self.partial
    }

    /// The old name of [`Cable::partial`], kept while other branches move over.
    #[doc(hidden)]
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// Span of the routing header (empty when there is none).
    pub fn header_span(&self) -> Span {
        self.header_span
    }

    /// Span of the metadata block (banner to `Classified By`).
    pub fn metadata_span(&self) -> Span {
        self.metadata_span
    }

    /// Span of the body: everything after the metadata block.
    pub fn body_span(&self) -> Span {
        self.body
    }

    /// The body text as written.
    pub fn body(&self) -> &'a str {
        self.body.slice(self.source)
    }

    /// The envelope (page table or CSV columns) the cable came with, if any.
    pub fn envelope(&self) -> Option<&'a Envelope<'a>> {
        self.envelope
    }

    /// Everything odd but usable that the parser met, in text order.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}
