"""Writing files so that no reader ever sees half of one, and locking an output folder.

Every output of the project goes through here: the file is written under a hidden temporary
name in the same folder, flushed to disk, then renamed over the target (rename is atomic on
POSIX), so an interrupted run leaves either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

if TYPE_CHECKING:
    import pandas as pd

TEMP_PREFIX = ".tmp-"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on error it goes."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_csv(target: Path, frame: pd.DataFrame) -> None:
    with atomic_path(target) as tmp:
        frame.to_csv(tmp, index=False, lineterminator="\n")


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Build a whole folder under a temporary name, then swap it in place of `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=target.parent))
    try:
        yield tmp
        old = None
        if target.exists():
            old = target.with_name(f"{TEMP_PREFIX}old-{target.name}-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def sweep_temporaries(folder: Path, *, depth: int = 1) -> list[Path]:
    """Remove temporary files a killed run left in `folder` (and its subfolders, to `depth`).

    Call only while holding `locked(folder)`: then no live writer owns any of them.
    """
    removed: list[Path] = []
    patterns = [f"{TEMP_PREFIX}*"] + [
        "/".join(["*"] * level + [f"{TEMP_PREFIX}*"]) for level in range(1, depth + 1)
    ]
    for pattern in patterns:
        for path in Path(folder).glob(pattern):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


class FolderBusy(RuntimeError):
    """Another rolecompare process holds the lock on an output folder."""

    def __init__(self, folder: Path, waited: float) -> None:
        super().__init__(
            f"{folder} is being written by another rolecompare run (waited {waited:g}s); "
            "wait for it to finish, or pass a longer --wait"
        )
        self.folder = folder


@contextlib.contextmanager
def locked(folder: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (a `.lock` file inside it) for the duration."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder / ".rolecompare.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        if wait <= 0:
            raise FolderBusy(folder, wait) from exc
        # said once, so that a user (and a test) knows the run is waiting, not stuck
        print(f"rolecompare: waiting up to {wait:g}s for another rolecompare run to finish "
              f"writing {folder}", file=sys.stderr, flush=True)  # fmt: skip
        try:
            lock.acquire(timeout=wait)
        except Timeout as busy:
            raise FolderBusy(folder, wait) from busy
    try:
        yield
    finally:
        lock.release()
