"""Tests of the report's figures: artists drawn, units, empty data, hostile labels, determinism."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection, QuadMesh
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from rolecompare.reporting import figures
from rolecompare.reporting.figures import (
    FIG_WIDTH,
    GREY,
    NEGATIVE_COLOR,
    NO_DATA_TEXT,
    POSITIVE_COLOR,
    difference_bars,
    experience_vs_salary,
    figure_to_png_bytes,
    pay_gap_heatmap,
    salary_ranges,
    share_bars,
    use_theme,
)

ROLES = [
    "Customer relations manager",
    "Customer care manager",
    "Client services manager",
    "Account manager",
    "Call center supervisor",
]
RACES = ["White", "Hispanic or Latino", "Black or African American", "Asian", "Unknown"]
HOSTILE = ["$x$", "a_b\\c{", "<script>", "100% of $5"]


@pytest.fixture
def keep() -> Iterator[Callable[[Figure], Figure]]:
    """Registers figures to close after the test."""
    made: list[Figure] = []

    def register(fig: Figure) -> Figure:
        made.append(fig)
        return fig

    yield register
    for fig in made:
        plt.close(fig)


def salaries(roles: list[str] = ROLES) -> pd.DataFrame:
    n = len(roles)
    mid = np.linspace(41181, 66782, n)
    return pd.DataFrame({"role": roles, "low": mid * 0.7, "high": mid * 1.4, "avg": mid})


def experience(roles: list[str] = ROLES) -> pd.DataFrame:
    n = len(roles)
    return pd.DataFrame(
        {
            "role": roles,
            "years": np.linspace(2, 7, n),
            "salary": np.linspace(41181, 66782, n),
            "lo": np.nan,
            "hi": np.nan,
        }
    )


def shares() -> pd.DataFrame:
    a = [74.7, 9.1, 6.0, 5.1, 4.7]
    b = [60.3, 18.2, 10.3, 5.7, 4.8]
    us = [57.0, 19.0, 12.6, 6.3, 4.4]
    rows = [
        (race, value, who)
        for who, values in [(ROLES[0], a), (ROLES[1], b), ("US workforce", us)]
        for race, value in zip(RACES, values, strict=True)
    ]
    return pd.DataFrame(rows, columns=["race", "share", "who"])


def gaps(roles: list[str]) -> pd.DataFrame:
    pay = np.linspace(40000, 70000, len(roles))
    rows = [
        (roles[i], roles[j], pay[i] - pay[j])
        for i in range(len(roles))
        for j in range(len(roles))
        if i != j
    ]
    return pd.DataFrame(rows, columns=["a", "b", "gap"])


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def tick_texts(ax, axis: str = "y") -> list[str]:
    return [t.get_text() for t in getattr(ax, f"get_{axis}ticklabels")()]


# ------------------------------------------------------------------------ theme


def test_use_theme_sets_the_report_theme() -> None:
    with matplotlib.rc_context():
        use_theme()
        rc = matplotlib.rcParams
        assert rc["font.sans-serif"][0] == "DejaVu Sans"
        assert rc["svg.hashsalt"]
        assert rc["axes.grid"] is True
        assert to_hex(rc["axes.prop_cycle"].by_key()["color"][0]) == figures.PALETTE[0]
        assert rc["text.parse_math"] is False


def test_functions_do_not_touch_pyplot(keep) -> None:
    before = plt.get_fignums()
    fig = keep(salary_ranges(salaries(), role="role", low="low", high="high", mid="avg"))
    assert plt.get_fignums() == before
    assert fig.get_figwidth() == pytest.approx(FIG_WIDTH)


# ------------------------------------------------------------------ salary_ranges


def test_salary_ranges_bars_markers_labels_and_unit(keep) -> None:
    data = salaries()
    fig = keep(
        salary_ranges(data, role="role", low="low", high="high", mid="avg", highlight=ROLES[:2])
    )
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(bars(ax)) == len(ROLES)
    markers = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert len(markers) == len(ROLES)
    assert tick_texts(ax) == ROLES
    assert "USD per year" in ax.get_xlabel()
    assert "$41k" in texts(fig)  # the average of the first role
    assert "$67k" in texts(fig)
    # highlighted roles are coloured and bold, the others grey
    assert to_hex(bars(ax)[0].get_facecolor()) != GREY
    assert to_hex(bars(ax)[-1].get_facecolor()) == GREY
    weights = [t.get_fontweight() for t in ax.get_yticklabels()]
    assert weights[:2] == ["bold", "bold"]
    assert weights[2] != "bold"
    assert fig.get_figwidth() == pytest.approx(FIG_WIDTH)


def test_salary_ranges_use_the_symbol_of_the_labelled_currency(keep) -> None:
    fig = keep(
        salary_ranges(
            salaries(), role="role", low="low", high="high", mid="avg", unit_label="GBP per year"
        )
    )
    assert "GBP per year" in fig.axes[0].get_xlabel()
    assert "£41k" in texts(fig)  # one symbol table (core.display), as in the report and site
    assert not any(t.startswith("$") for t in texts(fig))


def test_salary_ranges_skips_missing_values_and_keeps_a_single_role(keep) -> None:
    data = salaries()
    data.loc[1, "low"] = np.nan
    data.loc[2, ["low", "high", "avg"]] = np.nan
    data.loc[3, "role"] = None
    fig = keep(salary_ranges(data, role="role", low="low", high="high", mid="avg"))
    ax = fig.axes[0]
    assert tick_texts(ax) == [ROLES[0], ROLES[1], ROLES[4]]
    assert len(bars(ax)) == 2

    one = keep(salary_ranges(salaries()[:1], role="role", low="low", high="high", mid="avg"))
    assert tick_texts(one.axes[0]) == [ROLES[0]]


def test_salary_ranges_grows_with_the_number_of_roles(keep) -> None:
    small = keep(salary_ranges(salaries(ROLES[:2]), role="role", low="low", high="high", mid="avg"))
    big = keep(salary_ranges(salaries(), role="role", low="low", high="high", mid="avg"))
    assert big.get_figheight() > small.get_figheight()


# ------------------------------------------------------------- experience_vs_salary


def test_experience_vs_salary_points_and_annotations(keep) -> None:
    data = experience()
    data.loc[0, ["lo", "hi"]] = [58913, 66782]
    fig = keep(
        experience_vs_salary(
            data, x="years", y="salary", label="role", highlight=ROLES[:2], low="lo", high="hi"
        )
    )
    ax = fig.axes[0]
    n_points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert n_points == len(ROLES)
    annotations = [c for c in ax.get_children() if isinstance(c, Annotation)]
    assert sorted(a.get_text() for a in annotations) == sorted(ROLES[:2])
    assert "experience" in ax.get_xlabel().lower()
    assert "years" in ax.get_xlabel().lower()
    assert "USD per year" in ax.get_ylabel()
    error_bars = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    assert len(error_bars) == 1
    assert sorted(error_bars[0].get_ydata()) == [58913, 66782]


def test_experience_vs_salary_annotations_do_not_overlap(keep) -> None:
    data = pd.DataFrame(
        {
            "role": [*ROLES, "Help desk analyst", "Support team lead"],
            "years": [4.0, 4.1, 4.2, 3.9, 4.0, 4.3, 4.1],
            "salary": [50000, 50500, 49500, 51000, 49000, 50200, 48800],
        }
    )
    fig = keep(experience_vs_salary(data, x="years", y="salary", label="role", highlight=ROLES))
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [c.get_window_extent(renderer) for c in ax.get_children() if isinstance(c, Annotation)]
    assert len(boxes) == len(ROLES)
    frame = ax.get_window_extent(renderer)
    for i, a in enumerate(boxes):
        assert frame.x0 - 1 <= a.x0 and a.x1 <= frame.x1 + 1
        for b in boxes[i + 1 :]:
            w = min(a.x1, b.x1) - max(a.x0, b.x0)
            h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert w <= 1 or h <= 1, "labels overlap"


def test_experience_vs_salary_wraps_long_names_and_skips_nan(keep) -> None:
    long_name = "Director of customer success and strategic accounts, North America"
    data = experience([*ROLES[:3], long_name])
    data.loc[1, "years"] = np.nan
    fig = keep(
        experience_vs_salary(
            data, x="years", y="salary", label="role", highlight=[long_name, ROLES[1]]
        )
    )
    ax = fig.axes[0]
    annotations = [c.get_text() for c in ax.get_children() if isinstance(c, Annotation)]
    assert len(annotations) == 1  # ROLES[1] has no experience: no point, no label
    assert annotations[0].replace("\n", " ") == long_name
    assert all(len(line) <= 28 for line in annotations[0].splitlines())


# -------------------------------------------------------------------- share_bars


def test_share_bars_groups_values_and_legend(keep) -> None:
    fig = keep(share_bars(shares(), category="race", value="share", hue="who", title="Race"))
    ax = fig.axes[0]
    assert len(bars(ax)) == len(RACES) * 3
    assert tick_texts(ax) == RACES
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [ROLES[0], ROLES[1], "US workforce"]
    assert {"74.7", "60.3", "57.0"} <= set(texts(fig))
    assert "percent" in ax.get_xlabel()
    assert fig.get_suptitle() == "Race"
    # the legend sits outside the axes, so it never covers bars
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    legend_box = legend.get_window_extent(renderer)
    assert legend_box.y1 <= ax.get_window_extent(renderer).y0


def test_share_bars_order_and_nan(keep) -> None:
    data = shares()
    data.loc[0, "share"] = np.nan
    fig = keep(
        share_bars(
            data,
            category="race",
            value="share",
            hue="who",
            order=["Asian", "White"],
            hue_order=["US workforce", ROLES[0]],
        )
    )
    ax = fig.axes[0]
    assert tick_texts(ax) == ["Asian", "White"]
    assert len(bars(ax)) == 3  # White of ROLES[0] is missing
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["US workforce", ROLES[0]]


def test_share_bars_wraps_long_categories(keep) -> None:
    data = shares()
    data.loc[data.race == "Unknown", "race"] = "American Indian and Alaska Native or not stated"
    fig = keep(share_bars(data, category="race", value="share", hue="who"))
    labels = tick_texts(fig.axes[0])
    assert "\n" in labels[-1]
    assert all(len(line) <= 28 for label in labels for line in label.splitlines())


# --------------------------------------------------------------- difference_bars


def test_difference_bars_diverge_around_zero(keep) -> None:
    data = pd.DataFrame({"race": RACES, "pp": [14.4, -9.1, -4.3, -0.6, 0.0]})
    fig = keep(difference_bars(data, category="race", value="pp", title="A minus B"))
    ax = fig.axes[0]
    patches = bars(ax)
    assert len(patches) == len(RACES)
    assert to_hex(patches[0].get_facecolor()) == POSITIVE_COLOR
    assert to_hex(patches[1].get_facecolor()) == NEGATIVE_COLOR
    left, right = ax.get_xlim()
    assert left == pytest.approx(-right)
    assert {"+14.4", "\N{MINUS SIGN}9.1"} <= set(texts(fig))
    assert "percentage points" in ax.get_xlabel()


# --------------------------------------------------------------- pay_gap_heatmap


def test_pay_gap_heatmap_matrix_annotations_and_colour_scale(keep) -> None:
    fig = keep(pay_gap_heatmap(gaps(ROLES[:4]), row="a", col="b", value="gap"))
    ax = fig.axes[0]
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    assert mesh.get_array().shape == (4, 4)
    assert mesh.norm.vmin == pytest.approx(-mesh.norm.vmax)
    assert tick_texts(ax) == ROLES[:4]
    cells = [t.get_text() for t in ax.texts]
    assert len(cells) == 4 * 3  # the diagonal is missing
    assert "$30k" in cells and "\N{MINUS SIGN}$30k" in cells
    colorbar_label = fig.axes[1].get_ylabel()
    assert "USD" in colorbar_label


def test_pay_gap_heatmap_thirty_roles_is_taller_and_not_annotated(keep) -> None:
    roles = [f"{name} {i}" for i in range(6) for name in ROLES]
    small = keep(pay_gap_heatmap(gaps(ROLES[:3]), row="a", col="b", value="gap"))
    big = keep(pay_gap_heatmap(gaps(roles), row="a", col="b", value="gap"))
    assert len(roles) == 30
    assert big.get_figheight() > small.get_figheight()
    assert big.get_figwidth() == pytest.approx(FIG_WIDTH)
    assert len(big.axes[0].texts) == 0
    assert tick_texts(big.axes[0], "x") == roles
    figure_to_png_bytes(big, dpi=60)


def test_pay_gap_heatmap_fifteen_roles_annotates_in_thousands_when_narrow(keep) -> None:
    roles = [f"{name} {i}" for i in range(3) for name in ROLES]
    fig = keep(pay_gap_heatmap(gaps(roles), row="a", col="b", value="gap"))
    ax = fig.axes[0]
    assert len(ax.texts) == 15 * 14
    renderer = fig.canvas.get_renderer()
    cell = ax.get_window_extent(renderer).width / 15
    assert max(t.get_window_extent(renderer).width for t in ax.texts) < cell


# ----------------------------------------------------------- empty and hostile data


def _call_all(data: pd.DataFrame) -> list[Figure]:
    """Every plotting function on the same table."""
    return [
        salary_ranges(data, role="role", low="low", high="high", mid="avg"),
        experience_vs_salary(
            data,
            x="years",
            y="avg",
            label="role",
            highlight=list(data.get("role", [])),
            low="low",
            high="high",
        ),
        share_bars(data, category="role", value="avg", hue="who"),
        difference_bars(data, category="role", value="avg"),
        pay_gap_heatmap(data, row="role", col="who", value="avg"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        pd.DataFrame(),
        pd.DataFrame(columns=["role", "low", "high", "avg", "years", "who"]),
        pd.DataFrame(
            {
                "role": [None, "A"],
                "low": [np.nan, np.nan],
                "high": [np.nan, np.nan],
                "avg": [np.nan, np.nan],
                "years": [np.nan, np.nan],
                "who": [None, None],
            }
        ),
    ],
    ids=["no-columns", "no-rows", "all-missing"],
)
def test_empty_data_shows_no_data_published(keep, data: pd.DataFrame) -> None:
    for fig in _call_all(data):
        keep(fig)
        assert isinstance(fig, Figure)
        assert NO_DATA_TEXT in texts(fig)
        assert figure_to_png_bytes(fig, dpi=50)


def test_missing_column_is_an_error() -> None:
    with pytest.raises(KeyError):
        salary_ranges(salaries(), role="name", low="low", high="high", mid="avg")


def test_hostile_labels_render_literally(keep) -> None:
    data = pd.DataFrame(
        {
            "role": HOSTILE,
            "low": [30000.0, 31000, 32000, 33000],
            "high": [50000.0, 51000, 52000, 53000],
            "avg": [40000.0, 41000, 42000, 43000],
            "years": [1.0, 2, 3, 4],
            "who": ["$a$", "b_c", "<script>", "d%"],
        }
    )
    for fig in _call_all(data):
        keep(fig)
        assert figure_to_png_bytes(fig, dpi=50).startswith(b"\x89PNG")
        shown = texts(fig)
        for label in HOSTILE:
            assert label in shown
        for text in fig.findobj(Text):
            if text.get_text() in HOSTILE:
                assert text.get_parse_math() is False
    # the same labels as title, axis label and legend entry
    fig = keep(
        share_bars(
            data,
            category="role",
            value="avg",
            hue="who",
            title="$x$ vs a_b\\c{",
            value_label="Share of $ (%)",
        )
    )
    figure_to_png_bytes(fig, dpi=50)
    assert fig.get_suptitle() == "$x$ vs a_b\\c{"
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["$a$", "b_c", "<script>", "d%"]
    annotated = keep(
        experience_vs_salary(data, x="years", y="avg", label="role", highlight=["$x$"])
    )
    figure_to_png_bytes(annotated, dpi=50)
    (annotation,) = [c for c in annotated.axes[0].get_children() if isinstance(c, Annotation)]
    assert annotation.get_text() == "$x$"


def test_svg_of_hostile_labels_escapes_markup(keep) -> None:
    data = pd.DataFrame({"race": ["<script>alert(1)</script>"], "pp": [1.0]})
    fig = keep(difference_bars(data, category="race", value="pp"))
    buffer = io.BytesIO()
    with matplotlib.rc_context(figures.THEME_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    assert b"<script>" not in buffer.getvalue()


def test_svg_bytes_are_deterministic(keep) -> None:
    fig = keep(pay_gap_heatmap(gaps(ROLES[:3]), row="a", col="b", value="gap"))
    saved = []
    for _ in range(2):
        buffer = io.BytesIO()
        with matplotlib.rc_context(figures.THEME_RC):
            fig.savefig(buffer, format="svg", metadata={"Date": None})
        saved.append(buffer.getvalue())
    assert saved[0] == saved[1]


# ------------------------------------------------------------------ determinism


def test_png_bytes_are_deterministic(keep) -> None:
    def build() -> Figure:
        return keep(
            experience_vs_salary(
                experience(), x="years", y="salary", label="role", highlight=ROLES[:2]
            )
        )

    fig = build()
    first = figure_to_png_bytes(fig)
    assert first == figure_to_png_bytes(fig)
    assert first == figure_to_png_bytes(build())
    assert b"Software" not in first[:200]


# ------------------------------------------------------------------------- alt text


def test_every_figure_describes_what_it_plots_with_its_numbers(keep) -> None:
    salary = keep(salary_ranges(salaries(ROLES[:2]), role="role", low="low", high="high",
                                mid="avg", title="Yearly pay"))  # fmt: skip
    text = figures.alt_text(salary)
    assert text.startswith("Yearly pay (USD per year)")
    assert "Customer relations manager: range $28,827 to $57,653" in text
    assert "average salary $66,782" in text and "$41,181" in text

    share = keep(share_bars(shares(), category="race", value="share", hue="who", title="Race"))
    text = figures.alt_text(share)
    assert text.startswith("Race. Bar chart of share (percent) by category for")
    assert (
        "White: Customer relations manager 74.7, Customer care manager 60.3, US workforce 57"
        in text
    )

    diff = keep(difference_bars(pd.DataFrame({"c": ["White", "Asian"], "d": [14.4, -0.6]}),
                                category="c", value="d"))  # fmt: skip
    assert "White +14.4; Asian \N{MINUS SIGN}0.6" in figures.alt_text(diff)

    scatter = keep(experience_vs_salary(experience(), x="years", y="salary", label="role",
                                        highlight=ROLES[:1]))  # fmt: skip
    text = figures.alt_text(scatter)
    assert "Scatter plot of 5 roles" in text and "4 other roles in grey" in text
    assert "Customer relations manager 2 and $41,181" in text

    heat = keep(pay_gap_heatmap(gaps(ROLES[:3]), row="a", col="b", value="gap"))
    text = figures.alt_text(heat)
    assert "between 3 roles" in text and "6 ordered pairs" in text
    assert f"{ROLES[2]} earns $30,000 more than {ROLES[0]}" in text


def test_several_stated_salaries_of_one_role_are_one_line_with_a_marker_each(keep) -> None:
    data = pd.DataFrame(
        {
            "role": ["A", "A", "B"],
            "low": [42000, np.nan, 28000],
            "high": [104000, np.nan, 59000],
            "avg": [66782, 58913, 41181],
        }
    )
    fig = keep(salary_ranges(data, role="role", low="low", high="high", mid="avg"))
    ax = fig.axes[0]
    assert tick_texts(ax) == ["A", "B"]
    assert len(bars(ax)) == 2
    assert {"$67k", "$59k", "$41k"} <= set(texts(fig))  # both stated values, no midpoint
    assert "$63k" not in texts(fig)
    assert "average salary $66,782 and $58,913" in figures.alt_text(fig)


def test_empty_figures_say_so_in_their_alt_text(keep) -> None:
    fig = keep(share_bars(pd.DataFrame(), category="c", value="v", hue="h", title="Race"))
    assert figures.alt_text(fig) == "Race: no data published."
