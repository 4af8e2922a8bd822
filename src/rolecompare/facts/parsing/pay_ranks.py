"""Pay by percentile stated in sentences (read by `pay.pay`, beside the pay they rank).

- "those in the top 10 percent earned $57,360 or more" -> the 90th percentile (bottom/lowest N
  -> the Nth), with "or more"/"less than" as qualifiers; "the top ten percent", "the top 10
  percentile earns an average annual wage of $X", "One analyst in ten earned less than $X";
  the same rank's amount in the other unit right after ("$21.25 an hour and $44,200 a year").
- "the middle 50 percent earned between $X and $Y" -> the 25th and 75th percentiles.

A percentile's amount is never the role's mean or median pay. A sentence's percentiles belong
to the role whose pay the sentence states.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.numbers import Token
from rolecompare.facts.parsing.sentences import Found, Sentence

_PERCENTILE = re.compile(
    r"\b(?P<side>top|highest|upper|best|bottom|lowest|lower|worst)(?:-paid)? (?P<n>\d{1,2}|ten)"
    r"(?:%| percent\b| percentile\b)[^$.;]{0,40}?"
    r"\b(?P<verb>earned|made|earn|earns|make|makes|received|earning|making|reached|took home"
    r"|were paid|was|were|averaged|average|averaging|exceed|exceeds|exceeded|take home"
    r"|takes home)\s+"
    # "the top 10 percentile earns an average annual wage of $151,260", "earns a mean $58,830",
    # "take home a sizeable average salary of $154,840"
    r"(?:an?\s+(?:[\w-]+\s+){0,3}?(?:(?:wage|salary|pay|income)\s+of\s+)?)?"
    r"(?:less than |more than |over |under |at least |at most |up to )?(?=\$)"
    # "One analyst in ten earned less than $57,810": the 10th percentile
    r"|\b(?P<one>one) (?:[a-z]+ )?in (?P<n3>ten)\b[^$.;]{0,20}?\b(?:earned|made|earns|makes|earn"
    r"|make) (?:less than|under) (?=\$)"
    # the verb elided: "and the highest 10 percent more than $10.97"
    r"|\b(?P<side2>top|highest|upper|bottom|lowest|lower) (?P<n2>\d{1,2})(?:%| percent\b)\s+"
    r"(?:(?:less than|more than|over|under|at least|at most)\s+)?(?=\$)",
    re.IGNORECASE,
)


_TOP_SIDE = frozenset({"top", "highest", "upper", "best"})
_PERCENTILE_METRIC = {"USD/year": "salary_percentile", "USD/hour": "salary_percentile_hourly"}


_MIDDLE_HALF = re.compile(r"\bmiddle 50 percent\b[^$.;]{0,40}?\bbetween\s+(?=\$)", re.IGNORECASE)


def percentiles(sentence: Sentence) -> list[Found]:
    out = []
    for m in _MIDDLE_HALF.finditer(sentence.text):  # "made between $6.51 and $8.73": 25th, 75th
        low = sentence.line.token_at(sentence.span.start + m.end())
        rest = [t for t in sentence.line.tokens_in(sentence.span) if low and t.start > low.start]
        if low is None or not rest or low.kind != "money" or rest[0].kind != "money":
            continue
        fifty = sentence.span.start + m.start() + len("middle ")
        for token, rank in ((low, "25"), (rest[0], "75")):
            unit = "USD/year" if (token.value or 0) >= 1000 else "USD/hour"
            out.append(Found(_PERCENTILE_METRIC[unit], token, category=rank, unit=unit,
                             extra=[(fifty, fifty + 2)]))  # fmt: skip
    for m in _PERCENTILE.finditer(sentence.text):
        token = sentence.line.token_at(sentence.span.start + m.end())
        if token is None or token.kind != "money":
            continue
        g = "n" if m.group("n") else "n2" if m.group("n2") else "n3"
        n = 10 if m.group(g).lower() == "ten" else int(m.group(g))
        top = (m.group("side") or m.group("side2") or "").lower() in _TOP_SIDE
        unit = "USD/year" if (token.value or 0) >= 1000 else "USD/hour"
        # "made $30,420 of less": a slip for "or less"
        slip = re.match(r"\s*of less\b", sentence.line.text[token.end :])
        qualifier = "at most" if slip else None
        if (
            (m.group("verb") or "").lower().startswith("exceed")
        ):  # "Top 10% earners: Exceed $111,700"
            qualifier = "more than"
        rank = str(100 - n if top else n)
        # "One analyst in ten": a member of the page's role, not a role named "One analyst"
        roles = sentence.line.context.roles
        own = (roles.subject or roles.main) if m.group("one") and roles.pair is None else None
        out.append(
            Found(_PERCENTILE_METRIC[unit], token, category=rank, unit=unit, role=own,
                  qualifier=qualifier,
                  extra=[(sentence.span.start + m.start(g), sentence.span.start + m.end(g))])
        )  # fmt: skip
        if other := other_unit(sentence, token):  # "$21.25 or more an hour and $44,200 a year"
            unit = "USD/year" if (other.value or 0) >= 1000 else "USD/hour"
            out.append(Found(_PERCENTILE_METRIC[unit], other, category=rank, unit=unit))
    return out


_AND_THEN = re.compile(r"[^$.;]{0,30}?\b(?:and|or)\s+$")


def other_unit(sentence: Sentence, token: Token) -> Token | None:
    """The same figure in the other unit right after an amount ('... an hour and $44,200 a
    year'), or None."""
    line = sentence.line
    later = [t for t in line.tokens_in(sentence.span) if t.start > token.end]
    other = later[0] if later else None
    if other is None or other.kind != "money" or other.value is None or token.value is None:
        return None
    if (other.value >= 1000) == (token.value >= 1000):
        return None
    return other if _AND_THEN.fullmatch(line.text, token.end, other.start) else None


def ranks_of_the_pay(sentence: Sentence, ranks: list[Found], found: list[Found]) -> None:
    """Percentiles a sentence states beside a role's pay are that role's ('... median annual
    wage estimate for mechanical engineers is $96,310, and the top 10 percentile earns ...');
    a sentence of percentiles that names no date has the date of the sentence before it ('In
    May 2019 analysts had median annual earnings of $99,730. ... the top 10 percent earned')."""
    whose = next((f.role for f in found if f.role and f.metric in _LEVELS), None)
    line, span = sentence.line, sentence.span
    dated = any(p.is_point and span.start <= p.start < span.end for p in line.periods)
    before = [p for p in line.periods if p.is_point and p.end <= span.start]
    for rank in ranks:
        if rank.role is None and whose:
            rank.role = whose
        if rank.period is None and not dated and before:
            rank.period = before[-1].text


_LEVELS = frozenset({"salary_yearly", "salary_hourly"})
