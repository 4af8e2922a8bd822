"""Numbers as the site shows them: money, percents, years, ranges, signed with a real minus.

Plain text only; the templates escape it. A sign never breaks from its number (a word joiner
follows the minus sign).
"""

from __future__ import annotations

import math

MINUS = "\N{MINUS SIGN}\N{WORD JOINER}"
NOT_PUBLISHED = "not published"


def is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _signed(text: str, value: float) -> str:
    return MINUS + text if value < 0 and text.strip("0.,$%") else text


def money(value: float | None, unit: str | None = "USD/year") -> str:
    """$25,601; other currencies as '25,601 GBP'; cents below $100 ($19.80)."""
    if not is_number(value):
        return NOT_PUBLISHED
    amount = abs(float(value))
    digits = f"{amount:,.2f}" if amount < 100 and not amount.is_integer() else f"{amount:,.0f}"
    currency = (unit or "USD/year").partition("/")[0].strip() or "USD"
    text = f"${digits}" if currency == "USD" else f"{digits} {currency}"
    return _signed(text, float(value))


def percent(value: float | None, decimals: int = 1) -> str:
    if not is_number(value):
        return NOT_PUBLISHED
    return _signed(f"{abs(float(value)):.{decimals}f}%", float(value))


def number(value: float | None) -> str:
    if not is_number(value):
        return NOT_PUBLISHED
    v = float(value)
    text = f"{abs(v):,.0f}" if v.is_integer() else f"{abs(v):,.2f}".rstrip("0").rstrip(".")
    return _signed(text, v)


def years(value: float | None) -> str:
    if not is_number(value):
        return NOT_PUBLISHED
    return f"{number(value)} year{'' if float(value) == 1 else 's'}"


def span(low: float | None, high: float | None, fmt=money) -> str:
    """One value, or 'low to high' where the sources disagree."""
    if not is_number(low) or not is_number(high):
        return NOT_PUBLISHED
    return fmt(low) if low == high else f"{fmt(low)} to {fmt(high)}"


def with_unit(value: float | None, unit: str | None) -> str:
    """A fact's number in its unit: money for currencies, % for percent, else the number."""
    unit = unit or ""
    if "/" in unit and unit.split("/")[0].isalpha() and unit.split("/")[0].isupper():
        return money(value, unit) + ("/hour" if unit.endswith("/hour") else "")
    if unit == "percent":
        return percent(value)
    if unit in ("years", "months"):
        return f"{number(value)} {unit}" if is_number(value) else NOT_PUBLISHED
    if unit in ("score", "rating"):
        return number(value)
    return number(value)


def sort_key(value: float | None) -> str:
    """A number for a table's data-sort attribute ("" when missing: sorted last)."""
    return f"{float(value):.12g}" if is_number(value) else ""


def when(stamp: str | None) -> str:
    """'2025-01-02 03:04' from '2025-01-02T03:04:05Z'."""
    if not stamp:
        return ""
    return stamp.replace("T", " ").removesuffix("Z")[:16]
