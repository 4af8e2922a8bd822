"""The report's sections: what each role does, pay, demographics, experience and education.

Each section function takes the `PairReport` and returns one notebook output: its heading, its
sentences (`narrative`), its figures and tables -- only those with something to show -- and
one sentence saying what the pages do not publish for the pair.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from rolecompare import analysis
from rolecompare.core.roles import US_AVERAGE
from rolecompare.reporting import figures as F
from rolecompare.reporting import narrative as N
from rolecompare.reporting.narrative.names import count
from rolecompare.reporting.presentation.markup import embed, html
from rolecompare.reporting.presentation.pair import PairReport

TOP_PLACES = ("top_city", "top_state", "top_company", "top_industry")


def _missing(report: PairReport, items: list[tuple[str, tuple[str, ...]]]) -> str:
    """One sentence: the items of `items` (label, metrics) a role has none of."""
    return N.missing_sentence(
        [(label, report.lacking(*metrics)) for label, metrics in items], report.names, *report.pair
    )


def _section(heading: str, sentences: list[str], parts: list[dict], missing: str) -> HTML:
    return html(
        "section.html.j2",
        heading=heading,
        sentences=[s for s in sentences if s],
        parts=parts,
        missing=missing,
    )


# --- what each role does ----------------------------------------------------------------------


def duties(report: PairReport) -> HTML:
    """Each page's description of the role (quoted, attributed), up to five example
    responsibilities and the most listed skills of each, side by side, and the skills both
    share."""
    both = [N.role_duties(report.ev, r) for r in report.pair]
    parts: list[dict[str, Any]] = []
    if any(not d.empty for d in both):
        parts.append(
            {
                "kind": "duties",
                "caption": "What the pages say each role does (quoted as the pages word it).",
                "columns": [report.name_a, report.name_b],
                "duties": both,
                "descriptions": any(d.description for d in both),
                "responsibilities": any(d.responsibilities for d in both),
                "skills": any(d.skills for d in both),
            }
        )
    shared = N.shared_skills_sentence(
        analysis.shared_skills(report.facts, *report.pair), report.names, *report.pair
    )
    missing = _missing(
        report,
        [
            ("description", ("description",)),
            ("example responsibilities", ("responsibility",)),
            ("skills", ("skill_share", "skill_top")),
        ],
    )
    return _section("What each role does", [], [*parts, {"kind": "sentences",
                    "sentences": [shared]}], missing)  # fmt: skip


# --- pay --------------------------------------------------------------------------------------


def _pay_sentences(report: PairReport) -> list[str]:
    out = []
    for metric in ("salary_yearly", "salary_hourly"):
        gaps = analysis.pay_gaps(report.facts, report.conflicts, *report.pair, metric)
        out += [N.pay_gap_sentence(gap, report.names, report.ev) for gap in gaps]
        if not gaps:
            unlike = analysis.unlike_statistics(
                report.facts, report.conflicts, *report.pair, metric
            )
            if unlike is not None:
                out.append(N.unlike_sentence(unlike, report.names, report.ev))
    overlap = analysis.salary_overlap(report.facts, report.conflicts, *report.pair)
    if overlap is not None:
        out.append(N.overlap_sentence(overlap, report.names, report.ev))
    out += N.us_average_sentences(
        report.facts, report.conflicts, list(report.pair), report.names, report.ev
    )
    return out


def salary_figure_data(report: PairReport) -> pd.DataFrame:
    """Rows for `figures.salary_ranges`: each role's widest stated range and every stated
    yearly salary (several rows of one role: one marker each; no midpoint)."""
    rows = []
    roles = [*report.pair, *([US_AVERAGE] if report.ev.has(US_AVERAGE, "salary_yearly") else [])]
    for role_id in roles:
        lows = [s.value for s in report.ev.of(role_id, "salary_min") if s.value is not None]
        highs = [s.value for s in report.ev.of(role_id, "salary_max") if s.value is not None]
        mids = sorted(
            {s.value for s in report.ev.of(role_id, "salary_yearly") if s.value is not None}
        )
        low = min(lows) if lows and highs else float("nan")
        high = max(highs) if lows and highs else float("nan")
        for i, mid in enumerate(mids or [float("nan")]):
            rows.append(
                {
                    "role": report.name(role_id),
                    "low": low if i == 0 else float("nan"),
                    "high": high if i == 0 else float("nan"),
                    "salary": mid,
                }
            )
    return pd.DataFrame(rows, columns=["role", "low", "high", "salary"])


def _top_places(report: PairReport) -> dict[str, Any] | None:
    rows = []
    for metric in TOP_PLACES:
        cells = [
            [f"{s.text} {report.ev.cite(s.refs)}".rstrip() for s in report.ev.of(r, metric)]
            for r in report.pair
        ]
        if any(cells):
            rows.append((N.metric_label(metric), cells))
    if not rows:
        return None
    return {
        "kind": "table",
        "caption": "Where each role is paid best, as the pages state it.",
        "corner": "",
        "columns": [report.name_a, report.name_b],
        "rows": rows,
    }


def pay(report: PairReport) -> HTML:
    """The pay gaps (like with like), the salary ranges' overlap, each role against the US
    average, the salary ranges figure and where each role is paid best."""
    parts: list[dict[str, Any]] = []
    if any(report.ev.has(r, "salary_min") and report.ev.has(r, "salary_max") for r in report.pair):
        data = salary_figure_data(report)
        fig = F.salary_ranges(
            data,
            role="role",
            low="low",
            high="high",
            mid="salary",
            highlight=[report.name_a, report.name_b],
            title="Published salary ranges and stated yearly salaries",
            mid_label="Stated yearly salary",
        )
        parts.append({"kind": "figure", "figure": embed(fig)})
    places = _top_places(report)
    if places:
        parts.append(places)
    missing = _missing(
        report,
        [
            ("yearly salary", ("salary_yearly",)),
            ("hourly rate", ("salary_hourly",)),
            ("salary range", ("salary_min",)),
            ("highest paying places", TOP_PLACES),
        ],
    )
    return _section("Pay", _pay_sentences(report), parts, missing)


# --- demographics -----------------------------------------------------------------------------


def distribution_labels(report: PairReport, shares: pd.DataFrame, *, cite: bool) -> list[str]:
    """The label of each share row: the role's name, with (`cite`) the year and the pages of
    its distribution ('Registered nurses, 2022 [3]')."""
    labels = []
    for role_id, period, refs in zip(
        shares["role_id"], shares["period"], shares["refs"], strict=True
    ):
        name = report.name(role_id)
        if cite:
            numbers = report.ev.cite(refs.split("; "))
            name = ", ".join(p for p in (name, period) if p) + (f" {numbers}" if numbers else "")
        labels.append(name)
    return labels


def share_figure(report: PairReport, metric: str, title: str) -> dict[str, Any] | None:
    """The pair's (and the US workforce's) shares of one kind: grouped bars when each role has
    one distribution, else one panel per distribution -- shares of different pages or years
    are never merged into one set of bars."""
    roles = [*report.pair, US_AVERAGE]
    shares = analysis.share_distributions(report.facts, metric, roles)
    if shares[shares["role_id"].isin(report.pair)].empty:
        return None
    several = bool((shares["distribution"] > 1).any())
    shares = shares.assign(role=distribution_labels(report, shares, cite=several))
    if several:
        fig = F.share_panels(shares, category="category", value="value", panel="role", title=title)
    else:
        fig = F.share_bars(
            shares, category="category", value="value", hue="role", title=title, group_height=0.38
        )
    return {"kind": "figure", "figure": embed(fig)}


def demographics(report: PairReport) -> HTML:
    """Average age, women and LGBT shares, how far the race distributions differ, and the race
    (and, where the sentence cannot compare them, gender) shares beside the US workforce's."""
    summary = analysis.demographics_summary(report.facts, report.conflicts, *report.pair)
    args = (summary, report.names, *report.pair, report.ev)
    gender = N.gender_sentence(*args)
    sentences = [N.age_sentence(*args), gender, N.lgbt_sentence(*args)]
    index = analysis.dissimilarity(report.facts, report.conflicts, *report.pair)
    sentences.append(N.dissimilarity_sentence(index, report.ev, report.pair))
    counts = {
        metric: analysis.share_distributions(report.facts, metric, list(report.pair))
        .groupby("role_id")["distribution"]
        .max()
        .to_dict()
        for metric in ("race_share", "gender_share")
    }
    sentences += [N.distributions_sentence(counts[m], report.names, m) for m in counts]
    parts = [share_figure(report, "race_share", "Race (percent of the workforce)")]
    if not gender or max(counts["gender_share"].values(), default=0) > 1:
        parts.append(share_figure(report, "gender_share", "Gender (percent of the workforce)"))
    missing = _missing(
        report,
        [
            ("age", ("age",)),
            ("gender shares", ("gender_share",)),
            ("LGBT share", ("lgbt_share",)),
            ("race shares", ("race_share",)),
        ],
    )
    return _section("Demographics", sentences, [p for p in parts if p], missing)


