"""Visible text of HTML pages: tables and div grids as rows, nothing hidden, character sets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolecompare.facts.parsing import parse_page
from rolecompare.facts.reading import extract_html


def lines(html: str | bytes, charset: str | None = None) -> list[str]:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return extract_html("page.html", data, charset).text.splitlines()


def test_a_table_is_rows_of_separate_cells_between_blank_lines() -> None:
    page = """<p>Pay compared.</p><table>
      <thead><tr><th></th><th>Welder</th><th>Pipefitter</th></tr></thead>
      <tbody><tr><td>Yearly salary</td><td>$48,940</td><td>$61,550</td></tr>
      <tr><td>Growth rate</td><td><b>2</b>%</td><td>5%</td></tr></tbody></table><p>After.</p>"""
    assert lines(page) == [
        "Pay compared.",
        "",
        "|  | Welder | Pipefitter |",
        "| Yearly salary | $48,940 | $61,550 |",
        "| Growth rate | 2% | 5% |",
        "",
        "After.",
    ]


def test_a_div_grid_is_rows_so_a_label_never_glues_to_its_values() -> None:
    page = """<h2>Overview</h2><div class="grid">
      <div class="row"><div></div><div>Welder</div><div>Pipefitter</div></div>
      <div class="row"><div>Number of jobs</div><div>313,110</div><div>61,089</div></div>
      <div class="row">
        <span>Average age</span><span>44</span><span>42</span>
      </div>
    </div><p>After.</p><div><span class="pay">$48,940</span> <span>per year</span></div>"""
    assert lines(page) == [
        "Overview",
        "",
        "|  | Welder | Pipefitter |",
        "| Number of jobs | 313,110 | 61,089 |",
        "| Average age | 44 | 42 |",
        "",
        "After.",
        "$48,940 per year",
    ]


def test_div_grid_rows_are_read_as_a_comparison_table() -> None:
    page = """<div class="grid">
      <div class="row"><div></div><div>Welder</div><div>Pipefitter</div></div>
      <div class="row"><div>Number of jobs</div><div>313,110</div><div>61,089</div></div>
    </div>"""
    text = extract_html("grid.html", page.encode()).text.encode()
    facts = {(f.role, f.metric, f.value) for f in parse_page("grid.html", text).facts}
    assert facts == {("Welder", "jobs_count", 313110.0), ("Pipefitter", "jobs_count", 61089.0)}


def test_nothing_hidden_or_unshown_becomes_text() -> None:
    page = """<html><head><title>T</title><style>p::after{content:"11,111"}</style>
      <script type="application/ld+json">{"baseSalary": 22222}</script></head><body>
      <p data-salary="33333" title="Yearly salary $44,444">Shown 1</p>
      <script>var pay = 55555;</script><noscript>66,666</noscript>
      <template><p>77,777</p></template><div hidden>88,888</div>
      <span aria-hidden="true">99,999</span><p style="color:red; display : none">12,121</p>
      <div style="visibility:hidden">13,131</div><input value="14,141"><select><option>15,151
      </option></select><p>Shown 2</p></body></html>"""
    assert lines(page) == ["Shown 1", "Shown 2"]


def test_headings_paragraphs_and_lists_are_lines_and_bullets() -> None:
    page = """<h1>Becoming a welder</h1><p>Welders join <em>metal</em>
      parts.<br>They work shifts.</p><ul><li>Read plans<ul><li>Blueprints</li></ul></li>
      <li>Weld</li></ul><ol><li>Train</li><li>Certify</li></ol>"""
    assert lines(page) == [
        "Becoming a welder",
        "Welders join metal parts.",
        "They work shifts.",
        "- Read plans",
        "  - Blueprints",
        "- Weld",
        "1. Train",
        "2. Certify",
    ]


def test_entities_are_decoded() -> None:
    page = "<p>Caf&eacute; &amp; bar: &pound;30,741 &#8364;5 &#x24;7&nbsp;per&nbsp;hour &lt;b&gt;"
    assert lines(page) == ["Café & bar: £30,741 €5 $7 per hour <b>"]


def test_windows_1252_from_meta_from_the_http_header_and_undeclared() -> None:
    body = "<p>Caf\xe9 \x96 \x93pay\x94 \x80 5</p>".encode("latin-1")
    meta = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    assert lines(meta + body) == ["Café – “pay” € 5"]
    assert lines(b'<meta charset="ISO-8859-1">' + body) == ["Café – “pay” € 5"]
    assert lines(body, charset="windows-1252") == ["Café – “pay” € 5"]
    assert lines(body) == ["Café – “pay” € 5"]  # not UTF-8, no declaration: windows-1252
    # the HTTP header wins over the page's own declaration
    assert lines(b'<meta charset="utf-8">' + body, charset="cp1252") == ["Café – “pay” € 5"]


def test_bytes_not_valid_in_the_declared_charset_are_a_problem() -> None:
    page = extract_html("p.html", b'<meta charset="utf-8"><p>Caf\xe9 5</p>')
    assert page.text == "Caf\ufffd 5\n"
    assert [p.message for p in page.problems] == ["1 byte sequence(s) not valid utf-8: replaced"]


def test_a_utf8_bom_wins() -> None:
    assert lines(b'\xef\xbb\xbf<meta charset="windows-1252"><p>Caf\xc3\xa9</p>') == ["Café"]


def test_nested_tables_the_outer_one_is_layout() -> None:
    page = """<table><tr><td><p>Side menu</p></td><td>
      <table><tr><th></th><th>Welder</th><th>Pipefitter</th></tr>
      <tr><td>Hourly rate</td><td>$23.53</td><td>$29.59</td></tr></table>
      </td></tr></table>"""
    assert lines(page) == [
        "Side menu",
        "",
        "|  | Welder | Pipefitter |",
        "| Hourly rate | $23.53 | $29.59 |",
    ]


def test_a_page_with_no_table() -> None:
    page = """<html><body><header><a href="/">Home</a><nav><a href="/p/2">Page 2</a></nav>
      </header><div role="navigation"><a href="/p/3">3</a></div><main>
      <h1>Welder</h1><p>The median pay of welders was $48,940 in 2023.</p></main></body></html>"""
    assert lines(page) == ["Home", "Welder", "The median pay of welders was $48,940 in 2023."]


def test_title_address_and_saved_date_of_a_saved_page() -> None:
    page = extract_html(
        "saved.html",
        b"<!DOCTYPE html><!--\n Page saved with SingleFile \n url: https://a.example/x \n"
        b" saved date: Tue Mar 04 2025 10:11:12 GMT+0100 (CET)\n--><html><head>"
        b'<meta property="og:url" content="https://a.example/og"></head>'
        b"<body><h1>Welder  pay</h1></body></html>",
    )
    assert (page.title, page.url) == ("Welder pay", "https://a.example/og")
    assert page.retrieved == "2025-03-04"
    canonical = extract_html(
        "c.html",
        b"<!-- saved from url=(0022)https://a.example/old --><title>T</title>"
        b'<link rel="alternate canonical" href="https://a.example/c"><p>x</p>',
    )
    assert (canonical.title, canonical.url) == ("T", "https://a.example/c")
    assert canonical.retrieved is None
    bare = extract_html("b.html", b"<!-- saved from url=(0022)https://a.example/old --><p>x</p>")
    assert (bare.title, bare.url) == (None, "https://a.example/old")


def test_deeply_nested_markup_does_not_crash() -> None:
    page = "<div>" * 5000 + "<p>Deep 5</p>" + "</div>" * 5000
    assert lines(page) == ["Deep 5"]


_TAGS = ["p", "div", "span", "table", "tr", "td", "th", "ul", "li", "script", "br", "h2", "b"]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
            st.sampled_from(["<div hidden>", '<meta charset="latin-1">', "&amp;", "&#0;", "|"]),
            st.text(max_size=12),
        ),
        max_size=40,
    ),
    st.binary(max_size=20),
)
def test_any_markup_or_bytes_give_text_without_control_characters(
    parts: list[str], noise: bytes
) -> None:
    page = extract_html("fuzz.html", "".join(parts).encode("utf-8", "surrogatepass") + noise)
    assert page.text.endswith("\n")
    assert not any(ord(c) < 32 and c != "\n" for c in page.text)
    # what the parser reads of it never makes it raise
    parse_page("fuzz.html", page.text.encode("utf-8", "surrogatepass"))


def test_an_address_that_is_not_http_is_a_problem_and_the_next_one_is_used() -> None:
    page = extract_html(
        "p.html",
        b'<title>T</title><link rel="canonical" href="JavaScript:alert(1)">'
        b'<meta property="og:url" content="https://a.example/og"><p>x</p>',
    )
    assert page.url == "https://a.example/og"
    assert [(p.line, p.message) for p in page.problems] == [
        (
            1,
            "address 'JavaScript:alert(1)' (<link rel=\"canonical\">) is not an absolute "
            "http(s) address: not used as the page's address",
        )
    ]
    relative = extract_html("r.html", b'<title>T</title><link rel="canonical" href="/jobs/x">')
    assert relative.url is None and relative.title == "T"
    assert "'/jobs/x'" in relative.problems[0].message
    unreadable = extract_html("u.html", b'<link rel="canonical" href="http://[evil/x">')
    assert unreadable.url is None and len(unreadable.problems) == 1
