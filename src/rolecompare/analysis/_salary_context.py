"""The collection around a pair: what a report shows about every role, drawn once per build.

A pair's report places its two roles among all the others (experience against yearly
salary). Drawing every role in every report makes each report cost more the bigger the
collection and makes one role's change anywhere a change of every report. So the collection is
summarised once, in grouped pandas operations (no loop over roles), into a small table that
every report of a build shares:

* **Few roles** (fewer than `EXACT_BELOW` roles with both numbers): every role is one row
  (`kind` "role"), drawn as a grey point with the range its sources state.
* **Many roles**: percentile bands (`kind` "band"): roles are grouped by years of experience,
  neighbouring years pooled until each group holds at least `MIN_BAND_ROLES` roles, and each
  group gives the 10th, 25th, 50th, 75th and 90th percentile of yearly salary. Values are
  rounded to what a figure can show ($100, a tenth of a year).

The US average, which every report compares each role with, is summarised the same way:
`us_average_statements` keeps, for every number the pages state about it, a few statements
per distinct printed value (the most precisely printed first), so the US average resolves to
the same values as from every statement while a report lists a bounded number of sources.

`context_fingerprint` is the hash of a context table exactly as stored (the rounding above
makes it as coarse as the figure). When a build redraws the context is decided by the
build (see `rolecompare.building.shared_context`), not here.
"""

from __future__ import annotations

import hashlib
import io

import numpy as np
import pandas as pd

from rolecompare.analysis._collection import roles_table
from rolecompare.analysis._facts import US_AVERAGE

EXACT_BELOW = 30
"""Below this many roles (with experience and salary) every role is drawn; from it, bands."""
MIN_BAND_ROLES = 40
"""Neighbouring years of experience are pooled until a band holds at least this many roles."""
PERCENTILES = (10, 25, 50, 75, 90)
SALARY_STEP = 100.0  # dollars: finer than a figure can show
EXPERIENCE_STEP = 0.1  # years
US_AVERAGE_PER_VALUE = 3
"""Statements kept per distinct printed value of a US-average number."""

CONTEXT_COLUMNS = [
    "kind",  # "role" or "band"
    "role_id",  # role rows only
    "role",
    "experience",  # a role's years; a band's median years
    "experience_low",  # a band's smallest years (a role: its own)
    "experience_high",
    "n_roles",  # 1 for a role row
    "salary",  # a role's yearly salary (midpoint where the sources disagree)
    "salary_low",  # what the sources state, lowest and highest (role rows)
    "salary_high",
    *(f"p{p}" for p in PERCENTILES),  # band rows: percentiles of the roles' yearly salary
]


