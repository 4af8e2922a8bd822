"""The build's incremental guarantees, proved without racing a kill: a pair is recorded only
after its files are in place (a failure injected between the two leaves it to be rebuilt,
never old files under a new record), and an edited notebook rebuilds every pair. Reports are
made by a stand-in runner (no kernel): what is tested is the build's bookkeeping."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from rolecompare import atomic
from rolecompare.building import batch
from rolecompare.building.batch import build, dry_run
from rolecompare.building.manifest import Manifest
from rolecompare.building.workers import PairJob, PairOutcome
from rolecompare.reporting.report import NOTEBOOK

CARE = "customer-care-manager"
PAIRS = 3  # the seed pages compare three pairs, two of them with CARE


def report_bytes(job: PairJob, notebook: bytes) -> bytes:
    """What the stand-in runner writes: it changes with the pair's slice and the notebook."""
    digest = hashlib.sha256(notebook + json.dumps(sorted(job.tables)).encode())
    for name in sorted(job.tables):
        digest.update(job.tables[name])
    return f"<html>{job.role_a} {job.role_b} {digest.hexdigest()}</html>".encode()


def stand_in(jobs, workers):
    for job in jobs:
        notebook = job.notebook if job.notebook is not None else NOTEBOOK.read_bytes()
        yield PairOutcome(
            job.role_a, job.role_b, True, {"report.html": report_bytes(job, notebook)}
        )


def run(processed: Path, reports: Path, **more):
    return build(processed, reports, formats=("html",), jobs=1, runner=stand_in, **more)


def actions(processed: Path, reports: Path, **more) -> dict[str, str]:
    planned = dry_run(processed, reports, formats=("html",), **more)
    return {item.folder: item.action for item in planned.planned}


def edit_care(processed: Path) -> None:
    """Change one of CARE's facts (the text of its first responsibility): its pairs' inputs
    change, the context the reports share does not."""
    path = processed / "facts.csv"
    facts = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = facts.index[(facts.role_id == CARE) & (facts.metric == "responsibility")][0]
    facts.loc[row, "text"] += " (edited)"
    facts.to_csv(path, index=False)


@pytest.fixture
def built(seed_processed: Path, tmp_path: Path) -> tuple[Path, Path]:
    processed = tmp_path / "processed"
    shutil.copytree(seed_processed, processed)
    reports = tmp_path / "reports"
    summary = run(processed, reports)
    assert len(summary.built) == PAIRS and not summary.failed
    assert set(actions(processed, reports).values()) == {"up-to-date"}
    return processed, reports


def test_a_pair_is_recorded_only_once_its_files_are_in_place(built, monkeypatch) -> None:
    processed, reports = built
    edit_care(processed)
    seen: dict[str, bytes] = {}
    real_put = Manifest.put_pair

    def put_pair(self, folder: str, record: dict) -> None:
        seen.setdefault(folder, (reports / folder / "report.html").read_bytes())  # at record time
        real_put(self, folder, record)

    monkeypatch.setattr(Manifest, "put_pair", put_pair)
    summary = run(processed, reports)
    assert len(summary.built) == 2 and len(summary.skipped) == 1
    for folder, on_disk in seen.items():
        assert on_disk == (reports / folder / "report.html").read_bytes()
        with Manifest.read_only(reports) as manifest:
            record = manifest.pairs()[folder]
        assert record["files"]["report.html"] == hashlib.sha256(on_disk).hexdigest()


def test_a_failure_between_files_and_record_leaves_the_pair_to_rebuild(built, monkeypatch) -> None:
    """The edit changes two pairs; the first one's files fail to be written: neither keeps
    its old files under a new record, both are rebuilt next time."""
    processed, reports = built
    edit_care(processed)
    real_write = atomic.write_bytes

    def failing_write(target: Path, data: bytes) -> None:
        if CARE in target.parent.name:
            raise OSError(28, "No space left on device (injected)")
        real_write(target, data)

    monkeypatch.setattr(batch.atomic, "write_bytes", failing_write)
    with pytest.raises(OSError, match="injected"):
        run(processed, reports)
    monkeypatch.undo()
    todo = {folder for folder, action in actions(processed, reports).items() if action == "build"}
    assert len(todo) == 2 and all(CARE in folder for folder in todo)
    summary = run(processed, reports)
    assert len(summary.built) == 2 and len(summary.skipped) == 1


def test_a_failure_after_the_files_before_the_record_rebuilds_the_pair(built, monkeypatch) -> None:
    processed, reports = built
    edit_care(processed)
    real_put = Manifest.put_pair

    def put_pair(self, folder: str, record: dict) -> None:
        raise KeyboardInterrupt("killed between the files and the record (injected)")

    monkeypatch.setattr(Manifest, "put_pair", put_pair)
    with pytest.raises(KeyboardInterrupt):
        run(processed, reports)
    monkeypatch.setattr(Manifest, "put_pair", real_put)
    assert sorted(actions(processed, reports).values()) == ["build", "build", "up-to-date"]


