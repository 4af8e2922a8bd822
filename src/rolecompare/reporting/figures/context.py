"""The experience-vs-salary figure of a report: the pair, highlighted, on the collection's
context -- readable with 5 roles or 5,000.

Conventions of `reporting.figures`: tidy ``data`` with keyword-only column names, nothing
parsed or computed beyond drawing, a new matplotlib `Figure` returned (Agg canvas, no
pyplot), drawn in the report's theme, carrying an alt text made from its data
(`figures.alt_text`), the same bytes for the same data.

``context`` is `analysis.salary_context` (see its columns): rows of kind "role" are drawn as
grey points with the range their sources state; rows of kind "band" as percentile bands of
yearly salary by years of experience (10th-90th percentile lightest, 25th-75th darker, the
median as a line). The pair (``data``) is drawn on top in the highlight colours, with its
range where the sources disagree, each point labelled with its role.
"""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from rolecompare.core import display
from rolecompare.reporting.figures.theme import (
    FIG_WIDTH,
    GREY,
    HIGHLIGHT_COLORS,
    NO_DATA_TEXT,
    THEME_RC,
    set_alt_text,
)

__all__ = ["experience_salary_context"]

BAND_GREY = "#8c8c8c"
MEDIAN_GREY = "#595959"


def _money(value: float, _pos: object = None) -> str:
    return display.compact_money(value)


def _amount(value: float) -> str:
    return display.money_text(value, minus=display.MINUS_SIGN)


def _years(value: float) -> str:
    return display.years_text(value, minus=display.MINUS_SIGN)


def _numbers(frame: pd.DataFrame, column: str | None) -> np.ndarray:
    if column is None or column not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)


def _new_figure() -> Figure:
    fig = Figure(figsize=(FIG_WIDTH, 4.2), layout="constrained")
    fig.get_layout_engine().set(w_pad=0.1, h_pad=0.1)  # type: ignore[call-arg]
    FigureCanvasAgg(fig)
    return fig


def _no_data(title: str | None) -> Figure:
    fig = _new_figure()
    fig.set_size_inches(FIG_WIDTH, 1.4)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, NO_DATA_TEXT, ha="center", va="center", transform=ax.transAxes)
    if title:
        ax.set_title(title, loc="left")
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    return set_alt_text(fig, f"{title or 'Experience and salary'}: {NO_DATA_TEXT.lower()}.")


def experience_salary_context(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    label: str,
    context: pd.DataFrame,
    low: str | None = None,
    high: str | None = None,
    context_label: str | None = None,
    x_label: str = "Years of experience",
    y_label: str = "Yearly salary (USD)",
    title: str | None = None,
) -> Figure:
    """The roles of ``data`` (one row each: ``x`` years, ``y`` salary, ``label``, optional
    ``low``/``high`` range) highlighted on ``context`` (`analysis.salary_context`).

    ``context_label`` names the collection in the legend (e.g. "2,050 roles, drawn
    2026-05-01"); by default it says how many roles the context summarises.
    """
    with mpl.rc_context(THEME_RC):
        pair = data if data is not None else pd.DataFrame(columns=[x, y, label])
        xs, ys = _numbers(pair, x), _numbers(pair, y)
        keep = np.isfinite(xs) & np.isfinite(ys)
        roles = context[context["kind"] == "role"] if len(context) else context
        bands = context[context["kind"] == "band"] if len(context) else context
        if not keep.any() and roles.empty and bands.empty:
            return _no_data(title)
        fig = _new_figure()
        ax = fig.add_subplot()
        who = context_label or _how_many(context)
        handles, labels = _draw_roles(ax, roles, who)
        more_handles, more_labels = _draw_bands(ax, bands, who)
        handles, labels = handles + more_handles, labels + more_labels
        names = [str(v) for v in pair.loc[keep, label]] if keep.any() else []
        px, py = xs[keep], ys[keep]
        plo, phi = _numbers(pair, low)[keep], _numbers(pair, high)[keep]
        _draw_pair(ax, px, py, plo, phi)
        ax.margins(x=0.12, y=0.14)
        ax.yaxis.set_major_formatter(FuncFormatter(_money))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
        ax.set_xlabel(x_label, parse_math=False)
        ax.set_ylabel(y_label, parse_math=False)
        if title:
            ax.set_title(title, loc="left", parse_math=False)
        if handles:
            fig.legend(
                handles,
                labels,
                loc="outside lower center",
                ncols=min(len(handles), 2),
                fontsize=7.5,
            )
        fig.draw_without_rendering()
        _label(ax, px, py, names)
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
    return set_alt_text(fig, _describe(names, px, py, roles, bands, who, title))


def _how_many(context: pd.DataFrame) -> str:
    """'2,050 roles': how many roles the context summarises."""
    if not len(context):
        return "0 roles"
    return f"{int(pd.to_numeric(context.get('n_roles'), errors='coerce').sum()):,} roles"


