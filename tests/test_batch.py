"""Batch builds with real kernels: planned pairs, the manifest, incremental skips, failure
isolation, stale pairs, Dask, what changed."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import make_roles, write_pages
from rolecompare.building.batch import build, dry_run
from rolecompare.building.manifest import Manifest, manifest_path
from rolecompare.building.plan import all_pairs
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import slugify
from rolecompare.reporting.report import NOTEBOOK, pair_folder_name

SEED = 5
ORDER = [slugify(r.name) for r in make_roles(3, seed=SEED)]  # as generated: change=i is ORDER[i]
ROLES = sorted(ORDER)  # as pairs are built: (a, b) with a < b
PAIRS = all_pairs(ROLES)  # three roles, each compared with the next: every pair is planned


def visible_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["style", "script", "title"]):
        tag.decompose()
    return re.sub(r"Built from.*$", "", " ".join(soup.get_text(" ").split()))


def records(reports: Path) -> dict[str, dict]:
    manifest = Manifest.read_only(reports)
    assert manifest is not None, "no manifest"
    with manifest:
        return manifest.pairs()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Three invented roles built once (HTML only, one worker)."""
    root = tmp_path_factory.mktemp("batch")
    write_pages(root / "raw", roles=3, seed=SEED)
    ingest(root / "raw", root / "processed")
    summary = build(root / "processed", root / "reports", formats=("html",), jobs=1)
    return root, summary


@pytest.mark.slow
def test_first_build_makes_every_planned_pair_and_the_site(built) -> None:
    root, summary = built
    assert sorted(summary.built) == PAIRS and not summary.failed, summary.failed
    reports = root / "reports"
    done = records(reports)
    assert set(done) == {pair_folder_name(a, b) for a, b in PAIRS}
    for a, b in PAIRS:
        folder = reports / pair_folder_name(a, b)
        assert (folder / "report.html").is_file() and not (folder / "report.pdf").exists()
        assert not (folder / "build.json").exists()  # the manifest holds the record now
        for name in ("report.html", "report.ipynb"):  # no path of the machine that built it
            text = (folder / name).read_text(encoding="utf-8")
            assert "rolecompare-worker-" not in text and str(root) not in text, name
        record = done[folder.name]
        assert record["status"] == "ok" and record["parts"]["formats"] == "html"
        assert len(record["inputs"]) == 64 and set(record["files"]) == {
            "report.html",
            "report.ipynb",
        }
        assert record["reasons"] == ["new pair"] and record["seconds"]["total"] > 0
        assert record["numbers"].get("yearly_gap_low") is not None  # for the index
    index = (reports / "index.html").read_text(encoding="utf-8")
    for a, b in PAIRS:
        assert f'href="{pair_folder_name(a, b)}/report.html"' in index
    for role in ROLES:
        page = (reports / "roles" / f"{role}.html").read_text(encoding="utf-8")
        assert page.count("/report.html") == 2  # each role is in two of the three pairs
    assert summary.changes is not None and summary.changes.first


