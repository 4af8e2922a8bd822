"""Experience: one row per role with its years of experience, years to become one, yearly
salary and salary per year of experience.

Stated values only: where the sources disagree the plain column is NaN and `*_low` /
`*_high` hold the smallest and largest statement. Figures that need one position per role
get `*_midpoint` columns, DERIVED (no page states them) and named so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from rolecompare.analysis._cells import _numeric, _value_columns
from rolecompare.analysis._facts import (
    US_AVERAGE,
    _as_list,
    _check_roles,
    known_roles,
)
from rolecompare.analysis._resolve import Resolved
from rolecompare.core.roles import role_names

EXPERIENCE_METRICS = (
    "experience_years",
    "experience_min_years",
    "years_to_become_min",
    "years_to_become_max",
)

EXPERIENCE_COLUMNS = [
    "role_id",
    "role",
    "experience_years",
    "experience_min_years",
    "years_to_become_min",
    "years_to_become_max",
    "salary_yearly",
    "salary_yearly_low",
    "salary_yearly_high",
    "salary_yearly_statistic",
    "salary_conflict",
    "salary_per_experience_year",
    "salary_per_experience_year_low",
    "salary_per_experience_year_high",
    "experience_conflicts",
    "experience_years_low",
    "experience_years_high",
    "salary_yearly_midpoint",
    "experience_years_midpoint",
]

DERIVED_EXPERIENCE_COLUMNS = (
    "salary_per_experience_year",
    "salary_per_experience_year_low",
    "salary_per_experience_year_high",
    "salary_yearly_midpoint",
    "experience_years_midpoint",
)


def _midpoint(res: Resolved | None) -> float:
    return math.nan if res is None or res.point is None else res.point


def _per_year(salary: Resolved | None, experience: Resolved | None) -> dict[str, float]:
    """Salary per year of experience over every combination of stated values (NaN when the
    experience is 0 or missing)."""
    nan = {"": math.nan, "_low": math.nan, "_high": math.nan}
    if salary is None or experience is None or any(e <= 0 for e in experience.values):
        return nan
    ratios = [s / e for s in salary.values for e in experience.values]
    single = len(ratios) == 1
    return {"": ratios[0] if single else math.nan, "_low": min(ratios), "_high": max(ratios)}


def experience_table(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_ids: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per role (not us-average): experience, years to become, salary, salary per year.

    Every plain column is a stated value, NaN where the sources disagree (`salary_yearly_low`
    / `_high`, `experience_years_low` / `_high` bound it; `salary_conflict` and
    `experience_conflicts` say so). `salary_per_experience_year` (DERIVED) is NaN when the
    experience is 0 or missing or the result depends on the source (its `_low` / `_high`
    bound it). `salary_yearly_midpoint` and `experience_years_midpoint` are DERIVED positions
    for a figure: the value, or the midpoint of the disagreeing ones.
    `frame.attrs['derived']` lists the derived columns.
    """
    if role_ids is None:
        roles = [r for r in known_roles(facts) if r != US_AVERAGE]
    else:
        roles = [r for r in _as_list(role_ids) if r != US_AVERAGE]
        _check_roles(facts, roles)
    names = role_names(facts)
    rows = []
    for role_id in roles:
        row: dict[str, Any] = {"role_id": role_id, "role": names.get(role_id, role_id)}
        in_conflict = []
        found = {}
        for metric in EXPERIENCE_METRICS:
            found[metric] = res = _numeric(facts, conflicts, role_id, metric)
            row.update(_value_columns(res, metric))
            if res is not None and res.conflict:
                in_conflict.append(metric)
        salary = _numeric(facts, conflicts, role_id, "salary_yearly")
        row.update(_value_columns(salary, "salary_yearly"))
        row["salary_yearly_statistic"] = salary.statistic if salary is not None else None
        row["salary_conflict"] = bool(salary is not None and salary.conflict)
        per_year = _per_year(salary, found["experience_years"])
        for suffix, value in per_year.items():
            row[f"salary_per_experience_year{suffix}"] = value
        row["experience_conflicts"] = "; ".join(in_conflict)
        row["salary_yearly_midpoint"] = _midpoint(salary)
        row["experience_years_midpoint"] = _midpoint(found["experience_years"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=EXPERIENCE_COLUMNS)
    frame.attrs["derived"] = DERIVED_EXPERIENCE_COLUMNS
    return frame
