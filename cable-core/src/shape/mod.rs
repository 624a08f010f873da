//! What a single line is, read without context: a rule, a page marker or page banner, a lone
//! classification, a routing header line, a partial record's control line, the classification
//! banner, a caption, a field keyword, a paragraph number, a date-time group.
//!
//! These recognisers are the vocabulary the walkers share. The header, metadata and body
//! walkers (`header`, `meta`, `body`) each decide what a line means *in its place*, but they
//! ask only this layer what a line *looks like*, never each other: the layers import downward
//! only (see the README's layout section).

pub(crate) mod banner;
pub(crate) mod captions;
pub(crate) mod dtg;
pub(crate) mod keywords;
pub(crate) mod number;
pub(crate) mod pagebreak;
pub(crate) mod reflist;
pub(crate) mod routing;
// Rules live with text cleaning, which needs them too (a heading's lines without the rules
// between them); the walkers ask for them here, with the other shapes.
pub(crate) use crate::text::rule;
