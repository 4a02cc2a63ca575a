"""bench/llama_build_bench.py's bookkeeping: arms, environments, summaries, answer comparison.

No llama.cpp build is compiled or timed here and no timing is asserted (speed belongs in the
benchmark and docs/performance.md); these are the parts that decide what the numbers mean.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import REPO


def load_bench() -> ModuleType:
    """bench/llama_build_bench.py as a module (bench/ is scripts, not a package)."""
    if "llama_build_bench" in sys.modules:
        return sys.modules["llama_build_bench"]
    path = REPO / "bench" / "llama_build_bench.py"
    spec = importlib.util.spec_from_file_location("llama_build_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["llama_build_bench"] = module
    spec.loader.exec_module(module)
    return module


def arm_run(arm: str, answers: dict[str, str], micro_text: str = "x", **rates: float) -> dict:
    """One arm's result of one round, as a child reports it."""
    micro = {
        "prompt_tokens": 600,
        "gen_tokens": 128,
        "prompt_tok_s": rates.get("pp", 100.0),
        "gen_tok_s": rates.get("gen", 10.0),
        "wall_s": 1.0,
        "text": micro_text,
    }
    runs = [
        {
            "question": q,
            "latency_s": rates.get("latency", 2.0),
            "generate_ms": 1000.0,
            "outcome": "answered",
            "answer": a,
            "rep": 0,
        }
        for q, a in answers.items()
    ]
    return {
        "arm": arm,
        "loadavg_before": (1.0, 1.0, 1.0),
        "micro": [micro],
        "answers": {"runs": runs},
    }


def test_arms_name_a_target_dir_or_the_venvs_own_build():
    bench = load_bench()
    assert bench.parse_arm("portable=") == ("portable", None)
    assert bench.parse_arm("native=/tmp/x") == ("native", Path("/tmp/x"))
    with pytest.raises(argparse.ArgumentTypeError):
        bench.parse_arm("/tmp/x")


def test_default_arms_run_portable_native_avx512_in_that_order():
    args = load_bench().parse_args([])
    assert [name for name, _ in args.arms] == ["portable", "native", "avx512"]
    assert args.arms[0][1] is None


def test_a_child_imports_its_build_then_the_code_snapshot(monkeypatch: pytest.MonkeyPatch):
    bench = load_bench()
    monkeypatch.setenv("PYTHONPATH", "/somewhere/else")
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    env = bench.child_env(Path("/tmp/llama-builds/native"), Path("/code"), Path("/data"))
    assert env["PYTHONPATH"].split(os.pathsep) == ["/tmp/llama-builds/native", "/code"]
    assert env["MUSEUM_QA_DATA_DIR"] == "/data"
    assert env["OMP_WAIT_POLICY"] == "PASSIVE"
    assert bench.child_env(None, Path("/code"), Path("/data"))["PYTHONPATH"] == "/code"


def test_the_code_snapshot_is_a_commit_or_a_dir(tmp_path: Path):
    bench = load_bench()
    code, version = bench.snapshot("HEAD", tmp_path / "code")
    assert (code / "assistant" / "service.py").is_file()
    assert len(version) == 40
    assert bench.snapshot(str(tmp_path), tmp_path / "x") == (tmp_path, f"working tree {tmp_path}")


def test_percentiles_interpolate_between_ranks():
    bench = load_bench()
    assert bench.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert bench.percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert bench.percentile([1.0] * 9 + [11.0], 0.9) == pytest.approx(2.0)


def test_summary_and_ratios_per_arm():
    bench = load_bench()
    runs = [
        arm_run("native", {"q": "a"}, pp=200.0, latency=2.0),
        arm_run("native", {"q": "a"}, pp=100.0, latency=4.0),
    ]
    summary = bench.arm_summary(runs)
    assert summary["prompt_tok_s_median"] == 150.0
    assert summary["answer_p50_s"] == 3.0
    assert summary["answers"] == 2
    ratios = bench.relative_to(
        {"native": summary, "other": {**summary, "answer_p50_s": 6.0}}, "native"
    )
    assert ratios["other"]["answer_p50_s"] == 2.0
    assert ratios["native"]["prompt_tok_s_median"] == 1.0


def test_ratios_are_paired_within_each_round():
    bench = load_bench()
    results = [
        {**arm_run("native", {"q": "a"}, pp=100.0), "round": 0},
        {**arm_run("portable", {"q": "a"}, pp=50.0), "round": 0},
        {**arm_run("native", {"q": "a"}, pp=400.0), "round": 1},
        {**arm_run("portable", {"q": "a"}, pp=400.0), "round": 1},
    ]
    paired = bench.paired_ratios(results, "native")
    assert paired["portable"]["prompt_tok_s_median"] == 0.75  # median of 0.5 and 1.0
    assert paired["native"]["prompt_tok_s_median"] == 1.0


def test_identical_answers_report_no_difference():
    bench = load_bench()
    by_arm: dict[str, list[dict[str, Any]]] = {
        "portable": [arm_run("portable", {"q1": "A.", "q2": "B."})],
        "native": [arm_run("native", {"q1": "A.", "q2": "B."})],
    }
    assert bench.differences(by_arm) == {}


def test_a_different_answer_or_completion_is_reported_per_arm():
    bench = load_bench()
    by_arm = {
        "portable": [arm_run("portable", {"q1": "A.", "q2": "B."}, micro_text="same")],
        "avx512": [arm_run("avx512", {"q1": "A.", "q2": "C."}, micro_text="other")],
    }
    found = bench.differences(by_arm)
    assert set(found) == {"q2", "(micro completion)"}
    assert found["q2"] == {"portable": ["answered: B."], "avx512": ["answered: C."]}
