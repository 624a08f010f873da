//! Cleaned text of a stretch of the body: the source with page breaks cut out, lines joined
//! and conversion debris (`<br>`, `SIPDIS` stamped at line starts) removed. Computed on access,
//! so parsing never copies text; borrowed when the stretch is one clean line.

pub(crate) mod drafting;
pub(crate) mod keywords;
mod label;
pub(crate) mod literals;
pub(crate) mod rule;
mod table;
pub(crate) mod xref;

pub(crate) use label::{item_label, opens_prose};
pub(crate) use table::{clean_in, each_clean_line, first_ending_after};

use crate::span::Span;
use std::borrow::Cow;

/// The cleaned text of `span` in `source` without the bytes of `gaps` (sorted, inside `span`).
///
/// Wrapped lines are joined with a space (a word split after a hyphen is joined without one);
/// a line that starts a sub-item (`A.`, `--`, `(1)`) starts a new line of the result.
pub(crate) fn clean<'a>(source: &'a str, span: Span, gaps: &[Span]) -> Cow<'a, str> {
    // A stretch of one line (most headings and captions): the line cleaned, without the
    // joining's state.
    if gaps.is_empty() {
        if let Some(t) = clean_one_line(span.slice(source)) {
            return Cow::Borrowed(t);
        }
    }
    let mut joined = Joined::new(span.len());
    each_piece(source, span, gaps, |piece| joined.push_clean(clean_line(piece)));
    joined.finish()
}

/// [`clean`] of `text` when it is one line (no `\n` or `\r`): the line cleaned, or nothing for
/// a rule, as joining it alone gives it.
#[inline]
fn clean_one_line(text: &str) -> Option<&str> {
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_some() {
        return None;
    }
    let t = clean_line(text);
    Some(if rule::is_rule(t) { "" } else { t })
}

/// [`clean`]'s joining of cleaned lines, one at a time, for a caller that reads the lines for
/// something else in the same pass (a paragraph's items beside its text).
pub(crate) struct Joined<'a> {
    first: Option<&'a str>,
    out: Option<String>,
    capacity: usize,
}

impl<'a> Joined<'a> {
    /// Joining lines of a stretch of `capacity` bytes (the room taken once a second line comes;
    /// 0 when the size is not known: the text grows as it needs).
    pub(crate) fn new(capacity: usize) -> Self {
        Joined { first: None, out: None, capacity }
    }

    /// [`push`](Self::push), the way of a line that [`opens_prose`] (most lines) inlined.
    #[inline(always)]
    fn push_clean(&mut self, t: &'a str) {
        if opens_prose(t) {
            self.push_prose(t);
        } else {
            self.push(t);
        }
    }

    /// Adds a cleaned line (an empty one adds nothing).
    pub(crate) fn push(&mut self, piece: &'a str) {
        self.push_labelled(piece, || label::item_label(piece));
    }

    /// [`push`](Self::push) for a caller that has read the line's item label already
    /// (`label` gives [`item_label`] of `piece`, asked only when the line is joined to another).
    pub(crate) fn push_labelled(&mut self, piece: &'a str, label: impl FnOnce() -> Option<usize>) {
        // A rule is layout, not text (`... CANNOT BE RULED OUT.` / `-----` / `END SUMMARY AND
        // COMMENT`, 89MOSCOW31607): the elements keep its bytes.
        if piece.is_empty() || rule::is_rule(piece) {
            return;
        }
        match (&mut self.out, self.first) {
            (None, None) => self.first = Some(piece),
            (None, Some(f)) => self.start(f, piece, label()),
            (Some(s), _) => push_joined(s, piece, label()),
        }
    }

    /// [`push`](Self::push) of a line that [`opens_prose`]: no rule, no label, so it is joined
    /// with a space (none after a word broken at a hyphen). Most lines of most paragraphs are
    /// such lines: this path asks nothing else of them (and calls nothing but the copy).
    #[inline]
    pub(crate) fn push_prose(&mut self, piece: &'a str) {
        match (&mut self.out, self.first) {
            (Some(s), _) => push_prose_joined(s, piece),
            (None, None) => self.first = Some(piece),
            (None, Some(f)) => self.start(f, piece, None),
        }
    }

