"""The roles a page's title and first headings name.

- **Subject**: the first title line naming one occupation: the occupation inside it that the
  page names again ('8 Key Welder Demographics' -> Welder; 'How Many Software Engineers in the
  US?' -> Software Engineer); a SOC title inside a heading with no role noun ('How Much Do
  Security Guard Jobs Pay?'); never a site's name ('Capital Counselor'), a label ('Editor's
  Choice'), a lead-in ending in ':' or a generic noun among other words ('READ MORE:
  Engineers Bring Pride'; 'Nurse Salary' is a title: its other words are title words).
- **Joined title**: 'Salespersons and Cashiers' names two roles, the page's pair.
- **Field**: 'Mechanical Engineering' in a comparison title is the mechanical engineers.
- **Industry**: 'Warehouse Industry Statistics' is about an industry, not a role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rolecompare.facts.parsing.role_words import CUES, GENERIC, STOP, name_key
from rolecompare.facts.parsing.roles import Mention, PageRoles, head_of, singular_role
from rolecompare.facts.parsing.text import clean_name

TITLE_LINES = 20  # a title stands within the first lines of a page


def field_role(name: str, roles: PageRoles, lines: list[str | None]) -> str | None:
    """The role of a field of several words the page names ('Mechanical Engineering' ->
    'mechanical engineers'): same words in front, a head noun that starts like the field's."""
    *front, last = name.lower().split(" ")
    stem = last[:5]
    for line in lines:
        for mention in roles.phrases(line or ""):
            *m_front, m_last = mention.role.lower().split(" ")
            if m_front == front and m_last.startswith(stem):
                return mention.role
    return None


def _named_in_text(role: str, lines: list[str | None], at: int) -> bool:
    """Does another line of the page name the role's noun? A site's section title ('Pay
    Information for Mechanic Jobs' over a page about HVAC technicians) names no subject."""
    head = role.split(" ")[-1].lower()
    forms = {head, head + "s", head + "es"}
    for number, line in enumerate(lines, 1):
        if line and number != at:
            words = set(_WORDS.findall(line.lower()))
            if words & forms or any(head_of(w) == head for w in words if w.endswith("s")):
                return True
    return False


_WORDS = re.compile(r"[a-z][a-z-]*")


def heading_subject(
    roles: PageRoles, headings: list[tuple[int, str]], lines: list[str | None]
) -> str | None:
    """The role of the first title line that names one occupation (see `heading_occupation`)."""
    for number, text in headings:
        if number > TITLE_LINES:
            break
        if text.endswith(":"):
            continue  # 'BLS lists these as the top-paying states for HVAC specialists:'
        mentions = roles.mentions(text)
        if not mentions and (name := _soc_in(text, lines, number)):
            return roles.declare(name)  # 'How Much Do Security Guard Jobs Pay?'
        if len(mentions) != 1:
            continue
        mention = mentions[0]
        phrase = _without_qualifiers(clean_name(text[mention.start : mention.end]))
        name = heading_occupation(phrase, lines, number)
        alone = roles.role_phrase(text) is not None
        if name is None and alone and _named_in_text(mention.role, lines, number):
            name = phrase  # the title is the role's name alone ('Firefighter')
        if name is None or (name_key(name) in GENERIC and not _title_of(text, mention)):
            continue  # 'READ MORE: Engineers Bring Pride': a generic noun names no subject
        return roles.declare(roles.resolve(name) or name)
    return None


def joined_title(
    roles: PageRoles, headings: list[tuple[int, str]]
) -> tuple[tuple[str, str], int] | None:
    """'Top 2 U.S. Jobs by Number Employed: Salespersons and Cashiers': the first title line
    naming roles names two, joined by 'and' (two occupations, see `roles`): the page's pair."""
    for number, text in headings:
        if number > TITLE_LINES:
            break
        mentions = roles.mentions(text)
        if not mentions:
            continue
        if len(mentions) == 2 and re.fullmatch(
            r"\s*(?:and|&)\s*", text[mentions[0].end : mentions[1].start]
        ):
            a, b = (clean_name(text[m.start : m.end]) for m in mentions)
            return (a, b), number
        return None
    return None


def _title_of(text: str, mention: Mention) -> bool:
    """Is the heading the role's title: its name and title words only ('Nurse Salary', 'How
    Much Do Nurses Make in 2024?'; the words are data: metadata/role_words.csv kind `title`)?"""
    rest = _WORDS.findall((text[: mention.start] + " " + text[mention.end :]).lower())
    return all(w in STOP or w in CUES["title"] for w in rest)


