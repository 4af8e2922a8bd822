"""Numbers and dates as a page prints them, with where they stand on the line.

`find_numbers` lists every printed number of a line once, as the page printed it ("$52,980",
"0.6 %", "$ 40.37", "48.2 million", "13-2011", "2022-32", "703-739-2330"), with its value where
it has one ("3.1 million" is 3100000). `find_periods` lists the dates and periods a line names,
normalised: "May 2022" -> "2022-05", "in 2010" -> "2010", "from 2022 to 2032" and "2022-32" ->
"2022-2032", the school year "2020–21" -> "2020-2021". `qualifier_at` reads how exact a
number is from the words around it ("about", "more than", "or less", ...).

Every pattern here is linear in the line's length (no nested unbounded repeats), so that a
hostile 20,000-character line costs milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rolecompare.facts.parsing.model import RawFact
from rolecompare.facts.schema import metrics

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "b": 1e9}

_TOKEN = re.compile(
    # every number starts with one of these: a cheap test before the alternatives (3x faster)
    r"(?=[\d$£€¥₹ACNRSU−-])"
    r"(?:(?P<phone>(?<!\d)\d{3}[-/]\d{3}-\d{4}(?!\d))"
    r"|(?P<code>(?<![\d.,])\d{2}-\d{4}(?!\d))"  # occupation codes: 13-2011
    r"|(?P<span>(?<![\d.,$])(?:19|20)\d\d ?[-–] ?(?:(?:19|20)\d\d|\d\d)(?![\d%]))"
    r"|(?P<num>(?P<sign>(?<![\w.])[-−](?=[$\d]))?"
    r"(?P<cur>(?:AU|A|CA|C|NZ|US|S|R)?\$ ?|[£€¥₹] ?)?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale> (?:thousand|million|billion)\b|[KMB](?![a-z\d])|k\b)?"
    r"(?P<pct> ?%)?"
    r"(?P<suffix>[a-z](?![a-zA-Z]))?))"
)


@dataclass(frozen=True)
class Token:
    """One printed number: its place on the line, the text as printed, and its value."""

    start: int
    end: int
    printed: str
    value: float | None  # None for codes, phone numbers and year spans
    kind: str  # "number", "money", "percent", "span", "code", "phone"
    digits: str = ""  # the digits as printed, without grouping commas ("19.80")
    scaled: bool = False  # "3.1 million"
    is_year: bool = False  # a plain four-digit year, 1900-2099

    @property
    def plain(self) -> str:
        """The value as facts keep it printed: '19.80', '-3', '3100000' for '3.1 million'."""
        if self.value is None:
            return ""
        if self.scaled:
            return f"{self.value:.6f}".rstrip("0").rstrip(".")
        return ("-" if self.value < 0 else "") + self.digits


_DIGIT = re.compile(r"\d")
_FOOTNOTE_DECIMAL = re.compile(r"^\d{4,}\.\d$")
_SPACED_GROUPS = re.compile(r"(?:, \d{3}(?!\d|[,.]\d))+")


@lru_cache(maxsize=8192)
def _tokens(line: str) -> tuple[Token, ...]:
    if not _DIGIT.search(line):
        return tuple(_word_numbers(line, [])) if _SCALE_WORD.search(line) else ()
    out = []
    for m in _TOKEN.finditer(line):
        printed = m.group(0)
        if m.group("num") is None:
            kind = "phone" if m.group("phone") else "code" if m.group("code") else "span"
            out.append(Token(m.start(), m.end(), printed, None, kind))
            continue
        if out and out[-1].end > m.start():
            continue  # the rest of an amount printed with a space after its comma
        digits = m.group("digits").replace(",", "")
        short = len(m.group("digits")) <= 3 and not m.group("scale") and not m.group("pct")
        if m.group("cur") and short and (spaced := _SPACED_GROUPS.match(line, m.end())):
            # "$67, 540": an amount whose thousands a space parts from the rest
            digits += spaced.group(0).replace(",", "").replace(" ", "")
            printed = line[m.start() : spaced.end()]
        if m.group("cur") and _FOOTNOTE_DECIMAL.search(digits) and not m.group("scale"):
            # "$66,020.1": pay has no single decimal digit above $1,000; the 1 is a footnote
            digits = digits[:-2]
            printed = printed[: len(printed) - 2]
        value = float(digits)
        if scale := m.group("scale"):
            value = round(value * _SCALES[scale.strip().lower()], 6)
        if m.group("sign"):
            value = -value
        kind = "money" if m.group("cur") else "percent" if m.group("pct") else "number"
        scaled = bool(m.group("scale"))
        year = kind == "number" and not scaled and len(digits) == 4 and 1900 <= value <= 2099
        out.append(
            Token(m.start(), m.start() + len(printed), printed, value, kind, digits, scaled, year)
        )
    if _SCALE_WORD.search(line):
        out = sorted(out + _word_numbers(line, out), key=lambda t: t.start)
    return tuple(out)


_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "half a": 0.5,
}  # fmt: skip
_SCALE_WORD = re.compile(r"(?i:hundred|thousand|million|billion)")
_WORD_NUMBER = re.compile(
    r"\b(?P<n>(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|half a|a))\s+(?P<scale>(?i:hundred thousand|thousand|million|billion))\b"
)
_WORD_SCALES = {"hundred thousand": 1e5, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def _word_numbers(line: str, tokens: list[Token]) -> list[Token]:
    """'three million', 'half a million': numbers in words (a digit token wins a clash)."""
    out = []
    for m in _WORD_NUMBER.finditer(line):
        if any(t.start < m.end() and m.start() < t.end for t in tokens):
            continue
        value = _UNITS[m.group("n").lower()] * _WORD_SCALES[m.group("scale").lower()]
        plain = f"{value:.0f}"
        out.append(Token(m.start(), m.end(), m.group(0), value, "number", plain, True))
    return out


def find_numbers(line: str) -> list[Token]:
    """Every printed number on the line, left to right."""
    return list(_tokens(line))


_PERCENT_WORD = re.compile(r"\s?(?:percent|per cent)\b", re.IGNORECASE)


def is_percent(token: Token, line: str) -> bool:
    """'7%' or '7 percent'."""
    return token.kind == "percent" or (
        token.kind == "number" and _PERCENT_WORD.match(line, token.end) is not None
    )


# --- dates and periods ---------------------------------------------------------------------

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
_YEAR = r"(?:19|20)\d\d"
FULL_DATE = re.compile(rf"(?:{_WEEKDAY})?(?P<m>{_MONTH}) (?P<d>\d{{1,2}}),? (?P<y>{_YEAR})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH}) (?P<y>{_YEAR})\b")
_SPAN_WORDS = re.compile(
    rf"\b(?:from|between) (?P<a>{_YEAR}) (?:to|and|through) (?P<b>{_YEAR})\b"
    rf"|\b(?:from|between) (?P<c>{_YEAR}) ?[-–] ?(?P<d>{_YEAR}|\d\d)(?!\d)",
    re.IGNORECASE,
)
_SPAN_TOKEN = re.compile(rf"(?<![\d.,$])(?P<a>{_YEAR}) ?[-–] ?(?P<b>{_YEAR}|\d\d)(?![\d%])")
# a year that dates a statement: "in 2010", "as of 2012", "the 2019 median", "2013 - 7% male"
_POINT_YEAR = re.compile(
    rf"(?:\b(?i:in|of|for|the|during|as of)(?: early| late| mid-?)? |^\s*|\()"
    rf"(?P<y>{_YEAR})\b(?![-–]\d)"
)


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str  # "2022", "2022-05" or "2022-2032"
    kind: str  # "year", "month", "span" (a projection), "school" (a span of one year)
    years: tuple[int, ...] = ()

    @property
    def is_point(self) -> bool:
        """Dates a level (a count, a share, a wage) rather than a projection."""
        return self.kind != "span"


def _span(a: str, b: str, start: int, end: int) -> Period | None:
    first = int(a)
    last = int(b) if len(b) == 4 else (first // 100) * 100 + int(b)
    if last < first and len(b) == 2:
        last += 100
    if not 0 < last - first <= 50:
        return None
    kind = "school" if last - first == 1 and len(b) == 2 else "span"
    return Period(start, end, f"{first}-{last}", kind, (first, last))


@lru_cache(maxsize=8192)
def _periods(line: str) -> tuple[Period, ...]:
    if not _DIGIT.search(line):
        return ()
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(period: Period | None) -> None:
        if period is not None and free(period.start, period.end):
            found.append(period)
            taken.append((period.start, period.end))

    for m in FULL_DATE.finditer(line):  # a full date dates the page, not a statistic
        taken.append((m.start(), m.end()))
    for m in _SPAN_WORDS.finditer(line):
        if m.group("a"):
            add(_span(m.group("a"), m.group("b"), m.start(), m.end()))
        else:
            add(_span(m.group("c"), m.group("d"), m.start(), m.end()))
    for m in _SPAN_TOKEN.finditer(line):
        add(_span(m.group("a"), m.group("b"), m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(line):
        month = MONTHS[m.group("m")[:3].lower()]
        year = int(m.group("y"))
        add(Period(m.start(), m.end(), f"{year}-{month:02d}", "month", (year,)))
    for m in _POINT_YEAR.finditer(line):
        year = int(m.group("y"))
        add(Period(m.start("y"), m.end("y"), str(year), "year", (year,)))
    return tuple(sorted(found, key=lambda p: p.start))


def find_periods(line: str) -> list[Period]:
    """The periods a line names, left to right (full dates such as page dates excluded)."""
    return list(_periods(line))


# --- how exact ------------------------------------------------------------------------------

_BEFORE = re.compile(
    r"(?P<q>~|≈|about|around|approximately|roughly|an estimated|estimated|some"
    r"|more than|over|above|greater than|equal to or greater than|at least"
    r"|less than|under|below|fewer than|just under"
    r"|nearly|almost|close to|up to|at most)\s*$",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\s*(?:or|of) (?P<q>more|higher|above|less|lower|fewer)\b", re.IGNORECASE)
_QUALIFIERS = {
    "~": "approximate",
    "≈": "approximate",
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "roughly": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "some": "approximate",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "greater than": "more than",
    "equal to or greater than": "at least",
    "at least": "at least",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
    "fewer than": "less than",
    "just under": "less than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "up to": "at most",
    "at most": "at most",
    "more": "at least",
    "higher": "at least",
    "above_after": "at least",
    "less": "at most",
    "lower": "at most",
    "fewer": "at most",
}


def qualifier_at(line: str, token: Token) -> str | None:
    """The page's word for how exact `token` is (metadata/vocabularies.csv), or None."""
    if m := _AFTER.match(line, token.end):
        word = m.group("q").lower()
        return _QUALIFIERS["above_after" if word == "above" else word]
    if m := _BEFORE.search(line[max(0, token.start - 30) : token.start]):
        return _QUALIFIERS[m.group("q").lower()]
    return None


def token_fact(role: str, metric: str, line: int, token: Token | None = None, **kw) -> RawFact:
    """A fact whose number is `token` (as printed, with where it stands on its line); the
    unit defaults to the metric's."""
    return RawFact(
        role=role,
        metric=metric,
        line=line,
        value=token.value if token else None,
        printed=token.plain if token else None,
        unit=kw.pop("unit", None) or metrics()[metric].unit or None,
        where=(token.start, token.end) if token else None,
        **kw,
    )
