"""Figures for the role comparison report, in the style of seaborn's public API.

Every public plotting function takes tidy long-form ``data`` and keyword-only column
names, draws exactly what it is given (no parsing, no statistics) and returns a new
matplotlib `Figure` that the caller owns. Figures are built on the Agg canvas outside
pyplot, so nothing is shown, registered or closed behind the caller's back.

All figures are ``FIG_WIDTH`` (6.5 inches) wide, the text width of an A4 page, and use
one theme (`THEME_RC`): seaborn "whitegrid", "paper" context, DejaVu Sans, the
colour-blind-safe "colorblind" palette. Each function draws inside that theme whatever the
global rcParams are; `use_theme` applies it globally too (e.g. before saving SVG, for
``svg.hashsalt``). Text from the data is always shown literally: mathtext is off, so
``$x$`` stays ``$x$``. The layout is computed once and then frozen, so saving the same
figure again gives the same bytes. Money is written ``$42k`` when the unit label names USD.
"""

from __future__ import annotations

import colorsys
import io
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from cycler import cycler
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Colormap, Normalize, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

__all__ = [
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
    "difference_bars",
    "experience_vs_salary",
    "figure_to_png_bytes",
    "pay_gap_heatmap",
    "salary_ranges",
    "share_bars",
    "use_theme",
]

FIG_WIDTH: float = 6.5
"""Width of every figure in inches: the text width of an A4 page."""
FONT: str = "DejaVu Sans"
PALETTE: tuple[str, ...] = tuple(sns.color_palette("colorblind").as_hex())
"""seaborn's colour-blind-safe "colorblind" palette."""
HIGHLIGHT_COLORS: tuple[str, ...] = tuple(c for c in PALETTE if c != "#949494")
"""The palette without its grey, for highlighted roles and hue levels, in order."""
GREY: str = "#a6a6a6"
"""Colour of roles that are not highlighted."""
TEXT_GREY: str = "#595959"
POSITIVE_COLOR: str = PALETTE[0]
NEGATIVE_COLOR: str = PALETTE[3]
DIVERGING_CMAP: str = "vlag"
NO_DATA_TEXT: str = "No data published"
WRAP_WIDTH: int = 28
"""Long labels are wrapped to lines of about this many characters."""
LABEL_SIZE: float = 7.5
"""Font size (points) of value labels drawn on bars and points."""
DPI: int = 200
PAD: float = 0.1
"""Margin around each figure's content, in inches."""

THEME_RC: dict[str, Any] = {
    **sns.axes_style("whitegrid"),
    **sns.plotting_context("paper"),
    "font.family": ["sans-serif"],
    "font.sans-serif": [FONT],
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "axes.titlesize": 10.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "figure.titlesize": 10.0,
    "figure.titleweight": "bold",
    "legend.frameon": False,
    "text.parse_math": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "svg.hashsalt": "rolecompare",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
}
"""The report's theme as matplotlib rc parameters; every figure is drawn inside it."""


def use_theme() -> None:
    """Apply the report's theme globally (seaborn `set_theme` plus `THEME_RC`)."""
    sns.set_theme(context="paper", style="whitegrid", palette="colorblind", font=FONT)
    mpl.rcParams.update(THEME_RC)


def figure_to_png_bytes(fig: Figure, *, dpi: int = DPI) -> bytes:
    """Render ``fig`` as PNG bytes; the same figure always gives the same bytes."""
    buffer = io.BytesIO()
    with _themed():
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


# --------------------------------------------------------------------------- helpers


@contextmanager
def _themed() -> Iterator[None]:
    with mpl.rc_context(THEME_RC):
        yield


def _new_figure(height: float) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(FIG_WIDTH, height), layout="constrained")
    # Wide margins: room for text that vector backends measure a little wider.
    fig.get_layout_engine().set(w_pad=PAD, h_pad=PAD)  # type: ignore[call-arg]
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _finish(fig: Figure) -> Figure:
    """Lay out once and create every tick while the theme is active, then freeze the layout.

    A frozen layout makes every later save (any format, any dpi) place things identically,
    so the same figure always gives the same bytes. Call
    ``fig.set_layout_engine("constrained")`` after adding artists to lay out again.
    """
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    return fig


