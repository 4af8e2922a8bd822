"""Two-role comparison rows printed with spaces instead of separators:

    Civil Engineer Mechanical Engineer
    Median Salary $88,050 $95,300
    Job Growth 5% 10%

On a page comparing two roles, a short line naming both (in the columns' order) heads rows of
a label the cue vocabulary knows (`cues.labels`) and exactly two values, one per role.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext, is_heading
from rolecompare.facts.parsing.cues import label_cue, words_of
from rolecompare.facts.parsing.model import PageResult, RawFact
from rolecompare.facts.parsing.numbers import Token, find_numbers, token_fact
from rolecompare.facts.schema import metrics

MAX_ROWS = 30
_SPACES = re.compile(r"[ \t]+")


def read_spaced_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    pair = context.roles.pair
    if pair is None:
        return
    names = [(p.lower(), p) for p in pair]
    for number, line in enumerate(lines, start=1):
        if not line or len(line) > 120 or number in result.claimed or not is_heading(line):
            continue
        low = line.lower()
        at = [(low.find(name), role) for name, role in names]
        if any(position < 0 for position, _ in at) or any(c.isdigit() for c in line):
            continue
        columns = [role for _, role in sorted(at)]
        _rows(lines, number, columns, result)


def _rows(lines: list[str | None], header: int, columns: list[str], result: PageResult) -> None:
    found = 0
    for number in range(header + 1, min(len(lines), header + MAX_ROWS) + 1):
        line = lines[number - 1]
        if not line or not line.strip():
            break
        tokens = [t for t in find_numbers(line) if t.value is not None and not t.is_year]
        if len(tokens) != 2 or not _SPACES.fullmatch(line, tokens[0].end, tokens[1].start):
            break  # glued rows ("Average age4447") are the comparison reader's
        if not line[: tokens[0].start].endswith(" "):
            break
        cue = label_cue(words_of(line[: tokens[0].start]))
        if cue is None:
            continue
        for role, token in zip(columns, tokens, strict=True):
            if fact := _fact(role, cue.metric, cue.statistic, cue.category, number, token):
                result.facts.append(fact)
                found += 1
        result.claimed.add(number)
    if found:
        result.claimed.add(header)
        result.layouts.add("comparison-glued")


def _fact(
    role: str, metric: str, statistic: str | None, category: str | None, number: int, token: Token
) -> RawFact | None:
    if metric == "salary_yearly" and (token.value or 0) < 1000:
        metric = "salary_hourly"
    if not metrics()[metric].plausible(token.value or 0):
        return None
    return token_fact(role, metric, number, token, statistic=statistic, category=category)
