//! The `E.O.` line: executive order number and declassification instruction.

use crate::scan;
use chrono::NaiveDate;

/// The parts of an E.O. field's content (the text after `E.O.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EoParts<'a> {
    pub order: Option<&'a str>,
    pub declassify_raw: Option<&'a str>,
}

/// Splits `12958: DECL: 11/16/2017` into order `12958` and instruction `11/16/2017`;
/// `12958: N/A` → `N/A`; `11652: GDS` → `GDS`; `12356:  DECL: OADR` → `OADR`.
pub(crate) fn parse(content: &str) -> EoParts<'_> {
    let c = content.trim_start_matches([' ', ':', '.']);
    let order_len = c.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(c.len());
    let order = (order_len > 0).then(|| &c[..order_len]);
    let mut rest = c[order_len..].trim_start_matches([' ', ':', ';', ',']);
    for kw in ["DECL:", "DECL :", "DECL", "DECLASSIFY ON:", "DECLASSIFY:"] {
        if let Some(r) = scan::strip_prefix_ci(rest, kw) {
            if kw == "DECL" && r.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            rest = r;
            break;
        }
    }
    let raw = scan::trim(rest).trim_end_matches(['.', ',', ';']);
    EoParts { order, declassify_raw: (!raw.is_empty()).then_some(raw) }
}

/// The first date in a declassification instruction: `MM/DD/YYYY`, `M/D/YY`, `YYYY/MM/DD`,
/// `YYYY-MM-DD`, `DD MON YYYY`. Two-digit years are placed in the century that puts the date
/// closest after `cable_year` (declassification comes after the cable; `6/30/08` in a 1998 cable
/// is 2008, `8/12/85` in a 1979 cable is 1985).
pub(crate) fn declassify_date(raw: &str, cable_year: Option<i32>) -> Option<NaiveDate> {
    for tok in scan::tokens(raw) {
        let tok = tok.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if let Some(d) = numeric_date(tok, cable_year) {
            return Some(d);
        }
    }
    // `30 JUN 2005`, `JUNE 21, 2006`: a window of three tokens over the first twelve.
    let year_of = |t: &str| t.trim_end_matches(['.', ',', ';']).parse().ok().filter(|y| (1900..2100).contains(y));
    let date_of = |w: [&str; 3]| {
        let (day, month) = match scan::parse_u32(w[0]) {
            Some(day) => (day, scan::month_name_number(w[1])?),
            None => (scan::parse_u32(w[1].trim_end_matches(','))?, scan::month_name_number(w[0])?),
        };
        NaiveDate::from_ymd_opt(year_of(w[2])?, month, day)
    };
    let mut w = [""; 3];
    for (i, tok) in scan::tokens(raw).take(12).enumerate() {
        w = [w[1], w[2], tok];
        if i >= 2 {
            if let Some(d) = date_of(w) {
                return Some(d);
            }
        }
    }
    None
}

fn numeric_date(tok: &str, cable_year: Option<i32>) -> Option<NaiveDate> {
    let sep = if tok.contains('/') {
        '/'
    } else if tok.contains('-') {
        '-'
    } else {
        return None;
    };
    let mut it = tok.split(sep);
    let parts = [it.next()?, it.next()?, it.next()?];
    if it.next().is_some() || !parts.iter().all(|p| scan::is_digits(p)) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(parts[0].parse().ok()?, n(parts[1])?, n(parts[2])?);
    }
    let (m, d) = (n(parts[0])?, n(parts[1])?);
    let y = match parts[2].len() {
        4 => parts[2].parse().ok()?,
        2 => pivot_year(n(parts[2])? as i32, cable_year),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

fn pivot_year(yy: i32, cable_year: Option<i32>) -> i32 {
    match cable_year {
        Some(cy) => {
            let base = cy - cy.rem_euclid(100);
            let candidate = base + yy;
            if candidate < cy - 1 { candidate + 100 } else { candidate }
        }
        None => {
            if yy < 50 {
                2000 + yy
            } else {
                1900 + yy
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eo_lines() {
        assert_eq!(
            parse(" 12958: DECL: 11/16/2017"),
            EoParts { order: Some("12958"), declassify_raw: Some("11/16/2017") }
        );
        assert_eq!(parse(" 12958: N/A"), EoParts { order: Some("12958"), declassify_raw: Some("N/A") });
        assert_eq!(parse(" 12958 DECL: 11/29/10"), EoParts { order: Some("12958"), declassify_raw: Some("11/29/10") });
        assert_eq!(parse(" 12356:  DECL: OADR"), EoParts { order: Some("12356"), declassify_raw: Some("OADR") });
        assert_eq!(parse(" 11652: GDS"), EoParts { order: Some("11652"), declassify_raw: Some("GDS") });
        assert_eq!(
            parse(" 12958: decl: 01/07/2014"),
            EoParts { order: Some("12958"), declassify_raw: Some("01/07/2014") }
        );
        assert_eq!(
            parse(" 12958: DECL: DECLASSIFIED BY NARA 09/02/2009"),
            EoParts { order: Some("12958"), declassify_raw: Some("DECLASSIFIED BY NARA 09/02/2009") }
        );
    }

    #[test]
    fn dates() {
        let d = |s, y| declassify_date(s, y).map(|d| d.to_string());
        assert_eq!(d("11/16/2017", Some(2007)).as_deref(), Some("2017-11-16"));
        assert_eq!(d("11/29/10", Some(2000)).as_deref(), Some("2010-11-29"));
        assert_eq!(d("6/30/08", Some(1998)).as_deref(), Some("2008-06-30"));
        assert_eq!(d("GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", Some(1979)).as_deref(), Some("1985-08-12"));
        assert_eq!(d("2017/11/16", None).as_deref(), Some("2017-11-16"));
        // 72TEHRAN1164: `AS AMENDED; DECLASSIFIED JUNE 21, 2006`.
        assert_eq!(d("AS AMENDED; DECLASSIFIED JUNE 21, 2006", Some(1972)).as_deref(), Some("2006-06-21"));
        assert_eq!(d("Systematic Review 30 JUN 2005", None).as_deref(), Some("2005-06-30"));
        assert_eq!(d("TEN YEARS AFTER KOREAN UNIFICATION", Some(2007)), None);
        assert_eq!(d("OADR", Some(1990)), None);
        assert_eq!(d("1.6X1", Some(2005)), None);
        assert_eq!(d("13/45/2017", None), None);
    }
}
