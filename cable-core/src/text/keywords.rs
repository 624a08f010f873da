//! The words that open a cross-reference (`ref`, `para`, `sept`: [`super::xref`]) and a
//! drafting block (`DRAFTED`: [`super::drafting`]), found in one SIMD pass over a cable's whole
//! text for the JSON writer, which asks for both views: apart, they took a pass each (the
//! cross-references' over the paragraphs, the drafting block's two substring searches over the
//! whole text), about twice the instructions of this one.

use super::literals::Literals;
use std::ops::Range;
use std::sync::OnceLock;

/// The keywords of a cable's text, in text order.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Keywords {
    /// The cross-reference keywords' starts as written ([`super::xref::PATTERNS`]), with
    /// their ends.
    pub(crate) xref: Vec<Range<usize>>,
    /// Where `DRAFTED`, `Drafted` and `drafted` start ([`super::drafting::PATTERNS`]).
    pub(crate) drafted: Vec<usize>,
}

/// The keywords of `text`. No pattern of one list can overlap one of the other (nor one of
/// its own), so each list holds what its own search finds: the drafting words all of them,
/// the cross-reference words those of a paragraph's stretch that it holds whole.
pub(crate) fn find(text: &str) -> Keywords {
    static ALL: OnceLock<Literals> = OnceLock::new();
    let all = ALL.get_or_init(|| Literals::new(super::xref::PATTERNS.into_iter().chain(super::drafting::PATTERNS)));
    let b = text.as_bytes();
    // Room for the words of most cables from the start (about four a cable): grown from
    // empty, the list was reallocated twice or three times in a cable that has them.
    let mut out = Keywords { xref: Vec::with_capacity(16), drafted: Vec::new() };
    for m in all.matches(b) {
        if matches!(b[m.start], b'D' | b'd') {
            out.drafted.push(m.start);
        } else {
            out.xref.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{drafting, xref};

    #[test]
    fn one_pass_finds_what_each_search_finds() {
        let texts = [
            "REF A. DRAFTED BY: X:Y\nPARA 2 OF REFTEL; septel\n(Drafted: POL) drafted draftedrafted Sept SepTel",
            "the referendum, a prefab and paratroopers; dRAFTED; DRAFTEDREF; Paragraph 3; refDrafted",
            "",
            "ref",
        ];
        for t in texts {
            let k = find(t);
            let starts: Vec<_> = xref::keyword_starts(t.as_bytes()).collect();
            assert_eq!(k.xref.iter().map(|r| r.start).collect::<Vec<_>>(), starts, "{t}");
            assert!(k.xref.iter().all(|r| xref::PATTERNS.contains(&&t[r.clone()])));
            let drafted: Vec<_> = drafting::starts(t.as_bytes()).collect();
            assert_eq!(k.drafted, drafted, "{t}");
        }
    }

    #[test]
    fn the_views_read_the_same_from_either_search() {
        let text = "UNCLAS STATE 000001\n\nSUBJECT: X\nREF: A. STATE 1 B. STATE 2\n\n\
                    1. As REF B said, see para 2 and septel.\n\n2. Details of REFTEL PARA 4.\n\n\
                    (DRAFTED:POL:MBURROWS;CLEARED:POL:PHILBURN;\nADCM:JGREENWALD; APPROVED:AMB:SEEIZENSTAT.)\n\nEIZENSTAT\n";
        let cable = crate::parse(text).unwrap();
        let k = find(cable.source);
        assert_eq!(cable.links_with(&k), cable.links());
        assert_eq!(cable.links().len(), 5);
        assert_eq!(cable.drafting_with(&k), cable.drafting());
        assert!(cable.drafting().is_some());
    }
}
