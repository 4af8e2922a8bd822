"""The parser on pages that are NOT the seeds: made-up roles, made-up numbers, other layouts.

Every page is a small file in tests/fixtures/pages/ (written for these tests); each test states
the exact facts (role_id, metric, category, value, text, unit, source, line) the page holds.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from rolecompare.facts.parsing import PageResult, parse_page
from rolecompare.facts.tables import build_tables

PAGES = Path(__file__).parent / "fixtures" / "pages"

# Units, spelled once.
Y, H, PCT, YRS, MON, CNT, RAT, SCORE = (
    "USD/year",
    "USD/hour",
    "percent",
    "years",
    "months",
    "count",
    "rating",
    "score",
)
# Role ids.
DW, CTO, ITS, LLAMA, LIGHT, DEVOPS, PUPPET, USA = (
    "data-wrangler",
    "chief-tea-officer",
    "it-support-lead",
    "llama-groomer",
    "lighthouse-keeper",
    "devops-engineer",
    "puppet-maker",
    "us-average",
)


def F(line, role_id, metric, value=None, *, text=None, category=None, unit=None):
    """One expected fact: (line, role_id, metric, category, value, text, unit)."""
    return (line, role_id, metric, category, value, text, unit)


def _none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def fact_rows(tables: dict[str, pd.DataFrame], source: str) -> list[tuple]:
    facts = tables["facts"]
    rows = [
        (
            int(r.line),
            r.role_id,
            r.metric,
            _none(r.category),
            _none(r.value),
            _none(r.text),
            _none(r.unit),
        )
        for r in facts[facts.source == source].itertuples()
    ]
    return sorted(rows, key=repr)


def expect(rows: list[tuple]) -> list[tuple]:
    return sorted(rows, key=repr)


def problem_rows(tables: dict[str, pd.DataFrame], source: str) -> list[tuple[int, str]]:
    problems = tables["problems"]
    return [(int(r.line), r.problem) for r in problems[problems.source == source].itertuples()]


@cache
def page_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@cache
def parsed(name: str) -> PageResult:
    return parse_page(name, page_bytes(name))


@cache
def tables_of(*names: str) -> dict[str, pd.DataFrame]:
    """Tidy tables of these fixture pages (cached: tests only read them)."""
    return build_tables([parsed(n) for n in names])


ALL_PAGES = sorted(p.name for p in PAGES.glob("*.txt"))


@pytest.fixture(scope="module")
def all_tables() -> dict[str, pd.DataFrame]:
    return tables_of(*ALL_PAGES)


# --- 1. variant layouts -----------------------------------------------------------------------


def test_tab_separated_tables_with_and_without_leading_tab() -> None:
    """Header '\\tData Wrangler\\tChief Tea Officer' (line 7) and 'Data Wrangler\\tChief Tea
    Officer' (line 19); cells split on tabs; '-' cells are missing, not problems."""
    tables = tables_of("tab_table.txt")
    assert fact_rows(tables, "tab_table.txt") == expect(
        [
            # prose, line 3
            F(3, DW, "years_to_become_min", 1.0, unit=YRS),
            F(3, DW, "years_to_become_max", 3.0, unit=YRS),
            F(3, CTO, "years_to_become_min", 6.0, unit=YRS),
            F(3, CTO, "years_to_become_max", 9.0, unit=YRS),
            F(3, CTO, "salary_yearly", 57000.0, unit=Y),
            F(3, DW, "salary_yearly", 48250.0, unit=Y),
            # overview table, header with a leading tab
            F(8, DW, "salary_yearly", 48250.0, unit=Y),
            F(8, CTO, "salary_yearly", 57000.0, unit=Y),
            F(9, DW, "salary_hourly", 23.2, unit=H),
            F(9, CTO, "salary_hourly", 27.4, unit=H),
            F(10, DW, "growth_rate", 11.0, unit=PCT),
            F(11, DW, "jobs_count", 12480.0, unit=CNT),
            F(11, CTO, "jobs_count", 7890.0, unit=CNT),
            F(12, DW, "job_satisfaction", 3.9, unit=RAT),
            F(13, DW, "degree_top", 62.0, text="Bachelor's Degree", unit=PCT),
            F(13, CTO, "degree_top", 41.0, text="Master's Degree", unit=PCT),
            F(14, DW, "age", 36.0, unit=YRS),
            F(14, CTO, "age", 53.0, unit=YRS),
            F(15, DW, "experience_years", 3.0, unit=YRS),
            F(15, CTO, "experience_years", 10.0, unit=YRS),
            # salary table, header without a leading tab
            F(20, DW, "salary_yearly", 48250.0, unit=Y),
            F(20, CTO, "salary_yearly", 57000.0, unit=Y),
            F(21, DW, "salary_min", 31000.0, unit=Y),
            F(21, DW, "salary_max", 74000.0, unit=Y),
            F(21, CTO, "salary_min", 39000.0, unit=Y),
            F(21, CTO, "salary_max", 83000.0, unit=Y),
            F(22, DW, "top_city", text="Austin, TX"),
            F(22, CTO, "top_city", text="Portland, OR"),
            F(23, DW, "top_state", text="Texas"),
            F(23, CTO, "top_state", text="Oregon"),
            F(24, DW, "top_company", text="Smörgås Data"),
            F(24, CTO, "top_company", text="Twinings"),
            F(25, DW, "top_industry", text="Technology"),
            F(25, CTO, "top_industry", text="Hospitality"),
        ]
    )
    assert problem_rows(tables, "tab_table.txt") == []
    assert "comparison-separated" in parsed("tab_table.txt").layouts
    # trailing zeros survive as printed
    facts = tables["facts"]
    hourly = facts[(facts.metric == "salary_hourly")].set_index("role_id")["printed"]
    assert hourly.to_dict() == {DW: "23.20", CTO: "27.40"}


