"""Every fact read from the seed pages, pinned: `tests/fixtures/seed_facts.csv` is the
expected table of the 277 facts of data/raw (every metric but the passages -- descriptions
and listed duties -- which tests/test_seed_pages.py pins on their own), compared exactly:
role_id, metric, category, value as printed in facts.csv, text, unit, statistic, qualifier,
period, source and line.

Checked by hand once (2026-12-01), row by row against the line of the page it names: the
prose and table rows of 000 (customer relations vs customer care manager), the glued tables
of 001 and 002 (e.g. `Number of jobs313,11061,089` = 313,110 and 61,089; `Years of
experience66` = 6 and 6), the profile page 003 (average $58,913, +26% New York City, -6%
Atlanta, £30,741 = $38,623 and AU$79,638 = $58,899, 10% growth 2019-2029 per the Bureau of
Labor Statistics, a minimum of 5 years) and the how-to-become page 004 (the score table with
the US average column, degree and skill shares, $41,181 or $20 per hour, $19.80 hourly).
A change to this table is a change to what the project reads from its own seeds: check the
page line again before updating the fixture.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "seed_facts.csv"
COLUMNS = [
    "role_id",
    "metric",
    "category",
    "value",
    "text",
    "unit",
    "statistic",
    "qualifier",
    "period",
    "source",
    "line",
]


def _as_printed(path: Path) -> pd.DataFrame:
    """A facts table exactly as written: every cell the string in the file ("" if empty)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keyed = frame.assign(_line=frame["line"].astype(int))
    order = ["source", "_line", "role_id", "metric", "category", "value", "text"]
    return keyed.sort_values(order).drop(columns="_line").reset_index(drop=True)


@pytest.fixture(scope="module")
def pinned() -> pd.DataFrame:
    return _sorted(_as_printed(FIXTURE))


@pytest.fixture(scope="module")
def read(seed_processed: Path) -> pd.DataFrame:
    from rolecompare.facts.schema import metrics

    facts = _as_printed(seed_processed / "facts.csv")
    passages = {name for name, metric in metrics().items() if metric.is_passage}
    return _sorted(facts.loc[~facts["metric"].isin(passages), COLUMNS])


def test_the_fixture_holds_the_277_seed_facts(pinned) -> None:
    assert list(pinned.columns) == COLUMNS
    assert len(pinned) == 277
    assert not pinned.duplicated().any()


def test_every_seed_fact_is_read_exactly_as_pinned(pinned, read) -> None:
    merged = pinned.merge(read, how="outer", on=COLUMNS, indicator=True)
    missing = merged[merged["_merge"] == "left_only"][COLUMNS]
    extra = merged[merged["_merge"] == "right_only"][COLUMNS]
    assert missing.empty and extra.empty, (
        f"\nno longer read:\n{missing.to_string()}\nnewly read:\n{extra.to_string()}"
    )
    pd.testing.assert_frame_equal(read, pinned)


def test_values_keep_their_printed_decimals(pinned) -> None:
    hourly = pinned[
        (pinned.metric == "salary_hourly") & (pinned.role_id == "customer-care-manager")
    ]
    assert set(hourly["value"]) == {"19.80", "20"}
    unknown = pinned[(pinned.metric == "race_share") & (pinned.category == "Unknown")]
    assert "4.80" in set(unknown["value"])
