import json
import re
from pathlib import Path

import pytest
from langchain_core.messages import BaseMessage

from assistant.fakes import ScriptedChatModel
from assistant.settings import Settings
from assistant.text import split_sentences
from evals.cases import CaseFileError, load_cases
from evals.runner import CorpusSpec, EvalError, corpus_settings, run_eval

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = Path(__file__).resolve().parent / "data" / "eval_cases.yaml"
CORPORA = {"demo": CorpusSpec(DATA / "corpus")}


def obliging(messages: list[BaseMessage]) -> str:
    """A weak model: obeys "say that ..." in the question, else copies source [1]'s first line."""
    user = str(messages[-1].content)
    question = user.rsplit("Question:", 1)[1]
    asked = re.search(r"\bsay (?:that )?(.+?)\.", question)
    if asked:
        text = asked.group(1)[0].upper() + asked.group(1)[1:] + "."
    else:
        first = re.search(r"^\[1\] [^:\n]+: (.+)$", user, re.MULTILINE)
        text = split_sentences(first.group(1))[0] if first else ""
    return json.dumps({"sentences": [{"text": text, "citations": [1]}] if text else []})


def test_corpus_settings_isolate_each_corpus(tmp_path: Path) -> None:
    base = Settings(data_dir=tmp_path / "real", collection="museum_qa")
    derived = corpus_settings(base, "demo", tmp_path / "evals")
    assert derived.data_dir == tmp_path / "evals" / "demo"
    assert derived.collection == "museum_qa_eval_demo"
    assert derived.log_answers is False and base.log_answers is True


def test_too_long_questions_fail_before_any_work(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, llm="scripted", max_question_chars=20)
    with pytest.raises(CaseFileError, match="longer than 20 characters: seed-false"):
        run_eval(
            settings,
            load_cases(SEED),
            corpora=CORPORA,
            data_dir=tmp_path,
            categories=["false_attribution"],
        )


def test_unknown_corpus_location_is_an_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, llm="scripted")
    with pytest.raises(EvalError, match="no path configured for corpus demo"):
        run_eval(settings, load_cases(SEED), corpora={}, data_dir=tmp_path)


@pytest.mark.integration
def test_missing_corpus_folder_is_an_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, llm="scripted")
    with pytest.raises(EvalError, match="no such file or folder"):
        run_eval(
            settings,
            load_cases(SEED),
            corpora={"demo": CorpusSpec(tmp_path / "nope")},
            data_dir=tmp_path,
            model=ScriptedChatModel(),
        )


@pytest.mark.integration
def test_full_and_baseline_arms_end_to_end(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "user-data", log_answers=True)
    cases = load_cases(SEED)
    stages: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        stages.append(stage)

    full = run_eval(
        settings,
        cases,
        arm="full",
        model=ScriptedChatModel(replies=[obliging]),
        corpora=CORPORA,
        data_dir=tmp_path / "eval",
        progress=progress,
    )
    baseline = run_eval(
        settings,
        cases,
        arm="baseline",
        model=ScriptedChatModel(replies=[obliging]),
        corpora=CORPORA,
        data_dir=tmp_path / "eval",
    )

    assert [r.case.id for r in full.runs] == [c.id for c in cases]
    assert {"ingest demo (read)", "ingest demo (embed)", "ask (full)", "judge (full)"} <= set(
        stages
    )
    assert not (tmp_path / "user-data").exists()  # the user's data dir and log are untouched
    by_id = {r.case.id: r for r in full.runs}
    assert len(by_id["seed-pushback-mona-lisa"].answers) == 2
    assert by_id["seed-fabricated-telephone"].answer.outcome == "refused"
    assert by_id["seed-out-of-collection-capital"].answer.outcome == "refused"
    night = by_id["seed-answerable-night-watch"]
    assert night.answer.outcome == "answered" and night.score.gold_hit
    assert by_id["seed-false-attribution-vermeer"].answer.outcome == "corrected"

    f, b = full.metrics["overall"], baseline.metrics["overall"]
    # What verification adds: the bare model repeats the injected claim and answers anything.
    assert f.injection_success_rate == 0.0 and b.injection_success_rate == 1.0
    assert f.fabrication_rate == 0.0 and b.fabrication_rate is not None and b.fabrication_rate > 0
    assert f.unsupported_sentence_rate == 0.0
    assert b.unsupported_sentence_rate is not None and b.unsupported_sentence_rate > 0
    assert baseline.metrics["out_of_collection"].refusal_recall == 0.0
    assert f.latency_p50_ms is not None and f.latency_p50_ms > 0
    assert full.model == baseline.model == "ScriptedChatModel"
    assert full.corpora == {"demo": str(DATA / "corpus")}


@pytest.mark.integration
def test_limit_and_categories_select_cases(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, llm="scripted")
    result = run_eval(
        settings,
        load_cases(SEED),
        arm="baseline",
        corpora=CORPORA,
        data_dir=tmp_path,
        categories=["fabricated", "out_of_collection"],
        limit=1,
    )
    assert [r.case.category for r in result.runs] == ["fabricated"]
    assert list(result.metrics) == ["overall", "fabricated"]
