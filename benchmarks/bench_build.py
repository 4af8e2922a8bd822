"""Batch builds: the loop a user would script vs `rolecompare build`, in one run.

    .venv/bin/python benchmarks/bench_build.py [--roles 12] [--jobs 2] [--naive-pairs N]

On N generated roles (benchmarks/synthetic.py; N=12 gives 66 pairs) it measures:
1. the naive loop, pair after pair: `papermill` CLI, then `jupyter nbconvert --to html` CLI
   (the same template, code hidden), then the same PDF route from the command line
   (`weasyprint report.html report.pdf`);
2. `rolecompare build --pairs all --jobs J` on the same facts (fresh output folder; each
   pair's job carries only its slice), with the peak memory of the whole process tree (build,
   workers and kernels);
3. that both give the same report content (the visible text of every HTML report, apart
   from the "Built from" table that only the build writes);
4. a no-op rebuild, as the `rolecompare build` command (interpreter start included);
5. a rebuild after one role's page changed (only that role's pairs are rebuilt).
--naive-pairs times the naive loop on the first N pairs only and extrapolates (said so).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_pages  # noqa: E402
from rolecompare.building.batch import build  # noqa: E402
from rolecompare.building.plan import all_pairs  # noqa: E402
from rolecompare.facts.ingest import ingest  # noqa: E402
from rolecompare.reporting.render import TEMPLATES_DIR  # noqa: E402
from rolecompare.reporting.report import NOTEBOOK, pair_folder_name  # noqa: E402

BIN = Path(sys.executable).parent


class PeakMemory:
    """Samples the resident memory of this process and all its descendants."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def naive_pair(a: str, b: str, processed: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    nb = out / "report.ipynb"
    run = lambda *cmd: subprocess.run(cmd, check=True, capture_output=True)  # noqa: E731
    run(
        str(BIN / "papermill"),
        str(NOTEBOOK),
        str(nb),
        "-p",
        "role_a",
        a,
        "-p",
        "role_b",
        b,
        "-p",
        "processed_dir",
        str(processed),
        "--no-progress-bar",
        "-k",
        "python3",
    )
    run(
        str(BIN / "jupyter"),
        "nbconvert",
        "--to",
        "html",
        "--no-input",
        "--no-prompt",
        "--HTMLExporter.exclude_anchor_links=True",
        f"--TemplateExporter.extra_template_basedirs={TEMPLATES_DIR}",
        "--template",
        "report",
        "--output",
        "report.html",
        str(nb),
    )
    run(str(BIN / "weasyprint"), str(out / "report.html"), str(out / "report.pdf"))


def visible_text(html_file: Path) -> str:
    from bs4 import BeautifulSoup

    # break hints (<wbr>) that the build's table tidying adds are layout, not content
    html = re.sub(r"<wbr\s*/?>", "", html_file.read_text(encoding="utf-8"))
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["style", "script", "title"]):
        tag.decompose()
    text = " ".join(soup.get_text(" ").split())
    return re.sub(r"Built from.*$", "", text)  # the build's own record, last in the report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-pairs", type=int, default=0, help="0: all pairs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rolecompare-bench-build-"))
    try:
        raw, processed = work / "raw", work / "processed"
        write_pages(raw, roles=args.roles, seed=3)
        ingest(raw, processed)
        import pandas as pd

        pairs = all_pairs(pd.read_csv(processed / "roles.csv").role_id)
        naive_pairs = pairs[: args.naive_pairs] if args.naive_pairs else pairs
        print(
            f"{args.roles} roles -> {len(pairs)} pairs; naive loop on {len(naive_pairs)}",
            flush=True,
        )

        start = time.perf_counter()
        for i, (a, b) in enumerate(naive_pairs, 1):
            naive_pair(a, b, processed, work / "naive" / pair_folder_name(a, b))
            print(
                f"  naive {i}/{len(naive_pairs)} {time.perf_counter() - start:7.1f}s",
                file=sys.stderr,
                flush=True,
            )
        naive = time.perf_counter() - start
        naive_all = naive * len(pairs) / len(naive_pairs)

        with PeakMemory() as memory:
            start = time.perf_counter()
            summary = build(
                processed,
                work / "reports",
                formats=("html", "pdf"),
                jobs=args.jobs,
                pairs=["all"],
            )
            built = time.perf_counter() - start
        assert not summary.failed, [f.error for f in summary.failed]

        same = sum(
            visible_text(work / "naive" / pair_folder_name(a, b) / "report.html")
            == visible_text(work / "reports" / pair_folder_name(a, b) / "report.html")
            for a, b in naive_pairs
        )

        cli = [
            str(BIN / "rolecompare"),
            "build",
            "--raw",
            str(raw),
            "--processed",
            str(processed),
            "--out",
            str(work / "reports"),
            "--jobs",
            str(args.jobs),
            "--pairs",
            "all",
        ]
        start = time.perf_counter()
        subprocess.run(cli, check=True, capture_output=True)
        noop = time.perf_counter() - start

        shutil.rmtree(raw)
        write_pages(raw, roles=args.roles, seed=3, change=0)
        start = time.perf_counter()
        done = subprocess.run(cli, check=True, capture_output=True, text=True)
        changed = time.perf_counter() - start
        rebuilt = re.search(r"(\d+) built", done.stdout)

        extrapolated = "" if naive_pairs == pairs else " (extrapolated from the pairs timed)"
        print(
            f"naive loop (papermill + nbconvert + weasyprint CLIs): {naive_all:8.1f} s"
            f"{extrapolated}, {naive_all / len(pairs):.2f} s/pair"
        )
        print(
            f"rolecompare build --jobs {args.jobs}:                  {built:8.1f} s, "
            f"{built / len(pairs):.2f} s/pair"
        )
        print(f"ratio naive / build:                                  {naive_all / built:8.2f}x")
        print(f"identical report content:                             {same}/{len(naive_pairs)}")
        print(
            f"peak memory of the build (all processes):             {memory.peak / 2**20:8.0f} MiB"
        )
        print(f"no-op rebuild (`rolecompare build` command):           {noop:8.2f} s")
        print(
            f"one role changed: {rebuilt.group(1) if rebuilt else '?'} of {len(pairs)} pairs "
            f"rebuilt in                {changed:8.1f} s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
