"""Parsing many pages on every core, and what the main process prepares meanwhile."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from rolecompare.facts.cache import PageCache, kept
from rolecompare.facts.parsing import PageResult, parse_page

# Below this many pages a process pool costs more than it saves.
PARALLEL_FROM = 200
# Pages per task: small enough that both workers finish together.
PARSE_CHUNK = 16


def _parse_and_keep(store: PageCache | None, item: tuple[str, bytes, str]) -> bytes:
    """A page's result pickled once, in the worker: written to `store` there (both workers
    write at once) and sent back to the parent as is."""
    name, data, key = item
    pickled = pickle.dumps(kept(parse_page(name, data)), pickle.HIGHEST_PROTOCOL)
    if store is not None:
        store.put_pickled(key, pickled)
    return pickled


def parse_all(
    pages: dict[str, bytes],
    workers: int | None = None,
    *,
    meanwhile: Callable[[], object] | None = None,
    store: PageCache | None = None,
    keys: Mapping[str, str] | None = None,
) -> list[PageResult]:
    """Parse pages, on every core when there are many (parsing is pure and CPU-bound).

    `meanwhile` is called in this process while the workers parse (ingest prepares pandas
    and pandera then, instead of after). With `store`, each result is also kept in that
    cache under the page's key in `keys`."""
    workers = workers or os.cpu_count() or 1
    if len(pages) < PARALLEL_FROM or workers < 2:
        results = [kept(parse_page(name, data)) for name, data in pages.items()]
        if store is not None and keys is not None:
            for name, result in zip(pages, results, strict=True):
                store.put(keys[name], result)
        if meanwhile is not None:
            meanwhile()
        return results
    items = [(name, data, keys[name] if keys else "") for name, data in pages.items()]
    task = partial(_parse_and_keep, store if keys else None)
    # fork: no re-import of the caller's main module (a script calling ingest() unguarded)
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        # map submits every chunk (and forks the workers) before returning
        parsed = pool.map(task, items, chunksize=PARSE_CHUNK)
        if meanwhile is not None:
            meanwhile()
        return [pickle.loads(pickled) for pickled in parsed]


def prepare_tables() -> None:
    """Import pandas, pandera and pyarrow, build the tables' schemas and the SOC lookup (about
    1.5 s of a cold start), while the workers parse."""
    import pyarrow.parquet  # noqa: F401  (the tables' Parquet files, written after parsing)

    import rolecompare.facts.tables  # noqa: F401
    from rolecompare.facts import schema, soc

    for table in ("facts", "roles", "conflicts", "problems", "pages"):
        schema.empty(table)
    soc.soc_index()  # the SOC 2018 lookup of roles.csv (~0.15 s), built once
