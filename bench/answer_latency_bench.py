"""Warm answer latency of the answer path, on the demo corpus, for one checkout.

    .venv/bin/python bench/answer_latency_bench.py --data-dir DIR [--llm scripted] [--reps 3]

Builds the assistant once on an existing eval index (``museum-qa eval --data-dir DIR`` makes
one), asks five questions to warm it, then asks every single-turn demo-corpus eval case
``--reps`` times and prints the median and p95 latency of ``Assistant.ask``. To compare two
versions, run it from each checkout (a ``git worktree``) with ``PYTHONPATH`` set to that
checkout, alternating, on the same index: bench/results/answer_latency.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path

from assistant.llm import make_chat_model
from assistant.service import build_assistant
from assistant.settings import Settings
from evals.cases import load_cases
from evals.runner import corpus_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--llm", default="scripted")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--cases", type=Path, default=Path(__file__).parents[1] / "evals/cases")
    args = parser.parse_args()
    settings = corpus_settings(Settings(llm=args.llm), "demo", args.data_dir)
    assistant = build_assistant(settings, model=make_chat_model(settings))
    questions = [c.question for c in load_cases(args.cases) if c.question and c.corpus == "demo"]
    for q in questions[:5]:
        assistant.ask(q)
    times: list[float] = []
    for _ in range(args.reps):
        for q in questions:
            started = time.perf_counter()
            assistant.ask(q)
            times.append((time.perf_counter() - started) * 1000)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    print(
        json.dumps(
            {
                "commit": commit,
                "llm": args.llm,
                "questions": len(questions),
                "reps": args.reps,
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(statistics.quantiles(times, n=20)[18], 1),
                "mean_ms": round(statistics.fmean(times), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
