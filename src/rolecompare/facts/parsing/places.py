"""Where a role is paid best, and what it needs to enter, stated in sentences.

- **Top state**: "Pay was highest in California", "the highest-paid nurses worked in
  California", "LPNs in Connecticut earned the highest average incomes", "Alaska is the
  top-paying state for electricians", "D.C. comes first at $93,050", "At the top sits Alaska"
  (a US state's name).
- **Top industry**: "By industry, junior colleges paid the highest wages", "Electricians earn
  the most at business schools ..., where", "hospital/health systems are the highest-paying
  settings" (as printed).
- **Entry education**: "Pharmacists need a Doctor of Pharmacy (Pharm.D.)".

The pay figures of such sentences are the state's or the industry's, not the role's: they are
not read (`pay.pay`).
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.cues import employers
from rolecompare.facts.parsing.sentences import Found, Sentence

STATES = (
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    r"|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    r"|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    r"|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    r"|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    r"|West Virginia|Wisconsin|Wyoming|District of Columbia)"
)
_PAY_WORDS = re.compile(r"pa(?:y|id|ying)|wage|salar|earn|averag|income", re.IGNORECASE)
_TOP_STATE = re.compile(
    rf"\b(?i:pay|wages?|salar(?:y|ies)|earnings) (?:was|were|is|are) highest in (?P<s>{STATES})\b"
    rf"|\b(?:highest|best|top)[- ]paid (?P<who>[\w ]{{1,40}}?) (?:worked|work|were|are|lived) in "
    rf"(?P<s2>{STATES})\b"
    rf"|(?P<who3>\b[\w ]{{1,40}}?) in (?P<s3>{STATES}) earned the highest\b"
    # "California was the best-paying state ($96,470)", "Alaska is the top-paying state for ..."
    rf"|\b(?P<s4>{STATES}) (?:is|was) the (?:top|highest|best)[- ]paying state\b"
    r"(?: for (?P<who4>[\w ]{1,40}?)\b)?"
    # "Connecticut topped the states", "New York led for accountants", "Alaska leads the states
    # for electrician pay"
    rf"|\b(?P<s5>{STATES}) (?:led|leads|topped|tops|ranked first|ranks first|comes first"
    r"|came first)(?: the (?:states|list|nation))?(?: for (?P<who5>[\w ]{1,40}?)\b)?"
    # "At the top sits the District of Columbia, where ..."
    r"|\b(?i:at the top(?: of the list)?),? (?:sits|is|stands|was|comes) (?:the )?"
    rf"(?P<s6>{STATES})\b"
    # "the five top payers were New York ($150,950), ...", "The best-paying states for the
    # field include California, Nevada, ...": a ranked list's first state
    # "New York, Massachusetts, Maryland and California are the states with the highest average
    # salaries", "Maryland, ... and Washington, D.C. are among the highest-paying areas"
    rf"|\b(?P<s9>{STATES})(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)*,?\s+and\s+[^.;]{{2,40}}?\s+"
    r"(?:are|were)\s+(?:the\s+states\s+with\s+the\s+highest\b|(?:among\s+)?the\s+(?:highest"
    r"|top|best)[- ]paying\s+(?:states|areas|places)\b)"
    # "California ranked among the states that paid carpenters most"
    rf"|\b(?P<s10>{STATES}) (?:ranked|ranks) (?:first|among the states that pa(?:y|id) "
    r"[\w ]{1,40}? (?:the )?most)\b"
    # "Alaska pays electricians more than any other state"
    rf"|\b(?P<s8>{STATES}) pays (?:[\w-]+ ){{0,3}}?(?:more than any other state|the most|best)\b"
    r"|\b(?i:top|highest|best)[- ](?i:payers|paying states|paid states)\b[^.;:]{0,40}?"
    rf"\b(?:were|are|include|included|includes)\s+(?:the\s+)?(?P<s7>{STATES})\b",
)
_STATE_GROUPS = ("s", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10")
_INDUSTRY_WORDS = re.compile(r"industr|employer|setting|sector", re.IGNORECASE)
_TOP_INDUSTRY = re.compile(
    r"\bBy industry, (?P<i>[^,;.]{3,80}?) paid the highest (?:wages|pay|salaries)\b"
    r"|\bearn the most (?:at|in) (?P<i2>[^,;.]{3,100}?), where\b"
    r"|^(?P<i3>[a-z][\w/ -]{2,60}?) (?:are|is) the (?:highest|top|best)[- ]paying (?:settings?"
    r"|industr(?:y|ies)|employers?|sectors?)\b"
    # "among employers, hospital/health systems pay the most", "business schools and ...
    # companies pay electricians best" (in a sentence about industries or employers)
    r"|^(?:(?i:among) (?:employers|industries|settings|sectors),\s+)?"
    r"(?P<i4>[A-Za-z][\w/ ,-]{2,100}?)"
    r" (?:pay|pays|paid)(?: [\w-]+)? (?:the most|best|the best|the highest(?: wages)?)\b"
    # "worked for junior colleges, yet that industry paid better than any other"
    r"|\b(?:worked|work|employed) (?:for|in|at) (?P<i5>[a-z][^,;.]{2,60}?), (?:yet|but|and) that "
    r"(?:industry|sector|employer) paid (?:better than any other|the most|the best|the highest)"
    # "For welders, the automotive industry pays the most"
    r"|\bthe (?P<i6>[a-z][\w -]{2,40}?) (?:industry|sector) (?:pays|paid|pay)(?: [\w-]+)? "
    r"(?:the most|best|the best|the highest(?: wages)?)\b",
)
_NEEDS_DEGREE = re.compile(
    r"\b(?:need|needs|must have|must hold|require|requires|complete|completes|earn|earns|leading"
    r" to|leads to|lead to) (?:an?|the) (?:[\w-]+ ){0,3}?(?P<d>(?:Doctor|Bachelor|Master|Associate)"
    r"[^,.;(]{0,60}?(?:\s\([^)]{1,20}\))?)(?=,|;| degree\b|\.\s|\.$)"
    # "A plumber must have a high school diploma or the equivalent"
    r"|\b(?:needs?|must have|must hold|requires?) an? (?P<d2>high school diploma|GED"
    r"|postsecondary (?:nondegree award|certificate))\b",
)

_DEGREE_LEVEL = r"(?:Doctor|Bachelor|Master|Associate)(?:['’]s)? degree"
# "The usual entry requirement is at least a bachelor's degree", "Typical Education: Bachelor's
# degree (...)", "A bachelor's degree is usually the minimum for a financial analyst"
_ENTRY_DEGREE = re.compile(
    r"\b(?i:(?:usual |typical |minimum )?entry requirement|typical education|minimum education"
    r"|education required)\s*(?::|is|was)\s*(?:(?i:at least)\s+)?(?:an?\s+)?"
    rf"(?P<d>(?i:{_DEGREE_LEVEL}))"
    rf"|(?:^|\b(?i:an?)\s+)(?P<d2>(?i:{_DEGREE_LEVEL})) is (?:usually |typically |generally )?"
    r"the minimum\b",
)


def _role_in(sentence: Sentence, start: int, end: int) -> str | None:
    named = [m for m in sentence.line.mentions if start <= m.start < end]
    return named[0].role if named else None


def places(sentence: Sentence) -> list[Found]:
    text = sentence.text
    out: list[Found] = []
    if not _PAY_WORDS.search(text) and "most" not in text and "highest" not in text:
        return out
    for m in _TOP_STATE.finditer(text):
        state_group = next(g for g in _STATE_GROUPS if m.group(g))
        if state_group in ("s5", "s6") and not _PAY_WORDS.search(text):
            continue  # "California led the nation in employment" is not about pay
        who = next((g for g in ("who", "who3", "who4", "who5") if m.group(g)), None)
        role = None
        if who:
            role = _role_in(sentence, sentence.span.start + m.start(who),
                            sentence.span.start + m.end(who) + 1)  # fmt: skip
        out.append(Found("top_state", None, role=role, text=m.group(state_group),
                         at=sentence.span.start + m.start(state_group)))  # fmt: skip
    for clause in sentence.clauses:
        local = clause.text.lstrip()
        offset = clause.start + len(clause.text) - len(local)
        for m in _TOP_INDUSTRY.finditer(local):
            group = next(g for g in ("i", "i2", "i3", "i4", "i5", "i6") if m.group(g))
            if group == "i4" and not _INDUSTRY_WORDS.search(text):
                continue
            name = m.group(group).strip()
            if name[:1].isupper() and name.split()[-1].lower() not in employers():
                continue  # a capitalised subject is a kind of employer only by its noun
            out.append(Found("top_industry", None, text=m.group(group).strip(),
                             at=offset + m.start(group)))  # fmt: skip
    return out


def education(sentence: Sentence) -> list[Found]:
    out = []
    for m in _ENTRY_DEGREE.finditer(sentence.text):
        group = "d" if m.group("d") else "d2"
        out.append(Found("education_entry", None, text=m.group(group),
                         at=sentence.span.start + m.start(group)))  # fmt: skip
    if out:
        return out
    for m in _NEEDS_DEGREE.finditer(sentence.text):
        start = sentence.span.start + m.start()
        named = [x for x in sentence.line.mentions if sentence.span.start <= x.start < start]
        group = "d" if m.group("d") else "d2"
        if named:
            degree = m.group(group).strip()
            out.append(Found("education_entry", None, role=named[-1].role, text=degree,
                             at=sentence.span.start + m.start(group)))  # fmt: skip
    return out
