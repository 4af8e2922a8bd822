"""Build every pair's report: incremental, parallel (local processes or a Dask cluster),
isolated failures, and an index of all pairs.

A pair is rebuilt only when what its report is made from changed. Its inputs fingerprint
hashes: the facts and conflicts rows of its two roles and of the US average; the salary and
experience of every role (the report's experience-vs-salary figure places all roles, so a
change there is a change in every report); the notebook; the library code and templates; the
formats asked for. Each finished pair records that fingerprint, the hashes of its files and
the time in `reports/<pair>/build.json`, written last, so a build killed at any moment
resumes with exactly the unfinished pairs.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from rolecompare import atomic
from rolecompare.building.workers import PairJob, PairOutcome, run_pair_job
from rolecompare.config import PACKAGE_DIR, ProcessedFiles
from rolecompare.reporting.report import BENCHMARK_ROLES, NOTEBOOK, pair_folder_name

BUILD_FILE = "build.json"
CONTEXT_METRICS = ("experience_years", "salary_yearly")


def plan_pairs(role_ids: Iterable[str], only: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Each unordered pair once, as (a, b) with a < b, sorted: the documented build order."""
    roles = sorted(set(role_ids) - BENCHMARK_ROLES)
    pairs = list(itertools.combinations(roles, 2))
    if only:
        wanted = set(only)
        pairs = [p for p in pairs if wanted & set(p)]
    return pairs


def code_fingerprint() -> str:
    """Every file of the library that a report runs: code, templates, metadata."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".json", ".csv", ".css"}:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


class Fingerprints:
    """Input fingerprints of pairs, from the tables as written on disk."""

    def __init__(self, processed: ProcessedFiles, notebook: bytes, formats: Sequence[str]):
        facts = pd.read_csv(processed.facts, dtype=str, keep_default_na=False)
        conflicts = pd.read_csv(processed.conflicts, dtype=str, keep_default_na=False)
        self._facts = {rid: _csv(g) for rid, g in facts.groupby("role_id", sort=True)}
        self._conflicts = {rid: _csv(g) for rid, g in conflicts.groupby("role_id", sort=True)}
        context = facts[facts.metric.isin(CONTEXT_METRICS)]
        context_conflicts = conflicts[conflicts.metric.isin(CONTEXT_METRICS)]
        self.shared = {
            "context": _sha(_csv(context) + _csv(context_conflicts)),
            "notebook": _sha(notebook),
            "code": code_fingerprint(),
            "formats": ",".join(formats),
        }

    def role(self, role_id: str) -> str:
        return _sha(self._facts.get(role_id, "") + self._conflicts.get(role_id, ""))

    def pair(self, role_a: str, role_b: str) -> dict[str, str]:
        parts = {
            "facts_a": self.role(role_a),
            "facts_b": self.role(role_b),
            "facts_us_average": self.role("us-average"),
            **self.shared,
        }
        parts["inputs"] = _sha(json.dumps(parts, sort_keys=True))
        return parts


def _csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def read_build_record(folder: Path) -> dict | None:
    try:
        return json.loads((folder / BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_up_to_date(folder: Path, inputs: str, formats: Sequence[str]) -> bool:
    record = read_build_record(folder)
    return (
        record is not None
        and record.get("status") == "ok"
        and record.get("inputs") == inputs
        and all((folder / f"report.{fmt}").is_file() for fmt in formats)
    )


@dataclass
class BuildSummary:
    built: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[PairOutcome] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return len(self.built) + len(self.skipped) + len(self.failed)


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


Runner = Callable[[list[PairJob], int], Iterator[PairOutcome]]


def run_local(jobs: list[PairJob], workers: int) -> Iterator[PairOutcome]:
    """Jobs on `workers` long-lived processes (spawned: no forked kernels or sockets)."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_pair_job(job)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context) as pool:
        pending: set[Future] = {pool.submit(run_pair_job, job) for job in jobs}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()


def run_dask(address: str) -> Runner:
    """A runner that sends the jobs to a Dask distributed scheduler."""

    def runner(jobs: list[PairJob], workers: int) -> Iterator[PairOutcome]:
        from distributed import Client, as_completed

        with Client(address, timeout="30s") as client:
            futures = [client.submit(run_pair_job, job, pure=False) for job in jobs]
            for future in as_completed(futures):
                yield future.result()

    return runner


def _write_pair(reports: Path, outcome: PairOutcome, record: dict) -> None:
    folder = reports / pair_folder_name(outcome.role_a, outcome.role_b)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in outcome.files.items():
        atomic.write_bytes(folder / name, data)
    if not outcome.ok:
        for stale in ("report.html", "report.pdf"):
            if stale not in outcome.files:
                (folder / stale).unlink(missing_ok=True)
    record["files"] = {name: _sha(data) for name, data in sorted(outcome.files.items())}
    atomic.write_text(folder / BUILD_FILE, json.dumps(record, indent=2, sort_keys=True) + "\n")


