"""A label and its value on one line, with no colon between, that no block reader took:

    Projected Annual Job Openings 1,700
    Percent Change +0 %
    Total Employment35,920          (a widget's label and value, glued)

The whole line is the label (a label of the cue vocabulary, `cues.label_cue`) and one value;
the value is the page's role's (or the role of its section). It runs with the sentence
readers, so the seed layouts' readers read their own rows first. An amount may also carry its
label in brackets after it: "$62,350 (median)".
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.cues import label_cue, words_of
from rolecompare.facts.parsing.sentences import Found, Sentence
from rolecompare.facts.schema import metrics

_LABEL_VALUE = re.compile(
    r"^\s*(?P<label>[A-Za-z][A-Za-z ()'’/-]{2,46}?)\s*"  # glued in widgets: "Job growth18%"
    r"(?P<value>[~≈+−-]?\s*\$?\d[\d,.]*\s*(?:%|[kKMB])?)\s*$"
)


def label_row(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if sentence.span.start or len(line.text) > 64 or line.context.roles.pair is not None:
        return []
    m = _LABEL_VALUE.match(line.text)
    cue = label_cue(words_of(m.group("label"))) if m else None
    if m is None or cue is None or not metrics()[cue.metric].has_number:
        return []
    tokens = [t for t in line.tokens if t.start >= m.start("value") and t.value is not None]
    if len(tokens) != 1 or tokens[0].is_year:
        return []
    token = tokens[0]
    metric = cue.metric
    if metric == "salary_yearly" and (token.value or 0) < 1000:
        metric = "salary_hourly"
    if metrics()[metric].unit == "percent" and token.kind == "money":
        return []
    return [Found(metric, token, statistic=cue.statistic, category=cue.category)]


# "$39,430 (entry)$62,350 (median)$106,030 (top)": an amount labelled in brackets after it
_BRACKETED = re.compile(
    r"\s*\((?P<w>median|mean|average)(?:\s+(?:salary|pay|wage|income))?\)", re.IGNORECASE
)


def bracketed_label(sentence: Sentence) -> list[Found]:
    line = sentence.line
    if "(" not in sentence.text:
        return []
    out = []
    for token in line.tokens_in(sentence.span):
        if token.kind != "money" or token.value is None:
            continue
        if m := _BRACKETED.match(line.text, token.end):
            hourly = token.value < 1000
            statistic = "median" if m.group("w").lower() == "median" else "mean"
            out.append(Found("salary_hourly" if hourly else "salary_yearly", token,
                             statistic=statistic, unit="USD/hour" if hourly else "USD/year",
                             extra=[(m.start(), m.end())]))  # fmt: skip
    return out
