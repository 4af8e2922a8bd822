"""Faults, through the installed `rolecompare` command in subprocesses, on temporary folders only.

1. A crash loses nothing: a build killed (SIGKILL to its whole process group) mid-way leaves no
   half-written file and a sound manifest (the build's one record of finished pairs), and the
   next build finishes only the unfinished pairs and gives the same reports as a clean build.
2. Two builds of one output folder at once are safe: the second is refused at once (--wait 0)
   or waits its turn (--wait 600).
3. Environment faults (missing raw folder, an output folder that cannot be made, no PDF
   tool) give a one-line `rolecompare: error: ...`, never a traceback.
4. Reproducible: two ingests give byte-identical tables; two forced builds give the same
   report text and byte-identical figures.

Every pair report runs a real Jupyter kernel (~5-15 s a pair on a busy 2-core machine), so the
expensive builds ("scenarios") start together in background threads as soon as the module's
first test runs, and the tests only look at what they left. The quick error-message tests
come first in the file so they run while those builds work.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import write_pages

pytestmark = pytest.mark.slow

BIN = shutil.which("rolecompare", path=str(Path(sys.executable).parent))
RUN_TIMEOUT = 900.0  # seconds any single command may take before the test gives up on it
TRACEBACK = "Traceback (most recent call last)"
PDF_HINT = ("./run setup", "apt-get install")  # how the PDF tool's message says to install it
SUMMARY = re.compile(
    r"(?P<total>\d+) pair\(s\): (?P<built>\d+) built, (?P<skipped>\d+) up to date, "
    r"(?P<failed>\d+) failed"
)
PNG = re.compile(rb"data:image/png;base64,([A-Za-z0-9+/=]+)")


# ---------------------------------------------------------------------------------------------
# Running the command


_started: list[subprocess.Popen] = []
_started_lock = threading.Lock()


@dataclass
class Run:
    """One `rolecompare` process (its own session), its output in files, its timing."""

    args: list[str]
    proc: subprocess.Popen
    stdout_file: Path
    stderr_file: Path
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    def poll(self) -> int | None:
        code = self.proc.poll()
        if code is not None and self.ended is None:
            self.ended = time.monotonic()
        return code

    @property
    def running(self) -> bool:
        return self.poll() is None

    def wait(self, timeout: float = RUN_TIMEOUT) -> Run:
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            _kill_group(self.proc)
            raise
        self.poll()
        return self

    @property
    def returncode(self) -> int | None:
        return self.poll()

    @property
    def stdout(self) -> str:
        return self.stdout_file.read_text(encoding="utf-8", errors="replace")

    @property
    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8", errors="replace")

    @property
    def seconds(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    def describe(self) -> str:
        return (
            f"$ rolecompare {' '.join(self.args)}\nexit {self.returncode} after "
            f"{self.seconds:.1f}s\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"
        )


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the session of a process this module started (its pid is the group id)."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)


_log_counter = iter(range(1, 10_000))


def start(args: list[str], logs: Path, *, pythonpath: Path | None = None) -> Run:
    """Start `rolecompare ARGS` in a new session (so the whole tree can be killed at once)."""
    assert BIN is not None, f"no rolecompare command next to {sys.executable}"
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(pythonpath), env.get("PYTHONPATH", "")) if p
        )
    logs.mkdir(parents=True, exist_ok=True)
    stem = f"{next(_log_counter):03d}-{args[0]}"
    out, err = logs / f"{stem}.out", logs / f"{stem}.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [BIN, *args],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            cwd=logs,  # never the repository: nothing may land in its data/ or reports/
            env=env,
            start_new_session=True,
        )
    with _started_lock:
        _started.append(proc)
    return Run(args, proc, out, err)


def run(args: list[str], logs: Path, **kwargs) -> Run:
    return start(args, logs, **kwargs).wait()


def build_args(raw: Path, processed: Path, out: Path, *more: str) -> list[str]:
    return [
        "build", "--raw", str(raw), "--processed", str(processed), "--out", str(out),
        "--jobs", "1", "--format", "html", *more,
    ]  # fmt: skip


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("rolecompare: error:")]


def summary_of(result: Run) -> dict[str, int]:
    match = SUMMARY.search(result.stdout)
    assert match, f"no build summary on stdout\n{result.describe()}"
    return {k: int(v) for k, v in match.groupdict().items()}


# ---------------------------------------------------------------------------------------------
# Looking at output folders


def visible_files(folder: Path) -> list[Path]:
    """Files under `folder` a user sees: no part of the relative path starts with a dot."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / f for f in files if not f.startswith(".")]
    return sorted(found)


