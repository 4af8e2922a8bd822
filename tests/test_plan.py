"""Which pairs a build plans (`--pairs`), the similarity behind nearest:K, bad pairs files,
and `build --dry-run` (prints the plan, writes nothing). No kernel runs here."""

from __future__ import annotations

import csv
import io
import math
import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from benchmarks.synthetic import collection_pages, collection_role, write_collection
from rolecompare import analysis
from rolecompare.building.collection import Collection
from rolecompare.building.plan import (
    PairsSpec,
    PlanError,
    all_pairs,
    make_plan,
    pairs_of,
    parse_pairs,
    read_pairs_file,
)
from rolecompare.cli import app
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import slugify

CARE = "customer-care-manager"
RELATIONS = "customer-relations-manager"
SERVICE = "customer-service-manager"
SEED_PAIRS = [(CARE, RELATIONS), (CARE, SERVICE), (RELATIONS, SERVICE)]
PAGES = 120  # a generated collection: mostly comparison pages naming many roles


@pytest.fixture(scope="module")
def seeds(seed_processed: Path) -> Collection:
    return Collection.read(seed_processed)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Collection]:
    root = tmp_path_factory.mktemp("plan")
    raw, processed = root / "raw", root / "processed"
    write_collection(raw, PAGES, seed=1)
    ingest(raw, processed)
    return raw, processed, Collection.read(processed)


def expected_page_pairs(pages: int, seed: int) -> set[tuple[str, str]]:
    pairs = set()
    for layout, roles in collection_pages(pages, seed):
        if layout.startswith("comparison"):
            a, b = (slugify(collection_role(r, seed).name) for r in roles)
            pairs.add((min(a, b), max(a, b)))
    return pairs


# --- plan modes -------------------------------------------------------------------------------


def test_default_plan_is_the_pairs_the_pages_compare(seeds: Collection, generated) -> None:
    assert make_plan(seeds, parse_pairs(None)).pairs == SEED_PAIRS  # the seeds: as before
    _, _, collection = generated
    plan = make_plan(collection, parse_pairs(None))
    assert set(plan.pairs) == expected_page_pairs(PAGES, 1)
    assert plan.pairs == sorted(plan.pairs) and all(a < b for a, b in plan.pairs)
    n_roles = len(collection.role_ids)
    assert len(plan.pairs) < n_roles < n_roles * (n_roles - 1) // 2  # not every pair
    assert plan.roles_in_no_pair == 0  # every generated role is compared by some page


def test_all_is_every_unordered_pair_without_the_us_average(generated) -> None:
    _, _, collection = generated
    plan = make_plan(collection, parse_pairs(["all"]))
    n = len(collection.role_ids)
    assert len(plan.pairs) == n * (n - 1) // 2
    assert all("us-average" not in p for p in plan.pairs)
    assert all_pairs(["c", "a", "us-average", "b"]) == [("a", "b"), ("a", "c"), ("b", "c")]


def test_a_pairs_file_takes_ids_and_names_in_any_order(seeds: Collection, tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "role_a,role_b\n"
        f"{SERVICE},{CARE}\n"  # ids, the other way round
        "Customer relations manager, customer CARE manager\n"  # names, any case, spaces
        "\n"  # blank lines are skipped
        f"{CARE},{SERVICE}\n",  # the same pair again: planned once
        encoding="utf-8",
    )
    assert pairs_of(read_pairs_file(path), seeds.names) == [
        (CARE, SERVICE),
        (CARE, RELATIONS),
        (CARE, SERVICE),
    ]
    plan = make_plan(seeds, parse_pairs([str(path)]))
    assert plan.pairs == [(CARE, RELATIONS), (CARE, SERVICE)]


def test_only_keeps_the_pairs_with_those_roles_in_every_mode(seeds, generated, tmp_path) -> None:
    assert make_plan(seeds, parse_pairs(None), only=[SERVICE]).pairs == [
        (CARE, SERVICE),
        (RELATIONS, SERVICE),
    ]
    _, _, collection = generated
    role = collection.role_ids[5]
    for spec in (["pages"], ["all"], ["nearest:2"]):
        plan = make_plan(collection, parse_pairs(spec), only=[role])
        assert plan.pairs and all(role in p for p in plan.pairs), spec
        full = make_plan(collection, parse_pairs(spec))
        assert plan.pairs == [p for p in full.pairs if role in p]


def test_modes_combine_as_a_union(generated, tmp_path: Path) -> None:
    _, _, collection = generated
    ids = collection.role_ids
    path = tmp_path / "pairs.csv"
    path.write_text(f"role_a,role_b\n{ids[0]},{ids[-1]}\n", encoding="utf-8")
    pages = set(make_plan(collection, parse_pairs(None)).pairs)
    both = set(make_plan(collection, parse_pairs(["pages", str(path)])).pairs)
    assert both == pages | {(ids[0], ids[-1])}
    nearest = set(make_plan(collection, parse_pairs(["nearest:2"])).pairs)
    assert pages < nearest  # nearest:K adds to the pages' pairs


