"""The golden cables of tests/fixtures (hand-checked expectations, shared with the Rust and C
golden tests), parsed through the Python API and compared with `Cable.to_dict()` by the shared
subset matching of tests/golden_match.py. Needs no corpus."""

import importlib.util
import json

import pytest

import cable
from conftest import REPO

_spec = importlib.util.spec_from_file_location("golden_match", REPO / "tests" / "golden_match.py")
golden_match = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden_match)

SOURCES = [
    (path.stem, source) for path, g in golden_match.goldens() for source in g["sources"]
]


def parse_source(path):
    """The cable of one fixture file, read by its extension as the Rust test reads it."""
    if path.suffix == ".txt":
        return cable.parse(path.read_bytes())
    if path.suffix == ".html":
        return cable.parse_html(path.read_bytes())
    if path.suffix == ".csv":
        rows = list(cable.read_csv(path))
        assert len(rows) == 1, f"{path}: a fixture CSV holds one row"
        return rows[0]
    raise AssertionError(f"{path}: a source is .txt, .html or .csv")


def test_every_golden_is_collected():
    assert len(SOURCES) >= 60


@pytest.mark.parametrize("golden,source", SOURCES, ids=[s for _, s in SOURCES])
def test_golden(golden, source):
    expect = json.loads((golden_match.FIXTURES / f"{golden}.json").read_text(encoding="utf-8"))["expect"]
    actual = parse_source(golden_match.FIXTURES / source).to_dict()
    # to_dict() must be the JSON contract: round-trip it through JSON as the other tests see it.
    actual = json.loads(json.dumps(actual))
    diffs = golden_match.compare(expect, actual)
    assert not diffs, "\n".join(diffs)
