"""What a role does, in the page's own words: descriptions and listed responsibilities.

- **description**: each prose paragraph (one line of the page) of a section that says what a
  role does: "What does a customer service manager do?", "What Registered Nurses Do", "What
  They Do:", "Job Description Overview", "What is a customer care manager and how to become
  one", or the definition under an occupation-code heading ("29-1111 Registered Nurses"). The
  role is the one the heading names, else the page's subject. The section's first paragraph
  may follow a few short lines (a date, "5 min read", a picture caption); the section ends at
  the first line after its paragraphs that is not prose, or at another known heading.
- **responsibility**: each bullet of "Customer service manager example responsibilities.",
  "Job Duties and Responsibilities" or "Research ... duties and responsibilities", as printed
  without the bullet mark; `category` is its rank (1, 2, ...). A trailing "Show more" bullet is
  not a duty.
- A paragraph that names one of the page's roles (and no other) and is followed directly by a
  list of duties in the third person ("Checks vital signs", "Gives medications") is that role's
  description and its list its responsibilities (comparison articles without headings).

FAQ answers ("Q: What does ... do?") are not read: their question is not a section heading.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import WHAT_ROLE_DOES, PageContext, is_heading
from rolecompare.facts.parsing.model import PageResult, RawFact

_WHAT_DOES = re.compile(r"^\s*What does (?:an?|the) (?P<role>.{2,120}?) do\s*\?\s*$", re.I)
_WHAT_THEY_DO = re.compile(r"^\s*What They Do\s*:?\s*$", re.I)
_JOB_DESCRIPTION = re.compile(r"^\s*(?:Job Description(?: Overview)?|Description)\s*:?\s*$", re.I)
_WHAT_IS = re.compile(
    r"^\s*What is (?:an?|the) (?P<role>.{2,120}?)(?: and how to become one)?\s*\??\s*$", re.I
)
_OCCUPATION_CODE = re.compile(r"^\s*\d{2}-\d{4}\s+(?P<role>[A-Z][^\d.:;]{2,150}?)\s*$")
_RESPONSIBILITIES = re.compile(
    r"^\s*(?:\d{1,2}\.\s+)?(?:Research\s+)?(?P<role>(?!differences? between\b).{2,120}?)"
    r"\s+(?:example\s+)?(?:job\s+)?(?:duties and\s+)?responsibilities\s*[.:]?\s*$",
    re.I,
)
_DUTIES = re.compile(
    r"^\s*(?:(?:typical|main|key|job)\s+)?(?:duties and responsibilities|duties|"
    r"responsibilities)\s*:?\s*$",
    re.I,
)
_BULLET = re.compile(r"^\s*[•*·▪◦-]\s*(?P<text>\S.*?)\s*$")
_SHOW_MORE = re.compile(r"^(?:show|see|view) (?:more|all)\b", re.I)
_THIRD_PERSON = re.compile(r"^[A-Z][a-z]+(?:s|es)\b")
MAX_LINES_BEFORE_PARAGRAPH = 8


def is_prose(line: str | None) -> bool:
    """A paragraph line: a sentence of six words or more ending with '.', '!' or a footnote."""
    if not line:
        return False
    text = line.strip()
    if len(text.split()) < 6 or _BULLET.match(text) or not re.search(r"[a-z]", text):
        return False
    return bool(re.search(r"[.!](?:\)|\[\d+\]|\d{1,2}[a-z]?)?$", text))


def _section_heading(text: str, context: PageContext) -> bool:
    return bool(
        _WHAT_DOES.match(text)
        or _WHAT_THEY_DO.match(text)
        or _JOB_DESCRIPTION.match(text)
        or WHAT_ROLE_DOES.match(text)
        or _DUTIES.match(text)
        or _RESPONSIBILITIES.match(text)
        or text.lower() in {"summary", "work environment", "pay", "job outlook", "salary"}
        or text.lower().startswith(("how to become", "job outlook"))
    )


_MAYBE_SECTION = re.compile(r"(?i:what |description|\d{2}-\d{4})")


def _description_role(text: str, context: PageContext) -> str | bool | None:
    """The role a description heading names, the subject for 'What They Do', False if none."""
    if not _MAYBE_SECTION.search(text):
        return False
    roles = context.roles
    for pattern in (_WHAT_DOES, WHAT_ROLE_DOES, _WHAT_IS, _OCCUPATION_CODE):
        if m := pattern.match(text):
            return roles.role_phrase(m.group("role"))
    if _WHAT_THEY_DO.match(text) or _JOB_DESCRIPTION.match(text):
        return roles.subject
    return False


def _fact(role: str, metric: str, line: int, text: str, rank: int | None = None) -> RawFact:
    return RawFact(
        role=role,
        metric=metric,
        line=line,
        text=text,
        category=str(rank) if rank is not None else None,
    )


def _paragraphs(lines: list[str | None], start: int, context: PageContext) -> list[int]:
    """Line numbers of the section's paragraphs, the heading being on line `start`."""
    found: list[int] = []
    skipped = 0
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line is None or not line.strip():
            continue
        if is_prose(line):
            found.append(number)
            continue
        if found or _section_heading(line.strip(), context):
            break
        skipped += 1
        if skipped > MAX_LINES_BEFORE_PARAGRAPH:
            break
    return found


