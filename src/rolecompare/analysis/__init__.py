"""Comparisons of roles computed from the tidy `facts` and `conflicts` tables.

Every function here is pure: it reads the two DataFrames (never modifies them) and returns a
small frozen dataclass or a tidy DataFrame. Nothing is printed, plotted or written.

Rules that hold throughout:

* A (role, metric, category) stated several times is *resolved*: statements that agree within
  their printed rounding give one value (the most precisely printed one); statements that
  disagree (the key is in `conflicts`, or the numbers cannot be roundings of one value) keep
  every distinct value. Nothing is averaged or silently chosen; where a single number is
  needed for a table column, the column holds the midpoint of the conflict range and sits
  next to `*_low` / `*_high` columns and a `conflict` flag.
* Missing data is normal: functions return None, an empty frame or NaN, never KeyError.
* A role id that does not occur in `facts` at all raises `UnknownRole` (except `us-average`,
  which only some pages publish: without it, results about it are simply missing).
* The columns of `facts` are not checked here: the pandera schema checks them where the table
  is loaded (`rolecompare.facts.tables.load_facts`).

Import everything from `rolecompare.analysis`; the modules of the package are private and
data flows one way between them: `_numbers` and `_facts` (the table and role ids) <-
`_resolve` (one key's statements into a `Resolved`) <- `_pay`, `_experience`,
`_demographics`, `_education` <- `_summary` (a pair's key numbers and the appendix);
`_collection` resolves every role of a collection at once (grouped pandas operations).
"""

from __future__ import annotations

from rolecompare.analysis._collection import resolved_numbers, roles_table
from rolecompare.analysis._context import (
    context_fingerprint,
    role_points,
    salary_context,
    us_average_statements,
)
from rolecompare.analysis._demographics import (
    DEMOGRAPHIC_COLUMNS,
    SHARE_METRICS,
    demographics_summary,
    dissimilarity,
    dissimilarity_index,
    share_differences,
    share_table,
    shares,
)
from rolecompare.analysis._education import (
    EDUCATION_METRICS,
    education_table,
    shared_skills,
    skills,
)
from rolecompare.analysis._experience import experience_table
from rolecompare.analysis._facts import (
    CONFLICT_COLUMNS,
    FACT_COLUMNS,
    US_AVERAGE,
    UnknownRole,
    known_roles,
    role_names,
)
from rolecompare.analysis._numbers import difference, percent_of, values_agree
from rolecompare.analysis._pay import (
    TOP_PAYING_METRICS,
    Overlap,
    PayGap,
    pay_gap,
    range_overlap,
    salary_overlap,
    salary_ranges,
    top_paying,
    versus_us_average,
)
from rolecompare.analysis._resolve import Resolved, missing_metric, resolve
from rolecompare.analysis._summary import PairSummary, conflicts_for, facts_used, pair_summary

__all__ = [
    "CONFLICT_COLUMNS",
    "DEMOGRAPHIC_COLUMNS",
    "EDUCATION_METRICS",
    "FACT_COLUMNS",
    "SHARE_METRICS",
    "TOP_PAYING_METRICS",
    "US_AVERAGE",
    "Overlap",
    "PairSummary",
    "PayGap",
    "Resolved",
    "UnknownRole",
    "conflicts_for",
    "context_fingerprint",
    "demographics_summary",
    "difference",
    "dissimilarity",
    "dissimilarity_index",
    "education_table",
    "experience_table",
    "facts_used",
    "known_roles",
    "missing_metric",
    "pair_summary",
    "pay_gap",
    "percent_of",
    "range_overlap",
    "resolve",
    "resolved_numbers",
    "role_names",
    "role_points",
    "roles_table",
    "salary_context",
    "salary_overlap",
    "salary_ranges",
    "share_differences",
    "share_table",
    "shared_skills",
    "shares",
    "skills",
    "top_paying",
    "us_average_statements",
    "values_agree",
    "versus_us_average",
]
