"""The HTML reports pass an automated accessibility audit (axe-core in headless Chromium).

The seed pair (the richest report: figures, quotes, tables) and a sparse pair (one overview
table) are built once each as HTML; axe-core's WCAG 2.1 A/AA rules and best practices may
find nothing serious or critical. Also checked without a browser: every figure's alt text
says what it shows, tables have header cells with their scope, headings do not skip a level.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest

from rolecompare.facts.ingest import ingest
from rolecompare.reporting.report import make_report
from tests.browser import audit, launch

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def pages(tmp_path_factory, seed_processed) -> dict[str, Path]:
    raw = tmp_path_factory.mktemp("sparse_raw")
    for page in FIXTURES.glob("sparse_*.txt"):
        shutil.copy(page, raw / page.name)
    sparse = tmp_path_factory.mktemp("sparse_processed")
    ingest(raw, sparse)
    out = tmp_path_factory.mktemp("reports")
    html = ("html",)
    seed = make_report("customer-relations-manager", "customer-care-manager",
                       processed_dir=seed_processed, reports_dir=out, formats=html)  # fmt: skip
    thin = make_report("dental-lab-technician", "orthodontic-assistant",
                       processed_dir=sparse, reports_dir=out, formats=html)  # fmt: skip
    return {"seed": seed.paths.html, "sparse": thin.paths.html}


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.mark.parametrize("which", ["seed", "sparse"])
def test_report_has_no_serious_or_critical_accessibility_violation(browser, pages, which):
    assert audit(browser, pages[which]) == []


def test_audit_finds_what_a_report_must_not_have(browser, tmp_path) -> None:
    """The audit itself works: an image without alt text and an unlabelled link are found."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main>'
        '<img src="data:image/png;base64,iVBORw0KGgo="><a href="#x"></a></main></body></html>',
        encoding="utf-8",
    )
    found = {v["id"] for v in audit(browser, bad)}
    assert {"image-alt", "link-name"} <= found


@pytest.mark.parametrize("which", ["seed", "sparse"])
def test_structure_a_screen_reader_relies_on(pages, which) -> None:
    html = pages[which].read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert re.search(r"<title>[^<]+ vs [^<]+</title>", html)
    levels = [int(h) for h in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no skipped level
    for table in re.findall(r"<table.*?</table>", html, flags=re.DOTALL):
        assert "<caption>" in table
        assert re.findall(r'<th scope="(col|row)"', table)
        assert "<th>" not in table  # every header cell says what it heads
    for alt in re.findall(r"<img [^>]*alt=\"([^\"]*)\"", html):
        assert len(alt) > 40 and "No description" not in alt
