"""Projections in running text (facts/parsing/projections.py, through jobs_outlook): a rate
read by the clause's words, not its exact wording; and what it is not (the past, a range, the
average of all occupations, a market's growth, a yearly rate)."""

from __future__ import annotations

import pytest

from rolecompare.facts.parsing import parse_page


def projections(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.metric, f.printed, f.period, f.text) for f in result.facts
            if f.metric in {"growth_projected", "employment_change"}]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Welders are projected to see employment grow 8 percent from 2023 to 2033.",
            [("growth_projected", "8", "2023-2033", None)],
        ),
        (
            "The latest data expect employment growth of 20% between 2018 and 2028.",
            [("growth_projected", "20", "2018-2028", None)],
        ),
        (
            "Over the coming ten years, welder jobs should grow a faster 9%.",
            [("growth_projected", "9", None, None)],
        ),
        (
            "The bureau expects welding positions to increase by 18%, with an estimated 17,000 or "
            "so additional new jobs opening up by 2028.",
            [
                ("growth_projected", "18", "2028", None),
                ("employment_change", "17000", "2028", None),
            ],
        ),
        (
            "Jobs for welders should rise 4 percent from 2020 to 2030, adding about 12,000 jobs.",
            [
                ("growth_projected", "4", "2020-2030", None),
                ("employment_change", "12000", "2020-2030", None),
            ],
        ),
    ],
)
def test_a_projected_rate_in_any_wording(sentence: str, expected: list) -> None:
    assert projections(f"Welder Outlook\n{sentence}\n") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Postings for welding jobs have risen 68% since September 2008.",
        "Projected growth (2008-2018): Average (7% to 13%)",
        "That pace is ahead of the 7.4% national average for job growth, which will hold.",
        "The welding equipment market should pass $37 billion by 2026, growing 9.6% a year.",
        "Welding jobs should grow at an annual rate of 8.6%, to 50,000 workers by 2024.",
        "Welder salaries are expected to rise 3% next year.",
        "About 18% of welders expect to retire within ten years.",
    ],
)
def test_what_is_not_a_projected_rate(sentence: str) -> None:
    assert projections(f"Welder Outlook\n{sentence}\n") == []


def test_a_clause_about_other_roles_on_a_page_about_two() -> None:
    page = (
        "Welder vs Machinist\n"
        "A 5% job growth rate is projected for both plumbing and HVAC over the next decade.\n"
    )
    assert projections(page) == []


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Welding is a small field, with around 25,000 people employed in the United States.",
         "25000"),
        ("Nearly 60,000 welders work in the US, most in construction.", "60000"),
        ("The figures cover the 277,000 welders now employed in the U.S. today.", "277000"),
        ("In 2019 the US had 71,200 welder jobs.", "71200"),
    ],
)  # fmt: skip
def test_headcounts_in_running_text(sentence: str, count: str) -> None:
    result = parse_page("page.txt", f"Welder Statistics\n{sentence}\n".encode())
    assert [f.printed for f in result.facts if f.metric == "jobs_count"] == [count]


def test_a_rate_whose_clause_names_no_role_before_another_roles_clause() -> None:
    page = (
        "Electrician Outlook\n"
        "Jobs in both plumbing and HVAC are expected to grow 5%, an average pace, while "
        "electrician jobs should grow a faster 9%.\n"
    )
    assert projections(page) == [("growth_projected", "9", None, None)]


@pytest.mark.parametrize(
    ("sentence", "metric", "count"),
    [
        ("Projections call for 109,700 additional welding jobs by 2026.", "employment_change",
         "109700"),
        ("Projections call for more than 20,300 new welder positions to open each year.",
         "openings_yearly", "20300"),
        ("Welding employs more than 687,276 people in the US.", "jobs_count", "687276"),
        ("Nearly 600,000 welders work in the US, and their average annual salary is $49,500.",
         "salary_yearly", "49500"),
    ],
)  # fmt: skip
def test_counts_changes_and_openings_by_their_words(sentence: str, metric: str, count: str) -> None:
    result = parse_page("page.txt", f"Welder Statistics\n{sentence}\n".encode())
    assert [f.printed for f in result.facts if f.metric == metric] == [count]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("In 2018 welders filled approximately 1.1 million jobs in the United States.", "1100000"),
        ("Welding is big, with more than 309,800 Americans employed in it (May 2020).", "309800"),
        ("Engineers as a whole hold over 1.5 million jobs.", None),
    ],
)
def test_jobs_held_by_the_role_or_by_its_whole_field(sentence: str, count: str | None) -> None:
    result = parse_page("page.txt", f"Welder Statistics\n{sentence}\n".encode())
    got = [f.printed for f in result.facts if f.metric == "jobs_count"]
    assert got == ([count] if count else [])
