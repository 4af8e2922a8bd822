"""Jobs stated in sentences: headcounts, projected growth, openings and employment change.

- **Counts** (jobs_count): a number right before a role with what makes it a headcount ("were
  employed", "nationwide", "in the United States", "- BLS" at the end of an infographic line),
  or after "employs", "had", "there were", "is home to", "made up of"; "N are <role>"; "N
  people employed as <role>"; "<role> numbered N". Never on a page that is not about the
  United States, nor in a sentence about a shortage or the whole world.
- **Growth** (growth_projected): "projected to grow 6 percent", "projects -3.3 percent
  employment growth", "expected to see a -3% decline", "with 25% growth expected", "face -3.3
  percent employment growth" (with a projection span). Words of decline make the rate
  negative and are kept as text ("decline"), as are the page's words comparing it with the
  average ("about as fast as the average for all occupations"). Its role is the nearest
  "employment of ...", "demand for ...", "jobs for ..." or "electrician jobs" before it.
- **Openings** (openings_yearly): "about 13,400 openings for pharmacists are projected each
  year", "openings for high school teachers come to about 77,900 a year"; **employment
  change**: "an estimated 10,500 jobs will be lost" (negative).
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.numbers import Token, is_percent
from rolecompare.facts.parsing.pay_details import category_of
from rolecompare.facts.parsing.projections import (
    by_year,
    jobs_added,
    pay_change,
    projected_rate,
    several_roles,
)
from rolecompare.facts.parsing.sentences import (
    Found,
    Sentence,
    Span,
    mention_at,
    whose,
    words_before,
)

_SHORTAGE = re.compile(r"\bshortage|\bworldwide\b|\bglobally\b|\bshort of\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(
    r"\b(?:had|has|have|employs|employ|employed|with|total of|there (?:are|were|was)|counted|counts"
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
    r"|\s+across the country\b|\s+(?:currently\s+|now\s+)?(?:work|worked|practice|practiced"
    r"|live|lived|employed|working)\s+(?:in|across)\s+the"
    r"\s+(?:U\.S\.|US|United States)|\s+in\s+the\s+(?:U\.S\.|United States)\b"
    r"|\s+-\s+[A-Z][\w .]{0,30}$|\W*$"
    r"|\s+jobs\b(?!\s+(?:in|at|for|with)\b(?!\s+(?:(?:19|20)\d\d|the U\.?S\.?|the United)))"
    r"|\s+(?:hold|held|have|had|fill|filled)\s+jobs\s+in\s+the\s+(?:U\.S\.|United States))"
)
_WORKERS_THEN = re.compile(r"\s+(?:workers|employees|people|professionals),\s+(?:the\s+)?")
_ARE_ROLE = re.compile(
    r"(?:\s+of\s+(?:these|those|them|all)(?:\s+[a-z]+)?)?\s+(?:are|were)\s+(?:employed\s+as\s+)?"
    r"(?:an?\s+)?"
)
_PEOPLE_AS = re.compile(
    r"\s+(?:people|persons|workers)\s+(?:were\s+)?(?:employed|working)\s+as\s+(?:an?\s+)?"
)
# "with around 25,000 people employed in the United States": the page's own role's headcount
_PEOPLE_EMPLOYED = re.compile(
    r"\s+(?:people|persons|workers|professionals|Americans)\s+(?:are\s+|were\s+)?"
    r"(?:currently\s+|now\s+)?(?:(?:employed|working|at work)\s+)?(?:in\s+the\s+(?:U\.S\.|US"
    r"|United States)|nationwide|across the (?:country|United States|U\.S\.)"
    r"|(?<=employed )in (?:it|the field|the occupation|the profession)\b)"
)
# "security guards filled approximately 1.1 million jobs in the United States"
_HELD = re.compile(
    r"\b(?:filled|fill|fills|held|hold|holds|occupied|occupy)\s+(?:(?:about|around|roughly"
    r"|approximately|nearly|almost|some|more than|over)\s+)?$",
    re.IGNORECASE,
)
_JOBS_HERE = re.compile(r"\s+jobs\b(?:\s+in\s+the\s+(?:U\.S\.|US|United States)|\s+nationwide)?")
# "Software engineering employs more than 687,276 people in the US": the field's headcount
_FIELD_EMPLOYS = re.compile(
    r"\b(?:employs|employed|counts|counted)\s+(?:(?:more than|over|about|around|nearly|almost"
    r"|some|roughly|approximately)\s+)?$",
    re.IGNORECASE,
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
    r"post|record)|(?:face|faces|facing|see|sees)|job growth\b[^.;]{0,60}?\bat)\s+(?:an?\s+)?$"
    # a label and its value: "Job Growth (2023–2033): -3% (decline)"
    r"|^\s*(?:projected\s+)?(?:job|employment)\s+growth(?:\s+rate)?\s*(?:\([^()]{1,30}\))?\s*:\s*$",
    re.IGNORECASE,
)
_GROWTH_WORDS = re.compile(r"(?i:grow|declin|increas|decreas|rise|fall|drop|shrink)")
_PROJECTION = re.compile(r"\bproject|\bexpect|\bforecast|\boutlook\b|\bwill\b", re.I)
_RATE_WORD = re.compile(
    r"(?:\s?%|\s+percent)?\s+\(?(?:employment\s+|job\s+)?(?P<word>decline|decrease|increase"
    r"|growth)\b",
    re.IGNORECASE,
)
_GROWTH_EXPECTED = re.compile(
    r"(?:\s?%|\s+percent)?\s+(?:employment\s+|job\s+)?growth\s+(?:is\s+)?(?:expected|projected"
    r"|forecast)",
    re.IGNORECASE,
)
_GROW_BY = re.compile(
    r"\b(?:projected|expected|forecast)\s+to\s+(?P<verb>grow|increase|rise|decline|decrease|fall"
    r"|shrink|drop)\s+by\s+(?:(?:about|around|roughly|nearly|over|more than|almost)\s+)?$",
    re.IGNORECASE,
)
_OR_BY_PERCENT = re.compile(r",?\s+or\s+(?:by\s+)?(?:about\s+)?\d[\d.]*\s?(?:%|percent)", re.I)
# the rate after the count: "grow by over 28,000, or by 28 percent"
_OR_BY = re.compile(
    r"\b(?:projected|expected|forecast)\s+to\s+(?P<verb>grow|increase|rise|decline|decrease|fall"
    r"|shrink|drop)\s+by\s+[^;%]{1,30}?,?\s+or\s+(?:by\s+)?(?:about\s+)?$",
    re.IGNORECASE,
)
_PROJECTED_AT = re.compile(
    r"\b(?:growth|employment|jobs)\b[^.;%]{0,80}?\b(?:is|are)\s+(?:projected|expected|forecast)"
    r"\s+(?:at|to be)\s+(?:(?:about|around|roughly|nearly)\s+)?$",
    re.IGNORECASE,
)
_PROJECTED_FOR = re.compile(
    r"(?:\s?%|\s+percent)?\s+(?:(?:job|employment)\s+)?(?:growth\s+)?(?:projected|expected"
    r"|forecast)\s+for\s+(?:the\s+)?",
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
_FUTURE = re.compile(r"\bproject|\bexpect|\bwill\b|\bshould\b|\bforecast", re.IGNORECASE)


def counts(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if not line.context.us or _SHORTAGE.search(sentence.text):
        return []
    people = "employed" in sentence.text or "working" in sentence.text
    if not people and not line.context.roles.may_name_a_role(sentence.text):
        return []
    out: list[Found] = []
    for token in line.tokens_in(sentence.span):
        if token.kind != "number" or token.is_year or is_percent(token, line.text):
            continue
        if token.value is None or token.value < 10 or (token.value % 1 and not token.scaled):
            continue
        role = _count_role(sentence, token)
        if (
            role is None
            and _HELD.search(words_before(sentence, token))
            and _JOBS_HERE.match(line.text, token.end)
        ):
            clause = sentence.clause_of(token.start)
            named = [m for m in line.mentions_in(clause) if m.end <= token.start and not m.bare]
            role = named[-1].role if named else None  # the clause's subject holds the jobs
        people = _PEOPLE_EMPLOYED.match(line.text, token.end)
        if (
            role is None
            and people
            and (
                " in " not in people.group(0)
                or _FIELD_EMPLOYS.search(words_before(sentence, token))
                or re.search(r"employed|working|at work", people.group(0))
            )
        ):
            role = sentence.role_for(token.start)  # no role named: the clause's or the page's
        # "made up of 1.9 million elementary teachers and 1.9 million secondary teachers"
        if role is None and out and _AND_ANOTHER.search(words_before(sentence, token)):
            mention = mention_at(sentence, token.end)
            same_clause = sentence.clause_of(out[-1].token.start) == sentence.clause_of(token.start)
            role = mention.role if mention and same_clause and not mention.bare else None
        if role and not _of_a_part(sentence, token):
            out.append(Found("jobs_count", token, role=role))
    return out


def _of_a_part(sentence: Sentence, token: Token) -> bool:
    """'Nursing care facilities employ almost 20,000 social workers', 'California employs
    ...': a count of one industry or place, named before it in its clause."""
    found = category_of(sentence, token)
    if found is None:
        return False
    clause = sentence.clause_of(token.start)
    head = sentence.line.text[clause.start : token.start].lstrip(_BULLETS)
    part = found[1].lstrip(_BULLETS)
    return head.startswith(part) and _EMPLOYS.search(head, len(part)) is not None


