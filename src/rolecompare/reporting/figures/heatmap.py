"""The matrix of yearly pay gaps between every pair of roles (the index page's figure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, Normalize
from matplotlib.figure import Figure

from rolecompare.core import display
from rolecompare.reporting.figures.theme import (
    DIVERGING_CMAP,
    THEME_RC,
    WRAP_WIDTH,
    _category_ticks,
    _finish,
    _frame,
    _money,
    _money_formatter,
    _new_figure,
    _no_data,
    _numbers,
    _symbol,
    _text_color_on,
    _themed,
    _title,
    _unique,
    _wrap,
    amount_text,
    set_alt_text,
)


def pay_gap_heatmap(
    data: pd.DataFrame,
    *,
    row: str,
    col: str,
    value: str,
    value_label: str = "Yearly pay gap (USD)",
    order: Sequence[str] | None = None,
    title: str | None = None,
    cmap: str | Colormap = DIVERGING_CMAP,
) -> Figure:
    """Matrix of ``value`` (row role minus column role) with a diverging map centred at 0.

    Roles follow ``order`` (default: order of appearance in ``row`` then ``col``). With at
    most 15 roles the cells are annotated in $k (in thousands when cells are too narrow for
    "$41k"); missing pairs stay blank. The figure grows taller with the number of roles.
    """
    with _themed():
        found = _matrix(data, row, col, value, order)
        if found is None:
            return _no_data(title)
        roles, matrix = found
        n = len(roles)
        dense = n > 15
        tick_size = 8.0 if n <= 10 else 7.0 if n <= 20 else 6.0
        y_labels = [_fit(r, WRAP_WIDTH if not dense else 36, 3 if not dense else 2) for r in roles]
        lines = max(r.count("\n") + 1 for r in y_labels)
        base = 0.42 if n <= 6 else 0.32 if n <= 15 else 0.2
        cell = max(base, lines * tick_size * 1.2 / 72 + 0.04)
        fig, ax = _new_figure(n * cell + 2.0)
        mesh, paint = _mesh(ax, matrix, cmap)
        centres = np.arange(n) + 0.5
        _category_ticks(ax, centres, y_labels, fontsize=tick_size)
        ax.set_xticks(centres, labels=[""] * n)
        ax.tick_params(length=0, pad=2)
        ax.set_ylabel("Role (row)")
        ax.set_xlabel("Compared with (column)")
        _title(ax, title)
        symbol = _symbol(value_label)
        colorbar, label = _colorbar(fig, ax, mesh, n * cell, value_label, symbol, dense)
        # Measure the cells (with the longest colorbar label), then choose how the
        # column labels and the cells' text fit.
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        cell_pt = ax.get_window_extent(renderer).width / n * 72 / fig.dpi
        _column_labels(ax, roles, centres, cell_pt, tick_size)
        note = "" if dense else _annotate(fig, ax, matrix, symbol, cell_pt, paint)
        colorbar.set_label(label + note, parse_math=False)

        # Grow the figure so that every row keeps its height under the column labels.
        fig.draw_without_rendering()
        extra = fig.get_figheight() - ax.get_position().height * fig.get_figheight()
        fig.set_figheight(extra + max(n * cell, 2.3))
        set_alt_text(fig, _describe(matrix, roles, symbol, value_label, title))
        return _finish(fig)


_NOTE_THOUSANDS = "\ncell values in thousands"


def _matrix(
    data: pd.DataFrame | None, row: str, col: str, value: str, order: Sequence[str] | None
) -> tuple[list[str], np.ndarray] | None:
    """The roles in order and the (row, column) matrix of values; None when nothing to draw."""
    frame = _frame(data, [row, col, value])
    if frame is None:
        return None
    keep = (frame[row].notna() & frame[col].notna()).to_numpy()
    if not keep.any():
        return None
    rows = [str(v) for v in frame.loc[keep, row]]
    cols = [str(v) for v in frame.loc[keep, col]]
    values = _numbers(frame[value])[keep]
    roles = _unique(order) if order is not None else _unique([*rows, *cols])
    n = len(roles)
    if n == 0:
        return None
    index = {r: i for i, r in enumerate(roles)}
    matrix = np.full((n, n), np.nan)
    for r, c, v in zip(rows, cols, values, strict=True):
        if r in index and c in index and np.isfinite(v):
            matrix[index[r], index[c]] = v
    return roles, matrix


def _mesh(ax: Axes, matrix: np.ndarray, cmap: str | Colormap) -> tuple[Any, Any]:
    """The coloured cells, on a diverging scale symmetric about 0; (mesh, value -> colour)."""
    n = len(matrix)
    limit = float(np.nanmax(np.abs(matrix))) if np.isfinite(matrix).any() else 0.0
    limit = limit or 1000.0  # all gaps zero: any symmetric scale will do
    norm = Normalize(-limit, limit)
    colormap = sns.color_palette(cmap, as_cmap=True) if isinstance(cmap, str) else cmap
    mesh = ax.pcolormesh(
        np.ma.masked_invalid(matrix),
        cmap=colormap,
        norm=norm,
        edgecolors="white",
        linewidth=0.6 if n <= 15 else 0.3,
    )
    ax.set_xlim(0, n)
    ax.set_ylim(n, 0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return mesh, lambda v: colormap(norm(v))


def _colorbar(
    fig: Figure, ax: Axes, mesh: Any, height: float, value_label: str, symbol: str, dense: bool
) -> tuple[Any, str]:
    """The colorbar beside the matrix, as tall as it, its label wrapped to that height;
    labelled for now with the longest label it may get. Returns it and its label."""
    colorbar = fig.colorbar(mesh, ax=ax, aspect=max(height, 2.3) / 0.15, pad=0.02, fraction=0.04)
    colorbar.ax.yaxis.set_major_formatter(_money_formatter(symbol))
    colorbar.outline.set_visible(False)
    label_chars = int(max(height, 2.3) * 72 / (0.6 * float(THEME_RC["axes.labelsize"])))
    label = f"{value_label}, row role minus column role"
    if len(label) > label_chars:
        label = f"{_wrap(value_label, max(label_chars, 24))},\nrow role minus column role"
    colorbar.set_label(label + (_NOTE_THOUSANDS if not dense else ""), parse_math=False)
    return colorbar, label


def _column_labels(
    ax: Axes, roles: list[str], centres: np.ndarray, cell_pt: float, tick_size: float
) -> None:
    """Column labels level under wide cells, else turned upright in as many lines as fit."""
    char_pt = 0.62 * tick_size
    if cell_pt >= 12 * char_pt:
        width = int(cell_pt * 0.9 / char_pt)
        x_labels = [_fit(r, width, 4) for r in roles]
        x_kw: dict[str, Any] = {"rotation": 0, "ha": "center"}
    else:
        max_lines = max(1, int(cell_pt // (tick_size * 1.1)))
        width = WRAP_WIDTH if max_lines > 1 else 36
        x_labels = [_fit(r, width, max_lines) for r in roles]
        x_kw = {"rotation": 90, "ha": "center", "multialignment": "right", "linespacing": 1.0}
    _category_ticks(ax, centres, x_labels, axis="x", fontsize=tick_size, **x_kw)


def _annotate(
    fig: Figure, ax: Axes, matrix: np.ndarray, symbol: str, cell_pt: float, paint: Any
) -> str:
    """Each cell's value in the largest form that fits; the colorbar's note for it."""
    n = len(matrix)
    size = 8.0 if n <= 6 else 7.0 if n <= 10 else 6.5
    finite = matrix[np.isfinite(matrix)]
    # "$41k" if it fits the cells, else thousands ("41", "2.5"), else smaller.
    candidates = [
        ([_money(v, symbol=symbol) for v in finite], size, ""),
        ([_thousands(v) for v in finite], size, _NOTE_THOUSANDS),
        ([_thousands(v, decimals=False) for v in finite], size, _NOTE_THOUSANDS),
        ([_thousands(v, decimals=False) for v in finite], 5.5, _NOTE_THOUSANDS),
    ]
    cell_texts, annot_size, note = next(
        (
            (texts, fontsize, extra)
            for texts, fontsize, extra in candidates
            if max((_text_width(fig, t, fontsize) for t in texts), default=0.0) <= cell_pt - 2
        ),
        candidates[-1],
    )
    for (i, j), text in zip(np.argwhere(np.isfinite(matrix)), cell_texts, strict=True):
        ax.text(
            j + 0.5,
            i + 0.5,
            text,
            ha="center",
            va="center",
            fontsize=annot_size,
            parse_math=False,
            color=_text_color_on(paint(matrix[i, j])),
        )
    return note


def _fit(label: object, width: int, max_lines: int) -> str:
    """``label`` wrapped to ``width``; lines beyond ``max_lines`` are cut with an ellipsis."""
    lines = _wrap(label, width).split("\n")
    if len(lines) <= max_lines:
        return "\n".join(lines)
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: max(1, width - 1)].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
    return "\n".join(kept)


def _thousands(value: float, *, decimals: bool = True) -> str:
    """``-2500`` -> ``−2.5`` (one decimal below 10 when ``decimals``), ``41181`` -> ``41``."""
    amount = value / 1000
    if decimals and abs(amount) < 10:
        text = f"{display.round_half_up(amount, 1):.1f}".rstrip("0").rstrip(".")
    else:
        text = f"{display.round_half_up(amount, 0):.0f}"
    if text.strip("-0.") == "":
        return "0"
    return text.replace("-", "\N{MINUS SIGN}")


def _text_width(fig: Figure, text: str, size: float) -> float:
    """Width of ``text`` at ``size`` points, in points."""
    probe = fig.text(0, 0, text, fontsize=size, parse_math=False)
    width = probe.get_window_extent(fig.canvas.get_renderer()).width  # type: ignore[attr-defined]
    probe.remove()
    return width * 72 / fig.dpi


def _describe(
    matrix: np.ndarray, roles: Sequence[str], symbol: str, value_label: str, title: str | None
) -> str:
    head = f"{title}. " if title else ""
    finite = np.argwhere(np.isfinite(matrix))
    if not len(finite):
        return f"{head}Matrix of {value_label.lower()} for {len(roles)} roles: no pair has both."
    i, j = max(finite, key=lambda ij: matrix[ij[0], ij[1]])
    return (
        f"{head}Matrix of {value_label.lower()} between {len(roles)} roles, row role minus "
        f"column role, for {len(finite)} ordered pairs. The largest: {roles[i]} earns "
        f"{amount_text(abs(matrix[i, j]), symbol)} more than {roles[j]}."
    )
