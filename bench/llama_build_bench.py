"""What a portable llama.cpp build costs: compare llama-cpp-python builds on the embedded model.

    .venv/bin/python bench/llama_build_bench.py                  # portable vs native vs avx512
    .venv/bin/python bench/llama_build_bench.py --rounds 2 --micro-reps 1   # a quick look
    .venv/bin/python bench/llama_build_bench.py --arm portable= --arm mine=/tmp/my-build

Each arm is one build of llama-cpp-python: ``name=DIR`` names a ``pip install --target DIR``
build (bench/build_llama_variants.sh makes them), which goes first on ``PYTHONPATH`` of a child
python from this same venv, so everything but ``llama_cpp`` is identical; ``name=`` (empty DIR)
is the venv's own build (the portable one ``scripts/install.sh`` makes). Default arms:
``portable=``, ``native=/tmp/llama-builds/native``, ``avx512=/tmp/llama-builds/avx512``.

Every round runs each arm once, in order (portable, native, avx512, portable, ...), each in a
fresh child process, so the machine's load (other people's jobs) spreads evenly over the arms;
the load average is recorded before each arm. A child measures:

- **micro**: ``llama_cpp.Llama`` (``n_threads=2``) on the embedded SmolLM2-135M GGUF, a fixed
  ~600-token prompt shaped like the assistant's (system prompt + numbered corpus passages),
  temperature 0, 128 generated tokens (end-of-text suppressed so every run makes 128).
  Prompt-processing and generation tokens/s come from llama.cpp's own counters
  (``llama_perf_context``); the wall time of the whole completion is recorded too.
- **answers**: warm latency of the whole assistant, ``build_assistant(settings).ask(q)`` over a
  fixed set of questions against an index of ``--corpus`` (ingested once into a temporary data
  dir), after one warm-up question. Settings are the app defaults apart from the data dir.

The assistant's code is a snapshot (``--code``, default: ``git archive HEAD`` into a temporary
dir), so colleagues editing the working tree during a run change nothing between arms; the
children import it (and the build) through ``PYTHONPATH``. They run with
``OMP_WAIT_POLICY=PASSIVE``, as the app does (``assistant/store.py`` sets it before llama.cpp
loads); with OpenMP's default spinning, a busy machine slows llama.cpp's threads many times over.

Then it checks that every arm gave the same answer text (and the same micro completion) at
temperature 0, and writes the raw results as JSON (default bench/results/llama_builds.json).
Run on demand; not part of pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

DEFAULT_ARMS = ["portable=", "native=/tmp/llama-builds/native", "avx512=/tmp/llama-builds/avx512"]

# Questions whose answers come from the model (answerable) or from the record (false premise).
QUESTIONS = [
    "Who painted The Night Watch?",
    "Why is it called The Night Watch?",
    "What is the Rosetta Stone made of?",
    "Where is the Mona Lisa kept?",
    "What does The Great Wave off Kanagawa show?",
    "What is the Sutton Hoo helmet made of?",
    "Who made the Portland Vase?",
    "Who leads the militia company in The Night Watch?",
    "What is Tipu's Tiger?",
    "Why did Vermeer paint The Night Watch?",
]
# Corpus texts that make up the micro benchmark's numbered sources (first paragraphs first).
PROMPT_SOURCES = [
    "night-watch-rembrandt.md",
    "rosetta-stone.md",
    "mona-lisa-leonardo.md",
    "great-wave-hokusai.md",
    "sutton-hoo-helmet.md",
    "portland-vase.md",
]
PROMPT_QUESTION = "What is known about how these objects were made and where they are kept?"


# ---------------------------------------------------------------- child: one arm, one round


def corpus_passages(corpus: Path) -> list[tuple[str, str]]:
    """(title, paragraph) pairs of ``PROMPT_SOURCES``, paragraph by paragraph, in order."""
    import yaml

    passages = []
    for name in PROMPT_SOURCES:
        _, front, body = (corpus / name).read_text(encoding="utf-8").split("---", 2)
        title = yaml.safe_load(front)["title"]
        passages += [(title, p.strip()) for p in body.split("\n\n") if p.strip()]
    return passages


def micro_messages(llm: Any, corpus: Path, target_tokens: int) -> list[dict[str, str]]:
    """The assistant's prompt shape, with passages added until it reaches ``target_tokens``."""
    from assistant.prompts import SYSTEM_PROMPT, USER_TEMPLATE, render_sources

    system = SYSTEM_PROMPT.format(max_sentences=4)
    numbered: list[tuple[int, str, str]] = []
    for title, text in corpus_passages(corpus):
        numbered.append((len(numbered) + 1, title, text))
        user = USER_TEMPLATE.format(sources=render_sources(numbered), question=PROMPT_QUESTION)
        if len(llm.tokenize((system + user).encode())) >= target_tokens:
            break
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def no_end_of_text(eos: int) -> Any:
    """A logits processor that never lets the model stop early."""

    def processor(_ids: Any, scores: Any) -> Any:
        scores[eos] = -float("inf")
        return scores

    return processor


