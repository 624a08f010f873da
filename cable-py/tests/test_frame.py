"""The pandas helpers. Skipped, with the reason, where pandas is not installed; the error raised
without pandas is tested everywhere."""

import datetime
import sys

import pytest

import cable

# The columns of the core's cables table: those of `to_arrow(cables)` and `cable export`.
COLUMNS = [
    "source",
    "reference_id",
    "created",
    "origin",
    "serial",
    "classification",
    "caveats",
    "precedence",
    "sender",
    "to",
    "info",
    "tags",
    "subject",
    "references",
    "classified_by",
    "reasons",
    "eo_order",
    "declassify_on",
    "partial",
    "paragraphs",
    "signers",
    "warnings",
    "doubt",
]


@pytest.fixture()
def pa():
    return pytest.importorskip("pyarrow", reason="to_dataframe() needs pyarrow: pip install pyarrow")


def test_to_dataframe_of_the_seed(pd, pa, seed_text):
    df = cable.to_dataframe([cable.parse(seed_text)])
    assert list(df.columns) == COLUMNS
    assert list(df.columns) == cable.to_arrow([]).column_names
    assert len(df) == 1
    row = df.iloc[0]
    assert row["reference_id"] == "07MOSCOW5434"
    assert row["created"] == pd.Timestamp("2007-11-17 12:31", tz="UTC")
    assert str(df["created"].dtype) == "datetime64[us, UTC]"
    assert row["classification"] == "CONFIDENTIAL" and str(df["classification"].dtype) == "category"
    assert row["tags"] == ["PREL", "PGOV", "PTER", "KS", "RS"]
    # Lists of structs with the JSON's keys; a span is {start, end}.
    assert row["to"] == [
        {
            "route": "RUEHC",
            "name": "SECSTATE WASHDC",
            "office": None,
            "precedence": "IMMEDIATE",
            "mcn": "5322",
            "excluded": [],
            "span": {"start": 155, "end": 191},
        }
    ]
    assert [a["name"] for a in row["info"]] == ["CIS COLLECTIVE", "EUROPEAN POLITICAL COLLECTIVE"]
    assert row["references"] == []
    assert row["caveats"] == ["SIPDIS"]
    assert row["classified_by"] == ["William J. Burns"]
    assert row["declassify_on"] == datetime.date(2017, 11, 16)
    assert row["serial"] == 5434
    assert str(df["serial"].dtype) == "UInt32"
    assert not row["partial"]
    assert len(row["paragraphs"]) == 9
    assert row["paragraphs"][1] == {
        "number": 2,
        "written_number": "12.",
        "marking": {"level": "CONFIDENTIAL", "caveats": [], "raw": "(C)"},
        "heading": "Lavrov's Letter",
        "span": {"start": 1625, "end": 2628},
    }
    assert row["warnings"] == 3  # three recovered paragraph numbers


def test_to_dataframe_columns(pd, pa, seed_text):
    df = cable.to_dataframe([cable.parse(seed_text)], columns=["reference_id", "tags", "created"])
    assert list(df.columns) == ["reference_id", "tags", "created"]
    assert df.iloc[0]["tags"] == ["PREL", "PGOV", "PTER", "KS", "RS"]
    texts = cable.to_dataframe([cable.parse(seed_text)], columns=["reference_id", "text", "body"])
    assert list(texts.columns) == ["reference_id", "text", "body"]
    assert texts.iloc[0]["text"] == seed_text
    assert texts.iloc[0]["body"].rstrip().endswith("BURNS") and seed_text.endswith(texts.iloc[0]["body"])
    assert cable.to_arrow([cable.parse(seed_text)], text=True).column_names[-2:] == ["text", "body"]
    with pytest.raises(ValueError, match='no column "dtg"; the columns are source, reference_id'):
        cable.to_dataframe([], columns=["dtg"])


def test_to_dataframe_streams_the_corpus_csv(pd, pa, corpus):
    df = cable.to_dataframe(cable.read_csv(corpus / "cables-real-dev.csv"))
    assert df.shape == (8791, len(COLUMNS))
    assert df["reference_id"].iloc[0] == "66BUENOSAIRES2481"
    assert df["created"].isna().sum() == 0
    per_year = df.groupby(df["created"].dt.year).size()
    assert per_year.loc[2004] == 5392 and per_year.loc[1966] == 1
    by_level = df["classification"].value_counts()
    assert by_level["SECRET"] == 469 and by_level["LIMITED OFFICIAL USE"] == 20
    assert df["partial"].sum() == 7871
    tehran = df[df["reference_id"] == "72TEHRAN1164"].iloc[0]
    assert [r["id"] for r in tehran["references"]] == ["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"]
    assert tehran["references"][2] == {
        "label": None,
        "kind": "cable",
        "id": "72MOSCOW1603",
        "station": "MOSCOW",
        "serial": 1603,
        "year": 1972,
        "text": "MOSCOW 1603",
    }
    assert tehran["tags"] == ["MASS", "MARR", "IR"]
    assert df.explode("tags")["tags"].value_counts().index[0] == "PREL"


def as_table(value, drop=()):
    """A JSON value as the Arrow table holds it: spans [start, end] as {start, end}, keys of
    `drop` left out."""
    if isinstance(value, dict):
        return {
            k: ({"start": v[0], "end": v[1]} if k == "span" else as_table(v))
            for k, v in value.items()
            if k not in drop
        }
    if isinstance(value, list):
        return [as_table(v) for v in value]
    return value


