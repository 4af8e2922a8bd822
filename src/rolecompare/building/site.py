"""`reports/index.html`: one self-contained page that lists every built pair of roles.

The page holds a sortable table of the pairs found in the reports folder (each a folder
`<role_a>__vs__<role_b>` with a `build.json`), a heatmap of the yearly pay gap between every
two roles, every conflict between sources, and what the page was built from.

Everything is inline (stylesheet, the small sorting script, the figure as a PNG data URI), so
the page works from a file share or an e-mail attachment and loads nothing from elsewhere; a
Content-Security-Policy allows only the page's own script and style (by hash) and data: images.

Role names, categories and conflict values come from untrusted web pages: every piece of data
text goes through `html.escape(..., quote=True)`, in element text and in attributes. Links are
made only from folder names that match `PAIR_FOLDER` (and are URL-quoted), never from page
text. The output is the same, byte for byte, for the same inputs apart from the build time.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from rolecompare import analysis, atomic
from rolecompare.config import ProcessedFiles
from rolecompare.facts.tables import load_conflicts, load_facts
from rolecompare.reporting import figures
from rolecompare.reporting.narrative import format_money

__all__ = ["INDEX_FILE", "PAIR_FOLDER", "IndexRow", "index_rows", "render_index", "write_index"]

INDEX_FILE = "index.html"
BUILD_FILE = "build.json"
PAIR_FOLDER = re.compile(r"^[a-z0-9-]+__vs__[a-z0-9-]+$")
REPORT_FILES = (("report.html", "HTML"), ("report.pdf", "PDF"))
SALARY = "salary_yearly"
RACE = "race_share"
MINUS = "\N{MINUS SIGN}"
NEG = MINUS + "\N{WORD JOINER}"  # a line never breaks between the sign and the number
NOT_PUBLISHED = "not published"
CODE_PREFIX = 12


def _e(value: object) -> str:
    """Data text made safe for HTML element text and (quoted) attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


# --- numbers --------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _money(value: float, unit: str | None) -> str:
    """$25,601 (a typographic minus when negative); other currencies as "25,601 GBP"."""
    currency = (unit or "USD/year").partition("/")[0].strip() or "USD"
    if currency == "USD":
        text = format_money(value, "USD/year")
    else:
        amount = abs(float(value))
        digits = f"{amount:,.0f}" if amount.is_integer() else f"{amount:,.2f}"
        text = ("-" if value < 0 and digits.strip("0.,") else "") + f"{digits} {currency}"
    return NEG + text[1:] if text.startswith("-") else text


def _percent(value: float) -> str:
    text = f"{value:.1f}%"
    return NEG + text[1:] if text.startswith("-") and text.strip("-0.%") else text.lstrip("-")


def _range(low: float, high: float, fmt) -> str:
    return fmt(low) if low == high else f"{fmt(low)} to {fmt(high)}"


def _sort_number(value: float | None) -> str:
    """The raw number for the table's data-sort attribute ("" when missing: sorted last)."""
    return "" if value is None or not _is_number(value) else repr(float(value))


# --- what the page is computed from -----------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """role_a's yearly pay minus role_b's, as `analysis.pay_gap` computes it."""

    low: float
    high: float
    percent_low: float
    percent_high: float
    unit: str | None

    @property
    def conflict(self) -> bool:
        return self.low != self.high

    @property
    def midpoint(self) -> float:
        return (self.low + self.high) / 2

    @property
    def percent_midpoint(self) -> float:
        return (self.percent_low + self.percent_high) / 2


