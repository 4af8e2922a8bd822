"""Kernels on this interpreter: the kernel manager every notebook run uses, and warm kernels.

The kernel named ``python3`` always runs on *this* interpreter (`sys.executable`), i.e. the
project's virtualenv, whatever kernelspecs are installed elsewhere (see the package docstring
of `rolecompare.reporting.execute` for why). A long-lived worker keeps one warm kernel
(`start_kernel` / `stop_kernel`) and passes it to `execute_notebook` as `kernel_manager`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import zmq
from jupyter_client.kernelspec import NATIVE_KERNEL_NAME, KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager, KernelManager
from jupyter_core.utils import ensure_async, run_sync
from traitlets import default


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
