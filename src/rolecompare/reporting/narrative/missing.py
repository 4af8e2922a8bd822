"""What the pages do not publish for a pair, said once per section in one sentence.

"The pages publish no salary range or highest paying places for these roles, and no hourly
rate for customer care managers." Items are given in the section's order; an item both roles
lack is "for these roles", one that only one role lacks is named for that role.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rolecompare.reporting.narrative.names import join, plural


def missing_sentence(
    items: Sequence[tuple[str, Sequence[str]]],
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
) -> str:
    """`items` are (what, roles lacking it), e.g. ("salary range", [role_a, role_b]); items
    no role lacks are skipped. '' when nothing is missing."""
    both: list[str] = []
    only: dict[str, list[str]] = {role_a: [], role_b: []}
    for what, lacking in items:
        lacking = set(lacking)
        if {role_a, role_b} <= lacking:
            both.append(what)
        elif role_a in lacking:
            only[role_a].append(what)
        elif role_b in lacking:
            only[role_b].append(what)
    clauses = []
    if both:
        clauses.append(f"no {join(both, 'or')} for these roles")
    for role_id in (role_a, role_b):
        if only[role_id]:
            clauses.append(f"no {join(only[role_id], 'or')} for {plural(role_id, names)}")
    if not clauses:
        return ""
    return f"The pages publish {join(clauses)}."
