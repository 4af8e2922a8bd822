"""Arithmetic on numbers as they were printed on the pages.

A page prints 19.8 or 20 and means a value rounded to that many decimals. This module knows
how many decimals a number was printed with, decides whether several printed numbers can be
roundings of one true value (`values_agree`, and `statements_agree` which also reads the
qualifiers "about", "over", "nearly" as in `facts.agreement`), and subtracts without float
noise (`difference`), so that 32.11 - 19.8 is 12.31 and not 12.309999999999999.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal

import numpy as np

from rolecompare.facts.agreement import numbers_agree

_MAX_DECIMALS = 12


def _decimals(value: float) -> int:
    """Decimals in the shortest repr of a float: 19.8 -> 1, 20.0 -> 0, 10.34 -> 2."""
    if not math.isfinite(value):
        return 0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return min(max(0, -int(exponent)), _MAX_DECIMALS)


def _half_unit(value: float) -> Decimal:
    return Decimal(5) * Decimal(10) ** -(_decimals(value) + 1)


def _printed(value: float) -> str:
    """The shortest plain (no exponent) text of a number: 66782.0 -> '66782', 19.8 -> '19.8'."""
    return np.format_float_positional(float(value), trim="-")


def values_agree(values: Iterable[float]) -> bool:
    """Could all these numbers be roundings (as printed) of one true value? 19.8 and 20: yes."""
    bounds = []
    for v in values:
        d = Decimal(repr(float(v)))
        bounds.append((d - _half_unit(v), d + _half_unit(v)))
    return not bounds or max(lo for lo, _ in bounds) < min(hi for _, hi in bounds)


def statements_agree(values: Sequence[float], qualifiers: Sequence[str | None]) -> bool:
    """`values_agree` for statements with qualifiers: "about 52,000" agrees with 51,870."""
    quals = [q or None for q in qualifiers]
    return numbers_agree([_printed(v) for v in values], quals)


def difference(x: float, y: float) -> float:
    """x - y without float noise: rounded to the precision of the inputs (32.11-19.8 = 12.31)."""
    return round(x - y, max(_decimals(x), _decimals(y)))


def percent_of(part: float, base: float) -> float:
    """part as a percent of base; NaN when base is 0."""
    return part / base * 100 if base else math.nan
