"""Pay, counts and projections stated in sentences.

- **Pay**: a statistic word and a pay word ("the median annual wage", "an average hourly wage",
  "a mean -- or average -- annual salary", "the 2019 median income"), then the amount in the
  same clause ("... for pharmacists was $136,030", "of $41,540 a year", "as 128,090 per year";
  "$48,070 per year or $23.11 per hour" gives both). The unit is the page's "per year"/"per
  hour", else the pay word's "annual"/"hourly". Pay of a place, setting, industry or a
  best-paid group is not the role's pay: a sentence about the highest-paying state, a metro
  area, "where ...", or "worked in hospitals" gives none. "The $45,790 annual wage of the
  average U.S. worker" is the US average.
- **Percentiles**: "those in the top 10 percent earned $57,360 or more" -> the 90th percentile
  (bottom/lowest N -> the Nth), with "or more"/"less than" as qualifiers.
- **Counts** (jobs_count): a number right before a role with what makes it a headcount ("were
  employed", "nationwide", "in the United States", "- BLS" at the end of an infographic line),
  or after "employs", "had", "there were", "a total of"; "N are <role>"; "N people employed as
  <role>"; "<role> numbered N". Never on a page that is not about the United States, nor in a
  sentence about a shortage or the whole world.
- **Growth** (growth_projected): "projected to grow 6 percent", "projects -3.3 percent
  employment growth", "with 25% growth expected", "job growth ... at a -3% decline". Words of
  decline make the rate negative and are kept as text ("decline"), as are the page's words
  comparing it with the average ("about as fast as the average for all occupations").
- **Openings** (openings_yearly): "about 13,400 openings for pharmacists are projected each
  year"; **employment change**: "an estimated 10,500 jobs will be lost" (negative).
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.numbers import Token, is_percent
from rolecompare.facts.parsing.roles import US_AVERAGE
from rolecompare.facts.parsing.sentences import Found, Sentence

_PAY_CUE = re.compile(
    r"\b(?:(?:national|annual|yearly|hourly|overall)\s+)*(?P<stat>median|mean|average)"
    r"(?:\s+--\s+or\s+average\s+--)?(?:\s+(?:annual|yearly|hourly|base|national))*\s+"
    r"(?P<noun>wages?|salar(?:y|ies)|pay|incomes?|earnings)\b"
    r"|\b(?:earned|earn|earns|made|make|makes)\s+an?\s+(?P<stat2>median|mean|average)\s+of\b",
    re.IGNORECASE,
)
_PAY_GUARD = re.compile(
    r"\b(?:highest|top|best|lowest)[- ](?:paid|paying)\b"
    r"|\bhighest (?:average |annual |mean )?(?:wages?|pay|salar|incomes?)"
    r"|\bearns? the most\b|\bpa(?:y|ys|id) the (?:highest|second-highest|most)\b"
    r"|\b(?:was|were|is) highest\b|\bwhere\b"
    r"|\b(?:worked|work|working|employed) in (?!the U\.S|the United States)"
    r"|\bmetros?\b|\bmetropolitan\b|\bareas?\b|\bregions?\b|\bcities\b|\bcount(?:y|ies)\b"
    r"|(?<!United )\bstates\b|\bindustr(?:y|ies)\b|\bsettings?\b",
    re.IGNORECASE,
)
_PAY_WORDS = re.compile(r"(?i:median|mean|average|percent|worker)")
_POSSESSIVE = re.compile(r"['’]s?\s+(?:(?:national|annual|overall)\s+)?")
_PER = re.compile(r"\s*(?:per|a|an) (?P<per>year|hour)\b|\s*(?P<adverb>annually|hourly)\b", re.I)
_US_WORKER = re.compile(
    r"\s+(?:(?P<per>annual|hourly|yearly)\s+)?(?:wage|salary|pay|income)\s+of\s+the\s+average"
    r"\s+(?:U\.S\.|US|American)\s+worker",
    re.IGNORECASE,
)
_PERCENTILE = re.compile(
    r"\b(?P<side>top|highest|upper|bottom|lowest|lower) (?P<n>\d{1,2}) percent\b[^$.;]{0,40}?"
    r"\b(?:earned|made|earn|earns|make|makes|received|earning|making|reached|took home|were "
    r"paid|was|were)\s+(?:less than |more than |over |under |at least |at most )?(?=\$)",
    re.IGNORECASE,
)
_SHORTAGE = re.compile(r"\bshortage|\bworldwide\b|\bglobally\b|\bshort of\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(
    r"\b(?:had|has|have|employs|employ|employed|with|total of|there (?:are|were|was)|counted"
    r"|home to|made up of|consisting of|including|of whom)"
    r"\s+(?:(?:about|around|approximately|roughly|an estimated|more than|over|nearly|almost"
    r"|some|close to)\s+)?$",
    re.IGNORECASE,
)
_AND_ANOTHER = re.compile(r"\band\s+(?:(?:about|around|nearly|more than|over)\s+)?$")
_COUNT_LEAD = re.compile(
    r"\s+(?:(?:employed|licensed|working|active|practicing|full-time|part-time|full- and)\s+)?"
)
_COUNT_AFTER = re.compile(
    r"(?:\s+\([A-Z]{2,5}s?\))?(?:\s+(?:were|are)\s+(?:employed|working)\b|\s+nationwide\b"
    r"|\s+across the country\b|\s+(?:currently\s+)?(?:work|practice|live)\s+in\s+the"
    r"\s+(?:U\.S\.|United States)|\s+in\s+the\s+(?:U\.S\.|United States)\b"
    r"|\s+-\s+[A-Z][\w .]{0,30}$|\W*$)"
)
_ARE_ROLE = re.compile(
    r"(?:\s+of\s+(?:these|those|them|all)(?:\s+[a-z]+)?)?\s+(?:are|were)\s+(?:employed\s+as\s+)?"
    r"(?:an?\s+)?"
)
_PEOPLE_AS = re.compile(
    r"\s+(?:people|persons|workers)\s+(?:were\s+)?(?:employed|working)\s+as\s+(?:an?\s+)?"
)
_NUMBERED = re.compile(
    r"\bnumbered\s+(?:(?:about|around|approximately|more than|over|nearly)\s+)?$"
)
_BASE_OF_CHANGE = re.compile(r"\bthan in [^()]{4,12}\($")
_NUMBER_OF = re.compile(r"\bthe number of ", re.IGNORECASE)

_GROWTH_BEFORE = re.compile(
    r"\b(?:projected|expected|forecast|anticipated|predicted|set|likely)\s+to\s+(?P<verb>grow"
    r"|increase|rise|decline|decrease|fall|shrink|drop)(?:\s+by)?\s+$"
    r"|\b(?:jobs|employment|demand)\s+for\s+[^,;.]{1,60}?\s+to\s+(?P<verb2>grow|increase|rise"
    r"|decline|decrease|fall|shrink|drop)(?:\s+by)?\s+$"
    # the word of the rate follows the number: "projects -3.3 percent employment growth",
    # "expected to see a -3% decline", "face -3.3 percent employment growth"
    r"|\b(?P<vague>projects|(?:projected|expected|forecast|set|likely)\s+to\s+(?:see|have|show|"
    r"post|record)|(?:face|faces|facing|see|sees)|job growth\b[^.;]{0,60}?\bat)\s+(?:an?\s+)?$",
    re.IGNORECASE,
)
_GROWTH_WORDS = re.compile(r"(?i:grow|declin|increas|decreas|rise|fall|drop|shrink)")
_PROJECTION = re.compile(r"\bproject|\bexpect|\bforecast|\boutlook\b|\bwill\b", re.I)
_RATE_WORD = re.compile(
    r"(?:\s?%|\s+percent)?\s+(?:employment\s+|job\s+)?(?P<word>decline|decrease|increase|growth)\b",
    re.IGNORECASE,
)
_GROWTH_EXPECTED = re.compile(
    r"(?:\s?%|\s+percent)?\s+(?:employment\s+|job\s+)?growth\s+(?:is\s+)?(?:expected|projected"
    r"|forecast)",
    re.IGNORECASE,
)
_SPEED = re.compile(
    r"(?:(?:about|much|little|somewhat)\s+)?(?:as fast as|faster than|slower than|more slowly "
    r"than)[^,.;\[(]*",
    re.IGNORECASE,
)
_DECLINE = {"decline", "decrease", "fall", "shrink", "drop"}
_JOBS_LOST = re.compile(
    r"\s+(?:jobs|positions)\s+(?:will|would|are (?:projected|expected) to)\s+be\s+"
    r"(?P<verb>lost|cut|eliminated|added|created)\b(?![^.;]{0,30}\beach year)",
    re.IGNORECASE,
)
_OPENINGS = re.compile(
    r"\s+(?:new\s+)?(?P<mid>[^.;,$%]{0,60}?)\s*\b(?:job\s+)?(?:openings|positions)\b", re.I
)
_OPENINGS_BEFORE = re.compile(
    r"\b(?P<openings>openings)\b[^.;\d$%]{0,60}?\b(?:come to|comes to|total|totals|number|amount"
    r" to|are put at|at)\s+(?:(?:about|around|approximately|nearly|more than|over)\s+)?$",
    re.IGNORECASE,
)
_EACH_YEAR = re.compile(r"\b(?:each|per|a) year\b|\bannually\b|\byearly\b", re.IGNORECASE)
_FUTURE = re.compile(r"\bproject|\bexpect|\bwill\b|\bforecast", re.IGNORECASE)


def _before(sentence: Sentence, token: Token) -> str:
    """The words before a number, within 160 characters (a hostile sentence stays linear)."""
    return sentence.line.text[max(sentence.span.start, token.start - 160) : token.start]


def _mention_at(sentence: Sentence, position: int):
    """The role named exactly at `position` (after spaces)."""
    text = sentence.line.text
    while position < len(text) and text[position] == " ":
        position += 1
    for mention in sentence.line.mentions:
        if mention.start == position:
            return mention
    return None


# --- pay ------------------------------------------------------------------------------------


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
    if _PAY_GUARD.search(text):
        return out
    out += _percentiles(sentence)
    cues = list(_PAY_CUE.finditer(text))
    for i, cue in enumerate(cues):
        start = sentence.span.start + cue.end()
        clause = sentence.clause_of(sentence.span.start + cue.start())
        stop = min(
            clause.end,
            sentence.span.start + cues[i + 1].start() if i + 1 < len(cues) else clause.end,
        )
        values = [
            t for t in line.tokens if start <= t.start < stop
            and (t.kind == "money" or (t.kind == "number" and _PER.match(line.text, t.end)))
        ]  # fmt: skip
        if not values:
            continue
        word = (cue.group("stat") or cue.group("stat2")).lower()
        statistic = "mean" if word in {"mean", "average"} else "median"
        cue_role = _pay_role(sentence, cue)
        seen: set[tuple[str | None, str]] = set()
        for token in values[:4]:
            # "$61,690 for accountants ... and $64,690 for nurses": each its own role
            slot = whose(sentence, token.end)
            role = cue_role if slot is None else slot
            unit = _unit(line.text, token, cue.group(0))
            if (role, unit) in seen:  # a second amount of one role and unit is not this pay
                break
            seen.add((role, unit))
            metric = "salary_hourly" if unit == "USD/hour" else "salary_yearly"
            out.append(Found(metric, token, role=role or None, statistic=statistic, unit=unit,
                             named_elsewhere=role == ""))  # fmt: skip
    return out


def _pay_role(sentence: Sentence, cue: re.Match[str]) -> str | None:
    """Whose pay the cue names: "Electricians' median annual wage", "the median wage for
    pharmacists" (a role), '' for someone who is not a role, None when it does not say."""
    line = sentence.line
    cue_start = sentence.span.start + cue.start()
    for mention in line.mentions:
        if mention.end <= cue_start and _POSSESSIVE.fullmatch(line.text, mention.end, cue_start):
            return mention.role
    return whose(sentence, sentence.span.start + cue.end())


