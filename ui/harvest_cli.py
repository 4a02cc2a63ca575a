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
from ui.ingest_report import Line, error_lines, flagged_lines, refused_lines, show
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
    show(_lines(report, urls[0] if prefix else None))
    if report.failure or report.ingest.errors:
        sys.exit(1)


def _open_index(settings: Any) -> Any:
    from assistant.store import VectorIndex

    return VectorIndex.open(settings, create=True)


def _lines(report: HarvestReport, endpoint: str | None) -> list[Line]:
    """Everything ``museum-qa harvest`` prints about ``report``, in order."""
    got, fetch = report.ingest, report.fetch
    lines: list[Line] = []
    if endpoint and report.nothing_new:
        lines.append(Line(f"nothing new at {endpoint} (no record matched)"))
    lines.append(
        Line(
            f"harvested {report.records} record(s): added {len(got.added)}, updated "
            f"{len(got.updated)}, unchanged {len(got.unchanged)}, refused {len(got.refused)}, "
            f"deleted at the source {len(report.deleted)}, errors {len(got.errors)} "
            f"({got.chunks_written} chunks written; {fetch.requests} request(s), "
            f"{fetch.not_modified} unchanged page(s), "
            f"{fetch.bytes_received / 1024:.0f} KiB received)"
        )
    )
    lines += refused_lines(got.refused)
    lines += [Line(_deleted(report, r.identifier), "yellow") for r in report.deleted]
    lines += flagged_lines(got.flagged)
    lines += error_lines(got.errors)
    if report.failure:
        lines.append(Line(f"Error: {report.failure}", "red", err=True))
        lines.append(
            Line(
                f"  The records read before it ({report.records} listed) were indexed, each whole.",
                "red",
                err=True,
            )
        )
    return lines


def _deleted(report: HarvestReport, identifier: str) -> str:
    """A record deleted at the source, and how to withdraw it where it was indexed."""
    indexed = report.deleted_indexed.get(identifier)
    hint = (
        f" (indexed as {indexed}: museum-qa sources withdraw {indexed} --reason ...)"
        if indexed
        else ""
    )
    return f"  deleted at the source: {identifier}{hint}"