def _no_data(title: str | None = None) -> Figure:
    fig, ax = _new_figure(1.4)
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        NO_DATA_TEXT,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=10,
        color=TEXT_GREY,
        parse_math=False,
    )
    _title(ax, title)
    return _finish(fig)


def _title(ax: Axes, title: str | None) -> None:
    """The figure's title, left-aligned over the whole width (not just the axes)."""
    if title:
        ax.figure.suptitle(_wrap(title, 64), x=PAD / FIG_WIDTH, ha="left", parse_math=False)


def _frame(data: pd.DataFrame | None, columns: Iterable[str | None]) -> pd.DataFrame | None:
    """The named columns of ``data``, or None when there is no data at all."""
    if data is None or len(data) == 0:
        return None
    wanted = list(dict.fromkeys(c for c in columns if c is not None))
    missing = [c for c in wanted if c not in data.columns]
    if missing:
        raise KeyError(f"columns not in data: {missing}")
    return data.loc[:, wanted].reset_index(drop=True)


def _numbers(series: pd.Series) -> np.ndarray:
    return pd.Series(series).to_numpy(dtype=float, na_value=np.nan)


def _wrap(label: object, width: int = WRAP_WIDTH) -> str:
    """``label`` as text wrapped to lines of about ``width`` characters."""
    text = str(label)
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=True)
    return "\n".join(lines) if lines else text


def _unique(values: Iterable[object]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values))


def _symbol(unit_text: str) -> str:
    """``$`` when the unit text names US dollars, else nothing (the label names the unit)."""
    return "$" if "USD" in unit_text else ""


def _money(value: float, *, precise: bool = False, symbol: str = "$") -> str:
    """``42000`` -> ``$42k``; ``-1500`` -> ``−$1.5k``; ``precise`` keeps needed decimals."""
    sign = "\N{MINUS SIGN}" if value < 0 else ""
    amount = abs(float(value))

    def number(x: float) -> str:
        if precise:
            return f"{x:.2f}".rstrip("0").rstrip(".")
        return f"{x:.1f}".rstrip("0").rstrip(".") if x < 10 else f"{x:.0f}"

    if round(amount) >= 999_500:
        body = number(amount / 1e6) + "M"
    elif round(amount) >= 1_000:
        body = number(amount / 1e3) + "k"
    else:
        body = f"{amount:.0f}"
    return f"{symbol}{body}" if body.strip("0.") == "" else f"{sign}{symbol}{body}"


def _money_formatter(symbol: str) -> FuncFormatter:
    return FuncFormatter(lambda v, _pos: _money(v, precise=True, symbol=symbol))


def _money_axis(ax_axis: Any, symbol: str) -> None:
    ax_axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax_axis.set_major_formatter(_money_formatter(symbol))


def _highlight_colors(labels: Sequence[str], highlight: Sequence[object] | None) -> dict[str, str]:
    """Colour per highlighted label, in the order the caller gave them."""
    if highlight is None or isinstance(highlight, str):
        highlight = [] if highlight is None else [highlight]
    present = set(labels)
    chosen = [h for h in _unique(highlight) if h in present]
    return {h: HIGHLIGHT_COLORS[i % len(HIGHLIGHT_COLORS)] for i, h in enumerate(chosen)}


