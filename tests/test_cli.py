"""The command line as documented: help that wraps at word boundaries, options validated as
they behave, one-line errors, and processed tables that belong to the pages they were made
from (another folder of pages never replaces the project's data/processed)."""

from __future__ import annotations

import inspect
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import typer
from typer.testing import CliRunner

from rolecompare import config
from rolecompare.cli import app
from rolecompare.cli import common as cli_common

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
EXE = Path(sys.executable).with_name("rolecompare")
COMMANDS = ["", "ingest", "report", "build", "schema"]
runner = CliRunner()


def run(*args: str, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env, timeout=120)


class Ran:
    """What a command did, run in this process (as `run` in a new one)."""

    def __init__(self, result) -> None:
        self.returncode, self.stdout, self.stderr = result.exit_code, result.stdout, result.stderr


def cli(*args: str) -> Ran:
    return Ran(runner.invoke(app, list(args)))


def one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines() if hasattr(result, "stderr") else []
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("rolecompare: error: "), lines[0]
    assert "Traceback" not in result.stderr
    return lines[0]


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "main")
def test_help_fits_80_columns_and_wraps_between_words(command: str) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "<bool>" not in text  # flags are shown as flags
    flat = " ".join(text.split())
    if command:  # every sentence of the command's docstring survives, unbroken
        callbacks = {c.name or c.callback.__name__: c.callback for c in app.registered_commands}
        doc = inspect.getdoc(callbacks[command])
        for paragraph in doc.split("\n\n"):
            assert " ".join(paragraph.split()) in flat, paragraph


def test_every_command_is_registered() -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert sorted(names) == sorted(COMMANDS[1:])


# --- shared options ---------------------------------------------------------------------------


def options_app() -> typer.Typer:
    """A tiny app with the shared option types, as build uses them."""
    small = typer.Typer(rich_markup_mode=None)

    @small.command()
    def go(
        jobs: cli_common.JobsOption = cli_common.DEFAULT_JOBS,
        timeout: cli_common.TimeoutOption = cli_common.DEFAULT_TIMEOUT,
        strict: cli_common.StrictOption = False,
        force: cli_common.ForceOption = False,
    ) -> None:
        typer.echo(f"{jobs} {timeout:g} {strict} {force}")

    @small.command()
    def other() -> None:
        pass

    return small


@pytest.mark.parametrize("bad", ["0", "-3"])
def test_jobs_must_be_at_least_one(bad: str) -> None:
    result = runner.invoke(options_app(), ["go", "--jobs", bad])
    assert result.exit_code == 2 and "--jobs" in result.output


@pytest.mark.parametrize("bad", ["0", "-1"])
def test_build_itself_refuses_fewer_than_one_job(bad: str, tmp_path: Path) -> None:
    """The real command, not the toy app: its own --jobs has the minimum."""
    out = tmp_path / "reports"
    result = runner.invoke(app, ["build", "--raw", str(RAW), "--out", str(out), "--jobs", bad])
    assert result.exit_code == 2 and "--jobs" in result.output
    assert not out.exists()


def test_jobs_help_shows_the_real_default() -> None:
    result = runner.invoke(options_app(), ["go", "--help"], env={"COLUMNS": "80"})
    assert f"[default: {os.cpu_count() or 1}; x>=1]" in " ".join(result.output.split())
    assert runner.invoke(options_app(), ["go"]).output.split()[0] == str(cli_common.DEFAULT_JOBS)


def test_timeout_is_per_notebook_and_positive() -> None:
    assert runner.invoke(options_app(), ["go", "--timeout", "0"]).exit_code == 2
    assert runner.invoke(options_app(), ["go", "--timeout", "90"]).output.split()[1] == "90"
    for command in ("report",):
        help_text = " ".join(run(command, "--help").stdout.split())
        assert "Seconds one report's notebook may run, all its cells together" in help_text


def test_strict_is_a_flag() -> None:
    assert runner.invoke(options_app(), ["go", "--strict"]).output.split()[2] == "True"
    refused = runner.invoke(options_app(), ["go", "--strict=false"])
    assert refused.exit_code == 2 and "does not take a value" in refused.output


@pytest.mark.slow
def test_report_timeout_is_for_the_whole_notebook(tmp_path: Path) -> None:
    """make_report's `timeout` (what `report --timeout` passes) stops a notebook whose cells
    are each within any per-cell limit but together run past it."""
    from rolecompare.reporting.execute import NotebookTimeout
    from rolecompare.reporting.report import make_report

    notebook = tmp_path / "three_sleeps.ipynb"
    cells = [nbformat.v4.new_code_cell("import time\ntime.sleep(2)") for _ in range(3)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), notebook)
    with pytest.raises(NotebookTimeout) as caught:
        make_report(
            "a",
            "b",
            processed_dir=tmp_path,
            reports_dir=tmp_path / "reports",
            notebook=notebook,
            cell_timeout=None,
            timeout=5,
        )
    # each cell (2 s) is within 5 s; the three together (and the kernel's start) are not
    assert "the notebook's time limit" in str(caught.value)


# --- raw folders ------------------------------------------------------------------------------


