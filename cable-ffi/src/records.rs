//! Records: what the field accessors read. A record (the cable's own fields, an addressee, a
//! paragraph, a warning, a station, ...) is a list of (field, value) pairs made once from the
//! core's model and kept: its strings are views of the cable's text, static strings, or text
//! the core cleaned, owned by the record. So every value has a stable address until the handle
//! is freed and every thread reads the same bytes. Absent values are simply not listed.
//!
//! This module knows nothing of the handle: it sits below it. What each record holds is in
//! `make.rs`.

use crate::fields::CableField;
use crate::types::{CableSpan, CableStr, CableStrs};
use std::borrow::Cow;

/// The value of a field.
enum Value {
    Str(CableStr),
    Strs(Box<[CableStr]>),
    Int(i64),
    Span(CableSpan),
    Records(Box<[CableRecord]>),
}

/// A record of a cable (an addressee, a reference, a marking, a paragraph, a sub-item, a
/// passage, a link, the drafting block, a break, a section, a warning, a tag, a redaction) or a
/// row of the station table: an opaque view borrowed from its `Cable` handle (`cable_record`,
/// `cable_record_at`), valid until `cable_free` of that handle, or static (`cable_station`);
/// never freed by itself. Read with the `cable_record_*` functions and the `CABLE_FIELD_*` names
/// its kind has; a NULL record reads as absent. Safe to read from any thread.
pub struct CableRecord {
    fields: Vec<(CableField, Value)>,
    /// Text the core computed (cleaned text): the views in `fields` point into these strings,
    /// whose bytes stay put when the record moves. `String`, not `Box<str>`: moving a `Box`
    /// asserts unique access to its bytes, which invalidates views of them under Rust's aliasing
    /// rules (Miri's Stacked Borrows found it: scripts/miri).
    owned: Vec<String>,
}

// SAFETY: the views point to immutable bytes owned by the handle's text, by `owned` or static,
// all outliving the record; nothing is ever written through them.
unsafe impl Send for CableRecord {}
// SAFETY: as for `Send`.
unsafe impl Sync for CableRecord {}

impl CableRecord {
    /// An empty record.
    pub(crate) fn new() -> CableRecord {
        CableRecord { fields: Vec::new(), owned: Vec::new() }
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
        self.find(field, |v| if let Value::Records(r) = v { Some(&r[..]) } else { None }).unwrap_or(&[])
    }
}
