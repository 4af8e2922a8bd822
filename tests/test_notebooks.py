"""Notebooks are stored without outputs and take their parameters from a tagged cell."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


def test_pair_notebook_has_its_parameters_cell() -> None:
    nb = nbformat.read(Path(NOTEBOOKS[0]).with_name("role_pair.ipynb"), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("role_a", "role_b", "processed_dir", "build_info_json"):
        assert f"{name} = " in tagged[0].source


def test_pair_notebook_is_thin() -> None:
    nb = nbformat.read(Path(NOTEBOOKS[0]).with_name("role_pair.ipynb"), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert len(cell.source.splitlines()) <= 30  # a screen


@pytest.mark.slow
def test_explore_notebook_runs_on_the_seed_facts(tmp_path, seed_processed) -> None:
    from rolecompare.reporting.execute import execute_notebook

    nb = execute_notebook(
        NOTEBOOKS[0].with_name("explore.ipynb"),
        tmp_path / "explore.ipynb",
        {"processed_dir": str(seed_processed)},
        cwd=tmp_path,
    )
    text = str([c.get("outputs") for c in nb.cells])
    assert "customer-relations-manager" in text
    assert "image/png" in text


@pytest.mark.slow
def test_pair_notebook_finds_the_project_tables_from_any_folder(
    tmp_path, seed_processed, monkeypatch
) -> None:
    """Run as papermill users do, with only the two roles: `processed_dir = None` is the
    project's data/processed, wherever the kernel's working directory is."""
    import shutil

    from rolecompare.reporting.execute import execute_notebook

    home = tmp_path / "project"
    shutil.copytree(seed_processed, home / "data" / "processed")
    monkeypatch.setenv("ROLECOMPARE_HOME", str(home))  # the kernel inherits it
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    nb = execute_notebook(
        NOTEBOOKS[0].with_name("role_pair.ipynb"),
        elsewhere / "pair.ipynb",
        {"role_a": "customer-care-manager", "role_b": "customer-relations-manager"},
        cwd=elsewhere,
    )
    text = str([c.get("outputs") for c in nb.cells])
    assert "Customer care manager" in text and "66,782" in text


def test_the_package_ships_the_notebook_jupyterlab_opens() -> None:
    """Reports use the package's copy (in the wheel: a file; in a checkout: a link to
    notebooks/role_pair.ipynb), found from the package, not by looking for the checkout."""
    from rolecompare import config
    from rolecompare.reporting.report import NOTEBOOK

    checkout = NOTEBOOKS[0].with_name("role_pair.ipynb")
    assert NOTEBOOK == config.PACKAGE_DIR / "notebooks" / "role_pair.ipynb"
    assert NOTEBOOK.read_bytes() == checkout.read_bytes()
    assert config.PACKAGE_DIR in NOTEBOOK.parents
