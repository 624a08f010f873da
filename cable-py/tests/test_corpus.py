"""Real cables of the corpus: pages, CSV rows, directories. Expected values were read from the
texts by hand."""

import datetime
import importlib.util
import json
import os
import subprocess
from pathlib import Path

import cable
import pytest

UTC = datetime.timezone.utc


def test_page_tehran_1972(pages):
    """72TEHRAN1164: an ACP-126 header without routing lines, three cable references."""
    c = cable.parse_file(pages / "1972" / "02" / "72TEHRAN1164.html")
    assert c.reference_id == "72TEHRAN1164"
    assert c.created == datetime.datetime(1972, 2, 25, 9, 30, tzinfo=UTC)
    assert (c.precedence, c.sender, c.transmission_id) == ("ROUTINE", "AMEMBASSY TEHRAN", None)
    assert [(r.name, r.mcn) for r in c.to] == [("SECSTATE WASHDC", "7561")]
    assert [r.name for r in c.info] == ["SECDEF", "EUCOM", "CSAF"]
    assert c.classification == "UNCLASSIFIED"
    assert (c.section.number, c.section.total) == (1, 1)
    assert c.eo.order == "12958"
    assert c.eo.declassify_raw == "AS AMENDED; DECLASSIFIED JUNE 21, 2006"
    assert c.eo.declassify_on == datetime.date(2006, 6, 21)
    assert c.tags == ("MASS", "MARR", "IR")
    assert c.subject == "ACCELERATION OF F-4ES FOR IRAN"
    assert [(r.kind, r.id, r.station, r.serial, r.year) for r in c.references] == [
        ("cable", "72TEHRAN1091", "TEHRAN", 1091, 1972),
        ("cable", "72TEHRAN263", "TEHRAN", 263, 1972),
        ("cable", "72MOSCOW1603", "MOSCOW", 1603, 1972),
    ]
    # One item citing three cables: each citation has its own words (issue 14).
    assert [r.text for r in c.references] == ["TEHRAN 1091", "TEHRAN 263", "MOSCOW 1603"]
    assert repr(c.references[0]) == "Reference(kind='cable', id='72TEHRAN1091')"
    env = c.envelope
    assert isinstance(env, cable.Envelope)
    assert (env.kind, env.reference_id, env.created, env.released) == (
        "cablegate_html",
        "72TEHRAN1164",
        "1972-02-25 09:09",
        "2010-11-28 18:06",
    )
    assert env.classification == "UNCLASSIFIED" and env.origin == "Embassy Tehran"
    assert env.to_dict() == c.to_dict()["envelope"]


def test_page_sofia_partial_record_with_subject_marking(pages):
    """05SOFIA1207: a partial extract; `SUBJECT: (U) ...`, a free-text tag, `EO` without dots."""
    c = cable.parse_file(pages / "2005" / "07" / "05SOFIA1207.html")
    assert c.partial is True
    assert c.reference_id == "05SOFIA1207"
    assert (c.sender, c.to, c.info, c.dtg) == (None, (), (), None)
    # No date-time group: the date comes from the page's table.
    assert c.created is not None and c.created.date() == datetime.date(2005, 7, 7)
    assert c.classification == "CONFIDENTIAL"
    assert (c.section.number, c.section.total) == (1, 9)
    assert c.caveats == ("SIPDIS",)
    assert c.eo.declassify_on == datetime.date(2015, 7, 7)
    assert c.tags == ("PINR", "KCRM", "PGOV", "EINV", "ECON", "KCOR", "BU", "ORGANIZED CRIME")
    assert c.subject == "BULGARIAN ORGANIZED CRIME (C-CN5-00054)"
    m = c.subject_marking
    assert isinstance(m, cable.Marking)
    assert (m.level, m.caveats, m.raw) == ("UNCLASSIFIED", (), "(U)")
    assert m.to_dict() == {"level": "UNCLASSIFIED", "caveats": [], "raw": "(U)"}
    assert c.classified_by.names == ("JAMES PARDEW",)
    assert c.classified_by.reasons == ("1.4(c)",)  # `FOR REASON` and, after a blank line, `1.4(C).`
    # `REF: A. A. STATE 99125  B. B. SOFIA 1046`: the labels are doubled in the text.
    assert [(r.label, r.id) for r in c.references] == [("A", "05STATE99125"), ("B", "05SOFIA1046")]


