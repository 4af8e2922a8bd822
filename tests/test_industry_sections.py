"""Pay under numbered sections that each name an industry (facts/parsing/industry_sections.py)."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.parsing.text import slugify


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return sorted((f.line, slugify(f.role), f.metric, f.category, f.printed, f.statistic)
                  for f in result.facts)  # fmt: skip


def test_bullets_under_an_industry_section_are_that_industrys_pay() -> None:
    page = (
        "What payroll clerks make by industry\n"
        "Payroll clerks and payroll managers work in many places.\n"
        "Here is what payroll clerks make in 2 major industries.\n"
        "2. Retail trade\n"
        "- Median salary for payroll clerks: $41,200\n"
        "-- Payroll managers: $88,300\n"
        "1. Mining, quarrying, and oil and gas extraction\n"
        "- Median salary for payroll clerks: $52,700\n"
    )
    ind = "salary_by_industry"
    assert facts(page) == [
        (5, "payroll-clerk", ind, "Retail trade", "41200", "median"),
        (6, "payroll-manager", ind, "Retail trade", "88300", None),
        (8, "payroll-clerk", ind, "Mining, quarrying, and oil and gas extraction", "52700",
         "median"),
    ]  # fmt: skip


def test_numbered_sections_not_introduced_as_industries_leave_the_pay_alone() -> None:
    page = (
        "Payroll clerk pay\n"
        "Here are the steps to become a payroll clerk.\n"
        "1. Finish school\n"
        "- Median salary for payroll clerks: $41,200\n"
    )
    assert facts(page) == [(4, "payroll-clerk", "salary_yearly", None, "41200", "median")]
