"""What the site shows, computed once for all its pages: pair rows, role rows, each role's
numbers, conflicts and pages.

A pair's key numbers (pay gap, race dissimilarity) are those its report computed, kept in
the manifest when it was built (`workers.key_numbers`); a role's numbers are resolved for
the whole collection at once (`analysis.resolved_numbers`, grouped pandas operations).
Every text here is plain, untrusted text: the templates escape it. Links are only ever made
from role ids and pair folders that match their patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

import pandas as pd

from rolecompare import analysis
from rolecompare.building.collection import Collection
from rolecompare.building.paths import role_page
from rolecompare.building.site import formatting as fmt

PAIR_FOLDER = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)__vs__([a-z0-9]+(?:-[a-z0-9]+)*)$")
ROLE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SOURCES = 6  # sources listed per number on a role page; the rest are counted
MAX_CONFLICTS_LISTED = 200  # on the index; beyond, each role's page lists its own
REPORT_FILES = (("report.html", "HTML"), ("report.pdf", "PDF"))


def role_href(role_id: str, prefix: str = "") -> str | None:
    return f"{prefix}{quote(role_page(role_id))}" if ROLE_ID.match(role_id) else None


@dataclass(frozen=True)
class PairRow:
    folder: str
    role_a: str
    role_b: str
    name_a: str
    name_b: str
    status: str
    numbers: dict
    built_at: str
    files: tuple[str, ...]
    error: str | None = None
    failed_cell: str | None = None
    inputs: str = ""
    context_drawn: str = ""

    def gap(self, role: str | None = None) -> tuple[float | None, float | None]:
        """Yearly gap low, high: role_a minus role_b, or `role` minus the other one."""
        low, high = self.numbers.get("yearly_gap_low"), self.numbers.get("yearly_gap_high")
        if not (fmt.is_number(low) and fmt.is_number(high)):
            return None, None
        return (-high, -low) if role == self.role_b else (low, high)

    def gap_percent(self, role: str | None = None) -> tuple[float | None, float | None]:
        low = self.numbers.get("yearly_gap_percent_low")
        high = self.numbers.get("yearly_gap_percent_high")
        if not (fmt.is_number(low) and fmt.is_number(high)):
            return None, None
        return (-high, -low) if role == self.role_b else (low, high)

    @property
    def race(self) -> float | None:
        value = self.numbers.get("race_dissimilarity")
        return value if fmt.is_number(value) else None

    def links(self, prefix: str = "") -> list[tuple[str, str]]:
        """(href, label) of the report files present; the notebook of a failed pair."""
        base = prefix + quote(self.folder)
        out = [(f"{base}/{name}", label) for name, label in REPORT_FILES if name in self.files]
        if self.status != "ok" and "report.ipynb" in self.files:
            out.append((f"{base}/report.ipynb", "notebook"))
        return out

    def other(self, role: str) -> tuple[str, str]:
        return (self.role_b, self.name_b) if role == self.role_a else (self.role_a, self.name_a)


@dataclass
class RoleRow:
    role_id: str
    name: str
    salary_low: float | None = None  # yearly salary as stated (a range where sources disagree)
    salary_high: float | None = None
    range_low: float | None = None  # the published salary range (salary_min, salary_max)
    range_high: float | None = None
    experience: float | None = None
    n_conflicts: int = 0
    sources: tuple[str, ...] = ()
    pairs: list[PairRow] = field(default_factory=list)
    soc_code: str | None = None  # the SOC 2018 occupation the role links to (roles.csv)
    soc_title: str | None = None

    @property
    def href(self) -> str | None:
        return role_href(self.role_id)

    @property
    def salary_mid(self) -> float | None:
        if fmt.is_number(self.salary_low) and fmt.is_number(self.salary_high):
            return (self.salary_low + self.salary_high) / 2
        return None


@dataclass
class SiteData:
    pairs: list[PairRow]
    roles: dict[str, RoleRow]
    numbers: dict[str, list[dict]]  # role_id -> its resolved numbers (rows as dicts)
    texts: dict[str, list[dict]]  # role_id -> its text facts
    conflicts: dict[str, list[dict]]  # role_id -> its conflicts rows
    pages: dict[str, dict]  # source -> its pages.csv row
    n_conflicts: int = 0
    conflict_rows: list[dict] = field(default_factory=list)  # every one, when few

    @property
    def conflict_roles(self) -> int:
        return len(self.conflicts)


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as dicts, missing cells as None (column lists zipped: a DataFrame's own row
    iteration costs a hundred times more)."""
    present = [c for c in columns if c in frame.columns]
    values = [[None if v is None or v != v else v for v in frame[c].tolist()] for c in present]
    return [dict(zip(present, row, strict=True)) for row in zip(*values, strict=True)]