    /// The text of the first line `f` and the second, `piece` (its item label `label`): the one
    /// allocation, out of line (once a paragraph).
    #[inline(never)]
    fn start(&mut self, f: &str, piece: &str, label: Option<usize>) {
        // (Without a known size: room for twice the two lines.)
        let capacity = if self.capacity == 0 { 2 * (f.len() + piece.len() + 1) } else { self.capacity };
        let mut s = String::with_capacity(capacity);
        s.push_str(f);
        push_joined(&mut s, piece, label);
        self.out = Some(s);
    }

    /// The text joined so far (what [`finish`](Self::finish) would give).
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match (&self.out, self.first) {
            (Some(s), _) => s,
            (None, Some(f)) => f,
            (None, None) => "",
        }
    }

    /// Joining that goes on from `so_far`, the text of lines joined already, whose first line
    /// is `first` (`so_far` opens with it): as if those lines had been pushed.
    pub(crate) fn resume(first: &'a str, so_far: &str, capacity: usize) -> Self {
        let out = (so_far.len() > first.len()).then(|| {
            let mut s = String::with_capacity(capacity.max(so_far.len()));
            s.push_str(so_far);
            s
        });
        Joined { first: Some(first), out, capacity }
    }

    /// The text: borrowed when it is one line.
    pub(crate) fn finish(self) -> Cow<'a, str> {
        match (self.out, self.first) {
            (Some(s), _) => Cow::Owned(s),
            (None, Some(f)) => Cow::Borrowed(f),
            (None, None) => Cow::Borrowed(""),
        }
    }
}

/// [`clean`] without the rule lines ([`rule::is_rule`]): a heading of two lines, each
/// underlined, keeps its words only.
pub(crate) fn clean_without_rules(source: &str, span: Span) -> Cow<'_, str> {
    let text = span.slice(source);
    // (A heading of one line, most: cleaned by the one search for its line breaks.)
    if let Some(t) = clean_one_line(text) {
        return Cow::Borrowed(t);
    }
    if !text.contains('\n') || !text.lines().any(rule::is_rule) {
        return clean(source, span, &[]);
    }
    // The rule lines become gaps.
    let mut gaps = Vec::new();
    let mut at = span.start;
    for l in text.split_inclusive('\n') {
        if rule::is_rule(l) {
            gaps.push(Span::new(at, at + l.len() as u32));
        }
        at += l.len() as u32;
    }
    clean(source, span, &gaps)
}

/// Hands `f` the lines (or parts of lines) of `span` outside `gaps`, as [`pieces`] gives them.
/// The loop [`clean`] and the paragraphs' text and items run on every line of every paragraph
/// the JSON writes: written out over each segment, it costs the line's `memchr2` and little
/// more, where the iterator's state (segment, rest, first or later) was kept between calls.
#[inline]
pub(crate) fn each_piece<'a>(source: &'a str, span: Span, gaps: &[Span], mut f: impl FnMut(&'a str)) {
    let mut later = false;
    for seg in segments(source, span, gaps) {
        // As in `Pieces`: the line break that ends a page break's line is no blank line.
        let rest = if std::mem::replace(&mut later, true) { strip_line_break(seg) } else { seg };
        // Each `\n` or `\r` cuts (a CRLF leaves an empty piece between, as `pieces` gives it);
        // a segment that ends its last line has no empty line after it, an empty one is one
        // empty piece. (`f` is called from one place: a closure called from two stayed a call
        // per line, its state read and written through pointers.)
        let mut start = 0;
        let mut breaks = crate::lines::line_breaks(rest.as_bytes());
        loop {
            let end = match breaks.next() {
                Some(i) => i,
                None if start < rest.len() || rest.is_empty() => rest.len(),
                None => break,
            };
            f(&rest[start..end]);
            if end == rest.len() {
                break;
            }
            start = end + 1;
        }
    }
}

