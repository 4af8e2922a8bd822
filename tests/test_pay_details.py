"""Pay by percentile in sentences (facts/parsing/pay_details.py): a rank states an amount in
each unit it prints, the 50th percentile is the median."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page


def pay(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.metric, f.category, f.printed, f.unit, f.statistic) for f in result.facts]


def test_each_rank_with_its_hourly_and_yearly_amounts() -> None:
    page = (
        "Architect Salary\n"
        "At the 10th percentile architects made $28.31 an hour, which works out to $58,870 a "
        "year. The median (50th percentile) hourly wage came to $44.86, the same as $93,310 a "
        "year. Those in the 90th percentile made $165,100 per year, or $79.38 per hour.\n"
    )
    h, y = "USD/hour", "USD/year"
    assert pay(page) == [
        ("salary_percentile_hourly", "10", "28.31", h, None),
        ("salary_percentile", "10", "58870", y, None),
        ("salary_hourly", None, "44.86", h, "median"),
        ("salary_yearly", None, "93310", y, "median"),
        ("salary_percentile", "90", "165100", y, None),
        ("salary_percentile_hourly", "90", "79.38", h, None),
    ]


def test_a_second_amount_of_the_same_unit_is_not_the_ranks() -> None:
    page = "Architect Salary\nThe 25th percentile earned $73,240, against $93,310 for the median.\n"
    assert pay(page)[0] == ("salary_percentile", "25", "73240", "USD/year", None)
    assert ("salary_percentile", "25", "93310", "USD/year", None) not in pay(page)


def test_a_range_of_pay_and_its_ends() -> None:
    page = (
        "Welder Salary\n"
        "Full-time welders make anywhere from $39,450 to $66,740 on average, depending on the "
        "state, and Alaska pays the most.\n"
        "Median Pay | $35,000 to $54,999 |\n"
        "Some 65% of welders earn between $25,000 and $65,000 a year.\n"
        "By the hour, the bottom 10 percent made $11.85 and the top 10 percent $34.45.\n"
    )
    y, h = "USD/year", "USD/hour"
    assert [f for f in pay(page) if f[0] != "top_state"] == [
        ("salary_min", None, "39450", y, "mean"),
        ("salary_max", None, "66740", y, "mean"),
        ("salary_percentile_hourly", "10", "11.85", h, None),
        ("salary_percentile_hourly", "90", "34.45", h, None),
    ]


def test_percentiles_in_words_in_both_units_and_beside_the_median() -> None:
    page = (
        "Welder Salary\n"
        "Welders in the top ten percent made $21.25 or more an hour and $44,200 or more a year.\n"
        "The median annual wage for welders is $96,310, and the top 10 percentile earns an "
        "average annual wage of $151,260.\n"
        "One welder in ten earned less than $57,810.\n"
    )
    h, y = "USD/hour", "USD/year"
    assert pay(page) == [
        ("salary_percentile_hourly", "90", "21.25", h, None),
        ("salary_percentile", "90", "44200", y, None),
        ("salary_yearly", None, "96310", y, "median"),
        ("salary_percentile", "90", "151260", y, None),
        ("salary_percentile", "10", "57810", y, None),
    ]


def test_amounts_above_their_rank_labels() -> None:
    page = "Welder Salary\n$28,590\n\n10%\n\n$58,920\n\nMedian\n\n$94,030\n\n90%\n"
    y = "USD/year"
    assert pay(page) == [
        ("salary_percentile", "10", "28590", y, None),
        ("salary_yearly", None, "58920", y, "median"),
        ("salary_percentile", "90", "94030", y, None),
    ]


def test_the_role_named_between_a_statistic_and_its_pay_word() -> None:
    page = (
        "Chemical Engineer Salary\n"
        "The bureau counts 32,190 chemical engineers employed across the United States, with an "
        "average yearly chemical engineer salary of $102,270, or $49.17 per hour.\n"
        "The median household income of $70,000 is far lower.\n"
        "While the bottom 10% of the field earns a mean $58,830, the top ten percent of chemical "
        "engineers take home a sizeable average salary of $154,840 a year.\n"
    )
    y, h = "USD/year", "USD/hour"
    assert [f for f in pay(page) if f[0] != "jobs_count"] == [
        ("salary_yearly", None, "102270", y, "mean"),
        ("salary_hourly", None, "49.17", h, "mean"),
        ("salary_percentile", "10", "58830", y, None),
        ("salary_percentile", "90", "154840", y, None),
    ]
    assert [f[2] for f in pay(page) if f[0] == "jobs_count"] == ["32190"]


def test_pay_beside_the_national_average_and_an_employer_subject() -> None:
    page = (
        "Welder Salary\n"
        "Welders had an average annual wage of approximately $60k, some $10k more than the "
        "national average salary of $50k.\n"
        "The petroleum industry pays welders best, with average yearly salaries of almost "
        "$110k.\n"
    )
    got = [(f[0], f[1], f[2]) for f in pay(page)]
    assert ("salary_yearly", None, "50000") not in got
    assert ("salary_yearly", None, "60000") in got
    assert ("salary_by_industry", "petroleum industry", "110000") in got


def test_on_average_first_and_the_best_paid_rank() -> None:
    page = (
        "Truck Driver Statistics\n"
        "On average, truck drivers earn $41,340 per year.\n"
        "That year the best-paid 10 percent made $66,870 and the lowest-paid $22,360.\n"
    )
    assert pay(page) == [
        ("salary_yearly", None, "41340", "USD/year", "mean"),
        ("salary_percentile", "90", "66870", "USD/year", None),
    ]


def test_figures_that_are_not_the_roles_own() -> None:
    page = (
        "Plumber Statistics\n"
        "BLS reports a mean average wage of $43,320 for plumbers, well above the $34,940 average "
        "single income others cite.\n"
        "Nursing care facilities employ almost 20,000 plumbers.\n"
        "The best salary, $108,920, went to plumbers working with insurance brokerages and "
        "financial institutions.\n"
    )
    result = parse_page("page.txt", page.encode())
    got = [(f.line, f.metric, f.category, f.printed) for f in result.facts]
    assert got == [
        (2, "salary_yearly", None, "43320"),
        (4, "salary_by_industry", "insurance brokerages and financial institutions", "108920"),
    ]


def test_pay_for_the_occupation_is_the_pages_role() -> None:
    page = (
        "Civil Engineer Career\n"
        "BLS reports a median wage of $88,570 for the occupation, well above the $41,950 for all "
        "categories.\n"
    )
    assert pay(page) == [("salary_yearly", None, "88570", "USD/year", "median")]


def test_percentiles_dated_by_the_sentence_before() -> None:
    page = (
        "Analyst Salary\n"
        "In May 2019 analysts had median annual earnings of $99,730. One analyst in ten earned "
        "less than $57,810, and the top 10 percent earned $158,860 or more. The mean by sector "
        "in May 2018 was:\n"
    )
    result = parse_page("page.txt", page.encode())
    assert [(f.metric, f.printed, f.period) for f in result.facts] == [
        ("salary_yearly", "99730", "2019-05"),
        ("salary_percentile", "57810", "2019-05"),
        ("salary_percentile", "158860", "2019-05"),
    ]


def test_bounds_revenue_and_up_to() -> None:
    page = (
        "Software Engineer Statistics\n"
        "US software industry revenue reached $292,231 in 2021, and we set out to learn what "
        "software engineers earn on average.\n"
        "The minimum average salary of a software engineer is $45,000, and the average maximum "
        "wage reaches as much as $248,000 per year.\n"
        "The average salary is $89,800 for a software engineer, with the top ten percent "
        "earning up to $131,350.\n"
    )
    result = parse_page("page.txt", page.encode())
    got = [(f.line, f.metric, f.category, f.printed, f.qualifier) for f in result.facts]
    assert got == [
        (3, "salary_min", None, "45000", None),
        (3, "salary_max", None, "248000", None),
        (4, "salary_yearly", None, "89800", None),
        (4, "salary_percentile", "90", "131350", "at most"),
    ]
