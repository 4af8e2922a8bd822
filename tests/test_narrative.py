"""rolecompare.reporting.narrative: sentences from analysis results on hand-built facts.

Exact sentences, because they are what a reader reads: stated numbers carry their pages'
numbers ([1]), computed ones the mark †, like is compared with like, and a role's missing
metric is said once per section, not in every sentence.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from rolecompare import analysis as an
from rolecompare.reporting import narrative as nv
from rolecompare.reporting.evidence import Evidence

P000 = "000_22965af89e6f7745.txt"
P003 = "003_f238aaacc82e3e21.txt"
P004 = "004_a6663551ef9087c7.txt"

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
COLUMNS = [*an.FACT_COLUMNS[:7], "statistic", "qualifier", "period", "source", "line"]


def fact(role_id, metric, value=None, source=P000, line=1, category=None, text=None, unit=None,
         statistic=None, qualifier=None, period=None):  # fmt: skip
    return {
        "role_id": role_id,
        "role": NAMES[role_id],
        "metric": metric,
        "category": category,
        "value": math.nan if value is None else float(value),
        "text": text,
        "unit": unit,
        "statistic": statistic,
        "qualifier": qualifier,
        "period": period,
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
        fact(CCM, "skill_top", None, P000, 8, category="2", text="customer satisfaction"),
        fact(CRM, "salary_yearly", 66782, P000, 10, unit="USD/year", statistic="mean"),
        fact(CCM, "salary_yearly", 41181, P000, 10, unit="USD/year", statistic="mean"),
        fact(CRM, "salary_hourly", 32.11, P000, 11, unit="USD/hour"),
        fact(CCM, "salary_hourly", 19.80, P000, 11, unit="USD/hour"),
        fact(CRM, "degree_top", 57, P000, 15, text="Bachelor's Degree", unit="percent"),
        fact(CCM, "degree_top", 59, P000, 15, text="Bachelor's Degree", unit="percent"),
        fact(CRM, "age", 42, P000, 16, unit="years", statistic="mean"),
        fact(CCM, "age", 47, P000, 16, unit="years", statistic="mean"),
        fact(CRM, "experience_years", 4, P000, 17, unit="years"),
        fact(CCM, "experience_years", 6, P000, 17, unit="years"),
        fact(CRM, "salary_min", 42000, P000, 23, unit="USD/year"),
        fact(CRM, "salary_max", 104000, P000, 23, unit="USD/year"),
        fact(CCM, "salary_min", 28000, P000, 23, unit="USD/year"),
        fact(CCM, "salary_max", 59000, P000, 23, unit="USD/year"),
        fact(CRM, "major_top", None, P000, 31, text="Business"),
        fact(CCM, "major_top", None, P000, 31, text="Business"),
        fact(CRM, "gender_share", 38.2, P000, 36, category="male", unit="percent"),
        fact(CRM, "gender_share", 61.8, P000, 36, category="female", unit="percent"),
        fact(CCM, "gender_share", 38.1, P000, 36, category="male", unit="percent"),
        fact(CCM, "gender_share", 61.9, P000, 36, category="female", unit="percent"),
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
        fact(US, "salary_yearly", 59228, P004, 26, unit="USD/year", statistic="mean"),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def with_rows(facts: pd.DataFrame, *rows: dict) -> pd.DataFrame:
    return pd.concat([facts, pd.DataFrame(list(rows), columns=COLUMNS)], ignore_index=True)


PROFILE_SALARY = fact(CRM, "salary_yearly", 58913, P003, 31, unit="USD/year", statistic="mean")


def salary_conflict() -> pd.DataFrame:
    row = {
        "role_id": CRM, "role": NAMES[CRM], "metric": "salary_yearly", "category": None,
        "unit": "USD/year", "statistic": "mean", "period": None, "n_values": 2,
        "min_value": 58913.0, "max_value": 66782.0,
        "values": f"66782 ({P000}:10); 58913 ({P003}:31)",
    }  # fmt: skip
    return pd.DataFrame([row])


@pytest.fixture
def facts() -> pd.DataFrame:
    return build_facts()


@pytest.fixture
def no_conflicts() -> pd.DataFrame:
    return salary_conflict().iloc[0:0]


def evidence(facts: pd.DataFrame) -> Evidence:
    return Evidence.from_tables(facts, [CRM, CCM])


# --- pay --------------------------------------------------------------------------------------


def test_yearly_gap_cites_the_pages_and_marks_what_is_computed(facts, no_conflicts):
    ev = evidence(facts)  # pages by file name: [1] 000, [2] 004
    (gap,) = an.pay_gaps(facts, no_conflicts, CRM, CCM)
    assert nv.pay_gap_sentence(gap, NAMES, ev) == (
        "Customer relations managers earn $25,601† (62.2%†) more a year than customer care "
        "managers (averages: $66,782 [1] against $41,181 [1])."
    )
    assert nv.pay_gap_sentence(gap, NAMES, ev, short=True) == (
        "Customer relations managers earn $25,601† (62.2%†) more a year than customer care "
        "managers (comparing averages)."
    )


def test_yearly_gap_with_conflicting_sources_gives_the_range_and_each_source(facts):
    facts = with_rows(facts, PROFILE_SALARY)
    ev = evidence(facts)  # [1] 000, [2] 003, [3] 004
    (gap,) = an.pay_gaps(facts, salary_conflict(), CRM, CCM)
    assert nv.pay_gap_sentence(gap, NAMES, ev) == (
        "Customer relations managers earn $17,732–$25,601† (43.1–62.2%†) more a year than "
        "customer care managers, depending on the source (averages: $58,913 [2] or $66,782 [1] "
        "against $41,181 [1])."
    )


def test_equal_salaries_earn_the_same_in_the_sentence_and_the_key_numbers(facts, no_conflicts):
    same = facts.copy()
    same.loc[(same.role_id == CRM) & (same.metric == "salary_yearly"), "value"] = 41181.0
    ev = evidence(same)
    (gap,) = an.pay_gaps(same, no_conflicts, CRM, CCM)
    assert gap.equal
    assert nv.pay_gap_sentence(gap, NAMES, ev) == (
        "Customer relations managers and customer care managers earn the same a year "
        "(averages: $41,181 [1] against $41,181 [1])."
    )
    keys = nv.key_number_sentences(same, no_conflicts, ev, NAMES, CRM, CCM)
    assert keys[0] == (
        "Customer relations managers and customer care managers earn the same a year "
        "(comparing averages)."
    )


def test_hourly_gap_in_cents_without_a_statistic_when_no_page_names_one(facts, no_conflicts):
    (gap,) = an.pay_gaps(facts, no_conflicts, CRM, CCM, "salary_hourly")
    assert nv.pay_gap_sentence(gap, NAMES, evidence(facts)) == (
        "Customer relations managers earn $12.31† (62.2%†) more an hour than customer care "
        "managers ($32.11 [1] against $19.80 [1])."
    )


def test_a_median_and_an_average_are_said_in_words_not_subtracted(facts, no_conflicts):
    median = facts.copy()
    median.loc[(median.role_id == CCM) & (median.metric == "salary_yearly"), "statistic"] = "median"
    assert an.pay_gaps(median, no_conflicts, CRM, CCM) == []
    unlike = an.unlike_statistics(median, no_conflicts, CRM, CCM)
    assert nv.unlike_sentence(unlike, NAMES, evidence(median)) == (
        "The pages give customer relations managers' yearly salary as an average ($66,782 [1]) "
        "and customer care managers' as a median ($41,181 [1]): different statistics, so they "
        "are not subtracted here."
    )
    keys = nv.key_number_sentences(median, no_conflicts, evidence(median), NAMES, CRM, CCM)
    assert keys[0].startswith("The pages give customer relations managers' yearly salary as an")
    assert not any("$25,601" in k for k in keys)


def test_an_approximate_salary_makes_the_gap_approximate(facts, no_conflicts):
    about = facts.copy()
    about.loc[(about.role_id == CRM) & (about.metric == "salary_yearly"), "qualifier"] = (
        "approximate"
    )
    (gap,) = an.pay_gaps(about, no_conflicts, CRM, CCM)
    sentence = nv.pay_gap_sentence(gap, NAMES, evidence(about))
    assert sentence.startswith("Customer relations managers earn about $25,601† (about 62.2%†)")
    assert "(averages: about $66,782 [1] against $41,181 [1])" in sentence
    assert sentence.endswith("The gap is approximate: a page qualifies a salary.")


def test_overlap_sentence(facts, no_conflicts):
    overlap = an.salary_overlap(facts, no_conflicts, CRM, CCM)
    assert nv.overlap_sentence(overlap, NAMES, evidence(facts)) == (
        "The salary ranges overlap by $17,000† ($42,000–$59,000): 27.4%† of the customer "
        "relations manager range ($42,000–$104,000 [1]) and 54.8%† of the customer care manager "
        "range ($28,000–$59,000 [1])."
    )


def test_us_average_sentences_like_with_like(facts, no_conflicts):
    ev = Evidence.from_tables(facts, [CRM, CCM])
    assert nv.us_average_sentences(facts, no_conflicts, [CRM, CCM], NAMES, ev) == [
        "Customer relations managers earn $7,554† (12.8%†) more a year than the US average "
        "(averages: $66,782 [1]; US average $59,228 [2]).",
        "Customer care managers earn $18,047† (30.5%†) less a year than the US average "
        "(averages: $41,181 [1]; US average $59,228 [2]).",
    ]


# --- demographics, experience, education ------------------------------------------------------


def test_demographic_sentences(facts, no_conflicts):
    ev = evidence(facts)
    summary = an.demographics_summary(facts, no_conflicts, CRM, CCM)
    assert nv.age_sentence(summary, NAMES, CRM, CCM, ev) == (
        "Customer relations managers are 5† years younger on average than customer care managers "
        "(42 years [1] against 47 years [1])."
    )
    assert nv.gender_sentence(summary, NAMES, CRM, CCM, ev) == (
        "Women make up 61.8% [1] of customer relations managers, 0.1† percentage points less "
        "than among customer care managers (61.9% [1])."
    )
    assert nv.lgbt_sentence(summary, NAMES, CRM, CCM, ev) == (
        "LGBT people make up 16% [1] of customer relations managers, 8† percentage points more "
        "than among customer care managers (8% [1])."
    )
    index = an.dissimilarity(facts, no_conflicts, CRM, CCM)
    assert nv.dissimilarity_sentence(index, ev, (CRM, CCM)) == (
        "The race shares [1] differ by a dissimilarity index of 14.4†: 14.4%† of one group would "
        "have to change category to match the other."
    )


def test_a_role_without_the_age_gives_no_sentence(facts, no_conflicts):
    without = facts[~((facts.role_id == CCM) & (facts.metric == "age"))]
    summary = an.demographics_summary(without, no_conflicts, CRM, CCM)
    assert nv.age_sentence(summary, NAMES, CRM, CCM, evidence(without)) == ""


def test_experience_and_education_sentences(facts):
    ev = evidence(facts)
    assert nv.experience_sentence(ev, NAMES, CRM, CCM) == (
        "Average experience: 4 years [1] for customer relations managers and 6 years [1] for "
        "customer care managers."
    )
    assert nv.become_sentence(ev, NAMES, CRM, CCM) == (
        "It usually takes 2–4 years [1] to become a customer relations manager and 4–6 years [1] "
        "to become a customer care manager."
    )
    assert nv.education_sentences(ev, NAMES, CRM, CCM) == [
        "The most common degree is Bachelor's Degree for both: 57% [1] of customer relations "
        "managers and 59% [1] of customer care managers.",
        "The most common major is Business for both [1].",
    ]


# --- what each role does ----------------------------------------------------------------------

DESCRIPTION = (
    "Customer care managers lead the care team. They assess the team's work. They resolve "
    "complex issues. They report to supervisors. They also set goals for the team."
)


DUTIES = [
    "Lead the team.",
    "Plan shifts.",
    "Resolve issues.",
    "Report weekly.",
    "Train new hires.",
    "Manage the accounts payable and accounts rec",  # the page cut it off ("Show more")
]


def duty_facts(facts: pd.DataFrame) -> pd.DataFrame:
    duties = [
        fact(CCM, "description", None, P004, 11, text=DESCRIPTION),
        *(
            fact(CCM, "responsibility", None, P004, 60 + rank, category=str(rank), text=text)
            for rank, text in enumerate(DUTIES, start=1)
        ),
        fact(CRM, "skill_share", 15, P000, 92, category="Customer Issues", unit="percent"),
        fact(CRM, "skill_share", 12, P000, 94, category="Customer Satisfaction", unit="percent"),
    ]
    return with_rows(facts, *duties)


def test_duties_quote_a_trimmed_description_and_five_responsibilities_in_page_order(facts):
    ev = evidence(duty_facts(facts))  # [1] 000, [2] 004
    care = nv.role_duties(ev, CCM)
    assert care.description == (
        "Customer care managers lead the care team. They assess the team's work. They resolve "
        "complex issues. …"
    )
    assert care.trimmed and care.description_cite == "[2]"
    assert care.responsibilities == (
        "Lead the team.", "Plan shifts.", "Resolve issues.", "Report weekly.", "Train new hires."
    )  # fmt: skip
    assert care.responsibilities_cite == "[2]"
    relations = nv.role_duties(ev, CRM)
    assert relations.description is None and relations.responsibilities == ()
    assert relations.skills == ("Customer Issues 15%", "Customer Satisfaction 12%")
    assert relations.skills_cite == "[1]"


def test_a_cut_off_bullet_is_quoted_as_it_stands(facts):
    many = duty_facts(facts)
    many = many[~((many.metric == "responsibility") & (many.category.isin(["1", "2"])))]
    care = nv.role_duties(evidence(many), CCM)
    assert care.responsibilities[-1] == "Manage the accounts payable and accounts rec"


def test_trim_passage_keeps_short_text_whole():
    short = "One sentence. Two sentences."
    assert nv.trim_passage(short) == (short, False)
    long_sentence = "word " * 200
    text, trimmed = nv.trim_passage(long_sentence)
    assert trimmed and len(text) <= 482 and text.endswith(" …")


def test_shared_skills_sentence(facts):
    skills = an.shared_skills(facts, CRM, CCM)
    assert nv.shared_skills_sentence(skills, NAMES, CRM, CCM) == (
        "The skills the pages list for customer relations managers and customer care managers "
        "share one skill: customer satisfaction."
    )
    none = an.shared_skills(facts[facts.text != "customer satisfaction"], CRM, CCM)
    assert nv.shared_skills_sentence(none, NAMES, CRM, CCM) == (
        "Customer relations managers and customer care managers share none of the skills their "
        "pages list."
    )


# --- what is missing, key numbers, disagreements ----------------------------------------------


def test_missing_sentence_says_once_what_each_role_lacks():
    items = [("salary range", [CRM, CCM]), ("hourly rate", [CCM]), ("age", []),
             ("LGBT share", [CRM])]  # fmt: skip
    assert nv.missing_sentence(items, NAMES, CRM, CCM) == (
        "The pages publish no salary range for these roles, no LGBT share for customer relations "
        "managers and no hourly rate for customer care managers."
    )
    assert nv.missing_sentence([("age", [])], NAMES, CRM, CCM) == ""


def test_key_numbers_and_disagreements(facts):
    facts = with_rows(facts, PROFILE_SALARY)
    ev = evidence(facts)
    keys = nv.key_number_sentences(facts, salary_conflict(), ev, NAMES, CRM, CCM)
    assert keys == [
        "Customer relations managers earn $17,732–$25,601† (43.1–62.2%†) more a year than "
        "customer care managers, depending on the source (comparing averages).",
        "Customer relations managers earn $12.31† (62.2%†) more an hour than customer care "
        "managers.",
        "Their published salary ranges overlap by $17,000†.",
        "Customer relations managers have 2† fewer years of experience on average than customer "
        "care managers.",
        "Customer relations managers are 5† years younger on average than customer care managers.",
        "Women: 61.8% [1] of customer relations managers and 61.9% [1] of customer care managers "
        "(0.1† percentage points less).",
        "LGBT people: 16% [1] of customer relations managers and 8% [1] of customer care "
        "managers (8† percentage points more).",
        "The race distributions differ by a dissimilarity index of 14.4†.",
    ]
    assert nv.disagreements_sentence(salary_conflict(), ev, NAMES, (CRM, CCM)) == (
        "The pages disagree on one value: the yearly salary of customer relations managers "
        "($66,782 [1] or $58,913 [2])."
    )


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


def test_no_raw_id_reaches_a_reader():
    assert nv.display_name(US, {}) == "US average"
    assert nv.display_name("dental-lab-technician", {}) == "Dental lab technician"
    assert nv.metric_label("salary_yearly") == "Yearly salary"
    assert nv.metric_label("brand_new_metric") == "Brand new metric"


def test_formats_round_each_kind_of_number_once():
    assert nv.format_money(25601) == "$25,601"
    assert nv.format_money(12.31, "USD/hour") == "$12.31"
    assert nv.format_money(20, "USD/hour") == "$20.00"
    assert nv.format_money(-315) == "-$315"
    assert nv.format_money(30741, "GBP/year") == "£30,741"
    assert nv.format_percent(62.16653) == "62.2%"
    assert nv.format_percent(8.0) == "8%"
    assert nv.format_pp(-1.08) == "1.1 percentage points"  # as the key numbers and tables
    assert nv.percent_span(43.05, 62.16) == "43.1–62.2%"
    assert nv.format_value(20, "USD/hour") == "$20"  # a stated number as printed
    assert nv.format_value(61.8, "percent") == "61.8%"


def test_page_text_stays_plain_text(facts, no_conflicts):
    """Sentences are plain text (templates escape them): markup from a page is kept as
    characters, never interpreted or half-escaped here."""
    names = {CRM: "<img src=x onerror=alert(1)> [m](javascript:x)", CCM: "**Care** $x$"}
    (gap,) = an.pay_gaps(facts, no_conflicts, CRM, CCM)
    sentence = nv.pay_gap_sentence(gap, names, evidence(facts))
    assert sentence.startswith("<img src=x onerror=alert(1)> [m](javascript:x)s earn $25,601†")
    assert "than **Care** $x$s (averages" in sentence
