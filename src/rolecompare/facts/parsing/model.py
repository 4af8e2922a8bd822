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
    statistic: str | None = None  # "mean" or "median" where the page says which
    qualifier: str | None = None  # "approximate", "more than", ... (metadata/vocabularies.csv)
    period: str | None = None  # "2022", "2022-05" or "2022-2032" where the page gives one


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
    """Everything read from one page. `layouts` names the structures the readers found;
    `compares` is the pair of role names a comparison page compares, in the page's order."""

    source: str
    facts: list[RawFact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pending: list[PendingSplit] = field(default_factory=list)
    layouts: set[str] = field(default_factory=set)
    compares: tuple[str, str] | None = None

    @property
    def kind(self) -> str:
        """The page kind (metadata/vocabularies.csv) from the layouts the readers found."""
        for kind, layouts in PAGE_KINDS:
            if self.layouts & layouts:
                return kind
        return "unknown" if not self.facts else "profile"


# First match wins: a page with a comparison table is a comparison page even if it also has
# sentences about one role.
PAGE_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("comparison", frozenset({"comparison-separated", "comparison-glued"})),
    ("comparison-prose", frozenset({"comparison-prose"})),
    ("how-to", frozenset({"how-to-scores", "how-to-degrees", "how-to-skills"})),
    ("handbook", frozenset({"handbook"})),
    ("statistics", frozenset({"statistics"})),
    ("fact-sheet", frozenset({"fact-sheet"})),
    ("profile", frozenset({"profile"})),
)
