"""Resolved values as the cells of a table: the agreed value or NaN with the low and high
statements, the texts joined."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from rolecompare.analysis._resolve import Resolved, resolve


def _numeric(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_id: str,
    metric: str,
    category=None,
    statistic: str | None = None,
) -> Resolved | None:
    res = resolve(facts, conflicts, role_id, metric, category, statistic=statistic)
    return res if res is not None and res.values else None


def _value_columns(res: Resolved | None, name: str) -> dict[str, Any]:
    """{name: the agreed value (NaN when the sources disagree), name_low, name_high}.

    No midpoint: a table cell holds only numbers a page states.
    """
    if res is None or not res.values:
        return {name: math.nan, f"{name}_low": math.nan, f"{name}_high": math.nan}
    best = res.best
    return {
        name: math.nan if best is None else best,
        f"{name}_low": res.low,
        f"{name}_high": res.high,
    }


def _texts_cell(res: Resolved | None) -> str | None:
    if res is None or not res.texts:
        return None
    return " / ".join(res.texts)
