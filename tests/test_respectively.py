"""Pay listed 'respectively' against a list of industries (facts/parsing/respectively.py)."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.line, f.metric, f.category, f.printed, f.unit)
            for f in result.facts if f.metric == "salary_by_industry"]  # fmt: skip


def test_amounts_in_the_sentence_after_a_list_of_industries() -> None:
    page = (
        "Plumber Salary\n"
        "Natural gas distribution, the oil and gas industries and pipeline construction were the "
        "industries paying plumbers best. Plumbers there were paid $71,500, $70,200 and $69,900 "
        "a year respectively, or $34.38, $33.75 and $33.61 an hour.\n"
    )
    y, h = "USD/year", "USD/hour"
    assert facts(page) == [
        (2, "salary_by_industry", "Natural gas distribution", "71500", y),
        (2, "salary_by_industry", "oil and gas industries", "70200", y),
        (2, "salary_by_industry", "pipeline construction", "69900", y),
        (2, "salary_by_industry", "Natural gas distribution", "34.38", h),
        (2, "salary_by_industry", "oil and gas industries", "33.75", h),
        (2, "salary_by_industry", "pipeline construction", "33.61", h),
    ]


def test_an_and_inside_an_employers_name_does_not_split_it() -> None:
    page = (
        "Plumber Salary\n"
        "Next came general hospitals and research and development services, where plumbers "
        "earned $57,120 and $56,020 a year respectively.\n"
    )
    assert facts(page) == [
        (2, "salary_by_industry", "general hospitals", "57120", "USD/year"),
        (2, "salary_by_industry", "research and development services", "56020", "USD/year"),
    ]


def test_a_list_not_said_to_be_industries_stays_unread() -> None:
    page = (
        "Plumber Salary\n"
        "Apprentices and journeymen were the groups we asked. They earned $41,000 and $58,000 "
        "a year respectively.\n"
    )
    assert facts(page) == []


def test_the_first_of_a_list_said_to_be_the_industries_paying_best_is_the_top_one() -> None:
    page = (
        "Plumber Salary\n"
        "Natural gas distribution, the oil and gas industries and pipeline construction were the "
        "industries paying plumbers best.\n"
    )
    result = parse_page("page.txt", page.encode())
    assert [(f.metric, f.text) for f in result.facts] == [
        ("top_industry", "Natural gas distribution")
    ]