# --- experience and education -----------------------------------------------------------------


def _most_stated(statements) -> float | None:
    """The value most pages state (the first such), for placing a point; None without one."""
    counts: dict[float, int] = {}
    for s in statements:
        if s.value is not None:
            counts[s.value] = counts.get(s.value, 0) + len({f for f, _ in s.refs})
    return max(counts, key=lambda v: counts[v]) if counts else None


CONTEXT_FIGURE_HEIGHT = 2.5  # inches: with the section's text it fits the rest of a page


def _shorten(fig: Figure, height: float) -> None:
    """Lay `fig` out again at `height` inches (figures.context draws 4.2 inches tall)."""
    if fig.get_figheight() <= height:
        return
    fig.set_size_inches(fig.get_figwidth(), height)
    fig.set_layout_engine("constrained")
    fig.get_layout_engine().set(w_pad=0.1, h_pad=0.1)  # type: ignore[call-arg]
    fig.draw_without_rendering()
    fig.set_layout_engine("none")


def context_figure_data(report: PairReport) -> pd.DataFrame:
    """One row per role of the pair with years of experience and a yearly salary: the value
    most pages state (no midpoint), and the range the pages state where they disagree."""
    rows = []
    for role_id in report.pair:
        salaries = report.ev.of(role_id, "salary_yearly")
        years = _most_stated(report.ev.of(role_id, "experience_years"))
        salary = _most_stated(salaries)
        if years is None or salary is None:
            continue
        values = [s.value for s in salaries if s.value is not None]
        rows.append(
            {
                "role": report.name(role_id),
                "experience": years,
                "salary": salary,
                "low": min(values),
                "high": max(values),
            }
        )
    return pd.DataFrame(rows, columns=["role", "experience", "salary", "low", "high"])


