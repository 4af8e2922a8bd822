"""Figures stated in sentences: the frame every statement reader shares.

A line is cut into sentences and each sentence into clauses (at ";", ", while", ", and", ...).
The statement readers (`pay`, `jobs_outlook`, `workforce`, `categories`, `places`) find figures
in a sentence and say what they know: the metric, the number, and where they can, the role,
statistic, unit, category and period. This module fills in the rest, in this order:

- **role**: the role the reader found ("the median annual wage *for pharmacists*"), else the
  first role the clause names, else the first the sentence names, else the role of the last
  figure read on the line ("Earners in the top 10 percent ..."), else the page's main role on
  a page about one role. A figure with no role is not read (its number is reported unread).
- **period** of a level (a wage, a count, a share): the date nearest the number in its clause,
  else the only date of its sentence, else the only date of its line, else the year of the
  survey a fact sheet reports. Dates that belong to a comparison ("up from 7.1 percent in
  2008") date only that comparison's number.
- **period** of a projection (growth, openings, employment change): the span of its sentence or
  line ("from 2022 to 2032"), else, for openings and changes ("over the decade"), the last span
  stated above on the page.
- **qualifier**: the words just before or after the number (`numbers.qualifier_at`).

A number outside its metric's plausible range (metrics.csv) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult, Problem, RawFact
from rolecompare.facts.parsing.numbers import Period, Token, find_numbers, find_periods
from rolecompare.facts.parsing.numbers import qualifier_at as _qualifier_at
from rolecompare.facts.parsing.role_names import clause_role
from rolecompare.facts.parsing.role_words import GENERIC, name_key
from rolecompare.facts.parsing.roles import US_AVERAGE, Mention
from rolecompare.facts.parsing.text import slugify
from rolecompare.facts.schema import metrics

# A sentence ends at '.', '!' or '?' (a footnote marker may follow) before a capital, unless
# the period ends an abbreviation ("U.S.", "vs.", "Pharm.D.").
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\[\d+\]|\d{1,2}[a-z]?)?\s+(?=[A-Z(“\"'])")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,3}|\b(?:vs|Inc|Co|Dr|Mr|Ms|Mrs|St|No|Jr|Sr|Ph\.D|Pharm\.D|R\.Ph"
    r"|e\.g|i\.e|etc|approx|Ave|Dept|Univ))\.$"
)
_CLAUSE_SPLIT = re.compile(r";\s+(?:and\s+)?|,\s+(?:while|whereas|but|and)\s+|\s+but\s+")
_ATTACHED_BEFORE = re.compile(r"\s*(?:%|percent)?\s*(?:in|as of)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$")
_COMPARED_WITH = re.compile(
    r"\bfrom\s+(?:\w+\s+)?$|\bcompared (?:with|to)\s+(?:only\s+)?$|\bthan\s+(?:\w+\s+)?$", re.I
)
PROJECTIONS = frozenset({"growth_projected", "openings_yearly", "employment_change"})
_UNDATED = frozenset({"education_entry", "experience_related", "training_on_the_job"})


@dataclass(frozen=True)
class Span:
    """A piece of a line: a sentence or a clause, with its place on the line."""

    start: int
    end: int
    text: str


@dataclass
class Found:
    """A figure a statement reader found; `None` fields are filled in by `Sentence.emit`."""

    metric: str
    token: Token | None  # None for text-only facts (a top state, an education)
    role: str | None = None
    statistic: str | None = None
    unit: str | None = None
    category: str | None = None
    text: str | None = None
    period: str | None = None
    qualifier: str | None = None
    negative: bool = False
    at: int = -1  # where the figure stands on the line (for text facts without a number)
    # the sentence says whose figure it is ("jobs for CLGs") but names no role the page knows:
    # then the figure is nobody's, rather than the clause's or the page's role
    named_elsewhere: bool = False
    extra: list[tuple[int, int]] = field(default_factory=list)  # more spans it reads


def split_sentences(line: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        piece = line[start : m.start()]
        if _ABBREVIATION_END.search(line[max(start, m.start() - 12) : m.start()]):
            continue
        if piece.strip():
            spans.append(Span(start, m.start(), piece))
        start = m.end()
    if line[start:].strip():
        spans.append(Span(start, len(line), line[start:]))
    return spans


def split_clauses(sentence: Span) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _CLAUSE_SPLIT.finditer(sentence.text):
        spans.append(
            Span(
                sentence.start + start, sentence.start + m.start(), sentence.text[start : m.start()]
            )
        )
        start = m.end()
    spans.append(Span(sentence.start + start, sentence.end, sentence.text[start:]))
    return [s for s in spans if s.text.strip()]


@dataclass
class Line:
    """One line being read: its text, numbers, periods and the figures read from it so far."""

    number: int
    text: str
    context: PageContext
    tokens: list[Token]
    periods: list[Period]
    last_role: str | None = None
    owned: set[int] = field(default_factory=set)  # starts of periods a comparison took
    trend_years: list[str] = field(default_factory=list)  # of the last "from X to Y" read
    _compared: dict[int, int] | None = None
    _mentions: list[Mention] | None = None

    @property
    def mentions(self) -> list[Mention]:
        """The roles the line names (worked out when a reader first needs them)."""
        if self._mentions is None:
            self._mentions = self.context.roles.mentions(self.text)
        return self._mentions

    def compared_dates(self) -> dict[int, int]:
        """Start of each date that dates a compared number ('from 1,850 in 2015') -> the
        number's start."""
        if self._compared is None:
            self._compared = {}
            text = self.text
            by_end = {t.end: t for t in self.tokens if t.value is not None and not t.is_year}
            for period in self.periods:
                head = text[max(0, period.start - 40) : period.start]
                m = _ATTACHED_BEFORE.search(head)
                token = by_end.get(period.start - len(head) + m.start()) if m else None
                if token and _COMPARED_WITH.search(text[max(0, token.start - 30) : token.start]):
                    self._compared[period.start] = token.start
        return self._compared

    def token_at(self, position: int) -> Token | None:
        for token in self.tokens:
            if token.start <= position < token.end:
                return token
        return None

    def tokens_in(self, span: Span) -> list[Token]:
        return [t for t in self.tokens if span.start <= t.start < span.end]

    def mentions_in(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if span.start <= m.start < span.end]

    def qualifier_at(self, token: Token) -> str | None:
        return _qualifier_at(self.text, token)


