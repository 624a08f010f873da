//! The end of the text: signature, closing lines and trailer.

use super::*;

/// Closing words of the text that a signature may follow on the next line.
pub(super) const CLOSINGS: &[&str] = &["END COMMENT", "END SUMMARY", "END NOTE", "END OF CABLE"];

impl<'l, 'a> Walk<'l, 'a> {
    /// Finds the signature and the trailer at the end; returns the index of the first line
    /// after the text.
    pub(super) fn ending(&mut self, start: usize) -> usize {
        let lines = self.lines;
        let mut k = lines.len();
        let mut trailer_from = k;
        while k > start {
            let t = lines[k - 1].text;
            if is_blank_line(&lines[k - 1]) {
                k -= 1;
            } else if signature::is_trailer_line(t) {
                k -= 1;
                trailer_from = k;
            } else {
                break;
            }
        }
        if k == start {
            self.push_trailer(trailer_from);
            return k;
        }
        let last = &lines[k - 1];
        let mut t = text::clean_line(last.trimmed());
        // `MINIMIZE CONSIDERED SHANNON`.
        let mut closing = None;
        if let Some(rest) = scan::strip_prefix_ci(t, "MINIMIZE CONSIDERED") {
            if rest.starts_with(' ') {
                closing = Some(last.span_of(&t[..t.len() - rest.len()]));
                t = scan::trim(rest);
            }
        }
        // `MCNAMARA.`, `HORAN##`: a lone name in capitals with a full stop or end marks after it.
        let bare = t.trim_end_matches(['.', '#']);
        let mut end_marks = None;
        if bare.len() < t.len() && bare.len() >= 3 && scan::is_upper_alpha(bare) {
            // The marks are a trailer of their own, so that the elements still tile the line.
            end_marks = Some(last.span_of(&t[bare.len()..]));
            t = bare;
        }
        let separated = k - 1 == start || {
            let prev = text::clean_line(lines[k - 2].text);
            prev.is_empty()
                || prev.ends_with(['.', '!', '?', ':', ';', '"', ')', '\'', '\u{201d}', '\u{2019}'])
                || signature::is_trailer_line(prev)
                || is_rule(prev)
                // `... CONFLICT.  END COMMENT` / `PALMER` (04TEGUCIGALPA56), `END OF CABLE` /
                // `TALBOTT` (00STATE228771), the website line of Paris cables (06PARIS4247). (An
                // empty page's banner before it, 95ZAGREB2174, is a trailer line.)
                || CLOSINGS.iter().any(|e| scan::ends_with_ci(prev, e))
                || prev.contains("://")
                // The drafter's e-mail address above the name (`Email: zerdeckism@state.gov` /
                // `ZAIBACK`, 04NASSAU413).
                || prev.split_ascii_whitespace().last().is_some_and(|w| w.contains('@') && w.contains('.'))
        };
        if separated && signature::is_signature_line(t) && number::written(t).is_none() {
            self.body.signature = Some(Spanned::new(t, last.span_of(t)));
            // `MINIMIZE CONSIDERED` before the name is a closing line of its own.
            self.body.trailer.extend(closing);
            self.body.trailer.extend(end_marks);
            // Trailer lines between the text and the signature (`GP-3`).
            let mut j = k - 1;
            // (A rule framing the post's website footer goes with it, 06MADRID2632.)
            let footer_rule = |j: usize| {
                is_rule_line(&lines[j])
                    && (lines.get(j + 1).is_some_and(|l| signature::is_website_footer(l.trimmed()))
                        || (j > 0 && signature::is_website_footer(lines[j - 1].trimmed())))
            };
            while j > start
                && (is_blank_line(&lines[j - 1]) || signature::is_trailer_line(lines[j - 1].text) || footer_rule(j - 1))
            {
                j -= 1;
            }
            self.cut_glued_footer(j, start);
            let mut before = j;
            while before < k - 1 && is_blank_line(&lines[before]) {
                before += 1;
            }
            for l in &lines[before..k - 1] {
                if !is_blank_line(l) {
                    self.body.trailer.push(l.span_of(l.trimmed()));
                }
            }
            self.push_trailer(trailer_from);
            return j;
        }
        // `... RIO DE JAN 00000285 002 OF 002 HEARNE`: the signature after a page marker.
        let mut from = 0;
        while let Some((_, me, _)) = inline_marker(&last.text[from..], self.station) {
            from += me;
        }
        let after = scan::trim(&last.text[from..]);
        if from > 0 && signature::is_signature_line(after) {
            self.body.signature = Some(Spanned::new(after, last.span_of(after)));
            self.content_end = last.start + from as u32;
            self.push_trailer(trailer_from);
            return k;
        }
        // (`... interests. DANILOVICH 2005-05-06`: the date after the name is a trailer.)
        let date = signature::trailing_iso_date(last.text);
        let line = date.map_or(last.text, |d| last.text[..d].trim_end());
        if let Some(at) = signature::glued_signature(line) {
            let name = &line[at..];
            self.body.signature = Some(Spanned::new(name, last.span_of(name)));
            let before = scan::trim_end_space(&line[..at]);
            self.content_end = last.start + before.len() as u32;
            if let Some(d) = date {
                self.body.trailer.push(last.span_of(&last.text[d..]));
            }
        } else {
            self.cut_glued_footer(k, start);
        }
        self.push_trailer(trailer_from);
        k
    }

    /// The post's website footer glued to the end of the text's last line (`lines[end - 1]`),
    /// lines joined: the text ends before it and it is a trailer.
    fn cut_glued_footer(&mut self, end: usize, start: usize) {
        let Some(last) = self.lines[start..end].iter().rev().find(|l| !is_blank_line(l)) else { return };
        if let Some(at) = signature::glued_website_footer(last.text) {
            let footer = scan::trim(&last.text[at..]);
            self.body.trailer.push(last.span_of(footer));
            self.content_end = self.content_end.min(last.start + at as u32);
        }
    }

    /// The signature printed again inside the text, on a line of its own at the end of a
    /// paragraph: a page foot that repeats the signer (`... under the JADE Act.` / `DINGER` /
    /// page marker, 09RANGOON378; `... WITH` / `LEXANDRIA.` / `HAMBLEY` / blank / `7. (C) ...`,
    /// 86ALEXANDRIA806). The paragraph ends before it and the line is a trailer element.
    pub(super) fn repeated_signature(&mut self) {
        let Some(sig) = self.body.signature else { return };
        let name = sig.value.trim();
        if name.len() < 3 {
            return;
        }
        let source = self.source;
        for p in &mut self.body.paragraphs {
            if p.span.end > sig.span.start {
                break;
            }
            let text = p.span.slice(source).trim_end();
            let Some(nl) = text.rfind('\n') else { continue };
            let line = &text[nl + 1..];
            if line.trim() != name {
                continue;
            }
            let end = p.span.start + text[..nl].trim_end().len() as u32;
            if end <= p.text_span.start {
                continue;
            }
            let lead = (line.len() - line.trim_start().len()) as u32;
            let at = p.span.start + nl as u32 + 1 + lead;
            self.body.trailer.push(Span::new(at, at + name.len() as u32));
            p.span.end = end;
            p.text_span.end = p.text_span.end.min(end);
        }
    }

    pub(super) fn push_trailer(&mut self, from: usize) {
        for l in &self.lines[from..] {
            if !is_blank_line(l) {
                self.body.trailer.push(l.span_of(l.trimmed()));
            }
        }
    }
}
