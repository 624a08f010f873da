//! Headings: caption lines (with or without rules) met after a paragraph's text, kept pending
//! until the next line says whether they head a paragraph or end the text.

use super::*;

/// Rules and caption lines met after the text of a paragraph: a heading if a paragraph
/// follows, text otherwise.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Pending {
    /// Span of the caption lines (start of the first, end of the last).
    pub(super) first_caption: Option<(u32, u32)>,
    /// Number of caption lines.
    pub(super) captions: u32,
    /// A break came after the first caption line: the caption ends there (and stays a heading
    /// only if it reads as one, see [`is_clean_caption`]).
    pub(super) bad: bool,
    /// That break was a section's header: the caption was the end of the section before it
    /// (`SUBJECT: ... FOR` / `DOHA`, 01VATICAN5650), no heading.
    pub(super) section_break: bool,
    /// The captions had a rule above or below them.
    pub(super) ruled: bool,
    /// The first caption line had the rule two lines below it: the next line belongs to it.
    pub(super) two_lines: bool,
    /// A rule came after the captions (before any break): a framed heading, which stays one
    /// even across the end of a section (`----` / `FOREIGN MINISTER SAYS PAPAL TRIP TO UKRAINE
    /// NOT A THREAT` / `----` / section foot and `PTQ4911` / next section, 01VATICAN2955).
    pub(super) framed: bool,
    /// A caption after a blank line below framed captions, in a text without paragraph numbers
    /// (`--------` / `Mideast:` / `--------` / blank / `Summary:` / `--------`, the partial records
    /// of Tel Aviv's media reaction reports): the first words of the text the framed captions
    /// head.
    pub(super) sub: Option<(u32, u32)>,
}

/// `Comment -------`: a caption with its rule on the same line (pages whose lines were joined).
/// (Inlined, the last byte: the rule ends the line, before any `<br>`, and most lines are
/// rejected on it without a call.)
#[inline(always)]
pub(super) fn ruled_caption(t: &str) -> bool {
    matches!(scan::trim_end_space(t).bytes().last(), Some(b'-' | b'>')) && ruled_caption_inside(t)
}

/// The rest of [`ruled_caption`], for a line that ends in a dash or a tag.
#[inline(never)]
fn ruled_caption_inside(t: &str) -> bool {
    let t = text::clean_line(t);
    let head = t.trim_end_matches(['-', ' ']);
    t.len() - head.len() >= 4 && t[head.len()..].starts_with(' ') && loose_caption(head)
}

/// Where a caption with its rule starts at the end of a line of text (`... and Ukraine.
/// Concerns about Russia ---------`), after the last sentence of the line.
#[inline]
pub(super) fn trailing_caption(t: &str) -> Option<usize> {
    // Inline, the last byte: a dash, or a space after one (most lines end in a letter or a
    // full stop and are done here).
    match t.as_bytes().last() {
        Some(&b) if b == b'-' || b == 0xA0 || scan::is_ascii_ws(b) => trailing_caption_at(t),
        _ => None,
    }
}

/// The rest of [`trailing_caption`].
#[inline(never)]
fn trailing_caption_at(t: &str) -> Option<usize> {
    let t = scan::trim_end_space(t);
    // Four dashes or more after the line's last space: found from that space (memrchr), not by
    // trimming dashes a character at a time, which cost most on the lines that are rules
    // alone (no space: done at once).
    let sp = memchr::memrchr(b' ', t.as_bytes())?;
    let dashes = &t.as_bytes()[sp + 1..];
    if dashes.len() < 4 || dashes.iter().any(|&b| b != b'-') {
        return None;
    }
    let head = scan::trim_end_space(&t[..=sp]);
    // Every cut below holds `.`, `)`, `?` or `!`: a head with none (the first run of a rule of
    // two, `---------- ----------`) is done without the six searches.
    let b = head.as_bytes();
    if memchr::memchr3(b'.', b')', b'?', b).is_none() && memchr::memchr(b'!', b).is_none() {
        return None;
    }
    let cut = [". ", ") ", "? ", "! ", ".\" ", ".\u{201d} "]
        .iter()
        .filter_map(|p| head.rfind(p).map(|at| at + p.len()))
        .max()?;
    let caption = &head[cut..];
    (caption.len() >= 3
        && caption.len() <= 60
        && caption.starts_with(|c: char| c.is_uppercase())
        && loose_caption(caption))
    .then_some(cut)
}

