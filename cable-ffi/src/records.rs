//! Records: what the field accessors read. A record (the cable's own fields, an addressee, a
//! paragraph, a warning, a station, ...) is a list of (field, value) pairs made once from the
//! core's model and kept: its strings are views of the cable's text, static strings, or text
//! the core cleaned, owned by the record. So every value has a stable address until the handle
//! is freed and every thread reads the same bytes. Absent values are simply not listed.
//!
//! The cable's own record (the JSON's root object) makes its lists of records on first use,
//! one by one, so that reading a field does not clean every paragraph. What each record holds
//! is in `make.rs`, above this module.

use crate::fields::{CableField, FIELDS};
use crate::types::{CableSpan, CableStr, CableStrs};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The value of a field.
enum Value {
    Str(CableStr),
    Strs(Box<[CableStr]>),
    Int(i64),
    Span(CableSpan),
    Records(Box<[CableRecord]>),
}

/// A record: the cable's own fields (`cable_root`), one of its records (an addressee, a
/// reference, a marking, a paragraph, a sub-item, a passage, a link, the drafting block, a break,
/// a section, a warning, a tag, a redaction: `cable_record`), or a row of the station table
/// (`cable_station`). An opaque view borrowed from its `Cable` handle and valid until
/// `cable_free` of that handle, or static (stations); never freed by itself. Read with
/// `cable_str`, `cable_strs`, `cable_int`, `cable_span`, `cable_count` and `cable_record` and the
/// `CABLE_FIELD_*` names its kind has; a NULL record reads as absent. Safe to read from any
/// thread.
pub struct CableRecord {
    fields: Vec<(CableField, Value)>,
    /// The cable's own record only: its lists of records, made on first use.
    lists: Option<Box<Lists>>,
    /// Text the core computed (cleaned text): the views in `fields` point into these strings,
    /// whose bytes stay put when the record moves. `String`, not `Box<str>`: moving a `Box`
    /// asserts unique access to its bytes, which invalidates views of them under Rust's aliasing
    /// rules (Miri's Stacked Borrows found it: scripts/miri).
    owned: Vec<String>,
}

/// Makes the records of the list `field` of a cable (empty for a field that is no list).
pub(crate) type MakeList = fn(&cable_core::Cable<'_>, CableField) -> Box<[CableRecord]>;

/// The lists of records of a cable, by field, each made on first use.
struct Lists {
    /// The cable, owned by the handle that owns this record.
    cable: *const cable_core::Cable<'static>,
    make: MakeList,
    lists: Box<[OnceLock<Box<[CableRecord]>>]>,
}

// SAFETY: the views point to immutable bytes owned by the handle's text, by `owned` or static,
// all outliving the record, and `cable` to the handle's immutable cable; nothing is ever
// written through them.
unsafe impl Send for CableRecord {}
// SAFETY: as for `Send`.
unsafe impl Sync for CableRecord {}

impl CableRecord {
    /// An empty record.
    pub(crate) fn new() -> CableRecord {
        CableRecord { fields: Vec::new(), lists: None, owned: Vec::new() }
    }

    /// Makes this the record of `cable`, whose lists of records it makes with `make` on first
    /// use.
    ///
    /// # Safety
    /// `cable` must outlive the record (the handle owns both).
    pub(crate) unsafe fn of_cable(mut self, cable: &cable_core::Cable<'_>, make: MakeList) -> CableRecord {
        let cable = (cable as *const cable_core::Cable<'_>).cast();
        let lists = (0..FIELDS).map(|_| OnceLock::new()).collect();
        self.lists = Some(Box::new(Lists { cable, make, lists }));
        self
    }

    fn with(mut self, field: CableField, value: Option<Value>) -> CableRecord {
        if let Some(v) = value {
            self.fields.push((field, v));
        }
        self
    }

    /// Adds a string, which must outlive the record (the handle's text, or static).
    pub(crate) fn str(self, field: CableField, s: Option<&str>) -> CableRecord {
        self.with(field, s.map(|s| Value::Str(CableStr::new(s))))
    }

    /// Adds a string the core computed: kept by the record when the core could not borrow it.
    pub(crate) fn text(mut self, field: CableField, s: Option<Cow<'_, str>>) -> CableRecord {
        match s {
            Some(Cow::Owned(s)) => {
                let view = CableStr::new(&s);
                self.owned.push(s);
                self.with(field, Some(Value::Str(view)))
            }
            s => self.str(field, s.as_deref()),
        }
    }

    /// Adds a list of strings, which must outlive the record (the handle's text, or static).
    pub(crate) fn strs<'s>(self, field: CableField, items: impl IntoIterator<Item = &'s str>) -> CableRecord {
        self.with(field, Some(Value::Strs(items.into_iter().map(CableStr::new).collect())))
    }

    /// Adds a number.
    pub(crate) fn int(self, field: CableField, n: Option<impl TryInto<i64>>) -> CableRecord {
        self.with(field, n.and_then(|n| n.try_into().ok()).map(Value::Int))
    }

    /// Adds a span.
    pub(crate) fn span(self, field: CableField, s: Option<impl Into<CableSpan>>) -> CableRecord {
        self.with(field, s.map(|s| Value::Span(s.into())))
    }

    /// Adds a list of records.
    pub(crate) fn records(self, field: CableField, r: impl IntoIterator<Item = CableRecord>) -> CableRecord {
        self.with(field, Some(Value::Records(r.into_iter().collect())))
    }

    /// The value of `field` that `pick` takes (a field may have a value of each type: the
    /// subject is a string and a span).
    fn find<'r, T>(&'r self, field: CableField, pick: impl Fn(&'r Value) -> Option<T>) -> Option<T> {
        self.fields.iter().filter(|(f, _)| *f == field).find_map(|(_, v)| pick(v))
    }

    /// The string `field`, or `{NULL, 0}`.
    pub(crate) fn get_str(&self, field: CableField) -> CableStr {
        self.find(field, |v| if let Value::Str(s) = v { Some(*s) } else { None }).unwrap_or(CableStr::NONE)
    }

    /// The list of strings `field`, or `{NULL, 0}`.
    pub(crate) fn get_strs(&self, field: CableField) -> CableStrs {
        let list = self.find(field, |v| if let Value::Strs(l) = v { Some(l) } else { None });
        list.filter(|l| !l.is_empty()).map_or(CableStrs::NONE, |l| CableStrs { items: l.as_ptr(), len: l.len() })
    }

    /// The number `field`.
    pub(crate) fn get_int(&self, field: CableField) -> Option<i64> {
        self.find(field, |v| if let Value::Int(n) = v { Some(*n) } else { None })
    }

    /// The span `field`.
    pub(crate) fn get_span(&self, field: CableField) -> Option<CableSpan> {
        self.find(field, |v| if let Value::Span(s) = v { Some(*s) } else { None })
    }

    /// The records `field` (none when absent).
    pub(crate) fn get_records(&self, field: CableField) -> &[CableRecord] {
        if let Some(l) = &self.lists {
            let Some(slot) = usize::try_from(field).ok().and_then(|f| l.lists.get(f)) else { return &[] };
            // SAFETY: the cable outlives this record (the contract of `of_cable`).
            return slot.get_or_init(|| (l.make)(unsafe { &*l.cable }, field));
        }
        self.find(field, |v| if let Value::Records(r) = v { Some(&r[..]) } else { None }).unwrap_or(&[])
    }
}
