//! A `serde::Serializer` that builds Python objects (dict, list, str, int, float, bool, None)
//! straight from the core's `Serialize` impls, so that `to_dict()` follows the one definition
//! of the JSON contract (`cable-core/src/serialize.rs`) with no JSON text in between. Struct
//! keys are `&'static str`, so their Python strings are made once per thread and reused.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// A value's serialisation as Python objects.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser(py)).map_err(|e| e.0)
}

/// A Python error carried through serde.
#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

thread_local! {
    /// Python strings of struct keys, by the address of the static key.
    static KEYS: RefCell<HashMap<usize, Py<PyString>>> = RefCell::new(HashMap::new());
}

/// The Python string of a struct key, made once.
fn key<'py>(py: Python<'py>, k: &'static str) -> Bound<'py, PyString> {
    KEYS.with(|keys| {
        keys.borrow_mut()
            .entry(k.as_ptr() as usize)
            .or_insert_with(|| PyString::intern(py, k).unbind())
            .bind(py)
            .clone()
    })
}

#[derive(Clone, Copy)]
struct Ser<'py>(Python<'py>);

type R<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'py> Ser<'py> {
    fn any(self, v: impl IntoPyObject<'py>) -> R<'py> {
        v.into_bound_py_any(self.0).map_err(Error)
    }
}

/// A list being filled.
struct Seq<'py>(Ser<'py>, Vec<Bound<'py, PyAny>>);

/// A dict being filled; `key` holds a map key until its value comes.
struct Map<'py>(Ser<'py>, Bound<'py, PyDict>, Option<Bound<'py, PyAny>>);

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

    fn serialize_bool(self, v: bool) -> R<'py> {
        self.any(v)
    }
    fn serialize_i8(self, v: i8) -> R<'py> {
        self.any(v)
    }
    fn serialize_i16(self, v: i16) -> R<'py> {
        self.any(v)
    }
    fn serialize_i32(self, v: i32) -> R<'py> {
        self.any(v)
    }
    fn serialize_i64(self, v: i64) -> R<'py> {
        self.any(v)
    }
    fn serialize_u8(self, v: u8) -> R<'py> {
        self.any(v)
    }
    fn serialize_u16(self, v: u16) -> R<'py> {
        self.any(v)
    }
    fn serialize_u32(self, v: u32) -> R<'py> {
        self.any(v)
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        self.any(v)
    }
    fn serialize_f32(self, v: f32) -> R<'py> {
        self.any(v)
    }
    fn serialize_f64(self, v: f64) -> R<'py> {
        self.any(v)
    }
    fn serialize_char(self, v: char) -> R<'py> {
        self.any(v)
    }
    fn serialize_str(self, v: &str) -> R<'py> {
        self.any(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> R<'py> {
        self.any(v)
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

impl<'py> ser::SerializeSeq for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeTuple for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
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
        self.1.set_item(key(self.0.0, k), v.serialize(self.0)?)?;
        Ok(())
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
