//! TAGS: "Traffic Analysis by Geography and Subject" keywords.

use crate::scan;
pub(crate) use crate::shape::keywords::is_tag_line;
use crate::span::Span;
use crate::spanned::Text;
use std::borrow::Cow;

/// Reads the tags of a TAGS field from its pieces (the content after the keyword, then one piece
/// per continuation line), in order, upper case, without repeats.
///
/// Separators are commas and/or spaces. When the field uses commas, a comma-separated part of
/// several words stays one tag if it is free text (`ECONOMY AND FINANCE`, `War Crimes`); parts
/// in parentheses stay with the tag before them (`OVIP (KISSINGER, HENRY A.)`). Markdown link
/// remnants (`[PREL](#)`) are unwrapped.
pub(crate) fn parse<'a>(pieces: &[&'a str], source: &'a str, out: &mut Vec<Text<'a>>) {
    let comma_mode = pieces.iter().any(|p| p.contains(',') && !inside_parens_only(p));
    // Most cables have five to eight tags: one allocation instead of a growing vector.
    out.reserve(8);
    for (n, piece) in pieces.iter().enumerate() {
        let group = scan::trim(piece);
        // After a comma the group is a tag of its own (`PREL,` / `(BELHADJ, YOUSEFF)`).
        let after_comma = n > 0 && scan::trim(pieces[n - 1]).ends_with(',');
        if is_paren_group(group) && !out.is_empty() && !after_comma {
            // A person on a line of its own (`TAGS: CVIS, ..., SP` / `(ESPARZA LURI, FELIX
            // IGNACIO ET AL)`) goes with the tag before it, as `CVIS (MILA ESPINOSA, JOSE NEY)`.
            if let Some(last) = out.last_mut() {
                let value = format!("{} {}", last.value, scan::tokens(group).collect::<Vec<_>>().join(" "));
                *last = Text::new(Cow::Owned(value.to_ascii_uppercase()), last.span.to(Span::of(source, group, 0)));
            }
            continue;
        }
        if comma_mode {
            for part in split_commas(piece) {
                let part = scan::trim(part);
                // One word (most parts): a tag of its own, which is what the tests below make of
                // it (no run of codes, free text of one word), without asking the tables.
                if !part.bytes().any(scan::is_ascii_ws) && !part.contains('\u{a0}') {
                    push(out, part, source);
                    continue;
                }
                if codes_in(part) >= 2 && !part.contains(|c: char| c.is_ascii_digit() || matches!(c, '(' | '&')) {
                    // `TAGS: OVIP RICE CONDOLEEZZA PREL PHSA SP KV CU` / `BL, IS`: a
                    // space-separated run of codes before the first comma. Not a page banner run
                    // into the line (`PE SECRET PAGE 02 LIMA 02475 01 OF 03`: digits), a person
                    // in parentheses or a phrase joined by `&` (`POL & FOREIGN POL`).
                    push_space_separated(out, part, source);
                } else if is_free_text(part) {
                    push(out, part, source);
                } else {
                    for tok in scan::tokens(part) {
                        push(out, tok, source);
                    }
                }
            }
        } else if n > 0 && continues_free_text(pieces[n - 1], group, out) {
            // `TAGS: ... KU COUNTRY` / `CLEARANCE`: a free-text tag wrapped onto the next line.
            if let Some(last) = out.last_mut() {
                let value = format!("{} {}", last.value, scan::tokens(group).collect::<Vec<_>>().join(" "));
                *last = Text::new(Cow::Owned(value), last.span.to(Span::of(source, group, 0)));
            }
        } else if is_capitalised_phrase(piece) {
            // `TAGS: War Crimes`: one free-text tag.
            push(out, scan::trim(piece), source);
        } else {
            push_space_separated(out, piece, source);
        }
    }
}