_BULLETS = " •*·-\t"


_EMPLOYS = re.compile(r"\b(?:employ|employs|employed|had|has|have)\b", re.IGNORECASE)


def _count_role(sentence: Sentence, token: Token) -> str | None:
    text = sentence.line.text
    before = words_before(sentence, token)
    mention = mention_at(sentence, token.end)
    if mention is None and (lead := _COUNT_LEAD.match(text, token.end)):
        mention = mention_at(sentence, lead.end())
    if mention is not None and (
        _COUNT_BEFORE.search(before) or _COUNT_AFTER.match(text, mention.end, sentence.span.end)
    ):
        return mention.role
    # "With 2,784,500 workers, customer service representatives make up ..."
    workers = _WORKERS_THEN.match(text, token.end)
    if workers and _COUNT_BEFORE.search(before):
        found = mention_at(sentence, workers.end())
        if found and not found.bare:
            return found.role
    for pattern in (_ARE_ROLE, _PEOPLE_AS):
        if (m := pattern.match(text, token.end)) and (found := mention_at(sentence, m.end())):
            return found.role
    if _NUMBERED.search(before):
        named = sentence.line.mentions_in(sentence.clause_of(token.start))
        return named[0].role if named else None
    if _BASE_OF_CHANGE.search(before) and text[token.end : token.end + 1] == ")":
        clause = sentence.clause_of(token.start)
        number_of = _NUMBER_OF.search(text, clause.start, clause.end)
        if number_of and (found := mention_at(sentence, number_of.end())) and not found.bare:
            return found.role
    return None


