"""The museum-qa command line, through click's CliRunner."""

import json

import pytest
from click.testing import CliRunner

from tests.conftest import DATA, TEST_CORPUS
from tests.held_corpus import (
    NIGHT_WATCH_CREDIT,
    NIGHT_WATCH_IMAGE,
    NIGHT_WATCH_RIGHTS,
    write_held_corpus,
)
from ui.cli import main


@pytest.fixture
def env(tmp_path):
    return {"MUSEUM_QA_DATA_DIR": str(tmp_path / "data"), "MUSEUM_QA_LLM": "scripted"}


def run(args, env):
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


def test_ingest_then_ask_json_prints_the_contract(env):
    ingested = run(["ingest", str(TEST_CORPUS), str(DATA / "bad")], env)
    assert ingested.exit_code == 1  # the broken file is an error; the rest went in
    assert "added 3" in ingested.output and "refused 1" in ingested.output
    asked = run(["ask", "What is the Rosetta Stone made of?", "--json"], env)
    assert asked.exit_code == 0, asked.output
    payload = json.loads(asked.output)
    assert payload["outcome"] == "answered" and "granodiorite" in payload["answer"]
    assert payload["citations"][0]["source_id"] == "test-rosetta-stone"


def test_ask_shows_the_holders_credit_line_and_rights_with_the_source(env, tmp_path):
    run(["ingest", str(write_held_corpus(tmp_path / "corpus"))], env)
    asked = run(["ask", "Who painted The Night Watch?"], env)
    assert asked.exit_code == 0, asked.output
    assert f"    {NIGHT_WATCH_CREDIT} · rights: {NIGHT_WATCH_RIGHTS}" in asked.output.splitlines()
    as_json = json.loads(run(["ask", "Who painted The Night Watch?", "--json"], env).output)
    cited = next(c for c in as_json["citations"] if c["source_id"] == "test-night-watch")
    assert (cited["credit_line"], cited["rights"], cited["image_url"]) == (
        NIGHT_WATCH_CREDIT,
        NIGHT_WATCH_RIGHTS,
        NIGHT_WATCH_IMAGE,
    )
    # A source without them gets no extra line, and empty fields in the contract.
    plain = run(["ask", "What is the Rosetta Stone made of?"], env).output
    assert "Rosetta Stone" in plain and "\n    " not in plain
    rosetta = json.loads(run(["ask", "What is the Rosetta Stone made of?", "--json"], env).output)
    assert {(c["credit_line"], c["rights"], c["image_url"]) for c in rosetta["citations"]} == {
        ("", "", "")
    }


def test_refusal_exits_zero(env):
    run(["ingest", str(TEST_CORPUS)], env)
    asked = run(["ask", "What is the capital of France?", "--json"], env)
    assert asked.exit_code == 0
    assert json.loads(asked.output)["outcome"] == "refused"


def test_a_correction_says_so_and_what_was_wrong(env):
    run(["ingest", str(TEST_CORPUS)], env)
    asked = run(["ask", "Why did Vermeer paint The Night Watch?"], env)
    assert asked.exit_code == 0
    assert "Rembrandt van Rijn" in asked.output
    assert "(corrected: attributes it to Vermeer)" in asked.output
    # Two passages of one object are told apart: its catalogue record and its text.
    assert "(catalogue record)" in asked.output and "(curatorial text)" in asked.output


def test_missing_index_says_what_to_run(env):
    asked = run(["ask", "Who painted The Night Watch?"], env)
    assert asked.exit_code == 2
    assert "museum-qa ingest" in asked.output


def test_bad_setting_is_a_clear_error(env):
    asked = run(["ask", "Who?"], {**env, "MUSEUM_QA_LLM": "gpt-9000"})
    assert asked.exit_code == 2
    assert "MUSEUM_QA_LLM" in asked.output and "ollama:<model>" in asked.output


def test_missing_gguf_is_a_clear_error(env, tmp_path):
    run(["ingest", str(TEST_CORPUS)], env)
    asked = run(
        ["ask", "Who painted The Night Watch?"],
        {**env, "MUSEUM_QA_LLM": str(tmp_path / "nope.gguf")},
    )
    assert asked.exit_code == 2 and "no GGUF file" in asked.output


def test_empty_question_is_an_error(env):
    run(["ingest", str(TEST_CORPUS)], env)
    asked = run(["ask", "  "], env)
    assert asked.exit_code == 2 and "empty" in asked.output


def test_help_teaches_the_first_run():
    result = CliRunner().invoke(main, ["--help"])
    assert "museum-qa ingest corpus/" in result.output


@pytest.mark.parametrize(
    "args",
    [[], ["ask"], ["ingest"], ["sources"], ["serve"], ["eval"], ["ui"], ["users"], ["log"]],
)
def test_help_keeps_example_blocks_and_shows_no_escape_codes(args):
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "\\b" not in result.output and "\b" not in result.output
