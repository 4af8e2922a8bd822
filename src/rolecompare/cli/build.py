"""`rolecompare build`: the planned pairs -> reports and the site (index and role pages)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated

import typer

from rolecompare import atomic
from rolecompare.cli.common import (
    DEFAULT_JOBS,
    DEFAULT_TIMEOUT,
    BuildForceOption,
    FormatOption,
    JobsOption,
    ProcessedOption,
    RawOption,
    ReportsOption,
    TimeoutOption,
    app,
    fail,
    prepare,
)
from rolecompare.config import RAW_DIR, REPORTS_DIR

PairsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--pairs",
        help="Which pairs: pages (the pairs the pages compare; the default), all (every "
        "pair of roles), nearest:K (the pages' pairs plus each role's K most similar roles), "
        "or a CSV file with columns role_a,role_b (role ids or names). Repeat to combine.",
        show_default=False,
    ),
]


def _dry_run_tables(
    raw: Path, processed: Path | None, formats: str
) -> tuple[Path, tuple[str, ...], list[str]]:
    """The tables a dry run plans from, writing nothing: the processed folder when its facts
    are fresh, else an ingest into a temporary folder (removed at exit)."""
    import atexit
    import shutil
    import tempfile

    from rolecompare.cli.common import _ingest_errors, tables_folder
    from rolecompare.facts.ingest import ingest, is_stale, page_files
    from rolecompare.reporting.report import parse_formats, role_names

    try:
        wanted = parse_formats(formats)
    except ValueError as exc:
        raise fail(str(exc), 2) from exc
    folder = tables_folder(raw, processed)
    with _ingest_errors(folder):
        page_files(raw, require=True)
        if is_stale(raw, folder):
            scratch = Path(tempfile.mkdtemp(prefix="rolecompare-dry-run-"))
            atexit.register(shutil.rmtree, scratch, ignore_errors=True)
            typer.echo(
                f"facts in {folder} are missing or stale: planning from a temporary ingest "
                "of the pages (nothing is written)",
                err=True,
            )
            ingest(raw, scratch, on_problem=lambda _: None)
            folder = scratch
    return folder, wanted, role_names(folder)


@app.command()
def build(
    raw: RawOption = RAW_DIR,
    out: ReportsOption = REPORTS_DIR,
    processed: ProcessedOption = None,
    jobs: JobsOption = DEFAULT_JOBS,
    formats: FormatOption = "html,pdf",
    pairs: PairsOption = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Build only planned pairs with this role (repeatable)."),
    ] = None,
    force: BuildForceOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    wait: Annotated[
        float,
        typer.Option("--wait", help="Seconds to wait for another build of --out to finish."),
    ] = 0.0,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Print the plan as CSV (role_a,role_b,action with action build, up-to-date or "
            "remove) and build and write nothing.",
        ),
    ] = False,
) -> None:
    """Ingest, then build the report of every planned pair, and the site: OUT/index.html
    and a page per role.

    By default the pairs are those the pages compare. Pairs run in parallel; a pair whose
    inputs did not change is skipped; a failing pair does not stop the others; pairs no longer
    planned are removed. Prints what changed since the previous build. Exit 1 if any pair
    failed, 2 for a bad --pairs, --only or --format.
    """
    from rolecompare.building.plan import PlanError, parse_pairs

    try:
        spec = parse_pairs(pairs)
    except PlanError as exc:
        raise fail(str(exc), 2) from exc
    if dry_run:
        folder, wanted, known = _dry_run_tables(raw, processed, formats)
    else:
        prepared = prepare(formats, raw, processed, force=force)
        folder, wanted, known = prepared.processed, prepared.formats, prepared.names
    only_ids = _checked_roles(only or [], spec, known)
    if dry_run:
        _print_plan(folder, out, spec, only_ids, wanted, force)
        return
    _run(folder, out, spec, only_ids, wanted, force, jobs, timeout, scheduler, wait)


def _checked_roles(only: list[str], spec, known: dict[str, str]) -> list[str]:
    """The role ids of --only; exit 2 for an unknown one or a bad pairs file, before
    anything is written."""
    from rolecompare.building.plan import PlanError, pairs_of
    from rolecompare.core.roles import UnknownRole, resolve_role

    try:
        only_ids = [resolve_role(r, known) for r in only]
    except UnknownRole as exc:
        close = f" Closest: {', '.join(exc.close_matches)}." if exc.close_matches else ""
        raise fail(f"--only: unknown role {exc.role_id!r}.{close}", 2) from exc
    for pairs_file in spec.files:
        try:
            pairs_of(pairs_file, known)
        except PlanError as exc:
            raise fail(str(exc), 2) from exc
    return only_ids


def _print_plan(folder, out, spec, only_ids, wanted, force) -> None:
    from rolecompare.building import batch
    from rolecompare.building.paths import UnsafePath
    from rolecompare.building.plan import PlanError

    try:
        planned = batch.dry_run(folder, out, formats=wanted, pairs=spec, only=only_ids, force=force)
    except (PlanError, UnsafePath) as exc:
        raise fail(str(exc), 2) from exc
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["role_a", "role_b", "action"])
    writer.writerows(planned.rows())
    sys.stdout.flush()
    counts: dict[str, int] = {}
    for _, _, action in planned.rows():
        counts[action] = counts.get(action, 0) + 1
    summary = ", ".join(f"{n} {action}" for action, n in sorted(counts.items())) or "nothing"
    typer.echo(f"plan ({spec.describe()}): {summary}", err=True)
    for note in planned.plan.notes:
        typer.echo(f"note: {note}", err=True)
    for line in planned.changes.lines():
        typer.echo(line, err=True)


def _run(folder, out, spec, only_ids, wanted, force, jobs, timeout, scheduler, wait) -> None:
    from rolecompare.building import batch
    from rolecompare.building.paths import UnsafePath
    from rolecompare.building.plan import PlanError
    from rolecompare.building.run import run_dask

    try:
        summary = batch.build(
            folder,
            out,
            formats=wanted,
            jobs=jobs,
            pairs=spec,
            only=only_ids,
            force=force,
            timeout=timeout,
            runner=run_dask(scheduler) if scheduler else None,
            lock_wait=wait,
        )
    except (PlanError, UnsafePath) as exc:
        raise fail(str(exc), 2) from exc
    except atomic.FolderBusy as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write reports to {out}: {exc.strerror or exc}") from exc
    typer.echo(
        f"{summary.total} pair(s): {len(summary.built)} built, {len(summary.skipped)} "
        f"up to date, {len(summary.failed)} failed, {len(summary.removed)} removed "
        f"in {summary.seconds:.1f}s -> {Path(out) / 'index.html'}"
    )
    for note in summary.notes:
        typer.echo(f"note: {note}")
    if summary.changes is not None:
        for line in summary.changes.lines():
            typer.echo(line)
    for outcome in summary.failed:
        pair_folder = Path(out) / f"{outcome.role_a}__vs__{outcome.role_b}"
        kept = (
            ""
            if outcome.warning
            else f"\n       executed notebook kept at {pair_folder / 'report.ipynb'}"
        )
        typer.secho(
            f"FAILED {outcome.role_a} vs {outcome.role_b}: {outcome.error}{kept}",
            err=True,
            fg=typer.colors.RED,
        )
    if summary.failed:
        raise typer.Exit(1)
