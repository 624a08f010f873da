//! Cross-references from paragraph text (`REF A`, `reftel`, `septel`, `para 13`, `para 2 of
//! REF A`) resolved against the cable's references and paragraphs. Computed on access from the
//! text (`crate::text::xref` finds them), so parsing pays nothing for them.

use super::Cable;
use crate::names::names;
use crate::span::Span;
use crate::text::keywords::Keywords;
use crate::text::{self, xref};

/// What a [`Link`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LinkKind {
    /// One of the cable's references (`REF A`, `reftel`); the target is its index in
    /// [`Cable::references`].
    Reference,
    /// A paragraph of this cable (`para 13`, `paras 3-5`); the target is its index in
    /// [`Cable::paragraphs`].
    Paragraph,
    /// A paragraph of a cited document (`para 2 of REF A`, `REFTEL para 4`); the target is the
    /// reference's index, the number the paragraph's.
    ReferenceParagraph,
    /// A separate telegram (`septel`), sent at the same time: not in this cable.
    Septel,
}

names!(LinkKind {
    Reference => "reference",
    Paragraph => "paragraph",
    ReferenceParagraph => "reference_paragraph",
    Septel => "septel",
});

/// A cross-reference in a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// What it points at.
    pub kind: LinkKind,
    /// The index of the paragraph whose text holds it.
    pub paragraph: usize,
    /// The index of the reference or paragraph it names, when the cable has it (`REF D` in a
    /// cable with references A–C, `para 9` in one of 8 paragraphs, `septel`: `None`).
    pub target: Option<usize>,
    /// The paragraph number cited (`para 13` → 13), for paragraph links.
    pub number: Option<u32>,
    /// The label or number as written (`A` of `REF A`, `13` of `para 13`; the word `reftel`
    /// or `septel` when nothing follows it).
    pub span: Span,
}

impl Cable<'_> {
    /// The cross-references in the paragraphs' text, in text order: references by label
    /// (`REF A`, `REFS B and C`), the only reference (`reftel`), separate telegrams
    /// (`septel`), this cable's paragraphs (`para 13`, both ends of `paras 3-5`) and a cited
    /// document's paragraphs (`para 2 of REF A`). A number after `paragraph ... of` something
    /// that is no reference (`paragraph 5 of the resolution`) is no link.
    ///
    /// ```
    /// let text = "UNCLAS STATE 000001\n\nSUBJECT: X\nREF: A. STATE 1 B. STATE 2\n\n\
    ///             1. As REF B said, see para 2.\n\n2. Details.\n";
    /// let cable = cable_core::parse(text)?;
    /// let links = cable.links();
    /// assert_eq!(links[0].kind, cable_core::LinkKind::Reference);
    /// assert_eq!((links[0].target, cable.text_of(links[0].span)), (Some(1), "B"));
    /// assert_eq!((links[1].kind, links[1].target, links[1].number), (cable_core::LinkKind::Paragraph, Some(1), Some(2)));
    /// # Ok::<(), cable_core::ParseError>(())
    /// ```
    pub fn links(&self) -> Vec<Link> {
        self.links_by(|_| true, |_, seg, found| xref::scan(seg, found))
    }

    /// [`links`](Self::links) from the keywords the JSON writer found for them and the
    /// drafting block together: those of each stretch of a paragraph that it holds whole.
    pub(crate) fn links_with(&self, keywords: &Keywords) -> Vec<Link> {
        let words = &keywords.xref[..];
        // A paragraph that holds no keyword is not cut into stretches at all: most hold none
        // (about 37,000 keywords in 63,600 paragraphs of the real CSV).
        let holds_a_word = |text: Span| {
            let first = words.partition_point(|w| w.start < text.start as usize);
            words.get(first).is_some_and(|w| w.end <= text.end as usize)
        };
        self.links_by(holds_a_word, |base, seg, found| {
            let end = base + seg.len();
            let first = words.partition_point(|w| w.start < base);
            let inside = words[first..].iter().take_while(|w| w.end <= end);
            xref::scan_from(seg, inside.map(|w| w.start - base), found);
        })
    }

    /// The links that `scan` finds in each stretch of the paragraphs between their cuts
    /// (given with its offset in the source), in the paragraphs whose text span `wanted` takes.
    fn links_by<'s>(
        &'s self,
        wanted: impl Fn(Span) -> bool,
        mut scan: impl FnMut(usize, &'s str, &mut Vec<xref::Found<'s>>),
    ) -> Vec<Link> {
        let mut out = Vec::new();
        let mut found = Vec::new();
        for (i, p) in self.paragraphs().iter().enumerate() {
            if !wanted(p.text_span()) {
                continue;
            }
            let cuts = p.cuts();
            for seg in text::segments(self.source, p.text_span(), &cuts) {
                found.clear();
                let base = seg.as_ptr() as usize - self.source.as_ptr() as usize;
                scan(base, seg, &mut found);
                out.extend(found.iter().map(|f| self.resolve(f, i, base as u32)));
            }
        }
        out
    }

    fn resolve(&self, f: &xref::Found<'_>, paragraph: usize, base: u32) -> Link {
        let span = Span::new(base + f.start as u32, base + f.end as u32);
        let link = |kind, target, number| Link { kind, paragraph, target, number, span };
        match f.cited {
            xref::Cited::Reference(label) => link(LinkKind::Reference, self.reference_index(label), None),
            xref::Cited::Septel => link(LinkKind::Septel, None, None),
            xref::Cited::Paragraph { number, of: xref::Whose::Own } => {
                let target = self.paragraphs().iter().position(|p| p.number() == Some(number));
                link(LinkKind::Paragraph, target, Some(number))
            }
            xref::Cited::Paragraph { number, of: xref::Whose::Reference(label) } => {
                link(LinkKind::ReferenceParagraph, self.reference_index(label), Some(number))
            }
        }
    }

    /// The reference labelled `label`, or the only one when no label is given (`reftel`).
    fn reference_index(&self, label: Option<&str>) -> Option<usize> {
        let refs = self.references();
        match label {
            Some(l) => refs.iter().position(|r| r.label.is_some_and(|x| x.eq_ignore_ascii_case(l))),
            None => (refs.len() == 1).then_some(0),
        }
    }
}
