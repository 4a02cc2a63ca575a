"""Harvest runs: fetch records, read them through ``ingest.interop.read``, index whole records.

What a failure leaves: a server that goes down, times out or sends something that is not
XML stops the harvest with a message naming the URL, and every record read *before* it is
still indexed, each one whole (the pipeline writes a document's new chunks before deleting
its old ones). Nothing of a page that failed is read. Records are written in batches of
``WRITE_EVERY`` as they are read, so an interrupted harvest keeps its earlier batches.
Running the same command again continues cheaply: pages already fetched come back as 304s
and unchanged records are not embedded again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from assistant.documents import SourceDocument
from assistant.settings import Settings
from assistant.store import VectorIndex
from ingest import interop
from ingest.harvest.http import FetchStats, HarvestError, PoliteClient
from ingest.harvest.oai import OaiRecord, Page, list_records
from ingest.loaders import Attestation, FileError, Loaded
from ingest.pipeline import IngestReport, Progress, ingest_loaded

# Records read before they are written: a long harvest does not hold the whole endpoint in
# memory, and one interrupted (Ctrl-C, a crash) keeps everything before its last batch.
WRITE_EVERY = 500


@dataclass
class HarvestReport:
    """What one harvest did: the pipeline's report plus what the harvest itself saw."""

    ingest: IngestReport
    fetch: FetchStats
    records: int = 0  # records (or single URLs) read, deleted ones included
    deleted: list[OaiRecord] = field(default_factory=list)
    # Source ids already indexed from records the endpoint now lists as deleted.
    deleted_indexed: dict[str, str] = field(default_factory=dict)  # OAI id -> source id
    failure: str = ""  # why the harvest stopped early ("" when it ran to the end)

    @property
    def nothing_new(self) -> bool:
        """True when the endpoint listed no record at all (OAI-PMH noRecordsMatch)."""
        return self.records == 0 and not self.failure


@dataclass(frozen=True)
class OaiRequest:
    """Which part of an endpoint to harvest."""

    endpoint: str
    prefix: str
    since: str | None = None
    until: str | None = None
    oai_set: str | None = None


def _keep_vetting_dates(items: list[Loaded], index: VectorIndex) -> list[Loaded]:
    """An unchanged record keeps the vetting date it was indexed with.

    The attestation's date defaults to today, so without this a harvest run tomorrow would
    see every record as changed (its ``vetted_on``) and embed the whole collection again.
    """
    indexed = index.documents()
    out: list[Loaded] = []
    for item in items:
        old = indexed.get(item.source_id) if isinstance(item, SourceDocument) else None
        if isinstance(item, SourceDocument) and old and old.vetted_on != item.vetted_on:
            earlier = dataclasses.replace(item, vetted_on=old.vetted_on)
            if earlier.content_hash() == old.doc_hash:
                item = earlier
        out.append(item)
    return out


class _Writer:
    """Hands records to the pipeline in batches of ``WRITE_EVERY`` as they are read.

    A long harvest then holds few records in memory, and one interrupted keeps what it read
    before its last batch.
    """

    def __init__(
        self,
        index: VectorIndex,
        report: HarvestReport,
        keep_vetting_dates: bool,
        progress: Progress | None,
    ):
        self.index, self.report = index, report
        self.keep_vetting_dates, self.progress = keep_vetting_dates, progress
        self.items: list[Loaded] = []

    def add(self, items: Iterable[Loaded]) -> None:
        self.items.extend(items)
        if len(self.items) >= WRITE_EVERY:
            self.flush()

    def flush(self) -> HarvestReport:
        items, self.items = self.items, []
        if self.keep_vetting_dates:
            items = _keep_vetting_dates(items, self.index)
        report = self.report
        report.ingest = ingest_loaded(
            items, self.index, report=report.ingest, progress=self.progress
        )
        return report


def harvest_oai(
    request: OaiRequest,
    index: VectorIndex,
    settings: Settings,
    *,
    attestation: Attestation | None = None,
    keep_vetting_dates: bool = False,
    progress: Progress | None = None,
    client: PoliteClient | None = None,
) -> HarvestReport:
    """Harvest an OAI-PMH endpoint's ListRecords into the index (see the module doc)."""
    own = client is None
    client = client or PoliteClient(settings)
    report = HarvestReport(IngestReport(), client.stats)
    writer = _Writer(index, report, keep_vetting_dates, progress)
    total: list[int | None] = [None]

    def on_page(page: Page) -> None:
        total[0] = page.complete_size or total[0]

    try:
        records = list_records(
            client,
            request.endpoint,
            request.prefix,
            since=request.since,
            until=request.until,
            oai_set=request.oai_set,
            on_page=on_page,
        )
        for record in records:
            report.records += 1
            if record.deleted:
                report.deleted.append(record)
            else:
                writer.add(_read(record, request.prefix, attestation))
            if progress:
                progress("harvest", report.records, total[0] or 0)
    except HarvestError as exc:
        report.failure = str(exc)
    finally:
        if own:
            client.__exit__(None, None, None)
    if report.deleted:
        report.deleted_indexed = _indexed_from(report.deleted, index)
    return writer.flush()


def _read(record: OaiRecord, prefix: str, attestation: Attestation | None) -> Iterator[Loaded]:
    # The prefix says the format (lido or edm); the reader still checks the content.
    return interop.read(record.data or b"", record.origin, prefix, attestation)


def _indexed_from(deleted: list[OaiRecord], index: VectorIndex) -> dict[str, str]:
    """Which deleted records were indexed before (found by their GetRecord origin)."""
    origins = {r.origin: r.identifier for r in deleted}
    found: dict[str, str] = {}
    for source_id, doc in index.documents().items():
        base = doc.origin if doc.origin in origins else doc.origin.rpartition(":")[0]
        if base in origins:
            found[origins[base]] = source_id
    return found


def harvest_urls(
    urls: list[str],
    index: VectorIndex,
    settings: Settings,
    *,
    fmt: str | None = None,
    attestation: Attestation | None = None,
    keep_vetting_dates: bool = False,
    progress: Progress | None = None,
    client: PoliteClient | None = None,
) -> HarvestReport:
    """Fetch single records (a Linked Art object, a IIIF manifest) and index them.

    A URL that cannot be fetched is an error for that URL, like an unreadable file in a
    folder: the other URLs are still harvested.
    """
    own = client is None
    client = client or PoliteClient(settings)
    report = HarvestReport(IngestReport(), client.stats)
    writer = _Writer(index, report, keep_vetting_dates, progress)
    try:
        for n, url in enumerate(urls, start=1):
            try:
                fetched = client.get(url)
            except HarvestError as exc:
                why = str(exc).removeprefix(url).lstrip(": ")
                writer.add([FileError(url, why)])
            else:
                writer.add(interop.read(fetched.body, url, fmt, attestation))
                report.records += 1
            if progress:
                progress("harvest", n, len(urls))
    finally:
        if own:
            client.__exit__(None, None, None)
    return writer.flush()
