"""Shares by category (grouped bars, one per role) and their differences (diverging bars)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from rolecompare.reporting.figures.theme import (
    HIGHLIGHT_COLORS,
    LABEL_SIZE,
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    _category_ticks,
    _finish,
    _format,
    _frame,
    _new_figure,
    _no_data,
    _numbers,
    _signed_number,
    _themed,
    _title,
    _unique,
    _wrap,
    join_words,
    number_text,
    set_alt_text,
)


def share_bars(
    data: pd.DataFrame,
    *,
    category: str,
    value: str,
    hue: str,
    title: str | None = None,
    value_label: str = "Share (percent)",
    order: Sequence[str] | None = None,
    hue_order: Sequence[str] | None = None,
    fmt: str = "{:.1f}",
    group_height: float | None = None,
) -> Figure:
    """Grouped horizontal bars: one group per ``category``, one bar per ``hue`` level.

    ``group_height`` (inches per category) makes a compact figure; by default it grows with
    the number of hue levels and of lines in the category labels.

    Bars carry their value (``fmt``) at the end; the legend sits below the axes.
    ``order``/``hue_order`` default to the order of appearance. Missing values are skipped.
    """
    with _themed():
        found = _grouped(data, category, value, hue, order, hue_order)
        if found is None:
            return _no_data(title)
        cats, hues, values, cat_order, hue_levels = found
        n_cat, n_hue = len(cat_order), len(hue_levels)
        wrapped = [_wrap(c) for c in cat_order]
        lines = max(c.count("\n") + 1 for c in wrapped)
        group = group_height or max(0.14 * n_hue + 0.12, 0.15 * lines + 0.1)
        legend_rows = -(-n_hue // 3)
        fig, ax = _new_figure(0.95 + 0.2 * legend_rows + group * n_cat + (0.25 if title else 0))
        cat_index = {c: i for i, c in enumerate(cat_order)}
        handles = _draw_groups(ax, cats, hues, values, cat_index, hue_levels, fmt)
        _category_ticks(ax, range(n_cat), wrapped)
        ax.set_ylim(n_cat - 0.5, -0.5)
        shown = values[
            [c in cat_index and h in hue_levels for c, h in zip(cats, hues, strict=True)]
        ]
        top = float(np.max(shown, initial=0.0))
        bottom = float(np.min(shown, initial=0.0))
        span = (top - bottom) or 1.0
        ax.set_xlim(bottom - (0.14 * span if bottom < 0 else 0), top + 0.14 * span)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(value_label, parse_math=False)
        _title(ax, title)
        legend = fig.legend(
            handles,
            [_wrap(h, 40) for h in hue_levels],
            loc="outside lower center",
            ncol=min(n_hue, 3),
            fontsize=8,
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
        set_alt_text(
            fig, _describe_shares(cats, hues, values, cat_order, hue_levels, title, value_label)
        )
        return _finish(fig)


def _grouped(
    data: pd.DataFrame | None,
    category: str,
    value: str,
    hue: str,
    order: Sequence[str] | None,
    hue_order: Sequence[str] | None,
) -> tuple[list[str], list[str], np.ndarray, list[str], list[str]] | None:
    """Rows with a category, a hue and a number: their categories, hues and values, and
    the order of categories and hue levels; None when there is nothing to draw."""
    frame = _frame(data, [category, value, hue])
    if frame is None:
        return None
    values = _numbers(frame[value])
    keep = (frame[category].notna() & frame[hue].notna()).to_numpy()
    keep = keep & np.isfinite(values)
    if not keep.any():
        return None
    cats = [str(v) for v in frame.loc[keep, category]]
    hues = [str(v) for v in frame.loc[keep, hue]]
    cat_order = _unique(order) if order is not None else _unique(cats)
    hue_levels = _unique(hue_order) if hue_order is not None else _unique(hues)
    if not cat_order or not hue_levels:
        return None
    return cats, hues, values[keep], cat_order, hue_levels


def _draw_groups(
    ax: Axes,
    cats: list[str],
    hues: list[str],
    values: np.ndarray,
    cat_index: dict[str, int],
    hue_levels: list[str],
    fmt: str,
) -> list[Patch]:
    """One labelled bar per hue level in each category's group; the legend's patches."""
    n_hue = len(hue_levels)
    slot = 0.8 / n_hue
    handles = []
    for j, level in enumerate(hue_levels):
        color = HIGHLIGHT_COLORS[j % len(HIGHLIGHT_COLORS)]
        rows = [k for k, h in enumerate(hues) if h == level and cats[k] in cat_index]
        positions = [cat_index[cats[k]] + (j - (n_hue - 1) / 2) * slot for k in rows]
        bars = ax.barh(
            positions, values[rows], height=slot * 0.9, color=color, linewidth=0, zorder=2
        )
        ax.bar_label(
            bars,
            labels=[_format(fmt, values[k]) for k in rows],
            padding=2,
            fontsize=LABEL_SIZE,
            color=".2",
            parse_math=False,
        )
        handles.append(Patch(facecolor=color, linewidth=0))
    return handles


def _describe_shares(
    cats: list[str],
    hues: list[str],
    values: np.ndarray,
    cat_order: list[str],
    hue_levels: list[str],
    title: str | None,
    value_label: str,
) -> str:
    by_category = []
    for c in cat_order:
        said = [
            f"{h} {number_text(values[k])}"
            for h in hue_levels
            for k in range(len(cats))
            if cats[k] == c and hues[k] == h
        ]
        if said:
            by_category.append(f"{c}: {', '.join(said)}")
    return (
        f"{title or 'Shares'}. Bar chart of {value_label.lower()} by category for "
        f"{join_words(hue_levels)}. " + "; ".join(by_category) + "."
    )


def difference_bars(
    data: pd.DataFrame,
    *,
    category: str,
    value: str,
    title: str | None = None,
    value_label: str = "Difference (percentage points)",
    fmt: str = "{:+.1f}",
) -> Figure:
    """Diverging horizontal bars around 0: positive and negative in two colours, labelled."""
    with _themed():
        frame = _frame(data, [category, value])
        if frame is None:
            return _no_data(title)
        values = _numbers(frame[value])
        keep = frame[category].notna().to_numpy() & np.isfinite(values)
        if not keep.any():
            return _no_data(title)
        cats = [str(v) for v in frame.loc[keep, category]]
        values = values[keep]
        n = len(cats)
        wrapped = [_wrap(c) for c in cats]
        lines = max(c.count("\n") + 1 for c in wrapped)
        row = max(0.3, 0.15 * lines + 0.08)
        fig, ax = _new_figure(1.0 + row * n + (0.25 if title else 0))
        colors = [POSITIVE_COLOR if v >= 0 else NEGATIVE_COLOR for v in values]
        bars = ax.barh(range(n), values, height=0.62, color=colors, linewidth=0, zorder=2)
        ax.bar_label(
            bars,
            labels=[_format(fmt, v) for v in values],
            padding=3,
            fontsize=LABEL_SIZE,
            color=".2",
            parse_math=False,
        )
        ax.axvline(0, color=".25", linewidth=0.9, zorder=3)
        _category_ticks(ax, range(n), wrapped)
        ax.set_ylim(n - 0.5, -0.5)
        extent = float(np.max(np.abs(values))) or 1.0
        ax.set_xlim(-1.3 * extent, 1.3 * extent)
        ax.xaxis.set_major_formatter(FuncFormatter(_signed_number))
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(value_label, parse_math=False)
        _title(ax, title)
        set_alt_text(
            fig,
            f"{title or 'Differences'}. Bar chart of {value_label.lower()}: "
            + "; ".join(f"{c} {_format(fmt, v)}" for c, v in zip(cats, values, strict=True))
            + ".",
        )
        return _finish(fig)


def _draw_panel(ax: Axes, rows: pd.DataFrame, label: str, category: str, fmt: str, j: int) -> str:
    """One distribution's labelled bars in the `j`-th colour; what it shows, in words."""
    color = HIGHLIGHT_COLORS[j % len(HIGHLIGHT_COLORS)]
    bars = ax.barh(range(len(rows)), rows["_value"], height=0.7, color=color, zorder=2)
    ax.bar_label(
        bars,
        labels=[_format(fmt, v) for v in rows["_value"]],
        padding=2,
        fontsize=LABEL_SIZE,
        color=".2",
        parse_math=False,
    )
    _category_ticks(ax, range(len(rows)), [_wrap(c) for c in rows[category]])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_title(_wrap(label, 70), loc="left", fontsize=LABEL_SIZE + 1, parse_math=False)
    ax.grid(axis="y", visible=False)
    values = zip(rows[category], rows["_value"], strict=True)
    return f"{label}: " + ", ".join(f"{c} {number_text(v)}" for c, v in values)


