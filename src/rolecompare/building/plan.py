"""Which pairs a build makes (`build --pairs`).

* `pages` (the default): the pairs the pages compare. Every page with two roles in
  `pages.csv` (a comparison table or a comparison article) contributes its pair; each
  unordered pair once.
* `all`: every unordered pair of roles (n(n-1)/2 of them: fine for a dozen roles, not for
  thousands).
* `FILE`: a CSV with columns `role_a,role_b` holding role ids or names, as `report` accepts
  them.
* `nearest:K`: the pages' pairs plus, for each role, the K roles most like it
  (`building.similarity`).

Several `--pairs` give the union. `--only ROLE` then keeps the pairs with one of those roles.
A pair is always written (a, b) with a < b by role id, and the plan is sorted: the build
order. The US average is never a role of a pair.
"""

from __future__ import annotations

import csv
import difflib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from rolecompare.building.tables import Collection
from rolecompare.facts.parsing.text import slugify
from rolecompare.reporting.report import BENCHMARK_ROLES

Pair = tuple[str, str]
NEAREST = re.compile(r"^nearest:(\d+)$")


class PlanError(ValueError):
    """A `--pairs` value or pairs file that cannot be planned (one line, for exit status 2)."""


@dataclass(frozen=True)
class PairsSpec:
    """What `--pairs` asked for."""

    pages: bool = False
    all: bool = False
    files: tuple[Path, ...] = ()
    nearest: int = 0

    def describe(self) -> str:
        parts = ["every pair"] if self.all else []
        parts += ["the pages' pairs"] if self.pages else []
        parts += [f"pairs in {f.name}" for f in self.files]
        parts += [f"each role's {self.nearest} nearest"] if self.nearest else []
        return " + ".join(parts) or "nothing"


def parse_pairs(values: Sequence[str] | None) -> PairsSpec:
    """`--pairs` values: pages, all, nearest:K or a file name (default: pages)."""
    values = list(values or []) or ["pages"]
    pages = every = False
    files: list[Path] = []
    nearest = 0
    for value in values:
        text = value.strip()
        match = NEAREST.match(text)
        if text == "pages":
            pages = True
        elif text == "all":
            every = True
        elif match:
            k = int(match.group(1))
            if k < 1:
                raise PlanError(f"--pairs {text}: K must be at least 1")
            nearest, pages = max(nearest, k), True  # nearest adds to the pages' pairs
        elif text.startswith("nearest"):
            raise PlanError(
                f"--pairs {text!r}: write nearest:K with K a whole number, e.g. nearest:3"
            )
        else:
            path = Path(text)
            if not path.is_file():
                raise PlanError(
                    f"--pairs {text!r} is neither pages, all, nearest:K nor a pairs file "
                    "(no such file)"
                )
            files.append(path)
    return PairsSpec(pages, every, tuple(files), nearest)


def ordered(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def all_pairs(role_ids: Iterable[str]) -> list[Pair]:
    """Each unordered pair once, as (a, b) with a < b, sorted."""
    roles = sorted(set(role_ids) - BENCHMARK_ROLES)
    return list(itertools.combinations(roles, 2))


def page_pairs(pages: pd.DataFrame, known: set[str]) -> tuple[list[Pair], int]:
    """The pairs the pages compare (roles with facts only), and how many named an unknown
    role (a page can name a role none of its lines gives a fact about)."""
    named = pages[pages["role_a"].notna() & pages["role_b"].notna()]
    a, b = named["role_a"].astype(str), named["role_b"].astype(str)
    usable = (a != b) & a.isin(known) & b.isin(known)
    low = a.where(a < b, b)[usable]
    high = b.where(a < b, a)[usable]
    pairs = sorted(set(zip(low, high, strict=True)))
    return pairs, int((~usable & (a != b)).sum())


def _closest(asked: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(slugify(asked), list(known), n=3, cutoff=0.5)
    return f"; closest: {', '.join(close)}" if close else ""


def read_pairs_file(path: Path, known: Sequence[str]) -> list[Pair]:
    """Pairs from a CSV with columns role_a,role_b (ids or names). PlanError names the file,
    the line and the closest role ids of anything it cannot use."""
    comparable = sorted(set(known) - BENCHMARK_ROLES)
    ids = set(comparable)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"cannot read pairs file {path}: {exc}") from exc
    if not text.strip():
        raise PlanError(f"pairs file {path} is empty: it needs a header role_a,role_b")
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in ("role_a", "role_b") if c not in header]
    if missing:
        raise PlanError(
            f"pairs file {path}: line 1 needs the columns role_a,role_b "
            f"(missing {', '.join(missing)}; found {','.join(header) or 'nothing'})"
        )
    pairs: list[Pair] = []
    for row in reader:
        line = reader.line_num
        cells = [(row.get("role_a") or "").strip(), (row.get("role_b") or "").strip()]
        if not any(cells):
            continue  # a blank line
        found = []
        for asked in cells:
            if not asked:
                raise PlanError(f"{path}:{line}: a role is missing (role_a and role_b needed)")
            role = slugify(asked)
            if role not in ids:
                raise PlanError(
                    f"{path}:{line}: unknown role {asked!r}{_closest(asked, comparable)}"
                )
            found.append(role)
        if found[0] == found[1]:
            raise PlanError(f"{path}:{line}: {cells[0]!r} is compared with itself")
        pairs.append(ordered(found[0], found[1]))
    if not pairs:
        raise PlanError(f"pairs file {path} lists no pair (only its header)")
    return pairs


@dataclass
class Plan:
    pairs: list[Pair]
    spec: PairsSpec
    only: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)  # said once on stderr
    roles_in_no_pair: int = 0


def make_plan(collection: Collection, spec: PairsSpec, only: Sequence[str] = ()) -> Plan:
    """The sorted pairs a build makes (see the module docstring)."""
    known = collection.role_ids
    wanted: set[Pair] = set()
    notes: list[str] = []
    if spec.all:
        wanted.update(all_pairs(known))
    if spec.pages:
        pairs, unknown = page_pairs(collection.pages, set(known))
        wanted.update(pairs)
        if unknown:
            notes.append(f"{unknown} page(s) compare a role no line gives a fact about: skipped")
    for path in spec.files:
        wanted.update(read_pairs_file(path, known))
    if spec.nearest:
        from rolecompare.building.similarity import nearest_pairs

        wanted.update(nearest_pairs(collection.facts, collection.conflicts, known, spec.nearest))
    pairs = sorted(wanted)
    if only:
        chosen = set(only)
        pairs = [p for p in pairs if chosen & set(p)]
    in_pairs = {r for p in pairs for r in p}
    plan = Plan(pairs, spec, tuple(only), notes)
    plan.roles_in_no_pair = 0 if only else len(set(known) - in_pairs)
    return plan
