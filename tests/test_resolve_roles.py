"""One resolution of a typed role (`core.roles`): the API, the CLI and pairs files agree."""

from __future__ import annotations

import pytest

import rolecompare
from rolecompare.core.roles import UnknownRole, resolve_role, role_names

NAMES = {
    "customer-care-manager": "Customer care manager",
    "customer-relations-manager": "Customer relations manager",
    "nurse-practitioner": "Nurse Practitioner (NP)",
    "us-average": "US average",
}


@pytest.mark.parametrize(
    ("typed", "role_id"),
    [
        ("customer-care-manager", "customer-care-manager"),
        ("Customer Care Manager", "customer-care-manager"),
        ("  customer   RELATIONS manager ", "customer-relations-manager"),
        ("nurse practitioner (np)", "nurse-practitioner"),  # by name: its slug is not the id
    ],
)
def test_ids_and_names_in_any_case_and_spacing(typed: str, role_id: str) -> None:
    assert resolve_role(typed, NAMES) == role_id


def test_benchmark_roles_only_when_allowed() -> None:
    with pytest.raises(UnknownRole) as info:
        resolve_role("us-average", NAMES)
    assert "us-average" not in info.value.known_ids
    assert resolve_role("US average", NAMES, benchmarks=True) == "us-average"


def test_unknown_role_names_the_closest_and_lists_the_known() -> None:
    with pytest.raises(UnknownRole) as info:
        resolve_role("customer relation manager", list(NAMES))
    err = info.value
    assert err.close_matches[0] == "customer-relations-manager" == err.close[0]
    assert err.asked == "customer relation manager"
    assert str(err) == (
        "unknown role 'customer relation manager'; did you mean 'customer-relations-manager',"
        " 'customer-care-manager'? Known role ids: customer-care-manager, "
        "customer-relations-manager, nurse-practitioner"
    )
    assert rolecompare.UnknownRole is UnknownRole  # the public name


def test_role_names_skip_missing_and_keep_the_first_spelling() -> None:
    import pandas as pd

    table = pd.DataFrame(
        {"role_id": ["a", "a", None, "b", "c"], "role": ["A", "a!", "x", pd.NA, "C"]}
    )
    assert role_names(table) == {"a": "A", "c": "C"}