def test_pipe_table_with_unshifted_header() -> None:
    """'| | IT Support Lead | Data Wrangler |': the empty first cell is the label column."""
    tables = tables_of("pipe_unshifted.txt")
    assert fact_rows(tables, "pipe_unshifted.txt") == expect(
        [
            F(6, ITS, "salary_yearly", 41180.0, unit=Y),
            F(6, DW, "salary_yearly", 48250.0, unit=Y),
            F(7, ITS, "salary_hourly", 19.8, unit=H),
            F(7, DW, "salary_hourly", 23.2, unit=H),
            F(8, ITS, "growth_rate", 4.0, unit=PCT),
            F(8, DW, "growth_rate", 11.0, unit=PCT),
            F(9, ITS, "jobs_count", 1234567.0, unit=CNT),
            F(9, DW, "jobs_count", 12480.0, unit=CNT),
            F(10, ITS, "job_satisfaction", 3.4, unit=RAT),
            F(10, DW, "job_satisfaction", 3.9, unit=RAT),
            F(11, ITS, "degree_top", 44.0, text="Associate Degree", unit=PCT),
            F(11, DW, "degree_top", 62.0, text="Bachelor's Degree", unit=PCT),
            F(12, ITS, "age", 47.0, unit=YRS),
            F(12, DW, "age", 36.0, unit=YRS),
            F(13, ITS, "experience_years", 5.0, unit=YRS),
            F(13, DW, "experience_years", 3.0, unit=YRS),
            F(16, ITS, "gender_share", 71.5, category="male", unit=PCT),
            F(16, ITS, "gender_share", 28.5, category="female", unit=PCT),
            F(16, DW, "gender_share", 52.0, category="male", unit=PCT),
            F(16, DW, "gender_share", 48.0, category="female", unit=PCT),
            F(17, ITS, "race_share", 61.0, category="White", unit=PCT),
            F(17, ITS, "race_share", 12.5, category="Asian", unit=PCT),
            F(17, ITS, "race_share", 26.5, category="Unknown", unit=PCT),
            F(17, DW, "race_share", 55.0, category="White", unit=PCT),
            F(17, DW, "race_share", 30.0, category="Asian", unit=PCT),
            F(17, DW, "race_share", 15.0, category="Unknown", unit=PCT),
            F(18, ITS, "lgbt_share", 9.0, unit=PCT),
            F(18, DW, "lgbt_share", 14.0, unit=PCT),
            F(19, ITS, "top_company", text="Café Nimbus"),
            F(19, DW, "top_company", text="Smörgås Data"),
        ]
    )
    assert problem_rows(tables, "pipe_unshifted.txt") == []
    roles = tables["roles"].set_index("role_id")["role"].to_dict()
    assert roles == {ITS: "IT support lead", DW: "Data wrangler"}


def test_glued_table_for_two_new_roles() -> None:
    """Splits by thousands grouping (1,234,567|7,890), plausible ranges (39|51, not 3|951),
    missing markers (4.2|-) and case boundaries (IBM|Google, Bend, OR|Portland, ME)."""
    tables = tables_of("glued_new.txt")
    G, L = LLAMA, LIGHT
    assert fact_rows(tables, "glued_new.txt") == expect(
        [
            F(8, G, "salary_yearly", 38900.0, unit=Y),
            F(8, L, "salary_yearly", 52750.0, unit=Y),
            F(9, G, "salary_hourly", 18.7, unit=H),
            F(9, L, "salary_hourly", 25.36, unit=H),
            F(10, G, "growth_rate", 7.0, unit=PCT),
            F(10, L, "growth_rate", 3.0, unit=PCT),
            F(11, G, "jobs_count", 1234567.0, unit=CNT),
            F(11, L, "jobs_count", 7890.0, unit=CNT),
            F(12, G, "job_satisfaction", 4.2, unit=RAT),
            F(13, G, "degree_top", 38.0, text="High School Diploma", unit=PCT),
            F(13, L, "degree_top", 27.0, text="Associate Degree", unit=PCT),
            F(14, G, "age", 39.0, unit=YRS),
            F(14, L, "age", 51.0, unit=YRS),
            F(15, G, "experience_years", 2.0, unit=YRS),
            F(15, L, "experience_years", 7.0, unit=YRS),
            F(18, G, "salary_min", 24000.0, unit=Y),
            F(18, G, "salary_max", 61000.0, unit=Y),
            F(18, L, "salary_min", 35000.0, unit=Y),
            F(18, L, "salary_max", 80000.0, unit=Y),
            F(19, G, "top_city", text="Bend, OR"),
            F(19, L, "top_city", text="Portland, ME"),
            F(20, G, "top_state", text="Oregon"),
            F(20, L, "top_state", text="Maine"),
            F(21, G, "top_company", text="IBM"),
            F(21, L, "top_company", text="Google"),
            F(22, G, "gender_share", 40.0, category="male", unit=PCT),
            F(22, G, "gender_share", 60.0, category="female", unit=PCT),
            F(22, L, "gender_share", 81.0, category="male", unit=PCT),
            F(22, L, "gender_share", 19.0, category="female", unit=PCT),
            F(23, G, "lgbt_share", 12.0, unit=PCT),
            F(23, L, "lgbt_share", 6.0, unit=PCT),
        ]
    )
    assert problem_rows(tables, "glued_new.txt") == []
    assert parsed("glued_new.txt").pending == []
    assert "comparison-glued" in parsed("glued_new.txt").layouts


