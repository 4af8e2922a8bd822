"""rolecompare: career comparison pages -> tidy tables -> one report per pair of roles.

For analysts (see the README, "From Python: the analysis API"):

* `compare(role_a, role_b)` -- two roles side by side, one row per metric;
* `roles_table()` -- one row per role, one column per numeric metric, conflicts as ranges;
* `rank(metric)` -- every role against the US average;
* `mark_derived(frame)` -- the same frame with each derived column named so, for showing;
* `load_facts()`, `load_roles()`, `load_conflicts()`, `load_problems()`, `load_pages()` --
  the tidy tables, validated;
* `analysis` -- the pure functions underneath, on DataFrames; `processed_dir()` -- the
  folder the tables are read from by default.

Every function reads the project's data/processed unless given a folder. Names are imported
on first use (the parser and `rolecompare --help` do not load pandas) but are all listed by
`dir(rolecompare)` and completed by JupyterLab.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# name -> the module that defines it (imported when the name is first used)
_LAZY = {
    "compare": "rolecompare.explore",
    "roles_table": "rolecompare.explore",
    "rank": "rolecompare.explore",
    "mark_derived": "rolecompare.explore",
    "role_id": "rolecompare.explore",
    "tables": "rolecompare.explore",
    "Comparison": "rolecompare.explore",
    "load_facts": "rolecompare.facts.tables",
    "load_roles": "rolecompare.facts.tables",
    "load_conflicts": "rolecompare.facts.tables",
    "load_problems": "rolecompare.facts.tables",
    "load_pages": "rolecompare.facts.tables",
    "processed_dir": "rolecompare.config",
    "UnknownRole": "rolecompare.core.roles",
}
_SUBMODULES = ("analysis", "config")

__all__ = [  # = _LAZY and _SUBMODULES (a test checks); a literal, so that tools can read it
    "Comparison",
    "UnknownRole",
    "analysis",
    "compare",
    "config",
    "load_conflicts",
    "load_facts",
    "load_pages",
    "load_problems",
    "load_roles",
    "mark_derived",
    "processed_dir",
    "rank",
    "role_id",
    "roles_table",
    "tables",
]

if TYPE_CHECKING:  # for editors and type checkers; at run time see __getattr__
    from rolecompare import analysis, config
    from rolecompare.config import processed_dir
    from rolecompare.core.roles import UnknownRole
    from rolecompare.explore import (
        Comparison,
        compare,
        mark_derived,
        rank,
        role_id,
        roles_table,
        tables,
    )
    from rolecompare.facts.tables import (
        load_conflicts,
        load_facts,
        load_pages,
        load_problems,
        load_roles,
    )


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"rolecompare.{name}")
    else:
        raise AttributeError(f"module 'rolecompare' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    # the public names only: what tab completion should offer
    return sorted({*__all__, "__version__"})