def _unit(text: str, token: Token, cue: str) -> str:
    if per := _PER.match(text, token.end):
        word = (per.group("per") or per.group("adverb")).lower()
        return "USD/hour" if word in {"hour", "hourly"} else "USD/year"
    if "hourly" in cue.lower():
        return "USD/hour"
    if re.search(r"annual|yearly", cue, re.I) or (token.value or 0) >= 1000:
        return "USD/year"
    return "USD/hour"


def _percentiles(sentence: Sentence) -> list[Found]:
    out = []
    for m in _PERCENTILE.finditer(sentence.text):
        token = sentence.line.token_at(sentence.span.start + m.end())
        if token is None or token.kind != "money":
            continue
        n = int(m.group("n"))
        top = m.group("side").lower() in {"top", "highest", "upper"}
        unit = "USD/year" if (token.value or 0) >= 1000 else "USD/hour"
        # "made $30,420 of less": a slip for "or less"
        slip = re.match(r"\s*of less\b", sentence.line.text[token.end :])
        qualifier = "at most" if slip else None
        out.append(
            Found("salary_percentile", token, category=str(100 - n if top else n), unit=unit,
                  qualifier=qualifier,
                  extra=[(sentence.span.start + m.start("n"), sentence.span.start + m.end("n"))])
        )  # fmt: skip
    return out


