"""The ingest stage: every raw page in a folder -> facts, roles, conflicts, problems on disk.

Tables belong to the folder of pages they were made from: `ingest.json` records it (as an
absolute path and relative to the tables' folder, so that moving a whole checkout keeps the
tie). Writing the tables of other pages over them is refused (`TablesOfOtherPages`) unless
forced; `config.processed_dir_for` names a folder of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rolecompare import atomic
from rolecompare.config import PACKAGE_DIR, ProcessedFiles
from rolecompare.facts.cache import TextCache
from rolecompare.facts.parsing import PageResult
from rolecompare.facts.reading import PATTERNS, FolderPages, read_folder, suffix_kind, write_texts
from rolecompare.facts.reading.folder import ArchiveIndex
from rolecompare.facts.sources import SOURCES_FILE, merge_sources, read_sources
from rolecompare.facts.store import Gathered, PageInfo, StatementStore, gather, parse_changed

if TYPE_CHECKING:
    import pandas as pd

# The code whose change makes earlier facts stale.
_CODE_FILES = ("facts/parsing/*.py", "facts/reading/*.py", "facts/*.py", "metadata/*.csv")


class RawFolderMissing(FileNotFoundError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"raw pages folder {folder} does not exist: create it and put the career pages "
            f"({PATTERNS}) in it, or pass --raw DIR"
        )
        self.folder = folder


class RawFolderIsAFile(NotADirectoryError):
    """--raw names a file: the pages are read from a folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"--raw {path} is a file, not a folder: pass the folder that holds the pages "
            f"(e.g. --raw {Path(path).parent})"
        )
        self.path = path


class NoPages(Exception):
    """The raw folder holds no page (text, HTML or WARC): nothing to ingest."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"no pages ({PATTERNS}) in {folder}: put the career pages there first")
        self.folder = folder


class TablesOfOtherPages(Exception):
    """The tables folder holds tables made from another folder of pages."""

    def __init__(self, folder: Path, made_from: str, raw: Path) -> None:
        super().__init__(
            f"{folder} holds tables made from {made_from}, not from {raw}: refusing to replace "
            "them. Pass --processed DIR (ingest: --out DIR) for these pages' tables, or --force "
            "to replace them"
        )
        self.folder, self.made_from, self.raw = folder, made_from, raw


@dataclass
class IngestResult:
    """What one ingest did. `parsed`: pages read this time (the others came from the cache,
    `facts.cache`); `current`: nothing had changed, the tables on disk were kept."""

    folder: ProcessedFiles
    pages: int
    tables: Mapping[str, pd.DataFrame]
    notes: list[str] = field(default_factory=list)  # WARC records skipped, captures superseded
    parsed: int = 0
    current: bool = False
    counts: dict[str, int] | None = None  # rows per table, when the tables were kept

    @property
    def problems(self) -> pd.DataFrame:
        return self.tables["problems"]

    def summary(self) -> str:
        t = self.counts or {name: len(frame) for name, frame in self.tables.items()}
        how = (
            "nothing changed"
            if self.current
            else f"{self.parsed} read again, {self.pages - self.parsed} from the cache"
        )
        return (
            f"read {self.pages} page(s) ({how}): {t['facts']} facts about "
            f"{t['roles']} roles, {t['conflicts']} conflict(s), "
            f"{t['problems']} problem(s) -> {self.folder.folder}"
        ) + "".join(f"\n{note}" for note in self.notes)


def page_files(raw_dir: Path, *, require: bool = False) -> list[Path]:
    """The page files (text, HTML, WARC) of a folder, sorted. RawFolderMissing /
    RawFolderIsAFile when it is not a folder; with `require`, NoPages when it holds none."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        if raw_dir.exists():
            raise RawFolderIsAFile(raw_dir)
        raise RawFolderMissing(raw_dir)
    pages = sorted(p for p in raw_dir.iterdir() if p.is_file() and suffix_kind(p))
    if require and not pages:
        raise NoPages(raw_dir)
    return pages


