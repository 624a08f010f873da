//! Caption lines in the body: a caption framed by dashes, underlined, framed by rules, two
//! lines long, or below framed captions; kept pending (see `heading`) until the next line says
//! whether they head a paragraph.

use super::*;

impl<'l, 'a> Walk<'l, 'a> {
    /// Takes the piece `t_trim` of line `i` (from `start` to `end`) as a caption line when it
    /// reads as one in its place; `glued` is a classification glued after it. False when the
    /// piece is text.
    pub(super) fn caption(&mut self, i: usize, t_trim: &'a str, start: u32, end: u32, glued: Option<usize>) -> bool {
        let line = self.lines[i];
        // `-- US USE OF SPANISH BASES --` after a blank line: a caption framed by dashes on its
        // own line (07MADRID911, 03OTTAWA619), not a `--` sub-item; the dashes stay out of it.
        // (Its place first: most pieces asked here follow a line of text.)
        if let Some((a, b)) = self.after_blank.then(|| dashed_caption(t_trim)).flatten() {
            if let Some(p) = self.pending.take().filter(|p| p.first_caption.is_some()) {
                // A second caption block: the first was text.
                self.captions_as_text(p);
                self.close_at_blank();
            }
            let (from, to) = (start + a as u32, start + b as u32);
            self.pending = Some(Pending {
                first_caption: Some((from, to)),
                captions: 1,
                ruled: true,
                framed: true,
                ..Pending::default()
            });
            self.after_blank = false;
            self.glued_break(i, glued, end);
            return true;
        }
        // A caption underlined by a rule on the next line needs no blank line above it.
        let underlined = end == line.span().end && self.rule_line(i + 1);
        // Between two rules, a caption may end in punctuation (`Comment: "What, Won't Haggle?"`,
        // `Saleh Promises No New MANPADS...`).
        // A framed caption may take two lines (`POPE ACKNOWLEDGES 1915 SUFFERING OF TURKISH
        // ARMENIANS;` / `DOES NOT MENTION GENOCIDE`, 01VATICAN1286).
        // Looks two lines ahead, so it is only asked where it can matter (most lines are text).
        // (The rules asked are passed in: the closure outlives changes to the walk below.)
        let rule_below = |rules: &RulesAsked| {
            underlined
                || (end == line.span().end
                    && self.lines.get(i + 1).is_some_and(|l| !is_blank_line(l))
                    // A footnote is no caption (`*Ratio equals average leads per company` /
                    // `Attendance` / `----------` in 04TAIPEI3110 underlines only the second line).
                    && !t_trim.starts_with('*')
                    && rules.rule_line(self.lines, i + 2))
        };
        let framed =
            self.pending.is_some_and(|p| p.ruled && p.first_caption.is_none()) && rule_below(&self.rules_asked);
        // A short line after a blank line with text right below it is the first line of a
        // block, not a caption (`Israel Radio reported that, commenting on reports from` /
        // `Cairo, Deputy State Department Spokesman ...` below the framed `Key stories in the
        // media:`, 04TELAVIV6232): the caption before it keeps its claim to the block.
        // (A caption takes three lines at most: the block is prose when a line that reads as
        // no caption, or a fourth line, comes before its end, a blank line or a rule.)
        // (The lines below that may end the block by their shape are few: when none of the
        // three may, the block runs on whatever they read like, and none is asked whether it
        // could be a heading.)
        let may_end_block = |l: &Line<'_>| !l.shape.is_plain() || line_cleans_to_nothing(l);
        // The block's text ends with this line and lines follow it: they decide whether it runs on.
        let lines_below = end == line.span().end && self.lines.len() > i + 1;
        let below = || self.lines[i + 1..].iter().take(3);
        // (Whether the block surely runs on, by the shapes below alone: asked first, so that the
        // first line of most blocks of prose is no caption without being asked whether it reads
        // as one.)
        let surely_runs_on = || lines_below && !below().any(may_end_block);
        // (What the lines below read like, for a block that may not run on by their shapes.)
        let reads_on = || {
            lines_below
                && below().map(|l| l.trimmed()).find(|next| !could_be_heading(next) || is_rule(next)).is_none_or(
                    |next| {
                        !next.is_empty()
                        && !is_rule(next)
                        // (A number or a marking opens a paragraph: `COMMENT` / `6.(C) After
                        // months ...`, 04MANAMA448.)
                        && number::written(next).is_none()
                        && !next.split_once('.').is_some_and(|(n, _)| n.len() <= 2 && scan::is_digits(n))
                        && Marking::parse_prefix(next).is_none()
                        && !text::cleans_to_nothing(next)
                    },
                )
        };
        let runs_on = || surely_runs_on() || reads_on();
        // (`xxxxxxxxxxxx` / `Cash Couriers Continue to Be Problematic` / rule, 07KUWAIT808: the
        // site's redaction of a name opens an underlined caption; it stands for a capitalised
        // word. Not above a blank line: a redacted name ends many lists of participants.)
        let redacted_caption = || {
            let rest = t_trim.trim_start_matches('x');
            t_trim.len() - rest.len() >= 4 && rest.len() <= 100 && !ends_sentence(rest) && rule_below(&self.rules_asked)
        };
        // (`II.  "The British Are Here, With Arafat's Approval"` above a quoted column, the block
        // quotes of Tel Aviv's media reaction reports without paragraph numbers, 04TELAVIV1644:
        // a numbered title, not a sub-item.)
        let roman_title = || !self.numbered && self.after_blank && roman_quoted_title(t_trim) && !runs_on();
        // (Past the first test without a rule below, the block was found not to run on surely:
        // only what its lines read like is asked again.)
        let caption = ((underlined || (self.after_blank && !surely_runs_on()))
            && (could_be_heading(t_trim) || redacted_caption())
            && (underlined || !reads_on()))
            || roman_title()
            || ruled_caption(t_trim)
            || ((framed
                || underlined
                // (The rule below first: read off the shapes of the lines below, it rejects most
                // first lines of a block before the line's end is cleaned.)
                || (self.after_blank && rule_below(&self.rules_asked) && !ends_sentence(t_trim)))
                && loose_caption(t_trim));
        let caption_goes_on = !self.after_blank
            && self.pending.is_some_and(|p| p.first_caption.is_some() && p.captions < 3 && !p.bad)
            // `SIPDIS` stamped inside a framed heading (00HARARE6677); the rest of a framed
            // caption broken at the width, whatever it reads like (`Regulatory and oversight
            // arrangements between EU member` / `states` / rule, 04FRANKFURT3169).
            && (could_be_heading(t_trim)
                || text::cleans_to_nothing(t_trim)
                || self.pending.is_some_and(|p| p.two_lines && p.captions == 1 && self.rule_line(i + 1)));
        // A caption after a blank line, or an underlined one without a rule above the captions
        // before it (`*Ratio equals ...` / `Attendance` / `-----`), starts a new caption block.
        // A heading of two lines, each underlined (`A FIFTY PERCENT CHANCE OF BEING FRANCE'S` /
        // rule / `NEXT PRESIDENT` / rule, 06PARIS7424): the second line goes on with the first
        // when the first is a caption of its own block, long enough to have been broken at the
        // width (not `HOT ISSUES` / rule / `ISPAT ISCOR Looks for ...`, a section and its topic),
        // and no sentence (`... END SUMMARY.` above the rule that frames the next heading).
        let second_underlined = underlined
            && i >= 3
            && self.rule_line(i - 1)
            && is_blank_line(&self.lines[i - 3])
            && self.pending.is_some_and(|p| {
                p.captions == 1
                    && !p.bad
                    && p.first_caption.is_some_and(|c| {
                        let first = Span::new(c.0, c.1).slice(self.source);
                        c.1 == self.lines[i - 2].span().end && first.len() >= 30 && could_be_heading(first)
                    })
            });
        // Without paragraph numbers, a caption below framed captions is the first line of the
        // text they head (`Summary:` under `Mideast:`).
        if caption
            && !self.numbered
            && i > 0
            && is_blank_line(&self.lines[i - 1])
            // (A numbered title heads its own block: `Block Quotes:` / `I.  "Going to Gaza"`.)
            && !roman_quoted_title(t_trim)
            && self.pending.is_some_and(|p| {
                p.framed
                    && !p.bad
                    && p.sub.is_none()
                    && p.first_caption.is_some_and(|(a, b)| is_clean_caption(Span::new(a, b).slice(self.source).trim()))
            })
        {
            if let Some(p) = &mut self.pending {
                p.sub = Some((start, end));
            }
            self.after_blank = false;
            self.glued_break(i, glued, end);
            return true;
        }
        if caption
            && !second_underlined
            && self.pending.is_some_and(|p| {
                p.first_caption.is_some() && (self.after_blank || (underlined && !p.ruled && !p.two_lines))
            })
        {
            // A second caption block: the first was text.
            let p = self.pending.take().expect("checked");
            self.pending = Some(Pending { ruled: p.ruled && p.first_caption.is_none(), ..Pending::default() });
            self.captions_as_text(p);
            // The blank line between the blocks ends the paragraph the first one became
            // (`Dated 2/23/2004` / blank / `The Ministry of Foreign Affairs of the Kingdom of
            // Bahrain` / `presents its compliments ...`, 04MANAMA280: two paragraphs).
            // (A blank line, not a rule: `CONTENTS` framed, then its entries, 05MAPUTO1, stay
            // one block.)
            if i > 0 && is_blank_line(&self.lines[i - 1]) {
                self.close_at_blank();
            }
        }
        if caption || caption_goes_on {
            let p = self.pending.get_or_insert(Pending::default());
            match &mut p.first_caption {
                Some(c) => c.1 = end,
                None => {
                    p.first_caption = Some((start, end));
                    p.two_lines = !underlined && rule_below(&self.rules_asked);
                }
            }
            p.captions += 1;
            // (A numbered title is a heading at any length, as a ruled caption is.)
            p.ruled |= ruled_caption(t_trim) || (!self.numbered && roman_quoted_title(t_trim));
            self.after_blank = false;
            self.glued_break(i, glued, end);
            return true;
        }
        false
    }
}

