"""`sources.csv` in the raw folder: what each page is (title, address, when it was retrieved).

Optional, one row per page file: `file,title,url,retrieved` (only `file` is required). It is
untrusted input like the pages: titles and addresses are kept as written (reports show them
literally and make links only of http/https addresses, see `web_address`). An address that
cannot be read as a URL at all (`http://[evil`, a full-width `＃` in the host) is a problem on
its line and is dropped: the page keeps its title, shown without a link. A row that cannot
be used -- no `file`, a file that is not a page in the folder, a second row for one file, a
field that is too long, a date that is not YYYY-MM-DD -- is a problem on its line, never
fatal; the rest of the file is still used.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rolecompare.facts.parsing import Problem

SOURCES_FILE = "sources.csv"
COLUMNS = ("file", "title", "url", "retrieved")
MAX_FIELD = 2_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def web_address(url: object) -> str | None:
    """The address a link may carry: an absolute http(s) address with a host, normalised by
    `urlsplit` (scheme lower-cased, leading control characters and spaces stripped, tabs and
    newlines removed, as browsers do), else None. `JAVASCRIPT:`, `\x01javascript:`,
    `java\tscript:`, `data:` and relative addresses never become links; an address
    `urlsplit` cannot read gives None instead of raising. The one link check of the reports
    and the site."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return parts.geturl()


def _unreadable(url: str) -> bool:
    try:
        urlsplit(url)
    except ValueError:
        return True
    return False


@dataclass(frozen=True)
class SourceInfo:
    title: str | None = None
    url: str | None = None
    retrieved: str | None = None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(_CONTROL.sub(" ", value).split())
    return text or None


def parse_sources(data: bytes, pages: set[str]) -> tuple[dict[str, SourceInfo], list[Problem]]:
    """The usable rows of a sources.csv (by page file name) and a problem per unusable row."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return {}, [Problem(1, f"{SOURCES_FILE} is not UTF-8 (byte {exc.start}): not used")]
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}, []
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header:
        return {}, [
            Problem(1, f"{SOURCES_FILE} has no 'file' column (header: {', '.join(header)[:200]})")
        ]
    problems = _unknown_columns(header)
    found: dict[str, SourceInfo] = {}
    seen_on: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        why = _unusable(row, header, pages, seen_on)
        if why:
            problems.append(Problem(line, f"{SOURCES_FILE}: {why}"))
            continue
        record = dict(zip(header, row, strict=True))
        name = record["file"].strip()
        seen_on[name] = line
        found[name] = _source_info(record, line, problems)
    return found, problems


def _unknown_columns(header: list[str]) -> list[Problem]:
    unknown = [h for h in header if h not in COLUMNS]
    if not unknown:
        return []
    return [Problem(1, f"{SOURCES_FILE}: unknown column(s) ignored: {', '.join(unknown)}")]


def _unusable(
    row: list[str], header: list[str], pages: set[str], seen_on: dict[str, int]
) -> str | None:
    """Why this row cannot be used at all (None when it can)."""
    if len(row) != len(header):
        return f"{len(row)} fields for {len(header)} columns"
    record = dict(zip(header, row, strict=True))
    name = (record.get("file") or "").strip()
    if not name:
        return "row without a file name"
    if name not in pages:
        return f"{name!r} is not a page in the folder"
    if name in seen_on:
        return f"{name!r} is listed again (first on line {seen_on[name]}): this row is not used"
    too_long = [c for c in COLUMNS[1:] if len(record.get(c) or "") > MAX_FIELD]
    if too_long:
        return f"{', '.join(too_long)} longer than {MAX_FIELD:,} characters: row not used"
    return None


def _source_info(record: dict[str, str], line: int, problems: list[Problem]) -> SourceInfo:
    """The row's source; a malformed date or address is dropped with a problem."""
    retrieved = _clean(record.get("retrieved"))
    if retrieved and not _DATE.match(retrieved):
        problems.append(
            Problem(line, f"{SOURCES_FILE}: retrieved date {retrieved[:40]!r} is not "
                    "YYYY-MM-DD: date not used")
        )  # fmt: skip
        retrieved = None
    url = _clean(record.get("url"))
    if url and _unreadable(url):
        problems.append(
            Problem(line, f"{SOURCES_FILE}: address {url[:80]!r} is not a valid URL: "
                    "not used (the title is shown without a link)")
        )  # fmt: skip
        url = None
    return SourceInfo(_clean(record.get("title")), url, retrieved)


def read_sources(raw_dir: Path, pages: set[str]) -> tuple[dict[str, SourceInfo], list[Problem]]:
    """`raw_dir/sources.csv` read with `parse_sources`; nothing when there is none."""
    path = Path(raw_dir) / SOURCES_FILE
    if not path.is_file():
        return {}, []
    try:
        data = path.read_bytes()
    except OSError as exc:
        return {}, [Problem(1, f"cannot read {SOURCES_FILE}: {exc.strerror}")]
    return parse_sources(data, pages)


def merge_sources(
    own: dict[str, SourceInfo], listed: dict[str, SourceInfo]
) -> dict[str, SourceInfo]:
    """What pages say of themselves (an HTML title, a crawl's address and date), with each
    field that sources.csv gives winning over it."""
    merged = dict(own)
    for name, info in listed.items():
        base = own.get(name, SourceInfo())
        merged[name] = SourceInfo(
            info.title or base.title, info.url or base.url, info.retrieved or base.retrieved
        )
    return merged
