"""Parsing pages on a Dask cluster: `ingest --scheduler ADDRESS`.

The same cluster `build --scheduler` uses. Pages are sent in batches (one task per
`BATCH` pages: a task costs milliseconds of scheduling, a page about 5 ms of parsing); each
worker parses with `parse_page`, exactly as a local ingest does, and says which reader
version it runs: workers running other reading code than this machine would give other
facts, so that is refused (`ReadersDiffer`) instead of mixed into the tables.
"""

from __future__ import annotations

from rolecompare.facts.cache import kept, reader_version
from rolecompare.facts.parsing import PageResult, parse_page

BATCH = 200


class ClusterUnreachable(RuntimeError):
    def __init__(self, address: str, why: object) -> None:
        super().__init__(f"cannot reach the Dask scheduler {address}: {why}")


class ReadersDiffer(RuntimeError):
    def __init__(self, address: str, theirs: set[str], ours: str) -> None:
        super().__init__(
            f"the workers of {address} run other page readers ({', '.join(sorted(theirs))}) "
            f"than this machine ({ours}): install the same rolecompare on them"
        )


def parse_batch(items: list[tuple[str, bytes]]) -> tuple[str, list[PageResult]]:
    """On a worker: its reader version and the pages' results, in order."""
    return reader_version(), [kept(parse_page(name, data)) for name, data in items]


def parse_on_cluster(pages: dict[str, bytes], address: str) -> list[PageResult]:
    """Every page parsed on the cluster at `address`, in the order of `pages`."""
    from distributed import Client

    items = list(pages.items())
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    try:
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUnreachable(address, exc) from exc
    with client:
        done = client.gather(client.map(parse_batch, batches, pure=False))
    ours = reader_version()
    theirs = {version for version, _ in done}
    if theirs - {ours}:
        raise ReadersDiffer(address, theirs, ours)
    return [result for _, results in done for result in results]
