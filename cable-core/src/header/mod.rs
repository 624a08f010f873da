//! The routing header: ACP-127 format lines (`VZCZC…` to `INFO`), the ACP-126 form that starts
//! at the date-time group, and the header blocks of partial records (`PAGE 01`, `ACTION`,
//! `INFO LOG-00 …`).
//!
//! [`parse`] walks the lines from the top and stops at the first line that belongs to the body
//! (usually the classification banner).

pub(crate) mod address;

use crate::lines::Line;
use crate::model::{Cable, DateTimeGroup, Recipient};
use crate::scan;
use crate::shape::keywords::starts_metadata_field;
use crate::shape::number::is_numbered_paragraph;
use crate::shape::pagebreak;
use crate::shape::routing::{
    archive_year, is_aad_number_line, is_strong_header_line, partial_control_line, transmission_id,
};
use crate::shape::{banner, captions, dtg};
use crate::span::Span;
use crate::spanned::Spanned;
use crate::warning::{Warning, WarningKind};

/// First line of a partial record's header block.
const PARTIAL_BANNER: &str = "This record is a partial extract of the original cable";

/// Which addressee list continuation lines belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    None,
    To,
    Info,
    /// `XMT` exclusions of the last recipient of the `to` (false) or `info` (true) list.
    Xmt {
        info: bool,
    },
}

/// Parses the routing header starting at `lines[start]` into `cable`; returns the index of the
/// first line after it (blank lines after the header are skipped).
pub(crate) fn parse<'a>(lines: &[Line<'a>], start: usize, cable: &mut Cable<'a>) -> usize {
    let mut st = State { list: List::None, relay_open: false, office_block: false, drafting: false };
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut noise_until = 0;
    let mut i = start;
    while i < lines.len() {
        let line = &lines[i];
        let t = line.trimmed();
        if t.is_empty() {
            st.list = List::None;
            st.relay_open = false;
            i += 1;
            continue;
        }
        let taken = match header_line(lines, i, cable, &mut st) {
            Some(n) => n,
            None => {
                // A line we do not know, inside the header when more header lines follow
                // (`Distribution:`, `SOURCE: CBLEXCLS.000423`, addressees cut from their `TO`).
                if i >= noise_until {
                    match header_anchor(lines, i + 1) {
                        Some(a) => noise_until = a,
                        None => break,
                    }
                }
                // Inbox printouts put the banner and captions above the header; they are
                // repeated below it, where the metadata block reads them.
                let known = banner::parse(t).is_some() || captions::is_caption_line(t);
                if !known {
                    cable.warnings.push(Warning::new(WarningKind::UnrecognisedLine, line.span()));
                }
                st.list = List::None;
                1
            }
        };
        first.get_or_insert(i);
        i += taken;
        last = i - 1;
    }
    if let Some(f) = first {
        let span = Span::new(lines[f].start, lines[last].span().end);
        cable.header_span = if cable.header_span.is_empty() { span } else { cable.header_span.to(span) };
    }
    while i < lines.len() && lines[i].is_blank() {
        i += 1;
    }
    i
}

struct State {
    list: List,
    relay_open: bool,
    /// Inside a partial record's `INFO LOG-00 …` office distribution block.
    office_block: bool,
    /// Inside a 1970s `DRAFTED BY` / `APPROVED BY` block.
    drafting: bool,
}

