"""Hostile page text end to end: raw page -> ingest -> executed notebook -> HTML and PDF.

Role names, skills, companies, cities, states, industries and colleges on two raw pages (the
pipe layout of data/raw/000, the glued layout of data/raw/001; copies in a temporary folder)
hold script, HTML event handlers, `javascript:` links, Markdown, raw HTML inside Markdown and
LaTeX specials. The reports are opened in headless Chromium (tests/browser.py), which fires
every inline handler and clicks every `javascript:` link it finds: nothing may run, no dialog
may open, no request may leave the file, and each payload must be *shown*, literally, in the
page's visible text and in the PDF's text.

A third, tiny probe notebook checks that a role argument with quotes, newlines, braces and
300 characters reaches the kernel verbatim and cannot move the report folder.

Every report runs a real kernel, so each is made once per module.
"""

from __future__ import annotations

import ast
import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from rolecompare import load_facts, load_roles
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import display_name, slugify
from rolecompare.reporting.execute import CellFailed
from rolecompare.reporting.report import ReportResult, make_report
from tests.browser import Visit, launch, visit
from tests.conftest import RAW, SEED

pytestmark = pytest.mark.slow

# --- payloads ---------------------------------------------------------------------------------

SCRIPT_NAME = "Chief <script>window.__pwned=1</script> Officer"  # replaces the relations manager
LATEX_NAME = r"Care_Lead {x}^2 ~ 50% & $y$ \\"  # replaces the customer care manager
GLUED_NAME = "<b onmouseover=window['__pwned']=1>Data</b> wrangler"  # the service manager

IMG = '<img src=x onerror="window.__pwned=1">'
LATEX_CITY = r"$x$ 100% & {y}_z \\"
HOVER = '<b onmouseover="window.__pwned=1">hover</b>'
MARKDOWN = "**bold** _it_ # heading"
JS_LINK = "[click](javascript:window.__pwned=1)"
SPECIALS = r"\ $ % & _ { } ~ ^"
TABLE_BREAK = "</td></tr></table><script>window.__pwned=1</script>"
IFRAME = '<iframe src="https://example.com/x"></iframe>'
PROSE_SKILL = "<i onclick=window['__pwned']=1>home</i> health"  # a sentence cannot hold '.'
SVG = "<svg onload=window.__pwned=1>Degree</svg>"  # runs on insertion, no event needed
ANCHOR = '<a href="javascript:window.__pwned=1">Business</a>'
RACE = "Unknown <script>window.__pwned=1</script>"  # a share category, in both roles' rows
# a raw page's file name is shown too (facts appendix, conflict sentences): make it hostile
HOSTILE_FILE = "002_<b onmouseover=window.__pwned=1>$x$ [l](javascript:x) *a* #1.txt"

# sources.csv is untrusted too: titles and addresses show literally, only http(s) links
TITLE_SCRIPT = "<script>window.__pwned=1</script> Careers"
TITLE_MARKDOWN = "[t](javascript:window.__pwned=1) **T** $x$"
TITLE_IMG = '<img src=x onerror="window.__pwned=1">'
JS_ADDRESS = "javascript:window.__pwned=1"
DATA_ADDRESS = "data:text/html,<script>window.__pwned=1</script>"
WEB_ADDRESS = 'https://example.org/?q=<b>&x="y"'
SOURCES = [  # file, title, url, retrieved
    ("000_hostile_pipe.txt", TITLE_SCRIPT, JS_ADDRESS, ""),
    ("001_hostile_glued.txt", TITLE_MARKDOWN, DATA_ADDRESS, "2025-01-08"),
    (HOSTILE_FILE, TITLE_IMG, WEB_ADDRESS, ""),
]

PIPE_ROWS = {  # row label -> (cell of the script-named role, cell of the LaTeX-named role)
    "Highest paying City": (LATEX_CITY, MARKDOWN),
    "Best paying company": (IMG, HOVER),
    "Highest paying state": (JS_LINK, SPECIALS),
    "Best paying industry": (IFRAME, "Auto & Co {x}"),
    "Most common college": (TABLE_BREAK, "California State University - Bakersfield"),
    "Most common degree": (f"{SVG}, 57%", "Bachelor's Degree, 59%"),
    "Most common major": (ANCHOR, "Business"),
}
GLUED_SKILLS = {  # bullet skill on the glued page -> payload (the first two are in both lists)
    "Customer Complaints": JS_LINK,
    "Customer Satisfaction": HOVER,
    "Payroll": MARKDOWN,
    "Dealership": SPECIALS,
}


