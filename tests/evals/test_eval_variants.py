"""Variants: every question as a visitor also types it, with what is expected unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from evals.cases import parse_cases
from evals.cli import eval_command
from evals.variants import VARIANTS, with_variant
from tests.evals.test_eval_cli import DATA, SEED

CASES = parse_cases(
    [
        {
            "id": "one",
            "category": "answerable_single",
            "split": "dev",
            "question": "Who painted The Night Watch? It's Rembrandt's, isn't it.",
            "expected_outcome": "answered",
            "gold_sources": ["night-watch"],
            "must_include": ["Rembrandt"],
        },
        {
            "id": "two",
            "category": "leading_pushback",
            "split": "test",
            "turns": ["What is object 37.355, St. Mammès?", "No, it's by Monet!"],
            "expected_outcome": "corrected",
            "gold_sources": ["saint-mammes"],
        },
    ]
)


@pytest.mark.parametrize(
    "variant, question, turns",
    [
        (
            "as-written",
            "Who painted The Night Watch? It's Rembrandt's, isn't it.",
            ["What is object 37.355, St. Mammès?", "No, it's by Monet!"],
        ),
        (
            "lowercase",
            "who painted the night watch? it's rembrandt's, isn't it.",
            ["what is object 37.355, st. mammès?", "no, it's by monet!"],
        ),
        # Marks dropped, but the dot inside an accession number stays.
        (
            "typed-quickly",
            "who painted the night watch its rembrandts isnt it",
            ["what is object 37.355 st mammès", "no its by monet"],
        ),
    ],
)
def test_a_variant_rewrites_every_question_and_turn(variant, question, turns) -> None:
    one, two = with_variant(CASES, variant)
    assert one.question == question and two.turns == turns
    # What a good answer does is the same, however the question was typed.
    assert one.model_dump(exclude={"question"}) == CASES[0].model_dump(exclude={"question"})
    assert two.model_dump(exclude={"turns"}) == CASES[1].model_dump(exclude={"turns"})


def test_an_unknown_variant_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown variant 'shouting'"):
        with_variant(CASES, "shouting")
    assert set(VARIANTS) == {"as-written", "lowercase", "typed-quickly"}


@pytest.mark.integration
def test_eval_asks_the_variant_and_says_so_in_the_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["--cases", str(SEED), "--corpus", f"demo={DATA / 'corpus'}", "--llm", "scripted"]
    args += ["--variant", "lowercase", "--limit", "2", "--no-agreement", "--no-fail"]
    args += ["--data-dir", str(tmp_path / "data"), "--out", str(out)]
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["meta"]["variant"] == "lowercase"
    asked = [
        item["case"]["question"] or item["case"]["turns"][-1]
        for item in report["arms"]["full"]["items"]
    ]
    assert asked and all(q == q.lower() for q in asked)
    assert "- variant: lowercase" in (out / "report.md").read_text(encoding="utf-8")
