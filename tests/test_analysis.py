"""Tests of rolecompare.analysis on hand-built facts copied from the raw pages in data/raw."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from rolecompare import analysis as an

P000 = "000_22965af89e6f7745.txt"  # customer relations vs customer care manager
P001 = "001_ab6d71d0de38f037.txt"  # customer service vs customer relations manager
P002 = "002_468d1e68ab3c4fd7.txt"  # customer service vs customer care manager
P003 = "003_f238aaacc82e3e21.txt"  # customer relations manager profile
P004 = "004_a6663551ef9087c7.txt"  # how to become a customer care manager (with US average)

CRM, CCM, CSM, US = (
    "customer-relations-manager",
    "customer-care-manager",
    "customer-service-manager",
    "us-average",
)
NAMES = {
    CRM: "Customer relations manager",
    CCM: "Customer care manager",
    CSM: "Customer service manager",
    US: "US average",
}
UNITS = {
    "salary_yearly": "USD/year",
    "salary_hourly": "USD/hour",
    "salary_min": "USD/year",
    "salary_max": "USD/year",
    "salary_regional_diff": "percent",
    "salary_abroad_usd": "USD/year",
    "growth_rate": "percent",
    "jobs_count": "count",
    "degree_top": "percent",
    "age": "years",
    "experience_years": "years",
    "experience_min_years": "years",
    "years_to_become_min": "years",
    "years_to_become_max": "years",
    "gender_share": "percent",
    "race_share": "percent",
    "lgbt_share": "percent",
    "skill_share": "percent",
    "degree_share": "percent",
}
RACES = (
    "Black or African American",
    "Unknown",
    "Hispanic or Latino",
    "Asian",
    "White",
    "American Indian and Alaska Native",
)
CRM_RACE = (6.0, 4.7, 9.1, 5.1, 74.7, 0.4)  # 000 line 37 (and 001 line 57)
CCM_RACE = (10.3, 4.8, 18.2, 5.7, 60.3, 0.7)  # 000 line 37 (and 002 line 57)


def fact(role_id, metric, value=None, source=P000, line=1, category=None, text=None, unit=None):
    return {
        "role_id": role_id,
        "role": NAMES[role_id],
        "metric": metric,
        "category": category,
        "value": math.nan if value is None else float(value),
        "text": text,
        "unit": unit if unit is not None else UNITS.get(metric),
        "source": source,
        "line": line,
    }


def build_facts() -> list[dict]:
    rows = [
        # --- 000: customer relations manager vs customer care manager
        fact(CRM, "years_to_become_min", 2, P000, 7),
        fact(CRM, "years_to_become_max", 4, P000, 7),
        fact(CCM, "years_to_become_min", 4, P000, 7),
        fact(CCM, "years_to_become_max", 6, P000, 7),
        fact(CRM, "salary_yearly", 66782, P000, 7),
        fact(CCM, "salary_yearly", 41181, P000, 7),
        fact(CRM, "skill_top", None, P000, 8, category="1", text="customer issues"),
        fact(CRM, "skill_top", None, P000, 8, category="2", text="customer relations"),
        fact(CRM, "skill_top", None, P000, 8, category="3", text="customer satisfaction"),
        fact(CCM, "skill_top", None, P000, 8, category="1", text="patients"),
        fact(CCM, "skill_top", None, P000, 8, category="2", text="home health"),
        fact(CCM, "skill_top", None, P000, 8, category="3", text="social work"),
        fact(CRM, "salary_yearly", 66782, P000, 10),
        fact(CCM, "salary_yearly", 41181, P000, 10),
        fact(CRM, "salary_hourly", 32.11, P000, 11),
        fact(CCM, "salary_hourly", 19.80, P000, 11),
        fact(CRM, "growth_rate", 8, P000, 12),
        fact(CCM, "growth_rate", 8, P000, 12),
        fact(CRM, "jobs_count", 61089, P000, 13),
        fact(CCM, "jobs_count", 129140, P000, 13),
        fact(CRM, "degree_top", 57, P000, 15, text="Bachelor's Degree"),
        fact(CCM, "degree_top", 59, P000, 15, text="Bachelor's Degree"),
        fact(CRM, "age", 42, P000, 16),
        fact(CCM, "age", 47, P000, 16),
        fact(CRM, "experience_years", 4, P000, 17),
        fact(CCM, "experience_years", 6, P000, 17),
        fact(CRM, "salary_yearly", 66782, P000, 22),
        fact(CCM, "salary_yearly", 41181, P000, 22),
        fact(CRM, "salary_min", 42000, P000, 23),
        fact(CRM, "salary_max", 104000, P000, 23),
        fact(CCM, "salary_min", 28000, P000, 23),
        fact(CCM, "salary_max", 59000, P000, 23),
        fact(CRM, "top_city", None, P000, 24, text="Pleasanton, CA"),
        fact(CCM, "top_city", None, P000, 24, text="Olympia, WA"),
        fact(CRM, "top_state", None, P000, 25, text="Nevada"),
        fact(CCM, "top_state", None, P000, 25, text="Washington"),
        fact(CRM, "top_company", None, P000, 26, text="Amazon"),
        fact(CCM, "top_company", None, P000, 26, text="Adobe"),
        fact(CRM, "top_industry", None, P000, 27, text="Automotive"),
        fact(CCM, "top_industry", None, P000, 27, text="Telecommunication"),
        fact(CRM, "degree_top", 57, P000, 30, text="Bachelor's Degree"),
        fact(CCM, "degree_top", 59, P000, 30, text="Bachelor's Degree"),
        fact(CRM, "major_top", None, P000, 31, text="Business"),
        fact(CCM, "major_top", None, P000, 31, text="Business"),
        fact(CRM, "college_top", None, P000, 32, text="California State University - Bakersfield"),
        fact(CCM, "college_top", None, P000, 32, text="California State University - Bakersfield"),
        fact(CRM, "age", 42, P000, 35),
        fact(CCM, "age", 47, P000, 35),
        fact(CRM, "gender_share", 38.2, P000, 36, category="male"),
        fact(CRM, "gender_share", 61.8, P000, 36, category="female"),
        fact(CCM, "gender_share", 38.1, P000, 36, category="male"),
        fact(CCM, "gender_share", 61.9, P000, 36, category="female"),
        *(
            fact(CRM, "race_share", v, P000, 37, category=race)
            for race, v in zip(RACES, CRM_RACE, strict=True)
        ),
        *(
            fact(CCM, "race_share", v, P000, 37, category=race)
            for race, v in zip(RACES, CCM_RACE, strict=True)
        ),
        fact(CRM, "lgbt_share", 16, P000, 38),
        fact(CCM, "lgbt_share", 8, P000, 38),
        # --- 001: customer service manager vs customer relations manager (glued table cells)
        fact(CSM, "years_to_become_min", 4, P001, 5),
        fact(CSM, "years_to_become_max", 6, P001, 5),
        fact(CRM, "salary_yearly", 66782, P001, 5),
        fact(CSM, "salary_yearly", 61487, P001, 5),
        fact(CSM, "skill_top", None, P001, 7, category="1", text="strong customer service"),
        fact(CSM, "skill_top", None, P001, 7, category="2", text="payroll"),
        fact(CSM, "skill_top", None, P001, 7, category="3", text="customer satisfaction"),
        fact(CSM, "salary_yearly", 61487, P001, 12),
        fact(CRM, "salary_yearly", 66782, P001, 12),
        fact(CSM, "salary_hourly", 29.56, P001, 13),
        fact(CRM, "salary_hourly", 32.11, P001, 13),
        fact(CSM, "age", 44, P001, 18),
        fact(CSM, "experience_years", 6, P001, 19),
        fact(CSM, "salary_min", 35000, P001, 35),
        fact(CSM, "salary_max", 105000, P001, 35),
        fact(CSM, "gender_share", 37.0, P001, 56, category="male"),
        fact(CSM, "gender_share", 63.0, P001, 56, category="female"),
        fact(CSM, "lgbt_share", 10, P001, 58),
        *(
            fact(CSM, "skill_share", v, P001, line, category=skill)
            for line, skill, v in [
                (85, "Strong Customer Service", 15),
                (86, "Payroll", 6),
                (87, "Customer Satisfaction", 6),
                (88, "Customer Complaints", 6),
                (89, "Customer Service", 6),
                (90, "ISO", 5),
            ]
        ),
        *(
            fact(CRM, "skill_share", v, P001, line, category=skill)
            for line, skill, v in [
                (92, "Customer Issues", 15),
                (93, "Customer Relations", 13),
                (94, "Customer Satisfaction", 12),
                (95, "Dealership", 9),
                (96, "Customer Complaints", 6),
                (97, "Warranty Claims", 4),
            ]
        ),
        # --- 003: customer relations manager profile (a different salary source)
        fact(CRM, "experience_min_years", 5, P003, 27),
        fact(CRM, "salary_yearly", 58913, P003, 31),
        fact(CRM, "salary_regional_diff", 26, P003, 31, category="New York City"),
        fact(CRM, "salary_regional_diff", -6, P003, 31, category="Atlanta"),
        fact(CRM, "salary_abroad", 30741, P003, 33, category="United Kingdom", unit="GBP/year"),
        fact(CRM, "salary_abroad_usd", 38623, P003, 33, category="United Kingdom"),
        # --- 004: how to become a customer care manager, with the US average column
        fact(CCM, "salary_yearly", 41181, P004, 24),
        fact(US, "salary_yearly", 59228, P004, 26),
        fact(CCM, "growth_rate", 8, P004, 31),
        fact(US, "growth_rate", 0.3, P004, 33),
        *(
            fact(CCM, "race_share", v, P004, line, category=race)
            for line, race, v in [
                (39, "American Indian and Alaska Native", 0.66),
                (41, "Asian", 5.72),
                (43, "Black or African American", 10.34),
                (45, "Hispanic or Latino", 18.22),
                (47, "Unknown", 4.80),
                (49, "White", 60.26),
            ]
        ),
        fact(CCM, "gender_share", 61.92, P004, 53, category="female"),
        fact(CCM, "gender_share", 38.08, P004, 55, category="male"),
        fact(CCM, "age", 48, P004, 57),
        *(
            fact(US, "race_share", v, P004, line, category=race)
            for line, race, v in [
                (60, "American Indian and Alaska Native", 3.00),
                (62, "Asian", 7.00),
                (64, "Black or African American", 14.00),
                (66, "Hispanic or Latino", 19.00),
                (68, "White", 57.00),
            ]
        ),
        fact(US, "gender_share", 47.00, P004, 72, category="female"),
        fact(US, "gender_share", 53.00, P004, 74, category="male"),
        fact(US, "age", 48, P004, 76),
        fact(CCM, "degree_share", 59.4, P004, 138, category="Bachelor's"),
        fact(CCM, "degree_share", 17.5, P004, 142, category="Associate"),
        fact(CCM, "degree_share", 11.8, P004, 146, category="Master's"),
        *(
            fact(CCM, "skill_share", v, P004, line, category=skill)
            for line, skill, v in [
                (150, "Patients", 16.19),
                (151, "Home Health", 11.60),
                (152, "Social Work", 10.86),
                (153, "Community Resources", 7.94),
                (154, "Discharge Planning", 6.06),
            ]
        ),
        fact(CCM, "salary_yearly", 41181, P004, 208),
        fact(CCM, "salary_hourly", 20, P004, 208),
        fact(CCM, "salary_min", 28000, P004, 208),
        fact(CCM, "salary_max", 59000, P004, 208),
        fact(CCM, "salary_yearly", 41181, P004, 211),
        fact(CCM, "salary_hourly", 19.80, P004, 212),
    ]
    return rows


def build_conflicts() -> pd.DataFrame:
    rows = [
        {
            "role_id": CRM,
            "role": NAMES[CRM],
            "metric": "salary_yearly",
            "category": None,
            "unit": "USD/year",
            "n_values": 2,
            "min_value": 58913.0,
            "max_value": 66782.0,
            "values": (
                f"66782 ({P000}:7, {P000}:10, {P000}:22, {P001}:5, {P001}:12); 58913 ({P003}:31)"
            ),
        },
        {
            "role_id": CCM,
            "role": NAMES[CCM],
            "metric": "age",
            "category": None,
            "unit": "years",
            "n_values": 2,
            "min_value": 47.0,
            "max_value": 48.0,
            "values": f"47 ({P000}:16, {P000}:35); 48 ({P004}:57)",
        },
    ]
    return pd.DataFrame(rows, columns=list(an.CONFLICT_COLUMNS))


@pytest.fixture
def facts() -> pd.DataFrame:
    return pd.DataFrame(build_facts(), columns=list(an.FACT_COLUMNS))


@pytest.fixture
def conflicts() -> pd.DataFrame:
    return build_conflicts()


@pytest.fixture
def no_conflicts() -> pd.DataFrame:
    return build_conflicts().iloc[0:0]


# --- resolution -------------------------------------------------------------------------------


def test_conflicting_salary_keeps_every_value_with_its_sources(facts, conflicts):
    res = an.resolve(facts, conflicts, CRM, "salary_yearly")
    assert res is not None
    assert res.conflict is True
    assert res.values == (58913.0, 66782.0)
    assert (res.low, res.high, res.best) == (58913.0, 66782.0, None)
    assert res.point == (58913 + 66782) / 2
    assert res.unit == "USD/year"
    assert f"{P003}:31" in res.sources and f"{P000}:10" in res.sources
    assert len(res.sources) == 6
    assert res.sources_of(58913.0) == (f"{P003}:31",)
    assert res.sources_of(66782.0) == (
        f"{P000}:7",
        f"{P000}:10",
        f"{P000}:22",
        f"{P001}:5",
        f"{P001}:12",
    )


def test_agreeing_hourly_rates_resolve_to_the_most_precise(facts, conflicts):
    res = an.resolve(facts, conflicts, CCM, "salary_hourly")
    assert res.conflict is False
    assert res.values == (19.8,)
    assert res.best == 19.8 == res.low == res.high
    assert res.sources == (f"{P000}:11", f"{P004}:208", f"{P004}:212")
    assert dict(res.stated) == {19.8: (f"{P000}:11", f"{P004}:212"), 20.0: (f"{P004}:208",)}


def test_race_share_prefers_two_decimals(facts, conflicts):
    res = an.resolve(facts, conflicts, CCM, "race_share", "Black or African American")
    assert res.values == (10.34,)
    assert res.conflict is False
    assert res.sources == (f"{P000}:37", f"{P004}:43")
    # categories match case-insensitively
    assert an.resolve(facts, conflicts, CCM, "race_share", "black or african american ") == res


def test_precision_tie_goes_to_first_source_then_line(facts):
    tie = pd.concat(
        [
            facts,
            pd.DataFrame(
                [fact(CSM, "growth_rate", 6.1, P002, 14), fact(CSM, "growth_rate", 5.9, P001, 14)]
            ),
        ],
        ignore_index=True,
    )
    # 6.1 and 5.9 cannot both round from one value of 1 decimal -> conflict even though the
    # conflicts table does not list it (never silently choose)
    res = an.resolve(tie, None, CSM, "growth_rate")
    assert res.conflict and res.values == (5.9, 6.1)
    tie2 = pd.concat(
        [
            facts,
            pd.DataFrame(
                [fact(CSM, "growth_rate", 6, P002, 14), fact(CSM, "growth_rate", 6, P001, 3)]
            ),
        ],
        ignore_index=True,
    )
    res2 = an.resolve(tie2, None, CSM, "growth_rate")
    assert res2.values == (6.0,) and res2.sources == (f"{P001}:3", f"{P002}:14")


def test_age_conflict_from_table_and_rounding(facts, conflicts, no_conflicts):
    res = an.resolve(facts, conflicts, CCM, "age")
    assert res.conflict and res.values == (47.0, 48.0)
    # 47 and 48 are not roundings of one number, so even without the table it is a conflict
    assert an.resolve(facts, no_conflicts, CCM, "age").values == (47.0, 48.0)


def test_key_listed_in_conflicts_keeps_every_value_even_if_close(facts, conflicts):
    """The conflicts table is authoritative: a listed key never collapses to one value."""
    listed = pd.concat(
        [
            conflicts,
            pd.DataFrame(
                [
                    {
                        "role_id": CCM,
                        "role": NAMES[CCM],
                        "metric": "salary_hourly",
                        "category": None,
                        "unit": "USD/hour",
                        "n_values": 2,
                        "min_value": 19.8,
                        "max_value": 20.0,
                        "values": f"19.80 ({P000}:11, {P004}:212); 20 ({P004}:208)",
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    res = an.resolve(facts, listed, CCM, "salary_hourly")
    assert res.conflict and res.values == (19.8, 20.0) and res.best is None
    gap = an.pay_gap(facts, listed, CRM, CCM, "salary_hourly")
    assert (gap.gap_low, gap.gap_high) == (12.11, 12.31)


def test_values_agree_rule():
    assert an.values_agree([19.8, 20])
    assert an.values_agree([10.34, 10.3])
    assert an.values_agree([11.6, 12])
    assert not an.values_agree([47, 48])
    assert not an.values_agree([66782, 58913])


def test_text_metric_and_missing(facts, conflicts):
    res = an.resolve(facts, conflicts, CRM, "degree_top")
    assert res.text == "Bachelor's Degree" and res.values == (57.0,) and not res.conflict
    assert res.sources == (f"{P000}:15", f"{P000}:30")
    city = an.resolve(facts, conflicts, CCM, "top_city")
    assert city.text == "Olympia, WA" and city.values == () and city.best is None
    assert an.resolve(facts, conflicts, CSM, "job_satisfaction") is None
    assert an.resolve(facts, conflicts, CRM, "race_share") is None  # needs a category


def test_unknown_role_lists_known_ids_and_close_matches(facts, conflicts):
    with pytest.raises(an.UnknownRole) as info:
        an.resolve(facts, conflicts, "customer-relation-manager", "salary_yearly")
    err = info.value
    assert err.role_id == "customer-relation-manager"
    assert err.known_ids == (CCM, CRM, CSM, US)
    assert err.close_matches[0] == CRM
    assert "did you mean 'customer-relations-manager'" in str(err)
    assert not isinstance(err, KeyError)
    with pytest.raises(an.UnknownRole) as info:
        an.pay_gap(facts, conflicts, CRM, "Customer Care Manager")
    assert info.value.close_matches[0] == CCM
    with pytest.raises(an.UnknownRole):
        an.experience_table(facts, conflicts, ["nurse"])


# --- pay --------------------------------------------------------------------------------------


def test_yearly_pay_gap_without_conflict(facts, no_conflicts):
    only_000 = facts[facts["source"] != P003]
    gap = an.pay_gap(only_000, no_conflicts, CRM, CCM)
    assert gap.gap == 25601
    assert gap.percent == pytest.approx(25601 / 41181 * 100, abs=1e-9)
    assert round(gap.percent, 1) == 62.2
    assert (gap.higher, gap.lower, gap.base) == (CRM, CCM, CCM)
    assert not gap.conflict
    # reversed order: negative gap, same base
    rev = an.pay_gap(only_000, no_conflicts, CCM, CRM)
    assert rev.gap == -25601 and round(rev.percent, 1) == -62.2 and rev.higher == CRM


def test_yearly_pay_gap_with_conflict_is_a_range(facts, conflicts):
    gap = an.pay_gap(facts, conflicts, CRM, CCM)
    assert gap.conflict
    assert gap.gap is None and gap.percent is None
    assert (gap.gap_low, gap.gap_high) == (17732, 25601)
    assert round(gap.percent_low, 1) == 43.1
    assert round(gap.percent_high, 1) == 62.2
    assert gap.higher == CRM
    assert f"{P003}:31" in gap.sources


def test_hourly_gap(facts, conflicts):
    gap = an.pay_gap(facts, conflicts, CRM, CCM, "salary_hourly")
    assert gap.gap == 12.31  # exactly, not 12.309999999999999
    assert gap.unit == "USD/hour"
    assert not gap.conflict


def test_pay_gap_missing_is_none(facts, conflicts):
    no_hourly = facts[~((facts["role_id"] == CCM) & (facts["metric"] == "salary_hourly"))]
    assert an.pay_gap(no_hourly, conflicts, CRM, CCM, "salary_hourly") is None
    assert an.missing_metric(no_hourly, conflicts, [CRM, CCM], "salary_hourly") == (CCM,)
    assert an.missing_metric(facts, conflicts, [CRM, CSM], "race_share") == (CSM,)


def test_range_overlap():
    ov = an.range_overlap(42000, 104000, 28000, 59000)
    assert ov.amount == 17000
    assert (ov.low, ov.high) == (42000, 59000)
    assert ov.percent_of_a == pytest.approx(17000 / 62000 * 100)
    assert ov.percent_of_b == pytest.approx(17000 / 31000 * 100)
    apart = an.range_overlap(10, 20, 25, 30)
    assert apart.amount == 0 and not apart.overlaps and apart.distance == 5 and apart.low is None
    assert an.range_overlap(None, 1, 2, 3) is None
    assert an.range_overlap(1, math.nan, 2, 3) is None
    with pytest.raises(ValueError):
        an.range_overlap(5, 1, 2, 3)


def test_salary_overlap_and_ranges(facts, conflicts):
    ov = an.salary_overlap(facts, conflicts, CRM, CCM)
    assert ov.amount == 17000 and (ov.role_a, ov.role_b) == (CRM, CCM) and not ov.conflict
    table = an.salary_ranges(facts, conflicts, [CRM, CCM])
    assert list(table.columns[:5]) == [
        "role_id",
        "role",
        "salary_min",
        "salary_max",
        "salary_yearly",
    ]
    crm = table.set_index("role_id").loc[CRM]
    assert (crm["salary_min"], crm["salary_max"]) == (42000, 104000)
    assert (crm["salary_yearly_low"], crm["salary_yearly_high"]) == (58913, 66782)
    assert crm["conflicts"] == "salary_yearly"
    ccm = table.set_index("role_id").loc[CCM]
    assert ccm["salary_yearly"] == 41181 and ccm["conflicts"] == ""


def test_versus_us_average(facts, conflicts):
    table = an.versus_us_average(facts, conflicts, [CRM, CCM, CSM]).set_index("role_id")
    ccm = table.loc[CCM]
    assert ccm["us_average"] == 59228
    assert ccm["difference"] == -18047
    assert ccm["percent"] == pytest.approx(-18047 / 59228 * 100)
    crm = table.loc[CRM]
    assert crm["conflict"] and math.isnan(crm["difference"])
    assert (crm["difference_low"], crm["difference_high"]) == (-315, 7554)
    no_us = facts[facts["role_id"] != US]
    assert an.versus_us_average(no_us, conflicts, [CRM]).empty


def test_top_paying_side_by_side(facts):
    table = an.top_paying(facts, CRM, CCM)
    assert list(table["metric"]) == ["top_city", "top_state", "top_company", "top_industry"]
    assert list(table["text_a"]) == ["Pleasanton, CA", "Nevada", "Amazon", "Automotive"]
    assert list(table["text_b"]) == ["Olympia, WA", "Washington", "Adobe", "Telecommunication"]
    csm = an.top_paying(facts, CSM, CCM)
    assert csm["text_a"].isna().all()  # not in the fixture: missing, no error


# --- experience -------------------------------------------------------------------------------


def test_experience_table(facts, conflicts):
    table = an.experience_table(facts, conflicts)
    assert US not in set(table["role_id"])
    rows = table.set_index("role_id")
    crm, ccm = rows.loc[CRM], rows.loc[CCM]
    assert (crm["experience_years"], crm["years_to_become_min"], crm["years_to_become_max"]) == (
        4,
        2,
        4,
    )
    assert crm["experience_min_years"] == 5
    # no midpoint in a stated column: the disagreeing salaries are a range
    assert crm["salary_conflict"] and math.isnan(crm["salary_yearly"])
    assert (crm["salary_yearly_low"], crm["salary_yearly_high"]) == (58913, 66782)
    assert math.isnan(crm["salary_per_experience_year"])
    assert crm["salary_per_experience_year_low"] == pytest.approx(58913 / 4)
    assert crm["salary_per_experience_year_high"] == pytest.approx(66782 / 4)
    # the position a figure needs is derived, named so and listed as derived
    assert crm["salary_yearly_midpoint"] == (58913 + 66782) / 2
    assert "salary_yearly_midpoint" in table.attrs["derived"]
    assert "salary_per_experience_year" in table.attrs["derived"]
    assert ccm["salary_yearly"] == 41181 == ccm["salary_yearly_midpoint"]
    assert ccm["salary_per_experience_year"] == pytest.approx(41181 / 6)
    assert not ccm["salary_conflict"] and ccm["salary_yearly_statistic"] == ""


def test_experience_zero_or_missing_gives_nan(facts, conflicts):
    zero = facts.copy()
    zero.loc[(zero["role_id"] == CCM) & (zero["metric"] == "experience_years"), "value"] = 0.0
    ccm = an.experience_table(zero, conflicts, [CCM]).iloc[0]
    assert ccm["experience_years"] == 0 and math.isnan(ccm["salary_per_experience_year"])
    gone = facts[facts["metric"] != "experience_years"]
    row = an.experience_table(gone, conflicts, CCM).iloc[0]
    assert math.isnan(row["experience_years"]) and math.isnan(row["salary_per_experience_year"])


# --- demographics -----------------------------------------------------------------------------


def test_dissimilarity_index_of_the_race_tables():
    a = dict(zip(RACES, CRM_RACE, strict=True))
    b = dict(zip(RACES, CCM_RACE, strict=True))
    assert an.dissimilarity_index(a, b) == pytest.approx(14.4, abs=1e-9)
    assert an.dissimilarity_index(a, a) == 0
    # a category one side lacks counts as 0
    assert an.dissimilarity_index({"x": 60, "y": 40}, {"x": 60, "z": 40}) == 40
    assert math.isnan(an.dissimilarity_index({}, {}))


def test_dissimilarity_from_facts(facts, conflicts):
    only_000 = facts[facts["source"] == P000]
    assert an.dissimilarity(only_000, conflicts, CRM, CCM) == pytest.approx(14.4, abs=1e-9)
    # with page 004 the care manager's shares are the two-decimal ones (10.34, ...)
    assert an.dissimilarity(facts, conflicts, CRM, CCM) == pytest.approx(14.44, abs=1e-9)
    assert an.dissimilarity(facts, conflicts, CRM, CSM) is None  # no race facts for CSM here


def test_share_table_and_differences(facts, conflicts):
    table = an.share_table(facts, conflicts, "race_share", [CRM, CCM])
    assert list(table.columns[:5]) == ["role_id", "role", "category", "value", "source"]
    assert len(table) == 12
    ccm = table[table["role_id"] == CCM].set_index("category")
    assert ccm.loc["White", "value"] == 60.26
    assert ccm.loc["White", "source"] == f"{P000}:37; {P004}:49"
    diff = an.share_differences(facts[facts["source"] == P000], conflicts, "race_share", CRM, CCM)
    by_cat = diff.set_index("category")["difference_pp"]
    assert by_cat["White"] == 14.4
    assert by_cat["Black or African American"] == -4.3
    us = an.share_differences(facts, conflicts, "race_share", CCM, US).set_index("category")
    assert math.isnan(us.loc["Unknown", "value_b"]) and math.isnan(
        us.loc["Unknown", "difference_pp"]
    )
    assert an.share_table(facts, conflicts, "degree_share", [CRM]).empty


def test_demographics_summary(facts, conflicts):
    summary = an.demographics_summary(facts, conflicts, CRM, CCM).set_index("measure")
    age = summary.loc["age"]
    assert age["conflict"] and math.isnan(age["difference"])
    assert (age["difference_low"], age["difference_high"]) == (-6, -5)
    female = summary.loc["female_share"]
    assert female["value_a"] == 61.8 and female["value_b"] == 61.92
    assert female["difference"] == -0.12
    lgbt = summary.loc["lgbt_share"]
    assert lgbt["difference"] == 8 and lgbt["difference_unit"] == "pp"
    csm = an.demographics_summary(facts, conflicts, CRM, CSM).set_index("measure")
    assert csm.loc["age", "difference"] == -2


# --- education and skills ---------------------------------------------------------------------


def test_education_table(facts, conflicts):
    table = an.education_table(facts, conflicts, CRM, CCM).set_index("metric")
    assert table.loc["degree_top", "text_a"] == "Bachelor's Degree"
    assert (table.loc["degree_top", "value_a"], table.loc["degree_top", "value_b"]) == (57, 59)
    assert table.loc["major_top", "text_b"] == "Business"
    assert table.loc["college_top", "text_a"] == "California State University - Bakersfield"
    assert (
        an.education_table(facts, conflicts, CSM, CRM)
        .set_index("metric")
        .isna()
        .loc["major_top", "text_a"]
    )


def test_shared_skills_case_insensitive(facts):
    shared, only_a, only_b = an.shared_skills(facts, CRM, CSM)
    assert shared == ("Customer Satisfaction", "Customer Complaints")
    assert only_a == ("Customer Issues", "Customer Relations", "Dealership", "Warranty Claims")
    assert only_b[0] == "Strong Customer Service" and "customer satisfaction" not in only_b
    none_shared, crm_only, ccm_only = an.shared_skills(facts, CRM, CCM)
    assert none_shared == ()
    assert ccm_only[:3] == ("Patients", "Home Health", "Social Work")
    assert len(crm_only) == 6


# --- summary and appendix ---------------------------------------------------------------------


def test_pair_summary(facts, conflicts):
    summary = an.pair_summary(facts, conflicts, CRM, CCM)
    assert summary.yearly.gap_low == 17732 and summary.yearly.gap_high == 25601
    assert summary.hourly.gap == 12.31
    assert summary.salary_overlap.amount == 17000
    assert summary.race_dissimilarity == pytest.approx(14.44, abs=1e-9)
    assert summary.lgbt_share_pp == 8
    assert summary.age_difference is None  # 47 vs 48: in conflict
    assert (summary.age_difference_low, summary.age_difference_high) == (-6, -5)
    assert summary.lgbt_share_pp_low == summary.lgbt_share_pp_high == 8
    assert summary.experience_difference == -2
    assert summary.n_conflicts == 2
    row = summary.to_dict()
    assert row["yearly_gap"] is None and row["yearly_gap_high"] == 25601
    assert row["hourly_gap"] == 12.31 and row["n_shared_skills"] == 0
    assert row["name_a"] == "Customer relations manager"
    assert all(not isinstance(v, pd.DataFrame) for v in row.values())


def test_pair_summary_with_missing_data(facts, conflicts):
    summary = an.pair_summary(facts, conflicts, CSM, US)
    assert summary.hourly is None and summary.salary_overlap is None
    assert summary.race_dissimilarity is None
    assert summary.to_dict()["hourly_gap"] is None


def test_facts_used_and_conflicts_for(facts, conflicts):
    used = an.facts_used(facts, [CCM])
    assert set(used["role_id"]) == {CCM, US}
    assert list(used.columns) == list(an.FACT_COLUMNS)
    keys = list(zip(used["role_id"], used["metric"], strict=True))
    assert keys == sorted(keys)
    ccm_hourly = used[(used["role_id"] == CCM) & (used["metric"] == "salary_hourly")]
    assert list(zip(ccm_hourly["source"], ccm_hourly["line"], strict=True)) == [
        (P000, 11),
        (P004, 208),
        (P004, 212),
    ]
    assert set(an.facts_used(facts, CRM, include_us_average=False)["role_id"]) == {CRM}
    assert list(an.conflicts_for(conflicts, [CCM])["metric"]) == ["age"]
    assert an.conflicts_for(conflicts, [CSM]).empty
    assert an.conflicts_for(None, [CSM]).empty


def test_functions_do_not_modify_inputs(facts, conflicts):
    before_f, before_c = facts.copy(), conflicts.copy()
    an.pair_summary(facts, conflicts, CRM, CCM)
    an.experience_table(facts, conflicts)
    pd.testing.assert_frame_equal(facts, before_f)
    pd.testing.assert_frame_equal(conflicts, before_c)


def test_works_on_tables_read_back_from_csv(facts, conflicts, tmp_path):
    """The loader reads every column as str and lets the schema coerce; the analysis copes with
    both float columns and the str dtype of pandas 3."""
    path = tmp_path / "facts.csv"
    facts.to_csv(path, index=False)
    back = pd.read_csv(path, keep_default_na=False, na_values=[""])
    gap = an.pay_gap(back, conflicts, CRM, CCM, "salary_hourly")
    assert gap.gap == 12.31
    assert an.resolve(back, conflicts, CRM, "salary_yearly").values == (58913.0, 66782.0)
    assert an.shared_skills(back, CRM, CSM)[0] == ("Customer Satisfaction", "Customer Complaints")


def test_us_average_is_optional(facts, conflicts):
    no_us = facts[facts["role_id"] != US]
    assert an.resolve(no_us, conflicts, US, "salary_yearly") is None
    ranges = an.salary_ranges(no_us, conflicts, [CRM, US]).set_index("role_id")
    assert math.isnan(ranges.loc[US, "salary_yearly"])
    assert set(an.share_table(no_us, conflicts, "race_share", [CRM, US])["role_id"]) == {CRM}
    assert an.pair_summary(no_us, conflicts, CRM, US).yearly is None


def test_empty_facts_raise_unknown_role():
    empty = pd.DataFrame(columns=list(an.FACT_COLUMNS))
    with pytest.raises(an.UnknownRole, match="facts table is empty"):
        an.resolve(empty, None, CRM, "salary_yearly")
    assert an.experience_table(empty, None).empty


# --- like with like: statistics, qualifiers, periods ------------------------------------------


def stated(
    role_id, metric, value, source=P000, line=1, statistic=None, qualifier=None, period=None
):
    """A fact row with the statistic / qualifier / period columns of today's facts.csv."""
    row = fact(role_id, metric, value, source, line)
    row.update(statistic=statistic, qualifier=qualifier, period=period)
    return row


