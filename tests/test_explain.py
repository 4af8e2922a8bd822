"""`rolecompare ingest --explain FILE:LINE`: how one line of a page was read."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rolecompare.cli import app

PAGE = """Pharmacist Salary
The median annual wage for pharmacists was $132,750 in May 2022.
Average Age
More
40.8
Updated September 19, 2023. Pharmacists worked 60 hours in 7 states.
"""


def _explain(tmp_path: Path, line: int | str) -> tuple[int, str]:
    page = tmp_path / "pharmacist.txt"
    page.write_text(PAGE, encoding="utf-8")
    target = f"{page}:{line}" if isinstance(line, int) else line
    result = CliRunner().invoke(app, ["ingest", "--explain", target])
    return result.exit_code, result.output


def test_a_sentence_number_names_its_reader_and_statement(tmp_path: Path) -> None:
    code, out = _explain(tmp_path, 2)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  '$132,750' at 44: read -> reader=sentences:pay role='Pharmacist' "
        "metric=salary_yearly value=132750 statistic=median qualifier=- period=2022-05 "
        "category=- unit=USD/year text=-",
        "  '2022' at 60: a year of a fact's period",
    ]


def test_a_value_under_its_label(tmp_path: Path) -> None:
    code, out = _explain(tmp_path, 5)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  (a line of a block a reader took whole)",
        "  '40.8' at 1: read -> reader=split-values role='Pharmacist' metric=age value=40.8 "
        "statistic=mean qualifier=- period=- category=- unit=years text=-",
    ]


def test_unread_numbers_say_why(tmp_path: Path) -> None:
    code, out = _explain(tmp_path, 6)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  '19' at 19: not data: date",
        "  '2023' at 23: not data: date",
        "  '60' at 48: unread: 60 not attributed: hours are not a metric",
        "  '7' at 60: unread: 7 not attributed: a figure of one state or area",
    ]


def test_unknown_file_or_line_exits_2(tmp_path: Path) -> None:
    code, out = _explain(tmp_path, 99)
    assert code == 2 and "line out of range (the page has 7 lines)" in out
    code, out = _explain(tmp_path, f"{tmp_path / 'missing.txt'}:1")
    assert code == 2 and "missing.txt: no such file" in out
    code, out = _explain(tmp_path, "no-line-number")
    assert code == 2 and "expected FILE:LINE" in out
