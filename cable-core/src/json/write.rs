//! The byte-level writers under the serializer: strings escaped a word or a 64-byte chunk at a
//! time, keys as one copy, integers by digit pairs, spans and optional values in the forms the
//! serializer would give them.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `w` that needs an escape (`"`, `\` or below 0x20), exact for the
/// lowest such byte (the borrow of the subtraction only reaches bytes above a true match).
#[inline(always)]
fn needs_escape(w: u64) -> u64 {
    let control = w.wrapping_sub(ONES * 0x20) & !w;
    let q = w ^ (ONES * b'"' as u64);
    let quote = q.wrapping_sub(ONES) & !q;
    let b = w ^ (ONES * b'\\' as u64);
    let backslash = b.wrapping_sub(ONES) & !b;
    (control | quote | backslash) & HIGHS
}

/// Writes `s` between quotes, escaped as serde_json does (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
/// `\t`, other control bytes `\u00xx`; everything else as it is).
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Most strings but the texts are shorter than fifteen bytes (markings, numbers, levels,
    // dates, names): read as one or two words, tested at once and written between their
    // quotes as one piece of sixteen bytes, the buffer cut back after it (copied, their bytes
    // took a call to `memcpy` of a length unknown here, and each quote a test of the
    // buffer's room).
    if let Some(piece) = quoted_short(bytes) {
        let end = out.len() + bytes.len() + 2;
        out.extend_from_slice(&piece);
        out.truncate(end);
        return;
    }
    // Strings of sixteen to thirty bytes (dates, sources, headings, names): their first and
    // last sixteen bytes tested and written between their quotes as one piece of 32 bytes
    // (the escape's search and the copy took some 100 instructions for them).
    if (16..=30).contains(&bytes.len()) {
        let n = bytes.len();
        let (first, last) = (&bytes[..16], &bytes[n - 16..]);
        let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
        let dirty = needs_escape(word(&first[..8]))
            | needs_escape(word(&first[8..]))
            | needs_escape(word(&last[..8]))
            | needs_escape(word(&last[8..]));
        if dirty == 0 {
            let mut piece = [b'"'; 32];
            piece[1..17].copy_from_slice(first);
            piece[n - 15..n + 1].copy_from_slice(last);
            piece[n + 1] = b'"';
            let end = out.len() + n + 2;
            out.extend_from_slice(&piece);
            out.truncate(end);
            return;
        }
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    write_escaped(out, bytes);
    out.push(b'"');
}

/// Spaces in every byte: they need no escape, so they pad a short string's word for the test.
const SPACES: u64 = ONES * b' ' as u64;

/// `b` between quotes at the start of sixteen bytes, when it has fewer than fifteen bytes and
/// none needs an escape: from eight bytes on, its first and last words, stored where they go
/// (their shared bytes are the same), and the closing quote over what follows. (Gathered in a
/// 16-byte number by shifts of a variable count, it took twice the instructions.)
#[inline(always)]
fn quoted_short(b: &[u8]) -> Option<[u8; 16]> {
    let n = b.len();
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    let mut piece = [b'"'; 16];
    match n {
        15.. => return None,
        8.. => {
            let (first, last) = (&b[..8], &b[n - 8..]);
            if needs_escape(word(first)) | needs_escape(word(last)) != 0 {
                return None;
            }
            piece[1..9].copy_from_slice(first);
            piece[n - 7..n + 1].copy_from_slice(last);
        }
        _ => {
            let w = short_word(b)?;
            if needs_escape(w | (SPACES << (8 * n))) != 0 {
                return None;
            }
            piece[1..9].copy_from_slice(&w.to_le_bytes());
        }
    }
    piece[n + 1] = b'"';
    Some(piece)
}

/// The bytes of `b` as the low bytes of a word (the first lowest), zeros above, when it has
/// fewer than eight: two overlapping reads of four or two bytes (whose shared bytes are the
/// same) rather than a loop over its bytes.
#[inline(always)]
fn short_word(b: &[u8]) -> Option<u64> {
    let n = b.len();
    let quad = |p: &[u8]| u64::from(u32::from_le_bytes(p.try_into().expect("four bytes")));
    let pair = |p: &[u8]| u64::from(u16::from_le_bytes(p.try_into().expect("two bytes")));
    Some(match n {
        8.. => return None,
        4.. => quad(&b[..4]) | quad(&b[n - 4..]) << (8 * (n - 4)),
        2.. => pair(&b[..2]) | pair(&b[n - 2..]) << (8 * (n - 2)),
        _ => b.first().map_or(0, |&c| u64::from(c)),
    })
}

/// The bytes of a string, escaped, without its quotes.
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut run = 0; // start of the bytes not yet written
    while let Some(k) = find_escape(&bytes[run..]) {
        let at = run + k;
        out.extend_from_slice(&bytes[run..at]);
        escape(out, bytes[at]);
        run = at + 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// Whether any of the bytes of `chunk` (64) needs an escape. Written as lanes the compiler
/// vectorises (SSE2: a xor and an unsigned minimum per sixteen bytes and test): `b ^ 0x02` is
/// below 0x21 exactly for a control byte (below 0x20, which the xor keeps there) and for `"`
/// (0x22 becomes 0x20), and `b ^ b'\\'` is zero exactly for `\`; the lanes keep the minimum of
/// each and are compared once a chunk. (About a third of the instructions of the word test's
/// 32-byte step per byte; `decode::has_bad_control` does the same for its bytes.)
#[inline(always)]
fn chunk_needs_escape(chunk: &[u8]) -> bool {
    let mut low = [u8::MAX; 16];
    let mut back = [u8::MAX; 16];
    for part in chunk.chunks_exact(16) {
        for ((l, k), &c) in low.iter_mut().zip(back.iter_mut()).zip(part) {
            *l = (*l).min(c ^ 0x02);
            *k = (*k).min(c ^ b'\\');
        }
    }
    low.iter().zip(&back).fold(0u8, |acc, (&l, &k)| acc | u8::from(l < 0x21) | u8::from(k == 0)) != 0
}

/// The index of the first byte of `b` that needs an escape: sixty-four bytes a step (and the
/// last 64 of a long string over its last few), then thirty-two, sixteen and eight, then the
/// last word of `b` again over the last few (or, in a string shorter than a word, its bytes
/// padded with spaces), so that only a string of less than eight bytes takes a byte loop.
#[inline]
fn find_escape(b: &[u8]) -> Option<usize> {
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    // Sixty-four bytes a step while none needs an escape (the long runs of paragraph text),
    // tested in sixteen lanes; the words below find the byte in the chunk that has one.
    let mut at = 0;
    for c in b.chunks_exact(64) {
        if chunk_needs_escape(c) {
            break;
        }
        at += 64;
    }
    // The last bytes of a long string, fewer than 64, tested as the string's last 64 (those
    // before them were found clean): one more chunk's test instead of the steps below, which
    // cost about twice as much and are left for the chunk that holds an escape.
    if let Some(from) = b.len().checked_sub(64)
        && from < at
        && at < b.len()
        && !chunk_needs_escape(&b[from..])
    {
        return None;
    }
    // Then thirty-two bytes a step: the four words' tests joined before the one branch.
    let mut quads = b[at..].chunks_exact(32);
    for c in quads.by_ref() {
        let any = needs_escape(word(&c[..8]))
            | needs_escape(word(&c[8..16]))
            | needs_escape(word(&c[16..24]))
            | needs_escape(word(&c[24..]));
        if any != 0 {
            break;
        }
        at += 32;
    }
    let mut pairs = b[at..].chunks_exact(16);
    for (n, c) in pairs.by_ref().enumerate() {
        let (m0, m1) = (needs_escape(word(&c[..8])), needs_escape(word(&c[8..])));
        if m0 | m1 != 0 {
            let first = if m0 != 0 { m0.trailing_zeros() } else { 64 + m1.trailing_zeros() };
            return Some(at + n * 16 + first as usize / 8);
        }
    }
    let mut at = b.len() - pairs.remainder().len();
    let mut rest = pairs.remainder();
    if rest.len() >= 8 {
        let m = needs_escape(word(&rest[..8]));
        if m != 0 {
            return Some(at + m.trailing_zeros() as usize / 8);
        }
        at += 8;
        rest = &rest[8..];
    }
    if rest.is_empty() {
        return None;
    }
    let w = match b.len().checked_sub(8) {
        // The last word again: the bytes before `rest` in it were found clean and cannot move
        // the first match (a borrow starts only at a byte that matches).
        Some(from) => {
            at = from;
            word(&b[from..])
        }
        // 1 to 7 bytes in all, the first lowest, spaces (which need no escape) above them.
        None => {
            let low = rest.iter().rev().fold(0, |w, &c| (w << 8) | u64::from(c));
            low | (u64::from_le_bytes([b' '; 8]) << (8 * rest.len()))
        }
    };
    let m = needs_escape(w);
    (m != 0).then(|| at + m.trailing_zeros() as usize / 8)
}

/// Writes `,"key":` for a key of the contract (a Rust identifier: nothing to escape): the
/// comma before the first key becomes its object's `{` (see `json::Object`). Inlined into each `serialize_field` of a literal key, where the key's
/// length is a constant: the copies become a few stores instead of calls to `memcpy` (a key cost
/// about 70 instructions, and the contract writes some 45 a paragraph).
#[inline(always)]
pub(super) fn write_key(out: &mut Vec<u8>, key: &str) {
    debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{key}");
    // `,"key":` gathered on the stack and copied as one piece: one test of the buffer's room
    // instead of one a part (the pushes' and copies' tests are not merged with a `reserve`).
    const MAX: usize = 32;
    let k = key.as_bytes();
    if k.len() <= MAX {
        let mut buf = [0u8; MAX + 4];
        buf[0] = b',';
        buf[1] = b'"';
        buf[2..k.len() + 2].copy_from_slice(k);
        buf[k.len() + 2] = b'"';
        buf[k.len() + 3] = b':';
        out.extend_from_slice(&buf[..k.len() + 4]);
    } else {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(k);
        out.extend_from_slice(b"\":");
    }
}

/// The escape of one byte that needs one.
fn escape(out: &mut Vec<u8>, b: u8) {
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

pub(super) fn write_int(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The two digits of each number below 100, the tens in the low byte (first in a
/// little-endian word).
const PAIRS: [u16; 100] = {
    let mut t = [0; 100];
    let mut i = 0;
    while i < 100 {
        t[i] = (b'0' + (i / 10) as u8) as u16 | ((b'0' + (i % 10) as u8) as u16) << 8;
        i += 1;
    }
    t
};

/// Writes an unsigned number: below 10^8 (the spans' offsets, serials, counts) its digits are
/// gathered in one word, written whole and the buffer cut back to their number (itoa's
/// digits, of a length the compiler cannot see, were copied by a call to `memcpy`).
pub(super) fn write_unsigned(out: &mut Vec<u8>, n: u64) {
    if n >= 100_000_000 {
        return write_int(out, n);
    }
    let (word, len) = digits(n as u32);
    let end = out.len() + len;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

/// Writes `s` as a JSON string, or `null`: what the serializer writes for an `Option<&str>`.
pub(crate) fn write_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Writes `n` or `null`: what the serializer writes for an `Option<u32>`.
pub(crate) fn write_opt_unsigned(out: &mut Vec<u8>, n: Option<u32>) {
    match n {
        Some(n) => write_unsigned(out, n.into()),
        None => out.extend_from_slice(b"null"),
    }
}

/// Writes `[start,end]`: what the serializer writes for a `Span` (a list of its two offsets).
/// Offsets below 10^6 (a cable's, but for the longest) are gathered with their brackets and
/// comma in sixteen bytes, written whole and the buffer cut back after them: one test of the
/// buffer's room instead of one for each of its five parts.
pub(crate) fn write_span(out: &mut Vec<u8>, span: crate::span::Span) {
    const MAX: u32 = 1_000_000;
    if span.start >= MAX || span.end >= MAX {
        out.push(b'[');
        write_unsigned(out, span.start.into());
        out.push(b',');
        write_unsigned(out, span.end.into());
        out.push(b']');
        return;
    }
    let (a, la) = digits(span.start);
    let (b, lb) = digits(span.end);
    // `[`, up to six digits and `,` in one word, up to six digits and `]` in another, stored
    // one after the other (at most 8 + 7 bytes): gathered in a 16-byte number instead, by
    // shifts of a variable count, a span took about fifteen instructions more.
    let first = u64::from(b'[') | a << 8 | u64::from(b',') << (8 * (la + 1));
    let second = b | u64::from(b']') << (8 * lb);
    let mut piece = [0u8; 16];
    piece[..8].copy_from_slice(&first.to_le_bytes());
    piece[la + 2..la + 10].copy_from_slice(&second.to_le_bytes());
    let end = out.len() + la + lb + 3;
    out.extend_from_slice(&piece);
    out.truncate(end);
}

/// The decimal digits of `n` (below 10^8) as the low bytes of a word, the first lowest, and
/// their number: two digits a step from the last, each step shifting the word up.
#[inline(always)]
fn digits(n: u32) -> (u64, usize) {
    let mut v = n;
    let (mut word, mut len) = (0u64, 0);
    while v >= 100 {
        word = (word << 16) | u64::from(PAIRS[(v % 100) as usize]);
        v /= 100;
        len += 2;
    }
    if v >= 10 {
        word = (word << 16) | u64::from(PAIRS[v as usize]);
        len += 2;
    } else {
        word = (word << 8) | u64::from(b'0' + v as u8);
        len += 1;
    }
    (word, len)
}
