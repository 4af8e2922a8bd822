"""Whose share a sentence gives: the role right after it ('3% of all welders'), or nobody:
someone who is not a role the page knows ('12% of people living in the U.S.', '5% of tech
leaders', 'Among new SOA members, ...', and the share the sentence goes on with). 'Of the
workforce', 'of the profession' are the page's own role's members."""

from __future__ import annotations

import re

from rolecompare.facts.parsing.sentences import Found, Sentence, Span, whose

# 'of the workforce', 'of the profession': the page's own role's members, named no further
_OWN_GROUP = re.compile(
    r"\s*(?:%|percent)?\s+(?:of|among)\s+(?:(?:the|all|its|this|that)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:workforce|profession|occupation|field|trade|total|them|those)\b",
    re.IGNORECASE,
)


def own_share(sentence: Sentence, found: Found) -> None:
    """Whose share a sentence gives: the role right after it ('3% of all welders'), or nobody
    (see `not_a_role_of`)."""
    if found.role is None and found.token is not None:
        found.role = whose(sentence, found.token.end) or None
    found.named_elsewhere = found.named_elsewhere or not_a_role_of(sentence, found)


def not_a_role_of(sentence: Sentence, found: Found) -> bool:
    """'12% of people living in the U.S.' (and the '15%' the sentence goes on with), 'Among
    new SOA members, only 4.4% are Black': a share the sentence gives to someone who is not a
    role the page knows is nobody's, never the page's role's."""
    if found.role is not None or found.token is None:
        return False
    text, token = sentence.line.text, found.token
    if whose(sentence, token.end) == "" and not _OWN_GROUP.match(text, token.end):
        return True
    if (m := _AMONG.match(text, sentence.span.start)) and not sentence.line.mentions_in(
        Span(m.start("who"), m.end("who"), "")
    ):
        return not _OWN_GROUP.match(" of " + m.group("who"))
    earlier = [t for t in sentence.line.tokens_in(sentence.span) if t.end <= token.start]
    return any(
        whose(sentence, t.end) == "" and not _OWN_GROUP.match(text, t.end)
        for t in earlier
        if t.printed.endswith("%") or text.startswith(("%", " percent"), t.end)
    ) and not whose(sentence, token.end)


_AMONG = re.compile(r"[\s•*·-]*(?:Among|For)\s+(?P<who>[^,]{3,60}),")
