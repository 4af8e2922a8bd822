"""rolecompare: career comparison pages -> tidy tables -> one report per pair of roles."""

from rolecompare.tables import load_conflicts, load_facts, load_problems, load_roles

__all__ = ["load_conflicts", "load_facts", "load_problems", "load_roles"]
__version__ = "0.1.0"
