"""What a page is about, read once before its figures: roles, compared pair, reference dates.

- **Subject**: the role of a quick-facts heading ("Quick Facts: Registered Nurses"), of an
  occupation-code heading ("29-1111 Registered Nurses"), of a "What Pharmacists Do" heading, or
  the role the page's title names ("The Best and Worst States for Licensed Practical Nurse Pay").
- **Compared pair**: from a title "A vs. B", "Difference Between A & B" or "Who Makes More: A or
  B?"; names that are fields ("Accounting Vs. Nursing Salaries") are matched to the role of that
  field the page names ("accountants", "registered nurses").
- **Main role**: the subject, else the role the page names most often; sentences that name no
  role ("2013 - 7% male", "the percentage of men in nursing") are about it.
- **United States or not**: a page that names another country (Australia, Canada, ...) and
  never the United States gives no US counts.
- **Survey year**: "the 2018 National Sample Survey of Registered Nurses" dates the undated
  findings of a fact sheet that reports it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from rolecompare.facts.parsing.main_role import count_main
from rolecompare.facts.parsing.prose import page_subject
from rolecompare.facts.parsing.role_words import BOUNDARY, CUES, GENERIC, STOP, name_key
from rolecompare.facts.parsing.roles import SIGNED, Mention, PageRoles, head_of, singular_role
from rolecompare.facts.parsing.text import clean_name, slugify

_QUICK_FACTS = re.compile(r"^\s*Quick Facts:\s*(?P<role>[A-Z].{2,150}?)\s*$")
_OCCUPATION_CODE = re.compile(r"^\s*\d{2}-\d{4}\s+(?P<role>[A-Z][^\d.:;]{2,150}?)\s*$")
WHAT_ROLE_DOES = re.compile(
    r"^\s*What (?!they\b|does\b|is\b|do\b|are\b)(?P<role>[A-Za-z][^?.:;]{2,150}?) Do\s*:?\s*$",
    re.IGNORECASE,
)
_VERSUS = re.compile(
    r"^\s*(?P<a>\.?[A-Za-z][^:?]{1,80}?) vs\.? (?P<b>\.?[A-Za-z][^:?]{1,80}?)"
    r"(?:\s*[:–—]\s.*|\s+(?:overview|comparison))?\s*\??$",
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(
    r"^\s*differences? between (?:an? )?(?P<a>[A-Za-z][^:?&]{1,60}?) (?:&|and) (?:an? )?"
    r"(?P<b>[A-Za-z][^:?&]{1,60}?)\s*[?.]?\s*$",
    re.IGNORECASE,
)
_WHO_MAKES_MORE = re.compile(
    r"^\s*who (?:makes|earns) more(?: money)?\s*[:?]?\s*(?:an? )?(?P<a>[A-Za-z][^:?]{1,60}?)"
    r" or (?:an? )?(?P<b>[A-Za-z][^:?]{1,60}?)\s*\?\s*$",
    re.IGNORECASE,
)
# "Nurse Practitioner or Physician Assistant: Which Career?", "RN or LPN?"
_EITHER = re.compile(
    r"^\s*(?:an? )?(?P<a>[A-Za-z][^:?]{1,60}?) or (?:an? )?(?P<b>[A-Za-z][^:?]{1,60}?)"
    r"(?:\s*[:–—]\s.*|\s*\?)?\s*$",
    re.IGNORECASE,
)
_NAME_SUFFIX = re.compile(
    r"\s+(?:salary|salaries|pay|wages?|careers?|jobs?|job outlook)\s*$", re.IGNORECASE
)
_SURVEY = re.compile(r"\b(?P<y>(?:19|20)\d\d) (?:[A-Z][\w&]* ){1,6}(?:Survey|Study)\b")
_US = re.compile(r"\b(?:U\.S\.|US|USA|United States|America|American|nationwide)\b")
_ABROAD = re.compile(
    r"\b(?:Australia|Australian|Canada|Canadian|United Kingdom|England|Ireland|New Zealand"
    r"|India|Germany|France)\b"
)
# "Puppet Maker Workforce Fact Sheet": a title naming an occupation that is not in the
# vocabulary of role nouns, by its agent-noun ending
_AGENT_TITLE = re.compile(
    r"^\s*(?:The\s+)?(?P<role>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:er|or|ist|ian|ant|ent)s?)\s+"
    r"(?:Workforce|Salary|Salaries|Pay|Careers?|Jobs?|Job Outlook|Statistics|Facts?|Fact Sheet"
    r"|Profile|Employment)\b"
)
_WHAT_DOES_A = re.compile(r"^\s*What does (?:an?|the) (?P<role>.{2,120}?) do\s*\??\s*$", re.I)
TITLE_LINES = 20  # a title stands within the first lines of a page


@lru_cache(maxsize=8192)
def is_heading(line: str | None) -> bool:
    """A short line that is not a sentence: a title, heading, menu entry or table label."""
    if not line:
        return False
    text = line.strip()
    if not text or len(text) > 150 or text[-1] in ".,;" or text[0] in "•*·-|":
        return False
    return len(text.split()) <= 14 and any(c.isalpha() for c in text)


@dataclass
class PageContext:
    lines: list[str | None]
    roles: PageRoles
    title_pair: tuple[str, str] | None = None
    title_line: int = 0
    survey_year: str | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    last_projection: str | None = None  # the last projection span read, going down the page
    seed_subject: str | None = None  # `prose.page_subject`: the role of a seed-layout page
    sections: list[tuple[int, str]] = field(default_factory=list)  # (heading line, its role)

    @property
    def us(self) -> bool:
        return self.roles.us

    def section_role(self, line: int) -> str | None:
        """The role whose section the line is in: the last heading above it that names one
        role ('What does a zone manager do?', 'Licensed Practical Nurses'), else None."""
        if not self.sections:
            return None
        at = bisect_right(self.sections, line, key=lambda section: section[0]) - 1
        return self.sections[at][1] if at >= 0 else None


def title_pair(line: str) -> tuple[str, str] | None:
    """('LPN', 'RN') from 'LPN vs. RN: Compare Salaries', else None."""
    for pattern in (_WHO_MAKES_MORE, _DIFFERENCE, _VERSUS, _EITHER):
        if m := pattern.match(line):
            a, b = (_NAME_SUFFIX.sub("", clean_name(m.group(k))) for k in ("a", "b"))
            if pattern is _EITHER and not (_ends_in_role(a) and _ends_in_role(b)):
                continue  # 'Full-time or part-time?' names no roles
            if a and b and slugify(a) != slugify(b):
                return a, b
    return None


def _ends_in_role(name: str) -> bool:
    """A role's name: ends in an occupation noun or abbreviation, and holds no cue word ('How
    to Become an Accountant' is not a name)."""
    words = name.split(" ") if name else [""]
    if {w.lower() for w in words} & (BOUNDARY | _QUESTION_WORDS):
        return False
    return head_of(words[-1]) is not None or bool(re.fullmatch(r"[A-Z]{2,5}s?", words[-1]))


