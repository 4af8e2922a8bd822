"""Fingerprints: what a pair's report is made from, hashed, to tell when it must be rebuilt.

A pair's inputs are: the facts and conflicts rows of its two roles and the pages those facts
come from (one fingerprint per role), the context it places them in (which includes the US
average, see `building.shared_context`), the notebook, the library code a report runs, and the
formats asked for.

Per-role fingerprints are computed for the whole collection at once: each row is hashed
with `pandas.util.hash_pandas_object` and the hashes of a role's rows are combined with their
position in two independent 64-bit lanes by a grouped sum (no per-role loop, no CSV). The
same row hashes, keyed by what a fact is about, let a build say what changed since the
previous one (`FactsSnapshot`).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

from rolecompare.config import PACKAGE_DIR
from rolecompare.core.tables import csv_bytes

# What a report runs: the shared floor (core), the analysis, reporting and table code,
# metadata and templates. The parser (its output is the facts, hashed anyway), the build
# and the CLI are not inputs of a report, so changing them rebuilds nothing.
CODE_PARTS = (
    "__init__.py",
    "config.py",
    "atomic.py",
    "core",
    "analysis",
    "reporting",
    "metadata",
)
CODE_FACTS_FILES = ("facts/__init__.py", "facts/schema.py", "facts/tables.py")
CODE_SUFFIXES = {".py", ".j2", ".json", ".csv", ".css"}
LANE_SALT = np.uint64(0xD6E8FEB86659FD93)  # the second lane hashes other bits
FACT_KEY = ["role_id", "metric", "category", "statistic", "period", "source"]


def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def code_fingerprint() -> str:
    """The library files a report runs (see CODE_PARTS)."""
    digest = hashlib.sha256()
    paths = []
    for part in CODE_PARTS:
        target = PACKAGE_DIR / part
        paths += sorted(target.rglob("*")) if target.is_dir() else [target]
    paths += [PACKAGE_DIR / f for f in CODE_FACTS_FILES]
    for path in paths:
        if path.is_file() and path.suffix in CODE_SUFFIXES:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def row_hashes(frame: pd.DataFrame) -> np.ndarray:
    """One uint64 per row, from every cell's text."""
    if frame.empty:
        return np.zeros(0, dtype=np.uint64)
    return pd.util.hash_pandas_object(frame, index=False).to_numpy(dtype=np.uint64)


def _lanes(keys: pd.Series, hashes: np.ndarray) -> pd.DataFrame:
    """Per key: two order-aware 64-bit sums of its rows' hashes, and the number of rows."""
    if len(keys) == 0:
        return pd.DataFrame(columns=["lane1", "lane2", "rows"])
    position = keys.groupby(keys, sort=False).cumcount().to_numpy(dtype=np.uint64)
    mixed = hashes + position * np.uint64(0x9E3779B97F4A7C15)
    lanes = pd.DataFrame(
        {
            "key": keys.to_numpy(),
            "lane1": pd.util.hash_array(mixed),
            "lane2": pd.util.hash_array(mixed ^ LANE_SALT),
        }
    )
    grouped = lanes.groupby("key", sort=True)
    out = grouped[["lane1", "lane2"]].sum()  # uint64 sums wrap around: that is the intent
    out["rows"] = grouped.size()
    return out


def _hex(lanes: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [
            f"{a:016x}{b:016x}:{n}"
            for a, b, n in zip(lanes.lane1, lanes.lane2, lanes.rows, strict=True)
        ],
        index=lanes.index,
        dtype=object,
    )


def role_fingerprints(
    facts: pd.DataFrame,
    conflicts: pd.DataFrame,
    pages: pd.DataFrame,
    *,
    fact_rows: np.ndarray | None = None,
) -> dict[str, str]:
    """role_id -> fingerprint of its facts rows, its conflicts rows, and the rows of the pages
    its facts come from (a page's title or address is shown in its roles' reports).
    `fact_rows`: `row_hashes(facts)` when already computed."""
    fact_rows = row_hashes(facts) if fact_rows is None else fact_rows
    parts = {
        "facts": _hex(_lanes(facts["role_id"], fact_rows)),
        "conflicts": _hex(_lanes(conflicts["role_id"], row_hashes(conflicts))),
    }
    used = facts[["role_id", "source"]].drop_duplicates()
    page_hash = pd.Series(row_hashes(pages), index=pages["source"].to_numpy())
    page_hash = page_hash[~page_hash.index.duplicated()]
    hashes = used["source"].map(page_hash).fillna(0).to_numpy(dtype=np.uint64)
    parts["pages"] = _hex(_lanes(used["role_id"].reset_index(drop=True), hashes))
    frame = pd.DataFrame(parts).fillna("-")
    return {
        role: sha("|".join(row))
        for role, row in zip(frame.index, frame.itertuples(index=False), strict=True)
    }


