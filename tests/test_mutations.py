"""Tests written against mutations that used to pass every test (issue 13).

Each test here was checked by making the mutation in a copy of the source and watching the
test fail, then reverting it:

* glued-row split accepting an implausible half: dropping `implausible(b)` (or
  `implausible(a)`) in `facts/parsing/cells.py::split_glued` read `Average age40100` as
  ages 40 and 100 -> `test_glued_row_with_an_implausible_half_is_a_problem_never_a_fact`;
* two pages' different texts, or units, of one fact taken as agreeing: `len(texts) <= 1` or
  `len(units) <= 1` made `True` in `facts/tables.py::facts_agree` ->
  `test_different_texts_of_one_role_on_two_pages_are_a_conflict`,
  `test_different_units_of_one_number_are_a_conflict`;
* the equal-salary branch: `PayGap.equal` always False, `higher` chosen with `>=` in
  `analysis/_pay.py`, or the `if gap.equal:` branch of `reporting/narrative/pay.py` removed ->
  `test_equal_salaries_earn_the_same_in_sentences_and_key_numbers`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from rolecompare import analysis
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing import parse_page

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
P000, P001, P003 = (
    "000_22965af89e6f7745.txt",
    "001_ab6d71d0de38f037.txt",
    "003_f238aaacc82e3e21.txt",
)
CRM, CSM = "customer-relations-manager", "customer-service-manager"


def seed_lines(name: str) -> list[str]:
    return (RAW / name).read_text(encoding="utf-8").splitlines()


def page_with(name: str, line: int, old: str, new: str) -> bytes:
    """A seed page with one change on one line (1-based), asserted to apply."""
    lines = seed_lines(name)
    assert old in lines[line - 1], (name, line, old)
    lines[line - 1] = lines[line - 1].replace(old, new)
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- glued rows -------------------------------------------------------------------------------


@pytest.mark.parametrize("glued", ["40100", "10040"])
def test_glued_row_with_an_implausible_half_is_a_problem_never_a_fact(glued: str) -> None:
    """`Average age40100`: 40 and 100 are well-formed, but no one in a role is 100 on
    average (ages 14 to 90 are plausible), and no other split is well-formed."""
    data = page_with(P001, 18, "Average age4442", f"Average age{glued}")
    result = parse_page("glued.txt", data)
    ages = [f for f in result.facts if f.line == 18]
    assert ages == [], ages
    assert not any(f.metric == "age" and f.value in (100.0, 1004.0) for f in result.facts)
    problems = [p for p in result.problems if p.line == 18]
    assert len(problems) == 1 and "Average age" in problems[0].message
    assert not result.pending  # not an ambiguity for other pages to decide: no split at all
    # the same row elsewhere on the page still reads (line 55: ages 44 and 42)
    assert {(f.role, f.value) for f in result.facts if f.line == 55 and f.metric == "age"} == {
        ("Customer Service Manager", 44.0),
        ("Customer Relations Manager", 42.0),
    }


# --- conflicts between pages ------------------------------------------------------------------


def ingest_pages(tmp_path: Path, pages: dict[str, bytes]) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, data in pages.items():
        (raw / name).write_bytes(data)
    result = ingest(raw, tmp_path / "processed")
    return result.tables["facts"], result.tables["conflicts"]


def test_different_texts_of_one_role_on_two_pages_are_a_conflict(tmp_path: Path) -> None:
    facts, conflicts = ingest_pages(
        tmp_path,
        {
            "a.txt": (RAW / P000).read_bytes(),
            "b.txt": page_with(P000, 26, "| Amazon |", "| Google |"),
        },
    )
    rows = conflicts[(conflicts.role_id == CRM) & (conflicts.metric == "top_company")]
    assert len(rows) == 1, conflicts
    values = rows.iloc[0]["values"]
    assert "Amazon (a.txt:26)" in values and "Google (b.txt:26)" in values
    # the same text on both pages, in another case, agrees
    assert conflicts[conflicts.metric == "top_state"].empty
    res = analysis.resolve(facts, conflicts, CRM, "top_company")
    assert res.conflict and set(res.texts) == {"Amazon", "Google"} and res.text is None


def test_different_units_of_one_number_are_a_conflict(tmp_path: Path) -> None:
    facts, conflicts = ingest_pages(
        tmp_path,
        {
            "a.txt": (RAW / P003).read_bytes(),
            "b.txt": page_with(P003, 33, "£30,741", "€30,741"),
        },
    )
    rows = conflicts[
        (conflicts.metric == "salary_abroad") & (conflicts.category == "United Kingdom")
    ]
    assert len(rows) == 1, conflicts
    assert set(rows.iloc[0]["unit"].split("; ")) == {"EUR/year", "GBP/year"}
    assert conflicts[conflicts.category == "Australia"].empty  # same unit, same number
    res = analysis.resolve(facts, conflicts, CRM, "salary_abroad", "United Kingdom")
    assert res.conflict and set(res.unit.split("; ")) == {"EUR/year", "GBP/year"}
    table = analysis.resolved_numbers(facts, conflicts)
    uk = table[(table.metric == "salary_abroad") & (table.category == "United Kingdom")]
    assert uk["conflict"].all() and uk["value"].isna().all()


# --- equal salaries ---------------------------------------------------------------------------


@pytest.fixture
def equal_pay(tmp_path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Page 001 with both roles at $61,487 a year and $29.56 an hour."""
    lines = seed_lines(P001)
    replace = {
        5: ("$66,782", "$61,487"),
        12: ("$61,487$66,782", "$61,487$61,487"),
        13: ("$29.56$32.11", "$29.56$29.56"),
        34: ("$61,487$66,782", "$61,487$61,487"),
    }
    for line, (old, new) in replace.items():
        assert old in lines[line - 1], line
        lines[line - 1] = lines[line - 1].replace(old, new)
    return ingest_pages(tmp_path, {P001: ("\n".join(lines) + "\n").encode("utf-8")})


def text_of(output: object) -> str:
    html = output.data if hasattr(output, "data") else str(output)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_equal_salaries_earn_the_same_in_sentences_and_key_numbers(equal_pay) -> None:
    from rolecompare.reporting import narrative, presentation

    facts, conflicts = equal_pay
    names = analysis.role_names(facts)
    gap = analysis.pay_gap(facts, conflicts, CSM, CRM)
    assert gap.equal and gap.gap == 0 and gap.higher is None and gap.lower is None
    hourly = analysis.pay_gap(facts, conflicts, CSM, CRM, "salary_hourly")
    assert hourly.equal

    sentence = narrative.pay_gap_sentence(gap, names)
    assert "earn the same" in sentence and "more" not in sentence, sentence

    report = presentation.pair_report(facts, conflicts, CSM, CRM)
    keys = text_of(presentation.key_numbers(report))
    assert keys.count("earn the same") == 2, keys  # yearly and hourly
    assert "$0" not in keys and "more a year" not in keys
    pay = text_of(presentation.pay(report))
    assert "earn the same" in pay, pay
