"""Experience and education sentences: years of experience, years it takes to become one, the
most common degree, major and college, entry-level education and the degrees held, each with
the pages that state it. A sentence a role has nothing for is left out ('' or no item); the
section says once what the pages do not publish (`rolecompare.reporting.narrative.missing`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from rolecompare.reporting.evidence import Evidence, Statement
from rolecompare.reporting.narrative.amounts import (
    DASH,
    cite_refs,
    cited,
    format_number,
    statement_value,
)
from rolecompare.reporting.narrative.names import cap, join, plural, singular

TOP_METRICS = {
    "degree_top": "most common degree",
    "major_top": "most common major",
    "college_top": "most common college",
    "education_entry": "usual entry-level education",
}


def experience_sentence(
    ev: Evidence, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> str:
    """'Average experience: 4 years [1, 2] for customer relations managers and 6 years [1, 3]
    for customer care managers.' ('' when neither has it)."""
    parts = [
        f"{cited(ev, ev.of(r, 'experience_years'))} for {plural(r, names)}"
        for r in (role_a, role_b)
        if ev.has(r, "experience_years")
    ]
    minimum = [
        f"{cited(ev, ev.of(r, 'experience_min_years'))} for {plural(r, names)}"
        for r in (role_a, role_b)
        if ev.has(r, "experience_min_years")
    ]
    out = []
    if parts:
        out.append(f"Average experience: {join(parts)}.")
    if minimum:
        out.append(f"Minimum experience asked for: {join(minimum)}.")
    return " ".join(out)


def _years_span(ev: Evidence, role_id: str) -> str:
    lows, highs = ev.of(role_id, "years_to_become_min"), ev.of(role_id, "years_to_become_max")
    refs = [ref for s in (*lows, *highs) for ref in s.refs]
    low = sorted({s.value for s in lows if s.value is not None})
    high = sorted({s.value for s in highs if s.value is not None})
    values = low + [v for v in high if v not in low]
    if not values:
        return ""
    if len(low) == 1 and len(high) == 1 and low[0] != high[0]:
        text = f"{format_number(low[0])}{DASH}{format_number(high[0])}"
    else:
        text = " or ".join(format_number(v) for v in values)
    return f"{text} years{cite_refs(ev, refs)}"


def become_sentence(ev: Evidence, names: Mapping[str, str] | None, role_a: str, role_b: str) -> str:
    """'It usually takes 2–4 years [1, 2] to become a customer relations manager and 4–6 years
    [1, 3] to become a customer care manager.'"""
    parts = [
        f"{years} to become {singular(r, names, with_article=True)}"
        for r in (role_a, role_b)
        if (years := _years_span(ev, r))
    ]
    return f"It usually takes {join(parts)}." if parts else ""


def _same(statements_a: list[Statement], statements_b: list[Statement]) -> bool:
    texts_a = {(s.text or "").casefold() for s in statements_a}
    texts_b = {(s.text or "").casefold() for s in statements_b}
    return len(texts_a) == 1 and texts_a == texts_b


def education_sentences(
    ev: Evidence, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> list[str]:
    """'The most common degree is Bachelor's Degree for both: 57% [1, 2] of customer relations
    managers and 59% [1, 3] of customer care managers.' One per metric either role has."""
    out = []
    for metric, label in TOP_METRICS.items():
        sa, sb = ev.of(role_a, metric), ev.of(role_b, metric)
        if not sa and not sb:
            continue
        if sa and sb and _same(sa, sb):
            text = sa[0].text
            shares = [
                f"{cited(ev, [replace(s, text=None)])} of {plural(r, names)}"
                for r, found in ((role_a, sa), (role_b, sb))
                for s in found
                if s.value is not None
            ]
            refs = [ref for s in (*sa, *sb) for ref in s.refs]
            if shares:
                out.append(f"The {label} is {text} for both: {join(shares)}.")
            else:
                out.append(f"The {label} is {text} for both{cite_refs(ev, refs)}.")
            continue
        parts = [
            f"{cited(ev, found)} for {plural(r, names)}"
            for r, found in ((role_a, sa), (role_b, sb))
            if found
        ]
        out.append(f"{cap(label)}: {join(parts)}.")
    return out


def _degree_set(ev: Evidence, role_id: str, refs: set[tuple[str, int]], limit: int) -> str:
    """'college-educated 63.9% (2018) [5]': the shares one page states, with its pages."""
    shown, cited_refs = [], []
    for category in ev.categories(role_id, "degree_share"):
        found = [s for s in ev.of(role_id, "degree_share", category) if set(s.refs) & refs]
        if found and len(shown) < limit:
            shown.append(f"{category} {statement_value(found[0])}")
            cited_refs += [r for r in found[0].refs if r in refs]
    return f"{join(shown)}{cite_refs(ev, cited_refs)}" if shown else ""


def degree_shares_sentence(
    ev: Evidence,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    limit: int = 5,
    distributions: pd.DataFrame | None = None,
) -> str:
    """'Degrees held by customer care managers: Bachelor's 59.4%, Associate 17.5% and Master's
    11.8% [4].' With `distributions` (`analysis.share_distributions` of degree_share), the
    shares of different pages or years are given set by set, never as one list."""
    parts = []
    for role_id in (role_a, role_b):
        if not ev.categories(role_id, "degree_share"):
            continue
        mine = (
            distributions[distributions["role_id"] == role_id]
            if distributions is not None
            else None
        )
        if mine is None or mine.empty:
            refs = set(ev.refs_of(role_id, "degree_share"))
            sets = [_degree_set(ev, role_id, refs, limit)]
        else:
            sets = [
                _degree_set(
                    ev, role_id, {_ref(r) for r in group["refs"].iloc[0].split("; ")}, limit
                )
                for _, group in mine.groupby("distribution", sort=True)
            ]
        parts.append(f"{plural(role_id, names)}: {'; '.join(s for s in sets if s)}")
    return f"Degrees held by {'; by '.join(parts)}." if parts else ""


def _ref(text: str) -> tuple[str, int]:
    source, line = text.rsplit(":", 1)
    return source, int(line)
