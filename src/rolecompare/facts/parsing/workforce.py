"""Who works in a role, stated in sentences: age, gender, race and degree shares, and trends.

- **Age**: "the median age of pharmacists is 41", "RNs have a median age of 46 years", "The
  average age of RNs in 2017: 51", "Truck drivers are on average over 47 years old", and
  trends "the average age of ... rose slightly, from 44.1 to 44.6 years" (one fact per year).
- **Gender**: "4.1% of truck drivers in the U.S. are women", "women made up 89.8% of ...",
  "Male RNs make up 9.6 percent", "the percentage of men in nursing rose from 9.4% to 11.2%",
  "2013 - 7% male", and a share compared with an earlier one ("up from 7.1 percent in 2008",
  "compared with only 46.4 percent in 2009").
- **Race**: a share beside a race or ethnicity named in the census's words ("80%
  White/Caucasian; 7.4% Asian", "6.9% ... report Hispanic ethnicity", "Hispanic RNs are the
  largest of these groups at 10.2 percent", "black, non-Hispanic RNs (7.8 percent)", "the
  percentage of black pharmacists ... from 2.3 percent to 4.9 percent respectively");
  the category is kept as printed. Shares of the whole population are not the role's.
- **Degrees**: "50 percent of RNs hold a bachelor's degree in nursing (BSN) or higher", "is
  college-educated (63.9 percent)", "a master's degree (51 vs. 48 percent)" for two years.
  Shares "of these" (of a part) are not the role's.
- Shares of a sub-group ("in management positions", "older than 50", "worldwide") are not
  read.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.numbers import Period, Token, is_percent
from rolecompare.facts.parsing.sentences import Found, Sentence

_QUAL = r"(?:(?:about|around|approximately|roughly|an estimated|more than|over|nearly|almost" \
    r"|just under|just over|under|less than|close to|only)\s+)?"  # fmt: skip
_STAT = r"(?P<stat>average|median|mean)"
_AGE_OF = re.compile(
    rf"\b{_STAT} age of (?P<who>[^:;.]{{1,80}}?)(?: in (?:19|20)\d\d)?(?::|,? (?:is|was|of|"
    rf"were))\s+{_QUAL}$",
    re.IGNORECASE,
)
_HAVE_AGE = re.compile(rf"\b(?:have|has|had|with) an? {_STAT} age of\s+{_QUAL}$", re.IGNORECASE)
_ON_AVERAGE = re.compile(rf"\bon average\s+{_QUAL}$", re.IGNORECASE)
_YEARS_OLD = re.compile(r"\s+years? old\b", re.IGNORECASE)
_AGE_TREND = re.compile(
    rf"\b{_STAT} age of (?P<who>[^:;.]{{1,80}}?) (?:rose|fell|increased|decreased|went up|went"
    r" down|climbed|dropped)(?: slightly| sharply)?,? from (?=\d)",
    re.IGNORECASE,
)
_GENDER = r"(?P<g>women|men|females?|males?)"
_GENDER_WORDS = {"women": "female", "female": "female", "females": "female", "men": "male",
                 "male": "male", "males": "male"}  # fmt: skip
_SHARE_IS_GENDER = re.compile(
    r"\s*(?:%|percent)?\s+of\s+(?:all\s+|the\s+)?(?P<who>[^.;%,\d]{1,60}?)\s+"
    r"(?:in the U\.S\.\s+)?"
    rf"(?:are|were|is)\s+{_GENDER}\b",
    re.IGNORECASE,
)
_GENDER_MAKE_UP = re.compile(
    rf"\b{_GENDER}(?P<who>(?:\s+[\w-]+){{0,3}}?)\s+(?:made up|make up|makes up|account for"
    rf"|accounted for|represent|represented|comprise|comprised)\s+{_QUAL}$",
    re.IGNORECASE,
)
_GENDER_TREND = re.compile(
    rf"\bthe (?:percentage|share|proportion|number) of {_GENDER}\b[^.;%]{{0,60}}? (?:rose|fell|"
    r"increased|decreased|grew|went up|dropped|climbed)(?: slightly| sharply)? from\s+$",
    re.IGNORECASE,
)
_GENDER_LINE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*[-–:]\s*(?=\d)")
_GENDER_AFTER = re.compile(rf"\s*(?:%|percent)?\s+{_GENDER}\s*$", re.IGNORECASE)
_COMPARED = re.compile(
    r"\s*(?:%|percent)?[^.;]{0,80}?,?\s*\(?(?:slightly\s+|sharply\s+)?(?:up|down) from\s+(?=\d)"
    r"|,\s+compared (?:with|to)\s+(?:only\s+)?(?=\d)",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\s*(?:%|percent)?(?: in (?:the )?(?:19|20)\d\d)?\s+to\s+(?=\d)")
_SUB_GROUP = re.compile(
    r"\b(?:in management|older than|younger than|aged \d|worldwide|globally|of the (?:U\.S\.|"
    r"nation's|country's|total|general) population|of these|initial)\b",
    re.IGNORECASE,
)
RACE = (
    r"(?:(?:non-|non)?(?:White|Caucasian|Black|African[- ]American|Asian|Hispanic|Latino|Latina"
    r"|Latinx|American Indian|Alaskan? Native|Native American|Native Hawaiian|Pacific Islander)"
    r"|two or more races|more than one race|multiracial|(?:racial and ethnic |racial |ethnic )"
    r"minorit(?:y|ies)(?: groups?)?|other race|unknown)"
)
_RACE_PHRASE = rf"{RACE}(?:\s*(?:/|,|or other|or|and)\s*{RACE})*"
_RACE_AFTER = re.compile(
    rf"\s*(?:%|percent)?\s+(?:of\s+(?:all\s+|the\s+)?[^.;%]{{1,40}}?\s+(?:report|reported|identify"
    rf" as|identified as|are|were)\s+)?(?P<cat>{_RACE_PHRASE})\b(?:\s+ethnicity)?",
    re.IGNORECASE,
)
_RACE_BEFORE = re.compile(
    rf"(?:^|[;,]\s+|\s)(?P<cat>{_RACE_PHRASE})(?:\s+[A-Za-z]+){{0,2}}?\s+(?:account for|accounts "
    r"for|make up|makes up|are|were|comprise|represent)(?:\s+the largest of these groups at)?"
    rf"\s+{_QUAL}$",
    re.IGNORECASE,
)
_RACE_PAREN = re.compile(
    rf"(?:^|[,;]\s+|\s)(?P<cat>{_RACE_PHRASE})(?:\s+[A-Za-z]+)?\s+\({_QUAL}$", re.I
)
_RACE_TREND = re.compile(
    rf"\bthe (?:percentage|share|proportion) of (?P<cat>{_RACE_PHRASE})\b[^.;%]{{0,80}}?,\s+"
    r"from\s+$",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"\s*(?:%|percent)?\s+respectively\b", re.IGNORECASE)
_DEGREE = r"[^,.;()]{0,50}?(?:degree|diploma|certificate|BSN|ADN|MSN)[^,.;]{0,40}?"
_DEGREE_HOLD = re.compile(
    rf"\s*(?:%|percent)\s+of\s+[^.;%]{{1,40}}?\s+(?:hold|have|held|earned|had)\s+(?:an?\s+|the\s+)?"
    rf"(?P<cat>{_DEGREE})(?=[,.;]|$)",
    re.IGNORECASE,
)
_DEGREE_IS = re.compile(
    r"\b(?:is|are|were|was)\s+(?P<cat>college[- ]educated|[\w'-]+ degree holders)\s+\($", re.I
)
_VERSUS = re.compile(r"\s+vs\.?\s+(?=\d)")
_VERSUS_PERCENT = re.compile(r"\s+vs\.?\s+\d[\d.]*\s?(?:%|percent)")
# "Racial and ethnic minorities are approximately 30 percent of the U.S. population but nearly
# 15 percent of the RN workforce": the sentence's subject is the category of each share
_RACE_SUBJECT = re.compile(
    rf"^\s*(?:[•*·-]\s*)?(?P<cat>{_RACE_PHRASE})\s+(?:are|were|make up|made up)\b", re.I
)
_OF_ROLE_WORKFORCE = re.compile(
    r"\s*(?:%|percent)\s+of\s+(?:the\s+)?[A-Za-z][\w -]{0,40}?\b(?:workforce|population)\b"
)


def _tail(sentence: Sentence, token: Token) -> str:
    return sentence.line.text[token.end : sentence.span.end]


def _head(sentence: Sentence, token: Token) -> str:
    return sentence.line.text[sentence.span.start : token.start]


def _role_in(sentence: Sentence, start: int, end: int) -> str | None:
    named = [m for m in sentence.line.mentions if start <= m.start < end]
    return named[0].role if named else None


def _year_after(sentence: Sentence, token: Token, within: int = 40) -> Period | None:
    """'7.1 percent in the 2008 survey': the date right after a compared number."""
    for period in sentence.line.periods:
        if period.is_point and token.end <= period.start <= token.end + within:
            between = sentence.line.text[token.end : period.start]
            if re.fullmatch(r"\s*(?:%|percent)?\s*(?:in|as of)\s+(?:the\s+)?", between):
                return period
    return None


def _next_number(sentence: Sentence, token: Token, pattern: re.Pattern[str]) -> Token | None:
    m = pattern.match(sentence.line.text, token.end)
    return sentence.line.token_at(m.end()) if m else None


def _with_trend(sentence: Sentence, found: Found, token: Token) -> list[Found]:
    """The share and, when the sentence compares it with an earlier one, that one too."""
    out = [found]
    other = _next_number(sentence, token, _COMPARED)
    if other is not None and other.value is not None and is_percent(other, sentence.line.text):
        year = _year_after(sentence, other)
        if year:
            sentence.line.owned.add(year.start)
        period = year.text if year else None
        out.append(Found(found.metric, other, role=found.role, category=found.category,
                         statistic=found.statistic, period=period))  # fmt: skip
    return out


def _trend_pair(sentence: Sentence, token: Token, found: Found) -> list[Found]:
    """'from 9.4% to 11.2%' with 'From 2020 to 2022' or 'in 2014 ... in 2019'."""
    other = _next_number(sentence, token, _FROM_TO)
    first, second = _year_after(sentence, token), None
    if other is not None:
        second = _year_after(sentence, other)
    if first is None and other is not None:
        spans = [p for p in sentence.line.periods if p.kind == "span"
                 and sentence.span.start <= p.start < sentence.span.end]  # fmt: skip
        if spans and len(spans[0].years) == 2:
            found.period = str(spans[0].years[0])
            out = [found]
            out.append(Found(found.metric, other, role=found.role, category=found.category,
                             statistic=found.statistic, period=str(spans[0].years[1])))  # fmt: skip
            return out
    for period in (first, second):
        if period:
            sentence.line.owned.add(period.start)
    found.period = first.text if first else None
    out = [found]
    if other is not None:
        period = second.text if second else None
        out.append(Found(found.metric, other, role=found.role, category=found.category,
                         statistic=found.statistic, period=period))  # fmt: skip
    return out


# --- age ------------------------------------------------------------------------------------


def age(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if "age" not in sentence.text.lower():
        return []
    out: list[Found] = []
    taken: set[int] = set()
    for m in _AGE_TREND.finditer(sentence.text):
        token = line.token_at(sentence.span.start + m.end())
        if token is None:
            continue
        role = _who(
            sentence, sentence.span.start + m.start("who"), sentence.span.start + m.end("who")
        )
        found = Found("age", token, role=role, statistic=_statistic(m.group("stat")), unit="years")
        pair = _trend_pair(sentence, token, found)
        out += pair
        taken |= {f.token.start for f in pair if f.token}
    for token in line.tokens_in(sentence.span):
        if token.start in taken or token.kind != "number" or token.is_year:
            continue
        head = _head(sentence, token)
        if m := _AGE_OF.search(head):
            start = sentence.span.start + m.start("who")
            role = _who(sentence, start, sentence.span.start + m.end("who"))
            out.append(Found("age", token, role=role, statistic=_statistic(m.group("stat"))))
        elif m := _HAVE_AGE.search(head):
            out.append(Found("age", token, statistic=_statistic(m.group("stat"))))
        elif _ON_AVERAGE.search(head) and _YEARS_OLD.match(line.text, token.end):
            out.append(Found("age", token, statistic="mean"))
    return out


def _statistic(word: str) -> str:
    return "median" if word.lower() == "median" else "mean"


def _who(sentence: Sentence, start: int, end: int) -> str | None:
    """The role of 'the nursing and midwifery workforce' or 'RNs': a named role, else the
    page's main role for its workforce or population."""
    role = _role_in(sentence, start, end)
    if role:
        return role
    words = sentence.line.text[start:end].lower()
    if re.search(r"\b(?:workforce|population|profession|occupation)\b", words):
        return sentence.line.context.roles.main
    return None