_QUESTION_WORDS = frozenset({"how", "what", "why", "when", "where", "which", "who", "become"})


def _pair_role(name: str, roles: PageRoles, lines: list[str | None]) -> str:
    """A title's name as a role: an abbreviation, a field ('Nursing'), or the name itself
    (without the words in front that are no part of it: 'Difference for Elementary Teachers',
    'New report shows number of career firefighters')."""
    last = (roles.mentions(name) or [None])[-1]
    front = name[: last.start].lower().split() if last and last.end == len(name) else []
    if set(front) & (BOUNDARY | STOP):
        name = name[last.start :]
    if " " in name and name.lower().endswith("ing") and (role := _field_role(name, roles, lines)):
        return role
    resolved = roles.resolve(name)
    if resolved and (roles.known(resolved) or " " in name or not name.lower().endswith("ing")):
        return resolved
    stem = name.lower()[:5]
    if name.lower().endswith("ing") and len(stem) >= 4:
        counts: dict[str, tuple[int, int]] = {}  # role -> (named in full, named at all)
        for line in lines:
            for mention in roles.phrases(line or ""):
                if mention.role.split(" ")[-1].lower().startswith(stem[:4]):
                    full, total = counts.get(mention.role, (0, 0))
                    counts[mention.role] = (full + (not mention.bare), total + 1)
        if counts:
            return max(counts, key=lambda r: counts[r])
    return singular_role(name)


def _field_role(name: str, roles: PageRoles, lines: list[str | None]) -> str | None:
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


def _sections(context: PageContext) -> list[tuple[int, str]]:
    """Headings after the title that name one role, wholly: each starts that role's section
    (and declares the role)."""
    roles = context.roles
    found: list[tuple[int, str]] = []
    for number, text in context.headings[1:]:
        if number <= context.title_line:
            continue
        m = _WHAT_DOES_A.match(text)
        # 'Waiters and waitresses: Hawaii' starts the waiters' section too
        named = m.group("role") if m else _NAME_SUFFIX.sub("", text.split(": ", 1)[0])
        words = named.split()
        if not words or len(words) > 8 or not roles.may_name_a_role(words[-1]):
            continue  # a role's name is short and ends in its noun (a quick test first)
        role = roles.role_phrase(named)
        # 'Firefighter' alone names its role; 'Nurses' alone is any nurse
        if role and (
            not roles.mentions(clean_name(named))[0].bare or name_key(role) not in GENERIC
        ):
            found.append((number, roles.declare(role)))
    return found


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


