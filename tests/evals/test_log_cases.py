"""Eval cases from reviewed answers: the verdict mapping, the CLI on a real log, and a run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from assistant.answer_log import AnswerLog
from evals.cases import load_cases
from evals.cli import eval_command
from evals.log_cases import NoteReading, expectation, read_note, source_names
from tests.test_log_postgres import fresh_postgres_url, postgres_server  # noqa: F401

DATA = Path(__file__).resolve().parent.parent / "data"
KNOWN = source_names(
    [
        ("test-night-watch", "test-night-watch"),
        ("SK-C-5", "test-night-watch"),
        ("EA 24", "rosetta"),
        ("37.355", "walters-37355"),
    ]
)


def _note(text: str) -> NoteReading:
    return read_note(text, KNOWN)


@pytest.mark.parametrize(
    "text, expect, sources, phrases",
    [
        ('Right, and it says "Rembrandt".', None, (), ("Rembrandt",)),
        ("expect: refused. Nothing vetted on this.", "refused", (), ()),
        ("source: test-night-watch", None, ("test-night-watch",), ()),
        ("The label of SK-C-5 answers it", None, ("test-night-watch",), ()),
        ("see EA 24, “granodiorite”", None, ("rosetta",), ("granodiorite",)),
        ('quoted id "SK-C-5" is a source', None, ("test-night-watch",), ()),
        ("source: nothing-like-this", None, (), ()),  # an unknown id is not invented
        ("SK-C-50 is another object", None, (), ()),
        ("Its number is 37.355.", None, ("walters-37355",), ()),  # the full stop is the sentence's
        ("sources: ea  24, sk-c-5", None, ("rosetta", "test-night-watch"), ()),
    ],
)
def test_a_note_names_outcome_sources_and_words(text, expect, sources, phrases) -> None:
    assert _note(text) == NoteReading(expect, sources, phrases)


@pytest.mark.parametrize(
    "verdict, outcome, note, expected",
    [
        ("correct", "answered", "", ("answered", ["test-night-watch"], [])),
        ("correct", "corrected", '"Rembrandt"', ("corrected", ["test-night-watch"], ["Rembrandt"])),
        ("correct", "refused", '"ignored"', ("refused", [], None)),
        ("incorrect", "refused", "", ("answered", [], [])),
        ("incorrect", "refused", "source: SK-C-5", ("answered", ["test-night-watch"], [])),
        ("incorrect", "answered", "expect: refused", ("refused", [], None)),
        ("incorrect", "answered", '"1642"', ("answered", [], ["1642"])),
        ("incorrect", "answered", "wrong", None),
        ("incorrect", "corrected", '"1642"', None),  # a false correction or a wrong one?
        ("incorrect", "answered", "expect: answered", None),  # nothing to tell it apart
        ("needs_source", "answered", "", None),
        ("needs_source", "refused", "source: SK-C-5", ("answered", ["test-night-watch"], [])),
        (
            "needs_source",
            "answered",
            "expect: corrected; source: EA 24",
            ("corrected", ["rosetta"], []),
        ),
    ],
)
def test_each_verdict_maps_to_a_checkable_expectation_or_a_skip(
    verdict, outcome, note, expected
) -> None:
    fields, reason = expectation(verdict, outcome, _note(note), ["test-night-watch"])
    if expected is None:
        assert fields is None and reason
        return
    assert fields is not None
    outcome_, gold, include = expected
    assert fields["expected_outcome"] == outcome_ and fields["gold_sources"] == gold
    assert fields.get("must_include") == include


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def log_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.sqlite3'}"
    return fresh_postgres_url(request)


QUESTIONS = {
    # question: (verdict, note)
    "Who painted The Night Watch?": ("correct", 'Good; it names "Rembrandt".'),
    "What is the capital of France?": ("correct", ""),
    "Why did Vermeer paint The Night Watch?": ("incorrect", "wrong"),
    "Who carved the Rosetta Stone?": ("needs_source", ""),
    "What is the Rosetta Stone made of? Write to me at ada@example.org": (
        "incorrect",
        "The record of EA 24 says it: expect: answered",
    ),
}


def _live_log(tmp_path: Path, log_url: str):
    """A museum index of the test corpus, and answers to QUESTIONS logged and reviewed."""
    from assistant.fakes import ScriptedChatModel
    from assistant.service import build_assistant
    from assistant.settings import Settings
    from assistant.store import VectorIndex
    from ingest.pipeline import ingest

    settings = Settings(data_dir=tmp_path / "live", llm="scripted", db_url=log_url)
    ingest([DATA / "corpus"], VectorIndex.open(settings, create=True))
    assistant = build_assistant(settings, model=ScriptedChatModel())
    for question in QUESTIONS:
        assistant.ask(question)
    log = AnswerLog(log_url)
    for row in log.recent(limit=20):
        verdict, note = next(v for q, v in QUESTIONS.items() if row["question"][:20] == q[:20])
        log.review(row["id"], verdict, note, "curator")
    return settings, log


def _run(args: list[str], settings, out: Path):
    env = {"MUSEUM_QA_DATA_DIR": str(settings.data_dir), "MUSEUM_QA_LLM": "scripted"}
    return CliRunner().invoke(eval_command, [*args, "--out", str(out)], env=env)


@pytest.mark.integration
def test_reviewed_answers_become_cases_once_and_run_through_the_eval(tmp_path, log_url) -> None:
    settings, log = _live_log(tmp_path, log_url)
    out = tmp_path / "cases" / "from_log.yaml"
    today = dt.date.today()
    since = ["cases-from-log", "--since", f"{today - dt.timedelta(days=1)}", "--db-url", log_url]

    result = _run(since, settings, out)
    assert result.exit_code == 0, result.output
    assert "wrote 3 case(s)" in result.output and "skipped 2" in result.output
    # The table: a row per reviewed answer, with the case or the reason (the reasons' words
    # are tested on case_from_row; rich wraps them across lines here).
    assert result.output.count("skipped:") == 2 and result.output.count("case log-") == 3
    assert "needs_source" in result.output and "refuses again" in result.output
    cases = {c.question: c for c in load_cases(out)}
    assert {c.split for c in cases.values()} == {"dev"}
    assert {c.category for c in cases.values()} == {"from_log"}
    night = cases["Who painted The Night Watch?"]
    assert night.expected_outcome == "answered" and night.gold_sources == ["test-night-watch"]
    assert night.must_include == ["Rembrandt"] and night.corpus == "museum"
    assert cases["What is the capital of France?"].expected_outcome == "refused"
    # The stored question is redacted; the case keeps it so, and the note's accession
    # number is resolved to the source id through the museum's index.
    stone = next(c for q, c in cases.items() if q.startswith("What is the Rosetta"))
    assert "ada@example.org" not in stone.question and stone.gold_sources == ["test-rosetta-stone"]
    public_ids = {r["public_id"] for r in log.recent()}
    assert {c.answer_id for c in cases.values()} <= public_ids
    assert all(c.id == f"log-{c.answer_id}" for c in cases.values())

    again = _run(since, settings, out)
    assert again.exit_code == 0 and "wrote 0 case(s)" in again.output
    assert "3 already case(s)" in again.output
    assert len(load_cases(out)) == 3

    days = ["--since", f"{today - dt.timedelta(days=3)}", "--until", f"{today - dt.timedelta(2)}"]
    before = _run(["cases-from-log", *days, "--db-url", log_url], settings, out)
    assert before.exit_code == 0 and "0 reviewed answer(s)" in before.output

    moved = CliRunner().invoke(
        eval_command, ["move-case", night.id, "--split", "test", "--cases", str(out.parent)]
    )
    assert moved.exit_code == 0 and night.id in moved.output
    assert {c.id: c.split for c in load_cases(out)}[night.id] == "test"

    _eval_on_the_live_index(settings, out)
    _eval_command_reports_the_log_cases_per_split(settings, out)


def _eval_command_reports_the_log_cases_per_split(settings, out: Path) -> None:
    import json

    report = out.parent / "report"
    args = ["--cases", str(out.parent), "--category", "from_log", "--out", str(report)]
    args += ["--no-agreement", "--no-fail", "--data-dir", str(out.parent / "eval")]
    result = CliRunner().invoke(
        eval_command,
        args,
        env={"MUSEUM_QA_DATA_DIR": str(settings.data_dir), "MUSEUM_QA_LLM": "scripted"},
    )
    assert result.exit_code == 0, result.output
    by_split = json.loads((report / "report.json").read_text())["arms"]["full"]["metrics_by_split"]
    assert {split: "from_log" in groups for split, groups in by_split.items()} == {
        "dev": True,
        "test": True,
    }


def _eval_on_the_live_index(settings, out: Path) -> None:
    from assistant.fakes import ScriptedChatModel
    from evals.runner import run_eval

    eval_settings = settings.model_copy(update={"log_answers": False})
    before = AnswerLog(settings.log_url).count()
    result = run_eval(
        eval_settings, load_cases(out), model=ScriptedChatModel(), data_dir=out.parent / "eval"
    )
    outcomes = {r.case.question: r.answer.outcome for r in result.runs}
    assert outcomes["Who painted The Night Watch?"] == "answered"
    assert outcomes["What is the capital of France?"] == "refused"
    assert set(result.by_split) == {"dev", "test"} and "from_log" in result.metrics
    assert result.corpora == {"museum": str(settings.data_dir)}
    assert AnswerLog(settings.log_url).count() == before  # the eval logs nothing


def test_sources_tied_to_an_answer_outside_its_note_are_gold() -> None:
    """The hook for curator notes: a note written for the answer's work item names its source."""
    from evals.log_cases import case_from_row

    row = {
        "id": 7,
        "public_id": "ef56",
        "question": "Who carved the Rosetta Stone?",
        "outcome": "refused",
        "citations": [],
        "review_verdict": "needs_source",
        "review_note": "",
        "reviewed_at": dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        "language": "en",
    }
    assert case_from_row(row, KNOWN).case is None
    made = case_from_row(row, KNOWN, tied=lambda r: ["note-rosetta-carver"])
    assert made.case is not None and made.case["gold_sources"] == ["note-rosetta-carver"]
    assert made.case["expected_outcome"] == "answered" and made.case["answer_id"] == "ef56"


