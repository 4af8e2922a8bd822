"""Which pairs a build makes (`build --pairs`).

* `pages` (the default): the pairs the pages compare. Every page with two roles in
  `pages.csv` (a comparison table or a comparison article) contributes its pair; each
  unordered pair once.
* `all`: every unordered pair of roles (n(n-1)/2 of them: fine for a dozen roles, not for
  thousands).
* `FILE`: a CSV with columns `role_a,role_b` holding role ids or names, as `report` accepts
  them.
* `nearest:K`: the pages' pairs plus, for each role, the K roles most like it
  (`analysis.nearest_pairs`).

Several `--pairs` give the union. `--only ROLE` then keeps the pairs with one of those roles.
A pair is always written (a, b) with a < b by role id, and the plan is sorted: the build
order. The US average is never a role of a pair.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from rolecompare.building.collection import Collection
from rolecompare.core.roles import UnknownRole, comparable, resolve_role

Pair = tuple[str, str]
NEAREST = re.compile(r"^nearest:(\d+)$")


class PlanError(ValueError):
    """A `--pairs` value or pairs file that cannot be planned (one line, for exit status 2)."""


@dataclass(frozen=True)
class PairsFile:
    """A pairs file as read (once, by `parse_pairs`): its rows as typed, with line numbers."""

    path: Path
    rows: tuple[tuple[int, str, str], ...]  # (line, role_a, role_b)


@dataclass(frozen=True)
class PairsSpec:
    """What `--pairs` asked for."""

    pages: bool = False
    all: bool = False
    files: tuple[PairsFile, ...] = ()
    nearest: int = 0

    def describe(self) -> str:
        parts = ["every pair"] if self.all else []
        parts += ["the pages' pairs"] if self.pages else []
        parts += [f"pairs in {f.path.name}" for f in self.files]
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
            files.append(read_pairs_file(path))
    return PairsSpec(pages, every, tuple(files), nearest)


def ordered(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def all_pairs(role_ids: Iterable[str]) -> list[Pair]:
    """Each unordered pair once, as (a, b) with a < b, sorted."""
    roles = comparable(role_ids)
    return list(itertools.combinations(roles, 2))


def page_pairs(pages: pd.DataFrame, known: set[str]) -> tuple[list[Pair], int]:
    """The pairs the pages compare (roles with facts only), and how many named an unknown
    role (a page can name a role none of its lines gives a fact about)."""
    named = pages[pages["role_a"].notna() & pages["role_b"].notna()]
    a, b = named["role_a"].astype(str), named["role_b"].astype(str)
    usable = (a != b) & a.isin(known) & b.isin(known)
    low = a.where(a < b, b)[usable]
    high = b.where(a < b, a)[usable]
    pairs = sorted(set(zip(low.tolist(), high.tolist(), strict=True)))
    return pairs, int((~usable & (a != b)).sum())


def read_pairs_file(path: Path) -> PairsFile:
    """A CSV with columns role_a,role_b (ids or names). PlanError names the file and the
    line of anything unreadable; the roles are resolved by `pairs_of`."""
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
    rows = []
    for row in reader:
        cells = [(row.get("role_a") or "").strip(), (row.get("role_b") or "").strip()]
        if not any(cells):
            continue  # a blank line
        if not all(cells):
            raise PlanError(
                f"{path}:{reader.line_num}: a role is missing (role_a and role_b needed)"
            )
        rows.append((reader.line_num, cells[0], cells[1]))
    if not rows:
        raise PlanError(f"pairs file {path} lists no pair (only its header)")
    return PairsFile(Path(path), tuple(rows))


def pairs_of(pairs_file: PairsFile, known: Mapping[str, str] | Sequence[str]) -> list[Pair]:
    """The pairs of a pairs file, its ids or names resolved as `report` resolves them
    (`core.roles.resolve_role`; `known`: role id -> name, or the ids). PlanError names the
    file, the line and the closest role ids of a role it cannot find."""
    pairs: list[Pair] = []
    for line, *cells in pairs_file.rows:
        try:
            found = [resolve_role(asked, known) for asked in cells]
        except UnknownRole as exc:
            close = f"; closest: {', '.join(exc.close_matches)}" if exc.close_matches else ""
            raise PlanError(
                f"{pairs_file.path}:{line}: unknown role {exc.role_id!r}{close}"
            ) from exc
        if found[0] == found[1]:
            raise PlanError(f"{pairs_file.path}:{line}: {cells[0]!r} is compared with itself")
        pairs.append(ordered(found[0], found[1]))
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
    for pairs_file in spec.files:
        wanted.update(pairs_of(pairs_file, collection.names))
    if spec.nearest:
        from rolecompare.analysis import nearest_pairs

        wanted.update(nearest_pairs(collection.facts, collection.conflicts, known, spec.nearest))
    pairs = sorted(wanted)
    if only:
        chosen = set(only)
        pairs = [p for p in pairs if chosen & set(p)]
    in_pairs = {r for p in pairs for r in p}
    plan = Plan(pairs, spec, tuple(only), notes)
    plan.roles_in_no_pair = 0 if only else len(set(known) - in_pairs)
    return plan
