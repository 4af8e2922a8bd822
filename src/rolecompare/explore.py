"""One call per question, for analysts: `compare`, `roles_table`, `rank`, `role_id`,
`mark_derived`.

Each function reads the tables of a processed folder (default: the project's data/processed,
wherever Python runs from), accepts role ids or names as the CLI does, and returns a pandas
DataFrame of stated values, conflicts as low/high ranges with their sources, and derived
numbers (differences, percents) in columns named so and listed in `frame.attrs["derived"]`.
Nothing is averaged. The pure functions underneath (`rolecompare.analysis`) take the
DataFrames themselves.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from rolecompare import analysis
from rolecompare.analysis import US_AVERAGE
from rolecompare.config import ProcessedFiles, processed_dir
from rolecompare.core.roles import resolve_role


@lru_cache(maxsize=4)
def _tables_cached(folder: str, stamp: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    from rolecompare.facts import schema
    from rolecompare.facts.tables import load_conflicts

    files = ProcessedFiles(Path(folder))
    if not files.facts.is_file():
        raise FileNotFoundError(
            f"{files.facts} does not exist: run `rolecompare ingest` first (for another folder "
            "of pages: `rolecompare ingest --raw DIR`, then pass the folder it names)"
        )
    raw = pd.read_csv(files.facts, keep_default_na=False, na_values=[""], dtype=str)
    facts = schema.validate("facts", raw.copy())
    facts["printed"] = raw["value"]  # the number as the page printed it (19.80 stays 19.80)
    return facts, load_conflicts(folder)


def _stamp(folder: Path) -> tuple:
    """What tells a cached table from a rewritten one: sizes and times of the files."""
    files = ProcessedFiles(folder)
    out = []
    for path in (files.facts, files.conflicts):
        try:
            stat = path.stat()
            out.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def tables(processed: Path | str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts, conflicts) of a processed folder, validated; cached until the files change.

    facts carries an extra `printed` column: each number as the page printed it.
    """
    folder = processed_dir(processed).resolve()
    facts, conflicts = _tables_cached(str(folder), _stamp(folder))
    return facts.copy(), conflicts.copy()


def role_id(name: str, facts: pd.DataFrame) -> str:
    """The role id of what a user typed: an id, a name ('Customer care manager'), any case.

    Raises UnknownRole naming the closest known roles (`core.roles.resolve_role`, as the CLI).
    """
    names = analysis.role_names(facts)
    known = {r: names.get(r, r) for r in analysis.known_roles(facts)}
    return resolve_role(str(name), known, benchmarks=True)


class Comparison(pd.DataFrame):
    """The DataFrame `compare` returns: every column of `analysis.compare_roles`, printed as
    a short table (metric, each role as printed, the derived difference and percent).

    Slicing or computing on it gives plain DataFrames; `.shown()` is the short table.
    """

    @property
    def _constructor(self):
        return pd.DataFrame

    def shown(self) -> pd.DataFrame:
        """The short table: one row per metric, values as printed, derived numbers marked."""
        names = self.attrs.get("names", ("a", "b"))
        called = dict(zip(self.attrs.get("roles", ()), names, strict=False))
        out = pd.DataFrame(
            {
                "metric": [_label(m, c, s) for m, c, s in zip(*_columns(self), strict=True)],
                names[0]: self["a"].fillna("-").to_numpy(),
                names[1]: self["b"].fillna("-").to_numpy(),
                "difference (derived)": [_difference_text(r) for r in self.to_dict("records")],
                "percent (derived)": [_percent_text(r, called) for r in self.to_dict("records")],
                "unit": self["unit"].fillna("").to_numpy(),
                "note": [_note(r) for r in self.to_dict("records")],
            }
        )
        return out

    def __repr__(self) -> str:
        names = self.attrs.get("names", ("a", "b"))
        head = (
            f"{names[0]} vs {names[1]}: {len(self)} rows, shown short (all {len(self.columns)} "
            "columns, e.g. a_low, a_high, sources_a: see .columns)"
        )
        return f"{head}\n{self.shown().to_string(index=False)}"

    def _repr_html_(self) -> str:
        names = self.attrs.get("names", ("a", "b"))
        return f"<p><b>{_html(names[0])} vs {_html(names[1])}</b></p>" + self.shown().to_html(
            index=False, escape=True
        )


def _html(text: object) -> str:
    import html

    return html.escape(str(text))


def _columns(frame: pd.DataFrame):
    return frame["metric"], frame["category"], frame["statistic"]


def _label(metric: str, category: object, statistic: object) -> str:
    label = metric
    if isinstance(category, str) and category:
        label += f" [{category}]"
    if isinstance(statistic, str) and statistic:
        label += f" ({analysis.statistic_word(statistic)})"
    return label


def _number_text(value: float, unit: str, signed: bool = True) -> str:
    if unit.endswith("/year") or unit.endswith("/hour"):
        return analysis.money_text(value, unit, signed=signed)
    if unit == "percentage points":
        return analysis.points_text(value, signed=signed)
    if unit == "years":
        return analysis.years_text(value, signed=signed)
    if unit == "months":
        return f"{analysis.years_number(value, signed=signed)} {unit}"
    return ("+" if signed and value > 0 else "") + analysis.plain_number(value)


