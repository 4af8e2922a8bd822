"""`rolecompare ingest`: raw pages -> tables."""

from __future__ import annotations

from typing import Annotated

import typer

from rolecompare.cli.common import (
    ForceOption,
    OutOption,
    RawOption,
    StrictOption,
    _ingest_errors,
    _print_problem,
    app,
    fail,
    tables_folder,
)
from rolecompare.config import RAW_DIR


@app.command("ingest")
def ingest_command(
    raw: RawOption = RAW_DIR,
    out: OutOption = None,
    strict: StrictOption = False,
    force: ForceOption = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="FILE:LINE",
            help="Print how one line of one page is read (each number: the reader that took "
            "it, role, metric, statistic, qualifier, period, category; or why it is unread) "
            "and exit; no tables are written.",
        ),
    ] = None,
) -> None:
    """Parse every page in --raw into the tables: facts, roles, conflicts, problems, pages.

    Problems (unreadable lines, ambiguous tables) are printed as `file:line: message` and
    written to problems.csv; the other pages are still ingested. Tables made from another
    folder of pages are never replaced without --force.

    Exit status: 0; 1 with --strict when a page had a problem, or when --raw holds no page;
    2 when --raw does not exist or is a file, or --out holds other pages' tables; with
    --explain, 2 for an unknown file or a line out of range.
    """
    if explain is not None:
        from rolecompare.facts.explain import ExplainError, parse_target
        from rolecompare.facts.explain import explain as explain_line

        try:
            typer.echo(explain_line(*parse_target(explain)))
        except ExplainError as exc:
            raise fail(str(exc), 2) from None
        return
    from rolecompare.facts.ingest import ingest, page_files

    folder = tables_folder(raw, out)
    with _ingest_errors(folder):
        page_files(raw, require=True)
        result = ingest(raw, folder, on_problem=_print_problem, force=force)
    typer.echo(result.summary())
    if strict and len(result.problems):
        raise typer.Exit(1)