def remove_stale_pairs(reports: Path, keep: set[str]) -> list[str]:
    """Pair folders of roles no longer in the data (only folders this tool made)."""
    removed = []
    for folder in sorted(reports.glob("*__vs__*")):
        if folder.is_dir() and folder.name not in keep and (folder / BUILD_FILE).exists():
            shutil.rmtree(folder)
            removed.append(folder.name)
    return removed


INDEX_STAMP = ".index-inputs"


def _refresh_index(
    reports: Path, processed: ProcessedFiles, prints: Fingerprints, *, changed: bool
) -> None:
    """Rewrite reports/index.html unless nothing it shows can have changed."""

    records = sorted(p.read_bytes() for p in reports.glob(f"*__vs__*/{BUILD_FILE}"))
    stamp = _sha(
        b"".join(records)
        + processed.facts.read_bytes()
        + processed.conflicts.read_bytes()
        + processed.manifest.read_bytes()
        + prints.shared["code"].encode()
    )
    stamp_file = reports / INDEX_STAMP
    current = stamp_file.read_text(encoding="utf-8") if stamp_file.exists() else ""
    if changed or current != stamp or not (reports / "index.html").exists():
        from rolecompare.building.site import (
            write_index,  # matplotlib and seaborn: only when needed
        )

        write_index(reports, processed.folder)
        atomic.write_text(stamp_file, stamp)


def build(
    processed_dir: Path,
    reports_dir: Path,
    *,
    formats: Sequence[str],
    jobs: int,
    only: Sequence[str] = (),
    force: bool = False,
    timeout: float = 600.0,
    runner: Runner | None = None,
    ship_tables: bool = False,
    progress_stream=None,
    notebook_path: Path = NOTEBOOK,
    lock_wait: float = 0.0,
) -> BuildSummary:
    """Build (or skip) every planned pair and write the index. Never raises for a bad pair.

    Holds the lock on `reports_dir` throughout (atomic.FolderBusy if another build has it).
    """
    reports = Path(reports_dir)
    with atomic.locked(reports, wait=lock_wait):
        return _build_locked(
            processed_dir, reports, formats=formats, jobs=jobs, only=only, force=force,
            timeout=timeout, runner=runner, ship_tables=ship_tables,
            progress_stream=progress_stream, notebook_path=notebook_path,
        )  # fmt: skip


def _build_locked(
    processed_dir: Path,
    reports: Path,
    *,
    formats: Sequence[str],
    jobs: int,
    only: Sequence[str],
    force: bool,
    timeout: float,
    runner: Runner | None,
    ship_tables: bool,
    progress_stream,
    notebook_path: Path,
) -> BuildSummary:
    started = time.monotonic()
    processed = ProcessedFiles(Path(processed_dir))
    atomic.sweep_temporaries(reports)  # left by a run that was killed mid-write
    notebook = Path(notebook_path).read_bytes()
    roles = pd.read_csv(processed.roles, dtype=str, keep_default_na=False)
    pairs = plan_pairs(roles.role_id, only)
    prints = Fingerprints(processed, notebook, formats)
    summary = BuildSummary()
    progress = Progress(len(pairs), progress_stream)
    todo: list[PairJob] = []
    records: dict[tuple[str, str], dict] = {}
    tables = {p.name: p.read_bytes() for p in processed.tables()[:3]} if ship_tables else None
    for a, b in pairs:
        inputs = prints.pair(a, b)
        folder = reports / pair_folder_name(a, b)
        if not force and is_up_to_date(folder, inputs["inputs"], formats):
            summary.skipped.append((a, b))
            progress.update("skipped", (a, b))
            continue
        built_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        info = {k: v[:16] for k, v in inputs.items() if k != "formats"}
        info |= {"formats": ",".join(formats), "built_at": built_at}
        records[(a, b)] = {**inputs, "built_at": built_at}
        todo.append(
            PairJob(
                a,
                b,
                tuple(formats),
                timeout,
                info,
                processed_dir=None if ship_tables else str(processed.folder.resolve()),
                tables=tables,
                notebook=None if Path(notebook_path) == NOTEBOOK else notebook,
            )
        )
    run = runner or run_local
    try:
        for outcome in run(todo, jobs):
            pair = (outcome.role_a, outcome.role_b)
            record = records[pair] | {
                "status": "ok" if outcome.ok else "failed",
                "error": outcome.error,
                "failed_cell": outcome.failed_cell,
                "seconds": {k: round(v, 2) for k, v in outcome.seconds.items()},
            }
            _write_pair(reports, outcome, record)
            if outcome.ok:
                summary.built.append(pair)
                progress.update("built", pair)
            else:
                summary.failed.append(outcome)
                progress.update("failed", pair, outcome.failed_cell or outcome.error or "")
    finally:
        progress.close()
    if not only:
        summary.removed = remove_stale_pairs(reports, {pair_folder_name(a, b) for a, b in pairs})
    changed = bool(summary.built or summary.failed or summary.removed)
    _refresh_index(reports, processed, prints, changed=changed)
    summary.seconds = time.monotonic() - started
    return summary
