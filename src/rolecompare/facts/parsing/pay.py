"""Pay stated in sentences.

- **Pay**: a statistic word and a pay word ("the median annual wage", "an average hourly wage",
  "a mean -- or average -- annual salary", "the 2019 median income", "earned a median of"),
  then the amount in the same clause ("... for pharmacists was $136,030", "of $41,540 a year",
  "as 128,090 per year"; "$48,070 per year or $23.11 per hour" gives both; "at $61,690 for
  accountants ... and $64,690 for nurses" gives each role its own). The unit is the page's
  "per year"/"per hour", else the pay word's "annual"/"hourly". The role is the one the pay
  belongs to ("Electricians' median annual wage", "the median wage for pharmacists"), else the
  clause's. Pay of a place, setting, industry or a best-paid group is not the role's pay: a
  sentence about the highest-paying state, a metro area, "where ...", or "worked in
  hospitals" gives none. "The $45,790 annual wage of the average U.S. worker" is the US
  average.
- **Percentiles** (`pay_ranks`): "those in the top 10 percent earned $57,360 or more" -> the
  90th percentile, read after the pay they rank. **Ranges**: "salaries run from $X to $Y",
  "welders make anywhere from $X to $Y" -> salary_min/max; no end of a range is the median.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rolecompare.facts.parsing.numbers import Token
from rolecompare.facts.parsing.pay_details import category_of
from rolecompare.facts.parsing.pay_ranks import percentiles, ranks_of_the_pay
from rolecompare.facts.parsing.roles import US_AVERAGE
from rolecompare.facts.parsing.sentences import Found, Sentence, mention_at, whose

_PAY_CUE = re.compile(
    r"\b(?:(?:national|annual|yearly|hourly|overall)\s+)*(?P<stat>median|mean|average)"
    r"(?:\s+--\s+or\s+average\s+--)?(?:\s+(?:annual|yearly|hourly|base|national))*\s+"
    # the role's name may stand between: "an average yearly chemical engineer salary of $X"
    r"(?P<mid>(?:(?!median\b|mean\b|average\b)[a-z][\w-]*\s+){1,3}?)?"
    r"(?P<noun>wages?|salar(?:y|ies)|pay|incomes?|earnings|compensation)\b"
    r"|\b(?:earned|earn|earns|made|make|makes)\s+an?\s+(?P<stat2>median|mean|average)\s+of\b"
    # "give HVAC technicians an average of $22.03 an hour": an amount per hour or year
    r"|\ban\s+(?P<stat3>median|average)\s+of\s+(?=\$[\d,.]+\s+(?:an?|per)\s+(?:hour|year)\b)"
    # "secondary school teachers earn the most, averaging $69,580"
    r"|(?:(?<=the most, )|(?<=the least, ))(?P<stat4>averag)ing\s+(?=\$)",
    re.IGNORECASE,
)
_NATIONAL = re.compile(r"(?:national|nationwide|overall)\b", re.IGNORECASE)
_COMPARED = re.compile(
    r"\b(?:than|above|below|over|under|versus|vs\.?|against|compared (?:with|to))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OWN_ROLE = re.compile(
    r"(?:\s+(?:a|per)\s+(?:year|hour))?\s+(?:for|of)\s+(?:the|this)\s+(?:occupation|profession"
    r"|role|job|field|career|position)\b",
    re.IGNORECASE,
)
_COMPARISON_GAP = re.compile(
    r"\b(?:above|below|than|versus|vs\.?|against|compared|exceeding|ahead of|behind)\b", re.I
)
_PAY_GUARD = re.compile(
    r"\b(?:highest|top|best|lowest)[- ](?:paid|paying)\b(?! \d{1,2}(?:%| percent\b))"
    r"|\bon top with\b"  # "found engineering on top with a median salary of $97K": a field's
    r"|\bhighest (?:average |annual |mean )?(?:wages?|pay|salar|incomes?)"
    r"|\bearns? the most\b(?!,)|\bpa(?:y|ys|id) the (?:highest|second-highest|most)\b"
    r"|\bpa(?:y|ys|id) best\b"
    r"|\b(?:was|were|is) highest\b|\bwhere\b"
    r"|\b(?:worked|work|working|employed) in (?!the U\.?S\b|the United States)"
    r"|\bmetros?\b|\bmetropolitan\b|\bareas?\b|\bregions?\b|\bcities\b|\bcount(?:y|ies)\b"
    r"|(?<!United )\bstates\b|\bindustr(?:y|ies)\b|\bsettings?\b",
    re.IGNORECASE,
)
_PAY_WORDS = re.compile(r"(?i:median|mean|average|percent|worker|earner|%|in ten\b)")
# "electricians earn $59,800 on average": the statistic after the amount
_EARN = re.compile(
    r"\b(?:earn|earns|earned|make|makes|made|take home|takes home|took home)\s+"
    r"(?:(?:about|around|roughly|approximately|nearly|over|more than)\s+)?$",
    re.IGNORECASE,
)
# "the median for a school counselor is $61,710", "the $77,000 median for accountants"
_STAT_FOR = re.compile(
    r"\b(?P<stat>median|mean|average)\s+(?:for|of)\s+(?:an?\s+|the\s+)?(?!all\b|every\b)",
    re.IGNORECASE,
)
_ROLE_IS = re.compile(
    r"\s+(?:is|was|are|were|stands at|stood at|comes to|came to|of|at)\s+(?:(?:about|around"
    r"|roughly|approximately|nearly|over|more than|just under)\s+)?$",
    re.IGNORECASE,
)
_AMOUNT_STAT_FOR = re.compile(
    # "$77,000 median for accountants", "gives $72,280 as the annual median salary for police"
    r"\s+(?:as\s+the\s+(?:(?:annual|yearly|national|nationwide|overall)\s+)*)?"
    r"(?P<stat>median|mean|average)"
    r"(?:\s+(?:annual|yearly|hourly))?(?:\s+(?:salary|pay|wage"
    r"|income|earnings))?\s+(?:for|of)\s+(?:an?\s+|the\s+)?(?!all\b|every\b)",
    re.IGNORECASE,
)
# "This job's median $34K", "All jobs' median $39K"
_WHOSE_STATISTIC = re.compile(
    r"(?P<who>this (?:job|role|occupation|career|profession)"
    r"|(?P<all>all (?:jobs|occupations|careers|workers)))['’]s?\s+"
    r"(?P<stat>median|mean|average)(?:\s+(?:salary|pay|wage))?\s*$",
    re.IGNORECASE,
)
_ON_AVERAGE = re.compile(
    r"(?:\s+(?:a|per) (?:year|hour)|\s+annually|\s+yearly|\s+hourly)?,?\s+on average\b", re.I
)
_AVERAGE_FIRST = re.compile(
    r"^\s*on average,?\s+[^$.;,]{1,60}?\b(?:earn|earns|earned|make|makes|made|take home"
    r"|takes home)\s+(?:(?:about|around|roughly|approximately|nearly)\s+)?(?=\$)",
    re.IGNORECASE,
)
_EARN_RANK = re.compile(
    r"\s+(?:earn|earns|earned|make|makes|made) the (?:least|most),\s+(?:an?\s+)?"
)
_POSSESSIVE = re.compile(r"['’]s?\s+(?:(?:national|annual|overall)\s+)?")
_PER = re.compile(r"\s*(?:per|a|an) (?P<per>year|hour)\b|\s*(?P<adverb>annually|hourly)\b", re.I)
_US_WORKER = re.compile(
    r"\s+(?:(?P<per>annual|hourly|yearly)\s+)?(?:wage|salary|pay|income)\s+of\s+the\s+average"
    r"\s+(?:U\.S\.|US|American)\s+worker",
    re.IGNORECASE,
)


def pay(sentence: Sentence) -> list[Found]:
    text, line = sentence.text, sentence.line
    if not _PAY_WORDS.search(text):  # every pattern below needs one of these words
        return []
    if not any(
        t.kind == "money" or _PER.match(line.text, t.end) for t in line.tokens_in(sentence.span)
    ):
        return []
    out: list[Found] = []
    for token in line.tokens_in(sentence.span):
        if token.kind == "money" and (us := _US_WORKER.match(line.text, token.end)):
            unit = "USD/hour" if (us.group("per") or "").lower() == "hourly" else "USD/year"
            out.append(Found("salary_hourly" if unit == "USD/hour" else "salary_yearly", token,
                             role=US_AVERAGE, statistic="mean", unit=unit))  # fmt: skip
    ranged = _range(sentence)  # a range's clause may sit beside one about the best-paid
    taken = {f.token.start for f in ranged if f.token}
    taken |= _range_ends(sentence)  # no end of a range is the median ('$35,000 to $54,999')
    ranks = percentiles(sentence)  # read after the pay they rank (whose they are)
    taken |= {f.token.start for f in ranks if f.token}
    if _PAY_GUARD.search(text):  # a rank says whose pay it is, even beside the best-paid
        return out + ranks + ranged
    out += _on_average(sentence)
    out += _statistic_for_role(sentence)
    out += _whose_statistic(sentence)
    taken |= {f.token.start for f in out if f.token}  # a percentile's amount is no median
    out += _cue_pay(sentence, taken)
    ranks_of_the_pay(sentence, ranks, out)
    return out + ranks + ranged


def _cue_pay(sentence: Sentence, taken: set[int]) -> list[Found]:
    """Pay a statistic word names ('the median annual wage ... was $X'), amounts in `taken`
    aside (ranges, percentiles, ...)."""
    line, out = sentence.line, []
    cues = list(_PAY_CUE.finditer(sentence.text))
    for i, cue in enumerate(cues):
        bound = _bound(sentence, cue)  # "the minimum average salary", "the average maximum wage"
        if cue.group("mid") and not bound and not _names_role(sentence, cue):
            continue  # "the median household income": not a role's pay
        if _NATIONAL.match(cue.group(0)) and _COMPARED.search(
            line.text,
            max(sentence.span.start, sentence.span.start + cue.start() - 30),
            sentence.span.start + cue.start(),
        ):
            continue  # "$10k more than the national average salary of $50k": everyone's
        start = sentence.span.start + cue.end()
        clause = sentence.clause_of(sentence.span.start + cue.start())
        stop = min(
            clause.end,
            sentence.span.start + cues[i + 1].start() if i + 1 < len(cues) else clause.end,
        )
        values = [
            t for t in line.tokens if start <= t.start < stop and t.start not in taken
            and (t.kind == "money" or (t.kind == "number" and _PER.match(line.text, t.end)))
        ]  # fmt: skip
        if not values or _PROJECTED.search(line.text, start, values[0].start):
            continue  # "... is projected at $74,087 for 2024-2025" is no level of pay
        word = next(w for w in cue.group("stat", "stat2", "stat3", "stat4") if w).lower()
        statistic = "mean" if word in {"mean", "average", "averag"} else "median"
        found = _cue_amounts(sentence, cue, values, statistic)
        for f in found if bound else ():
            f.metric = bound if f.metric == "salary_yearly" else f.metric
        out += found
    return out


_BOUND = re.compile(r"\b(?P<w>minimum|maximum|starting)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BOUND_WORD = re.compile(r"^(?P<w>minimum|maximum)\s+$", re.IGNORECASE)


def _bound(sentence: Sentence, cue: re.Match[str]) -> str | None:
    """salary_min or salary_max when the cue names the low or high end of the pay: 'the minimum
    average salary', 'the average maximum wage', 'the starting salary'."""
    at = sentence.span.start + cue.start()
    m = _BOUND.search(sentence.line.text, max(sentence.span.start, at - 24), at)
    if m is None and cue.group("mid"):
        m = _BOUND_WORD.match(cue.group("mid"))
    if m is None:
        return None
    return "salary_max" if m.group("w").lower() == "maximum" else "salary_min"