# --- counts ---------------------------------------------------------------------------------


def counts(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if not line.context.us or _SHORTAGE.search(sentence.text):
        return []
    if not line.context.roles.may_name_a_role(sentence.text):
        return []
    out: list[Found] = []
    for token in line.tokens_in(sentence.span):
        if token.kind != "number" or token.is_year or is_percent(token, line.text):
            continue
        if token.value is None or token.value < 10 or (token.value % 1 and not token.scaled):
            continue
        role = _count_role(sentence, token)
        # "made up of 1.9 million elementary teachers and 1.9 million secondary teachers"
        if role is None and out and _AND_ANOTHER.search(_before(sentence, token)):
            mention = _mention_at(sentence, token.end)
            same_clause = sentence.clause_of(out[-1].token.start) == sentence.clause_of(token.start)
            role = mention.role if mention and same_clause and not mention.bare else None
        if role:
            out.append(Found("jobs_count", token, role=role))
    return out


def _count_role(sentence: Sentence, token: Token) -> str | None:
    text = sentence.line.text
    before = _before(sentence, token)
    mention = _mention_at(sentence, token.end)
    if mention is None and (lead := _COUNT_LEAD.match(text, token.end)):
        mention = _mention_at(sentence, lead.end())
    if mention is not None and (
        _COUNT_BEFORE.search(before) or _COUNT_AFTER.match(text, mention.end, sentence.span.end)
    ):
        return mention.role
    for pattern in (_ARE_ROLE, _PEOPLE_AS):
        if (m := pattern.match(text, token.end)) and (found := _mention_at(sentence, m.end())):
            return found.role
    if _NUMBERED.search(before):
        named = sentence.line.mentions_in(sentence.clause_of(token.start))
        return named[0].role if named else None
    if _BASE_OF_CHANGE.search(before) and text[token.end : token.end + 1] == ")":
        clause = sentence.clause_of(token.start)
        number_of = _NUMBER_OF.search(text, clause.start, clause.end)
        if number_of and (found := _mention_at(sentence, number_of.end())) and not found.bare:
            return found.role
    return None


# --- projections ----------------------------------------------------------------------------


def growth(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if not _GROWTH_WORDS.search(sentence.text):
        return []
    out = []
    for token in line.tokens_in(sentence.span):
        if token.value is None or not is_percent(token, line.text):
            continue
        before = _GROWTH_BEFORE.search(_before(sentence, token))
        word = _RATE_WORD.match(line.text, token.end)
        if before is None and not _GROWTH_EXPECTED.match(line.text, token.end):
            continue
        if before is not None and before.group("vague"):
            if word is None:  # "projects 6 percent" of what?
                continue
            future = [p for p in line.periods if p.kind == "span"]
            if not (_PROJECTION.search(sentence.text) or future):  # "saw 3% growth" is the past
                continue
        verb = (before.group("verb") or before.group("verb2")) if before else None
        verb = (verb or (word.group("word") if word else "")).lower()
        declining = verb in _DECLINE
        speed = _SPEED.search(sentence.text)
        text = speed.group(0).strip() if speed else (verb if declining else None)
        role = _growth_role(sentence, token)
        out.append(Found("growth_projected", token, role=role or None, text=text, unit="percent",
                         negative=declining or (token.value or 0) < 0,
                         named_elsewhere=role == ""))  # fmt: skip
    return out


def _growth_role(sentence: Sentence, token: Token) -> str | None:
    """Whose growth: the nearest 'employment of pharmacists', 'demand for plumbers', 'jobs for
    CLGs' or 'electrician jobs' before the number in its clause; '' when that names no role,
    None when the clause has none of them."""
    text = sentence.line.text
    clause = sentence.clause_of(token.start)
    slots: list[tuple[int, str]] = []
    for m in _GROWTH_OF.finditer(text, clause.start, token.start):
        slot = whose(sentence, m.end())
        if slot is not None:
            slots.append((m.start(), slot))
    for mention in sentence.line.mentions:
        before_it = clause.start <= mention.start and mention.end < token.start
        if before_it and _ROLE_JOBS.match(text, mention.end):
            slots.append((mention.start, mention.role))
    if slots:
        return max(slots)[1]
    return whose(sentence, token.end) or None


_GROWTH_OF = re.compile(
    r"\b(?:employment|demand|jobs|job growth|growth|employment growth)(?=\s+(?:of|for)\s)", re.I
)
_ROLE_JOBS = re.compile(r"\s+(?:jobs|positions|employment|openings)\b", re.IGNORECASE)


_SLOT = re.compile(
    r"(?:\s?%|\s+percent)?\s+(?:for|of|among)\s+(?:(?:the|an?)\s+)?(?P<who>(?:all\s+)?[A-Za-z][\w'-]*)"
)
_EVERYONE = re.compile(
    r"all (?:workers|occupations|jobs)\b|average (?:U\.S\.|US|American) worker", re.IGNORECASE
)


def whose(sentence: Sentence, position: int) -> str | None:
    """Whose figure 'for/of ...' right after `position` says: a role; US_AVERAGE for 'all
    workers'; '' for someone who is not a role the page knows; None when it does not say."""
    m = _SLOT.match(sentence.line.text, position)
    if m is None or m.group("who").lower() in {"the", "a", "an"}:
        return None
    if _EVERYONE.match(sentence.line.text, m.start("who")):
        return US_AVERAGE
    mention = _mention_at(sentence, m.start("who"))
    if mention is None and m.group("who").lower().startswith("all"):
        mention = _mention_at(sentence, m.start("who") + 4)
    return mention.role if mention else ""


def openings(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if (
        not line.context.us
        or not _EACH_YEAR.search(sentence.text)
        or not _FUTURE.search(sentence.text)
    ):
        return []
    out = []
    for token in line.tokens_in(sentence.span):
        if token.kind != "number" or token.is_year or (token.value or 0) < 10:
            continue
        if is_percent(token, line.text):
            continue
        m = _OPENINGS.match(line.text, token.end)
        if m is None:  # "openings for high school teachers come to about 77,900 a year"
            if before := _OPENINGS_BEFORE.search(_before(sentence, token)):
                at = token.start - len(_before(sentence, token)) + before.end("openings")
                slot = whose(sentence, at)
                out.append(Found("openings_yearly", token, role=slot or None,
                                 named_elsewhere=slot == ""))  # fmt: skip
            continue
        inside = [x for x in line.mentions if x.end > m.start("mid") and x.start < m.end("mid")]
        slot = whose(sentence, m.end())
        role = inside[0].role if inside else slot or None
        elsewhere = role is None and (slot == "" or bool(m.group("mid").strip()))
        out.append(Found("openings_yearly", token, role=role, named_elsewhere=elsewhere))
    return out


def employment_change(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if not line.context.us or ("jobs" not in sentence.text and "positions" not in sentence.text):
        return []
    out = []
    for token in line.tokens_in(sentence.span):
        if token.kind != "number" or token.is_year:
            continue
        if m := _JOBS_LOST.match(line.text, token.end):
            lost = m.group("verb").lower() in {"lost", "cut", "eliminated"}
            out.append(Found("employment_change", token, negative=lost))
    return out
