"""Incremental ingest: add what is new, replace what changed, drop what is no longer vetted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.documents import SourceDocument
from assistant.store import Chunk, IndexedDocument, VectorIndex, Withdrawal
from ingest.chunking import chunk_document, flagged_sentences
from ingest.loaders import (
    Attestation,
    FileError,
    Loaded,
    Refusal,
    Skipped,
    discover,
    load_file,
)
from ingest.mapping import Mapping

Progress = Callable[[str, int, int], None]
BATCH_CHUNKS = 256
# A document to (re)write and its chunks.
_Pending = tuple[SourceDocument, list[Chunk]]


@dataclass
class IngestReport:
    """What one ingest run did; printed by the CLI, asserted on by tests."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # pruned, or no longer vetted
    refused: list[Refusal] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    # Files inside the given folders that were not read (unknown format, documentation...).
    skipped: list[Skipped] = field(default_factory=list)
    # Documents and refusals read, changed or not: 0 means the run found nothing to read.
    read: int = 0
    # (source id, sentence): vetted text that reads like an order to the assistant. It is
    # indexed (the curator decides) but never shown to the model or quoted.
    flagged: list[tuple[str, str]] = field(default_factory=list)
    # Unchanged sources with flagged passages (listed by ``museum-qa sources --flagged``).
    still_flagged: list[str] = field(default_factory=list)
    # Sources a curator withdrew; they stay withdrawn whether unchanged or rewritten.
    withdrawn: list[str] = field(default_factory=list)
    chunks_written: int = 0

    @property
    def ok(self) -> bool:
        """True when every file could be read (refusals are expected, errors are not)."""
        return not self.errors

    @property
    def read_nothing(self) -> bool:
        """True when no file under the paths held a document or record (never a silent no-op)."""
        return self.read == 0


def _origin_file(origin: str) -> str:
    # JSON Lines origins are "path:line".
    head, _, tail = origin.rpartition(":")
    return head if head and tail.isdigit() else origin


def _carry_withdrawal(withdrawal: Withdrawal, chunks: list[Chunk]) -> None:
    """Write a withdrawn document's new version withdrawn too (re-ingest must not restore)."""
    for chunk in chunks:
        chunk.metadata.update(
            withdrawn=True, withdrawn_reason=withdrawal.reason, withdrawn_on=withdrawal.on
        )


