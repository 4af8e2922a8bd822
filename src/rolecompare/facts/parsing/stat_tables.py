"""Tables of statistics pages, separated by tabs, runs of spaces or line breaks (no pipes).

- **Employment and wages** (occupational employment statistics): a header naming the columns
  ("Employment (1)", "Mean hourly wage", "Mean annual wage (2)", "Employment RSE", "Wage
  RSE"), possibly broken over several lines, then one row of numbers only. Employment is the
  number of jobs, the mean (or median) wages are the role's; standard errors are not read.
- **Percentiles**: "Percentile 10% 25% 50% (Median) 75% 90%" (on one line or several), then
  "Hourly Wage $20.87 ..." and "Annual Wage (2) $43,410 ...": the 50th percentile is the
  median wage, the others salary percentiles (category 10, 25, 75, 90).
- Both take the role of the page's occupation heading and the period of the page's title
  ("Occupational Employment and Wages, May 2021" -> 2021-05). Tables of industries or areas
  are not the role's figures and are not read.
- **Roles as rows** (comparison articles): "Job Title | Educational Requirements | Median
  Salary (2016)* | Job Outlook (2016-2026)*", then one row per role. A cell that says whom it
  is for ("$58,030 (for all high school teachers)") is that role's when it names one role; a
  range ("5-8%") is not a value.
- **Best-paying states**: a "Best Paying States" list's first state is the role's top state,
  dated by the sentence that introduces the list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult, RawFact
from rolecompare.facts.parsing.numbers import Token, find_numbers, find_periods, token_fact
from rolecompare.facts.parsing.passages import is_prose
from rolecompare.facts.parsing.places import STATES
from rolecompare.facts.schema import metrics

_COLUMNS = re.compile(
    r"employment rse|wage rse|(?P<stat>mean|median) (?P<per>hourly|annual) wage"
    r"|(?P<per2>hourly|annual) (?P<stat2>mean|median) wage|employment",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"\(\d\)")
_PERCENTILE_HEADER = re.compile(r"^\s*Percentiles?[\s:|]+\d{1,2}\s?%", re.IGNORECASE)
_PERCENTILE_ROW = re.compile(r"^\s*(?P<per>Hourly|Annual)(?: Wage)?\b", re.IGNORECASE)
_ROLE_COLUMN = re.compile(r"^(?:job title|occupation|career|role|position|job)$", re.IGNORECASE)
_FOR_WHOM = re.compile(r"\(for (?:all )?(?P<who>[^)]{3,80})\)")
_BEST_STATES = re.compile(r"^\s*(?:best|highest|top)[- ](?:paying|paid) states?\s*:?\s*$", re.I)
_STATE_LINE = re.compile(rf"^\s*(?P<state>{STATES})\b[\s:,-]*\$")
MAX_HEADER_LINES = 8


def _plausible(fact: RawFact) -> bool:
    return fact.value is None or metrics()[fact.metric].plausible(fact.value)


def _numbers_only(line: str) -> list[Token] | None:
    """The numbers of a row that holds nothing else, else None."""
    if line.lstrip()[:1] not in set("0123456789$-−"):
        return None
    tokens = find_numbers(line)
    rest = line
    for token in reversed(tokens):
        rest = rest[: token.start] + rest[token.end :]
    if len(tokens) < 2 or rest.strip(" \t"):
        return None
    return tokens


def _reference_period(context: PageContext) -> str | None:
    for _, text in context.headings:
        for period in find_periods(text):
            if period.kind == "month":
                return period.text
    return None


def read_statistics_tables(
    lines: list[str | None], result: PageResult, context: PageContext
) -> None:
    """Employment and wage tables, percentile tables, roles-as-rows tables, state lists."""
    role = context.roles.subject or context.roles.main
    for number, line in enumerate(lines, start=1):
        if not line or len(line) > 2_000 or number in result.claimed:
            continue
        if role and (tokens := _numbers_only(line)) and not _PERCENTILE_ROW.match(line):
            _wage_row(lines, number, tokens, role, result, context)
        elif role and _PERCENTILE_HEADER.match(line):
            _percentiles(lines, number, role, result, context)
        elif "\t" in line or "|" in line:
            cells = _cells(line)
            if cells and _ROLE_COLUMN.match(cells[0]) and len([c for c in cells if c]) >= 2:
                _roles_as_rows(lines, number, cells, result, context)
        elif role and _BEST_STATES.match(line):
            _best_states(lines, number, role, result)


def _wage_row(
    lines: list[str | None],
    number: int,
    tokens: list[Token],
    role: str,
    result: PageResult,
    context: PageContext,
) -> None:
    header: list[str] = []
    for above in range(number - 1, max(0, number - 1 - MAX_HEADER_LINES), -1):
        text = lines[above - 1]
        if not text or not text.strip():
            break
        header.insert(0, text)
    columns = list(_COLUMNS.finditer(_FOOTNOTE.sub(" ", " ".join(header)).replace("\t", " ")))
    if len(columns) != len(tokens) or not columns:
        return
    period = _reference_period(context)
    found = []
    for column, token in zip(columns, tokens, strict=True):
        name = column.group(0).lower()
        if name.endswith("rse"):
            result.passed_over[(number, token.start)] = "a relative standard error (RSE)"
        if name == "employment" and token.kind == "number":
            found.append(token_fact(role, "jobs_count", number, token, period=period))
        elif (stat := column.group("stat") or column.group("stat2")) and token.kind == "money":
            hourly = (column.group("per") or column.group("per2")).lower() == "hourly"
            metric = "salary_hourly" if hourly else "salary_yearly"
            if metrics()[metric].plausible(token.value or 0):
                found.append(token_fact(role, metric, number, token, statistic=stat.lower(),
                                   period=period))  # fmt: skip
    found = [f for f in found if _plausible(f)]
    if found:
        result.facts.extend(found)
        result.claimed.update(range(number - len(header), number + 1))
        result.layouts.add("statistics-table")


def _percentiles(
    lines: list[str | None], number: int, role: str, result: PageResult, context: PageContext
) -> None:
    percentiles: list[int] = []
    row = number
    for row in range(number, min(len(lines), number + MAX_HEADER_LINES) + 1):
        text = lines[row - 1] or ""
        if row > number and _PERCENTILE_ROW.match(text):
            break
        for token in find_numbers(text):
            if token.kind == "percent" and token.value:
                percentiles.append(int(token.value))
                result.passed_over[(row, token.start)] = "a column heading (percentile)"
    else:
        return
    period = _reference_period(context)
    found = []
    last = row
    for last in range(row, min(len(lines), row + 4) + 1):
        text = lines[last - 1] or ""
        m = _PERCENTILE_ROW.match(text)
        if m is None:
            break
        money = [t for t in find_numbers(text) if t.kind == "money"]
        if len(money) != len(percentiles):
            continue
        hourly = m.group("per").lower() == "hourly"
        unit = "USD/hour" if hourly else "USD/year"
        for percentile, token in zip(percentiles, money, strict=True):
            if percentile == 50:
                metric = "salary_hourly" if hourly else "salary_yearly"
                found.append(
                    token_fact(role, metric, last, token, statistic="median", period=period)
                )
            else:
                metric = "salary_percentile_hourly" if hourly else "salary_percentile"
                found.append(token_fact(role, metric, last, token, unit=unit,
                                   category=str(percentile), period=period))  # fmt: skip
    found = [f for f in found if _plausible(f)]
    if found:
        result.facts.extend(found)
        result.claimed.update(range(number, last + 1))
        result.layouts.add("statistics-table")


_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    sep = "|" if "|" in line else "\t"
    return [c.strip() for c in line.strip().strip("|").split(sep)]


def _column_metric(label: str) -> tuple[str, str | None, str | None] | None:
    """(metric, statistic, period) of a roles-as-rows column label."""
    periods = find_periods(label)
    period = periods[0].text if periods else None
    if re.search(r"educat|degree|requirement", label, re.I):
        return "education_entry", None, None
    if m := re.search(
        r"\b(?:(?P<stat>median|mean|average)\s+)?(?:(?:annual|yearly|base)\s+)?(?:salary|pay|wage)",
        label,
        re.I,
    ):
        stat = (m.group("stat") or "").lower()
        return "salary_yearly", {"median": "median", "": None}.get(stat, "mean"), period
    if re.search(r"outlook|growth", label, re.I):
        return "growth_projected", None, period
    return None


def _roles_as_rows(
    lines: list[str | None],
    number: int,
    header: list[str],
    result: PageResult,
    context: PageContext,
) -> None:
    columns = [_column_metric(label) for label in header[1:]]
    for row in range(number + 1, len(lines) + 1):
        line = lines[row - 1]
        if not line or ("\t" not in line and "|" not in line):
            break
        if _SEPARATOR_ROW.match(line):  # "---|---|" under the header
            continue
        cells = _cells(line)
        role = context.roles.role_phrase(cells[0]) if cells else None
        if role is None or len(cells) != len(header):
            break
        result.claimed.add(row)
        offset = 0
        for cell, column in zip(cells[1:], columns, strict=True):
            offset = line.find(cell, offset)
            if column is None or not cell:
                continue
            metric, statistic, period = column
            where = (row, offset)
            if fact := _cell_fact(role, metric, statistic, period, cell, where, result, context):
                result.facts.append(fact)
        result.claimed.add(number)


def _cell_fact(
    role: str,
    metric: str,
    statistic: str | None,
    period: str | None,
    cell: str,
    where: tuple[int, int],
    result: PageResult,
    context: PageContext,
) -> RawFact | None:
    row, offset = where
    if metric == "education_entry":
        return token_fact(role, metric, row, text=cell)
    if whom := _FOR_WHOM.search(cell):
        role = context.roles.role_phrase(whom.group("who")) or role
    tokens = [
        t for t in find_numbers(cell[: whom.start()] if whom else cell) if t.value is not None
    ]
    if len(tokens) != 1:
        if len(tokens) == 2:
            reason = "a range, not one value"
            for token in tokens:
                result.passed_over[(row, token.start + offset)] = reason
        return None  # a range ("5-8%") or nothing
    token = tokens[0]
    token = replace(token, start=token.start + offset, end=token.end + offset)
    if metric == "salary_yearly" and token.kind != "money":
        return None
    if metric == "growth_projected" and token.kind != "percent":
        return None
    if not metrics()[metric].plausible(token.value or 0):
        return None
    return token_fact(role, metric, row, token, statistic=statistic, period=period)


def _best_states(lines: list[str | None], number: int, role: str, result: PageResult) -> None:
    first = next((n for n in range(number + 1, min(len(lines), number + 3) + 1) if lines[n - 1]), 0)
    m = _STATE_LINE.match(lines[first - 1] or "") if first else None
    if m is None:
        return
    period = None
    for above in range(number - 1, max(0, number - 6), -1):
        text = lines[above - 1]
        if is_prose(text):
            last_sentence = re.split(r"(?<=[.!?])\s+", (text or "").strip())[-1]
            points = {p.text for p in find_periods(last_sentence) if p.is_point}
            period = points.pop() if len(points) == 1 else None
            break
    result.facts.append(token_fact(role, "top_state", first, text=m.group("state"), period=period))
    result.claimed.add(first)
