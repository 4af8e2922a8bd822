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
    # where the number stands on its line (start, end), when the reader knows; not compared
    where: tuple[int, int] | None = field(default=None, compare=False, repr=False)
    # which reader took the number ("pay", "quick-facts", ...), for `ingest --explain`; not compared
    reader: str | None = field(default=None, compare=False, repr=False)


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


@dataclass(frozen=True)
class NonData:
    """A printed number that is evidently not data (a date, a list ordinal, ...): the rule says
    which (see `unread`)."""

    line: int
    printed: str
    rule: str


@dataclass
class PageResult:
    """Everything read from one page. `layouts` names the structures the readers found;
    `compares` is the pair of role names a comparison page compares, in the page's order.

    For the account of every printed number (`unread`): `claimed` lines belong to a block a
    reader took whole (other readers skip them), every number of a `read_lines` line is read,
    `consumed` lists the character spans of a line that facts used besides their values
    (a percentile's "top 10 percent"), `non_data` the numbers that are not data, and
    `passed_over` why a reader did not read a number it saw (a standard error column)."""

    source: str
    facts: list[RawFact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pending: list[PendingSplit] = field(default_factory=list)
    layouts: set[str] = field(default_factory=set)
    compares: tuple[str, str] | None = None
    claimed: set[int] = field(default_factory=set)
    read_lines: set[int] = field(default_factory=set)
    consumed: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    non_data: list[NonData] = field(default_factory=list)
    # why a reader left a number unread: (line, start of the number) -> reason
    passed_over: dict[tuple[int, int], str] = field(default_factory=dict)

    def consume(self, line: int, start: int, end: int) -> None:
        self.consumed.setdefault(line, []).append((start, end))

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
