"""Pay tables printed as plain text under a header of column words (column_rows.py)."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.parsing.text import slugify


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.line, slugify(f.role), f.metric, f.printed, f.statistic, f.unit)
            for f in result.facts]  # fmt: skip


def test_rows_of_roles_under_median_high_low_columns() -> None:
    page = (
        "Nurse Salary by Nurse Type\n"
        "\n"
        "MEDIAN HIGH LOW\n"
        "Registered nurses 77,600 120,250 59,450\n"
        "Night shift 80,000 130,000 60,000\n"
        "Nurse practitioners 121,610 168,030 94,530\n"
    )
    y = "USD/year"
    assert facts(page) == [
        (4, "registered-nurse", "salary_yearly", "77600", "median", y),
        (4, "registered-nurse", "salary_max", "120250", None, y),
        (4, "registered-nurse", "salary_min", "59450", None, y),
        (6, "nurse-practitioner", "salary_yearly", "121610", "median", y),
        (6, "nurse-practitioner", "salary_max", "168030", None, y),
        (6, "nurse-practitioner", "salary_min", "94530", None, y),
    ]


def test_a_table_not_under_a_heading_about_pay_stays_unread() -> None:
    page = "Nurse Staffing\n\nMEDIAN HIGH LOW\nRegistered nurses 77,600 120,250 59,450\n"
    assert [f for f in facts(page) if f[2] in {"salary_max", "salary_min"}] == []
