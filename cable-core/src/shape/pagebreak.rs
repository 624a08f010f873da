//! Page and section break lines that the reassembled text carries wherever a page ended:
//! `MOSCOW 00005434 002 OF 002`, `PAGE 02 HARARE 06677 01 OF 03 291400Z`, and the lone
//! classification lines printed at the top and bottom of old-format pages. They can fall
//! anywhere (inside TAGS, REF, SUBJECT, mid-sentence); every field reader skips them.

use crate::classification;
use crate::lines::Line;
use crate::scan;
use crate::scan::Cursor;
use crate::spanned::Spanned;

/// `MOSCOW 00005434 002 OF 002`, `ROME 00000087 001.2 OF 003`, `TEL AVIV 00002760 002 OF 004`:
/// a station, an eight-digit serial and a page count, alone on the line.
#[inline]
pub(crate) fn is_page_marker(line: &str) -> bool {
    // A marker is short (five place words at most, an 8-digit serial, two counts) and ends in a
    // count: the length and the last byte first, inlined into the callers (most lines asked end
    // in a letter, and the call cost more than the test). A line that ends in a space or a
    // byte of a wider character is asked the full trim.
    let ends_in_count = || match line.as_bytes().last() {
        Some(b'0'..=b'9' | b'.') => true,
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') => false,
        _ => line.trim_end().ends_with(|c: char| c.is_ascii_digit() || c == '.'),
    };
    (16..=80).contains(&line.len()) && ends_in_count() && page_marker_words(line)
}

/// The rest of [`is_page_marker`], for a short line that ends in a count.
#[inline(never)]
fn page_marker_words(line: &str) -> bool {
    // (The serial's eight digits in a row first: a cheap test before tokenizing.)
    if !has_digit_run(line.as_bytes(), 8) {
        return false;
    }
    let mut toks = scan::tokens(line).peekable();
    let mut place_words = 0;
    while let Some(t) = toks.peek() {
        if t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'.') && !t.is_empty() {
            place_words += 1;
            if place_words > 5 {
                return false;
            }
            toks.next();
        } else {
            break;
        }
    }
    if place_words == 0 || place_words > 5 {
        return false;
    }
    match toks.next() {
        Some(serial) if scan::is_digits(serial) && serial.len() == 8 => {}
        _ => return false,
    }
    let mut saw_of = false;
    let mut counts = 0;
    for t in toks {
        if t.eq_ignore_ascii_case("OF") {
            saw_of = true;
        } else if t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
        {
            counts += 1;
        } else {
            return false;
        }
    }
    saw_of && counts >= 2
}

/// True when `b` holds `n` ASCII digits in a row (a cheap test before tokenizing).
/// (Every `n`-th byte is probed, and only a digit there is looked around: a run of `n` covers
/// exactly one probe. This is asked of every short line that ends in a digit, most of which
/// hold no such run, and reading each of their bytes cost several times as much.)
fn has_digit_run(b: &[u8], n: usize) -> bool {
    let Some(step) = n.checked_sub(1) else { return true };
    let mut probe = step;
    while let Some(c) = b.get(probe) {
        if c.is_ascii_digit() {
            let before = b[..probe].iter().rev().take(step).take_while(|c| c.is_ascii_digit()).count();
            let after = b[probe + 1..].iter().take(step - before).take_while(|c| c.is_ascii_digit()).count();
            if before + 1 + after >= n {
                return true;
            }
        }
        probe += n;
    }
    false
}

/// The station and serial of the first page marker in `lines` (`TEL AVIV 00002502 002 OF 004`
/// → `TEL AVIV`, `00002502`): the reference id of a cable whose banner is missing.
pub(crate) fn first_page_marker<'a>(lines: &[Line<'a>]) -> Option<(Spanned<&'a str>, Spanned<&'a str>)> {
    lines.iter().find(|l| is_page_marker(l.trimmed())).and_then(|l| {
        let t = l.trimmed();
        let serial = scan::tokens(t).find(|w| scan::is_digits(w) && w.len() == 8)?;
        let station = scan::trim(&t[..serial.as_ptr() as usize - t.as_ptr() as usize]);
        Some((Spanned::new(station, l.span_of(station)), Spanned::new(serial, l.span_of(serial))))
    })
}