/// The lines (or parts of lines) of `span` outside `gaps`.
pub(crate) fn pieces<'a, 'g>(source: &'a str, span: Span, gaps: &'g [Span]) -> impl Iterator<Item = &'a str> + 'g
where
    'a: 'g,
{
    Pieces { segments: Segments { source, at: span.start, end: span.end, gaps, next_gap: 0 }, later: false, rest: None }
}

/// The lines of each segment in turn, split at `\n` and `\r` (`\r\n` gives an empty line
/// between, which cleaning drops), found with memchr: this runs on every line of every
/// paragraph whose text is asked for. Written out as one iterator: the chain of adapters it
/// replaced (enumerate, flat_map, from_fn) cost more per line than finding the line's end.
struct Pieces<'a, 'g> {
    segments: Segments<'a, 'g>,
    /// Past the first segment.
    later: bool,
    /// What is left of the current segment; `None` when it is done.
    rest: Option<&'a str>,
}

impl<'a> Iterator for Pieces<'a, '_> {
    type Item = &'a str;
    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        loop {
            if let Some(r) = self.rest {
                return Some(match memchr::memchr2(b'\n', b'\r', r.as_bytes()) {
                    Some(i) => {
                        // A segment that ends its last line (before a page break) has no empty
                        // line after it: the break is no blank line of the text.
                        self.rest = Some(&r[i + 1..]).filter(|r| !r.is_empty());
                        &r[..i]
                    }
                    None => {
                        self.rest = None;
                        r
                    }
                });
            }
            let seg = self.segments.next()?;
            // The line break that ends a page break's line starts the next segment: no blank
            // line.
            self.rest = Some(if std::mem::replace(&mut self.later, true) { strip_line_break(seg) } else { seg });
        }
    }
}

fn strip_line_break(seg: &str) -> &str {
    seg.strip_prefix("\r\n").or_else(|| seg.strip_prefix('\n')).unwrap_or(seg)
}

/// The parts of `span` in `source` between its `gaps` (sorted, inside `span`), lines kept
/// together.
pub(crate) fn segments<'a, 'g>(source: &'a str, span: Span, gaps: &'g [Span]) -> impl Iterator<Item = &'a str> + 'g
where
    'a: 'g,
{
    Segments { source, at: span.start, end: span.end, gaps, next_gap: 0 }
}

/// The parts of a span between its gaps.
struct Segments<'a, 'g> {
    source: &'a str,
    at: u32,
    end: u32,
    gaps: &'g [Span],
    next_gap: usize,
}

impl<'a> Iterator for Segments<'a, '_> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        while self.at < self.end {
            let stop = match self.gaps.get(self.next_gap) {
                Some(g) if g.start < self.end => g.start.max(self.at),
                _ => self.end,
            };
            let seg = Span::new(self.at, stop);
            if let Some(g) = self.gaps.get(self.next_gap).filter(|g| g.start < self.end) {
                self.at = g.end.max(stop);
                self.next_gap += 1;
            } else {
                self.at = self.end;
            }
            if !seg.is_empty() {
                return Some(seg.slice(self.source));
            }
        }
        None
    }
}

/// One line without surrounding space, trailing `<br>` tags, or a `SIPDIS` stamp at its start
/// (partial records have `SIPDIS` inserted before the first word of some lines).
#[inline]
pub(crate) fn clean_line(line: &str) -> &str {
    // Most lines need nothing: tested inline (this runs on every line of every paragraph the
    // JSON writes), the rest out of line.
    let mut b = line.as_bytes();
    // (The lines of `cables.csv` end in a space.)
    while let [rest @ .., b' '] = b {
        b = rest;
    }
    if cleans_to_itself(b) {
        // (Only ASCII spaces were cut: a char boundary.)
        return &line[..b.len()];
    }
    clean_other(line)
}

/// True when [`clean_line`] leaves `b` as it is: it opens and ends with an ASCII byte that is
/// no space (nothing to trim, no no-break space), opens no anchor (`[`; `¶` is not ASCII), no
/// stamp (`SIPDIS`, `Sipdis`; the bytes after `Si` only looked at for such a line) and is no
/// lone `-` (three bytes at least), and ends in no tag (`>`).
#[inline]
fn cleans_to_itself(b: &[u8]) -> bool {
    match b {
        &[f, s, .., z] => {
            f > b' '
                && f < 0x80
                && f != b'['
                && z > b' '
                && z < 0x80
                && z != b'>'
                && !(f == b'S' && s | 0x20 == b'i' && opens_stamp(b))
        }
        _ => false,
    }
}

