"""The page's main role when no title declares it: the role it names most often.

Names of one field that differ only in a head meaning "someone working in it" ('HVAC
technicians', 'HVAC specialists', 'HVAC workers'; the heads are data: metadata/role_words.csv
kind `field`) are one role on a page about one role: counted together, named as the page first
names them, and every other spelling is an alias of it. An industry's page has no main role:
the roles it names in full more than once are its roles.
"""

from __future__ import annotations

from collections import Counter

from rolecompare.facts.parsing.role_words import CUES, singular_role
from rolecompare.facts.parsing.roles import PageRoles
from rolecompare.facts.parsing.text import slugify

MAIN_AT_LEAST = 2  # times a page names a role for it to be the page's main role by count
FIELD_HEADS = CUES["field"]


def count_main(roles: PageRoles, lines: list[str | None], industry: bool = False) -> None:
    """Set `roles.main`: the subject, else the role the page names most often."""
    if roles.subject:
        roles.main = roles.subject
        fold_synonyms(roles, lines)
        return
    named: Counter[str] = Counter()  # 'registered nurses', 'RNs'
    counts: Counter[str] = Counter()  # also bare heads: 'pharmacists'
    first_seen: dict[str, int] = {}
    spelled: dict[str, str] = {}  # a name's case variants are one role: its first spelling
    for number, line in enumerate(lines):
        if not line:
            continue
        for mention in roles.mentions(line):
            name = mention.role if not mention.bare else singular_role(mention.role).lower()
            key = slugify(name)
            spelled.setdefault(key, name)
            named[key] += not mention.bare
            counts[key] += 1
            first_seen.setdefault(key, number)
    members = _fold(named, counts, first_seen, spelled) if not industry else {}
    # a role named once among others (an author's byline, a menu entry) is not what a page
    # is about; a page naming one role once is about it
    if len(counts) > 1:
        counts = Counter({key: n for key, n in counts.items() if n >= MAIN_AT_LEAST})
    if industry:
        for key in counts:
            if named[key] >= MAIN_AT_LEAST:
                roles.declare(spelled[key])
    elif counts:
        order = sorted(counts, key=lambda r: (named[r], counts[r], -first_seen[r]), reverse=True)
        best = order[0]
        if len(order) > 1 and 2 * counts[order[1]] > counts[best] and _distinct(order[:2]):
            return  # roles of equal standing ('plumbers ... HVAC techs ... electricians')
        roles.main = roles.declare(spelled[best])
        for member in members.get(best, ()):
            roles.aliases.setdefault(member, roles.main)


def _distinct(keys: list[str]) -> bool:
    """Two names with their own heads ('plumber', 'electrician'), not a kind and its noun."""
    a, b = (key.rsplit("-", 1)[-1] for key in keys)
    return a != b


def _field(key: str) -> str | None:
    """'hvac' of 'hvac-specialist': the field of a name whose head only says who works in it."""
    field, _, head = key.rpartition("-")
    return field if field and head in FIELD_HEADS else None


def _fold(
    named: Counter[str], counts: Counter[str], first: dict[str, int], spelled: dict[str, str]
) -> dict[str, list[str]]:
    """Count the names of one field as its first-named one; returns name -> folded names."""
    groups: dict[str, list[str]] = {}
    for key in sorted(counts, key=lambda k: first[k]):
        if field := _field(key):
            groups.setdefault(field, []).append(key)
    members: dict[str, list[str]] = {}
    for keys in groups.values():
        if len(keys) < 2:
            continue
        head, rest = keys[0], keys[1:]
        for key in rest:
            named[head] += named.pop(key)
            counts[head] += counts.pop(key)
        members[head] = rest
    return members


def fold_synonyms(roles: PageRoles, lines: list[str | None]) -> None:
    """On a page about one role of a field ('HVAC technician'), its other names of that field
    ('HVAC specialists') are aliases of it."""
    main = roles.main
    field = _field(slugify(main)) if main else None
    if main is None or field is None or roles.pair:
        return
    words = field.replace("-", " ")
    for line in lines:
        if line and words in line.lower():
            for mention in roles.mentions(line):
                key = slugify(mention.role)
                if _field(key) == field:
                    roles.aliases.setdefault(key, main)
