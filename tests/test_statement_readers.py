"""Statements the readers of issue 17 read: values under their label, numbers as widgets and
prose print them ("471k", "~1.7M", "three million", "$66,020.1" with a footnote), percentiles
in prose, pay of one place or industry as a category, shares with qualified labels.

Each case states the exact facts a page gives: (role, metric, category, printed value, unit,
statistic, qualifier, period).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.parsing.numbers import find_numbers
from rolecompare.facts.parsing.text import slugify

PAGES = Path(__file__).parent / "fixtures" / "statements"


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [
        (f.role, f.metric, f.category, f.printed, f.unit, f.statistic, f.qualifier, f.period)
        for f in result.facts
    ]


def test_values_under_their_labels_with_noise_between() -> None:
    result = parse_page("split_values.txt", (PAGES / "split_values.txt").read_bytes())
    got = [
        (f.role, f.metric, f.category, f.printed, f.unit, f.statistic, f.qualifier, f.period)
        for f in result.facts
    ]
    sd = "Software Developer"
    assert got == [
        (sd, "age", None, "40.8", "years", "mean", None, None),
        (sd, "jobs_count", None, "1700000", "count", None, "approximate", None),
        (sd, "salary_yearly", None, "115200", "USD/year", "mean", None, "2023"),
        (sd, "gender_share", "female", "21.5", "percent", None, None, None),
    ]
    assert {f.reader for f in result.facts} == {"split-values"}
    # a label's value that is implausible for its metric is left unread, and said so
    assert [p.line for p in result.problems] == [16]
    assert result.problems[0].message.startswith("471k not attributed")


@pytest.mark.parametrize(
    ("text", "printed", "value", "kind"),
    [
        ("471k", "471k", 471000.0, "number"),
        ("~1.7M", "1.7M", 1700000.0, "number"),
        ("$115.2K", "$115.2K", 115200.0, "money"),
        ("paid $66,020.1 a year", "$66,020", 66020.0, "money"),  # .1 is a footnote
        ("$1,234.56", "$1,234.56", 1234.56, "money"),
        ("$15.5 an hour", "$15.5", 15.5, "money"),
        ("nearly three million nurses", "three million", 3000000.0, "number"),
        ("half a million", "half a million", 500000.0, "number"),
        ("a salary of $67, 540 a year", "$67, 540", 67540.0, "money"),  # a space after ","
    ],
)
def test_numbers_as_pages_print_them(text: str, printed: str, value: float, kind: str) -> None:
    (token,) = find_numbers(text)
    assert (token.printed, token.value, token.kind) == (printed, value, kind)
    assert text[token.start : token.end] == printed


def test_a_full_amount_takes_no_spaced_group_after_it() -> None:
    assert [t.printed for t in find_numbers("$45,000, 120 workers")] == ["$45,000", "120"]


def test_a_page_of_statements_about_one_role() -> None:
    """Each share to its own label, a qualified race label, percentiles in prose, pay at one
    kind of employer or in one state as a category (never the role's pay), the all-occupations
    average as no role's figure (not the US average either: issue 17), a count in one industry
    unread, numbers in words, bullets
    'N% of <role>s ...', lists of the best-paying states and industries."""
    result = parse_page("electrician.txt", (PAGES / "electrician.txt").read_bytes())
    got = sorted(
        (f.line, f.role, f.metric, f.category, f.printed or f.text, f.unit, f.statistic,
         f.qualifier, f.period)
        for f in result.facts
    )  # fmt: skip
    e, y, pct, p = "Electrician", "USD/year", "percent", "2022-05"
    assert got == [
        (4, e, "race_share", "Asian", "4", pct, None, None, None),
        (4, e, "race_share", "white", "78", pct, None, None, None),
        (5, e, "race_share", "Hispanic or Latino", "22.3", pct, None, None, None),
        (6, e, "salary_percentile", "10", "37020", y, None, None, p),
        (6, e, "salary_percentile", "25", "45000", y, None, None, p),
        (6, e, "salary_percentile", "75", "78000", y, None, None, p),
        (6, e, "salary_percentile", "90", "102300", y, None, None, p),
        (6, e, "salary_yearly", None, "60240", y, "median", None, p),
        (7, e, "growth_projected", None, "6", pct, None, None, "2022-2032"),
        (8, e, "salary_by_industry", "hospitals", "65100", y, "mean", None, None),
        (8, e, "salary_by_industry", "manufacturing", "63000", y, "mean", None, None),
        (9, e, "salary_by_place", "California", "78500", y, "mean", None, None),
        (10, e, "salary_yearly", None, "59800", y, "mean", None, None),
        (12, e, "jobs_count", None, "700000", "count", None, "approximate", None),
        (13, e, "gender_share", "female", "9", pct, None, None, None),
        (14, e, "degree_share", "associate degree", "45", pct, None, None, None),
        (16, e, "top_state", None, "Illinois", None, None, None, None),
        (21, e, "salary_by_industry", "Natural gas distribution", "81800", y, None, None, None),
        (21, e, "top_industry", None, "Natural gas distribution", None, None, None, None),
        (22, e, "salary_by_industry", "Federal government", "75430", y, None, None, None),
    ]
    # a count of the workers of one industry is not the role's number of jobs; the average
    # for all occupations is left unread, and said so
    assert [p.message for p in result.problems] == [
        "$61,900 not attributed: no role and metric recognised around it",
        "12,300 not attributed: a figure of one industry or setting",
    ]


ROWS_PAGE = """Dispatcher Salary by State and Employer
How much dispatchers make, from public figures.
Highest Paying States
| Rank | State | Median Salary | Top 10% Earn |
|---|---|---|---|
| 1 | Alaska | $87,950 | $108,760+ |
| 2 | New York | $79,640 | $104,380+ |
Average Salaries by Employer
- Local government: $38,490
- Federal government: $43,760
- #1: Hawaii (average annual wage: $55,200; employment: 19,500)
- #2: Washington D.C. (average annual wage: $49,570; employment: 10,940)
Grocery stores $7.57
Offices of Physicians $31.28 $65,070
"""


def test_rows_of_pay_by_place_or_employer() -> None:
    d, y, h = "Dispatcher", "USD/year", "USD/hour"
    assert facts(ROWS_PAGE) == [
        (d, "top_state", None, None, None, None, None, None),
        (d, "salary_by_place", "Alaska", "87950", y, "median", None, None),
        (d, "salary_by_place", "New York", "79640", y, "median", None, None),
        (d, "salary_by_industry", "Local government", "38490", y, "mean", None, None),
        (d, "salary_by_industry", "Federal government", "43760", y, "mean", None, None),
        (d, "salary_by_place", "Hawaii", "55200", y, "mean", None, None),
        (d, "salary_by_place", "Washington D.C.", "49570", y, "mean", None, None),
        (d, "salary_by_industry", "Grocery stores", "7.57", h, "mean", None, None),
        (d, "salary_by_industry", "Offices of Physicians", "31.28", h, "mean", None, None),
        (d, "salary_by_industry", "Offices of Physicians", "65070", y, "mean", None, None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A school psychologist can expect a median annual salary of $84,940, whereas the "
            "median for a school counselor is $61,710.",
            [("school-psychologist", "84940"), ("school-counselor", "61710")],
        ),
        (
            "School psychologists earn a median of around $84,940 a year, more than the $61,710 "
            "median for school counselors.",
            [("school-psychologist", "84940"), ("school-counselor", "61710")],
        ),
    ],
)
def test_a_statistic_names_its_role_either_side(sentence: str, expected: list) -> None:
    page = f"School Psychologist vs School Counselor\n{sentence}\n"
    got = [(slugify(f[0]), f[3]) for f in facts(page) if f[1] == "salary_yearly"]
    assert sorted(got, key=lambda x: x[1], reverse=True) == expected


def test_growth_projected_at_and_for() -> None:
    page = (
        "Financial Analyst vs Accountant\n"
        "Job growth for financial analysts is projected at 7% from 2022 to 2032, above the 6% "
        "projected for accountants.\n"
    )
    got = [(slugify(f[0]), f[1], f[3], f[7]) for f in facts(page)]
    assert got == [
        ("financial-analyst", "growth_projected", "7", "2022-2032"),
        ("accountant", "growth_projected", "6", "2022-2032"),
    ]


def test_a_heading_that_names_a_role_opens_its_section() -> None:
    page = (
        "Jobs That Survive a Recession\n"
        "Firefighter\n"
        "Median annual wage: $49,620\n"
        "Police Officer\n"
        "Median annual wage: $63,380\n"
    )
    got = [(slugify(f[0]), f[1], f[3], f[5]) for f in facts(page)]
    assert got == [
        ("firefighter", "salary_yearly", "49620", "median"),
        ("police-officer", "salary_yearly", "63380", "median"),
    ]


def test_labels_with_values_on_their_line_or_below() -> None:
    page = (
        "Lodging Manager Career Profile\n"
        "What lodging managers earn and how to become one.\n"
        "Key facts\n"
        "Median: $68,130\n"
        "Employment: 52,000\n"
        "Growth (2024–2034):\n"
        "+3.0%\n"
        "Education:\n"
        "High school diploma\n"
        "Top 10% earners: Exceed $111,700 annually\n"
        "The median annual salary for this occupation is $68,130.\n"
    )
    got = [(f[1], f[2], f[3], f[5], f[6], f[7]) for f in facts(page)]
    assert got == [
        ("salary_yearly", None, "68130", "median", None, None),
        ("jobs_count", None, "52000", None, None, None),
        ("growth_projected", None, "3.0", None, None, "2024-2034"),
        ("education_entry", None, None, None, None, None),
        ("salary_percentile", "90", "111700", None, "more than", None),
        ("salary_yearly", None, "68130", "median", None, None),
    ]


SHARES_PAGE = """Welder Demographics and Statistics in the US
Welders By Gender
- Male, 93.9%
- Female, 6.1%
Welder Gender By Year
Year | Male | Female |
---|---|---|
2019 | 93.10% | 6.90% |
Job Title | Male | Female |
---|---|---|
Special Process Person | 31% | 69% |
Welder | 94% | 6% |

For the 2017–18 school year, welders broke down by race and ethnicity like this:
  • White and non-Hispanic: 79%
  • Hispanic (of any race): 9%
"""


def test_shares_printed_as_rows() -> None:
    w, pct, g, r = "Welder", "percent", "gender_share", "race_share"
    assert facts(SHARES_PAGE) == [
        (w, g, "male", "93.9", pct, None, None, None),
        (w, g, "female", "6.1", pct, None, None, None),
        (w, g, "male", "93.10", pct, None, None, "2019"),
        (w, g, "female", "6.90", pct, None, None, "2019"),
        (w, g, "male", "94", pct, None, None, None),  # not the other job title's row
        (w, g, "female", "6", pct, None, None, None),
        (w, r, "White and non-Hispanic", "79", pct, None, None, "2017-2018"),
        (w, r, "Hispanic", "9", pct, None, None, "2017-2018"),
    ]


def test_gender_and_lgbt_shares_in_sentences() -> None:
    page = (
        "Welder Demographics and Statistics in the US\n"
        "- Over 402,333 welders hold jobs in the United States today.\n"
        "In 2012 approximately 240,480 welders worked in the United States.\n"
        "- Women make up 6.1% of all welders and men 93.9%.\n"
        "Among welders, 93.9% are men and 6.1% are women.\n"
        "- LGBT workers account for 3% of all welders.\n"
    )
    got = [(f[1], f[2], f[3], f[6]) for f in facts(page)]
    assert got == [
        ("jobs_count", None, "402333", "more than"),
        ("jobs_count", None, "240480", "approximate"),
        ("gender_share", "female", "6.1", None),
        ("gender_share", "male", "93.9", None),
        ("gender_share", "male", "93.9", None),
        ("gender_share", "female", "6.1", None),
        ("lgbt_share", None, "3", None),
    ]


def test_values_above_their_percentile_label() -> None:
    page = (
        "Court Reporter Career Profile\n"
        "How much can you earn?\n"
        "Entry Level\n"
        "$41,080\n"
        "10th percentile\n"
        "Median\n"
        "$72,270\n"
        "50th percentile\n"
        "Top Earners\n"
        "➡️ $133,680\n"
        "90th percentile\n"
        "Mean: $85,780\n"
    )
    got = [(f[1], f[2], f[3], f[5]) for f in facts(page)]
    assert got == [
        ("salary_percentile", "10", "41080", None),
        ("salary_yearly", None, "72270", "median"),
        ("salary_percentile", "90", "133680", None),
        ("salary_yearly", None, "85780", "mean"),
    ]


def test_counts_and_medians_as_statistics_sites_print_them() -> None:
    page = (
        "Customer Service Representative Statistics\n"
        "With 2,784,500 workers, customer service representatives make up a big workforce.\n"
        "This job's median $34KAll jobs' median $39K\n"
    )
    got = [(slugify(f[0]), f[1], f[3], f[5]) for f in facts(page)]
    assert got == [
        ("customer-service-representative", "jobs_count", "2784500", None),
        ("customer-service-representative", "salary_yearly", "34000", "median"),
    ]  # "All jobs' median" is no role's figure and not the US average (issue 17, roles2)


def test_percentiles_of_the_middle_half_and_with_the_verb_elided() -> None:
    page = (
        "Cashier Salary\n"
        "In 2002 cashiers had median hourly earnings of $7.41. The middle 50 percent made between "
        "$6.51 and $8.73 an hour, the lowest 10 percent made less than $5.86, and the highest 10 "
        "percent more than $10.97 an hour.\n"
        "On average a licensed cashier is 43 years old.\n"
        "Roughly 27% of cashiers are minority.\n"
    )
    result = parse_page("page.txt", page.encode())
    got = [(f.metric, f.category, f.printed, f.qualifier) for f in result.facts]
    assert got == [
        ("salary_hourly", None, "7.41", None),
        ("salary_percentile_hourly", "25", "6.51", None),
        ("salary_percentile_hourly", "75", "8.73", None),
        ("salary_percentile_hourly", "10", "5.86", "less than"),
        ("salary_percentile_hourly", "90", "10.97", "more than"),
        ("age", None, "43", None),
        ("race_share", "minority", "27", "approximate"),
    ]
    assert [p.message for p in result.problems] == []


def test_places_and_amounts_respectively() -> None:
    page = (
        "Graphic Designer Salary by State\n"
        "Massachusetts and Washington are high on the list too, with average salaries of $74,490 "
        "and $75,680 respectively.\n"
    )
    got = [(f[1], f[2], f[3], f[5]) for f in facts(page)]
    assert got == [
        ("salary_by_place", "Massachusetts", "74490", "mean"),
        ("salary_by_place", "Washington", "75680", "mean"),
    ]


def test_comparison_rows_printed_with_spaces() -> None:
    page = (
        "Civil Engineer vs Mechanical Engineer\n"
        "Civil Engineer Mechanical Engineer\n"
        "Median Salary $88,050 $95,300\n"
        "Job Growth 5% 10%\n"
    )
    got = [(slugify(f[0]), f[1], f[3], f[5]) for f in facts(page)]
    assert got == [
        ("civil-engineer", "salary_yearly", "88050", "median"),
        ("mechanical-engineer", "salary_yearly", "95300", "median"),
        ("civil-engineer", "growth_projected", "5", None),
        ("mechanical-engineer", "growth_projected", "10", None),
    ]


def test_a_projected_change_with_its_rate() -> None:
    page = (
        "Information Security Analyst Profile\n"
        "From 2016 to 2026 employment of information security analysts is projected to grow by "
        "over 28,000, or by 28 percent, much faster than the average for all occupations.\n"
    )
    got = [(f[1], f[3], f[6], f[7]) for f in facts(page)]
    assert got == [
        ("growth_projected", "28", None, "2016-2026"),
        ("employment_change", "28000", "more than", "2016-2026"),
    ]


def test_list_numbers_glued_to_their_items() -> None:
    page = (
        "Diversity Among Welders\n"
        "Key Takeaways\n"
        "- 1Most welders are men\n"
        "- 267.2% of welders are White\n"
        "- 38.5% of welders are Black or African American\n"
        "- 4A welder is 41 years old on average\n"
    )
    got = [(f[1], f[2], f[3]) for f in facts(page)]
    assert got == [
        ("race_share", "White", "67.2"),
        ("race_share", "Black or African American", "8.5"),
        ("age", None, "41"),
    ]


def test_a_numbered_list_with_spaces_keeps_its_numbers() -> None:
    # no item is glued to a word: the leading digits are the items' own
    page = (
        "Welder Statistics\n"
        "- 15% of welders are women\n"
        "- 22% of welders are Black\n"
        "- 31% of welders are veterans\n"
    )
    got = [(f[1], f[2], f[3]) for f in facts(page)]
    assert ("gender_share", "female", "15") in got
    assert ("race_share", "Black", "22") in got


def test_amount_rows_after_the_first_may_drop_the_dollar_sign() -> None:
    page = (
        "Cashier Salary\n"
        "In the industries that employed the most cashiers, median hourly earnings in 2002 were:\n"
        "\n"
        "Grocery stores $7.57\n"
        "Department stores 7.55\n"
        "Other general merchandise store 7.27\n"
        "\n"
        "Cashiers in 2,500 towns\n"
    )
    got = [(f[1], f[2], f[3], f[4], f[5], f[7]) for f in facts(page)]
    assert got == [
        ("salary_by_industry", "Grocery stores", "7.57", "USD/hour", "median", "2002"),
        ("salary_by_industry", "Department stores", "7.55", "USD/hour", "median", "2002"),
        (
            "salary_by_industry",
            "Other general merchandise store",
            "7.27",
            "USD/hour",
            "median",
            "2002",
        ),
    ]


def test_a_share_without_a_degree_is_no_degree_share() -> None:
    page = "Plumber Statistics\n62% of plumbers have no college degree.\n"
    assert [f for f in facts(page) if f[1] == "degree_share"] == []


def test_an_undated_age_trend_gives_only_the_later_age() -> None:
    page = (
        "Welder Statistics\n"
        "Over two decades the median age of welders climbed markedly, going from 36 to 43 years "
        "old. In 1980 only 40% of welders were white.\n"
    )
    got = [(f[1], f[3], f[5], f[7]) for f in facts(page) if f[1] == "age"]
    assert got == [("age", "43", "median", None)]


def test_scores_rated_in_sentences() -> None:
    page = (
        "Actuary Career Profile\n"
        "Work-life balance gets a rating of 7.2, which weighs on satisfaction. "
        "Its stress level is rated at 4. The automation risk is 12.0%.\n"
        "The firm has a rating of 9 on review sites.\n"
    )
    got = [(f[1], f[3], f[4]) for f in facts(page)]
    assert got == [("score_work_life", "7.2", "score"), ("score_stress", "4", "score")]


def test_top_state_that_comes_first_or_sits_at_the_top() -> None:
    page = (
        "Graphic Designer Salary by State\n"
        "Three states pay graphic designers the highest average salaries, and Alaska comes first "
        "at $93,050 a year.\n"
        "Some states pay well. At the top sits the District of Columbia, where graphic designers "
        "receive an annual mean wage of $91,000.\n"
        "Texas came first in the rodeo.\n"
    )
    result = parse_page("p.txt", page.encode())
    tops = [(f.line, f.text) for f in result.facts if f.metric == "top_state"]
    assert tops == [(2, "Alaska"), (3, "District of Columbia")]
    places = [
        (f.line, f.category, f.printed) for f in result.facts if f.metric == "salary_by_place"
    ]
    assert places == [(2, "Alaska", "93050"), (3, "District of Columbia", "91000")]


def test_an_average_of_an_amount_per_hour_and_lowest_paid_percentiles() -> None:
    page = (
        "HVAC Technician Salary\n"
        "BLS figures for May 2012 give HVAC technicians an average of $22.03 an hour, or $45,830 "
        "a year. The lowest-paid 10 percent of HVAC technicians earned $27,330 or less a year, "
        "and the highest-paid 10 percent earned $68,990 or more annually.\n"
        "The lowest-paid state gave an average of $5,000 in bonuses.\n"
    )
    got = [(f[1], f[2], f[3], f[5], f[6], f[7]) for f in facts(page)]
    assert got == [
        ("salary_hourly", None, "22.03", "mean", None, "2012-05"),
        ("salary_yearly", None, "45830", "mean", None, "2012-05"),
        ("salary_percentile", "10", "27330", None, "at most", "2012-05"),
        ("salary_percentile", "90", "68990", None, "at least", "2012-05"),
    ]


def test_who_earns_the_least_and_the_most_with_their_averages() -> None:
    page = (
        "Teacher Salary Statistics\n"
        "Of the kinds of teachers compared, preschool teachers earn the least, an average salary "
        "of $52,420 a year, while secondary school teachers earn the most, averaging $69,580.\n"
        "Electricians earn the most in Alaska, averaging $80,000.\n"
    )
    got = [(slugify(f[0]), f[1], f[3], f[5]) for f in facts(page) if f[1] == "salary_yearly"]
    assert got == [
        ("preschool-teacher", "salary_yearly", "52420", "mean"),
        ("secondary-school-teacher", "salary_yearly", "69580", "mean"),
    ]


def test_entry_education_as_a_requirement_or_a_minimum() -> None:
    page = (
        "Financial Analyst Career\n"
        "A bachelor's degree is usually the minimum for a financial analyst, though employers "
        "may prefer a master's degree.\n"
        "Typical Education: Bachelor's degree (Finance or a related field)\n"
        "The usual entry requirement is at least a bachelor's degree in finance.\n"
        "Minimum wage rules do not apply to analysts.\n"
    )
    got = sorted((f.line, f.metric, f.text) for f in parse_page("p.txt", page.encode()).facts)
    assert got == [
        (2, "education_entry", "bachelor's degree"),
        (3, "education_entry", "Bachelor's degree"),
        (4, "education_entry", "bachelor's degree"),
    ]


def test_growth_as_a_label_and_its_value() -> None:
    page = (
        "Network Administrator Career Guide\n"
        "Network administrators keep an organization's networks running.\n"
        "Job Growth (2023–2033): -3% (decline)\n"
        "Salary growth: 3% a year\n"
    )
    got = [(f[1], f[3], f[7]) for f in facts(page)]
    assert got == [("growth_projected", "-3", "2023-2033")]
    assert parse_page("p.txt", page.encode()).facts[0].text == "decline"


def test_top_industry_named_as_the_industry_that_pays_the_most() -> None:
    page = "Welder Statistics\n- For welders, the automotive industry pays the most.\n"
    got = [(f.metric, f.text) for f in parse_page("p.txt", page.encode()).facts]
    assert got == [("top_industry", "automotive")]


def test_an_amount_above_its_role_and_label() -> None:
    page = (
        "Financial Analyst Salary\n"
        "What financial analysts earn depends on many things.\n"
        "\n"
        "$95,570\n"
        "Financial Analysts\n"
        "Median Annual Salary, 2021\n"
        "\n"
        "$1,200\n"
        "Tuition per course\n"
    )
    result = parse_page("p.txt", page.encode())
    got = [(f.line, f.metric, f.printed, f.statistic, f.period) for f in result.facts]
    assert got == [(4, "salary_yearly", "95570", "median", "2021")]
    assert [p.line for p in result.problems] == [8]


def test_an_amount_given_as_the_median_for_a_role() -> None:
    page = (
        "Police Officer Salary\n"
        "The BLS gives $72,280 as the annual median salary for police officers.\n"
    )
    got = [(slugify(f[0]), f[1], f[3], f[5]) for f in facts(page)]
    assert got == [("police-officer", "salary_yearly", "72280", "median")]


def test_a_pay_range_in_a_sentence() -> None:
    page = (
        "Police Officer Salary\n"
        "Police officers earn a median of $72,280, and their salaries run from $45,200 to "
        "$111,700 a year.\n"
    )
    got = [(f[1], f[3], f[4]) for f in facts(page)]
    assert got == [
        ("salary_yearly", "72280", "USD/year"),
        ("salary_min", "45200", "USD/year"),
        ("salary_max", "111700", "USD/year"),
    ]


def test_employer_subjects_with_and_and_relative_clauses() -> None:
    page = (
        "HVAC Technician Salary\n"
        "In 2012 HVAC technicians earned an average of $45,830 a year. Companies that sell HVACR "
        "equipment paid an average of $46,670 a year. Colleges and universities that hire HVAC "
        "technicians directly paid them an average salary of $49,350. Wired telecommunications "
        "carriers paid best of all employers, at an average of $67,190 a year.\n"
    )
    result = parse_page("p.txt", page.encode())
    got = [(f.metric, f.category or f.text, f.printed) for f in result.facts]
    assert got == [
        ("salary_yearly", None, "45830"),
        ("salary_by_industry", "Companies that sell HVACR equipment", "46670"),
        ("salary_by_industry", "Colleges and universities", "49350"),
        ("salary_by_industry", "Wired telecommunications carriers", "67190"),
        ("top_industry", "Wired telecommunications carriers", None),
    ]


def test_a_range_is_not_the_median_and_a_projected_salary_is_no_fact() -> None:
    page = (
        "Police Officer Salary\n"
        "The BLS gives $72,280 as the annual median salary for police officers, whose salaries "
        "run from $45,200 to $111,700 a year.\n"
        "With a 2.5% increase, the annual median salary of police officers is projected at "
        "$74,087 for 2024-2025.\n"
    )
    got = [(f[1], f[3]) for f in facts(page)]
    assert got == [
        ("salary_yearly", "72280"),
        ("salary_min", "45200"),
        ("salary_max", "111700"),
    ]


def test_a_top_state_named_above_its_list_is_read_there() -> None:
    page = (
        "Highest-paying state for 50 jobs\n"
        "Waiters and waitresses: Hawaii\n"
        "Highest-paying states:\n"
        "- #1: Hawaii (average annual wage: $55,200; employment: 19,500)\n"
        "- #2: Arizona (average annual wage: $36,550; employment: 50,880)\n"
    )
    result = parse_page("p.txt", page.encode())
    tops = [(f.line, f.text) for f in result.facts if f.metric == "top_state"]
    assert tops == [(2, "Hawaii")]


def test_widget_labels_with_their_values_beside_or_above() -> None:
    page = (
        "Writers and Authors\n"
        "Annual Openings\n"
        "13.4\n"
        "projected jobs/year\n"
        "National Employment:135,400\n"
        "Growth Rate:+3.6%\n"
        "Annual Openings:13,400\n"
        "+4,900\n"
        "Employment Change\n"
        "40.8\n"
        "Growth Rate\n"
    )
    result = parse_page("p.txt", page.encode())
    got = [(f.line, f.metric, f.printed) for f in result.facts]
    assert got == [
        (5, "jobs_count", "135400"),
        (6, "growth_projected", "3.6"),
        (7, "openings_yearly", "13400"),
        (8, "employment_change", "4900"),
    ]


def test_a_share_of_the_workforce_that_was_female() -> None:
    page = (
        "HVAC Technician Careers\n"
        "HVAC technicians repair heating equipment. Women are rare in the trade: as of 2010 just "
        "0.6 percent of the workforce was female.\n"
    )
    got = [(slugify(f[0]), f[1], f[2], f[3], f[7]) for f in facts(page)]
    assert got == [("hvac-technician", "gender_share", "female", "0.6", "2010")]


def test_an_average_workforce_age() -> None:
    page = "Plumber Statistics\nPlumbers had an average workforce age of 39 in 2017.\n"
    got = [(f[1], f[3], f[5], f[7]) for f in facts(page)]
    assert got == [("age", "39", "mean", "2017")]


def test_a_word_of_a_roles_name_is_not_its_employer() -> None:
    page = (
        "Top 2 U.S. Jobs: Retail Salespersons and Cashiers\n"
        "The BLS counted 4.2 million retail salespersons and 3.3 million cashiers in May 2014.\n"
        "Retail salespersons earned a mean wage of $25,760 and cashiers $20,670.\n"
    )
    got = [(slugify(f[0]), f[1], f[3]) for f in facts(page)]
    assert got == [
        ("retail-salesperson", "jobs_count", "4200000"),
        ("cashier", "jobs_count", "3300000"),
    ]  # 'retail' is the salespersons' name, not an industry: their pay stays unread for now
