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
