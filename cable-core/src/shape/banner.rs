//! The classification banner: `C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434`.

use super::captions;
use crate::classification::{self, BannerWord};
use crate::model::Section;
use crate::scan::{self, Cursor};

/// The parts of a banner line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BannerLine<'a> {
    pub word: BannerWord,
    pub section: Option<Section>,
    /// Station as written, spaces kept (`TEL AVIV`).
    pub station: Option<&'a str>,
    /// Serial as written (`005434`).
    pub serial: Option<&'a str>,
    /// Text after the serial (`SIPDIS`, `STATE FOR ...`), trimmed.
    pub trailing: &'a str,
}

/// Parses a banner line (already trimmed of leading space). Returns `None` for lines that start
/// with a classification word but go on as prose (`SECRET talks began ...`).
pub(crate) fn parse(t: &str) -> Option<BannerLine<'_>> {
    let word = classification::banner_word(t)?;
    let letters = t[..word.len].bytes().filter(u8::is_ascii_alphabetic).count();
    let spaced = word.len >= letters * 2 - 1;
    let mut cur = Cursor::new(t, word.len);
    let mut line = BannerLine { word, section: None, station: None, serial: None, trailing: "" };
    line.section = section(&mut cur);
    // `C O N F I D E N T I A L 75 LIBREVILLE 1895`: a year before the station.
    let save = cur.at;
    match cur.token() {
        Some(y) if y.len() == 2 && scan::is_digits(y) => {}
        _ => cur.at = save,
    }
    let station_start = cur.peek_start();
    let mut station_end = None;
    let mut words = 0;
    loop {
        let save = cur.at;
        match cur.token() {
            Some(tok) if is_station_word(tok) && words < 5 => {
                if !(spaced || scan::is_upper_text(tok)) {
                    cur.at = save;
                    break;
                }
                words += 1;
                station_end = Some(cur.at);
            }
            Some(tok) if scan::is_digits(tok) && tok.len() <= 7 && words > 0 => {
                line.serial = Some(tok);
                break;
            }
            _ => {
                cur.at = save;
                break;
            }
        }
    }
    if let Some(end) = station_end {
        line.station = Some(&t[station_start..end]);
        if line.serial.is_none() {
            // A station without a serial: only caption words may follow the level.
            cur.at = station_start;
            line.station = None;
        }
    }
    if line.section.is_none() {
        line.section = section(&mut cur);
    }
    line.trailing = scan::trim(&t[cur.at..]);
    if line.serial.is_none() && !line.trailing.is_empty() && !captions::is_caption_line(line.trailing) {
        return None;
    }
    if line.station.is_some_and(captions::is_caption_line) {
        return None;
    }
    Some(line)
}

fn is_station_word(tok: &str) -> bool {
    !tok.eq_ignore_ascii_case("SECTION")
        && tok.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && tok.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'.' || b == b'\'')
}

/// `SECTION 01 OF 02` at the cursor.
fn section(cur: &mut Cursor<'_>) -> Option<Section> {
    let save = cur.at;
    let parsed = (|| {
        if !cur.token()?.eq_ignore_ascii_case("SECTION") {
            return None;
        }
        let number = scan::parse_u32(cur.token()?)?;
        if !cur.token()?.eq_ignore_ascii_case("OF") {
            return None;
        }
        let total = scan::parse_u32(cur.token()?)?;
        Some(Section { number, total: Some(total) })
    })();
    if parsed.is_none() {
        cur.at = save;
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::classification::Level;

    type Parts<'a> = (Level, Option<(u32, Option<u32>)>, Option<&'a str>, Option<&'a str>, &'a str);

    fn parts(t: &str) -> Parts<'_> {
        let b = parse(t).unwrap_or_else(|| panic!("no banner in {t:?}"));
        (b.word.level, b.section.map(|s| (s.number, s.total)), b.station, b.serial, b.trailing)
    }

    #[test]
    fn banners_from_the_corpus() {
        assert_eq!(
            parts("C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434"),
            (Level::Confidential, Some((1, Some(2))), Some("MOSCOW"), Some("005434"), "")
        );
        assert_eq!(parts("UNCLAS MANAGUA 001002"), (Level::Unclassified, None, Some("MANAGUA"), Some("001002"), ""));
        assert_eq!(
            parts("UNCLASSIFIED BUENOS AIRES 2481"),
            (Level::Unclassified, None, Some("BUENOS AIRES"), Some("2481"), "")
        );
        assert_eq!(
            parts("UNCLAS SECTION 01 OF 03 HO CHI MINH CITY 000123"),
            (Level::Unclassified, Some((1, Some(3))), Some("HO CHI MINH CITY"), Some("000123"), "")
        );
        assert_eq!(
            parts("C O N F I D E N T I A L MOSCOW 000228 SIPDIS"),
            (Level::Confidential, None, Some("MOSCOW"), Some("000228"), "SIPDIS")
        );
        assert_eq!(
            parts("C o n f i d e n t i a l section 01 of 04 ankara 000348"),
            (Level::Confidential, Some((1, Some(4))), Some("ankara"), Some("000348"), "")
        );
        assert_eq!(
            parts("C O N F I D E N T I A L 75 LIBREVILLE 1895"),
            (Level::Confidential, None, Some("LIBREVILLE"), Some("1895"), "")
        );
        assert_eq!(parts("CONFIDENTIAL"), (Level::Confidential, None, None, None, ""));
        assert_eq!(
            parts("LIMITED OFFICIAL USE STATE 187673"),
            (Level::LimitedOfficialUse, None, Some("STATE"), Some("187673"), "")
        );
        assert_eq!(parts("S E C R E T  STATE 135716"), (Level::Secret, None, Some("STATE"), Some("135716"), ""));
    }

    #[test]
    fn prose_starting_with_a_level_word_is_not_a_banner() {
        assert!(parse("SECRET talks began in 2003").is_none());
        assert!(parse("Confidential sources said").is_none());
        assert!(parse("UNCLASSIFIED SUMMARY FOLLOWS").is_none());
    }
}
