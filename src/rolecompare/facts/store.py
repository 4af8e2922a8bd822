"""Every page's statements kept between ingests, columnar: what makes a re-ingest cheap.

A page is read again only when its content or the readers changed (its key: `cache.page_key`,
the folder: the readers' version, as for `cache.PageCache`). What it read is kept here, not as
one pickled object per page, but sharded by the page's key (`SHARDS`): for
each shard, its pages' statements as one Parquet file (`facts.statements` columns plus the
page key) and what else the pages said (`tables.PageInfo`: kind, pair, problems, pending
glued rows) as one pickle. A re-ingest reads the shards whole (no Python object per fact) and
rewrites only the shards whose pages changed. Trusted as the tables are (pickles).
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rolecompare import atomic
from rolecompare.facts import cache as page_cache
from rolecompare.facts.cache import page_key
from rolecompare.facts.parallel import parse_each, prepare_tables
from rolecompare.facts.parsing import PageResult, PendingSplit, Problem

if TYPE_CHECKING:  # imported when statements are read: parse workers fork without them
    import numpy as np
    import pandas as pd
    import pyarrow as pa

STORE_DIR = "statements"


@dataclass
class PageInfo:
    """What the collection-wide steps need of a page besides its statements."""

    source: str
    kind: str
    compares: tuple[str, str] | None = None
    problems: list[Problem] = field(default_factory=list)
    pending: list[PendingSplit] = field(default_factory=list)

    @classmethod
    def of(cls, result: PageResult) -> PageInfo:
        return cls(result.source, result.kind, result.compares, result.problems, result.pending)


@cache
def _schema() -> pa.Schema:
    import pyarrow as pa

    from rolecompare.facts.statements import STATEMENT_COLUMNS

    kinds = {"value": pa.float64(), "line": pa.int64()}
    return pa.schema(
        [("page", pa.string())] + [(c, kinds.get(c, pa.string())) for c in STATEMENT_COLUMNS]
    )


# Shards: few enough to read quickly (a file each), many enough that a few changed pages
# rewrite a small part of the statements.
SHARDS = 64


def shard_of(key: str) -> str:
    return f"{int(key[:2], 16) * SHARDS // 256:02d}"


class StatementStore:
    """The statements and page infos of one processed folder, for one reader version."""

    def __init__(self, processed: Path, version: str | None = None) -> None:
        self.root = Path(processed) / page_cache.CACHE_DIR
        self.version = version or page_cache.reader_version()
        self.folder = self.root / self.version / f"{STORE_DIR}-{SHARDS}"
        self._infos: dict[str, dict] = {}  # shard -> {page key: PageInfo}

    def _info_path(self, shard: str) -> Path:
        return self.folder / f"{shard}.pickle"

    def _facts_path(self, shard: str) -> Path:
        return self.folder / f"{shard}.parquet"

    def infos(self, keys: Iterable[str]) -> dict[str, PageInfo]:
        """The PageInfo of every key kept here (keys not kept are left out)."""
        found: dict[str, PageInfo] = {}
        for shard, wanted in _by_shard(keys).items():
            known = self._shard_infos(shard)
            found.update((k, known[k]) for k in wanted if k in known)
        return found

    def _shard_infos(self, shard: str) -> dict:
        if shard not in self._infos:
            try:
                loaded = pickle.loads(self._info_path(shard).read_bytes())
                size = self._facts_path(shard).stat().st_size
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                loaded = None  # missing or torn: its pages are read again
            ok = isinstance(loaded, dict) and loaded.get("size") == size
            # the statements written with these infos, or the shard's pages are read again
            self._infos[shard] = loaded["infos"] if ok else {}
        return self._infos[shard]

    def statements(self, keys: Iterable[str], *also: pa.Table) -> pd.DataFrame:
        """The kept statements of these pages, in page-key order within a shard, then the
        rows of `also` (statements as Arrow): joined as Arrow, converted once."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        tables = [_schema().empty_table()]
        for shard, wanted in sorted(_by_shard(keys).items()):
            try:
                table = pq.read_table(self._facts_path(shard), schema=_schema())
            except (OSError, pa.ArrowInvalid):
                continue
            if len(wanted) < len(self._shard_infos(shard)):  # pages gone or changed
                table = table.filter(pc.is_in(table["page"], pa.array(sorted(wanted))))
            tables.append(table)
        return from_arrow(pa.concat_tables([*tables, *also]))

    def save(self, infos: dict[str, PageInfo], statements: pd.DataFrame, shards: set[str]) -> None:
        """Keep exactly these pages (`infos` by key) in the given shards (those whose pages
        changed), with their rows of `statements` (a `page` column names each row's page
        key). Each shard's Parquet file is written before its infos, which record its size;
        no fsync (a few hundred of them would cost seconds): a shard torn by a crash no
        longer matches its size, and its pages are read again."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.folder.mkdir(parents=True, exist_ok=True)
        by_shard: dict[str, dict] = defaultdict(dict)
        for key, info in infos.items():
            if shard_of(key) in shards:
                by_shard[shard_of(key)][key] = info
        pages = statements["page"]
        rows = statements[pages.isin([k for one in by_shard.values() for k in one])]
        from rolecompare.facts.statements import per_name

        grouped = dict(tuple(rows.groupby(per_name(rows["page"], shard_of), sort=False)))
        for shard in sorted(shards):
            if shard not in by_shard:
                self._info_path(shard).unlink(missing_ok=True)
                self._facts_path(shard).unlink(missing_ok=True)
                continue
            frame = grouped.get(shard, statements.iloc[:0])
            table = pa.Table.from_pandas(frame, schema=_schema(), preserve_index=False)
            _quick(self._facts_path(shard), lambda tmp, t=table: pq.write_table(t, tmp))
            kept = {"size": self._facts_path(shard).stat().st_size, "infos": by_shard[shard]}
            data = pickle.dumps(kept, pickle.HIGHEST_PROTOCOL)
            _quick(self._info_path(shard), lambda tmp, d=data: tmp.write_bytes(d))
            self._infos[shard] = by_shard[shard]

    def _on_disk(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return [p.stem for p in self.folder.glob("*.pickle")]

    def prune_versions(self) -> None:
        """Remove what other reader versions kept (and the one-pickle-a-page entries that
        earlier versions of this code kept beside the store)."""
        for other in self.root.iterdir() if self.root.is_dir() else ():
            if other.name != self.version and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
        for old in self.folder.parent.iterdir() if self.folder.parent.is_dir() else ():
            if old != self.folder and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)

    def keys(self) -> set[str]:
        """Every page key kept (for tests and checks)."""
        return {k for shard in self._on_disk() for k in self._shard_infos(shard)}


def _quick(path: Path, write) -> None:
    """Write through a temporary file renamed over `path` (atomic, not durable)."""
    tmp = path.with_name(f"{atomic.TEMP_PREFIX}{path.name}.{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _by_shard(keys: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        out[shard_of(key)].add(key)
    return out


def from_arrow(table: pa.Table) -> pd.DataFrame:
    """A statements table as the frame `facts.statements` works on: text columns as Python
    objects (None where missing), each distinct string one object (memory)."""
    import pandas as pd
    import pyarrow as pa

    columns = {}
    for name in table.column_names:
        column = table[name]
        if pa.types.is_string(column.type):
            columns[name] = pd.Series(_objects(column), dtype=object)
        else:
            columns[name] = pd.Series(column.to_numpy())
    return pd.DataFrame(columns, columns=table.column_names)


def _objects(column: pa.ChunkedArray) -> np.ndarray:
    import numpy as np
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column.combine_chunks())
    words = np.empty(len(encoded.dictionary) + 1, dtype=object)
    words[:-1] = encoded.dictionary.to_pylist()
    words[-1] = None
    return words[encoded.indices.fill_null(len(words) - 1).to_numpy()]


class Collector:
    """Statements of results as they come, turned into Arrow every `BATCH` facts: the
    parsed objects (a `RawFact` per fact) never pile up, a million of them being gigabytes."""

    BATCH = 200_000

    def __init__(self) -> None:
        from rolecompare.facts.statements import STATEMENT_COLUMNS

        self.names = ("page", *STATEMENT_COLUMNS)
        self.columns: dict[str, list] = {name: [] for name in self.names}
        self.tables: list[pa.Table] = []
        self.infos: dict[str, PageInfo] = {}

    def add(self, key: str, result: PageResult) -> None:
        self.infos[key] = PageInfo.of(result)
        columns = self.columns
        for fact in result.facts:
            columns["page"].append(key)
            columns["source"].append(result.source)
            for name in self.names[2:]:
                columns[name].append(getattr(fact, name))
        if len(columns["page"]) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.columns["page"]:
            self.tables.append(pa.table(self.columns, schema=_schema()))
            self.columns = {name: [] for name in self.names}

    def table(self) -> pa.Table:
        """Every statement collected, as Arrow."""
        import pyarrow as pa

        self._flush()
        tables, self.tables = self.tables, []
        return pa.concat_tables([_schema().empty_table(), *tables])


# --- every page's statements for one ingest: kept ones from the store, the rest parsed ---


@dataclass
class Gathered:
    """Every page's statements and infos (kept ones from the store, the rest parsed now)."""

    frame: pd.DataFrame  # statements (facts.statements columns + `page`, the page's key)
    infos: dict[str, PageInfo]  # page key -> what else the page said
    parsed: int
    changed: set[str]  # shards of the store whose pages changed

    def take_frame(self) -> pd.DataFrame:
        """The statements, no longer held here (whoever takes them may let them go)."""
        frame, self.frame = self.frame, None
        return frame


