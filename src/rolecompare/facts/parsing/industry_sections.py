"""Pay under numbered sections that each name an industry.

    Here is what HR workers make in 18 major industries.
    18. Agriculture, forestry, fishing, and hunting
    - Median salary for human resources workers: $48,690
    -- Human resources managers: $101,640

A ranked list of industries, one section each: the pay a bullet of a section gives is that
industry's pay for the role the bullet names (`salary_by_industry`, category = the section's
heading as printed), not the role's pay overall. The sections count only when the line just
above the first one says they are industries. A bullet that is only a role's name and an
amount ('-- Human resources managers: $101,640') is that role's pay in the industry.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rolecompare.facts.parsing.context import PageContext, is_heading
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import find_numbers, token_fact

_SECTION = re.compile(r"^\s*#?\d{1,2}[.)]\s+(?P<label>[A-Z][^$\d|:]{2,120}?)\s*$")
_INDUSTRIES = re.compile(r"\bindustries\b|\bsectors\b", re.IGNORECASE)
_ROLE_ROW = re.compile(r"^\s*[-•*·–]{1,2}\s*(?P<label>[A-Z][^$\d:|]{2,80}?):\s*\$")
_PAY = {"salary_yearly", "salary_hourly"}


def _sections(lines: list[str | None]) -> list[tuple[int, int, str]]:
    """(heading line, last line, label) of each industry section, in page order."""
    heads = [
        (n, m.group("label"))
        for n, line in enumerate(lines, 1)
        if line and is_heading(line) and (m := _SECTION.match(line))
    ]
    if not heads or not _INDUSTRIES.search(_line_above(lines, heads[0][0])):
        return []
    ends = [n - 1 for n, _ in heads[1:]] + [len(lines)]
    return [(n, end, label) for (n, label), end in zip(heads, ends, strict=True)]


def _line_above(lines: list[str | None], number: int) -> str:
    for above in range(number - 1, 0, -1):
        if text := (lines[above - 1] or "").strip():
            return text
    return ""


def read_industry_sections(
    lines: list[str | None], result: PageResult, context: PageContext
) -> None:
    for first, last, label in _sections(lines):
        read = set()
        for i, fact in enumerate(result.facts):
            if first < fact.line <= last and fact.metric in _PAY and not fact.category:
                if fact.metric == "salary_yearly":
                    result.facts[i] = replace(fact, metric="salary_by_industry", category=label)
                read.add(fact.line)
        for number in range(first + 1, last + 1):
            if number not in read and number not in result.claimed:
                _role_row(lines[number - 1] or "", number, label, result, context)


def _role_row(line: str, number: int, label: str, result: PageResult, context: PageContext) -> None:
    """'-- Human resources managers: $101,640': the named role's yearly pay in the industry."""
    if not (m := _ROLE_ROW.match(line)):
        return
    named = context.roles.mentions(m.group("label"))
    money = [t for t in find_numbers(line) if t.kind == "money"]
    whole = len(named) == 1 and (named[0].start, named[0].end) == (0, len(m.group("label")))
    if not whole or len(money) != 1 or (money[0].value or 0) < 1000:
        return
    result.facts.append(token_fact(named[0].role, "salary_by_industry", number, money[0],
                                   category=label))  # fmt: skip
    result.claimed.add(number)
