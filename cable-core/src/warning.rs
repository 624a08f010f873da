//! Warnings: everything odd but usable that the parser met, with where it met it.

use crate::span::Span;
use std::fmt;

/// What kind of irregularity a [`Warning`] reports.
///
/// Serialised in `snake_case` (`unrecognised_line`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum WarningKind {
    /// A line in the header or metadata block that matches no known form; it is kept in the
    /// cable's elements and its span is reported here.
    UnrecognisedLine,
    /// A date-time group, declassification date or envelope date that does not form a valid date.
    InvalidDate,
    /// A header line of a known kind whose content does not follow the format
    /// (a `DE` line without serial, a security line with an unknown group, ...).
    MalformedHeaderLine,
    /// A keyword written in a damaged form that was still understood (`TAGE`, `SUBJ`, a
    /// letter-spaced classification missing letters, `UUNCLAS`).
    DamagedKeyword,
    /// The classification banner (`C O N F I D E N T I A L ... MOSCOW 005434`) lacks the station
    /// and serial, so no reference id could be built from it.
    MissingStationSerial,
    /// The year of the cable is unknown (no date-time group, no envelope date, no year given by
    /// the caller): the reference id is incomplete.
    UnknownYear,
    /// A metadata field (TAGS, SUBJECT, E.O., Classified By) occurs more than once; the first
    /// is kept.
    DuplicateField,
    /// The envelope's reference id differs from the one built from the text.
    EnvelopeReferenceIdMismatch,
    /// The envelope's creation date differs from the date-time group.
    EnvelopeDateMismatch,
    /// The envelope's classification level differs from the classification banner.
    EnvelopeClassificationMismatch,
    /// The routing header's security line (`ZNY SSSSS`) disagrees with the classification banner.
    SecurityLineMismatch,
    /// A page-break marker (`MOSCOW 00005434 002 OF 002`, `PAGE 02 ...`) was found inside a
    /// metadata field and removed from it.
    PageBreakInField,
    /// Bytes that were not valid UTF-8 (or NUL and other control characters) were replaced when
    /// the input was decoded.
    LossyDecoding,
    /// A paragraph number was mangled (`12.` for ¶2: a pilcrow read as the digit 1); the true
    /// number was recovered from the sequence.
    RecoveredParagraphNumber,
    /// A paragraph has the same number as the one before it; the number is kept.
    DuplicateParagraphNumber,
    /// Paragraph numbers jump (`3.` after `1.`); the number is kept.
    SkippedParagraphNumber,
    /// A paragraph number is lower than the one before (`¶10.` after `¶11.`); the number is
    /// kept.
    UnorderedParagraphNumber,
    /// A later section's header gives another date-time group than the cable's (issue 13).
    SectionDtgMismatch,
    /// A paragraph ends in a line that reads as a caption: probably the next paragraph's heading,
    /// read as text (a guess from layout; see `body::doubt`).
    DoubtHeadingInText,
    /// The text ends in a name in capitals and no signature was found: probably the signature.
    DoubtSignatureInText,
    /// Transmission ends, website footers or archive stamps inside a paragraph's text.
    DoubtTrailerInText,
    /// An unnumbered block among numbered paragraphs (or before the first): it may belong to a
    /// field or paragraph elsewhere.
    DoubtStrayText,
    /// A paragraph number with odd punctuation inside the text (`2, (U) Drafted by`): probably a
    /// paragraph of its own, read as text.
    DoubtNumberInText,
    /// A portion marking at the start of a paragraph that was not read (`(N/SF)`, `C - ENTIRE
    /// TEXT.`).
    DoubtMarkingInText,
    /// A block of prose after a blank line inside a numbered paragraph: perhaps an unnumbered
    /// paragraph of its own.
    DoubtParagraphSplit,
    /// More than 500 warnings of one kind: the first 500 are kept, the rest dropped, and this
    /// warning points at the first dropped one (a text of 10,000 repeated paragraph numbers made
    /// ten times its size of warnings; real cables have at most about 60 warnings in all).
    TooManyWarnings,
    /// More than [`MAX_PARAGRAPHS`](crate::warning::MAX_PARAGRAPHS) paragraphs: the rest of the
    /// text continues the last one, and this warning points at where the next one would have
    /// started (a text of 100,000 one-word paragraphs took 37 times its size in JSON).
    TooManyParagraphs,
    /// A paragraph with more than [`MAX_ITEMS`](crate::warning::MAX_ITEMS) sub-items: the lines
    /// after the last one continue it (its text keeps them all). The warning points at the
    /// paragraph.
    TooManyItems,
}

/// The most sub-items [`Paragraph::items`](crate::Paragraph::items) gives for one paragraph (see
/// [`WarningKind::TooManyItems`]): the longest lists of the corpus have about 300.
pub const MAX_ITEMS: usize = 1000;

/// The most paragraphs a cable is split into (see [`WarningKind::TooManyParagraphs`]): far
/// above any real cable (the longest of the corpus have about 110), low enough that a text made
/// only of empty paragraphs stays within 20 times its size in JSON.
pub const MAX_PARAGRAPHS: usize = 4000;

/// The most warnings of one kind a cable keeps (see [`WarningKind::TooManyWarnings`]).
pub(crate) const MAX_PER_KIND: usize = 500;

