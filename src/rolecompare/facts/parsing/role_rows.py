"""Tables of one role per row, printed with spaces, under a header of statistic words only:

    MEDIAN HIGH LOW
    All Public Librarians 47,446 309,567 20,000
    Library Director 59,392 309,567 20,000
    Circulation 33,000 63,000 20,000

Each row is a label and exactly one yearly pay per column. A row whose label is a role phrase
('Library Director', 'All Public Librarians' -> public librarian) declares that role and its
figures are the role's; a row naming no role ('Circulation', a kind of work) is left to the
account of unread numbers. The column words are data: metadata/row_table_columns.csv.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from itertools import pairwise

from rolecompare.config import METADATA_DIR
from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import Token, find_numbers, token_fact
from rolecompare.facts.schema import metrics

MAX_ROWS = 60
_SPACES = re.compile(r"[ \t]+")
_HEADER_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _columns() -> dict[str, tuple[str, str | None]]:
    """Column word -> (metric, statistic)."""
    with (METADATA_DIR / "row_table_columns.csv").open(newline="", encoding="utf-8") as handle:
        return {r["word"]: (r["metric"], r["statistic"] or None) for r in csv.DictReader(handle)}


def _header(line: str) -> list[tuple[str, str | None]] | None:
    """'MEDIAN HIGH LOW' -> its columns; None unless every word is a column word (two or more)."""
    words = line.split()
    if len(words) < 2 or any(not _HEADER_WORD.fullmatch(w) for w in words):
        return None
    columns = [_columns().get(w.lower()) for w in words]
    if any(c is None for c in columns) or len(set(columns)) != len(columns):
        return None
    return [c for c in columns if c is not None]


def read_role_rows(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    for number, line in enumerate(lines, start=1):
        if line and number not in result.claimed and (columns := _header(line)):
            _rows(lines, number, columns, result, context)


def _row(line: str, width: int) -> tuple[str, list[Token]] | None:
    """A row's label and its numbers: exactly `width` yearly pays, spaces between them."""
    tokens = [t for t in find_numbers(line) if t.value is not None and not t.is_year]
    if len(tokens) != width or not line[: tokens[0].start].endswith(" "):
        return None
    if any(not _SPACES.fullmatch(line, a.end, b.start) for a, b in pairwise(tokens)):
        return None
    if line[tokens[-1].end :].strip() or any((t.value or 0) < 1000 for t in tokens):
        return None
    label = line[: tokens[0].start].strip()
    if not label or any(c.isdigit() for c in label):
        return None
    return label, tokens


def _rows(
    lines: list[str | None],
    header: int,
    columns: list[tuple[str, str | None]],
    result: PageResult,
    context: PageContext,
) -> None:
    found = 0
    for number in range(header + 1, min(len(lines), header + MAX_ROWS) + 1):
        row = _row(lines[number - 1] or "", len(columns))
        if row is None:
            break
        label, tokens = row
        role = _label_role(label, context)
        if role is None:
            continue
        role = context.roles.declare(role)
        for (metric, statistic), token in zip(columns, tokens, strict=True):
            if metrics()[metric].plausible(token.value or 0):
                result.facts.append(token_fact(role, metric, number, token, statistic=statistic))
                found += 1
        result.claimed.add(number)
    if found:
        result.claimed.add(header)
        result.layouts.add("role-rows")


def _label_role(label: str, context: PageContext) -> str | None:
    """The role a row's label names whole ('Library Director'); 'Library/ branch manager' is
    one name: a slash joins the words in front of a role phrase to it."""
    roles = context.roles
    if role := roles.role_phrase(label):
        return role
    mentions = roles.mentions(label)
    if len(mentions) == 1 and mentions[0].end == len(label):
        front = label[: mentions[0].start].rstrip()
        if front.endswith("/") and " " not in front.strip():
            return re.sub(r"/\s+", "/", label)
    return None
