"""The text extracted from HTML pages, kept beside the tables so `file:line` can be checked.

`<tables>/text/<page>.txt` holds exactly the lines the parser read for page `<page>` (a facts
row's `line` is a line of that file). Text pages (`*.txt`) are read as they are and get none.
"""

from __future__ import annotations

from pathlib import Path

from rolecompare import atomic

TEXT_DIR = "text"


def text_path(tables_dir: Path, page: str) -> Path:
    """Where the extracted text of `page` is kept."""
    return Path(tables_dir) / TEXT_DIR / f"{page}.txt"


def write_texts(tables_dir: Path, texts: dict[str, str]) -> None:
    """Write each page's text (only where it changed, each file atomically) and remove the
    texts of pages that are gone."""
    folder = Path(tables_dir) / TEXT_DIR
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
        atomic.write_bytes(target, data)