/// `b` opens with the `SIPDIS` stamp in either case `clean_other` removes: `Since`, `Signed`,
/// `SIGNIFICANT` need no cleaning.
#[inline(never)]
fn opens_stamp(b: &[u8]) -> bool {
    b.starts_with(b"SIPDIS") || b.starts_with(b"Sipdis")
}

/// [`clean_line`] of a line that may need more than nothing.
#[inline(never)]
fn clean_other(line: &str) -> &str {
    let mut l = trim(line);
    if cleans_to_itself(l.as_bytes()) {
        return l;
    }
    while l.ends_with('>') {
        let before = l.len();
        for tag in ["<br>", "<br/>", "<br />", "<BR>"] {
            if let Some(s) = l.strip_suffix(tag) {
                l = trim(s);
            }
        }
        if l.len() == before {
            break;
        }
    }
    // (`Sipdis`: the pages print the stamp in mixed case, 07KUWAIT808.)
    if l == "SIPDIS" || l == "Sipdis" || l == "-" {
        return "";
    }
    // The site's paragraph anchor before anything that looks like a number (`O/A August` /
    // `¶15.  In addition`), and its markdown form.
    // (Both anchors start with `[` or `¶`'s first byte: most lines skip the tests.)
    if matches!(l.as_bytes().first(), Some(b'[' | 0xC2)) {
        for anchor in ["[¶](#)", "¶"] {
            if let Some(rest) = l.strip_prefix(anchor) {
                l = rest;
                break;
            }
        }
    }
    // The stamp went in after a line that ended in `Secretary`, before the next line's first
    // word, whatever its case (`... will play important` / `SIPDIS roles in the SED ...`,
    // 07BEIJING1840).
    if let Some(rest) = l.strip_prefix("SIPDIS ").or_else(|| l.strip_prefix("Sipdis ")) {
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            l = trim(rest);
        }
    }
    l
}

/// True when [`clean_line`] leaves nothing of `t` (already trimmed): `SIPDIS`, `-`, `<br>`s.
/// The cheap test first: a line that ends in none of `S`, `s`, `-`, `>`, `)`, `¶` keeps its text.
pub(crate) fn cleans_to_nothing(t: &str) -> bool {
    matches!(t.as_bytes().last(), Some(b'S' | b's' | b'-' | b'>' | b')' | 0xB6)) && clean_line(t).is_empty()
}

/// True for a line that holds no text once cleaned (spaces, `<br>`).
pub(crate) fn is_blank(line: &str) -> bool {
    let t = trim(line);
    t.is_empty() || (t.starts_with('<') && clean_line(t).is_empty())
}

/// `s` without leading and trailing whitespace (ASCII and the no-break space): [`crate::scan::trim`].
/// (Inline: `clean_line` calls it on every line, and the call cost as much as the trim.)
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    crate::scan::trim(s)
}

/// `label` is [`item_label`] of `next`.
fn push_joined(out: &mut String, next: &str, label: Option<usize>) {
    if item_start_labelled(out, next, label).is_some() {
        out.push('\n');
        out.push_str(next);
    } else {
        push_continued(out, next, || next.starts_with(|c: char| c.is_alphabetic()));
    }
}

/// [`push_joined`] of a line that [`opens_prose`] (its first byte an ASCII letter or digit, so
/// that the byte says whether it opens with a letter).
#[inline(always)]
fn push_prose_joined(out: &mut String, next: &str) {
    push_continued(out, next, || next.as_bytes().first().is_some_and(u8::is_ascii_alphabetic));
}

