"""Pay tables printed as plain text: a header of column words, rows of a role and its figures.

    Public Librarian Salary by Librarian Type
    MEDIAN HIGH LOW
    All Public Librarians 47,446 309,567 20,000
    Library Director 59,392 309,567 20,000

A header line made only of pay column words (median, mean, high, low, ...) over rows that end
in as many amounts: each row whose label is wholly one role of the page gives that role's pay,
one fact per column (`salary_yearly` with its statistic, `salary_max`, `salary_min`). Rows whose
label names no role (a department, a region) stay unread. The table counts only under a
heading about pay, and every amount must be a yearly one ($1,000 or more).
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import find_numbers, token_fact

# column word -> (metric, statistic)
_COLUMNS = {
    "median": ("salary_yearly", "median"),
    "mean": ("salary_yearly", "mean"),
    "average": ("salary_yearly", "mean"),
    "high": ("salary_max", None),
    "highest": ("salary_max", None),
    "max": ("salary_max", None),
    "maximum": ("salary_max", None),
    "low": ("salary_min", None),
    "lowest": ("salary_min", None),
    "min": ("salary_min", None),
    "minimum": ("salary_min", None),
}
_PAY = re.compile(r"salar|wage|\bpay\b|earning|income", re.IGNORECASE)
MAX_HEADING_GAP = 3


def _header(line: str) -> list[tuple[str, str | None]] | None:
    words = line.lower().split()
    if not 2 <= len(words) <= 5 or any(w not in _COLUMNS for w in words):
        return None
    columns = [_COLUMNS[w] for w in words]
    return columns if len({m for m, _ in columns}) == len(columns) else None


def _about_pay(lines: list[str | None], number: int) -> bool:
    above = [(lines[n - 1] or "") for n in range(max(1, number - MAX_HEADING_GAP), number)]
    return any(_PAY.search(text) for text in above)


def read_column_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    for number, line in enumerate(lines, 1):
        columns = _header(line or "")
        if columns and _about_pay(lines, number):
            _rows(lines, number + 1, columns, result, context)


def _rows(
    lines: list[str | None],
    first: int,
    columns: list[tuple[str, str | None]],
    result: PageResult,
    context: PageContext,
) -> None:
    number = first
    while number <= len(lines) and (text := (lines[number - 1] or "").rstrip()):
        tokens = [t for t in find_numbers(text) if not t.is_year]
        label = text[: tokens[0].start].strip() if tokens else ""
        if len(tokens) != len(columns) or not label or number in result.claimed:
            break
        if any(t.kind not in {"number", "money"} or (t.value or 0) < 1000 for t in tokens):
            break
        named = context.roles.mentions(label)
        whole = len(named) == 1 and named[0].start == 0 and named[0].end == len(label)
        if whole:  # a row label that is wholly a role's name declares it, as a table header
            for (metric, statistic), token in zip(columns, tokens, strict=True):
                result.facts.append(token_fact(named[0].role, metric, number, token,
                                               statistic=statistic, unit="USD/year"))  # fmt: skip
            result.claimed.add(number)
        number += 1
