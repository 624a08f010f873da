"""arrow_stream(), readers drained in Rust by to_arrow, parse_file of a file object, and polars
and DuckDB reading the stream (issue 15)."""

import gzip
import io
from pathlib import Path

import pytest

import cable
from conftest import SEED


def test_a_reader_is_drained_in_rust_with_the_same_rows(corpus: Path) -> None:
    pytest.importorskip("pyarrow")
    path = corpus / "cables-real-dev.csv"
    from_reader = cable.to_arrow(cable.read_csv(path))
    from_objects = cable.to_arrow(list(cable.read_csv(path)))
    assert from_reader.num_rows == 8791
    assert from_reader.equals(from_objects)


def test_arrow_stream_reads_again_and_names_its_table() -> None:
    pa = pytest.importorskip("pyarrow")
    s = cable.arrow_stream([cable.parse_file(SEED)], table="paragraphs")
    assert s.num_rows == 9 and "paragraphs" in repr(s)
    assert pa.table(s).num_rows == pa.table(s).num_rows == 9
    with pytest.raises(ValueError, match="table must be"):
        cable.arrow_stream([], table="edges")


def test_polars_and_duckdb_read_the_stream(corpus: Path) -> None:
    pl = pytest.importorskip("polars", reason="polars is not installed")
    stream = cable.arrow_stream(cable.read_csv(corpus / "cables-real-dev.csv"))
    df = pl.DataFrame(stream)  # through __arrow_c_stream__, no pyarrow needed
    assert df.height == 8791
    per_level = dict(df.group_by("classification").len().iter_rows())
    assert per_level["SECRET"] == 469 and per_level["LIMITED OFFICIAL USE"] == 20
    assert df.filter(pl.col("reference_id") == "72TEHRAN1164")["tags"].to_list() == [["MASS", "MARR", "IR"]]
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    n = duckdb.sql("select count(*) from stream where partial").fetchall()[0][0]
    assert n == 7871


def test_parse_file_takes_a_binary_file_object(pages: Path) -> None:
    page = pages / "2009" / "08" / "09NAIROBI1801.html"
    plain = cable.parse_file(page)
    data = page.read_bytes()
    assert cable.parse_file(io.BytesIO(data)).to_json() == plain.to_json()
    assert cable.parse_file(io.BytesIO(gzip.compress(data))).reference_id == "09NAIROBI1801"
    with gzip.open(io.BytesIO(gzip.compress(SEED.read_bytes()))) as f:
        assert cable.parse_file(f).reference_id == "07MOSCOW5434"
    with pytest.raises(OSError, match="binary mode"):
        cable.parse_file(io.StringIO("text"))  # type: ignore[arg-type]