/// Appends `next`, which starts no item, as more of the text: after a space, or right after a
/// word broken at a hyphen (`inter-` / `national`) when `opens_with_letter` (asked only then).
#[inline(always)]
fn push_continued(out: &mut String, next: &str, opens_with_letter: impl FnOnce() -> bool) {
    let hyphen = matches!(out.as_bytes(), [.., a, b'-'] if a.is_ascii_alphabetic()) && opens_with_letter();
    if !hyphen {
        out.push(' ');
    }
    out.push_str(next);
}

/// The length of the label of the sub-item that `next` starts, if it starts one: a bullet or
/// letter label always, a number label (`15.`) only after a line that ended a sentence
/// (`O/A August` / `15.  In addition` is a date).
pub(crate) fn item_start(before: &str, next: &str) -> Option<usize> {
    item_start_labelled(before, next, label::item_label(next))
}

/// [`item_start`] with [`item_label`] of `next` read already.
#[inline]
pub(crate) fn item_start_labelled(before: &str, next: &str, label: Option<usize>) -> Option<usize> {
    // (Most lines have no label: that test inline, the rest out of line.)
    label.and_then(|n| labelled_item_start(before, next, n))
}

/// [`item_start_labelled`] of a line with a label of `n` bytes.
#[inline(never)]
fn labelled_item_start(before: &str, next: &str, n: usize) -> Option<usize> {
    if next.as_bytes()[0].is_ascii_digit() && n > 1 {
        return (!ends_mid_sentence(before.trim_end())).then_some(n);
    }
    if next.as_bytes()[0] == b'-' && dash_aside(before, &next[n..]) {
        return None;
    }
    Some(n)
}

/// A dash that opens an aside in the middle of a sentence, not a `--` item: the line before ends
/// in a lower-case word or a comma and the words after the dash go on in lower case (`... killed
/// a predicament` / `-- a predicament they hadn't expected ...`, 04RANGOON542; `... Operation
/// Enduring Freedom` / `-- specifically the airstrikes ...`, 07MADRID911).
fn dash_aside(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    // (After an item of its own the dash opens the next item: `-- one` / `-- two`. `before` may
    // be all the text joined so far: its last line found from the end by memrchr, and only
    // when the other tests hold.)
    let last_line = || &before[memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1)..];
    before.ends_with(|c: char| c.is_ascii_lowercase() || c == ',')
        && after.trim_start().starts_with(|c: char| c.is_ascii_lowercase())
        && !last_line().trim_start().starts_with('-')
}

