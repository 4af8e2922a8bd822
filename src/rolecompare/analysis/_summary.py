"""The summary of a pair of roles and the report appendix.

`pair_summary` gathers the key numbers of a pair (pay gaps, salary overlap, dissimilarity,
demographic and experience differences, shared skills, number of conflicts) from the other
modules of the package into a `PairSummary`, which flattens to one row of an index of all
pairs. `facts_used` and `conflicts_for` select the facts and conflict rows about the roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rolecompare.analysis._cells import _numeric
from rolecompare.analysis._demographics import demographics_summary, dissimilarity
from rolecompare.analysis._education import shared_skills
from rolecompare.analysis._facts import (
    CONFLICT_COLUMNS,
    US_AVERAGE,
    _as_list,
    _check_roles,
    _is_missing,
)
from rolecompare.analysis._like import UnlikeStatistics, unlike_statistics
from rolecompare.analysis._numbers import difference
from rolecompare.analysis._pay import PayGap, pay_gap
from rolecompare.analysis._ranges import Overlap, salary_overlap
from rolecompare.core.roles import role_names


@dataclass(frozen=True, repr=False)
class PairSummary:
    """Key numbers of one pair of roles (None where a role lacks the data).

    Every number here is DERIVED from stated values (differences, gaps, indices). `yearly` /
    `hourly` compare like with like (see `pay_gap`); when the two roles state the salary only
    as unlike statistics (one a median, the other an average) the gap is None and
    `yearly_unlike` / `hourly_unlike` say what each states. Round for display with the
    helpers of `rolecompare.analysis` (`money_text`, `points_text`, `years_text`...).
    """

    role_a: str
    role_b: str
    name_a: str
    name_b: str
    yearly: PayGap | None
    hourly: PayGap | None
    salary_overlap: Overlap | None
    race_dissimilarity: float | None
    gender_dissimilarity: float | None
    age_difference: float | None  # years, a - b; None if missing or in conflict
    female_share_pp: float | None  # percentage points, a - b
    lgbt_share_pp: float | None
    experience_difference: float | None  # years, a - b
    shared_skills: tuple[str, ...]
    only_a_skills: tuple[str, ...]
    only_b_skills: tuple[str, ...]
    n_conflicts: int  # conflict rows about either role
    demographics: pd.DataFrame | None = None
    # bounds of the differences above; they differ only when the sources disagree
    age_difference_low: float | None = None
    age_difference_high: float | None = None
    female_share_pp_low: float | None = None
    female_share_pp_high: float | None = None
    lgbt_share_pp_low: float | None = None
    lgbt_share_pp_high: float | None = None
    yearly_unlike: UnlikeStatistics | None = None
    hourly_unlike: UnlikeStatistics | None = None
    age_statistic: str = ""  # what the compared ages are: "mean", "median" or "" (not said)

    def __repr__(self) -> str:
        def gap(g: PayGap | None, unlike: UnlikeStatistics | None) -> str:
            if g is None:
                return "not compared" if unlike else "not published"
            if g.gap is not None:
                return f"{g.gap:+,g}"
            return f"{g.gap_low:+,g} to {g.gap_high:+,g}"

        parts = [
            f"yearly gap {gap(self.yearly, self.yearly_unlike)}",
            f"hourly gap {gap(self.hourly, self.hourly_unlike)}",
            f"race dissimilarity {self.race_dissimilarity}",
            f"{len(self.shared_skills)} shared skills",
            f"{self.n_conflicts} conflicts",
        ]
        return f"<PairSummary {self.role_a} vs {self.role_b}: {', '.join(parts)}>"

    def to_dict(self) -> dict[str, Any]:
        """Flat dict of plain values, one row of an index of all pairs."""

        def gap_fields(prefix: str, gap: PayGap | None) -> dict[str, Any]:
            if gap is None:
                keys = ["", "_low", "_high", "_percent", "_percent_low", "_percent_high"]
                out: dict[str, Any] = {f"{prefix}{k}": None for k in keys}
                out[f"{prefix}_higher"] = None
                out[f"{prefix}_conflict"] = None
                out[f"{prefix}_statistic"] = None
                out[f"{prefix}_approximate"] = None
                return out
            return {
                prefix: gap.gap,
                f"{prefix}_low": gap.gap_low,
                f"{prefix}_high": gap.gap_high,
                f"{prefix}_percent": gap.percent,
                f"{prefix}_percent_low": gap.percent_low,
                f"{prefix}_percent_high": gap.percent_high,
                f"{prefix}_higher": gap.higher,
                f"{prefix}_conflict": gap.conflict,
                f"{prefix}_statistic": gap.statistic,
                f"{prefix}_approximate": gap.approximate,
            }

        ov = self.salary_overlap
        return {
            "role_a": self.role_a,
            "role_b": self.role_b,
            "name_a": self.name_a,
            "name_b": self.name_b,
            **gap_fields("yearly_gap", self.yearly),
            **gap_fields("hourly_gap", self.hourly),
            "salary_overlap": ov.amount if ov else None,
            "salary_overlap_percent_of_a": ov.percent_of_a if ov else None,
            "salary_overlap_percent_of_b": ov.percent_of_b if ov else None,
            "race_dissimilarity": self.race_dissimilarity,
            "gender_dissimilarity": self.gender_dissimilarity,
            "age_difference": self.age_difference,
            "age_statistic": self.age_statistic,
            "age_difference_low": self.age_difference_low,
            "age_difference_high": self.age_difference_high,
            "female_share_pp": self.female_share_pp,
            "female_share_pp_low": self.female_share_pp_low,
            "female_share_pp_high": self.female_share_pp_high,
            "lgbt_share_pp": self.lgbt_share_pp,
            "lgbt_share_pp_low": self.lgbt_share_pp_low,
            "lgbt_share_pp_high": self.lgbt_share_pp_high,
            "experience_difference": self.experience_difference,
            "n_shared_skills": len(self.shared_skills),
            "shared_skills": "; ".join(self.shared_skills),
            "n_conflicts": self.n_conflicts,
            "yearly_unlike": str(self.yearly_unlike) if self.yearly_unlike else None,
            "hourly_unlike": str(self.hourly_unlike) if self.hourly_unlike else None,
        }


def _single_difference(
    frame: pd.DataFrame, measure: str, column: str = "difference"
) -> float | None:
    row = frame[frame["measure"] == measure]
    if row.empty:
        return None
    value = row[column].iloc[0]
    return None if _is_missing(value) else float(value)


def pair_summary(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> PairSummary:
    """The key numbers of a pair for a report's first section and an index of all pairs."""
    _check_roles(facts, [role_a, role_b])
    names = role_names(facts)
    demo = demographics_summary(facts, conflicts, role_a, role_b)
    exp_a = _numeric(facts, conflicts, role_a, "experience_years")
    exp_b = _numeric(facts, conflicts, role_b, "experience_years")
    exp_diff = (
        difference(exp_a.best, exp_b.best)
        if exp_a and exp_b and exp_a.best is not None and exp_b.best is not None
        else None
    )
    shared, only_a, only_b = shared_skills(facts, role_a, role_b)
    return PairSummary(
        role_a=role_a,
        role_b=role_b,
        name_a=names.get(role_a, role_a),
        name_b=names.get(role_b, role_b),
        yearly=pay_gap(facts, conflicts, role_a, role_b, "salary_yearly"),
        hourly=pay_gap(facts, conflicts, role_a, role_b, "salary_hourly"),
        salary_overlap=salary_overlap(facts, conflicts, role_a, role_b),
        race_dissimilarity=dissimilarity(facts, conflicts, role_a, role_b, "race_share"),
        gender_dissimilarity=dissimilarity(facts, conflicts, role_a, role_b, "gender_share"),
        age_difference=_single_difference(demo, "age"),
        female_share_pp=_single_difference(demo, "female_share"),
        lgbt_share_pp=_single_difference(demo, "lgbt_share"),
        experience_difference=exp_diff,
        shared_skills=shared,
        only_a_skills=only_a,
        only_b_skills=only_b,
        n_conflicts=len(conflicts_for(conflicts, [role_a, role_b], include_us_average=False)),
        demographics=demo,
        age_difference_low=_single_difference(demo, "age", "difference_low"),
        age_difference_high=_single_difference(demo, "age", "difference_high"),
        female_share_pp_low=_single_difference(demo, "female_share", "difference_low"),
        female_share_pp_high=_single_difference(demo, "female_share", "difference_high"),
        lgbt_share_pp_low=_single_difference(demo, "lgbt_share", "difference_low"),
        lgbt_share_pp_high=_single_difference(demo, "lgbt_share", "difference_high"),
        yearly_unlike=unlike_statistics(facts, conflicts, role_a, role_b, "salary_yearly"),
        hourly_unlike=unlike_statistics(facts, conflicts, role_a, role_b, "salary_hourly"),
        age_statistic=str(demo.loc[demo["measure"] == "age", "statistic"].iloc[0]),
    )