def test_bad_pairs_values_say_what_is_wrong(tmp_path: Path) -> None:
    for value, words in [
        ("nearest:0", "at least 1"),
        ("nearest:x", "nearest:K"),
        (str(tmp_path / "missing.csv"), "no such file"),
    ]:
        with pytest.raises(PlanError, match=words):
            parse_pairs([value])
    assert parse_pairs(["nearest:3"]) == PairsSpec(pages=True, nearest=3)


# --- similarity --------------------------------------------------------------------------------


def _facts(rows: list[tuple]) -> pd.DataFrame:
    """A small facts table: (role, metric, category, value, text)."""
    frame = pd.DataFrame(rows, columns=["role_id", "metric", "category", "value", "text"])
    frame["role"] = frame["role_id"]
    for column in ("unit", "statistic", "qualifier", "period"):
        frame[column] = np.nan
    frame["source"], frame["line"] = "p.txt", range(1, len(frame) + 1)
    frame["value"] = frame["value"].map(lambda v: np.nan if v is None else str(v))
    return frame


def _role(role: str, pay: int, years: int, skills: dict[str, int], degree: str) -> list[tuple]:
    rows = [(role, "salary_yearly", None, pay, None), (role, "experience_years", None, years, None)]
    rows += [(role, "skill_share", s, v, None) for s, v in skills.items()]
    rows.append((role, "degree_top", None, 60, degree))
    return rows


def test_nearest_roles_share_skills_degree_experience_and_pay() -> None:
    facts = _facts(
        _role("nurse", 70_000, 5, {"Patient Care": 30, "Charting": 20}, "Nursing")
        + _role("midwife", 72_000, 6, {"patient care": 25, "Charting": 15}, "Nursing")
        + _role("welder", 48_000, 5, {"Welding": 40, "Blueprints": 10}, "High School")
        + _role("plumber", 52_000, 4, {"Blueprints": 30, "Welding": 10}, "High School")
        + [("mystery", "salary_yearly", None, 70_000, None)]  # one number: too little to compare
    )
    ids = ["midwife", "mystery", "nurse", "plumber", "welder"]
    sims = analysis.similarity_matrix(facts, None, ids)
    i = {r: k for k, r in enumerate(ids)}
    assert sims[i["nurse"], i["midwife"]] > 0.9  # same skills (case aside), degree, close pay
    assert sims[i["nurse"], i["welder"]] < 0.5
    assert sims[i["nurse"], i["midwife"]] == pytest.approx(sims[i["midwife"], i["nurse"]])
    assert np.isinf(sims[i["mystery"]]).all()  # no candidate shares two features with it
    assert np.isinf(np.diag(sims)).all()
    assert analysis.nearest_pairs(facts, None, ids, 1) == [
        ("midwife", "nurse"),
        ("plumber", "welder"),
    ]


SAME = {"Patient Care": 30, "Charting": 20}


def test_nearest_depends_on_pay() -> None:
    """Alike in skills, degree and experience; only pay tells the near from the far. Without
    the pay weight the two would tie, and the tie (by role id) would pick a-far."""
    facts = _facts(
        _role("base", 60_000, 5, SAME, "Nursing")
        + _role("a-far", 110_000, 5, SAME, "Nursing")
        + _role("z-near", 62_000, 5, SAME, "Nursing")
    )
    ids = ["a-far", "base", "z-near"]
    sims = analysis.similarity_matrix(facts, None, ids)
    # (2 skills + 1 degree + 1 experience + 1 pay) / 5, pay = 1 - |ln(pay ratio)| / ln 2
    near = (4 + 1 - math.log(62 / 60) / math.log(2)) / 5
    far = (4 + 1 - math.log(110 / 60) / math.log(2)) / 5
    assert sims[1, 2] == pytest.approx(near) and near == pytest.approx(0.9905388, abs=1e-7)
    assert sims[1, 0] == pytest.approx(far) and far == pytest.approx(0.8251062, abs=1e-7)
    assert ("base", "z-near") in analysis.nearest_pairs(facts, None, ids, 1)
    assert ("a-far", "base") not in analysis.nearest_pairs(facts, None, ids, 1)


def test_nearest_ties_go_to_the_lower_role_id() -> None:
    """Two candidates exactly as alike: the one whose id sorts first is nearer (documented
    in analysis/_similarity.py), whatever order the ids come in."""
    facts = _facts(
        _role("a-base", 60_000, 5, SAME, "Nursing")
        + _role("b-twin", 66_000, 7, SAME, "Nursing")
        + _role("c-twin", 66_000, 7, SAME, "Nursing")
    )
    ids = ["a-base", "b-twin", "c-twin"]
    sims = analysis.similarity_matrix(facts, None, ids)
    assert sims[0, 1] == sims[0, 2]  # an exact tie
    expected = [("a-base", "b-twin"), ("b-twin", "c-twin")]
    assert analysis.nearest_pairs(facts, None, ids, 1) == expected
    assert analysis.nearest_pairs(facts, None, list(reversed(ids)), 1) == expected


