"""Where things live. Every path the project uses is resolved here, once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
METADATA_DIR = PACKAGE_DIR / "metadata"


def _find_project_root() -> Path:
    """The checkout this package lives in (src layout), else the working directory.

    ROLECOMPARE_HOME wins so that a notebook run from another folder still finds the data.
    """
    env = os.environ.get("ROLECOMPARE_HOME")
    if env:
        return Path(env).resolve()
    candidate = PACKAGE_DIR.parents[1]
    if (candidate / "pyproject.toml").is_file():
        return candidate
    return Path.cwd().resolve()


PROJECT_ROOT = _find_project_root()
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


@dataclass(frozen=True)
class ProcessedFiles:
    """The tables `rolecompare ingest` writes into one output folder."""

    folder: Path

    @property
    def facts(self) -> Path:
        return self.folder / "facts.csv"

    @property
    def roles(self) -> Path:
        return self.folder / "roles.csv"

    @property
    def conflicts(self) -> Path:
        return self.folder / "conflicts.csv"

    @property
    def problems(self) -> Path:
        return self.folder / "problems.csv"

    @property
    def pages(self) -> Path:
        return self.folder / "pages.csv"

    @property
    def manifest(self) -> Path:
        """What the tables were made from (raw file hashes), to tell when they are stale."""
        return self.folder / "ingest.json"

    def tables(self) -> list[Path]:
        return [self.facts, self.roles, self.conflicts, self.problems, self.pages]
