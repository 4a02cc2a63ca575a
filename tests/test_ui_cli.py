"""museum-qa ui / users / log, through click's CliRunner."""

import datetime as dt

from click.testing import CliRunner
from sqlalchemy import text

from assistant.answer import Answer
from assistant.answer_log import AnswerLog
from assistant.auth import UserStore
from ui.app_cli import streamlit_command
from ui.cli import main


def run(args, env, stdin=None):
    return CliRunner().invoke(main, args, env=env, input=stdin, catch_exceptions=False)


def env_for(tmp_path):
    return {"MUSEUM_QA_DATA_DIR": str(tmp_path), "MUSEUM_QA_LLM": "scripted"}


def test_users_add_reads_the_password_from_stdin_never_argv(tmp_path):
    env = env_for(tmp_path)
    added = run(["users", "add", "ada", "--role", "admin"], env, "correct horse battery\n")
    assert added.exit_code == 0, added.output
    assert "correct horse" not in added.output
    store = UserStore.open(f"sqlite:///{tmp_path / 'answers.sqlite3'}")
    assert store.authenticate("ada", "correct horse battery").role == "admin"
    assert "ada\tadmin\tactive" in run(["users", "list"], env).output


def test_users_add_refuses_a_weak_password_with_the_reason(tmp_path):
    result = run(["users", "add", "bob"], env_for(tmp_path), "short\n")
    assert result.exit_code == 1 and "at least 10 characters" in result.output


def test_users_passwd_and_disable(tmp_path):
    env = env_for(tmp_path)
    run(["users", "add", "ada"], env, "correct horse battery\n")
    assert run(["users", "passwd", "ada"], env, "another long one\n").exit_code == 0
    assert run(["users", "disable", "ada"], env).exit_code == 0
    store = UserStore.open(f"sqlite:///{tmp_path / 'answers.sqlite3'}")
    assert store.authenticate("ada", "another long one") is None
    assert run(["users", "disable", "nobody"], env).exit_code == 1


def test_log_purge_uses_the_retention_setting(tmp_path):
    env = {**env_for(tmp_path), "MUSEUM_QA_LOG_RETENTION_DAYS": "30"}
    log = AnswerLog(f"sqlite:///{tmp_path / 'answers.sqlite3'}")
    log.record(Answer("Old?", "refused", "No."))
    log.record(Answer("New?", "refused", "No."))
    with log.engine.begin() as conn:
        conn.execute(
            text("update answers set created_at = :t where question = 'Old?'"),
            {"t": dt.datetime.now(dt.UTC) - dt.timedelta(days=45)},
        )
    result = run(["log", "purge"], env)
    assert result.exit_code == 0 and "purged 1 answers older than 30 days" in result.output
    assert [r["question"] for r in log.recent()] == ["New?"]


def test_the_app_runs_on_loopback_with_the_theme_and_no_usage_statistics():
    command = streamlit_command("127.0.0.1", 8599)
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4].endswith("ui/app.py")
    assert "--server.address=127.0.0.1" in command and "--server.port=8599" in command
    assert "--browser.gatherUsageStats=false" in command
    assert "--theme.primaryColor=#1c5d87" in command
    # Only the review page's exports, which neutralise formulas, write CSV.
    assert "--client.disableDataExport=true" in command


def test_ui_help_mentions_how_to_make_accounts():
    assert "museum-qa users add" in CliRunner().invoke(main, ["ui", "--help"]).output


def test_account_changes_and_purges_from_the_cli_are_audited_as_the_os_user(tmp_path):
    import json

    from assistant.audit import AuditFilter, AuditTrail
    from ui.app_cli import cli_actor

    env = {**env_for(tmp_path), "MUSEUM_QA_LOG_RETENTION_DAYS": "30"}
    run(["users", "add", "ada"], env, "correct horse battery\n")
    run(["users", "passwd", "ada"], env, "another long one\n")
    assert run(["users", "role", "ada", "admin"], env).output == "ada is now admin\n"
    run(["users", "disable", "ada"], env)
    log = AnswerLog(f"sqlite:///{tmp_path / 'answers.sqlite3'}")
    log.record(Answer("Old?", "refused", "No."))
    with log.engine.begin() as conn:
        conn.execute(
            text("update answers set created_at = :t"),
            {"t": dt.datetime.now(dt.UTC) - dt.timedelta(days=45)},
        )
    run(["log", "purge"], env)
    actor = cli_actor()
    assert actor.startswith("cli:") and len(actor) > len("cli:")
    rows = AuditTrail(log.engine).events(AuditFilter(), limit=10)
    assert [(r["actor"], r["action"], r["target"]) for r in reversed(rows)] == [
        (actor, "account.add", "user:ada"),
        (actor, "account.password", "user:ada"),
        (actor, "account.role", "user:ada"),
        (actor, "account.disable", "user:ada"),
        (actor, "log.purge", "log:answers"),
    ]
    assert "correct horse" not in str(rows) and "another long" not in str(rows)
    # The trail reads back as JSON Lines, newest first, filtered.
    printed = run(["log", "audit", "--action", "account.role"], env).output.splitlines()
    assert [json.loads(line)["details"] for line in printed] == [
        {"role": "admin", "previous": "curator"}
    ]
    assert len(run(["log", "audit", "--since", "2000-01-01"], env).output.splitlines()) == 5
    assert run(["log", "audit", "--actor", "nobody"], env).output == ""
