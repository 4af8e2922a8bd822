"""How-to-become pages: the score table (the role beside the US average), degree shares and
the skills table.

The score table is a header naming its columns (`ScoreCustomer Care ManagerUS Average`, glued
or separated) followed by blocks: a block label ("Stress Level"), the scores of the columns in
header order ("8.0", then "7.1 - high"), and details that also come once per column in header
order ("Avg. Salary $41,181", a "Race" list, "Gender", "Age - 48").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rolecompare.facts.parsing.model import PageResult, Problem, RawFact
from rolecompare.facts.parsing.text import NUMBER, clean_name, glue_points, read_number, slugify
from rolecompare.facts.schema import metrics

_HEADER = re.compile(r"^\s*Score(?:\s*[|\t]\s*|(?=[A-Z]))(?P<rest>\S.*?)\s*$")
_BLOCKS = {
    "salary": "score_salary",
    "stability": "score_stability",
    "stability level": "score_stability",
    "diversity": "score_diversity",
    "stress": "score_stress",
    "stress level": "score_stress",
    "complexity": "score_complexity",
    "complexity level": "score_complexity",
    "work life balance": "score_work_life",
    "work-life balance": "score_work_life",
}
_SCORE = re.compile(rf"^\s*({NUMBER})(?:\s*-\s*(?P<word>[A-Za-z][\w ]*?))?\s*$")
_AVG_SALARY = re.compile(rf"^\s*Avg\.? Salary:?\s*\$({NUMBER})\s*$", re.IGNORECASE)
_GROWTH = re.compile(rf"^\s*Growth Rate:?\s*(-?{NUMBER})\s?%\s*$", re.IGNORECASE)
_AGE = re.compile(rf"^\s*Age\s*[-:]\s*({NUMBER})\s*$", re.IGNORECASE)
_SHARE_LINE = re.compile(rf"^\s*(?P<cat>[A-Za-z][A-Za-z ,'/()-]*?)\s+({NUMBER})\s?%\s*$")
_DESCRIPTOR = re.compile(r"^\s*[A-Za-z][\w /-]* is [\w -]+\s*$")
_DEGREE_HEADING = re.compile(r"^\s*Most common (?P<a>.+?) degrees\s*$", re.IGNORECASE)
_PERCENT_LINE = re.compile(rf"^\s*({NUMBER})\s?%\s*$")
_SKILLS_HEADER = re.compile(r"^\s*Skills\s*[|\t]?\s*Percentages\s*$", re.IGNORECASE)
_ORDINAL = re.compile(r"^\s*\d+\.\s")


def _columns(rest: str, subject: str | None) -> tuple[list[str] | None, str]:
    for sep in ("|", "\t"):
        if sep in rest:
            names = [clean_name(c) for c in rest.split(sep) if c.strip()]
            return (names, "") if len(names) == 2 else (None, f"score header names {names}")
    # the page's role printed first, as its title names it ('Sr. Data Analyst II' + 'US Average')
    if subject and rest.lower().startswith(subject.lower()) and clean_name(rest[len(subject) :]):
        return [clean_name(rest[: len(subject)]), clean_name(rest[len(subject) :])], ""
    options = [(rest[:i], rest[i:]) for i in glue_points(rest)]
    preferred = [
        o for o in options if subject and slugify(subject) in {slugify(o[0]), slugify(o[1])}
    ]
    chosen = preferred if len(preferred) == 1 else options
    if len(chosen) == 1:
        return [clean_name(chosen[0][0]), clean_name(chosen[0][1])], ""
    return None, f"cannot split the score table header {rest!r} into two column names"


def _fact(role: str, metric: str, line: int, printed: str, **kw) -> RawFact | None:
    number = read_number(printed.lstrip("-"))
    if number is None or not metrics()[metric].plausible(number.value):
        return None
    sign = -1 if printed.startswith("-") else 1
    return RawFact(
        role=role,
        metric=metric,
        line=line,
        value=sign * number.value,
        printed=("-" if sign < 0 else "") + number.printed,
        unit=metrics()[metric].unit or None,
        **kw,
    )


def _add(
    result: PageResult,
    columns: list[str],
    where: tuple[int, str],
    metric: str,
    printed: str,
    column: int,
    **kw,
) -> None:
    number, text = where
    if column >= len(columns):
        result.problems.append(Problem(number, f"{text!r}: more values than columns"))
        return
    fact = _fact(columns[column], metric, number, printed, **kw)
    if fact is None:
        result.problems.append(Problem(number, f"{text!r}: implausible {metric}"))
    else:
        result.facts.append(fact)


def _score_table(
    lines: list[str | None], start: int, columns: list[str], result: PageResult
) -> int:
    """Read the blocks after the header on line `start`; returns the last line read."""
    table = _ScoreTable(columns, result)
    number = start
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line is None or not line.strip():
            continue
        if not table.read(number, line.strip()):
            return number - 1
    return number


@dataclass
class _ScoreTable:
    """What a score table's lines so far said: the block being read and, per detail kind,
    how many values came (which column the next one belongs to)."""

    columns: list[str]
    result: PageResult
    block: str | None = None
    seen: dict[str, int] = field(default_factory=dict)
    share_metric: str | None = None
    demo_column: int = -1

    def read(self, number: int, text: str) -> bool:
        """Record one line; False when the line is not part of the table."""
        key = text.lower()
        if key in _BLOCKS:
            self.block, self.share_metric = _BLOCKS[key], None
            self.seen[self.block] = 0
        elif key == "race":
            self.share_metric, self.demo_column = "race_share", self.seen.get("race", 0)
            self.seen["race"] = self.demo_column + 1
        elif key == "gender":
            self.share_metric = "gender_share"
        else:
            return self._value(number, text)
        return True

    def _value(self, number: int, text: str) -> bool:
        at = (number, text)
        if m := _AVG_SALARY.match(text):
            self._add(at, "salary_yearly", m.group(1), self._next("salary"), statistic="mean")
        elif m := _GROWTH.match(text):
            self._add(at, "growth_rate", m.group(1), self._next("growth"))
        elif m := _AGE.match(text):
            self._add(at, "age", m.group(1), max(self.demo_column, 0))
            self.share_metric = None
        elif (m := _SCORE.match(text)) and self.block:
            column = self._next(self.block)
            self._add(at, self.block, m.group(1), column, text=m.group("word"))
        elif self.share_metric and (m := _SHARE_LINE.match(text)):
            category = m.group("cat").strip()
            if self.share_metric == "gender_share":
                category = category.lower()
            column = max(self.demo_column, 0)
            self._add(at, self.share_metric, m.group(2), column, category=category)
        else:
            return bool(_DESCRIPTOR.match(text)) and len(text.split()) <= 6
        return True

    def _next(self, detail: str) -> int:
        """The column of this detail's next value (and count it)."""
        column = self.seen.get(detail, 0)
        self.seen[detail] = column + 1
        return column

    def _add(self, where: tuple[int, str], metric: str, printed: str, column: int, **kw) -> None:
        _add(self.result, self.columns, where, metric, printed, column, **kw)


