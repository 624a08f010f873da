"""cable.dask: partitions cut by the core's CSV range reader give exactly the sequential rows,
in order, on a dask.distributed cluster of worker processes; read_dir follows the core's walk;
byte_range itself; the ImportError when dask is missing."""

import os
import sys
import tempfile
from pathlib import Path

import pytest

import cable


def test_byte_ranges_cover_the_file_once(corpus: Path) -> None:
    path = corpus / "cables-real-dev.csv"
    seq = [(c.reference_id, c.envelope.row_id) for c in cable.read_csv(path)]
    size = os.path.getsize(path)
    # Cuts at odd offsets, most of them inside multi-line fields.
    cuts = [0, 1, 77_777, 1_234_567, 9_999_991, size // 2, size - 3, size]
    got = []
    for start, end in zip(cuts, cuts[1:]):
        got.extend((c.reference_id, c.envelope.row_id) for c in cable.read_csv(path, byte_range=(start, end)))
    assert got == seq
    assert len(seq) == 8791


def test_byte_range_arguments(corpus: Path) -> None:
    path = corpus / "cables-real-dev.csv"
    assert list(cable.read_csv(path, byte_range=(5, 5))) == []
    with pytest.raises(ValueError, match="start <= end"):
        cable.read_csv(path, byte_range=(9, 5))
    with pytest.raises(FileNotFoundError):
        cable.read_csv(corpus / "no-such.csv", byte_range=(0, 5))


def test_missing_dask_is_a_clear_import_error() -> None:
    if "dask" in sys.modules or _has("dask"):
        pytest.skip("dask is installed: the ImportError path is tested where it is not (the low venv)")
    with pytest.raises(ImportError, match=r"pip install 'cable-parser\[dask\]'"):
        cable.dask.read_csv(__file__)


def _has(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("dask.dataframe", reason="needs dask[dataframe]: pip install 'cable-parser[dask]'")
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    distributed = pytest.importorskip("distributed", reason="needs dask.distributed: pip install distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def test_read_csv_on_a_local_cluster(corpus: Path, client) -> None:
    path = corpus / "cables-real-dev.csv"
    seq = [(c.reference_id, c.serial) for c in cable.read_csv(path)]
    ddf = cable.dask.read_csv(path, blocksize=4_000_000)
    assert ddf.npartitions >= 8
    assert ddf.npartitions == -(-os.path.getsize(path) // 4_000_000)
    df = ddf.compute()
    assert [(r, None if s != s else int(s)) for r, s in zip(df["reference_id"], df["serial"])] == [
        (r, s) for r, s in seq
    ]
    assert str(df["created"].dtype) == "datetime64[us, UTC]"
    # List columns stay lists (Dask would turn object columns into their text by default).
    tehran = df[df["reference_id"] == "72TEHRAN1164"].iloc[0]
    assert list(tehran["tags"]) == ["MASS", "MARR", "IR"]
    assert [r["id"] for r in tehran["references"]] == ["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"]
    # The same columns as to_arrow's cables table.
    assert list(df.columns) == cable.to_arrow([]).column_names
    # Partitions were computed by the workers (other processes), not here.
    assert len(client.scheduler_info()["workers"]) == 2


def test_read_dir_follows_the_walk(corpus: Path, client) -> None:
    pytest.importorskip("dask.dataframe")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "b").mkdir()
        (root / ".hidden").mkdir()
        seed = (Path(__file__).resolve().parents[2] / "examples" / "07MOSCOW5434.txt").read_bytes()
        (root / "b" / "07MOSCOW5434.txt").write_bytes(seed)
        (root / ".hidden" / "07MOSCOW5434.txt").write_bytes(seed)
        (root / "a.csv").symlink_to(corpus / "cables-dev.csv")
        seq = [c.reference_id for c in cable.read_dir(root)]
        ddf = cable.dask.read_dir(root, blocksize=3_000_000)
        assert ddf.npartitions >= 4
        assert list(ddf.compute()["reference_id"]) == seq
        assert len(seq) == 977