def test_page_state_2009_with_inbox_header(pages):
    """09STATE63860: an inbox printout (`INFO LOG-00` block) of a SECRET//NOFORN State cable."""
    c = cable.parse_html((pages / "2009" / "06" / "09STATE63860.html").read_bytes())
    assert c.reference_id == "09STATE63860"
    assert c.created == datetime.datetime(2009, 6, 19, 17, 17, tzinfo=UTC)
    assert (c.precedence, c.sender) == ("PRIORITY", "SECSTATE WASHDC")
    assert [r.name for r in c.to] == ["SECURITY OFFICER COLLECTIVE", "AMEMBASSY TRIPOLI"]
    assert [r.name for r in c.info] == ["AMCONSUL CASABLANCA"]
    assert (c.classification, c.caveats) == ("SECRET", ("NOFORN",))
    assert c.eo.declassify_raw == "MR"
    assert c.tags == ("ASEC",)
    assert c.subject == "DIPLOMATIC SECURITY DAILY"
    assert c.envelope.classification == "SECRET//NOFORN"
    for w in c.warnings:
        assert isinstance(w, cable.ParseWarning)
        assert c.text.encode()[slice(*w.span)].decode().startswith(w.text)


def test_page_as_str_bytes_and_file_agree(pages):
    path = pages / "1972" / "02" / "72TEHRAN1164.html"
    from_file = cable.parse_file(path).to_dict()
    assert cable.parse_html(path.read_text(encoding="utf-8")).to_dict() == from_file
    assert cable.parse_html(path.read_bytes()).to_dict() == from_file


def test_read_csv_streams_every_row(corpus):
    reader = cable.read_csv(corpus / "cables-real-dev.csv")
    assert iter(reader) is reader
    n = 0
    first = last = None
    ids = set()
    for c in reader:
        n += 1
        first = first or c
        last = c
        ids.add(c.envelope.row_id)
    assert n == 8791
    assert len(ids) == 8791
    assert reader.errors == []
    # Row 1: the oldest cable of the file.
    assert first.reference_id == "66BUENOSAIRES2481"
    assert first.created == datetime.datetime(1966, 12, 28, 18, 48, tzinfo=UTC)
    assert first.sender == "AMEMBASSY BUENOS AIRES"
    assert (first.envelope.kind, first.envelope.row_id) == ("cables_csv", 1)
    assert first.envelope.references == ("66STATE106206",)
    # The last row.
    assert last.reference_id == "05YEREVAN53"
    assert last.envelope.row_id == 25333
    assert last.classification == "CONFIDENTIAL"
    assert last.created.date() == datetime.date(2005, 1, 13)


def test_csv_row_values(corpus):
    """Row 2 (72TEHRAN1164, as on its page), row id 15261 (04CARACAS975, a partial record) and
    row id 7675 (03MONTREAL543, signed by two people)."""
    wanted = {2: None, 15261: None, 7675: None}
    for c in cable.read_csv(corpus / "cables-real-dev.csv"):
        if c.envelope.row_id in wanted:
            wanted[c.envelope.row_id] = c
    tehran, caracas = wanted[2], wanted[15261]
    assert tehran.reference_id == "72TEHRAN1164"
    assert tehran.envelope.origin == "Embassy Tehran"
    assert tehran.envelope.created == "2/25/1972 9:30"
    assert sorted(tehran.envelope.references) == ["72MOSCOW1603", "72TEHRAN1091", "72TEHRAN263"]
    assert [r.id for r in tehran.references] == ["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"]
    assert tehran.tags == ("MASS", "MARR", "IR")

    assert caracas.reference_id == "04CARACAS975"
    assert caracas.partial is True
    assert caracas.dtg is None
    # No date-time group: the CSV date, to the minute.
    assert caracas.created == datetime.datetime(2004, 3, 23, 14, 59, tzinfo=UTC)
    assert caracas.caveats == ("SIPDIS",)
    assert caracas.distribution == (
        "NSC FOR CBARTON",
        "USCINCSO ALSO FOR POLAD",
        "USAID DCHA/OTI FOR RPORTER",
        "DRL/PHD FOR JDAVIS",
    )
    assert caracas.eo.declassify_on == datetime.date(2013, 6, 3)
    assert caracas.tags == ("PHUM", "PGOV", "PINS", "VE")
    assert caracas.subject == "HUMAN RIGHTS VIOLATIONS CLOSE-UP: DETENTIONS"
    assert caracas.classified_by.names == ("ABELARDO A. ARIAS",)
    d = caracas.to_dict()
    assert json.loads(json.dumps(d)) == d

    montreal = wanted[7675]
    assert montreal.reference_id == "03MONTREAL543"
    assert montreal.signature == "PRICE KANTER"
    assert montreal.signers == ("PRICE", "KANTER")