GLUED_TITLE_FACTS = [
    F(4, DEVOPS, "salary_yearly", 93400.0, unit=Y),
    F(4, DW, "salary_yearly", 48250.0, unit=Y),
    F(5, DEVOPS, "age", 34.0, unit=YRS),
    F(5, DW, "age", 36.0, unit=YRS),
    F(6, DEVOPS, "top_state", text="California"),
    F(6, DW, "top_state", text="Texas"),
]


def test_glued_header_split_by_the_page_title() -> None:
    """'DevOps EngineerData Wrangler' could be 'Dev' + 'Ops EngineerData Wrangler' or
    'DevOps Engineer' + 'Data Wrangler'; the title 'DevOps engineer vs data wrangler' decides."""
    tables = tables_of("glued_title.txt")
    assert fact_rows(tables, "glued_title.txt") == expect(GLUED_TITLE_FACTS)
    assert problem_rows(tables, "glued_title.txt") == []
    assert tables["roles"].set_index("role_id")["role"].to_dict() == {
        DEVOPS: "DevOps engineer",
        DW: "Data wrangler",
    }


def test_glued_header_without_title_is_a_problem_on_every_row() -> None:
    data = page_bytes("glued_title.txt").replace(
        b"DevOps engineer vs data wrangler", b"Two careers side by side"
    )
    result = parse_page("untitled.txt", data)
    assert result.facts == []
    assert [p.line for p in result.problems] == [4, 5, 6]
    for problem in result.problems:
        assert "'DevOps Engineer' + 'Data Wrangler'" in problem.message


def test_page_cut_off_mid_table() -> None:
    """Rows before the cut come through; the cut row '| Number of jobs | 7,890 | 1,2' (line 7,
    no newline) is a problem, and the cut cell '1,2' gives no fact."""
    tables = tables_of("cut_table.txt")
    assert fact_rows(tables, "cut_table.txt") == expect(
        [
            F(4, LIGHT, "salary_yearly", 52750.0, unit=Y),
            F(4, LLAMA, "salary_yearly", 38900.0, unit=Y),
            F(5, LIGHT, "salary_hourly", 25.36, unit=H),
            F(5, LLAMA, "salary_hourly", 18.7, unit=H),
            F(6, LIGHT, "age", 51.0, unit=YRS),
            F(6, LLAMA, "age", 39.0, unit=YRS),
            # the complete first cell of the cut row (it ends at its '|')
            F(7, LIGHT, "jobs_count", 7890.0, unit=CNT),
        ]
    )
    problems = problem_rows(tables, "cut_table.txt")
    assert [line for line, _ in problems] == [7]
    assert "Number of jobs" in problems[0][1] and "'1,2'" in problems[0][1]


def test_row_cut_inside_a_cell_is_not_read_as_complete() -> None:
    page = (
        "| | Lighthouse Keeper | Llama Groomer |\n"
        "| Average age | 51 | 39 |\n"
        "| Years of experience | 7 | 1"  # the file ends here: '1' could be the start of '12'
    )
    result = parse_page("cut_in_cell.txt", page.encode())
    assert [p.line for p in result.problems] == [3]
    assert not [f for f in result.facts if f.role == "Llama Groomer" and f.line == 3]


def test_comparison_page_without_salary_table() -> None:
    """No salary rows and no salary sentence: every other fact still comes through."""
    tables = tables_of("no_salary.txt")
    assert fact_rows(tables, "no_salary.txt") == expect(
        [
            F(3, LIGHT, "skill_top", text="lamp maintenance", category="1"),
            F(3, LIGHT, "skill_top", text="weather logging", category="2"),
            F(3, LIGHT, "skill_top", text="solitude", category="3"),
            F(3, PUPPET, "skill_top", text="woodcarving", category="1"),
            F(3, PUPPET, "skill_top", text="sewing", category="2"),
            F(3, PUPPET, "skill_top", text="stagecraft", category="3"),
            F(8, LIGHT, "growth_rate", 3.0, unit=PCT),
            F(8, PUPPET, "growth_rate", 5.0, unit=PCT),
            F(9, LIGHT, "jobs_count", 7890.0, unit=CNT),
            F(9, PUPPET, "jobs_count", 640.0, unit=CNT),
            F(10, LIGHT, "age", 51.0, unit=YRS),
            F(10, PUPPET, "age", 42.0, unit=YRS),
            F(13, LIGHT, "major_top", text="Marine Science"),
            F(13, PUPPET, "major_top", text="Fine Arts"),
            F(14, LIGHT, "college_top", text="Maine Maritime Academy"),
            F(14, PUPPET, "college_top", text="Rhode Island School of Design"),
        ]
    )
    assert problem_rows(tables, "no_salary.txt") == []