/// Recognises the header line at `lines[i]` and records it; returns how many lines it took.
fn header_line<'a>(lines: &[Line<'a>], i: usize, cable: &mut Cable<'a>, st: &mut State) -> Option<usize> {
    let line = &lines[i];
    let t = line.trimmed();
    let span = line.span_of(t);
    if t.starts_with(PARTIAL_BANNER) {
        cable.partial = true;
        return Some(1);
    }
    if let Some(id) = transmission_id(t) {
        cable.routing.transmission_id = Some(Spanned::new(id, span));
        return Some(1);
    }
    if st.relay_open && scan::tokens(t).all(address::is_routing_indicator) {
        push_relays(line, t, cable);
        return Some(1);
    }
    if let Some((prosign, rest)) = relay_line(t) {
        cable.routing.relay_precedence = Some(Spanned::new(prosign, line.span_of(prosign)));
        push_relays(line, rest, cable);
        st.relay_open = true;
        return Some(1);
    }
    st.relay_open = false;
    if let Some(rest) = t.strip_prefix("DE ") {
        de_line(line, rest, cable);
        return Some(1);
    }
    if t.starts_with("ZNR ") || t.starts_with("ZNY ") || t == "ZNR" || t == "ZNY" {
        security_line(line, t, cable);
        return Some(1);
    }
    if let Some(d) = dtg::parse(t) {
        if d.created.is_none() {
            cable.warnings.push(Warning::new(WarningKind::InvalidDate, span));
        }
        if d.damaged {
            cable.warnings.push(Warning::new(WarningKind::DamagedKeyword, span));
        }
        // A date-time group without precedence is the partial records' echo of the date
        // (`291359Z Nov 00`), unless the originator line follows it: then it is format line 5
        // with its precedence missing (`061601Z MAY 78` / `FM AMEMBASSY KABUL`).
        let fl5 = d.precedence.is_some() || next_starts_with(lines, i + 1, "FM ");
        if !fl5 {
            if cable.dtg.is_none() {
                cable.dtg_echo = Some(Spanned::new(d.raw, span));
                cable.created = cable.created.or(d.created);
            }
        } else if cable.dtg.is_none() {
            cable.created = d.created.or(cable.created);
            cable.dtg = Some(DateTimeGroup {
                precedence: d.precedence,
                info_precedence: d.info_precedence,
                raw: d.raw,
                created: d.created,
                signals: d.signals,
                span,
            });
        }
        st.drafting = false;
        return Some(1);
    }
    if let Some(rest) = t.strip_prefix("FM ") {
        let name = scan::trim(rest);
        cable.sender = Some(Spanned::new(name, line.span_of(name)));
        st.list = List::None;
        st.drafting = false;
        return Some(1);
    }
    if let Some(rest) = t.strip_prefix("TO ") {
        st.list = List::To;
        addressee_after_keyword(line, rest, cable, st);
        return Some(1);
    }
    if let Some(rest) = t.strip_prefix("INFO ") {
        if is_office_block_line(rest) {
            st.office_block = true;
            return Some(1);
        }
        // `INFO XMT FOOBAR`: the INFO list opens with exclusions, not an addressee.
        if let Some(excluded) = rest.strip_prefix("XMT ") {
            st.list = List::Xmt { info: true };
            addressee_line(line, excluded, cable, st);
            return Some(1);
        }
        st.list = List::Info;
        addressee_after_keyword(line, rest, cable, st);
        return Some(1);
    }
    if let Some(rest) = t.strip_prefix("XMT") {
        let info = st.list == List::Info || matches!(st.list, List::Xmt { info: true });
        st.list = List::Xmt { info };
        let rest = rest.trim_start_matches('/');
        if !scan::trim(rest).is_empty() {
            addressee_line(line, rest, cable, st);
        }
        return Some(1);
    }
    if t == "BT" || t == "NNNN" {
        return Some(1);
    }
    if is_aad_number_line(t) {
        cable.partial = true;
        cable.archive_year = cable.archive_year.or(archive_year(t));
        return Some(1);
    }
    if let Some(b) = pagebreak::page_break_at(lines, i) {
        record_page_origin(lines, i, b.lines, cable);
        cable.partial = true;
        // A later page of a partial record's header goes on with the addressee list, whose
        // keyword was on the page before.
        let later_page = pagebreak::page_banner(lines[i + b.lines - 1].trimmed()).is_some_and(|p| p.page > 1);
        if later_page && st.list == List::None {
            st.list = List::Info;
        }
        if let Some(at) = b.content_at {
            // `TO PAGE 02 ...` never happens with content after the banner in headers we know of;
            // content there is an addressee that the page break interrupted.
            let last = &lines[i + b.lines - 1];
            if st.list != List::None {
                addressee_line(last, &last.text[at..], cable, st);
            }
        }
        return Some(b.lines);
    }
    if partial_control_line(t) {
        cable.partial = true;
        st.office_block = false;
        st.drafting = false;
        return Some(1);
    }
    if let Some(rest) = t.strip_prefix("ACTION ").or_else(|| t.strip_prefix("ORIGIN ")) {
        if is_office_block_line(rest) {
            cable.partial = true;
            return Some(1);
        }
    }
    if st.office_block && is_office_block_line(t) {
        return Some(1);
    }
    if ["DRAFTED BY", "APPROVED BY", "CLEARED", "DESIRED DISTRIBUTION"].iter().any(|p| t.starts_with(p)) {
        st.drafting = true;
        return Some(1);
    }
    if st.drafting && !starts_body(t) {
        return Some(1);
    }
    if st.list != List::None && !starts_body(t) {
        addressee_line(line, t, cable, st);
        return Some(1);
    }
    None
}