# --- shares ---------------------------------------------------------------------------------


def shares(sentence: Sentence) -> list[Found]:
    line = sentence.line
    text = line.text
    percents = [t for t in line.tokens_in(sentence.span) if t.value is not None
                and (is_percent(t, text) or _VERSUS_PERCENT.match(text, t.end))]  # fmt: skip
    if not percents:
        return []
    out: list[Found] = []
    taken: set[int] = set()

    def add(found_list: list[Found]) -> None:
        for found in found_list:
            if found.token and found.token.start not in taken:
                taken.add(found.token.start)
                out.append(found)

    for token in percents:
        if token.start in taken:
            continue
        head = _head(sentence, token)
        clause = sentence.clause_of(token.start)
        if _SUB_GROUP.search(text[token.end : min(clause.end, token.end + 60)]):
            continue
        found = (
            _gender(sentence, token, head)
            or _race(sentence, token, head)
            or _degree(sentence, token, head)
        )
        if found:
            add(found)
    return out


def _gender(sentence: Sentence, token: Token, head: str) -> list[Found] | None:
    text = sentence.line.text
    m = _GENDER_LINE.match(text)
    if m and m.end() == token.start and (g := _GENDER_AFTER.match(text, token.end)):
        category = _GENDER_WORDS[g.group("g").lower()]
        return [Found("gender_share", token, category=category, period=m.group("y"))]
    if m := _SHARE_IS_GENDER.match(text, token.end):
        who = _role_in(sentence, m.start("who"), m.end("who"))
        found = Found("gender_share", token, role=who, category=_GENDER_WORDS[m.group("g").lower()])
        return _with_trend(sentence, found, token)
    if m := _GENDER_MAKE_UP.search(head):
        start = sentence.span.start + m.start("who")
        who = _role_in(sentence, start, sentence.span.start + m.end("who") + 1)
        found = Found("gender_share", token, role=who, category=_GENDER_WORDS[m.group("g").lower()])
        return _with_trend(sentence, found, token)
    if m := _GENDER_TREND.search(head):
        found = Found("gender_share", token, category=_GENDER_WORDS[m.group("g").lower()])
        return _trend_pair(sentence, token, found)
    if m := re.search(
        rf"\b{_GENDER}\b[^.;%]{{0,40}}?,\s+compared (?:with|to)\s+(?:only\s+)?$", head
    ):
        found = Found("gender_share", token, category=_GENDER_WORDS[m.group("g").lower()])
        year = _year_after(sentence, token)
        found.period = year.text if year else None
        return [found]
    return None