/// A line that ends a sentence: text, not the first line of a two-line caption (`This was what
/// Deputy Secretary Negroponte conveyed in his letter to Sargsian.` above `GOAM READY TO DISCUSS
/// MOU` / `-----` in 09YEREVAN20).
pub(super) fn ends_sentence(t: &str) -> bool {
    text::clean_line(t).ends_with(['.', '"', '\u{201d}'])
}

/// A caption that a rule marks as one (underlined, framed, or with its rule on the line): it may
/// end in punctuation or start with a portion marking (`(C) SUMMARY`, `... AND...`).
pub(super) fn loose_caption(t: &str) -> bool {
    let t = text::clean_line(t);
    t.contains(|c: char| c.is_alphanumeric())
        && t.len() <= 100
        && !t.starts_with(|c: char| c.is_lowercase())
        && number::written(t).is_none()
        && (text::item_label(t).is_none() || Marking::parse_prefix(t).is_some())
        && !has_sentence_break(t)
        // `NNNN`, a page-foot classification: the end of a transmission, not a caption.
        && !signature::is_trailer_line(t)
}

/// `END TEXT`, `End Summary`, `END TEXT OF LETTER`, `End talking points`: the closing words of
/// a passage (not `End Use and Security Considerations`, a heading).
pub(super) fn is_closing_words(c: &str) -> bool {
    let Some(rest) = scan::strip_prefix_ci(c, "END ") else { return false };
    let next = rest.split([' ', '/', '.']).next().unwrap_or("");
    ["TEXT", "SUMMARY", "COMMENT", "COMMENTS", "NOTE", "REPORT", "TRANSLATION", "QUOTE", "TALKING", "CABLE", "MESSAGE"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w))
}

/// A caption that reads as a heading even with a break after it: three letters or more, no
/// transmission debris (`NNNN`, `@@@`, `>`), no classification at either end, not a REF line.
pub(super) fn is_clean_caption(c: &str) -> bool {
    let last_word = c.rsplit(' ').next().unwrap_or(c);
    c.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
        && c.starts_with(|ch: char| ch.is_alphanumeric() || ch == '"' || ch == '\'')
        && !c.contains("NNNN")
        && !c.contains("@@@")
        && !scan::starts_with_ci(c, "REF")
        && crate::classification::banner_word(c).is_none()
        && crate::classification::banner_word(last_word).is_none()
        && !pagebreak::is_lone_classification(c)
}

/// A caption line: short, no sentence punctuation at the end, not a sub-item, not lower case
/// at the start (`Lavrov's Letter`, `TSVANGIRAI LOOKS INTO THE CRYSTAL BALL`, `Comment`).
pub(super) fn could_be_heading(t: &str) -> bool {
    let t = text::clean_line(t);
    !t.is_empty()
        && t.len() <= 100
        && !t.ends_with(['.', ',', ';', ':', '"', '\u{201d}'])
        && !t.starts_with(|c: char| c.is_lowercase() || c == '(' || c == '"' || c == '\u{201c}')
        && text::item_label(t).is_none()
        && Marking::parse_prefix(t).is_none()
        && !has_sentence_break(t)
        && !has_digit_form(t)
}

/// A file number, a full date or a row of a table ([`is_file_number`], [`is_full_date`],
/// [`is_table_row`]).
/// (The digits counted once: a file number ends in one, a date in four, a row holds three
/// figures. Most captions have none, and are asked none of the three.)
fn has_digit_form(t: &str) -> bool {
    let digits = digit_count(t.as_bytes());
    (digits >= 1 && is_file_number(t)) || (digits >= 4 && is_full_date(t)) || is_table_row(t, digits)
}

/// `TOTAL      1,968,477  22.1 1,898,937  21.4`: a row of a table, three figures or more
/// (91BERLIN3009); `digits` is the line's count of digits ([`digit_count`]).
fn is_table_row(t: &str, digits: usize) -> bool {
    // Three figures hold three digits: most lines have fewer, and counting them (one pass, no
    // words) is much cheaper than splitting the line into words (this is asked of the first
    // line of every block and the lines after it).
    if digits < 3 {
        return false;
    }
    // (Bytes, not characters: the frame and the figure are ASCII, and a character-set trim cost
    // more than the rest of the test on every word of the lines that get this far.)
    let frame = |b: &u8| matches!(b, b'(' | b')' | b'%' | b'$');
    // A figure's first byte after its frame is a digit at a word's start or after a frame byte:
    // a line with fewer than three such digits (`... on May 25, 2007 ...`: three digits, one
    // word of them) has fewer than three figures, and is not split into words. (Most lines that
    // get here hold a date or a year.)
    let b = t.as_bytes();
    let starts = (0..b.len())
        .filter(|&i| b[i].is_ascii_digit() && (i == 0 || b[i - 1].is_ascii_whitespace() || frame(&b[i - 1])))
        .take(3)
        .count();
    if starts < 3 {
        return false;
    }
    let figure = |w: &[u8]| {
        let start = w.iter().position(|b| !frame(b)).unwrap_or(w.len());
        let end = w.iter().rposition(|b| !frame(b)).map_or(start, |e| e + 1);
        let w = &w[start..end];
        w.first().is_some_and(u8::is_ascii_digit) && w.iter().all(|&b| b.is_ascii_digit() || b == b',' || b == b'.')
    };
    t.split_ascii_whitespace().filter(|w| figure(w.as_bytes())).nth(2).is_some()
}

