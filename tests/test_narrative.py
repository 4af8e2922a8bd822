"""rolecompare.reporting.narrative: sentences built from analysis results on hand-built facts."""

from __future__ import annotations

import html
import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolecompare import analysis as an
from rolecompare.reporting import narrative as nv

P000 = "000_22965af89e6f7745.txt"
P003 = "003_f238aaacc82e3e21.txt"
P004 = "004_a6663551ef9087c7.txt"
E000 = P000.replace("_", "\\_")  # file names inside sentences are Markdown-escaped
E003 = P003.replace("_", "\\_")

CRM, CCM, US = "customer-relations-manager", "customer-care-manager", "us-average"
NAMES = {CRM: "Customer relations manager", CCM: "Customer care manager", US: "US average"}
RACES = (
    "Black or African American",
    "Unknown",
    "Hispanic or Latino",
    "Asian",
    "White",
    "American Indian and Alaska Native",
)


def fact(role_id, metric, value=None, source=P000, line=1, category=None, text=None, unit=None):
    return {
        "role_id": role_id,
        "role": NAMES[role_id],
        "metric": metric,
        "category": category,
        "value": math.nan if value is None else float(value),
        "text": text,
        "unit": unit,
        "source": source,
        "line": line,
    }


def build_facts() -> pd.DataFrame:
    rows = [
        fact(CRM, "years_to_become_min", 2, P000, 7, unit="years"),
        fact(CRM, "years_to_become_max", 4, P000, 7, unit="years"),
        fact(CCM, "years_to_become_min", 4, P000, 7, unit="years"),
        fact(CCM, "years_to_become_max", 6, P000, 7, unit="years"),
        fact(CRM, "skill_top", None, P000, 8, category="1", text="customer issues"),
        fact(CRM, "skill_top", None, P000, 8, category="3", text="customer satisfaction"),
        fact(CCM, "skill_top", None, P000, 8, category="1", text="patients"),
        fact(CCM, "skill_top", None, P000, 8, category="2", text="home health"),
        fact(CRM, "salary_yearly", 66782, P000, 10, unit="USD/year"),
        fact(CCM, "salary_yearly", 41181, P000, 10, unit="USD/year"),
        fact(CRM, "salary_hourly", 32.11, P000, 11, unit="USD/hour"),
        fact(CCM, "salary_hourly", 19.80, P000, 11, unit="USD/hour"),
        fact(CRM, "degree_top", 57, P000, 15, text="Bachelor's Degree", unit="percent"),
        fact(CCM, "degree_top", 59, P000, 15, text="Bachelor's Degree", unit="percent"),
        fact(CRM, "age", 42, P000, 16, unit="years"),
        fact(CCM, "age", 47, P000, 16, unit="years"),
        fact(CRM, "experience_years", 4, P000, 17, unit="years"),
        fact(CCM, "experience_years", 6, P000, 17, unit="years"),
        fact(CRM, "salary_min", 42000, P000, 23, unit="USD/year"),
        fact(CRM, "salary_max", 104000, P000, 23, unit="USD/year"),
        fact(CCM, "salary_min", 28000, P000, 23, unit="USD/year"),
        fact(CCM, "salary_max", 59000, P000, 23, unit="USD/year"),
        fact(CRM, "major_top", None, P000, 31, text="Business"),
        fact(CCM, "major_top", None, P000, 31, text="Business"),
        fact(CRM, "gender_share", 38.2, P000, 36, category="Male", unit="percent"),
        fact(CRM, "gender_share", 61.8, P000, 36, category="Female", unit="percent"),
        fact(CCM, "gender_share", 38.1, P000, 36, category="Male", unit="percent"),
        fact(CCM, "gender_share", 61.9, P000, 36, category="Female", unit="percent"),
        *(
            fact(CRM, "race_share", v, P000, 37, category=r, unit="percent")
            for r, v in zip(RACES, (6.0, 4.7, 9.1, 5.1, 74.7, 0.4), strict=True)
        ),
        *(
            fact(CCM, "race_share", v, P000, 37, category=r, unit="percent")
            for r, v in zip(RACES, (10.3, 4.8, 18.2, 5.7, 60.3, 0.7), strict=True)
        ),
        fact(CRM, "lgbt_share", 16, P000, 38, unit="percent"),
        fact(CCM, "lgbt_share", 8, P000, 38, unit="percent"),
        fact(US, "salary_yearly", 59228, P004, 26, unit="USD/year"),
    ]
    return pd.DataFrame(rows, columns=list(an.FACT_COLUMNS))


