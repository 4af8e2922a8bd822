"""Parse one raw page: decode it, find what it holds, and account for every number on it.

The layout is never taken from the file name: every reader looks at every page for the
structures it knows. Block readers go first and take their lines (quick-facts blocks,
statistics tables, lists of descriptions and duties); the seed layouts' readers (comparison
tables, profile sentences, how-to score tables) read what is left; the sentence readers read
the lines no one else read. Then every printed number is accounted for (`unread`): a fact, a
number that is evidently not data, or a problem naming it. A page where no reader finds
anything is reported as an unknown layout.
"""

from __future__ import annotations

from rolecompare.facts.parsing.comparison import parse_tables
from rolecompare.facts.parsing.context import build_context
from rolecompare.facts.parsing.handbook import read_quick_facts
from rolecompare.facts.parsing.howto import parse_how_to
from rolecompare.facts.parsing.kinds import classify
from rolecompare.facts.parsing.model import PageResult, Problem
from rolecompare.facts.parsing.passages import read_passages
from rolecompare.facts.parsing.prose import mentioned_roles, page_subject, parse_prose
from rolecompare.facts.parsing.sentence_figures import read_figures
from rolecompare.facts.parsing.stat_tables import read_statistics_tables
from rolecompare.facts.parsing.text import decode_page
from rolecompare.facts.parsing.unread import account_for_numbers
from rolecompare.facts.schema import metrics


def parse_page(source: str, data: bytes) -> PageResult:
    """Every fact, problem and undecided split on one page. Never raises on page content."""
    result = PageResult(source)
    lines, problems, readable = decode_page(data)
    result.problems.extend(problems)
    if not readable:
        return result
    try:
        context = build_context(lines)
        read_quick_facts(lines, result, context)
        read_statistics_tables(lines, result, context)
        read_passages(lines, result, context)
        visible = ["" if n in result.claimed and line else line for n, line in enumerate(lines, 1)]
        mentioned = mentioned_roles(visible)
        # claimed lines (quick facts, duties) never name the seed layouts' subject
        subject = context.seed_subject if not result.claimed else page_subject(visible)[0]
        parse_tables(visible, result, mentioned)
        for role in {f.role for f in result.facts}:  # a table's headers declare its roles
            context.roles.declare(role)
        parse_prose(visible, result, subject, context.roles.protect)
        parse_how_to(visible, result, subject)
        read = {f.line for f in result.facts if not metrics()[f.metric].is_passage}
        read |= {p.line for p in result.problems} | {p.line for p in result.pending}
        read_figures(lines, result, context, read)
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
