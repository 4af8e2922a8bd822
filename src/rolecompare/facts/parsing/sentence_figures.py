"""The sentence pass: every line no block reader took and no seed-layout reader read."""

from __future__ import annotations

import re

from rolecompare.facts.parsing import (
    durations,
    jobs_outlook,
    label_rows,
    pay,
    pay_details,
    places,
    scores,
    workforce,
)
from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import find_numbers, find_periods
from rolecompare.facts.parsing.sentences import Reader, read_line

NUMBER_READERS: list[Reader] = [
    pay.pay,
    pay_details.percentiles,
    pay_details.pay_in,
    jobs_outlook.counts,
    jobs_outlook.growth,
    jobs_outlook.openings,
    jobs_outlook.employment_change,
    workforce.age,
    workforce.shares,
    scores.scores,
    label_rows.label_row,
    label_rows.bracketed_label,
    durations.training,
]
TEXT_READERS: list[Reader] = [places.places, places.education]
_TEXT_CUES = re.compile(
    r"highest|paying|paid|earn the most|\bneeds?\b|require|\bled\b|\bleads\b|topped|\btops\b"
    r"|leading to|complete|pay the most|pays the most|first|at the top|minimum|requirement"
    r"|education|payers|more than any other|must have|must hold|diploma",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def read_figures(
    lines: list[str | None], result: PageResult, context: PageContext, skip: set[int]
) -> None:
    """Figures in the sentences of every line except `skip` (lines other readers took)."""
    for number, line in enumerate(lines, start=1):
        if not line or number in skip or number in result.claimed:
            if line:
                _remember_projection(line, context)
            continue
        # numbers in words ("three million") have no digit: find_numbers knows them (cached)
        readers = NUMBER_READERS if _DIGIT.search(line) or find_numbers(line) else []
        if _TEXT_CUES.search(line):
            readers = [*readers, *TEXT_READERS]
        if readers and read_line(number, line, context, result, readers):
            result.layouts.add("sentences")
        _remember_projection(line, context)


def _remember_projection(line: str, context: PageContext) -> None:
    if "20" in line or "19" in line:
        spans = [p for p in find_periods(line) if p.kind == "span"]
        if spans:
            context.last_projection = spans[-1].text
