"""What reading questions with spaCy costs: load time, and time per question read.

    .venv/bin/python bench/parser_bench.py [--out bench/results/parser.md]

Reads every eval question (the dev and test splits) with ``assistant.answering.reading.read``
three times; the first pass parses, later passes hit the parse cache, so the cold pass is the
cost a new visitor's question pays. Writes a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from assistant.answering import parse
from assistant.answering.reading import read
from evals.cases import load_cases


def questions() -> list[str]:
    out: list[str] = []
    for case in load_cases():
        out += [case.question] if case.question else list(case.turns or [])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results/parser.md"))
    args = parser.parse_args()
    started = time.perf_counter()
    parse.parser()
    load_s = time.perf_counter() - started
    asked = questions()
    cold: list[float] = []
    for q in asked:
        t = time.perf_counter()
        read(q)
        cold.append((time.perf_counter() - t) * 1000)
    warm: list[float] = []
    for q in asked:
        t = time.perf_counter()
        read(q)
        warm.append((time.perf_counter() - t) * 1000)
    q95 = statistics.quantiles(cold, n=20)[18]
    rows = [
        "# Reading questions with spaCy (assistant/answering/parse.py)",
        "",
        f"Machine: {platform.processor() or platform.machine()},"
        f" Python {platform.python_version()}; model {parse.PARSER_MODEL};"
        f" {len(asked)} eval questions.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| load the parser (once per process) | {load_s:.2f} s |",
        f"| read a question, first time: median | {statistics.median(cold):.1f} ms |",
        f"| read a question, first time: p95 | {q95:.1f} ms |",
        f"| read a question again (parse cached): median | {statistics.median(warm):.1f} ms |",
    ]
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
