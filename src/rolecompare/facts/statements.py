"""Every page's statements as one columnar frame, and the collection-wide steps done on it.

At 100,000 pages a collection states ~5 million facts: looping over them in Python (a
`RawFact` each) is what made a re-ingest slow and large. Here the statements are one frame
(a column per field, `STATEMENT_COLUMNS`), and what the collection decides (which names are
roles, their ids and display names) is computed once per distinct name, then mapped onto
the rows. A few statements are turned back into `RawFact`s where a rule needs them (pending
glued rows, the keys that may conflict).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from rolecompare.facts.parsing import PageResult, RawFact
from rolecompare.facts.parsing.text import clean_name, display_name, slugify
from rolecompare.facts.role_ids import RoleIds

# The fields of a statement kept by ingest (where/reader serve `ingest --explain` only).
FACT_FIELDS = (
    "role",
    "metric",
    "line",
    "value",
    "printed",
    "text",
    "category",
    "unit",
    "statistic",
    "qualifier",
    "period",
)
STATEMENT_COLUMNS = ("source", *FACT_FIELDS)


def frame_of(pairs: Iterable[tuple[str, RawFact]]) -> pd.DataFrame:
    """(source, fact) pairs as a statements frame, in their order."""
    pairs = list(pairs)
    columns = {"source": pd.Series([s for s, _ in pairs], dtype=object)}
    for name in FACT_FIELDS:
        columns[name] = pd.Series(
            [getattr(f, name) for _, f in pairs], dtype=_DTYPES.get(name, object)
        )
    return pd.DataFrame(columns, columns=list(STATEMENT_COLUMNS))


# text columns stay `object` holding None where unstated (not pandas' inferred strings)
_DTYPES = {"value": "float64", "line": "int64"}


def results_frame(results: list[PageResult]) -> pd.DataFrame:
    """Every fact of these results (in their order) as a statements frame."""
    return frame_of((r.source, f) for r in results for f in r.facts)


def raw_facts(rows: pd.DataFrame) -> list[tuple[str, RawFact]]:
    """Statements back as (source, RawFact), for the rules that compare a few of them."""
    out = []
    for row in rows.itertuples(index=False):
        fields = {name: getattr(row, name) for name in FACT_FIELDS}
        fields["value"] = None if pd.isna(fields["value"]) else float(fields["value"])
        fields["line"] = int(fields["line"])
        out.append((row.source, RawFact(**fields)))
    return out


def per_name(roles: pd.Series, function) -> pd.Series:
    """`function` of each row's role name, computed once per distinct name."""
    codes, uniques = pd.factorize(roles, use_na_sentinel=False)
    values = np.empty(len(uniques), dtype=object)
    values[:] = [function(u) for u in uniques]
    return pd.Series(values[codes], index=roles.index, dtype=object)


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Statements by (source, line), ties in their present order (a stable sort); only the
    statement columns (one copy)."""
    source_codes, _ = pd.factorize(frame["source"], sort=True)
    order = np.lexsort((np.arange(len(frame)), frame["line"].to_numpy(), source_codes))
    columns = [frame.columns.get_loc(c) for c in STATEMENT_COLUMNS]
    return frame.iloc[order, columns].reset_index(drop=True)


def role_ids(statements: pd.DataFrame) -> RoleIds:
    """The ids of the statements' role names (`RoleIds`), from each distinct name's count and
    first statement instead of a pass over every statement."""
    roles = statements["role"]
    codes, uniques = pd.factorize(roles)
    counts = np.bincount(codes, minlength=len(uniques))
    first = np.full(len(uniques), len(roles), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(roles)))
    sources, lines = statements["source"].to_numpy(), statements["line"].to_numpy()
    by_first = np.argsort(first, kind="stable")
    return RoleIds.counted(
        (uniques[i], sources[first[i]], int(lines[first[i]]), int(counts[i])) for i in by_first
    )


def display_names(statements: pd.DataFrame, ids: pd.Series) -> dict[str, str]:
    """Each role id's display name: its most frequent spelling (ties: the first in order),
    counted per distinct name (a name has one id), not per statement."""
    codes, uniques = pd.factorize(statements["role"])
    first = np.zeros(len(uniques), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]  # each name's first statement
    spelled = pd.DataFrame(
        {
            "role_id": pd.Series(ids.to_numpy()[first], dtype=object),
            "name": pd.Series([display_name(u) for u in uniques], dtype=object),
            "n": np.bincount(codes, minlength=len(uniques)),
        }
    )
    counts = spelled.groupby(["role_id", "name"], sort=False)["n"].sum().reset_index()
    counts = counts.sort_values(["role_id", "n", "name"], ascending=[True, False, True])
    best = counts.drop_duplicates("role_id")
    return dict(zip(best["role_id"], best["name"], strict=True))


def named(statements: pd.DataFrame) -> pd.Series:
    """True where the statement's role has a name (not only punctuation)."""
    return per_name(statements["role"], lambda role: bool(clean_name(role))).astype(bool)


