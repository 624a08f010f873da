//! Cablegate HTML pages: the metadata table and the `<pre>` blocks of a page as first published
//! on the cablegate site (Nov–Dec 2010).
//!
//! ```text
//! <table class='cable'> Reference ID | Created | Released | Classification | Origin </table>
//! <code><pre>header, newlines as &#x000A;</pre></code>
//! <code><pre>body, with <a id='par1' href='#par1'>¶</a> anchors and <a href='/tag/X_0.html'>X</a> tags</pre></code>
//! ```
//!
//! Decoding copies the text once: character references are decoded (a semicolon is required, so
//! the telegraph substitutions of bare `&` in the text survive), tags are removed and links
//! unwrapped (their text kept: `¶1.`, `PREL`).

use super::{Document, Envelope, EnvelopeKind};
use std::borrow::Cow;

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page has no `<pre>` block: it is not a cable page.
    #[error("no <pre> block: not a cablegate cable page")]
    NoPreBlock,
}

/// Reads a cablegate page into a [`Document`]: the telegram text (header block and body block
/// joined by a blank line) and the metadata table as its [`Envelope`].
pub fn parse_page(page: &str) -> Result<Document<'_>, HtmlError> {
    let blocks = pre_blocks(page);
    let text: Cow<'_, str> = match blocks.as_slice() {
        [] => return Err(HtmlError::NoPreBlock),
        [body] => decode(body),
        [header, body] => Cow::Owned(Document::join_parts(&decode(header), &decode(body))),
        more => Cow::Owned(join_blocks(more)),
    };
    Ok(Document::with_envelope(text, table(page)))
}

/// Reads a page given as bytes, in whatever encoding the file had (decoded as described in
/// [`crate::decode`]). Bytes that had to be replaced become one
/// [`LossyDecoding`](crate::WarningKind::LossyDecoding) warning about the whole text (an empty
/// span at its start) when the document is parsed: their positions in the page do not map onto
/// the extracted text.
pub fn parse_page_bytes(page: &[u8]) -> Result<Document<'static>, HtmlError> {
    page_from_decoded(&crate::decode::decode(page))
}

/// [`parse_page_bytes`] on a page already decoded.
pub(crate) fn page_from_decoded(decoded: &crate::decode::Decoded<'_>) -> Result<Document<'static>, HtmlError> {
    let doc = parse_page(&decoded.text)?.into_owned();
    Ok(match decoded.replaced {
        0 => doc,
        n => doc.with_replacements(n, vec![crate::Span::default()]),
    })
}

/// True when `page` looks like a cablegate cable page (for input auto-detection).
pub fn looks_like_page(page: &str) -> bool {
    // (A cut inside a character panicked, issue 14.)
    let head = crate::scan::head(page, 64 * 1024);
    head.contains("<pre>") || head.contains("class='cable'") || head.contains("class=\"cable\"")
}

/// Many blocks joined as [`Document::join_parts`] joins two, into one buffer: folding
/// `join_parts` copied the text so far once per block (100,000 blocks took 15 s).
fn join_blocks(blocks: &[&str]) -> String {
    let mut text = String::with_capacity(blocks.iter().map(|b| b.len() + 2).sum());
    for block in blocks {
        // What is trimmed is removed for good: linear in all.
        let keep = text.trim_end_matches(['\n', '\r', ' ']).len();
        text.truncate(keep);
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&decode(block));
    }
    text
}

/// The raw contents of every `<pre>...</pre>` block.
fn pre_blocks(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(open) = find(rest, "<pre>") {
        let after = &rest[open + 5..];
        let close = find(after, "</pre>").unwrap_or(after.len());
        out.push(&after[..close]);
        rest = &after[close..];
    }
    out
}

