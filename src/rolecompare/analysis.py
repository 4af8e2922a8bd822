"""Comparisons of roles computed from the tidy `facts` and `conflicts` tables.

Every function here is pure: it reads the two DataFrames (never modifies them) and returns a
small frozen dataclass or a tidy DataFrame. Nothing is printed, plotted or written.

Rules that hold throughout:

* A (role, metric, category) stated several times is *resolved*: statements that agree within
  their printed rounding give one value (the most precisely printed one); statements that
  disagree (the key is in `conflicts`, or the numbers cannot be roundings of one value) keep
  every distinct value. Nothing is averaged or silently chosen; where a single number is
  needed for a table column, the column holds the midpoint of the conflict range and sits
  next to `*_low` / `*_high` columns and a `conflict` flag.
* Missing data is normal: functions return None, an empty frame or NaN, never KeyError.
* A role id that does not occur in `facts` at all raises `UnknownRole` (except `us-average`,
  which only some pages publish: without it, results about it are simply missing).
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

US_AVERAGE = "us-average"

FACT_COLUMNS = ("role_id", "role", "metric", "category", "value", "text", "unit", "source", "line")
CONFLICT_COLUMNS = (
    "role_id",
    "role",
    "metric",
    "category",
    "unit",
    "n_values",
    "min_value",
    "max_value",
    "values",
)

SHARE_METRICS = ("gender_share", "race_share", "degree_share", "skill_share")
TOP_PAYING_METRICS = {
    "top_city": "Highest paying city",
    "top_state": "Highest paying state",
    "top_company": "Best paying company",
    "top_industry": "Best paying industry",
}
EDUCATION_METRICS = {
    "degree_top": "Most common degree",
    "major_top": "Most common major",
    "college_top": "Most common college",
}

_MAX_DECIMALS = 12


# --- errors -----------------------------------------------------------------------------------


class UnknownRole(LookupError):
    """A role id that does not occur in the facts table at all."""

    def __init__(
        self,
        role_id: str,
        known_ids: Iterable[str],
        close_matches: Sequence[str] | None = None,
    ) -> None:
        self.role_id = role_id
        self.known_ids: tuple[str, ...] = tuple(sorted(set(known_ids)))
        if close_matches is None:
            close_matches = _close_matches(role_id, self.known_ids)
        self.close_matches: tuple[str, ...] = tuple(close_matches)
        hint = (
            f"; did you mean {', '.join(repr(m) for m in self.close_matches)}?"
            if self.close_matches
            else ""
        )
        known = ", ".join(self.known_ids) if self.known_ids else "(none: the facts table is empty)"
        super().__init__(f"unknown role id {role_id!r}{hint} Known role ids: {known}")

    def __str__(self) -> str:
        return str(self.args[0])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _close_matches(role_id: str, known_ids: Sequence[str]) -> list[str]:
    wanted = _slug(role_id)
    matches = [k for k in known_ids if k == wanted and k != role_id]
    for cand in difflib.get_close_matches(wanted, list(known_ids), n=3, cutoff=0.6):
        if cand not in matches:
            matches.append(cand)
    return matches[:3]


# --- small helpers ----------------------------------------------------------------------------


def _norm(text: Any) -> str | None:
    """Case- and whitespace-insensitive key of a category, text or skill; None for missing."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return None
    out = re.sub(r"\s+", " ", str(text)).strip().casefold()
    return out or None


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text_or_none(value: Any) -> str | None:
    if _is_missing(value):
        return None
    text = str(value).strip()
    return text or None


def _decimals(value: float) -> int:
    """Decimals in the shortest repr of a float: 19.8 -> 1, 20.0 -> 0, 10.34 -> 2."""
    if not math.isfinite(value):
        return 0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return min(max(0, -int(exponent)), _MAX_DECIMALS)


def _half_unit(value: float) -> Decimal:
    return Decimal(5) * Decimal(10) ** -(_decimals(value) + 1)


def values_agree(values: Iterable[float]) -> bool:
    """Could all these numbers be roundings (as printed) of one true value? 19.8 and 20: yes."""
    bounds = []
    for v in values:
        d = Decimal(repr(float(v)))
        bounds.append((d - _half_unit(v), d + _half_unit(v)))
    return not bounds or max(lo for lo, _ in bounds) < min(hi for _, hi in bounds)


def _diff(x: float, y: float) -> float:
    """x - y without float noise: rounded to the precision of the inputs (32.11-19.8 = 12.31)."""
    return round(x - y, max(_decimals(x), _decimals(y)))


