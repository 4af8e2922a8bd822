"""The build's memory: one SQLite file, `reports/.rolecompare/manifest.sqlite`.

One row per pair folder the build made (`pairs`): its roles, its status, the fingerprint of
its inputs, and the record of what it was built from (each input's hash, the formats, when,
how long, the hashes of its files, the error and failing cell of a failed pair) -- what
`build.json` in each pair folder used to hold. A few named blobs (`state`): the context
the build uses, the facts as the last complete build saw them (to say what changed), the
last build's summary of changes, the hashes of the site's pages.

Why one file: a no-op build of thousands of pairs reads its whole state in one query
(milliseconds) instead of opening one small file per pair. Why SQLite: each finished pair is
one transaction, committed before the next pair is written, with SQLite's rollback journal
and full sync. A build killed at any moment (even mid-commit) leaves the file as it was
after the last finished pair, so the next build resumes with exactly the unfinished pairs.
The folder starts with a dot: it is not part of what is published.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

MANIFEST_DIR = ".rolecompare"
MANIFEST_FILE = "manifest.sqlite"
LEGACY_RECORD = "build.json"  # what builds before the manifest left in each pair folder
LEGACY_ADOPTED = "legacy-adopted"  # state key: the folders were looked into once
SCHEMA = """
CREATE TABLE IF NOT EXISTS pairs (
    folder TEXT PRIMARY KEY,
    role_a TEXT NOT NULL,
    role_b TEXT NOT NULL,
    status TEXT NOT NULL,
    inputs TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
"""


def manifest_path(reports_dir: Path) -> Path:
    return Path(reports_dir) / MANIFEST_DIR / MANIFEST_FILE


class Manifest:
    """The manifest of one reports folder. Writable only under the folder's build lock."""

    def __init__(self, connection: sqlite3.Connection, *, writable: bool) -> None:
        self._db = connection
        self.writable = writable

    @classmethod
    def open(cls, reports_dir: Path) -> Manifest:
        """Open (creating it if needed) for a build that holds the lock."""
        path = manifest_path(reports_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(SCHEMA)
        manifest = cls(db, writable=True)
        manifest._adopt_legacy(Path(reports_dir))
        return manifest

    @classmethod
    def read_only(cls, reports_dir: Path) -> Manifest | None:
        """Open for reading without writing anything (dry runs, tests); None if there is none.

        A manifest whose last commit was cut short has a journal to roll back first; then it
        is opened for writing just for that (SQLite restores the last finished commit).
        """
        path = manifest_path(reports_dir)
        if not path.is_file():
            return None
        # as_uri() percent-encodes `?`, `#`, `%` and spaces: with f"file:{path}?mode=ro" a
        # folder named `mo?x` would end the path early and open another file read-write
        uri = f"{path.absolute().as_uri()}?mode=ro"
        db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
        try:
            db.execute("SELECT count(*) FROM pairs").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.executescript(SCHEMA)
        return cls(db, writable=False)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if not self.writable:
            raise PermissionError("the manifest was opened read-only")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- pairs ------------------------------------------------------------------------------

    def pairs(self) -> dict[str, dict]:
        """folder -> record (with role_a, role_b, status and inputs), in one query."""
        rows = self._db.execute("SELECT folder, record FROM pairs ORDER BY folder").fetchall()
        return {folder: json.loads(record) for folder, record in rows}

    def put_pair(self, folder: str, record: dict) -> None:
        """Record a finished pair (one commit)."""
        self.put_pairs([(folder, record)])

    def put_pairs(self, records: Iterable[tuple[str, dict]]) -> None:
        """Record finished pairs, all in one commit (folder, record)."""
        rows = [
            (folder, record["role_a"], record["role_b"], record["status"],
             record.get("inputs", ""), json.dumps(record, sort_keys=True))
            for folder, record in records
        ]  # fmt: skip
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO pairs (folder, role_a, role_b, status, inputs, record) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def remove_pair(self, folder: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM pairs WHERE folder = ?", (folder,))

    # --- named state ------------------------------------------------------------------------

    def get(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def get_json(self, key: str) -> object | None:
        data = self.get(key)
        return None if data is None else json.loads(data)

    def set(self, key: str, value: bytes) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))

    def set_json(self, key: str, value: object) -> None:
        self.set(key, json.dumps(value, sort_keys=True).encode())

    def delete(self, key: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM state WHERE key = ?", (key,))

    # --- builds before the manifest -----------------------------------------------------------

    def _adopt_legacy(self, reports: Path) -> None:
        """Pair folders an older build made (each with a build.json) become rows here, so
        that they are rebuilt or removed like any other; their build.json goes. Done once
        per manifest (a build of 100,000 pairs would otherwise look into every folder)."""
        if self.get(LEGACY_ADOPTED) is not None:
            return
        known = {row[0] for row in self._db.execute("SELECT folder FROM pairs")}
        for record_file in sorted(reports.glob(f"*__vs__*/{LEGACY_RECORD}")):
            folder = record_file.parent.name
            if folder not in known:
                role_a, _, role_b = folder.partition("__vs__")
                self.put_pair(
                    folder,
                    {"role_a": role_a, "role_b": role_b, "status": "legacy", "inputs": ""},
                )
            record_file.unlink(missing_ok=True)
        self.set(LEGACY_ADOPTED, b"1")