def _point(table: pd.DataFrame, metric: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """A metric's single number per role (the agreed value, or the midpoint of a conflict)
    with its low and high; the median figure where a role has only that one."""
    cols = [metric, f"{metric}_median"]
    low = high = None
    for col in cols:
        if f"{col}_low" not in table.columns:
            continue
        lo, hi = table[f"{col}_low"].astype(float), table[f"{col}_high"].astype(float)
        low = lo if low is None else low.fillna(lo)
        high = hi if high is None else high.fillna(hi)
    if low is None or high is None:
        empty = pd.Series(np.nan, index=table.index)
        return empty, empty, empty
    return (low + high) / 2, low, high


def role_points(facts: pd.DataFrame, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per role (not the US average) that publishes both its years of experience and
    its yearly salary: role_id, role, experience, salary, salary_low, salary_high."""
    wanted = ["experience_years", "salary_yearly"]  # resolving only these is ten times faster
    rows = facts[facts["metric"].isin(wanted)]
    listed = None if conflicts is None else conflicts[conflicts["metric"].isin(wanted)]
    table = roles_table(rows, listed)
    experience, _, _ = _point(table, "experience_years")
    salary, low, high = _point(table, "salary_yearly")
    out = pd.DataFrame(
        {
            "role_id": table["role_id"].astype(str),
            "role": table["role"].astype(str),
            "experience": experience,
            "salary": salary,
            "salary_low": low,
            "salary_high": high,
        }
    )
    keep = (out["role_id"] != US_AVERAGE) & out["experience"].notna() & out["salary"].notna()
    return out[keep].sort_values("role_id", kind="stable").reset_index(drop=True)


def _bands(points: pd.DataFrame, min_roles: int) -> pd.Series:
    """Band number of every role: distinct years in order, pooled until each band is big
    enough (a loop over distinct years, at most a few dozen, never over roles)."""
    counts = points["experience"].value_counts().sort_index()
    band_of: dict[float, int] = {}
    band, filled = 0, 0
    for years, n in counts.items():
        band_of[float(years)] = band
        filled += int(n)
        if filled >= min_roles:
            band, filled = band + 1, 0
    if 0 < filled < min_roles and band > 0:  # a small last group joins the one before
        band_of = {y: (b - 1 if b == band else b) for y, b in band_of.items()}
    return points["experience"].map(band_of)


SMOOTHING = 0.05  # each percentile is the mean of the quantiles within +-5 points of it
_OFFSETS = np.linspace(-SMOOTHING, SMOOTHING, 11)


def _smoothed_percentiles(salaries) -> pd.DataFrame:
    """Per band, each of PERCENTILES as the mean of the quantiles around it (p10: the mean
    of the 5th to 15th percentile). One role moving then shifts a band's edge by about one
    average gap between neighbouring salaries, not by the largest gap: the bands stay put
    when one role of many changes."""
    levels = sorted({round(p / 100 + o, 4) for p in PERCENTILES for o in _OFFSETS})
    table = salaries.quantile(levels).unstack()
    out = pd.DataFrame(index=table.index)
    for p in PERCENTILES:
        near = [round(p / 100 + o, 4) for o in _OFFSETS]
        out[f"p{p}"] = table[near].mean(axis=1)
    return out


def _round(series: pd.Series, step: float) -> pd.Series:
    return (series / step).round() * step


def salary_context(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None = None,
    *,
    exact_below: int = EXACT_BELOW,
    min_band_roles: int = MIN_BAND_ROLES,
) -> pd.DataFrame:
    """The collection's experience and yearly salary as a report draws it (module docstring):
    every role when there are fewer than `exact_below`, percentile bands otherwise."""
    points = role_points(facts, conflicts)
    if len(points) < exact_below:
        out = points.assign(
            kind="role",
            experience_low=points["experience"],
            experience_high=points["experience"],
            n_roles=1,
        )
    else:
        points = points.assign(band=_bands(points, min_band_roles))
        grouped = points.groupby("band", sort=True)
        quantiles = _smoothed_percentiles(grouped["salary"])
        out = pd.DataFrame(
            {
                "kind": "band",
                "experience": grouped["experience"].median(),
                "experience_low": grouped["experience"].min(),
                "experience_high": grouped["experience"].max(),
                "n_roles": grouped.size(),
            }
        ).join(quantiles)
        for p in PERCENTILES:
            out[f"p{p}"] = _round(out[f"p{p}"], SALARY_STEP)
    for column in ("salary", "salary_low", "salary_high"):
        if column in out.columns:
            out[column] = _round(out[column].astype(float), 1.0)
    for column in ("experience", "experience_low", "experience_high"):
        out[column] = _round(out[column].astype(float), EXPERIENCE_STEP)
    out = out.reindex(columns=CONTEXT_COLUMNS).reset_index(drop=True)
    out["n_roles"] = out["n_roles"].astype("int64")
    return out


def context_fingerprint(context: pd.DataFrame, *more: pd.DataFrame) -> str:
    """sha256 of the context table as stored (CSV, fixed column order), and of any more
    tables that belong to it (the US average's rows)."""
    digest = hashlib.sha256()
    for frame in (context.reindex(columns=CONTEXT_COLUMNS), *more):
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
        digest.update(buffer.getvalue().encode())
    return digest.hexdigest()


def us_average_statements(facts: pd.DataFrame, per_value: int = US_AVERAGE_PER_VALUE) -> pd.Series:
    """Which facts rows of the US average a report carries (a boolean mask over `facts`).

    For every (metric, category, statistic, unit, qualifier, value as printed), the first
    `per_value` statements by source and line: every distinct statement survives, so the
    numbers resolve exactly as from all of them, while a report lists at most `per_value`
    sources for each (however many pages repeat the US average). Text facts likewise by
    their text.
    """
    us = facts["role_id"] == US_AVERAGE
    if not us.any():
        return us
    rows = facts.loc[us]
    keys = ["metric", "category", "statistic", "unit", "qualifier", "value", "text"]
    keys = [k for k in keys if k in rows.columns]
    line = pd.to_numeric(rows["line"], errors="coerce")
    order = rows.assign(_line=line).sort_values(["source", "_line"], kind="stable")
    rank = order.groupby(keys, dropna=False, sort=False).cumcount()
    keep = pd.Series(False, index=facts.index)
    keep.loc[rank.index[rank.to_numpy() < per_value]] = True
    return keep
