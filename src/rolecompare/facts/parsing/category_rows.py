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
_LABEL_CUT = re.compile(r"\s*[(:]")
_LABEL_TAIL = re.compile(r"[\s:–(-]+$")
_STAT = re.compile(r"\b(?P<w>median|mean|average)\b", re.IGNORECASE)
_PAY_HEADER = re.compile(r"salar|wage|pay|earn|income|median|mean|average", re.IGNORECASE)
# a state printed with its postal code glued on ("OregonOR", a table that had two spans)
_GLUED_CODE = re.compile(rf"(?P<s>{STATES})[A-Z]{{2}}")
# what a lead-in line says the rows below are ("the industries that employed the most ...:")
_LEAD_KINDS = (
    (re.compile(r"industr|employer|settings?\b|sectors?\b", re.IGNORECASE), "salary_by_industry"),
    (re.compile(r"\bstates\b", re.IGNORECASE), "salary_by_place"),
)
_MARKED_END = re.compile(r"\s*[:(|–]")
_FREE_LABEL = re.compile(r"[A-Z][^\d$|]{2,120}")
_TOP = re.compile(r"\b(?:top|highest|best)[- ](?:paying|paid)\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
MAX_LABEL_WORDS = 8
MAX_GAP = 3  # lines between two stacked rows of one run
MAX_HEADING_GAP = 10  # lines of headings, column headers and blanks above a block
MAX_PLACE = 26  # characters of a state's name ("District of Columbia" and a code)


def _place(label: str) -> str:
    """The label as printed, without a postal code glued to a state's name."""
    m = _GLUED_CODE.fullmatch(label)
    return m.group("s") if m else label


def _kind(label: str, fallback: str | None = None) -> str | None:
    """What a row's label makes its amount: pay in a place or at a kind of employer; a label
    of neither kind takes `fallback` (what the lead-in above says the rows are)."""
    if _PLACE.fullmatch(label) or (label.isupper() and _PLACE.fullmatch(label.title())):
        return "salary_by_place"
    words = label.split()
    nouns = employers()
    if 0 < len(words) <= MAX_LABEL_WORDS and (
        words[-1].lower() in nouns
        or (len(words) > 2 and words[0].lower() in nouns and words[1] == "of")
    ):  # "Grocery stores", "Offices of Physicians"
        return "salary_by_industry"
    if fallback and len(words) <= 2 * MAX_LABEL_WORDS and _FREE_LABEL.fullmatch(label):
        return fallback
    return None


def _row(
    line: str, pay_column: int | None, bare: bool = False, fallback: str | None = None
) -> tuple[str, list[Token], int] | None:
    """(label, amounts, where the label starts) of a row, or None. With `bare`, a row under
    one that printed "$" may end in a plain amount ("Department stores 7.55")."""
    if "|" in line or "\t" in line:
        sep = "|" if "|" in line else "\t"
        cells = [(m.start(), m.group(0)) for m in re.finditer(rf"[^{sep}]+", line)]
        cells = [(s, c) for s, c in cells if c.strip()]
        labels = [(s, _place(c.strip())) for s, c in cells if _kind(_place(c.strip()), fallback)]
        if not labels:
            return None
        tokens = [t for t in find_numbers(line) if t.value is not None]
        money = [t for t in tokens if t.kind == "money"]
        if bare and not money:  # "| 38,840 |" under "| $44,240 |"
            money = [t for t in tokens if t.kind == "number" and not t.is_year][-1:]
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
    # "Monetary authorities - central bank: $83,970": a dash inside the label is part of it
    label = _LABEL_TAIL.sub("", _LABEL_CUT.split(line[start:end], maxsplit=1)[0]).strip()
    label = _place(label)
    if not label[:1].isupper() or _kind(label, fallback) is None:
        return None
    if _kind(label) is None and not (
        lead.group(0).strip() or _MARKED_END.match(line, start + len(label))
    ):
        return None  # a label only its lead-in makes a row's needs a bullet or a ':' (no sentence)
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
        fallback = _lead_kind(lines, number)
        rows = []
        end = number
        while end <= len(lines):
            text = lines[end - 1] or ""
            claimed = end in result.claimed
            row = None if claimed else _row(text, pay_column, bool(rows), fallback)
            if row is None:
                break
            rows.append((end, row))
            end += 1
        if len(rows) < (1 if fallback else 2):  # one row alone is a block under its lead-in
            continue
        _emit(lines, rows, header, context, result, fallback)
        number = end - 1
    _stacked_rows(lines, result, context)


def _stacked_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    """A state alone on a line, its figures on the next ('California' / '8,950 jobs$80,470
    1.60x'): the first amount of $1,000 or more is the state's pay, in runs of two or more."""
    role = context.roles.subject or context.roles.main
    if role is None or context.roles.pair is not None:
        return
    run: list[tuple[int, str, Token]] = []
    for number in range(1, len(lines)):
        below = lines[number] or ""
        text = (lines[number - 1] or "").strip() if "$" in below else ""
        label = _place(text) if 3 < len(text) < MAX_PLACE and text[0].isupper() else ""
        if not label or number in result.claimed or not _PLACE.fullmatch(label):
            # a state whose pay is garbled may sit between two of a run
            if run and number > run[-1][0] + MAX_GAP:
                _emit_stacked(run, context.section_role(run[0][0]) or role, result)
                run = []
            continue
        money = [t for t in find_numbers(below) if t.kind == "money"]
        if money and (money[0].value or 0) >= 1000:
            run.append((number + 1, label, money[0]))
    _emit_stacked(run, context.section_role(run[0][0]) if run else None, result, role)


def _emit_stacked(
    run: list[tuple[int, str, Token]], role: str | None, result: PageResult, main: str = ""
) -> None:
    if len(run) < 2 or not (role or main):
        return
    for number, label, token in run:
        result.facts.append(token_fact(role or main, "salary_by_place", number, token,
                                       category=label))  # fmt: skip
        result.claimed |= {number - 1, number}
    result.layouts.add("statistics")


def _lead_in_line(lines: list[str | None], first: int) -> str | None:
    """The line ending in ':' that introduces the rows from `first` on, if any."""
    for above in range(first - 1, max(0, first - 3), -1):
        text = (lines[above - 1] or "").strip()
        if text:
            return text if text.endswith(":") else None
    return None


def _lead_kind(lines: list[str | None], first: int) -> str | None:
    """What the sentence that introduces a block says its rows are (industries, states)."""
    text = _lead_in_line(lines, first)
    if text is None:
        return None
    sentence = re.split(r"(?<=[.!?])\s+", text)[-1]
    return next((kind for cue, kind in _LEAD_KINDS if cue.search(sentence)), None)


def _headings(
    lines: list[str | None], first: int, context: PageContext
) -> tuple[str | None, str | None, bool, str | None]:
    """(statistic, its year, top, role) that the headings above the rows from `first` say."""
    stat, year, top, role = None, None, False, None
    for above in range(first - 1, max(0, first - MAX_HEADING_GAP), -1):
        text = lines[above - 1]
        if text and text.strip() and not is_heading(text):
            break  # a sentence ends the block's headings
        if not text or not is_heading(text) or any(c in "|$" for c in text):
            continue
        numbers = [t for t in find_numbers(text) if t.kind != "percent"]  # "Top 10%" columns
        years = [t.printed for t in numbers if t.is_year]
        if len(years) != len(numbers):
            continue  # a column note may carry its year: "(Mean Salary 2009)"
        top = top or bool(_TOP.search(text))
        if text.rstrip().endswith(":"):  # a lead-in: its role, statistic and year are read below
            continue
        mentions = context.roles.mentions(text)
        role = role or (mentions[0].role if mentions else None)
        if stat is None and (m := _STAT.search(text)):
            stat, year = _statistic(m.group("w")), (years[0] if len(years) == 1 else None)
    return stat, year, top, role


def _emit(
    lines: list[str | None],
    rows: list[tuple[int, tuple[str, list[Token], int]]],
    header: tuple[int | None, str | None, bool] | None,
    context: PageContext,
    result: PageResult,
    fallback: str | None = None,
) -> None:
    first = rows[0][0]
    heading_stat, stat_year, heading_top, role = _headings(lines, first, context)
    # the sentence that introduces the rows names whose pay they are more closely than a heading
    lead_in = _lead_in_line(lines, first) or ""
    # "... in the five highest paying industries show:": the first row is the top one
    heading_top = heading_top or bool(_TOP.search(re.split(r"(?<=[.!?])\s+", lead_in)[-1]))
    named = [m.role for m in context.roles.mentions(lead_in)][-1:]
    if named and not context.roles.attributable(named[0]):
        return  # the rows are the pay of a role the page does not declare (left unread)
    if named and context.roles.known(named[0]):
        role = named[0]
    role = role or context.section_role(first) or context.roles.subject or context.roles.main
    if role is None:
        return
    period = stat_year or context.survey_year
    if heading_stat is None and (lead := _lead_in(lines, first)):
        heading_stat, period = lead[0], lead[1] or period
    column_stat = header[1] if header else None
    top = (header[2] if header else False) or heading_top
    top = top and (first - 1) not in result.claimed  # not the rest of another reader's list
    for i, (number, (label, amounts, at)) in enumerate(rows):
        text = lines[number - 1] or ""
        own = _STAT.search(text)
        statistic = column_stat or (_statistic(own.group("w")) if own else heading_stat)
        metric = _kind(label, fallback) or "salary_by_place"
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
