//! Paragraphs: opened at a number or a blank line, continued, closed, and the breaks inside
//! them recorded as gaps.

use super::*;

/// The portion marking after a paragraph number (or at the start of an unnumbered paragraph)
/// and the offset in `rest` where the text starts.
pub(super) fn marking_and_text(rest: &str) -> (Option<Marking<'_>>, usize) {
    // (A marking in parentheses is read once, then looked at for `ENTIRE TEXT` after it.)
    // (Of the other two, the first byte after the spaces says which can apply: a scrambled
    // marking opens with `(`, a spelled-out one with its level's letter. Most texts have neither,
    // and were asked both.)
    // (`ENTIRE TEXT` after a marking is asked only where an `E` follows it past spaces and
    // dashes, at least one: most markings have a sentence after them, which the call trimmed
    // and compared again.)
    let b = rest.as_bytes();
    let read = match Marking::parse_prefix(rest) {
        Some(read) => {
            let gap = b[read.1..].iter().take_while(|&&c| c == b' ' || c == b'-').count();
            let may_be_entire = gap > 0 && b.get(read.1 + gap).is_some_and(|&c| c | 0x20 == b'e');
            Some(may_be_entire.then(|| Marking::entire_text_after(rest, read)).flatten().unwrap_or(read))
        }
        None if rest.bytes().find(|&b| b != b' ') == Some(b'(') => Marking::parse_scrambled_prefix(rest),
        None => Marking::parse_entire_text(rest),
    };
    let (marking, mut at) = match read {
        Some((m, n)) => (Some(m), n),
        None => (None, 0),
    };
    while at < b.len() && (b[at] == b' ' || b[at] == b'\t') {
        at += 1;
    }
    // `1. (C - ENTIRE TEXT).` and `(C) - text`.
    if marking.is_some() && at < b.len() && matches!(b[at], b'.' | b':') {
        at += 1;
        while at < b.len() && b[at] == b' ' {
            at += 1;
        }
    }
    // The same marking typed twice (`5. (S/NF) (S/NF) Rather than ...`, 03SANAA442).
    // (Its first byte before the comparison of the rest, a call: most texts open otherwise.)
    let again = marking.filter(|m| b.get(at) == m.raw.as_bytes().first()).and_then(|m| rest[at..].strip_prefix(m.raw));
    if let Some(again) = again {
        at = rest.len() - again.trim_start_matches(' ').len();
    }
    (marking, at)
}

/// A portion marking after a short caption and its colon at the start of a paragraph's text
/// (`Summary: (C) In a January 20 meeting ...`, 09ISLAMABAD155; `WARNING:  (U) THIS IS AN
/// INFORMATION REPORT`): the marking, and the offsets in `text` of the marking and of the text
/// after it.
pub(super) fn marking_after_caption(text: &str) -> Option<(Marking<'_>, usize, usize)> {
    let indent = text.len() - text.trim_start_matches(' ').len();
    // (The colon's byte within the first 32: an ASCII byte found there lies inside the head's
    // characters; a byte search, not the character searcher's set-up.)
    let colon = indent + memchr::memchr(b':', &text.as_bytes()[indent..][..(text.len() - indent).min(32)])?;
    let caption = &text[indent..colon];
    let caption_ok = caption.len() >= 2
        && caption.starts_with(|c: char| c.is_ascii_alphabetic())
        && caption.bytes().all(|b| b.is_ascii_alphabetic() || matches!(b, b' ' | b'/' | b'&' | b'-'));
    let rest = &text[colon + 1..];
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    if !caption_ok || lead == 0 {
        return None;
    }
    let (marking, n) = Marking::parse_prefix(rest)?;
    let after = rest[n..].len() - rest[n..].trim_start_matches(' ').len();
    Some((marking, colon + 1 + lead, colon + 1 + n + after))
}

