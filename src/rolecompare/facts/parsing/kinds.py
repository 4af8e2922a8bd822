"""Which kind of page this is (pages.csv `kind`), from what the readers found on it.

The layouts the readers add decide first (`model.PAGE_KINDS`: a comparison table makes a
comparison page). Then:

- **handbook**: a quick-facts block, or at least two of the section headings occupational
  handbooks use ("What They Do", "Work Environment", "How to Become One", "Pay", "Job
  Outlook", "Job prospects", "Key facts about ...");
- **comparison-prose**: a title that compares two roles ("A vs. B", "Difference Between A & B",
  "Who Makes More: A or B?") on a page without comparison tables;
- **statistics** or **fact-sheet**, for pages whose figures stand in sentences, lists and
  label/value tables: the words of the page's headings decide. Statistics pages speak of
  statistics, numbers, wages, pay, employment, outlook, states or metro areas; fact sheets of
  facts, the workforce, a survey, characteristics, or what a role does and needs. Ties go to
  fact sheet;
- **profile**: any other page with facts (one role's description, duties, salary sentences).
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PAGE_KINDS, PageResult

_HANDBOOK_HEADINGS = re.compile(
    "|".join(
        f"(?P<h{i}>{p})"
        for i, p in enumerate(
            (
                r"^what (?!does\b|is\b)[\w ,'-]{1,120} do$",
                r"^work environment$",
                r"^how to become (?:one|an? .+)$",
                r"^pay$",
                r"^job outlook\b.*$",
                r"^(?:current and future )?job prospects\b.*$",
                r"^state & area data$",
                r"^similar occupations$",
                r"^key facts about\b.*$",
                r"^labour market conditions\b.*$",
            )
        )
    ),
    re.IGNORECASE,
)
_STATISTICS_WORDS = re.compile(
    r"\b(?:statistics|stats|numbers|wages?|pay|salar(?:y|ies)|earnings|employment|outlook"
    r"|states|metro(?:politan)?)\b",
    re.IGNORECASE,
)
_FACT_SHEET_WORDS = re.compile(
    r"\b(?:facts?|workforce|survey|characteristics|qualifications|what they do|where they work"
    r"|demographics?)\b",
    re.IGNORECASE,
)
_KIND_LAYOUTS = frozenset().union(*(layouts for _, layouts in PAGE_KINDS))


def classify(result: PageResult, context: PageContext) -> None:
    """Add the layout that names the page's kind, where the readers' layouts do not."""
    headings = [text.rstrip(":?").strip() for _, text in context.headings]
    found = {m.lastgroup for h in headings if (m := _HANDBOOK_HEADINGS.match(h))}
    if len(found) >= 2:
        result.layouts.add("handbook")
    if context.roles.pair and not result.layouts & {"comparison-separated", "comparison-glued"}:
        result.layouts.add("comparison-prose")
    if result.layouts & _KIND_LAYOUTS:
        return
    if result.layouts & {"sentences", "statistics-table"}:
        statistics = sum(len(_STATISTICS_WORDS.findall(h)) for h in headings)
        facts = sum(len(_FACT_SHEET_WORDS.findall(h)) for h in headings)
        if "statistics-table" in result.layouts or statistics > facts:
            result.layouts.add("statistics")
        else:
            result.layouts.add("fact-sheet")
    elif result.facts:
        result.layouts.add("profile")
