"""Amounts in the report's sentences: stated values as printed, with qualifier, statistic,
period and citations; computed ones rounded by `rolecompare.core.display` (one rule for
every display).

Stated numbers are shown as the page printed them (`$66,782`, `61.8%`, `8%`, `4 years`) with
the page's qualifier (`about $52,000`) and, where it matters, its statistic and period.
Numbers this report computes (differences, shares of a range, indexes) are marked with
`DERIVED` ("†"), wherever they appear: money in whole dollars (cents for hourly pay), percents
and percentage points with one decimal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from rolecompare.core import display
from rolecompare.reporting.evidence import Evidence, Statement
from rolecompare.reporting.narrative.names import QUALIFIER_WORDS, statistic_word

DERIVED = "†"
DASH = "–"  # en dash, for ranges


def missing(value: object) -> bool:
    """None, NaN and pd.NA are missing."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_money(value: float, unit: str | None = "USD/year") -> str:
    """A stated amount as printed: $25,601, $12.31; cents only when they are not zero."""
    if (unit or "USD/year").partition("/")[2].strip() == "hour":
        return display.money_text(value, unit)
    return display.money_as_printed(value, unit)


def format_percent(value: float) -> str:
    """62.2%, 8% (one decimal, no trailing .0, no sign): a computed percent."""
    return display.percent_text(abs(float(value)))


def format_pp(value: float) -> str:
    """'0.1 percentage points', '8 percentage points' (no sign)."""
    return display.points_text(abs(float(value)))


def computed_money(value: float, unit: str | None = "USD/year") -> str:
    """A computed amount, rounded once for every display: whole units a year, cents an
    hour; no sign."""
    return display.money_text(abs(float(value)), unit)


def computed_years(value: float) -> str:
    """A computed number of years without its unit: '5', '4.5'."""
    return display.years_number(abs(float(value)))


def format_number(value: float) -> str:
    """42, 4.5, 61,089: as printed, no trailing zeros."""
    return display.plain_number(value)


def format_value(value: float, unit: str | None) -> str:
    """A stated value with its unit: $66,782, $32.11, 61.8%, 4 years, 313,110, 8.0."""
    unit = unit or ""
    if display.is_money_unit(unit):
        if float(value).is_integer():  # as printed: "$20 per hour" has no cents
            return format_money(value, unit.split("/")[0] + "/year")
        return format_money(value, unit)
    if unit == "percent":
        return f"{format_number(value)}%"
    if unit in {"years", "months"}:
        word = unit[:-1] if float(value) == 1 else unit
        return f"{format_number(value)} {word}"
    if unit == "score":
        return f"{float(value):.1f}"
    return format_number(value)


def span(low: float, high: float, fmt) -> str:
    """'$17,732–$25,601' (or one value when both ends are equal)."""
    if low == high:
        return fmt(low)
    return f"{fmt(low)}{DASH}{fmt(high)}"


def percent_span(low: float, high: float) -> str:
    """'43.1–62.2%' (rounded as `format_percent`, no sign), one percent sign for the pair."""
    lo, hi = sorted((abs(low), abs(high)))
    lo_text, hi_text = format_percent(lo), format_percent(hi)
    if lo_text == hi_text:
        return lo_text
    return f"{lo_text[:-1]}{DASH}{hi_text}"


def points_span(low: float, high: float) -> str:
    """'0.1† percentage points', '5–6.5† percentage points' (no sign), marked as computed."""
    lo, hi = sorted((abs(low), abs(high)))
    lo_text, hi_text = format_pp(lo), format_pp(hi)
    number = lo_text.split(" ")[0]
    if lo_text != hi_text:
        number = f"{number}{DASH}{hi_text.split(' ')[0]}"
    return f"{derived(number)} {hi_text.split(' ', 1)[1]}"


def derived(text: str) -> str:
    """A computed number, marked as such: '$25,601†'."""
    return f"{text}{DERIVED}"


def statement_value(s: Statement, *, statistic: bool = False, period: bool = True) -> str:
    """The statement as the page states it: 'about $52,000', 'Bachelor's Degree, 57%',
    '$58,913 (median, 2022)'. Text only for text statements."""
    if s.value is not None and not math.isnan(s.value):
        number = format_value(s.value, s.unit)
        words = QUALIFIER_WORDS.get(s.qualifier or "", s.qualifier or "")
        number = f"{words} {number}" if words else number
        shown = f"{s.text}, {number}" if s.text and s.metric not in _TEXT_IS_NOTE else number
    else:
        shown = s.text or ""
    notes = []
    if statistic and s.statistic:
        notes.append(statistic_word(s.statistic))
    if period and s.period:
        notes.append(s.period)
    if s.metric in _TEXT_IS_NOTE and s.text and s.value is not None:
        notes.append(s.text)
    return f"{shown} ({', '.join(notes)})" if notes else shown


# metrics whose text is a note beside the number (who projects growth, the word of a score)
_TEXT_IS_NOTE = {"growth_projected", "score_stress", "score_complexity", "score_work_life"}


def cited(ev: Evidence | None, statements: Sequence[Statement], **kw) -> str:
    """'$58,913 [3] or $66,782 [1, 2]': each distinct statement with its sources."""
    parts = []
    for s in statements:
        text = statement_value(s, **kw)
        cite = ev.cite(s.refs) if ev is not None else ""
        parts.append(f"{text} {cite}" if cite else text)
    return " or ".join(dict.fromkeys(parts))


def cite_refs(ev: Evidence | None, refs) -> str:
    """' [1, 2]' (with the leading space) or ''."""
    if ev is None:
        return ""
    text = ev.cite(refs)
    return f" {text}" if text else ""
