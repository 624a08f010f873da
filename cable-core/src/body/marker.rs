//! Page markers glued into text lines, classification words glued to a banner, page numbers
//! of breaks, and redaction marks.

use super::*;

/// A page marker inside a line of text, as pages whose lines were joined have them
/// (`... in Georgia and Ukraine. STOCKHOLM 00000051 002 OF 002 Comment`): its start and end in
/// `t` and the page it starts. The place is the banner's station cut to ten letters (any
/// upper-case words of at most ten letters when the station is unknown).
pub(super) fn inline_marker(t: &str, station: Option<&str>) -> Option<(usize, usize, Option<u32>)> {
    let b = t.as_bytes();
    if b.len() < 26 {
        return None;
    }
    // Each ` OF ` of the line, found through its `F` (memchr: cheap on the short lines of
    // text, where a substring searcher's set-up would cost more than the search).
    let ofs = memchr::memchr_iter(b'F', b)
        .filter(|&f| f >= 2 && b[f - 1] == b'O' && b[f - 2] == b' ' && b.get(f + 1) == Some(&b' '))
        .map(|f| f - 2);
    for of in ofs {
        // `002 OF 002`, `001.2 OF 003`: the counts.
        let after = &t[of + 4..];
        let total = after.bytes().take_while(u8::is_ascii_digit).count();
        if total == 0 || after.as_bytes().get(total).is_some_and(|c| !c.is_ascii_whitespace()) {
            continue;
        }
        let before = &t[..of];
        let Some(sp) = before.rfind(' ') else { continue };
        let count = &before[sp + 1..];
        if count.len() < 3 || !count.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
            continue;
        }
        let before = before[..sp].trim_end_matches(' ');
        let Some(sp) = before.rfind(' ') else { continue };
        let serial = &before[sp + 1..];
        if serial.len() != 8 || !scan::is_digits(serial) {
            continue;
        }
        // The place words before the serial.
        let head = before[..sp].trim_end_matches(' ');
        let mut place_start = None;
        let mut at = head.len();
        for _ in 0..4 {
            let word_start = head[..at].rfind(' ').map_or(0, |p| p + 1);
            let word = &head[word_start..at];
            if !scan::is_upper_alpha(word.trim_end_matches(['.', '-'])) {
                break;
            }
            let place = &head[word_start..];
            match station {
                // `JAN`, `DE JAN`, `RIO DE JAN` are all in `RIO DE JANEIRO`; only the last
                // starts it.
                Some(st) if st.contains(place) => {
                    if st.starts_with(place) {
                        place_start = Some(word_start);
                    }
                }
                // A marker may name another place than the banner (`DUBAI` for `RPO DUBAI`).
                Some(_) if place_start.is_none() && word.len() <= 10 && !place.contains(' ') => {
                    place_start = Some(word_start);
                    break;
                }
                None if place.len() <= 10 => place_start = Some(word_start),
                _ => break,
            }
            if word_start == 0 {
                break;
            }
            at = head[..word_start].trim_end_matches(' ').len();
            if at == 0 {
                break;
            }
        }
        let start = place_start?;
        let page = scan::parse_u32(count.rsplit('.').next().unwrap_or(count));
        return Some((start, of + 4 + total, page));
    }
    None
}

/// `ESSENTIALLY, A  CONFIDENTIAL` followed by a `PAGE nn` banner line: the text without the
/// glued classification, and where that starts.
/// (The first test inlined: it is asked of every piece that is no plain text, most of which
/// end otherwise, and the call cost more than the test.)
#[inline]
pub(super) fn split_glued_classification<'a>(lines: &[Line<'a>], i: usize, t: &'a str) -> (&'a str, Option<usize>) {
    // (The last byte: a character that ends in an ASCII capital is that capital.)
    if !t.as_bytes().last().is_some_and(u8::is_ascii_uppercase) {
        return (t, None);
    }
    glued_classification(lines, i, t)
}

/// The rest of [`split_glued_classification`], for a piece that ends in a capital.
#[inline(never)]
fn glued_classification<'a>(lines: &[Line<'a>], i: usize, t: &'a str) -> (&'a str, Option<usize>) {
    let next_is_banner =
        lines.get(i + 1).is_some_and(|l| l.shape.may_be_page_banner() && pagebreak::page_banner(l.trimmed()).is_some());
    if !next_is_banner {
        return (t, None);
    }
    let Some(gap) = t.rfind("  ") else { return (t, None) };
    let word = scan::trim(&t[gap..]);
    if word.is_empty() || !pagebreak::is_lone_classification(word) {
        return (t, None);
    }
    let head = scan::trim_end_space(&t[..gap]);
    if head.is_empty() {
        return (t, None);
    }
    (head, Some(gap))
}

