"""What the commands share: the Typer app, option types, one-line errors, fresh facts."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from rolecompare import atomic

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
