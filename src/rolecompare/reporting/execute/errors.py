"""Typed errors of a notebook run, and where in the notebook they happened.

papermill and nbclient raise their own exceptions; `typed_error` turns them into `CellFailed`,
`NotebookTimeout` or `KernelDied` (all `NotebookError`), which name the cell that was running:
its 1-based number among the template's code cells and its first line. Cells are counted as in
the template, i.e. without papermill's injected-parameters cell and its error-marker cells.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.exceptions import PapermillExecutionError

INJECTED_TAG = "injected-parameters"  # papermill tags the cell it adds with this
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


def typed_error(
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
        cell for cell in cells[:index] if template_has_injected or not _has_tag(cell, INJECTED_TAG)
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
