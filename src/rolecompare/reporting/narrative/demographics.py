"""Demographic sentences: average age, the share of women and of LGBT people, and how far the
race distributions differ (dissimilarity index), from `analysis.demographics_summary` and
`analysis.dissimilarity`, with the pages' numbers cited and computed ones marked."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from rolecompare.core import display
from rolecompare.reporting.evidence import Evidence, Statement
from rolecompare.reporting.narrative.amounts import (
    cited,
    computed_years,
    derived,
    format_number,
    format_percent,
    missing,
    points_span,
    span,
)
from rolecompare.reporting.narrative.names import plural

FEMALE = {"female", "women", "woman"}


def _row(summary: pd.DataFrame, measure: str) -> dict | None:
    rows = summary[summary["measure"] == measure]
    if rows.empty:
        return None
    row = rows.iloc[0].to_dict()
    return None if missing(row["value_a_low"]) or missing(row["value_b_low"]) else row


def female_statements(ev: Evidence | None, role_id: str) -> list[Statement]:
    if ev is None:
        return []
    for category in ev.categories(role_id, "gender_share"):
        if category.strip().casefold() in FEMALE:
            return ev.of(role_id, "gender_share", category)
    return []


def _stated(ev: Evidence | None, role_id: str, measure: str, value_text: str) -> str:
    """The role's value as stated, cited; `value_text` when there is no evidence to cite."""
    if ev is None:
        return value_text
    found = {
        "age": ev.of(role_id, "age"),
        "female_share": female_statements(ev, role_id),
        "lgbt_share": ev.of(role_id, "lgbt_share"),
    }[measure]
    return cited(ev, found) or value_text


def _side(row: dict, side: str, fmt) -> str:
    return span(row[f"value_{side}_low"], row[f"value_{side}_high"], fmt)


def age_sentence(
    summary: pd.DataFrame,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    ev: Evidence | None = None,
    *,
    short: bool = False,
) -> str:
    """'Customer relations managers are 5–6† years younger on average than customer care
    managers (42 [1, 2] against 47 [1, 2] or 48 [4]).' ('' when a role lacks the age)."""
    row = _row(summary, "age")
    if row is None:
        return ""
    a_cap, b = plural(role_a, names, True), plural(role_b, names)
    va = _stated(ev, role_a, "age", _side(row, "a", format_number))
    vb = _stated(ev, role_b, "age", _side(row, "b", format_number))
    basis = "" if short else f" ({va} against {vb})"
    if not row.get("comparable", True):
        return (
            f"The pages give the ages of {plural(role_a, names)} ({va}) and {b} ({vb}) as "
            "different statistics, so they are not compared."
        )
    lo, hi = row["difference_low"], row["difference_high"]
    if lo == hi == 0:
        return f"{a_cap} and {b} have the same average age{basis}."
    if lo > 0 or hi < 0:
        word = "older" if lo > 0 else "younger"
        small, large = sorted((abs(lo), abs(hi)))
        years = derived(span(small, large, computed_years))
        unit = "year" if small == large == 1 else "years"
        return f"{a_cap} are {years} {unit} {word} on average than {b}{basis}."
    return (
        f"Depending on the source, {plural(role_a, names)} are between "
        f"{derived(computed_years(lo))} years younger and {derived(computed_years(hi))} years "
        f"older on average than {b}{basis}."
    )


def _share_sentence(
    summary: pd.DataFrame,
    measure: str,
    subject: str,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    ev: Evidence | None,
    short: bool,
) -> str:
    row = _row(summary, measure)
    if row is None:
        return ""
    va = _stated(ev, role_a, measure, _side(row, "a", format_percent))
    vb = _stated(ev, role_b, measure, _side(row, "b", format_percent))
    a, b = plural(role_a, names), plural(role_b, names)
    lo, hi = row["difference_low"], row["difference_high"]
    if lo == hi == 0:
        return f"{subject} make up {va} of both {a} and {b}."
    if lo > 0 or hi < 0:
        word = "more" if lo > 0 else "less"
        small, large = sorted((abs(lo), abs(hi)))
        pp = points_span(small, large)
        if short:
            return f"{subject}: {va} of {a} and {vb} of {b} ({pp} {word})."
        return f"{subject} make up {va} of {a}, {pp} {word} than among {b} ({vb})."
    return f"{subject} make up {va} of {a} and {vb} of {b}, depending on the source."


def gender_sentence(
    summary: pd.DataFrame,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    ev: Evidence | None = None,
    *,
    short: bool = False,
) -> str:
    """'Women make up 61.8% [1, 2] of customer relations managers, 0.1† percentage points less
    than among customer care managers (61.9% [1, 3]).'"""
    return _share_sentence(summary, "female_share", "Women", names, role_a, role_b, ev, short)


def lgbt_sentence(
    summary: pd.DataFrame,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    ev: Evidence | None = None,
    *,
    short: bool = False,
) -> str:
    """'LGBT people make up 16% [1, 2] of customer relations managers, 8.0† percentage points
    more than among customer care managers (8% [1]).'"""
    return _share_sentence(summary, "lgbt_share", "LGBT people", names, role_a, role_b, ev, short)


def dissimilarity_sentence(
    index: float | None,
    ev: Evidence | None = None,
    role_ids: tuple[str, str] | None = None,
    *,
    metric: str = "race_share",
    short: bool = False,
) -> str:
    """'The race distributions differ by a dissimilarity index of 14.4†: 14.4%† of one group
    would have to change category to match the other.' ('' without an index)."""
    noun = {"race_share": "race", "gender_share": "gender"}.get(metric, metric.split("_")[0])
    if index is None or missing(index):
        return ""
    refs = []
    if ev is not None and role_ids:
        refs = [ref for r in role_ids for ref in ev.refs_of(r, metric)]
    cite = f" {ev.cite(refs)}" if ev is not None and refs and ev.cite(refs) else ""
    value = derived(display.points_number(index))  # as the site shows it
    if short:
        return f"The {noun} distributions differ by a dissimilarity index of {value}."
    if display.round_points(index) == 0:
        return f"The {noun} distributions are the same{cite} (dissimilarity index {value})."
    return (
        f"The {noun} shares{cite} differ by a dissimilarity index of {value}: "
        f"{derived(format_percent(index))} of one group would have to change category to match "
        "the other."
    )


def distributions_sentence(
    counts: Mapping[str, int], names: Mapping[str, str] | None, metric: str
) -> str:
    """'The pages give registered nurses' race shares in 4 sets, from different pages or years:
    each set is shown as its page states it, side by side, never merged.' ('' when every role
    has one set)."""
    several = [role for role, n in counts.items() if n > 1]
    if not several:
        return ""
    noun = {"race_share": "race", "gender_share": "gender"}.get(metric, metric.split("_")[0])
    who = " and ".join(f"{plural(r, names)}' {noun} shares in {counts[r]} sets" for r in several)
    return (
        f"The pages give {who}, from different pages or years: each set is shown as its page "
        "states it, side by side, never merged."
    )
