"""The `rolecompare` command: one small command per stage."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from rolecompare import atomic
from rolecompare.config import PROCESSED_DIR, RAW_DIR, REPORTS_DIR

app = typer.Typer(
    help=(
        "Turn career comparison pages into tidy tables and one HTML/PDF report per pair of "
        "roles.\n\nStages: ingest (pages -> tables), report (one pair), build (every pair)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

RawOption = Annotated[
    Path, typer.Option("--raw", help="Folder of raw career pages (*.txt).", show_default=True)
]
OutOption = Annotated[
    Path, typer.Option("--out", help="Folder for facts/roles/conflicts/problems CSVs.")
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error for the user and return the exit to raise."""
    typer.secho(f"rolecompare: error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@contextlib.contextmanager
def _ingest_errors(out: Path) -> Iterator[None]:
    """What can go wrong around an ingest, as one-line errors with the right exit status."""
    from rolecompare.facts.ingest import RawFolderMissing

    try:
        yield
    except RawFolderMissing as exc:
        raise fail(str(exc), 2) from exc
    except atomic.FolderBusy as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write to {out}: {exc.strerror or exc}") from exc


def _print_problem(message: str) -> None:
    print(message, file=sys.stderr)


@app.command()
def ingest(
    raw: RawOption = RAW_DIR,
    out: OutOption = PROCESSED_DIR,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any page had a problem.")
    ] = False,
) -> None:
    """Parse every page in --raw into facts.csv, roles.csv, conflicts.csv and problems.csv.

    Problems (unreadable lines, ambiguous tables) are printed as `file:line: message` and
    written to problems.csv; the other pages are still ingested.
    """
    from rolecompare.facts.ingest import ingest as run_ingest

    with _ingest_errors(out):
        result = run_ingest(raw, out, on_problem=_print_problem)
    typer.echo(result.summary())
    if strict and len(result.problems):
        raise typer.Exit(1)


def ensure_facts(raw: Path, out: Path) -> None:
    """Ingest when the facts are missing or were made from other pages or code."""
    from rolecompare.facts.ingest import ingest as run_ingest
    from rolecompare.facts.ingest import is_stale, page_files

    with _ingest_errors(out):
        page_files(raw)  # a missing --raw is the user's first problem, say only that
        if not is_stale(raw, out):
            return
        typer.echo(f"facts in {out} are missing or stale: ingesting {raw}", err=True)
        result = run_ingest(raw, out, on_problem=_print_problem)
    typer.echo(result.summary(), err=True)


def _prepare(formats: str, raw: Path, processed: Path) -> tuple[tuple[str, ...], list[str]]:
    """What `report` and `build` do first: check --format, make the facts fresh, list roles."""
    from rolecompare.reporting.report import parse_formats, role_names

    try:
        wanted = parse_formats(formats)
    except ValueError as exc:
        raise fail(str(exc), 2) from exc
    ensure_facts(raw, processed)
    return wanted, sorted(role_names(processed))


FormatOption = Annotated[
    str, typer.Option("--format", help="Comma-separated: html, pdf.", show_default=True)
]
ReportsOption = Annotated[Path, typer.Option("--out", help="Folder for the reports.")]
ProcessedOption = Annotated[
    Path, typer.Option("--processed", help="Folder for the ingested tables.")
]


@app.command()
def report(
    role_a: Annotated[str, typer.Argument(help="Role id or name, e.g. customer-care-manager.")],
    role_b: Annotated[str, typer.Argument(help="The other role.")],
    raw: RawOption = RAW_DIR,
    out: ReportsOption = REPORTS_DIR,
    processed: ProcessedOption = PROCESSED_DIR,
    formats: FormatOption = "html,pdf",
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds one notebook cell may run.")
    ] = 300.0,
) -> None:
    """Write the report of one pair of roles to OUT/<role_a>__vs__<role_b>/.

    Ingests first when the facts are missing or older than the pages. Exit 2 for an unknown
    role (the known ids and closest matches are listed), 1 when a notebook cell fails (the
    executed notebook is kept for debugging) or the PDF tool is missing (HTML still written).
    """
    from rolecompare.reporting.execute import NotebookError
    from rolecompare.reporting.render import PdfRouteMissing
    from rolecompare.reporting.report import (
        UnknownRoleId,
        make_report,
        resolve_role,
    )

    wanted, known = _prepare(formats, raw, processed)
    try:
        a, b = resolve_role(role_a, known), resolve_role(role_b, known)
    except UnknownRoleId as exc:
        raise fail(str(exc), 2) from exc
    if a == b:
        raise fail(f"{role_a!r} and {role_b!r} are the same role; name two different roles", 2)
    typer.echo(f"report {a} vs {b} ...", err=True)
    try:
        result = make_report(
            a, b, processed_dir=processed, reports_dir=out, formats=wanted, cell_timeout=timeout
        )
    except NotebookError as exc:
        raise fail(str(exc)) from exc
    except PdfRouteMissing as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write reports to {out}: {exc.strerror or exc}") from exc
    for path in result.written:
        typer.echo(str(path))


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


@app.command()
def schema() -> None:
    """Print the data contract (tables and metric vocabulary) as Markdown."""
    from rolecompare.facts.schema import contract_markdown

    typer.echo(contract_markdown(), nl=False)


def main() -> None:  # pragma: no cover - console entry point
    app()
