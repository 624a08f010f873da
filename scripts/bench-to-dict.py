"""Times Cable.to_dict() (serde straight into Python objects) against what it was before,
json.loads(cable.to_json()), side by side on the same parsed cables: the rows of
cables-real-dev.csv. Prints the median of 5 runs of each and the ratio."""

import json
import statistics
import sys
import time

import cable

cables = list(cable.read_csv(sys.argv[1]))


def run(f):
    times = []
    for _ in range(5):
        t = time.perf_counter()
        for c in cables:
            f(c)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


old = run(lambda c: json.loads(c.to_json()))
new = run(lambda c: c.to_dict())
print(f"  {len(cables)} cables: json.loads(to_json()) {old:.3f} s, to_dict() {new:.3f} s: {old / new:.2f}x faster")
