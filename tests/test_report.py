"""One pair end to end: a real papermill run with a real kernel, HTML and PDF read back."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from benchmarks.synthetic import make_roles, write_pages
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import slugify
from rolecompare.reporting.execute import CellFailed
from rolecompare.reporting.report import make_report, pair_paths
from tests.conftest import RAW

pytestmark = pytest.mark.slow
CRM, CCM = "customer-relations-manager", "customer-care-manager"
CLI = shutil.which("rolecompare", path=str(Path(sys.executable).parent))
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_processed):
    """The seed pair's HTML report (its PDF is read back in test_report_pdf.py)."""
    reports = tmp_path_factory.mktemp("reports")
    return make_report(
        CRM, CCM, processed_dir=seed_processed, reports_dir=reports, formats=("html",)
    )


def test_seed_report_files(seed_report) -> None:
    paths = seed_report.paths
    assert paths.folder.name == f"{CRM}__vs__{CCM}"
    assert [p.name for p in seed_report.written] == ["report.ipynb", "report.html"]
    assert not paths.pdf.exists()
    assert not list(paths.folder.glob(".tmp-*"))


def test_html_has_no_code_embeds_figures_and_key_numbers(seed_report) -> None:
    html = seed_report.paths.html.read_text(encoding="utf-8")
    assert "load_report(processed_dir" not in html  # code inputs hidden
    assert "import rolecompare" not in html and "from rolecompare" not in html
    assert html.count("data:image/png;base64,") == 3  # salary ranges, race shares, context
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", html)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for sentence in [
        "Customer relations managers earn $17,732–$25,601† (43.1–62.2%†) more a year than "
        "customer care managers, depending on the source (averages: $58,913 [4] or $66,782 [1, 2] "
        "against $41,181 [1, 3, 5]).",
        "Customer relations managers earn $12.31† (62.2%†) more an hour than customer care "
        "managers",
        "The salary ranges overlap by $17,000† ($42,000–$59,000)",
        "The race shares [1, 2, 3, 5] differ by a dissimilarity index of 14.4†",
        "The pages disagree on two values:",
    ]:
        assert sentence in text, sentence
    assert "not published" not in text.lower()
    assert "us-average" not in text
    assert "$62,848" not in text  # no midpoint of the disagreeing $58,913 and $66,782


def test_html_has_the_sections_in_order(seed_report) -> None:
    html = seed_report.paths.html.read_text(encoding="utf-8")
    headings = re.findall(r"<h([1-3])[^>]*>(.*?)</h\1>", html)
    assert [h for h in headings if h[0] == "1"] == [
        ("1", "Customer relations manager vs Customer care manager")
    ]
    assert [t for level, t in headings if level == "2"] == [
        "Key numbers", "Pay", "Demographics", "Experience and education", "What each role does",
        "Sources",
    ]  # fmt: skip
    assert '<html lang="en">' in html


def test_executed_notebook_has_parameters_and_outputs(seed_report) -> None:
    nb = nbformat.read(seed_report.paths.notebook, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and CRM in injected[0].source and CCM in injected[0].source
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    """Pages for invented roles, plus one role whose page has no tables at all."""
    raw = tmp_path_factory.mktemp("raw")
    processed = tmp_path_factory.mktemp("processed")
    write_pages(raw, roles=3, seed=11)
    (raw / "bare.txt").write_text(
        "Lighthouse keeper vs harbour pilot\n\n"
        "While it typically takes 1-2 years to become a lighthouse keeper, becoming a harbour "
        "pilot takes usually requires 5-8 years.\n",
        encoding="utf-8",
    )
    ingest(raw, processed)
    roles = [slugify(r.name) for r in make_roles(3, seed=11)]
    return processed, roles


def test_report_for_made_up_roles(made_up, tmp_path) -> None:
    processed, roles = made_up
    result = make_report(
        roles[0], roles[1], processed_dir=processed, reports_dir=tmp_path, formats=("html",)
    )
    html = result.paths.html.read_text(encoding="utf-8")
    person = make_roles(3, seed=11)
    gap = person[0].salary - person[1].salary
    assert f"${abs(gap):,}†" in html
    assert person[0].name.lower() in html.lower()
    assert "customer" not in html.lower()  # nothing tied to the seed roles


def test_report_with_a_role_missing_every_table(made_up, tmp_path) -> None:
    processed, roles = made_up
    result = make_report(
        "lighthouse-keeper", roles[0], processed_dir=processed, reports_dir=tmp_path
    )
    text = " ".join(re.sub(r"<[^>]+>", " ", result.paths.html.read_text(encoding="utf-8")).split())
    assert "for lighthouse keepers" in text and "The pages publish no" in text
    assert "It usually takes 1–2 years [1] to become a lighthouse keeper" in text
    assert "Sources" in text
    assert result.paths.pdf.stat().st_size > 1000


def test_failing_cell_keeps_notebook_and_leaves_no_report(tmp_path, seed_processed) -> None:
    broken = nbformat.read(NOTEBOOKS / "role_pair.ipynb", as_version=4)
    broken.cells.insert(3, nbformat.v4.new_code_cell("raise ValueError('page data went missing')"))
    template = tmp_path / "broken.ipynb"
    nbformat.write(broken, template)
    paths = pair_paths(tmp_path / "reports", CRM, CCM)
    paths.folder.mkdir(parents=True)
    paths.html.write_text("old report", encoding="utf-8")  # from an earlier run
    with pytest.raises(CellFailed) as caught:
        make_report(
            CRM, CCM, processed_dir=seed_processed, reports_dir=tmp_path / "reports",
            notebook=template,
        )  # fmt: skip
    assert caught.value.ename == "ValueError"
    assert "page data went missing" in str(caught.value)
    assert "raise ValueError" in str(caught.value)  # names the cell
    assert paths.notebook.exists()
    assert not paths.html.exists() and not paths.pdf.exists()
    assert not list(paths.folder.glob(".tmp-*"))


def test_cli_unknown_role_exits_2_with_close_matches(seed_processed) -> None:
    run = subprocess.run(
        [CLI, "report", "customer-relation-manager", CCM, "--processed", str(seed_processed),
         "--raw", str(RAW)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 2
    assert "customer-relations-manager" in run.stderr  # closest match
    assert "customer-service-manager" in run.stderr  # the known ids
    assert run.stderr.count("\n") == 1
