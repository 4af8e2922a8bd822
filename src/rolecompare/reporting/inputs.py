"""What one pair's report reads: its slice of the collection, fast and without validation.

A report needs the rows of its two roles, the US average's, the pages they come from, and a
small summary of the whole collection (the *context*, `analysis.salary_context`). `load_pair`
returns exactly that, from either

* a **slice folder**, as `rolecompare build` gives each pair's job: `facts.csv`,
  `conflicts.csv`, `pages.csv`, `roles.csv` holding only those rows, `context.csv` and
  `collection.json` (how many pages and roles the collection had, when the context was
  drawn, its fingerprint); or
* a **full processed folder** (`rolecompare ingest`'s output): the rows are selected here
  and the context is computed from the full tables with the same analysis function, drawn
  now.

Either way the report sees the same frames. The tables are not validated again: they were
validated once, when ingest wrote them, so reading is plain CSV (empty cells are missing,
page text such as "NA" stays text) plus the numeric columns converted as the schema would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from rolecompare import config
from rolecompare.analysis import (
    CONTEXT_COLUMNS,
    context_fingerprint,
    salary_context,
    us_average_statements,
)
from rolecompare.core.roles import US_AVERAGE, UnknownRole
from rolecompare.facts.schema import fields

__all__ = [
    "COLLECTION_FILE",
    "SLICE_TABLES",
    "PairInputs",
    "is_slice",
    "load_pair",
    "read_table",
    "select_pair",
]

COLLECTION_FILE = "collection.json"
SLICE_TABLES = ("facts", "conflicts", "pages", "roles")
_CONTEXT_TEXT = {"kind", "role_id", "role"}


@dataclass(frozen=True)
class PairInputs:
    """One pair's tables. `collection` describes where the context was drawn from: pages,
    roles, context_drawn (YYYY-MM-DD, UTC), context_fingerprint, context_kind ("roles" or
    "bands") and context_roles (how many roles the context summarises)."""

    role_a: str
    role_b: str
    facts: pd.DataFrame
    conflicts: pd.DataFrame
    pages: pd.DataFrame
    context: pd.DataFrame
    collection: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> dict[str, str]:
        """role_id -> display name, for the roles in the slice."""
        first = self.facts.drop_duplicates("role_id")
        return dict(zip(first["role_id"], first["role"], strict=True))


def is_slice(folder: Path | str) -> bool:
    """True for a pair's slice folder (it has collection.json), False for ingest's output."""
    return (Path(folder) / COLLECTION_FILE).is_file()


def _typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The numeric columns converted as the table's schema coerces them."""
    for f in fields(table):
        if f.name not in frame.columns:
            continue
        if f.dtype == "float":
            frame[f.name] = pd.to_numeric(frame[f.name], errors="coerce").astype(float)
        elif f.dtype == "int":
            frame[f.name] = pd.to_numeric(frame[f.name]).astype("int64")
    return frame


def read_table(path: Path | str, table: str) -> pd.DataFrame:
    """A table written by ingest (or a slice of one), read without validation."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return _typed(frame, table)


def read_context(path: Path | str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    frame = frame.reindex(columns=CONTEXT_COLUMNS)
    for column in CONTEXT_COLUMNS:
        if column not in _CONTEXT_TEXT:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    frame["n_roles"] = frame["n_roles"].fillna(0).astype("int64")
    return frame


def context_summary(
    context: pd.DataFrame,
    us_facts: pd.DataFrame,
    us_conflicts: pd.DataFrame,
    **collection: Any,
) -> dict[str, Any]:
    """collection.json's content for a context drawn from a collection: what the caller
    says of the collection (pages, roles, context_drawn) and the context's kind, size and
    fingerprint (of the table and the US average's rows)."""
    kind = "bands" if (context["kind"] == "band").any() else "roles"
    return {
        **collection,
        "context_kind": kind,
        "context_roles": int(context["n_roles"].sum()),
        "context_fingerprint": context_fingerprint(context, us_facts, us_conflicts),
        "us_average_statements": len(us_facts),
    }


def select_pair(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame,
    pages: pd.DataFrame,
    role_a: str,
    role_b: str,
    us_average: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The rows a pair's report needs: its roles' facts and conflicts, the US average's
    (`us_average`: a mask of the US-average facts to keep, `analysis.us_average_statements`
    by default), and the pages those facts come from."""
    pair = facts["role_id"].isin([role_a, role_b])
    if us_average is None:
        us_average = us_average_statements(facts)
    # the pair's rows as the table orders them, then the US average's (as a slice has them)
    kept = pd.concat([facts[pair], facts[us_average & ~pair]])
    wanted = [role_a, role_b, US_AVERAGE]
    rows = conflicts[conflicts["role_id"].isin(wanted)]
    sources = pages[pages["source"].isin(set(kept["source"]))]
    return kept.reset_index(drop=True), rows.reset_index(drop=True), sources.reset_index(drop=True)


def _from_slice(folder: Path, role_a: str, role_b: str) -> PairInputs:
    tables = {t: read_table(folder / f"{t}.csv", t) for t in ("facts", "conflicts", "pages")}
    collection = json.loads((folder / COLLECTION_FILE).read_text(encoding="utf-8"))
    inputs = PairInputs(
        role_a,
        role_b,
        tables["facts"],
        tables["conflicts"],
        tables["pages"],
        read_context(folder / "context.csv"),
        collection,
    )
    _check(inputs.facts, role_a, role_b)
    return inputs


def _check(facts: pd.DataFrame, *roles: str) -> None:
    known = set(facts["role_id"])
    for role in roles:
        if role not in known:
            raise UnknownRole(role, known - {US_AVERAGE})


def _from_full(folder: Path, role_a: str, role_b: str) -> PairInputs:
    # selected as text (a number keeps its printed form until the slice is typed)
    text = {
        t: pd.read_csv(folder / f"{t}.csv", dtype=str, keep_default_na=False, na_values=[""])
        for t in ("facts", "conflicts", "pages")
    }
    facts, conflicts, pages = text["facts"], text["conflicts"], text["pages"]
    _check(facts, role_a, role_b)
    context = salary_context(facts, conflicts)
    kept = select_pair(facts, conflicts, pages, role_a, role_b)
    us = kept[0]["role_id"] == US_AVERAGE
    collection = context_summary(
        context,
        kept[0][us].reset_index(drop=True),
        kept[1][kept[1]["role_id"] == US_AVERAGE].reset_index(drop=True),
        pages=len(pages),
        roles=len(set(facts["role_id"]) - {US_AVERAGE}),
        context_drawn=datetime.now(UTC).strftime("%Y-%m-%d"),
    )
    typed = [
        _typed(frame, t) for frame, t in zip(kept, ("facts", "conflicts", "pages"), strict=True)
    ]
    return PairInputs(role_a, role_b, *typed, context, collection)


def load_pair(processed_dir: Path | str | None, role_a: str, role_b: str) -> PairInputs:
    """The tables of one pair's report, from a slice folder or a full processed folder (see
    the module docstring; None: the project's data/processed, found from the package, so the
    notebook runs from any folder). Raises `analysis.UnknownRole` for a role the tables do
    not hold."""
    folder = config.processed_dir(processed_dir)
    if is_slice(folder):
        return _from_slice(folder, role_a, role_b)
    return _from_full(folder, role_a, role_b)
