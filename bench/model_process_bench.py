"""llama.cpp in the app's process vs in a worker process: warm latency and tokens/s, interleaved.

    .venv/bin/python bench/model_process_bench.py               # 45 min on 2 busy cores
    .venv/bin/python bench/model_process_bench.py --rounds 2    # a quick look

Both arms run the same GGUF (the embedded SmolLM2 unless --llm names another) with the same
settings, from one parent process: ``MUSEUM_QA_MODEL_IN_PROCESS=1`` and the default worker.
The prompts are the exact ones the answer chain sends for a set of demo-corpus questions
(captured with the scripted model). The arms alternate call by call, in ABBA order, so load
from other work on the machine falls on both alike; differences are taken per pair.

Phases: cold start (load in-process vs start a worker and load there), the model call with
the chain's prompts (latency, output tokens/s, same text in both arms?), a one-token call
(the fixed per-call cost of the worker: pickling and the socket round trip), and whole
answers through ``build_assistant(...).ask``. Writes bench/results/model_process.md and .json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.fakes import ScriptedChatModel  # noqa: E402
from assistant.llm import LlamaCppChatModel, make_chat_model  # noqa: E402
from assistant.service import build_assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.store import VectorIndex  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402

RESULTS = REPO / "bench" / "results"
QUESTIONS = [
    "Who painted The Night Watch?",
    "What is the Rosetta Stone made of?",
    "Who painted the Mona Lisa?",
    "Why is it called The Night Watch?",
    "When was the Great Wave off Kanagawa made?",
    "What does the Code of Hammurabi contain?",
    "Who made the Ardabil Carpet?",
    "What is Guernica about?",
]


def rss_mib(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_avg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def capture_prompts(settings: Settings) -> list[tuple[list[Any], dict[str, Any]]]:
    """The messages and kwargs the chain sends the model, one per question that reaches it."""
    recorder = ScriptedChatModel()
    assistant = build_assistant(settings, model=recorder)
    for question in QUESTIONS:
        assistant.ask(question)
    return list(zip(recorder.prompts, recorder.calls_kwargs, strict=True))


def timed_call(model: LlamaCppChatModel, messages: list[Any], kwargs: dict[str, Any]) -> dict:
    started = time.perf_counter()
    reply = model.invoke(messages, **kwargs)
    seconds = time.perf_counter() - started
    tokens = (reply.usage_metadata or {}).get("output_tokens", 0)
    return {"s": seconds, "tokens": tokens, "text": str(reply.content), "load": load_avg()}


def interleaved(arms: dict[str, Any], jobs: list[Any], rounds: int, run: Any) -> dict[str, list]:
    """Run every job on both arms, alternating which goes first (ABBA) per job and round."""
    out: dict[str, list] = {name: [] for name in arms}
    names = list(arms)
    for r in range(rounds):
        for i, job in enumerate(jobs):
            order = names if (r + i) % 2 == 0 else names[::-1]
            for name in order:
                out[name].append(run(arms[name], job))
        print(f"  round {r + 1}/{rounds} done (load {load_avg():.1f})", flush=True)
    return out


def summary(calls: list[dict], key: str = "s") -> dict[str, float]:
    values = sorted(c[key] for c in calls)
    q = statistics.quantiles(values, n=10) if len(values) > 1 else values * 9
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p10": q[0],
        "p90": q[-1],
        "mean": statistics.fmean(values),
    }


def paired(a: list[dict], b: list[dict], key: str = "s") -> dict[str, float]:
    """Worker minus in-process, pair by pair (same prompt, same round, back to back)."""
    diffs = [y[key] - x[key] for x, y in zip(a, b, strict=True)]
    rel = [(y[key] - x[key]) / x[key] for x, y in zip(a, b, strict=True) if x[key]]
    q = statistics.quantiles(diffs, n=4) if len(diffs) > 1 else diffs * 3
    return {
        "median_diff": statistics.median(diffs),
        "q1_diff": q[0],
        "q3_diff": q[-1],
        "median_rel": statistics.median(rel) if rel else float("nan"),
    }


def tokens_per_second(calls: list[dict]) -> float:
    seconds = sum(c["s"] for c in calls)
    return sum(c["tokens"] for c in calls) / seconds if seconds else float("nan")


def cold_start(settings: Settings) -> dict[str, Any]:
    """Load once in-process and once in a worker (fresh objects); memory of each."""
    before = rss_mib()
    inproc = make_chat_model(settings.model_copy(update={"model_in_process": True}))
    started = time.perf_counter()
    inproc.warm_up()  # type: ignore[attr-defined]
    load_s = time.perf_counter() - started
    inproc_rss = rss_mib() - before
    worker = make_chat_model(settings)
    started = time.perf_counter()
    worker.warm_up()  # type: ignore[attr-defined]
    start_s = time.perf_counter() - started
    pid = worker.process.pid  # type: ignore[attr-defined]
    return {
        "arms": {"in-process": inproc, "worker": worker},
        "in_process_load_s": load_s,
        "worker_start_s": start_s,
        "in_process_model_rss_mib": inproc_rss,
        "worker_rss_mib": rss_mib(pid),
        "worker_pid": pid,
    }


def index_for(args: argparse.Namespace, base: Path) -> Settings:
    settings = Settings(
        data_dir=base / "data",
        db_url=f"sqlite:///{base / 'log.sqlite3'}",
        llm=args.llm,
        threads=args.threads,
    )
    print(f"indexing {args.corpus} ...", flush=True)
    ingest([args.corpus], VectorIndex.open(settings, create=True))
    return settings


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="model-bench-") as tmp:
        settings = index_for(args, Path(tmp))
        prompts = capture_prompts(settings)
        print(f"{len(prompts)} of {len(QUESTIONS)} questions reach the model", flush=True)
        start = cold_start(settings)
        arms = start.pop("arms")
        for model in arms.values():  # one untimed call each: caches and pages warm
            timed_call(model, *prompts[0])
        print("model calls with the chain's prompts", flush=True)
        calls = interleaved(arms, prompts, args.rounds, lambda m, p: timed_call(m, *p))
        print("one-token calls (the fixed cost per call)", flush=True)
        tiny = ([("human", "Say yes.")], {"max_tokens": 1})
        ones = interleaved(arms, [tiny] * 10, args.rounds, lambda m, p: timed_call(m, *p))
        print("whole answers", flush=True)
        assistants = {name: build_assistant(settings, model=model) for name, model in arms.items()}

        def answer(assistant: Any, question: str) -> dict:
            reply = assistant.ask(question)
            timings = reply.timings_ms
            return {
                "s": timings["total_ms"] / 1000,
                "generate_s": timings.get("generate_ms", 0) / 1000,
                "outcome": reply.outcome,
                "warnings": reply.warnings,
            }

        answers = interleaved(assistants, QUESTIONS, max(1, args.rounds // 2), answer)
        arms["worker"].process.stop()
    return {"start": start, "calls": calls, "ones": ones, "answers": answers}


def report(raw: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    calls, ones, answers = raw["calls"], raw["ones"], raw["answers"]
    a, b = calls["in-process"], calls["worker"]
    same = sum(x["text"] == y["text"] for x, y in zip(a, b, strict=True))
    return {
        "date": dt.date.today().isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_avg_range": [
                min(c["load"] for c in a + b),
                max(c["load"] for c in a + b),
            ],
        },
        "llm": args.llm,
        "rounds": args.rounds,
        "start": raw["start"],
        "calls": {
            "in-process": summary(a),
            "worker": summary(b),
            "paired": paired(a, b),
            "tokens_per_s": {"in-process": tokens_per_second(a), "worker": tokens_per_second(b)},
            "output_tokens_median": statistics.median(c["tokens"] for c in a),
            "same_text": f"{same} of {len(a)}",
        },
        "one_token": {
            "in-process": summary(ones["in-process"]),
            "worker": summary(ones["worker"]),
            "paired": paired(ones["in-process"], ones["worker"]),
        },
        "answers": {
            "in-process": summary(answers["in-process"]),
            "worker": summary(answers["worker"]),
            "paired": paired(answers["in-process"], answers["worker"]),
            "warnings": sum(bool(x["warnings"]) for arm in answers.values() for x in arm),
        },
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if abs(seconds) < 1 else f"{seconds:,.2f} s"


def markdown(result: dict[str, Any]) -> str:
    c, o, w, s = result["calls"], result["one_token"], result["answers"], result["start"]
    rows = [
        ("Model call, chain prompts: median (p10–p90)", c, "s"),
        ("One-token call: median (p10–p90)", o, "s"),
        ("Whole answer (`ask`): median (p10–p90)", w, "s"),
    ]
    lines = [
        "# llama.cpp in-process vs in a worker process",
        "",
        f"`bench/model_process_bench.py`, {result['date']}, model `{result['llm']}`, "
        f"{result['rounds']} rounds, arms interleaved (ABBA). Machine: {result['machine']['cpus']}"
        f" CPUs, Python {result['machine']['python']}, load average "
        f"{result['machine']['load_avg_range'][0]:.1f}–{result['machine']['load_avg_range'][1]:.1f}"
        " during the calls (shared with other engineers' work).",
        "",
        "| | In-process | Worker process | Worker − in-process, per pair: median (IQR) |",
        "|---|---|---|---|",
    ]
    for label, block, _ in rows:
        i, k, p = block["in-process"], block["worker"], block["paired"]
        lines.append(
            f"| {label} | {ms(i['median'])} ({ms(i['p10'])}–{ms(i['p90'])}) "
            f"| {ms(k['median'])} ({ms(k['p10'])}–{ms(k['p90'])}) "
            f"| {ms(p['median_diff'])} ({ms(p['q1_diff'])} to {ms(p['q3_diff'])}), "
            f"{p['median_rel']:+.1%} |"
        )
    tps = c["tokens_per_s"]
    lines += [
        f"| Output tokens/s (all calls) | {tps['in-process']:.1f} | {tps['worker']:.1f} "
        f"| {tps['worker'] / tps['in-process'] - 1:+.1%} |",
        f"| Cold start: load the model / start a worker and load | "
        f"{ms(s['in_process_load_s'])} | {ms(s['worker_start_s'])} | |",
        f"| Memory of the model (RSS) | +{s['in_process_model_rss_mib']:.0f} MiB in the app "
        f"| {s['worker_rss_mib']:.0f} MiB in the worker | |",
        "",
        f"Calls per arm: {c['in-process']['n']} with the chain's prompts (median "
        f"{c['output_tokens_median']:.0f} output tokens), {o['in-process']['n']} one-token, "
        f"{w['in-process']['n']} whole answers. Same text from both arms: {c['same_text']}. "
        f"Answers with a model warning: {w['warnings']}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="passes over the prompts")
    parser.add_argument("--llm", default="embedded", help="'embedded' or a .gguf path")
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--out", type=Path, default=RESULTS / "model_process")
    args = parser.parse_args()
    result = report(run(args), args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    args.out.with_suffix(".md").write_text(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
