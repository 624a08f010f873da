"""The ids knowledge: canonical ids, tag kinds, the station table, citations. Values were read
off real ids and REF lines of the dev corpus."""

import pytest

import cable


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("07MOSCOW5434", "07MOSCOW5434"),
        ("08ECTION01OF02MANAMA492", "08MANAMA492"),
        ("09EFTOLONDON2468", "09LONDON2468"),
        ("7575LIBREVILLE1895", "75LIBREVILLE1895"),
        ("06MADRID002583ZFR2585", "06MADRID2583"),
        ("90STATE255195TOSEC140301", "90STATE255195"),
        ("2007 SECSTATE 012345", "07STATE12345"),
        ("04 Rio de Janeiro 128", "04RIODEJANEIRO128"),
        ("03 HCMC 120", "03HOCHIMINHCITY120"),
        ("1973STATE097844_b", "73STATE97844"),
        ("MOSCOW 5434", None),
        ("", None),
    ],
)
def test_canonical_id(raw, canonical):
    assert cable.canonical_id(raw) == canonical


def test_tag_kind():
    assert cable.tag_kind("PREL") == "subject"
    assert cable.tag_kind("rs") == "geo"
    assert cable.tag_kind("XF") == "geo"
    assert cable.tag_kind("EUN") == "org"
    assert cable.tag_kind("KIPR") == "program"
    assert cable.tag_kind("OVIP (CLINTON, HILLARY)") == "person"
    assert cable.tag_kind("ECONEFIN") == "subject"
    assert cable.tag_kind("UX") == "unknown"
    with pytest.raises(TypeError):
        cable.tag_kind(None)  # type: ignore[arg-type]


def test_station_lookups_both_ways():
    moscow = cable.station("RUEHMO")
    assert moscow is not None
    assert (moscow.station, moscow.plad, moscow.origin, moscow.country, moscow.geo) == (
        "MOSCOW",
        "AMEMBASSY MOSCOW",
        "Embassy Moscow",
        "Russia",
        "RS",
    )
    assert moscow.routes == ("RUEHMO",)
    assert cable.station("Embassy Moscow") == moscow
    assert cable.station("amembassy moscow") == moscow
    assert cable.station("hcmc").station == "HOCHIMINHCITY"
    assert cable.station("Secretary of State").routes == ("RUEHC",)
    assert cable.station("ATLANTIS") is None
    assert repr(moscow) == "Station('MOSCOW', plad='AMEMBASSY MOSCOW', origin='Embassy Moscow')"
    assert moscow.to_dict()["routes"] == ["RUEHMO"]
    assert len(cable.stations()) > 250
    assert "HCMC" in cable.station("HOCHIMINHCITY").aliases


def test_tags_raw_and_canonical(pages):
    # 09LONDON2222: `TAGS: POGOV, PREL, MARR, MOPS, MCAP, KNNP, PARM, UK`.
    c = cable.parse_file(pages / "2009" / "09" / "09LONDON2222.html")
    assert c.tags_raw[0] == "POGOV"
    assert c.tags[0] == "PGOV"
    assert c.to_dict()["tags_raw"] == list(c.tags_raw)


def test_citations_of_the_real_csv(pd, corpus):
    csv = corpus / "cables-real-dev.csv"
    df = cable.citations(cable.read_csv(csv))
    assert list(df.columns) == ["citing", "cited", "label", "kind", "in_corpus", "source"]
    assert len(df) > 8000
    assert df["in_corpus"].dtype == bool
    # 04LILONGWE155: `REF: A. LILONGWE 149` (in the file) and `B. 03 LILONGWE 1202` (not in it).
    rows = df[df.citing == "04LILONGWE155"]
    assert list(rows.cited) == ["04LILONGWE149", "03LILONGWE1202"]
    assert list(rows.label) == ["A", "B"]
    assert list(rows.in_corpus) == [True, False]
    # The citing cable's source, as `cable refs` writes it: the row of the file.
    assert rows.source.nunique() == 1 and rows.source.iloc[0].startswith(f"{csv}:")
    # The most cited cable of the file.
    assert df.groupby("cited").citing.nunique().idxmax() == "03LILONGWE1202"


def test_citations_without_pandas_or_cables():
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            cable.citations([])
        return
    assert len(cable.citations([])) == 0
    with pytest.raises(TypeError):
        cable.citations([1])
