//! The REF block: lettered or listed references to cables and other documents.

mod cables;

use crate::clean;
use crate::model::{Reference, ReferenceKind};
use crate::scan;
use crate::span::Span;
use crate::spanned::Text;
use cables::cite_cables;
use smallvec::SmallVec;
use std::borrow::Cow;

/// The text parts of a REF block's items (scratch).
type Parts<'a> = SmallVec<[&'a str; 16]>;
/// The cables one item cites (scratch).
type Citations<'a> = SmallVec<[Citation<'a>; 4]>;

/// Reads the references of a REF field from its pieces (content after the keyword, then one
/// piece per continuation line). Cable ids are completed later, when the citing cable's year is
/// known ([`crate::finish`]).
pub(crate) fn parse<'a>(pieces: &[&'a str], source: &'a str, out: &mut Vec<Reference<'a>>) {
    // One list of text parts for all items, and the items as ranges of it; these scratch lists
    // live on the stack unless the block is long (no allocation per item, nor usually per block).
    let mut parts: Parts<'a> = SmallVec::new();
    let mut items: SmallVec<[Item<'a>; 8]> = SmallVec::new();
    split_items(pieces, &mut parts, &mut items);
    let mut toks: SmallVec<[&'a str; 32]> = SmallVec::new();
    let mut cites: Citations<'a> = SmallVec::new();
    for item in items.iter().filter(|i| !i.parts.is_empty()) {
        let item_parts = &parts[item.parts.clone()];
        toks.clear();
        toks.extend(item_parts.iter().flat_map(|p| scan::tokens(p)));
        cites.clear();
        cite_cables(&toks, item_parts, &mut cites);
        // An item citing one cable (or none) is its own text; an item citing several gives each
        // citation the span of its own words (`STATE 188314,` and `259032`), never a copy of the
        // whole item per citation, which made the output grow with the square of the line.
        let single = cites.len() <= 1;
        let mut item_text = single.then(|| item_text(item_parts, source));
        for c in cites.drain(..) {
            let text = match item_text.take() {
                Some(t) => t,
                None => citation_text(item_parts, c.first, c.last, source),
            };
            out.push(Reference {
                label: item.label,
                kind: ReferenceKind::Cable,
                id: None,
                station: Some(c.station),
                serial: Some(c.serial),
                year: c.year,
                text,
            });
        }
        if let Some(text) = item_text {
            out.push(Reference {
                label: item.label,
                kind: other_kind(&text.value),
                id: None,
                station: None,
                serial: None,
                year: None,
                text,
            });
        }
    }
}

/// A cable cited in an item: its first and last words (the year or station, the serial).
struct Citation<'a> {
    first: &'a str,
    last: &'a str,
    station: Cow<'a, str>,
    serial: u32,
    year: Option<i32>,
}

/// One lettered (or `;`-separated) item: its label and the range of the parts it spans.
struct Item<'a> {
    label: Option<&'a str>,
    parts: std::ops::Range<usize>,
}

