"""Table I/O (`core.tables`) and the ingest cache (`facts.cache`).

CSV for people is safe to open in a spreadsheet (no cell starts a formula) and reads back to
exactly the values written; Parquet beside it holds the values exactly and is read while it
is current. Ingest reads a page again only when the page or the readers changed.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolecompare import load_facts, load_pages, load_roles
from rolecompare.core import tables as core
from rolecompare.facts import ingest as ingest_module
from rolecompare.facts import parallel
from rolecompare.facts.ingest import ingest
from rolecompare.facts.store import StatementStore

PAGES = Path(__file__).parent / "fixtures" / "pages"
HYPERLINK = '=HYPERLINK("http://evil.example","x")'
CALC = "+cmd|' /C calc'!A0"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cells(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    page = (PAGES / "pipe_unshifted.txt").read_text(encoding="utf-8")
    (raw / "pipe.txt").write_text(page.replace("IT Support Lead", HYPERLINK), encoding="utf-8")
    with (raw / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [("file", "title", "url", "retrieved"), ("pipe.txt", CALC, "", "")]
        )
    out = tmp_path / "processed"
    ingest(raw, out)
    return out


def test_formula_cells_are_text_in_every_csv_and_exact_in_the_pipeline(hostile: Path) -> None:
    roles = load_roles(hostile)
    [name] = [r for r in roles["role"] if "HYPERLINK" in r]
    assert name.startswith("=HYPERLINK(")  # the page's name reaches the tables as it is
    facts = load_facts(hostile)
    assert (facts["role"] == name).sum() == 15
    assert load_pages(hostile)["title"].tolist() == [CALC]
    # what a spreadsheet sees: the name and title as text, after a leading '
    rows = {t: _csv_cells(hostile / f"{t}.csv") for t in ("facts", "roles", "pages")}
    assert [r["role"] for r in rows["roles"] if "HYPERLINK" in r["role"]] == ["'" + name]
    assert sum(r["role"] == "'" + name for r in rows["facts"]) == 15
    assert rows["pages"][0]["title"] == "'" + CALC
    for table in ("facts", "roles", "conflicts", "problems", "pages"):
        for row in _csv_cells(hostile / f"{table}.csv"):
            for value in row.values():
                assert not value.startswith(TRIGGERS) or core._PLAIN_NUMBER.fullmatch(value)
    # the CSV alone (Parquet gone) reads back to the same values
    parquet = load_roles(hostile)
    for path in hostile.glob("*.parquet"):
        path.unlink()
    pd.testing.assert_frame_equal(load_roles(hostile), parquet)


def test_numbers_stay_numbers_in_the_csv(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"value": ["-3", "+2", "1e-5", "-0.5", "-x"], "n": [-1, 2, 3, 4, 5]}, dtype=object
    )
    frame["n"] = frame["n"].astype("int64")
    core.write_tables(tmp_path, {"t": frame}, parquet=False)
    text = (tmp_path / "t.csv").read_text(encoding="utf-8")
    assert text == "value,n\n-3,-1\n+2,2\n1e-5,3\n-0.5,4\n'-x,5\n"


cells = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from(list("=+-@\t\r'\"a1.,; \nxé")), max_size=8),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(cells, cells), min_size=1, max_size=6))
def test_csv_and_parquet_read_back_the_values_written(rows: list[tuple]) -> None:
    import tempfile

    frame = pd.DataFrame(rows, columns=["a", "b"], dtype=object)
    frame = frame.where(frame.ne(""), None)  # an empty cell is a missing one in a CSV
    with tempfile.TemporaryDirectory() as folder:
        core.write_tables(Path(folder), {"t": frame})
        from_parquet = core.read_table(folder, "t")
        (Path(folder) / "t.parquet").unlink()
        from_csv = core.read_table(folder, "t")
    expected = frame.astype("str")
    pd.testing.assert_frame_equal(from_parquet, expected)
    pd.testing.assert_frame_equal(from_csv, expected)


def test_a_csv_edited_by_hand_wins_over_its_parquet(tmp_path: Path) -> None:
    core.write_tables(tmp_path, {"t": pd.DataFrame({"a": ["x"]})})
    assert core.parquet_is_current(tmp_path, "t")
    (tmp_path / "t.csv").write_text("a\ny\n", encoding="utf-8")
    assert not core.parquet_is_current(tmp_path, "t")
    assert core.read_table(tmp_path, "t")["a"].tolist() == ["y"]


# --- the ingest cache ---------------------------------------------------------------------------


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the pages parsed (in this process: small collections parse here)."""
    seen: list[str] = []
    real = parallel.parse_page

    def parse(name: str, data: bytes):
        seen.append(name)
        return real(name, data)

    monkeypatch.setattr(parallel, "parse_page", parse)
    return seen


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("tab_table.txt", "howto_new.txt", "pipe_unshifted.txt"):
        shutil.copyfile(PAGES / name, raw / name)
    return raw


