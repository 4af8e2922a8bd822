"""Pages for invented roles (benchmarks/synthetic.py) come back as exactly the numbers written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks.synthetic import make_roles, write_pages
from rolecompare import load_conflicts, load_facts, load_problems
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.text import slugify


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    raw = tmp_path_factory.mktemp("raw")
    out = tmp_path_factory.mktemp("out")
    write_pages(raw, roles=6, seed=7)
    ingest(raw, out)
    return out, make_roles(6, seed=7)


def _values(facts: pd.DataFrame, role_id: str, metric: str) -> set[float]:
    return set(facts[(facts.role_id == role_id) & (facts.metric == metric)].value)


def test_every_role_comes_back_exactly(synthetic) -> None:
    out, roles = synthetic
    facts = load_facts(out)
    assert set(facts.role_id) == {slugify(r.name) for r in roles} | {"us-average"}
    for r in roles:
        rid = slugify(r.name)
        assert _values(facts, rid, "salary_yearly") == {float(r.salary)}
        assert _values(facts, rid, "jobs_count") == {float(r.jobs)}
        assert _values(facts, rid, "age") == {float(r.age)}
        assert _values(facts, rid, "experience_years") == {float(r.experience)}
        assert _values(facts, rid, "growth_rate") == {float(r.growth)}
        assert _values(facts, rid, "salary_min") == {float(r.low)}
        assert _values(facts, rid, "years_to_become_max") == {float(r.become[1])}
        tops = facts[(facts.role_id == rid) & (facts.metric == "top_company")]
        assert set(tops.text) == {r.company}
        skills = facts[(facts.role_id == rid) & (facts.metric == "skill_share")]
        assert dict(zip(skills.category, skills.value, strict=False)) == {
            s: float(v) for s, v in r.skills
        }


def test_no_problems_and_no_false_conflicts(synthetic) -> None:
    out, _ = synthetic
    assert load_problems(out).empty
    assert load_conflicts(out).empty
