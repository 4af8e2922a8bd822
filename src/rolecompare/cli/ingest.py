"""`rolecompare ingest`: raw pages -> tables."""

from __future__ import annotations

from typing import Annotated

import typer

from rolecompare.cli.common import OutOption, RawOption, _ingest_errors, _print_problem, app
from rolecompare.config import PROCESSED_DIR, RAW_DIR


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
