"""Links roles to the 2018 Standard Occupational Classification (SOC), only where certain.

The BLS direct match title file (`metadata/soc/`, see its README) names ~860 occupations
(`2018 SOC Title`, plural: "Registered Nurses") and ~4,100 other names of them ("direct match
titles": "Operations Manager"). A role is linked when its name, normalised (case, "&" as "and",
spacing, singular), is exactly a SOC title (`exact title`) or a direct-match title (`alias`),
or when its name carries an abbreviation the page defines and the full name matches
("Registered nurse (RN)": `abbreviation`). Direct-match titles that are only abbreviations
("RN", "CEO") and illustrative examples are never used: a bare abbreviation is not linked
unless the page defined it. Anything else ("zone manager") stays unlinked.

The lookup is one dictionary built once per process: linking costs a dict lookup per role.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from rolecompare.config import METADATA_DIR
from rolecompare.facts.parsing.role_words import initials, name_key

SOC_FILE = "soc_2018_direct_match_title_file.csv"
EXACT, ALIAS, ABBREVIATION = "exact title", "alias", "abbreviation"
_ABBREVIATED = re.compile(r"^(?P<name>.+?)\s*\((?P<abbr>[A-Z]{2,6})s?\)$")
_ONLY_ABBREVIATION = re.compile(r"^[A-Z0-9&/.\- ]{1,8}$")


@dataclass(frozen=True)
class SocLink:
    code: str
    title: str
    match: str  # EXACT, ALIAS or ABBREVIATION


def normalise(name: str) -> str:
    """'Chefs & Head Cooks' -> 'chef and head cook' (case, '&', spacing and plural folded)."""
    return name_key(name)


@lru_cache(maxsize=1)
def soc_index() -> dict[str, tuple[str, str, str]]:
    """normalised name -> (code, SOC title, how it matches); read once per process."""
    path = METADATA_DIR / "soc" / SOC_FILE
    index: dict[str, tuple[str, str, str]] = {}
    aliases: dict[str, set[tuple[str, str]]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code, title = row["2018 SOC Code"].strip(), row["2018 SOC Title"].strip()
            index.setdefault(normalise(title), (code, title, EXACT))
            alias = row["2018 SOC Direct Match Title"].strip()
            if row["Illustrative Example"].strip().lower() == "x":
                continue
            if not alias or _ONLY_ABBREVIATION.match(alias):
                continue
            aliases.setdefault(normalise(alias), set()).add((code, title))
    for key, found in aliases.items():
        if len(found) == 1 and key not in index:  # a title of two occupations links neither
            code, title = next(iter(found))
            index[key] = (code, title, ALIAS)
    return index


def link(name: str) -> SocLink | None:
    """The SOC occupation a role's name is, or None when it is not certain."""
    index = soc_index()
    if hit := index.get(normalise(name)):
        return SocLink(*hit)
    if m := _ABBREVIATED.match(name.strip()):
        full, abbr = m.group("name"), m.group("abbr")
        if initials(full).upper() == abbr and (hit := index.get(normalise(full))):
            return SocLink(hit[0], hit[1], ABBREVIATION)
    return None


def major_group(code: str | None) -> str | None:
    """'29-1141' -> '29' (the SOC major group)."""
    return code[:2] if code else None