# --- projections ----------------------------------------------------------------------------


def growth(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if not _GROWTH_WORDS.search(sentence.text):
        return []
    out = []
    for token in line.tokens_in(sentence.span):
        if token.value is None or not is_percent(token, line.text) or pay_change(sentence, token):
            continue
        head = words_before(sentence, token)
        before = _GROWTH_BEFORE.search(head)
        projected_at = _PROJECTED_AT.search(head) or _OR_BY.search(head)  # "projected at 7%"
        word = _RATE_WORD.match(line.text, token.end)
        if (
            before is None
            and not projected_at
            and (m := _PROJECTED_FOR.match(line.text, token.end))
        ):
            # "above the 6% projected for accountants"
            if mention := mention_at(sentence, m.end()):
                out.append(Found("growth_projected", token, role=mention.role, unit="percent"))
            continue
        if before is None and not projected_at and not _GROWTH_EXPECTED.match(line.text, token.end):
            if general := projected_rate(sentence, token):  # the clause's words, any wording
                out.append(_general_growth(sentence, token, *general))
            continue
        if before is not None and before.group("vague") and not projected_at:
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
        if role is None and _later_clause_names(sentence, token):
            role = ""  # "jobs in both X and Y ... grow 5%, while electrician jobs ...": not theirs
        out.append(Found("growth_projected", token, role=role or None, text=text, unit="percent",
                         negative=declining or (token.value or 0) < 0,
                         named_elsewhere=role == ""))  # fmt: skip
    return out


def _later_clause_names(sentence: Sentence, token: Token) -> bool:
    """Does only a later clause of the sentence name a role (the rate's clause naming none)?"""
    clause = sentence.clause_of(token.start)
    line = sentence.line
    if line.mentions_in(clause) or line.mentions_in(Span(sentence.span.start, clause.start, "")):
        return False
    return any(clause.end <= m.start < sentence.span.end for m in line.mentions)


_FOR_WHOM = re.compile(r"\b(?:projected|expected|forecast)\b(?=\s+for\s)", re.I)


def _general_growth(sentence: Sentence, token: Token, word: str, declining: bool) -> Found:
    speed = _SPEED.search(sentence.text)
    text = speed.group(0).strip() if speed else ("decline" if declining else None)
    role = _growth_role(sentence, token)
    clause = sentence.clause_of(token.start)
    if role is None and (m := _FOR_WHOM.search(sentence.line.text, token.end, clause.end)):
        role = whose(sentence, m.end())  # "is projected for both plumbing and HVAC": not ours
    if role is None and several_roles(sentence.line.context):  # the clause must say whose
        named = sentence.line.mentions_in(sentence.clause_of(token.start))
        role = named[0].role if len(named) == 1 else ""
    return Found("growth_projected", token, role=role or None, text=text, unit="percent",
                 negative=declining or (token.value or 0) < 0, period=by_year(sentence),
                 named_elsewhere=role == "")  # fmt: skip


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
        if is_percent(token, line.text) or jobs_added(sentence, token):
            continue  # "should add around 133,000 new job positions": the change, not openings
        m = _OPENINGS.match(line.text, token.end)
        if m is None:  # "openings for high school teachers come to about 77,900 a year"
            if before := _OPENINGS_BEFORE.search(words_before(sentence, token)):
                at = token.start - len(words_before(sentence, token)) + before.end("openings")
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
    text = sentence.text
    if not line.context.us or ("jobs" not in text and "positions" not in text and "by" not in text):
        return []
    out = []
    for token in line.tokens_in(sentence.span):
        if token.kind != "number" or token.is_year:
            continue
        # "employment of X is projected to grow by over 28,000, or by 28 percent"
        if _GROW_BY.search(words_before(sentence, token)) and _OR_BY_PERCENT.match(
            line.text, token.end
        ):
            decline = _GROW_BY.search(words_before(sentence, token)).group("verb").lower()
            out.append(Found("employment_change", token, negative=decline in _DECLINE))
            continue
        if m := _JOBS_LOST.match(line.text, token.end):
            lost = m.group("verb").lower() in {"lost", "cut", "eliminated"}
            out.append(Found("employment_change", token, negative=lost))
        elif (token.value or 0) >= 10 and jobs_added(sentence, token):
            out.append(Found("employment_change", token, period=by_year(sentence)))
    return out
