"""The security review's findings (issue 19), each proved: an unreadable address in
sources.csv, role ids that are not ids, Windows reserved names, the manifest's read-only open
on folders with `?`, `#`, `%` and spaces. The link check's cases are in test_presentation
(report) and test_site (site, with a hostile sources.csv)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from rolecompare.building import shared_context
from rolecompare.building.batch import dry_run
from rolecompare.building.collection import Collection
from rolecompare.building.manifest import Manifest, manifest_path
from rolecompare.building.paths import UnsafePath, check_role_id, inside, role_page
from rolecompare.building.site import write_site
from rolecompare.building.site.data import role_href
from rolecompare.facts.ingest import ingest
from rolecompare.facts.sources import parse_sources, web_address

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
CARE = "customer-care-manager"
WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
BAD_ADDRESSES = ("http://[evil", "http://example.org\uff03x")


def _render(reports: Path, processed: Path):
    collection = Collection.read(processed)
    context = shared_context.draw(collection, today="2025-01-01")
    return write_site(reports, collection, context, {}, None, built_at=WHEN)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


# --- 1. an address urlsplit cannot read ---------------------------------------------------------


def test_an_unreadable_address_is_a_problem_on_its_line() -> None:
    data = (
        "file,title,url\n"
        "a.txt,Bracketed host,http://[evil\n"
        "b.txt,Full-width hash,http://example.org\uff03x\n"
        "c.txt,Fine,https://example.org/c\n"
    ).encode()
    found, problems = parse_sources(data, {"a.txt", "b.txt", "c.txt"})
    assert [p.line for p in problems] == [2, 3]
    assert all("is not a valid URL" in p.message for p in problems)
    assert found["a.txt"].title == "Bracketed host" and found["a.txt"].url is None
    assert found["b.txt"].url is None and found["c.txt"].url == "https://example.org/c"


def test_ingest_and_site_survive_unreadable_addresses(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    sources = pd.read_csv(raw / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[0, "url"], sources.loc[1, "url"] = BAD_ADDRESSES
    sources.to_csv(raw / "sources.csv", index=False)
    processed = tmp_path / "processed"
    ingest(raw, processed)
    problems = pd.read_csv(processed / "problems.csv", dtype=str)
    mine = problems[problems["source"] == "sources.csv"]
    assert sorted(mine["line"].astype(int)) == [2, 3]
    reports = tmp_path / "reports"
    _render(reports, processed)
    assert (reports / "index.html").is_file()
    # tables from before the check (the bad address in pages.csv) do not stop the site
    pages = pd.read_csv(processed / "pages.csv", dtype=str, keep_default_na=False)
    pages.loc[pages["source"] == sources.loc[0, "file"], "url"] = BAD_ADDRESSES[0]
    pages.loc[pages["source"] == sources.loc[1, "file"], "url"] = BAD_ADDRESSES[1]
    pages.to_csv(processed / "pages.csv", index=False)
    _render(reports, processed)
    html = "".join(p.read_text(encoding="utf-8") for p in (reports / "roles").glob("*.html"))
    assert sources.loc[0, "title"] in html
    assert 'href="http://[evil' not in html and "\uff03" not in html.split("href=")[-1][:80]


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("JAVASCRIPT:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("  javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("HTTPS://example.org/x", "https://example.org/x"),
        ("\x01https://example.org/x", "https://example.org/x"),
        (BAD_ADDRESSES[0], None),
        (BAD_ADDRESSES[1], None),
    ],
)
def test_the_link_check_returns_only_normalised_http_addresses(url, href) -> None:
    assert web_address(url) == href


# --- 3. role ids that are not ids ---------------------------------------------------------------


def _with_role_id(processed: Path, folder: Path, new_id: str) -> Path:
    """A copy of the processed tables with CARE's id replaced by `new_id` everywhere."""
    shutil.copytree(processed, folder)
    for table in folder.glob("*.csv"):
        table.write_text(table.read_text(encoding="utf-8").replace(CARE, new_id), "utf-8")
    return folder


