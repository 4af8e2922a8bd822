"""Ingest speed: N synthetic pages (the seeds' layouts, invented roles) through `ingest`.

    .venv/bin/python benchmarks/bench_ingest.py [--pages 1000]

Prints the time of the ingest call (parse + tables + atomic writes) and of the whole
`rolecompare ingest` command (with interpreter start and imports), in pages per second.
Target: 1,000 pages in under 5 seconds on a 2-core machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import write_pages
from rolecompare.facts.ingest import ingest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rolecompare-bench-"))
    try:
        raw = work / "raw"
        write_pages(raw, pages=args.pages, seed=1)
        start = time.perf_counter()
        result = ingest(raw, work / "out-api")
        api = time.perf_counter() - start
        exe = shutil.which("rolecompare", path=str(Path(sys.executable).parent))
        start = time.perf_counter()
        subprocess.run(
            [exe, "ingest", "--raw", str(raw), "--out", str(work / "out-cli")],
            check=True,
            capture_output=True,
        )
        cli = time.perf_counter() - start
        n = args.pages
        print(
            f"ingest of {n} synthetic pages: {len(result.tables['facts']):,} facts, "
            f"{len(result.problems)} problems"
        )
        print(f"  ingest() call:           {api:6.2f} s  {n / api:8,.0f} pages/s")
        print(
            f"  `rolecompare ingest` CLI: {cli:6.2f} s  {n / cli:8,.0f} pages/s "
            f"(includes interpreter start and imports)"
        )
        print(f"  target: {n} pages in < 5 s -> {'met' if cli < 5 else 'NOT met'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
