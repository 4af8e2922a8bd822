"""What the commands share: the Typer app, option types, one-line errors, fresh facts.

Options are declared once here so that every command documents them the same way and they
behave as documented: `--jobs` is at least 1 and shows the real default (the number of
cores), `--strict` and `--force` are flags, `--timeout` is the seconds one report's notebook
may run in every command. Help is plain text wrapped at word boundaries (rich's renderer kept
the docstrings' line breaks and showed flags as `<bool>`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NamedTuple

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
    rich_markup_mode=None,  # plain help, paragraphs re-wrapped at word boundaries
)

DEFAULT_JOBS = os.cpu_count() or 1
DEFAULT_TIMEOUT = 600.0

_PROCESSED_RULE = (
    "Default: data/processed for the project's data/raw; for any other --raw DIR, "
    "DIR-processed beside it (tables belong to the pages they were made from)."
)

RawOption = Annotated[
    Path,
    typer.Option(
        "--raw",
        help="Folder of raw career pages (*.txt, *.html, *.htm, *.warc, *.warc.gz).",
        show_default=True,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help=f"Folder for the tables (facts, roles, conflicts, problems, pages). {_PROCESSED_RULE}",
        show_default=False,
    ),
]
ProcessedOption = Annotated[
    Path | None,
    typer.Option(
        "--processed",
        help=f"Folder of the ingested tables. {_PROCESSED_RULE}",
        show_default=False,
    ),
]
ReportsOption = Annotated[Path, typer.Option("--out", help="Folder for the reports.")]
FormatOption = Annotated[
    str, typer.Option("--format", help="Comma-separated: html, pdf.", show_default=True)
]
JobsOption = Annotated[
    int,
    typer.Option("--jobs", "-j", min=1, help="Pairs built at once (default: the number of cores)."),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=1,
        help="Seconds one report's notebook may run, all its cells together.",
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Exit 1 when any page had a problem.")]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Replace tables in the processed folder that were made from other pages."
    ),
]
BuildForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Rebuild every pair; also replace tables in the processed folder that were made "
        "from other pages.",
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error for the user and return the exit to raise."""
    typer.secho(f"rolecompare: error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def tables_folder(raw: Path, processed: Path | None) -> Path:
    """--processed as given, or the folder the pages in --raw own (config.processed_dir_for)."""
    from rolecompare.config import processed_dir_for

    return processed if processed is not None else processed_dir_for(raw)


@contextlib.contextmanager
def _ingest_errors(out: Path) -> Iterator[None]:
    """What can go wrong around an ingest, as one-line errors with the right exit status:
    2 for a command line that cannot start (no such folder, a file as --raw, tables of other
    pages without --force), 1 for everything else (no pages, a busy or unwritable folder)."""
    from rolecompare.facts.ingest import (
        NoPages,
        RawFolderIsAFile,
        RawFolderMissing,
        TablesOfOtherPages,
    )

    try:
        yield
    except (RawFolderMissing, RawFolderIsAFile, TablesOfOtherPages) as exc:
        raise fail(str(exc), 2) from exc
    except NoPages as exc:
        raise fail(str(exc)) from exc
    except atomic.FolderBusy as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write to {out}: {exc.strerror or exc}") from exc


def _print_problem(message: str) -> None:
    print(message, file=sys.stderr)


def ensure_facts(raw: Path, out: Path, *, force: bool = False) -> None:
    """Ingest when the facts are missing or were made from other pages or code; refuse to
    replace tables made from another folder of pages unless `force`."""
    from rolecompare.facts.ingest import check_tables_belong, ingest, is_stale, page_files

    with _ingest_errors(out):
        page_files(raw, require=True)  # a missing or empty --raw is the user's first problem
        if not is_stale(raw, out):
            return
        check_tables_belong(raw, out, force=force)
        typer.echo(f"facts in {out} are missing or stale: ingesting {raw}", err=True)
        result = ingest(raw, out, on_problem=_print_problem, force=force)
    typer.echo(result.summary(), err=True)


class Prepared(NamedTuple):
    formats: tuple[str, ...]
    names: dict[str, str]  # the known role ids -> their names
    processed: Path  # the tables folder used


def prepare(formats: str, raw: Path, processed: Path | None, *, force: bool = False) -> Prepared:
    """What `report` and `build` do first: check --format, find the tables folder (see
    `tables_folder`), make its facts fresh, list the roles."""
    from rolecompare.reporting.report import parse_formats, role_names

    try:
        wanted = parse_formats(formats)
    except ValueError as exc:
        raise fail(str(exc), 2) from exc
    folder = tables_folder(raw, processed)
    ensure_facts(raw, folder, force=force)
    return Prepared(wanted, role_names(folder), folder)
