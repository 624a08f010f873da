"""The pandas helpers. Skipped, with the reason, where pandas is not installed; the error raised
without pandas is tested everywhere."""

import datetime
import sys

import pytest

import cable

COLUMNS = [
    "reference_id",
    "created",
    "dtg",
    "precedence",
    "sender",
    "origin",
    "serial",
    "classification",
    "caveats",
    "tags",
    "subject",
    "to",
    "info",
    "references",
    "declassify_on",
    "classified_by",
    "partial",
    "warnings",
    "row_id",
]


def test_to_dataframe_of_the_seed(pd, seed_text):
    df = cable.to_dataframe([cable.parse(seed_text)])
    assert list(df.columns) == COLUMNS
    assert len(df) == 1
    row = df.iloc[0]
    assert row["reference_id"] == "07MOSCOW5434"
    assert row["created"] == pd.Timestamp("2007-11-17 12:31", tz="UTC")
    assert str(df["created"].dtype).startswith("datetime64") and "UTC" in str(df["created"].dtype)
    assert row["classification"] == "CONFIDENTIAL"
    assert row["tags"] == ["PREL", "PGOV", "PTER", "KS", "RS"]
    assert row["to"] == ["SECSTATE WASHDC"]
    assert row["info"] == ["CIS COLLECTIVE", "EUROPEAN POLITICAL COLLECTIVE"]
    assert row["caveats"] == ["SIPDIS"]
    assert row["classified_by"] == ["William J. Burns"]
    assert row["declassify_on"] == datetime.date(2017, 11, 16)
    assert row["serial"] == 5434
    assert str(df["serial"].dtype) == "Int64"
    assert pd.isna(row["row_id"])
    assert not row["partial"]
    assert row["warnings"] == ["recovered_paragraph_number"] * 3


def test_to_dataframe_streams_the_corpus_csv(pd, corpus):
    df = cable.to_dataframe(cable.read_csv(corpus / "cables-real-dev.csv"))
    assert df.shape == (8791, len(COLUMNS))
    assert df["row_id"].is_unique
    assert df["reference_id"].iloc[0] == "66BUENOSAIRES2481"
    assert df["created"].isna().sum() == 0
    per_year = df.groupby(df["created"].dt.year).size()
    assert per_year.loc[2004] == 5392 and per_year.loc[1966] == 1
    by_level = df["classification"].value_counts()
    assert by_level["SECRET"] == 469 and by_level["LIMITED OFFICIAL USE"] == 20
    assert df["partial"].sum() == 7871
    tehran = df[df["reference_id"] == "72TEHRAN1164"].iloc[0]
    assert tehran["references"] == ["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"]
    assert tehran["tags"] == ["MASS", "MARR", "IR"]


def test_to_dataframe_of_nothing(pd):
    df = cable.to_dataframe([])
    assert list(df.columns) == COLUMNS and len(df) == 0


def test_to_dataframe_type_errors(pd, seed_text):
    with pytest.raises(TypeError, match="item 1 is str"):
        cable.to_dataframe([cable.parse(seed_text), "not a cable"])
    with pytest.raises(TypeError, match="iterable of Cable"):
        cable.to_dataframe(42)  # type: ignore[arg-type]


def test_without_pandas(monkeypatch, seed_text):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"cable.to_dataframe\(\) needs pandas: pip install pandas"):
        cable.to_dataframe([cable.parse(seed_text)])