def key_mask(statements: pd.DataFrame, keys: set[tuple[str, str, str]], norm) -> pd.Series:
    """True where a statement's (slug of role, metric, normalised category) is in `keys`."""
    if not keys or statements.empty:
        return pd.Series(False, index=statements.index)
    slugs = per_name(statements["role"], slugify)
    cats = per_name(statements["category"], lambda c: norm(c if isinstance(c, str) else None))
    wanted = {(s, m) for s, m, _ in keys}
    rough = pd.Series(list(zip(slugs, statements["metric"], strict=True)), index=statements.index)
    mask = rough.isin(wanted)
    exact = pd.Series(
        [
            (s, m, c) in keys
            for s, m, c in zip(slugs[mask], statements["metric"][mask], cats[mask], strict=True)
        ],
        index=statements.index[mask],
        dtype=bool,
    )
    return exact.reindex(statements.index, fill_value=False)


def maybe_conflicting(
    statements: pd.DataFrame, ids: pd.Series, norm, compared: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The positions (among the `compared` ones) of the statements of the keys (role id,
    metric, normalised category) that may conflict, and their normalised categories: keys
    stated more than once, not identically everywhere, and not surely in agreement (one
    stated statistic and period at most, so one like-with-like group; no qualifier; one
    value, unit and text: then every interval holds that value). The rules themselves
    (`tables.find_conflicts`) judge the rest. Only the columns compared are copied."""
    at = np.flatnonzero(compared)
    categories = per_name(statements["category"], lambda c: norm(_text(c))).to_numpy()
    # one integer per key (role id, metric, category): grouping integers is quick
    key = _codes(ids.to_numpy()[at], statements["metric"].to_numpy()[at], categories[at])
    at, key = at[np.bincount(key)[key] > 1], key[np.bincount(key)[key] > 1]
    if not len(at):
        return at, categories[at]
    key = pd.factorize(key)[0]
    said = ["printed", "qualifier", "unit", "statistic", "period"]
    told = pd.DataFrame({c: pd.Series(statements[c].to_numpy()[at], dtype=object) for c in said})
    told["norm_text"] = per_name(pd.Series(statements["text"].to_numpy()[at]), _normed(norm))
    told["key"] = key
    versions = np.bincount(told.drop_duplicates()["key"].to_numpy(), minlength=key.max() + 1)
    told["value"] = statements["value"].to_numpy()[at]
    by_key = told.groupby("key", sort=True)
    surely = (
        (by_key["statistic"].nunique() <= 1)
        & (by_key["period"].nunique() <= 1)
        & (by_key["qualifier"].count() == 0)
        & (by_key["value"].nunique(dropna=False) == 1)
        & (by_key["unit"].nunique(dropna=False) == 1)
        & (by_key["norm_text"].nunique(dropna=False) == 1)
    ).to_numpy()
    differ = (versions > 1) & ~surely
    chosen = at[differ[key]]
    return chosen, categories[chosen]


def _codes(*columns: np.ndarray) -> np.ndarray:
    """One int64 per distinct combination of the columns' values."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        combined = combined * (len(uniques) + 1) + codes
        combined = pd.factorize(combined)[0].astype(np.int64)  # never overflows
    return combined


def _normed(norm):
    return lambda cell: norm(_text(cell))


def _text(cell: object) -> str | None:
    return cell if isinstance(cell, str) else None