def _race_category(sentence: Sentence, start: int, category: str) -> str:
    """As printed; a common word starting the sentence loses its capital ('Racial and ...')."""
    opening = sentence.line.text[sentence.span.start : start].strip(" •*·-\t")
    if not opening and category.split(" ")[0].lower() in {
        "racial",
        "ethnic",
        "two",
        "more",
        "other",
    }:
        return category[:1].lower() + category[1:]
    return category


def _race(sentence: Sentence, token: Token, head: str) -> list[Found] | None:
    text = sentence.line.text
    if m := _RACE_TREND.search(head):
        category = m.group("cat")
        found = Found("race_share", token, category=category)
        pair = _trend_pair(sentence, token, found)
        if found.period is None and _RESPECTIVELY.match(
            text, pair[-1].token.end if pair[-1].token else 0
        ):
            years = _last_trend(sentence)
            if len(years) == 2:
                found.period = years[0]
                if len(pair) == 2:
                    pair[1].period = years[1]
        _remember_trend(sentence, pair)
        return pair
    if m := _RACE_AFTER.match(text, token.end):
        return [Found("race_share", token, category=m.group("cat"))]
    if m := _RACE_BEFORE.search(head):
        start = sentence.span.start + m.start("cat")
        return [
            Found("race_share", token, category=_race_category(sentence, start, m.group("cat")))
        ]
    if m := _RACE_PAREN.search(head):
        start = sentence.span.start + m.start("cat")
        return [
            Found("race_share", token, category=_race_category(sentence, start, m.group("cat")))
        ]
    if (m := _RACE_SUBJECT.match(sentence.text)) and _OF_ROLE_WORKFORCE.match(text, token.end):
        start = sentence.span.start + m.start("cat")
        if sentence.line.mentions_in(sentence.clause_of(token.start)):
            return [
                Found("race_share", token, category=_race_category(sentence, start, m.group("cat")))
            ]
    return None


