"""Experience against salary for every role, the highlighted ones named (labels placed clear of
the points and of each other).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from rolecompare.reporting.figures.theme import (
    GREY,
    TEXT_GREY,
    _finish,
    _finite,
    _frame,
    _highlight_colors,
    _ink,
    _money_axis,
    _new_figure,
    _no_data,
    _numbers,
    _symbol,
    _themed,
    _title,
    _wrap,
    amount_text,
    join_words,
    number_text,
    set_alt_text,
)


def experience_vs_salary(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    label: str,
    highlight: Sequence[str],
    x_label: str = "Years of experience",
    y_label: str = "Average salary (USD per year)",
    low: str | None = None,
    high: str | None = None,
    title: str | None = None,
) -> Figure:
    """Scatter of all roles; the ``highlight`` labels coloured and named, others grey.

    ``low``/``high`` name optional columns drawn as vertical bars (e.g. the range of
    salaries that conflicting sources state). Rows with a missing ``x`` or ``y`` are skipped.
    """
    with _themed():
        frame = _frame(data, [x, y, label, low, high])
        if frame is None:
            return _no_data(title)
        xs, ys = _numbers(frame[x]), _numbers(frame[y])
        keep = frame[label].notna().to_numpy() & _finite(xs, ys)
        if not keep.any():
            return _no_data(title)
        names = [str(v) for v in frame.loc[keep, label]]
        xs, ys = xs[keep], ys[keep]
        lows = _numbers(frame[low])[keep] if low else np.full(len(xs), np.nan)
        highs = _numbers(frame[high])[keep] if high else np.full(len(xs), np.nan)
        colors = _highlight_colors(names, highlight)
        is_hl = np.array([n in colors for n in names], dtype=bool)

        fig, ax = _new_figure(4.2)
        bars = _finite(lows, highs)
        _draw_points(ax, xs, ys, lows, highs, names, colors)
        ax.margins(x=0.14, y=0.16)
        _money_axis(ax.yaxis, _symbol(y_label))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
        ax.set_xlabel(x_label, parse_math=False)
        ax.set_ylabel(y_label, parse_math=False)
        _title(ax, title)
        if bars.any():
            fig.legend(
                [Line2D([], [], color=TEXT_GREY, marker="_", markersize=6, linewidth=1)],
                ["Range of values the sources state"],
                loc="outside lower center",
                fontsize=8,
            )
        fig.draw_without_rendering()  # final layout, so label boxes can be measured
        _place_labels(
            fig,
            ax,
            [(xs[i], ys[i], names[i], colors[names[i]]) for i in np.flatnonzero(is_hl)],
            obstacles=[(xs[i], ys[i]) for i in range(len(xs))],
            bars=[(xs[i], lows[i], highs[i]) for i in np.flatnonzero(bars)],
        )
        set_alt_text(fig, _describe(xs, ys, names, colors, x_label, y_label, title))
        return _finish(fig)


def _draw_points(
    ax: Axes,
    xs: np.ndarray,
    ys: np.ndarray,
    lows: np.ndarray,
    highs: np.ndarray,
    names: list[str],
    colors: dict[str, str],
) -> None:
    """Each role's range as a vertical bar, the other roles grey, the highlighted on top."""
    is_hl = np.array([n in colors for n in names], dtype=bool)
    for i in np.flatnonzero(_finite(lows, highs)):
        ax.plot(
            [xs[i], xs[i]],
            [lows[i], highs[i]],
            color=colors.get(names[i], GREY),
            linewidth=1.4 if is_hl[i] else 0.8,
            alpha=0.9 if is_hl[i] else 0.6,
            marker="_",
            markersize=6,
            zorder=2 if is_hl[i] else 1,
        )
    others = ~is_hl
    ax.scatter(xs[others], ys[others], s=16, color=GREY, alpha=0.75, linewidths=0, zorder=3)
    for name, color in colors.items():
        mask = np.array([n == name for n in names])
        ax.scatter(
            xs[mask], ys[mask], s=46, color=color, edgecolors="white", linewidths=0.8, zorder=4
        )


