"""The body: paragraphs, markings, headings, cleaned text, passages, signature, breaks,
redactions. Expected values were read from the texts by hand."""

import pytest

import cable


@pytest.fixture(scope="module")
def seed(seed_text):
    return cable.parse(seed_text)


HEADINGS = [None, "Lavrov's Letter", None, None, None, "Tadic and Kostunica", "Bosnia", None, "Comment"]


def test_seed_paragraphs(seed, seed_text):
    ps = seed.paragraphs
    assert isinstance(ps, tuple) and len(ps) == 9
    assert all(isinstance(p, cable.Paragraph) for p in ps)
    assert [p.index for p in ps] == list(range(9))
    assert [p.number for p in ps] == list(range(1, 10))
    # The mangled numbers 11. 12. 13. are read as 1 to 3 (and warned about); written as they are.
    assert [p.written_number for p in ps[:5]] == ["11.", "12.", "13.", "¶4.", "¶5."]
    assert ps[8].written_number == "[¶](#)9."
    assert {p.marking.raw for p in ps} == {"(C)"}
    assert {p.level for p in ps} == {"CONFIDENTIAL"}
    assert ps[0].marking == ps[1].marking
    assert ps[0].marking.caveats == ()
    assert [p.heading for p in ps] == HEADINGS
    raw = seed_text.encode()
    assert raw[slice(*ps[1].heading_span)] == b"Lavrov's Letter"
    assert ps[0].heading_span is None
    assert all(p.items == () for p in ps)
    assert ps[0].text.startswith("Summary. Russia's Kosovo Troika Envoy Botsan-Kharchenko")
    assert ps[1].text.startswith("In a November 16 meeting, Special Envoy for the Balkans")
    assert raw[slice(*ps[1].span)].startswith(b"12. (C) In a November 16 meeting")
    assert raw[slice(*ps[1].text_span)].startswith(b"In a November 16 meeting")


def test_seed_paragraph_over_the_page_break(seed, seed_text):
    p6 = seed.paragraph(6)
    assert p6 is not None and p6.index == 5
    assert p6 == seed.paragraphs[5]
    assert p6.heading == "Tadic and Kostunica"
    assert "without hesitation, and reconfirmed" in p6.text
    assert "MOSCOW 00005434" not in p6.text
    # The break is in the paragraph as written, cut out of its text.
    (b,) = seed.breaks
    assert isinstance(b, cable.Break)
    assert (b.kind, b.page) == ("page", 2)
    assert seed_text.encode()[slice(*b.span)] == b"MOSCOW 00005434 002 OF 002"
    assert p6.span[0] < b.span[0] < b.span[1] < p6.span[1]
    assert repr(b) == "Break(kind='page', page=2, span=(4922, 4948))"
    assert seed.paragraph(10) is None
    assert seed.paragraph(0) is None


def test_seed_passages_and_signature(seed, seed_text):
    s = seed.summary
    assert isinstance(s, cable.Passage)
    assert s.kind == "summary"
    assert s.text.startswith("Russia's Kosovo Troika Envoy")
    assert s.text.endswith("unilateral independence.")
    assert s.paragraphs == (0,)
    assert seed_text.encode()[slice(*s.span)].startswith(b"Russia's Kosovo Troika Envoy")
    c = seed.comment
    assert c.kind == "comment"
    assert c.text.startswith("By hinting at differences")
    assert c.paragraphs == (8,)
    assert seed.action_request is None
    assert seed.notes == ()
    assert seed.signature == "BURNS"
    assert seed.signers == ("BURNS",)
    assert seed.redactions == ()
    assert repr(s) == "Passage(kind='summary', paragraphs=(0,), text=\"Russia's Kosovo Troika Envoy ...\")"


def test_seed_reprs(seed):
    p = seed.paragraph(2)
    assert repr(p) == (
        "Paragraph(number=2, marking='(C)', heading=\"Lavrov's Letter\", text='In a November 16 meeting, Special Envoy ...')"
    )


