#!/usr/bin/env python3
"""The golden cables of tests/fixtures and their subset matching, for the Python and C tests.

The Rust golden test (cable-core/tests/golden.rs) implements the same semantics; both follow
tests/fixtures/README.md. Only the top-level tests/fixtures/*.json are goldens: eval/ is issue
19's evaluation set (scored, not asserted).

As a command, checks the JSON that another implementation printed for every source:

    tests/golden_match.py ACTUAL.tsv

where each line of ACTUAL.tsv is `<source file name>\\t<the cable's JSON>` (scripts/test-c makes it
with the C library). Every source of every golden must be there; exits 1 naming each difference.
"""
import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ELISION = " … "


def goldens():
    """[(golden path, golden dict)] of the top-level fixtures, sorted by name."""
    out = []
    for p in sorted(FIXTURES.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if not g.get("sources"):
            raise ValueError(f"{p}: no sources")
        out.append((p, g))
    return out


def elided_match(expected, actual):
    """`head … middle … tail`: actual starts with head, ends with tail, middle parts in order."""
    parts = expected.split(ELISION)
    head, tail = parts[0], parts[-1]
    if not actual.startswith(head) or not actual.endswith(tail) or len(actual) < len(head) + len(tail):
        return False
    rest = actual[len(head):len(actual) - len(tail)]
    for mid in parts[1:-1]:
        i = rest.find(mid)
        if i < 0:
            return False
        rest = rest[i + len(mid):]
    return True


def compare(expected, actual, path=""):
    """The paths where `actual` differs from `expected` (subset semantics), as messages."""
    diffs = []
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k, ev in expected.items():
            if k not in actual:
                diffs.append(f"{path}.{k}: expected {json.dumps(ev)}, key absent")
            else:
                diffs += compare(ev, actual[k], f"{path}.{k}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            diffs.append(f"{path}: expected {len(expected)} items, got {len(actual)}: {json.dumps(actual)}")
        for i, (ev, av) in enumerate(zip(expected, actual)):
            diffs += compare(ev, av, f"{path}[{i}]")
    elif isinstance(expected, str) and isinstance(actual, str) and ELISION in expected:
        if not elided_match(expected, actual):
            diffs.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}")
    # type() too: in Python True == 1 and 1 == 1.0, in JSON they differ.
    elif type(expected) is not type(actual) or expected != actual:
        diffs.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}")
    return diffs


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    actual = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        name, _, js = line.rstrip("\n").partition("\t")
        actual[name] = json.loads(js)
    failures, checked = [], 0
    for path, g in goldens():
        for source in g["sources"]:
            if source not in actual:
                failures.append(f"{source}: not checked (missing from {sys.argv[1]})")
                continue
            diffs = compare(g["expect"], actual[source])
            if diffs:
                failures.append(f"{source}:\n  " + "\n  ".join(diffs))
            checked += 1
    if failures:
        sys.exit(f"{len(failures)} source(s) differ from their golden:\n" + "\n".join(failures))
    print(f"{checked} sources of {len(goldens())} golden cables match")


if __name__ == "__main__":
    main()
