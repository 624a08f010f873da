//! The line classifier: what a line can be, told by its first and last bytes and its length
//! once, when the text is split, so that the walkers test a bit instead of asking each
//! recogniser of `crate::shape` in turn.
//!
//! A [`Shape`] says what a line *may* be, never what it is: each bit is the cheap first test of
//! a recogniser (a page break starts with `P` or ends in a digit, a rule starts with a dash, a
//! paragraph number with a digit, a pilcrow or `(`), and the recogniser still decides. A line
//! with none of the bits that open a structure ([`Shape::is_plain`]) can be nothing but text:
//! the body walk takes it as more of the open paragraph without asking anything else.
//!
//! The rule, separator and number recognisers' own first tests use the same byte sets
//! ([`opens_rule`], [`opens_separator`], [`opens_number`]); a test holds the other bits to the
//! plain tests they stand for (the page break's, the lone classification's, the section's), on
//! every line of the fixtures, so that a bit and its recogniser cannot drift apart.

/// What a line may be (bits), from its trimmed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape(u16);

impl Shape {
    /// Nothing but whitespace.
    const EMPTY: u16 = 1;
    /// Opens with `<`: a line of `<br>` tags is blank once cleaned.
    const TAG: u16 = 1 << 1;
    /// Over 96 bytes: text (no break, banner or header line is that long), unless a `PAGE`
    /// banner with content after it.
    const LONG: u16 = 1 << 2;
    /// May be a rule (`-----`, `=====`, `‐‐‐‐`): opens with a rule's byte.
    const RULE: u16 = 1 << 3;
    /// May be the teletype paragraph separator (`-`, `--`): opens with `-` or a no-break space.
    const SEPARATOR: u16 = 1 << 4;
    /// May open with a paragraph number or a portion marking (`1.`, `¶1.`, `[¶](#)1.`, `(C)`,
    /// `(1) (U)`).
    const NUMBER: u16 = 1 << 5;
    /// May be a page break: a page marker (ends in a digit), a `PAGE` banner, or a lone
    /// classification line (starts and ends with a letter of a classification word).
    const PAGE: u16 = 1 << 6;
    /// May be a `PAGE` banner: opens with `P` or `p`.
    const PAGE_BANNER: u16 = 1 << 7;
    /// May be a routing header, banner or control line of a later section, or the lone
    /// classification or transmission end before one: at most 80 bytes, opening with an
    /// upper-case letter or a digit, and ending in a digit or the `Z` of a time, or opening with
    /// `ZN` (`ZNY CCCCC ZZH`) or `NNNN`, or shaped like a lone classification.
    const HEADER: u16 = 1 << 8;
    /// Ends in `-` or `>`: may end in a rule (`Comment -------`) or a tag.
    const RULED_END: u16 = 1 << 9;
    /// Ends in an upper-case ASCII letter: a page-foot classification may be glued to it.
    const UPPER_END: u16 = 1 << 10;
    /// Ends like a line that cleans to nothing (`SIPDIS`, `-`, `<br>`, `)`, `¶`).
    const CLEAN_END: u16 = 1 << 11;
    /// Cleans to itself: `text::clean_line` leaves the line as it is (it opens with none of `S`
    /// of a `SIPDIS` stamp, `-`, `[` or `¶` of an anchor, and ends in no tag).
    const CLEAN: u16 = 1 << 15;
    /// The bits of a line that may open or be a structure of the body other than text.
    const STRUCTURE: u16 = Self::EMPTY | Self::TAG | Self::RULE | Self::SEPARATOR | Self::NUMBER | Self::RULED_END;

