//! Rules (`-----`, `=====`) and the teletype paragraph separator (`--`).

use super::clean_line;
use crate::lines::Line;
use crate::lines::shape::{opens_rule, opens_separator};
use crate::scan;

/// A line of dashes, underscores or equals signs (a rule under or around a heading).
#[inline]
pub(crate) fn is_rule(t: &str) -> bool {
    // Cheap test first, inlined into the callers: this runs on every line and on the lines
    // around it, and the call cost more than the test.
    scan::first_non_ws(t).is_some_and(opens_rule) && rule_letters(t)
}

/// [`is_rule`] of a whole line, its first test read off the line's shape.
#[inline]
pub(crate) fn is_rule_line(line: &Line<'_>) -> bool {
    line.shape.may_be_rule() && rule_letters(line.trimmed())
}

/// The rest of [`is_rule`], for a line that starts like a rule.
#[inline(never)]
fn rule_letters(t: &str) -> bool {
    let t = clean_line(t);
    // Most rules are one ASCII mark repeated (`-----...`, a line long, and each is asked about
    // from the lines around it too): its run is compared 16 bytes at a time, not decoded as
    // characters one by one.
    let b = t.as_bytes();
    let mut run = 0;
    if let Some(&mark @ (b'-' | b'_' | b'=' | b'*')) = b.first() {
        while b.len() - run >= 16 && b[run..run + 16] == [mark; 16] {
            run += 16;
        }
    }
    // One pass: every character a rule's (it stops at the first letter of a bulleted line), at
    // least three that are not spaces, one of them a dash, underscore, equals sign or star.
    let (mut marks, mut dash) = (run, run > 0);
    for c in t[run..].chars() {
        match c {
            ' ' => {}
            '/' => marks += 1,
            '-' | '_' | '=' | '*' | '\u{2010}'..='\u{2015}' => {
                marks += 1;
                dash = true;
            }
            _ => return false,
        }
    }
    marks >= 3 && dash
}

/// A lone `-` or `--`: the paragraph separator of teletype cables (86DAMASCUS7104 has `--`
/// above paragraphs 4, 6 and 8). Unlike a rule it underlines nothing: the line above it is
/// text (`(AL-ANBA, KUWAIT, 24.5).` / `--` in 85TELAVIV15214).
#[inline]
pub(crate) fn is_separator(t: &str) -> bool {
    // Inline, the first byte after ASCII whitespace: a dash, or the first byte of a no-break
    // space (which the trim skips too); the rest out of line.
    scan::first_non_ws(t).is_some_and(opens_separator) && separator_line(t)
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
        assert!(is_rule("\u{2010}\u{2010}\u{2010}\u{2010}"));
        assert!(is_rule("= = ="));
        assert!(!is_rule("///"));
        assert!(!is_rule("-- The minister"));
    }
}