def _cue_amounts(
    sentence: Sentence, cue: re.Match[str], values: list[Token], statistic: str
) -> list[Found]:
    """The amounts after one pay cue: each role's own, one per unit, up to a compared one."""
    line, out = sentence.line, []
    cue_role = _mid_role(sentence, cue) if cue.group("mid") else _pay_role(sentence, cue)
    seen: set[tuple[str | None, str]] = set()
    last: Token | None = None
    for token in values[:4]:
        # "$43,320 for plumbers, well above the $34,940 ...": another figure (unless it says
        # whose: "against $50,590 for HVAC techs")
        compared = last and _COMPARISON_GAP.search(line.text, last.end, token.start)
        if compared and not whose(sentence, token.end):
            break
        last = token
        if category_of(sentence, token):  # pay in one place or at one kind of employer
            continue
        # "$61,690 for accountants ... and $64,690 for nurses": each its own role
        slot = whose(sentence, token.end)
        if slot == "" and _OWN_ROLE.match(line.text, token.end):
            slot = None  # "a median wage of $88,570 for the occupation": the page's role
        role = cue_role if slot is None else slot
        unit = _unit(line.text, token, cue.group(0))
        if (role, unit) in seen:  # a second amount of one role and unit is not this pay
            break
        seen.add((role, unit))
        metric = "salary_hourly" if unit == "USD/hour" else "salary_yearly"
        out.append(Found(metric, token, role=role or None, statistic=statistic, unit=unit,
                         named_elsewhere=role == ""))  # fmt: skip
    return out