class _Roles:
    """Per-role yearly salary and race shares, resolved once (a pair is then arithmetic).

    The pair numbers are exactly those of `analysis.pay_gap` and `analysis.dissimilarity`
    (what `analysis.pair_summary` reports), without resolving each role once per pair.
    """

    def __init__(self, facts: pd.DataFrame, conflicts: pd.DataFrame | None) -> None:
        self.names = analysis.role_names(facts)
        self.ids = analysis.known_roles(facts)
        self._facts = facts
        self._conflicts = conflicts
        self._salary: dict[str, analysis.Resolved | None] = {}
        self._shares: dict[str, dict[str, float]] = {}

    def name(self, role_id: str) -> str:
        return self.names.get(role_id, role_id)

    def salary(self, role_id: str) -> analysis.Resolved | None:
        if role_id not in self._salary:
            res = analysis.resolve(self._facts, self._conflicts, role_id, SALARY)
            self._salary[role_id] = res if res is not None and res.values else None
        return self._salary[role_id]

    def race_shares(self, role_id: str) -> dict[str, float]:
        if role_id not in self._shares:
            self._shares[role_id] = analysis.shares(self._facts, self._conflicts, RACE, role_id)
        return self._shares[role_id]

    def gap(self, role_a: str, role_b: str) -> Gap | None:
        a, b = self.salary(role_a), self.salary(role_b)
        if a is None or b is None:
            return None
        gaps = [analysis.difference(va, vb) for va in a.values for vb in b.values]
        percents = [
            analysis.percent_of(analysis.difference(va, vb), min(va, vb))
            for va in a.values
            for vb in b.values
        ]
        return Gap(min(gaps), max(gaps), min(percents), max(percents), a.unit or b.unit)

    def race_dissimilarity(self, role_a: str, role_b: str) -> float | None:
        sa, sb = self.race_shares(role_a), self.race_shares(role_b)
        if not sa or not sb:
            return None
        value = analysis.dissimilarity_index(sa, sb)
        return None if math.isnan(value) else value


@dataclass(frozen=True)
class IndexRow:
    """One built pair, as the index shows it."""

    folder: str  # matches PAIR_FOLDER: the only text links are made from
    role_a: str
    role_b: str
    name_a: str
    name_b: str
    gap: Gap | None
    race_dissimilarity: float | None
    status: str  # "ok", "failed", or what build.json says
    failed_cell: str | None
    error: str | None
    built_at: str | None
    files: tuple[str, ...]  # report files present in the folder


