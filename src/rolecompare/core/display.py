"""Numbers shown to people (display): one rounding per kind of number and one currency symbol table.

Every display -- report sentences and tables, the site, the API's tables, figure labels and
alt text -- formats its numbers here, so that one number reads the same everywhere:

| kind | rounded to | text |
|---|---|---|
| money per year (`USD/year`, any `<currency>/year`) | whole units | `$25,601`, `-$315`, `£30,741` |
| money per hour (`USD/hour`) | cents | `$12.31` |
| percent (a share, or a percent difference) | 1 decimal | `62.2%`, `8%` |
| percentage points (a difference of two shares) | 1 decimal | `-1.1 percentage points` |
| years (ages, experience and their differences) | 1 decimal | `4.5 years`, `1 year` |
| counts | whole | `1,234` |

Halves round away from zero as written in decimal (1,500.5 -> 1,501; 0.25 -> 0.3; -1.05 ->
-1.1), never to the nearest even binary float as Python's `format` does. Texts drop a
trailing `.0`. A surface may choose its minus glyph (`minus=`: the site and figures use the
typographic minus sign), never its digits.

Numbers *stated* by a page are shown as the page printed them (`money_as_printed`,
`plain_number`): they are not rounded, only grouped.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

MONEY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "AU$", "CAD": "CA$", "INR": "₹"}
"""The one currency symbol table; a currency missing here keeps its code ('30,741 XYZ')."""

DECIMALS = {"money_yearly": 0, "money_hourly": 2, "percent": 1, "points": 1, "years": 1}
"""Decimals kept per kind of number (see the module docstring)."""

MINUS_SIGN = "\N{MINUS SIGN}"


def is_number(value: object) -> bool:
    """A finite int or float (not a bool, not None, not NaN)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def round_half_up(value: float, decimals: int) -> float:
    """value rounded to `decimals` places, halves away from zero as written in decimal."""
    if value is None or not math.isfinite(value):
        return value
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def currency(unit: str | None) -> str:
    """'GBP' from 'GBP/year' (US dollars when no unit is given)."""
    return (unit or "USD/year").partition("/")[0].strip() or "USD"


def currency_symbol(unit: str | None) -> str | None:
    """'£' for 'GBP/year'; None for a currency without a symbol here."""
    return MONEY_SYMBOLS.get(currency(unit))


def symbol_in_label(label: str) -> str:
    """The symbol of the currency a label names ('Yearly salary (GBP)' -> '£'), else ''."""
    codes = set(re.findall(r"\b[A-Z]{3}\b", label or ""))
    return next((s for code, s in MONEY_SYMBOLS.items() if code in codes), "")


def is_money_unit(unit: str | None) -> bool:
    """'USD/year', 'GBP/hour': a currency code over a period."""
    code, slash, _ = (unit or "").partition("/")
    return bool(slash) and code.isalpha() and code.isupper()


def _money_decimals(unit: str | None) -> int:
    per = (unit or "USD/year").partition("/")[2].strip()
    return DECIMALS["money_hourly"] if per == "hour" else DECIMALS["money_yearly"]


def round_money(value: float, unit: str | None = "USD/year") -> float:
    """Whole units for yearly amounts, cents for hourly ones (`unit` as in facts.csv)."""
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


def _sign(value: float, digits: str, signed: bool, minus: str) -> str:
    if value < 0 and digits.strip("0.,"):
        return minus
    return "+" if signed and value > 0 and digits.strip("0.,") else ""


def _plain(value: float, decimals: int, signed: bool, minus: str) -> str:
    """An already rounded value with `decimals` places, a trailing '.0' dropped."""
    text = f"{abs(value):,.{decimals}f}"
    if decimals and text.endswith("." + "0" * decimals):
        text = text[: -decimals - 1]
    return _sign(value, text, signed, minus) + text


def _with_currency(digits: str, unit: str | None) -> str:
    symbol = currency_symbol(unit)
    return f"{symbol}{digits}" if symbol else f"{digits} {currency(unit)}"


def money_text(
    value: float, unit: str | None = "USD/year", *, signed: bool = False, minus: str = "-"
) -> str:
    """A computed amount: '$25,601' (yearly), '$12.31' (hourly), '-$315', '£30,741'."""
    hourly = _money_decimals(unit) == DECIMALS["money_hourly"]
    symbol = currency_symbol(unit)
    return amount_text(
        value, symbol, code=currency(unit), hourly=hourly, signed=signed, minus=minus
    )


