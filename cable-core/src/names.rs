//! One name table per kind enum: `as_str()` gives the name the JSON contract, the C library and
//! the Python package all use, and serialisation writes the same string, so the surfaces cannot
//! drift apart.

/// Implements `as_str()`, `ALL` and (with the `serde` feature) `Serialize` for a fieldless
/// enum from one table `Variant => "name"`.
macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal,)+ }) => {
        impl $ty {
            /// The name of the value, as the JSON contract, the C library and the Python
            /// package write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }

            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant,)+];
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use names;

#[cfg(all(test, feature = "serde"))]
mod tests {
    use crate::ids::TagKind;
    use crate::*;

    /// The names of one enum: what serde writes is `as_str`, and no two values share a name.
    fn check<T: serde::Serialize + Copy>(all: &[T], as_str: impl Fn(T) -> &'static str, lower: bool) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        for &v in all {
            let name = as_str(v);
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::String(name.to_owned()));
            assert!(seen.insert(name), "{name} twice");
            if lower {
                assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name} is not snake_case");
            }
        }
        all.iter().map(|&v| as_str(v)).collect()
    }

    #[test]
    fn json_names_are_the_as_str_names() {
        // The names the JSON contract documents (README), checked by hand against the table.
        assert_eq!(
            check(WarningKind::ALL, WarningKind::as_str, true)[..3],
            ["unrecognised_line", "invalid_date", "malformed_header_line"]
        );
        assert_eq!(
            check(ReferenceKind::ALL, ReferenceKind::as_str, true),
            ["cable", "email", "telcon", "memcon", "report", "other"]
        );
        assert_eq!(
            check(PassageKind::ALL, PassageKind::as_str, true),
            ["summary", "comment", "action_request", "note", "inline_comment"]
        );
        assert_eq!(check(BreakKind::ALL, BreakKind::as_str, true), ["page", "section"]);
        assert_eq!(
            check(LinkKind::ALL, LinkKind::as_str, true),
            ["reference", "paragraph", "reference_paragraph", "septel"]
        );
        assert_eq!(check(EnvelopeKind::ALL, EnvelopeKind::as_str, true), ["cablegate_html", "cables_csv"]);
        assert_eq!(
            check(TagKind::ALL, TagKind::as_str, true),
            ["subject", "geo", "org", "program", "person", "unknown"]
        );
        assert_eq!(check(ErrorKind::ALL, ErrorKind::as_str, true), ["empty", "binary", "not_a_cable", "too_large"]);
        check(ElementKind::ALL, ElementKind::as_str, true);
        assert_eq!(check(Level::ALL, Level::as_str, false)[1], "SBU");
        assert_eq!(check(Precedence::ALL, Precedence::as_str, false)[3], "NIACT IMMEDIATE");
        assert_eq!(WarningKind::ALL.len(), 28);
    }

    #[test]
    fn the_seed_json_uses_the_names() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/07MOSCOW5434.txt")).unwrap();
        let c = parse(&text).unwrap();
        let json: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap();
        assert_eq!(json["summary"]["kind"], PassageKind::Summary.as_str());
        assert_eq!(json["breaks"][0]["kind"], BreakKind::Page.as_str());
        assert_eq!(json["classification"], Level::Confidential.as_str());
        assert_eq!(json["to"][0]["precedence"], Precedence::Immediate.as_str());
    }
}
