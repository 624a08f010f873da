"""Every error path: wrong types, empty, binary, invalid UTF-8, malformed CSV rows, missing files."""

import os
import pickle

import pytest

import cable

ROW = (
    '"{id}","12/28/1966 18:48","66BUENOSAIRES{id}","Embassy Buenos Aires","UNCLASSIFIED","",'
    '"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES","UNCLASSIFIED BUENOS AIRES {id} \n'
    'SUBJECT: IRAN\\\'S \\"PREFERENTIAL\\" TEST"\n'
)
BAD_ROW = '"2","1/1/2000 0:00","00X1","o","c","","h" oops,"b"\n'


def test_the_hierarchy():
    for cls in (cable.NotACableError, cable.EncodingError, cable.CsvRowError):
        assert issubclass(cls, cable.CableError)
    assert issubclass(cable.CableError, ValueError)
    assert cable.CableError.__module__ == "cable"
    # The attributes exist on every instance, also one made by hand.
    e = cable.CableError("made by hand")
    assert (e.message, e.kind, e.position, e.row, e.path) == ("", "", 0, None, None)
    assert cable.CsvRowError.__doc__ and "row" in cable.CsvRowError.__doc__


@pytest.mark.parametrize("value", [42, None, 3.5, ["text"], {"a": 1}, object()])
def test_wrong_argument_types_are_type_errors(value):
    with pytest.raises(TypeError, match=r"parse\(\) expects str or bytes"):
        cable.parse(value)
    with pytest.raises(TypeError, match=r"parse_html\(\) expects str or bytes"):
        cable.parse_html(value)


