"""The HTML pages of a WARC crawl, read with warcio.

`read_warc(path)` yields, in archive order, a `Capture` for every `response` record whose HTTP
status is 200 and whose content is HTML, a `Skipped` for every other record (request, revisit,
redirect, error, non-HTML, warcinfo, metadata), and a `Damaged` where a record cannot be read
(truncated or corrupt archive: named by its byte offset in the file; gzip per record and
whole-file gzip are both read). It never raises on archive content.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # warcio (and the fsspec it imports) loads only when a crawl is read
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Capture:
    """One HTML page as captured: the payload bytes (HTTP content encoding undone)."""

    archive: str
    offset: int
    url: str
    date: str  # WARC-Date as written (ISO 8601), for ordering captures
    charset: str | None
    data: bytes

    @property
    def retrieved(self) -> str | None:
        return self.date[:10] if _DATE.match(self.date) else None


@dataclass(frozen=True)
class Skipped:
    archive: str
    offset: int
    why: str  # request, revisit, redirect, error, non-html, or the WARC type (warcinfo ...)


@dataclass(frozen=True)
class Damaged:
    archive: str
    offset: int
    message: str


def _skip_reason(record: ArcWarcRecord) -> str | None:
    """Why a record is not a page, or None for an HTML 200 response."""
    rec_type = str(record.rec_type)
    if rec_type in ("request", "revisit"):
        return rec_type
    if rec_type != "response":
        return rec_type  # warcinfo, metadata, resource, conversion
    http = record.http_headers
    if http is None:
        return "error"  # a response without HTTP headers: no status to trust
    status = http.get_statuscode() or ""
    if status.startswith("3"):
        return "redirect"
    if status != "200":
        return "error"
    content_type = (http.get_header("Content-Type") or "").lower()
    if content_type.split(";")[0].strip() not in _HTML_TYPES:
        return "non-html"
    return None


def read_warc(path: Path) -> Iterator[Capture | Skipped | Damaged]:
    """Every record of one archive as a Capture, Skipped or Damaged (see the module)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            done = yield from _records(path.name, handle, size, skip=0)
        if done is not None:  # one gzip stream around the whole archive: read it unzipped
            with _Unzipped(path) as unzipped:
                yield from _records(path.name, unzipped, None, skip=done, unzipped=True)
    except OSError as exc:
        yield Damaged(path.name, 0, f"cannot read the archive: {exc.strerror or exc}")


def _records(
    name: str, handle: IO[bytes], size: int | None, *, skip: int, unzipped: bool = False
) -> Generator[Capture | Skipped | Damaged, None, int | None]:
    """Yield the records after the first `skip`; return how many were read when the file turns
    out to be one gzip stream (warcio reads only gzip per record), else None."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(handle)
    where = " of the unzipped archive" if unzipped else ""
    count = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except ArchiveLoadFailed as exc:
            if "non-chunked gzip" in str(exc) and not unzipped:
                return count
            yield Damaged(name, records.offset, _describe(exc) + where)
            return None
        except Exception as exc:  # zlib, EOF and header errors alike: the rest is unreadable
            yield Damaged(name, records.offset, _describe(exc) + where)
            return None
        count += 1
        if count <= skip:
            continue
        item = _item(name, record, records)
        if isinstance(item, Damaged):
            yield Damaged(name, item.offset, item.message + where)
            return None
        yield item
    # a gzip stream cut short ends warcio's iteration without an error
    cut = records.offset < size if size is not None else getattr(handle, "cut", False)
    if cut:
        yield Damaged(name, records.offset, "truncated record (the archive ends inside it)" + where)
    return None


def _item(
    name: str, record: ArcWarcRecord, records: ArchiveIterator
) -> Capture | Skipped | Damaged:
    start = records.offset  # the record's first byte, until the next record is read
    try:
        why = _skip_reason(record)
        data = b"" if why else record.content_stream().read()
        while why and record.raw_stream.read(1 << 16):  # to its end, to see it is whole
            pass
        if record.raw_stream.limit > 0:
            return Damaged(name, start, f"truncated record ({record.raw_stream.limit:,} bytes "
                           "missing at the end of the archive)")  # fmt: skip
    except Exception as exc:  # a damaged gzip member or HTTP block
        return Damaged(name, start, _describe(exc))
    if why:
        return Skipped(name, start, why)
    content_type = record.http_headers.get_header("Content-Type") or ""
    charset = _CHARSET.search(content_type)
    return Capture(
        archive=name,
        offset=start,
        url=(record.rec_headers.get_header("WARC-Target-URI") or "").strip(),
        date=(record.rec_headers.get_header("WARC-Date") or "").strip(),
        charset=charset.group(1) if charset else None,
        data=data,
    )


class _Unzipped(gzip.GzipFile):
    """A whole-file gzip stream that remembers being cut short (warcio takes EOF as the end)."""

    cut = False

    def read(self, size: int | None = -1) -> bytes:
        try:  # read1: what one compressed block gives, so a cut loses only its last block
            return super().read1(size if size and size > 0 else 1 << 16)
        except EOFError:
            self.cut = True
            return b""


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"damaged or truncated record ({type(exc).__name__}{': ' + text if text else ''})"
