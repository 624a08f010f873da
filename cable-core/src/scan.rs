//! Small byte-level helpers shared by the line recognisers. No regular expressions: every
//! recogniser is a bounded left-to-right scan, so parsing stays linear in the input size.

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary: for
/// reading "the first N bytes" of a text without cutting a character (`&s[..max]` panics
/// there). (`str::floor_char_boundary` is newer than the crate's minimum Rust version.)
pub(crate) fn head(s: &str, max: usize) -> &str {
    if max >= s.len() {
        return s;
    }
    // A character is at most 4 bytes: a boundary is found within 3 steps back.
    let at = (max.saturating_sub(3)..=max).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
    &s[..at]
}

/// `s` without the ASCII-case-insensitive `prefix`, or `None`.
pub(crate) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.len();
    if s.len() >= n && s.as_bytes()[..n].eq_ignore_ascii_case(prefix.as_bytes()) {
        // `prefix` is ASCII, so `n` is a character boundary of `s` when the bytes match.
        Some(&s[n..])
    } else {
        None
    }
}

/// True when `s` starts with `prefix`, ignoring ASCII case.
pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    strip_prefix_ci(s, prefix).is_some()
}

/// True when `s` ends with `suffix`, ASCII case-insensitively.
pub(crate) fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `s`.
pub(crate) fn find_ci(s: &str, needle: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    // Candidates by the first byte in either case (memchr), not a test at every byte.
    let (lower, upper) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, &h[..=h.len() - n.len()]).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Whitespace-separated tokens of `s` (ASCII whitespace and the no-break space).
///
/// Found byte by byte (ASCII whitespace, or the two bytes of a no-break space) without decoding
/// each character: the readers of REF lists, TAGS, Classified By and the header cut every field
/// into words, and a `char` split was much of their cost.
pub(crate) fn tokens(s: &str) -> Tokens<'_> {
    Tokens { rest: s }
}

/// Iterator of [`tokens`].
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = trim_start_space(self.rest);
        let len = token_len(rest.as_bytes());
        if len == 0 {
            self.rest = rest;
            return None;
        }
        let (word, after) = rest.split_at(len);
        self.rest = after;
        Some(word)
    }
}

/// Bytes up to the first [`is_space`] character of `b`: ASCII whitespace or a no-break space's
/// two bytes. (It stops at an ASCII byte, a no-break space's first byte or the end: a
/// character boundary.)
#[inline]
pub(crate) fn token_len(b: &[u8]) -> usize {
    let mut len = 0;
    while len < b.len() && !is_ascii_ws(b[len]) && !(b[len] == 0xC2 && b.get(len + 1) == Some(&0xA0)) {
        len += 1;
    }
    len
}

/// `u8::is_ascii_whitespace` (space, tab, line feed, form feed, carriage return) as one
/// comparison and a bit test: the standard test compiled to a jump table in the hottest
/// loops, and nearly every byte asked is a letter, rejected here by the comparison.
#[inline]
pub(crate) fn is_ascii_ws(b: u8) -> bool {
    const WS: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << 0x0c | 1 << b'\r';
    b <= b' ' && WS & (1 << b) != 0
}

/// The first byte of `t` that is no ASCII whitespace.
#[inline]
pub(crate) fn first_non_ws(t: &str) -> Option<u8> {
    t.bytes().find(|&b| !is_ascii_ws(b))
}

/// ASCII whitespace or U+00A0 (copy/paste artefact).
pub(crate) fn is_space(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{a0}'
}

/// `s` without leading and trailing [`is_space`] characters. Byte loops, not a `char`
/// pattern: these run several times on every line, and decoding UTF-8 cost more than the test.
///
/// Most strings asked (a line, a field, a token) already have visible ends: four byte tests
/// give them back whole, inlined at the caller, without the loops, the call and the two checked
/// slices (about 40 instructions, a million times a parse of the corpus texts).
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last()) else { return s };
    // (No ASCII whitespace is above a space; a no-break space opens with 0xC2 and ends in 0xA0.)
    if first > b' ' && first != 0xC2 && last > b' ' && last != 0xA0 { s } else { trim_ends(s) }
}

/// The rest of [`trim`], for a string with a space at either end.
#[inline(never)]
fn trim_ends(s: &str) -> &str {
    trim_end_space(trim_start_space(s))
}

/// `s` without leading [`is_space`] characters.
#[inline]
pub(crate) fn trim_start_space(s: &str) -> &str {
    // At an ASCII byte or after a complete two-byte no-break space: a char boundary.
    &s[leading_space_len(s.as_bytes())..]
}

