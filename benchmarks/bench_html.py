"""HTML text extraction and WARC reading: the candidate libraries on the same pages, one run.

    .venv/bin/python benchmarks/bench_html.py [--pages 400] [--records 2000]

Pages: the five seed pages rendered as HTML (tests/fixtures/html, 6-10 KB each) and the same
pages dressed as a career site serves them ("heavy": a navigation of 300 links, 40 KB of
inline script, JSON-LD, a footer; about 80 KB each). Measured, best of three rounds:

- HTML, pages/s: the project's extractor (`extract_html`: selectolax/lexbor, tables and div
  grids as rows, hidden parts dropped); the bare minimum with selectolax (parse, drop
  script/style, all text); the same bare minimum with beautifulsoup4 (html.parser, the
  parser it has without lxml); for scale, the parser on the extracted text (`parse_page`).
- ingest(), seconds: `--ingest N` seed pages (N/5 copies of each) as text files, as saved HTML
  files and as one WARC, each into a fresh folder (the same facts from all three).
- WARC, records/s over one gzip-per-record archive of the heavy pages (written with warcio):
  warcio's ArchiveIterator reading every payload; fastwarc's (when installed: it is not a
  dependency, `uv pip install fastwarc` to compare); `read_warc` (warcio plus the project's
  checks: status, type, truncation); and `read_warc` + `extract_html` end to end.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402
from warcio.archiveiterator import ArchiveIterator  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from rolecompare.facts.parsing import parse_page  # noqa: E402
from rolecompare.facts.reading import extract_html, read_warc  # noqa: E402
from rolecompare.facts.reading.warc import Capture  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "html"


def seed_pages() -> list[bytes]:
    return [p.read_bytes() for p in sorted(FIXTURES.glob("seed_*.html"))]


def heavy(page: bytes, n: int) -> bytes:
    """A seed page inside the boilerplate of a real career site (generated, no real text)."""
    nav = "".join(f'<li><a href="/jobs/{i}">Job family {i}</a></li>' for i in range(300))
    script = "var config = {" + ",".join(f'"k{i}": {i * 7919}' for i in range(4000)) + "};"
    head = f"<script>{script}</script><style>.c{n} {{ color: red }}</style>"
    body = page.replace(b"<body>", f"<body><nav><ul>{nav}</ul></nav>".encode())
    body = body.replace(b"</head>", head.encode() + b"</head>")
    footer = "".join(f"<div class='f'><span>Footer link {i}</span></div>" for i in range(100))
    return body.replace(b"</body>", f"<footer>{footer}</footer></body>".encode())


def bare_selectolax(data: bytes) -> str:
    tree = LexborHTMLParser(data.decode("utf-8", "replace"))
    tree.strip_tags(["script", "style", "noscript", "template"])
    return tree.body.text(separator="\n") if tree.body else ""


def bare_bs4(data: bytes) -> str:
    soup = BeautifulSoup(data.decode("utf-8", "replace"), "html.parser")
    for node in soup(["script", "style", "noscript", "template"]):
        node.decompose()
    return soup.get_text("\n")


def rate(work: Callable[[], int], rounds: int = 3) -> float:
    """Items per second of `work` (which returns how many it did), best of `rounds`."""
    best = float("inf")
    count = 0
    for _ in range(rounds):
        start = time.perf_counter()
        count = work()
        best = min(best, time.perf_counter() - start)
    return count / best


def html_rates(pages: list[bytes]) -> dict[str, float]:
    def run(fn: Callable[[bytes], object]) -> Callable[[], int]:
        return lambda: sum(1 for page in pages if fn(page) is not None)

    texts = [extract_html("p.html", page).text.encode() for page in pages]
    return {
        "extract_html (selectolax/lexbor, rows and hidden parts)": rate(
            run(lambda p: extract_html("p.html", p))
        ),
        "selectolax/lexbor: parse + all text": rate(run(bare_selectolax)),
        "beautifulsoup4 (html.parser): parse + all text": rate(run(bare_bs4)),
        "for scale: parse_page of the extracted text": rate(
            lambda: sum(1 for text in texts if parse_page("p.html", text)), rounds=1
        ),
    }


def write_archive(path: Path, pages: list[bytes], records: int) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(records):
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://careers.example.org/page/{n}",
            "response",
            payload=io.BytesIO(pages[n % len(pages)]),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2026-12-01T00:00:00Z"},
        )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())


def warcio_read(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                record.content_stream().read()
                count += 1
    return count


def fastwarc_read(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator as FastIterator
    from fastwarc.warc import WarcRecordType

    count = 0
    with path.open("rb") as handle:
        for record in FastIterator(handle, record_types=WarcRecordType.response):
            record.parse_http()
            record.reader.read()
            count += 1
    return count


def warc_rates(path: Path) -> dict[str, float]:
    out = {"warcio: every payload read": rate(lambda: warcio_read(path))}
    try:
        import fastwarc  # noqa: F401

        out["fastwarc: every payload read"] = rate(lambda: fastwarc_read(path))
    except ImportError:
        out["fastwarc: every payload read"] = float("nan")
    out["read_warc (warcio + status, type and truncation checks)"] = rate(
        lambda: sum(isinstance(item, Capture) for item in read_warc(path))
    )
    out["read_warc + extract_html, end to end"] = rate(
        lambda: sum(
            extract_html("p", item.data, item.charset) is not None
            for item in read_warc(path)
            if isinstance(item, Capture)
        ),
        rounds=1,
    )
    return out


def ingest_seconds(count: int, folder: Path) -> dict[str, float]:
    """ingest() of `count` seed pages as text, as saved HTML and inside one WARC."""
    from rolecompare.facts.ingest import ingest

    texts = sorted((ROOT / "data" / "raw").glob("*.txt"))
    pages = seed_pages()
    forms = {"text files": folder / "text", "saved HTML files": folder / "html"}
    forms["one WARC (gzip per record)"] = folder / "warc"
    for path in forms.values():
        path.mkdir()
    for n in range(count):
        k = n % len(pages)
        (forms["text files"] / f"{n:05d}.txt").write_bytes(texts[k].read_bytes())
        (forms["saved HTML files"] / f"{n:05d}.html").write_bytes(pages[k])
    write_archive(forms["one WARC (gzip per record)"] / "crawl.warc.gz", pages, count)
    out: dict[str, float] = {}
    for name, raw in forms.items():
        start = time.perf_counter()
        result = ingest(raw, folder / f"{raw.name}-out")
        out[name] = time.perf_counter() - start
        print(f"  {name:28} {out[name]:6.2f} s  ({len(result.tables['facts']):,} facts)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=400, help="pages per HTML measurement")
    parser.add_argument("--records", type=int, default=2000, help="records in the archive")
    parser.add_argument("--ingest", type=int, default=0, help="also time ingest() of N pages")
    args = parser.parse_args()
    seeds = seed_pages()
    dressed = [heavy(page, n) for n, page in enumerate(seeds)]
    sizes = (sum(map(len, seeds)) // len(seeds), sum(map(len, dressed)) // len(dressed))
    print(f"seed pages {sizes[0]:,} bytes on average, heavy pages {sizes[1]:,} bytes")
    print(f"\n{'HTML text extraction, pages/s':58} {'seed':>8} {'heavy':>8}")
    light = html_rates([seeds[n % len(seeds)] for n in range(args.pages)])
    full = html_rates([dressed[n % len(dressed)] for n in range(args.pages // 4)])
    for name in light:
        print(f"{name:58} {light[name]:8,.0f} {full[name]:8,.0f}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc.gz"
        write_archive(path, dressed, args.records)
        size = path.stat().st_size
        print(f"\nWARC, records/s ({args.records:,} heavy pages, gzip per record, {size:,} bytes)")
        for name, value in warc_rates(path).items():
            shown = "not installed" if value != value else f"{value:8,.0f}"
            print(f"{name:58} {shown:>8}")
        if args.ingest:
            print(f"\ningest() of {args.ingest:,} seed pages")
            ingest_seconds(args.ingest, Path(folder))


if __name__ == "__main__":
    main()
