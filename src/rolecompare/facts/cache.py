"""What ingest read from each page, kept so that an unchanged page is not read again.

A page is known by its key: its name and the sha256 of its content (`page_key`); what the
readers made of it is kept per reader version (a hash of the reading code and its metadata),
so a changed page, a renamed page or a change to any reader makes a new key and the page is
read again. The statements themselves are kept columnar by `facts.store` (in
`<processed>/.cache/pages/<version>/statements/`); `PageCache` here is the one-file-a-key
store, trusted as the tables are (pickles), that the extracted texts use.

The text extracted from each HTML page (a saved page or a crawl's record) is kept the same
way in `<processed>/.cache/texts/`, keyed by the page's bytes and what the crawl says of it,
in a folder named by a hash of the extraction code (`facts/reading`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path

from rolecompare import atomic
from rolecompare.config import PACKAGE_DIR
from rolecompare.facts.parsing import PageResult

# The code and data whose change changes what a page reads as.
READER_FILES = ("facts/parsing/**/*.py", "facts/schema.py", "metadata/*.csv")
CACHE_DIR = Path(".cache") / "pages"


def reader_version() -> str:
    """A hash of the reading code: a change to any of it invalidates every entry."""
    digest = hashlib.sha256()
    for pattern in READER_FILES:
        for path in sorted(PACKAGE_DIR.glob(pattern)):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def kept(result: PageResult) -> PageResult:
    """What ingest uses of a page's result (the number accounting of `unread` is done by
    then): a fraction of the memory, in the parent process and in the cache."""
    return PageResult(
        result.source,
        facts=result.facts,
        problems=result.problems,
        pending=result.pending,
        layouts=result.layouts,
        compares=result.compares,
    )


def page_key(name: str, data: bytes) -> str:
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest()


READING_FILES = ("facts/reading/*.py",)


def reading_version() -> str:
    """A hash of the code that turns HTML into text."""
    digest = hashlib.sha256()
    for pattern in READING_FILES:
        for path in sorted(PACKAGE_DIR.glob(pattern)):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:20]


class TextCache:
    """The text extracted from each HTML page (keyed by its bytes and what the crawl says of
    it), so that an unchanged page of a crawl is not extracted again (~1 ms a page)."""

    def __init__(self, processed: Path) -> None:
        self.store = PageCache(processed, version=reading_version())
        self.store.root = Path(processed) / ".cache" / "texts"
        self.store.folder = self.store.root / self.store.version
        self.used: set[str] = set()

    def _key(self, raw) -> str:
        from rolecompare.facts.reading.folder import text_key

        return text_key(raw)

    def get(self, raw):
        """(text, ExtractedPage) remembered for this page, or None."""
        key = self._key(raw)
        self.used.add(key)
        return self.store.get(key, kind=tuple)

    def put(self, raw, read: tuple) -> None:
        key = self._key(raw)
        self.used.add(key)
        self.store.put(key, read)


class PageCache:
    """Parse results of one processed folder, for one reader version."""

    def __init__(self, processed: Path, version: str | None = None) -> None:
        self.root = Path(processed) / CACHE_DIR
        self.version = version or reader_version()
        self.folder = self.root / self.version

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, kind: type = PageResult):
        try:
            with self._path(key).open("rb") as handle:
                found = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # missing or unreadable: read the page again
        return found if isinstance(found, kind) else None

    def put(self, key: str, result: object) -> None:
        self.put_pickled(key, pickle.dumps(result, pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, key: str, pickled: bytes) -> None:
        """An entry already pickled (a parse worker pickles a result once, for here and for
        the process that gathers the results)."""
        # temp + rename, no fsync (100,000 of them would cost minutes): an entry torn by a
        # crash fails to load and its page is read again
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{atomic.TEMP_PREFIX}{path.name}.{os.getpid()}")
        tmp.write_bytes(pickled)
        os.replace(tmp, path)

    def prune(self, keep: set[str]) -> int:
        """Remove other reader versions' folders and entries whose key is not in `keep`."""
        removed = 0
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other.name != self.version and other.is_dir():
                    shutil.rmtree(other, ignore_errors=True)
        if not self.folder.is_dir():
            return removed
        for shard in os.scandir(self.folder):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                if entry.name.removesuffix(".pickle") not in keep:
                    Path(entry.path).unlink(missing_ok=True)
                    removed += 1
        return removed
