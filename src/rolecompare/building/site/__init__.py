"""The published site beside the reports: `index.html`, `pairs/<n>.html`, `roles/<role>.html`,
and `find/<key>-<n>.html` when there are too many roles for the index (`find`).

`refresh_site` rewrites it when anything it shows may have changed (a stamp of its inputs is
kept in the build's manifest); `write_site` writes it. Only pages whose content changed are
rewritten (each atomically), and only pages the site made before are removed.

Modules: `data` (what the pages show), `overview` (the figures), `pages` (Jinja2 rendering),
`formatting` (numbers as text).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rolecompare import atomic
from rolecompare.building.collection import Collection
from rolecompare.building.manifest import Manifest
from rolecompare.building.paths import UnsafePath, inside, role_page
from rolecompare.config import PROJECT_ROOT

INDEX_FILE = "index.html"
STATE_SITE = "site"  # manifest key: {"stamp", "files": {path: sha256}, "stamps": {path: ...}}
SITE_PARTS = ("building/site", "building/templates/site")
DETAILS_AT_ONCE = 10_000  # roles whose numbers and texts are held (as dicts) at one time


def site_code() -> str:
    from rolecompare.config import PACKAGE_DIR

    digest = hashlib.sha256()
    for part in SITE_PARTS:
        for path in sorted((PACKAGE_DIR / part).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".j2", ".css", ".js"}:
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _stamp(collection: Collection, context, records: dict, changes: object) -> str:
    from rolecompare.building.fingerprints import row_hashes

    digest = hashlib.sha256()
    digest.update(collection.fact_rows.tobytes())
    for frame in (collection.conflicts, collection.pages, collection.roles):
        digest.update(row_hashes(frame).tobytes())
    digest.update(json.dumps([records, changes, collection.ingest], sort_keys=True).encode())
    digest.update(context.fingerprint.encode() + context.drawn.encode())
    digest.update(site_code().encode())
    return digest.hexdigest()


def shown_path(path: str | None) -> str | None:
    """A folder as a published page may show it: relative to the project, else its name."""
    if not path:
        return None
    folder = Path(path)
    try:
        return folder.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return folder.name or None


def _replace(target: Path, data: bytes) -> None:
    """Write `target` under a temporary name beside it, then rename it into place: a reader
    (or a killed build) never sees half a page. Unlike report files these are not synced to
    disk one by one (thousands of role pages: seconds of fsync); the next build rewrites any
    page whose content is not what the manifest says it wrote."""
    import os
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=atomic.TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(name, 0o644)
        os.replace(name, target)
    finally:
        if os.path.exists(name):
            os.unlink(name)


def refresh_site(reports: Path, collection: Collection, context, manifest: Manifest) -> bool:
    """Rewrite the site unless nothing it shows changed; True when it was rewritten."""
    records = manifest.pairs()
    changes = manifest.get_json("changes")
    stamp = _stamp(collection, context, records, changes)
    state = manifest.get_json(STATE_SITE) or {}
    if state.get("stamp") == stamp and (reports / INDEX_FILE).is_file():
        return False
    previous = Written(state.get("files") or {}, state.get("stamps") or {})
    written = write_site(reports, collection, context, records, changes, previous=previous)
    manifest.set_json(
        STATE_SITE, {"stamp": stamp, "files": written.files, "stamps": written.stamps}
    )
    return True


@dataclass
class Written:
    """What `write_site` wrote: relative path -> sha256 of the page, and -> the stamp of what
    a role page was made from (to skip rendering it next time when that did not change)."""

    files: dict[str, str] = field(default_factory=dict)
    stamps: dict[str, str] = field(default_factory=dict)


def _role_stamps(collection: Collection, data, code: str) -> dict[str, str]:
    """Per role page: its role's fingerprint (facts, conflicts, pages), its pairs' records
    and the names of the roles it is compared with."""
    prints = collection.role_prints
    stamps = {}
    for role in data.roles.values():
        pairs = [
            (p.folder, p.status, p.numbers, p.built_at, p.files, p.error, p.failed_cell,
             p.inputs, p.context_drawn, p.name_a, p.name_b)
            for p in role.pairs
        ]  # fmt: skip
        text = json.dumps([prints.get(role.role_id), role.name, pairs, code], sort_keys=True)
        stamps[role_page(role.role_id)] = hashlib.sha256(text.encode()).hexdigest()
    return stamps


def _unchanged(relative: str, reports: Path, previous: Written, written: Written) -> bool:
    """True (and the page kept as it is) when what the page is made from did not change."""
    unchanged = previous.stamps.get(relative) == written.stamps[relative]
    if unchanged and relative in previous.files and (reports / relative).is_file():
        written.files[relative] = previous.files[relative]
        return True
    return False


def write_site(
    reports: Path,
    collection: Collection,
    context,
    records: dict[str, dict],
    changes: dict | None,
    *,
    previous: Written | None = None,
    built_at: datetime | None = None,
) -> Written:
    """Write every page whose content changed; a role page is not even rendered again when
    what it is made from did not change (`previous`: what the last call wrote)."""
    from rolecompare.building.changes import Changes
    from rolecompare.building.site.data import add_details, site_data
    from rolecompare.building.site.find import find_map, find_parts
    from rolecompare.building.site.overview import heatmap_figure, overview_figure
    from rolecompare.building.site.pages import pair_pages, render_index

    reports = Path(reports)
    previous = previous or Written()
    data = site_data(collection, records)
    pages = pair_pages(data.pairs)
    roles = list(data.roles.values())
    code = site_code()
    # every role id is checked (UnsafePath) before any page is written
    written = Written(stamps=_role_stamps(collection, data, code))
    put = _Putter(reports, previous, written)
    todo = [role for role in roles if not put.unchanged(role_page(role.role_id))]
    for start in range(0, len(todo), DETAILS_AT_ONCE):  # memory: a chunk's numbers at a time
        chunk = todo[start : start + DETAILS_AT_ONCE]
        add_details(data, collection, {r.role_id for r in chunk})
        _write_role_pages(put, data, chunk)
    _write_pairs_pages(put, pages, len(data.pairs), code)
    parts = find_parts(roles)
    _write_find_parts(put, parts, code)
    index = render_index(
        data,
        overview=overview_figure(roles, data.pairs),
        heatmap=heatmap_figure(roles),
        changes=Changes.from_json(changes) if changes else None,
        context=context,
        provenance=_provenance(collection),
        built_at=(built_at or datetime.now(UTC)).astimezone(UTC),
        pages=pages,
        find_map=find_map(parts) if parts else None,
    )
    put(INDEX_FILE, index)
    _remove_stale(reports, previous, written)
    return written


class _Putter:
    """Records each page's digest and rewrites the file only when its bytes changed."""

    def __init__(self, reports: Path, previous: Written, written: Written) -> None:
        self.reports, self.previous, self.written = reports, previous, written
        self._folders: dict[str, Path] = {}

    def _target(self, relative: str) -> Path:
        """The page's path, checked to be inside the reports folder: its folder resolved once
        (role ids were checked; a page's name is then one plain path part)."""
        folder, _, name = relative.rpartition("/")
        if name in ("", ".", "..") or "\\" in name:
            raise UnsafePath(f"{relative} is not a page's path: refused")
        if folder not in self._folders:
            self._folders[folder] = inside(self.reports, folder or ".")
        return self._folders[folder] / name

    def __call__(self, relative: str, text: str) -> str:
        encoded = text.encode("utf-8")
        digest = hashlib.sha256(encoded).hexdigest()
        self.written.files[relative] = digest
        target = self._target(relative)
        if self.previous.files.get(relative) != digest or not target.is_file():
            _replace(target, encoded)
        return digest

    def unchanged(self, relative: str) -> bool:
        return _unchanged(relative, self.reports, self.previous, self.written)