def _read_record(folder: Path) -> dict:
    try:
        record = json.loads((folder / BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"status": "unreadable build.json"}
    return record if isinstance(record, dict) else {"status": "unreadable build.json"}


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def index_rows(reports_dir: Path, roles: _Roles) -> list[IndexRow]:
    """Every pair folder with a build.json whose two roles are in the facts, sorted by a, b."""
    known = set(roles.ids)
    rows = []
    for folder in Path(reports_dir).iterdir() if Path(reports_dir).is_dir() else ():
        if not PAIR_FOLDER.match(folder.name) or not folder.is_dir():
            continue
        if not (folder / BUILD_FILE).is_file():
            continue
        role_a, _, role_b = folder.name.partition("__vs__")
        if role_a not in known or role_b not in known:
            continue  # a pair of roles no longer in the data
        record = _read_record(folder)
        names = [name for name, _ in REPORT_FILES] + ["report.ipynb"]
        rows.append(
            IndexRow(
                folder=folder.name,
                role_a=role_a,
                role_b=role_b,
                name_a=roles.name(role_a),
                name_b=roles.name(role_b),
                gap=roles.gap(role_a, role_b),
                race_dissimilarity=roles.race_dissimilarity(role_a, role_b),
                status=_text(record.get("status")) or "unknown",
                failed_cell=_text(record.get("failed_cell")),
                error=_text(record.get("error")),
                built_at=_text(record.get("built_at")),
                files=tuple(n for n in names if (folder / n).is_file()),
            )
        )
    return sorted(rows, key=lambda r: (r.role_a, r.role_b))


# --- the overview figure ----------------------------------------------------------------------


def _labels(role_ids: Sequence[str], roles: _Roles) -> dict[str, str]:
    """Display names, made unique with the role id where two roles share one."""
    names = {r: roles.name(r) for r in role_ids}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    return {r: (n if counts[n] == 1 else f"{n} ({r})") for r, n in names.items()}


@dataclass(frozen=True)
class Overview:
    png: bytes | None
    sentence: str  # plain text (escaped when written)
    conflicting: tuple[str, ...] = ()  # display names of roles whose salary is in conflict
    without_salary: tuple[str, ...] = ()


def overview_figure(roles: _Roles) -> Overview:
    """Heatmap of the yearly gap (row minus column) of every two roles except the US average."""
    compared = [r for r in roles.ids if r != analysis.US_AVERAGE]
    if len(compared) < 2:
        return Overview(
            None, "There is no pay-gap overview: the data has fewer than two roles to compare."
        )
    labels = _labels(compared, roles)
    with_salary = [r for r in compared if roles.salary(r) is not None]
    without = tuple(labels[r] for r in compared if roles.salary(r) is None)
    if len(with_salary) < 2:
        return Overview(
            None,
            "There is no pay-gap overview: fewer than two roles publish a yearly salary.",
            without_salary=without,
        )
    rows = []
    cells = []
    for i, a in enumerate(with_salary):
        for j, b in enumerate(with_salary):
            if a == b:
                continue
            gap = roles.gap(a, b)
            assert gap is not None
            rows.append({"role": labels[a], "other": labels[b], "gap": gap.midpoint})
            if gap.conflict:
                cells.append((i, j))
    data = pd.DataFrame(rows, columns=["role", "other", "gap"])
    order = [labels[r] for r in with_salary]
    fig = figures.pay_gap_heatmap(
        data, row="role", col="other", value="gap", value_label="Yearly pay gap (USD)", order=order
    )
    _mark_cells(fig, cells)
    png = figures.figure_to_png_bytes(fig)
    conflicting = tuple(labels[r] for r in with_salary if len(roles.salary(r).values) > 1)
    return Overview(
        png,
        "Yearly pay gap of every two roles: the row role's average yearly salary minus the "
        "column role's (red: the row role earns more; blue: less).",
        conflicting,
        without,
    )


def _mark_cells(fig, cells: Iterable[tuple[int, int]]) -> None:
    """Hatch the cells whose value is the midpoint of a range (the sources disagree)."""
    from matplotlib.patches import Rectangle

    ax = fig.axes[0]
    for i, j in cells:
        ax.add_patch(
            Rectangle(
                (j, i),
                1,
                1,
                fill=False,
                hatch="////",
                edgecolor=(0.15, 0.15, 0.15, 0.45),
                linewidth=0,
                zorder=3,
            )
        )


# --- HTML -------------------------------------------------------------------------------------

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0; padding: 1.5rem 2rem 3rem; color: #1f2328; background: #fff;
  font: 15px/1.5 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { max-width: 1240px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem;
     border-bottom: 1px solid #d8dee4; }
p { margin: .4rem 0; }
.lead { color: #57606a; margin-bottom: 1rem; }
.note { color: #57606a; font-size: .85rem; }
a { color: #0b5cad; }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: .85em;
       overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { padding: .4rem .55rem; border-bottom: 1px solid #e4e8ec; text-align: left;
         vertical-align: top; }
thead th { background: #f3f5f7; border-bottom: 2px solid #c9d1d9; font-weight: 600;
           position: sticky; top: 0; z-index: 1; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody tr:hover { background: #eef4fb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.num.range { white-space: normal; min-width: 7.5rem; }
td.role { min-width: 8rem; max-width: 16rem; overflow-wrap: break-word; }
td.when, td.links { white-space: nowrap; }
th button { all: unset; cursor: pointer; display: inline-block; }
th button:focus-visible { outline: 2px solid #0b5cad; outline-offset: 2px; }
th button::after { content: "\\00a0\\2195"; color: #8c959f; font-size: .8em; }
th[aria-sort=ascending] button::after { content: "\\00a0\\25B2"; color: #1f2328; }
th[aria-sort=descending] button::after { content: "\\00a0\\25BC"; color: #1f2328; }
.missing { color: #8c959f; font-style: italic; }
.status { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem;
          font-weight: 600; }
.status.ok { background: #dafbe1; color: #116329; }
.status.failed { background: #ffebe9; color: #a40e26; }
.status.other { background: #fff8c5; color: #7d4e00; }
td.state { min-width: 9rem; max-width: 15rem; }
.cell { display: block; margin-top: .2rem; color: #57606a; overflow-wrap: break-word; }
details { margin-top: .2rem; }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .75rem;
              background: #f6f8fa; padding: .4rem; margin: .2rem 0 0; }
.links a { margin-right: .5rem; }
figure { margin: 1rem 0; }
figure img { display: block; width: 100%; max-width: 760px; height: auto; }
figcaption { color: #57606a; font-size: .85rem; max-width: 760px; margin-top: .4rem; }
ul.values { margin: 0; padding-left: 1.1rem; }
td.metric code { white-space: nowrap; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.25rem;
          margin: .5rem 0; }
dl.meta dt { color: #57606a; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
""".strip()

SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("pairs");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute("data-i", i); });
  function key(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell) { return null; }
    var raw = cell.getAttribute("data-sort");
    if (numeric) {
      var n = raw === null || raw === "" ? NaN : parseFloat(raw);
      return isNaN(n) ? null : n;
    }
    var text = (raw !== null ? raw : cell.textContent).replace(/\\s+/g, " ").trim().toLowerCase();
    return text === "" ? null : text;
  }
  Array.prototype.forEach.call(heads, function (th, column) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var items = Array.prototype.map.call(body.rows, function (row) {
        return { row: row, key: key(row, column, numeric), i: +row.getAttribute("data-i") };
      });
      items.sort(function (a, b) {
        if (a.key === null || b.key === null) {
          if (a.key === b.key) { return a.i - b.i; }
          return a.key === null ? 1 : -1;  /* missing values last, either way */
        }
        var c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        return c === 0 ? a.i - b.i : (ascending ? c : -c);
      });
      items.forEach(function (item) { body.appendChild(item.row); });
    });
  });
})();
""".strip()


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CSP = (
    "default-src 'none'; img-src data:; "
    f"style-src {_csp_hash(STYLE)}; script-src {_csp_hash(SCRIPT)}; "
    "base-uri 'none'; form-action 'none'"
)

COLUMNS = (
    # header, class, numeric
    ("Role A", "", False),
    ("Role B", "", False),
    ("Yearly pay gap (A \N{MINUS SIGN} B)", "num", True),
    ("Gap, % of lower pay", "num", True),
    ("Race dissimilarity", "num", True),
    ("Status", "", False),
    ("Report", "", False),
    ("Built at (UTC)", "", False),
)


def _header() -> str:
    cells = []
    for label, cls, numeric in COLUMNS:
        attrs = f' class="{cls}"' if cls else ""
        attrs += ' data-type="number"' if numeric else ""
        cells.append(f'<th scope="col"{attrs}><button type="button">{_e(label)}</button></th>')
    return "<tr>" + "".join(cells) + "</tr>"


def _missing() -> str:
    return f'<span class="missing">{NOT_PUBLISHED}</span>'


def _gap_cells(gap: Gap | None) -> str:
    if gap is None:
        return f'<td class="num" data-sort="">{_missing()}</td>' * 2
    money = _range(gap.low, gap.high, lambda v: _money(v, gap.unit))
    percent = _range(gap.percent_low, gap.percent_high, _percent)
    cls = "num range" if gap.conflict else "num"
    hint = (
        ' title="The sources disagree about a salary: every combination of the stated values"'
        if gap.conflict
        else ""
    )
    return (
        f'<td class="{cls}" data-sort="{_e(_sort_number(gap.midpoint))}"{hint}>{_e(money)}</td>'
        f'<td class="{cls}" data-sort="{_e(_sort_number(gap.percent_midpoint))}">'
        f"{_e(percent)}</td>"
    )


def _status_cell(row: IndexRow) -> str:
    if row.status == "ok":
        return '<td class="state" data-sort="ok"><span class="status ok">ok</span></td>'
    cls = "failed" if row.status == "failed" else "other"
    parts = [f'<span class="status {cls}">{_e(row.status)}</span>']
    if row.failed_cell:
        parts.append(f'<span class="cell">at {_e(row.failed_cell)}</span>')
    if row.error:
        parts.append(f"<details><summary>error</summary><pre>{_e(row.error)}</pre></details>")
    return f'<td class="state" data-sort="{_e(row.status)}">{"".join(parts)}</td>'


def _links_cell(row: IndexRow) -> str:
    # Only the folder name (checked against PAIR_FOLDER) and fixed file names make a link.
    if not PAIR_FOLDER.match(row.folder):
        return '<td class="links" data-sort=""><span class="missing">none</span></td>'
    base = quote(row.folder, safe="")
    links = [
        f'<a href="{_e(base)}/{name}">{label}</a>'
        for name, label in REPORT_FILES
        if name in row.files
    ]
    if row.status != "ok" and "report.ipynb" in row.files:
        links.append(f'<a href="{_e(base)}/report.ipynb">notebook</a>')
    if not links:
        return '<td class="links" data-sort=""><span class="missing">none</span></td>'
    return f'<td class="links">{" ".join(links)}</td>'


def _when(stamp: str | None) -> str:
    if not stamp:
        return '<td class="when" data-sort=""><span class="missing">unknown</span></td>'
    shown = stamp.replace("T", " ").removesuffix("Z")
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d \d\d:\d\d):\d\d", shown)
    shown = match.group(1) if match else shown
    return f'<td class="when" data-sort="{_e(stamp)}"><time>{_e(shown)}</time></td>'


def _row(row: IndexRow) -> str:
    race = row.race_dissimilarity
    race_cell = (
        f'<td class="num" data-sort="">{_missing()}</td>'
        if race is None
        else f'<td class="num" data-sort="{_e(_sort_number(race))}">{race:.1f}</td>'
    )
    return (
        f'<tr id="{_e(row.folder)}">'
        f'<td class="role">{_e(row.name_a)}</td>'
        f'<td class="role">{_e(row.name_b)}</td>'
        f"{_gap_cells(row.gap)}{race_cell}{_status_cell(row)}{_links_cell(row)}"
        f"{_when(row.built_at)}</tr>"
    )


def _pairs_section(rows: Sequence[IndexRow]) -> str:
    if rows:
        body = "\n".join(_row(r) for r in rows)
    else:
        body = f'<tr><td colspan="{len(COLUMNS)}" class="missing">No reports built yet.</td></tr>'
    return f"""<section id="pair-list">
<h2>Pairs of roles</h2>
<p class="note">Click a column header to sort by it (again to reverse); missing values stay
last. The pay gap is role A's average yearly salary minus role B's; when the sources disagree
about a salary it is the range over every combination of the stated values, and the percent is
of the lower-paid role's salary. The race dissimilarity index is half the sum of the absolute
differences of the two roles' race shares, in percent (0: same mix; 100: no overlap).</p>
<table id="pairs">
<thead>{_header()}</thead>
<tbody>
{body}
</tbody>
</table>
</section>"""


def _names(items: Sequence[str]) -> str:
    return ", ".join(_e(i) for i in items)


FIGURE_ALT = (
    "Heatmap of the yearly pay gap between every two roles, row role minus column role, in US "
    "dollars"
)


def _figure_section(overview: Overview) -> str:
    notes = []
    if overview.conflicting:
        notes.append(
            "Hatched cells: the sources disagree about the salary of "
            f"{_names(overview.conflicting)}; the cell shows the midpoint of the range."
        )
    if overview.without_salary and overview.png is not None:
        notes.append(f"Not shown (no yearly salary published): {_names(overview.without_salary)}.")
    if overview.png is None:
        extra = f'<p class="note">{" ".join(notes)}</p>' if notes else ""
        if overview.without_salary:
            extra += (
                '<p class="note">No yearly salary published: '
                f"{_names(overview.without_salary)}.</p>"
            )
        return f"""<section id="overview">
<h2>Pay gaps at a glance</h2>
<p>{_e(overview.sentence)}</p>{extra}
</section>"""
    data = base64.b64encode(overview.png).decode("ascii")
    caption = _e(overview.sentence) + (" " + " ".join(notes) if notes else "")
    return f"""<section id="overview">
<h2>Pay gaps at a glance</h2>
<figure>
<img src="data:image/png;base64,{data}" alt="{FIGURE_ALT}">
<figcaption>{caption}</figcaption>
</figure>
</section>"""


def _blank(value: object) -> bool:
    if value is None or value == "":
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _conflict_values(values: object) -> str:
    if _blank(values):
        return '<span class="missing">none listed</span>'
    parts = re.split(r"(?<=\)); ", str(values))
    if len(parts) == 1:
        return _e(parts[0])
    return '<ul class="values">' + "".join(f"<li>{_e(p)}</li>" for p in parts) + "</ul>"


def _cell_text(value: object) -> str:
    if _blank(value):
        return '<span class="missing">\N{EM DASH}</span>'
    return _e(value)


def _conflicts_section(conflicts: pd.DataFrame) -> str:
    if conflicts.empty:
        return """<section id="conflicts">
<h2>Conflicts between sources</h2>
<p>The sources agree: no role, metric and category is stated with different values.</p>
</section>"""
    rows = []
    for item in conflicts.to_dict("records"):
        rows.append(
            "<tr>"
            f'<td class="role">{_cell_text(item.get("role"))}</td>'
            f'<td class="metric"><code>{_cell_text(item.get("metric"))}</code></td>'
            f"<td>{_cell_text(item.get('category'))}</td>"
            f"<td>{_conflict_values(item.get('values'))}</td>"
            "</tr>"
        )
    n = len(conflicts)
    return f"""<section id="conflicts">
<h2>Conflicts between sources</h2>
<p>{n} statement{"s" if n != 1 else ""} where the pages disagree; each value is listed with
the pages and lines (<code>source:line</code>) that state it. Reports show every stated value
rather than choosing one.</p>
<table class="conflicts">
<thead><tr><th scope="col">Role</th><th scope="col">Metric</th><th scope="col">Category</th>
<th scope="col">Values stated (source:line)</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</section>"""


def _read_manifest(processed_dir: Path) -> Mapping[str, object]:
    try:
        data = json.loads(ProcessedFiles(processed_dir).manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _provenance_section(
    manifest: Mapping[str, object], rows: Sequence[IndexRow], built_at: datetime
) -> str:
    pages = manifest.get("pages")
    n_pages = len(pages) if isinstance(pages, dict) else None
    raw = manifest.get("raw_dir")
    code = manifest.get("code")
    ok = sum(r.status == "ok" for r in rows)
    failed = sum(r.status == "failed" for r in rows)
    other = len(rows) - ok - failed
    unknown = '<span class="missing">unknown (no ingest.json)</span>'
    counts = f"{ok} ok, {failed} failed" + (f", {other} other" if other else "")
    return f"""<section id="provenance">
<h2>How this page was made</h2>
<dl class="meta">
<dt>Built at</dt><dd><time>{built_at:%Y-%m-%d %H:%M:%S} UTC</time></dd>
<dt>Raw pages folder</dt><dd>{f"<code>{_e(raw)}</code>" if raw else unknown}</dd>
<dt>Pages read</dt><dd>{n_pages if n_pages is not None else unknown}</dd>
<dt>Pairs listed</dt><dd>{len(rows)}: {counts}</dd>
<dt>Parser code</dt><dd>{f"<code>{_e(str(code)[:CODE_PREFIX])}</code>" if code else unknown}</dd>
</dl>
</section>"""


def render_index(
    rows: Sequence[IndexRow],
    overview: Overview,
    conflicts: pd.DataFrame,
    manifest: Mapping[str, object],
    built_at: datetime,
) -> str:
    ok = sum(r.status == "ok" for r in rows)
    failed = sum(r.status == "failed" for r in rows)
    other = len(rows) - ok - failed
    lead = f"{len(rows)} pair{'s' if len(rows) != 1 else ''} of roles: {ok} built"
    lead += f", {failed} failed" if failed else ""
    lead += f", {other} in another state" if other else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Role comparisons: index</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>Role comparisons</h1>
<p class="lead">{lead}. Built {built_at:%Y-%m-%d %H:%M} UTC.</p>
{_pairs_section(rows)}
{_figure_section(overview)}
{_conflicts_section(conflicts)}
{_provenance_section(manifest, rows, built_at)}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_index(
    reports_dir: Path, processed_dir: Path, *, built_at: datetime | None = None
) -> Path:
    """Write `reports_dir/index.html` (atomically) from the pair folders and the tables."""
    reports_dir, processed_dir = Path(reports_dir), Path(processed_dir)
    facts = load_facts(processed_dir)
    conflicts = load_conflicts(processed_dir)
    roles = _Roles(facts, conflicts)
    rows = index_rows(reports_dir, roles)
    when = (built_at or datetime.now(UTC)).astimezone(UTC)
    page = render_index(
        rows, overview_figure(roles), conflicts, _read_manifest(processed_dir), when
    )
    target = reports_dir / INDEX_FILE
    atomic.write_text(target, page)
    return target
