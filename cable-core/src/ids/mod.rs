//! Identifiers and the knowledge that links cables: canonical cable ids, the station table,
//! and TAGS kinds.
//!
//! ## Canonical ids
//!
//! [`canonical_id`] turns a cable id as published (WikiLeaks ids, `cables.csv`, PlusD) or as
//! cited in a REF line into its canonical form: two-digit year, station, serial without leading
//! zeros (`07MOSCOW5434`). [`parse_id`] gives the parts (the year may be missing). The rules,
//! each found in the dev corpus or in published ids:
//!
//! 1. **Separators.** Spaces, hyphens, dots, slashes, apostrophes and underscores separate
//!    words and are dropped; letters are upper-cased (`07 Moscow 5434`, `PORT-AU-PRINCE`,
//!    `SANA'A`).
//! 2. **Year.** Two digits (`07`); four digits starting `19`/`20` (`2007 MANAGUA 2135` →
//!    `07MANAGUA2135`, PlusD `1973STATE097844_b`); a doubled two-digit year (`7575LIBREVILLE1895`
//!    → `75LIBREVILLE1895`). Other digit runs before the station make the id unreadable.
//!    Without a year there is no canonical id (REF items take the citing cable's year).
//! 3. **Section-marker remnants.** A word within two letters of `SECTION`, its number, `OF` and
//!    the total are dropped: `08ECTION01OF02MANAMA492` → `08MANAMA492`,
//!    `09SECTION01OF03SANJOSE525`, `08SCTION02OF02SAOPAULO335`, `08SECTIN01OF02BUDAPEST836`.
//! 4. **Offices, captions and labels before the station.** Leading words are dropped when the
//!    rest is a station of the table and the whole is not: offices (`AMEMBASSY`, `EMBASSY
//!    VIENNA`, `AIT TAIPEI`), captions (`09EFTOLONDON2468` → `09LONDON2468`, `SIPDIS`, `NOFORN`),
//!    label remnants (`B.HANOI`).
//! 5. **Station aliases and misspellings** (the `aliases` column of the station table):
//!    `SECSTATE` → `STATE`, `USUN`/`USUN NY` → `USUNNEWYORK`, `HCMC` → `HOCHIMINHCITY`,
//!    `RIO`/`RIO DE JAN` → `RIODEJANEIRO`, `TEGUC` → `TEGUCIGALPA`, `CASA` → `CASABLANCA`,
//!    `USEU` → `USEUBRUSSELS`, `UNVIE` → `UNVIEVIENNA`, `TALLIN` → `TALLINN`, ...; the host
//!    country's TAGS code glued after a station is dropped (`ABUJA NI 1594` → `ABUJA`).
//!    Historical names are not aliases: `KIEV`, `MADRAS`, `CALCUTTA`, `BONN` stay, because the
//!    ids of their cables keep them.
//! 6. **Serial.** The first digit run after the station, leading zeros dropped (`MADRID 002583`
//!    → `2583`); it must be positive. Whatever follows it is not part of the id and is dropped:
//!    operating signals and DE serials (`06MADRID002583ZFR2585` → `06MADRID2583`), the TOSEC
//!    series number of traffic to the travelling Secretary (`90STATE255195TOSEC140301` →
//!    `90STATE255195`: the banner carries the State serial only, so the State serial names the
//!    cable), PlusD copy letters (`_a`), qualifiers (`(NOTAL)`).
//!
//! ## Stations
//!
//! [`station`] looks a post up by any of its names (station, alias, PLAD, routing indicator,
//! envelope origin); [`stations`] lists the table. See [`Station`].
//!
//! ## Citations
//!
//! [`citations`] gives the edges citing id → cited id of a cable's REF block; [`cable_id`] the
//! id a cable is known by in a corpus.
//!
//! ## TAGS
//!
//! [`tag_kind`] classifies a tag; [`canonical_tags`] splits glued tags and fixes misspellings.
//! See [`TagKind`].

mod canonical;
mod citations;
mod hashed;
mod stations;
mod tags;

pub use canonical::{canonical_id, parse_id};
pub use citations::{CableCitations, Citation, CorpusCitation, cable_id, citations, corpus_citations};
pub(crate) use hashed::Hashed;
pub use stations::{Station, by_origin, by_plad, by_route, by_station, canonical_station, station, stations};
pub use tags::{TagKind, canonical_tags, tag_kind};
pub(crate) use tags::{canonical_into, is_canonical, is_known_tag};
