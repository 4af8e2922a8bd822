"""A build's pairs, one job each: the job sent out (with only its pair's slice of the
tables), and each finished pair committed as it comes back -- files first, then its record."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rolecompare import atomic
from rolecompare.building.fingerprints import sha
from rolecompare.building.manifest import Manifest
from rolecompare.building.paths import inside, pair_folder
from rolecompare.building.run import Progress, Runner, run_local
from rolecompare.building.slices import Slicer
from rolecompare.building.workers import PairJob, PairOutcome
from rolecompare.reporting.report import FORMATS

if TYPE_CHECKING:
    from rolecompare.building.batch import BuildSummary, PlannedPair, Prepared


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_pairs(
    prepared: Prepared,
    summary: BuildSummary,
    reports: Path,
    manifest: Manifest,
    *,
    formats: Sequence[str],
    jobs: int,
    timeout: float,
    notebook: bytes | None,
    runner: Runner | None,
    progress_stream,
) -> None:
    """Run every pair to build; each outcome is committed and counted in `summary`."""
    todo = prepared.todo
    progress = Progress(len(prepared.planned), progress_stream)
    progress.skipped(len(summary.skipped))
    records: dict[tuple[str, str], dict] = {}
    job_iter = pair_jobs(
        prepared, todo, formats=formats, timeout=timeout, notebook=notebook, records=records
    )
    run = runner or run_local
    try:
        for outcome in run(job_iter, max(1, min(jobs, len(todo)))):
            pair = (outcome.role_a, outcome.role_b)
            write_pair(reports, outcome, _record(records[pair], outcome), formats, manifest)
            if outcome.ok:
                summary.built.append(pair)
                progress.update("built", pair)
            else:
                summary.failed.append(outcome)
                progress.update("failed", pair, outcome.failed_cell or outcome.error or "")
    finally:
        progress.close()


def _record(started: dict, outcome: PairOutcome) -> dict:
    return started | {
        "status": "ok" if outcome.ok else "failed",
        "error": outcome.error,
        "failed_cell": outcome.failed_cell,
        "seconds": {k: round(v, 2) for k, v in outcome.seconds.items()},
        "worker": outcome.worker,
        "numbers": outcome.numbers,
    }


def write_pair(
    reports: Path, outcome: PairOutcome, record: dict, formats: Sequence[str], manifest: Manifest
) -> None:
    """The pair's files (each atomically), then its record: the commit that marks it done."""
    folder = inside(reports, pair_folder(outcome.role_a, outcome.role_b))
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in outcome.files.items():
        atomic.write_bytes(inside(folder, name), data)
    for fmt in FORMATS:  # a report of another format, or from before a failure, would mislead
        name = f"report.{fmt}"
        if name not in outcome.files and (fmt not in formats or not outcome.ok):
            (folder / name).unlink(missing_ok=True)
    record["files"] = {name: sha(data) for name, data in sorted(outcome.files.items())}
    manifest.put_pair(folder.name, record)


def remove_pairs(
    reports: Path, removals: list[tuple[str, str, str]], manifest: Manifest
) -> list[str]:
    removed = []
    for folder, _, _ in removals:
        path = reports / folder
        if path.is_dir() and path.parent == reports:
            shutil.rmtree(path)
        manifest.remove_pair(folder)
        removed.append(folder)
    return removed


def pair_jobs(
    prepared: Prepared,
    todo: list[PlannedPair],
    *,
    formats: Sequence[str],
    timeout: float,
    notebook: bytes | None,
    records: dict[tuple[str, str], dict],
) -> Iterator[PairJob]:
    """One job per pair to build, its slice made when the job is about to be sent."""
    slicer = Slicer(prepared.collection, prepared.context)
    for item in todo:
        a, b = item.pair
        built_at = now()
        info = {k: v[:16] for k, v in item.parts.items() if k != "formats"}
        info |= {
            "formats": ",".join(formats),
            "built_at": built_at,
            "context_drawn": prepared.context.drawn,
        }
        records[item.pair] = {
            "role_a": a,
            "role_b": b,
            "inputs": item.inputs,
            "parts": item.parts,
            "reasons": item.reasons,
            "built_at": built_at,
            "context_drawn": prepared.context.drawn,
        }
        yield PairJob(a, b, tuple(formats), timeout, info, slicer.tables(a, b), notebook)
