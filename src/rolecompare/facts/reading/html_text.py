"""The visible text of an HTML page as numbered lines, with its title and address.

`extract_html(name, data, charset=None)` parses with selectolax (lexbor) and walks the tree:

- nothing that is not shown becomes text: `<script>` (JSON-LD included), `<style>`,
  `<noscript>`, `<template>`, `<head>`, SVG/MathML, form controls' values, attributes, elements
  marked `hidden`, `aria-hidden="true"` or inline `display:none` / `visibility:hidden`; nor
  navigation (`<nav>`, `role="navigation"`): menus of links are no statement about a role, and
  their numbers ("Jobs 1 2 3 ... 50") would each be an unread-number problem;
- a data table's rows become `| cell | cell |` lines (the separated shape the comparison reader
  knows; a `|` inside a cell becomes `/`), a blank line before and after the table; a table
  whose cells hold tables is layout: its cells are read as blocks, the inner tables as tables;
- a div grid (a block whose children are two or more short leaf `div`/`span` elements, the way
  career sites lay out "label, value, value") is one `| label | value | value |` row, so a label
  never glues to its values; spans with spaces between them are one line of text, as a browser
  shows them (`<span>$48,940</span> <span>per year</span>`);
- headings, paragraphs and other blocks are lines; list items are `- ` bullets (`1. ` in an
  ordered list), indented two spaces a level;
- entities are decoded by the parser; the character set comes from a byte-order mark, the HTTP
  header (`charset`), `<meta charset>` / `<meta http-equiv>`, else UTF-8, else windows-1252.

No CSS is applied beyond inline styles: text hidden by a stylesheet class is still read.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from rolecompare.facts.parsing import Problem
from rolecompare.facts.reading.page_meta import page_address, page_meta, saved_comment

# Bumped when extraction changes what text a page yields (an ingest cache keys on it).
READER_VERSION = "html-2"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIP = _words(
    "script style noscript template head title svg math iframe object embed canvas "
    "select option textarea input button audio video map nav"
)
_HIDDEN = '[hidden], [aria-hidden="true"], [style], [role="navigation"]'
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BLOCK = _words(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul"
)
_GRID_PARENTS = _words("div section article header footer aside main nav")
_GRID_CELLS = _words("div span dt dd")
_MAX_CELL = 300  # a longer child is prose, not a grid cell
_MAX_DEPTH = 400  # below this, a subtree is read as one line (no recursion limit on any page)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
# the WHATWG encoding standard reads these labels as windows-1252
_AS_1252 = {"iso8859-1", "latin-1", "ascii", "iso8859-15", "cp1252"}


@dataclass(frozen=True)
class ExtractedPage:
    """One page as the parser reads it: `text` (lines joined by newlines) and what it says of
    itself. `problems` are about the page as a whole (undecodable bytes), line 1."""

    name: str
    text: str
    title: str | None = None
    url: str | None = None
    retrieved: str | None = None
    kind: str = "html"
    problems: tuple[Problem, ...] = field(default=())


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_1252 else name


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str, list[Problem]]:
    """(text, codec used, problems): BOM, then the HTTP charset, then <meta>, then UTF-8, then
    windows-1252 (what old pages without a declaration mean)."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name, []
    head = data[:4096]
    meta = _META_CHARSET.search(head) if b"harset" in head or b"HARSET" in head else None
    declared = _codec(charset) or _codec(meta.group(1) if meta else None)
    if declared and declared.startswith("utf-16"):  # a byte page cannot really be UTF-16
        declared = "utf-8"
    if declared is None:
        try:
            return data.decode("utf-8"), "utf-8", []
        except UnicodeDecodeError:
            declared = "cp1252"
    text = data.decode(declared, "replace")
    problems = []
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd") if "\ufffd" in text else 0
    if bad > 0:
        problems.append(Problem(1, f"{bad} byte sequence(s) not valid {declared}: replaced"))
    return text, declared, problems


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if attrs.get("role") == "navigation":
        return True
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))


