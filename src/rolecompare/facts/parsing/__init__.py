"""Reading raw career pages into facts (see `pages.parse_page`)."""

from rolecompare.facts.parsing.model import PageResult, PendingSplit, Problem, RawFact
from rolecompare.facts.parsing.pages import parse_page

__all__ = ["PageResult", "PendingSplit", "Problem", "RawFact", "parse_page"]
