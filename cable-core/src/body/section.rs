//! A later section's header block inside the body (partial records): recognised, read through
//! the driver, cut out as a break; and the sections it divides the text into.

use super::*;

/// The routing lines of a later section's header block.
pub(super) struct SectionRouting<'a> {
    pub(super) dtg: crate::model::DateTimeGroup<'a>,
    pub(super) sender: Option<crate::spanned::Spanned<&'a str>>,
    pub(super) to: Vec<crate::model::Recipient<'a>>,
    pub(super) info: Vec<crate::model::Recipient<'a>>,
}

/// The end of a section's transmission in partial records: `NNNN`, `NNNNPTQ8737`, the archive's
/// `@@@OASYS@@@` and `PTQ6056` lines, and the lone `>` that often comes before `@@@OASYS@@@`
/// (97VATICAN2404).
pub(super) fn is_transmission_end(t: &str) -> bool {
    t.starts_with("NNNN") || t.starts_with("@@@OASYS") || t.strip_prefix("PTQ").is_some_and(scan::is_digits) || t == ">"
}

/// The section a partial record's page banner names: `PAGE 01 VATICA 00283 02 OF 05 241034Z`
/// → section 2 of 5.
pub(super) fn page_banner_section(line: &str) -> Option<crate::model::Section> {
    let (number, total) = pagebreak::page_banner(line)?.section?;
    (number >= 1 && number <= total).then_some(crate::model::Section { number, total: Some(total) })
}

/// The sections of the text: the first up to the first later header block, then one per block.
/// None when the text holds no later block (a page's text runs its sections together under the
/// first banner; only the banner's `section` says which it is).
pub(super) fn sections(cable: &Cable<'_>, blocks: &[(Span, Option<crate::model::Section>)]) -> Vec<TextSection> {
    let first = cable.section;
    if blocks.is_empty() {
        return Vec::new();
    }
    let end = cable.source.len() as u32;
    let mut out = Vec::with_capacity(blocks.len() + 1);
    let first_end = blocks.first().map_or(end, |b| b.0.start);
    out.push(TextSection {
        number: first.map(|s| s.number).or(Some(1)),
        total: first.and_then(|s| s.total).or(blocks.iter().find_map(|b| b.1.and_then(|s| s.total))),
        span: Span::new(0, first_end),
        header_span: Span::new(0, cable.body.start.min(first_end)),
    });
    for (k, (block, section)) in blocks.iter().enumerate() {
        let next = blocks.get(k + 1).map_or(end, |b| b.0.start);
        out.push(TextSection {
            number: section.map(|s| s.number),
            total: section.and_then(|s| s.total),
            span: Span::new(block.start, next),
            header_span: *block,
        });
    }
    out
}

impl<'l, 'a> Walk<'l, 'a> {
    /// Recognises the repeated header of a later section (partial records) at line `i`. What
    /// it reads of the line that the page break test reads too (its banner, its lone
    /// classification) goes into `read`.
    pub(super) fn section_break(&mut self, i: usize, end: usize, read: &mut pagebreak::Read) -> Option<usize> {
        let t = self.lines[i].trimmed();
        // Header and banner lines are short, start with an upper-case letter or a digit and end
        // in a digit or a time's `Z`; so do the lines that may come before them (see
        // `Shape::may_be_header`).
        if !self.lines[i].shape.may_be_header() {
            return None;
        }
        // The banner a trigger read of its line goes into `read_banner` (line `i`'s is the page break
        // test's next: it is not tokenized again there).
        let trigger = |l: &Line<'_>, read_banner: &mut Option<Option<(usize, u32)>>| {
            let t = l.trimmed();
            is_strong_header_line(t)
                || partial_control_line(t)
                || {
                    let b = pagebreak::banner(l);
                    *read_banner = Some(b);
                    b.is_some_and(|(_, page)| page == 1)
                }
                || ((t.contains("SECTION") || t.contains("section"))
                    && banner::parse(t).is_some_and(|b| b.section.is_some_and(|s| s.number > 1)))
        };
        // Header, banner and control lines end in a digit or the `Z` of a time (`ZNY CCCCC ZZH`
        // aside): a cheap test before the parsers.
        let header_like = |t: &str| t.ends_with(|c: char| c.is_ascii_digit() || c == 'Z') || t.starts_with("ZN");
        let mut starts = header_like(t) && trigger(&self.lines[i], &mut read.banner);
        let lone = !starts && {
            let lone = pagebreak::is_lone_classification(t);
            read.lone = Some(lone);
            lone || is_transmission_end(t)
        };
        let mut at = i;
        if lone {
            // The classification line at the foot of the last page of the section before, and the
            // end of its transmission (`NNNNPTQ8737`, `NNNN` / `@@@OASYS@@@` / `PTQ6056`): the
            // block starts at the first other line.
            let next = self.lines[i + 1..end.min(i + 40)]
                .iter()
                .position(|l| {
                    !l.is_blank()
                        && !is_transmission_end(l.trimmed())
                        && !pagebreak::is_lone_classification(l.trimmed())
                })
                .map(|k| i + 1 + k);
            // (The banner read of that line goes to the page break test too, which reads the
            // line after a lone classification for one.)
            let mut later = None;
            let found = next.filter(|&k| header_like(self.lines[k].trimmed()) && trigger(&self.lines[k], &mut later));
            read.later = next.zip(later);
            if let Some(k) = found {
                starts = true;
                at = k;
            }
        }
        if !starts {
            return None;
        }
        let mut scratch = Cable::empty(self.source);
        let block_at = at;
        let stop = (self.read_head)(&self.lines[..end], at, &mut scratch);
        // `1. (U) Classified by` opens a section's text: the meta parser stops before it.
        let mut last = stop;
        while last > i && self.lines[last - 1].is_blank() {
            last -= 1;
        }
        if last <= block_at {
            return None;
        }
        let first = self.lines[i].span_of(t).start;
        let span = Span::new(first, self.lines[last - 1].span().end);
        let page = self.lines[i..last].iter().find_map(|l| pagebreak::page_banner(l.trimmed())).map(|b| b.page);
        self.push_break(BreakKind::Section, span, page);
        // (The break may have merged with a page break right before it: its span is the block's.)
        let block = self.body.breaks.last().map_or(span, |b| b.span);
        let section =
            scratch.section.or_else(|| self.lines[i..last].iter().find_map(|l| page_banner_section(l.trimmed())));
        self.section_blocks.push((block, section));
        if let Some(dtg) = scratch.dtg.take().filter(|d| d.created.is_some() && scratch.sender.is_some()) {
            self.section_routing.get_or_insert(SectionRouting {
                dtg,
                sender: scratch.sender.take(),
                to: std::mem::take(&mut scratch.to),
                info: std::mem::take(&mut scratch.info),
            });
        }
        Some(last)
    }
}
