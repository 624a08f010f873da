"""Every property of the seed cable (examples/07MOSCOW5434.txt), with values read from the text."""

import datetime
import json

import pytest

import cable

JSON_KEYS = [
    "reference_id",
    "transmission_id",
    "created",
    "dtg",
    "precedence",
    "info_precedence",
    "sender",
    "origin",
    "serial",
    "to",
    "info",
    "routing",
    "classification",
    "caveats",
    "document_marking",
    "distribution",
    "section",
    "eo",
    "tags",
    "tags_raw",
    "subject",
    "subject_marking",
    "references",
    "classified_by",
    "partial",
    "envelope",
    "paragraphs",
    "summary",
    "comment",
    "action_request",
    "notes",
    "links",
    "signature",
    "signers",
    "drafting",
    "redactions",
    "breaks",
    "sections",
    "warnings",
    "spans",
]


@pytest.fixture(scope="module")
def seed(seed_text):
    return cable.parse(seed_text)


def test_identity_and_dates(seed):
    assert seed.reference_id == "07MOSCOW5434"
    assert seed.transmission_id == "VZCZCXRO9060"
    assert seed.created == datetime.datetime(2007, 11, 17, 12, 31, tzinfo=datetime.timezone.utc)
    assert seed.created.utcoffset() == datetime.timedelta(0)
    assert seed.dtg == "171231Z NOV 07"
    assert seed.precedence == "IMMEDIATE"
    assert seed.info_precedence is None
    assert seed.sender == "AMEMBASSY MOSCOW"
    assert seed.origin == "MOSCOW"
    assert seed.serial == 5434


def test_addressees(seed, seed_text):
    (to,) = seed.to
    assert isinstance(to, cable.Recipient)
    assert (to.route, to.name, to.office, to.precedence, to.mcn, to.excluded) == (
        "RUEHC",
        "SECSTATE WASHDC",
        None,
        "IMMEDIATE",
        "5322",
        (),
    )
    assert seed_text.encode()[slice(*to.span)].decode() == "RUEHC/SECSTATE WASHDC IMMEDIATE 5322"
    assert [(r.route, r.name, r.precedence, r.mcn) for r in seed.info] == [
        ("RUCNCIS", "CIS COLLECTIVE", "PRIORITY", None),
        ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE", "PRIORITY", None),
    ]
    assert repr(to) == "Recipient(route='RUEHC', name='SECSTATE WASHDC', precedence='IMMEDIATE', mcn='5322')"


def test_routing(seed):
    r = seed.routing
    assert isinstance(r, cable.Routing)
    assert r.transmission_id == "VZCZCXRO9060"
    assert r.relay_precedence == "OO"
    assert r.relays == ("RUEHDBU", "RUEHFL", "RUEHKW", "RUEHLA", "RUEHROV", "RUEHSR")
    assert (r.station, r.serial, r.section, r.julian_time) == ("RUEHMO", "5434", 1, "3211231")
    assert (r.security, r.signals) == ("ZNY CCCCC", "ZZH")
    assert "RUEHMO" in repr(r)


def test_metadata_block(seed):
    assert seed.classification == "CONFIDENTIAL"
    assert seed.caveats == ("SIPDIS",)
    assert seed.distribution == ()
    assert isinstance(seed.section, cable.Section)
    assert (seed.section.number, seed.section.total) == (1, 2)
    assert repr(seed.section) == "Section(number=1, total=2)"
    eo = seed.eo
    assert isinstance(eo, cable.ExecutiveOrder)
    assert (eo.order, eo.declassify_on, eo.declassify_raw) == ("12958", datetime.date(2017, 11, 16), "11/16/2017")
    assert seed.text.encode()[slice(*eo.span)].decode() == "E.O. 12958: DECL: 11/16/2017"
    assert seed.tags == ("PREL", "PGOV", "PTER", "KS", "RS")
    assert seed.subject == 'KOSOVO: RUSSIAN FORECAST FOR "THE DAY AFTER;" BOSNIA'
    assert seed.subject_marking is None
    assert seed.references == ()
    by = seed.classified_by
    assert isinstance(by, cable.ClassifiedBy)
    assert by.text == "Ambassador William J. Burns: Reasons 1.4 (b/d)."
    assert by.names == ("William J. Burns",)
    assert by.reasons == ("1.4(b)", "1.4(d)")
    assert seed.partial is False
    assert seed.envelope is None
    # The seed's only warnings: its three mangled paragraph numbers (11. 12. 13.).
    assert [(w.kind, w.text) for w in seed.warnings] == [
        ("recovered_paragraph_number", "11."),
        ("recovered_paragraph_number", "12."),
        ("recovered_paragraph_number", "13."),
    ]