def _remember_trend(sentence: Sentence, pair: list[Found]) -> None:
    if len(pair) == 2 and all(f.period for f in pair):
        sentence.line.trend_years = [f.period or "" for f in pair]


def _last_trend(sentence: Sentence) -> list[str]:
    return sentence.line.trend_years


def _degree(sentence: Sentence, token: Token, head: str) -> list[Found] | None:
    text = sentence.line.text
    if m := _DEGREE_HOLD.match(text, token.end):
        return [Found("degree_share", token, category=m.group("cat").strip())]
    if m := _DEGREE_IS.search(head):
        return [Found("degree_share", token, category=m.group("cat"))]
    if head.endswith("(") and (other := _next_number(sentence, token, _VERSUS)):
        category = re.split(r"[,;:()]", head[:-1])[-1]
        category = re.split(r"\b(?:a|an|the)\s+", category)[-1].strip()
        if not re.search(r"degree|diploma|certificate", category, re.I):
            return None
        points = [p for p in sentence.line.periods if p.is_point
                  and sentence.span.start <= p.start < sentence.span.end]  # fmt: skip
        first = points[0].text if len(points) >= 2 else None
        second = points[1].text if len(points) >= 2 else None
        return [
            Found("degree_share", token, category=category, period=first),
            Found("degree_share", other, category=category, period=second),
        ]
    return None
