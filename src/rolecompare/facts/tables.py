"""Tidy tables from parsed pages: facts, roles, conflicts, problems and pages, and their loaders.

Facts keep every statement with its source and line; nothing is averaged or overwritten.
Statements of the same (role, metric, category) are compared like with like (same statistic
and period, see `agreement`); they agree when they could describe one true value as printed
("$20" and "$19.80"; "about 52,000" and "51,870"). Groups that do not agree are listed in
conflicts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from rolecompare.config import ProcessedFiles, processed_dir
from rolecompare.core.tables import read_table
from rolecompare.facts import schema, soc
from rolecompare.facts.agreement import comparable_groups, numbers_agree
from rolecompare.facts.parsing import PageResult, PendingSplit, Problem, RawFact
from rolecompare.facts.parsing.text import slugify
from rolecompare.facts.sources import SourceInfo
from rolecompare.facts.statements import (
    display_names,
    frame_of,
    key_mask,
    maybe_conflicting,
    named,
    ordered,
    per_name,
    raw_facts,
    results_frame,
    role_ids,
)
from rolecompare.facts.store import PageInfo

Key = tuple[str, str, str]  # role_id, metric, normalised category


@lru_cache(maxsize=65536)
def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def _key(fact: RawFact) -> Key:
    return slugify(fact.role), fact.metric, _norm(fact.category)


def facts_agree(facts: list[RawFact]) -> bool:
    """Same unit, numbers that can be one value, and the same text (case and spacing aside)
    where the text is the value (a degree, a city); beside a number of a number-only metric the
    text is the page's comment ("Faster than average") and may be worded differently."""
    numbered = [f for f in facts if f.printed is not None]
    texts = {_norm(f.text) for f in facts if f.text and _text_is_value(f.metric)}
    units = {f.unit for f in facts}
    return (
        numbers_agree([f.printed for f in numbered], [f.qualifier for f in numbered])
        and len(texts) <= 1
        and len(units) <= 1
    )


def _text_is_value(metric: str) -> bool:
    return metric in schema.metrics() and "text" in schema.metrics()[metric].value_kind


def _resolve_pending(
    pending: list[tuple[str, PendingSplit]], statements: pd.DataFrame
) -> tuple[list[tuple[str, RawFact]], list[tuple[str, Problem]]]:
    """Keep the one split of each ambiguous glued row that other statements confirm."""
    if not pending:
        return [], []
    wanted = {_key(f) for _, split in pending for cand in split.candidates for f in cand}
    evidence: dict[Key, list[RawFact]] = defaultdict(list)
    for _, fact in raw_facts(statements[key_mask(statements, wanted, _norm)]):
        evidence[_key(fact)].append(fact)
    chosen: list[tuple[str, RawFact]] = []
    problems: list[tuple[str, Problem]] = []
    for source, split in pending:
        scored = []
        for candidate in split.candidates:
            support = contradiction = 0
            for fact in candidate:
                known = evidence.get(_key(fact))
                if not known:
                    continue
                if any(facts_agree([fact, k]) for k in known):
                    support += 1
                else:
                    contradiction += 1
            scored.append((support, contradiction, candidate))
        best = max((s for s, c, _ in scored if c == 0), default=0)
        winners = [cand for s, c, cand in scored if c == 0 and s == best and s > 0]
        if len(winners) == 1:
            chosen.extend((source, fact) for fact in winners[0])
            continue
        options = " or ".join(
            " / ".join(f.printed or f.text or "-" for f in cand) for cand in split.candidates
        )
        problems.append(
            (
                source,
                Problem(
                    split.line,
                    f"{split.label!r} row {split.text!r} splits into two plausible values in "
                    f"several ways ({options}) and no other statement decides: skipped",
                ),
            )
        )
    return chosen, problems