/// Splits the pieces into items at labels `A.`, `B)`, `(C)`, `¶D.` (in alphabetical sequence,
/// so that initials and `U.S.` are never taken for labels), or, without labels, at `;` and
/// line ends. Each item's text parts are appended to `parts`.
fn split_items<'a>(pieces: &[&'a str], parts: &mut Parts<'a>, items: &mut SmallVec<[Item<'a>; 8]>) {
    let push_part = |parts: &mut Parts<'a>, s: &'a str| {
        let s = scan::trim(s);
        // (A dash that leads the next item's line, `-      (B) Abuja 2833`, is no text.)
        if !s.is_empty() && s.bytes().any(|b| b != b'-') {
            parts.push(s);
        }
    };
    // The labels: (piece, offset, length, label number); on the stack for up to 8 (a heap list
    // was one allocation per lettered REF block).
    let mut labels: SmallVec<[(usize, usize, usize, u8); 8]> = SmallVec::new();
    let mut expect = 0;
    // A block may start at a later letter (a second block, `REF B SECSTATE 76108`) and its
    // first label may have no punctuation (`REF A SECRETARY'S LETTER`).
    let mut skip_first = 0;
    if let Some((letter, at, len)) = pieces.first().and_then(|p| leading_label(p)) {
        labels.push((0, at, len, letter - b'A'));
        expect = letter - b'A' + 1;
        skip_first = at + len;
    }
    for (pi, piece) in pieces.iter().enumerate() {
        let mut from = if pi == 0 { skip_first } else { 0 };
        while let Some((at, len, letter)) = find_label(piece, from, expect) {
            labels.push((pi, at, len, letter));
            expect += 1;
            from = at + len;
        }
    }
    if labels.is_empty() {
        for piece in pieces {
            for part in piece.split(';') {
                let start = parts.len();
                push_part(parts, part);
                items.push(Item { label: None, parts: start..parts.len() });
            }
        }
        return;
    }
    // Text before the first label (rare: `REF: (NOTAL) A. ...`).
    let (fp, fat, _, _) = labels[0];
    let start = parts.len();
    for p in &pieces[..fp] {
        push_part(parts, p);
    }
    push_part(parts, &pieces[fp][..fat]);
    if parts.len() > start {
        items.push(Item { label: None, parts: start..parts.len() });
    }
    for (k, &(pi, at, len, _)) in labels.iter().enumerate() {
        let (end_piece, end_at) =
            labels.get(k + 1).map_or((pieces.len() - 1, pieces[pieces.len() - 1].len()), |&(p, a, _, _)| (p, a));
        let start = parts.len();
        for (p, piece) in pieces.iter().enumerate().take(end_piece + 1).skip(pi) {
            let from = if p == pi { at + len } else { 0 };
            let to = if p == end_piece { end_at } else { piece.len() };
            if from <= to {
                push_part(parts, &piece[from..to]);
            }
        }
        let label = &pieces[pi][at..at + len];
        items.push(Item { label: Some(letter_of(label)), parts: start..parts.len() });
    }
}

/// The label opening a block: any letter in label form (`B.`, `(C)`, `A:`), or an upper-case
/// letter alone before more text (`A SECRETARY'S LETTER`); its letter (upper case), offset and
/// length.
fn leading_label(piece: &str) -> Option<(u8, usize, usize)> {
    let at = piece.len() - piece.trim_start_matches([' ', '\t']).len();
    let rest = &piece[at..];
    let t = rest.trim_start_matches("[¶](#)").trim_start_matches('¶').trim_start_matches('(');
    let letter = t.bytes().next()?.to_ascii_uppercase();
    if !letter.is_ascii_uppercase() {
        return None;
    }
    if let Some(len) = label_len_at(rest, letter - b'A') {
        if label_ends(rest.as_bytes(), len) {
            return Some((letter, at, len));
        }
    }
    let b = rest.as_bytes();
    (b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b' ').then_some((letter, at, 1))
}

/// The label letters inside `A.`, `(A)`, `¶A.`, `AA.`.
fn letter_of(label: &str) -> &str {
    let i = label.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
    let n = label[i..].bytes().take_while(u8::is_ascii_alphabetic).count().max(1);
    &label[i..i + n]
}

/// The number of labels: `A.` to `Z.`, then `AA.` to `ZZ.`. Past them, no more labels are
/// looked for: the rest of the block belongs to the last item (whose citations each keep their
/// own text), rather than every later item taking the label after `Z`.
const LABELS: u8 = 52;

/// Finds the label for letter `expect` in `piece` at or after `from`: at the start of the piece
/// or after a space, `;` or `,`, and followed by a space or the end — or, for a label closed by
/// a parenthesis, glued to the text (`A)Tel Aviv 000935`, `(B)FBIS LD211046`).
fn find_label(piece: &str, from: usize, expect: u8) -> Option<(usize, usize, u8)> {
    if expect >= LABELS {
        return None;
    }
    let b = piece.as_bytes();
    let mut i = from;
    while i < b.len() {
        let boundary = i == 0 || matches!(b[i - 1], b' ' | b'\t' | b';' | b',' | b':');
        if boundary {
            if let Some(len) = label_len_at(&piece[i..], expect) {
                if label_ends(b, i + len) {
                    return Some((i, len, expect));
                }
            }
        }
        i += 1;
    }
    None
}