/// True when `line` ends inside a sentence: no closing punctuation, or an abbreviation that
/// a date goes on after (`the week of Sept.` / `15.  END NOTE)`).
pub(crate) fn ends_mid_sentence(line: &str) -> bool {
    const ABBREVIATIONS: &[&str] =
        &["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "No."];
    if !line.ends_with(['.', ':', ';', '!', '?', ')', '"', '\u{201d}', '-']) {
        return true;
    }
    // Only a short last word ending in `.` can be one of the abbreviations: look at the last
    // six bytes only. (`line` may be all the text joined so far: searching it for its last
    // space made joining lines without spaces quadratic, 80,000 lines of `12.` took 0.9 s.)
    let mut from = line.len().saturating_sub(6);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let last = line[from..].rsplit(' ').next().unwrap_or("");
    last.len() <= 5 && last.ends_with('.') && ABBREVIATIONS.iter().any(|a| last.eq_ignore_ascii_case(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loop the JSON writer uses gives the pieces the iterator gives: line ends of every
    /// kind (`\n`, `\r\n`, a lone `\r`), blank lines, a final line break or none, an empty
    /// span, and gaps (page breaks) cut out of the middle of a line and at a line's end.
    #[test]
    fn each_piece_gives_what_pieces_gives() {
        let texts = [
            "one\ntwo\n\nthree",
            "one\r\ntwo\r\n\r\nthree\r\n",
            "old\rmac\r\rlines\r",
            "\n\nlead\n",
            "x",
            "",
            "text before PAGE 02 OF 03 text after\nnext line\n",
            "end of a page\nMOSCOW 00005434 002 OF 002\nthe page after\n\n",
            // A page break that ends the span, and one on a line of its own.
            "the last words PAGE 02",
            "words\nPAGE 02\n\nmore words",
            "words\nPAGE 02\n",
        ];
        for text in texts {
            let whole = Span::new(0, text.len() as u32);
            let mut gapped = vec![vec![]];
            if let Some(at) = text.find("PAGE").or_else(|| text.find("MOSCOW")) {
                let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
                gapped.push(vec![Span::new(at as u32, end as u32)]);
            }
            for gaps in &gapped {
                let mut looped = Vec::new();
                each_piece(text, whole, gaps, |p| looped.push(p));
                let iterated: Vec<&str> = pieces(text, whole, gaps).collect();
                assert_eq!(looped, iterated, "{text:?} {gaps:?}");
            }
        }
    }

    fn cleaned(text: &str, gaps: &[Span]) -> String {
        clean(text, Span::new(0, text.len() as u32), gaps).into_owned()
    }

    #[test]
    fn trim_handles_no_break_spaces() {
        assert_eq!(trim(" \u{a0} x y\u{a0}\t"), "x y");
        assert_eq!(trim("\u{a0}"), "");
        assert_eq!(trim("é "), "é");
    }

    #[test]
    fn one_clean_line_is_borrowed() {
        let t = "By hinting at differences.";
        assert!(matches!(clean(t, Span::new(0, t.len() as u32), &[]), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_join_and_gaps_are_cut() {
        // A dash aside in mid-sentence is no `--` item (04RANGOON542); a list after a colon is.
        assert_eq!(
            cleaned("nearly up against the deposit ceiling\n-- a predicament they hadn't expected", &[]),
            "nearly up against the deposit ceiling -- a predicament they hadn't expected"
        );
        assert_eq!(
            cleaned("three types of illegal logging in Russia:\n-- unauthorized commercial logging;\n-- theft", &[]),
            "three types of illegal logging in Russia:\n-- unauthorized commercial logging;\n-- theft"
        );
        let t = "had rejected the proposal without\n\nMOSCOW 00005434 002 OF 002\n\nhesitation, and";
        let gap = Span::new(35, 61);
        assert_eq!(&t[gap.range()], "MOSCOW 00005434 002 OF 002");
        assert_eq!(cleaned(t, &[gap]), "had rejected the proposal without hesitation, and");
        assert_eq!(cleaned("SEAS JURIS- \nDICTION NOW", &[]), "SEAS JURIS-DICTION NOW");
        assert_eq!(cleaned("as follows:\n-- one\n-- two", &[]), "as follows:\n-- one\n-- two");
    }

    #[test]
    fn the_quick_test_of_a_clean_line_agrees_with_the_full_one() {
        for line in [
            "THE GOAL OF \"SECULAR- ",
            "PRECHT ",
            "  indented line  ",
            "SIPDIS ",
            "Sipdis",
            "SIPDIS roles in the SED",
            "So the minister said",
            "- ",
            "-- a bullet",
            "[\u{b6}](#)9. text",
            "\u{b6}15.  In addition",
            "text <br>",
            "text\u{a0}",
            "ab",
            "a",
            "",
        ] {
            assert_eq!(clean_line(line), clean_other(line), "{line:?}");
        }
    }

    #[test]
    fn debris_is_removed() {
        assert_eq!(cleaned("Summary:  With the <br>\nreferendum <br>\n<br>", &[]), "Summary:  With the referendum");
        assert_eq!(cleaned("OFFERED FOUR\nSIPDIS SCENARIOS UNDER", &[]), "OFFERED FOUR SCENARIOS UNDER");
        // 07BEIJING1840 (dev CSV) and 07KUWAIT808 (its page), lines as written.
        assert_eq!(
            cleaned("will play important\nSIPDIS roles in the SED", &[]),
            "will play important roles in the SED"
        );
        assert_eq!(cleaned("Financial Crimes\n\nSipdis\nPatrick O'Brien", &[]), "Financial Crimes Patrick O'Brien");
        assert_eq!(cleaned("O/A August\n¶15.  In addition", &[]), "O/A August 15.  In addition");
        assert!(is_blank(" <br> "));
        assert!(!is_blank("<b>x</b>"));
    }
}
