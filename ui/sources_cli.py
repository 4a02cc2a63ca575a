"""``museum-qa sources``: what is indexed, where it came from, and withdrawing a source."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from assistant.errors import MuseumQAError
from assistant.settings import load_settings
from assistant.store import IndexedDocument, Passage, VectorIndex
from assistant.text import fold

_DATA_DIR = click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar="MUSEUM_QA_DATA_DIR",
    help="Where the index lives [env: MUSEUM_QA_DATA_DIR].",
)


def _open(data_dir: Path | None) -> VectorIndex:
    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    return VectorIndex.open(load_settings(**overrides))


def _fail(message: str) -> None:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(2)


def select(
    docs: list[IndexedDocument],
    *,
    query: str = "",
    institution: str = "",
    withdrawn: bool = False,
    flagged: bool = False,
) -> list[IndexedDocument]:
    """The sources matching every given filter, sorted by id.

    ``query`` matches id, title, accession number or creators; ``institution`` the holding
    institution; both ignore case and accents ("gerome" finds "Gérôme").
    """
    wanted, place = fold(query.strip()), fold(institution.strip())
    out = []
    for doc in docs:
        haystack = fold(" ".join((doc.source_id, doc.title, doc.accession_number, doc.creators)))
        if wanted and wanted not in haystack:
            continue
        if place and place not in fold(doc.institution):
            continue
        if withdrawn and not doc.withdrawn:
            continue
        if flagged and not doc.flagged:
            continue
        out.append(doc)
    return sorted(out, key=lambda d: d.source_id)


def summary(doc: IndexedDocument) -> dict[str, Any]:
    """One source as the ``--json`` listing prints it."""
    row = asdict(doc)
    row.pop("chunk_ids")
    row["chunks"] = len(doc.chunk_ids)
    return row


def chunk_row(passage: Passage) -> dict[str, Any]:
    """One chunk as ``sources show --json`` prints it."""
    meta = passage.meta
    return {
        "chunk_id": passage.chunk_id,
        "index": int(meta.get("chunk_index", 0)),
        "kind": passage.kind,
        "page": passage.page,
        "withdrawn": bool(meta.get("withdrawn")),
        "flagged": str(meta.get("flagged") or ""),
        "flagged_sentences": json.loads(meta.get("flagged_sentences") or "[]"),
        "passage": passage.text,
    }


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _status(doc: IndexedDocument) -> str:
    parts = []
    if doc.withdrawn:
        parts.append("WITHDRAWN")
    if doc.flagged:
        parts.append(f"flagged×{doc.flagged}")
    if not doc.complete:
        parts.append("incomplete")
    return ",".join(parts)


@click.group(invoke_without_command=True)
@click.option("--query", "-q", default="", help="Text in the id, title, accession no. or creator.")
@click.option("--institution", default="", help="Only sources held by this institution.")
@click.option("--withdrawn", is_flag=True, help="Only withdrawn sources.")
@click.option("--flagged", is_flag=True, help="Only sources with instruction-like passages.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@_DATA_DIR
@click.pass_context
def sources(
    ctx: click.Context,
    query: str,
    institution: str,
    withdrawn: bool,
    flagged: bool,
    as_json: bool,
    data_dir: Path | None,
) -> None:
    """List the indexed sources with their provenance; show, withdraw or restore one.

    \b
      museum-qa sources --query "night watch"
      museum-qa sources show test-night-watch
      museum-qa sources withdraw walters-11 --reason "attribution under review"
      museum-qa sources restore walters-11
    """  # noqa: D301 (click reads \b, the backspace character, as "keep these lines")
    if ctx.invoked_subcommand is not None:
        return
    try:
        docs = list(_open(data_dir).documents().values())
    except MuseumQAError as exc:
        _fail(str(exc))
        return
    shown = select(docs, query=query, institution=institution, withdrawn=withdrawn, flagged=flagged)
    if as_json:
        click.echo(json.dumps([summary(d) for d in shown], ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{'ID':<28} {'TITLE':<36} {'ACCESSION':<14} {'CHUNKS':>6}  "
        f"{'VETTED BY':<20} {'STATUS':<18} ORIGIN"
    )
    for doc in shown:
        click.echo(
            f"{_short(doc.source_id, 28):<28} {_short(doc.title, 36):<36} "
            f"{_short(doc.accession_number, 14):<14} {len(doc.chunk_ids):>6}  "
            f"{_short(doc.vetted_by, 20):<20} {_status(doc):<18} {doc.origin}"
        )
    click.secho(f"{len(shown)} of {len(docs)} sources", dim=True)


@sources.command()
@click.argument("source_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_DATA_DIR
def show(source_id: str, as_json: bool, data_dir: Path | None) -> None:
    """Show one source: provenance, status, and every chunk as it is cited."""
    try:
        index = _open(data_dir)
        doc = index.documents().get(source_id)
        chunks = index.chunks(source_id) if doc else []
    except MuseumQAError as exc:
        _fail(str(exc))
        return
    if doc is None:
        _fail(f"no source {source_id!r} in the index; find it with: museum-qa sources -q TEXT")
        return
    if as_json:
        payload = {**summary(doc), "chunk_list": [chunk_row(c) for c in chunks]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"{doc.source_id}: {doc.title}")
    for label, value in (
        ("creators", doc.creators),
        ("accession", doc.accession_number),
        ("institution", doc.institution),
        ("licence", doc.license),
        ("rights", doc.rights),
        ("credit line", doc.credit_line),
        ("vetted", f"by {doc.vetted_by} on {doc.vetted_on}"),
        ("origin", doc.origin),
    ):
        if value:
            click.echo(f"  {label + ':':<13}{value}")
    if doc.withdrawn:
        click.secho(f"  WITHDRAWN on {doc.withdrawn_on or '?'}: {doc.withdrawn_reason}", fg="red")
    for chunk in chunks:
        row = chunk_row(chunk)
        where = f", p. {row['page']}" if row["page"] else ""
        click.echo(f"\n  [{row['index']}] {row['kind']}{where}  ({row['chunk_id']})")
        for sentence in row["flagged_sentences"] or ([""] if row["flagged"] else []):
            detail = f": {sentence!r}" if sentence else ""
            click.secho(f"      flagged ({row['flagged']}), never quoted{detail}", fg="magenta")
        click.echo(f"      {row['passage']}")


@sources.command()
@click.argument("source_id")
@click.option("--reason", required=True, help="Why it is withdrawn (shown to curators).")
@_DATA_DIR
def withdraw(source_id: str, reason: str, data_dir: Path | None) -> None:
    """Stop citing SOURCE_ID at once (its chunks stay indexed, hidden, until restored)."""
    if not reason.strip():
        _fail("--reason must say why the source is withdrawn")
    try:
        changed = _open(data_dir).set_withdrawn(
            source_id, True, reason=reason.strip(), on=dt.date.today().isoformat()
        )
    except MuseumQAError as exc:
        _fail(str(exc))
        return
    if not changed:
        _fail(f"no source {source_id!r} in the index; find it with: museum-qa sources -q TEXT")
    click.echo(
        f"withdrew {source_id} ({changed} chunks): it is no longer cited. "
        f"Undo with: museum-qa sources restore {source_id}"
    )


@sources.command()
@click.argument("source_id")
@_DATA_DIR
def restore(source_id: str, data_dir: Path | None) -> None:
    """Cite a withdrawn SOURCE_ID again."""
    try:
        changed = _open(data_dir).set_withdrawn(source_id, False)
    except MuseumQAError as exc:
        _fail(str(exc))
        return
    if not changed:
        _fail(f"no source {source_id!r} in the index; find it with: museum-qa sources -q TEXT")
    click.echo(f"restored {source_id} ({changed} chunks): it can be cited again")