def pipe_page() -> str:
    """data/raw/000 with hostile role names and cells (pipe layout, shifted header)."""
    text = (RAW / SEED["000"]).read_text(encoding="utf-8")
    for old in ("Customer Relations Manager", "customer relations manager"):
        text = text.replace(old, SCRIPT_NAME)
    for old in ("Customer Care Manager", "customer care manager"):
        text = text.replace(old, LATEX_NAME)
    lines = text.split("\n")
    for i, row in enumerate(lines):
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if cells and cells[0] in PIPE_ROWS:
            a, b = PIPE_ROWS[cells[0]]
            lines[i] = f"| {cells[0]} | {a} | {b} |"
        elif cells and cells[0] == "Race ratio":
            lines[i] = row.replace("Unknown", RACE)
    return "\n".join(lines)


def conflicting_page() -> str:
    """A second pipe table for the same two roles that disagrees on their salaries."""
    return (
        f"| {SCRIPT_NAME} | {LATEX_NAME} | |\n"
        "| Yearly salary | $70,000 | $40,000 |\n"
        "| Hourly rate | $33.65 | $19.23 |\n"
    )


def glued_page() -> str:
    """data/raw/001 with a hostile role name and skill bullets (glued layout)."""
    text = (RAW / SEED["001"]).read_text(encoding="utf-8")
    for old in ("Customer Service Manager", "Customer service manager", "customer service manager"):
        text = text.replace(old, GLUED_NAME)
    for old, new in GLUED_SKILLS.items():
        text = text.replace(f"• {old},", f"• {new},")
    return text.replace("are customer issues, customer relations", f"are {PROSE_SKILL}, customer")


# --- fixtures ---------------------------------------------------------------------------------


@dataclass
class Hostile:
    raw: Path
    processed: Path
    reports: Path
    names: dict[str, str]  # role id -> display name, from roles.csv


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    raw = tmp_path_factory.mktemp("hostile_raw")
    (raw / "000_hostile_pipe.txt").write_text(pipe_page(), encoding="utf-8")
    (raw / "001_hostile_glued.txt").write_text(glued_page(), encoding="utf-8")
    (raw / HOSTILE_FILE).write_text(conflicting_page(), encoding="utf-8")
    with (raw / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("file", "title", "url", "retrieved"), *SOURCES])
    processed = tmp_path_factory.mktemp("hostile_processed")
    ingest(raw, processed)
    roles = load_roles(processed)
    return Hostile(
        raw,
        processed,
        tmp_path_factory.mktemp("hostile_reports"),
        dict(zip(roles.role_id, roles.role, strict=True)),
    )


PAIRS = {
    "pipe": (slugify(SCRIPT_NAME), slugify(LATEX_NAME)),
    "glued": (slugify(GLUED_NAME), "customer-relations-manager"),
}
# payloads each report must show as text (in the visible HTML text and in the PDF)
SHOWN = {
    "pipe": [
        "<script>window.__pwned=1</script>",
        display_name(SCRIPT_NAME),
        display_name(LATEX_NAME),
        IMG,
        LATEX_CITY,
        HOVER,
        MARKDOWN,
        JS_LINK,
        SPECIALS,
        IFRAME,
        TABLE_BREAK,
        "Auto & Co {x}",
        SVG,
        ANCHOR,
        RACE,
        HOSTILE_FILE,
        TITLE_SCRIPT,
        JS_ADDRESS,
        TITLE_IMG,
        WEB_ADDRESS,
    ],
    "glued": [
        display_name(GLUED_NAME),
        JS_LINK,
        HOVER,
        MARKDOWN,
        SPECIALS,
        PROSE_SKILL,
        TITLE_MARKDOWN,
        DATA_ADDRESS,
    ],
}


@pytest.fixture(scope="module")
def reports(hostile: Hostile) -> dict[str, ReportResult]:
    return {
        layout: make_report(a, b, processed_dir=hostile.processed, reports_dir=hostile.reports)
        for layout, (a, b) in PAIRS.items()
    }


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def visits(browser, reports: dict[str, ReportResult]) -> dict[str, Visit]:
    return {layout: visit(browser, result.paths.html) for layout, result in reports.items()}


def flat(text: str) -> str:
    return " ".join(text.split())


def squeezed(text: str) -> str:
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# --- the parser keeps page text as text -------------------------------------------------------


