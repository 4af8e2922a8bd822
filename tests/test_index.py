"""reports/index.html: pair rows and links, numbers, conflicts, escaping, self-containment."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from rolecompare import analysis
from rolecompare.building import site as index
from rolecompare.building.site import write_index
from rolecompare.facts.ingest import ingest
from rolecompare.facts.tables import load_conflicts, load_facts

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)

CARE = "customer-care-manager"
RELATIONS = "customer-relations-manager"
SERVICE = "customer-service-manager"
HOSTILE_A = "<script>window.__pwned=1</script> Manager"
HOSTILE_B = "<img src=x onerror=alert(1)> Manager"
FAILED_CELL = 'cell 7 (`fig = figures.salary_ranges(data, x="<b>value</b>")`)'


def make_pair(
    reports: Path,
    folder: str,
    *,
    status: str = "ok",
    files: tuple[str, ...] = ("report.html", "report.pdf", "report.ipynb"),
    failed_cell: str | None = None,
    error: str | None = None,
) -> Path:
    """A pair folder as `rolecompare build` leaves it: dummy report files, then build.json."""
    path = reports / folder
    path.mkdir(parents=True)
    for name in files:
        (path / name).write_bytes(b"dummy " + name.encode())
    record = {
        "status": status,
        "built_at": "2025-01-01T12:30:00Z",
        "error": error,
        "failed_cell": failed_cell,
        "files": {name: "0" * 64 for name in files},
        "formats": "html,pdf",
        "inputs": "f" * 64,
        "seconds": {"total": 1.0},
    }
    (path / "build.json").write_text(json.dumps(record), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reports = tmp_path_factory.mktemp("seed") / "reports"
    make_pair(reports, f"{CARE}__vs__{RELATIONS}")
    make_pair(
        reports,
        f"{CARE}__vs__{SERVICE}",
        status="failed",
        files=("report.ipynb",),
        failed_cell=FAILED_CELL,
        error="cell 7 raised ZeroDivisionError: division by zero",
    )
    make_pair(reports, f"{RELATIONS}__vs__{CARE}")
    make_pair(reports, f"{RELATIONS}__vs__{SERVICE}", files=("report.html", "report.ipynb"))
    # not listed: a role no longer in the facts, no build.json, a name links are not made from
    make_pair(reports, f"{CARE}__vs__astronaut")
    (reports / f"{SERVICE}__vs__{CARE}").mkdir()
    make_pair(reports, "Customer Care__vs__x")
    return reports


@pytest.fixture(scope="module")
def seed_page(seed_reports: Path, seed_processed: Path) -> str:
    path = write_index(seed_reports, seed_processed, built_at=WHEN)
    assert path == seed_reports / "index.html"
    return path.read_text(encoding="utf-8")


def row_of(page: str, folder: str) -> str:
    match = re.search(rf'<tr id="{re.escape(folder)}">(.*?)</tr>', page, re.S)
    assert match, f"no row for {folder}"
    return match.group(1)


def test_one_row_per_built_pair_with_links_to_existing_files(seed_page: str) -> None:
    rows = re.findall(r'<tr id="([^"]+)">', seed_page)
    assert rows == [  # sorted by role_a, then role_b
        f"{CARE}__vs__{RELATIONS}",
        f"{CARE}__vs__{SERVICE}",
        f"{RELATIONS}__vs__{CARE}",
        f"{RELATIONS}__vs__{SERVICE}",
    ]
    for folder in (f"{CARE}__vs__{RELATIONS}", f"{RELATIONS}__vs__{CARE}"):
        row = row_of(seed_page, folder)
        assert f'href="{folder}/report.html"' in row
        assert f'href="{folder}/report.pdf"' in row
    only_html = row_of(seed_page, f"{RELATIONS}__vs__{SERVICE}")
    assert f'href="{RELATIONS}__vs__{SERVICE}/report.html"' in only_html
    assert "report.pdf" not in only_html
    failed = row_of(seed_page, f"{CARE}__vs__{SERVICE}")
    assert "report.html" not in failed and "report.pdf" not in failed
    assert "astronaut" not in seed_page
    assert "Customer Care__vs__x" not in seed_page
    relations = row_of(seed_page, f"{RELATIONS}__vs__{CARE}")
    assert "Customer relations manager" in relations and "Customer care manager" in relations
    assert "2025-01-01 12:30" in relations


def test_pay_gap_range_percent_and_race_dissimilarity(seed_page: str) -> None:
    row = row_of(seed_page, f"{RELATIONS}__vs__{CARE}")
    assert "$17,732 to $25,601" in row  # 58,913 and 66,782 against 41,181
    assert "43.1% to 62.2%" in row
    assert ">14.4<" in row and 'data-sort="14.44"' in row
    assert 'data-sort="21666.5"' in row  # the midpoint sorts the range
    reverse = row_of(seed_page, f"{CARE}__vs__{RELATIONS}")
    assert "\N{MINUS SIGN}\N{WORD JOINER}$25,601 to \N{MINUS SIGN}\N{WORD JOINER}$17,732" in reverse
    single = row_of(seed_page, f"{CARE}__vs__{SERVICE}")
    assert "\N{MINUS SIGN}\N{WORD JOINER}$20,306<" in single
    assert "7.4" in single


def test_failed_pair_shows_its_failing_cell(seed_page: str) -> None:
    row = row_of(seed_page, f"{CARE}__vs__{SERVICE}")
    assert 'class="status failed">failed<' in row
    assert (
        "cell 7 (`fig = figures.salary_ranges(data, x=&quot;&lt;b&gt;value&lt;/b&gt;&quot;)`)"
        in row
    )
    assert "ZeroDivisionError: division by zero" in row
    assert f'href="{CARE}__vs__{SERVICE}/report.ipynb"' in row
    assert "4 pairs of roles: 3 built, 1 failed" in seed_page
    assert "<dd>4: 3 ok, 1 failed</dd>" in seed_page


def test_conflicts_listed_with_source_and_line(seed_page: str, seed_conflicts) -> None:
    section = seed_page.split('id="conflicts"')[1].split("</section>")[0]
    assert "salary_yearly" in section and "age" in section
    assert "58913 (003_f238aaacc82e3e21.txt:31)" in section
    assert "48 (004_a6663551ef9087c7.txt:57)" in section
    assert section.count("<tr>") == len(seed_conflicts) + 1  # + the header row


def test_provenance(seed_page: str) -> None:
    section = seed_page.split('id="provenance"')[1]
    assert "2025-01-02 03:04:05 UTC" in section
    assert f"<code>{RAW.resolve()}</code>" in section
    assert "<dt>Pages read</dt><dd>5</dd>" in section
    assert re.search(r"<dt>Parser code</dt><dd><code>[0-9a-f]{12}</code></dd>", section)


def test_self_contained_with_one_embedded_figure(seed_page: str) -> None:
    assert 'src="http' not in seed_page and 'href="http' not in seed_page
    assert "<link" not in seed_page and "@import" not in seed_page and "url(" not in seed_page
    assert seed_page.count("data:image/png;base64,") == 1
    data = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', seed_page).group(1)
    assert base64.b64decode(data).startswith(b"\x89PNG")
    assert seed_page.count("<script") == 1 and "<script src" not in seed_page
    # The policy allows exactly the page's own script and style, by hash.
    script = re.search(r"<script>(.*?)</script>", seed_page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in seed_page
    assert "Hatched cells" in seed_page and "Customer relations manager" in seed_page


def test_sortable_headers(seed_page: str) -> None:
    head = seed_page.split("<thead>")[1].split("</thead>")[0]
    assert head.count("<button") == len(index.COLUMNS)
    assert head.count('data-type="number"') == 3
    assert "addEventListener" in seed_page and "data-sort" in seed_page


def test_same_inputs_give_the_same_bytes(
    seed_page: str, seed_reports: Path, seed_processed: Path
) -> None:
    again = write_index(seed_reports, seed_processed, built_at=WHEN).read_text(encoding="utf-8")
    assert again == seed_page
    assert not list(seed_reports.glob(".tmp-*"))


def test_rows_agree_with_pair_summary(seed_processed: Path) -> None:
    facts, conflicts = load_facts(seed_processed), load_conflicts(seed_processed)
    roles = index._Roles(facts, conflicts)
    for a, b in itertools.combinations(analysis.known_roles(facts), 2):
        expected = analysis.pair_summary(facts, conflicts, a, b).to_dict()
        gap = roles.gap(a, b)
        assert (gap.low, gap.high) == (expected["yearly_gap_low"], expected["yearly_gap_high"])
        assert (gap.percent_low, gap.percent_high) == (
            expected["yearly_gap_percent_low"],
            expected["yearly_gap_percent_high"],
        )
        assert roles.race_dissimilarity(a, b) == expected["race_dissimilarity"]
        back = roles.gap(b, a)  # the other way round: the same numbers, negated
        assert (back.low, back.high) == (-gap.high, -gap.low)


def _processed_copy(seed_processed: Path, target: Path, keep) -> Path:
    shutil.copytree(seed_processed, target)
    facts = pd.read_csv(target / "facts.csv", dtype=str, keep_default_na=False)
    facts[facts.apply(keep, axis=1)].to_csv(target / "facts.csv", index=False)
    return target


def test_missing_salary_is_not_published(seed_processed: Path, tmp_path: Path) -> None:
    processed = _processed_copy(
        seed_processed,
        tmp_path / "processed",
        lambda r: not (r.role_id == SERVICE and r.metric == "salary_yearly"),
    )
    reports = tmp_path / "reports"
    make_pair(reports, f"{CARE}__vs__{SERVICE}")
    page = write_index(reports, processed, built_at=WHEN).read_text(encoding="utf-8")
    row = row_of(page, f"{CARE}__vs__{SERVICE}")
    assert row.count("not published") == 2 and 'data-sort=""' in row
    assert page.count("data:image/png;base64,") == 1  # care and relations still compared
    assert "Not shown (no yearly salary published): Customer service manager." in page


def test_fewer_than_two_roles_skips_the_figure(seed_processed: Path, tmp_path: Path) -> None:
    processed = _processed_copy(
        seed_processed, tmp_path / "processed", lambda r: r.role_id in {CARE, "us-average"}
    )
    reports = tmp_path / "reports"
    page = write_index(reports, processed, built_at=WHEN).read_text(encoding="utf-8")
    assert "data:image/png" not in page
    assert "fewer than two roles to compare" in page
    assert "No reports built yet." in page


@pytest.fixture(scope="module")
def hostile_processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed pages with two role names replaced by markup (only in a temporary copy)."""
    raw = tmp_path_factory.mktemp("hostile-raw")
    for page in RAW.glob("*.txt"):
        shutil.copyfile(page, raw / page.name)
    first = next(iter(sorted(raw.glob("000_*.txt"))))
    text = first.read_text(encoding="utf-8")
    assert "Customer Relations Manager" in text and "Customer Care Manager" in text
    text = text.replace("Customer Relations Manager", HOSTILE_A)
    first.write_text(text.replace("Customer Care Manager", HOSTILE_B), encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-processed")
    ingest(raw, out)
    return out


def test_hostile_role_names_show_literally(hostile_processed: Path, tmp_path: Path) -> None:
    names = analysis.role_names(load_facts(hostile_processed))
    hostile = sorted(r for r in names if r.startswith(("script-", "img-")))
    assert len(hostile) == 2
    reports = tmp_path / "reports"
    folder = f"{hostile[1]}__vs__{hostile[0]}"
    make_pair(reports, folder, status="failed", failed_cell="cell 1 (`<script>x</script>`)")
    make_pair(reports, f"{hostile[1]}__vs__{CARE}")
    page = write_index(reports, hostile_processed, built_at=WHEN).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; manager" in page
    assert "&lt;img src=x onerror=alert(1)&gt; manager" in page
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page
    assert re.search(r"<img(?![^>]*data:image/png)", page) is None
    assert "<script>x</script>" not in page
    assert page.count("<script") == 1
    assert f'href="{folder}/report.ipynb"' in page
    assert page.count("data:image/png;base64,") == 1


def _browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium")
    return sync_api, chromium


@pytest.mark.slow
def test_in_a_browser_sorts_and_runs_no_page_script(
    hostile_processed: Path, tmp_path: Path
) -> None:
    sync_api, chromium = _browser_page()
    processed = _processed_copy(  # the service manager publishes no salary nor race shares
        hostile_processed,
        tmp_path / "processed",
        lambda r: not (r.role_id == SERVICE and r.metric in {"salary_yearly", "race_share"}),
    )
    names = analysis.role_names(load_facts(processed))
    img, script = sorted(r for r in names if r.startswith(("script-", "img-")))
    reports = tmp_path / "reports"
    for a, b in [(RELATIONS, CARE), (CARE, SERVICE), (script, img), (CARE, img)]:
        make_pair(reports, f"{a}__vs__{b}")
    path = write_index(reports, processed, built_at=WHEN)
    ids = "Array.from(document.querySelectorAll('#pairs tbody tr')).map(r => r.id)"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(path.as_uri())
            assert page.evaluate("window.__pwned") is None
            assert page.evaluate("document.querySelectorAll('img').length") == 1
            page.get_by_role("button", name="Yearly pay gap").click()
            gap_up = page.evaluate(ids)
            page.get_by_role("button", name="Yearly pay gap").click()
            gap_down = page.evaluate(ids)
            page.get_by_role("button", name="Race dissimilarity").click()
            race_up = page.evaluate(ids)
            page.get_by_role("button", name="Role A").click()
            by_name = page.evaluate(ids)
            assert not errors, errors
        finally:
            browser.close()
    # gaps: care - img 0, relations - care 17,732 to 25,601, script - img 25,601, care - service ?
    known = [f"{CARE}__vs__{img}", f"{RELATIONS}__vs__{CARE}", f"{script}__vs__{img}"]
    assert gap_up == [*known, f"{CARE}__vs__{SERVICE}"]
    assert gap_down == [*known[::-1], f"{CARE}__vs__{SERVICE}"]  # missing stays last
    assert race_up[-1] == f"{CARE}__vs__{SERVICE}"
    # stable, text order: "<script>..." sorts before "Customer ..."
    assert by_name == [
        f"{script}__vs__{img}",
        f"{CARE}__vs__{SERVICE}",
        f"{CARE}__vs__{img}",
        f"{RELATIONS}__vs__{CARE}",
    ]
