"""Running pair jobs: on local worker processes or a Dask cluster, and showing progress.

Jobs come from an iterator and only a few more than there are workers are in flight at a
time, so a plan of thousands of pairs never holds thousands of slices in memory, and the
first pairs start at once.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from rolecompare.building.workers import PairJob, PairOutcome, run_pair_job

Runner = Callable[[Iterable[PairJob], int], Iterator[PairOutcome]]
IN_FLIGHT_PER_WORKER = 2


def run_local(jobs: Iterable[PairJob], workers: int) -> Iterator[PairOutcome]:
    """Jobs on `workers` long-lived processes (spawned: no forked kernels or sockets)."""
    jobs = iter(jobs)
    if workers <= 1:
        for job in jobs:
            yield run_pair_job(job)
        return
    import multiprocessing

    first = next(jobs, None)
    if first is None:
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: set[Future] = {pool.submit(run_pair_job, first)}
        for job in jobs:
            pending.add(pool.submit(run_pair_job, job))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()


def run_dask(address: str) -> Runner:
    """A runner that sends the jobs (each with its slice) to a Dask distributed scheduler."""

    def runner(jobs: Iterable[PairJob], workers: int) -> Iterator[PairOutcome]:
        from distributed import Client, as_completed

        with Client(address, timeout="30s") as client:
            window = max(workers, sum(client.nthreads().values()) or 1) * IN_FLIGHT_PER_WORKER
            jobs = iter(jobs)
            started = [
                client.submit(run_pair_job, job, pure=False)
                for job in itertools.islice(jobs, window)
            ]
            done = as_completed(started)
            for future in done:
                yield future.result()
                job = next(jobs, None)
                if job is not None:
                    done.add(client.submit(run_pair_job, job, pure=False))

    return runner


class Progress:
    """A progress bar on a terminal, a plain line per pair otherwise (CI logs)."""

    def __init__(self, total: int, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.counts = {"built": 0, "skipped": 0, "failed": 0}
        self._bar = None
        if self.stream.isatty() and total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]pairs"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[counts]}"),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
            )
            self._task = self._bar.add_task("pairs", total=total, counts=self._counts())
            self._bar.start()

    def _counts(self) -> str:
        c = self.counts
        return f"built {c['built']} / skipped {c['skipped']} / failed {c['failed']}"

    def skipped(self, n: int) -> None:
        """Pairs found up to date, counted at once (one line, not one per pair)."""
        if not n:
            return
        self.counts["skipped"] += n
        if self._bar is not None:
            self._bar.update(self._task, completed=sum(self.counts.values()), counts=self._counts())
        else:
            done = sum(self.counts.values())
            print(f"[{done}/{self.total}] {n} pair(s) up to date", file=self.stream)

    def update(self, kind: str, pair: tuple[str, str], note: str = "") -> None:
        self.counts[kind] += 1
        done = sum(self.counts.values())
        if self._bar is not None:
            self._bar.update(self._task, completed=done, counts=self._counts())
            if kind == "failed":
                self._bar.console.print(f"[red]failed[/red] {pair[0]} vs {pair[1]}: {note}")
        else:
            extra = f": {note}" if note else ""
            print(f"[{done}/{self.total}] {kind} {pair[0]} vs {pair[1]}{extra}", file=self.stream)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
