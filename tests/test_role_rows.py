"""Tables of one role per row under a header of statistic words ('MEDIAN HIGH LOW')."""

from __future__ import annotations

from rolecompare.facts.parsing.pages import parse_page

PAGE = (
    "Museum Staff Pay Survey\n\n"
    "Curator Salary by Position*\n\n"
    "MEDIAN HIGH LOW\n"
    "All Museum Curators 51,200 140,000 28,000\n"
    "Collections Manager 48,900 97,500 30,100\n"
    "Gallery/ exhibit coordinator 41,300 66,000 25,000\n"
    "Conservation 45,000 80,000 27,500\n"
    "*Pay of full-time staff in 2019\n"
)


def test_each_row_naming_a_role_is_that_roles_pay() -> None:
    result = parse_page("page.txt", PAGE.encode())
    facts = {(f.line, f.role.lower(), f.metric, f.statistic, f.value) for f in result.facts}
    assert facts == {
        (6, "museum curator", "salary_yearly", "median", 51200.0),
        (6, "museum curator", "salary_max", None, 140000.0),
        (6, "museum curator", "salary_min", None, 28000.0),
        (7, "collections manager", "salary_yearly", "median", 48900.0),
        (7, "collections manager", "salary_max", None, 97500.0),
        (7, "collections manager", "salary_min", None, 30100.0),
        (8, "gallery/exhibit coordinator", "salary_yearly", "median", 41300.0),
        (8, "gallery/exhibit coordinator", "salary_max", None, 66000.0),
        (8, "gallery/exhibit coordinator", "salary_min", None, 25000.0),
    }
    # a row naming a kind of work, no role, is reported, not filed under a role
    assert {p.line for p in result.problems if "not attributed" in p.message} >= {9}


def test_a_header_with_a_word_that_is_no_column_reads_nothing() -> None:
    page = PAGE.replace("MEDIAN HIGH LOW", "MEDIAN HIGH PAY")
    result = parse_page("page.txt", page.encode())
    assert not [f for f in result.facts if f.metric in ("salary_max", "salary_min")]