/// True when the first non-blank line from `from` on starts with `prefix`.
fn next_starts_with(lines: &[Line<'_>], from: usize, prefix: &str) -> bool {
    lines[from.min(lines.len())..].iter().find(|l| !l.is_blank()).is_some_and(|l| l.trimmed().starts_with(prefix))
}

/// `OO RUEHDBU RUEHFL ...`: the prosign and the rest of the line.
fn relay_line(t: &str) -> Option<(&str, &str)> {
    let (prosign, rest) = t.split_once(' ')?;
    let ok = matches!(prosign, "ZZ" | "OO" | "PP" | "RR" | "YY")
        && scan::tokens(rest).next().is_some()
        && scan::tokens(rest).all(address::is_routing_indicator);
    ok.then_some((prosign, rest))
}

fn push_relays<'a>(line: &Line<'a>, part: &'a str, cable: &mut Cable<'a>) {
    for ri in scan::tokens(part) {
        cable.routing.relays.push(Spanned::new(ri, line.span_of(ri)));
    }
}

/// `DE RUEHMO #5434/01 3211231`.
fn de_line<'a>(line: &Line<'a>, rest: &'a str, cable: &mut Cable<'a>) {
    let mut toks = scan::tokens(rest);
    let mut ok = true;
    if let Some(ri) = toks.next() {
        cable.routing.station = Some(Spanned::new(ri, line.span_of(ri)));
    }
    match toks.next() {
        Some(ssn) if ssn.starts_with('#') => {
            let (serial, section) = match ssn[1..].split_once('/') {
                Some((s, sec)) => (s, Some(sec)),
                None => (&ssn[1..], None),
            };
            if scan::is_digits(serial) {
                cable.routing.station_serial = Some(Spanned::new(serial, line.span_of(serial)));
            } else {
                ok = false;
            }
            cable.routing.section = section.and_then(scan::parse_u32);
        }
        _ => ok = false,
    }
    if let Some(jt) = toks.next() {
        if scan::is_digits(jt) && jt.len() == 7 {
            cable.routing.julian_time = Some(Spanned::new(jt, line.span_of(jt)));
        } else {
            ok = false;
        }
    }
    if !ok {
        cable.warnings.push(Warning::new(WarningKind::MalformedHeaderLine, line.span()));
    }
}

/// `ZNY CCCCC ZZH`.
fn security_line<'a>(line: &Line<'a>, t: &'a str, cable: &mut Cable<'a>) {
    // `ZNY` (3 bytes), spaces, the group: the security part ends after the group.
    let after_zn = &t[3..];
    let group_start = 3 + (after_zn.len() - scan::trim_start_space(after_zn).len());
    let group_len = t[group_start..].find(scan::is_space).unwrap_or(t.len() - group_start);
    let group = &t[group_start..group_start + group_len];
    let security = scan::trim(&t[..group_start + group_len]);
    cable.routing.security = Some(Spanned::new(security, line.span_of(security)));
    let signals = scan::trim(&t[security.len()..]);
    if !signals.is_empty() {
        cable.routing.signals = Some(Spanned::new(signals, line.span_of(signals)));
    }
    let valid = group.len() >= 5 && group.bytes().all(|b| b.is_ascii_uppercase() || b == b'/');
    if !valid {
        cable.warnings.push(Warning::new(WarningKind::MalformedHeaderLine, line.span()));
    }
}

