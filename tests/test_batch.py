"""Batch builds: order, incremental skips, failure isolation, stale pairs, Dask."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import make_roles, write_pages
from rolecompare.building.build import Fingerprints, build, plan_pairs, read_build_record
from rolecompare.config import ProcessedFiles
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import slugify
from rolecompare.reporting.report import NOTEBOOK, pair_folder_name

SEED = 5
ORDER = [slugify(r.name) for r in make_roles(3, seed=SEED)]  # as generated: change=i is ORDER[i]
ROLES = sorted(ORDER)  # as pairs are built: (a, b) with a < b


def visible_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["style", "script", "title"]):
        tag.decompose()
    return re.sub(r"Built from.*$", "", " ".join(soup.get_text(" ").split()))


def test_pairs_are_unordered_sorted_and_skip_the_us_average() -> None:
    pairs = plan_pairs(["c", "a", "us-average", "b"])
    assert pairs == [("a", "b"), ("a", "c"), ("b", "c")]
    assert plan_pairs(["c", "a", "b", "d"], only=["d"]) == [("a", "d"), ("b", "d"), ("c", "d")]
    assert len(plan_pairs([f"r{i:02d}" for i in range(12)])) == 66


def test_changing_one_role_changes_exactly_its_pairs(tmp_path: Path) -> None:
    def fingerprints(change: int | None) -> dict:
        raw, out = tmp_path / f"raw{change}", tmp_path / f"out{change}"
        write_pages(raw, roles=5, seed=SEED, change=change)
        ingest(raw, out)
        prints = Fingerprints(ProcessedFiles(out), NOTEBOOK.read_bytes(), ("html",))
        roles = [slugify(r.name) for r in make_roles(5, seed=SEED)]
        return {p: prints.pair(*p)["inputs"] for p in plan_pairs(roles)}

    before, after = fingerprints(None), fingerprints(2)
    changed = {p for p in before if before[p] != after[p]}
    role = slugify(make_roles(5, seed=SEED)[2].name)
    assert changed == {p for p in before if role in p}
    assert len(changed) == 4


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Three invented roles built once (HTML only, one worker)."""
    root = tmp_path_factory.mktemp("batch")
    write_pages(root / "raw", roles=3, seed=SEED)
    ingest(root / "raw", root / "processed")
    summary = build(root / "processed", root / "reports", formats=("html",), jobs=1)
    return root, summary


@pytest.mark.slow
def test_first_build_makes_every_pair_and_the_index(built) -> None:
    root, summary = built
    assert sorted(summary.built) == plan_pairs(ROLES) and not summary.failed
    for a, b in plan_pairs(ROLES):
        folder = root / "reports" / pair_folder_name(a, b)
        assert (folder / "report.html").is_file() and not (folder / "report.pdf").exists()
        record = read_build_record(folder)
        assert record["status"] == "ok" and record["formats"] == "html"
        assert len(record["inputs"]) == 64 and "report.html" in record["files"]
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    for a, b in plan_pairs(ROLES):
        assert f'href="{pair_folder_name(a, b)}/report.html"' in index


@pytest.mark.slow
def test_rebuild_skips_unchanged_and_rebuilds_exactly_the_changed_roles_pairs(built) -> None:
    root, _ = built
    again = build(root / "processed", root / "reports", formats=("html",), jobs=1)
    assert again.built == [] and len(again.skipped) == 3

    shutil.rmtree(root / "raw")
    write_pages(root / "raw", roles=3, seed=SEED, change=1)
    ingest(root / "raw", root / "processed")
    changed = build(root / "processed", root / "reports", formats=("html",), jobs=1)
    assert sorted(changed.built) == [p for p in plan_pairs(ROLES) if ORDER[1] in p]
    assert sorted(changed.skipped) == [p for p in plan_pairs(ROLES) if ORDER[1] not in p]

    more_formats = build(root / "processed", root / "reports", formats=("html", "pdf"), jobs=1)
    assert len(more_formats.built) == 3  # formats are an input too


@pytest.mark.slow
def test_a_failing_and_a_hanging_pair_do_not_stop_the_others(tmp_path: Path, built) -> None:
    root, _ = built
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # pairs run in order (R0,R1) (R0,R2) (R1,R2) on one worker: the first raises, the last
    # never ends; the middle one must still be built (on the kernel the first left warm)
    trap = nbformat.v4.new_code_cell(
        f"if role_a == {ROLES[0]!r} and role_b == {ROLES[1]!r}:\n"
        "    raise RuntimeError('this pair is broken')\n"
        f"if role_a == {ROLES[1]!r} and role_b == {ROLES[2]!r}:\n"
        "    import time\n"
        "    time.sleep(600)\n"
    )
    nb.cells.insert(2, trap)
    broken = tmp_path / "broken.ipynb"
    nbformat.write(nb, broken)
    out = tmp_path / "reports"
    summary = build(
        root / "processed", out, formats=("html",), jobs=1, timeout=40, notebook_path=broken
    )
    failed = {(o.role_a, o.role_b): o for o in summary.failed}
    assert set(failed) == {(ROLES[0], ROLES[1]), (ROLES[1], ROLES[2])}
    assert summary.built == [(ROLES[0], ROLES[2])]
    broken_pair = failed[(ROLES[0], ROLES[1])]
    assert "RuntimeError" in broken_pair.error and "this pair is broken" in broken_pair.error
    assert "if role_a ==" in broken_pair.failed_cell
    assert "time limit" in failed[(ROLES[1], ROLES[2])].error
    for a, b in failed:
        folder = out / pair_folder_name(a, b)
        assert (folder / "report.ipynb").is_file() and not (folder / "report.html").exists()
        assert read_build_record(folder)["status"] == "failed"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "this pair is broken" in index


@pytest.mark.slow
def test_a_removed_roles_reports_leave_reports_and_index(tmp_path: Path, built) -> None:
    root, _ = built
    reports = tmp_path / "reports"
    shutil.copytree(root / "reports", reports)
    raw = tmp_path / "raw"
    write_pages(raw, roles=2, seed=SEED)  # the third role's pages are gone
    ingest(raw, tmp_path / "processed")
    summary = build(tmp_path / "processed", reports, formats=("html",), jobs=1)
    gone = {pair_folder_name(a, b) for a, b in plan_pairs(ROLES) if ORDER[2] in (a, b)}
    assert set(summary.removed) == gone
    assert not any((reports / g).exists() for g in gone)
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert not any(g in index for g in gone)


@pytest.mark.slow
def test_a_local_dask_cluster_builds_the_same_reports(tmp_path: Path, built) -> None:
    from distributed import LocalCluster

    from rolecompare.building.build import run_dask

    root, _ = built
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = build(
            root / "processed", tmp_path / "reports", formats=("html",), jobs=2,
            runner=run_dask(cluster.scheduler_address), ship_tables=True, force=True,
        )  # fmt: skip
    assert len(summary.built) == 3 and not summary.failed
    for a, b in plan_pairs(ROLES):
        name = pair_folder_name(a, b)
        local = visible_text(root / "reports" / name / "report.html")
        remote = visible_text(tmp_path / "reports" / name / "report.html")
        assert remote == local