/// A `PAGE` banner and the station and serial it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageBanner<'a> {
    /// Bytes of the line the banner takes; text after it is content.
    pub len: usize,
    /// The page number.
    pub page: u32,
    /// Station as written (`HARARE`, `STATE`).
    pub station: &'a str,
    /// Serial as written (`06677`).
    pub serial: &'a str,
    /// The section and section count after the serial, when written (`01 OF 03` → (1, 3)).
    pub section: Option<(u32, u32)>,
}

/// Whether `line` opens as a `PAGE` banner does (`PAGE` in any case, then a space): the first
/// test of [`page_banner`], which most lines that open with a `P` (`PRESIDENT ...`) fail.
#[inline]
pub(crate) fn opens_page_banner(line: &str) -> bool {
    line.as_bytes().get(..5).is_some_and(|h| h[..4].eq_ignore_ascii_case(b"PAGE") && h[4] == b' ')
}

/// `PAGE 02 HARARE 06677 01 OF 03 291400Z` (partial records) or `PAGE 02 STATE 296107` (1970s).
/// Text after the banner is content that the page break interrupted
/// (`... 291400Z OPPOSITION LEADER`).
pub(crate) fn page_banner(line: &str) -> Option<PageBanner<'_>> {
    if !opens_page_banner(line) {
        return None;
    }
    let mut cur = Cursor::new(line, "PAGE".len());
    let page = cur.token()?;
    if !scan::is_digits(page) || page.len() > 3 {
        return None;
    }
    // Station words (upper case), then the serial.
    let mut station: Option<(usize, usize)> = None;
    let mut words = 0;
    let serial = loop {
        let t = cur.token()?;
        if scan::is_digits(t) {
            if words == 0 {
                return None;
            }
            break t;
        }
        if !t.bytes().all(|b| b.is_ascii_uppercase() || b == b'-') || words == 4 {
            return None;
        }
        let start = cur.at - t.len();
        station = Some((station.map_or(start, |s| s.0), cur.at));
        words += 1;
    };
    let (s0, s1) = station?;
    let mut end = cur.at;
    // Optional `01 OF 03`.
    let save = cur.at;
    let mut section = None;
    match (cur.token(), cur.token(), cur.token()) {
        (Some(a), Some(of), Some(b)) if scan::is_digits(a) && of.eq_ignore_ascii_case("OF") && scan::is_digits(b) => {
            end = cur.at;
            section = scan::parse_u32(a).zip(scan::parse_u32(b));
        }
        _ => cur.at = save,
    }
    // Optional `291400Z`.
    if let Some(t) = cur.token() {
        if t.len() == 7 && t.ends_with('Z') && scan::is_digits(&t[..6]) {
            end = cur.at;
        }
    }
    Some(PageBanner { len: end, page: scan::parse_u32(page)?, station: &line[s0..s1], serial, section })
}

/// Bytes of `line` taken by a `PAGE` banner, if it starts with one.
/// (Inlined, its first test before the call: most lines asked open with another word.)
#[inline]
pub(crate) fn page_banner_len(line: &str) -> Option<usize> {
    if !opens_page_banner(line) {
        return None;
    }
    page_banner(line).map(|b| b.len)
}

/// A line holding only a classification word (`CONFIDENTIAL`, `LIMITED OFFICIAL USE`), as
/// printed at the top and bottom of old-format pages.
#[inline]
pub(crate) fn is_lone_classification(line: &str) -> bool {
    // Byte tests on the ends first, inlined into the callers (this runs on many lines, and the
    // call cost more than the test): see below for the letters.
    let t = line.trim_ascii();
    let b = t.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    !(b.len() > 66
        || !matches!(first.to_ascii_uppercase(), b'C' | b'S' | b'U' | b'L' | b'T' | b'E' | b'O')
        || !matches!(last.to_ascii_uppercase(), b'L' | b'T' | b'D' | b'S' | b'E' | b'O')
        || (b.len() > 14 && b[1].is_ascii_lowercase()))
        && lone_classification_words(t)
}

