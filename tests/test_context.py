"""A pair's slice and the shared context: what a job carries, when the context is redrawn,
which pairs a change rebuilds, and what changed since the previous build. No kernel runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from benchmarks.synthetic import collection_pages, collection_role, write_collection
from rolecompare import analysis, atomic
from rolecompare.analysis._salary_context import EXACT_BELOW, MIN_BAND_ROLES, US_AVERAGE_PER_VALUE
from rolecompare.building import shared_context
from rolecompare.building.batch import prepare
from rolecompare.building.changes import role_changes
from rolecompare.building.collection import Collection
from rolecompare.building.fingerprints import FactsSnapshot, role_fingerprints
from rolecompare.building.manifest import Manifest
from rolecompare.building.slices import Slicer, make_slice
from rolecompare.building.workers import PairJob
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import slugify
from rolecompare.facts.tables import load_conflicts, load_facts
from rolecompare.reporting.inputs import load_pair
from rolecompare.reporting.report import NOTEBOOK

CARE = "customer-care-manager"
RELATIONS = "customer-relations-manager"
SMALL, LARGE = 120, 360  # pages of two nested generated collections


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Processed folders of the first 120 and the first 360 pages of one collection."""
    root = tmp_path_factory.mktemp("nested")
    out = {}
    for pages in (SMALL, LARGE):
        write_collection(root / f"raw{pages}", pages, seed=2)
        ingest(root / f"raw{pages}", root / f"processed{pages}")
        out[pages] = root / f"processed{pages}"
    return out


def first_pair(seed: int = 2) -> tuple[str, str]:
    layout, roles = collection_pages(1, seed)[0]
    assert layout.startswith("comparison")
    a, b = sorted(slugify(collection_role(r, seed).name) for r in roles)
    return a, b


# --- slices -------------------------------------------------------------------------------------


def test_a_slice_reads_as_the_full_folder_does_without_validation(
    seed_processed: Path, tmp_path: Path
) -> None:
    folder = make_slice(seed_processed, CARE, RELATIONS, tmp_path / "slice")
    sliced, full = load_pair(folder, CARE, RELATIONS), load_pair(seed_processed, CARE, RELATIONS)
    for table in ("facts", "conflicts", "pages", "context"):
        pd.testing.assert_frame_equal(getattr(sliced, table), getattr(full, table))
    assert sliced.collection == full.collection
    # typed as the schema types them (what load_facts gives after pandera's checks)
    typed = [
        (load_facts(seed_processed), sliced.facts),
        (load_conflicts(seed_processed), sliced.conflicts),
    ]
    for loaded, mine in typed:
        wanted = loaded[loaded["role_id"].isin([CARE, RELATIONS])].reset_index(drop=True)
        got = mine[mine["role_id"].isin([CARE, RELATIONS])].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, wanted)
    assert set(sliced.facts["role_id"]) == {CARE, RELATIONS, "us-average"}
    assert sliced.collection["roles"] == 3 and sliced.collection["pages"] == 5


def test_load_pair_names_an_unknown_role(seed_processed: Path) -> None:
    with pytest.raises(analysis.UnknownRole, match="astronaut"):
        load_pair(seed_processed, CARE, "astronaut")


def test_a_pairs_job_carries_its_slice_not_the_collection(nested: dict[int, Path]) -> None:
    a, b = first_pair()
    jobs = {}
    for pages, folder in nested.items():
        collection = Collection.read(folder)
        tables = Slicer(collection, shared_context.draw(collection, today="2026-01-01")).tables(
            a, b
        )
        jobs[pages] = PairJob(a, b, ("html",), 60.0, {}, tables)
        on_disk = sum(
            (folder / f"{t}.csv").stat().st_size for t in ("facts", "conflicts", "pages", "roles")
        )
        assert jobs[pages].size < on_disk / 20, (pages, jobs[pages].size, on_disk)
        facts = pd.read_csv(pd.io.common.BytesIO(tables["facts.csv"]), dtype=str)
        assert set(facts["role_id"]) <= {a, b, "us-average"}
        statements = facts[facts["role_id"] == "us-average"].groupby(
            ["metric", "category", "value", "text"], dropna=False
        )
        assert statements.size().max() <= US_AVERAGE_PER_VALUE
        context = pd.read_csv(pd.io.common.BytesIO(tables["context.csv"]))
        assert len(context) < 20  # bands, not one row per role
    small, large = jobs[SMALL].tables, jobs[LARGE].tables
    for name in ("facts.csv", "conflicts.csv", "pages.csv", "roles.csv"):
        assert small[name] == large[name], name  # the same pair, the same rows, any collection
    assert abs(jobs[LARGE].size - jobs[SMALL].size) < 2_000  # only the context's numbers differ
    info = json.loads(large["collection.json"])
    assert info["pages"] == LARGE and info["context_kind"] == "bands"
    assert info["context_drawn"] == "2026-01-01" and len(info["context_fingerprint"]) == 64