def with_profile_salary(facts: pd.DataFrame) -> pd.DataFrame:
    """Add page 003's customer relations manager salary ($58,913), which disagrees with 000."""
    extra = pd.DataFrame([fact(CRM, "salary_yearly", 58913, P003, 31, unit="USD/year")])
    return pd.concat([facts, extra], ignore_index=True)


def salary_conflict() -> pd.DataFrame:
    row = {
        "role_id": CRM,
        "role": NAMES[CRM],
        "metric": "salary_yearly",
        "category": None,
        "unit": "USD/year",
        "n_values": 2,
        "min_value": 58913.0,
        "max_value": 66782.0,
        "values": f"66782 ({P000}:10); 58913 ({P003}:31)",
    }
    return pd.DataFrame([row], columns=list(an.CONFLICT_COLUMNS))


@pytest.fixture
def facts() -> pd.DataFrame:
    return build_facts()


@pytest.fixture
def conflicts() -> pd.DataFrame:
    return salary_conflict().iloc[0:0]


# --- pay --------------------------------------------------------------------------------------


def test_yearly_gap_sentence(facts, conflicts):
    gap = an.pay_gap(facts, conflicts, CRM, CCM)
    assert nv.pay_gap_sentence(gap, NAMES) == (
        "Customer relations managers earn $25,601 (62.2%) more per year than "
        "customer care managers."
    )
    # the order of the pair does not change who earns more
    rev = an.pay_gap(facts, conflicts, CCM, CRM)
    assert nv.pay_gap_sentence(rev, NAMES) == nv.pay_gap_sentence(gap, NAMES)


def test_yearly_gap_sentence_with_conflict_names_the_sources(facts):
    both = with_profile_salary(facts)
    gap = an.pay_gap(both, salary_conflict(), CRM, CCM)
    assert nv.pay_gap_sentence(gap, NAMES) == (
        "Customer relations managers earn between $17,732 and $25,601 (43.1%–62.2%) more per "
        "year than customer care managers, depending on the source "
        f"({E003}:31 says $58,913; {E000}:10 says $66,782)."
    )


def test_hourly_gap_sentence(facts, conflicts):
    gap = an.pay_gap(facts, conflicts, CRM, CCM, "salary_hourly")
    assert nv.hourly_gap_sentence(gap, NAMES) == (
        "Customer relations managers earn $12.31 (62.2%) more per hour than customer care managers."
    )


def test_missing_salary_sentences(facts, conflicts):
    no_ccm_pay = facts[~((facts["role_id"] == CCM) & facts["metric"].str.startswith("salary"))]
    gap = an.pay_gap(no_ccm_pay, conflicts, CRM, CCM)
    assert gap is None
    missing = an.missing_metric(no_ccm_pay, conflicts, [CRM, CCM], "salary_yearly")
    assert nv.pay_gap_sentence(gap, NAMES, missing=missing) == (
        "Yearly salary is not published for customer care managers."
    )
    assert nv.hourly_gap_sentence(None, NAMES, missing=[CRM, CCM]) == (
        "Hourly rate is not published for customer relations managers or customer care managers."
    )
    assert nv.overlap_sentence(None, NAMES, CRM, CCM, missing=[CCM]) == (
        "A salary range is not published for customer care managers."
    )


def test_overlap_sentence(facts, conflicts):
    overlap = an.salary_overlap(facts, conflicts, CRM, CCM)
    assert nv.overlap_sentence(overlap, NAMES, CRM, CCM) == (
        "The salary ranges overlap by $17,000 ($42,000–$59,000): 27.4% of the customer relations "
        "manager range ($42,000–$104,000) and 54.8% of the customer care manager range "
        "($28,000–$59,000)."
    )
    apart = an.range_overlap(28000, 40000, 42000, 104000)
    assert nv.overlap_sentence(apart, NAMES, CCM, CRM) == (
        "The salary ranges do not overlap: customer care managers earn $28,000–$40,000 and "
        "customer relations managers $42,000–$104,000, $2,000 apart."
    )


def test_us_average_sentences(facts, conflicts):
    table = an.versus_us_average(facts, conflicts, [CRM, CCM])
    assert nv.us_average_sentences(table, NAMES) == [
        "Customer relations managers earn $7,554 (12.8%) more per year than the US average "
        "($59,228).",
        "Customer care managers earn $18,047 (30.5%) less per year than the US average ($59,228).",
    ]