def test_profile_page_for_a_new_role() -> None:
    """US salary sentence, 'earn N% more/less' by place, UK (£) and Australia (AU$) salaries with
    their USD conversion, minimum experience, projected growth, and the paragraph of its "Job
    Description Overview" as the role's description."""
    tables = tables_of("profile_new.txt")
    assert fact_rows(tables, "profile_new.txt") == expect(
        [
            F(
                8,
                CTO,
                "description",
                text="A Chief Tea Officer curates the tea programme of a company. Chief Tea "
                "Officers taste, source and brew.",
            ),
            F(12, CTO, "salary_yearly", 57000.0, unit=Y),
            F(12, CTO, "salary_regional_diff", 12.0, category="Seattle", unit=PCT),
            F(12, CTO, "salary_regional_diff", -4.5, category="Boise", unit=PCT),
            F(14, CTO, "salary_abroad", 41250.0, category="United Kingdom", unit="GBP/year"),
            F(14, CTO, "salary_abroad_usd", 52310.0, category="United Kingdom", unit=Y),
            F(14, CTO, "salary_abroad", 88400.0, category="Australia", unit="AUD/year"),
            F(14, CTO, "salary_abroad_usd", 58020.0, category="Australia", unit=Y),
            F(18, CTO, "experience_min_years", 8.0, unit=YRS),
            F(
                22,
                CTO,
                "growth_projected",
                6.0,
                text="Bureau of Labor Statistics",
                unit=PCT,
            ),
        ]
    )
    assert problem_rows(tables, "profile_new.txt") == []
    assert tables["roles"]["role"].tolist() == ["Chief tea officer"]
    facts = tables["facts"]
    growth = facts[facts.metric == "growth_projected"]
    assert growth.period.tolist() == ["2022-2032"]
    salaries = facts[facts.metric.isin(["salary_yearly", "salary_abroad", "salary_abroad_usd"])]
    assert set(salaries.statistic) == {"mean"}  # "the average salary ... is"


def test_how_to_become_page_for_a_new_role() -> None:
    """Score table 'ScoreIT Support LeadUS Average' (role + US average columns), degree shares,
    the glued skills table, training time, the salary sentences, and the paragraph under the
    title 'What is an IT support lead ...' as the role's description."""
    tables = tables_of("howto_new.txt")
    assert fact_rows(tables, "howto_new.txt") == expect(
        [
            F(
                7,
                ITS,
                "description",
                text="An IT support lead runs the help desk team and keeps tickets moving.",
            ),
            F(10, ITS, "score_salary", 4.1, unit=SCORE),
            F(12, ITS, "salary_yearly", 41180.0, unit=Y),
            F(14, USA, "salary_yearly", 59228.0, unit=Y),
            F(17, ITS, "score_stability", 6.5, unit=SCORE),
            F(19, ITS, "growth_rate", 4.0, unit=PCT),
            F(21, USA, "growth_rate", 0.3, unit=PCT),
            F(24, ITS, "score_diversity", 5.2, unit=SCORE),
            F(27, ITS, "race_share", 12.5, category="Asian", unit=PCT),
            F(29, ITS, "race_share", 61.0, category="White", unit=PCT),
            F(31, ITS, "race_share", 26.5, category="Unknown", unit=PCT),
            F(35, ITS, "gender_share", 28.5, category="female", unit=PCT),
            F(37, ITS, "gender_share", 71.5, category="male", unit=PCT),
            F(39, ITS, "age", 48.0, unit=YRS),
            F(42, USA, "race_share", 7.0, category="Asian", unit=PCT),
            F(44, USA, "race_share", 57.0, category="White", unit=PCT),
            F(48, USA, "gender_share", 47.0, category="female", unit=PCT),
            F(50, USA, "gender_share", 53.0, category="male", unit=PCT),
            F(52, USA, "age", 42.0, unit=YRS),
            F(54, ITS, "score_stress", 6.9, unit=SCORE),
            F(58, USA, "score_stress", 7.1, text="high", unit=SCORE),
            F(61, ITS, "score_complexity", 5.5, unit=SCORE),
            F(65, USA, "score_complexity", 7.0, text="challenging", unit=SCORE),
            F(68, ITS, "score_work_life", 7.2, unit=SCORE),
            F(72, USA, "score_work_life", 6.4, text="fair", unit=SCORE),
            F(82, ITS, "degree_share", 44.0, category="Associate", unit=PCT),
            F(86, ITS, "degree_share", 31.5, category="Bachelor's", unit=PCT),
            F(90, ITS, "degree_share", 12.2, category="High School Diploma", unit=PCT),
            F(94, ITS, "skill_share", 22.4, category="Ticketing Systems", unit=PCT),
            F(95, ITS, "skill_share", 18.05, category="Active Directory", unit=PCT),
            F(96, ITS, "skill_share", 9.5, category="Customer Service", unit=PCT),
            F(99, ITS, "training_months_min", 3.0, unit=MON),
            F(99, ITS, "training_months_max", 6.0, unit=MON),
            F(103, ITS, "salary_yearly", 41180.0, unit=Y),
            F(103, ITS, "salary_hourly", 20.0, unit=H),
            F(103, ITS, "salary_min", 29000.0, unit=Y),
            F(103, ITS, "salary_max", 58000.0, unit=Y),
            F(106, ITS, "salary_yearly", 41180.0, unit=Y),
            F(107, ITS, "salary_hourly", 19.8, unit=H),
        ]
    )
    assert problem_rows(tables, "howto_new.txt") == []
    assert {"how-to-scores", "how-to-degrees", "how-to-skills"} <= parsed("howto_new.txt").layouts
    roles = tables["roles"].set_index("role_id")["role"].to_dict()
    assert roles == {ITS: "IT support lead", USA: "US average"}