    // Bits of the tables below that are no shape of their own, only parts of one (above the
    // sixteen bits a `Shape` keeps):
    /// A first byte that opens a rarer test: `Z` or `N`, the first byte of `ZN` (`ZNY CCCCC
    /// ZZH`) and of `NNNN`.
    const RARE: u32 = 1 << 17;
    /// A header line's first byte (an upper-case letter or a digit) in the first table, its
    /// last byte (a digit or the `Z` of a time) in the second, and at most 80 bytes in the
    /// lengths' table: one AND of the three asks all.
    const HEADER_ENDS: u32 = 1 << 18;
    /// A lone classification line that a page break takes: a first byte that such a line may
    /// start with (`C`, `S`, `U`, ...) in the first table, a last byte that it may end with
    /// (`L`, `T`, `D`, ...) in the second, at most 64 bytes in the lengths' table. Its place
    /// moves down onto [`PAGE`](Self::PAGE) by the same shift as
    /// [`LONE_HEADER`](Self::LONE_HEADER)'s onto [`HEADER`](Self::HEADER).
    const LONE_PAGE: u32 = 1 << 24;
    /// A lone classification line that the section's header test takes: as
    /// [`LONE_PAGE`](Self::LONE_PAGE), but an upper-case first byte (a header line's) and at most
    /// 66 bytes.
    const LONE_HEADER: u32 = 1 << 26;
    /// The second byte that both lone bits need, each three places above its bit: past 14 bytes
    /// a lone classification line is upper-case or letter-spaced (its second byte is no small
    /// letter). Set for every byte but a small letter in the first table (which is read for the
    /// line's second byte too), and up to 14 bytes in the lengths' table.
    const SECOND_OK: u32 = (Self::LONE_PAGE | Self::LONE_HEADER) << 3;
    /// A last byte that ends a line's visible text as it is (no whitespace, no no-break space's
    /// last byte, no tag's `>`), in the last table only: the split's trim stops at it.
    const VISIBLE: u32 = 1 << 23;
    /// A first byte that may open an indent (ASCII whitespace, a no-break space's first byte),
    /// in the first table only: the line's indent is looked for behind it.
    const SPACE: u32 = 1 << 22;
    /// A full stop, in the last table only: it ends a page marker after a digit (`002 OF 002.`),
    /// where it moves down onto the digit's [`PAGE`](Self::PAGE) bit of the byte before it.
    const DOT: u32 = (Self::PAGE as u32) << 24;

