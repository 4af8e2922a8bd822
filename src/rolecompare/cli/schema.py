"""`rolecompare schema`: the data contract."""

from __future__ import annotations

import typer

from rolecompare.cli.common import app


@app.command()
def schema() -> None:
    """Print the data contract (tables and metric vocabulary) as Markdown."""
    from rolecompare.facts.schema import contract_markdown

    typer.echo(contract_markdown(), nl=False)
