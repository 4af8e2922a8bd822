"""Run a parameterized notebook with papermill and turn its failures into typed errors.

`execute_notebook` calls `papermill.execute_notebook` in-process. The executed copy is written
beside `output` under a hidden temporary name while the kernel runs (papermill saves it after
every cell) and renamed onto `output` at the end -- on success and on failure alike, because on
failure it is the debugging copy: it holds the traceback and every output up to the failing
cell. Readers of `output` therefore never see a half-written notebook.

Failures come back typed (`CellFailed`, `NotebookTimeout`, `KernelDied`, all `NotebookError`)
and say which cell: its 1-based number among the template's code cells and its first line.
Cells are counted as in the template, i.e. without papermill's injected-parameters cell.

By default each call starts a kernel and kills it at the end (``shutdown_kernel="immediate"``:
every output has been received by then, and a kernel stuck in a timed-out cell could not
answer a polite shutdown request anyway). A long-lived worker can instead keep one warm kernel
(`start_kernel` / `stop_kernel`) and pass it as `kernel_manager`: a trivial notebook then
takes ~0.3 s instead of a kernel start of 1-3 s plus the notebook's imports.

Which Python runs the notebook
------------------------------
The kernel named ``python3`` always runs on *this* interpreter (`sys.executable`), i.e. the
project's virtualenv, whatever kernelspecs are installed elsewhere. Left to itself,
jupyter_client looks ``python3`` up in `jupyter_path("kernels")`: `$JUPYTER_PATH` first, then
the virtualenv's ``share/jupyter/kernels`` (only while ``JUPYTER_PREFER_ENV_PATH`` is unset or
true *and* the current user owns the virtualenv), then ``~/.local/share/jupyter/kernels``,
``/usr/local/share/jupyter/kernels`` and ``/usr/share/jupyter/kernels``. Under the project's
virtualenv that happens to find ipykernel's own spec (``argv[0] == "python"``, which
jupyter_client swaps for `sys.executable`), but a ``python3`` spec in `$JUPYTER_PATH`, a
``JUPYTER_PREFER_ENV_PATH=0`` or a virtualenv owned by another user (CI images, containers)
would silently run the report on some other Python with other package versions. So the kernel
manager used here (`_VenvKernelManager`) resolves ``python3`` to
``[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]`` directly; any other
kernel name goes through the normal lookup.

Parameters
----------
papermill writes each parameter into an injected cell as a Python literal
(`papermill.translators.PythonTranslator`): strings are escaped with the ``unicode_escape``
codec (backslashes, newlines, control and non-ASCII characters become escapes) and then ``"``
becomes ``\\"``, inside double quotes -- a string cannot break out of its literal. Numbers,
bools, None, lists and dicts (of those) are also literal. Anything else (a `Path`, a tuple,
a numpy scalar) would be pasted as ``f'"{value}"'`` *without escaping*, and a parameter *name*
is pasted verbatim, so `execute_notebook` converts paths to strings, tuples to lists and numpy
scalars to Python ones, and refuses any other type and any name that is not an identifier.
"""

from __future__ import annotations

import keyword
import os
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat
import papermill
import zmq
from jupyter_client.kernelspec import NATIVE_KERNEL_NAME, KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager, KernelManager
from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.exceptions import PapermillExecutionError
from traitlets import default

from rolecompare.atomic import TEMP_PREFIX

__all__ = [
    "CellFailed",
    "KernelDied",
    "NotebookError",
    "NotebookTimeout",
    "execute_notebook",
    "start_kernel",
    "stop_kernel",
]

_INJECTED_TAG = "injected-parameters"  # papermill tags the cell it adds with this
_ERROR_MARKER_TAG = "papermill-error-cell-tag"  # ...and the cells it adds around a failure
_HEAD_IN_MESSAGE = 60  # characters of the failing cell's first line quoted in messages


class NotebookError(RuntimeError):
    """Executing a notebook failed. `notebook` is the executed copy kept for debugging.

    `cell_index` (0-based, among all cells), `cell_number` (1-based, among code cells) and
    `source_head` (first non-blank line of the cell) locate the cell that was running, when
    known; the numbering is that of the template, i.e. papermill's injected-parameters cell and
    its error-marker cells are not counted.
    """

    def __init__(
        self,
        message: str,
        *,
        notebook: Path,
        cell_index: int | None = None,
        cell_number: int | None = None,
        source_head: str | None = None,
    ) -> None:
        super().__init__(message)
        self.notebook = notebook
        self.cell_index = cell_index
        self.cell_number = cell_number
        self.source_head = source_head

    def describe_cell(self) -> str:
        """Where it happened, as in the message: ``cell 7 (`gap = pay_gap(...)`)``."""
        return _describe_cell(self.cell_number, self.source_head)


