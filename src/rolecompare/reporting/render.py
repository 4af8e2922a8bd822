"""Export an executed notebook to a self-contained offline HTML page and to a PDF.

HTML: nbconvert's `HTMLExporter` with the project's template (``templates/report``: the
JupyterLab markup, no code inputs, no prompts, figures as base64 data URIs, no script and no
external stylesheet, font or image -- the page renders with the network unplugged; one small
stylesheet, ``static/report.css``, for screen and print). The exporter is built once per
process and reused: its first conversion costs ~0.3-1 s (template discovery, Jinja
environment and compilation), later ones 15-40 ms, and batch builds call this hundreds of
times in a long-lived worker. On the way, the report drops stderr streams (warnings) and cells
tagged ``remove-cell`` (outputs of ``remove-output``), and fits pandas tables to the A4 page:
break opportunities in long tokens, a smaller type or a landscape page for wide tables, and
columns of words left-aligned (`_TidyTables`).

PDF: WeasyPrint prints that very HTML with the stylesheet's ``@page`` rules (A4, page numbers)
as a tagged PDF/UA-1 document: headings become bookmarks and structure, tables keep their
header cells, figures their alt text, and the document its title and language, so a screen
reader gets what the HTML gives. It is pip-installable (needs only Debian's pango libraries, no
browser), takes about a second for a report, and gives real, selectable text. Its URL fetcher
is restricted to ``data:`` URLs so the PDF step never touches the network or the file system
either.

Every file is written atomically (`rolecompare.atomic`): a failed PDF leaves no partial PDF
behind and the HTML written before it stays.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from pathlib import Path
from typing import Any

import nbformat
from bs4 import BeautifulSoup  # nbconvert's own dependency
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from rolecompare.atomic import atomic_path, write_text

__all__ = ["PdfRouteMissing", "export_report", "html_to_pdf", "notebook_to_html"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
PDF_VARIANT = "pdf/ua-1"  # tagged PDF for screen readers (WeasyPrint >= 62)
TEMPLATE_NAME = "report"

PDF_SETUP_HINT = (
    "PDF export needs WeasyPrint and Debian's pango libraries: run `./run setup` "
    "(apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)"
)

log = logging.getLogger(__name__)

# Resource references that would make the browser go out to the network.
_EXTERNAL_REF = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)\s*=\s*"
    r"[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


class PdfRouteMissing(RuntimeError):
    """WeasyPrint (or the native libraries it loads) is not available."""


class _DropStderr(Preprocessor):
    """Remove stderr streams (warnings, progress bars) from the report; the .ipynb keeps them."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.outputs = [
                output
                for output in cell.outputs
                if not (output.output_type == "stream" and output.get("name") == "stderr")
            ]
        return cell, resources


# Fitting tables to the page. The stylesheet's table layout is `auto`: no column gets narrower
# than its longest unbreakable piece of text, and a table whose pieces add up to more than the
# page width runs off the page. So long tokens (URLs, snake_case names) get break opportunities
# (<wbr>) after their separators, and each table gets the largest type that lets it fit, from a
# conservative estimate of those widths in DejaVu Sans.
_LONG_TOKEN = 15  # tokens longer than this (in characters) get break opportunities...
_CHUNK = 10  # ...and pieces still longer than _LONG_TOKEN are cut every _CHUNK characters
_BREAK_AFTER = re.compile(r"(?<=[/_\-?&=.:,;@|+])(?=.)")
_CHAR_EM = 0.62  # mean advance of a DejaVu Sans character, in em (digits 0.64, lowercase ~0.6)
_BOLD = 1.1  # header cells are bold
_PT_PER_MM = 72 / 25.4
# (classes, font size in pt, horizontal padding of a cell in em, text width in pt); see CSS.
_TABLE_LAYOUTS = (
    ((), 8.0, 1.0, 182 * _PT_PER_MM),  # A4 portrait: 210 mm - 2 x 14 mm margins
    (("rc-wide",), 7.0, 0.6, 182 * _PT_PER_MM),
    (("rc-xwide",), 6.5, 0.6, 269 * _PT_PER_MM),  # a landscape page of its own
)
_SQUEEZED = ("rc-xwide", "rc-squeeze")  # last resort: break anywhere, even inside numbers


