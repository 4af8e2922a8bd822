"""Build the planned pairs' reports: incremental, parallel (local processes or a Dask
cluster), isolated failures, and the site (index and role pages).

1. Read the processed tables once, as text (`building.collection`).
2. Plan the pairs (`building.plan`: by default the pairs the pages compare).
3. Settle the context every report shares (`building.shared_context`: kept unless a change would
   show in it) and fingerprint every role (`building.fingerprints`, vectorised).
4. A pair is up to date when its record in the manifest (`building.manifest`) says it was
   built from exactly these inputs and its report files are there; every other pair is a
   job carrying only its slice (`building.slices`).
5. As each pair finishes (`building.pair_jobs`), its files are written (each atomically),
   then its record is committed: a build killed at any moment resumes with exactly the
   unfinished pairs.
6. Pairs no longer planned are removed (only folders the build made, as its manifest says);
   the site is rewritten when anything it shows changed; what changed since the previous
   build is kept for the index and printed.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rolecompare import atomic
from rolecompare.building import shared_context
from rolecompare.building.changes import Changes, count_rebuilt, role_changes
from rolecompare.building.collection import Collection
from rolecompare.building.collection_key import (
    STATE_KEY,
    Finished,
    collection_key,
    finished,
    nothing_to_do,
    tables_digest,
)
from rolecompare.building.fingerprints import (
    FactsSnapshot,
    code_fingerprint,
    sha,
)
from rolecompare.building.manifest import Manifest
from rolecompare.building.pair_jobs import now, remove_pairs, run_pairs
from rolecompare.building.paths import check_role_id, pair_folder
from rolecompare.building.plan import Pair, PairsSpec, Plan, make_plan, parse_pairs
from rolecompare.building.run import Runner
from rolecompare.building.workers import PairOutcome
from rolecompare.reporting.report import NOTEBOOK

PAIR_FOLDER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*__vs__[a-z0-9]+(-[a-z0-9]+)*$")
STATE_CONTEXT = "context"
STATE_CONTEXT_REASON = "context-reason"  # why the stored context was drawn, until a build ends
STATE_FACTS = "facts"
STATE_CHANGES = "changes"
LEGACY_INDEX_STAMP = ".index-inputs"


@dataclass
class PlannedPair:
    pair: Pair
    folder: str
    action: str  # "build" or "up-to-date"
    parts: dict[str, str]
    inputs: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class Prepared:
    """Everything a build decides before it builds anything (all a dry run shows)."""

    collection: Collection
    plan: Plan
    context: shared_context.Context
    context_reason: str | None
    planned: list[PlannedPair]
    removals: list[tuple[str, str, str]]  # folder, role_a, role_b
    records: dict[str, dict]
    snapshot: FactsSnapshot
    changes: Changes

    def rows(self) -> Iterator[tuple[str, str, str]]:
        """(role_a, role_b, action) of every planned pair and every removal."""
        for item in self.planned:
            yield (*item.pair, item.action)
        for _, a, b in self.removals:
            yield (a, b, "remove")

    @property
    def todo(self) -> list[PlannedPair]:
        return [p for p in self.planned if p.action == "build"]


@dataclass
class BuildSummary:
    built: list[Pair] = field(default_factory=list)
    skipped: list[Pair] = field(default_factory=list)
    failed: list[PairOutcome] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: Changes | None = None
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return len(self.built) + len(self.skipped) + len(self.failed)


def _spec(pairs: PairsSpec | Sequence[str] | None) -> PairsSpec:
    return pairs if isinstance(pairs, PairsSpec) else parse_pairs(pairs)


def _files_present(reports: Path, folder: str, formats: Sequence[str]) -> bool:
    return all((reports / folder / f"report.{fmt}").is_file() for fmt in formats)


def _reasons(record: dict | None, pair: Pair, parts: dict[str, str], force: bool) -> list[str]:
    if force:
        return ["forced (--force)"]
    if record is None:
        return ["new pair"]
    if record.get("status") != "ok":
        return [f"{record.get('status', 'unknown')} before"]
    old = record.get("parts", {})
    why = [f"facts of {role}" for role, key in zip(pair, ("facts_a", "facts_b"), strict=True)
           if old.get(key) != parts[key]]  # fmt: skip
    labels = {
        "context": "context redrawn",
        "notebook": "notebook changed",
        "code": "library code changed",
        "formats": "formats changed",
    }
    why += [label for key, label in labels.items() if old.get(key) != parts[key]]
    return why or ["report files missing"]


def prepare(
    processed_dir: Path,
    reports: Path,
    manifest: Manifest | None,
    *,
    pairs: PairsSpec | Sequence[str] | None,
    only: Sequence[str],
    formats: Sequence[str],
    force: bool,
    notebook: bytes,
) -> Prepared:
    """Plan, settle the context and decide every pair's action; writes nothing."""
    collection = Collection.read(processed_dir)
    for role_id in collection.roles["role_id"]:  # before anything is written
        check_role_id(role_id)
    plan = make_plan(collection, _spec(pairs), only)
    stored = manifest.get(STATE_CONTEXT) if manifest else None
    previous = shared_context.Context.from_bytes(stored) if stored else None
    context, reason = shared_context.settle(previous, collection)
    if reason is None and manifest is not None:
        pending = manifest.get_json(STATE_CONTEXT_REASON)  # drawn by a build that was cut short
        reason = pending if isinstance(pending, str) else None
    prints = collection.role_prints
    shared = {
        "context": context.fingerprint,
        "notebook": sha(notebook),
        "code": code_fingerprint(),
        "formats": ",".join(formats),
    }
    records = manifest.pairs() if manifest else {}
    planned = _planned_pairs(plan, prints, shared, records, reports, formats, force)
    wanted = {p.folder for p in planned}
    removals = []
    if not only:  # a partial build leaves the other pairs alone
        removals = [
            (folder, rec["role_a"], rec["role_b"])
            for folder, rec in records.items()
            if folder not in wanted and PAIR_FOLDER.match(folder)
        ]
    snapshot = FactsSnapshot.of(collection.facts, collection.fact_rows)
    stored_facts = manifest.get(STATE_FACTS) if manifest else None
    before = FactsSnapshot.from_bytes(stored_facts) if stored_facts else None
    changes = Changes(
        first=before is None,
        roles=role_changes(before, snapshot, collection.names),
        context=reason,
        context_drawn=context.drawn,
    )
    changes.rebuilt = {p.folder: p.reasons for p in planned if p.action == "build"}
    count_rebuilt(changes)
    return Prepared(
        collection, plan, context, reason, planned, removals, records, snapshot, changes
    )


