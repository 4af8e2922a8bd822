"""One rounding per kind of number, so that a number is shown the same everywhere.

The analysis returns numbers unrounded (a difference of stated numbers is exact to their
printed precision; a percent is a float). Whatever shows them -- key numbers, tables,
sentences, the index -- rounds them here, so that one difference never reads -1.1 percentage
points in one place and -1.08 in another:

| kind | rounded to | text |
|---|---|---|
| money per year (`USD/year`, any `<currency>/year`) | whole units | `$25,601`, `-$315` |
| money per hour (`USD/hour`) | cents | `$12.31` |
| percent (a share, or a percent difference) | 1 decimal | `62.2%` |
| percentage points (a difference of two shares) | 1 decimal | `-1.1 percentage points` |
| years (ages, experience and their differences) | 1 decimal | `4.5 years`, `1 year` |

Halves round away from zero as printed in decimal (62,847.5 -> 62,848; -1.05 -> -1.1), not
to the nearest even binary float. Texts drop a trailing `.0` (`8 percentage points`).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

MONEY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "AU$", "CAD": "CA$", "INR": "₹"}

DECIMALS = {"money_yearly": 0, "money_hourly": 2, "percent": 1, "points": 1, "years": 1}
"""Decimals kept per kind of number (see the module docstring)."""


def round_half_up(value: float, decimals: int) -> float:
    """value rounded to `decimals` places, halves away from zero as written in decimal."""
    if value is None or not math.isfinite(value):
        return value
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def _money_decimals(unit: str | None) -> int:
    per = (unit or "USD/year").partition("/")[2].strip()
    return DECIMALS["money_hourly"] if per == "hour" else DECIMALS["money_yearly"]


def round_money(value: float, unit: str | None = "USD/year") -> float:
    """Whole dollars for yearly amounts, cents for hourly ones (`unit` as in facts.csv)."""
    return round_half_up(value, _money_decimals(unit))


def round_percent(value: float) -> float:
    """A percent (share or percent difference) to one decimal: 62.167 -> 62.2."""
    return round_half_up(value, DECIMALS["percent"])


def round_points(value: float) -> float:
    """A difference of two shares in percentage points, to one decimal: -1.08 -> -1.1."""
    return round_half_up(value, DECIMALS["points"])


def round_years(value: float) -> float:
    """Years (age, experience and their differences) to one decimal."""
    return round_half_up(value, DECIMALS["years"])


def _plain(value: float, decimals: int, signed: bool) -> str:
    text = f"{abs(value):,.{decimals}f}"
    if decimals and text.endswith("." + "0" * decimals):
        text = text[: -decimals - 1]
    sign = "-" if value < 0 and text.strip("0.,") else ("+" if signed and value > 0 else "")
    return sign + text


def money_text(value: float, unit: str | None = "USD/year", *, signed: bool = False) -> str:
    """'$25,601' (yearly), '$12.31' (hourly), '-$315'; '+$315' with signed=True.

    Other currencies keep their code when they have no symbol here ('30,741 XYZ').
    """
    decimals = _money_decimals(unit)
    rounded = round_money(value, unit)
    currency = (unit or "USD/year").partition("/")[0].strip()
    digits = f"{abs(rounded):,.{decimals}f}"
    symbol = MONEY_SYMBOLS.get(currency)
    body = f"{symbol}{digits}" if symbol else f"{digits} {currency}"
    sign = "-" if rounded < 0 else ("+" if signed and rounded > 0 else "")
    return sign + body


def percent_text(value: float, *, signed: bool = False) -> str:
    """'62.2%' (one decimal, '8%' without a trailing .0)."""
    return _plain(round_percent(value), DECIMALS["percent"], signed) + "%"


def points_text(value: float, *, signed: bool = False) -> str:
    """'-1.1 percentage points' ('1 percentage point' when it is one)."""
    rounded = round_points(value)
    unit = "percentage point" if abs(rounded) == 1 else "percentage points"
    return f"{_plain(rounded, DECIMALS['points'], signed)} {unit}"


def years_text(value: float, *, signed: bool = False) -> str:
    """'4.5 years', '1 year', '-2 years'."""
    rounded = round_years(value)
    unit = "year" if abs(rounded) == 1 else "years"
    return f"{_plain(rounded, DECIMALS['years'], signed)} {unit}"
