"""The pages of a raw folder, whatever form they come in: text, saved HTML, WARC crawls.

`raw_pages(folder)` is a generator over the folder (files in name order, a crawl's records in
archive order) yielding a `RawPage` per page, and `Skipped` / `Damaged` for WARC records that
are not pages; nothing is extracted yet, so pages can be hashed, cached or sent to workers
first. `page_text(raw)` turns one into the bytes the parser reads (a text page as it is, an HTML
page's extracted text) and its `ExtractedPage`. `read_folder(folder)` does both for a whole
folder, keeping only the newest capture of each address, and is what ingest uses.

Page names (`source` in the tables): a file's name; for a crawl's page, a name made from its
address (`host_path_hash`) so that it stays the same in every crawl and names no archive.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from rolecompare.facts.parsing import PageResult, Problem
from rolecompare.facts.reading.html_text import ExtractedPage, extract_html
from rolecompare.facts.reading.warc import Capture, Damaged, Skipped, read_warc
from rolecompare.facts.sources import SourceInfo

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
PATTERNS = "*.txt, *.html, *.htm, *.warc, *.warc.gz"
_NAME_DROP = re.compile(r"[^a-z0-9.-]+")
_MAX_NAME = 90


@dataclass(frozen=True)
class RawPage:
    """One page before reading: a file's or a WARC record's bytes and what is known of it."""

    name: str
    data: bytes
    kind: str  # "text" or "html"
    origin: str  # the file, or "archive@offset" for a crawl's record
    url: str | None = None
    date: str | None = None  # WARC-Date (full), to tell which capture is newer
    charset: str | None = None  # from the HTTP header
    key: str | None = None  # replayed from the archive index: its text's cache key (no bytes)

    @property
    def retrieved(self) -> str | None:
        return self.date[:10] if self.date and re.match(r"\d{4}-\d{2}-\d{2}", self.date) else None


def suffix_kind(path: Path) -> str | None:
    """'text', 'html', 'warc' from a file name, or None when it is not a page."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def page_name(url: str) -> str:
    """A stable, file-safe page name for an address: 'www.example.org_jobs-a-vs-b_1a2b3c4d'."""
    bare = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE).split("#")[0]
    host, _, rest = bare.partition("/")
    slug = _NAME_DROP.sub("-", rest.lower()).strip("-.")[: _MAX_NAME - len(host)]
    digest = hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:8]
    host = _NAME_DROP.sub("-", host.lower()).strip("-.") or "page"
    return f"{host}_{slug.rstrip('-.')}_{digest}" if slug else f"{host}_{digest}"


def text_key(raw: RawPage) -> str:
    """The key of a page's extracted text in ingest's cache: its bytes and what the crawl
    says of it."""
    if raw.key is not None:
        return raw.key
    said = "\0".join(str(x) for x in (raw.name, raw.kind, raw.charset, raw.url, raw.date))
    return hashlib.sha256(said.encode() + b"\0" + raw.data).hexdigest()


@dataclass
class ArchiveIndex:
    """What each crawl archive held when last read (its records, pages without their bytes),
    by file name with its size and mtime: an archive unchanged since is not read again."""

    old: dict[str, tuple[tuple[int, int], list]] = field(default_factory=dict)
    new: dict[str, tuple[tuple[int, int], list]] = field(default_factory=dict)
    reads: int = 0  # archives read this time

    def items(self, path: Path) -> Iterator[RawPage | Skipped | Damaged]:
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        recorded = self.old.get(path.name)
        if recorded is not None and recorded[0] == stamp:
            self.new[path.name] = recorded
            yield from recorded[1]
            return
        self.reads += 1
        kept = []
        for item in _records(path):
            yield item
            kept.append(
                replace(item, data=b"", key=text_key(item)) if isinstance(item, RawPage) else item
            )
        self.new[path.name] = (stamp, kept)


class StaleArchiveIndex(Exception):
    """A replayed page's text is not in the cache: its archive must be read again."""

    def __init__(self, archive: str) -> None:
        super().__init__(archive)
        self.archive = archive


def _records(path: Path) -> Iterator[RawPage | Skipped | Damaged]:
    for item in read_warc(path):
        if isinstance(item, Capture):
            yield RawPage(
                page_name(item.url),
                item.data,
                "html",
                f"{item.archive}@{item.offset}",
                url=item.url,
                date=item.date,
                charset=item.charset,
            )
        else:
            yield item


def raw_pages(
    raw_dir: Path, archives: ArchiveIndex | None = None
) -> Iterator[RawPage | Skipped | Damaged | PageResult]:
    """Every page of a folder (see the module); a file that cannot be read is a PageResult
    holding its problem. `archives`: crawl archives unchanged since indexed are replayed
    from it (their pages without bytes, `RawPage.key` naming their text)."""
    for path in sorted(p for p in Path(raw_dir).iterdir() if p.is_file()):
        kind = suffix_kind(path)
        if kind is None:
            continue
        if kind == "warc":
            yield from archives.items(path) if archives is not None else _records(path)
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield PageResult(path.name, problems=[Problem(1, f"cannot read file: {exc.strerror}")])
            continue
        yield RawPage(path.name, data, kind, path.name)