def test_only_a_changed_page_is_read_again(tmp_path: Path, counted: list[str]) -> None:
    raw, out, ref = _raw(tmp_path), tmp_path / "out", tmp_path / "ref"
    first = ingest(raw, out)
    assert sorted(counted) == ["howto_new.txt", "pipe_unshifted.txt", "tab_table.txt"]
    assert first.parsed == 3
    counted.clear()
    again = ingest(raw, out)
    assert counted == [] and again.current and again.parsed == 0
    page = raw / "pipe_unshifted.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("$41,180", "$42,000"))
    changed = ingest(raw, out)
    assert counted == ["pipe_unshifted.txt"] and changed.parsed == 1 and not changed.current
    # the tables equal a cold ingest of the same pages into an empty folder
    ingest(raw, ref)
    for table in ("facts", "roles", "conflicts", "problems", "pages"):
        assert (out / f"{table}.csv").read_bytes() == (ref / f"{table}.csv").read_bytes()
    assert "42000" in set(load_facts(out)["value"].astype(str).str.replace(".0", ""))


def test_a_change_to_the_readers_reads_every_page_again(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, out = _raw(tmp_path), tmp_path / "out"
    ingest(raw, out)
    counted.clear()
    from rolecompare.facts import cache

    monkeypatch.setattr(cache, "reader_version", lambda: "readers-changed")
    monkeypatch.setattr(ingest_module, "code_fingerprint", lambda: "readers-changed")
    result = ingest(raw, out)
    assert sorted(counted) == ["howto_new.txt", "pipe_unshifted.txt", "tab_table.txt"]
    assert result.parsed == 3
    # the old readers' entries are gone
    assert [p.name for p in (out / ".cache" / "pages").iterdir()] == ["readers-changed"]


def _kept(out: Path) -> list[str]:
    """The page names the statement store keeps."""
    store = StatementStore(out)
    return sorted(info.source for info in store.infos(store.keys()).values())


def test_a_removed_page_leaves_the_cache(tmp_path: Path) -> None:
    raw, out = _raw(tmp_path), tmp_path / "out"
    ingest(raw, out)
    assert _kept(out) == ["howto_new.txt", "pipe_unshifted.txt", "tab_table.txt"]
    (raw / "howto_new.txt").unlink()
    ingest(raw, out)
    assert _kept(out) == ["pipe_unshifted.txt", "tab_table.txt"]
    # its statements are gone from the store's files too
    sources = set(StatementStore(out).statements(StatementStore(out).keys())["source"])
    assert sources == {"pipe_unshifted.txt", "tab_table.txt"}


def test_an_unchanged_html_page_is_not_extracted_again(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rolecompare.facts.reading import folder

    extracted: list[str] = []
    real = folder.page_text

    def page_text(raw):
        extracted.append(raw.name)
        return real(raw)

    monkeypatch.setattr(folder, "page_text", page_text)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    table = "<table><tr><td></td><td>Data Wrangler</td><td>IT Support Lead</td></tr>{}</table>"
    row = "<tr><td>Yearly salary</td><td>{}</td><td>$41,180</td></tr>"
    for name, pay in (("a.html", "$48,250"), ("b.html", "$50,000")):
        body = "<h1>Data wrangler vs IT support lead</h1>" + table.format(row.format(pay))
        (raw / name).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    ingest(raw, out)
    assert sorted(extracted) == ["a.html", "b.html"]
    extracted.clear()
    counted.clear()
    (raw / "b.html").write_text((raw / "b.html").read_text().replace("50,000", "51,000"))
    result = ingest(raw, out)
    assert extracted == ["b.html"] and counted == ["b.html"] and result.parsed == 1
    assert sorted(load_facts(out)["value"].dropna().astype(int).unique()) == [41180, 48250, 51000]


def test_stale_until_ingested_and_after_any_page_changes(tmp_path: Path) -> None:
    from rolecompare.facts.ingest import is_stale

    raw, out = _raw(tmp_path), tmp_path / "out"
    assert is_stale(raw, out)
    ingest(raw, out)
    assert not is_stale(raw, out)
    (raw / "howto_new.txt").write_bytes((raw / "howto_new.txt").read_bytes() + b"\n")
    assert is_stale(raw, out)
    ingest(raw, out)
    assert not is_stale(raw, out)
    (raw / "sources.csv").write_text("file,title,url,retrieved\n", encoding="utf-8")
    assert is_stale(raw, out)


# --- a large CSV rewritten by blocks (core.csv_blocks) -----------------------------------------


def _grouped(pages: int, changed: dict[int, str] | None = None) -> pd.DataFrame:
    """Rows grouped by page (contiguous), a few with text a spreadsheet would run."""
    changed = changed or {}
    rows = [
        {
            "source": f"page-{p:04d}",
            "value": changed.get(p, f"{p * 10 + r}.50"),
            "text": "=SUM(A1)" if r == 1 else ('a, "quoted"\nline' if r == 2 else None),
            "line": r,
        }
        for p in range(pages)
        for r in range(4)
    ]
    return pd.DataFrame(rows)


def test_a_csv_rewritten_by_blocks_is_the_csv_written_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rolecompare.core import csv_blocks

    formatted: list[int] = []
    real = csv_blocks.write_csv_blocks

    def counting(*args, **kwargs):
        formatted.append(real(*args, **kwargs))
        return formatted[-1]

    monkeypatch.setattr(core, "write_csv_blocks", counting)
    whole, blocks = tmp_path / "whole.csv", tmp_path / "t.csv"
    first = _grouped(2000)
    core.write_csv(blocks, first, groups="source")
    core.write_csv(whole, first)
    assert blocks.read_bytes() == whole.read_bytes()
    n_blocks = formatted[0]
    assert n_blocks > 10  # ~2000 / 64 blocks, all formatted the first time
    # three pages change, one goes, one comes: only their blocks are formatted again
    later = _grouped(2000, {5: "7", 900: "-1.5", 1999: "@x"})
    later = later[later["source"] != "page-0400"]
    later = pd.concat([later, _grouped(2001).tail(4)], ignore_index=True)
    core.write_csv(blocks, later, groups="source")
    core.write_csv(whole, later)
    assert blocks.read_bytes() == whole.read_bytes()
    assert 1 <= formatted[1] <= 5
    assert core.read_csv_text(blocks)["value"].tolist()[20] == "7"
    # a CSV edited by hand since is written whole again
    blocks.write_bytes(blocks.read_bytes().replace(b"page-0003", b"page-0033"))
    core.write_csv(blocks, later, groups="source")
    assert blocks.read_bytes() == whole.read_bytes()
    assert formatted[2] >= n_blocks


def _same_tables(out: Path, ref: Path) -> None:
    for table in ("facts", "roles", "conflicts", "problems", "pages"):
        assert (out / f"{table}.csv").read_bytes() == (ref / f"{table}.csv").read_bytes(), table
        assert core.read_table(out, table).equals(core.read_table(ref, table)), table


def test_an_incremental_ingest_leaves_no_stale_key(tmp_path: Path, counted: list[str]) -> None:
    """What one page changes in other pages' rows is redone: a conflict appears and goes, a
    role's display name follows its most frequent spelling on every page, and an unchanged
    page's ambiguous glued row follows the evidence of a changed one."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("ambiguous.txt", "tab_table.txt"):
        shutil.copyfile(PAGES / name, raw / name)
    table = "| | {0} | Clerk |\n| Yearly salary | {1} | $30,000 |\n"
    (raw / "a.txt").write_text(table.format("Data Analyst", "$50,000"), encoding="utf-8")
    (raw / "b.txt").write_text(table.format("Data Analyst", "$50,000"), encoding="utf-8")
    out = tmp_path / "out"
    assert ingest(raw, out).parsed == 4
    tab = (raw / "tab_table.txt").read_text(encoding="utf-8")
    steps = [
        ("b.txt", table.format("Data Analyst", "$61,000")),  # a conflict appears
        ("b.txt", table.format("DATA Analyst", "$50,000") + "| Hourly rate | $24 | $15 |\n"),
        ("tab_table.txt", tab.replace("Years of experience\t3\t10", "Years of experience\t3\t0")),
    ]
    for step, (name, text) in enumerate(steps):
        (raw / name).write_text(text, encoding="utf-8")
        counted.clear()
        assert ingest(raw, out).parsed == 1 and counted == [name]
        ref = tmp_path / f"ref{step}"
        ingest(raw, ref)
        _same_tables(out, ref)
        facts = load_facts(out, validate=False)
        conflicts = set(pd.read_csv(out / "conflicts.csv")["role_id"])
        assert ("data-analyst" in conflicts) == (step == 0)
        if step == 1:  # two statements spelled "DATA Analyst" against one: every row follows
            analyst = facts[facts["role_id"] == "data-analyst"]
            assert set(analyst["role"]) == {"DATA analyst"} and len(analyst) == 3
        if step == 2:  # ambiguous.txt was not read again, yet its glued row splits 11|0 now
            years = facts[
                (facts["source"] == "ambiguous.txt") & (facts["metric"] == "experience_years")
            ]
            assert sorted(years["value"].tolist()) == [0.0, 11.0]
