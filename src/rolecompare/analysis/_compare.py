"""Two roles side by side, one row per metric (and category) either states: `compare_roles`.

Each side is what its pages state (every distinct value kept, with its sources); the
difference and the percent difference are DERIVED, computed like with like (a median with a
median: see `_like`) over every combination of stated values, so they are ranges where a
side is. Passages (descriptions, duties) are quoted elsewhere, never compared.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import pandas as pd

from rolecompare.analysis._facts import _check_roles, _is_missing, _norm, _text_or_none
from rolecompare.analysis._like import like_pairs
from rolecompare.analysis._numbers import _printed, difference, percent_of
from rolecompare.analysis._resolve import Resolved, resolve, stated_statistics

COMPARE_COLUMNS = [
    "metric",
    "category",
    "statistic",
    "period",
    "unit",
    "a",
    "b",
    "a_low",
    "a_high",
    "b_low",
    "b_high",
    "difference",
    "difference_low",
    "difference_high",
    "difference_unit",
    "percent",
    "percent_low",
    "percent_high",
    "percent_base",
    "conflict",
    "approximate",
    "note",
    "sources_a",
    "sources_b",
]

DERIVED_COMPARE_COLUMNS = (
    "difference",
    "difference_low",
    "difference_high",
    "percent",
    "percent_low",
    "percent_high",
)

_QUALIFIER_WORDS = {"approximate": "about"}


def _printed_lookup(rows: pd.DataFrame) -> dict[tuple[str, str, str, float], tuple[str, str]]:
    """(role, metric, category key, value) -> (the number as printed, its qualifier).

    Uses a `printed` column (the value column of facts.csv as text) where the caller kept
    one; the most precisely printed spelling wins (19.80 over 20).
    """
    out: dict[tuple[str, str, str, float], tuple[str, str]] = {}
    values = pd.to_numeric(rows["value"], errors="coerce")
    printed = rows["printed"] if "printed" in rows.columns else [None] * len(rows)
    qualifiers = rows["qualifier"] if "qualifier" in rows.columns else [None] * len(rows)
    for role_id, metric, category, value, text, qualifier in zip(
        rows["role_id"], rows["metric"], rows["category"], values, printed, qualifiers, strict=True
    ):
        if _is_missing(value):
            continue
        key = (str(role_id), str(metric), _norm(category) or "", float(value))
        spelled = _text_or_none(text) or _printed(float(value))
        known = out.get(key)
        if known is None or len(spelled) > len(known[0]):
            out[key] = (spelled, _text_or_none(qualifier) or "")
    return out


def _grouped(printed: str) -> str:
    """66782 -> 66,782 and 19.80 -> 19.80: thousands grouped, printed decimals kept."""
    sign, digits = ("-", printed[1:]) if printed.startswith("-") else ("", printed)
    whole, dot, fraction = digits.partition(".")
    return f"{sign}{int(whole):,}{dot}{fraction}" if whole.isdigit() else printed


def _shown(res: Resolved | None, lookup, key: tuple[str, str, str]) -> str | None:
    """A side as printed: '66,782', 'about 52,000', '58,913 / 66,782', or its text."""
    if res is None:
        return None
    numbers = []
    for value in res.values:
        printed, qualifier = lookup.get((*key, value), (_printed(value), ""))
        word = _QUALIFIER_WORDS.get(qualifier, qualifier)
        numbers.append(f"{word} {_grouped(printed)}" if word else _grouped(printed))
    number = " / ".join(numbers)
    text = " / ".join(res.texts)
    if text and number:
        return f"{text} ({number})"
    return text or number or None


def _side(res: Resolved | None, side: str, lookup, key) -> dict[str, Any]:
    return {
        side: _shown(res, lookup, key),
        f"{side}_low": res.low if res is not None and res.values else math.nan,
        f"{side}_high": res.high if res is not None and res.values else math.nan,
        f"sources_{side}": "; ".join(res.sources) if res is not None else "",
    }


def _differences(a: Resolved, b: Resolved, role_a: str, role_b: str) -> dict[str, Any]:
    """a - b over every combination of stated values; the percent of the lower value (not
    for shares, whose difference is in percentage points, nor for values <= 0)."""
    combos = list(itertools.product(a.values, b.values))
    gaps = [difference(x, y) for x, y in combos]
    unit = a.unit or b.unit or ""
    shares = unit == "percent"
    out: dict[str, Any] = {
        "difference": gaps[0] if len(set(gaps)) == 1 else math.nan,
        "difference_low": min(gaps),
        "difference_high": max(gaps),
        "difference_unit": "percentage points" if shares else unit,
    }
    positive = all(x > 0 and y > 0 for x, y in combos)
    if shares or not positive:
        out.update(percent=math.nan, percent_low=math.nan, percent_high=math.nan)
        out["percent_base"] = ""
        return out
    percents = [percent_of(g, min(x, y)) for g, (x, y) in zip(gaps, combos, strict=True)]
    out["percent"] = percents[0] if len(set(gaps)) == 1 else math.nan
    out["percent_low"], out["percent_high"] = min(percents), max(percents)
    if all(g > 0 for g in gaps):
        out["percent_base"] = role_b
    elif all(g < 0 for g in gaps):
        out["percent_base"] = role_a
    else:
        out["percent_base"] = ""  # equal, or which is lower depends on the source
    return out


def _row(metric, category, statistic, a, b, role_a, role_b, lookup, note="") -> dict[str, Any]:
    cat = _norm(category) or ""
    row: dict[str, Any] = {
        "metric": metric,
        "category": category,
        "statistic": statistic,
        "period": "; ".join(dict.fromkeys(p for r in (a, b) if r is not None for p in r.periods)),
        "unit": (a.unit if a is not None else None) or (b.unit if b is not None else None),
        **_side(a, "a", lookup, (role_a, metric, cat)),
        **_side(b, "b", lookup, (role_b, metric, cat)),
        "conflict": "; ".join(r.role_id for r in (a, b) if r is not None and r.conflict),
        "approximate": bool((a is not None and a.approximate) or (b is not None and b.approximate)),
        "note": note,
        "percent_base": "",
    }
    if a is not None and b is not None and a.values and b.values and not note:
        row.update(_differences(a, b, role_a, role_b))
    return row


def _keys(rows: pd.DataFrame) -> list[tuple[str, str | None]]:
    """(metric, category) of every statement, in metric-table order, categories as first
    spelled (by source and line)."""
    from rolecompare.facts.schema import metrics

    known = metrics()
    order = {m: i for i, m in enumerate(known)}
    seen: dict[tuple[str, str], tuple[str, str | None]] = {}
    for metric, category in zip(rows["metric"], rows["category"], strict=True):
        metric = str(metric)
        if metric in known and known[metric].is_passage:
            continue
        key = (metric, _norm(category) or "")
        seen.setdefault(key, (metric, _text_or_none(category)))
    return sorted(seen.values(), key=lambda k: order.get(k[0], len(order)))


def compare_roles(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> pd.DataFrame:
    """One row per metric (and category, and statistic) either role states; `period` lists
    the periods the statements give.

    `a` / `b`: each side as printed ("66,782"; "58,913 / 66,782" where the sources disagree;
    texts as printed); `a_low` / `a_high`, `b_low` / `b_high`: the smallest and largest
    stated number. `difference` (a - b), `percent` (of the lower value, `percent_base` names
    that role) and their `_low` / `_high` bounds are DERIVED, computed only like with like:
    `note` says "unlike statistics" where one side states only a mean and the other only a
    median (then the row of each statistic carries one side). `conflict` names the roles
    whose sources disagree; `sources_a` / `sources_b` are the `file:line` of each side.
    `frame.attrs`: "roles" (role_a, role_b) and "derived" (the derived columns).
    """
    _check_roles(facts, [role_a, role_b])
    ids = facts["role_id"].to_numpy(dtype=object)
    rows = facts[(ids == role_a) | (ids == role_b)]
    lookup = _printed_lookup(rows)
    out = []
    for metric, category in _keys(rows):
        pairs = like_pairs(rows, conflicts, role_a, role_b, metric, category)
        for pair in pairs:
            out.append(
                _row(metric, category, pair.statistic, pair.a, pair.b, role_a, role_b, lookup)
            )
        if pairs:
            continue
        sa = stated_statistics(rows, role_a, metric, category)
        sb = stated_statistics(rows, role_b, metric, category)
        note = "unlike statistics: not compared" if sa and sb else ""
        if not sa and not sb:  # a text metric (or number+text without a number)
            a = resolve(rows, conflicts, role_a, metric, category)
            b = resolve(rows, conflicts, role_b, metric, category)
            out.append(_row(metric, category, "", a, b, role_a, role_b, lookup))
            continue
        for statistic in sa:
            a = resolve(rows, conflicts, role_a, metric, category, statistic=statistic)
            out.append(_row(metric, category, statistic, a, None, role_a, role_b, lookup, note))
        for statistic in sb:
            b = resolve(rows, conflicts, role_b, metric, category, statistic=statistic)
            out.append(_row(metric, category, statistic, None, b, role_a, role_b, lookup, note))
    frame = pd.DataFrame(out, columns=COMPARE_COLUMNS)
    frame.attrs["roles"] = (role_a, role_b)
    frame.attrs["derived"] = DERIVED_COMPARE_COLUMNS
    return frame
