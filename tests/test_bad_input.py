"""Bad pages get a clear `file:line: message` while every other page still comes through.

The same folder (good fixture pages + an empty, a binary, a latin-1, a truncated and an
unknown-layout page) goes through `ingest()` and through the installed `rolecompare` command.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from rolecompare import load_facts, load_problems
from rolecompare.facts.ingest import ingest, is_stale
from rolecompare.facts.parsing import parse_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
GOOD = ("tab_table.txt", "howto_new.txt", "pipe_unshifted.txt")
TABLES = ("facts.csv", "roles.csv", "conflicts.csv", "problems.csv")

LATIN1_PAGE = (
    "Llama Groomer\n"
    "\n"
    "Salary Range\n"
    "\n"
    "The average salary for a Llama Groomer in the US is $38,900 per year. Llama Groomers in "
    "Bend can expect to earn 9% more than the national average, while those in Fargo can "
    "expect to earn 7% less.\n"
    "\n"
    "Outside of the US, the average salary for a Llama Groomer in the United Kingdom is "
    "£27,500 ($34,900 USD).\n"
    "\n"
    "A minimum of 2 years of experience with camelids is required.\n"
)
LATIN1_BYTES = LATIN1_PAGE.encode("latin-1")
POUND_LINE = 7
POUND_COLUMN = LATIN1_BYTES.split(b"\n")[POUND_LINE - 1].index(b"\xa3") + 1

# pipe_unshifted.txt cut in the middle of the 'ö' of 'Smörgås' on its last row (line 19)
_FULL = (PAGES / "pipe_unshifted.txt").read_bytes()
TRUNCATED_BYTES = _FULL[: _FULL.index("ö".encode()) + 1]
TRUNCATED_LINE = TRUNCATED_BYTES.count(b"\n") + 1
TRUNCATED_COLUMN = len(TRUNCATED_BYTES.split(b"\n")[-1])

BINARY_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 4 \x00\x00 >>\nstream\n"
UNKNOWN_TEXT = (
    "Our tea room opens at nine.\n"
    "\n"
    "We brew oolong and sencha for the whole office, and the kettle is always on.\n"
    "Bring your own mug.\n"
)

BAD = {
    "empty.txt": b"",
    "binary.txt": BINARY_BYTES,
    "latin1.txt": LATIN1_BYTES,
    "truncated.txt": TRUNCATED_BYTES,
    "unknown.txt": UNKNOWN_TEXT.encode("utf-8"),
}
# file -> (line, what its one message must say)
EXPECTED_PROBLEMS = {
    "binary.txt": (4, ["binary", "NUL"]),
    "empty.txt": (1, ["empty"]),
    "latin1.txt": (POUND_LINE, ["UTF-8", "0xa3", f"column {POUND_COLUMN}"]),
    "truncated.txt": (TRUNCATED_LINE, ["UTF-8", "0xc3", f"column {TRUNCATED_COLUMN}"]),
    "unknown.txt": (1, ["unknown layout"]),
}


def _write_good(raw: Path) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for name in GOOD:
        shutil.copyfile(PAGES / name, raw / name)


def _write_mixed(raw: Path) -> None:
    _write_good(raw)
    for name, data in BAD.items():
        (raw / name).write_bytes(data)


def _no_temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".tmp-"))


def _problem_lines(problems: pd.DataFrame) -> list[str]:
    return [f"{r.source}:{r.line}: {r.problem}" for r in problems.itertuples()]


def _check_problems(lines: list[str]) -> None:
    """Exactly one `file:line: message` per bad page, none for the good pages."""
    assert len(lines) == len(EXPECTED_PROBLEMS), lines
    for name, (line, words) in EXPECTED_PROBLEMS.items():
        mine = [m for m in lines if m.startswith(f"{name}:")]
        assert len(mine) == 1, (name, lines)
        assert mine[0].startswith(f"{name}:{line}: "), mine[0]
        for word in words:
            assert word.lower() in mine[0].lower(), (word, mine[0])


def _rows(facts: pd.DataFrame, source: str) -> pd.DataFrame:
    return facts[facts.source == source].drop(columns="source").reset_index(drop=True)


# --- the mixed folder through ingest() --------------------------------------------------------


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("bad-input")
    mixed, good = base / "raw-mixed", base / "raw-good"
    _write_mixed(mixed)
    _write_good(good)
    return {"base": base, "mixed": mixed, "good": good}


@pytest.fixture(scope="module")
def cli_started(
    folders: dict[str, Path],
) -> Iterator[dict[str, tuple[list[str], subprocess.Popen]]]:
    """The three CLI runs, started at once so that their start-up overlaps the in-process runs."""
    exe = shutil.which("rolecompare", path=str(Path(sys.executable).parent))
    assert exe, f"the rolecompare command is not installed beside {sys.executable}"
    base, mixed = folders["base"], str(folders["mixed"])
    commands = {
        "normal": [exe, "ingest", "--raw", mixed, "--out", str(base / "cli")],
        "strict": [exe, "ingest", "--raw", mixed, "--out", str(base / "cli-strict"), "--strict"],
        "missing": [
            exe,
            "ingest",
            "--raw",
            str(base / "no-such-folder"),
            "--out",
            str(base / "cli-missing"),
        ],
    }
    started = {
        key: (cmd, subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        for key, cmd in commands.items()
    }
    yield started
    for _, proc in started.values():
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def cli_runs(cli_started, ingested) -> dict[str, subprocess.CompletedProcess]:
    done = {}
    for key, (cmd, proc) in cli_started.items():
        out, err = proc.communicate(timeout=120)
        done[key] = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    return done


@pytest.fixture(scope="module")
def ingested(folders: dict[str, Path], cli_started) -> dict[str, object]:
    """The mixed folder and the good pages alone, through ingest() in this process."""
    base = folders["base"]
    messages: list[str] = []
    result = ingest(folders["mixed"], base / "out-mixed", on_problem=messages.append)
    ingest(folders["good"], base / "out-good")
    return {
        "messages": messages,
        "result": result,
        "mixed": load_facts(base / "out-mixed"),
        "good": load_facts(base / "out-good"),
        "problems": load_problems(base / "out-mixed"),
        "out": base / "out-mixed",
    }


def test_each_bad_page_gives_one_file_line_problem(ingested) -> None:
    _check_problems(ingested["messages"])
    assert _problem_lines(ingested["problems"]) == ingested["messages"]
    assert ingested["result"].pages == len(GOOD) + len(BAD)


def test_good_pages_are_fully_ingested_beside_bad_ones(ingested) -> None:
    mixed, good = ingested["mixed"], ingested["good"]
    for name in GOOD:
        assert len(_rows(good, name)) > 0, name
        pd.testing.assert_frame_equal(_rows(mixed, name), _rows(good, name))


def test_latin1_page_loses_only_the_undecodable_line(ingested) -> None:
    facts = ingested["mixed"]
    rows = {
        (r.line, r.role_id, r.metric, r.category if isinstance(r.category, str) else None, r.value)
        for r in facts[facts.source == "latin1.txt"].itertuples()
    }
    assert rows == {
        (5, "llama-groomer", "salary_yearly", None, 38900.0),
        (5, "llama-groomer", "salary_regional_diff", "Bend", 9.0),
        (5, "llama-groomer", "salary_regional_diff", "Fargo", -7.0),
        (9, "llama-groomer", "experience_min_years", None, 2.0),
    }


def test_truncated_page_keeps_every_row_before_the_cut(ingested) -> None:
    facts = ingested["mixed"]
    full = ingested["good"]
    before_cut = _rows(full, "pipe_unshifted.txt")
    assert TRUNCATED_LINE == 19
    before_cut = before_cut[before_cut.line < TRUNCATED_LINE].reset_index(drop=True)
    assert len(before_cut) == 28
    pd.testing.assert_frame_equal(_rows(facts, "truncated.txt"), before_cut)


def test_no_facts_from_unreadable_pages(ingested) -> None:
    facts = ingested["mixed"]
    for name in ("empty.txt", "binary.txt", "unknown.txt"):
        assert facts[facts.source == name].empty, name


def test_fact_lines_point_at_their_lines_in_bad_pages_too(ingested) -> None:
    sources = {**BAD, **{n: (PAGES / n).read_bytes() for n in GOOD}}
    facts = ingested["mixed"]
    assert set(facts.source) == {*GOOD, "latin1.txt", "truncated.txt"}
    for r in facts.itertuples():
        line = sources[r.source].split(b"\n")[r.line - 1].decode("utf-8", "replace")
        if pd.notna(r.value):
            digits = f"{r.value:.10g}".lstrip("-")
            assert digits in line.replace(",", ""), (r.source, r.line, r.metric, line)
        if isinstance(r.text, str):
            assert r.text in line, (r.source, r.line, r.metric, line)


def test_no_temporary_files_after_ingest(ingested) -> None:
    assert _no_temp_files(ingested["out"]) == []


# --- the same folder through the command ------------------------------------------------------


def test_cli_prints_each_problem_and_exits_0(cli_runs, folders) -> None:
    run = cli_runs["normal"]
    assert run.returncode == 0, run.stderr
    stderr = [line for line in run.stderr.splitlines() if line.strip()]
    _check_problems(stderr)
    out = folders["base"] / "cli"
    assert _problem_lines(load_problems(out)) == stderr
    assert f"read {len(GOOD) + len(BAD)} page(s)" in run.stdout
    assert _no_temp_files(out) == []


def test_cli_output_matches_ingest(cli_runs, folders, ingested) -> None:
    cli = folders["base"] / "cli"
    for table in TABLES:
        assert (cli / table).read_bytes() == (ingested["out"] / table).read_bytes(), table


def test_cli_strict_exits_1_and_still_writes_everything(cli_runs, folders) -> None:
    run = cli_runs["strict"]
    assert run.returncode == 1, run.stderr
    _check_problems([line for line in run.stderr.splitlines() if line.strip()])
    out = folders["base"] / "cli-strict"
    assert set(load_facts(out).source) == {*GOOD, "latin1.txt", "truncated.txt"}
    assert _no_temp_files(out) == []


def test_cli_missing_raw_folder_exits_2_with_one_line(cli_runs, folders) -> None:
    run = cli_runs["missing"]
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("rolecompare: error: raw pages folder")
    assert str(folders["base"] / "no-such-folder") in lines[0]
    assert "Traceback" not in run.stderr
    assert not (folders["base"] / "cli-missing").exists()


# --- a write that fails midway ----------------------------------------------------------------


# facts.csv is written by blocks (its header, then each block, through a buffer): the 1st
# call fails inside facts.csv, the 4th in a table after it (header, one block, roles.csv)
@pytest.mark.parametrize("fail_at", [1, 4], ids=["facts.csv", "conflicts.csv"])
def test_failed_write_leaves_every_table_old_or_new_never_torn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    raw, out, ref = tmp_path / "raw", tmp_path / "out", tmp_path / "ref"
    raw.mkdir()
    shutil.copyfile(PAGES / "tab_table.txt", raw / "tab_table.txt")
    ingest(raw, out)
    files = (*TABLES, "ingest.json")
    old = {name: (out / name).read_bytes() for name in files}
    for name in ("howto_new.txt", "pipe_unshifted.txt"):
        shutil.copyfile(PAGES / name, raw / name)
    ingest(raw, ref)
    new = {name: (ref / name).read_bytes() for name in files}
    for name in ("facts.csv", "roles.csv", "conflicts.csv", "ingest.json"):
        assert old[name] != new[name], name  # else the check below proves nothing

    original = pd.DataFrame.to_csv
    calls = 0

    def flaky_to_csv(self, path_or_buf=None, *args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == fail_at:  # write half of the table, then the disk fills up
            text = original(self, None, *args, **kwargs)
            if hasattr(path_or_buf, "write"):
                path_or_buf.write(text[: len(text) // 2])
            else:
                Path(path_or_buf).write_text(text[: len(text) // 2], encoding="utf-8")
            raise OSError(28, "No space left on device")
        return original(self, path_or_buf, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", flaky_to_csv)
    with pytest.raises(OSError, match="No space left"):
        ingest(raw, out)
    monkeypatch.undo()

    assert calls == fail_at
    failed = "facts.csv" if fail_at == 1 else "conflicts.csv"
    assert (out / failed).read_bytes() == old[failed], f"{failed} was touched"
    for name in files:
        data = (out / name).read_bytes()
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"
    assert _no_temp_files(out) == []
    load_facts(out)  # still a valid table
    # the manifest is written last: it still describes the old run, so the folder reads as stale
    assert (out / "ingest.json").read_bytes() == old["ingest.json"]
    assert is_stale(raw, out)


# --- known parser bugs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "| | Llama Groomer | Lighthouse Keeper |\n"
        "| Yearly salary | $38,900 | $52,750 |\n"
        "| Highest paying City | Coeur d'Al\xe8ne, ID | Portland, ME |\n"
        "| Average age | 39 | 51 |\n",
        "Llama GroomerLighthouse Keeper\n"
        "Yearly salary$38,900$52,750\n"
        "Highest paying cityCoeur d'Al\xe8ne, IDPortland, ME\n"
        "Average age3951\n",
    ],
    ids=["pipe", "glued"],
)
def test_latin1_row_inside_a_table_costs_only_that_row(page: str) -> None:
    result = parse_page("latin1-table.txt", page.encode("latin-1"))
    assert [p.line for p in result.problems] == [3]
    ages = {(f.role, f.value) for f in result.facts if f.metric == "age" and f.line == 4}
    assert ages == {("Llama Groomer", 39.0), ("Lighthouse Keeper", 51.0)}
