"""Figures for the role comparison report, in the style of seaborn's public API.

Every public plotting function takes tidy long-form ``data`` and keyword-only column
names, draws exactly what it is given (no parsing, no statistics) and returns a new
matplotlib `Figure` that the caller owns, with a description of what it shows for readers who
cannot see it (`alt_text(fig)`: what is plotted and the main numbers, made from the same data).
Figures are built on the Agg canvas outside pyplot, so nothing is shown, registered or closed
behind the caller's back.

One module per kind of figure (`salary`, `experience`, `shares`, `heatmap`, and `context`: a
report's pair on its collection) and one for what they share (`theme`: sizes, colours, the rc
parameters and the alt text; numbers are formatted by `rolecompare.core.display`).
Import them from here: ``from rolecompare.reporting import figures as F; F.salary_ranges(...)``.
"""

from __future__ import annotations

from rolecompare.reporting.figures.experience import experience_vs_salary
from rolecompare.reporting.figures.heatmap import pay_gap_heatmap
from rolecompare.reporting.figures.salary import salary_ranges
from rolecompare.reporting.figures.shares import difference_bars, share_bars, share_panels
from rolecompare.reporting.figures.theme import (
    DPI,
    FIG_WIDTH,
    FONT,
    GREY,
    HIGHLIGHT_COLORS,
    NEGATIVE_COLOR,
    NO_DATA_TEXT,
    PALETTE,
    POSITIVE_COLOR,
    THEME_RC,
    WRAP_WIDTH,
    alt_text,
    figure_to_png_bytes,
    use_theme,
)

__all__ = [
    "DPI",
    "FIG_WIDTH",
    "FONT",
    "GREY",
    "HIGHLIGHT_COLORS",
    "NEGATIVE_COLOR",
    "NO_DATA_TEXT",
    "PALETTE",
    "POSITIVE_COLOR",
    "THEME_RC",
    "WRAP_WIDTH",
    "alt_text",
    "difference_bars",
    "experience_vs_salary",
    "figure_to_png_bytes",
    "pay_gap_heatmap",
    "salary_ranges",
    "share_bars",
    "share_panels",
    "use_theme",
]
