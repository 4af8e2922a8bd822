"""Account for every number printed on a page: a fact, a number that is not data, or a problem.

A number is **read** when a fact on its line states it (its value, or a number the fact used,
such as the "10" of "the top 10 percent"), when it is a year of the period of a fact on its
line, or of a fact on one of the next two lines when its line is a label ("2022 Median Pay"
above "$81,220 per year"), or when its whole line is a table row a reader took (glued
comparison rows such as "Average age4442").

A number is **evidently not data**, and is neither a fact nor a problem, when it is:

- part of a date: "September 19, 2023", "Sunday, April 28, 2024", or a month and year the page
  says it was updated, modified, posted, visited, retrieved or reviewed on ("Updated February
  2021", "Last Updated: May 2023", "a review on Oct 2022");
- a copyright year ("Copyright 2023", "© 2024");
- the ordinal of a numbered list ("1. Explore ...", "  4. Research ...");
- a label or scale of a rating widget ("5 Stars", "-/5", "out of 10");
- an open-ended count in an advertisement ("10+ templates") or a reading time ("5 min read");
- the length of a time window a heading or sentence looks over ("over the next 5 years",
  "from the past 3 years");
- a footnote marker: "[8]", or a digit glued to the end of a sentence ("nursing.1a",
  "2021-2031.2");
- inside the text of a text fact: a description paragraph or a responsibility ("$700K in annual
  savings"), or a place, industry or degree a fact names.

Every other number is a problem of its line: `<number as printed> not attributed: <reason>`,
the reason being what a reader said when it passed the number over (a standard error column,
a percentile heading, a range "5-8%", which is listed once) or what the words around it
suggest (hours, a ratio, a figure of one state or industry, a code, a year that dates no fact,
a figure outside the United States, "no role on the page", ...). Lines that already carry a
reader's problem are not listed again. At most `MAX_UNREAD` numbers are listed per page.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext, is_heading
from rolecompare.facts.parsing.model import NonData, PageResult, Problem, RawFact
from rolecompare.facts.parsing.numbers import FULL_DATE, Token, find_numbers
from rolecompare.facts.parsing.places import STATES
from rolecompare.facts.schema import metrics

MAX_UNREAD = 500
# The rules for numbers that are evidently not data (NonData.rule), as documented above.
NON_DATA_RULES = (
    "date",
    "list ordinal",
    "rating widget",
    "open-ended count ('10+')",
    "reading time",
    "time window",
    "footnote marker",
    "inside a description or responsibility",
    "inside the text of a fact",
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_STAMPED_DATE = re.compile(
    rf"\b(?:updated|modified|posted|published|visited|retrieved|extracted(?: on)?|reviewed|"
    rf"accessed|on)\s*:?\s*(?P<date>{_MONTH}\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright)\s*(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"^\s*(?P<n>\d{1,2})\.\s")
_RATING = re.compile(
    r"\b(?P<n>\d)\s+stars?\b|-\s*/\s*(?P<s>\d{1,2})\b|\bout of (?P<o>\d{1,3})\b", re.I
)
_MAYBE_RATING = re.compile(r"(?i:star|/|out of)")
_PLUS = re.compile(r"\+")
_READING_TIME = re.compile(r"\s+min(?:ute)?s?\s+read\b", re.IGNORECASE)
_WINDOW = re.compile(r"\b(?:next|past|last|coming|previous)\s+$", re.IGNORECASE)
_WINDOW_UNIT = re.compile(r"\s+(?:years?|months?|weeks?|days?|decades?)\b", re.IGNORECASE)
_GLUED_FOOTNOTE = re.compile(r"[a-z)\]%]\.$|\d{4}\.$")

_HOURS = re.compile(r"\W{0,3}(?:[\w-]+\s+){0,2}?(?:hours?|hrs)\b", re.IGNORECASE)
_RATIO = re.compile(r"\bper (?:100|1,000|10,000|100,000)\b|\bquotient\b|\bratio\b", re.I)
_SCHOOLING = re.compile(
    r"\W{0,3}(?:[\w'-]+\s+){0,4}?(?:programs?|schools?|graduates|students|applicants)\b", re.I
)
_SENTENCE = re.compile(r"[a-z]{2,} [a-z]{2,} [a-z]{2,}")  # three words in a row: prose
_SCHOOLING_WORDS = re.compile(r"program|school|graduate|student|applicant")
_SHORTAGE = re.compile(r"\bshortage\b", re.IGNORECASE)
_INDUSTRY = re.compile(r"\bindustr(?:y|ies)\b|\bsettings?\b|\bsector\b|\bhospitals\b", re.I)
_AREA = re.compile(
    rf"\bmetro|\bregion|\barea\b|\bcities\b|(?<!united )\bstates?\b|{STATES}", re.IGNORECASE
)


def _non_data_rule(
    line: str, token: Token, dates: list[tuple[int, int]], ratings: set[int]
) -> str | None:
    if any(start <= token.start < end for start, end in dates):
        return "date"
    if (m := _ORDINAL.match(line)) and m.start("n") == token.start:
        return "list ordinal"
    if token.start in ratings:
        return "rating widget"
    if _PLUS.match(line, token.end) and token.kind == "number":
        return "open-ended count ('10+')"
    if _READING_TIME.match(line, token.end):
        return "reading time"
    if _WINDOW.search(line[max(0, token.start - 12) : token.start]) and _WINDOW_UNIT.match(
        line, token.end
    ):
        return "time window"
    before = line[max(0, token.start - 1) : token.start]
    after = line[token.end : token.end + 1]
    if before == "[" and after == "]":
        return "footnote marker"
    if (
        token.kind == "number"
        and len(token.digits) <= 2
        and _GLUED_FOOTNOTE.search(line[max(0, token.start - 5) : token.start])
        and (not after or after.isspace())
    ):
        return "footnote marker"
    return None


_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _dates(line: str) -> list[tuple[int, int]]:
    if not _A_YEAR.search(line):
        return []
    spans = [(m.start(), m.end()) for m in FULL_DATE.finditer(line)]
    spans += [(m.start("date"), m.end("date")) for m in _STAMPED_DATE.finditer(line)]
    spans += [(m.start("y"), m.end("y")) for m in _COPYRIGHT.finditer(line)]
    return spans


def _reason(line: str, number: int, token: Token, result: PageResult, context: PageContext) -> str:
    """What the words around an unread number suggest it is."""
    if not result.layouts and not result.facts:
        return "no reader recognised the page"
    if reason := result.passed_over.get((number, token.start)):
        return reason
    roles = context.roles
    if not (roles.main or roles.pair or roles.subject or result.facts):
        return "no role on the page"
    if token.kind == "phone":
        return "a phone number"
    if token.kind == "code":
        return "an occupation or industry code"
    before = line[max(0, token.start - 50) : token.start]
    after = line[token.end : token.end + 40]
    near = (before + " " + after).lower()  # cheap tests first: most lines have none of these
    if ("hour" in near or "hrs" in near) and _HOURS.match(after):
        return "hours are not a metric"
    if ("per 1" in near or "quotient" in near or "ratio" in near) and _RATIO.search(near):
        return "a ratio, not a count or a share of a role"
    if "shortage" in near and _SHORTAGE.search(before):
        return "a shortage projection, not the role's employment"
    if _SCHOOLING_WORDS.search(near) and _SCHOOLING.match(after):
        return "a count of schools, programs or students"
    if _INDUSTRY.search(before) or _INDUSTRY.search(line, token.end, token.end + 60):
        return "a figure of one industry or setting"
    if _AREA.search(before[-30:] + " " + after[:15]):
        return "a figure of one state or area"
    if token.is_year or token.kind == "span":
        return "a year that dates no fact"
    if not context.us:
        return "a figure outside the United States"
    if len(find_numbers(line)) >= 3 and ("\t" in line or not _SENTENCE.search(line)):
        return "a cell of a table of other figures (industries, areas, ...)"
    return "no role and metric recognised around it"


def _years(period: str | None) -> set[int]:
    if not period:
        return set()
    first = period.split("-")[0]
    years = {int(first)} if first.isdigit() else set()
    if re.fullmatch(r"\d{4}-\d{4}", period):
        years.add(int(period[5:]))
    return years


def _token_years(token: Token) -> set[int]:
    if token.is_year:
        return {int(token.value or 0)}
    if token.kind == "span":
        first, _, last = re.split(r"\s?([-–])\s?", token.printed)[0:3]
        if len(last) == 2:
            last = first[:2] + last
        return {int(first), int(last)} if first.isdigit() and last.isdigit() else set()
    return set()


def account_for_numbers(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    """Record every number on the page that is not data, and a problem for each unread one."""
    facts_by_line: dict[int, list[RawFact]] = {}
    for fact in result.facts:
        facts_by_line.setdefault(fact.line, []).append(fact)
    for split in result.pending:
        result.read_lines.add(split.line)
    problem_lines = {p.line for p in result.problems}
    unread: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        if not line or number in result.read_lines or number in problem_lines:
            continue
        tokens = find_numbers(line)
        if not tokens:
            continue
        read = _read_tokens(line, number, tokens, facts_by_line, lines, result)
        if len(read) == len(tokens):
            continue
        dates = _dates(line)
        ratings = (
            {m.start(g) for m in _RATING.finditer(line) for g in ("n", "s", "o") if m.group(g)}
            if _MAYBE_RATING.search(line)
            else set()
        )
        left: list[Token] = []
        for token in tokens:
            if token.start in read:
                continue
            rule = _non_data_rule(line, token, dates, ratings) or _inside_text(
                line, number, token, facts_by_line
            )
            if rule:
                result.non_data.append(NonData(number, token.printed, rule))
            else:
                left.append(token)
        for printed, token in _ranges(line, left):
            reason = _reason(line, number, token, result, context)
            unread.append(Problem(number, f"{printed} not attributed: {reason}"))
    if len(unread) > MAX_UNREAD:
        extra = len(unread) - MAX_UNREAD
        more = Problem(unread[MAX_UNREAD].line, f"... and {extra:,} more numbers not attributed")
        unread = [*unread[:MAX_UNREAD], more]
    result.problems.extend(unread)


def _read_tokens(
    line: str,
    number: int,
    tokens: list[Token],
    facts_by_line: dict[int, list[RawFact]],
    lines: list[str | None],
    result: PageResult,
) -> set[int]:
    """Starts of the tokens that facts read."""
    read: set[int] = set()
    for start, end in result.consumed.get(number, []):
        read |= {t.start for t in tokens if start <= t.start < end}
    for fact in facts_by_line.get(number, []):
        if fact.where is not None:
            read |= {t.start for t in tokens if t.start <= fact.where[0] < t.end}
        elif fact.value is not None:
            match = next(
                (t for t in tokens if t.start not in read and t.value is not None
                 and abs(abs(t.value) - abs(fact.value)) < 1e-9),
                None,
            )  # fmt: skip
            if match is not None:
                read.add(match.start)
    # a year of a fact's period on its line; a label's year dates the values below it
    last = min(len(lines), number + 2) if is_heading(line) else number
    dated_facts = [f for n in range(number, last + 1) for f in facts_by_line.get(n, []) if f.period]
    if not dated_facts:
        return read
    dated = [(t, _token_years(t)) for t in tokens if t.is_year or t.kind == "span"]
    dated = [(t, years) for t, years in dated if years]
    for below in range(number, last + 1):
        for fact in facts_by_line.get(below, []):
            period = _years(fact.period)
            read |= {t.start for t, years in dated if period and years <= period}
    return read


def _ranges(line: str, tokens: list[Token]) -> list[tuple[str, Token]]:
    """Unread numbers as printed, a range such as '5-8%' as one."""
    out: list[tuple[str, Token]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            i + 1 < len(tokens)
            and token.kind != "span"
            and line[token.end : tokens[i + 1].start] in {"-", "–"}
        ):
            out.append((line[token.start : tokens[i + 1].end], token))
            i += 2
            continue
        out.append((token.printed, token))
        i += 1
    return out


def _inside_text(
    line: str, number: int, token: Token, facts_by_line: dict[int, list[RawFact]]
) -> str | None:
    for fact in facts_by_line.get(number, []):
        if metrics()[fact.metric].is_passage:
            return "inside a description or responsibility"
        for words in (fact.text, fact.category):
            if words and any(c.isdigit() for c in words):
                start = line.find(words)
                if start >= 0 and start <= token.start < start + len(words):
                    return "inside the text of a fact"
    return None
