"""Comparison tables: a header naming two roles, then one row per metric with a cell per role.

Three shapes are read, detected from the content of each line:
- separated by `|` (the header may be shifted against its rows: `| A | B | |`) or by tabs;
- glued, where the separators were lost (`Customer Service ManagerCustomer Relations Manager`
  above `Yearly salary$61,487$66,782`); the header is split where one capitalised name ends
  and the next begins, preferring names the page's prose also mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rolecompare.facts.parsing.cells import (
    ROW_SPECS,
    CellValue,
    RowSpec,
    RowTooLong,
    implausible,
    match_label,
    read_cell,
    split_glued,
)
from rolecompare.facts.parsing.model import PageResult, PendingSplit, Problem, RawFact
from rolecompare.facts.parsing.text import clean_name, glue_points, slugify
from rolecompare.facts.schema import metrics

_CUT = "\x00cut"  # marks a cell that may have been cut off with the end of its row
_GENERIC_HEADER_CELLS = {"", "metric", "score", "role", "job", "category", "overview"}


@dataclass
class _Table:
    header_line: int
    roles: tuple[str, str] | None
    why_no_roles: str = ""
    last_line: int = 0


def _cells(line: str) -> list[str]:
    sep = "|" if "|" in line else "\t"
    parts = [p.strip() for p in line.strip().split(sep)]
    if sep == "|":
        if parts and parts[0] == "":
            parts = parts[1:]
        if parts and parts[-1] == "":
            parts = parts[:-1]
    return parts


def _looks_like_name(text: str) -> bool:
    return any(c.isalpha() for c in text) and len(text) <= 300


def split_glued_header(text: str, mentioned: set[str]) -> tuple[tuple[str, str] | None, str]:
    """'Customer Service ManagerCustomer Relations Manager' -> the two names, or why not."""
    text = clean_name(text)
    candidates = [
        (text[:i].strip(), text[i:].strip())
        for i in glue_points(text)
        if _looks_like_name(text[:i]) and _looks_like_name(text[i:])
    ]
    confirmed = [c for c in candidates if slugify(c[0]) in mentioned and slugify(c[1]) in mentioned]
    if len(confirmed) == 1:
        return confirmed[0], ""
    if len(candidates) == 1:
        return candidates[0], ""
    if not candidates:
        return None, f"cannot tell the two role names apart in the table header {text!r}"
    shown = " or ".join(f"{a!r} + {b!r}" for a, b in candidates[:4])
    return None, f"table header {text!r} splits into two role names in several ways ({shown})"


def _facts(
    role: str, values: list[CellValue], line: int, statistic: str | None = None
) -> list[RawFact]:
    return [
        RawFact(
            role=role,
            metric=v.metric,
            line=line,
            value=v.number.value if v.number else None,
            printed=v.number.printed if v.number else None,
            text=v.text,
            category=v.category,
            unit=v.unit or metrics()[v.metric].unit or None,
            statistic=statistic if v.metric == values[0].metric else None,
        )
        for v in values
    ]


def _row(
    result: PageResult, table: _Table, spec: RowSpec, cells: list[str] | None, glued: str, line: int
) -> None:
    """Record one row's facts; `cells` when separated, else the glued remainder."""
    result.read_lines.add(line)  # the row's numbers are its cells: facts or its problem
    result.layouts.add("comparison-separated" if cells is not None else "comparison-glued")
    if table.roles is None:
        result.problems.append(Problem(line, f"{spec.label!r} row skipped: {table.why_no_roles}"))
        return
    if result.compares is None:  # the page's first table names the pair it compares
        result.compares = table.roles
    if cells is not None:
        _separated_row(result, table.roles, spec, cells, line)
    else:
        _glued_row(result, table.roles, spec, glued, line)


def _separated_row(
    result: PageResult, roles: tuple[str, str], spec: RowSpec, cells: list[str], line: int
) -> None:
    role_a, role_b = roles
    while len(cells) > 2 and cells[-1] == "":
        cells = cells[:-1]
    if len(cells) < 2:
        result.problems.append(
            Problem(line, f"{spec.label!r} row is cut off: no cell for {role_b!r}")
        )
    if len(cells) > 2:
        result.problems.append(
            Problem(line, f"{spec.label!r} row has {len(cells)} cells for 2 roles: skipped")
        )
        return
    for role, cell in zip((role_a, role_b), cells, strict=False):
        _separated_cell(result, role, spec, cell, line)