def _bullets(lines: list[str | None], start: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line is None or not line.strip():
            continue
        m = _BULLET.match(line)
        if not m:
            break
        found.append((number, m.group("text")))
    return found


def _add_duties(result: PageResult, role: str, bullets: list[tuple[int, str]]) -> None:
    rank = 0
    for number, text in bullets:
        if _SHOW_MORE.match(text):
            continue
        rank += 1
        result.facts.append(_fact(role, "responsibility", number, text, rank))
        result.claimed.add(number)


def read_passages(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    """Descriptions and responsibilities of every section that says what a role does."""
    described: set[int] = set()
    for number, line in enumerate(lines, start=1):
        if not line or len(line) > 300:
            continue
        text = line.strip()
        if is_heading(text) or text.endswith((".", "?")):
            role = _description_role(text, context)
            if role:
                for paragraph in _paragraphs(lines, number, context):
                    if paragraph not in described:
                        described.add(paragraph)
                        paragraph_text = (lines[paragraph - 1] or "").strip()
                        result.facts.append(_fact(role, "description", paragraph, paragraph_text))
                continue
            lowered = text.lower()
            if "duties" in lowered or "responsibilit" in lowered:
                if _DUTIES.match(text):
                    if context.roles.subject:
                        _add_duties(result, context.roles.subject, _bullets(lines, number))
                    continue
                if m := _RESPONSIBILITIES.match(text):
                    role = context.roles.role_phrase(m.group("role"))
                    if role:
                        _add_duties(result, role, _bullets(lines, number))
                    continue
        following = lines[number] if number < len(lines) else None
        if following and _BULLET.match(following) and number not in described and is_prose(line):
            _headless_description(lines, number, result, context, described)


def _headless_description(
    lines: list[str | None],
    number: int,
    result: PageResult,
    context: PageContext,
    described: set[int],
) -> None:
    """'Registered Nurses (RN) provide patient care ...' followed by '• Checks vital signs'."""
    following = lines[number] if number < len(lines) else None
    if not following or not _BULLET.match(following):
        return
    line = lines[number - 1] or ""
    page_roles = {*(context.roles.pair or ()), context.roles.subject, context.roles.main} - {None}
    named = {m.role for m in context.roles.mentions(line)} & page_roles
    if len(named) != 1:  # the paragraph must be about one of the page's roles
        return
    role = named.pop()
    bullets = _bullets(lines, number)
    texts = [t for _, t in bullets if not _SHOW_MORE.match(t)]
    if len(texts) < 2 or sum(bool(_THIRD_PERSON.match(t)) for t in texts) * 2 < len(texts):
        return
    described.add(number)
    result.facts.append(_fact(role, "description", number, line.strip()))
    _add_duties(result, role, bullets)