/// `s` without trailing [`is_space`] characters.
#[inline]
pub(crate) fn trim_end_space(s: &str) -> &str {
    &s[..len_without_trailing_space(s.as_bytes())]
}

/// The bytes of [`is_space`] characters that `b` opens with: ASCII whitespace and the two
/// bytes of a no-break space (for the line table, which trims bytes before it slices its text).
#[inline]
pub(crate) fn leading_space_len(b: &[u8]) -> usize {
    let mut i = 0;
    loop {
        if i < b.len() && is_ascii_ws(b[i]) {
            i += 1;
        } else if i + 1 < b.len() && b[i] == 0xC2 && b[i + 1] == 0xA0 {
            i += 2;
        } else {
            return i;
        }
    }
}

/// The length of `b` without the [`is_space`] characters it ends with (see
/// [`leading_space_len`]).
#[inline]
pub(crate) fn len_without_trailing_space(b: &[u8]) -> usize {
    let mut j = b.len();
    loop {
        if j > 0 && is_ascii_ws(b[j - 1]) {
            j -= 1;
        } else if j >= 2 && b[j - 2] == 0xC2 && b[j - 1] == 0xA0 {
            // (0xC2 is never a continuation byte: these two bytes are one no-break space.)
            j -= 2;
        } else {
            return j;
        }
    }
}

/// True when `s` is non-empty and all ASCII digits.
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when `s` is non-empty and all ASCII upper-case letters.
pub(crate) fn is_upper_alpha(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// True when `s` has at least one letter and no ASCII lower-case letter.
pub(crate) fn is_upper_text(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphabetic()) && !s.bytes().any(|b| b.is_ascii_lowercase())
}

/// Parses a run of ASCII digits (at most 9, so it fits a `u32`).
pub(crate) fn parse_u32(s: &str) -> Option<u32> {
    // (Nine digits never overflow: folded here, not asked of the general parser, which cost
    // more than its callers' tests.)
    (s.len() <= 9 && is_digits(s)).then(|| s.bytes().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
}

/// The three-letter month abbreviation (`JAN`..`DEC`, any case) as 1..=12.
pub(crate) fn month_number(s: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    if s.len() != 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(s)).map(|i| i as u32 + 1)
}

/// Full or abbreviated English month name (`January`, `SEPT`, `Nov`), any case, as 1..=12.
pub(crate) fn month_name_number(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ];
    let s = s.trim_end_matches('.');
    if s.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|m| m.len() >= s.len() && m.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
        .map(|i| i as u32 + 1)
}

/// Expands a two-digit telegram year: `66`–`99` are 19xx and `00`–`65` are 20xx (Cablegate runs
/// from December 1966 to February 2010).
pub(crate) fn expand_year(yy: u32) -> i32 {
    if yy >= 66 { 1900 + yy as i32 } else { 2000 + yy as i32 }
}

/// Matches `word` (upper-case ASCII letters and single spaces) at the start of `s`, ignoring case
/// and allowing one optional space between any two letters (`C O N F I D E N T I A L`, `CONFIDENTIAL`,
/// `C o n f i d e n t i a l`). Returns the number of bytes matched. Matching the known word letter
/// by letter is what stops the match from eating the first letter of the next word
/// (`C O N F I D E N T I A L S` + `ECTION`).
pub(crate) fn match_spaced(s: &str, word: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut first = true;
    for w in word.bytes() {
        if w == b' ' {
            // A space in the word (`TOP SECRET`) needs at least one space in the text.
            let start = i;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            if i == start {
                return None;
            }
            first = true;
            continue;
        }
        if !first && i < b.len() && b[i] == b' ' && i + 1 < b.len() && b[i + 1].eq_ignore_ascii_case(&w) {
            i += 1;
        }
        if i < b.len() && b[i].eq_ignore_ascii_case(&w) {
            i += 1;
            first = false;
        } else {
            return None;
        }
    }
    Some(i)
}

/// True when the byte after a match (if any) ends a word.
pub(crate) fn at_word_end(s: &str, at: usize) -> bool {
    s.as_bytes().get(at).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// A whitespace tokenizer that remembers its byte position in the text, for recognisers that
/// need the offsets of what they read (spans) or to step back (`at` can be saved and restored).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'a> {
    pub s: &'a str,
    pub at: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `at` of `s`.
    pub fn new(s: &'a str, at: usize) -> Self {
        Cursor { s, at }
    }

    /// Where the next token starts (after any spaces at the cursor).
    pub fn peek_start(&self) -> usize {
        let rest = &self.s[self.at..];
        self.at + (rest.len() - trim_start_space(rest).len())
    }

    /// The next whitespace-separated token, moving past it.
    pub fn token(&mut self) -> Option<&'a str> {
        self.token_at().map(|(_, t)| t)
    }

    /// The next token and the offset where it starts.
    pub fn token_at(&mut self) -> Option<(usize, &'a str)> {
        let start = self.peek_start();
        // (Byte by byte: the banner's and the date-time group's tokens are read on every line
        // asked, most of them no banner at all, and a character search was a third of their cost.)
        let len = token_len(&self.s.as_bytes()[start..]);
        if len == 0 {
            return None;
        }
        self.at = start + len;
        Some((start, &self.s[start..start + len]))
    }
}