def test_skills_table_rows_ending_in_an_acronym() -> None:
    page = (
        "What is a data wrangler and how to become one\n"
        "\n"
        "    SkillsPercentages\n"
        "    Python24.10%\n"
        "    SQL19.75%\n"
        "    ITIL8.5%\n"
    )
    result = parse_page("skills.txt", page.encode())
    assert result.problems == []
    shares = {(f.category, f.printed, f.line) for f in result.facts if f.metric == "skill_share"}
    assert shares == {("Python", "24.10", 4), ("SQL", "19.75", 5), ("ITIL", "8.5", 6)}


def test_regional_difference_for_a_place_with_a_state() -> None:
    page = (
        "Chief Tea Officer\n"
        "\n"
        "The average salary for a Chief Tea Officer in the US is $57,000 per year. Chief Tea "
        "Officers in Seattle, WA can expect to earn 12% more than the national average.\n"
    )
    result = parse_page("regional.txt", page.encode())
    regional = [
        (f.category, f.value, f.line) for f in result.facts if f.metric == "salary_regional_diff"
    ]
    assert regional == [("Seattle, WA", 12.0, 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hourly rates for chief tea officers vary by city.",
        "Salary ranges widen with seniority.",
        "Growth rates differ by region.",
        "Most common degrees are listed below.",
        "Scores are shown out of 10.",
    ],
)
def test_prose_that_starts_like_a_row_label_is_not_a_problem(sentence: str) -> None:
    page = (
        "Chief Tea Officer\n"
        "\n"
        "The average salary for a Chief Tea Officer in the US is $57,000 per year.\n"
        "\n"
        f"{sentence}\n"
    )
    result = parse_page("prose.txt", page.encode())
    assert [(f.metric, f.value, f.line) for f in result.facts] == [("salary_yearly", 57000.0, 3)]
    assert result.problems == []


# --- 1b. other page kinds for the same made-up roles ----------------------------------------


def G(line, role_id, metric, value=None, **kw):
    """One expected fact with its statistic, qualifier and period."""
    keys = ("category", "text", "unit", "statistic", "qualifier", "period")
    return (line, role_id, metric, value, *(kw.get(k) for k in keys))


def full_rows(tables: dict[str, pd.DataFrame], source: str) -> list[tuple]:
    facts = tables["facts"]
    keys = ("category", "text", "unit", "statistic", "qualifier", "period")
    rows = [
        (int(r.line), r.role_id, r.metric, _none(r.value), *(_none(getattr(r, k)) for k in keys))
        for r in facts[facts.source == source].itertuples()
    ]
    return sorted(rows, key=repr)


