"""One pair of roles, end to end: fresh facts -> executed notebook -> HTML and PDF.

Output folder `reports/<role_a>__vs__<role_b>/` holds `report.ipynb` (the executed notebook,
kept also when a cell fails, for debugging), `report.html` and `report.pdf`. Every file is
written under a temporary name and renamed, so readers never see half a report; when the
notebook fails, reports from an earlier run are removed rather than left to contradict it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rolecompare.config import REPORT_NOTEBOOK
from rolecompare.facts.parsing.text import slugify

NOTEBOOK = REPORT_NOTEBOOK
FORMATS = ("html", "pdf")
DEFAULT_CELL_TIMEOUT = 300.0


@dataclass(frozen=True)
class PairPaths:
    folder: Path

    @property
    def notebook(self) -> Path:
        return self.folder / "report.ipynb"

    @property
    def html(self) -> Path:
        return self.folder / "report.html"

    @property
    def pdf(self) -> Path:
        return self.folder / "report.pdf"

    def of(self, fmt: str) -> Path:
        return self.folder / f"report.{fmt}"


def pair_folder_name(role_a: str, role_b: str) -> str:
    return f"{role_a}__vs__{role_b}"


def pair_paths(reports_dir: Path, role_a: str, role_b: str) -> PairPaths:
    folder = (Path(reports_dir) / pair_folder_name(slugify(role_a), slugify(role_b))).resolve()
    if folder.parent != Path(reports_dir).resolve():  # slugs cannot escape, but say so here
        raise ValueError(f"report folder {folder} would fall outside {reports_dir}")
    return PairPaths(folder)


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = tuple(dict.fromkeys(i.strip().lower() for i in items if i.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}: choose from html,pdf")
    return wanted


def role_names(processed_dir: Path) -> dict[str, str]:
    """role_id -> name, from the roles table of `processed_dir` (a full folder or a slice)."""
    from rolecompare.config import ProcessedFiles
    from rolecompare.core import roles
    from rolecompare.reporting.inputs import read_table

    return roles.role_names(read_table(ProcessedFiles(Path(processed_dir)).roles, "roles"))


def report_title(processed_dir: Path, role_a: str, role_b: str) -> str:
    """'Role A vs Role B', the names from the roles table (the ids where a name is missing)."""
    names = role_names(processed_dir)
    return f"{names.get(role_a, role_a)} vs {names.get(role_b, role_b)}"


@dataclass
class ReportResult:
    role_a: str
    role_b: str
    paths: PairPaths
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # notebook, export


def notebook_parameters(
    role_a: str, role_b: str, processed_dir: Path, build_info: dict | None = None
) -> dict[str, object]:
    return {
        "role_a": role_a,
        "role_b": role_b,
        "processed_dir": str(Path(processed_dir).resolve()),
        "build_info_json": json.dumps(build_info or {}, sort_keys=True),
    }


def make_report(
    role_a: str,
    role_b: str,
    *,
    processed_dir: Path,
    reports_dir: Path,
    formats: Sequence[str] = FORMATS,
    cell_timeout: float | None = DEFAULT_CELL_TIMEOUT,
    timeout: float | None = None,
    build_info: dict | None = None,
    notebook: Path = NOTEBOOK,
    kernel_manager: Any = None,
) -> ReportResult:
    """Execute the pair notebook and export it: the one pipeline of a pair, for `report` and
    for `build`'s workers (which pass a slice folder as `processed_dir`, their warm kernel as
    `kernel_manager` and their template with a reset cell as `notebook`).

    `timeout` limits the whole notebook in seconds (as `build --timeout` does), `cell_timeout`
    each cell. Raises execute.NotebookError on a failed cell or a notebook past its limit (the
    executed notebook is kept, older HTML and PDF removed) and render.PdfRouteMissing when PDF
    cannot be made (the HTML is still written: the caller decides whether that fails)."""
    from rolecompare.reporting.execute import NotebookError, execute_notebook
    from rolecompare.reporting.render import export_report

    started = time.monotonic()
    paths = pair_paths(reports_dir, role_a, role_b)
    paths.folder.mkdir(parents=True, exist_ok=True)
    result = ReportResult(role_a, role_b, paths)
    try:
        nb = execute_notebook(
            notebook,
            paths.notebook,
            notebook_parameters(role_a, role_b, processed_dir, build_info),
            cwd=paths.folder,
            cell_timeout=cell_timeout,
            deadline=started + timeout if timeout else None,
            kernel_manager=kernel_manager,
        )
    except NotebookError:
        for fmt in FORMATS:  # an older report would now contradict the kept notebook
            paths.of(fmt).unlink(missing_ok=True)
        raise
    result.written.append(paths.notebook)
    result.seconds["notebook"] = time.monotonic() - started
    exported = time.monotonic()
    for fmt in FORMATS:
        if fmt not in formats:
            paths.of(fmt).unlink(missing_ok=True)
    export_report(
        nb,
        title=report_title(processed_dir, role_a, role_b),
        html_target=paths.html if "html" in formats else None,
        pdf_target=paths.pdf if "pdf" in formats else None,
    )
    result.written += [paths.of(fmt) for fmt in FORMATS if fmt in formats]
    result.seconds["export"] = time.monotonic() - exported
    return result
