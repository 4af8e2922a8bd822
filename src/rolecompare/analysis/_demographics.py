"""Demographics: shares by category (gender, race, degree, skill), their differences between
two roles in percentage points, the dissimilarity index of two distributions, and the side by
side summary of average age, share of women and LGBT share.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from rolecompare.analysis._cells import _numeric, _value_columns
from rolecompare.analysis._facts import (
    _as_list,
    _categories,
    _check_roles,
    _is_missing,
    _norm,
)
from rolecompare.analysis._like import like_pairs
from rolecompare.analysis._numbers import _MAX_DECIMALS, _decimals, difference
from rolecompare.analysis._resolve import Resolved, statistic_word
from rolecompare.core.roles import role_names
from rolecompare.facts.agreement import numbers_agree

SHARE_METRICS = ("gender_share", "race_share", "degree_share", "skill_share")

DEMOGRAPHIC_COLUMNS = [
    "measure",
    "label",
    "unit",
    "value_a",
    "value_b",
    "difference",
    "difference_unit",
    "value_a_low",
    "value_a_high",
    "value_b_low",
    "value_b_high",
    "difference_low",
    "difference_high",
    "conflict",
    "sources",
    "statistic",
    "approximate",
    "comparable",
]


def share_table(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    metric: str,
    roles: str | Iterable[str],
) -> pd.DataFrame:
    """Tidy shares (percent) by category: role_id, role, category, value, source, ...

    `value` is the agreed value, NaN where the sources disagree (then `conflict` is set and
    value_low/value_high hold the smallest and largest statement: no midpoint); `source`
    lists every `source:line` used, separated by '; '.
    """
    roles = _as_list(roles)
    _check_roles(facts, roles)
    names = role_names(facts)
    rows = []
    for role_id in roles:
        for category in _categories(facts, role_id, metric):
            res = _numeric(facts, conflicts, role_id, metric, category)
            if res is None:
                continue
            rows.append(
                {
                    "role_id": role_id,
                    "role": names.get(role_id, role_id),
                    "category": category,
                    **_value_columns(res, "value"),
                    "source": "; ".join(res.sources),
                    "conflict": res.conflict,
                    "unit": res.unit,
                }
            )
    columns = [
        "role_id",
        "role",
        "category",
        "value",
        "source",
        "value_low",
        "value_high",
        "conflict",
        "unit",
    ]
    return pd.DataFrame(rows, columns=columns)


def shares(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, metric: str, role_id: str
) -> dict[str, float]:
    """category -> share (percent) for one role, in page order; empty when not published.

    A share the sources disagree on is NaN (see `share_table` for its low and high).
    """
    table = share_table(facts, conflicts, metric, [role_id])
    return dict(zip(table["category"], table["value"].astype(float), strict=True))


def share_differences(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    metric: str,
    role_a: str,
    role_b: str,
) -> pd.DataFrame:
    """Per category: value_a, value_b and difference_pp (a - b, percentage points).

    Categories are the union (role_a's order first); a category one role lacks, or whose
    share the sources disagree on, has NaN. difference_pp is DERIVED.
    """
    _check_roles(facts, [role_a, role_b])
    sa = shares(facts, conflicts, metric, role_a)
    sb = shares(facts, conflicts, metric, role_b)
    b_by_key = {_norm(k): v for k, v in sb.items()}
    rows = []
    seen = set()
    for cat, va in sa.items():
        key = _norm(cat)
        seen.add(key)
        vb = b_by_key.get(key, math.nan)
        rows.append((cat, va, vb))
    for cat, vb in sb.items():
        if _norm(cat) not in seen:
            rows.append((cat, math.nan, vb))
    out = [
        {
            "category": cat,
            "value_a": va,
            "value_b": vb,
            "difference_pp": (math.nan if math.isnan(va) or math.isnan(vb) else difference(va, vb)),
        }
        for cat, va, vb in rows
    ]
    frame = pd.DataFrame(out, columns=["category", "value_a", "value_b", "difference_pp"])
    frame.attrs["roles"] = (role_a, role_b)
    frame.attrs["metric"] = metric
    frame.attrs["derived"] = ("difference_pp",)
    return frame


def dissimilarity_index(shares_a: Mapping[str, float], shares_b: Mapping[str, float]) -> float:
    """Half the sum of absolute share differences (percent) over the union of categories.

    A category missing on one side counts as 0; category names match case-insensitively.
    NaN when both sides are empty.
    """

    def clean(shares: Mapping[str, float]) -> dict[str, float]:
        out: dict[str, float] = {}
        for cat, value in shares.items():
            key = _norm(cat)
            if key is None or _is_missing(value):
                continue
            out[key] = out.get(key, 0.0) + float(value)
        return out

    a, b = clean(shares_a), clean(shares_b)
    if not a and not b:
        return math.nan
    decimals = max((_decimals(v) for v in [*a.values(), *b.values()]), default=0)
    total = sum(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in a.keys() | b.keys())
    # half a sum of numbers with d decimals has at most d + 1: round away float noise
    return round(total / 2, min(decimals + 1, _MAX_DECIMALS))


def dissimilarity(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    metric: str = "race_share",
) -> float | None:
    """Dissimilarity index of two roles' shares (race_share by default, DERIVED).

    None if one lacks them, if the sources disagree on a share of either role (the index
    would then depend on the source; `share_table` shows the disagreeing values), or if either
    role's shares come from several pages or years (`share_distributions`): the index compares
    two distributions, not a mixture of several.
    """
    _check_roles(facts, [role_a, role_b])
    sets = share_distributions(facts, metric, [role_a, role_b])
    if (sets.groupby("role_id")["distribution"].max() > 1).any():
        return None
    sa = shares(facts, conflicts, metric, role_a)
    sb = shares(facts, conflicts, metric, role_b)
    if not sa or not sb:
        return None
    if any(math.isnan(v) for v in [*sa.values(), *sb.values()]):
        return None
    return dissimilarity_index(sa, sb)


def _female(facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_id: str):
    for cat in _categories(facts, role_id, "gender_share"):
        if _norm(cat) in {"female", "women", "woman"}:
            return _numeric(facts, conflicts, role_id, "gender_share", cat)
    return None


def _compare_row(
    measure: str,
    label: str,
    unit: str,
    difference_unit: str,
    ra: Resolved | None,
    rb: Resolved | None,
    statistic: str = "",
    comparable: bool = True,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "measure": measure,
        "label": label,
        "unit": unit,
        "difference_unit": difference_unit,
    }
    row.update(_value_columns(ra, "value_a"))
    row.update(_value_columns(rb, "value_b"))
    if ra is not None and rb is not None and comparable:
        diffs = [difference(x, y) for x, y in itertools.product(ra.values, rb.values)]
        row["difference"] = diffs[0] if len(diffs) == 1 else math.nan
        row["difference_low"], row["difference_high"] = min(diffs), max(diffs)
    else:
        row["difference"] = row["difference_low"] = row["difference_high"] = math.nan
    row["conflict"] = bool((ra and len(ra.values) > 1) or (rb and len(rb.values) > 1))
    row["sources"] = "; ".join((ra.sources if ra else ()) + (rb.sources if rb else ()))
    row["statistic"] = statistic
    row["approximate"] = bool((ra and ra.approximate) or (rb and rb.approximate))
    row["comparable"] = comparable and ra is not None and rb is not None
    return row


def _age_row(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> dict[str, Any]:
    """Age like with like: the average ages, else the medians; unlike statistics are shown
    but not subtracted (`comparable` False)."""
    pairs = like_pairs(facts, conflicts, role_a, role_b, "age")
    if pairs:
        pair = pairs[0]
        label = "Age" if not pair.statistic else f"{statistic_word(pair.statistic)} age"
        return _compare_row(
            "age", label.capitalize(), "years", "years", pair.a, pair.b, pair.statistic
        )
    ra = _numeric(facts, conflicts, role_a, "age")
    rb = _numeric(facts, conflicts, role_b, "age")
    if ra is None or rb is None:  # one lacks it: show the other side's value
        res = ra or rb
        stat = res.statistic if res is not None else "mean"
        label = f"{statistic_word(stat)} age" if stat else "Age"
        return _compare_row("age", label.capitalize(), "years", "years", ra, rb, stat)
    label = f"Age ({statistic_word(ra.statistic)} vs {statistic_word(rb.statistic)})"
    return _compare_row("age", label, "years", "years", ra, rb, "", comparable=False)


def demographics_summary(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> pd.DataFrame:
    """Rows age (years), female_share and lgbt_share (percent) with a - b differences.

    `value_a` / `value_b` are the stated values (NaN where the sources disagree; `*_low` /
    `*_high` hold the smallest and largest statement). `difference` (DERIVED) is NaN when it
    depends on the source; difference_low/high bound it. Ages are compared like with like
    (`statistic`: an average with an average, else a median with a median); when the two
    roles state only unlike statistics the row has both values, no difference and
    `comparable` False. Roles lacking a measure have NaN. `frame.attrs['roles']` is
    (role_a, role_b); `frame.attrs['derived']` names the derived columns.
    """
    _check_roles(facts, [role_a, role_b])
    rows = [
        _age_row(facts, conflicts, role_a, role_b),
        _compare_row(
            "female_share",
            "Women",
            "percent",
            "pp",
            _female(facts, conflicts, role_a),
            _female(facts, conflicts, role_b),
        ),
        _compare_row(
            "lgbt_share",
            "LGBT",
            "percent",
            "pp",
            _numeric(facts, conflicts, role_a, "lgbt_share"),
            _numeric(facts, conflicts, role_b, "lgbt_share"),
        ),
    ]
    frame = pd.DataFrame(rows, columns=DEMOGRAPHIC_COLUMNS)
    frame.attrs["roles"] = (role_a, role_b)
    frame.attrs["derived"] = ("difference", "difference_low", "difference_high")
    return frame


DISTRIBUTION_COLUMNS = ["role_id", "distribution", "category", "value", "period", "refs"]


def _same_shares(one: pd.DataFrame, other: pd.DataFrame) -> bool:
    """Do two pages state the same shares (same categories, each within printed rounding)?"""
    mine = dict(zip(one["category"].map(_norm), one["value"], strict=True))
    theirs = dict(zip(other["category"].map(_norm), other["value"], strict=True))
    return mine.keys() == theirs.keys() and all(
        numbers_agree([str(mine[k]), str(theirs[k])]) for k in mine
    )


def _distributions_of(rows: pd.DataFrame) -> list[list[pd.DataFrame]]:
    """One role's shares grouped by page and period; groups stating the same shares merged."""
    merged: list[list[pd.DataFrame]] = []
    periods = rows["period"].fillna("")
    for _, group in rows.groupby([rows["source"], periods], sort=False):
        period = group["period"].fillna("").iloc[0]
        for same in merged:
            if same[0]["period"].fillna("").iloc[0] == period and _same_shares(same[0], group):
                same.append(group)
                break
        else:
            merged.append([group])
    return merged


def share_distributions(
    facts: pd.DataFrame, metric: str, roles: str | Iterable[str]
) -> pd.DataFrame:
    """The shares of each role, one distribution per page and period, never merged.

    Shares from different pages or years are different distributions (a 2022 fact sheet's race
    shares and another page's are two sets of bars, each summing to about 100, not one set):
    one row per share with `distribution` (1, 2, ... per role, in page order), `period` and
    `refs` ('source:line; ...'). Pages that state the same shares of one period (same
    categories, values within their printed rounding) are one distribution citing them all;
    its values are the first page's.
    """
    roles = _as_list(roles)
    _check_roles(facts, roles)
    rows = facts[(facts["metric"] == metric) & facts["role_id"].isin(roles)]
    rows = rows[pd.to_numeric(rows["value"], errors="coerce").notna()]
    if "period" not in rows:  # tables of older versions (and hand-made ones) give no period
        rows = rows.assign(period="")
    out = []
    for role_id in roles:
        for number, same in enumerate(_distributions_of(rows[rows["role_id"] == role_id]), 1):
            refs = "; ".join(
                f"{s}:{n}" for g in same for s, n in zip(g["source"], g["line"], strict=True)
            )
            first = same[0]
            out += [
                {
                    "role_id": role_id,
                    "distribution": number,
                    "category": category,
                    "value": float(value),
                    "period": "" if pd.isna(period) else period,
                    "refs": refs,
                }
                for category, value, period in zip(
                    first["category"], first["value"], first["period"], strict=True
                )
            ]
    return pd.DataFrame(out, columns=DISTRIBUTION_COLUMNS)
