"""Pay sentences: the yearly and hourly gap, the salary ranges' overlap, the US average.

Like is compared with like (`analysis.pay_gaps`: a median with a median, an average with an
average). Where the two roles share no statistic (`analysis.unlike_statistics`) the sentence
says so instead of subtracting. A gap computed from a qualified number ("about $52,000") is
said to be approximate. Every computed number carries `DERIVED`, every stated one the numbers
of the pages that state it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from rolecompare import analysis
from rolecompare.analysis import Overlap, PayGap, Resolved, UnlikeStatistics
from rolecompare.core.roles import US_AVERAGE
from rolecompare.reporting.evidence import Evidence
from rolecompare.reporting.narrative.amounts import (
    cite_refs,
    computed_money,
    derived,
    format_money,
    format_percent,
    percent_span,
    span,
    statement_value,
)
from rolecompare.reporting.narrative.names import (
    join,
    metric_label,
    plural,
    singular,
    statistic_word,
)

PER = {"salary_yearly": "a year", "salary_hourly": "an hour"}


def _values(ev: Evidence | None, res: Resolved) -> str:
    """'$58,913 [3] or $66,782 [1, 2]' for what the sources state of one side of a gap."""
    parts = []
    for value, refs in res.stated or tuple((v, res.sources) for v in res.values):
        found = [s for s in (ev.of(res.role_id, res.metric) if ev else []) if s.value == value]
        text = statement_value(found[0]) if found else format_money(value, res.unit)
        parts.append(text + cite_refs(ev, refs))
    return " or ".join(parts)


def _basis(ev: Evidence | None, gap: PayGap, first: Resolved, second: Resolved) -> str:
    """'(averages: $66,782 [1] against $41,181 [1])'."""
    words = statistic_word(gap.statistic)
    head = f"{words}s: " if words else ""
    return f"({head}{_values(ev, first)} against {_values(ev, second)})"


def _years(res: Resolved) -> str:
    """'2021', '2021 and 2023': the years the side's values are of ('' when none is given)."""
    return join(sorted({p[:4] for p in res.periods if p[:4].isdigit()}))


def _compared(gap: PayGap, names: Mapping[str, str] | None) -> str:
    """' (comparing medians)'; with the years where the two sides' values are of different
    years: ' (comparing medians: 2023 for registered nurses, 2021 for nurse practitioners)'."""
    words = statistic_word(gap.statistic)
    what = f"{words}s" if words else "the stated values"
    years_a, years_b = _years(gap.a), _years(gap.b)
    if years_a and years_b and years_a != years_b:
        sides = [(years_a, gap.role_a), (years_b, gap.role_b)]
        said = ", ".join(f"{y} for {plural(r, names)}" for y, r in sides)
        return f" (comparing {what}: {said})"
    return f" (comparing {words}s)" if words else ""


def _about(gap: PayGap) -> str:
    return "about " if gap.approximate else ""


def _amounts(gap: PayGap) -> tuple[str, str]:
    """The gap and its percent, marked as computed ('about' when approximate)."""
    lo, hi = sorted((abs(gap.gap_low), abs(gap.gap_high)))
    money = derived(span(lo, hi, lambda v: computed_money(v, gap.unit)))
    percent = derived(percent_span(gap.percent_low, gap.percent_high))
    return f"{_about(gap)}{money}", f"{_about(gap)}{percent}"


def pay_gap_sentence(
    gap: PayGap,
    names: Mapping[str, str] | None,
    ev: Evidence | None = None,
    *,
    short: bool = False,
) -> str:
    """'Customer relations managers earn $25,601† (62.2%†) more a year than customer care
    managers (averages: $66,782 [1] against $41,181 [1]).' The percent is of the lower-paid
    role; with conflicting sources, ranges and 'depending on the source'. `short` leaves the
    stated values out (for the key numbers)."""
    per = PER.get(gap.metric, "")
    a, b = gap.role_a, gap.role_b
    compared = _compared(gap, names) if short else ""
    approx = " The gap is approximate: a page qualifies a salary." if gap.approximate else ""
    if gap.equal:
        basis = "" if short else " " + _basis(ev, gap, gap.a, gap.b)
        return (
            f"{plural(a, names, True)} and {plural(b, names)} earn the same {per}"
            f"{compared}{basis}.{approx}"
        )
    if gap.higher is None:
        basis = "" if short else " " + _basis(ev, gap, gap.a, gap.b)
        less = derived(computed_money(gap.gap_low, gap.unit))
        more = derived(computed_money(gap.gap_high, gap.unit))
        return (
            f"Depending on the source, {plural(a, names)} earn between {_about(gap)}{less} "
            f"less and {_about(gap)}{more} more {per} than {plural(b, names)}"
            f"{compared}{basis}.{approx}"
        )
    money, percent = _amounts(gap)
    higher, lower = (gap.a, gap.b) if gap.higher == a else (gap.b, gap.a)
    depending = ", depending on the source" if gap.conflict else ""
    basis = "" if short else " " + _basis(ev, gap, higher, lower)
    return (
        f"{plural(higher.role_id, names, True)} earn {money} ({percent}) more {per} than "
        f"{plural(lower.role_id, names)}{depending}{compared}{basis}.{approx}"
    )


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def unlike_sentence(
    unlike: UnlikeStatistics,
    names: Mapping[str, str] | None,
    ev: Evidence | None = None,
    *,
    short: bool = False,
) -> str:
    """'The pages give customer relations managers' yearly salary as a median ($58,913 [3])
    and customer care managers' as an average ($41,181 [1]): different statistics, so they are
    not subtracted here.'"""
    label = metric_label(unlike.metric).lower()

    def side(found: tuple[Resolved, ...]) -> str:
        kinds = [_a(statistic_word(r.statistic) or "figure of unstated kind") for r in found]
        values = " or ".join(_values(ev, r) for r in found)
        return f"as {join(kinds, 'or')}" + ("" if short else f" ({values})")

    who_a, who_b = plural(unlike.role_a, names), plural(unlike.role_b, names)
    return (
        f"The pages give {who_a}' {label} {side(unlike.a)} and {who_b}' {side(unlike.b)}: "
        "different statistics, so they are not subtracted here."
    )