def test_body_objects_are_the_json(seed):
    d = seed.to_dict()
    assert [p.to_dict() for p in seed.paragraphs] == d["paragraphs"]
    assert seed.summary.to_dict() == d["summary"]
    assert seed.comment.to_dict() == d["comment"]
    assert d["action_request"] is None
    assert [n.to_dict() for n in seed.notes] == d["notes"]
    assert seed.signature == d["signature"]
    assert list(seed.signers) == d["signers"]
    assert d["redactions"] == {"count": len(seed.redactions), "spans": [list(r) for r in seed.redactions]}
    assert [b.to_dict() for b in seed.breaks] == d["breaks"]


def test_every_json_key_has_a_property(seed):
    for key in seed.to_dict():
        assert hasattr(cable.Cable, key), f"no Cable.{key}"
        assert getattr(cable.Cable, key).__doc__, f"Cable.{key} has no docstring"
        getattr(seed, key)


def test_body_objects_are_frozen_and_compare_by_value(seed):
    again = cable.parse(seed.text)
    assert again.paragraphs == seed.paragraphs
    assert hash(again.paragraphs[3]) == hash(seed.paragraphs[3])
    assert again.summary == seed.summary and hash(again.summary) == hash(seed.summary)
    assert again.breaks == seed.breaks
    assert seed.paragraphs[0] != seed.paragraphs[1]
    with pytest.raises(AttributeError):
        seed.paragraphs[0].text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        seed.summary.kind = "x"  # type: ignore[misc]
    for cls in (cable.Paragraph, cable.Passage, cable.Break, cable.Item):
        with pytest.raises(TypeError):
            cls()  # type: ignore[call-arg]


# A small cable written for the test: caveats, sub-items, a note, an action request, two signers,
# a redaction, an unmarked paragraph.
SMALL = (
    "S E C R E T STATE 000001\n\nSUBJECT: X\n\n"
    "1. (S//NF) ACTION REQUEST: Department asks posts to:\n"
    "A. deliver the points;\n"
    "B. report XXXXXXXXXXXX reactions.\n\n"
    "2. (C/REL GERMANY) Text (Note: a remark. End note.) goes on.\n\n"
    "3. Unmarked.\n\n"
    "KEEGAN PAAL\n"
)


def test_what_the_seed_lacks():
    c = cable.parse(SMALL)
    p1, p2, p3 = c.paragraphs
    assert (p1.level, p1.marking.caveats) == ("SECRET", ("NOFORN",))
    assert (p2.level, p2.marking.caveats, p2.marking.raw) == ("CONFIDENTIAL", ("REL GERMANY",), "(C/REL GERMANY)")
    assert (p3.marking, p3.level, p3.number) == (None, None, 3)
    a, b = p1.items
    assert isinstance(a, cable.Item)
    assert (a.label, a.text) == ("A.", "deliver the points;")
    assert (b.label, b.text) == ("B.", "report XXXXXXXXXXXX reactions.")
    assert SMALL.encode()[slice(*b.span)] == b"B. report XXXXXXXXXXXX reactions."
    assert repr(a) == "Item(label='A.', text='deliver the points;')"
    # A sub-item starts a new line of the cleaned text.
    assert p1.text == (
        "ACTION REQUEST: Department asks posts to:\nA. deliver the points;\nB. report XXXXXXXXXXXX reactions."
    )
    req = c.action_request
    assert req.kind == "action_request" and req.paragraphs == (0,)
    assert req.text.startswith("Department asks posts to:")
    (note,) = c.notes
    assert (note.kind, note.text, note.paragraphs) == ("note", "a remark.", (1,))
    assert c.summary is None and c.comment is None
    assert c.signature == "KEEGAN PAAL"
    assert c.signers == ("KEEGAN", "PAAL")
    (r,) = c.redactions
    assert SMALL.encode()[slice(*r)] == b"XXXXXXXXXXXX"
    assert c.breaks == ()
    d = c.to_dict()
    assert [p.to_dict() for p in c.paragraphs] == d["paragraphs"]
    assert d["paragraphs"][0]["items"][1] == {"label": "B.", "text": "report XXXXXXXXXXXX reactions.", "span": list(b.span)}
    assert note.to_dict() == d["notes"][0]


