"""``museum-qa eval cases-from-log`` and ``museum-qa eval move-case``: the eval grows from traffic.

Only light modules are imported at the top: ``ui/cli.py`` imports this one on every command.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from assistant.errors import MuseumQAError
from evals.cases import CASES_DIR, CORPORA, LIVE_CORPUS, LOG_CATEGORY, SPLITS

QUESTION_WIDTH = 60  # characters of a question shown in the table


def _console() -> Any:
    from rich.console import Console

    # Off a terminal (CI logs, files) rich would assume 80 columns and squeeze the table.
    return Console() if sys.stdout.isatty() else Console(width=140)


def _day_start(day: dt.datetime) -> dt.datetime:
    """A date given on the command line, as the start of that local day, in UTC."""
    return day.replace(tzinfo=dt.datetime.now().astimezone().tzinfo).astimezone(dt.UTC)


def _source_names(settings: Any, rows: list[dict[str, Any]]) -> tuple[dict[str, str], str]:
    """Source ids and accession numbers a note may name -> source id, and where from.

    The museum's index knows every source (a curator note ingested as a source included);
    when it cannot be opened, the sources the reviewed answers cited or retrieved still are.
    """
    from evals.log_cases import source_names

    pairs: list[tuple[str, str]] = []
    where = "the reviewed answers"
    try:
        from assistant.store import VectorIndex

        for doc in VectorIndex.open(settings).documents().values():
            pairs += [(doc.source_id, doc.source_id), (doc.accession_number, doc.source_id)]
        where = "the museum's index and the reviewed answers"
    except MuseumQAError:
        pass
    for row in rows:
        for c in row.get("citations") or []:
            source_id = str(c["source_id"])
            pairs += [(source_id, source_id), (str(c.get("accession_number") or ""), source_id)]
        for r in row.get("retrieved") or []:
            if r.get("source_id"):
                pairs.append((str(r["source_id"]), str(r["source_id"])))
    return source_names(pairs), where


def _table(outcomes: list[Any], written: dict[str, str]) -> Any:
    from rich.table import Table

    table = Table(title="Reviewed answers", show_lines=False)
    for heading in ("answer", "verdict", "question", "result"):
        table.add_column(heading, overflow="fold")
    for o in outcomes:
        question = o.question if len(o.question) <= QUESTION_WIDTH else o.question[:57] + "..."
        if o.case is not None:
            result = f"case {o.case['id']} ({written[o.case['id']]}): {o.reason}"
        else:
            result = f"skipped: {o.reason}"
        table.add_row(o.answer_id, o.verdict, question, result)
    return table


@click.command("cases-from-log")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    required=True,
    help="Answers reviewed on or after this day (YYYY-MM-DD, local time).",
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Answers reviewed on or before this day (inclusive). Default: up to now.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=CASES_DIR / "from_log.yaml",
    show_default="evals/cases/from_log.yaml",
    help="The log-cases file; new cases are appended to it.",
)
@click.option(
    "--db-url",
    envvar="MUSEUM_QA_DB_URL",
    help="The answer log (SQLAlchemy URL) [env: MUSEUM_QA_DB_URL; default: SQLite in the "
    "data dir].",
)
@click.option(
    "--corpus",
    type=click.Choice(CORPORA),
    default=LIVE_CORPUS,
    show_default=True,
    help="What the cases are asked against: the museum's own index, or a packaged corpus "
    "when the log came from one (the demo).",
)
@click.pass_context
def cases_from_log(
    ctx: click.Context,
    since: dt.datetime,
    until: dt.datetime | None,
    out: Path,
    db_url: str | None,
    corpus: str,
) -> None:
    """Turn answers curators reviewed into eval cases, appended to the log-cases file.

    Each reviewed answer becomes one case (its public id kept in the case, so it never
    becomes two), or is skipped with the reason; the mapping from verdict to expectation is
    in docs/evals.md. New cases join the dev split. Exit code: 0 done (even if nothing was
    new), 2 an error (unreadable log or case file).
    """
    from assistant.answer_log import AnswerLog
    from assistant.notes import NoteStore
    from assistant.settings import load_settings
    from evals.log_cases import (
        append_cases,
        assign_splits,
        case_from_row,
        existing_answer_ids,
        packaged_raw,
    )

    try:
        settings = load_settings(**({"db_url": db_url} if db_url else {}), log_answers=False)
        end = _day_start(until + dt.timedelta(days=1)) if until else None
        _check_log_exists(settings.log_url)
        log = AnswerLog(settings.log_url)
        rows = log.reviewed(_day_start(since), end)
        # A curator's note written from an answer's work item is that answer's gold source.
        by_answer = NoteStore(log.engine, settings.note_max_chars).sources_by_answer()
        done = existing_answer_ids(out)
        fresh = [r for r in rows if not r.get("public_id") or r["public_id"] not in done]
        names, where = _source_names(settings, fresh)
        outcomes = [
            case_from_row(r, names, tied=lambda r: by_answer.get(r["id"], []), corpus=corpus)
            for r in fresh
        ]
        new = [o.case for o in outcomes if o.case is not None]
        # Every case that can share an object with the new ones: the packaged files and the
        # log-cases file (wherever it is).
        existing = packaged_raw(CASES_DIR, skip=out) + _raw(out)
        assign_splits(new, existing)
        if new:
            append_cases(out, new)
    except (MuseumQAError, OSError) as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        ctx.exit(2)
        return
    console = _console()
    if outcomes:
        console.print(_table(outcomes, {c["id"]: c["split"] for c in new}))
    skipped = len(outcomes) - len(new)
    click.echo(
        f"{len(rows)} reviewed answer(s); wrote {len(new)} case(s) to {out}; skipped {skipped}; "
        f"{len(rows) - len(fresh)} already case(s). Sources looked up in {where}."
    )


def _check_log_exists(url: str) -> None:
    """Opening a SQLite log that is not there would make an empty one: say so instead."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and not Path(database).is_file():
        raise MuseumQAError(f"no answer log at {database} (set --db-url or MUSEUM_QA_DATA_DIR)")


