"""What an HTML page says about itself: its title, its address (canonical link, og:url, the
comment a browser's "save page" writes) and the date it was saved."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from rolecompare.facts.parsing import Problem
from rolecompare.facts.sources import web_address

_SAVED_DATE = re.compile(
    r"saved date:\s*\w{3}\s+(?P<mon>\w{3})\s+(?P<day>\d{1,2})\s+(?P<year>\d{4})", re.IGNORECASE
)
_SAVED_URL = re.compile(r"(?:saved from url=\(\d+\)|Page saved with SingleFile\s+url:)\s*(\S+)")
_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}


def saved_comment(text: str) -> tuple[str | None, str | None]:
    """(address, YYYY-MM-DD) from a browser's or SingleFile's 'saved from' comment, which
    they put at the top of the page."""
    top = text[:4096]
    if "saved" not in top.lower():
        return None, None
    url = m.group(1) if (m := _SAVED_URL.search(top)) else None
    date = None
    if (m := _SAVED_DATE.search(top)) and (month := _MONTHS.get(m["mon"].lower())):
        date = f"{m['year']}-{month:02d}-{int(m['day']):02d}"
    return url, date


def page_meta(tree: LexborHTMLParser) -> tuple[str | None, list[tuple[str, str]]]:
    """(title, addresses): <title> or the first <h1>; the canonical link and og:url, each
    as (where it was found, address), in that order of preference."""

    def clean(text: str | None) -> str | None:
        return " ".join((text or "").split()) or None

    title_node = tree.css_first("title")
    title = clean(title_node.text(deep=True)) if title_node is not None else None
    if title is None and (h1 := tree.css_first("h1")) is not None:
        title = clean(h1.text(deep=True, separator=" "))
    addresses = []
    for link in tree.css("link[rel][href]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            if url := clean(link.attributes.get("href")):
                addresses.append(('<link rel="canonical">', url))
            break
    og = tree.css_first('meta[property="og:url"][content]')
    if og is not None and (url := clean(og.attributes.get("content"))):
        addresses.append(('<meta property="og:url">', url))
    return title, addresses


def page_address(candidates: list[tuple[str, str | None]], problems: list[Problem]) -> str | None:
    """The first candidate that is an absolute http(s) address. One that is not (relative,
    `javascript:`, unreadable) is a problem on line 1, never silently dropped: the page is
    then cited by the next address it gives, or by its title without a link."""
    for origin, url in candidates:
        if not url:
            continue
        if web_address(url) is not None:
            return url
        problems.append(
            Problem(
                1,
                f"address {url[:200]!r} ({origin}) is not an absolute "
                "http(s) address: not used as the page's address",
            )
        )
    return None