def build_tables(
    results: list[PageResult],
    sources: dict[str, SourceInfo] | None = None,
    source_problems: Iterable[Problem] = (),
) -> dict[str, pd.DataFrame]:
    """facts, roles, conflicts, problems and pages (validated) from every parsed page.

    `sources` is what raw/sources.csv says of each page; `source_problems` its unusable rows.
    `facts` carries an extra `printed` column (the number exactly as printed) that the
    writer uses for `value`, so trailing zeros survive in facts.csv.
    """
    results = sorted(results, key=lambda r: r.source)
    pages = [PageInfo.of(r) for r in results]
    return tables_of(results_frame(results), pages, sources, source_problems)


def tables_of(
    statements: pd.DataFrame,
    pages: list[PageInfo],
    sources: dict[str, SourceInfo] | None = None,
    source_problems: Iterable[Problem] = (),
    *,
    checked: bool = False,
) -> dict[str, pd.DataFrame]:
    """`build_tables` from the pages' statements as one frame (`facts.statements`, in page
    order, pages sorted by source) and what else each page said (`pages`, in that order).
    `checked`: the statements were checked as their pages were read (`check_statements`)."""
    statements, problems, resolved = _gather(statements, pages)
    problems += [("sources.csv", p) for p in source_problems]
    statements = ordered(statements)
    ids = role_ids(statements)
    problems += ids.collisions
    id_col = per_name(statements["role"], ids)
    names = display_names(statements, id_col)
    problems.sort(key=lambda sp: (sp[0], sp[1].line))
    return {
        "facts": _facts_frame(statements, id_col, names, checked and not resolved),
        "roles": _roles_frame(statements, id_col, names),
        "conflicts": find_conflicts(statements, id_col, names),
        "problems": _problems_frame(problems),
        "pages": pages_table(pages, statements, problems, sources or {}, ids),
    }


def _gather(
    statements: pd.DataFrame, pages: list[PageInfo]
) -> tuple[pd.DataFrame, list[tuple[str, Problem]], bool]:
    """Every page's statements (pending splits resolved, nameless roles dropped), problems,
    and whether glued rows were resolved (statements not checked as their page was read)."""
    pending = [(r.source, p) for r in pages for p in r.pending]
    problems = [(r.source, p) for r in pages for p in r.problems]
    resolved, unresolved = _resolve_pending(pending, statements)
    if resolved:
        statements = pd.concat([statements, frame_of(resolved)], ignore_index=True)
    problems += unresolved
    # a statement whose role name is only punctuation names no role at all
    has_name = named(statements)
    problems += [
        (row.source, Problem(row.line, f"{row.metric} is stated for a role with no name: skipped"))
        for row in statements[~has_name].itertuples(index=False)
    ]
    if has_name.all():  # the usual case: no copy
        return statements, problems, bool(resolved)
    return statements[has_name].reset_index(drop=True), problems, bool(resolved)


def _facts_frame(
    statements: pd.DataFrame, ids: pd.Series, names: dict[str, str], checked: bool = False
) -> pd.DataFrame:
    """The facts table, built column by column. `checked`: every statement was checked
    when its page was first read (`check_statements`) and role ids are checked in the roles
    table, so the columns are used as they are (no copy of millions of rows)."""
    columns = {"role_id": ids, "role": ids.map(names)}
    for name in ("metric", "category", "value", "text", "unit", "statistic", "qualifier"):
        columns[name] = statements[name]
    columns |= {name: statements[name] for name in ("period", "source", "line")}
    frame = pd.DataFrame(columns, columns=schema.columns("facts"), copy=False)
    facts_df = frame if checked else schema.validate("facts", frame)
    facts_df["printed"] = statements["printed"].to_numpy()
    return facts_df


def check_statements(statements: pd.DataFrame) -> None:
    """The facts schema's checks of what pages state (metric, statistic, qualifier, line,
    types), on new pages' statements before they are kept (pandera's SchemaErrors)."""
    ids = per_name(statements["role"], slugify)
    _facts_frame(statements, ids, {rid: rid for rid in set(ids)})