def test_text_body_and_spans(seed, seed_text):
    assert seed.text == seed_text
    assert seed.body.startswith("11. (C) Summary. Russia's Kosovo Troika Envoy")
    assert seed.body.rstrip().endswith("BURNS")
    spans = seed.spans
    assert list(spans) == [
        "header",
        "metadata",
        "body",
        "transmission_id",
        "dtg",
        "sender",
        "banner",
        "eo",
        "tags",
        "subject",
        "classified_by",
    ]
    raw = seed_text.encode()
    assert raw[slice(*spans["sender"])] == b"AMEMBASSY MOSCOW"
    assert raw[slice(*spans["subject"])].startswith(b"KOSOVO: RUSSIAN FORECAST")
    assert [raw[slice(*s)] for s in spans["tags"]] == [b"PREL", b"PGOV", b"PTER", b"KS", b"RS"]


def test_repr(seed):
    assert repr(seed) == "<Cable 07MOSCOW5434 CONFIDENTIAL 2007-11-17 'KOSOVO: RUSSIAN FORECAST ...'>"


def test_to_dict_has_the_json_keys_and_round_trips(seed):
    d = seed.to_dict()
    assert list(d) == JSON_KEYS
    assert json.loads(json.dumps(d)) == d
    assert json.loads(seed.to_json()) == d
    assert json.loads(seed.to_json(indent=True)) == d
    assert "\n" in seed.to_json(indent=True) and "\n" not in seed.to_json()
    assert d["created"] == "2007-11-17T12:31:00Z"
    assert d["eo"]["declassify_on"] == "2017-11-16"
    # Each small object's to_dict() is its part of the whole.
    assert seed.to[0].to_dict() == d["to"][0]
    assert [r.to_dict() for r in seed.info] == d["info"]
    assert seed.routing.to_dict() == d["routing"]
    assert seed.section.to_dict() == d["section"]
    assert seed.eo.to_dict() == d["eo"]
    assert seed.classified_by.to_dict() == d["classified_by"]
    assert seed.spans == d["spans"]


def test_bytes_and_str_give_the_same_cable(seed, seed_text):
    from_bytes = cable.parse(seed_text.encode("utf-8"))
    assert from_bytes.to_dict() == seed.to_dict()
    assert cable.parse(bytearray(seed_text.encode())).reference_id == "07MOSCOW5434"


def test_objects_are_read_only_and_compare_by_value(seed):
    with pytest.raises(AttributeError):
        seed.subject = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        seed.to[0].name = "x"  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        seed.tags[0] = "x"  # type: ignore[index]
    assert seed.to == cable.parse(seed.text).to
    assert seed.info[0] != seed.info[1]
    with pytest.raises(TypeError):
        cable.Cable()  # type: ignore[call-arg]


def test_year_option_completes_an_undated_fragment():
    fragment = "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005434\n\nTAGS: PREL\nSUBJECT: TEST\n"
    assert cable.parse(fragment).reference_id is None
    c = cable.parse(fragment, year=2007)
    assert c.reference_id == "07MOSCOW5434"
    assert (c.origin, c.serial) == ("MOSCOW", 5434)
    assert repr(c).startswith("<Cable 07MOSCOW5434 CONFIDENTIAL ? 'TEST'")


def test_module_metadata():
    assert cable.__version__ == "0.1.0"
    assert cable.parse.__doc__ and "Parses the text of one cable" in cable.parse.__doc__
    for name in cable.__all__:
        obj = getattr(cable, name)
        if callable(obj):
            assert obj.__doc__, f"{name} has no docstring"
    for prop in ("reference_id", "created", "to", "warnings", "envelope"):
        assert getattr(cable.Cable, prop).__doc__


def test_value_objects_hash_by_value(seed):
    again = cable.parse(seed.text)
    assert hash(seed.to[0]) == hash(again.to[0])
    assert len({*seed.info, *again.info}) == 2
    assert {seed.eo: "eo"}[again.eo] == "eo"


def test_cables_pickle_and_copy(seed):
    import copy
    import pickle

    for c in (seed, cable.parse("C O N F I D E N T I A L MOSCOW 005434\nTAGS: PREL\n", year=2007)):
        restored = pickle.loads(pickle.dumps(c))
        assert restored.to_dict() == c.to_dict()
        assert copy.deepcopy(c).to_dict() == c.to_dict()
    assert pickle.loads(pickle.dumps(seed)).reference_id == "07MOSCOW5434"
