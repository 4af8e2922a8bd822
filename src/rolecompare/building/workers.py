"""Building one pair's report inside a long-lived worker process (local pool or Dask).

What a report costs per pair but need not: a kernel start and its heavy imports (pandas,
seaborn, matplotlib), an exporter's set-up, a PDF engine's start. A worker keeps one warm
kernel and the process-wide exporter between pairs, so each pair pays only for its own cells
and exports. Before each notebook the kernel's namespace is cleared (`%reset -f` in a cell
tagged `remove-cell`, which the exporter drops), so no variable leaks from one pair into the
next; imported modules stay loaded, which is the point. A kernel that timed out or died is
discarded and the next pair starts a fresh one.

Workers never write into `reports/`: each job runs in the worker's private temporary folder
and returns the finished files as bytes, which the client writes (atomically). So local and
Dask builds share one code path and Dask workers need not share a disk with the client.

A job carries its pair's slice (`building.slices`): the few rows and the context its report
reads, written into the job's folder for the notebook. It never carries the collection.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rolecompare.reporting.report import FORMATS, NOTEBOOK, PairPaths, make_report, pair_paths

RESET_SOURCE = "%reset -f"


@dataclass(frozen=True)
class PairJob:
    role_a: str
    role_b: str
    formats: tuple[str, ...]
    timeout: float  # seconds for the whole notebook
    build_info: dict
    tables: dict[str, bytes]  # the pair's slice: file name -> content
    notebook: bytes | None = None  # the template; None = the installed notebooks/role_pair

    @property
    def size(self) -> int:
        """Bytes of data the job carries."""
        return sum(len(data) for data in self.tables.values())


@dataclass
class PairOutcome:
    role_a: str
    role_b: str
    ok: bool
    files: dict[str, bytes] = field(default_factory=dict)  # report.ipynb, .html, .pdf
    error: str | None = None
    failed_cell: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""
    warning: str | None = None  # e.g. the PDF tool is missing: the HTML was still made
    numbers: dict = field(default_factory=dict)  # the pair's key numbers, for the site


SCRATCH_PREFIX = "rolecompare-worker-"


def _sweep_orphaned_scratch() -> None:
    """Remove scratch folders of workers that were killed (their atexit never ran)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:  # alive, someone else's
            pass


class _WorkerState:
    """Per-thread warm kernel and scratch folder (one thread per worker is the norm)."""

    def __init__(self) -> None:
        _sweep_orphaned_scratch()
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        self.kernel = None
        self.templates: dict[bytes, Path] = {}
        atexit.register(self.close)

    def kernel_manager(self):
        if self.kernel is None or not self.kernel.has_kernel:
            from rolecompare.reporting.execute import start_kernel

            self.kernel = start_kernel(cwd=self.scratch)
        return self.kernel

    def discard_kernel(self) -> None:
        if self.kernel is not None:
            from rolecompare.reporting.execute import stop_kernel

            stop_kernel(self.kernel)
            self.kernel = None

    def template(self, notebook: bytes | None) -> Path:
        """The notebook with a leading reset cell, written once per distinct template."""
        import nbformat

        data = notebook if notebook is not None else NOTEBOOK.read_bytes()
        if data not in self.templates:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            reset = nbformat.v4.new_code_cell(RESET_SOURCE)
            reset.metadata["tags"] = ["remove-cell"]
            nb.cells.insert(0, reset)
            path = self.scratch / f"template-{len(self.templates)}.ipynb"
            nbformat.write(nb, path)
            self.templates[data] = path
        return self.templates[data]

    def close(self) -> None:
        self.discard_kernel()
        shutil.rmtree(self.scratch, ignore_errors=True)


_local = threading.local()


def _state() -> _WorkerState:
    if not hasattr(_local, "state"):
        _local.state = _WorkerState()
    return _local.state


def _write_slice(job: PairJob, job_dir: Path) -> Path:
    folder = job_dir / "inputs"
    folder.mkdir()
    for name, data in job.tables.items():
        if "/" in name or name.startswith("."):
            raise ValueError(f"unexpected slice file name {name!r}")
        (folder / name).write_bytes(data)
    return folder


def _plain(value: object) -> object:
    """A JSON value: numbers (NaN as None), text, flags."""
    import math

    if value is None or isinstance(value, bool | str | int):
        return value
    try:
        number = float(value)  # numpy scalars
    except (TypeError, ValueError):
        return str(value)
    return None if math.isnan(number) else number