/// The ASCII digits in `b`, counted 16 bytes a step (a fixed-size chunk's count compiles to a
/// few vector instructions; a filter over the bytes, to a test and a branch for each).
fn digit_count(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(16);
    let mut n = 0;
    for c in &mut chunks {
        n += usize::from(c.iter().map(|&x| u8::from(x.wrapping_sub(b'0') < 10)).sum::<u8>());
    }
    n + chunks.remainder().iter().filter(|x| x.is_ascii_digit()).count()
}

/// `14 February 2004`, `February 14, 2004`, `6th June 2004`: a letter's date line, not a heading (a month and
/// year, `December 2003`, heads the sections of a chronology, 04BRUSSELS4937).
fn is_full_date(t: &str) -> bool {
    // The year ends the line, but for the separators the words are split at: most lines end
    // otherwise, and are passed over without splitting them into words.
    let end = t.trim_end_matches([' ', ',']).as_bytes();
    if !end.last_chunk::<4>().is_some_and(|y| y.iter().all(u8::is_ascii_digit)) {
        return false;
    }
    let mut words = t.split([' ', ',']).filter(|w| !w.is_empty());
    let (Some(a), Some(b), Some(c), None) = (words.next(), words.next(), words.next(), words.next()) else {
        return false;
    };
    let month = |w: &str| scan::month_name_number(w).is_some();
    // (`6th June 2004`, 04MANAMA877.)
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2).contains(&digits.len())
            && scan::is_digits(digits)
            && ["", "st", "nd", "rd", "th"].contains(&&w[digits.len()..])
    };
    (c.len() == 4 && scan::is_digits(c)) && ((day(a) && month(b)) || (month(a) && day(b)))
}

/// `T-IA-F-03-0004`: a file or tasking number on its own line (Frankfurt's treasury
/// attaché numbered its cables so), one token of three parts or more ending in digits: not a
/// heading (`G-20` and `MIG-29s` are).
fn is_file_number(t: &str) -> bool {
    // (The last byte first: the number ends in a digit, most captions in a letter, and the
    // search for a space cost more.)
    t.as_bytes().last().is_some_and(u8::is_ascii_digit)
        && !t.contains(' ')
        && t.split('-').count() >= 3
        && t.rsplit('-').next().is_some_and(scan::is_digits)
}

/// A `. ` that ends a sentence: after a lower-case word of four letters or more, so that
/// `U.S. Engagement with Iran` and `Amb. Smith` stay one caption.
pub(super) fn has_sentence_break(t: &str) -> bool {
    // (A search for `.` and a look at the byte after it: on a caption's few dozen bytes the
    // two-byte substring searcher cost more to start than to run.)
    let b = t.as_bytes();
    memchr::memchr_iter(b'.', b).filter(|&i| b.get(i + 1) == Some(&b' ')).any(|i| {
        let word = b[..i].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
        word >= 4 && b[i - 1].is_ascii_lowercase()
    })
}

impl<'l, 'a> Walk<'l, 'a> {
    /// Decides what the pending captions were, now that a paragraph starts at `next` (or the
    /// text ended): a heading for that paragraph, or text.
    /// (Inlined, the test for pending captions: most paragraphs start with none, and the call
    /// cost them more than the test.)
    #[inline(always)]
    pub(super) fn flush_pending(&mut self, next: Option<u32>) -> Option<Span> {
        self.pending.as_ref()?;
        self.flush_pending_captions(next)
    }

