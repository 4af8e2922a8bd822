"""Lists of the best-paying places or employers, one item a line:

    Top paying states for electricians:
    - Illinois: $88,950
    - New York ($88,850)
    - Hawaii

The heading names what the list ranks (states, cities, industries, employers, companies) and
maybe whose pay it is (a role the page knows, else the page's role). The first item is the top
one (`top_state`, `top_city`, `top_industry`, `top_company`); an item's amount is that place's
or that employer type's pay (`salary_by_place`, `salary_by_industry`, category = the item as
printed). Items are bullets or numbered; the list ends at the first line that is not one.
"""

from __future__ import annotations

import re

from rolecompare.facts.parsing.context import PageContext
from rolecompare.facts.parsing.model import PageResult
from rolecompare.facts.parsing.numbers import find_numbers, token_fact
from rolecompare.facts.parsing.places import STATES

_HEADING = re.compile(
    r"\b(?:top|highest|best)[- ](?:paying|paid)\s+(?P<what>states|cities|industries|employers"
    r"|companies)\b",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"^\s*(?:[-•*·–]|\d{1,2}[.)])\s*(?P<name>[A-Z][^:($\t]{1,80}?)\s*(?:[:(–-]|\$|$)"
)
_STATE = re.compile(rf"^(?:{STATES})$")
_KINDS = {
    "states": ("top_state", "salary_by_place"),
    "cities": ("top_city", "salary_by_place"),
    "industries": ("top_industry", "salary_by_industry"),
    "employers": ("top_industry", "salary_by_industry"),
    "companies": ("top_company", None),
}
MAX_ITEMS = 60


def read_top_lists(lines: list[str | None], result: PageResult, context: PageContext) -> None:
    for number, line in enumerate(lines, start=1):
        if not line or len(line) > 160 or number in result.claimed:
            continue
        if "pa" not in line or not (m := _HEADING.search(line)):
            continue
        if any(t.kind == "money" for t in find_numbers(line)):
            continue  # a sentence with its own figures, read by the sentence readers
        mentions = context.roles.mentions(line)
        role = mentions[0].role if mentions else context.roles.subject or context.roles.main
        if role is None:
            continue
        _items(lines, number, role, _KINDS[m.group("what").lower()], result)


def _items(
    lines: list[str | None],
    heading: int,
    role: str,
    kinds: tuple[str, str | None],
    result: PageResult,
) -> None:
    top, pay = kinds
    first = True
    for number in range(heading + 1, min(len(lines), heading + MAX_ITEMS) + 1):
        line = lines[number - 1]
        if number in result.claimed:
            break  # another reader took the rows (category rows with their amounts)
        if line is None or not line.strip():
            if first:
                continue
            break
        m = _ITEM.match(line)
        name = m.group("name").strip() if m else None
        if name is None or (top == "top_state" and not _STATE.match(name)):
            break
        if first:
            result.facts.append(token_fact(role, top, number, text=name))
            result.claimed.add(heading)
            first = False
        result.claimed.add(number)
        money = [t for t in find_numbers(line) if t.kind == "money" and (t.value or 0) >= 1000]
        if pay and money:
            result.facts.append(token_fact(role, pay, number, money[0], category=name))
    if not first:
        result.layouts.add("statistics")
