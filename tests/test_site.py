"""The site: index.html, pairs pages, role pages. Rows, links, numbers, escaping, paths,
self-containment, only changed pages rewritten, and in Chromium: filter and sort work, no
script from a page runs. The pages are rendered from manifest records made up as a build
leaves them (the reports themselves are dummies: the site only links to them)."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from rolecompare import analysis
from rolecompare.building import shared_context
from rolecompare.building.changes import Changes, RoleChange
from rolecompare.building.collection import Collection
from rolecompare.building.site import pages as site_pages
from rolecompare.building.site import write_site
from rolecompare.building.slices import make_slice
from rolecompare.building.workers import key_numbers
from rolecompare.facts.ingest import ingest
from rolecompare.facts.tables import load_conflicts, load_facts
from tests.browser import launch, visit

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
CARE = "customer-care-manager"
RELATIONS = "customer-relations-manager"
SERVICE = "customer-service-manager"
HOSTILE_A = "<script>window.__pwned=1</script> Manager"
HOSTILE_B = "<img src=x onerror=window.__pwned=2> \"Quoted' javascript:alert(1) Manager"
FAILED_CELL = 'cell 7 (`fig = figures.salary_ranges(data, x="<b>value</b>")`)'


def record(a: str, b: str, numbers: dict, *, status: str = "ok", files=None, **more) -> dict:
    """A pair's manifest record as `rolecompare build` leaves it."""
    files = ("report.html", "report.pdf", "report.ipynb") if files is None else files
    return {
        "role_a": a,
        "role_b": b,
        "status": status,
        "inputs": "f" * 64,
        "built_at": "2025-01-01T12:30:00Z",
        "context_drawn": "2025-01-01",
        "files": {name: "0" * 64 for name in files},
        "numbers": numbers,
        "error": None,
        "failed_cell": None,
        **more,
    }


def numbers_of(processed: Path, a: str, b: str, tmp: Path) -> dict:
    """The pair's key numbers exactly as a build's worker computes them (from its slice)."""
    return key_numbers(make_slice(processed, a, b, tmp / f"{a}__vs__{b}"), a, b)


def render(reports: Path, processed: Path, records: dict, changes=None, previous=None):
    collection = Collection.read(processed)
    context = shared_context.draw(collection, today="2025-01-01")
    return write_site(
        reports, collection, context, records, changes, previous=previous, built_at=WHEN
    )


@pytest.fixture(scope="module")
def seed_records(seed_processed: Path, tmp_path_factory) -> dict[str, dict]:
    tmp = tmp_path_factory.mktemp("slices")
    return {
        f"{CARE}__vs__{RELATIONS}": record(
            CARE, RELATIONS, numbers_of(seed_processed, CARE, RELATIONS, tmp)
        ),
        f"{CARE}__vs__{SERVICE}": record(
            CARE,
            SERVICE,
            numbers_of(seed_processed, CARE, SERVICE, tmp),
            status="failed",
            files=("report.ipynb",),
            failed_cell=FAILED_CELL,
            error="cell 7 raised ZeroDivisionError: division by zero",
        ),
        f"{RELATIONS}__vs__{SERVICE}": record(
            RELATIONS,
            SERVICE,
            numbers_of(seed_processed, RELATIONS, SERVICE, tmp),
            files=("report.html", "report.ipynb"),
        ),
        # not listed: a role no longer in the data, a folder name links are not made from
        f"{CARE}__vs__astronaut": record(CARE, "astronaut", {}),
        "Customer Care__vs__x": record("Customer Care", "x", {}),
    }


@pytest.fixture(scope="module")
def seed_site(seed_records, seed_processed: Path, tmp_path_factory) -> Path:
    reports = tmp_path_factory.mktemp("seed") / "reports"
    changes = Changes(
        first=False,
        roles=[RoleChange(CARE, "Customer care manager", 1, 0, 2, rebuilt=2)],
        context=None,
        context_drawn="2025-01-01",
        rebuilt={f"{CARE}__vs__{RELATIONS}": [f"facts of {CARE}"]},
        built_at="2025-01-02T03:04:05Z",
    )
    written = render(reports, seed_processed, seed_records, changes.to_json())
    assert set(written.files) == {"index.html"} | {
        f"roles/{r}.html" for r in (CARE, RELATIONS, SERVICE)
    }
    return reports


