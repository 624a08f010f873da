//! A compact JSON serializer that writes straight into a `Vec<u8>`, byte for byte the output of
//! `serde_json::to_writer` (the contract's JSON Lines), but faster where a cable's JSON spends
//! its time: escaping text. serde_json tests every byte of a string against a table; here eight
//! bytes are tested at once (a word test for `"`, `\` and control bytes), so the long runs of
//! paragraph text that need no escape are copied whole. Numbers go through `itoa`; the rare
//! values the contract does not use (floats, bytes) are handed to serde_json itself so that
//! their form cannot drift.

use serde::ser::{self, Serialize};

/// The error type: serde_json's, so that `Serialize` impls' custom errors read the same.
pub(crate) type Error = serde_json::Error;

/// Appends `value` as compact JSON to `out`.
pub(crate) fn to_vec<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Json { out })
}

/// The serializer: the buffer written to.
pub(crate) struct Json<'o> {
    out: &'o mut Vec<u8>,
}

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
    if let Some(piece) = clean_short(bytes) {
        let quote = u128::from(b'"');
        let quoted = quote | piece << 8 | quote << (8 * (bytes.len() + 1));
        let end = out.len() + bytes.len() + 2;
        out.extend_from_slice(&quoted.to_le_bytes());
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

/// The bytes of `b` as the low bytes of a 16-byte number (the first lowest), zeros above, when
/// it has fewer than fifteen (room for its quotes) and none needs an escape: from eight bytes
/// on, its first and last words, whose shared bytes are the same.
#[inline(always)]
fn clean_short(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    match n {
        15.. => None,
        8.. => {
            let (first, last) = (word(&b[..8]), word(&b[n - 8..]));
            let clean = needs_escape(first) | needs_escape(last) == 0;
            clean.then(|| u128::from(first) | u128::from(last) << (8 * (n - 8)))
        }
        _ => {
            let w = short_word(b)?;
            (needs_escape(w | (SPACES << (8 * n))) == 0).then_some(u128::from(w))
        }
    }
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

/// Writes `"key":` for a key of the contract (a Rust identifier: nothing to escape), after a
/// comma unless `first`. Inlined into each `serialize_field` of a literal key, where the key's
/// length is a constant: the copies become a few stores instead of calls to `memcpy` (a key cost
/// about 70 instructions, and the contract writes some 45 a paragraph).
#[inline(always)]
fn write_key(out: &mut Vec<u8>, key: &str, first: bool) {
    debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{key}");
    // `,"key":` gathered on the stack and copied as one piece (from its second byte for the
    // first key): one test of the buffer's room instead of one a part (the pushes' and
    // copies' tests are not merged with a `reserve`).
    const MAX: usize = 32;
    let k = key.as_bytes();
    if k.len() <= MAX {
        let mut buf = [0u8; MAX + 4];
        buf[0] = b',';
        buf[1] = b'"';
        buf[2..k.len() + 2].copy_from_slice(k);
        buf[k.len() + 2] = b'"';
        buf[k.len() + 3] = b':';
        // Two copies of a constant length each: a length that depends on `first` would make
        // the copy a call to `memcpy`.
        if first {
            out.extend_from_slice(&buf[1..k.len() + 4]);
        } else {
            out.extend_from_slice(&buf[..k.len() + 4]);
        }
    } else {
        if !first {
            out.push(b',');
        }
        out.push(b'"');
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

fn write_int(out: &mut Vec<u8>, n: impl itoa::Integer) {
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
fn write_unsigned(out: &mut Vec<u8>, n: u64) {
    if n >= 100_000_000 {
        return write_int(out, n);
    }
    let (word, len) = digits(n as u32);
    let end = out.len() + len;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

/// A value serde_json writes in a form of its own (floats, bytes): written by serde_json.
fn by_serde_json<T: ?Sized + Serialize>(out: &mut Vec<u8>, v: &T) -> Result<(), Error> {
    serde_json::to_writer(out, v)
}

/// An object written straight into a buffer, key by key: the JSON Lines writer's cable, whose
/// hot values (the paragraphs, their strings, numbers and spans) are written without going
/// through a `Serialize` impl each, and whose other values go through the serializer above.
pub(crate) struct Object<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Object<'o> {
    /// Opens an object in `out`.
    pub(crate) fn open(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    /// Writes `"key":` (after a comma unless it is the first) and gives the buffer for its
    /// value. (Inlined: see `write_key`.)
    #[inline(always)]
    pub(crate) fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        write_key(self.out, key, std::mem::take(&mut self.first));
        self.out
    }

    /// Writes `key` and `value` through the serializer.
    #[inline(always)]
    pub(crate) fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        to_vec(self.key(key), value)
    }

    /// Closes the object.
    pub(crate) fn close(self) {
        self.out.push(b'}');
    }
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
/// comma in one 16-byte number, written whole and the buffer cut back after it: one test of
/// the buffer's room instead of one for each of its five parts.
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
    // `[`, up to six digits, `,`, up to six digits, `]`: fifteen bytes at most.
    let piece = u128::from(b'[')
        | u128::from(a) << 8
        | u128::from(b',') << (8 * (la + 1))
        | u128::from(b) << (8 * (la + 2))
        | u128::from(b']') << (8 * (la + lb + 2));
    let end = out.len() + la + lb + 3;
    out.extend_from_slice(&piece.to_le_bytes());
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

/// A list or object being written: whether the next element is the first.
pub(crate) struct Compound<'b, 'o> {
    ser: &'b mut Json<'o>,
    first: bool,
    /// The closing byte, `]` or `}`.
    close: u8,
    /// Whether the compound is a variant's content, wrapped in an object to close as well.
    variant: bool,
}

impl Compound<'_, '_> {
    /// Writes the closing bytes: one or two bytes pushed (a slice of them, of a length unknown
    /// where it was written, was copied by a call to `memcpy`).
    fn close(self) -> Result<(), Error> {
        self.ser.out.push(self.close);
        if self.variant {
            self.ser.out.push(b'}');
        }
        Ok(())
    }

    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.ser.out.push(b',');
        }
    }

    #[inline(always)]
    fn key(&mut self, key: &'static str) {
        write_key(self.ser.out, key, std::mem::take(&mut self.first));
    }
}

impl<'b, 'o> Json<'o> {
    fn open(&'b mut self, open: u8, close: u8, variant: bool) -> Compound<'b, 'o> {
        self.out.push(open);
        Compound { ser: self, first: true, close, variant }
    }

    /// `{"variant":` before a variant's content.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }
}

macro_rules! ints {
    ($($f:ident($t:ty);)*) => {$(
        fn $f(self, v: $t) -> Result<(), Error> {
            write_int(self.out, v);
            Ok(())
        }
    )*};
}

impl<'b, 'o> ser::Serializer for &'b mut Json<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'b, 'o>;
    type SerializeTuple = Compound<'b, 'o>;
    type SerializeTupleStruct = Compound<'b, 'o>;
    type SerializeTupleVariant = Compound<'b, 'o>;
    type SerializeMap = Compound<'b, 'o>;
    type SerializeStruct = Compound<'b, 'o>;
    type SerializeStructVariant = Compound<'b, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    ints! {
        serialize_i8(i8); serialize_i16(i16); serialize_i32(i32); serialize_i64(i64); serialize_i128(i128);
        serialize_u128(u128);
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        write_unsigned(self.out, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        by_serde_json(self.out, &v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        by_serde_json(self.out, &v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        by_serde_json(self.out, &serde_bytes_as_seq(v))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        v.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'b, 'o>, Error> {
        Ok(self.open(b'[', b']', false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'b, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'b, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'b, 'o>, Error> {
        self.variant_key(variant);
        Ok(self.open(b'[', b']', true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'b, 'o>, Error> {
        Ok(self.open(b'{', b'}', false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'b, 'o>, Error> {
        Ok(self.open(b'{', b'}', false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'b, 'o>, Error> {
        self.variant_key(variant);
        Ok(self.open(b'{', b'}', true))
    }
    fn collect_str<T: ?Sized + std::fmt::Display>(self, v: &T) -> Result<(), Error> {
        // Dates and other Display values are short: format them, then escape as a string.
        self.serialize_str(&v.to_string())
    }
}

/// `serialize_bytes` as serde_json writes it: a list of numbers.
fn serde_bytes_as_seq(v: &[u8]) -> impl Serialize + '_ {
    struct Bytes<'v>(&'v [u8]);
    impl Serialize for Bytes<'_> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    Bytes(v)
}

macro_rules! elements {
    ($($tr:ident :: $f:ident;)*) => {$(
        impl ser::$tr for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $f<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
                self.comma();
                v.serialize(&mut *self.ser)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}
elements! {
    SerializeSeq::serialize_element; SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field; SerializeTupleVariant::serialize_field;
}

macro_rules! fields {
    ($($tr:ident;)*) => {$(
        impl ser::$tr for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            // (Inlined: see `write_key`.)
            #[inline(always)]
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
                self.key(key);
                v.serialize(&mut *self.ser)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}
fields! { SerializeStruct; SerializeStructVariant; }

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        // A key is a string in JSON: serde_json quotes other keys (numbers, booleans) in a form
        // of its own, so keys go through it, as `{"k":null}` cut down to `"k"` in place (the
        // contract's one map, `spans`, has a dozen keys: no hot path).
        let start = self.ser.out.len();
        serde_json::to_writer(&mut *self.ser.out, &SingleKeyMap(key))?;
        self.ser.out.remove(start);
        let end = self.ser.out.len() - ":null}".len();
        self.ser.out.truncate(end);
        self.ser.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A one-entry map `{key: null}`, for serde_json to write a key that is not a string.
struct SingleKeyMap<'k, K: ?Sized>(&'k K);

impl<K: ?Sized + Serialize> Serialize for SingleKeyMap<'_, K> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(self.0, &())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours<T: ?Sized + Serialize>(v: &T) -> String {
        let mut out = Vec::new();
        to_vec(&mut out, v).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // Every byte that needs an escape, at every position of steps of 64, 32, 16 and 8 and of the tail,
        // beside multi-byte characters (whose bytes must not be taken for control bytes).
        let pieces = ["\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}", "é", "—", "a", " "];
        for len in 0..140 {
            for p in pieces {
                for at in 0..=len {
                    let s = format!("{}{p}{}", "x".repeat(at), "y".repeat(len - at));
                    assert_eq!(ours(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
        // A character above 0x7f before an escape, the last word read again over both.
        for at in 0..70 {
            for gap in 0..40 {
                let s = format!("{}é{}\"{}", "x".repeat(at), "y".repeat(gap), "z".repeat(9));
                assert_eq!(ours(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
        let all: String = (0u8..=0x7f).map(char::from).chain("é€😀".chars()).collect();
        assert_eq!(ours(&all), serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let powers = (0..20).map(|e| 10u64.pow(e));
        let around = powers.flat_map(|p| [p - 1, p, p + 1, p.saturating_mul(3) - 1]).chain(0..1000).chain([u64::MAX]);
        for n in around {
            assert_eq!(ours(&n), n.to_string());
            if let Ok(n) = u32::try_from(n) {
                assert_eq!(ours(&[n, n]), format!("[{n},{n}]"));
                for m in [0, 7, 99_999, 999_999, 1_000_000, n / 3] {
                    let mut out = b"x".to_vec();
                    write_span(&mut out, crate::span::Span::new(n, m));
                    assert_eq!(String::from_utf8(out).unwrap(), format!("x{}", ours(&crate::span::Span::new(n, m))));
                }
            }
        }
    }

    #[test]
    fn variants_are_written_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u32),
            Tuple(u32, &'static str),
            Struct { a: u32, b: Vec<u32> },
        }
        let v = [E::Unit, E::New(7), E::Tuple(1, "x"), E::Struct { a: 2, b: vec![3, 4] }];
        assert_eq!(ours(&v), serde_json::to_string(&v).unwrap());
        // Keys up to 32 bytes and longer, first and not.
        #[derive(serde::Serialize)]
        struct Keys {
            a_key_of_more_than_thirty_two_bytes: u8,
            a_key_of_thirty_two_bytes_in_all: u8,
            b: u8,
            a_key_of_more_than_thirty_two_bytes_too: u8,
        }
        let k = Keys {
            a_key_of_more_than_thirty_two_bytes: 1,
            a_key_of_thirty_two_bytes_in_all: 2,
            b: 3,
            a_key_of_more_than_thirty_two_bytes_too: 4,
        };
        assert_eq!(ours(&k), serde_json::to_string(&k).unwrap());
    }

    #[test]
    fn other_values_are_written_as_serde_json_writes_them() {
        let v = (
            Some(-12i64),
            None::<u8>,
            u64::MAX,
            1.5f64,
            f64::NAN,
            'q',
            vec![true, false],
            std::collections::BTreeMap::from([(3u32, "three"), (4, "four")]),
            std::collections::BTreeMap::from([("k", ())]),
        );
        assert_eq!(ours(&v), serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn a_cable_is_written_as_serde_json_writes_it() {
        let text = include_str!("../../tests/fixtures/07MOSCOW5434.txt");
        let cable = crate::parse(text).unwrap();
        assert!(cable.paragraphs().len() > 3, "a cable with paragraphs to escape");
        assert_eq!(cable.to_json(), serde_json::to_string(&cable).unwrap());
    }
}
