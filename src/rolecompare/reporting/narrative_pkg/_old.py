"""Sentences about a pair of roles, generated from the results of `rolecompare.analysis`.

The sentences are Markdown (they are shown in HTML reports). Role names, skills, degrees and
other strings come from untrusted web pages, so every page-derived string goes through
`md_escape` before it is put into a sentence: it then always shows literally. Numbers are
formatted here: money as `$25,601` (cents for hourly pay), percents with one decimal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from rolecompare import analysis
from rolecompare.analysis import US_AVERAGE, Overlap, PayGap

# --- escaping ---------------------------------------------------------------------------------

_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MD_SPECIALS = frozenset("\\`*_[]()#+-!|${}~")


def md_escape(text: object) -> str:
    """Page text made safe to embed in Markdown that is rendered to HTML: it shows literally.

    HTML specials become entities (`<` -> `&lt;`, `&`, `>`, quotes), Markdown specials get a
    backslash (\\ ` * _ [ ] ( ) # + - ! | $ { } ~), whitespace runs (newlines too) become one
    space, and a leading "1." cannot start a list. One pass, so nothing is escaped twice.
    Missing values (None, NaN) give "".
    """
    if _missing(text):
        return ""
    collapsed = " ".join(str(text).split())
    out = []
    for ch in collapsed:
        if ch in _HTML_ESCAPES:
            out.append(_HTML_ESCAPES[ch])
        elif ch in _MD_SPECIALS:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return re.sub(r"^(\d+)\.", r"\1\\.", "".join(out))


def for_mathjax(sentence: str) -> str:
    """Escape the dollar signs this module writes (`$25,601`) for renderers that run MathJax.

    Two amounts in one sentence ("$17,732 and $25,601") would otherwise be typeset as math in
    Jupyter/nbconvert HTML. Dollars that md_escape already escaped are left alone.
    """
    return re.sub(r"(?<!\\)\$", r"\\$", sentence)


# --- names ------------------------------------------------------------------------------------

_IRREGULAR = {"person": "people", "woman": "women", "man": "men", "child": "children"}
_UNCOUNTABLE = {"staff", "personnel", "crew", "faculty", "clergy"}
_NOT_MAN = {"human", "german", "shaman", "talisman", "ottoman", "roman", "caiman"}
_HEAD_BREAKS = re.compile(r"\s(?:of|for|in|to|at|with|on|from)\s|\s\(|,\s", re.IGNORECASE)


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
    for singular, plural in _IRREGULAR.items():
        if low.endswith(singular) and (singular != "man" or low not in _NOT_MAN):
            return word[: len(word) - len(singular)] + plural
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


def _article(phrase: str) -> str:
    first = phrase.split(" ", 1)[0] if phrase else ""
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        vowel_sound = first[0] in "AEFHILMNORSX"
    else:
        vowel_sound = first[:1].lower() in "aeiou"
    return "an" if vowel_sound else "a"


def _name(role_id: str, names: Mapping[str, str] | None) -> str:
    if names and role_id in names and names[role_id]:
        return str(names[role_id])
    if role_id == US_AVERAGE:
        return "US average"
    return role_id.replace("-", " ")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(role_id: str, names: Mapping[str, str] | None, capital: bool = False) -> str:
    """The escaped lower-case plural of a role ('customer care managers'), for a sentence."""
    if role_id == US_AVERAGE:
        return "The US average" if capital else "the US average"
    text = role_plural(_name(role_id, names))
    return md_escape(_cap(text) if capital else text)


def singular(role_id: str, names: Mapping[str, str] | None, article: bool = False) -> str:
    """The escaped lower-case singular ('a customer care manager' with article=True)."""
    text = role_singular(_name(role_id, names))
    return md_escape(f"{_article(text)} {text}" if article else text)


# --- numbers ----------------------------------------------------------------------------------

_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "AU$", "CAD": "CA$", "INR": "₹"}


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_money(value: float, unit: str | None = "USD/year") -> str:
    """$25,601 for yearly amounts, $12.31 for hourly ones; cents only when they are not zero."""
    currency, _, per = (unit or "USD/year").partition("/")
    symbol = _SYMBOLS.get(currency.strip(), "")
    amount = abs(float(value))
    if per.strip() == "hour" or not float(amount).is_integer():
        digits = f"{amount:,.2f}"
    else:
        digits = f"{amount:,.0f}"
    text = f"{symbol}{digits}" if symbol else f"{digits} {md_escape(currency.strip())}"
    return ("-" if value < 0 and digits.strip("0.,") else "") + text


def format_percent(value: float) -> str:
    """62.2% (one decimal, no sign)."""
    return f"{abs(float(value)):.1f}%"


def format_pp(value: float) -> str:
    """'0.1 percentage points' (one decimal, no sign)."""
    return f"{abs(float(value)):.1f} percentage points"


def format_number(value: float) -> str:
    """42, 4.5, 61,089: no trailing zeros."""
    value = float(value)
    if value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _join(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _refs(refs: Sequence[str], limit: int = 3) -> tuple[str, bool]:
    """'a.txt:1, b.txt:2 and 3 more' (escaped) and whether it is several."""
    shown = [md_escape(r) for r in refs[:limit]]
    rest = len(refs) - len(shown)
    text = _join([*shown, f"{rest} more"]) if rest > 0 else _join(shown)
    return text, len(refs) > 1


def _stated(res: analysis.Resolved, fmt) -> str:
    """'003_x.txt:31 says $58,913; 000_x.txt:10 says $66,782' for a conflicting value."""
    parts = []
    for value, refs in res.stated:
        where, several = _refs(refs)
        parts.append(f"{where} {'say' if several else 'says'} {fmt(value)}")
    return "; ".join(parts)


# --- pay --------------------------------------------------------------------------------------

_PAY_LABEL = {"salary_yearly": "Yearly salary", "salary_hourly": "Hourly rate"}
_PER = {"salary_yearly": " per year", "salary_hourly": " per hour"}


def _missing_sentence(label: str, missing: Iterable[str], names: Mapping[str, str] | None) -> str:
    who = [plural(r, names) for r in missing]
    if not who:
        return f"{label} cannot be compared."
    return f"{label} is not published for {_join(who, 'or')}."


def pay_gap_sentence(
    gap: PayGap | None,
    names: Mapping[str, str] | None,
    *,
    missing: Iterable[str] = (),
    metric: str = "salary_yearly",
) -> str:
    """'Customer relations managers earn $25,601 (62.2%) more per year than customer care managers.'

    The percent is of the lower-paid role. With conflicting salaries it gives the range and
    names each source; with gap None it says which roles lack the salary (`missing`, e.g. from
    `analysis.missing_metric`).
    """
    metric = gap.metric if gap is not None else metric
    label = _PAY_LABEL.get(metric, metric.replace("_", " ").capitalize())
    if gap is None:
        return _missing_sentence(label, missing, names)
    per = _PER.get(metric, "")

    def money(v: float) -> str:
        return format_money(v, gap.unit)

    if not gap.conflict:
        if gap.higher is None:
            return (
                f"{plural(gap.role_a, names, True)} and {plural(gap.role_b, names)} earn the same"
                f"{per} ({money(gap.a.values[0])})."
            )
        lower = gap.role_b if gap.higher == gap.role_a else gap.role_a
        return (
            f"{plural(gap.higher, names, True)} earn {money(abs(gap.gap))} "
            f"({format_percent(gap.percent)}) more{per} than {plural(lower, names)}."
        )

    sides = [r for r in (gap.a, gap.b) if len(r.values) > 1]
    if len(sides) == 1:
        details = _stated(sides[0], money)
    else:
        details = "; ".join(f"for {plural(r.role_id, names)}: {_stated(r, money)}" for r in sides)
    if gap.higher is not None:
        lower = gap.role_b if gap.higher == gap.role_a else gap.role_a
        amounts = sorted(abs(g) for g in (gap.gap_low, gap.gap_high))
        percents = sorted(abs(p) for p in (gap.percent_low, gap.percent_high))
        return (
            f"{plural(gap.higher, names, True)} earn between {money(amounts[0])} and "
            f"{money(amounts[1])} ({format_percent(percents[0])}–{format_percent(percents[1])}) "
            f"more{per} than {plural(lower, names)}, depending on the source ({details})."
        )
    return (
        f"Depending on the source, {plural(gap.role_a, names)} earn between "
        f"{money(abs(gap.gap_low))} less and {money(gap.gap_high)} more{per} than "
        f"{plural(gap.role_b, names)} ({details})."
    )


def hourly_gap_sentence(
    gap: PayGap | None, names: Mapping[str, str] | None, *, missing: Iterable[str] = ()
) -> str:
    """pay_gap_sentence for hourly pay: '... earn $12.31 (62.2%) more per hour than ...'."""
    return pay_gap_sentence(gap, names, missing=missing, metric="salary_hourly")


def overlap_sentence(
    overlap: Overlap | None,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
    *,
    missing: Iterable[str] = (),
) -> str:
    """How far the two published salary ranges overlap, in dollars and as a share of each."""
    if overlap is None:
        return _missing_sentence("A salary range", missing, names)
    ra = f"{format_money(overlap.a_min)}–{format_money(overlap.a_max)}"
    rb = f"{format_money(overlap.b_min)}–{format_money(overlap.b_max)}"
    note = (
        " (the sources state different bounds; the widest range is used)"
        if (overlap.conflict)
        else ""
    )
    if not overlap.overlaps:
        return (
            f"The salary ranges do not overlap: {plural(role_a, names)} earn {ra} and "
            f"{plural(role_b, names)} {rb}, {format_money(overlap.distance)} apart{note}."
        )
    return (
        f"The salary ranges overlap by {format_money(overlap.amount)} "
        f"({format_money(overlap.low)}–{format_money(overlap.high)}): "
        f"{format_percent(overlap.percent_of_a)} of the {singular(role_a, names)} range "
        f"({ra}) and {format_percent(overlap.percent_of_b)} of the {singular(role_b, names)} "
        f"range ({rb}){note}."
    )


def us_average_sentences(table: pd.DataFrame, names: Mapping[str, str] | None) -> list[str]:
    """One sentence per row of `analysis.versus_us_average` (yearly salary vs the US average)."""
    out = []
    for row in table.itertuples(index=False):
        unit = row.unit if isinstance(row.unit, str) else "USD/year"
        per = " per year" if unit.endswith("/year") else " per hour" if "/hour" in unit else ""
        who = plural(row.role_id, names, True)
        avg = format_money(row.us_average, unit)
        if not row.conflict:
            if row.difference == 0:
                out.append(f"{who} earn the US average ({avg}){per}.")
                continue
            word = "more" if row.difference > 0 else "less"
            out.append(
                f"{who} earn {format_money(abs(row.difference), unit)} "
                f"({format_percent(row.percent)}) {word}{per} than the US average ({avg})."
            )
        elif row.difference_low > 0 or row.difference_high < 0:
            word = "more" if row.difference_low > 0 else "less"
            lo, hi = sorted((abs(row.difference_low), abs(row.difference_high)))
            plo, phi = sorted((abs(row.percent_low), abs(row.percent_high)))
            out.append(
                f"{who} earn between {format_money(lo, unit)} and {format_money(hi, unit)} "
                f"({format_percent(plo)}–{format_percent(phi)}) {word}{per} than the US average "
                f"({avg}), depending on the source."
            )
        else:
            out.append(
                f"Depending on the source, {plural(row.role_id, names)} earn between "
                f"{format_money(abs(row.difference_low), unit)} less and "
                f"{format_money(row.difference_high, unit)} more{per} than the US average ({avg})."
            )
    return out


# --- experience -------------------------------------------------------------------------------


def _row(table: pd.DataFrame, role_id: str) -> dict | None:
    rows = table[table["role_id"] == role_id]
    return None if rows.empty else rows.iloc[0].to_dict()


def experience_sentence(
    table: pd.DataFrame, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> str:
    """Experience, years to become, and yearly salary per year of experience of two roles,
    from `analysis.experience_table`."""
    rows = {r: _row(table, r) for r in (role_a, role_b)}

    def num(role_id: str, column: str) -> float | None:
        row = rows[role_id]
        if row is None or _missing(row.get(column)):
            return None
        return float(row[column])

    sentences = []
    exp = {r: num(r, "experience_years") for r in (role_a, role_b)}
    have = [r for r in (role_a, role_b) if exp[r] is not None]
    lacking = [r for r in (role_a, role_b) if exp[r] is None]
    if have:
        parts = [
            f"{plural(r, names)} {format_number(exp[r])} {'year' if exp[r] == 1 else 'years'}"
            for r in have
        ]
        sentences.append(f"Average experience: {_join(parts)}.")
    if lacking:
        who = _join([plural(r, names) for r in lacking], "or")
        sentences.append(f"Years of experience are not published for {who}.")

    become = []
    for r in (role_a, role_b):
        lo, hi = num(r, "years_to_become_min"), num(r, "years_to_become_max")
        if lo is None and hi is None:
            continue
        span = (
            format_number(lo if lo is not None else hi)
            if lo is None or hi is None or lo == hi
            else f"{format_number(lo)}–{format_number(hi)}"
        )
        become.append(f"{span} years to become {singular(r, names, article=True)}")
    if become:
        sentences.append(f"It usually takes {_join(become)}.")

    per_year = []
    for r in have:
        value = num(r, "salary_per_experience_year")
        if value is None:
            continue
        text = f"{format_money(round(value))} for {plural(r, names)}"
        row = rows[r]
        if row is not None and bool(row.get("salary_conflict")):
            text += (
                f" (midpoint of the published {format_money(row['salary_yearly_low'])}–"
                f"{format_money(row['salary_yearly_high'])})"
            )
        per_year.append(text)
    if per_year:
        sentences.append(f"Yearly salary per year of experience: {_join(per_year)}.")
    return " ".join(_cap(s) for s in sentences)


# --- demographics -----------------------------------------------------------------------------

_SHARE_NOUN = {
    "race_share": "race",
    "gender_share": "gender",
    "degree_share": "degree",
    "skill_share": "skill",
}


def dissimilarity_sentence(
    index: float | None,
    names: Mapping[str, str] | None = None,
    *,
    metric: str = "race_share",
    missing: Iterable[str] = (),
) -> str:
    """'The race distributions differ by a dissimilarity index of 14.4: 14.4% of one group would
    have to change category to match the other.'"""
    noun = _SHARE_NOUN.get(metric, metric.replace("_", " "))
    if index is None or _missing(index):
        return _missing_sentence(f"The {noun} distribution", missing, names)
    if round(index, 1) == 0:
        return f"The {noun} distributions are the same (dissimilarity index 0.0)."
    return (
        f"The {noun} distributions differ by a dissimilarity index of {index:.1f}: "
        f"{format_percent(index)} of one group would have to change category to match the other."
    )


def _summary_row(summary: pd.DataFrame, measure: str) -> dict | None:
    rows = summary[summary["measure"] == measure]
    return None if rows.empty else rows.iloc[0].to_dict()


def _value_text(row: dict, side: str, fmt) -> str:
    lo, hi = row[f"value_{side}_low"], row[f"value_{side}_high"]
    if lo != hi:
        return f"{fmt(lo)}–{fmt(hi)}"
    return fmt(row[f"value_{side}"])


def _roles_lacking(row: dict | None, role_a: str, role_b: str) -> list[str]:
    if row is None:
        return [role_a, role_b]
    return [r for r, s in ((role_a, "a"), (role_b, "b")) if _missing(row[f"value_{s}"])]


def age_sentence(
    summary: pd.DataFrame, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> str:
    """'Customer relations managers are 5 years younger on average than customer care managers
    (42 vs 47).' from `analysis.demographics_summary`."""
    row = _summary_row(summary, "age")
    lacking = _roles_lacking(row, role_a, role_b)
    if lacking:
        return _missing_sentence("Average age", lacking, names)
    va = _value_text(row, "a", format_number)
    vb = _value_text(row, "b", format_number)
    a_cap, b = plural(role_a, names, True), plural(role_b, names)
    if not row["conflict"]:
        d = row["difference"]
        if d == 0:
            return f"{a_cap} and {b} have the same average age ({va})."
        word = "older" if d > 0 else "younger"
        unit = "year" if abs(d) == 1 else "years"
        return (
            f"{a_cap} are {format_number(abs(d))} {unit} {word} on average than {b} ({va} vs {vb})."
        )
    lo, hi = row["difference_low"], row["difference_high"]
    if lo > 0 or hi < 0:
        word = "older" if lo > 0 else "younger"
        small, large = sorted((abs(lo), abs(hi)))
        return (
            f"{a_cap} are {format_number(small)} to {format_number(large)} years {word} on average "
            f"than {b} ({va} vs {vb}, depending on the source)."
        )
    return (
        f"Depending on the source, {plural(role_a, names)} are between {format_number(abs(lo))} "
        f"years younger and {format_number(hi)} years older on average than {b} ({va} vs {vb})."
    )


def _share_sentence(
    summary: pd.DataFrame,
    measure: str,
    subject: str,
    label: str,
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
) -> str:
    row = _summary_row(summary, measure)
    lacking = _roles_lacking(row, role_a, role_b)
    if lacking:
        return _missing_sentence(label, lacking, names)
    va = _value_text(row, "a", format_percent)
    vb = _value_text(row, "b", format_percent)
    a, b = plural(role_a, names), plural(role_b, names)
    if not row["conflict"]:
        d = row["difference"]
        if d == 0:
            return f"{subject} make up {va} of both {a} and {b}."
        word = "more" if d > 0 else "less"
        return f"{subject} make up {va} of {a}, {format_pp(d)} {word} than among {b} ({vb})."
    return f"{subject} make up {va} of {a} and {vb} of {b}, depending on the source."


def gender_sentence(
    summary: pd.DataFrame, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> str:
    """'Women make up 61.8% of customer relations managers, 0.1 percentage points less than among
    customer care managers (61.9%).'"""
    return _share_sentence(
        summary, "female_share", "Women", "The share of women", names, role_a, role_b
    )


def lgbt_sentence(
    summary: pd.DataFrame, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> str:
    """'LGBT people make up 16.0% of customer relations managers, 8.0 percentage points more than
    among customer care managers (8.0%).'"""
    return _share_sentence(
        summary, "lgbt_share", "LGBT people", "The LGBT share", names, role_a, role_b
    )


def demographics_sentences(
    summary: pd.DataFrame, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> list[str]:
    """Age, gender and LGBT sentences from `analysis.demographics_summary`."""
    return [
        age_sentence(summary, names, role_a, role_b),
        gender_sentence(summary, names, role_a, role_b),
        lgbt_sentence(summary, names, role_a, role_b),
    ]


# --- education and skills ---------------------------------------------------------------------


def education_sentences(
    table: pd.DataFrame, names: Mapping[str, str] | None, role_a: str, role_b: str
) -> list[str]:
    """'The most common degree is Bachelor's Degree for both ... (57.0%) and ... (59.0%).'
    from `analysis.education_table` (one sentence per row)."""
    out = []
    for row in table.to_dict("records"):
        label = "The " + str(row["label"])[:1].lower() + str(row["label"])[1:]
        ta, tb = row["text_a"], row["text_b"]
        lacking = [r for r, t in ((role_a, ta), (role_b, tb)) if _missing(t)]
        if lacking:
            out.append(_missing_sentence(label, lacking, names))
            continue

        def pct(value: object) -> str:
            return "" if _missing(value) else f" ({format_percent(value)})"

        a, b = plural(role_a, names), plural(role_b, names)
        pa, pb = pct(row["value_a"]), pct(row["value_b"])
        note = ", depending on the source" if row.get("conflict") else ""
        if str(ta).casefold() == str(tb).casefold():
            out.append(f"{label} is {md_escape(ta)} for both {a}{pa} and {b}{pb}{note}.")
        else:
            out.append(
                f"{label} is {md_escape(ta)} for {a}{pa} and {md_escape(tb)} for {b}{pb}{note}."
            )
    return out


def _skill_list(items: Sequence[str], limit: int = 6) -> str:
    shown = [md_escape(s) for s in items[:limit]]
    rest = len(items) - len(shown)
    return _join([*shown, f"{rest} more"]) if rest > 0 else _join(shown)


def skills_sentence(
    skills: tuple[Sequence[str], Sequence[str], Sequence[str]],
    names: Mapping[str, str] | None,
    role_a: str,
    role_b: str,
) -> str:
    """What `analysis.shared_skills` found: the shared skills, then each role's own."""
    shared, only_a, only_b = skills
    lacking = [
        r
        for r, n in ((role_a, len(shared) + len(only_a)), (role_b, len(shared) + len(only_b)))
        if n == 0
    ]
    if lacking:
        return _missing_sentence("A skill list", lacking, names)
    a, b = plural(role_a, names), plural(role_b, names)
    a_cap = plural(role_a, names, True)
    if shared:
        count = len(shared)
        what = "one listed skill" if count == 1 else f"{count} of their listed skills"
        first = f"{a_cap} and {b} share {what}: {_skill_list(shared)}."
    else:
        first = f"{a_cap} and {b} share none of their listed skills."
    rest = []
    if only_a:
        rest.append(f"only {a} list {_skill_list(only_a)}")
    if only_b:
        rest.append(f"only {b} list {_skill_list(only_b)}")
    return first if not rest else f"{first} {_cap('; '.join(rest))}."


# --- everything about a pair ------------------------------------------------------------------


def summary_sentences(
    facts: pd.DataFrame, conflicts: pd.DataFrame | None, role_a: str, role_b: str
) -> list[str]:
    """Every sentence about a pair, in report order (computes the analysis results itself)."""
    names = analysis.role_names(facts)
    pair = (role_a, role_b)

    def lacking(metric: str) -> tuple[str, ...]:
        return analysis.missing_metric(facts, conflicts, pair, metric)

    out = [
        pay_gap_sentence(
            analysis.pay_gap(facts, conflicts, role_a, role_b),
            names,
            missing=lacking("salary_yearly"),
        ),
        hourly_gap_sentence(
            analysis.pay_gap(facts, conflicts, role_a, role_b, "salary_hourly"),
            names,
            missing=lacking("salary_hourly"),
        ),
        overlap_sentence(
            analysis.salary_overlap(facts, conflicts, role_a, role_b),
            names,
            role_a,
            role_b,
            missing=tuple(dict.fromkeys(lacking("salary_min") + lacking("salary_max"))),
        ),
        *us_average_sentences(analysis.versus_us_average(facts, conflicts, pair), names),
        experience_sentence(analysis.experience_table(facts, conflicts, pair), names, *pair),
        dissimilarity_sentence(
            analysis.dissimilarity(facts, conflicts, role_a, role_b),
            names,
            missing=lacking("race_share"),
        ),
        *demographics_sentences(
            analysis.demographics_summary(facts, conflicts, role_a, role_b), names, *pair
        ),
        *education_sentences(
            analysis.education_table(facts, conflicts, role_a, role_b), names, *pair
        ),
        skills_sentence(analysis.shared_skills(facts, role_a, role_b), names, *pair),
    ]
    return [s for s in out if s]