@dataclass
class Sentence:
    line: Line
    span: Span
    clauses: list[Span]

    @property
    def text(self) -> str:
        return self.span.text

    def clause_of(self, position: int) -> Span:
        for clause in self.clauses:
            if clause.start <= position < clause.end:
                return clause
        return self.span

    def role_for(self, position: int) -> str | None:
        clause = self.clause_of(position)
        roles = self.line.context.roles
        # a name that holds commas ('police, fire, and emergency medical dispatchers') spans
        # clauses: it is the subject of the clause it ends in
        named = [m for m in self.line.mentions if m.start < clause.end and m.end > clause.start]
        named = named or [
            m for m in self.line.mentions_in(self.span) if roles.known(m.role) and m.end <= position
        ]  # another clause's "nuclear pharmacists" is not this clause's subject; a later
        # clause's role ('..., while electrician jobs should grow 9%') is not an earlier one's
        if named:
            return clause_role(named, position, roles.attributable)
        if self.line.last_role:
            return self.line.last_role
        if section := self.line.context.section_role(self.line.number):
            return section  # a heading naming a role starts that role's section
        return roles.main if roles.pair is None else None

    def level_period(self, position: int) -> str | None:
        line = self.line
        points = [
            p
            for p in line.periods
            if p.is_point and p.start not in line.owned and not self._dates_another(p, position)
        ]
        clause = self.clause_of(position)
        near = [p for p in points if clause.start <= p.start < clause.end]
        if near:
            return min(near, key=lambda p: min(abs(p.start - position), abs(p.end - position))).text
        in_sentence = {p.text for p in points if self.span.start <= p.start < self.span.end}
        if len(in_sentence) == 1:
            return in_sentence.pop()
        if in_sentence:
            before = [p for p in points if p.end <= position and self.span.start <= p.start]
            return before[-1].text if before else None
        on_line = {p.text for p in points}
        if len(on_line) == 1:
            return on_line.pop()
        return line.context.survey_year if not on_line else None

    def _dates_another(self, period: Period, position: int) -> bool:
        """'up from 1,850 in 2015': in the number's own sentence, the date right after another
        number is that number's."""
        if not self.span.start <= period.start < self.span.end:
            return False
        owner = self.line.compared_dates().get(period.start)
        return owner is not None and owner != position

    def projection_period(self, metric: str) -> str | None:
        spans = [p for p in self.line.periods if p.kind == "span"]
        in_sentence = [p for p in spans if self.span.start <= p.start < self.span.end]
        if in_sentence:
            return in_sentence[0].text
        if len({p.text for p in spans}) == 1:
            return spans[0].text
        if metric != "growth_projected":
            return self.line.context.last_projection
        return None

    def emit(self, found: Found, result: PageResult, reader: str | None = None) -> RawFact | None:
        """The fact a finding states, or None when it names no role or is implausible."""
        line = self.line
        token = found.token
        at = token.start if token else found.at
        role = found.role or (None if found.named_elsewhere else self.role_for(at))
        if role and found.role and _generic(role) and not line.context.roles.attributable(role):
            role = self.role_for(at)  # '2,784,500 workers': the members of the clause's role
        if role is None:
            return None
        if not line.context.roles.attributable(role):  # a role mentioned only in passing
            result.problems.append(Problem(line.number, _passing(role, token, found.metric)))
            line.last_role = role  # '... the lowest 10 percent earned' is still that role's
            return None
        metric = metrics()[found.metric]
        value = printed = None
        if token is not None:
            if token.value is None:
                return None
            value = -abs(token.value) if found.negative else token.value
            printed = token.plain if not found.negative or token.value < 0 else "-" + token.plain
            if not metric.plausible(value):
                return None
        period = found.period
        if period is None and found.metric not in _UNDATED:
            if found.metric in PROJECTIONS:
                period = self.projection_period(found.metric)
            else:
                period = self.level_period(at)
        period = period or None  # "": the reader knows the figure is undated
        fact = RawFact(
            role=role,
            metric=found.metric,
            line=line.number,
            value=value,
            printed=printed,
            text=found.text,
            category=found.category,
            unit=found.unit or metric.unit or None,
            statistic=found.statistic,
            qualifier=found.qualifier
            if found.qualifier
            else (line.qualifier_at(token) if token else None),
            period=period,
            where=(token.start, token.end) if token else None,
            reader=reader,
        )
        key = (slugify(role), fact.metric, fact.category, fact.value, fact.text, fact.line)
        if any(
            (slugify(f.role), f.metric, f.category, f.value, f.text, f.line) == key
            for f in result.facts[-12:]
        ):
            return None
        result.facts.append(fact)
        for start, end in found.extra:
            result.consume(line.number, start, end)
        line.last_role = role
        return fact


