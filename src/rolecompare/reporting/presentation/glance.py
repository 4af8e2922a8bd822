"""The report's opening: its title and how to read it, the key numbers in sentences, and the
two roles at a glance (what the pages state, side by side, each number with its pages).

A row of the glance table is there only when a page states it for one of the roles; a role's
cell without it reads as a dash (the caption says so once).
"""

from __future__ import annotations

from IPython.display import HTML

from rolecompare.reporting.narrative import (
    DERIVED,
    disagreements_sentence,
    key_number_sentences,
    metric_label,
)
from rolecompare.reporting.narrative.names import count
from rolecompare.reporting.presentation.cells import lines, range_lines, row_statistic
from rolecompare.reporting.presentation.markup import html
from rolecompare.reporting.presentation.pair import PairReport

# Rows of the glance table, in order: one metric, or (low, high) shown as a range.
GLANCE_ROWS: tuple[tuple[str, ...], ...] = (
    ("salary_yearly",),
    ("salary_hourly",),
    ("salary_min", "salary_max"),
    ("growth_rate",),
    ("growth_projected",),
    ("jobs_count",),
    ("job_satisfaction",),
    ("experience_years",),
    ("experience_min_years",),
    ("years_to_become_min", "years_to_become_max"),
    ("education_entry",),
    ("degree_top",),
    ("age",),
)
RANGE_LABELS = {"salary_min": "Salary range", "years_to_become_min": "Years to become one"}


def title(report: PairReport) -> HTML:
    """The heading (the two names, as the pages write them) and how to read the report."""
    n = len(report.ev.sources)
    pages = count(n, "page")
    verb = "states" if n == 1 else "state"
    lede = (
        f"What {pages} about these two roles {verb}, side by side. A number in brackets after "
        f"a value names the page it comes from ([1]; the pages are listed under Sources at "
        f"the end); {DERIVED} marks a number computed here from the pages' numbers, which no "
        "page states."
    )
    return html("title.html.j2", title=report.title, lede=lede, notes=[])


def glance_rows(report: PairReport) -> list[tuple[str, list[list[str]]]]:
    """(row label, [lines of role_a, lines of role_b]) for every row a page states."""
    cite = report.ev.cite
    rows = []
    for metrics in GLANCE_ROWS:
        statements = [s for r in report.pair for m in metrics for s in report.ev.of(r, m)]
        if not statements:
            continue
        word, per_line = row_statistic(statements)
        label = RANGE_LABELS.get(metrics[0]) or metric_label(metrics[0])
        label = f"{label} ({word})" if word else label
        cells = []
        for role_id in report.pair:
            found = [report.ev.of(role_id, m) for m in metrics]
            if len(metrics) == 2:
                cells.append(range_lines(*found, cite))
            else:
                cells.append(lines(found[0], cite, per_line_statistic=per_line))
        rows.append((label, cells))
    return rows


def key_numbers(report: PairReport) -> HTML:
    """The key numbers in sentences (computed ones marked), where the pages disagree, and the
    two roles at a glance."""
    keys = key_number_sentences(
        report.facts, report.conflicts, report.ev, report.names, *report.pair
    )
    disagree = disagreements_sentence(report.conflicts, report.ev, report.names, report.pair)
    rows = glance_rows(report)
    one_sided = any(not cell for _, cells in rows for cell in cells)
    caption = "The two roles at a glance: what the pages state, with the pages in brackets" + (
        " (— where the pages state it for one role only)." if one_sided else "."
    )
    notes = [disagree] if disagree else []
    if not keys and not rows:
        notes.append("The pages state no number that compares these two roles.")
    return html(
        "key_numbers.html.j2",
        keys=keys,
        notes=notes,
        caption=caption,
        columns=[report.name_a, report.name_b],
        rows=rows,
    )
