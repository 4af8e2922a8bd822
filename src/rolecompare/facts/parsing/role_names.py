"""What a role name made of several words is: a list of distinct occupations or one, a SOC
title, a participle or place word that only describes a role.

- **Distinct occupations**: 'Paralegals and Secretaries', 'plumbers, welders, and electricians'
  are several roles: each noun has its own head, none is generic, and the joined name is no
  SOC title ('Chefs and Head Cooks' is one role; so is 'nurses and midwives').
- **SOC names**: a name is a SOC title once the words in front that say which members
  ('U.S.') are dropped.
- **A figure's role**: of the roles its clause names, one named before it (see
  `clause_role`).
- **Describing words**: a participle ('paid', 'paying', 'manufacturing') or a place word
  ('country') in front of a role only describes it (metadata/role_words.csv kinds
  `describing`, `place`).
"""

from __future__ import annotations

from collections.abc import Callable

from rolecompare.facts.parsing.role_words import (
    CUES,
    GENERIC,
    JOINER,
    STOP,
    Mention,
    head_of,
    is_qualifier,
    name_key,
)

DESCRIBING = CUES["place"] | CUES["describing"]


def describes(word: str) -> bool:
    """A participle ('paid', 'paying', 'manufacturing') or a place word ('country')."""
    lower = word.lower()
    return lower in DESCRIBING or (len(lower) > 3 and lower.endswith(("ing", "ed")))


def parts(role: str) -> list[str]:
    return [p for p in JOINER.split(role) if p] if ("," in role or " and " in role) else [role]


def soc_name(name: str | None) -> bool:
    """Is the name (without words in front that say which members: 'U.S.') a SOC title?"""
    from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

    words = (name or "").split(" ")
    while len(words) > 1 and (is_qualifier(words[0]) or words[0].lower() in STOP):
        words = words[1:]
    return bool(name) and name_key(" ".join(words)) in soc_index()


def distinct_occupations(roles: list[str | None], named: list[str], whole: str | None) -> bool:
    """'Paralegals and Secretaries', 'plumbers, welders, and electricians': specific occupation
    nouns, each with its own head, whose joined name is no SOC occupation ('Chefs and Head
    Cooks' is one), are two roles. With a generic noun they name one workforce ('nurses and
    midwives')."""
    if len(named) < 2 or not all(roles) or whole is None:
        return False
    heads = {head_of(word) for word in named}
    return not (None in heads or len(heads) != len(named) or heads & GENERIC or soc_name(whole))


def clause_role(named: list[Mention], position: int, attributable: Callable[[str], bool]) -> str:
    """The clause's role for a figure at `position`: a role the page knows named before it,
    else whoever is named before it ('On average retail workers earned $24,020 and cashiers
    $20,670': not the cashiers), else the first role the page knows after it."""
    before = [m for m in named if m.start < position]
    for group in (before, named):
        if known := [m for m in group if attributable(m.role)]:
            return known[0].role
        if group is before and before:
            return before[0].role
    return named[0].role