def _raw(path: Path) -> list[dict[str, Any]]:
    import yaml

    if not path.exists():
        return []
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


@click.command("move-case")
@click.argument("case_id")
@click.option("--split", type=click.Choice(SPLITS), required=True, help="Where the case goes.")
@click.option(
    "--cases",
    "cases_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=CASES_DIR,
    show_default="evals/cases",
    help="The folder of case files holding the case.",
)
@click.pass_context
def move_case(ctx: click.Context, case_id: str, split: str, cases_dir: Path) -> None:
    """Move a case from the answer log to the dev or the test split.

    Cases from the log that name the same sources move with it, so no object is in both
    splits; a written case about the same object must already be in that split. Written
    cases are placed by evals/split_cases.py only. Exit code: 0 moved (or already there),
    2 an error (no such case, a written case, an object in the other split).
    """
    try:
        moved = _move(case_id, split, cases_dir)
    except MuseumQAError as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        ctx.exit(2)
        return
    if not moved:
        click.echo(f"{case_id} is already in {split}")
    for file, ids in moved.items():
        click.echo(f"moved to {split} in {file}: {', '.join(ids)}")


def _move(case_id: str, split: str, cases_dir: Path) -> dict[Path, list[str]]:
    from evals.cases import CaseFileError
    from evals.split_cases import SplitError, group_cases, move_splits

    files = sorted(cases_dir.glob("*.yaml")) if cases_dir.is_dir() else []
    raw = {f: _raw(f) for f in files}
    by_id = {str(c.get("id")): (f, c) for f, cases in raw.items() for c in cases}
    if case_id not in by_id:
        raise CaseFileError(f"no case {case_id!r} in {cases_dir}")
    if by_id[case_id][1].get("category") != LOG_CATEGORY:
        raise CaseFileError(
            f"{case_id} is a written case: its split is assigned by evals/split_cases.py"
        )
    # Ignore the splits while grouping: the group is what moves, wherever its cases are now.
    unsplit = [
        {k: v for k, v in c.items() if k != "split"} for cases in raw.values() for c in cases
    ]
    group = next(g for g in group_cases(unsplit) if case_id in g.case_ids)
    members = [by_id[i] for i in group.case_ids]
    blocking = [
        str(c["id"])
        for _, c in members
        if c.get("category") != LOG_CATEGORY and c.get("split") != split
    ]
    if blocking:
        raise CaseFileError(
            f"{case_id} names an object that written cases in the other split name too "
            f"({', '.join(blocking)}): the test split must hold objects no dev case names"
        )
    moved: dict[Path, list[str]] = {}
    for file, case in members:
        if case.get("split") != split:
            moved.setdefault(file, []).append(str(case["id"]))
    for file, ids in moved.items():
        try:
            text = move_splits(file.read_text(encoding="utf-8"), dict.fromkeys(ids, split))
        except SplitError as exc:
            raise CaseFileError(f"{file}: {exc}") from exc
        file.write_text(text, encoding="utf-8")
    return moved
