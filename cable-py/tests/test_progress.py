"""Progress of the readers: bytes_read and total_bytes, and the tqdm bar of progress=True."""

import gzip
import io
import sys
from pathlib import Path

import pytest

import cable


def test_bytes_read_reaches_the_file_size(corpus: Path) -> None:
    path = corpus / "cables-real-dev.csv"
    size = path.stat().st_size
    reader = cable.read_csv(path)
    assert reader.total_bytes == size and reader.bytes_read == 0
    next(reader)
    first = reader.bytes_read
    assert 0 < first < size
    seen = [reader.bytes_read for _ in zip(range(100), reader)]
    assert seen == sorted(seen) and seen[0] > first
    for _ in reader:
        pass
    assert reader.bytes_read == size


def test_byte_range_counts_from_its_start(corpus: Path) -> None:
    path = corpus / "cables-real-dev.csv"
    reader = cable.read_csv(path, byte_range=(1_000_000, 3_000_000))
    assert reader.total_bytes == 2_000_000
    assert list(reader)
    # The last row read starts before the range's end and may end past it.
    assert 2_000_000 - 200_000 < reader.bytes_read < 2_000_000 + 200_000


def test_directory_and_streams(pages: Path, corpus: Path) -> None:
    reader = cable.read_dir(pages)
    total = sum(p.stat().st_size for p in pages.rglob("*.html"))
    assert reader.total_bytes == total
    assert sum(1 for _ in reader) == 976 and reader.bytes_read == total
    data = (corpus / "cables-dev.csv").read_bytes()
    reader = cable.read_csv(io.BytesIO(gzip.compress(data)))
    assert reader.total_bytes is None
    assert sum(1 for _ in reader) == 976 and reader.bytes_read == len(data)  # decompressed bytes


def test_progress_bar(corpus: Path, capsys) -> None:
    pytest.importorskip("tqdm", reason="tqdm is not installed")
    path = corpus / "cables-dev.csv"
    assert sum(1 for _ in cable.read_csv(path, progress=True)) == 976
    err = capsys.readouterr().err
    assert "read_csv" in err and "100%" in err


def test_progress_without_tqdm(monkeypatch, corpus: Path) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.warns(UserWarning, match="pip install tqdm"):
        reader = cable.read_csv(corpus / "cables-dev.csv", progress=True)
    assert sum(1 for _ in reader) == 976