    /// The bits a line's first byte gives. The shape's own bits are set where the byte gives
    /// them, but [`CLEAN`](Self::CLEAN) where it takes it away (either end can), so that the
    /// shape is the tables' OR with that bit flipped; [`LONE_PAGE`](Self::LONE_PAGE),
    /// [`LONE_HEADER`](Self::LONE_HEADER) and [`HEADER_ENDS`](Self::HEADER_ENDS) need the other
    /// tables' bits too (an AND).
    const FIRST: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            let mut s = 0;
            if c == b'<' {
                s |= Self::TAG;
            }
            if opens_rule(c) {
                s |= Self::RULE;
            }
            if opens_separator(c) {
                s |= Self::SEPARATOR;
            }
            if opens_number(c) || opens_marking(c) {
                s |= Self::NUMBER;
            }
            if c == b'P' || c == b'p' {
                s |= Self::PAGE_BANNER | Self::PAGE;
            }
            if matches!(c, b'S' | b'-' | b'[' | 0xC2) {
                s |= Self::CLEAN;
            }
            let mut s = s as u32;
            if matches!(c.to_ascii_uppercase(), b'C' | b'S' | b'U' | b'L' | b'T' | b'E' | b'O') {
                s |= Self::LONE_PAGE;
                if c.is_ascii_uppercase() {
                    s |= Self::LONE_HEADER;
                }
            }
            if c.is_ascii_uppercase() || c.is_ascii_digit() {
                s |= Self::HEADER_ENDS;
            }
            if c == b'Z' || c == b'N' {
                s |= Self::RARE;
            }
            if c.is_ascii_whitespace() || c == 0xC2 {
                s |= Self::SPACE;
            }
            if !c.is_ascii_lowercase() {
                s |= Self::SECOND_OK;
            }
            t[b] = s;
            b += 1;
        }
        t
    };

    /// The bits a line's last byte gives (set as in [`FIRST`](Self::FIRST)).
    const LAST: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            let mut s = 0;
            if c == b'-' || c == b'>' {
                s |= Self::RULED_END;
            }
            if c.is_ascii_uppercase() {
                s |= Self::UPPER_END;
            }
            if matches!(c, b'S' | b's' | b'-' | b'>' | b')' | 0xB6) {
                s |= Self::CLEAN_END;
            }
            if c.is_ascii_digit() {
                s |= Self::PAGE;
            }
            if c == b'>' {
                s |= Self::CLEAN;
            }
            let mut s = s as u32;
            if c == b'.' {
                s |= Self::DOT;
            }
            if matches!(c.to_ascii_uppercase(), b'L' | b'T' | b'D' | b'S' | b'E' | b'O') {
                s |= Self::LONE_PAGE | Self::LONE_HEADER;
            }
            if c.is_ascii_digit() || c == b'Z' {
                s |= Self::HEADER_ENDS;
            }
            if c > b' ' && c != 0xA0 && c != b'>' {
                s |= Self::VISIBLE;
            }
            t[b] = s;
            b += 1;
        }
        t
    };

    /// The bits a line's length gives: [`LONG`](Self::LONG), and the length limits of the
    /// tests that the ends open, each at the bit of the ends' tables that it limits, so that
    /// one AND asks both ([`LONE_PAGE`](Self::LONE_PAGE) up to 64 bytes,
    /// [`LONE_HEADER`](Self::LONE_HEADER) up to 66, [`HEADER_ENDS`](Self::HEADER_ENDS) up to
    /// 80). Indexed by the length, 127 for any longer
    /// line.
    const LENGTHS: [u32; 128] = {
        let mut t = [0u32; 128];
        let mut n = 0;
        while n < 128 {
            let mut s = 0;
            if n > 96 {
                s |= Self::LONG as u32;
            }
            if n <= 14 {
                s |= Self::SECOND_OK;
            }
            if n <= 64 {
                s |= Self::LONE_PAGE;
            }
            if n <= 66 {
                s |= Self::LONE_HEADER;
            }
            if n <= 80 {
                s |= Self::HEADER_ENDS;
            }
            t[n] = s;
            n += 1;
        }
        t
    };

    /// The shape of a line whose text without surrounding whitespace is `t`.
    #[cfg(test)]
    pub(crate) fn of(t: &str) -> Shape {
        Self::of_bytes(t.as_bytes())
    }

    /// The shape of a line whose bytes without surrounding whitespace are `b`: three table
    /// look-ups (first byte, last byte, length), their OR for the bits that one of them gives
    /// and their AND for those that need all, with two more look-ups for the lone
    /// classification's second byte and a marker's digit before a full stop; the header opening
    /// with `ZN` or `NNNN` only behind its first byte. (This runs on every line of every text:
    /// always inlined into the split loop, where it costs about 35 instructions and almost no
    /// mispredicted branch; the chain of tests and masks before the tables, about 40.)
    #[inline(always)]
    pub(crate) fn of_bytes(b: &[u8]) -> Shape {
        match b.first() {
            Some(&first) => Self::with_first(b, Self::FIRST[first as usize]),
            None => Shape(Self::EMPTY),
        }
    }

    /// True when a line that ends in `last` ends there, trimmed (see [`VISIBLE`](Self::VISIBLE)):
    /// one look-up in the table that the shape reads for the same byte.
    #[inline(always)]
    pub(crate) fn ends_visibly(last: u8) -> bool {
        Self::LAST[last as usize] & Self::VISIBLE != 0
    }

    /// The indent of a line whose text without trailing whitespace is `b`, and the shape of the
    /// rest: the first byte's table bits say whether the line may open with whitespace, and
    /// serve the shape when it does not (most lines); `indent_from` measures an indent.
    #[inline(always)]
    pub(crate) fn indent_and_shape(b: &[u8], indent_from: impl FnOnce(&[u8]) -> usize) -> (usize, Shape) {
        let Some(&first) = b.first() else { return (0, Shape(Self::EMPTY)) };
        let f = Self::FIRST[first as usize];
        if f & Self::SPACE == 0 {
            return (0, Self::with_first(b, f));
        }
        let indent = indent_from(b);
        (indent, Self::of_bytes(b.get(indent..).unwrap_or_default()))
    }

    /// [`of_bytes`](Self::of_bytes) of a non-empty `b` whose first byte's table bits are `f`.
    #[inline(always)]
    fn with_first(b: &[u8], f: u32) -> Shape {
        let Some(&last) = b.last() else { return Shape(Self::EMPTY) };
        let n = b.len();
        let (l, len) = (Self::LAST[last as usize], Self::LENGTHS[n.min(127)]);
        // The shape's own sixteen bits from either table or the length, with the bit that an
        // unclean first or last byte sets turned into `CLEAN`.
        let mut s = (f | l | len) as u16 ^ Self::CLEAN;
        // A header line's ends and length, each table's bit (moved down to the shape's bit).
        let all = f & l & len;
        const _: () = assert!(Shape::HEADER_ENDS == (Shape::HEADER as u32) << 10);
        s |= ((all & Self::HEADER_ENDS) >> 10) as u16;
        // The lone classification's and the dotted marker's bits from two more look-ups, by
        // shifts and ANDs rather than behind a branch: a third of the lines opened that branch
        // (every line ending in a full stop, every line with a classification word's ends), in
        // no order a predictor learns, and a third of those mispredicted it (0.7M a round of
        // the texts).
        // The second byte's first-table bits and the byte before the last one's last-table bits
        // (a line of one byte has neither: its length gives the second byte's bits it needs).
        let (second, before) =
            if n >= 2 { (Self::FIRST[b[1] as usize], Self::LAST[b[n - 2] as usize]) } else { (0, 0) };
        // Shaped like a lone classification by its ends, length and second byte (whose bits sit
        // three places up).
        let lone = all & ((second | len) >> 3);
        const _: () = assert!(Shape::LONE_PAGE >> 18 == Shape::PAGE as u32);
        const _: () = assert!(Shape::LONE_HEADER >> 18 == Shape::HEADER as u32);
        s |= (lone >> 18) as u16 & (Self::PAGE | Self::HEADER);
        // The rest of the page-break test (see [`maybe_page_break`]): a marker's last count may
        // carry a full stop (`002 OF 002.`): the last byte's `DOT` over the digit bit of the
        // byte before it.
        s |= ((l >> 24) & before) as u16 & Self::PAGE;
        let header_sized = f & len & Self::HEADER_ENDS != 0;
        // A header opening with `ZN` or `NNNN`: behind the first byte, which few lines open with.
        if f & Self::RARE != 0 && header_sized && (b.starts_with(b"ZN") || b.starts_with(b"NNNN")) {
            s |= Self::HEADER;
        }
        Shape(s)
    }

    /// Empty, or opening with a tag: blank, perhaps, once cleaned.
    pub(crate) fn may_be_blank(self) -> bool {
        self.0 & (Self::EMPTY | Self::TAG) != 0
    }
    /// Over 96 bytes.
    pub(crate) fn is_long(self) -> bool {
        self.0 & Self::LONG != 0
    }
    /// May open with a paragraph number or a portion marking (`1.`, `¶1.`, `(C)`, `(1) (U)`):
    /// the first byte of `body::number::written`, `number::parenthesised` and
    /// `Marking::parse_prefix` on a trimmed line.
    pub(crate) fn may_open_number(self) -> bool {
        self.0 & Self::NUMBER != 0
    }
    /// May be a rule.
    pub(crate) fn may_be_rule(self) -> bool {
        self.0 & Self::RULE != 0
    }
    /// May be a page break (marker, `PAGE` banner, lone classification).
    pub(crate) fn may_be_page_break(self) -> bool {
        self.0 & Self::PAGE != 0
    }
    /// May be a `PAGE` banner.
    pub(crate) fn may_be_page_banner(self) -> bool {
        self.0 & Self::PAGE_BANNER != 0
    }
    /// May be a header, banner or control line of a later section.
    pub(crate) fn may_be_header(self) -> bool {
        self.0 & Self::HEADER != 0
    }
    /// Ends in an upper-case letter.
    pub(crate) fn ends_upper(self) -> bool {
        self.0 & Self::UPPER_END != 0
    }
    /// Cleans to itself: `text::clean_line` of the trimmed line is the line.
    pub(crate) fn cleans_to_itself(self) -> bool {
        self.0 & (Self::CLEAN | Self::EMPTY) != 0
    }
    /// May clean to nothing (see `text::cleans_to_nothing`).
    pub(crate) fn may_clean_to_nothing(self) -> bool {
        self.0 & Self::CLEAN_END != 0
    }
    /// Opens and ends like text: no number, marking, rule, separator, tag or ruled end. In its
    /// place (inside an open paragraph, no caption pending, no rule below) such a line is more
    /// of the paragraph.
    pub(crate) fn is_plain(self) -> bool {
        self.0 & Self::STRUCTURE == 0
    }
}

