"""Saved HTML pages and WARC crawls as ingest input: the same facts as the text pages,
provenance from the pages themselves, skipped and damaged records accounted for."""

from __future__ import annotations

import gzip
import io
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rolecompare.facts.ingest import ingest
from rolecompare.facts.reading import page_name, read_warc
from rolecompare.reporting.evidence import Evidence
from tests.conftest import RAW, SEED

HTML = Path(__file__).parent / "fixtures" / "html"
KEY = ["role_id", "metric", "category", "value", "statistic", "period"]
DECOYS = ("97,531", "86,420", "75,319", "64,208", "53,197", "42,086", "31,975", "20,864")
DECOY_VALUES = {float(d.replace(",", "")) for d in DECOYS} | {71.0}
URL = "https://careers.example.org/seed/{}"


def response(url: str, body: bytes, date: str, status: str = "200 OK", ctype: str = "text/html"):
    return ("response", url, body, date, status, ctype)


def write_warc(path: Path, records: list[tuple], packing: str = "record") -> Path:
    """A WARC of `records`: packing 'none', 'record' (gzip per record) or 'file' (one gzip)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=packing == "record")
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    for kind, url, body, date, status, ctype in records:
        headers = {"WARC-Date": date}
        if kind == "revisit":
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_revisit_record(
                url, "sha1:AAAA", url, date, http_headers=http, warc_headers_dict=headers
            )
        elif kind == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "careers.example.org")])
            record = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=http,
                warc_headers_dict=headers,
            )  # fmt: skip
        else:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict=headers,
            )  # fmt: skip
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(gzip.compress(data) if packing == "file" else data)
    return path


def seed_html(key: str) -> bytes:
    return (HTML / f"seed_{key}.html").read_bytes()


def fact_keys(facts: pd.DataFrame, names: dict[str, str]) -> Counter:
    rows = facts.assign(source=facts["source"].map(names))[["source", *KEY]]
    return Counter(tuple(str(v) for v in row) for row in rows.itertuples(index=False))


@pytest.fixture(scope="module")
def text_facts(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    raw = tmp_path_factory.mktemp("seed-text")
    for name in SEED.values():
        shutil.copy(RAW / name, raw / name)  # no sources.csv: the pages speak for themselves
    return ingest(raw, tmp_path_factory.mktemp("text-out")).tables["facts"]


def test_saved_html_seed_pages_give_the_seed_facts(
    tmp_path: Path, text_facts: pd.DataFrame
) -> None:
    raw = tmp_path / "saved"
    raw.mkdir()
    for key in SEED:
        shutil.copy(HTML / f"seed_{key}.html", raw)
    result = ingest(raw, tmp_path / "out")
    facts = result.tables["facts"]
    expected = fact_keys(text_facts, {name: key for key, name in SEED.items()})
    assert fact_keys(facts, {f"seed_{key}.html": key for key in SEED}) == expected
    assert len(facts) == len(text_facts)  # 320 on the seeds today
    assert not set(facts["value"].dropna()) & DECOY_VALUES
    pages = result.tables["pages"].set_index("source")
    assert pages.loc["seed_001.html", ["title", "url"]].tolist() == [
        "Customer service manager vs customer relations manager",
        URL.format("001"),
    ]
    assert pages["retrieved"].isna().all()  # a browser's 'saved from' comment has no date
    assert sorted(pages["kind"]) == sorted(["comparison"] * 3 + ["profile", "how-to"])


def test_every_fact_line_is_a_line_of_the_kept_text(tmp_path: Path) -> None:
    raw = tmp_path / "saved"
    raw.mkdir()
    shutil.copy(HTML / "seed_001.html", raw)
    result = ingest(raw, tmp_path / "out")
    text = (tmp_path / "out" / "text" / "seed_001.html.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    for row in result.tables["facts"].itertuples():
        if row.printed is not None and isinstance(row.printed, str):
            assert row.printed.rstrip("0").rstrip(".") in lines[row.line - 1].replace(",", "")
    assert not any(decoy in text for decoy in DECOYS)
    salary = result.tables["facts"].query("metric == 'salary_yearly' and statistic.isna()")
    assert lines[salary["line"].iloc[0] - 1] == "| Yearly salary | $61,487 | $66,782 |"


def test_a_crawl_of_the_seed_pages_gives_the_seed_facts(
    tmp_path: Path, text_facts: pd.DataFrame
) -> None:
    raw = tmp_path / "crawl"
    raw.mkdir()
    records = [response(URL.format(k), seed_html(k), f"2026-11-0{i + 1}T08:00:00Z")
               for i, k in enumerate(SEED)]  # fmt: skip
    write_warc(raw / "crawl.warc.gz", records)
    result = ingest(raw, tmp_path / "out")
    names = {page_name(URL.format(k)): k for k in SEED}
    expected = fact_keys(text_facts, {name: key for key, name in SEED.items()})
    assert fact_keys(result.tables["facts"], names) == expected
    pages = result.tables["pages"].set_index("source")
    assert sorted(pages.index) == sorted(names)
    first = pages.loc[page_name(URL.format("000"))]
    assert first[["title", "url", "retrieved"]].tolist() == [
        "Customer relations manager vs customer care manager",
        URL.format("000"),
        "2026-11-01",
    ]
    assert (
        page_name(URL.format("000"))
        == "careers.example.org_seed-000_" + (page_name(URL.format("000")).rsplit("_", 1)[1])
    )
    assert (tmp_path / "out" / "text" / f"{page_name(URL.format('004'))}.txt").is_file()


@pytest.mark.parametrize("packing", ["none", "record", "file"])
def test_records_that_are_not_html_200_pages_are_skipped_and_counted(
    tmp_path: Path, packing: str
) -> None:
    raw = tmp_path / "crawl"
    raw.mkdir()
    page = b"<table><tr><th></th><th>Welder</th><th>Pipefitter</th></tr>"
    page += b"<tr><td>Number of jobs</td><td>313,110</td><td>61,089</td></tr></table>"
    date = "2026-11-02T10:00:00Z"
    records = [
        ("request", "https://a.example/p", b"", date, "", ""),
        response("https://a.example/p", page, date),
        response("https://a.example/old", b"", date, "301 Moved Permanently"),
        response("https://a.example/gone", b"<p>Average age 99</p>", date, "404 Not Found"),
        response("https://a.example/pay.json", b'{"jobs": 12345}', date, ctype="application/json"),
        ("revisit", "https://a.example/p", b"", date, "200 OK", "text/html"),
    ]
    suffix = ".warc" if packing == "none" else ".warc.gz"
    write_warc(raw / f"crawl{suffix}", records, packing)
    result = ingest(raw, tmp_path / "out")
    assert result.tables["facts"]["value"].tolist() == [313110.0, 61089.0]
    assert result.tables["pages"]["source"].tolist() == [page_name("https://a.example/p")]
    assert result.notes == [
        "WARC records skipped (not an HTML 200 page): 1 error, 1 non-html, 1 redirect, "
        "1 request, 1 revisit, 1 warcinfo"
    ]
    assert result.notes[0] in result.summary()


@pytest.mark.parametrize("packing", ["none", "record", "file"])
def test_a_truncated_archive_is_a_problem_at_an_offset_and_the_rest_is_read(
    tmp_path: Path, packing: str
) -> None:
    raw = tmp_path / "crawl"
    raw.mkdir()
    date = "2026-11-02T10:00:00Z"
    records = [
        response(f"https://a.example/{n}", f"<p>Welders earn ${n},000 a year.</p>".encode(), date)
        for n in (41, 52, 63)  # one page each: only the archive has a problem
    ]
    suffix = ".warc" if packing == "none" else ".warc.gz"
    whole = write_warc(tmp_path / f"whole{suffix}", records, packing).read_bytes()
    (raw / f"cut{suffix}").write_bytes(whole[:-30])
    third = [i for i in read_warc(tmp_path / f"whole{suffix}")][-1]
    result = ingest(raw, tmp_path / "out")
    assert len(result.tables["pages"]) == 3  # two pages and the archive with its problem
    problems = result.tables["problems"]
    problems = problems[problems["source"] == f"cut{suffix}"]
    assert len(problems) == 1
    message = problems["problem"].iloc[0]
    assert message.startswith("truncated record") and f"byte offset {third.offset:,}" in message
    if packing == "file":
        assert "of the unzipped archive" in message
    assert {page_name(f"https://a.example/{n}") for n in (41, 52)} <= set(
        result.tables["pages"]["source"]
    )


def test_the_newer_capture_of_a_page_wins_and_the_older_is_named(tmp_path: Path) -> None:
    raw = tmp_path / "crawls"
    raw.mkdir()
    url = "https://a.example/welder"
    old = b"<title>Welder</title><p>The median pay of welders was $41,000 in 2023.</p>"
    new = b"<title>Welder</title><p>The median pay of welders was $48,940 in 2023.</p>"
    # the newer capture is in the archive read first: order of files does not decide
    write_warc(raw / "a-december.warc.gz", [response(url, new, "2026-12-01T00:00:00Z")])
    write_warc(raw / "b-november.warc.gz", [response(url, old, "2026-11-01T00:00:00Z")])
    result = ingest(raw, tmp_path / "out")
    pages = result.tables["pages"]
    assert pages[["source", "retrieved"]].values.tolist() == [[page_name(url), "2026-12-01"]]
    values = result.tables["facts"].query("metric == 'salary_yearly'")["value"].tolist()
    assert values == [48940.0]
    [new_at] = [c.offset for c in read_warc(raw / "a-december.warc.gz") if hasattr(c, "url")]
    [old_at] = [c.offset for c in read_warc(raw / "b-november.warc.gz") if hasattr(c, "url")]
    assert result.notes == [
        "WARC records skipped (not an HTML 200 page): 2 warcinfo",
        f"older capture not used: {url} captured 2026-11-01T00:00:00Z "
        f"(b-november.warc.gz@{old_at}); 2026-12-01T00:00:00Z (a-december.warc.gz@{new_at}) used",
    ]


def test_sources_csv_still_wins_field_by_field(tmp_path: Path) -> None:
    raw = tmp_path / "saved"
    raw.mkdir()
    shutil.copy(HTML / "seed_003.html", raw)
    (raw / "sources.csv").write_text(
        "file,title,url,retrieved\nseed_003.html,My title,,2025-01-02\n", encoding="utf-8"
    )
    pages = ingest(raw, tmp_path / "out").tables["pages"]
    assert pages[["title", "url", "retrieved"]].values.tolist() == [
        ["My title", URL.format("003"), "2025-01-02"]
    ]


def test_a_report_cites_the_crawled_pages_by_title_address_and_date(tmp_path: Path) -> None:
    raw = tmp_path / "crawl"
    raw.mkdir()
    write_warc(raw / "crawl.warc", [response(URL.format("000"), seed_html("000"),
               "2026-11-05T08:00:00Z")], "none")  # fmt: skip
    tables = ingest(raw, tmp_path / "out").tables
    evidence = Evidence.from_tables(
        tables["facts"], ["customer-relations-manager", "customer-care-manager"], tables["pages"]
    )
    [source] = evidence.sources
    assert (source.file, source.title, source.link, source.retrieved) == (
        page_name(URL.format("000")),
        "Customer relations manager vs customer care manager",
        URL.format("000"),
        "2026-11-05",
    )


def test_a_reingest_rewrites_only_changed_texts_and_drops_gone_ones(tmp_path: Path) -> None:
    raw = tmp_path / "saved"
    raw.mkdir()
    (raw / "a.html").write_bytes(b"<p>The median pay of welders was $48,940 in 2023.</p>")
    (raw / "b.html").write_bytes(b"<p>The median pay of cooks was $31,950 in 2023.</p>")
    out = tmp_path / "out"
    ingest(raw, out)
    kept = out / "text" / "a.html.txt"
    before = kept.stat().st_mtime_ns
    (raw / "b.html").unlink()
    ingest(raw, out)
    assert kept.stat().st_mtime_ns == before
    assert sorted(p.name for p in (out / "text").iterdir()) == ["a.html.txt"]


def test_a_later_newer_capture_in_the_same_archive_replaces_the_earlier(tmp_path: Path) -> None:
    raw = tmp_path / "crawl"
    raw.mkdir()
    url = "https://a.example/welder"
    old = b'<meta charset="utf-8"><p>The median pay of welders was $41,000 in 2023.</p>\xe9'
    new = b"<p>The median pay of welders was $48,940 in 2023.</p>"
    records = [
        response(url, old, "2026-11-01T00:00:00Z"),  # its bad byte is a problem while it is read
        response(url, new, "2026-12-01T09:00:00Z"),
    ]
    write_warc(raw / "crawl.warc", records, "none")
    result = ingest(raw, tmp_path / "out")
    assert result.tables["facts"]["value"].tolist() == [48940.0]
    assert result.tables["problems"].empty  # the older capture's problem went with it
    assert len(result.notes) == 2 and result.notes[1].startswith(f"older capture not used: {url}")


def test_the_ingest_command_names_skipped_records_and_the_damaged_offset(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rolecompare.cli import app

    raw = tmp_path / "crawl"
    raw.mkdir()
    date = "2026-11-02T10:00:00Z"
    records = [
        response("https://a.example/p", b"<p>The median pay of welders was $48,940.</p>", date),
        response("https://a.example/old", b"", date, "302 Found"),
        response("https://a.example/q", b"<p>The median pay of cooks was $31,950.</p>", date),
    ]
    whole = write_warc(tmp_path / "whole.warc.gz", records).read_bytes()
    (raw / "crawl.warc.gz").write_bytes(whole[:-20])
    third = list(read_warc(tmp_path / "whole.warc.gz"))[-1].offset
    result = CliRunner().invoke(app, ["ingest", "--raw", str(raw), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    [problem] = result.stderr.splitlines()
    assert problem.startswith("crawl.warc.gz:1: truncated record (")
    assert problem.endswith(f") at byte offset {third:,}: reading stopped there")
    assert "WARC records skipped (not an HTML 200 page): 1 redirect, 1 warcinfo" in result.stdout
    strict = ["ingest", "--raw", str(raw), "--out", str(tmp_path / "o"), "--strict"]
    assert CliRunner().invoke(app, strict).exit_code == 1


def test_a_hostile_title_and_address_stay_text(tmp_path: Path) -> None:
    raw = tmp_path / "saved"
    raw.mkdir()
    (raw / "x.html").write_bytes(
        b"<title>&lt;script&gt;alert(1)&lt;/script&gt; Welder</title>"
        b'<link rel="canonical" href="javascript:alert(1)">'
        b"<p>The median pay of welders was $48,940 in 2023.</p>"
    )
    tables = ingest(raw, tmp_path / "out").tables
    [source] = Evidence.from_tables(tables["facts"], ["welder"], tables["pages"]).sources
    assert source.title == "<script>alert(1)</script> Welder"
    assert (source.url, source.link) == (None, None)  # never a link; said, not dropped:
    problems = tables["problems"]
    said = problems[problems["problem"].str.contains("javascript:alert", regex=False)]
    assert said[["source", "line"]].values.tolist() == [["x.html", 1]]


def test_a_large_folder_is_read_on_every_core_with_the_same_result(tmp_path: Path) -> None:
    from rolecompare.facts.reading import read_folder

    for n in range(300):
        (tmp_path / f"p{n:03d}.html").write_bytes(
            f"<title>P{n}</title><p>The median pay of welders was ${n},000.</p>".encode()
        )
    (tmp_path / "notes.txt").write_text("Welders earn $48,940 a year.\n", encoding="utf-8")
    parallel, serial = read_folder(tmp_path, workers=2), read_folder(tmp_path, workers=1)
    assert parallel.texts == serial.texts and parallel.sources == serial.sources
    assert len(parallel.texts) == 301 and parallel.sources["p299.html"].title == "P299"
    assert parallel.texts["p007.html"] == b"The median pay of welders was $7,000.\n"


def test_a_new_title_alone_makes_the_tables_stale(tmp_path: Path) -> None:
    from rolecompare.facts.ingest import is_stale

    raw = tmp_path / "saved"
    raw.mkdir()
    page = raw / "a.html"
    page.write_bytes(b"<title>Old</title><p>The median pay of welders was $48,940.</p>")
    ingest(raw, tmp_path / "out")
    assert not is_stale(raw, tmp_path / "out")
    page.write_bytes(b"<title>New</title><p>The median pay of welders was $48,940.</p>")
    assert is_stale(raw, tmp_path / "out")


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.integers(0, 10_000), st.binary(min_size=1, max_size=8), st.sampled_from(["none", "rec"]))
def test_a_damaged_archive_never_raises(at: int, junk: bytes, packing: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        packing = "record" if packing == "rec" else packing
        path = Path(folder) / ("c.warc" if packing == "none" else "c.warc.gz")
        date = "2026-11-02T10:00:00Z"
        records = [response(f"https://a.example/{n}", b"<p>x</p>" * 40, date) for n in range(4)]
        data = bytearray(write_warc(path, records, packing).read_bytes())
        at %= len(data)
        data[at : at + len(junk)] = junk
        path.write_bytes(bytes(data))
        items = list(read_warc(path))
        assert sum(hasattr(i, "message") for i in items) <= 1  # at most one Damaged, the last
        assert all(not hasattr(i, "message") for i in items[:-1])
