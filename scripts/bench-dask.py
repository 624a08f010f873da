"""cable.dask.read_csv on a LocalCluster of 1 and of 2 worker processes: best of 3 computes of the
whole file (blocksize 4 MB), cluster start-up excluded, and the speed-up (scripts/bench)."""

import sys
import time

import cable.dask
from distributed import Client, LocalCluster


def best_of_3(path: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        n = len(cable.dask.read_csv(path, blocksize=4_000_000).compute())
        best = min(best, time.perf_counter() - t0)
    assert n > 0
    return best


def main() -> None:
    path = sys.argv[1]
    times = {}
    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, Client(cluster):
            times[workers] = best_of_3(path)
        print(f"  dask read_csv, {workers} worker(s) {times[workers]:6.3f} s")
    print(f"  dask speed-up on 2 workers {times[1] / times[2]:.2f}x")


if __name__ == "__main__":
    main()