def _provenance(collection: Collection) -> dict:
    ingest = collection.ingest
    pages_read = ingest.get("pages")
    return {
        "raw": shown_path(ingest.get("raw_dir")),
        "pages": len(pages_read) if isinstance(pages_read, dict) else collection.n_pages,
        "code": str(ingest.get("code") or "")[:12] or None,
    }


def _write_role_pages(put: _Putter, data, roles: list) -> None:
    from rolecompare.building.site.pages import render_role

    compared = {r for p in data.pairs for r in (p.role_a, p.role_b)}
    for role in roles:  # only those whose page's inputs changed (`write_site`)
        put(role_page(role.role_id), render_role(role, data, in_plan=role.role_id in compared))


def _write_pairs_pages(put: _Putter, pages: list, total: int, code: str) -> None:
    """Each page of pairs, rendered only when its rows, the number of pages or the code
    changed."""
    from rolecompare.building.site.pages import render_pairs_page

    for page in pages:
        relative = f"pairs/{page.file}"
        shown = repr([page.pairs, len(pages), total, code])  # frozen dataclass rows
        put.written.stamps[relative] = hashlib.sha256(shown.encode()).hexdigest()
        if put.unchanged(relative):
            continue
        put(relative, render_pairs_page(page, pages, total))


def _write_find_parts(put: _Putter, parts: list, code: str) -> None:
    from rolecompare.building.site.pages import render_find_part

    for part in parts:
        relative = f"find/{part.file}"
        shown = [part.key, part.number, part.parts, part.total, code]
        shown.append([(r.role_id, r.name) for r in part.roles])
        put.written.stamps[relative] = hashlib.sha256(json.dumps(shown).encode()).hexdigest()
        if put.unchanged(relative):
            continue
        put(relative, render_find_part(part))


def _remove_stale(reports: Path, previous: Written, written: Written) -> None:
    """Delete pages this site made before that it no longer makes."""
    for stale in set(previous.files) - set(written.files):
        path = reports / stale
        if path.parent in (reports / "roles", reports / "pairs", reports / "find"):
            path.unlink(missing_ok=True)
