"""How long the collection's name casing takes to read at startup (assistant/answering/casing.py).

A question typed all in lower case gets back the capitals of the collection's names; the names
are read from every chunk once, when a server starts (``AnswerChain.prepare``). This measures
that on an existing index (reading every chunk's text from the store, then finding the names),
and the finding part alone on the same texts repeated, to see how it grows with a collection.

Usage:
    python bench/name_casing_bench.py --data-dir /tmp/ev/data2/walters \
        --collection museum_qa_eval_walters [--repeat 1 4 16] [--out bench/results/name_casing.md]

Run it on a quiet machine: it times wall clock.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.answering.casing import name_casing
from assistant.answering.config import DEFAULT
from assistant.settings import Settings
from assistant.store import VectorIndex


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="the index's data dir")
    parser.add_argument("--collection", required=True, help="the Chroma collection name")
    parser.add_argument("--repeat", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--out", type=Path, help="write a Markdown table here")
    args = parser.parse_args()

    settings = Settings(data_dir=args.data_dir, collection=args.collection)
    index = VectorIndex.open(settings)
    texts, read_s = _timed(index.texts)
    print(f"read {len(texts)} chunks from the store in {read_s:.2f} s", file=sys.stderr)
    rows = []
    for k in args.repeat:
        many = texts * k
        names, find_s = _timed(
            name_casing, many, DEFAULT.casing_min_uses, DEFAULT.casing_min_capital_share
        )
        rows.append((len(many), len(names), find_s))
        print(f"{len(many)} texts: {len(names)} names in {find_s:.2f} s", file=sys.stderr)

    lines = [
        "# Name casing at startup (assistant/answering/casing.py)",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
        f"index: {args.collection} ({len(texts)} chunks).",
        "",
        f"Reading every chunk's text from the store: **{read_s:.2f} s**.",
        "",
        "| texts | names found | finding the names, s |",
        "|---|---|---|",
        *[f"| {n} | {names} | {s:.2f} |" for n, names, s in rows],
        "",
        "The repeated texts stand in for a larger collection (the same words more often; a",
        "real one also has more distinct names). Both parts grow linearly with the chunks.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
