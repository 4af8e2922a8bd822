"""Rows of pay by place or by kind of employer (facts/parsing/category_rows.py): rows whose
kind the sentence above them says, table rows that drop the "$", states with their postal code
glued on, a "Median" column."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.parsing.text import slugify


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(slugify(f.role), f.metric, f.category, f.printed, f.unit, f.statistic, f.period)
            for f in result.facts]  # fmt: skip


def test_rows_under_a_lead_in_naming_industries_take_any_label() -> None:
    page = (
        "Welder Pay\n"
        "For the industries employing the most welders, median annual wages in May 2019 were:\n"
        "Repair and maintenance, including boats | $44,240 |\n"
        "Local government | 38,840 |\n"
        "Shipyards; state, local, and private | 37,620 |\n"
    )
    w, y = "welder", "USD/year"
    assert facts(page) == [
        (w, "salary_by_industry", "Repair and maintenance, including boats", "44240", y,
         "median", "2019-05"),
        (w, "salary_by_industry", "Local government", "38840", y, "median", "2019-05"),
        (w, "salary_by_industry", "Shipyards; state, local, and private", "37620", y, "median",
         "2019-05"),
    ]  # fmt: skip


def test_rows_whose_lead_in_names_a_role_the_page_does_not_declare_stay_unread() -> None:
    page = (
        "Welder\n"
        "No figure exists for welders alone; for bookkeeping clerks the industries paid:\n"
        "- Shipyards: $44,240\n"
        "- Local government: $38,840\n"
    )
    assert [f for f in facts(page) if f[1] == "salary_by_industry"] == []


def test_a_ranked_table_with_glued_postal_codes_and_a_median_column() -> None:
    page = (
        "Best States for Plumbers\n"
        "| Rank | State | Median |\n"
        "|---|---|---|\n"
        "| 1 | OregonOR | $97,320 |\n"
        "| 2 | New YorkNY | $96,530 |\n"
    )
    p, y = "plumber", "USD/year"
    assert facts(page) == [
        (p, "top_state", None, None, None, None, None),
        (p, "salary_by_place", "Oregon", "97320", y, "median", None),
        (p, "salary_by_place", "New York", "96530", y, "median", None),
    ]


def test_places_and_their_pay_in_a_sentence_or_alone_on_a_line() -> None:
    page = (
        "Average Salary of a Surveyor\n"
        "In 2021 the three top payers were New York ($90,950), the District of Columbia "
        "($89,540), and Texas ($80,110).\n"
        "Other states:\n"
        "- Alaska: $84,040\n"
        "Florida: 29,450 surveyors employed\n"
    )
    s, y = "surveyor", "USD/year"
    assert sorted(facts(page), key=str) == sorted(
        [
            (s, "salary_by_place", "New York", "90950", y, None, "2021"),
            (s, "salary_by_place", "District of Columbia", "89540", y, None, "2021"),
            (s, "salary_by_place", "Texas", "80110", y, None, "2021"),
            (s, "top_state", None, None, None, None, "2021"),
            (s, "salary_by_place", "Alaska", "84040", y, None, None),
        ],
        key=str,
    )


def test_a_column_note_with_its_year_gives_the_statistic() -> None:
    page = (
        "Top Paying States for Designers\n"
        "Graphic Designers\n"
        "                 Hourly     Annual\n"
        "                 Wage       Wage      (Mean Salary 2009)\n"
        "\n"
        "1. District of Columbia    $31.50   $65,500\n"
        "2. New York                $24.79   $51,600\n"
    )
    assert facts(page)[0][:2] == ("graphic-designer", "top_state")
    got = [(f[1], f[2], f[3], f[5]) for f in facts(page) if f[1] == "salary_by_place"]
    assert got == [
        ("salary_by_place", "District of Columbia", "31.50", "mean"),
        ("salary_by_place", "District of Columbia", "65500", "mean"),
        ("salary_by_place", "New York", "24.79", "mean"),
        ("salary_by_place", "New York", "51600", "mean"),
    ]


def test_a_dash_inside_an_employer_label() -> None:
    page = (
        "Web Developer Salary\n"
        "Pay differs a lot, as the mean salaries in the five highest paying industries show:\n"
        "- Software publishers: $85, 210\n"
        "- Monetary authorities - central bank: $83, 970\n"
    )
    assert facts(page)[0][:2] == ("web-developer", "top_industry")
    got = [(f[2], f[3]) for f in facts(page) if f[1] == "salary_by_industry"]
    assert got == [
        ("Software publishers", "85210"),
        ("Monetary authorities - central bank", "83970"),
    ]


def test_states_above_their_figures() -> None:
    page = (
        "Writers\n"
        "Where writers are employed\n"
        "California\n"
        "8,950 jobs$80,4701.60x\n"
        "New York\n"
        "5,980 jobs$02.02x\n"
        "Florida\n"
        "2,440 jobs$65,8300.80x\n"
    )
    got = [(f[1], f[2], f[3]) for f in facts(page)]
    assert got == [
        ("salary_by_place", "California", "80470"),
        ("salary_by_place", "Florida", "65830"),
    ]


def test_a_space_separated_header_with_percent_columns_gives_the_statistic() -> None:
    page = (
        "Lodging Managers\n"
        "State Median Salary Bottom 10% Top 10%\n"
        "Alabama $59,750 $32,660 $97,410\n"
        "Alaska $59,740 $30,010 $98,290\n"
    )
    got = [(f[2], f[3], f[5]) for f in facts(page) if f[1] == "salary_by_place"]
    assert got == [("Alabama", "59750", "median"), ("Alaska", "59740", "median")]


def test_a_sentence_under_a_lead_in_is_no_row() -> None:
    page = (
        "Surveyor Pay\n"
        "BLS lists these as the top-paying states for surveyors:\n"
        "The median pay of surveyors was $48,940 in 2023.\n"
    )
    assert [f[1] for f in facts(page)] == ["salary_yearly"]