def test_csv_rows_with_lossy_decoding(corpus):
    """Some rows hold bytes that are not UTF-8: decoded, and reported as warnings."""
    lossy = []
    for c in cable.read_csv(corpus / "cables-real-dev.csv"):
        ws = [w for w in c.warnings if w.kind == "lossy_decoding"]
        if ws:
            lossy.append((c, ws))
    assert lossy, "the corpus has rows that are not UTF-8"
    c, ws = lossy[0]
    assert ws[0].message == "invalid bytes replaced while decoding"
    assert c.text.encode()[slice(*ws[0].span)].decode() == ws[0].text
    # With errors="strict" the same rows raise EncodingError (and the reader goes on).
    reader = cable.read_csv(corpus / "cables-real-dev.csv", errors="strict", on_error="skip")
    good = sum(1 for _ in reader)
    assert len(reader.errors) == len(lossy)
    assert good + len(lossy) == 8791
    err = reader.errors[0]
    assert isinstance(err, cable.EncodingError)
    assert err.row is not None and err.path.endswith("cables-real-dev.csv")


def test_read_dir_walks_pages(pages):
    expected = sorted(p for p in (pages / "2009").rglob("*.html"))
    got = list(cable.read_dir(pages / "2009"))
    assert len(got) == len(expected) > 0
    assert [c.envelope.reference_id for c in got] == [p.stem for p in expected]


def test_read_dir_mixes_texts_pages_and_csv(tmp_path, pages, seed_text, corpus):
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "b").mkdir()
    page = pages / "1972" / "02" / "72TEHRAN1164.html"
    (tmp_path / "b" / "page.html").write_bytes(page.read_bytes())
    with open(corpus / "cables-real-dev.csv", "rb") as f:
        head = b"".join(f.readline() for _ in range(400))
    rows = [c for c in cable.read_csv(corpus / "cables-real-dev.csv")][:3]
    # The first three rows, cut at the start of the fourth.
    fourth = head.index(b'\n"4","')
    (tmp_path / "c.csv").write_bytes(head[: fourth + 1])
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    got = list(cable.read_dir(tmp_path))
    assert [c.reference_id for c in got] == [
        "07MOSCOW5434",
        "72TEHRAN1164",
        *[r.reference_id for r in rows],
    ]
    assert got[1].envelope.kind == "cablegate_html"
    assert got[2].envelope.kind == "cables_csv"


def test_page_and_csv_cables_pickle_with_their_envelope(pages, corpus):
    import pickle

    page = cable.parse_file(pages / "2005" / "07" / "05SOFIA1207.html")
    rows = [c for _, c in zip(range(50), cable.read_csv(corpus / "cables-real-dev.csv"))]
    for c in [page, *rows]:
        restored = pickle.loads(pickle.dumps(c))
        assert restored.to_dict() == c.to_dict()
        assert restored.envelope == c.envelope
        assert restored.source == c.source


def test_a_cable_knows_where_it_was_read(pages, corpus, seed_text):
    # The core's walk names each input; the cable carries the name (issue 18), as the command's
    # `source` does.
    path = pages / "2005" / "07" / "05SOFIA1207.html"
    assert cable.parse_file(path).source == str(path)
    assert cable.parse_file(str(path)).source == str(path)
    csv = corpus / "cables-real-dev.csv"
    first = [c.source for _, c in zip(range(3), cable.read_csv(csv))]
    assert first == [f"{csv}:1", f"{csv}:2", f"{csv}:3"]
    sofia = [c for c in cable.read_dir(pages / "2005" / "07") if c.reference_id == "05SOFIA1207"]
    assert [c.source for c in sofia] == [str(path)]
    assert cable.parse(seed_text).source is None


def test_pickled_lossy_rows_keep_their_warnings(corpus):
    import pickle

    for c in cable.read_csv(corpus / "cables-real-dev.csv"):
        if any(w.kind == "lossy_decoding" for w in c.warnings):
            assert pickle.loads(pickle.dumps(c)).warnings == c.warnings
            break
    else:
        raise AssertionError("no row with lossy_decoding warnings")


def test_compressed_files_and_file_objects_give_the_same_rows(corpus, tmp_path):
    # Issue 15: a .gz path, a gzip.open() object and an io.BytesIO give the plain file's rows.
    import gzip
    import io

    plain = corpus / "cables-real-dev.csv"
    ids = [c.reference_id for c in cable.read_csv(plain)]
    gz = tmp_path / "real.csv.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes(), compresslevel=1))
    assert [c.reference_id for c in cable.read_csv(gz)] == ids
    with gzip.open(gz) as f:
        assert [c.reference_id for c in cable.read_csv(f)] == ids
    assert [c.reference_id for c in cable.read_csv(io.BytesIO(plain.read_bytes()))] == ids
    with plain.open(encoding="utf-8") as text_mode, pytest.raises(OSError, match="binary mode"):
        list(cable.read_csv(text_mode))


