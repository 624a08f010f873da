//! A `serde::Serializer` that builds Python objects (dict, list, str, int, float, bool, None)
//! straight from the core's `Serialize` impls, so that `to_dict()` follows the one definition
//! of the JSON contract (`cable-core/src/serialize.rs`) with no JSON text in between. Struct
//! keys are `&'static str`, so their Python strings are made once and reused.

use cable_core::pick::{Step, serialize_at};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// A value's serialisation as Python objects.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser(py)).map_err(|e| *e.0)
}

/// A Python error carried through serde, boxed: every value returned while converting is a
/// `Result` of this, which a pointer keeps small (a `PyErr` is several words).
#[derive(Debug)]
pub(crate) struct Error(Box<PyErr>);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(Box::new(pyo3::exceptions::PyValueError::new_err(msg.to_string())))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(Box::new(e))
    }
}

/// Slots of the key table: a few times the number of distinct keys of the contract (about 150),
/// so that probing stops at once.
const SLOTS: usize = 1024;

/// The Python strings of struct keys and enum variant names, made once per process: each slot
/// holds a key's address and length (keys are `&'static str`, so these name it) and its
/// interned string. A static table, not a thread-local one: in an extension module every
/// thread-local access is a call (`__tls_get_addr`), and it was the first cost of `to_dict()`
/// after the objects themselves. A slot, once filled, never changes, so reading it is one
/// atomic load.
static KEYS: [OnceLock<(usize, usize, Py<PyString>)>; SLOTS] = [const { OnceLock::new() }; SLOTS];

/// The Python string of a struct key, from the table; interned anew in the (never seen) case
/// where the slots it may take are all held by other keys.
fn key<'py>(py: Python<'py>, k: &'static str) -> Bound<'py, PyString> {
    match cached(py, k) {
        Some(s) => s.bind(py).clone(),
        None => PyString::intern(py, k),
    }
}

/// The table's string of `k`: its slot is found by hashing the address, probing the next few.
fn cached(py: Python<'_>, k: &'static str) -> Option<&'static Py<PyString>> {
    let (addr, len) = (k.as_ptr() as usize, k.len());
    let hash = ((addr ^ len.rotate_left(48)) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54;
    (0..4).find_map(|i| {
        let slot = &KEYS[(hash as usize + i) % SLOTS];
        // Read first: the key is there already, or another holds the slot (probe on).
        let (a, l, s) =
            slot.get().unwrap_or_else(|| slot.get_or_init(|| (addr, len, PyString::intern(py, k).unbind())));
        (*a == addr && *l == len).then_some(s)
    })
}

#[derive(Clone, Copy)]
struct Ser<'py>(Python<'py>);

type R<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'py> Ser<'py> {
    fn any(self, v: impl IntoPyObject<'py>) -> R<'py> {
        v.into_bound_py_any(self.0).map_err(Error::from)
    }
}

/// A list being filled.
struct Seq<'py>(Ser<'py>, Vec<Bound<'py, PyAny>>);

/// A dict being filled; `key` holds a map key until its value comes.
struct Map<'py>(Ser<'py>, Bound<'py, PyDict>, Option<Bound<'py, PyAny>>);

macro_rules! scalars {
    ($($f:ident($t:ty);)*) => {
        $(fn $f(self, v: $t) -> R<'py> { self.any(v) })*
    };
}

impl<'py> ser::Serializer for Ser<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Seq<'py>;
    type SerializeMap = Map<'py>;
    type SerializeStruct = Map<'py>;
    type SerializeStructVariant = Map<'py>;

    // Scalars: their Python object.
    scalars! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_str(&str); serialize_bytes(&[u8]);
    }
    fn serialize_none(self) -> R<'py> {
        Ok(self.0.None().into_bound(self.0))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> R<'py> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<'py> {
        Ok(key(self.0, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> R<'py> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R<'py> {
        let d = PyDict::new(self.0);
        d.set_item(key(self.0, variant), v.serialize(self)?)?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>, Error> {
        Ok(Seq(self, Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, len: usize) -> Result<Seq<'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'py>, Error> {
        Ok(Map(self, PyDict::new(self.0), None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Map<'py>, Error> {
        self.serialize_map(None)
    }
}

impl<'py> Seq<'py> {
    fn push<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.1.push(v.serialize(self.0)?);
        Ok(())
    }
    fn done(self) -> R<'py> {
        Ok(PyList::new(self.0.0, self.1)?.into_any())
    }
}

/// The list traits of [`Seq`]: every element is pushed.
macro_rules! seq {
    ($($tr:ident :: $f:ident;)*) => {$(
        impl<'py> ser::$tr for Seq<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $f<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
                self.push(v)
            }
            fn end(self) -> R<'py> {
                self.done()
            }
        }
    )*};
}
seq! {
    SerializeSeq::serialize_element; SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field; SerializeTupleVariant::serialize_field;
}

impl<'py> ser::SerializeMap for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Error> {
        self.2 = Some(k.serialize(self.0)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        let k = self.2.take().ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        self.1.set_item(k, v.serialize(self.0)?)?;
        Ok(())
    }
    fn end(self) -> R<'py> {
        Ok(self.1.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, k: &'static str, v: &T) -> Result<(), Error> {
        Ok(self.1.set_item(key(self.0.0, k), v.serialize(self.0)?)?)
    }
    fn end(self) -> R<'py> {
        Ok(self.1.into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, k: &'static str, v: &T) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, k, v)
    }
    fn end(self) -> R<'py> {
        Ok(self.1.into_any())
    }
}

/// The Python value at `path` in `value`'s serialisation (the whole value for an empty path),
/// or None when nothing is there: the core's [`serialize_at`] converts only the value on the
/// path, so `paragraphs[3]` cleans one paragraph, not all.
pub(crate) fn to_py_at<'py>(
    py: Python<'py>,
    value: &impl Serialize,
    path: &[Step],
) -> PyResult<Option<Bound<'py, PyAny>>> {
    serialize_at(value, path, move || Ser(py)).map_err(|e| *e.0)
}