# --- experience and demographics --------------------------------------------------------------


def test_experience_sentence(facts, conflicts):
    table = an.experience_table(facts, conflicts, [CRM, CCM])
    assert nv.experience_sentence(table, NAMES, CRM, CCM) == (
        "Average experience: customer relations managers 4 years and customer care managers "
        "6 years. It usually takes 2–4 years to become a customer relations manager and 4–6 "
        "years to become a customer care manager. Yearly salary per year of experience: "
        "$16,696 for customer relations managers and $6,864 for customer care managers."
    )
    gone = facts[~((facts["role_id"] == CCM) & (facts["metric"] == "experience_years"))]
    sentence = nv.experience_sentence(an.experience_table(gone, conflicts), NAMES, CRM, CCM)
    assert "Years of experience are not published for customer care managers." in sentence


def test_dissimilarity_sentence(facts, conflicts):
    index = an.dissimilarity(facts, conflicts, CRM, CCM)
    assert nv.dissimilarity_sentence(index) == (
        "The race distributions differ by a dissimilarity index of 14.4: 14.4% of one group would "
        "have to change category to match the other."
    )
    no_race = facts[~((facts["role_id"] == CCM) & (facts["metric"] == "race_share"))]
    assert an.dissimilarity(no_race, conflicts, CRM, CCM) is None
    missing = an.missing_metric(no_race, conflicts, [CRM, CCM], "race_share")
    assert nv.dissimilarity_sentence(None, NAMES, missing=missing) == (
        "The race distribution is not published for customer care managers."
    )


def test_demographics_sentences(facts, conflicts):
    summary = an.demographics_summary(facts, conflicts, CRM, CCM)
    assert nv.demographics_sentences(summary, NAMES, CRM, CCM) == [
        "Customer relations managers are 5 years younger on average than customer care managers "
        "(42 vs 47).",
        "Women make up 61.8% of customer relations managers, 0.1 percentage points less than "
        "among customer care managers (61.9%).",
        "LGBT people make up 16.0% of customer relations managers, 8.0 percentage points more "
        "than among customer care managers (8.0%).",
    ]


def test_age_sentence_with_conflict(facts):
    extra = pd.DataFrame([fact(CCM, "age", 48, P004, 57, unit="years")])
    both = pd.concat([facts, extra], ignore_index=True)
    summary = an.demographics_summary(both, None, CRM, CCM)
    assert nv.age_sentence(summary, NAMES, CRM, CCM) == (
        "Customer relations managers are 5 to 6 years younger on average than customer care "
        "managers (42 vs 47–48, depending on the source)."
    )


def test_demographics_missing(facts, conflicts):
    no_lgbt = facts[facts["metric"] != "lgbt_share"]
    summary = an.demographics_summary(no_lgbt, conflicts, CRM, CCM)
    assert nv.lgbt_sentence(summary, NAMES, CRM, CCM) == (
        "The LGBT share is not published for customer relations managers or customer care managers."
    )


# --- education and skills ---------------------------------------------------------------------


def test_education_sentences(facts, conflicts):
    table = an.education_table(facts, conflicts, CRM, CCM)
    assert nv.education_sentences(table, NAMES, CRM, CCM) == [
        "The most common degree is Bachelor&#39;s Degree for both customer relations managers "
        "(57.0%) and customer care managers (59.0%).",
        "The most common major is Business for both customer relations managers and customer "
        "care managers.",
        "The most common college is not published for customer relations managers or customer "
        "care managers.",
    ]


def test_skills_sentence(facts):
    extra = pd.DataFrame(
        [fact(CCM, "skill_share", 6, P000, 40, category="Customer Satisfaction", unit="percent")]
    )
    both = pd.concat([facts, extra], ignore_index=True)
    skills = an.shared_skills(both, CRM, CCM)
    assert nv.skills_sentence(skills, NAMES, CRM, CCM) == (
        "Customer relations managers and customer care managers share one listed skill: "
        "customer satisfaction. Only customer relations managers list customer issues; only "
        "customer care managers list patients and home health."
    )
    none = an.shared_skills(facts, CRM, CCM)
    assert nv.skills_sentence(none, NAMES, CRM, CCM).startswith(
        "Customer relations managers and customer care managers share none of their listed skills."
    )
    assert nv.skills_sentence(((), (), ("x",)), NAMES, CRM, CCM) == (
        "A skill list is not published for customer relations managers."
    )