def heading_occupation(phrase: str, lines: list[str | None], at: int) -> str | None:
    """The occupation inside a heading's role phrase: its longest ending that the page names
    again ('Key Welder' -> 'Welder' where the text says 'welders'; 'Affects Civil Engineer' ->
    'Civil Engineer'). A joined name ('Artists and Designers') is taken whole or not at all.
    None for a site's name ('Capital Counselor') or a label ('Editor's Choice')."""
    words = clean_name(phrase).split(" ")
    joined = bool(_JOINED.search(phrase))
    for k in range(1 if joined else len(words)):
        name = " ".join(words[k:])
        if names_again(name, lines, at):
            return name
    return None


def _without_qualifiers(phrase: str) -> str:
    """'Many Software Engineers' -> 'Software Engineers' (a quantifier is no part of a name;
    'Licensed' stays: it may be)."""
    words = phrase.split(" ")
    while len(words) > 1 and words[0].lower() in STOP:
        words = words[1:]
    return " ".join(words)


def _soc_in(text: str, lines: list[str | None], at: int) -> str | None:
    """A SOC occupation of two to five words inside a heading that names no role noun, which
    the page names again ('Security Guard' in 'How Much Do Security Guard Jobs Pay?')."""
    from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

    words = _WORDS.findall(text.lower())
    if len(words) > 14 or not any(singular_role(w) in _soc_heads() for w in words):
        return None  # the quick test: no word of the heading ends a SOC title
    index = soc_index()
    # one word only when it is the whole heading ('Microbiologists'): a title, not a menu word
    for size in range(min(5, len(words)), 0 if len(words) == 1 else 1, -1):
        for k in range(len(words) - size + 1):
            name = " ".join(words[k : k + size])
            if name_key(name) in index and names_again(singular_role(name), lines, at):
                m = re.search(r"\b" + r"[\s-]+".join(words[k : k + size]), text, re.I)
                return singular_role(m.group()) if m else singular_role(name)
    return None


@lru_cache(maxsize=1)
def _soc_heads() -> frozenset[str]:
    """The last word of every SOC title and direct-match title, singular ('guard',
    'microbiologist'): a quick test read straight from the file, so that a page whose
    headings hold none of them never builds the SOC index."""
    import csv

    from rolecompare.config import METADATA_DIR
    from rolecompare.facts.soc import SOC_FILE

    heads: set[str] = set()
    with (METADATA_DIR / "soc" / SOC_FILE).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in (row["2018 SOC Title"], row["2018 SOC Direct Match Title"]):
                if last := name.strip().rsplit(" ", 1)[-1].lower():
                    heads.add(singular_role(last))
    return frozenset(heads)


_JOINED = re.compile(r",| and | or |&|/")
_INDUSTRY = re.compile(
    r"\b[A-Za-z-]+ (?:industry|sector) (?:statistics|stats|facts|report)\b", re.IGNORECASE
)


def industry_title(
    roles: PageRoles, headings: list[tuple[int, str]], lines: list[str | None]
) -> bool:
    """Is the page's title about an industry ('Warehouse Industry Statistics'), above any line
    that names a role?"""
    titles = {number for number, _ in headings}
    for number, line in enumerate(lines[:TITLE_LINES], 1):
        if line and _INDUSTRY.search(line) and number in titles:
            return True
        if line and roles.mentions(line):
            return False
    return False


def names_again(name: str, lines: list[str | None], at: int, plural: bool = False) -> bool:
    """Does a line other than `at` name the role (its last word singular or plural; only plural
    when `plural`)?"""
    *front, last = name.lower().split(" ")
    one = singular_role(last)
    stem = re.escape(one)
    ending = r"(?:s|es)" if plural else r"(?:s|es)?"
    if one.endswith("y"):  # 'actuary', 'actuaries'
        stem, ending = re.escape(one[:-1]), r"ies" if plural else r"(?:y|ies)"
    body = "".join(rf"{re.escape(w)}[\s-]+" for w in front)
    pattern = re.compile(rf"\b{body}{stem}{ending}\b", re.IGNORECASE)
    return any(line and n != at and pattern.search(line) for n, line in enumerate(lines, 1))


def pair_nouns(roles: PageRoles, lines: list[str | None]) -> None:
    """'career firefighters vs volunteer firefighters': where the page counts one of the pair
    by its word alone ('783,300 were volunteers'), that word names the role."""
    if roles.pair is None:
        return
    (a, b), heads = roles.pair, {r.rsplit(" ", 1)[-1].lower() for r in roles.pair}
    if len(heads) != 1:
        return
    text = "\n".join(line for line in lines if line)
    for role in (a, b):
        words = role.split(" ")
        if len(words) != 2:
            continue
        word = words[0].lower()
        if re.search(rf"\b(?:were|are|\d[\d,.]*)\s+{re.escape(word)}s\b", text, re.IGNORECASE):
            roles.heads.add(word)
            roles.aliases.setdefault(word, role)