def _names_role(sentence: Sentence, cue: re.Match[str]) -> bool:
    return _mid_role(sentence, cue) is not None


def _mid_role(sentence: Sentence, cue: re.Match[str]) -> str | None:
    """The role named between a statistic and its pay word ('the median firefighter salary')."""
    start, end = sentence.span.start + cue.start("mid"), sentence.span.start + cue.end("mid")
    named = [m for m in sentence.line.mentions if start <= m.start and m.end <= end + 1]
    return named[0].role if named else None


def _pay_role(sentence: Sentence, cue: re.Match[str]) -> str | None:
    """Whose pay the cue names: "Electricians' median annual wage", "the median wage for
    pharmacists" (a role), '' for someone who is not a role, None when it does not say."""
    line = sentence.line
    cue_start = sentence.span.start + cue.start()
    for mention in line.mentions:
        if mention.end <= cue_start and _POSSESSIVE.fullmatch(line.text, mention.end, cue_start):
            return mention.role
        # "preschool teachers earn the least, an average salary of": the verb's subject
        if mention.end <= cue_start and _EARN_RANK.fullmatch(line.text, mention.end, cue_start):
            return mention.role
    if _OF_AMOUNT.match(line.text, sentence.span.start + cue.end()):
        return None  # "a wage of approximately $60k": an amount, not whose
    return whose(sentence, sentence.span.start + cue.end())


