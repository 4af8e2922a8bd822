"""The context every report of a build shares, and when a build redraws it.

The *context* is what a report shows about the collection beyond its own pair: the
experience and salary of the other roles (`analysis.salary_context`: every role when there
are few, percentile bands when there are many) and the US average every report compares
with (`analysis.us_average_statements`: every distinct statement, a few sources each). It is
drawn once per build with grouped pandas operations and stored in the build's manifest, with
the date it was drawn and how many pages and roles the collection had then; every pair's job
carries it (`context.csv`, `collection.json`) and its report says where it was drawn from.

**When the context is redrawn** (and so every report rebuilt). A report must not be rebuilt
because one role elsewhere changed, unless the change is visible in its context. So the
previous context is kept, dated as it was, unless

1. it drew every role (fewer than `analysis._salary_context.EXACT_BELOW` roles): then any change
   of a drawn number (a role's experience, salary or its range; a role added or gone);
2. it drew bands, and the bands changed layout (other years of experience pooled), or a
   band's edge or median moved by more than `TOLERANCE` (2.5 %) of the salary axis the bands
   span: about 5 points on a figure 3 inches tall, less than a reader can compare from one
   report to another. The percentiles are smoothed (`analysis.salary_context`), so one role
   of n in a band moves them by about 1/n of its spread: with the 200 roles a band has in a
   collection of 2,000, well under the tolerance; with 50, a large change may redraw;
3. it changed kind (the collection grew past the threshold, or shrank below it);
4. the US average says something new: a distinct statement added or gone, a statement it
   quotes no longer on its page (same page and line, same content), or its conflicts changed.

A new page that only restates the US average, or a role whose numbers move within the
bands, rebuilds only the pairs of the roles that page states. Small moves add up: once the
drift since the context was drawn passes the tolerance, it is redrawn.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from rolecompare.analysis import salary_context, us_average_statements
from rolecompare.building.collection import Collection, read_text_table
from rolecompare.building.fingerprints import frame_bytes
from rolecompare.core.roles import US_AVERAGE
from rolecompare.reporting.inputs import context_summary

TOLERANCE = 0.025
PERCENTILE_COLUMNS = ["p10", "p25", "p50", "p75", "p90"]
BAND_LAYOUT = ["experience_low", "experience_high"]
# what a US-average statement says (its page and line aside)
STATEMENT = ["metric", "category", "statistic", "qualifier", "period", "unit", "value", "text"]
CONFLICT_KEY = [
    "metric",
    "category",
    "statistic",
    "period",
    "unit",
    "n_values",
    "min_value",
    "max_value",
]


@dataclass
class Context:
    """A drawn context: the table, the US average's rows, and where and when it was drawn."""

    table: pd.DataFrame  # analysis.salary_context
    us_facts: pd.DataFrame  # facts rows of the US average the reports carry (text)
    us_conflicts: pd.DataFrame  # conflicts rows of the US average (text)
    drawn: str  # YYYY-MM-DD (UTC)
    pages: int
    roles: int

    @property
    def kind(self) -> str:
        return "bands" if (self.table["kind"] == "band").any() else "roles"

    @property
    def fingerprint(self) -> str:
        return self.collection()["context_fingerprint"]

    def collection(self) -> dict:
        """What collection.json says in every slice of this context."""
        return context_summary(
            self.table,
            self.us_facts,
            self.us_conflicts,
            pages=self.pages,
            roles=self.roles,
            context_drawn=self.drawn,
        )

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "drawn": self.drawn,
                "pages": self.pages,
                "roles": self.roles,
                "table": frame_bytes(self.table).decode(),
                "us_facts": frame_bytes(self.us_facts).decode(),
                "us_conflicts": frame_bytes(self.us_conflicts).decode(),
            }
        ).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Context:
        stored = json.loads(data)

        def frame(name: str) -> pd.DataFrame:
            return read_text_table(io.StringIO(stored[name]))

        table = frame("table")
        for column in table.columns:
            if column not in {"kind", "role_id", "role"}:
                table[column] = pd.to_numeric(table[column], errors="coerce")
        return cls(
            table,
            frame("us_facts"),
            frame("us_conflicts"),
            stored["drawn"],
            int(stored["pages"]),
            int(stored["roles"]),
        )


def draw(collection: Collection, *, today: str | None = None) -> Context:
    """The context of the collection as it is now."""
    facts, conflicts = collection.facts, collection.conflicts
    table = salary_context(facts, conflicts)
    us_facts = facts[us_average_statements(facts)].reset_index(drop=True)
    us_conflicts = conflicts[conflicts["role_id"] == US_AVERAGE].reset_index(drop=True)
    return Context(
        table=table,
        us_facts=us_facts,
        us_conflicts=us_conflicts,
        drawn=today or datetime.now(UTC).strftime("%Y-%m-%d"),
        pages=collection.n_pages,
        roles=len(collection.role_ids),
    )


def _statements(frame: pd.DataFrame) -> set[tuple]:
    return set(frame.reindex(columns=STATEMENT).fillna("").itertuples(index=False, name=None))


def _conflict_keys(frame: pd.DataFrame) -> set[tuple]:
    return set(frame.reindex(columns=CONFLICT_KEY).fillna("").itertuples(index=False, name=None))


def _still_stated(us_facts: pd.DataFrame, facts: pd.DataFrame) -> bool:
    """Every US-average row the context quotes is still in the facts, word for word."""
    if us_facts.empty:
        return True
    columns = list(us_facts.columns)
    now = facts[facts["role_id"] == US_AVERAGE].reindex(columns=columns).fillna("")
    quoted = us_facts.reindex(columns=columns).fillna("")
    found = quoted.merge(now.drop_duplicates(), how="left", indicator=True)
    return bool((found["_merge"] == "both").all())


def _bands_moved(old: pd.DataFrame, new: pd.DataFrame) -> str | None:
    if len(old) != len(new) or not old[BAND_LAYOUT].reset_index(drop=True).equals(
        new[BAND_LAYOUT].reset_index(drop=True)
    ):
        return "the bands pool other years of experience"
    before = old[PERCENTILE_COLUMNS].to_numpy(dtype=float)
    after = new[PERCENTILE_COLUMNS].to_numpy(dtype=float)
    axis = float(before.max() - before.min()) or 1.0  # the salary axis the bands span
    if (abs(after - before) > TOLERANCE * axis).any():
        return f"a salary band moved by more than {TOLERANCE:.1%} of the salary axis"
    return None


def redraw_reason(previous: Context, current: Context, collection: Collection) -> str | None:
    """Why `previous` no longer stands for the collection (None: keep it). See the module
    docstring for the rules."""
    if previous.kind != current.kind:
        return f"the context is now drawn as {current.kind}"
    if current.kind == "roles":
        if frame_bytes(previous.table) != frame_bytes(current.table):
            return "a role drawn in the context changed"
    else:
        moved = _bands_moved(previous.table, current.table)
        if moved:
            return moved
    if _statements(previous.us_facts) != _statements(current.us_facts):
        return "the US average states something else"
    if not _still_stated(previous.us_facts, collection.facts):
        return "a page the US average is quoted from changed"
    if _conflict_keys(previous.us_conflicts) != _conflict_keys(current.us_conflicts):
        return "the US average's conflicts changed"
    return None


def settle(previous: Context | None, collection: Collection) -> tuple[Context, str | None]:
    """The context this build uses: the previous one if it still stands, else a new one,
    with the reason it was (re)drawn (None when kept)."""
    current = draw(collection)
    if previous is None:
        return current, "first build"
    reason = redraw_reason(previous, current, collection)
    return (current, reason) if reason else (previous, None)