    /// The rest of [`Walk::flush_pending`], for a walk with captions or rules pending.
    #[inline(never)]
    fn flush_pending_captions(&mut self, next: Option<u32>) -> Option<Span> {
        let p = self.pending.take()?;
        let (first, last) = p.first_caption?;
        // Without paragraph numbers, a short line between blank lines is a heading only when
        // it is short; a rule makes it one.
        let short = last - first <= 40;
        // A caption of link remnants or stray marks alone is no heading: `""` helps nobody.
        let caption = text::clean(self.source, Span::new(first, last), &[]);
        let caption = caption.trim_end_matches(['-', ' ']);
        // (`NNNN`, `NN`: the end of a section's transmission in partial records, before the next
        // section's header; never a heading.)
        // Nor is a caption without letters or digits (`)`), a redaction (`XXXXXXXXXXXX`), or the
        // closing words of the paragraph before (`END SUMMARY AND COMMENT`, 89MOSCOW31607).
        let empty = caption.is_empty()
            || (caption.len() >= 2 && caption.bytes().all(|b| b == b'N'))
            || !caption.bytes().any(|b| b.is_ascii_alphanumeric())
            || (caption.len() >= 4 && caption.bytes().all(|b| b == b'X' || b == b'x'))
            || is_closing_words(caption);
        // A page or section break between the caption and the paragraph (`GARCIA CALLS FOR A
        // NATIONAL ANTI-FUJIMORI FRONT` / rule / page foot and banner / `4. ...`, 92LIMA4541)
        // leaves it a heading if it reads as one: not the end of a section's transmission
        // (`NNNNPTQ6056`, `> @@@OASYS@@@`) or a page-foot classification.
        // A caption right after a section's header is the header's last words (`SUBJECT: ...
        // FOR` / blank lines / `DOHA`, 01VATICAN5650), no heading.
        let after_section = self.body.breaks.iter().rev().find(|b| b.span.end <= first).is_some_and(|b| {
            b.kind == BreakKind::Section && Span::new(b.span.end, first).slice(self.source).trim().is_empty()
        });
        // (Across a section's end only a framed caption or a passage's heading, `COMMENT` before
        // the foot of section 1, 92LIMA4541: a bare word there is as often the section's last.)
        let section_ok = !p.section_break || p.framed || passages::heading_kind(caption).is_some();
        let across_break = p.bad && section_ok && !after_section && is_clean_caption(caption);
        if (!p.bad || across_break)
            && !empty
            && next.is_some()
            && (self.numbered || p.ruled || (p.captions == 1 && short))
        {
            return Some(Span::new(first, last));
        }
        self.captions_as_text(p);
        None
    }

    /// Caption lines that were no heading: text of the open paragraph, or a paragraph of
    /// their own.
    /// A caption on the last line of the open numbered paragraph, after a sentence's end and
    /// before a blank line and the numbered paragraph starting at `start` (`... cannot conduct
    /// effective investigations.` / `JUSTICE` / `` / `7. (C) The EULEX Justice ...`,
    /// 09PRISTINA148): the new paragraph's heading, cut from the open paragraph's text.
    pub(super) fn caption_ending_open(&mut self, start: u32) -> Option<Span> {
        let o = self.open?;
        let p = self.body.paragraphs.get(o)?;
        p.number?;
        // (The line of the number: the piece being read, not searched for.)
        let at = self.line;
        debug_assert!(self.lines.get(at).is_some_and(|l| l.start <= start && start <= l.span().end));
        let mut j = at;
        while j > 0 && is_blank_line(&self.lines[j - 1]) {
            j -= 1;
        }
        // A blank line between the caption and the paragraph, and a line of text above it.
        if j == at || j < 2 {
            return None;
        }
        let (cap, before) = (&self.lines[j - 1], &self.lines[j - 2]);
        if before.span().end <= p.text_span.start || before.start < p.span.start || is_blank_line(before) {
            return None;
        }
        // No page marker or section header among these lines: a caption cut from its
        // paragraph by a break is another case (and a name before a page marker is a
        // signature the page repeats, 09RANGOON378).
        if self.body.breaks.last().is_some_and(|b| b.span.end > before.start) {
            return None;
        }
        // (Most lines clean to themselves, which their shape tells without the call.)
        let c = if cap.shape.cleans_to_itself() { cap.trimmed() } else { text::clean_line(cap.trimmed()) };
        // (The caption's own ends first: they reject most last lines of a paragraph, and the
        // line above is not cleaned for them.)
        if !ends_like_caption(c) {
            return None;
        }
        let b = text::clean_line(before.trimmed());
        // In a text of capitals a line of capitals right below the text stands out from nothing
        // (`... WITH HIM WITH LEXANDRIA.` / `HAMBLEY`, a signature the page repeats,
        // 86ALEXANDRIA806): only a text in mixed case sets a caption apart.
        // (Asked after the caption's own ends, which reject most last lines of a paragraph: this
        // reads the whole line in a text of capitals.)
        let mixed_case = || b.bytes().any(|c| c.is_ascii_lowercase());
        // (A redacted line, `XXXXXXXXXXXX`, may have been a heading or a name: no guess.)
        let redacted = c.bytes().all(|b| matches!(b, b'X' | b'x' | b' '));
        if redacted {
            return None;
        }
        if !(reads_as_caption(b, c)
            && mixed_case()
            && is_clean_caption(c)
            && could_be_heading(c)
            && !is_closing_words(c))
        {
            return None;
        }
        let end = before.span_of(b).end;
        let p = &mut self.body.paragraphs[o];
        p.span.end = end;
        p.text_span.end = end.max(p.text_span.start);
        Some(cap.span_of(c))
    }

