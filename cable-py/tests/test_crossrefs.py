"""The contract additions of issue 19: cross-references from paragraph text (``links``), the
drafting block (``drafting``) and the whole text's marking (``document_marking``). Expected
values were read from the committed fixtures by hand."""

from pathlib import Path

import pytest

import cable

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


@pytest.fixture(scope="module")
def state28302():
    return cable.parse_file(FIXTURES / "09STATE28302.html")


def test_links(state28302):
    c = state28302
    links = c.links
    assert isinstance(links, tuple) and all(isinstance(l, cable.Link) for l in links)
    # `(REFS A and B)` in paragraph 2, `paragraph 5` in paragraph 3.
    assert [(l.kind, l.paragraph, l.target, l.number) for l in links] == [
        ("reference", 1, 0, None),
        ("reference", 1, 1, None),
        ("paragraph", 2, 4, 5),
    ]
    raw = c.text.encode()
    assert [raw[slice(*l.span)] for l in links] == [b"A", b"B", b"5"]
    assert c.references[links[1].target].label == "B"
    assert c.paragraphs[links[2].target].number == 5
    assert [l.to_dict() for l in links] == c.to_dict()["links"]
    assert "reference" in repr(links[0])


def test_links_table(state28302):
    pa = pytest.importorskip("pyarrow")
    t = cable.to_arrow([state28302], table="links")
    assert isinstance(t, pa.Table) and t.num_rows == 3
    assert t.column("number").to_pylist() == [None, None, 5]
    assert t.column("kind").to_pylist() == ["reference", "reference", "paragraph"]


def test_drafting():
    c = cable.parse_file(FIXTURES / "09DOHA214.html")
    d = c.drafting
    assert isinstance(d, cable.Drafting)
    assert d.drafted == "P/E:MZEBLEY"
    assert d.cleared == ("P/E: DFABRYCKY", "P/E: RICE", "DCM: MRATNEY")
    assert d.approved == "AMB:JLABARON"
    assert c.text.encode()[slice(*d.span)].startswith(b"APPROVED: AMB:JLABARON")
    assert d.to_dict() == c.to_dict()["drafting"]
    assert cable.parse_file(FIXTURES / "09STATE28302.html").drafting is None


def test_document_marking():
    c = cable.parse_file(FIXTURES / "90CAPETOWN97.html")
    m = c.document_marking
    assert (m.level, m.caveats, m.raw) == ("CONFIDENTIAL", (), "CONFIDENTIAL - ENTIRE TEXT")
    assert c.text.encode()[slice(*m.span)] == b"CONFIDENTIAL - ENTIRE TEXT"
    # Paragraph 1 keeps it as its marking.
    assert c.paragraphs[0].marking.raw == "CONFIDENTIAL - ENTIRE TEXT"
    assert c.to_dict()["document_marking"]["span"] == list(m.span)
    assert cable.parse_file(FIXTURES / "09STATE28302.html").document_marking is None