def page(reports: Path, name: str = "index.html") -> str:
    return (reports / name).read_text(encoding="utf-8")


def row_of(html: str, folder: str) -> str:
    match = re.search(rf'<tr id="{re.escape(folder)}">(.*?)</tr>', html, re.S)
    assert match, f"no row for {folder}"
    return match.group(1)


# --- the index ----------------------------------------------------------------------------------


def test_one_row_per_built_pair_with_links_to_its_files(seed_site: Path) -> None:
    index = page(seed_site)
    pairs = index.split('id="pairs"')[1]
    assert re.findall(r'<tr id="([^"]+)">', pairs) == [
        f"{CARE}__vs__{RELATIONS}",
        f"{CARE}__vs__{SERVICE}",
        f"{RELATIONS}__vs__{SERVICE}",
    ]
    ok = row_of(index, f"{CARE}__vs__{RELATIONS}")
    assert f'href="{CARE}__vs__{RELATIONS}/report.html"' in ok
    assert f'href="{CARE}__vs__{RELATIONS}/report.pdf"' in ok
    assert f'href="roles/{CARE}.html"' in ok and "2025-01-01 12:30" in ok
    only_html = row_of(index, f"{RELATIONS}__vs__{SERVICE}")
    assert "report.html" in only_html and "report.pdf" not in only_html
    assert "astronaut" not in index and "Customer Care__vs__x" not in index


def test_key_numbers_are_the_reports_own(seed_site: Path, seed_processed: Path) -> None:
    index = page(seed_site)
    facts, conflicts = load_facts(seed_processed), load_conflicts(seed_processed)
    summary = analysis.pair_summary(facts, conflicts, CARE, RELATIONS).to_dict()
    row = row_of(index, f"{CARE}__vs__{RELATIONS}")
    assert summary["yearly_gap_low"] < summary["yearly_gap_high"] < 0  # the sources disagree
    assert "\N{MINUS SIGN}\N{WORD JOINER}$25,601 to \N{MINUS SIGN}\N{WORD JOINER}$17,732" in row
    assert f'data-sort="{(summary["yearly_gap_low"] + summary["yearly_gap_high"]) / 2!r}"' in row
    assert f">{summary['race_dissimilarity']:.1f}<" in row


def test_a_failed_pair_shows_its_cell_and_error(seed_site: Path) -> None:
    index = page(seed_site)
    row = row_of(index, f"{CARE}__vs__{SERVICE}")
    assert 'class="status failed">failed<' in row
    assert "fig = figures.salary_ranges(data, x=&#34;&lt;b&gt;value&lt;/b&gt;&#34;)" in row
    assert "ZeroDivisionError: division by zero" in row
    assert f'href="{CARE}__vs__{SERVICE}/report.ipynb">notebook<' in row
    assert "report.html" not in row
    assert "3 reports on 3 of 3 roles (2 built, 1 failed)" in index


def test_roles_table_and_changes(seed_site: Path) -> None:
    index = page(seed_site)
    roles = index.split('id="role-list"')[1].split("</table>")[0]
    assert roles.count('href="roles/') == 3
    assert "$41,181" in roles and "$58,913 to $66,782" in roles  # a conflict is a range
    changes = index.split('id="changes"')[1].split("</section>")[0]
    assert "the facts of 1 role changed" in changes and "1 pair were rebuilt" in changes
    assert f'href="roles/{CARE}.html"' in changes and "kept (drawn 2025-01-01)" in changes


def test_conflicts_listed_with_source_and_line(seed_site: Path, seed_conflicts) -> None:
    section = page(seed_site).split('id="conflicts"')[1].split("</section>")[0]
    assert "salary_yearly" in section
    assert "58913 (003_f238aaacc82e3e21.txt:31)" in section
    assert section.count("<tr>") == len(seed_conflicts) + 1  # + the header row


