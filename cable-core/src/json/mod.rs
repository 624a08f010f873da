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

mod write;

use write::{write_int, write_key, write_unsigned};
pub(crate) use write::{write_opt_str, write_opt_unsigned, write_span, write_str};

/// A value serde_json writes in a form of its own (floats, bytes): written by serde_json.
fn by_serde_json<T: ?Sized + Serialize>(out: &mut Vec<u8>, v: &T) -> Result<(), Error> {
    serde_json::to_writer(out, v)
}

/// An object written straight into a buffer, key by key: the JSON Lines writer's cable, whose
/// hot values (the paragraphs, their strings, numbers and spans) are written without going
/// through a `Serialize` impl each, and whose other values go through the serializer above.
///
/// Every key is written after a comma, and the first key's comma becomes the object's `{` when
/// it closes: no key asks whether it is the first (a test on a flag that the compiler could
/// not follow through the inlined fields: 458K branches in the CLI's run over
/// `cables-real-dev.csv`, 105K of them mispredicted by cachegrind's simulation).
pub(crate) struct Object<'o> {
    out: &'o mut Vec<u8>,
    /// Where the object starts: its first key's comma, or nothing yet.
    open: usize,
}

impl<'o> Object<'o> {
    /// Opens an object in `out` (its `{` is written by [`close`](Self::close)).
    pub(crate) fn open(out: &'o mut Vec<u8>) -> Self {
        let open = out.len();
        Object { out, open }
    }

    /// Writes `,"key":` and gives the buffer for its value. (Inlined: see `write_key`.)
    #[inline(always)]
    pub(crate) fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        write_key(self.out, key);
        self.out
    }

    /// Writes `key` and `value` through the serializer.
    #[inline(always)]
    pub(crate) fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        to_vec(self.key(key), value)
    }

    /// Closes the object: its first key's comma becomes its `{`.
    pub(crate) fn close(self) {
        put_opening(self.out, self.open, b'{');
        self.out.push(b'}');
    }
}

/// Puts the opening byte `open` of an object or list that starts at `at` in `out`, as it
/// closes: over the comma before its first key or element, or after it when it holds none.
fn put_opening(out: &mut Vec<u8>, at: usize, open: u8) {
    match out.get_mut(at) {
        Some(comma) => *comma = open,
        None => out.push(open),
    }
}

/// A list or object being written. As in [`Object`], every element and key is written after a
/// comma, and the first one's comma becomes the opening byte when the compound closes.
pub(crate) struct Compound<'b, 'o> {
    ser: &'b mut Json<'o>,
    /// Where the compound starts: its first element's comma, or nothing yet.
    at: usize,
    /// The opening byte, `[` or `{`.
    open: u8,
    /// The closing byte, `]` or `}`.
    close: u8,
    /// Whether the compound is a variant's content, wrapped in an object to close as well.
    variant: bool,
}

impl Compound<'_, '_> {
    /// Writes the closing bytes: one or two bytes pushed (a slice of them, of a length unknown
    /// where it was written, was copied by a call to `memcpy`).
    fn close(self) -> Result<(), Error> {
        put_opening(self.ser.out, self.at, self.open);
        self.ser.out.push(self.close);
        if self.variant {
            self.ser.out.push(b'}');
        }
        Ok(())
    }

    fn comma(&mut self) {
        self.ser.out.push(b',');
    }

    #[inline(always)]
    fn key(&mut self, key: &'static str) {
        write_key(self.ser.out, key);
    }
}

impl<'b, 'o> Json<'o> {
    fn open(&'b mut self, open: u8, close: u8, variant: bool) -> Compound<'b, 'o> {
        Compound { at: self.out.len(), ser: self, open, close, variant }
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
        let text = include_str!("../../../tests/fixtures/07MOSCOW5434.txt");
        let cable = crate::parse(text).unwrap();
        assert!(cable.paragraphs().len() > 3, "a cable with paragraphs to escape");
        assert_eq!(cable.to_json(), serde_json::to_string(&cable).unwrap());
    }
}
