"""Resolving what the sources say about one (role, metric, category) into a `Resolved`.

Like with like: statements are first grouped by the statistic they state (mean, median, or
none said), as in `facts.agreement.effective` -- a statement that does not say takes the one
statistic the role's other statements of the key state. `resolve` returns one statistic's
statements (the one asked for; by default the role's only one, or the first of
`STATISTIC_PREFERENCE` when it states several: see `resolve`).

Within the statistic, statements that agree within their printed rounding and qualifiers
give one value (an unqualified, most precisely printed one); statements that disagree (the
key is listed in `conflicts`, the numbers cannot describe one value, or the units differ) keep
every distinct value, and so do statements of different periods. Nothing is averaged or
silently chosen. Also here: which roles publish nothing for a metric, and the helpers that
turn a `Resolved` into table cells (agreed value with low/high bounds, texts).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rolecompare.analysis._facts import (
    _as_list,
    _check_roles,
    _is_missing,
    _norm,
    _ref,
    _rows_of,
    _select,
    _text_or_none,
)
from rolecompare.analysis._numbers import _decimals, statements_agree
from rolecompare.facts.agreement import effective

STATISTIC_PREFERENCE = ("mean", "median", "")
"""Order in which a statistic is chosen when a role states several and none is asked for:
the average first (what comparison pages publish), then the median, then statements that do
not say which (left over when the others state several)."""

_STATISTIC_WORDS = {"mean": "average", "median": "median", "": "value"}


def statistic_word(statistic: str | None) -> str:
    """'average', 'median', or 'value' (the page does not say which) for labels and sentences."""
    return _STATISTIC_WORDS.get(statistic or "", str(statistic))


@dataclass(frozen=True, repr=False)
class Resolved:
    """What the sources say about one (role, metric, category) and one statistic.

    `values` holds one number when the sources agree (an unqualified, most precisely printed
    one) and every distinct number, ascending, when they conflict or state different periods.
    `stated` lists each distinct number as printed with the `source:line` references that
    state it. `statistic` is "mean", "median" or "" (no statement says which);
    `other_statistics` names the role's other statistics of the key (resolve them with
    `resolve(..., statistic=...)`). `approximate` is True when any statement is approximate
    or a bound ("about", "over", "nearly", "at least"...; the distinct ones in `qualifiers`).
    `periods` lists the periods stated (e.g. "2019-2029").
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
    statistic: str = ""
    approximate: bool = False
    qualifiers: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    other_statistics: tuple[str, ...] = ()

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
        """`best`, or -- DERIVED, no page states it -- the midpoint of the conflict range.

        Only for placing a mark in a figure; `point_is_derived` says which it is. Tables and
        sentences show `low` to `high` instead.
        """
        if not self.values:
            return None
        if len(self.values) == 1:
            return self.values[0]
        return (self.values[0] + self.values[-1]) / 2  # values are sorted when several

    @property
    def point_is_derived(self) -> bool:
        """True when `point` is a midpoint (the sources disagree), not a stated number."""
        return len(self.values) > 1

    def sources_of(self, value: float) -> tuple[str, ...]:
        """The `source:line` references that state exactly this number."""
        for stated, refs in self.stated:
            if stated == value:
                return refs
        return ()

    def __repr__(self) -> str:
        what = self.metric + (f"[{self.category}]" if self.category else "")
        if self.statistic:
            what += f" ({self.statistic})"
        shown = [_short(v) for v in self.values] or [repr(t) for t in self.texts]
        value = " to ".join([shown[0], shown[-1]]) if len(shown) > 1 else "".join(shown)
        notes = [
            n
            for n in (
                "sources disagree" if self.conflict else "",
                "approximate" if self.approximate else "",
                ", ".join(self.periods),
            )
            if n
        ]
        tail = f"; {'; '.join(notes)}" if notes else ""
        unit = f" {self.unit}" if self.unit and self.values else ""
        n = len(self.sources)
        return (
            f"<Resolved {self.role_id} {what}: {value}{unit}{tail} "
            f"({n} statement{'s' if n != 1 else ''})>"
        )


