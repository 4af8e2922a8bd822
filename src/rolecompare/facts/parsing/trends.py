"""Shared by the workforce readers: the words before a number, and numbers compared in time.

A share or an age is often stated with an earlier one: "rose from 9.4% to 11.2%" (between two
years the sentence names, "From 2020 to 2022"), "from 14.9 percent in 2014 to 21.8 percent in
2019", "up from 7.1 percent in 2008", "a little below the 90.5% recorded in 2008", "compared
with only 46.4 percent in 2009". Each number gets its own year; a date that belongs to the
earlier number is not the later one's. A second trend of the same sentence without years
("while black pharmacists' share more than doubled, from 2.3 percent to 4.9 percent") takes the
years of the first.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.numbers import Period, Token, is_percent
from rolecompare.facts.parsing.sentences import Found, Sentence

QUAL = (
    r"(?:(?:about|around|approximately|roughly|an estimated|more than|over|nearly|almost"
    r"|just under|just over|under|less than|close to|only|just)\s+)?"
)
# Words before a number are read within this many characters: a hostile 20,000-character
# sentence must not make every number's reading cost the whole sentence.
WINDOW = 160
_COMPARED = re.compile(
    r"\s*(?:%|percent)?[^.;%]{0,80}?,?\s*\(?(?:(?:a little|slightly|sharply|well|just)\s+)?"
    r"(?:(?:up|down) from|below|above)\s+(?:the\s+|only\s+)?(?=\d)"
    r"|[^.;%]{0,80}?,\s+compared (?:with|to)\s+(?:only\s+)?(?=\d)",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\s*(?:%|percent)?(?: in (?:the )?(?:19|20)\d\d)?\s+to\s+(?=\d)")
_DATED_BY = re.compile(r"\s*(?:%|percent)?\s*(?:[a-z]+\s+)?(?:in|as of)\s+(?:the\s+)?")


def head_start(sentence: Sentence, token: Token) -> int:
    return max(sentence.span.start, token.start - WINDOW)


def head(sentence: Sentence, token: Token) -> str:
    """The words of the sentence before `token` (within WINDOW characters)."""
    return sentence.line.text[head_start(sentence, token) : token.start]


def role_in(sentence: Sentence, start: int, end: int) -> str | None:
    named = [m for m in sentence.line.mentions if start <= m.start < end]
    return named[0].role if named else None


def year_after(sentence: Sentence, token: Token, within: int = 40) -> Period | None:
    """'7.1 percent in the 2008 survey', '90.5% recorded in 2008': the date right after."""
    for period in sentence.line.periods:
        near = period.is_point and token.end <= period.start <= token.end + within
        if near and _DATED_BY.fullmatch(sentence.line.text, token.end, period.start):
            return period
    return None


def next_number(sentence: Sentence, token: Token, pattern: re.Pattern[str]) -> Token | None:
    m = pattern.match(sentence.line.text, token.end, sentence.span.end)
    return sentence.line.token_at(m.end()) if m else None


def with_earlier(sentence: Sentence, found: Found, token: Token) -> list[Found]:
    """The share and, when the sentence compares it with an earlier one, that one too."""
    out = [found]
    other = next_number(sentence, token, _COMPARED)
    if other is not None and other.value is not None and is_percent(other, sentence.line.text):
        year = year_after(sentence, other)
        if year:
            sentence.line.owned.add(year.start)
        period = year.text if year else None
        out.append(Found(found.metric, other, role=found.role, category=found.category,
                         statistic=found.statistic, period=period))  # fmt: skip
    return out


def from_to(sentence: Sentence, token: Token, found: Found) -> list[Found]:
    """'from 9.4% to 11.2%' with 'From 2020 to 2022', or 'in 2014 ... in 2019'."""
    other = next_number(sentence, token, _FROM_TO)
    first = year_after(sentence, token)
    second = year_after(sentence, other) if other is not None else None
    spans = [
        p
        for p in sentence.line.periods
        if p.kind == "span" and sentence.span.start <= p.start < sentence.span.end
    ]
    years: list[str | None]
    if first is None and second is None and spans and len(spans[0].years) == 2:
        years = [str(spans[0].years[0]), str(spans[0].years[1])]
    elif first is None and second is None and sentence.line.trend_years:
        years = list(sentence.line.trend_years)  # a parallel trend of the same sentence
    else:
        years = [first.text if first else None, second.text if second else None]
        for period in (first, second):
            if period:
                sentence.line.owned.add(period.start)
    found.period = years[0]
    out = [found]
    if other is not None:
        out.append(Found(found.metric, other, role=found.role, category=found.category,
                         statistic=found.statistic, period=years[1]))  # fmt: skip
        if years[0] and years[1]:
            sentence.line.trend_years = [years[0], years[1]]
    return out