def test_summary_sentences_change_with_the_data(facts, conflicts):
    plain = nv.summary_sentences(facts, conflicts, CRM, CCM)
    assert plain[0].startswith("Customer relations managers earn $25,601 (62.2%)")
    disputed = nv.summary_sentences(with_profile_salary(facts), salary_conflict(), CRM, CCM)
    assert disputed[0].startswith("Customer relations managers earn between $17,732 and $25,601")
    assert len(plain) == len(disputed)


# --- names and formats ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Customer relations manager", "customer relations managers"),
        ("IT manager", "IT managers"),
        ("Director of IT", "directors of IT"),
        ("Secretary", "secretaries"),
        ("Attorney", "attorneys"),
        ("Salesperson", "salespeople"),
        ("Sales coach", "sales coaches"),
        ("CEO", "CEOs"),
        ("iOS developer", "iOS developers"),
    ],
)
def test_role_plural(name, expected):
    assert nv.role_plural(name) == expected


def test_format_money_and_percent():
    assert nv.format_money(25601) == "$25,601"
    assert nv.format_money(12.31, "USD/hour") == "$12.31"
    assert nv.format_money(20, "USD/hour") == "$20.00"
    assert nv.format_money(-315) == "-$315"
    assert nv.format_money(30741, "GBP/year") == "£30,741"
    assert nv.format_percent(62.16653) == "62.2%"
    assert nv.format_pp(-0.12) == "0.1 percentage points"


# --- escaping ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"),
        ("$x$", "\\$x\\$"),
        ("**b**", "\\*\\*b\\*\\*"),
        ("a & \"b\" 'c'", "a &amp; &quot;b&quot; &#39;c&#39;"),
        ("# h", "\\# h"),
        ("1. item", "1\\. item"),
        ("x_y|z {w} !`c` + - ~ \\", "x\\_y\\|z \\{w\\} \\!\\`c\\` \\+ \\- \\~ \\\\"),
        ("two\nlines", "two lines"),
        (None, ""),
        (math.nan, ""),
    ],
)
def test_md_escape(raw, escaped):
    assert nv.md_escape(raw) == escaped


def _rendered_text(markdown_html: str) -> str:
    inner = re.fullmatch(r"<p>(.*)</p>\s*", markdown_html, flags=re.DOTALL)
    assert inner is not None, markdown_html  # one plain paragraph, no other element
    assert "<" not in inner.group(1)
    return html.unescape(inner.group(1))


_PAGE_TEXT = st.text(
    alphabet=st.characters(
        categories=("L", "N", "P", "S", "Zs"),
        exclude_characters="\u00a0\u2028\u2029",
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None)
@given(_PAGE_TEXT)
def test_md_escape_renders_literally_with_markdown_it(text):
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(nv.md_escape(text))
    assert _rendered_text(rendered) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(_PAGE_TEXT)
def test_md_escape_renders_literally_with_mistune(text):
    mistune = pytest.importorskip("mistune")
    rendered = mistune.html(nv.md_escape(text))
    assert _rendered_text(rendered) == " ".join(text.split())


def test_hostile_role_name_and_skill_stay_text(facts, conflicts):
    names = {
        CRM: "<img src=x onerror=alert(1)> [manager](javascript:alert(1))",
        CCM: "**Care** manager",
    }
    evil = facts.assign(
        text=facts["text"].where(facts["text"] != "patients", "<b>patients</b> $\\pi$")
    )
    sentences = [
        nv.pay_gap_sentence(an.pay_gap(evil, conflicts, CRM, CCM), names),
        nv.skills_sentence(an.shared_skills(evil, CRM, CCM), names, CRM, CCM),
    ]
    markdown_it = pytest.importorskip("markdown_it")
    for sentence in sentences:
        assert "<" not in sentence and "](" not in sentence and "**" not in sentence
        rendered = markdown_it.MarkdownIt("commonmark").render(sentence)
        assert "<img" not in rendered and "<a " not in rendered and "<strong>" not in rendered
        assert "<b>" not in rendered
    assert "&lt;b&gt;patients&lt;/b&gt; \\$\\\\pi\\$" in sentences[1]


def test_for_mathjax_escapes_only_bare_dollars():
    sentence = "X earn between $17,732 and $25,601 than \\$y\\$."
    assert nv.for_mathjax(sentence) == "X earn between \\$17,732 and \\$25,601 than \\$y\\$."