class _Lines:
    """Lines being written: inline text gathers until a block boundary flushes it. A run of
    div grid rows stands between blank lines, as a table does."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.marker = ""  # a list item's bullet, put before its first line
        self.in_grid = False

    def _end_grid(self) -> None:
        if self.in_grid:
            self.in_grid = False
            self.lines.append("")

    def flush(self) -> None:
        if not self.inline:
            return
        text = " ".join("".join(self.inline).split())
        self.inline = []
        if text:
            self._end_grid()
            self.lines.append(self.marker + text)
            self.marker = ""

    def blank(self) -> None:
        self.flush()
        self.in_grid = False
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def add(self, line: str) -> None:
        self.flush()
        self._end_grid()
        self.lines.append(line)

    def grid_row(self, line: str) -> None:
        if not self.in_grid:
            self.blank()
            self.in_grid = True
        self.flush()
        self.lines.append(line)


def _cell_text(node: LexborNode, depth: int) -> str:
    child = node.child
    if child is None or (child.tag == "-text" and child.next is None):  # most cells: one text
        return " ".join((child.text_content or "").split()).replace("|", "/") if child else ""
    out = _Lines()
    _walk_children(node, out, depth, 0)
    out.flush()
    return " ".join(line.strip() for line in out.lines if line.strip()).replace("|", "/")


def _row(cells: list[str]) -> str | None:
    if sum(1 for c in cells if c) < 2:
        return next((c for c in cells if c), None)  # one cell: a plain line
    return "| " + " | ".join(cells) + " |"


def _own_rows(table: LexborNode) -> list[LexborNode]:
    """The rows of this table, not of tables nested in it."""
    rows = []
    for tr in table.css("tr"):
        parent = tr.parent
        while parent is not None and parent.tag != "table":
            parent = parent.parent
        if parent is not None and parent.mem_id == table.mem_id:
            rows.append(tr)
    return rows


def _cells(tr: LexborNode) -> list[LexborNode]:
    return [c for c in tr.iter() if c.tag in ("td", "th")]


def _table(node: LexborNode, out: _Lines, depth: int, list_depth: int) -> None:
    rows = _own_rows(node)
    # a table inside it: this one is layout (css() may list the node itself)
    layout = any(inner.mem_id != node.mem_id for inner in node.css("table"))
    out.blank()
    caption = node.css_first("caption")
    if caption is not None and not layout:
        out.add(_cell_text(caption, depth))
    for tr in rows:
        if layout:  # a layout table: each cell is a block of its own
            for cell in _cells(tr):
                _walk_children(cell, out, depth + 1, list_depth)
                out.flush()
            continue
        line = _row([_cell_text(c, depth + 2) for c in _cells(tr)])
        if line:
            out.add(line)
    out.blank()


def _grid_row(node: LexborNode, depth: int) -> list[str] | None:
    """The cells of a div grid row, or None when `node` is not one."""
    children = []
    gap = spaced = False  # whitespace between two cells (not before the first, after the last)
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            text = child.text_content or ""
            if text.strip():
                return None  # text of its own between the cells: a sentence, not a row
            gap = gap or (bool(text) and bool(children))
        elif child.tag in _GRID_CELLS:
            spaced = spaced or gap
            children.append(child)
        elif child.tag != "-comment":
            return None
    if len(children) < 2:
        return None
    if spaced and any(c.tag == "span" for c in children):
        return None  # spans with spaces between: a browser shows one line of text
    for child in children:
        inner = child.traverse()
        next(inner)  # the child itself
        if any(d.tag in _BLOCK for d in inner):
            return None
    cells = [_cell_text(c, depth + 1) for c in children]
    if any(len(c) > _MAX_CELL for c in cells):
        return None
    return cells


def _walk_children(node: LexborNode, out: _Lines, depth: int, list_depth: int) -> None:
    child = node.child
    while child is not None:
        _walk(child, out, depth + 1, list_depth)
        child = child.next


def _walk(node: LexborNode, out: _Lines, depth: int, list_depth: int) -> None:
    tag = node.tag
    if tag == "-text":
        out.inline.append(node.text_content or "")
        return
    if tag in ("-comment", "-doctype") or tag in _SKIP:
        return
    if depth > _MAX_DEPTH:
        out.inline.append(" " + node.text(deep=True, separator=" ") + " ")
        return
    if tag == "br":
        out.flush()
    elif tag == "table":
        _table(node, out, depth, list_depth)
    elif tag in ("ul", "ol"):
        out.flush()
        number = 0
        for item in node.iter():
            if item.tag != "li":
                _walk(item, out, depth + 1, list_depth + 1)
                continue
            number += 1
            out.flush()
            mark = f"{number}. " if tag == "ol" else "- "
            out.marker = "  " * list_depth + mark
            _walk_children(item, out, depth + 1, list_depth + 1)
            out.flush()
            out.marker = ""
    elif tag in _GRID_PARENTS and (cells := _grid_row(node, depth)) is not None:
        line = _row(cells)
        if line and line.startswith("| "):
            out.grid_row(line)
        elif line:
            out.add(line)
    elif tag in _BLOCK:
        out.flush()
        _walk_children(node, out, depth, list_depth)
        out.flush()
    else:  # inline: its text joins the line being written
        _walk_children(node, out, depth, list_depth)


def extract_html(
    name: str,
    data: bytes,
    charset: str | None = None,
    *,
    url: str | None = None,
    retrieved: str | None = None,
) -> ExtractedPage:
    """The visible text of an HTML page (see the module docstring), never raising on content.

    `charset` is the HTTP header's; `url`/`retrieved` (a crawl's) win over the page's own."""
    text, _, problems = decode_html(data, charset)
    tree = LexborHTMLParser(text)
    title, own_urls = page_meta(tree)
    saved_url, saved_date = saved_comment(text)
    address = page_address(
        [("the crawl's WARC-Target-URI", url), *own_urls, ("the saved-page comment", saved_url)],
        problems,
    )
    for node in tree.css(_HIDDEN):  # before the skipped tags go: hidden ones may hold them
        if _hidden(node):
            node.decompose()
    tree.strip_tags(sorted(_SKIP))  # gone from the tree, so that no text of theirs is read
    out = _Lines()
    if tree.body is not None:
        _walk(tree.body, out, 0, 0)
    out.flush()
    while out.lines and out.lines[-1] == "":
        out.lines.pop()
    return ExtractedPage(
        name=name,
        text=_CONTROL.sub(" ", "\n".join(out.lines)) + "\n",  # no NUL or control: a text page
        title=title,
        url=address,
        retrieved=retrieved or saved_date,
        problems=tuple(problems),
    )