/// The metadata table, matched by header names so that extra cells (the site's "Appears in
/// these articles") never shift the values.
fn table(page: &str) -> Envelope<'_> {
    let mut env = Envelope::new(EnvelopeKind::CablegateHtml);
    let Some(start) = find(page, "<table class='cable'>").or_else(|| find(page, "<table class=\"cable\">")) else {
        return env;
    };
    let t = &page[start..];
    let t = &t[..find(t, "</table>").unwrap_or(t.len())];
    let heads = cells(t, "<th>", "</th>");
    let values = cells(t, "<td>", "</td>");
    for (h, v) in heads.iter().zip(values) {
        let v = decode(v.trim());
        let v = match v {
            Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
            Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
        };
        if v.is_empty() {
            continue;
        }
        match decode(h.trim()).as_ref() {
            "Reference ID" => env.reference_id = Some(v),
            "Created" => env.created = Some(v),
            "Released" => env.released = Some(v),
            "Classification" => env.classification = Some(v),
            "Origin" => env.origin = Some(v),
            _ => {}
        }
    }
    env
}

fn cells<'p>(t: &'p str, open: &str, close: &str) -> Vec<&'p str> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = find(rest, open) {
        let after = &rest[i + open.len()..];
        let end = find(after, close).unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// Offset of `needle` in `hay`: memchr's vectorised substring search. (`str::find` with a
