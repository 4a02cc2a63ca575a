"""The order in which ingest writes to the index, against an index that records its calls.

What these pin is the guarantee a crash relies on: a batch holds whole documents, its new
chunks are added before the old ones it replaces are deleted, and a document that lost
its vetting is deleted only after every batch landed. tests/test_ingest.py and
tests/test_faults.py check the same against the real index and real failures.
"""

from __future__ import annotations

import pytest

import ingest.pipeline
from assistant.documents import SourceDocument
from assistant.store import IndexedDocument, Withdrawal
from ingest.chunking import chunk_document
from ingest.loaders import Refusal
from ingest.pipeline import IngestReport, ingest_loaded

SENTENCE = "The curator wrote this sentence about the object for visitors to read. "


def _doc(source_id: str, paragraphs: int, extra: str = "") -> SourceDocument:
    text = "\n\n".join(SENTENCE * (8 + i) + extra for i in range(paragraphs))
    return SourceDocument(source_id, f"Object {source_id}", text, "Curator", "2026-11-24")


def _indexed(doc: SourceDocument, chunk_ids: tuple[str, ...], **status: object) -> IndexedDocument:
    return IndexedDocument(
        doc.source_id, doc.content_hash(), chunk_ids, len(chunk_ids), "f.md", True, **status
    )


class RecordingIndex:
    """The index calls ingest makes, in order; what it holds is given up front."""

    def __init__(self, indexed: dict[str, IndexedDocument], withdrawn: dict[str, Withdrawal]):
        self.indexed, self.withdrawn = indexed, withdrawn
        self.calls: list[tuple[str, list[str]]] = []
        self.metadata: dict[str, dict[str, object]] = {}

    def documents(self) -> dict[str, IndexedDocument]:
        return dict(self.indexed)

    def withdrawals(self) -> dict[str, Withdrawal]:
        return dict(self.withdrawn)

    def add_chunks(self, chunks) -> None:
        self.calls.append(("add", [c.chunk_id for c in chunks]))
        self.metadata.update({c.chunk_id: dict(c.metadata) for c in chunks})

    def delete_chunks(self, chunk_ids) -> None:
        self.calls.append(("delete", list(chunk_ids)))


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(ingest.pipeline, "BATCH_CHUNKS", 4)
    return 4


def test_batches_hold_whole_documents_added_before_their_old_chunks_are_deleted(small_batches):
    docs = [_doc(f"d{i}", paragraphs=i % 3 + 1) for i in range(7)]
    changed = _doc("d2", 2, extra="Rewritten.")
    docs[2] = changed
    old_d2 = ("d2:old:record", "d2:old:1")
    unvetted = _doc("gone", 1)
    index = RecordingIndex(
        {
            "d2": _indexed(_doc("d2", 2), old_d2),
            "gone": _indexed(unvetted, ("gone:x:record",)),
        },
        {},
    )
    progress: list[tuple[str, int, int]] = []
    report = ingest_loaded(
        [*docs, Refusal("gone.md", "not vetted", "gone")],
        index,
        progress=lambda *call: progress.append(call),
    )

    chunks = {d.source_id: chunk_document(d) for d in docs}
    # Embedded in order of each document's longest text (batches of like lengths).
    in_order = sorted(docs, key=lambda d: max(len(c.embed_text) for c in chunks[d.source_id]))
    batches: list[list[SourceDocument]] = [[]]
    for doc in in_order:
        if sum(len(chunks[d.source_id]) for d in batches[-1]) >= small_batches:
            batches.append([])
        batches[-1].append(doc)
    expected: list[tuple[str, list[str]]] = []
    for batch in batches:
        expected.append(("add", [c.chunk_id for d in batch for c in chunks[d.source_id]]))
        expected.append(("delete", list(old_d2) if changed in batch else []))
    expected.append(("delete", ["gone:x:record"]))  # after every batch landed
    assert index.calls == expected

    total = sum(len(cs) for cs in chunks.values())
    done = [
        sum(len(chunks[d.source_id]) for b in batches[: i + 1] for d in b)
        for i in range(len(batches))
    ]
    assert progress == [("embed", n, total) for n in done]
    written = [d.source_id for b in batches for d in b]
    assert report.updated == ["d2"] and report.added == [s for s in written if s != "d2"]
    assert report.removed == ["gone"] and report.chunks_written == total


def test_unchanged_and_withdrawn_documents(small_batches):
    same, rewritten = _doc("same", 1), _doc("held", 2, extra="New words.")
    index = RecordingIndex(
        {
            "same": _indexed(same, ("same:h:record",), flagged=1),
            "held": _indexed(_doc("held", 2), ("held:old:record",)),
        },
        {"held": Withdrawal("held", "under review", "2026-11-20")},
    )
    report = ingest_loaded([same, rewritten], index)
    new_ids = [c.chunk_id for c in chunk_document(rewritten)]
    assert index.calls == [("add", new_ids), ("delete", ["held:old:record"])]
    # The new version is written already withdrawn: not one search sees it in between.
    assert all(
        (index.metadata[i]["withdrawn"], index.metadata[i]["withdrawn_reason"])
        == (True, "under review")
        for i in new_ids
    )
    assert report.unchanged == ["same"] and report.still_flagged == ["same"]
    assert report.withdrawn == ["held"] and report.updated == ["held"]


def test_a_report_carried_across_calls_adds_up_but_progress_counts_each_call():
    report = IngestReport()
    seen: list[tuple[str, int, int]] = []
    for name in ("one", "two"):
        ingest_loaded(
            [_doc(name, 1)],
            RecordingIndex({}, {}),
            report=report,
            progress=lambda *call: seen.append(call),
        )
    n = len(chunk_document(_doc("one", 1)))
    assert report.added == ["one", "two"] and report.chunks_written == 2 * n
    assert seen == [("embed", n, n), ("embed", n, n)]
