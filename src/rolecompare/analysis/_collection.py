"""Every role at once: the numbers of a whole collection resolved in grouped pandas operations.

`resolved_numbers` applies the rules of `resolve` (see `_resolve`) to every (role, metric,
category, statistic) key of the facts table in one pass -- no loop over roles -- so that a
collection of thousands of roles resolves in a fraction of a second. `roles_table` pivots the
uncategorised numbers into one row per role. Both keep conflicts as ranges (`*_low`,
`*_high`); nothing is averaged.

Like with like: a key's statements are grouped by their statistic as in `facts.agreement`
(a statement that does not say takes the one statistic the others state). In `roles_table`
medians get their own columns (`salary_yearly_median`); averages and figures whose page does
not say which statistic they are share the plain column (`salary_yearly`).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from rolecompare.analysis._compare import DERIVED_COMPARE_COLUMNS
from rolecompare.analysis._facts import US_AVERAGE
from rolecompare.analysis._numbers import _decimals, difference
from rolecompare.facts.agreement import LOWER_BOUNDS, UPPER_BOUNDS

KEY = ["role_id", "metric", "category_key", "statistic_key"]

RESOLVED_COLUMNS = [
    "role_id",
    "role",
    "metric",
    "category",
    "statistic",
    "unit",
    "value",
    "low",
    "high",
    "n_values",
    "conflict",
    "approximate",
    "periods",
    "sources",
]


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column of the facts table as strings with "" for missing (older tables lack some)."""
    if name not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), "").astype(str)


def _category_key(categories: pd.Series) -> pd.Series:
    """Categories compared case- and spacing-insensitively (computed once per distinct one)."""
    unique = categories.unique()
    keys = {c: " ".join(str(c).split()).casefold() for c in unique}
    return categories.map(keys).fillna("")


def _effective_statistic(rows: pd.DataFrame) -> pd.Series:
    """The statistic a statement is compared as (see facts.agreement.effective), vectorised."""
    named = rows[rows["statistic_raw"] != ""]
    keys = ["role_id", "metric", "category_key"]
    stats = named.groupby(keys, sort=False)["statistic_raw"].agg(["nunique", "first"])
    only = stats["first"].where(stats["nunique"] == 1, "").rename("only_statistic")
    joined = rows[keys].join(only, on=keys)["only_statistic"].fillna("")
    return rows["statistic_raw"].where(rows["statistic_raw"] != "", joined)


def _step(value: float, decimals: int, nonzero: bool) -> float:
    """Place value of the last printed (or last non-zero) digit of a number."""
    if not nonzero or decimals > 0:
        return 10.0**-decimals
    whole = f"{abs(value):.0f}"
    stripped = whole.rstrip("0")
    return 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0


