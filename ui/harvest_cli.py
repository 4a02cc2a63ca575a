"""``museum-qa harvest``: index records fetched from a museum's server (docs/formats/harvesting.md).

Kept in its own module, registered by ``ui/cli.py`` like the other command groups, so the
harvest command changes nothing in ``ingest``'s code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.errors import MuseumQAError
from assistant.settings import load_settings
from ui.attestation_options import attestation_from, vetting_options
from ui.progress_bar import ProgressBar

if TYPE_CHECKING:
    from ingest.harvest.run import HarvestReport

_LABELS = {"harvest": "Harvesting records", "embed": "Embedding chunks"}


def _check_args(urls: tuple[str, ...], prefix: str | None, **only_oai: str | None) -> None:
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise click.UsageError(f"not an http(s) URL: {bad[0]} (files: museum-qa ingest PATH)")
    if prefix and len(urls) != 1:
        raise click.UsageError("--prefix harvests one OAI-PMH endpoint: give exactly one URL")
    given = [f"--{name.replace('oai_', '')}" for name, v in only_oai.items() if v]
    if given and not prefix:
        raise click.UsageError(f"{', '.join(given)} need --prefix (an OAI-PMH harvest)")


@click.command()
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option(
    "--prefix",
    type=click.Choice(["lido", "edm"]),
    help="URL is an OAI-PMH endpoint: harvest its ListRecords in this metadataPrefix.",
)
@click.option("--from", "since", metavar="DATE", help="Only records changed on or after DATE.")
@click.option("--until", metavar="DATE", help="Only records changed on or before DATE.")
@click.option("--set", "oai_set", metavar="SET", help="Only records in this OAI-PMH set.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["linked-art", "iiif", "lido", "edm"]),
    help="Read single-record URLs as this format. Default: recognised from the content.",
)
@vetting_options("Attest that the harvested records were vetted by NAME.")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar="MUSEUM_QA_DATA_DIR",
    help="Where the index lives [env: MUSEUM_QA_DATA_DIR].",
)
def harvest(
    urls: tuple[str, ...],
    prefix: str | None,
    since: str | None,
    until: str | None,
    oai_set: str | None,
    fmt: str | None,
    vetted_by: str | None,
    vetted_on: str | None,
    data_dir: Path | None,
) -> None:
    """Index records fetched over HTTP: single records, or a whole OAI-PMH endpoint.

    \b
    museum-qa harvest https://museum.org/object/1.json --vetted-by Registrar
    museum-qa harvest https://museum.org/oai --prefix lido --vetted-by Registrar
    museum-qa harvest https://museum.org/oai --prefix edm --from 2026-11-01 --vetted-by R

    A URL alone is one record (Linked Art, IIIF manifest, LIDO or EDM). With --prefix it is
    an OAI-PMH endpoint, listed page by page. Fetching is polite and cached (MUSEUM_QA_HARVEST_*
    settings): unchanged pages cost a 304, unchanged records are not embedded again. Records
    deleted at the source are listed, not removed. A URL that fails is listed and the others
    are harvested; an endpoint that fails part-way keeps the records read before, each whole.
    Either exits 1; "nothing new" exits 0.
    """  # noqa: D301 (click reads \b, the backspace character, as "keep these lines")
    from ingest.harvest.run import OaiRequest, harvest_oai, harvest_urls

    _check_args(urls, prefix, oai_from=since, until=until, oai_set=oai_set)
    if prefix and fmt:
        raise click.UsageError("--format is for single records; --prefix names the format")
    try:
        settings = load_settings(**({"data_dir": data_dir} if data_dir else {}))
        attestation = attestation_from(vetted_by, vetted_on)
        with ProgressBar(_LABELS) as progress:
            common: dict[str, Any] = {
                "attestation": attestation,
                # Only a defaulted date is kept from earlier runs; an explicit one is news.
                "keep_vetting_dates": vetted_on is None,
                "progress": progress,
            }
            index = _open_index(settings)
            if prefix:
                request = OaiRequest(urls[0], prefix, since, until, oai_set)
                report = harvest_oai(request, index, settings, **common)
            else:
                report = harvest_urls(list(urls), index, settings, fmt=fmt, **common)
    except MuseumQAError as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        sys.exit(2)
    _print(report, urls[0] if prefix else None)
    if report.failure or report.ingest.errors:
        sys.exit(1)


def _open_index(settings: Any) -> Any:
    from assistant.store import VectorIndex

    return VectorIndex.open(settings, create=True)


def _print(report: HarvestReport, endpoint: str | None) -> None:
    got, fetch = report.ingest, report.fetch
    if endpoint and report.nothing_new:
        click.echo(f"nothing new at {endpoint} (no record matched)")
    click.echo(
        f"harvested {report.records} record(s): added {len(got.added)}, updated "
        f"{len(got.updated)}, unchanged {len(got.unchanged)}, refused {len(got.refused)}, "
        f"deleted at the source {len(report.deleted)}, errors {len(got.errors)} "
        f"({got.chunks_written} chunks written; {fetch.requests} request(s), "
        f"{fetch.not_modified} unchanged page(s), {fetch.bytes_received / 1024:.0f} KiB received)"
    )
    for refusal in got.refused[:50]:
        click.secho(f"  refused {refusal.origin}: {refusal.reason}", fg="yellow")
    if len(got.refused) > 50:
        click.secho(f"  ... and {len(got.refused) - 50} more refused", fg="yellow")
    for record in report.deleted:
        indexed = report.deleted_indexed.get(record.identifier)
        hint = (
            f" (indexed as {indexed}: museum-qa sources withdraw {indexed} --reason ...)"
            if indexed
            else ""
        )
        click.secho(f"  deleted at the source: {record.identifier}{hint}", fg="yellow")
    for source_id, sentence in got.flagged:
        click.secho(
            f"  flagged for curator review ({source_id}): reads like an instruction to "
            f"the assistant, never quoted: {sentence!r}",
            fg="magenta",
        )
    for error in got.errors:
        click.secho(f"  error {error.path}: {error.reason}", fg="red", err=True)
    if report.failure:
        click.secho(f"Error: {report.failure}", fg="red", err=True)
        click.secho(
            f"  The records read before it ({report.records} listed) were indexed, each whole.",
            fg="red",
            err=True,
        )
