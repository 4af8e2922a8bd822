"""Role ids: one per name, never one for two names.

Spellings of one name (case, spacing, plural, '&' or 'and', 'Sr.' or 'Sr': `name_key`) share an
id, the slug of their most frequent spelling. Two different names whose slugs would be the same
('Operations manager, district' and 'Operations manager district' would both be
`operations-manager-district`) get distinct ids: the name with the most statements keeps the
slug, the others get `-2`, `-3`, ... and each such collision is reported as a problem. Signs
that tell names apart ('C++', 'C#', '.NET') are spelled out by `slugify` itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rolecompare.facts.parsing.model import Problem
from rolecompare.facts.parsing.role_words import name_key
from rolecompare.facts.parsing.text import slugify


class RoleIds:
    """name -> id for the names of one ingest; `collisions` are (source, problem) pairs."""

    def __init__(self, stated: Iterable[tuple[str, str, int]]) -> None:
        """`stated`: (name, source, line) of every statement, in table order."""
        self._assign((name, source, line, 1) for name, source, line in stated)

    @classmethod
    def counted(cls, names: Iterable[tuple[str, str, int, int]]) -> RoleIds:
        """From each distinct name once: (name, source and line of its first statement, number
        of statements), ordered by first statement; the same ids as from every statement."""
        ids = cls.__new__(cls)
        ids._assign(names)
        return ids

    def _assign(self, stated: Iterable[tuple[str, str, int, int]]) -> None:
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        first: dict[str, tuple[str, int]] = {}
        for name, source, line, count in stated:
            key = name_key(name)
            spellings[key][name] += count
            first.setdefault(key, (source, line))
        by_slug: dict[str, list[str]] = defaultdict(list)
        for key, counter in spellings.items():
            spelling = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            by_slug[slugify(spelling)].append(key)
        self._ids: dict[str, str] = {}
        self.collisions: list[tuple[str, Problem]] = []
        taken = set(by_slug)
        for slug, keys in by_slug.items():
            keys.sort(key=lambda k: (-sum(spellings[k].values()), k))
            self._ids[keys[0]] = slug
            for n, key in enumerate(keys[1:], start=2):
                while f"{slug}-{n}" in taken:
                    n += 1
                taken.add(f"{slug}-{n}")
                self._ids[key] = f"{slug}-{n}"
                source, line = first[key]
                self.collisions.append(
                    (
                        source,
                        Problem(
                            line,
                            f"role {key!r} is a different name from {keys[0]!r} but would get "
                            f"the same id {slug!r}: given the id {slug}-{n}",
                        ),
                    )
                )

    def __call__(self, name: str) -> str:
        """The id of a name (a name never stated gets its plain slug)."""
        return self._ids.get(name_key(name)) or slugify(name)
