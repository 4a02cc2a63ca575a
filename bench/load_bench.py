"""HTTP load benchmark of ``museum-qa serve`` on loopback (run on demand, not part of pytest).

    .venv/bin/python bench/load_bench.py                      # embedded model, SQLite log
    .venv/bin/python bench/load_bench.py --setup shared       # chroma run + PostgreSQL +
                                                              # llama-cpp-python model server
    .venv/bin/python bench/load_bench.py --url http://127.0.0.1:8080 --db-url sqlite:///...
    .venv/bin/python bench/load_bench.py --visitors 10 --questions 40   # a quick look

``--visitors`` concurrent visitors (asyncio + httpx, one connection each) share a fixed plan of
``--questions`` questions: a seeded, repeatable mix of answerable, false-premise and
out-of-collection questions. Each visitor takes the next question of the plan as soon as its
previous answer has arrived. Reported: throughput (questions/s over the wall time), latency
p50/p95/max, answer outcomes, and errors by HTTP status (or transport error).

Then the answer log is checked: every answered question must be in it exactly once. Each
answer's ``X-Answer-Id`` header names its row (by its public id); the row must hold that
question, no two answers may share a row, and the rows the run added must be exactly the
questions answered (same texts, same number of times). Without ``--db-url`` (against
``--url``) that check is skipped.

When it starts the server itself, it ingests ``--corpus`` (default: the demo corpus) into a
temporary data dir (or a Chroma server) and sets ``MUSEUM_QA_API_RATE_LIMIT`` high: 50
visitors on one loopback address would otherwise be rate limited as one client. Results print
as JSON and go to bench/results/<date>-<host>-load-<setup>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import shutil
import socket
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# What visitors ask. All three kinds are in both the demo corpus and tests/data/corpus.
ANSWERABLE = [
    "Who painted The Night Watch?",
    "What is the Rosetta Stone made of?",
    "Who painted the Mona Lisa?",
    "Why is it called The Night Watch?",
    "Where is the Mona Lisa kept?",
    "When was The Night Watch painted?",
]
FALSE_PREMISE = [
    "Why did Vermeer paint The Night Watch?",
    "Is the Rosetta Stone made of marble?",
    "When did Leonardo paint the Mona Lisa in 1750?",
]
OUT_OF_COLLECTION = [
    "What is the capital of France?",
    "How tall is the Eiffel Tower?",
    "Who painted the Sistine Chapel ceiling?",
]
KINDS = {
    "answerable": (ANSWERABLE, 0.5),
    "false_premise": (FALSE_PREMISE, 0.25),
    "out_of_collection": (OUT_OF_COLLECTION, 0.25),
}
RATE_LIMIT = "1000000/minute"


@dataclass(frozen=True)
class Planned:
    """One question of the plan."""

    n: int
    kind: str
    question: str


@dataclass
class Result:
    """What happened to one question."""

    n: int
    kind: str
    question: str
    status: str  # the HTTP status ("200", "503") or "error:<ExceptionName>"
    latency_s: float
    answer_id: str | None = None  # the X-Answer-Id header: the row's public id
    outcome: str | None = None


def question_plan(total: int, seed: int) -> list[Planned]:
    """``total`` questions in a fixed, seeded order: half answerable, a quarter of each other."""
    rng = random.Random(seed)
    plan = []
    for n in range(total):
        kind = rng.choices(list(KINDS), weights=[w for _, w in KINDS.values()])[0]
        plan.append(Planned(n, kind, rng.choice(KINDS[kind][0])))
    return plan


async def run_load(
    base_url: str, plan: list[Planned], visitors: int, timeout: float = 900.0
) -> tuple[list[Result], float]:
    """Ask every planned question through ``visitors`` concurrent clients; (results, wall s)."""
    import httpx

    pending = iter(plan)  # one event loop: taking the next item needs no lock
    results: list[Result] = []

    async def visitor() -> None:
        async with httpx.AsyncClient(base_url=base_url, timeout=timeout) as client:
            for item in pending:
                started = time.perf_counter()
                try:
                    reply = await client.post("/ask", json={"question": item.question})
                except httpx.HTTPError as exc:
                    status, answer_id, outcome = f"error:{type(exc).__name__}", None, None
                else:
                    status = str(reply.status_code)
                    answer_id = reply.headers.get("x-answer-id")
                    outcome = reply.json().get("outcome") if reply.status_code == 200 else None
                elapsed = time.perf_counter() - started
                results.append(
                    Result(item.n, item.kind, item.question, status, elapsed, answer_id, outcome)
                )

    started = time.perf_counter()
    await asyncio.gather(*(visitor() for _ in range(visitors)))
    return sorted(results, key=lambda r: r.n), time.perf_counter() - started


def latency(samples: list[float]) -> dict[str, float | int]:
    """p50, p95 and max in milliseconds."""
    if not samples:
        return {"n": 0}
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "n": len(ordered),
    }


def summarize(results: list[Result], wall_s: float) -> dict[str, Any]:
    """Throughput, latency (overall and by kind), outcomes and statuses."""
    ok = [r for r in results if r.status == "200"]
    return {
        "questions": len(results),
        "wall_s": round(wall_s, 2),
        "questions_per_s": round(len(results) / wall_s, 3) if wall_s else None,
        "latency_all": latency([r.latency_s for r in results]),
        "latency_by_kind": {
            kind: latency([r.latency_s for r in ok if r.kind == kind]) for kind in KINDS
        },
        "statuses": dict(sorted(Counter(r.status for r in results).items())),
        "outcomes": dict(sorted(Counter(r.outcome for r in ok if r.outcome).items())),
        "errors": sum(r.status != "200" for r in results),
        "server_errors_5xx": sum(r.status.startswith("5") for r in results),
    }


def max_log_id(db_url: str) -> int:
    """The highest answer-log id now (0 for an empty or missing log)."""
    from sqlalchemy import create_engine, func, select
    from sqlalchemy.exc import DBAPIError

    from assistant.answer_log import AnswerRow

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(select(func.max(AnswerRow.id))) or 0)
    except DBAPIError:  # no table yet: the server creates it
        return 0
    finally:
        engine.dispose()


def check_log(db_url: str, results: list[Result], after_id: int) -> dict[str, Any]:
    """Whether every answered question is in the log exactly once (rows with id > after_id)."""
    from sqlalchemy import create_engine, select

    from assistant.answer_log import AnswerRow

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            found = conn.execute(
                select(AnswerRow.public_id, AnswerRow.question, AnswerRow.warnings).where(
                    AnswerRow.id > after_id
                )
            ).all()
    finally:
        engine.dispose()
    rows = {i: q for i, q, _ in found}
    # e.g. "model unavailable": the model server timed out and the record was quoted instead.
    warned = Counter(str(w[0]).split(":")[0][:80] for _, _, w in found if w)
    answered = [r for r in results if r.status == "200"]
    ids = [r.answer_id for r in answered]
    shared = sorted(i for i, k in Counter(ids).items() if i is not None and k > 1)
    wrong_row = [
        {"n": r.n, "answer_id": r.answer_id, "question": r.question, "row": rows.get(r.answer_id)}
        for r in answered
        if r.answer_id is None or rows.get(r.answer_id) != r.question
    ]
    expected = Counter(r.question for r in answered)
    logged = Counter(rows.values())
    # A 503 from a search outage is logged too (as a refusal); nothing else may be extra.
    may_be_extra = Counter(r.question for r in results if r.status == "503")
    missing = expected - logged
    extra = logged - expected - may_be_extra
    return {
        "ok": not (shared or wrong_row or missing or extra),
        "answered": len(answered),
        "rows_added": len(rows),
        "answers_sharing_a_row": shared,
        "answers_without_their_row": wrong_row[:20],
        "missing_from_log": dict(missing),
        "logged_more_than_asked": dict(extra),
        "rows_with_warnings": dict(warned),
    }


# -- starting what is measured ----------------------------------------------------------------


@contextmanager
def embedded_setup(
    work: Path, corpus: Path, llm: str, data_dir: Path | None
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """``museum-qa serve`` with embedded Chroma and the SQLite log: (url, db_url, env)."""
    from tests.servers import ServeProcess

    if data_dir is None:
        data_dir = work / "data"
        _ingest(corpus, {"MUSEUM_QA_DATA_DIR": str(data_dir)})
    db_url = f"sqlite:///{work / 'answers.sqlite3'}"
    env = {
        "MUSEUM_QA_DATA_DIR": str(data_dir),
        "MUSEUM_QA_DB_URL": db_url,
        "MUSEUM_QA_LLM": llm,
        "MUSEUM_QA_API_RATE_LIMIT": RATE_LIMIT,
        "MUSEUM_QA_API_MAX_PENDING": "100000",  # every visitor waits; the bench measures queueing
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }
    server = ServeProcess(env, work / "serve.log").start()
    try:
        yield server.url, db_url, env
    finally:
        server.stop()


@contextmanager
def shared_setup(work: Path, corpus: Path) -> Iterator[tuple[str, str, dict[str, str]]]:
    """``museum-qa serve`` on a ``chroma run`` server, PostgreSQL and a llama-cpp model server."""
    from tests.model_server import free_port, start_llama_server
    from tests.servers import ChromaServer, PostgresServer, ServeProcess

    with ExitStack() as stack:
        chroma = ChromaServer(work / "chroma" / "db").start()
        stack.callback(chroma.stop)
        postgres = PostgresServer().start()
        stack.callback(postgres.remove)
        db_url = postgres.new_database()
        model = start_llama_server(free_port(), work)
        stack.callback(model.stop)
        env = {
            "MUSEUM_QA_DATA_DIR": str(work / "data"),
            "MUSEUM_QA_CHROMA_URL": chroma.url,
            "MUSEUM_QA_DB_URL": db_url,
            "MUSEUM_QA_LLM": model.llm,
            "MUSEUM_QA_API_RATE_LIMIT": RATE_LIMIT,
            # Every visitor waits: the bench measures queueing.
            "MUSEUM_QA_API_MAX_PENDING": "100000",
            "MUSEUM_QA_UI_STREAM_DELAY": "0",
        }
        _ingest(corpus, env)
        server = ServeProcess(env, work / "serve.log").start()
        stack.callback(server.stop)
        yield server.url, db_url, env


def _ingest(corpus: Path, env: dict[str, str]) -> None:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ingest", str(corpus)],
        env={**os.environ, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"ingest failed:\n{done.stderr[-3000:]}")


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def machine() -> dict[str, Any]:
    """Where it ran (the load average says how shared the machine was)."""
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "host": socket.gethostname(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="A running museum-qa serve to load (nothing is started).")
    parser.add_argument("--db-url", help="Its answer log (SQLAlchemy URL), for the log check.")
    parser.add_argument("--setup", choices=["embedded", "shared"], default="embedded")
    parser.add_argument("--llm", default="embedded", help="MUSEUM_QA_LLM for --setup embedded.")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--data-dir", type=Path, help="An existing index (skips the ingest).")
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900.0, help="Seconds per request.")
    parser.add_argument("--out", type=Path, help="Results file (default bench/results/...).")
    parser.add_argument(
        "--keep", action="store_true", help="Keep the work dir (server logs, index, SQLite log)."
    )
    args = parser.parse_args()
    args.corpus = args.corpus.resolve()

    plan = question_plan(args.questions, args.seed)
    report: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "visitors": args.visitors,
        "seed": args.seed,
        "plan": dict(Counter(p.kind for p in plan)),
    }
    work = Path(tempfile.mkdtemp(prefix="museum-qa-load-"))
    try:
        with ExitStack() as stack:
            if args.url:
                url, db_url = args.url.rstrip("/"), args.db_url
                report["setup"] = {"target": "given --url"}
            elif args.setup == "shared":
                url, db_url, env = stack.enter_context(shared_setup(work, args.corpus))
                report["setup"] = {
                    "target": "museum-qa serve, chroma run, PostgreSQL, llama_cpp.server",
                    "llm": env["MUSEUM_QA_LLM"].rsplit(":", 1)[-1],
                    "corpus": _shown(args.corpus),
                }
            else:
                url, db_url, env = stack.enter_context(
                    embedded_setup(work, args.corpus, args.llm, args.data_dir)
                )
                report["setup"] = {
                    "target": "museum-qa serve, embedded Chroma, SQLite log",
                    "llm": args.llm,
                    "corpus": _shown(args.corpus),
                }
            before = max_log_id(db_url) if db_url else 0
            results, wall = asyncio.run(run_load(url, plan, args.visitors, args.timeout))
            report["load_average_at_end"] = os.getloadavg()
            report["summary"] = summarize(results, wall)
            report["log_check"] = (
                check_log(db_url, results, before) if db_url else "skipped: no --db-url"
            )
            report["results"] = [asdict(r) for r in results]
    finally:
        if args.keep:
            print(f"work dir kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    name = "url" if args.url else args.setup
    shown = {k: v for k, v in report.items() if k != "results"}
    print(json.dumps(shown, indent=2, default=str))
    out = args.out or REPO / "bench" / "results" / (
        f"{dt.date.today().isoformat()}-{socket.gethostname()}-load-{name}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"written to {out}", file=sys.stderr)
    check = report["log_check"]
    if report["summary"]["server_errors_5xx"] or (isinstance(check, dict) and not check["ok"]):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
