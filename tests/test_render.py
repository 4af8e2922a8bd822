"""rolecompare.reporting.render: offline HTML without code, and the same page printed to PDF."""

from __future__ import annotations

import base64
import builtins
import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from rolecompare.reporting import render
from rolecompare.reporting.render import (
    PdfRouteMissing,
    export_report,
    html_to_pdf,
    notebook_to_html,
)

NOTEBOOKS = Path(__file__).resolve().parent / "fixtures" / "notebooks"

PROSE = "Nurses earn more than teachers in this made-up comparison."
CODE = "gap_table = compare_pay(role_a, role_b)  # SECRET_CODE_MARKER"
PAY_A = 41234
PAY_B = 39876


class _Refs(HTMLParser):
    """Every URL-valued attribute in a page, by tag."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name in {"src", "href", "srcset", "data", "poster", "action"} and value:
                self.refs.append((tag, name, value))


def _refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def _figure_png() -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 2.5))
    ax.bar(["Nurse", "Teacher"], [PAY_A, PAY_B])
    ax.set_ylabel("Median pay (GBP)")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    """An executed notebook as the kernel would leave it: a table, a figure, a warning."""
    import pandas as pd

    table = pd.DataFrame(
        {"role": ["Nurse", "Teacher"], "median_pay": [PAY_A, PAY_B], "weekly_hours": [37.5, 32.5]}
    )
    table_cell = new_code_cell(CODE, execution_count=1)
    table_cell.outputs = [
        new_output("stream", name="stderr", text="FutureWarning: STDERR_MARKER\n"),
        new_output(
            "execute_result",
            data={"text/html": table.to_html(), "text/plain": repr(table)},
            execution_count=1,
        ),
    ]
    figure_cell = new_code_cell("plt.bar(...); plt.show()", execution_count=2)
    figure_cell.outputs = [
        new_output("display_data", data={"image/png": _figure_png(), "text/plain": "<Figure>"})
    ]
    removed = new_code_cell("%reset -f", execution_count=3)
    removed.metadata["tags"] = ["remove-cell"]
    removed.outputs = [new_output("stream", name="stdout", text="REMOVED_MARKER\n")]
    cells = [
        removed,
        new_markdown_cell(f"# Nurse vs Teacher\n\n{PROSE}\n\n$x^2$ math stays as text."),
        table_cell,
        figure_cell,
    ]
    return new_notebook(cells=cells, metadata={"language_info": {"name": "python"}})


@pytest.fixture(scope="module")
def page(executed: nbformat.NotebookNode) -> str:
    return notebook_to_html(executed, title='Nurse <vs> "Teacher" & co')


# ---- HTML --------------------------------------------------------------------------------


@pytest.mark.slow
def test_html_has_outputs_but_no_code(page: str) -> None:
    assert "SECRET_CODE_MARKER" not in page
    assert "compare_pay" not in page
    assert "In&nbsp;[" not in page and "Out[" not in page  # no prompts
    assert PROSE in page
    assert str(PAY_A) in page
    assert "data:image/png;base64," in page
    assert "STDERR_MARKER" not in page  # warnings stay in the .ipynb
    assert "REMOVED_MARKER" not in page  # cells tagged remove-cell are left out
    (raw_title,) = re.findall(r"<title>(.*?)</title>", page, re.DOTALL)
    assert "<" not in raw_title and "&amp;" in raw_title  # escaped...
    assert html.unescape(raw_title) == 'Nurse <vs> "Teacher" & co'  # ...and exactly the title


@pytest.mark.slow
def test_html_loads_nothing_from_the_network(page: str) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    for match in re.finditer(r"<(script|link)\b[^>]*>", page, re.IGNORECASE):
        assert not re.search(r"\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", match.group(0))
    refs = _refs(page)
    assert refs.scripts == 0
    external = [ref for ref in refs.refs if not ref[2].startswith(("data:", "#"))]
    assert external == []
    assert "@import" not in page
    assert not re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", page)


@pytest.mark.slow
def test_html_prints_on_a4_with_page_numbers(page: str) -> None:
    assert re.search(r"@page\s*{[^}]*size:\s*A4;", page)
    assert "margin: 16mm 14mm;" in page
    assert "counter(page)" in page
    assert '"DejaVu Sans"' in page
    assert re.search(r"table\s*{[^}]*width:\s*100%;[^}]*table-layout:\s*auto;", page)
    assert "max-width: 52rem" in page  # a centred column on screen


@pytest.mark.slow
def test_wide_tables_are_marked_and_headers_breakable() -> None:
    import pandas as pd

    wide = pd.DataFrame([list(range(20))], columns=[f"metric_{i}_name" for i in range(20)])
    cell = new_code_cell("wide", execution_count=1)
    cell.outputs = [
        new_output("execute_result", data={"text/html": wide.to_html()}, execution_count=1)
    ]
    page = notebook_to_html(new_notebook(cells=[cell]), title="wide")
    assert re.search(r'<table[^>]*class="[^"]*\brc-xwide\b', page)
    assert "metric_<wbr/>0_<wbr/>name" in page


@pytest.mark.slow
def test_columns_of_words_are_left_aligned(page: str) -> None:
    assert '<td class="rc-text">Nurse</td>' in page
    assert '<th class="rc-text">role</th>' in page
    assert f"<td>{PAY_A}</td>" in page  # numbers stay right-aligned


def test_long_tokens_get_break_opportunities() -> None:
    url = "https://www.example.org/careers/registered-nurse/pay?ref=comparison"
    assert "".join(render._pieces(url, header=False)) == url
    assert max(len(p) for p in render._pieces(url, header=False)) <= 15
    assert render._pieces("median_annual_pay", header=True) == ["median_", "annual_", "pay"]
    assert render._pieces("weekly_hours 41234.50", header=False) == ["weekly_hours", "41234.50"]
    assert render._pieces("x" * 25, header=False) == ["x" * 10, "x" * 10, "x" * 5]


def test_tables_get_the_largest_type_they_fit_in() -> None:
    assert render._layout_for([12.0] * 6) == ()  # 8 pt, portrait
    assert render._layout_for([12.0] * 9) == ("rc-wide",)  # 7 pt, portrait
    assert render._layout_for([8.0] * 19) == ("rc-xwide",)  # 6.5 pt, landscape page
    assert render._layout_for([15.0] * 40) == ("rc-xwide", "rc-squeeze")  # break anywhere


@pytest.mark.slow
def test_exporter_is_built_once_from_the_package_template() -> None:
    exporter = render._exporter()
    assert render._exporter() is exporter
    assert exporter.template_name == "report"
    assert render.TEMPLATES_DIR.is_relative_to(Path(render.__file__).parent)
    assert (render.TEMPLATES_DIR / "report" / "conf.json").is_file()
    assert (render.TEMPLATES_DIR / "report" / "index.html.j2").is_file()


# ---- PDF ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_pdf_has_the_text_of_the_page(executed: nbformat.NotebookNode, tmp_path: Path) -> None:
    from pypdf import PdfReader

    html_target = tmp_path / "nurse-vs-teacher" / "report.html"
    pdf_target = tmp_path / "nurse-vs-teacher" / "report.pdf"
    export_report(
        executed, title="Nurse vs Teacher", html_target=html_target, pdf_target=pdf_target
    )

    assert "data:image/png;base64," in html_target.read_text(encoding="utf-8")
    reader = PdfReader(pdf_target)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert PROSE in text
    assert str(PAY_A) in text
    assert "SECRET_CODE_MARKER" not in text
    assert "Page 1 of" in text
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert sorted(p.name for p in pdf_target.parent.iterdir()) == ["report.html", "report.pdf"]


@pytest.mark.slow
def test_pdf_step_fetches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    attempts: list[tuple] = []

    def no_network(*args: object, **kwargs: object) -> None:
        attempts.append(args)  # WeasyPrint swallows fetch errors, so record, then refuse
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = (
        '<p>offline</p><img src="https://example.com/tracker.png">'
        '<link rel="stylesheet" href="http://example.com/x.css"><img src="file:///etc/hosts">'
    )
    html_to_pdf(page, tmp_path / "offline.pdf")
    assert (tmp_path / "offline.pdf").read_bytes().startswith(b"%PDF")
    assert attempts == []


@pytest.mark.slow
def test_failed_pdf_leaves_no_partial_file_and_keeps_the_html(
    executed: nbformat.NotebookNode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class BrokenHTML:
        def __init__(self, **kwargs: object) -> None:
            pass

        def write_pdf(self, target: Path, **options: object) -> None:
            Path(target).write_bytes(b"%PDF-1.7 half a docu")
            raise RuntimeError("printer on fire")

    class FakeWeasyPrint:
        HTML = BrokenHTML

        @staticmethod
        def URLFetcher(**kwargs: object) -> None:
            return None

    monkeypatch.setattr(render, "_weasyprint", lambda: FakeWeasyPrint)
    html_target = tmp_path / "report.html"
    pdf_target = tmp_path / "report.pdf"
    with pytest.raises(RuntimeError, match="printer on fire"):
        export_report(executed, title="t", html_target=html_target, pdf_target=pdf_target)
    assert html_target.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not pdf_target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]

    # An earlier good PDF survives a failed rebuild untouched.
    pdf_target.write_bytes(b"%PDF good")
    with pytest.raises(RuntimeError):
        html_to_pdf("<p>x</p>", pdf_target)
    assert pdf_target.read_bytes() == b"%PDF good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.pdf"]


@pytest.mark.parametrize(
    "failure",
    [
        ImportError("No module named 'weasyprint'"),
        OSError(
            "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file"
        ),
    ],
)
def test_missing_pdf_route_says_what_to_do(
    failure: Exception, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise failure
        return real_import(name, *args, **kwargs)

    render._weasyprint.cache_clear()
    monkeypatch.setattr(builtins, "__import__", fake_import)
    try:
        with pytest.raises(PdfRouteMissing) as caught:
            html_to_pdf("<p>hello</p>", tmp_path / "report.pdf")
    finally:
        monkeypatch.undo()
        render._weasyprint.cache_clear()
    message = str(caught.value)
    assert "\n" not in message
    assert "./run setup" in message
    assert "libpango" in message
    assert caught.value.__cause__ is failure
    assert list(tmp_path.iterdir()) == []


# ---- end to end --------------------------------------------------------------------------


@pytest.mark.slow
def test_executed_report_notebook_exports(tmp_path: Path) -> None:
    """A real kernel's outputs (pandas HTML, matplotlib inline PNG) go through unchanged."""
    from pypdf import PdfReader

    from rolecompare.reporting.execute import execute_notebook

    nb = execute_notebook(
        NOTEBOOKS / "report.ipynb",
        tmp_path / "report.ipynb",
        {"role_a": "Nurse", "role_b": "Teacher"},
    )
    export_report(
        nb, title="Nurse vs Teacher", html_target=tmp_path / "r.html", pdf_target=tmp_path / "r.pdf"
    )
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page
    assert "plt.subplots" not in page
    text = " ".join(PdfReader(tmp_path / "r.pdf").pages[0].extract_text().split())
    assert "Median pay of the two roles" in text
    assert "41234" in text
