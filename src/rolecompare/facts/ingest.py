"""The ingest stage: every raw page in a folder -> facts, roles, conflicts, problems on disk."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rolecompare import atomic
from rolecompare.config import PACKAGE_DIR, ProcessedFiles
from rolecompare.facts.parsing import PageResult, Problem, parse_page
from rolecompare.facts.sources import SOURCES_FILE, read_sources

if TYPE_CHECKING:
    import pandas as pd

# The code whose change makes earlier facts stale.
_CODE_FILES = ("facts/parsing/*.py", "facts/*.py", "metadata/*.csv")


class RawFolderMissing(FileNotFoundError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"raw pages folder {folder} does not exist: create it and put the career pages "
            "(*.txt) in it, or pass --raw DIR"
        )
        self.folder = folder


@dataclass
class IngestResult:
    folder: ProcessedFiles
    pages: int
    tables: dict[str, pd.DataFrame]

    @property
    def problems(self) -> pd.DataFrame:
        return self.tables["problems"]

    def summary(self) -> str:
        t = self.tables
        return (
            f"read {self.pages} page(s): {len(t['facts'])} facts about {len(t['roles'])} roles, "
            f"{len(t['conflicts'])} conflict(s), {len(t['problems'])} problem(s) -> "
            f"{self.folder.folder}"
        )


def page_files(raw_dir: Path) -> list[Path]:
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise RawFolderMissing(raw_dir)
    return sorted(p for p in raw_dir.glob("*.txt") if p.is_file())


def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in _CODE_FILES:
        for path in sorted(PACKAGE_DIR.glob(pattern)):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _sources_hash(raw_dir: Path) -> str | None:
    path = Path(raw_dir) / SOURCES_FILE
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def _manifest(raw_dir: Path, pages: dict[str, bytes]) -> dict[str, object]:
    return {
        "raw_dir": str(Path(raw_dir).resolve()),
        "code": code_fingerprint(),
        "sources": _sources_hash(raw_dir),
        "pages": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(pages.items())},
    }


def _read_pages(raw_dir: Path) -> tuple[dict[str, bytes], list[PageResult]]:
    pages: dict[str, bytes] = {}
    unreadable: list[PageResult] = []
    for path in page_files(raw_dir):
        try:
            pages[path.name] = path.read_bytes()
        except OSError as exc:
            unreadable.append(
                PageResult(path.name, problems=[Problem(1, f"cannot read file: {exc.strerror}")])
            )
    return pages, unreadable


# Below this many pages a process pool costs more than it saves.
PARALLEL_FROM = 200


def _parse_item(item: tuple[str, bytes]) -> PageResult:
    return parse_page(*item)


def parse_all(pages: dict[str, bytes], workers: int | None = None) -> list[PageResult]:
    """Parse pages, on every core when there are many (parsing is pure and CPU-bound)."""
    workers = workers or os.cpu_count() or 1
    if len(pages) < PARALLEL_FROM or workers < 2:
        return [parse_page(name, data) for name, data in pages.items()]
    # fork: no re-import of the caller's main module (a script calling ingest() unguarded)
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(_parse_item, pages.items(), chunksize=64))


def is_stale(raw_dir: Path, out_dir: Path) -> bool:
    """True when the tables in out_dir are missing or were not made from these pages and code."""
    files = ProcessedFiles(Path(out_dir))
    if not all(p.is_file() for p in files.tables()) or not files.manifest.is_file():
        return True
    try:
        recorded = json.loads(files.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    pages, _ = _read_pages(raw_dir)
    return recorded != _manifest(raw_dir, pages)


def _facts_for_csv(facts: pd.DataFrame) -> pd.DataFrame:
    """facts.csv carries each number exactly as printed (19.80 stays 19.80)."""
    out = facts.drop(columns=["printed"]).astype({"value": object})
    printed = facts["printed"]
    out["value"] = printed.where(printed.notna(), None)
    return out


def ingest(
    raw_dir: Path,
    out_dir: Path,
    *,
    on_problem: Callable[[str], None] | None = None,
    lock_wait: float = 600.0,
) -> IngestResult:
    """Parse every *.txt page in raw_dir and write the four tables (atomically) to out_dir."""
    pages, unreadable = _read_pages(raw_dir)
    results = parse_all(pages) + unreadable
    sources, source_problems = read_sources(raw_dir, {r.source for r in results})
    from rolecompare.facts.tables import build_tables  # pandas: not needed to parse

    tables = build_tables(results, sources, source_problems)
    files = ProcessedFiles(Path(out_dir))
    with atomic.locked(files.folder, wait=lock_wait):
        atomic.sweep_temporaries(files.folder, depth=0)
        atomic.write_csv(files.facts, _facts_for_csv(tables["facts"]))
        for name in ("roles", "conflicts", "problems", "pages"):
            atomic.write_csv(getattr(files, name), tables[name])
        atomic.write_text(files.manifest, json.dumps(_manifest(raw_dir, pages), indent=2) + "\n")
    if on_problem is not None:
        for row in tables["problems"].itertuples():
            on_problem(f"{row.source}:{row.line}: {row.problem}")
    return IngestResult(files, len(pages) + len(unreadable), tables)
