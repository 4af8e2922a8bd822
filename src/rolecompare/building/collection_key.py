"""The collection's key: one hash of everything a build reads, so that a build with nothing
to do stops at once instead of fingerprinting every pair.

The key covers the processed tables (the bytes of the file each would be read from: the
Parquet file while it is current, else the CSV), `ingest.json`, the notebook, the library
code a report runs, the site's code, the formats, what `--pairs` and `--only` asked for,
and the context the last build stored. A build that ends with every planned pair built
records the key with the planned pairs (`STATE_KEY`); the next build whose key is the same,
finds every report file and the index in place, and finds no build cut short since, has
nothing to do. Any other build deletes the record before it writes anything, so a build
killed midway can never be mistaken for a finished one.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rolecompare.building.manifest import Manifest
from rolecompare.building.plan import Pair, PairsSpec
from rolecompare.core.tables import parquet_is_current

STATE_KEY = "collection-key"
TABLES = ("facts", "conflicts", "pages", "roles")
CHUNK = 1 << 20


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def tables_digest(processed_dir: Path) -> str:
    """The content hash of the files a build reads its tables from."""
    folder = Path(processed_dir)
    parts = []
    for name in TABLES:
        suffix = "parquet" if parquet_is_current(folder, name) else "csv"
        path = folder / f"{name}.{suffix}"
        parts.append(f"{name}.{suffix}:{_file_digest(path) if path.is_file() else '-'}")
    ingest = folder / "ingest.json"
    parts.append(f"ingest.json:{_file_digest(ingest) if ingest.is_file() else '-'}")
    return "|".join(parts)


def _spec_text(spec: PairsSpec) -> str:
    files = [[str(f.path), list(f.rows)] for f in spec.files]
    return json.dumps([spec.pages, spec.all, spec.nearest, files])


def collection_key(
    tables: str,
    context: bytes | None,
    *,
    spec: PairsSpec,
    only: Sequence[str],
    formats: Sequence[str],
    notebook: bytes,
) -> str:
    """The key of a build of these tables (`tables_digest`) in this stored context with these
    settings (see the module docstring)."""
    from rolecompare.building.fingerprints import code_fingerprint, sha
    from rolecompare.building.site import site_code

    parts = [
        tables,
        sha(notebook),
        code_fingerprint(),
        site_code(),
        ",".join(formats),
        _spec_text(spec),
        ",".join(only),
        sha(context) if context else "-",
    ]
    return sha("\n".join(parts))


@dataclass
class Finished:
    """What the last complete build recorded: its key, its pairs and what it printed."""

    key: str
    pairs: list[Pair]
    notes: list[str]
    context_drawn: str

    def to_bytes(self) -> bytes:
        data = {"key": self.key, "pairs": self.pairs, "notes": self.notes,
                "context_drawn": self.context_drawn}  # fmt: skip
        return zlib.compress(json.dumps(data).encode(), 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> Finished | None:
        try:
            raw = json.loads(zlib.decompress(data))
            pairs = [(str(a), str(b)) for a, b in raw["pairs"]]
            return cls(str(raw["key"]), pairs, list(raw["notes"]), str(raw["context_drawn"]))
        except (zlib.error, ValueError, KeyError, TypeError):
            return None  # unreadable: the slow path decides


def finished(manifest: Manifest | None) -> Finished | None:
    stored = manifest.get(STATE_KEY) if manifest else None
    return Finished.from_bytes(stored) if stored else None


def nothing_to_do(
    last: Finished | None, key: str, reports: Path, formats: Sequence[str], *, pending: bool
) -> bool:
    """True when the last complete build had this key and its files are all still there."""
    if last is None or last.key != key or pending:
        return False
    if not (Path(reports) / "index.html").is_file():
        return False
    from rolecompare.building.paths import pair_folder

    base = os.fspath(reports)
    names = [f"report.{fmt}" for fmt in formats]
    isfile = os.path.isfile
    for a, b in last.pairs:  # one stat per report file: the only per-pair work left
        folder = os.path.join(base, pair_folder(a, b))
        if not all(isfile(os.path.join(folder, name)) for name in names):
            return False
    return True
