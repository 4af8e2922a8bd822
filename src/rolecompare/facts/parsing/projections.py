"""Projections stated in running text, read by what the clause says rather than by one wording.

A percent is a projected growth rate (`growth_projected`) when its clause holds a word of
change ("grow", "growth", "increase", "rise", "decline", ...) near it, its sentence looks ahead
("projected", "expected", "will", "should", "over the coming ten years", a span such as "from
2022 to 2032" or "by 2018"), and nothing marks it as something else: the past ("since 2008",
"have risen", "over the past year"), a share ("18% of ..."), pay ("salaries should rise 3%"),
or the average of all occupations ("national avg: +4%"). A count is a projected change in
employment (`employment_change`) when "new jobs", "additional jobs" or "jobs" added follow it
in such a sentence ("adding about 42,000 jobs", "should add around 133,000 new job positions").

`jobs_outlook` reads the wordings it knows first; these are what it falls back on.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.numbers import Token
from rolecompare.facts.parsing.sentences import Sentence

_CHANGE = re.compile(
    r"\b(?P<w>grow|grows|growing|growth|increase|increases|increasing|rise|rises|rising"
    r"|expand|expands|expansion|climb|climbs|decline|declines|declining|decrease|decreases"
    r"|fall|falls|shrink|shrinks|drop|drops)\b",
    re.IGNORECASE,
)
_DECLINE = frozenset(
    {"decline", "declines", "declining", "decrease", "decreases", "fall", "falls", "shrink",
     "shrinks", "drop", "drops"}
)  # fmt: skip
_AHEAD = re.compile(
    r"\b(?:project\w*|expect\w*|anticipat\w*|forecast\w*|predict\w*|will|should|outlook"
    r"|(?:next|coming)\s+(?:\w+\s+){0,2}(?:years?|decade)|by\s+20\d\d|through\s+20\d\d)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:since|past|last|previous|grew|rose|fell|dropped|declined|(?:has|have|had)\s+"
    r"(?:grown|risen|increased|fallen|declined|dropped))\b",
    re.IGNORECASE,
)
_PAY = re.compile(r"\b(?:salar\w*|wages?|pay|earnings|income)\b", re.IGNORECASE)
_WORK = re.compile(
    r"\b(?:jobs?|employment|positions|openings|demand|workers|field|occupation|profession"
    r"|workforce|roles?|careers?)\b",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(r"\s*(?:%|percent)?\s+(?:of|share)\b", re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(r"\b(?:avg|average|national|all occupations)\W{0,4}$", re.I)
# the rate of all occupations: "the 7.4% national average for job growth", "the 11% the bureau
# gives as average job growth across the economy"
_AVERAGE_AFTER = re.compile(
    r"[^.;,]{0,40}?\b(?:average|all occupations|economy|nationwide|national)\b", re.IGNORECASE
)
# one end of a range: "Average (7% to 13%)", "between 5% and 8%"
_RANGE_AFTER = re.compile(r"\s*(?:%|percent)?\s*(?:to|-|–|and)\s*[+-]?\d", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:\d\s*(?:%|percent)?\s*(?:to|-|–)|\bbetween)\s*$", re.I)
_PER_YEAR = re.compile(
    r"\b(?:annual|yearly) rate\b|\b(?:per|a|each) year\b|\bannually\b|\bper annum\b", re.I
)
WINDOW = 70
SHORT = 40  # characters around the number in which its word of change stands
_ADDED_AFTER = re.compile(
    r"\s+(?:or so\s+)?(?:(?:new|additional|more)\s+)+(?:[a-z][\w-]*\s+){0,3}?(?:jobs|positions)\b"
    # "about 33,900 jobs to be filled over that span"
    r"|\s+(?:job\s+)?(?:jobs|positions)\s+to\s+(?:be\s+)?(?:filled|added|created)\b"
    r"|\s+(?:job\s+)?(?:jobs|positions)\b",
    re.IGNORECASE,
)
_YEARLY = re.compile(r"\b(?:each|per|a|every) year\b|\bannually\b|\byearly\b", re.I)
_ADDING_BEFORE = re.compile(
    r"\b(?:add|adds|adding|added|create|creates|creating|an additional|additional)\s+"
    r"(?:(?:about|around|roughly|approximately|nearly|some|an estimated|over|more than)\s+)?$",
    re.IGNORECASE,
)


def projected_rate(sentence: Sentence, token: Token) -> tuple[str, bool] | None:
    """(the word of change, whether it is a decline) when the percent `token` is a projected
    growth rate by the clause's words, else None."""
    line = sentence.line
    text = line.text
    clause = sentence.clause_of(token.start)
    before = text[max(clause.start, token.start - 24) : token.start]
    if _SHARE_AFTER.match(text, token.end) or _AVERAGE_BEFORE.search(before):
        return None
    if _RANGE_AFTER.match(text, token.end) or _RANGE_BEFORE.search(before):
        return None  # a range of rates is neither end's rate
    if not line.mentions_in(sentence.span) and several_roles(line.context):
        return None  # on a page about several roles, a sentence that names none says not whose
    start, end = max(clause.start, token.start - WINDOW), min(clause.end, token.end + WINDOW)
    words = [m for m in _CHANGE.finditer(text, start, end)]
    if not words:
        return None
    spans = [p for p in line.periods if p.kind == "span" and sentence.span.start <= p.start]
    if _PER_YEAR.search(text, start, end) and not spans:
        return None  # "grow at an annual rate of 8.6%": a yearly rate, not the projection's
    short = clause.end - clause.start <= SHORT  # a widget's line: "+5.2% projected growth"
    if not (short or _WORK.search(text, clause.start, clause.end) or line.mentions_in(clause)):
        return None  # "the market ... growing 9.6%": the growth of something else
    after = [m for m in words if m.start() > token.end]
    if after and _AVERAGE_AFTER.match(text[: after[0].start()], token.end):
        return None
    if _PAST.search(text, clause.start, clause.end):
        return None
    if pay_change(sentence, token):
        return None
    if not (_AHEAD.search(sentence.text) or spans):
        return None
    word = min(words, key=lambda m: abs(m.start() - token.start)).group("w").lower()
    return word, word in _DECLINE


