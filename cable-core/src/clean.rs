//! Cleaning text that was folded over lines or carries conversion artefacts: the one place
//! where field text may be copied (and only when it differs from the source).

use crate::scan;
use std::borrow::Cow;

/// Joins the pieces of a field (one per physical line) into one line: whitespace runs become one
/// space, markdown link remnants (`[PREL](#)`) lose their brackets, a teletype continuation
/// marker (`-         HERCEGOVINA`) is dropped, and a word split after a hyphen
/// (`BOSNIA-` / `HERCEGOVINA`) is joined without a space. Borrowed when the single piece needs
/// none of this.
pub(crate) fn join_lines<'a>(pieces: &[&'a str]) -> Cow<'a, str> {
    join_lines_gluing(pieces, |_, _| false)
}

/// [`join_lines`], also joining two lines without a space where `glued(before, next)` says that
/// a word was broken at the line end (`before`: the text joined so far, `next`: the next line).
pub(crate) fn join_lines_gluing<'a>(pieces: &[&'a str], glued: impl Fn(&str, &str) -> bool) -> Cow<'a, str> {
    if let [one] = pieces {
        if is_clean(one) {
            return Cow::Borrowed(one);
        }
    }
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len() + 1).sum());
    for (n, piece) in pieces.iter().enumerate() {
        let mut p = scan::trim(piece);
        if n > 0 {
            if let Some(rest) = p.strip_prefix('-') {
                if rest.starts_with("  ") {
                    p = scan::trim(rest);
                }
            }
        }
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let glue_hyphen = out.ends_with('-')
                && out[..out.len() - 1].ends_with(|c: char| c.is_alphabetic())
                && p.starts_with(|c: char| c.is_alphabetic());
            if !glue_hyphen && !glued(&out, p) {
                out.push(' ');
            }
        }
        push_collapsed(&mut out, &strip_link_remnants(p));
    }
    Cow::Owned(out)
}

/// True when `s` has no leading/trailing or doubled whitespace, no tab or no-break space and no
/// link remnant.
///
/// (One pass over the bytes, testing only the few that matter; four scans of the string, one
/// of them decoding characters, cost three times as much.)
fn is_clean(s: &str) -> bool {
    if scan::trim(s).len() != s.len() {
        return false;
    }
    let b = s.as_bytes();
    let mut after_ws = false;
    for (i, &c) in b.iter().enumerate() {
        let ws = scan::is_ascii_ws(c);
        let dirty = (ws && after_ws)
            || c == b'\t'
            // (0xA0 after 0xC2, a lead byte, is the no-break space.)
            || (c == 0xA0 && i > 0 && b[i - 1] == 0xC2)
            || (c == b']' && b[i + 1..].starts_with(b"(#)"));
        if dirty {
            return false;
        }
        after_ws = ws;
    }
    true
}

/// Appends the words of `s` to `out`, one space for each run of [`scan::is_space`] before a word
/// (none at the start of `out`, nor after a space `out` ends with).
///
/// (Word by word with [`scan::tokens`], each copied whole: pushed character by character, the
/// subjects and REF items cost about 18 instructions a byte.)
fn push_collapsed(out: &mut String, s: &str) {
    // A space opening `s` counts as one before its first word, as those between words do.
    let mut space = scan::leading_space_len(s.as_bytes()) > 0;
    for word in scan::tokens(s) {
        if space && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
        space = true;
    }
}

/// Removes markdown link remnants left by web-to-markdown conversion: `[PREL](#)` → `PREL`,
/// `[¶](#)9.` → `¶9.`.
pub(crate) fn strip_link_remnants(s: &str) -> Cow<'_, str> {
    if !s.contains("](#)") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(close) = rest.find("](#)") {
        match rest[..close].rfind('[') {
            Some(open) => {
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..close]);
            }
            None => out.push_str(&rest[..close + 4]),
        }
        rest = &rest[close + 4..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_subject_joins() {
        let j = join_lines(&["KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\"", "BOSNIA"]);
        assert_eq!(j, "KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\" BOSNIA");
    }

    #[test]
    fn single_clean_piece_is_borrowed() {
        assert!(matches!(join_lines(&["SALEH SHOWS NO FLEXIBILITY"]), Cow::Borrowed(_)));
        assert!(matches!(join_lines(&[" EXTENDED  NATIONAL"]), Cow::Owned(_)));
        assert_eq!(join_lines(&[" EXTENDED  NATIONAL"]), "EXTENDED NATIONAL");
    }

    #[test]
    fn teletype_continuations_and_hyphens() {
        let j = join_lines(&[
            "CYGOOL:  HUMAN RIGHTS ABUSES IN BOSNIA-",
            "-         HERCEGOVINA - CASES OF X., F.B., AND A.V.;",
            "-         THE PERSONNEL STRUCTURE AT OMARSKA CAMP",
        ]);
        assert_eq!(
            j,
            "CYGOOL: HUMAN RIGHTS ABUSES IN BOSNIA-HERCEGOVINA - CASES OF X., F.B., AND A.V.; THE PERSONNEL STRUCTURE AT OMARSKA CAMP"
        );
    }

    #[test]
    fn link_remnants() {
        assert_eq!(strip_link_remnants("[PREL](#) [PGOV](#)"), "PREL PGOV");
        assert_eq!(strip_link_remnants("[¶](#)9. (C)"), "¶9. (C)");
        assert_eq!(strip_link_remnants("no links"), "no links");
    }
}
