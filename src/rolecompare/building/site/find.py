"""Finding a role among 100,000 without one page holding them all.

Up to `ROLES_ON_INDEX` roles the index lists every role and its find box filters that list.
Beyond, the index holds a small map instead (`<script type="application/json">`, data, not
code: the Content-Security-Policy still allows only the site's own script): the first
`KEY_LENGTH` letters of every word of the role names -> how many roles have such a word.
Typing on the index says how many roles start a word so; Enter opens `find/<key>-1.html`,
which lists exactly those roles (in parts of `PER_PART`, so every page stays well under
1 MB) and filters them by every typed word, carried in the address (`#q=...`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from rolecompare.building.site.data import RoleRow

ROLES_ON_INDEX = 2_000
KEY_LENGTH = 3
PER_PART = 4_000  # rows of a name and a link: ~100 bytes each
_NOT_KEY = re.compile(r"[^a-z0-9]")


def word_keys(name: str) -> set[str]:
    """The keys of a name's words (site.js computes the same from what is typed)."""
    keys = set()
    for word in name.lower().split():
        bare = _NOT_KEY.sub("", word)
        if bare:
            keys.add(bare[:KEY_LENGTH])
    return keys


@dataclass(frozen=True)
class FindPart:
    key: str
    number: int
    parts: int
    roles: list[RoleRow]
    total: int

    @property
    def file(self) -> str:
        return f"{self.key}-{self.number}.html"


def find_parts(roles: list[RoleRow]) -> list[FindPart]:
    """Every find page (none when the index can list every role)."""
    if len(roles) <= ROLES_ON_INDEX:
        return []
    by_key: dict[str, list[RoleRow]] = defaultdict(list)
    for role in roles:
        for key in word_keys(role.name):
            by_key[key].append(role)
    out = []
    for key, found in sorted(by_key.items()):
        found.sort(key=lambda r: (r.name.casefold(), r.role_id))
        parts = (len(found) + PER_PART - 1) // PER_PART
        for i in range(parts):
            chunk = found[i * PER_PART : (i + 1) * PER_PART]
            out.append(FindPart(key, i + 1, parts, chunk, len(found)))
    return out


def find_map(parts: list[FindPart]) -> str:
    """The index's map: key -> number of roles (JSON, `<` escaped for a script element)."""
    counts = {p.key: p.total for p in parts if p.number == 1}
    text = json.dumps(counts, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c")