def ingest(
    paths: list[Path],
    index: VectorIndex,
    *,
    prune: bool = False,
    attestation: Attestation | None = None,
    mapping: Mapping | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Bring the index in step with the vetted documents under ``paths``.

    New chunks are written before old ones are deleted, so a failure part-way leaves every
    document searchable in either its old or its new version. A withdrawn document stays
    withdrawn: unchanged, its chunks are left alone; changed, its new chunks are written
    already withdrawn, so not one search sees them in between.

    Args:
        paths: Files and folders to read.
        index: The index to bring in step.
        prune: Also remove indexed documents that are no longer under ``paths``.
        attestation: A curator's vetting for documents that do not name their own.
        mapping: How to read CSV/JSON records (auto-detected when None).
        fmt: Read .json/.jsonld/.xml/.rdf files as this standard format (detected when None).
        progress: Called with (stage, done, total) as files are read and chunks embedded.

    """
    report = IngestReport()
    files, report.errors, report.skipped = discover(paths)
    read = _Read(report)
    for i, path in enumerate(files, start=1):
        for item in load_file(path, attestation, mapping, fmt):
            read.add(item)
        if progress:
            progress("read", i, len(files))
    return _write(read, index, prune=prune, progress=progress)


def ingest_loaded(
    items: Iterable[Loaded],
    index: VectorIndex,
    *,
    report: IngestReport | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Bring the index in step with documents already read (a harvest's records).

    The same writes as ``ingest``: unchanged documents are skipped, changed ones replaced
    whole, refused ones removed. Never prunes: a harvest (often incremental) does not list
    everything that should be in the index.
    """
    read = _Read(report or IngestReport())
    for item in items:
        read.add(item)
    return _write(read, index, prune=False, progress=progress)


class _Read:
    """Documents and refusals read so far, keyed by source id (duplicates are refused)."""

    def __init__(self, report: IngestReport):
        self.report = report
        self.docs: dict[str, SourceDocument] = {}
        self.refused_ids: set[str] = set()

    def add(self, item: Loaded) -> None:
        report, docs = self.report, self.docs
        if isinstance(item, FileError):
            report.errors.append(item)
            return
        report.read += 1
        if isinstance(item, Refusal):
            report.refused.append(item)
            if item.source_id:
                self.refused_ids.add(item.source_id)
        elif item.source_id in docs:
            report.refused.append(
                Refusal(
                    item.origin,
                    f"duplicate id {item.source_id!r} (first in {docs[item.source_id].origin})",
                    None,
                )
            )
        else:
            # Instruction-like sentences are found while chunking, and only for documents
            # that are (re)written: sentence-splitting every unchanged text again made a
            # no-op re-ingest of 2,500 records take 14 s instead of about 1.
            docs[item.source_id] = item


def _write(
    read: _Read, index: VectorIndex, *, prune: bool, progress: Progress | None
) -> IngestReport:
    """Write what ``read`` holds: new chunks first, then the stale ones go (see ``ingest``)."""
    report = read.report
    indexed = index.documents()
    todo = _to_write(read, indexed, index.withdrawals())
    _write_batches(todo, index, indexed, report, progress)
    # Only after every batch landed: a document that lost its vetting must stop being cited.
    _remove_unvetted(read, indexed, index)
    if prune:
        _prune(read.docs, indexed, index, report)
    return report


def _withdrawal(
    source_id: str, old: IndexedDocument | None, register: dict[str, Withdrawal]
) -> Withdrawal | None:
    if old and old.withdrawn:
        # Chunks withdrawn before the register existed carry the decision themselves.
        return Withdrawal(source_id, old.withdrawn_reason, old.withdrawn_on)
    return register.get(source_id)


def _to_write(
    read: _Read, indexed: dict[str, IndexedDocument], register: dict[str, Withdrawal]
) -> list[_Pending]:
    """The new and changed documents with their chunks; unchanged ones are only reported."""
    report = read.report
    todo: list[_Pending] = []
    for source_id, doc in read.docs.items():
        old = indexed.get(source_id)
        withdrawal = _withdrawal(source_id, old, register)
        if withdrawal:
            report.withdrawn.append(source_id)
        if old and old.complete and old.doc_hash == doc.content_hash():
            report.unchanged.append(source_id)
            if old.flagged:
                report.still_flagged.append(source_id)
            continue
        chunks = chunk_document(doc)
        if withdrawal:
            _carry_withdrawal(withdrawal, chunks)
        report.flagged.extend((source_id, s) for s in flagged_sentences(chunks))
        todo.append((doc, chunks))
    # Embed documents of similar length together: the model pads every batch to its longest
    # text, and batches of mixed lengths embedded ~5% slower than the same texts sorted.
    todo.sort(key=lambda item: max(len(c.embed_text) for c in item[1]))
    return todo


def _batches(todo: list[_Pending]) -> Iterator[list[_Pending]]:
    """Whole documents, until a batch holds ``BATCH_CHUNKS`` chunks or more.

    A document is never split: its new chunks go to the index in one ``add_chunks`` call,
    which lands whole or not at all.
    """
    batch: list[_Pending] = []
    for pending in todo:
        batch.append(pending)
        if sum(len(cs) for _, cs in batch) >= BATCH_CHUNKS:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_batches(
    todo: list[_Pending],
    index: VectorIndex,
    indexed: dict[str, IndexedDocument],
    report: IngestReport,
    progress: Progress | None,
) -> None:
    total = sum(len(chunks) for _, chunks in todo)
    done = 0  # this call's chunks: a harvest hands in one report over several calls
    for batch in _batches(todo):
        done += _write_batch(batch, index, indexed, report)
        if progress:
            progress("embed", done, total)


def _write_batch(
    batch: list[_Pending],
    index: VectorIndex,
    indexed: dict[str, IndexedDocument],
    report: IngestReport,
) -> int:
    """Add the batch's chunks, then delete the old ones they replace; returns how many."""
    chunks = [c for _, cs in batch for c in cs]
    # New before old: a failure in between leaves each document searchable in its old or
    # its new version, never in neither.
    index.add_chunks(chunks)
    stale: list[str] = []
    for doc, cs in batch:
        old = indexed.get(doc.source_id)
        new_ids = {c.chunk_id for c in cs}
        if old:
            stale.extend(cid for cid in old.chunk_ids if cid not in new_ids)
            report.updated.append(doc.source_id)
        else:
            report.added.append(doc.source_id)
    index.delete_chunks(stale)
    report.chunks_written += len(chunks)
    return len(chunks)


def _remove_unvetted(read: _Read, indexed: dict[str, IndexedDocument], index: VectorIndex) -> None:
    """Delete the indexed documents read this time as refused (they lost their vetting)."""
    for source_id in sorted(read.refused_ids - set(read.docs)):
        if source_id in indexed:
            index.delete_chunks(indexed[source_id].chunk_ids)
            read.report.removed.append(source_id)


def _prune(
    docs: dict[str, SourceDocument],
    indexed: dict[str, IndexedDocument],
    index: VectorIndex,
    report: IngestReport,
) -> None:
    """Delete the indexed documents not read this time, except those of unreadable files."""
    unreadable = {_origin_file(e.path) for e in report.errors}
    for source_id, old in sorted(indexed.items()):
        if source_id in docs or source_id in report.removed:
            continue
        if _origin_file(old.origin) in unreadable:
            continue  # its file is broken, not gone: keep the last good version
        index.delete_chunks(old.chunk_ids)
        report.removed.append(source_id)
