"""Pay by percentile printed as rows, one rank a line:

    10% $45,690            10th percentile   $21.97
    25% $58,800            Median            $40.58
    Median $84,400         90th percentile   $75.17

A rank ("10%", "10th", "10th percentile", "Median") and one amount, nothing else, in a run of
at least three such rows with at least one rank below and one above the median: that run is a
pay distribution (one row alone could be anything). Ranks are percentiles of the page's role
(`salary_percentile`, category = the rank; hourly below $1,000); the median row is its median
pay. A page about two roles gives none: a row does not say whose it is.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import Token, find_numbers, token_fact

_ROW = re.compile(
    r"^\s*(?:[-•*]\s*)?(?:(?P<n>[1-9]\d?)(?:\s?%|st|nd|rd|th)(?:\s+percentile)?|(?P<median>Median))"
    r"\s*:?\s+(?=\$)",
    re.IGNORECASE,
)
MIN_ROWS = 3


def _row(line: str | None) -> tuple[str, Token, int] | None:
    """(rank, amount, where the amount's label ends) of a row ("50" for the median), or
    None."""
    if not line or len(line) > 48 or "$" not in line:
        return None
    m = _ROW.match(line)
    if m is None:
        return None
    money = [t for t in find_numbers(line) if t.start >= m.end()]
    if len(money) != 1 or money[0].kind != "money" or line[money[0].end :].strip():
        return None
    return ("50" if m.group("median") else m.group("n")), money[0], m.end()


def read_percentile_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    roles = context.roles
    role = roles.subject or roles.main
    if role is None or roles.pair is not None:
        return
    number = 0
    while number < len(lines):
        run = []
        while number < len(lines) and number + 1 not in result.claimed:
            row = _row(lines[number])
            if row is None:
                break
            number += 1
            run.append((number, *row))
        number += 0 if run else 1
        ranks = {int(rank) for _, rank, _, _ in run}
        if len(run) >= MIN_ROWS and min(ranks) < 50 < max(ranks):
            _emit(run, context.section_role(run[0][0]) or role, result)


def _emit(run: list[tuple[int, str, Token, int]], role: str, result: PageResult) -> None:
    for number, rank, token, label_end in run:
        result.consume(number, 0, label_end)  # the rank ("10%") is part of the fact
        hourly = (token.value or 0) < 1000
        unit = "USD/hour" if hourly else "USD/year"
        if rank == "50":
            metric = "salary_hourly" if hourly else "salary_yearly"
            fact = token_fact(role, metric, number, token, statistic="median", unit=unit)
        else:
            metric = "salary_percentile_hourly" if hourly else "salary_percentile"
            fact = token_fact(role, metric, number, token, category=rank, unit=unit)
        result.facts.append(fact)
        result.claimed.add(number)
        result.read_lines.add(number)
    result.layouts.add("statistics")
