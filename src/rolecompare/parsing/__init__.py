"""Reading raw career pages into facts (see `pages.parse_page`)."""

from rolecompare.parsing.model import PageResult, PendingSplit, Problem, RawFact
from rolecompare.parsing.pages import parse_page

__all__ = ["PageResult", "PendingSplit", "Problem", "RawFact", "parse_page"]
