"""Roles are what the page declares: whole names, one id per name, SOC links, passing mentions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synthetic_names import named_roles, write_named_collection
from rolecompare.facts.ingest import ingest
from rolecompare.facts.parsing.pages import parse_page
from rolecompare.facts.parsing.role_words import CUES, name_key
from rolecompare.facts.parsing.text import slugify
from rolecompare.facts.role_ids import RoleIds
from rolecompare.facts.soc import link


def _facts(page: str) -> list[tuple[str, str, float | None, int]]:
    result = parse_page("page.txt", page.encode("utf-8"))
    return [(f.role, f.metric, f.value, f.line) for f in result.facts]


def _problems(page: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in parse_page("page.txt", page.encode()).problems]


# --- full names stay whole ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("raw")
    out = tmp_path_factory.mktemp("out")
    write_named_collection(raw, 60)
    return ingest(raw, out).tables


def test_generated_collection_yields_exactly_the_roles_its_pages_name(named) -> None:
    roles = named["roles"]
    found = {name_key(r) for r in roles.role if r != "US average"}
    expected = {name_key(n) for n in named_roles(60)}
    assert len(expected) == 85
    assert found == expected
    assert len(roles) == 85 + 1  # and the US average of the how-to pages
    assert roles.role_id.is_unique


def test_signed_names_keep_their_facts(named) -> None:
    roles = named["roles"].set_index("role_id")
    for role_id, name in [
        ("customer-service-associate-cashier", "Customer service associate/cashier"),
        ("operations-manager-district", "Operations manager, district"),
        ("chef-head-cook", "Chef & head cook"),
        ("registered-nurse-rn", "Registered nurse (RN)"),
        ("c-plus-plus-developer", "C++ developer"),
        ("c-sharp-developer", "C# developer"),
        ("dot-net-developer", ".NET developer"),
        ("sr-software-engineer", "Sr. software engineer"),
    ]:
        assert roles.loc[role_id, "role"] == name
        assert roles.loc[role_id, "n_facts"] > 0
    for cut in ["cashier", "district", "manager", "operations-manager", "net-developer"]:
        assert cut not in roles.index


def test_a_title_name_with_a_comma_is_read_whole_in_prose() -> None:
    page = (
        "Operations Manager, District vs zone manager\n\n"
        "It takes 2-4 years to become a operations manager, district, while becoming a zone "
        "manager usually requires 1-2 years.\n"
    )
    facts = _facts(page)
    assert ("operations manager, district", "years_to_become_min", 2.0, 3) in facts
    assert ("zone manager", "years_to_become_min", 1.0, 3) in facts
    assert all(role.lower() != "operations manager" for role, *_ in facts)


# --- verbs, sources, determiners, generic nouns ------------------------------------------------

NURSES = """Nursing Workforce Facts

Registered nurses (RNs) and licensed practical nurses (LPNs) care for patients.

Figures from the statistics bureau show registered nurses make a median of $81,220 a year.

BLS data show RNs make a median hourly wage of $39.05.

There are 4.7 million nurses in the United States.

