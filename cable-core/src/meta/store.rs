//! Storing what the metadata walk read: a field's pieces closed into the cable's field (subject,
//! TAGS, REF, Classified By, distribution), the banner, captions and caveats.

use super::*;

impl<'l, 'a> Meta<'l, 'a> {
    /// Ends the open field and stores what its pieces hold.
    pub(super) fn close(&mut self, cable: &mut Cable<'a>) {
        let open = std::mem::replace(&mut self.open, Open::None);
        if open == Open::None || self.pieces.is_empty() {
            self.pieces.clear();
            return;
        }
        let src = cable.source;
        // The span of the pieces as read, before the subject's marking is cut off: a duplicate
        // field's warning and the Classified By and distribution texts need it, and only they
        // (the others would compute it for nothing: most fields are neither).
        let needs_span = match open {
            Open::Subject => cable.subject.is_some(),
            Open::Tags => !cable.tags.is_empty(),
            Open::ClassifiedBy | Open::Distribution => true,
            Open::Ref { .. } | Open::None => false,
        };
        let span = if needs_span { field_span(src, &self.pieces) } else { Span::default() };
        // A portion marking opening the subject (`SUBJECT: (C) ...`) is split off in place.
        let mut marking = None;
        if open == Open::Subject {
            let first = self.pieces[0].trim_start();
            if let Some((m, n)) = Marking::parse_prefix(first) {
                marking = Some(m);
                self.pieces[0] = &first[n..];
            }
        }
        if open == Open::Subject {
            cut_sbu_banner(&mut self.pieces);
        }
        let pieces = &self.pieces;
        match open {
            Open::Subject => {
                let value = join_lines(pieces);
                if cable.subject.is_some() {
                    cable.warnings.push(Warning::new(WarningKind::DuplicateField, span));
                } else if !value.is_empty() {
                    cable.subject = Some(Text::new(value, field_span(src, pieces)));
                    cable.subject_marking = marking;
                }
            }
            Open::Tags => {
                if cable.tags.is_empty() {
                    tags::parse(pieces, src, &mut cable.tags);
                } else {
                    cable.warnings.push(Warning::new(WarningKind::DuplicateField, span));
                }
            }
            Open::Ref { .. } => refs::parse(pieces, src, &mut cable.references),
            Open::ClassifiedBy => {
                let text = match trimmed_alone(pieces) {
                    Some(one) => Cow::Borrowed(one),
                    None => clean::join_lines_gluing(pieces, classified_by::word_broken_at_line_end),
                };
                if cable.classified_by.is_some() {
                    cable.warnings.push(Warning::new(WarningKind::DuplicateField, span));
                } else {
                    // Names are read from the joined text: a name can wrap onto the next line
                    // (`Classified By: Political Internal Unit Chief` / `Dan Kritenbrink.`).
                    let mut names = Vec::new();
                    match &text {
                        Cow::Borrowed(t) => classified_by::names_into(t, &mut names, Cow::Borrowed),
                        Cow::Owned(t) => classified_by::names_into(t, &mut names, |n| Cow::Owned(n.to_owned())),
                    }
                    let reasons = classified_by::reasons(&text);
                    cable.classified_by = Some(ClassifiedBy { text: Text::new(text, span), names, reasons });
                }
            }
            Open::Distribution => {
                let text = join_lines(pieces);
                if !text.is_empty() {
                    cable.distribution.push(Text::new(text, span));
                }
            }
            Open::None => {}
        }
        self.pieces.clear();
    }
}

/// [`clean::join_lines`] of a field's pieces.
pub(super) fn join_lines<'a>(pieces: &[&'a str]) -> Cow<'a, str> {
    match trimmed_alone(pieces) {
        Some(one) => Cow::Borrowed(one),
        None => clean::join_lines(pieces),
    }
}

