"""Parse one raw page: decode it, find what it holds, and account for every number on it.

The layout is never taken from the file name: every reader looks at every page for the
structures it knows. Readers register in `READERS`, in the order they run, each as
`read(page, result)`: block readers go first and take their lines (quick-facts blocks,
statistics tables, lists of descriptions and duties); the seed layouts' readers (comparison
tables, profile sentences, how-to score tables) read what is left; the sentence readers read
the lines no one else read. Each fact keeps the name of the reader that took it (`RawFact.reader`,
shown by `ingest --explain`). Then every printed number is accounted for (`unread`): a fact, a
number that is evidently not data, or a problem naming it. A page where no reader finds
anything is reported as an unknown layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from rolecompare.facts.parsing.category_rows import read_category_rows
from rolecompare.facts.parsing.comparison import parse_tables
from rolecompare.facts.parsing.context import PageContext, build_context
from rolecompare.facts.parsing.handbook import read_quick_facts
from rolecompare.facts.parsing.howto import parse_how_to
from rolecompare.facts.parsing.kinds import classify
from rolecompare.facts.parsing.model import PageResult, Problem
from rolecompare.facts.parsing.passages import read_passages
from rolecompare.facts.parsing.percentile_rows import read_percentile_rows
from rolecompare.facts.parsing.prose import mentioned_roles, page_subject, parse_prose
from rolecompare.facts.parsing.role_words import US_AVERAGE
from rolecompare.facts.parsing.roles import PageRoles
from rolecompare.facts.parsing.sentence_figures import read_figures
from rolecompare.facts.parsing.share_blocks import read_share_blocks
from rolecompare.facts.parsing.share_rows import read_share_rows
from rolecompare.facts.parsing.spaced_rows import read_spaced_rows
from rolecompare.facts.parsing.split_values import read_split_values
from rolecompare.facts.parsing.stat_tables import read_statistics_tables
from rolecompare.facts.parsing.text import decode_page
from rolecompare.facts.parsing.top_lists import read_top_lists
from rolecompare.facts.parsing.unread import account_for_numbers
from rolecompare.facts.schema import metrics


@dataclass
class Page:
    """One page being read: its lines and context, and what the seed layouts' readers see
    (the lines no block reader took, the roles they mention, the page's subject)."""

    lines: list[str | None]
    context: PageContext
    visible: list[str | None] | None = None
    mentioned: list[str] | None = None
    subject: str | None = None

    def seed_view(self, result: PageResult) -> None:
        """Blank the lines block readers took; the seed readers read the rest."""
        if self.visible is not None:
            return
        lines = self.lines
        self.visible = ["" if n in result.claimed and s else s for n, s in enumerate(lines, 1)]
        self.mentioned = mentioned_roles(self.visible)
        # claimed lines (quick facts, duties) never name the seed layouts' subject
        self.subject = (
            self.context.seed_subject if not result.claimed else page_subject(self.visible)[0]
        )


BlockReader = Callable[[list[str | None], PageResult, PageContext], None]


def _on_lines(read: BlockReader) -> Callable[[Page, PageResult], None]:
    """A block reader (all the page's lines and its context) as a page reader."""

    def reader(page: Page, result: PageResult) -> None:
        read(page.lines, result, page.context)

    return reader


def _comparison_tables(page: Page, result: PageResult) -> None:
    page.seed_view(result)
    parse_tables(page.visible or [], result, page.mentioned or [])
    for role in {f.role for f in result.facts}:  # a table's headers declare its roles
        page.context.roles.declare(role)


def _profile(page: Page, result: PageResult) -> None:
    page.seed_view(result)
    first = len(result.facts)
    parse_prose(page.visible or [], result, page.subject, page.context.roles.protect)
    trim = page.context.roles.name_ending_at_head  # 'cook normally takes': the cook
    result.facts[first:] = [replace(f, role=trim(f.role)) for f in result.facts[first:]]


def _how_to(page: Page, result: PageResult) -> None:
    page.seed_view(result)
    parse_how_to(page.visible or [], result, page.subject)


def _sentences(page: Page, result: PageResult) -> None:
    read = {f.line for f in result.facts if not metrics()[f.metric].is_passage}
    read |= {p.line for p in result.problems} | {p.line for p in result.pending}
    read_figures(page.lines, result, page.context, read)


Reader = Callable[[Page, PageResult], None]
# Every page reader, in the order they run (block readers take their lines first).
READERS: list[tuple[str, Reader]] = [
    ("quick-facts", _on_lines(read_quick_facts)),
    ("statistics-table", _on_lines(read_statistics_tables)),
    ("percentile-rows", _on_lines(read_percentile_rows)),
    ("share-blocks", _on_lines(read_share_blocks)),
    ("split-values", _on_lines(read_split_values)),
    ("spaced-rows", _on_lines(read_spaced_rows)),
    ("category-rows", _on_lines(read_category_rows)),
    ("top-list", _on_lines(read_top_lists)),
    ("share-rows", _on_lines(read_share_rows)),
    ("passages", _on_lines(read_passages)),
    ("comparison-table", _comparison_tables),
    ("profile", _profile),
    ("how-to", _how_to),
    ("sentences", _sentences),
]


def parse_page(source: str, data: bytes) -> PageResult:
    """Every fact, problem and undecided split on one page. Never raises on page content."""
    result = PageResult(source)
    lines, problems, readable = decode_page(data)
    result.problems.extend(problems)
    if not readable:
        return result
    try:
        context = build_context(lines)
        page = Page(lines, context)
        for name, reader in READERS:
            first = len(result.facts)
            reader(page, result)
            _sign(result, first, name)
        _roles_as_the_page_names_them(result, context)
        classify(result, context)
        if result.compares is None and context.roles.pair:
            result.compares = context.roles.pair
        if not (result.facts or result.pending or result.problems or result.layouts):
            result.problems.append(
                Problem(
                    1,
                    "unknown layout: no comparison table, role profile, score table or salary "
                    "sentence found",
                )
            )
        account_for_numbers(lines, result, context)
    except Exception as exc:  # a parser bug must cost one page, not the whole ingest
        result.problems.append(Problem(1, f"internal parser error ({type(exc).__name__}: {exc})"))
    return result


def _roles_as_the_page_names_them(result: PageResult, context: PageContext) -> None:
    """A role a reader took with words in front that are no part of it ('expects police
    dispatcher', 'industry cannot do without actuary') is the role phrase it ends with."""
    roles = context.roles
    named: dict[str, str] = {}  # role as read -> as the page names it (a page has few roles)
    for at, fact in enumerate(result.facts):
        if fact.role not in named:
            named[fact.role] = _ending_role(fact.role, roles)
        if named[fact.role] != fact.role:
            result.facts[at] = replace(fact, role=named[fact.role])


def _ending_role(role: str, roles: PageRoles) -> str:
    if role == US_AVERAGE or " " not in role or roles.known(role):
        return role
    mentions = roles.mentions(role)
    if mentions and mentions[-1].start > 0 and mentions[-1].end == len(role):
        return mentions[-1].role
    return role


def _sign(result: PageResult, first: int, name: str) -> None:
    """Name the reader on the facts it added (a sentence reader has named itself already)."""
    for fact in result.facts[first:]:
        if fact.reader is None:
            # `reader` is neither compared nor hashed: setting it in place is safe, and far
            # cheaper than a copy of every fact of every page
            object.__setattr__(fact, "reader", name)
