"""`ingest --scheduler`: the pages parsed on a real Dask cluster (a `dask scheduler` and a
`dask worker` process, as on separate machines) give the tables a local ingest gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rolecompare.facts.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).parent / "dask"
BIN = Path(sys.executable).parent / "rolecompare"
PAGES = Path(__file__).parent / "fixtures" / "pages"
TABLES = ("facts", "roles", "conflicts", "problems", "pages")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    common = ["--no-dashboard"]
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", "--port", "0", "--scheduler-file", str(info), *common],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder,
    )  # fmt: skip
    worker = None
    try:
        for _ in range(600):
            if info.is_file() and info.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [str(DASK), "worker", "--scheduler-file", str(info), "--nworkers", "1",
             "--nthreads", "1", *common],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder,
        )  # fmt: skip
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(1, timeout=120)
        yield address
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                proc.wait(30)


@pytest.mark.slow
def test_pages_parsed_on_the_cluster_give_the_local_tables(cluster: str, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in sorted(PAGES.glob("*.txt")):
        shutil.copyfile(page, raw / page.name)
    for page in sorted((ROOT / "data" / "raw").glob("*.txt")):
        shutil.copyfile(page, raw / page.name)
    local = ingest(raw, tmp_path / "local")
    done = subprocess.run(
        [str(BIN), "ingest", "--raw", str(raw), "--out", str(tmp_path / "remote"),
         "--scheduler", cluster],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"read {local.pages} page(s) ({local.pages} read again, 0 from the cache)" in done.stdout
    for table in TABLES:
        remote = (tmp_path / "remote" / f"{table}.csv").read_bytes()
        assert remote == (tmp_path / "local" / f"{table}.csv").read_bytes(), table


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(PAGES / "tab_table.txt", raw / "tab_table.txt")
    done = subprocess.run(
        [str(BIN), "ingest", "--raw", str(raw), "--out", str(tmp_path / "out"),
         "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in done.stderr
