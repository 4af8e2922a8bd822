"""Where things live. Every path the project uses is resolved here, once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
METADATA_DIR = PACKAGE_DIR / "metadata"
# What a report needs ships inside the package (wheel included), found from the package's own
# location, never by looking for a checkout: an installed `rolecompare` makes reports in any
# folder. In a checkout, `rolecompare/notebooks/role_pair.ipynb` is a symbolic link to
# notebooks/role_pair.ipynb (the copy JupyterLab opens); building the wheel stores the file.
REPORT_NOTEBOOK = PACKAGE_DIR / "notebooks" / "role_pair.ipynb"


def _looks_like_project(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() and (folder / "data").is_dir()


def _find_project_root() -> Path:
    """The checkout this package lives in (src layout); else the nearest folder above the
    working directory that looks like one (pyproject.toml and data/); else the working
    directory.

    ROLECOMPARE_HOME wins, so that a notebook or script run from anywhere can name the
    project whose data it reads.
    """
    env = os.environ.get("ROLECOMPARE_HOME")
    if env:
        return Path(env).expanduser().resolve()
    candidate = PACKAGE_DIR.parents[1]
    if (candidate / "pyproject.toml").is_file():
        return candidate
    here = Path.cwd().resolve()
    return next((p for p in (here, *here.parents) if _looks_like_project(p)), here)


PROJECT_ROOT = _find_project_root()
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"  # the notebooks JupyterLab opens (a checkout's)

PROCESSED_SUFFIX = "-processed"
"""Tables made from a folder of pages other than the project's data/raw go beside it, in
`<raw folder><PROCESSED_SUFFIX>` (see `processed_dir_for`)."""


def processed_dir(folder: Path | str | None = None) -> Path:
    """The processed-tables folder to read: `folder` as given, or (None) the project's
    data/processed -- found from the package's location, not from the working directory, so
    that a notebook finds it wherever it is run from."""
    return PROCESSED_DIR if folder is None or str(folder) == "" else Path(folder).expanduser()


def processed_dir_for(raw: Path | str) -> Path:
    """Where the tables of the pages in `raw` go when no folder is named.

    The project's data/raw -> data/processed; any other folder of pages, e.g.
    `~/pages/other` -> `~/pages/other-processed`, beside it. Tables belong to the pages they
    were made from: another folder of pages never replaces the project's tables.
    """
    raw = Path(raw).expanduser().resolve()
    if raw == RAW_DIR.resolve():
        return PROCESSED_DIR
    return raw.parent / f"{raw.name}{PROCESSED_SUFFIX}"


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
