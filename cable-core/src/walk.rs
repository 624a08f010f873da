//! The one driver of a parse: the routing header, then the metadata block, then the body, each
//! read by its own walker over the lines' shapes (`crate::shape`).
//!
//! The walkers never call each other. Where one layer meets another's lines, the driver hands
//! it over: a metadata block that ends at a routing header (inbox printouts put a banner above
//! the header) goes back to the header walker, and the body, meeting a later section's header
//! block (partial records), reads it with [`read_head`], passed in as a function.

use crate::body;
use crate::header;
use crate::lines::Line;
use crate::meta;
use crate::model::Cable;
use crate::shape::pagebreak;
use crate::span::Span;

/// Reads the cable in `lines` (split from `text`) into a new cable.
pub(crate) fn walk<'a>(text: &'a str, lines: &[Line<'a>]) -> Cable<'a> {
    let mut cable = Cable::empty(text);
    let body_start = read_head(lines, 0, &mut cable);
    let body_offset = lines.get(body_start).map_or(text.len() as u32, |l| l.start);
    cable.body = Span::new(body_offset, text.len() as u32);
    // A cable whose banner lacks station and serial: the first page marker of the text has them
    // (the body uses the station to recognise markers glued into lines).
    if cable.banner.as_ref().is_none_or(|b| b.serial.is_none()) && cable.page_origin.is_none() {
        cable.page_origin = pagebreak::first_page_marker(&lines[body_start..]);
    }
    body::parse(lines, body_start, &mut cable, read_head);
    cable
}

/// Reads a routing header and metadata block from `lines[start]` into `cable`; returns the line
/// where the body starts. A header met after the metadata (inbox printouts) is read, and the
/// block goes on after it (at most three times, and only forward).
fn read_head<'a>(lines: &[Line<'a>], start: usize, cable: &mut Cable<'a>) -> usize {
    let mut at = header::parse(lines, start, cable);
    let mut rounds = 0;
    loop {
        match meta::parse(lines, at, cable) {
            meta::End::Header(k) if rounds < 3 && k > at => {
                rounds += 1;
                at = header::parse(lines, k, cable);
            }
            meta::End::Header(k) | meta::End::Body(k) => return k,
        }
    }
}
