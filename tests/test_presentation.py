"""The report's sections on the seed pages: the glance table, the appendix that traces every
statement to its page and line, sources with titles and addresses, and sections that leave
out what has nothing to show. Markup comes from templates: page text is escaped."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from rolecompare.facts.tables import load_pages
from rolecompare.reporting import figures as F
from rolecompare.reporting import presentation as P
from rolecompare.reporting.evidence import SHOWN_METRICS, is_web_address, line_runs
from rolecompare.reporting.narrative import metric_label
from tests.conftest import SEED

CRM, CCM = "customer-relations-manager", "customer-care-manager"
# the seed pair's pages, numbered by file name
NUMBER = {SEED[k]: i for i, k in enumerate(["000", "001", "002", "003", "004"], start=1)}


@pytest.fixture(scope="module")
def report(seed_facts, seed_conflicts, seed_processed) -> P.PairReport:
    pages = load_pages(seed_processed)
    return P.pair_report(seed_facts, seed_conflicts, CRM, CCM, pages=pages)


def test_sources_are_numbered_with_their_titles_and_addresses(report) -> None:
    sources = report.ev.sources
    assert [s.file for s in sources] == list(NUMBER)
    assert sources[0].title == "Customer relations manager vs customer care manager"
    assert sources[0].link == (
        "https://www.zippia.com/customer-relations-manager-jobs/"
        "customer-relations-manager-vs-customer-care-manager-differences"
    )
    assert sources[4].title == "What is a customer care manager and how to become one"
    assert all(s.lines for s in sources)


def test_glance_rows_show_what_the_pages_state_with_their_page_numbers(report) -> None:
    rows = dict(P.glance_rows(report))
    assert rows["Yearly salary (average)"] == [
        ["$66,782 [1, 2]", "$58,913 [4]"],
        ["$41,181 [1, 3, 5]"],
    ]
    assert rows["Salary range"] == [["$42,000–$104,000 [1, 2]"], ["$28,000–$59,000 [1, 3, 5]"]]
    assert rows["Years to become one"] == [["2–4 years [1, 2]"], ["4–6 years [1, 3]"]]
    assert rows["Number of jobs"] == [["61,089 [1, 2]"], ["129,140 [1, 3]"]]
    assert rows["Age (average)"] == [["42 years [1, 2]"], ["47 years [1, 3]", "48 years [5]"]]
    assert rows["Minimum experience"] == [["5 years [4]"], []]  # shown as a dash
    assert "Job satisfaction" not in rows  # "-" on every page: not a row


def _traced(line: str) -> dict[int, set[int]]:
    """'$66,782: [1] 7, 10–13; [2] 5' -> {1: {7, 10, 11, 12, 13}, 2: {5}}."""
    found: dict[int, set[int]] = {}
    for number, runs in re.findall(r"\[(\d+)\] ([\d, –]+)", line):
        lines = set()
        for run in runs.strip(" ,").split(", "):
            low, _, high = run.partition("–")
            lines |= set(range(int(low), int(high or low) + 1))
        found[int(number)] = lines
    return found


def test_every_fact_shown_is_traced_to_its_page_and_line(report, seed_facts) -> None:
    columns, rows = P.trace_rows(report)
    assert columns == ["Customer relations manager", "Customer care manager"]
    by_label = {re.sub(r" \((average|median)\)$", "", label): cells for label, cells in rows}
    shown = seed_facts[seed_facts.role_id.isin([CRM, CCM]) & seed_facts.metric.isin(SHOWN_METRICS)]
    assert len(shown) > 150
    for fact in shown.itertuples():
        cell = by_label[metric_label(fact.metric)][0 if fact.role_id == CRM else 1]
        places = [_traced(line) for line in cell]
        assert any(fact.line in p.get(NUMBER[fact.source], set()) for p in places), fact
    # one line per statement: $66,782 is stated on six lines of two pages, one line here
    salary = by_label["Yearly salary"][0]
    assert salary[0] == "$66,782: [1] 7, 10, 22; [2] 5, 12, 34"


def test_appendix_lists_sources_with_links_and_lines(report) -> None:
    page = P.appendix(report).data
    assert '<a href="https://www.zippia.com/customer-care-manager-jobs/">' in page
    assert "What is a customer care manager and how to become one" in page
    assert "004_a6663551ef9087c7.txt</span>, lines" in page
    assert '<th scope="col">Metric</th>' in page and '<th scope="row">' in page
    assert "salaries abroad" in page  # what the report does not show is named, once


def test_hostile_titles_and_addresses_show_literally(seed_facts, seed_conflicts) -> None:
    pages = pd.DataFrame(
        {
            "source": [SEED["000"], SEED["001"], SEED["002"], SEED["003"]],
            "title": ["<script>alert(1)</script>", "[x](javascript:y)", None, "<b>bold</b>"],
            "url": [
                "javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                'https://example.org/a?b=<i>&c="d"',
                "//example.org/no-scheme",
            ],
            "retrieved": [None, "2025-01-08", None, None],
        }
    )
    report = P.pair_report(seed_facts, seed_conflicts, CRM, CCM, pages=pages)
    page = P.appendix(report).data
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[x](javascript:y)" in page
    assert 'href="javascript' not in page and 'href="data' not in page and 'href="//' not in page
    assert '<span class="rc-address">javascript:alert(1)</span>' in page
    assert 'href="https://example.org/a?b=&lt;i&gt;&amp;c=&#34;d&#34;"' in page
    assert "Retrieved 2025-01-08." in page
    # a page without a title is named by its file
    assert re.search(r"\[3\]</span> <a href=\"https://example.org", page)


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/x", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        (" data:text/html,x", False),
        ("//example.org", False),
        ("ftp://example.org", False),
        ("https:///nohost", False),
        (None, False),
        # the case and the characters browsers ignore before or inside a scheme
        ("JAVASCRIPT:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("\tjavascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        # addresses urlsplit cannot read: no link, and no exception
        ("http://[evil", False),
        ("http://example.org\uff03x", False),
    ],
)
def test_only_http_addresses_become_links(url, link) -> None:
    assert is_web_address(url) is link


def test_an_unreadable_address_shows_the_title_without_a_link(seed_facts, seed_conflicts) -> None:
    pages = pd.DataFrame(
        {
            "source": [SEED["000"], SEED["001"]],
            "title": ["Bracketed host", "Full-width hash"],
            "url": ["http://[evil", "http://example.org\uff03x"],
            "retrieved": [None, None],
        }
    )
    report = P.pair_report(seed_facts, seed_conflicts, CRM, CCM, pages=pages)
    page = P.appendix(report).data
    assert "Bracketed host" in page and "Full-width hash" in page
    assert 'href="http://[evil' not in page and 'href="http://example.org\uff03' not in page


def test_line_runs() -> None:
    assert line_runs([22, 7, 10, 11, 12, 13, 7]) == "7, 10–13, 22"


def _sparse_facts() -> pd.DataFrame:
    rows = []
    roles = (("a-clerk", "A clerk", 38412, 43), ("b-clerk", "B clerk", 42870, 46))
    for role_id, role, salary, age in roles:
        rows += [
            (role_id, role, "salary_yearly", None, salary, None, "USD/year", None, 8),
            (role_id, role, "age", None, age, None, "years", "mean", 14),
        ]
    frame = pd.DataFrame(
        rows,
        columns=["role_id", "role", "metric", "category", "value", "text", "unit", "statistic",
                 "line"],
    )  # fmt: skip
    return frame.assign(qualifier=None, period=None, source="sparse.txt")


def test_sections_with_nothing_to_show_say_so_once() -> None:
    report = P.pair_report(_sparse_facts(), None, "a-clerk", "b-clerk")
    duties = P.duties(report).data
    assert "<table" not in duties
    assert duties.count("The pages publish no") == 1
    assert "no description, example responsibilities or skills for these roles" in duties
    pay = P.pay(report).data
    assert "<img" not in pay and "<table" not in pay
    assert "no hourly rate, salary range or highest paying places for these roles" in pay
    demographics = P.demographics(report).data
    assert "no gender shares, LGBT share or race shares for these roles" in demographics
    every = "".join(
        f(report).data for f in (P.title, P.key_numbers, P.duties, P.pay, P.demographics,
                                 P.education, P.appendix)
    )  # fmt: skip
    assert "not published" not in every.lower()
    assert "us-average" not in every and "a-clerk" not in every


def test_figure_output_carries_its_alt_text() -> None:
    data = pd.DataFrame({"c": ["White"], "v": [74.7], "h": ["A"]})
    output = P.figure(F.share_bars(data, category="c", value="v", hue="h", title="Race"))
    bundle, metadata = output._repr_mimebundle_()
    assert bundle["image/png"] and metadata["image/png"]["alt"].startswith("Race. Bar chart")
    assert metadata["image/png"]["width"] == 624  # 6.5 inches in CSS pixels


def test_the_pair_is_placed_on_the_collection_by_stated_values(report, seed_facts) -> None:
    from rolecompare.analysis import salary_context

    data = P.context_figure_data(report)
    assert data.to_dict("records") == [
        {"role": "Customer relations manager", "experience": 4.0, "salary": 66782.0,
         "low": 58913.0, "high": 66782.0},
        {"role": "Customer care manager", "experience": 6.0, "salary": 41181.0,
         "low": 41181.0, "high": 41181.0},
    ]  # fmt: skip
    with_context = P.pair_report(
        report.facts, report.conflicts, CRM, CCM, pages=report.pages,
        context=salary_context(seed_facts, report.conflicts),
        collection={"pages": 5, "roles": 3, "context_drawn": "2026-05-01"},
    )  # fmt: skip
    section = P.education(with_context).data
    assert section.count("<img ") == 1
    assert "among the three roles of the collection these pages belong to, as of 2026-05-01" in (
        section
    )
    assert P.education(report).data.count("<img ") == 0  # no collection context given
