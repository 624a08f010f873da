//! The REF block: lettered or listed references to cables and other documents.

use crate::clean;
use crate::model::{Reference, ReferenceKind};
use crate::scan;
use crate::span::Span;
use crate::spanned::Text;
use std::borrow::Cow;

/// Reads the references of a REF field from its pieces (content after the keyword, then one
/// piece per continuation line). Cable ids are completed later, when the citing cable's year is
/// known ([`crate::finish`]).
pub(crate) fn parse<'a>(pieces: &[&'a str], source: &'a str, out: &mut Vec<Reference<'a>>) {
    // One list of text parts for all items, and the items as ranges of it: two allocations per
    // REF block, none per item.
    let mut parts: Vec<&'a str> = Vec::with_capacity(pieces.len() + 4);
    let mut items: Vec<Item<'a>> = Vec::with_capacity(pieces.len());
    split_items(pieces, &mut parts, &mut items);
    let mut toks: Vec<&'a str> = Vec::new();
    let mut cites: Vec<Citation<'a>> = Vec::new();
    for item in items.iter().filter(|i| !i.parts.is_empty()) {
        let item_parts = &parts[item.parts.clone()];
        toks.clear();
        toks.extend(item_parts.iter().flat_map(|p| scan::tokens(p)));
        cites.clear();
        cite_cables(&toks, item_parts, &mut cites);
        // An item citing one cable (or none) is its own text; an item citing several gives each
        // citation the span of its own words (`STATE 188314,` and `259032`), never a copy of the
        // whole item per citation, which made the output grow with the square of the line.
        let single = cites.len() <= 1;
        let mut item_text = single.then(|| item_text(item_parts, source));
        for c in cites.drain(..) {
            let text = match item_text.take() {
                Some(t) => t,
                None => citation_text(item_parts, c.first, c.last, source),
            };
            out.push(Reference {
                label: item.label,
                kind: ReferenceKind::Cable,
                id: None,
                station: Some(c.station),
                serial: Some(c.serial),
                year: c.year,
                text,
            });
        }
        if let Some(text) = item_text {
            out.push(Reference {
                label: item.label,
                kind: other_kind(&text.value),
                id: None,
                station: None,
                serial: None,
                year: None,
                text,
            });
        }
    }
}

/// A cable cited in an item: its first and last words (the year or station, the serial).
struct Citation<'a> {
    first: &'a str,
    last: &'a str,
    station: Cow<'a, str>,
    serial: u32,
    year: Option<i32>,
}

/// One lettered (or `;`-separated) item: its label and the range of the parts it spans.
struct Item<'a> {
    label: Option<&'a str>,
    parts: std::ops::Range<usize>,
}

/// Splits the pieces into items at labels `A.`, `B)`, `(C)`, `¶D.` (in alphabetical sequence,
/// so that initials and `U.S.` are never taken for labels), or, without labels, at `;` and
/// line ends. Each item's text parts are appended to `parts`.
fn split_items<'a>(pieces: &[&'a str], parts: &mut Vec<&'a str>, items: &mut Vec<Item<'a>>) {
    let push_part = |parts: &mut Vec<&'a str>, s: &'a str| {
        let s = scan::trim(s);
        // (A dash that leads the next item's line, `-      (B) Abuja 2833`, is no text.)
        if !s.is_empty() && s.bytes().any(|b| b != b'-') {
            parts.push(s);
        }
    };
    // The labels: (piece, offset, length, label number).
    let mut labels: Vec<(usize, usize, usize, u8)> = Vec::new();
    let mut expect = 0;
    // A block may start at a later letter (a second block, `REF B SECSTATE 76108`) and its
    // first label may have no punctuation (`REF A SECRETARY'S LETTER`).
    let mut skip_first = 0;
    if let Some((letter, at, len)) = pieces.first().and_then(|p| leading_label(p)) {
        labels.push((0, at, len, letter - b'A'));
        expect = letter - b'A' + 1;
        skip_first = at + len;
    }
    for (pi, piece) in pieces.iter().enumerate() {
        let mut from = if pi == 0 { skip_first } else { 0 };
        while let Some((at, len, letter)) = find_label(piece, from, expect) {
            labels.push((pi, at, len, letter));
            expect += 1;
            from = at + len;
        }
    }
    if labels.is_empty() {
        for piece in pieces {
            for part in piece.split(';') {
                let start = parts.len();
                push_part(parts, part);
                items.push(Item { label: None, parts: start..parts.len() });
            }
        }
        return;
    }
    // Text before the first label (rare: `REF: (NOTAL) A. ...`).
    let (fp, fat, _, _) = labels[0];
    let start = parts.len();
    for p in &pieces[..fp] {
        push_part(parts, p);
    }
    push_part(parts, &pieces[fp][..fat]);
    if parts.len() > start {
        items.push(Item { label: None, parts: start..parts.len() });
    }
    for (k, &(pi, at, len, _)) in labels.iter().enumerate() {
        let (end_piece, end_at) =
            labels.get(k + 1).map_or((pieces.len() - 1, pieces[pieces.len() - 1].len()), |&(p, a, _, _)| (p, a));
        let start = parts.len();
        for (p, piece) in pieces.iter().enumerate().take(end_piece + 1).skip(pi) {
            let from = if p == pi { at + len } else { 0 };
            let to = if p == end_piece { end_at } else { piece.len() };
            if from <= to {
                push_part(parts, &piece[from..to]);
            }
        }
        let label = &pieces[pi][at..at + len];
        items.push(Item { label: Some(letter_of(label)), parts: start..parts.len() });
    }
}

