"""Finding a role on a site with more roles than one page should list (`site.find`).

A generated collection of 300 pages (409 roles) is rendered with the index's limit lowered
to 100 roles and find pages of 40 rows: the index lists no role but carries the word map;
typing on the index says how many roles match and Enter opens the find page of the rarest
typed word, filtered by every typed word, in Chromium."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from rolecompare.building import shared_context as contexts
from rolecompare.building.collection import Collection
from rolecompare.building.site import find, write_site
from rolecompare.facts.ingest import ingest
from tests.browser import launch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.synthetic import write_collection  # noqa: E402


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Collection]:
    raw = tmp_path_factory.mktemp("large-raw")
    write_collection(raw, 300, seed=0)
    processed = tmp_path_factory.mktemp("large-processed")
    ingest(raw, processed)
    collection = Collection.read(processed)
    site = tmp_path_factory.mktemp("large-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(find, "ROLES_ON_INDEX", 100)
        patch.setattr(find, "PER_PART", 40)
        write_site(site, collection, contexts.draw(collection, today="2025-01-01"), {}, None)
    return site, collection


def _names(collection: Collection) -> list[str]:
    return list(collection.roles["role"])


def test_the_index_holds_a_word_map_not_every_role(large) -> None:
    site, collection = large
    index = (site / "index.html").read_text(encoding="utf-8")
    assert len(collection.roles) == 409
    assert 'id="role-list"' not in index and index.count("/roles/") == 0
    counts = json.loads(re.search(r'id="find-map">(.*?)</script>', index).group(1))
    names = _names(collection)
    assert counts["sen"] == sum("sen" in find.word_keys(n) for n in names)
    pages = sorted((site / "find").glob("*.html"))
    assert len(pages) == sum((n + 39) // 40 for n in counts.values())
    assert max(p.stat().st_size for p in [site / "index.html", *pages]) < 1_000_000
    # every role is on the find pages of each of its words
    listed = (site / "find" / "sen-1.html").read_text(encoding="utf-8")
    assert listed.count('<td class="role">') == min(40, counts["sen"])


@pytest.mark.slow
def test_in_a_browser_type_a_name_and_find_it(large) -> None:
    site, collection = large
    names = _names(collection)
    wanted = [n for n in names if "senior" in n.lower() and "data" in n.lower()]
    assert 0 < len(wanted) <= 40  # all on the first page of the rarer word
    counts = {k: sum(k in find.word_keys(n) for n in names) for k in ("sen", "dat")}
    rarer = min(counts, key=counts.get)
    with launch() as browser:
        page = browser.new_page()
        try:
            page.goto((site / "index.html").as_uri())
            page.get_by_label("Find a role").fill("senior data")
            assert page.locator("#shown").inner_text() == (
                f"{counts[rarer]} roles have a word beginning \u201c{rarer}\u201d: "
                "press Enter to list them"
            )
            page.get_by_label("Find a role").press("Enter")
            page.wait_for_url(re.compile(rf"find/{rarer}-1\.html#q=senior%20data$"))
            visible = page.evaluate(
                "Array.from(document.querySelectorAll('#role-list tbody tr'))"
                ".filter(r => !r.hidden).map(r => r.textContent.trim())"
            )
            assert sorted(visible) == sorted(wanted)
            assert page.get_by_label("Find a role on this page").input_value() == "senior data"
            page.goto((site / "index.html").as_uri())
            page.get_by_label("Find a role").fill("zzzq")
            assert (
                page.locator("#shown").inner_text()
                == "no role has a word beginning \u201czzz\u201d"
            )
        finally:
            page.close()


THOUSANDS = 6_000  # three times the index's limit: the real limits, no find page lowered


@pytest.fixture(scope="module")
def thousands(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A collection of 6,000 generated roles made directly as tables (one salary each, no
    ingest: seconds), its site written with the limits a real build uses."""
    import pandas as pd

    from benchmarks.synthetic import collection_role
    from rolecompare.facts.parsing.text import slugify

    names = [collection_role(i).name for i in range(THOUSANDS)]
    ids = [slugify(n) for n in names]
    assert len(set(ids)) == THOUSANDS
    sources = [f"page-{i:05d}" for i in range(THOUSANDS)]
    facts = pd.DataFrame({"role_id": ids, "role": names, "metric": "salary_yearly",
                          "value": [str(40_000 + 7 * i) for i in range(THOUSANDS)],
                          "unit": "USD/year", "source": sources, "line": "1"})  # fmt: skip
    for column in ("category", "text", "statistic", "qualifier", "period"):
        facts[column] = None
    roles = pd.DataFrame({"role_id": ids, "role": names, "n_facts": "1", "sources": sources})
    pages = pd.DataFrame({"source": sources, "kind": "profile", "role_a": None, "role_b": None})
    conflicts = pd.DataFrame(columns=["role_id", "role", "metric", "category", "values"])
    collection = Collection(tmp_path_factory.mktemp("thousands"), facts, conflicts, pages, roles)
    site = tmp_path_factory.mktemp("thousands-site")
    write_site(site, collection, contexts.draw(collection, today="2025-01-01"), {}, None)
    return site, names


@pytest.mark.slow
def test_in_a_browser_typing_a_name_finds_it_among_thousands(thousands) -> None:
    site, names = thousands
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="find-map"' in index and index.count("/roles/") == 0  # no list of 6,000 roles
    assert len(index) < 1_000_000
    wanted = names[4_321]
    words = wanted.lower().split()
    counts = [sum(word[:3] in find.word_keys(n) for n in names) for word in words]
    rarer = words[counts.index(min(counts))][:3]  # as site.js: the first typed word rarest
    matching = sorted(n for n in names if all(w in n.lower().split() for w in words))
    with launch() as browser:
        page = browser.new_page()
        try:
            page.goto((site / "index.html").as_uri())
            box = page.get_by_label("Find a role")
            box.fill(wanted)
            assert page.locator("#shown").inner_text() == (
                f"{min(counts)} roles have a word beginning \u201c{rarer}\u201d: "
                "press Enter to list them"
            )
            box.press("Enter")
            page.wait_for_url(re.compile(rf"find/{rarer}-1\.html#q="))
            visible = page.evaluate(
                "Array.from(document.querySelectorAll('#role-list tbody tr'))"
                ".filter(r => !r.hidden).map(r => r.textContent.trim())"
            )
            assert wanted in visible and sorted(visible) == matching
            page.get_by_role("link", name=wanted).click()
            assert page.locator("h1").inner_text() == wanted
        finally:
            page.close()
