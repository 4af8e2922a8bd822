"""The parser on pages made from real pages of other kinds: handbooks, statistics pages, prose
comparisons and fact sheets (tests/fixtures/real/, see PAGES.md there).

Ground truth: `expected_facts.csv` (every fact a careful reader takes, with its statistic,
qualifier and period) and `expected_unread.csv` (every other number, with why it is not a fact).
Each page's facts must be exactly the expected ones, but for the known misses listed here with
their reason; a fact outside the expected list fails the test (precision is 100%). Every
number that is not a fact must be a problem of its line (or a number that is evidently not
data, by one of the rules of `parsing.unread`). Run with `-s` to see recall per page kind.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from rolecompare.facts.parsing import PageResult, parse_page
from rolecompare.facts.parsing.numbers import find_numbers
from rolecompare.facts.parsing.text import slugify
from rolecompare.facts.parsing.unread import NON_DATA_RULES
from rolecompare.facts.tables import build_tables

REAL = Path(__file__).parent / "fixtures" / "real"
PAGES = sorted(p.name for p in REAL.glob("*.txt"))
KIND_OF_PREFIX = {
    "handbook": "handbook",
    "statistics": "statistics",
    "comparison": "comparison-prose",
    "factsheet": "fact-sheet",
}
# (file, line, role_id, value as printed) -> why the parser does not read that fact
KNOWN_MISSES = {
    ("factsheet_nces-public-school-teachers.txt", 10, "public-school-teacher", "3400000"): (
        "no role is named: '11 percent more people taught in public schools in 2020–21 than in "
        "2011–12 (3.4 million)'"
    ),
    ("factsheet_nces-public-school-teachers.txt", 10, "elementary-teacher", "1700000"): (
        "the role is named only as 'the elementary instructional level', and the count stands "
        "in brackets after the comparison of two school years"
    ),
    ("factsheet_nces-public-school-teachers.txt", 10, "secondary-teacher", "1700000"): (
        "elided: 'and the secondary instructional level 13 percent more (1.7 million)'"
    ),
}
Fact = tuple[int, str, str, str, str, str, str, str, str, str]


def _csv(name: str) -> list[dict[str, str]]:
    with (REAL / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def expected_facts() -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {name: [] for name in PAGES}
    for r in _csv("expected_facts.csv"):
        out[r["file"]].append(
            (
                int(r["line"]),
                slugify(r["role"]),
                r["metric"],
                r["category"],
                r["value"],
                r["text"],
                r["unit"],
                r["statistic"],
                r["qualifier"],
                r["period"],
            )
        )
    return out


@cache
def expected_unread() -> dict[str, list[tuple[int, str, str]]]:
    out: dict[str, list[tuple[int, str, str]]] = {name: [] for name in PAGES}
    for r in _csv("expected_unread.csv"):
        out[r["file"]].append((int(r["line"]), r["number"], r["why"]))
    return out


@cache
def parsed(name: str) -> PageResult:
    return parse_page(name, (REAL / name).read_bytes())


def fact_rows(result: PageResult) -> list[Fact]:
    return [
        (
            f.line,
            slugify(f.role),
            f.metric,
            f.category or "",
            f.printed or "",
            f.text or "",
            f.unit or "",
            f.statistic or "",
            f.qualifier or "",
            f.period or "",
        )
        for f in result.facts
    ]


def _miss_key(name: str, fact: Fact) -> tuple[str, int, str, str]:
    return (name, fact[0], fact[1], fact[4])


def _is_known_miss(name: str, fact: Fact) -> bool:
    return _miss_key(name, fact) in KNOWN_MISSES


# --- facts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_exact_facts_of_each_page(name: str) -> None:
    expected = [f for f in expected_facts()[name] if not _is_known_miss(name, f)]
    assert sorted(fact_rows(parsed(name))) == sorted(expected)


def test_the_known_misses_are_still_expected_and_still_missed() -> None:
    """Each known miss names a fact of expected_facts.csv that the parser does not give."""
    for key in KNOWN_MISSES:
        name = key[0]
        assert any(_miss_key(name, f) == key for f in expected_facts()[name]), key
        assert not any(_miss_key(name, f) == key for f in fact_rows(parsed(name))), key


def test_recall_per_kind_and_precision() -> None:
    found: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    outside = []
    for name in PAGES:
        kind = KIND_OF_PREFIX[name.split("_")[0]]
        got = fact_rows(parsed(name))
        expected = expected_facts()[name]
        wanted[kind] += len(expected)
        found[kind] += sum(f in got for f in expected)
        outside += [(name, f) for f in got if f not in expected]
    print("\n[recall] kind               found / expected")
    for kind in sorted(wanted):
        share = found[kind] / wanted[kind]
        print(f"[recall] {kind:18s} {found[kind]:5d} / {wanted[kind]:<5d} {share:.1%}")
    total_found, total = sum(found.values()), sum(wanted.values())
    print(f"[recall] {'all pages':18s} {total_found:5d} / {total:<5d} {total_found / total:.1%}")
    print(f"[recall] precision: {total_found} of {total_found + len(outside)} facts expected")
    assert outside == []  # precision 100%: no fact outside expected_facts.csv
    assert total_found == total - len(KNOWN_MISSES)


# --- unread numbers -------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_every_number_that_is_not_a_fact_is_a_problem_of_its_line(name: str) -> None:
    result = parsed(name)
    problems = {(p.line, p.message.split(" not attributed: ")[0]) for p in result.problems}
    non_data = {(n.line, n.printed): n.rule for n in result.non_data}
    missing = []
    for line, number, why in expected_unread()[name]:
        if (line, number) in problems:
            continue
        if (line, number) in non_data:
            assert non_data[(line, number)] in NON_DATA_RULES, (line, number)
            continue
        missing.append((line, number, why))
    assert missing == []


@pytest.mark.parametrize("name", PAGES)
def test_no_fact_of_a_page_is_reported_unread(name: str) -> None:
    result = parsed(name)
    lines = (REAL / name).read_text(encoding="utf-8").split("\n")
    for fact in expected_facts()[name]:
        if not fact[4] or _is_known_miss(name, fact):
            continue
        unread = [
            p.message
            for p in result.problems
            if p.line == fact[0] and " not attributed: " in p.message
        ]
        numbers = {
            t.printed: t.value for t in find_numbers(lines[fact[0] - 1]) if t.value is not None
        }
        for message in unread:
            printed = message.split(" not attributed: ")[0]
            value = numbers.get(printed)
            assert value is None or abs(abs(value) - abs(float(fact[4]))) > 1e-9, (fact, message)


@pytest.mark.parametrize("name", PAGES)
def test_problems_are_only_unread_numbers(name: str) -> None:
    """Real pages are readable: their only problems are numbers no fact states."""
    others = [p for p in parsed(name).problems if " not attributed: " not in p.message]
    assert others == []


def test_an_unread_number_names_its_number_and_a_reason() -> None:
    problems = {
        (p.line, p.message) for p in parsed("handbook_accountants-auditors-2010.txt").problems
    }
    assert problems == {
        (17, "2010 not attributed: a year that dates no fact"),
        (17, "40 not attributed: hours are not a metric"),
    }
    messages = [p.message for p in parsed("statistics_oews-registered-nurses-2008.txt").problems]
    assert "0.5 % not attributed: a relative standard error (RSE)" in messages
    assert "10% not attributed: a column heading (percentile)" in messages


# --- page kinds and compared pairs ----------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_each_page_gets_its_kind(name: str) -> None:
    assert parsed(name).kind == KIND_OF_PREFIX[name.split("_")[0]]


COMPARED = {
    "comparison_accounting-vs-nursing.txt": ("accountant", "registered-nurse"),
    "comparison_dental-assistant-vs-hygienist.txt": ("dental-assistant", "dental-hygienist"),
    "comparison_lawyer-vs-paralegal.txt": ("lawyer", "paralegal"),
    "comparison_lpn-vs-rn-careertrend.txt": ("licensed-practical-nurse", "registered-nurse"),
    "comparison_lpn-vs-rn-healthjob.txt": ("licensed-practical-nurse", "registered-nurse"),
    "comparison_plumbers-vs-electricians.txt": ("plumber", "electrician"),
    "comparison_teacher-vs-tutor.txt": ("teacher", "tutor"),
}


@pytest.mark.parametrize("name", PAGES)
def test_prose_comparisons_name_their_pair_in_the_pages_order(name: str) -> None:
    pair = parsed(name).compares
    ids = (slugify(pair[0]), slugify(pair[1])) if pair else None
    assert ids == COMPARED.get(name)


def test_pages_table_has_kind_and_pair() -> None:
    tables = build_tables([parsed(n) for n in PAGES])
    pages = tables["pages"].set_index("source")
    assert pages.loc["comparison_lpn-vs-rn-careertrend.txt", "kind"] == "comparison-prose"
    assert tuple(pages.loc["comparison_plumbers-vs-electricians.txt", ["role_a", "role_b"]]) == (
        "plumber",
        "electrician",
    )
    assert pages.loc["handbook_jobbank-lpn-edmundston.txt", "kind"] == "handbook"
    assert pages.loc["handbook_jobbank-lpn-edmundston.txt", "n_facts"] == 0
    assert pages["n_problems"].sum() == sum(len(parsed(n).problems) for n in PAGES)


# --- which statistic, how exact, when --------------------------------------------------------


def test_a_mean_and_a_median_of_one_role_are_two_facts_never_a_conflict() -> None:
    tables = build_tables([parsed("statistics_rn-pay-top-metros-2022.txt")])
    facts = tables["facts"]
    salary = facts[facts.metric == "salary_yearly"]
    assert sorted(zip(salary.statistic, salary.value, salary.period, strict=True)) == [
        ("mean", 89010.0, "2022-05"),
        ("median", 81220.0, "2022-05"),
    ]
    assert tables["conflicts"].empty


def test_means_and_medians_across_pages_are_compared_like_with_like() -> None:
    """Registered nurses on seven pages: medians of 2022 agree ($81,220 in a handbook and a
    statistics page), the 2022 mean stands apart; other years are other periods."""
    names = [n for n in PAGES if "registered-nurse" in {slugify(f.role) for f in parsed(n).facts}]
    tables = build_tables([parsed(n) for n in names])
    conflicts = tables["conflicts"]
    assert not (
        (conflicts.role_id == "registered-nurse") & (conflicts.metric == "salary_yearly")
    ).any(), conflicts


def test_qualifiers_come_through() -> None:
    facts = {
        (f.metric, f.printed): f.qualifier
        for name in PAGES
        for f in parsed(name).facts
        if f.qualifier
    }
    assert facts[("salary_yearly", "208000")] == "at least"  # "equal to or greater than"
    assert facts[("jobs_count", "630000")] == "more than"
    assert facts[("jobs_count", "4700000")] == "nearly"
    assert facts[("jobs_count", "3540000")] == "approximate"
    assert facts[("salary_percentile", "30970")] == "at most"  # "$30,970 or less"
    assert facts[("salary_percentile", "57360")] == "at least"
    assert facts[("gender_share", "10")] == "less than"  # "just under 10 percent"
    assert set(facts.values()) <= {
        "approximate",
        "more than",
        "less than",
        "nearly",
        "at least",
        "at most",
    }


def test_periods_come_through() -> None:
    periods = Counter(f.period for name in PAGES for f in parsed(name).facts if f.period)
    assert periods["2022-2032"] >= 6  # "2022-32", "From 2022 to 2032"
    assert periods["2022-05"] >= 3  # "In May 2022"
    assert periods["2020-2021"] >= 3  # the school year "2020–21"
    assert all(
        len(p) == 4 or (len(p) == 7 and p[4] == "-") or (len(p) == 9 and p[4] == "-")
        for p in periods
    )


def test_decline_in_words_is_a_negative_number() -> None:
    faq = {(f.line, f.metric): f for f in parsed("statistics_pharmacist-job-outlook-faq.txt").facts}
    assert (faq[(11, "growth_projected")].value, faq[(11, "growth_projected")].text) == (
        -2.0,
        "decline",
    )
    assert faq[(15, "employment_change")].value == -10500.0  # "10,500 jobs will be lost"
    assert faq[(15, "growth_projected")].value == -3.3  # printed "-3.3 percent"
    sheet = parsed("factsheet_teenhealthfx-pharmacists.txt").facts
    growth = next(f for f in sheet if f.metric == "growth_projected")
    assert (growth.value, growth.printed, growth.text) == (-3.0, "-3", "decline")  # not --3


def test_numbers_in_words_are_stored_whole() -> None:
    counts = {f.printed for f in parsed("statistics_truck-driver-stats.txt").facts}
    assert {"3540000", "1900000"} <= counts  # "3.54 million", "1.9 million"


def test_words_beside_a_growth_rate_are_kept_as_text() -> None:
    texts = {
        f.text
        for f in parsed("handbook_bls-registered-nurses.txt").facts
        if f.metric == "growth_projected"
    }
    assert texts == {"Faster than average", "faster than the all-occupation average"}


# --- descriptions and duties ---------------------------------------------------------------


def test_descriptions_and_duties_are_read_with_their_lines() -> None:
    facts = parsed("comparison_lpn-vs-rn-healthjob.txt").facts
    duties = [
        (f.line, slugify(f.role), f.category, f.text) for f in facts if f.metric == "responsibility"
    ]
    assert duties[:2] == [
        (11, "licensed-practical-nurse", "1", "Measures and records vital signs"),
        (12, "licensed-practical-nurse", "2", "Assesses patients at a basic level"),
    ]
    assert [d[2] for d in duties if d[1] == "registered-nurse"] == [str(i) for i in range(1, 8)]
    # the steps to become one are bullets too, but not duties
    assert not any(f.line in range(17, 21) or f.line in range(31, 36) for f in facts)


# --- what is compared ---------------------------------------------------------------------


def test_hourly_and_yearly_percentiles_are_not_a_conflict() -> None:
    """Hourly percentiles are their own metric (salary_percentile_hourly), as hourly pay is."""
    tables = build_tables([parsed("statistics_oews-accountants-2021.txt")])
    assert tables["conflicts"].empty


def test_words_beside_one_growth_rate_are_not_a_conflict() -> None:
    """growth_projected's text is the page's words beside the rate, not its value."""
    tables = build_tables([parsed("handbook_bls-registered-nurses.txt")])
    assert tables["conflicts"].empty