class CellFailed(NotebookError):
    """A cell raised an exception; `ename` and `evalue` are its type name and message."""

    def __init__(
        self,
        *,
        notebook: Path,
        cell_index: int | None,
        cell_number: int | None,
        source_head: str,
        ename: str,
        evalue: str,
    ) -> None:
        where = _describe_cell(cell_number, source_head)
        super().__init__(
            f"{where} raised {ename}: {evalue}; executed notebook kept at {notebook}",
            notebook=notebook,
            cell_index=cell_index,
            cell_number=cell_number,
            source_head=source_head,
        )
        self.ename = ename
        self.evalue = evalue


class NotebookTimeout(NotebookError):
    """A cell ran longer than the per-cell timeout (the kernel was shut down)."""


class KernelDied(NotebookError):
    """The kernel process died (crashed, was killed, ran out of memory, called os._exit)."""


class _VenvKernelSpecManager(KernelSpecManager):
    """Resolves ``python3`` to ipykernel on this interpreter; other names as usual."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        if kernel_name == NATIVE_KERNEL_NAME:
            return KernelSpec(
                name=NATIVE_KERNEL_NAME,
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name=f"Python {sys.version_info[0]} (ipykernel, {sys.prefix})",
                language="python",
                kernel_protocol_version="5.5",
                metadata={"debugger": True, "supported_encryption": ["curve"]},
            )
        return super().get_kernel_spec(kernel_name)


class _VenvKernelManager(AsyncKernelManager):
    """nbclient's default kernel manager, with `_VenvKernelSpecManager` for spec lookup.

    Also encrypts the kernel's ZeroMQ traffic (CurveZMQ keys made per kernel by
    jupyter_client) when pyzmq supports it, which ipykernel otherwise warns about on stderr.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._clients: list[Any] = []

    @default("kernel_spec_manager")
    def _default_kernel_spec_manager(self) -> KernelSpecManager:
        return _VenvKernelSpecManager(data_dir=self.data_dir)

    def client(self, **kwargs: Any) -> Any:
        """A client, remembered so its channels (and heartbeat thread) can be closed later:
        nbclient leaves a client it made for a kernel it does not own open."""
        kc = super().client(**kwargs)
        self._clients.append(kc)
        return kc

    def close_clients(self) -> None:
        while self._clients:
            self._clients.pop().stop_channels()

    @default("transport_encryption")
    def _default_transport_encryption(self) -> str:
        return "auto" if zmq.has("curve") else "disabled"


def execute_notebook(
    template: Path,
    output: Path,
    parameters: dict[str, object],
    *,
    cwd: Path | None = None,
    cell_timeout: float | None = 600,
    kernel_name: str = "python3",
    progress: bool = False,
    deadline: float | None = None,
    kernel_manager: KernelManager | None = None,
) -> nbformat.NotebookNode:
    """Execute `template` with `parameters` injected; write the executed copy to `output`.

    `cwd` is the kernel's working directory (default: this process's). It is handed to the
    kernel process only -- unlike papermill's own `cwd`, this process never `chdir`s, so
    threads of a long-lived worker are unaffected. `cell_timeout` is in seconds per cell
    (fractions allowed; None means no limit). Returns the executed notebook.

    Extensions for long-lived workers: `deadline` is a `time.monotonic()` instant by which the
    whole notebook must be done (each cell's limit is the smaller of `cell_timeout` and the
    time left). `kernel_manager` is a running kernel from `start_kernel` to run in instead of
    starting one (then `cwd` and `kernel_name` are the kernel's own); it is left running --
    whoever started it stops it with `stop_kernel`, and should after a NotebookTimeout or
    KernelDied. The notebook then shares the kernel's namespace with earlier runs.

    Raises CellFailed, NotebookTimeout or KernelDied (all NotebookError); the executed copy is
    kept at `output` in every case where papermill got as far as writing it. TypeError or
    ValueError for a parameter papermill could not inject safely.
    """
    template = Path(template)
    output = Path(output)
    safe_parameters = {name: _literal_safe(value, name) for name, value in parameters.items()}
    for name in safe_parameters:
        if not (isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)):
            raise ValueError(f"parameter name {name!r} is not a Python identifier")

    template_nb = nbformat.read(template, as_version=4)
    template_has_injected = any(_has_tag(cell, _INJECTED_TAG) for cell in template_nb.cells)

    output.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".ipynb", dir=output.parent)
    os.close(fd)
    scratch = Path(scratch_name)

    def cell_limit(cell: object) -> float | None:
        limits = [cell_timeout] if cell_timeout else []
        if deadline is not None:  # at least a moment: nbclient reads 0 as "no limit"
            limits.append(max(deadline - time.monotonic(), 0.001))
        return min(limits, default=None)

    engine_options: dict[str, object] = {
        "kernel_manager_class": _VenvKernelManager,
        # nbclient's `timeout` trait is an Integer; `timeout_func` takes any number of seconds.
        "timeout_func": cell_limit,
        "shutdown_kernel": "immediate",  # see the module docstring
    }
    if kernel_manager is not None:
        engine_options["km"] = kernel_manager
    elif cwd is not None:
        # nbclient starts the kernel in resources["metadata"]["path"] (no chdir here).
        engine_options["resources"] = {"metadata": {"path": str(Path(cwd).resolve())}}

    try:
        nb = papermill.execute_notebook(
            _no_braces(str(template)),  # papermill str.format()s both paths with the parameters
            _no_braces(str(scratch)),
            safe_parameters,
            kernel_name=kernel_name,
            language="python" if kernel_name == NATIVE_KERNEL_NAME else None,
            progress_bar=progress,
            log_output=False,
            **engine_options,
        )
    except BaseException as exc:
        kept = _keep(scratch, output)
        past_deadline = deadline is not None and time.monotonic() >= deadline - 0.01
        limit = "the notebook's time limit" if past_deadline else _seconds(cell_timeout)
        typed = _typed_error(exc, kept, output, template_has_injected, limit, kernel_name)
        if typed is None:
            raise
        raise typed from exc
    finally:
        if isinstance(kernel_manager, _VenvKernelManager):
            kernel_manager.close_clients()
    _keep(scratch, output, nb)
    return nb


