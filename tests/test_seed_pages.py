"""The exact facts of each seed page, with their source and line."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.conftest import SEED

CRM, CCM, CSM, USA = (
    "customer-relations-manager",
    "customer-care-manager",
    "customer-service-manager",
    "us-average",
)


def facts_at(facts: pd.DataFrame, page: str, line: int) -> set[tuple]:
    rows = facts[(facts.source == SEED[page]) & (facts.line == line)]
    return {
        (
            r.role_id,
            r.metric,
            None if pd.isna(r.category) else r.category,
            None if pd.isna(r.value) else r.value,
            None if pd.isna(r.text) else r.text,
            r.unit if isinstance(r.unit, str) else None,
        )
        for r in rows.itertuples()
    }


@pytest.mark.parametrize(
    ("page", "line", "expected"),
    [
        # 000: pipe tables whose header row is shifted against its rows
        (
            "000",
            10,
            {
                (CRM, "salary_yearly", None, 66782.0, None, "USD/year"),
                (CCM, "salary_yearly", None, 41181.0, None, "USD/year"),
            },
        ),
        (
            "000",
            11,
            {
                (CRM, "salary_hourly", None, 32.11, None, "USD/hour"),
                (CCM, "salary_hourly", None, 19.8, None, "USD/hour"),
            },
        ),
        (
            "000",
            13,
            {
                (CRM, "jobs_count", None, 61089.0, None, "count"),
                (CCM, "jobs_count", None, 129140.0, None, "count"),
            },
        ),
        ("000", 14, set()),  # job satisfaction "-" for both: not published
        (
            "000",
            15,
            {
                (CRM, "degree_top", None, 57.0, "Bachelor's Degree", "percent"),
                (CCM, "degree_top", None, 59.0, "Bachelor's Degree", "percent"),
            },
        ),
        (
            "000",
            23,
            {
                (CRM, "salary_min", None, 42000.0, None, "USD/year"),
                (CRM, "salary_max", None, 104000.0, None, "USD/year"),
                (CCM, "salary_min", None, 28000.0, None, "USD/year"),
                (CCM, "salary_max", None, 59000.0, None, "USD/year"),
            },
        ),
        (
            "000",
            24,
            {
                (CRM, "top_city", None, None, "Pleasanton, CA", None),
                (CCM, "top_city", None, None, "Olympia, WA", None),
            },
        ),
        (
            "000",
            36,
            {
                (CRM, "gender_share", "male", 38.2, None, "percent"),
                (CRM, "gender_share", "female", 61.8, None, "percent"),
                (CCM, "gender_share", "male", 38.1, None, "percent"),
                (CCM, "gender_share", "female", 61.9, None, "percent"),
            },
        ),
        (
            "000",
            38,
            {
                (CRM, "lgbt_share", None, 16.0, None, "percent"),
                (CCM, "lgbt_share", None, 8.0, None, "percent"),
            },
        ),
        (
            "000",
            7,
            {
                (CRM, "years_to_become_min", None, 2.0, None, "years"),
                (CRM, "years_to_become_max", None, 4.0, None, "years"),
                (CCM, "years_to_become_min", None, 4.0, None, "years"),
                (CCM, "years_to_become_max", None, 6.0, None, "years"),
                (CRM, "salary_yearly", None, 66782.0, None, "USD/year"),
                (CCM, "salary_yearly", None, 41181.0, None, "USD/year"),
            },
        ),
        # 001: glued columns
        (
            "001",
            15,
            {
                (CSM, "jobs_count", None, 313110.0, None, "count"),
                (CRM, "jobs_count", None, 61089.0, None, "count"),
            },
        ),
        ("001", 16, {(CSM, "job_satisfaction", None, 5.0, None, "rating")}),
        (
            "001",
            18,
            {
                (CSM, "age", None, 44.0, None, "years"),
                (CRM, "age", None, 42.0, None, "years"),
            },
        ),
        (
            "001",
            19,
            {
                (CSM, "experience_years", None, 6.0, None, "years"),
                (CRM, "experience_years", None, 4.0, None, "years"),
            },
        ),
        (
            "001",
            38,
            {
                (CSM, "top_company", None, None, "KLA", None),
                (CRM, "top_company", None, None, "Amazon", None),
            },
        ),
        (
            "001",
            36,
            {
                (CSM, "top_city", None, None, "Washington, DC", None),
                (CRM, "top_city", None, None, "Pleasanton, CA", None),
            },
        ),
        (
            "001",
            48,
            {
                (CSM, "college_top", None, None, "University of Pennsylvania", None),
                (CRM, "college_top", None, None, "California State University - Bakersfield", None),
            },
        ),
        ("001", 85, {(CSM, "skill_share", "Strong Customer Service", 15.0, None, "percent")}),
        (
            "001",
            7,
            {
                (CSM, "skill_top", "1", None, "strong customer service", None),
                (CSM, "skill_top", "2", None, "payroll", None),
                (CSM, "skill_top", "3", None, "customer satisfaction", None),
                (CRM, "skill_top", "1", None, "customer issues", None),
                (CRM, "skill_top", "2", None, "customer relations", None),
                (CRM, "skill_top", "3", None, "customer satisfaction", None),
            },
        ),
        # 002
        (
            "002",
            18,
            {
                (CSM, "age", None, 44.0, None, "years"),
                (CCM, "age", None, 47.0, None, "years"),
            },
        ),
        ("002", 97, {(CCM, "skill_share", "Data Entry", 4.0, None, "percent")}),
        # 003: profile page
        ("003", 27, {(CRM, "experience_min_years", None, 5.0, None, "years")}),
        (
            "003",
            31,
            {
                (CRM, "salary_yearly", None, 58913.0, None, "USD/year"),
                (CRM, "salary_regional_diff", "New York City", 26.0, None, "percent"),
                (CRM, "salary_regional_diff", "Atlanta", -6.0, None, "percent"),
            },
        ),
        (
            "003",
            33,
            {
                (CRM, "salary_abroad", "United Kingdom", 30741.0, None, "GBP/year"),
                (CRM, "salary_abroad_usd", "United Kingdom", 38623.0, None, "USD/year"),
                (CRM, "salary_abroad", "Australia", 79638.0, None, "AUD/year"),
                (CRM, "salary_abroad_usd", "Australia", 58899.0, None, "USD/year"),
            },
        ),
        (
            "003",
            39,
            {(CRM, "growth_projected", None, 10.0, "Bureau of Labor Statistics", "percent")},
        ),
        # 004: how-to-become page, the role beside the US average
        ("004", 22, {(CCM, "score_salary", None, 3.2, None, "score")}),
        ("004", 26, {(USA, "salary_yearly", None, 59228.0, None, "USD/year")}),
        ("004", 33, {(USA, "growth_rate", None, 0.3, None, "percent")}),
        ("004", 43, {(CCM, "race_share", "Black or African American", 10.34, None, "percent")}),
        ("004", 53, {(CCM, "gender_share", "female", 61.92, None, "percent")}),
        ("004", 57, {(CCM, "age", None, 48.0, None, "years")}),
        ("004", 68, {(USA, "race_share", "White", 57.0, None, "percent")}),
        ("004", 76, {(USA, "age", None, 48.0, None, "years")}),
        ("004", 82, {(USA, "score_stress", None, 7.1, "high", "score")}),
        ("004", 89, {(USA, "score_complexity", None, 7.0, "challenging", "score")}),
        ("004", 92, {(CCM, "score_work_life", None, 6.2, None, "score")}),
        ("004", 138, {(CCM, "degree_share", "Bachelor's", 59.4, None, "percent")}),
        ("004", 151, {(CCM, "skill_share", "Home Health", 11.6, None, "percent")}),
        (
            "004",
            208,
            {
                (CCM, "salary_yearly", None, 41181.0, None, "USD/year"),
                (CCM, "salary_hourly", None, 20.0, None, "USD/hour"),
                (CCM, "salary_min", None, 28000.0, None, "USD/year"),
                (CCM, "salary_max", None, 59000.0, None, "USD/year"),
            },
        ),
        ("004", 212, {(CCM, "salary_hourly", None, 19.8, None, "USD/hour")}),
    ],
)
def test_facts_on_line(seed_facts: pd.DataFrame, page: str, line: int, expected: set) -> None:
    assert facts_at(seed_facts, page, line) == expected


def test_race_shares_of_customer_relations_manager(seed_facts: pd.DataFrame) -> None:
    rows = seed_facts[
        (seed_facts.role_id == CRM)
        & (seed_facts.metric == "race_share")
        & (seed_facts.source == SEED["000"])
    ]
    assert dict(zip(rows.category, rows.value, strict=True)) == {
        "Black or African American": 6.0,
        "Unknown": 4.7,
        "Hispanic or Latino": 9.1,
        "Asian": 5.1,
        "White": 74.7,
        "American Indian and Alaska Native": 0.4,
    }
    assert set(rows.line) == {37}


def test_roles_and_names(seed_processed) -> None:
    from rolecompare import load_roles

    roles = load_roles(seed_processed)
    assert roles.role_id.tolist() == [CCM, CRM, CSM, USA]
    assert roles.role.tolist() == [
        "Customer care manager",
        "Customer relations manager",
        "Customer service manager",
        "US average",
    ]
    assert roles.set_index("role_id").loc[CSM, "sources"] == f"{SEED['001']}; {SEED['002']}"


def test_facts_csv_keeps_numbers_as_printed(seed_processed) -> None:
    text = (seed_processed / "facts.csv").read_text(encoding="utf-8")
    assert (
        "customer-care-manager,Customer care manager,salary_hourly,,19.80,,USD/hour,,,,"
        f"{SEED['000']},11" in text
    )
    assert f"race_share,Unknown,4.80,,percent,,,,{SEED['004']},47" in text
    header = text.splitlines()[0]
    assert header == (
        "role_id,role,metric,category,value,text,unit,statistic,qualifier,period,source,line"
    )


def test_conflicts_are_exactly_the_disagreements(seed_conflicts: pd.DataFrame) -> None:
    keys = {
        (r.role_id, r.metric, None if pd.isna(r.category) else r.category)
        for r in seed_conflicts.itertuples()
    }
    assert keys == {(CRM, "salary_yearly", None), (CCM, "age", None)}
    salary = seed_conflicts[seed_conflicts.metric == "salary_yearly"].iloc[0]
    assert (salary.min_value, salary.max_value, salary.n_values) == (58913.0, 66782.0, 2)
    assert f"58913 ({SEED['003']}:31)" in salary["values"]
    assert f"{SEED['000']}:10" in salary["values"] and f"{SEED['001']}:12" in salary["values"]
    age = seed_conflicts[seed_conflicts.metric == "age"].iloc[0]
    assert f"48 ({SEED['004']}:57)" in age["values"]


def test_rounding_agreements_are_not_conflicts(seed_facts, seed_conflicts) -> None:
    # $20 per hour (004:208) and $19.80 (000:11, 004:212) agree; 10.34% and 10.3% agree
    hourly = seed_facts[(seed_facts.role_id == CCM) & (seed_facts.metric == "salary_hourly")]
    assert sorted(hourly.value.unique()) == [19.8, 20.0]
    assert not ((seed_conflicts.role_id == CCM) & (seed_conflicts.metric == "salary_hourly")).any()
    assert not (seed_conflicts.metric == "race_share").any()
    # both statements of the salary stay in facts: nothing overwritten or averaged
    salary = seed_facts[(seed_facts.role_id == CRM) & (seed_facts.metric == "salary_yearly")]
    assert set(salary.value) == {66782.0, 58913.0}
    assert not any(math.isclose(v, (66782 + 58913) / 2) for v in salary.value)


def test_seed_problems_are_reported(seed_processed) -> None:
    from rolecompare import load_problems

    problems = load_problems(seed_processed)
    assert problems[["source", "line"]].values.tolist() == [[SEED["004"], 157]]
    assert "Accountants" in problems.problem.iloc[0]


# --- what each role does: descriptions and responsibilities (issue 12) -----------------------

PASSAGES = ("description", "responsibility")
# (page, line, role) of every description: the paragraph under "What does a ... do?" (001,
# 002), "Job Description Overview" (003) and the how-to title "What is a ..." (004); 000 has
# its paragraphs without a heading and gives none
DESCRIPTIONS = [
    ("001", 23, CSM),
    ("001", 27, CRM),
    ("002", 23, CSM),
    ("002", 27, CCM),
    ("003", 8, CRM),
    ("004", 11, CCM),
]
# (page, first line, last line, role) of every list of duties; "Show more" bullets are not duties
DUTY_LISTS = [
    ("001", 64, 69, CSM),
    ("001", 74, 79, CRM),
    ("002", 64, 69, CSM),
    ("002", 74, 79, CCM),
    ("003", 15, 23, CRM),
    ("004", 160, 163, CCM),
]


def _page_lines(page: str) -> list[str]:
    from tests.conftest import RAW

    return (RAW / SEED[page]).read_text(encoding="utf-8").split("\n")


def test_descriptions_of_the_seed_pages(seed_facts: pd.DataFrame) -> None:
    rows = seed_facts[seed_facts.metric == "description"]
    by_page = {v: k for k, v in SEED.items()}
    got = sorted((by_page[r.source], r.line, r.role_id) for r in rows.itertuples())
    assert got == DESCRIPTIONS
    for r in rows.itertuples():  # the paragraph as printed, whole
        assert r.text == _page_lines(by_page[r.source])[r.line - 1].strip()
        assert pd.isna(r.value) and pd.isna(r.category) and pd.isna(r.period)
    first = rows[(rows.source == SEED["004"])].iloc[0]
    assert first.text.startswith("A customer care manager oversees the customer service")


def test_responsibilities_of_the_seed_pages(seed_facts: pd.DataFrame) -> None:
    rows = seed_facts[seed_facts.metric == "responsibility"]
    by_page = {v: k for k, v in SEED.items()}
    got = sorted((by_page[r.source], r.line, r.role_id, int(r.category)) for r in rows.itertuples())
    expected = sorted(
        (page, line, role, rank)
        for page, first, last, role in DUTY_LISTS
        for rank, line in enumerate(range(first, last + 1), start=1)
    )
    assert got == expected
    for r in rows.itertuples():  # the bullet as printed, without its mark
        assert r.text == _page_lines(by_page[r.source])[r.line - 1].strip().lstrip("•").strip()
    assert "Show more" not in set(rows.text)
    ivr = rows[(rows.source == SEED["002"]) & (rows.line == 78)].iloc[0]
    assert ivr.text == (
        "Lead the redesign of IVR functionality leading to $700K in annual savings and less "
        "than a year ROI."
    )
    assert pd.isna(ivr.value)  # the $700K is inside the text, not a value


def test_passages_are_never_conflicts(seed_conflicts: pd.DataFrame) -> None:
    """001 and 002 word the customer service manager's duties alike; 003 and 004 differently
    from the comparison pages: passages are quoted, never compared."""
    assert not seed_conflicts.metric.isin(PASSAGES).any()


def test_the_277_facts_of_the_seed_layouts_are_unchanged(seed_processed) -> None:
    """Every fact but the passages, as facts.csv writes it, is what the parser gave before it
    read passages and other page kinds (the SHA-256 of the sorted rows was taken then)."""
    import csv
    import hashlib

    with (seed_processed / "facts.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    metric = rows[0].index("metric")
    kept = sorted(",".join(r) for r in rows[1:] if r[metric] not in PASSAGES)
    assert len(kept) == 277
    assert hashlib.sha256("\n".join(kept).encode()).hexdigest() == (
        "de251e72f01040230495f565e8401341f1f2633631b3a73dc4e6c8db1db0d185"
    )


def test_seed_page_kinds_and_pairs(seed_processed) -> None:
    from rolecompare.facts.tables import load_pages

    pages = load_pages(seed_processed).set_index("source")
    assert pages.kind.to_dict() == {
        SEED["000"]: "comparison",
        SEED["001"]: "comparison",
        SEED["002"]: "comparison",
        SEED["003"]: "profile",
        SEED["004"]: "how-to",
    }
    assert pages.loc[SEED["001"], ["role_a", "role_b"]].tolist() == [CSM, CRM]
    assert pages.n_problems.to_dict()[SEED["004"]] == 1