def table_of(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_resolve_keeps_statistics_apart_and_picks_the_average_by_default():
    facts = table_of(
        stated(CRM, "salary_yearly", 66782, P000, 7, "mean"),
        stated(CRM, "salary_yearly", 60000, P003, 5, "median"),
        stated(CRM, "salary_yearly", 58913, P003, 31),  # says neither: its own group
    )
    res = an.resolve(facts, None, CRM, "salary_yearly")
    assert res.values == (66782.0,) and res.statistic == "mean" and not res.conflict
    assert res.other_statistics == ("median", "")
    median = an.resolve(facts, None, CRM, "salary_yearly", statistic="median")
    assert median.values == (60000.0,) and median.sources == (f"{P003}:5",)
    unstated = an.resolve(facts, None, CRM, "salary_yearly", statistic="")
    assert unstated.values == (58913.0,) and unstated.statistic == ""
    assert an.stated_statistics(facts, CRM, "salary_yearly") == ("mean", "median", "")


def test_a_statement_that_does_not_say_takes_the_only_statistic_stated():
    facts = table_of(
        stated(CRM, "salary_yearly", 66782, P000, 7, "median"),
        stated(CRM, "salary_yearly", 66782, P001, 5),
        stated(CCM, "salary_yearly", 41181, P000, 7),
    )
    res = an.resolve(facts, None, CRM, "salary_yearly")
    assert res.statistic == "median" and len(res.sources) == 2 and res.other_statistics == ()
    # a role that never says which is compatible with any statistic asked for
    ccm = an.resolve(facts, None, CCM, "salary_yearly", statistic="median")
    assert ccm.values == (41181.0,) and ccm.statistic == ""
    assert an.resolve(facts, None, CRM, "salary_yearly", statistic="mean") is None


def test_pay_gaps_pair_like_with_like():
    facts = table_of(
        stated(CRM, "salary_yearly", 66782, P000, 7, "mean"),
        stated(CRM, "salary_yearly", 60000, P003, 5, "median"),
        stated(CCM, "salary_yearly", 41000, P004, 9, "median"),
    )
    gaps = an.pay_gaps(facts, None, CRM, CCM)
    assert [(g.statistic, g.gap) for g in gaps] == [("median", 19000)]
    assert an.pay_gap(facts, None, CRM, CCM).statistic == "median"
    assert an.pay_gap(facts, None, CRM, CCM, statistic="mean") is None
    assert an.unlike_statistics(facts, None, CRM, CCM) is None
    both = pd.concat([facts, table_of(stated(CCM, "salary_yearly", 43000, P000, 7, "mean"))])
    assert [g.statistic for g in an.pay_gaps(both, None, CRM, CCM)] == ["mean", "median"]
    assert an.pay_gap(both, None, CRM, CCM).gap == 66782 - 43000  # the averages by default


def test_unlike_statistics_are_not_subtracted():
    facts = table_of(
        stated(CRM, "salary_yearly", 66782, P000, 7, "mean"),
        stated(CCM, "salary_yearly", 41181, P004, 9, "median"),
        stated(CCM, "age", 47, P004, 57, "median"),
        stated(CRM, "age", 42, P000, 16, "mean"),
    )
    assert an.pay_gaps(facts, None, CRM, CCM) == []
    assert an.pay_gap(facts, None, CRM, CCM) is None
    unlike = an.unlike_statistics(facts, None, CRM, CCM)
    assert (unlike.statistics_a, unlike.statistics_b) == (("mean",), ("median",))
    assert unlike.a[0].values == (66782.0,) and unlike.b[0].values == (41181.0,)
    assert str(unlike).endswith(
        "states average, customer-care-manager median; unlike statistics, not compared"
    )
    age = an.demographics_summary(facts, None, CRM, CCM).set_index("measure").loc["age"]
    assert not age["comparable"] and math.isnan(age["difference_low"])
    assert (age["value_a"], age["value_b"]) == (42, 47)
    summary = an.pair_summary(facts, None, CRM, CCM)
    assert summary.yearly is None and summary.yearly_unlike == unlike
    assert summary.age_difference is None


def test_ages_compare_medians_with_medians():
    facts = table_of(
        stated(CRM, "age", 41, P000, 16, "median"),
        stated(CCM, "age", 45, P004, 57, "median"),
        stated(CCM, "age", 47, P000, 16, "mean"),
    )
    age = an.demographics_summary(facts, None, CRM, CCM).set_index("measure").loc["age"]
    assert age["label"] == "Median age" and age["statistic"] == "median"
    assert age["difference"] == -4 and age["comparable"]
    assert an.pair_summary(facts, None, CRM, CCM).age_statistic == "median"


def test_versus_us_average_compares_like_with_like(facts, conflicts):
    table = an.versus_us_average(facts, conflicts, [CCM])
    assert list(table["statistic"]) == [""] and table.attrs["derived"][0] == "difference"
    median_us = table_of(
        stated(US, "salary_yearly", 45760, P004, 26, "median"),
        stated(CCM, "salary_yearly", 41181, P004, 24, "mean"),
        stated(CRM, "salary_yearly", 50000, P003, 31, "median"),
    )
    rows = an.versus_us_average(median_us, None, [CCM, CRM])
    assert list(rows["role_id"]) == [CRM] and rows["difference"].iloc[0] == 50000 - 45760
    assert an.unlike_statistics(median_us, None, CCM, US).statistics_b == ("median",)


def test_approximate_statements_agree_within_their_rounding():
    facts = table_of(
        stated(CRM, "jobs_count", 52000, P003, 3, qualifier="approximate"),
        stated(CRM, "jobs_count", 51870, P000, 13),
        stated(CCM, "jobs_count", 129140, P000, 13),
    )
    res = an.resolve(facts, None, CRM, "jobs_count")
    assert res.values == (51870.0,) and not res.conflict  # the exact statement is kept
    assert res.approximate and res.qualifiers == ("approximate",)
    gap = an.pay_gap(facts, None, CRM, CCM, "jobs_count")
    assert gap.approximate
    over = table_of(
        stated(CRM, "jobs_count", 60000, P003, 3, qualifier="more than"),
        stated(CRM, "jobs_count", 51870, P000, 13),
    )
    assert an.resolve(over, None, CRM, "jobs_count").conflict


def test_different_periods_are_several_values_not_a_conflict():
    facts = table_of(
        stated(CRM, "jobs_count", 61089, P000, 13, period="2019"),
        stated(CRM, "jobs_count", 64000, P003, 8, period="2021"),
    )
    res = an.resolve(facts, None, CRM, "jobs_count")
    assert res.values == (61089.0, 64000.0) and not res.conflict and res.best is None
    assert res.periods == ("2019", "2021")


def test_equal_salaries_give_a_zero_gap_and_no_higher_role():
    facts = table_of(
        stated(CRM, "salary_yearly", 50000, P000, 7),
        stated(CCM, "salary_yearly", 50000, P000, 7),
    )
    gap = an.pay_gap(facts, None, CRM, CCM)
    assert gap.gap == 0 and gap.percent == 0 and gap.equal
    assert gap.higher is None and gap.lower is None and not gap.conflict


def test_tables_hold_no_midpoint(facts, conflicts):
    ranges = an.salary_ranges(facts, conflicts, [CRM, CCM]).set_index("role_id")
    assert math.isnan(ranges.loc[CRM, "salary_yearly"])
    assert (ranges.loc[CRM, "salary_yearly_low"], ranges.loc[CRM, "salary_yearly_high"]) == (
        58913,
        66782,
    )
    res = an.resolve(facts, conflicts, CRM, "salary_yearly")
    assert res.point_is_derived and res.point == 62847.5
    assert not an.resolve(facts, conflicts, CCM, "salary_yearly").point_is_derived
    vs = an.versus_us_average(facts, conflicts, [CRM]).iloc[0]
    assert math.isnan(vs["value"]) and (vs["value_low"], vs["value_high"]) == (58913, 66782)
    age = an.demographics_summary(facts, conflicts, CCM, CRM).set_index("measure").loc["age"]
    assert math.isnan(age["value_a"]) and (age["value_a_low"], age["value_a_high"]) == (47, 48)


def test_rounding_helpers_round_each_kind_one_way():
    assert an.round_points(-1.08) == -1.1 and an.points_text(-1.08) == "-1.1 percentage points"
    assert an.points_text(8, signed=True) == "+8 percentage points"
    assert an.points_text(1) == "1 percentage point"
    assert an.round_money(62847.5) == 62848 and an.money_text(62847.5) == "$62,848"
    assert an.money_text(-315) == "-$315" and an.money_text(315, signed=True) == "+$315"
    assert an.money_text(12.305, "USD/hour") == "$12.31" and an.round_money(12.305, "USD/hour")
    assert an.money_text(30741, "GBP/year") == "£30,741"
    assert an.round_percent(25601 / 41181 * 100) == 62.2 == float(an.percent_text(62.166)[:-1])
    assert an.round_half_up(-1.05, 1) == -1.1 and an.round_half_up(0.25, 1) == 0.3
    assert an.years_text(1) == "1 year" and an.years_text(-2.25) == "-2.3 years"
    assert math.isnan(an.round_years(math.nan))


def test_results_print_readably(facts, conflicts):
    res = an.resolve(facts, conflicts, CRM, "salary_yearly")
    assert repr(res) == (
        "<Resolved customer-relations-manager salary_yearly: 58,913 to 66,782 USD/year; "
        "sources disagree (6 statements)>"
    )
    gap = an.pay_gap(facts, conflicts, CRM, CCM, "salary_hourly")
    assert repr(gap) == (
        "<PayGap salary_hourly: customer-relations-manager minus customer-care-manager = "
        "+12.31 USD/hour, +62.2% of customer-care-manager>"
    )
    summary = repr(an.pair_summary(facts, conflicts, CRM, CCM))
    assert summary.startswith("<PairSummary customer-relations-manager vs customer-care")
    assert len(summary) < 300