def start_kernel(
    *, cwd: Path | None = None, kernel_name: str = "python3", startup_timeout: float = 60
) -> KernelManager:
    """Start a kernel (on this interpreter for ``python3``, see above) and wait until it answers.

    For `execute_notebook(..., kernel_manager=...)`: a worker keeps one warm kernel across many
    notebooks instead of paying a kernel start (and the notebook's imports) for each.
    """
    km = _VenvKernelManager(kernel_name=kernel_name)
    options = {"cwd": str(Path(cwd).resolve())} if cwd is not None else {}
    run_sync(km.start_kernel)(**options)
    try:
        kc = km.client()
        kc.start_channels()
        run_sync(kc.wait_for_ready)(timeout=startup_timeout)
    except BaseException:
        stop_kernel(km)
        raise
    finally:
        km.close_clients()
    return km


def stop_kernel(kernel_manager: KernelManager) -> None:
    """Stop a kernel from `start_kernel` at once (also one that is busy, hung or dead)."""

    async def stop() -> None:
        try:
            if await ensure_async(kernel_manager.is_alive()):
                await ensure_async(kernel_manager.shutdown_kernel(now=True))
        finally:
            await ensure_async(kernel_manager.cleanup_resources())

    if isinstance(kernel_manager, _VenvKernelManager):
        kernel_manager.close_clients()
    run_sync(stop)()


def _typed_error(
    exc: BaseException,
    kept: nbformat.NotebookNode | None,
    output: Path,
    template_has_injected: bool,
    limit: str,
    kernel_name: str,
) -> NotebookError | None:
    """The NotebookError for what papermill/nbclient raised, or None to let it through."""
    if isinstance(exc, PapermillExecutionError):
        index, number, head = _locate(kept, exc.cell_index, template_has_injected)
        return CellFailed(
            notebook=output,
            cell_index=index,
            cell_number=number,
            source_head=head if head is not None else _first_line(exc.source),
            ename=exc.ename,
            evalue=exc.evalue,
        )
    if isinstance(exc, CellTimeoutError):
        index, number, head = _locate(kept, _running_cell(kept), template_has_injected)
        return NotebookTimeout(
            f"{_describe_cell(number, head)} ran past {limit}; executed notebook kept at {output}",
            notebook=output,
            cell_index=index,
            cell_number=number,
            source_head=head,
        )
    if isinstance(exc, DeadKernelError):
        index, number, head = _locate(kept, _running_cell(kept), template_has_injected)
        return KernelDied(
            f"the kernel died while running {_describe_cell(number, head)}; "
            f"executed notebook kept at {output}",
            notebook=output,
            cell_index=index,
            cell_number=number,
            source_head=head,
        )
    if isinstance(exc, RuntimeError) and "Kernel died" in str(exc):
        # jupyter_client's wait_for_ready(): the kernel exited before it ever answered.
        return KernelDied(
            f"the kernel died while starting ({exc}); kernel {kernel_name!r} from {sys.executable}",
            notebook=output,
        )
    return None


