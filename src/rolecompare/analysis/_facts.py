"""Reading the tidy `facts` table: role ids and names, and the rows of one key.

The table's columns are guaranteed by the pandera schema where it is loaded
(`rolecompare.facts.tables.load_facts`); this module only looks rows up. A role id that does not
occur in the table raises `UnknownRole` (with close matches as a hint), except the optional
`us-average` (`UnknownRole` and role names are `rolecompare.core.roles`'). The small
helpers here treat None, NaN and pd.NA alike as missing and compare
categories case- and whitespace-insensitively.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from rolecompare.core.roles import US_AVERAGE, UnknownRole

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


def known_roles(facts: pd.DataFrame) -> list[str]:
    """Sorted role ids present in the facts table."""
    return sorted({str(r) for r in facts["role_id"].dropna().unique()})


def _check_roles(facts: pd.DataFrame, role_ids: Iterable[str]) -> None:
    known = known_roles(facts)
    known_set = set(known)
    for role_id in role_ids:
        # the US average is optional data (only how-to-become pages have it), never a typo
        if role_id not in known_set and role_id != US_AVERAGE:
            raise UnknownRole(role_id, known)


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
