"""Times Cable.to_dict() (serde straight into Python objects) against what it was before,
json.loads(cable.to_json()), on the same parsed cables: the rows of cables-real-dev.csv. The two
are timed in turn, 7 rounds, so that a change in the machine's load hits both alike; prints the
median time of each and the median of the rounds' ratios."""

import json
import statistics
import sys
import time

import cable

cables = list(cable.read_csv(sys.argv[1]))


def once(f):
    t = time.perf_counter()
    for c in cables:
        f(c)
    return time.perf_counter() - t


old, new = [], []
for _ in range(7):
    old.append(once(lambda c: json.loads(c.to_json())))
    new.append(once(lambda c: c.to_dict()))
ratio = statistics.median(o / n for o, n in zip(old, new))
print(
    f"  {len(cables)} cables: json.loads(to_json()) {statistics.median(old):.3f} s, "
    f"to_dict() {statistics.median(new):.3f} s: {ratio:.2f}x faster"
)