def _recorded(out_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads(ProcessedFiles(Path(out_dir)).manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def made_from(out_dir: Path) -> str | None:
    """The folder of pages the tables in out_dir were made from ("unknown pages" when tables
    are there without a readable ingest.json); None when out_dir holds no tables."""
    files = ProcessedFiles(Path(out_dir))
    recorded = _recorded(out_dir)
    if recorded is not None and isinstance(recorded.get("raw_dir"), str):
        return str(recorded["raw_dir"])
    if any(p.is_file() for p in files.tables()):
        return "unknown pages (no ingest.json)"
    return None


def belongs_to(raw_dir: Path, out_dir: Path) -> bool:
    """True when out_dir holds no tables, or tables made from the pages in raw_dir."""
    recorded = _recorded(out_dir)
    if recorded is None:
        return made_from(out_dir) is None
    raw = Path(raw_dir).resolve()
    if recorded.get("raw_dir") == str(raw):
        return True
    relative = recorded.get("raw_relative")  # the checkout moved: the tie still holds
    return isinstance(relative, str) and (Path(out_dir) / relative).resolve() == raw


def check_tables_belong(raw_dir: Path, out_dir: Path, *, force: bool = False) -> None:
    """Raise TablesOfOtherPages when writing raw_dir's tables would replace other pages'."""
    if force or belongs_to(raw_dir, out_dir):
        return
    raise TablesOfOtherPages(Path(out_dir), made_from(out_dir) or "?", Path(raw_dir))


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


def _manifest(
    raw_dir: Path, out_dir: Path, pages: dict[str, bytes], folder: FolderPages | None = None
) -> dict[str, object]:
    manifest: dict[str, object] = {
        "raw_dir": str(Path(raw_dir).resolve()),
        "raw_relative": os.path.relpath(Path(raw_dir).resolve(), Path(out_dir).resolve()),
        "code": code_fingerprint(),
        "sources": _sources_hash(raw_dir),
        "pages": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(pages.items())},
        "read": _folder_digest(folder) if folder is not None else None,
    }
    if folder is not None and folder.sources:  # a new <title> alone changes pages.csv too
        said = json.dumps(sorted((k, list(astuple(v))) for k, v in folder.sources.items()))
        manifest["page_sources"] = hashlib.sha256(said.encode("utf-8")).hexdigest()
    return manifest


def _read_pages(
    raw_dir: Path, texts: TextCache | None = None, archives: ArchiveIndex | None = None
) -> tuple[dict[str, bytes], list[PageResult], FolderPages]:
    """The parser's input per page (an HTML page's extracted text), unreadable files and
    archives as problems, and what the folder's pages say of themselves."""
    folder = read_folder(raw_dir, texts=texts, archives=archives)
    return folder.texts, folder.unreadable, folder


# The archives read before (`reading.ArchiveIndex`), for the reading code of that version.
ARCHIVE_INDEX = Path(".cache") / "archives-index.pickle"


def _load_archives(folder: Path, version: str) -> ArchiveIndex:
    try:
        recorded = pickle.loads((folder / ARCHIVE_INDEX).read_bytes())
    except Exception:  # a cache: missing or damaged, every archive is read
        return ArchiveIndex()
    ok = isinstance(recorded, tuple) and len(recorded) == 2 and recorded[0] == version
    return ArchiveIndex(old=recorded[1]) if ok else ArchiveIndex()


def _save_archives(folder: Path, version: str, archives: ArchiveIndex) -> None:
    if archives.new or (folder / ARCHIVE_INDEX).exists():
        data = pickle.dumps((version, archives.new), protocol=pickle.HIGHEST_PROTOCOL)
        atomic.write_bytes(folder / ARCHIVE_INDEX, data)


def is_stale(raw_dir: Path, out_dir: Path) -> bool:
    """True when the tables in out_dir are missing or were not made from these pages and code."""
    return _current(raw_dir, ProcessedFiles(Path(out_dir))) is None


def _raw_stamp(raw_dir: Path) -> str:
    """A hash of every page file's name and bytes: equal stamps, equal pages (a crawl's
    archives are hashed whole, before any record is read)."""
    digest = hashlib.sha256()
    for path in page_files(raw_dir):
        digest.update(path.name.encode() + b"\0")
        try:
            with path.open("rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def _current(raw_dir: Path, files: ProcessedFiles) -> dict[str, object] | None:
    """The recorded ingest.json when the tables were made from exactly these page files,
    sources.csv and code (checked without reading a page), else None."""
    recorded = _recorded(files.folder)
    if recorded is None or not _tables_present(files):
        return None
    same = (
        recorded.get("raw") == _raw_stamp(raw_dir)
        and recorded.get("code") == code_fingerprint()
        and recorded.get("sources") == _sources_hash(raw_dir)
        and recorded.get("raw_dir") == str(Path(raw_dir).resolve())
    )
    return recorded if same else None


def _facts_for_csv(facts: pd.DataFrame) -> pd.DataFrame:
    """facts.csv carries each number exactly as printed (19.80 stays 19.80)."""
    out = facts.drop(columns=["printed"]).astype({"value": object})
    printed = facts["printed"]
    out["value"] = printed.where(printed.notna(), None)
    return out


TABLE_NAMES = ("facts", "roles", "conflicts", "problems", "pages")


class TablesOnDisk(Mapping):
    """The tables of a folder, each read (as `load_<name>(validate=False)`) when first used:
    an ingest that changed nothing need not read 5 million fact rows to say so."""

    def __init__(self, folder: Path) -> None:
        self.folder, self._read = folder, {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLE_NAMES:
            raise KeyError(name)
        if name not in self._read:
            from rolecompare.facts import tables

            self._read[name] = getattr(tables, f"load_{name}")(self.folder, validate=False)
        return self._read[name]

    def __iter__(self):
        return iter(TABLE_NAMES)

    def __len__(self) -> int:
        return len(TABLE_NAMES)


def _kept(
    files: ProcessedFiles, recorded: dict, on_problem: Callable[[str], None] | None
) -> IngestResult:
    tables = TablesOnDisk(files.folder)
    counts = recorded.get("counts")
    if on_problem is not None and (not isinstance(counts, dict) or counts.get("problems")):
        _report(tables, on_problem)
    notes = recorded.get("notes")
    pages = recorded.get("pages")
    n_pages = len(pages) if isinstance(pages, dict) else 0
    result = IngestResult(files, n_pages, tables, list(notes or []), current=True)
    result.counts = counts if isinstance(counts, dict) else None
    return result


def ingest(
    raw_dir: Path,
    out_dir: Path,
    *,
    on_problem: Callable[[str], None] | None = None,
    lock_wait: float = 600.0,
    force: bool = False,
    scheduler: str | None = None,
) -> IngestResult:
    """Parse every page in raw_dir (text, HTML, WARC crawls: `facts.reading`) and write the
    tables (atomically) to out_dir, with the text extracted from HTML pages in `text/`.

    A page is read again only when its content or the reading code changed (`facts.cache`);
    when nothing changed at all (pages, sources.csv, code) the tables are kept as they are.
    `scheduler`: parse the pages to read on that Dask cluster (`facts.cluster`).
    Raises TablesOfOtherPages when out_dir holds tables made from other pages, unless
    `force` (see `config.processed_dir_for` for a folder of their own).
    """
    check_tables_belong(raw_dir, out_dir, force=force)
    files = ProcessedFiles(Path(out_dir))
    recorded = _current(raw_dir, files)
    if recorded is not None:  # nothing changed: not a page is read
        return _kept(files, recorded, on_problem)
    stamp = _raw_stamp(raw_dir)
    texts = TextCache(files.folder)
    archives = _load_archives(files.folder, texts.store.version)
    pages, unreadable, folder = _read_pages(raw_dir, texts, archives)
    manifest = _manifest(raw_dir, out_dir, pages, folder) | {"raw": stamp}
    store = StatementStore(files.folder)
    parsed, keys, kept = parse_changed(pages, store, scheduler)
    # pandas (imported by these) is not needed to parse: the workers fork without it
    from rolecompare.core.tables import write_tables
    from rolecompare.facts.tables import tables_of

    got = gather(parsed, keys, kept, store)
    n_pages = len(pages) + len(unreadable)
    folder.texts.clear()  # every page's text: parsed by now (memory)
    with atomic.locked(files.folder, wait=lock_wait):
        _keep_statements(store, got)  # a cache: right whatever happens to the tables
    infos = _page_infos(got, keys, unreadable, folder)
    sources, source_problems = read_sources(raw_dir, {info.source for info in infos})
    sources = merge_sources(folder.sources, sources)
    tables = tables_of(got.take_frame(), infos, sources, source_problems, checked=True)
    with atomic.locked(files.folder, wait=lock_wait):
        atomic.sweep_temporaries(files.folder, depth=0)
        written = {name: tables[name] for name in ("roles", "conflicts", "problems", "pages")}
        facts = _facts_for_csv(tables["facts"])
        write_tables(files.folder, {"facts": facts, **written}, groups={"facts": "source"})
        write_texts(files.folder, folder.extracted, manifest["pages"])
        manifest["counts"] = {name: len(tables[name]) for name in TABLE_NAMES}
        manifest["notes"] = folder.summary()
        atomic.write_text(files.manifest, json.dumps(manifest, indent=2) + "\n")
        texts.store.prune(texts.used)
        _save_archives(files.folder, texts.store.version, archives)
    _report(tables, on_problem)
    return IngestResult(files, n_pages, tables, folder.summary(), parsed=got.parsed)


def _page_infos(
    got: Gathered, keys: dict[str, str], unreadable: list[PageResult], folder: FolderPages
) -> list[PageInfo]:
    """Every page's info in source order, with the problems of its file (or archive record)
    before those of its text; files that could not be read as pages of their own."""
    infos = [got.infos[keys[name]] for name in keys] + [PageInfo.of(r) for r in unreadable]
    infos.sort(key=lambda info: info.source)
    return [
        replace(info, problems=folder.problems[info.source] + info.problems)
        if folder.problems.get(info.source)
        else info
        for info in infos
    ]


def _keep_statements(store: StatementStore, got: Gathered) -> None:
    """Rewrite the store's shards whose pages changed."""
    store.save(got.infos, got.frame, got.changed)
    store.prune_versions()


def _tables_present(files: ProcessedFiles) -> bool:
    return all(p.is_file() for p in files.tables())


def _report(tables: Mapping[str, pd.DataFrame], on_problem: Callable[[str], None] | None) -> None:
    if on_problem is not None:
        for row in tables["problems"].itertuples():
            on_problem(f"{row.source}:{row.line}: {row.problem}")


def _folder_digest(folder: FolderPages) -> str:
    """What the folder's pages say of themselves besides their text (titles, addresses,
    dates, problems of files and records): a change to it is a change too."""
    said = {
        "sources": {k: repr(v) for k, v in sorted(folder.sources.items())},
        "problems": {k: [repr(p) for p in v] for k, v in sorted(folder.problems.items())},
    }
    return hashlib.sha256(json.dumps(said, sort_keys=True).encode()).hexdigest()