def _context_part(report: PairReport) -> tuple[list[dict[str, Any]], str]:
    """The pair on the collection's context (`reporting.figures.context`), and its note."""
    context = report.context
    data = context_figure_data(report)
    if context is None or data.empty or context.empty:
        return [], ""
    # the pair is drawn highlighted, with what its pages state: not again as a grey point
    context = context[~context["role_id"].isin(report.pair)]
    if context.empty:  # no other role to place the pair among
        return [], ""
    from rolecompare.reporting.figures.context import experience_salary_context

    info = report.collection
    n_roles = int(pd.to_numeric(report.context["n_roles"], errors="coerce").sum())
    drawn = f", as of {info['context_drawn']}" if info.get("context_drawn") else ""
    label = f"{count(n_roles, 'role')} in the collection{drawn}"
    fig = experience_salary_context(
        data,
        x="experience",
        y="salary",
        label="role",
        low="low",
        high="high",
        context=context,
        context_label=label,
        title="Years of experience and yearly salary, among the collection's roles",
    )
    _shorten(fig, CONTEXT_FIGURE_HEIGHT)
    kind = "percentile bands of" if (context["kind"] == "band").any() else ""
    note = (
        f"The figure places the two roles among {kind} the {label.split(' in ')[0]} of the "
        f"collection these pages belong to{drawn}."
    )
    return [{"kind": "figure", "figure": embed(fig)}], " ".join(note.split())


def education(report: PairReport) -> HTML:
    """Experience, years it takes to become one, the most common degree, major and college,
    and the degrees held."""
    ev, names = report.ev, report.names
    sentences = [
        N.experience_sentence(ev, names, *report.pair),
        N.become_sentence(ev, names, *report.pair),
        *N.education_sentences(ev, names, *report.pair),
        N.degree_shares_sentence(
            ev,
            names,
            *report.pair,
            distributions=analysis.share_distributions(
                report.facts, "degree_share", list(report.pair)
            ),
        ),
    ]
    parts, note = _context_part(report)
    sentences.append(note)
    missing = _missing(
        report,
        [
            ("years of experience", ("experience_years",)),
            ("years it takes to become one", ("years_to_become_min", "years_to_become_max")),
            ("most common degree", ("degree_top",)),
            ("most common major", ("major_top",)),
            ("most common college", ("college_top",)),
        ],
    )
    return _section("Experience and education", sentences, parts, missing)