/// The rest of [`is_lone_classification`], for a line `t` whose ends fit.
/// (`t` is trimmed of ASCII whitespace and ends in letters: no no-break space is left at its
/// ends either, and it is not trimmed again.)
#[inline(never)]
fn lone_classification_words(t: &str) -> bool {
    // (The line's last letters first: the words end the line, and most lines asked end
    // otherwise. Three bytes from the end, where the banner word's test reads the line from its
    // start through a call or two.)
    if !ends_like_banner_word(t.as_bytes()) {
        return false;
    }
    // The banner word first: a line that is none (most lines asked: short captions in
    // capitals) fails it within a few bytes, where the tests of its form below read it whole.
    // (A damaged word is never a lone classification: only the undamaged ones are looked for.)
    let Some(w) = classification::undamaged_banner_word(t) else { return false };
    // `S E N S I T I V E  B U T  U N C L A S S I F I E D` is the longest form; every form
    // (damaged ones too: `E C R E T`, `O N F I D ...`) starts with one of these letters.
    let form = t.len() <= 64
        && t.starts_with(['C', 'S', 'U', 'L', 'T', 'E', 'O', 'c', 's', 'u', 'l', 't', 'e', 'o'])
        && t.ends_with(['L', 'T', 'D', 'S', 'E', 'O', 'l', 't', 'd', 's', 'e', 'o'])
        && !(t.len() > 14 && t.bytes().any(|b| b.is_ascii_lowercase()))
        // Not letter-spaced: at most three words (`LIMITED OFFICIAL USE`).
        && !(t.as_bytes().get(1) != Some(&b' ') && t.bytes().filter(|&b| b == b' ').count() > 3);
    form && t[w.len..].trim().is_empty() && !t.contains("  ")
}

/// Whether `t` (ending in an ASCII letter) may end with one of the banner words that a lone
/// classification line is: its last three letters, read as `classification::banner_word` reads
/// letters (any case, a single space before a letter passed over, as in `C O N F I D E N T I A
/// L`), end `CONFIDENTIAL`, `UNCLASSIFIED`, `SECRET`, `UNCLAS` or the words read after it (`USE`
/// of `LIMITED OFFICIAL USE`, `EFTO`, `SENSITIVE`).
fn ends_like_banner_word(t: &[u8]) -> bool {
    let mut last = [0u8; 3];
    let mut j = t.len();
    for (k, c) in last.iter_mut().enumerate().rev() {
        if k < 2 && j > 1 && t[j - 1] == b' ' {
            j -= 1;
        }
        let Some(j1) = j.checked_sub(1) else { return false };
        *c = t[j1].to_ascii_uppercase();
        j = j1;
    }
    matches!(&last, b"IAL" | b"IED" | b"RET" | b"LAS" | b"USE" | b"FTO" | b"IVE")
}

/// Where a page break starts at line `i`, how many whole lines it takes and, for a `PAGE`
/// banner followed by content on the same line, the offset of that content within its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageBreak {
    /// Number of whole lines taken by the break (classification line, banner).
    pub lines: usize,
    /// When the last line of the break continues with content after the banner: the byte offset
    /// (within that line's text) where the content starts.
    pub content_at: Option<usize>,
    /// The page the break's banner or marker names (`PAGE 03 ...` → 3, `MOSCOW 00005434 002 OF
    /// 002` → 2), read where the break was recognised; none for a page's closing classification.
    pub page: Option<u32>,
}

/// What a caller already read of a line that it asks [`page_break_read`] about: the answers of
/// [`banner`] and [`is_lone_classification`] for it, and [`banner`] of a later line, when known.
/// (The body's section test reads a short line's banner and lone classification before the page
/// break test does, and after a lone classification the banner of the line that follows: a line
/// shaped like a lone classification was read for its words twice, a `PAGE` banner tokenized
/// twice.)
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Read {
    /// [`banner`] of the line, when asked.
    pub banner: Option<Option<(usize, u32)>>,
    /// [`is_lone_classification`] of the trimmed line, when asked.
    pub lone: Option<bool>,
    /// A later line and its [`banner`], when asked.
    pub later: Option<(usize, Option<(usize, u32)>)>,
}

