"""The processed tables as a build reads them: once, as text, without validation.

A build reads the facts, conflicts, pages and roles tables once (`core.tables.read_table`:
Parquet when current, else CSV). Every cell
stays the text ingest wrote (a number printed `19.80` is still `19.80` in a pair's slice) and
empty cells are missing. The tables were validated when ingest wrote them; validating them
again per build (or per pair, as the notebooks used to) costs seconds at thousands of pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from rolecompare.config import ProcessedFiles
from rolecompare.core.roles import comparable
from rolecompare.core.tables import read_table


@dataclass
class Collection:
    """The tables of one processed folder."""

    folder: Path
    facts: pd.DataFrame
    conflicts: pd.DataFrame
    pages: pd.DataFrame
    roles: pd.DataFrame
    ingest: dict = field(default_factory=dict)

    @classmethod
    def read(cls, processed_dir: Path) -> Collection:
        files = ProcessedFiles(Path(processed_dir))
        try:
            ingest = json.loads(files.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            ingest = {}
        return cls(
            folder=files.folder,
            facts=read_table(files.folder, "facts"),
            conflicts=read_table(files.folder, "conflicts"),
            pages=read_table(files.folder, "pages"),
            roles=read_table(files.folder, "roles"),
            ingest=ingest if isinstance(ingest, dict) else {},
        )

    @cached_property
    def names(self) -> dict[str, str]:
        """role_id -> display name (roles.csv)."""
        roles = self.roles  # lists: iterating Arrow-backed columns costs ~2 µs a cell
        return dict(zip(roles["role_id"].tolist(), roles["role"].tolist(), strict=True))

    @cached_property
    def role_ids(self) -> list[str]:
        """The roles that can be compared (not the US average), sorted."""
        return comparable(self.roles["role_id"])

    @cached_property
    def facts_by_role(self) -> dict[str, pd.Index]:
        """Row labels of each role's facts (one grouping, reused for every pair's slice)."""
        return self.facts.groupby("role_id", sort=False).groups

    @cached_property
    def conflicts_by_role(self) -> dict[str, pd.Index]:
        return self.conflicts.groupby("role_id", sort=False).groups

    @cached_property
    def role_prints(self) -> dict[str, str]:
        """role_id -> fingerprint of its facts, conflicts and pages (`building.fingerprints`),
        computed once for the pairs and the site's role pages."""
        from rolecompare.building.fingerprints import role_fingerprints

        return role_fingerprints(self.facts, self.conflicts, self.pages, fact_rows=self.fact_rows)

    @cached_property
    def fact_rows(self) -> np.ndarray:
        """One hash per facts row (`building.fingerprints.row_hashes`), computed once for the
        role fingerprints, the facts snapshot and the site's stamp."""
        from rolecompare.building.fingerprints import row_hashes

        return row_hashes(self.facts)

    @property
    def n_pages(self) -> int:
        return len(self.pages)
