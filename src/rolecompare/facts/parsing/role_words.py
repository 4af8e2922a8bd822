"""The words of role names: occupation nouns, the words that only say which members of a role
are meant, singular forms, and the words of a text with their places.

A role is found in running text by its head noun ("nurses", "pharmacist", "truck drivers"):
`HEADS` lists common occupation nouns (a page adds the last word of every role it names in a
title or heading, see `roles.PageRoles`). `QUALIFIERS` say which members are meant
("licensed", "employed", "male", "Hispanic"); `STOP` words never belong to a role's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rolecompare.facts.parsing.text import clean_name


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


HEADS = _vocabulary(
    """nurse midwife practitioner pharmacist physician surgeon dentist hygienist assistant aide
    technician technologist therapist teacher tutor instructor professor educator lawyer
    attorney paralegal accountant auditor bookkeeper clerk developer programmer engineer
    analyst tester scientist designer architect manager director officer executive
    administrator coordinator specialist supervisor representative consultant driver operator
    mechanic electrician plumber carpenter welder machinist installer repairer cashier
    salesperson chef cook bartender firefighter pilot attendant librarian counselor
    psychologist psychiatrist writer editor reporter journalist photographer economist
    statistician actuary paramedic dietitian nutritionist optometrist veterinarian
    chiropractor sonographer radiographer pathologist receptionist secretary planner
    recruiter trainer inspector investigator estimator surveyor geologist chemist biologist
    physicist mathematician translator interpreter dispatcher courier janitor housekeeper
    caregiver waiter waitress author worker tech farmworker underwriter"""
)
_IRREGULAR_PLURALS = {"midwives": "midwife", "wives": "wife"}
# Words that say which members of a role are meant, not which role.
QUALIFIERS = _vocabulary(
    """licensed employed working practicing practising active full-time part-time male female
    men women black white hispanic latino latina asian non-white nonwhite non-hispanic
    minority new current all overall u.s. us american national nationwide top best-paid
    highest-paid lowest-paid experienced typical most many some other such these those
    their our the"""
)
STOP = _vocabulary(
    """a an the of for to in on at by with as and or than that this these those is are was
    were be been being has have had who whom which what when where while from into per its
    their his her our your my all most many some more less fewer other such each every both
    either neither no not only just about around over under nearly almost approximately
    million billion thousand percent among between within across during since until through
    average median mean annual hourly yearly wage wages salary salaries pay income earnings
    employment jobs job number share percentage rate age workforce population outlook growth
    demand openings positions how why said says say called known named vs versus they them
    we you it he she few very"""
)


def _cue_words() -> dict[str, frozenset[str]]:
    """metadata/role_words.csv: kind -> words (verbs, source words, determiners, prepositions
    that end a role phrase; generic occupation nouns)."""
    import csv

    from rolecompare.config import METADATA_DIR

    found: dict[str, set[str]] = {}
    with (METADATA_DIR / "role_words.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["kind"], set()).add(row["word"].strip().lower())
    return {kind: frozenset(words) for kind, words in found.items()}


CUES = _cue_words()
# words that end a role phrase read backwards from its head ('BLS data show | RNs')
BOUNDARY = (
    CUES["verb"] | CUES["source"] | CUES["determiner"] | CUES["preposition"] | CUES["connective"]
)
GENERIC = CUES["generic"]
# 'Pro Plumber', 'professional plumbers': informal qualifiers kept as data with the cue words
QUALIFIERS = QUALIFIERS | CUES.get("qualifier", frozenset())
# A word: 'U.S.', a dotted word kept whole ('www.bls.gov', 'Pharm.D.'), or a word whose
# possessive ending ('electrician's', 'nurses'') and sentence period are left out
_WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’-]*(?:\.[A-Za-z][A-Za-z'’-]*)+\.?"
    r"|(?P<w>[A-Za-z](?:[A-Za-z-]*[A-Za-z])?(?:['’](?!s\b)[A-Za-z]+)*)(?:['’]s\b|['’](?![A-Za-z]))?"
)
ABBR_WORD = re.compile(r"^(?P<abbr>[A-Z]{2,5})s?$")
ABBR_DEFINED = re.compile(r"\((?P<abbr>[A-Z]{2,5})s?\)")
# "..., called licensed vocational nurses (LVN)", "known in some states as ...", "whose title in
# California and Texas is ..."
ALIAS = re.compile(
    r",? (?:(?:also )?called|(?:also )?known(?: [a-z ,]{0,40}?)? as|referred to as|whose (?:title|"
    r"name)(?: [A-Za-z ,]{0,40}?)? is) (?P<phrase>[a-z][a-z -]{2,60}?)"
    r"(?: \((?P<abbr>[A-Z]{2,5})s?\))?(?= in |,|\.|;|$)"
)
# A few abbreviations pages use without defining them.
WELL_KNOWN = {
    "RN": "registered nurse",
    "LPN": "licensed practical nurse",
    "LVN": "licensed vocational nurse",
    "NP": "nurse practitioner",
    "CNA": "certified nursing assistant",
}
US_AVERAGE = "US average"


def _synonyms() -> dict[str, tuple[str, ...]]:
    """metadata/role_synonyms.csv: role -> its everyday one-word names ('truck driver' ->
    'trucker'), which mean that role on a page that declares it."""
    import csv

    from rolecompare.config import METADATA_DIR

    found: dict[str, list[str]] = {}
    with (METADATA_DIR / "role_synonyms.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["role"].strip().lower(), []).append(row["name"].strip().lower())
    return {role: tuple(names) for role, names in found.items()}


SYNONYMS = _synonyms()
# a word that ends a role phrase read backwards from its head
ENDS_PHRASE = (STOP | BOUNDARY) - QUALIFIERS
HEAD_FORMS = (
    HEADS
    | {h + "s" for h in HEADS}
    | {h + "es" for h in HEADS}
    | {h[:-1] + "ies" for h in HEADS if h.endswith("y")}
    | {"midwives"}
)
LOWER_WORDS = re.compile(r"[a-z]+")
ANY_ABBREVIATION = re.compile(r"\b[A-Z]{2,5}s?\b")
# "by equipping pharmacists": after these words a word in -ing is a verb, not part of a name
VERBAL = _vocabulary("by for of in to with from on at about after before while when into")
JOINER = re.compile(r",? and |,? or |, ")


def is_qualifier(word: str) -> bool:
    """'licensed', 'employed', 'full-time', 'college-educated': which members, not which role."""
    lower = word.lower().rstrip(",")
    return lower in QUALIFIERS or lower.endswith(("-educated", "-trained", "-time", "-based"))


@lru_cache(maxsize=16384)
def head_of(word: str) -> str | None:
    """'Nurses' -> 'nurse' when the word is an occupation noun (singular or plural)."""
    lower = word.lower().rstrip(".")
    if lower in HEADS:
        return lower
    if lower in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[lower]
    if lower.endswith("s") and lower[:-1] in HEADS:
        return lower[:-1]
    if lower.endswith("es") and lower[:-2] in HEADS:
        return lower[:-2]
    if lower.endswith("ies") and lower[:-3] + "y" in HEADS:  # secretaries, actuaries
        return lower[:-3] + "y"
    return None


_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,5}s")
_CONJUNCTS = re.compile(r"(,? and |,? or |, )")


def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        single = _IRREGULAR_PLURALS[lower]
        return word[0] + single[1:] if word[:1].isupper() else single
    if _PLURAL_ABBREVIATION.fullmatch(word):
        return word[:-1]
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes")):  # waitresses, coaches, welders' boxes
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def singular_role(name: str) -> str:
    """'Software Developers, Quality Assurance Analysts, and Testers' -> each conjunct singular;
    'Heavy and Tractor-trailer Truck Drivers' -> '... Truck Driver'."""
    name = clean_name(name)
    parts = _CONJUNCTS.split(name)
    out = []
    for part in parts:
        if JOINER.fullmatch(part) or not part:
            out.append(part)
            continue
        words = part.split(" ")
        words[-1] = _singular_word(words[-1])
        out.append(" ".join(words))
    return "".join(out)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    role: str  # the role's name (singular), or US_AVERAGE
    bare: bool = False  # only the head noun ("nurses"): the page's own role of that kind


def words_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word."""
    return [
        (m.start(), m.end("w"), m.group("w")) if m.group("w") else (m.start(), m.end(), m.group())
        for m in _WORD.finditer(text)
    ]


def clause_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in '.:;(•*!?"' or before.endswith(" -")


def initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in {"and", "of"})


_KEY_DOTS = re.compile(r"(?<=[A-Za-z])\.(?=\s|,|$)")  # 'Sr.' is 'Sr', '.NET' stays '.NET'
_KEY_SPACES = re.compile(r"[\s\-–_]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """What makes two spellings one name: 'Chefs & Head Cooks' and 'chef and head cook' share
    'chef and head cook' (case, spacing, '&', abbreviation dots and plural folded); 'C++
    manager', 'C# manager' and 'C manager' stay three names."""
    text = _KEY_DOTS.sub("", name.replace("&", " and ").replace("’", "'").replace("'", ""))
    text = text.replace(", and ", " and ").replace(", or ", " or ")  # the serial comma
    text = _KEY_SPACES.sub(" ", text).strip(" ,;:").lower()
    return _KEY_SPACES.sub(" ", singular_role(text)).strip()
