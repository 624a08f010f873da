//! The field names: one `CABLE_FIELD_*` constant per key of the JSON contract (nested objects
//! flattened with their key as prefix: `routing.station` is `CABLE_FIELD_ROUTING_STATION`), the
//! one vocabulary of the field accessors (`cable_str`, `cable_int`, ...).
//!
//! Each constant says what the field holds and which accessor reads it: `str` (a `CableStr`),
//! `strs` (a `CableStrs`), `int` (an `int64_t` through an out-parameter), `span`, or `records`
//! (a list of records: `cable_count` / `cable_record`). The cable's own fields are those of
//! its root record (`cable_root`).
//! Record fields name the records that have them. Strings marked "static" are valid for the
//! life of the program. Field values are plain constants (not an enum) so that any value a C
//! caller passes is safe: an unknown field, or one the record lacks, reads as absent.

/// Names a field for the field accessors: one of the `CABLE_FIELD_*` constants.
pub type CableField = u32;

/// Span: the routing header (absent when the text has none).
pub const CABLE_FIELD_HEADER: CableField = 0;
/// Span: the metadata block, banner to `Classified By` (absent when empty).
pub const CABLE_FIELD_METADATA: CableField = 1;
/// Span: the body, everything after the metadata block.
pub const CABLE_FIELD_BODY: CableField = 2;
/// Str, span: the transmission id, format line 1 (`VZCZCXRO9060`).
pub const CABLE_FIELD_TRANSMISSION_ID: CableField = 3;
/// Str: the date-time group as written (`171231Z NOV 07`); span: its line (`O 171231Z NOV 07`).
pub const CABLE_FIELD_DTG: CableField = 4;
/// Str, span: the originator of the `FM` line (`AMEMBASSY MOSCOW`).
pub const CABLE_FIELD_SENDER: CableField = 5;
/// Span: the classification banner line.
pub const CABLE_FIELD_BANNER: CableField = 6;
/// Span: the `E.O.` line.
pub const CABLE_FIELD_EO: CableField = 7;
/// Str: the subject, joined into one line, case kept; span: as written.
pub const CABLE_FIELD_SUBJECT: CableField = 8;
/// Str: the `Classified By:` line after the keyword, as written (joined when it wraps); span:
/// its text.
pub const CABLE_FIELD_CLASSIFIED_BY: CableField = 9;
/// Str. Of a cable: the text it was parsed from, after decoding (for pages and CSV rows: the
/// telegram text extracted from them), into which every span indexes. Of a paragraph, sub-item
/// or passage: its text cleaned (page and section breaks cut out, the interrupted sentence
/// rejoined, wrapped lines joined with a space, a sub-item starting a new line; a passage's
/// paragraphs separated by a blank line, its keywords such as `Summary:` left out). Of a
/// reference: as written (its own words when its item cites several cables). Of a tag or
/// redaction: the text of its span. Of a warning: the text of its span as the JSON's `text`
/// gives it, at most 200 bytes (cut at a character boundary; the span has the whole).
pub const CABLE_FIELD_TEXT: CableField = 10;
/// Str: where the cable was read, as the `cable` command and Python name it: `path:row` for a
/// row of `cable_csv_next`; absent for a cable parsed from bytes.
pub const CABLE_FIELD_SOURCE: CableField = 11;
/// Str: the reference id, 2-digit year, station and serial without leading zeros
/// (`07MOSCOW5434`); absent when the year or the station and serial are unknown.
pub const CABLE_FIELD_REFERENCE_ID: CableField = 12;
/// Int: when the cable was sent, in seconds since 1970-01-01T00:00:00Z: the date-time group,
/// or the envelope's date when the text has none.
pub const CABLE_FIELD_CREATED: CableField = 13;
/// Str, static: the action precedence of the date-time group (`ROUTINE`, `PRIORITY`,
/// `IMMEDIATE`, `NIACT IMMEDIATE`, `FLASH`, `EMERGENCY`); of an addressee, its delivery
/// precedence.
pub const CABLE_FIELD_PRECEDENCE: CableField = 14;
/// Str, static: the info precedence, when the date-time group line has two letters
/// (`O P 071948Z OCT 08` → `PRIORITY`).
pub const CABLE_FIELD_INFO_PRECEDENCE: CableField = 15;
/// Str: the station of the reference id (`MOSCOW`), known even when the year is not; of a
/// station (static), its envelope origin name (`Embassy Moscow`).
pub const CABLE_FIELD_ORIGIN: CableField = 16;
/// Int: the serial of the reference id (`5434`); of a reference, the serial it cites.
pub const CABLE_FIELD_SERIAL: CableField = 17;
/// Str: precedence prosign of the relay line (`OO`).
pub const CABLE_FIELD_ROUTING_RELAY_PRECEDENCE: CableField = 18;
/// Strs: routing indicators of the relay line (`RUEHDBU`; relays, not addressees).
pub const CABLE_FIELD_ROUTING_RELAYS: CableField = 19;
/// Str: originating station routing indicator of the `DE` line (`RUEHMO`).
pub const CABLE_FIELD_ROUTING_STATION: CableField = 20;
/// Str: station serial number of the `DE` line, as written (`5434`).
pub const CABLE_FIELD_ROUTING_SERIAL: CableField = 21;
/// Int: section number of the `DE` line (`#5434/01` → 1).
pub const CABLE_FIELD_ROUTING_SECTION: CableField = 22;
/// Str: Julian day and time of transmission of the `DE` line (`3211231`).
pub const CABLE_FIELD_ROUTING_JULIAN_TIME: CableField = 23;
/// Str: the security warning group (`ZNY CCCCC`).
pub const CABLE_FIELD_ROUTING_SECURITY: CableField = 24;
/// Str: operating signals after the security group (`ZZH`).
pub const CABLE_FIELD_ROUTING_SIGNALS: CableField = 25;
/// Str, static: the classification level (`UNCLASSIFIED`, `SBU`, `LIMITED OFFICIAL USE`,
/// `CONFIDENTIAL`, `SECRET`, `TOP SECRET`), from the banner, else the security line, else the
/// envelope.
pub const CABLE_FIELD_CLASSIFICATION: CableField = 26;
/// Strs: captions and handling caveats (`SIPDIS`, `NOFORN`), in order, without repeats; of a
/// marking, its caveats, upper case, `NF` expanded (`(S//NF)` → `NOFORN`; `REL GERMANY`).
pub const CABLE_FIELD_CAVEATS: CableField = 27;
/// Strs: distribution lines (`STATE FOR EUR/WE`, `PASS TO USAID`), each joined when it wraps.
pub const CABLE_FIELD_DISTRIBUTION: CableField = 28;
/// Int: the section number of `SECTION 01 OF 02` (or of the `DE` line alone).
pub const CABLE_FIELD_SECTION_NUMBER: CableField = 29;
/// Int: the section total of `SECTION 01 OF 02`.
pub const CABLE_FIELD_SECTION_TOTAL: CableField = 30;
/// Str: the number of the executive order of the `E.O.` line (`12958`).
pub const CABLE_FIELD_EO_ORDER: CableField = 31;
/// Int: the declassification date, when the instruction is one: its midnight UTC in seconds
/// since 1970-01-01.
pub const CABLE_FIELD_EO_DECLASSIFY_ON: CableField = 32;
/// Str: the declassification instruction as written (`11/16/2017`, `OADR`, `1.6X1`).
pub const CABLE_FIELD_EO_DECLASSIFY_RAW: CableField = 33;
/// Strs: TAGS, canonical: upper case, in order, without repeats, misspellings fixed and glued
/// tags split (`PREL`, `WAR CRIMES`; `ECONEFIN` gives `ECON` and `EFIN`). Records: one per
/// tag, with its `TEXT` and its `SPAN` as written.
pub const CABLE_FIELD_TAGS: CableField = 34;
/// Strs: TAGS as written (`ECONEFIN`, `PG0V`), upper case, in order, without repeats.
pub const CABLE_FIELD_TAGS_RAW: CableField = 35;
/// Strs: person names of the `Classified By:` line, titles removed (`William J. Burns`).
pub const CABLE_FIELD_CLASSIFIED_BY_NAMES: CableField = 36;
/// Strs: classification reasons, normalised (`1.4 (b/d)` → `1.4(b)`, `1.4(d)`).
pub const CABLE_FIELD_CLASSIFIED_BY_REASONS: CableField = 37;
/// Int: 1 for a partial record (`This record is a partial extract ...`, `PAGE 01` /
/// `INFO LOG-00` header blocks), else 0.
pub const CABLE_FIELD_PARTIAL: CableField = 38;
/// Str, static: the container the cable came in: `cablegate_html` (a page) or `cables_csv` (a
/// row of `cable_csv_next`); absent for plain text, as are all `ENVELOPE_*` fields.
pub const CABLE_FIELD_ENVELOPE_KIND: CableField = 39;
/// Int: row id of a CSV row (its first column).
pub const CABLE_FIELD_ENVELOPE_ROW_ID: CableField = 40;
/// Str: the container's reference id (page table, third CSV column), as written.
pub const CABLE_FIELD_ENVELOPE_REFERENCE_ID: CableField = 41;
/// Str: the container's creation date as written (`2007-11-17 12:12`, `11/17/2007 12:31`).
pub const CABLE_FIELD_ENVELOPE_CREATED: CableField = 42;
/// Str: the page's release date as written (pages only).
pub const CABLE_FIELD_ENVELOPE_RELEASED: CableField = 43;
/// Str: the container's classification as written (`SECRET//NOFORN`).
pub const CABLE_FIELD_ENVELOPE_CLASSIFICATION: CableField = 44;
/// Str: the container's origin as written (`Embassy Moscow`).
pub const CABLE_FIELD_ENVELOPE_ORIGIN: CableField = 45;
/// Strs: referenced ids the container lists (sixth CSV column: `66STATE106206`).
pub const CABLE_FIELD_ENVELOPE_REFERENCES: CableField = 46;
/// Str: the signature as written, the last line of names (`BURNS`, `KEEGAN PAAL`); span: it.
pub const CABLE_FIELD_SIGNATURE: CableField = 47;
/// Strs: the names of the signature, split (`KEEGAN PAAL` → `KEEGAN`, `PAAL`).
pub const CABLE_FIELD_SIGNERS: CableField = 48;
/// Records: the action addressees (`TO` lines), with `ROUTE`, `NAME`, `OFFICE`, `PRECEDENCE`,
/// `MCN`, `EXCLUDED`, `SPAN`.
pub const CABLE_FIELD_TO: CableField = 49;
/// Records: the information addressees (`INFO` lines), as `TO`.
pub const CABLE_FIELD_INFO: CableField = 50;
/// Records: the portion marking that starts the subject (`SUBJECT: (C) ...`), none or one, with
/// `LEVEL`, `RAW`, `CAVEATS`.
pub const CABLE_FIELD_SUBJECT_MARKING: CableField = 51;
/// Records: the marking of the whole text, none or one, when a paragraph declares one
/// (`1. CONFIDENTIAL - ENTIRE TEXT.`), with `LEVEL`, `RAW`, `CAVEATS` (`ENTIRE TEXT` is its
/// scope, not a caveat) and `SPAN`.
pub const CABLE_FIELD_DOCUMENT_MARKING: CableField = 52;
/// Records: the references of the REF block(s), with `LABEL`, `KIND`, `ID`, `STATION`,
/// `SERIAL`, `YEAR`, `TEXT`.
pub const CABLE_FIELD_REFERENCES: CableField = 53;
/// Records: the paragraphs of the body in text order (numbered paragraphs, or blocks between
/// blank lines in cables without numbers), with `NUMBER`, `WRITTEN_NUMBER`, `MARKING`,
/// `HEADING`, `HEADING_SPAN`, `TEXT`, `TEXT_SPAN`, `SPAN`, `ITEMS`.
pub const CABLE_FIELD_PARAGRAPHS: CableField = 54;
/// Records: the summary (`Summary:` ... `End Summary.`, `BEGIN SUMMARY`, a `Summary` heading),
/// none or one, with `KIND`, `TEXT`, `SPAN`, `FIRST_PARAGRAPH`, `LAST_PARAGRAPH`.
pub const CABLE_FIELD_SUMMARY: CableField = 55;
/// Records: the comment (`Comment:` ... `End Comment.`, a `Comment` heading), as `SUMMARY`.
pub const CABLE_FIELD_COMMENT: CableField = 56;
/// Records: the action request (`ACTION REQUEST:`, an `Action Request` heading), as `SUMMARY`.
pub const CABLE_FIELD_ACTION_REQUEST: CableField = 57;
/// Records: inline notes and comments in parentheses (`(Note: ... End note.)`,
/// `(Comment: ...)`) in text order, as `SUMMARY`.
pub const CABLE_FIELD_NOTES: CableField = 58;
/// Records: cross-references in the paragraphs' text (`REF A`, `para 13`, `septel`) in text
/// order, with `KIND`, `PARAGRAPH`, `TARGET`, `NUMBER`, `SPAN`.
pub const CABLE_FIELD_LINKS: CableField = 59;
/// Records: the drafting block (`DRAFTED BY:`, `CLEARED:`, `APPROVED BY:`), none or one, with
/// `DRAFTED`, `CLEARED`, `APPROVED`, `SPAN` (the whole block).
pub const CABLE_FIELD_DRAFTING: CableField = 60;
/// Records: the redactions, runs of four or more `X` (names the publishers removed) anywhere in
/// the text, in text order, with `TEXT` and `SPAN`.
pub const CABLE_FIELD_REDACTIONS: CableField = 61;
/// Records: page and section breaks in the body, cut out of the text they interrupt, with
/// `KIND`, `PAGE`, `SPAN`.
pub const CABLE_FIELD_BREAKS: CableField = 62;
/// Records: the sections of a telegram sent in sections (`SECTION 02 OF 05`) as the text holds
/// them (the first, then one per later section's header block; none for one section), with
/// `NUMBER`, `TOTAL`, `SPAN` and `HEADER_SPAN`.
pub const CABLE_FIELD_SECTIONS: CableField = 63;
/// Records: the warnings, everything odd but usable the parser met, in text order, with `KIND`,
/// `MESSAGE`, `SPAN`, `TEXT`.
pub const CABLE_FIELD_WARNINGS: CableField = 64;
/// Span of a record as written: an addressee's line; the document marking; a paragraph from its
/// number to the end of its text (heading excluded, breaks inside included); a sub-item from
/// its label to its last line; a passage (keywords excluded); a link's label or number
/// (`A` of `REF A`); the drafting block; a break's lines; a section from its header block to the
/// next; the text a warning is about (empty at 0 when about the whole cable); a tag; a
/// redaction.
pub const CABLE_FIELD_SPAN: CableField = 65;
/// Str, static: the kind of a record. Reference: `cable`, `email`, `telcon`, `memcon`,
/// `report`, `other`. Passage: `summary`, `comment`, `action_request`, `note`,
/// `inline_comment`. Link: `reference` (`REF A`), `paragraph` (`para 13`),
/// `reference_paragraph` (`para 2 of REF A`), `septel`. Break: `page` (a page marker or
/// `PAGE nn` banner), `section` (a later section's repeated header). Warning: as in the JSON
/// (`unrecognised_line`, `lossy_decoding`, ...; the README lists them).
pub const CABLE_FIELD_KIND: CableField = 66;
/// Str, addressee: routing indicator before the slash (`RUEHC` in `RUEHC/SECSTATE WASHDC`).
pub const CABLE_FIELD_ROUTE: CableField = 67;
/// Str, addressee: plain-language address (`SECSTATE WASHDC`).
pub const CABLE_FIELD_NAME: CableField = 68;
/// Str, addressee: office after a `//` (`ECJ3/ECJ4`).
pub const CABLE_FIELD_OFFICE: CableField = 69;
/// Str, addressee: message continuity number as written (`5322`, `0121`, `2276-2279`).
pub const CABLE_FIELD_MCN: CableField = 70;
/// Strs, addressee: posts excluded (`XMT`) from a collective (`AMEMBASSY PARIS`).
pub const CABLE_FIELD_EXCLUDED: CableField = 71;
/// Str, static, marking: the level it names (`(S//NF)` → `SECRET`), as `CLASSIFICATION`.
pub const CABLE_FIELD_LEVEL: CableField = 72;
/// Str, marking: as written, parentheses included (`(S//NF)`).
pub const CABLE_FIELD_RAW: CableField = 73;
/// Str: the label of a reference without punctuation (`A` for `A.`); of a sub-item, as written
/// (`A.`, `(1)`, `--`).
pub const CABLE_FIELD_LABEL: CableField = 74;
/// Str, reference: canonical id of the cable it cites (`07STATE12345`); absent for other kinds
/// and when the year is unknown.
pub const CABLE_FIELD_ID: CableField = 75;
/// Str: the station of the cable a reference cites, spaces removed (`SAOPAULO`); of a station
/// (static), the station of reference ids (`MOSCOW`).
pub const CABLE_FIELD_STATION: CableField = 76;
/// Int, reference: four-digit year of the cable it cites (written in the item, else the citing
/// cable's year).
pub const CABLE_FIELD_YEAR: CableField = 77;
/// Int. Paragraph: its number as written, or the true number recovered from the sequence when
/// the written one is mangled (`12.` read as 2, with a warning); absent when unnumbered. Link:
/// the paragraph number it cites (`para 13` → 13). Section: its number (from its banner).
pub const CABLE_FIELD_NUMBER: CableField = 78;
/// Str, paragraph: its number as written, pilcrow and period included (`12.`, `¶4.`).
pub const CABLE_FIELD_WRITTEN_NUMBER: CableField = 79;
/// Records, paragraph: its portion marking (`(C)`, `(S//NF)`), none or one, as
/// `SUBJECT_MARKING`.
pub const CABLE_FIELD_MARKING: CableField = 80;
/// Str, paragraph: the heading above it (`Lavrov's Letter`), joined into one line.
pub const CABLE_FIELD_HEADING: CableField = 81;
/// Span, paragraph: the caption line(s) of its heading (rules excluded).
pub const CABLE_FIELD_HEADING_SPAN: CableField = 82;
/// Span, paragraph: its text as written (after its marking to its end, breaks included).
pub const CABLE_FIELD_TEXT_SPAN: CableField = 83;
/// Records, paragraph: its sub-items, lines starting with a label (`A.`, `(1)`, `--`, `-`) and
/// the lines continuing them (still part of its text), with `LABEL`, `TEXT`, `SPAN`.
pub const CABLE_FIELD_ITEMS: CableField = 84;
/// Int, passage: index of the first paragraph it covers (a note: the one it is in).
pub const CABLE_FIELD_FIRST_PARAGRAPH: CableField = 85;
/// Int, passage: index of the last paragraph it covers.
pub const CABLE_FIELD_LAST_PARAGRAPH: CableField = 86;
/// Int, link: index of the paragraph whose text holds it.
pub const CABLE_FIELD_PARAGRAPH: CableField = 87;
/// Int, link: what it names: the index of a reference (`reference`, `reference_paragraph`) or
/// of a paragraph (`paragraph`); absent for `septel` and when the cable lacks it (`REF D`).
pub const CABLE_FIELD_TARGET: CableField = 88;
/// Str, drafting: the drafter as written (`POL:MBURROWS`).
pub const CABLE_FIELD_DRAFTED: CableField = 89;
/// Strs, drafting: clearances, in order (`POL:PHILBURN`).
pub const CABLE_FIELD_CLEARED: CableField = 90;
/// Str, drafting: the approver (`AMB:SEEIZENSTAT`).
pub const CABLE_FIELD_APPROVED: CableField = 91;
/// Int, break: the page it starts, when it says (`PAGE 03` → 3, `002 OF 002` → 2).
pub const CABLE_FIELD_PAGE: CableField = 92;
/// Int, section: how many sections the telegram has, as its banner says.
pub const CABLE_FIELD_TOTAL: CableField = 93;
/// Span, section: its header block (the first section's: the cable's header and metadata).
pub const CABLE_FIELD_HEADER_SPAN: CableField = 94;
/// Str, static, warning: a short lowercase description (`unrecognised line`).
pub const CABLE_FIELD_MESSAGE: CableField = 95;
/// Str, static, station: the usual plain-language address (`AMEMBASSY MOSCOW`).
pub const CABLE_FIELD_PLAD: CableField = 96;
/// Strs, static, station: its plain-language addresses, the usual one first.
pub const CABLE_FIELD_PLADS: CableField = 97;
/// Strs, static, station: its routing indicators (`RUEHMO`); none when the corpus showed none.
pub const CABLE_FIELD_ROUTES: CableField = 98;
/// Str, static, station: the host country (`Russia`).
pub const CABLE_FIELD_COUNTRY: CableField = 99;
/// Str, static, station: the host country's TAGS geographic code (`RS`).
pub const CABLE_FIELD_GEO: CableField = 100;

/// Number of fields: every `CABLE_FIELD_*` is below it.
pub(crate) const FIELDS: usize = 101;