def _roles_frame(statements: pd.DataFrame, ids: pd.Series, names: dict[str, str]) -> pd.DataFrame:
    stated = pd.DataFrame({"role_id": ids, "source": statements["source"]})
    n_facts = stated.groupby("role_id", sort=True).size()
    pages = stated.drop_duplicates().sort_values(["role_id", "source"])
    joined = pages.groupby("role_id", sort=True)["source"].agg("; ".join)
    role_ids = list(n_facts.index)
    socs = [_soc_columns(names[rid]) for rid in role_ids]
    columns = {
        "role_id": role_ids,
        "role": [names[rid] for rid in role_ids],
        "n_facts": n_facts.to_numpy(),
        "sources": joined.reindex(n_facts.index).to_numpy(),
    }
    for name in ("soc_code", "soc_title", "soc_match"):
        columns[name] = [soc[name] for soc in socs]
    frame = pd.DataFrame(columns, columns=schema.columns("roles"))
    return schema.validate("roles", frame)


def _problems_frame(problems: list[tuple[str, Problem]]) -> pd.DataFrame:
    rows = {
        "source": [s for s, _ in problems],
        "line": [p.line for _, p in problems],
        "problem": [p.message for _, p in problems],
    }
    return schema.validate("problems", pd.DataFrame(rows, columns=schema.columns("problems")))


def _soc_columns(name: str) -> dict[str, str | None]:
    """soc_code, soc_title and soc_match of a role: blank unless its name links with certainty."""
    found = soc.link(name)
    if found is None:
        return {"soc_code": None, "soc_title": None, "soc_match": None}
    return {"soc_code": found.code, "soc_title": found.title, "soc_match": found.match}


def pages_table(
    pages: list[PageInfo],
    statements: pd.DataFrame,
    problems: list[tuple[str, Problem]],
    sources: dict[str, SourceInfo],
    role_id: Callable[[str], str] = slugify,
) -> pd.DataFrame:
    """One row per page: its kind, the pair it compares, counts, and what sources.csv says."""
    n_facts = statements["source"].value_counts().to_dict()
    n_problems = Counter(source for source, _ in problems)
    rows = []
    for page in pages:
        info = sources.get(page.source, SourceInfo())
        pair = page.compares
        ids = (role_id(pair[0]), role_id(pair[1])) if pair else (None, None)
        rows.append(
            {
                "source": page.source,
                "kind": page.kind,
                "role_a": ids[0] if ids[0] != ids[1] else None,
                "role_b": ids[1] if ids[0] != ids[1] else None,
                "n_facts": n_facts.get(page.source, 0),
                "n_problems": n_problems[page.source],
                "title": info.title,
                "url": info.url,
                "retrieved": info.retrieved,
            }
        )
    return schema.validate("pages", pd.DataFrame(rows, columns=schema.columns("pages")))


def _describe(fact: RawFact) -> str:
    number = fact.printed
    if number is not None and fact.qualifier:
        number = f"{fact.qualifier} {number}"
    if number is not None and fact.text:
        return f"{fact.text}, {number}"
    return number if number is not None else (fact.text or "")


def find_conflicts(statements: pd.DataFrame, ids: pd.Series, names: dict[str, str]) -> pd.DataFrame:
    """Keys whose statements, compared like with like, cannot describe one value."""
    passage = [name for name, m in schema.metrics().items() if m.is_passage]
    # pages word passages differently by nature; a key stated once, or identically
    # everywhere (the usual case), is left out by maybe_conflicting
    compared = ~statements["metric"].isin(passage).to_numpy()
    at, categories = maybe_conflicting(statements, ids, _norm, compared)
    rows_of = statements.iloc[at]
    keyed: dict[Key, list[tuple[str, RawFact]]] = defaultdict(list)
    keys = zip(ids.to_numpy()[at], rows_of["metric"], categories, strict=True)
    for key, statement in zip(keys, raw_facts(rows_of), strict=True):
        keyed[key].append(statement)
    rows = []
    for (role_id, metric, _), statements_of in sorted(keyed.items()):
        groups = comparable_groups(
            statements_of,
            [f.statistic for _, f in statements_of],
            [f.period for _, f in statements_of],
        )
        for (statistic, period), members in sorted(groups.items()):
            if not facts_agree([f for _, f in members]):
                rows.append(
                    _conflict_row(role_id, names[role_id], metric, statistic, period, members)
                )
    return schema.validate("conflicts", pd.DataFrame(rows, columns=schema.columns("conflicts")))