Reader = Callable[[Sentence], list[Found]]


def _generic(role: str) -> bool:
    return name_key(role) in GENERIC


def _passing(role: str, token: Token | None, metric: str) -> str:
    what = token.printed if token else metric
    return (
        f"{what} not attributed: its {metric} is stated for {role!r}, a role the page only "
        "mentions in passing (not its title, headings, tables, comparison, a kind of its role "
        "or a SOC occupation)"
    )


def read_line(
    number: int, text: str, context: PageContext, result: PageResult, readers: list[Reader]
) -> int:
    """Read every sentence of one line with `readers`; returns how many facts it gave.

    Projection spans stated on the line are remembered for the lines below it."""
    line = Line(
        number,
        text,
        context,
        find_numbers(text),
        find_periods(text),
    )
    count = 0
    for span in split_sentences(text):
        sentence = Sentence(line, span, split_clauses(span))
        for reader in readers:
            name = f"sentences:{reader.__name__}"
            for found in reader(sentence):
                if sentence.emit(found, result, name) is not None:
                    count += 1
    return count


# --- shared by the statement readers -----------------------------------------------------------


def words_before(sentence: Sentence, token: Token) -> str:
    """The words before a number, within 160 characters (a hostile sentence stays linear)."""
    return sentence.line.text[max(sentence.span.start, token.start - 160) : token.start]


def mention_at(sentence: Sentence, position: int) -> Mention | None:
    """The role named exactly at `position` (after spaces)."""
    text = sentence.line.text
    while position < len(text) and text[position] == " ":
        position += 1
    for mention in sentence.line.mentions:
        if mention.start == position:
            return mention
    return None


_SLOT = re.compile(
    r"(?:\s?%|\s+percent)?\s+(?:for|of|among)\s+(?:(?:the|an?)\s+)?(?P<who>(?:all\s+)?[A-Za-z][\w'-]*)"
)
# "the median annual salary for this occupation": the page's own role, named no further
_NOBODY_NAMED = frozenset({"the", "a", "an", "this", "these", "that", "its", "their"})
# only a page's own words for the average worker make the US average; an all-occupations
# figure ('the median for all occupations') is no role's number (roles helper, issue 17)
_EVERYONE = re.compile(r"average (?:U\.S\.|US|American) worker", re.IGNORECASE)
_ALL_OCCUPATIONS = re.compile(r"all (?:workers|occupations|jobs)\b", re.IGNORECASE)


def whose(sentence: Sentence, position: int) -> str | None:
    """Whose figure 'for/of ...' right after `position` says: a role; US_AVERAGE for 'the
    average U.S. worker'; '' for all occupations or someone who is not a role the page knows;
    None when it does not say."""
    m = _SLOT.match(sentence.line.text, position)
    if m is None or m.group("who").lower() in _NOBODY_NAMED:
        return None
    if _EVERYONE.match(sentence.line.text, m.start("who")):
        return US_AVERAGE
    if _ALL_OCCUPATIONS.match(sentence.line.text, m.start("who")):
        return ""
    mention = mention_at(sentence, m.start("who"))
    if mention is None and m.group("who").lower().startswith("all"):
        mention = mention_at(sentence, m.start("who") + 4)
    return mention.role if mention else ""