/// Runs of four or more `X` (or `x`): names the publishers removed (`XXXXXXXXXXXX`).
pub(super) fn redactions(source: &str) -> Vec<Span> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'X', b'x', &b[at..]) {
        let s = at + i;
        let c = b[s];
        let n = b[s..].iter().take_while(|&&x| x == c).count();
        if n >= 4 {
            out.push(Span::new(s as u32, (s + n) as u32));
        }
        at = s + n;
    }
    out
}

/// A paragraph number inside a joined line, after a sentence's end and before a portion
/// marking (`... along those lines. 6.(S) Embassy Comment: ...`, 05BRASILIA1207): where the
/// number starts, when it is `next`. Found from the marking's parenthesis, which few lines have.
pub(super) fn inline_paragraph_number(t: &str, next: u32) -> Option<usize> {
    let b = t.as_bytes();
    for open in memchr::memchr_iter(b'(', b) {
        // Back from the parenthesis: spaces, the period, the digits, one space.
        let mut k = open;
        while k > 0 && b[k - 1] == b' ' {
            k -= 1;
        }
        if k == 0 || b[k - 1] != b'.' {
            continue;
        }
        let period = k - 1;
        let mut start = period;
        while start > 0 && b[start - 1].is_ascii_digit() {
            start -= 1;
        }
        let digits = period - start;
        if digits == 0 || digits > 2 || start < 2 || b[start - 1] != b' ' {
            continue;
        }
        let before = t[..start - 1].trim_end();
        let sentence_end = before.ends_with(['.', '"', ')', '\u{201d}', '!', '?']);
        if sentence_end
            && scan::parse_u32(&t[start..period]) == Some(next)
            && Marking::parse_prefix(&t[period + 1..]).is_some()
        {
            return Some(start);
        }
    }
    None
}

/// The first ` OF ` and digit in `h` (`002 OF 002`): what every page marker glued into a line
/// has ([`inline_marker`] reads the count after ` OF `), and few lines of capitals
/// (`... ONE OF THE ...`) do. Five bytes.
/// (Found through its `F`, as [`inline_marker`] finds them: the substring searcher stopped at
/// every ` OF ` of the lines of capitals, its start set up again after each, and its
/// two-byte prefilter at every `OF` of `OFFICE` and `PROFESSOR` too.)
pub(super) fn find_marker_of(h: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'F', h)
        .find(|&f| {
            f >= 2
                && h[f - 1] == b'O'
                && h[f - 2] == b' '
                && h.get(f + 1) == Some(&b' ')
                && h.get(f + 2).is_some_and(u8::is_ascii_digit)
        })
        .map(|f| f - 2)
}

/// The first `(` in `h` after a sentence's end, a space, one or two digits, a period and
/// spaces (`lines. 6.(S)`, `etc.) 7.  (C)`): what every paragraph number inside a joined line
/// has ([`inline_paragraph_number`]), and few other parentheses do. A number that opens its
/// line (`\n6. (S)`, every numbered paragraph's) has none of it: passed over here, it no longer
/// stops the search at each paragraph. (Bytes before the one asked about may lie before the
/// range the walk asks about; they are the bytes [`inline_paragraph_number`] needs inside it, so
/// a place whose space before the digits lies outside is one it would not take either. Before
/// that space, only a byte that surely ends no sentence rejects the place: an ASCII byte other
/// than a sentence's end or a space, such as the line break before a number that opens its
/// line; anything else, or the start of `h`, leaves the decision to the reader.)
pub(super) fn find_number_paren(h: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'(', h).find(|&open| {
        let mut k = open;
        while k > 0 && h[k - 1] == b' ' {
            k -= 1;
        }
        if k < 2 || h[k - 1] != b'.' {
            return false;
        }
        let period = k - 1;
        let mut start = period;
        while start > 0 && period - start < 3 && h[start - 1].is_ascii_digit() {
            start -= 1;
        }
        if !(1..=2).contains(&(period - start)) || start == 0 || h[start - 1] != b' ' {
            return false;
        }
        let mut j = start - 1;
        while j > 0 && h[j - 1] == b' ' {
            j -= 1;
        }
        j == 0 || {
            let c = h[j - 1];
            !c.is_ascii() || matches!(c, b'.' | b'"' | b')' | b'!' | b'?' | b'\t' | b'\x0b' | b'\x0c')
        }
    })
}

