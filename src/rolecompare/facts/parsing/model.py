"""What a page parser returns: facts as printed, problems, and splits that need other pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawFact:
    """One fact as read from one line of one page, before role ids are assigned.

    `printed` keeps the number exactly as the page printed it (without `$`, `,`, `%`), so that
    trailing zeros survive ("19.80") and agreement "within the printed rounding" can be judged.
    """

    role: str
    metric: str
    line: int
    value: float | None = None
    printed: str | None = None
    text: str | None = None
    category: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


@dataclass(frozen=True)
class PendingSplit:
    """A glued table row that splits into two values in more than one plausible way.

    Each candidate is the list of facts that split would state; the ingest step keeps the one
    candidate that other pages (or the page's own prose) confirm, or reports a problem.
    """

    line: int
    label: str
    text: str
    candidates: tuple[tuple[RawFact, ...], ...]


@dataclass
class PageResult:
    source: str
    facts: list[RawFact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pending: list[PendingSplit] = field(default_factory=list)
    layouts: set[str] = field(default_factory=set)
