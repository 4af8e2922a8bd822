"""Every number printed on a seed page is accounted for: a fact, a number that is evidently not
data (by one of the rules of `parsing.unread`: dates, list ordinals, rating widgets, numbers
inside a duty, ...), or a reported problem on the documented skip list."""

from __future__ import annotations

import csv
import re
from itertools import product
from pathlib import Path

import pandas as pd

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.parsing.unread import NON_DATA_RULES
from tests.conftest import RAW

NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
SKIPS = Path(__file__).with_name("seed_number_skips.csv")


def _skip_list() -> dict[tuple[str, int, str], str]:
    with SKIPS.open(newline="", encoding="utf-8") as handle:
        return {
            (r["source"], int(r["line"]), r["number"]): r["reason"] for r in csv.DictReader(handle)
        }


def _printed(facts: Path) -> dict[tuple[str, int], set[str]]:
    """What the facts of each (source, line) state, as the page printed it."""
    raw = pd.read_csv(facts, dtype=str, keep_default_na=False)
    out: dict[tuple[str, int], set[str]] = {}
    for row in raw.itertuples():
        key = (row.source, int(row.line))
        out.setdefault(key, set()).update(
            v for v in (row.value.lstrip("-"), row.category, row.text, row.period) if v
        )
    return out


def _accounted(token: str, stated: set[str]) -> bool:
    plain = token.replace(",", "")
    if plain in stated or any(
        token in s or plain in s for s in stated if not s.replace(".", "").isdigit()
    ):
        return True
    # glued table cells: "4442" is 44 and 42 printed side by side
    numbers = [s for s in stated if s.replace(".", "").isdigit()]
    return any(a + b == plain for a, b in product(numbers, repeat=2))


def _digits(printed: str) -> str:
    return re.sub(r"[^\d.]", "", printed)


def test_every_printed_number_is_a_fact_not_data_or_a_problem(seed_processed: Path) -> None:
    stated = _printed(seed_processed / "facts.csv")
    problems = pd.read_csv(seed_processed / "problems.csv", dtype=str, keep_default_na=False)
    problem_lines = {(r.source, int(r.line)) for r in problems.itertuples()}
    skips = _skip_list()
    unaccounted, used_skips, rules = [], set(), set()
    for page in sorted(RAW.glob("*.txt")):
        result = parse_page(page.name, page.read_bytes())
        not_data = {(n.line, _digits(n.printed)): n.rule for n in result.non_data}
        for number, line in enumerate(page.read_text(encoding="utf-8").split("\n"), start=1):
            for token in NUMBER.findall(line):
                key = (page.name, number, token)
                plain = token.replace(",", "")
                if _accounted(token, stated.get((page.name, number), set())):
                    continue
                if (number, plain) in not_data:
                    rules.add(not_data[(number, plain)])
                elif key in skips and (page.name, number) in problem_lines:
                    used_skips.add(key)
                else:
                    unaccounted.append(f"{page.name}:{number}: {token}")
    assert unaccounted == []
    assert set(skips) == used_skips, "skip list has entries no page needs any more"
    assert rules <= set(NON_DATA_RULES)
    # the seeds exercise most rules: dates, ordinals, ratings, '10+', '5 min read', a time
    # window ('over the next 5 years') and a copyright year
    assert {"date", "list ordinal", "rating widget", "reading time", "time window"} <= rules


def test_an_amount_inside_a_duty_is_not_data() -> None:
    page = RAW / "002_468d1e68ab3c4fd7.txt"
    result = parse_page(page.name, page.read_bytes())
    assert [(n.line, n.printed, n.rule) for n in result.non_data if n.line == 78] == [
        (78, "$700K", "inside a description or responsibility")
    ]


def test_skip_list_is_short_and_explained() -> None:
    skips = _skip_list()
    assert len(skips) <= 5
    assert all(len(reason) > 8 for reason in skips.values())