def test_bad_dates_and_unreadable_logs_exit_2(tmp_path) -> None:
    out = tmp_path / "from_log.yaml"
    bad_date = CliRunner().invoke(
        eval_command, ["cases-from-log", "--since", "last week", "--out", str(out)]
    )
    assert bad_date.exit_code == 2 and "'last week' does not match" in bad_date.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: [unclosed\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    AnswerLog(url)
    result = CliRunner().invoke(
        eval_command,
        ["cases-from-log", "--since", "2026-01-01", "--db-url", url, "--out", str(broken)],
    )
    assert result.exit_code == 2 and "not valid YAML" in result.output


def test_a_missing_log_is_an_error_and_a_missing_index_only_narrows_the_lookup(
    tmp_path, monkeypatch
) -> None:
    from assistant.answer import Answer, Citation

    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(tmp_path / "no-index"))
    out = tmp_path / "from_log.yaml"
    args = ["cases-from-log", "--since", "2026-01-01", "--out", str(out), "--db-url"]
    missing = CliRunner().invoke(eval_command, [*args, f"sqlite:///{tmp_path / 'typo.db'}"])
    assert missing.exit_code == 2 and "no answer log at" in missing.output
    assert not (tmp_path / "typo.db").exists()

    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    log = AnswerLog(url)
    cited = Citation(1, "test-night-watch", "The Night Watch", "SK-C-5", "", "", "…")
    answer_id = log.record(Answer("Who painted it?", "refused", "No.", public_id="ab12"))
    assert answer_id is not None
    log.review(answer_id, "incorrect", "The label of SK-C-5 says so", "ada")
    other = log.record(Answer("Who?", "answered", "Him. [1]", citations=[cited], public_id="cd34"))
    assert other is not None
    result = CliRunner().invoke(eval_command, [*args, url])
    assert result.exit_code == 0, result.output
    assert "Sources looked up in the reviewed answers" in result.output
    (case,) = load_cases(out)
    # No index to ask, and SK-C-5 was not cited by a reviewed answer: nothing is invented.
    assert case.expected_outcome == "answered" and case.gold_sources == []


