"""``museum-qa doctor``: check an installation, one line per check, printed as each completes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from assistant.errors import SettingsError
from assistant.settings import load_settings

if TYPE_CHECKING:
    from assistant.diagnostics import Check

# How each status is shown: a failure must stand out in a screenful of "ok".
LABELS = {"ok": ("ok", "green"), "warn": ("warn", "yellow"), "fail": ("FAIL", "red")}
NAME_WIDTH = 16


def render(check: Check) -> str:
    """One finding as a line (and, when something is to be done, a ``fix:`` line under it)."""
    label, colour = LABELS.get(check.status, (check.status, None))
    line = f"{click.style(f'{label:<4}', fg=colour, bold=check.failed)}  "
    line += f"{check.name:<{NAME_WIDTH}} {check.detail}"
    if check.fix and check.status in {"warn", "fail"}:
        line += f"\n{'':<6}{'':<{NAME_WIDTH}} fix: {check.fix}"
    return line


def summary(checks: list[Check]) -> str:
    """The last line: everything is fine, or which required checks failed."""
    failed = [c.name for c in checks if c.failed]
    warned = [c.name for c in checks if c.status == "warn"]
    if failed:
        return click.style(
            f"{len(failed)} required check(s) failed: {', '.join(failed)}", fg="red", bold=True
        )
    note = f" ({len(warned)} warning(s): {', '.join(warned)})" if warned else ""
    return click.style(f"Every required check passed{note}.", fg="green")


def _as_json(checks: Iterable[Check]) -> str:
    return json.dumps([c.to_dict() for c in checks], ensure_ascii=False, indent=2)


@click.command()
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the findings as one JSON list of {name, status (ok|warn|fail|skip), "
    "required, detail, fix}, for monitoring.",
)
def doctor(as_json: bool) -> None:
    """Check this installation: Python, packages, servers, models, index and answer log.

    One line per check, as it completes: "ok", or the problem and what to do about it.
    Nothing is changed: the model is tried in a child process (a crash is reported, with its
    fix) and the answer log's schema is read, not upgraded. Exit code: 0 when every required
    check passes (warnings and the optional chromium check aside), 1 otherwise, 2 for bad
    settings.
    """
    from assistant.diagnostics import Check, exit_code, run_checks

    try:
        settings = load_settings()
    except SettingsError as exc:
        bad = Check("settings", "fail", True, str(exc), fix="see 'Settings' in README.md")
        click.echo(_as_json([bad]) if as_json else render(bad))
        sys.exit(2)
    checks: list[Check] = []
    for check in run_checks(settings):
        checks.append(check)
        if not as_json:
            click.echo(render(check))  # now: the next check may take seconds
    click.echo(_as_json(checks) if as_json else summary(checks))
    sys.exit(exit_code(checks))
