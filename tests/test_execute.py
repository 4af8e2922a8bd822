"""rolecompare.reporting.execute: papermill runs, typed failures, safe parameters, kernels."""

from __future__ import annotations

import ast
import json
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jupyter_client.kernelspec import KernelSpecManager
from papermill.translators import PythonTranslator

from rolecompare.reporting.execute import (
    CellFailed,
    KernelDied,
    NotebookError,
    NotebookTimeout,
    execute_notebook,
    start_kernel,
    stop_kernel,
)

NOTEBOOKS = Path(__file__).resolve().parent / "fixtures" / "notebooks"

# A value that would end the string literal, run code and comment out the rest, were it pasted
# into the injected cell unescaped; plus a backslash that would escape a closing quote.
HOSTILE = "a\"; import os; os._exit(3) #\n'b"
HOSTILE_MORE = [
    HOSTILE,
    "back\\slash at the end\\",
    '"""triple"""' + "'''quotes'''",
    "line1\r\nline2\ttab\x00nul\x1bESC",
    "ünïcödé — “quotes” 🚀 \u2028 separator",
    "{role_a} {0} %s $HOME `id`",
]


def _stdout_json(nb: nbformat.NotebookNode) -> dict:
    """The JSON object the fixture notebook prints from its last cell."""
    texts = [
        output["text"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stdout"
    ]
    assert texts, "the notebook printed nothing"
    return json.loads(texts[-1])


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".tmp-"))


# ---- no kernel -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(value=st.text())
def test_papermill_writes_any_string_as_one_literal(value: str) -> None:
    """What papermill injects for a str parameter parses to one assignment of that very str."""
    source = PythonTranslator.codify({"note": value})
    tree = ast.parse(source)
    assert len(tree.body) == 1
    (assign,) = tree.body
    assert isinstance(assign, ast.Assign)
    assert [target.id for target in assign.targets] == ["note"]
    assert ast.literal_eval(assign.value) == value


def test_cells_are_named_by_their_first_line() -> None:
    from rolecompare.reporting import execute

    assert execute._first_line("\n   \n  gap = pay_gap(a, b)\nmore") == "gap = pay_gap(a, b)"
    assert execute._describe_cell(7, "x = 1") == "cell 7 (`x = 1`)"
    assert execute._describe_cell(2, "y" * 100) == f"cell 2 (`{'y' * 59}…`)"
    assert execute._describe_cell(None, None) == "a cell"


def test_unsafe_parameter_names_and_types_are_refused(tmp_path: Path) -> None:
    template = NOTEBOOKS / "parameters.ipynb"
    with pytest.raises(ValueError, match="not a Python identifier"):
        execute_notebook(template, tmp_path / "out.ipynb", {"x = 1; import os": 1})
    with pytest.raises(TypeError, match="cannot be injected"):
        execute_notebook(template, tmp_path / "out.ipynb", {"note": object()})
    with pytest.raises(TypeError, match="dict keys must be str"):
        execute_notebook(template, tmp_path / "out.ipynb", {"note": {1: "one"}})
    assert not (tmp_path / "out.ipynb").exists()
    assert _leftovers(tmp_path) == []


# ---- real kernels ----------------------------------------------------------------------------


@pytest.mark.slow
def test_parameters_reach_a_kernel_on_this_interpreter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A python3 kernelspec that jupyter_client would pick first ($JUPYTER_PATH), pointing at
    # some other Python: execute_notebook must not use it.
    spec_dir = tmp_path / "jupyter" / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [
                    "/nonexistent/python3",
                    "-m",
                    "ipykernel_launcher",
                    "-f",
                    "{connection_file}",
                ],
                "display_name": "Some other Python",
                "language": "python",
            }
        )
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    assert KernelSpecManager().get_kernel_spec("python3").argv[0] == "/nonexistent/python3"

    workdir = tmp_path / "work"
    workdir.mkdir()
    output = tmp_path / "out" / "report.ipynb"
    nb = execute_notebook(
        NOTEBOOKS / "parameters.ipynb",
        output,
        {"role_a": "Nurse", "role_b": Path("/roles/teacher"), "years": 12},
        cwd=workdir,
    )

    seen = _stdout_json(nb)
    assert seen["role_a"] == "Nurse"
    assert seen["role_b"] == "/roles/teacher"  # a Path arrives as its string
    assert seen["years"] == 12
    assert seen["note"] == ""  # the notebook's own default, not overridden
    assert seen["executable"] == sys.executable
    assert Path(seen["cwd"]).resolve() == workdir.resolve()

    saved = nbformat.read(output, as_version=4)
    assert _stdout_json(saved) == seen
    assert saved.metadata.papermill["output_path"] == output.name  # no path of this machine
    assert "/" not in saved.metadata.papermill["input_path"]
    assert _leftovers(output.parent) == []