def test_nearest_on_a_collection_is_deterministic(generated) -> None:
    _, _, collection = generated
    ids = collection.role_ids
    first = analysis.nearest_pairs(collection.facts, collection.conflicts, ids, 3)
    again = analysis.nearest_pairs(collection.facts, collection.conflicts, list(reversed(ids)), 3)
    assert first == again
    per_role = pd.Series([r for p in first for r in p]).value_counts()
    assert per_role.min() >= 3  # each role got its 3 (and is named by others' lists too)
    assert len(first) <= 3 * len(ids)


# --- the command: bad pairs files, dry runs ------------------------------------------------------

runner = CliRunner()


def _build(raw: Path, processed: Path, out: Path, *more: str):
    args = ["build", "--raw", str(raw), "--processed", str(processed), "--out", str(out)]
    return runner.invoke(app, [*args, "--format", "html", *more])


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            "role_a,role_b\ncustomer-care-manager,customer-care-managr\n",
            ["pairs.csv:2", "closest: customer-care-manager"],
        ),
        (
            "role_a,role_b\n" + f"{CARE},{SERVICE}\n" * 2 + "Accounting Clerk,Pizza Baker\n",
            ["pairs.csv:4", "'Accounting Clerk'"],
        ),
        ("role_a,role_x\na,b\n", ["role_a,role_b", "missing role_b"]),
        ("", ["empty"]),
        ("role_a,role_b\n", ["no pair"]),
        (f"role_a,role_b\n{CARE},{CARE}\n", ["pairs.csv:2", "itself"]),
    ],
    ids=["unknown-id", "unknown-name", "missing-column", "empty", "header-only", "same-role"],
)
def test_a_bad_pairs_file_is_one_line_and_exit_2(
    content: str, words: list[str], seed_processed: Path, tmp_path: Path
) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(content, encoding="utf-8")
    out = tmp_path / "reports"
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    result = _build(raw, seed_processed, out, "--pairs", str(pairs))
    assert result.exit_code == 2, result.output
    lines = _error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("rolecompare: error:"), result.stderr
    assert all(w in lines[0] for w in words), lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and modification time."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            st = path.stat()
            found[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return found


def test_dry_run_prints_the_plan_and_writes_nothing(generated, tmp_path: Path) -> None:
    raw, processed, _ = generated
    out = tmp_path / "reports"
    before = _tree(processed)
    result = _build(raw, processed, out, "--dry-run")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["role_a", "role_b", "action"]
    planned = {(a, b) for a, b, _ in rows[1:]}
    assert planned == expected_page_pairs(PAGES, 1)
    assert {action for _, _, action in rows[1:]} == {"build"}
    assert not out.exists() and _tree(processed) == before
    assert "plan (the pages' pairs)" in result.stderr


def test_dry_run_on_stale_facts_ingests_nowhere(tmp_path: Path) -> None:
    raw, processed, out = tmp_path / "raw", tmp_path / "processed", tmp_path / "reports"
    write_collection(raw, 12, seed=4)
    result = _build(raw, processed, out, "--dry-run", "--pairs", "all")
    assert result.exit_code == 0, result.output
    assert "nothing is written" in result.stderr
    assert not processed.exists() and not out.exists()
    n = len({r for _, roles in collection_pages(12, 4) for r in roles})
    assert len(result.stdout.strip().splitlines()) == 1 + n * (n - 1) // 2


def test_dry_run_lists_up_to_date_and_removals(seeds, seed_processed, tmp_path: Path) -> None:
    """Actions come from the manifest: pairs recorded with the current inputs are up to
    date, recorded pairs no longer planned are to be removed (nothing is built here: the
    records are made as a finished build would leave them)."""
    from rolecompare import atomic
    from rolecompare.building.batch import dry_run, prepare
    from rolecompare.building.manifest import Manifest
    from rolecompare.reporting.report import NOTEBOOK

    out = tmp_path / "reports"
    with atomic.locked(out), Manifest.open(out) as manifest:
        prepared = prepare(
            seed_processed, out, manifest, pairs=None, only=(), formats=("html",),
            force=False, notebook=NOTEBOOK.read_bytes(),
        )  # fmt: skip
        done = prepared.planned[0]
        (out / done.folder).mkdir()
        (out / done.folder / "report.html").write_text("<html></html>")
        record = {"status": "ok", "inputs": done.inputs, "parts": done.parts}
        manifest.put_pair(done.folder, {"role_a": done.pair[0], "role_b": done.pair[1], **record})
        gone = {"role_a": "gone-role", "role_b": CARE, "status": "ok", "inputs": "x"}
        manifest.put_pair(f"gone-role__vs__{CARE}", gone)
        manifest.set("context", prepared.context.to_bytes())
    before = _tree(out)
    planned = dry_run(seed_processed, out, formats=("html",))
    actions = {(a, b): action for a, b, action in planned.rows()}
    assert actions[done.pair] == "up-to-date"
    assert actions[("gone-role", CARE)] == "remove"
    assert sum(a == "build" for a in actions.values()) == len(SEED_PAIRS) - 1
    assert dry_run(seed_processed, out, formats=("html", "pdf")).planned[0].action == "build"
    assert _tree(out) == before  # read only: not even the manifest's journal was touched
    shutil.rmtree(out)
