"""Paths the build writes that are made from role ids: checked before anything is written.

Role ids come from a processed `roles.csv`, which is a file on disk like any other input: an
id such as `../../../x` must never become a path. Both writers (the pairs' folders and the
site's role pages) refuse ids that do not match the id pattern, and check that every path
they write resolves inside the reports folder. Ids that are names Windows reserves for
devices (`con`, `aux`, `nul`, `prn`, `com0`..`com9`, `lpt0`..`lpt9`; Windows refuses them
whatever the extension) get a suffixed file stem, `con_`, so that the site can be copied to
any disk. (Pair folders, `con__vs__aux`, are not reserved names.)
"""

from __future__ import annotations

import re
from pathlib import Path

ROLE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)


class UnsafePath(ValueError):
    """A role id that is not an id, or a path that would fall outside the reports folder."""


def check_role_id(role_id: object) -> str:
    """`role_id` when it matches the id pattern; else UnsafePath."""
    if not isinstance(role_id, str) or not ROLE_ID.match(role_id):
        raise UnsafePath(f"role id {str(role_id)[:80]!r} is not an id (a-z, 0-9 and '-'): "
                         "refused; is roles.csv the one ingest wrote?")  # fmt: skip
    return role_id


def file_stem(role_id: str) -> str:
    """The file stem of a role's page: its id, suffixed with `_` when Windows reserves it."""
    check_role_id(role_id)
    return f"{role_id}_" if WINDOWS_RESERVED.match(role_id) else role_id


def role_page(role_id: str) -> str:
    """`roles/<stem>.html`, relative to the reports folder."""
    return f"roles/{file_stem(role_id)}.html"


def pair_folder(role_a: str, role_b: str) -> str:
    """The pair's folder name, refused (UnsafePath) unless both ids are ids."""
    from rolecompare.reporting.report import pair_folder_name  # the site need not load it

    return pair_folder_name(check_role_id(role_a), check_role_id(role_b))


def inside(root: Path, relative: str | Path) -> Path:
    """`root / relative`, refused (UnsafePath) when it resolves outside `root`."""
    base = Path(root).resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise UnsafePath(f"{relative} would be written outside {root}: refused")
    return Path(root) / relative
