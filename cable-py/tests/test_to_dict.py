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
