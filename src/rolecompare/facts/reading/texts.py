"""The text extracted from HTML pages, kept beside the tables so `file:line` can be checked.

`<tables>/text/<page>.txt` holds exactly the lines the parser read for page `<page>` (a facts
row's `line` is a line of that file). Text pages (`*.txt`) are read as they are and get none.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rolecompare.atomic import TEMP_PREFIX

TEXT_DIR = "text"


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


def write_texts(tables_dir: Path, texts: dict[str, str]) -> None:
    """Write each page's text (only where it changed, each file atomically) and remove the
    texts of pages that are gone."""
    folder = Path(tables_dir) / TEXT_DIR
    if texts:
        folder.mkdir(parents=True, exist_ok=True)
    wanted = {text_path(tables_dir, name).name: text for name, text in texts.items()}
    if folder.is_dir():
        for old in folder.glob("*.txt"):
            if old.name not in wanted:
                old.unlink(missing_ok=True)
    for file_name, text in wanted.items():
        target = folder / file_name
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        _replace(target, data)