/// Keeps at most [`MAX_PER_KIND`] warnings of each kind of the sorted `warnings`, in order, and
/// adds a [`WarningKind::TooManyWarnings`] at the first one dropped of each kind.
pub(crate) fn limit(warnings: &mut Vec<Warning>) {
    if warnings.len() <= MAX_PER_KIND {
        return;
    }
    let mut seen: std::collections::HashMap<WarningKind, usize> = std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(warnings.len().min(4 * MAX_PER_KIND));
    for w in warnings.drain(..) {
        let n = seen.entry(w.kind).or_insert(0);
        *n += 1;
        if *n <= MAX_PER_KIND {
            kept.push(w);
        } else if *n == MAX_PER_KIND + 1 {
            kept.push(Warning::new(WarningKind::TooManyWarnings, w.span));
        }
    }
    *warnings = kept;
}

crate::names::names!(WarningKind {
    UnrecognisedLine => "unrecognised_line",
    InvalidDate => "invalid_date",
    MalformedHeaderLine => "malformed_header_line",
    DamagedKeyword => "damaged_keyword",
    MissingStationSerial => "missing_station_serial",
    UnknownYear => "unknown_year",
    DuplicateField => "duplicate_field",
    EnvelopeReferenceIdMismatch => "envelope_reference_id_mismatch",
    EnvelopeDateMismatch => "envelope_date_mismatch",
    EnvelopeClassificationMismatch => "envelope_classification_mismatch",
    SecurityLineMismatch => "security_line_mismatch",
    PageBreakInField => "page_break_in_field",
    LossyDecoding => "lossy_decoding",
    RecoveredParagraphNumber => "recovered_paragraph_number",
    DuplicateParagraphNumber => "duplicate_paragraph_number",
    SkippedParagraphNumber => "skipped_paragraph_number",
    UnorderedParagraphNumber => "unordered_paragraph_number",
    SectionDtgMismatch => "section_dtg_mismatch",
    DoubtHeadingInText => "doubt_heading_in_text",
    DoubtSignatureInText => "doubt_signature_in_text",
    DoubtTrailerInText => "doubt_trailer_in_text",
    DoubtStrayText => "doubt_stray_text",
    DoubtNumberInText => "doubt_number_in_text",
    DoubtMarkingInText => "doubt_marking_in_text",
    DoubtParagraphSplit => "doubt_paragraph_split",
    TooManyWarnings => "too_many_warnings",
    TooManyParagraphs => "too_many_paragraphs",
    TooManyItems => "too_many_items",
});

impl WarningKind {
    /// A short lowercase description, as shown to users.
    pub fn message(self) -> &'static str {
        use WarningKind::*;
        match self {
            UnrecognisedLine => "unrecognised line",
            InvalidDate => "invalid date",
            MalformedHeaderLine => "malformed header line",
            DamagedKeyword => "damaged keyword",
            MissingStationSerial => "classification line without station and serial",
            UnknownYear => "year unknown: reference id incomplete",
            DuplicateField => "metadata field repeated",
            EnvelopeReferenceIdMismatch => "envelope reference id differs from the text",
            EnvelopeDateMismatch => "envelope date differs from the date-time group",
            EnvelopeClassificationMismatch => "envelope classification differs from the banner",
            SecurityLineMismatch => "security line differs from the classification banner",
            PageBreakInField => "page-break marker inside a field",
            LossyDecoding => "invalid bytes replaced while decoding",
            RecoveredParagraphNumber => "mangled paragraph number recovered from the sequence",
            DuplicateParagraphNumber => "paragraph number repeated",
            SkippedParagraphNumber => "paragraph numbers skipped",
            UnorderedParagraphNumber => "paragraph number lower than the one before",
            SectionDtgMismatch => "a later section's date-time group differs from the cable's",
            DoubtHeadingInText => "a caption line at the end of the paragraph: probably the next one's heading",
            DoubtSignatureInText => "a name in capitals ends the text: probably the signature",
            DoubtTrailerInText => "transmission or website debris inside the text",
            DoubtStrayText => "an unnumbered block among numbered paragraphs",
            DoubtNumberInText => "a paragraph number inside the text",
            DoubtMarkingInText => "a portion marking at the start of the text was not read, or read by a guess",
            DoubtParagraphSplit => "prose after a blank line inside a numbered paragraph",
            TooManyWarnings => "more than 500 warnings of one kind: the rest are dropped",
            TooManyParagraphs => "more than 4000 paragraphs: the rest of the text is the last one's",
            TooManyItems => "more than 1000 sub-items in a paragraph: the rest continue the last one",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// Something odd but usable in a cable: what it was and which bytes it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Warning {
    /// What kind of irregularity this is.
    pub kind: WarningKind,
    /// The bytes concerned (empty at the start of the text when the warning is about the cable
    /// as a whole, e.g. [`WarningKind::UnknownYear`]).
    pub span: Span,
}

impl Warning {
    /// A warning of `kind` about `span`.
    pub fn new(kind: WarningKind, span: Span) -> Self {
        Warning { kind, span }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.kind, self.span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_five_hundred_warnings_of_a_kind() {
        let w = |kind, at| Warning::new(kind, Span::new(at, at + 1));
        let mut ws: Vec<Warning> = (0..3000).map(|i| w(WarningKind::DuplicateParagraphNumber, i)).collect();
        ws.insert(1500, w(WarningKind::InvalidDate, 1500));
        limit(&mut ws);
        assert_eq!(ws.len(), 502);
        assert_eq!(ws[500], w(WarningKind::TooManyWarnings, 500));
        assert_eq!(ws[501], w(WarningKind::InvalidDate, 1500));
    }
}