def _rate(count: int, seconds: float) -> float | None:
    return count / seconds if seconds > 0 else None


def timed_completion(llm: Any, messages: list[dict[str, str]], max_tokens: int) -> dict[str, Any]:
    """One completion from scratch (no cached prompt), timed by llama.cpp, the wall and the CPU."""
    import llama_cpp

    llm.reset()
    llama_cpp.llama_perf_context_reset(llm.ctx)
    cpu = time.process_time()
    start = time.perf_counter()
    out = llm.create_chat_completion(
        messages=messages,
        temperature=0.0,
        max_tokens=max_tokens,
        logits_processor=llama_cpp.LogitsProcessorList([no_end_of_text(llm.token_eos())]),
    )
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    perf = llama_cpp.llama_perf_context(llm.ctx)
    return {
        "prompt_tokens": perf.n_p_eval,
        "gen_tokens": perf.n_eval,
        "prompt_tok_s": _rate(perf.n_p_eval, perf.t_p_eval_ms / 1000),
        "gen_tok_s": _rate(perf.n_eval, perf.t_eval_ms / 1000),
        "wall_s": wall,
        "cpu_s": cpu,
        "text": out["choices"][0]["message"]["content"],
    }


def micro_rep(llm: Any, messages: list[dict[str, str]], max_tokens: int) -> dict[str, Any]:
    """A prompt-only completion, then the full one; rates per second of wall and of CPU.

    CPU time (all threads of this process) hardly depends on what else the machine runs,
    where wall time on a shared machine mostly measures the queue for a core.
    """
    prompt = timed_completion(llm, messages, 1)
    full = timed_completion(llm, messages, max_tokens)
    gen_cpu = full["cpu_s"] - prompt["cpu_s"]
    return {
        **full,
        "prompt_cpu_s": prompt["cpu_s"],
        "prompt_tok_per_cpu_s": full["prompt_tokens"] / prompt["cpu_s"],
        "gen_tok_per_cpu_s": (full["gen_tokens"] - prompt["gen_tokens"]) / gen_cpu,
    }


def micro_bench(args: argparse.Namespace) -> list[dict]:
    """``--micro-reps`` timed completions on a fresh ``Llama`` (after one untimed warm-up)."""
    from llama_cpp import Llama

    from assistant.llm import embedded_gguf_path

    path = str(embedded_gguf_path())
    llm = Llama(path, n_ctx=2048, n_threads=args.threads, seed=42, verbose=False)
    messages = micro_messages(llm, args.corpus, args.prompt_tokens)
    timed_completion(llm, messages, 8)  # warm-up: page the weights in, size the buffers
    runs = [micro_rep(llm, messages, args.max_tokens) for _ in range(args.micro_reps)]
    llm.close()
    return runs


def answer_bench(questions: list[str], reps: int) -> dict[str, Any]:
    """Warm ``ask`` latency of the whole assistant over ``questions``, ``reps`` times each."""
    from assistant.service import build_assistant
    from assistant.settings import Settings

    settings = Settings()
    assistant = build_assistant(settings)
    start = time.perf_counter()
    assistant.ask("Who painted the Mona Lisa?")  # warm-up: loads both models and the index
    warmup_s = time.perf_counter() - start
    runs = []
    for rep in range(reps):
        for question in questions:
            start = time.perf_counter()
            answer = assistant.ask(question)
            runs.append(
                {
                    "rep": rep,
                    "question": question,
                    "latency_s": time.perf_counter() - start,
                    "generate_ms": answer.timings_ms.get("generate_ms"),
                    "outcome": answer.outcome,
                    "answer": answer.answer,
                    # What the model proposed and the verifier dropped: replies can differ
                    # between builds even when the answer shown does not.
                    "dropped": [d.text for d in answer.dropped],
                }
            )
    model = assistant.chain.model
    return {"warmup_s": warmup_s, "llm_threads": _llm_threads(model), "runs": runs}


