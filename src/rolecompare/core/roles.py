"""Role ids and names: the benchmark roles, one `UnknownRole`, one resolution of what a user
typed (an id or a name, any case) into a role id.

Used by the API (`rolecompare.explore`), the analysis (role checks), the CLI (`report`,
`build --only`, pairs files) and the reports, so that a role is found, or refused with the
same message naming the closest roles, wherever it is typed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

US_AVERAGE = "us-average"
"""The column of US averages some pages publish: a benchmark, not a role to compare."""

BENCHMARK_ROLES = frozenset({US_AVERAGE})

_CUTOFF = 0.5  # difflib similarity for "did you mean"


class UnknownRole(LookupError):
    """A role asked for is not known; names the closest known roles and lists them all.

    `role_id` (also `asked`) is what was asked for, `known_ids` the sorted known ids,
    `close_matches` (also `close`) up to three of them, closest first.
    """

    def __init__(
        self,
        role_id: str,
        known_ids: Iterable[str],
        close_matches: Sequence[str] | None = None,
    ) -> None:
        self.role_id = role_id
        self.known_ids: tuple[str, ...] = tuple(sorted(set(known_ids)))
        if close_matches is None:
            close_matches = closest_roles(role_id, self.known_ids)
        self.close_matches: tuple[str, ...] = tuple(close_matches)
        hint = (
            f"; did you mean {', '.join(repr(m) for m in self.close_matches)}?"
            if self.close_matches
            else "."
        )
        known = ", ".join(self.known_ids) if self.known_ids else "(none: the facts table is empty)"
        super().__init__(f"unknown role {role_id!r}{hint} Known role ids: {known}")

    @property
    def asked(self) -> str:
        return self.role_id

    @property
    def close(self) -> tuple[str, ...]:
        return self.close_matches

    def __str__(self) -> str:
        return str(self.args[0])


def id_key(text: str) -> str:
    """What a typed id or name is compared by: 'Customer Care  Manager' -> 'customer-care-manager'
    (accents folded, anything but letters and digits one hyphen)."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _name_key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def closest_roles(asked: str, known_ids: Sequence[str]) -> list[str]:
    """Up to three known ids closest to what was asked (its id form first when known)."""
    wanted = id_key(asked)
    matches = [k for k in known_ids if k == wanted and k != asked]
    for cand in difflib.get_close_matches(wanted, list(known_ids), n=3, cutoff=_CUTOFF):
        if cand not in matches:
            matches.append(cand)
    return matches[:3]


def _missing(value: object) -> bool:
    """None, NaN and pd.NA are missing."""
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def role_names(table: pd.DataFrame) -> dict[str, str]:
    """role_id -> display name from any table with `role_id` and `role` columns (facts,
    roles): the first spelling seen; rows without an id or a name are skipped."""
    names: dict[str, str] = {}
    for role_id, role in zip(table["role_id"], table["role"], strict=True):
        if _missing(role_id) or str(role_id) in names or _missing(role):
            continue
        names[str(role_id)] = str(role)
    return names


def comparable(role_ids: Iterable[str]) -> list[str]:
    """The role ids that are roles to compare (no benchmark columns), sorted."""
    return sorted(set(role_ids) - BENCHMARK_ROLES)


def resolve_role(
    asked: str, names: Mapping[str, str] | Iterable[str], *, benchmarks: bool = False
) -> str:
    """The role id of what a user typed: an id, or a name ('Customer care manager'), any case
    and spacing. `names` maps the known ids to their names (or lists the ids). Benchmark
    columns (`us-average`) are found only with `benchmarks=True`.

    Raises UnknownRole naming the closest known roles.
    """
    names = dict(names) if isinstance(names, Mapping) else {r: r for r in names}
    known = sorted(names) if benchmarks else comparable(names)
    if asked in known:
        return asked
    by_name = {_name_key(names[k]): k for k in reversed(known)}
    found = by_name.get(_name_key(asked))
    if found is not None:
        return found
    wanted = id_key(asked)
    if wanted in known:
        return wanted
    raise UnknownRole(str(asked), known)
