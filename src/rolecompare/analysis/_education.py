"""Education and skills: the most common degree, major and college of two roles side by
side, each role's skill names (listed skills by share, then skills named in prose), and the
skills two roles share or do not share, compared case-insensitively.
"""

from __future__ import annotations

import pandas as pd

from rolecompare.analysis._cells import _numeric, _texts_cell
from rolecompare.analysis._facts import (
    _categories,
    _check_roles,
    _nan,
    _norm,
    _rows_of,
    _text_or_none,
)
from rolecompare.analysis._resolve import resolve

EDUCATION_METRICS = {
    "degree_top": "Most common degree",
    "major_top": "Most common major",
    "college_top": "Most common college",
}


def education_table(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> pd.DataFrame:
    """Side by side: most common degree (text and percent), major and college.

    Columns: metric, label, text_a, value_a, text_b, value_b, conflict, sources_a, sources_b.
    A value the sources disagree on is NaN (`conflict` is set; `text_a` joins differing texts).
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
                "value_a": _nan(ra.best if ra else None),
                "text_b": _texts_cell(rb),
                "value_b": _nan(rb.best if rb else None),
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
            share = res.high if res and res.high is not None else 0.0  # only orders the list
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