def test_hostile_names_become_slug_ids_and_literal_display_names(hostile: Hostile) -> None:
    for raw_name in (SCRIPT_NAME, LATEX_NAME, GLUED_NAME):
        role_id = slugify(raw_name)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", role_id)
        assert hostile.names[role_id] == display_name(raw_name)
    assert slugify(SCRIPT_NAME) == "chief-script-window-pwned-1-script-officer"
    assert hostile.names[slugify(SCRIPT_NAME)] == "Chief <script>window.__pwned=1</script> officer"


def test_hostile_cells_are_facts_verbatim(hostile: Hostile) -> None:
    facts = load_facts(hostile.processed)
    texts = set(facts["text"].dropna()) | set(facts["category"].dropna())
    for payload in [IMG, LATEX_CITY, HOVER, MARKDOWN, JS_LINK, SPECIALS, IFRAME, TABLE_BREAK]:
        assert payload in texts, payload
    assert {SVG, ANCHOR, RACE} <= texts
    assert HOSTILE_FILE in set(facts["source"])
    assert PROSE_SKILL in texts  # a skill named in a sentence


# --- the HTML report in a browser -------------------------------------------------------------


@pytest.mark.parametrize("layout", sorted(PAIRS))
def test_report_runs_no_script_opens_no_dialog_and_stays_offline(
    visits: dict[str, Visit], layout: str
) -> None:
    seen = visits[layout]
    assert not seen.pwned
    assert seen.dialogs == []
    assert seen.blocked == []
    assert seen.subresources == []  # not even a file: image (an <img src=x> would ask for ./x)
    assert seen.scripts == 0 and seen.embeds == 0
    assert seen.handlers == [], seen.handlers
    assert seen.js_links == [], seen.js_links
    assert seen.page_errors == [] and seen.console_errors == []


@pytest.mark.parametrize("layout", sorted(PAIRS))
def test_report_shows_every_payload_as_text(visits: dict[str, Visit], layout: str) -> None:
    text = flat(visits[layout].text)
    missing = [payload for payload in SHOWN[layout] if flat(payload) not in text]
    assert not missing, missing


@pytest.mark.parametrize("layout", sorted(PAIRS))
def test_report_shows_no_leftover_markdown_escapes(visits: dict[str, Visit], layout: str) -> None:
    """md_escape's and for_mathjax's backslashes must be consumed by the Markdown renderer
    (no payload here has a backslash before one of these characters)."""
    leftovers = re.findall(r".{0,30}\\[`*_\[\]()#+!|${}~<>&-].{0,30}", visits[layout].text)
    assert not leftovers, leftovers


@pytest.mark.parametrize("layout", sorted(PAIRS))
def test_report_heading_and_title_are_the_names(
    visits: dict[str, Visit], hostile: Hostile, layout: str
) -> None:
    a, b = PAIRS[layout]
    expected = f"{hostile.names[a]} vs {hostile.names[b]}"
    assert flat(visits[layout].title) == flat(expected)
    assert flat(visits[layout].text).startswith(flat(expected))


def test_only_web_addresses_of_sources_become_links(reports: dict[str, ReportResult]) -> None:
    pipe = reports["pipe"].paths.html.read_text(encoding="utf-8")
    glued = reports["glued"].paths.html.read_text(encoding="utf-8")
    hrefs = [h for _, h in re.findall(r"<a [^>]*href=([\"'])(.*?)\1", pipe + glued)]
    assert len(hrefs) == 1 and hrefs[0].startswith("https://example.org/?q=&lt;b&gt;")
    assert '<span class="rc-address">javascript:window.__pwned=1</span>' in pipe


def test_report_html_source_has_no_live_payload(reports: dict[str, ReportResult]) -> None:
    for result in reports.values():
        html = result.paths.html.read_text(encoding="utf-8")
        lowered = html.lower()
        assert "<script" not in lowered
        assert "<iframe" not in lowered
        # inside a tag, not in (escaped) text: `&lt;a href="javascript:` is text and fine
        tag = r"<[a-z][a-z0-9]*\b[^<>]*"
        assert not re.search(tag + r"\b(href|src|action)\s*=\s*[\"']?\s*javascript:", lowered)
        # a payload inside an attribute value (a figure's alt text names the roles) is escaped
        # text; outside the values, no tag may carry it
        values_blanked = re.sub(r'"[^"]*"', '""', lowered)
        assert not re.search(tag + r"\son[a-z]+\s*=", values_blanked)
        assert not re.search(r"<(svg|img|a|b|i|iframe)\b[^<>]*pwned", values_blanked)
        for alt in re.findall(r'<img [^>]*alt="([^"]*)"', html):
            assert "<" not in alt and ">" not in alt