# --- the context --------------------------------------------------------------------------------


def test_few_roles_are_drawn_each_many_as_bands(seed_processed: Path, nested) -> None:
    seeds = Collection.read(seed_processed)
    table = analysis.salary_context(seeds.facts, seeds.conflicts)
    assert set(table["kind"]) == {"role"} and len(table) < EXACT_BELOW
    large = Collection.read(nested[LARGE])
    bands = analysis.salary_context(large.facts, large.conflicts)
    assert set(bands["kind"]) == {"band"}
    assert (bands["n_roles"] >= MIN_BAND_ROLES).all()
    assert bands["n_roles"].sum() == len(analysis.role_points(large.facts, large.conflicts))
    p = bands[["p10", "p25", "p50", "p75", "p90"]].to_numpy()
    assert (p[:, 1:] >= p[:, :-1]).all()  # percentiles in order
    lows, highs = bands["experience_low"].to_numpy(), bands["experience_high"].to_numpy()
    assert (lows[1:] > highs[:-1]).all()  # bands pool distinct years


def _with_facts(collection: Collection, facts: pd.DataFrame) -> Collection:
    return Collection(
        collection.folder, facts, collection.conflicts, collection.pages, collection.roles
    )


def _salary_rows(facts: pd.DataFrame, role: str) -> pd.Series:
    return (facts["role_id"] == role) & (facts["metric"] == "salary_yearly")


def _big(seed_processed: Path, n_roles: int = 2_000) -> Collection:
    """A collection of `n_roles` roles that publish experience and salary (made as tables,
    no pages: the context only reads these two numbers), with the seeds' US average."""
    seeds = Collection.read(seed_processed)
    rng = np.random.default_rng(5)
    ids = [f"role-{i:05d}" for i in range(n_roles)]
    rows = pd.DataFrame(
        {
            "role_id": np.repeat(ids, 2),
            "metric": ["experience_years", "salary_yearly"] * n_roles,
            "value": np.column_stack(
                [rng.integers(1, 10, n_roles), rng.integers(38_000, 140_000, n_roles)]
            )
            .ravel()
            .astype(str),
            "source": np.repeat([f"page_{i:05d}.txt" for i in range(n_roles)], 2),
            "line": "1",
        }
    )
    rows["role"] = rows["role_id"]
    us = seeds.facts[seeds.facts["role_id"] == "us-average"]
    facts = pd.concat([rows, us], ignore_index=True).reindex(columns=seeds.facts.columns)
    roles = pd.DataFrame({"role_id": [*ids, "us-average"], "role": [*ids, "US average"]})
    return Collection(seeds.folder, facts, seeds.conflicts.iloc[0:0], seeds.pages, roles)


def test_one_role_changing_keeps_a_banded_context(seed_processed: Path) -> None:
    collection = _big(seed_processed)
    drawn = shared_context.draw(collection, today="2026-01-01")
    assert drawn.kind == "bands"
    stored = shared_context.Context.from_bytes(drawn.to_bytes())
    assert stored.fingerprint == drawn.fingerprint
    salary = collection.facts["metric"] == "salary_yearly"
    for role in collection.role_ids[::97]:  # 21 roles, each the only change: to either end
        for value in ("139999", "38000"):
            facts = collection.facts.copy()
            facts.loc[_salary_rows(facts, role), "value"] = value
            kept, reason = shared_context.settle(stored, _with_facts(collection, facts))
            assert reason is None and kept is stored, (role, value, reason)
    everyone = collection.facts.copy()
    raised = pd.to_numeric(everyone.loc[salary, "value"]) * 1.1
    everyone.loc[salary, "value"] = raised.round().astype(int).astype(str)
    redrawn, reason = shared_context.settle(stored, _with_facts(collection, everyone))
    assert reason and "band moved" in reason and redrawn is not stored


