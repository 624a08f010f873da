//! A paragraph's sub-items, read in the same pass over its lines as its text
//! ([`Paragraph::read_lines`](super::Paragraph)): most items' text is the end of the paragraph's
//! text, taken from it rather than joined a second time.

use crate::span::Span;
use crate::text;
use crate::warning::MAX_ITEMS;
use std::borrow::Cow;

/// The most room an item's text takes before its first lines are read: nineteen items in twenty
/// of the corpus are shorter (an item that grows past it is regrown as a String is).
const ITEM_ROOM: u32 = 1024;

/// What [`Paragraph::read_lines`](super::Paragraph) has read so far: the text, the items, the open item.
pub(super) struct Reader<'a> {
    source: &'a str,
    /// The end of the paragraph's text (an item's text is no longer than the rest of it).
    end: u32,
    with_text: bool,
    joined: text::Joined<'a>,
    items: Vec<Item<'a>>,
    open: Option<OpenItem<'a>>,
    /// The line before, for the item test: the last non-empty one, rules included.
    before: &'a str,
}

impl<'a> Reader<'a> {
    /// Reading the lines of the text at `text` in `source`, and joining them when `with_text`.
    pub(super) fn new(source: &'a str, text: Span, with_text: bool) -> Self {
        Reader {
            source,
            end: text.end,
            with_text,
            joined: text::Joined::new(text.len()),
            items: Vec::new(),
            open: None,
            before: "",
        }
    }

    /// The text (empty unless joined) and the items, once every line is read.
    pub(super) fn finish(mut self) -> (Cow<'a, str>, Vec<Item<'a>>) {
        if let Some(o) = self.open.take() {
            let to = self.joined.as_str().len();
            self.items.push(o.finish(&self.joined, to));
        }
        (self.joined.finish(), self.items)
    }

    /// Reads the next cleaned line. Most lines: prose (no label, no rule) outside an item or in
    /// one that is the paragraph's text from its first line on ([`ItemText::Tail`]), only joined
    /// and kept for the next line's item test; that path inlined into the loops over the lines
    /// (a closure called from two loops stayed a call per line), the rest out of line.
    #[inline(always)]
    pub(super) fn read(&mut self, t: &'a str) {
        if text::opens_prose(t) {
            let end = self.end_of(t);
            match &mut self.open {
                None => {}
                Some(o) if matches!(o.text, ItemText::Tail { .. }) => o.span.end = end,
                Some(_) => return self.read_other(t),
            }
            if self.with_text {
                self.joined.push_prose(t);
            }
            self.before = t;
            return;
        }
        self.read_other(t);
    }

    /// The offset in the source where `t`, a piece of it, ends.
    #[inline(always)]
    fn end_of(&self, t: &str) -> u32 {
        (t.as_ptr() as usize + t.len() - self.source.as_ptr() as usize) as u32
    }

    /// [`read`](Self::read) of a line that is not prose outside an item (or in a tail item).
    #[inline(never)]
    fn read_other(&mut self, t: &'a str) {
        if t.is_empty() {
            return;
        }
        let written = text::item_label(t);
        // (Where the paragraph's text ended before this line: the open item's text ends there
        // when this line starts the next.)
        let before_len = self.joined.as_str().len();
        if self.with_text {
            self.joined.push_labelled(t, || written);
        }
        // (Most lines: no label, no item open. Only the line is kept for the next one's test.)
        if written.is_none() && self.open.is_none() {
            self.before = t;
            return;
        }
        // Past the limit a label starts no item: its line continues the last one.
        let label = text::item_start_labelled(self.before, t, written).filter(|_| self.items.len() + 1 < MAX_ITEMS);
        self.before = t;
        let end = self.end_of(t);
        let start = end - t.len() as u32;
        if let Some(n) = label {
            if let Some(o) = self.open.take() {
                self.items.push(o.finish(&self.joined, before_len));
            }
            // (The space after the label trimmed first: `clean_line` then takes its quick way
            // for most items, its trim being the first thing it does the long way.)
            let first = text::clean_line(crate::scan::trim_start_space(&t[n..]));
            let text = if self.with_text && self.joined.as_str().len() > before_len && is_tail(first, t) {
                // The paragraph's text ends in this line, whose end is the item's first line.
                ItemText::Tail { first, from: self.joined.as_str().len() - first.len() }
            } else {
                // Its size is not known yet: room for the rest of the paragraph, but no more
                // than [`ITEM_ROOM`] (taken by each item of a long list, the rest of the
                // paragraph would hold the whole paragraph once per item). Most items fit: no
                // regrowth.
                let mut text = text::Joined::new((self.end - start).min(ITEM_ROOM) as usize);
                text.push(first);
                ItemText::Joined(text)
            };
            self.open = Some(OpenItem { label: &t[..n], span: Span::new(start, end), text });
        } else if let Some(o) = &mut self.open {
            o.span.end = end;
            if let ItemText::Tail { first, from } = o.text {
                // A label that starts no item: the item's own text may take this line otherwise
                // than the paragraph's (a number after a line that ends mid-sentence is asked of
                // the item's text, a dash aside of its last line), so it is joined on its own
                // from here.
                if written.is_none() {
                    return;
                }
                let room = (self.end - o.span.start).min(ITEM_ROOM) as usize;
                o.text = ItemText::Joined(text::Joined::resume(first, &self.joined.as_str()[from..before_len], room));
            }
            if let ItemText::Joined(j) = &mut o.text {
                j.push_labelled(t, || written);
            }
        }
    }
}

/// True when the item's first line `first`, cut from the labelled line `t`, is what the item's
/// own joining would open with and ends where `t` does: then every later line that has no label
/// is joined to the item's text as to the paragraph's (the same tests read the same last bytes),
/// and the item's text is the end of the paragraph's. A first line that is empty or a rule (not
/// joined) or one cleaned short of its line's end is not.
#[inline]
fn is_tail(first: &str, t: &str) -> bool {
    !first.is_empty()
        && first.as_ptr() as usize + first.len() == t.as_ptr() as usize + t.len()
        && !text::rule::is_rule(first)
}

/// An item being read: its label, its span so far and its text.
struct OpenItem<'a> {
    label: &'a str,
    span: Span,
    text: ItemText<'a>,
}

/// The text of an item being read.
enum ItemText<'a> {
    /// The paragraph's text from `from` on, up to where the item ends: its first line `first`
    /// (the end of the labelled line) and the lines after it, each without a label, joined the
    /// same way to both (most items). Not joined a second time.
    Tail { first: &'a str, from: usize },
    /// Joined on its own: an item read without the paragraph's text, or one whose text is not
    /// the paragraph's end.
    Joined(text::Joined<'a>),
}

impl<'a> OpenItem<'a> {
    /// The item, ended where the paragraph's text `joined` was `to` bytes long.
    fn finish(self, joined: &text::Joined<'a>, to: usize) -> Item<'a> {
        let text = match self.text {
            ItemText::Tail { first, from } if to - from == first.len() => Cow::Borrowed(first),
            ItemText::Tail { from, .. } => Cow::Owned(joined.as_str()[from..to].to_owned()),
            ItemText::Joined(j) => j.finish(),
        };
        Item { label: self.label, text, span: self.span }
    }
}

/// A sub-item inside a paragraph: a line that starts with a label (`A.`, `(1)`, `--`), and
/// the lines that continue it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    /// The label as written (`A.`, `(1)`, `--`).
    pub label: &'a str,
    /// The item's text after the label, cleaned like paragraph text.
    pub text: Cow<'a, str>,
    /// From the label to the end of the item's last line.
    pub span: Span,
}
