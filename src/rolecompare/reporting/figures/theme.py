"""What every figure shares: size, theme, colours, number formats, layout helpers, alt text.

All figures are ``FIG_WIDTH`` (6.5 inches) wide, the text width of an A4 page, and use
one theme (`THEME_RC`): seaborn "whitegrid", "paper" context, DejaVu Sans, the
colour-blind-safe "colorblind" palette. Each function draws inside that theme whatever the
global rcParams are; `use_theme` applies it globally too (e.g. before saving SVG, for
``svg.hashsalt``). Text from the data is always shown literally: mathtext is off, so
``$x$`` stays ``$x$``. The layout is computed once and then frozen, so saving the same
figure again gives the same bytes. Money is written ``$42k`` on axes and labels when the unit
label names USD, and in full (``$42,000``) in the alt text, which is read rather than seen.
"""

from __future__ import annotations

import colorsys
import io
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from rolecompare.core import display

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
    set_alt_text(fig, f"{title}: {NO_DATA_TEXT.lower()}." if title else f"{NO_DATA_TEXT}.")
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
    """The symbol of the currency the label names ('$' for USD), else '' (the label says)."""
    return display.symbol_in_label(unit_text)


def _money(value: float, *, precise: bool = False, symbol: str = "$") -> str:
    """``42000`` -> ``$42k``; ``-1500`` -> ``−$1.5k``; ``precise`` keeps needed decimals."""
    return display.compact_money(value, symbol, precise=precise)


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


def _ink(color: str, lightness: float = 0.36) -> tuple[float, float, float]:
    """``color`` darkened enough to be read as text on white."""
    hue, light, saturation = colorsys.rgb_to_hls(*to_rgb(color))
    return colorsys.hls_to_rgb(hue, min(light, lightness), saturation)


def _format(fmt: str, value: float) -> str:
    """``fmt.format(value)`` with a typographic minus sign, halves rounded up first (the one
    rounding of `core.display`: ``{:.1f}`` of 0.25 is 0.3, not Python's 0.2)."""
    places = re.search(r"\.(\d+)[f%]", fmt)
    if places and display.is_number(value):
        extra = 2 if fmt[places.end() - 1] == "%" else 0
        value = display.round_half_up(float(value), int(places.group(1)) + extra)
    return fmt.format(value).replace("-", "\N{MINUS SIGN}")


def _signed_number(value: float, _pos: object = None) -> str:
    text = f"{value:+g}" if value else "0"
    return text.replace("-", "\N{MINUS SIGN}")


# ------------------------------------------------------------------------- alt text

_ALT = "_rolecompare_alt_text"


def set_alt_text(fig: Figure, text: str) -> Figure:
    """Attach the description of what ``fig`` shows (see `alt_text`); returns ``fig``."""
    setattr(fig, _ALT, " ".join(str(text).split()))
    return fig


def alt_text(fig: Figure) -> str:
    """What the figure shows, in words: what is plotted and its main numbers.

    Every figure of this package carries one, made from the data it was drawn from; for any
    other figure it falls back to its titles and axis labels.
    """
    text = getattr(fig, _ALT, None)
    if text:
        return str(text)
    parts = [fig.get_suptitle()] if hasattr(fig, "get_suptitle") else []
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    described = "; ".join(p for p in parts if p)
    return f"Figure: {described}" if described else "Figure"


def amount_text(value: float, symbol: str = "$", *, cents: bool = False) -> str:
    """``42000`` -> ``$42,000``, ``-1500.5`` -> ``−$1,501`` (``cents``: hourly, ``−$1,500.50``),
    for alt text: `core.display.amount_text`, the one rounding of money."""
    return display.amount_text(value, symbol, hourly=cents, minus=display.MINUS_SIGN)


def number_text(value: float, decimals: int = 1) -> str:
    """``74.7`` -> ``74.7``, ``8.0`` -> ``8``: at most ``decimals`` decimals (halves up), none
    trailing."""
    text = f"{display.round_half_up(float(value), decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "\N{MINUS SIGN}")


def join_words(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
