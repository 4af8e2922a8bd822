"""When do two statements of one fact agree? Intervals of what a printed number can mean.

A page prints a number rounded ("$19.80", "$20") and sometimes says how exact it is ("about
52,000", "over 2 million", "nearly 3.1 million"). Each statement is read as the interval of
true values it allows:

* exact: the half unit of its last printed digit either side (`19.80` -> 19.795..19.805,
  `47` -> 46.5..47.5);
* `approximate`: the half unit of its last non-zero digit either side (`about 52,000` ->
  51,500..52,500);
* `nearly`: one unit of its last non-zero digit below, up to the number (`nearly 3.1 million`
  -> 3.0..3.1 million);
* `more than` / `at least`: the number and above; `less than` / `at most`: the number and below.

Statements agree when all their intervals overlap (strictly: `47` and `48` do not). Which
statements are compared at all is decided in `comparable_groups`: like with like, i.e. the
same statistic (a mean is never compared with a median) and the same period; a statement that
does not say which statistic (or period) it is is compared with those of the one statistic
(or period) the other statements state, and only among its kind when they state several.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

LOWER_BOUNDS = frozenset({"more than", "at least"})
UPPER_BOUNDS = frozenset({"less than", "at most"})


def _decimals(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


def _last_digit_step(printed: str) -> float:
    """The place value of the last printed digit: `19.80` -> 0.01, `47` -> 1."""
    return 10.0 ** -_decimals(printed)


def _last_nonzero_step(printed: str) -> float:
    """The place value of the last non-zero digit: `52000` -> 1000, `3.10` -> 0.1."""
    digits = printed.lstrip("-")
    if "." in digits:
        whole, frac = digits.split(".")
        frac = frac.rstrip("0")
        if frac:
            return 10.0 ** -len(frac)
        digits = whole
    stripped = digits.rstrip("0")
    if not stripped:  # "0"
        return 1.0
    return 10.0 ** (len(digits) - len(stripped))


def interval(printed: str, qualifier: str | None = None) -> tuple[float, float]:
    """The true values a printed number (with its qualifier) allows, as (low, high)."""
    value = float(printed)
    if qualifier in LOWER_BOUNDS:
        return value, math.inf
    if qualifier in UPPER_BOUNDS:
        return -math.inf, value
    if qualifier == "nearly":
        return value - _last_nonzero_step(printed), value
    if qualifier == "approximate":
        half = _last_nonzero_step(printed) / 2
        return value - half, value + half
    half = _last_digit_step(printed) / 2
    return value - half, value + half


def numbers_agree(printed: Iterable[str], qualifiers: Iterable[str | None] | None = None) -> bool:
    """Could all these printed numbers (with their qualifiers) describe one true value?"""
    printed = list(printed)
    quals = list(qualifiers) if qualifiers is not None else [None] * len(printed)
    bounds = [interval(p, q) for p, q in zip(printed, quals, strict=True)]
    return not bounds or max(lo for lo, _ in bounds) < min(hi for _, hi in bounds)


def effective(stated: Sequence[str | None]) -> list[str]:
    """Each statement's statistic (or period) for comparison: an unstated one takes the only
    one the others state; with several stated, it stays unstated ("")."""
    named = {s for s in stated if s}
    only = next(iter(named)) if len(named) == 1 else ""
    return [s or only for s in stated]


def comparable_groups(
    members: Sequence[T], statistic: Sequence[str | None], period: Sequence[str | None]
) -> dict[tuple[str, str], list[T]]:
    """Statements of one key split into groups compared like with like: (statistic, period)."""
    groups: dict[tuple[str, str], list[T]] = defaultdict(list)
    for member, stat, when in zip(members, effective(statistic), effective(period), strict=True):
        groups[(stat, when)].append(member)
    return dict(groups)
