"""The public analysis API (`rolecompare.compare`, `roles_table`, `rank`, the loaders) on the
seed pages and on small made-up tables: seed numbers exactly, conflicts as ranges with their
sources, names accepted as the CLI accepts them, no number a page does not state outside the
columns marked derived."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import rolecompare
from rolecompare import analysis

CRM, CCM, CSM, US = (
    "customer-relations-manager",
    "customer-care-manager",
    "customer-service-manager",
    "us-average",
)
P000, P003 = "000_22965af89e6f7745.txt", "003_f238aaacc82e3e21.txt"


def stated_numbers(facts: pd.DataFrame, role_id: str) -> set[float]:
    return set(pd.to_numeric(facts.loc[facts.role_id == role_id, "value"]).dropna())


# --- the package namespace --------------------------------------------------------------------


def test_public_names_are_listed_and_resolve() -> None:
    public = set(rolecompare.__all__)
    assert {"compare", "roles_table", "rank", "load_facts", "analysis"} <= public
    assert public == set(rolecompare._LAZY) | set(rolecompare._SUBMODULES)
    assert public <= set(dir(rolecompare))
    assert not {"importlib", "TYPE_CHECKING", "annotations"} & set(dir(rolecompare))
    for name in public:
        assert getattr(rolecompare, name) is not None, name


def test_importing_the_package_loads_no_pandas() -> None:
    code = "import sys, rolecompare; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- compare ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pair(seed_processed: Path) -> pd.DataFrame:
    return rolecompare.compare(CRM, CCM, processed=seed_processed)


def row(frame: pd.DataFrame, metric: str, category: str | None = None) -> pd.Series:
    rows = frame[frame.metric == metric]
    if category is not None:
        rows = rows[rows.category == category]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_compare_gives_conflicting_salaries_as_a_range_with_sources(pair) -> None:
    salary = row(pair, "salary_yearly")
    assert salary["statistic"] == "mean" and salary["unit"] == "USD/year"
    assert salary["a"] == "58,913 / 66,782" and salary["b"] == "41,181"
    assert (salary["a_low"], salary["a_high"]) == (58913, 66782)
    assert salary["b_low"] == salary["b_high"] == 41181
    assert math.isnan(salary["difference"]) and math.isnan(salary["percent"])
    assert (salary["difference_low"], salary["difference_high"]) == (17732, 25601)
    assert round(salary["percent_low"], 1) == 43.1 and round(salary["percent_high"], 1) == 62.2
    assert salary["percent_base"] == CCM and salary["conflict"] == CRM
    assert f"{P003}:31" in salary["sources_a"] and f"{P000}:7" in salary["sources_a"]
    assert salary["sources_b"].startswith(f"{P000}:7")


def test_compare_keeps_numbers_as_printed(pair) -> None:
    hourly = row(pair, "salary_hourly")
    assert (hourly["a"], hourly["b"]) == ("32.11", "19.80")  # 19.80 as the page prints it
    assert hourly["difference"] == 12.31 and hourly["difference_unit"] == "USD/hour"
    age = row(pair, "age")
    assert age["b"] == "47 / 48" and (age["difference_low"], age["difference_high"]) == (-6, -5)
    female = row(pair, "gender_share", "female")
    assert female["difference"] == -0.12 and female["difference_unit"] == "percentage points"
    assert math.isnan(female["percent"])  # no percent of a percent
    assert (row(pair, "top_company")["a"], row(pair, "top_company")["b"]) == ("Amazon", "Adobe")
    assert row(pair, "degree_top")["a"] == "Bachelor's Degree (57)"
    growth = row(pair, "growth_projected")
    assert growth["period"] == "2019-2029" and pd.isna(growth["b"])


def test_compare_states_no_number_outside_derived_columns(pair, seed_facts) -> None:
    numbers_a, numbers_b = stated_numbers(seed_facts, CRM), stated_numbers(seed_facts, CCM)
    for side, numbers in (("a", numbers_a), ("b", numbers_b)):
        for column in (f"{side}_low", f"{side}_high"):
            values = set(pair[column].dropna())
            assert values <= numbers, (column, values - numbers)
    derived = set(pair.attrs["derived"])
    assert {"difference", "percent", "difference_low", "percent_high"} <= derived
    numeric = pair.select_dtypes("number").columns
    assert set(numeric) - derived == {"a_low", "a_high", "b_low", "b_high"}


def test_compare_every_key_of_either_role_once(pair, seed_facts) -> None:
    from rolecompare.facts.schema import metrics

    passages = {m for m, info in metrics().items() if info.is_passage}
    theirs = seed_facts[seed_facts.role_id.isin([CRM, CCM]) & ~seed_facts.metric.isin(passages)]

    def keys_of(frame: pd.DataFrame) -> set[tuple[str, str]]:
        categories = frame.category.fillna("").str.casefold()
        return set(zip(frame.metric, categories, strict=True))

    assert keys_of(pair) == keys_of(theirs)
    assert not pair.duplicated(["metric", "category", "statistic"]).any()


def test_compare_accepts_names_and_names_the_closest_roles(seed_processed) -> None:
    by_name = rolecompare.compare(
        "Customer Relations Manager", "customer care manager", seed_processed
    )
    assert by_name.attrs["roles"] == (CRM, CCM)
    with pytest.raises(rolecompare.UnknownRole) as info:
        rolecompare.compare("customer relation manager", CCM, seed_processed)
    assert info.value.close_matches[0] == CRM
    assert "did you mean 'customer-relations-manager'" in str(info.value)


def test_compare_prints_a_short_readable_table(pair) -> None:
    text = repr(pair)
    first, header, salary = text.splitlines()[:3]
    assert first.startswith("Customer relations manager vs Customer care manager: ")
    assert "difference (derived)" in header and "percent (derived)" in header
    assert "58,913 / 66,782" in salary and "+$17,732 to +$25,601" in salary
    assert "sources disagree" in salary
    assert "<table" in pair._repr_html_()
    assert type(pair[["a", "b"]]) is pd.DataFrame  # slices are plain frames


def test_compare_pairs_like_with_like_on_made_up_tables(tmp_path) -> None:
    facts = made_up_facts(
        ("Alpha analyst", "salary_yearly", "60000", "mean"),
        ("Beta analyst", "salary_yearly", "50000", "median"),
        ("Alpha analyst", "age", "40", "median"),
        ("Beta analyst", "age", "44", "median"),
        ("Alpha analyst", "salary_hourly", "25", ""),
        ("Beta analyst", "salary_hourly", "25", ""),
    )
    frame = analysis.compare_roles(facts, None, "alpha-analyst", "beta-analyst")
    salary = frame[frame.metric == "salary_yearly"]
    assert list(salary.statistic) == ["mean", "median"]
    assert set(salary.note) == {"unlike statistics: not compared"}
    assert salary.difference_low.isna().all()
    age = frame[frame.metric == "age"].iloc[0]
    assert age["statistic"] == "median" and age["difference"] == -4
    same = frame[frame.metric == "salary_hourly"].iloc[0]
    assert same["difference"] == 0 and same["percent"] == 0 and same["percent_base"] == ""


def made_up_facts(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    from rolecompare.facts import schema

    units = {"salary_yearly": "USD/year", "salary_hourly": "USD/hour", "age": "years"}
    frame = pd.DataFrame(
        [
            {
                "role_id": name.lower().replace(" ", "-"),
                "role": name,
                "metric": metric,
                "category": None,
                "value": value,
                "text": None,
                "unit": units[metric],
                "statistic": statistic or None,
                "qualifier": None,
                "period": None,
                "source": "made-up.txt",
                "line": i + 1,
            }
            for i, (name, metric, value, statistic) in enumerate(rows)
        ],
        columns=schema.columns("facts"),
    )
    return schema.validate("facts", frame)


# --- roles table and ranking ------------------------------------------------------------------


def test_roles_table_has_seed_numbers_and_conflicts_as_ranges(seed_processed, seed_facts) -> None:
    table = rolecompare.roles_table(seed_processed).set_index("role_id")
    assert set(table.index) == {CRM, CCM, CSM, US}
    crm, ccm = table.loc[CRM], table.loc[CCM]
    assert math.isnan(crm["salary_yearly"])
    assert (crm["salary_yearly_low"], crm["salary_yearly_high"]) == (58913, 66782)
    assert "salary_yearly" in crm["conflicts"]
    assert math.isnan(ccm["age"]) and (ccm["age_low"], ccm["age_high"]) == (47, 48)
    assert ccm["salary_hourly"] == 19.8 and ccm["jobs_count"] == 129140
    assert table.loc[US, "salary_yearly"] == 59228
    for role_id, values in table.select_dtypes("number").iterrows():  # never an average
        assert set(values.dropna()) <= stated_numbers(seed_facts, role_id), role_id


def test_rank_against_the_us_average(seed_processed) -> None:
    ranked = rolecompare.rank("salary_yearly", seed_processed)
    assert list(ranked.role_id) == [CSM, CRM, CCM] and list(ranked["rank"]) == [1, 2, 3]
    crm = ranked.set_index("role_id").loc[CRM]
    assert (crm["difference_low"], crm["difference_high"]) == (-315, 7554)
    assert crm["conflict"] and math.isnan(crm["difference"])
    ccm = ranked.set_index("role_id").loc[CCM]
    assert ccm["difference"] == -18047 and ccm["us_average"] == 59228
    assert "percent_low" in ranked.attrs["derived"]
    assert rolecompare.rank("age", seed_processed).iloc[-1]["role_id"] == CRM


def test_rank_without_a_us_average_ranks_by_the_values_and_says_so(seed_processed, tmp_path):
    import shutil

    import pandas as pd

    folder = tmp_path / "no-us-average"
    shutil.copytree(seed_processed, folder)
    for name in ("facts.csv", "roles.csv", "conflicts.csv"):
        table = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
        table[table.role_id != US].to_csv(folder / name, index=False)
    with pytest.warns(UserWarning, match="no US average to compare with"):
        ranked = rolecompare.rank("salary_yearly", folder)
    assert list(ranked.role_id) == [CSM, CRM, CCM] and list(ranked["rank"]) == [1, 2, 3]
    assert list(ranked["low"]) == [61487, 58913, 41181]
    assert list(ranked["high"]) == [61487, 66782, 41181]
    assert ranked["us_average"].isna().all() and ranked["percent"].isna().all()
    assert ranked.attrs["note"].startswith("no US average figure for salary_yearly")


def test_rank_matches_versus_us_average_row_for_row(seed_facts, seed_conflicts) -> None:
    ranked = analysis.rank_against(seed_facts, seed_conflicts).set_index("role_id")
    one_by_one = analysis.versus_us_average(seed_facts, seed_conflicts, [CRM, CCM, CSM])
    for r in one_by_one.itertuples():
        got = ranked.loc[r.role_id]
        assert (got.difference_low, got.difference_high) == (r.difference_low, r.difference_high)
        assert got.percent_low == pytest.approx(r.percent_low)
        assert got.percent_high == pytest.approx(r.percent_high)


# --- loaders and folders ----------------------------------------------------------------------


def test_loaders_default_to_the_project_tables_from_any_folder(tmp_path) -> None:
    code = "import rolecompare; print(rolecompare.processed_dir())"
    env = {k: v for k, v in os.environ.items() if k != "ROLECOMPARE_HOME"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    root = Path(__file__).resolve().parents[1]
    assert out.stdout.strip() == str(root / "data" / "processed")


def test_loading_without_validation_gives_numbers(seed_processed, seed_facts) -> None:
    fast = rolecompare.load_facts(seed_processed, validate=False)
    assert len(fast) == len(seed_facts)
    assert fast["value"].dtype.kind == "f" and fast["line"].dtype.kind in "if"
    gap = analysis.pay_gap(fast, None, CRM, CCM, "salary_hourly")
    assert gap.gap == 12.31


def test_a_missing_folder_says_how_to_make_it(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="rolecompare ingest"):
        rolecompare.compare(CRM, CCM, processed=tmp_path / "nothing")


# --- the explore notebook ---------------------------------------------------------------------

DERIVED_NAMES = {
    *analysis.DERIVED_COMPARE_COLUMNS,
    *analysis.DERIVED_EXPERIENCE_COLUMNS,
    "rank",
    "difference",
    "percent",
    "difference_pp",
    "n_facts",  # a count of statements, not a number a page states
}


@pytest.fixture(scope="module")
def explored(seed_processed: Path, tmp_path_factory) -> list:
    from rolecompare.reporting.execute import execute_notebook

    folder = tmp_path_factory.mktemp("explore")
    notebook = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"
    nb = execute_notebook(
        notebook, folder / "explore.ipynb", {"processed_dir": str(seed_processed)}, cwd=folder
    )
    return [c for c in nb.cells if c.cell_type == "code"]


def test_explore_notebook_averages_nothing(explored) -> None:
    source = "\n".join(c.source for c in explored)
    for averaging in ("pivot_table", "aggfunc", ".mean(", ".median(", "groupby"):
        assert averaging not in source, averaging
    assert "rolecompare.compare(" in source and "rolecompare.roles_table(" in source
    assert "rolecompare.rank(" in source


def test_explore_notebook_marks_every_derived_number(explored) -> None:
    outputs = [o for c in explored for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    tables = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    headers = {h.strip() for t in tables for h in re.findall(r"<th[^>]*>(.*?)</th>", t, re.S)}
    assert not headers & DERIVED_NAMES, headers & DERIVED_NAMES
    assert {"difference (derived)", "percent_low (derived)", "rank (derived)"} <= headers
    assert "58,913 / 66,782" in " ".join(tables)  # a disagreement shown as both values
    assert "62,847" not in " ".join(tables) and "62847" not in " ".join(tables)  # no midpoint
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2
