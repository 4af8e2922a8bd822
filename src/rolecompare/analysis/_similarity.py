"""How alike two roles are, for `--pairs nearest:K`: comparisons no page makes.

The similarity of roles A and B (0: nothing alike, 1: alike in everything known) is the
weighted mean of up to four feature similarities, over the features *both* roles publish:

* **skills** (weight 2): the cosine of the two roles' skill vectors, from `skill_share`
  (the share in percent) and `skill_top` (a skill a page names among its top skills counts
  as 10 percent);
* **degree** (weight 1): the cosine of the two degree vectors, from `degree_share` and
  `degree_top` (the share in percent, by degree name);
* **experience** (weight 1): 1 - |years A - years B| / 10, at least 0 (`experience_years`);
* **pay** (weight 1): 1 - |ln(pay A / pay B)| / ln 2, at least 0: equal pay is 1, double the
  pay or more is 0 (`salary_yearly`).

Skill and degree names are compared case- and spacing-insensitively; a number the sources
disagree on counts as the midpoint of what they state. A pair is a candidate only when the
two roles share at least `MIN_SHARED_FEATURES` features (one shared number is too little to
call two roles alike). Each role's K nearest are its K candidates of highest similarity,
ties broken by role id (the lower id first); the pair (A, B) is planned once however many
roles name it.

Everything is computed as arrays, a block of roles at a time, so thousands of roles take
well under a second and memory stays bounded.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from rolecompare.analysis._collection import roles_table

WEIGHTS = {"skills": 2.0, "degree": 1.0, "experience": 1.0, "pay": 1.0}
TOP_SKILL_SHARE = 10.0
EXPERIENCE_SPAN = 10.0  # years apart at which experience is no longer alike
MIN_SHARED_FEATURES = 2
BLOCK = 512


def _key(series: pd.Series) -> pd.Series:
    return series.astype(str).str.split().str.join(" ").str.casefold()


def _vectors(facts: pd.DataFrame, role_ids: list[str], specs) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors (rows: roles) over the names named by at least two roles.

    A name only one role has adds nothing to any dot product between two roles; it still
    counts in that role's length, so the cosine is exact.
    """
    parts = []
    for metric, name_column, weight in specs:
        rows = facts[facts["metric"] == metric]
        if rows.empty:
            continue
        if weight is None:
            values = pd.to_numeric(rows["value"], errors="coerce")
        else:
            values = pd.Series(weight, index=rows.index)
        parts.append(
            pd.DataFrame(
                {"role_id": rows["role_id"], "name": _key(rows[name_column]), "w": values}
            ).dropna()
        )
    if not parts:
        return np.zeros((len(role_ids), 0), dtype=np.float32), np.zeros(len(role_ids), bool)
    long = pd.concat(parts)
    long = long[long["role_id"].isin(role_ids) & (long["w"] > 0)]
    long = long.groupby(["role_id", "name"], sort=False)["w"].max().reset_index()
    norms = np.sqrt((long["w"] ** 2).groupby(long["role_id"]).sum())
    shared = long.groupby("name")["role_id"].transform("size") >= 2
    long = long[shared]
    names = {n: i for i, n in enumerate(sorted(long["name"].unique()))}
    index = {r: i for i, r in enumerate(role_ids)}
    matrix = np.zeros((len(role_ids), len(names)), dtype=np.float32)
    rows_at = long["role_id"].map(index).to_numpy()
    cols_at = long["name"].map(names).to_numpy()
    matrix[rows_at, cols_at] = (long["w"] / long["role_id"].map(norms)).to_numpy()
    has = np.zeros(len(role_ids), dtype=bool)
    has[[index[r] for r in norms.index if r in index]] = True
    return matrix, has


def _point(table: pd.DataFrame, metric: str) -> np.ndarray:
    low, high = f"{metric}_low", f"{metric}_high"
    if low not in table.columns:
        return np.full(len(table), np.nan)
    return ((table[low].astype(float) + table[high].astype(float)) / 2).to_numpy()


