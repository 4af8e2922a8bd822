"""`./run lab` opens JupyterLab on the project's kernel for whoever runs the README's
commands, root included: started here exactly as ./run starts it (`.ci/lab`, with
--no-browser on a free port), asked over its REST API for the kernels and the notebooks,
then stopped."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(port: int, token: str, path: str) -> dict | list:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"token {token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_run_lab_serves_the_notebooks_on_the_project_kernel(tmp_path: Path) -> None:
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, "VENV": str(Path(sys.executable).parents[1]), "HOME": str(tmp_path),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}  # fmt: skip
    args = [str(ROOT / ".ci" / "lab"), "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}"]  # fmt: skip
    log = (tmp_path / "lab.log").open("wb")
    lab = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        specs = None
        for _ in range(600):  # it answers once it has started (or the test fails below)
            if lab.poll() is not None:
                break
            try:
                specs = ask(port, token, "/api/kernelspecs")
                break
            except OSError:
                time.sleep(0.1)
        assert specs is not None, (tmp_path / "lab.log").read_text(errors="replace")
        assert specs["default"] == "rolecompare"
        kernel = specs["kernelspecs"]["rolecompare"]["spec"]
        assert Path(kernel["argv"][0]).resolve() == Path(sys.executable).resolve()
        listing = ask(port, token, "/api/contents/")
        names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
        assert {"role_pair.ipynb", "explore.ipynb"} <= names
        notebook = ask(port, token, "/api/contents/role_pair.ipynb")
        assert any(
            "parameters" in c["metadata"].get("tags", []) for c in notebook["content"]["cells"]
        )
    finally:
        if lab.poll() is None:
            lab.send_signal(signal.SIGTERM)  # the server this test started, by its pid
            lab.wait(30)
        log.close()
