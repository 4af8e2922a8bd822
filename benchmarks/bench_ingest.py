"""Ingest speed: N synthetic pages of every page kind (invented roles) through `ingest`.

    .venv/bin/python benchmarks/bench_ingest.py [--pages 1000] [--layouts mixed|seed]

The pages are a mix of all page kinds (`synthetic_kinds.mixed_texts`): the seeds' layouts
(glued and pipe comparison tables, profile and how-to pages) and handbook pages, statistics
pages, prose comparisons and fact sheets, one kind after another. `--layouts seed` measures the
seeds' layouts only (`synthetic.write_pages`), as before the other kinds were read.

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
from benchmarks.synthetic_kinds import write_mixed_pages
from rolecompare.facts.ingest import ingest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--layouts", choices=["mixed", "seed"], default="mixed")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rolecompare-bench-"))
    try:
        raw = work / "raw"
        if args.layouts == "mixed":
            write_mixed_pages(raw, pages=args.pages, seed=1)
        else:
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
        kinds = result.tables["pages"]["kind"].value_counts().to_dict()
        print(
            f"ingest of {n} synthetic pages ({args.layouts}: {kinds}): "
            f"{len(result.tables['facts']):,} facts, {len(result.problems)} problems"
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
