"""Occupational handbook pages: the quick-facts block of labels and values.

    Quick Facts: Registered Nurses
    2022 Median Pay                              (or "2010 Median Pay<TAB>$61,690 per year")
    $81,220 per year
    $39.05 per hour
    Typical Entry-Level Education
    Bachelor's degree
    Number of Jobs, 2022
    3,172,500
    Job Outlook, 2022-32
    6% (Faster than average)
    Employment Change, 2022-32
    177,400

Each value comes on the line after its label, or after a tab on the label's line. The pay is a
median (the label says so) of the label's year, per year and per hour; "equal to or greater
than $208,000 per year or $100.00 per hour" is "at least" for both. The outlook keeps the
page's words beside the rate ("Faster than average") as text, and its years as the period
("2022-32" -> 2022-2032). The block's role is the one its heading names, else the page's
subject. The block's lines are not read again as a two-role comparison table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult, RawFact
from rolecompare.facts.parsing.numbers import (
    find_numbers,
    find_periods,
    qualifier_at,
    token_fact,
)
from rolecompare.facts.schema import metrics

_YEAR = r"(?:19|20)\d\d"
_SPAN = rf"{_YEAR} ?[-–] ?(?:{_YEAR}|\d\d)"
_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:{_YEAR} )?Median Pay(?:,? {_YEAR})?", re.I), "pay"),
    (re.compile(r"(?:Typical )?Entry[- ]Level Education", re.I), "education_entry"),
    (re.compile(r"Work Experience in a Related Occupation", re.I), "experience_related"),
    (re.compile(r"(?:Typical )?On[- ]the[- ]job Training", re.I), "training_on_the_job"),
    (re.compile(rf"Number of Jobs,? {_YEAR}", re.I), "jobs_count"),
    (re.compile(rf"Job Outlook,? {_SPAN}", re.I), "growth_projected"),
    (re.compile(rf"Employment Change,? {_SPAN}", re.I), "employment_change"),
]
_LABEL_WORDS = re.compile(
    r"(?i:median pay|entry[- ]level|related occupation|on[- ]the[- ]job|number of jobs|job "
    r"outlook|employment change)"
)
_HEADING = re.compile(r"^\s*Quick Facts\b:?\s*(?P<role>.*?)\s*$", re.I)
_PER = re.compile(r"\s*(?:per|a|an) (?P<per>year|hour)\b|\s*(?P<adverb>annually|hourly)\b", re.I)
_WORDS_BESIDE = re.compile(r"^\s*\((?P<words>[A-Za-z][^()]{1,60})\)\s*$")
MAX_BLOCK_LINES = 40


def _label(text: str) -> tuple[str, str, str | None] | None:
    """(metric, label text, value after a tab) when the line is a quick-facts label."""
    label, _, value = text.partition("\t")
    label = label.strip()
    for pattern, metric in _LABELS:
        if pattern.fullmatch(label):
            return metric, label, value.strip() or None
    return None


def _label_period(label: str) -> str | None:
    """'2022 Median Pay' -> 2022, 'Job Outlook, 2022-32' -> 2022-2032."""
    spans = [p for p in find_periods(label) if p.kind in {"span", "school"}]
    if spans:
        return spans[0].text
    year = re.search(rf"\b{_YEAR}\b", label)
    return year.group(0) if year else None


def _pay(role: str, label: str, line: str, number: int) -> list[RawFact]:
    period = _label_period(label)
    facts = []
    qualifier = None
    for token in find_numbers(line):
        per = _PER.match(line, token.end)
        if token.kind != "money" or per is None:
            continue
        hourly = (per.group("per") or per.group("adverb")).lower() in {"hour", "hourly"}
        qualifier = qualifier or qualifier_at(line, token)  # "... or $100.00 per hour" too
        metric = "salary_hourly" if hourly else "salary_yearly"
        if metrics()[metric].plausible(token.value or 0):
            facts.append(
                token_fact(role, metric, number, token, statistic="median", qualifier=qualifier,
                      period=period)
            )  # fmt: skip
    return facts


def _value_facts(
    role: str, metric: str, label: str, value: str, number: int, line: str
) -> list[RawFact]:
    if metric == "pay":
        return _pay(role, label, line, number)
    kind = metrics()[metric]
    if not kind.has_number:
        return [token_fact(role, metric, number, text=value)]
    offset = line.find(value)
    tokens = [t for t in find_numbers(value) if t.value is not None]
    if not tokens or not kind.plausible(tokens[0].value or 0):
        return []
    token = replace(tokens[0], start=tokens[0].start + offset, end=tokens[0].end + offset)
    period = _label_period(label)
    beside = value[tokens[0].end :]
    words = _WORDS_BESIDE.match(beside) if metric == "growth_projected" else None
    unit = "percent" if metric == "growth_projected" else None
    return [
        token_fact(role, metric, number, token, period=period,
              text=words.group("words").strip() if words else None, unit=unit)
    ]  # fmt: skip


def read_quick_facts(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    """Every quick-facts block of the page."""
    number = 0
    while number < len(lines):
        number += 1
        line = lines[number - 1]
        if not line or len(line) > 300:
            continue
        heading = _HEADING.match(line)
        if heading is None and (not _LABEL_WORDS.search(line) or _label(line) is None):
            continue
        role = context.roles.subject
        if heading and heading.group("role"):
            role = context.roles.resolve(heading.group("role")) or role
        start = number if heading else number - 1
        if role is None:
            continue
        number = _block(lines, start, role, result)


def _block(lines: list[str | None], start: int, role: str, result: PageResult) -> int:
    """Read the labels and values after line `start`; returns the last line of the block."""
    pending: tuple[str, str] | None = None
    found = 0
    last = start
    claimed_before = set(result.claimed)
    for number in range(start + 1, min(len(lines), start + MAX_BLOCK_LINES) + 1):
        line = lines[number - 1]
        if line is None or not line.strip():
            if found or pending:
                break
            continue
        text = line.strip()
        if label := _label(text):
            metric, label_text, value = label
            pending = (metric, label_text)
            result.claimed.add(number)
            last = number
            if value is not None:
                facts = _value_facts(role, metric, label_text, value, number, line)
                result.facts.extend(facts)
                found += len(facts)
                pending = None
            continue
        if pending is None:
            if found:
                break
            continue
        metric, label_text = pending
        facts = _value_facts(role, metric, label_text, text, number, line)
        result.facts.extend(facts)
        found += len(facts)
        result.claimed.add(number)
        last = number
        if metric != "pay":
            pending = None
    if found:
        result.layouts.add("handbook")
    else:  # labels with no value this reader reads ('Median Pay' over '49,450') stay free
        result.claimed &= claimed_before
    return last