/// The caption between the dashes of `-- AFGHANISTAN --` (offsets in `t`): dashes at both
/// ends, a short caption in between.
/// (Inlined, its first byte: the first line of most blocks opens with a letter, and the call
/// cost more than the test.)
#[inline]
pub(super) fn dashed_caption(t: &str) -> Option<(usize, usize)> {
    if !t.starts_with('-') {
        return None;
    }
    dashed_caption_inside(t)
}

/// The rest of [`dashed_caption`], for a line that opens with a dash.
#[inline(never)]
fn dashed_caption_inside(t: &str) -> Option<(usize, usize)> {
    if !t.starts_with("- ") && !t.starts_with("-- ") && !t.starts_with("--- ") {
        return None;
    }
    let inner = t.trim_start_matches('-');
    let inner_end = t.trim_end_matches('-');
    if inner_end.len() == t.len() || !inner_end.ends_with(' ') || inner.len() <= t.len() - inner_end.len() {
        return None;
    }
    let a = t.len() - inner.trim_start().len();
    let b = inner_end.trim_end().len();
    let caption = &t[a..b.max(a)];
    // (Not a handling line: `-- SENSITIVE BUT UNCLASSIFIED. PROTECT ACCORDINGLY --`, 04PRAGUE1859.)
    (b > a && caption.len() <= 70 && could_be_heading(caption) && is_clean_caption(caption)).then_some((a, b))
}

/// `II.  "Child Sacrifice"`: a roman numeral and a quoted title, nothing else.
pub(super) fn roman_quoted_title(t: &str) -> bool {
    // (The numeral's first letter before the search for `. ` through the line: most lines
    // asked open otherwise.)
    if !t.starts_with(['I', 'V', 'X']) {
        return false;
    }
    let Some((numeral, rest)) = t.split_once(". ") else { return false };
    let rest = rest.trim();
    !numeral.is_empty()
        && numeral.len() <= 4
        && numeral.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && rest.len() <= 80
        && rest.starts_with(['"', '\u{201c}'])
        && rest.ends_with(['"', '\u{201d}'])
}
