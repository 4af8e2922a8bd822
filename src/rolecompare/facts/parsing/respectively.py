"""Pay listed 'respectively' against a list of industries.

    Electric and power generation, the motion picture and video industries and petroleum
    and coal products manufacturing were the industries paying carpenters best. Carpenters
    there were paid $62,730, $61,400 and $60,530 a year respectively, ...
    ... came specialty hospitals and scientific research and development services, where
    carpenters earned $57,120 and $56,020 a year respectively, or $27.46 and $26.93 an hour.

The list is the clause before the amounts, else the sentence before on the same line. Its
items are split at commas and at the 'and' that follows an employer noun of the vocabulary
('hospitals', 'services', 'industries'): 'research and development services' stays whole. The
list counts only when its sentence says it is industries, or every item ends in such a noun;
the yearly amounts and the hourly ones must each be as many as the items, in order.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.cues import employers
from rolecompare.facts.parsing.sentences import Found, Sentence

_INDUSTRIES = re.compile(r"\b(?:industries|sectors|settings|employers)\b", re.IGNORECASE)
# where a list stops: "..., where carpenters earned", "... were the industries paying"
_LIST_END = re.compile(r",?\s+(?:where|which|were|are|was|is|paid|pay|pays)\b")
# what may stand before a list inside its clause: "Next on the list came ..."
_LIST_START = re.compile(r"^.*?\b(?:came|come|comes|include|included|includes|were|are)\s+")
_THE = re.compile(r"^(?:the|and)\s+", re.IGNORECASE)
MAX_ITEM_WORDS = 8


def industries_respectively(sentence: Sentence, statistic: str | None) -> list[Found]:
    """The amounts of the sentence as the pay of the industries listed, in order."""
    line = sentence.line
    amounts = [t for t in line.tokens_in(sentence.span) if t.kind == "money" and t.value]
    yearly = [t for t in amounts if (t.value or 0) >= 1000]
    hourly = [t for t in amounts if (t.value or 0) < 1000]
    text = line.text[sentence.span.start : amounts[0].start] if amounts else ""
    if not _LIST_END.search(text) or " and " not in text:  # no list here: the sentence before
        text = _sentence_before(line.text, sentence.span.start)
    items = list_items(text)
    if len(items) < 2 or any(len(i) not in {0, len(items)} for i in (yearly, hourly)):
        return []
    nouns = employers() | {"industries"}
    if not _INDUSTRIES.search(text) and not all(i.split()[-1].lower() in nouns for i in items):
        return []
    return [
        Found(
            "salary_by_industry",
            token,
            category=item,
            statistic=statistic,
            unit="USD/hour" if token in hourly else "USD/year",
        )
        for group in (yearly, hourly)
        for item, token in zip(items, group, strict=False)
    ]


def _sentence_before(text: str, start: int) -> str:
    before = text[:start].rstrip()
    cut = before.rfind(". ", 0, len(before) - 1)
    return before[cut + 2 :] if cut >= 0 else before


def list_items(text: str) -> list[str]:
    """The items of the list the text opens with ('A, B and C were ...')."""
    end = _LIST_END.search(text)
    if end is None:
        return []
    span = _LIST_START.sub("", text[: end.start()]) if end.start() else ""
    items: list[str] = []
    nouns = employers() | {"industries"}
    for chunk in (c.strip() for c in span.split(",")):
        pieces, held = chunk.split(" and "), ""
        for piece in pieces:
            held = f"{held} and {piece}" if held else piece
            if piece.split() and piece.split()[-1].lower() in nouns:
                items.append(held)
                held = ""
        if held:
            items.append(held)
    items = [_THE.sub("", i.strip()) for i in items if i.strip()]
    if any(not i or len(i.split()) > MAX_ITEM_WORDS or any(c.isdigit() for c in i) for i in items):
        return []
    return items
