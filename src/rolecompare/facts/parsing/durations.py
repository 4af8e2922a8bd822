"""How long training takes, stated in a sentence: "on-the-job training, which usually lasts
between 3 to 6 months", "training takes 3-6 months" -> training_months_min and _max (undated).
The role is the sentence's (else the page's); a sentence about another role gives none.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.sentences import Found, Sentence

_TRAINING_MONTHS = re.compile(
    r"\btraining\b[^.;]{0,60}?\b(?:lasts?|lasting|takes?|taking|runs?|running|of|for)\s+"
    r"(?:(?:about|around|roughly|usually|typically|generally)\s+)?"
    r"(?:between\s+|from\s+|anywhere from\s+)?(?P<a>\d{1,2})\s*(?:to|-|–|and)\s*(?P<b>\d{1,2})"
    r"\s+months\b",
    re.IGNORECASE,
)


def training(sentence: Sentence) -> list[Found]:
    if "training" not in sentence.text.lower():
        return []
    line, base, out = sentence.line, sentence.span.start, []
    for m in _TRAINING_MONTHS.finditer(sentence.text):
        low, high = line.token_at(base + m.start("a")), line.token_at(base + m.start("b"))
        if low is None or high is None or (low.value or 0) > (high.value or 0):
            continue
        out.append(Found("training_months_min", low, period=""))
        out.append(Found("training_months_max", high, period=""))
    return out
