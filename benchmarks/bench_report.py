"""Where one report's time goes, against the floor of the same route.

    .venv/bin/python benchmarks/bench_report.py [--repeat 3]

For the seed pair (customer relations vs customer care manager: five pages, the richest
report) and for a sparse pair (one page with only the overview table:
tests/fixtures/pages/sparse_glued.txt) it times, separately: ingest of the raw pages, the
notebook executed by papermill (kernel start included), the HTML export (nbconvert) and the PDF
export (WeasyPrint, tagged PDF/UA). The floor is an empty notebook through the same papermill
+ HTML + PDF route: what any report costs before it computes anything. Each figure is the
median of --repeat runs, all measured in this one run; the PDF's page count is printed too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rolecompare.facts.ingest import ingest  # noqa: E402
from rolecompare.reporting.execute import execute_notebook  # noqa: E402
from rolecompare.reporting.render import html_to_pdf, notebook_to_html  # noqa: E402
from rolecompare.reporting.report import NOTEBOOK, notebook_parameters  # noqa: E402

PAIRS = {
    "seed": ("customer-relations-manager", "customer-care-manager"),
    "sparse": ("accounting-clerk", "payroll-clerk"),
}
SPARSE_PAGE = ROOT / "tests" / "fixtures" / "pages" / "sparse_glued.txt"


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
    out["pages"] = len(PdfReader(work / "out.pdf").pages)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty = nbformat.v4.new_notebook()
        names = ("role_a", "role_b", "processed_dir", "build_info_json")
        cell = nbformat.v4.new_code_cell("\n".join(f"{name} = None" for name in names))
        cell.metadata["tags"] = ["parameters"]
        empty.cells = [cell]
        nbformat.write(empty, work / "empty.ipynb")
        (work / "sparse_raw").mkdir()
        shutil.copy(SPARSE_PAGE, work / "sparse_raw" / SPARSE_PAGE.name)
        raw = {"seed": ROOT / "data" / "raw", "sparse": work / "sparse_raw"}
        ingest_times: dict[str, list[float]] = {k: [] for k in PAIRS}
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in [*PAIRS, "floor"]}
        notebook_to_html(empty, title="warm-up")  # the exporter is built once per process
        html_to_pdf("<p>warm-up</p>", work / "warm-up.pdf")  # and WeasyPrint imported once
        for _ in range(args.repeat):
            for name, pair in PAIRS.items():
                processed = work / f"processed-{name}"
                ingest_times[name].append(timed(lambda r=raw[name], p=processed: ingest(r, p))[0])
                params = notebook_parameters(*pair, processed)
                runs[name].append(route(NOTEBOOK, params, work))
            runs["floor"].append(route(work / "empty.ipynb", params, work))

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    print(f"one report, median of {args.repeat} runs, seconds")
    print(f"{'stage':<10}{'seed pair':>11}{'sparse pair':>13}{'floor':>8}")
    print(
        f"{'ingest':<10}{statistics.median(ingest_times['seed']):>11.2f}"
        f"{statistics.median(ingest_times['sparse']):>13.2f}"
    )
    totals = dict.fromkeys(runs, 0.0)
    for key in ("notebook", "html", "pdf"):
        row = {name: median(name, key) for name in runs}
        totals = {name: totals[name] + row[name] for name in runs}
        print(f"{key:<10}{row['seed']:>11.2f}{row['sparse']:>13.2f}{row['floor']:>8.2f}")
    print(f"{'total':<10}{totals['seed']:>11.2f}{totals['sparse']:>13.2f}{totals['floor']:>8.2f}")
    pages = {name: int(median(name, "pages")) for name in PAIRS}
    print(f"{'A4 pages':<10}{pages['seed']:>11}{pages['sparse']:>13}")
    print(f"seed report / floor = {totals['seed'] / totals['floor']:.2f}")


if __name__ == "__main__":
    main()