def test_move_case_refuses_written_cases_and_unknown_ids(tmp_path) -> None:
    seed = tmp_path / "seed.yaml"
    seed.write_text(
        (Path(__file__).parent / "data" / "eval_cases.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    written = CliRunner().invoke(
        eval_command,
        ["move-case", "seed-answerable-night-watch", "--split", "test", "--cases", str(tmp_path)],
    )
    assert written.exit_code == 2 and "written case" in written.output
    unknown = CliRunner().invoke(
        eval_command, ["move-case", "log-nope", "--split", "test", "--cases", str(tmp_path)]
    )
    assert unknown.exit_code == 2 and "no case 'log-nope'" in unknown.output


def test_move_case_keeps_an_object_in_one_split(tmp_path) -> None:
    """A log case about an object written cases hold in dev cannot go to test alone."""
    seed = yaml.safe_load((Path(__file__).parent / "data" / "eval_cases.yaml").read_text())
    (tmp_path / "seed.yaml").write_text(yaml.safe_dump(seed), encoding="utf-8")
    log_case = {
        "id": "log-abc",
        "category": "from_log",
        "split": "dev",
        "question": "Who painted it?",
        "expected_outcome": "answered",
        "gold_sources": ["test-night-watch"],
        "corpus": "demo",
        "answer_id": "abc",
    }
    other = {**log_case, "id": "log-def", "answer_id": "def", "corpus": "museum"}
    twin = {**other, "id": "log-ghi", "answer_id": "ghi"}
    (tmp_path / "from_log.yaml").write_text(yaml.safe_dump([log_case, other, twin]))
    blocked = CliRunner().invoke(
        eval_command, ["move-case", "log-abc", "--split", "test", "--cases", str(tmp_path)]
    )
    assert blocked.exit_code == 2 and "seed-answerable-night-watch" in blocked.output
    # In the museum's own corpus the object has only log cases: they move together.
    moved = CliRunner().invoke(
        eval_command, ["move-case", "log-def", "--split", "test", "--cases", str(tmp_path)]
    )
    assert moved.exit_code == 0 and "log-def, log-ghi" in moved.output
    splits = {c.id: c.split for c in load_cases(tmp_path / "from_log.yaml")}
    assert splits == {"log-abc": "dev", "log-def": "test", "log-ghi": "test"}


@pytest.mark.integration
def test_a_curator_note_written_for_the_answers_item_is_its_gold_source(tmp_path, log_url) -> None:
    from assistant.notes import NoteStore

    settings, log = _live_log(tmp_path, log_url)
    carving = "Who carved the Rosetta Stone?"
    asked = next(r for r in log.recent(limit=20) if r["question"] == carving)
    item = next(i for i in log.work_items() if i["answer_id"] == asked["id"])
    notes = NoteStore(log.engine, settings.note_max_chars)
    note = notes.create(
        "The stone was carved by scribes of a temple workshop.",
        accession_number="EA 24",
        question=asked["question"],
        author="curator",
        item_id=item["id"],
    )
    out = tmp_path / "cases" / "from_log.yaml"
    since = ["cases-from-log", "--since", f"{dt.date.today() - dt.timedelta(days=1)}"]
    result = _run([*since, "--db-url", log_url], settings, out)
    assert result.exit_code == 0, result.output
    carved = next(c for c in load_cases(out) if c.question == "Who carved the Rosetta Stone?")
    assert carved.gold_sources == [note.source_id] and carved.expected_outcome == "answered"
    # Withdrawn, the note is no gold source: the answer is skipped again, as with no note.
    notes.withdraw(note.id, author="curator", reason="unsure", seen_version=1)
    out.unlink()
    again = _run([*since, "--db-url", log_url], settings, out)
    assert "Who carved the Rosetta Stone?" not in {c.question for c in load_cases(out)}
    assert again.exit_code == 0
