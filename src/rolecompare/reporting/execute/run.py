"""`execute_notebook`: papermill in-process, the executed copy kept atomically at `output`.

See the package docstring for the kernel, the parameters and the typed errors.
"""

from __future__ import annotations

import keyword
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import nbformat
import papermill
from jupyter_client.kernelspec import NATIVE_KERNEL_NAME
from jupyter_client.manager import KernelManager

from rolecompare.atomic import TEMP_PREFIX
from rolecompare.reporting.execute.errors import INJECTED_TAG, _has_tag, _seconds, typed_error
from rolecompare.reporting.execute.kernels import _VenvKernelManager


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
    template, output = Path(template), Path(output)
    safe_parameters = _checked_parameters(parameters)
    template_has_injected = _has_injected(template)
    scratch = _scratch_beside(output)
    engine_options = _engine_options(cell_timeout, deadline, kernel_manager, cwd)
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
        limit = _limit_hit(cell_timeout, deadline)
        typed = typed_error(exc, kept, output, template_has_injected, limit, kernel_name)
        if typed is None:
            raise
        raise typed from exc
    finally:
        if isinstance(kernel_manager, _VenvKernelManager):
            kernel_manager.close_clients()
    _keep(scratch, output, nb)
    return nb


def _limit_hit(cell_timeout: float | None, deadline: float | None) -> str:
    """Which time limit a timed-out run hit, as the error message names it."""
    past_deadline = deadline is not None and time.monotonic() >= deadline - 0.01
    return "the notebook's time limit" if past_deadline else _seconds(cell_timeout)


def _has_injected(template: Path) -> bool:
    """Whether the template already carries papermill's injected-parameters cell."""
    template_nb = nbformat.read(template, as_version=4)
    return any(_has_tag(cell, INJECTED_TAG) for cell in template_nb.cells)


def _scratch_beside(output: Path) -> Path:
    """An empty hidden file beside `output` for papermill to write while the kernel runs."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".ipynb", dir=output.parent)
    os.close(fd)
    return Path(name)


def _checked_parameters(parameters: dict[str, object]) -> dict[str, object]:
    """The parameters as literals papermill injects safely; ValueError for a bad name."""
    safe = {name: _literal_safe(value, name) for name, value in parameters.items()}
    for name in safe:
        if not (isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)):
            raise ValueError(f"parameter name {name!r} is not a Python identifier")
    return safe


def _engine_options(
    cell_timeout: float | None,
    deadline: float | None,
    kernel_manager: KernelManager | None,
    cwd: Path | None,
) -> dict[str, object]:
    """nbclient's options: each cell's limit, the kernel to use or where to start one."""

    def cell_limit(cell: object) -> float | None:
        limits = [cell_timeout] if cell_timeout else []
        if deadline is not None:  # at least a moment: nbclient reads 0 as "no limit"
            limits.append(max(deadline - time.monotonic(), 0.001))
        return min(limits, default=None)

    options: dict[str, object] = {
        "kernel_manager_class": _VenvKernelManager,
        # nbclient's `timeout` trait is an Integer; `timeout_func` takes any number of seconds.
        "timeout_func": cell_limit,
        "shutdown_kernel": "immediate",  # see the module docstring
    }
    if kernel_manager is not None:
        options["km"] = kernel_manager
    elif cwd is not None:
        # nbclient starts the kernel in resources["metadata"]["path"] (no chdir here).
        options["resources"] = {"metadata": {"path": str(Path(cwd).resolve())}}
    return options


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

    Its papermill metadata is corrected on the way to name `output` (by file name), not the
    scratch file.
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
        # file names only: a published notebook carries no path of the machine that made it
        # (papermill records the scratch copy's and the template's absolute paths)
        record = nb.metadata.setdefault("papermill", {})
        record["output_path"] = output.name
        if record.get("input_path"):
            record["input_path"] = Path(str(record["input_path"])).name
        nbformat.write(nb, scratch)
    with scratch.open("rb") as handle:
        os.fsync(handle.fileno())
    os.chmod(scratch, 0o644)
    os.replace(scratch, output)
    return nb
