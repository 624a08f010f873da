//! Who drafted, cleared and approved the telegram (`DRAFTED BY:` ... `APPROVED BY:` ...,
//! `(DRAFTED:POL:MBURROWS;CLEARED:...)`), read on access from the text (`crate::text::drafting`
//! finds the block).

use super::Cable;
use crate::span::Span;
use crate::spanned::Spanned;
use crate::text::drafting;
use crate::text::keywords::Keywords;

/// The drafting block of a telegram: drafter, clearances and approver, each as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drafting<'a> {
    /// The drafter (`NEA/RA:SAOKI`, `POL:MBURROWS`, `Michael Meigs`), without the date and
    /// telephone that Department telegrams add after ` -- `.
    pub drafted: Spanned<&'a str>,
    /// The clearances, in order (`POL:PHILBURN`, `ADCM:JGREENWALD`).
    pub cleared: Vec<Spanned<&'a str>>,
    /// The approver (`AMB:SEEIZENSTAT`), when named.
    pub approved: Option<Spanned<&'a str>>,
    /// The whole block, keywords included.
    pub span: Span,
}

impl<'a> Cable<'a> {
    /// The drafting block, when the text has one: a `DRAFTED BY:` / `Drafted:` line at the start
    /// of a line (after an opening parenthesis or a paragraph number and marking at most), with
    /// the `CLEARED:` / `CLEARANCES:` and `APPROVED BY:` lines and clearance lists that follow it.
    ///
    /// ```
    /// let text = "UNCLAS TEL AVIV 000001\n\nSUBJECT: X\n\n1. Text.\n\n\
    ///             (DRAFTED:POL:MBURROWS;CLEARED:POL:PHILBURN;\nADCM:JGREENWALD; APPROVED:AMB:SEEIZENSTAT.)\n\nEIZENSTAT\n";
    /// let cable = cable_core::parse(text)?;
    /// let d = cable.drafting().unwrap();
    /// assert_eq!(d.drafted.value, "POL:MBURROWS");
    /// assert_eq!(d.cleared.iter().map(|c| c.value).collect::<Vec<_>>(), ["POL:PHILBURN", "ADCM:JGREENWALD"]);
    /// assert_eq!(d.approved.unwrap().value, "AMB:SEEIZENSTAT");
    /// # Ok::<(), cable_core::ParseError>(())
    /// ```
    pub fn drafting(&self) -> Option<Drafting<'a>> {
        self.drafting_of(drafting::find(self.source))
    }

    /// [`drafting`](Self::drafting) from the keywords the JSON writer found for it and the
    /// links together.
    pub(crate) fn drafting_with(&self, keywords: &Keywords) -> Option<Drafting<'a>> {
        self.drafting_of(drafting::find_from(self.source, keywords.drafted.iter().copied()))
    }

    fn drafting_of(&self, found: Option<drafting::Found>) -> Option<Drafting<'a>> {
        let source = self.source;
        let found = found?;
        let spanned =
            |r: std::ops::Range<usize>| Spanned::new(&source[r.clone()], Span::new(r.start as u32, r.end as u32));
        Some(Drafting {
            drafted: spanned(found.drafted?),
            cleared: found.cleared.into_iter().map(spanned).collect(),
            approved: found.approved.map(spanned),
            span: Span::new(found.block.start as u32, found.block.end as u32),
        })
    }
}
