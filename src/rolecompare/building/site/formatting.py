"""Numbers as the site shows them: money, percents, years, ranges, signed with a real minus.

Rounding and currency symbols are `rolecompare.core.display`'s (the report's rule); this
module adds the site's typography and its word for a missing number.

Plain text only; the templates escape it. A sign never breaks from its number (a word joiner
follows the minus sign).
"""

from __future__ import annotations

from functools import lru_cache

from rolecompare.core import display

MINUS = "\N{MINUS SIGN}\N{WORD JOINER}"
NOT_PUBLISHED = "not published"


def is_number(value: object) -> bool:
    return display.is_number(value)


def money(value: float | None, unit: str | None = "USD/year") -> str:
    """$25,601, £30,741 (whole units a year), $19.80 an hour: `core.display.money_text`."""
    if not is_number(value):
        return NOT_PUBLISHED
    return display.money_text(value, unit, minus=MINUS)


def percent(value: float | None) -> str:
    """43.1%, 8%: `core.display.percent_text` (halves up, as in the report)."""
    if not is_number(value):
        return NOT_PUBLISHED
    return display.percent_text(value, minus=MINUS)


def points(value: float | None) -> str:
    """Percentage points without their unit (a table column): 12.3, −0.1."""
    if not is_number(value):
        return NOT_PUBLISHED
    return display.points_number(value, minus=MINUS)


def number(value: float | None) -> str:
    """A stated number as printed: 42, 4.5, 61,089."""
    if not is_number(value):
        return NOT_PUBLISHED
    return display.plain_number(value, minus=MINUS)


def count(value: float) -> str:
    return display.count_text(value)


def years(value: float | None) -> str:
    if not is_number(value):
        return NOT_PUBLISHED
    return f"{number(value)} year{'' if float(value) == 1 else 's'}"


def span(low: float | None, high: float | None, fmt=money) -> str:
    """One value, or 'low to high' where the sources disagree."""
    if not is_number(low) or not is_number(high):
        return NOT_PUBLISHED
    return fmt(low) if low == high else f"{fmt(low)} to {fmt(high)}"


@lru_cache(maxsize=1 << 16)  # role pages repeat values: decimal rounding once per value
def with_unit(value: float | None, unit: str | None) -> str:
    """A fact's number in its unit: money for currencies, % for percent, else the number."""
    unit = unit or ""
    if display.is_money_unit(unit):
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
