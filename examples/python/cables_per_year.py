#!/usr/bin/env python3
"""Cables per year by classification, in a terminal.

    pip install ./cable-py pandas
    python examples/python/cables_per_year.py [path/to/cables.csv]

Streams the CSV file (the default is the corpus sample ../shared/corpus/cables-real-dev.csv), builds
a pandas DataFrame with one row per cable, and prints a table of years × classification levels with
a bar per year.
"""

import os
import sys
import time
from pathlib import Path

import cable

try:
    import pandas as pd
except ImportError:
    sys.exit("this example needs pandas: pip install pandas")

LEVELS = ["UNCLASSIFIED", "SBU", "LIMITED OFFICIAL USE", "CONFIDENTIAL", "SECRET", "TOP SECRET"]


def default_csv() -> Path:
    """$CABLE_CORPUS, or shared/corpus in a folder above this file or the working directory."""
    if "CABLE_CORPUS" in os.environ:
        return Path(os.environ["CABLE_CORPUS"]) / "cables-real-dev.csv"
    for start in (Path(__file__).resolve(), Path.cwd()):
        for folder in start.parents:
            csv = folder / "shared" / "corpus" / "cables-real-dev.csv"
            if csv.is_file():
                return csv
    sys.exit("no corpus found: give the path of a cables.csv file, or set CABLE_CORPUS")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default_csv()
    started = time.perf_counter()
    reader = cable.read_csv(path, on_error="skip")  # malformed rows are kept in reader.errors
    df = cable.to_dataframe(reader)
    elapsed = time.perf_counter() - started
    print(f"{len(df):,} cables from {path.name} in {elapsed:.2f} s ({len(df) / elapsed:,.0f} cables/s)")
    for e in reader.errors:
        print(f"skipped: {e}", file=sys.stderr)

    table = pd.crosstab(df["created"].dt.year, df["classification"])
    table = table[[level for level in LEVELS if level in table.columns]]
    table.index.name = "year"
    table["total"] = table.sum(axis=1)
    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(table.to_string())

    print("\ncables per year")
    scale = 50 / table["total"].max()
    for year, n in table["total"].items():
        print(f"{year}  {'#' * max(1, round(n * scale)):<50}  {n:,}")

if __name__ == "__main__":
    main()
