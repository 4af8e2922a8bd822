"""Values under their labels (facts/parsing/split_values.py): labels with modifier words
("National", "10-Year"), a pay's other unit on the next line, a top state with its pay."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.parsing.cues import label_cue


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.line, f.metric, f.category, f.printed, f.text, f.unit, f.statistic)
            for f in result.facts]  # fmt: skip


def test_modifier_words_leave_the_label() -> None:
    assert label_cue("national median salary") == label_cue("median salary")
    assert label_cue("10-year growth") == label_cue("growth")
    assert label_cue("national") is None
    assert label_cue("median salary range") is None


def test_a_widget_with_both_units_and_a_top_state_with_its_pay() -> None:
    page = (
        "Plumbers\n"
        "National Median Salary\n"
        "$61,550\n"
        "$29.59/hr\n"
        "10-Year Growth\n"
        "+4.1%\n"
        "Top-Paying State\n"
        "Illinois ($94,460)\n"
    )
    assert facts(page) == [
        (3, "salary_yearly", None, "61550", None, "USD/year", "median"),
        (4, "salary_hourly", None, "29.59", None, "USD/hour", "median"),
        (6, "growth_projected", None, "4.1", None, "percent", None),
        (8, "top_state", None, None, "Illinois", None, None),
        (8, "salary_by_place", "Illinois", "94460", None, "USD/year", None),
    ]


def test_label_and_value_cells_of_a_pipe_table() -> None:
    page = (
        "Dispatchers Quick Stats |\n"
        "Total Jobs in 2016 | 98,600 |\n"
        "Expected Growth | 8% (As fast as average) |\n"
        "New Jobs To Be Added from 2016 to 2026 |\n"
        "8,200 |\n"
        "Employment (2008): 286,000 total U.S. employees\n"
    )
    got = [(f[0], f[1], f[3]) for f in facts(page)]
    assert got == [
        (2, "jobs_count", "98600"),
        (3, "growth_projected", "8"),
        (5, "employment_change", "8200"),
        (6, "jobs_count", "286000"),
    ]
    periods = [f.period for f in parse_page("p.txt", page.encode()).facts]
    assert periods == ["2016", None, "2016-2026", "2008"]


def test_typical_education_after_a_colon_up_to_its_aside() -> None:
    page = (
        "Cook Profile\n"
        "Typical Education: No formal credential required; training varies by setting\n"
        "Education: Culinary diploma or certificate preferred\n"
    )
    got = [(f.line, f.metric, f.text) for f in parse_page("p.txt", page.encode()).facts]
    assert got == [(2, "education_entry", "No formal credential required")]


def test_a_widget_that_prints_every_value_above_its_label() -> None:
    page = (
        "Summary\n"
        "\n"
        "$73,690/year\n"
        "Median Pay\n"
        "49,450\n"
        "Number of Jobs\n"
        "8.2%\n"
        "Job Growth(%)\n"
        "4,055\n"
        "Job Growth(#)\n"
        "\n"
        "Writers and Authors: Crafting Stories\n"
    )
    assert [(f[0], f[1], f[3]) for f in facts(page)] == [
        (3, "salary_yearly", "73690"),
        (5, "jobs_count", "49450"),
        (7, "growth_projected", "8.2"),
        (9, "employment_change", "4055"),
    ]


def test_minimum_education_over_its_value_not_over_a_menu_item() -> None:
    page = (
        "Civil Engineer\n"
        "Minimum Education Level\n"
        "Bachelor's Degree\n"
        "\n"
        "Menu\n"
        "Minimum Education Level\n"
        "Experience\n"
    )
    got = [(f.line, f.metric, f.text) for f in parse_page("p.txt", page.encode()).facts]
    assert got == [(3, "education_entry", "Bachelor's Degree")]
