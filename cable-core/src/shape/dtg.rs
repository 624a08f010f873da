//! Format line 5: precedence letters and the date-time group (`O 171231Z NOV 07`).

use crate::model::Precedence;
use crate::scan;
use crate::scan::Cursor;
use chrono::{DateTime, NaiveDate, Utc};

/// The parts of a precedence + date-time-group line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DtgLine<'a> {
    pub precedence: Option<Precedence>,
    pub info_precedence: Option<Precedence>,
    /// `171231Z NOV 07`.
    pub raw: &'a str,
    /// `None` when the fields do not form a real date.
    pub created: Option<DateTime<Utc>>,
    /// Operating signals after the year (`ZFF4`).
    pub signals: Option<&'a str>,
    /// A precedence letter was damaged: a zero typed for `O` (`0 241208Z OCT 79`).
    pub damaged: bool,
}

/// Parses `O 171231Z NOV 07`, `O P 071948Z OCT 08`, `O R 181205Z NOV 75 ZFF4`, and the bare
/// echo of partial records (`291359Z Nov 00`, no precedence). Returns `None` when the line is not
/// of this form at all.
pub(crate) fn parse(line: &str) -> Option<DtgLine<'_>> {
    // The first word is a precedence letter or the group, which opens with a digit: a line that
    // opens with a letter and a second letter or digit (`FM AMEMBASSY ...`, `RUEHZL/...`, every
    // addressee line of the header asked here) is neither, told by two bytes before a token is
    // read.
    if let [first, second, ..] = line.as_bytes() {
        if first.is_ascii_alphabetic() && second.is_ascii_alphanumeric() {
            return None;
        }
    }
    let mut cur = Cursor::new(line, 0);
    let mut toks = std::iter::from_fn(move || cur.token_at());
    let mut precedences = [None, None];
    let mut n = 0;
    let mut damaged = false;
    let mut dtg = toks.next()?;
    while dtg.1.len() == 1 && n < 2 {
        let mut letter = dtg.1.as_bytes()[0];
        if letter == b'0' {
            letter = b'O';
            damaged = true;
        }
        precedences[n] = Some(Precedence::from_letter(letter)?);
        n += 1;
        dtg = toks.next()?;
    }
    let (start, group) = dtg;
    if group.len() != 7 || !group.ends_with(['Z', 'z']) || !scan::is_digits(&group[..6]) {
        return None;
    }
    let (_, mon) = toks.next()?;
    let month = scan::month_number(mon)?;
    let (year_at, yy) = toks.next()?;
    if !scan::is_digits(yy) || !(yy.len() == 2 || yy.len() == 4) {
        return None;
    }
    let raw = &line[start..year_at + yy.len()];
    let rest = scan::trim(&line[year_at + yy.len()..]);
    let signals = (!rest.is_empty()).then_some(rest);
    // After a precedence, operating signals may carry a service note (`ZDK TO ALL CITE NUMEROUS
    // SERVICE REQUESTS`, `ZDS CTG RUEHSD 0020 1580042`) or a corrected copy's tag (`(CCY
    // ADC1AECC MSI3311-632)`); otherwise a short group only, so that prose is never a DTG line.
    let noted = precedences[0].is_some() && rest.starts_with(['Z', '(']);
    let limit = if noted { 64 } else { 24 };
    if signals.is_some_and(|s| s.len() > limit || s.contains(|c: char| c.is_ascii_lowercase())) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| group[r].parse::<u32>().ok();
    let year = if yy.len() == 4 { yy.parse().ok()? } else { scan::expand_year(yy.parse().ok()?) };
    let created = NaiveDate::from_ymd_opt(year, month, num(0..2)?)
        .and_then(|d| d.and_hms_opt(num(2..4)?, num(4..6)?, 0))
        .map(|dt| dt.and_utc());
    Some(DtgLine { precedence: precedences[0], info_precedence: precedences[1], raw, created, signals, damaged })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_dtg() {
        let d = parse("O 171231Z NOV 07").unwrap();
        assert_eq!(d.precedence, Some(Precedence::Immediate));
        assert_eq!(d.info_precedence, None);
        assert_eq!(d.raw, "171231Z NOV 07");
        assert_eq!(d.created.unwrap().to_rfc3339(), "2007-11-17T12:31:00+00:00");
    }

    #[test]
    fn two_precedences_and_signals() {
        let d = parse("O R 181205Z NOV 75 ZFF4").unwrap();
        assert_eq!((d.precedence, d.info_precedence), (Some(Precedence::Immediate), Some(Precedence::Routine)));
        assert_eq!(d.signals, Some("ZFF4"));
        assert_eq!(d.created.unwrap().to_rfc3339(), "1975-11-18T12:05:00+00:00");
    }

    #[test]
    fn service_notes_after_the_signals() {
        // 10ISLAMABAD461, 08NAIROBI1363, 09BERLIN1273, 10BUENOSAIRES71 (cablegate pages): the
        // header was lost after these lines.
        let d = parse("P 261618Z FEB 10 ZDK TO ALL CITE NUMEROUS SERVICE REQUESTS").unwrap();
        assert_eq!(d.created.unwrap().to_rfc3339(), "2010-02-26T16:18:00+00:00");
        assert_eq!(d.signals, Some("ZDK TO ALL CITE NUMEROUS SERVICE REQUESTS"));
        assert_eq!(parse("O 031401Z JUN 08 ZDS CTG RUEHSD 0020 1580042").unwrap().raw, "031401Z JUN 08");
        assert_eq!(parse("O 091547Z OCT 09 (CCY ADC1AECC MSI3311-632)").unwrap().raw, "091547Z OCT 09");
        let d = parse("O R 041614Z FEB 10     (CCY ADX1C30B8 ICTOQ0621-623)").unwrap();
        assert_eq!(d.signals, Some("(CCY ADX1C30B8 ICTOQ0621-623)"));
        // Without a precedence only a short group may follow.
        assert!(parse("291359Z NOV 00 ZDK TO ALL CITE NUMEROUS SERVICE REQUESTS").is_none());
    }

    #[test]
    fn partial_record_echo_without_precedence() {
        let d = parse("291359Z Nov 00").unwrap();
        assert_eq!(d.precedence, None);
        assert_eq!(d.created.unwrap().to_rfc3339(), "2000-11-29T13:59:00+00:00");
    }

    #[test]
    fn invalid_dates_are_kept_without_a_moment() {
        let d = parse("P 311200Z NOV 07").unwrap();
        assert_eq!(d.created, None);
        assert_eq!(d.raw, "311200Z NOV 07");
    }

    #[test]
    fn a_zero_for_the_letter_o_is_a_damaged_immediate() {
        // 79TEHRAN11260 (cables-real-dev.csv): `0 241208Z OCT 79`, TO ... IMMEDIATE.
        let d = parse("0 241208Z OCT 79").unwrap();
        assert_eq!((d.precedence, d.damaged), (Some(Precedence::Immediate), true));
        assert_eq!(d.raw, "241208Z OCT 79");
        assert!(!parse("O 241208Z OCT 79").unwrap().damaged);
        assert!(parse("7 241208Z OCT 79").is_none());
    }

    #[test]
    fn prose_is_not_a_dtg() {
        assert!(parse("O WHAT A DAY").is_none());
        assert!(parse("FM AMEMBASSY MOSCOW").is_none());
        assert!(parse("171231Z NOVEMBER 07").is_none());
    }
}
