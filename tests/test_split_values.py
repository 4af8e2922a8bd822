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
