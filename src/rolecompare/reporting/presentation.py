"""Display helpers for the report notebooks: Markdown from generated sentences, tables and
figures as outputs that export the same way to HTML and PDF.

Kept apart from the analysis (pure numbers) and the figures (plots of tidy data) so that a
notebook cell is one or two calls: compute, then show.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Image, Markdown
from matplotlib.figure import Figure

from rolecompare.reporting.figures import figure_to_png_bytes
from rolecompare.reporting.narrative import for_mathjax, md_escape

NOT_PUBLISHED = "not published"


def md(*parts: str | Iterable[str]) -> Markdown:
    """Sentences (already escaped by narrative) as one Markdown paragraph per argument."""
    paragraphs = []
    for part in parts:
        text = part if isinstance(part, str) else " ".join(p for p in part if p)
        if text:
            paragraphs.append(for_mathjax(text))
    return Markdown("\n\n".join(paragraphs))


def heading(text: str, level: int = 2) -> Markdown:
    """A heading whose text comes from page data (role names), shown literally."""
    return Markdown(f"{'#' * level} {md_escape(text)}")


def _format_cell(value: object, column: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return NOT_PUBLISHED
    if isinstance(value, float):
        lowered = column.lower()
        if "usd" in lowered or "salary" in lowered or "($)" in column:
            sign = "-" if value < 0 else ""
            amount = f"{abs(value):,.0f}" if abs(value) >= 100 else f"{abs(value):,.2f}"
            return f"{sign}${amount}"
        return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    return str(value)


def table(
    frame: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    empty: str = "Nothing published for these roles.",
    missing: str = NOT_PUBLISHED,
) -> HTML | Markdown:
    """A DataFrame as an HTML table with readable headers, numbers formatted, missing values
    said in words, and every cell HTML-escaped (page text never becomes markup)."""
    if frame is None or frame.empty:
        return Markdown(f"*{md_escape(empty)}*")
    shown = frame[list(columns)] if columns else frame
    shown = shown.rename(columns=dict(columns or {}))
    formatted = pd.DataFrame(
        {
            col: [missing if _is_missing(v) else _format_cell(v, str(col)) for v in shown[col]]
            for col in shown.columns
        }
    )
    return HTML(formatted.to_html(index=False, escape=True, border=0, classes="rc-table"))


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _number(value: float, unit: str | None) -> str:
    unit = unit or ""
    if unit.startswith("USD"):
        sign = "-" if value < 0 else ""
        amount = f"{abs(value):,.2f}" if unit == "USD/hour" else f"{abs(value):,.0f}"
        return f"{sign}${amount}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "percent":
        return f"{text}%"
    if unit in {"years", "months"}:
        return f"{text} {unit}"
    return text if not unit or unit in {"count", "score", "rating"} else f"{text} {unit}"


def _span(low: object, high: object, unit: str | None) -> str | None:
    if _is_missing(low) or _is_missing(high):
        return None
    if low == high:
        return _number(float(low), unit)
    return f"{_number(float(low), unit)} to {_number(float(high), unit)}"


def side_by_side(frame: pd.DataFrame, names: Mapping[str, str], role_a: str, role_b: str):
    """analysis.demographics_summary-like frames (label, value_a/_low/_high, value_b/...,
    difference/_low/_high) as Measure | A | B | Difference, ranges where sources disagree."""
    if frame is None or frame.empty:
        return table(frame)
    rows = []
    for r in frame.to_dict("records"):
        unit = r.get("unit")
        diff_unit = "percentage points" if unit == "percent" else unit
        rows.append(
            {
                "Measure": r["label"],
                names[role_a]: _span(r.get("value_a_low"), r.get("value_a_high"), unit),
                names[role_b]: _span(r.get("value_b_low"), r.get("value_b_high"), unit),
                "Difference": _span(r.get("difference_low"), r.get("difference_high"), diff_unit),
            }
        )
    return table(pd.DataFrame(rows))


def texts_side_by_side(frame: pd.DataFrame, names: Mapping[str, str], role_a: str, role_b: str):
    """analysis.top_paying / education_table frames as Measure | A | B."""
    if frame is None or frame.empty:
        return table(frame)

    def cell(text: object, value: object) -> str | None:
        if _is_missing(text):
            return None
        return f"{text} ({_number(float(value), 'percent')})" if not _is_missing(value) else text

    rows = [
        {
            "Measure": r["label"],
            names[role_a]: cell(r.get("text_a"), r.get("value_a")),
            names[role_b]: cell(r.get("text_b"), r.get("value_b")),
        }
        for r in frame.to_dict("records")
    ]
    return table(pd.DataFrame(rows))


def experience_rows(frame: pd.DataFrame, role_ids: Iterable[str]):
    shown = frame[frame.role_id.isin(list(role_ids))]
    rows = [
        {
            "Role": r["role"],
            "Experience": _span(r["experience_years"], r["experience_years"], "years"),
            "Years to become": _span(r["years_to_become_min"], r["years_to_become_max"], "years"),
            "Average salary": _span(r["salary_yearly_low"], r["salary_yearly_high"], "USD/year"),
            "Salary per year of experience": _span(
                r["salary_per_experience_year"], r["salary_per_experience_year"], "USD/year"
            ),
        }
        for r in shown.to_dict("records")
    ]
    return table(pd.DataFrame(rows))


def facts_appendix(frame: pd.DataFrame):
    """Every fact used: one line per distinct statement (role, metric, category, value as
    printed) with every source:line that states it."""
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for r in frame.to_dict("records"):
        value = None if _is_missing(r["value"]) else _number(float(r["value"]), r["unit"])
        text = None if _is_missing(r["text"]) else str(r["text"])
        key = (
            r["role"],
            r["metric"],
            "" if _is_missing(r["category"]) else str(r["category"]),
            ", ".join(v for v in (text, value) if v),
        )
        grouped.setdefault(key, []).append(f"{r['source']}:{r['line']}")
    rows = [
        {"Role": k[0], "Metric": k[1], "Category": k[2], "Value": k[3], "Sources": "; ".join(v)}
        for k, v in grouped.items()
    ]
    return table(pd.DataFrame(rows), missing="", empty="No facts.")


def conflicts_appendix(frame: pd.DataFrame):
    columns = {"role": "Role", "metric": "Metric", "category": "Category", "values": "Values"}
    return table(frame, columns=columns, missing="", empty="The sources agree on every value.")


def figure(fig: Figure) -> Image:
    """Embed a figure as PNG (the same bytes every run) and free it."""
    data = figure_to_png_bytes(fig)
    plt.close(fig)
    return Image(data=data, format="png")


def build_info(build_info_json: str) -> pd.DataFrame:
    """What a report was built from (input hashes, formats, time), as a two-column table."""
    info = json.loads(build_info_json or "{}")
    if not info:
        info = {"built_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    return pd.DataFrame({"item": list(info), "value": [str(v) for v in info.values()]})


def _money_range(low: float | None, high: float | None, cents: bool = False) -> str:
    def fmt(v: float) -> str:
        sign = "-" if v < 0 else ""
        return f"{sign}${abs(v):,.2f}" if cents else f"{sign}${abs(v):,.0f}"

    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return NOT_PUBLISHED
    return fmt(low) if low == high else f"{fmt(low)} to {fmt(high)}"


def _signed(value: float | None, unit: str) -> str:
    return NOT_PUBLISHED if value is None or pd.isna(value) else f"{value:+.1f} {unit}"


def _diff(summary, measure: str, unit: str) -> str:
    """A - B from the demographics summary, a range when the sources disagree."""
    frame = summary.demographics
    if frame is None or frame.empty or measure not in set(frame["measure"]):
        return NOT_PUBLISHED
    row = frame[frame["measure"] == measure].iloc[0]
    low, high = row["difference_low"], row["difference_high"]
    if _is_missing(low) or _is_missing(high):
        return NOT_PUBLISHED
    if low == high:
        return f"{low:+.1f} {unit}"
    return f"{low:+.1f} to {high:+.1f} {unit} (sources disagree)"


def key_numbers(summary) -> pd.DataFrame:  # summary: analysis.PairSummary
    """The pair's key numbers as a two-column table (A minus B), conflicts shown as ranges."""
    a = summary.name_a
    rows = [
        (
            f"Yearly pay gap ({a} minus other, USD)",
            _money_range(summary.yearly.gap_low, summary.yearly.gap_high)
            if summary.yearly
            else NOT_PUBLISHED,
        ),
        (
            f"Hourly pay gap ({a} minus other, USD)",
            _money_range(summary.hourly.gap_low, summary.hourly.gap_high, cents=True)
            if summary.hourly
            else NOT_PUBLISHED,
        ),
        (
            "Salary ranges overlap (USD)",
            _money_range(summary.salary_overlap.amount, summary.salary_overlap.amount)
            if summary.salary_overlap
            else NOT_PUBLISHED,
        ),
        (
            "Race dissimilarity index",
            NOT_PUBLISHED
            if summary.race_dissimilarity is None
            else f"{summary.race_dissimilarity:.1f}",
        ),
        ("Female share difference", _diff(summary, "female_share", "percentage points")),
        ("Average age difference", _diff(summary, "age", "years")),
        ("LGBT share difference", _diff(summary, "lgbt_share", "percentage points")),
        ("Experience difference", _signed(summary.experience_difference, "years")),
        ("Shared skills", "; ".join(summary.shared_skills) or "none"),
        ("Values on which sources disagree", str(summary.n_conflicts)),
    ]
    return pd.DataFrame(rows, columns=["Key number", "Value"])