def test_handbook_page_for_a_new_role() -> None:
    """Quick facts (median pay of the label's year, negative outlook '-3% (Decline)', a negative
    employment change), the 'What Lighthouse Keepers Do' paragraph, pay and outlook prose
    (percentiles with 'less than'/'more than', 'projected to decline', openings 'over the
    decade' dated by the outlook above)."""
    tables = tables_of("handbook_new.txt")
    Y_, H_ = "USD/year", "USD/hour"
    assert full_rows(tables, "handbook_new.txt") == expect(
        [
            G(13, LIGHT, "salary_yearly", 49100.0, unit=Y_, statistic="median", period="2023"),
            G(14, LIGHT, "salary_hourly", 23.61, unit=H_, statistic="median", period="2023"),
            G(16, LIGHT, "education_entry", text="High school diploma or equivalent"),
            G(18, LIGHT, "experience_related", text="Less than 5 years"),
            G(20, LIGHT, "training_on_the_job", text="Long-term on-the-job training"),
            G(22, LIGHT, "jobs_count", 7890.0, unit=CNT, period="2023"),
            G(24, LIGHT, "growth_projected", -3.0, text="Decline", unit=PCT, period="2023-2033"),
            G(26, LIGHT, "employment_change", -240.0, unit=CNT, period="2023-2033"),
            G(
                30,
                LIGHT,
                "description",
                text="Lighthouse keepers tend the lamp, log the weather and keep the station in "
                "repair. Some also guide visitors.",
            ),
            G(38, LIGHT, "salary_yearly", 49100.0, unit=Y_, statistic="median", period="2023-05"),
            G(
                38,
                LIGHT,
                "salary_percentile",
                31250.0,
                category="10",
                unit=Y_,
                qualifier="less than",
                period="2023-05",
            ),
            G(
                38,
                LIGHT,
                "salary_percentile",
                70400.0,
                category="90",
                unit=Y_,
                qualifier="more than",
                period="2023-05",
            ),
            G(42, LIGHT, "growth_projected", -3.0, text="decline", unit=PCT, period="2023-2033"),
            G(
                44,
                LIGHT,
                "openings_yearly",
                520.0,
                unit=CNT,
                qualifier="approximate",
                period="2023-2033",
            ),
        ]
    )
    assert problem_rows(tables, "handbook_new.txt") == [
        (34, "12 not attributed: hours are not a metric")
    ]
    assert parsed("handbook_new.txt").kind == "handbook"


def test_statistics_page_with_tables_separated_by_spaces() -> None:
    """Employment and wage table and percentile table separated by runs of spaces, the role of
    the occupation-code heading, the period of the title; each top-paying state's pay is
    `salary_by_place`; standard errors and column headings are unread problems."""
    tables = tables_of("statistics_new.txt")
    Y_, H_, P_ = "USD/year", "USD/hour", "2022-05"
    pct = "salary_percentile"
    assert full_rows(tables, "statistics_new.txt") == expect(
        [
            G(
                7,
                LIGHT,
                "description",
                text="Tend lighthouses and light stations, log weather observations and maintain "
                "equipment.",
            ),
            G(12, LIGHT, "jobs_count", 7640.0, unit=CNT, period=P_),
            G(12, LIGHT, "salary_hourly", 24.95, unit=H_, statistic="mean", period=P_),
            G(12, LIGHT, "salary_yearly", 51890.0, unit=Y_, statistic="mean", period=P_),
            G(17, LIGHT, pct + "_hourly", 15.02, category="10", unit=H_, period=P_),
            G(17, LIGHT, pct + "_hourly", 19.1, category="25", unit=H_, period=P_),
            G(17, LIGHT, "salary_hourly", 23.61, unit=H_, statistic="median", period=P_),
            G(17, LIGHT, pct + "_hourly", 28.4, category="75", unit=H_, period=P_),
            G(17, LIGHT, pct + "_hourly", 33.85, category="90", unit=H_, period=P_),
            G(18, LIGHT, pct, 31250.0, category="10", unit=Y_, period=P_),
            G(18, LIGHT, pct, 39730.0, category="25", unit=Y_, period=P_),
            G(18, LIGHT, "salary_yearly", 49100.0, unit=Y_, statistic="median", period=P_),
            G(18, LIGHT, pct, 59070.0, category="75", unit=Y_, period=P_),
            G(18, LIGHT, pct, 70400.0, category="90", unit=Y_, period=P_),
            G(20, LIGHT, "salary_by_place", 61200.0, category="Maine", unit=Y_),
            G(20, LIGHT, "salary_by_place", 58300.0, category="Oregon", unit=Y_),
            G(20, LIGHT, "salary_by_place", 55900.0, category="Michigan", unit=Y_),
        ]
    )
    problems = problem_rows(tables, "statistics_new.txt")
    assert [line for line, _ in problems] == [3, 5, 12, 16, 16, 16, 16, 16]
    assert problems[2] == (12, "1.8 % not attributed: a relative standard error (RSE)")
    assert parsed("statistics_new.txt").kind == "statistics"


def test_prose_comparison_for_two_new_roles() -> None:
    """'Llama Groomer vs. Puppet Maker: ...': the pair in the title's order, an abbreviation the
    page defines ('Llama groomers (LGs)'), yearly and hourly pay on one line, figures of both
    roles in either order, a decline in words; 'llama groomers averaged $40,150' is not read."""
    tables = tables_of("comparison_prose_new.txt")
    Y_, H_ = "USD/year", "USD/hour"
    assert full_rows(tables, "comparison_prose_new.txt") == expect(
        [
            G(13, PUPPET, "salary_yearly", 44300.0, unit=Y_, statistic="median", period="2022-05"),
            G(13, PUPPET, "salary_hourly", 21.3, unit=H_, statistic="median", period="2022-05"),
            G(13, LLAMA, "salary_yearly", 38900.0, unit=Y_, statistic="median", period="2022-05"),
            G(15, PUPPET, "salary_yearly", 47020.0, unit=Y_, statistic="mean"),
            G(17, PUPPET, "growth_projected", 5.0, unit=PCT, period="2022-2032"),
            G(17, LLAMA, "growth_projected", -2.0, text="decline", unit=PCT, period="2022-2032"),
            G(19, PUPPET, "jobs_count", 640.0, unit=CNT, qualifier="approximate", period="2022"),
        ]
    )
    assert problem_rows(tables, "comparison_prose_new.txt") == [
        (15, "$40,150 not attributed: no role and metric recognised around it")
    ]
    result = parsed("comparison_prose_new.txt")
    assert (result.kind, result.compares) == ("comparison-prose", ("Llama groomer", "Puppet Maker"))
    pages = tables["pages"]
    assert pages[["role_a", "role_b"]].values.tolist() == [[LLAMA, PUPPET]]


