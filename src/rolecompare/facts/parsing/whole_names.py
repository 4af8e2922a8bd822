"""Declared role names that hold signs, read whole wherever the page writes them.

A head noun cuts "customer service associate/cashier" to "cashier" and "operations manager,
district" to "district"; a name the page declares (title, heading, table header) that holds a
sign ('/', ',', '&', parentheses, '+', '#', '.') or ends in a grade ('II', 'IV') or an
abbreviation is therefore matched whole first, with an optional plural ending, before any head
noun is looked for. `hide_signs` gives the same text with the signs inside those names hidden
(same length), for patterns that stop at ',' or '('.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rolecompare.facts.parsing.role_words import Mention, name_key

SIGNED = re.compile(r"[,/&()+#.]| (?:I{2,3}|IV|VI{0,3}|[A-Z]{2,5})$")
_HIDDEN = set(",.;:!?()$%")


@dataclass
class WholeNames:
    """One pattern of a page's signed names (longest first), rebuilt when it declares more."""

    count: int = -1
    pattern: re.Pattern[str] | None = None
    names: dict[str, str] = field(default_factory=dict)  # lower-case name -> declared name

    def spans(self, declared: list[str], text: str) -> list[Mention]:
        """Where the text names a declared role whose name holds signs."""
        if self.count != len(declared):
            self._build(declared)
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            found = m.group().lower()
            role = self.names.get(found) or self.names.get(found[:-1])
            role = role or self.names.get(found[:-2])
            if role:
                out.append(Mention(m.start(), m.end(), role))
        return out

    def _build(self, declared: list[str]) -> None:
        self.count = len(declared)
        self.names = {r.lower(): r for r in declared if SIGNED.search(r)}
        self.pattern = None
        if self.names:
            body = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            self.pattern = re.compile(rf"(?<![\w.])(?:{body})(?:e?s)?(?![\w+#])", re.IGNORECASE)


def hide_signs(text: str, spans: list[Mention]) -> str:
    """The text with the signs inside the spans replaced by one control character."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] in _HIDDEN:
                chars[i] = "\x1a"
    return "".join(chars)


def blank(text: str, spans: list[Mention]) -> str:
    """The text with the spans replaced by spaces (same length)."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def possessive_in_name(gap: str, text: str, start: int, end: int) -> bool:
    """'Sheriff's patrol officers' (text[start:end]): a possessive belongs to a name only where
    an occupation title of the SOC vocabulary holds it ('police and sheriff's patrol officers')."""
    return gap in {"'s ", "’s "} and name_key(text[start:end]) in _soc_suffixes()


@lru_cache(maxsize=1)
def _soc_suffixes() -> frozenset[str]:
    """The ends of SOC titles that start at a word in -s, as a possessive reads in a name key
    ('sheriffs patrol officer' of 'police and sheriffs patrol officer')."""
    from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

    out: set[str] = set()
    for key in soc_index():
        words = key.split(" ")
        out.update(" ".join(words[k:]) for k in range(len(words) - 1) if words[k].endswith("s"))
    return frozenset(out)


def soc_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """A mention that opens a SOC title listing several occupations ('plumbers' of 'plumbers,
    pipefitters, and steamfitters') becomes the whole title where the text goes on with it;
    the mentions it covers are dropped."""
    titles = _soc_titles()
    out: list[Mention] = []
    end = -1
    for mention in mentions:
        if mention.start < end:
            continue  # inside a title taken whole
        first = text[mention.start : mention.end].split(" ")[0].lower()
        if first.rstrip("s") not in titles:
            out.append(mention)
            continue
        for pattern, title in _list_patterns(first.rstrip("s")):
            if m := pattern.match(text, mention.start):
                mention, end = Mention(m.start(), m.end(), title), m.end()
                break
        out.append(mention)
    return out


@lru_cache(maxsize=1)
def _soc_titles() -> dict[str, tuple[str, ...]]:
    """first word (no plural s) -> the SOC titles that list occupations ('Plumbers,
    Pipefitters, and Steamfitters'), longest first."""
    from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

    found: dict[str, set[str]] = {}
    for _, title, _ in soc_index().values():
        if ", " in title and " and " in title and "except" not in title.lower():
            found.setdefault(title.split(" ")[0].lower().rstrip(",").rstrip("s"), set()).add(title)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}


@lru_cache(maxsize=1024)
def _list_patterns(first: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, singular title) of the listing titles opening with `first`, compiled once
    when a page first needs them (plural or singular, with or without the serial comma)."""
    from rolecompare.facts.parsing.role_words import singular_role

    out = []
    for title in _soc_titles().get(first, ()):
        body = re.escape(title).replace(",\\ and\\ ", ",?\\ and\\ ")
        pattern = re.compile(rf"(?:{body}|{re.escape(singular_role(title))})(?![\w-])", re.I)
        out.append((pattern, singular_role(title)))
    return tuple(out)