def _by_role(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(str(row["role_id"]), []).append(row)
    return out


def _text(value: object) -> str | None:
    return None if value is None or value == "" or value != value else str(value)


def pair_rows(records: dict[str, dict], names: dict[str, str]) -> list[PairRow]:
    """One row per pair the manifest lists whose two roles are still in the collection."""
    rows = []
    for folder, record in records.items():
        match = PAIR_FOLDER.match(folder)
        if not match or match.group(1) not in names or match.group(2) not in names:
            continue
        a, b = match.groups()
        rows.append(
            PairRow(
                folder=folder,
                role_a=a,
                role_b=b,
                name_a=names[a],
                name_b=names[b],
                status=str(record.get("status") or "unknown"),
                numbers=record.get("numbers") or {},
                built_at=str(record.get("built_at") or ""),
                files=tuple(sorted(record.get("files") or ())),
                error=_text(record.get("error")),
                failed_cell=_text(record.get("failed_cell")),
                inputs=str(record.get("inputs") or "")[:12],
                context_drawn=str(record.get("context_drawn") or ""),
            )
        )
    return sorted(rows, key=lambda r: (r.role_a, r.role_b))


STATISTIC_ORDER = {"": 0, "mean": 1, "median": 2}


def _plain_numbers(resolved: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    """Per role and metric (no category): low and high, the page's own statistic first."""
    rows = resolved[resolved["metric"].isin(metrics) & resolved["category"].isna()].copy()
    rows["order"] = rows["statistic"].fillna("").map(STATISTIC_ORDER).fillna(3)
    rows = rows.sort_values(["role_id", "metric", "order"]).drop_duplicates(["role_id", "metric"])
    return rows.set_index(["role_id", "metric"])[["low", "high"]]


def _mid(low: float | None, high: float | None) -> float | None:
    return None if low is None or high is None else (low + high) / 2


def _text(value: object) -> str | None:
    """A cell of a text table, None where empty (read as NaN)."""
    return value if isinstance(value, str) and value else None


def _role_rows(
    collection: Collection, resolved: pd.DataFrame, names: dict[str, str]
) -> dict[str, RoleRow]:
    """A row per role: its salary, published range, experience, SOC code, conflicts and
    sources."""
    plain = _plain_numbers(resolved, SUMMARY_METRICS)
    # one dict per (metric, low|high) column: a few look-ups per role, no per-role scans
    wide = plain.unstack("metric")
    role_ids = wide.index.tolist()
    columns = {
        key: {
            role: float(v)
            for role, v in zip(role_ids, wide[key].tolist(), strict=True)
            if fmt.is_number(v)
        }
        for key in wide.columns
    }

    def value(role: str, metric: str, column: str) -> float | None:
        return columns.get((column, metric), {}).get(role)

    conflict_counts = collection.conflicts["role_id"].value_counts()
    ids = collection.roles["role_id"].tolist()  # lists: Arrow-backed cells iterate slowly
    sources = dict(zip(ids, collection.roles["sources"].tolist(), strict=True))
    soc = {
        column: dict(zip(ids, collection.roles[column].tolist(), strict=True))
        for column in ("soc_code", "soc_title")
        if column in collection.roles
    }
    roles = {}
    for role_id, name in names.items():  # a few attribute look-ups per role, no scans
        roles[role_id] = RoleRow(
            role_id=role_id,
            name=name,
            salary_low=value(role_id, "salary_yearly", "low"),
            salary_high=value(role_id, "salary_yearly", "high"),
            range_low=value(role_id, "salary_min", "low"),
            range_high=value(role_id, "salary_max", "high"),
            experience=_mid(
                value(role_id, "experience_years", "low"),
                value(role_id, "experience_years", "high"),
            ),
            n_conflicts=int(conflict_counts.get(role_id, 0)),
            sources=tuple(s for s in str(sources.get(role_id) or "").split("; ") if s),
            soc_code=_text(soc.get("soc_code", {}).get(role_id)),
            soc_title=_text(soc.get("soc_title", {}).get(role_id)),
        )
    return roles


SUMMARY_METRICS = ["salary_yearly", "salary_min", "salary_max", "experience_years"]
NUMBER_COLUMNS = ["role_id", "metric", "category", "statistic", "unit", "value", "low", "high",
                  "conflict", "sources"]  # fmt: skip
TEXT_COLUMNS = ["role_id", "metric", "category", "text", "source", "line"]


def site_data(collection: Collection, records: dict[str, dict]) -> SiteData:
    """Pairs, role rows, conflicts and pages; each role's own numbers and texts (what only its
    page shows) are added by `add_details` for the pages that are rendered."""
    names = {r: collection.names.get(r, r) for r in collection.role_ids}
    pairs = pair_rows(records, names)
    facts = collection.facts
    # a role's row needs four metrics: resolving only those is exact (keys are per metric)
    summary = facts[facts["metric"].isin(SUMMARY_METRICS) & facts["role_id"].isin(names)]
    resolved = analysis.resolved_numbers(summary, collection.conflicts)
    roles = _role_rows(collection, resolved, names)
    for pair in pairs:
        roles[pair.role_a].pairs.append(pair)
        roles[pair.role_b].pairs.append(pair)
    conflict_columns = ["role_id", "role", "metric", "category", "values"]
    conflicts = _records(collection.conflicts, conflict_columns)
    pages = _records(collection.pages, ["source", "kind", "title", "url", "retrieved"])
    return SiteData(
        pairs=pairs,
        roles=roles,
        numbers={},
        texts={},
        conflicts=_by_role(conflicts),
        pages={str(p["source"]): p for p in pages},
        n_conflicts=len(conflicts),
        conflict_rows=conflicts if len(conflicts) <= MAX_CONFLICTS_LISTED else [],
    )


def add_details(data: SiteData, collection: Collection, role_ids: set[str]) -> None:
    """The resolved numbers and text facts of `role_ids` into `data` (replacing those of the
    roles before): only for the role pages being rendered, a chunk at a time (resolving is per
    role, so a role's rows are the same whichever roles are resolved with it)."""
    facts = collection.facts
    mine = facts[facts["role_id"].isin(list(role_ids))]
    resolved = analysis.resolved_numbers(mine, collection.conflicts)
    text_rows = mine[mine["value"].isna() & mine["text"].notna()]
    data.numbers = _by_role(_records(resolved, NUMBER_COLUMNS))
    data.texts = _by_role(_records(text_rows, TEXT_COLUMNS))


def shown_sources(sources: str) -> tuple[list[str], int]:
    """At most MAX_SOURCES 'file:line' references, and how many more there are."""
    refs = [s for s in str(sources or "").split("; ") if s]
    return refs[:MAX_SOURCES], max(0, len(refs) - MAX_SOURCES)