def relative_visible(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in visible_files(folder)}


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob(".tmp-*"))


def torn(path: Path, data: bytes) -> str | None:
    """Why `data` (the content of `path`) looks half-written, or None."""
    name = path.name
    if name.endswith(".html"):
        return None if data.rstrip().endswith(b"</html>") else "does not end with </html>"
    if name.endswith((".json", ".ipynb")):
        try:
            json.loads(data)
        except ValueError as exc:
            return f"invalid JSON: {exc}"
        return None
    if name.endswith(".csv"):
        if not data.endswith(b"\n"):
            return "does not end with a newline"
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        if not rows or any(len(row) != len(rows[0]) for row in rows):
            return "ragged CSV"
        return None
    if name.endswith(".pdf"):
        return None if data.rstrip().endswith(b"%%EOF") else "PDF without %%EOF"
    return None


class TornFileWatch:
    """Samples every visible file of some folders; re-reads a file only when it changed."""

    def __init__(self, *folders: Path) -> None:
        self.folders = folders
        self.seen: dict[Path, tuple[int, int, int]] = {}
        self.problems: list[str] = []
        self.samples = 0
        self.reads = 0

    def sample(self) -> None:
        self.samples += 1
        for folder in self.folders:
            for path in visible_files(folder):
                try:
                    st = path.stat()
                    key = (st.st_ino, st.st_size, st.st_mtime_ns)
                    if self.seen.get(path) == key:
                        continue
                    data = path.read_bytes()
                except FileNotFoundError:  # replaced or removed between listing and reading
                    continue
                self.seen[path] = key
                self.reads += 1
                problem = torn(path, data)
                if problem:
                    self.problems.append(f"{path}: {problem} ({len(data)} bytes)")


def lock_is_held(lock_file: Path) -> bool:
    """True when some process holds a flock on `lock_file` (read from /proc/locks)."""
    try:
        inode = lock_file.stat().st_ino
        table = Path("/proc/locks").read_text()
    except OSError:
        return False
    for line in table.splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].rsplit(":", 1)[-1] == str(inode):
            return True
    return False


def visible_text(html_file: Path) -> str:
    """The report's visible text, without the build record (as benchmarks/bench_build.py)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["style", "script", "title"]):
        tag.decompose()
    text = " ".join(soup.get_text(" ").split())
    return re.sub(r"Built from.*$", "", text)  # the build's own record, last in the report


def figures(html_file: Path) -> list[bytes]:
    return [base64.b64decode(m) for m in PNG.findall(html_file.read_bytes())]


def pair_folders(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*__vs__*") if p.is_dir())


def manifest_records(out: Path) -> dict[str, dict]:
    """The pairs the build's manifest records as finished (read only, as a reader would)."""
    from rolecompare.building.manifest import Manifest

    try:
        manifest = Manifest.read_only(out)
    except sqlite3.Error:  # being created right now
        return {}
    if manifest is None:
        return {}
    with manifest:
        return manifest.pairs()


def ok_records(out: Path) -> set[str]:
    return {folder for folder, r in manifest_records(out).items() if r.get("status") == "ok"}


