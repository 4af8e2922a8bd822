"""Comparisons of roles computed from the tidy `facts` and `conflicts` tables.

Every function here is pure: it reads the two DataFrames (never modifies them) and returns a
small frozen dataclass or a tidy DataFrame. Nothing is printed, plotted or written.

Rules that hold throughout:

* A (role, metric, category) stated several times is *resolved*: statements that agree within
  their printed rounding and qualifiers give one value (an unqualified, most precisely
  printed one); statements that disagree (the key is in `conflicts`, or the numbers cannot
  be roundings of one value) keep every distinct value. Nothing is averaged or silently
  chosen.
* Like with like: a mean is compared with a mean and a median with a median (`statistic`;
  a figure whose page does not say is compared with the one statistic the other side
  states). `pay_gaps` gives one gap per shared statistic; `unlike_statistics` says when two
  roles share none, so that nothing is subtracted.
* Derived numbers are marked. Table columns hold stated values only: where the sources
  disagree the column is NaN and `*_low` / `*_high` hold the smallest and largest
  statement. Numbers no page states (differences, gaps, percents, ratios, indices, and the
  `*_midpoint` positions a figure needs) are documented as DERIVED and listed in the
  table's `frame.attrs["derived"]`; `Resolved.point` is a midpoint only when
  `point_is_derived`.
* Numbers are returned unrounded; `round_money`, `round_percent`, `round_points`,
  `round_years` and their `*_text` forms round each kind of number one way for every
  display.
* Missing data is normal: functions return None, an empty frame or NaN, never KeyError.
* A role id that does not occur in `facts` at all raises `UnknownRole` (except `us-average`,
  which only some pages publish: without it, results about it are simply missing).
* The columns of `facts` are not checked here: the pandera schema checks them where the table
  is loaded (`rolecompare.facts.tables.load_facts`).

Import everything from `rolecompare.analysis`; the modules of the package are private and
data flows one way between them: `_numbers` and `_facts` (the table and role ids) <-
`_resolve` (one key's statements into a `Resolved`; `_cells` as table cells) <- `_like`
(which statistics of two roles compare) <- `_pay`, `_ranges`, `_experience`,
`_demographics`, `_education` <- `_summary` (a pair's key numbers and the appendix);
`_compare` sets two roles side by side, metric by metric; `_collection` resolves every role
of a collection at once (grouped pandas operations: roles table, ranking); `_similarity`
says how alike roles are (`build --pairs nearest:K`);
`rolecompare.core.display` rounds for display (re-exported here).
"""

from __future__ import annotations

from rolecompare.analysis._collection import (
    RANK_COLUMNS,
    rank_against,
    resolved_numbers,
    roles_table,
)
from rolecompare.analysis._compare import (
    COMPARE_COLUMNS,
    DERIVED_COMPARE_COLUMNS,
    compare_roles,
)
from rolecompare.analysis._demographics import (
    DEMOGRAPHIC_COLUMNS,
    SHARE_METRICS,
    demographics_summary,
    dissimilarity,
    dissimilarity_index,
    share_differences,
    share_distributions,
    share_table,
    shares,
)
from rolecompare.analysis._education import (
    EDUCATION_METRICS,
    education_table,
    shared_skills,
    skills,
)
from rolecompare.analysis._experience import DERIVED_EXPERIENCE_COLUMNS, experience_table
from rolecompare.analysis._facts import (
    CONFLICT_COLUMNS,
    FACT_COLUMNS,
    US_AVERAGE,
    UnknownRole,
    known_roles,
)
from rolecompare.analysis._like import LikePair, UnlikeStatistics, like_pairs, unlike_statistics
from rolecompare.analysis._numbers import (
    difference,
    percent_of,
    statements_agree,
    values_agree,
)
from rolecompare.analysis._pay import (
    TOP_PAYING_METRICS,
    US_AVERAGE_COLUMNS,
    PayGap,
    pay_gap,
    pay_gaps,
    top_paying,
    versus_us_average,
)
from rolecompare.analysis._ranges import Overlap, range_overlap, salary_overlap, salary_ranges
from rolecompare.analysis._resolve import (
    STATISTIC_PREFERENCE,
    Resolved,
    missing_metric,
    resolve,
    stated_statistics,
    statistic_word,
)
from rolecompare.analysis._salary_context import (
    CONTEXT_COLUMNS,
    context_fingerprint,
    role_points,
    salary_context,
    us_average_statements,
)
from rolecompare.analysis._similarity import nearest_pairs, similarity_matrix
from rolecompare.analysis._summary import PairSummary, conflicts_for, facts_used, pair_summary
from rolecompare.core.display import (
    money_text,
    percent_text,
    plain_number,
    points_text,
    round_half_up,
    round_money,
    round_percent,
    round_points,
    round_years,
    years_number,
    years_text,
)
from rolecompare.core.roles import role_names

__all__ = [
    "COMPARE_COLUMNS",
    "CONFLICT_COLUMNS",
    "CONTEXT_COLUMNS",
    "DEMOGRAPHIC_COLUMNS",
    "DERIVED_COMPARE_COLUMNS",
    "DERIVED_EXPERIENCE_COLUMNS",
    "EDUCATION_METRICS",
    "FACT_COLUMNS",
    "RANK_COLUMNS",
    "SHARE_METRICS",
    "STATISTIC_PREFERENCE",
    "TOP_PAYING_METRICS",
    "US_AVERAGE",
    "US_AVERAGE_COLUMNS",
    "LikePair",
    "Overlap",
    "PairSummary",
    "PayGap",
    "Resolved",
    "UnknownRole",
    "UnlikeStatistics",
    "compare_roles",
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
    "like_pairs",
    "missing_metric",
    "money_text",
    "nearest_pairs",
    "pair_summary",
    "pay_gap",
    "pay_gaps",
    "percent_of",
    "percent_text",
    "plain_number",
    "points_text",
    "range_overlap",
    "rank_against",
    "resolve",
    "resolved_numbers",
    "role_names",
    "role_points",
    "roles_table",
    "round_half_up",
    "round_money",
    "round_percent",
    "round_points",
    "round_years",
    "salary_context",
    "salary_overlap",
    "salary_ranges",
    "share_differences",
    "share_distributions",
    "share_table",
    "shared_skills",
    "shares",
    "similarity_matrix",
    "skills",
    "stated_statistics",
    "statements_agree",
    "statistic_word",
    "top_paying",
    "unlike_statistics",
    "us_average_statements",
    "values_agree",
    "versus_us_average",
    "years_number",
    "years_text",
]
