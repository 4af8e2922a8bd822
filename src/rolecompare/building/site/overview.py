"""The index's overview figure: every role ranked by yearly salary, the compared pairs as
links. Readable at 10 roles and at thousands.

Top panel: one column per role, lowest paid on the left; a dot at its yearly salary and a
line over its published salary range (or over what the sources state, where they disagree).
Bottom panel: an arc joins the two roles of every built pair, so short arcs are comparisons
of similarly paid roles and long arcs compare across the pay scale. With up to
`NAMED_ROLES` roles each column is named; beyond that the axis gives the rank, and lines,
dots and arcs thin out so that thousands of them read as a distribution, not as ink.

A full pay-gap heatmap (`figures.pay_gap_heatmap`) is added only where it is legible: at
most `HEATMAP_ROLES` roles.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd

from rolecompare.building.site.data import PairRow, RoleRow
from rolecompare.building.site.formatting import money
from rolecompare.core import display

NAMED_ROLES = 30
HEATMAP_ROLES = 15
DPI = 130  # shown at most 900 pixels wide: sharp enough, a third of the pixels of print
COLOURS = 64  # thousands of thin anti-aliased marks: a palette keeps the PNG small


def _png(fig) -> bytes:
    """The figure as a small PNG: screen resolution, a palette of COLOURS colours."""
    import io

    from PIL import Image

    from rolecompare.reporting import figures

    image = Image.open(io.BytesIO(figures.figure_to_png_bytes(fig, dpi=DPI)))
    out = io.BytesIO()
    image.convert("RGB").quantize(colors=COLOURS).save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass(frozen=True)
class SiteFigure:
    png: bytes
    alt: str
    caption: str


def _ranked(roles: list[RoleRow]) -> list[RoleRow]:
    with_pay = [r for r in roles if r.salary_mid is not None]
    return sorted(with_pay, key=lambda r: (r.salary_mid, r.role_id))


def _money_tick(value: float, _pos: object = None) -> str:
    return display.compact_money(value)


def _arcs(x0: np.ndarray, x1: np.ndarray, points: int = 24) -> np.ndarray:
    """Half ellipses below the axis from x0 to x1 (depth proportional to their span)."""
    t = np.linspace(0, np.pi, points)
    centre = (x0 + x1)[:, None] / 2
    radius = np.abs(x1 - x0)[:, None] / 2
    xs = centre - radius * np.cos(t)[None, :]
    ys = -radius * np.sin(t)[None, :]
    return np.stack([xs, ys], axis=-1)


def overview_figure(roles: list[RoleRow], pairs: list[PairRow]) -> SiteFigure | None:
    """The ranked-salary figure, or None when fewer than two roles publish a salary."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from rolecompare.reporting import figures

    ranked = _ranked(roles)
    n = len(ranked)
    if n < 2:
        return None
    rank = {r.role_id: i for i, r in enumerate(ranked)}
    mids = np.array([r.salary_mid for r in ranked], dtype=float)
    linked = [
        (rank[p.role_a], rank[p.role_b]) for p in pairs if p.role_a in rank and p.role_b in rank
    ]
    named = n <= NAMED_ROLES
    with mpl.rc_context(figures.THEME_RC):
        fig = Figure(figsize=(figures.FIG_WIDTH, 5.2 if named else 4.4), layout="constrained")
        FigureCanvasAgg(fig)
        top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1.3])
        _draw_salaries(top, ranked, mids)
        _draw_arcs(bottom, linked, n)
        xs = np.arange(n, dtype=float)
        if named:
            bottom.set_xticks(
                xs,
                [textwrap.shorten(r.name, 34) for r in ranked],
                rotation=60,
                ha="right",
                fontsize=6.5,
            )
        else:
            ticks = np.unique(np.linspace(0, n - 1, 6).round().astype(int))
            bottom.set_xticks(ticks, [f"{t + 1:,}" for t in ticks])
            bottom.set_xlabel(f"Rank by yearly salary, lowest paid first ({n:,} roles)")
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        png = _png(fig)
    alt = (
        f"{n:,} roles ranked by average yearly salary, from {money(mids[0])} "
        f"({ranked[0].name}) to {money(mids[-1])} ({ranked[-1].name}); median "
        f"{money(float(np.median(mids)))}. Below, {len(linked):,} arcs join the roles of each "
        "compared pair."
    )
    caption = (
        "Each role's average yearly salary (dot) and published salary range (line), lowest "
        "paid on the left; below, an arc joins the two roles of every report listed here "
        "(short arcs: similarly paid roles)."
    )
    return SiteFigure(png, alt, caption)