def _conflict_row(
    role_id: str,
    role: str,
    metric: str,
    statistic: str,
    period: str,
    members: list[tuple[str, RawFact]],
) -> dict[str, object]:
    stated: dict[str, list[str]] = defaultdict(list)
    for source, fact in members:
        stated[_describe(fact)].append(f"{source}:{fact.line}")
    numbers = [f.value for _, f in members if f.value is not None]
    return {
        "role_id": role_id,
        "role": role,
        "metric": metric,
        "category": members[0][1].category,
        "unit": "; ".join(sorted({f.unit for _, f in members if f.unit})) or None,
        "statistic": statistic or None,
        "period": period or None,
        "n_values": len(stated),
        "min_value": min(numbers) if numbers else None,
        "max_value": max(numbers) if numbers else None,
        "values": "; ".join(f"{v} ({', '.join(where)})" for v, where in stated.items()),
    }


# --- loading, for notebooks and later stages -------------------------------------------------


_NUMERIC = {
    "facts": ("value", "line"),
    "roles": ("n_facts",),
    "conflicts": ("n_values", "min_value", "max_value"),
    "problems": ("line",),
    "pages": ("n_facts", "n_problems"),
}


def _read(table: str, folder: Path | str | None, validate: bool = True) -> pd.DataFrame:
    files = ProcessedFiles(processed_dir(folder))
    path = getattr(files, table)
    if not path.is_file() and not path.with_suffix(".parquet").is_file():
        raise FileNotFoundError(
            f"{path} does not exist: run `rolecompare ingest` first (for another folder of "
            f"pages: `rolecompare ingest --raw DIR`, then load from the folder it names)"
        )
    # as text: page text such as "NA" or "None" is a value, only "" is missing
    frame = read_table(files.folder, table)
    if validate:
        return schema.validate(table, frame)
    for column in _NUMERIC.get(table, ()):  # what the analysis computes with
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def load_facts(folder: Path | str | None = None, *, validate: bool = True) -> pd.DataFrame:
    """facts.csv as a DataFrame checked by its pandera schema.

    `folder` defaults to the project's data/processed (`config.processed_dir`), found from
    the package, not the working directory. `validate=False` skips the schema check (a
    large collection loads several times faster) and only makes `value` and `line` numeric.
    """
    return _read("facts", folder, validate)


def load_roles(folder: Path | str | None = None, *, validate: bool = True) -> pd.DataFrame:
    """roles.csv: one row per role (id, display name, number of facts, pages)."""
    return _read("roles", folder, validate)


def load_conflicts(folder: Path | str | None = None, *, validate: bool = True) -> pd.DataFrame:
    """conflicts.csv: one row per (role, metric, category, statistic, period) whose sources
    disagree, with every stated value and where it is stated."""
    return _read("conflicts", folder, validate)


def load_problems(folder: Path | str | None = None, *, validate: bool = True) -> pd.DataFrame:
    """problems.csv: what the parser could not read, as source, line and message."""
    return _read("problems", folder, validate)


def load_pages(folder: Path | str | None = None, *, validate: bool = True) -> pd.DataFrame:
    """pages.csv: one row per raw page (kind, compared pair, title and address)."""
    return _read("pages", folder, validate)