_BY_YEAR = re.compile(r"\b(?:by|through|until)\s+(?P<y>20\d\d)\b", re.IGNORECASE)


def by_year(sentence: Sentence) -> str | None:
    """The year a projection runs to when its sentence states no span: 'by 2031' -> '2031'."""
    line = sentence.line
    if any(p.kind == "span" and sentence.span.start <= p.start < sentence.span.end
           for p in line.periods):  # fmt: skip
        return None
    m = _BY_YEAR.search(sentence.text)
    return m.group("y") if m else None


def pay_change(sentence: Sentence, token: Token) -> bool:
    """'Welder salaries are expected to rise 3%': a change of pay, not of jobs."""
    clause = sentence.clause_of(token.start)
    text = sentence.line.text
    return bool(_PAY.search(text, clause.start, clause.end)) and not _WORK.search(
        text, clause.start, clause.end
    )


def several_roles(context: PageContext) -> bool:
    return bool(context.roles.pair) or len({role for _, role in context.sections}) > 1


def jobs_added(sentence: Sentence, token: Token) -> bool:
    """Is the count `token` a projected number of jobs added ('adding about 42,000 jobs')?"""
    text = sentence.line.text
    if not _AHEAD.search(sentence.text) or _PAST.search(sentence.text):
        return False
    after = _ADDED_AFTER.match(text, token.end)
    if after is None or _YEARLY.search(text, after.end(), min(sentence.span.end, after.end() + 40)):
        return False  # "203,000 new positions to open each year": yearly openings
    words = after.group(0).strip().lower().split()
    new = words[0] in {"or", "new", "additional", "more"} or "to" in words
    before = text[max(sentence.span.start, token.start - 40) : token.start]
    return new or _ADDING_BEFORE.search(before) is not None
