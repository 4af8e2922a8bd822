"""Labels and values on one line that no block reader took (facts/parsing/label_rows.py), and
other one-line statements of the same kind: an amount labelled in brackets, an age stated of
'the average <role>', openings a sentence says 'should' come each year."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.line, f.metric, f.printed, f.statistic) for f in result.facts]


def test_widget_labels_glued_to_their_values() -> None:
    page = "Lodging Managers\nJob growth18%\n\nTotal Employment35,920\n"
    assert facts(page) == [(2, "growth_projected", "18", None), (4, "jobs_count", "35920", None)]


def test_an_amount_labelled_in_brackets() -> None:
    page = "Electricians\n$39,430 (entry)$62,350 (median)$106,030 (top)\n"
    assert facts(page) == [(2, "salary_yearly", "62350", "median")]


def test_the_age_of_the_average_member_and_openings_that_should_come() -> None:
    page = (
        "Welder Statistics\n"
        "The survey finds the average welder to be 36 years old and married.\n"
        "Each year of the decade should bring about 24,600 openings for welders on average.\n"
        "Jobs should grow 5 percent per year from 2020 to 2030, which should add around 13,000 "
        "new job positions.\n"
    )
    assert facts(page) == [
        (2, "age", "36", "mean"),
        (3, "openings_yearly", "24600", None),
        (4, "growth_projected", "5", None),
        (4, "employment_change", "13000", None),
    ]


def test_training_months_a_top_state_and_pay_in_local_governments() -> None:
    page = (
        "Dispatcher Jobs\n"
        "Most dispatchers get on-the-job training, which usually lasts between 3 to 6 months.\n"
        "Alaska pays dispatchers more than any other state, an average salary of $67,000.\n"
        "In local governments, dispatchers average $57,500 annually.\n"
    )
    result = parse_page("page.txt", page.encode())
    got = [(f.line, f.metric, f.category, f.printed or f.text) for f in result.facts]
    assert got == [
        (2, "training_months_min", None, "3"),
        (2, "training_months_max", None, "6"),
        (3, "salary_by_place", "Alaska", "67000"),
        (3, "top_state", None, "Alaska"),
        (4, "salary_by_industry", "local governments", "57500"),
    ]


def test_a_ranked_list_of_states_an_aside_and_jobs_to_be_filled() -> None:
    page = (
        "Crane Operator Statistics\n"
        "New York, Massachusetts, Maryland and California are the states with the highest "
        "average salaries for crane operators.\n"
        "At the 10th percentile (the upper edge of the lowest-paid tenth) crane operators made "
        "$28.31 an hour, which works out to $58,870 a year.\n"
        "The BLS expects demand to grow by nearly 35 percent by 2031, an additional 56,500 "
        "positions to fill.\n"
        "Percent Growth: 10.2%\n"
    )
    result = parse_page("page.txt", page.encode())
    got = sorted((f.line, f.metric, f.category, f.printed or f.text) for f in result.facts)
    assert got == [
        (2, "top_state", None, "New York"),
        (3, "salary_percentile", "10", "58870"),
        (3, "salary_percentile_hourly", "10", "28.31"),
        (4, "employment_change", None, "56500"),
        (4, "growth_projected", None, "35"),
        (5, "growth_projected", None, "10.2"),
    ]


def test_entry_education_a_role_must_have() -> None:
    page = "Plumber Statistics\nA plumber must have a high school diploma or the equivalent.\n"
    result = parse_page("page.txt", page.encode())
    assert [(f.metric, f.text) for f in result.facts] == [
        ("education_entry", "high school diploma")
    ]


def test_ranked_states_and_a_states_hourly_pay() -> None:
    page = (
        "Carpenter Salary\n"
        "California ranked among the states that paid carpenters most, at $54,600 a year and "
        "$26.25 an hour.\n"
        "Virginia and Alaska are the top-paying states for the occupation.\n"
    )
    result = parse_page("page.txt", page.encode())
    got = sorted((f.line, f.metric, f.category, f.printed or f.text) for f in result.facts)
    assert got == [
        (2, "salary_by_place", "California", "26.25"),
        (2, "salary_by_place", "California", "54600"),
        (2, "top_state", None, "California"),
        (3, "top_state", None, "Virginia"),
    ]