/// The label opening a block: any letter in label form (`B.`, `(C)`, `A:`), or an upper-case
/// letter alone before more text (`A SECRETARY'S LETTER`); its letter (upper case), offset and
/// length.
fn leading_label(piece: &str) -> Option<(u8, usize, usize)> {
    let at = piece.len() - piece.trim_start_matches([' ', '\t']).len();
    let rest = &piece[at..];
    let t = rest.trim_start_matches("[¶](#)").trim_start_matches('¶').trim_start_matches('(');
    let letter = t.bytes().next()?.to_ascii_uppercase();
    if !letter.is_ascii_uppercase() {
        return None;
    }
    if let Some(len) = label_len_at(rest, letter - b'A') {
        if label_ends(rest.as_bytes(), len) {
            return Some((letter, at, len));
        }
    }
    let b = rest.as_bytes();
    (b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b' ').then_some((letter, at, 1))
}

/// The label letters inside `A.`, `(A)`, `¶A.`, `AA.`.
fn letter_of(label: &str) -> &str {
    let i = label.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
    let n = label[i..].bytes().take_while(u8::is_ascii_alphabetic).count().max(1);
    &label[i..i + n]
}

/// The number of labels: `A.` to `Z.`, then `AA.` to `ZZ.`. Past them, no more labels are
/// looked for: the rest of the block belongs to the last item (whose citations each keep their
/// own text), rather than every later item taking the label after `Z`.
const LABELS: u8 = 52;

/// Finds the label for letter `expect` in `piece` at or after `from`: at the start of the piece
/// or after a space, `;` or `,`, and followed by a space or the end — or, for a label closed by
/// a parenthesis, glued to the text (`A)Tel Aviv 000935`, `(B)FBIS LD211046`).
fn find_label(piece: &str, from: usize, expect: u8) -> Option<(usize, usize, u8)> {
    if expect >= LABELS {
        return None;
    }
    let b = piece.as_bytes();
    let mut i = from;
    while i < b.len() {
        let boundary = i == 0 || matches!(b[i - 1], b' ' | b'\t' | b';' | b',' | b':');
        if boundary {
            if let Some(len) = label_len_at(&piece[i..], expect) {
                if label_ends(b, i + len) {
                    return Some((i, len, expect));
                }
            }
        }
        i += 1;
    }
    None
}

/// True when a label that ends before `b[end]` is followed by a space, the end, or (closed by a
/// parenthesis) glued text.
fn label_ends(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None | Some(b' ' | b'\t') => true,
        // `D.01 BRASILIA 3714`: a label glued to the two-digit year of its cable.
        Some(c) if c.is_ascii_digit() && b[end - 1] == b'.' => {
            b.get(end + 1).is_some_and(u8::is_ascii_digit) && matches!(b.get(end + 2), Some(b' '))
        }
        Some(c) => b[end - 1] == b')' && c.is_ascii_alphanumeric(),
    }
}

/// The length of the label number `expect` (0 = `A`, 26 = `AA`) at the start of `s`.
fn label_len_at(s: &str, expect: u8) -> Option<usize> {
    let letter = b'A' + expect % 26;
    let letters = if expect < 26 { 1 } else { 2 };
    let mut i = 0;
    for prefix in ["[¶](#)", "¶"] {
        if s.starts_with(prefix) {
            i = prefix.len();
            break;
        }
    }
    let b = s.as_bytes();
    let paren = b.get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    for _ in 0..letters {
        if !b.get(i)?.eq_ignore_ascii_case(&letter) {
            return None;
        }
        i += 1;
    }
    match b.get(i)? {
        b')' => Some(i + 1),
        b'.' | b':' if !paren => Some(i + 1),
        _ => None,
    }
}

fn item_text<'a>(parts: &[&'a str], source: &'a str) -> Text<'a> {
    let first = parts.first().copied().unwrap_or("");
    let last = parts.last().copied().unwrap_or("");
    let span = Span::of(source, first, 0).to(Span::of(source, last, 0));
    Text::new(clean::join_lines(parts), span)
}

/// The text of one citation of an item, from its word `first` to its word `last` (without
/// trailing punctuation), both sub-slices of `parts`: borrowed when on one line.
fn citation_text<'a>(parts: &[&'a str], first: &'a str, last: &'a str, source: &'a str) -> Text<'a> {
    let last = last.trim_end_matches([',', '.', ';', ':']);
    let addr = |s: &str| s.as_ptr() as usize;
    let inside = |p: &&str, w: &str| addr(w) >= addr(p) && addr(w) + w.len() <= addr(p) + p.len();
    let (Some(a), Some(b)) = (parts.iter().position(|p| inside(p, first)), parts.iter().position(|p| inside(p, last)))
    else {
        return item_text(parts, source);
    };
    let from = addr(first) - addr(parts[a]);
    let to = addr(last) + last.len() - addr(parts[b]);
    let pieces: Vec<&'a str> = if a == b {
        vec![&parts[a][from..to]]
    } else {
        let mut v = vec![&parts[a][from..]];
        v.extend(&parts[a + 1..b]);
        v.push(&parts[b][..to]);
        v
    };
    item_text(&pieces, source)
}

