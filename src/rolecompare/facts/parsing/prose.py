"""Facts stated in sentences: years to become, average salaries, top skills, regional and
foreign salaries, minimum experience, projected growth, training time.

Each pattern names its role in the sentence where the page does ("to become a customer care
manager"); sentences that speak of the page's subject without naming it ("those in Atlanta can
expect to earn 6% less") are attributed to the page's subject, found by `page_subject`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rolecompare.facts.parsing.model import PageResult, Problem, RawFact
from rolecompare.facts.parsing.text import NUMBER, clean_name, read_number, singular, slugify
from rolecompare.facts.schema import metrics

# A role named in running text: up to nine words, no sentence punctuation. A word may hold a
# period inside ("a.b") or be a known abbreviation ("Sr."), so "Sr. Customer Relations
# Manager" is one role, while a period that ends a word ends the role ("... manager.").
_ABBREVIATIONS = (
    r"(?:Sr|Jr|Snr|Asst|Assoc|Admin|Dept|Exec|Mgr|Mgmt|Gen|Govt|Intl|Natl|Tech|Sup|Co|Dir)\."
)
_WORD = rf"(?:{_ABBREVIATIONS}|[^\s,.;:!?()$%](?:[^\s,;:!?()$%]*[^\s,.;:!?()$%])?)"
ROLE = rf"{_WORD}(?: {_WORD}){{0,8}}?"
# In a title that is only a role's name, the name may hold commas and a defined abbreviation:
# "What is a operations manager, district and how to become one", "Registered Nurse (RN) vs ..."
_TITLE_WORD = rf"(?:{_WORD}|\.NET|\([A-Z]{{2,6}}s?\))"
TITLE_ROLE = rf"{_TITLE_WORD}(?:,? {_TITLE_WORD}){{0,8}}?"
_A = r"(?:an?|the) "
_RANGE = rf"({NUMBER})\s*(?:-|–|to)\s*({NUMBER})"

CURRENCIES = {
    "£": "GBP",
    "€": "EUR",
    "AU$": "AUD",
    "A$": "AUD",
    "CA$": "CAD",
    "C$": "CAD",
    "NZ$": "NZD",
    "¥": "JPY",
    "₹": "INR",
    "US$": "USD",
    "S$": "SGD",
    "R$": "BRL",
}
_CURRENCY = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))

_BECOME = re.compile(
    rf"takes?(?: (?:usually|typically|about|around|generally))* {_RANGE} years to become "
    rf"(?:both )?{_A}(?P<a>{ROLE})(?: and {_A}(?P<b>{ROLE}))?(?=[,.;]|$| but| while)",
    re.IGNORECASE,
)
_BECOMING = re.compile(
    rf"becoming {_A}(?P<a>{ROLE}) (?:(?:takes|usually|typically|requires|generally) )+"
    rf"{_RANGE} years",
    re.IGNORECASE,
)
_HAS_SALARY = re.compile(
    rf"{_A}(?P<a>{ROLE}) (?:has|earns) an average (?:annual )?salary of \$({NUMBER})", re.I
)
_SALARY_OF = re.compile(rf"\$({NUMBER}) average (?:annual )?salary of {_A}(?P<a>{ROLE})[,.;]", re.I)
_TOP_SKILLS = re.compile(
    rf"(?:top (?:\w+ )?skills|most important skills) for {_A}(?P<a>{ROLE}) (?:include|are) "
    r"(?P<list>[^.]+)\.",
    re.IGNORECASE,
)
_US_SALARY = re.compile(
    rf"average salary for {_A}(?P<a>{ROLE}) in (?:the )?(?:US|U\.S\.|United States) is "
    rf"\$({NUMBER})(?: per year| a year| annually)?",
    re.IGNORECASE,
)
_US_SALARY_HOW_TO = re.compile(
    rf"average (?P<a>{ROLE}) salary in (?:the )?(?:US|U\.S\.|United States) is \$({NUMBER}) "
    rf"per year(?: or \$({NUMBER}) per hour)?",
    re.IGNORECASE,
)
_SALARY_RANGE = re.compile(
    rf"(?P<a>{ROLE}) salaries range between \$({NUMBER}) and \$({NUMBER})", re.IGNORECASE
)
_REGIONAL = re.compile(
    rf"\bin (?P<place>[A-Z][\w.,' -]{{0,60}}?) can expect to earn ({NUMBER})% (?P<dir>more|less)"
)
_ABROAD = re.compile(
    rf"(?:average salary for {_A}{ROLE} in (?:the )?(?P<c1>[A-Z][\w.' -]{{0,40}}?) is"
    rf"|In (?:the )?(?P<c2>[A-Z][\w.' -]{{0,40}}?), the average salary is) "
    rf"(?P<cur>{_CURRENCY})\s?({NUMBER})(?: \(\$({NUMBER}) USD\))?"
)
_MIN_EXPERIENCE = re.compile(rf"minimum of ({NUMBER}) years? of experience", re.IGNORECASE)
_PROJECTED = re.compile(
    rf"projected to (?P<dir>grow|decline|increase|decrease) ({NUMBER})% "
    r"from (\d{4}) to (\d{4})",
    re.IGNORECASE,
)
_TRAINING = re.compile(
    rf"(?P<who>[A-Z][A-Za-z ]{{0,60}}?) spend an average of {_RANGE} months on [^.]*training"
)
_YEARLY_LINE = re.compile(rf"^\s*\$({NUMBER})\s+(?P<per>yearly|hourly|per year|per hour)\s*$", re.I)
_TITLE_HOW_TO = re.compile(
    rf"^\s*what is {_A}(?P<a>{TITLE_ROLE}) and how to become one\s*\??$", re.I
)
_TITLE_VERSUS = re.compile(
    rf"^\s*(?P<a>{TITLE_ROLE}) vs\.? (?P<b>{TITLE_ROLE})(?: overview)?\s*$", re.I
)
_SKILL_LIST_HEADING = re.compile(rf"^\s*common (?P<a>{ROLE}) skills\s*$", re.IGNORECASE)
_TITLE_NAME = re.compile(r"\.?[A-Za-z][\w &'/,().+#-]*")  # a page titled by a role's name
_BULLET = re.compile(r"^\s*[•*·-]")
_DIGIT = re.compile(r"\d")
_BULLET_SKILL = re.compile(rf"^\s*[•*·-]\s*(?P<skill>[^,]+?),\s*({NUMBER})\s?%\s*$")


def _fact(role: str, metric: str, line: int, printed: str | None = None, **kw) -> RawFact:
    number = read_number(printed) if printed else None
    unit = kw.pop("unit", None) or metrics()[metric].unit or None
    return RawFact(
        role=clean_name(role),
        metric=metric,
        line=line,
        value=number.value if number else None,
        printed=number.printed if number else None,
        unit=unit,
        **kw,
    )


def mentioned_roles(lines: list[str | None]) -> set[str]:
    """Slugs of the roles a page names in its title and sentences (to confirm table headers)."""
    names: set[str] = set()
    for line in lines:
        if not line:
            continue
        lowered = line.lower()
        if "vs" not in lowered and "becom" not in lowered and "salary" not in lowered:
            continue  # none of the patterns below can match
        for pattern in (_TITLE_VERSUS, _TITLE_HOW_TO, _BECOME, _BECOMING, _HAS_SALARY, _SALARY_OF):
            for m in pattern.finditer(line):
                for key in ("a", "b"):
                    if key in m.re.groupindex and m.group(key):
                        names.add(slugify(m.group(key)))
    return names


def page_subject(lines: list[str | None]) -> tuple[str | None, int]:
    """The single role a profile or how-to-become page is about, and the line naming it."""
    for number, line in enumerate(lines, start=1):
        if line and (m := _TITLE_HOW_TO.match(line)):
            return clean_name(m.group("a")), number
    for number, line in enumerate(lines, start=1):
        if line and (m := _US_SALARY.search(line)):
            return clean_name(m.group("a")), number
    first = next(((n, ln.strip()) for n, ln in enumerate(lines, 1) if ln and ln.strip()), None)
    if first and 1 <= len(first[1].split()) <= 8 and _TITLE_NAME.fullmatch(first[1]):
        title = first[1]
        rest = " ".join(ln for ln in lines[first[0] :] if ln).lower()
        if rest.count(title.lower()) >= 2:
            return clean_name(title), first[0]
    return None, 0


def parse_prose(
    lines: list[str | None],
    result: PageResult,
    subject: str | None,
    protect: Callable[[str], str] | None = None,
) -> None:
    """Read every sentence-level fact on the page into `result`.

    `protect` hides the signs inside the page's declared role names (same length), so that a
    pattern reads 'operations manager, district' whole; the role is then taken from the line
    as printed.
    """
    skill_role: str | None = None
    for number, printed in enumerate(lines, start=1):
        if not printed:
            skill_role = None if printed is None else skill_role
            continue
        line = protect(printed) if protect else printed

        def said(m: re.Match[str], key: str = "a", printed: str = printed) -> str:
            return printed[m.start(key) : m.end(key)]

        facts = result.facts
        lowered = line.lower()
        if not _DIGIT.search(line) and "skill" not in lowered:  # every other pattern needs one
            skill_role = _skill_list_line(line, number, result, skill_role, printed)
            continue
        if "year" not in lowered and "skill" not in lowered and "salar" not in lowered:
            _subject_sentences(line, number, result, subject)
            skill_role = _skill_list_line(line, number, result, skill_role, printed)
            continue
        becomes = "becom" in lowered
        averages = "average" in lowered
        for m in _BECOME.finditer(line) if becomes else ():
            for key in ("a", "b"):
                if m.group(key):
                    facts.append(_fact(said(m, key), "years_to_become_min", number, m.group(1)))
                    facts.append(_fact(said(m, key), "years_to_become_max", number, m.group(2)))
        for m in _BECOMING.finditer(line) if becomes else ():
            facts.append(_fact(said(m), "years_to_become_min", number, m.group(2)))
            facts.append(_fact(said(m), "years_to_become_max", number, m.group(3)))
        for m in _HAS_SALARY.finditer(line) if averages else ():
            facts.append(_fact(said(m), "salary_yearly", number, m.group(2), statistic="mean"))
        for m in _SALARY_OF.finditer(line) if averages else ():
            facts.append(_fact(said(m), "salary_yearly", number, m.group(1), statistic="mean"))
        for m in _TOP_SKILLS.finditer(line) if "skills" in lowered else ():
            skills = [s.strip() for s in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list"))]
            for rank, skill in enumerate((s for s in skills if s), start=1):
                facts.append(_fact(said(m), "skill_top", number, text=skill, category=str(rank)))
        for m in _US_SALARY.finditer(line) if averages else ():
            facts.append(_fact(said(m), "salary_yearly", number, m.group(2), statistic="mean"))
        for m in _US_SALARY_HOW_TO.finditer(line) if averages else ():
            facts.append(_fact(said(m), "salary_yearly", number, m.group(2), statistic="mean"))
            if m.group(3):
                facts.append(_fact(said(m), "salary_hourly", number, m.group(3), statistic="mean"))
        for m in _SALARY_RANGE.finditer(line) if "range" in lowered else ():
            facts.append(_fact(said(m), "salary_min", number, m.group(2)))
            facts.append(_fact(said(m), "salary_max", number, m.group(3)))
        _subject_sentences(line, number, result, subject)
        skill_role = _skill_list_line(line, number, result, skill_role, printed)


def _skill_list_line(
    line: str, number: int, result: PageResult, role: str | None, printed: str | None = None
) -> str | None:
    """'Common customer service manager skills' then '• Payroll, 6%' bullets; returns the role
    whose list continues on the next line."""
    if m := _SKILL_LIST_HEADING.match(line):
        result.layouts.add("skill-list")
        return clean_name((printed or line)[m.start("a") : m.end("a")])
    if role is None:
        return None
    if m := _BULLET_SKILL.match(line):
        result.facts.append(
            _fact(role, "skill_share", number, m.group(2), category=m.group("skill"))
        )
        return role
    if _BULLET.match(line):
        if re.search(r"\d", line):
            result.problems.append(Problem(number, f"skill bullet {line.strip()!r} not understood"))
        return role
    return None


_SUBJECT_KEYWORDS = ("expect to earn", "salary", "experience", "projected", "months", "$")


_Found = list[tuple[str, dict]]  # (metric, keyword arguments for _fact, with "printed")


def _subject_sentences(line: str, number: int, result: PageResult, subject: str | None) -> None:
    if not any(k in line for k in _SUBJECT_KEYWORDS) and "Yearly" not in line:
        return
    found = [
        *_regional_diffs(line),
        *_abroad_salaries(line),
        *_min_experience(line),
        *_projected_growth(line),
        *_yearly_line(line),
        *_training_months(line, number, result, subject),
    ]
    if not found:
        return
    if subject is None:
        result.problems.append(
            Problem(number, "a salary or experience statement names no role the page is about")
        )
        return
    _add_subject_facts(found, subject, number, result)


def _regional_diffs(line: str) -> _Found:
    found: _Found = []
    for m in _REGIONAL.finditer(line) if "expect to earn" in line else ():
        sign = "-" if m.group("dir") == "less" else ""
        found.append(
            ("salary_regional_diff", {"printed": sign + m.group(2), "category": m.group("place")})
        )
    return found


def _abroad_salaries(line: str) -> _Found:
    found: _Found = []
    for m in _ABROAD.finditer(line) if "average salary" in line else ():
        country = (m.group("c1") or m.group("c2")).strip()
        if country.lower() in {"us", "u.s.", "united states"}:
            continue
        currency = CURRENCIES[m.group("cur")]
        found.append(
            (
                "salary_abroad",
                {
                    "printed": m.group(4),
                    "category": country,
                    "unit": f"{currency}/year",
                    "statistic": "mean",
                },
            )
        )
        if m.group(5):
            found.append(
                (
                    "salary_abroad_usd",
                    {"printed": m.group(5), "category": country, "statistic": "mean"},
                )
            )
    return found


def _min_experience(line: str) -> _Found:
    if "minimum" not in line.lower():
        return []
    return [
        ("experience_min_years", {"printed": m.group(1)}) for m in _MIN_EXPERIENCE.finditer(line)
    ]


def _projected_growth(line: str) -> _Found:
    found: _Found = []
    for m in _PROJECTED.finditer(line) if "projected" in line.lower() else ():
        sign = "-" if m.group("dir").lower() in {"decline", "decrease"} else ""
        who = "Bureau of Labor Statistics" if "bureau of labor statistics" in line.lower() else None
        found.append(
            (
                "growth_projected",
                {
                    "printed": sign + m.group(2),
                    "period": f"{m.group(3)}-{m.group(4)}",
                    "text": who,
                },
            )
        )
    return found


def _yearly_line(line: str) -> _Found:
    if (m := _YEARLY_LINE.match(line)) is None:
        return []
    per = m.group("per").lower()
    metric = "salary_yearly" if per in {"yearly", "per year"} else "salary_hourly"
    return [(metric, {"printed": m.group(1)})]


def _training_months(line: str, number: int, result: PageResult, subject: str | None) -> _Found:
    """Training time counts only when the sentence names the page's own role."""
    found: _Found = []
    for m in _TRAINING.finditer(line) if "spend an average" in line else ():
        who = singular(m.group("who"))
        if subject and slugify(who) == slugify(subject):
            found.append(("training_months_min", {"printed": m.group(2)}))
            found.append(("training_months_max", {"printed": m.group(3)}))
        else:
            result.problems.append(
                Problem(
                    number,
                    f"training time ({m.group(2)}-{m.group(3)} months) is stated for "
                    f"{m.group('who')!r}, not for the page's role {subject!r}: not attributed",
                )
            )
    return found


def _add_subject_facts(found: _Found, subject: str, number: int, result: PageResult) -> None:
    for metric, kw in found:
        printed = kw.pop("printed")
        negative = printed.startswith("-")
        fact = _fact(subject, metric, number, printed.lstrip("-"), **kw)
        if negative and fact.value is not None:
            fact = RawFact(**{**fact.__dict__, "value": -fact.value, "printed": "-" + fact.printed})
        result.facts.append(fact)