def test_fact_sheet_for_a_new_role() -> None:
    """A title naming the role ('Puppet Maker Workforce Fact Sheet'), a count 'up from' an
    earlier one (the earlier one and its year are not this count's), a median age, a trend
    'rose from 48.5% to 53.2%' dated by 'From 2015 to 2023', race shares of a year."""
    tables = tables_of("factsheet_new.txt")
    assert full_rows(tables, "factsheet_new.txt") == expect(
        [
            G(7, PUPPET, "jobs_count", 700.0, unit=CNT, qualifier="nearly"),
            G(8, PUPPET, "age", 41.0, unit=YRS, statistic="median"),
            G(9, PUPPET, "gender_share", 48.5, category="female", unit=PCT, period="2015"),
            G(9, PUPPET, "gender_share", 53.2, category="female", unit=PCT, period="2023"),
            G(10, PUPPET, "race_share", 71.3, category="White", unit=PCT, period="2023"),
            G(
                10,
                PUPPET,
                "race_share",
                9.4,
                category="Black or African American",
                unit=PCT,
                period="2023",
            ),
            G(10, PUPPET, "race_share", 8.8, category="Asian", unit=PCT, period="2023"),
            G(
                10,
                PUPPET,
                "race_share",
                10.5,
                category="Hispanic or Latino",
                unit=PCT,
                period="2023",
            ),
        ]
    )
    assert [line for line, _ in problem_rows(tables, "factsheet_new.txt")] == [7, 7, 8, 11, 11]
    assert parsed("factsheet_new.txt").kind == "fact-sheet"


# --- 2. ambiguous glued rows ------------------------------------------------------------------


def test_ambiguous_glued_row_without_evidence_is_a_problem() -> None:
    """'Years of experience110' is 1|10 or 11|0: alone, it is a problem, not a fact."""
    tables = tables_of("ambiguous.txt")
    assert fact_rows(tables, "ambiguous.txt") == expect(
        [
            F(4, PUPPET, "salary_yearly", 29500.0, unit=Y),
            F(4, CTO, "salary_yearly", 50000.0, unit=Y),
        ]
    )
    problems = problem_rows(tables, "ambiguous.txt")
    assert [line for line, _ in problems] == [5]
    message = problems[0][1]
    assert "Years of experience" in message and "'110'" in message
    assert "1 / 10" in message and "11 / 0" in message


def test_ambiguous_glued_row_resolved_by_another_page() -> None:
    """tab_table.txt states the chief tea officer's experience (10): the 1|10 split wins."""
    tables = tables_of("ambiguous.txt", "tab_table.txt")
    facts = fact_rows(tables, "ambiguous.txt")
    assert [f for f in facts if f[2] == "experience_years"] == expect(
        [
            F(5, PUPPET, "experience_years", 1.0, unit=YRS),
            F(5, CTO, "experience_years", 10.0, unit=YRS),
        ]
    )
    assert problem_rows(tables, "ambiguous.txt") == []


def test_ambiguous_glued_row_follows_the_evidence_not_a_default() -> None:
    """Evidence that the puppet maker has 11 years picks the other split (11|0)."""
    other = parse_page(
        "evidence.txt", b"| | Puppet Maker | Clown |\n| Years of experience | 11 | 3 |\n"
    )
    tables = build_tables([parsed("ambiguous.txt"), other])
    facts = fact_rows(tables, "ambiguous.txt")
    assert [f for f in facts if f[2] == "experience_years"] == expect(
        [
            F(5, PUPPET, "experience_years", 11.0, unit=YRS),
            F(5, CTO, "experience_years", 0.0, unit=YRS),
        ]
    )


# --- 3. conflicts across pages ----------------------------------------------------------------


def test_conflicts_across_the_fixture_pages(all_tables) -> None:
    """The lighthouse keeper's median pay (two pages, 2023 and May 2022), its mean (May 2022)
    and the unstated pay of the glued tables are compared like with like: no conflict. The
    puppet maker's median age (41) is not compared with the average age (42)."""
    conflicts = all_tables["conflicts"]
    rows = {
        (r.role_id, r.metric): (r.n_values, r.min_value, r.max_value, r.unit, r.values)
        for r in conflicts.itertuples()
    }
    assert rows == {
        # $50,000 on one page, $57,000 on three lines of another and on a third page
        (CTO, "salary_yearly"): (
            2,
            50000.0,
            57000.0,
            Y,
            "50000 (ambiguous.txt:4); "
            "57000 (profile_new.txt:12, tab_table.txt:3, tab_table.txt:8, tab_table.txt:20)",
        ),
        # age 47 vs 48 is a conflict: whole numbers that differ cannot be the same rounding
        (ITS, "age"): (
            2,
            47.0,
            48.0,
            YRS,
            "48 (howto_new.txt:39); 47 (pipe_unshifted.txt:12)",
        ),
    }