/// The set of letters of `w` (case folded) as bits: each letter of one word missing from the
/// other costs [`edit_distance_at_most`] an edit.
pub(crate) fn letter_mask(w: &[u8]) -> u32 {
    w.iter().fold(0u32, |m, c| m | 1 << (c.to_ascii_uppercase() & 31))
}

/// Edit distance ≤ `k` between short ASCII words, counting an insertion, a deletion, a changed
/// letter or two neighbours swapped (`Direcotr`) as one edit (optimal string alignment), case
/// folded. Words longer than 16 bytes never match: typed damage is short.
pub(crate) fn edit_distance_at_most(a: &str, b: &str, k: usize) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > k || a.len() > 16 || b.len() > 16 {
        return false;
    }
    // Each character of one word missing from the other costs an edit of its own: a cheap
    // bound that rejects most pairs (the callers try every word against a list of titles).
    let (ma, mb) = (letter_mask(a), letter_mask(b));
    if (ma & !mb).count_ones() as usize > k || (mb & !ma).count_ones() as usize > k {
        return false;
    }
    let eq = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    // Three rows of the distance table: the one before last, the last and the current one. On
    // the stack (words are at most 16 bytes): this runs for every word of every Classified By
    // line against every role word, and heap rows made it the parser's hottest function.
    let mut before = [0u8; 17];
    let mut prev = [0u8; 17];
    let mut cur = [0u8; 17];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j as u8;
    }
    let mut prev_min = 0;
    for i in 1..=a.len() {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = u8::from(!eq(a[i - 1], b[j - 1]));
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1]) {
                cur[j] = cur[j].min(before[j - 2] + 1);
            }
            row_min = row_min.min(cur[j]);
        }
        // A row's smallest value is at least the smaller of the row before's and (through a
        // transposition) the one before that plus one: once this row is over k and the one
        // before at least k, every later row stays over k.
        if usize::from(row_min) > k && usize::from(prev_min) >= k {
            return false;
        }
        prev_min = row_min;
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[b.len()]) <= k
}

/// `[PREL](#)` → `PREL`.
pub(crate) fn unwrap_link(tok: &str) -> &str {
    let t = tok.strip_prefix('[').unwrap_or(tok);
    t.strip_suffix("](#)").or_else(|| t.strip_suffix(']')).unwrap_or(t)
}

