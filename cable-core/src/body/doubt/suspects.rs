//! Which paragraphs of a body the doubt pass reads line by line for transmission debris or an
//! odd paragraph number (see the parent module), and where the passages' inline notes may open
//! (`(Note:`, `(Comment:`), and where `END SUMMARY` may stand: one search of the body for all
//! four, made before the passages and read by both. (The passages searched each paragraph for every `(` again, a memchr call per
//! paragraph and a stop at each parenthesis, to find the few that open a note.)

use crate::body::passages::end_word;
use crate::model::Paragraph;
use crate::span::Span;
use crate::text::literals::Literals;
use smallvec::SmallVec;
use std::sync::LazyLock;

/// A piece of three bytes or more of each of `doubt`'s forms of transmission debris (`NNNN`,
/// `@@@OASYS`, `Classified Website`, ...): the SIMD searcher reads each block of text through
/// one pair of byte tables per byte of its patterns' shortest length, up to four, so pieces of
/// three cost a quarter less than the forms, and their first bytes are as rare in text (`Cla`
/// and `CLA` were not).
pub(super) const FORM_PIECES: [&str; 5] = ["NNN", "@@@", "Website", "Web Site", "WEBSITE"];

/// What stands before the marking of an odd paragraph number (`2, (U)`, `15 (SBU)`): a digit
/// or a comma, a space and `(`. Each ends in `(`, which no piece of [`FORM_PIECES`] holds.
const NUMBER_PIECES: [&str; 11] = ["0 (", "1 (", "2 (", "3 (", "4 (", "5 (", "6 (", "7 (", "8 (", "9 (", ", ("];

/// How an inline note opens (`(Note:`, `(COMMENT -`): `(` and the first two letters of `NOTE`
/// or `COMMENT`, in every case (the passages compare the words ignoring case).
const NOTE_PIECES: [&str; 8] = ["(NO", "(No", "(nO", "(no", "(CO", "(Co", "(cO", "(co"];

/// [`FORM_PIECES`], [`NUMBER_PIECES`], [`NOTE_PIECES`] and the cases of the summary's end
/// word's piece (`MMA` of `END SUMMARY`, [`end_word::SUMMARY_PIECE`]), searched for at once (leftmost
/// first, the packed SIMD searcher itself: behind `AhoCorasick` each match was confirmed again).
///
/// In an order that keeps the searcher's false candidates few: it tells a block's candidates by
/// eight buckets of patterns, a pattern's bucket set by its place in the list (`7 - place % 8`)
/// unless a pattern before it has the same low half-bytes (`Web`, `WEB`; `(NO`, `(no`), and a
/// bucket of unlike patterns passes what mixes their bytes: `  (` of a bucket of `, (` and
/// `0 (`. So the forms, `, (`, each note's letters and two digits have a bucket each, the other
/// digits share those of the digits (`5 (` and `0 (` let through nothing else) or of the rarest
/// words. No piece of one list can overlap a piece of another but where a note's piece starts
/// at the `(` that ends a number's (`2 (NOTE`: [`search`] looks there), so every piece is found
/// or lies within a piece found. The summary's piece shares the bucket of the notes' `(NO`,
/// placed where a new piece gets that bucket (`(nO` after it joins it all the same): a bucket
/// of `[(MNmn]`... passes little else (`hno` of `technology`, `mmo` of `common`). No other
/// piece holds its letters where one could overlap it, so that every match of it is found.
/// (32 patterns keep the narrow searcher; more would not.)
static PIECES: LazyLock<Literals> = LazyLock::new(|| {
    let [nnn, at, website, web_site, website_caps] = FORM_PIECES;
    let [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, comma] = NUMBER_PIECES;
    let [no, no1, no2, no3, co, co1, co2, co3] = NOTE_PIECES;
    let summary = end_word::cases(end_word::SUMMARY_PIECE);
    let (mma, summary_rest) = summary.split_first().expect("a piece has its own case");
    Literals::new(
        [
            nnn,
            at,
            website,
            comma,
            no,
            co,
            d0,
            d1,
            d2,
            d3,
            d4,
            no1,
            mma,
            no3,
            d5,
            d6,
            web_site,
            website_caps,
            d7,
            co1,
            co2,
            co3,
            d8,
            d9,
            no2,
        ]
        .into_iter()
        .chain(summary_rest.iter().map(String::as_str)),
    )
});

/// What a body's paragraphs hold, found by [`search`] for the passages and the doubts.
pub(crate) struct Found {
    /// Where the searched text starts in the source.
    from: u32,
    /// The matches of [`FORM_PIECES`] in order, as spans of the source.
    forms: Vec<Span>,
    /// The matches of [`NUMBER_PIECES`] whose `(` opens a portion marking (`2, (U)`), in order,
    /// as spans of the source.
    numbers: Vec<Span>,
    /// Each `(` followed by `NO` or `CO` in any case (`(Note`, `(COMMENT`). In order, offsets in
    /// the source.
    notes: Vec<u32>,
    /// Where `MMA` of `END SUMMARY` stands in any case, in order, offsets in the source. (Held
    /// inline up to eight: a cable has few, and a fourth list on the heap cost most cables one
    /// more allocation.)
    summaries: SmallVec<[u32; 8]>,
}

