"""What changed since the previous build, and which pairs were rebuilt because of it.

A build compares the facts with those the previous complete build saw (`FactsSnapshot`):
per role, facts added, removed and changed (the same statement of the same page saying
something else). With the reasons each pair was rebuilt for (a role's facts, the context,
the notebook or code, the formats, a failure, a missing file), `build` prints it and the
index shows it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from rolecompare.building.fingerprints import FactsSnapshot

MAX_LINES = 20  # roles listed on the terminal; the index lists them all


@dataclass
class RoleChange:
    role_id: str
    role: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    state: str = "changed"  # "changed", "new" (no facts before) or "gone" (none now)
    rebuilt: int = 0  # pairs rebuilt because of this role

    def describe(self) -> str:
        counts = f"{self.added} added, {self.removed} removed, {self.changed} changed"
        label = {"new": "new role: ", "gone": "role gone: "}.get(self.state, "")
        rebuilt = f"; {self.rebuilt} pair(s) rebuilt" if self.rebuilt else ""
        return f"{label}{self.role} ({self.role_id}): {counts}{rebuilt}"


@dataclass
class Changes:
    first: bool  # no previous build to compare with
    roles: list[RoleChange] = field(default_factory=list)
    context: str | None = None  # why the context was redrawn; None: kept
    context_drawn: str = ""
    rebuilt: dict[str, list[str]] = field(default_factory=dict)  # folder -> reasons
    built_at: str = ""

    @property
    def rebuilt_for_facts(self) -> list[str]:
        """Pair folders rebuilt because one of their roles' facts changed."""
        return sorted(
            f for f, why in self.rebuilt.items() if any(w.startswith("facts of ") for w in why)
        )

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Changes:
        roles = [RoleChange(**r) for r in data.get("roles", [])]
        return cls(**{**data, "roles": roles})

    def lines(self) -> list[str]:
        """What `build` prints."""
        if self.first:
            out = ["first build of this folder: nothing to compare with"]
        elif not self.roles:
            out = ["no facts changed since the previous build"]
        else:
            new = sum(r.state == "new" for r in self.roles)
            gone = sum(r.state == "gone" for r in self.roles)
            out = [
                f"since the previous build: facts of {len(self.roles)} role(s) changed "
                f"({new} new, {gone} gone); {len(self.rebuilt_for_facts)} pair(s) rebuilt "
                "because of them"
            ]
            out += [f"  {r.describe()}" for r in self.roles[:MAX_LINES]]
            if len(self.roles) > MAX_LINES:
                out.append(f"  ... and {len(self.roles) - MAX_LINES} more (see index.html)")
        if self.first:
            out.append(f"context of the reports drawn {self.context_drawn}")
        elif self.context:
            out.append(f"context redrawn ({self.context}); drawn {self.context_drawn}")
        else:
            out.append(f"context kept (drawn {self.context_drawn})")
        return out


def role_changes(
    previous: FactsSnapshot | None, current: FactsSnapshot, names: dict[str, str]
) -> list[RoleChange]:
    """Per role with any change: facts added, removed, changed (sorted by role id)."""
    if previous is None:
        return []
    before = set(previous.frame["role_id"].unique().tolist())  # not cell by cell: millions
    now = set(current.frame["role_id"].unique().tolist())
    counts = previous.diff(current)
    out = []
    for role_id, row in counts.iterrows():  # roles with a change only
        state = "new" if role_id not in before else "gone" if role_id not in now else "changed"
        out.append(
            RoleChange(
                role_id=str(role_id),
                role=names.get(str(role_id), str(role_id)),
                added=int(row["added"]),
                removed=int(row["removed"]),
                changed=int(row["changed"]),
                state=state,
            )
        )
    return out


def count_rebuilt(changes: Changes) -> None:
    """Fill each role's count of pairs rebuilt because of its facts."""
    per_role: dict[str, int] = {}
    for reasons in changes.rebuilt.values():
        for reason in reasons:
            if reason.startswith("facts of "):
                role = reason.removeprefix("facts of ")
                per_role[role] = per_role.get(role, 0) + 1
    for change in changes.roles:
        change.rebuilt = per_role.get(change.role_id, 0)