    pub(super) fn captions_as_text(&mut self, p: Pending) {
        let Some((first, last)) = p.first_caption else { return };
        // Framed captions with a caption below them and no more text (`SUBJECTS COVERED IN
        // THIS REPORT:` framed, then `Mideast`, then the next framed caption): a paragraph of
        // that one line under the framed heading.
        if let Some((from, to)) = p.sub {
            self.open_paragraph(Paragraph {
                source: self.source,
                span: Span::new(from, to),
                text_span: Span::new(from, to),
                number: None,
                written: None,
                marking: None,
                heading: Some(Span::new(first, last)),
                gaps: Vec::new(),
                inner_marking: None,
                first_line: u32::MAX,
            });
            return self.assign_gaps(to);
        }
        if self.open.is_some() && self.numbered {
            self.continue_open(last);
        } else {
            let t = Span::new(first, last).slice(self.source);
            let (marking, text_at) = marking_and_text(t);
            let text_start = (first + text_at as u32).min(last);
            let (marking, inner_marking) = paragraph::marking_or_inner(marking, &t[text_at..], text_start);
            self.open_paragraph(Paragraph {
                source: self.source,
                span: Span::new(first, last),
                text_span: Span::new(text_start, last),
                number: None,
                written: None,
                marking,
                heading: None,
                gaps: Vec::new(),
                inner_marking,
                first_line: u32::MAX,
            });
            self.assign_gaps(last);
        }
    }
}

/// A caption line ending a paragraph: `last` is short, starts with a capital, ends without
/// sentence punctuation, and `before` ended a sentence.
pub(super) fn reads_as_caption(before: &str, last: &str) -> bool {
    // The tests on `last`'s ends first: they reject most lines before any counting or search
    // (this runs on the last line of every paragraph).
    if !ends_like_caption(last) {
        return false;
    }
    // After a sentence, or after closing words (`... a far more decisive manner. END SUMMARY` /
    // `POLICE`, 09PRISTINA148).
    let closed = || before.rfind("END ").is_some_and(|at| is_closing_words(before[at..].trim_end_matches('.')));
    if !(before.ends_with(['.', '?', '!', '"', '\u{201d}', ')']) || closed()) {
        return false;
    }
    let letters = last.bytes().filter(u8::is_ascii_alphabetic).count();
    let upper = last.bytes().filter(u8::is_ascii_uppercase).count();
    letters >= 4
        // (`END SUMMARY` closes the paragraph it ends.)
        && !scan::starts_with_ci(last, "END ")
        && !scan::starts_with_ci(last, "BEGIN ")
        // Capitals (`CUSTOMS`, `GARCIA CALLS FOR ...`) or title case; not a sentence cut short.
        && (upper * 10 >= letters * 9 || title_case(last))
}

/// The first tests of [`reads_as_caption`], on `last` alone: short, a capital first, no
/// sentence punctuation last.
fn ends_like_caption(last: &str) -> bool {
    last.len() <= 80
        && last.starts_with(|c: char| c.is_uppercase())
        && !last.ends_with(['.', ',', ';', ':', '?', '!', '"', ')', '-'])
}

/// Most words capitalised (`Regulatory and Oversight Arrangements`).
fn title_case(l: &str) -> bool {
    let words: Vec<&str> = l.split(' ').filter(|w| w.len() > 3).collect();
    !words.is_empty()
        && words.iter().filter(|w| w.starts_with(|c: char| c.is_uppercase())).count() * 4 >= words.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_hold_three_figures() {
        let is_table_row = |t: &str| is_table_row(t, digit_count(t.as_bytes()));
        assert!(is_table_row("TOTAL      1,968,477  22.1 1,898,937  21.4"));
        assert!(is_table_row("Exports (12.5)  $300  40%"));
        assert!(!is_table_row("Exports 12.5 and 300 (40%x)"));
        assert!(!is_table_row("14 February 2004"));
        assert!(!is_table_row("(1) (2) ()"));
        assert!(is_table_row("(1) (2) (3)"));
    }
}