/// The search of the text of `paragraphs` in `source` (from the first one's start to the
/// furthest end).
pub(crate) fn search(source: &str, paragraphs: &[Paragraph<'_>]) -> Found {
    let from = paragraphs.first().map_or(0, |p| p.text_span.start);
    let to = paragraphs.iter().map(|p| p.text_span.end).max().unwrap_or(from).max(from);
    let text = Span::new(from, to).slice(source).as_bytes();
    let mut found =
        Found { from, forms: Vec::new(), numbers: Vec::new(), notes: Vec::new(), summaries: SmallVec::new() };
    let b = source.as_bytes();
    for m in PIECES.matches(text) {
        let span = Span::new(from + m.start as u32, from + m.end as u32);
        match Piece::of(&text[m]) {
            Piece::Note => found.notes.push(span.start),
            Piece::Number => {
                // Only where the marking an odd number needs stands after it: most of these
                // pieces are `Article 2 (b)` or `1 (one)`, and each sent its paragraph's lines
                // one by one through the per-line test. (A marking is read up to its `)`, which
                // the cleaned line holds too where that test finds one: the same answer.)
                let space = span.end as usize - 2;
                if source.get(space..).is_some_and(|s| crate::classification::Marking::parse_prefix(s).is_some()) {
                    found.numbers.push(span);
                }
                // (A note's piece from this `(` was not searched for.)
                let open = span.end as usize - 1;
                if b.get(open + 1..open + 3).is_some_and(|l| matches!(l[0] | 0x20, b'n' | b'c') && l[1] | 0x20 == b'o')
                {
                    found.notes.push(open as u32);
                }
            }
            Piece::Form => found.forms.push(span),
            Piece::Summary => found.summaries.push(span.start),
        }
    }
    found
}

/// Which list a match of [`PIECES`] is a piece of.
#[derive(Clone, Copy, PartialEq)]
enum Piece {
    Form,
    Number,
    Note,
    Summary,
}

impl Piece {
    /// Told by where its `(` is: a note's opens with it, a number's ends with it, a form's
    /// holds none; the summary's opens with an `M`, which no other does.
    fn of(piece: &[u8]) -> Piece {
        match (piece.first(), piece.last()) {
            (Some(b'M' | b'm'), _) => Piece::Summary,
            (Some(b'('), _) => Piece::Note,
            (_, Some(b'(')) => Piece::Number,
            _ => Piece::Form,
        }
    }
}

impl Found {
    /// Where an inline note may open in `span` (a paragraph's text): the offsets in the source of
    /// each `(` followed by `NO` or `CO` in any case, in order. (Any other `(` opens none.)
    pub(crate) fn note_opens(&self, span: Span) -> impl Iterator<Item = u32> + '_ {
        let first = self.notes.partition_point(|&o| o < span.start);
        self.notes[first..].iter().copied().take_while(move |&o| o < span.end)
    }

    /// Where [`end_word::SUMMARY_PIECE`] stands in any case wholly inside `span` (a paragraph's
    /// text, or its end), as offsets in the span, in order: every match of it in that text.
    pub(crate) fn summary_pieces(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let first = self.summaries.partition_point(|&o| o < span.start);
        let n = end_word::SUMMARY_PIECE.len() as u32;
        self.summaries[first..].iter().take_while(move |&&o| o + n <= span.end).map(move |&o| (o - span.start) as usize)
    }

    /// The doubts' reading of the matches, paragraph by paragraph ([`Suspects::of`]).
    pub(super) fn suspects<'s>(&'s self, source: &'s str) -> Suspects<'s> {
        Suspects { found: self, next: 0, last_end: self.from, source }
    }
}

/// What a paragraph's text may hold, by [`Suspects::of`].
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Marks {
    /// A piece of a form of transmission debris (`NNN`, `Website`): the per-line search for
    /// the forms runs.
    pub trailer: bool,
    /// A digit or a comma, a space and `(` (`2, (U)`): an odd paragraph number may stand in it.
    pub number: bool,
}

/// The matches of [`search`], handed out to the paragraphs in order.
///
/// A form piece inside a paragraph is found by the one search or lies within a match it found,
/// which then overlaps the paragraph: a paragraph that no match overlaps holds none. (An
/// overlapping match may run past the paragraph's ends: the marks only let exact per-line
/// tests run, so that one too many costs a little time and never a change of output.)
pub(super) struct Suspects<'s> {
    found: &'s Found,
    /// The first form match not yet handed out wholly.
    next: usize,
    /// Where the last paragraph asked about ends: one that starts before is searched on its own.
    last_end: u32,
    source: &'s str,
}

impl Suspects<'_> {
    /// What the text of `span` (a paragraph's) may hold.
    pub(super) fn of(&mut self, span: Span) -> Marks {
        // A number's piece counts only inside the span (the number `1 ` before a paragraph's
        // `(C)` is not its text's): the first that starts in it, if it ends in it too.
        let numbers = &self.found.numbers;
        let first = numbers.partition_point(|m| m.start < span.start);
        let number = numbers.get(first).is_some_and(|m| m.end <= span.end);
        if span.start < self.last_end {
            // (Out of order or overlapping the last one: its matches may be handed out.)
            let text = span.slice(self.source).as_bytes();
            let trailer = PIECES.matches(text).any(|m| Piece::of(&text[m]) == Piece::Form);
            return Marks { trailer, number };
        }
        self.last_end = span.end;
        let mut trailer = false;
        let forms = &self.found.forms;
        while let Some(m) = forms.get(self.next).filter(|m| m.start < span.end) {
            trailer |= m.end > span.start;
            if m.end > span.end {
                // (It may overlap the next paragraph too.)
                break;
            }
            self.next += 1;
        }
        Marks { trailer, number }
    }
}