/// A rule's first byte: `-`, `_`, `=`, `*`, `/`, or 0xE2, the first byte of the Unicode dashes
/// (U+2010..U+2015), which retyped cables use for rules (`‐‐‐‐‐‐`, 06PANAMA1457).
#[inline]
pub(crate) const fn opens_rule(b: u8) -> bool {
    matches!(b, b'-' | b'_' | b'=' | b'*' | b'/' | 0xE2)
}

/// The separator's first byte: `-`, or the first byte of a no-break space (which a trim skips).
#[inline]
pub(crate) const fn opens_separator(b: u8) -> bool {
    matches!(b, b'-' | 0xC2)
}

/// A paragraph number's first byte: a digit, `¶` (0xC2), the markdown anchor's `[`, or U+FFFD
/// (0xEF), a pilcrow lost in decoding.
#[inline]
pub(crate) const fn opens_number(b: u8) -> bool {
    matches!(b, b'0'..=b'9' | 0xC2 | b'[' | 0xEF)
}

/// A portion marking's first byte (`(C)`), or that of a parenthesised number (`(1) (U)`).
#[inline]
pub(crate) const fn opens_marking(b: u8) -> bool {
    b == b'('
}

/// The cheap test of a page break (`shape::pagebreak::page_break_at`), as the tables give it in
/// [`Shape::of`] (this plain form is the test's reference). Every form is told by its ends: a
/// marker ends in a digit or `.`, a banner starts with `PAGE`, a lone classification starts and
/// ends with a letter of a classification word. Almost every line of text fails it.
#[cfg(test)]
fn maybe_page_break(t: &str) -> bool {
    let (Some(&first), Some(&last)) = (t.as_bytes().first(), t.as_bytes().last()) else { return false };
    // (A marker's last count may carry a full stop: `002 OF 002.`.)
    let maybe_marker =
        last.is_ascii_digit() || (last == b'.' && t.as_bytes()[t.len().saturating_sub(2)].is_ascii_digit());
    let maybe_banner = first == b'P' || first == b'p';
    // (Past 14 bytes only upper-case or letter-spaced forms: the second byte is no small letter.)
    let maybe_lone = t.len() <= 64
        && matches!(first.to_ascii_uppercase(), b'C' | b'S' | b'U' | b'L' | b'T' | b'E' | b'O')
        && matches!(last.to_ascii_uppercase(), b'L' | b'T' | b'D' | b'S' | b'E' | b'O')
        && (t.len() <= 14 || !t.as_bytes()[1].is_ascii_lowercase());
    maybe_marker || maybe_banner || maybe_lone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_real_lines() {
        // Lines of 07MOSCOW5434 and 95ZAGREB2658.
        assert!(Shape::of("").may_be_blank() && !Shape::of("").is_plain());
        assert!(Shape::of("<br>").may_be_blank());
        assert!(Shape::of("MOSCOW 00005434 002 OF 002").may_be_page_break());
        assert!(Shape::of("PAGE 03        ZAGREB  02658  01 OF 02  171547Z").may_be_page_banner());
        assert!(Shape::of("CONFIDENTIAL").may_be_page_break());
        assert!(Shape::of("-----------------").may_be_rule());
        let text = Shape::of("elections, the Kremlin's candidate will win");
        assert!(text.is_plain() && !text.may_be_page_break() && !text.may_be_header());
        assert!(!Shape::of("1. (C) Summary: Russia's presidential").is_plain());
        assert!(!Shape::of("(C) Summary").is_plain());
        assert!(!Shape::of("Comment -------").is_plain());
        assert!(Shape::of("REPORTED BY THE EMBASSY  CONFIDENTIAL").ends_upper());
    }

    /// The table look-ups give what the tests they stand for give, on every line of the golden
    /// fixtures and on made-up ends (a bit that drifted from its recogniser's first test would
    /// send a line past that recogniser).
    #[test]
    fn tables_agree_with_the_tests_they_stand_for() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x != "json"))
            .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
            .collect();
        assert!(texts.len() > 50);
        let mut made = Vec::new();
        for a in ["", "P", "p", "C", "c", "S", "1", "(", "-", "<", "¶", "x", "E", "o", "ZN", "NNNN", "Th"] {
            for m in ["", "a", "AB", "onfidentia", "ONFIDENTIAL UNCLASSIF", " 00005434 002 OF 00"] {
                for z in ["", "L", "l", "2", ".", "-", ">", "s", ")", "¶", "D", "x", "Z", "e"] {
                    made.push(format!("{a}{m}{z}"));
                }
            }
        }
        texts.push(made.join("\n"));
        let mut lines = 0;
        for text in &texts {
            for t in text.lines().map(crate::scan::trim) {
                lines += 1;
                let s = Shape::of(t);
                let (first, last) = (t.bytes().next(), t.bytes().last());
                assert_eq!(s.may_be_page_break(), maybe_page_break(t), "{t:?}");
                assert_eq!(s.may_be_blank(), t.is_empty() || t.starts_with('<'), "{t:?}");
                assert_eq!(s.is_long(), t.len() > 96, "{t:?}");
                assert_eq!(s.may_be_rule(), first.is_some_and(opens_rule), "{t:?}");
                assert_eq!(s.may_be_page_banner(), t.starts_with(['P', 'p']), "{t:?}");
                assert_eq!(s.may_open_number(), first.is_some_and(|b| opens_number(b) || opens_marking(b)), "{t:?}");
                // (What `body::section` asks before its parsers: a header-like end or start, a lone
                // classification's first test, a transmission end.)
                let lone = t.len() <= 66
                    && first.is_some_and(|b| {
                        matches!(b.to_ascii_uppercase(), b'C' | b'S' | b'U' | b'L' | b'T' | b'E' | b'O')
                    })
                    && last.is_some_and(|b| matches!(b.to_ascii_uppercase(), b'L' | b'T' | b'D' | b'S' | b'E' | b'O'))
                    && (t.len() <= 14 || !t.as_bytes()[1].is_ascii_lowercase());
                let header = t.len() <= 80
                    && first.is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    && (t.ends_with(|c: char| c.is_ascii_digit() || c == 'Z')
                        || t.starts_with("ZN")
                        || t.starts_with("NNNN")
                        || lone);
                assert_eq!(s.may_be_header(), header, "{t:?}");
                assert_eq!(s.ends_upper(), last.is_some_and(|b| b.is_ascii_uppercase()), "{t:?}");
                let clean_end = matches!(last, Some(b'S' | b's' | b'-' | b'>' | b')' | 0xB6));
                assert_eq!(s.may_clean_to_nothing(), clean_end, "{t:?}");
                let plain = !t.is_empty()
                    && !t.starts_with('<')
                    && !first
                        .is_some_and(|b| opens_rule(b) || opens_separator(b) || opens_number(b) || opens_marking(b))
                    && !matches!(last, Some(b'-' | b'>'));
                assert_eq!(s.is_plain(), plain, "{t:?}");
                let clean = t.is_empty() || (!t.starts_with(['S', '-', '[', '\u{a0}', '¶']) && !t.ends_with('>'));
                let clean = clean && first.is_none_or(|b| b != 0xC2);
                assert_eq!(s.cleans_to_itself(), clean, "{t:?}");
            }
        }
        assert!(lines > 5_000, "{lines}");
    }
}
