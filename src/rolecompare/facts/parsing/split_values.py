"""Values printed on the line under their label, as statistics widgets print them:

    Average Age
    More
    40.8

The label is a whole short line the cue vocabulary knows (`cues.labels`: "Average Age",
"Total Employment", "Median Salary, 2023"); the value is the next line that is a lone number
("40.8", "471k", "~1.7M", "$115.2K", "47%"), with only blank lines or widget words
(`cues.noise`: "More", "Learn more", "ⓘ") between. The value is the page's role's (a page about
one role; a two-role page gives none); the label's year dates it; "~" says it is approximate.
A widget may also print the amount first, with the label (and the role's name) under it:
"$95,570" / "Financial Analysts" / "Median Annual Salary, 2021".
"""

from __future__ import annotations

import re
from dataclasses import replace

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.cues import Cue, education_pattern, label_cue, noise, words_of
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import (
    Token,
    find_numbers,
    find_periods,
    qualifier_at,
    token_fact,
)
from rolecompare.facts.schema import metrics

MAX_LABEL = 48  # characters: a label is a few words
MAX_GAP = 3  # lines of noise between a label and its value
MAX_TEXT = 60  # characters of a text value ("High school diploma")
MAX_VALUE = 48  # characters of a value's line ("8% (As fast as average)")
_LABEL_PERIOD = re.compile(
    r"(?:,|\bin\b|\bfrom\b|\()?\s*(?P<y>(?:19|20)\d\d)(?:\s?(?:[-–]|\bto\b)\s?(?:19|20)?\d\d)?"
    r"\)?\s*:?\s*$"
)
# what may follow a lone value: a unit word, a note in brackets ("8% (As fast as average)"),
# the end of a table cell
_VALUE_REST = re.compile(
    r"\s*(?:years?(?: old)?|per (?:year|hour)|a year|an hour|/\s*(?:yr|year|hr|hour)|jobs"
    r"|workers|people|employed|(?:total\s+)?(?:U\.S\.\s+|US\s+)?employees)?"
    r"(?:\s*\([^()\d]{1,40}\))?\s*\|?\s*$",
    re.IGNORECASE,
)
_VALUE_HEAD = re.compile(r"^\W*$")  # "~", "+", an arrow or emoji before the number
_DIGIT = re.compile(r"\d")
# a rank under its amount: "10th percentile", and in a run of them "10%" or "Median"
_RANK_LABEL = re.compile(
    r"^\s*(?:(?P<n>[1-9]\d?)(?:st|nd|rd|th) percentile|(?P<p>10|25|75|90)\s?%|(?P<m>Median))\s*$",
    re.IGNORECASE,
)
_MARKED = re.compile(r"^\s*(?:[~≈]\s*)?(?:\$|[+−-]\s*\$?\d|\d[\d,.]*\s*%\s*$)")
# an unmarked value read above its label only as a count printed with its thousands ("49,450")
_GROUPED = re.compile(r"^\s*\d{1,3}(?:,\d{3})+\s*$")
_HOURLY = re.compile(r"hour|/\s*hr", re.IGNORECASE)


def _label(line: str) -> tuple[Cue, str | None] | None:
    """What a label line names, with its year or span, or None (one dictionary probe)."""
    line = line.strip().strip("|").strip()  # a table's label cell
    if len(line) > MAX_LABEL:
        return None
    period = None
    if _DIGIT.search(line):
        m = _LABEL_PERIOD.search(line)
        if m is not None and m.start() == 0:
            return None
        if m is not None:
            spans = [p.text for p in find_periods(line) if p.kind in {"span", "school"}]
            period = spans[0] if spans else m.group("y")
            line = line[: m.start()]
    cue = label_cue(words_of(line))  # "10-Year Growth": digits that are a modifier word
    return (cue, period) if cue else None


def _lone_value(line: str) -> Token | None:
    """The one number of a line that holds nothing else but a unit word."""
    if len(line) > MAX_VALUE:
        return None
    tokens = find_numbers(line)
    if len(tokens) != 1 or tokens[0].value is None or tokens[0].is_year:
        return None
    token = tokens[0]
    if not _VALUE_HEAD.match(line[: token.start]) or not _VALUE_REST.match(line, token.end):
        return None
    return token


