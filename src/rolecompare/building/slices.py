"""A pair's slice: the only tables its job carries (locally and to a Dask cluster).

`facts.csv`, `conflicts.csv`, `pages.csv` and `roles.csv` hold only the rows of the pair's
two roles, the US average's rows the build's context quotes, and the pages those facts come
from; `context.csv` and `collection.json` are the build's context (`building.shared_context`). The
report reads them with `reporting.inputs.load_pair`. Cells are copied as text, so every
number keeps the form its page printed it in. A slice's size depends on its two roles, not
on the collection: its job costs the same in a collection of 60 pages or 3,000.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from rolecompare import atomic
from rolecompare.building.collection import Collection
from rolecompare.building.fingerprints import frame_bytes
from rolecompare.building.shared_context import Context
from rolecompare.reporting.inputs import COLLECTION_FILE


class Slicer:
    """Slices of one collection and context; the shared parts are serialised once."""

    def __init__(self, collection: Collection, context: Context) -> None:
        self.collection = collection
        self.context = context
        self._context_csv = frame_bytes(context.table)
        self._collection_json = (
            json.dumps(context.collection(), indent=2, sort_keys=True) + "\n"
        ).encode()
        self._pages = collection.pages.set_index("source", drop=False)
        self._pages = self._pages[~self._pages.index.duplicated()]

    def _rows(self, frame: pd.DataFrame, groups: dict, roles: tuple[str, ...]) -> pd.DataFrame:
        labels = [label for role in roles for label in groups.get(role, ())]
        return frame.loc[sorted(labels)]

    def _roles_of(self, facts: pd.DataFrame) -> pd.DataFrame:
        """roles.csv's rows for the slice's facts: the pair's rows as in the collection; the
        US average's counting only the statements the slice carries."""
        grouped = facts.groupby("role_id", sort=True)
        sources = grouped["source"].agg(lambda s: "; ".join(sorted(set(s.dropna()))))
        rows = pd.DataFrame(
            {
                "role_id": sources.index,
                "role": grouped["role"].first().to_numpy(),
                "n_facts": grouped.size().astype(str).to_numpy(),
                "sources": sources.to_numpy(),
            }
        )
        return rows.reindex(columns=self.collection.roles.columns)

    def tables(self, role_a: str, role_b: str) -> dict[str, bytes]:
        """The slice of (role_a, role_b) as file name -> bytes."""
        c = self.collection
        pair = (role_a, role_b)
        facts = pd.concat(
            [self._rows(c.facts, c.facts_by_role, pair), self.context.us_facts],
            ignore_index=True,
        )
        conflicts = pd.concat(
            [self._rows(c.conflicts, c.conflicts_by_role, pair), self.context.us_conflicts],
            ignore_index=True,
        )
        sources = pd.unique(facts["source"].dropna())
        pages = self._pages.loc[self._pages.index.intersection(sources)].sort_index()
        roles = self._roles_of(facts)
        return {
            "facts.csv": frame_bytes(facts.reindex(columns=c.facts.columns)),
            "conflicts.csv": frame_bytes(conflicts.reindex(columns=c.conflicts.columns)),
            "pages.csv": frame_bytes(pages.reset_index(drop=True)),
            "roles.csv": frame_bytes(roles),
            "context.csv": self._context_csv,
            COLLECTION_FILE: self._collection_json,
        }


def write_slice(tables: dict[str, bytes], folder: Path) -> Path:
    """Write a slice's files into `folder` (each atomically); returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in tables.items():
        atomic.write_bytes(folder / name, data)
    return folder


def make_slice(processed_dir: Path, role_a: str, role_b: str, folder: Path) -> Path:
    """A pair's slice of a processed folder, written to `folder`, with the context drawn now
    (what `rolecompare report` can use to run a report on its slice)."""
    from rolecompare.building.shared_context import draw

    collection = Collection.read(processed_dir)
    return write_slice(Slicer(collection, draw(collection)).tables(role_a, role_b), folder)
