"""Rows of pay by place or by kind of employer: tables, bullets and label/amount lines.

    | Rank | State | Median Salary | Top 10% Earn |        - Local government: $38,490
    | 1 | Alaska | $87,950 | $108,760+ |                  - Federal government: $43,760
    - #1: Hawaii (average annual wage: $55,200; ...)      Grocery stores $7.57

A row's label is a US state (or D.C.) -> `salary_by_place`, or a phrase ending in an employer
noun of the vocabulary (`cues.employers`) -> `salary_by_industry`; the category is the label as
printed. Two such rows in a row make a block (one alone is prose, read by the sentence
readers). The amount is the row's first money cell (in a table, the first pay column); below
$1,000 it is hourly. The statistic is the pay column's header, else the row's own words
("average annual wage"), else the nearest heading above. A table with a Rank column, or a block
under a "highest-paying states" heading, also gives its first row as the top state or industry.
The role is the one named on the heading line above, else the page's role.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext, is_heading
from rolecompare.facts.parsing.cues import employers
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import Token, find_numbers, find_periods, token_fact
from rolecompare.facts.parsing.places import STATES

_PLACE = re.compile(rf"(?:the )?(?:{STATES}|Washington,? D\.? ?C\.?|D\.C\.)")
_LEAD = re.compile(r"^\s*(?:[-•*·–]\s*)?(?:#?\d{1,2}\s*[.):]?\s*[:.)]?\s*)?")
_LABEL_END = re.compile(r"\s*[(:]|\s+[–-]\s+")
_LABEL_TAIL = re.compile(r"[\s:–(-]+$")
_STAT = re.compile(r"\b(?P<w>median|mean|average)\b", re.IGNORECASE)
_PAY_HEADER = re.compile(r"salar|wage|pay|earn|income", re.IGNORECASE)
_TOP = re.compile(r"\b(?:top|highest|best)[- ](?:paying|paid)\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
MAX_LABEL_WORDS = 8


def _kind(label: str) -> str | None:
    if _PLACE.fullmatch(label):
        return "salary_by_place"
    words = label.split()
    nouns = employers()
    if 0 < len(words) <= MAX_LABEL_WORDS and (
        words[-1].lower() in nouns
        or (len(words) > 2 and words[0].lower() in nouns and words[1] == "of")
    ):  # "Grocery stores", "Offices of Physicians"
        return "salary_by_industry"
    return None


def _row(
    line: str, pay_column: int | None, bare: bool = False
) -> tuple[str, list[Token], int] | None:
    """(label, amounts, where the label starts) of a row, or None. With `bare`, a row under
    one that printed "$" may end in a plain amount ("Department stores 7.55")."""
    if "|" in line or "\t" in line:
        sep = "|" if "|" in line else "\t"
        cells = [(m.start(), m.group(0)) for m in re.finditer(rf"[^{sep}]+", line)]
        cells = [(s, c) for s, c in cells if c.strip()]
        labels = [(s, c.strip()) for s, c in cells if _kind(c.strip())]
        if not labels:
            return None
        money = [t for t in find_numbers(line) if t.kind == "money"]
        if pay_column is not None and pay_column < len(cells):
            start = cells[pay_column][0]
            money = [t for t in money if t.start >= start]
        if not money:
            return None
        start, label = labels[0]
        return label, money, line.index(label, start)
    lead = _LEAD.match(line)
    tokens = [t for t in find_numbers(line) if t.value is not None]
    money = [t for t in tokens if t.kind == "money"]
    last = tokens[-1] if tokens else None
    # a plain amount that ends the row
    if bare and not money and last and last.kind == "number" and not last.is_year:
        money = [last] if not line[last.end :].strip() else []
    if lead is None or not money:
        return None
    start = lead.end()
    first = next((t for t in tokens if t.start >= start), None)
    end = first.start if first else len(line)
    label = _LABEL_TAIL.sub("", _LABEL_END.split(line[start:end], maxsplit=1)[0]).strip()
    if not label[:1].isupper() or _kind(label) is None:
        return None
    return label, money, start


def _header(line: str) -> tuple[int | None, str | None, bool] | None:
    """A table header: (pay column, its statistic, has a Rank column), or None."""
    if "|" not in line and "\t" not in line:
        return None
    sep = "|" if "|" in line else "\t"
    cells = [c.strip() for c in line.split(sep) if c.strip()]
    names = [c.lower() for c in cells]
    if not any(n in {"state", "industry", "location", "employer", "sector"} for n in names):
        return None
    pay = next((i for i, c in enumerate(cells) if _PAY_HEADER.search(c)), None)
    statistic = None
    if pay is not None and (m := _STAT.search(cells[pay])):
        statistic = _statistic(m.group("w"))
    return pay, statistic, "rank" in names


def _statistic(word: str) -> str:
    return "median" if word.lower() == "median" else "mean"


def read_category_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    number = 0
    while number < len(lines):
        number += 1
        line = lines[number - 1]
        if not line or "$" not in line or number in result.claimed:
            continue
        header = _header(lines[number - 2] or "") if number >= 2 else None
        if header is None and number >= 3 and _SEPARATOR.match(lines[number - 2] or ""):
            header = _header(lines[number - 3] or "")
        pay_column = header[0] if header else None
        rows = []
        end = number
        while end <= len(lines):
            text = lines[end - 1] or ""
            row = _row(text, pay_column, bool(rows)) if end not in result.claimed else None
            if row is None:
                break
            rows.append((end, row))
            end += 1
        if len(rows) < 2:
            continue
        _emit(lines, rows, header, context, result)
        number = end - 1


def _emit(
    lines: list[str | None],
    rows: list[tuple[int, tuple[str, list[Token], int]]],
    header: tuple[int | None, str | None, bool] | None,
    context: PageContext,
    result: PageResult,
) -> None:
    first = rows[0][0]
    heading_stat, heading_top, role = None, False, None
    for above in range(first - 1, max(0, first - 6), -1):
        text = lines[above - 1]
        if not text or not is_heading(text) or any(c.isdigit() or c in "|$" for c in text):
            continue
        mentions = context.roles.mentions(text)
        role = role or (mentions[0].role if mentions else None)
        heading_top = heading_top or bool(_TOP.search(text))
        if heading_stat is None and (m := _STAT.search(text)):
            heading_stat = _statistic(m.group("w"))
    role = role or context.section_role(first) or context.roles.subject or context.roles.main
    if role is None:
        return
    period = context.survey_year
    if heading_stat is None and (lead := _lead_in(lines, first)):
        heading_stat, period = lead[0], lead[1] or period
    column_stat = header[1] if header else None
    top = (header[2] if header else False) or heading_top
    top = top and (first - 1) not in result.claimed  # not the rest of another reader's list
    for i, (number, (label, amounts, at)) in enumerate(rows):
        text = lines[number - 1] or ""
        own = _STAT.search(text)
        statistic = column_stat or (_statistic(own.group("w")) if own else heading_stat)
        metric = _kind(label) or "salary_by_place"
        if i == 0 and top:
            name = "top_state" if metric == "salary_by_place" else "top_industry"
            result.facts.append(token_fact(role, name, _stated_above(lines, number, label),
                                           text=label))  # fmt: skip
        units: set[bool] = set()
        for token in amounts:  # the first amount, and one of the other unit ("$31.97 $66,490")
            hourly = (token.value or 0) < 1000
            if hourly in units:
                break
            units.add(hourly)
            result.facts.append(
                token_fact(role, metric, number, token, category=label, statistic=statistic,
                           unit="USD/hour" if hourly else "USD/year", period=period)
            )  # fmt: skip
        result.consume(number, at, at + len(label))
        result.claimed.add(number)
    result.layouts.add("statistics")


def _lead_in(lines: list[str | None], first: int) -> tuple[str | None, str | None] | None:
    """(statistic, year) of the sentence that introduces the rows ("In the industries that
    employed the most cashiers, median hourly earnings in 2002 were:"), or None."""
    for above in range(first - 1, max(0, first - 4), -1):
        text = (lines[above - 1] or "").strip()
        if not text:
            continue
        if not text.endswith(":"):
            return None
        sentence = re.split(r"(?<=[.!?])\s+", text)[-1]
        stat = _STAT.search(sentence)
        years = [p.text for p in find_periods(sentence) if p.is_point]
        return (
            _statistic(stat.group("w")) if stat else None,
            years[0] if len(years) == 1 else None,
        )
    return None


def _stated_above(lines: list[str | None], first: int, label: str) -> int:
    """The line that already names the top row ("Waiters and waitresses: Hawaii" above the
    "Highest-paying states:" list), else the row's own line."""
    for above in range(first - 1, max(0, first - 3), -1):
        text = (lines[above - 1] or "").rstrip()
        if text.endswith(f": {label}"):
            return above
    return first