def test_struct_columns_hold_the_json_of_every_cable(pa, corpus):
    """`to`, `info`, `references` and `paragraphs` (with their text) of the real CSV's cables
    are the JSON's, but the paragraphs' `items`."""
    path = corpus / "cables-real-dev.csv"
    t = cable.to_arrow(cable.read_csv(path), text=True)
    columns = {k: t.column(k).to_pylist() for k in ("to", "info", "references", "paragraphs")}
    n = m = 0
    for i, c in enumerate(cable.read_csv(path)):
        d = c.to_dict()
        for k in ("to", "info", "references"):
            assert columns[k][i] == as_table(d[k]), (c.reference_id, k)
        assert columns["paragraphs"][i] == [as_table(p, drop=("items",)) for p in d["paragraphs"]], c.reference_id
        n += len(d["references"])
        m += len(d["paragraphs"])
    # As many REF items and paragraphs as the JSON of `cable parse` has (and the paragraphs table).
    assert (i + 1, n, m) == (8791, 9026, 63569)


def test_to_dataframe_of_nothing(pd, pa):
    df = cable.to_dataframe([])
    assert list(df.columns) == COLUMNS and len(df) == 0


def test_to_dataframe_type_errors(pd, pa, seed_text):
    with pytest.raises(TypeError, match="item 1 is str"):
        cable.to_dataframe([cable.parse(seed_text), "not a cable"])
    with pytest.raises(TypeError, match="iterable of Cable"):
        cable.to_dataframe(42)  # type: ignore[arg-type]


def test_without_pandas(monkeypatch, seed_text):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"cable.to_dataframe\(\) needs pandas: pip install pandas"):
        cable.to_dataframe([cable.parse(seed_text)])
    with pytest.raises(ImportError, match=r"cable.paragraphs_frame\(\) needs pandas: pip install pandas"):
        cable.paragraphs_frame([cable.parse(seed_text)])


PARAGRAPH_COLUMNS = ["source", "reference_id", "index", "number", "level", "caveats", "heading", "text"]


def test_paragraphs_frame_of_the_seed(pd, pa, seed_text):
    c = cable.parse(seed_text)
    df = cable.paragraphs_frame([c])
    assert list(df.columns) == PARAGRAPH_COLUMNS
    assert len(df) == 9
    assert (df["reference_id"] == "07MOSCOW5434").all()
    assert list(df["index"]) == list(range(9))
    assert list(df["number"]) == list(range(1, 10)) and str(df["number"].dtype) == "UInt32"
    assert set(df["level"]) == {"CONFIDENTIAL"}
    assert all(cv == [] for cv in df["caveats"])
    assert df["heading"].iloc[1] == "Lavrov's Letter" and pd.isna(df["heading"].iloc[0])
    row = df[df["number"] == 6].iloc[0]
    assert row["heading"] == "Tadic and Kostunica"
    assert "without hesitation, and reconfirmed" in row["text"]
    assert list(df["text"]) == [p.text for p in c.paragraphs]


def test_paragraphs_frame_of_pages(pd, pa, pages):
    """Share of SECRET paragraphs in two pages, and their caveats."""
    cables = [
        cable.parse_file(pages / "2009" / "08" / "09NAIROBI1801.html"),
        cable.parse_file(pages / "2008" / "02" / "08ABUJA320.html"),
        cable.parse_file(pages / "2009" / "11" / "09KABUL3714.html"),
    ]
    df = cable.paragraphs_frame(cables)
    assert len(df) == 9 + 7 + 8
    assert df.groupby("reference_id").size().to_dict() == {"09NAIROBI1801": 9, "08ABUJA320": 7, "09KABUL3714": 8}
    assert (df["level"] == "SECRET").sum() == 9 + 6
    assert df[df["reference_id"] == "08ABUJA320"]["caveats"].tolist() == [["NOFORN"]] * 7
    assert df[df["reference_id"] == "09KABUL3714"]["level"].tolist() == [
        "CONFIDENTIAL",
        "CONFIDENTIAL",
        "SBU",
        "CONFIDENTIAL",
        "CONFIDENTIAL",
        "SBU",
        "CONFIDENTIAL",
        "CONFIDENTIAL",
    ]


def test_paragraphs_frame_of_the_corpus_csv(pd, pa, corpus):
    df = cable.paragraphs_frame(cable.read_csv(corpus / "cables-real-dev.csv"))
    assert list(df.columns) == PARAGRAPH_COLUMNS
    # As `cable parse` (JSON) and the C walk count them.
    assert len(df) == 63569
    # Blocks of cables without paragraph numbers (signatures after the text, such as `BARNES` in
    # 04PARAMARIBO31, and archive stamps are no paragraphs).
    assert df["number"].isna().sum() == 4379
    assert (df["level"] == "SECRET").sum() == 1489
    assert df["caveats"].map(lambda cv: "NOFORN" in cv).sum() == 738
    assert (df["heading"].fillna("") != "").sum() == 19522


def test_paragraphs_frame_of_nothing_and_type_errors(pd, pa):
    df = cable.paragraphs_frame([])
    assert list(df.columns) == PARAGRAPH_COLUMNS and len(df) == 0
    with pytest.raises(TypeError, match="item 0 is int"):
        cable.paragraphs_frame([1])
