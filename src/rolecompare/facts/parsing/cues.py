"""The page's words for what a number is, as data (`metadata/cues.csv`).

`label` rows: a short label a value stands under ("Average Age", "Total Employment"), with the
metric, statistic and category it names. `noise` rows: the widget words a page prints between a
label and its value ("More", "Learn more", "ⓘ"). `modifier` rows: words a label may add
without changing what it names ("National", "10-year"). `education` rows: words that make a
label a level of education ("degree", "high school", "some college"). `employer` rows: the head
nouns of a kind of employer or an industry ("hospitals", "manufacturing"). `score` rows: the
words for a score a sentence rates ("work-life balance gets a rating of 7.2"). A new site's
wording is a row, not code.
Looking a line up costs one dictionary probe, whatever the vocabulary's size.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from rolecompare.facts.schema import METADATA_DIR


@dataclass(frozen=True)
class Cue:
    metric: str
    statistic: str | None
    category: str | None


@cache
def _rows() -> list[dict[str, str]]:
    with (METADATA_DIR / "cues.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def labels() -> dict[str, Cue]:
    """Label words (lower case, single-spaced) -> what they name."""
    return {
        r["words"]: Cue(r["metric"], r["statistic"] or None, r["category"] or None)
        for r in _rows()
        if r["kind"] == "label"
    }


@cache
def modifiers() -> frozenset[str]:
    """Words a label may add without changing what it names ("National", "10-year")."""
    return frozenset(r["words"] for r in _rows() if r["kind"] == "modifier")


def label_cue(words: str) -> Cue | None:
    """What label words name (`words_of`): the vocabulary's label, else the label left when
    the modifier words are dropped ("national median salary" -> "median salary")."""
    table = labels()
    cue = table.get(words)
    if cue is not None or not words:
        return cue
    split = words.split()
    kept = [w for w in split if w not in modifiers()]
    return table.get(" ".join(kept)) if kept and len(kept) < len(split) else None


@cache
def noise() -> frozenset[str]:
    return frozenset(r["words"] for r in _rows() if r["kind"] == "noise")


@cache
def employers() -> frozenset[str]:
    """Head nouns of a kind of employer or an industry ("hospitals", "government"): pay "in
    hospitals" is that employer type's, not the role's."""
    return frozenset(r["words"] for r in _rows() if r["kind"] == "employer")


@cache
def education_words() -> tuple[str, ...]:
    """Words that make a label a level of education ("Associate's degree", "Some college")."""
    return tuple(r["words"] for r in _rows() if r["kind"] == "education")


@cache
def education_pattern() -> re.Pattern[str]:
    """Any word of education, as one pattern ("degree", "high school", ...)."""
    words = "|".join(re.escape(w) for w in education_words())
    return re.compile(rf"\b(?:{words})(?!\w)|\bcredential|\bno formal\b", re.IGNORECASE)


@cache
def scores() -> dict[str, str]:
    """Words for a score a page rates ("work-life balance", lower case) -> the score metric."""
    return {r["words"]: r["metric"] for r in _rows() if r["kind"] == "score"}


def words_of(text: str) -> str:
    """A label's words as the vocabulary keeps them: lower case, single spaces, no colon."""
    return " ".join(text.strip().rstrip(":").lower().split())