/// Words that end a station name going backwards, or can never be one.
const NOT_STATION: &[&str] = &[
    "AND",
    "OR",
    "OF",
    "IN",
    "SEE",
    "ALSO",
    "REF",
    "REFS",
    "REFTEL",
    "REFTELS",
    "PARA",
    "PARAS",
    "PARAGRAPH",
    "NO",
    "NUMBER",
    "NOTAL",
    "EXDIS",
    "NODIS",
    "LIMDIS",
    "CIRCULAR",
    "AS",
    "ON",
    "TO",
    "FROM",
    "BY",
    "AT",
    "VIA",
    "IIR",
    "OSC",
    "FBIS",
    "EMAIL",
    "E-MAIL",
    "MEMCON",
    "TELCON",
    "TELECON",
    "DTG",
    "MSG",
    "PAGE",
    "SECTION",
    "PREVIOUS",
    "AIRGRAM",
    "A",
    "AN",
    "ITEM",
    "ITEMS",
    "TDX",
    "TD",
    "REPORT",
    "DATED",
    "OUR",
    "YOUR",
    "RE",
    "AMEMBASSY",
    "AMCONSUL",
    "FOR",
    "THE",
    // Other kinds of messages: `BOGOTA TWX 07868`, `DJIBOUTI DIP NOTE 041`.
    "TWX",
    "NOTE",
    "APPROX",
];

/// Finds cable citations (`STATE 12345`, `07 MOSCOW 5432`, `2007 MANAGUA 2135`,
/// `STATE 188314, 259032`, `09 FOO 12 AND 13`) in an item.
fn cite_cables<'a>(toks: &[&'a str], parts: &[&'a str], out: &mut Vec<Citation<'a>>) {
    let sentence_case = parts.iter().any(|p| p.bytes().any(|b| b.is_ascii_lowercase()));
    let mut i = 0;
    while i < toks.len() {
        // One token: `10-OTTAWA-57`, `HK05511` (a label glued before it: `B)HK05511`).
        if let Some((year, station, serial)) = one_token_id(toks[i]) {
            out.push(Citation { first: toks[i], last: toks[i], station, serial, year });
            i += 1;
            continue;
        }
        let Some(serial) = serial_of(toks[i]) else {
            i += 1;
            continue;
        };
        // Walk back over the station words.
        let mut j = i;
        while j > 0 && i - j < 4 && is_station_word(toks[j - 1], sentence_case) {
            j -= 1;
        }
        // A station of the table wins over other words (`Rio de Janeiro 128`, whose `de` is no
        // station word; `RIO DE JAN 138`): the longest run of words before the serial, particles
        // included, that names a known station.
        let known = known_station_start(toks, i);
        // `INCSR BRAZIL 2008`: a title naming a country and a year, not a cable.
        let titled_year = known.is_some_and(|k| k > j) && looks_like_year(toks[i]);
        // `PAGE 02 ROME 01196 01 OF 02 082030Z`: a page banner that ran into the REF block.
        let page_banner = j >= 2 && toks[j - 2].eq_ignore_ascii_case("PAGE") && year_of(toks[j - 1]).is_some();
        if titled_year || page_banner {
            i += 1;
            continue;
        }
        if let Some(k) = known {
            j = k;
        }
        // `Ref: 870 Ulaanbaatar`: the serial (three digits or more, no year: `03 Brasilia` and
        // `2003 Brasilia` are items whose serial was lost) before a station of the table,
        // ending the item.
        let serial_first = toks[i].trim_end_matches([',', '.', ';']).len() >= 3 && !looks_like_year(toks[i]);
        if j == i && i + 2 == toks.len() && serial_first {
            if let Some(station) = known_station(toks[i + 1]) {
                out.push(Citation { first: toks[i], last: toks[i + 1], station, serial, year: None });
                i += 2;
                continue;
            }
        }
        // `10SHENYANG 003`: the year glued to the station.
        let glued = if j == i { i.checked_sub(1).and_then(|p| glued_year_station(toks[p])) } else { None };
        // (`RIO DE JAN 38` names a station: only a month standing alone makes a date.)
        let date = known.is_none_or(|k| k + 1 == i) && is_date_like(toks, j, i);
        if (j == i && glued.is_none()) || date {
            i += 1;
            continue;
        }
        let (station, year, first) = match glued {
            Some((year, station)) => (Cow::Borrowed(station), Some(year), toks[i - 1]),
            None => {
                let year = j.checked_sub(1).and_then(|y| year_of(toks[y]));
                (station_of(&toks[j..i]), year, toks[if year.is_some() { j - 1 } else { j }])
            }
        };
        let (year, last) = match year_after_serial(toks, i) {
            Some((after, last)) => (Some(after), last),
            None => (year, toks[i]),
        };
        out.push(Citation { first, last, station: station.clone(), serial, year });
        // More serials of the same station: `188314, 259032`, `12 AND 13`.
        let mut k = i + 1;
        while k < toks.len() {
            let t = toks[k];
            if t == "AND" || t == "and" || t == "&" {
                k += 1;
                continue;
            }
            // `04 CAL 450, 04 CAL 0143`: a year before the next station starts a new citation.
            let year_of_next = year_of(t.trim_end_matches(',')).is_some()
                && toks.get(k + 1).is_some_and(|n| is_station_word(n, sentence_case));
            match serial_of(t) {
                Some(s)
                    if !year_of_next && (toks[k - 1].ends_with(',') || matches!(toks[k - 1], "AND" | "and" | "&")) =>
                {
                    out.push(Citation { first: t, last: t, station: station.clone(), serial: s, year });
                    k += 1;
                }
                _ => break,
            }
        }
        i = k;
    }
}

