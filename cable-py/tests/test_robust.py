"""Issue 14: no input crashes the interpreter, blows up or is silently lost."""

import itertools
import signal
from pathlib import Path

import pytest

import cable


def test_a_word_repeated_on_the_last_line_is_no_segfault():
    # A call per repeated word: a stack overflow, a segmentation fault of the interpreter.
    with pytest.raises(cable.NotACableError) as info:
        cable.parse("x y\n" + "A " * 60000)
    assert info.value.kind == "not_a_cable"
    c = cable.parse("UNCLASSIFIED\n\n1. It ended. " + "ORDWAY " * 100000)
    assert c.signers == ("ORDWAY",)


def test_a_ref_line_citing_many_cables_stays_small():
    serials = ", ".join(str(n) for n in range(1, 10001))
    c = cable.parse(f"UNCLASSIFIED\n\nSUBJECT: X\n\nREF: STATE {serials}\n\n1. Text.\n")
    assert len(c.references) == 10000
    assert c.references[-1].text == "10000"
    assert len(c.to_json()) < 40 * 70000


def test_a_character_across_the_detection_window(tmp_path: Path):
    path = tmp_path / "cable.txt"
    path.write_bytes(b"a" * 65535 + "é\nCONFIDENTIAL\n\n1. x\n".encode())
    assert cable.parse_file(path).paragraphs


def test_binary_files_are_binary_in_every_reader(tmp_path: Path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00" * 64)
    with pytest.raises(cable.NotACableError) as info:
        cable.parse_file(path)
    assert info.value.kind == "binary"
    with pytest.raises(cable.NotACableError) as info:
        next(cable.read_dir(tmp_path))
    assert info.value.kind == "binary"


def _csv(path: Path, seed: str, rows: int) -> None:
    body = seed.replace("\\", "\\\\").replace('"', '\\"')
    with path.open("w", encoding="utf-8") as f:
        for i in range(1, rows + 1):
            f.write(f'"{i}","11/17/2007 12:31","07MOSCOW5434","Embassy Moscow","CONFIDENTIAL","","","{body}"\n')


def test_long_loops_check_for_signals(tmp_path: Path, seed_text: str):
    # `list(read_csv(...))` runs no Python code between rows: Ctrl-C waited for the whole file.
    path = tmp_path / "cables.csv"
    _csv(path, seed_text, 2000)
    readers = [cable.read_csv(path) for _ in range(20)]

    class Alarm(Exception):
        pass

    def on_alarm(signum, frame):
        raise Alarm

    old = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(Alarm):
            list(itertools.chain(*readers))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    # Interrupted on the way: the last reader was never started.
    assert next(readers[-1]).reference_id == "07MOSCOW5434"


def test_a_directory_is_no_csv_file(tmp_path: Path):
    with pytest.raises(OSError):
        next(cable.read_csv(tmp_path))
