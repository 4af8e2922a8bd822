"""`make_report` is the one pipeline of a pair: `report` and `build`'s workers both run it.

Fast: the notebook run and the export are stand-ins (the real ones are exercised by
test_report.py and test_batch.py); what is checked is what each caller does with the
pipeline's outcome -- the title built once from the roles table, a missing PDF route.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from rolecompare.building import workers
from rolecompare.building.collection import Collection
from rolecompare.building.shared_context import draw
from rolecompare.building.slices import Slicer
from rolecompare.reporting import execute, render
from rolecompare.reporting.report import make_report

CARE, SERVICE = "customer-care-manager", "customer-service-manager"


@pytest.fixture
def stand_ins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A notebook run that writes an empty executed notebook, an export that writes the HTML
    and then finds no PDF route; returns the titles exported."""
    titles: list[str] = []

    def run(template, output, parameters, **_kw):
        nb = nbformat.v4.new_notebook()
        nbformat.write(nb, output)
        return nb

    def export(nb, *, title, html_target=None, pdf_target=None):
        titles.append(title)
        if html_target is not None:
            Path(html_target).write_text(f"<title>{title}</title>", encoding="utf-8")
        if pdf_target is not None:
            raise render.PdfRouteMissing("no PDF route (test)")

    monkeypatch.setattr(execute, "execute_notebook", run)
    monkeypatch.setattr(render, "export_report", export)
    monkeypatch.setattr(workers._WorkerState, "kernel_manager", lambda self: None)
    return titles


def test_report_raises_for_a_missing_pdf_route_with_the_html_written(
    stand_ins: list[str], seed_processed: Path, tmp_path: Path
) -> None:
    with pytest.raises(render.PdfRouteMissing):
        make_report(CARE, SERVICE, processed_dir=seed_processed, reports_dir=tmp_path)
    folder = tmp_path / f"{CARE}__vs__{SERVICE}"
    assert (folder / "report.html").is_file() and not (folder / "report.pdf").exists()
    assert stand_ins == ["Customer care manager vs Customer service manager"]


def test_a_worker_runs_the_same_pipeline_on_a_slice(
    stand_ins: list[str], seed_processed: Path
) -> None:
    collection = Collection.read(seed_processed)
    tables = Slicer(collection, draw(collection, today="2026-01-01")).tables(CARE, SERVICE)
    job = workers.PairJob(CARE, SERVICE, ("html", "pdf"), 60.0, {}, tables)
    outcome = workers.run_pair_job(job)
    assert not outcome.ok and outcome.error == outcome.warning == "no PDF route (test)"
    assert set(outcome.files) == {"report.ipynb", "report.html"}  # the HTML is kept
    assert outcome.numbers and "error" not in outcome.numbers  # the site still gets them
    assert stand_ins == ["Customer care manager vs Customer service manager"]  # one title

    html_only = workers.PairJob(CARE, SERVICE, ("html",), 60.0, {}, tables)
    outcome = workers.run_pair_job(html_only)
    assert (
        outcome.ok
        and outcome.error is None
        and set(outcome.files)
        == {
            "report.ipynb",
            "report.html",
        }
    )
