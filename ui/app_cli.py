"""``museum-qa ui``, ``museum-qa users`` and ``museum-qa log``: run the app, manage staff, purge."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Any

import click

from assistant.errors import MuseumQAError
from assistant.settings import Settings, load_settings
from ui.theme import streamlit_flags

APP = Path(__file__).resolve().parent / "app.py"


def _settings(**overrides: Any) -> Settings:
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except MuseumQAError as exc:
        raise click.ClickException(str(exc)) from exc


def streamlit_command(host: str, port: int, *, open_browser: bool = False) -> list[str]:
    """The ``streamlit run`` command line for the app, with the theme and safe defaults."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        f"--server.address={host}",
        f"--server.port={port}",
        f"--server.headless={'false' if open_browser else 'true'}",
        # Local-first: no usage statistics leave the machine.
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
        "--client.toolbarMode=minimal",
        # No "Download as CSV" on tables: Streamlit's own export writes a visitor's "=..." as a
        # formula. Staff export through the review page's buttons (ui/csv_export.py).
        "--client.disableDataExport=true",
        # Visitors see a generic message; details go to the console for staff.
        "--client.showErrorDetails=none",
        *streamlit_flags(),
    ]


@click.command("ui")
@click.option("--host", help="Address to listen on [env: MUSEUM_QA_UI_HOST; default 127.0.0.1].")
@click.option("--port", type=int, help="Port [env: MUSEUM_QA_UI_PORT; default 8501].")
@click.option("--llm", help="'embedded', a .gguf path, 'ollama:<model>' or 'scripted'.")
@click.option("--data-dir", type=click.Path(path_type=Path), help="Index and answer log folder.")
@click.option("--browser", is_flag=True, help="Open a browser window too.")
def ui_command(
    host: str | None, port: int | None, llm: str | None, data_dir: Path | None, browser: bool
) -> None:
    """Run the Streamlit app: visitor chat, front desk, and curator review.

    Binds to loopback unless --host says otherwise. Staff sign in with accounts made by
    'museum-qa users add NAME --role curator'.
    """
    settings = _settings(ui_host=host, ui_port=port, llm=llm, data_dir=data_dir)
    overrides = {"MUSEUM_QA_UI_HOST": settings.ui_host, "MUSEUM_QA_UI_PORT": str(settings.ui_port)}
    if llm:
        overrides["MUSEUM_QA_LLM"] = llm
    if data_dir:
        overrides["MUSEUM_QA_DATA_DIR"] = str(data_dir.resolve())
    click.echo(f"museum-qa: the app is at http://{settings.ui_host}:{settings.ui_port}/")
    command = streamlit_command(settings.ui_host, settings.ui_port, open_browser=browser)
    sys.stdout.flush()
    sys.stderr.flush()
    # Become the Streamlit server (same PID) instead of starting it as a child: a supervisor's
    # SIGTERM, SIGINT or SIGHUP then reaches the server itself, which stops and frees the port.
    # A child started with subprocess.call outlived a SIGTERM to this command, orphaned and
    # still holding the port. The app reads its settings from this environment.
    os.execve(command[0], command, {**os.environ, **overrides})


def _read_password(confirm: bool) -> str:
    # Never from argv (it would show in `ps` and shell history): a hidden prompt on a
    # terminal, else one line of standard input (for scripts: `printf '%s\n' "$PW" | ...`).
    if sys.stdin.isatty():
        return str(click.prompt("Password", hide_input=True, confirmation_prompt=confirm))
    return sys.stdin.readline().rstrip("\r\n")


@click.group("users")
def users_group() -> None:
    """Manage staff accounts for curator review (stored in the answer-log database)."""


def _store() -> Any:
    from assistant.auth import UserStore

    return UserStore.open(_settings().log_url)


def cli_actor() -> str:
    """Who the audit trail names for a change made here: ``cli:<operating-system user>``.

    The account the command runs as (from the process's user id where the system has one),
    not a staff account: whoever can run these commands can reach the database directly.
    """
    try:
        import pwd

        name = pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):  # Windows, or a uid with no passwd entry (a container)
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return f"cli:{name}"


@users_group.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["curator", "admin"]),
    default="curator",
    show_default=True,
    help="Admins can also manage accounts in the app.",
)
def users_add(name: str, role: str) -> None:
    """Create account NAME; the password is read from a prompt or standard input."""
    try:
        _store().add(name, _read_password(confirm=True), role, actor=cli_actor())
    except MuseumQAError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {role} {name}")


@users_group.command("passwd")
@click.argument("name")
def users_passwd(name: str) -> None:
    """Set a new password for NAME (prompt or standard input)."""
    try:
        _store().set_password(name, _read_password(confirm=True), actor=cli_actor())
    except MuseumQAError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"password changed for {name}")


@users_group.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Re-enable instead.")
def users_disable(name: str, enable: bool) -> None:
    """Stop NAME from signing in (or allow it again with --enable)."""
    try:
        _store().set_disabled(name, not enable, actor=cli_actor())
    except MuseumQAError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{'enabled' if enable else 'disabled'} {name}")


@users_group.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(["curator", "admin"]))
def users_role(name: str, role: str) -> None:
    """Make NAME a curator or an admin."""
    try:
        _store().set_role(name, role, actor=cli_actor())
    except MuseumQAError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{name} is now {role}")


@users_group.command("list")
def users_list() -> None:
    """List accounts and roles."""
    for user in _store().users():
        state = "disabled" if user.disabled else "active"
        click.echo(f"{user.name}\t{user.role}\t{state}")


@click.group("log")
def log_group() -> None:
    """Maintain the answer log."""


@log_group.command("purge")
@click.option(
    "--days",
    type=int,
    help="Delete answers older than this [default: MUSEUM_QA_LOG_RETENTION_DAYS].",
)
def log_purge(days: int | None) -> None:
    """Delete answers (and their flags and reviews) older than the retention period."""
    from assistant.answer_log import AnswerLog

    settings = _settings()
    keep = settings.log_retention_days if days is None else days
    if keep <= 0:
        click.echo("retention is 0 (keep forever): nothing purged")
        return
    removed = AnswerLog(settings.log_url).purge(keep, actor=cli_actor())
    click.echo(f"purged {removed} answers older than {keep} days")


@log_group.command("audit")
@click.option("--actor", help="Only changes by this actor (a user name, visitor, system, cli:…).")
@click.option("--action", help="Only this action (review.set, account.role, signin.fail, …).")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Only changes on or after this day (UTC, YYYY-MM-DD).",
)
@click.option("--limit", type=click.IntRange(min=1), default=1000, show_default=True)
def log_audit(actor: str | None, action: str | None, since: Any, limit: int) -> None:
    """Print the audit trail as JSON Lines, newest first (who changed what, and when)."""
    import datetime as dt
    import json

    from assistant.answer_log import AnswerLog
    from assistant.audit import AuditFilter, AuditTrail

    where = AuditFilter(
        actor=actor, action=action, since=since.replace(tzinfo=dt.UTC) if since else None
    )
    for row in AuditTrail(AnswerLog(_settings().log_url).engine).events(where, limit=limit):
        click.echo(json.dumps({**row, "at": row["at"].isoformat()}, ensure_ascii=False))


def register(main: click.Group) -> None:
    """Add the app's commands to the ``museum-qa`` group."""
    main.add_command(ui_command)
    main.add_command(users_group)
    main.add_command(log_group)
