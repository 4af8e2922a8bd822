"""Names a reader sees: roles in sentences (plural, singular, with an article) and metrics.

Role names come from untrusted pages; here they are plain text (templates escape them).
No raw id reaches a reader: a role without a display name is shown as its id's words, the US
average as "the US average", and every metric by a label written for readers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rolecompare.core.roles import US_AVERAGE

_IRREGULAR = {"person": "people", "woman": "women", "man": "men", "child": "children"}
_UNCOUNTABLE = {"staff", "personnel", "crew", "faculty", "clergy"}
_NOT_MAN = {"human", "german", "shaman", "talisman", "ottoman", "roman", "caiman"}
_HEAD_BREAKS = re.compile(r"\s(?:of|for|in|to|at|with|on|from)\s|\s\(|,\s", re.IGNORECASE)

# Labels of the metrics a report shows (rows of its tables, items of its sentences).
METRIC_LABELS = {
    "salary_yearly": "Yearly salary",
    "salary_hourly": "Hourly rate",
    "salary_min": "Salary range, low end",
    "salary_max": "Salary range, high end",
    "salary_range": "Salary range",
    "salary_percentile": "Pay percentiles",
    "salary_percentile_hourly": "Hourly pay percentiles",
    "salary_regional_diff": "Pay by place",
    "salary_by_place": "Pay in one state or area",
    "salary_by_industry": "Pay by kind of employer",
    "salary_abroad": "Salaries abroad",
    "salary_abroad_usd": "Salaries abroad in US dollars",
    "growth_rate": "Growth rate",
    "growth_projected": "Projected growth",
    "jobs_count": "Number of jobs",
    "employment_change": "Projected change in jobs",
    "openings_yearly": "Openings a year",
    "job_satisfaction": "Job satisfaction",
    "experience_years": "Years of experience",
    "experience_min_years": "Minimum experience",
    "years_to_become": "Years to become one",
    "years_to_become_min": "Years to become one, at least",
    "years_to_become_max": "Years to become one, at most",
    "training_months_min": "Training, at least",
    "training_months_max": "Training, at most",
    "degree_top": "Most common degree",
    "major_top": "Most common major",
    "college_top": "Most common college",
    "education_entry": "Entry-level education",
    "experience_related": "Related experience needed",
    "training_on_the_job": "On-the-job training",
    "degree_share": "Degrees",
    "age": "Age",
    "gender_share": "Gender",
    "race_share": "Race",
    "lgbt_share": "LGBT share",
    "top_city": "Highest paying city",
    "top_state": "Highest paying state",
    "top_company": "Best paying company",
    "top_industry": "Best paying industry",
    "description": "Description",
    "responsibility": "Example responsibilities",
    "skill_share": "Skills (share of resumes)",
    "skill_top": "Top skills named in the text",
    "score_salary": "Salary score",
    "score_stability": "Stability score",
    "score_diversity": "Diversity score",
    "score_stress": "Stress score",
    "score_complexity": "Complexity score",
    "score_work_life": "Work-life balance score",
}
STATISTIC_WORDS = {"mean": "average", "median": "median"}
QUALIFIER_WORDS = {
    "approximate": "about",
    "more than": "more than",
    "less than": "less than",
    "nearly": "nearly",
    "at least": "at least",
    "at most": "at most",
}


def metric_label(metric: str) -> str:
    """'Yearly salary' for salary_yearly; unknown metrics as words ('Score x')."""
    return METRIC_LABELS.get(metric) or metric.replace("_", " ").strip().capitalize()


def statistic_word(statistic: str | None) -> str:
    """'average' for mean, 'median' for median, '' when the page does not say."""
    return STATISTIC_WORDS.get(statistic or "", statistic or "")


def _keep_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    acronym = len(letters) > 1 and all(c.isupper() for c in letters)
    return acronym or any(c.isupper() for c in word[1:])


def _lower_words(name: str) -> str:
    return " ".join(w if _keep_case(w) else w.lower() for w in str(name).split())


def _plural_word(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word + "s"  # CEO -> CEOs
    low = word.lower()
    if low in _UNCOUNTABLE or low.endswith(("people", "men", "staff")):
        return word
    for singular_form, plural_form in _IRREGULAR.items():
        if low.endswith(singular_form) and (singular_form != "man" or low not in _NOT_MAN):
            return word[: len(word) - len(singular_form)] + plural_form
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def role_singular(name: str) -> str:
    """Lower-case singular of a display name, acronyms kept: 'IT manager' -> 'IT manager'."""
    return _lower_words(name)


def role_plural(name: str) -> str:
    """Lower-case plural of a display name: 'Customer relations manager' -> 'customer relations
    managers'; 'Director of IT' -> 'directors of IT'. Acronyms and inner capitals are kept."""
    text = _lower_words(name)
    if not text:
        return text
    match = _HEAD_BREAKS.search(text)
    head, tail = (text[: match.start()], text[match.start() :]) if match else (text, "")
    words = head.split(" ")
    words[-1] = _plural_word(words[-1])
    return " ".join(words) + tail


def article(phrase: str) -> str:
    """'a' or 'an' for a phrase ('an IT manager', 'a nurse', 'an accountant')."""
    first = phrase.split(" ", 1)[0] if phrase else ""
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        vowel_sound = first[0] in "AEFHILMNORSX"
    else:
        vowel_sound = first[:1].lower() in "aeiou"
    return "an" if vowel_sound else "a"


def display_name(role_id: str, names: Mapping[str, str] | None) -> str:
    """The role's name as the pages write it ('US average' for the US average)."""
    if names and role_id in names and names[role_id]:
        return str(names[role_id])
    if role_id == US_AVERAGE:
        return "US average"
    return role_id.replace("-", " ").capitalize()


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(role_id: str, names: Mapping[str, str] | None, capital: bool = False) -> str:
    """The lower-case plural of a role ('customer care managers') for a sentence."""
    if role_id == US_AVERAGE:
        return "The US average" if capital else "the US average"
    text = role_plural(display_name(role_id, names))
    return cap(text) if capital else text


def singular(role_id: str, names: Mapping[str, str] | None, with_article: bool = False) -> str:
    """The lower-case singular ('a customer care manager' with with_article=True)."""
    text = role_singular(display_name(role_id, names))
    return f"{article(text)} {text}" if with_article else text


def join(items: list[str] | tuple[str, ...], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (empty items dropped)."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)


def count(n: int, noun: str, plural_noun: str | None = None) -> str:
    """'one page', 'five pages', '12 pages': small counts in words, so that every figure in a
    report is a page's number, a computed one or a page, line or source number."""
    word = _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,}"
    return f"{word} {noun if n == 1 else (plural_noun or noun + 's')}"