@pytest.mark.slow
def test_rebuild_skips_unchanged_and_rebuilds_exactly_the_changed_roles_pairs(built) -> None:
    root, _ = built
    reports = root / "reports"
    again = build(root / "processed", reports, formats=("html",), jobs=1)
    assert again.built == [] and len(again.skipped) == 3
    assert again.changes.lines()[0] == "no facts changed since the previous build"

    shutil.rmtree(root / "raw")
    write_pages(root / "raw", roles=3, seed=SEED, change=1)
    ingest(root / "raw", root / "processed")
    changed = build(root / "processed", reports, formats=("html",), jobs=1)
    assert sorted(changed.built) == [p for p in PAIRS if ORDER[1] in p]
    assert sorted(changed.skipped) == [p for p in PAIRS if ORDER[1] not in p]
    lines = changed.changes.lines()
    assert "facts of 1 role(s) changed" in lines[0] and "2 pair(s) rebuilt" in lines[0]
    assert any(ORDER[1] in line and re.search(r"0 removed, [12] changed", line) for line in lines)
    assert records(reports)[pair_folder_name(*changed.built[0])]["reasons"] == [
        f"facts of {ORDER[1]}"
    ]
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert 'id="changed-roles"' in index and "were rebuilt because of them" in index
    said = html.unescape(re.sub(r"<[^>]+>|\s+", " ", index))  # as a reader sees them
    assert "2 pairs were rebuilt because of them. The context every report shows" in said
    assert "Pairs rebuilt: 2 for their roles' facts." in said

    more_formats = build(root / "processed", reports, formats=("html", "pdf"), jobs=1)
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
    done = records(out)
    for a, b in failed:
        folder = out / pair_folder_name(a, b)
        assert (folder / "report.ipynb").is_file() and not (folder / "report.html").exists()
        assert done[folder.name]["status"] == "failed"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "this pair is broken" in index
    plan = dry_run(root / "processed", out, formats=("html",), notebook_path=broken)
    again = {item.pair: item for item in plan.planned}
    assert again[(ROLES[0], ROLES[2])].action == "up-to-date"
    for pair in failed:  # a failed pair is tried again by the next build
        assert again[pair].action == "build" and again[pair].reasons == ["failed before"]


@pytest.mark.slow
def test_pairs_no_longer_planned_leave_reports_and_site(tmp_path: Path, built) -> None:
    root, _ = built
    reports = tmp_path / "reports"
    shutil.copytree(root / "reports", reports)
    mine = reports / f"{ROLES[0]}__vs__{ORDER[2]}-copy"  # a folder the build did not make
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    raw = tmp_path / "raw"
    write_pages(raw, roles=2, seed=SEED)  # the third role's pages are gone
    ingest(raw, tmp_path / "processed")
    summary = build(tmp_path / "processed", reports, formats=("html",), jobs=1)
    gone = {pair_folder_name(a, b) for a, b in PAIRS if ORDER[2] in (a, b)}
    assert set(summary.removed) == gone
    assert not any((reports / g).exists() for g in gone)
    assert (mine / "notes.txt").read_text() == "mine"  # only folders the build made go
    assert set(records(reports)) == {pair_folder_name(a, b) for a, b in PAIRS} - gone
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert not any(g in index for g in gone)
    assert not (reports / "roles" / f"{ORDER[2]}.html").exists()
    assert manifest_path(reports).is_file()


@pytest.mark.slow
def test_a_local_dask_cluster_builds_the_same_reports(tmp_path: Path, built) -> None:
    from distributed import LocalCluster

    from rolecompare.building.run import run_dask

    root, _ = built
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = build(
            root / "processed", tmp_path / "reports", formats=("html",), jobs=2,
            runner=run_dask(cluster.scheduler_address), force=True,
        )  # fmt: skip
    assert len(summary.built) == 3 and not summary.failed
    for a, b in PAIRS:
        name = pair_folder_name(a, b)
        local = visible_text(root / "reports" / name / "report.html")
        remote = visible_text(tmp_path / "reports" / name / "report.html")
        assert remote == local


@pytest.mark.slow
def test_a_report_runs_on_a_slice_as_in_the_build(tmp_path: Path, built) -> None:
    """`report` on a pair's slice folder (what a build's job carries) gives the report the
    build gave: a slice holds everything a report reads."""
    from rolecompare.building.slices import make_slice
    from rolecompare.reporting.inputs import is_slice
    from rolecompare.reporting.report import make_report

    root, _ = built
    a, b = PAIRS[0]
    folder = make_slice(root / "processed", a, b, tmp_path / "slice")
    assert is_slice(folder) and not is_slice(root / "processed")
    result = make_report(
        a, b, processed_dir=folder, reports_dir=tmp_path / "reports", formats=("html",)
    )
    assert visible_text(result.paths.html) == visible_text(
        root / "reports" / pair_folder_name(a, b) / "report.html"
    )
