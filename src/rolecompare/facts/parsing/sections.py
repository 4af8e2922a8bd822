"""Sections of a page that a heading naming one role opens ("Police Officer" above its pay).

Figures below such a heading that name no role are that role's, until the next such heading.
The headings are found once per page, and only when a reader asks (most figures name their
role): a heading of a few words, no digit, whose last word is a role's head noun and whose
whole text names one role.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rolecompare.facts.parsing.context import PageContext, is_heading

_DIGIT = re.compile(r"\d")
MAX_SECTION_HEADING = 60
MAX_SECTION_WORDS = 6


def section_starts(lines: list[str | None], context: PageContext) -> dict[int, str]:
    """Line -> role, where a heading that is a role's name and nothing more ("Police Officer")
    opens its section: figures below it that name no role are that role's, until the next such
    heading. Worked out once per page."""
    if context.sections is None:
        context.sections = {}
        for number, line in enumerate(lines, start=1):
            if line and len(line) <= MAX_SECTION_HEADING and (role := _section_role(line, context)):
                context.sections[number] = role
    return context.sections


def _section_role(line: str, context: PageContext) -> str | None:
    # cheap tests first: a heading of a few words, no digit, the last one a role's head noun
    if not is_heading(line) or _DIGIT.search(line):
        return None
    text = line.strip().rstrip(":")
    words = text.split()
    if not words or len(words) > MAX_SECTION_WORDS or not context.roles.is_head(words[-1]):
        return None
    mentions = context.roles.mentions(text)
    if len(mentions) == 1 and mentions[0].end - mentions[0].start >= len(text) - 2:
        return mentions[0].role
    return None


def section_role_at(context: PageContext, number: int) -> str | None:
    """The role of the section line `number` stands in, or None."""
    sections = section_starts(context.lines, context)
    if not sections:
        return None
    starts = sorted(sections)
    at = bisect_right(starts, number)
    return sections[starts[at - 1]] if at else None