impl Read {
    /// [`banner`] of `lines[j]`, a line after the one asked about: the answer read, when it is
    /// that line's.
    fn later_banner(&self, lines: &[Line<'_>], j: usize) -> Option<(usize, u32)> {
        match self.later {
            Some((k, b)) if k == j => b,
            _ => banner(&lines[j]),
        }
    }
}

/// Recognises a page break starting at `lines[i]`: a page marker, a `PAGE` banner, or a lone
/// classification line directly followed (blank lines aside) by a `PAGE` banner.
#[inline]
pub(crate) fn page_break_at(lines: &[Line<'_>], i: usize) -> Option<PageBreak> {
    page_break_read(lines, i, &Read::default())
}

/// [`page_break_at`] of a line whose banner or lone classification the caller has `read`.
#[inline]
pub(crate) fn page_break_read(lines: &[Line<'_>], i: usize, read: &Read) -> Option<PageBreak> {
    // The line's shape holds the cheap test (`lines::shape`): almost every
    // line of text is rejected there, before any tokenizing.
    if lines[i].shape.may_be_page_break() { page_break_lines(lines, i, read) } else { None }
}

/// The rest of [`page_break_at`], for a line that passed the cheap test.
#[inline(never)]
fn page_break_lines(lines: &[Line<'_>], i: usize, read: &Read) -> Option<PageBreak> {
    let t = lines[i].trimmed();
    if is_page_marker(t) {
        return Some(PageBreak { lines: 1, content_at: None, page: marker_page(t) });
    }
    if let Some((n, page)) = read.banner.unwrap_or_else(|| banner(&lines[i])) {
        return Some(PageBreak { lines: 1, content_at: content_after(lines[i].text, t, n), page: Some(page) });
    }
    if read.lone.unwrap_or_else(|| is_lone_classification(t)) {
        // Old-format page tops repeat the classification line (`UNCLASSIFIED` / `UNCLASSIFIED` /
        // `PAGE 02 ...`).
        let mut j = next_non_blank(lines, i + 1)?;
        let mut repeats = 0;
        while repeats < 2 && is_lone_classification(lines[j].trimmed()) {
            j = next_non_blank(lines, j + 1)?;
            repeats += 1;
        }
        let next = lines[j].trimmed();
        if let Some((n, page)) = read.later_banner(lines, j) {
            let content_at = content_after(lines[j].text, next, n);
            return Some(PageBreak { lines: j - i + 1, content_at, page: Some(page) });
        }
        // The classification line that closes a page, after the banner's page.
        if i > 0 {
            if let Some(p) = prev_non_blank(lines, i) {
                if banner(&lines[p]).is_some() {
                    return Some(PageBreak { lines: 1, content_at: None, page: None });
                }
            }
        }
    }
    None
}

/// The length and page of a whole line's `PAGE` banner ([`page_banner`]), its first test read
/// off the line's shape (a banner opens with `PAGE`): most lines asked here end in a digit or
/// are shaped like a lone classification, and the call cost more than that test.
#[inline]
pub(crate) fn banner(line: &Line<'_>) -> Option<(usize, u32)> {
    if line.shape.may_be_page_banner() { page_banner_len_and_page(line.trimmed()) } else { None }
}

/// [`page_banner`]'s length and page, its first test inlined (see [`page_banner_len`]).
#[inline]
fn page_banner_len_and_page(line: &str) -> Option<(usize, u32)> {
    if !opens_page_banner(line) {
        return None;
    }
    page_banner(line).map(|b| (b.len, b.page))
}

/// The page a page marker names: the count after its serial (`MOSCOW 00005434 002 OF 002` → 2,
/// `ROME 00000087 001.2 OF 003` → 2).
fn marker_page(t: &str) -> Option<u32> {
    let mut toks = scan::tokens(t).skip_while(|w| !(scan::is_digits(w) && w.len() == 8)).skip(1);
    let count = toks.next()?;
    let page = count.rsplit('.').next().unwrap_or(count);
    scan::parse_u32(page)
}

fn content_after(text: &str, trimmed: &str, banner_len: usize) -> Option<usize> {
    let lead = text.len() - trimmed.len();
    let rest = &trimmed[banner_len..];
    let content = scan::trim_start_space(rest);
    (!content.is_empty()).then(|| lead + banner_len + (rest.len() - content.len()))
}

/// Blank lines a page's foot and the next page's top may have between them: teletype pages
/// were padded to their length (`CONSISTENT,` / `CONFIDENTIAL` / six blank lines /
/// `CONFIDENTIAL` / `PAGE 03 ZAGREB 02658 01 OF 02`, 95ZAGREB2658).
const PAGE_GAP: usize = 12;

fn next_non_blank(lines: &[Line<'_>], from: usize) -> Option<usize> {
    (from..lines.len().min(from + PAGE_GAP)).find(|&j| !lines[j].is_blank())
}

fn prev_non_blank(lines: &[Line<'_>], before: usize) -> Option<usize> {
    (before.saturating_sub(3)..before).rev().find(|&j| !lines[j].is_blank())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    #[test]
    fn page_markers() {
        assert!(is_page_marker("MOSCOW 00005434 002 OF 002"));
        assert!(is_page_marker("RIYADH 00000181  002 OF 002"));
        assert!(is_page_marker("ROME 00000087  001.2 OF 003"));
        assert!(is_page_marker("TEL AVIV 00002760 002 OF 004"));
        assert!(!is_page_marker("MOSCOW 005434"));
        assert!(!is_page_marker("C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434"));
        assert!(!is_page_marker("THE 12345678 PEOPLE OF 2 COUNTRIES"));
        assert_eq!(marker_page("MOSCOW 00005434 002 OF 002"), Some(2));
        assert_eq!(marker_page("ROME 00000087  001.2 OF 003"), Some(2));
    }

    #[test]
    fn lone_classifications_by_their_last_letters() {
        for t in [
            "CONFIDENTIAL",
            "C O N F I D E N T I A L",
            "CONFIDENTI A L",
            "Secret",
            "TOP SECRET",
            "UNCLAS",
            "UNCLAS EFTO",
            "UNCLAS SENSITIVE",
            "LIMITED OFFICIAL USE",
            "SENSITIVE BUT UNCLASSIFIED",
            "U N C L A S S I F I E D",
        ] {
            assert!(is_lone_classification(t), "{t}");
        }
        for t in ["THE MINISTER SAID THAT", "SECRETARY", "CONFIDENTI  AL", "SECRET SECRET", "UNCLAS EFTOS"] {
            assert!(!is_lone_classification(t), "{t}");
        }
    }

    #[test]
    fn digit_runs_are_found_wherever_they_fall() {
        for n in 1..=9 {
            for len in 0..30 {
                for at in 0..len {
                    for run in 0..=len - at {
                        let b: Vec<u8> = (0..len).map(|k| if k >= at && k < at + run { b'7' } else { b'x' }).collect();
                        assert_eq!(has_digit_run(&b, n), run >= n, "n {n}, {len} bytes, run of {run} at {at}");
                    }
                }
            }
        }
        assert!(has_digit_run(b"", 0));
    }

    #[test]
    fn page_banners_keep_the_content_after_them() {
        let l = "PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER";
        let n = page_banner_len(l).unwrap();
        assert_eq!(&l[n..], " OPPOSITION LEADER");
        assert_eq!(page_banner_len("PAGE 01        HARARE  06677  01 OF 03  291400Z"), Some(47));
        assert_eq!(page_banner_len("PAGE 02 STATE 296107"), Some(20));
        assert_eq!(page_banner_len("PAGE TWO OF THE REPORT"), None);
        assert_eq!(page_banner_len("Page 3 of the report says 12"), None);
        let b = page_banner("PAGE 01        HARARE  06677  01 OF 03  291400Z").unwrap();
        assert_eq!((b.station, b.serial), ("HARARE", "06677"));
    }

    #[test]
    fn lone_classification_line_joins_the_banner_below() {
        let text = "SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE\n CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER\n";
        let ls = lines::split(text);
        assert_eq!(page_break_at(&ls, 0), None);
        assert_eq!(page_break_at(&ls, 1), Some(PageBreak { lines: 2, content_at: Some(38), page: Some(2) }));
        assert_eq!(&ls[2].text[38..], "OPPOSITION LEADER");
    }

    #[test]
    fn a_padded_page_foot_joins_the_next_top() {
        // 95ZAGREB2658: six blank lines between the foot's classification and the top's.
        let text = "ONE OF CONSISTENT, 
                       CONFIDENTIAL 

 
 
 
 
 
                           CONFIDENTIAL 
 
                    PAGE 03        ZAGREB  02658  01 OF 02  171547Z 
LOW-LEVEL BUREAUCRATIC NAGGING
";
        let ls = lines::split(text);
        assert_eq!(page_break_at(&ls, 1), Some(PageBreak { lines: 10, content_at: None, page: Some(3) }));
    }
}