def _separated_cell(result: PageResult, role: str, spec: RowSpec, cell: str, line: int) -> None:
    if cell.startswith(_CUT):
        result.problems.append(
            Problem(
                line,
                f"{spec.label!r} row is cut off inside the cell for {role!r} "
                f"({cell[len(_CUT) :]!r}): not recorded",
            )
        )
        return
    values = read_cell(spec, cell)
    why = f"cannot read {cell!r} as {spec.kind}" if values is None else implausible(values)
    if why:
        result.problems.append(Problem(line, f"{spec.label!r} for {role!r}: {why}"))
    else:
        result.facts.extend(_facts(role, values, line, spec.statistic))


def _glued_row(
    result: PageResult, roles: tuple[str, str], spec: RowSpec, glued: str, line: int
) -> None:
    """A row whose two cells ran together: record it when exactly one split is plausible,
    leave it pending when several are."""
    role_a, role_b = roles
    try:
        candidates = split_glued(spec, glued)
    except RowTooLong as exc:
        result.problems.append(
            Problem(line, f"{spec.label!r} row of {exc} is too long to split reliably: skipped")
        )
        return
    if not candidates:
        result.problems.append(
            Problem(
                line,
                f"{spec.label!r} row {glued.strip()!r} cannot be split into two plausible "
                f"{spec.kind} cells (cut off or damaged?)",
            )
        )
        return

    def both(a: list[CellValue], b: list[CellValue]) -> list[RawFact]:
        return _facts(role_a, a, line, spec.statistic) + _facts(role_b, b, line, spec.statistic)

    if len(candidates) == 1:
        result.facts.extend(both(*candidates[0]))
    else:
        result.pending.append(
            PendingSplit(
                line=line,
                label=spec.label,
                text=glued.strip(),
                candidates=tuple(tuple(both(a, b)) for a, b in candidates),
            )
        )


def _separated_header(cells: list[str], line: int) -> _Table:
    names = [c for c in cells if c]
    if len(names) == 3 and names[0].lower() in _GENERIC_HEADER_CELLS:
        names = names[1:]
    if len(names) == 2 and all(_looks_like_name(n) for n in names):
        return _Table(line, (clean_name(names[0]), clean_name(names[1])))
    return _Table(line, None, f"the header on line {line} names {len(names)} columns, not 2 roles")


_SHORT_DATA_LINE = re.compile(r"^[^.!?]{1,120}[\d%$-]$")


def parse_tables(lines: list[str | None], result: PageResult, mentioned: set[str]) -> None:
    """Read every comparison table on the page into `result`."""
    table: _Table | None = None
    for number, line in enumerate(lines, start=1):
        if line is None:  # an undecodable line (already a problem) does not end the table
            if table is not None and table.last_line == number - 1:
                table.last_line = number
            continue
        if not line.strip():
            table = None
            continue
        if "|" in line or "\t" in line:
            cells = _cells(line)
            if line.lstrip().startswith("|") and not line.rstrip().endswith("|") and cells:
                cells[-1] = _CUT + cells[-1]  # no closing '|': its last cell may be cut
            spec = ROW_SPECS.get(cells[0].lower()) if cells else None
            if spec is not None:
                if table is None:
                    table = _Table(number, None, "no header above the table names the two roles")
                _row(result, table, spec, cells[1:], "", number)
                table.last_line = number
            elif table is not None and table.last_line and len(cells) >= 2:
                result.problems.append(
                    Problem(number, f"unknown row {cells[0]!r} in a comparison table: skipped")
                )
            elif len([c for c in cells if c]) >= 2:
                table = _separated_header(cells, number)  # a header only once rows follow
            continue
        match = match_label(line.strip())
        if match and match[1] and not match[1][0].isspace():
            spec, rest = match
            if table is None or table.last_line != number - 1:
                header = lines[number - 2] if number >= 2 else None
                if header is None or not header.strip():
                    table = _Table(number, None, "no header above the table names the two roles")
                else:
                    roles, why = split_glued_header(header, mentioned)
                    table = _Table(number - 1, roles, why)
            _row(result, table, spec, None, rest, number)
            table.last_line = number
        elif table is not None and table.last_line == number - 1 and _SHORT_DATA_LINE.match(line):
            result.problems.append(
                Problem(number, f"unknown row {line.strip()[:60]!r} in a comparison table: skipped")
            )
            table.last_line = number
        else:
            table = None
