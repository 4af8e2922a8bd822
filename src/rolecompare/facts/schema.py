"""Table schemas, built from the field and metric metadata in `metadata/` (schemas are data).

`metadata/fields.csv` lists every column of every table with its type and meaning;
`metadata/metrics.csv` lists the metric vocabulary with unit, category meaning and the
plausible range that the page parser also uses to split glued table cells;
`metadata/vocabularies.csv` lists the values the `statistic`, `qualifier` and page `kind`
columns may take.
The same two files generate the data contract in the README (`rolecompare schema`).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rolecompare.config import METADATA_DIR

if TYPE_CHECKING:  # pandas and pandera load on first validation: the parser needs neither
    import pandas as pd
    import pandera.pandas as pa

TABLES = ("facts", "roles", "conflicts", "problems", "pages")


@dataclass(frozen=True)
class Metric:
    name: str
    value_kind: str  # "number", "text", "number+text", or "passage" (a page's own words)
    unit: str  # "<currency>/year" when the page's currency decides
    category: str  # what the category column holds for this metric, "" if unused
    low: float
    high: float
    description: str

    @property
    def has_number(self) -> bool:
        return "number" in self.value_kind

    @property
    def is_passage(self) -> bool:
        """Descriptions and listed duties: quoted, never compared between pages."""
        return self.value_kind == "passage"

    def plausible(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Field:
    table: str
    name: str
    dtype: str
    nullable: bool
    unit: str
    description: str


def _read_csv(name: str) -> list[dict[str, str]]:
    with (METADATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def metrics() -> dict[str, Metric]:
    """The metric vocabulary, in documentation order."""
    out: dict[str, Metric] = {}
    for row in _read_csv("metrics.csv"):
        out[row["metric"]] = Metric(
            name=row["metric"],
            value_kind=row["value_kind"],
            unit=row["unit"],
            category=row["category"],
            low=float(row["low"]) if row["low"] else -math.inf,
            high=float(row["high"]) if row["high"] else math.inf,
            description=row["description"],
        )
    return out


@cache
def fields(table: str) -> list[Field]:
    rows = [r for r in _read_csv("fields.csv") if r["table"] == table]
    if not rows:
        raise KeyError(f"no fields for table {table!r}")
    return [
        Field(
            table=r["table"],
            name=r["field"],
            dtype=r["dtype"],
            nullable=r["nullable"] == "true",
            unit=r["unit"],
            description=r["description"],
        )
        for r in rows
    ]


@cache
def vocabulary(field: str) -> dict[str, str]:
    """The allowed values of a coded column (statistic, qualifier, kind) and their meaning."""
    found = {r["value"]: r["meaning"] for r in _read_csv("vocabularies.csv") if r["field"] == field}
    if not found:
        raise KeyError(f"no vocabulary for {field!r}")
    return found


def columns(table: str) -> list[str]:
    return [f.name for f in fields(table)]


_DTYPES = {"str": str, "int": "int64", "float": float}


def _extra_checks(table: str, name: str) -> list[pa.Check]:
    import pandera.pandas as pa

    if name == "metric":
        return [pa.Check.isin(list(metrics()))]
    if name in {"statistic", "qualifier", "kind", "soc_match"}:
        return [pa.Check.isin(list(vocabulary(name)))]
    if name == "line":
        return [pa.Check.ge(0)]
    if name in {"role_id", "role_a", "role_b"}:
        return [pa.Check.str_matches(r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    return []


@cache
def schema(table: str) -> pa.DataFrameSchema:
    """The pandera schema of one output table, exactly its documented columns in order."""
    import pandera.pandas as pa

    cols = {
        f.name: pa.Column(
            _DTYPES[f.dtype],
            nullable=f.nullable,
            coerce=True,
            checks=_extra_checks(table, f.name),
            description=f.description,
        )
        for f in fields(table)
    }
    return pa.DataFrameSchema(cols, strict=True, ordered=True, name=table)


def validate(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate (and coerce) a table at a boundary; pandera's SchemaErrors lists every failure."""
    return schema(table).validate(frame, lazy=True)


def empty(table: str) -> pd.DataFrame:
    import pandas as pd

    return validate(table, pd.DataFrame({c: [] for c in columns(table)}))


def contract_markdown() -> str:
    """The README's data contract: the tables' fields and the metric vocabulary."""
    lines: list[str] = []
    for table in TABLES:
        lines += [
            f"#### `{table}.csv`",
            "",
            "| column | type | unit | meaning |",
            "|---|---|---|---|",
        ]
        for f in fields(table):
            typ = f.dtype + ("" if not f.nullable else ", may be empty")
            lines.append(f"| `{f.name}` | {typ} | {f.unit} | {f.description} |")
        lines.append("")
    for field, title in (
        ("statistic", "Statistics"),
        ("qualifier", "Qualifiers"),
        ("kind", "Page kinds"),
        ("soc_match", "SOC links"),
    ):
        lines += [f"#### {title} (`{field}`)", "", "| value | meaning |", "|---|---|"]
        lines += [f"| `{value}` | {meaning} |" for value, meaning in vocabulary(field).items()]
        lines.append("")
    lines += [
        "#### Metrics",
        "",
        "| metric | value | unit | category | plausible range | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for m in metrics().values():
        rng = f"{m.low:g} to {m.high:g}" if m.has_number else ""
        lines.append(
            f"| `{m.name}` | {m.value_kind} | {m.unit} | {m.category} | {rng} | {m.description} |"
        )
    return "\n".join(lines) + "\n"