def _difference_text(row: dict) -> str:
    low, high = row["difference_low"], row["difference_high"]
    if not isinstance(low, float) or math.isnan(low):
        return ""
    unit = row["difference_unit"] or ""
    if low == high:
        return _number_text(low, unit)
    return f"{_number_text(low, unit)} to {_number_text(high, unit)}"


def _percent_text(row: dict, names: dict[str, str]) -> str:
    low, high = row["percent_low"], row["percent_high"]
    if not isinstance(low, float) or math.isnan(low):
        return ""
    base = row["percent_base"]
    of = f" of {names.get(base, base)}" if base else ""
    if row["difference_low"] == row["difference_high"]:
        return analysis.percent_text(low, signed=True) + of
    return (
        f"{analysis.percent_text(low, signed=True)} to {analysis.percent_text(high, signed=True)}"
    )


def _note(row: dict) -> str:
    notes = [row["note"]] if row["note"] else []
    if row["conflict"]:
        notes.append(f"sources disagree ({row['conflict']})")
    if row["approximate"]:
        notes.append("approximate")
    if row["period"]:
        notes.append(row["period"])
    return "; ".join(notes)


def mark_derived(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a result with each DERIVED column (listed in `frame.attrs["derived"]`)
    renamed `<column> (derived)`, for showing: no number a page does not state goes
    unmarked."""
    derived = set(frame.attrs.get("derived", ()))
    return frame.rename(columns={c: f"{c} (derived)" for c in frame.columns if c in derived})


def compare(role_a: str, role_b: str, processed: Path | str | None = None) -> Comparison:
    """Two roles side by side: one row per metric (and category) either states.

    Columns (see `analysis.compare_roles`): metric, category, statistic, period, unit; `a`
    and `b`, each role's value as printed ("58,913 / 66,782" where its sources disagree)
    with `a_low`/`a_high`, `b_low`/`b_high`; the DERIVED `difference` (a - b) and `percent`
    (of the lower value, named in `percent_base`), NaN where they depend on the source and
    bounded by their `_low`/`_high`; `conflict`, `approximate`, `note`; `sources_a`,
    `sources_b` (file:line). Role ids or names; an unknown one raises UnknownRole naming the
    closest roles. `processed`: a folder of ingested tables (default: data/processed).
    """
    facts, conflicts = tables(processed)
    a, b = role_id(role_a, facts), role_id(role_b, facts)
    frame = analysis.compare_roles(facts, conflicts, a, b)
    names = analysis.role_names(facts)
    result = Comparison(frame)
    result.attrs.update(frame.attrs)
    result.attrs["names"] = (names.get(a, a), names.get(b, b))
    return result


def roles_table(processed: Path | str | None = None) -> pd.DataFrame:
    """One row per role, one column per numeric metric (see `analysis.roles_table`).

    `<metric>` is the stated value, NaN where the sources disagree; `<metric>_low` /
    `<metric>_high` hold the smallest and largest statement; medians have their own
    `<metric>_median` columns; `conflicts` and `approximate` name the metrics concerned.
    Never an average of repeated or conflicting statements. `soc_code`, `soc_title` and
    `soc_match` (from roles.csv) name the SOC 2018 occupation a role links to with certainty;
    `soc_major_group` is the code's first two digits ('29': healthcare practitioners).
    """
    facts, conflicts = tables(processed)
    table = analysis.roles_table(facts, conflicts)
    return _with_soc(table, processed_dir(processed).resolve())


SOC_COLUMNS = ["soc_code", "soc_title", "soc_match"]


def _with_soc(table: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """The roles table with roles.csv's SOC columns after `role` (empty where unlinked)."""
    from rolecompare.facts.tables import load_roles

    # not validated: roles.csv of an ingest older than the SOC columns still gives the table
    roles = load_roles(folder, validate=False) if ProcessedFiles(folder).roles.is_file() else None
    at = table.columns.get_loc("role") + 1
    for offset, column in enumerate([*SOC_COLUMNS, "soc_major_group"]):
        if column == "soc_major_group":
            values = table["soc_code"].str[:2]
        elif roles is not None and column in roles:
            values = table["role_id"].map(roles.set_index("role_id")[column])
        else:
            values = pd.Series(None, index=table.index, dtype=object)
        table.insert(at + offset, column, values.astype(object).where(values.notna(), None))
    return table


def rank(
    metric: str = "salary_yearly",
    processed: Path | str | None = None,
    *,
    against: str = US_AVERAGE,
) -> pd.DataFrame:
    """Every role against the US average (or the role `against`), like with like, ranked by
    what every source supports (see `analysis.rank_against`); differences and percents are
    DERIVED."""
    facts, conflicts = tables(processed)
    target = against if against == US_AVERAGE else role_id(against, facts)
    return analysis.rank_against(facts, conflicts, metric, target)