def parse_how_to(lines: list[str | None], result: PageResult, subject: str | None) -> None:
    """Score table, degree shares and skills table of a how-to-become page."""
    number = 0
    while number < len(lines):
        number += 1
        line = lines[number - 1]
        if not line:
            continue
        if m := _HEADER.match(line):
            columns, why = _columns(m.group("rest"), subject)
            if columns is None:
                result.problems.append(Problem(number, why))
                continue
            result.layouts.add("how-to-scores")
            number = _score_table(lines, number, columns, result)
        elif m := _DEGREE_HEADING.match(line):
            result.layouts.add("how-to-degrees")
            number = _degree_shares(lines, number, clean_name(m.group("a")), result)
        elif _SKILLS_HEADER.match(line):
            if subject is None:
                result.problems.append(Problem(number, "skills table names no role"))
                continue
            result.layouts.add("how-to-skills")
            number = _skills_table(lines, number, subject, result)


def _degree_shares(lines: list[str | None], start: int, role: str, result: PageResult) -> int:
    label: str | None = None
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line is None or not line.strip():
            continue
        text = line.strip()
        if m := _PERCENT_LINE.match(text):
            if label is None:
                result.problems.append(Problem(number, f"degree share {text!r} has no degree"))
            elif fact := _fact(role, "degree_share", number, m.group(1), category=label):
                result.facts.append(fact)
            label = None
        elif _ORDINAL.match(line) or len(text.split()) > 4:
            return number - 1
        else:
            label = text
    return len(lines)


def _skills_table(lines: list[str | None], start: int, role: str, result: PageResult) -> int:
    """Rows 'Patients16.19%' (glued: split where the skill's text ends) or 'Patients\t16.19%'."""
    for number in range(start + 1, len(lines) + 1):
        text = (lines[number - 1] or "").strip()
        if not text or _ORDINAL.match(text) or not text.endswith("%"):
            return number - 1
        cells = [c.strip() for c in re.split(r"[|\t]", text) if c.strip()]
        if len(cells) == 2:
            splits = [(cells[0], cells[1])]
        else:
            splits = [
                (text[:i], text[i:]) for i in glue_points(text) if _PERCENT_LINE.match(text[i:])
            ]
        if len(splits) != 1:
            result.problems.append(
                Problem(number, f"cannot tell the skill from its share in {text!r}: skipped")
            )
            continue
        skill, share = splits[0]
        m = _PERCENT_LINE.match(share)
        fact = _fact(role, "skill_share", number, m.group(1), category=skill.strip()) if m else None
        if fact is None:
            result.problems.append(Problem(number, f"skill share {text!r} not understood"))
        else:
            result.facts.append(fact)
    return len(lines)
