"""Pay stated by percentile, by place and by kind of employer, in sentences.

- **Percentiles by rank**: "The 10th percentile earned $37,020, the 25th percentile $45,000,
  the median $60,240 ... and the 90th percentile $102,300", "$37,020 (10th percentile)",
  "10th percentile: $37,020" -> `salary_percentile` (category = the rank), the median of such a
  list -> the median pay. Hourly amounts (under $1,000) are hourly percentiles.
- **Pay of one place or one kind of employer**: "Electricians in hospitals earned an average
  salary of $65,100, while those in manufacturing earned $63,000", "In California, the average
  salary is $78,500" -> `salary_by_industry` / `salary_by_place`, the category as printed. The
  employer type is a phrase after "in", "at" or "for" whose last word is an employer noun of the
  vocabulary (`cues.employers`: hospitals, offices, government, ...); the place a US state's
  name (or its city or metro area). Such an amount is never the role's own pay (`pay.pay`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rolecompare.facts.parsing.cues import employers
from rolecompare.facts.parsing.numbers import Token
from rolecompare.facts.parsing.places import STATES
from rolecompare.facts.parsing.sentences import Found, Line, Sentence

_RANK = re.compile(
    r"\b(?P<n>[1-9]\d?)(?:st|nd|rd|th)[- ]percentile\b|\b(?P<median>median)\b", re.IGNORECASE
)
_BRACKET_BEFORE = re.compile(r"\s*\(\s*(?:the\s+|at\s+the\s+)?$")
_STAT = re.compile(r"\b(?P<w>median|mean|averag(?:e|es|ed|ing))\b", re.IGNORECASE)
_PAYISH = re.compile(r"(?i:salar|wage|\bpa(?:y|id|ys|ying|yers?)\b|earn|\bmak|income|averag)")
# a line that is only a place and its pay ("Alaska: $64,040", "- Oregon ($97,320)")
_PLACE_ROW = re.compile(
    rf"^\s*(?:[-•*·–]\s*)?(?:the\s+)?{STATES}\s*(?::|\(|[–-])\s*\$[\d,.]+[kK]?\)?"
    r"\s*(?:\([^()$]{0,40}\))?\s*$"
)
_NOT_PAY = re.compile(
    r"\b(?:buys?|costs?|spends?|prices?|rents?|worth|savings?|revenues?|sales|profits?|budgets?"
    r"|market)\b",
    re.I,
)
_PREPOSITION = re.compile(
    r"\b(?:in|at|for|by|within|with)\s+(?:the\s+|a\s+)?(?=[\w'’])", re.IGNORECASE
)
_OPENING = re.compile(r"^\W*(?:On|In|At|For|By|As|Across|Among)\b")  # not an employer subject
_WORD = re.compile(r"[\w'’&/-]+")
_STATE_NAME = re.compile(STATES)
_STATE_BRACKET = re.compile(rf"\b(?P<cat>{STATES})\s*\(\s*$")
_STATE_SUBJECT = re.compile(rf"\s*(?P<cat>{STATES})\b")
# a state named anywhere in the amount's clause ("followed by Illinois with an average of $X")
_PLACE = re.compile(
    rf"\b(?P<cat>{STATES}(?:,? D\.C\.| City| metro(?:politan)? area)?)(?!\w)"
    r"|\bin\s+(?:the\s+)?(?P<metro>[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,3} metro(?:politan)? area)"
)
MAX_EMPLOYER_WORDS = 5
_HOURLY = re.compile(r"\s+(?:an|per|a)\s+hour\b|\s+hourly\b|/\s*(?:hr|hour)\b", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]{0,80}\)")
_THE = re.compile(r"^(?:The|the)\s+")


def percentiles(sentence: Sentence) -> list[Found]:
    if "percentile" not in sentence.text:
        return []
    line = sentence.line
    cues = list(_RANK.finditer(sentence.text))
    if not any(c.group("n") for c in cues):
        return []
    money = [t for t in line.tokens_in(sentence.span) if t.kind == "money"]
    taken: set[int] = set()
    out: list[Found] = []
    base = sentence.span.start
    for i, cue in enumerate(cues):
        stop = base + cues[i + 1].start() if i + 1 < len(cues) else sentence.span.end
        for token in _amounts_of(line, cue, base, stop, money, taken):
            taken.add(token.start)
            out.append(_percentile_found(cue, token, base))
    return out


def _amounts_of(line: Line, cue: re.Match[str], base: int, stop: int, money: list[Token],
                taken: set[int]) -> list[Token]:  # fmt: skip
    """The amounts a rank states: the first after it (within 50 characters) and one of the
    other unit right after that ("$28.31 an hour, which works out to $58,870 a year"), else the
    amount it is bracketed after ("$37,020 (10th percentile)")."""
    start = base + cue.end()
    after = [t for t in money if start <= t.start < stop and t.start not in taken]
    # an aside in brackets does not count: "the 10th percentile (the upper edge of ...) made"
    if after and len(_ASIDE.sub("", line.text[start : after[0].start])) < 50:
        first = after[0]
        other = next((t for t in after[1:] if t.start < first.end + 50), None)
        if other and ((other.value or 0) < 1000) != ((first.value or 0) < 1000):
            return [first, other]
        return [first]
    bracketed = next(
        (t for t in money if t.start not in taken
         and _BRACKET_BEFORE.fullmatch(line.text, t.end, base + cue.start())),
        None,
    )  # fmt: skip
    return [bracketed] if bracketed else []


def _percentile_found(cue: re.Match[str], token: Token, base: int) -> Found:
    hourly = (token.value or 0) < 1000
    unit = "USD/hour" if hourly else "USD/year"
    if cue.group("median") or cue.group("n") == "50":  # the 50th percentile is the median
        return Found("salary_hourly" if hourly else "salary_yearly", token, statistic="median",
                     unit=unit)  # fmt: skip
    metric = "salary_percentile_hourly" if hourly else "salary_percentile"
    return Found(metric, token, category=cue.group("n"), unit=unit,
                 extra=[(base + cue.start("n"), base + cue.end("n"))])  # fmt: skip


def category_of(sentence: Sentence, token: Token) -> tuple[str, str] | None:
    """(metric, category) when an amount is the pay of one place or one kind of employer."""
    clause = sentence.clause_of(token.start)
    text = sentence.line.text
    # "ahead of New York ($70,580)": the place the amount is bracketed after
    bracket = "(" in text[max(0, token.start - 3) : token.start] and _names_a_state(text)
    if bracket and (
        m := _STATE_BRACKET.search(text, max(clause.start, token.start - 40), token.start)
    ):
        return "salary_by_place", m.group("cat")
    found: list[tuple[int, str, str]] = []  # (distance, metric, category)
    # the clause's subject: "Skilled nursing care facilities ... paying them $43,570"
    if _names_a_state(text) and (m := _STATE_SUBJECT.match(text, clause.start, clause.end)):
        found.append((_distance(m.start(), m.end(), token), "salary_by_place", m.group("cat")))
    elif (
        (subject := _employer(text, clause.start, clause.end, capital=True))
        and not _PREPOSITION.search(subject)
        and not _OPENING.match(subject)
    ):
        end = _whole_subject(sentence, clause.start + len(subject), clause.end)
        subject = _THE.sub("", text[clause.start : end].strip())  # "The petroleum industry"
        found.append((_distance(clause.start, end, token), "salary_by_industry", subject))
    for m in _PLACE.finditer(text, clause.start, clause.end) if _names_a_state(text) else ():
        group = "cat" if m.group("cat") else "metro"
        found.append((_distance(m.start(), m.end(), token), "salary_by_place", m.group(group)))
    for m in _PREPOSITION.finditer(text, clause.start, clause.end):
        if category := _employer(text, m.end(), clause.end):
            end = m.end() + len(category)
            # "insurance brokerages and financial institutions": employers joined by "and"
            if (more := _AND_EMPLOYERS.match(text, end, clause.end)) and more.group(
                "noun"
            ).lower() in employers():
                end = more.end()
                category = text[m.end() : end]
            found.append((_distance(m.start(), end, token), "salary_by_industry", category))
    if not found:
        return None
    _, metric, category = min(found)
    return metric, category


_AND_EMPLOYER = re.compile(r"\s+(?:and|or|&)\s+(?P<noun>[\w'’-]+)")
_AND_EMPLOYERS = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,2}?\s+(?:and|or|&)\s+(?:[a-z][\w'’-]*\s+){0,2}(?P<noun>[\w'’-]+)"
)
_RELATIVE = re.compile(
    r"\s+(?:that|which)\s+(?P<words>(?:[\w'’&/-]+\s+){1,6}?)(?=(?:paid|pay|pays|paying|offered"
    r"|offers|offer|averaged|gave|gives|give)\b)"
)


def _whole_subject(sentence: Sentence, end: int, stop: int) -> int:
    """Where an employer subject ends: "Colleges and universities", "Companies that sell HVACR
    equipment" (a relative clause up to the main verb, unless it names the role: "colleges that
    hire technicians" are colleges)."""
    text = sentence.line.text
    if (m := _AND_EMPLOYER.match(text, end, stop)) and m.group("noun").lower() in employers():
        end = m.end()
    m = _RELATIVE.match(text, end, stop)
    if m and not any(end <= x.start < m.end() for x in sentence.line.mentions):
        end = m.end("words") - len(m.group("words")) + len(m.group("words").rstrip())
    return end


