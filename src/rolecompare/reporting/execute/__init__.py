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

from rolecompare.reporting.execute.errors import (
    CellFailed,
    KernelDied,
    NotebookError,
    NotebookTimeout,
    _describe_cell,
    _first_line,
)
from rolecompare.reporting.execute.kernels import start_kernel, stop_kernel
from rolecompare.reporting.execute.run import execute_notebook

__all__ = [
    "CellFailed",
    "KernelDied",
    "NotebookError",
    "NotebookTimeout",
    "_describe_cell",
    "_first_line",
    "execute_notebook",
    "start_kernel",
    "stop_kernel",
]
