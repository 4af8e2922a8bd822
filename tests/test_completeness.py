"""Every number printed on a seed page is in facts.csv or on the documented skip list."""

from __future__ import annotations

import csv
import re
from itertools import product
from pathlib import Path

import pandas as pd

from tests.conftest import RAW

NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
SKIPS = Path(__file__).with_name("seed_number_skips.csv")


def _skip_list() -> dict[tuple[str, int, str], str]:
    with SKIPS.open(newline="", encoding="utf-8") as handle:
        return {
            (r["source"], int(r["line"]), r["number"]): r["reason"] for r in csv.DictReader(handle)
        }


def _printed(facts: pd.DataFrame) -> dict[tuple[str, int], set[str]]:
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


def test_every_printed_number_is_a_fact_or_skipped(seed_processed: Path) -> None:
    stated = _printed(seed_processed / "facts.csv")
    skips = _skip_list()
    unaccounted, used_skips = [], set()
    for page in sorted(RAW.glob("*.txt")):
        for number, line in enumerate(page.read_text(encoding="utf-8").split("\n"), start=1):
            for token in NUMBER.findall(line):
                key = (page.name, number, token)
                if key in skips:
                    used_skips.add(key)
                elif not _accounted(token, stated.get((page.name, number), set())):
                    unaccounted.append(f"{page.name}:{number}: {token}")
    assert unaccounted == []
    assert set(skips) == used_skips, "skip list has entries no page needs any more"


def test_skip_list_is_short_and_explained() -> None:
    skips = _skip_list()
    assert len(skips) <= 40
    assert all(len(reason) > 8 for reason in skips.values())
