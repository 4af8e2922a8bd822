"""Table cells of statements: one line per distinct statement, with where it comes from.

Shared by the glance table (`$66,782 [1, 2]`) and the appendix (`$66,782: [1] 7, 10, 22`).
A statistic all of a row's statements name goes into the row's label ("Yearly salary
(average)"); only when they name several does each line say its own. Statements that then
read the same are one line with all their sources.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rolecompare.reporting.evidence import Statement
from rolecompare.reporting.narrative import format_number, format_value, statement_value
from rolecompare.reporting.narrative.amounts import DASH
from rolecompare.reporting.narrative.names import statistic_word

Refs = list[tuple[str, int]]


def row_statistic(statements: Sequence[Statement]) -> tuple[str, bool]:
    """(word for the row's label, whether each line must name its statistic)."""
    named = {s.statistic for s in statements if s.statistic}
    if len(named) == 1:
        return statistic_word(named.pop()), False
    return "", len(named) > 1


def lines(
    statements: Sequence[Statement],
    where: Callable[[Refs], str],
    *,
    per_line_statistic: bool = False,
    with_category: bool = False,
    sep: str = " ",
) -> list[str]:
    """'<value><sep><where>' per distinct statement as shown (sources merged)."""
    by_text: dict[str, Refs] = {}
    for s in statements:
        text = statement_value(s, statistic=per_line_statistic)
        if with_category and s.category:
            text = f"{s.category} {text}" if s.value is not None else f"{s.category}: {text}"
        by_text.setdefault(text, []).extend(s.refs)
    out = []
    for text, refs in by_text.items():
        place = where(sorted(set(refs)))
        out.append(f"{text}{sep}{place}" if place else text)
    return out


def range_lines(
    lows: Sequence[Statement], highs: Sequence[Statement], where: Callable[[Refs], str]
) -> list[str]:
    """'$42,000–$104,000 [1, 2]', '2–4 years [1, 2]' when each end is stated once; else one
    line per end ('from …', 'to …')."""
    low_values = {(s.value, s.unit) for s in lows if s.value is not None}
    high_values = {(s.value, s.unit) for s in highs if s.value is not None}
    if len(low_values) == 1 and len(high_values) == 1 and not any(s.qualifier for s in lows):
        (lo, lo_unit), (hi, hi_unit) = low_values.pop(), high_values.pop()
        refs = sorted({ref for s in (*lows, *highs) for ref in s.refs})
        if lo_unit == hi_unit and lo_unit in {"years", "months"}:
            text = f"{format_number(lo)}{DASH}{format_value(hi, hi_unit)}"
        else:
            text = f"{format_value(lo, lo_unit)}{DASH}{format_value(hi, hi_unit)}"
        place = where(refs)
        return [f"{text} {place}" if place else text]
    return [f"from {line}" for line in lines(lows, where)] + [
        f"to {line}" for line in lines(highs, where)
    ]
