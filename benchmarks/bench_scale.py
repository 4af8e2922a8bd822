"""Real collections: does a pair cost the same in a collection of 60 pages and of 3,000?

    .venv/bin/python benchmarks/bench_scale.py [--sizes 60,600,3000] [--jobs 2]
                                               [--rebuild-pairs 240] [--rounds 2]

Generated collections (benchmarks/synthetic.py `write_collection`: mostly comparison pages
that name many roles, some profile and how-to pages; nested, so the first pages of the big
collection are the small one) of each size. For each, through the `rolecompare` command:

1. ingest time;
2. plan time: `build --dry-run` of the default plan (the pairs the pages compare);
3. the same 6 pairs (compared on the collection's first pages, so the same in every size):
   `build --pairs six.csv`, HTML and PDF; seconds per pair of the report itself (notebook
   and export, from the manifest, median over the pairs and rounds) and of the whole command,
   and the peak memory of the build's process tree.

Then at the largest size: a few hundred pairs built (HTML), a no-op rebuild of them and a
rebuild after one comparison page changed (the command's wall time, pairs rebuilt); the
site's size and load time in headless Chromium with every planned pair listed (the pairs
beyond those built are listed from made-up records: the site shows what the manifest says,
the report files are not opened). Prints a table; writes screenshots of the index and a
role page to the work folder (printed), which is kept with --keep.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import collection_pages, collection_role, write_collection  # noqa: E402
from rolecompare.facts.parsing.text import slugify  # noqa: E402

BIN = Path(sys.executable).parent / "rolecompare"
SIX = 6


class PeakMemory:
    """The peak resident memory of a process and all its descendants, sampled."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with contextlib.suppress(psutil.Error):
            root = psutil.Process(self.pid)
            while not self._stop.is_set():
                total = 0
                for proc in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += proc.memory_info().rss
                self.peak = max(self.peak, total)
                self._stop.wait(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def command(*args: str, memory: bool = False) -> tuple[float, str, int]:
    """Run `rolecompare ARGS`; (seconds, stdout, peak bytes of its process tree)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(BIN), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = PeakMemory(proc.pid) if memory else None
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    used = peak.stop() if peak else 0
    if proc.returncode != 0:
        raise SystemExit(f"rolecompare {' '.join(args)} failed ({proc.returncode}):\n{err}")
    return seconds, out, used


def six_pairs(seed: int) -> list[tuple[str, str]]:
    """The first six pairs the collection's pages compare (in every size)."""
    pairs = []
    for layout, roles in collection_pages(40, seed):
        if layout.startswith("comparison"):
            a, b = sorted(slugify(collection_role(r, seed).name) for r in roles)
            if (a, b) not in pairs:
                pairs.append((a, b))
    return pairs[:SIX]


def write_pairs(path: Path, pairs: list[tuple[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["role_a", "role_b"])
        writer.writerows(pairs)
    return path


def report_seconds(out: Path, pairs: list[tuple[str, str]]) -> list[float]:
    from rolecompare.building.manifest import Manifest

    with Manifest.read_only(out) as manifest:
        records = manifest.pairs()
    return [records[f"{a}__vs__{b}"]["seconds"]["total"] for a, b in pairs]


def measure_size(work: Path, pages: int, seed: int, jobs: int, rounds: int, six_file: Path) -> dict:
    raw, processed = work / f"raw{pages}", work / f"processed{pages}"
    write_collection(raw, pages, seed=seed)
    ingest_s, _, _ = command("ingest", "--raw", str(raw), "--out", str(processed))
    common = ["--raw", str(raw), "--processed", str(processed)]
    plan_s, plan_out, _ = command(
        "build", *common, "--out", str(work / f"plan{pages}"), "--dry-run"
    )
    planned = len(plan_out.strip().splitlines()) - 1
    facts = sum(1 for _ in (processed / "facts.csv").open(encoding="utf-8")) - 1
    roles = sum(1 for _ in (processed / "roles.csv").open(encoding="utf-8")) - 2  # us-average
    return {
        "pages": pages, "roles": roles, "facts": facts, "planned": planned,
        "ingest": ingest_s, "plan": plan_s, "raw": raw, "processed": processed,
        "per_pair": [], "command_per_pair": [], "memory": 0,
    }  # fmt: skip


def build_six(work: Path, row: dict, jobs: int, six_file: Path, pairs, round_: int) -> None:
    out = work / f"six{row['pages']}-{round_}"
    args = ["build", "--raw", str(row["raw"]), "--processed", str(row["processed"])]
    args += ["--out", str(out), "--pairs", str(six_file), "--jobs", str(jobs), "--force"]
    seconds, _, peak = command(*args, "--format", "html,pdf", memory=True)
    row["per_pair"] += report_seconds(out, pairs)
    row["command_per_pair"].append(seconds / len(pairs))
    row["memory"] = max(row["memory"], peak)
    shutil.rmtree(out)


def rebuilds(work: Path, row: dict, seed: int, jobs: int, n_pairs: int) -> dict:
    """A few hundred pairs built, then a no-op rebuild and one changed comparison page."""
    raw, processed = row["raw"], row["processed"]
    out = work / "rebuilds"
    listed = command(
        "build", "--raw", str(raw), "--processed", str(processed), "--out", str(out), "--dry-run"
    )[1]
    plan = list(csv.reader(listed.splitlines()))[1:]
    chosen = [(a, b) for a, b, _ in plan[:n_pairs]]
    pairs_file = write_pairs(work / "rebuild-pairs.csv", chosen)
    args = ["build", "--raw", str(raw), "--processed", str(processed), "--out", str(out)]
    args += ["--pairs", str(pairs_file), "--jobs", str(jobs), "--format", "html"]
    first_s, _, _ = command(*args)
    noop_s, noop_out, _ = command(*args)
    # change the first comparison page whose pair is among those built
    built = set(chosen)
    page = next(
        i for i, (layout, roles) in enumerate(collection_pages(row["pages"], seed))
        if layout.startswith("comparison")
        and tuple(sorted(slugify(collection_role(r, seed).name) for r in roles)) in built
    )  # fmt: skip
    shutil.rmtree(raw)
    write_collection(raw, row["pages"], seed=seed, change=page)
    changed_s, changed_out, _ = command(*args)
    noop_dry_s, _, _ = command(*args[:-6], "--dry-run")  # the default plan, after all that
    count = lambda text, word: int(text.split(f" {word}")[0].split()[-1])  # noqa: E731
    return {
        "pairs": len(chosen), "first": first_s, "noop": noop_s, "changed": changed_s,
        "rebuilt": count(changed_out.split("pair(s):")[1], "built"),
        "noop_built": count(noop_out.split("pair(s):")[1], "built"), "plan_after": noop_dry_s,
        "out": out,
    }  # fmt: skip


def noop_at_scale(work: Path, row: dict) -> dict:
    """A no-op build of every planned pair: the manifest records each as built from the
    current inputs (made up as a finished build leaves them, with one-line report files);
    the second `rolecompare build` then checks them all and builds nothing."""
    from rolecompare import atomic
    from rolecompare.building.batch import STATE_CONTEXT, STATE_FACTS, prepare
    from rolecompare.building.manifest import Manifest
    from rolecompare.reporting.report import NOTEBOOK

    out = work / "noop"
    with atomic.locked(out), Manifest.open(out) as manifest:
        prepared = prepare(
            row["processed"], out, manifest, pairs=None, only=(), formats=("html",),
            force=False, notebook=NOTEBOOK.read_bytes(),
        )  # fmt: skip
        for item in prepared.planned:
            (out / item.folder).mkdir(parents=True, exist_ok=True)
            (out / item.folder / "report.html").write_text("<html></html>\n")
            manifest.put_pair(item.folder, {
                "role_a": item.pair[0], "role_b": item.pair[1], "status": "ok",
                "inputs": item.inputs, "parts": item.parts, "files": {"report.html": ""},
            })  # fmt: skip
        manifest.set(STATE_CONTEXT, prepared.context.to_bytes())
        manifest.set(STATE_FACTS, prepared.snapshot.to_bytes())
    args = ["build", "--raw", str(row["raw"]), "--processed", str(row["processed"])]
    args += ["--out", str(out), "--format", "html"]
    first_s, _, _ = command(*args)  # writes the site once
    noop_s, noop_out, _ = command(*args)
    return {"pairs": len(prepared.planned), "first": first_s, "noop": noop_s,
            "summary": noop_out.splitlines()[0]}  # fmt: skip


def site_at_scale(work: Path, row: dict) -> dict:
    """Every planned pair listed (made-up records where no report was built); sizes, load."""
    import numpy as np

    from rolecompare import analysis
    from rolecompare.building import shared_context
    from rolecompare.building.collection import Collection
    from rolecompare.building.plan import make_plan, parse_pairs
    from rolecompare.building.site import write_site

    collection = Collection.read(row["processed"])
    plan = make_plan(collection, parse_pairs(None))
    table = analysis.roles_table(collection.facts, collection.conflicts).set_index("role_id")
    low, high = table["salary_yearly_low"], table["salary_yearly_high"]
    records = {}
    for a, b in plan.pairs:
        gap_low, gap_high = low[a] - high[b], high[a] - low[b]
        numbers = {"yearly_gap_low": gap_low, "yearly_gap_high": gap_high}
        numbers["yearly_gap_percent_low"] = 100 * gap_low / min(low[a], low[b])
        numbers["yearly_gap_percent_high"] = 100 * gap_high / min(low[a], low[b])
        numbers["race_dissimilarity"] = float(abs(hash((a, b))) % 400) / 10
        numbers = {
            k: (None if v is None or not np.isfinite(v) else float(v)) for k, v in numbers.items()
        }
        records[f"{a}__vs__{b}"] = {
            "role_a": a, "role_b": b, "status": "ok", "inputs": "0" * 64,
            "built_at": "2026-01-01T00:00:00Z", "context_drawn": "2026-01-01",
            "files": {"report.html": "", "report.pdf": ""}, "numbers": numbers,
        }  # fmt: skip
    site = work / "site"
    started = time.perf_counter()
    written = write_site(site, collection, shared_context.draw(collection), records, None)
    rendered = time.perf_counter() - started
    files = written.files
    sizes = {name: (site / name).stat().st_size for name in files}
    role_sizes = [v for k, v in sizes.items() if k.startswith("roles/")]
    pair_sizes = [v for k, v in sizes.items() if k.startswith("pairs/")]
    loads = browser_loads(site, sorted(k for k in files if k.startswith("roles/"))[0])
    return {
        "pairs": len(plan.pairs), "roles": len(role_sizes), "render": rendered,
        "index": sizes["index.html"], "role_median": statistics.median(role_sizes),
        "role_max": max(role_sizes), "pairs_pages": len(pair_sizes),
        "pairs_page_max": max(pair_sizes, default=0), "total": sum(sizes.values()),
        **loads, "site": site,
    }  # fmt: skip


def browser_loads(site: Path, role_page: str) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            pages = [("index_load", "index.html"), ("role_load", role_page)]
            for key, name in [*pages, ("pairs_load", "pairs/1.html")]:
                if not (site / name).is_file():
                    continue
                page = browser.new_page(viewport={"width": 1280, "height": 2000})
                started = time.perf_counter()
                page.goto((site / name).as_uri(), wait_until="load")
                out[key] = time.perf_counter() - started
                if key == "index_load":
                    started = time.perf_counter()
                    page.get_by_label("Find a role").fill("senior data")
                    page.evaluate("() => document.getElementById('shown').textContent")
                    out["filter"] = time.perf_counter() - started
                    out["filter_text"] = page.locator("#shown").inner_text()
                page.screenshot(path=str(site.parent / f"screenshot-{key}.png"), full_page=False)
                page.close()
        finally:
            browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="60,600,3000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--rebuild-pairs", type=int, default=240)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="rolecompare-bench-scale-"))
    started = time.perf_counter()
    try:
        pairs = six_pairs(args.seed)
        six_file = write_pairs(work / "six.csv", pairs)
        rows = []
        for pages in sizes:
            rows.append(measure_size(work, pages, args.seed, args.jobs, args.rounds, six_file))
            print(f"  {pages} pages: ingested and planned", file=sys.stderr, flush=True)
        for round_ in range(args.rounds):  # sizes alternate, so load on the machine is shared
            for row in rows:
                build_six(work, row, args.jobs, six_file, pairs, round_)
                done = f"  {row['pages']} pages: six pairs, round {round_ + 1}"
                print(done, file=sys.stderr, flush=True)
        save(work, rows=rows)
        largest = rows[-1]
        rebuilt = rebuilds(work, largest, args.seed, args.jobs, args.rebuild_pairs)
        save(work, rows=rows, rebuilt=rebuilt)
        print("  rebuilds done", file=sys.stderr, flush=True)
        site = site_at_scale(work, largest)
        save(work, rows=rows, rebuilt=rebuilt, site=site)
        noop = noop_at_scale(work, largest)
        save(work, rows=rows, rebuilt=rebuilt, site=site, noop=noop)
        report(rows, rebuilt, site, args, time.perf_counter() - started, work)
        print(
            f"\nno-op build of all {noop['pairs']:,} planned pairs at {largest['pages']:,} pages "
            f"(recorded as built): {noop['noop']:.1f} s for the whole command "
            f"({noop['summary']})"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def save(work: Path, **results: object) -> None:
    """What was measured so far, in case a later phase fails (printed as JSON on stderr)."""
    text = json.dumps(results, default=str, indent=1)
    (work / "results.json").write_text(text, encoding="utf-8")
    print(f"  results so far: {work / 'results.json'}", file=sys.stderr, flush=True)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def report(rows, rebuilt, site, args, total: float, work: Path) -> None:
    print(
        f"\nbench-scale: --jobs {args.jobs}; the same {SIX} pairs (HTML and PDF), "
        f"{args.rounds} rounds"
    )
    base = statistics.median(rows[0]["per_pair"])
    lines = []
    for row in rows:
        per_pair = statistics.median(row["per_pair"])
        lines.append([
            f"{row['pages']:,} pages", f"{row['roles']:,}", f"{row['facts']:,}",
            f"{row['planned']:,}", f"{row['ingest']:.1f} s", f"{row['plan']:.1f} s",
            f"{per_pair:.2f} s ({per_pair / base - 1:+.0%})",
            f"{statistics.median(row['command_per_pair']):.2f} s",
            f"{row['memory'] / 2**20:,.0f} MiB",
        ])  # fmt: skip
    print(table(
        ["collection", "roles", "facts", "planned pairs", "ingest", "plan (--dry-run)",
         "s/pair, report", "s/pair, whole command", "peak memory"], lines,
    ))  # fmt: skip
    r = rebuilt
    print(f"\nrebuilds at {rows[-1]['pages']:,} pages, {r['pairs']} pairs built (HTML):")
    print(table(
        ["first build", "no-op rebuild (command)", "one comparison page changed",
         "dry run of the default plan"],
        [[f"{r['first']:.0f} s ({r['first'] / r['pairs']:.2f} s/pair)",
          f"{r['noop']:.1f} s ({r['noop_built']} built)",
          f"{r['changed']:.1f} s ({r['rebuilt']} pair(s) rebuilt)", f"{r['plan_after']:.1f} s"]],
    ))  # fmt: skip
    s = site
    print(
        f"\nsite at {rows[-1]['pages']:,} pages: {s['pairs']:,} pairs listed, "
        f"{s['roles']:,} role pages, rendered in {s['render']:.1f} s"
    )
    lines = [
        ["index.html", f"{s['index'] / 1024:,.0f} KiB",
         f"{s.get('index_load', 0):.2f} s; typing a filter {s.get('filter', 0):.2f} s "
         f"({s.get('filter_text', '')})"],
        ["a role page (median; largest)",
         f"{s['role_median'] / 1024:,.1f} KiB; {s['role_max'] / 1024:,.1f} KiB",
         f"{s.get('role_load', 0):.2f} s"],
    ]  # fmt: skip
    if s["pairs_pages"]:
        lines.append([
            f"pairs pages ({s['pairs_pages']})", f"largest {s['pairs_page_max'] / 1024:,.0f} KiB",
            f"{s.get('pairs_load', 0):.2f} s",
        ])  # fmt: skip
    lines.append(["the whole site", f"{s['total'] / 2**20:,.1f} MiB", ""])
    print(table(["page", "size", "load in headless Chromium"], lines))
    print(f"\ntotal {total / 60:.1f} min; work folder {work}{' (kept)' if args.keep else ''}")


if __name__ == "__main__":
    main()