def test_a_file_as_raw_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(RAW / "000_22965af89e6f7745.txt", page)
    result = cli("ingest", "--raw", str(page), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    line = one_error_line(result)
    assert "is a file, not a folder" in line and str(page) in line
    assert not (tmp_path / "out").exists()


def test_an_empty_raw_folder_is_a_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("ingest", "--raw", str(empty))
    assert result.returncode == 1
    assert "no pages (*.txt, *.html, *.htm, *.warc, *.warc.gz)" in one_error_line(result)
    assert not (tmp_path / "empty-processed").exists()


def test_strict_ingest_exits_1_on_problems(tmp_path: Path) -> None:
    raw = tmp_path / "pages"
    raw.mkdir()
    (raw / "odd.txt").write_text("| Yearly salary | $12,34,56 | - |\nAverage age40100\n")
    assert cli("ingest", "--raw", str(raw)).returncode == 0
    assert cli("ingest", "--raw", str(raw), "--strict").returncode == 1


# --- processed folders belong to their pages --------------------------------------------------


def pages_folder(tmp_path: Path, name: str = "other-pages") -> Path:
    raw = tmp_path / name
    raw.mkdir(parents=True)
    shutil.copy(RAW / "000_22965af89e6f7745.txt", raw)
    return raw


def recorded_raw(folder: Path) -> str:
    return json.loads((folder / "ingest.json").read_text())["raw_dir"]


def test_processed_folder_rule() -> None:
    assert config.processed_dir_for(config.RAW_DIR) == config.PROCESSED_DIR
    assert config.processed_dir_for("/x/pages") == Path("/x/pages-processed")
    assert config.processed_dir() == config.PROCESSED_DIR
    assert config.processed_dir("elsewhere") == Path("elsewhere")


def test_another_raw_folder_gets_its_own_tables(tmp_path: Path) -> None:
    before = project_tables_state()
    raw = pages_folder(tmp_path)
    result = cli("ingest", "--raw", str(raw))
    assert result.returncode == 0, result.stderr
    own = tmp_path / "other-pages-processed"
    assert str(own) in result.stdout and (own / "facts.csv").is_file()
    assert recorded_raw(own) == str(raw.resolve())
    assert project_tables_state() == before


def project_tables_state() -> tuple:
    """What says whose tables data/processed holds (others may rebuild them meanwhile: only
    whether they were made from the project's pages is compared)."""
    manifest = config.PROCESSED_DIR / "ingest.json"
    if not manifest.is_file():
        return (None,)
    return (json.loads(manifest.read_text())["raw_dir"] == str(config.RAW_DIR.resolve()),)


def test_tables_of_other_pages_are_not_replaced_without_force(tmp_path: Path) -> None:
    first, second = pages_folder(tmp_path, "first"), pages_folder(tmp_path, "second")
    out = tmp_path / "tables"
    assert cli("ingest", "--raw", str(first), "--out", str(out)).returncode == 0
    refused = cli("ingest", "--raw", str(second), "--out", str(out))
    assert refused.returncode == 2
    line = one_error_line(refused)
    assert str(first) in line and str(second) in line and "--force" in line
    assert recorded_raw(out) == str(first.resolve())
    forced = cli("ingest", "--raw", str(second), "--out", str(out), "--force")
    assert forced.returncode == 0 and recorded_raw(out) == str(second.resolve())


def test_report_refuses_tables_of_other_pages(tmp_path: Path) -> None:
    first, second = pages_folder(tmp_path, "first"), pages_folder(tmp_path, "second")
    (second / "000_22965af89e6f7745.txt").write_text(
        (RAW / "000_22965af89e6f7745.txt").read_text().replace("$66,782", "$66,783")
    )
    out = tmp_path / "tables"
    assert cli("ingest", "--raw", str(first), "--out", str(out)).returncode == 0
    args = ["customer-relations-manager", "customer-care-manager", "--format", "html"]
    refused = cli("report", *args, "--raw", str(second), "--processed", str(out))
    assert refused.returncode == 2 and "refusing to replace" in one_error_line(refused)
    assert not (tmp_path / "reports").exists()


def test_moving_a_checkout_keeps_its_tables(tmp_path: Path) -> None:
    before = tmp_path / "before"
    raw = pages_folder(before, "raw")
    assert cli("ingest", "--raw", str(raw)).returncode == 0
    after = tmp_path / "after"
    before.rename(after)
    again = cli("ingest", "--raw", str(after / "raw"))
    assert again.returncode == 0, again.stderr
    assert recorded_raw(after / "raw-processed") == str((after / "raw").resolve())


def test_library_ingest_refuses_too(tmp_path: Path) -> None:
    from rolecompare.facts.ingest import TablesOfOtherPages, ingest

    first, second = pages_folder(tmp_path, "first"), pages_folder(tmp_path, "second")
    ingest(first, tmp_path / "t")
    with pytest.raises(TablesOfOtherPages, match=re.escape(str(first))):
        ingest(second, tmp_path / "t")
    ingest(second, tmp_path / "t", force=True)
    assert recorded_raw(tmp_path / "t") == str(second.resolve())


def test_prepare_finds_the_folder_of_the_pages(tmp_path: Path) -> None:
    raw = pages_folder(tmp_path)
    prepared = cli_common.prepare("html", raw, None)
    assert prepared.processed == tmp_path / "other-pages-processed"
    assert prepared.formats == ("html",)
    assert "customer-relations-manager" in prepared.names