def _llm_threads(model: Any) -> int | None:
    llama = getattr(model, "_llama", None)
    return getattr(llama, "n_threads", None)


def build_info() -> dict[str, Any]:
    """Which ``llama_cpp`` this process imported, and what llama.cpp says it was built with."""
    import llama_cpp

    import assistant

    return {
        "assistant": assistant.__file__,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "module": llama_cpp.__file__,
        "version": llama_cpp.__version__,
        "system_info": llama_cpp.llama_print_system_info().decode().strip(),
    }


def child_main(args: argparse.Namespace) -> None:
    """One arm of one round, in its own process; the result goes to ``--child-out``."""
    result: dict[str, Any] = {"build": build_info()}
    if args.micro_reps:
        result["micro"] = micro_bench(args)
    if args.answer_reps:
        result["answers"] = answer_bench(QUESTIONS[: args.questions], args.answer_reps)
    args.child_out.write_text(json.dumps(result))


# ---------------------------------------------------------------- parent: rounds of arms


def parse_arm(text: str) -> tuple[str, Path | None]:
    """``name=DIR`` (a --target build) or ``name=`` (the venv's own llama_cpp)."""
    name, sep, folder = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"an arm is NAME=DIR or NAME=, not {text!r}")
    return name, Path(folder).expanduser() if folder else None


def child_env(build_dir: Path | None, code: Path, data_dir: Path) -> dict[str, str]:
    """An arm's environment: its build, then the code snapshot, first on the path."""
    env = {**os.environ, "MUSEUM_QA_DATA_DIR": str(data_dir)}
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # what assistant/store.py gives the app
    paths = [str(build_dir)] if build_dir is not None else []
    env["PYTHONPATH"] = os.pathsep.join([*paths, str(code)])
    return env


def snapshot(ref: str, into: Path) -> tuple[Path, str]:
    """``ref`` as a directory: an existing dir as is, else a git ref exported with git archive."""
    if Path(ref).is_dir():
        return Path(ref).resolve(), "working tree " + str(Path(ref).resolve())
    commit = subprocess.run(
        ["git", "rev-parse", ref], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit], cwd=REPO, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into, commit


def ingest(corpus: Path, code: Path, data_dir: Path) -> None:
    """Index ``corpus`` into ``data_dir`` once, with the snapshot's museum-qa."""
    command = [sys.executable, "-m", "ui.cli", "ingest", str(corpus)]
    run_child(command, child_env(None, code, data_dir), code, "ingest")


