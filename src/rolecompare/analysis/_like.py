"""Like with like: which statistics of two roles may be compared (a median with a median).

Each role's numbers of a key are compared as the statistics `stated_statistics` gives
("mean", "median", or "" when no statement says which). Between two roles the same rule as
within one role (`facts.agreement.effective`) applies to the pooled statistics: a side that
never says which takes the one statistic the other side states; when the two sides state
several between them, only equal statistics are compared. When both roles state the metric
but no statistic is shared (one only a median, the other only an average),
`unlike_statistics` says so, so that a report says it in words instead of subtracting.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from rolecompare.analysis._cells import _numeric
from rolecompare.analysis._facts import _check_roles
from rolecompare.analysis._resolve import (
    STATISTIC_PREFERENCE,
    Resolved,
    stated_statistics,
    statistic_word,
)
from rolecompare.facts.agreement import effective


@dataclass(frozen=True)
class LikePair:
    """The two roles' numbers of one statistic (`statistic` "" when neither says which)."""

    statistic: str
    a: Resolved
    b: Resolved


@dataclass(frozen=True)
class UnlikeStatistics:
    """Both roles state the metric, but only as different statistics: not comparable.

    `a` and `b` hold each role's numbers, one `Resolved` per statistic it states, so that a
    sentence can give both ("an average of $66,782; a median of $41,181").
    """

    role_a: str
    role_b: str
    metric: str
    a: tuple[Resolved, ...]
    b: tuple[Resolved, ...]

    @property
    def statistics_a(self) -> tuple[str, ...]:
        return tuple(r.statistic for r in self.a)

    @property
    def statistics_b(self) -> tuple[str, ...]:
        return tuple(r.statistic for r in self.b)

    def __str__(self) -> str:
        def words(stats: tuple[str, ...]) -> str:
            named = [statistic_word(s) if s else "figure that does not say which" for s in stats]
            return " and ".join(named)

        return (
            f"{self.metric}: {self.role_a} states {words(self.statistics_a)}, "
            f"{self.role_b} {words(self.statistics_b)}; unlike statistics, not compared"
        )


def _pooled(sa: tuple[str, ...], sb: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Each side's statistics after the between-roles rule (see the module docstring)."""
    mapped = effective([*sa, *sb])
    return mapped[: len(sa)], mapped[len(sa) :]


def like_pairs(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    metric: str,
    category: str | None = None,
) -> list[LikePair]:
    """The numbers of the two roles paired like with like, one pair per shared statistic, in
    `STATISTIC_PREFERENCE` order (mean, median, unstated)."""
    _check_roles(facts, [role_a, role_b])
    sa = stated_statistics(facts, role_a, metric, category)
    sb = stated_statistics(facts, role_b, metric, category)
    if not sa or not sb:
        return []
    ma, mb = _pooled(sa, sb)
    pairs = []
    for statistic in STATISTIC_PREFERENCE:
        if statistic not in ma or statistic not in mb:
            continue
        # resolve each side with its own statistic ("" for a side that never says which)
        own_a = sa[ma.index(statistic)]
        own_b = sb[mb.index(statistic)]
        a = _numeric(facts, conflicts, role_a, metric, category, own_a)
        b = _numeric(facts, conflicts, role_b, metric, category, own_b)
        if a is not None and b is not None:
            pairs.append(LikePair(statistic, a, b))
    return pairs


def unlike_statistics(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    metric: str = "salary_yearly",
    category: str | None = None,
) -> UnlikeStatistics | None:
    """Set when both roles state the metric but share no statistic (so no gap is computed);
    None when they share one or either lacks the metric."""
    if like_pairs(facts, conflicts, role_a, role_b, metric, category):
        return None
    sides = []
    for role_id in (role_a, role_b):
        found = tuple(
            r
            for s in stated_statistics(facts, role_id, metric, category)
            if (r := _numeric(facts, conflicts, role_id, metric, category, s)) is not None
        )
        if not found:
            return None
        sides.append(found)
    return UnlikeStatistics(role_a, role_b, metric, sides[0], sides[1])