def test_an_edited_notebook_rebuilds_every_pair(built, tmp_path) -> None:
    processed, reports = built
    notebook = tmp_path / "role_pair.ipynb"
    shutil.copyfile(NOTEBOOK, notebook)
    # the same notebook's bytes elsewhere: nothing to rebuild (its content is what counts)
    assert len(run(processed, reports, notebook_path=notebook).skipped) == PAIRS
    content = json.loads(notebook.read_text(encoding="utf-8"))
    content["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "An edit."})
    notebook.write_text(json.dumps(content), encoding="utf-8")
    assert set(actions(processed, reports, notebook_path=notebook).values()) == {"build"}
    summary = run(processed, reports, notebook_path=notebook)
    assert len(summary.built) == PAIRS and not summary.skipped
    assert all(why == ["notebook changed"] for why in summary.changes.rebuilt.values())


def _no_prepare(*args, **kwargs):
    raise AssertionError("a build with nothing to do planned and fingerprinted the pairs")


def test_nothing_changed_stops_at_the_collection_key(built, monkeypatch) -> None:
    processed, reports = built
    monkeypatch.setattr(batch, "prepare", _no_prepare)
    summary = run(processed, reports)
    assert len(summary.skipped) == PAIRS and not summary.built and not summary.removed
    assert summary.changes.lines()[0] == "no facts changed since the previous build"
    # --force, another format or another --only is another key: the slow path runs
    with pytest.raises(AssertionError, match="nothing to do"):
        run(processed, reports, force=True)
    with pytest.raises(AssertionError, match="nothing to do"):
        run(processed, reports, only=[CARE])


def test_after_one_roles_fact_changed_exactly_its_pairs_are_rebuilt(built, monkeypatch) -> None:
    processed, reports = built
    edit_care(processed)
    summary = run(processed, reports)
    assert sorted(CARE in a or CARE in b for a, b in summary.built) == [True, True]
    assert len(summary.skipped) == 1 and all(CARE not in p for p in summary.skipped[0])
    monkeypatch.setattr(batch, "prepare", _no_prepare)  # and then nothing is left to do
    assert len(run(processed, reports).skipped) == PAIRS


def test_a_missing_report_file_or_a_cut_short_build_is_not_nothing_to_do(built) -> None:
    processed, reports = built
    (reports / "customer-care-manager__vs__customer-relations-manager" / "report.html").unlink()
    summary = run(processed, reports)
    assert summary.built == [("customer-care-manager", "customer-relations-manager")]
    with Manifest.open(reports) as manifest:  # as a build killed after its first write
        manifest.delete(batch.STATE_KEY)
    summary = run(processed, reports)
    assert len(summary.skipped) == PAIRS and summary.changes.lines()[0].startswith("no facts")
    with Manifest.read_only(reports) as manifest:
        assert manifest.get(batch.STATE_KEY) is not None  # recorded again


def test_changed_report_code_rebuilds_every_pair_and_site_code_rewrites_the_site(
    built, monkeypatch
) -> None:
    processed, reports = built
    from rolecompare.building import fingerprints, site

    for module in (batch, fingerprints):
        monkeypatch.setattr(module, "code_fingerprint", lambda: "another library")
    summary = run(processed, reports)
    assert len(summary.built) == PAIRS
    assert all(why == ["library code changed"] for why in summary.changes.rebuilt.values())

    def site_stamp() -> str:
        with Manifest.read_only(reports) as manifest:
            return manifest.get_json(site.STATE_SITE)["stamp"]

    before = site_stamp()
    monkeypatch.setattr(site, "site_code", lambda: "another site")
    summary = run(processed, reports)
    assert not summary.built and len(summary.skipped) == PAIRS
    assert site_stamp() != before  # the site was made again


def test_a_re_ingest_that_changed_nothing_keeps_the_collection_key(tmp_path, monkeypatch) -> None:
    """Ingest, build, ingest the same pages again: the second build has nothing to do (the
    ingest must leave its tables and ingest.json as they were)."""
    from rolecompare.config import RAW_DIR
    from rolecompare.facts.ingest import ingest

    processed, reports = tmp_path / "processed", tmp_path / "reports"
    ingest(RAW_DIR, processed)
    assert len(run(processed, reports).built) == PAIRS
    ingest(RAW_DIR, processed)
    monkeypatch.setattr(batch, "prepare", _no_prepare)
    assert len(run(processed, reports).skipped) == PAIRS
