"""One number reads the same in the report, on the site, in the API's tables and in figures.

Every display rounds through `rolecompare.core.display` (halves away from zero as written
in decimal; one currency symbol table). These tests draw values that end in a half at the
rounding place (1500.5, 0.25, 43.05, their negatives) and check every surface shows the same
digits and symbol; only the minus glyph is the surface's own (the site and figures use the
typographic minus sign).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rolecompare import analysis
from rolecompare.building.site import formatting as site
from rolecompare.building.site.pages import environment
from rolecompare.core import display
from rolecompare.explore import _number_text as api_text
from rolecompare.reporting import narrative
from rolecompare.reporting.figures import theme
from rolecompare.reporting.narrative import amounts

CURRENCIES = ["USD", "GBP", "EUR", "AUD"]


def _same(text: str) -> str:
    """The text with every minus glyph as '-' (the only difference surfaces may make)."""
    return text.replace("\N{MINUS SIGN}\N{WORD JOINER}", "-").replace("\N{MINUS SIGN}", "-")


def halves(places: int, largest: int = 10**7) -> st.SearchStrategy[float]:
    """Numbers whose decimal text ends in a 5 just past `places` decimals (ties to round)."""
    return st.builds(
        lambda whole, sign: float(
            Decimal(sign * whole).scaleb(-places) + sign * Decimal(5).scaleb(-places - 1)
        ),
        st.integers(0, largest),
        st.sampled_from([1, -1]),
    )


@given(value=halves(0), code=st.sampled_from(CURRENCIES))
@example(value=1500.5, code="USD")
@example(value=-1500.5, code="GBP")
@example(value=30741.0, code="GBP")
def test_yearly_money_reads_the_same_everywhere(value: float, code: str) -> None:
    unit = f"{code}/year"
    expected = display.money_text(value, unit)
    shown = {
        "report": ("-" if value < 0 and expected.startswith("-") else "")
        + amounts.computed_money(value, unit),
        "site": site.money(value, unit),
        "site template": environment().filters["money_span"]((value, value))
        if code == "USD"
        else site.money(value, unit),
        "API": api_text(value, unit, signed=False),
        "analysis": analysis.money_text(value, unit),
        "figure alt text": theme.amount_text(value, display.MONEY_SYMBOLS[code]),
    }
    assert {k: _same(v) for k, v in shown.items()} == dict.fromkeys(shown, expected)


@given(value=halves(2), code=st.sampled_from(CURRENCIES))
@example(value=12.305, code="USD")
def test_hourly_money_reads_the_same_everywhere(value: float, code: str) -> None:
    unit = f"{code}/hour"
    expected = display.money_text(value, unit)
    sign = "-" if expected.startswith("-") else ""
    shown = {
        "report": sign + amounts.computed_money(value, unit),
        "site": site.money(value, unit),
        "API": api_text(value, unit, signed=False),
        "figure alt text": theme.amount_text(value, display.MONEY_SYMBOLS[code], cents=True),
    }
    assert {k: _same(v) for k, v in shown.items()} == dict.fromkeys(shown, expected)


@given(value=halves(1, largest=999))  # shares and percent gaps: up to 100
@example(value=0.25)
@example(value=43.05)
@example(value=-0.05)
def test_percents_and_points_read_the_same_everywhere(value: float) -> None:
    percent = display.percent_text(value)
    sign = "-" if percent.startswith("-") else ""
    shown = {
        "report": sign + amounts.format_percent(value),
        "site": site.percent(value),
        "site template": environment().filters["percent_span"]((value, value)),
        "API": analysis.percent_text(value),
        "figure label": theme._format("{:.1f}", value).removesuffix(".0") + "%",
    }
    assert {k: _same(v) for k, v in shown.items()} == dict.fromkeys(shown, percent)

    points = display.points_number(value)
    index = narrative.dissimilarity_sentence(abs(value), None, (), short=True)
    shown = {
        "report": (sign + amounts.format_pp(value)).split(" ")[0],
        "report (index)": sign + index.rsplit(" ", 1)[1].removesuffix("†."),
        "site": environment().filters["points"](value),
        "API": api_text(value, "percentage points", signed=False).split(" ")[0],
    }
    assert {k: _same(v) for k, v in shown.items()} == dict.fromkeys(shown, points)


@given(value=halves(1))
@example(value=2.25)
def test_years_read_the_same_everywhere(value: float) -> None:
    expected = display.years_text(value)
    sign = "-" if expected.startswith("-") else ""
    assert sign + amounts.computed_years(value) == expected.split(" ")[0]
    assert api_text(value, "years", signed=False) == expected


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1500.5, "USD/year", "$1,501"),
        (-1500.5, "USD/year", "-$1,501"),
        (30741, "GBP/year", "£30,741"),
        (30741, "EUR/year", "€30,741"),
        (30741, "AUD/year", "AU$30,741"),
        (30741, "XYZ/year", "30,741 XYZ"),
        (12.305, "USD/hour", "$12.31"),
        (-0.4, "USD/year", "$0"),
    ],
)
def test_money_text_exact(value: float, unit: str, text: str) -> None:
    assert display.money_text(value, unit) == text
    assert _same(site.money(value, unit)) == text


@pytest.mark.parametrize(
    ("value", "text"), [(43.05, "43.1%"), (0.25, "0.3%"), (8.0, "8%"), (-1.05, "-1.1%")]
)
def test_percent_text_exact(value: float, text: str) -> None:
    assert display.percent_text(value) == text
    assert _same(site.percent(value)) == text


def test_compact_money_rounds_halves_up_with_the_labelled_symbol() -> None:
    assert display.compact_money(1250) == "$1.3k"
    assert display.compact_money(-1500) == "\N{MINUS SIGN}$1.5k"
    assert display.compact_money(41181, "£") == "£41k"
    assert display.compact_money(999_500) == "$1M"
    assert display.symbol_in_label("Yearly pay gap (GBP)") == "£"
    assert display.symbol_in_label("Salary (XYZ per year)") == ""


def test_one_template_environment_with_unique_template_names() -> None:
    from rolecompare.core import templates
    from rolecompare.reporting.presentation.markup import render

    names = [p.name for d in templates.TEMPLATE_DIRS for p in d.glob("*.j2")]
    assert len(names) == len(set(names)) > 8  # one namespace: a name is found in one folder
    assert environment() is templates.environment()  # the site's filters on the one env
    assert render("macros.html.j2") == templates.render("macros.html.j2").removesuffix("\n")
