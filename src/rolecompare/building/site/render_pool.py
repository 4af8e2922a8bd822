"""Role pages rendered by several processes: at 100,000 roles rendering the role pages is
most of a first site build (Jinja2 and the number formatting, all pure Python, one core).

The pages to render are split into chunks; forked workers inherit everything computed for
the site (nothing is pickled but each chunk's bounds and, back, the digests of the pages
written) and each writes its pages itself (atomically, as the parent would). Few pages, or
a platform without fork, render in the calling process: the bytes are the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable

MIN_PER_WORKER = 1_000  # fewer pages than this per worker: forking costs more than it saves
CHUNK = 500
MAX_WORKERS = 4

RenderOne = Callable[[int], tuple[str, str]]  # index of a page -> (relative path, its text)

_job: tuple[RenderOne, Callable[[str, str], str]] | None = None  # set before forking


def workers_for(pages: int) -> int:
    """How many processes render `pages` pages (1: in this process)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = min(MAX_WORKERS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                else os.cpu_count() or 1)  # fmt: skip
    return max(1, min(cores, pages // MIN_PER_WORKER))


def _chunk(bounds: tuple[int, int]) -> dict[str, str]:
    assert _job is not None, "the job is set before the workers fork"
    render, put = _job
    written = {}
    for i in range(*bounds):
        relative, text = render(i)
        written[relative] = put(relative, text)
    return written


def render_all(count: int, render: RenderOne, put: Callable[[str, str], str]) -> dict[str, str]:
    """Render pages 0..count-1 and `put` each (which writes it and returns its digest);
    relative path -> digest of every page."""
    global _job
    workers = workers_for(count)
    bounds = [(i, min(i + CHUNK, count)) for i in range(0, count, CHUNK)]
    _job = (render, put)
    try:
        if workers == 1:
            return {k: v for b in bounds for k, v in _chunk(b).items()}
        written: dict[str, str] = {}
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for part in pool.imap_unordered(_chunk, bounds):
                written.update(part)
        return written
    finally:
        _job = None
