"""Abbreviations as a page defines them: 'registered nurses (RNs)', 'LPNs, known as licensed
vocational nurses' (another name of the same role); see `roles`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rolecompare.facts.parsing.role_phrases import head_spans, in_organisation
from rolecompare.facts.parsing.role_words import (
    ABBR_DEFINED,
    ABBR_WORD,
    ALIAS,
    singular_role,
    words_of,
)
from rolecompare.facts.parsing.text import slugify

if TYPE_CHECKING:
    from rolecompare.facts.parsing.roles import PageRoles


def learn_abbreviations(roles: PageRoles, lines: list[str | None]) -> None:
    """'registered nurses (RNs)', 'LPNs, known as licensed vocational nurses'."""
    for line in lines:
        if not line or ("(" not in line and "known as" not in line):
            continue
        for m in ABBR_DEFINED.finditer(line):
            phrase = _phrase_before(roles, line, m.start())
            if phrase is None:
                continue
            role = roles.aliases.get(slugify(singular_role(phrase))) or singular_role(phrase)
            roles.abbreviations.setdefault(m.group("abbr"), role)
            roles.aliases.setdefault(slugify(role), role)
            if alias := ALIAS.match(line, m.end()):
                roles.aliases.setdefault(slugify(singular_role(alias.group("phrase"))), role)
                if alias.group("abbr"):
                    roles.abbreviations.setdefault(alias.group("abbr"), role)
        for m in re.finditer(r"\b(?P<abbr>[A-Z]{2,5})s?(?=, (?:known as|called) )", line):
            alias = ALIAS.match(line, m.end())
            role = roles.abbreviation(m.group("abbr"))
            if alias and role:
                roles.aliases.setdefault(slugify(singular_role(alias.group("phrase"))), role)


def _phrase_before(roles: PageRoles, line: str, at: int) -> str | None:
    """The role phrase that ends just before `at` ('registered nurses' before '(RNs)')."""
    text = line[max(0, at - 120) : at].rstrip()  # a name is short: look no further back
    if len(text) < min(at, 120) - 1:
        return None
    words = words_of(text)
    spans = head_spans(text, words, roles.is_head, roles.abbreviation)
    if not spans or spans[-1][1] != len(words) - 1 or words[-1][1] != len(text):
        return None
    first, head = spans[-1]
    if ABBR_WORD.match(words[head][2]) or in_organisation(text, words[first][0]):
        return None
    return text[words[first][0] : words[head][1]]