def test_wrong_path_and_option_types():
    with pytest.raises(TypeError):
        cable.parse_file(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cable.read_csv(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cable.read_dir(b"\x00")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cable.parse("UNCLASSIFIED X 1", year="2004")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cable.parse("UNCLASSIFIED X 1", 2004)  # type: ignore[misc]
    with pytest.raises(ValueError, match="errors must be 'replace' or 'strict'"):
        cable.parse("UNCLASSIFIED X 1", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="on_error must be 'raise' or 'skip'"):
        cable.read_csv(os.devnull, on_error="warn")  # type: ignore[arg-type]


@pytest.mark.parametrize("data", ["", "   \n\t\n", b"", bytearray(b"\n\n")])
def test_empty_input(data):
    with pytest.raises(cable.NotACableError) as info:
        cable.parse(data)
    e = info.value
    assert (e.kind, e.position, e.row, e.path) == ("empty", 0, None, None)
    assert e.message == str(e) == "empty input at line 1, column 1"
    assert isinstance(e, ValueError)


def test_text_that_is_not_a_cable():
    with pytest.raises(cable.NotACableError) as info:
        cable.parse("\n\nJust some words about the weather.\nAnd more.\n")
    e = info.value
    assert e.kind == "not_a_cable"
    assert e.position == 2  # the first line that is not blank
    assert "line 3, column 1" in e.message


def test_binary_input():
    with pytest.raises(cable.NotACableError) as info:
        cable.parse("PK\x03\x04\x00\x00\x00\x08\x00binary\x00\x00\x01\x02")
    assert (info.value.kind, info.value.position) == ("binary", 4)  # the first NUL
    # Bytes are checked before decoding, which would replace the NUL and control bytes.
    for data in (bytes(range(256)) * 8, b"\x7fELF\x02\x01\x01\x00" + bytes(4000)):
        with pytest.raises(cable.NotACableError) as info:
            cable.parse(data)
        assert info.value.kind == "binary"
    with pytest.raises(cable.NotACableError) as info:
        cable.parse_html(b"\x00\x01\x02<pre>UNCLAS KABUL 1</pre>")
    assert info.value.kind == "binary"


def test_invalid_utf8_is_decoded_with_warnings(seed_text):
    raw = seed_text.encode()
    bad = raw.replace(b"Russia's", b"Russia\x92s", 1).replace(b"FORECAST", b"FOREC\xffST", 1)
    c = cable.parse(bad)
    assert c.reference_id == "07MOSCOW5434"
    assert c.subject.startswith("KOSOVO: RUSSIAN FOREC\u00ffST")  # 0xFF read as Latin-1
    assert "Russia\u2019s Kosovo" in c.body  # 0x92 read as Windows-1252
    kinds = [(w.kind, w.text) for w in c.warnings if w.kind == "lossy_decoding"]
    assert kinds == [("lossy_decoding", "\u00ff"), ("lossy_decoding", "\u2019")]
    w = c.warnings[0]
    assert c.text.encode()[slice(*w.span)].decode() == "\u00ff"
    assert w.to_dict() == c.to_dict()["warnings"][0]
    assert w.to_dict()["message"] == "invalid bytes replaced while decoding"


def test_invalid_utf8_with_errors_strict(seed_text):
    raw = seed_text.encode()
    at = raw.index(b"FORECAST") + 5
    bad = raw[:at] + b"\xff" + raw[at + 1 :]
    with pytest.raises(cable.EncodingError) as info:
        cable.parse(bad, errors="strict")
    e = info.value
    assert (e.kind, e.position) == ("invalid_bytes", at)
    assert isinstance(e, cable.CableError) and isinstance(e, ValueError)
    # Valid UTF-8 passes in strict mode.
    assert cable.parse(raw, errors="strict").reference_id == "07MOSCOW5434"


def test_str_with_surrogates(seed_text):
    # Undecodable bytes kept by errors="surrogateescape" go back to being bytes.
    escaped = (seed_text.encode().replace(b"FORECAST", b"FOREC\xffST", 1)).decode("utf-8", "surrogateescape")
    c = cable.parse(escaped)
    assert c.subject.startswith("KOSOVO: RUSSIAN FOREC\u00ffST")
    assert [w.kind for w in c.warnings if w.kind != "recovered_paragraph_number"] == ["lossy_decoding"]
    # Other lone surrogates are not text.
    with pytest.raises(cable.EncodingError) as info:
        cable.parse("UNCLASSIFIED X 1\n\ud800")
    assert (info.value.kind, info.value.position) == ("lone_surrogate", 17)


def test_page_errors(tmp_path, seed_text):
    with pytest.raises(cable.NotACableError) as info:
        cable.parse_html("<html><body>no cable here</body></html>")
    assert info.value.kind == "no_pre_block"
    page = "<table class='cable'></table><code><pre>" + seed_text.replace("\n", "&#x000A;") + "</pre></code>"
    with pytest.raises(cable.EncodingError):
        cable.parse_html(page.encode().replace(b"FORECAST", b"FOREC\xffST"), errors="strict")
    c = cable.parse_html(page.encode().replace(b"FORECAST", b"FOREC\xffST"))
    # The replaced byte is reported once for the page as a whole (its place in the text is
    # lost with the markup).
    assert [(w.kind, w.span) for w in c.warnings if w.kind == "lossy_decoding"] == [("lossy_decoding", (0, 0))]
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert cable.parse_file(path).reference_id == "07MOSCOW5434"


def test_missing_files():
    missing = os.path.join(os.sep, "no", "such", "cable.txt")
    for func in (cable.parse_file, cable.read_csv, cable.read_dir):
        with pytest.raises(FileNotFoundError) as info:
            func(missing)
        assert info.value.filename == missing


def test_file_errors(tmp_path, corpus):
    with pytest.raises(IsADirectoryError):
        cable.parse_file(tmp_path)
    with pytest.raises(NotADirectoryError):
        cable.read_dir(corpus / "cables-real-dev.csv")
    with pytest.raises(cable.NotACableError) as info:
        cable.parse_file(corpus / "cables-real-dev.csv")
    assert info.value.kind == "csv_file"
    assert "read_csv" in info.value.message
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(cable.NotACableError) as info:
        cable.parse_file(empty)
    assert info.value.kind == "empty"
    assert info.value.path == str(empty)
    assert str(info.value).startswith(str(empty) + ": ")


def test_malformed_csv_row_raises_and_the_reader_goes_on(tmp_path):
    data = ROW.format(id=1) + "\n" + BAD_ROW + ROW.format(id=3)
    path = tmp_path / "cables.csv"
    path.write_text(data, encoding="utf-8")
    reader = cable.read_csv(path)
    first = next(reader)
    assert first.reference_id == "66BUENOSAIRES1"
    assert first.subject == "IRAN'S \"PREFERENTIAL\" TEST"
    with pytest.raises(cable.CsvRowError) as info:
        next(reader)
    e = info.value
    assert (e.kind, e.row, e.path) == ("expected_separator", 2, str(path))
    assert e.position == len(ROW.format(id=1).encode()) + 1  # where row 2 starts in the file
    assert "row 2" in e.message and str(path) in e.message
    third = next(reader)
    assert (third.reference_id, third.envelope.row_id) == ("66BUENOSAIRES3", 3)
    with pytest.raises(StopIteration):
        next(reader)
    # A for loop stops at the error; on_error="skip" collects it instead.
    reader = cable.read_csv(path, on_error="skip")
    assert [c.envelope.row_id for c in reader] == [1, 3]
    assert len(reader.errors) == 1
    assert isinstance(reader.errors[0], cable.CsvRowError) and reader.errors[0].row == 2


def test_truncated_csv_and_rows_without_a_cable(tmp_path):
    path = tmp_path / "cut.csv"
    whole = ROW.format(id=1) + ROW.format(id=2)
    path.write_text(whole[:-30], encoding="utf-8")
    reader = cable.read_csv(path, on_error="skip")
    assert [c.envelope.row_id for c in reader] == [1]
    (e,) = reader.errors
    assert (type(e), e.kind, e.row) == (cable.CsvRowError, "truncated", 2)
    # A well-formed row whose text holds no cable.
    path = tmp_path / "words.csv"
    path.write_text('"7","1/1/2000 0:00","00X1","o","c","","","just words"\n', encoding="utf-8")
    with pytest.raises(cable.NotACableError) as info:
        next(cable.read_csv(path))
    assert (info.value.kind, info.value.row, info.value.path) == ("not_a_cable", 1, str(path))


def test_read_dir_errors(tmp_path, seed_text):
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("not a cable at all", encoding="utf-8")
    (tmp_path / "c.txt").write_text(seed_text, encoding="utf-8")
    with pytest.raises(cable.NotACableError) as info:
        list(cable.read_dir(tmp_path))
    assert info.value.path == str(tmp_path / "b.txt")
    reader = cable.read_dir(tmp_path, on_error="skip")
    assert len(list(reader)) == 2
    assert [e.path for e in reader.errors] == [str(tmp_path / "b.txt")]


def test_errors_pickle_as_value_errors():
    e = pickle.loads(pickle.dumps(cable.NotACableError("x")))
    assert isinstance(e, cable.NotACableError) and str(e) == "x"