def facts_used(
    facts: pd.DataFrame, role_ids: str | Iterable[str], include_us_average: bool = True
) -> pd.DataFrame:
    """Every fact about the roles (and us-average), sorted by role, metric, category, source."""
    roles = _as_list(role_ids)
    _check_roles(facts, roles)
    wanted = set(roles) | ({US_AVERAGE} if include_us_average else set())
    rows = facts[facts["role_id"].isin(wanted)]
    rows = rows.assign(_line=pd.to_numeric(rows["line"], errors="coerce"))
    rows = rows.sort_values(
        ["role_id", "metric", "category", "source", "_line"], kind="stable", na_position="first"
    )
    return rows.drop(columns="_line").reset_index(drop=True)


def conflicts_for(
    conflicts: pd.DataFrame | None,
    role_ids: str | Iterable[str],
    include_us_average: bool = True,
) -> pd.DataFrame:
    """The conflict rows about the roles (and us-average), sorted by role_id, metric, category."""
    if conflicts is None:
        return pd.DataFrame(columns=list(CONFLICT_COLUMNS))
    wanted = set(_as_list(role_ids)) | ({US_AVERAGE} if include_us_average else set())
    if conflicts.empty or "role_id" not in conflicts.columns:
        return conflicts.iloc[0:0].reset_index(drop=True)
    rows = conflicts[conflicts["role_id"].isin(wanted)]
    keys = [c for c in ("role_id", "metric", "category") if c in rows.columns]
    return rows.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)
