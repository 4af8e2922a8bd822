"""The key numbers of a pair in sentences for a reader, and where the pages disagree.

"Customer relations managers earn $17,732–$25,601† (43.1–62.2%†) more a year than customer
care managers, depending on the source." Each key number is the short form of the sentence
its section gives in full (same formatter, same rounding), so the two always agree.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from rolecompare import analysis
from rolecompare.reporting.evidence import Evidence
from rolecompare.reporting.narrative.amounts import (
    cited,
    computed_money,
    computed_years,
    derived,
)
from rolecompare.reporting.narrative.demographics import (
    age_sentence,
    dissimilarity_sentence,
    gender_sentence,
    lgbt_sentence,
)
from rolecompare.reporting.narrative.names import count, join, metric_label, plural
from rolecompare.reporting.narrative.pay import pay_gap_sentence, unlike_sentence


def _experience(ev: Evidence, names: Mapping[str, str] | None, role_a: str, role_b: str) -> str:
    values = {}
    for role_id in (role_a, role_b):
        found = {s.value for s in ev.of(role_id, "experience_years") if s.value is not None}
        if len(found) != 1:
            return ""
        values[role_id] = found.pop()
    difference = analysis.difference(values[role_a], values[role_b])
    if difference == 0:
        return (
            f"{plural(role_a, names, True)} and {plural(role_b, names)} have the same "
            "experience on average."
        )
    word = "more" if difference > 0 else "fewer"
    years = derived(computed_years(difference))
    unit = "year" if abs(difference) == 1 else "years"
    return (
        f"{plural(role_a, names, True)} have {years} {word} {unit} of experience on average "
        f"than {plural(role_b, names)}."
    )


def key_number_sentences(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    ev: Evidence,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
) -> list[str]:
    """The pair's key numbers, each a short sentence; only those the pages allow."""
    out = []
    for metric in ("salary_yearly", "salary_hourly"):
        gaps = analysis.pay_gaps(facts, conflicts, role_a, role_b, metric)
        unlike = analysis.unlike_statistics(facts, conflicts, role_a, role_b, metric)
        if gaps:
            out.append(pay_gap_sentence(gaps[0], names, ev, short=True))
        elif unlike is not None:
            out.append(unlike_sentence(unlike, names, ev, short=True))
    overlap = analysis.salary_overlap(facts, conflicts, role_a, role_b)
    if overlap is not None:
        if overlap.overlaps:
            amount = derived(computed_money(overlap.amount))
            out.append(f"Their published salary ranges overlap by {amount}.")
        else:
            out.append(
                "Their published salary ranges do not overlap: they are "
                f"{derived(computed_money(overlap.distance))} apart."
            )
    out.append(_experience(ev, names, role_a, role_b))
    summary = analysis.demographics_summary(facts, conflicts, role_a, role_b)
    out.append(age_sentence(summary, names, role_a, role_b, ev, short=True))
    out.append(gender_sentence(summary, names, role_a, role_b, ev, short=True))
    out.append(lgbt_sentence(summary, names, role_a, role_b, ev, short=True))
    index = analysis.dissimilarity(facts, conflicts, role_a, role_b)
    out.append(dissimilarity_sentence(index, short=True))
    return [s for s in out if s]


def disagreements_sentence(
    conflicts: pd.DataFrame | None,
    ev: Evidence,
    names: Mapping[str, str] | None,
    role_ids: tuple[str, ...],
) -> str:
    """'The pages disagree on 2 values: the yearly salary of customer relations managers
    ($58,913 [3] or $66,782 [1, 2]) and the age of customer care managers (47 [1, 2] or 48
    [4]).' ('' when they agree on everything about the pair)."""
    if conflicts is None or conflicts.empty:
        return ""
    rows = analysis.conflicts_for(conflicts, list(role_ids), include_us_average=False)
    parts = []
    for rec in rows.to_dict("records"):
        role_id, metric = str(rec["role_id"]), str(rec["metric"])
        category = rec.get("category")
        category = None if category is None or pd.isna(category) else str(category)
        statements = ev.of(role_id, metric, category) if category else ev.of(role_id, metric)
        if not statements:
            continue
        what = metric_label(metric).lower() + (f" ({category})" if category else "")
        parts.append(f"the {what} of {plural(role_id, names)} ({cited(ev, statements)})")
    if not parts:
        return ""
    return f"The pages disagree on {count(len(parts), 'value')}: {join(parts)}."