/// A four-digit number that reads as a year of the cables (1946–2030).
fn looks_like_year(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', '.', ';', ')', ':']);
    t.len() == 4 && scan::parse_u32(t).is_some_and(|y| (1946..=2030).contains(&y))
}

/// The canonical station of one word when the table knows it (`Ulaanbaatar` → `ULAANBAATAR`).
fn known_station(tok: &str) -> Option<Cow<'static, str>> {
    let t = tok.trim_end_matches([',', '.', ';']);
    if t.len() < 2 || !t.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let upper = t.to_ascii_uppercase();
    crate::ids::by_station(&crate::ids::canonical_station(&upper)).map(|r| Cow::Borrowed(r.station()))
}

/// A cable id written as one token: year, station and serial joined by dashes (`10-OTTAWA-57`),
/// or a known station glued to its serial (`HK05511`, after a label: `B)HK05511`).
fn one_token_id(tok: &str) -> Option<(Option<i32>, Cow<'static, str>, u32)> {
    let t = tok.trim_end_matches([',', '.', ';', ':']);
    let t = t.rsplit_once(')').map_or(t, |(_, rest)| rest);
    let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
    if letters < 2 || !t.bytes().any(|b| b.is_ascii_digit()) || t.len() > 40 {
        return None;
    }
    let mut parts = t.split('-');
    let (year, rest) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(station), Some(serial), None) if y.len() == 2 && scan::is_digits(y) => {
            (Some(scan::expand_year(scan::parse_u32(y)?)), (station, serial))
        }
        (Some(_), None, None, None) => {
            let at = t.find(|c: char| c.is_ascii_digit())?;
            (None, t.split_at(at))
        }
        _ => return None,
    };
    let (station, serial) = rest;
    if !station.bytes().all(|b| b.is_ascii_uppercase()) || serial.len() > 7 {
        return None;
    }
    let station = known_station(station)?;
    let serial = scan::parse_u32(serial).filter(|&n| n > 0)?;
    Some((year, station, serial))
}

/// A serial: 1–7 digits, trailing punctuation allowed (`1234,` `5678.` `(NOTAL)` is separate),
/// a letter O typed for a zero (`O1512`), and a two-digit year after a dash or slash
/// (`4525-91`, `00789/08`: see [`year_after_serial`]).
fn serial_of(tok: &str) -> Option<u32> {
    let t = tok.trim_end_matches([',', '.', ';', ')', ':']);
    let t = serial_and_year(t).map_or(t, |(n, _)| n);
    if t.len() > 7 {
        return None;
    }
    digits_typed_with_o(t).and_then(|d| scan::parse_u32(&d))
}

/// `t` with each letter O read as a zero when all its other characters are digits and it has
/// at least one (`O1512` → `01512`; `OK` and `O` stay no number).
fn digits_typed_with_o(t: &str) -> Option<Cow<'_, str>> {
    if scan::is_digits(t) {
        return Some(Cow::Borrowed(t));
    }
    let ok = t.bytes().any(|b| b.is_ascii_digit()) && t.bytes().all(|b| b.is_ascii_digit() || b == b'O');
    ok.then(|| Cow::Owned(t.replace('O', "0")))
}

/// `4525-91`, `00789/08`: a serial of three digits or more, a dash or slash and a two-digit
/// year. (`4/28`, `12/21` are dates of e-mails and telcons.)
fn serial_and_year(t: &str) -> Option<(&str, &str)> {
    t.split_once(['-', '/'])
        .filter(|(n, yy)| n.len() >= 3 && scan::is_digits(n) && yy.len() == 2 && scan::is_digits(yy))
}

/// The year written after a serial: `4525-91`, `00789/08` in the token, or `(08)` as the next
/// token (`ASUNCION 701 (08)`). Returns the year and the token that ends the citation.
fn year_after_serial<'a>(toks: &[&'a str], i: usize) -> Option<(i32, &'a str)> {
    let t = toks[i].trim_end_matches([',', '.', ';', ')', ':']);
    if let Some((_, yy)) = serial_and_year(t) {
        return Some((scan::expand_year(scan::parse_u32(yy)?), toks[i]));
    }
    let next = *toks.get(i + 1)?;
    let yy = next.strip_prefix('(')?.trim_end_matches([',', '.', ';']).strip_suffix(')')?;
    (yy.len() == 2 && scan::is_digits(yy)).then(|| (scan::expand_year(scan::parse_u32(yy).unwrap_or(0)), next))
}