def parse_changed(
    pages: dict[str, bytes], store: StatementStore, scheduler: str | None = None
) -> tuple[Iterator[PageResult], dict[str, str], set[str]]:
    """The results of the pages the store does not hold (parsed now, as they come), every
    page's key, and the keys the store holds."""
    keys = {name: page_key(name, data) for name, data in pages.items()}
    kept = set(store.infos(keys.values()))
    todo = {name: data for name, data in pages.items() if keys[name] not in kept}
    if scheduler and todo:
        from rolecompare.facts.cluster import parse_on_cluster

        return iter(parse_on_cluster(todo, scheduler)), keys, kept
    return parse_each(todo, meanwhile=prepare_tables), keys, kept


def gather(
    results: Iterator[PageResult], keys: dict[str, str], kept: set[str], store: StatementStore
) -> Gathered:
    """The kept pages' statements read from the store beside the new results' statements."""
    collector = Collector()
    for result in results:
        collector.add(keys[result.source], result)
    infos = store.infos(kept) | collector.infos
    changed = {shard_of(k) for k in set(infos) ^ store.keys()}
    new = collector.table()
    if new.num_rows:  # a page's statements are checked when first read, then kept
        from rolecompare.facts.tables import check_statements

        check_statements(from_arrow(new))
    return Gathered(store.statements(kept, new), infos, len(collector.infos), changed)
