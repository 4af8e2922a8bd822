"""Pay by percentile printed one rank a line (facts/parsing/percentile_rows.py)."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page


def facts(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.line, f.metric, f.category, f.printed, f.unit, f.statistic) for f in result.facts]


def test_a_run_of_ranks_in_both_units() -> None:
    page = (
        "Surveyor Salary\n"
        "10% $45,690\n"
        "Median $84,400\n"
        "90th percentile $156,360\n"
        "10% $21.97\n"
        "Median $40.58\n"
        "Projected Annual Job Openings 1,700\n"
    )
    y, h = "USD/year", "USD/hour"
    assert facts(page) == [
        (2, "salary_percentile", "10", "45690", y, None),
        (3, "salary_yearly", None, "84400", y, "median"),
        (4, "salary_percentile", "90", "156360", y, None),
        (5, "salary_percentile_hourly", "10", "21.97", h, None),
        (6, "salary_hourly", None, "40.58", h, "median"),
        (7, "openings_yearly", None, "1700", "count", None),
    ]


def test_one_or_two_rows_are_no_distribution() -> None:
    page = "Surveyor Salary\n25% $58,800\nMedian $84,400\n"
    assert [f for f in facts(page) if f[1] == "salary_percentile"] == []


def test_explain_says_the_rank_is_part_of_the_fact(tmp_path) -> None:
    from rolecompare.facts.explain import explain

    page = tmp_path / "p.txt"
    page.write_text("Surveyor Salary\n10% $45,690\nMedian $84,400\n90% $156,360\n")
    text = explain(page, 2)
    assert "reader=percentile-rows" in text
    assert "'10%' at 1: read as part of a fact" in text