def _draw_salaries(ax, ranked: list[RoleRow], mids: np.ndarray) -> None:
    """Top panel: each role's range as a line, its salary as a dot, thinner as roles multiply."""
    from matplotlib.ticker import FuncFormatter

    from rolecompare.reporting import figures

    n = len(ranked)
    dense = min(1.0, 60 / n)  # thinner marks as roles multiply
    lows = np.array([_first(r.range_low, r.salary_low) for r in ranked], dtype=float)
    highs = np.array([_first(r.range_high, r.salary_high) for r in ranked], dtype=float)
    xs = np.arange(n, dtype=float)
    spans = np.isfinite(lows) & np.isfinite(highs)
    ax.vlines(
        xs[spans], lows[spans], highs[spans], color=figures.GREY,
        linewidth=max(0.4, 2.2 * dense), alpha=0.35 + 0.55 * dense,
    )  # fmt: skip
    ax.scatter(xs, mids, s=max(1.5, 22 * dense), color=figures.PALETTE[0], linewidths=0, zorder=3)
    ax.yaxis.set_major_formatter(FuncFormatter(_money_tick))
    ax.set_ylabel("Yearly salary (USD)")
    ax.set_title("Roles ranked by yearly salary: dot = average, line = published range", loc="left")


def _draw_arcs(ax, linked: list[tuple[int, int]], n: int) -> None:
    """Bottom panel: an arc under the axis joining the two roles of every pair."""
    from matplotlib.collections import LineCollection

    from rolecompare.reporting import figures

    if linked:
        a = np.array([p[0] for p in linked], dtype=float)
        b = np.array([p[1] for p in linked], dtype=float)
        # thousands of arcs: faint enough that where many run shows as darker
        alpha = float(np.clip(30 / len(linked), 0.03, 0.8))
        width = 0.8 if len(linked) < 200 else 0.5
        ax.add_collection(
            LineCollection(_arcs(a, b), colors=figures.PALETTE[1], linewidths=width, alpha=alpha)
        )
        depth = np.abs(b - a).max() / 2
        ax.set_ylim(-depth * 1.05 - 0.5, 0.5)
    ax.set_yticks([])
    ax.set_ylabel(f"{len(linked):,} pairs", rotation=0, ha="right", va="center")
    ax.set_xlim(-0.8, n - 0.2)
    ax.grid(False)


def _first(*values: float | None) -> float:
    for value in values:
        if value is not None:
            return float(value)
    return float("nan")


def heatmap_figure(roles: list[RoleRow]) -> SiteFigure | None:
    """The full pay-gap matrix, only where every cell can be read (<= HEATMAP_ROLES roles)."""
    from rolecompare.reporting import figures

    ranked = _ranked(roles)
    if not 2 <= len(ranked) <= HEATMAP_ROLES:
        return None
    labels = _unique_labels(ranked)
    rows = [
        {"role": labels[a.role_id], "other": labels[b.role_id], "gap": a.salary_mid - b.salary_mid}
        for a in ranked
        for b in ranked
        if a is not b
    ]
    fig = figures.pay_gap_heatmap(
        pd.DataFrame(rows),
        row="role",
        col="other",
        value="gap",
        value_label="Yearly pay gap (USD)",
        order=[labels[r.role_id] for r in ranked],
    )
    alt = figures.alt_text(fig)
    caption = (
        "Yearly pay gap of every two roles: the row role's average yearly salary minus the "
        "column role's (red: the row role earns more; blue: less). Where the sources disagree "
        "about a salary, the midpoint of what they state."
    )
    return SiteFigure(_png(fig), alt, caption)


def _unique_labels(roles: list[RoleRow]) -> dict[str, str]:
    counts: dict[str, int] = {}
    for r in roles:
        counts[r.name] = counts.get(r.name, 0) + 1
    return {r.role_id: r.name if counts[r.name] == 1 else f"{r.name} ({r.role_id})" for r in roles}
