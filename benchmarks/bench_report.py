"""Where one report's time goes, against the floor of the same route.

    .venv/bin/python benchmarks/bench_report.py [--repeat 3]

For the seed pair (customer relations vs customer care manager) it times, separately:
ingest of data/raw, the notebook executed by papermill (kernel start included), the HTML
export (nbconvert) and the PDF export (WeasyPrint). The floor is an empty notebook through
the same papermill + HTML + PDF route: what any report costs before it computes anything.
Each figure is the median of --repeat runs, all measured in this one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rolecompare.facts.ingest import ingest  # noqa: E402
from rolecompare.reporting.execute import execute_notebook  # noqa: E402
from rolecompare.reporting.render import html_to_pdf, notebook_to_html  # noqa: E402
from rolecompare.reporting.report import NOTEBOOK, notebook_parameters  # noqa: E402

PAIR = ("customer-relations-manager", "customer-care-manager")


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def route(notebook: Path, params: dict, work: Path) -> dict[str, float]:
    out = {}
    out["notebook"], nb = timed(
        lambda: execute_notebook(notebook, work / "out.ipynb", params, cwd=work)
    )
    out["html"], html = timed(lambda: notebook_to_html(nb, title="benchmark"))
    out["pdf"], _ = timed(lambda: html_to_pdf(html, work / "out.pdf"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("role_a = role_b = processed_dir = build_info_json = None")
        cell.metadata["tags"] = ["parameters"]
        empty.cells = [cell]
        nbformat.write(empty, work / "empty.ipynb")
        ingest_times, report, floor = [], [], []
        notebook_to_html(empty, title="warm-up")  # the exporter is built once per process
        for _ in range(args.repeat):
            ingest_times.append(timed(lambda: ingest(ROOT / "data" / "raw", work / "processed"))[0])
            params = notebook_parameters(*PAIR, work / "processed")
            report.append(route(NOTEBOOK, params, work))
            floor.append(route(work / "empty.ipynb", params, work))

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    print(f"one report ({PAIR[0]} vs {PAIR[1]}), median of {args.repeat} runs, seconds")
    print(f"{'stage':<10}{'report':>10}{'floor':>10}{'report - floor':>16}")
    print(f"{'ingest':<10}{statistics.median(ingest_times):>10.2f}{'':>10}{'':>16}")
    total_r = total_f = 0.0
    for key in ("notebook", "html", "pdf"):
        r, f = median(report, key), median(floor, key)
        total_r, total_f = total_r + r, total_f + f
        print(f"{key:<10}{r:>10.2f}{f:>10.2f}{r - f:>16.2f}")
    print(f"{'total':<10}{total_r:>10.2f}{total_f:>10.2f}{total_r - total_f:>16.2f}")
    print(f"report / floor = {total_r / total_f:.2f}")


if __name__ == "__main__":
    main()
