"""`rolecompare report`: one pair of roles -> its report."""

from __future__ import annotations

from typing import Annotated

import typer

from rolecompare.cli.common import (
    DEFAULT_TIMEOUT,
    ForceOption,
    FormatOption,
    ProcessedOption,
    RawOption,
    ReportsOption,
    TimeoutOption,
    app,
    fail,
    prepare,
)
from rolecompare.config import RAW_DIR, REPORTS_DIR


@app.command()
def report(
    role_a: Annotated[
        str,
        typer.Argument(metavar="ROLE_A", help="Role id or name, e.g. customer-care-manager."),
    ],
    role_b: Annotated[str, typer.Argument(metavar="ROLE_B", help="The other role.")],
    raw: RawOption = RAW_DIR,
    out: ReportsOption = REPORTS_DIR,
    processed: ProcessedOption = None,
    formats: FormatOption = "html,pdf",
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    force: ForceOption = False,
) -> None:
    """Write the report of one pair of roles to OUT/<role_a>__vs__<role_b>/.

    Ingests first when the facts are missing or older than the pages (never over tables made
    from other pages without --force). Exit 2 for an unknown role (the known ids and closest
    matches are listed) or a --raw that does not exist or is a file; 1 when a notebook cell
    fails (the executed notebook is kept for debugging), the notebook runs past --timeout or
    the PDF tool is missing (HTML still written).
    """
    from rolecompare.core.roles import UnknownRole, resolve_role
    from rolecompare.reporting.execute import NotebookError
    from rolecompare.reporting.render import PdfRouteMissing
    from rolecompare.reporting.report import make_report

    prepared = prepare(formats, raw, processed, force=force)
    try:
        a, b = resolve_role(role_a, prepared.names), resolve_role(role_b, prepared.names)
    except UnknownRole as exc:
        raise fail(str(exc), 2) from exc
    if a == b:
        raise fail(f"{role_a!r} and {role_b!r} are the same role; name two different roles", 2)
    typer.echo(f"report {a} vs {b} ...", err=True)
    try:
        result = make_report(
            a,
            b,
            processed_dir=prepared.processed,
            reports_dir=out,
            formats=prepared.formats,
            timeout=timeout,
        )
    except NotebookError as exc:
        raise fail(str(exc)) from exc
    except PdfRouteMissing as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"cannot write reports to {out}: {exc.strerror or exc}") from exc
    for path in result.written:
        typer.echo(str(path))
