"""Pay: salary gaps between two roles, salary ranges and their overlap, the comparison with
the US average, and the highest paying places, companies and industries.

Where a salary is stated differently by different sources every combination of the stated
values is computed and the results are reported as low/high bounds (with a `conflict` flag);
a single gap or percent is given only when it does not depend on the source.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from rolecompare.analysis._facts import (
    US_AVERAGE,
    _as_list,
    _check_roles,
    _is_missing,
    known_roles,
    role_names,
)
from rolecompare.analysis._numbers import difference, percent_of
from rolecompare.analysis._resolve import (
    Resolved,
    _numeric,
    _point_columns,
    _texts_cell,
    resolve,
)

TOP_PAYING_METRICS = {
    "top_city": "Highest paying city",
    "top_state": "Highest paying state",
    "top_company": "Best paying company",
    "top_industry": "Best paying industry",
}


@dataclass(frozen=True)
class PayGap:
    """role_a's pay minus role_b's, with the percent stated against the lower-paid role.

    With conflicting salaries every combination of stated values is computed: `gap_low` /
    `gap_high` and `percent_low` / `percent_high` bound the result; `a` and `b` keep the values
    and their sources. Gaps and percents are signed (negative when role_b earns more).
    """

    role_a: str
    role_b: str
    metric: str
    unit: str | None
    a: Resolved
    b: Resolved
    gap_low: float
    gap_high: float
    percent_low: float
    percent_high: float
    higher: str | None  # role paid more under every combination of sources; None if it depends
    lower: str | None

    @property
    def conflict(self) -> bool:
        """True when either salary has several stated values."""
        return len(self.a.values) > 1 or len(self.b.values) > 1

    @property
    def gap(self) -> float | None:
        """The single gap (a - b), or None when it depends on the source."""
        return self.gap_low if self.gap_low == self.gap_high else None

    @property
    def percent(self) -> float | None:
        """The single percent gap (of the lower-paid role); None when it depends on the source."""
        return self.percent_low if self.gap is not None else None

    @property
    def base(self) -> str | None:
        """The role whose pay the percent is a share of (the lower-paid one)."""
        return self.lower

    @property
    def sources(self) -> tuple[str, ...]:
        return self.a.sources + self.b.sources


def pay_gap(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    metric: str = "salary_yearly",
) -> PayGap | None:
    """How much more role_a earns than role_b (yearly by default); None if either lacks it."""
    _check_roles(facts, [role_a, role_b])
    a = _numeric(facts, conflicts, role_a, metric)
    b = _numeric(facts, conflicts, role_b, metric)
    if a is None or b is None:
        return None
    combos = list(itertools.product(a.values, b.values))
    gaps = [difference(va, vb) for va, vb in combos]
    percents = [percent_of(difference(va, vb), min(va, vb)) for va, vb in combos]
    if all(g > 0 for g in gaps):
        higher, lower = role_a, role_b
    elif all(g < 0 for g in gaps):
        higher, lower = role_b, role_a
    else:
        higher = lower = None
    return PayGap(
        role_a=role_a,
        role_b=role_b,
        metric=metric,
        unit=a.unit or b.unit,
        a=a,
        b=b,
        gap_low=min(gaps),
        gap_high=max(gaps),
        percent_low=min(percents),
        percent_high=max(percents),
        higher=higher,
        lower=lower,
    )


def salary_ranges(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, roles: str | Iterable[str]
) -> pd.DataFrame:
    """One row per role: salary_min, salary_max, salary_yearly (+ low/high and conflicts)."""
    roles = _as_list(roles)
    _check_roles(facts, roles)
    names = role_names(facts)
    rows = []
    for role_id in roles:
        row: dict[str, Any] = {"role_id": role_id, "role": names.get(role_id, role_id)}
        in_conflict = []
        for metric in ("salary_min", "salary_max", "salary_yearly"):
            res = _numeric(facts, conflicts, role_id, metric)
            row.update(_point_columns(res, metric))
            if res is not None and res.conflict:
                in_conflict.append(metric)
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


def versus_us_average(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    roles: str | Iterable[str],
    metric: str = "salary_yearly",
) -> pd.DataFrame:
    """Each role's value vs the `us-average` role: difference and percent of the US average.

    Empty when there is no US average for the metric. `difference` / `percent` are NaN when a
    value is in conflict; `*_low` / `*_high` always bound them.
    """
    roles = [r for r in _as_list(roles) if r != US_AVERAGE]
    _check_roles(facts, roles)
    columns = [
        "role_id",
        "role",
        "metric",
        "unit",
        "value",
        "us_average",
        "difference",
        "percent",
        "difference_low",
        "difference_high",
        "percent_low",
        "percent_high",
        "conflict",
        "sources",
    ]
    if US_AVERAGE not in set(known_roles(facts)):
        return pd.DataFrame(columns=columns)
    us = _numeric(facts, conflicts, US_AVERAGE, metric)
    if us is None:
        return pd.DataFrame(columns=columns)
    names = role_names(facts)
    rows = []
    for role_id in roles:
        res = _numeric(facts, conflicts, role_id, metric)
        if res is None:
            continue
        combos = list(itertools.product(res.values, us.values))
        diffs = [difference(v, u) for v, u in combos]
        pcts = [percent_of(difference(v, u), u) for v, u in combos]
        single = len(combos) == 1
        rows.append(
            {
                "role_id": role_id,
                "role": names.get(role_id, role_id),
                "metric": metric,
                "unit": res.unit,
                "value": res.point,
                "us_average": us.point,
                "difference": diffs[0] if single else math.nan,
                "percent": pcts[0] if single else math.nan,
                "difference_low": min(diffs),
                "difference_high": max(diffs),
                "percent_low": min(pcts),
                "percent_high": max(pcts),
                "conflict": not single,
                "sources": "; ".join(res.sources + us.sources),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def top_paying(facts: pd.DataFrame, role_a: str, role_b: str) -> pd.DataFrame:
    """Side by side: highest paying city, state, company and industry of the two roles.

    Columns: metric, label, text_a, text_b, sources_a, sources_b (several different texts
    for one role are joined with ' / '). `frame.attrs['roles']` is (role_a, role_b).
    """
    _check_roles(facts, [role_a, role_b])
    rows = []
    for metric, label in TOP_PAYING_METRICS.items():
        ra = resolve(facts, None, role_a, metric)
        rb = resolve(facts, None, role_b, metric)
        rows.append(
            {
                "metric": metric,
                "label": label,
                "text_a": _texts_cell(ra),
                "text_b": _texts_cell(rb),
                "sources_a": "; ".join(ra.sources) if ra else None,
                "sources_b": "; ".join(rb.sources) if rb else None,
            }
        )
    frame = pd.DataFrame(rows)
    frame.attrs["roles"] = (role_a, role_b)
    return frame