def _percent(part: float, base: float) -> float:
    return part / base * 100 if base else math.nan


def _ref(source: Any, line: Any) -> str:
    try:
        line_no = int(float(line))
    except (TypeError, ValueError):
        return str(source)
    return f"{source}:{line_no}"


def _as_list(roles: str | Iterable[str]) -> list[str]:
    return [roles] if isinstance(roles, str) else list(roles)


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


# --- the tables -------------------------------------------------------------------------------


def _check_facts(facts: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in FACT_COLUMNS if c not in facts.columns]
    if missing:
        raise ValueError(f"facts table lacks columns {missing}; expected {list(FACT_COLUMNS)}")
    return facts


def known_roles(facts: pd.DataFrame) -> list[str]:
    """Sorted role ids present in the facts table."""
    _check_facts(facts)
    return sorted({str(r) for r in facts["role_id"].dropna().unique()})


def _check_roles(facts: pd.DataFrame, role_ids: Iterable[str]) -> None:
    known = known_roles(facts)
    known_set = set(known)
    for role_id in role_ids:
        # the US average is optional data (only how-to-become pages have it), never a typo
        if role_id not in known_set and role_id != US_AVERAGE:
            raise UnknownRole(role_id, known)


def role_names(facts: pd.DataFrame) -> dict[str, str]:
    """role_id -> display name (the `role` column; the first spelling seen)."""
    _check_facts(facts)
    names: dict[str, str] = {}
    for role_id, role in zip(facts["role_id"], facts["role"], strict=True):
        if _is_missing(role_id):
            continue
        if str(role_id) not in names and not _is_missing(role):
            names[str(role_id)] = str(role)
    return names


def _role_name(facts: pd.DataFrame, role_id: str) -> str:
    return role_names(facts).get(role_id, role_id)


def _rows_of(facts: pd.DataFrame, role_id: str, metric: str) -> pd.DataFrame:
    """The facts of one role and metric (plain numpy comparisons: this runs very often)."""
    mask = (facts["role_id"].to_numpy(dtype=object) == role_id) & (
        facts["metric"].to_numpy(dtype=object) == metric
    )
    return facts[mask]


def _select(
    facts: pd.DataFrame, role_id: str, metric: str, category: str | None = None
) -> pd.DataFrame:
    """Facts of one key, sorted by source then line. category None matches an empty category."""
    rows = _rows_of(facts, role_id, metric)
    if rows.empty:
        return rows
    keys = rows["category"].map(_norm)
    wanted = _norm(category)
    rows = rows[keys.isna()] if wanted is None else rows[keys == wanted]
    return _by_source_line(rows)