def _seconds(cell_timeout: float | None) -> str:
    return f"the {cell_timeout:g} s cell timeout" if cell_timeout else "its time limit"


def _literal_safe(value: object, where: str) -> object:
    """`value` in a form papermill's PythonTranslator writes as an escaped Python literal."""
    # Exact built-in types: papermill writes ints and floats with f"{value}", so a subclass
    # (an IntEnum, np.float64) could format itself as anything. nan/inf are handled by papermill.
    for plain in (bool, int, float, str):
        if isinstance(value, plain):
            return plain(value) if plain is not str else str.__str__(value)
    if value is None:
        return None
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, list | tuple):
        return [_literal_safe(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, Mapping):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"parameter {where}: dict keys must be str, got {key!r}")
            result[key] = _literal_safe(item, f"{where}[{key!r}]")
        return result
    item = getattr(value, "item", None)  # numpy scalars: np.int64 is no int, np.str_ is a str
    if callable(item) and getattr(value, "ndim", None) == 0:
        plain = item()
        if plain is None or isinstance(plain, bool | int | float | str):
            return plain
    raise TypeError(
        f"parameter {where}: {type(value).__name__} cannot be injected into a notebook; "
        "pass str, int, float, bool, None, or lists/dicts of those"
    )


def _no_braces(path: str) -> str:
    return path.replace("{", "{{").replace("}", "}}")


def _keep(
    scratch: Path, output: Path, nb: nbformat.NotebookNode | None = None
) -> nbformat.NotebookNode | None:
    """Move papermill's copy onto `output` (atomically) and return it, None if there is none.

    Its papermill metadata is corrected on the way to name `output`, not the scratch file.
    """
    if not scratch.exists():
        return None
    if scratch.stat().st_size == 0:  # still the empty file mkstemp made
        scratch.unlink(missing_ok=True)
        return None
    if nb is None:
        try:
            nb = nbformat.read(scratch, as_version=4)
        except Exception:  # unparseable, but still what whoever debugs wants to see
            nb = None
    if nb is not None:
        nb.metadata.setdefault("papermill", {})["output_path"] = str(output)
        nbformat.write(nb, scratch)
    with scratch.open("rb") as handle:
        os.fsync(handle.fileno())
    os.chmod(scratch, 0o644)
    os.replace(scratch, output)
    return nb


def _running_cell(nb: nbformat.NotebookNode | None) -> int | None:
    """Index of the last cell papermill started (the one running when execution stopped)."""
    if nb is None:
        return None
    cells = [cell for cell in nb.cells if not _has_tag(cell, _ERROR_MARKER_TAG)]
    started = [
        index
        for index, cell in enumerate(cells)
        if cell.get("metadata", {}).get("papermill", {}).get("start_time")
    ]
    return started[-1] if started else None


def _locate(
    nb: nbformat.NotebookNode | None, index: int | None, template_has_injected: bool
) -> tuple[int | None, int | None, str | None]:
    """Map papermill's cell index to the template's (cell_index, cell_number, source_head).

    papermill's index counts its injected-parameters cell but not the error-marker cells it
    inserts afterwards; drop the markers to recover its list, and skip the injected cell
    unless the template already had one (which papermill then replaced in place).
    """
    if nb is None or index is None:
        return None, None, None
    cells = [cell for cell in nb.cells if not _has_tag(cell, _ERROR_MARKER_TAG)]
    if not 0 <= index < len(cells):
        return None, None, None
    failing = cells[index]
    if failing.cell_type != "code":
        return None, None, _first_line(failing.source)
    counted = [
        cell for cell in cells[:index] if template_has_injected or not _has_tag(cell, _INJECTED_TAG)
    ]
    cell_index = len(counted)
    cell_number = 1 + sum(1 for cell in counted if cell.cell_type == "code")
    return cell_index, cell_number, _first_line(failing.source)


def _has_tag(cell: nbformat.NotebookNode, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def _first_line(source: str | list[str] | None) -> str:
    if isinstance(source, list):
        source = "".join(source)
    for line in (source or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def _describe_cell(number: int | None, head: str | None) -> str:
    if number is None:
        return "a cell"
    if not head:
        return f"cell {number}"
    if len(head) > _HEAD_IN_MESSAGE:
        head = head[: _HEAD_IN_MESSAGE - 1] + "…"
    return f"cell {number} (`{head}`)"
