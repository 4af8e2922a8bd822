"""Which roles a page speaks of, and which role each phrase of its text means.

A role is found in running text by its head noun ("nurses", "pharmacist", "truck drivers"):
a list of common occupation nouns, plus the last word of every role the page itself names in
its title, quick-facts heading or comparison title (so any "Llama groomer vs ..." page works).
Words in front of the head that are part of the name are kept ("licensed practical nurses",
"heavy and tractor-trailer truck drivers"); words that only say *which* members are meant
("licensed", "employed", "male", "Hispanic", "full-time") are dropped when what is left is a
role the page knows ("employed registered nurses" -> registered nurse).

Abbreviations are read as the page defines them ("registered nurses (RNs)", "licensed
vocational nurses (LVN)" introduced with "called" or "known as" as another name of the same
role); an undefined one is matched by its initials against the roles the page names in full
("RNs" -> registered nurses). "A and B" is one role ("accountants and auditors", "nurses and
midwives") unless A or B is a role the page compares with the other, or an abbreviation
("LPNs and LVNs" are two names of one role, or two roles, never a third). The vocabulary of
role words is in `role_words`.

A page's roles are what it declares: title, headings, table headers, compared pair, defined
abbreviations. A declared name that holds signs ("operations manager, district", "C++
developer") is matched whole before any head noun (`whole_names`). Reading backwards from a
head, a verb, a source word, a determiner, a preposition or an opening adverb ends the phrase
("BLS data show | RNs"; the words are data: metadata/role_words.csv). A number goes only to a
role the page declares, a kind of it, or a SOC 2018 occupation (`attributable`); a role the page
only mentions in passing gets a problem instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rolecompare.facts.parsing.role_names import describes, distinct_occupations, parts, soc_name
from rolecompare.facts.parsing.role_phrases import bare_list, head_spans, in_organisation, widen
from rolecompare.facts.parsing.role_words import (
    ABBR_DEFINED,
    ABBR_WORD,
    ALIAS,
    ANY_ABBREVIATION,
    CUES,
    GENERIC,
    HEAD_FORMS,
    JOINER,
    LOWER_WORDS,
    STOP,
    US_AVERAGE,
    WELL_KNOWN,
    Mention,
    head_of,
    initials,
    is_qualifier,
    name_key,
    singular_role,
    words_of,
)
from rolecompare.facts.parsing.text import clean_name, slugify
from rolecompare.facts.parsing.whole_names import (
    SIGNED,
    WholeNames,
    blank,
    hide_signs,
    soc_lists,
)

__all__ = ["SIGNED", "US_AVERAGE", "Mention", "PageRoles", "head_of", "singular_role"]


@dataclass
class PageRoles:
    """The roles of one page: declared ones (title, headings), abbreviations, the main role."""

    subject: str | None = None
    pair: tuple[str, str] | None = None
    declared: list[str] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # slug -> role
    heads: set[str] = field(default_factory=set)
    main: str | None = None
    us: bool = True  # the page speaks of the United States (not only of another country)
    # what was worked out already, while what the page knows has not changed
    _memo: dict[tuple[str, str], object] = field(default_factory=dict, repr=False)
    _memo_state: tuple = field(default=(), repr=False)
    # the role phrases' word spans of a text: they change only with the known heads and names
    _spans: dict[tuple, tuple] = field(default_factory=dict, repr=False)
    # declared names with signs in them ('Operations manager, district', 'C++ developer'),
    # matched whole before any head noun is looked for
    _whole: WholeNames = field(default_factory=WholeNames, repr=False)

    def _cached(self, kind: str, text: str, work: Callable[[str], Any]) -> Any:
        state = (len(self.aliases), len(self.abbreviations), len(self.heads), self.main, self.pair)
        if state != self._memo_state:
            self._memo.clear()
            self._memo_state = state
        key = (kind, text)
        if key not in self._memo:
            self._memo[key] = work(text)
        return self._memo[key]

    # --- building ---------------------------------------------------------------------------

    def may_name_a_role(self, text: str) -> bool:
        """A quick test: does the text hold a role noun or an abbreviation at all?"""
        if ANY_ABBREVIATION.search(text):
            return True
        words = set(LOWER_WORDS.findall(text.lower()))
        return bool(words & HEAD_FORMS) or any(
            w in self.heads or w.rstrip("s") in self.heads for w in words
        )

    def declare(self, name: str) -> str:
        role = singular_role(name)
        key = slugify(role)
        if key in self.aliases:
            return self.aliases[key]
        self.aliases[key] = role
        self.declared.append(role)
        last = role.split(" ")[-1]
        if last and not ABBR_WORD.match(last):
            self.heads.add(last.lower())
        return role

    def learn_abbreviations(self, lines: list[str | None]) -> None:
        """'registered nurses (RNs)', 'LPNs, known as licensed vocational nurses'."""
        for line in lines:
            if not line or ("(" not in line and "known as" not in line):
                continue
            for m in ABBR_DEFINED.finditer(line):
                phrase = self._phrase_before(line, m.start())
                if phrase is None:
                    continue
                role = self.aliases.get(slugify(singular_role(phrase))) or singular_role(phrase)
                self.abbreviations.setdefault(m.group("abbr"), role)
                self.aliases.setdefault(slugify(role), role)
                if alias := ALIAS.match(line, m.end()):
                    self.aliases.setdefault(slugify(singular_role(alias.group("phrase"))), role)
                    if alias.group("abbr"):
                        self.abbreviations.setdefault(alias.group("abbr"), role)
            for m in re.finditer(r"\b(?P<abbr>[A-Z]{2,5})s?(?=, (?:known as|called) )", line):
                alias = ALIAS.match(line, m.end())
                role = self.abbreviation(m.group("abbr"))
                if alias and role:
                    self.aliases.setdefault(slugify(singular_role(alias.group("phrase"))), role)

    def _phrase_before(self, line: str, at: int) -> str | None:
        """The role phrase that ends just before `at` ('registered nurses' before '(RNs)')."""
        text = line[max(0, at - 120) : at].rstrip()  # a name is short: look no further back
        if len(text) < min(at, 120) - 1:
            return None
        words = words_of(text)
        spans = head_spans(text, words, self.is_head, self.abbreviation)
        if not spans or spans[-1][1] != len(words) - 1 or words[-1][1] != len(text):
            return None
        first, head = spans[-1]
        if ABBR_WORD.match(words[head][2]) or in_organisation(text, words[first][0]):
            return None
        return text[words[first][0] : words[head][1]]

    def phrases(self, text: str) -> list[Mention]:
        """Each role phrase on its own ('accountants' and 'nurses' in 'nurses and accountants')."""
        words = words_of(text)
        out = []
        for first, head in head_spans(text, words, self.is_head, self.abbreviation):
            role, bare = self._resolve(text[words[first][0] : words[head][1]])
            if role:
                out.append(Mention(words[first][0], words[head][1], role, bare))
        return out

    def abbreviation(self, abbr: str) -> str | None:
        if abbr in self.abbreviations:
            return self.abbreviations[abbr]
        for role in [*self.declared, *self.aliases.values()]:
            if initials(role).upper() == abbr:
                return role
        if abbr in WELL_KNOWN:
            return self.aliases.get(slugify(WELL_KNOWN[abbr]), WELL_KNOWN[abbr])
        return None

    def known(self, role: str | None) -> bool:
        return bool(role) and slugify(role) in self.aliases

    def attributable(self, role: str) -> bool:
        """May a sentence's number be filed under this role? Only under a role the page declares
        (title, headings, table headers, comparison, defined abbreviation, or its main role)
        or a kind of it, the US average, or (on a page that compares no pair) an occupation of
        the SOC vocabulary; never under a generic noun."""
        if role == US_AVERAGE or self.known(role):
            return True
        key = name_key(role)
        if key in GENERIC:
            return False
        # a kind of the page's own role ('elementary teachers' on a page about teachers)
        head = key.rsplit(" ", 1)[-1]
        # ('Software Developers, Quality Assurance Analysts, and Testers': each conjunct's head)
        if any(p.rsplit(" ", 1)[-1].lower() == head for r in self._own() for p in parts(r)):
            return True
        # the SOC name that holds one of the page's roles ('paralegals and legal assistants') or
        # its field ('bookkeeping, accounting and auditing clerks' on a page about bookkeepers)
        if soc_name(key) and self._holds_own(key):
            self.declare(role)  # the SOC group the page cites for its role is one of its roles
            return True
        # a comparison the page does not make ('RNs vs LPNs ... CNAs earn'), or an occupation
        # a page about one role mentions in passing ('registered nurses' on a plumber page)
        if self.pair or self.subject:
            return False
        from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

        return key in soc_index()

    def _holds_own(self, key: str) -> bool:
        if " and " in key and any(self.known(p) for p in parts(key)):
            return True  # 'plumbers, pipefitters, and steamfitters' on a page about plumbers
        # a group title opening with the role's field: 'bookkeeping, accounting and auditing
        # clerks' for bookkeepers (not 'teaching assistants' for teachers: no list)
        if "," not in key:
            return False
        first = key.split(" ", 1)[0].rstrip(",")
        roots = {
            re.sub(r"(?:er|or|ist|ian)$", "", r.rsplit(" ", 1)[-1].lower()) for r in self._own()
        }
        return any(first in {root + "ing", root + "y"} for root in roots)

    def _own(self) -> list[str]:
        return [r for r in (self.main, self.subject, *(self.pair or ()), *self.declared) if r]

    # --- reading text -----------------------------------------------------------------------

    def resolve(self, phrase: str) -> str | None:
        """The role a phrase of the page means ('employed registered nurses', 'RNs')."""
        return self._resolve(phrase)[0]

    def _resolve(self, phrase: str) -> tuple[str | None, bool]:
        """The role and whether the phrase was only the head noun ('the nurses')."""
        return self._cached("resolve", phrase, self._resolve_now)

    def _resolve_now(self, phrase: str) -> tuple[str | None, bool]:
        full = clean_name(phrase)
        words = full.split(" ")
        while True:
            key = slugify(singular_role(" ".join(words)))
            if key in self.aliases:
                return self.aliases[key], False
            if len(words) == 1 or not is_qualifier(words[0]):
                break
            words = words[1:]
        if len(words) == 1:
            if m := ABBR_WORD.match(words[0]):
                return self.abbreviation(m.group("abbr")), False
            head = head_of(words[0])
            if head is not None:
                return self.role_of_head(head) or singular_role(words[0]), True
            return None, False
        # qualifiers are dropped only to reach a role the page knows ('licensed practical nurse')
        # 'the', 'most', 'many': a determiner or quantifier is no part of a name
        while " " in full and full.split(" ")[0].lower() in STOP:
            full = full.split(" ", 1)[1]
        if kind := self._described(full):
            return kind, False
        if words != full.split(" ") and soc_name(" ".join(words)):
            return singular_role(" ".join(words)), False  # 'U.S. accountants and auditors'
        return singular_role(full), False

    def _described(self, phrase: str) -> str | None:
        """The page's own role behind words that only describe it ('the highest paid
        carpenters', 'basic chemical manufacturing chemical engineers', 'across the country
        cashiers'): a known role ends the phrase, a participle or a place word stands in front
        of it, and the phrase is no SOC occupation. A kind named by nouns ('public school
        teachers') stays a role of its own."""
        words = phrase.split(" ")
        for k in range(1, len(words)):
            role = self.aliases.get(slugify(singular_role(" ".join(words[k:]))))
            if role is None:
                continue
            if not describes(words[k - 1]):  # the word next to it: 'paid', not 'Advanced practice'
                return None
            from rolecompare.facts.soc import soc_index  # soc reads role_words: import late

            return None if name_key(phrase) in soc_index() else role
        return None

    def role_phrase(self, text: str) -> str | None:
        """The role when the whole text names one ('the registered nurses'), else None."""
        text = clean_name(text)
        mentions = self.mentions(text)
        if len(mentions) != 1 or mentions[0].end != len(text):
            return None
        before = text[: mentions[0].start].strip().lower()
        return mentions[0].role if before in {"", "a", "an", "the"} else None

    def name_ending_at_head(self, name: str) -> str:
        """A name a pattern read too far ('cook normally' of 'becoming a cook normally takes'):
        adverbs after the last role phrase are no part of it ('chef de cuisine' stays)."""
        last = name.rsplit(" ", 1)[-1].lower()
        if not (last.endswith("ly") or last in CUES["connective"]):
            return name  # the quick test: most names end in their head noun
        mentions = self.mentions(name)
        if not mentions or mentions[-1].end >= len(name.rstrip()):
            return name
        tail = name[mentions[-1].end :].split()
        if all(w.lower() in CUES["connective"] or w.endswith("ly") for w in tail):
            return name[: mentions[-1].end]
        return name

    def role_of_head(self, head: str) -> str | None:
        """The page's own role that a bare 'nurses' means: the main role, else the only one.
        A generic noun ('nurses', 'teachers') on a page that names two roles of that kind
        ('registered nurses', 'licensed practical nurses') means neither of them."""
        if head in GENERIC and head not in self.aliases:
            kinds = {r for r in self.aliases.values() if r.split(" ")[-1].lower() == head}
            if len(kinds) > 1:
                return None
        if self.main and self.main.split(" ")[-1].lower() == head:
            return self.main
        if head in GENERIC and self.main is None and self.pair is None:
            return None  # an industry's '1.8 million workers' are not its warehouse workers
        same = {r for r in self.declared if r.split(" ")[-1].lower() == head}
        if self.pair:
            same |= {r for r in self.pair if r.split(" ")[-1].lower() == head}
        return next(iter(same)) if len(same) == 1 else None

    def is_head(self, word: str) -> bool:
        return head_of(word) is not None or word.lower().rstrip("s") in self.heads

    def mentions(self, text: str) -> list[Mention]:
        """Every role the text names, left to right."""
        return list(self._cached("mentions", text, self._mentions_whole_first))

    def whole_spans(self, text: str) -> list[Mention]:
        """Where the text names a declared role whose name holds signs, kept whole."""
        return self._whole.spans(self.declared, text)

    def protect(self, text: str) -> str:
        """The text with the signs inside declared names hidden (same length): a pattern that
        stops at ',' or '(' reads 'Operations manager, district' whole."""
        spans = self.whole_spans(text)
        return hide_signs(text, spans) if spans else text

    def _mentions_whole_first(self, text: str) -> list[Mention]:
        whole = self.whole_spans(text)
        if not whole:
            found = self._mentions_now(text)
        else:
            rest = self._mentions_now(blank(text, whole))
            found = sorted([*whole, *rest], key=lambda m: m.start)
        if " of " in text or " for " in text:  # 'National Association of Black Accountants'
            found = [m for m in found if not in_organisation(text, m.start)]
        if ", " in text and found:  # 'plumbers, pipefitters, and steamfitters': one SOC title
            found = soc_lists(text, found)
        return found

    def _mentions_now(self, text: str) -> list[Mention]:
        if not self.may_name_a_role(text):
            return []
        key = (text, len(self.heads), len(self.abbreviations), len(self.aliases))
        if key not in self._spans:
            words = words_of(text)
            self._spans[key] = (words, head_spans(text, words, self.is_head, self.abbreviation))
        words, spans = self._spans[key]
        out: list[Mention] = []
        k = 0
        while k < len(spans):
            # a chain "A, B, and C" / "A and B" / "A or B": one role unless the page compares them
            last = k
            while last + 1 < len(spans) and JOINER.fullmatch(
                text[words[spans[last][1]][1] : words[spans[last + 1][0]][0]]
            ):
                last += 1
            chain = spans[k : last + 1]
            start, end = words[chain[0][0]][0], words[chain[-1][1]][1]
            roles = [self.resolve(text[words[a][0] : words[b][1]]) for a, b in chain]
            whole = self.resolve(text[start:end]) if len(chain) > 1 else None
            named = [words[b][2] for _, b in chain]
            abbreviated = any(ABBR_WORD.match(w) for w in named)
            if len(chain) > 1 and (
                self.known(whole or "")
                or soc_name(whole)  # 'paralegals and legal assistants', whatever the pair
                or (len({r for r in roles if r}) == 1 and all(roles))
                # "nurses and midwives", but never "LPNs and LVNs" as a role of its own, nor a
                # list of titles with no "and" ("Job Titles: A, B, C")
                or (
                    not abbreviated
                    and not any(self._distinct(r) for r in roles)
                    and not bare_list(text, words, chain)
                    and not distinct_occupations(roles, named, whole)
                )
            ):
                if len({r for r in roles if r}) == 1 and all(roles):
                    whole = roles[0]
                if whole:
                    out.append(
                        Mention(widen(text, words, chain[0][0], start, self.is_head), end, whole)
                    )
                k = last + 1
                continue
            for (first, head), role in zip(chain, roles, strict=True):
                if role:
                    begin = widen(text, words, first, words[first][0], self.is_head)
                    wider = self.resolve(text[begin : words[head][1]])
                    if begin != words[first][0] and (self.known(wider) or not self.known(role)):
                        role = wider or role
                    else:
                        begin = words[first][0]
                    bare = self._resolve(text[begin : words[head][1]])[1]
                    out.append(Mention(begin, words[head][1], role, bare))
            k = last + 1
        return out

    def _distinct(self, role: str | None) -> bool:
        """A role the page keeps apart from others (one of its compared pair)."""
        return bool(role and self.pair and slugify(role) in {slugify(r) for r in self.pair})