def _short(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _statistics_of(rows: pd.DataFrame) -> list[str]:
    if "statistic" not in rows.columns:
        return [""] * len(rows)
    return [_text_or_none(s) or "" for s in rows["statistic"]]


def _column_texts(rows: pd.DataFrame, name: str) -> list[str]:
    if name not in rows.columns:
        return [""] * len(rows)
    return [_text_or_none(s) or "" for s in rows[name]]


def _choose(available: list[str], wanted: str | None) -> str | None:
    """The statistic to resolve among those a key states (see `resolve`)."""
    if wanted is None:
        return next(s for s in STATISTIC_PREFERENCE if s in available)
    if wanted in available:
        return wanted
    if available == [""]:  # never says which: compatible with any statistic asked for
        return ""
    return None


def _in_conflicts(
    conflicts: pd.DataFrame | None,
    role_id: str,
    metric: str,
    category: str | None,
    statistic: str = "",
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
    same = keys.isna() if wanted is None else keys == wanted
    if "statistic" in rows.columns:  # older tables compared every statistic together
        same &= rows["statistic"].map(lambda s: _norm(s) or "") == statistic
    return bool(same.any())


def resolve(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_id: str,
    metric: str,
    category: str | None = None,
    *,
    statistic: str | None = None,
) -> Resolved | None:
    """Resolve one (role, metric, category) and statistic; None if nothing is stated.

    `statistic` ("mean", "median" or "" for statements that do not say) picks the statements
    of that statistic; a role none of whose statements says which is compatible with any
    statistic asked for (its `Resolved.statistic` stays ""). None (the default) takes the
    role's only statistic, and when it states several, the first of `STATISTIC_PREFERENCE`
    (mean, median, unstated) -- the others are named in `other_statistics`, so nothing is
    hidden; comparisons of two roles use `pay_gaps`, which pairs like with like.
    """
    _check_roles(facts, [role_id])
    rows = _select(facts, role_id, metric, category)
    if rows.empty:
        return None
    numbers = pd.to_numeric(rows["value"], errors="coerce").tolist()
    texts = [_text_or_none(t) for t in rows["text"]]
    keep = [
        (not _is_missing(v) and math.isfinite(float(v))) or t is not None
        for v, t in zip(numbers, texts, strict=True)
    ]
    if not any(keep):
        return None
    statistics = effective(_statistics_of(rows))
    stated = {t for k, t in zip(keep, statistics, strict=True) if k}
    available = [s for s in STATISTIC_PREFERENCE if s in stated]
    chosen = _choose(available, statistic)
    if chosen is None:
        return None
    statements = rows[[k and s == chosen for k, s in zip(keep, statistics, strict=True)]]
    result = _resolve_statements(statements, conflicts, role_id, metric, category, chosen)
    others = tuple(s for s in available if s != chosen)
    return Resolved(**{**result, "other_statistics": others})


def _resolve_statements(
    rows: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_id: str,
    metric: str,
    category: str | None,
    statistic: str,
) -> dict[str, Any]:
    """The fields of a `Resolved` from the statements of one statistic (sorted by source)."""
    qualifiers = _column_texts(rows, "qualifier")
    numbers, text_rows, refs, units_seen = _gather(rows, qualifiers)
    listed = _in_conflicts(conflicts, role_id, metric, category, statistic)
    values, stated, number_conflict = _values(numbers, listed)
    unit = "; ".join(units_seen) if len(units_seen) > 1 else (units_seen or [None])[0]

    distinct_texts: dict[str, str] = {}
    for text in text_rows:
        distinct_texts.setdefault(_norm(text) or text, text)
    text_list = tuple(distinct_texts.values())

    first = rows.iloc[0]
    return {
        "role_id": role_id,
        "role": str(first["role"]) if not _is_missing(first["role"]) else role_id,
        "metric": metric,
        "category": _text_or_none(first["category"]),
        "values": values,
        "text": text_list[0] if len(text_list) == 1 else None,
        "unit": unit,
        "sources": tuple(refs),
        "conflict": listed or number_conflict or (len(text_list) > 1 and _text_is_value(metric)),
        "texts": text_list,
        "stated": tuple((v, tuple(r)) for v, r in sorted(stated.items())),
        "statistic": statistic,
        "approximate": any(q for q in qualifiers),
        "qualifiers": tuple(dict.fromkeys(q for q in qualifiers if q)),
        "periods": tuple(dict.fromkeys(p for p in _column_texts(rows, "period") if p)),
    }


_Number = tuple[float, str, str | None, str, str]  # value, ref, unit, qualifier, period


def _gather(
    rows: pd.DataFrame, qualifiers: list[str]
) -> tuple[list[_Number], list[str], list[str], list[str]]:
    """The statements' numbers (with ref, unit, qualifier, period), texts, refs and units."""
    periods = effective(_column_texts(rows, "period"))
    numbers: list[_Number] = []
    text_rows: list[str] = []
    refs: list[str] = []
    units_seen: list[str] = []
    for value, text, unit, source, line, qualifier, period in zip(
        pd.to_numeric(rows["value"], errors="coerce"),
        rows["text"],
        rows["unit"],
        rows["source"],
        rows["line"],
        qualifiers,
        periods,
        strict=True,
    ):
        text, unit = _text_or_none(text), _text_or_none(unit)
        ref = _ref(source, line)
        refs.append(ref)
        if unit and unit not in units_seen:
            units_seen.append(unit)
        if not _is_missing(value) and math.isfinite(float(value)):
            numbers.append((float(value), ref, unit, qualifier, period))
        if text is not None:
            text_rows.append(text)
    return numbers, text_rows, refs, units_seen


def _values(
    numbers: list[_Number], listed: bool
) -> tuple[tuple[float, ...], dict[float, list[str]], bool]:
    """The resolved values, each stated value with its refs, and whether they conflict:
    every distinct value where they do, else one per period."""
    stated: dict[float, list[str]] = {}
    for value, ref, *_ in numbers:
        stated.setdefault(value, []).append(ref)
    by_period: dict[str, list[_Number]] = {}
    for number in numbers:
        by_period.setdefault(number[4], []).append(number)
    disagree = any(
        not statements_agree([n[0] for n in group], [n[3] for n in group])
        for group in by_period.values()
    )
    # one number in two units (30,741 GBP and 30,741 EUR) is two different amounts
    units_differ = len({n[2] for n in numbers if n[2]}) > 1
    number_conflict = units_differ or (len(stated) > 1 and (listed or disagree))
    if number_conflict:
        return tuple(sorted(stated)), stated, True
    # per period, an unqualified and most precisely printed statement (first by source)
    chosen = {
        max(group, key=lambda n: (not n[3], _decimals(n[0])))[0] for group in by_period.values()
    }
    return tuple(sorted(chosen)), stated, False


def _text_is_value(metric: str) -> bool:
    """Texts are values for text metrics (a degree, a city); beside a number of a number-only
    metric they are the page's comment ("Faster than average"), worded freely."""
    from rolecompare.facts.schema import metrics

    return metric not in metrics() or "text" in metrics()[metric].value_kind


def stated_statistics(
    facts: pd.DataFrame, role_id: str, metric: str, category: str | None = None
) -> tuple[str, ...]:
    """The statistics a role's numbers of a key are compared as (see `resolve`), in
    `STATISTIC_PREFERENCE` order: ("mean",), ("median",), ("",) when none says, or several."""
    rows = _select(facts, role_id, metric, category)
    if rows.empty:
        return ()
    numbers = pd.to_numeric(rows["value"], errors="coerce")
    has_number = [not _is_missing(v) and math.isfinite(float(v)) for v in numbers]
    statistics = {s for s, h in zip(effective(_statistics_of(rows)), has_number, strict=True) if h}
    return tuple(s for s in STATISTIC_PREFERENCE if s in statistics)


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