def _pieces(text: str, *, header: bool) -> list[str]:
    """`text` cut where a line may break: at whitespace, and inside long tokens (see above).

    Header labels also break after every underscore (``median_pay`` -> ``median_``, ``pay``).
    """
    pieces: list[str] = []
    for token in text.split():
        if len(token) > _LONG_TOKEN:
            parts = _BREAK_AFTER.split(token)
        elif header and "_" in token:
            parts = re.split(r"(?<=_)(?=.)", token)
        else:
            parts = [token]
        for part in parts:
            if len(part) > _LONG_TOKEN:
                pieces.extend(part[i : i + _CHUNK] for i in range(0, len(part), _CHUNK))
            else:
                pieces.append(part)
    return pieces


def _add_break_opportunities(soup: BeautifulSoup, cell: Any) -> None:
    header = cell.name == "th"
    for text in list(cell.find_all(string=True)):
        if text.parent.name in {"style", "script"}:
            continue
        if not any(len(t) > _LONG_TOKEN or (header and "_" in t) for t in text.split()):
            continue
        out: list[Any] = []
        for token in re.split(r"(\s+)", str(text)):
            if not token or token.isspace():
                out.append(token)
                continue
            for i, piece in enumerate(_pieces(token, header=header)):
                if i:
                    out.append(soup.new_tag("wbr"))
                out.append(piece)
        text.replace_with(*out)


def _grid(table: Any) -> list[tuple[Any, int, int]]:
    """Each cell of `table` with its first column and column span (rowspans accounted for)."""
    placed: list[tuple[Any, int, int]] = []
    covered: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue  # a nested table's row
        column = 0
        for cell in row.find_all(["th", "td"], recursive=False):
            while covered.get(column, 0) > 0:
                column += 1
            span = max(1, int(cell.get("colspan", 1) or 1))
            rows = max(1, int(cell.get("rowspan", 1) or 1))
            placed.append((cell, column, span))
            if rows > 1:
                covered.update(dict.fromkeys(range(column, column + span), rows))
            column += span
        for c in covered:
            covered[c] = max(0, covered[c] - 1)
    return placed


def _min_widths(grid: list[tuple[Any, int, int]]) -> list[float]:
    """Per column, the longest unbreakable piece of text in characters (bold ones weighed)."""
    widths: dict[int, float] = {}
    for cell, column, span in grid:
        pieces = _pieces(cell.get_text(" "), header=cell.name == "th")
        chars = max((len(p) for p in pieces), default=0) * (_BOLD if cell.name == "th" else 1)
        for c in range(column, column + span):
            widths[c] = max(widths.get(c, 0.0), chars / span)
    return [widths[c] for c in sorted(widths)]


def _mark_text_columns(grid: list[tuple[Any, int, int]]) -> None:
    """Class ``rc-text`` (left-aligned) on the cells of columns that hold words, not numbers.

    pandas right-aligns every column; a column where most data cells start with a letter
    (names, places, labels) reads better left-aligned, its header with it.
    """
    words: dict[int, int] = {}
    filled: dict[int, int] = {}
    for cell, column, span in grid:
        text = cell.get_text(" ").strip()
        if cell.name == "td" and span == 1 and text:
            filled[column] = filled.get(column, 0) + 1
            words[column] = words.get(column, 0) + text[0].isalpha()
    text_columns = {c for c, n in filled.items() if words.get(c, 0) * 2 > n}
    for cell, column, span in grid:
        if span == 1 and column in text_columns:
            cell["class"] = [*cell.get("class", []), "rc-text"]


def _layout_for(widths: list[float]) -> tuple[str, ...]:
    """The classes of the first (largest) table layout the columns fit in."""
    for classes, size, padding, text_width in _TABLE_LAYOUTS:
        needed = sum(chars * _CHAR_EM * size + padding * size for chars in widths)
        if needed <= text_width:
            return classes
    return _SQUEEZED


