"""Table cells: what each row label's cells look like, and splitting two glued cells apart.

A comparison table row names a metric ("Yearly salary") and holds one cell per role. Some
pages lost the column separators, so the two cells arrive glued ("$61,487$66,782",
"313,11061,089", "4442", "KLAAmazon"). A split is accepted only where both halves are
well-formed cells of the row's kind (thousands grouping, no leading zeros, '%' and '$' where
they belong), the numbers are plausible for the metric (from metrics.csv), and for text cells
only at a point where one capitalised text visibly ends and the next begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rolecompare.facts.parsing.text import NUMBER, SIGNED, Number, glue_points, read_number
from rolecompare.facts.schema import metrics

MISSING = {"-", "—", "–", "n/a", "N/A", "NA", "none", "None"}


@dataclass(frozen=True)
class CellValue:
    metric: str
    number: Number | None = None
    text: str | None = None
    category: str | None = None
    unit: str | None = None


Reader = Callable[
    [str, str], list[CellValue] | None
]  # (cell, metric) -> values, [] missing, None bad

_MONEY = re.compile(rf"\$\s?({NUMBER})")
_PERCENT = re.compile(rf"({SIGNED})\s?%")
_PLAIN = re.compile(rf"({SIGNED})")
_DEGREE = re.compile(rf"([^,%$]*[^,%$\s]),\s*({NUMBER})\s?%")
_RANGE = re.compile(
    rf"(?:between\s+)?\$\s?({NUMBER})\s*(?:and|to|-|–)\s*\$\s?({NUMBER})", re.IGNORECASE
)
_TEXT = re.compile(r"\S(?:.*\S)?")
_SHARE = re.compile(rf"\s*([A-Za-z][^,%]*?),\s*({NUMBER})\s?%")
_SHARES = re.compile(rf"(?:\s*[A-Za-z][^,%]*?,\s*{NUMBER}\s?%)+\s*")


def _number_reader(pattern: re.Pattern[str]) -> Reader:
    def read(cell: str, metric: str) -> list[CellValue] | None:
        m = pattern.fullmatch(cell)
        if not m:
            return None
        number = read_number(m.group(1))
        return [CellValue(metric, number)] if number else None

    return read


def _read_degree(cell: str, metric: str) -> list[CellValue] | None:
    m = _DEGREE.fullmatch(cell)
    if not m:
        return None
    number = read_number(m.group(2))
    return [CellValue(metric, number, text=m.group(1).strip())] if number else None


def _read_range(cell: str, metric: str) -> list[CellValue] | None:
    m = _RANGE.fullmatch(cell)
    if not m:
        return None
    low, high = read_number(m.group(1)), read_number(m.group(2))
    if not low or not high or low.value > high.value:
        return None
    return [CellValue("salary_min", low), CellValue("salary_max", high)]


def _read_text(cell: str, metric: str) -> list[CellValue] | None:
    return [CellValue(metric, text=cell)] if _TEXT.fullmatch(cell) else None


def _read_shares(cell: str, metric: str) -> list[CellValue] | None:
    if not _SHARES.fullmatch(cell):
        return None
    values = []
    for name, printed in _SHARE.findall(cell):
        number = read_number(printed)
        if number is None:
            return None
        category = name.strip()
        if metric == "gender_share":
            category = category.lower()
        values.append(CellValue(metric, number, category=category))
    categories = [v.category for v in values]
    total = sum(v.number.value for v in values if v.number)
    if len(set(categories)) != len(categories) or total > 100.5:
        return None
    return values


READERS: dict[str, Reader] = {
    "money": _number_reader(_MONEY),
    "percent": _number_reader(_PERCENT),
    "number": _number_reader(_PLAIN),
    "degree": _read_degree,
    "range": _read_range,
    "text": _read_text,
    "shares": _read_shares,
}


@dataclass(frozen=True)
class RowSpec:
    label: str
    kind: str
    metric: str
    statistic: str | None = None  # "mean" where the label says "Average"


# The row labels of comparison tables (matched case-insensitively), site vocabulary.
ROW_SPECS: dict[str, RowSpec] = {
    spec.label.lower(): spec
    for spec in [
        RowSpec("Yearly salary", "money", "salary_yearly"),
        RowSpec("Average salary", "money", "salary_yearly", "mean"),
        RowSpec("Hourly rate", "money", "salary_hourly"),
        RowSpec("Growth rate", "percent", "growth_rate"),
        RowSpec("Number of jobs", "number", "jobs_count"),
        RowSpec("Job satisfaction", "number", "job_satisfaction"),
        RowSpec("Most common degree", "degree", "degree_top"),
        RowSpec("Average age", "number", "age", "mean"),
        RowSpec("Years of experience", "number", "experience_years"),
        RowSpec("Salary range", "range", "salary_min"),
        RowSpec("Highest paying city", "text", "top_city"),
        RowSpec("Highest paying state", "text", "top_state"),
        RowSpec("Best paying company", "text", "top_company"),
        RowSpec("Best paying industry", "text", "top_industry"),
        RowSpec("Most common major", "text", "major_top"),
        RowSpec("Most common college", "text", "college_top"),
        RowSpec("Gender ratio", "shares", "gender_share"),
        RowSpec("Race ratio", "shares", "race_share"),
        RowSpec("LGBT percentage", "percent", "lgbt_share"),
    ]
}
# Longest first, so that "Average salary" is tried before a shorter label that prefixes it.
LABELS_LONGEST_FIRST = sorted(ROW_SPECS, key=len, reverse=True)


_LABEL_STARTS = frozenset(label[:4] for label in ROW_SPECS)


def match_label(line: str) -> tuple[RowSpec, str] | None:
    """'Yearly salary$61,487$66,782' -> (spec, '$61,487$66,782')."""
    lowered = line.lower()
    if lowered[:4] not in _LABEL_STARTS:  # most lines: no label can start them
        return None
    for label in LABELS_LONGEST_FIRST:
        if lowered.startswith(label):
            rest = line[len(label) :]
            # 'Hourly rates for ...' is a sentence, not the 'Hourly rate' row; 'Number of Jobs,
            # 2022' is a handbook's label, not a glued row
            if rest[:1].islower() or rest[:1] in ",;:(":
                return None
            return ROW_SPECS[label], rest
    return None


def implausible(values: list[CellValue]) -> str | None:
    """Why a cell's numbers cannot be right for their metric, or None."""
    for value in values:
        metric = metrics()[value.metric]
        if value.number is not None and not metric.plausible(value.number.value):
            return (
                f"{value.number.printed} is outside the plausible range for {value.metric} "
                f"({metric.low:g} to {metric.high:g})"
            )
    return None