def _planned_pairs(
    plan: Plan,
    prints: dict[str, str],
    shared: dict[str, str],
    records: dict[str, dict],
    reports: Path,
    formats: Sequence[str],
    force: bool,
) -> list[PlannedPair]:
    """Each planned pair with its inputs' fingerprint: up to date when its record says ok
    for the same inputs and its files are in place, else built (and why)."""
    planned = []
    for a, b in plan.pairs:
        parts = {"facts_a": prints.get(a, ""), "facts_b": prints.get(b, ""), **shared}
        inputs = sha(json.dumps(parts, sort_keys=True))
        folder = pair_folder(a, b)
        record = records.get(folder)
        fresh = (
            not force
            and record is not None
            and record.get("status") == "ok"
            and record.get("inputs") == inputs
            and _files_present(reports, folder, formats)
        )
        item = PlannedPair((a, b), folder, "up-to-date" if fresh else "build", parts, inputs)
        if not fresh:
            item.reasons = _reasons(record, (a, b), parts, force)
        planned.append(item)
    return planned


def dry_run(
    processed_dir: Path,
    reports_dir: Path,
    *,
    formats: Sequence[str],
    pairs: PairsSpec | Sequence[str] | None = None,
    only: Sequence[str] = (),
    force: bool = False,
    notebook_path: Path = NOTEBOOK,
) -> Prepared:
    """What a build would do, reading the manifest without writing anything anywhere."""
    manifest = Manifest.read_only(Path(reports_dir))
    try:
        return prepare(
            Path(processed_dir), Path(reports_dir), manifest, pairs=pairs, only=only,
            formats=formats, force=force, notebook=Path(notebook_path).read_bytes(),
        )  # fmt: skip
    finally:
        if manifest is not None:
            manifest.close()


def build(
    processed_dir: Path,
    reports_dir: Path,
    *,
    formats: Sequence[str],
    jobs: int,
    pairs: PairsSpec | Sequence[str] | None = None,
    only: Sequence[str] = (),
    force: bool = False,
    timeout: float = 600.0,
    runner: Runner | None = None,
    progress_stream=None,
    notebook_path: Path = NOTEBOOK,
    lock_wait: float = 0.0,
) -> BuildSummary:
    """Build (or skip) every planned pair and write the site. Never raises for a bad pair.

    Holds the lock on `reports_dir` throughout (atomic.FolderBusy if another build has it).
    """
    reports = Path(reports_dir)
    with atomic.locked(reports, wait=lock_wait), Manifest.open(reports) as manifest:
        return _build_locked(
            Path(processed_dir), reports, manifest, formats=formats, jobs=jobs, pairs=pairs,
            only=only, force=force, timeout=timeout, runner=runner,
            progress_stream=progress_stream, notebook_path=Path(notebook_path),
        )  # fmt: skip


