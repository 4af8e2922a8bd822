"""A report made from real pages of other kinds (registered nurse vs nurse practitioner, from the
real-page fixtures): shares of different pages or years are different distributions, drawn and
told apart, never merged; what one role publishes is shown for every kind of share; a gap
between values of different years says the years."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from rolecompare import analysis as an
from rolecompare import load_conflicts, load_facts
from rolecompare.facts.ingest import ingest
from rolecompare.facts.tables import load_pages
from rolecompare.reporting import figures as F
from rolecompare.reporting import narrative as nv
from rolecompare.reporting import presentation as P
from rolecompare.reporting.figures.theme import alt_text
from rolecompare.reporting.presentation import sections

REAL = Path(__file__).parent / "fixtures" / "real"
RN, NP = "registered-nurse", "nurse-practitioner"
CRM, CCM = "customer-relations-manager", "customer-care-manager"


@pytest.fixture(scope="module")
def nurses(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame, Path]:
    raw = tmp_path_factory.mktemp("raw")
    for page in REAL.glob("*.txt"):
        shutil.copy(page, raw / page.name)
    out = tmp_path_factory.mktemp("processed")
    ingest(raw, out)
    return load_facts(out), load_conflicts(out), out


def test_race_shares_of_four_pages_are_four_distributions(nurses) -> None:
    facts, _, _ = nurses
    sets = an.share_distributions(facts, "race_share", [RN])
    assert sets.groupby("distribution")["period"].first().tolist() == ["2022", "2018", "", ""]
    first = sets[sets["distribution"] == 1]
    assert first["refs"].iloc[0] == "; ".join(["factsheet_aacn-nursing-workforce.txt:11"] * 7)
    assert first["value"].sum() == pytest.approx(103.9)  # one page's set (Hispanic overlaps)
    assert sets["value"].sum() > 200  # what merging all four would have drawn as one


def test_gender_shares_of_different_years_of_one_page_are_different_distributions(nurses):
    facts, _, _ = nurses
    sets = an.share_distributions(facts, "gender_share", [RN])
    aacn = sets[sets["refs"] == "factsheet_aacn-nursing-workforce.txt:12"]
    assert aacn[["period", "value"]].values.tolist() == [["2020", 9.4], ["2022", 11.2]]
    assert sets["distribution"].max() == 8


def test_pages_stating_the_same_shares_are_one_distribution(seed_facts) -> None:
    """The seed pages state one race distribution per role, 004 at more precision (60.26 for
    60.3): within printed rounding, one set citing every page."""
    sets = an.share_distributions(seed_facts, "race_share", [CRM, CCM, "us-average"])
    assert sets.groupby("role_id")["distribution"].max().to_dict() == {
        CCM: 1,
        CRM: 1,
        "us-average": 1,
    }
    ccm = sets[sets["role_id"] == CCM]
    assert {r.split(":")[0][:3] for r in ccm["refs"].iloc[0].split("; ")} == {"000", "002", "004"}


def test_no_dissimilarity_index_of_a_mixture_of_distributions(nurses, seed_facts) -> None:
    facts, conflicts, _ = nurses
    assert an.dissimilarity(facts, conflicts, RN, "licensed-practical-nurse") is None
    assert an.dissimilarity(seed_facts, None, CRM, CCM) == pytest.approx(14.44)


def test_the_figure_draws_one_panel_per_page_and_year(nurses) -> None:
    facts, conflicts, processed = nurses
    report = P.pair_report(facts, conflicts, RN, NP, pages=load_pages(processed))
    part = sections.share_figure(report, "race_share", "Race")
    assert part is not None
    sets = an.share_distributions(facts, "race_share", [RN, NP, "us-average"])
    labels = sections.distribution_labels(report, sets, cite=True)
    assert list(dict.fromkeys(labels)) == [
        "Registered nurse, 2022 [4]",
        "Registered nurse, 2018 [5]",
        "Registered nurse [6]",
        "Registered nurse [8]",
    ]
    fig = F.share_panels(
        sets.assign(role=labels), category="category", value="value", panel="role", title="Race"
    )
    assert len(fig.axes) == 4
    assert [ax.get_title(loc="left") for ax in fig.axes] == list(dict.fromkeys(labels))
    assert "4 bar charts" in alt_text(fig) and "not merged" in alt_text(fig)


def test_gender_of_one_role_is_shown_in_demographics(nurses) -> None:
    facts, conflicts, processed = nurses
    report = P.pair_report(facts, conflicts, RN, NP, pages=load_pages(processed))
    html = sections.demographics(report).data
    assert "Gender (percent of the workforce)" in html
    assert "registered nurses&#39; gender shares in 8 sets" in html
    assert "race shares in 4 sets" in html


def test_seed_demographics_keep_one_figure_of_race(seed_facts, seed_conflicts, seed_processed):
    report = P.pair_report(seed_facts, seed_conflicts, CRM, CCM, pages=load_pages(seed_processed))
    html = sections.demographics(report).data
    assert html.count("<img") == 1  # race only: the gender sentence compares the two roles
    assert "sets" not in html


def test_degree_shares_of_two_pages_are_given_set_by_set(nurses) -> None:
    facts, conflicts, processed = nurses
    report = P.pair_report(facts, conflicts, RN, NP, pages=load_pages(processed))
    sets = an.share_distributions(facts, "degree_share", [RN, NP])
    sentence = nv.degree_shares_sentence(report.ev, report.names, RN, NP, distributions=sets)
    assert sentence == (
        "Degrees held by registered nurses: college-educated 63.9% (2018) [5]; bachelor's "
        "degree in nursing (BSN) or higher about 50% [6]."
    )


def _with_period(facts: pd.DataFrame, role: str, period: str) -> pd.DataFrame:
    mask = (facts["role_id"] == role) & (facts["metric"] == "salary_yearly")
    return facts.assign(period=facts["period"].mask(mask, period))


def test_a_gap_between_values_of_different_years_says_the_years(seed_facts) -> None:
    facts = _with_period(_with_period(seed_facts, CRM, "2023"), CCM, "2021-05")
    gaps = an.pay_gaps(facts, None, CRM, CCM)
    names = {CRM: "Customer relations manager", CCM: "Customer care manager"}
    short = nv.pay_gap_sentence(gaps[0], names, short=True)
    assert short.endswith(
        "(comparing averages: 2023 for customer relations managers, 2021 for customer care "
        "managers)."
    ), short
    same = an.pay_gaps(_with_period(facts, CCM, "2023"), None, CRM, CCM)[0]
    assert nv.pay_gap_sentence(same, names, short=True).endswith("(comparing averages).")