The licensed practical nurses earn a median salary of $48,070.
"""


def test_verbs_and_source_words_before_a_role_are_not_its_name() -> None:
    facts = _facts(NURSES)
    assert ("Registered nurse", "salary_yearly", 81220.0, 5) in facts
    assert ("Registered nurse", "salary_hourly", 39.05, 7) in facts
    assert not [r for r, *_ in facts if r.lower().startswith(("show", "bls", "statistics"))]


def test_a_determiner_is_not_part_of_a_role() -> None:
    assert ("licensed practical nurse", "salary_yearly", 48070.0, 11) in _facts(NURSES)


def test_a_generic_noun_is_not_a_specific_role_and_its_number_is_a_problem() -> None:
    facts = _facts(NURSES)
    assert not [f for f in facts if f[3] == 9]  # 'nurses' is not registered nurses here
    (message,) = [m for line, m in _problems(NURSES) if line == 9]
    assert message.startswith("4.7 million not attributed: ")
    assert "'nurse', a role the page only mentions in passing" in message


def test_a_passing_mention_is_a_problem_naming_its_line() -> None:
    page = (
        "Zone Manager Salary\n\n"
        "A zone manager earns a median salary of $71,500 per year.\n\n"
        "Meanwhile store supervisors earn a median salary of $31,000.\n"
    )
    facts = _facts(page)
    assert [f for f in facts if f[1] == "salary_yearly"] == [
        ("Zone Manager", "salary_yearly", 71500.0, 3)
    ]
    (message,) = [m for line, m in _problems(page) if line == 5]
    assert message.startswith("$31,000 not attributed: ")
    assert "'store supervisor', a role the page only mentions in passing" in message


def test_a_heading_naming_a_role_switches_the_role() -> None:
    page = (
        "Registered Nurse Career Guide\n\n"
        "Registered nurses earn a median salary of $81,220 per year.\n\n"
        "Licensed Practical Nurses\n\n"
        "The median salary is $54,620 per year.\n"
    )
    facts = _facts(page)
    assert ("Registered Nurse", "salary_yearly", 81220.0, 3) in facts
    assert ("Licensed Practical Nurse", "salary_yearly", 54620.0, 7) in facts


# --- ids ----------------------------------------------------------------------------------------


def test_signs_keep_names_apart_in_ids() -> None:
    assert slugify("C++ Manager") == "c-plus-plus-manager"
    assert slugify("C# Manager") == "c-sharp-manager"
    assert slugify("C Manager") == "c-manager"
    assert slugify(".NET Developer") == "dot-net-developer"
    assert slugify("NET Developer") == "net-developer"


def test_spellings_of_one_name_share_an_id_and_slug_collisions_are_reported() -> None:
    ids = RoleIds(
        [
            ("Registered Nurses", "a.txt", 3),
            ("registered nurse", "b.txt", 4),
            ("Chefs & Head Cooks", "c.txt", 5),
            ("chef and head cook", "c.txt", 6),
            ("Operations manager, district", "d.txt", 7),
            ("Operations manager, district", "d.txt", 8),
            ("Operations manager district", "e.txt", 9),
        ]
    )
    assert ids("Registered Nurses") == ids("registered  nurse") == "registered-nurses"
    assert ids("chef & head cook") == ids("Chefs and Head Cooks")
    assert ids("Operations manager, district") == "operations-manager-district"
    assert ids("Operations manager district") == "operations-manager-district-2"
    ((source, problem),) = ids.collisions
    assert (source, problem.line) == ("e.txt", 9)
    assert "operations-manager-district-2" in problem.message


# --- SOC 2018 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "title", "match"),
    [
        ("Registered nurses", "29-1141", "Registered Nurses", "exact title"),
        ("Chef & head cook", "35-1011", "Chefs and Head Cooks", "exact title"),
        ("Operations manager", "11-1021", "General and Operations Managers", "alias"),
        ("Registered nurse (RN)", "29-1141", "Registered Nurses", "abbreviation"),
    ],
)
def test_soc_links(name: str, code: str, title: str, match: str) -> None:
    found = link(name)
    assert found is not None and (found.code, found.title, found.match) == (code, title, match)


@pytest.mark.parametrize("name", ["Zone manager", "RN", "CEO", "Service associate/cashier"])
def test_soc_leaves_unlinked_what_it_cannot_be_sure_of(name: str) -> None:
    assert link(name) is None


def test_roles_csv_carries_the_soc_columns(named) -> None:
    roles = named["roles"].set_index("role_id")
    assert roles.loc["chef-head-cook", ["soc_code", "soc_match"]].tolist() == [
        "35-1011",
        "exact title",
    ]
    assert roles.loc["registered-nurse-rn", "soc_match"] == "abbreviation"
    assert roles.loc["zone-manager", ["soc_code", "soc_title", "soc_match"]].isna().all()


# --- properties ---------------------------------------------------------------------------------

CUE_WORDS = sorted(CUES["verb"] | CUES["source"])
ROLE_NAMES = ["registered nurses", "software developers", "chefs & head cooks", "RNs"]


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(st.sampled_from([*CUE_WORDS, "BLS", "figures"]), min_size=1, max_size=3),
    role=st.sampled_from(ROLE_NAMES),
)
def test_no_role_id_starts_with_a_verb_or_source_word(before: list[str], role: str) -> None:
    page = (
        "Registered Nurses vs Software Developers\n\n"
        f"Official {' '.join(before)} {role} make a median of $81,220 a year.\n"
    )
    result = parse_page("page.txt", page.encode())
    for fact in result.facts:
        first = slugify(fact.role).split("-")[0]
        assert first not in CUES["verb"] | CUES["source"], fact.role


_WORDS = st.sampled_from(["C", "C++", "C#", ".NET", "NET", "Data", "Analyst", "Manager", "II"])
_SEPARATORS = st.sampled_from([" ", "/", ", ", " & ", " - "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=4), min_size=2))
def test_two_distinct_names_never_share_an_id(parts: list[list[tuple[str, str]]]) -> None:
    names = ["".join(w + s for w, s in name).strip(" /,&-") or "x" for name in parts]
    ids = RoleIds((n, "p.txt", i + 1) for i, n in enumerate(names))
    for a in names:
        for b in names:
            assert (ids(a) == ids(b)) == (name_key(a) == name_key(b)), (a, b)


def test_ids_match_the_id_pattern(named) -> None:
    assert named["roles"].role_id.str.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*").all()


def test_the_soc_file_is_the_bls_file_unchanged() -> None:
    path = Path(__file__).resolve().parents[1] / "src/rolecompare/metadata/soc"
    data = (path / "soc_2018_direct_match_title_file.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf2018 SOC Code,2018 SOC Title")
    assert data.count(b"\n") == 6520


def test_an_either_or_title_declares_the_pair() -> None:
    page = (
        "Nurse Practitioner or Physician Assistant: Which Career Is Right?\n\n"
        "Nurse practitioners earn a median salary of $121,610, and physician assistants earn a "
        "median salary of $121,530.\n"
    )
    result = parse_page("page.txt", page.encode())
    assert result.compares == ("Nurse Practitioner", "Physician Assistant")
    facts = {(f.role.lower(), f.value) for f in result.facts if f.metric == "salary_yearly"}
    assert facts == {("nurse practitioner", 121610.0), ("physician assistant", 121530.0)}


def test_a_list_of_titles_is_not_one_role() -> None:
    page = (
        "Network Administrator Career Guide\n\n"
        "Job Titles: Junior System Administrator, Network Support Technician, Help Desk "
        "Technician\n\n"
        "Network administrators earn a median salary of $96,800 per year.\n"
    )
    facts = _facts(page)
    assert [(r.lower(), v) for r, m, v, _ in facts if m == "salary_yearly"] == [
        ("network administrator", 96800.0)
    ]
    assert not [r for r, *_ in facts if "," in r]


def test_a_heading_role_then_a_colon_starts_that_roles_section() -> None:
    page = (
        "Highest-paying state for 50 different jobs\n\n"
        "Chemical engineers are paid best in Texas, as are petroleum engineers.\n\n"
        "Waiters and waitresses: Hawaii\n\n"
        "Hawaii pays an average annual wage of $55,200.\n"
    )
    facts = _facts(page)
    assert [(r, v) for r, m, v, line in facts if line == 7] == [("Waiter and waitress", 55200.0)]


def test_roles_table_shows_the_soc_columns(named, tmp_path: Path) -> None:
    import rolecompare

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_named_collection(raw, 8)
    ingest(raw, out)
    table = rolecompare.roles_table(out).set_index("role_id")
    assert table.loc["chef-head-cook", "soc_code"] == "35-1011"
    assert table.loc["chef-head-cook", "soc_major_group"] == "35"
    assert table.loc["zone-manager", "soc_code"] is None


def test_on_a_comparison_another_occupation_is_a_passing_mention() -> None:
    page = (
        "Nurse Practitioner vs. Physician Assistant\n\n"
        "Nurse practitioners earn a median salary of $121,610.\n\n"
        "By comparison, registered nurses earn a median salary of $81,220.\n"
    )
    facts = _facts(page)
    assert [(r.lower(), v) for r, m, v, _ in facts if m == "salary_yearly"] == [
        ("nurse practitioner", 121610.0)
    ]
    (message,) = [m for line, m in _problems(page) if line == 5]
    assert message.startswith("$81,220 not attributed: ") and "'registered nurse'" in message


def test_the_bare_head_of_the_pages_role_is_that_role() -> None:
    page = (
        "Insurance Underwriters\n\n"
        "Insurance underwriters review each application.\n\n"
        "The median annual salary for underwriters was $71,300 in May 2021.\n"
    )
    facts = _facts(page)
    # 'underwriter' is no common head noun: the page's own name makes it one
    assert [(r, v) for r, m, v, _ in facts if m == "salary_yearly"] == [
        ("Insurance Underwriter", 71300.0)
    ]


def test_an_everyday_name_of_the_pages_role_is_that_role() -> None:
    page = (
        "Truck Driver Facts\n\n"
        "Truck drivers move most of the country's freight.\n\n"
        "Employment of truckers is expected to grow 4% between 2020 and 2030.\n"
    )
    facts = _facts(page)
    assert [(r, v) for r, m, v, _ in facts if m == "growth_projected"] == [("Truck Driver", 4.0)]


def test_roles_of_equal_standing_are_the_pages_own() -> None:
    page = (
        "Does Pipe Work or HVAC Pay More?\n\n"
        "Pay for plumbers is high, HVAC techs earn less, and electricians earn a little more.\n\n"
        "Jobs for plumbers and electricians grow.\n\n"
        "The median annual salary is $59,880 for plumbers and $50,590 for HVAC technicians.\n"
    )
    # no role is the page's main one, and 'HVAC techs' / 'HVAC technicians' (named twice) is
    # one of its own, named by its full head
    facts = _facts(page)
    assert {(r, v) for r, m, v, _ in facts if m == "salary_yearly"} == {
        ("plumber", 59880.0),
        ("HVAC technician", 50590.0),
    }


def test_farmworkers_are_an_occupation() -> None:
    page = (
        "Farm Labor\n\n"
        "Hired farmworkers take in crop workers and livestock workers.\n\n"
        "Hired farmworkers earned a median hourly wage of $14.62 in 2021.\n"
    )
    facts = _facts(page)
    assert [(r, v) for r, m, v, _ in facts if m == "salary_hourly"] == [("Hired farmworker", 14.62)]
