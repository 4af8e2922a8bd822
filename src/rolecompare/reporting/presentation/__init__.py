"""The report's sections as notebook outputs, each one call from the notebook.

`load_report` gathers a pair's inputs once (`PairReport`); `title`, `key_numbers`, `duties`,
`pay`, `demographics`, `education` and `appendix` each return one HTML output rendered from a
template (`html`: Jinja2 with autoescaping, so page text always shows literally). `figure`
shows a single figure as PNG with its alt text (the explore notebook).

Kept apart from the analysis (numbers), the narrative (sentences) and the figures (plots), so
that a notebook cell is one or two calls.
"""

from __future__ import annotations

from rolecompare.reporting.presentation.appendix import appendix, trace_rows
from rolecompare.reporting.presentation.glance import glance_rows, key_numbers, title
from rolecompare.reporting.presentation.markup import EmbeddedFigure, embed, figure, html, render
from rolecompare.reporting.presentation.pair import PairReport, load_report, pair_report
from rolecompare.reporting.presentation.sections import (
    context_figure_data,
    demographics,
    duties,
    education,
    pay,
    salary_figure_data,
)

__all__ = [
    "EmbeddedFigure",
    "PairReport",
    "appendix",
    "context_figure_data",
    "demographics",
    "duties",
    "education",
    "embed",
    "figure",
    "glance_rows",
    "html",
    "key_numbers",
    "load_report",
    "pair_report",
    "pay",
    "render",
    "salary_figure_data",
    "title",
    "trace_rows",
]