/// string pattern runs the Two-Way algorithm a byte at a time: on the 976 pages it cost about
/// 5 instructions a byte, more than decoding them.)
fn find(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// Removes tags and decodes character references. Borrowed when there is neither.
pub fn decode(s: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr2(b'&', b'<', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    // (The two bytes by memchr2: a pattern of two chars searched them a char at a time.)
    while let Some(i) = memchr::memchr2(b'&', b'<', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let at = &rest[i..];
        if let Some(after_lt) = at.strip_prefix('<') {
            match tag_len(at) {
                Some(n) => rest = &at[n..],
                None => {
                    out.push('<');
                    rest = after_lt;
                }
            }
        } else {
            match char_ref(at) {
                Some((decoded, n)) => {
                    out.push_str(&decoded);
                    rest = &at[n..];
                }
                None => {
                    out.push('&');
                    rest = &at[1..];
                }
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Length of a tag at the start of `s` (`<a href='...'>`, `</a>`, `<br>`, `<strong>`), or
/// `None` for a bare `<` in the text (`a < b`).
fn tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let second = *b.get(1)?;
    if !(second.is_ascii_alphabetic() || second == b'/' || second == b'!') {
        return None;
    }
    let window = &b[..b.len().min(512)];
    for (i, &c) in window.iter().enumerate().skip(1) {
        match c {
            b'>' => return Some(i + 1),
            b'<' | b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// A character reference at the start of `s`, with its decoded text and length. A terminating
/// semicolon is required.
fn char_ref(s: &str) -> Option<(Cow<'_, str>, usize)> {
    // Every line of a page ends in `&#x000A;` (66,561 references in 400 pages, no other kind):
    // read without asking htmlize, which gives the same newline.
    if s.starts_with("&#x000A;") {
        return Some((Cow::Borrowed("\n"), 8));
    }
    let b = s.as_bytes();
    let end = b.iter().take(40).position(|&c| c == b';')?;
    let name = &s[1..end];
    let ok = !name.is_empty()
        && (name.bytes().all(|c| c.is_ascii_alphanumeric())
            || (name.starts_with('#')
                && name.len() > 1
                && name[1..].trim_start_matches(['x', 'X']).bytes().all(|c| c.is_ascii_hexdigit())));
    if !ok {
        return None;
    }
    let whole = &s[..=end];
    let decoded = htmlize::unescape(whole);
    if decoded == whole {
        return None;
    }
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_keeps_bare_ampersands_and_unwraps_links() {
        assert_eq!(decode("a&#x000A;b"), "a\nb");
        // The newline's reference is read without htmlize: what htmlize reads it as.
        assert_eq!(htmlize::unescape("&#x000A;"), "\n");
        assert_eq!(decode("&#x000A;&#x000A;x&#x000A"), "\n\nx&#x000A");
        assert_eq!(decode("it&#8217;s"), "it\u{2019}s");
        assert_eq!(decode("&amp; &lt;x&gt;"), "& <x>");
        assert_eq!(decode("criticize Ortega, &Nicho8 Marenco"), "criticize Ortega, &Nicho8 Marenco");
        assert_eq!(decode("&regime8 &notice"), "&regime8 &notice");
        assert_eq!(decode("<a id='par1' href='#par1'>¶</a>1. (C)"), "¶1. (C)");
        assert_eq!(decode("TAGS: <a href='/tag/PREL_0.html'>PREL</a>"), "TAGS: PREL");
        assert_eq!(decode("SIPDIS <br>&#x000A;"), "SIPDIS \n");
        assert_eq!(decode("a < b and c<d"), "a < b and c<d");
        assert!(matches!(decode("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn page_with_table_and_two_blocks() {
        let page = "<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n\
                    <th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n<td>\n<a href='/cable/1975/03/75TEHRAN2069.html'>75TEHRAN2069</a>\n</td>\n\
                    <td>\n<a href='/date/1975-03_0.html'>1975-03-04 11:11</a>\n</td>\n<td>\n<a href='/reldate/2010-11-30_0.html'>2010-11-30 16:04</a>\n</td>\n\
                    <td>\n<a href='/classification/1_0.html' title='unclassified'>CONFIDENTIAL</a>\n</td>\n<td>\n<a href='/origin/17_0.html'>Embassy Tehran</a>\n</td>\n</tr>\n</table>\n\
                    <code><pre>R 041125Z MAR 75&#x000A;FM AMEMBASSY TEHRAN</pre></code>\n<code><pre>C O N F I D E N T I A L TEHRAN 2069 &#x000A;</pre></code>";
        let doc = parse_page(page).unwrap();
        assert_eq!(doc.text(), "R 041125Z MAR 75\nFM AMEMBASSY TEHRAN\n\nC O N F I D E N T I A L TEHRAN 2069 \n");
        let env = doc.envelope().unwrap();
        assert_eq!(env.reference_id.as_deref(), Some("75TEHRAN2069"));
        assert_eq!(env.created.as_deref(), Some("1975-03-04 11:11"));
        assert_eq!(env.released.as_deref(), Some("2010-11-30 16:04"));
        assert_eq!(env.classification.as_deref(), Some("CONFIDENTIAL"));
        assert_eq!(env.origin.as_deref(), Some("Embassy Tehran"));
    }

    #[test]
    fn page_bytes_decode_lossily_with_one_warning() {
        let page = b"<pre>UNCLAS KABUL 1234\n\nSUBJECT: IRAN\x92S \x81 PLAN</pre>";
        let doc = parse_page_bytes(page).unwrap();
        assert_eq!(doc.text(), "UNCLAS KABUL 1234\n\nSUBJECT: IRAN\u{2019}S \u{fffd} PLAN");
        assert_eq!(doc.replaced(), 2);
        let cable = doc.parse().unwrap();
        let lossy: Vec<_> = cable.warnings().iter().filter(|w| w.kind == crate::WarningKind::LossyDecoding).collect();
        assert_eq!(lossy.len(), 1);
        assert_eq!(lossy[0].span, crate::Span::default());
        assert_eq!(parse_page_bytes(b"<pre>UNCLAS KABUL 1</pre>").unwrap().replaced(), 0);
        assert_eq!(parse_page_bytes(b"no page"), Err(HtmlError::NoPreBlock));
    }

    #[test]
    fn many_blocks_join_as_two_do() {
        let blocks = ["A\n", "", " B &amp;\n\n", "C"];
        let folded = blocks.iter().fold(String::new(), |acc, b| Document::join_parts(&acc, &decode(b)));
        assert_eq!(join_blocks(&blocks), folded);
        assert_eq!(folded, "A\n\n B &\n\nC");
    }

    #[test]
    fn a_multibyte_character_at_the_64_kib_mark() {
        let page = format!("{}é<pre>", "a".repeat(64 * 1024 - 1));
        assert!(!looks_like_page(&page));
        assert!(looks_like_page(&format!("<pre>{}é", "a".repeat(64 * 1024 - 6))));
    }

    #[test]
    fn a_page_without_pre_is_an_error() {
        assert_eq!(parse_page("<html><body>hello</body></html>"), Err(HtmlError::NoPreBlock));
    }
}
