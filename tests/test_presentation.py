"""Display helpers: formatting, escaping and the key-numbers table."""

from __future__ import annotations

import pandas as pd

from rolecompare import analysis as A
from rolecompare.reporting import presentation as P

CRM, CCM = "customer-relations-manager", "customer-care-manager"


def test_key_numbers_of_the_seed_pair(seed_facts, seed_conflicts) -> None:
    summary = A.pair_summary(seed_facts, seed_conflicts, CCM, CRM)
    table = dict(P.key_numbers(summary).values.tolist())
    assert (
        table["Yearly pay gap (Customer care manager minus other, USD)"] == "-$25,601 to -$17,732"
    )
    assert table["Hourly pay gap (Customer care manager minus other, USD)"] == "-$12.31"
    assert table["Race dissimilarity index"] == "14.4"
    assert table["Average age difference"] == "+5.0 to +6.0 years (sources disagree)"
    assert table["Values on which sources disagree"] == "2"


def test_tables_escape_page_text_and_say_missing_in_words() -> None:
    frame = pd.DataFrame({"role": ["<script>x()</script>"], "salary (USD)": [float("nan")]})
    html = P.table(frame).data
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "not published" in html


def test_facts_appendix_lists_every_statement_with_its_sources(seed_facts) -> None:
    rows = A.facts_used(seed_facts, [CRM])
    html = P.facts_appendix(rows).data
    for source, line in zip(rows.source, rows.line, strict=True):
        assert f"{source}:{line}" in html
    assert "003_f238aaacc82e3e21.txt:31" in html and "$58,913" in html
    # the same statement on several lines is one row: 66,782 is stated six times
    salary = [tr for tr in html.split("<tr") if "$66,782" in tr and "salary_yearly" in tr]
    assert len(salary) == 1 and salary[0].count("txt:") == 6
