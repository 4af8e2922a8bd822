"""Scores stated in sentences: "Work-life balance gets a rating of 7.2", "its stress level is
rated at 4". The score words are `score` rows of `metadata/cues.csv` (a new site's word for a
score is a row, not code); the value must fit the metric's range (0-10).
"""

from __future__ import annotations

import re
from functools import cache

from rolecompare.facts.parsing.cues import scores as score_words
from rolecompare.facts.parsing.sentences import Found, Sentence
from rolecompare.facts.parsing.trends import head


@cache
def _rated() -> re.Pattern[str]:
    names = "|".join(re.escape(w) for w in sorted(score_words(), key=len, reverse=True))
    return re.compile(
        rf"\b(?P<label>{names})\s+(?:is|was|gets|got|has|earns|receives|scores)\s+"
        r"(?:(?:a|an)\s+)?(?:rated|rating|score)?\s*(?:of|at)?\s*$",
        re.IGNORECASE,
    )


def scores(sentence: Sentence) -> list[Found]:
    lower = sentence.text.lower()
    if "rat" not in lower and "score" not in lower:  # cheap test before any regex
        return []
    out: list[Found] = []
    for token in sentence.line.tokens_in(sentence.span):
        if token.kind != "number" or token.is_year:
            continue
        if m := _rated().search(head(sentence, token)):
            metric = score_words()[" ".join(m.group("label").lower().split())]
            out.append(Found(metric, token, unit="score"))
    return out