def test_page_nairobi_secret_noforn(pages):
    """09NAIROBI1801: nine (S//NF) paragraphs, three headings, two page breaks inside paragraphs,
    a summary and a `Comment` heading."""
    c = cable.parse_file(pages / "2009" / "08" / "09NAIROBI1801.html")
    assert c.classification == "SECRET"
    ps = c.paragraphs
    assert [p.number for p in ps] == list(range(1, 10))
    assert {p.marking.raw for p in ps} == {"(S//NF)"}
    assert {p.marking.caveats for p in ps} == {("NOFORN",)}
    assert [(p.number, p.heading) for p in ps if p.heading] == [
        (2, "Foreign Fighters: Origins and Motivations"),
        (8, "Kenyan CT Efforts"),
        (9, "Comment"),
    ]
    assert [(b.kind, b.page) for b in c.breaks] == [("page", 2), ("page", 3)]
    raw = c.text.encode()
    assert [raw[slice(*b.span)].rstrip() for b in c.breaks] == [
        b"NAIROBI 00001801 002 OF 003",
        b"NAIROBI 00001801 003 OF 003",
    ]
    # Both breaks fall inside paragraphs; their sentences are rejoined.
    assert "violent, often foreign, extremists, as demonstrated by Shirwa Ahmed" in ps[3].text
    assert ps[8].text.endswith(
        "a suitable location for jihad. Nevertheless, al-Qa,ida operatives coordinate with al-Shabaab,s core "
        "leaders, and continue to use Somalia as a staging and training base."
    )
    assert not any("NAIROBI 00001801" in p.text for p in ps)
    assert c.summary.text.startswith("U.S. Embassy Nairobi warmly welcomes CODEL Marshall")
    assert c.summary.paragraphs == (0,)
    assert c.comment.paragraphs == (8,)
    assert c.comment.text == ps[8].text
    assert (c.signature, c.signers) == ("RANNEBERGER", ("RANNEBERGER",))
    assert c.redactions == ()
    secret = [p for p in ps if p.level == "SECRET"]
    assert len(secret) == 9


def test_page_abuja_note_and_redactions(pages):
    """08ABUJA320: (S//NF) and (C//NF) paragraphs, an inline note, 28 redacted names."""
    c = cable.parse_file(pages / "2008" / "02" / "08ABUJA320.html")
    assert [p.marking.raw for p in c.paragraphs] == ["(S//NF)"] * 5 + ["(C//NF)", "(S//NF)"]
    assert [p.level for p in c.paragraphs][4:6] == ["SECRET", "CONFIDENTIAL"]
    (note,) = c.notes
    assert note.kind == "note" and note.paragraphs == (3,)
    assert note.text.startswith("Many Nigerian Muslims have criticized the GON's handling of the 2007 hajj")
    assert note.text.endswith("were never airlifted from Nigeria at all.")
    assert len(c.redactions) == 28
    raw = c.text.encode()
    assert all(raw[slice(*r)].startswith(b"XXXXXXXXXXXX") for r in c.redactions)
    assert c.signers == ("SANDERS",)


def test_sections_of_a_partial_record():
    # Issue 13: tests/fixtures/02VATICAN1922.csv: section 1 lost its routing lines; the
    # date-time group comes from section 2's header block, which is no paragraph text.
    from conftest import REPO

    c = next(iter(cable.read_csv(REPO / "tests" / "fixtures" / "02VATICAN1922.csv")))
    assert (c.reference_id, c.dtg) == ("02VATICAN1922", "180503Z APR 02")
    assert [(s["number"], s["total"]) for s in c.sections] == [(1, 2), (2, 2)]
    start, end = c.sections[1]["header_span"]
    header = c.text.encode()[start:end].decode()
    assert "FM AMEMBASSY VATICAN" in header and "INFO  LOG-00" in header
    assert not any("FM AMEMBASSY VATICAN" in p.text for p in c.paragraphs)
    assert c.to_dict()["sections"] == c.sections
