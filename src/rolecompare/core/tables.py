"""Reading and writing the project's tables, for every stage: one home, one rule.

**Text, exactly.** A table is read as text: every cell is the string ingest wrote (a number
printed `19.80` stays `19.80`), only an empty cell is missing ("NA" on a page is text).
Callers convert the columns they compute with.

**CSV for people, Parquet for the pipeline.** `write_tables` writes each table twice,
atomically: `<name>.csv` for a person with a spreadsheet and `<name>.parquet` beside it,
every column stored as text. `read_table` reads the Parquet file when it is *current* (it
records the size and time of the CSV written with it; a CSV edited by hand since wins) and
the CSV otherwise. Reading 2.5 million fact rows takes several times less from Parquet (the
figures are in the README, "Tables at scale").

**Formulas never reach a spreadsheet** (OWASP's CSV-injection rule). In every CSV written
here a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
leading `'`, which a spreadsheet hides and which makes the cell text. A plain number
(`-3.5`, `+2`, `1e-5`) is left alone: a spreadsheet reads it as the number it is, and the
numeric columns stay numbers. So that reading back is exact, a cell that already begins
with `'` gets one more; reading a CSV here removes one leading `'` from every cell that has
one. The Parquet files are never escaped: the pipeline reads the values exactly.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import pandas as pd

from rolecompare import atomic
from rolecompare.core.csv_blocks import write_csv_blocks

ESCAPE = "'"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a cell a spreadsheet reads as a plain number: safe as it is
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_CSV_KEY = b"rolecompare.csv"  # Parquet metadata: "size mtime_ns" of the CSV written with it


def _needs_escape(cell: str) -> bool:
    if cell.startswith(ESCAPE):
        return True
    return cell.startswith(FORMULA_START) and _PLAIN_NUMBER.fullmatch(cell) is None


def escape_cell(cell: object) -> object:
    """A cell as a CSV for people holds it: formula-like text gets a leading `'`."""
    if isinstance(cell, str) and cell and _needs_escape(cell):
        return ESCAPE + cell
    return cell


def unescape_cell(cell: object) -> object:
    """The value of a cell read from a CSV written by `escape_cell`."""
    if isinstance(cell, str) and cell.startswith(ESCAPE):
        return cell[1:]
    return cell


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c].dtype)]


def escaped(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells are safe to open in a spreadsheet."""
    out = frame
    for column in _text_columns(frame):
        values = frame[column]
        starts = values.str.startswith((ESCAPE, *FORMULA_START), na=False)
        if not starts.any():  # the usual case: one vectorised test per column
            continue
        if out is frame:
            out = frame.copy()
        out[column] = values.astype(object)
        out.loc[starts, column] = values[starts].map(escape_cell)
    return out