@lru_cache(maxsize=4096)
def _names_a_state(line: str) -> bool:
    """One scan of a line for a state's name, before any scan of its clauses."""
    return _STATE_NAME.search(line) is not None


def _distance(start: int, end: int, token: Token) -> int:
    return token.start - end if end <= token.start else start - token.end + 1000


def _not_pay_before(text: str, start: int, end: int) -> bool:
    return bool(_NOT_PAY.search(text, start, end)) and not _PAYISH.search(text, start, end)


def _employer(text: str, start: int, stop: int, capital: bool = False) -> str | None:
    """The words from `start` up to an employer noun ('physicians' offices'), or None.
    `capital`: the words open a sentence or clause (its subject)."""
    nouns = employers()
    end = None
    for i, word in enumerate(_WORD.finditer(text, start, stop)):
        if capital and i == 0 and not word.group(0)[:1].isupper():
            return None
        if i >= MAX_EMPLOYER_WORDS or any(c.isdigit() for c in word.group(0)):
            break
        if word.group(0).lower() in nouns:
            end = word.end()
            break
        if text[word.end() : word.end() + 1] in {",", ";", "."}:
            break
    return text[start:end] if end else None


def pay_in(sentence: Sentence) -> list[Found]:
    """Amounts of pay of one place or kind of employer."""
    if not _PAYISH.search(sentence.text) and not _PLACE_ROW.match(sentence.line.text):
        return []
    out = []
    stat = _STAT.search(sentence.text)
    statistic = None
    if stat:
        statistic = "median" if stat.group("w").lower() == "median" else "mean"
    if "respectively" in sentence.text:
        return _respectively(sentence, statistic)
    for token in sentence.line.tokens_in(sentence.span):
        hourly = _HOURLY.match(sentence.line.text, token.end)  # "$26.25 an hour"
        if token.kind != "money" or ((token.value or 0) < 1000 and not hourly):
            continue
        clause = sentence.clause_of(token.start)
        if _not_pay_before(sentence.line.text, clause.start, token.start):
            continue  # "industry revenue reached $292,231": the amount of what precedes it
        text = sentence.line.text
        if not _PAYISH.search(text, clause.start, clause.end) and _NOT_PAY.search(
            text, clause.start, clause.end
        ):
            continue  # "$75,000 in California buys less ...": not a statement of pay
        if (found := category_of(sentence, token)) and not _in_role_name(sentence, found[1]):
            metric, category = found
            out.append(Found(metric, token, category=category, statistic=statistic,
                             unit="USD/hour" if hourly else None))  # fmt: skip
    return out


def _in_role_name(sentence: Sentence, category: str) -> bool:
    """'Retail salespersons earned ...': a category word that is part of a role's name."""
    at = sentence.line.text.find(category, sentence.span.start, sentence.span.end)
    return at >= 0 and any(
        m.start <= at < m.end and category.lower() in m.role.lower() for m in sentence.line.mentions
    )


def _respectively(sentence: Sentence, statistic: str | None) -> list[Found]:
    """'Massachusetts and Washington ..., with $74,490 and $75,680 respectively': in order."""
    line = sentence.line
    amounts = [t for t in line.tokens_in(sentence.span) if t.kind == "money" and t.value]
    if not amounts:
        return []
    places = [
        m.group("cat")
        for m in _PLACE.finditer(line.text, sentence.span.start, amounts[0].start)
        if m.group("cat")
    ]
    if len(places) != len(amounts) or len(places) < 2:
        return []
    return [
        Found("salary_by_place", token, category=place, statistic=statistic)
        for place, token in zip(places, amounts, strict=True)
    ]
