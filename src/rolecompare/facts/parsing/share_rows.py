"""Shares of a role's workforce by gender or race printed as rows, as statistics sites do:

    - Male, 93.9%            Gender | Percentages |       Year | Male | Female |
    - Female, 6.1%           Male | 93.9% |               2019 | 93.10% | 6.90% |
                                                          Job Title | Male | Female |
                                                          Welder | 94% | 6% |

A row's label is a gender word or a race label (`categories.RACE_PHRASE`) with one share; or,
under a header whose columns are genders or races, a year (the shares' period) or the page's
role with a share per column. Rows of other job titles are not the role's and are left alone.
The role is the section's (a heading that names it), else the page's.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.categories import RACE_PHRASE, RACE_QUALIFIER
from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import find_numbers, find_periods, token_fact

_GENDERS = {"male": "male", "men": "male", "female": "female", "women": "female"}
_LABEL = re.compile(
    rf"^\s*(?:[-•*·]\s*)?(?P<label>Male|Female|Men|Women|{RACE_PHRASE}){RACE_QUALIFIER}\s*[,:|]\s*"
    r"(?P<n>\d{1,3}(?:\.\d+)?)\s*%\s*\|?\s*$",
    re.IGNORECASE,
)
_RACE = re.compile(rf"^(?:{RACE_PHRASE})$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _column(label: str) -> tuple[str, str] | None:
    """(metric, category) of a share column or row label."""
    if (gender := _GENDERS.get(label.lower())) is not None:
        return "gender_share", gender
    if _RACE.match(label):
        return "race_share", label
    return None


def read_share_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    role = context.roles.subject or context.roles.main
    if role is None or context.roles.pair is not None:
        return
    main = role
    columns: list[tuple[str, str] | None] | None = None
    intro: tuple[str | None, str | None] = (None, None)  # a list's lead-in: its role, period
    for number, line in enumerate(lines, start=1):
        if not line or number in result.claimed or ("%" not in line and "|" not in line):
            columns = None if not line or "|" not in line else columns
            if line and line.rstrip().endswith(":"):
                intro = _intro(line, context)
            elif line and line.strip():
                intro = (None, None)
            continue
        if "|" in line and "%" not in line and not _SEPARATOR.match(line):
            cells = _cells(line)
            found = [_column(c) for c in cells[1:]]
            columns = found if cells and any(found) else None
            continue
        if _SEPARATOR.match(line):
            continue
        role = context.section_role(number) or main
        if m := _LABEL.match(line):
            metric, category = _column(m.group("label")) or ("", "")
            token = next(t for t in find_numbers(line) if t.start == m.start("n"))
            fact = token_fact(intro[0] or role, metric, number, token, category=category,
                              period=intro[1])  # fmt: skip
            result.facts.append(fact)
            result.claimed.add(number)
            continue
        if columns and "|" in line:
            _table_row(line, number, columns, role, context, result)


def _intro(line: str, context: PageContext) -> tuple[str | None, str | None]:
    """'For the 2017–18 school year, public school teachers ... broke down like this:'"""
    mentions = context.roles.mentions(line)
    periods = {p.text for p in find_periods(line) if p.is_point}
    return (mentions[0].role if mentions else None, periods.pop() if len(periods) == 1 else None)


def _table_row(
    line: str,
    number: int,
    columns: list[tuple[str, str] | None],
    role: str,
    context: PageContext,
    result: PageResult,
) -> None:
    cells = _cells(line)
    key = cells[0]
    period = key if _YEAR.match(key) else None
    if period is None and context.roles.role_phrase(key) != role:
        return  # another job title's row
    tokens = [t for t in find_numbers(line) if t.kind == "percent"]
    if len(tokens) != len([c for c in columns if c]) or len(tokens) != len(cells) - 1:
        return
    for token, column in zip(tokens, columns, strict=False):
        if column is not None:
            metric, category = column
            fact = token_fact(role, metric, number, token, category=category, period=period)
            result.facts.append(fact)
    result.claimed.add(number)
    result.read_lines.add(number)