def test_to_arrow_gives_typed_tables_that_duckdb_reads(corpus):
    # Issue 15: the core's Arrow tables through the C stream interface.
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed: Arrow tests skipped")
    path = corpus / "cables-real-dev.csv"
    ids = [c.reference_id for c in cable.read_csv(path)]
    t = cable.to_arrow(cable.read_csv(path))
    assert t.num_rows == len(ids) == 8791
    assert t.column("reference_id").to_pylist() == ids
    assert t.schema.field("created").type == pa.timestamp("us", tz="UTC")
    assert pa.types.is_dictionary(t.schema.field("classification").type)
    assert t.schema.field("declassify_on").type == pa.date32()
    # As cable parse (JSON) counts them, and cable refs.
    assert cable.to_arrow(cable.read_csv(path), table="paragraphs").num_rows == 63569
    cites = cable.to_arrow(cable.read_csv(path), table="citations")
    assert cites.num_rows == 8504
    # `in_corpus` as `cable.citations()` (and `cable refs`) gives it: resolved over the whole file.
    # 04LILONGWE155: `REF: A. LILONGWE 149` (in the file) and `B. 03 LILONGWE 1202` (not in it).
    import pyarrow.compute as pc

    rows = cites.filter(pc.equal(cites.column("citing"), "04LILONGWE155"))
    assert rows.column("cited").to_pylist() == ["04LILONGWE149", "03LILONGWE1202"]
    assert rows.column("in_corpus").to_pylist() == [True, False]
    if importlib.util.find_spec("pandas"):
        edges = cable.citations(cable.read_csv(path))
        assert cites.column("cited").to_pylist() == list(edges.cited)
        assert cites.column("in_corpus").to_pylist() == list(edges.in_corpus)
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    assert duckdb.sql("select count(*) from t where classification = 'SECRET'").fetchall() == [(469,)]
    with pytest.raises(ValueError, match="table must be"):
        cable.to_arrow([], table="rows")


def test_parquet_export_reads_back_in_duckdb(corpus, tmp_path):
    """`cable export --format parquet` of the real CSV (the command built by `cargo test` or
    `cargo build`), read by DuckDB: the rows, and the nested columns by their fields."""
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    root = Path(__file__).resolve().parents[2]
    # `$CABLE_CLI`, else the debug build that `cargo test --workspace` (scripts/test) has just
    # made: a release build may be older than the tree.
    candidates = [Path(os.environ["CABLE_CLI"])] if "CABLE_CLI" in os.environ else []
    candidates += [root / "target" / p / "cable" for p in ("debug", "release")]
    binary = next((b for b in candidates if b.exists()), None)
    if binary is None:
        pytest.skip("the cable command is not built (cargo build -p cable-cli)")
    out = tmp_path / "cables.parquet"
    subprocess.run([binary, "export", "--format", "parquet", "-q", "-o", out, corpus / "cables-real-dev.csv"], check=True)
    t = f"'{out}'"
    q = lambda sql: duckdb.sql(sql).fetchall()  # noqa: E731
    assert q(f"select count(*) from {t}") == [(8791,)]
    # 72TEHRAN1164: `TO SECSTATE WASHDC 7561`, `INFO SECDEF` `EUCOM` `CSAF`; three cited cables.
    # (`to` is an SQL keyword: quoted.)
    tehran = f"from {t} where reference_id = '72TEHRAN1164'"
    assert q(f'select "to"[1].name, "to"[1].mcn, len(info), info[3].name {tehran}') == [
        ("SECSTATE WASHDC", "7561", 3, "CSAF")
    ]
    assert q(f'select [r.id for r in "references"] {tehran}') == [(["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"],)]
    # 04LILONGWE155: paragraph 2 under the caption `COMMENT`, marked `(SBU)`.
    p = "paragraphs[2]"
    assert q(f"select {p}.number, {p}.heading, {p}.marking.level from {t} where reference_id = '04LILONGWE155'") == [
        (2, "COMMENT", "SBU")
    ]
    cites = tmp_path / "citations.parquet"
    subprocess.run(
        [binary, "export", "--format", "parquet", "--citations", "-q", "-o", cites, corpus / "cables-real-dev.csv"],
        check=True,
    )
    n, in_corpus = duckdb.sql(f"select count(*), count(*) filter (in_corpus) from '{cites}'").fetchall()[0]
    assert n == 8504 and 0 < in_corpus < n


def test_to_arrow_without_pyarrow_says_what_to_install(seed_text):
    try:
        import pyarrow  # noqa: F401

        pytest.skip("pyarrow is installed: the missing-pyarrow path is tested on Python 3.8")
    except ImportError:
        pass
    with pytest.raises(ImportError, match="pip install"):
        cable.to_arrow([cable.parse(seed_text)])