def _pair_hash(frame: pd.DataFrame) -> pd.Index:
    key = frame["key"].to_numpy(dtype=np.uint64)
    return pd.Index(pd.util.hash_array(key ^ (frame["row"].to_numpy(dtype=np.uint64) * LANE_SALT)))


def frame_bytes(frame: pd.DataFrame) -> bytes:
    """A table as the CSV a slice carries (escaped for spreadsheets, `core.tables`)."""
    return csv_bytes(frame)


@dataclass
class FactsSnapshot:
    """Every fact row as (role, what it is about, which occurrence) -> hash of its content.

    What a fact is *about* is its role, metric, category, statistic, period and page; the
    same key on the same page twice is told apart by order. Two snapshots then say which
    facts were added, removed or changed (same key, other content) per role.
    """

    frame: pd.DataFrame  # role_id, key (uint64), row (uint64)

    @classmethod
    def of(cls, facts: pd.DataFrame, rows: np.ndarray | None = None) -> FactsSnapshot:
        """`rows`: `row_hashes(facts)` when already computed."""
        keys = facts.reindex(columns=FACT_KEY)
        key_hash = row_hashes(keys)
        occurrence = pd.Series(key_hash).groupby(key_hash).cumcount().to_numpy(dtype=np.uint64)
        frame = pd.DataFrame(
            {
                "role_id": facts["role_id"].astype(str).array,  # no detour through objects
                "key": key_hash + occurrence,
                "row": row_hashes(facts) if rows is None else rows,
            }
        )
        return cls(frame)

    def to_bytes(self) -> bytes:
        """Each distinct role once and a code per row; not compressed (hashes do not
        compress, and zlib over millions of rows took seconds)."""
        codes, names = pd.factorize(self.frame["role_id"].astype(str), sort=False)
        buffer = io.BytesIO()
        np.savez(
            buffer,
            role_names=np.asarray(names, dtype=str),
            role_codes=codes.astype(np.int32),
            key=self.frame["key"].to_numpy(dtype=np.uint64),
            row=self.frame["row"].to_numpy(dtype=np.uint64),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> FactsSnapshot:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            if "role_names" in arrays:
                roles = arrays["role_names"].astype(object)[arrays["role_codes"]]
            else:  # as builds before wrote it: every row's role spelled out
                roles = arrays["roles"].astype(object)
            return cls(pd.DataFrame({"role_id": roles, "key": arrays["key"], "row": arrays["row"]}))

    def diff(self, newer: FactsSnapshot) -> pd.DataFrame:
        """Per role: added, removed, changed facts from this snapshot to `newer` (roles with
        any change only), sorted by role."""
        # a row whose key (which hashes its role) and content are on both sides is unchanged:
        # only the others are joined (a few rows, not millions)
        older_rows, newer_rows = _pair_hash(self.frame), _pair_hash(newer.frame)
        before = self.frame[~older_rows.isin(newer_rows)]  # hash tables: np.isin sorts
        after = newer.frame[~newer_rows.isin(older_rows)]
        merged = before.merge(
            after,
            on=["role_id", "key"],
            how="outer",
            suffixes=("_old", "_new"),
            indicator=True,
        )
        merged["added"] = merged["_merge"] == "right_only"
        merged["removed"] = merged["_merge"] == "left_only"
        merged["changed"] = (merged["_merge"] == "both") & (merged["row_old"] != merged["row_new"])
        counts = merged.groupby("role_id")[["added", "removed", "changed"]].sum()
        counts = counts[(counts > 0).any(axis=1)].astype(int)
        return counts.sort_index()