class _TidyTables(Preprocessor):
    """Fit HTML tables (pandas) to the page width without cutting them or their words, and
    left-align their columns of words."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        for output in cell.outputs:
            html = output.get("data", {}).get("text/html")
            if isinstance(html, list):
                html = "".join(html)
            if isinstance(html, str) and "<table" in html:
                output.data["text/html"] = self._tidy(html)
        return cell, resources

    def _tidy(self, html: str) -> str:
        soup = BeautifulSoup(html, features="html.parser")
        for table in soup.find_all("table"):
            grid = _grid(table)
            _mark_text_columns(grid)
            classes = _layout_for(_min_widths(grid))
            if classes:
                table["class"] = [*table.get("class", []), *classes]
            for cell in table.find_all(["th", "td"]):
                _add_break_opportunities(soup, cell)
        return str(soup)


_exporter_lock = threading.Lock()


@functools.cache
def _exporter() -> HTMLExporter:
    """The process-wide HTMLExporter (see module docstring)."""
    config = Config()
    # Cells tagged remove-cell, or remove-output for their outputs, stay out of the report.
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    exporter = HTMLExporter(
        config=config,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        template_name=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        embed_images=True,  # local images referenced from markdown become data URIs too
    )
    exporter.register_preprocessor(_DropStderr, enabled=True)
    exporter.register_preprocessor(_TidyTables, enabled=True)
    # nbconvert warns for every <img> without alt text (all matplotlib figures) and then adds
    # a generic one itself; that warning is noise for a batch build.
    quiet = logging.getLogger(f"{__name__}.nbconvert")
    quiet.setLevel(logging.ERROR)
    exporter.log = quiet
    return exporter


def notebook_to_html(nb: nbformat.NotebookNode, *, title: str) -> str:
    """The report page for executed notebook `nb`, with <title> `title` (escaped)."""
    exporter = _exporter()
    with _exporter_lock:  # HTMLExporter keeps per-call state (filters, resources)
        html, _ = exporter.from_notebook_node(nb, resources={"report_title": title})
    for match in _EXTERNAL_REF.finditer(html):
        log.warning("report %r references a network resource: %s", title, match.group(0)[:120])
    return html


@functools.cache
def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: cannot load libpango / libgobject
        raise PdfRouteMissing(PDF_SETUP_HINT) from exc
    return weasyprint


def html_to_pdf(html: str, target: Path) -> None:
    """Print `html` to a PDF at `target` (atomically) with WeasyPrint.

    Raises PdfRouteMissing when WeasyPrint or its native libraries are missing.
    """
    weasyprint = _weasyprint()
    fetcher_class = getattr(weasyprint, "URLFetcher", None)
    if fetcher_class is not None:  # WeasyPrint >= 68
        fetcher = fetcher_class(allowed_protocols=("data",))
    else:  # older WeasyPrint: a plain function

        def fetcher(url: str, timeout: int = 10, ssl_context: object = None) -> dict:
            if not url.startswith("data:"):
                raise ValueError(f"report PDF is built offline; not fetching {url}")
            return weasyprint.default_url_fetcher(url, timeout, ssl_context)

    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    with atomic_path(Path(target)) as tmp:
        # PDF/UA-1: tagged (headings, paragraphs, lists, tables with their header cells,
        # figures with their alt text), with the document's title and language
        document.write_pdf(tmp, pdf_variant=PDF_VARIANT)


def export_report(
    nb: nbformat.NotebookNode,
    *,
    title: str,
    html_target: Path | None,
    pdf_target: Path | None,
) -> None:
    """Write the report for `nb` as HTML and/or PDF (a None target is skipped).

    The HTML is rendered once and used for both. It is written first, so a failure in the PDF
    step (including PdfRouteMissing) leaves a good HTML file and no partial PDF.
    """
    if html_target is None and pdf_target is None:
        return
    html = notebook_to_html(nb, title=title)
    if html_target is not None:
        write_text(Path(html_target), html)
    if pdf_target is not None:
        html_to_pdf(html, Path(pdf_target))