def features(facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_ids: list[str]) -> dict:
    """The arrays the similarity is computed from, one row per role of `role_ids`."""
    skills, has_skills = _vectors(
        facts,
        role_ids,
        [("skill_share", "category", None), ("skill_top", "text", TOP_SKILL_SHARE)],
    )
    degree, has_degree = _vectors(
        facts, role_ids, [("degree_share", "category", None), ("degree_top", "text", None)]
    )
    wanted = ["experience_years", "salary_yearly"]
    listed = None if conflicts is None else conflicts[conflicts["metric"].isin(wanted)]
    table = roles_table(facts[facts["metric"].isin(wanted)], listed)
    table = table.set_index("role_id").reindex(role_ids)
    experience = _point(table, "experience_years")
    pay = _point(table, "salary_yearly")
    with np.errstate(divide="ignore", invalid="ignore"):
        log_pay = np.where(pay > 0, np.log(pay), np.nan)
    return {
        "skills": skills,
        "has_skills": has_skills,
        "degree": degree,
        "has_degree": has_degree,
        "experience": experience,
        "log_pay": log_pay,
    }


def _block(f: dict, rows: slice) -> np.ndarray:
    """Similarity of the roles in `rows` with every role (-inf: not a candidate)."""
    total = 0.0
    weight = 0.0
    shared = 0
    for name, matrix, has in (
        ("skills", f["skills"], f["has_skills"]),
        ("degree", f["degree"], f["has_degree"]),
    ):
        both = has[rows, None] & has[None, :]
        sim = matrix[rows] @ matrix.T if matrix.shape[1] else np.zeros(both.shape)
        total = total + np.where(both, WEIGHTS[name] * np.clip(sim, 0, 1), 0.0)
        weight = weight + np.where(both, WEIGHTS[name], 0.0)
        shared = shared + both
    experience = f["experience"]
    diff = np.abs(experience[rows, None] - experience[None, :])
    both = ~np.isnan(diff)
    close = np.clip(1 - np.nan_to_num(diff) / EXPERIENCE_SPAN, 0, 1)
    total = total + np.where(both, WEIGHTS["experience"] * close, 0.0)
    weight = weight + np.where(both, WEIGHTS["experience"], 0.0)
    shared = shared + both
    pay = f["log_pay"]
    diff = np.abs(pay[rows, None] - pay[None, :])
    both = ~np.isnan(diff)
    close = np.clip(1 - np.nan_to_num(diff) / math.log(2), 0, 1)
    total = total + np.where(both, WEIGHTS["pay"] * close, 0.0)
    weight = weight + np.where(both, WEIGHTS["pay"], 0.0)
    shared = shared + both
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(shared >= MIN_SHARED_FEATURES, total / weight, -np.inf)
    start = rows.start or 0
    out[np.arange(out.shape[0]), np.arange(start, start + out.shape[0])] = -np.inf
    return out


def similarity_matrix(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_ids: list[str]
) -> np.ndarray:
    """Every pair's similarity (-inf: not a candidate), for tests and small collections."""
    f = features(facts, conflicts, role_ids)
    return _block(f, slice(0, len(role_ids)))


def nearest_pairs(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_ids: list[str], k: int
) -> list[tuple[str, str]]:
    """Each role with its `k` most similar roles, as sorted (a, b) pairs, each once."""
    ids = sorted(role_ids)
    if k < 1 or len(ids) < 2:
        return []
    f = features(facts, conflicts, ids)
    order = np.arange(len(ids))
    pairs: set[tuple[str, str]] = set()
    for start in range(0, len(ids), BLOCK):
        rows = slice(start, min(start + BLOCK, len(ids)))
        sims = _block(f, rows)
        for offset, row in enumerate(sims):
            candidates = np.flatnonzero(np.isfinite(row))
            if not len(candidates):
                continue
            # highest similarity first, then role id (ids are sorted, so index order)
            best = candidates[np.lexsort((order[candidates], -row[candidates]))][:k]
            me = start + offset
            pairs.update((ids[min(me, j)], ids[max(me, j)]) for j in best)
    return sorted(pairs)
