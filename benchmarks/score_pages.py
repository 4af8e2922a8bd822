"""Score the page readers on fixture pages against their expected facts.

    python benchmarks/score_pages.py tests/fixtures/cold/seen [more folders] [--json OUT]

Each page `NAME.txt` has its ground truth beside it in `NAME.facts.csv` (columns
line,role,metric,category,value,text,unit,statistic,qualifier,period; written by a person from
the page, before any reader was changed for it). The score says, for every folder and in all:

- recall: expected facts found, matched on line, role (as its id), metric, category and the
  value (as a number) or the text (both ignoring case); `strict` also needs unit, statistic,
  qualifier and period to be right;
- statistic: of the found facts the page calls a median or a mean, how many say which;
- wrong rows: facts read for a role of the page that no expected fact states (a number the page
  does not give that role, or gives it under another metric or category);
- invented roles: roles the readers give facts to that the page's expected facts never name,
  and the rows filed under them;
- conflicts: conflicts between the pages of the folder (the expected facts hold none, so every
  conflict here is false unless a page truly disagrees with another).

Descriptions and responsibilities (passages) are not scored. The code scored is whatever
`rolecompare` imports: to score another version, put its `src` first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rolecompare.facts.parsing import PageResult, parse_page
from rolecompare.facts.parsing.text import slugify
from rolecompare.facts.schema import metrics
from rolecompare.facts.tables import build_tables

Key = tuple[int, str, str, str]  # line, role id, metric, category


@dataclass
class Score:
    pages: int = 0
    expected: int = 0
    found: int = 0
    strict: int = 0
    stat_expected: int = 0
    stat_right: int = 0
    wrong_rows: int = 0
    invented_roles: list[str] = field(default_factory=list)
    invented_rows: int = 0
    conflicts: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in asdict(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def line(self, label: str) -> str:
        recall = self.found / self.expected if self.expected else math.nan
        per100 = 100 * self.wrong_rows / self.expected if self.expected else math.nan
        return (
            f"{label:28s} {self.pages:5d} {self.found:5d}/{self.expected:<5d} {recall:6.1%} "
            f"{self.strict:6d} {self.stat_right:4d}/{self.stat_expected:<4d} "
            f"{self.wrong_rows:5d} ({per100:4.1f}/100) {len(set(self.invented_roles)):4d} roles "
            f"{self.invented_rows:4d} rows {self.conflicts:4d}"
        )


HEADER = (
    f"{'pages':28s} {'n':>5s} {'found/expected':>11s} {'recall':>6s} {'strict':>6s} "
    f"{'statistic':>9s} {'wrong rows':>16s} {'invented':>10s} {'rows':>9s} {'conflicts':>4s}"
)


def _is_passage(metric: str) -> bool:
    """Passages are not scored; a metric the scored code does not know yet is a fact it misses."""
    known = metrics().get(metric)
    return bool(known and known.is_passage)


def _expected(page: Path) -> list[dict[str, str]]:
    with page.with_suffix(".facts.csv").open(newline="", encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if not _is_passage(r["metric"])]


def _fold(category: str | None) -> str:
    """Categories compare as words, not as spellings: case and spacing aside."""
    return " ".join((category or "").split()).casefold()


def _same_value(expected: dict[str, str], value: float | None, text: str | None) -> bool:
    if expected["value"]:
        return value is not None and abs(float(expected["value"]) - value) < 1e-9
    return (text or "").strip().lower() == expected["text"].strip().lower()


def _strict(expected: dict[str, str], fact) -> bool:
    return all(
        (expected[name] or "") == (getattr(fact, name) or "")
        for name in ("unit", "statistic", "qualifier", "period")
    )


def score_page(page: Path, result: PageResult) -> Score:
    expected = _expected(page)
    roles = {slugify(r["role"]) for r in expected}
    facts = [f for f in result.facts if not _is_passage(f.metric)]
    score = Score(pages=1, expected=len(expected))
    used: set[int] = set()
    for want in expected:
        key = (int(want["line"]), slugify(want["role"]), want["metric"], _fold(want["category"]))
        hit = next(
            (
                i
                for i, f in enumerate(facts)
                if i not in used
                and (f.line, slugify(f.role), f.metric, _fold(f.category)) == key
                and _same_value(want, f.value, f.text)
            ),
            None,
        )
        if hit is None:
            score.missed.append(f"{page.name}:{want['line']} {want['role']} {want['metric']}")
            continue
        used.add(hit)
        score.found += 1
        score.strict += _strict(want, facts[hit])
        if want["statistic"] in {"median", "mean"}:
            score.stat_expected += 1
            score.stat_right += facts[hit].statistic == want["statistic"]
    for i, f in enumerate(facts):
        if i in used:
            continue
        shown = f"{page.name}:{f.line} {f.role!r} {f.metric} {f.category or ''} "
        shown += f"{f.printed or f.text}"
        if slugify(f.role) in roles:
            score.wrong_rows += 1
            score.wrong.append(shown)
        else:
            score.invented_rows += 1
            score.invented_roles.append(f"{page.name}: {f.role}")
            score.wrong.append(shown + " (role not on the page)")
    return score


def score_folder(folder: Path) -> Score:
    pages = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".facts.csv").exists())
    results = [parse_page(p.name, p.read_bytes()) for p in pages]
    total = Score()
    for page, result in zip(pages, results, strict=True):
        total.add(score_page(page, result))
    if results:
        total.conflicts = len(build_tables(results)["conflicts"])
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--details", action="store_true", help="list misses and wrong rows")
    args = parser.parse_args()
    print(HEADER)
    scores, total = {}, Score()
    for folder in args.folders:
        score = score_folder(folder)
        scores[str(folder)] = score
        total.add(score)
        print(score.line(str(folder)))
    if len(args.folders) > 1:
        print(total.line("all"))
    if args.details:
        for name, score in scores.items():
            print(f"\n## {name}")
            print("missed:", *score.missed, sep="\n  ")
            print("wrong:", *score.wrong, sep="\n  ")
    if args.json:
        args.json.write_text(
            json.dumps({k: asdict(v) for k, v in scores.items()}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