/// The single piece, trimmed, when that is all the join would do to it: no run of spaces, no
/// whitespace but single spaces, no link remnant. (The content after a keyword starts with a
/// space, which the join's own borrowed case does not take: each subject was copied.)
pub(super) fn trimmed_alone<'a>(pieces: &[&'a str]) -> Option<&'a str> {
    let [one] = pieces else { return None };
    let p = scan::trim(one);
    // (0xA0 is the second byte of a no-break space; as any other byte of a character, it only
    // sends the piece to the join.)
    // (One pass over the bytes: a substring search for each test cost more than the copy. The
    // bytes it asks about are found by a table: the others, nearly all, cost one look-up.)
    let b = p.as_bytes();
    let plain = (0..b.len()).all(|i| {
        let c = b[i];
        !ASKED[usize::from(c)]
            || match c {
                b' ' => b.get(i + 1) != Some(&b' '),
                b']' => !b[i + 1..].starts_with(b"(#)"),
                _ => false,
            }
    });
    plain.then_some(p)
}

/// The bytes [`trimmed_alone`] looks at: whitespace but the single space, which the join would
/// change, the space (doubled?) and `]` (a link remnant `](#)`?).
const ASKED: [bool; 256] = {
    let mut t = [false; 256];
    let asked = [b'\t', b'\n', b'\r', 0x0c, 0xA0, b' ', b']'];
    let mut k = 0;
    while k < asked.len() {
        t[asked[k] as usize] = true;
        k += 1;
    }
    t
};

/// The span from the first to the last non-blank text of a field's pieces.
pub(super) fn field_span(src: &str, pieces: &[&str]) -> Span {
    let mut texts = pieces.iter().map(|p| scan::trim(p)).filter(|p| !p.is_empty());
    match texts.next() {
        Some(first) => {
            let last = texts.next_back().unwrap_or(first);
            Span::of(src, first, 0).to(Span::of(src, last, 0))
        }
        None => Span::of(src, pieces[0], 0),
    }
}

pub(super) fn set_banner<'a>(line: &Line<'a>, t: &'a str, b: banner::BannerLine<'a>, cable: &mut Cable<'a>) {
    let span = line.span_of(t);
    if b.word.damaged {
        cable.warnings.push(Warning::new(WarningKind::DamagedKeyword, line.span_of(&t[..b.word.len])));
    }
    cable.banner = Some(Banner {
        level: b.word.level,
        section: b.section,
        station: b.station.map(|s| Spanned::new(s, line.span_of(s))),
        serial: b.serial.map(|s| Spanned::new(s, line.span_of(s))),
        span,
    });
    cable.classification = Some(Spanned::new(b.word.level, span));
    if b.section.is_some() {
        cable.section = b.section;
    }
    let word_span = line.span_of(&t[..b.word.len]);
    if b.word.efto {
        push_caveat(cable, Cow::Borrowed("EFTO"), word_span);
    }
    if b.word.sensitive && b.word.level != crate::Level::SensitiveButUnclassified {
        push_caveat(cable, Cow::Borrowed("SENSITIVE"), word_span);
    }
    if let Some(caps) = captions::captions(b.trailing) {
        push_captions(line, caps, cable);
    }
}

pub(super) fn push_captions<'a>(line: &Line<'a>, caps: captions::CaptionIter<'a>, cable: &mut Cable<'a>) {
    for c in caps {
        let value: Cow<'a, str> = if c.canonical.is_empty() {
            if scan::is_upper_text(c.raw) { Cow::Borrowed(c.raw) } else { Cow::Owned(c.raw.to_ascii_uppercase()) }
        } else {
            Cow::Borrowed(c.canonical)
        };
        push_caveat(cable, value, line.span_of(c.raw));
    }
}

pub(super) fn push_caveat<'a>(cable: &mut Cable<'a>, value: Cow<'a, str>, span: Span) {
    if !cable.caveats.iter().any(|c| c.value == value) {
        cable.caveats.push(Spanned::new(value, span));
    }
}
