"""``museum-qa reindex``: re-embed the index with another embedder, without a gap in answers.

The chunks (their texts and provenance) are copied into a staging collection beside the
index, embedded with the configured embedder (``MUSEUM_QA_INDEX_EMBEDDER``); the index keeps
answering, with its own embedder, all the while. Only when the staging collection holds
every chunk does it take the index's name, in two renames; the old collection is kept under
``<collection>__previous`` until the next reindex. An app already running on the same
embedded index switches to the new one at its next question (the swap moves the change
stamp, ``assistant.store.mark_changed``); one on a Chroma server keeps using the old one
until it restarts. An interrupted reindex continues where it stopped: chunks already in the
staging collection are not embedded again, and a swap cut between its two renames is
finished first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.embedding import index_embedder_name, index_embeddings
from assistant.errors import StoreWriteError
from assistant.settings import Settings
from assistant.store import GET_PAGE, VectorIndex, chroma_client, mark_changed

STAGING = "__reindex"
PREVIOUS = "__previous"
BATCH = 64  # chunks embedded and written at once (a batch lands whole or not at all)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReindexReport:
    """What a reindex did."""

    old_embedder: str
    new_embedder: str
    chunks: int  # chunks in the index now
    embedded: int  # chunks embedded by this run (the rest were staged by an interrupted one)
    seconds: float
    previous: str = ""  # where the old collection is kept ("" when nothing changed)


def _names(client: Any) -> set[str]:
    return {c if isinstance(c, str) else c.name for c in client.list_collections()}


def _finish_cut_swap(client: Any, name: str) -> bool:
    """A reindex stopped between its renames: name the staged index; True if it was cut."""
    names = _names(client)
    if name not in names and name + STAGING in names and name + PREVIOUS in names:
        client.get_collection(name + STAGING).modify(name=name)
        return True
    return False


def _ids(collection: Any) -> set[str]:
    out: set[str] = set()
    offset = 0
    while True:
        got = collection.get(include=[], limit=GET_PAGE, offset=offset)
        out.update(got["ids"])
        if len(got["ids"]) < GET_PAGE:
            return out
        offset += GET_PAGE


def _staging(client: Any, name: str, embedder: str) -> Any:
    """The staging collection for ``embedder``; one left by a reindex to another is dropped."""
    if name + STAGING in _names(client):
        staged = client.get_collection(name + STAGING)
        if (staged.metadata or {}).get("embedder") == embedder:
            return staged
        client.delete_collection(name + STAGING)
    return client.create_collection(
        name + STAGING, metadata={"hnsw:space": "cosine", "embedder": embedder}
    )


def _copy(source: Any, staging: Any, embedder: str, progress: Progress | None) -> int:
    """Embed every chunk of ``source`` missing from ``staging`` into it; returns how many."""
    have = _ids(staging)
    total = source.count()
    embeddings = index_embeddings(embedder)
    done, embedded, offset = len(have), 0, 0
    while True:
        got = source.get(include=["documents", "metadatas"], limit=GET_PAGE, offset=offset)
        rows = [
            (cid, doc or "", meta or {})
            for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            if cid not in have
        ]
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            texts = [doc for _, doc, _ in batch]
            staging.upsert(
                ids=[cid for cid, _, _ in batch],
                embeddings=embeddings.embed_documents(texts),
                documents=texts,
                metadatas=[meta for _, _, meta in batch],
            )
            done, embedded = done + len(batch), embedded + len(batch)
            if progress:
                progress(min(done, total), total)
        if len(got["ids"]) < GET_PAGE:
            return embedded
        offset += GET_PAGE


def _align(source: Any, staging: Any) -> None:
    """Drop staged chunks the index no longer has; copy every chunk's current metadata.

    A curator may withdraw or restore a source while the copy runs: metadata changes in
    place, without re-embedding, so the last word is copied just before the swap.
    """
    extra = _ids(staging) - _ids(source)
    if extra:
        staging.delete(ids=sorted(extra))
    offset = 0
    while True:
        got = source.get(include=["metadatas"], limit=GET_PAGE, offset=offset)
        if got["ids"]:
            staging.update(ids=got["ids"], metadatas=[m or {} for m in got["metadatas"]])
        if len(got["ids"]) < GET_PAGE:
            return
        offset += GET_PAGE


def reindex(settings: Settings, progress: Progress | None = None) -> ReindexReport:
    """Re-embed the configured index with ``MUSEUM_QA_INDEX_EMBEDDER``; see the module doc."""
    started = time.perf_counter()
    target = index_embedder_name(settings.index_embedder, settings.embedding_model)
    client = chroma_client(settings, create=False)
    name = settings.collection
    if _finish_cut_swap(client, name):
        mark_changed(settings)  # running apps look the index up by its name again
    current = VectorIndex.open(settings)
    old = current.embedder
    source = current.store._collection
    if old == target:
        if name + STAGING in _names(client):
            client.delete_collection(name + STAGING)  # a reindex to another embedder, abandoned
        return ReindexReport(old, target, source.count(), 0, time.perf_counter() - started)
    staging = _staging(client, name, target)
    try:
        embedded = _copy(source, staging, target, progress)
        # Chunks written while the copy ran (an ingest beside it) are copied now.
        embedded += _copy(source, staging, target, progress)
        _align(source, staging)
    except Exception as exc:
        raise StoreWriteError(
            f"the reindex stopped: {exc}. The index is unchanged and still answers; run "
            "`museum-qa reindex` again to continue where it stopped"
        ) from exc
    if staging.count() != source.count():
        raise StoreWriteError(
            f"the staged index holds {staging.count()} chunks, the index {source.count()}: "
            "something wrote to it during the reindex. The index is unchanged and still "
            "answers; run `museum-qa reindex` again"
        )
    if name + PREVIOUS in _names(client):
        client.delete_collection(name + PREVIOUS)
    source.modify(name=name + PREVIOUS)
    staging.modify(name=name)
    # Other processes hold the old collection by its id: tell them to look it up again.
    mark_changed(settings)
    return ReindexReport(
        old, target, staging.count(), embedded, time.perf_counter() - started, name + PREVIOUS
    )
