"""Salary ranges: one low-high bar per role with a marker at the stated salary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from rolecompare.reporting.figures.theme import (
    GREY,
    HIGHLIGHT_COLORS,
    LABEL_SIZE,
    TEXT_GREY,
    _category_ticks,
    _finish,
    _finite,
    _frame,
    _highlight_colors,
    _ink,
    _limits,
    _money,
    _money_axis,
    _new_figure,
    _no_data,
    _numbers,
    _symbol,
    _themed,
    _title,
    _wrap,
    amount_text,
    set_alt_text,
)


def salary_ranges(
    data: pd.DataFrame,
    *,
    role: str,
    low: str,
    high: str,
    mid: str,
    highlight: Sequence[str] | None = None,
    unit_label: str = "USD per year",
    title: str | None = None,
    mid_label: str = "Average salary",
) -> Figure:
    """Horizontal low–high salary bars per role with a marker at each stated salary.

    Roles are drawn top to bottom in the order of ``data``; several rows of one role are one
    line of the figure (its range from the first row that has both bounds, a marker for every
    distinct ``mid`` value: sources that state different salaries each get theirs, no
    midpoint is invented). ``highlight`` roles are coloured (in the palette's order), the
    others grey; without ``highlight`` all roles get the first colour. Missing values are
    skipped. The alt text lists each role's range and salaries.
    """
    with _themed():
        found = _per_role(data, role, low, high, mid)
        if found is None:
            return _no_data(title)
        labels, bounds, mids = found
        n = len(labels)
        colors = _highlight_colors(labels, highlight)
        symbol = _symbol(unit_label)
        wrapped = [_wrap(label) for label in labels]
        lines = max(label.count("\n") + 1 for label in wrapped)
        row = max(0.38, 0.15 * lines + 0.05)
        fig, ax = _new_figure(1.35 + row * n)
        for i, name in enumerate(labels):
            color = colors.get(name, GREY if colors else HIGHLIGHT_COLORS[0])
            dark = _ink(color) if name in colors or not colors else TEXT_GREY
            _draw_role(ax, i, bounds.get(name), mids[name], color, dark, symbol)

        ticks = _category_ticks(ax, range(n), wrapped)
        for tick, name in zip(ticks, labels, strict=False):
            if name in colors:
                tick.set_fontweight("bold")
        ax.set_ylim(n - 0.45, -0.8)
        everything = [v for b in bounds.values() for v in b] + [v for m in mids.values() for v in m]
        ax.set_xlim(*_limits(np.array(everything), 0.16))
        _money_axis(ax.xaxis, symbol)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(f"Salary ({unit_label})", parse_math=False)
        _title(ax, title)
        _legend(fig, bool(bounds), any(mids.values()), bool(colors), mid_label)
        set_alt_text(fig, _describe(labels, bounds, mids, symbol, unit_label, title, mid_label))
        return _finish(fig)


_LABEL_KW: dict[str, Any] = {
    "textcoords": "offset points",
    "fontsize": LABEL_SIZE,
    "parse_math": False,
    "va": "center",
}


def _per_role(
    data: pd.DataFrame | None, role: str, low: str, high: str, mid: str
) -> tuple[list[str], dict[str, tuple[float, float]], dict[str, list[float]]] | None:
    """The roles in order, each one's range (its first row with both bounds) and its distinct
    stated salaries; None when there is nothing to draw."""
    frame = _frame(data, [role, low, high, mid])
    if frame is None:
        return None
    lo_all, hi_all, av_all = (_numbers(frame[c]) for c in (low, high, mid))
    keep = frame[role].notna().to_numpy() & (_finite(lo_all, hi_all) | np.isfinite(av_all))
    if not keep.any():
        return None
    labels: list[str] = []
    bounds: dict[str, tuple[float, float]] = {}
    mids: dict[str, list[float]] = {}
    names = (str(v) for v in frame.loc[keep, role])
    for name, lo_v, hi_v, av_v in zip(names, lo_all[keep], hi_all[keep], av_all[keep], strict=True):
        if name not in mids:
            labels.append(name)
            mids[name] = []
        if name not in bounds and np.isfinite(lo_v) and np.isfinite(hi_v):
            bounds[name] = (float(lo_v), float(hi_v))
        if np.isfinite(av_v) and float(av_v) not in mids[name]:
            mids[name].append(float(av_v))
    return labels, bounds, mids


def _draw_role(
    ax: Axes,
    i: int,
    bounds: tuple[float, float] | None,
    mids: list[float],
    color: str,
    dark: Any,
    symbol: str,
) -> None:
    """Row `i`: the range as a bar with its ends labelled, a labelled marker per salary."""
    if bounds is not None:
        lo, hi = bounds
        ax.barh(i, hi - lo, left=lo, height=0.34, color=color, alpha=0.35, linewidth=0, zorder=2)
        for value, dx, ha in ((min(lo, hi), -4, "right"), (max(lo, hi), 4, "left")):
            ax.annotate(
                _money(value, symbol=symbol),
                (value, i),
                xytext=(dx, 0),
                ha=ha,
                color=dark,
                **_LABEL_KW,
            )
    for value in mids:
        ax.plot(
            value,
            i,
            marker="o",
            markersize=7,
            color=color,
            markeredgecolor="white",
            markeredgewidth=1.0,
            linestyle="none",
            zorder=3,
        )
        ax.annotate(
            _money(value, symbol=symbol),
            (value, i),
            xytext=(0, 7),
            ha="center",
            color=dark,
            fontweight="bold",
            **{**_LABEL_KW, "va": "bottom"},
        )


def _legend(fig: Figure, ranges: bool, salaries: bool, highlighted: bool, mid_label: str) -> None:
    """What the bars and the markers mean, below the axes."""
    legend_color = HIGHLIGHT_COLORS[0] if not highlighted else TEXT_GREY
    handles, names = [], []
    if ranges:
        handles.append(Patch(facecolor=legend_color, alpha=0.35, linewidth=0))
        names.append("Published salary range (low to high)")
    if salaries:
        marker = Line2D(
            [],
            [],
            marker="o",
            markersize=7,
            color=legend_color,
            markeredgecolor="white",
            linestyle="none",
        )
        handles.append(marker)
        names.append(mid_label)
    fig.legend(handles, names, loc="outside lower center", ncol=2, fontsize=8)


def _describe(
    labels: Sequence[str],
    bounds: dict[str, tuple[float, float]],
    mids: dict[str, list[float]],
    symbol: str,
    unit_label: str,
    title: str | None,
    mid_label: str,
) -> str:
    hourly = "hour" in unit_label
    parts = []
    for name in labels:
        said = []
        if name in bounds:
            lo, hi = (amount_text(v, symbol, cents=hourly) for v in bounds[name])
            said.append(f"range {lo} to {hi}")
        if mids[name]:
            values = " and ".join(amount_text(v, symbol, cents=hourly) for v in mids[name])
            said.append(f"{mid_label.lower()} {values}")
        parts.append(f"{name}: {', '.join(said)}")
    head = title or "Salary ranges"
    return f"{head} ({unit_label}), one bar per role. " + "; ".join(parts) + "."