def _by_source_line(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted by source, then numeric line (the line column may be str after a CSV)."""
    if len(rows) < 2:
        return rows
    if pd.api.types.is_numeric_dtype(rows["line"]):
        return rows.sort_values(["source", "line"], kind="stable")
    order = rows.assign(_line=pd.to_numeric(rows["line"], errors="coerce"))
    return order.sort_values(["source", "_line"], kind="stable").drop(columns="_line")


def _in_conflicts(
    conflicts: pd.DataFrame | None, role_id: str, metric: str, category: str | None
) -> bool:
    if conflicts is None or conflicts.empty:
        return False
    if not {"role_id", "metric", "category"} <= set(conflicts.columns):
        return False
    rows = conflicts[(conflicts["role_id"] == role_id) & (conflicts["metric"] == metric)]
    if rows.empty:
        return False
    keys = rows["category"].map(_norm)
    wanted = _norm(category)
    return bool(keys.isna().any()) if wanted is None else bool((keys == wanted).any())


# --- 1. value resolution ----------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """What the sources say about one (role, metric, category).

    `values` holds one number when the sources agree (the most precisely printed one) and
    every distinct number, ascending, when they conflict. `stated` lists each distinct number
    as printed with the `source:line` references that state it.
    """

    role_id: str
    role: str
    metric: str
    category: str | None
    values: tuple[float, ...]
    text: str | None
    unit: str | None
    sources: tuple[str, ...]
    conflict: bool
    texts: tuple[str, ...] = ()
    stated: tuple[tuple[float, tuple[str, ...]], ...] = ()

    @property
    def low(self) -> float | None:
        """Smallest value (the only one when sources agree)."""
        return min(self.values) if self.values else None

    @property
    def high(self) -> float | None:
        """Largest value (the only one when sources agree)."""
        return max(self.values) if self.values else None

    @property
    def best(self) -> float | None:
        """The single value when there is exactly one; None when numbers conflict or are absent."""
        return self.values[0] if len(self.values) == 1 else None

    @property
    def point(self) -> float | None:
        """`best`, or the midpoint of the conflict range (for table columns, flagged)."""
        if not self.values:
            return None
        if len(self.values) == 1:
            return self.values[0]
        return (self.values[0] + self.values[-1]) / 2  # values are sorted when several

    def sources_of(self, value: float) -> tuple[str, ...]:
        """The `source:line` references that state exactly this number."""
        for stated, refs in self.stated:
            if stated == value:
                return refs
        return ()


def resolve(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_id: str,
    metric: str,
    category: str | None = None,
) -> Resolved | None:
    """Resolve one (role, metric, category) across all its statements; None if none exist."""
    _check_facts(facts)
    _check_roles(facts, [role_id])
    rows = _select(facts, role_id, metric, category)
    if rows.empty:
        return None

    numbers: list[tuple[float, str, str | None]] = []  # value, ref, unit
    text_rows: list[tuple[str, str]] = []  # text, ref
    refs: list[str] = []
    units_seen: list[str] = []
    for value, text, unit, source, line in zip(
        pd.to_numeric(rows["value"], errors="coerce"),
        rows["text"],
        rows["unit"],
        rows["source"],
        rows["line"],
        strict=True,
    ):
        text = _text_or_none(text)
        unit = _text_or_none(unit)
        has_value = not _is_missing(value) and math.isfinite(float(value))
        if not has_value and text is None:
            continue
        ref = _ref(source, line)
        refs.append(ref)
        if unit and unit not in units_seen:
            units_seen.append(unit)
        if has_value:
            numbers.append((float(value), ref, unit))
        if text is not None:
            text_rows.append((text, ref))
    if not refs:
        return None

    stated: dict[float, list[str]] = {}
    for value, ref, _ in numbers:
        stated.setdefault(value, []).append(ref)
    distinct = list(stated)
    listed = _in_conflicts(conflicts, role_id, metric, category)
    number_conflict = len(distinct) > 1 and (
        listed or not values_agree(distinct) or len(units_seen) > 1
    )
    if number_conflict:
        values = tuple(sorted(distinct))
        unit = "; ".join(units_seen) if len(units_seen) > 1 else (units_seen or [None])[0]
    elif numbers:
        # most decimals wins; ties go to the first statement by source then line
        best_value, _, best_unit = max(numbers, key=lambda n: _decimals(n[0]))
        values = (best_value,)
        unit = best_unit or (units_seen or [None])[0]
    else:
        values = ()
        unit = (units_seen or [None])[0]

    texts: dict[str, str] = {}
    for text, _ in text_rows:
        texts.setdefault(_norm(text) or text, text)
    text_list = tuple(texts.values())
    text_conflict = len(text_list) > 1

    first = rows.iloc[0]
    return Resolved(
        role_id=role_id,
        role=str(first["role"]) if not _is_missing(first["role"]) else role_id,
        metric=metric,
        category=_text_or_none(first["category"]),
        values=values,
        text=text_list[0] if len(text_list) == 1 else None,
        unit=unit,
        sources=tuple(refs),
        conflict=number_conflict or text_conflict,
        texts=text_list,
        stated=tuple((v, tuple(r)) for v, r in sorted(stated.items(), key=lambda kv: kv[0])),
    )


def missing_metric(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_ids: str | Iterable[str],
    metric: str,
    category: str | None = None,
) -> tuple[str, ...]:
    """The given roles that publish no value (nor text) for the metric.

    With category None, a statement in any category counts (race_share has categories).
    """
    roles = _as_list(role_ids)
    _check_roles(facts, roles)
    out = []
    for role_id in roles:
        if category is not None:
            res = resolve(facts, conflicts, role_id, metric, category)
            if res is None:
                out.append(role_id)
            continue
        rows = _rows_of(facts, role_id, metric)
        values = pd.to_numeric(rows["value"], errors="coerce")
        texts = rows["text"].map(_text_or_none)
        if not (values.notna().any() or texts.notna().any()):
            out.append(role_id)
    return tuple(out)


def _numeric(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_id: str, metric: str, category=None
) -> Resolved | None:
    res = resolve(facts, conflicts, role_id, metric, category)
    return res if res is not None and res.values else None


# --- 2. pay ---------------------------------------------------------------------------------------


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
    gaps = [_diff(va, vb) for va, vb in combos]
    percents = [_percent(_diff(va, vb), min(va, vb)) for va, vb in combos]
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


def _point_columns(res: Resolved | None, name: str) -> dict[str, Any]:
    """{name: best or midpoint, name_low, name_high} for a table row."""
    if res is None or not res.values:
        return {name: math.nan, f"{name}_low": math.nan, f"{name}_high": math.nan}
    return {name: res.point, f"{name}_low": res.low, f"{name}_high": res.high}


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
    amount = max(0.0, _diff(high, low))
    return Overlap(
        a_min=a_min,
        a_max=a_max,
        b_min=b_min,
        b_max=b_max,
        amount=amount,
        low=low if high >= low else None,
        high=high if high >= low else None,
        percent_of_a=_percent(amount, a_max - a_min),
        percent_of_b=_percent(amount, b_max - b_min),
        distance=max(0.0, _diff(low, high)),
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
        diffs = [_diff(v, u) for v, u in combos]
        pcts = [_percent(_diff(v, u), u) for v, u in combos]
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


def _texts_cell(res: Resolved | None) -> str | None:
    if res is None or not res.texts:
        return None
    return " / ".join(res.texts)


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


# --- 3. experience ----------------------------------------------------------------------------


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


# --- 4. demographics --------------------------------------------------------------------------


def _categories(facts: pd.DataFrame, role_id: str, metric: str) -> list[str]:
    """Distinct categories (first spelling) of a role's metric, in source/line order."""
    rows = _rows_of(facts, role_id, metric)
    if rows.empty:
        return []
    rows = _by_source_line(rows)
    seen: dict[str, str] = {}
    for cat in rows["category"]:
        key = _norm(cat)
        if key is not None and key not in seen:
            seen[key] = str(cat).strip()
    return list(seen.values())


def share_table(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    metric: str,
    roles: str | Iterable[str],
) -> pd.DataFrame:
    """Tidy shares (percent) by category: role_id, role, category, value, source, ...

    `value` is the agreed value or the midpoint of a conflict (flagged, with value_low/high);
    `source` lists every `source:line` used, separated by '; '.
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
                    "value": res.point,
                    "source": "; ".join(res.sources),
                    "value_low": res.low,
                    "value_high": res.high,
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
    """category -> share (percent) for one role, in page order; empty when not published."""
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

    Categories are the union (role_a's order first); a category one role lacks has NaN.
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
            "difference_pp": (math.nan if math.isnan(va) or math.isnan(vb) else _diff(va, vb)),
        }
        for cat, va, vb in rows
    ]
    frame = pd.DataFrame(out, columns=["category", "value_a", "value_b", "difference_pp"])
    frame.attrs["roles"] = (role_a, role_b)
    frame.attrs["metric"] = metric
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
    """Dissimilarity index of two roles' shares (race_share by default); None if one lacks them."""
    _check_roles(facts, [role_a, role_b])
    sa = shares(facts, conflicts, metric, role_a)
    sb = shares(facts, conflicts, metric, role_b)
    if not sa or not sb:
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
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "measure": measure,
        "label": label,
        "unit": unit,
        "difference_unit": difference_unit,
    }
    row.update(_point_columns(ra, "value_a"))
    row.update(_point_columns(rb, "value_b"))
    if ra is not None and rb is not None:
        diffs = [_diff(x, y) for x, y in itertools.product(ra.values, rb.values)]
        row["difference"] = diffs[0] if len(diffs) == 1 else math.nan
        row["difference_low"], row["difference_high"] = min(diffs), max(diffs)
    else:
        row["difference"] = row["difference_low"] = row["difference_high"] = math.nan
    row["conflict"] = bool((ra and len(ra.values) > 1) or (rb and len(rb.values) > 1))
    row["sources"] = "; ".join((ra.sources if ra else ()) + (rb.sources if rb else ()))
    return row


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
]