/// `10SHENYANG`: a two-digit year glued to an upper-case station.
fn glued_year_station(tok: &str) -> Option<(i32, &str)> {
    let b = tok.as_bytes();
    let ok = b.len() >= 5 && b[..2].iter().all(u8::is_ascii_digit) && b[2..].iter().all(u8::is_ascii_uppercase);
    ok.then(|| (scan::expand_year(scan::parse_u32(&tok[..2]).unwrap_or(0)), &tok[2..]))
}

fn year_of(tok: &str) -> Option<i32> {
    // `(B)O4 CHENNAI 0944`: a letter O typed for a zero.
    let tok = tok
        .strip_prefix('O')
        .filter(|d| d.len() == 1 && scan::is_digits(d))
        .map_or(Cow::Borrowed(tok), |d| Cow::Owned(format!("0{d}")));
    match tok.len() {
        2 => scan::parse_u32(&tok).map(scan::expand_year),
        4 => scan::parse_u32(&tok).map(|y| y as i32).filter(|y| (1960..2020).contains(y)),
        _ => None,
    }
}

fn is_station_word(tok: &str, sentence_case: bool) -> bool {
    // `STATE: 73097`: a colon between the station and the serial.
    let t = tok.trim_end_matches(':').trim_end_matches("'S").trim_end_matches("'s");
    // `COTON0U 348`: a zero typed for the letter O inside the word.
    let shape = t.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'.' || b == b'0')
        && t.bytes().filter(|&b| b == b'0').count() * 3 < t.len();
    // A label or an initial (`A.`, `B)`) is never part of a station (`A. A. STATE 150717`).
    let label = t.len() == 2 && t.ends_with(['.', ')']);
    if !shape || t.len() < 2 || label {
        return false;
    }
    if NOT_STATION.iter().any(|w| w.eq_ignore_ascii_case(t.trim_end_matches('.'))) {
        return false;
    }
    scan::is_upper_text(t) || (sentence_case && t.as_bytes()[0].is_ascii_uppercase()) || (sentence_case && t.len() > 3)
}

/// `NOV 2, 1966`, `JULY 15`, `DECEMBER 2002`, `040709Z JUN 87`: a month name and a day or a
/// year are a date, not a station and serial. Also when other words come before the month
/// (`DEMARCHE DECEMBER 12`, `E-MAILS DECEMBER 3`): the word before the number decides. So is
/// a quarter and a year.
fn is_date_like(toks: &[&str], j: usize, i: usize) -> bool {
    let day_or_year = |t: &str| {
        let digits = t.trim_end_matches([',', '.', ';', ')', ':']);
        serial_of(t).is_some_and(|n| n <= 31 || digits.len() == 2 || (digits.len() == 4 && (1960..2030).contains(&n)))
    };
    let year = |t: &str| year_of(t.trim_end_matches([',', '.', ';', ')', ':'])).is_some_and(|_| t.len() >= 4);
    i > j
        && ((scan::month_name_number(toks[i - 1]).is_some() && day_or_year(toks[i]))
            // `1 QUARTER 2004` (04TEGUCIGALPA1197).
            || (toks[i - 1].eq_ignore_ascii_case("QUARTER") && year(toks[i])))
}

/// Station words joined without spaces, upper case, then the table's canonical station
/// (`SECSTATE` → `STATE`, `HCMC` → `HOCHIMINHCITY`, `ABUJA NI` → `ABUJA`; see
/// [`crate::ids::canonical_station`]).
fn station_of<'a>(toks: &[&'a str]) -> Cow<'a, str> {
    let stripped =
        |t: &'a str| t.trim_end_matches(':').trim_end_matches("'S").trim_end_matches("'s").trim_end_matches('.');
    if toks.iter().any(|t| t.contains('0')) {
        // `COTON0U`: the zero was typed for a letter O.
        let joined: String = toks.iter().map(|t| stripped(t).to_ascii_uppercase().replace('0', "O")).collect();
        return Cow::Owned(crate::ids::canonical_station(&joined).into_owned());
    }
    let single = toks.len() == 1 && scan::is_upper_text(stripped(toks[0]));
    if single {
        return crate::ids::canonical_station(stripped(toks[0]));
    }
    let joined: String = toks.iter().map(|t| stripped(t).to_ascii_uppercase()).collect();
    Cow::Owned(crate::ids::canonical_station(&joined).into_owned())
}

/// Lower-case words inside place names (`Rio de Janeiro`, `Dar es Salaam`).
const PARTICLES: &[&str] = &["de", "da", "do", "es", "el", "al", "la", "du", "of"];