_OF_AMOUNT = re.compile(
    r"\s+of\s+(?:about|approximately|around|roughly|nearly|almost|just|some|over|under|more than"
    r"|less than|up to|close to)\b",
    re.IGNORECASE,
)


def _unit(text: str, token: Token, cue: str) -> str:
    if per := _PER.match(text, token.end):
        word = (per.group("per") or per.group("adverb")).lower()
        return "USD/hour" if word in {"hour", "hourly"} else "USD/year"
    if "hourly" in cue.lower():
        return "USD/hour"
    if re.search(r"annual|yearly", cue, re.I) or (token.value or 0) >= 1000:
        return "USD/year"
    return "USD/hour"


def _on_average(sentence: Sentence) -> list[Found]:
    """'electricians earn $59,800 on average', 'On average, drivers earn $41,340 per year'."""
    if "on average" not in sentence.text.lower():
        return []
    line, out = sentence.line, []
    opening = _AVERAGE_FIRST.match(sentence.text)
    for token in line.tokens_in(sentence.span):
        first = opening and sentence.span.start + opening.end() == token.start
        if token.kind != "money" or not (first or _ON_AVERAGE.match(line.text, token.end)):
            continue
        if not _EARN.search(line.text, max(sentence.span.start, token.start - 40), token.start):
            continue
        if category_of(sentence, token):
            continue
        unit = _unit(line.text, token, "")
        metric = "salary_hourly" if unit == "USD/hour" else "salary_yearly"
        slot = whose(sentence, token.end)
        out.append(Found(metric, token, role=slot or None, statistic="mean", unit=unit,
                         named_elsewhere=slot == ""))  # fmt: skip
    return out