def manifest_is_sound(out: Path) -> str:
    from rolecompare.building.manifest import manifest_path

    with contextlib.closing(sqlite3.connect(manifest_path(out))) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def poll_until(condition: Callable[[], bool], timeout: float, every: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


# ---------------------------------------------------------------------------------------------
# Inputs and the expensive scenarios (each runs in a background thread, see the module doc)


@dataclass(frozen=True)
class Inputs:
    root: Path
    raw4: Path  # 4 roles -> 6 pairs (promise 1)
    raw3: Path  # 3 roles -> 3 pairs (promises 2 and 4)
    raw2: Path  # 2 roles -> 1 pair (promise 3)

    @property
    def logs(self) -> Path:
        return self.root / "logs"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    root = tmp_path_factory.mktemp("faults")
    made = Inputs(root, root / "raw4", root / "raw3", root / "raw2")
    write_pages(made.raw4, roles=4, seed=11)
    write_pages(made.raw3, roles=3, seed=7)
    write_pages(made.raw2, roles=2, seed=5)
    return made


SCENARIOS: dict[str, Callable[[Inputs], object]] = {}


def scenario(name: str):
    def register(fn):
        SCENARIOS[name] = fn
        return fn

    return register


@dataclass
class Crash:
    raw: Path
    processed: Path
    out: Path
    watch: TornFileWatch = field(default_factory=TornFileWatch)
    records_at_kill: int = 0
    processes_at_kill: int = 0  # the build's descendants (its kernel at least) when killed
    manifest_check: str = ""
    done_before_resume: set[str] = field(default_factory=set)
    finished_before_kill: bool = False
    survivors: list[str] = field(default_factory=list)
    stray_scratch: list[Path] = field(default_factory=list)
    planted: list[Path] = field(default_factory=list)
    killed: Run | None = None
    resume: Run | None = None
    leftovers_after_resume: list[Path] = field(default_factory=list)


@scenario("crash")
def _crash(inp: Inputs) -> Crash:
    """Build 6 pairs, SIGKILL the build's process group after 2 pairs, then build again."""
    # psutil is a test dependency: without it this test must fail, never pass unchecked
    crash = Crash(inp.raw4, inp.root / "crash-processed", inp.root / "crash-reports")
    crash.watch = watch = TornFileWatch(crash.out, crash.processed)
    args = build_args(crash.raw, crash.processed, crash.out, "--pairs", "all")
    crash.killed = first = start(args, inp.logs)

    def two_records() -> bool:
        watch.sample()
        return len(manifest_records(crash.out)) >= 2 or not first.running

    assert poll_until(two_records, RUN_TIMEOUT), "the build made no 2 pairs in time"
    tree = psutil.Process(first.proc.pid).children(recursive=True)  # raises if it is gone
    crash.processes_at_kill = len(tree)
    crash.finished_before_kill = not first.running
    os.killpg(first.proc.pid, signal.SIGKILL)  # the build, its kernel and anything it started
    first.wait(60)
    crash.records_at_kill = len(manifest_records(crash.out))
    crash.manifest_check = manifest_is_sound(crash.out)
    for _ in range(5):  # the files the kill left, many times
        watch.sample()
    watch.seen.clear()
    watch.sample()  # every visible file once more, from scratch
    # The kernel lives in its own session: it must notice its parent died and exit by itself.
    _, alive = psutil.wait_procs(tree, timeout=20)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            crash.survivors.append(f"pid {proc.pid}: {' '.join(proc.cmdline())[:200]}")
            proc.kill()  # one we started, by pid
    # A killed worker cannot remove its scratch folder in the system temp dir (outside O and
    # P, not a promise of the tool); remove the killed processes' ones so runs leave no litter.
    pids = {first.proc.pid, *(p.pid for p in tree)}
    for scratch in Path(tempfile.gettempdir()).glob("rolecompare-worker-*-*"):
        pid = scratch.name.split("-")[2]
        if pid.isdigit() and int(pid) in pids:
            crash.stray_scratch.append(scratch)
            shutil.rmtree(scratch, ignore_errors=True)
    # What a kill at the worst moment (mid atomic write) would leave; the next build sweeps it.
    crash.done_before_resume = ok_records(crash.out)
    pair = pair_folders(crash.out)[0]
    crash.planted = [
        crash.out / ".tmp-k1l2m3.html",
        pair / ".tmp-a1b2c3.html",
        pair / ".tmp-d4e5f6.json",
        crash.out / ".tmp-g7h8i9",  # an atomic_dir() folder
    ]
    for path in crash.planted[:-1]:
        path.write_text("<html><body>half a rep")
    crash.planted[-1].mkdir()
    (crash.planted[-1] / "report.html").write_text("<html>")

    crash.resume = again = start(args, inp.logs)
    poll_until(lambda: (watch.sample(), not again.running)[1], RUN_TIMEOUT)
    again.wait()
    watch.sample()
    crash.leftovers_after_resume = temporaries(crash.out) + temporaries(crash.processed)
    return crash


@dataclass
class Clean:
    processed: Path
    out: Path
    build: Run


@scenario("clean4")
def _clean4(inp: Inputs) -> Clean:
    """The crash scenario's inputs, built in one go into other folders."""
    processed, out = inp.root / "clean-processed", inp.root / "clean-reports"
    args = build_args(inp.raw4, processed, out, "--pairs", "all")
    return Clean(processed, out, run(args, inp.logs))


@dataclass
class Race:
    processed: Path
    out: Path
    refused: Run | None = None
    written_while_locked: set[str] = field(default_factory=set)
    waiter: Run | None = None
    waiting_said: bool = False
    waiter_running_at_release: bool = False
    released: float = 0.0
    again: Run | None = None


WAITING = "rolecompare: waiting up to"


@scenario("race")
def _race(inp: Inputs) -> Race:
    """Another run holds the lock on --out -- this test, for as long as it likes, so nothing
    depends on how long a build takes: a build with --wait 0 is refused; one with --wait 600
    says it waits, and builds once the lock is released; a third finds all up to date."""
    from rolecompare import atomic
    from rolecompare.facts.ingest import ingest  # the set-up, not what is tested

    processed, out = inp.root / "race-processed", inp.root / "race-reports"
    ingest(inp.raw3, processed)
    args = build_args(inp.raw3, processed, out)
    race = Race(processed, out)
    with atomic.locked(out):
        race.refused = run([*args, "--wait", "0"], inp.logs)
        race.written_while_locked = relative_visible(out)
        race.waiter = start([*args, "--wait", "600", "--force"], inp.logs)
        # released only once the waiter says it is waiting (or has ended, which fails below)
        poll_until(lambda: WAITING in race.waiter.stderr or not race.waiter.running, RUN_TIMEOUT)
        race.waiting_said = WAITING in race.waiter.stderr
        race.waiter_running_at_release = race.waiter.running
        race.released = time.monotonic()
    race.waiter.wait()
    race.again = run([*args, "--wait", "600"], inp.logs)
    return race


@dataclass
class Repro:
    processed: Path
    out: Path
    build: Run


@scenario("repro")
def _repro(inp: Inputs) -> Repro:
    """The race scenario's inputs (built there with --force), built again with --force."""
    processed, out = inp.root / "repro-processed", inp.root / "repro-reports"
    return Repro(processed, out, run([*build_args(inp.raw3, processed, out), "--force"], inp.logs))


@dataclass
class NoPdfTool:
    processed: Path
    report_out: Path
    build_out: Path
    pair: tuple[str, str]
    report: Run
    build: Run


FAKE_WEASYPRINT = "raise OSError(\"cannot load library 'libpango-1.0-0'\")\n"


@scenario("no_pdf_tool")
def _no_pdf_tool(inp: Inputs) -> NoPdfTool:
    """`report` and `build` with html,pdf while importing weasyprint fails like missing pango."""
    fake = inp.root / "fake-site"
    (fake / "weasyprint").mkdir(parents=True)
    (fake / "weasyprint" / "__init__.py").write_text(FAKE_WEASYPRINT)
    processed = inp.root / "nopdf-processed"
    from rolecompare.facts.ingest import ingest  # the set-up, not what is tested

    ingest(inp.raw2, processed)
    roles = sorted(
        row["role_id"]
        for row in csv.DictReader((processed / "roles.csv").open(encoding="utf-8"))
        if row["role_id"] != "us-average"
    )
    assert len(roles) == 2, roles
    a, b = roles
    report_out, build_out = inp.root / "nopdf-report", inp.root / "nopdf-build"
    common = ["--raw", str(inp.raw2), "--processed", str(processed), "--format", "html,pdf"]
    report = run(["report", a, b, *common, "--out", str(report_out)], inp.logs, pythonpath=fake)
    build = run(
        ["build", *common, "--out", str(build_out), "--jobs", "1"], inp.logs, pythonpath=fake
    )
    return NoPdfTool(processed, report_out, build_out, (a, b), report, build)


@pytest.fixture(scope="module", autouse=True)
def background(request: pytest.FixtureRequest, inputs: Inputs) -> Iterator[dict[str, Future]]:
    """Start, at once, every scenario a selected test of this module needs."""
    wanted = sorted(
        {
            name
            for item in request.session.items
            if item.module is request.module
            for name in getattr(item, "fixturenames", ())
            if name in SCENARIOS
        }
    )
    pool = ThreadPoolExecutor(max(1, len(wanted)), thread_name_prefix="scenario")
    futures = {name: pool.submit(SCENARIOS[name], inputs) for name in wanted}
    try:
        yield futures
    finally:
        with _started_lock:
            leftover = list(_started)
        for proc in leftover:  # only processes this module started, each by its own id
            _kill_group(proc)
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(background: dict[str, Future], name: str):
    return background[name].result(timeout=2 * RUN_TIMEOUT)


@pytest.fixture(scope="module")
def crash(background) -> Crash:
    return _outcome(background, "crash")


@pytest.fixture(scope="module")
def clean4(background) -> Clean:
    return _outcome(background, "clean4")


@pytest.fixture(scope="module")
def race(background) -> Race:
    return _outcome(background, "race")


@pytest.fixture(scope="module")
def repro(background) -> Repro:
    return _outcome(background, "repro")


@pytest.fixture(scope="module")
def no_pdf_tool(background) -> NoPdfTool:
    return _outcome(background, "no_pdf_tool")


# ---------------------------------------------------------------------------------------------
# Promise 3 (a, b): environment faults give clear errors. Quick; they run while the scenarios
# above build in the background.


@pytest.fixture(scope="module")
def small_facts(inputs: Inputs) -> tuple[Path, tuple[str, str]]:
    """raw2 ingested (in-process: set-up only) and its two role ids."""
    from rolecompare.facts.ingest import ingest

    processed = inputs.root / "small-processed"
    ingest(inputs.raw2, processed)
    with (processed / "roles.csv").open(encoding="utf-8") as handle:
        roles = sorted(r["role_id"] for r in csv.DictReader(handle) if r["role_id"] != "us-average")
    return processed, (roles[0], roles[1])


MISSING_RAW_CASES = [
    pytest.param("ingest", False, id="ingest"),
    pytest.param("build", True, id="build-facts-present"),
    pytest.param("report", True, id="report-facts-present"),
    pytest.param("build", False, id="build-first-run"),
    pytest.param("report", False, id="report-first-run"),
]


@pytest.mark.parametrize(("command", "facts_present"), MISSING_RAW_CASES)
def test_missing_raw_folder_exits_2_with_one_line_naming_it(
    command: str, facts_present: bool, inputs: Inputs, small_facts, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-raw"
    processed = small_facts[0] if facts_present else tmp_path / "processed"
    out = tmp_path / "out"
    if command == "ingest":
        args = ["ingest", "--raw", str(missing), "--out", str(processed)]
    elif command == "build":
        args = build_args(missing, processed, out)
    else:
        a, b = small_facts[1]
        args = ["report", a, b, "--raw", str(missing), "--processed", str(processed)]
        args += ["--out", str(out), "--format", "html"]
    result = run(args, inputs.logs)
    assert result.returncode == 2, result.describe()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.describe()
    assert lines[0].startswith("rolecompare: error:"), result.describe()
    assert str(missing) in lines[0], result.describe()
    assert TRACEBACK not in result.stderr
    assert not out.exists(), "nothing is written for a run that could not start"
    assert facts_present or not processed.exists()


def _unwritable(kind: str, tmp_path: Path) -> Path:
    if kind == "below-a-file":
        (tmp_path / "file.txt").write_text("a regular file\n")
        return tmp_path / "file.txt" / "reports"
    return Path(f"/{kind}/rolecompare-out")  # /proc and /sys: no folder can be made there


UNWRITABLE_CASES = [
    pytest.param("ingest --out", "below-a-file", id="ingest-out-below-a-file"),
    pytest.param("ingest --out", "proc", id="ingest-out-in-proc"),
    pytest.param("build --out", "below-a-file", id="build-out-below-a-file"),
    pytest.param("build --out", "proc", id="build-out-in-proc"),
    pytest.param("build --out", "sys", id="build-out-in-sys"),
    pytest.param("build --processed", "below-a-file", id="build-processed-below-a-file"),
    pytest.param("report --out", "below-a-file", id="report-out-below-a-file"),
    pytest.param("report --out", "sys", id="report-out-in-sys"),
]


@pytest.mark.parametrize(("where", "kind"), UNWRITABLE_CASES)
def test_output_folder_that_cannot_be_made_gives_one_line_error(
    where: str, kind: str, inputs: Inputs, small_facts, tmp_path: Path
) -> None:
    bad = _unwritable(kind, tmp_path)
    processed, (a, b) = small_facts
    raw, out = inputs.raw2, tmp_path / "reports"
    if where == "ingest --out":
        args = ["ingest", "--raw", str(raw), "--out", str(bad)]
    elif where == "build --out":
        args = build_args(raw, processed, bad)
    elif where == "build --processed":
        args = build_args(raw, bad, out)
    else:
        args = ["report", a, b, "--raw", str(raw), "--processed", str(processed)]
        args += ["--out", str(bad), "--format", "html"]
    result = run(args, inputs.logs)
    assert result.returncode not in (0, None), result.describe()
    assert TRACEBACK not in result.stderr, result.describe()
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.describe()
    assert str(bad) in errors[0], result.describe()
    assert not bad.exists()


# ---------------------------------------------------------------------------------------------
# Promise 1: a crash loses nothing.


def test_the_watch_sees_a_half_written_file(tmp_path: Path) -> None:
    """The check below is not vacuous: cut files of every kind are reported, dot-files not."""
    pair = tmp_path / "a__vs__b"
    pair.mkdir()
    (pair / "report.html").write_text("<!DOCTYPE html>\n<html><body><p>half a rep")
    (pair / "build.json").write_text('{"status": "o')
    (pair / "report.ipynb").write_text('{"cells": [')
    (tmp_path / "facts.csv").write_text("role_id,metric,value\na,b,1\nc,d")
    (pair / ".tmp-x.html").write_text("<html>")  # hidden: being written, not visible
    watch = TornFileWatch(tmp_path)
    watch.sample()
    assert sorted(Path(p.split(":")[0]).name for p in watch.problems) == [
        "build.json",
        "facts.csv",
        "report.html",
        "report.ipynb",
    ]


def test_killed_build_never_shows_a_half_written_file(crash: Crash) -> None:
    assert not crash.finished_before_kill, "the build finished before it could be killed"
    assert crash.killed.returncode == -signal.SIGKILL, crash.killed.describe()
    assert 2 <= crash.records_at_kill < 6
    assert crash.manifest_check == "ok"
    assert crash.watch.samples > 20 and crash.watch.reads > 10, "the watch saw too little"
    assert crash.watch.problems == []


def test_killed_build_leaves_no_process_behind(crash: Crash) -> None:
    """The kernel runs in its own session; it must exit when its build is killed."""
    assert crash.processes_at_kill >= 1, "no kernel found under the build: nothing was checked"
    assert crash.survivors == []


def test_build_after_a_kill_builds_only_the_unfinished_pairs(crash: Crash) -> None:
    resume = crash.resume
    assert resume.returncode == 0, resume.describe()
    counts = summary_of(resume)
    done = len(crash.done_before_resume)
    assert done >= 2
    assert counts == {"total": 6, "built": 6 - done, "skipped": done, "failed": 0}, resume.stdout
    assert counts["built"] < 6
    assert len(ok_records(crash.out)) == 6
    assert (crash.out / "index.html").is_file()


def test_build_after_a_kill_sweeps_temporary_files(crash: Crash) -> None:
    assert crash.resume.returncode == 0, crash.resume.describe()
    assert all(not p.exists() for p in crash.planted)
    assert crash.leftovers_after_resume == []


def test_resumed_build_equals_a_clean_build(crash: Crash, clean4: Clean) -> None:
    assert crash.resume.returncode == 0, crash.resume.describe()
    assert clean4.build.returncode == 0, clean4.build.describe()
    files = relative_visible(crash.out)
    assert files == relative_visible(clean4.out)
    assert "index.html" in files
    reports = sorted(f for f in files if f.endswith("/report.html"))
    assert len(reports) == 6
    for name in reports:
        assert visible_text(crash.out / name) == visible_text(clean4.out / name), name


# ---------------------------------------------------------------------------------------------
# Promise 2: two builds at once are safe.


def test_second_build_with_wait_0_is_refused_at_once(race: Race) -> None:
    refused = race.refused
    assert refused.returncode == 1, refused.describe()
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1, refused.describe()
    assert lines[0].startswith("rolecompare: error:")
    assert str(race.out) in lines[0] and "another rolecompare run" in lines[0], lines[0]
    assert refused.stdout.strip() == ""
    assert race.written_while_locked == set()  # nothing in --out while another run holds it


def test_build_with_wait_600_waits_for_the_lock_then_builds_completely(race: Race) -> None:
    waiter = race.waiter
    assert race.waiting_said and race.waiter_running_at_release, waiter.describe()
    assert waiter.returncode == 0, waiter.describe()
    assert waiter.ended >= race.released
    assert summary_of(waiter) == {"total": 3, "built": 3, "skipped": 0, "failed": 0}
    assert error_lines(waiter.stderr) == []
    folders = pair_folders(race.out)
    assert len(folders) == 3
    records = manifest_records(race.out)
    for folder in folders:
        assert records[folder.name]["status"] == "ok", records.get(folder.name)
        assert (folder / "report.html").read_bytes().rstrip().endswith(b"</html>")
    assert (race.out / "index.html").is_file()
    assert temporaries(race.out) == []


def test_a_build_after_it_finds_all_up_to_date(race: Race) -> None:
    again = race.again
    assert again.returncode == 0, again.describe()
    assert summary_of(again) == {"total": 3, "built": 0, "skipped": 3, "failed": 0}
    assert WAITING not in again.stderr and error_lines(again.stderr) == []


# ---------------------------------------------------------------------------------------------
# Promise 3 (c): a missing PDF tool.


def _says_how_to_install(line: str) -> bool:
    return all(hint in line for hint in PDF_HINT)


def test_report_without_pdf_tool_says_how_to_install_and_keeps_the_html(
    no_pdf_tool: NoPdfTool,
) -> None:
    result = no_pdf_tool.report
    assert result.returncode not in (0, None), result.describe()
    assert TRACEBACK not in result.stderr, result.describe()
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and _says_how_to_install(errors[0]), result.describe()
    (folder,) = pair_folders(no_pdf_tool.report_out)
    assert (folder / "report.html").read_bytes().rstrip().endswith(b"</html>")
    assert not (folder / "report.pdf").exists()
    assert temporaries(no_pdf_tool.report_out) == []


def test_build_without_pdf_tool_says_how_to_install_and_keeps_the_html(
    no_pdf_tool: NoPdfTool,
) -> None:
    result = no_pdf_tool.build
    assert result.returncode == 1, result.describe()
    assert TRACEBACK not in result.stderr, result.describe()
    assert any(_says_how_to_install(line) for line in result.stderr.splitlines()), result.stderr
    assert summary_of(result)["failed"] == 1
    (folder,) = pair_folders(no_pdf_tool.build_out)
    assert (folder / "report.html").read_bytes().rstrip().endswith(b"</html>")
    assert list(no_pdf_tool.build_out.rglob("*.pdf")) == []
    assert (no_pdf_tool.build_out / "index.html").is_file()
    assert temporaries(no_pdf_tool.build_out) == []


# ---------------------------------------------------------------------------------------------
# Promise 4: reproducible.


@pytest.mark.parametrize("table", ["facts.csv", "conflicts.csv", "roles.csv"])
def test_two_ingests_give_byte_identical_tables(table: str, race: Race, repro: Repro) -> None:
    first, second = race.processed / table, repro.processed / table
    assert first.read_bytes() == second.read_bytes()


def _two_forced_builds(race: Race, repro: Repro) -> list[str]:
    assert race.waiter.returncode == 0, race.waiter.describe()  # a forced build, once released
    assert repro.build.returncode == 0, repro.build.describe()
    assert summary_of(repro.build)["built"] == 3
    reports = sorted(f for f in relative_visible(race.out) if f.endswith("/report.html"))
    assert reports == sorted(f for f in relative_visible(repro.out) if f.endswith("/report.html"))
    assert len(reports) == 3
    return reports


def test_two_forced_builds_give_the_same_report_text(race: Race, repro: Repro) -> None:
    for name in _two_forced_builds(race, repro):
        first, second = visible_text(race.out / name), visible_text(repro.out / name)
        assert len(first) > 1000
        assert first == second, name


def test_two_forced_builds_give_byte_identical_figures(race: Race, repro: Repro) -> None:
    for name in _two_forced_builds(race, repro):
        first, second = figures(race.out / name), figures(repro.out / name)
        assert first, f"{name} has no embedded PNG figure"
        assert all(png.startswith(b"\x89PNG\r\n\x1a\n") for png in first)
        assert len(first) == len(second), name
        for i, (a, b) in enumerate(zip(first, second, strict=True)):
            assert a == b, f"{name}: figure {i} differs"