def _category_ticks(
    ax: Axes, positions: Sequence[float], labels: Sequence[str], *, axis: str = "y", **kw: Any
) -> list[Text]:
    """Fixed category ticks whose labels are shown literally (no mathtext)."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_ticks(list(positions), labels=list(labels), parse_math=False, **kw)
    return list(target.get_ticklabels())


def _text_color_on(color: tuple[float, ...] | str) -> str:
    r, g, b = to_rgb(color)
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else ".15"


def _finite(*arrays: np.ndarray) -> np.ndarray:
    mask = np.ones(len(arrays[0]), dtype=bool)
    for array in arrays:
        mask &= np.isfinite(array)
    return mask


def _limits(values: np.ndarray, pad: float) -> tuple[float, float]:
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    span = hi - lo
    if span <= 0:
        span = abs(hi) * 0.2 or 1.0
    return lo - pad * span, hi + pad * span


# ------------------------------------------------------------------------ functions


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
) -> Figure:
    """Horizontal low–high salary bars per role with a marker at the average.

    Roles are drawn top to bottom in the order of ``data``. ``highlight`` roles are
    coloured (in the palette's order), the others grey; without ``highlight`` all roles
    get the first colour. Missing values are skipped.
    """
    with _themed():
        frame = _frame(data, [role, low, high, mid])
        if frame is None:
            return _no_data(title)
        lo, hi, av = _numbers(frame[low]), _numbers(frame[high]), _numbers(frame[mid])
        keep = frame[role].notna().to_numpy() & (_finite(lo, hi) | np.isfinite(av))
        if not keep.any():
            return _no_data(title)
        labels = [str(v) for v in frame.loc[keep, role]]
        lo, hi, av = lo[keep], hi[keep], av[keep]
        n = len(labels)
        colors = _highlight_colors(labels, highlight)
        symbol = _symbol(unit_label)
        wrapped = [_wrap(label) for label in labels]
        lines = max(label.count("\n") + 1 for label in wrapped)
        row = max(0.38, 0.15 * lines + 0.05)
        fig, ax = _new_figure(1.35 + row * n)

        label_kw: dict[str, Any] = {
            "textcoords": "offset points",
            "fontsize": LABEL_SIZE,
            "parse_math": False,
            "va": "center",
        }
        for i, name in enumerate(labels):
            color = colors.get(name, GREY if colors else HIGHLIGHT_COLORS[0])
            dark = _ink(color) if name in colors or not colors else TEXT_GREY
            if np.isfinite(lo[i]) and np.isfinite(hi[i]):
                ax.barh(
                    i,
                    hi[i] - lo[i],
                    left=lo[i],
                    height=0.34,
                    color=color,
                    alpha=0.35,
                    linewidth=0,
                    zorder=2,
                )
                ax.annotate(
                    _money(lo[i], symbol=symbol),
                    (min(lo[i], hi[i]), i),
                    xytext=(-4, 0),
                    ha="right",
                    color=dark,
                    **label_kw,
                )
                ax.annotate(
                    _money(hi[i], symbol=symbol),
                    (max(lo[i], hi[i]), i),
                    xytext=(4, 0),
                    ha="left",
                    color=dark,
                    **label_kw,
                )
            if np.isfinite(av[i]):
                ax.plot(
                    av[i],
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
                    _money(av[i], symbol=symbol),
                    (av[i], i),
                    xytext=(0, 7),
                    ha="center",
                    color=dark,
                    fontweight="bold",
                    **{**label_kw, "va": "bottom"},
                )

        ticks = _category_ticks(ax, range(n), wrapped)
        for tick, name in zip(ticks, labels, strict=False):
            if name in colors:
                tick.set_fontweight("bold")
        ax.set_ylim(n - 0.45, -0.8)
        ax.set_xlim(*_limits(np.concatenate([lo, hi, av]), 0.16))
        _money_axis(ax.xaxis, symbol)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(f"Salary ({unit_label})", parse_math=False)
        _title(ax, title)
        legend_color = HIGHLIGHT_COLORS[0] if not colors else TEXT_GREY
        handles = [
            Patch(facecolor=legend_color, alpha=0.35, linewidth=0),
            Line2D(
                [],
                [],
                marker="o",
                markersize=7,
                color=legend_color,
                markeredgecolor="white",
                linestyle="none",
            ),
        ]
        fig.legend(
            handles,
            ["Published salary range (low to high)", "Average salary"],
            loc="outside lower center",
            ncol=2,
            fontsize=8,
        )
        return _finish(fig)


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
        point_color = [colors.get(n, GREY) for n in names]

        fig, ax = _new_figure(4.2)
        bars = _finite(lows, highs)
        for i in np.flatnonzero(bars):
            ax.plot(
                [xs[i], xs[i]],
                [lows[i], highs[i]],
                color=point_color[i],
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
        return _finish(fig)


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
    frame = ax.get_window_extent(renderer)
    to_px = ax.transData.transform
    scale = fig.dpi / 72.0
    radius = 5 * scale
    blocked: list[Bbox] = []
    for px, py in to_px(np.array(obstacles, dtype=float).reshape(-1, 2)):
        blocked.append(Bbox.from_extents(px - radius, py - radius, px + radius, py + radius))
    for bx, blo, bhi in bars:
        (x0, y0), (_, y1) = to_px([(bx, blo), (bx, bhi)])
        blocked.append(Bbox.from_extents(x0 - 2 * scale, min(y0, y1), x0 + 2 * scale, max(y0, y1)))

    directions = [
        (1, 0, "left", "center"),
        (-1, 0, "right", "center"),
        (0, 1, "center", "bottom"),
        (0, -1, "center", "top"),
        (1, 1, "left", "bottom"),
        (-1, 1, "right", "bottom"),
        (1, -1, "left", "top"),
        (-1, -1, "right", "top"),
    ]
    placed: list[Bbox] = []
    for x, y, name, color in points:
        text = _wrap(name)
        own = Bbox.from_extents(*(np.repeat(to_px((x, y)), 2).reshape(2, 2).T.ravel()))
        best: tuple[float, tuple[float, float, str, str]] | None = None
        for distance in (7, 16, 28, 42):
            for dx, dy, ha, va in directions:
                offset = (dx * distance, dy * distance * 0.8)
                probe = ax.annotate(
                    text,
                    (x, y),
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
        ox, oy, ha, va = best[1]
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


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box: Bbox, frame: Bbox) -> float:
    outside = box.width * box.height - _overlap(box, frame)
    return outside if outside > 1e-6 else 0.0  # rounding noise of a box fully inside


def _contains(box: Bbox, point: Bbox) -> bool:
    return box.x0 <= point.x0 <= box.x1 and box.y0 <= point.y0 <= box.y1


def _ink(color: str, lightness: float = 0.36) -> tuple[float, float, float]:
    """``color`` darkened enough to be read as text on white."""
    hue, light, saturation = colorsys.rgb_to_hls(*to_rgb(color))
    return colorsys.hls_to_rgb(hue, min(light, lightness), saturation)


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
) -> Figure:
    """Grouped horizontal bars: one group per ``category``, one bar per ``hue`` level.

    Bars carry their value (``fmt``) at the end; the legend sits below the axes.
    ``order``/``hue_order`` default to the order of appearance. Missing values are skipped.
    """
    with _themed():
        frame = _frame(data, [category, value, hue])
        if frame is None:
            return _no_data(title)
        values = _numbers(frame[value])
        keep = (frame[category].notna() & frame[hue].notna()).to_numpy()
        keep = keep & np.isfinite(values)
        if not keep.any():
            return _no_data(title)
        cats = [str(v) for v in frame.loc[keep, category]]
        hues = [str(v) for v in frame.loc[keep, hue]]
        values = values[keep]
        cat_order = _unique(order) if order is not None else _unique(cats)
        hue_levels = _unique(hue_order) if hue_order is not None else _unique(hues)
        n_cat, n_hue = len(cat_order), len(hue_levels)
        if n_cat == 0 or n_hue == 0:
            return _no_data(title)

        wrapped = [_wrap(c) for c in cat_order]
        lines = max(c.count("\n") + 1 for c in wrapped)
        group = max(0.17 * n_hue + 0.16, 0.15 * lines + 0.1)
        legend_rows = -(-n_hue // 3)
        fig, ax = _new_figure(0.95 + 0.2 * legend_rows + group * n_cat + (0.25 if title else 0))
        slot = 0.8 / n_hue
        cat_index = {c: i for i, c in enumerate(cat_order)}
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
        return _finish(fig)


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
        return _finish(fig)


def _format(fmt: str, value: float) -> str:
    """``fmt.format(value)`` with a typographic minus sign."""
    return fmt.format(value).replace("-", "\N{MINUS SIGN}")


def _signed_number(value: float, _pos: object = None) -> str:
    text = f"{value:+g}" if value else "0"
    return text.replace("-", "\N{MINUS SIGN}")


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
        frame = _frame(data, [row, col, value])
        if frame is None:
            return _no_data(title)
        keep = (frame[row].notna() & frame[col].notna()).to_numpy()
        if not keep.any():
            return _no_data(title)
        rows = [str(v) for v in frame.loc[keep, row]]
        cols = [str(v) for v in frame.loc[keep, col]]
        values = _numbers(frame[value])[keep]
        roles = _unique(order) if order is not None else _unique([*rows, *cols])
        n = len(roles)
        if n == 0:
            return _no_data(title)
        index = {r: i for i, r in enumerate(roles)}
        matrix = np.full((n, n), np.nan)
        for r, c, v in zip(rows, cols, values, strict=True):
            if r in index and c in index and np.isfinite(v):
                matrix[index[r], index[c]] = v

        dense = n > 15
        tick_size = 8.0 if n <= 10 else 7.0 if n <= 20 else 6.0
        y_labels = [_fit(r, WRAP_WIDTH if not dense else 36, 3 if not dense else 2) for r in roles]
        lines = max(r.count("\n") + 1 for r in y_labels)
        base = 0.42 if n <= 6 else 0.32 if n <= 15 else 0.2
        cell = max(base, lines * tick_size * 1.2 / 72 + 0.04)
        fig, ax = _new_figure(n * cell + 2.0)

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
        centres = np.arange(n) + 0.5
        _category_ticks(ax, centres, y_labels, fontsize=tick_size)
        ax.set_xticks(centres, labels=[""] * n)
        ax.tick_params(length=0, pad=2)
        ax.set_ylabel("Role (row)")
        ax.set_xlabel("Compared with (column)")
        _title(ax, title)
        colorbar = fig.colorbar(
            mesh, ax=ax, aspect=max(n * cell, 2.3) / 0.15, pad=0.02, fraction=0.04
        )
        symbol = _symbol(value_label)
        colorbar.ax.yaxis.set_major_formatter(_money_formatter(symbol))
        colorbar.outline.set_visible(False)
        # The colorbar is as tall as the matrix: wrap its label to that height.
        label_chars = int(max(n * cell, 2.3) * 72 / (0.6 * float(THEME_RC["axes.labelsize"])))
        label = f"{value_label}, row role minus column role"
        if len(label) > label_chars:
            label = f"{_wrap(value_label, max(label_chars, 24))},\nrow role minus column role"
        note_text = "\ncell values in thousands"
        # Measure the cells (with the longest colorbar label), then choose how the
        # column labels and the cells' text fit.
        colorbar.set_label(label + (note_text if not dense else ""), parse_math=False)
        note = ""
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        cell_pt = ax.get_window_extent(renderer).width / n * 72 / fig.dpi
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

        if not dense:
            size = 8.0 if n <= 6 else 7.0 if n <= 10 else 6.5
            finite = matrix[np.isfinite(matrix)]
            # "$41k" if it fits the cells, else thousands ("41", "2.5"), else smaller.
            candidates = [
                ([_money(v, symbol=symbol) for v in finite], size, ""),
                ([_thousands(v) for v in finite], size, note_text),
                ([_thousands(v, decimals=False) for v in finite], size, note_text),
                ([_thousands(v, decimals=False) for v in finite], 5.5, note_text),
            ]
            cell_texts, annot_size, note = next(
                (
                    (texts, fontsize, extra)
                    for texts, fontsize, extra in candidates
                    if max((_text_width(fig, t, fontsize) for t in texts), default=0.0)
                    <= cell_pt - 2
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
                    color=_text_color_on(colormap(norm(matrix[i, j]))),
                )
        colorbar.set_label(label + note, parse_math=False)

        # Grow the figure so that every row keeps its height under the column labels.
        fig.draw_without_rendering()
        extra = fig.get_figheight() - ax.get_position().height * fig.get_figheight()
        fig.set_figheight(extra + max(n * cell, 2.3))
        return _finish(fig)


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
        text = f"{amount:.1f}".rstrip("0").rstrip(".")
    else:
        text = f"{amount:.0f}"
    if text.strip("-0.") == "":
        return "0"
    return text.replace("-", "\N{MINUS SIGN}")


def _text_width(fig: Figure, text: str, size: float) -> float:
    """Width of ``text`` at ``size`` points, in points."""
    probe = fig.text(0, 0, text, fontsize=size, parse_math=False)
    width = probe.get_window_extent(fig.canvas.get_renderer()).width  # type: ignore[attr-defined]
    probe.remove()
    return width * 72 / fig.dpi
