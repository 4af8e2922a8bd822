"""The `rolecompare` command: one small command per stage."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from rolecompare import atomic
from rolecompare.config import PROCESSED_DIR, RAW_DIR

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
    from rolecompare.ingest import RawFolderMissing
    from rolecompare.ingest import ingest as run_ingest

    try:
        result = run_ingest(raw, out, on_problem=_print_problem)
    except RawFolderMissing as exc:
        raise fail(str(exc), 2) from exc
    except atomic.FolderBusy as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write to {out}: {exc.strerror or exc}") from exc
    typer.echo(result.summary())
    if strict and len(result.problems):
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the data contract (tables and metric vocabulary) as Markdown."""
    from rolecompare.schema import contract_markdown

    typer.echo(contract_markdown(), nl=False)


def main() -> None:  # pragma: no cover - console entry point
    app()
