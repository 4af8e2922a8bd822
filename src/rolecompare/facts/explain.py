"""How one line of one page was read: `rolecompare ingest --explain FILE:LINE`.

The page is parsed as ingest parses it; then each number printed on the line is listed with
the fact that took it (the reader's name, role, metric, statistic, qualifier, period, category
and unit), or why it was left unread: the rule that says it is not data, or the problem ingest
reports for it. Facts of the line without a number (a place, an education) are listed too.
"""

from __future__ import annotations

from pathlib import Path

from rolecompare.facts.parsing import PageResult, parse_page
from rolecompare.facts.parsing.model import RawFact
from rolecompare.facts.parsing.numbers import Token, find_numbers
from rolecompare.facts.parsing.text import decode_page


class ExplainError(ValueError):
    """The file or line cannot be explained (the message says why)."""


def parse_target(target: str) -> tuple[Path, int]:
    """'pages/x.txt:12' -> (Path('pages/x.txt'), 12)."""
    path, sep, number = target.rpartition(":")
    if not sep or not number.strip().isdigit():
        raise ExplainError(f"{target}: expected FILE:LINE, e.g. data/raw/page.txt:12")
    return Path(path), int(number)


def explain(path: Path, number: int) -> str:
    """The account of line `number` of the page at `path`, as printed text."""
    if not path.is_file():
        raise ExplainError(f"{path}: no such file")
    data = path.read_bytes()
    lines, _, readable = decode_page(data)
    if not readable:
        raise ExplainError(f"{path}: not a readable text page")
    if not 1 <= number <= len(lines):
        raise ExplainError(f"{path}:{number}: line out of range (the page has {len(lines)} lines)")
    text = lines[number - 1] or ""
    result = parse_page(path.name, data)
    out = [f"{path}:{number}: {text.strip()!r}"]
    if number in result.claimed:
        out.append("  (a line of a block a reader took whole)")
    tokens = find_numbers(text)
    facts = [f for f in result.facts if f.line == number]
    used: set[int] = set()
    for token in tokens:
        out += _explain_token(token, number, facts, used, result)
    for i, fact in enumerate(facts):
        if i not in used and fact.value is None:
            out.append(f"  text: {_describe(fact)}")
    unused = [f for i, f in enumerate(facts) if i not in used and f.value is not None]
    for fact in unused:  # a value not printed as such on the line ("3.1 million" -> 3100000)
        out.append(f"  fact: {_describe(fact)}")
    if not tokens and not facts:
        out.append("  no number and no fact on this line")
    return "\n".join(out)


def _explain_token(
    token: Token, number: int, facts: list[RawFact], used: set[int], result: PageResult
) -> list[str]:
    head = f"  {token.printed!r} at {token.start + 1}:"
    taken = [
        (i, f)
        for i, f in enumerate(facts)
        if (f.where is not None and f.where[0] <= token.start < f.where[1])
        or (
            f.where is None
            and f.value is not None
            and token.value is not None
            and abs(abs(f.value) - abs(token.value)) < 1e-9
        )
    ]
    if taken:
        used.update(i for i, _ in taken)
        return [f"{head} read -> {_describe(f)}" for _, f in taken]
    for start, end in result.consumed.get(number, []):
        if start <= token.start < end:
            return [f"{head} read as part of a fact (a percentile's 'top 10 percent', ...)"]
    for item in result.non_data:
        if item.line == number and item.printed == token.printed:
            return [f"{head} not data: {item.rule}"]
    for problem in result.problems:
        if problem.line == number and problem.message.startswith(token.printed):
            return [f"{head} unread: {problem.message}"]
    if number in result.read_lines:
        return [f"{head} read as a cell of a table row"]
    if token.is_year or token.kind == "span":
        return [f"{head} a year of a fact's period"]
    problems = [p.message for p in result.problems if p.line == number]
    if problems:
        return [f"{head} unread: the line's problem: {problems[0]}"]
    return [f"{head} unread (no reader took it)"]


def _describe(fact: RawFact) -> str:
    parts = [f"reader={fact.reader or '?'}", f"role={fact.role!r}", f"metric={fact.metric}"]
    if fact.value is not None:
        parts.append(f"value={fact.printed or fact.value}")
    for name in ("statistic", "qualifier", "period", "category", "unit", "text"):
        value = getattr(fact, name)
        parts.append(f"{name}={value if value is not None else '-'}")
    return " ".join(parts)