def amount_text(
    value: float,
    symbol: str | None = "$",
    *,
    code: str = "",
    hourly: bool = False,
    signed: bool = False,
    minus: str = "-",
) -> str:
    """`money_text` for a caller that knows the symbol, not the unit (a figure's label):
    whole units, cents when `hourly`; without a symbol, the code follows ('30,741 XYZ')."""
    decimals = DECIMALS["money_hourly"] if hourly else DECIMALS["money_yearly"]
    rounded = round_half_up(float(value), decimals)
    digits = f"{abs(rounded):,.{decimals}f}"
    body = f"{symbol}{digits}" if symbol else f"{digits} {code}".rstrip()
    return _sign(rounded, digits, signed, minus) + body


def money_as_printed(value: float, unit: str | None = "USD/year", *, minus: str = "-") -> str:
    """A stated amount as the page printed it: cents only where they are not zero
    ('$66,782', '$32.11', '$20' for "$20 per hour")."""
    amount = abs(float(value))
    digits = f"{amount:,.0f}" if amount.is_integer() else f"{amount:,.2f}"
    return ("" if not (value < 0 and digits.strip("0.,")) else minus) + _with_currency(digits, unit)


def percent_text(value: float, *, signed: bool = False, minus: str = "-") -> str:
    """'62.2%' (one decimal, '8%' without a trailing .0)."""
    return _plain(round_percent(float(value)), DECIMALS["percent"], signed, minus) + "%"


def points_number(value: float, *, signed: bool = False, minus: str = "-") -> str:
    """Percentage points without their unit (a table column): '-1.1', '8'."""
    return _plain(round_points(float(value)), DECIMALS["points"], signed, minus)


def points_text(value: float, *, signed: bool = False, minus: str = "-") -> str:
    """'-1.1 percentage points' ('1 percentage point' when it is one)."""
    rounded = round_points(float(value))
    unit = "percentage point" if abs(rounded) == 1 else "percentage points"
    return f"{_plain(rounded, DECIMALS['points'], signed, minus)} {unit}"


def years_number(value: float, *, signed: bool = False, minus: str = "-") -> str:
    """Computed years without their unit: '5', '4.5'."""
    return _plain(round_years(float(value)), DECIMALS["years"], signed, minus)


def years_text(value: float, *, signed: bool = False, minus: str = "-") -> str:
    """'4.5 years', '1 year', '-2 years'."""
    rounded = round_years(float(value))
    unit = "year" if abs(rounded) == 1 else "years"
    return f"{_plain(rounded, DECIMALS['years'], signed, minus)} {unit}"


def count_text(value: float) -> str:
    """A count: '1,234'."""
    return f"{int(value):,}"


def plain_number(value: float, *, minus: str = "-") -> str:
    """A stated number as printed: 42, 4.5, 61,089 (at most two decimals, none trailing)."""
    v = float(value)
    text = f"{abs(v):,.0f}" if v.is_integer() else f"{abs(v):,.2f}".rstrip("0").rstrip(".")
    return (minus if v < 0 and text.strip("0.,") else "") + text


def compact_money(value: float, symbol: str = "$", *, precise: bool = False) -> str:
    """An axis tick or a label in a crowded figure: '$42k', '−$1.5k', '$1.2M'.

    Not a number to read off (the figure's alt text and the report give those): thousands
    and millions keep one decimal below ten (two with `precise`), whole units above.
    """
    amount = abs(float(value))

    def scaled(x: float) -> str:
        if precise:
            return f"{round_half_up(x, 2):.2f}".rstrip("0").rstrip(".")
        if x < 10:
            return f"{round_half_up(x, 1):.1f}".rstrip("0").rstrip(".")
        return f"{round_half_up(x, 0):.0f}"

    whole = round_half_up(amount, 0)
    if whole >= 999_500:
        body = scaled(amount / 1e6) + "M"
    elif whole >= 1_000:
        body = scaled(amount / 1e3) + "k"
    else:
        body = f"{whole:.0f}"
    sign = MINUS_SIGN if value < 0 and body.strip("0.kM") else ""  # no "−$0"
    return f"{sign}{symbol}{body}"
