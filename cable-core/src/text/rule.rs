//! Rules (`-----`, `=====`) and the teletype paragraph separator (`--`).

use super::clean_line;
use crate::scan;

/// A line of dashes, underscores or equals signs (a rule under or around a heading).
#[inline]
pub(crate) fn is_rule(t: &str) -> bool {
    // Cheap test first, inlined into the callers: this runs on every line and on the lines
    // around it, and the call cost more than the test.
    let first = scan::first_non_ws(t);
    // 0xE2: the first byte of the Unicode dashes (U+2010..U+2015), which retyped cables use for
    // rules (`‐‐‐‐‐‐`, 06PANAMA1457).
    matches!(first, Some(b'-' | b'_' | b'=' | b'*' | b'/' | 0xE2)) && rule_letters(t)
}

/// The rest of [`is_rule`], for a line that starts like a rule.
#[inline(never)]
fn rule_letters(t: &str) -> bool {
    let t = clean_line(t);
    let unicode_dash = |c: char| ('\u{2010}'..='\u{2015}').contains(&c);
    // (The test of every character first: it stops at the first letter of a bulleted line.)
    t.chars().all(|c| matches!(c, '-' | '_' | '=' | ' ' | '*' | '/') || unicode_dash(c))
        && t.chars().filter(|&c| c != ' ').count() >= 3
        && t.contains(|c: char| matches!(c, '-' | '_' | '=' | '*') || unicode_dash(c))
}

/// A lone `-` or `--`: the paragraph separator of teletype cables (86DAMASCUS7104 has `--`
/// above paragraphs 4, 6 and 8). Unlike a rule it underlines nothing: the line above it is
/// text (`(AL-ANBA, KUWAIT, 24.5).` / `--` in 85TELAVIV15214).
#[inline]
pub(crate) fn is_separator(t: &str) -> bool {
    // Inline, the first byte after ASCII whitespace: a dash, or the first byte of a no-break
    // space (which the trim skips too); the rest out of line.
    let first = scan::first_non_ws(t);
    matches!(first, Some(b'-' | 0xC2)) && separator_line(t)
}

#[inline(never)]
fn separator_line(t: &str) -> bool {
    matches!(scan::trim(t), "-" | "--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(is_rule("-----"));
        assert!(is_rule("- - - - - - - -"));
        assert!(!is_rule("--"));
    }
}