/// Records the addressee after a `TO`/`INFO` keyword, which a page banner can push to the next
/// line (`INFO PAGE 02        STATE   050524  131535Z` / `AMEMBASSY BAGHDAD PRIORITY`).
fn addressee_after_keyword<'a>(line: &Line<'a>, rest: &'a str, cable: &mut Cable<'a>, st: &mut State) {
    let rest = scan::trim(rest);
    match pagebreak::page_banner(rest) {
        Some(b) => addressee_line(line, &rest[b.len..], cable, st),
        None => addressee_line(line, rest, cable, st),
    }
}

/// Records one addressee line of the current list.
fn addressee_line<'a>(line: &Line<'a>, text: &'a str, cable: &mut Cable<'a>, st: &mut State) {
    let text = scan::trim(text);
    if text.is_empty() {
        return;
    }
    let a = address::parse(text);
    if a.damaged {
        cable.warnings.push(Warning::new(WarningKind::DamagedKeyword, line.span_of(text)));
    }
    match st.list {
        List::Xmt { info } => {
            // (`INFO XMT ...` before any INFO addressee excludes from the TO collective.)
            let list = if info && !cable.info.is_empty() { &mut cable.info } else { &mut cable.to };
            // The collective the exclusion applies to: the last one listed, which need not be
            // the last addressee (`RUEHZL/EUROPEAN POLITICAL COLLECTIVE`, then single posts).
            let at = list.iter().rposition(|r| r.name.contains("COLLECTIVE")).or(list.len().checked_sub(1));
            match at.and_then(|k| list.get_mut(k)) {
                Some(collective) => collective.excluded.push(a.name),
                None => cable.warnings.push(Warning::new(WarningKind::UnrecognisedLine, line.span_of(text))),
            }
        }
        List::To | List::Info | List::None => {
            let r = Recipient {
                route: a.route,
                name: a.name,
                office: a.office,
                precedence: a.precedence,
                mcn: a.mcn,
                excluded: Vec::new(),
                span: line.span_of(text),
            };
            if st.list == List::Info { cable.info.push(r) } else { cable.to.push(r) }
        }
    }
}

/// Remembers the station and serial of a partial record's `PAGE 01` banner: the reference id
/// of a record whose banner lacks them.
fn record_page_origin<'a>(lines: &[Line<'a>], i: usize, n: usize, cable: &mut Cable<'a>) {
    let last = &lines[i + n - 1];
    if let Some(b) = pagebreak::page_banner(last.trimmed()) {
        if cable.page_origin.is_none() {
            cable.page_origin = Some((
                Spanned::new(b.station, last.span_of(b.station)),
                Spanned::new(b.serial, last.span_of(b.serial)),
            ));
        }
    }
}

/// An office code list of a partial record's distribution block: `LOG-00 NP-00 …`, `AF-00`,
/// continuation lines, and the closing `/012W`.
fn is_office_block_line(t: &str) -> bool {
    let mut offices = 0;
    for tok in scan::tokens(t) {
        // `LOG-00`: a name, a dash and one to three digits, read from the token's end (a
        // search for the last dash cost more than the rest of the test).
        let b = tok.as_bytes();
        let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let office = (1..=3).contains(&digits) && b.len() >= digits + 2 && b[b.len() - digits - 1] == b'-';
        // The closing total (`/012W`, `/037 W`, `(TEDE) /000R`).
        let total = (tok.starts_with('/') && tok.len() > 1)
            || tok == "W"
            || tok == "R"
            || (tok.starts_with('(') && tok.ends_with(')'));
        if !(office || total) {
            return false;
        }
        offices += usize::from(office || tok.starts_with('/'));
    }
    offices > 0
}

/// A line that can only belong to the body: the classification banner, a metadata keyword line
/// or a numbered paragraph. Ends address lists and drafting blocks.
fn starts_body(t: &str) -> bool {
    banner::parse(t).is_some() || starts_metadata_field(t) || is_numbered_paragraph(t)
}

