"""Resolving what the sources say about one (role, metric, category) into a `Resolved`.

Statements that agree within their printed rounding give one value (the most precisely
printed one); statements that disagree (the key is listed in `conflicts`, the numbers cannot
be roundings of one value, or the units differ) keep every distinct value. Nothing is
averaged or silently chosen. Also here: which roles publish nothing for a metric, and the
helpers that turn a `Resolved` into table cells (point value with low/high bounds, texts).
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
from rolecompare.analysis._numbers import _decimals, values_agree


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


def resolve(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_id: str,
    metric: str,
    category: str | None = None,
) -> Resolved | None:
    """Resolve one (role, metric, category) across all its statements; None if none exist."""
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


def _point_columns(res: Resolved | None, name: str) -> dict[str, Any]:
    """{name: best or midpoint, name_low, name_high} for a table row."""
    if res is None or not res.values:
        return {name: math.nan, f"{name}_low": math.nan, f"{name}_high": math.nan}
    return {name: res.point, f"{name}_low": res.low, f"{name}_high": res.high}


def _texts_cell(res: Resolved | None) -> str | None:
    if res is None or not res.texts:
        return None
    return " / ".join(res.texts)
