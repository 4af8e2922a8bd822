"""Sentences about a pair of roles, generated from the analysis results and the pages' words.

Sentences are plain text: role names, skills, descriptions and other strings from untrusted
pages are put in as they are, and the templates that show them escape them (Jinja2 with
autoescaping), so page text always shows literally. A number a page states carries the
numbers of the pages that state it (`[1, 3]`, see `rolecompare.reporting.evidence`); a
number this report computes carries `DERIVED` ("†").

One module per part of the report: `names` (roles and metrics as a reader reads them),
`numbers` (one formatter per kind of number), `pay`, `demographics`, `education`
(experience and education), `duties` (what each role does), `summary` (key numbers,
disagreements) and `missing` (what the pages do not publish, once per section).
"""

from __future__ import annotations

from rolecompare.reporting.narrative.amounts import (
    DERIVED,
    cited,
    derived,
    format_money,
    format_number,
    format_percent,
    format_pp,
    format_value,
    percent_span,
    statement_value,
)
from rolecompare.reporting.narrative.demographics import (
    age_sentence,
    dissimilarity_sentence,
    distributions_sentence,
    gender_sentence,
    lgbt_sentence,
)
from rolecompare.reporting.narrative.duties import (
    Duties,
    role_duties,
    shared_skills_sentence,
    trim_passage,
)
from rolecompare.reporting.narrative.education import (
    become_sentence,
    degree_shares_sentence,
    education_sentences,
    experience_sentence,
)
from rolecompare.reporting.narrative.missing import missing_sentence
from rolecompare.reporting.narrative.names import (
    display_name,
    metric_label,
    plural,
    role_plural,
    role_singular,
    singular,
    statistic_word,
)
from rolecompare.reporting.narrative.pay import (
    overlap_sentence,
    pay_gap_sentence,
    unlike_sentence,
    us_average_sentences,
)
from rolecompare.reporting.narrative.summary import disagreements_sentence, key_number_sentences

__all__ = [
    "DERIVED",
    "Duties",
    "age_sentence",
    "become_sentence",
    "cited",
    "degree_shares_sentence",
    "derived",
    "disagreements_sentence",
    "display_name",
    "dissimilarity_sentence",
    "distributions_sentence",
    "education_sentences",
    "experience_sentence",
    "format_money",
    "format_number",
    "format_percent",
    "format_pp",
    "format_value",
    "gender_sentence",
    "key_number_sentences",
    "lgbt_sentence",
    "metric_label",
    "missing_sentence",
    "overlap_sentence",
    "pay_gap_sentence",
    "percent_span",
    "plural",
    "role_duties",
    "role_plural",
    "role_singular",
    "shared_skills_sentence",
    "singular",
    "statement_value",
    "statistic_word",
    "trim_passage",
    "unlike_sentence",
    "us_average_sentences",
]
