"""rolecompare: career comparison pages -> tidy tables -> one report per pair of roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["load_conflicts", "load_facts", "load_problems", "load_roles"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from rolecompare.facts.tables import load_conflicts, load_facts, load_problems, load_roles


def __getattr__(name: str):
    # The loaders import pandas; importing the package (e.g. for the parser) does not.
    if name in __all__:
        from rolecompare.facts import tables

        return getattr(tables, name)
    raise AttributeError(f"module 'rolecompare' has no attribute {name!r}")
