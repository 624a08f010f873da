"""Dask DataFrames of cables: ``cable.dask.read_csv(path, blocksize="64MB")`` and
``cable.dask.read_dir(path)``.

Each partition is read and parsed by the core (``cable.read_csv(path, byte_range=...)``, the
core's range reader, or the core's walk) and becomes a pandas DataFrame through
``cable.to_arrow(...).to_pandas()``: the columns and types are those of ``to_arrow``'s tables.
Nothing here parses; this module only cuts the input into partitions. The functions in it are
pickled by reference, so workers of a ``dask.distributed`` cluster need ``cable-parser``
installed, nothing else.

Spark and Ray need no code of this project beyond ``read_csv(path, byte_range=(start, end))``:
cut the file size into ranges, and map each range to
``cable.to_arrow(cable.read_csv(path, byte_range=r))`` (Spark ``mapPartitions`` over the
ranges, Ray ``ray.data.from_items(ranges).map_batches(...)``): consecutive ranges give every row
once, in order.

dask is optional: ``pip install 'cable-parser[dask]'`` (dask[dataframe] and pyarrow).
"""

import os

__all__ = ["read_csv", "read_dir"]


def _dataframe_module():
    try:
        import dask.dataframe as dd
    except ImportError as e:
        raise ImportError("cable.dask needs dask: pip install 'cable-parser[dask]'") from e
    return dd


def _blocksize(blocksize):
    """Bytes per partition from an int or a string such as ``"64MB"``."""
    if isinstance(blocksize, str):
        from dask.utils import parse_bytes

        blocksize = parse_bytes(blocksize)
    blocksize = int(blocksize)
    if blocksize <= 0:
        raise ValueError("blocksize must be positive, not {}".format(blocksize))
    return blocksize


def _ranges(size, blocksize):
    """Consecutive byte ranges covering ``[0, size)`` (one empty range for an empty file)."""
    return [(start, min(start + blocksize, size)) for start in range(0, size, blocksize)] or [(0, 0)]


def _frame(cables, table):
    import cable

    return cable.to_arrow(cables, table=table).to_pandas()


def _csv_part(part, table, year, on_error):
    import cable

    path, start, end = part
    return _frame(cable.read_csv(path, byte_range=(start, end), year=year, on_error=on_error), table)


def _files_part(paths, table, year, on_error):
    import cable

    return _frame(cable._read_paths(paths, year=year, on_error=on_error), table)


def _meta(table):
    """The empty frame with the table's columns and types."""
    return _frame([], table)


def _from_parts(func, parts, table, year, on_error):
    dd = _dataframe_module()
    import dask

    # Dask turns object columns into strings by default (`dataframe.convert-string`): the list
    # columns (to, tags, caveats...) would become the text of a list. They stay lists.
    with dask.config.set({"dataframe.convert-string": False}):
        # The partitions' categorical columns (classification) have their own categories: the
        # metadata declares the column, not a fixed set of categories.
        return dd.from_map(
            func,
            parts,
            meta=_meta(table),
            table=table,
            year=year,
            on_error=on_error,
            enforce_metadata=False,
            label="cable-" + table,
        )


def read_csv(path, blocksize="64MB", *, table="cables", year=None, on_error="raise"):
    """A Dask DataFrame of a plain (uncompressed) cables.csv file, one partition per
    ``blocksize`` bytes (an int or ``"64MB"``): partition *i* holds the rows whose first byte
    lies in its range, so together the partitions hold every row once, in file order.
    ``table`` is one of ``to_arrow``'s tables (``"cables"``, ``"paragraphs"``,
    ``"citations"``; citations resolve ``in_corpus`` within each partition only)."""
    _dataframe_module()  # a clear ImportError first when dask is missing
    path = os.fspath(path)
    size = os.path.getsize(path)
    parts = [(path, start, end) for start, end in _ranges(size, _blocksize(blocksize))]
    return _from_parts(_csv_part, parts, table, year, on_error)


def read_dir(path, blocksize="64MB", *, table="cables", year=None, on_error="raise"):
    """A Dask DataFrame of the cables of a directory, in the order of ``cable.read_dir`` (the
    core's walk): each plain cables.csv file is cut into ``blocksize`` ranges as in
    ``read_csv``; the other files (pages, texts, compressed files) are grouped, in order, into
    partitions of about ``blocksize`` bytes."""
    import cable

    _dataframe_module()  # a clear ImportError first when dask is missing
    blocksize = _blocksize(blocksize)
    parts = []  # (function, argument), in walk order
    group, group_size = [], 0

    def flush():
        nonlocal group, group_size
        if group:
            parts.append((_files_part, group))
        group, group_size = [], 0

    for file, size, plain_csv in cable._corpus_files(os.fspath(path)):
        file = os.fspath(file)
        if plain_csv:
            flush()
            parts.extend((_csv_part, (file, s, e)) for s, e in _ranges(size, blocksize))
            continue
        if group and group_size + size > blocksize:
            flush()
        group.append(file)
        group_size += size
    flush()
    if not parts:
        parts.append((_files_part, []))
    return _from_parts(_dispatch, parts, table, year, on_error)


def _dispatch(part, table, year, on_error):
    func, arg = part
    return func(arg, table, year, on_error)