def _statistic_for_role(sentence: Sentence) -> list[Found]:
    """Amounts whose statistic names its role right beside them, either side of the amount."""
    line, out = sentence.line, []
    text = line.text
    for token in line.tokens_in(sentence.span):
        if token.kind != "money":
            continue
        found = None
        if m := _AMOUNT_STAT_FOR.match(text, token.end):
            found = (m.group("stat"), mention_at(sentence, m.end()))
        else:
            head = max(sentence.span.start, token.start - 90)
            for cue in _STAT_FOR.finditer(text, head, token.start):
                mention = mention_at(sentence, cue.end())
                if mention and _ROLE_IS.fullmatch(text, mention.end, token.start):
                    found = (cue.group("stat"), mention)
        if found is None or found[1] is None or category_of(sentence, token):
            continue
        word, mention = found
        unit = _unit(text, token, "")
        metric = "salary_hourly" if unit == "USD/hour" else "salary_yearly"
        statistic = "median" if word.lower() == "median" else "mean"
        out.append(Found(metric, token, role=mention.role, statistic=statistic, unit=unit))
    return out


_PROJECTED = re.compile(r"\b(?:projected|expected|forecast|predicted)\b", re.IGNORECASE)
_RANGE = re.compile(
    r"\b(?:salar(?:y|ies)|pay|wages?|earnings)\s+(?:run|runs|ran|range|ranges|ranged|go|goes"
    r"|went)\s+from\s+(?=\$)"
    # "welders make anywhere from $39,450 to $66,740", "earn between $X and $Y"
    r"|\b(?:make|makes|made|earn|earns|earned|earning|making|paid|take home|takes home)\s+"
    r"(?:anywhere\s+|somewhere\s+)?(?:from|between)\s+(?=\$)",
    re.IGNORECASE,
)
_RANGE_TO = re.compile(r"\s*(?:to|and|-|–)\s*(?=\$)")
_RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_SKIP = re.compile(r"(?i:percent|percentile|middle|most\b|%)")  # a range of some earners


def _range(sentence: Sentence) -> list[Found]:
    """'whose salaries run from $45,200 to $111,700 a year', 'welders make anywhere from
    $39,450 to $66,740 on average': the lowest and highest pay (never of a best-paid clause,
    nor of some earners: 'most carpenters', 'the middle 50 percent')."""
    out: list[Found] = []
    line = sentence.line
    for m in _RANGE.finditer(sentence.text):
        low = line.token_at(sentence.span.start + m.end())
        to = _RANGE_TO.match(line.text, low.end) if low and low.kind == "money" else None
        high = line.token_at(to.end()) if to else None
        if low is None or high is None or high.kind != "money":
            continue
        clause = sentence.clause_of(low.start)
        head = line.text[clause.start : low.start]
        if _PAY_GUARD.search(line.text, clause.start, clause.end) or _RANGE_SKIP.search(head):
            continue
        unit = _unit(line.text, high, "")
        average = _ON_AVERAGE_WORD.search(line.text, clause.start, clause.end)
        for token, metric in ((low, "salary_min"), (high, "salary_max")):
            out.append(Found(metric, token, unit=unit, statistic="mean" if average else None))
    return out


_ON_AVERAGE_WORD = re.compile(r"\b(?:on average|average|mean)\b", re.IGNORECASE)


def _range_ends(sentence: Sentence) -> set[int]:
    """Where the amounts that open or close a range of pay start ('$35,000 to $54,999',
    'between $X and $Y')."""
    line = sentence.line
    money = [t for t in line.tokens_in(sentence.span) if t.kind == "money"]
    ends: set[int] = set()
    for low, high in pairwise(money):
        if (to := _RANGE_TO.match(line.text, low.end)) and to.end() == high.start:
            before = line.text[max(0, low.start - 12) : low.start]
            if line.text[low.end : high.start].strip() != "and" or _RANGE_START.search(before):
                ends |= {low.start, high.start}
    return ends


def _whose_statistic(sentence: Sentence) -> list[Found]:
    line, out = sentence.line, []
    if "'" not in sentence.text and "’" not in sentence.text:
        return out
    for token in line.tokens_in(sentence.span):
        if token.kind != "money":
            continue
        m = _WHOSE_STATISTIC.search(
            line.text, max(sentence.span.start, token.start - 60), token.start
        )
        if m is None or m.group("all"):  # all jobs' median: no role's, not the US average
            continue
        role = line.context.roles.subject or line.context.roles.main
        unit = _unit(line.text, token, "")
        metric = "salary_hourly" if unit == "USD/hour" else "salary_yearly"
        statistic = "median" if m.group("stat").lower() == "median" else "mean"
        out.append(Found(metric, token, role=role, statistic=statistic, unit=unit))
    return out