# --- the PDF ----------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", sorted(PAIRS))
def test_pdf_shows_payloads_as_text(reports: dict[str, ReportResult], layout: str) -> None:
    text = pdf_text(reports[layout].paths.pdf)
    if layout == "pipe":  # the two the brief insists on, whitespace collapsed
        assert "<img src=x" in flat(text)
        assert "$x$ 100% & {y}_z" in flat(text)
    # pypdf breaks lines (also inside long tokens, where the report allows a break): compare
    # with all whitespace removed
    missing = [p for p in SHOWN[layout] if squeezed(p) not in squeezed(text)]
    assert not missing, missing


# --- a hostile role argument ------------------------------------------------------------------

WEIRD = (
    'He said "hi" & \'bye\' """ \\" \\n {role_a} {{x}} ../../etc '
    "<script>window.__pwned=1</script> $x$\nnew line\r\u2028\u0085\ttab "
)
WEIRD = (WEIRD + "z" * 300)[:300]

PROBE = nbformat.v4.new_notebook(
    cells=[
        nbformat.v4.new_code_cell(
            'role_a = "a"\nrole_b = "b"\nprocessed_dir = "."\nbuild_info_json = "{}"',
            metadata={"tags": ["parameters"]},
        ),
        nbformat.v4.new_code_cell("import json\nprint(json.dumps([role_a, role_b]))"),
    ]
)


def injected_values(source: str) -> dict[str, object]:
    """The parameters papermill injected, read as literals (never executed)."""
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign)
    }


@pytest.fixture(scope="module")
def weird_report(hostile: Hostile, tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    folder = tmp_path_factory.mktemp("probe")
    notebook = folder / "probe.ipynb"
    nbformat.write(PROBE, notebook)
    reports = hostile.reports / "weird"
    reports.mkdir()
    return make_report(
        WEIRD,
        PAIRS["pipe"][1],
        processed_dir=hostile.processed,
        reports_dir=reports,
        notebook=notebook,
        formats=("html",),
    )


def test_weird_role_argument_cannot_move_the_report_folder(weird_report: ReportResult) -> None:
    folder = weird_report.paths.folder
    reports = folder.parent
    assert reports.name == "weird" and reports.parent.is_dir()
    assert folder.name == f"{slugify(WEIRD)}__vs__{PAIRS['pipe'][1]}"
    assert re.fullmatch(r"[a-z0-9-]+__vs__[a-z0-9-]+", folder.name)
    assert [p.name for p in reports.iterdir()] == [folder.name]
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]


def test_weird_role_argument_reaches_the_kernel_verbatim(weird_report: ReportResult) -> None:
    assert len(WEIRD) == 300
    nb = nbformat.read(weird_report.paths.notebook, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    values = injected_values(injected[0].source)
    assert values["role_a"] == WEIRD
    assert values["role_b"] == PAIRS["pipe"][1]
    printed = "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []))
    assert json.loads(printed) == [WEIRD, PAIRS["pipe"][1]]


def test_weird_role_argument_is_escaped_in_the_page_title(
    browser, weird_report: ReportResult
) -> None:
    seen = visit(browser, weird_report.paths.html)
    assert not seen.pwned and seen.scripts == 0 and seen.dialogs == []
    assert seen.subresources == [] and seen.handlers == []
    assert "<script>window.__pwned=1</script>" in seen.title
    assert flat(seen.title).startswith(flat("He said \"hi\" & 'bye'"))


def test_hostile_folder_leaves_data_raw_alone(hostile: Hostile) -> None:
    assert hostile.raw.resolve() != RAW.resolve()
    assert sorted(p.name for p in RAW.glob("*.txt")) == sorted(SEED.values())


def test_weird_role_argument_with_the_real_notebook_fails_inside_its_folder(
    hostile: Hostile,
) -> None:
    """make_report takes role ids; a name that is not one fails in the notebook's first cell
    (loading the pair's tables), with the executed notebook kept in the pair folder and no
    report."""
    reports = hostile.reports / "weird-real"
    reports.mkdir()
    with pytest.raises(CellFailed) as failed:
        make_report(WEIRD, PAIRS["pipe"][1], processed_dir=hostile.processed, reports_dir=reports)
    assert failed.value.ename == "UnknownRole"
    folder = reports / f"{slugify(WEIRD)}__vs__{PAIRS['pipe'][1]}"
    assert [p.name for p in reports.iterdir()] == [folder.name]
    assert sorted(p.name for p in folder.iterdir()) == ["report.ipynb"]
    assert failed.value.notebook == folder / "report.ipynb"
    nb = nbformat.read(folder / "report.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected_values(injected[0].source)["role_a"] == WEIRD