def read_cell(spec: RowSpec, cell: str) -> list[CellValue] | None:
    """One separated cell: values, [] when the page prints it as missing, None when unreadable."""
    cell = cell.strip()
    if cell in MISSING:
        return []
    return READERS[spec.kind](cell, spec.metric)


# Splitting tries every point, each a match of both halves: quadratic in the row's length.
# Real glued rows stay under ~500 characters; longer ones are reported, not split.
MAX_GLUED_CHARS = 1_000


class RowTooLong(ValueError):
    pass


def split_glued(spec: RowSpec, glued: str) -> list[tuple[list[CellValue], list[CellValue]]]:
    """Every plausible way to read `glued` as two cells of the row's kind."""
    glued = glued.strip()
    if len(glued) > MAX_GLUED_CHARS:
        raise RowTooLong(f"{len(glued):,} characters")
    if spec.kind == "text":
        points = set(glue_points(glued))
    else:  # never inside a word or beside a space: saves trying hundreds of hopeless splits
        points = {
            i
            for i in range(1, len(glued))
            if not (glued[i - 1].isalpha() and glued[i].isalpha())
            and not glued[i - 1].isspace()
            and not glued[i].isspace()
        }
    for marker in MISSING:  # a missing value glued to a real one: 'KLA-', '-Amazon'
        if glued.endswith(marker) and len(glued) > len(marker):
            points.add(len(glued) - len(marker))
        if glued.startswith(marker) and len(glued) > len(marker):
            points.add(len(marker))
    candidates = []
    for i in sorted(points):
        left, right = glued[:i], glued[i:]
        if left != left.strip() or right != right.strip():
            continue
        a, b = read_cell(spec, left), read_cell(spec, right)
        if a is None or b is None or implausible(a) or implausible(b):
            continue
        candidates.append((a, b))
    return candidates