def demographics_summary(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> pd.DataFrame:
    """Rows age_mean (years), female_share and lgbt_share (percent) with a - b differences.

    `difference` is NaN when a value is in conflict; difference_low/high bound it. Roles
    lacking a measure have NaN. `frame.attrs['roles']` is (role_a, role_b).
    """
    _check_roles(facts, [role_a, role_b])
    rows = [
        _compare_row(
            "age_mean",
            "Average age",
            "years",
            "years",
            _numeric(facts, conflicts, role_a, "age_mean"),
            _numeric(facts, conflicts, role_b, "age_mean"),
        ),
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
    return frame


# --- 5. education and skills ------------------------------------------------------------------


def education_table(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> pd.DataFrame:
    """Side by side: most common degree (text and percent), major and college.

    Columns: metric, label, text_a, value_a, text_b, value_b, conflict, sources_a, sources_b.
    """
    _check_roles(facts, [role_a, role_b])
    rows = []
    for metric, label in EDUCATION_METRICS.items():
        ra = resolve(facts, conflicts, role_a, metric)
        rb = resolve(facts, conflicts, role_b, metric)
        rows.append(
            {
                "metric": metric,
                "label": label,
                "text_a": _texts_cell(ra),
                "value_a": _nan(ra.point if ra else None),
                "text_b": _texts_cell(rb),
                "value_b": _nan(rb.point if rb else None),
                "conflict": bool((ra and ra.conflict) or (rb and rb.conflict)),
                "sources_a": "; ".join(ra.sources) if ra else None,
                "sources_b": "; ".join(rb.sources) if rb else None,
            }
        )
    frame = pd.DataFrame(rows)
    frame.attrs["roles"] = (role_a, role_b)
    return frame


def _skill_key(name: str) -> str | None:
    key = _norm(name)
    return key.strip(" .,;:") if key else None


def skills(facts: pd.DataFrame, role_id: str) -> list[str]:
    """A role's skill names: skill_share categories (largest share first), then skill_top texts.

    Duplicates (case-insensitive) are dropped; the listed spelling wins over prose.
    """
    _check_roles(facts, [role_id])
    found: dict[str, tuple[int, float, int, str]] = {}  # key -> sort key + display
    for category in _categories(facts, role_id, "skill_share"):
        res = _numeric(facts, None, role_id, "skill_share", category)
        key = _skill_key(category)
        if key and key not in found:
            share = res.point if res and res.point is not None else 0.0
            found[key] = (0, -share, len(found), category)
    rows = _rows_of(facts, role_id, "skill_top")
    rows = rows.assign(
        _rank=pd.to_numeric(rows["category"], errors="coerce"),
        _line=pd.to_numeric(rows["line"], errors="coerce"),
    ).sort_values(["_rank", "source", "_line"], kind="stable", na_position="last")
    for text in rows["text"]:
        text = _text_or_none(text)
        key = _skill_key(text) if text else None
        if key and key not in found:
            found[key] = (1, 0.0, len(found), text)
    return [entry[3] for entry in sorted(found.values())]


def shared_skills(
    facts: pd.DataFrame, role_a: str, role_b: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(shared, only_a, only_b) skill names, compared case-insensitively, in role_a/role_b order."""
    _check_roles(facts, [role_a, role_b])
    a, b = skills(facts, role_a), skills(facts, role_b)
    keys_a = {_skill_key(s) for s in a}
    keys_b = {_skill_key(s) for s in b}
    shared = tuple(s for s in a if _skill_key(s) in keys_b)
    only_a = tuple(s for s in a if _skill_key(s) not in keys_b)
    only_b = tuple(s for s in b if _skill_key(s) not in keys_a)
    return shared, only_a, only_b


# --- 6. pair summary --------------------------------------------------------------------------


@dataclass(frozen=True)
class PairSummary:
    """Key numbers of one pair of roles (None where a role lacks the data)."""

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

    def to_dict(self) -> dict[str, Any]:
        """Flat dict of plain values, one row of an index of all pairs."""

        def gap_fields(prefix: str, gap: PayGap | None) -> dict[str, Any]:
            if gap is None:
                keys = ["", "_low", "_high", "_percent", "_percent_low", "_percent_high"]
                out: dict[str, Any] = {f"{prefix}{k}": None for k in keys}
                out[f"{prefix}_higher"] = None
                out[f"{prefix}_conflict"] = None
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
        _diff(exp_a.best, exp_b.best)
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
        age_difference=_single_difference(demo, "age_mean"),
        female_share_pp=_single_difference(demo, "female_share"),
        lgbt_share_pp=_single_difference(demo, "lgbt_share"),
        experience_difference=exp_diff,
        shared_skills=shared,
        only_a_skills=only_a,
        only_b_skills=only_b,
        n_conflicts=len(conflicts_for(conflicts, [role_a, role_b], include_us_average=False)),
        demographics=demo,
        age_difference_low=_single_difference(demo, "age_mean", "difference_low"),
        age_difference_high=_single_difference(demo, "age_mean", "difference_high"),
        female_share_pp_low=_single_difference(demo, "female_share", "difference_low"),
        female_share_pp_high=_single_difference(demo, "female_share", "difference_high"),
        lgbt_share_pp_low=_single_difference(demo, "lgbt_share", "difference_low"),
        lgbt_share_pp_high=_single_difference(demo, "lgbt_share", "difference_high"),
    )


# --- 7. appendix ------------------------------------------------------------------------------


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
