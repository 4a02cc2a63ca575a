"""The HTTP load benchmark's core, small: 10 concurrent visitors against a real `museum-qa serve`.

The server runs on the scripted model and the test corpus, with its own SQLite answer log.
No timings are asserted here (speed belongs in bench/load_bench.py and docs/performance.md):
only that concurrency loses and repeats nothing, and that nothing fails on the server.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import REPO
from tests.servers import ServeProcess

pytestmark = pytest.mark.integration

VISITORS = 10
QUESTIONS = 200  # 20 per visitor


def load_bench() -> ModuleType:
    """bench/load_bench.py as a module (bench/ is scripts, not a package)."""
    if "load_bench" in sys.modules:
        return sys.modules["load_bench"]
    spec = importlib.util.spec_from_file_location("load_bench", REPO / "bench" / "load_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_bench"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def load_run(indexed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One load run: (bench module, results, log check)."""
    bench = load_bench()
    work = tmp_path_factory.mktemp("load")
    db_url = f"sqlite:///{work / 'answers.sqlite3'}"
    env = {
        "MUSEUM_QA_DATA_DIR": str(indexed_dir),
        "MUSEUM_QA_DB_URL": db_url,
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_API_RATE_LIMIT": bench.RATE_LIMIT,  # all visitors share one address
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }
    server = ServeProcess(env, work / "serve.log").start()
    try:
        plan = bench.question_plan(QUESTIONS, seed=7)
        # In a thread of its own: in the full suite Playwright's event loop runs in this one.
        with ThreadPoolExecutor(1) as pool:
            load = bench.run_load(server.url, plan, VISITORS, timeout=120)
            results, _ = pool.submit(asyncio.run, load).result()
        yield bench, plan, results, bench.check_log(db_url, results, after_id=0)
    finally:
        server.stop()


def test_the_plan_is_a_fixed_mix_of_all_three_kinds():
    bench = load_bench()
    plan = bench.question_plan(QUESTIONS, seed=7)
    assert plan == bench.question_plan(QUESTIONS, seed=7)
    assert plan != bench.question_plan(QUESTIONS, seed=8)
    assert {p.kind for p in plan} == {"answerable", "false_premise", "out_of_collection"}


def test_every_question_is_asked_once_and_every_answer_is_logged_exactly_once(load_run):
    _, plan, results, check = load_run
    assert [r.n for r in results] == [p.n for p in plan]
    answered = [r for r in results if r.status == "200"]
    assert answered, {r.status for r in results}
    assert check["answers_sharing_a_row"] == []
    assert check["answers_without_their_row"] == []
    assert check["missing_from_log"] == {}
    assert check["logged_more_than_asked"] == {}
    assert check["ok"]
    assert {r.outcome for r in answered} == {"answered", "corrected", "refused"}


def test_no_question_fails_on_the_server(load_run):
    _, _, results, _ = load_run
    statuses = {r.status for r in results}
    assert statuses == {"200"}, statuses