def overlap_sentence(
    overlap: Overlap, names: Mapping[str, str] | None, ev: Evidence | None = None
) -> str:
    """How far the two published salary ranges overlap, in dollars and as a share of each."""
    a, b = overlap.role_a or "", overlap.role_b or ""

    def bounds(role_id: str, low: float, high: float) -> str:
        refs = []
        if ev is not None:
            refs = ev.refs_of(role_id, "salary_min", low) + ev.refs_of(role_id, "salary_max", high)
        return f"{format_money(low)}–{format_money(high)}{cite_refs(ev, refs)}"

    ra, rb = bounds(a, overlap.a_min, overlap.a_max), bounds(b, overlap.b_min, overlap.b_max)
    note = " (the sources state different bounds; the widest range is used)"
    note = note if overlap.conflict else ""
    if not overlap.overlaps:
        return (
            f"The salary ranges do not overlap: {plural(a, names)} earn {ra} and "
            f"{plural(b, names)} {rb}, {derived(computed_money(overlap.distance))} apart{note}."
        )
    return (
        f"The salary ranges overlap by {derived(computed_money(overlap.amount))} "
        f"({format_money(overlap.low)}–{format_money(overlap.high)}): "
        f"{derived(format_percent(overlap.percent_of_a))} of the {singular(a, names)} range "
        f"({ra}) and {derived(format_percent(overlap.percent_of_b))} of the "
        f"{singular(b, names)} range ({rb}){note}."
    )


def us_average_sentences(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_ids: Sequence[str],
    names: Mapping[str, str] | None,
    ev: Evidence | None = None,
    metric: str = "salary_yearly",
) -> list[str]:
    """Each role against the US average, when the pages give both as the same statistic
    (`analysis.versus_us_average`); the percent is of the US average."""
    rows = analysis.versus_us_average(facts, conflicts, list(role_ids), metric)
    out = []
    per = PER.get(metric, "")
    done: set[str] = set()
    for row in rows.to_dict("records"):
        role_id = str(row["role_id"])
        if role_id in done:  # one statistic per role is enough against the US average
            continue
        done.add(role_id)
        statistic = str(row["statistic"] or "")
        res = analysis.resolve(facts, conflicts, role_id, metric, statistic=statistic)
        us = analysis.resolve(facts, conflicts, US_AVERAGE, metric, statistic=statistic)
        words = statistic_word(statistic)
        values = f"{_values(ev, res)}; US average {_values(ev, us)}" if res and us else ""
        basis = f" ({words + 's: ' if words else ''}{values})" if values else ""
        about = "about " if row["approximate"] else ""
        lo, hi = row["difference_low"], row["difference_high"]
        who = plural(role_id, names, True)
        if lo == hi == 0:
            out.append(f"{who} earn the US average {per}{basis}.")
        elif lo > 0 or hi < 0:
            word = "more" if lo > 0 else "less"
            small, large = sorted((abs(lo), abs(hi)))
            money = derived(span(small, large, lambda v, u=row["unit"]: computed_money(v, u)))
            percent = derived(percent_span(row["percent_low"], row["percent_high"]))
            depending = ", depending on the source" if row["conflict"] else ""
            out.append(
                f"{who} earn {about}{money} ({about}{percent}) {word} {per} than the US "
                f"average{depending}{basis}."
            )
        else:
            out.append(
                f"Depending on the source, {plural(role_id, names)} earn between "
                f"{about}{derived(computed_money(lo, row['unit']))} less and "
                f"{about}{derived(computed_money(hi, row['unit']))} more {per} than the US "
                f"average{basis}."
            )
    return out