/// Where the longest run of (up to four) words before `toks[i]` that names a station of the
/// table starts, if one does.
fn known_station_start(toks: &[&str], i: usize) -> Option<usize> {
    let word = |t: &str| {
        let t = t.trim_end_matches('.');
        !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
    };
    let mut first = i;
    while first > 0 && i - first < 4 && (word(toks[first - 1]) || PARTICLES.contains(&toks[first - 1])) {
        first -= 1;
    }
    // The words joined once, upper case, in a stack buffer: each candidate is a suffix of it.
    let mut buf = [0u8; 96];
    let mut len = 0;
    let mut starts = [0usize; 4];
    for (n, t) in toks[first..i].iter().enumerate() {
        starts[n] = len;
        let t = t.trim_end_matches('.');
        if len + t.len() > buf.len() {
            return None;
        }
        buf[len..len + t.len()].copy_from_slice(t.as_bytes());
        len += t.len();
    }
    buf[..len].make_ascii_uppercase();
    let joined = std::str::from_utf8(&buf[..len]).ok()?;
    (0..i - first)
        .find(|&n| crate::ids::by_station(&crate::ids::canonical_station(&joined[starts[n]..])).is_some())
        .map(|n| first + n)
}

/// The kind of a non-cable reference, from its words.
fn other_kind(text: &str) -> ReferenceKind {
    let has = |w: &str| scan::find_ci(text, w).is_some();
    if has("EMAIL") || has("E-MAIL") || has("E-MAILS") {
        ReferenceKind::Email
    } else if has("TELCON") || has("TELECON") || has("PHONECON") || has("TELEPHONE") || has("PHONE CALL") {
        ReferenceKind::Telcon
    } else if has("MEMCON") {
        ReferenceKind::Memcon
    } else if has("REPORT") || has("IIR ") || has("OSC ") || has("FBIS") {
        ReferenceKind::Report
    } else {
        ReferenceKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parts = (Option<&'static str>, ReferenceKind, Option<String>, Option<u32>, Option<i32>);

    fn refs(src: &'static str) -> Vec<Parts> {
        let pieces: Vec<&str> = src.split('\n').collect();
        let mut out = Vec::new();
        parse(&pieces, src, &mut out);
        out.into_iter().map(|r| (r.label, r.kind, r.station.map(|s| s.into_owned()), r.serial, r.year)).collect()
    }

    fn cable(label: Option<&'static str>, station: &str, serial: u32, year: Option<i32>) -> Parts {
        (label, ReferenceKind::Cable, Some(station.to_string()), Some(serial), year)
    }

    #[test]
    fn lettered_items_over_lines() {
        let r = refs(" A. SANAA 1546\n     B. SANAA 1414\n     C. STATE 163627");
        assert_eq!(
            r,
            [
                cable(Some("A"), "SANAA", 1546, None),
                cable(Some("B"), "SANAA", 1414, None),
                cable(Some("C"), "STATE", 163627, None)
            ]
        );
    }

    #[test]
    fn inline_labels_and_years() {
        let r = refs(" A) TEL AVIV 4184 B) JERUSALEM 2729");
        assert_eq!(r, [cable(Some("A"), "TELAVIV", 4184, None), cable(Some("B"), "JERUSALEM", 2729, None)]);
        let r = refs(" A. 03 LILONGWE 1202 B. 2007 MANAGUA 2135");
        assert_eq!(r, [cable(Some("A"), "LILONGWE", 1202, Some(2003)), cable(Some("B"), "MANAGUA", 2135, Some(2007))]);
    }

    #[test]
    fn several_serials_and_non_cables() {
        let r = refs(" STATE 188314, 259032");
        assert_eq!(r, [cable(None, "STATE", 188314, None), cable(None, "STATE", 259032, None)]);
        let r = refs(" STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966");
        assert_eq!(r[0], cable(None, "STATE", 106206, None));
        assert_eq!(r[1].1, ReferenceKind::Other);
        assert_eq!(r.len(), 2);
        let r = refs(" A. LEE-GOLDSTEIN EMAIL 05/11/07 B. SECSTATE 271552");
        assert_eq!(r[0].1, ReferenceKind::Email);
        assert_eq!(r[1], cable(Some("B"), "STATE", 271552, None));
        let r = refs(" 09 FOO 12 AND 13");
        assert_eq!(r, [cable(None, "FOO", 12, Some(2009)), cable(None, "FOO", 13, Some(2009))]);
    }

    #[test]
    fn doubled_labels_are_not_stations() {
        // 04KINSHASA1339 (cables-real-dev.csv): `REF: A. A. STATE 150717` gave ASTATE.
        let r = refs(" A. A. STATE 150717\n     B. B. E-MAIL SANDERSON-EASTHAM 7/8/04\n     C. C. KINSHASA 1050");
        assert_eq!(r[0], cable(Some("A"), "STATE", 150717, None));
        assert_eq!(r[1].1, ReferenceKind::Email);
        assert_eq!(r[2], cable(Some("C"), "KINSHASA", 1050, None));
    }

    #[test]
    fn blocks_that_start_at_a_later_letter_or_without_punctuation() {
        // 09ABUDHABI754: `REF A SECRETARY'S LETTER ...` then `REF B SECSTATE 76108`.
        let r = refs(" A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS");
        assert_eq!((r.len(), r[0].0, r[0].1), (1, Some("A"), ReferenceKind::Other));
        assert_eq!(refs(" B SECSTATE 76108"), [cable(Some("B"), "STATE", 76108, None)]);
        // 01VATICAN2531 (cables-real-dev.csv): `REF A: STATE 72589  REF B: VATICAN 00747`.
        let r = refs(" A: STATE 72589  REF B: VATICAN 00747");
        assert_eq!(r, [cable(Some("A"), "STATE", 72589, None), cable(Some("B"), "VATICAN", 747, None)]);
        assert_eq!(refs(" C: BEIJING 3977"), [cable(Some("C"), "BEIJING", 3977, None)]);
        // 05KINSHASA11 (cables-real-dev.csv): `REF A: 04 STATE 099987`.
        assert_eq!(refs(" A: 04 STATE 099987"), [cable(Some("A"), "STATE", 99987, Some(2004))]);
        // No label: a station first.
        assert_eq!(refs(" STATE 1234"), [cable(None, "STATE", 1234, None)]);
    }

    #[test]
    fn a_year_after_the_serial_and_o_for_zero() {
        // 09DOHA214: `C. DOHA 152 (08)`; the peer parser's cases: `QUITO 4525-91`, `00789/08`.
        assert_eq!(refs(" C. DOHA 152 (08)"), [cable(Some("C"), "DOHA", 152, Some(2008))]);
        assert_eq!(refs(" A. QUITO 4525-91"), [cable(Some("A"), "QUITO", 4525, Some(1991))]);
        assert_eq!(refs(" B. B: PANAMA 00930/08"), [cable(Some("B"), "PANAMA", 930, Some(2008))]);
        // cables-real-dev.csv row 3767: `Panama O417`; the peer's `(B)O4 CHENNAI 0944`.
        assert_eq!(refs(" B. Panama O417"), [cable(Some("B"), "PANAMA", 417, None)]);
        assert_eq!(refs(" (B)O4 CHENNAI 0944"), [cable(Some("B"), "CHENNAI", 944, Some(2004))]);
        // Month and day of an e-mail are no serial and year (row 1947: `HARDT-KEEGAN 4/28 E-MAIL`).
        assert!(refs(" A. HARDT-KEEGAN 4/28 E-MAIL").iter().all(|p| p.1 != ReferenceKind::Cable));
    }

    #[test]
    fn a_year_glued_to_the_station() {
        // 10SHENYANG5: `REF: A. 10SHENYANG 003  B. 09SHENYANG 167`.
        let r = refs(" A. 10SHENYANG 003  B. 09SHENYANG 167");
        assert_eq!(r, [cable(Some("A"), "SHENYANG", 3, Some(2010)), cable(Some("B"), "SHENYANG", 167, Some(2009))]);
    }

    #[test]
    fn a_month_before_the_number_is_a_date() {
        // `DEMARCHE DECEMBER 12` (a dated demarche) is no cable; `STATE 12` is.
        let r = refs(" A. DEMARCHE DECEMBER 12 B. STATE 12");
        assert_eq!(r[0].1, ReferenceKind::Other);
        assert_eq!(r[1], cable(Some("B"), "STATE", 12, None));
    }

    #[test]
    fn a_month_before_a_year_is_a_date() {
        // 03OTTAWA160 (cables-real-dev.csv): `A. TREAS 041955Z DECEMBER 2002` gave 03DECEMBER2002.
        let r = refs(" A. TREAS 041955Z DECEMBER 2002\n     B. OTTAWA 3113");
        assert_eq!(r[0].1, ReferenceKind::Other);
        assert_eq!(r[1], cable(Some("B"), "OTTAWA", 3113, None));
        // 87DAMASCUS3020: `A. FBIS AMMAN JO 040709Z JUN 87 --` gave 87JUN87.
        assert_eq!(refs(" A. FBIS AMMAN JO 040709Z JUN 87 --")[0].1, ReferenceKind::Report);
        // 04MADRID822: `... TO SPAIN DESK ON 25 FEB 2004` gave 25FEB2004.
        assert_eq!(refs(" C. CLASSIFIED EMAIL FROM MADRID TO SPAIN DESK ON 25 FEB 2004")[0].1, ReferenceKind::Email);
        // A station spelled with a month abbreviation stays a station.
        assert_eq!(refs(" RIO DE JAN 38"), [cable(None, "RIODEJANEIRO", 38, None)]);
        // 04TEGUCIGALPA1197: `C. TEGUCIGALPA 00883 QUARTERLY STATUS REPORT 1 QUARTER 2004` gave
        // 04QUARTER2004 besides the cable.
        let r = refs(" C. TEGUCIGALPA 00883 QUARTERLY STATUS REPORT 1 QUARTER 2004");
        assert_eq!(r, [cable(Some("C"), "TEGUCIGALPA", 883, None)]);
    }

    #[test]
    fn labels_glued_to_their_text() {
        // 04TELAVIV1389 (cables-real-dev.csv): `REF: A)Tel Aviv 000935` / `B)03 Tel Aviv 6216`
        // gave station AVIV and lost the labels.
        let r = refs(" A)Tel Aviv 000935\n     B)03 Tel Aviv 6216");
        assert_eq!(r, [cable(Some("A"), "TELAVIV", 935, None), cable(Some("B"), "TELAVIV", 6216, Some(2003))]);
        // 04BRASILIA2526: `REF: A)SAO PAULO 1326 B) BRASILIA 2253` gave station PAULO.
        let r = refs(" A)SAO PAULO 1326 B) BRASILIA 2253");
        assert_eq!(r, [cable(Some("A"), "SAOPAULO", 1326, None), cable(Some("B"), "BRASILIA", 2253, None)]);
        // 87RIYADH8409: `(A)FBIS LD211453 AUG 87 AND FF.`
        let r = refs(" (A)FBIS LD211453 AUG 87 AND FF. (11 SECTIONS)\n     - (B)FBIS LD211046 AUG 87 AND FF.");
        assert_eq!((r.len(), r[0].0, r[0].1, r[1].0), (2, Some("A"), ReferenceKind::Report, Some("B")));
        // Only a parenthesis may be glued: `A.B.` are initials.
        assert_eq!(refs(" A.B. SMITH MEMCON")[0].0, None);
    }

    #[test]
    fn other_messages_are_no_cables() {
        // 04TEGUCIGALPA2063: `A. BOGOTA TWX 07868 DATED 091639ZAUG04` gave BOGOTATWX.
        assert_eq!(refs(" A. BOGOTA TWX 07868 DATED 091639ZAUG04")[0].1, ReferenceKind::Other);
        // 04DJIBOUTI1142: `A. DJIBOUTI DIP NOTE 041` gave DJIBOUTIDIPNOTE.
        assert_eq!(refs(" A. DJIBOUTI DIP NOTE 041")[0].1, ReferenceKind::Other);
        // 01STATE61624: `... TELCON 04/06/01 AT APPROX. 1400 EDT` gave APPROX.
        assert_eq!(
            refs(" C. NEA A/S WALKER - QATAR FM TELCON 04/06/01 AT APPROX. 1400 EDT")[0].1,
            ReferenceKind::Telcon
        );
    }

    fn texts(src: &'static str) -> Vec<(Option<&'static str>, String)> {
        let pieces: Vec<&str> = src.split('\n').collect();
        let mut out = Vec::new();
        parse(&pieces, src, &mut out);
        for r in &out {
            assert_eq!(r.text.span.slice(src).split_whitespace().next(), r.text.value.split_whitespace().next());
        }
        out.into_iter().map(|r| (r.label, r.text.value.into_owned())).collect()
    }

    #[test]
    fn each_citation_of_an_item_has_its_own_text() {
        // 72TEHRAN1091 (cables-dev.csv row 2): every citation had the whole item as its text.
        let t = texts(" TEHRAN 1091: TEHRAN 263: MOSCOW 1603");
        assert_eq!(t, [(None, "TEHRAN 1091".into()), (None, "TEHRAN 263".into()), (None, "MOSCOW 1603".into())]);
        let t = texts(" A. 04 STATE 297614 AND PREVIOUS 03 RANGOON\n     1427 B. STATE 1 (NOTAL)");
        assert_eq!(
            t,
            [
                (Some("A"), "04 STATE 297614".into()),
                (Some("A"), "03 RANGOON 1427".into()),
                (Some("B"), "STATE 1 (NOTAL)".into())
            ]
        );
        assert_eq!(texts(" STATE 188314, 259032"), [(None, "STATE 188314".into()), (None, "259032".into())]);
        // Issue 14: 10,000 serials on one line gave 590 MB of JSON.
        let line: &'static str = Box::leak(
            format!(" STATE {}", (1..=10_000).map(|n| n.to_string()).collect::<Vec<_>>().join(", ")).into_boxed_str(),
        );
        let t = texts(line);
        assert_eq!(t.len(), 10_000);
        assert!(t.iter().map(|(_, s)| s.len()).sum::<usize>() <= line.len());
        assert_eq!(t[9_999].1, "10000");
    }

    #[test]
    fn labels_past_z_are_doubled_letters() {
        let letters: Vec<String> = (b'A'..=b'Z').map(|c| (c as char).to_string()).collect();
        let mut src: String = letters.iter().enumerate().map(|(i, l)| format!(" {l}. STATE {}", i + 1)).collect();
        src.push_str(" AA. STATE 27 BB. STATE 28 CC. STATE 29");
        let src: &'static str = Box::leak(src.into_boxed_str());
        let r = refs(src);
        assert_eq!(r.len(), 29);
        assert_eq!(r[25], cable(Some("Z"), "STATE", 26, None));
        assert_eq!(r[26], cable(Some("AA"), "STATE", 27, None));
        assert_eq!(r[28], cable(Some("CC"), "STATE", 29, None));
        // Past ZZ no label is looked for: the last item holds the rest, each citation its words.
        let mut src: String = (0..60).map(|i| format!(" {}. STATE {}", label(i), i + 1)).collect();
        src.push('\n');
        let src: &'static str = Box::leak(src.into_boxed_str());
        let t = texts(src);
        assert_eq!(t.len(), 60);
        assert_eq!(t[51], (Some("ZZ"), "STATE 52".into()));
        assert_eq!(t[59], (Some("ZZ"), "STATE 60".into()));
    }

    fn label(i: usize) -> String {
        let c = (b'A' + (i % 26) as u8) as char;
        std::iter::repeat_n(c, i / 26 + 1).collect()
    }

    #[test]
    fn initials_are_not_labels() {
        let r = refs(" A. MEMCON WITH J. SMITH B. STATE 1234");
        assert_eq!(r[0].1, ReferenceKind::Memcon);
        assert_eq!(r[1], cable(Some("B"), "STATE", 1234, None));
    }
}