def test_no_page_carries_an_absolute_path(seed_site: Path, seed_processed: Path) -> None:
    index = page(seed_site)
    assert "<code>data/raw</code>" in index  # the raw folder, relative to the project
    for path in sorted(seed_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for absolute in (str(ROOT), str(seed_processed), str(seed_site), str(Path.home())):
            assert absolute not in text, (path.name, absolute)


def test_pages_are_self_contained_and_allow_only_their_own_script(seed_site: Path) -> None:
    _, script, _ = site_pages.assets()
    for path in sorted(seed_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert 'src="http' not in html and "<link" not in html and "@import" not in html
        assert html.count("<script") == 1 and "<script src" not in html
        found = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
        assert found == script
        digest = base64.b64encode(hashlib.sha256(found.encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in html and "default-src 'none'" in html
        for src in re.findall(r'<img[^>]*src="([^"]*)"', html):
            assert src.startswith("data:image/png;base64,")
    index = page(seed_site)
    assert index.count("data:image/png;base64,") == 2  # the ranked overview, the heatmap
    png = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', index).group(1)
    assert base64.b64decode(png).startswith(b"\x89PNG")
    assert 'alt="3 roles ranked by average yearly salary' in index


def test_same_inputs_give_the_same_bytes(seed_site, seed_records, seed_processed, tmp_path) -> None:
    again = tmp_path / "reports"
    render(again, seed_processed, seed_records, None)
    render(again, seed_processed, seed_records, None)
    for name in ("roles/customer-care-manager.html", "roles/customer-service-manager.html"):
        assert page(again, name) == page(seed_site, name)
    assert not list(again.rglob(".tmp-*"))


def test_only_changed_pages_are_rewritten_and_gone_ones_removed(
    seed_records, seed_processed: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    first = render(reports, seed_processed, seed_records)
    stamps = {p: p.stat().st_mtime_ns for p in reports.rglob("*.html")}
    second = render(reports, seed_processed, seed_records, previous=first)
    assert second.files == first.files and second.stamps == first.stamps
    assert {p: p.stat().st_mtime_ns for p in reports.rglob("*.html")} == stamps
    fewer = tmp_path / "processed"
    shutil.copytree(seed_processed, fewer)
    for table in ("facts", "roles", "conflicts"):
        path = fewer / f"{table}.csv"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if SERVICE not in line), encoding="utf-8")
    render(reports, fewer, seed_records, previous=second)
    assert not (reports / "roles" / f"{SERVICE}.html").exists()
    care = reports / "roles" / f"{CARE}.html"
    assert care.stat().st_mtime_ns != stamps[care]  # one of its pairs is no longer listed


def test_a_later_render_renders_only_the_pages_whose_inputs_changed(
    seed_records, seed_processed: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(site_pages, "PAIRS_PER_PAGE", 2)  # pairs/1.html and pairs/2.html
    reports = tmp_path / "reports"
    first = render(reports, seed_processed, seed_records)
    rendered: list[str] = []
    for name in ("render_role", "render_pairs_page"):
        real = getattr(site_pages, name)

        def spy(page, *args, _real=real, **kwargs):
            rendered.append(getattr(page, "role_id", None) or f"pairs/{page.file}")
            return _real(page, *args, **kwargs)

        monkeypatch.setattr(site_pages, name, spy)
    again = render(reports, seed_processed, seed_records, previous=first)
    assert rendered == [] and again.files == first.files
    edited = tmp_path / "processed"
    shutil.copytree(seed_processed, edited)
    facts = pd.read_csv(edited / "facts.csv", dtype=str, keep_default_na=False)
    row = facts.index[(facts.role_id == SERVICE) & (facts.metric == "responsibility")][0]
    facts.loc[row, "text"] += " (edited)"
    facts.to_csv(edited / "facts.csv", index=False)
    after_edit = render(reports, edited, seed_records, previous=again)
    assert rendered == [SERVICE]  # no pairs page: their rows (the records) did not change
    records = dict(seed_records)
    changed = f"{CARE}__vs__{RELATIONS}"
    records[changed] = {**records[changed], "inputs": "e" * 64}
    rendered.clear()
    render(reports, edited, records, previous=after_edit)
    assert sorted(rendered) == sorted([CARE, RELATIONS, "pairs/1.html"])


# --- role pages, pairs pages --------------------------------------------------------------------


def test_a_role_page_has_its_numbers_sources_and_reports(seed_site: Path) -> None:
    html = page(seed_site, f"roles/{RELATIONS}.html")
    assert "<h1>Customer relations manager</h1>" in html
    numbers = html.split('id="numbers"')[1].split("</section>")[0]
    assert "Yearly salary" in numbers and "$58,913 to $66,782" in numbers
    assert "sources disagree" in numbers and "003_f238aaacc82e3e21.txt:31" in numbers
    reports = html.split('id="reports"')[1].split("</section>")[0]
    row = row_of(reports, f"{CARE}__vs__{RELATIONS}")
    # the gap from this role's side: relations minus care, positive
    assert "$17,732 to $25,601" in row and f'href="../roles/{CARE}.html"' in row
    assert f'href="../{CARE}__vs__{RELATIONS}/report.html"' in row
    assert f'href="../{CARE}__vs__{RELATIONS}/report.pdf"' in row
    assert "inputs <code>ffffffffffff</code>, context of 2025-01-01" in row
    assert 'href="../index.html"' in html
    conflicts = html.split('id="conflicts"')[1].split("</section>")[0]
    assert "salary_yearly" in conflicts and "58913 (003_f238aaacc82e3e21.txt:31)" in conflicts


def test_many_pairs_are_split_into_pages(
    seed_records, seed_processed, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(site_pages, "PAIRS_PER_PAGE", 2)
    reports = tmp_path / "reports"
    written = render(reports, seed_processed, seed_records)
    assert {"pairs/1.html", "pairs/2.html"} <= set(written.files)
    index = page(reports)
    assert 'id="pairs"' not in index and 'href="pairs/1.html"' in index
    first, second = page(reports, "pairs/1.html"), page(reports, "pairs/2.html")
    assert first.count('<tr id="') == 2 and second.count('<tr id="') == 1
    assert f'href="../{CARE}__vs__{RELATIONS}/report.html"' in first
    assert 'href="2.html"' in first and 'aria-current="page">2<' in second
    assert 'id="find"' in first


# --- hostile names, in pages and in a browser ---------------------------------------------------


# sources.csv is untrusted too: one address per way to hide a script in a link, one fine one
HOSTILE_ADDRESSES = [
    "JAVASCRIPT:window.__pwned=3",
    "\x01 javascript:window.__pwned=3",
    "java\tscript:window.__pwned=3",
    "http://[evil",
]
FINE_ADDRESS = "https://example.org/fine"


def _hostile_sources(raw: Path) -> None:
    import csv

    files = sorted(p.name for p in raw.glob("*.txt"))
    with (raw / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "url"])
        for name, url in zip(files, [FINE_ADDRESS, *HOSTILE_ADDRESSES], strict=True):
            writer.writerow([name, f"Title of {name}", url])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The seed pages with two role names replaced by markup (only in a temporary copy),
    ingested, and the site of every pair rendered."""
    raw = tmp_path_factory.mktemp("hostile-raw")
    for seed_page in RAW.glob("*.txt"):
        shutil.copyfile(seed_page, raw / seed_page.name)
    first = next(iter(sorted(raw.glob("000_*.txt"))))
    text = first.read_text(encoding="utf-8")
    assert "Customer Relations Manager" in text and "Customer Care Manager" in text
    text = text.replace("Customer Relations Manager", HOSTILE_A)
    first.write_text(text.replace("Customer Care Manager", HOSTILE_B), encoding="utf-8")
    _hostile_sources(raw)
    processed = tmp_path_factory.mktemp("hostile-processed")
    ingest(raw, processed)
    names = analysis.role_names(load_facts(processed))
    hostile_ids = sorted(r for r in names if r.startswith(("script-", "img-")))
    assert len(hostile_ids) == 2
    tmp = tmp_path_factory.mktemp("hostile-slices")
    records = {}
    for a, b in [(*hostile_ids,), (CARE, hostile_ids[0]), (CARE, SERVICE)]:
        a, b = sorted((a, b))
        records[f"{a}__vs__{b}"] = record(a, b, numbers_of(processed, a, b, tmp))
    a, b = sorted(hostile_ids)
    records[f"{a}__vs__{b}"] |= {"status": "failed", "failed_cell": "cell 1 (`<script>x</script>`)"}
    reports = tmp_path_factory.mktemp("hostile-site") / "reports"
    render(reports, processed, records)
    return reports, processed, hostile_ids


def test_hostile_role_names_show_literally(hostile) -> None:
    reports, _, ids = hostile
    for path in [reports / "index.html", *(reports / "roles").glob("*.html")]:
        html = path.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html and "<img src=x" not in html, path.name
        assert "<script>x</script>" not in html
        assert html.count("<script") == 1
        assert re.search(r"<img(?![^>]*src=\"data:image/png)", html) is None
        assert 'href="javascript:' not in html.lower()
    index = page(reports)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; manager" in index
    shown = "&lt;img src=x onerror=window.__pwned=2&gt; &#34;Quoted&#39; javascript:alert(1)"
    assert f"{shown} manager" in index
    assert all((reports / "roles" / f"{r}.html").is_file() for r in ids)  # slugs, not names


def test_role_pages_link_only_http_addresses_of_a_hostile_sources_csv(hostile) -> None:
    reports, _, _ = hostile
    html = "".join(p.read_text(encoding="utf-8") for p in (reports / "roles").glob("*.html"))
    hrefs = re.findall(r'href="([^"]*)"', html)
    schemes = {h.split(":")[0] for h in hrefs if re.match(r"^[^/?#]*:", h)}
    assert schemes == {"https"}, schemes  # relative links, and the one fine address
    assert not [h for h in hrefs if "script:" in h.lower() or "evil" in h]
    assert f'href="{FINE_ADDRESS}"' in html  # a fine address still becomes a link
    for name in ("001_", "004_"):  # a page whose address is no link keeps its title
        assert f"Title of {name}" in html


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.mark.slow
def test_in_a_browser_no_page_script_runs(browser, hostile, seed_site) -> None:
    reports, _, ids = hostile
    for path in [reports / "index.html", *(reports / "roles" / f"{r}.html" for r in ids),
                 seed_site / "index.html", seed_site / f"roles/{CARE}.html"]:  # fmt: skip
        seen = visit(browser, path)
        assert not seen.pwned and not seen.dialogs, path.name
        assert not seen.handlers and not seen.js_links, path.name
        assert seen.subresources == [] and not seen.blocked, path.name
        assert not seen.page_errors and not seen.console_errors, path.name
        assert seen.scripts == 1 and seen.embeds == 0


@pytest.mark.slow
def test_in_a_browser_typing_filters_and_headers_sort(browser, hostile) -> None:
    reports, _, ids = hostile
    page_ = browser.new_page()
    try:
        page_.goto((reports / "index.html").as_uri())
        shown = "Array.from(document.querySelectorAll('{} tbody tr')).filter(r => !r.hidden)"
        rows = shown.format("#pairs") + ".map(r => r.id)"
        roles = shown.format("#role-list") + ".length"
        everything = page_.evaluate(rows)
        assert len(everything) == 3 and page_.evaluate(roles) == 5
        page_.get_by_label("Find a role").fill("<IMG src")  # case-insensitive, markup as text
        assert page_.evaluate(rows) == [f for f in everything if ids[0] in f]
        assert page_.evaluate(roles) == 1
        assert "3 of 8 rows match" in page_.locator("#shown").inner_text()
        page_.get_by_label("Find a role").fill("customer   service")  # words, any spacing
        assert page_.evaluate(rows) == [f"{CARE}__vs__{SERVICE}"]
        page_.get_by_label("Find a role").fill("")
        assert page_.evaluate(rows) == everything
        page_.locator("#pairs").get_by_role("button", name="Role B").click()
        by_name = page_.evaluate(rows)
        page_.locator("#pairs").get_by_role("button", name="Role B").click()
        assert page_.evaluate(rows) == by_name[::-1]
        assert page_.evaluate("window.__pwned") is None
    finally:
        page_.close()


def _without_policy(page: Path, target: Path) -> Path:
    """A copy of `page` without its Content-Security-Policy, which would also keep the audit's
    own script out; the markup audited is the same."""
    html = page.read_text(encoding="utf-8")
    target.write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8"
    )
    return target


@pytest.mark.slow
def test_pages_pass_the_accessibility_audit(
    browser, seed_site, hostile, seed_records, seed_processed, tmp_path, monkeypatch
) -> None:
    from tests.browser import audit

    monkeypatch.setattr(site_pages, "PAIRS_PER_PAGE", 2)
    split = tmp_path / "split"
    render(split, seed_processed, seed_records)
    pages = {
        "index": seed_site / "index.html",
        "role": seed_site / f"roles/{RELATIONS}.html",
        "hostile index": hostile[0] / "index.html",
        "pairs page": split / "pairs" / "1.html",
        "index of pairs pages": split / "index.html",
    }
    for name, path in pages.items():
        copy = _without_policy(path, tmp_path / f"{name.replace(' ', '-')}.html")
        assert audit(browser, copy) == [], name