def run_child(command: list[str], env: dict[str, str], code: Path, what: str) -> None:
    """Run a child process in the snapshot ``code``; stop the bench if it fails."""
    done = subprocess.run(command, env=env, cwd=code, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{what} failed ({done.returncode}):\n{done.stderr[-3000:]}")


def run_arm(
    name: str, build_dir: Path | None, code: Path, data_dir: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Run one arm in a child process; its results with the load average before it."""
    load = os.getloadavg()
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [sys.executable, __file__, "--child-out", out.name, *child_flags(args)]
        start = time.perf_counter()
        run_child(command, child_env(build_dir, code, data_dir), code, f"arm {name}")
        result = json.loads(Path(out.name).read_text())
    return {
        "arm": name,
        "build_dir": str(build_dir or ""),
        "cmake_args": build_flags(build_dir),
        "loadavg_before": load,
        "child_s": time.perf_counter() - start,
        **result,
    }


def build_flags(build_dir: Path | None) -> str:
    """The CMAKE_ARGS a build was made with, as its builder noted them (or "").

    bench/build_llama_variants.sh writes ``DIR.cmake_args`` beside a --target build;
    scripts/install.sh writes the venv's flags to ``.venv/.llama-build`` after the pin.
    """
    noted = (
        build_dir.parent / f"{build_dir.name}.cmake_args"
        if build_dir is not None
        else Path(sys.prefix) / ".llama-build"
    )
    if not noted.is_file():
        return ""
    text = noted.read_text().strip()
    return text.split(" ", 1)[1] if text.startswith("llama-cpp-python==") else text


def child_flags(args: argparse.Namespace) -> list[str]:
    """The measurement settings a child needs, as command-line flags."""
    return [
        "--corpus",
        str(args.corpus),
        "--micro-reps",
        str(args.micro_reps),
        "--answer-reps",
        str(args.answer_reps),
        "--questions",
        str(args.questions),
        "--prompt-tokens",
        str(args.prompt_tokens),
        "--max-tokens",
        str(args.max_tokens),
        "--threads",
        str(args.threads),
    ]


def run_rounds(
    arms: list[tuple[str, Path | None]], code: Path, data_dir: Path, args: argparse.Namespace
) -> list[dict[str, Any]]:
    """``args.rounds`` rounds, each running every arm once in order; all arm results."""
    results = []
    for round_no in range(args.rounds):
        for name, build_dir in arms:
            print(
                f"round {round_no + 1}/{args.rounds}: {name} (load {os.getloadavg()[0]:.2f})",
                file=sys.stderr,
                flush=True,
            )
            results.append({"round": round_no, **run_arm(name, build_dir, code, data_dir, args)})
    return results


# ---------------------------------------------------------------- summary


def percentile(samples: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation between closest ranks."""
    ordered = sorted(samples)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def arm_summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of one arm's micro runs, and p50/p90 of its answer latencies."""
    micro = [m for r in runs for m in r.get("micro", [])]
    latencies = [a["latency_s"] for r in runs for a in r.get("answers", {}).get("runs", [])]
    generate = [
        a["generate_ms"] / 1000
        for r in runs
        for a in r.get("answers", {}).get("runs", [])
        if a["generate_ms"] is not None
    ]
    summary: dict[str, Any] = {
        "rounds": len(runs),
        "loadavg_1min": [r["loadavg_before"][0] for r in runs],
    }
    if micro:
        summary |= {
            "prompt_tokens": micro[0]["prompt_tokens"],
            "prompt_tok_s_median": statistics.median(m["prompt_tok_s"] for m in micro),
            "gen_tok_s_median": statistics.median(m["gen_tok_s"] for m in micro),
            "micro_wall_s_median": statistics.median(m["wall_s"] for m in micro),
            "micro_runs": len(micro),
        }
    if micro and "gen_tok_per_cpu_s" in micro[0]:
        summary |= {
            "prompt_tok_per_cpu_s_median": statistics.median(
                m["prompt_tok_per_cpu_s"] for m in micro
            ),
            "gen_tok_per_cpu_s_median": statistics.median(m["gen_tok_per_cpu_s"] for m in micro),
        }
    if latencies:
        summary |= {
            "answer_p50_s": percentile(latencies, 0.5),
            "answer_p90_s": percentile(latencies, 0.9),
            "generate_p50_s": percentile(generate, 0.5) if generate else None,
            "answers": len(latencies),
        }
    return summary


RATIO_KEYS = [
    "prompt_tok_s_median",
    "gen_tok_s_median",
    "prompt_tok_per_cpu_s_median",
    "gen_tok_per_cpu_s_median",
    "answer_p50_s",
    "answer_p90_s",
]


def relative_to(summaries: dict[str, dict[str, Any]], base: str) -> dict[str, dict[str, float]]:
    """Each arm's rates and latencies as a ratio to ``base``'s (rates: >1 is faster)."""
    ref = summaries.get(base, {})
    return {
        arm: {k: s[k] / ref[k] for k in RATIO_KEYS if s.get(k) and ref.get(k)}
        for arm, s in summaries.items()
    }


def paired_ratios(results: list[dict[str, Any]], base: str) -> dict[str, dict[str, float]]:
    """Median over rounds of (arm ÷ base) within each round: drift in load cancels out."""
    rounds: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in results:
        rounds[r["round"]][r["arm"]] = arm_summary([r])
    per_arm: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for arms in rounds.values():
        for arm, ratios in relative_to(arms, base).items():
            for key, value in ratios.items():
                per_arm[arm][key].append(value)
    return {
        arm: {k: statistics.median(v) for k, v in keys.items()} for arm, keys in per_arm.items()
    }


def answer_texts(runs: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Every distinct (outcome, answer) an arm gave, and what the verifier dropped, per question."""
    texts: dict[str, set[str]] = defaultdict(set)
    for r in runs:
        for a in r.get("answers", {}).get("runs", []):
            texts[a["question"]].add(f"{a['outcome']}: {a['answer']}")
            if "dropped" in a:
                texts[f"{a['question']} (dropped)"].add(" / ".join(a["dropped"]))
        for m in r.get("micro", []):
            texts["(micro completion)"].add(m["text"])
    return texts


def differences(by_arm: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, list[str]]]:
    """Questions on which the arms (or one arm's repetitions) did not all say the same thing."""
    per_arm = {arm: answer_texts(runs) for arm, runs in by_arm.items()}
    questions = sorted({q for texts in per_arm.values() for q in texts})
    found = {}
    for q in questions:
        seen = {arm: sorted(texts.get(q, set())) for arm, texts in per_arm.items()}
        if len({t for ts in seen.values() for t in ts}) > 1:
            found[q] = seen
    return found


def machine() -> dict[str, Any]:
    """Where it ran: CPU model and flags that matter for these builds."""
    cpu, flags = "", set[str]()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name") and not cpu:
            cpu = line.split(":", 1)[1].strip()
        if line.startswith("flags") and not flags:
            flags = set(line.split(":", 1)[1].split())
    wanted = [f for f in sorted(flags) if f.startswith(("avx", "amx", "fma", "f16c", "bmi"))]
    return {
        "host": socket.gethostname(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "cpu_flags": wanted,
        "amx": any(f.startswith("amx") for f in flags),
        "python": platform.python_version(),
    }


def report(results: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    """Everything the run found, summarised per arm, with the raw results."""
    by_arm: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        by_arm[r["arm"]].append(r)
    summaries = {arm: arm_summary(runs) for arm, runs in by_arm.items()}
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {k: str(v) for k, v in vars(args).items()},
        "builds": {
            arm: {"cmake_args": runs[0]["cmake_args"], **runs[0]["build"]}
            for arm, runs in by_arm.items()
        },
        "summary": summaries,
        "relative_to_" + args.base: relative_to(summaries, args.base),
        "paired_relative_to_" + args.base: paired_ratios(results, args.base),
        "per_question_p50_s": per_question(results),
        "differences": differences(by_arm),
        "results": results,
    }


def _cell(value: float | None, spec: str, unit: str = "") -> str:
    return "—" if not value else f"{value:{spec}}{unit}"


def table(full: dict[str, Any]) -> list[str]:
    """The per-arm table, in Markdown, with each arm's paired ratios to the base arm."""
    base = full["settings"]["base"]
    ratios = full["paired_relative_to_" + base]
    rows = [
        "| Build | CPU features compiled in | Prompt tok/s | Gen tok/s | Prompt / gen tok per "
        f"CPU-s | Answer p50 / p90 | Relative to {base}: prompt, gen, per CPU-s, answer p50 |",
        "|---|---|---|---|---|---|---|",
    ]
    for arm, s in full["summary"].items():
        features = full["builds"][arm]["system_info"].removeprefix("CPU : ").strip(" |")
        features = " ".join(f.split(" = ")[0] for f in features.split(" | ") if f.endswith("1"))
        r = ratios.get(arm, {})
        shown = ", ".join(_cell(r.get(k), ".2f", "×") for k in RATIO_KEYS if k != "answer_p90_s")
        rows.append(
            f"| {arm} | {features} | {_cell(s.get('prompt_tok_s_median'), '.0f')} "
            f"| {_cell(s.get('gen_tok_s_median'), '.1f')} "
            f"| {_cell(s.get('prompt_tok_per_cpu_s_median'), '.0f')} / "
            f"{_cell(s.get('gen_tok_per_cpu_s_median'), '.1f')} "
            f"| {_cell(s.get('answer_p50_s'), '.1f', ' s')} / "
            f"{_cell(s.get('answer_p90_s'), '.1f', ' s')} "
            f"| {shown} |"
        )
    return rows


def per_question(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Median answer latency of each question, per arm (a slow arm shows where)."""
    samples: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        for a in r.get("answers", {}).get("runs", []):
            samples[a["question"]][r["arm"]].append(a["latency_s"])
    return {
        q: {arm: statistics.median(xs) for arm, xs in arms.items()} for q, arms in samples.items()
    }


def question_table(full: dict[str, Any]) -> list[str]:
    """Median latency per question and arm, in Markdown."""
    arms = list(full["summary"])
    rows = [f"| Question | {' | '.join(arms)} |", "|---|" + "---|" * len(arms)]
    for q, by_arm in full["per_question_p50_s"].items():
        rows.append(f"| {q} | {' | '.join(_cell(by_arm.get(a), '.1f', ' s') for a in arms)} |")
    return rows


def markdown(full: dict[str, Any]) -> str:
    """A short human summary of one run: machine, table, flags, load, answer differences."""
    m, st = full["machine"], full["settings"]
    loads = [x for s in full["summary"].values() for x in s["loadavg_1min"]]
    lines = [
        f"# llama.cpp builds compared ({full['date']})",
        "",
        f"`bench/llama_build_bench.py`, code {st['code_version']}, CPU `{m['cpu']}` "
        f"(nproc {m['nproc']}, AMX: {'yes' if m['amx'] else 'no'}), {st['rounds']} rounds "
        f"interleaved, load average (1 min) before each arm {min(loads):.1f}–{max(loads):.1f}.",
        f"Micro: {st['threads']} threads, {st['max_tokens']} generated tokens, medians; "
        "answers: warm `ask`, p50/p90 over all rounds. Ratios: median over rounds of the "
        "ratio within a round (>1 is faster for rates, slower for latencies).",
        "",
        *table(full),
        "",
        "Flags (`CMAKE_ARGS`):",
        "",
        *[f"- {arm}: `{b['cmake_args'] or '?'}`" for arm, b in full["builds"].items()],
        "",
    ]
    if full["per_question_p50_s"]:
        lines += ["Median answer latency per question:", "", *question_table(full), ""]
    diffs = full["differences"]
    lines.append(
        "Answers: every arm said the same thing to every question."
        if not diffs
        else f"Answers that differ between arms (or repetitions): {len(diffs)} — "
        + "; ".join(f"{q!r}" for q in diffs)
        + " (texts in the JSON, `differences`)."
    )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[1:]),
    )
    parser.add_argument(
        "--arm",
        action="append",
        type=parse_arm,
        dest="arms",
        help="NAME=DIR of a pip --target build, or NAME= for the venv's own "
        f"(repeatable, in run order; default {' '.join(DEFAULT_ARMS)})",
    )
    parser.add_argument("--rounds", type=int, default=5, help="Rounds over all arms (5).")
    parser.add_argument(
        "--micro-reps",
        type=int,
        default=3,
        help="Timed completions per arm and round (3; 0 skips them).",
    )
    parser.add_argument(
        "--answer-reps",
        type=int,
        default=1,
        help="Passes over the questions per arm and round (1; 0 skips them).",
    )
    parser.add_argument(
        "--questions",
        type=int,
        default=len(QUESTIONS),
        help=f"How many of the fixed questions to ask ({len(QUESTIONS)}).",
    )
    parser.add_argument(
        "--prompt-tokens",
        type=int,
        default=600,
        help="Size of the micro benchmark's prompt (600 tokens).",
    )
    parser.add_argument(
        "--max-tokens", type=int, default=128, help="Tokens the micro benchmark generates (128)."
    )
    parser.add_argument(
        "--threads", type=int, default=2, help="n_threads of the micro benchmark's Llama (2)."
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="Corpus to index and to take the prompt from (the code's corpus/).",
    )
    parser.add_argument(
        "--code",
        default="HEAD",
        help="The assistant code to run: a git ref, exported (HEAD), or a dir "
        "(e.g. . for the working tree as it is).",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="An already indexed data dir (default: ingest --corpus into a temporary one).",
    )
    parser.add_argument("--base", default="native", help="Arm the others are compared to.")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "bench/results/llama_builds.json",
        help="Raw results file (bench/results/llama_builds.json); the summary goes beside "
        "it as .md.",
    )
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.arms = args.arms or [parse_arm(a) for a in DEFAULT_ARMS]
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child_out:
        return child_main(args)
    for name, build_dir in args.arms:
        if build_dir is not None and not (build_dir / "llama_cpp").is_dir():
            raise SystemExit(
                f"arm {name}: no llama_cpp in {build_dir} (see bench/build_llama_variants.sh)"
            )
    with tempfile.TemporaryDirectory(prefix="llama-bench-") as tmp:
        code, args.code_version = snapshot(args.code, Path(tmp) / "code")
        args.corpus = (args.corpus or code / "corpus").resolve()
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            ingest(args.corpus, code, data_dir)
        results = run_rounds(args.arms, code, data_dir, args)
    full = report(results, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(full, indent=1) + "\n")
    args.out.with_suffix(".md").write_text(markdown(full))
    shown = {k: v for k, v in full.items() if k != "results"}
    print(json.dumps(shown, indent=1))


if __name__ == "__main__":
    main()