def unescaped(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` read from an escaped CSV, with every cell's value restored (in place)."""
    for column in _text_columns(frame):
        values = frame[column]
        starts = values.str.startswith(ESCAPE, na=False)
        if starts.any():
            frame[column] = values.where(~starts, values.str.slice(1))
    return frame


def _quoting(frame: pd.DataFrame) -> int:
    # the writer quotes a cell holding "\n" but not a bare "\r": quote every cell then
    has_cr = any(
        frame[c].str.contains("\r", regex=False, na=False).any() for c in _text_columns(frame)
    )
    return csv.QUOTE_ALL if has_cr else csv.QUOTE_MINIMAL


def _to_csv(
    frame: pd.DataFrame, target: Path | IO[str], quoting: int | None = None, header: bool = True
) -> None:
    quoting = _quoting(frame) if quoting is None else quoting
    escaped(frame).to_csv(target, index=False, lineterminator="\n", quoting=quoting, header=header)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as the project writes a CSV (escaped, `\\n` line ends), in memory."""
    buffer = io.StringIO()
    _to_csv(frame, buffer)
    return buffer.getvalue().encode("utf-8")


def read_csv_text(source: Path | str | IO[str]) -> pd.DataFrame:
    """A CSV the project wrote (a file or an open text buffer), as text, values restored."""
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
    return unescaped(frame)


def write_csv(target: Path, frame: pd.DataFrame, *, groups: str | None = None) -> None:
    """One CSV for people, escaped, written atomically. `groups`: a column whose equal
    values are contiguous rows (facts: `source`); then only the blocks of groups that
    changed since the last write are formatted again (`core.csv_blocks`), same bytes."""
    if groups is None or groups not in frame.columns:
        with atomic.atomic_path(target) as tmp:
            _to_csv(frame, tmp)
        return
    quoting = _quoting(frame)

    def rows_csv(rows: pd.DataFrame) -> bytes:
        buffer = io.StringIO()
        _to_csv(rows, buffer, quoting, header=False)
        return buffer.getvalue().encode("utf-8")

    buffer = io.StringIO()
    _to_csv(frame.iloc[:0], buffer, quoting)
    layout = repr((list(frame.columns), [str(t) for t in frame.dtypes], quoting))
    write_csv_blocks(target, frame, groups, layout, rows_csv, buffer.getvalue().encode("utf-8"))


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column as the text a CSV would hold (missing stays missing)."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object and pd.api.types.infer_dtype(values) in ("string", "empty"):
            out[column] = values.where(values.notna(), None)  # text already: no cell to convert
        elif pd.api.types.is_numeric_dtype(values.dtype) or values.dtype == object:
            text = values.map(_cell_text, na_action="ignore")
            out[column] = text.astype(object).where(values.notna(), None)
        else:
            out[column] = values
    return pd.DataFrame(out, columns=frame.columns)


def _cell_text(value: object) -> str:
    return value if isinstance(value, str) else str(value)  # str(66782.0) as to_csv: 66782.0


def _stamp(path: Path) -> bytes:
    stat = path.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}".encode()


# Rows converted to Arrow at a time: a table of millions of rows is never twice in memory.
PARQUET_ROWS = 500_000


def write_parquet(target: Path, frame: pd.DataFrame, *, csv_of: Path | None = None) -> None:
    """`frame` as Parquet, every column text, atomically; `csv_of` names the CSV it mirrors."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    plain = pa.schema([pa.field(str(name), pa.string()) for name in frame.columns])
    stamp = {_CSV_KEY: _stamp(csv_of)} if csv_of is not None else None
    with (
        atomic.atomic_path(target) as tmp,
        pq.ParquetWriter(tmp, plain.with_metadata(stamp), compression="zstd") as out,
    ):
        for start in range(0, max(len(frame), 1), PARQUET_ROWS):
            part = _as_text(frame.iloc[start : start + PARQUET_ROWS])
            out.write_table(pa.Table.from_pandas(part, preserve_index=False).cast(plain))


def write_tables(
    folder: Path,
    tables: Mapping[str, pd.DataFrame],
    *,
    parquet: bool = True,
    groups: Mapping[str, str] | None = None,
) -> None:
    """Each table as `<name>.csv` (for people, escaped) and, with `parquet`, `<name>.parquet`
    beside it (for the pipeline, exact). Every file is written atomically. `groups`: per
    table, the column of contiguous groups by which its CSV is rewritten (`write_csv`)."""
    folder = Path(folder)
    for name, frame in tables.items():
        csv_path = folder / f"{name}.csv"
        write_csv(csv_path, frame, groups=(groups or {}).get(name))
        if parquet:
            write_parquet(folder / f"{name}.parquet", frame, csv_of=csv_path)


def parquet_is_current(folder: Path | str, name: str) -> bool:
    """True when `<name>.parquet` exists and mirrors `<name>.csv` as it is now (or there is
    no CSV)."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    path = folder / f"{name}.parquet"
    if not path.is_file():
        return False
    csv_path = folder / f"{name}.csv"
    if not csv_path.is_file():
        return True
    try:
        recorded = (pq.read_schema(path).metadata or {}).get(_CSV_KEY)
        return recorded == _stamp(csv_path)
    except (OSError, ValueError):
        return False


def read_table(folder: Path | str, name: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """Table `name` of `folder` as text: from Parquet when it is current, else from the CSV.

    Raises FileNotFoundError when neither file exists."""
    folder = Path(folder)
    if parquet_is_current(folder, name):
        import pyarrow.parquet as pq

        return pq.read_table(folder / f"{name}.parquet", columns=columns).to_pandas()
    frame = read_csv_text(folder / f"{name}.csv")
    return frame if columns is None else frame[columns]
