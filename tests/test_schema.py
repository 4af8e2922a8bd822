"""Schemas are data: metadata drives validation and the README's contract."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.errors
import pytest

from rolecompare.facts import schema

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_contract_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- contract:start -->\n", 1)[1].split("<!-- contract:end -->", 1)[0]
    assert block == schema.contract_markdown()


def test_facts_columns_are_exactly_the_contract() -> None:
    assert schema.columns("facts") == [
        "role_id", "role", "metric", "category", "value", "text", "unit",
        "statistic", "qualifier", "period", "source", "line",
    ]  # fmt: skip


def _fact(**overrides) -> pd.DataFrame:
    row = dict(role_id="a-b", role="A b", metric="salary_yearly", category=None, value=1.0,
               text=None, unit="USD/year", statistic=None, qualifier=None, period=None,
               source="x.txt", line=3)  # fmt: skip
    row.update(overrides)
    return pd.DataFrame([row])


@pytest.mark.parametrize(
    "overrides",
    [
        {"metric": "salary_weekly"},
        {"role_id": "Not A Slug"},
        {"line": -1},
        {"source": None},
        {"statistic": "mode"},
        {"qualifier": "maybe"},
    ],
)
def test_validation_rejects_bad_rows(overrides) -> None:
    with pytest.raises(pandera.errors.SchemaErrors):
        schema.validate("facts", _fact(**overrides))


def test_validation_rejects_extra_columns() -> None:
    with pytest.raises(pandera.errors.SchemaErrors):
        schema.validate("facts", _fact().assign(extra=1))


def test_metric_ranges_come_from_metadata() -> None:
    age = schema.metrics()["age"]
    assert (age.low, age.high, age.unit) == (14, 90, "years")
    assert age.plausible(42) and not age.plausible(442)