def page_text(raw: RawPage) -> tuple[bytes, ExtractedPage | None]:
    """What the parser reads of a page: a text page's bytes as they are, else the extracted
    text (UTF-8) with the ExtractedPage it came from."""
    if raw.kind == "text":
        return raw.data, None
    try:
        page = extract_html(raw.name, raw.data, raw.charset, url=raw.url, retrieved=raw.retrieved)
    except Exception as exc:  # an extractor bug must cost one page, not the whole ingest
        problem = Problem(1, f"cannot read the HTML ({type(exc).__name__}: {exc})"[:300])
        page = ExtractedPage(raw.name, "", None, raw.url, raw.retrieved, problems=(problem,))
    return page.text.encode("utf-8"), page


@dataclass
class FolderPages:
    """A folder read: each page's text for the parser, what each page says of itself, the
    extracted texts to keep beside the tables, and what was left out."""

    texts: dict[str, bytes] = field(default_factory=dict)
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    extracted: dict[str, str] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    unreadable: list[PageResult] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    superseded: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """Lines for the ingest summary: skipped records by reason, older captures left out."""
        lines = []
        if self.skipped:
            counts = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
            lines.append(f"WARC records skipped (not an HTML 200 page): {counts}")
        lines += [f"older capture not used: {s}" for s in self.superseded]
        return lines


def _is_newest(seen: dict[str, RawPage], raw: RawPage, out: FolderPages) -> bool:
    """True when `raw` is the newest capture of its address so far; the older of two is named
    in the summary. `seen` keeps each address's newest capture without its bytes."""
    old = seen.get(raw.name)
    if old is not None:
        newer, older = (raw, old) if (raw.date or "") >= (old.date or "") else (old, raw)
        out.superseded.append(
            f"{older.url} captured {older.date} ({older.origin}); {newer.date} ({newer.origin}) "
            "used"
        )
        if newer is old:
            return False
    seen[raw.name] = RawPage(raw.name, b"", raw.kind, raw.origin, raw.url, raw.date)
    return True


def _read(raw: RawPage) -> tuple[str, bytes, ExtractedPage | None]:
    return (raw.name, *page_text(raw))


def _keep(out: FolderPages, name: str, text: bytes, page: ExtractedPage | None) -> None:
    """Keep one page's text (only its text: a crawl's HTML is not held in memory)."""
    out.texts[name] = text
    out.problems.pop(name, None)  # an older capture's
    if page is not None:
        out.extracted[name] = page.text
        out.sources[name] = SourceInfo(page.title, page.url, page.retrieved)
        if page.problems:
            out.problems[name] = list(page.problems)


# Pages read together; from the second batch on, HTML pages are read on every core.
BATCH = 256


class _Reader:
    """Reads pages in batches, in this process until a folder turns out to be large."""

    def __init__(self, out: FolderPages, workers: int | None, texts=None) -> None:
        self.out, self.workers = out, workers or os.cpu_count() or 1
        self.batch: list[RawPage] = []
        self.pool: ProcessPoolExecutor | None = None
        self.texts = texts  # remembered extractions (ingest's cache): get(raw), put(raw, read)

    def add(self, raw: RawPage) -> None:
        if raw.kind == "text":  # nothing to extract: not worth a trip to a worker
            _keep(self.out, raw.name, raw.data, None)
            return
        known = self.texts.get(raw) if self.texts is not None else None
        if known is not None:
            _keep(self.out, raw.name, *known)
            return
        if raw.key is not None:  # replayed without its bytes, and its text is gone
            raise StaleArchiveIndex(raw.origin.rpartition("@")[0])
        self.batch.append(raw)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if self.pool is None and len(batch) >= BATCH and self.workers > 1:
            context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context)
        done = self.pool.map(_read, batch, chunksize=16) if self.pool else map(_read, batch)
        for raw, (name, text, page) in zip(batch, done, strict=True):
            _keep(self.out, name, text, page)
            if self.texts is not None:
                self.texts.put(raw, (text, page))

    def close(self) -> None:
        self.flush()
        if self.pool is not None:
            self.pool.shutdown()


def read_folder(
    raw_dir: Path, workers: int | None = None, texts=None, archives: ArchiveIndex | None = None
) -> FolderPages:
    """Read every page of a folder into the texts the parser reads (see FolderPages); a large
    folder's HTML on `workers` processes (default: every core). `texts`: extractions
    remembered from earlier reads (`facts.cache.TextCache`), used and added to; `archives`:
    crawl archives read before (`ArchiveIndex`, needs `texts`), updated."""
    if texts is None:
        archives = None
    while True:
        try:
            return _read_folder(raw_dir, workers, texts, archives)
        except StaleArchiveIndex as stale:  # read that archive again, and the rest as before
            archives.old.update(archives.new)  # those just read: their texts are cached now
            archives.old.pop(stale.archive, None)
            archives.new.clear()


def _read_folder(raw_dir: Path, workers: int | None, texts, archives) -> FolderPages:
    out = FolderPages()
    seen: dict[str, RawPage] = {}
    reader = _Reader(out, workers, texts)
    try:
        for item in raw_pages(raw_dir, archives):
            if isinstance(item, RawPage):
                if item.url is None or _is_newest(seen, item, out):
                    reader.add(item)
            elif isinstance(item, Skipped):
                out.skipped[item.why] += 1
            elif isinstance(item, Damaged):
                message = f"{item.message} at byte offset {item.offset:,}: reading stopped there"
                out.unreadable.append(PageResult(item.archive, problems=[Problem(1, message)]))
            else:
                out.unreadable.append(item)
    finally:
        reader.close()
    return out