/// True when a label that ends before `b[end]` is followed by a space, the end, or (closed by a
/// parenthesis) glued text.
fn label_ends(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None | Some(b' ' | b'\t') => true,
        // `D.01 BRASILIA 3714`: a label glued to the two-digit year of its cable.
        Some(c) if c.is_ascii_digit() && b[end - 1] == b'.' => {
            b.get(end + 1).is_some_and(u8::is_ascii_digit) && matches!(b.get(end + 2), Some(b' '))
        }
        Some(c) => b[end - 1] == b')' && c.is_ascii_alphanumeric(),
    }
}

/// The length of the label number `expect` (0 = `A`, 26 = `AA`) at the start of `s`.
fn label_len_at(s: &str, expect: u8) -> Option<usize> {
    let letter = b'A' + expect % 26;
    let letters = if expect < 26 { 1 } else { 2 };
    let mut i = 0;
    for prefix in ["[¶](#)", "¶"] {
        if s.starts_with(prefix) {
            i = prefix.len();
            break;
        }
    }
    let b = s.as_bytes();
    let paren = b.get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    for _ in 0..letters {
        if !b.get(i)?.eq_ignore_ascii_case(&letter) {
            return None;
        }
        i += 1;
    }
    match b.get(i)? {
        b')' => Some(i + 1),
        b'.' | b':' if !paren => Some(i + 1),
        _ => None,
    }
}

fn item_text<'a>(parts: &[&'a str], source: &'a str) -> Text<'a> {
    let first = parts.first().copied().unwrap_or("");
    let last = parts.last().copied().unwrap_or("");
    let span = Span::of(source, first, 0).to(Span::of(source, last, 0));
    Text::new(clean::join_lines(parts), span)
}

/// The text of one citation of an item, from its word `first` to its word `last` (without
/// trailing punctuation), both sub-slices of `parts`: borrowed when on one line.
fn citation_text<'a>(parts: &[&'a str], first: &'a str, last: &'a str, source: &'a str) -> Text<'a> {
    let last = last.trim_end_matches([',', '.', ';', ':']);
    let addr = |s: &str| s.as_ptr() as usize;
    let inside = |p: &&str, w: &str| addr(w) >= addr(p) && addr(w) + w.len() <= addr(p) + p.len();
    let (Some(a), Some(b)) = (parts.iter().position(|p| inside(p, first)), parts.iter().position(|p| inside(p, last)))
    else {
        return item_text(parts, source);
    };
    let from = addr(first) - addr(parts[a]);
    let to = addr(last) + last.len() - addr(parts[b]);
    let pieces: Vec<&'a str> = if a == b {
        vec![&parts[a][from..to]]
    } else {
        let mut v = vec![&parts[a][from..]];
        v.extend(&parts[a + 1..b]);
        v.push(&parts[b][..to]);
        v
    };
    item_text(&pieces, source)
}

/// The kind of a non-cable reference, from its words.
fn other_kind(text: &str) -> ReferenceKind {
    let has = |w: &str| scan::find_ci(text, w).is_some();
    if has("EMAIL") || has("E-MAIL") || has("E-MAILS") {
        ReferenceKind::Email
    } else if has("TELCON") || has("TELECON") || has("PHONECON") || has("TELEPHONE") || has("PHONE CALL") {
        ReferenceKind::Telcon
    } else if has("MEMCON") {
        ReferenceKind::Memcon
    } else if has("REPORT") || has("IIR ") || has("OSC ") || has("FBIS") {
        ReferenceKind::Report
    } else {
        ReferenceKind::Other
    }
}

#[cfg(test)]
mod tests;