/// The tags of a space-separated piece: codes one by one, but a run of two or more words that
/// are no tag code (five letters or more, or a joining word between such words) is one
/// free-text tag (`ECONOMIC AFFAIRS`, `MEDIA REACTION REPORT`, `ECONOMY AND FINANCE`), and the
/// two name words after `OVIP` are one person (`OVIP ZOELLICK ROBERT` → `ZOELLICK, ROBERT`).
fn push_space_separated<'a>(out: &mut Vec<Text<'a>>, piece: &'a str, source: &'a str) {
    let toks: Vec<&'a str> = split_spaces(piece).collect();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == "OVIP" {
            if let [surname, given, ..] = toks[i + 1..] {
                if is_person_word(surname) && is_person_word(given) {
                    push(out, toks[i], source);
                    let value = format!("{surname}, {given}");
                    let span = Span::of(source, surname, 0).to(Span::of(source, given, 0));
                    if !out.iter().any(|t| t.value == value) {
                        out.push(Text::new(Cow::Owned(value), span));
                    }
                    i += 3;
                    continue;
                }
            }
        }
        // The longest run of free words from here, joining words inside it.
        let mut end = i;
        let mut j = i;
        while j < toks.len() && (is_free_word(toks[j]) || (j > i && is_joining_word(toks[j]))) {
            j += 1;
            if is_free_word(toks[j - 1]) {
                end = j;
            }
        }
        if end - i >= 2 {
            let (first, last) = (toks[i], toks[end - 1]);
            let start = first.as_ptr() as usize - piece.as_ptr() as usize;
            let stop = last.as_ptr() as usize - piece.as_ptr() as usize + last.len();
            push(out, &piece[start..stop], source);
            i = end;
        } else {
            push(out, toks[i], source);
            i += 1;
        }
    }
}

/// A word of free text among tag codes: upper-case letters, five or more, and no code of the
/// tag tables (`ECONOMIC`, `FREEDOM`; not `PREL`, `LABOR`... which are codes or read as one),
/// nor codes glued together (`IZPREL`).
fn is_free_word(tok: &str) -> bool {
    tok.len() >= 5 && scan::is_upper_alpha(tok) && !crate::ids::is_known_tag(tok) && {
        // (Counted, not collected: no vector for each word.)
        let mut n = 0;
        crate::ids::canonical_into(tok, &mut |_| n += 1);
        n < 2
    }
}

/// True when the line `group` is one or two free words and the line before it ended in the free
/// word that is the last tag read: the two are one free-text tag wrapped over the lines.
fn continues_free_text(before: &str, group: &str, out: &[Text<'_>]) -> bool {
    wraps_free_text(before, group)
        && scan::tokens(before).last().is_some_and(|w| out.last().is_some_and(|t| t.value.ends_with(w)))
}

/// True when `line` (one or two free words) continues a TAGS line `before` that ends in a free
/// word: `... KU COUNTRY` / `CLEARANCE`.
pub(crate) fn wraps_free_text(before: &str, line: &str) -> bool {
    let Some(last_word) = scan::tokens(before).last() else { return false };
    let mut n = 0;
    let all_free = scan::tokens(line).all(|w| {
        n += 1;
        is_free_word(w)
    });
    all_free && (1..=2).contains(&n) && is_free_word(last_word) && !before.contains(',')
}

/// How many words of `part` are codes of the tag tables of two to four letters (longer known
/// words are names: `USEU BRUSSELS` is one tag).
fn codes_in(part: &str) -> usize {
    scan::tokens(part).filter(|w| w.len() <= 4 && scan::is_upper_alpha(w) && crate::ids::is_known_tag(w)).count()
}

fn is_joining_word(tok: &str) -> bool {
    matches!(tok, "AND" | "OF" | "THE" | "FOR" | "IN")
}

/// A word of a person's name after `OVIP`: upper-case letters, three or more, no tag code.
fn is_person_word(tok: &str) -> bool {
    tok.len() >= 3 && scan::is_upper_alpha(tok) && !crate::ids::is_known_tag(tok)
}

/// A whole line in parentheses: `(ESPARZA LURI, FELIX IGNACIO ET AL)`.
pub(crate) fn is_paren_group(t: &str) -> bool {
    t.len() > 2 && t.starts_with('(') && t.ends_with(')') && !t[1..t.len() - 1].contains(['(', ')'])
}

fn push<'a>(out: &mut Vec<Text<'a>>, tok: &'a str, source: &'a str) {
    let tok = trim_tag(scan::unwrap_link(tok));
    // What the tag holds, read in one pass over its bytes (three scans cost more): a letter, a
    // lower-case one, two spaces in a row.
    let (mut letter, mut lower, mut doubled_space) = (false, false, false);
    let b = tok.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        letter |= c.is_ascii_alphabetic();
        lower |= c.is_ascii_lowercase();
        doubled_space |= c == b' ' && b.get(i + 1) == Some(&b' ');
    }
    if !letter {
        return;
    }
    let value: Cow<'a, str> = if lower || doubled_space {
        Cow::Owned(scan::tokens(tok).collect::<Vec<_>>().join(" ").to_ascii_uppercase())
    } else {
        Cow::Borrowed(tok)
    };
    if out.iter().any(|t| t.value == value) {
        return;
    }
    out.push(Text::new(value, Span::of(source, tok, 0)));
}

