"""What the pages state about a pair of roles, grouped into statements, and how to cite them.

A *statement* is one distinct thing the pages say about a (role, metric, category): the value
or text as printed, with its statistic, qualifier and period, and every `(source, line)` that
says it. A report cites pages by number (`[1]`, `[1, 3]`); `Evidence` numbers the pages that
state anything the report shows, in file-name order, and knows their titles and addresses from
`pages.csv` (untrusted text: shown literally, and only http/https addresses become links).

Nothing here formats HTML: templates do that. Numbers are formatted by
`rolecompare.reporting.narrative.amounts`, so the same number reads the same everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from rolecompare.core.roles import US_AVERAGE
from rolecompare.facts.sources import web_address

# Metrics a pair report shows somewhere (the appendix traces exactly these). Others are
# counted in one sentence of the appendix.
SHOWN_METRICS = (
    "salary_yearly",
    "salary_hourly",
    "salary_min",
    "salary_max",
    "growth_rate",
    "growth_projected",
    "jobs_count",
    "job_satisfaction",
    "experience_years",
    "experience_min_years",
    "years_to_become_min",
    "years_to_become_max",
    "degree_top",
    "major_top",
    "college_top",
    "education_entry",
    "degree_share",
    "age",
    "gender_share",
    "race_share",
    "lgbt_share",
    "top_city",
    "top_state",
    "top_company",
    "top_industry",
    "description",
    "responsibility",
    "skill_share",
    "skill_top",
)
# What the report shows of the US average (sentences and figures against it).
US_AVERAGE_METRICS = ("salary_yearly", "race_share", "gender_share")


@dataclass(frozen=True)
class Statement:
    """One distinct statement of the pages about (role_id, metric, category)."""

    role_id: str
    metric: str
    category: str | None
    value: float | None
    text: str | None
    unit: str | None
    statistic: str | None = None
    qualifier: str | None = None
    period: str | None = None
    refs: tuple[tuple[str, int], ...] = ()  # (source file, line), in source then line order

    @property
    def approximate(self) -> bool:
        """The page qualifies the number (about, more than, nearly, ...): not exact."""
        return bool(self.qualifier)


@dataclass(frozen=True)
class Source:
    """A numbered page of a report."""

    number: int
    file: str
    title: str | None
    url: str | None
    retrieved: str | None
    kind: str | None
    lines: tuple[int, ...] = ()

    @property
    def link(self) -> str | None:
        """The address when it may become a link (http or https), else None."""
        return web_address(self.url)


def is_web_address(url: str | None) -> bool:
    """True for an absolute http(s) address with a host; `javascript:`, `data:` and relative
    addresses stay text."""
    return web_address(url) is not None


def line_runs(lines: Iterable[int]) -> str:
    """'7, 10–13, 22' from the line numbers 7, 10, 11, 12, 13, 22."""
    ordered = sorted(set(lines))
    runs: list[list[int]] = []
    for line in ordered:
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _text(value: object) -> str | None:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value).strip()
    return text or None


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _key(text: str | None) -> str | None:
    return " ".join(text.split()).casefold() if text else None


@dataclass
class Evidence:
    """The statements of a pair's roles (and of the US average) and their numbered sources."""

    role_ids: tuple[str, ...]
    statements: dict[tuple[str, str], list[Statement]]  # (role_id, metric) -> statements
    sources: list[Source]
    number_of: dict[str, int] = field(default_factory=dict)  # file -> source number
    not_shown: dict[str, int] = field(default_factory=dict)  # metric -> statements not shown

    @classmethod
    def from_tables(
        cls,
        facts: pd.DataFrame,
        role_ids: Sequence[str],
        pages: pd.DataFrame | None = None,
    ) -> Evidence:
        """Statements of `role_ids` (and of the US average where the report shows it)."""
        roles = tuple(role_ids)
        wanted = set(roles) | {US_AVERAGE}
        rows = facts[facts["role_id"].isin(wanted)]
        grouped: dict[tuple, list[tuple[str, int]]] = {}
        not_shown: dict[str, int] = {}
        for rec in rows.to_dict("records"):
            role_id, metric = str(rec["role_id"]), str(rec["metric"])
            shown = (
                metric in US_AVERAGE_METRICS
                if role_id == US_AVERAGE and role_id not in roles
                else metric in SHOWN_METRICS
            )
            if not shown:
                if role_id in roles:
                    not_shown[metric] = not_shown.get(metric, 0) + 1
                continue
            key = (
                role_id,
                metric,
                _text(rec.get("category")),
                _number(rec.get("value")),
                _text(rec.get("text")),
                _text(rec.get("unit")),
                _text(rec.get("statistic")),
                _text(rec.get("qualifier")),
                _text(rec.get("period")),
            )
            line = int(float(rec["line"])) if _number(rec.get("line")) is not None else 0
            grouped.setdefault(key, []).append((str(rec["source"]), line))
        statements: dict[tuple[str, str], list[Statement]] = {}
        lines_of: dict[str, set[int]] = {}
        for key, refs in grouped.items():
            refs = sorted(set(refs))
            statement = Statement(*key, refs=tuple(refs))
            statements.setdefault((statement.role_id, statement.metric), []).append(statement)
            for file, line in refs:
                lines_of.setdefault(file, set()).add(line)
        for found in statements.values():
            found.sort(key=lambda s: s.refs[0] if s.refs else ("", 0))  # stable: page order
        info = _page_info(pages)
        sources = [
            Source(number, file, *info.get(file, (None, None, None, None)), tuple(sorted(lines)))
            for number, (file, lines) in enumerate(sorted(lines_of.items()), start=1)
        ]
        return cls(
            roles, statements, sources, {s.file: s.number for s in sources}, not_shown=not_shown
        )

    # --- looking statements up ----------------------------------------------------------

    def of(self, role_id: str, metric: str, category: str | object | None = ...) -> list[Statement]:
        """The statements of a role's metric; with `category`, of that category only
        (compared case- and space-insensitively; None is the empty category)."""
        found = self.statements.get((role_id, metric), [])
        if category is ...:
            return list(found)
        wanted = _key(category)  # type: ignore[arg-type]
        return [s for s in found if _key(s.category) == wanted]

    def has(self, role_id: str, metric: str) -> bool:
        return bool(self.statements.get((role_id, metric)))

    def categories(self, role_id: str, metric: str) -> list[str]:
        """Distinct categories of a role's metric, in the order the pages state them."""
        seen: dict[str, str] = {}
        for s in self.statements.get((role_id, metric), []):
            if s.category and _key(s.category) not in seen:
                seen[_key(s.category)] = s.category  # type: ignore[index]
        return list(seen.values())

    def refs_of(self, role_id: str, metric: str, value: float | None = None) -> list[tuple]:
        """Every (source, line) stating the metric (or exactly `value` of it)."""
        return [
            ref
            for s in self.statements.get((role_id, metric), [])
            if value is None or (s.value is not None and s.value == value)
            for ref in s.refs
        ]

    def statistics(self, role_id: str, metric: str) -> set[str]:
        """The statistics the pages name for a role's metric (mean, median); empty if none."""
        return {s.statistic for s in self.statements.get((role_id, metric), []) if s.statistic}

    # --- citing -------------------------------------------------------------------------

    def numbers(self, refs: Iterable[tuple[str, int] | str]) -> list[int]:
        """The source numbers of `refs` ((file, line) pairs or 'file:line' strings), sorted."""
        out = set()
        for ref in refs:
            file = ref[0] if isinstance(ref, tuple) else str(ref).rsplit(":", 1)[0]
            if file in self.number_of:
                out.add(self.number_of[file])
        return sorted(out)

    def cite(self, refs: Iterable[tuple[str, int] | str]) -> str:
        """'[1, 3]' for the sources of `refs`; '' when none is a numbered source."""
        numbers = self.numbers(refs)
        return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""

    def source(self, number: int) -> Source:
        return self.sources[number - 1]

    def lines_by_source(self, refs: Iterable[tuple[str, int]]) -> list[tuple[int, str]]:
        """[(source number, '7, 10–13'), ...] for the appendix: lines after the number."""
        by: dict[int, set[int]] = {}
        for file, line in refs:
            if file in self.number_of:
                by.setdefault(self.number_of[file], set()).add(line)
        return [(n, line_runs(lines)) for n, lines in sorted(by.items())]


def _page_info(pages: pd.DataFrame | None) -> Mapping[str, tuple]:
    """file -> (title, url, retrieved, kind) from pages.csv (any column may be missing)."""
    if pages is None or pages.empty or "source" not in pages.columns:
        return {}
    out = {}
    for rec in pages.to_dict("records"):
        out[str(rec["source"])] = (
            _text(rec.get("title")),
            _text(rec.get("url")),
            _text(rec.get("retrieved")),
            _text(rec.get("kind")),
        )
    return out
