"""`rolecompare build`: every planned pair -> reports and the site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rolecompare import atomic
from rolecompare.cli.common import (
    FormatOption,
    ProcessedOption,
    RawOption,
    ReportsOption,
    _prepare,
    app,
    fail,
)
from rolecompare.config import PROCESSED_DIR, RAW_DIR, REPORTS_DIR


@app.command()
def build(
    raw: RawOption = RAW_DIR,
    out: ReportsOption = REPORTS_DIR,
    processed: ProcessedOption = PROCESSED_DIR,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Pairs built at once (default: number of cores).")
    ] = 0,
    formats: FormatOption = "html,pdf",
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Build only pairs with this role (repeatable)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild every pair.")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds one pair's notebook may run.")
    ] = 600.0,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    wait: Annotated[
        float,
        typer.Option("--wait", help="Seconds to wait for another build of --out to finish."),
    ] = 0.0,
) -> None:
    """Ingest, then build the report of every pair of roles, and reports/index.html.

    Pairs run in parallel; a pair whose inputs did not change is skipped (its build.json
    says what it was built from); a failing pair does not stop the others. Exit 1 if any
    pair failed.
    """
    import os

    from rolecompare.building.build import build as run_build
    from rolecompare.building.build import run_dask
    from rolecompare.reporting.report import UnknownRoleId, resolve_role

    wanted, known = _prepare(formats, raw, processed)
    try:
        only_ids = [resolve_role(r, known) for r in only or []]
    except UnknownRoleId as exc:
        raise fail(str(exc), 2) from exc
    workers = jobs or os.cpu_count() or 1
    try:
        summary = run_build(
            processed,
            out,
            formats=wanted,
            jobs=workers,
            only=only_ids,
            force=force,
            timeout=timeout,
            runner=run_dask(scheduler) if scheduler else None,
            ship_tables=scheduler is not None,
            lock_wait=wait,
        )
    except atomic.FolderBusy as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write reports to {out}: {exc.strerror or exc}") from exc
    typer.echo(
        f"{summary.total} pair(s): {len(summary.built)} built, {len(summary.skipped)} "
        f"up to date, {len(summary.failed)} failed, {len(summary.removed)} removed "
        f"in {summary.seconds:.1f}s -> {Path(out) / 'index.html'}"
    )
    for outcome in summary.failed:
        folder = Path(out) / f"{outcome.role_a}__vs__{outcome.role_b}"
        kept = (
            ""
            if outcome.warning
            else f"\n       executed notebook kept at {folder / 'report.ipynb'}"
        )
        typer.secho(
            f"FAILED {outcome.role_a} vs {outcome.role_b}: {outcome.error}{kept}",
            err=True,
            fg=typer.colors.RED,
        )
    if summary.failed:
        raise typer.Exit(1)