/// `tok` without the punctuation (`.`, `;`, `:`, `,`, `#`, `*`) and spaces (ASCII whitespace,
/// the no-break space) around it, trimmed byte by byte.
fn trim_tag(tok: &str) -> &str {
    let b = tok.as_bytes();
    let junk = |c: u8| matches!(c, b'.' | b';' | b':' | b',' | b'#' | b'*') || scan::is_ascii_ws(c);
    let (mut i, mut j) = (0, b.len());
    loop {
        if i < j && junk(b[i]) {
            i += 1;
        } else if i + 1 < j && b[i] == 0xC2 && b[i + 1] == 0xA0 {
            i += 2;
        } else {
            break;
        }
    }
    loop {
        if j > i && junk(b[j - 1]) {
            j -= 1;
        } else if j >= i + 2 && b[j - 2] == 0xC2 && b[j - 1] == 0xA0 {
            j -= 2;
        } else {
            break;
        }
    }
    &tok[i..j]
}

/// Two or more capitalised words and nothing else (`War Crimes`): free text, not codes, which
/// are upper case (`PREL PGOV`) or, in sentence-cased retypes, lower case (`prel pgov`).
fn is_capitalised_phrase(piece: &str) -> bool {
    let mut n = 0;
    for w in scan::tokens(piece) {
        let b = w.as_bytes();
        let capitalised = b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase);
        if !capitalised {
            return false;
        }
        n += 1;
    }
    n >= 2
}

fn inside_parens_only(p: &str) -> bool {
    // Every comma sits inside parentheses (`OVIP (CLINTON, HILLARY) PREL`).
    // (Byte by byte: the three are ASCII, never a byte of a longer character, and decoding the
    // characters was most of the cost of these scans.)
    let mut depth = 0i32;
    for &c in p.as_bytes() {
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b',' if depth == 0 => return false,
            _ => {}
        }
    }
    true
}

/// Splits on commas (and semicolons) outside parentheses.
fn split_commas(p: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(p);
    std::iter::from_fn(move || {
        let r = rest?;
        let mut depth = 0i32;
        // (Byte by byte, as in `inside_parens_only`: a cut at an ASCII byte is a char boundary.)
        for (i, &c) in r.as_bytes().iter().enumerate() {
            match c {
                b'(' => depth += 1,
                b')' => depth -= 1,
                b',' | b';' if depth <= 0 => {
                    rest = Some(&r[i + 1..]);
                    return Some(&r[..i]);
                }
                _ => {}
            }
        }
        rest = None;
        Some(r)
    })
}

/// Splits on spaces, keeping a parenthesised group with the token before it.
fn split_spaces(p: &str) -> impl Iterator<Item = &str> {
    let mut rest = scan::trim(p);
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // The first word's end (`rest` opens with no space).
        let mut end = scan::token_len(rest.as_bytes());
        let after = scan::trim_start_space(&rest[end..]);
        if after.starts_with('(') {
            if let Some(close) = after.find(')') {
                end = rest.len() - after.len() + close + 1;
            }
        }
        let tok = &rest[..end];
        rest = scan::trim_start_space(&rest[end..]);
        Some(tok)
    })
}

