"""Shared paths and fixtures of the Python tests.

The corpus is read from ``$CABLE_CORPUS`` or ``../shared/corpus`` beside the repository; tests that
need it are skipped, with the reason, when it is missing (a fresh clone), and fail instead when
``CABLE_REQUIRE_CORPUS=1`` (CI, which has the corpus). The golden tests need only the committed
fixtures of tests/fixtures.
"""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "07MOSCOW5434.txt"
CORPUS = Path(os.environ.get("CABLE_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "cables-real-dev.csv").is_file():
        msg = f"the corpus is missing: expected {CORPUS} (set CABLE_CORPUS to its folder)"
        if os.environ.get("CABLE_REQUIRE_CORPUS") == "1":
            pytest.fail(msg + " (CABLE_REQUIRE_CORPUS=1)")
        pytest.skip(msg)
    return CORPUS


@pytest.fixture(scope="session")
def pages(corpus: Path) -> Path:
    return corpus / "cablegate-html"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture()
def pd():
    """pandas, or a skip saying that it is not installed."""
    try:
        import pandas
    except ImportError:
        pytest.skip("pandas is not installed in this environment: DataFrame tests skipped")
    return pandas
