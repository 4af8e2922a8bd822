"""Pay: salary gaps between two roles (like with like), the comparison with the US average,
and the highest paying places, companies and industries (ranges and overlaps: `_ranges`).

Where a salary is stated differently by different sources every combination of the stated
values is computed and the results are reported as low/high bounds (with a `conflict` flag);
a single gap or percent is given only when it does not depend on the source.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from rolecompare.analysis._cells import _texts_cell, _value_columns
from rolecompare.analysis._facts import (
    US_AVERAGE,
    _as_list,
    _check_roles,
    known_roles,
)
from rolecompare.analysis._like import LikePair, like_pairs
from rolecompare.analysis._numbers import difference, percent_of
from rolecompare.analysis._resolve import (
    Resolved,
    resolve,
)
from rolecompare.core.roles import role_names

TOP_PAYING_METRICS = {
    "top_city": "Highest paying city",
    "top_state": "Highest paying state",
    "top_company": "Best paying company",
    "top_industry": "Best paying industry",
}


@dataclass(frozen=True, repr=False)
class PayGap:
    """role_a's pay minus role_b's (one statistic: a median with a median), with the percent
    stated against the lower-paid role. Every number here is DERIVED (no page states it).

    With conflicting salaries every combination of stated values is computed: `gap_low` /
    `gap_high` and `percent_low` / `percent_high` bound the result; `a` and `b` keep the values
    and their sources. Gaps and percents are signed (negative when role_b earns more).
    `statistic` is what both sides are ("mean", "median", or "" when neither says);
    `approximate` is True when either side's value is approximate or a bound ("about",
    "over"), so the gap is approximate too; `periods` are the periods either side states.
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
    statistic: str = ""
    approximate: bool = False
    periods: tuple[str, ...] = ()

    @property
    def conflict(self) -> bool:
        """True when either salary has several stated values."""
        return len(self.a.values) > 1 or len(self.b.values) > 1

    @property
    def equal(self) -> bool:
        """True when both roles earn the same under every combination of sources."""
        return self.gap_low == self.gap_high == 0

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

    def __repr__(self) -> str:
        unit = self.unit or ""
        gap = (
            f"{self.gap:+,g} {unit}"
            if self.gap is not None
            else f"{self.gap_low:+,g} to {self.gap_high:+,g} {unit} (sources disagree)"
        )
        percent = (
            f"{self.percent:+.1f}%"
            if self.percent is not None
            else f"{self.percent_low:+.1f}% to {self.percent_high:+.1f}%"
        )
        base = f" of {self.base}" if self.base else ""
        stat = f" {self.statistic}" if self.statistic else ""
        approx = ", approximate" if self.approximate else ""
        return (
            f"<PayGap {self.metric}{stat}: {self.role_a} minus {self.role_b} = {gap}, "
            f"{percent}{base}{approx}>"
        )


def _gap(pair: LikePair, role_a: str, role_b: str, metric: str) -> PayGap:
    a, b = pair.a, pair.b
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
        statistic=pair.statistic,
        approximate=a.approximate or b.approximate,
        periods=tuple(dict.fromkeys(a.periods + b.periods)),
    )


def pay_gaps(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    metric: str = "salary_yearly",
) -> list[PayGap]:
    """One gap per statistic both roles state (mean with mean, median with median; a salary
    whose page does not say is compared with the one statistic the other side states), in
    the order mean, median, unstated. Empty when either lacks the metric or the two share no
    statistic (then `unlike_statistics` says which each states)."""
    pairs = like_pairs(facts, conflicts, role_a, role_b, metric)
    return [_gap(pair, role_a, role_b, metric) for pair in pairs]


def pay_gap(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    metric: str = "salary_yearly",
    *,
    statistic: str | None = None,
) -> PayGap | None:
    """How much more role_a earns than role_b (yearly by default); None if not comparable.

    The gap of `statistic` when given; otherwise the first of `pay_gaps` -- the averages
    where both roles state one, else the medians, else figures whose pages do not say. None
    when either lacks the metric or they share no statistic (see `unlike_statistics`).
    """
    gaps = pay_gaps(facts, conflicts, role_a, role_b, metric)
    if statistic is not None:
        gaps = [g for g in gaps if g.statistic == statistic]
    return gaps[0] if gaps else None


US_AVERAGE_COLUMNS = [
    "role_id",
    "role",
    "metric",
    "statistic",
    "unit",
    "value",
    "us_average",
    "difference",
    "percent",
    "value_low",
    "value_high",
    "us_average_low",
    "us_average_high",
    "difference_low",
    "difference_high",
    "percent_low",
    "percent_high",
    "conflict",
    "approximate",
    "periods",
    "sources",
]


def versus_us_average(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    roles: str | Iterable[str],
    metric: str = "salary_yearly",
) -> pd.DataFrame:
    """Each role's value vs the `us-average` role, like with like: difference and percent of
    the US average (both DERIVED), one row per statistic the role and the US average share.

    `value` and `us_average` are the stated values (NaN where the sources disagree: see
    `*_low` / `*_high`); `difference` / `percent` are NaN when they depend on the source, and
    `difference_low` / `difference_high`, `percent_low` / `percent_high` always bound them.
    Empty when there is no US average for the metric; a role whose statistic differs from
    the US average's has no row (`unlike_statistics(facts, conflicts, role, "us-average")`).
    """
    roles = [r for r in _as_list(roles) if r != US_AVERAGE]
    _check_roles(facts, roles)
    if US_AVERAGE not in set(known_roles(facts)):
        return pd.DataFrame(columns=US_AVERAGE_COLUMNS)
    names = role_names(facts)
    rows = []
    for role_id in roles:
        for pair in like_pairs(facts, conflicts, role_id, US_AVERAGE, metric):
            res, us = pair.a, pair.b
            combos = list(itertools.product(res.values, us.values))
            diffs = [difference(v, u) for v, u in combos]
            pcts = [percent_of(difference(v, u), u) for v, u in combos]
            single = len(combos) == 1
            rows.append(
                {
                    "role_id": role_id,
                    "role": names.get(role_id, role_id),
                    "metric": metric,
                    "statistic": pair.statistic,
                    "unit": res.unit,
                    **_value_columns(res, "value"),
                    **_value_columns(us, "us_average"),
                    "difference": diffs[0] if single else math.nan,
                    "percent": pcts[0] if single else math.nan,
                    "difference_low": min(diffs),
                    "difference_high": max(diffs),
                    "percent_low": min(pcts),
                    "percent_high": max(pcts),
                    "conflict": not single,
                    "approximate": res.approximate or us.approximate,
                    "periods": "; ".join(dict.fromkeys(res.periods + us.periods)),
                    "sources": "; ".join(res.sources + us.sources),
                }
            )
    frame = pd.DataFrame(rows, columns=US_AVERAGE_COLUMNS)
    frame.attrs["derived"] = DERIVED_US_AVERAGE_COLUMNS
    return frame


DERIVED_US_AVERAGE_COLUMNS = (
    "difference",
    "percent",
    "difference_low",
    "difference_high",
    "percent_low",
    "percent_high",
)


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