def _draw_roles(ax: Axes, roles: pd.DataFrame, who: str) -> tuple[list, list[str]]:
    """Every role of the context as a grey point with its range; its legend entry."""
    if roles.empty:
        return [], []
    cx, cy = _numbers(roles, "experience"), _numbers(roles, "salary")
    lo, hi = _numbers(roles, "salary_low"), _numbers(roles, "salary_high")
    spread = np.isfinite(lo) & np.isfinite(hi) & (hi > lo)
    ax.vlines(cx[spread], lo[spread], hi[spread], color=GREY, linewidth=0.8, alpha=0.6)
    ax.scatter(cx, cy, s=16, color=GREY, alpha=0.75, linewidths=0, zorder=2)
    handle = Line2D([], [], marker="o", linestyle="", color=GREY, markersize=4)
    return [handle], [f"Every role in the data ({who})"]


def _draw_bands(ax: Axes, bands: pd.DataFrame, who: str) -> tuple[list, list[str]]:
    """The percentile bands of the context (10-90th, 25-75th) and its median line."""
    if bands.empty:
        return [], []
    order = bands.sort_values("experience")
    bx = _numbers(order, "experience")
    if len(bx) == 1:  # one band: as wide as the years it pools
        bx = np.array(
            [
                _numbers(order, "experience_low")[0] - 0.4,
                _numbers(order, "experience_high")[0] + 0.4,
            ]
        )
        order = pd.concat([order, order])
    p = {q: _numbers(order, q) for q in ("p10", "p25", "p50", "p75", "p90")}
    ax.fill_between(bx, p["p10"], p["p90"], color=BAND_GREY, alpha=0.22, linewidth=0)
    ax.fill_between(bx, p["p25"], p["p75"], color=BAND_GREY, alpha=0.38, linewidth=0)
    ax.plot(bx, p["p50"], color=MEDIAN_GREY, linewidth=1.2)
    handles = [
        Patch(color=BAND_GREY, alpha=0.22),
        Patch(color=BAND_GREY, alpha=0.38),
        Line2D([], [], color=MEDIAN_GREY, linewidth=1.2),
    ]
    return handles, [f"Middle 80% of {who}", "Middle 50%", "Median"]


def _draw_pair(ax: Axes, px: np.ndarray, py: np.ndarray, plo: np.ndarray, phi: np.ndarray) -> None:
    """The pair's roles on top, in the highlight colours, with their ranges."""
    for i in range(len(px)):
        color = HIGHLIGHT_COLORS[i % len(HIGHLIGHT_COLORS)]
        if np.isfinite(plo[i]) and np.isfinite(phi[i]) and phi[i] > plo[i]:
            ax.vlines(px[i], plo[i], phi[i], color=color, linewidth=1.6, zorder=4)
        ax.scatter(
            [px[i]], [py[i]], s=52, color=color, edgecolors="white", linewidths=0.9, zorder=5
        )


def _label(ax, xs: np.ndarray, ys: np.ndarray, names: list[str]) -> None:
    """Each highlighted point's name beside it: to the right, or to the left near the right
    edge; two points close together get one label above and one below."""
    if not names:
        return
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for i, name in enumerate(names):
        right = xs[i] < x0 + 0.7 * (x1 - x0)
        dy = 0
        for j in range(len(names)):
            if (
                j != i
                and abs(ys[j] - ys[i]) < 0.08 * (y1 - y0)
                and abs(xs[j] - xs[i]) < 0.25 * (x1 - x0)
            ):
                dy = 9 if ys[i] > ys[j] or (ys[i] == ys[j] and i < j) else -9
        color = HIGHLIGHT_COLORS[i % len(HIGHLIGHT_COLORS)]
        ax.annotate(
            textwrap.fill(name, 28),
            (xs[i], ys[i]),
            xytext=(8 if right else -8, dy),
            textcoords="offset points",
            ha="left" if right else "right",
            va="center",
            fontsize=8,
            fontweight="bold",
            color=color,
            parse_math=False,
            zorder=6,
            annotation_clip=False,
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
        )


def _describe(names, xs, ys, roles, bands, who, title) -> str:
    parts = [f"{title or 'Yearly salary against years of experience'}."]
    if names:
        parts.append(
            "; ".join(
                f"{n}: {_years(x)}, {_amount(y)}" for n, x, y in zip(names, xs, ys, strict=True)
            )
            + "."
        )
    if not bands.empty:
        med = _numbers(bands.sort_values("experience"), "p50")
        yrs = _numbers(bands.sort_values("experience"), "experience")
        parts.append(
            f"Behind them, {who}: the median salary goes from {_amount(med[0])} at "
            f"{_years(yrs[0])} to {_amount(med[-1])} at {_years(yrs[-1])}, with bands for the "
            "middle 50% and 80%."
        )
    elif not roles.empty:
        parts.append(f"Behind them, in grey, {who}.")
    return " ".join(parts)