@pytest.mark.slow
def test_hostile_strings_arrive_verbatim(tmp_path: Path) -> None:
    nb = execute_notebook(
        NOTEBOOKS / "parameters.ipynb",
        tmp_path / "out.ipynb",
        {"role_a": HOSTILE, "role_b": HOSTILE_MORE, "note": {"k'\"\\": HOSTILE}},
    )
    seen = _stdout_json(nb)  # the kernel did not _exit(3): we got here, and it printed
    assert seen["role_a"] == HOSTILE
    assert seen["role_b"] == HOSTILE_MORE
    assert seen["note"] == {"k'\"\\": HOSTILE}


@pytest.mark.slow
def test_failing_cell_is_reported_with_its_place(tmp_path: Path) -> None:
    output = tmp_path / "reports" / "x" / "report.ipynb"
    with pytest.raises(CellFailed) as caught:
        execute_notebook(NOTEBOOKS / "fails.ipynb", output, {"threshold": 2})
    error = caught.value

    # fails.ipynb: markdown, code (parameters), markdown, code, code <- raises, code
    assert error.cell_number == 3
    assert error.cell_index == 4
    assert error.source_head == 'gap = pay["teacher"] - pay["nurse"]  # KeyError'
    assert error.ename == "KeyError"
    assert error.evalue == "'teacher'"
    assert error.notebook == output
    assert error.describe_cell() == 'cell 3 (`gap = pay["teacher"] - pay["nurse"]  # KeyError`)'
    assert str(error) == (
        'cell 3 (`gap = pay["teacher"] - pay["nurse"]  # KeyError`) raised KeyError: '
        f"'teacher'; executed notebook kept at {output}"
    )

    kept = nbformat.read(output, as_version=4)
    errors = [o for c in kept.cells if c.cell_type == "code" for o in c.outputs if "ename" in o]
    assert [(o.ename, o.evalue) for o in errors] == [("KeyError", "'teacher'")]
    assert _leftovers(output.parent) == []


@pytest.mark.slow
def test_slow_cell_times_out(tmp_path: Path) -> None:
    output = tmp_path / "out.ipynb"
    with pytest.raises(NotebookTimeout) as caught:  # the cell sleeps 30 s: stopped at 0.5 s
        execute_notebook(NOTEBOOKS / "sleeps.ipynb", output, {}, cell_timeout=0.5)
    error = caught.value
    assert isinstance(error, NotebookError)
    assert error.cell_number == 2
    assert error.source_head == "import time"
    assert "0.5 s cell timeout" in str(error)
    assert error.notebook == output
    assert output.exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_dead_kernel_is_reported(tmp_path: Path) -> None:
    output = tmp_path / "out.ipynb"
    with pytest.raises(KernelDied) as caught:
        execute_notebook(NOTEBOOKS / "dies.ipynb", output, {})
    error = caught.value
    assert error.cell_number == 2
    assert error.source_head == "import os"
    assert str(error).startswith("the kernel died while running cell 2 (`import os`)")
    assert output.exists()
    kept = nbformat.read(output, as_version=4)
    assert not any(
        o.get("text") == "never reached\n" for c in kept.cells for o in c.get("outputs", [])
    )


@pytest.mark.slow
def test_a_warm_kernel_is_reused_until_stopped(tmp_path: Path) -> None:
    threads = threading.active_count()
    kernel = start_kernel(cwd=tmp_path)
    try:
        first = _stdout_json(
            execute_notebook(
                NOTEBOOKS / "parameters.ipynb", tmp_path / "1.ipynb", {"years": 1},
                kernel_manager=kernel,
            )
        )  # fmt: skip
        second = _stdout_json(
            execute_notebook(
                NOTEBOOKS / "parameters.ipynb", tmp_path / "2.ipynb", {"years": 2},
                kernel_manager=kernel,
            )
        )  # fmt: skip
        assert (first["years"], second["years"]) == (1, 2)
        assert first["pid"] == second["pid"]
        assert Path(first["cwd"]).resolve() == tmp_path.resolve()
        assert kernel.has_kernel
        assert threading.active_count() <= threads  # clients' channels were closed

        with pytest.raises(NotebookTimeout, match="ran past the notebook's time limit"):
            execute_notebook(
                NOTEBOOKS / "sleeps.ipynb", tmp_path / "3.ipynb", {},
                kernel_manager=kernel, deadline=time.monotonic() + 1.0,
            )  # fmt: skip
    finally:
        stop_kernel(kernel)
    assert not kernel.has_kernel