def _build_locked(
    processed_dir: Path,
    reports: Path,
    manifest: Manifest,
    *,
    formats: Sequence[str],
    jobs: int,
    pairs: PairsSpec | Sequence[str] | None,
    only: Sequence[str],
    force: bool,
    timeout: float,
    runner: Runner | None,
    progress_stream,
    notebook_path: Path,
) -> BuildSummary:
    started = time.monotonic()
    notebook = notebook_path.read_bytes()
    spec = _spec(pairs)
    tables = tables_digest(processed_dir)
    settings = {"spec": spec, "only": only, "formats": formats, "notebook": notebook}
    last = finished(manifest)
    pending = manifest.get(STATE_CONTEXT_REASON) is not None
    key = collection_key(tables, manifest.get(STATE_CONTEXT), **settings)
    if not force and nothing_to_do(last, key, reports, formats, pending=pending):
        return _nothing_done(last, started)
    manifest.delete(STATE_KEY)  # from here on the folder is being written
    atomic.sweep_temporaries(reports, depth=2)  # left by a run that was killed mid-write
    prepared = prepare(
        processed_dir, reports, manifest, pairs=spec, only=only, formats=formats,
        force=force, notebook=notebook,
    )  # fmt: skip
    summary = _start_summary(prepared, manifest)
    template = None if notebook_path == NOTEBOOK else notebook
    run_pairs(
        prepared, summary, reports, manifest, formats=formats, jobs=jobs, timeout=timeout,
        notebook=template, runner=runner, progress_stream=progress_stream,
    )  # fmt: skip
    _finish(reports, prepared, manifest, summary)
    if not summary.failed:  # every planned pair built: the next build may stop at once
        key = collection_key(tables, manifest.get(STATE_CONTEXT), **settings)
        done = Finished(key, [p.pair for p in prepared.planned], summary.notes,
                        prepared.context.drawn)  # fmt: skip
        manifest.set(STATE_KEY, done.to_bytes())
    summary.seconds = time.monotonic() - started
    return summary


def _nothing_done(last: Finished, started: float) -> BuildSummary:
    """The summary of a build the collection key showed to have nothing to do."""
    summary = BuildSummary(notes=list(last.notes), skipped=list(last.pairs))
    summary.changes = Changes(first=False, context_drawn=last.context_drawn)
    summary.seconds = time.monotonic() - started
    return summary


def _start_summary(prepared: Prepared, manifest: Manifest) -> BuildSummary:
    """Save a newly drawn context first (a resumed build keeps it); notes and skipped pairs."""
    if prepared.context_reason is not None:
        manifest.set(STATE_CONTEXT, prepared.context.to_bytes())
        manifest.set_json(STATE_CONTEXT_REASON, prepared.context_reason)
    summary = BuildSummary(notes=list(prepared.plan.notes), changes=prepared.changes)
    if prepared.plan.roles_in_no_pair:
        summary.notes.append(
            f"{prepared.plan.roles_in_no_pair} role(s) are in no planned pair "
            "(--pairs nearest:K adds each role's most similar ones)"
        )
    summary.skipped = [p.pair for p in prepared.planned if p.action == "up-to-date"]
    return summary


def _finish(reports: Path, prepared: Prepared, manifest: Manifest, summary: BuildSummary) -> None:
    """Remove unplanned pairs, record what changed, refresh the site, commit the facts."""
    summary.removed = remove_pairs(reports, prepared.removals, manifest)
    prepared.changes.built_at = now()
    changed = bool(summary.built or summary.failed or summary.removed or prepared.changes.roles)
    if changed or prepared.changes.first:
        manifest.set_json(STATE_CHANGES, prepared.changes.to_json())
    _refresh_site(reports, prepared, manifest)
    manifest.set(STATE_FACTS, prepared.snapshot.to_bytes())
    manifest.delete(STATE_CONTEXT_REASON)
    (reports / LEGACY_INDEX_STAMP).unlink(missing_ok=True)


def _refresh_site(reports: Path, prepared: Prepared, manifest: Manifest) -> None:
    """Rewrite the index and role pages unless nothing they show can have changed."""
    from rolecompare.building.site import refresh_site  # matplotlib: only when needed

    refresh_site(reports, prepared.collection, prepared.context, manifest)
