"""Parsing many pages on every core, and what the main process prepares meanwhile."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from rolecompare.facts.cache import kept
from rolecompare.facts.parsing import PageResult, parse_page

# Below this many pages a process pool costs more than it saves.
PARALLEL_FROM = 200
# Pages per task: small enough that both workers finish together.
PARSE_CHUNK = 16


def _parse_kept(item: tuple[str, bytes]) -> PageResult:
    """In a worker: what ingest keeps of a page's result (`cache.kept`), sent back."""
    return kept(parse_page(*item))


def parse_all(
    pages: dict[str, bytes],
    workers: int | None = None,
    *,
    meanwhile: Callable[[], object] | None = None,
) -> list[PageResult]:
    """Parse pages, on every core when there are many (parsing is pure and CPU-bound).

    `meanwhile` is called in this process while the workers parse (ingest prepares pandas
    and pandera then, instead of after)."""
    return list(parse_each(pages, workers, meanwhile=meanwhile))


def parse_each(
    pages: dict[str, bytes],
    workers: int | None = None,
    *,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[PageResult]:
    """`parse_all`, each result given as it comes (in page order), so that a caller keeping
    only part of each does not hold every result at once. The workers start (and
    `meanwhile` runs) before this returns."""
    workers = workers or os.cpu_count() or 1
    if len(pages) < PARALLEL_FROM or workers < 2:
        if meanwhile is not None:
            meanwhile()
        return (kept(parse_page(name, data)) for name, data in pages.items())
    # fork: no re-import of the caller's main module (a script calling ingest() unguarded)
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    # map submits every chunk (and forks the workers) before returning
    parsed = pool.map(_parse_kept, pages.items(), chunksize=PARSE_CHUNK)
    if meanwhile is not None:
        meanwhile()
    return _until_done(pool, parsed)


def _until_done(pool: ProcessPoolExecutor, parsed: Iterator[PageResult]) -> Iterator[PageResult]:
    with pool:
        yield from parsed


def prepare_tables() -> None:
    """Import pandas, pandera and pyarrow, build the tables' schemas and the SOC lookup (about
    1.5 s of a cold start), while the workers parse."""
    import pyarrow.parquet  # noqa: F401  (the tables' Parquet files, written after parsing)

    import rolecompare.facts.tables  # noqa: F401
    from rolecompare.facts import schema, soc

    for table in ("facts", "roles", "conflicts", "problems", "pages"):
        schema.empty(table)
    soc.soc_index()  # the SOC 2018 lookup of roles.csv (~0.15 s), built once
