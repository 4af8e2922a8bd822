"""How the parser's time grows with the length of a line: a glued numeric row (once quadratic)
and a long line of sentences of the other page kinds. The figures the tests used to assert
(4x the length should cost well under 16x the time) are printed here instead.

    .venv/bin/python benchmarks/bench_parse_scaling.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rolecompare.facts.parsing import parse_page

GLUED_HEADER = (
    "Customer service manager vs customer relations manager\n"
    "Customer Service ManagerCustomer Relations Manager\n"
)
SENTENCE = (
    "In May 2022, the median annual wage for registered nurses (RNs) was $81,220, and "
    "about 3,172,500 employed registered nurses were 80% White; "
)


def glued(digits: int) -> bytes:
    return (GLUED_HEADER + "Number of jobs" + "1" * digits + "\n").encode()


def sentences(repeats: int) -> bytes:
    return ("Registered Nurses\n\n" + SENTENCE * repeats + "\n").encode()


def seconds(data: bytes, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        parse_page("bench.txt", data)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    for label, make, short, long in [
        ("glued numeric row (digits)", glued, 3_000, 12_000),
        ("line of sentences (repeats)", sentences, 25, 100),
    ]:
        a, b = seconds(make(short)), seconds(make(long))
        print(f"{label}: {short:,} -> {a:.3f} s, {long:,} -> {b:.3f} s, ratio {b / a:.1f}x "
              "(linear ~4x, quadratic ~16x)")  # fmt: skip


if __name__ == "__main__":
    main()
