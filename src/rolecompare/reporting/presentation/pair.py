"""Everything one pair's report shows, gathered once: the pair's tables, the evidence (its
statements and numbered pages), the role names, and what the report was built from.

The notebook makes one `PairReport` (`load_report`) and hands it to each section function;
each section computes what it shows with `rolecompare.analysis` and words it with
`rolecompare.reporting.narrative`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from rolecompare import analysis
from rolecompare.core.roles import US_AVERAGE
from rolecompare.reporting.evidence import Evidence
from rolecompare.reporting.narrative import display_name, plural


@dataclass
class PairReport:
    """The inputs of one pair's report (role_a, role_b as in the report's title)."""

    role_a: str
    role_b: str
    facts: pd.DataFrame
    conflicts: pd.DataFrame
    pages: pd.DataFrame | None
    ev: Evidence
    names: Mapping[str, str]
    build_info: dict[str, Any] = field(default_factory=dict)
    context: pd.DataFrame | None = None
    collection: dict[str, Any] = field(default_factory=dict)

    @property
    def pair(self) -> tuple[str, str]:
        return self.role_a, self.role_b

    @property
    def name_a(self) -> str:
        return display_name(self.role_a, self.names)

    @property
    def name_b(self) -> str:
        return display_name(self.role_b, self.names)

    @property
    def title(self) -> str:
        return f"{self.name_a} vs {self.name_b}"

    def name(self, role_id: str) -> str:
        return display_name(role_id, self.names)

    def plural(self, role_id: str, capital: bool = False) -> str:
        return plural(role_id, self.names, capital)

    def lacking(self, *metrics: str) -> list[str]:
        """The pair's roles that have none of `metrics`."""
        return [r for r in self.pair if not any(self.ev.has(r, m) for m in metrics)]


def pair_report(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    role_a: str,
    role_b: str,
    *,
    pages: pd.DataFrame | None = None,
    build_info_json: str = "{}",
    context: pd.DataFrame | None = None,
    collection: Mapping[str, Any] | None = None,
) -> PairReport:
    """A `PairReport` from tables already in memory (tests, notebooks of analysts)."""
    conflicts = conflicts if conflicts is not None else pd.DataFrame(columns=["role_id"])
    names = analysis.role_names(facts)
    names.setdefault(US_AVERAGE, "US average")
    info = json.loads(build_info_json or "{}")
    if not info:
        info = {"built_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    return PairReport(
        role_a,
        role_b,
        facts,
        conflicts,
        pages,
        Evidence.from_tables(facts, [role_a, role_b], pages),
        names,
        info,
        context,
        dict(collection or {}),
    )


def load_report(
    processed_dir: Path | str | None, role_a: str, role_b: str, build_info_json: str = "{}"
) -> PairReport:
    """The pair's report inputs from a processed folder or a pair's slice folder
    (`reporting.inputs.load_pair`): only the pair's rows and the collection's context."""
    from rolecompare.reporting.inputs import load_pair

    inputs = load_pair(processed_dir, role_a, role_b)
    return pair_report(
        inputs.facts,
        inputs.conflicts,
        role_a,
        role_b,
        pages=inputs.pages,
        build_info_json=build_info_json,
        context=inputs.context,
        collection=inputs.collection,
    )
