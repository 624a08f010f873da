"""The walk, the tables and the citations are the core's, whatever the surface: the ``cable``
command, Python and C (``examples/c/cable_dump``) give the same results on both CSVs and the
pages (issue 18).

- The walk: the JSON of every cable, in order (``cable parse --jsonl``, ``read_csv`` /
  ``read_dir`` and ``to_json()``, ``cable_dump --json`` over the files of the core's walk).
- The tables: ``cable export --format parquet`` (``--paragraphs``, ``--citations``) against
  ``to_arrow(..., table=...)``, every column, ``source`` too: the core's walk names a row's
  input (``cables.csv:17``, a page's path) and the cable carries it (``Cable.source``).
- The citations: ``cable refs --format jsonl`` against ``cable.citations()``.

C has no table or citation API: for C, the walk is compared (and a CSV row's ``cable_source``
by the C tests). The command and ``cable_dump``
are the ones ``scripts/test`` builds before the Python tests (``target/debug/cable``, or
``$CABLE_CLI``; ``examples/c/cable_dump`` from ``scripts/test-c``); a test says so and is
skipped when one is missing, or when the corpus is.
"""

import json
import os
import subprocess
from pathlib import Path

import cable
import pytest

REPO = Path(__file__).resolve().parents[2]
INPUTS = ["cables-dev.csv", "cables-real-dev.csv", "cablegate-html"]


def _built(path: Path, how: str) -> Path:
    if not path.is_file():
        pytest.skip(f"{path} is not built ({how}): surfaces not compared")
    return path


@pytest.fixture(scope="module")
def cli() -> Path:
    default = REPO / "target" / "debug" / "cable"
    return _built(Path(os.environ.get("CABLE_CLI", default)), "cargo build -p cable-cli")


@pytest.fixture(scope="module")
def dump() -> Path:
    return _built(REPO / "examples" / "c" / "cable_dump", "scripts/test-c builds it")


def run(*args) -> str:
    """The standard output of a command; its errors (a bad row) go to stderr and are compared
    by the tests, not raised here."""
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False).stdout


def jsonl(text: str, drop=()) -> list:
    rows = [json.loads(line) for line in text.splitlines()]
    for row in rows:
        for key in drop:
            row.pop(key)
    return rows


def python_cables(path: Path):
    """The cables of a CSV file or a directory of pages, through the core's walk."""
    if path.is_dir():
        return cable.read_dir(path, on_error="skip")
    return cable.read_csv(path, on_error="skip")


@pytest.mark.parametrize("name", INPUTS)
def test_the_walk_is_the_same_from_the_command_python_and_c(corpus, cli, dump, name):
    path = corpus / name
    cables = list(python_cables(path))
    python = [json.loads(c.to_json()) for c in cables]
    assert len(python) > 900, "the corpus input holds cables"
    command = jsonl(run(cli, "parse", "--jsonl", "--quiet", path))
    assert [row.pop("source") for row in command] == [c.source for c in cables]
    assert command == python
    # cable_dump reads files, not directories: the files of the core's walk, in its order.
    files = [f for f, _, _ in cable._corpus_files(path)] if path.is_dir() else [path]
    assert jsonl(run(dump, "--json", *files)) == python


@pytest.mark.parametrize("name", INPUTS)
@pytest.mark.parametrize("table", ["cables", "paragraphs", "citations"])
def test_the_tables_are_the_same_from_the_command_and_python(corpus, cli, tmp_path, name, table):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed: tables not compared")
    path, out = corpus / name, tmp_path / f"{table}.parquet"
    flag = {"paragraphs": ["--paragraphs"], "citations": ["--citations"]}.get(table, [])
    run(cli, "export", "--format", "parquet", *flag, "--quiet", "-o", out, path)
    command = pq.read_table(out)
    python = cable.to_arrow(python_cables(path), table=table)
    assert command.num_rows > 0
    assert str(path) in command.column("source")[0].as_py()
    assert command.schema == python.schema
    # Values, not chunks: the command writes a dictionary per batch, Python one per table.
    assert command.to_pylist() == python.to_pylist()


@pytest.mark.parametrize("name", INPUTS)
def test_the_citations_are_the_same_from_the_command_and_python(corpus, cli, pd, name):
    path = corpus / name
    command = jsonl(run(cli, "refs", "--format", "jsonl", "--quiet", path))
    frame = cable.citations(python_cables(path))
    # A missing label is None in JSON and NaN in pandas' string columns.
    python = frame.astype(object).where(frame.notna(), None).to_dict("records")
    assert len(command) > 0
    assert command == python
