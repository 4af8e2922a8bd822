"""Writing a large CSV again after a few of its rows changed, without formatting every row.

facts.csv at 100,000 pages holds ~5 million rows: formatting them all takes longer than
everything else a re-ingest does. Its rows come in groups (a page's facts, contiguous), so
the file is cut into blocks of groups at boundaries chosen by the groups' names (a block
ends after a group whose name hashes to 0 modulo `BLOCK_GROUPS`: adding or removing a page
moves no other boundary). Each block is known by a digest of its rows' values; a block
whose digest was in the file written last time is copied from that file byte for byte, the
others are formatted. The bytes are the same as writing the whole frame at once
(`core.tables.write_csv`): every cell is formatted on its own, and what applies to the whole
file (columns, their types, quoting) is part of the index's `layout`; any change to it, or a
CSV changed since, rewrites everything. The index lives in `<folder>/.cache/csv/`.
"""

from __future__ import annotations

import hashlib
import itertools
import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from rolecompare import atomic

BLOCK_GROUPS = 64  # groups (pages) per block, on average
INDEX_DIR = Path(".cache") / "csv"


def _index_path(target: Path) -> Path:
    return target.parent / INDEX_DIR / f"{target.stem}.pickle"


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _blocks(frame: pd.DataFrame, group: str) -> list[tuple[int, int, bytes]]:
    """(first row, end row, digest) of each block; rows of one group are contiguous."""
    if frame.empty:
        return []
    codes, names = pd.factorize(frame[group])
    ends_block = pd.util.hash_array(np.asarray(names, dtype=object)) % BLOCK_GROUPS == 0
    last_row = len(frame) - 1 - np.unique(codes[::-1], return_index=True)[1]  # per group
    cuts = np.sort(last_row[ends_block]) + 1
    edges = np.unique(np.concatenate([[0], cuts, [len(frame)]]))
    hashes = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    return [
        (int(a), int(b), hashlib.sha256(hashes[a:b].tobytes()).digest())
        for a, b in itertools.pairwise(edges)
    ]


def write_csv_blocks(
    target: Path,
    frame: pd.DataFrame,
    group: str,
    layout: str,
    rows_csv: Callable[[pd.DataFrame], bytes],
    header: bytes,
) -> int:
    """Write `frame` to `target` as `header` + `rows_csv(rows)` of every block, copying the
    blocks unchanged since the last write. `layout`: what else the bytes depend on (columns,
    types, quoting). Returns how many blocks were formatted."""
    target = Path(target)
    index_path = _index_path(target)
    old = _old_index(index_path, target, layout)
    blocks: dict[bytes, tuple[int, int]] = {}
    formatted = 0
    with atomic.atomic_path(target) as tmp, tmp.open("wb") as out:
        out.write(header)
        source = target.open("rb") if old else None
        try:
            for start, end, digest in _blocks(frame, group):
                where = old.get(digest) if old else None
                if where is not None:
                    source.seek(where[0])
                    data = source.read(where[1])
                else:
                    data = rows_csv(frame.iloc[start:end])
                    formatted += 1
                blocks[digest] = (out.tell(), len(data))
                out.write(data)
        finally:
            if source is not None:
                source.close()
        out.flush()
    index = {"layout": layout, "stamp": _stamp(target), "blocks": blocks}
    atomic.write_bytes(index_path, pickle.dumps(index, pickle.HIGHEST_PROTOCOL))
    return formatted


def _old_index(index_path: Path, target: Path, layout: str) -> dict | None:
    """The blocks of the file written last time, when it is still as written then."""
    try:
        index = pickle.loads(index_path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return None
    if not isinstance(index, dict) or index.get("layout") != layout:
        return None
    if index.get("stamp") is None or index["stamp"] != _stamp(target):
        return None  # edited by hand (or lost) since: write every row
    return index.get("blocks")
