"""Parse one raw page: decode it, find what it holds, and say what could not be read.

The layout is never taken from the file name: every reader looks at every page for the
structures it knows (comparison tables, sentences, score tables, degree and skill lists); a
page where none of them finds anything is reported as an unknown layout.
"""

from __future__ import annotations

from rolecompare.facts.parsing.comparison import parse_tables
from rolecompare.facts.parsing.howto import parse_how_to
from rolecompare.facts.parsing.model import PageResult, Problem
from rolecompare.facts.parsing.prose import mentioned_roles, page_subject, parse_prose
from rolecompare.facts.parsing.text import decode_page


def parse_page(source: str, data: bytes) -> PageResult:
    """Every fact, problem and undecided split on one page. Never raises on page content."""
    result = PageResult(source)
    lines, problems, readable = decode_page(data)
    result.problems.extend(problems)
    if not readable:
        return result
    try:
        mentioned = mentioned_roles(lines)
        subject, _ = page_subject(lines)
        parse_tables(lines, result, mentioned)
        parse_prose(lines, result, subject)
        parse_how_to(lines, result, subject)
    except Exception as exc:  # a parser bug must cost one page, not the whole ingest
        result.problems.append(Problem(1, f"internal parser error ({type(exc).__name__}: {exc})"))
    if not result.facts and not result.pending and not result.problems:
        result.problems.append(
            Problem(
                1,
                "unknown layout: no comparison table, role profile, score table or salary "
                "sentence found",
            )
        )
    return result