/// The paragraph's marking: `marking` (read before the text), or else one after a caption at
/// the start of its text `text`, which starts at `text_start` ([`marking_after_caption`]), with
/// its span (spaces after it included), to be cut out of the text.
/// (The text is the rest of the string the marking was read from: not sliced from the source
/// again, with the tests of its ends.)
pub(super) fn marking_or_inner<'a>(
    marking: Option<Marking<'a>>,
    text: &'a str,
    text_start: u32,
) -> (Option<Marking<'a>>, Option<Span>) {
    if marking.is_some() {
        return (marking, None);
    }
    match marking_after_caption(text) {
        Some((m, from, to)) => (Some(m), Some(Span::new(text_start + from as u32, text_start + to as u32))),
        None => (None, None),
    }
}

impl<'l, 'a> Walk<'l, 'a> {
    /// A numbered paragraph; `pre` is a marking written before the number, and where it starts.
    pub(super) fn numbered_paragraph(
        &mut self,
        t: &'a str,
        start: u32,
        end: u32,
        w: number::Written,
        fit: number::Fit,
        pre: Option<(Marking<'a>, u32)>,
    ) {
        let heading = self.flush_pending(Some(start)).or_else(|| self.caption_ending_open(start));
        let written = Span::new(start, start + w.len as u32);
        let number = match fit {
            number::Fit::Recovered(n) => {
                self.warnings.push(Warning::new(WarningKind::RecoveredParagraphNumber, written));
                n
            }
            number::Fit::Duplicate => {
                self.warnings.push(Warning::new(WarningKind::DuplicateParagraphNumber, written));
                w.value
            }
            number::Fit::Unordered => {
                self.warnings.push(Warning::new(WarningKind::UnorderedParagraphNumber, written));
                w.value
            }
            number::Fit::Skipped if self.previous.is_some() => {
                self.warnings.push(Warning::new(WarningKind::SkippedParagraphNumber, written));
                w.value
            }
            _ => w.value,
        };
        self.previous = Some(number);
        let rest = &t[w.len..];
        let (mut marking, text_at) = marking_and_text(rest);
        let text_start = start + (w.len + text_at) as u32;
        let mut first = start;
        if let Some((m, at)) = pre {
            marking = marking.or(Some(m));
            first = at;
        }
        let (marking, inner_marking) = marking_or_inner(marking, &rest[text_at..], text_start);
        self.open_paragraph(Paragraph {
            source: self.source,
            span: Span::new(first, end),
            text_span: Span::new(text_start.min(end), end),
            number: Some(number),
            written: Some(written),
            marking,
            heading,
            gaps: Vec::new(),
            inner_marking,
            first_line: u32::MAX,
        });
    }

    pub(super) fn unnumbered_paragraph(&mut self, t: &'a str, start: u32, end: u32) {
        // A caption below framed captions starts the text they head ([`Pending::sub`]); read
        // before the flush takes the pending captions.
        let sub = self.pending.and_then(|p| p.sub);
        let mut heading = self.flush_pending(Some(start));
        let sub = sub.filter(|_| heading.is_some()).map(|(at, _)| at);
        // A block of nothing but a stamp (`SIPDIS`) heads nothing: the caption above it is the
        // text (`Unclassified but Sensitive` / blank / `SIPDIS` before paragraph 1, 03LAGOS2232).
        let (text, from, text_end) = match heading.filter(|_| text::cleans_to_nothing(t)) {
            Some(h) => {
                heading = None;
                (h.slice(self.source), h.start, h.end)
            }
            // The caption below the heading starts the text (`Summary:` under `Mideast:`).
            None => match sub {
                Some(at) => (Span::new(at, end).slice(self.source), at, end),
                None => (t, start, end),
            },
        };
        let (marking, text_at) = marking_and_text(text);
        let text_start = from + text_at as u32;
        let (mut marking, inner_marking) = marking_or_inner(marking, &text[text_at..], text_start);
        // A marking that opens the heading of an unmarked paragraph is the paragraph's
        // (`(U) Status of Host Nation Laws:` / rule / `-- UAE Federal Law 4 ...`, 07ABUDHABI1838);
        // the heading's text leaves it out (`Paragraph::heading`), its span keeps the line.
        if let (None, Some(h)) = (marking, heading) {
            let caption = h.slice(self.source);
            if let Some((m, _)) = Marking::parse_prefix(caption).filter(|&(_, n)| !caption[n..].trim().is_empty()) {
                marking = Some(m);
            }
        }
        self.open_paragraph(Paragraph {
            source: self.source,
            span: Span::new(from, end),
            text_span: Span::new(text_start.min(text_end), text_end),
            number: None,
            written: None,
            marking,
            heading,
            gaps: Vec::new(),
            inner_marking,
            first_line: u32::MAX,
        });
    }

    pub(super) fn open_paragraph(&mut self, mut p: Paragraph<'a>) {
        if self.body.paragraphs.len() >= crate::warning::MAX_PARAGRAPHS {
            return self.continue_last(p.span);
        }
        p.first_line = self.line_at(p.text_span.start);
        self.close();
        // Breaks before the paragraph belong to no paragraph; those after its start (a caption
        // line that turned out to be text) are its own.
        self.breaks_done = self.body.breaks.len();
        while self.breaks_done > 0 && self.body.breaks[self.breaks_done - 1].span.start >= p.span.start {
            self.breaks_done -= 1;
        }
        self.body.paragraphs.push(p);
        self.open = Some(self.body.paragraphs.len() - 1);
    }

    /// The index of the line that holds `at`, looked for a few lines around the line of the
    /// piece being read (a paragraph's text starts on it or a caption or two above it), for the
    /// writer ([`Paragraph::first_line`]); `u32::MAX` when it is not there.
    fn line_at(&self, at: u32) -> u32 {
        let mut k = self.line;
        for _ in 0..8 {
            match self.lines.get(k) {
                Some(l) if l.start > at && k > 0 => k -= 1,
                Some(l) if l.start <= at && l.next <= at => k += 1,
                Some(l) if l.start <= at => return k as u32,
                _ => break,
            }
        }
        u32::MAX
    }

    /// Past the paragraph limit: the last paragraph takes the text of the one at `span` (its
    /// number, marking and heading become text; breaks in between are its gaps again). Warned
    /// once, where the first paragraph over the limit starts.
    fn continue_last(&mut self, span: Span) {
        let last = self.body.paragraphs.len() - 1;
        if self.open != Some(last) {
            if !self.warned_paragraph_limit {
                self.warned_paragraph_limit = true;
                self.warnings.push(Warning::new(WarningKind::TooManyParagraphs, span));
            }
            let old_end = self.body.paragraphs[last].span.end;
            self.breaks_done = self.body.breaks.partition_point(|b| b.span.start < old_end);
            self.open = Some(last);
        }
        self.continue_open(span.end);
    }

    /// Text that continues the open paragraph up to `end`: pending captions and rules become
    /// part of it too. (Inlined: the classifier's fast path ends here for most lines.)
    #[inline]
    pub(super) fn continue_open(&mut self, end: u32) {
        self.pending = None;
        self.assign_gaps(end);
        if let Some(p) = self.open.and_then(|o| self.body.paragraphs.get_mut(o)) {
            p.span.end = end;
            p.text_span.end = end;
        }
    }

    /// Gives the breaks recorded since the last call that fall before `end` to the open
    /// paragraph when they lie inside it.
    pub(super) fn assign_gaps(&mut self, end: u32) {
        let Some(o) = self.open else {
            self.breaks_done = self.body.breaks.len();
            return;
        };
        let p = &mut self.body.paragraphs[o];
        while let Some(b) = self.body.breaks.get(self.breaks_done) {
            if b.span.start >= end || end == u32::MAX {
                break;
            }
            if b.span.start >= p.span.start {
                p.gaps.push(b.span);
            }
            self.breaks_done += 1;
        }
        if end == u32::MAX {
            self.breaks_done = self.body.breaks.len();
        }
    }

    pub(super) fn close(&mut self) {
        self.marked_block_open = false;
        if self.open.is_some() {
            self.assign_gaps(0);
            self.breaks_done = self.body.breaks.len();
        }
        self.open = None;
    }
}
