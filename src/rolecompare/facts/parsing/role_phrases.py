"""Where a role phrase starts in running text: read back from its head noun ('nurses') over
the words that belong to the name ('licensed practical'), and take in words that share the
head ('heavy and tractor-trailer truck drivers'). The page's knowledge comes in as `is_head`
(a word that ends a role name) and `abbreviation` (what an abbreviation stands for)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rolecompare.facts.parsing.role_words import (
    ABBR_WORD,
    BOUNDARY,
    CUES,
    ENDS_PHRASE,
    QUALIFIERS,
    STOP,
    VERBAL,
    clause_start,
    name_key,
)
from rolecompare.facts.parsing.whole_names import possessive_in_name

Words = list[tuple[int, int, str]]  # (start, end, word) of each word of a text


def head_spans(
    text: str, words: Words, is_head: Callable[[str], bool], abbreviation: Callable[[str], Any]
) -> list[tuple[int, int]]:
    """(first word, head word) of every role phrase, left to right."""
    found: list[tuple[int, int]] = []
    i = len(words) - 1
    while i >= 0:
        word = words[i][2]
        abbr = ABBR_WORD.match(word)
        if not (is_head(word) or (abbr and abbreviation(abbr.group("abbr")))):
            i -= 1
            continue
        first = i
        while first > 0 and i - first < 4:
            prev_start, prev_end, prev = words[first - 1]
            lower = prev.lower().rstrip(".")
            acronym = len(prev) > 1 and prev.isupper()  # 'IT support lead', not 'it'
            gap = text[prev_end : words[first][0]]
            if (
                gap not in {" ", "-"} and not possessive_in_name(gap, text, prev_start, words[i][1])
            ) or (lower in ENDS_PHRASE and (not acronym or lower in BOUNDARY)):
                break
            # "by equipping pharmacists": a verb after a preposition, not part of the name
            if lower.endswith("ing") and first >= 2 and words[first - 2][2].lower() in VERBAL:
                break
            # 'HVAC technicians': an acronym in front is part of the name
            if prev[:1].isupper() != word[:1].isupper() and not abbr and not acronym:
                if prev[:1].isupper() and (clause_start(text, prev_start) or lower in QUALIFIERS):
                    first -= 1
                break
            first -= 1
        found.append((first, i))
        i = first - 1
    found.reverse()
    return found


def widen(text: str, words: Words, first: int, start: int, is_head: Callable[[str], bool]) -> int:
    """'heavy and tractor-trailer truck drivers', 'police, fire, and emergency medical
    dispatchers': take in the words that share the head ('heavy and', 'police, fire, and')
    when the page does not know the narrower role (or knows the wider one)."""
    if first < 2 or words[first - 1][2] != "and" or text[words[first - 1][1] : start] != " ":
        return start
    at = first - 2
    if not _shares_head(text, words, at, first, is_head):
        return start
    gap = text[words[at][1] : words[first - 1][0]]
    if gap == " ":
        return _list_without_serial_comma(text, words, at, first, is_head)
    if gap != ", ":
        return start
    # 'A, B, and C <head>': every word of the list shares the head, one word each
    while at > 0 and text[words[at - 1][1] : words[at][0]] == ", ":
        if not _shares_head(text, words, at - 1, first, is_head):
            return start
        at -= 1
    return words[at][0] if at < first - 2 else start


def _list_without_serial_comma(
    text: str, words: Words, at: int, first: int, is_head: Callable[[str], bool]
) -> int:
    """'bookkeeping, accounting and auditing clerks': the list goes on before 'accounting' when
    the whole is a SOC occupation's name; else the name starts at 'accounting'. Likewise a
    first part of two words ('mental health and ...')."""
    from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

    end = _head_end(text, words, first, is_head)
    start = at
    while start > 0 and text[words[start - 1][1] : words[start][0]] == ", ":
        if not _shares_head(text, words, start - 1, first, is_head):
            break
        start -= 1
    if start != at:
        whole = name_key(text[words[start][0] : end])
        return words[start][0] if whole in soc_index() else words[at][0]
    # 'mental health and substance abuse social workers': a first part of two words, when the
    # whole is a SOC title
    two_words = (
        at > 0
        and text[words[at - 1][1] : words[at][0]] == " "
        and _shares_head(text, words, at - 1, first, is_head)
    )
    if two_words and name_key(text[words[at - 1][0] : end]) in soc_index():
        return words[at - 1][0]
    return words[at][0]


def _head_end(text: str, words: Words, first: int, is_head: Callable[[str], bool]) -> int:
    """The end of the name's head noun: the first head word from `first` on."""
    for k in range(first, min(len(words), first + 5)):
        if is_head(words[k][2]):
            return words[k][1]
    return words[first][1]


def _shares_head(
    text: str, words: Words, at: int, first: int, is_head: Callable[[str], bool]
) -> bool:
    """Is this word a modifier the name's head noun can share ('fire' in 'police, fire, and
    emergency medical dispatchers'): same case as the name, not a stop word, not a role."""
    word = words[at][2]
    opening = word[:1].isupper() and clause_start(text, words[at][0])
    return not (
        (word[:1].isupper() != words[first][2][:1].isupper() and not opening)
        or word.lower() in STOP
        or is_head(word)
    )


def bare_list(text: str, words: Words, chain: list) -> bool:
    """Names joined by commas only: a list of titles ('A, B, C'), or two subjects ('With 2.7
    million workers, customer service representatives ...'), not one role."""
    if len(chain) < 2:
        return False
    last = text[words[chain[-2][1]][1] : words[chain[-1][0]][0]]
    return " and " not in last and " or " not in last


_ORGANISATION = re.compile(
    rf"\b(?:{'|'.join(sorted(CUES['organisation'], key=len, reverse=True))})"
    r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}$",
    re.IGNORECASE,
)


def in_organisation(text: str, start: int) -> bool:
    """Is the role phrase at `start` part of an organisation's name ('National Association of
    Black Accountants', 'American Society of Mechanical Engineers')? Then it names no role."""
    before = text[max(0, start - 80) : start]
    return bool(before) and _ORGANISATION.search(before) is not None and _capital(before)


def _capital(before: str) -> bool:
    """The organisation word is capitalised, as in a name ('Association', not 'association')."""
    m = _ORGANISATION.search(before)
    return bool(m) and before[m.start()].isupper()
