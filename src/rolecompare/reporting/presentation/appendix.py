"""The appendix: every numbered page (title, address, retrieval date, file, the lines used),
every statement the report shows grouped by metric with the roles side by side (one line per
statement, the line numbers after each page's number), and what the report was built from.

This keeps the report's promise that every number is traced to its page and line, in a table
as compact as the statements allow: a statement stated on several lines of several pages is
still one line ("$66,782: [1] 7, 10, 22; [2] 5, 12, 34").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from IPython.display import HTML

from rolecompare.core.roles import US_AVERAGE
from rolecompare.reporting.evidence import SHOWN_METRICS, Statement, line_runs
from rolecompare.reporting.narrative import metric_label
from rolecompare.reporting.narrative.names import join, role_singular
from rolecompare.reporting.presentation.cells import lines, row_statistic
from rolecompare.reporting.presentation.markup import html
from rolecompare.reporting.presentation.pair import PairReport

PASSAGES = ("description", "responsibility")


def _where(report: PairReport, refs: Sequence[tuple[str, int]]) -> str:
    """'[1] 7, 10, 22; [2] 5'."""
    return "; ".join(f"[{n}] {lines}" for n, lines in report.ev.lines_by_source(refs))


def _statement_lines(report: PairReport, role_id: str, metric: str, per_line: bool) -> list[str]:
    found = report.ev.of(role_id, metric)
    if not found:
        return []
    if metric in PASSAGES:  # quoted in the report; here only where they stand
        what = "quoted from" if metric == "description" else "listed on"
        return [f"{what} {_where(report, [r for s in found for r in s.refs])}"]

    def where(refs: Sequence[tuple[str, int]]) -> str:
        return _where(report, refs)

    categories = report.ev.categories(role_id, metric)
    if not categories or metric == "degree_top":
        return lines(_ordered(found), where, per_line_statistic=per_line, sep=": ")
    # one line per category: each value the pages state for it, then where ("White 60.3%:
    # [1] 37; [3] 57 · 60.26%: [5] 49")
    out = []
    for category in categories:
        values = lines(
            report.ev.of(role_id, metric, category), where, per_line_statistic=per_line, sep=": "
        )
        label = f"{category}." if category.isdigit() else category  # a rank: "1. patients"
        out.append(f"{label} {' · '.join(values)}")
    return out


def _ordered(found: list[Statement]) -> list[Statement]:
    """Ranks by number; anything else in the pages' order."""
    try:
        return sorted(found, key=lambda s: float(s.category or 0))
    except ValueError:
        return found


def _rows(report: PairReport, roles: Sequence[str]) -> list[tuple[str, list[list[str]]]]:
    rows = []
    for metric in SHOWN_METRICS:
        statements = [s for r in roles for s in report.ev.of(r, metric)]
        if not statements:
            continue
        word, per_line = row_statistic(statements)
        label = metric_label(metric) + (f" ({word})" if word else "")
        rows.append((label, [_statement_lines(report, r, metric, per_line) for r in roles]))
    return rows


def trace_rows(report: PairReport) -> tuple[list[str], list[tuple[str, list[list[str]]]]]:
    """(columns, rows) of the by-metric table: a column per role of the pair, a row per
    metric with every statement."""
    return [report.name_a, report.name_b], _rows(report, report.pair)


def us_average_rows(report: PairReport) -> list[tuple[str, list[list[str]]]]:
    """The US average's statements the report shows, by metric (its own small table)."""
    return _rows(report, [US_AVERAGE])


def _sources(report: PairReport) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "title": s.title,
            "url": s.url,
            "link": s.link,
            "retrieved": s.retrieved,
            "file": s.file,
            "line_text": line_runs(s.lines),
        }
        for s in report.ev.sources
    ]


def _not_shown(report: PairReport) -> list[str]:
    counts = report.ev.not_shown
    if not counts:
        return []
    labels = list(dict.fromkeys(role_singular(metric_label(m)) for m in sorted(counts)))
    return [f"The pages also state what this report does not show: {join(labels)}."]


def _build_label(report: PairReport, key: str) -> str:
    """A build record's key in words ('facts_a' -> 'facts of Customer care manager')."""
    labels = {
        "built_at": "built",
        "facts_a": f"facts of {report.name_a}",
        "facts_b": f"facts of {report.name_b}",
        "context": "collection context",
        "context_drawn": "context drawn",
    }
    return labels.get(key, key.replace("_", " "))


def appendix(report: PairReport) -> HTML:
    """Sources, what each page says by metric, and what the report was built from."""
    columns, rows = trace_rows(report)
    n = len(report.ev.sources)
    intro = (
        "The pages this report quotes, numbered as cited in the text. Titles and addresses "
        "are as listed for the collection (shown literally); a page without a title is named by "
        "its file."
        if n
        else "No page states anything about these roles."
    )
    built = [(_build_label(report, str(k)), str(v)) for k, v in report.build_info.items()]
    return html(
        "appendix.html.j2",
        intro=intro,
        sources=_sources(report),
        trace_intro=(
            "Every statement the report shows, as the page prints it, with the page number "
            "and then the lines it is on. Where pages disagree, each value is listed."
        ),
        trace_caption="Statements by metric, with [page] and lines.",
        columns=columns,
        rows=rows,
        us_rows=us_average_rows(report),
        notes=_not_shown(report),
        built=built,
    )
