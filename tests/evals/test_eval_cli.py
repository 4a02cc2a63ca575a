import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from evals.cli import eval_command

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = Path(__file__).resolve().parent / "data" / "eval_cases.yaml"


def test_eval_is_registered_on_the_main_command() -> None:
    from ui.cli import main

    assert main.get_command(None, "eval") is eval_command  # type: ignore[arg-type]


def test_invalid_case_file_exits_2_with_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "cases.yaml"
    bad.write_text(yaml.safe_dump([{"id": "x", "category": "rumour"}]), encoding="utf-8")
    result = CliRunner().invoke(eval_command, ["--cases", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "invalid eval cases" in result.output and "category" in result.output
    assert not (tmp_path / "o").exists()


def test_bad_corpus_option_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, ["--cases", str(SEED), "--corpus", "demo"])
    assert result.exit_code == 2 and "NAME=PATH" in result.output


def test_a_split_with_no_matching_case_exits_2(tmp_path: Path) -> None:
    # The seed's only answerable_single case is in the dev split.
    args = ["--cases", str(SEED), "--split", "test", "--category", "answerable_single"]
    result = CliRunner().invoke(eval_command, [*args, "--llm", "scripted"])
    assert result.exit_code == 2
    assert "no case matches the chosen categories, split and language" in result.output


def test_a_language_with_no_case_exits_2() -> None:
    args = ["--cases", str(SEED), "--language", "fr", "--llm", "scripted"]
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 2
    assert "no case matches the chosen categories, split and language" in result.output


def test_unknown_split_is_refused() -> None:
    result = CliRunner().invoke(eval_command, ["--cases", str(SEED), "--split", "train"])
    assert result.exit_code == 2 and "'train' is not one of 'dev', 'test', 'all'" in result.output


def test_bad_setting_exits_2() -> None:
    result = CliRunner().invoke(eval_command, ["--cases", str(SEED), "--llm", "gpt-9"])
    assert result.exit_code == 2 and "unknown model" in result.output


@pytest.mark.integration
def test_eval_writes_report_and_exits_1_on_a_missed_threshold(tmp_path: Path) -> None:
    strict = tmp_path / "strict.yaml"
    strict.write_text(yaml.safe_dump([{"metric": "answer_rate", "group": "overall", "min": 1.0}]))
    args = [
        "--cases",
        str(SEED),
        "--corpus",
        f"demo={DATA / 'corpus'}",
        "--llm",
        "scripted",
        "--arm",
        "both",
        "--data-dir",
        str(tmp_path / "data"),
        "--thresholds",
        str(strict),
        "--out",
        str(tmp_path / "out"),
        "--no-agreement",
    ]
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 1, result.output
    assert "full arm — scripted (6 cases" in result.output
    assert "answer_rate (overall) >= 1.0" in result.output and "MISS" in result.output
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert set(data["arms"]) == {"full", "baseline"}
    assert data["misses"] == ["answer_rate (overall) >= 1.0"] and data["agreement"] is None
    assert (tmp_path / "out" / "chart.png").exists() and (tmp_path / "out" / "report.md").exists()

    again = CliRunner().invoke(
        eval_command, [*args, "--no-fail", "--arm", "baseline", "--limit", "2"]
    )
    assert again.exit_code == 0, again.output


def test_progress_off_a_terminal_prints_a_line_per_tenth(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from evals.cli import _ProgressSink

    sink = _ProgressSink(None)
    for done in (256, 512, 768, 5939):
        sink("ingest walters (embed)", done, 5939)
    for done in range(1, 4):
        sink("ask (full)", done, 3)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "ingest walters (embed): 256/5939",
        "ingest walters (embed): 768/5939",
        "ingest walters (embed): 5939/5939",
        "ask (full): 1/3",
        "ask (full): 2/3",
        "ask (full): 3/3",
    ]
