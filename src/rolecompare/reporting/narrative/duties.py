"""What each role does, in the pages' own words: a description (trimmed to a few sentences),
up to five example responsibilities in the page's order, the most listed skills, and the skills
the two roles share.

Descriptions and responsibilities are quoted, never compared or reworded: a bullet the page
cut off ("Show more") is given as it stands. Each part names the page it is quoted from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rolecompare.reporting.evidence import Evidence, Statement
from rolecompare.reporting.narrative.amounts import statement_value
from rolecompare.reporting.narrative.names import cap, count, join, plural

MAX_SENTENCES = 3
MAX_DESCRIPTION = 480  # characters, about four lines of a column
MAX_ITEMS = 5
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“'(])")


@dataclass(frozen=True)
class Duties:
    """The duties part of one role, ready for a template (plain text, cites as '[2]')."""

    role_id: str
    description: str | None = None
    description_cite: str = ""
    trimmed: bool = False
    responsibilities: tuple[str, ...] = ()
    responsibilities_cite: str = ""
    skills: tuple[str, ...] = ()
    skills_cite: str = ""

    @property
    def empty(self) -> bool:
        return not (self.description or self.responsibilities or self.skills)


def trim_passage(text: str, max_sentences: int = MAX_SENTENCES) -> tuple[str, bool]:
    """The first sentences of a passage (at most `max_sentences`, about MAX_DESCRIPTION
    characters), and whether anything was cut; a cut is shown with an ellipsis."""
    text = " ".join(text.split())
    sentences = _SENTENCE_END.split(text)
    kept: list[str] = []
    for sentence in sentences:
        if len(kept) >= max_sentences:
            break
        if kept and len(" ".join([*kept, sentence])) > MAX_DESCRIPTION:
            break
        kept.append(sentence)
    out = " ".join(kept)
    if len(out) > MAX_DESCRIPTION:  # one very long sentence: cut at a word
        out = out[:MAX_DESCRIPTION].rsplit(" ", 1)[0].rstrip(",;:")
    trimmed = len(out) < len(text)
    return (out + " …" if trimmed else out), trimmed


def _rank(statement: Statement) -> tuple[float, str]:
    try:
        return float(statement.category or "inf"), statement.text or ""
    except ValueError:
        return float("inf"), statement.text or ""


def _description(ev: Evidence, role_id: str) -> tuple[str | None, str, bool]:
    found = [s for s in ev.of(role_id, "description") if s.text]
    if not found:
        return None, "", False
    # the description most pages give (identical texts are one statement), then the first
    chosen = max(found, key=lambda s: (len({f for f, _ in s.refs}), -found.index(s)))
    text, trimmed = trim_passage(chosen.text or "")
    return text, ev.cite(chosen.refs), trimmed


def _responsibilities(ev: Evidence, role_id: str) -> tuple[tuple[str, ...], str]:
    found = [s for s in ev.of(role_id, "responsibility") if s.text]
    if not found:
        return (), ""
    by_page: dict[str, list[tuple[Statement, tuple[str, int]]]] = {}
    for s in found:
        for ref in s.refs:
            by_page.setdefault(ref[0], []).append((s, ref))
    # the page with the longest list (the first such page by file name)
    page = max(sorted(by_page), key=lambda p: len(by_page[p]))
    items = sorted(by_page[page], key=lambda sr: _rank(sr[0]))[:MAX_ITEMS]
    return tuple(s.text or "" for s, _ in items), ev.cite([ref for _, ref in items])


def _skills(ev: Evidence, role_id: str) -> tuple[tuple[str, ...], str]:
    listed = []
    for category in ev.categories(role_id, "skill_share"):
        found = ev.of(role_id, "skill_share", category)
        share = max((s.value for s in found if s.value is not None), default=0.0)
        listed.append((-share, len(listed), category, found))
    if listed:
        top = sorted(listed)[:MAX_ITEMS]
        items = tuple(
            f"{category} {' or '.join(dict.fromkeys(statement_value(s) for s in found))}"
            for _, _, category, found in top
        )
        return items, ev.cite([ref for *_, found in top for s in found for ref in s.refs])
    named = sorted(ev.of(role_id, "skill_top"), key=_rank)
    texts = list(dict.fromkeys(s.text for s in named if s.text))[:MAX_ITEMS]
    refs = [ref for s in named if s.text in texts for ref in s.refs]
    return tuple(cap(t) for t in texts), ev.cite(refs)


def role_duties(ev: Evidence, role_id: str) -> Duties:
    """Description, responsibilities and top skills of one role."""
    description, description_cite, trimmed = _description(ev, role_id)
    responsibilities, responsibilities_cite = _responsibilities(ev, role_id)
    skills, skills_cite = _skills(ev, role_id)
    return Duties(
        role_id,
        description,
        description_cite,
        trimmed,
        responsibilities,
        responsibilities_cite,
        skills,
        skills_cite,
    )


def shared_skills_sentence(
    skills: tuple[Sequence[str], Sequence[str], Sequence[str]],
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    limit: int = 6,
) -> str:
    """What `analysis.shared_skills` found, in one sentence ('' when a role lists no skill)."""
    shared, only_a, only_b = skills
    if not (shared or only_a) or not (shared or only_b):
        return ""
    a_cap, b = plural(role_a, names, True), plural(role_b, names)
    if not shared:
        return f"{a_cap} and {b} share none of the skills their pages list."
    shown = list(shared[:limit])
    rest = len(shared) - len(shown)
    items = join([*shown, f"{rest} more"]) if rest > 0 else join(shown)
    what = count(len(shared), "skill")
    return f"The skills the pages list for {plural(role_a, names)} and {b} share {what}: {items}."
