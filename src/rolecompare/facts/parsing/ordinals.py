"""List numbers glued to their items: "- 467.2% White", "- 2Only 2.6% ...".

Some pages lose the space between a numbered list's ordinal and its text when they are copied,
so item 4's "67.2%" arrives as "467.2%". A run of at least three bulleted items that begin
with their own place in the list (1, 2, 3, ...), one of them glued to a word ("2Only"), is
such a list: each ordinal is blanked out (with spaces, so every position on the line stays).
"""

from __future__ import annotations

_BULLETS = frozenset("-•*–")
MIN_ITEMS = 3


def unglue_ordinals(lines: list[str | None]) -> list[str | None]:
    """`lines` with the glued ordinals of numbered lists blanked; the same list when none."""
    out: list[str | None] | None = None
    run: list[tuple[int, int]] = []  # (line index, where the ordinal starts) of the current run
    for index, line in enumerate([*lines, None]):
        start = _ordinal_at(line, len(run) + 1) if line else None
        if start is not None:
            run.append((index, start))
            continue
        if len(run) >= MIN_ITEMS and _glued_to_a_word(lines, run):
            out = out if out is not None else list(lines)
            for i, (at, begin) in enumerate(run, start=1):
                text = out[at] or ""
                width = len(str(i))
                out[at] = text[:begin] + " " * width + text[begin + width :]
        run = []
        # this line may start a new list
        if line and (start := _ordinal_at(line, 1)) is not None:
            run.append((index, start))
    return out if out is not None else lines


def _ordinal_at(line: str | None, ordinal: int) -> int | None:
    """Where `ordinal` stands right after the line's bullet, glued to what follows; else None."""
    if not line:
        return None
    stripped = line.lstrip()
    if stripped[:1] not in _BULLETS:
        return None
    begin = len(line) - len(stripped) + 1
    while begin < len(line) and line[begin] == " ":
        begin += 1
    digits = str(ordinal)
    end = begin + len(digits)
    if line[begin:end] != digits or end >= len(line) or line[end].isspace():
        return None
    return begin


def _glued_to_a_word(lines: list[str | None], run: list[tuple[int, int]]) -> bool:
    """Some item's ordinal runs straight into a word ("2Only"): proof the list lost its spaces."""
    for i, (at, begin) in enumerate(run, start=1):
        text = lines[at] or ""
        after = begin + len(str(i))
        if text[after : after + 1].isalpha():
            return True
    return False
