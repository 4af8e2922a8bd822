"""A crawl of 100,000 pages, from the WARC files to the site: is every stage incremental?

    .venv/bin/python benchmarks/bench_crawl.py [--pages 100000] [--changed 10] [--keep]

Generates a collection (benchmarks/synthetic.py's layouts and role numbers, generated names
and numbers only) as HTML pages inside WARC files (warcio, gzip per record, 10,000 records an
archive), then measures through the `rolecompare` command:

1. cold ingest (pages/s, peak memory of the process tree);
2. a re-ingest with nothing changed;
3. the plan (`build --dry-run`);
4. the first build over a finished build of every planned pair made up in the manifest
   (one-line report files, key numbers from the roles table: no report is run), which plans,
   checks every pair and renders the whole site; then a no-op build (nothing changed);
5. a re-ingest after `--changed` pages changed: a newer capture of each, in a new archive
   (the newer capture wins), as a monthly re-crawl brings them;
6. a build after those pages changed (only their pairs are built, for real, HTML);
7. the site: page counts and sizes, the index loaded in headless Chromium and a role's name
   typed into its find box, Enter, the role looked for among the rows shown.

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

from benchmarks.bench_scale import command, table  # noqa: E402
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


def made_up_numbers(collection, pairs) -> dict[tuple[str, str], dict]:
    """Key numbers for every pair as its report would put them in the manifest (the yearly gap
    from the roles table, a made-up race dissimilarity), so the site lists real-looking rows."""
    import numpy as np

    from rolecompare import analysis

    table = analysis.roles_table(collection.facts, collection.conflicts).set_index("role_id")
    low, high = table["salary_yearly_low"].to_dict(), table["salary_yearly_high"].to_dict()
    out = {}
    for a, b in pairs:
        gap_low, gap_high = low[a] - high[b], high[a] - low[b]
        base = min(low[a], low[b])
        numbers = {"yearly_gap_low": gap_low, "yearly_gap_high": gap_high,
                   "yearly_gap_percent_low": 100 * gap_low / base,
                   "yearly_gap_percent_high": 100 * gap_high / base,
                   "race_dissimilarity": float(abs(hash((a, b))) % 400) / 10}  # fmt: skip
        out[(a, b)] = {
            k: (None if v is None or not np.isfinite(v) else float(v)) for k, v in numbers.items()
        }
    return out


def make_up_finished_build(processed: Path, out: Path) -> int:
    """The manifest and report files a finished build of every planned pair leaves (one-line
    reports, the key numbers made up), written in one commit; the site is not written."""
    from rolecompare import atomic
    from rolecompare.building.batch import STATE_CONTEXT, STATE_FACTS, prepare
    from rolecompare.building.manifest import Manifest
    from rolecompare.reporting.report import NOTEBOOK

    with atomic.locked(out), Manifest.open(out) as manifest:
        prepared = prepare(
            processed, out, manifest, pairs=None, only=(), formats=("html",), force=False,
            notebook=NOTEBOOK.read_bytes(),
        )  # fmt: skip
        numbers = made_up_numbers(prepared.collection, [p.pair for p in prepared.planned])
        records = []
        for item in prepared.planned:
            (out / item.folder).mkdir(parents=True, exist_ok=True)
            (out / item.folder / "report.html").write_text("<html></html>\n")
            records.append((item.folder, {
                "role_a": item.pair[0], "role_b": item.pair[1], "status": "ok",
                "inputs": item.inputs, "parts": item.parts, "files": {"report.html": ""},
                "built_at": "2026-11-01T00:00:00Z", "context_drawn": prepared.context.drawn,
                "numbers": numbers[item.pair],
            }))  # fmt: skip
        manifest.put_pairs(records)
        manifest.set(STATE_CONTEXT, prepared.context.to_bytes())
        manifest.set(STATE_FACTS, prepared.snapshot.to_bytes())
    return len(records)


def find_in_browser(site: Path, name: str) -> dict:
    """Load the index, type a role's name into the find box, press Enter: the seconds each
    step takes and whether the role is among the rows the find page shows."""
    from playwright.sync_api import sync_playwright

    out: dict[str, object] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 2000})
            started = time.perf_counter()
            page.goto((site / "index.html").as_uri(), wait_until="load")
            out["index_load"] = time.perf_counter() - started
            started = time.perf_counter()
            box = page.get_by_label("Find a role")
            box.fill(name)
            out["shown"] = page.locator("#shown").inner_text()
            out["type"] = time.perf_counter() - started
            started = time.perf_counter()
            if page.locator("#find-map").count():  # else the index lists every role itself
                box.press("Enter")
                page.wait_for_url("**/find/**", wait_until="load")
            visible = page.evaluate(
                "Array.from(document.querySelectorAll('#role-list tbody tr'))"
                ".filter(r => !r.hidden).map(r => r.querySelector('td').textContent.trim())"
            )
            out["find"] = time.perf_counter() - started
            out["visible"], out["found"] = len(visible), name in visible
            page.close()
        finally:
            browser.close()
    return out


def rebuilt_pairs_seconds(out: Path) -> float:
    """Worker seconds of the pairs the last build made (their records say when and how long)."""
    from rolecompare.building.manifest import Manifest

    with Manifest.read_only(out) as manifest:
        records = manifest.pairs().values()
    made = [r for r in records if r.get("built_at", "").startswith("20") and r.get("seconds")]
    return sum(float(r["seconds"].get("total", 0)) for r in made)


def site_sizes(site: Path) -> dict[str, object]:
    def sizes(pattern: str) -> list[int]:
        return [p.stat().st_size for p in site.glob(pattern)]

    roles, pairs, finds = sizes("roles/*.html"), sizes("pairs/*.html"), sizes("find/*.html")
    return {"index": (site / "index.html").stat().st_size, "roles": len(roles),
            "role_max": max(roles, default=0), "pairs_pages": len(pairs),
            "pairs_max": max(pairs, default=0), "find_pages": len(finds),
            "find_max": max(finds, default=0)}  # fmt: skip


def kib(n: object) -> str:
    return f"{int(n) / 1024:,.0f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-site", action="store_true", help="skip the builds and the browser")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rolecompare-bench-crawl-"))
    raw, processed, out = work / "raw", work / "processed", work / "reports"
    rows: list[list[str]] = []
    results: dict[str, object] = {"pages": args.pages}

    def note(what: str, figure: str) -> None:
        rows.append([what, figure])
        print(f"{what}: {figure}", flush=True)
        (work / "results.json").write_text(json.dumps(results, indent=2, default=str))

    begun = started = time.perf_counter()
    plan = write_crawl(raw, args.pages, args.seed)
    size = sum(p.stat().st_size for p in raw.iterdir())
    note("generate", f"{time.perf_counter() - started:.1f} s, {size / 2**20:.0f} MiB of WARC")
    ingest = ["ingest", "--raw", str(raw), "--out", str(processed)]
    cold, summary, peak = command(*ingest, memory=True)
    results["cold"] = {"seconds": cold, "peak": peak, "summary": summary}
    note("cold ingest", f"{cold:.1f} s ({args.pages / cold:,.0f} pages/s), peak {gib(peak)}")
    same, _, peak = command(*ingest, memory=True)
    results["same"] = {"seconds": same, "peak": peak}
    note("re-ingest, nothing changed", f"{same:.1f} s, peak {gib(peak)}")
    build = ["build", "--raw", str(raw), "--processed", str(processed), "--out", str(out)]
    build += ["--format", "html", "--jobs", str(args.jobs)]
    dry, listed, peak = command(*build, "--dry-run", memory=True)
    planned = len(listed.splitlines()) - 1
    note("plan (build --dry-run)", f"{dry:.1f} s, {planned:,} pairs planned, peak {gib(peak)}")
    if not args.no_site:
        started = time.perf_counter()
        made = make_up_finished_build(processed, out)
        note("(setup) a finished build of every pair made up",
             f"{time.perf_counter() - started:.1f} s, {made:,} pairs")  # fmt: skip
        first, _, peak = command(*build, memory=True)
        results["first"] = {"seconds": first, "peak": peak}
        note("first build: plan, check every pair, render the whole site",
             f"{first:.1f} s, peak {gib(peak)}")  # fmt: skip
        noop, summary, peak = command(*build, memory=True)
        results["noop"] = {"seconds": noop, "summary": summary, "peak": peak}
        noop_line = summary.splitlines()[0].partition(" -> ")[0]
        note("no-op build (nothing changed)", f"{noop:.1f} s ({noop_line})")
        note("re-ingest + no-op build, nothing changed", f"{same + noop:.1f} s (target < 20 s)")
    chosen = write_recrawl(raw, plan, args.changed, args.seed)
    changed, summary, peak = command(*ingest, memory=True)
    results["changed"] = {"seconds": changed, "peak": peak, "pages": chosen, "summary": summary}
    note(f"re-ingest, {args.changed} pages changed", f"{changed:.1f} s, peak {gib(peak)}")
    if not args.no_site:
        rebuilt, summary, peak = command(*build, memory=True)
        results["rebuilt"] = {"seconds": rebuilt, "summary": summary, "peak": peak}
        first_line = (summary.splitlines() or [""])[0].partition(" -> ")[0]
        pair_seconds = rebuilt_pairs_seconds(out)
        note(f"build after {args.changed} pages changed",
             f"{rebuilt:.1f} s, peak {gib(peak)}: {first_line}; the rebuilt reports took "
             f"{pair_seconds:.1f} s of worker time (~{pair_seconds / args.jobs:.1f} s on "
             f"{args.jobs} workers)")  # fmt: skip

        note(
            f"{args.changed} pages changed, end to end (re-ingest + build)",
            f"{changed + rebuilt:.1f} s (target < 60 s plus the rebuilt pairs' own time)",
        )
        sizes = site_sizes(out)
        results["site"] = sizes
        note("site", f"{sizes['roles']:,} role pages, {sizes['pairs_pages']:,} pages of pairs, "
             f"{sizes['find_pages']:,} find pages")  # fmt: skip
        note(
            "largest index / pairs / role / find page",
            " / ".join(kib(sizes[k]) for k in ("index", "pairs_max", "role_max", "find_max")),
        )
        from rolecompare.building.collection import Collection

        names = Collection.read(processed).roles["role"]
        name = str(names.iloc[len(names) // 2])
        found = find_in_browser(out, name)
        results["browser"] = found
        note("index in Chromium", f"loads in {found['index_load']:.2f} s")
        verdict = "found" if found["found"] else "NOT found"
        note(
            f"find box: type {name!r}, Enter",
            f"{found['type']:.2f} s ({found['shown']}), find page {found['find']:.2f} s: "
            f"{found['visible']} row(s) shown, the role {verdict}",
        )
    note("whole benchmark", f"{time.perf_counter() - begun:.0f} s")
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
