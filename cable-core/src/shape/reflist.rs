//! A REF list's tail wrapped past a blank line into the text (`REF: A) 2004 STATE 23762 B) 2004
//! TAIPEI 0249 C) 2003` / blank / `TAIPEI 03339 D) 2004 TAIPEI 00479 E) 2004 TAIPEI 04021`,
//! 05TAIPEI58): the metadata joins it to the references when the list broke off mid-item; the
//! body flags what is left as doubt.

/// A lettered label and two serials or more, and no word of prose (three lower-case letters or
/// more: `Dar es Salaam` is a station, `see above` is not): a piece of a REF list.
pub(crate) fn reads_as_ref_list(t: &str) -> bool {
    let prose = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase());
    t.split_ascii_whitespace().any(is_label)
        && t.split_ascii_whitespace().filter(|w| is_serial(w)).nth(1).is_some()
        && !t.split_ascii_whitespace().any(prose)
}

/// A REF line that broke off inside an item: after a label (`C)`), a label and a year (`C)
/// 2003`), or a station without its serial (`... (C) WELLINGTON`).
pub(crate) fn ends_mid_item(l: &str) -> bool {
    let mut words = l.split_ascii_whitespace().rev();
    let Some(last) = words.next() else { return false };
    let last = last.trim_end_matches([',', ';']);
    is_label(last)
        || (!last.is_empty() && last.bytes().all(|b| b.is_ascii_alphabetic()))
        || (matches!(last.len(), 2 | 4) && crate::scan::is_digits(last) && words.next().is_some_and(is_label))
}

/// The rest of an item that broke off at a station without its serial, alone on a line past a
/// blank one: the station's other words and the serial (`DOMINGO 4680` below `C) SANTO`,
/// 03SANTODOMINGO4736; `DE JANEIRO 1291` below `C) RIO`, 04BRASILIA2680), or the serial and its
/// tail (`0212 AND PREVIOUS` below `(B) LJUBLJANA`, 04LJUBLJANA333). At most five words, one of
/// them a serial, the others words in capitals (a station's, `AND PREVIOUS`): a heading has
/// more words or no serial.
pub(crate) fn rest_of_item(t: &str) -> bool {
    let words = || t.split_ascii_whitespace();
    let capitals = |w: &str| crate::scan::is_upper_alpha(w.trim_end_matches([',', ';', '.']));
    words().count() <= 5
        && words().filter(|w| is_serial(w)).count() == 1
        && words().all(|w| is_serial(w) || capitals(w))
}

/// `D)`, `(D)`, `d)`.
fn is_label(w: &str) -> bool {
    let w = w.strip_prefix('(').unwrap_or(w);
    w.len() == 2 && w.as_bytes()[0].is_ascii_alphabetic() && w.ends_with(')')
}

/// `03339`, `1121;`: three digits or more.
fn is_serial(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', '.']);
    w.len() >= 3 && crate::scan::is_digits(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails_and_broken_items() {
        assert!(reads_as_ref_list("TAIPEI 03339 D) 2004 TAIPEI  00479 E) 2004 TAIPEI 04021"));
        assert!(reads_as_ref_list("1004; D) 03 Lilongwe 1121; E) 03 Lilongwe 1202"));
        assert!(!reads_as_ref_list("The talks of 2004 and 2005 went well (see A) above)."));
        assert!(ends_mid_item("REF:      A) 2004 STATE 23762 B) 2004 TAIPEI 0249 C) 2003"));
        assert!(ends_mid_item("REF: (A) WELLINGTON 598; (B) WELLINGTON 428; (C) WELLINGTON"));
        assert!(!ends_mid_item("REF: A) STATE 23762 B) TAIPEI 0249"));
        // The real lines of 03SANTODOMINGO4736, 04BRASILIA2680 and 04LJUBLJANA333.
        assert!(ends_mid_item("REF: A) STATE 245508 B) SANTO DOMINGO 4548 C) SANTO"));
        assert!(rest_of_item("DOMINGO 4680"));
        assert!(rest_of_item("DE JANEIRO 1291"));
        assert!(rest_of_item("0212 AND PREVIOUS"));
        assert!(!rest_of_item("Politics affects the Supreme Court"));
        assert!(!rest_of_item("BACKGROUND"));
        assert!(!rest_of_item("1. (SBU) SUMMARY: FM Rupel sent a public letter"));
        assert!(!rest_of_item("THE ELECTIONS OF 2004 AND THEIR AFTERMATH"));
    }
}
