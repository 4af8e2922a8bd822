"""A crawl of 100,000 pages, from the WARC files to the site: is every stage incremental?

    .venv/bin/python benchmarks/bench_crawl.py [--pages 100000] [--changed 10] [--keep]

Generates a collection (benchmarks/synthetic.py's layouts and role numbers, generated names
and numbers only) as HTML pages inside WARC files (warcio, gzip per record, 10,000 records an
archive), then measures through the `rolecompare` command:

1. cold ingest (pages/s, peak memory of the process tree);
2. a re-ingest with nothing changed;
3. a re-ingest after `--changed` pages changed: a newer capture of each, in a new archive
   (the newer capture wins), as a monthly re-crawl brings them;
4. the plan (`build --dry-run`) and a no-op build of every planned pair (the manifest made up
   as a finished build leaves it: bench_scale.noop_at_scale, so no report is built);
5. a build after the changed pages (only their pairs are built, for real);
6. the site: render time, index size, load time and type-to-find in headless Chromium.

Prints a table (and keeps the work folder with --keep).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gzip
import html
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_scale import command, noop_at_scale, site_at_scale, table  # noqa: E402
from benchmarks.synthetic import (  # noqa: E402
    MORE_AREAS,
    MORE_TITLES,
    PREFIXES,
    Role,
    collection_pages,
    collection_role,
    comparison_page,
    how_to_page,
    profile_page,
)

PER_ARCHIVE = 10_000
NAMES = len(PREFIXES) * len(MORE_AREAS) * len(MORE_TITLES)
# a collection of 100,000 pages names ~136,000 roles: more than the generator's 9,000 names,
# so each further 9,000 get one of these words in front (generated names all the same)
TEAMS = ["", "Night", "Remote", "Harbor", "Metro", "Rural", "Coastal", "Mountain", "Prairie",
         "Valley", "Island", "Desert", "Forest", "River", "Lakeside", "Summit", "Canyon",
         "Delta", "Frontier", "Highland"]  # fmt: skip


def crawl_role(index: int, seed: int) -> Role:
    base = collection_role(index % NAMES, seed)
    team = TEAMS[index // NAMES]
    return dataclasses.replace(base, name=f"{team} {base.name}".strip()) if team else base


def page_text(layout: str, people: list[Role]) -> str:
    if layout.startswith("comparison"):
        return comparison_page(*people, glued=layout.endswith("glued"))
    return profile_page(people[0]) if layout == "profile" else how_to_page(people[0])


def as_html(text: str) -> bytes:
    """A text page as a career site would serve it: its pipe tables as <table>, other lines
    as paragraphs, the first as the title and heading; a script with numbers (not shown)."""
    lines = text.splitlines()
    title = html.escape(lines[0] if lines else "page")
    body, rows = [], []

    def flush() -> None:
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows.clear()

    for line in lines[1:]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            continue
        flush()
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    flush()
    script = '<script type="application/ld+json">{"baseSalary": 999999}</script>'
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{script}"
        f"</head><body><h1>{title}</h1>{''.join(body)}</body></html>"
    ).encode()


def _record(writer, url: str, date: str, payload: bytes) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def write_crawl(raw: Path, pages: int, seed: int) -> list[tuple[str, tuple[int, ...]]]:
    """The collection as WARC archives in `raw`; the page plan."""
    from warcio.warcwriter import WARCWriter

    raw.mkdir(parents=True, exist_ok=True)
    plan = collection_pages(pages, seed)
    roles: dict[int, Role] = {}
    for start in range(0, pages, PER_ARCHIVE):
        path = raw / f"crawl-{start // PER_ARCHIVE:03d}.warc.gz"
        with path.open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for i in range(start, min(start + PER_ARCHIVE, pages)):
                layout, numbers = plan[i]
                people = [roles.setdefault(r, crawl_role(r, seed)) for r in numbers]
                url = f"https://careers.example.org/pages/{i:06d}"
                _record(writer, url, "2026-11-01T00:00:00Z", as_html(page_text(layout, people)))
    return plan


def write_recrawl(raw: Path, plan, changed: int, seed: int) -> list[int]:
    """Newer captures of `changed` comparison pages spread over the crawl, each publishing a
    different number of jobs for its first role; the pages changed."""
    from warcio.warcwriter import WARCWriter

    comparisons = [i for i, (layout, _) in enumerate(plan) if layout.startswith("comparison")]
    step = max(1, len(comparisons) // changed)
    chosen = comparisons[::step][:changed]
    with (raw / "recrawl-001.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in chosen:
            layout, numbers = plan[i]
            people = [crawl_role(r, seed) for r in numbers]
            people[0] = dataclasses.replace(people[0], jobs=people[0].jobs + 1_111)
            url = f"https://careers.example.org/pages/{i:06d}"
            _record(writer, url, "2026-12-01T00:00:00Z", as_html(page_text(layout, people)))
    return chosen


def gib(n: int) -> str:
    return f"{n / 2**30:.2f} GiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-site", action="store_true", help="skip the site and browser")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rolecompare-bench-crawl-"))
    raw, processed = work / "raw", work / "processed"
    rows: list[list[str]] = []
    results: dict[str, object] = {"pages": args.pages}

    def note(what: str, figure: str) -> None:
        rows.append([what, figure])
        print(f"{what}: {figure}", flush=True)
        (work / "results.json").write_text(json.dumps(results, indent=2, default=str))

    started = time.perf_counter()
    plan = write_crawl(raw, args.pages, args.seed)
    size = sum(p.stat().st_size for p in raw.iterdir())
    note("generate", f"{time.perf_counter() - started:.1f} s, {size / 2**20:.0f} MiB of WARC")
    ingest = ["ingest", "--raw", str(raw), "--out", str(processed)]
    cold, out, peak = command(*ingest, memory=True)
    results["cold"] = {"seconds": cold, "peak": peak, "summary": out}
    note("cold ingest", f"{cold:.1f} s ({args.pages / cold:,.0f} pages/s), peak {gib(peak)}")
    same, out, peak = command(*ingest, memory=True)
    results["same"] = {"seconds": same, "peak": peak}
    note("re-ingest, nothing changed", f"{same:.1f} s, peak {gib(peak)}")
    row = {"raw": raw, "processed": processed, "pages": args.pages}
    build = ["build", "--raw", str(raw), "--processed", str(processed)]
    dry, listed, _ = command(*build, "--out", str(work / "noop"), "--dry-run")
    planned = len(listed.splitlines()) - 1
    note("plan (build --dry-run)", f"{dry:.1f} s, {planned:,} pairs planned")
    if not args.no_site:
        noop = noop_at_scale(work, row)
        results["noop"] = noop
        note("first build over a made-up finished manifest (site)", f"{noop['first']:.1f} s")
        note("no-op build of every planned pair", f"{noop['noop']:.1f} s ({noop['summary']})")
    chosen = write_recrawl(raw, plan, args.changed, args.seed)
    changed, out, peak = command(*ingest, memory=True)
    results["changed"] = {"seconds": changed, "peak": peak, "pages": chosen, "summary": out}
    note(f"re-ingest, {args.changed} pages changed", f"{changed:.1f} s, peak {gib(peak)}")
    if not args.no_site:
        rebuild = [*build, "--out", str(work / "noop"), "--format", "html"]
        rebuilt_s, out, peak = command(*rebuild, "--jobs", str(args.jobs), memory=True)
        results["rebuilt"] = {"seconds": rebuilt_s, "summary": out, "peak": peak}
        first = out.splitlines()[0] if out else ""
        note(f"build after {args.changed} pages changed", f"{rebuilt_s:.1f} s: {first}")
        site = site_at_scale(work, row)
        results["site"] = site
        note("site render (every planned pair)", f"{site['render']:.1f} s, {site['roles']:,} roles")
        loads = f"loads in {site.get('index_load', 0):.2f} s"
        find = f"find {site.get('filter', 0):.2f} s ({site.get('filter_text', '')})"
        note("index.html", f"{site['index'] / 1024:,.0f} KiB, {loads}, {find}")
        largest = f"{site['pairs_page_max'] / 1024:,.0f} KiB / {site['role_max'] / 1024:,.0f} KiB"
        note("largest pairs page / role page", largest)
    print()
    print(table(["what", f"{args.pages:,} pages"], rows))
    if args.keep:
        print(f"work folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    csv.field_size_limit(sys.maxsize)
    _ = gzip  # warcio writes gzip per record
    main()