def _describe(
    xs: np.ndarray,
    ys: np.ndarray,
    names: list[str],
    colors: dict[str, str],
    x_label: str,
    y_label: str,
    title: str | None,
) -> str:
    symbol = _symbol(y_label)
    highlighted = [i for i, n in enumerate(names) if n in colors]
    named = [
        f"{names[i]} {number_text(xs[i])} and {amount_text(ys[i], symbol, cents='hour' in y_label)}"
        for i in highlighted
    ]
    n_others = len(names) - len(highlighted)
    others_text = f", {n_others} other roles in grey" if n_others else ""
    return (
        f"{title + '. ' if title else ''}Scatter plot of {len(names)} roles, "
        f"{x_label.lower()} against {y_label.lower()}{others_text}. "
        + (f"Highlighted: {join_words(named)}." if named else "")
    )


def _place_labels(
    fig: Figure,
    ax: Axes,
    points: Sequence[tuple[float, float, str, str]],
    *,
    obstacles: Sequence[tuple[float, float]],
    bars: Sequence[tuple[float, float, float]],
) -> None:
    """Annotate ``points`` greedily where the label overlaps least with what is drawn."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    scale = fig.dpi / 72.0
    blocked = _blocked(ax, obstacles, bars, scale)
    placed: list[Bbox] = []
    for x, y, name, color in points:
        text = _wrap(name)
        ox, oy, ha, va = _best_offset(ax, renderer, text, (x, y), blocked, placed, scale)
        far = max(abs(ox), abs(oy)) > 10
        annotation = ax.annotate(
            text,
            (x, y),
            xytext=(ox, oy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=8,
            fontweight="bold",
            color=_ink(color),
            parse_math=False,
            zorder=5,
            annotation_clip=False,
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
            arrowprops=(
                {"arrowstyle": "-", "color": color, "linewidth": 0.7, "shrinkA": 1, "shrinkB": 4}
                if far
                else None
            ),
        )
        annotation.set_in_layout(False)
        placed.append(annotation.get_window_extent(renderer))


_DIRECTIONS = [
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (1, 1, "left", "bottom"),
    (-1, 1, "right", "bottom"),
    (1, -1, "left", "top"),
    (-1, -1, "right", "top"),
]


def _blocked(
    ax: Axes,
    obstacles: Sequence[tuple[float, float]],
    bars: Sequence[tuple[float, float, float]],
    scale: float,
) -> list[Bbox]:
    """Boxes, in pixels, of what a label should not cover: every point and every bar."""
    to_px = ax.transData.transform
    radius = 5 * scale
    blocked: list[Bbox] = []
    for px, py in to_px(np.array(obstacles, dtype=float).reshape(-1, 2)):
        blocked.append(Bbox.from_extents(px - radius, py - radius, px + radius, py + radius))
    for bx, blo, bhi in bars:
        (x0, y0), (_, y1) = to_px([(bx, blo), (bx, bhi)])
        blocked.append(Bbox.from_extents(x0 - 2 * scale, min(y0, y1), x0 + 2 * scale, max(y0, y1)))
    return blocked


def _best_offset(
    ax: Axes,
    renderer: Any,
    text: str,
    at: tuple[float, float],
    blocked: list[Bbox],
    placed: list[Bbox],
    scale: float,
) -> tuple[float, float, str, str]:
    """The offset and alignment where the label overlaps least (outside the axes worst,
    other labels next, points and bars least); nearer wins ties."""
    frame = ax.get_window_extent(renderer)
    own = Bbox.from_extents(*(np.repeat(ax.transData.transform(at), 2).reshape(2, 2).T.ravel()))
    best: tuple[float, tuple[float, float, str, str]] | None = None
    for distance in (7, 16, 28, 42):
        for dx, dy, ha, va in _DIRECTIONS:
            offset = (dx * distance, dy * distance * 0.8)
            probe = ax.annotate(
                text,
                at,
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=8,
                fontweight="bold",
                parse_math=False,
            )
            box = probe.get_window_extent(renderer).padded(2 * scale)
            probe.remove()
            score = 4.0 * _outside(box, frame)
            score += 3.0 * sum(_overlap(box, other) for other in placed)
            score += 1.0 * sum(
                _overlap(box, other) for other in blocked if not _contains(other, own)
            )
            score = round(score + 0.02 * distance * box.height, 3)  # ties: earlier wins
            if best is None or score < best[0]:
                best = (score, (offset[0], offset[1], ha, va))
    assert best is not None
    return best[1]


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box: Bbox, frame: Bbox) -> float:
    outside = box.width * box.height - _overlap(box, frame)
    return outside if outside > 1e-6 else 0.0  # rounding noise of a box fully inside


def _contains(box: Bbox, point: Bbox) -> bool:
    return box.x0 <= point.x0 <= box.x1 and box.y0 <= point.y0 <= box.y1