/// The index of the next line, within a short window, that can only be a routing header line
/// (`VZCZC…`, `DE RUEH…`, `ZNY …`, a date-time group with precedence). The search stops at a
/// metadata field or a numbered paragraph, so the header never reaches into the text; it passes
/// banners, because inbox printouts put a banner above the header
/// (`Cable Text:` / `C O N F I D E N T I A L DUBAI 00057` / `VZCZC…`).
fn header_anchor(lines: &[Line<'_>], from: usize) -> Option<usize> {
    // Whether a full banner was passed, known for the lines before `checked`: the banners are
    // looked for only when a partial page's line asks, among the lines passed since the last
    // time. (The look-ahead runs at the end of every header and nearly always ends at a field
    // keyword with no partial page in sight, where a banner test of each line was wasted.)
    let mut passed_banner = false;
    let mut checked = from;
    for (j, l) in lines.iter().enumerate().skip(from).take(60) {
        let t = l.trimmed();
        if t.is_empty() {
            continue;
        }
        if starts_metadata_field(t) || is_numbered_paragraph(t) {
            return None;
        }
        if is_strong_header_line(t) {
            return Some(j);
        }
        // The first page of a partial record's header; weaker, so it never pulls a banner
        // into the header.
        let partial = pagebreak::page_banner(t).is_some_and(|b| b.page == 1)
            || t.strip_prefix("ACTION ").is_some_and(is_office_block_line)
            || t.strip_prefix("INFO ").is_some_and(is_office_block_line)
            || (t.starts_with("-----") && partial_control_line(t));
        if partial {
            // (A blank line passed is no banner: its trimmed text is empty.)
            passed_banner = passed_banner
                || lines[checked..j].iter().any(|p| banner::parse(p.trimmed()).is_some_and(|b| b.station.is_some()));
            checked = j;
            if !passed_banner {
                return Some(j);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    #[test]
    fn security_line_without_group() {
        let text = "ZNY\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        assert_eq!(cable.routing.security.map(|s| s.value), Some("ZNY"));
        assert_eq!(cable.warnings[0].kind, WarningKind::MalformedHeaderLine);
    }

    #[test]
    fn office_blocks() {
        assert!(is_office_block_line("LOG-00   NP-00    AID-00"));
        assert!(is_office_block_line("SAS-00   SWCI-00    /012W"));
        assert!(is_office_block_line("P-02     T-01     /037 W"));
        assert!(is_office_block_line("(TEDE) /000R"));
        assert!(!is_office_block_line("RUCNCIS/CIS COLLECTIVE PRIORITY"));
        assert!(partial_control_line("------------------A54E38  291401Z /38"));
        assert!(partial_control_line("CONFIDENTIAL     PTQ1859"));
        assert!(!partial_control_line("-------------------------"));
        assert!(is_aad_number_line("2000HOCHI00838 - UNCLASSIFIED"));
        assert!(is_aad_number_line("2004CARACA02200 - CONFIDENTIAL"));
        assert!(!is_aad_number_line("2000 - UNCLASSIFIED"));
    }

    #[test]
    fn seed_header() {
        let text = "VZCZCXRO9060  \nOO RUEHDBU RUEHFL RUEHKW RUEHLA RUEHROV RUEHSR  \nDE RUEHMO #5434/01 3211231  \n\
                    ZNY CCCCC ZZH  \nO 171231Z NOV 07  \nFM AMEMBASSY MOSCOW  \nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5322  \n\
                    INFO RUCNCIS/CIS COLLECTIVE PRIORITY  \nRUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\n\n\
                    C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        let next = parse(&ls, 0, &mut cable);
        assert_eq!(ls[next].text, "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434");
        assert_eq!(cable.routing.transmission_id.unwrap().value, "VZCZCXRO9060");
        assert_eq!(cable.routing.relays.len(), 6);
        assert_eq!(cable.routing.station.unwrap().value, "RUEHMO");
        assert_eq!(cable.routing.station_serial.unwrap().value, "5434");
        assert_eq!(cable.routing.section, Some(1));
        assert_eq!(cable.routing.security.unwrap().value, "ZNY CCCCC");
        assert_eq!(cable.routing.signals.unwrap().value, "ZZH");
        assert_eq!(cable.sender.unwrap().value, "AMEMBASSY MOSCOW");
        assert_eq!(cable.to.len(), 1);
        assert_eq!(cable.info.len(), 2);
        assert_eq!(cable.info[1].name, "EUROPEAN POLITICAL COLLECTIVE");
        assert!(cable.warnings.is_empty(), "{:?}", cable.warnings);
    }

    #[test]
    fn a_dtg_without_precedence_above_the_originator_is_the_dtg() {
        // 78KABUL3619 (cables-real-dev.csv): FL5 lost its precedence letter.
        let text = "061601Z MAY 78\nFM AMEMBASSY KABUL\nTO SECSTATE WASHDC\n\nCONFIDENTIAL KABUL 3619\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        let d = cable.dtg.as_ref().expect("dtg");
        assert_eq!((d.raw, d.precedence), ("061601Z MAY 78", None));
        assert!(cable.dtg_echo.is_none());
        // The partial records' echo stays an echo.
        let text = "291359Z Nov 00\n\n                 CONFIDENTIAL     PTQ1859\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        assert!(cable.dtg.is_none());
        assert_eq!(cable.dtg_echo.unwrap().value, "291359Z Nov 00");
    }

    #[test]
    fn a_zero_for_the_precedence_letter_is_read_and_reported() {
        // 79TEHRAN11260 (cables-real-dev.csv).
        let text = "0 241208Z OCT 79\nFM AMEMBASSY TEHRAN\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4442\n\nC O N F I D E N T I A L TEHRAN 11260\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        assert_eq!(cable.dtg.as_ref().unwrap().precedence, Some(crate::model::Precedence::Immediate));
        assert_eq!(cable.sender.unwrap().value, "AMEMBASSY TEHRAN");
        assert_eq!(cable.warnings.len(), 1);
        assert_eq!(cable.warnings[0].kind, WarningKind::DamagedKeyword);
    }

    #[test]
    fn banner_and_captions_above_an_inbox_header_are_not_unrecognised() {
        // 05DUBAI57 (cables-real-dev.csv): the banner and SIPDIS sit above the VZCZC header.
        let text = "Cable\nText:\nC O N F I D E N T I A L        DUBAI 00057\n\nSIPDIS\nCXABU:\n\nVZCZCADO423\nPP RUEHAD\n\
                    DE RUEHDE #0057/01 0051352\nP 051352Z JAN 05\nFM AMCONSUL DUBAI\n\n\
                    C O N F I D E N T I A L SECTION 01 OF 03 DUBAI 000057\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        let texts: Vec<&str> = cable.warnings.iter().map(|w| &text[w.span.range()]).collect();
        assert_eq!(texts, ["Cable", "Text:", "CXABU:"]);
        assert_eq!(cable.routing.transmission_id.unwrap().value, "VZCZCADO423");
    }

    #[test]
    fn a_page_banner_after_the_list_keyword_is_no_addressee() {
        // 08STATE50524.
        let text = "O P 131528Z MAY 08\nFM SECSTATE WASHDC\nTO AMEMBASSY BEIJING IMMEDIATE\n\
                    INFO PAGE 02        STATE   050524  131535Z\nAMEMBASSY BAGHDAD PRIORITY\n\nS E C R E T STATE 050524\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        assert_eq!(cable.info.len(), 1);
        assert_eq!(cable.info[0].name, "AMEMBASSY BAGHDAD");
        assert!(!cable.partial);
    }

    #[test]
    fn xmt_attaches_to_the_last_collective() {
        // 10SARAJEVO134: `XMT AMCONSUL STRASBOURG` after single addressees.
        let text = "FM AMEMBASSY SARAJEVO\nTO RUEHC/SECSTATE WASHDC 1374\nINFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE\n\
                    RHEHNSC/NSC WASHDC\nRUEKJCS/SECDEF WASHDC\nXMT AMCONSUL STRASBOURG\n\nS E C R E T SARAJEVO 000134\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        assert_eq!(cable.info[0].excluded, ["AMCONSUL STRASBOURG"]);
        assert!(cable.info[2].excluded.is_empty());
    }

    #[test]
    fn xmt_lines_exclude_from_the_collective_above() {
        let text =
            "FM SECSTATE WASHDC\nTO AFRICAN COLLECTIVE\nXMT AMCONSUL DURBAN\nAMCONSUL JOHANNESBURG\n\nUNCLAS STATE 1\n";
        let ls = lines::split(text);
        let mut cable = Cable::empty(text);
        parse(&ls, 0, &mut cable);
        assert_eq!(cable.to.len(), 1);
        assert_eq!(cable.to[0].excluded, ["AMCONSUL DURBAN", "AMCONSUL JOHANNESBURG"]);
    }
}
