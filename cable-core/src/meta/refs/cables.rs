//! Cable citations inside a reference item: `STATE 12345`, `07 MOSCOW 5434`, `MOSCOW 5434 OF
//! 2007`, `10-OTTAWA-57`, station names of several words, years before or after the serial.

use super::{Citation, Citations};
use crate::scan;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Words that end a station name going backwards, or can never be one.
pub(super) const NOT_STATION: &[&str] = &[
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
pub(super) fn cite_cables<'a>(toks: &[&'a str], parts: &[&'a str], out: &mut Citations<'a>) {
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
    // (A word without a digit, most of those asked, is no id: it ends here, before it is cut.)
    if !tok.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
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
    // A serial opens with a digit or the letter O, whatever follows: a word (most of those
    // asked) ends here, before its punctuation is trimmed and a year looked for.
    if !tok.as_bytes().first().is_some_and(|&b| b.is_ascii_digit() || b == b'O') {
        return None;
    }
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

/// `s` without any number of `suffix` at its end (`str::trim_end_matches` with a string
/// pattern, without the cost of setting up a substring searcher for each word).
fn trim_end_str<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// A word without the colon, possessive and full stop that may follow a station (`STATE:`,
/// `MOSCOW'S`).
fn stripped(t: &str) -> &str {
    trim_end_str(trim_end_str(t.trim_end_matches(':'), "'S"), "'s").trim_end_matches('.')
}

fn is_station_word(tok: &str, sentence_case: bool) -> bool {
    // `STATE: 73097`: a colon between the station and the serial.
    let t = trim_end_str(trim_end_str(tok.trim_end_matches(':'), "'S"), "'s");
    // `COTON0U 348`: a zero typed for the letter O inside the word. (One pass over the bytes
    // tells the shape, the zeros and the case: the word opens with a letter, so it is upper-case
    // text when it holds no lower-case letter.)
    let (mut zeros, mut lower) = (0, false);
    let shape = t.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && t.bytes().all(|b| {
            zeros += usize::from(b == b'0');
            lower |= b.is_ascii_lowercase();
            b.is_ascii_alphabetic() || b == b'-' || b == b'.' || b == b'0'
        })
        && zeros * 3 < t.len();
    // A label or an initial (`A.`, `B)`) is never part of a station (`A. A. STATE 150717`).
    let label = t.len() == 2 && t.ends_with(['.', ')']);
    if !shape || t.len() < 2 || label {
        return false;
    }
    if is_not_station(t.trim_end_matches('.')) {
        return false;
    }
    !lower || (sentence_case && t.as_bytes()[0].is_ascii_uppercase()) || (sentence_case && t.len() > 3)
}

/// `word` is one of [`NOT_STATION`], in any case: the word upper-cased into an integer (its bytes
/// big-endian, zero-padded) and searched among the list's, packed and sorted once (this runs for
/// each word before a serial).
pub(super) fn is_not_station(word: &str) -> bool {
    fn pack(w: &[u8]) -> Option<u128> {
        scan::pack16(w, |b| b.to_ascii_uppercase())
    }
    static PACKED: LazyLock<Vec<u128>> = LazyLock::new(|| {
        let mut v: Vec<u128> = NOT_STATION.iter().filter_map(|w| pack(w.as_bytes())).collect();
        v.sort_unstable();
        v
    });
    // (No listed word is longer than 16 bytes or holds a zero byte: such a word is none of them.)
    pack(word.as_bytes()).is_some_and(|key| PACKED.binary_search(&key).is_ok())
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