def key_numbers(folder: Path, role_a: str, role_b: str) -> dict:
    """The pair's key numbers for the index and role pages, computed by the analysis functions
    its report uses (`analysis.pay_gap`, `analysis.dissimilarity`; ~40 ms on a slice, a
    quarter of `pair_summary`); {"error": ...} when they cannot be computed."""
    try:
        from rolecompare import analysis
        from rolecompare.reporting.inputs import load_pair

        inputs = load_pair(folder, role_a, role_b)
        gap = analysis.pay_gap(inputs.facts, inputs.conflicts, role_a, role_b)
        race = analysis.dissimilarity(inputs.facts, inputs.conflicts, role_a, role_b)
    except Exception as exc:  # the site shows "not published"; the report says why
        return {"error": f"{type(exc).__name__}: {exc}"}
    numbers: dict[str, object] = {"race_dissimilarity": _plain(race)}
    if gap is not None:
        numbers |= {
            "yearly_gap_low": _plain(gap.gap_low),
            "yearly_gap_high": _plain(gap.gap_high),
            "yearly_gap_percent_low": _plain(gap.percent_low),
            "yearly_gap_percent_high": _plain(gap.percent_high),
            "yearly_gap_statistic": gap.statistic,
        }
    return numbers


def _unrooted(text: str, job_dir: Path) -> str:
    """The worker's scratch folder out of published text: the executed notebook names its
    slice folder (a parameter) as `inputs`, relative to where the job ran."""
    return text.replace(f"{job_dir}/", "").replace(str(job_dir), ".")


def _unrooted_bytes(data: bytes, job_dir: Path) -> bytes:
    return _unrooted(data.decode("utf-8"), job_dir).encode("utf-8")


def run_pair_job(job: PairJob) -> PairOutcome:
    """Make one pair's report with `reporting.report.make_report` (the one pair pipeline) in
    this worker's warm kernel, on the job's slice; never raises for a failing pair (the
    outcome says why). A missing PDF route fails the pair with the HTML kept."""
    from rolecompare.reporting.execute import CellFailed, NotebookError
    from rolecompare.reporting.render import PdfRouteMissing

    state = _state()
    outcome = PairOutcome(job.role_a, job.role_b, ok=False, worker=f"pid {os.getpid()}")
    job_dir = Path(tempfile.mkdtemp(prefix="pair-", dir=state.scratch)).resolve()
    started = time.monotonic()
    try:
        processed = _write_slice(job, job_dir)
        paths = pair_paths(job_dir, job.role_a, job.role_b)
        try:
            result = make_report(
                job.role_a,
                job.role_b,
                processed_dir=processed,
                reports_dir=job_dir,
                formats=job.formats,
                timeout=job.timeout,
                build_info=job.build_info,
                notebook=state.template(job.notebook),
                kernel_manager=state.kernel_manager(),
            )
            outcome.seconds |= result.seconds
        except NotebookError as exc:
            if not isinstance(exc, CellFailed):
                state.discard_kernel()  # timed out or died: never reuse it
            else:
                outcome.failed_cell = exc.describe_cell()
            text = str(exc).replace(str(paths.notebook), "report.ipynb")
            outcome.error = _unrooted(text, job_dir)
            _collect(outcome, paths, job_dir)
            return outcome
        except PdfRouteMissing as exc:  # the HTML is written before the PDF is tried
            outcome.warning = outcome.error = str(exc)
        _collect(outcome, paths, job_dir)
        counted = time.monotonic()
        outcome.numbers = key_numbers(processed, job.role_a, job.role_b)
        outcome.seconds["numbers"] = time.monotonic() - counted
        outcome.ok = outcome.error is None
        return outcome
    except Exception as exc:  # an export or I/O failure fails this pair only
        outcome.error = f"{type(exc).__name__}: {exc}"
        return outcome
    finally:
        shutil.rmtree(job_dir, ignore_errors=True)
        outcome.seconds["total"] = time.monotonic() - started


def _collect(outcome: PairOutcome, paths: PairPaths, job_dir: Path) -> None:
    """The files the pair's folder holds, as bytes (the notebook without the worker's paths)."""
    if paths.notebook.exists():
        outcome.files["report.ipynb"] = _unrooted_bytes(paths.notebook.read_bytes(), job_dir)
    for fmt in FORMATS:
        if paths.of(fmt).exists():
            outcome.files[paths.of(fmt).name] = paths.of(fmt).read_bytes()