def _heading_subject(context: PageContext) -> str | None:
    """The role of the first title line that names one occupation (see `heading_occupation`)."""
    roles, lines = context.roles, context.lines
    for number, text in context.headings:
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


def _joined_title(context: PageContext) -> tuple[tuple[str, str], int] | None:
    """'Top 2 U.S. Jobs by Number Employed: Salespersons and Cashiers': the first title line
    naming roles names two, joined by 'and' (two occupations, see `roles`): the page's pair."""
    for number, text in context.headings:
        if number > TITLE_LINES:
            break
        mentions = context.roles.mentions(text)
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
        if _names_again(name, lines, at):
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
    if len(words) > 14:
        return None
    index = soc_index()
    # one word only when it is the whole heading ('Microbiologists'): a title, not a menu word
    for size in range(min(5, len(words)), 0 if len(words) == 1 else 1, -1):
        for k in range(len(words) - size + 1):
            name = " ".join(words[k : k + size])
            if name_key(name) in index and _names_again(singular_role(name), lines, at):
                m = re.search(r"\b" + r"[\s-]+".join(words[k : k + size]), text, re.I)
                return singular_role(m.group()) if m else singular_role(name)
    return None


_JOINED = re.compile(r",| and | or |&|/")
_INDUSTRY = re.compile(
    r"\b[A-Za-z-]+ (?:industry|sector) (?:statistics|stats|facts|report)\b", re.IGNORECASE
)


def _industry_title(context: PageContext) -> bool:
    """Is the page's title about an industry ('Warehouse Industry Statistics'), above any line
    that names a role?"""
    for line in context.lines[:TITLE_LINES]:
        if line and _INDUSTRY.search(line) and is_heading(line):
            return True
        if line and context.roles.mentions(line):
            return False
    return False


def _names_again(name: str, lines: list[str | None], at: int, plural: bool = False) -> bool:
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


def build_context(lines: list[str | None]) -> PageContext:
    roles = PageRoles()
    context = PageContext(lines, roles)
    context.headings = [(n, ln.strip()) for n, ln in enumerate(lines, 1) if is_heading(ln)]
    subject: str | None = None
    context.seed_subject = page_subject(lines)[0]  # the seed layouts' readers use it too
    if context.seed_subject and SIGNED.search(context.seed_subject):
        roles.declare(context.seed_subject)  # 'Operations manager, district' stays whole
    for number, text in context.headings:
        if m := _QUICK_FACTS.match(text) or _OCCUPATION_CODE.match(text):
            subject = subject or roles.declare(m.group("role"))
        elif m := WHAT_ROLE_DOES.match(text):
            roles.declare(m.group("role"))
        elif number <= TITLE_LINES and context.title_pair is None and (pair := title_pair(text)):
            context.title_pair, context.title_line = pair, number
    if context.title_pair is None and subject is None and (joined := _joined_title(context)):
        context.title_pair, context.title_line = joined
    if context.title_pair:  # the title's names are roles: 'groomers (CLGs)' defines CLG
        for name in context.title_pair:
            last = name.split(" ")[-1]
            if not last.isupper() and not last.lower().endswith("ing"):
                roles.heads.add(singular_role(last).lower())
    roles.learn_abbreviations(lines)
    if context.title_pair:
        a, b = (_pair_role(name, roles, lines) for name in context.title_pair)
        if slugify(a) != slugify(b):
            roles.pair = (roles.declare(a), roles.declare(b))
    if subject is None and roles.pair is None:
        subject = _heading_subject(context)
    if subject is None and roles.pair is None:
        for number, text in context.headings:
            m = _AGENT_TITLE.match(text) if number <= TITLE_LINES else None
            # 'Median Salary', 'Important Facts': an occupation the page names again, in plural
            if (
                m
                and not {w.lower() for w in m.group("role").split()} & STOP
                and _names_again(singular_role(m.group("role")), lines, number, plural=True)
            ):
                subject = roles.declare(m.group("role"))
                break
    if subject is None and roles.pair is None:
        # how-to titles, US salary sentences (seed layouts)
        subject = roles.declare(context.seed_subject) if context.seed_subject else None
    roles.subject = subject
    # a comparison has two roles of equal standing; an industry's page ('Warehouse Industry
    # Statistics') counts its whole workforce, no role's
    if roles.pair is None:
        count_main(roles, lines, industry=not subject and _industry_title(context))
    context.sections = _sections(context)
    page_text = "\n".join(line for line in lines if line)
    roles.us = bool(_US.search(page_text)) or not _ABROAD.search(page_text)
    if m := _SURVEY.search(page_text):
        context.survey_year = m.group("y")
    return context