def test_hourly_rate_rounded_differently_is_not_a_conflict(all_tables) -> None:
    """$20 per hour (howto_new.txt:103) and $19.80 (pipe_unshifted.txt:7, howto_new.txt:107)."""
    facts = all_tables["facts"]
    hourly = facts[(facts.role_id == ITS) & (facts.metric == "salary_hourly")]
    assert sorted(zip(hourly.source, hourly.line, hourly.printed, strict=True)) == [
        ("howto_new.txt", 103, "20"),
        ("howto_new.txt", 107, "19.80"),
        ("pipe_unshifted.txt", 7, "19.80"),
    ]
    conflicts = all_tables["conflicts"]
    assert conflicts[(conflicts.role_id == ITS) & (conflicts.metric == "salary_hourly")].empty


def test_all_fixture_pages_together(all_tables) -> None:
    """Every page still gives the facts it gives alone, plus the resolved ambiguous row."""
    sparse = {  # the report tests' sparse pages (sparse_glued.txt, sparse_pipe.txt)
        "accounting-clerk",
        "payroll-clerk",
        "dental-lab-technician",
        "orthodontic-assistant",
    }
    assert set(all_tables["roles"].role_id) == {
        DW,
        CTO,
        ITS,
        LLAMA,
        LIGHT,
        DEVOPS,
        PUPPET,
        USA,
        *sparse,
    }
    assert problem_rows(all_tables, "ambiguous.txt") == []
    problems = all_tables["problems"]
    read_problems = problems[~problems.problem.str.contains(" not attributed: ")]
    assert sorted(zip(read_problems.source, read_problems.line, strict=True)) == [
        ("cut_table.txt", 7)
    ]
    unread = problems[problems.problem.str.contains(" not attributed: ")]
    assert set(unread.source) == {
        "comparison_prose_new.txt",
        "factsheet_new.txt",
        "handbook_new.txt",
        "statistics_new.txt",
    }
    for name in ALL_PAGES:
        alone = fact_rows(tables_of(name), name)
        together = fact_rows(all_tables, name)
        if name == "ambiguous.txt":
            alone += [
                F(5, PUPPET, "experience_years", 1.0, unit=YRS),
                F(5, CTO, "experience_years", 10.0, unit=YRS),
            ]
        assert together == expect(alone), name


# --- 5. every fact points at the line that prints it -----------------------------------------

_PRINTED_CATEGORY = {"skill", "degree", "race", "gender", "place", "country"}
_GENDER_WORDS = {"female": ["female", "women", "woman"], "male": ["male", "men", "man"]}


def _check_fact_lines(facts: pd.DataFrame, lines_of) -> None:
    from rolecompare.facts.schema import metrics

    assert len(facts), "no facts to check"
    for r in facts.itertuples():
        lines = lines_of(r.source)
        where = f"{r.source}:{r.line} {r.role_id} {r.metric}"
        assert 1 <= r.line <= len(lines), where
        line = lines[r.line - 1]
        if isinstance(r.printed, str):
            digits = r.printed.lstrip("-")
            assert digits in line.replace(",", ""), f"{where}: {digits!r} not in {line!r}"
        if isinstance(r.text, str):
            assert r.text.casefold() in line.casefold(), f"{where}: {r.text!r} not in {line!r}"
        category = r.category if isinstance(r.category, str) else None
        # (a how-to page prints a degree's name on the line above its share)
        if category and metrics()[r.metric].category in _PRINTED_CATEGORY - {"degree"}:
            words = _GENDER_WORDS.get(category, [category])  # 'female': 'women' on the page
            assert any(w.casefold() in line.casefold() for w in words), f"{where}: {category!r}"
        if category and r.metric == "growth_projected":
            assert all(year in line for year in category.split("-")), where


def test_every_fact_line_shows_its_value(all_tables) -> None:
    def lines_of(source: str) -> list[str]:
        return page_bytes(source).decode("utf-8").split("\n")

    _check_fact_lines(all_tables["facts"], lines_of)


def test_fact_line_check_catches_a_wrong_line(all_tables) -> None:
    """The check above is not vacuous: shifting one line number makes it fail."""
    facts = all_tables["facts"].copy()
    facts.loc[facts.index[0], "line"] += 1

    def lines_of(source: str) -> list[str]:
        return page_bytes(source).decode("utf-8").split("\n")

    with pytest.raises(AssertionError):
        _check_fact_lines(facts, lines_of)


def test_fixture_pages_are_not_seed_copies() -> None:
    seeds = Path(__file__).resolve().parents[1] / "data" / "raw"
    seed_text = " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")).lower()
    for name in ALL_PAGES:
        text = page_bytes(name).decode("utf-8").lower()
        assert not re.search(r"customer (care|service|relations) manager", text), name
        assert text.strip() not in seed_text, name