/// A word of 1 to 16 bytes as an integer, its bytes (through `byte`: as they are, or
/// upper-cased) big-endian and zero-padded, so that two words without zero bytes compare as
/// their integers do: word lists packed and sorted once are searched by integer, not by string.
/// `None` for an empty or longer word, and for a zero byte (which the padding could not be told
/// from).
pub(crate) fn pack16(w: &[u8], byte: impl Fn(u8) -> u8) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    // (The zero test on the way, not a byte search before the copy: every tag, station and
    // role word of every cable is packed.)
    let mut key = [0u8; 16];
    for (k, &b) in key.iter_mut().zip(w) {
        if b == 0 {
            return None;
        }
        *k = byte(b);
    }
    Some(u128::from_be_bytes(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines with no-break spaces, tabs, line ends and letters of two bytes next to them.
    const SPACED: [&str; 6] = [
        "Classified By: Ambassador William J. Burns: Reasons 1.4 (b/d).",
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434",
        "  PREL,\u{a0}PGOV\tKV\u{a0}\u{a0}SR  ",
        "É\u{a0}é ü\r\n\u{c}x",
        "",
        "   ",
    ];

    #[test]
    fn the_byte_tokens_are_the_char_split() {
        for s in SPACED {
            let by_char: Vec<_> = s.split(is_space).filter(|t| !t.is_empty()).collect();
            assert_eq!(tokens(s).collect::<Vec<_>>(), by_char, "{s:?}");
            let mut cur = Cursor::new(s, 0);
            let mut by_cursor = Vec::new();
            while let Some((at, t)) = cur.token_at() {
                assert_eq!(&s[at..at + t.len()], t);
                by_cursor.push(t);
            }
            assert_eq!(by_cursor, by_char, "{s:?}");
        }
    }

    #[test]
    fn the_whitespace_test_is_the_standard_one() {
        for b in 0..=255u8 {
            assert_eq!(is_ascii_ws(b), b.is_ascii_whitespace(), "byte {b:#04x}");
        }
    }

    #[test]
    fn byte_trims_skip_ascii_whitespace_and_no_break_spaces() {
        assert_eq!(trim(" \u{a0}\t x y\u{a0} \r"), "x y");
        assert_eq!(trim_start_space("\u{a0}\u{a0}é "), "é ");
        assert_eq!(trim_end_space(" é\u{a0}"), " é");
        assert_eq!(trim("\u{a0}"), "");
    }

    #[test]
    fn heads_end_on_character_boundaries() {
        assert_eq!(head("abc", 10), "abc");
        assert_eq!(head("abc", 2), "ab");
        assert_eq!(head("aé", 2), "a");
        assert_eq!(head("a😀b", 4), "a");
        assert_eq!(head("a😀b", 5), "a😀");
        assert_eq!(head("😀", 0), "");
    }

    #[test]
    fn spaced_words_match_known_letters_only() {
        assert_eq!(match_spaced("C O N F I D E N T I A L SECTION", "CONFIDENTIAL"), Some(23));
        assert_eq!(match_spaced("CONFIDENTIAL", "CONFIDENTIAL"), Some(12));
        assert_eq!(match_spaced("C o n f i d e n t i a l section", "CONFIDENTIAL"), Some(23));
        assert_eq!(match_spaced("S E C R E T SANAA", "SECRET"), Some(11));
        assert_eq!(match_spaced("TOP  SECRET", "TOP SECRET"), Some(11));
        assert_eq!(match_spaced("C O N F I D E", "CONFIDENTIAL"), None);
        assert_eq!(match_spaced("SECTION", "SECRET"), None);
    }

    #[test]
    fn cursor_tokens_and_offsets() {
        let mut c = Cursor::new("  PAGE 02  HARARE", 0);
        assert_eq!(c.token_at(), Some((2, "PAGE")));
        let save = c.at;
        assert_eq!(c.token(), Some("02"));
        c.at = save;
        assert_eq!(c.peek_start(), 7);
        assert_eq!((c.token(), c.token(), c.token()), (Some("02"), Some("HARARE"), None));
    }

    #[test]
    fn case_insensitive_helpers() {
        assert_eq!(strip_prefix_ci("Tags: prel", "TAGS:"), Some(" prel"));
        assert_eq!(find_ci("x Subject: y", "SUBJECT:"), Some(2));
        assert_eq!(find_ci("ab", "abc"), None);
        assert_eq!(month_number("nov"), Some(11));
        assert_eq!(month_name_number("Sept."), Some(9));
        assert_eq!(month_name_number("Ma"), None);
        assert_eq!(expand_year(7), 2007);
        assert_eq!(expand_year(66), 1966);
    }

    /// The optimal-string-alignment distance, the plain way: the reference for the stack rows
    /// and the early exit of `edit_distance_at_most`.
    fn osa_distance(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(!a[i - 1].eq_ignore_ascii_case(&b[j - 1]));
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn edit_distance_of_misspelt_titles() {
        // Slips seen in Classified By lines of the corpus.
        assert!(edit_distance_at_most("AMBASSAOR", "AMBASSADOR", 1));
        assert!(edit_distance_at_most("DIRECOTR", "DIRECTOR", 1));
        assert!(edit_distance_at_most("COUNSLEOR", "COUNSELOR", 1));
        assert!(edit_distance_at_most("AMBSSADRO", "AMBASSADOR", 2));
        assert!(!edit_distance_at_most("AMBSSADRO", "AMBASSADOR", 1));
        assert!(!edit_distance_at_most("ROBERTSON", "COUNSELOR", 2));
    }

    #[test]
    fn edit_distance_agrees_with_the_full_table() {
        // Every pair of short words over a three-letter alphabet (transpositions, repeats and
        // deletions all occur), at every bound.
        let words: Vec<Vec<u8>> = (0..3u32.pow(5))
            .flat_map(|n| (1..=5).map(move |len| (0..len).map(|i| b"ABC"[(n / 3u32.pow(i) % 3) as usize]).collect()))
            .collect();
        for a in words.iter().step_by(7) {
            for b in words.iter().step_by(5) {
                let d = osa_distance(a, b);
                let (sa, sb) = (std::str::from_utf8(a).unwrap(), std::str::from_utf8(b).unwrap());
                for k in 0..4 {
                    assert_eq!(edit_distance_at_most(sa, sb, k), d <= k, "{sa} {sb} {k}");
                }
            }
        }
    }
}
