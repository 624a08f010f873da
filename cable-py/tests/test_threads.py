"""Parsing from several threads at once, with the interpreter released while parsing."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import cable


def test_threads_parse_at_once_and_agree(pages, seed_text):
    paths = sorted((pages / "2008").rglob("*.html"))[:60]
    texts = [p.read_bytes() for p in paths]
    serial = [cable.parse_html(t).to_dict() for t in texts] + [cable.parse(seed_text).to_dict()] * 20
    barrier = threading.Barrier(8)

    def work(i):
        if i < 8:
            barrier.wait(timeout=30)  # start the first eight together
        if i < len(texts):
            return cable.parse_html(texts[i]).to_dict()
        return cable.parse(seed_text).to_dict()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(len(serial))))
    assert results == serial


def test_one_reader_shared_by_threads(corpus):
    reader = cable.read_csv(corpus / "cables-real-dev.csv")
    seen = [[] for _ in range(4)]

    def drain(k):
        for c in reader:
            seen[k].append(c.envelope.row_id)

    threads = [threading.Thread(target=drain, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    rows = [r for s in seen for r in s]
    assert len(rows) == len(set(rows)) == 8791


def test_parsing_releases_the_interpreter(seed_text):
    """While one thread parses a large input, another Python thread keeps running.

    The counting thread gives the interpreter back at every step (time.sleep(0)), so the main
    thread gets it back at once after parsing. If the parser held the interpreter, the counter
    could not move during the call (a C call that holds it, such as sorting a long list, lets
    it move once at most); released, it moves a hundred steps or more in 20 ms.
    """
    big = ("\n\n" + seed_text) * 3000  # about 22 MB: one long text of many cables
    count = 0
    stop = threading.Event()

    def counter():
        nonlocal count
        while not stop.is_set():
            count += 1
            time.sleep(0)

    t = threading.Thread(target=counter)
    t.start()
    try:
        moved = []
        for _ in range(5):
            before = count
            started = time.perf_counter()
            c = cable.parse(big)
            elapsed = time.perf_counter() - started
            moved.append((count - before, elapsed))
            if count - before >= 20:
                break
        assert c.reference_id == "07MOSCOW5434"
        assert max(m for m, _ in moved) >= 20, f"counter steps during parse (steps, seconds): {moved}"
    finally:
        stop.set()
        t.join()