def share_panels(
    data: pd.DataFrame,
    *,
    category: str,
    value: str,
    panel: str,
    title: str | None = None,
    value_label: str = "Share (percent)",
    fmt: str = "{:.1f}",
) -> Figure:
    """One small bar chart per ``panel`` (a distribution: one page's shares of one role and
    year), stacked on a shared axis, each with its own categories in the page's order.

    Shares from different pages are different distributions: drawn apart, they are never
    read as one set of bars summing to more than 100.
    """
    with _themed():
        frame = _frame(data, [category, value, panel])
        if frame is None:
            return _no_data(title)
        frame = frame.assign(_value=_numbers(frame[value]))
        frame = frame[frame[category].notna() & np.isfinite(frame["_value"])]
        if frame.empty:
            return _no_data(title)
        panels = _unique(frame[panel])
        # a panel's height counts the lines of its wrapped category labels, not its rows
        sizes = [
            sum(_wrap(c).count("\n") + 1 for c in frame.loc[frame[panel] == p, category])
            for p in panels
        ]
        height = 0.6 + sum(0.26 * n + 0.35 for n in sizes) + (0.25 if title else 0)
        fig, _ = _new_figure(height)
        fig.clear()
        axes = fig.subplots(len(panels), 1, sharex=True, height_ratios=[n + 1.2 for n in sizes])
        axes = np.atleast_1d(axes)
        top = float(frame["_value"].max()) or 1.0
        said = [
            _draw_panel(ax, frame[frame[panel] == label], label, category, fmt, j)
            for j, (ax, label) in enumerate(zip(axes, panels, strict=True))
        ]
        axes[-1].set_xlim(0, top * 1.14)
        axes[-1].set_xlabel(value_label, parse_math=False)
        _title(axes[0], title)
        set_alt_text(
            fig,
            f"{title or 'Shares'}. {len(panels)} bar charts of {value_label.lower()}, one per "
            "page and year, not merged. " + "; ".join(said) + ".",
        )
        return _finish(fig)
