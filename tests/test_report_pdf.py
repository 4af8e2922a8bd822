"""The published PDF, read back: page budgets, every number accounted for, tagged for screen
readers, sources a reader can follow.

Two real reports, each built once: the richest seed pair (customer relations manager vs
customer care manager, five pages) and a sparse pair whose page carries only the overview
table (tests/fixtures/pages/sparse_glued.txt, the glued comparison layout with invented roles).
The text is read with pdftotext, the structure with pypdf; the HTML is audited with axe-core in
headless Chromium (WCAG 2.1 A/AA rules and best practices: nothing serious or critical).
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from rolecompare import analysis as A
from rolecompare.facts.ingest import ingest
from rolecompare.facts.tables import load_conflicts, load_facts, load_pages
from rolecompare.reporting.report import ReportResult, make_report
from tests.browser import audit, launch, unavailable

pytestmark = pytest.mark.slow
CRM, CCM = "customer-relations-manager", "customer-care-manager"
CSM = "customer-service-manager"
SPARSE = ("accounting-clerk", "payroll-clerk")
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
SECTIONS = ("Key numbers", "Pay", "Demographics", "Experience and education",
            "What each role does", "Sources")  # fmt: skip


@dataclass
class Built:
    result: ReportResult
    processed: Path
    pair: tuple[str, str]

    @property
    def pdf(self) -> Path:
        return self.result.paths.pdf

    @property
    def html(self) -> str:
        return self.result.paths.html.read_text(encoding="utf-8")


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:  # fails instead when ./run test requires it
        unavailable("pdftotext is missing (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def seed(tmp_path_factory, seed_processed) -> Built:
    out = tmp_path_factory.mktemp("reports")
    result = make_report(CRM, CCM, processed_dir=seed_processed, reports_dir=out)
    return Built(result, seed_processed, (CRM, CCM))


@pytest.fixture(scope="module")
def sparse(tmp_path_factory) -> Built:
    raw = tmp_path_factory.mktemp("sparse_raw")
    for page in FIXTURES.glob("sparse_*.txt"):
        shutil.copy(page, raw / page.name)
    processed = tmp_path_factory.mktemp("sparse_processed")
    ingest(raw, processed)
    out = tmp_path_factory.mktemp("sparse_reports")
    return Built(make_report(*SPARSE, processed_dir=processed, reports_dir=out), processed, SPARSE)


@pytest.fixture(scope="module")
def other_seeds(tmp_path_factory, seed_processed) -> dict[str, Built]:
    """The two other seed pairs (customer service manager with each of the others)."""
    out = tmp_path_factory.mktemp("other_reports")
    return {
        f"seed {b}": Built(
            make_report(CSM, b, processed_dir=seed_processed, reports_dir=out),
            seed_processed,
            (CSM, b),
        )
        for b in (CRM, CCM)
    }


@pytest.fixture(scope="module")
def built(seed, sparse, other_seeds) -> dict[str, Built]:
    return {"seed": seed, "sparse": sparse, **other_seeds}


# --- page budgets -----------------------------------------------------------------------------


def test_seed_pair_fits_seven_a4_pages_with_what_each_role_does(seed, other_seeds) -> None:
    for other in other_seeds.values():
        assert len(PdfReader(other.pdf).pages) <= 7, other.pair
    reader = PdfReader(seed.pdf)
    assert len(reader.pages) <= 7
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = " ".join(pdf_text(seed.pdf).split())
    assert "What each role does" in text
    assert "Customer relations managers focus on maintaining close connections" in text
    assert "Respond to customer inquiries and concerns" in text  # a listed responsibility
    assert "Create and manage department documentation" in text


def test_sparse_pair_fits_three_pages_and_says_once_per_section_what_is_missing(sparse) -> None:
    assert len(PdfReader(sparse.pdf).pages) <= 3
    lines = [line.strip() for line in pdf_text(sparse.pdf).splitlines()]
    text = " ".join(" ".join(lines).split())
    assert "not published" not in text.lower()
    assert "us-average" not in text and "accounting-clerk" not in text
    starts, at = [], 0
    for heading in SECTIONS:  # each heading is a line of its own, in this order
        at = lines.index(heading, at)
        starts.append(at)
    for name, start, end in zip(SECTIONS, starts, [*starts[1:], None], strict=True):
        assert " ".join(lines[start:end]).count("The pages publish no") <= 1, name
    assert "The pages publish no description, example responsibilities or skills" in text


# --- every number is accounted for ------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_RUN = r"\d+(?:–\d+)?"


def _digits(texts) -> set[float]:
    return {float(n) for t in texts if isinstance(t, str) for n in re.findall(r"\d+", t)}


def _computed(facts: pd.DataFrame, conflicts: pd.DataFrame, a: str, b: str) -> set[float]:
    """Every number the analysis functions derive for the pair (unrounded, unsigned)."""
    out: list[float | None] = []
    for metric in ("salary_yearly", "salary_hourly"):
        for gap in A.pay_gaps(facts, conflicts, a, b, metric):
            out += [gap.gap_low, gap.gap_high, gap.percent_low, gap.percent_high]
    us = A.versus_us_average(facts, conflicts, [a, b])
    for column in ("difference_low", "difference_high", "percent_low", "percent_high"):
        out += list(us[column])
    overlap = A.salary_overlap(facts, conflicts, a, b)
    if overlap is not None:
        out += [overlap.amount, overlap.low, overlap.high, overlap.distance,
                overlap.percent_of_a, overlap.percent_of_b]  # fmt: skip
    demo = A.demographics_summary(facts, conflicts, a, b)
    out += list(demo["difference_low"]) + list(demo["difference_high"])
    out.append(A.dissimilarity(facts, conflicts, a, b))
    out.append(A.pair_summary(facts, conflicts, a, b).experience_difference)
    return {abs(float(v)) for v in out if v is not None and math.isfinite(float(v))}


def _matches(printed: str, candidates: set[float]) -> bool:
    value = float(printed.replace(",", ""))
    decimals = len(printed.partition(".")[2])
    return any(v == value or A.round_half_up(v, decimals) == value for v in candidates)


def unexplained_numbers(report: Built, text: str) -> tuple[list[str], int]:
    """The numbers of `text` (a report's PDF text) that are neither a fact of the pair, nor a
    number the analysis derives, nor a page, line or source number; and how many were checked.
    """
    a, b = report.pair
    facts, conflicts = load_facts(report.processed), load_conflicts(report.processed)
    pages = load_pages(report.processed)
    mine = facts[facts.role_id.isin([a, b, "us-average"])]
    text = text.split("Built from")[0]  # hashes and times of the build
    cited: set[int] = set()
    sources = sorted(set(mine.source))
    for file in sources:
        text = re.sub(r"\s*".join(map(re.escape, file)), " ", text)
    text = re.sub(r"Page \d+ of \d+", " ", text)
    text = re.sub(r"\d{4}-\d{2}-\d{2}", " ", text)
    text = re.sub(rf"lines? {_RUN}(?:,\s*{_RUN})*", " ", text)  # the sources' lines used

    def page_and_lines(match: re.Match) -> str:  # "[2] 5, 12, 34": a page, then its lines
        cited.add(int(match.group(1)))
        return " "

    text = re.sub(rf"\[(\d+)\] {_RUN}(?:, {_RUN})*", page_and_lines, text)

    def cites(match: re.Match) -> str:  # "[1, 3]"
        cited.update(int(n) for n in match.group(1).split(", "))
        return " "

    text = re.sub(r"\[(\d+(?:, \d+)*)\]", cites, text)
    assert cited and max(cited) <= len(sources), cited
    stated = {float(v) for v in mine.value.dropna()}
    words = _digits([*mine.text, *mine.category, *mine.period, *pages.title])
    computed = _computed(facts, conflicts, a, b)
    found = _NUMBER.findall(text)
    return [n for n in found if not _matches(n, stated | words | computed)], len(found)


@pytest.mark.parametrize(
    ("which", "at_least"),
    [("seed", 150), (f"seed {CRM}", 150), (f"seed {CCM}", 150), ("sparse", 20)],
)
def test_every_number_in_the_pdf_is_a_fact_a_computed_number_or_a_reference(built, which, at_least):
    """Each number the PDF shows is a fact of the pair, a number the analysis functions
    derive, or a page, line or source number. Nothing else."""
    unexplained, checked = unexplained_numbers(built[which], pdf_text(built[which].pdf))
    assert not unexplained, unexplained
    assert checked >= at_least


def test_the_number_check_catches_a_number_no_page_states(seed) -> None:
    text = pdf_text(seed.pdf).replace("$17,000", "$17,500").replace("62.2%", "62.4%")
    unexplained, _ = unexplained_numbers(seed, "a midpoint: $62,848 " + text)
    assert set(unexplained) == {"17,500", "62.4", "62,848"}


# --- tagged PDF -------------------------------------------------------------------------------


def _structure(reader: PdfReader) -> list[dict]:
    """Every element of the structure tree, depth first."""
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if node.get("/S"):
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if kid is not None and (hasattr(kid, "get_object") or hasattr(kid, "get")):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_pdf_is_tagged_with_title_language_bookmarks_and_table_headers(seed) -> None:
    reader = PdfReader(seed.pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Customer relations manager vs Customer care manager"

    def titles(items: list) -> list[str]:  # the outline, flattened depth first
        return [t for i in items for t in (titles(i) if isinstance(i, list) else [i.title])]

    assert titles(reader.outline)[0] == "Customer relations manager vs Customer care manager"
    assert [t for t in titles(reader.outline) if t in SECTIONS] == list(SECTIONS)
    assert len(reader.outline) == 2  # the title, then its sections nested under it
    kinds = [str(e["/S"]) for e in _structure(reader)]
    for kind in ("/Document", "/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure"):
        assert kind in kinds, kind
    cells = [e for e in _structure(reader) if e["/S"] == "/TD"]
    assert cells and all("/Headers" in c.get("/A", {}) for c in cells)  # tied to their headers


def test_figures_have_alt_text_from_their_data_in_html_and_pdf(seed) -> None:
    html_alts = re.findall(r'<img [^>]*alt="([^"]*)"', seed.html)
    assert len(html_alts) == 3  # salary ranges, race shares, the pair among the collection
    assert not any("No description" in a for a in html_alts)
    assert html_alts[0].startswith("Published salary ranges and stated yearly salaries")
    assert "Customer relations manager: range $42,000 to $104,000" in html_alts[0]
    assert "White: Customer relations manager 74.7, Customer care manager 60.3" in html_alts[1]
    assert "Customer relations manager: 4 years, $66,782" in html_alts[2]  # stated, no midpoint
    figures = [e for e in _structure(PdfReader(seed.pdf)) if e["/S"] == "/Figure"]
    pdf_alts = [str(f["/Alt"]) for f in figures]
    import html as html_module

    assert pdf_alts == [html_module.unescape(a) for a in html_alts]


# --- sources a reader can follow --------------------------------------------------------------


def test_sources_give_titles_addresses_and_links(seed) -> None:
    text = " ".join(pdf_text(seed.pdf).split())
    assert "[5] What is a customer care manager and how to become one." in text
    assert "Customer Relations Manager: Job Description Overview" in text
    links = {
        str(annot.get_object()["/A"]["/URI"])
        for page in PdfReader(seed.pdf).pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]
    }
    assert "https://www.zippia.com/customer-care-manager-jobs/" in links
    assert len(links) == 5
    assert "$66,782 [1, 2]" in text  # a number and the pages it comes from


# --- accessible HTML: axe-core in headless Chromium, and the structure itself ----------------


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.mark.parametrize("which", ["seed", "sparse"])
def test_report_has_no_serious_or_critical_accessibility_violation(browser, built, which):
    assert audit(browser, built[which].result.paths.html) == []


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
def test_structure_a_screen_reader_relies_on(built, which) -> None:
    html = built[which].html
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
