"""Salary ranges: each role's published low and high (and yearly salary) as stated, and
how far two roles' ranges overlap.

Where a bound is stated differently by different sources the table keeps both (`*_low`,
`*_high`, no midpoint) and the overlap uses the widest stated range, flagged `conflict`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from rolecompare.analysis._cells import _numeric, _value_columns
from rolecompare.analysis._facts import _as_list, _check_roles, _is_missing
from rolecompare.analysis._numbers import difference, percent_of
from rolecompare.core.roles import role_names


def salary_ranges(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, roles: str | Iterable[str]
) -> pd.DataFrame:
    """One row per role: salary_min, salary_max and salary_yearly as stated.

    Each has `<metric>` (the agreed value; NaN where the sources disagree -- no midpoint),
    `<metric>_low` and `<metric>_high` (equal to it when they agree); `conflicts` names the
    metrics whose sources disagree, `salary_yearly_statistic` what the yearly salary is
    ("mean", "median" or "" when the page does not say; the average where a role states both).
    """
    roles = _as_list(roles)
    _check_roles(facts, roles)
    names = role_names(facts)
    rows = []
    for role_id in roles:
        row: dict[str, Any] = {"role_id": role_id, "role": names.get(role_id, role_id)}
        in_conflict = []
        for metric in ("salary_min", "salary_max", "salary_yearly"):
            res = _numeric(facts, conflicts, role_id, metric)
            row.update(_value_columns(res, metric))
            if res is not None and res.conflict:
                in_conflict.append(metric)
            if metric == "salary_yearly":
                row["salary_yearly_statistic"] = res.statistic if res is not None else None
        row["conflicts"] = "; ".join(in_conflict)
        rows.append(row)
    columns = ["role_id", "role", "salary_min", "salary_max", "salary_yearly"]
    extra = [
        "salary_yearly_low",
        "salary_yearly_high",
        "salary_min_low",
        "salary_min_high",
        "salary_max_low",
        "salary_max_high",
        "salary_yearly_statistic",
        "conflicts",
    ]
    return pd.DataFrame(rows, columns=columns + extra)


@dataclass(frozen=True)
class Overlap:
    """Overlap of two ranges: amount (0 if disjoint) and its share of each range in percent."""

    a_min: float
    a_max: float
    b_min: float
    b_max: float
    amount: float
    low: float | None  # overlap bounds; None when the ranges are disjoint
    high: float | None
    percent_of_a: float
    percent_of_b: float
    distance: float  # gap between the ranges when disjoint, else 0
    role_a: str | None = None
    role_b: str | None = None
    conflict: bool = False  # a bound was stated differently by different sources
    sources: tuple[str, ...] = ()

    @property
    def overlaps(self) -> bool:
        return self.amount > 0


def range_overlap(
    a_min: float | None,
    a_max: float | None,
    b_min: float | None,
    b_max: float | None,
) -> Overlap | None:
    """Overlap of [a_min, a_max] and [b_min, b_max]; None if a bound is missing."""
    bounds = (a_min, a_max, b_min, b_max)
    if any(_is_missing(x) for x in bounds):
        return None
    a_min, a_max, b_min, b_max = (float(x) for x in bounds)
    if a_min > a_max or b_min > b_max:
        raise ValueError(f"range bounds out of order: {a_min}-{a_max} vs {b_min}-{b_max}")
    low, high = max(a_min, b_min), min(a_max, b_max)
    amount = max(0.0, difference(high, low))
    return Overlap(
        a_min=a_min,
        a_max=a_max,
        b_min=b_min,
        b_max=b_max,
        amount=amount,
        low=low if high >= low else None,
        high=high if high >= low else None,
        percent_of_a=percent_of(amount, a_max - a_min),
        percent_of_b=percent_of(amount, b_max - b_min),
        distance=max(0.0, difference(low, high)),
    )


def salary_overlap(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> Overlap | None:
    """Overlap of the two roles' published salary ranges (salary_min..salary_max).

    If a bound is stated differently by different sources the widest stated range is used
    and `conflict` is set.
    """
    _check_roles(facts, [role_a, role_b])
    found = {}
    for role_id in (role_a, role_b):
        lo = _numeric(facts, conflicts, role_id, "salary_min")
        hi = _numeric(facts, conflicts, role_id, "salary_max")
        if lo is None or hi is None:
            return None
        found[role_id] = (lo, hi)
    (alo, ahi), (blo, bhi) = found[role_a], found[role_b]
    if alo.low > ahi.high or blo.low > bhi.high:
        return None
    base = range_overlap(alo.low, ahi.high, blo.low, bhi.high)
    if base is None:
        return None
    parts = (alo, ahi, blo, bhi)
    return Overlap(
        **{
            **asdict(base),
            "role_a": role_a,
            "role_b": role_b,
            "conflict": any(p.conflict for p in parts),
            "sources": tuple(s for p in parts for s in p.sources),
        }
    )