def test_a_context_of_every_role_is_redrawn_for_any_change(seed_processed: Path) -> None:
    collection = Collection.read(seed_processed)
    stored = shared_context.draw(collection, today="2026-01-01")
    same, reason = shared_context.settle(stored, collection)
    assert reason is None and same is stored
    facts = collection.facts.copy()
    row = _salary_rows(facts, CARE).idxmax()
    facts.loc[row, "value"] = str(float(facts.loc[row, "value"]) + 1)
    _, reason = shared_context.settle(stored, _with_facts(collection, facts))
    assert reason == "a role drawn in the context changed"


def test_the_us_average_redraws_only_when_it_says_something_new(seed_processed: Path) -> None:
    collection = Collection.read(seed_processed)
    stored = shared_context.draw(collection, today="2026-01-01")
    us = collection.facts[collection.facts["role_id"] == "us-average"]
    assert len(us) and len(stored.us_facts)
    restated = pd.concat([collection.facts, us.assign(source="zz_new_page.txt")], ignore_index=True)
    assert shared_context.settle(stored, _with_facts(collection, restated))[1] is None
    other = collection.facts.copy()
    first = other.index[(other["role_id"] == "us-average") & other["value"].notna()][0]
    other.loc[first, "value"] = "1"
    assert shared_context.settle(stored, _with_facts(collection, other))[1] == (
        "the US average states something else"
    )
    others = collection.facts[collection.facts["role_id"] != "us-average"]
    moved = pd.concat([others, us.assign(source="zz_new_page.txt")])
    assert shared_context.settle(stored, _with_facts(collection, moved))[1] == (
        "a page the US average is quoted from changed"
    )


# --- fingerprints, rebuild rules, changes -------------------------------------------------------


def test_a_roles_fingerprint_changes_with_its_rows_only(nested) -> None:
    collection = Collection.read(nested[SMALL])
    before = role_fingerprints(collection.facts, collection.conflicts, collection.pages)
    assert before == role_fingerprints(collection.facts, collection.conflicts, collection.pages)
    facts = collection.facts.copy()
    role = collection.role_ids[3]
    facts.loc[_salary_rows(facts, role), "value"] = "55555"
    after = role_fingerprints(facts, collection.conflicts, collection.pages)
    assert {r for r in before if before[r] != after.get(r)} == {role}


def _record_all(out: Path, processed: Path) -> None:
    """The manifest a finished build of `processed` leaves (no report is run here)."""
    with atomic.locked(out), Manifest.open(out) as manifest:
        prepared = prepare(processed, out, manifest, pairs=None, only=(), formats=("html",),
                           force=False, notebook=NOTEBOOK.read_bytes())  # fmt: skip
        for item in prepared.planned:
            (out / item.folder).mkdir(parents=True, exist_ok=True)
            (out / item.folder / "report.html").write_text("<html></html>")
            record = {"status": "ok", "inputs": item.inputs, "parts": item.parts}
            roles = {"role_a": item.pair[0], "role_b": item.pair[1]}
            manifest.put_pair(item.folder, {**roles, **record})
        manifest.set("context", prepared.context.to_bytes())
        manifest.set("facts", prepared.snapshot.to_bytes())


def _plan(out: Path, processed: Path):
    with atomic.locked(out), Manifest.open(out) as manifest:
        return prepare(processed, out, manifest, pairs=None, only=(), formats=("html",),
                       force=False, notebook=NOTEBOOK.read_bytes())  # fmt: skip


