"""Shares printed as a label on one line and its value on a line below, as widgets print them:

    Education Level              Race
      • Associate's degree         White
                                   More
        51%                        58.4%
      • Post-secondary certificate Black or African American
        17%                        19.4%

A label is a gender word, a race label (`categories.RACE_PHRASE`, with a qualifier in brackets
read past) or a level of education (a label holding a word of `cues.education_words`); its value
is the next line that is a lone percent, with only blank lines or widget words (`cues.noise`)
between. Two such pairs in a row make a block (one alone could be anything). The shares are the
page's role's (the role of their section); a page about two roles gives none.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.categories import RACE_PHRASE, RACE_QUALIFIER
from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.cues import education_pattern, noise, words_of
from rolecompare.facts.parsing.model import PageResult, RawFact
from rolecompare.facts.parsing.numbers import Token, find_numbers, token_fact

_BULLET = re.compile(r"^\s*(?:[-•*·–]\s*)?")
_RACE = re.compile(rf"^(?P<label>{RACE_PHRASE}){RACE_QUALIFIER}$", re.IGNORECASE)
_GENDERS = {"male": "male", "men": "male", "female": "female", "women": "female"}
_PERCENT = re.compile(r"^\s*\d{1,3}(?:\.\d+)?\s?%\s*$")
MAX_GAP = 3  # lines between a label and its value
MAX_LABEL = 60
MIN_PAIRS = 2


def _label(line: str) -> tuple[str, str, int] | None:
    """(metric, category, where the label starts) of a label line, or None."""
    start = _BULLET.match(line).end()  # type: ignore[union-attr]
    text = line[start:].strip()
    if not text or len(text) > MAX_LABEL or any(c.isdigit() for c in text) or text[-1] in ".:":
        return None
    if (gender := _GENDERS.get(text.lower())) is not None:
        return "gender_share", gender, start
    if m := _RACE.match(text):
        return "race_share", m.group("label"), start
    if education_pattern().search(text):
        return "degree_share", text, start
    return None


def _value(lines: list[str | None], number: int, skip: frozenset[str]) -> tuple[int, Token] | None:
    """(line, token) of the lone percent under the label on line `number`."""
    for below in range(number + 1, min(len(lines), number + 1 + MAX_GAP) + 1):
        text = lines[below - 1] or ""
        if not text.strip() or words_of(text) in skip:
            continue
        if not _PERCENT.match(text):
            return None
        tokens = find_numbers(text)
        return (below, tokens[0]) if len(tokens) == 1 and tokens[0].value is not None else None
    return None


def read_share_blocks(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    roles = context.roles
    main = roles.subject or roles.main
    if main is None or roles.pair is not None:
        return
    # the lone percents first: a page without them has no block (one cheap pass)
    lone = {n for n, line in enumerate(lines, 1) if line and "%" in line and _PERCENT.match(line)}
    if len(lone) < MIN_PAIRS:
        return
    skip = noise()
    run: list[tuple[int, int, tuple[str, str, int], Token]] = []
    number = 0
    while number < len(lines):
        number += 1
        line = lines[number - 1]
        near = any(n in lone for n in range(number + 1, number + 2 + MAX_GAP))
        label = _label(line) if near and line and number not in result.claimed else None
        found = _value(lines, number, skip) if label else None
        if label is None or found is None or found[0] in result.claimed:
            if line and line.strip() and not _PERCENT.match(line):
                _flush(run, context, result, main)
                run = []
            continue
        run.append((number, found[0], label, found[1]))
        number = found[0]
    _flush(run, context, result, main)


def _flush(run: list, context: PageContext, result: PageResult, main: str) -> None:
    if len(run) < MIN_PAIRS:
        return
    role = context.section_role(run[0][0]) or main
    for label_line, value_line, (metric, category, start), token in run:
        fact: RawFact = token_fact(role, metric, value_line, token, category=category)
        result.facts.append(fact)
        result.claimed |= {label_line, value_line}
        result.read_lines.add(label_line)
        result.consume(label_line, start, start + len(category))
    result.layouts.add("statistics")
