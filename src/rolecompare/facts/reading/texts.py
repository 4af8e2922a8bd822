"""The text extracted from HTML pages, kept beside the tables so `file:line` can be checked.

`<tables>/text/<page>.txt` holds exactly the lines the parser read for page `<page>` (a facts
row's `line` is a line of that file). Text pages (`*.txt`) are read as they are and get none.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Mapping
from pathlib import Path

from rolecompare import atomic
from rolecompare.atomic import TEMP_PREFIX

TEXT_DIR = "text"
# Hash, size and mtime of each text file as written, in the tables' cache folder.
INDEX = Path(".cache") / "texts-index.pickle"


def text_path(tables_dir: Path, page: str) -> Path:
    """Where the extracted text of `page` is kept."""
    return Path(tables_dir) / TEXT_DIR / f"{page}.txt"


def _replace(target: Path, data: bytes) -> None:
    """Write under a temporary name, then rename over `target`: no reader sees half a file.
    Not flushed to disk one by one (that cost 5 ms a page): these are derived from the pages,
    and the ingest.json written after them is."""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".txt", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_texts(
    tables_dir: Path, texts: dict[str, str], hashes: Mapping[str, str] | None = None
) -> None:
    """Write each page's text (only where it changed, each file atomically) and remove the
    texts of pages that are gone. `hashes`: each page's SHA-256 of its UTF-8 text (ingest
    has them): a file whose hash, size and mtime are those recorded when it was last written
    (`INDEX`) is not read to compare."""
    folder = Path(tables_dir) / TEXT_DIR
    if texts:
        folder.mkdir(parents=True, exist_ok=True)
    # plain strings and one directory scan: pathlib cost more than the files at 100,000 pages
    names = {os.path.basename(f"{name}.txt"): name for name in texts}
    stamps = _scan(folder, names)
    index_file = Path(tables_dir) / INDEX
    known = _load_index(index_file) if hashes is not None else {}
    index: dict[str, tuple[str, int, int]] = {}
    base = os.fspath(folder)
    for file_name, name in names.items():
        digest = hashes.get(name) if hashes is not None else None
        stamp = stamps.get(file_name)
        if digest is not None and stamp is not None and known.get(file_name) == (digest, *stamp):
            index[file_name] = known[file_name]  # unchanged since written: not read
            continue
        target = Path(base, file_name)
        data = texts[name].encode("utf-8")
        if stamp is None or _read(target) != data:
            _replace(target, data)
            stamp = _stamp(target)
        if digest is not None and stamp is not None:
            index[file_name] = (digest, *stamp)
    if hashes is not None and (index or index_file.exists()):
        atomic.write_bytes(index_file, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))


def _scan(folder: Path, wanted: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """Size and mtime of each wanted text file; the texts of pages that are gone removed."""
    stamps: dict[str, tuple[int, int]] = {}
    if not folder.is_dir():
        return stamps
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.endswith(".txt") or not entry.is_file(follow_symlinks=False):
                continue
            if entry.name not in wanted:
                Path(entry.path).unlink(missing_ok=True)
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            stamps[entry.name] = (st.st_size, st.st_mtime_ns)
    return stamps


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _load_index(path: Path) -> dict[str, tuple[str, int, int]]:
    """What was recorded of each text file when written; empty when missing or unreadable
    (then every file is compared as before)."""
    try:
        index = pickle.loads(path.read_bytes())
    except Exception:  # a cache: a damaged one costs a comparison of every file
        return {}
    return index if isinstance(index, dict) else {}
