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