def read_split_values(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    roles = context.roles
    role = roles.subject or roles.main
    if role is None or roles.pair is not None:
        return
    skip = noise()
    main = role
    for number, line in enumerate(lines, start=1):
        if not line or number in result.claimed:
            continue
        label = _label(line)
        if label is None:
            sep = ":" if ":" in line else "|" if "|" in line else None
            if sep and len(line) <= MAX_LABEL + MAX_VALUE:  # "Median: $68,130", "Jobs | 98,600 |"
                if _label(line.strip().strip("|").partition(sep)[0]):
                    role = context.section_role(number) or main
                    _same_line(line, number, role, result, sep)
            elif (
                "$" in line
                and (below := _next_text(lines, number))
                and _RANK_LABEL.match(lines[below - 1] or "")
            ):  # "$41,080" above "10th percentile"
                role = context.section_role(number) or main
                _percentile_below(line, lines[below - 1] or "", number, below, role, result)
            elif (
                _MARKED.match(line)
                or (_GROUPED.match(line) and _after_value_label(lines, number, result))
            ) and (token := _lone_value(line)) is not None:
                # "$95,570" above "Financial Analysts" and "Median Annual Salary, 2021"; "+4,900"
                # above "Employment Change" (a value marked as one: "$", "%" or a sign)
                role = context.section_role(number) or main
                _label_below(lines, number, token, role, context, result)
            continue
        role = context.section_role(number) or main  # the role of the label's section
        if not metrics()[label[0].metric].has_number:
            _text_below(lines, number, label, role, result)
            continue
        for below in range(number + 1, min(len(lines), number + 1 + MAX_GAP) + 1):
            text = lines[below - 1]
            if text is None or not text.strip() or words_of(text) in skip:
                continue
            token = _lone_value(text) if below not in result.claimed else None
            if token is not None:
                _emit(label, token, text, role, number, below, result)
                _other_unit(lines, label, token, role, below, result)
            break


def _emit(
    label: tuple[Cue, str | None],
    token: Token,
    text: str,
    role: str,
    number: int,
    below: int,
    result: PageResult,
) -> None:
    cue, year = label
    metric = cue.metric
    if metric == "salary_yearly" and token.value is not None and token.value < 1000:
        metric = "salary_hourly" if _HOURLY.search(text) or token.value < 200 else metric
    kind = metrics()[metric]
    if token.value is None or not kind.plausible(token.value):
        return
    if kind.unit == "percent" and token.kind not in {"percent", "number"}:
        return
    if kind.unit.startswith("USD") and token.kind == "percent":
        return  # "Median salary, 2019–2024" over "+17.3%": a change of pay, not pay
    if kind.unit == "count" and "." in token.digits and not token.scaled:
        return  # "13.4" openings: a count in thousands the page does not say
    qualifier = "approximate" if "~" in text[: token.start] or "≈" in text[: token.start] else None
    fact = token_fact(
        role,
        metric,
        below,
        token,
        statistic=cue.statistic,
        category=cue.category,
        qualifier=qualifier or qualifier_at(text, token),
        period=year,
        text=_note(text, token) if metric == "growth_projected" else None,
    )
    result.facts.append(fact)
    result.claimed |= {number, below}
    result.layouts.add("statistics")


_NOTE = re.compile(r"\s*(?:%|percent)?\s*\((?P<note>[^()\d]{1,40})\)")


def _note(text: str, token: Token) -> str | None:
    """The page's words in brackets after a rate: '8% (As fast as average)', '-3% (decline)'."""
    m = _NOTE.match(text, token.end)
    return m.group("note").strip() if m else None


def _other_unit(
    lines: list[str | None],
    label: tuple[Cue, str | None],
    token: Token,
    role: str,
    number: int,
    result: PageResult,
) -> None:
    """'$62,350' then '$29.98/hr': the same pay per hour on the next line (or per year)."""
    if label[0].metric not in _PAY_UNITS or number >= len(lines) or number + 1 in result.claimed:
        return
    text = lines[number] or ""
    other = _lone_value(text)
    if other is None or other.kind != "money" or token.value is None or other.value is None:
        return
    if (other.value < 1000) == (token.value < 1000):
        return  # not the other unit: a second figure the label does not name
    metric = "salary_hourly" if other.value < 1000 else "salary_yearly"
    _emit((Cue(metric, label[0].statistic, None), label[1]), other, text, role, number,
          number + 1, result)  # fmt: skip


_PAY_UNITS = frozenset({"salary_yearly", "salary_hourly"})
# "Oregon ($97,320)" under "Top-Paying State": the place, and its pay in brackets
_NAMED_AMOUNT = re.compile(r"^\s*(?P<name>[A-Z][^($\d]{1,40}?)\s*\(\s*(?=\$)")
_TOP_PAY = {"top_state": "salary_by_place", "top_city": "salary_by_place",
            "top_industry": "salary_by_industry"}  # fmt: skip


def _same_line(line: str, number: int, role: str, result: PageResult, sep: str = ":") -> None:
    lead = len(line) - len(line.lstrip().lstrip("|"))
    head, _, tail = line[lead:].partition(sep)
    head = line[:lead] + head
    label = _label(head)
    if label is None or not tail.strip():
        return
    if not metrics()[label[0].metric].has_number:
        if label[0].metric == "education_entry" and _TYPICAL.search(head):
            _text_value(tail, label[0].metric, role, number, result)
        return
    token = _lone_value(tail)
    if token is not None:
        offset = len(head) + 1
        token = replace(token, start=token.start + offset, end=token.end + offset)
        _emit(label, token, line, role, number, number, result)


# what the role typically needs, not one posting's wish ("Education: ... preferred")
_TYPICAL = re.compile(r"\b(?:typical|entry|required|minimum|usual)", re.IGNORECASE)
_TEXT_END = re.compile(r"\s*(?:;|\(|\||,\s+(?:though|but|and)\b)")


def _text_value(tail: str, metric: str, role: str, number: int, result: PageResult) -> None:
    """'Typical Education: No formal credential required; training varies': the text up to
    the first aside."""
    text = _TEXT_END.split(tail.strip(), maxsplit=1)[0].strip().rstrip(".")
    if not text or len(text) > MAX_TEXT or any(c.isdigit() for c in text):
        return
    result.facts.append(token_fact(role, metric, number, text=text))
    result.claimed.add(number)


def _text_below(
    lines: list[str | None],
    number: int,
    label: tuple[Cue, str | None],
    role: str,
    result: PageResult,
) -> None:
    """'Education:' then 'High school diploma': a text value on the next line."""
    if number >= len(lines) or number + 1 in result.claimed:
        return
    text = (lines[number] or "").strip()
    metric = label[0].metric
    if metric in _TOP_PAY and (m := _NAMED_AMOUNT.match(lines[number] or "")):
        _named_amount(lines[number] or "", m, metric, role, number + 1, result)
        return
    if not text or len(text) > MAX_TEXT or any(c.isdigit() for c in text) or text.endswith("."):
        return
    if _label(text) is not None or text.endswith(":"):
        return
    if label[0].metric == "education_entry" and not education_pattern().search(text):
        return  # "Minimum Education Level" over "Experience": a menu, not a value
    result.facts.append(token_fact(role, label[0].metric, number + 1, text=text))
    result.claimed |= {number, number + 1}


def _named_amount(
    line: str, m: re.Match[str], metric: str, role: str, number: int, result: PageResult
) -> None:
    """The top place or industry, and its pay: 'Oregon ($97,320)'."""
    name = m.group("name").strip()
    money = [t for t in find_numbers(line) if t.kind == "money" and t.start >= m.end()]
    result.facts.append(token_fact(role, metric, number, text=name))
    if money and money[0].value and money[0].value >= 1000:
        result.facts.append(token_fact(role, _TOP_PAY[metric], number, money[0], category=name))
    result.claimed |= {number - 1, number}
    result.consume(number, m.start("name"), m.end("name"))


def _after_value_label(lines: list[str | None], number: int, result: PageResult) -> bool:
    """Is the line above a label that stood under its value ('$73,690/year' / 'Median Pay'),
    so that the page prints values above labels ('49,450' / 'Number of Jobs')?"""
    above = number - 1
    while above > 0 and not (lines[above - 1] or "").strip():
        above -= 1
    return above > 0 and above in result.read_lines and above in result.claimed


def _next_text(lines: list[str | None], number: int) -> int | None:
    """The next line below `number` that is not blank, within MAX_GAP lines."""
    for below in range(number + 1, min(len(lines), number + 1 + MAX_GAP) + 1):
        if (lines[below - 1] or "").strip():
            return below
    return None


def _percentile_below(
    line: str, label: str, number: int, below: int, role: str, result: PageResult
) -> None:
    m = _RANK_LABEL.match(label)
    token = _lone_value(line) if m else None
    if m is None or token is None or token.kind != "money" or token.value is None:
        return
    rank = 50 if m.group("m") else int(m.group("n") or m.group("p"))
    hourly = token.value < 1000
    unit = "USD/hour" if hourly else "USD/year"
    if rank == 50:
        metric, category, statistic = (
            ("salary_hourly" if hourly else "salary_yearly"),
            None,
            "median",
        )
    else:
        metric = "salary_percentile_hourly" if hourly else "salary_percentile"
        category, statistic = str(rank), None
    if not metrics()[metric].plausible(token.value):
        return
    fact = token_fact(role, metric, number, token, category=category, statistic=statistic,
                      unit=unit)  # fmt: skip
    result.facts.append(fact)
    result.claimed |= {number, below}
    result.read_lines.add(below)


def _label_below(
    lines: list[str | None],
    number: int,
    token: Token,
    role: str,
    context: PageContext,
    result: PageResult,
) -> None:
    """A lone amount with its label under it, maybe with a line naming only the role between."""
    for below in range(number + 1, min(len(lines), number + MAX_GAP) + 1):
        text = (lines[below - 1] or "").strip()
        if not text or below in result.claimed:
            return
        label = _label(text)
        if label is not None:
            if metrics()[label[0].metric].has_number:
                _emit(label, token, lines[number - 1] or "", role, below, number, result)
                result.read_lines.add(below)  # the label's year dates the amount above
            return
        mentions = context.roles.mentions(text)
        if len(mentions) != 1 or mentions[0].start > 0 or mentions[0].end < len(text.rstrip(":")):
            return  # neither a label nor a line that only names the role
        role = mentions[0].role