@pytest.mark.parametrize("bad", ["../../../x", "a/b", "..", "Care", "x.y", ""])
def test_ids_that_are_not_ids_are_refused(bad: str) -> None:
    with pytest.raises(UnsafePath):
        check_role_id(bad)
    with pytest.raises(UnsafePath):
        role_page(bad)


def test_paths_outside_the_folder_are_refused(tmp_path: Path) -> None:
    assert inside(tmp_path, "roles/a.html") == tmp_path / "roles/a.html"
    for escape in ("../x", "roles/../../x", "/etc/x"):
        with pytest.raises(UnsafePath):
            inside(tmp_path, escape)


def test_the_site_writes_nothing_for_a_role_id_that_escapes(seed_processed, tmp_path) -> None:
    processed = _with_role_id(seed_processed, tmp_path / "processed", "../../../escaped")
    reports = tmp_path / "deep" / "er" / "reports"
    with pytest.raises(UnsafePath, match="escaped"):
        _render(reports, processed)
    assert not reports.exists() and not (tmp_path / "escaped.html").exists()
    assert not list(tmp_path.rglob("escaped*"))


def test_the_build_refuses_a_role_id_that_escapes(seed_processed, tmp_path) -> None:
    processed = _with_role_id(seed_processed, tmp_path / "processed", "../../escaped")
    reports = tmp_path / "reports"
    with pytest.raises(UnsafePath, match="escaped"):
        dry_run(processed, reports, formats=("html",))
    assert not reports.exists()


# --- 4. names Windows reserves ------------------------------------------------------------------


@pytest.mark.parametrize("reserved", ["con", "aux", "nul", "prn", "com1", "com9", "lpt1", "lpt9"])
def test_reserved_names_get_a_suffixed_stem(reserved: str) -> None:
    assert role_page(reserved) == f"roles/{reserved}_.html"
    assert role_href(reserved, "../") == f"../roles/{reserved}_.html"


def test_names_that_only_start_like_reserved_ones_keep_their_stem() -> None:
    assert [role_page(r) for r in ("console", "com10", "aux-nurse", "nul1x")] == [
        "roles/console.html", "roles/com10.html", "roles/aux-nurse.html", "roles/nul1x.html"
    ]  # fmt: skip


def test_the_site_writes_a_reserved_role_under_its_suffixed_stem(seed_processed, tmp_path) -> None:
    processed = _with_role_id(seed_processed, tmp_path / "processed", "con")
    reports = tmp_path / "reports"
    written = _render(reports, processed)
    assert "roles/con_.html" in written.files and "roles/con.html" not in written.files
    assert (reports / "roles" / "con_.html").is_file()
    assert not (reports / "roles" / "con.html").exists()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert 'href="roles/con_.html"' in index and 'href="roles/con.html"' not in index


# --- 5. the manifest's read-only open -----------------------------------------------------------


@pytest.mark.parametrize("name", ["mo?x", "a#b", "100%", "50%20off", "with space", "q?mode=rw"])
def test_a_read_only_manifest_writes_nothing_whatever_the_folder(tmp_path, name) -> None:
    reports = tmp_path / name / "reports"
    with Manifest.open(reports) as manifest:
        manifest.put_pair("a__vs__b", {"role_a": "a", "role_b": "b", "status": "ok", "inputs": "x"})
    before = _files(tmp_path)
    with Manifest.read_only(reports) as manifest:
        assert list(manifest.pairs()) == ["a__vs__b"]  # the real manifest, not a stray one
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            manifest._db.execute("DELETE FROM pairs")
    assert _files(tmp_path) == before
    assert manifest_path(reports).is_file()


def test_a_dry_run_into_a_folder_with_odd_characters_writes_nothing(
    seed_processed, tmp_path
) -> None:
    reports = tmp_path / "mo?x #1 100%" / "reports"
    with Manifest.open(reports):
        pass
    before = _files(tmp_path)
    planned = dry_run(seed_processed, reports, formats=("html",))
    assert planned.todo and _files(tmp_path) == before