def test_one_changed_page_rebuilds_only_the_pairs_of_its_roles(tmp_path: Path) -> None:
    pages, changed_page = 150, 40
    raw, processed, out = tmp_path / "raw", tmp_path / "processed", tmp_path / "reports"
    write_collection(raw, pages, seed=3)
    ingest(raw, processed)
    _record_all(out, processed)
    assert {p.action for p in _plan(out, processed).planned} == {"up-to-date"}
    shutil.rmtree(raw)
    write_collection(raw, pages, seed=3, change=changed_page)
    ingest(raw, processed)
    prepared = _plan(out, processed)
    layout, roles = collection_pages(pages, 3)[changed_page]
    stated = {slugify(collection_role(r, 3).name) for r in roles}
    rebuilt = {p.pair for p in prepared.planned if p.action == "build"}
    changed_role = slugify(collection_role(roles[0], 3).name)  # its number of jobs changed
    assert rebuilt == {p for p in prepared.plan.pairs if changed_role in p}
    assert rebuilt <= {p for p in prepared.plan.pairs if stated & set(p)}
    assert 0 < len(rebuilt) < 6 < len(prepared.plan.pairs)
    assert prepared.context_reason is None  # the bands did not move
    for item in prepared.todo:
        assert set(item.reasons) <= {f"facts of {r}" for r in stated}
    # what changed since the last build: the stated role(s), one fact changed each
    changes = {c.role_id: c for c in prepared.changes.roles}
    assert set(changes) == {changed_role}
    change = next(iter(changes.values()))
    assert (change.added, change.removed, change.changed) == (0, 0, 1)
    assert change.rebuilt == len(rebuilt) and layout.startswith("comparison")
    assert any("1 changed" in line for line in prepared.changes.lines())


def test_a_salary_change_in_a_small_collection_rebuilds_every_pair(
    seed_processed: Path, tmp_path: Path
) -> None:
    processed, out = tmp_path / "processed", tmp_path / "reports"
    shutil.copytree(seed_processed, processed)
    _record_all(out, processed)
    facts = pd.read_csv(processed / "facts.csv", dtype=str, keep_default_na=False)
    row = ((facts["role_id"] == CARE) & (facts["metric"] == "salary_yearly")).idxmax()
    facts.loc[row, "value"] = "41182"
    facts.to_csv(processed / "facts.csv", index=False)
    prepared = _plan(out, processed)
    assert prepared.context_reason == "a role drawn in the context changed"
    assert all(p.action == "build" for p in prepared.planned)
    others = [p for p in prepared.todo if CARE not in p.pair]
    assert others and all(p.reasons == ["context redrawn"] for p in others)


def test_facts_added_removed_and_changed_per_role(seed_processed: Path) -> None:
    facts = Collection.read(seed_processed).facts
    before = FactsSnapshot.from_bytes(FactsSnapshot.of(facts).to_bytes())
    after = facts.copy()
    care = after.index[after["role_id"] == CARE]
    after.loc[care[0], "value"] = "123"
    after = after.drop(index=care[1])
    after = pd.concat([after, facts.loc[[care[2]]].assign(source="new.txt")], ignore_index=True)
    after = after[after["role_id"] != RELATIONS]
    changes = {c.role_id: c for c in role_changes(before, FactsSnapshot.of(after), {})}
    assert (changes[CARE].added, changes[CARE].removed, changes[CARE].changed) == (1, 1, 1)
    assert changes[RELATIONS].state == "gone"
    assert changes[RELATIONS].removed == int((facts["role_id"] == RELATIONS).sum())
    assert set(changes) == {CARE, RELATIONS}


def test_a_facts_snapshot_stored_by_an_older_build_still_reads(seed_processed: Path) -> None:
    import io

    import numpy as np

    snapshot = FactsSnapshot.of(Collection.read(seed_processed).facts)
    buffer = io.BytesIO()  # as builds before the role codes stored it
    np.savez_compressed(
        buffer,
        roles=snapshot.frame["role_id"].to_numpy(dtype=str),
        key=snapshot.frame["key"].to_numpy(dtype=np.uint64),
        row=snapshot.frame["row"].to_numpy(dtype=np.uint64),
    )
    for data in (buffer.getvalue(), snapshot.to_bytes()):
        again = FactsSnapshot.from_bytes(data)
        assert again.frame.astype(object).equals(snapshot.frame.astype(object))
        assert again.diff(snapshot).empty
