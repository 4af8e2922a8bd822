"""Who works in a role, stated in sentences: age and gender shares (race and degree shares in
`categories`), and the readers' entry points for them.

- **Age**: "the median age of pharmacists is 41", "Registered nurses' median age stands at 46
  years", "RNs have a median age of 46 years", "Average RN age, 2017: 51", "Truck drivers are
  over 47 years old on average", and trends "its average age moving from 44.1 to 44.6 years"
  (one fact per year). The statistic is the page's word ("average" is the mean).
- **Gender**: "4.1% of U.S. truck drivers are women", "Women ... making up 89.8% of employed
  nurses", "men, for their part, account for just under 10 percent of RNs", "men's share of
  the nursing workforce climbed from 9.4% to 11.2%", "2013 - 7% male", and a share compared
  with an earlier one ("compared with 7.1 percent in 2008", "up from only 46.4 percent in
  2009", "a little below the 90.5% recorded in 2008").
- Shares of a sub-group or of another population ("in management positions", "older than
  50", "worldwide", "of that group", "of Americans", "of the U.S. population") are not read.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing import categories
from rolecompare.facts.parsing.numbers import Token, is_percent
from rolecompare.facts.parsing.sentences import Found, Sentence
from rolecompare.facts.parsing.share_owners import own_share
from rolecompare.facts.parsing.trends import (
    QUAL,
    from_to,
    head,
    head_start,
    role_in,
    with_earlier,
    year_after,
)

_STAT = r"(?P<stat>average|median|mean)"
_AGE_IS = re.compile(
    rf"\b{_STAT} age(?: of (?P<who>[^:;.]{{1,80}}?))?(?: in (?:19|20)\d\d)?(?::|,? (?:is|was|of|"
    rf"were|stands at|stood at|is about|was about|at))\s+{QUAL}$",
    re.IGNORECASE,
)
_HAVE_AGE = re.compile(
    rf"\b(?:have|has|had|with) an? {_STAT} (?:workforce )?age of\s+{QUAL}$", re.IGNORECASE
)
_LABEL_AGE = re.compile(
    rf"\b{_STAT} (?P<who>[\w -]{{0,40}}?)\s*\bage\b,?\s*(?:in\s+)?(?P<y>(?:19|20)\d\d)?\s*:\s*$",
    re.IGNORECASE,
)
# "on average 47 years old", "On average a licensed plumber is 43 years old"
_ON_AVERAGE = re.compile(
    rf"\bon average\s+(?:[^.;\d]{{0,60}}?\b(?:is|are|was|were)\s+)?{QUAL}$", re.IGNORECASE
)
_YEARS_OLD = re.compile(r"\s+years? old\b", re.IGNORECASE)
# "finds the average developer to be 36 years old"
_AVERAGE_WHO = re.compile(
    r"\b(?P<stat>average|typical|median)\s+(?P<who>[a-z][\w -]{1,40}?)\s+(?:to be|is|was)\s+$",
    re.IGNORECASE,
)
_YEARS_OLD_ON_AVERAGE = re.compile(r"\s+years? old,? on average\b", re.IGNORECASE)
_AGE_TREND = re.compile(
    rf"\b{_STAT} age(?: of (?P<who>[^:;.]{{1,80}}?))? (?:\w+\s+){{0,2}}?(?:rose|rising|fell|"
    r"falling|increased|decreased|went up|went down|climbed|climbing|dropped|moved|moving|went)"
    r"(?: up| down)?(?: \w+ly| a little)?,?(?: going)? from\s+(?=\d)",
    re.IGNORECASE,
)
_GENDER = r"(?P<g>women|men|females?|males?)"
_GENDER_WORDS = {"women": "female", "female": "female", "females": "female", "men": "male",
                 "male": "male", "males": "male"}  # fmt: skip
_SHARE_IS_GENDER = re.compile(
    r"\s*(?:%|percent)?\s+of\s+(?:all\s+|the\s+)?(?P<who>(?:U\.S\.\s+)?[^.;%,\d]{1,60}?)\s+"
    rf"(?:in the U\.S\.\s+)?(?:are|were|is|was)\s+{_GENDER}\b",
    re.IGNORECASE,
)
_GENDER_MAKE_UP = re.compile(
    rf"\b{_GENDER}\b(?P<who>[^.;%\d]{{0,60}}?)\b(?:made up|make up|makes up|making up|account for"
    rf"|accounts for|accounted for|accounting for|represent|represents|represented|comprise"
    rf"|comprised)\s+{QUAL}$",
    re.IGNORECASE,
)
_GENDER_TREND = re.compile(
    r"(?:\bthe (?:percentage|share|proportion|number) of (?P<g>women|men|females?|males?)\b"
    r"|\b(?P<g2>women|men|females?|males?)['’]s? share\b)"
    r"[^.;%]{0,80}? (?:rose|fell|increased|decreased|grew|went up|dropped|climbed|moved"
    r"|(?:has|have) been \w+ing|\w+ing)(?: slightly| sharply| a little)?,? from\s+$",
    re.IGNORECASE,
)
_GENDER_EARLIER = re.compile(
    rf"\b{_GENDER}\b[^.;%\d]{{0,60}}?,\s+(?:(?:up|down) from|compared (?:with|to))\s+(?:only\s+)?$",
    re.IGNORECASE,
)
_GENDER_LINE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*[-–:]\s*(?=\d)")
_GENDER_AFTER = re.compile(rf"\s*(?:%|percent)?\s+{_GENDER}\s*$", re.IGNORECASE)
_OF_ROLE = re.compile(r"\s*(?:%|percent)\s+of\s+(?:all\s+|the\s+|employed\s+)*")
_SHARE_WORDS = re.compile(
    r"(?i:lgbt|women|men\b|male|white|black|asian|hispanic|latin|native|minorit|races?\b|racial"
    r"|ethnic|caucasian|degree|educated|diploma|certificate|bsn|adn)"
)
_SUB_GROUP = re.compile(
    r"\b(?:in management|older than|younger than|aged \d|worldwide|globally|of (?:the )?(?:U\.S\."
    r"|nation's|country's|total|general) population|of these|of that group|of them|of those"
    r"|of Americans|initial)\b",
    re.IGNORECASE,
)


def _statistic(word: str) -> str:
    return "median" if word.lower() == "median" else "mean"


def _who(sentence: Sentence, start: int, end: int) -> str | None:
    """The role of 'RNs' or of 'the nursing and midwifery workforce' (the page's main role)."""
    role = role_in(sentence, start, end)
    if role:
        return role
    words = sentence.line.text[start:end].lower()
    if re.search(r"\b(?:workforce|population|profession|occupation)\b", words):
        return sentence.line.context.roles.main
    return None


def _possessed(sentence: Sentence, at: int) -> str | None:
    """ "Registered nurses' median age": the role whose it is, right before `at`."""
    for mention in sentence.line.mentions:
        if mention.end <= at and re.fullmatch(r"['’]s?\s+", sentence.line.text[mention.end : at]):
            return mention.role
    return None


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
        start = sentence.span.start
        if m.group("who"):
            role = _who(sentence, start + m.start("who"), start + m.end("who"))
        else:  # "The nursing and midwifery workforce aged ..., with its average age moving"
            role = _who(sentence, start, sentence.span.end)
        found = Found("age", token, role=role, statistic=_statistic(m.group("stat")), unit="years")
        pair = from_to(sentence, token, found)
        if len(pair) == 2 and pair[0].period is None and pair[1].period is None:
            # "going from 36 to 43" with no year: only the later age is a level, undated
            pair = pair[1:]
            pair[0].period = ""
        out += pair
        taken |= {f.token.start for f in pair if f.token}
    for token in line.tokens_in(sentence.span):
        if token.start in taken or token.kind != "number" or token.is_year:
            continue
        before, offset = head(sentence, token), head_start(sentence, token)
        if m := _AGE_IS.search(before):
            role = None
            if m.group("who"):
                role = _who(sentence, offset + m.start("who"), offset + m.end("who"))
            role = role or _possessed(sentence, offset + m.start())
            out.append(Found("age", token, role=role, statistic=_statistic(m.group("stat"))))
        elif m := _HAVE_AGE.search(before):
            out.append(Found("age", token, statistic=_statistic(m.group("stat"))))
        elif m := _LABEL_AGE.search(before):  # "Average RN age, 2017: 51"
            role = role_in(sentence, offset + m.start("who"), offset + m.end("who"))
            out.append(Found("age", token, role=role, statistic=_statistic(m.group("stat")),
                             period=m.group("y")))  # fmt: skip
        elif (m := _AVERAGE_WHO.search(before)) and _YEARS_OLD.match(line.text, token.end):
            role = role_in(sentence, offset + m.start("who"), offset + m.end("who"))
            stat = "median" if m.group("stat").lower() == "median" else "mean"
            if role:
                out.append(Found("age", token, role=role, statistic=stat))
        elif (_ON_AVERAGE.search(before) and _YEARS_OLD.match(line.text, token.end)) or (
            _YEARS_OLD_ON_AVERAGE.match(line.text, token.end)
        ):
            out.append(Found("age", token, statistic="mean"))
    return out


# --- shares ---------------------------------------------------------------------------------


def shares(sentence: Sentence) -> list[Found]:
    line = sentence.line
    text = line.text
    if not _SHARE_WORDS.search(sentence.text):
        return []
    percents = [
        t
        for t in line.tokens_in(sentence.span)
        if t.value is not None
        and (is_percent(t, text) or categories.VERSUS_PERCENT.match(text, t.end))
    ]
    listed = categories.listed(sentence, percents)  # read last: whose, the shares before say
    out: list[Found] = []
    taken: set[int] = {f.token.start for f in listed if f.token}
    for token in percents:
        if token.start in taken:
            continue
        clause = sentence.clause_of(token.start)
        if _SUB_GROUP.search(text, token.end, min(clause.end, token.end + 60)):
            continue
        before = head(sentence, token)
        found = (
            _gender(sentence, token, before)
            or categories.race(sentence, token, before)
            or categories.degree(sentence, token, before)
        )
        for fact in found or []:
            if fact.token and fact.token.start not in taken:
                taken.add(fact.token.start)
                own_share(sentence, fact)
                out.append(fact)
    return out + listed


_ARE_GENDER = re.compile(rf"\s*(?:%|percent)?\s+(?:are|were)\s+{_GENDER}\b", re.IGNORECASE)
# "Women make up 6.1% of all welders and men 93.9%": the second gender, its verb elided
_AND_GENDER = re.compile(rf"\b(?:and|while|with)\s+{_GENDER}\s+(?:at\s+)?{QUAL}$", re.IGNORECASE)
_LGBT = re.compile(
    rf"\bLGBTQ?\+?(?:\s+[a-z]+)?\s+(?:account for|accounts for|make up|makes up|are|represent)"
    rf"\s+{QUAL}$",
    re.IGNORECASE,
)


def _gender(sentence: Sentence, token: Token, before: str) -> list[Found] | None:
    text = sentence.line.text
    offset = head_start(sentence, token)
    if _LGBT.search(before):
        return [Found("lgbt_share", token)]
    if m := _ARE_GENDER.match(text, token.end):  # "93.9% are men"
        return [Found("gender_share", token, category=_GENDER_WORDS[m.group("g").lower()])]
    if (m := _AND_GENDER.search(before)) and not _SUB_GROUP.search(sentence.text):
        return [Found("gender_share", token, category=_GENDER_WORDS[m.group("g").lower()])]
    m = _GENDER_LINE.match(text)
    if m and m.end() == token.start and (g := _GENDER_AFTER.match(text, token.end)):
        category = _GENDER_WORDS[g.group("g").lower()]
        return [Found("gender_share", token, category=category, period=m.group("y"))]
    if m := _SHARE_IS_GENDER.match(text, token.end):
        who = role_in(sentence, m.start("who"), m.end("who"))
        found = Found("gender_share", token, role=who, category=_GENDER_WORDS[m.group("g").lower()])
        return with_earlier(sentence, found, token)
    if m := _GENDER_TREND.search(before):
        found = Found("gender_share", token, category=_gender_word(m))
        return from_to(sentence, token, found)
    if m := _GENDER_MAKE_UP.search(before):
        who = role_in(sentence, offset + m.start("who"), token.start)
        if who is None and (of := _OF_ROLE.match(text, token.end)):
            who = role_in(sentence, of.end(), of.end() + 1)
        found = Found("gender_share", token, role=who, category=_GENDER_WORDS[m.group("g").lower()])
        return with_earlier(sentence, found, token)
    if m := _GENDER_EARLIER.search(before):  # "..., up from only 46.4 percent in 2009"
        found = Found("gender_share", token, category=_GENDER_WORDS[m.group("g").lower()])
        if year := year_after(sentence, token):
            found.period = year.text
            sentence.line.owned.add(year.start)
        return [found]
    return None


def _gender_word(m: re.Match[str]) -> str:
    return _GENDER_WORDS[(m.group("g") or m.group("g2")).lower()]