/// A multi-word comma part that is one free-text tag rather than several codes: it has a word
/// longer than six letters, lower case, a parenthesis, or a joining word.
fn is_free_text(part: &str) -> bool {
    let mut words = scan::tokens(part).peekable();
    let first = words.next();
    if words.peek().is_none() {
        return first.is_some();
    }
    part.contains('(')
        || scan::tokens(part).any(|w| {
            let w = scan::unwrap_link(w);
            w.len() > 6 || w.bytes().any(|b| b.is_ascii_lowercase()) || matches!(w, "AND" | "OF" | "THE" | "FOR")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(pieces: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        // Pieces must be slices of the source for spans; a joined source works for tests.
        let src: &'static str = Box::leak(pieces.join("\n").into_boxed_str());
        let mut at = 0;
        let slices: Vec<&str> = pieces
            .iter()
            .map(|p| {
                let s = &src[at..at + p.len()];
                at += p.len() + 1;
                s
            })
            .collect();
        parse(&slices, src, &mut out);
        out.into_iter().map(|t| t.value.into_owned()).collect()
    }

    #[test]
    fn seed_markdown_tags() {
        assert_eq!(tags(&[" [PREL](#) [PGOV](#) [PTER](#) [KS](#) [RS](#)"]), ["PREL", "PGOV", "PTER", "KS", "RS"]);
    }

    #[test]
    fn commas_spaces_and_repeats() {
        assert_eq!(tags(&[" EFIS, PBTS, AR"]), ["EFIS", "PBTS", "AR"]);
        assert_eq!(tags(&[" prel, pgov, pins, tu"]), ["PREL", "PGOV", "PINS", "TU"]);
        assert_eq!(tags(&[" PREF, PHUM, HR, PHUM, HR, BK, War Crimes"]), ["PREF", "PHUM", "HR", "BK", "WAR CRIMES"]);
        assert_eq!(
            tags(&[" ETRD, PREL, IS, ECONOMY AND FINANCE, U.S.-ISRAEL RELATIONS"]),
            ["ETRD", "PREL", "IS", "ECONOMY AND FINANCE", "U.S.-ISRAEL RELATIONS"]
        );
        assert_eq!(tags(&[" PGOV, PREL", "ECON"]), ["PGOV", "PREL", "ECON"]);
        assert_eq!(tags(&[" PREL KPAL, KWBG"]), ["PREL", "KPAL", "KWBG"]);
    }

    #[test]
    fn a_capitalised_phrase_without_commas_is_one_tag() {
        // 95ZAGREB454 and 95ZAGREB5178 (cables-real-dev.csv): `TAGS: War Crimes`.
        assert_eq!(tags(&[" War Crimes "]), ["WAR CRIMES"]);
        assert_eq!(tags(&[" prel pgov"]), ["PREL", "PGOV"]);
        assert_eq!(tags(&[" PREL PGOV"]), ["PREL", "PGOV"]);
        assert_eq!(tags(&[" Political"]), ["POLITICAL"]);
    }

    #[test]
    fn free_text_and_persons_among_space_separated_codes() {
        // 04SANAA2346 (page and cables-dev.csv), 05ANKARA7215; the peer parser's cases.
        assert_eq!(
            tags(&["PTER PREL KISL ASEC YM COUNTER TERRORISM"]),
            ["PTER", "PREL", "KISL", "ASEC", "YM", "COUNTER TERRORISM"]
        );
        assert_eq!(tags(&["PGOV TU POLITICAL PARTIES"]), ["PGOV", "TU", "POLITICAL PARTIES"]);
        assert_eq!(
            tags(&["ECON ETRD PREL IS ECONOMY AND FINANCE"]),
            ["ECON", "ETRD", "PREL", "IS", "ECONOMY AND FINANCE"]
        );
        assert_eq!(
            tags(&["PREL PGOV BR OVIP ZOELLICK ROBERT US"]),
            ["PREL", "PGOV", "BR", "OVIP", "ZOELLICK, ROBERT", "US"]
        );
        // One long word that is no code stays a tag of its own.
        assert_eq!(tags(&["PREL SCUL ETRD CS UNDESCO"]), ["PREL", "SCUL", "ETRD", "CS", "UNDESCO"]);
    }

    #[test]
    fn person_tags_keep_their_parentheses() {
        assert_eq!(tags(&[" OVIP (KISSINGER, HENRY A.), ACOM"]), ["OVIP (KISSINGER, HENRY A.)", "ACOM"]);
        assert_eq!(tags(&[" PREL OVIP (CLINTON, HILLARY) US"]), ["PREL", "OVIP (CLINTON, HILLARY)", "US"]);
    }

    #[test]
    fn a_person_on_the_next_line_goes_with_the_last_tag() {
        // 04MADRID1523 (cables-real-dev.csv): VISAS VIPER cables name the person on a line of its own.
        assert_eq!(
            tags(&[" CVIS, KVPR, PTER, SP ", "(ESPARZA LURI, FELIX IGNACIO ET AL) "]),
            ["CVIS", "KVPR", "PTER", "SP (ESPARZA LURI, FELIX IGNACIO ET AL)"]
        );
        // 04MADRID1955: after a comma it stays a tag of its own.
        assert_eq!(tags(&[" CVIS, PREL,", "(BELHADJ, YOUSEFF)"]), ["CVIS", "PREL", "(BELHADJ, YOUSEFF)"]);
    }

    #[test]
    fn tags_are_trimmed_of_punctuation_and_spaces() {
        assert_eq!(trim_tag(" PREL, "), "PREL");
        assert_eq!(trim_tag("\u{a0}*PGOV.;\u{a0}"), "PGOV");
        assert_eq!(trim_tag("U.S.-ISRAEL RELATIONS."), "U.S.-ISRAEL RELATIONS");
        assert_eq!(trim_tag(".,;"), "");
    }

    #[test]
    fn tag_lines() {
        assert!(is_tag_line("PTER KS RS"));
        assert!(is_tag_line("ECON, EFIN,"));
        assert!(!is_tag_line("SUBJECT: X"));
        assert!(!is_tag_line("BOSNIA AND HERZEGOVINA"));
    }
}
