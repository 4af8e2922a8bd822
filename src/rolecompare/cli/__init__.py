"""The `rolecompare` command: one small command per stage (one module per command)."""

from __future__ import annotations

from rolecompare.cli import build, ingest, report, schema  # noqa: F401  (registers commands)
from rolecompare.cli.common import app

__all__ = ["app"]


def main() -> None:  # pragma: no cover - console entry point
    app()
