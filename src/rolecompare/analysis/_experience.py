"""Experience: one row per role with its years of experience, years to become one, yearly
salary and salary per year of experience (the midpoint of a conflict range where the sources
disagree, flagged and bounded by `*_low` / `*_high` columns).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from rolecompare.analysis._facts import (
    US_AVERAGE,
    _as_list,
    _check_roles,
    _nan,
    known_roles,
    role_names,
)
from rolecompare.analysis._resolve import _numeric, _point_columns


def experience_table(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_ids: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per role (not us-average): experience, years to become, salary, salary per year.

    salary_yearly is the agreed value or the midpoint of a conflict range (see
    salary_yearly_low/high and salary_conflict); salary_per_experience_year is NaN when the
    experience is 0 or missing.
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
        any_conflict = []
        for metric in (
            "experience_years",
            "experience_min_years",
            "years_to_become_min",
            "years_to_become_max",
        ):
            res = _numeric(facts, conflicts, role_id, metric)
            row[metric] = _nan(res.point if res else None)
            if res is not None and res.conflict:
                any_conflict.append(metric)
        salary = _numeric(facts, conflicts, role_id, "salary_yearly")
        row.update(_point_columns(salary, "salary_yearly"))
        row["salary_conflict"] = bool(salary is not None and salary.conflict)
        experience = row["experience_years"]
        row["salary_per_experience_year"] = (
            row["salary_yearly"] / experience
            if not math.isnan(experience) and experience > 0
            else math.nan
        )
        row["experience_conflicts"] = "; ".join(any_conflict)
        rows.append(row)
    columns = [
        "role_id",
        "role",
        "experience_years",
        "experience_min_years",
        "years_to_become_min",
        "years_to_become_max",
        "salary_yearly",
        "salary_yearly_low",
        "salary_yearly_high",
        "salary_conflict",
        "salary_per_experience_year",
        "experience_conflicts",
    ]
    return pd.DataFrame(rows, columns=columns)
