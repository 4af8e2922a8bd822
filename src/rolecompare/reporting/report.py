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

from rolecompare.config import REPORT_NOTEBOOK
from rolecompare.facts.parsing.text import slugify

NOTEBOOK = REPORT_NOTEBOOK
FORMATS = ("html", "pdf")
BENCHMARK_ROLES = frozenset({"us-average"})  # columns of averages, not roles to compare
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


class UnknownRoleId(LookupError):
    """A role asked for is not in the facts; lists the known ids and the closest matches."""

    def __init__(self, asked: str, known: Sequence[str]) -> None:
        import difflib

        self.asked = asked
        self.known = list(known)
        self.close = difflib.get_close_matches(slugify(asked), self.known, n=3, cutoff=0.5)
        hint = f" Closest: {', '.join(self.close)}." if self.close else ""
        super().__init__(f"unknown role {asked!r}.{hint} Known role ids: {', '.join(self.known)}")


def resolve_role(asked: str, role_ids: Sequence[str]) -> str:
    """A role id from what a user typed: an id or a name ('Customer care manager')."""
    wanted = slugify(asked)
    comparable = [r for r in role_ids if r not in BENCHMARK_ROLES]
    if wanted not in comparable:
        raise UnknownRoleId(asked, comparable)
    return wanted


def role_names(processed_dir: Path) -> dict[str, str]:
    from rolecompare.facts.tables import load_roles

    roles = load_roles(processed_dir)
    return dict(zip(roles.role_id, roles.role, strict=True))


@dataclass
class ReportResult:
    role_a: str
    role_b: str
    paths: PairPaths
    written: list[Path] = field(default_factory=list)


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
) -> ReportResult:
    """Execute the pair notebook and export it. `timeout` limits the whole notebook in seconds
    (as `build --timeout` does), `cell_timeout` each cell. Raises execute.NotebookError on a
    failed cell or a notebook past its limit (the executed notebook is kept) and
    render.PdfRouteMissing when PDF cannot be made (the HTML is still written)."""
    from rolecompare.reporting.execute import NotebookError, execute_notebook
    from rolecompare.reporting.render import export_report

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
            deadline=time.monotonic() + timeout if timeout else None,
        )
    except NotebookError:
        for fmt in FORMATS:  # an older report would now contradict the kept notebook
            paths.of(fmt).unlink(missing_ok=True)
        raise
    result.written.append(paths.notebook)
    names = role_names(processed_dir)
    title = f"{names.get(role_a, role_a)} vs {names.get(role_b, role_b)}"
    for fmt in FORMATS:
        if fmt not in formats:
            paths.of(fmt).unlink(missing_ok=True)
    export_report(
        nb,
        title=title,
        html_target=paths.html if "html" in formats else None,
        pdf_target=paths.pdf if "pdf" in formats else None,
    )
    result.written += [paths.of(fmt) for fmt in FORMATS if fmt in formats]
    return result