/// The next place of a byte pattern in the source at or after some offset, remembered between
/// the lines of the walk: asking whether a line holds the pattern costs a comparison for most
/// lines, not a search each (the walk reads its lines in order, so each search goes on from
/// where the text was already known to lack the pattern).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Ahead {
    /// Offset from which `next` was searched; `next` is the first place at or after it.
    from: usize,
    next: Option<usize>,
    searched: bool,
}

impl Ahead {
    /// True when `source[a..b]` holds a whole occurrence of the pattern of `len` bytes that
    /// `find` finds (the first occurrence's offset in the haystack it is given).
    /// (Inlined, the comparisons alone: they are asked of every line, the search seldom.)
    #[inline(always)]
    pub(super) fn holds(
        &mut self,
        source: &[u8],
        (a, b): (usize, usize),
        len: usize,
        find: impl Fn(&[u8]) -> Option<usize>,
    ) -> bool {
        // Searched again only when `a` is before the last search's start (a step back) or
        // past the place found (every place in between is known to be free of the pattern).
        let stale = !self.searched || a < self.from || self.next.is_some_and(|n| n < a);
        if stale {
            self.search(source, a, find);
        }
        self.next.is_some_and(|n| n + len <= b)
    }

    /// The offsets known to hold no place of the pattern: from the last search's start up to
    /// the place it found (`usize::MAX` when none; an empty range before any search). A range
    /// inside it holds none, whatever the walk asked since (the source does not change).
    pub(super) fn free(&self) -> (usize, usize) {
        if self.searched { (self.from, self.next.unwrap_or(usize::MAX)) } else { (usize::MAX, 0) }
    }

    /// The search of [`Ahead::holds`], from `a`.
    #[inline(never)]
    fn search(&mut self, source: &[u8], a: usize, find: impl Fn(&[u8]) -> Option<usize>) {
        let a = a.min(source.len());
        self.from = a;
        self.next = find(&source[a..]).map(|i| a + i);
        self.searched = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ahead_answers_as_a_search_of_each_range_would() {
        // Overlapping places (` OF OF `), ranges that clip a place, and steps back.
        let text = b"A OF OF B 00000051 002 OF 002 x OF";
        let find_of = |h: &[u8]| memchr::memmem::find(h, b" OF ");
        let mut ahead = Ahead::default();
        let ranges = [(0, 4), (1, 7), (2, 7), (3, 7), (4, 7), (5, 30), (30, 34), (0, 34), (31, 34), (34, 34)];
        for (a, b) in ranges {
            let direct = find_of(&text[a..b]).is_some();
            assert_eq!(ahead.holds(text, (a, b), 4, find_of), direct, "range {a}..{b}");
        }
    }

    /// The narrowed searches find what the readers they stand for need, and pass over the
    /// rest (a line of 05BRASILIA1207 with its glued number, capitals of 85TOKYO364's kind).
    #[test]
    fn narrowed_searches() {
        let joined = b"along those lines. 6.(S) Embassy Comment: ... (Cairo) etc. (see) U.S. (x)";
        assert_eq!(find_number_paren(joined), Some(21));
        assert_eq!(find_number_paren(b"etc. (see) U.S. (x) 7.  (C) Next"), Some(24));
        assert_eq!(find_number_paren(b"(C) the minister (Cairo)"), None);
        // Numbers that open their line, or follow no sentence's end, or have three digits.
        assert_eq!(find_number_paren(b"end.\n6. (S) Next ... 1999 1. (a) and 123. (C)"), None);
        assert_eq!(find_number_paren(b"6. (S)"), None);
        // (The start of the range: the reader decides.)
        assert_eq!(find_number_paren(b" 6. (S)"), Some(4));
        assert_eq!(find_marker_of(b"ONE OF THE MOST ... STOCKHOLM 00000051 002 OF 002 Comment"), Some(42));
        assert_eq!(find_marker_of(b"ONE OF THE MOST IMPORTANT OF ALL"), None);
        assert_eq!(find_marker_of(b"2 OF 2"), Some(1));
    }
}
