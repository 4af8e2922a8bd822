"""Shares of a role's workforce by race or by degree, stated in sentences.

- **Race**: a share beside a race or ethnicity in the census's words, in either order: "80%
  White/Caucasian; 7.4% Asian", "6.9% of the RN workforce report Hispanic ethnicity",
  "racial and ethnic minority groups represent 26.7 percent", "Hispanic RNs, at 10.2 percent",
  "black, non-Hispanic RNs come next at 7.8 percent", "black, non-Hispanic RNs (7.8
  percent)", "those groups hold nearly 15 percent of RN jobs" (the groups the sentence named),
  and trends "Non-white pharmacists' share ... from 14.9 percent in 2014 to 21.8 percent in
  2019". The category is kept as printed (a common word opening the sentence loses its
  capital: "racial and ethnic minorities").
- **Degree**: "50 percent of RNs have a bachelor's degree in nursing (BSN) or higher",
  "College-educated nurses make up 63.9 percent", "is college-educated (63.9 percent)", and
  two years compared "a master's degree ... (51 vs. 48 percent)" (the years in the order the
  sentence names them). A role named inside a degree ("an education specialist degree") is
  not the share's role.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.numbers import Token
from rolecompare.facts.parsing.sentences import Found, Sentence
from rolecompare.facts.parsing.trends import QUAL, from_to, head_start, next_number, role_in

RACE = (
    r"(?:(?:non-?Hispanic\s+)?(?:non-|non)?(?:White|Caucasian|Black|African[- ]American"
    r"|Asian(?:[- ]American)?|Hispanic|Latino|Latina"
    r"|Latinx|American Indian|Alaskan? Native|Native American|Native Hawaiian|Pacific Islander)"
    r"|two or more races|more than one race|multiracial|(?:(?:racial and ethnic |racial |ethnic )"
    r")?minorit(?:y|ies)(?: groups?)?|other race|unknown)"
)
# after a race, a list may end in "Other" or "Mixed" ("Native American, Other or Mixed")
RACE_PHRASE = rf"{RACE}(?:\s*(?:/|,|or other|or|and)\s*(?:{RACE}|Other\b|Mixed\b))*"
# a qualifier in brackets after a label is read past, not kept: "Hispanic (of any race)"
RACE_QUALIFIER = (
    r"(?:\s\((?:of any race|any race|alone|non-Hispanic|not Hispanic(?: or Latino)?"
    r"|including Hispanic|excluding Hispanic)\))?"
)
_RACE_AFTER = re.compile(
    rf"\s*(?:%|percent)?\s+(?:of\s+(?:all\s+|the\s+)?[^.;%]{{1,40}}?\s+(?:report|reported|identify"
    rf" as|identified as|are|were)\s+|(?:are|were|is|was|identify as|identified as)\s+)?"
    rf"(?P<cat>{RACE_PHRASE}){RACE_QUALIFIER}(?:\b|(?<=\)))(?:\s+ethnicity)?",
    re.IGNORECASE,
)
_RACE_BEFORE = re.compile(
    rf"(?:^|[;,:]\s+|\s)(?P<cat>{RACE_PHRASE}){RACE_QUALIFIER}(?:\s+(?!and\b|or\b)[A-Za-z]+)?,?"
    r"(?:\s+(?:account(?:s|ed)? for|make up|makes up|made up|are|were|is|was|comprise|comprises"
    r"|represent|represents"
    r"|represented|come next|comes next|came next)(?:\s+the largest of these groups)?)?\s+"
    rf"(?:at\s+)?{QUAL}$",
    re.IGNORECASE,
)
_RACE_PAREN = re.compile(
    rf"(?:^|[,;]\s+|\s)(?P<cat>{RACE_PHRASE}){RACE_QUALIFIER}(?:\s+[A-Za-z]+)?\s+\({QUAL}$",
    re.IGNORECASE,
)
_RACE_TREND = re.compile(
    rf"(?:\bthe (?:percentage|share|proportion) of (?P<cat>{RACE_PHRASE})\b|(?P<cat2>{RACE_PHRASE})"
    r"(?:\s+[\w-]+){0,2}?['’]s? share\b)[^.;%]{0,80}?,\s+from\s+$",
    re.IGNORECASE,
)
_RACE_SUBJECT = re.compile(
    rf"^\s*(?:[•*·-]\s*)?(?P<cat>{RACE_PHRASE}){RACE_QUALIFIER}\s+(?:are|were|make up)\b",
    re.IGNORECASE,
)
_THOSE_GROUPS = re.compile(
    rf"\b(?:those|these) groups\s+(?:hold|held|make up|account for|represent|are)\s+{QUAL}$", re.I
)
_OF_WORKFORCE = re.compile(
    r"\s*(?:%|percent)\s+of\s+(?:the\s+)?[A-Za-z][\w -]{0,40}?\b(?:workforce|population|jobs)\b"
)
_DEGREE = r"[^,.;()]{0,50}?(?:degree|diploma|certificate|BSN|ADN|MSN)[^,.;]{0,40}?"
_DEGREE_HOLD = re.compile(
    rf"(?:\s*(?:%|percent))?\s+of\s+(?P<who>[^.;%]{{1,40}}?)\s+(?:hold|have|held|earned|had)\s+"
    rf"(?:an?\s+|the\s+)?(?P<cat>{_DEGREE})(?=[,.;]|$)",
    re.IGNORECASE,
)
# the share's subject elided, as in a list of shares: "..., 26% have some college, and 9% have
# a bachelor's degree or higher", "40 percent hold Master's degrees"
_DEGREE_HOLD_ELIDED = re.compile(
    r"(?:\s*(?:%|percent))?\s+(?:hold|have|held|had|earned)\s+(?:an?\s+|the\s+)?"
    rf"(?P<cat>{_DEGREE}|some college(?: education)?|(?:a\s+)?high school diploma)"
    r"(?=[,.;]|\s+and\s|$)",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"^(?:at least|at minimum)\s+(?:an?\s+)?", re.IGNORECASE)
_DEGREE_IS = re.compile(
    r"\b(?:is|are|were|was)\s+(?P<cat>college[- ]educated|[\w'-]+ degree holders)\s+\($", re.I
)
_EDUCATED = re.compile(
    r"(?:^|\s)(?P<cat>[A-Za-z]+[- ]educated)\s+(?:[A-Za-z]+\s+){1,2}?(?:make up|makes up|made up"
    rf"|account for|accounts for|represent|represents)\s+{QUAL}$"
)
_VERSUS = re.compile(r"\s+vs\.?\s+(?=\d)")
VERSUS_PERCENT = re.compile(r"\s+vs\.?\s+\d[\d.]*\s?(?:%|percent)")
_DEGREE_NOUN = re.compile(
    r"(?:[\w'-]+\s+){0,3}?(?:degree|certificate|diploma)s?(?:\s+or\s+(?:an?\s+)?(?:[\w'-]+\s+)"
    r"{0,3}?(?:degree|certificate|diploma)s?)?",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"\b(?:a|an|the|of|reported|held|hold|have|had)\s+", re.IGNORECASE)


def _category(sentence: Sentence, start: int, category: str) -> str:
    """As printed; a common word opening the sentence loses its capital ('Racial and ...')."""
    opening = sentence.line.text[sentence.span.start : start].strip(" •*·-\t")
    first = category.split(" ")[0].lower()
    common = {"racial", "ethnic", "two", "more", "other", "non-white", "nonwhite", "multiracial"}
    if not opening and (first in common or first.endswith("-educated")):
        return category[:1].lower() + category[1:]
    return category


def race(sentence: Sentence, token: Token, before: str) -> list[Found] | None:
    text = sentence.line.text
    offset = head_start(sentence, token)
    if m := _RACE_TREND.search(before):
        category = m.group("cat") or m.group("cat2")
        start = offset + m.start("cat" if m.group("cat") else "cat2")
        found = Found("race_share", token, category=_category(sentence, start, category))
        return from_to(sentence, token, found)
    if m := _RACE_AFTER.match(text, token.end):
        return [Found("race_share", token, category=m.group("cat"))]
    for pattern in (_RACE_BEFORE, _RACE_PAREN):
        if m := pattern.search(before):
            start = offset + m.start("cat")
            return [Found("race_share", token, category=_category(sentence, start, m.group("cat")))]
    if _OF_WORKFORCE.match(text, token.end) and sentence.line.mentions_in(
        sentence.clause_of(token.start)
    ):
        if m := _RACE_SUBJECT.match(sentence.text):
            start = sentence.span.start + m.start("cat")
            return [Found("race_share", token, category=_category(sentence, start, m.group("cat")))]
        if _THOSE_GROUPS.search(before):  # the groups the sentence named before
            named = list(re.finditer(RACE_PHRASE, before, re.IGNORECASE))
            if named:
                start = offset + named[-1].start()
                category = _category(sentence, start, named[-1].group(0))
                return [Found("race_share", token, category=category)]
    return None


# "for Hispanics, Blacks, and Asians the shares were 7.3%, 9.2%, and 9.3%": in order
_LISTED = re.compile(
    rf"(?P<list>{RACE}s?(?:,?\s+(?:and\s+)?{RACE}s?){{1,6}}),?\s+(?:the\s+)?(?:shares|percentages"
    r"|figures|numbers)\s+(?:were|are|stood at|come to)\s+$",
    re.IGNORECASE,
)
_ONE_RACE = re.compile(rf"{RACE}s?", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:%|percent)?,?\s*(?:and\s+)?")


def listed(sentence: Sentence, percents: list[Token]) -> list[Found]:
    """Race shares listed in the order the races are named (as many of each)."""
    if not percents or ("were" not in sentence.text and "are" not in sentence.text):
        return []
    text = sentence.line.text
    for i, first in enumerate(percents):
        m = _LISTED.search(text, sentence.span.start, first.start)
        if m is None:
            continue
        labels = [x.group(0) for x in _ONE_RACE.finditer(m.group("list"))]
        run = [first]
        for token in percents[i + 1 :]:
            if len(run) == len(labels) or not _LIST_GAP.fullmatch(text, run[-1].end, token.start):
                break
            run.append(token)
        if len(run) == len(labels):
            return [Found("race_share", t, category=c) for t, c in zip(run, labels, strict=True)]
    return []


def degree(sentence: Sentence, token: Token, before: str) -> list[Found] | None:
    text = sentence.line.text
    offset = head_start(sentence, token)
    if m := _DEGREE_HOLD.match(text, token.end) or _DEGREE_HOLD_ELIDED.match(text, token.end):
        if m.group("cat").lower().startswith("no "):  # "have no college degree": no degree held
            return None
        who = m.groupdict().get("who")
        role = role_in(sentence, m.start("who"), m.end("who")) if who else None
        # "at least a bachelor's degree": how much is held, not which degree
        category = _AT_LEAST.sub("", m.group("cat").strip())
        return [Found("degree_share", token, role=role, category=category)]
    if m := _DEGREE_IS.search(before):
        return [Found("degree_share", token, category=m.group("cat"))]
    if m := _EDUCATED.search(before):
        role = role_in(sentence, offset + m.end("cat"), token.start)
        category = _category(sentence, offset + m.start("cat"), m.group("cat"))
        return [Found("degree_share", token, role=role, category=category)]
    if before.endswith("(") and (other := next_number(sentence, token, _VERSUS)):
        return _versus(sentence, token, other, before[:-1])
    return None


def _versus(sentence: Sentence, token: Token, other: Token, before: str) -> list[Found] | None:
    """'a master's degree as their top qualification (51 vs. 48 percent)': the last degree the
    words before the brackets name, for the two years the sentence compares."""
    piece = re.split(r"[;:()]|,\s+(?:and|or)\b", before)[-1]
    nouns = list(_DEGREE_NOUN.finditer(piece))
    if not nouns:
        return None
    category = nouns[-1].group(0)
    category = _ARTICLE.split(category)[-1].strip()
    points = [
        p
        for p in sentence.line.periods
        if p.is_point and sentence.span.start <= p.start < sentence.span.end
    ]
    years = sorted({p.text: p.start for p in points}.items(), key=lambda kv: kv[1])
    first = years[0][0] if len(years) >= 2 else None
    second = years[1][0] if len(years) >= 2 else None
    # a role named inside a degree ("an education specialist degree") is not the share's
    clause = sentence.clause_of(token.start)
    found = _DEGREE_NOUN.finditer(sentence.line.text, clause.start, clause.end)
    degrees = [(m.start(), m.end()) for m in found]
    outside = [
        m
        for m in sentence.line.mentions_in(clause)
        if not any(start <= m.start < end for start, end in degrees)
    ]
    role = outside[0].role if outside else sentence.line.context.roles.main
    return [
        Found("degree_share", token, role=role, category=category, period=first),
        Found("degree_share", other, role=role, category=category, period=second),
    ]
