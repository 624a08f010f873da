"""``Cable.to_dict()`` is built from the core's serialisation without JSON text in between: it
must equal ``json.loads(to_json())`` exactly, on every kind of input."""

import json

import pytest

import cable
from conftest import CORPUS, REPO


def same(c: cable.Cable) -> None:
    d = c.to_dict()
    assert d == json.loads(c.to_json())
    # Lists are lists and spans are [start, end], as json.loads gives them.
    assert type(d["tags"]) is list and type(d["spans"]["body"]) is list
    assert c.spans == d["spans"]


def test_seed_and_examples(seed_text):
    same(cable.parse(seed_text))
    for path in sorted((REPO / "examples").rglob("*.txt")):
        same(cable.parse_file(path))
    for path in sorted((REPO / "tests" / "fixtures").rglob("*.html"))[:50]:
        same(cable.parse_file(path))


def test_every_row_of_the_real_csv():
    csv = CORPUS / "cables-real-dev.csv"
    if not csv.is_file():
        pytest.skip(f"SKIPPED: the corpus is missing ({csv}): to_dict() not checked on its rows")
    n = 0
    for c in cable.read_csv(csv):
        same(c)
        n += 1
    assert n == 8791


def objects_match_the_json(c: cable.Cable) -> None:
    """Every object's ``to_dict()`` is its part of the cable's JSON (one definition: the core's)."""
    d = json.loads(c.to_json())
    for key in ("to", "info", "references", "notes", "breaks", "warnings", "paragraphs"):
        assert [o.to_dict() for o in getattr(c, key)] == d[key], key
    for key in ("routing", "section", "eo", "subject_marking", "classified_by", "envelope", "summary", "comment",
                "action_request"):
        o = getattr(c, key)
        assert (o.to_dict() if o is not None else None) == d[key], key
    for p, pd in zip(c.paragraphs, d["paragraphs"]):
        assert (p.marking.to_dict() if p.marking else None) == pd["marking"]
        assert [i.to_dict() for i in p.items] == pd["items"]
        if p.number is not None:
            assert c.paragraph(p.number).to_dict() == d["paragraphs"][c.paragraph(p.number).index]


def test_objects_on_the_seed_and_examples(seed_text):
    objects_match_the_json(cable.parse(seed_text))
    for path in sorted((REPO / "examples").rglob("*.txt")):
        objects_match_the_json(cable.parse_file(path))


def test_objects_on_the_real_csv():
    csv = CORPUS / "cables-real-dev.csv"
    if not csv.is_file():
        pytest.skip(f"SKIPPED: the corpus is missing ({csv}): objects' to_dict() not checked")
    for c in cable.read_csv(csv):
        objects_match_the_json(c)


def test_objects_compare_by_value_and_keep_their_cable(seed_text):
    a, b = cable.parse(seed_text), cable.parse(seed_text)
    assert a.to[0] == b.to[0] and hash(a.to[0]) == hash(b.to[0])
    assert a.paragraphs is a.paragraphs  # made once, kept
    p = a.paragraphs[2]
    del a
    # The object holds its cable: its dict is still there.
    assert p.to_dict()["number"] == 3
