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
from rolecompare.facts.parsing.role_words import BOUNDARY, GENERIC, STOP, name_key
from rolecompare.facts.parsing.roles import SIGNED, PageRoles, head_of, singular_role
from rolecompare.facts.parsing.text import clean_name, slugify
from rolecompare.facts.parsing.title_roles import (
    TITLE_LINES,
    field_role,
    heading_subject,
    industry_title,
    joined_title,
    names_again,
    pair_nouns,
)

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
    if set(name.lower().split()) & (BOUNDARY | STOP):  # the quick test first
        last = (roles.mentions(name) or [None])[-1]
        front = name[: last.start].lower().split() if last and last.end == len(name) else []
        if set(front) & (BOUNDARY | STOP):
            name = name[last.start :]
    if " " in name and name.lower().endswith("ing") and (role := field_role(name, roles, lines)):
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
    if (
        context.title_pair is None
        and subject is None
        and (joined := joined_title(roles, context.headings))
    ):
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
            pair_nouns(roles, lines)
    if subject is None and roles.pair is None:
        subject = heading_subject(roles, context.headings, lines)
    if subject is None and roles.pair is None:
        for number, text in context.headings:
            m = _AGENT_TITLE.match(text) if number <= TITLE_LINES else None
            # 'Median Salary', 'Important Facts': an occupation the page names again, in plural
            if (
                m
                and not {w.lower() for w in m.group("role").split()} & STOP
                and names_again(singular_role(m.group("role")), lines, number, plural=True)
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
        industry = not subject and industry_title(roles, context.headings, lines)
        count_main(roles, lines, industry=industry)
    context.sections = _sections(context)
    page_text = "\n".join(line for line in lines if line)
    roles.us = bool(_US.search(page_text)) or not _ABROAD.search(page_text)
    if m := _SURVEY.search(page_text):
        context.survey_year = m.group("y")
    return context
