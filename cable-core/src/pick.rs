//! One value out of a serialisation: [`serialize_at`] hands the value at a path (`paragraphs`,
//! 3, `marking`) of a `Serialize` value to any serializer, and skips the fields and elements
//! beside the path without serialising them, so that reading `paragraphs[3]` cleans one
//! paragraph, not all. The bindings use it to give each object its own part of the JSON
//! contract (the Python `to_dict()` of a `Paragraph`), with one definition of that contract
//! (`serialize.rs`).

use serde::ser::{self, Serialize, Serializer};

/// One step of a path into a serialisation: a struct field or a list element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// The field of that name.
    Key(&'static str),
    /// The element at that index.
    Index(usize),
}

/// The value at `path` in `value`'s serialisation, serialised by the serializer that `ser`
/// makes; `None` when nothing is there (an absent field, an index out of range, a path into a
/// scalar). An empty path is the whole value. Map entries (keys known only as values) are not
/// searched.
pub fn serialize_at<T, S, F>(value: &T, path: &[Step], ser: F) -> Result<Option<S::Ok>, S::Error>
where
    T: ?Sized + Serialize,
    S: Serializer,
    F: Fn() -> S + Copy,
{
    match path {
        [] => value.serialize(ser()).map(Some),
        _ => value.serialize(Pick { ser, path }),
    }
}

/// A serializer that looks for the value at `path` (never empty) and serialises only it with
/// a serializer of `ser`.
struct Pick<'p, F> {
    ser: F,
    path: &'p [Step],
}

type Found<S> = Result<Option<<S as Serializer>::Ok>, <S as Serializer>::Error>;

impl<S: Serializer, F: Fn() -> S + Copy> Pick<'_, F> {
    /// `v` when it is the step wanted: serialised when the path ends there, else searched on.
    fn take<T: ?Sized + Serialize>(&self, step: Step, v: &T, found: &mut Option<S::Ok>) -> Result<(), S::Error> {
        if found.is_none() && self.path.first() == Some(&step) {
            *found = serialize_at(v, &self.path[1..], self.ser)?;
        }
        Ok(())
    }
}

/// A list or struct being searched: the next index, and what was found.
struct Search<'p, S: Serializer, F>(Pick<'p, F>, usize, Option<S::Ok>);

/// Methods of values with something inside them: a list or a struct, searched.
macro_rules! searched {
    ($($f:ident($($t:ty),*);)*) => {
        $(fn $f(self, $(_: $t),*) -> Result<Search<'p, S, F>, S::Error> { Ok(Search(self, 0, None)) })*
    };
}

/// Methods of values with nothing inside them: a scalar or an absent value.
macro_rules! not_here {
    ($($f:ident($($t:ty),*);)*) => {
        $(fn $f(self, $(_: $t),*) -> Found<S> { Ok(None) })*
    };
}

impl<'p, S: Serializer, F: Fn() -> S + Copy> Serializer for Pick<'p, F> {
    type Ok = Option<S::Ok>;
    type Error = S::Error;
    type SerializeSeq = Search<'p, S, F>;
    type SerializeTuple = Search<'p, S, F>;
    type SerializeTupleStruct = Search<'p, S, F>;
    type SerializeTupleVariant = Search<'p, S, F>;
    type SerializeMap = Search<'p, S, F>;
    type SerializeStruct = Search<'p, S, F>;
    type SerializeStructVariant = Search<'p, S, F>;

    not_here! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_str(&str); serialize_bytes(&[u8]); serialize_none(); serialize_unit();
        serialize_unit_struct(&'static str); serialize_unit_variant(&'static str, u32, &'static str);
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Found<S> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Found<S> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Found<S> {
        Ok(None)
    }
    searched! {
        serialize_seq(Option<usize>); serialize_tuple(usize); serialize_tuple_struct(&'static str, usize);
        serialize_tuple_variant(&'static str, u32, &'static str, usize); serialize_map(Option<usize>);
        serialize_struct(&'static str, usize); serialize_struct_variant(&'static str, u32, &'static str, usize);
    }
}

/// The compound traits of [`Search`]: list elements are matched by index, struct fields by
/// name.
macro_rules! search {
    ($($tr:ident :: $f:ident $(($k:ident))?;)*) => {$(
        impl<S: Serializer, F: Fn() -> S + Copy> ser::$tr for Search<'_, S, F> {
            type Ok = Option<S::Ok>;
            type Error = S::Error;
            fn $f<T: ?Sized + Serialize>(&mut self, $($k: &'static str,)? v: &T) -> Result<(), S::Error> {
                let step = search!(@step self $($k)?);
                self.0.take(step, v, &mut self.2)
            }
            fn end(self) -> Found<S> {
                Ok(self.2)
            }
        }
    )*};
    (@step $s:ident) => {{ $s.1 += 1; Step::Index($s.1 - 1) }};
    (@step $s:ident $k:ident) => { Step::Key($k) };
}
search! {
    SerializeSeq::serialize_element; SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field; SerializeTupleVariant::serialize_field;
    SerializeStruct::serialize_field(k); SerializeStructVariant::serialize_field(k);
}

impl<S: Serializer, F: Fn() -> S + Copy> ser::SerializeMap for Search<'_, S, F> {
    type Ok = Option<S::Ok>;
    type Error = S::Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), S::Error> {
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), S::Error> {
        Ok(())
    }
    fn end(self) -> Found<S> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../examples/07MOSCOW5434.txt");

    /// The JSON of the value at `path` of the seed, through `serde_json`'s value serializer.
    fn at(path: &[Step]) -> Option<serde_json::Value> {
        let cable = crate::parse(SEED).unwrap();
        serialize_at(&cable, path, || serde_json::value::Serializer).unwrap()
    }

    #[test]
    fn the_value_at_a_path_is_that_part_of_the_json() {
        let whole: serde_json::Value = serde_json::from_str(&crate::parse(SEED).unwrap().to_json()).unwrap();
        assert_eq!(at(&[]), Some(whole.clone()));
        assert_eq!(at(&[Step::Key("routing"), Step::Key("station")]), Some("RUEHMO".into()));
        let marking = [Step::Key("paragraphs"), Step::Index(2), Step::Key("marking")];
        assert_eq!(at(&marking), Some(whole["paragraphs"][2]["marking"].clone()));
        assert_eq!(at(&[Step::Key("to"), Step::Index(0)]), Some(whole["to"][0].clone()));
    }

    #[test]
    fn nothing_is_there_off_the_tree() {
        assert_eq!(at(&[Step::Key("no_such_key")]), None);
        assert_eq!(at(&[Step::Key("to"), Step::Index(99)]), None);
        assert_eq!(at(&[Step::Key("subject"), Step::Index(0)]), None, "a path into a string");
    }
}