def _bounds(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The interval of true values each statement allows (facts.agreement.interval)."""
    values = rows["value"].to_numpy(dtype=float)
    decimals = rows["decimals"].to_numpy()
    qualifiers = rows["qualifier_raw"].to_numpy(dtype=object)
    low = values - 0.5 * 10.0**-decimals
    high = values + 0.5 * 10.0**-decimals
    for i in np.flatnonzero(qualifiers != ""):  # rare: a few per page kind, not per fact
        q, v, d = qualifiers[i], values[i], int(decimals[i])
        if q in LOWER_BOUNDS:
            low[i], high[i] = v, math.inf
        elif q in UPPER_BOUNDS:
            low[i], high[i] = -math.inf, v
        elif q == "nearly":
            low[i], high[i] = v - _step(v, d, True), v
        elif q == "approximate":
            half = _step(v, d, True) / 2
            low[i], high[i] = v - half, v + half
    return low, high


def _listed(conflicts: pd.DataFrame | None, classify) -> set[tuple[str, str, str, str]]:
    if conflicts is None or conflicts.empty:
        return set()
    keys = zip(
        conflicts["role_id"].astype(str),
        conflicts["metric"].astype(str),
        _category_key(_column(conflicts, "category")),
        _column(conflicts, "statistic").map(classify),
        strict=True,
    )
    return set(keys)


def _unique_joined(items: list[str]) -> str:
    return "; ".join(dict.fromkeys(i for i in items if i))


def _resolve(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    classify=lambda s: s,
    *,
    texts: bool = True,
) -> pd.DataFrame:
    """Resolved numbers keyed by `classify(effective statistic)`; `texts`: also the joined
    units, periods and sources of each key (the slow part)."""
    values = pd.to_numeric(facts["value"], errors="coerce")
    rows = facts.loc[values.notna() & np.isfinite(values)].copy()
    if rows.empty:
        return pd.DataFrame(columns=RESOLVED_COLUMNS)
    rows["value"] = values[rows.index].astype(float)
    rows["category_raw"] = _column(rows, "category")
    rows["category_key"] = _category_key(rows["category_raw"])
    rows["statistic_raw"] = _column(rows, "statistic")
    rows["qualifier_raw"] = _column(rows, "qualifier")
    rows["unit_raw"] = _column(rows, "unit")
    rows["period_raw"] = _column(rows, "period")
    rows["statistic_key"] = _effective_statistic(rows).map(classify)
    unique = rows["value"].unique()
    rows["decimals"] = rows["value"].map(dict(zip(unique, map(_decimals, unique), strict=True)))
    rows["bound_low"], rows["bound_high"] = _bounds(rows)
    rows["line_no"] = pd.to_numeric(rows["line"], errors="coerce")
    rows["ref"] = rows["source"].astype(str) + ":" + rows["line_no"].map("{:.0f}".format)
    # unqualified first, then most decimals, then source and line: the first row of a key is
    # its best statement (as `resolve` chooses)
    rows["qualified"] = rows["qualifier_raw"] != ""
    order = [*KEY, "qualified", "decimals", "source", "line_no"]
    rows = rows.sort_values(order, ascending=[True] * 5 + [False, True, True], kind="stable")
    grouped = rows.groupby(KEY, sort=False)  # rows are sorted by KEY: groups come in order
    out = grouped.agg(
        role=("role", "first"),
        category=("category_raw", "first"),
        best=("value", "first"),
        low=("value", "min"),
        high=("value", "max"),
        n_values=("value", "nunique"),
        n_units=("unit_raw", "nunique"),
        bound_low=("bound_low", "max"),
        bound_high=("bound_high", "min"),
        approximate=("qualified", "max"),
    ).reset_index()
    if texts:
        _add_texts(out, rows, grouped.size().to_numpy())
    listed = _listed(conflicts, classify)
    in_conflicts = pd.MultiIndex.from_frame(out[KEY]).isin(list(listed)) if listed else False
    agree = (out["bound_low"] < out["bound_high"]) & ~in_conflicts
    # one number in two units (30,741 GBP and 30,741 EUR) is two different amounts
    out["conflict"] = (~agree & (out["n_values"] > 1)) | (out["n_units"] > 1)
    out["value"] = out["best"].where(~out["conflict"])
    # statements that agree are one value: the bounds are that value, not the spread of roundings
    out["low"] = out["low"].where(out["conflict"], out["best"])
    out["high"] = out["high"].where(out["conflict"], out["best"])
    out["statistic"] = out["statistic_key"]
    out["category"] = out["category"].replace("", None)
    return out


def _add_texts(out: pd.DataFrame, rows: pd.DataFrame, sizes: np.ndarray) -> None:
    """Units, periods and sources of each key: one pass over the rows, which are sorted by key
    (a Python function per group through pandas would be ten times slower)."""
    ends = np.cumsum(sizes)
    starts = ends - sizes
    units, periods, refs = (rows[c].tolist() for c in ("unit_raw", "period_raw", "ref"))
    out["unit"] = [_unique_joined(units[a:b]) for a, b in zip(starts, ends, strict=True)]
    out["periods"] = [_unique_joined(periods[a:b]) for a, b in zip(starts, ends, strict=True)]
    out["sources"] = ["; ".join(refs[a:b]) for a, b in zip(starts, ends, strict=True)]


def resolved_numbers(facts: pd.DataFrame, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (role, metric, category, statistic) that has a number.

    `value` is the agreed value (the most precisely printed statement) or NaN when the
    statements conflict; `low`/`high` always bound what is stated; `conflict` says whether the
    sources disagree; `approximate` whether a statement is approximate or a bound ("about",
    "over"); `periods` and `sources` (`file:line`) list what the statements say.
    """
    out = _resolve(facts, conflicts)
    return out[RESOLVED_COLUMNS].reset_index(drop=True)


def _plain_or_median(statistic: str) -> str:
    return "median" if statistic == "median" else ""


def roles_table(facts: pd.DataFrame, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per role, one column per uncategorised numeric metric (and `<metric>_median`).

    Each metric has `<metric>` (the agreed value; NaN where the sources disagree),
    `<metric>_low` and `<metric>_high` (equal to it when they agree; the smallest and largest
    statement when they do not). `conflicts` names the metrics whose sources disagree and
    `approximate` those with an approximate or bounded statement. The US average, where pages
    publish it, is a row like any role (role_id `us-average`).
    """
    from rolecompare.facts.schema import metrics

    resolved = _resolve(facts, conflicts, _plain_or_median, texts=False)
    names = facts.drop_duplicates("role_id").set_index("role_id")["role"]
    table = pd.DataFrame({"role_id": sorted(names.index.astype(str))})
    table["role"] = table["role_id"].map(names)
    plain = resolved[resolved["category_key"] == ""].copy()
    plain["column"] = plain["metric"] + np.where(plain["statistic_key"] == "median", "_median", "")
    order = {m: i for i, m in enumerate(metrics())}
    columns = sorted(
        plain["column"].unique(), key=lambda c: (order.get(c.removesuffix("_median"), 99), c)
    )
    wide = plain.pivot(index="role_id", columns="column", values=["value", "low", "high"])
    for column in columns:
        table[column] = table["role_id"].map(wide[("value", column)])
        table[f"{column}_low"] = table["role_id"].map(wide[("low", column)])
        table[f"{column}_high"] = table["role_id"].map(wide[("high", column)])
    flagged = plain[plain["conflict"]].groupby("role_id")["column"].agg("; ".join)
    approximate = plain[plain["approximate"]].groupby("role_id")["column"].agg("; ".join)
    # object first: with no flagged role the mapped column is all-NaN floats
    table["conflicts"] = table["role_id"].map(flagged).astype(object).fillna("")
    table["approximate"] = table["role_id"].map(approximate).astype(object).fillna("")
    return table


RANK_COLUMNS = [
    "rank",
    "role_id",
    "role",
    "metric",
    "statistic",
    "unit",
    "value",
    "low",
    "high",
    "us_average",
    "us_average_low",
    "us_average_high",
    "difference",
    "difference_low",
    "difference_high",
    "percent",
    "percent_low",
    "percent_high",
    "conflict",
    "approximate",
    "sources",
]


def _rank_by_values(roles: pd.DataFrame, metric: str, against: str) -> pd.DataFrame:
    """No `against` row states `metric`: the roles ranked by their own values (highest `low`
    first, ties by `high`, then role id), the comparison columns NaN. Said, not silent: in
    `attrs["note"]` and a warning."""
    frame = roles.assign(statistic=roles["statistic_key"])
    for column in RANK_COLUMNS:
        if column not in frame:
            frame[column] = np.nan
    frame = frame.sort_values(["low", "high", "role_id"], ascending=[False, False, True])
    frame["rank"] = np.arange(1, len(frame) + 1)
    out = frame[RANK_COLUMNS].reset_index(drop=True)
    who = "US average" if against == US_AVERAGE else against
    note = (f"no {who} figure for {metric} in these tables: the roles are ranked by their own "
            f"values, with no {who} to compare with")  # fmt: skip
    out.attrs["derived"] = ("rank",)
    out.attrs["note"] = note
    warnings.warn(note, UserWarning, stacklevel=3)
    return out


def _against_statistic(roles: pd.DataFrame, us_statistics: set[str]) -> pd.Series:
    """The US average's statistic each role row is compared with (None: unlike), by the
    between-roles rule of `_like`: equal statistics; a side that never says takes the one
    statistic the other side states."""
    stat = roles["statistic_key"]
    named = stat[stat != ""].groupby(roles["role_id"]).nunique()
    n_named = roles["role_id"].map(named).fillna(0).to_numpy()
    us_named = sorted(s for s in us_statistics if s)
    same = stat.isin(us_statistics).to_numpy()
    role_never_says = (stat == "").to_numpy() & (n_named == 0) & (len(us_named) == 1)
    us_never_says = (us_statistics == {""}) & (stat != "").to_numpy() & (n_named == 1)
    out = np.where(same, stat.to_numpy(dtype=object), None)
    out = np.where(role_never_says, us_named[0] if us_named else None, out)
    out = np.where(us_never_says, "", out)
    return pd.Series(out, index=roles.index, dtype=object)


def _exact(values: pd.Series, others: pd.Series) -> list[float]:
    """values - others without float noise (see `_numbers.difference`)."""
    return [
        difference(v, o) if math.isfinite(v) and math.isfinite(o) else math.nan
        for v, o in zip(values, others, strict=True)
    ]


def rank_against(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None = None,
    metric: str = "salary_yearly",
    against: str = US_AVERAGE,
) -> pd.DataFrame:
    """Every role's value of an uncategorised metric against the `against` role (the US
    average), like with like, ranked; one row per role and shared statistic.

    `value`, `low`, `high` and the `us_average*` columns are stated; `difference` and
    `percent` (of the US average) are DERIVED, NaN where they depend on the source, and
    always bounded by their `_low` / `_high`. Rank 1 has the highest `percent_low` (what
    every source supports), ties broken by `percent_high`. Without an `against` row for the
    metric, the roles are ranked by their values and `attrs["note"]` (and a warning) says so.
    Roles whose statistic the US average does not state are left out
    (`analysis.unlike_statistics` names them one pair at a time).
    """
    resolved = _resolve(facts[facts["metric"].to_numpy(dtype=object) == metric], conflicts)
    resolved = resolved[resolved["category_key"] == ""]
    us = resolved[resolved["role_id"] == against]
    roles = resolved[resolved["role_id"] != against].copy()
    if roles.empty:
        return pd.DataFrame(columns=RANK_COLUMNS)
    if us.empty:
        return _rank_by_values(roles, metric, against)
    roles["against_statistic"] = _against_statistic(roles, set(us["statistic_key"]))
    us_side = us.set_index("statistic_key")[["value", "low", "high", "sources", "approximate"]]
    us_side = us_side.add_prefix("us_")
    merged = roles.join(us_side, on="against_statistic", how="inner")
    merged["statistic"] = np.where(
        merged["statistic_key"] != "", merged["statistic_key"], merged["against_statistic"]
    )
    merged["us_average"] = merged["us_value"]
    merged["us_average_low"], merged["us_average_high"] = merged["us_low"], merged["us_high"]
    merged["difference"] = _exact(merged["value"], merged["us_value"])
    merged["difference_low"] = _exact(merged["low"], merged["us_high"])
    merged["difference_high"] = _exact(merged["high"], merged["us_low"])
    positive = (merged["low"] > 0) & (merged["us_low"] > 0)
    merged["percent"] = (merged["value"] / merged["us_value"] - 1) * 100
    merged["percent_low"] = (merged["low"] / merged["us_high"] - 1) * 100
    merged["percent_high"] = (merged["high"] / merged["us_low"] - 1) * 100
    for column in ("percent", "percent_low", "percent_high"):
        merged[column] = merged[column].where(positive)
    merged["conflict"] = merged["conflict"] | merged["us_value"].isna()
    merged["approximate"] = merged["approximate"] | merged["us_approximate"]
    merged["sources"] = merged["sources"] + "; " + merged["us_sources"]
    merged = merged.sort_values(
        ["percent_low", "percent_high", "role_id"], ascending=[False, False, True]
    )
    merged["rank"] = np.arange(1, len(merged) + 1)
    frame = merged[RANK_COLUMNS].reset_index(drop=True)
    frame.attrs["derived"] = (*DERIVED_COMPARE_COLUMNS, "rank")
    return frame
